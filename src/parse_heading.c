/* parse_heading.c — the heading grammar (一、 （一） 1. （1）) and the chapter tree built from it. */
#include "parse_scan.h"

#include <string.h>

#include "xmalloc.h"

/* Design limits: a title (up to its 。 or the end of the line) is at most TITLE_BYTES long;
 * a longer first sentence is running text that happens to start with a numeral. This also
 * bounds the work per line, so a 10 MB line costs no more than a short one. */
#define TITLE_BYTES 300
#define MAX_LEVEL 4

static size_t skip_lit(const char *s, size_t i, size_t end, const char *lit)
{
	return parse_starts(s, i, end, lit) ? i + strlen(lit) : i;
}

/* The ordinal's closing punctuation: ）/) for parenthesised numerals, 、 after 一,
 * . ． 、 after 1. Returns the offset after it, or PARSE_NONE. */
static size_t close_ordinal(const char *s, size_t i, size_t end, int paren, int cn)
{
	size_t j;
	if (paren) {
		j = skip_lit(s, i, end, ")");
		if (j == i)
			j = skip_lit(s, i, end, "）");
		return j == i ? PARSE_NONE : skip_lit(s, j, end, "、");
	}
	if (cn) {
		j = skip_lit(s, i, end, "、");
		return j == i ? PARSE_NONE : j;
	}
	j = skip_lit(s, i, end, ".");
	if (j == i)
		j = skip_lit(s, i, end, "．");
	int dot = j != i;
	if (j == i)
		j = skip_lit(s, i, end, "、");
	if (j == i)
		return PARSE_NONE;
	size_t t = j;
	if (dot && parse_digits(s, &t, end, 1) >= 0)
		return PARSE_NONE;   /* 3.0版, 1.5亿元: a decimal number, not an ordinal */
	return j;
}

static size_t trim_end(const char *s, size_t st, size_t end)
{
	while (end > st) {
		if (s[end - 1] == ' ')
			end--;
		else if (end - st >= 2 && parse_starts(s, end - 2, end, "\xc2\xa0"))
			end -= 2;
		else if (end - st >= 3 && parse_starts(s, end - 3, end, "\xe3\x80\x80"))
			end -= 3;
		else
			break;
	}
	return end;
}

/* The title: up to the first 。 (inline heading) or the end of the line. */
static int read_title(const char *s, size_t i, size_t end, struct parse_mark *m)
{
	m->title_start = i;
	size_t lim = end - i > TITLE_BYTES + 3 ? i + TITLE_BYTES + 3 : end;
	size_t dot = parse_find(s, i, lim, "。");
	if (dot == PARSE_NONE) {
		if (end - i > TITLE_BYTES)
			return 0;
		m->title_end = m->head_end = end;
	} else {
		m->title_end = dot;
		m->head_end = dot + 3;
	}
	m->title_end = trim_end(s, i, m->title_end);
	if (m->title_end == i)
		return 0;
	/* A form field ("1.错误类:*") is not a chapter. */
	return s[m->title_end - 1] != '*' && !parse_starts(s, m->title_end >= i + 3 ? m->title_end - 3 : i,
	                                                  m->title_end, "＊");
}

/* 1 when the title opens with the next numeral: "二、三产业", "1、2号楼" are running text. */
static int counts_on(const char *s, const struct parse_mark *m, int cn)
{
	size_t t = m->title_start;
	long v = cn ? parse_cn_numeral(s, &t, m->title_end) : parse_digits(s, &t, m->title_end, 4);
	return v == m->value + 1;
}

int parse_mark(const char *s, size_t st, size_t end, struct parse_mark *m)
{
	size_t i = st;
	int paren = 0, cn = 0;
	if (parse_starts(s, i, end, "(") || parse_starts(s, i, end, "（")) {
		paren = 1;
		i += s[i] == '(' ? 1 : 3;
	}
	m->number_start = i;
	long v = parse_cn_numeral(s, &i, end);
	if (v > 0)
		cn = 1;
	else if ((v = parse_digits(s, &i, end, 3)) <= 0)
		return 0;
	m->number_end = i;
	m->value = (int)v;
	m->level = paren ? (cn ? 2 : 4) : (cn ? 1 : 3);
	i = close_ordinal(s, i, end, paren, cn);
	if (i == PARSE_NONE)
		return 0;
	i = parse_skip_blanks(s, i, end);
	return read_title(s, i, end, m) && !counts_on(s, m, cn);
}

/* A line-start 一是… / 二是… point. */
static int is_point(const char *s, size_t st, size_t end)
{
	size_t i = st;
	return parse_cn_numeral(s, &i, end) > 0 && parse_starts(s, i, end, "是");
}

struct tree {
	struct report *r;
	size_t cap;
	int open[MAX_LEVEL + 1];               /* open[level]: the open section there, or -1 */
	int last[MAX_LEVEL + 1][MAX_LEVEL + 1]; /* last[l][k]: numeral of the last level-k child of open[l]; l = 0 is the top */
};

static void close_from(struct tree *t, int level, size_t at)
{
	for (int k = level; k <= MAX_LEVEL; k++)
		if (t->open[k] >= 0) {
			t->r->sections[t->open[k]].end = at;
			t->open[k] = -1;
		}
}

/* Opens a section for the mark when its numeral comes next inside its parent. */
static int open_section(struct tree *t, const struct parse_mark *m, const struct para *p, int pi)
{
	int pl = m->level - 1;
	while (pl > 0 && t->open[pl] < 0)
		pl--;
	if (m->value != t->last[pl][m->level] + 1)
		return 0;
	t->last[pl][m->level] = m->value;
	close_from(t, m->level, p->start);
	struct report *r = t->r;
	r->sections = xgrow(r->sections, &t->cap, r->nsections + 1, sizeof *r->sections);
	struct section *s = &r->sections[r->nsections];
	*s = (struct section){
		.level = m->level, .parent = pl > 0 ? t->open[pl] : -1,
		.number_start = m->number_start, .number_end = m->number_end,
		.title_start = m->title_start, .title_end = m->title_end,
		.head_start = p->start, .head_end = m->head_end,
		.start = p->start, .end = r->body_end,
		.para = pi, .part = -1, .topic = -1, .topic2 = -1,
	};
	t->open[m->level] = (int)r->nsections++;
	memset(t->last[m->level], 0, sizeof t->last[m->level]);
	return 1;
}

static int deepest(const struct tree *t)
{
	for (int k = MAX_LEVEL; k > 0; k--)
		if (t->open[k] >= 0)
			return t->open[k];
	return -1;
}

void parse_headings(struct report *r)
{
	struct tree t = { .r = r };
	for (int k = 0; k <= MAX_LEVEL; k++)
		t.open[k] = -1;
	for (size_t i = 0; i < r->npara; i++) {
		struct para *p = &r->paras[i];
		struct parse_mark m;
		if (parse_mark(r->text, p->start, p->end, &m) && open_section(&t, &m, p, (int)i))
			p->kind = PARA_HEADING;
		else if (is_point(r->text, p->start, p->end))
			p->kind = PARA_POINT;
		p->section = deepest(&t);
	}
	close_from(&t, 1, r->body_end);
}
