/* ui_district.c — the district view: one region's reports year by year, metrics with sparklines, repeated and dropped text marked. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "buf.h"
#include "chart.h"
#include "classify.h"
#include "facts.h"
#include "report.h"
#include "text.h"
#include "trend.h"
#include "xmalloc.h"

/* The view is a header over one list of display lines, built for a width: a line per metric (its
 * value in each year, then a sparkline), then for 问题不足 and 下一年安排 each year's sentences
 * with those repeated from the year before marked as `fazhi trend` marks them, followed by the
 * sentences of the year before that stand nowhere in this year's part (dropped). The cursor is
 * a line: b charts the metric under it, Enter reads the sentence (or the metric's latest
 * statement) in the report. When not every year's column fits, the latest are shown and the
 * header names the years left out; < and > (h and l) move the columns to earlier or later
 * years. The trend borrows the region's reports from the corpus, which keeps them loaded. */

#define MIN_LABEL 12
#define MAX_LABEL 40
#define MARGIN 1

enum dkind { DL_HEAD, DL_METRIC, DL_BLANK, DL_PART, DL_LEGEND, DL_SENT, DL_DROPHEAD, DL_DROP };

#define MARK_NEW (-1)
#define MARK_DROPPED 3   /* after the enum align_kind marks */
#define MARK_NONE (-2)

struct dline {
	unsigned char kind;        /* enum dkind */
	signed char mark;          /* a sentence's first line: enum align_kind, MARK_NEW or MARK_DROPPED; else MARK_NONE */
	size_t index;              /* DL_METRIC: into metrics; DL_PART .. DL_DROP: into repeats */
	size_t start, end;         /* DL_SENT: a wrapped line of this year's text, DL_DROP of the year
	                            * before's; DL_DROPHEAD: sentences and characters dropped */
};

struct district {
	struct trend t;            /* one region */
	struct report **reports;   /* the region's reports found in the corpus (borrowed) */
	int *entries;              /* their corpus indices */
	size_t nreports;
	struct dline *line;
	size_t n, cap;
	int laid_cols, label_w, value_w;
	int shown, back, first_year;   /* year columns that fit; years scrolled back from the latest; the first shown */
	size_t sel, top;
	int rows;
	struct text_lines tmp;
	struct buf cell;
	double *spark_value;       /* scratch of a sparkline: a value and whether stated per year */
	int *spark_stated;
};

static const char *const marks[] = { "= ", "# ", "\xE2\x89\x88 ", "- " };   /* by enum align_kind, then dropped */

static const struct trend_region *region(const struct district *d)
{
	return &d->t.regions[0];
}

/* ---- the lines ---- */

static void add(struct district *d, struct dline l)
{
	d->line = xgrow(d->line, &d->cap, d->n + 1, sizeof *d->line);
	d->line[d->n++] = l;
}

static void value_text(const struct trend_value *v, struct buf *b)
{
	if (!v->stated) {
		buf_adds(b, "\xE2\x80\x94");
		return;
	}
	buf_adds(b, v->value_text);
	buf_add(b, v->unit, strcspn(v->unit, "|"));
}

/* The first year column shown: the latest years, scrolled back by d->back (kept in range). */
static void place_years(struct district *d)
{
	int hidden = (int)region(d)->nreports - d->shown;
	d->back = d->back < 0 ? 0 : d->back > hidden ? hidden : d->back;
	d->first_year = hidden - d->back;
}

/* Widths for `cols`: every value column as wide as the widest value; the sparkline after them;
 * the label the rest, and the earliest years left out when the latest do not fit. */
