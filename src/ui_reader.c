/* ui_reader.c — the reader pane: the open report wrapped to the pane, headings set off, scrolling, and `/` in it. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "layout.h"
#include "query.h"
#include "report.h"
#include "text.h"
#include "xmalloc.h"

/* The display lines of a report are built once per (report, width) and kept; a frame only
 * draws the rows in view. The margin is one cell on each side of the text. */
#define MARGIN 1

/* Hits reuse two roles that stand out in every pane: all hits, and the current one. */
#define ROLE_HIT UI_R_SELECTED
#define ROLE_HIT_CURRENT UI_R_MESSAGE

/* `/` in the open report. */
struct ui_find {
	int prompting;
	struct ui_prompt p;
	size_t origin;              /* reader top when the prompt opened: Esc returns here */
	char *accepted;             /* last search confirmed with Enter, owned; NULL none */
	struct query *q;            /* query whose hits are shown; NULL none */
	char err[256];              /* why the prompt's text is not a query; "" none */
	int doc_report;             /* report that doc and hits are for; -1 none */
	struct index_doc doc;
	struct index_hits hits;     /* of q in doc_report, sorted */
	size_t longest;             /* bytes of the longest hit: how far back a line looks */
	size_t cur;                 /* the current hit */
	char counter[48];           /* ui_find_counter's answer */
};

static const struct report *report_of(const struct ui *u)
{
	return u->cur >= 0 ? corpus_get(u->corpus, (size_t)u->cur) : NULL;   /* loaded by ui_open */
}

static void build(struct ui *u, int width)
{
	struct ui_reader *rd = &u->rd;
	const struct report *r = report_of(u);
	rd->lines.n = 0;
	rd->width = width;
	if (r)
		layout_report(&rd->lines, r, width - 2 * MARGIN);
}

static void set_top(struct ui *u, size_t top)
{
	struct ui_reader *rd = &u->rd;
	if (rd->lines.n == 0) {
		rd->top = 0;
		return;
	}
	if (top >= rd->lines.n)
		top = rd->lines.n - 1;
	rd->top = top;
	rd->top_off = rd->lines.line[top].start;
	const struct report *r = report_of(u);
	int p = rd->lines.line[top].tag;
	u->cur_section = r && p >= 0 && (size_t)p < r->npara ? r->paras[p].section : -1;
}

void ui_reader_layout(struct ui *u, int width)
{
	struct ui_reader *rd = &u->rd;
	if (width < 1)
		width = 1;
	if (rd->width == width)
		return;
	size_t keep = rd->top_off;
	build(u, width);
	set_top(u, rd->lines.n ? layout_line_of(&rd->lines, keep) : 0);
	rd->top_off = keep;   /* a narrow pane must not lose the offset a wider one had */
}

void ui_reader_reset(struct ui *u)
{
	u->rd.lines.n = 0;
	u->rd.width = 0;
	u->rd.top = 0;
	u->rd.top_off = 0;
	u->cur_section = -1;
}

void ui_reader_goto(struct ui *u, size_t off)
{
	if (u->rd.lines.n == 0) {
		u->rd.top_off = off;   /* laid out later; kept until then */
		return;
	}
	set_top(u, layout_line_of(&u->rd.lines, off));
}

size_t ui_reader_top_offset(const struct ui *u)
{
	return u->rd.top_off;
}

int ui_reader_percent(const struct ui *u)
{
	const struct ui_reader *rd = &u->rd;
	size_t rows = rd->rows > 0 ? (size_t)rd->rows : 1;
	if (rd->lines.n <= rows)
		return 100;
	size_t seen = rd->top + rows;
	return seen >= rd->lines.n ? 100 : (int)(seen * 100 / rd->lines.n);
}

int ui_reader_heading(const struct ui *u, int dir, size_t *off)
{
	const struct ui_reader *rd = &u->rd;
	if (rd->lines.n == 0)
		return 0;
	if (dir > 0) {
		for (size_t i = rd->top + 1; i < rd->lines.n; i++)
			if (rd->lines.line[i].kind == LAYOUT_HEAD && rd->lines.line[i].first) {
				*off = rd->lines.line[i].start;
				return 1;
			}
	} else {
		for (size_t i = rd->top; i-- > 0;)
			if (rd->lines.line[i].kind == LAYOUT_HEAD && rd->lines.line[i].first) {
				*off = rd->lines.line[i].start;
				return 1;
			}
	}
	return 0;
}

