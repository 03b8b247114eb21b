/* ui_overview.c — the overview view: a row per report with the columns of `fazhi table`, sortable, failed files on top. */
#include "ui.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "classify.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "report.h"
#include "review.h"
#include "text.h"
#include "xmalloc.h"

/* Rows are read in steps of STEP_SECONDS a frame, so a large corpus shows its first rows and
 * its progress at once and keys are answered meanwhile. Reading a report classifies it and
 * extracts its facts (review_read); a report of a lazy corpus read for its row alone is let go
 * again, so the region is copied into the row. When the corpus's cached index keeps the report's
 * digest, the row is filled from its head instead and the report is not read: the steps then take
 * thousands of rows each. The models are asked for at each step and never
 * kept: another view may free them when it closes. */
#define STEP_SECONDS 0.08

struct orow {
	struct review_row row;     /* path borrowed from the corpus; region and failed point to the copies */
	long entry;                /* corpus index; -1 for a file the walk skipped */
	char *region, *reason;     /* owned */
};

/* A column on screen: the table's column it shows, its header, its width range and when it
 * goes on a narrow screen (drop: higher goes first; 0 stays). */
struct ocol {
	int col;                   /* enum review_column */
	const char *head;
	int min, max, right, drop;
};

static const struct ocol ocols[] = {
	{ REVIEW_COL_REGION, "region", 10, 24, 0, 0 },
	{ REVIEW_COL_LEVEL, "level", 6, 6, 0, 5 },
	{ REVIEW_COL_YEAR, "year", 4, 4, 1, 0 },
	{ REVIEW_COL_PUBLISHED, "published", 10, 10, 0, 7 },
	{ REVIEW_COL_ON_TIME, "on time", 7, 7, 0, 4 },
	{ REVIEW_COL_CHARS, "chars", 6, 6, 1, 3 },
	{ REVIEW_COL_CHAPTERS, "chap", 4, 4, 1, 2 },
	{ REVIEW_COL_MEASURES, "举措", 4, 4, 0, 0 },
	{ REVIEW_COL_PROBLEMS, "问题", 4, 4, 0, 0 },
	{ REVIEW_COL_LEADER_DUTY, "履职", 4, 4, 0, 0 },
	{ REVIEW_COL_PLANS, "安排", 4, 4, 0, 0 },
	{ REVIEW_COL_FACTS, "facts", 5, 5, 1, 0 },
	{ REVIEW_COL_WARNINGS, "warnings", 8, 200, 0, 6 },
};
#define NCOLS (sizeof ocols / sizeof ocols[0])

/* The marks of a part: headed, only in paragraphs of other chapters, missing. */
static const char *const part_marks[] = { "\xE2\x9C\x97", "~", "\xE2\x9C\x93" };   /* ✗ ~ ✓ by enum review_part_state */

struct overview {
	struct orow *rows;
	size_t n, cap;
	size_t *order;             /* indices into rows as shown */
	size_t ordercap;
	size_t next_entry, next_msg, nfailed;
	int done;
	int sort, desc;            /* index into ocols; descending */
	size_t sel, top;           /* in order */
	int moved;                 /* the cursor was moved: sorting keeps its row, else the first */
	int rows_shown;
	int x[NCOLS], w[NCOLS];    /* layout; w 0: the column is not shown */
	int laid_cols;
	struct classify_paras paras;
	struct facts facts;
	struct digest digest;      /* of the entry being read, when the index keeps it */
	struct buf cell;
};

/* ---- reading the rows ---- */

static struct orow *row_new(struct overview *o, long entry)
{
	o->rows = xgrow(o->rows, &o->cap, o->n + 1, sizeof *o->rows);
	struct orow *r = &o->rows[o->n++];
	memset(r, 0, sizeof *r);
	r->entry = entry;
	return r;
}

static void failed_row(struct overview *o, long entry, const char *path, const char *reason)
{
	struct orow *r = row_new(o, entry);
	r->reason = xstrdup(reason ? reason : "cannot be read");
	review_row_failed(&r->row, path, r->reason);
	o->nfailed++;
}

static const char *reason_of(const struct corpus *c, size_t entry)
{
	for (size_t m = c->nmsgs; m-- > 0;)
		if (c->msgs[m].entry == (long)entry && c->msgs[m].skipped)
			return c->msgs[m].reason;
	return NULL;
}

/* Entry k's row from the digest the corpus's metadata source (the cached index) keeps, so that
 * the report is not read; -1 when there is none to take it from. A report read already is rowed
 * from itself: checking its file again could let it go under the panes that hold it. */
