/* report_check.h — the invariants every parsed report keeps, checked by the fuzz targets that end in parse_report. */
#ifndef FAZHI_FUZZ_REPORT_CHECK_H
#define FAZHI_FUZZ_REPORT_CHECK_H

#include <stdlib.h>

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

#endif
