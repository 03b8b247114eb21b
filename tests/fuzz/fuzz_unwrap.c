/* fuzz_unwrap.c — libFuzzer target: any decodable text read as printed lines stays within its bytes and parses into a consistent report. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "unwrap.h"
#include "parse.h"
#include "report.h"

#include "report_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	char *cause = NULL;
	if (encoding_decode((const char *)data, size, &d, &cause) < 0) {
		free(cause);
		return 0;
	}
	size_t n = unwrap_plain(d.text, d.len);   /* whether it holds printed lines or not */
	if (n > d.len || d.text[n] != '\0')
		abort();
	struct report *r = parse_report(d.text, n, "fuzz.txt");
	check_report(r);
	report_free(r);
	return 0;
}