static void measure(struct district *d, int cols)
{
	const struct trend_region *g = region(d);
	int vw = 4;
	for (size_t i = 0; i < g->nmetrics; i++)
		for (size_t k = 0; k < g->nreports; k++) {
			buf_reset(&d->cell);
			value_text(&g->metrics[i].values[k], &d->cell);
			int w = (int)text_width(d->cell.data, d->cell.len);
			vw = w > vw ? w : vw;
		}
	int spark_w = (int)(g->nreports * text_width("\xE2\x96\x81", 3));   /* ▁, wide when ambiguous are */
	spark_w = (spark_w > 5 ? spark_w : 5) + 2;   /* as wide as its header, "trend" */
	int room = cols - 2 * MARGIN - spark_w - MIN_LABEL, shown = room / (vw + 2);
	shown = shown < 1 ? 1 : shown > (int)g->nreports ? (int)g->nreports : shown;
	d->value_w = vw;
	d->shown = shown;
	place_years(d);
	int lw = cols - 2 * MARGIN - spark_w - shown * (vw + 2);
	d->label_w = lw > MAX_LABEL ? MAX_LABEL : lw < 1 ? 1 : lw;
}

/* Sentence s of r wrapped to width, as lines of kind, the first with its mark. */
static void add_wrapped(struct district *d, int kind, signed char mark, size_t ri, const struct report *r,
                        const struct align_sentence *s, int width)
{
	d->tmp.n = 0;
	text_wrap(r->text + s->start, s->end - s->start, (size_t)(width > 1 ? width : 1), s->start, &d->tmp);
	for (size_t i = 0; i < d->tmp.n; i++)
		add(d, (struct dline){ (unsigned char)kind, i == 0 ? mark : MARK_NONE, ri, d->tmp.line[i].start,
		                       d->tmp.line[i].end });
}

/* A part's sentences of one year, each marked by how it stands in the year before. */
static void add_sentences(struct district *d, size_t ri, int width)
{
	const struct trend_region *g = region(d);
	const struct trend_repeat *rp = &g->repeats[ri];
	const struct align_text *now = trend_part(g, rp->report, rp->part);
	signed char *kind = xmalloc(now->n ? now->n : 1);
	memset(kind, MARK_NEW, now->n ? now->n : 1);
	for (size_t m = 0; m < rp->result.n; m++)
		kind[rp->result.v[m].sentence] = (signed char)rp->result.v[m].kind;
	for (size_t s = 0; s < now->n; s++)
		add_wrapped(d, DL_SENT, kind[s], ri, g->reports[rp->report], &now->v[s], width);
	free(kind);
}

/* The sentences of the year before's part that stand nowhere in this year's, under a line
 * counting them. */
static void add_dropped(struct district *d, size_t ri, int width)
{
	const struct trend_region *g = region(d);
	const struct trend_repeat *rp = &g->repeats[ri];
	const struct align_text *before = trend_part(g, rp->from, rp->part);
	struct align_result kept = { 0 };
	trend_kept(g, rp, &kept);
	unsigned char *stays = xcalloc(before->n + 1, 1);
	for (size_t m = 0; m < kept.n; m++)
		stays[kept.v[m].sentence] = 1;
	size_t head = d->n, count = 0, chars = 0;
	add(d, (struct dline){ DL_DROPHEAD, MARK_NONE, ri, 0, 0 });
	for (size_t s = 0; s < before->n; s++)
		if (!stays[s]) {
			add_wrapped(d, DL_DROP, MARK_DROPPED, ri, g->reports[rp->from], &before->v[s], width);
			count++, chars += before->v[s].len;
		}
	d->line[head].start = count, d->line[head].end = chars;
	free(stays);
	align_result_fini(&kept);
}

static void build(struct district *d, int cols)
{
	if (d->laid_cols == cols)
		return;
	const struct trend_region *g = region(d);
	size_t sel_at = d->n ? d->line[d->sel].start : 0;
	int sel_kind = d->n ? d->line[d->sel].kind : DL_METRIC;
	size_t sel_index = d->n ? d->line[d->sel].index : 0;
	d->laid_cols = cols;
	d->n = 0;
	measure(d, cols);
	for (size_t i = 0; i < g->nmetrics; i++)
		add(d, (struct dline){ DL_METRIC, MARK_NONE, i, 0, 0 });
	static const int parts[] = { CLASSIFY_PROBLEMS, CLASSIFY_PLANS };
	for (size_t p = 0; p < 2; p++)
		for (size_t ri = 0; ri < g->nrepeats; ri++) {
			if (g->repeats[ri].part != parts[p])
				continue;
			add(d, (struct dline){ DL_BLANK, MARK_NONE, ri, 0, 0 });
			add(d, (struct dline){ DL_PART, MARK_NONE, ri, 0, 0 });
			add(d, (struct dline){ DL_LEGEND, MARK_NONE, ri, 0, 0 });
			add_sentences(d, ri, cols - 2 * MARGIN - 2);
			add_dropped(d, ri, cols - 2 * MARGIN - 2);
		}
	d->sel = 0;   /* the same line again after a re-wrap: its kind and place */
	for (size_t i = 0; i < d->n; i++)
		if (d->line[i].kind == sel_kind && d->line[i].index == sel_index && d->line[i].start <= sel_at)
			d->sel = i;
}

