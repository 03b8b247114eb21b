/* fuzz_record.c — libFuzzer target: any decodable text read as a crawler's JSON record stays within its bytes, stays valid UTF-8 and parses into a consistent report. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "parse.h"
#include "record.h"
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
	size_t n = record_like(d.text, d.len) ? record_plain(d.text, d.len) : d.len;
	if (n > d.len || d.text[n] != '\0')
		abort();
	size_t clean_len;
	char *clean = encoding_clean(d.text, n, &clean_len);
	if (clean_len != n || memcmp(clean, d.text, n) != 0)
		abort();   /* what it wrote is not clean UTF-8 */
	free(clean);
	struct report *r = parse_report(d.text, n, "fuzz.json");
	check_report(r);
	report_free(r);
	return 0;
}
