/* outline.h — chapter-tree view state: expanded nodes, flattened visible rows, selection. */
#ifndef FAZHI_OUTLINE_H
#define FAZHI_OUTLINE_H

#include <stddef.h>

#include "report.h"

/* One visible row of the chapter pane. */
struct outline_row {
	int section;     /* index into report.sections */
	int depth;       /* 0 for top level */
	int has_children;
	int expanded;
};

/* View state of one report's chapter tree; borrows the report, owns its arrays. */
struct outline {
	const struct report *report;
	unsigned char *expanded;     /* per section: 1 when its children are shown */
	struct outline_row *rows;    /* visible rows, rebuilt by outline_build */
	size_t nrows, rowcap;
	size_t selected;             /* index into rows */
};

void outline_init(struct outline *o, const struct report *r);  /* all expanded, first row selected */
void outline_fini(struct outline *o);
void outline_build(struct outline *o);                 /* recompute rows after expanding/collapsing */
void outline_toggle(struct outline *o, size_t row);    /* expand or collapse the row's section */
void outline_set_all(struct outline *o, int expanded);
/* Selects the row of the deepest visible section containing `section` (follow the reader). */
void outline_select_section(struct outline *o, int section);
/* Row index showing `section`, or (size_t)-1 when it is hidden inside a collapsed parent. */
size_t outline_row_of(const struct outline *o, int section);

#endif
