/* year_columns.c — tables whose columns are years (项目 2022年 2023年 增减): the cells of the year reported on. */
#define _GNU_SOURCE   /* memmem */
#include "year_columns.h"

#include <stdint.h>
#include <string.h>

#include "xmalloc.h"

#define MAX_CELLS 8
#define HEADER_BYTES 160   /* a header row is short: a label and a few periods */
#define LABEL_BYTES 90     /* thirty characters */
#define VALUE_BYTES 24     /* 186.3万条, 增加12.6% */

struct cell {
	size_t a, b;
};

enum column { COL_NONE, COL_YEAR, COL_THIS, COL_LAST, COL_CHANGE };

struct header {
	size_t ncols;   /* the columns after the label */
	size_t keep;    /* the one kept, from 0 */
};

static const char YEAR[] = "年", YEAR_DEGREE[] = "度";

/* Bytes of the separator at s[i..b): a tab, a blank or U+3000; 0 when none is there. */
static size_t separator(const char *s, size_t i, size_t b)
{
	if (s[i] == '\t' || s[i] == ' ')
		return 1;
	return b - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0 ? 3 : 0;
}

/* The cells of the line s[a, b), parted by runs of separators, into v; their number, or
 * MAX_CELLS + 1 when there are more. */
static size_t split_cells(const char *s, size_t a, size_t b, struct cell *v)
{
	size_t n = 0, i = a, w;
	for (;;) {
		while (i < b && (w = separator(s, i, b)))
			i += w;
		if (i >= b)
			return n;
		if (n == MAX_CELLS)
			return MAX_CELLS + 1;
		v[n].a = i;
		while (i < b && !separator(s, i, b))
			i++;
		v[n++].b = i;
	}
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int has_digit(const char *s, const struct cell *c)
{
	for (size_t i = c->a; i < c->b; i++)
		if (is_digit(s[i]))
			return 1;
	return 0;
}

static int is_word(const char *s, const struct cell *c, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strlen(words[k]) == c->b - c->a && memcmp(s + c->a, words[k], c->b - c->a) == 0)
			return 1;
	return 0;
}

static int holds_word(const char *s, const struct cell *c, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (memmem(s + c->a, c->b - c->a, words[k], strlen(words[k])))
			return 1;
	return 0;
}

static int begins_with(const char *s, const struct cell *c, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (strlen(words[k]) <= c->b - c->a && memcmp(s + c->a, words[k], strlen(words[k])) == 0)
			return 1;
	return 0;
}

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* What a header cell names: a year (2023年, 2023年度: its year in *year), this year or the last,
 * a change (增减, 同比, 增幅), or none of them. */
static enum column column_kind(const char *s, const struct cell *c, int *year)
{
	static const char *const this_year[] = { "本年", "本年度", "今年", "当年", "本期" };
	static const char *const last_year[] = { "上年", "上年度", "去年", "上一年", "上年同期", "同期" };
	static const char *const change[] = { "增", "减", "同比", "变化", "幅度", "比较" };
	const char *p = s + c->a;
	size_t n = c->b - c->a;
	if ((n == 7 || n == 10) && is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
	    memcmp(p + 4, YEAR, 3) == 0 && (n == 7 || memcmp(p + 7, YEAR_DEGREE, 3) == 0)) {
		*year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		return *year >= 1990 && *year <= 2100 ? COL_YEAR : COL_NONE;
	}
	if (is_word(s, c, this_year, COUNT(this_year)))
		return COL_THIS;
	if (is_word(s, c, last_year, COUNT(last_year)))
		return COL_LAST;
	if (!has_digit(s, c) && n <= LABEL_BYTES / 3 && holds_word(s, c, change, COUNT(change)))
		return COL_CHANGE;
	return COL_NONE;
}

/* Whether the line s[a, b) is a header of two periods or more, a label first or none; the
 * column to keep in h: the year's, else 本年's, else the latest year's. */
