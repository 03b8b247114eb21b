/* ui_compare.c — the compare view: marked reports side by side by PART × TOPIC, a topic list and a facts table. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "classify.h"
#include "compare.h"
#include "facts.h"
#include "index.h"
#include "layout.h"
#include "parse_scan.h"
#include "report.h"
#include "text.h"
#include "xmalloc.h"

/* The grid is one list of lines shared by every column: each compare row takes a label line,
 * then as many lines as its tallest cell, then a blank line. A column only says which of its
 * own lines (wrapped to its own width) stands on a grid line, so scrolling moves all columns
 * together and a separator stands in the same cell on every screen row. Columns narrower
 * than MIN_COL are not drawn: fewer are shown, and h/l shift them with the focus. The cell
 * lines are byte ranges of the report text, rebuilt only when the width or the shown columns
 * change. */

#define MIN_COL 24     /* narrowest section column, separator excluded: 11 Chinese characters a line */
#define MIN_VALUE 11   /* narrowest column of the facts table */
#define MARGIN 1       /* blank cells each side of a column's text */

static const char empty_mark[] = "\xE2\x80\x94\xEF\xBC\x88\xE6\x97\xA0\xEF\xBC\x89";   /* —（无） */

struct column {
	struct layout lines;   /* the report's cells, row after row; tags are items of compare.items, -1 on an empty cell's marker */
	size_t *first;         /* per compare row, its first line; first[nrows] == n; owned */
	int x, width;          /* on screen, separator excluded */
};

enum mode { GRID, TOPICS, FACTS };

/* A line of the facts table: the nth figure stated for a metric (a report may state several). */
struct fact_row {
	int metric, nth;
};

struct ui_compare {
	struct compare cmp;
	struct report *reports[UI_COMPARE_MAX];  /* borrowed from the corpus, in column order */
	int corpus_index[UI_COMPARE_MAX];
	size_t n;
	int focus;                 /* the focused report (column) */
	int rows, cols;            /* size of the area when last drawn */
	/* grid */
	struct column col[UI_COMPARE_MAX];   /* slot i shows report first + i */
	int first, nshown, laid_cols;        /* laid_cols: screen width of the layout, 0 stale */
	size_t *row_y;             /* nrows + 1: first grid line of each row; row_y[nrows] is the total */
	size_t top;                /* first grid line shown */
	struct text_lines tmp;
	struct buf label;
	/* topic list */
	size_t topic_sel, topic_top;
	/* facts table */
	const struct facts_model *fm;          /* NULL until first shown */
	struct facts facts[UI_COMPARE_MAX];
	struct fact_row *frow;
	size_t nfrow, fact_sel, fact_top;
	int fact_first, fact_shown;
	int popup;                 /* the source sentence of the selected figure is shown */
};

/* ---- names and separators ---- */

static const char *separator(void)
{
	static const char line[] = "\xE2\x94\x82";   /* │, unless the ambiguous width makes it two cells */
	return text_width(line, sizeof line - 1) == 1 ? line : "|";
}

static void put_sep(WINDOW *w, int y, int x)
{
	const char *s = separator();
	ui_draw_text(w, y, x, 1, s, strlen(s), UI_R_BORDER, 1);
}

/* "舟山市普陀区 2021", or the file name when the report states no region. */
static void report_name(const struct report *r, struct buf *b)
{
	const char *name = r->meta.region, *slash;
	if (!name)
		name = (slash = strrchr(r->path, '/')) ? slash + 1 : r->path;
	buf_adds(b, name);
	if (r->meta.year > 0)
		buf_printf(b, " %d", r->meta.year);
}

/* report_name in `cols` cells: the start of the region gives way to an ellipsis before the
 * year does, so two years of one region stay apart in narrow columns; the end of a region's
 * name (普陀区) tells it from its neighbours better than its start (舟山市). */
static void report_name_fit(const struct report *r, size_t cols, struct buf *b)
{
	static const char ell[] = "\xE2\x80\xA6";
	size_t at = b->len;
	report_name(r, b);
	if (r->meta.year <= 0 || text_width(b->data + at, b->len - at) <= cols)
		return;
	char year[16];
	size_t yl = (size_t)snprintf(year, sizeof year, " %d", r->meta.year);
	size_t need = yl + text_width(ell, sizeof ell - 1), end = b->len - yl, from = at;
	while (from < end && need + text_width(b->data + from, end - from) > cols)
		for (from++; from < end && (b->data[from] & 0xC0) == 0x80; from++)
			;   /* to the next character */
	char *tail = xstrndup(b->data + from, end - from);
	b->len = at;
	buf_adds(b, ell);
	buf_adds(b, tail);
	buf_adds(b, year);
	free(tail);
}

/* Draws s in a cell of the given width with a margin each side. */
static void put_cell(WINDOW *w, int y, int x, int width, const char *s, size_t n, enum ui_role r, enum ui_role pad)
{
	if (width <= 0)
		return;
	int m = width > 2 * MARGIN ? MARGIN : 0;
	ui_draw_fill(w, y, x, m, pad);
	int used = ui_draw_text(w, y, x + m, width - 2 * m, s, n, r, 0);
	ui_draw_fill(w, y, x + m + used, width - m - used, pad);
}