/* ---- drawing ---- */

static int year_of(const struct district *d, size_t k)
{
	return region(d)->reports[k]->meta.year;
}

/* The metric's sparkline over every year (chart_sparkline: scaled from zero). */
static void sparkline(struct district *d, const struct trend_metric *m, struct buf *b)
{
	size_t n = region(d)->nreports;
	for (size_t k = 0; k < n; k++) {
		d->spark_value[k] = m->values[k].value;
		d->spark_stated[k] = m->values[k].stated;
	}
	chart_sparkline(d->spark_value, d->spark_stated, n, b);
}

/* Draws s in w cells from x, right-aligned; returns the next x. */
static int put_right(WINDOW *w, int y, int x, int width, const char *s, size_t n, enum ui_role role)
{
	int tw = (int)text_width(s, n), lead = tw < width ? width - tw : 0;
	ui_draw_fill(w, y, x, lead, role);
	int used = ui_draw_text(w, y, x + lead, width - lead, s, n, role, 0);
	ui_draw_fill(w, y, x + lead + used, width - lead - used, role);
	return x + width;
}

/* The years of reports [from, to) left out of the columns, after a marker: "‹ 2015", "‹ 2015
 * 2016", "‹ 2015–2018" (those left out are always neighbours). */
static void hidden_years(const struct district *d, size_t from, size_t to, const char *marker, struct buf *b)
{
	buf_printf(b, "%s %d", marker, year_of(d, from));
	if (to - from == 2)
		buf_printf(b, " %d", year_of(d, to - 1));
	else if (to - from > 2)
		buf_printf(b, "\xE2\x80\x93%d", year_of(d, to - 1));
}

/* The header and the metric lines share one grid: label, a value per year shown, sparkline. */
static void draw_grid_line(struct district *d, WINDOW *w, int y, int cols, const struct dline *l, enum ui_role role)
{
	const struct trend_region *g = region(d);
	const struct trend_metric *m = l->kind == DL_METRIC ? &g->metrics[l->index] : NULL;
	buf_reset(&d->cell);
	if (m)
		buf_adds(&d->cell, facts_metric_label(facts_default(NULL), m->metric));
	else if (d->first_year > 0)
		hidden_years(d, 0, (size_t)d->first_year, "\xE2\x80\xB9", &d->cell);   /* ‹ 2015 2016 */
	else
		buf_adds(&d->cell, "指标");
	ui_draw_fill(w, y, 0, MARGIN, role);
	ui_draw_text(w, y, MARGIN, d->label_w, d->cell.data, d->cell.len, m ? role : UI_R_H2, 1);
	int x = MARGIN + d->label_w;
	size_t last = (size_t)(d->first_year + d->shown);
	for (size_t k = (size_t)d->first_year; k < last; k++) {
		buf_reset(&d->cell);
		if (m)
			value_text(&m->values[k], &d->cell);
		else
			buf_printf(&d->cell, "%d", year_of(d, k));
		ui_draw_fill(w, y, x, 2, role);
		x = put_right(w, y, x + 2, d->value_w, d->cell.data, d->cell.len, m ? role : UI_R_H2);
	}
	buf_reset(&d->cell);
	if (m)
		sparkline(d, m, &d->cell);
	else if (last < g->nreports)
		hidden_years(d, last, g->nreports, "\xE2\x80\xBA", &d->cell);   /* › 2022 2023 */
	else
		buf_adds(&d->cell, "trend");
	ui_draw_fill(w, y, x, 2, role);
	x += 2;
	if (!m && last < g->nreports && (int)text_width(d->cell.data, d->cell.len) > cols - x) {
		buf_reset(&d->cell);   /* the sparkline's width: the first year left out, and that more follow */
		buf_printf(&d->cell, "\xE2\x80\xBA %d%s", year_of(d, last), last + 1 < g->nreports ? "\xE2\x80\xA6" : "");
	}
	if (x < cols)
		ui_draw_text(w, y, x, cols - x, d->cell.data, d->cell.len, m ? role : UI_R_H2, 1);
}

