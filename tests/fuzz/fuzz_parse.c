/* fuzz_parse.c — libFuzzer target: any decodable bytes parse into a consistent report. */
#include <stdint.h>
#include <stdlib.h>

#include "report_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	if (decode_input(data, size, &d) < 0)
		return 0;
	parse_checked(&d, d.len, "fuzz.txt");
	return 0;
}