/* How many columns of at least `min` cells (and a separator each) fit in `cols`. */
static int fit(int cols, int min, size_t n)
{
	int k = (cols + 1) / (min + 1);
	if (k < 1)
		k = 1;
	return (size_t)k > n ? (int)n : k;
}

/* Keeps the focus among the shown columns. */
static int shown_first(int first, int shown, int focus, size_t n)
{
	if (focus < first)
		first = focus;
	if (focus >= first + shown)
		first = focus - shown + 1;
	if (first + shown > (int)n)
		first = (int)n - shown;
	return first < 0 ? 0 : first;
}

/* Spreads `avail` cells over `shown` columns starting at x, a separator after each but the last. */
static void spread(int *xs, int *ws, int shown, int x, int avail)
{
	int base = avail / shown, extra = avail % shown;
	for (int i = 0; i < shown; i++) {
		ws[i] = base + (i < extra);
		xs[i] = x;
		x += ws[i] + 1;
	}
}

/* ---- the grid's lines ---- */

/* A paragraph's text, a blank line before it unless it is the first of its item. */
static void add_para(struct column *col, const struct report *r, size_t start,
                     size_t end, int width, int item, int *firstp)
{
	if (start >= end)
		return;
	if (!*firstp)
		layout_add(&col->lines, (struct layout_line){ 0, 0, item, LAYOUT_BLANK, 0, 0, 0 });
	*firstp = 0;
	layout_wrap(&col->lines, r->text, start, end, width, (struct layout_line){ 0, 0, item, LAYOUT_TEXT, 0, 0, 0 });
}

/* A section: its heading, then its own paragraphs, leaving out those that switched part (they
 * are items of their own, in another row). A run of switched paragraphs: a note, then them. */
static void add_item(struct ui_compare *c, struct column *col, size_t k, size_t i, int width)
{
	const struct report *r = c->reports[k];
	const struct compare_item *it = &c->cmp.items[i];
	int first = 1;
	if (it->npara > 0) {
		layout_add(&col->lines, (struct layout_line){ 0, 0, (int)i, LAYOUT_NOTE, 0, 0, 0 });
		for (int p = it->para; p < it->para + it->npara && (size_t)p < r->npara; p++)
			add_para(col, r, r->paras[p].start, r->paras[p].end, width, (int)i, &first);
		return;
	}
	const struct section *s = &r->sections[it->section];
	layout_wrap(&col->lines, r->text, s->head_start, s->head_end, width,
	            (struct layout_line){ 0, 0, (int)i, LAYOUT_HEAD, (unsigned char)s->level, 1, 0 });
	for (size_t p = s->para >= 0 ? (size_t)s->para : r->npara; p < r->npara && r->paras[p].section == it->section; p++) {
		if (classify_para_switched(r, &c->cmp.paras[k], p))
			continue;
		size_t start = p == (size_t)s->para ? layout_para_body(r, p) : r->paras[p].start;
		add_para(col, r, start, r->paras[p].end, width, (int)i, &first);
	}
}

static void build_column(struct ui_compare *c, struct column *col, size_t k)
{
	int width = col->width - 2 * MARGIN;
	col->lines.n = 0;
	for (size_t row = 0; row < c->cmp.nrows; row++) {
		col->first[row] = col->lines.n;
		const struct compare_cell *cell = compare_cell(&c->cmp, row, k);
		if (cell->n == 0)
			layout_add(&col->lines, (struct layout_line){ 0, 0, -1, LAYOUT_EMPTY, 0, 0, 0 });
		for (size_t i = cell->first; i < cell->first + cell->n; i++) {
			if (i > cell->first)
				layout_add(&col->lines, (struct layout_line){ 0, 0, (int)i, LAYOUT_BLANK, 0, 0, 0 });
			add_item(c, col, k, i, width);
		}
	}
	col->first[c->cmp.nrows] = col->lines.n;
}

/* The row holding grid line g (the last row when g is past the end). */
static size_t row_at(const struct ui_compare *c, size_t g)
{
	size_t lo = 0, hi = c->cmp.nrows;
	if (hi == 0)
		return 0;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->row_y[mid] <= g)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t grid_total(const struct ui_compare *c)
{
	return c->row_y[c->cmp.nrows];
}

static size_t grid_rows(const struct ui_compare *c)
{
	return c->rows > 2 ? (size_t)c->rows - 1 : 1;   /* the first row holds the column headers */
}

static size_t max_top(const struct ui_compare *c)
{
	size_t rows = grid_rows(c), total = grid_total(c);
	return total > rows ? total - rows : 0;
}

/* Lays the grid out for a screen `cols` wide, keeping the same place of the same row on top. */
static void layout(struct ui_compare *c, int cols)
{
	int shown = fit(cols, MIN_COL, c->n);
	int first = shown_first(c->first, shown, c->focus, c->n);
	if (c->laid_cols == cols && shown == c->nshown && first == c->first)
		return;
	size_t row = c->laid_cols ? row_at(c, c->top) : 0, into = c->laid_cols ? c->top - c->row_y[row] : 0;
	int xs[UI_COMPARE_MAX], ws[UI_COMPARE_MAX];
	spread(xs, ws, shown, 0, cols - (shown - 1));
	c->nshown = shown, c->first = first, c->laid_cols = cols;
	for (int i = 0; i < shown; i++) {
		c->col[i].x = xs[i], c->col[i].width = ws[i];
		build_column(c, &c->col[i], (size_t)(first + i));
	}
	size_t y = 0;
	for (size_t r = 0; r < c->cmp.nrows; r++) {
		size_t h = 0;
		for (int i = 0; i < shown; i++) {
			size_t cell = c->col[i].first[r + 1] - c->col[i].first[r];
			h = cell > h ? cell : h;
		}
		c->row_y[r] = y;
		y += h + 2;
	}
	c->row_y[c->cmp.nrows] = y;
	if (c->cmp.nrows) {
		size_t h = c->row_y[row + 1] - c->row_y[row];
		c->top = c->row_y[row] + (into < h ? into : h - 1);
	}
}

