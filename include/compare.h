/* compare.h — aligns the sections of several reports into PART × TOPIC rows, one cell per report. */
#ifndef FAZHI_COMPARE_H
#define FAZHI_COMPARE_H

#include <stddef.h>

#include "buf.h"
#include "classify.h"
#include "report.h"

/* What a cell lists: a section (heading, then its text); a run of unheaded paragraphs that
 * switched part inside another section (classify.h); or a run of paragraphs of a section listed
 * again for an area their text states besides the section's (classify_para_also: 行政复议 figures
 * in a chapter on 执法). A pane drawing a section's text leaves out the paragraphs for which
 * classify_para_switched() holds: they have their own item and row. It keeps the others, listed
 * again or not. */
struct compare_item {
	int section;   /* index into report.sections; for a run, the section holding it */
	int para;      /* a section's heading paragraph; a run's first paragraph */
	int npara;     /* paragraphs in a run; 0 for a section */
	int also;      /* 1: a run listed again for its area; its paragraphs stay in their section */
};

/* One cell: items[first .. first + n) of the compare, in document order; n == 0 is an empty cell. */
struct compare_cell {
	size_t first, n;
};

struct compare_row {
	int part;                   /* enum classify_part */
	int topic;                  /* enum classify_topic */
	struct compare_cell *cells; /* one per report, in report order; points into compare.cells */
};

/* Rows follow the taxonomy: parts in enum order (measures, problems, leader_duty, plans, other,
 * then noise), topics in enum order within a part (general first). Only rows where at least one
 * report has something are present. Every section and every switched run of every report is an
 * item of exactly one row: the row of its part and topic. A paragraph is besides in one run
 * listed again (also = 1) in the row of its part and each topic of classify_para_also(), never
 * the row that holds it. Items of a cell are in document order. */
struct compare {
	struct report **reports;        /* borrowed; classified by compare_build */
	size_t nreports;
	struct classify_paras *paras;   /* per report, owned */
	struct compare_row *rows;       /* owned */
	size_t nrows;
	struct compare_cell *cells;     /* nrows * nreports, owned */
	struct compare_item *items;     /* owned */
	size_t nitems;
};

/* Classifies the reports with model m (their sections' part/topic are filled) and aligns them.
 * The compare borrows the reports, which must outlive it; free with compare_fini. */
void compare_build(struct compare *c, struct report **reports, size_t n, const struct classify_model *m);
void compare_fini(struct compare *c);

/* The cell of a row for report k. */
const struct compare_cell *compare_cell(const struct compare *c, size_t row, size_t k);

/* The row holding a section of report k, or (size_t)-1: for jumping from the reader to the compare. */
size_t compare_row_of(const struct compare *c, size_t k, int section);

/* The paragraphs an item lists, for exports of the comparison: for a section those it holds
 * itself (its heading's included; not those of its subsections, which are items of their own,
 * nor the ones that switched part, which are runs of their own); for a run its paragraphs.
 * Returns the first such paragraph of report k at or after `from` (start with 0), or the report's
 * npara when none is left. */
size_t compare_item_next_para(const struct compare *c, size_t k, const struct compare_item *it, size_t from);

/* Writes the sections from the top level down to `section` into out (at most max); returns the
 * depth. Their numerals (report.text + number_start) make the path, e.g. 一 → 六 → 1. */
size_t compare_path(const struct report *r, int section, int *out, size_t max);

/* Appends the row's label, "举措成效 · 行政复议与行政应诉" (the part alone for GENERAL). */
void compare_label(int part, int topic, struct buf *out);

#endif
