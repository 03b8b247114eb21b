/* report_check.h — what the fuzz targets that end in parse_report share: their bytes decoded as text, and the invariants every parsed report keeps. */
#ifndef FAZHI_FUZZ_REPORT_CHECK_H
#define FAZHI_FUZZ_REPORT_CHECK_H

#include <stdint.h>
#include <stdlib.h>

#include "encoding.h"
#include "parse.h"
#include "report.h"

/* Aborts (so libFuzzer reports the input) when a range leaves the text, a paragraph names no
 * section, or a section is not nested in its parent. */
static inline void check_report(const struct report *r)
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

/* The fuzzer's bytes decoded as a report's text into *d: 0, or -1 when they are no text. */
static inline int decode_input(const uint8_t *data, size_t size, struct decoded *d)
{
	char *cause = NULL;
	if (encoding_decode((const char *)data, size, d, &cause) < 0) {
		free(cause);
		return -1;
	}
	return 0;
}

/* Parses d's text, its first n bytes after a rewrite in place (which must stay within them and
 * end in a NUL), and checks the report. */
static inline void parse_checked(struct decoded *d, size_t n, const char *name)
{
	if (n > d->len || d->text[n] != '\0')
		abort();
	struct report *r = parse_report(d->text, n, name);
	check_report(r);
	report_free(r);
}

#endif