static void draw_part(struct district *d, WINDOW *w, int y, int cols, const struct dline *l, enum ui_role role)
{
	const struct trend_region *g = region(d);
	const struct trend_repeat *rp = &g->repeats[l->index];
	buf_reset(&d->cell);
	if (l->kind == DL_PART)
		buf_printf(&d->cell, "%s %d \xE2\x86\x90 %d: %.0f%% repeated (%zu of %zu characters)",
		           classify_part_label(rp->part), year_of(d, rp->report), year_of(d, rp->from),
		           100 * align_share(&rp->result), rp->result.repeated, rp->result.chars);
	else if (l->kind == DL_DROPHEAD && l->start == 0)
		buf_printf(&d->cell, "nothing of %d dropped in %d", year_of(d, rp->from), year_of(d, rp->report));
	else if (l->kind == DL_DROPHEAD)
		buf_printf(&d->cell, "- dropped: %zu sentence%s of %d (%zu characters) not in %d", l->start,
		           l->start == 1 ? "" : "s", year_of(d, rp->from), l->end, year_of(d, rp->report));
	else
		buf_printf(&d->cell, "= same as %d  # same but figures  \xE2\x89\x88 near  (unmarked: new)  - dropped",
		           year_of(d, rp->from));
	ui_draw_fill(w, y, 0, MARGIN, role);
	ui_draw_text(w, y, MARGIN, cols - MARGIN, d->cell.data, d->cell.len,
	             role != UI_R_TEXT ? role : l->kind == DL_PART ? UI_R_H1 : l->kind == DL_DROPHEAD ? UI_R_H3 : UI_R_DIM, 1);
}

/* The report a sentence line is from: this year's, or the year before's for a dropped one. */
static const struct report *line_report(const struct district *d, const struct dline *l)
{
	const struct trend_region *g = region(d);
	const struct trend_repeat *rp = &g->repeats[l->index];
	return g->reports[l->kind == DL_DROP ? rp->from : rp->report];
}

static void draw_sentence(struct district *d, WINDOW *w, int y, int cols, const struct dline *l, enum ui_role role)
{
	const struct report *r = line_report(d, l);
	const char *mark = l->mark >= 0 ? marks[l->mark] : "  ";
	ui_draw_fill(w, y, 0, MARGIN, role);
	int x = MARGIN + ui_draw_text(w, y, MARGIN, cols - MARGIN, mark, strlen(mark), role == UI_R_TEXT ? UI_R_H3 : role, 0);
	int prefix = MARGIN + 2;
	if (x < prefix)
		ui_draw_fill(w, y, x, prefix - x, role);
	ui_draw_text(w, y, prefix, cols - prefix, r->text + l->start, l->end - l->start, role, 1);
}

static void district_draw(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)u;
	struct district *d = data;
	build(d, cols);
	d->rows = rows > 1 ? rows - 1 : 1;
	ui_keep_visible(&d->top, d->sel, d->n, d->rows);
	static const struct dline head = { DL_HEAD, MARK_NONE, 0, 0, 0 };
	draw_grid_line(d, w, 0, cols, &head, UI_R_TEXT);
	for (int y = 1; y < rows; y++) {
		size_t i = d->top + (size_t)(y - 1);
		if (i >= d->n) {
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
			continue;
		}
		const struct dline *l = &d->line[i];
		enum ui_role role = i == d->sel && l->kind != DL_BLANK ? UI_R_SELECTED : UI_R_TEXT;
		if (l->kind == DL_HEAD || l->kind == DL_METRIC)
			draw_grid_line(d, w, y, cols, l, role);
		else if (l->kind == DL_PART || l->kind == DL_LEGEND || l->kind == DL_DROPHEAD)
			draw_part(d, w, y, cols, l, role);
		else if (l->kind == DL_SENT || l->kind == DL_DROP)
			draw_sentence(d, w, y, cols, l, role);
		else
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
	}
}

