/* figure_rows.c — small tables of figures (项目 2022年 2023年; 序号 指标 数值): each row's label and the one figure read. */
#define _GNU_SOURCE   /* memmem */
#include "figure_rows.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "xmalloc.h"

#define MAX_CELLS 10
#define HEADER_BYTES 160   /* a header row is short: a label and a few columns */
#define LABEL_BYTES 90     /* thirty characters */
#define VALUE_BYTES 24     /* 186.3万条, 增加12.6% */
#define SERIAL_DIGITS 3
#define WRAPPED_LINES 3    /* pieces of wrapped rows passed over between two rows */
#define CAPTION_LINES 3    /* 附件 / the table's title / a note (统计时间：…, 单位：件) over the header */
#define PART_WORD 4        /* characters of the word before a colon opening a part's label: 其中：, 审结： */

struct cell {
	size_t a, b;
};

enum column { COL_OTHER, COL_YEAR, COL_THIS, COL_LAST, COL_CHANGE, COL_FIGURES, COL_SERIAL, COL_UNIT };

struct header {
	size_t ncells;   /* the cells of a row, its group's aside */
	size_t end;      /* where the header ends: its line's end, or its second line's */
	int serial;      /* rows open with a serial number */
	int group;       /* a column of groups before the labels (类别 项目 …), its cell merged
	                  * down the rows of a group: only the group's first row holds it */
	size_t keep;     /* the cell read, from the row's first */
	size_t unit;     /* the cell of the rows' counters (单位), or SIZE_MAX */
	struct cell unit_named;   /* the counter the header names (数量（件）): [0, 0) when none */
	int notes;       /* a last column of notes (备注), which a row fills or leaves empty */
};

static const char YEAR[] = "年", YEAR_DEGREE[] = "度";

/* Bytes of the separator at s[i..b): a tab, a blank or U+3000; 0 when none is there. */
static size_t separator(const char *s, size_t i, size_t b)
{
	if (s[i] == '\t' || s[i] == ' ')
		return 1;
	return b - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0 ? 3 : 0;
}

size_t figure_rows_past_blanks(const char *s, size_t i, size_t end, size_t *count)
{
	*count = 0;
	for (size_t w; i < end && (w = separator(s, i, end)); ++*count)
		i += w;
	return i;
}

/* The first byte of s[i, b) past the separators there (an indent). */
static size_t past_separators(const char *s, size_t i, size_t b)
{
	size_t count;
	return figure_rows_past_blanks(s, i, b, &count);
}

/* The cells of the line s[a, b), parted by runs of separators, into v; their number, or
 * MAX_CELLS + 1 when there are more. */