static void find_free(struct ui_find *f);

void ui_reader_fini(struct ui *u)
{
	struct ui_reader *rd = &u->rd;
	find_free(u->find);
	u->find = NULL;
	layout_fini(&rd->lines);
}

static size_t max_top(const struct ui_reader *rd)
{
	size_t rows = rd->rows > 0 ? (size_t)rd->rows : 1;
	return rd->lines.n > rows ? rd->lines.n - rows : 0;
}

static void shift_top(struct ui *u, long delta)
{
	struct ui_reader *rd = &u->rd;
	size_t top = rd->top;
	if (delta > 0) {
		size_t limit = max_top(rd) > top ? max_top(rd) : top;
		top = top + (size_t)delta > limit ? limit : top + (size_t)delta;
	} else {
		top = (size_t)-delta > top ? 0 : top - (size_t)-delta;
	}
	set_top(u, top);
}

static int reader_key(struct ui *u, enum ui_action a)
{
	struct ui_reader *rd = &u->rd;
	long page = rd->rows > 1 ? rd->rows - 1 : 1;
	switch (a) {
	case UI_DOWN: shift_top(u, 1); break;
	case UI_UP: shift_top(u, -1); break;
	case UI_PAGE_DOWN: shift_top(u, page); break;
	case UI_PAGE_UP: shift_top(u, -page); break;
	case UI_HALF_DOWN: shift_top(u, page / 2 > 0 ? page / 2 : 1); break;
	case UI_HALF_UP: shift_top(u, -(page / 2 > 0 ? page / 2 : 1)); break;
	case UI_TOP:
		if (rd->lines.n)
			ui_jump(u, rd->lines.line[0].start);
		break;
	case UI_BOTTOM:
		if (rd->lines.n)
			ui_jump(u, rd->lines.line[max_top(rd)].start);
		break;
	default:
		return 0;
	}
	return 1;
}

static enum ui_role role_of(const struct layout_line *l)
{
	if (l->kind != LAYOUT_HEAD)
		return UI_R_TEXT;
	return l->level == 1 ? UI_R_H1 : l->level == 2 ? UI_R_H2 : UI_R_H3;
}

static struct ui_find *find_state(struct ui *u);
static void find_sync(struct ui *u);

static void reader_draw(struct ui *u, WINDOW *w, int rows, int cols)
{
	struct ui_reader *rd = &u->rd;
	const struct report *r = report_of(u);
	struct ui_find *f = find_state(u);
	find_sync(u);
	struct ui_ranges hits = { f->hits.v, f->hits.n, f->longest, f->cur, ROLE_HIT, ROLE_HIT_CURRENT };
	for (int y = 0; y < rows; y++) {
		size_t i = rd->top + (size_t)y;
		if (!r || i >= rd->lines.n) {
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
			continue;
		}
		const struct layout_line *l = &rd->lines.line[i];
		int lead = MARGIN + l->indent;
		if (lead > cols)
			lead = cols;
		ui_draw_fill(w, y, 0, lead, UI_R_TEXT);
		int used = ui_draw_ranges(w, y, lead, cols - lead - MARGIN > 0 ? cols - lead - MARGIN : 0,
		                          r->text, l->start, l->end, role_of(l), &hits);
		ui_draw_fill(w, y, lead + used, cols - lead - used, UI_R_TEXT);
	}
}

static void reader_click(struct ui *u, int row)
{
	(void)u;
	(void)row;   /* a click only focuses the reader, which ui.c has done */
}

static void reader_resize(struct ui *u, int rows, int cols)
{
	u->rd.rows = rows;
	ui_reader_layout(u, cols);
}

const struct ui_pane ui_reader_pane = {
	"Reader", reader_draw, reader_key, reader_click, reader_resize,
};

/* ---- `/`: the search in the open report ---- */

static struct ui_find *find_state(struct ui *u)
{
	if (!u->find) {
		u->find = xcalloc(1, sizeof *u->find);
		u->find->doc_report = -1;
	}
	return u->find;
}

static void find_free(struct ui_find *f)
{
	if (!f)
		return;
	if (f->doc_report >= 0)
		index_doc_fini(&f->doc);
	index_hits_fini(&f->hits);
	query_free(f->q);
	free(f->accepted);
	free(f);
}

