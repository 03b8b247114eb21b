/* fuzz_unwrap.c — libFuzzer target: any decodable text read as printed lines stays within its bytes and parses into a consistent report. */
#include <stdint.h>
#include <stdlib.h>

#include "unwrap.h"

#include "report_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	if (decode_input(data, size, &d) < 0)
		return 0;
	parse_checked(&d, unwrap_plain(d.text, d.len), "fuzz.txt");   /* whether it holds printed lines or not */
	return 0;
}
