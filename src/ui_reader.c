/* ui_reader.c — the reader pane: the open report wrapped to the pane, headings set off, scrolling. */
#include "ui.h"

#include <stdlib.h>

#include "report.h"
#include "text.h"
#include "xmalloc.h"

/* The display lines of a report are built once per (report, width) and kept; a frame only
 * draws the rows in view. The margin is one cell on each side of the text. */
#define MARGIN 1

static const struct report *report_of(const struct ui *u)
{
	return u->cur >= 0 ? corpus_get(u->corpus, (size_t)u->cur) : NULL;   /* loaded by ui_open */
}

static void add_line(struct ui_reader *rd, struct ui_rline l)
{
	rd->line = xgrow(rd->line, &rd->cap, rd->n + 1, sizeof *rd->line);
	rd->line[rd->n++] = l;
}

static void add_wrapped(struct ui_reader *rd, const char *text, size_t start, size_t end,
                        int width, struct ui_rline proto)
{
	rd->tmp.n = 0;
	text_wrap(text + start, end - start, (size_t)(width > 0 ? width : 1), start, &rd->tmp);
	for (size_t i = 0; i < rd->tmp.n; i++) {
		proto.start = rd->tmp.line[i].start;
		proto.end = rd->tmp.line[i].end;
		add_line(rd, proto);
		proto.first = 0;
	}
}

static size_t skip_blanks(const char *t, size_t i, size_t end)
{
	while (i < end) {
		if (t[i] == ' ')
			i++;
		else if (end - i >= 3 && (unsigned char)t[i] == 0xE3 && (unsigned char)t[i + 1] == 0x80
		         && (unsigned char)t[i + 2] == 0x80)
			i += 3;   /* U+3000 ideographic space */
		else
			break;
	}
	return i;
}

/* A heading paragraph: the heading on its own line(s), indented by level, then the rest
 * of the paragraph (an inline heading's body) as running text. */
static void add_para(struct ui_reader *rd, const struct report *r, int p, int width)
{
	const struct para *pa = &r->paras[p];
	struct ui_rline proto = { 0, 0, p, UI_RL_TEXT, 0, 0, 0 };
	size_t rest = pa->start;
	if (pa->kind == PARA_HEADING && pa->section >= 0 && (size_t)pa->section < r->nsections) {
		const struct section *s = &r->sections[pa->section];
		if (s->head_start >= pa->start && s->head_end <= pa->end && s->head_end > s->head_start) {
			int level = s->level < 1 ? 1 : s->level > 3 ? 3 : s->level;
			struct ui_rline h = { 0, 0, p, UI_RL_HEAD, (unsigned char)level, 1,
			                      (unsigned char)(2 * (level - 1)) };
			add_wrapped(rd, r->text, s->head_start, s->head_end, width - h.indent, h);
			rest = skip_blanks(r->text, s->head_end, pa->end);
			if (rest >= pa->end)
				return;
		}
	}
	add_wrapped(rd, r->text, rest, pa->end, width, proto);
}

static void build(struct ui *u, int width)
{
	struct ui_reader *rd = &u->rd;
	const struct report *r = report_of(u);
	rd->n = 0;
	rd->width = width;
	if (!r)
		return;
	int wrap = width - 2 * MARGIN;
	for (size_t p = 0; p < r->npara; p++) {
		if (p > 0) {
			size_t at = r->paras[p - 1].end;
			add_line(rd, (struct ui_rline){ at, at, (int)p - 1, UI_RL_BLANK, 0, 0, 0 });
		}
		add_para(rd, r, (int)p, wrap);
	}
}

size_t ui_reader_line_of(const struct ui_reader *rd, size_t off)
{
	size_t lo = 0, hi = rd->n;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (rd->line[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static void set_top(struct ui *u, size_t top)
{
	struct ui_reader *rd = &u->rd;
	if (rd->n == 0) {
		rd->top = 0;
		return;
	}
	if (top >= rd->n)
		top = rd->n - 1;
	rd->top = top;
	rd->top_off = rd->line[top].start;
	const struct report *r = report_of(u);
	int p = rd->line[top].para;
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
	set_top(u, rd->n ? ui_reader_line_of(rd, keep) : 0);
	rd->top_off = keep;   /* a narrow pane must not lose the offset a wider one had */
}

void ui_reader_reset(struct ui *u)
{
	u->rd.n = 0;
	u->rd.width = 0;
	u->rd.top = 0;
	u->rd.top_off = 0;
	u->cur_section = -1;
}

void ui_reader_goto(struct ui *u, size_t off)
{
	if (u->rd.n == 0) {
		u->rd.top_off = off;   /* laid out later; kept until then */
		return;
	}
	set_top(u, ui_reader_line_of(&u->rd, off));
}

size_t ui_reader_top_offset(const struct ui *u)
{
	return u->rd.top_off;
}

int ui_reader_percent(const struct ui *u)
{
	const struct ui_reader *rd = &u->rd;
	size_t rows = rd->rows > 0 ? (size_t)rd->rows : 1;
	if (rd->n <= rows)
		return 100;
	size_t seen = rd->top + rows;
	return seen >= rd->n ? 100 : (int)(seen * 100 / rd->n);
}

int ui_reader_heading(const struct ui *u, int dir, size_t *off)
{
	const struct ui_reader *rd = &u->rd;
	if (rd->n == 0)
		return 0;
	if (dir > 0) {
		for (size_t i = rd->top + 1; i < rd->n; i++)
			if (rd->line[i].kind == UI_RL_HEAD && rd->line[i].first) {
				*off = rd->line[i].start;
				return 1;
			}
	} else {
		for (size_t i = rd->top; i-- > 0;)
			if (rd->line[i].kind == UI_RL_HEAD && rd->line[i].first) {
				*off = rd->line[i].start;
				return 1;
			}
	}
	return 0;
}

void ui_reader_fini(struct ui_reader *rd)
{
	free(rd->line);
	text_lines_fini(&rd->tmp);
	rd->line = NULL;
	rd->n = rd->cap = 0;
}

static size_t max_top(const struct ui_reader *rd)
{
	size_t rows = rd->rows > 0 ? (size_t)rd->rows : 1;
	return rd->n > rows ? rd->n - rows : 0;
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
		if (rd->n)
			ui_jump(u, rd->line[0].start);
		break;
	case UI_BOTTOM:
		if (rd->n)
			ui_jump(u, rd->line[max_top(rd)].start);
		break;
	default:
		return 0;
	}
	return 1;
}

static enum ui_role role_of(const struct ui_rline *l)
{
	if (l->kind != UI_RL_HEAD)
		return UI_R_TEXT;
	return l->level == 1 ? UI_R_H1 : l->level == 2 ? UI_R_H2 : UI_R_H3;
}

static void reader_draw(struct ui *u, WINDOW *w, int rows, int cols)
{
	struct ui_reader *rd = &u->rd;
	const struct report *r = report_of(u);
	for (int y = 0; y < rows; y++) {
		size_t i = rd->top + (size_t)y;
		if (!r || i >= rd->n) {
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
			continue;
		}
		const struct ui_rline *l = &rd->line[i];
		int lead = MARGIN + l->indent;
		if (lead > cols)
			lead = cols;
		ui_draw_fill(w, y, 0, lead, UI_R_TEXT);
		int used = ui_search_draw(u, w, y, lead, cols - lead - MARGIN > 0 ? cols - lead - MARGIN : 0,
		                          l->start, l->end, role_of(l));
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
