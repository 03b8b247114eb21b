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

/* Rows list the visible sections in document order, so rows[].section increases. A section is
 * visible when every ancestor is expanded; its depth is its number of ancestors, whatever the
 * levels (a 1. directly under 一、 has depth 1). Sections with no report (NULL) or none at all
 * give no rows: then selected is 0 and no row exists, which every function below accepts. */
void outline_init(struct outline *o, const struct report *r);  /* all expanded, first row selected */
void outline_fini(struct outline *o);
/* Recompute rows after expanding/collapsing. The selection stays on the same section, or
 * moves to its nearest visible ancestor when that section is now hidden. */
void outline_build(struct outline *o);
void outline_toggle(struct outline *o, size_t row);    /* expand or collapse the row's section; a leaf or a bad row is ignored */
void outline_set_all(struct outline *o, int expanded);
/* Selects the row of the deepest visible section containing `section` (follow the reader):
 * the section itself, or its visible ancestor when it is hidden. section < 0 (the preamble)
 * selects the first row; a section out of range leaves the selection alone. */
void outline_select_section(struct outline *o, int section);
/* Row index showing `section`, or (size_t)-1 when it is hidden inside a collapsed parent. */
size_t outline_row_of(const struct outline *o, int section);
/* The selected row's section, or -1 when there are no rows. */
int outline_selected_section(const struct outline *o);
/* Moves the selection by delta rows, stopping at the first and last row. */
void outline_move(struct outline *o, long delta);
/* Expands every ancestor of `section` so that it has a row, then selects it. */
void outline_reveal(struct outline *o, int section);

#endif
