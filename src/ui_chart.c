/* ui_chart.c — the bar chart view: one metric across columns (districts or years), laid out by chart.h. */
#include "ui.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "xmalloc.h"

/* The bars are copied at the push, so the view that opened the chart may change or go. The
 * chart's lines are laid out again when the width changes; they are plain text (block
 * characters, values and units written out), so NO_COLOR loses nothing. */
struct ui_chart {
	char *title;               /* owned */
	struct chart_bar *bars;    /* owned, with the strings they point to */
	size_t n;
	struct chart chart;        /* laid out for `width` */
	struct buf note;           /* under the chart: units that differ; "" none */
	size_t width, top;
	int rows;
};

static char *copy_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void lay_out(struct ui_chart *c, int cols)
{
	size_t width = cols > 2 ? (size_t)cols - 2 : 1;   /* a margin each side */
	if (width == c->width)
		return;
	chart_fini(&c->chart);
	chart_layout(c->bars, c->n, width, &c->chart);
	c->width = width;
}

/* Lines of the body: the title, a blank, the chart, then the note when there is one. */
static size_t total_lines(const struct ui_chart *c)
{
	return 2 + c->chart.n + (c->note.len ? 2 : 0);
}

static void draw_line(struct ui_chart *c, WINDOW *w, int y, int cols, size_t line)
{
	ui_draw_fill(w, y, 0, 1, UI_R_TEXT);
	const char *s = "";
	enum ui_role role = UI_R_TEXT;
	if (line == 0)
		s = c->title, role = UI_R_H1;
	else if (line >= 2 && line - 2 < c->chart.n)
		s = c->chart.lines[line - 2].text;
	else if (line == 3 + c->chart.n)
		s = c->note.data, role = UI_R_DIM;
	ui_draw_text(w, y, 1, cols - 1, s, strlen(s), role, 1);
}

static void chart_draw(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)u;
	struct ui_chart *c = data;
	lay_out(c, cols);
	c->rows = rows;
	ui_keep_visible(&c->top, c->top, total_lines(c), rows);
	for (int y = 0; y < rows; y++) {
		size_t line = c->top + (size_t)y;
		if (line < total_lines(c))
			draw_line(c, w, y, cols, line);
		else
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
	}
}

static int chart_key(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	struct ui_chart *c = data;
	size_t total = total_lines(c), rows = c->rows > 0 ? (size_t)c->rows : 1;
	if (a == UI_BACK || a == UI_QUIT || ui_key_means(r, ch, UI_CHART)) {
		ui_view_pop(u);
	} else if (ui_action_moves(a)) {
		/* Scrolling: the top line moves, and it never leaves the last screenful. */
		size_t last = total > rows ? total - rows : 0;
		c->top = ui_move_row(c->top, last + 1, a, c->rows);
	} else {
		return 0;
	}
	return 1;
}

static void chart_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	struct ui_chart *c = data;
	struct buf left = { 0 };
	buf_printf(&left, "%zu bars from zero, one scale \xC2\xB7 Esc or b goes back", c->n);
	ui_status_line(u, w, cols, left.data, "");
	buf_fini(&left);
}

static void chart_close(struct ui *u, void *data)
{
	(void)u;
	struct ui_chart *c = data;
	for (size_t i = 0; i < c->n; i++) {
		free((char *)c->bars[i].label);
		free((char *)c->bars[i].value_text);
		free((char *)c->bars[i].unit);
	}
	free(c->bars);
	free(c->title);
	chart_fini(&c->chart);
	buf_fini(&c->note);
	free(c);
}

static const struct ui_view_type chart_view = {
	.name = "Chart", .draw = chart_draw, .key = chart_key, .status = chart_status, .close = chart_close,
};

void ui_chart_open(struct ui *u, const char *title, const struct chart_bar *bars, size_t n)
{
	struct ui_chart *c = xcalloc(1, sizeof *c);
	c->title = xstrdup(title);
	c->n = n;
	c->bars = xcalloc(n ? n : 1, sizeof *c->bars);
	for (size_t i = 0; i < n; i++)
		c->bars[i] = (struct chart_bar){ xstrdup(bars[i].label), bars[i].value, copy_or_null(bars[i].value_text),
		                                 copy_or_null(bars[i].unit) };
	chart_note_units(bars, n, &c->note);
	ui_view_push(u, &chart_view, c);
}