/* ---- drawing the grid ---- */

static enum ui_role head_role(int level)
{
	return level <= 1 ? UI_R_H1 : level == 2 ? UI_R_H2 : UI_R_H3;
}

/* "¶ unheaded, in 一.三": where a run of paragraphs that switched part stands; "¶ also in 一.三"
 * for a run listed again for its area, which a section there shows too. */
static void note_text(const struct report *r, const struct compare_item *it, struct buf *b)
{
	int path[8];
	size_t depth = it->section >= 0 ? compare_path(r, it->section, path, 8) : 0;
	buf_adds(b, it->also ? "\xC2\xB6 also" : "\xC2\xB6 unheaded");
	for (size_t d = 0; d < depth; d++) {
		const struct section *s = &r->sections[path[d]];
		buf_adds(b, d ? "." : it->also ? " in " : ", in ");
		buf_add(b, r->text + s->number_start, s->number_end - s->number_start);
	}
}

static void draw_cline(struct ui_compare *c, WINDOW *w, int y, const struct column *col, size_t k,
                       const struct layout_line *l)
{
	const struct report *r = c->reports[k];
	switch (l->kind) {
	case LAYOUT_HEAD:
	case LAYOUT_TEXT:
		put_cell(w, y, col->x, col->width, r->text + l->start, l->end - l->start,
		         l->kind == LAYOUT_HEAD ? head_role(l->level) : UI_R_TEXT, UI_R_TEXT);
		break;
	case LAYOUT_NOTE:
		buf_reset(&c->label);
		note_text(r, &c->cmp.items[l->tag], &c->label);
		put_cell(w, y, col->x, col->width, c->label.data, c->label.len, UI_R_DIM, UI_R_TEXT);
		break;
	case LAYOUT_EMPTY:
		put_cell(w, y, col->x, col->width, empty_mark, sizeof empty_mark - 1, UI_R_DIM, UI_R_TEXT);
		break;
	default:
		ui_draw_fill(w, y, col->x, col->width, UI_R_TEXT);
	}
}

static void draw_grid_line(struct ui_compare *c, WINDOW *w, int y, size_t g)
{
	size_t row = row_at(c, g), o = g < grid_total(c) ? g - c->row_y[row] : (size_t)-1;
	if (o == 0) {
		buf_reset(&c->label);
		compare_label(c->cmp.rows[row].part, c->cmp.rows[row].topic, &c->label);
	}
	for (int i = 0; i < c->nshown; i++) {
		const struct column *col = &c->col[i];
		if (o == 0) {
			put_cell(w, y, col->x, col->width, c->label.data, c->label.len, UI_R_BAR, UI_R_BAR);
		} else if (o != (size_t)-1 && o - 1 < col->first[row + 1] - col->first[row]) {
			draw_cline(c, w, y, col, (size_t)(c->first + i), &col->lines.line[col->first[row] + o - 1]);
		} else {
			ui_draw_fill(w, y, col->x, col->width, UI_R_TEXT);
		}
		if (i + 1 < c->nshown)
			put_sep(w, y, col->x + col->width);
	}
}

/* 1 when another column is a report of column k's region: its header must keep the year. */
static int shares_region(const struct ui_compare *c, int k)
{
	const char *region = c->reports[k]->meta.region;
	for (size_t j = 0; j < c->n && region; j++)
		if ((int)j != k && c->reports[j]->meta.region && strcmp(c->reports[j]->meta.region, region) == 0)
			return 1;
	return 0;
}

/* Column headers: "1 常州市武进区 2020", the focused one highlighted; < and > say that
 * columns are hidden to that side. */
static void draw_headers(struct ui_compare *c, WINDOW *w, int y, const int *xs, const int *ws, int first,
                         int shown, int label_w)
{
	if (label_w > 0) {
		static const char metric[] = "Key figure";
		put_cell(w, y, 0, label_w, metric, sizeof metric - 1, UI_R_H2, UI_R_TEXT);
		put_sep(w, y, label_w);
	}
	for (int i = 0; i < shown; i++) {
		int k = first + i;
		enum ui_role role = k == c->focus ? UI_R_SELECTED : UI_R_H2;
		buf_reset(&c->label);
		buf_printf(&c->label, "%d ", k + 1);
		size_t number = c->label.len;
		report_name(c->reports[k], &c->label);
		if ((int)text_width(c->label.data, c->label.len) > ws[i] - 2 * MARGIN && shares_region(c, k)) {
			c->label.len = number;   /* the name alone, its region cut before its year */
			report_name_fit(c->reports[k], ws[i] > 2 * MARGIN ? (size_t)(ws[i] - 2 * MARGIN) : 0, &c->label);
		}
		size_t skip = (int)text_width(c->label.data, c->label.len) > ws[i] - 2 * MARGIN ? number : 0;
		put_cell(w, y, xs[i], ws[i], c->label.data + skip, c->label.len - skip, role, role);
		if (i == 0 && first > 0)
			ui_draw_text(w, y, xs[i], 1, "<", 1, role, 1);
		if (i + 1 == shown && k + 1 < (int)c->n)
			ui_draw_text(w, y, xs[i] + ws[i] - 1, 1, ">", 1, role, 1);
		if (i + 1 < shown)
			put_sep(w, y, xs[i] + ws[i]);
	}
}