static int digest_entry(struct overview *o, struct corpus *c, size_t k)
{
	const void *p;
	size_t len;
	struct review_row row;
	if (corpus_loaded(c, k) || corpus_digest(c, k, &p, &len) || digest_decode_head(p, len, &o->digest) ||
	    review_row_from_digest(&row, corpus_path(c, k), &o->digest, REVIEW_DEADLINE_DEFAULT))
		return -1;
	if (!corpus_unchanged(c, k)) {
		failed_row(o, (long)k, corpus_path(c, k), reason_of(c, k));
		return 0;
	}
	struct orow *r = row_new(o, (long)k);
	r->row = row;
	r->region = row.region ? xstrndup(row.region, row.region_len) : NULL;
	r->row.region = r->region;
	return 0;
}

static void read_entry(struct overview *o, struct corpus *c, size_t k)
{
	if (digest_entry(o, c, k) == 0)
		return;
	const struct classify_model *cm = classify_default(NULL);
	const struct facts_model *fm = facts_default(NULL);
	int loaded = corpus_loaded(c, k);
	struct report *r = corpus_get(c, k);
	if (!r || corpus_failed(c, k) || !cm || !fm) {
		failed_row(o, (long)k, corpus_path(c, k), r ? "the cue or metric table cannot be read" : reason_of(c, k));
		return;
	}
	o->facts.n = 0;
	review_read(cm, fm, r, &o->paras, &o->facts);
	struct orow *row = row_new(o, (long)k);
	review_row_fill(&row->row, r, &o->paras, o->facts.n, REVIEW_DEADLINE_DEFAULT);
	row->region = r->meta.region ? xstrdup(r->meta.region) : NULL;
	row->row.region = row->region;
	row->row.path = corpus_path(c, k);
	if (!loaded)
		corpus_unload(c, k);
}

/* One step: entries (and the files the walk skipped before them) until the time is up. */
static void read_step(struct overview *o, struct corpus *c)
{
	double t0 = ui_clock();
	do {
		size_t k = o->next_entry;
		for (; o->next_msg < c->nmsgs && c->msgs[o->next_msg].at <= k; o->next_msg++)
			if (c->msgs[o->next_msg].skipped && c->msgs[o->next_msg].entry < 0)
				failed_row(o, -1, c->msgs[o->next_msg].path, c->msgs[o->next_msg].reason);
		if (k == c->n) {
			o->done = 1;
			break;
		}
		read_entry(o, c, k);
		o->next_entry++;
	} while (ui_clock() - t0 < STEP_SECONDS);
}

/* ---- sorting ---- */

/* qsort has no context argument in C11: the view being sorted. */
static const struct overview *sorting;

static int part_rank(const struct review_row *r, int col)
{
	static const int rank[] = { 2, 1, 0 };   /* headed first, then unheaded, then missing */
	return rank[review_row_part(r, CLASSIFY_MEASURES + (col - REVIEW_COL_MEASURES))];
}

static int is_part(int col)
{
	return col >= REVIEW_COL_MEASURES && col <= REVIEW_COL_PLANS;
}

/* Failed files first whatever the order; then the sort column, reversed or not. */
static int by_column(const void *pa, const void *pb)
{
	const struct orow *a = &sorting->rows[*(const size_t *)pa], *b = &sorting->rows[*(const size_t *)pb];
	if (!a->row.failed != !b->row.failed)
		return a->row.failed ? -1 : 1;
	int col = ocols[sorting->sort].col, d;
	if (is_part(col) && !a->row.failed)
		d = part_rank(&a->row, col) - part_rank(&b->row, col);
	else
		d = review_row_cmp(&a->row, &b->row, col);
	if (!d)
		d = strcmp(a->row.path, b->row.path);
	return sorting->desc ? -d : d;
}

/* Sorts the rows read so far, keeping the selected row selected. */
static void sort_rows(struct overview *o)
{
	size_t selected = o->moved && o->sel < o->n ? o->order[o->sel] : SIZE_MAX;
	o->order = xgrow(o->order, &o->ordercap, o->n ? o->n : 1, sizeof *o->order);
	for (size_t i = 0; i < o->n; i++)
		o->order[i] = i;
	sorting = o;
	qsort(o->order, o->n, sizeof *o->order, by_column);
	sorting = NULL;
	o->sel = 0;
	for (size_t i = 0; i < o->n; i++)
		if (o->order[i] == selected)
			o->sel = i;
}

