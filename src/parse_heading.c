/* parse_heading.c — the heading grammar (一、 （一） 1. （1） ①, parts 第一部分, marked chapters 【…】), paragraphs, and the chapter tree, at line starts and inside flattened lines. */
#include "parse_scan.h"

#include <stdio.h>
#include <string.h>

#include "encoding.h"
#include "page_number.h"
#include "xmalloc.h"

/* Design limits. A heading's title ends at its sentence end (。！？), at the next heading
 * the tree expects, at a first point (一是) or at the end of its line. At a line start the
 * title may run TITLE_BYTES; a heading found inside a line (a page flattened by a crawler)
 * must end within INLINE_TITLE_BYTES and hold no ；, so that an enumeration inside a
 * sentence ("措施：（1）…；（2）…") is never taken for chapters. Every scan of a title is
 * bounded by these, so a 10 MB line costs no more than a short one per candidate.
 * (INLINE_TITLE_BYTES equals TITLE_BYTES: run-in headings of plans are whole sentences.) */
#define TITLE_BYTES 300
#define MAX_LEVEL 5
#define BROKEN_TITLE_MIN 12  /* characters of a heading line that the typesetter broke */
#define BROKEN_REST_MAX 15   /* characters of the broken heading's rest on the next line */
#define CLAUSE_REST_MAX 30   /* characters of the clause after a heading line that ends on a comma */
#define RUN_IN_TITLE 100     /* characters of a title whose end a flattened page does not show */
#define PART_LINE_MAX 40     /* characters of a line naming a part without a numeral */
#define MARKED_TITLE_MAX 50  /* characters of a chapter marked (【…】, ■ …) instead of numbered */
#define LEAD_IN_MAX 30       /* characters of a line that announces a list */

static size_t skip_lit(const char *s, size_t i, size_t end, const char *lit)
{
	return parse_starts(s, i, end, lit) ? i + strlen(lit) : i;
}

/* The ordinal's closing punctuation: ）/) for parenthesised numerals, 、 after 一,
 * ． . after 一 too, . ． 、 after 1. Returns the offset after it, or PARSE_NONE. */