static void draw_grid(struct ui_compare *c, WINDOW *w, int rows)
{
	int xs[UI_COMPARE_MAX], ws[UI_COMPARE_MAX];
	for (int i = 0; i < c->nshown; i++)
		xs[i] = c->col[i].x, ws[i] = c->col[i].width;
	draw_headers(c, w, 0, xs, ws, c->first, c->nshown, 0);
	if (c->top > max_top(c))
		c->top = max_top(c);
	for (int y = 1; y < rows; y++)
		draw_grid_line(c, w, y, c->top + (size_t)(y - 1));
}

/* ---- the topic list ---- */

static void draw_topics(struct ui_compare *c, WINDOW *w, int rows, int cols)
{
	static const char head[] = "Topics \xE2\x80\x94 Enter jumps to the topic; t or Esc closes the list";
	size_t n = c->cmp.nrows, list = rows > 1 ? (size_t)rows - 1 : 1;
	ui_keep_visible(&c->topic_top, c->topic_sel, n, (int)list);
	int counts = 5 * (int)c->n;   /* "    2" per report: how many items its cell holds */
	int lw0 = cols - counts > MIN_COL ? cols - counts : cols;
	put_cell(w, 0, 0, lw0, head, sizeof head - 1, UI_R_H1, UI_R_TEXT);
	for (size_t k = 0; k < c->n && lw0 < cols; k++) {
		char num[24];
		snprintf(num, sizeof num, "%5zu", k + 1);   /* the column number of each count */
		ui_draw_text(w, 0, lw0 + 5 * (int)k, 5, num, strlen(num), UI_R_H2, 1);
	}
	for (int y = 1; y < rows; y++) {
		size_t row = c->topic_top + (size_t)(y - 1);
		if (row >= n) {
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
			continue;
		}
		enum ui_role role = row == c->topic_sel ? UI_R_SELECTED : UI_R_TEXT;
		buf_reset(&c->label);
		compare_label(c->cmp.rows[row].part, c->cmp.rows[row].topic, &c->label);
		int lw = cols - counts > MIN_COL ? cols - counts : cols;
		put_cell(w, y, 0, lw, c->label.data, c->label.len, role, role);
		for (size_t k = 0; k < c->n && lw < cols; k++) {
			char num[24] = "    -";
			size_t items = compare_cell(&c->cmp, row, k)->n;
			if (items)
				snprintf(num, sizeof num, "%5zu", items);
			ui_draw_text(w, y, lw + 5 * (int)k, 5, num, strlen(num), role, 1);
		}
	}
}

/* ---- the facts table ---- */

static const struct facts_fact *nth_fact(const struct facts *f, int metric, int nth)
{
	for (size_t i = 0; i < f->n; i++)
		if (f->v[i].metric == metric && nth-- == 0)
			return &f->v[i];
	return NULL;
}

/* Extracts the figures of every report; rows are the catalogue's metrics any report states. */
static int build_facts(struct ui *u, struct ui_compare *c)
{
	if (c->fm)
		return 0;
	char *cause = NULL;
	const struct facts_model *fm = facts_default(&cause);
	if (!fm) {
		ui_message(u, "no facts table: %s", cause ? cause : "the catalogue cannot be read");
		free(cause);
		return -1;
	}
	c->fm = fm;
	for (size_t k = 0; k < c->n; k++)
		facts_extract(fm, c->reports[k], &c->facts[k]);
	size_t cap = 0, metrics = facts_metric_count(fm);
	for (size_t m = 0; m < metrics; m++) {
		int most = 0;
		for (size_t k = 0; k < c->n; k++) {
			int cnt = 0;
			for (size_t i = 0; i < c->facts[k].n; i++)
				cnt += c->facts[k].v[i].metric == (int)m;
			most = cnt > most ? cnt : most;
		}
		for (int j = 0; j < most; j++) {
			c->frow = xgrow(c->frow, &cap, c->nfrow + 1, sizeof *c->frow);
			c->frow[c->nfrow++] = (struct fact_row){ (int)m, j };
		}
	}
	return 0;
}

/* The figure as the report writes it (近1400万元), or value and counter when it states the
 * figure in words only (无一败诉 → 0件). */
static void figure_text(const struct report *r, const struct facts_fact *f, struct buf *b)
{
	if (f->num_end > f->num_start) {
		buf_add(b, r->text + f->num_start, f->num_end - f->num_start);
		return;
	}
	const char *bar = strchr(f->unit, '|');
	buf_adds(b, f->value_text);
	buf_add(b, f->unit, bar ? (size_t)(bar - f->unit) : strlen(f->unit));
}

static int label_width(int cols)
{
	int lw = cols / 3;
	return lw < 14 ? 14 : lw > 44 ? 44 : lw;
}

