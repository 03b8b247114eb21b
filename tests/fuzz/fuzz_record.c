/* fuzz_record.c — libFuzzer target: any decodable text read as a crawler's JSON record stays within its bytes, stays valid UTF-8 and parses into a consistent report. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

#include "report_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	if (decode_input(data, size, &d) < 0)
		return 0;
	size_t n = record_like(d.text, d.len) ? record_plain(d.text, d.len) : d.len, clean_len;
	char *clean = encoding_clean(d.text, n < d.len ? n : d.len, &clean_len);
	if (n > d.len || clean_len != n || memcmp(clean, d.text, n) != 0)
		abort();   /* past its bytes, or what it wrote is not clean UTF-8 */
	free(clean);
	parse_checked(&d, n, "fuzz.json");
	return 0;
}