/* ---- keys ---- */

static int entry_of(const struct district *d, const struct report *r)
{
	for (size_t i = 0; i < d->nreports; i++)
		if (d->reports[i] == r)
			return d->entries[i];
	return -1;
}

/* Leaves the view (and any under it) for the reader at off in report r. */
static void read_at(struct ui *u, struct district *d, const struct report *r, size_t off)
{
	int entry = entry_of(d, r);
	while (ui_view_top(u))
		ui_view_pop(u);   /* d is gone */
	ui_open(u, entry);
	ui_jump(u, off);
	u->focus = UI_READER;
}

static void open_line(struct ui *u, struct district *d)
{
	const struct trend_region *g = region(d);
	const struct dline *l = &d->line[d->sel];
	if (l->kind == DL_SENT || l->kind == DL_DROP) {
		read_at(u, d, line_report(d, l), l->start);
		return;
	}
	if (l->kind != DL_METRIC) {
		ui_message(u, "Enter reads a metric's figure or a sentence in its report");
		return;
	}
	const struct trend_metric *m = &g->metrics[l->index];
	for (size_t k = g->nreports; k-- > 0;)
		if (m->values[k].stated) {
			read_at(u, d, g->reports[k], m->values[k].start);
			return;
		}
}

static void chart_metric(struct ui *u, struct district *d)
{
	const struct trend_region *g = region(d);
	const struct dline *l = &d->line[d->sel];
	if (l->kind != DL_METRIC) {
		ui_message(u, "move the cursor to a metric: b charts it across the years");
		return;
	}
	const struct trend_metric *m = &g->metrics[l->index];
	struct chart_bar *bars = xcalloc(g->nreports, sizeof *bars);
	char (*names)[16] = xcalloc(g->nreports, sizeof *names);
	char (*units)[96] = xcalloc(g->nreports, sizeof *units);
	for (size_t k = 0; k < g->nreports; k++) {
		const struct trend_value *v = &m->values[k];
		snprintf(names[k], sizeof names[k], "%d", year_of(d, k));
		snprintf(units[k], sizeof units[k], "%.*s", (int)strcspn(v->unit, "|"), v->unit);
		bars[k] = (struct chart_bar){ names[k], v->value, v->stated ? v->value_text : NULL, units[k] };
	}
	buf_reset(&d->cell);
	buf_printf(&d->cell, "%s \xC2\xB7 %s", g->region, facts_metric_label(facts_default(NULL), m->metric));
	ui_show_chart(u, d->cell.data, bars, g->nreports);
	free(units);
	free(names);
	free(bars);
}

/* Moves the year columns by `by` years back (earlier) or forth. */
static void scroll_years(struct ui *u, struct district *d, int by)
{
	if (d->shown >= (int)region(d)->nreports) {
		ui_message(u, "every year is shown");
		return;
	}
	int was = d->first_year;
	d->back += by;
	place_years(d);
	if (d->first_year == was)
		ui_message(u, by > 0 ? "the earliest year is shown" : "the latest year is shown");
}

static int district_key(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	struct district *d = data;
	if (ui_key_means(r, ch, UI_CHART))
		chart_metric(u, d);
	else if (a == UI_SORT_PREV || a == UI_COLLAPSE)
		scroll_years(u, d, 1);
	else if (a == UI_SORT_NEXT || a == UI_EXPAND)
		scroll_years(u, d, -1);
	else if (ui_action_moves(a) && d->n)
		d->sel = ui_move_row(d->sel, d->n, a, d->rows);
	else if (a == UI_OPEN && d->n)
		open_line(u, d);
	else if (a == UI_BACK || a == UI_QUIT || a == UI_DISTRICT)
		ui_view_pop(u);
	else
		return 0;
	return 1;
}