static void find_compute(struct ui *u)
{
	struct ui_find *f = find_state(u);
	if (f->doc_report != u->cur) {
		if (f->doc_report >= 0)
			index_doc_fini(&f->doc);
		f->doc_report = u->cur;
		if (u->cur >= 0)
			index_doc_init(&f->doc, report_of(u));
	}
	f->hits.n = 0;
	f->longest = 0;
	f->cur = 0;
	if (f->q && u->cur >= 0)
		index_doc_find(&f->doc, f->q, &f->hits);
	for (size_t i = 0; i < f->hits.n; i++)
		if (f->hits.v[i].end - f->hits.v[i].start > f->longest)
			f->longest = f->hits.v[i].end - f->hits.v[i].start;
}

/* The query becomes the prompt's text, its hits found; the current hit the first at or after off. */
static void find_query(struct ui *u, size_t off)
{
	struct ui_find *f = find_state(u);
	query_free(f->q);
	f->q = ui_prompt_query(&f->p, f->err, sizeof f->err);
	find_compute(u);
	f->cur = ui_range_from(f->hits.v, f->hits.n, off);
	if (f->cur >= f->hits.n)
		f->cur = 0;
}

/* Another report was opened since the hits were found: find them in it. */
static void find_sync(struct ui *u)
{
	struct ui_find *f = find_state(u);
	if (f->q && f->doc_report != u->cur) {
		find_compute(u);
		f->cur = ui_range_from(f->hits.v, f->hits.n, ui_reader_top_offset(u));
		if (f->cur >= f->hits.n)
			f->cur = 0;
	}
}

static int visible(const struct ui *u, size_t off)
{
	const struct ui_reader *rd = &u->rd;
	if (rd->lines.n == 0)
		return 0;
	size_t l = layout_line_of(&rd->lines, off);
	return l >= rd->top && l < rd->top + (size_t)(rd->rows > 0 ? rd->rows : 1);
}

/* The current hit into view: the reader moves only when it is not on the screen. */
static void reveal(struct ui *u, int jump)
{
	struct ui_find *f = find_state(u);
	if (f->cur >= f->hits.n)
		return;
	size_t off = f->hits.v[f->cur].start;
	if (visible(u, off))
		return;
	if (jump)
		ui_jump(u, off);
	else
		ui_reader_goto(u, off);
}

/* Each keystroke: search again from where the prompt opened. */
static void find_update(struct ui *u)
{
	struct ui_find *f = find_state(u);
	find_query(u, f->origin);
	ui_reader_goto(u, f->origin);
	reveal(u, 0);
}

void ui_find_open(struct ui *u)
{
	struct ui_find *f = find_state(u);
	if (u->cur < 0) {
		ui_message(u, "no report is open");
		return;
	}
	u->focus = UI_READER;
	f->prompting = 1;
	f->origin = ui_reader_top_offset(u);
	ui_prompt_clear(u, &f->p);
	find_query(u, f->origin);
}

const char *ui_find_query(const struct ui *u)
{
	return u->find ? u->find->accepted : NULL;
}

int ui_find_prompting(const struct ui *u)
{
	return u->find && u->find->prompting;
}

/* Back to the search last accepted (none: no highlights), as it was. */
static void find_restore_accepted(struct ui *u)
{
	struct ui_find *f = find_state(u);
	const char *t = f->accepted ? f->accepted : "";
	ui_prompt_set(&f->p, t, strlen(t));
	find_query(u, f->origin);
	f->err[0] = '\0';
}

static void find_accept(struct ui *u)
{
	struct ui_find *f = find_state(u);
	f->prompting = 0;
	if (f->p.len == 0 && f->accepted) {   /* Enter on an empty prompt repeats the last search */
		ui_prompt_set(&f->p, f->accepted, strlen(f->accepted));
		find_update(u);
	}
	if (f->p.len == 0) {
		find_restore_accepted(u);
		return;
	}
	ui_prompt_remember(u, &f->p);
	if (!f->q) {
		ui_message(u, "%s", f->err);
		find_restore_accepted(u);
		return;
	}
	free(f->accepted);
	f->accepted = xstrndup(f->p.text, f->p.len);
	if (f->hits.n == 0)
		ui_message(u, "not found: %s", f->p.text);
	else if (ui_reader_top_offset(u) != f->origin) {
		u->back.report = u->cur;   /* '' goes back to where the search started */
		u->back.off = f->origin;
	}
}