/* Geometry of the facts table: the label column, then the value columns shown. */
static void facts_geometry(struct ui_compare *c, int cols, int *xs, int *ws)
{
	int lw = label_width(cols);
	c->fact_shown = fit(cols - lw - 1, MIN_VALUE, c->n);
	c->fact_first = shown_first(c->fact_first, c->fact_shown, c->focus, c->n);
	spread(xs, ws, c->fact_shown, lw + 1, cols - lw - 1 - (c->fact_shown - 1));
}

static const struct facts_fact *selected_fact(const struct ui_compare *c)
{
	if (c->nfrow == 0)
		return NULL;
	const struct fact_row *fr = &c->frow[c->fact_sel];
	return nth_fact(&c->facts[c->focus], fr->metric, fr->nth);
}

static void draw_fact_row(struct ui_compare *c, WINDOW *w, int y, size_t row, const int *xs, const int *ws, int lw)
{
	const struct fact_row *fr = &c->frow[row];
	int sel = row == c->fact_sel;
	const char *label = fr->nth == 0 ? facts_metric_label(c->fm, fr->metric) : "";
	put_cell(w, y, 0, lw, label, strlen(label), sel ? UI_R_SELECTED_IDLE : UI_R_TEXT, UI_R_TEXT);
	put_sep(w, y, lw);
	for (int i = 0; i < c->fact_shown; i++) {
		int k = c->fact_first + i;
		const struct facts_fact *f = nth_fact(&c->facts[k], fr->metric, fr->nth);
		enum ui_role role = sel && k == c->focus ? UI_R_SELECTED : f ? UI_R_TEXT : UI_R_DIM;
		buf_reset(&c->label);
		if (f)
			figure_text(c->reports[k], f, &c->label);
		else if (fr->nth == 0)
			buf_adds(&c->label, "\xE2\x80\x94");
		put_cell(w, y, xs[i], ws[i], c->label.data ? c->label.data : "", c->label.len, role, role);
		if (i + 1 < c->fact_shown)
			put_sep(w, y, xs[i] + ws[i]);
	}
}

/* Draws text[start, end) from (y, x) with [hs, he) in the highlight role; returns the cells used. */
static int draw_marked(WINDOW *w, int y, int x, int cols, const char *text, size_t start, size_t end,
                       size_t hs, size_t he)
{
	struct index_hit h = { hs, he };
	struct ui_ranges rg = { &h, 1, he - hs, (size_t)-1, UI_R_CURRENT, UI_R_CURRENT };
	return ui_draw_ranges(w, y, x, cols, text, start, end, UI_R_TEXT, &rg);
}

/* The popup: where the selected figure comes from, its sentence wrapped over the lower rows. */
static int draw_source(struct ui_compare *c, WINDOW *w, int rows, int cols)
{
	const struct facts_fact *f = selected_fact(c);
	const struct report *r = c->reports[c->focus];
	if (!f)
		return rows;
	int width = cols - 2 * MARGIN;
	c->tmp.n = 0;
	size_t s = parse_skip_blanks(r->text, f->start, f->end), e = f->end;
	while (e > s && (r->text[e - 1] == '\n' || r->text[e - 1] == ' '))
		e--;
	text_wrap(r->text + s, e - s, (size_t)(width > 0 ? width : 1), s, &c->tmp);
	int want = (int)c->tmp.n + 2, top = rows - (want < rows / 2 ? want : rows / 2);
	buf_reset(&c->label);
	report_name(r, &c->label);
	buf_adds(&c->label, " \xC2\xB7 ");
	buf_adds(&c->label, facts_metric_label(c->fm, f->metric));
	buf_adds(&c->label, " \xC2\xB7 ");
	figure_text(r, f, &c->label);
	put_cell(w, top, 0, cols, c->label.data, c->label.len, UI_R_BAR, UI_R_BAR);
	int y = top + 1;
	for (size_t i = 0; i < c->tmp.n && y < rows - 1; i++, y++) {
		const struct text_line *l = &c->tmp.line[i];
		ui_draw_fill(w, y, 0, MARGIN, UI_R_TEXT);
		int used = draw_marked(w, y, MARGIN, width, r->text, l->start, l->end, f->num_start, f->num_end);
		ui_draw_fill(w, y, MARGIN + used, cols - MARGIN - used, UI_R_TEXT);
	}
	for (; y < rows - 1; y++)
		ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
	buf_reset(&c->label);
	int path[8];
	size_t depth = f->section >= 0 ? compare_path(r, f->section, path, 8) : 0;
	for (size_t d = 0; d < depth; d++) {
		const struct section *sec = &r->sections[path[d]];
		buf_adds(&c->label, d ? "." : "In ");
		buf_add(&c->label, r->text + sec->number_start, sec->number_end - sec->number_start);
	}
	buf_adds(&c->label, depth ? " \xC2\xB7 Enter reads it in the report; Esc closes"
	                          : "Enter reads it in the report; Esc closes");
	put_cell(w, rows - 1, 0, cols, c->label.data, c->label.len, UI_R_DIM, UI_R_TEXT);
	return top;
}

