/* chart.c — lays out a horizontal bar chart as lines of text and a sparkline, both scaled from zero to the largest value. */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "text.h"
#include "xmalloc.h"

#define MIN_BAR 8   /* cells of the longest bar, however narrow the chart */

/* ▏▎▍▌▋▊▉: one to seven eighths of a cell. */
static const char *const eighths[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };

void chart_fini(struct chart *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->lines[i].text);
	free(c->lines);
	memset(c, 0, sizeof *c);
}

static void add_line(struct chart *c, struct buf *b)
{
	while (b->len && b->data[b->len - 1] == ' ')
		b->len--;
	c->lines = xgrow(c->lines, &c->cap, c->n + 1, sizeof *c->lines);
	c->lines[c->n].width = text_width(b->data ? b->data : "", b->len);
	c->lines[c->n++].text = buf_take(b);
}

static void pad(struct buf *b, size_t cols)
{
	while (cols-- > 0)
		buf_addc(b, ' ');
}

static void repeat(struct buf *b, const char *s, size_t times)
{
	while (times-- > 0)
		buf_adds(b, s);
}

/* "15件", or "—" for a value not stated. */
static void value_of(struct buf *b, const struct chart_bar *bar)
{
	if (!bar->value_text) {
		buf_adds(b, "—");
		return;
	}
	buf_adds(b, bar->value_text);
	if (bar->unit)
		buf_adds(b, bar->unit);
}

static size_t value_width(const struct chart_bar *bar)
{
	struct buf b = { 0 };
	value_of(&b, bar);
	size_t w = text_width(b.data, b.len);
	buf_fini(&b);
	return w;
}

/* The label, clipped to cols columns and padded to them. */
static void add_label(struct buf *b, const char *label, size_t cols)
{
	size_t used, n = text_clip(label, strlen(label), cols, &used);
	buf_add(b, label, n);
	pad(b, cols - used);
}

/* Columns of one block character: 2 when East Asian Ambiguous characters are drawn wide. */
static size_t block_cols(void)
{
	return text_width("█", strlen("█"));
}

static void add_bar(struct buf *b, const struct chart_bar *bar, double max, size_t cells)
{
	if (bar->value_text && bar->value > 0 && max > 0) {
		size_t blocks = cells / block_cols();
		size_t units = (size_t)(bar->value / max * (double)(blocks * 8) + 0.5);
		repeat(b, "█", units / 8);
		buf_adds(b, eighths[units % 8]);
	}
	buf_addc(b, ' ');
	value_of(b, bar);
}

/* The axis under the bars and its scale: 0 at the start, the largest value at the end. */
static void add_axis(struct chart *c, struct buf *b, const struct chart_bar *top, size_t label_cols, size_t cells)
{
	pad(b, label_cols + 1);
	buf_adds(b, "└");
	repeat(b, "─", cells / block_cols());
	add_line(c, b);
	pad(b, label_cols + text_width(" │", strlen(" │")));
	buf_addc(b, '0');
	struct buf v = { 0 };
	if (top)
		value_of(&v, top);
	else
		buf_addc(&v, '0');
	size_t w = text_width(v.data, v.len);
	pad(b, cells > w + 1 ? cells - w - 1 : 1);   /* the value ends where the longest bar does */
	buf_add(b, v.data, v.len);
	buf_fini(&v);
	add_line(c, b);
}

void chart_layout(const struct chart_bar *bars, size_t n, size_t width, struct chart *out)
{
	size_t label_cols = 0, value_cols = 0;
	const struct chart_bar *top = NULL;
	for (size_t i = 0; i < n; i++) {
		size_t lw = text_width(bars[i].label, strlen(bars[i].label)), vw = value_width(&bars[i]);
		label_cols = lw > label_cols ? lw : label_cols;
		value_cols = vw > value_cols ? vw : value_cols;
		if (bars[i].value_text && (!top || bars[i].value > top->value))
			top = &bars[i];
	}
	if (label_cols > width / 3)
		label_cols = width / 3;
	/* label, " │", bar, " ", value */
	size_t fixed = label_cols + text_width(" │", strlen(" │")) + 1 + value_cols;
	size_t cells = width > fixed + MIN_BAR ? width - fixed : MIN_BAR;
	double max = top ? top->value : 0;
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		add_label(&b, bars[i].label, label_cols);
		buf_adds(&b, " │");
		add_bar(&b, &bars[i], max, cells);
		add_line(out, &b);
	}
	add_axis(out, &b, top, label_cols, cells);
	buf_fini(&b);
}

int chart_note_units(const struct chart_bar *bars, size_t n, struct buf *out)
{
	const char *first = NULL;
	int differ = 0;
	for (size_t k = 0; k < n; k++)
		if (bars[k].value_text) {
			const char *unit = bars[k].unit ? bars[k].unit : "";
			if (!first)
				first = unit;
			else if (strcmp(first, unit) != 0)
				differ = 1;
		}
	if (!differ)
		return 0;
	buf_adds(out, "Note: the reports state this metric in different units:");
	for (size_t k = 0; k < n; k++)
		if (bars[k].value_text)
			buf_printf(out, " %s", bars[k].unit && bars[k].unit[0] ? bars[k].unit : "(none)");
	buf_adds(out, "; bars of unlike units do not compare.");
	return 1;
}

void chart_sparkline(const double *values, const int *stated, size_t n, struct buf *out)
{
	static const char *const level[8] = { "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█" };
	double max = 0;
	for (size_t k = 0; k < n; k++)
		if (stated[k] && values[k] > max)
			max = values[k];
	for (size_t k = 0; k < n; k++) {
		if (!stated[k]) {
			buf_addc(out, ' ');
		} else if (values[k] <= 0) {
			buf_addc(out, '_');
		} else {
			int e = (int)ceil(values[k] / max * 8);
			buf_adds(out, level[e < 1 ? 0 : e > 8 ? 7 : e - 1]);
		}
	}
}