/* ---- layout and drawing ---- */

/* Drops columns by priority until the minimum widths fit, then gives the room left to the
 * region and the warnings. */
static void layout(struct overview *o, int cols)
{
	if (o->laid_cols == cols)
		return;
	o->laid_cols = cols;
	int need = 0, shown[NCOLS];
	for (size_t i = 0; i < NCOLS; i++)
		shown[i] = 1, need += ocols[i].min + 1;
	for (int drop = 7; drop > 0 && need > cols; drop--)
		for (size_t i = 0; i < NCOLS; i++)
			if (ocols[i].drop == drop && shown[i])
				shown[i] = 0, need -= ocols[i].min + 1;
	int spare = cols - need, x = 1;
	for (size_t i = 0; i < NCOLS; i++) {
		o->w[i] = shown[i] ? ocols[i].min : 0;
		int grow = shown[i] && spare > 0 ? ocols[i].max - ocols[i].min : 0;
		grow = grow < spare ? grow : spare;
		o->w[i] += grow;
		spare -= grow;
		o->x[i] = x;
		x += shown[i] ? o->w[i] + 1 : 0;
	}
}

static void cell_text(struct overview *o, const struct orow *r, size_t i)
{
	buf_reset(&o->cell);
	int col = ocols[i].col;
	if (is_part(col))
		buf_adds(&o->cell, part_marks[review_row_part(&r->row, CLASSIFY_MEASURES + (col - REVIEW_COL_MEASURES))]);
	else if (col == REVIEW_COL_LEVEL)
		buf_adds(&o->cell, report_level_name(r->row.level));
	else
		review_cell(&o->cell, &r->row, col);
	if (col == REVIEW_COL_REGION && !r->row.region) {   /* the file name stands in for it */
		const char *slash = strrchr(r->row.path, '/');
		buf_adds(&o->cell, slash ? slash + 1 : r->row.path);
	}
}

/* Draws the cell's text in column i of row y, right-aligned for numbers, centred for marks. */
static void put_column(struct overview *o, WINDOW *w, int y, size_t i, const char *s, size_t n, enum ui_role role)
{
	int width = o->w[i], tw = (int)text_width(s, n);
	int lead = ocols[i].right && tw < width ? width - tw : is_part(ocols[i].col) ? (width - tw) / 2 : 0;
	ui_draw_fill(w, y, o->x[i] - 1, 1 + lead, role);
	int used = ui_draw_text(w, y, o->x[i] + lead, width - lead, s, n, role, 0);
	ui_draw_fill(w, y, o->x[i] + lead + used, width - lead - used, role);
}

static int last_x(const struct overview *o)
{
	int x = 0;
	for (size_t i = 0; i < NCOLS; i++)
		if (o->w[i])
			x = o->x[i] + o->w[i];
	return x;
}

static void draw_header(struct overview *o, WINDOW *w, int cols)
{
	for (size_t i = 0; i < NCOLS; i++)
		if (o->w[i])
			put_column(o, w, 0, i, ocols[i].head, strlen(ocols[i].head), (int)i == o->sort ? UI_R_SELECTED : UI_R_H2);
	ui_draw_fill(w, 0, last_x(o), cols - last_x(o), UI_R_H2);
}

/* A failed file: its name in the region column, then "failed: reason" over the rest. */
static void draw_failed(struct overview *o, WINDOW *w, int y, int cols, const struct orow *r, enum ui_role role)
{
	cell_text(o, r, 0);
	put_column(o, w, y, 0, o->cell.data, o->cell.len, role);
	int x = o->x[0] + o->w[0];
	buf_reset(&o->cell);
	buf_printf(&o->cell, " failed: %s", r->reason);
	ui_draw_outside(w, y, x, cols - x, o->cell.data, role == UI_R_SELECTED ? role : UI_R_MESSAGE, 1);
}

static void draw_row(struct overview *o, WINDOW *w, int y, int cols, size_t k)
{
	const struct orow *r = &o->rows[o->order[k]];
	enum ui_role role = k == o->sel ? UI_R_SELECTED : UI_R_TEXT;
	if (r->row.failed) {
		draw_failed(o, w, y, cols, r, role);
		return;
	}
	for (size_t i = 0; i < NCOLS; i++)
		if (o->w[i]) {
			cell_text(o, r, i);
			put_column(o, w, y, i, o->cell.data ? o->cell.data : "", o->cell.len, role);
		}
	ui_draw_fill(w, y, last_x(o), cols - last_x(o), role);
}