static void district_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	struct district *d = data;
	const struct trend_region *g = region(d);
	struct buf left = { 0 };
	char right[32];
	buf_printf(&left, "%s \xC2\xB7 %d\xE2\x80\x93%d, %zu reports%s \xC2\xB7 %zu metrics \xC2\xB7 b chart, Enter reads",
	           g->region, year_of(d, 0), year_of(d, g->nreports - 1), g->nreports,
	           d->shown < (int)g->nreports ? " (< > years)" : "", g->nmetrics);
	snprintf(right, sizeof right, " %zu/%zu ", d->sel + 1, d->n);
	ui_status_line(u, w, cols, left.data, right);
	buf_fini(&left);
}

static void district_free(struct district *d)
{
	trend_fini(&d->t);
	free(d->reports);
	free(d->entries);
	free(d->line);
	free(d->spark_value);
	free(d->spark_stated);
	text_lines_fini(&d->tmp);
	buf_fini(&d->cell);
	free(d);
	facts_default_free();   /* asked for again by whoever needs them next */
	classify_default_free();
}

static void district_close(struct ui *u, void *data)
{
	(void)u;
	district_free(data);
}

static void district_resize(struct ui *u, void *data, int rows, int cols)
{
	(void)u;
	struct district *d = data;
	d->rows = rows > 1 ? rows - 1 : 1;
	build(d, cols);
}

/* A click puts the cursor on the line under it (the header row: nothing). */
static void district_click(struct ui *u, void *data, int y)
{
	(void)u;
	struct district *d = data;
	size_t i = d->top + (size_t)(y - 1);
	if (y >= 1 && i < d->n)
		d->sel = i;
}

static const struct ui_view_type district_view = {
	.name = "District", .draw = district_draw, .key = district_key, .status = district_status,
	.resize = district_resize, .close = district_close, .click = district_click,
};

/* ---- opening ---- */

/* Every report of the corpus naming the region, with a year; read now (a lazy corpus). */
static void gather(struct district *d, struct corpus *c, const char *name)
{
	for (size_t i = 0; i < c->n; i++) {
		struct corpus_meta m;
		corpus_meta(c, i, &m);
		if (!m.region || strcmp(m.region, name) != 0 || m.year <= 0)
			continue;
		struct report *r = corpus_get(c, i);
		if (!r)
			continue;
		d->reports = xrealloc(d->reports, (d->nreports + 1) * sizeof *d->reports);
		d->entries = xrealloc(d->entries, (d->nreports + 1) * sizeof *d->entries);
		d->reports[d->nreports] = r;
		d->entries[d->nreports++] = (int)i;
	}
}

int ui_district_open(struct ui *u, int report)
{
	if (report < 0 || (size_t)report >= u->corpus->n || !corpus_get(u->corpus, (size_t)report)) {
		ui_message(u, "open or select a report first: D shows its district over the years");
		return -1;
	}
	const struct report *r = corpus_get(u->corpus, (size_t)report);
	if (!r->meta.region || r->meta.year <= 0) {
		ui_message(u, "this report names no %s: no district view", r->meta.region ? "year" : "region");
		return -1;
	}
	char *cause = NULL;
	const struct classify_model *cm = classify_default(&cause);
	const struct facts_model *fm = cm ? facts_default(&cause) : NULL;
	if (!fm) {
		ui_message(u, "no district view: %s", cause ? cause : "the cue or metric table cannot be read");
		free(cause);
		classify_default_free();
		return -1;
	}
	char *name = xstrdup(r->meta.region);
	int year = r->meta.year;
	struct district *d = xcalloc(1, sizeof *d);
	gather(d, u->corpus, name);
	trend_build(&d->t, d->reports, d->nreports, cm, fm, name);
	if (d->t.n == 0) {
		ui_message(u, "%s: only its %d report is loaded; the district view needs two years or more", name, year);
		district_free(d);
		free(name);
		return -1;
	}
	free(name);
	d->spark_value = xcalloc(d->t.regions[0].nreports, sizeof *d->spark_value);
	d->spark_stated = xcalloc(d->t.regions[0].nreports, sizeof *d->spark_stated);
	ui_view_push(u, &district_view, d);
	return 0;
}
