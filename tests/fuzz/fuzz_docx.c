/* fuzz_docx.c — libFuzzer target: any bytes either fail as a Word document with a one-line cause, or give text that decodes and parses into a consistent report. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "extract.h"
#include "parse.h"
#include "report.h"

static void check(const struct report *r)
{
	if (r->body_start > r->body_end || r->body_end > r->len)
		abort();
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		if (p->start > p->end || p->end > r->len || p->section >= (int)r->nsections)
			abort();
	}
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->parent >= (int)i || s->start > s->end || s->end > r->len ||
		    s->title_start > s->title_end || s->title_end > r->len)
			abort();
	}
}

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
	check(r);
	report_free(r);
	return 0;
}
