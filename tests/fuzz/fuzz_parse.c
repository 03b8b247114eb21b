/* fuzz_parse.c — libFuzzer target: any decodable bytes parse into a consistent report. */
#include <stdint.h>
#include <stdlib.h>

#include "encoding.h"
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
	struct report *r = parse_report(d.text, d.len, "fuzz.txt");
	check_report(r);
	report_free(r);
	return 0;
}