static int read_header(const char *s, size_t a, size_t b, int year, struct header *h)
{
	struct cell v[MAX_CELLS + 1];
	size_t n = b - a <= HEADER_BYTES ? split_cells(s, a, b, v) : 0;
	if (n < 2 || n > MAX_CELLS)
		return 0;
	int y, latest = 0;
	size_t first = 0, periods = 0, year_col = SIZE_MAX, this_col = SIZE_MAX, latest_col = SIZE_MAX;
	if (column_kind(s, &v[0], &y) == COL_NONE) {   /* 项目, 指标, 类别: the labels' column */
		if (has_digit(s, &v[0]) || v[0].b - v[0].a > LABEL_BYTES)
			return 0;
		first = 1;
	}
	for (size_t k = first; k < n; k++) {
		size_t col = k - first;
		switch (column_kind(s, &v[k], &y)) {
		case COL_NONE:
			return 0;
		case COL_YEAR:
			periods++;
			year_col = y == year ? col : year_col;
			if (y > latest)
				latest = y, latest_col = col;
			break;
		case COL_THIS:
			periods++, this_col = col;
			break;
		case COL_LAST:
			periods++;
			break;
		case COL_CHANGE:
			break;
		}
	}
	h->ncols = n - first;
	h->keep = year_col != SIZE_MAX ? year_col : this_col != SIZE_MAX ? this_col : latest_col;
	return periods >= 2 && h->keep != SIZE_MAX;
}

/* A cell of figures: digits, a sign, a dash for none, or a change in words (增加12件, 下降3.2%). */
static int value_cell(const char *s, const struct cell *c)
{
	static const char *const leads[] = { "—", "－", "/", "／", "约", "增加", "减少", "增长", "下降", "上升", "持平" };
	char first = s[c->a];
	if (c->b - c->a > VALUE_BYTES)
		return 0;
	return is_digit(first) || first == '+' || first == '-' || first == '.' || begins_with(s, c, leads, COUNT(leads));
}

/* A row of the table: a label without clause marks, then one figure a column. */
static int is_row(const char *s, const struct cell *v, size_t n, const struct header *h)
{
	static const char *const marks[] = { "，", "。", "；", "：" };
	if (n != h->ncols + 1 || value_cell(s, &v[0]) || v[0].b - v[0].a > LABEL_BYTES ||
	    holds_word(s, &v[0], marks, COUNT(marks)))
		return 0;
	for (size_t k = 1; k < n; k++)
		if (!value_cell(s, &v[k]))
			return 0;
	return 1;
}

static size_t line_end(const char *s, size_t i, size_t to)
{
	const char *nl = memchr(s + i, '\n', to - i);
	return nl ? (size_t)(nl - s) : to;
}

/* Blanks the cells of the columns not kept in the rows after the header ending at byte i (blank
 * lines between are passed over); copies the text into *out first. Returns where the table ends. */
static size_t keep_rows(const char *s, size_t len, size_t i, size_t to, const struct header *h, char **out)
{
	struct cell v[MAX_CELLS + 1];
	while (i < to) {
		size_t a = i + 1, b = a < to ? line_end(s, a, to) : to;
		size_t n = a < to ? split_cells(s, a, b, v) : 0;
		if (a >= to || (n > 0 && !is_row(s, v, n, h)))
			break;
		if (n > 0 && !*out) {
			*out = xmalloc(len + 1);
			memcpy(*out, s, len + 1);
		}
		for (size_t k = 1; k < n; k++)
			if (k - 1 != h->keep)
				memset(*out + v[k].a, ' ', v[k].b - v[k].a);
		for (size_t j = a; n > 0 && j < b; j++)
			if (s[j] == '\t')
				(*out)[j] = ' ';
		i = b;
	}
	return i;
}

/* The first 年 at or after byte i that ends a cell (before a separator, 度 or the line's end):
 * where a header row may be; SIZE_MAX when none is left before `to`. */
static size_t next_period(const char *s, size_t i, size_t to)
{
	for (const char *p; i < to && (p = memmem(s + i, to - i, YEAR, 3)); i = (size_t)(p - s) + 3) {
		size_t e = (size_t)(p - s) + 3;
		if (e + 3 <= to && memcmp(s + e, YEAR_DEGREE, 3) == 0)
			e += 3;
		if (e == to || s[e] == '\n' || separator(s, e, to))
			return (size_t)(p - s);
	}
	return SIZE_MAX;
}

char *year_columns_keep(const char *text, size_t len, size_t from, size_t to, int year)
{
	char *out = NULL;
	struct header h;
	for (size_t i = from, at; i < to && (at = next_period(text, i, to)) != SIZE_MAX;) {
		size_t a = at, b = line_end(text, at, to);
		while (a > from && text[a - 1] != '\n')
			a--;
		i = read_header(text, a, b, year, &h) ? keep_rows(text, len, b, to, &h, &out) : b;
		i = i > at ? i : at + 3;
	}
	return out;
}