static void draw_facts(struct ui_compare *c, WINDOW *w, int rows, int cols)
{
	int xs[UI_COMPARE_MAX], ws[UI_COMPARE_MAX], lw = label_width(cols);
	facts_geometry(c, cols, xs, ws);
	draw_headers(c, w, 0, xs, ws, c->fact_first, c->fact_shown, lw);
	int end = c->popup ? draw_source(c, w, rows, cols) : rows;
	size_t list = end > 1 ? (size_t)end - 1 : 1;
	ui_keep_visible(&c->fact_top, c->fact_sel, c->nfrow, (int)list);
	for (int y = 1; y < end; y++) {
		size_t row = c->fact_top + (size_t)(y - 1);
		if (row < c->nfrow) {
			draw_fact_row(c, w, y, row, xs, ws, lw);
			continue;
		}
		ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
		if (row == 0) {
			static const char none[] = "None of these reports states a figure of the catalogue.";
			put_cell(w, y, 0, cols, none, sizeof none - 1, UI_R_DIM, UI_R_TEXT);
		}
	}
}

/* ---- the views: the grid, and over it the topic list and the facts table ---- */

static const struct ui_view_type grid_view, topics_view, facts_view;

static void set_size(struct ui_compare *c, int rows, int cols)
{
	c->rows = rows, c->cols = cols;
	layout(c, cols);
}

static void grid_draw(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)u;
	struct ui_compare *c = data;
	set_size(c, rows, cols);
	draw_grid(c, w, rows);
}

static void topics_draw(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)u;
	struct ui_compare *c = data;
	set_size(c, rows, cols);
	draw_topics(c, w, rows, cols);
}

static void facts_draw(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)u;
	struct ui_compare *c = data;
	set_size(c, rows, cols);
	draw_facts(c, w, rows, cols);
}

static void shift_top(struct ui_compare *c, long delta)
{
	size_t limit = max_top(c);
	if (delta < 0)
		c->top = (size_t)-delta > c->top ? 0 : c->top - (size_t)-delta;
	else if (c->top < limit)
		c->top = limit - c->top > (size_t)delta ? c->top + (size_t)delta : limit;
}

static void move_focus(struct ui_compare *c, int step)
{
	int f = c->focus + step;
	if (f >= 0 && f < (int)c->n)
		c->focus = f;
	layout(c, c->cols);   /* the shown columns follow the focus */
}

/* Leaves the compare view and whatever stands on it, for the reader at off in report k. */
static void read_at(struct ui *u, struct ui_compare *c, int k, size_t off)
{
	ui_read_at(u, c->corpus_index[k], off, NULL, 0);   /* closing the view keeps its place */
	u->compare_place.back = 1;
}

/* Enter: the focused column's item at the top of the view, in the reader. */
static void open_cell(struct ui *u, struct ui_compare *c)
{
	if (c->cmp.nrows == 0)
		return;
	size_t row = row_at(c, c->top), o = c->top - c->row_y[row];
	const struct compare_cell *cell = compare_cell(&c->cmp, row, (size_t)c->focus);
	if (cell->n == 0) {
		buf_reset(&c->label);
		report_name(c->reports[c->focus], &c->label);
		ui_message(u, "%s has nothing on this topic", c->label.data);
		return;
	}
	size_t item = cell->first;
	const struct column *col = &c->col[c->focus - c->first];
	if (o >= 1 && o - 1 < col->first[row + 1] - col->first[row] && col->lines.line[col->first[row] + o - 1].tag >= 0)
		item = (size_t)col->lines.line[col->first[row] + o - 1].tag;
	const struct report *r = c->reports[c->focus];
	const struct compare_item *it = &c->cmp.items[item];
	read_at(u, c, c->focus, it->npara ? r->paras[it->para].start : r->sections[it->section].head_start);
}

static void heading_step(struct ui_compare *c, int dir)
{
	size_t row = row_at(c, c->top);
	if (dir > 0 && row + 1 < c->cmp.nrows)
		c->top = c->row_y[row + 1];
	else if (dir < 0)
		c->top = c->top > c->row_y[row] || row == 0 ? c->row_y[row] : c->row_y[row - 1];
	if (c->top > max_top(c))
		c->top = max_top(c);
}

static void open_topics(struct ui *u, struct ui_compare *c)
{
	c->topic_sel = row_at(c, c->top);
	ui_view_push(u, &topics_view, c);
}

static int grid_move(struct ui_compare *c, enum ui_action a)
{
	long page = (long)grid_rows(c) - 1 > 0 ? (long)grid_rows(c) - 1 : 1;
	switch (a) {
	case UI_DOWN: shift_top(c, 1); break;
	case UI_UP: shift_top(c, -1); break;
	case UI_PAGE_DOWN: shift_top(c, page); break;
	case UI_PAGE_UP: shift_top(c, -page); break;
	case UI_HALF_DOWN: shift_top(c, page / 2 ? page / 2 : 1); break;
	case UI_HALF_UP: shift_top(c, -(page / 2 ? page / 2 : 1)); break;
	case UI_TOP: c->top = 0; break;
	case UI_BOTTOM: c->top = max_top(c); break;
	case UI_HEADING_NEXT: heading_step(c, 1); break;
	case UI_HEADING_PREV: heading_step(c, -1); break;
	case UI_COLLAPSE: move_focus(c, -1); break;
	case UI_EXPAND: move_focus(c, 1); break;
	default: return 0;
	}
	return 1;
}

static int grid_key(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	(void)r, (void)ch;
	struct ui_compare *c = data;
	if (grid_move(c, a))
		return 1;
	switch (a) {
	case UI_OPEN: open_cell(u, c); return 1;
	case UI_TOPICS: open_topics(u, c); return 1;
	case UI_FACTS:
		if (build_facts(u, c) == 0)
			ui_view_push(u, &facts_view, c);
		return 1;
	case UI_BACK: case UI_QUIT: ui_view_pop(u); return 1;
	default: return 0;
	}
}

