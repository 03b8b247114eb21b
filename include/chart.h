/* chart.h — charts in text: a horizontal bar chart as lines (block characters, bars from zero, values and units written out) and a sparkline. */
#ifndef FAZHI_CHART_H
#define FAZHI_CHART_H

#include <stddef.h>

/* The chart is plain text, so a terminal pane, a pipe and a NO_COLOR screen show the same thing:
 *
 *     舟山市普陀区 2021 │█████████████████████▍ 15件
 *     舟山市普陀区 2022 │██████████████████████████████ 21件
 *     常州市武进区 2020 │ —
 *                       └──────────────────────────────
 *                        0                          21件
 *
 * Every bar starts at zero and all share one scale, the largest value (a bar is never cut off
 * and a small value is never made to look large); lengths are rounded to the nearest eighth of
 * a cell, drawn with ▏▎▍▌▋▊▉ after the full blocks. Each bar's value is written after it with its
 * unit, so the chart reads without the bars. A value not stated gets no bar and "—"; a negative
 * value gets no bar and its value. Labels are clipped to a third of the width (by display
 * columns, text.h), never cut inside a character. The caller gives values of one unit. */

struct chart_bar {
	const char *label;       /* UTF-8, borrowed: e.g. "舟山市普陀区 2021" */
	double value;
	const char *value_text;  /* the value as written ("97.82"); NULL when not stated */
	const char *unit;        /* written after the value (件, %, 万元); NULL for none */
};

/* One line of the chart, ready to draw: no control characters, no trailing blanks. */
struct chart_line {
	char *text;              /* NUL-terminated UTF-8, owned by the chart */
	size_t width;            /* display columns */
};

/* Zeroed is empty; the caller owns it and frees it with chart_fini. */
struct chart {
	struct chart_line *lines;
	size_t n, cap;
};
void chart_fini(struct chart *c);

/* Lays out bars[0..n) in `width` columns (at least 40 make a usable chart; 80 is the aim):
 * one line per bar in the order given, then the axis and its scale (0 and the largest value).
 * Lines are appended to *out. No line is wider than width when width >= 40. */
void chart_layout(const struct chart_bar *bars, size_t n, size_t width, struct chart *out);

struct buf;
/* One scale is honest only for one unit: when the stated bars' units differ (件 and 次),
 * appends a one-line note naming them (no line end) and returns 1; else returns 0. */
int chart_note_units(const struct chart_bar *bars, size_t n, struct buf *out);

/* A sparkline of values[0..n), one character each, appended to out: ▁ to █, the value's share
 * of the largest in eighths, rounded up so that any value above zero shows. Scaled from zero,
 * as the bars are: 50 and 100 are ▄ and █, and 99 and 100 look alike. "_" stands for zero (or
 * less), a blank for a value not stated (stated[i] == 0). */
void chart_sparkline(const double *values, const int *stated, size_t n, struct buf *out);

#endif
