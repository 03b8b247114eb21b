/* fuzz_markdown.c — libFuzzer target: any decodable text read as Markdown stays within its bytes and parses into a consistent report. */
#include <stdint.h>
#include <stdlib.h>

#include "markdown.h"

#include "report_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	if (decode_input(data, size, &d) < 0)
		return 0;
	parse_checked(&d, markdown_plain(d.text, d.len), "fuzz.md");   /* whether it reads as Markdown or not */
	return 0;
}