static void overview_draw(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	struct overview *o = data;
	if (!o->done) {
		read_step(o, u->corpus);
		sort_rows(o);
		if (!o->done)
			ui_want_frame(u);
	}
	layout(o, cols);
	o->rows_shown = rows > 1 ? rows - 1 : 1;
	ui_keep_visible(&o->top, o->sel, o->n, o->rows_shown);
	draw_header(o, w, cols);
	for (int y = 1; y < rows; y++) {
		size_t k = o->top + (size_t)(y - 1);
		if (k < o->n)
			draw_row(o, w, y, cols, k);
		else
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
	}
}

/* ---- keys ---- */

static void open_selected(struct ui *u, struct overview *o, int district)
{
	if (o->n == 0)
		return;
	const struct orow *r = &o->rows[o->order[o->sel]];
	if (r->row.failed) {
		ui_message(u, "%s could not be read: %s", r->row.path, r->reason);
		return;
	}
	int entry = (int)r->entry;
	if (district) {
		ui_show_district(u, entry);
		return;
	}
	ui_view_pop(u);   /* o is gone */
	ui_open(u, entry);
	u->focus = UI_READER;
}

static int overview_key(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	(void)r, (void)ch;
	struct overview *o = data;
	if (ui_action_moves(a) && o->n) {
		o->sel = ui_move_row(o->sel, o->n, a, o->rows_shown);
		o->moved = 1;
	} else if (a == UI_SORT_PREV || a == UI_SORT_NEXT) {
		int step = a == UI_SORT_NEXT ? 1 : -1;
		o->sort = (o->sort + step + (int)NCOLS) % (int)NCOLS;
		sort_rows(o);
	} else if (a == UI_SORT_REVERSE) {
		o->desc = !o->desc;
		sort_rows(o);
	} else if (a == UI_OPEN || a == UI_DISTRICT) {
		open_selected(u, o, a == UI_DISTRICT);
	} else if (a == UI_BACK || a == UI_QUIT || a == UI_OVERVIEW) {
		ui_view_pop(u);
	} else {
		return 0;
	}
	return 1;
}

static void overview_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	struct overview *o = data;
	struct buf left = { 0 };
	char right[48];
	if (!o->done)
		buf_printf(&left, "reading reports %zu/%zu\xE2\x80\xA6", o->next_entry, u->corpus->n);
	else
		buf_printf(&left, "%zu reports", o->n - o->nfailed);
	if (o->nfailed)
		buf_printf(&left, ", %zu failed", o->nfailed);
	buf_printf(&left, " \xC2\xB7 by %s, %s (< > r)", ocols[o->sort].head, o->desc ? "descending" : "ascending");
	if (is_part(ocols[o->sort].col))
		buf_adds(&left, " \xE2\x9C\x93 headed ~ unheaded \xE2\x9C\x97 missing");
	snprintf(right, sizeof right, " %zu/%zu ", o->n ? o->sel + 1 : 0, o->n);
	ui_status_line(u, w, cols, left.data, right);
	buf_fini(&left);
}

static void overview_close(struct ui *u, void *data)
{
	(void)u;
	struct overview *o = data;
	for (size_t i = 0; i < o->n; i++) {
		free(o->rows[i].region);
		free(o->rows[i].reason);
	}
	free(o->rows);
	free(o->order);
	classify_paras_fini(&o->paras);
	facts_fini(&o->facts);
	digest_fini(&o->digest);
	buf_fini(&o->cell);
	free(o);
	facts_default_free();
	classify_default_free();
}

static void overview_resize(struct ui *u, void *data, int rows, int cols)
{
	(void)u, (void)rows;
	layout(data, cols);
}

/* A click selects the row under it (the header row: nothing). */
static void overview_click(struct ui *u, void *data, int y)
{
	(void)u;
	struct overview *o = data;
	size_t k = o->top + (size_t)(y - 1);
	if (y >= 1 && k < o->n)
		o->sel = k, o->moved = 1;
}

static const struct ui_view_type overview_view = {
	.name = "Overview", .draw = overview_draw, .key = overview_key, .status = overview_status,
	.resize = overview_resize, .close = overview_close, .click = overview_click,
};

void ui_overview_open(struct ui *u)
{
	if (ui_view_has(u, &overview_view))
		return;
	ui_view_push(u, &overview_view, xcalloc(1, sizeof(struct overview)));
}