static size_t split_cells(const char *s, size_t a, size_t b, struct cell *v)
{
	size_t n = 0, i = a;
	for (;;) {
		i = past_separators(s, i, b);
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

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* The length of word w when p[0..avail) begins with it, else SIZE_MAX. Most words differ from the
 * text in their first byte: no length is taken before. */
static size_t prefix_len(const char *p, size_t avail, const char *w)
{
	size_t j = 0;
	for (; w[j]; j++)
		if (j >= avail || p[j] != w[j])
			return SIZE_MAX;
	return j;
}

static int is_word(const char *s, const struct cell *c, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (prefix_len(s + c->a, c->b - c->a, words[k]) == c->b - c->a)
			return 1;
	return 0;
}

static int holds_word(const char *s, const struct cell *c, const char *const *words, size_t n)
{
	for (size_t i = c->a; i < c->b; i++)
		for (size_t k = 0; k < n; k++)
			if (prefix_len(s + i, c->b - i, words[k]) != SIZE_MAX)
				return 1;
	return 0;
}

static int begins_with(const char *s, size_t a, size_t b, const char *const *words, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (prefix_len(s + a, b - a, words[k]) != SIZE_MAX)
			return 1;
	return 0;
}

/* Marks that end a clause: a label or a piece of a row holds none (but an opening 其中：). */
static const char *const clause_marks[] = { "，", "。", "；", "：" };

static const char *const serial_words[] = { "序号", "编号" };

static const char *const unit_words[] = { "单位", "计量单位" };
static const char *const figure_words[] = { "数值", "数量", "数据", "数目", "完成数", "完成情况", "指标值", "合计", "总数" };

/* Whether the header cell c names figures and their counter in brackets (数量（件）, 数值(个)): the
 * counter's bytes into *counter when it is not NULL. */
static int figures_with_counter(const char *s, const struct cell *c, const char *const *figures, size_t n,
				struct cell *counter)
{
	static const char open[] = "（", close[] = "）";
	for (size_t k = 0; k < n; k++) {
		size_t w = strlen(figures[k]), a = c->a + w;
		if (c->b - c->a <= w + 6 || memcmp(s + c->a, figures[k], w) != 0 || memcmp(s + a, open, 3) != 0 ||
		    memcmp(s + c->b - 3, close, 3) != 0 || c->b - 3 - (a + 3) > 12)
			continue;
		if (counter)
			counter->a = a + 3, counter->b = c->b - 3;
		return 1;
	}
	return 0;
}

/* Whether the header cell c names figures by their counter (件数, 案件数, 人数, 次数): a word of
 * up to four characters ending in 数 after a counter, whose bytes go into *counter. */
static int counted_figures(const char *s, const struct cell *c, struct cell *counter)
{
	static const char *const counters[] = { "件", "人", "次", "个", "户", "家", "项", "份", "条", "起", "宗" };
	static const char number[] = "数";
	size_t n = c->b - c->a;
	if (n < 6 || n > 12 || memcmp(s + c->b - 3, number, 3) != 0)
		return 0;
	for (size_t k = 0; k < COUNT(counters); k++)
		if (memcmp(s + c->b - 6, counters[k], 3) == 0) {
			if (counter)
				counter->a = c->b - 6, counter->b = c->b - 3;
			return 1;
		}
	return 0;
}

/* The bytes of the bracket cell c ends with, ')' or '）'; 0 when it ends with none. */
static size_t closing_bracket(const char *s, const struct cell *c)
{
	if (c->b > c->a && s[c->b - 1] == ')')
		return 1;
	return c->b - c->a >= 3 && memcmp(s + c->b - 3, "）", 3) == 0 ? 3 : 0;
}

/* Where the note in brackets that cell c ends with begins, past its （ or (, the characters in it
 * into *chars; c->a when c ends with no note. */
static size_t note_start(const char *s, const struct cell *c, size_t *chars)
{
	size_t bracket = closing_bracket(s, c), open = c->b - bracket;
	*chars = 0;
	if (!bracket)
		return c->a;
	while (open > c->a && s[open - 1] != '(' && !(open - c->a >= 3 && memcmp(s + open - 3, "（", 3) == 0)) {
		open--;
		*chars += ((unsigned char)s[open] & 0xc0) != 0x80;
	}
	return open;
}

/* The end of cell c before a counter in full-width brackets that ends it (2023年（件）: 2023年), the
 * counter's bytes into *counter when it is not NULL; c->b when none does. */
static size_t before_counter(const char *s, const struct cell *c, struct cell *counter)
{
	size_t chars, open = note_start(s, c, &chars);
	if (closing_bracket(s, c) != 3 || open < c->a + 3 || memcmp(s + open - 3, "（", 3) != 0 || !chars ||
	    c->b - 3 - open > 12)
		return c->b;
	if (counter)
		counter->a = open, counter->b = c->b - 3;
	return open - 3;
}

/* The length n of header cell c's text without the figures a year names after it (2022年件数,
 * 2023年度数量: 2022年, 2023年度), as a header cell that spans two lines joins them; n when none. */
static size_t figures_after_year(const char *s, const struct cell *c, size_t n)
{
	for (size_t y = 7; y <= 10; y += 3) {
		struct cell rest = { c->a + y, c->a + n };
		if (n > y && memcmp(s + c->a + y - 3, y == 7 ? YEAR : YEAR_DEGREE, 3) == 0 &&
		    (is_word(s, &rest, figure_words, COUNT(figure_words)) || counted_figures(s, &rest, NULL)))
			return y;
	}
	return n;
}

/* What a header cell names: a year (2023年, 2023年度, 2023年（件）: its year in *year), this year or the last,
 * a change (增减, 同比, 增幅), the figures (数值, 数量), a serial number, or something else. */
static enum column column_kind(const char *s, const struct cell *c, int *year)
{
	static const char *const this_year[] = { "本年", "本年度", "今年", "当年", "本期" };
	static const char *const last_year[] = { "上年", "上年度", "去年", "上一年", "上年同期", "同期" };
	/* a change's words, not a bare 增 or 减, which name things too (新增, 减轻处罚); both in one
	 * label (增（+）减（-）) are a change */
	static const char *const change[] = { "增减", "增长", "增幅", "增加", "上升", "减少", "降幅", "减幅", "下降",
					      "同比", "变化", "幅度", "比较", "比例", "占比" };
	static const char *const up[] = { "增" }, *const down[] = { "减" };
	const char *p = s + c->a;
	size_t n = before_counter(s, c, NULL) - c->a;
	n = figures_after_year(s, c, n);
	if ((n == 7 || n == 10) && is_digit(p[0]) && is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) &&
	    memcmp(p + 4, YEAR, 3) == 0 && (n == 7 || memcmp(p + 7, YEAR_DEGREE, 3) == 0)) {
		*year = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 + (p[3] - '0');
		return *year >= 1990 && *year <= 2100 ? COL_YEAR : COL_OTHER;
	}
	if (is_word(s, c, this_year, COUNT(this_year)))
		return COL_THIS;
	if (is_word(s, c, last_year, COUNT(last_year)))
		return COL_LAST;
	if (is_word(s, c, figure_words, COUNT(figure_words)) ||
	    figures_with_counter(s, c, figure_words, COUNT(figure_words), NULL) || counted_figures(s, c, NULL))
		return COL_FIGURES;
	if (is_word(s, c, unit_words, COUNT(unit_words)))
		return COL_UNIT;
	if (is_word(s, c, serial_words, COUNT(serial_words)))
		return COL_SERIAL;
	if (!has_digit(s, c) && n <= LABEL_BYTES / 3 &&
	    (holds_word(s, c, change, COUNT(change)) || (holds_word(s, c, up, 1) && holds_word(s, c, down, 1))))
		return COL_CHANGE;
	return COL_OTHER;
}

/* The columns of figures after the label, from cell k of v[0..n) on: the one read into h->keep
 * (the year's, else 本年's, else the latest year's, else the first of figures); 0 when a cell
 * names no column of figures, or none is read. */
static int figure_columns(const char *s, const struct cell *v, size_t k, size_t n, int year, struct header *h)
{
	int y, latest = 0;
	h->unit = SIZE_MAX, h->unit_named = (struct cell){ 0, 0 };
	size_t year_col = SIZE_MAX, this_col = SIZE_MAX, latest_col = SIZE_MAX, fig_col = SIZE_MAX;
	for (size_t first = k; k < n; k++) {
		size_t col = k - first;
		switch (column_kind(s, &v[k], &y)) {
		case COL_YEAR:
			year_col = y == year ? col : year_col;
			if (h->unit_named.b == h->unit_named.a)   /* 2023年（件）: the counter of the figures below */
				before_counter(s, &v[k], &h->unit_named);
			if (y > latest)
				latest = y, latest_col = col;
			break;
		case COL_THIS:
			this_col = col;
			break;
		case COL_FIGURES:
			if (fig_col == SIZE_MAX) {
				fig_col = col;
				if (!figures_with_counter(s, &v[k], figure_words, COUNT(figure_words), &h->unit_named))
					counted_figures(s, &v[k], &h->unit_named);
			}
			break;
		case COL_UNIT:
			if (h->unit != SIZE_MAX)
				return 0;
			h->unit = col;
			break;
		case COL_LAST:
		case COL_CHANGE:
			break;
		default:
			return 0;
		}
	}
	h->keep = year_col != SIZE_MAX ? year_col : this_col != SIZE_MAX ? this_col :
		  latest_col != SIZE_MAX ? latest_col : fig_col;
	return h->keep != SIZE_MAX;
}

/* The counter that a note over the header names for every figure of the table (单位：件, a
 * caption's （单位：万元）), on one of the two lines above it: its bytes into *counter; 0 when none
 * does. A counter is a few characters without digits. */
static int unit_above(const char *s, size_t a, struct cell *counter)
{
	static const char key[] = "单位";
	for (int up = 0; up < 2 && a > 0; up++) {
		size_t e = a - 1;
		a = e;
		while (a > 0 && s[a - 1] != '\n')
			a--;
		const char *k = memmem(s + a, e - a, key, sizeof key - 1);
		if (!k)
			continue;
		size_t c = (size_t)(k - s) + sizeof key - 1, end;
		if (e - c >= 3 && memcmp(s + c, "：", 3) == 0)
			c += 3;
		else if (c < e && s[c] == ':')
			c++;
		else
			continue;
		for (end = c; end < e && s[end] != ')' && !(e - end >= 3 && memcmp(s + end, "）", 3) == 0) &&
			      !separator(s, end, e) && !is_digit(s[end]); end++)
			;
		if (end > c && end - c <= 12 && (end == e || !is_digit(s[end]))) {
			counter->a = c, counter->b = end;
			return 1;
		}
	}
	return 0;
}

static size_t line_end(const char *s, size_t i, size_t to)
{
	const char *nl = memchr(s + i, '\n', to - i);
	return nl ? (size_t)(nl - s) : to;
}

/* The cells of the line after the one ending at byte b into v, none past to or on a line too long
 * for a header's; their number, the line's end into *end (to when there is no such line). */
static size_t cells_below(const char *s, size_t b, size_t to, struct cell *v, size_t *end)
{
	if (b >= to) {
		*end = to;
		return 0;
	}
	*end = line_end(s, b + 1, to);
	return *end - (b + 1) <= HEADER_BYTES ? split_cells(s, b + 1, *end, v) : 0;
}

/* Whether the line after the one ending at byte b names periods alone (2023年 2022年, 本年 上年, a
 * change column), as the second line of a header whose figures' cell spans them (数值 / 2023年
 * 2022年); the periods' cells into v, their number into *n, the line's end into *end. */
static int periods_below(const char *s, size_t b, size_t to, struct cell *v, size_t *n, size_t *end)
{
	int y, periods = 0;
	*n = cells_below(s, b, to, v, end);
	if (*n < 2 || *n > MAX_CELLS)
		return 0;
	for (size_t k = 0; k < *n; k++) {
		enum column c = column_kind(s, &v[k], &y);
		if (c != COL_YEAR && c != COL_THIS && c != COL_LAST && c != COL_CHANGE)
			return 0;
		periods += c != COL_CHANGE;
	}
	return periods >= 2;
}

/* Splits the header cells of v[0..*n) that hold two years run together (2021年2020年, as a PDF's
 * text joins two cells of a header) into their two years; 0 when that leaves too many cells. */
static int split_joined_years(const char *s, struct cell *v, size_t *n)
{
	for (size_t k = 0; k < *n; k++) {
		const struct cell *c = &v[k];
		size_t len = c->b - c->a, half = 4 + strlen(YEAR);
		if (len != 2 * half || !is_digit(s[c->a]) || !is_digit(s[c->a + half]) ||
		    memcmp(s + c->a + 4, YEAR, strlen(YEAR)) || memcmp(s + c->b - strlen(YEAR), YEAR, strlen(YEAR)))
			continue;
		if (*n + 1 > MAX_CELLS)
			return 0;
		memmove(v + k + 2, v + k + 1, (*n - k - 1) * sizeof *v);
		v[k + 1] = (struct cell){ c->a + half, c->b };
		v[k].b = v[k].a + half;
		++*n, ++k;
	}
	return 1;
}

/* Words of a header cell that spans the periods named below it (年度 / 2019年 2020年). */
static const char *const span_words[] = { "年度", "年份", "时间", "时期" };

/* Words of the header's last cell over notes on the rows (备注: 全市, 含上年结转). */
static const char *const note_words[] = { "备注", "说明", "注" };

/* Whether cell c holds one Han character alone. */
static int one_han(const char *s, const struct cell *c)
{
	return c->b - c->a == 3 && (unsigned char)s[c->a] >= 0xe4 && (unsigned char)s[c->a] <= 0xe9;
}

/* Joins the two characters of a header's word spread over its cell (项　目　数　量: 项目, 数量), as
 * tables letter-space a short word to their column's width: pairs of one-character cells. */
static void join_spread_words(const char *s, struct cell *v, size_t *n)
{
	size_t k = 0, out = 0;
	while (k < *n) {
		if (k + 1 < *n && one_han(s, &v[k]) && one_han(s, &v[k + 1])) {
			v[out] = (struct cell){ v[k].a, v[k + 1].b };
			k += 2;
		} else {
			v[out] = v[k++];
		}
		out++;
	}
	*n = out;
}

/* Whether the line after the one ending at byte b names the columns a period's cell spans (2023年 over
 * 件数 and 同比; 数量 占审结比例): groups of a cell of figures and the changes after it, nothing else;
 * the cells into v, their number into *n, the groups into *groups, the line's end into *end. */
static int columns_below(const char *s, size_t b, size_t to, struct cell *v, size_t *n, size_t *groups, size_t *end)
{
	int y;
	*n = cells_below(s, b, to, v, end);
	if (*n < 2 || *n > MAX_CELLS || column_kind(s, &v[0], &y) != COL_FIGURES)
		return 0;
	*groups = 0;
	for (size_t k = 0; k < *n; k++) {
		enum column c = column_kind(s, &v[k], &y);
		if (c != COL_FIGURES && c != COL_CHANGE)
			return 0;
		*groups += c == COL_FIGURES;
	}
	return *groups < *n;
}

/* Whether header cell k of v[0..n) is a period that spans groups of the columns below: every
 * period when there are as many groups as periods, else, for one group, the period read (the
 * year's, else 本年, else the latest year): a change is the later year's, against the year before. */
static int spans_below(const char *s, const struct cell *v, size_t n, size_t k, size_t groups, int year)
{
	int y, latest = 0, ky, this = 0, periods = 0, named = 0;
	enum column kind = column_kind(s, &v[k], &ky);
	if (kind != COL_YEAR && kind != COL_THIS && kind != COL_LAST)
		return 0;
	for (size_t j = 0; j < n; j++) {
		enum column c = column_kind(s, &v[j], &y);
		periods += c == COL_YEAR || c == COL_THIS || c == COL_LAST;
		this |= c == COL_THIS;
		named |= c == COL_YEAR && y == year;
		latest = c == COL_YEAR && y > latest ? y : latest;
	}
	if ((size_t)periods == groups)
		return 1;
	if (groups != 1)
		return 0;
	return named ? kind == COL_YEAR && ky == year : this ? kind == COL_THIS : kind == COL_YEAR && ky == latest;
}

/* The header v[0..*n) with each period that spans columns below (spans_below) followed by the
 * changes of its group, the group's cell of figures left out (the period names that column), and
 * where the header ends into h->end: 项目 2020年 2019年 / 件数 同比 reads 项目 2020年 同比 2019年.
 * 0 when the line below names no such columns or they would be too many. */
static int spread_spans(const char *s, size_t b, size_t to, int year, struct cell *v, size_t *n, struct header *h)
{
	struct cell below[MAX_CELLS + 1], out[2 * MAX_CELLS + 2];
	size_t nb, groups, end, m = 0, g = 0;
	if (!columns_below(s, b, to, below, &nb, &groups, &end))
		return 0;
	for (size_t k = 0; k < *n; k++) {
		out[m++] = v[k];
		if (!spans_below(s, v, *n, k, groups, year))
			continue;
		if (g == nb)
			return 0;
		for (g++; g < nb && column_kind(s, &below[g], &(int){ 0 }) == COL_CHANGE; g++)
			out[m++] = below[g];
	}
	if (g != nb || m > MAX_CELLS)
		return 0;
	memcpy(v, out, m * sizeof *v);
	*n = m;
	h->end = end;
	return 1;
}

/* The header's cells: those of the line s[a, b), where the one cell of figures spans periods
 * named on the line below (类别 项目 单位 数据 / 2023年 2022年) the periods in its place, or periods
 * span columns named below (spread_spans). Their number, or 0 (too many); h->end is where the
 * header ends. */
static size_t header_cells(const char *s, size_t a, size_t b, size_t to, int year, struct cell *v, struct header *h,
			   int spread)
{
	struct cell below[MAX_CELLS + 1];
	size_t n = b - a <= HEADER_BYTES ? split_cells(s, a, b, v) : 0, nb, end, fig = SIZE_MAX, nfig = 0;
	int y;
	h->end = b;
	if (n > MAX_CELLS || !split_joined_years(s, v, &n))
		return 0;
	if (spread)
		join_spread_words(s, v, &n);
	h->notes = n > 2 && is_word(s, &v[n - 1], note_words, COUNT(note_words));
	n -= (size_t)h->notes;
	for (size_t k = 0; k < n; k++)
		if (column_kind(s, &v[k], &y) == COL_FIGURES || is_word(s, &v[k], span_words, COUNT(span_words)))
			fig = k, nfig++;
	if (nfig == 0 && spread_spans(s, b, to, year, v, &n, h))
		return n;
	if (nfig != 1 || n + 1 > MAX_CELLS || !periods_below(s, b, to, below, &nb, &end) || n - 1 + nb > MAX_CELLS)
		return n;
	memmove(v + fig + nb, v + fig + 1, (n - fig - 1) * sizeof *v);
	memcpy(v + fig, below, nb * sizeof *v);
	h->end = end;
	return n - 1 + nb;
}

/* Whether a cell is short enough for a label's and holds no digit. */
static int label_words(const char *s, const struct cell *c)
{
	return c->b - c->a <= LABEL_BYTES && !has_digit(s, c);
}

/* Whether the cell of the header's first columns is a label's: words, no figures. */
static int label_cell(const char *s, const struct cell *c)
{
	int y;
	return label_words(s, c) && column_kind(s, c, &y) == COL_OTHER;
}

/* Whether the line s[a, b) (a table of [a, to)) is the header of a table of figures: a serial
 * number, a column of groups, the label's column (or, before periods alone, none) and the columns
 * of figures. */
static int read_header_as(const char *s, size_t a, size_t b, size_t to, int year, struct header *h, int spread)
{
	struct cell v[MAX_CELLS + 1];
	size_t n = header_cells(s, a, b, to, year, v, h, spread), k = 0;
	int y;
	if (n < 2 || n > MAX_CELLS)
		return 0;
	enum column first = column_kind(s, &v[0], &y);
	h->serial = first == COL_SERIAL;
	k = (size_t)h->serial;
	int label = (k ? column_kind(s, &v[k], &y) : first) == COL_OTHER;
	if (label && !label_words(s, &v[k]))
		return 0;
	if (!label && h->serial)
		return 0;
	k += (size_t)label;
	h->group = label && k + 1 < n && label_cell(s, &v[k]);
	k += (size_t)h->group;
	if (k >= n || !figure_columns(s, v, k, n, year, h))
		return 0;
	/* periods without a label's column (2022年 2023年): rows still open with their labels; a
	 * row's group, when it holds one, is set aside before its cells are counted */
	h->keep += (size_t)h->serial + 1;
	h->unit += h->unit != SIZE_MAX ? (size_t)h->serial + 1 : 0;
	h->ncells = n + (size_t)!label - (size_t)h->group;
	if (h->unit == SIZE_MAX && h->unit_named.b == h->unit_named.a)
		unit_above(s, a, &h->unit_named);
	return label || first == COL_YEAR || first == COL_THIS || first == COL_LAST;
}

/* read_header_as, its cells as written, else with the words spread over them joined (项　目). */
static int read_header(const char *s, size_t a, size_t b, size_t to, int year, struct header *h)
{
	return read_header_as(s, a, b, to, year, h, 0) || read_header_as(s, a, b, to, year, h, 1);
}

/* A cell of figures: digits, a sign, a dash for none, or a change in words (增加12件, 下降3.2%). */
static int value_cell(const char *s, const struct cell *c)
{
	static const char *const leads[] = { "—", "－", "/", "／", "约", "增加", "减少", "增长", "下降", "上升", "持平" };
	char first = s[c->a];
	if (c->b - c->a > VALUE_BYTES)
		return 0;
	return is_digit(first) || first == '+' || first == '-' || first == '.' ||
	       begins_with(s, c->a, c->b, leads, COUNT(leads));
}

static int serial_cell(const char *s, const struct cell *c)
{
	for (size_t i = c->a; i < c->b; i++)
		if (!is_digit(s[i]))
			return 0;
	return c->b > c->a && c->b - c->a <= SERIAL_DIGITS;
}

/* A row's label past the word before a colon that makes it a part of a row above (其中：涉企行政检查,
 * 审结：维持): a word of up to PART_WORD characters. */
static struct cell past_parts(const char *s, const struct cell *label)
{
	static const char colon[] = "：";
	struct cell c = *label;
	const char *at = memmem(s + c.a, c.b - c.a, colon, 3);
	if (!at)
		at = memchr(s + c.a, ':', c.b - c.a);
	size_t after = at ? (size_t)(at - s) + (*at == ':' ? 1 : 3) : 0;
	if (at && (size_t)(at - s) - c.a <= 3 * PART_WORD && after < c.b)
		c.a = after;
	return c;
}

/* A row of the table: its serial number, a label without clause marks (but an opening 其中：),
 * one figure a column. */
static int is_row(const char *s, const struct cell *v, size_t n, const struct header *h)
{
	if (n != h->ncells)
		return 0;
	const struct cell *label = &v[h->serial], words = past_parts(s, label);
	if ((h->serial && !serial_cell(s, &v[0])) || value_cell(s, label) || label->b - label->a > LABEL_BYTES ||
	    holds_word(s, &words, clause_marks, COUNT(clause_marks)))
		return 0;
	for (size_t k = (size_t)h->serial + 1; k < n; k++)
		if (k == h->unit ? v[k].b - v[k].a > VALUE_BYTES || has_digit(s, &v[k]) : !value_cell(s, &v[k]))
			return 0;
	return 1;
}

/* Whether the rows of a table name their counter apart from their figures (单位 column, 数量（件）):
 * read as cells (figure_rows_cells), not in place. */
static int counted_apart(const struct header *h)
{
	return h->unit != SIZE_MAX || h->unit_named.b > h->unit_named.a;
}


/* Where the cells of a row are put: in place, the cells not read blanked in a copy of the text
 * (*out, made when none is), or as cells, each figure with its label and counter (v). */
struct rows_out {
	char **out;
	size_t len;                 /* of the text copied */
	struct figure_rows_kept *kept;   /* the rows kept in place, or NULL */
	struct figure_cell *v;
	size_t n, max;
};

static void keep_in_place(const char *s, const struct cell *v, size_t n, const struct cell *group, size_t a,
			  size_t b, const struct header *h, struct rows_out *o)
{
	if (!*o->out) {
		*o->out = xmalloc(o->len + 1);
		memcpy(*o->out, s, o->len + 1);
	}
	char *out = *o->out;
	size_t label = (size_t)h->serial;   /* the serial number, if any, is cell 0 */
	struct figure_rows_kept *k = o->kept;
	k->rows = xgrow(k->rows, &k->cap, k->n + 1, sizeof *k->rows);
	k->rows[k->n++] = (struct figure_rows_range){ a, b };
	for (size_t k = 0; k < n; k++)
		if (k != h->keep && k != label)
			memset(out + v[k].a, ' ', v[k].b - v[k].a);
	memset(out + group->a, ' ', group->b - group->a);
	for (size_t j = a; j < b; j++)
		if (s[j] == '\t')
			out[j] = ' ';
	/* a colon after the label, as a table written as lines has, unless the label's brackets
	 * name the counter (受理（件）　1174), which needs none */
	size_t e = v[label].b, w = separator(s, e, b);
	if (!closing_bracket(s, &v[label])) {
		memset(out + e, ' ', w);   /* U+3000 too: no byte of it is left */
		out[e] = ':';
	}
}

#define OWN_COUNTER 3   /* characters of a counter a label names in brackets: （%）, （批次）, （万元） */

/* Whether label cell c names its own counter in brackets at its end (接待来访群众（批次）), not a
 * note (终止（申请人撤回）): a few characters, no more. */
static int own_counter(const char *s, const struct cell *c)
{
	size_t chars, open = note_start(s, c, &chars);
	return open > c->a && chars >= 1 && chars <= OWN_COUNTER;
}

/* Puts the row s[a, b) into o as a cell: its label, the kind its group names (the group's cell of
 * this row or of the group's first row, [0, 0) when none), the figure read and its counter. */
static void keep_as_cell(const char *s, const struct cell *v, const struct cell *group, size_t a, size_t b,
			 const struct header *h, struct rows_out *o)
{
	if (o->n == o->max)
		return;
	struct cell unit = h->unit != SIZE_MAX ? v[h->unit] : h->unit_named;
	if (h->unit == SIZE_MAX && own_counter(s, &v[h->serial]))
		unit = (struct cell){ v[h->keep].b, v[h->keep].b };   /* 出庭应诉率（%） under 单位：件: its own counter */
	o->v[o->n++] = (struct figure_cell){ v[h->serial].a, v[h->serial].b, group->a, group->b, v[h->keep].a,
					     v[h->keep].b, unit.a, unit.b, a, b };
}

/* The cells of the row s[a, b) into v, their number returned: a group's cell, which the first row
 * of a group holds before its label (行政复议　收到申请　件　178), set aside into *group (empty when
 * none), so that every row of the table has the same cells. */
static size_t row_cells(const char *s, size_t a, size_t b, const struct header *h, struct cell *v, struct cell *group)
{
	size_t n = split_cells(s, a, b, v), g = (size_t)h->serial;
	*group = (struct cell){ a, a };
	if (h->notes && n > h->ncells && !value_cell(s, &v[n - 1]) && !has_digit(s, &v[n - 1]))
		n--;   /* its note (全市): no figure of the row */
	if (!h->group || n != h->ncells + 1 || !label_cell(s, &v[g]) || value_cell(s, &v[g]))
		return n;
	*group = v[g];
	memmove(v + g, v + g + 1, (n - g - 1) * sizeof *v);
	return n - 1;
}

/* A piece of a row that wrapped: a cell too wide for its column goes on over lines of its own
 * (8416.2万 / 元, with the label set beside them: 罚没款), as a PDF's table comes out. No more
 * cells than a row, each short, no clause mark. */
static int wrapped_line(const char *s, const struct cell *v, size_t n, const struct header *h)
{
	if (n == 0 || n > h->ncells)
		return 0;
	for (size_t k = 0; k < n; k++)
		if (v[k].b - v[k].a > LABEL_BYTES || holds_word(s, &v[k], clause_marks, COUNT(clause_marks)))
			return 0;
	return 1;
}

/* Whether the line ending at byte i is followed by a row of the table, past blank lines and at
 * most WRAPPED_LINES pieces of wrapped rows in all. */
static int row_follows(const char *s, size_t i, size_t to, const struct header *h)
{
	struct cell v[MAX_CELLS + 1];
	for (int pieces = 1; i < to;) {
		size_t a = i + 1, b = a < to ? line_end(s, a, to) : to;
		struct cell group;
		size_t n = a < to ? row_cells(s, a, b, h, v, &group) : 0;
		if (n > 0 && is_row(s, v, n, h))
			return 1;
		if (n > 0 && (!wrapped_line(s, v, n, h) || ++pieces > WRAPPED_LINES))
			return 0;
		i = b;
	}
	return 0;
}

/* The rows after the header ending at byte i (blank lines and pieces of wrapped rows between
 * are passed over): where the last ends. Each row is put as o says (o NULL: none). */
static size_t table_rows(const char *s, size_t i, size_t to, const struct header *h, struct rows_out *o)
{
	struct cell v[MAX_CELLS + 1], group, kind = { 0, 0 };   /* kind: the group the rows are in */
	size_t end = i;
	while (i < to) {
		size_t a = i + 1, b = a < to ? line_end(s, a, to) : to;
		size_t n = a < to ? row_cells(s, a, b, h, v, &group) : 0;
		if (n > 0 && a < to && !is_row(s, v, n, h) && wrapped_line(s, v, n, h) && row_follows(s, b, to, h)) {
			i = b;
			continue;
		}
		if (a >= to || (n > 0 && !is_row(s, v, n, h)))
			break;
		i = b;
		if (n == 0)
			continue;
		end = b;
		if (group.b > group.a)
			kind = group;
		if (o && o->out)
			keep_in_place(s, v, n, &group, a, b, h, o);
		else if (o)
			keep_as_cell(s, v, &kind, a, b, h, o);
	}
	return end;
}

/* The next line of [i, to) that may head a table: short, its cells parted by separators (a tab,
 * a blank, U+3000) inside it, not only before or after it; the line in [*a, *b). 0 when none is
 * left. Lines of prose are longer than a header or hold no separator: memchr and a length tell. */
static int next_header_line(const char *s, size_t i, size_t to, size_t *a, size_t *b)
{
	for (; i < to; i = *b + 1) {
		size_t x = *a = i, y = *b = line_end(s, i, to);
		if (y - x > HEADER_BYTES + 3 * 4)
			continue;   /* an indent of up to four U+3000 aside */
		x = past_separators(s, x, y);
		while (y > x && (s[y - 1] == ' ' || s[y - 1] == '\t' || (y - x >= 3 && separator(s, y - 3, y) == 3)))
			y -= s[y - 1] == ' ' || s[y - 1] == '\t' ? 1 : 3;
		if (y - x <= HEADER_BYTES &&
		    (memchr(s + x, '\t', y - x) || memchr(s + x, ' ', y - x) || memmem(s + x, y - x, "\xe3\x80\x80", 3)))
			return 1;
	}
	return 0;
}

/* The number a cell opens with (3126.5万元: 3126.5), signed (+12.6%, -20.0%); 0 when none. */
static int cell_number(const char *s, const struct cell *c, double *v)
{
	size_t i = c->a;
	double sign = 1, x = 0, scale = 0;
	if (i < c->b && (s[i] == '+' || s[i] == '-'))
		sign = s[i++] == '-' ? -1 : 1;
	if (i >= c->b || !is_digit(s[i]))
		return 0;
	for (; i < c->b && (is_digit(s[i]) || (s[i] == '.' && !scale)); i++)
		if (s[i] == '.')
			scale = 1;
		else if (scale)
			x += (s[i] - '0') * (scale /= 10);
		else
			x = x * 10 + (s[i] - '0');
	*v = sign * x;
	return 1;
}

/* Which of the figures x and y (cells 1 and 2 of a row) the change cell c leads to, from the
 * other: 1 for x (x against y: +12.6% of 1316 is 1482; +166 of 1316), 2 for y, 0 when neither (or
 * c is no change: a signed percentage, 个百分点 or difference). */
static int changed_to(const char *s, const struct cell *c, double x, double y)
{
	double d;
	if ((s[c->a] != '+' && s[c->a] != '-') || !cell_number(s, c, &d))
		return 0;
	if (s[c->b - 1] != '%')   /* a difference: in points, or in the figures' own counter */
		return fabs(x - y - d) < 0.051 ? 1 : fabs(y - x - d) < 0.051 ? 2 : 0;
	return y && fabs((x - y) / y * 100 - d) < 0.051 ? 1 : x && fabs((y - x) / x * 100 - d) < 0.051 ? 2 : 0;
}

int figure_rows_kept_holds(const struct figure_rows_kept *kept, size_t a)
{
	for (size_t k = 0; k < kept->n; k++)
		if (a >= kept->rows[k].a && a < kept->rows[k].b)
			return 1;
	return 0;
}

/* Rows that no header names, a label, two figures and their change (“双随机”抽查企业　1482家　1316家
 * +12.6%), as a table whose header came out broken gives them: the figure the change leads to is
 * the year's, kept in place as a header's table keeps it. */
static void keep_changed_rows(const char *s, size_t from, size_t to, struct rows_out *o)
{
	struct header h = { .ncells = 4 };
	struct cell v[MAX_CELLS + 1], none = { 0, 0 };
	for (size_t a = from, b; a < to; a = b + 1) {
		b = line_end(s, a, to);
		double x, y;
		size_t n = b - a > HEADER_BYTES || figure_rows_kept_holds(o->kept, a) ? 0 : split_cells(s, a, b, v);
		if ((n != 4 && n != 5) || !label_cell(s, &v[0]) || value_cell(s, &v[0]) || !cell_number(s, &v[1], &x) ||
		    !cell_number(s, &v[2], &y) || !(h.keep = (size_t)changed_to(s, &v[3], x, y)) ||
		    (n == 5 && changed_to(s, &v[4], x, y) != (int)h.keep))
			continue;   /* both changes, when there are two (+114 and +22.9%), lead to one figure */
		h.ncells = n;
		keep_in_place(s, v, n, &none, a, b, &h, o);
	}
}

char *figure_rows_keep(const char *text, size_t len, size_t from, size_t to, int year, struct figure_rows_kept *kept)
{
	char *out = NULL;
	struct rows_out o = { .out = &out, .len = len, .kept = kept };
	*kept = (struct figure_rows_kept){ 0 };
	struct header h;
	for (size_t i = from, a, b; next_header_line(text, i, to, &a, &b);)
		i = (read_header(text, a, b, to, year, &h) ? table_rows(text, h.end, to, &h, counted_apart(&h) ? NULL : &o) : b) + 1;
	keep_changed_rows(text, from, to, &o);
	return out;
}

/* Whether the cells v[from, n) are the labels of columns: no digits, no figures (plain: no periods,
 * changes or the like either). */
static int labels_from(const char *s, const struct cell *v, size_t from, size_t n, int plain)
{
	int y;
	for (size_t k = from; k < n; k++)
		if (has_digit(s, &v[k]) || v[k].b - v[k].a > LABEL_BYTES || value_cell(s, &v[k]) ||
		    (plain && column_kind(s, &v[k], &y) != COL_OTHER))
			return 0;
	return 1;
}

/* Whether the line s[a, b) heads a table turned the other way: one of heads first, then the
 * labels of min columns or more (no digits, no figures; plain: no periods, changes or the like
 * either); their cells in v, their number in *n. */
static int labels_header(const char *s, size_t a, size_t b, const char *const *heads, size_t nheads, size_t min,
			 int plain, struct cell *v, size_t *n)
{
	*n = b - a <= HEADER_BYTES ? split_cells(s, a, b, v) : 0;
	return *n >= min + 1 && *n <= MAX_CELLS && is_word(s, &v[0], heads, nheads) && labels_from(s, v, 1, *n, plain);
}

/* Whether the line s[a, b) heads a table whose rows are periods: 年度, 年份 or 时间 first, then
 * the labels of the columns (no digits); their cells in v, their number in *n. */
static int period_header(const char *s, size_t a, size_t b, struct cell *v, size_t *n)
{
	static const char *const heads[] = { "年度", "年份", "时间" };
	return labels_header(s, a, b, heads, COUNT(heads), 1, 0, v, n);
}

/* Whether the cells v[from, n) are figures all. */
static int values_from(const char *s, const struct cell *v, size_t from, size_t n)
{
	for (size_t k = from; k < n; k++)
		if (!value_cell(s, &v[k]))
			return 0;
	return 1;
}

/* Whether the line s[a, b) heads a table whose rows are kinds and whose columns are metrics: 类别,
 * 项目 or 类型 first, then the labels of two columns or more (no digits); their cells in v, their
 * number in *n. */
static int kind_header(const char *s, size_t a, size_t b, struct cell *v, size_t *n)
{
	static const char *const heads[] = { "类别", "项目", "类型", "分类" };
	return labels_header(s, a, b, heads, COUNT(heads), 2, 1, v, n);
}

/* The rows after a kind header ending at byte i, ncols cells each (a kind's words, then figures),
 * each cell into o with its column's label (head) and its row's kind; returns where the table ends. */
static size_t kind_rows(const char *s, size_t i, size_t to, const struct cell *head, size_t ncols, struct rows_out *o)
{
	struct cell v[MAX_CELLS + 1];
	while (i < to) {
		size_t a = i + 1, b = a < to ? line_end(s, a, to) : to;
		size_t n = a < to ? split_cells(s, a, b, v) : 0;
		if (a >= to || n != ncols || !label_cell(s, &v[0]))
			break;
		if (!values_from(s, v, 1, n))
			return i;
		for (size_t k = 1; k < n && o->n < o->max; k++)
			o->v[o->n++] = (struct figure_cell){ head[k].a, head[k].b, v[0].a, v[0].b, v[k].a, v[k].b, 0, 0, a, b };
		i = b;
	}
	return i;
}

/* Whether the line s[a, b) heads a table whose rows are bodies and whose columns are metrics: 部门 or
 * 单位 first (执法部门, 单位名称), then the labels of one column or more; their cells in head, their
 * number in *n. A label without a counter in brackets over labels on the line below (行政处罚 over
 * 案件数（件） and 罚没款（万元）) spans them: as many under each such label, its cell into parent[k]
 * of each column k it spans ([0, 0) for the others), the header's end into *end. */
static int body_header(const char *s, size_t a, size_t b, size_t to, struct cell *head, struct cell *parent,
		       size_t *n, size_t *end)
{
	static const char *const heads[] = { "部门", "单位", "执法部门", "执法单位", "部门名称", "单位名称" };
	struct cell top[MAX_CELLS + 1], below[MAX_CELLS + 1];
	size_t nt, nb = 0, spans = 0, below_end = b;
	if (!labels_header(s, a, b, heads, COUNT(heads), 1, 1, top, &nt))
		return 0;
	for (size_t k = 1; k < nt; k++)
		spans += !closing_bracket(s, &top[k]);
	if (spans) {
		nb = cells_below(s, b, to, below, &below_end);
		nb = nb <= MAX_CELLS && labels_from(s, below, 0, nb, 1) && nb % spans == 0 ? nb : 0;
	}
	*n = 0;
	for (size_t k = 0, g = 0, each = spans ? nb / spans : 0; k < nt; k++) {
		size_t under = k > 0 && !closing_bracket(s, &top[k]) ? each : 0;
		if (*n + (under ? under : 1) > MAX_CELLS)
			return 0;
		for (size_t j = 0; j < under; j++, g++)
			parent[*n] = top[k], head[(*n)++] = below[g];
		if (!under)
			parent[*n] = (struct cell){ 0, 0 }, head[(*n)++] = top[k];
	}
	*end = *n > nt ? below_end : b;
	return 1;
}

/* Whether row cell c names the whole the bodies add up to (合计, 总计; 全市, 全县). */
static int total_cell(const char *s, const struct cell *c)
{
	static const char *const sums[] = { "合计", "总计", "共计" };
	static const char *const wholes[] = { "全市", "全县", "全区", "全州", "全盟", "全旗", "全镇", "全乡" };
	return holds_word(s, c, sums, COUNT(sums)) || is_word(s, c, wholes, COUNT(wholes));
}

/* The rows after a body header ending at byte i, ncols cells each (a body, then figures): of the
 * row of the whole alone (total_cell) each cell into o, with its column's label (head) and the
 * label spanning it (parent) as its kind, as a body's own figures are not the place's; returns
 * where the table ends. */
static size_t body_rows(const char *s, size_t i, size_t to, const struct cell *head, const struct cell *parent,
			size_t ncols, struct rows_out *o)
{
	struct cell v[MAX_CELLS + 1];
	while (i < to) {
		size_t a = i + 1, b = a < to ? line_end(s, a, to) : to;
		size_t n = a < to ? split_cells(s, a, b, v) : 0;
		if (a >= to || n != ncols || has_digit(s, &v[0]) || v[0].b - v[0].a > LABEL_BYTES || !values_from(s, v, 1, n))
			break;   /* 合计 is no label_cell: it names figures in a header */
		for (size_t k = 1; k < n && total_cell(s, &v[0]) && o->n < o->max; k++)
			o->v[o->n++] = (struct figure_cell){ head[k].a, head[k].b, parent[k].a, parent[k].b,
							     v[k].a, v[k].b, 0, 0, a, b };
		i = b;
	}
	return i;
}

/* Reads the rows after a period header ending at byte i: the row read (the year's, else 本年's,
 * else the latest year's) into kept, its line into [*keep_start, *keep_end) (empty when none);
 * returns where the table ends. */
static size_t period_rows(const char *s, size_t i, size_t to, size_t ncols, int year, struct cell *kept,
			  size_t *keep_start, size_t *keep_end)
{
	struct cell v[MAX_CELLS + 1];
	int best = 0, latest = 0, y;   /* best: 3 the year's, 2 本年, 1 the latest year so far */
	while (i < to) {
		size_t a = i + 1, b = a < to ? line_end(s, a, to) : to;
		size_t n = a < to ? split_cells(s, a, b, v) : 0;
		if (a >= to || (n > 0 && n != ncols))
			break;
		i = b;
		if (n == 0)
			continue;
		enum column kind = column_kind(s, &v[0], &y);
		int rank = kind == COL_YEAR ? (y == year ? 3 : y > latest ? 1 : 0) : kind == COL_THIS ? 2 : 0;
		if (kind != COL_YEAR && kind != COL_THIS && kind != COL_LAST)
			break;
		if (!values_from(s, v, 1, n))
			return i;
		latest = kind == COL_YEAR && y > latest ? y : latest;
		if (rank > best || (rank == 1 && best == 1)) {
			best = rank;
			memcpy(kept, v, n * sizeof *v);
			*keep_start = a, *keep_end = b;
		}
	}
	if (!best)
		*keep_start = *keep_end = 0;
	return i;
}

/* The words an annex's caption opens with. */
static const char *const annex_captions[] = { "附件", "附表" };

/* Whether one of the CAPTION_LINES lines before the line at byte a (not before from; blank lines
 * between are passed over) opens with 附件 or 附表: the caption of a table annexed after the body. */
static int captioned(const char *s, size_t from, size_t a)
{
	for (int up = 0; up < CAPTION_LINES && a > from;) {
		size_t e = a - 1;
		a = e;
		while (a > from && s[a - 1] != '\n')
			a--;
		size_t at = past_separators(s, a, e);
		if (begins_with(s, at, e, annex_captions, COUNT(annex_captions)))
			return 1;
		up += at < e;
	}
	return 0;
}

int figure_rows_annexed(const char *text, size_t from, size_t to, size_t *a, size_t *b)
{
	struct header h;
	for (size_t i = from, ha, hb; next_header_line(text, i, to, &ha, &hb); i = hb + 1)
		if (captioned(text, from, ha) && read_header(text, ha, hb, to, 0, &h) && !counted_apart(&h) &&
		    (*b = table_rows(text, h.end, to, &h, NULL)) > h.end) {
			*a = h.end + 1;
			return 1;
		}
	return 0;
}

int figure_rows_annexed_lines(const char *text, size_t from, size_t to, size_t *a)
{
	static const char *const data[] = { "数据", "统计" };
	for (size_t i = from; i < to;) {
		size_t e = line_end(text, i, to), at = past_separators(text, i, e);
		if (begins_with(text, at, e, annex_captions, COUNT(annex_captions))) {
			size_t next = e < to ? line_end(text, e + 1, to) : e;   /* the caption may go on below */
			for (size_t k = 0; k < COUNT(data); k++)
				if (memmem(text + at, next - at, data[k], strlen(data[k]))) {
					*a = next < to ? next + 1 : to;
					return *a < to;
				}
		}
		i = e + 1;
	}
	return 0;
}

size_t figure_rows_cells(const char *text, size_t from, size_t to, int year, int annexed, struct figure_cell *v,
			 size_t max)
{
	struct cell head[MAX_CELLS + 1], row[MAX_CELLS + 1], parent[MAX_CELLS + 1];
	struct rows_out o = { .v = v, .max = max };
	struct header h;
	size_t ncols, rs = 0, re = 0, end;
	for (size_t i = from, a, b; next_header_line(text, i, to, &a, &b);) {
		i = b + 1;
		if (annexed && !captioned(text, from, a))
			continue;
		if (period_header(text, a, b, head, &ncols)) {
			i = period_rows(text, b, to, ncols, year, row, &rs, &re) + 1;
			for (size_t k = 1; re > rs && k < ncols && o.n < max; k++)
				v[o.n++] = (struct figure_cell){ head[k].a, head[k].b, 0, 0, row[k].a, row[k].b, 0, 0, rs, re };
		} else if (kind_header(text, a, b, head, &ncols)) {
			i = kind_rows(text, b, to, head, ncols, &o) + 1;
		} else if (body_header(text, a, b, to, head, parent, &ncols, &end)) {
			i = body_rows(text, end, to, head, parent, ncols, &o) + 1;
		} else if (read_header(text, a, b, to, year, &h) && counted_apart(&h)) {
			i = table_rows(text, h.end, to, &h, &o) + 1;
		}
	}
	return o.n;
}