static int topics_key(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	(void)r, (void)ch;
	struct ui_compare *c = data;
	if (ui_action_moves(a) && c->cmp.nrows) {
		size_t list = c->rows > 2 ? (size_t)c->rows - 1 : 1;
		c->topic_sel = ui_move_row(c->topic_sel, c->cmp.nrows, a, (int)list);
	} else if (a == UI_OPEN && c->cmp.nrows) {
		c->top = c->row_y[c->topic_sel];
		if (c->top > max_top(c))
			c->top = max_top(c);
		ui_view_pop(u);
	} else if (a == UI_TOPICS || a == UI_BACK || a == UI_QUIT) {
		ui_view_pop(u);
	} else {
		return 0;
	}
	return 1;
}

static void open_fact(struct ui *u, struct ui_compare *c)
{
	const struct facts_fact *f = selected_fact(c);
	if (!f) {
		buf_reset(&c->label);
		report_name(c->reports[c->focus], &c->label);
		ui_message(u, "%s states no figure here", c->label.data);
		return;
	}
	if (!c->popup) {
		c->popup = 1;
		return;
	}
	read_at(u, c, c->focus, f->start);
}

/* b: the selected row's figure across the columns, as a bar chart. */
static void chart_row(struct ui *u, struct ui_compare *c)
{
	if (c->nfrow == 0)
		return;
	const struct fact_row *fr = &c->frow[c->fact_sel];
	struct chart_bar bars[UI_COMPARE_MAX];
	struct buf names[UI_COMPARE_MAX] = { { 0 } };
	char units[UI_COMPARE_MAX][96];
	for (size_t k = 0; k < c->n; k++) {
		const struct facts_fact *f = nth_fact(&c->facts[k], fr->metric, fr->nth);
		report_name(c->reports[k], &names[k]);
		snprintf(units[k], sizeof units[k], "%.*s", f ? (int)strcspn(f->unit, "|") : 0, f ? f->unit : "");
		bars[k] = (struct chart_bar){ names[k].data, f ? f->value : 0, f ? f->value_text : NULL, units[k] };
	}
	buf_reset(&c->label);
	buf_adds(&c->label, facts_metric_label(c->fm, fr->metric));
	if (fr->nth > 0)
		buf_printf(&c->label, " (statement %d)", fr->nth + 1);
	ui_show_chart(u, c->label.data, bars, c->n);
	for (size_t k = 0; k < c->n; k++)
		buf_fini(&names[k]);
}

static int facts_key(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	struct ui_compare *c = data;
	if (ui_key_means(r, ch, UI_CHART)) {
		chart_row(u, c);
	} else if (ui_action_moves(a) && c->nfrow) {
		size_t list = c->rows > 2 ? (size_t)c->rows - 1 : 1;
		c->fact_sel = ui_move_row(c->fact_sel, c->nfrow, a, (int)list);
	} else if (a == UI_COLLAPSE || a == UI_EXPAND) {
		int f = c->focus + (a == UI_EXPAND ? 1 : -1);
		c->focus = f < 0 ? 0 : f >= (int)c->n ? (int)c->n - 1 : f;
	} else if (a == UI_OPEN) {
		open_fact(u, c);
	} else if ((a == UI_BACK || a == UI_QUIT) && c->popup) {
		c->popup = 0;
	} else if (a == UI_FACTS || a == UI_BACK || a == UI_QUIT) {
		ui_view_pop(u);
	} else if (a == UI_TOPICS) {
		ui_view_pop(u);
		open_topics(u, c);
	} else {
		return 0;
	}
	return 1;
}

static void grid_resize(struct ui *u, void *data, int rows, int cols)
{
	(void)u;
	set_size(data, rows, cols);
}

/* The facts table and the topic list borrow the grid's data: only the grid frees it. */
static void popped(struct ui *u, void *data)
{
	(void)u;
	((struct ui_compare *)data)->popup = 0;
}

static void keep_place(struct ui *u, const struct ui_compare *c)
{
	struct ui_compare_place *p = &u->compare_place;
	p->n = (int)c->n;
	for (size_t k = 0; k < c->n; k++)
		p->report[k] = c->corpus_index[k];
	p->row = c->laid_cols && c->cmp.nrows ? row_at(c, c->top) : 0;
	p->into = c->laid_cols && c->cmp.nrows ? c->top - c->row_y[p->row] : 0;
	p->focus = c->focus;
	p->back = 0;
}

/* The place kept when these reports were compared last. */
static const struct ui_compare_place *kept_place(const struct ui *u, const struct ui_compare *c)
{
	const struct ui_compare_place *p = &u->compare_place;
	if (p->n != (int)c->n)
		return NULL;
	for (size_t k = 0; k < c->n; k++)
		if (p->report[k] != c->corpus_index[k])
			return NULL;
	return p;
}

static void go_to_place(struct ui_compare *c, const struct ui_compare_place *p)
{
	if (!c->laid_cols || p->row >= c->cmp.nrows)
		return;
	size_t h = c->row_y[p->row + 1] - c->row_y[p->row];
	c->top = c->row_y[p->row] + (p->into < h ? p->into : h - 1);
	if (c->top > max_top(c))
		c->top = max_top(c);
}

