/* report.c — lifetime and simple queries of struct report. */
#include "report.h"

#include <stdlib.h>

void report_free(struct report *r)
{
	if (!r)
		return;
	free(r->path);
	free(r->text);
	free(r->meta.title);
	free(r->meta.region);
	free(r->meta.doc_number);
	free(r->meta.issuer);
	free(r->meta.addressee);
	free(r->paras);
	free(r->sections);
	free(r);
}

size_t report_count_level(const struct report *r, int level)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsections; i++)
		n += r->sections[i].level == level;
	return n;
}

int report_section_at(const struct report *r, size_t off)
{
	/* Sections nest and are in document order, so the last one that starts at or
	 * before off and still contains it is the deepest. */
	int found = -1;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->start > off)
			break;
		if (off < s->end)
			found = (int)i;
	}
	return found;
}
