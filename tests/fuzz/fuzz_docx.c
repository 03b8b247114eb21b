/* fuzz_docx.c — libFuzzer target: any bytes either fail as a Word document with a one-line cause, or give text that decodes and parses into a consistent report. */
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
	if (extract_docx((const char *)data, size, &text, &len, &cause) < 0) {
		if (text || !cause || !cause[0] || strchr(cause, '\n'))
			abort();
		free(cause);
		return 0;
	}
	if (cause || !text || strlen(text) != len)
		abort();
	struct decoded d;
	if (encoding_decode(text, len, &d, &cause) < 0) {
		free(cause);
		free(text);
		return 0;
	}
	free(text);
	struct report *r = parse_report(d.text, d.len, "fuzz.docx");
	check_report(r);
	report_free(r);
	return 0;
}