static void grid_close(struct ui *u, void *data)
{
	struct ui_compare *c = data;
	keep_place(u, c);
	for (size_t k = 0; k < UI_COMPARE_MAX; k++) {
		layout_fini(&c->col[k].lines);
		free(c->col[k].first);
		facts_fini(&c->facts[k]);
	}
	free(c->row_y);
	free(c->frow);
	text_lines_fini(&c->tmp);
	buf_fini(&c->label);
	compare_fini(&c->cmp);
	if (c->fm)
		facts_default_free();
	classify_default_free();   /* the compare view is the browser's only user of the tables */
	free(c);
}

/* ---- the status line ---- */

static void status_left(struct ui_compare *c, enum mode mode, struct buf *b)
{
	buf_reset(b);
	/* Hidden columns come first: on a narrow terminal they matter most. */
	if (mode == FACTS && c->fact_shown < (int)c->n)
		buf_printf(b, "columns %d-%d of %zu (h/l) \xC2\xB7 ", c->fact_first + 1, c->fact_first + c->fact_shown, c->n);
	else if (mode == GRID && c->nshown < (int)c->n)
		buf_printf(b, "columns %d-%d of %zu (h/l) \xC2\xB7 ", c->first + 1, c->first + c->nshown, c->n);
	if (mode == FACTS) {
		buf_printf(b, "Key figures: %zu rows", c->nfrow);
		if (c->nfrow)
			buf_printf(b, " \xC2\xB7 %s", facts_metric_label(c->fm, c->frow[c->fact_sel].metric));
	} else if (c->cmp.nrows == 0) {
		buf_adds(b, "These reports have no chapters to align");
	} else {
		size_t row = mode == TOPICS ? c->topic_sel : row_at(c, c->top);
		buf_printf(b, "Topic %zu/%zu: ", row + 1, c->cmp.nrows);
		compare_label(c->cmp.rows[row].part, c->cmp.rows[row].topic, b);
	}
}

static int percent(const struct ui_compare *c, enum mode mode)
{
	if (mode == FACTS)
		return c->nfrow ? (int)((c->fact_sel + 1) * 100 / c->nfrow) : 100;
	if (mode == TOPICS)
		return c->cmp.nrows ? (int)((c->topic_sel + 1) * 100 / c->cmp.nrows) : 100;
	size_t total = grid_total(c), seen = c->top + grid_rows(c);
	return total == 0 || seen >= total ? 100 : (int)(seen * 100 / total);
}

static void status(struct ui *u, struct ui_compare *c, enum mode mode, WINDOW *w, int cols)
{
	char right[16];
	snprintf(right, sizeof right, " %3d%% ", percent(c, mode));
	status_left(c, mode, &c->label);
	ui_status_line(u, w, cols, c->label.data, right);
}

static void grid_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	status(u, data, GRID, w, cols);
}

static void topics_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	status(u, data, TOPICS, w, cols);
}

static void facts_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	status(u, data, FACTS, w, cols);
}

static const struct ui_view_type grid_view = {
	.name = "Compare", .draw = grid_draw, .key = grid_key, .status = grid_status,
	.resize = grid_resize, .close = grid_close,
};
static const struct ui_view_type topics_view = {
	.name = "Compare \xC2\xB7 topics", .draw = topics_draw, .key = topics_key, .status = topics_status,
};
static const struct ui_view_type facts_view = {
	.name = "Compare \xC2\xB7 key figures", .draw = facts_draw, .key = facts_key, .status = facts_status,
	.close = popped,
};

/* ---- opening ---- */

int ui_compare_open(struct ui *u)
{
	if (u->nmarked < 2) {
		ui_message(u, "mark 2 to %d reports with Space in the reports pane, then press c", UI_COMPARE_MAX);
		return -1;
	}
	char *cause = NULL;
	const struct classify_model *m = classify_default(&cause);
	if (!m) {
		ui_message(u, "cannot compare: %s", cause ? cause : "the cue table cannot be read");
		free(cause);
		return -1;
	}
	for (int k = 0; k < u->nmarked; k++)   /* read now, those of a lazy corpus */
		if (!corpus_get(u->corpus, (size_t)u->marked[k])) {
			ui_message(u, "cannot compare: %s cannot be read", corpus_path(u->corpus, (size_t)u->marked[k]));
			classify_default_free();
			return -1;
		}
	struct ui_compare *c = xcalloc(1, sizeof *c);
	c->n = (size_t)u->nmarked;
	for (size_t k = 0; k < c->n; k++) {
		c->corpus_index[k] = u->marked[k];
		c->reports[k] = corpus_get(u->corpus, (size_t)u->marked[k]);   /* held while open */
	}
	compare_build(&c->cmp, c->reports, c->n, m);
	c->row_y = xcalloc(c->cmp.nrows + 1, sizeof *c->row_y);
	for (size_t k = 0; k < c->n; k++)
		c->col[k].first = xcalloc(c->cmp.nrows + 1, sizeof *c->col[k].first);
	const struct ui_compare_place *p = kept_place(u, c);
	if (p)
		c->focus = p->focus;
	u->compare_place.back = 0;
	ui_view_push(u, &grid_view, c);   /* laid out for the screen: the place can be found */
	if (p)
		go_to_place(c, p);
	return 0;
}
