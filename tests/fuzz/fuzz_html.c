/* fuzz_html.c — libFuzzer target: any bytes as a saved web page convert to text that decodes and parses into a consistent report. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "extract.h"
#include "parse.h"
#include "report.h"

#include "report_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	if (extract_html((const char *)data, size, &text, &len, &cause) < 0) {
		if (!cause || text)
			abort();
		free(cause);
		return 0;
	}
	/* the contract: NUL-terminated, no NUL inside, one line break at the end at least */
	if (cause || !text || strlen(text) != len || len == 0 || text[len - 1] != '\n')
		abort();
	struct decoded d;
	if (encoding_decode(text, len, &d, &cause) < 0) {
		free(cause);
		free(text);
		return 0;
	}
	/* the converter's output is valid UTF-8: decoding replaces nothing */
	if (d.replaced != 0 || d.from != ENCODING_UTF8)
		abort();
	free(text);
	struct report *r = parse_report(d.text, d.len, "fuzz.html");
	check_report(r);
	report_free(r);
	return 0;
}
