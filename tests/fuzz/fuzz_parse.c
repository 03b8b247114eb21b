/* fuzz_parse.c — libFuzzer target: any decodable bytes parse into a consistent report. */
#include <stdint.h>
#include <stdlib.h>

#include "encoding.h"
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
		if (s->parent >= 0 && (s->start < r->sections[s->parent].start ||
		                       s->end > r->sections[s->parent].end))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	char *cause = NULL;
	if (encoding_decode((const char *)data, size, &d, &cause) < 0) {
		free(cause);
		return 0;
	}
	struct report *r = parse_report(d.text, d.len, "fuzz.txt");
	check(r);
	report_free(r);
	return 0;
}