static void find_cancel(struct ui *u)
{
	struct ui_find *f = find_state(u);
	f->prompting = 0;
	ui_reader_goto(u, f->origin);
	find_restore_accepted(u);
}

void ui_find_key(struct ui *u, int r, wint_t ch)
{
	struct ui_find *f = find_state(u);
	switch (ui_prompt_key(u, &f->p, r, ch)) {
	case UI_EDIT_CHANGED: find_update(u); break;
	case UI_EDIT_ENTER: find_accept(u); break;
	case UI_EDIT_ESC: find_cancel(u); break;
	default: break;
	}
}

void ui_find_set(struct ui *u, const char *q, size_t n, size_t off)
{
	struct ui_find *f = find_state(u);
	free(f->accepted);
	f->accepted = xstrndup(q, n);
	ui_prompt_set(&f->p, q, n);
	find_query(u, off);
}

int ui_find_clear(struct ui *u)
{
	struct ui_find *f = find_state(u);
	if (!f->q)
		return 0;
	free(f->accepted);
	f->accepted = NULL;
	ui_prompt_set(&f->p, "", 0);
	find_query(u, 0);
	return 1;
}

/* The next hit from the current one while it is on the screen, else from the top line. */
void ui_find_step(struct ui *u, int dir)
{
	struct ui_find *f = find_state(u);
	find_sync(u);
	if (!f->q) {
		ui_message(u, "no search yet: / searches this report, s all reports");
		return;
	}
	size_t n = f->hits.n;
	if (n == 0) {
		ui_message(u, "not found: %s", f->accepted ? f->accepted : "");
		return;
	}
	size_t top = ui_reader_top_offset(u), next;
	int wrapped;
	if (visible(u, f->hits.v[f->cur].start) || u->rd.lines.n == 0) {
		next = dir > 0 ? (f->cur + 1) % n : (f->cur + n - 1) % n;
		wrapped = dir > 0 ? next < f->cur : next > f->cur;
	} else if (dir > 0) {
		next = ui_range_from(f->hits.v, n, top);
		wrapped = next >= n;
		next = wrapped ? 0 : next;
	} else {
		next = ui_range_from(f->hits.v, n, top);
		wrapped = next == 0;
		next = wrapped ? n - 1 : next - 1;
	}
	if (wrapped)
		ui_message(u, dir > 0 ? "search went past the end; continued from the top"
		                      : "search went past the top; continued from the end");
	f->cur = next;
	reveal(u, 1);
}

const char *ui_find_counter(struct ui *u)
{
	struct ui_find *f = find_state(u);
	find_sync(u);
	if (f->q && f->hits.n)
		snprintf(f->counter, sizeof f->counter, " %zu/%zu", f->cur + 1, f->hits.n);
	else
		f->counter[0] = '\0';
	return f->counter;
}

/* While a query is typed the terminal's own cursor stands after it, so that an input method
 * opens its list of candidates there. */
int ui_find_status(struct ui *u, WINDOW *w, int cols)
{
	struct ui_find *f = u->find;
	if (!f || !f->prompting)
		return 0;
	ui_want_cursor(u);
	leaveok(w, FALSE);
	char right[300];
	enum ui_role rr = UI_R_BAR;
	if (f->err[0]) {
		snprintf(right, sizeof right, " %s ", f->err);
		rr = UI_R_MESSAGE;
	} else if (f->q && f->hits.n == 0) {
		snprintf(right, sizeof right, " not found ");
		rr = UI_R_MESSAGE;
	} else if (f->q) {
		snprintf(right, sizeof right, " %zu/%zu ", f->cur + 1, f->hits.n);
	} else {
		right[0] = '\0';
	}
	int rw = (int)text_width(right, strlen(right));
	if (rw > cols / 2)
		rw = cols / 2;
	int room = cols - rw;
	int x = ui_prompt_draw(w, 0, room, "/", &f->p, UI_R_BAR);
	if (x < room)
		ui_draw_fill(w, 0, x, room - x, UI_R_BAR);
	ui_draw_outside(w, 0, room, cols - room, right, rr, 1);
	wmove(w, 0, x < cols ? x : cols - 1);
	return 1;
}