static size_t close_ordinal(const char *s, size_t i, size_t end, int paren, int cn)
{
	size_t j;
	if (paren) {
		j = skip_lit(s, i, end, ")");
		if (j == i)
			j = skip_lit(s, i, end, "）");
		return j == i ? PARSE_NONE : skip_lit(s, j, end, "、");
	}
	if (cn) {   /* 一、, and 一． 一. as some typists write it */
		j = skip_lit(s, i, end, "、");
		if (j == i)
			j = skip_lit(s, i, end, "．");
		if (j == i)
			j = skip_lit(s, i, end, ".");
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

/* ① … ⑳ (U+2460–U+2473): the level below （1）. */
static int circled(const char *s, size_t *i, size_t end)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	if (end - *i < 3 || p[0] != 0xe2 || p[1] != 0x91 || p[2] < 0xa0 || p[2] > 0xb3)
		return 0;
	*i += 3;
	return p[2] - 0xa0 + 1;
}

/* The ordinal at s[st]: level, value, numeral and where the title begins (maybe at end). */
static int ordinal_at(const char *s, size_t st, size_t end, struct parse_mark *m)
{
	size_t i = st;
	int paren = 0, cn = 0;
	long v;
	m->number_start = i;
	if ((v = circled(s, &i, end)) > 0) {
		m->level = 5;
		m->value = (int)v;
		m->number_end = i;
		m->title_start = parse_skip_blanks(s, i, end);
		return 1;
	}
	if (parse_starts(s, i, end, "(") || parse_starts(s, i, end, "（")) {
		paren = 1;
		i += s[i] == '(' ? 1 : 3;
	}
	m->number_start = i;
	v = parse_cn_numeral(s, &i, end);
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
	m->title_start = parse_skip_blanks(s, i, end);
	return 1;
}

/* An ordinal with a title after it on the same line. */
static int read_ordinal(const char *s, size_t st, size_t end, struct parse_mark *m)
{
	return ordinal_at(s, st, end, m) && m->title_start < end;
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

/* 1 when the title opens with the next numeral: "二、三产业", "1、2号楼" are running text. */
static int counts_on(const char *s, const struct parse_mark *m)
{
	size_t t = m->title_start;
	long v = m->level == 1 || m->level == 2 ? parse_cn_numeral(s, &t, m->title_end)
	                                        : parse_digits(s, &t, m->title_end, 4);
	return v == m->value + 1;
}

/* A title that is a form field ("1.错误类:*") is not a chapter. */
static int form_field(const char *s, const struct parse_mark *m)
{
	size_t e = m->title_end;
	return s[e - 1] == '*' || parse_starts(s, e >= m->title_start + 3 ? e - 3 : m->title_start, e, "＊");
}

int parse_opens_heading(const char *s, size_t st, size_t end)
{
	struct parse_mark m;
	if (!read_ordinal(s, st, end, &m))
		return 0;
	m.title_end = end - m.title_start > TITLE_BYTES ? m.title_start + TITLE_BYTES : end;
	return counts_on(s, &m) ? 0 : m.level;
}

int parse_mark(const char *s, size_t st, size_t end, struct parse_mark *m)
{
	if (!read_ordinal(s, st, end, m))
		return 0;
	size_t i = m->title_start, lim = end - i > TITLE_BYTES + 3 ? i + TITLE_BYTES + 3 : end;
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
	return m->title_end > i && !form_field(s, m) && !counts_on(s, m);
}

/* A 一是… / 二是… point at s[i]; its numeral's value, or 0. */
static int point_at(const char *s, size_t i, size_t end)
{
	int v = parse_cn_numeral(s, &i, end);
	return v > 0 && parse_starts(s, i, end, "是") ? v : 0;
}

/* The level-k children of one open section so far. */
struct sibling {
	int last;       /* numeral of the last one */
	int count;      /* how many */
	int repeated;   /* the last one repeated the numeral before it */
	int stray;      /* a numeral out of sequence met at a line start since the last one */
};

struct tree {
	struct report *r;
	size_t cap, para_cap;
	int open[MAX_LEVEL + 1];                      /* open[level]: the open section there, or -1 */
	struct sibling kids[MAX_LEVEL + 1][MAX_LEVEL + 1]; /* kids[l][k]: level-k children of open[l]; l = 0 is the top */
	int last_point;                        /* numeral of the last 一是… point in the open section */
	size_t part_line;                      /* 1 + start of a line naming a part without a numeral,
	                                        * under no 一、, since the last heading; 0 none */
	size_t lead_in;                        /* 1 + start of a line announcing a list (…有以下两个方面：)
	                                        * since the last heading; 0 none */
	int part;                              /* the open part (level 0: 第一部分, 【…】), or -1 */
	int parts;                             /* numeral of the last 第X部分 */
	int top_before;                        /* numeral of the last 一、 before the open part */
};

/* The level of the section a level-`level` heading would go under (0: the top). */
static int parent_level(const struct tree *t, int level)
{
	int pl = level - 1;
	while (pl > 0 && t->open[pl] < 0)
		pl--;
	return pl;
}

static int next_value(const struct tree *t, int level)
{
	return t->kids[parent_level(t, level)][level].last + 1;
}

/* 1 when heading m2 may follow heading m at once, m being open: m's first child, its next
 * sibling, or the next heading of an enclosing level. */
static int follows(const struct tree *t, const struct parse_mark *m, const struct parse_mark *m2)
{
	if (m2->level > m->level)
		return m2->value == 1;
	if (m2->level == m->level)
		return m2->value == m->value + 1;
	return m2->value == next_value(t, m2->level);
}

/* The fixed phrases that head the parts a report must have (厅字〔2019〕28号): measures and
 * results, problems, the principal leaders' duty, next year's plans. Longest first. later: a part
 * that follows the year's work, problems or plans, which web editors may set in bold alone without
 * a numeral after numbered ones (unnumbered_later_part). */
static const struct part_phrase {
	const char *s;
	int later;
} part_phrases[] = {
	{ "党政主要负责人履行推进法治建设第一责任人职责情况", 0 }, { "党政主要负责人履行推进法治建设第一责任人职责", 0 },
	{ "履行推进法治建设第一责任人职责情况", 0 }, { "推进法治政府建设的主要举措和成效", 0 }, { "主要举措和成效", 0 },
	{ "存在的问题和不足", 1 }, { "存在的不足和原因", 1 }, { "存在的不足及原因", 1 }, { "存在的主要问题", 1 },
	{ "存在的问题", 1 }, { "存在的不足", 1 }, { "存在问题", 1 }, { "问题和不足", 1 }, { "主要问题", 1 },
	{ "不足之处", 1 }, { "下一步工作计划", 1 }, { "下一步工作打算", 1 }, { "下一步工作安排", 1 },
	{ "下一步工作思路", 1 }, { "下一步工作", 1 }, { "下一步计划", 1 }, { "下一步打算", 1 }, { "工作开展情况", 0 },
	{ "主要工作成效", 0 }, { "主要工作", 0 }, { "工作计划", 1 }, { "工作安排", 1 }, { "工作打算", 1 },
	{ "工作思路", 1 }, { "工作要点", 0 },
};

/* Bytes of a part's fixed phrase at s[st], after an optional year ("2022年工作安排"); 0 when none.
 * *later (may be NULL) says whether the phrase is a later part's. */
static size_t part_phrase_len(const char *s, size_t st, size_t end, int *later)
{
	size_t i = st;
	if (parse_digits(s, &i, end, 4) >= 1000 && parse_starts(s, i, end, "年")) {
		i += strlen("年");
		if (parse_starts(s, i, end, "度"))
			i += strlen("度");
	} else {
		i = st;
	}
	for (size_t k = 0; k < sizeof part_phrases / sizeof *part_phrases; k++)
		if (parse_starts(s, i, end, part_phrases[k].s)) {
			if (later)
				*later = part_phrases[k].later;
			return i + strlen(part_phrases[k].s) - st;
		}
	return 0;
}

/* A page flattened by a crawler may run a part's heading into its first sentence
 * ("二、存在问题在看到成绩的同时，…：一是…", "二、存在的问题执法队伍仍需加强。"). A title that
 * reads as a clause (it holds a comma or ends with a colon), or a title inside a flattened
 * line that ends a sentence, and opens with a part's fixed phrase ends after the phrase. */
static void cut_run_in_part(const char *s, struct parse_mark *m, int run_in)
{
	size_t st = m->title_start, en = m->title_end;
	int sentence = m->head_end > m->title_end;   /* it ended at 。, not at what follows a heading */
	if (!(run_in && sentence) && parse_find(s, st, en, "，") == PARSE_NONE &&
	    !parse_starts(s, en >= st + 3 ? en - 3 : st, en, "："))
		return;
	size_t n = part_phrase_len(s, st, en, NULL);
	if (n && st + n < en && !parse_starts(s, st + n, en, "，"))
		m->title_end = m->head_end = st + n;
}

/* A blank after a Chinese character, before any text: in a block of a flattened page, where
 * the crawler joined a heading to the paragraph after it ("…主要安排 2020年是…"). */
static int block_blank(const char *s, size_t i, size_t end, size_t st)
{
	size_t t = i;
	if (i == st || !parse_is_blank(encoding_next(s, end, &t)))
		return 0;
	t = parse_skip_blanks(s, i, end);
	return t < end && (unsigned char)s[i - 1] >= 0x80;
}

/* 1 for a character an ordinal or a point may begin with: a bracket, a digit, ①, 一 … 十. */
static int opens_ordinal(uint32_t c)
{
	switch (c) {
	case '(': case 0xff08: case 0x4e00: case 0x4e8c: case 0x4e09: case 0x56db: case 0x4e94:
	case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341:
		return 1;
	default:
		return (c >= '1' && c <= '9') || (c >= 0xff11 && c <= 0xff19) || (c >= 0x2460 && c <= 0x2473);
	}
}

/* A level-1 title run into its text ends after a part's fixed phrase; 0 when it opens with none. */
static int cut_at_phrase(const char *s, struct parse_mark *m, size_t end)
{
	size_t n = m->level == 1 ? part_phrase_len(s, m->title_start, end, NULL) : 0;
	m->title_end = m->head_end = m->title_start + n;
	return n > 0;
}

/* A flattened page that joined its blocks with nothing does not show where a heading ends:
 * the heading the numbering expects is kept, its title up to its first comma before `lim`. */
static int run_in_end(const char *s, struct parse_mark *m, size_t lim)
{
	size_t comma = parse_find(s, m->title_start, lim, "，");
	size_t ascii = parse_find(s, m->title_start, comma == PARSE_NONE ? lim : comma, ",");
	comma = ascii != PARSE_NONE ? ascii : comma;
	if (comma == PARSE_NONE || parse_chars(s, m->title_start, comma, RUN_IN_TITLE) > RUN_IN_TITLE)
		return 0;
	m->title_end = m->head_end = comma;
	return 1;
}

/* In a block of a flattened page, a heading the typesetter broke shows as its first part, a
 * blank and a short rest that ends the sentence ("…质量和建 设管理水平。 2014年…"): where the
 * rest's 。 is, or PARSE_NONE. The caller asks it only of a long first part, as the line rule
 * does; a rest opens with a Chinese character. */
static size_t broken_rest(const char *s, size_t blank, size_t end)
{
	static const char *const inner[] = { "，", "；", "：", "、", "！", "？", ",", ";", ":" };
	size_t r = parse_skip_blanks(s, blank, end), lim = end - r > 3 * BROKEN_REST_MAX ? r + 3 * BROKEN_REST_MAX : end;
	size_t dot = parse_find(s, r, lim, "。");
	struct parse_mark m;
	if (dot == PARSE_NONE || dot == r || (dot + 3 < end && !block_blank(s, dot + 3, end, r)) ||
	    point_at(s, r, end) || read_ordinal(s, r, end, &m) || (unsigned char)s[r] < 0x80)
		return PARSE_NONE;   /* none, or a point or heading of its own */
	for (size_t k = 0; k < sizeof inner / sizeof *inner; k++)
		if (parse_find(s, r, dot, inner[k]) != PARSE_NONE)
			return PARSE_NONE;
	return dot;
}

/* Where m's title ends, m being about to open: fills title_end and head_end. Returns 0 when
 * no end is found within the limit (running text that starts with a numeral). */
static int find_title_end(const struct tree *t, struct parse_mark *m, size_t end, int inline_head, int flat)
{
	const char *s = t->r->text;
	size_t i = m->title_start, lim = end - i > TITLE_BYTES ? i + TITLE_BYTES : end;
	while (i < lim) {
		size_t next = i;
		uint32_t c = encoding_next(s, end, &next);   /* each character decoded once */
		struct parse_mark m2;
		if (c == 0x3002 || c == 0xff01 || c == 0xff1f ||   /* 。！？ */
		    (c == 0xff1a && i > m->title_start && next < end && s[next] != '\n')) {   /* ： text follows */
			m->title_end = i;
			m->head_end = next;
			return 1;
		}
		if (i > m->title_start && opens_ordinal(c) &&
		    (point_at(s, i, end) == 1 || (read_ordinal(s, i, end, &m2) && follows(t, m, &m2)))) {
			m->title_end = m->head_end = i;
			return 1;
		}
		if (flat && parse_is_blank(c) && block_blank(s, i, end, m->title_start)) {
			size_t dot = parse_chars(s, m->title_start, i, BROKEN_TITLE_MIN) >= BROKEN_TITLE_MIN
			             ? broken_rest(s, i, end) : PARSE_NONE;
			m->title_end = dot != PARSE_NONE ? dot : i;
			m->head_end = dot != PARSE_NONE ? dot + 3 : i;
			return 1;
		}
		if (inline_head && c == 0xff1b)   /* ； */
			break;   /* an enumeration inside a sentence, or a run-in heading */
		i = next;
	}
	if (i < end)   /* no end within reach */
		return cut_at_phrase(s, m, end) || (flat && run_in_end(s, m, i));
	m->title_end = m->head_end = end;
	return 1;
}

/* The numbering a heading may take. Inside a line of running text only the next numeral is a
 * heading. At a line start, or in a block of a flattened page, a numeral repeated from the sibling before it is a heading written with a
 * numbering error, and so is the one after such a repeat that goes on counting by position:
 * （一）（一）（三） gives three headings, kept as written and reported. Not after a numeral
 * of that level was refused since the last heading: a list that restarts is no heading. */
enum { NUM_BAD, NUM_NEXT, NUM_REPEATED, NUM_SKIPPED };

static int numbering(const struct tree *t, const struct parse_mark *m, int strict)
{
	const struct sibling *g = &t->kids[parent_level(t, m->level)][m->level];
	if (m->value == g->last + 1)
		return NUM_NEXT;
	if (m->level == 1 && g->count == 0 && t->top_before && m->value == t->top_before + 1)
		return NUM_NEXT;   /* a part's 一、 list may go on from the part before: 第二部分 四、… */
	if (strict || g->count == 0 || g->stray)
		return NUM_BAD;
	if (m->value == g->last)
		return NUM_REPEATED;
	return g->repeated && m->value == g->count + 1 ? NUM_SKIPPED : NUM_BAD;
}

/* A top heading whose numeral a blank ends instead of 、 ("二 存在的问题和不足", "三　工作安排"),
 * at a line start: *m as ordinal_at gives it. Only as the next numeral of its list (heading_at). */
static int spaced_ordinal(const char *s, size_t st, size_t end, struct parse_mark *m)
{
	size_t i = st;
	long v = parse_cn_numeral(s, &i, end);
	size_t after = i;
	if (v <= 0 || i >= end || !parse_is_blank(encoding_next(s, end, &after)))
		return 0;
	size_t title = parse_skip_blanks(s, after, end), t = title;
	uint32_t c = title < end ? encoding_next(s, end, &t) : 0;
	if (c < 0x4e00 && !(c >= '0' && c <= '9'))   /* a word or a year (三 2021年工作安排) */
		return 0;
	*m = (struct parse_mark){ .level = 1, .value = (int)v, .number_start = st, .number_end = i, .title_start = title };
	return 1;
}

/* A heading at s[i] that the tree accepts: its numbering (NUM_BAD when none) and *m. */
static int heading_at(const struct tree *t, size_t i, size_t end, int inline_head, int flat,
                      struct parse_mark *m)
{
	const char *s = t->r->text;
	int spaced = 0;
	if (!read_ordinal(s, i, end, m) && (inline_head || !(spaced = spaced_ordinal(s, i, end, m))))
		return NUM_BAD;
	int num = numbering(t, m, inline_head && !flat);
	if (spaced && num != NUM_NEXT)
		return NUM_BAD;
	if (num == NUM_BAD || !find_title_end(t, m, end, inline_head, flat))
		return NUM_BAD;
	m->title_end = trim_end(s, m->title_start, m->title_end);
	if (m->title_end == m->title_start || form_field(s, m) || counts_on(s, m))
		return NUM_BAD;
	if (m->level == 1)
		cut_run_in_part(s, m, inline_head || flat);
	return num;
}

static void warn_numbering(struct report *r, const struct parse_mark *m, int num, size_t at)
{
	char msg[160];
	int n = (int)(m->number_end - m->number_start);
	snprintf(msg, sizeof msg, "heading %.*s %s", n, r->text + m->number_start,
	         num == NUM_REPEATED ? "repeats the numeral before it" : "skips a numeral");
	report_add_warning(r, REPORT_WARN_NUMBERING, at, msg);
}

static void close_from(struct tree *t, int level, size_t at)
{
	for (int k = level; k <= MAX_LEVEL; k++)
		if (t->open[k] >= 0) {
			t->r->sections[t->open[k]].end = at;
			t->open[k] = -1;
		}
}

static void open_section(struct tree *t, const struct parse_mark *m, int num, size_t at, int pi)
{
	int pl = parent_level(t, m->level);
	struct sibling *g = &t->kids[pl][m->level];
	g->last = m->value;
	g->count++;
	g->repeated = num == NUM_REPEATED;
	g->stray = 0;
	close_from(t, m->level, at);
	struct report *r = t->r;
	r->sections = xgrow(r->sections, &t->cap, r->nsections + 1, sizeof *r->sections);
	struct section *s = &r->sections[r->nsections];
	*s = (struct section){
		.level = m->level, .parent = pl > 0 ? t->open[pl] : t->part,
		.number_start = m->number_start, .number_end = m->number_end,
		.title_start = m->title_start, .title_end = m->title_end,
		.head_start = at, .head_end = m->head_end,
		.start = at, .end = r->body_end,
		.para = pi, .part = -1, .topic = -1, .topic2 = -1,
	};
	t->open[m->level] = (int)r->nsections++;
	memset(t->kids[m->level], 0, sizeof t->kids[m->level]);
	t->last_point = 0;
	t->part_line = 0;   /* a part line before it ends no section opened after it */
	t->lead_in = 0;
}

static int deepest(const struct tree *t)
{
	for (int k = MAX_LEVEL; k > 0; k--)
		if (t->open[k] >= 0)
			return t->open[k];
	return t->part;
}

/* A part of the report named by its ordinal on a line of its own, above the 一、 list:
 * 第一部分　2021年工作情况, 第二部分、存在的问题, 第三章 …; *m with level 0. */
static int part_ordinal(const char *s, size_t st, size_t end, struct parse_mark *m)
{
	size_t i = st + strlen("第"), num = i;
	int v = parse_starts(s, st, end, "第") ? parse_cn_numeral(s, &i, end) : 0;
	size_t num_end = i;
	if (v <= 0 || !(parse_starts(s, i, end, "部分") || parse_starts(s, i, end, "章")))
		return 0;
	i += parse_starts(s, i, end, "部分") ? strlen("部分") : strlen("章");
	size_t t = i;
	static const char *const seps[] = { "、", "：", ":", "．", "." };
	for (size_t k = 0; k < sizeof seps / sizeof *seps && t == i; k++)
		t = skip_lit(s, i, end, seps[k]);
	t = parse_skip_blanks(s, t, end);
	if (t == i && t < end)
		return 0;   /* 第一部分内容: words, not a heading */
	*m = (struct parse_mark){ .level = 0, .value = v, .number_start = num, .number_end = num_end,
	                          .title_start = t, .title_end = end, .head_end = end };
	return 1;
}

/* A chapter marked instead of numbered, on a line of its own: 【强化组织领导，压实责任】,
 * ■ 依法决策, ◆ …: a short title, no sentence or list in it (● 全年办理12件，结案10件。 is a
 * point of running text). *m with value 0 and no numeral; a bracketed title keeps its
 * brackets, which are how the report writes it. */
static int marked_heading(const char *s, size_t st, size_t end, struct parse_mark *m)
{
	static const char *const marks[] = { "■", "□", "◆", "◇", "●", "▲", "△", "★", "☆", "▶", "►" };
	size_t t = PARSE_NONE, e = end;
	if (st >= end || ((unsigned char)s[st] != 0xe2 && (unsigned char)s[st] != 0xe3))
		return 0;   /* every mark and 【 open with one of these bytes: most lines stop here */
	int bracket = parse_starts(s, st, end, "【") && parse_ends(s, st, end, "】");
	if (bracket) {
		t = st + strlen("【"), e = end - strlen("】");
	} else {
		for (size_t k = 0; k < sizeof marks / sizeof *marks && t == PARSE_NONE; k++)
			if (parse_starts(s, st, end, marks[k]))
				t = parse_skip_blanks(s, st + strlen(marks[k]), end);
	}
	if (t == PARSE_NONE || t >= e)
		return 0;
	static const char *const clause[] = { "。", "；", "：", ";", ":", "【", "】" };
	for (size_t k = 0; k < sizeof clause / sizeof *clause; k++)
		if (parse_find(s, t, e, clause[k]) != PARSE_NONE)
			return 0;
	if (t == e || parse_chars(s, t, e, MARKED_TITLE_MAX) > MARKED_TITLE_MAX)
		return 0;
	*m = (struct parse_mark){ .level = 0, .value = 0, .number_start = st, .number_end = st,
	                          .title_start = bracket ? st : t, .title_end = bracket ? end : e, .head_end = end };
	return 1;
}

/* Opens a part (level 0) at `at`: every section open ends there, and the lists under it start
 * again (or go on: top_before). */
static void open_part(struct tree *t, const struct parse_mark *m, size_t at, int pi)
{
	struct report *r = t->r;
	if (t->kids[0][1].count)
		t->top_before = t->kids[0][1].last;
	close_from(t, 1, at);
	if (t->part >= 0)
		r->sections[t->part].end = at;
	r->sections = xgrow(r->sections, &t->cap, r->nsections + 1, sizeof *r->sections);
	r->sections[r->nsections] = (struct section){
		.level = 0, .parent = -1, .number_start = m->number_start, .number_end = m->number_end,
		.title_start = m->title_start, .title_end = m->title_end, .head_start = at, .head_end = m->head_end,
		.start = at, .end = r->body_end, .para = pi, .part = -1, .topic = -1, .topic2 = -1,
	};
	t->part = (int)r->nsections++;
	t->parts = m->value ? m->value : t->parts;
	memset(t->kids, 0, sizeof t->kids);
	t->last_point = 0;
	t->part_line = 0;
	t->lead_in = 0;
}

/* The level a marked chapter takes: that of the marked chapter open (its sibling), else one
 * below the deepest numbered section open, else 0 (a part). */
static int marked_level(const struct tree *t)
{
	for (int k = MAX_LEVEL; k > 0; k--) {
		if (t->open[k] < 0)
			continue;
		const struct section *sec = &t->r->sections[t->open[k]];
		return sec->number_end == sec->number_start || k == MAX_LEVEL ? k : k + 1;
	}
	return 0;
}

/* 1 for a character after which a heading inside a line may start: a sentence end, a colon,
 * a closing bracket or quote, or a blank, as a flattened page runs one block into the next. */
static int ends_block(uint32_t c)
{
	switch (c) {
	case 0x3002: case 0xff01: case 0xff1f: case 0xff1a: case ':': case 0xff09: case ')':
	case 0x3011: case 0x201d: case ' ': case 0x3000:   /* 。！？：:）)】” and blanks */
		return 1;
	default:
		return 0;
	}
}

/* 1 when s[i] may begin an ordinal: a bracket, a digit, 一 … 九 or 十, ①. */
static int may_open(const char *s, size_t i, size_t end)
{
	unsigned char b = (unsigned char)s[i];
	return b == '(' || (b >= '1' && b <= '9') || b == 0xe4 || b == 0xe5 ||
	       (b == 0xef && end - i >= 3) || (b == 0xe2 && end - i >= 3);
}

/* The start of the next heading inside s[from, end), or end; the paragraph began at `para`.
 * Each character is decoded once; a heading is tried only after one that ends a block. */
static size_t next_inline(const struct tree *t, size_t para, size_t from, size_t end, int flat)
{
	const char *s = t->r->text;
	struct parse_mark m;
	size_t i = from;
	size_t at;   /* right after the heading that opened the paragraph */
	if (i > para && ends_block(parse_prev_char(s, para, i, &at)) && heading_at(t, i, end, 1, flat, &m) != NUM_BAD)
		return i;
	/* Only these bytes begin a character that ends a block (continuation bytes are 80–BF), so
	 * the rest is passed over without decoding, one table look-up a byte. */
	static const unsigned char may_end[256] = {
		[0xe3] = 1, [0xef] = 1, [0xe2] = 1, [' '] = 1, [':'] = 1, [')'] = 1,
	};
	for (; i < end; i++) {
		unsigned char b = (unsigned char)s[i];
		if (!may_end[b]) {
			i += encoding_step(b) - 1;   /* report text is clean UTF-8 */
			continue;
		}
		size_t n = i;
		if (!ends_block(encoding_next(s, end, &n)) || n >= end || !may_open(s, n, end))
			continue;
		if (heading_at(t, n, end, 1, flat, &m) != NUM_BAD)
			return n;
		i = n - 1;
	}
	return end;
}

static int add_para(struct tree *t, size_t start, size_t end, enum para_kind kind)
{
	struct report *r = t->r;
	r->paras = xgrow(r->paras, &t->para_cap, r->npara + 1, sizeof *r->paras);
	r->paras[r->npara] = (struct para){ start, end, -1, kind };
	return (int)r->npara++;
}

static void check_point(struct tree *t, size_t at)
{
	int v = point_at(t->r->text, at, t->r->len);
	if (v && t->last_point && v != t->last_point + 1 && v != 1) {
		char msg[160];
		snprintf(msg, sizeof msg, "point %d是 follows %d是", v, t->last_point);
		report_add_warning(t->r, REPORT_WARN_NUMBERING, at, msg);
	}
	t->last_point = v ? v : t->last_point;
}

/* The points of a paragraph that runs them on (一是…；二是…；二是…), each after a sentence end,
 * a semicolon or a colon: checked in sequence as points at line starts are. */
static void check_inline_points(struct tree *t, size_t from, size_t end)
{
	const char *s = t->r->text;
	for (size_t i = from; (i = parse_find(s, i, end, "是")) != PARSE_NONE; i += 3) {
		for (size_t back = 3; back <= 6 && i >= from + back + 3; back += 3) {
			size_t at = i - back, b = at - 3, t2 = at;
			uint32_t c = encoding_next(s, at, &b);
			if ((c == 0x3002 || c == 0xff1b || c == 0xff1a || c == ';' || c == ':') &&
			    parse_cn_numeral(s, &t2, i) && t2 == i) {
				check_point(t, at);
				break;
			}
		}
	}
}

/* Whether the line signs the report off: a body's name after its place (临汾市人民政府,
 * 德昌县综合行政执法局) or the closing words 特此报告. A plan's last heading, unpunctuated, often
 * stands right above it; it is never the rest of a heading. */
static int signs_off(const char *s, const struct parse_line *l)
{
	size_t st = parse_skip_blanks(s, l->start, l->end);
	return parse_starts(s, st, l->end, "特此") ||
	       (parse_organ_suffix(s, st, l->end) && parse_body_name(s, st, l->end));
}

/* A heading too long for its line, broken by the typesetter: its title runs to the end of
 * the line without closing punctuation, and the next line is a short rest that ends the
 * sentence or holds no punctuation ("…质量和建" / "设管理水平。", "…营商" / "环境"), and does not
 * sign the report off; or a heading broken after a comma, its next clause the next line
 * ("（四）推进镇街综合执法，" / "严格规范公正文明执法"). Returns 1 and extends *m and *end over the rest. */
static int broken_heading(const char *s, struct parse_mark *m, size_t *end, const struct parse_line *next)
{
	static const char *const closers[] = { "。", "，", "；", "：", "、", "！", "？", "”", "）", ")" };
	/* a title that ends on a comma is unfinished whatever its length: its next clause follows */
	int open = parse_ends(s, m->title_start, m->title_end, "，") || parse_ends(s, m->title_start, m->title_end, "、");
	size_t rest_max = open ? CLAUSE_REST_MAX : BROKEN_REST_MAX;
	if (!next || next->flags & PARSE_LINE_CHROME || m->head_end != *end || m->title_end != *end ||
	    (!open && parse_chars(s, m->title_start, m->title_end, BROKEN_TITLE_MIN) < BROKEN_TITLE_MIN))
		return 0;
	for (size_t k = 0; k < sizeof closers / sizeof *closers && !open; k++)
		if (m->title_end - m->title_start >= strlen(closers[k]) &&
		    memcmp(s + m->title_end - strlen(closers[k]), closers[k], strlen(closers[k])) == 0)
			return 0;
	static const char *const inner[] = { "。", "，", "；", "：", "！", "？", ":", ";", "," };
	size_t n = next->end - next->start, dot = parse_find(s, next->start, next->end, "。");
	struct parse_mark m2;
	if (parse_chars(s, next->start, next->end, rest_max) > rest_max || n < 3 ||
	    read_ordinal(s, next->start, next->end, &m2) || point_at(s, next->start, next->end) || signs_off(s, next) ||
	    page_number_line(s + next->start, n, 0))   /* 第3页 共6页 under it: a page's end, not its rest */
		return 0;
	size_t stop = dot == next->end - 3 ? dot : next->end;   /* ends the sentence, or no punctuation */
	for (size_t k = 0; k < sizeof inner / sizeof *inner; k++)
		if (parse_find(s, next->start, stop, inner[k]) != PARSE_NONE)
			return 0;
	m->title_end = stop;
	m->head_end = next->end;
	*end = next->end;
	return 1;
}

/* An ordinal alone on its line, its title on the next ("二、" / "存在的不足"), as text taken
 * from a layout may leave it: the numbering NUM_NEXT and *m when the tree takes it as the next
 * heading, else NUM_BAD. The title line must not open with an ordinal or a point itself. */
static int bare_heading(const struct tree *t, const struct parse_line *line, const struct parse_line *next,
                        struct parse_mark *m)
{
	const char *s = t->r->text;
	struct parse_mark m2;
	if (!next || (next->flags & PARSE_LINE_CHROME) || !ordinal_at(s, line->start, line->end, m) ||
	    m->title_start != line->end || read_ordinal(s, next->start, next->end, &m2) ||
	    point_at(s, next->start, next->end) || numbering(t, m, 1) != NUM_NEXT)
		return NUM_BAD;
	m->title_start = next->start;
	if (!find_title_end(t, m, next->end, 0, 0))
		return NUM_BAD;
	m->title_end = trim_end(s, m->title_start, m->title_end);
	if (m->title_end == m->title_start || form_field(s, m) || counts_on(s, m))
		return NUM_BAD;
	return NUM_NEXT;
}

/* A line that names a part without a numeral ("存在的问题和不足", "2020年工作打算"): short, no
 * sentence in it, a part's fixed phrase in it. */
static int unnumbered_part(const char *s, const struct parse_line *line)
{
	size_t st = parse_skip_blanks(s, line->start, line->end);
	struct parse_mark m;
	if (parse_chars(s, st, line->end, PART_LINE_MAX + 1) > PART_LINE_MAX || ordinal_at(s, st, line->end, &m))
		return 0;
	static const char *const marks[] = { "。", "，", "；", "：", ",", ";", ":" };
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (parse_find(s, st, line->end, marks[k]) != PARSE_NONE)
			return 0;
	for (size_t i = st; i < line->end; encoding_next(s, line->end, &i))
		if (part_phrase_len(s, i, line->end, NULL))
			return 1;
	return 0;
}

/* 1 for a line that announces a list of its own: short, ending with a colon, 以下 or 如下 in it
 * (究其原因，主要有以下两个方面：, 原因如下：). */
static int announces_list(const char *s, const struct parse_line *line)
{
	size_t st = parse_skip_blanks(s, line->start, line->end);
	return (parse_ends(s, st, line->end, "：") || parse_ends(s, st, line->end, ":")) &&
	       parse_chars(s, st, line->end, LEAD_IN_MAX + 1) <= LEAD_IN_MAX &&
	       (parse_find(s, st, line->end, "以下") != PARSE_NONE || parse_find(s, st, line->end, "如下") != PARSE_NONE);
}

/* A （一） or 1. right after a line that announces a list starts that level's numbering again,
 * under the same heading: the causes after the problems (（一）…（三） 究其原因，主要有以下两个方面：
 * （一）…（二）…). */
static void restart_after_lead_in(struct tree *t, const struct parse_line *line)
{
	struct parse_mark m;
	if (t->lead_in && read_ordinal(t->r->text, line->start, line->end, &m) && m.value == 1 && m.level >= 2) {
		struct sibling *g = &t->kids[parent_level(t, m.level)][m.level];
		if (g->count)
			*g = (struct sibling){ 0 };
	}
	t->lead_in = 0;
}

/* A line opening with （一） or 1. after a part named without a numeral: the sections before
 * end where that part began, and their numbering starts again. */
static void restart_after_part(struct tree *t, const struct parse_line *line)
{
	struct parse_mark m;
	if (!t->part_line || !read_ordinal(t->r->text, line->start, line->end, &m))
		return;
	if (m.value == 1 && m.level >= 2) {
		close_from(t, 2, t->part_line - 1);
		memset(&t->kids[0][2], 0, (MAX_LEVEL - 1) * sizeof t->kids[0][2]);   /* the lists below 一、 */
	}
	t->part_line = 0;
}

/* A line that is wholly a later part's phrase (存在的问题, 2026年工作安排), standing after numbered
 * 一、 headings of the part it is in: *m a level-1 heading without a numeral, numbered as the
 * last, so a 一、 list after it goes on. */
static int unnumbered_later_part(struct tree *t, const struct parse_line *line, struct parse_mark *m)
{
	const char *s = t->r->text;
	size_t st = parse_skip_blanks(s, line->start, line->end), end = trim_end(s, st, line->end);
	end = parse_ends(s, st, end, "：") ? end - strlen("：") : end;
	const struct sibling *g = &t->kids[parent_level(t, 1)][1];
	int later = 0;
	if (!g->count || t->open[1] < 0 || st >= end || part_phrase_len(s, st, end, &later) != end - st || !later)
		return 0;
	*m = (struct parse_mark){ .level = 1, .value = g->last, .number_start = st, .number_end = st,
				  .title_start = st, .title_end = end, .head_end = line->end };
	return 1;
}

/* A line that is a chapter's heading without a numeral of the 一、 family: a part named by its
 * own ordinal (第二部分, the next of the parts), or a marked chapter (【…】, ■ …) one level below
 * the numbered section it stands in, or a part when it stands in none. Opens it with a
 * paragraph of its own and returns 1; else 0. */
static int unnumbered_chapter(struct tree *t, const struct parse_line *line)
{
	const char *s = t->r->text;
	struct parse_mark m;
	int pi = (int)t->r->npara;
	if (part_ordinal(s, line->start, line->end, &m) && m.value == t->parts + 1) {
		m.title_end = trim_end(s, m.title_start, m.title_end);
		open_part(t, &m, line->start, pi);
	} else if (unnumbered_later_part(t, line, &m)) {
		open_section(t, &m, NUM_NEXT, line->start, pi);
	} else if (marked_heading(s, line->start, line->end, &m)) {
		m.level = marked_level(t);
		if (m.level == 0)
			open_part(t, &m, line->start, pi);
		else
			open_section(t, &m, NUM_NEXT, line->start, pi);
	} else {
		return 0;
	}
	add_para(t, line->start, line->end, PARA_HEADING);
	t->r->paras[pi].section = deepest(t);
	return 1;
}

/* One line of the body: a heading at its start, then the headings found inside it, each
 * opening a paragraph of its own. Returns the lines used: 2 when a broken heading's rest is
 * the next line. A part named without a numeral, under no 一、, ends the （一） before it and
 * starts their numbering again when a （一） follows it (（一）… 存在的问题 … 2020年工作打算 （一）…). */
static size_t add_line(struct tree *t, const struct parse_line *line, const struct parse_line *next)
{
	const char *s = t->r->text;
	int inline_head = 0, flat = (line->flags & PARSE_LINE_BLOCK) != 0;
	size_t used = 1, end = line->end;
	struct parse_mark bare;
	if (!flat && !(line->flags & PARSE_LINE_KIND) && unnumbered_chapter(t, line))
		return 1;
	if (t->open[1] < 0 && !flat && unnumbered_part(s, line)) {
		if (!t->part_line)   /* the first since the last heading: where the list before ends */
			t->part_line = line->start + 1;
	} else {
		restart_after_part(t, line);
	}
	if (!flat)
		restart_after_lead_in(t, line);
	if (!flat && announces_list(s, line))
		t->lead_in = line->start + 1;
	int bare_num = bare_heading(t, line, next, &bare);
	if (bare_num != NUM_BAD) {   /* the heading goes on to the next line */
		end = next->end;
		used = 2;
	}
	for (size_t at = line->start; at < end; inline_head = 1) {
		struct parse_mark m;
		int num = at == line->start && bare_num != NUM_BAD ? (m = bare, bare_num)
		                                                    : heading_at(t, at, end, inline_head, flat, &m);
		size_t body = at;
		enum para_kind kind = PARA_TEXT;
		if (num != NUM_BAD) {
			if (num != NUM_NEXT)
				warn_numbering(t->r, &m, num, at);
			if (!inline_head && bare_num == NUM_BAD && broken_heading(s, &m, &end, next))
				used = 2;
			open_section(t, &m, num, at, (int)t->r->npara);
			kind = PARA_HEADING;
			body = m.head_end;
		} else if (point_at(s, at, end)) {
			kind = PARA_POINT;
		} else if (!inline_head && read_ordinal(s, at, end, &m) && numbering(t, &m, 0) == NUM_BAD) {
			t->kids[parent_level(t, m.level)][m.level].stray = 1;
		}
		if (kind == PARA_TEXT)
			t->last_point = 0;   /* a paragraph of text starts its own list of points */
		else if (kind == PARA_POINT)
			check_point(t, at);
		size_t next_at = body < end && kind == PARA_HEADING && m.title_end == m.head_end &&
		                 read_ordinal(s, body, end, &(struct parse_mark){ 0 })
		                 ? body : next_inline(t, at, body, end, flat);
		check_inline_points(t, body, next_at);
		int pi = add_para(t, at, next_at, kind);
		t->r->paras[pi].section = deepest(t);
		at = parse_skip_blanks(s, next_at, end);
	}
	return used;
}

/* Parts named by their ordinal that hold no 一、 list anywhere in the report are its chapters, at
 * the level 一、 would be (第一部分　主要举措 （一）… 第二部分　存在的不足 …): a reader counts them as
 * its top headings. Marked chapters (【…】, their number empty) stay parts above the headings. */
static void parts_as_chapters(struct report *r)
{
	for (size_t i = 0; i < r->nsections; i++)
		if (r->sections[i].level == 1)
			return;
	for (size_t i = 0; i < r->nsections; i++)
		if (r->sections[i].level == 0 && r->sections[i].number_end > r->sections[i].number_start)
			r->sections[i].level = 1;
}

void parse_paragraphs(struct report *r, const struct parse_scan *sc)
{
	struct tree t = { .r = r, .part = -1 };
	for (int k = 0; k <= MAX_LEVEL; k++)
		t.open[k] = -1;
	r->npara = 0;
	for (size_t i = sc->body_first; i <= sc->body_last && i < sc->n;) {
		const struct parse_line *next = i + 1 <= sc->body_last && i + 1 < sc->n ? &sc->lines[i + 1] : NULL;
		i += add_line(&t, &sc->lines[i], next);
	}
	close_from(&t, 1, r->body_end);
	parts_as_chapters(r);
}
