/* facts.c — key metrics stated in a report, found by the patterns and clause rules of a catalogue. */
#include "facts.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "cue.h"
#include "parse_scan.h"
#include "table.h"
#include "xmalloc.h"
#include "buf.h"
#include "figure_rows.h"
#include "mathfn.h"

/* Design limits: a gap (…) spans at most GAP_CHARS characters of one sentence; a pattern has at
 * most MAX_ELEMS parts. Matching backtracks, which is cheap on sentences of a few hundred bytes.
 *
 * Speed: each sentence's characters are read once (cue_char) into the scratch, and the filters
 * below work on them. A pattern is tried only in the sentences holding its anchor, the longest
 * phrase every match must contain, and there only at the characters a match can begin with, up
 * to the last place from which the words every match passes still follow in their order; a gap
 * tries the rest of its pattern only where that may begin. Anchors and the words of the
 * clause rules are found by a hash of their first two characters. Every word compares its first
 * character before the rest, and a figure's unit is written only for a fact. The filters skip
 * only places where nothing can match, so the facts are those of trying every pattern at every
 * character. The clause grammar runs only on sentences holding digits with a counter (or 十 百
 * 千 两). Report text is clean UTF-8 (report.h), so a byte that begins no character never
 * begins a match. {{ The grammar's words could share one table with the anchors. }} */
#define GAP_CHARS 20
#define TABLE_CELLS 64    /* figures of tables read as cells (figure_rows_cells), in the body or annexed */
#define MAX_ELEMS 24

enum elem_kind { E_LIT, E_ALT, E_GAP, E_NUM, E_SKIP, E_FIXED };

struct word {
	const char *s;         /* owned by the model, except in the static tables below */
	size_t n;
	uint32_t first;        /* its first character as cue_char reads it (word_first); 0 when empty */
};

struct elem {
	enum elem_kind kind;
	int optional;          /* E_ALT followed by ? */
	struct word *alt;      /* E_LIT: one string; E_ALT: the alternatives; E_NUM/E_SKIP: allowed counters */
	size_t nalt;
	double fixed;          /* E_FIXED: the value stated by the words */
	int past_figure;       /* E_GAP after the pattern's figure ({N}…聘请…): it may not pass another
	                        * figure in its counter, as in 15个村和1个社区均聘请…, where the words
	                        * after speak of both (set by index_patterns) */
};

/* The characters (folded by cue_char) a match can begin with. */
struct first {
	uint32_t *c;
	size_t n, cap;
	int any;               /* any character: the pattern opens with a gap */
	int figure;            /* a digit, a Chinese numeral or a qualifier such as 近 */
	uint64_t bits;         /* BIT() of each character above: most characters fail this test */
};

struct pattern {
	int metric;
	struct elem e[MAX_ELEMS];
	size_t n;
	char *qualifier;       /* static scope note appended to the unit, or NULL */
	struct first first;
	uint64_t need[MAX_ELEMS + 1]; /* need[i]: first.bits of a pattern made of elements i.. (a gap
	                              * tries the rest only where it may begin) */
	int *req;              /* the elements every match passes (required), the last first: for each,
	                        * the number of its words, then their ids among the model's anchors; 0
	                        * ends the list (index_required) */
};

#define W(s) { s, sizeof s - 1, 0 }   /* the model copies these with their first characters */

/* Measure words a figure may carry, longest first so 人次 wins over 人. */
static const struct word counter_words[] = {
	W("个工作日"), W("个百分点"), W("件(次)"), W("人次"), W("批次"), W("件次"), W("条次"), W("场次"), W("户次"),
	W("家次"), W("万元"), W("亿元"), W("件"), W("起"), W("宗"), W("份"), W("条"), W("项"), W("次"), W("场"),
	W("家"), W("个"), W("名"), W("人"), W("户"), W("批"), W("张"), W("支"), W("所"), W("位"), W("期"), W("卷"),
	W("篇"), W("处"), W("%"), W("‰"),
};

/* Counters reports use for the same things, one for another: a case is 件, 宗 or 起; a unit 家,
 * 个 or 所 (schools, hospitals); an event 次, 场 or 期; a person 名, 人 or 位. A pattern naming one
 * accepts them all, and a scope may mix them (19家医疗机构和委机关9个科室). */
static const char *const counter_classes[][5] = {
	{ "件", "宗", "起", "份", NULL }, { "家", "个", "所", NULL }, { "次", "场", "场次", "期", NULL },
	{ "名", "人", "位", NULL }, { "批", "批次", NULL },
};
static const struct word prefix_words[] = { W("不超过"), W("不少于"), W("超过"), W("近"), W("约"), W("逾") };
static const struct word suffix_words[] = { W("余"), W("多") };
static const struct word target_words[] = { W("力争"), W("争取"), W("尚未") };   /* target_before */
static const struct word bound_words[] = { W("控制在"), W("不低于") };   /* ensured */
/* Words naming the reporting body's own level, its own enforcement team or other bodies of its
 * administration (其中市直部门1874名): own_level */
static const struct word own_words[] = {
	W("本级"), W("机关"), W("支队"), W("大队"), W("中队"), W("执法队"), W("部门"), W("乡镇"), W("街道"), W("局"),
	W("所"),
};
static const struct word conj_words[] = { W("以及"), W("和"), W("及"), W("与"), W("、") };   /* read_clause */
/* Words that only link a verb to its figure (合格率保持在99%, 审核率继续保持100%), or name what
 * every decision of a review acts on (撤销具体行政行为2件): read_clause */
static const struct word link_words[] = {
	W("继续"), W("始终"), W("一直"), W("稳定在"), W("保持在"), W("保持为"), W("保持"), W("达到"),
	W("提升至"), W("提高至"), W("提高到"), W("上升至"), W("达"), W("为"), W("在"), W("均"),
	W("具体行政行为"), W("原行政行为"), W("行政行为"),
};

#define COUNT(a) (sizeof a / sizeof *a)

struct metric {
	char *name, *label;
	int network;   /* a network's bodies, counted level by level as one (a `network` line) */
	int area;      /* the topic its figures count in (an `area` line), or -1: any */
	struct word *area_words;   /* words of a sentence naming that area */
	size_t narea_words;
};

/* A rate computed from two stated figures: metric = num / den, den the first of the alternatives
 * the report states. */
struct computed {
	int metric, num;
	int *den;
	size_t nden;
};

/* A clause rule: a figure whose clause has one of these subjects and verbs states the metric. */
struct rule {
	int metric;
	int *subj, *verb;          /* word ids; no verbs: any verb or none, the subject in the clause */
	size_t nsubj, nverb;
	struct elem counters;      /* the counters the figure may have, widened to their classes */
	char *qualifier;           /* scope note appended to the unit, or NULL */
};

enum { WORD_SUBJECT = 1, WORD_VERB = 2 };

/* Words looked up on a sentence's characters as cue_char reads them (the anchors of the patterns,
 * the subjects and verbs of the clause rules): a hash of a word's first two characters leads to
 * the words that begin with them. Looking up every character of a sentence costs one probe, far
 * less than scanning it with a cue set. A word of one character hashes with LEX_ONE second.
 * Buckets are many times the words, so that most characters of a sentence meet an empty one. */
#define LEX_BUCKETS_BITS 13
#define LEX_BUCKETS (1 << LEX_BUCKETS_BITS)
#define LEX_ONE 0xffffffffu        /* no character reads as it */
struct lex_word {
	size_t at, n;              /* its characters: ch[at, at + n) */
	int next;                  /* the next word of its bucket, or -1 */
	uint32_t head[2];          /* its first two characters (LEX_ONE second for one alone): most
	                            * words of a bucket differ there, told without reading ch */
};
struct lexicon {
	uint32_t *ch;
	size_t nch, chcap;
	struct lex_word *w;        /* a word's id is its index */
	size_t nw, wcap;
	int bucket[LEX_BUCKETS];   /* first word of each bucket, or -1 */
	uint64_t first[0x10000 / 64]; /* the first characters of words (those of the BMP) */
	int single;                /* it holds a word of one character */
};

/* The patterns sharing one anchor phrase, or naming one word of the clause rules as subject. */
struct group {
	int *v;
	size_t n, cap;
};

struct facts_model {
	struct metric *m;
	size_t nm, mcap;
	struct pattern *p;
	size_t np, pcap;
	struct lexicon anchors;    /* a word's id is its index into g */
	struct group *g;
	size_t ng, gcap;
	struct group always;       /* patterns with no anchor, tried in every sentence */
	struct rule *r;            /* clause rules, in catalogue order */
	size_t nr, rcap;
	struct lexicon lex;        /* the subjects and verbs of the rules */
	struct group *subj_rules;  /* per word: the rules naming it as a subject, in order */
	/* Copies of the static word lists with their first characters, which match_any compares
	 * before it reads on; the strings stay static. */
	struct word *counters, *prefixes, *suffixes, *targets, *bounds, *owns, *conj, *links;
	/* The counters by the low six bits of their first characters, in list order within each:
	 * counter_by[counter_slot[b] .. counter_slot[b + 1]) are those of bits b. */
	size_t counter_slot[65];
	unsigned char counter_by[COUNT(counter_words)];
	uint64_t target_bits;      /* BIT() of the first characters of targets */
	unsigned char *kind;       /* per word of lex: WORD_SUBJECT | WORD_VERB */
	size_t nkind, kcap;
	struct computed *c;        /* computed rates, in catalogue order */
	size_t nc, ccap;
	struct facts_bound *b;     /* parts within their whole (within, sum lines), in catalogue order */
	size_t nb, bcap;
};

/* ---- numbers ---- */

static int digit_at(const char *s, size_t n, size_t i, size_t *next)
{
	if (i >= n)
		return -1;
	uint32_t c = cue_char(s, n, &i);
	*next = i;
	return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
}

/* A digit of a figure written in Chinese: those of headings and dates, and 两. */
static int cn_digit(uint32_t c)
{
	return c == 0x4e24 ? 2 : parse_cn_digit(c);
}

/* The low six bits of the characters numeral() accepts, one bit each: the digits, those of
 * cn_digit and parse_cn_unit. Most characters of a text are told apart by one test. */
#define BIT(c) ((uint64_t)1 << ((c) & 63))
#define NUMERAL_BITS (BIT('0') | BIT('1') | BIT('2') | BIT('3') | BIT('4') | BIT('5') | BIT('6') | BIT('7') | \
		      BIT('8') | BIT('9') | BIT(0x96f6) | BIT(0x3007) | BIT(0x4e00) | BIT(0x4e8c) | BIT(0x4e24) | \
		      BIT(0x4e09) | BIT(0x56db) | BIT(0x4e94) | BIT(0x516d) | BIT(0x4e03) | BIT(0x516b) |   \
		      BIT(0x4e5d) | BIT(0x5341) | BIT(0x767e) | BIT(0x5343))

#define FIGURE_BITS (BIT('0') | BIT('1') | BIT('2') | BIT('3') | BIT('4') | BIT('5') | BIT('6') | BIT('7') | \
		     BIT('8') | BIT('9') | BIT(0x5341) | BIT(0x767e) | BIT(0x5343) | BIT(0x4e24) |   /* 十 百 千 两 */ \
		     BIT(0x4e8c) | BIT(0x4e09) | BIT(0x56db) | BIT(0x4e94) | BIT(0x516d) | BIT(0x4e03) |   \
		     BIT(0x516b) | BIT(0x4e5d) | BIT(0x4e00) |   /* 二 … 九, 一 (a lone 一 right after its noun or verb) */ \
		     BIT(0x96f6))   /* 零, the zero of 案件零件 */

static inline int numeral(uint32_t c)
{
	if (!(NUMERAL_BITS & BIT(c)))
		return 0;
	return (c >= '0' && c <= '9') || cn_digit(c) >= 0 || parse_cn_unit(c);
}

/* Whether a Chinese digit or 十 百 千 stands at s[i]. */
static int cn_digit_at(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	uint32_t c = cue_char(s, n, &i);
	return cn_digit(c) >= 0 || parse_cn_unit(c);
}

/* Whether the ',' at s[i] parts groups of thousands (21,734户; 1,074家, as PDFs printed from Word
 * have them): three digits after it, then no digit. */
static int thousands_at(const char *s, size_t n, size_t i)
{
	if (i + 4 > n || s[i] != ',')
		return 0;
	for (size_t k = 1; k <= 3; k++)
		if (s[i + k] < '0' || s[i + k] > '9')
			return 0;
	return i + 4 == n || s[i + 4] < '0' || s[i + 4] > '9';
}

#define GROUP_MARK 0x066c   /* a sentence's character for the ',' of 1,074: a separator of thousands */

/* The length of the decimal point at s[i]: '.', or '．' as text typed in full-width digits has it
 * (９５．４％); 0 for none. */
static size_t decimal_point(const char *s, size_t n, size_t i)
{
	if (i < n && s[i] == '.')
		return 1;
	return i + 3 <= n && memcmp(s + i, "．", 3) == 0 ? 3 : 0;
}

size_t facts_parse_number(const char *s, size_t n, double *value)
{
	size_t i = 0, next, point;
	int d = digit_at(s, n, 0, &next);
	if (d >= 0) {
		double v = 0, scale = 0;
		while ((d = digit_at(s, n, i, &next)) >= 0 || (scale == 0 && (point = decimal_point(s, n, i)) &&
							       digit_at(s, n, i + point, &next) >= 0) ||
		       (scale == 0 && i > 0 && thousands_at(s, n, i))) {
			if (d < 0 && s[i] == ',') {
				i++;   /* a group of thousands follows */
				continue;
			}
			if (d < 0) {
				scale = 1, i += point;
				continue;
			}
			if (scale > 0)
				scale /= 10, v += d * scale;
			else
				v = v * 10 + d;
			i = next;
		}
		*value = v;
		return i;
	}
	double high = 0, total = 0, cur = -1;   /* high: the 万 of 一万二千, once more digits follow */
	for (;;) {
		size_t j = i;
		if (j >= n)
			break;
		uint32_t c = cue_char(s, n, &j);
		int k = cn_digit(c), u = parse_cn_unit(c);
		if (k >= 0) {
			cur = k;
		} else if (u) {
			total += (cur < 0 ? 1 : cur) * u, cur = -1;
		} else if (c == 0x4e07 && !high && i > 0 && cn_digit_at(s, n, j)) {   /* 万, then 二千: one number */
			high = (total + (cur > 0 ? cur : 0)) * 10000, total = 0, cur = -1;
		} else if (c == 0x70b9 && i > 0) {   /* 点, then digits: 四点六 */
			double frac = 0, scale = 1;
			size_t at = j;
			for (;;) {
				size_t t = at;
				int d = t < n ? cn_digit(cue_char(s, n, &t)) : -1;
				if (d < 0)
					break;
				scale /= 10, frac += d * scale, at = t;
			}
			if (at == j)
				break;
			*value = high + total + (cur > 0 ? cur : 0) + frac;
			return at;
		} else {
			break;
		}
		i = j;
	}
	if (i == 0)
		return 0;
	*value = high + total + (cur > 0 ? cur : 0);
	return i;
}

/* ---- the catalogue ---- */

static void words_free(struct word *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free((char *)v[i].s);
	free(v);
}

void facts_model_free(struct facts_model *m)
{
	if (!m)
		return;
	for (size_t i = 0; i < m->nm; i++) {
		free(m->m[i].name);
		free(m->m[i].label);
		words_free(m->m[i].area_words, m->m[i].narea_words);
	}
	free(m->m);
	for (size_t i = 0; i < m->np; i++) {
		for (size_t k = 0; k < m->p[i].n; k++)
			words_free(m->p[i].e[k].alt, m->p[i].e[k].nalt);
		free(m->p[i].req);
		free(m->p[i].qualifier);
		free(m->p[i].first.c);
	}
	free(m->p);
	for (size_t i = 0; i < m->ng; i++)
		free(m->g[i].v);
	free(m->g);
	free(m->always.v);
	free(m->anchors.ch);
	free(m->anchors.w);
	for (size_t i = 0; i < m->nr; i++) {
		free(m->r[i].subj);
		free(m->r[i].verb);
		words_free(m->r[i].counters.alt, m->r[i].counters.nalt);
		free(m->r[i].qualifier);
	}
	free(m->r);
	for (size_t i = 0; i < m->nc; i++)
		free(m->c[i].den);
	free(m->c);
	for (size_t i = 0; i < m->nb; i++)
		free((int *)m->b[i].parts);   /* the model's own, lent out const */
	free(m->b);
	free(m->lex.ch);
	free(m->lex.w);
	for (size_t i = 0; m->subj_rules && i < m->nkind; i++)
		free(m->subj_rules[i].v);
	free(m->subj_rules);
	free(m->kind);
	free(m->counters);
	free(m->prefixes);
	free(m->suffixes);
	free(m->targets);
	free(m->bounds);
	free(m->owns);
	free(m->conj);
	free(m->links);
	free(m);
}

size_t facts_metric_count(const struct facts_model *m)
{
	return m->nm;
}

const char *facts_metric_name(const struct facts_model *m, int metric)
{
	return metric >= 0 && (size_t)metric < m->nm ? m->m[metric].name : NULL;
}

const char *facts_metric_label(const struct facts_model *m, int metric)
{
	if (metric < 0 || (size_t)metric >= m->nm)
		return NULL;
	return m->m[metric].label ? m->m[metric].label : m->m[metric].name;
}

static int metric_find(const struct facts_model *m, const char *s, size_t n)
{
	for (size_t i = 0; i < m->nm; i++)
		if (strlen(m->m[i].name) == n && memcmp(m->m[i].name, s, n) == 0)
			return (int)i;
	return -1;
}

int facts_metric_id(const struct facts_model *m, const char *name)
{
	return metric_find(m, name, strlen(name));
}

static int metric_add(struct facts_model *m, const char *s, size_t n)
{
	int k = metric_find(m, s, n);
	if (k >= 0)
		return k;
	m->m = xgrow(m->m, &m->mcap, m->nm + 1, sizeof *m->m);
	m->m[m->nm] = (struct metric){ xstrndup(s, n), NULL, 0, -1, NULL, 0 };
	return (int)m->nm++;
}

static uint32_t word_first(const char *s, size_t n)
{
	size_t j = 0;
	return n ? cue_char(s, n, &j) : 0;
}

static struct word word_take(char *s, size_t n)
{
	return (struct word){ s, n, word_first(s, n) };
}

/* Splits s[0..n) at '|' into a fresh array. */
static struct word *split_bars(const char *s, size_t n, size_t *count)
{
	struct word *v = NULL;
	size_t k = 0, cap = 0, start = 0;
	for (size_t i = 0; i <= n; i++)
		if (i == n || s[i] == '|') {
			v = xgrow(v, &cap, k + 1, sizeof *v);
			v[k++] = word_take(xstrndup(s + start, i - start), i - start);
			start = i + 1;
		}
	*count = k;
	return v;
}

static struct elem *elem_new(struct pattern *p, enum elem_kind kind)
{
	if (p->n == MAX_ELEMS)
		return NULL;
	struct elem *e = &p->e[p->n++];
	memset(e, 0, sizeof *e);
	e->kind = kind;
	return e;
}

static int words_have(const struct word *v, size_t n, const char *w)
{
	for (size_t k = 0; k < n; k++)
		if (v[k].n == strlen(w) && memcmp(v[k].s, w, v[k].n) == 0)
			return 1;
	return 0;
}

/* Adds to a figure's counters the others of their classes (counter_classes). */
static void widen_counters(struct elem *e)
{
	size_t cap = e->nalt, given = e->nalt;
	for (size_t c = 0; c < sizeof counter_classes / sizeof *counter_classes; c++) {
		const char *const *cl = counter_classes[c];
		int in = 0;
		for (size_t k = 0; cl[k] && !in; k++)
			in = words_have(e->alt, given, cl[k]);
		for (size_t k = 0; in && cl[k]; k++)
			if (!words_have(e->alt, e->nalt, cl[k])) {
				e->alt = xgrow(e->alt, &cap, e->nalt + 1, sizeof *e->alt);
				e->alt[e->nalt++] = word_take(xstrdup(cl[k]), strlen(cl[k]));
			}
	}
}

/* Compiles the pattern syntax of assets/metrics.tsv; returns NULL or a static reason. */
static const char *compile(struct pattern *p, const char *s, size_t n)
{
	int nums = 0;
	for (size_t i = 0; i < n;) {
		struct elem *e;
		if (s[i] == '(' || s[i] == '{') {
			char close = s[i] == '(' ? ')' : '}';
			const char *end = memchr(s + i, close, n - i);
			if (!end)
				return "unclosed ( or {";
			size_t len = (size_t)(end - s) - i - 1;
			const char *in = s + i + 1;
			if (close == ')') {
				if (!(e = elem_new(p, E_ALT)))
					return "pattern too long";
				e->alt = split_bars(in, len, &e->nalt);
				i += len + 2;
				if (i < n && s[i] == '?')
					e->optional = 1, i++;
				continue;
			}
			if (len >= 1 && in[0] == '=') {
				const char *colon = memchr(in, ':', len);
				if (!colon || !(e = elem_new(p, E_FIXED)))
					return "expected {=VALUE:UNIT}";
				e->fixed = strtod(in + 1, NULL);
				e->alt = split_bars(colon + 1, (size_t)(in + len - colon - 1), &e->nalt);
				nums++;
			} else if (len >= 1 && (in[0] == 'N' || in[0] == 'n')) {
				if (!(e = elem_new(p, in[0] == 'N' ? E_NUM : E_SKIP)))
					return "pattern too long";
				nums += in[0] == 'N';
				if (len >= 2 && in[1] == ':') {
					e->alt = split_bars(in + 2, len - 2, &e->nalt);
					widen_counters(e);
				}
			} else {
				return "expected {N}, {N:COUNTERS}, {n} or {=VALUE:UNIT}";
			}
			i += len + 2;
			continue;
		}
		if (n - i >= 3 && memcmp(s + i, "…", 3) == 0) {
			if (!elem_new(p, E_GAP))
				return "pattern too long";
			i += 3;
			continue;
		}
		size_t j = i;
		while (j < n && s[j] != '(' && s[j] != '{' && !(n - j >= 3 && memcmp(s + j, "…", 3) == 0))
			j++;
		if (!(e = elem_new(p, E_LIT)))
			return "pattern too long";
		if (memchr(s + i, '?', j - i))
			return "? only after a ( ) group: write (的)? for an optional word";
		e->alt = split_bars(s + i, j - i, &e->nalt);
		if (e->nalt != 1)
			return "| outside ( )";
		i = j;
	}
	return nums == 1 ? NULL : "a pattern needs exactly one {N} or {=VALUE:UNIT}";
}

static unsigned lex_hash(uint32_t a, uint32_t b)
{
	return ((a * 0x9e3779b1u) ^ (b * 0x85ebca6bu)) >> (32 - LEX_BUCKETS_BITS);
}

/* The id of the word s[0..n) of the lexicon, added when new; -1 when it has fewer than min
 * characters (min >= 1). */
static int lex_add(struct lexicon *x, const char *s, size_t n, size_t min)
{
	size_t at = x->nch;
	for (size_t i = 0; i < n;) {
		x->ch = xgrow(x->ch, &x->chcap, x->nch + 1, sizeof *x->ch);
		x->ch[x->nch++] = cue_char(s, n, &i);
	}
	size_t len = x->nch - at;
	if (len < min || len == 0) {
		x->nch = at;
		return -1;
	}
	unsigned h = lex_hash(x->ch[at], len > 1 ? x->ch[at + 1] : LEX_ONE);
	for (int k = x->bucket[h]; k >= 0; k = x->w[k].next)
		if (x->w[k].n == len && memcmp(x->ch + x->w[k].at, x->ch + at, len * sizeof *x->ch) == 0) {
			x->nch = at;
			return k;
		}
	x->w = xgrow(x->w, &x->wcap, x->nw + 1, sizeof *x->w);
	x->w[x->nw] = (struct lex_word){ at, len, x->bucket[h], { x->ch[at], len > 1 ? x->ch[at + 1] : LEX_ONE } };
	if (x->ch[at] < 0x10000)
		x->first[x->ch[at] / 64] |= (uint64_t)1 << (x->ch[at] % 64);
	x->bucket[h] = (int)x->nw;
	x->single |= len == 1;
	return (int)x->nw++;
}

/* Whether word w of x is at ch[k] of ch[0..n). */
static inline int lex_at(const struct lexicon *x, int w, const uint32_t *ch, size_t n, size_t k)
{
	const struct lex_word *lw = &x->w[w];
	size_t len = lw->n;
	if (k + len > n || lw->head[0] != ch[k] || (len > 1 && lw->head[1] != ch[k + 1]))
		return 0;
	const uint32_t *p = x->ch + lw->at;
	for (size_t j = 2; j < len; j++)
		if (p[j] != ch[k + j])
			return 0;
	return 1;
}

/* The longest word beginning at ch[k] of ch[0..n), or -1; its length in characters in *len.
 * For a lexicon of words of two characters or more. */
static int lex_longest(const struct lexicon *x, const uint32_t *ch, size_t n, size_t k, size_t *len)
{
	if (k + 1 >= n || (ch[k] < 0x10000 && !(x->first[ch[k] / 64] >> (ch[k] % 64) & 1)))
		return -1;
	int best = -1;
	*len = 0;
	for (int w = x->bucket[lex_hash(ch[k], ch[k + 1])]; w >= 0; w = x->w[w].next) {
		size_t wl = x->w[w].n;
		const uint32_t *p = x->ch + x->w[w].at;
		if (wl <= *len || k + wl > n || p[0] != ch[k] || p[1] != ch[k + 1])
			continue;
		size_t j = 2;
		while (j < wl && p[j] == ch[k + j])
			j++;
		if (j == wl)
			best = w, *len = wl;
	}
	return best;
}

/* The ids of the words s[0..n) split at '|', added to the model's words as `kind`; NULL when one
 * has fewer than two characters. */
static int *word_ids(struct facts_model *m, const char *s, size_t n, int kind, size_t *count)
{
	struct word *w = split_bars(s, n, count);
	int *ids = xcalloc(*count ? *count : 1, sizeof *ids);
	for (size_t k = 0; k < *count && ids; k++) {
		int id = lex_add(&m->lex, w[k].s, w[k].n, 2);
		if (id < 0) {
			free(ids);
			ids = NULL;
			break;
		}
		if ((size_t)id == m->nkind) {   /* a new word */
			m->kind = xgrow(m->kind, &m->kcap, m->nkind + 1, 1);
			m->kind[m->nkind++] = 0;
		}
		m->kind[id] |= (unsigned char)kind;
		ids[k] = id;
	}
	words_free(w, *count);
	return ids;
}

/* clause ID SUBJECTS VERBS COUNTERS [QUALIFIER] */
static const char *load_rule(struct facts_model *m, const char *const *f, const size_t *fl, size_t k)
{
	if (k < 5 || !fl[1] || !fl[2] || !fl[3] || !fl[4])
		return "expected: clause ID SUBJECTS VERBS COUNTERS [QUALIFIER]";
	m->r = xgrow(m->r, &m->rcap, m->nr + 1, sizeof *m->r);
	struct rule *r = &m->r[m->nr++];
	memset(r, 0, sizeof *r);
	r->metric = fl[1] == 1 && f[1][0] == '-' ? -1 : metric_add(m, f[1], fl[1]);
	r->subj = word_ids(m, f[2], fl[2], WORD_SUBJECT, &r->nsubj);
	if (!(fl[3] == 1 && f[3][0] == '*'))
		r->verb = word_ids(m, f[3], fl[3], WORD_VERB, &r->nverb);
	if (!r->subj || (!(fl[3] == 1 && f[3][0] == '*') && !r->verb))
		return "a subject or verb of a clause rule needs two characters or more";
	r->counters.alt = split_bars(f[4], fl[4], &r->counters.nalt);
	widen_counters(&r->counters);
	if (k > 5 && fl[5])
		r->qualifier = xstrndup(f[5], fl[5]);
	return NULL;
}

static const char *load_computed(struct facts_model *m, const char *const *f, const size_t *fl, size_t k)
{
	if (k != 5 || !fl[1] || !fl[3] || !fl[4])
		return "expected: computed ID LABEL NUMERATOR DENOMINATOR[|DENOMINATOR…]";
	m->c = xgrow(m->c, &m->ccap, m->nc + 1, sizeof *m->c);
	struct computed *c = &m->c[m->nc++];
	memset(c, 0, sizeof *c);
	c->metric = metric_add(m, f[1], fl[1]);
	free(m->m[c->metric].label);
	m->m[c->metric].label = fl[2] ? xstrndup(f[2], fl[2]) : NULL;
	c->num = metric_add(m, f[3], fl[3]);
	size_t nalt;
	struct word *alt = split_bars(f[4], fl[4], &nalt);
	c->den = xcalloc(nalt ? nalt : 1, sizeof *c->den);
	for (size_t i = 0; i < nalt; i++)
		c->den[c->nden++] = metric_add(m, alt[i].s, alt[i].n);
	words_free(alt, nalt);
	return NULL;
}

/* within PART WHOLE, or sum WHOLE PART|PART… */
static const char *load_bound(struct facts_model *m, const char *const *f, const size_t *fl, size_t k, int sum)
{
	if (k != 3 || !fl[1] || !fl[2])
		return sum ? "expected: sum WHOLE PART|PART[|PART…]" : "expected: within PART WHOLE";
	size_t nparts = 1;
	struct word *alt = sum ? split_bars(f[2], fl[2], &nparts) : NULL;
	for (size_t i = 0; sum && i < nparts; i++)
		if (!alt[i].n || nparts < 2) {
			words_free(alt, nparts);
			return "a sum needs two parts or more";
		}
	int *parts = xcalloc(nparts, sizeof *parts);
	int whole = metric_find(m, f[sum ? 1 : 2], fl[sum ? 1 : 2]), known = whole >= 0;
	for (size_t i = 0; i < nparts; i++) {
		parts[i] = sum ? metric_find(m, alt[i].s, alt[i].n) : metric_find(m, f[1], fl[1]);
		known &= parts[i] >= 0;
	}
	words_free(alt, sum ? nparts : 0);
	if (!known) {   /* a misspelt id would add a metric no figure states */
		free(parts);
		return "a metric of a within or sum line not named before it";
	}
	m->b = xgrow(m->b, &m->bcap, m->nb + 1, sizeof *m->b);
	m->b[m->nb++] = (struct facts_bound){ whole, parts, nparts, sum };
	return NULL;
}

static const char *load_line(struct facts_model *m, const char *s, size_t n)
{
	const char *f[6] = { 0 };
	size_t fl[6] = { 0 }, k = 0, start = 0;
	for (size_t i = 0; i <= n && k < 6; i++)
		if (i == n || s[i] == '\t')
			f[k] = s + start, fl[k++] = i - start, start = i + 1;
	if (fl[0] == 6 && memcmp(f[0], "clause", 6) == 0)
		return load_rule(m, f, fl, k);
	if (fl[0] == 8 && memcmp(f[0], "computed", 8) == 0)
		return load_computed(m, f, fl, k);
	if ((fl[0] == 6 && memcmp(f[0], "within", 6) == 0) || (fl[0] == 3 && memcmp(f[0], "sum", 3) == 0))
		return load_bound(m, f, fl, k, fl[0] == 3);
	if (fl[0] == 4 && memcmp(f[0], "area", 4) == 0) {
		int id = k == 4 ? metric_find(m, f[1], fl[1]) : -1;
		char topic[32] = { 0 };
		memcpy(topic, f[2], fl[2] < sizeof topic - 1 ? fl[2] : sizeof topic - 1);
		int t = id >= 0 ? classify_topic_id(topic) : -1;
		if (t < 0 || !fl[3] || m->m[id].area_words)
			return "expected: area ID TOPIC WORD[|WORD…], a metric named before it, once";
		m->m[id].area = t;
		m->m[id].area_words = split_bars(f[3], fl[3], &m->m[id].narea_words);
		return NULL;
	}
	if (fl[0] == 7 && memcmp(f[0], "network", 7) == 0) {
		int id = k == 2 ? metric_find(m, f[1], fl[1]) : -1;
		if (id < 0)
			return "expected: network ID, a metric named before it";
		m->m[id].network = 1;
		return NULL;
	}
	if (fl[0] == 6 && memcmp(f[0], "metric", 6) == 0) {
		if (k != 3)
			return "expected: metric ID LABEL";
		int id = metric_add(m, f[1], fl[1]);
		free(m->m[id].label);
		m->m[id].label = xstrndup(f[2], fl[2]);
		return NULL;
	}
	if (k < 2 || fl[0] == 0)
		return "expected: ID PATTERN [QUALIFIER]";
	m->p = xgrow(m->p, &m->pcap, m->np + 1, sizeof *m->p);
	struct pattern *p = &m->p[m->np++];
	memset(p, 0, sizeof *p);
	/* "-" claims figures that look like a metric but are not one (1.5个工作日以内完成…). */
	p->metric = fl[0] == 1 && f[0][0] == '-' ? -1 : metric_add(m, f[0], fl[0]);
	if (k > 2 && fl[2])
		p->qualifier = xstrndup(f[2], fl[2]);
	return compile(p, f[1], fl[1]);
}

static void first_add(struct first *f, const struct word *w)
{
	size_t j = 0;
	uint32_t c = cue_char(w->s, w->n, &j);
	for (size_t k = 0; k < f->n; k++)
		if (f->c[k] == c)
			return;
	f->c = xgrow(f->c, &f->cap, f->n + 1, sizeof *f->c);
	f->c[f->n++] = c;
}

/* What match() needs at the first character of elements from.. of p, element by element
 * (read_figure for a figure). */
static void first_of(const struct pattern *p, size_t from, struct first *f)
{
	for (size_t ei = from; ei < p->n; ei++) {
		const struct elem *e = &p->e[ei];
		int open = e->kind == E_FIXED || e->optional;
		switch (e->kind) {
		case E_LIT:
			first_add(f, &e->alt[0]);
			break;
		case E_ALT:
			for (size_t k = 0; k < e->nalt; k++)
				if (e->alt[k].n)
					first_add(f, &e->alt[k]);
				else
					open = 1;
			break;
		case E_GAP:
			f->any = 1;
			break;
		case E_NUM:
		case E_SKIP:
			f->figure = 1;
			for (size_t k = 0; k < COUNT(prefix_words); k++)
				first_add(f, &prefix_words[k]);
			break;
		case E_FIXED:
			break;
		}
		if (!open)
			return;
	}
	f->any = 1;   /* the rest may match nothing, so anywhere */
}

static uint64_t first_bits(const struct first *f)
{
	uint64_t bits = f->any ? ~(uint64_t)0 : f->figure ? NUMERAL_BITS : 0;
	for (size_t k = 0; k < f->n; k++)
		bits |= BIT(f->c[k]);
	return bits;
}

/* The longest phrase every match of p contains (one of an alternative), or NULL. */
static const struct elem *anchor_of(const struct pattern *p)
{
	const struct elem *best = NULL;
	size_t best_len = 0;
	for (size_t ei = 0; ei < p->n; ei++) {
		const struct elem *e = &p->e[ei];
		if ((e->kind != E_LIT && e->kind != E_ALT) || e->optional)
			continue;
		size_t len = (size_t)-1;
		for (size_t k = 0; k < e->nalt; k++)
			if (e->alt[k].n < len)
				len = e->alt[k].n;
		if (len > best_len)
			best = e, best_len = len;
	}
	return best;
}

static void group_add(struct group *g, int pattern)
{
	if (g->n && g->v[g->n - 1] == pattern)
		return;
	g->v = xgrow(g->v, &g->cap, g->n + 1, sizeof *g->v);
	g->v[g->n++] = pattern;
}

/* Whether every match of e passes one of its words, worth looking for: a word of one character
 * (的, 、) is in most sentences, and found at many places. A ',' may be read as a group mark
 * inside a figure (1,074), which no word of the sentence's characters is. */
static int required(const struct elem *e)
{
	if ((e->kind != E_LIT && e->kind != E_ALT) || e->optional)
		return 0;
	for (size_t k = 0; k < e->nalt; k++) {
		size_t at = 0;
		if (!e->alt[k].n || memchr(e->alt[k].s, ',', e->alt[k].n))
			return 0;
		cue_char(e->alt[k].s, e->alt[k].n, &at);
		if (at == e->alt[k].n)
			return 0;
	}
	return 1;
}

/* The id of word w among the anchors, a new one with no patterns of its own. */
static int anchor_id(struct facts_model *m, const struct word *w)
{
	int g = lex_add(&m->anchors, w->s, w->n, 1);
	if ((size_t)g == m->ng) {
		m->g = xgrow(m->g, &m->gcap, m->ng + 1, sizeof *m->g);
		memset(&m->g[m->ng++], 0, sizeof *m->g);
	}
	return g;
}

/* Lists the words of the elements every match of p passes in p->req, looked up as the anchors
 * are. */
static void index_required(struct facts_model *m, struct pattern *p)
{
	size_t n = 1;
	for (size_t ei = 0; ei < p->n; ei++)
		n += required(&p->e[ei]) ? 1 + p->e[ei].nalt : 0;
	int *r = p->req = xcalloc(n, sizeof *p->req);
	for (size_t ei = p->n; ei-- > 0;) {
		const struct elem *e = &p->e[ei];
		if (!required(e))
			continue;
		*r++ = (int)e->nalt;
		for (size_t k = 0; k < e->nalt; k++)
			*r++ = anchor_id(m, &e->alt[k]);
	}
}

static void index_patterns(struct facts_model *m)
{
	for (size_t pi = 0; pi < m->np; pi++) {
		struct pattern *p = &m->p[pi];
		first_of(p, 0, &p->first);
		p->first.bits = first_bits(&p->first);
		int figure = 0;   /* an element before ei is the figure */
		for (size_t ei = 0; ei <= p->n; ei++) {
			struct first f = { 0 };
			first_of(p, ei, &f);
			p->need[ei] = first_bits(&f);
			free(f.c);
			if (ei < p->n) {
				p->e[ei].past_figure = figure && p->e[ei].kind == E_GAP;
				figure |= p->e[ei].kind == E_NUM;
			}
		}
		const struct elem *a = anchor_of(&m->p[pi]);
		if (!a) {
			group_add(&m->always, (int)pi);
			continue;
		}
		for (size_t k = 0; k < a->nalt; k++) {
			int g = anchor_id(m, &a->alt[k]);   /* before m->g is read: it may move it */
			group_add(&m->g[g], (int)pi);
		}
	}
	for (size_t pi = 0; pi < m->np; pi++)   /* after the anchors: a word's patterns are its group */
		index_required(m, &m->p[pi]);
}

/* A copy of a static list with the first characters filled in. */
static struct word *words_copy(const struct word *v, size_t n)
{
	struct word *w = xmalloc(n * sizeof *w);
	for (size_t k = 0; k < n; k++)
		w[k] = (struct word){ v[k].s, v[k].n, word_first(v[k].s, v[k].n) };
	return w;
}

struct facts_model *facts_model_new(const char *text, size_t n, char **cause)
{
	struct facts_model *m = xcalloc(1, sizeof *m);
	m->counters = words_copy(counter_words, COUNT(counter_words));
	m->prefixes = words_copy(prefix_words, COUNT(prefix_words));
	m->suffixes = words_copy(suffix_words, COUNT(suffix_words));
	m->targets = words_copy(target_words, COUNT(target_words));
	m->bounds = words_copy(bound_words, COUNT(bound_words));
	m->owns = words_copy(own_words, COUNT(own_words));
	m->conj = words_copy(conj_words, COUNT(conj_words));
	m->links = words_copy(link_words, COUNT(link_words));
	for (size_t b = 0, k = 0; b < 64; b++) {
		m->counter_slot[b] = k;
		for (size_t w = 0; w < COUNT(counter_words); w++)
			if ((m->counters[w].first & 63) == b)
				m->counter_by[k++] = (unsigned char)w;
	}
	m->counter_slot[64] = COUNT(counter_words);
	for (size_t w = 0; w < COUNT(target_words); w++)
		m->target_bits |= BIT(m->targets[w].first);
	memset(m->anchors.bucket, 0xff, sizeof m->anchors.bucket);
	memset(m->lex.bucket, 0xff, sizeof m->lex.bucket);
	size_t line = 0;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - text) : n, len = end - i;
		if (len && text[i + len - 1] == '\r')
			len--;
		line++;
		const char *why = len && text[i] != '#' ? load_line(m, text + i, len) : NULL;
		if (why) {
			if (cause)
				*cause = xasprintf("line %zu: %s", line, why);
			facts_model_free(m);
			return NULL;
		}
		i = end + 1;
	}
	index_patterns(m);
	m->subj_rules = xcalloc(m->nkind ? m->nkind : 1, sizeof *m->subj_rules);
	for (size_t i = 0; i < m->nr; i++)
		for (size_t k = 0; k < m->r[i].nsubj; k++)
			group_add(&m->subj_rules[m->r[i].subj[k]], (int)i);
	return m;
}

static struct facts_model *default_model;

static void *parse_metrics(const char *text, size_t len, char **cause)
{
	return facts_model_new(text, len, cause);
}

const struct facts_model *facts_default(char **cause)
{
	if (!default_model)
		default_model = table_load("FAZHI_METRICS", "metrics.tsv", parse_metrics, cause);
	return default_model;
}

void facts_default_free(void)
{
	facts_model_free(default_model);
	default_model = NULL;
}

void facts_fini(struct facts *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}

/* ---- matching ---- */

/* A figure read: its unit is put together only for a fact (unit_text), as most figures read
 * while trying patterns are thrown away. */
struct capture {
	size_t num_start, num_end;   /* the figure with its qualifiers */
	double value;
	const char *counter;         /* the counter alone (份 of 5万余份); a fixed value's unit */
	const char *mult;            /* 万 or 亿 before the counter, or NULL */
	const char *pre, *suf, *above;   /* qualifiers (近, 余, 以上), or NULL */
	int found;
	int row;                     /* the figure of a table row whose label names its counter */
	size_t end;                  /* where a pattern's words end (match) */
};

/* cue_match_at, inline: the matching below calls it at most characters of a sentence. */
static inline size_t match_at(const char *s, size_t n, size_t i, const char *p, size_t pn)
{
	size_t j = 0;
	while (j < pn)
		if (i >= n || cue_char(s, n, &i) != cue_char(p, pn, &j))
			return 0;
	return i;
}

/* The end of word w at s[i], whose character reads as c (0 past the end), or 0 when it is not
 * there; an empty word is everywhere. */
static inline size_t word_at(const char *s, size_t n, size_t i, uint32_t c, const struct word *w)
{
	if (!w->n)
		return i;
	return w->first == c ? match_at(s, n, i, w->s, w->n) : 0;
}

/* The first word of v[0..nv) at s[i], an empty one anywhere: its end (0: none), its index in
 * *which. The character at s[i] is read once and compared with each word's first before the
 * rest of the word is: most words fail there. */
static size_t match_any(const char *s, size_t n, size_t i, const struct word *v, size_t nv, size_t *which)
{
	size_t next = i;
	uint32_t c = i < n ? cue_char(s, n, &next) : 0;
	for (size_t k = 0; k < nv; k++) {
		size_t end = word_at(s, n, i, c, &v[k]);
		if (end) {
			*which = k;
			return end;
		}
	}
	return 0;
}

/* The character before s[i], or 0 at the start. */
static uint32_t char_before(const char *s, size_t i)
{
	if (i == 0)
		return 0;
	size_t j = i - 1;
	while (j > 0 && ((unsigned char)s[j] & 0xc0) == 0x80)
		j--;
	return cue_char(s, i, &j);
}

/* Context that makes a figure a name, a date or an ordinal, not a count (§6.2 of the taxonomy). */
static int trap_before(uint32_t c)
{
	return (c >= '0' && c <= '9') || c == '.' || c == '+' || c == '-' || c == 0x7b2c /* 第 */ ||
	       c == 0x00b7 || cn_digit(c) >= 0 || parse_cn_unit(c);
}

/* 1 when the number at s[i] follows a count of groups (接待群众来访126批次318人次): the people of
 * those groups, which reports state with them as one figure, not a count of their own. */
static int after_groups(const char *s, size_t i)
{
	static const char groups[] = "批次";
	return i >= sizeof groups - 1 && !memcmp(s + i - (sizeof groups - 1), groups, sizeof groups - 1);
}

static int trap_after(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	uint32_t c = cue_char(s, n, &i);
	return c == '+' || c == '-' || c == '.' || c == 0x7248 /* 版 */ || c == 0x5e74 /* 年 */ ||
	       c == 0x6708 /* 月 */ || c == 0x5c4a /* 届 */;
}

/* The first measure word of counter_words at s[i], or NULL; *end after it. */
static const char *counter_at(const struct facts_model *m, const char *s, size_t n, size_t i, size_t *end)
{
	size_t next = i;
	uint32_t c = i < n ? cue_char(s, n, &next) : 0;
	for (size_t k = m->counter_slot[c & 63]; k < m->counter_slot[(c & 63) + 1]; k++) {
		const struct word *w = &m->counters[m->counter_by[k]];
		if ((*end = word_at(s, n, i, c, w)))
			return w->s;
	}
	*end = 0;
	return NULL;
}

/* The counter at s[i] allowed by e (any measure word when e names none), or NULL; *end after it.
 * The whole measure word when e allows it (批次, not its 批); attendances are no count of people,
 * so {N:人} reads no 人 of 人次 (a case 件次 is still a case 件). */
static const char *read_counter(const struct facts_model *m, const char *s, size_t n, size_t i,
				const struct elem *e, size_t *end)
{
	size_t k, whole;
	if (e->nalt) {
		*end = match_any(s, n, i, e->alt, e->nalt, &k);
		const char *w = *end ? counter_at(m, s, n, i, &whole) : NULL;
		if (w && whole > *end) {
			if (words_have(e->alt, e->nalt, w))
				return *end = whole, w;
			if (!strcmp(w, "人次"))
				*end = 0;
		}
		return *end ? e->alt[k].s : NULL;
	}
	return counter_at(m, s, n, i, end);
}

/* A percentage written out at s[i] (百分之九十六点八, 百分之百): its end, the value in *v; 0 when
 * there is none. */
static size_t written_percent(const char *s, size_t n, size_t i, double *v)
{
	static const char lead[] = "百分之";   /* no width folding reads other bytes as these */
	size_t at = i + sizeof lead - 1, len;
	if (at > n || memcmp(s + i, lead, sizeof lead - 1) != 0 || !(len = facts_parse_number(s + at, n - at, v)))
		return 0;
	at += len;
	size_t d = match_at(s, n, at, "点", 3);
	for (double scale = 0.1; d && d < n; scale /= 10) {   /* 点八: the decimals */
		size_t j = d;
		int k = cn_digit(cue_char(s, n, &j));
		if (k < 0)
			break;
		*v += k * scale, at = d = j;
	}
	return at;
}

/* A share written in tenths at s[i] (三成以上, 九成): a Chinese digit 二 to 九, then 成, then no
 * word goes on (三成以上, 四成，), as 一成不变 or 三成为… would: its end, the percentage in *v; 0
 * when there is none. */
static size_t tenths_percent(const char *s, size_t n, size_t i, double *v)
{
	size_t j = i;
	int d = j < n ? cn_digit(cue_char(s, n, &j)) : -1;
	size_t at = d >= 2 ? match_at(s, n, j, "成", 3) : 0;
	if (!at)
		return 0;
	size_t k = at;
	uint32_t c = at < n ? cue_char(s, n, &k) : 0;
	if (c >= 0x4e00 && c <= 0x9fff && !match_at(s, n, at, "以上", 6) && !match_at(s, n, at, "左右", 6) &&
	    !match_at(s, n, at, "多", 3))
		return 0;
	*v = d * 10;
	return at;
}

/* The counter % when e allows it (any measure word when e names none), else NULL. */
static const char *percent_counter(const struct facts_model *m, const struct elem *e)
{
	const struct word *v = e->nalt ? e->alt : m->counters;
	size_t nv = e->nalt ? e->nalt : COUNT(counter_words);
	for (size_t k = 0; k < nv; k++)
		if (strcmp(v[k].s, "%") == 0)
			return v[k].s;
	return NULL;
}

/* The counter of an amount whose 余 or 多 stands between its multiplier and 元 (1.2亿余元, 3200万余元):
 * 万元 or 亿元 as the amount's counter, *mult then none and *end past 元 at byte i; NULL when e
 * reads no such counter. */
static const char *money_after_suffix(const struct facts_model *m, const struct elem *e, const char **mult,
				      size_t i, size_t *end)
{
	const char *money = strcmp(*mult, "万") == 0 ? "万元" : "亿元";
	size_t whole;
	const char *counter = read_counter(m, money, strlen(money), 0, e, &whole);
	if (counter)
		*mult = NULL, *end = i + 3;
	return counter;
}

/* Reads number [万|亿] [余|多] counter at s[i], the part of a figure read_figure reads after its
 * qualifier: the end (0: none there), the value, suffix, multiplier and counter in the rest. */
static size_t read_count(const struct facts_model *m, const char *s, size_t n, size_t i, const struct elem *e,
			 double *v, const char **suf, const char **mult, const char **counter)
{
	size_t j = i, k, end;
	if (i >= n || !numeral(cue_char(s, n, &j)))   /* no number: what facts_parse_number says first */
		return 0;
	if (trap_before(char_before(s, i)) || after_groups(s, i))
		return 0;
	size_t len = facts_parse_number(s + i, n - i, v);
	if (!len)
		return 0;
	i += len;
	if ((end = match_any(s, n, i, m->suffixes, COUNT(suffix_words), &k)))
		*suf = m->suffixes[k].s, i = end;
	*counter = read_counter(m, s, n, i, e, &end);
	if (!*counter && !*suf && i < n) {
		j = i;
		uint32_t c = cue_char(s, n, &j);
		if (c == 0x4e07 || c == 0x4ebf) {   /* 万 亿 */
			*mult = c == 0x4e07 ? "万" : "亿", i += 3;
			if ((end = match_any(s, n, i, m->suffixes, COUNT(suffix_words), &k)))
				*suf = m->suffixes[k].s, i = end;
			*counter = read_counter(m, s, n, i, e, &end);
			if (!*counter && *suf && match_at(s, n, i, "元", 3))
				*counter = money_after_suffix(m, e, mult, i, &end);
		}
	}
	if (!*counter || (trap_after(s, n, end) && !(*counter)[0]))
		return 0;
	return end;
}

/* Reads a figure at s[i]: [qualifier] number [万|亿] [余|多] counter [以上], or a percentage
 * written out. */
static size_t read_figure(const struct facts_model *m, const char *s, size_t n, size_t i, const struct elem *e,
			  struct capture *cap)
{
	size_t start = i, k, end;
	const char *pre = NULL, *suf = NULL, *mult = NULL;
	if ((end = match_any(s, n, i, m->prefixes, COUNT(prefix_words), &k)))
		pre = m->prefixes[k].s, i = end;
	double v;
	const char *counter;
	if ((end = written_percent(s, n, i, &v)) || (end = tenths_percent(s, n, i, &v))) {
		if (!(counter = percent_counter(m, e)))
			return 0;
		i = end;
	} else if (!(i = read_count(m, s, n, i, e, &v, &suf, &mult, &counter))) {
		return 0;
	}
	if (!suf && (end = match_any(s, n, i, m->suffixes, COUNT(suffix_words), &k)))   /* 1188余人 and 60条余 both occur */
		suf = m->suffixes[k].s, i = end;
	const char *above = NULL;
	if ((end = match_at(s, n, i, "以上", 6)))
		above = "以上", i = end;
	*cap = (struct capture){ .num_start = start, .num_end = i, .value = v, .counter = counter, .mult = mult,
				 .pre = pre, .suf = suf, .above = above, .found = 1 };
	return i;
}

/* Appends str to dst[0..cap) as far as it fits; *len counts every byte, as snprintf's result. */
static void put(char *dst, size_t cap, size_t *len, const char *str)
{
	for (; str && *str; str++, (*len)++)
		if (*len < cap)
			dst[*len] = *str;
}

/* Words of a change to the year's figure from the year before's (由上年的97.8%提高到99.6%). */
static const struct word change_words[] = {
	W("提高到"), W("提高至"), W("提升到"), W("提升至"), W("上升到"), W("上升至"), W("增加到"), W("增加至"),
	W("增长到"), W("增长至"), W("增至"), W("下降到"), W("下降至"), W("降至"), W("降低到"), W("降低至"),
	W("减少到"), W("减少至"), W("缩短到"), W("缩短至"), W("压缩到"), W("压缩至"), W("压减至"), W("压减到"),
	W("降到"), W("升至"), W("升到"), W("减至"), W("减到"), W("调整为"), W("调整到"), W("调整至"),
};

/* Where the figure of a table's row written as a line begins when two blanks or more part it
 * from its label at byte i (责令整改通知书　　　　47份), or the colon a row kept in place is given
 * (文件、合同合法性审查: 38件, figure_rows_keep); else i. */
static size_t past_row_gap(const char *s, size_t n, size_t i)
{
	int colon = i < n && s[i] == ':';
	size_t blanks, j = figure_rows_past_blanks(s, i + colon, n, &blanks);
	return (blanks >= 2 || (colon && blanks)) && j < n && s[j] >= '0' && s[j] <= '9' ? j : i;
}

/* A number alone at the end of a table's row, after min_blanks blanks or more from byte at, read
 * in counter; its end, or 0 when there is none. */
static size_t row_end_figure(const char *s, size_t n, size_t at, size_t min_blanks, const char *counter,
			     struct capture *cap)
{
	size_t blanks, len;
	double v;
	size_t num = figure_rows_past_blanks(s, at, n, &blanks);
	if (blanks < min_blanks || num >= n || s[num] < '0' || s[num] > '9' ||
	    !(len = facts_parse_number(s + num, n - num, &v)))
		return 0;
	size_t after = figure_rows_past_blanks(s, num + len, n, &blanks);
	if (after < n && s[after] != '\n')
		return 0;
	*cap = (struct capture){ .num_start = num, .num_end = num + len, .value = v, .counter = counter, .found = 1,
				 .row = 1 };
	return num + len;
}

/* The figure of a table's row whose label names its counter in brackets, read at the bracket
 * (下达责令停止违法行为通知书（份）　　412: 412份): a number alone after it to the line's end. */
static size_t read_row_figure(const struct facts_model *m, const char *s, size_t n, size_t i, const struct elem *e,
			      struct capture *cap)
{
	size_t j = i, end;
	if (i >= n || cue_char(s, n, &j) != '(')
		return 0;
	const char *counter = read_counter(m, s, n, j, e, &end);
	if (!counter || end >= n || cue_char(s, n, &end) != ')')
		return 0;
	return row_end_figure(s, n, end, 1, counter, cap);
}

/* The figure of a table's row whose counter no cell names (行政复议收案　　58, 案卷评查合格率　95.8):
 * a number alone after two blanks or more to the line's end, in the first counter the pattern
 * allows (a pattern that names none reads no such figure). */
static size_t read_bare_row_figure(const char *s, size_t n, size_t i, const struct elem *e, struct capture *cap)
{
	return e->nalt ? row_end_figure(s, n, i, 2, e->alt[0].s, cap) : 0;
}

/* The unit of a figure read, "万份|余" (cut to cap - 1 bytes). */
static void unit_text(const struct capture *cap, char *dst, size_t size)
{
	size_t len = 0;
	int q = cap->pre || cap->suf || cap->above;
	put(dst, size, &len, cap->mult);
	put(dst, size, &len, cap->counter);
	put(dst, size, &len, q ? "|" : NULL);
	put(dst, size, &len, cap->pre);
	put(dst, size, &len, cap->suf && cap->pre ? ";" : NULL);
	put(dst, size, &len, cap->suf);
	put(dst, size, &len, cap->above ? (cap->pre || cap->suf ? ";以上" : "以上") : NULL);
	dst[len < size ? len : size - 1] = '\0';
}

static int sentence_end(uint32_t c)
{
	return c == 0x3002 || c == ';' || c == '!' || c == '?' || c == '\n';
}

#define BEFORE_SPAN 12   /* characters of the figure before a change and its words (由上年的86.2%提高到) */

/* Where the year's figure starts when s at i states the change to it from the year before's
 * (由上年的13项增加到24项: at 24), else i: 由, a figure, then a word of change, in one clause. */
static size_t past_change(const char *s, size_t n, size_t i)
{
	if (!parse_starts(s, i, n, "由"))
		return i;
	size_t j = i + strlen("由");
	int figure = 0;
	for (int c = 0; c < BEFORE_SPAN && j < n; c++) {
		for (size_t k = 0; k < COUNT(change_words) && figure; k++)
			if (parse_starts(s, j, n, change_words[k].s))
				return j + change_words[k].n;
		uint32_t ch = cue_char(s, n, &j);
		if (ch == ',' || ch == ';' || ch == ':' || sentence_end(ch))
			return i;
		figure |= (ch >= '0' && ch <= '9') || cn_digit(ch) >= 0;
	}
	return i;
}

/* Past the ASCII digits and decimal points of a figure at byte i of s[0, n). */
static size_t past_digits(const char *s, size_t n, size_t i)
{
	while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
		i++;
	return i;
}

/* Whether the figure at byte i of s[0, n) is counted in counter (1个社区 after 15个村). */
static int counts_as(const char *s, size_t n, size_t i, const char *counter)
{
	i = past_digits(s, n, i);
	size_t len = strlen(counter);
	return len && n - i >= len && memcmp(s + i, counter, len) == 0;
}

static int match(const struct facts_model *m, const struct pattern *p, size_t ei, const char *s, size_t n,
		 size_t i, struct capture *cap)
{
	if (ei == p->n) {
		cap->end = i;
		return 1;
	}
	const struct elem *e = &p->e[ei];
	size_t end, k;
	switch (e->kind) {
	case E_LIT:
		end = match_any(s, n, i, e->alt, 1, &k);
		return end && match(m, p, ei + 1, s, n, end, cap);
	case E_ALT: {   /* each alternative in turn, as a later element may fail after the first */
		size_t next = i;
		uint32_t c = i < n ? cue_char(s, n, &next) : 0;
		for (k = 0; k < e->nalt; k++) {
			end = word_at(s, n, i, c, &e->alt[k]);
			if (end && match(m, p, ei + 1, s, n, end, cap))
				return 1;
		}
		return e->optional && match(m, p, ei + 1, s, n, i, cap);
	}
	case E_GAP: {
		const char *counter = e->past_figure ? cap->counter : NULL;
		int note = 0;   /* in brackets: a breakdown (（其中…212件）) owns nothing after it */
		for (int c = 0; c <= GAP_CHARS && i <= n; c++) {
			size_t next = i;
			uint32_t ch = i < n ? cue_char(s, n, &next) : 0;
			int may = i < n ? (p->need[ei + 1] & BIT(ch)) != 0 : p->need[ei + 1] == ~(uint64_t)0;
			if (may && match(m, p, ei + 1, s, n, i, cap))
				return 1;
			if (i == n || sentence_end(ch) ||
			    (counter && !note && ch >= '0' && ch <= '9' && counts_as(s, n, i, counter)))
				return 0;   /* a figure after the pattern's own, in its counter, owns what follows */
			note += ch == '(' ? 1 : ch == ')' && note ? -1 : 0;
			i = next;
		}
		return 0;
	}
	case E_NUM: {
		struct capture mine;
		end = read_figure(m, s, n, past_row_gap(s, n, past_change(s, n, i)), e, &mine);
		if (!end)
			end = read_row_figure(m, s, n, i, e, &mine);
		if (!end)
			end = read_bare_row_figure(s, n, i, e, &mine);
		if (!end)
			return 0;
		cap->counter = mine.counter;   /* for a gap after it (E_GAP) */
		if (!match(m, p, ei + 1, s, n, end, cap))
			return 0;
		mine.end = cap->end;
		*cap = mine;
		return 1;
	}
	case E_SKIP: {
		struct capture skip;
		end = read_figure(m, s, n, i, e, &skip);
		return end && match(m, p, ei + 1, s, n, end, cap);
	}
	case E_FIXED:
		if (!match(m, p, ei + 1, s, n, i, cap))
			return 0;
		cap->found = 1, cap->value = e->fixed, cap->counter = e->alt[0].s;
		return 1;
	}
	return 0;
}

/* Where a reporting period may be stated on one line, found once for all the facts of the line. */
enum { LEAD_UPTO, LEAD_UNTIL, MONTHS };   /* 截至…, 截止…, N-M月 */

struct span {
	size_t start, end;
	int kind;
};

/* A subject or verb of the clause grammar found in a sentence. */
struct gword {
	size_t start, end;   /* bytes of the report */
	int id, depth;       /* word id; brackets around it */
	size_t part_end;     /* a word of a 其中 breakdown: where the breakdown ends (the ； or the
	                      * sentence's end after it), past which what it names is no subject;
	                      * SIZE_MAX for others */
};

/* A clause: characters [k0, k1) of the sentence between , ; : and brackets. */
struct clause {
	size_t k0, k1;
	int depth;           /* brackets around it */
	int sub;             /* it lists sub-items: 其中… */
	int lead;            /* it opens with 均/全部/都: a new verb for the figure before */
	int row;             /* a row of a table written as lines (label：figure), its label the words */
	int listed;          /* an item of a list after a verb and a colon (全年办理：法律援助案件618件) */
};

/* A word of the anchors' lexicon at characters [at, end) of a sentence. */
struct occurrence {
	size_t at, end;
	int word;
	int prev;   /* the word's occurrence before, or -1 */
};

/* Scratch of one facts_extract call, reused from sentence to sentence. */
struct scratch {
	size_t *seen;                /* per pattern: 1 + start of the last sentence that listed it */
	struct occurrence *occ;      /* the anchors' words found in the sentence, in text order */
	size_t nocc, occcap;
	int *occ_last;               /* per word of the anchors: its last occurrence in occ, or -1 */
	int *cand;                   /* patterns to try, in catalogue order: the first still claims a figure */
	size_t ncand;
	size_t *pos;                 /* the sentence's characters: where each starts, */
	uint32_t *ch;                /* and what it reads as */
	size_t nch, chcap;
	unsigned char *owned;        /* per byte of the sentence: CLAIMED_FIGURE | _POINT | _WORDS */
	size_t ownedcap;
	/* The sentence's characters chained by BIT(): where a pattern may begin is found without
	 * testing every character (scan_pattern). */
	size_t head_bit[64];         /* the first character of each BIT(), or NO_CHAR */
	size_t *next_bit;            /* per character: the next one of its BIT(), or NO_CHAR */
	size_t nbcap;
	size_t period_line;          /* 1 + start of the line spans describes, or 0 */
	struct span *spans;          /* in text order */
	size_t nspans, spancap;
	struct gword *gw;            /* those outside book titles, with their bracket depth */
	size_t ngw, gwcap;
	struct clause *cl;           /* the sentence's clauses */
	size_t ncl, clcap;
	int carry_past_stop;         /* carry is the subject of a sentence that ended at 。: taken on only
	                              * by a sentence that opens with a verb (…申请94件。审结81件，…) */
	int carry;                   /* the subject the sentence before left when it ended at ；, whose
	                              * clauses go on here (…不予受理4件；审结35件); -1 none */
	const char *row_counter;     /* the counter a table row's label names (受理（件） 1052), or NULL */
	size_t *rows;                /* where the figures of such rows that gave facts start */
	size_t nrows, rowscap;
};

/* What the facts found so far in a sentence hold: the bytes of their figures, and the places of
 * the statements without one. A sentence may state thousands of figures: a mark per byte keeps
 * each claim check as short as the figure. */
enum { CLAIMED_FIGURE = 1, CLAIMED_POINT = 2, CLAIMED_WORDS = 4 };   /* words: of a pattern that read a fact */

/* Whether a fact of this sentence (from ss) holds part of the figure [a, b): overlaps a figure,
 * or has its statement strictly inside. */
static int claimed(const struct scratch *sc, size_t ss, size_t a, size_t b)
{
	for (size_t y = a; y < b; y++)
		if ((sc->owned[y - ss] & CLAIMED_FIGURE) || (y > a && (sc->owned[y - ss] & CLAIMED_POINT)))
			return 1;
	return 0;
}

static void claim(struct scratch *sc, size_t ss, size_t a, size_t b)
{
	if (a == b)
		sc->owned[a - ss] |= CLAIMED_POINT;
	for (size_t y = a; y < b; y++)
		sc->owned[y - ss] |= CLAIMED_FIGURE;
}

static void span_add(struct scratch *sc, size_t start, size_t end, int kind)
{
	sc->spans = xgrow(sc->spans, &sc->spancap, sc->nspans + 1, sizeof *sc->spans);
	sc->spans[sc->nspans++] = (struct span){ start, end, kind };
}

/* "N-M月" starting at i of text[..n): the end of it, or 0. */
static size_t month_range(const char *text, size_t line_start, size_t n, size_t i)
{
	size_t j = i, next;
	if (digit_at(text, n, j, &next) < 0 || (i > line_start && digit_at(text, n, i - 1, &next) >= 0))
		return 0;
	while (digit_at(text, n, j, &next) >= 0)
		j = next;
	size_t dash = j;
	uint32_t c = j < n ? cue_char(text, n, &dash) : 0;
	if (c != '-' && c != 0x2014 && c != 0x2013 && c != 0x81f3 /* 至 */)
		return 0;
	size_t k = dash;
	while (digit_at(text, n, k, &next) >= 0)
		k = next;
	return k > dash && cue_match_at(text, n, k, "月", 3) ? k + 3 : 0;
}

/* Lists the period statements of the line text[line_start..n). Each is as found when text ends
 * at n; one that ends by a later `at` is found the same when the text ends at `at`, as no
 * reading passes a character boundary. */
static void period_spans(const char *text, size_t line_start, size_t n, struct scratch *sc)
{
	sc->nspans = 0;
	sc->period_line = line_start + 1;
	static const unsigned char lead[256] = {   /* the bytes a period statement begins with */
		['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
		['8'] = 1, ['9'] = 1, [0xe6] = 1 /* 截 */, [0xef] = 1 /* full-width digits */,
	};
	for (size_t i = line_start, end; i < n; i++) {
		unsigned char b = (unsigned char)text[i];
		if (!lead[b]) {
			i += encoding_step(b) - 1;   /* report text is clean UTF-8 */
			continue;
		}
		if ((b >= '0' && b <= '9') || b == 0xef)   /* a digit, half- or full-width */
			if ((end = month_range(text, line_start, n, i)))
				span_add(sc, i, end, MONTHS);
		size_t j = i;
		if (b != 0xe6 || cue_char(text, n, &j) != 0x622a)   /* 截 */
			continue;
		if (cue_match_at(text, n, i, "截至", 6))
			span_add(sc, i, i + 6, LEAD_UPTO);
		else if (cue_match_at(text, n, i, "截止", 6))
			span_add(sc, i, i + 6, LEAD_UNTIL);
	}
}

/* The reporting period stated before `at` on its line, which ends at line_end, and in the same
 * full sentence (from the last 。 at `from`): the last 截至/截止… up to a comma, or the first
 * "N-M月". A page flattened onto one line states many periods, each for its own sentence. */
static void find_period(const char *text, size_t line_start, size_t line_end, size_t from, size_t at,
			struct scratch *sc, size_t *ps, size_t *pe)
{
	*ps = *pe = 0;
	if (sc->period_line != line_start + 1)
		period_spans(text, line_start, line_end, sc);
	for (int k = LEAD_UPTO; k <= LEAD_UNTIL; k++) {
		size_t last = (size_t)-1;
		for (size_t h = 0; h < sc->nspans; h++)
			if (sc->spans[h].kind == k && sc->spans[h].start >= from && sc->spans[h].end <= at)
				last = sc->spans[h].start;
		if (last == (size_t)-1)
			continue;
		size_t i = last;
		for (int c = 0; c < 14 && i < at; c++) {
			size_t j = i;
			uint32_t ch = cue_char(text, at, &j);
			if (ch == ',' || ch == 0x3001 || sentence_end(ch))
				break;
			i = j;
		}
		*ps = last, *pe = i;
		return;
	}
	for (size_t h = 0; h < sc->nspans; h++)
		if (sc->spans[h].kind == MONTHS && sc->spans[h].start >= from && sc->spans[h].end <= at) {
			*ps = sc->spans[h].start, *pe = sc->spans[h].end;
			return;
		}
}


static void value_text(char *dst, size_t cap, double v)
{
	if (v >= 0 && v < 1e15 && !signbit(v) && v == (double)(long long)v) {   /* most values: whole numbers */
		char tmp[24];
		size_t n = 0;
		for (long long x = (long long)v; n == 0 || x > 0; x /= 10)
			tmp[n++] = (char)('0' + x % 10);
		size_t k = 0;
		while (n > 0 && k + 1 < cap)
			dst[k++] = tmp[--n];
		dst[k] = '\0';
		return;
	}
	snprintf(dst, cap, "%.4f", v);
	char *dot = strchr(dst, '.');
	if (dot) {
		char *e = dst + strlen(dst);
		while (e > dot + 1 && e[-1] == '0')
			*--e = '\0';
		if (e == dot + 1)
			*dot = '\0';
	}
}

/* The unit of cap, then the pattern's qualifier after "|" (or ";" when the unit has qualifiers
 * already). A unit too long for dst is cut at a character boundary: units are short in practice. */
static void add_qualifier(char *dst, size_t size, const struct capture *cap, const char *qualifier)
{
	char unit[96];   /* as long as a fact's unit: the qualifier comes after the unit's cut */
	unit_text(cap, unit, sizeof unit);
	size_t len = 0;
	put(dst, size, &len, unit);
	if (qualifier) {
		put(dst, size, &len, strchr(unit, '|') ? ";" : "|");
		put(dst, size, &len, qualifier);
	}
	size_t n = len < size ? len : size - 1;
	while (n > 0 && n < len && ((unsigned char)dst[n] & 0xc0) == 0x80)
		n--;
	dst[n] = '\0';
}


static int may_begin(const struct first *f, uint32_t c)
{
	if (!(f->bits & BIT(c)))
		return 0;
	if (f->any || (f->figure && numeral(c)))
		return 1;
	for (size_t k = 0; k < f->n; k++)
		if (f->c[k] == c)
			return 1;
	return 0;
}

static void insertion_sort(int *v, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		int x = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1] > x; j--)
			v[j] = v[j - 1];
		v[j] = x;
	}
}

/* Adds the patterns of anchor w, found at character at, to the candidates of the sentence from
 * ss, once each, and records where w is. */
static void cand_add(const struct facts_model *m, int w, size_t at, size_t ss, struct scratch *sc)
{
	const struct group *g = &m->g[w];
	for (size_t k = 0; k < g->n; k++)
		if (sc->seen[g->v[k]] != ss + 1) {
			sc->seen[g->v[k]] = ss + 1;
			sc->cand[sc->ncand++] = g->v[k];
		}
	sc->occ = xgrow(sc->occ, &sc->occcap, sc->nocc + 1, sizeof *sc->occ);
	sc->occ[sc->nocc] = (struct occurrence){ at, at + m->anchors.w[w].n, w, sc->occ_last[w] };
	sc->occ_last[w] = (int)sc->nocc++;
}

/* Forgets the words the sentence before held. */
static void occ_clear(struct scratch *sc)
{
	for (size_t k = 0; k < sc->nocc; k++)
		sc->occ_last[sc->occ[k].word] = -1;
	sc->nocc = 0;
}

/* Lists the patterns whose anchor occurs in the sentence from ss (its characters are sc's), and
 * those without one. */
static void candidates(const struct facts_model *m, size_t ss, struct scratch *sc)
{
	const struct lexicon *x = &m->anchors;
	sc->ncand = 0;
	occ_clear(sc);
	for (size_t k = 0; k < sc->nch; k++) {
		uint32_t c = sc->ch[k];
		if (c < 0x10000 && !(x->first[c / 64] >> (c % 64) & 1))
			continue;
		if (k + 1 < sc->nch)
			for (int w = x->bucket[lex_hash(c, sc->ch[k + 1])]; w >= 0; w = x->w[w].next)
				if (lex_at(x, w, sc->ch, sc->nch, k))
					cand_add(m, w, k, ss, sc);
		if (x->single)
			for (int w = x->bucket[lex_hash(c, LEX_ONE)]; w >= 0; w = x->w[w].next)
				if (lex_at(x, w, sc->ch, sc->nch, k))
					cand_add(m, w, k, ss, sc);
	}
	if (m->always.n) {
		memcpy(sc->cand + sc->ncand, m->always.v, m->always.n * sizeof *sc->cand);
		sc->ncand += m->always.n;
	}
	insertion_sort(sc->cand, sc->ncand);
}

/* Appends a character of the sentence being read: where it starts, and what it reads as. */
static void char_add(struct scratch *sc, size_t at, uint32_t c)
{
	if (sc->nch == sc->chcap) {
		sc->pos = xgrow(sc->pos, &sc->chcap, sc->nch + 1, sizeof *sc->pos);
		sc->ch = xrealloc(sc->ch, sc->chcap * sizeof *sc->ch);
	}
	sc->pos[sc->nch] = at;
	sc->ch[sc->nch++] = c;
}

/* A sentence being scanned: [ss, se) of r, on the line [line_start, line_end), in the full
 * sentence (up to 。) that starts at stop_start. */
struct sentence {
	const struct report *r;
	size_t ss, se, line_start, line_end, stop_start;
	int section;   /* deepest section holding it, once a fact needs it; -2 before */
	int figure;    /* it holds words of the clause rules and may hold a figure they read */
	size_t target; /* where it first states a target (力争…), once a fact needs it; (size_t)-2 before */
};

/* Records the figure at byte at as a table's row's, which drop_restated_rows drops where it restates
 * a sentence. */
static void add_row(struct scratch *sc, size_t at)
{
	sc->rows = xgrow(sc->rows, &sc->rowscap, sc->nrows + 1, sizeof *sc->rows);
	sc->rows[sc->nrows++] = at;
}

/* Adds the fact of metric (-1: a claim only) read as cap, with a scope note or NULL. */
static void add_fact(struct sentence *st, int metric, const char *qualifier, const struct capture *cap,
		     struct facts *out, struct scratch *sc)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct facts_fact *f = &out->v[out->n++];
	memset(f, 0, sizeof *f);
	f->metric = metric;
	f->value = cap->value;
	value_text(f->value_text, sizeof f->value_text, cap->value);
	add_qualifier(f->unit, sizeof f->unit, cap, qualifier);
	facts_unit_norm(f->unit, f->unit_norm, sizeof f->unit_norm);
	f->start = st->ss, f->end = st->se;
	f->num_start = cap->num_start, f->num_end = cap->num_end;
	if (cap->row)
		add_row(sc, cap->num_start);
	if (metric < 0)
		return;   /* a claim only: dropped once the report is done */
	if (st->section == -2)
		st->section = report_section_at(st->r, st->ss);
	f->section = st->section;
	size_t at = cap->num_start > st->ss ? cap->num_start : st->ss;
	find_period(st->r->text, st->line_start, st->line_end, st->stop_start, at, sc, &f->period_start,
		    &f->period_end);
}

static void grammar(const struct facts_model *m, struct sentence *st, struct facts *out, struct scratch *sc);
static int may_hold_figure(const struct facts_model *m, const char *s, const struct scratch *sc, size_t b);
static int numeral_after_verb(const struct facts_model *m, const struct scratch *sc, size_t a);
static int word_ends_at(const struct facts_model *m, const struct scratch *sc, size_t a, int kind);
static int figure_ends_clause(const struct scratch *sc, size_t b);
static int target_before(const struct facts_model *m, struct sentence *st, const struct scratch *sc, size_t a);
static int ensured(const struct facts_model *m, const struct sentence *st, const struct scratch *sc, size_t a);
static int not_the_count(const struct scratch *sc, size_t a);

/* The index of the first character of the sentence at or after byte a. */
static size_t char_at(const struct scratch *sc, size_t a)
{
	size_t lo = 0, hi = sc->nch;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (sc->pos[mid] < a)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether an adverb of counting (先后 累计 共 共计 合计 全年) or a word pointing back at the items counted
 * (该 上述 这) ends right before character k: 先后六次 and 该四项决策 count. */
static int counting_adverb_before(const struct scratch *sc, size_t k)
{
	static const uint32_t pairs[][2] = {
		{ 0x5148, 0x540e }, { 0x7d2f, 0x8ba1 }, { 0x5171, 0x8ba1 },   /* 先后 累计 共计 */
		{ 0x5408, 0x8ba1 }, { 0x4e0a, 0x8ff0 }, { 0x5168, 0x5e74 },   /* 合计 上述 全年 */
	};
	static const uint32_t ones[] = { 0x8be5, 0x8fd9, 0x5171 };      /* 该 这 共 */
	if (k < 1 || k > sc->nch)
		return 0;
	for (size_t i = 0; k >= 2 && i < COUNT(pairs); i++)
		if (sc->ch[k - 2] == pairs[i][0] && sc->ch[k - 1] == pairs[i][1])
			return 1;
	for (size_t i = 0; i < COUNT(ones); i++)
		if (sc->ch[k - 1] == ones[i])
			return 1;
	return 0;
}

/* Tries pattern p at character k of the sentence; returns 1 when the pattern is done with the
 * sentence (one negative statement per sentence and pattern). */
static int try_pattern(const struct facts_model *m, const struct pattern *p, struct sentence *st, struct facts *out,
		       struct scratch *sc, size_t k)
{
	size_t i = sc->pos[k];
	struct capture cap = { 0 };
	if (!match(m, p, 0, st->r->text, st->se, i, &cap) || !cap.found)
		return 0;
	if (cap.num_end == 0) {   /* a fixed value: the words themselves are the figure */
		if (sc->owned[i - st->ss] & CLAIMED_WORDS)
			return 0;   /* words a pattern before it read already */
		cap.num_start = i, cap.num_end = i;
	}
	if (cap.num_end > cap.num_start && claimed(sc, st->ss, cap.num_start, cap.num_end))
		return 0;
	claim(sc, st->ss, cap.num_start, cap.num_end);
	for (size_t y = i; y < cap.end; y++)
		sc->owned[y - st->ss] |= CLAIMED_WORDS;
	int drop = target_before(m, st, sc, cap.num_start) || ensured(m, st, sc, cap.num_start) ||
		   (cap.num_end > cap.num_start && not_the_count(sc, cap.num_start));
	add_fact(st, drop ? -1 : p->metric, p->qualifier, &cap, out, sc);   /* -1: a claim only */
	return cap.num_end == cap.num_start;
}

#define NO_CHAR ((size_t)-1)
#define CHAINS_MAX 4   /* first characters' BIT()s a pattern's places are merged from */

/* Chains the sentence's characters by their BIT(), each chain in text order. */
static void chain_bits(struct scratch *sc)
{
	if (sc->nch > sc->nbcap)
		sc->next_bit = xgrow(sc->next_bit, &sc->nbcap, sc->nch, sizeof *sc->next_bit);
	for (size_t b = 0; b < 64; b++)
		sc->head_bit[b] = NO_CHAR;
	for (size_t k = sc->nch; k-- > 0;) {
		size_t b = sc->ch[k] & 63;
		sc->next_bit[k] = sc->head_bit[b];
		sc->head_bit[b] = k;
	}
}

/* The last character of the sentence a match of p can begin at: the words every match passes
 * (p->req) lie in the sentence in its order, each after the one before, the first of them at or
 * after the match's start. The latest places they can have are found from the last word back.
 * 0 when they cannot lie so: p matches nowhere in the sentence. */
static int latest_start(const struct pattern *p, const struct scratch *sc, size_t *last)
{
	size_t bound = sc->nch;   /* the word after must begin at or after this one's end */
	for (const int *r = p->req; *r; r += 1 + *r) {
		size_t best = NO_CHAR;
		for (int k = 1; k <= *r; k++)
			for (int o = sc->occ_last[r[k]]; o >= 0; o = sc->occ[o].prev)
				if (sc->occ[o].end <= bound) {
					if (best == NO_CHAR || sc->occ[o].at > best)
						best = sc->occ[o].at;
					break;
				}
		if (best == NO_CHAR)
			return 0;
		bound = best;
	}
	*last = bound;
	return 1;
}

/* Tries pattern p at every character up to last it may begin with, in text order: through the
 * chains of its first characters' BIT()s when they are few (most patterns open with a word), else
 * at each. */
static void scan_pattern(const struct facts_model *m, const struct pattern *p, size_t last, struct sentence *st,
			 struct facts *out, struct scratch *sc)
{
	const struct first *f = &p->first;
	if (f->any || __builtin_popcountll(f->bits) > CHAINS_MAX) {
		for (size_t k = 0; k < sc->nch && k <= last; k++)
			if (may_begin(f, sc->ch[k]) && try_pattern(m, p, st, out, sc, k))
				return;
		return;
	}
	size_t cur[CHAINS_MAX], n = 0;   /* each chain's next character */
	for (uint64_t bits = f->bits; bits; bits &= bits - 1)
		cur[n++] = sc->head_bit[__builtin_ctzll(bits)];
	for (;;) {   /* the chains merged: the next place is the least of their heads */
		size_t best = 0;
		for (size_t c = 1; c < n; c++)
			if (cur[c] < cur[best])
				best = c;
		size_t k = n ? cur[best] : NO_CHAR;
		if (k == NO_CHAR || k > last)
			return;
		cur[best] = sc->next_bit[k];
		if (may_begin(f, sc->ch[k]) && try_pattern(m, p, st, out, sc, k))
			return;
	}
}

/* Tries the candidate patterns in catalogue order, each at every character it may begin with. */
static void scan_sentence(const struct facts_model *m, struct sentence *st, struct facts *out, struct scratch *sc)
{
	/* Figures of earlier sentences lie before ss: only this sentence's can claim. */
	size_t len = st->se - st->ss + 1;
	if (len > sc->ownedcap)
		sc->owned = xgrow(sc->owned, &sc->ownedcap, len, 1);
	memset(sc->owned, 0, len);
	chain_bits(sc);
	for (size_t ci = 0; ci < sc->ncand; ci++) {
		const struct pattern *p = &m->p[sc->cand[ci]];
		size_t last;
		if (latest_start(p, sc, &last))
			scan_pattern(m, p, last, st, out, sc);
	}
	if (st->figure)
		grammar(m, st, out, sc);
}

/* ---- the clause grammar ----
 *
 * A figure the patterns leave is read by the clause rules. Its clause runs between , ; : and
 * brackets; its verb is the last verb before it in the clause (共收到…103宗), else the first after
 * it (600人参加); its subject is the nearest subject before it in the clause, else after it
 * (共办理38宗…行政诉讼案件), else the last one of the sentence's earlier clauses (…申请103宗，
 * 受理91宗). A clause of sub-items (（其中正职25宗，副职21宗）) breaks the total down: its figures
 * count only when they name a subject or verb of their own. A clause opening with 均/全部 gives
 * the figure before a second verb (规范性文件5份，均已…备案). Subjects joined by 和/及/以及/、
 * share the figure after them (全程网办率以及一趟不用跑率达100%). Words in book titles 《…》 are
 * names, not grammar. */

static int is_clause_mark(uint32_t c)
{
	return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == 0x3002 || c == '\n';
}

/* Whether the clause sc->ch[k, end) opens with a negation, an adverb aside (无败诉, 均未被纠错, 并未…):
 * it denies its act of the figure before, which it does not count. */
static int opens_negated(const struct scratch *sc, size_t k, size_t end)
{
	while (k < end && (sc->ch[k] == ' ' || sc->ch[k] == 0x5747 || sc->ch[k] == 0x5e76 || sc->ch[k] == 0x4e5f ||
			   sc->ch[k] == 0x90fd))   /* 均 并 也 都 */
		k++;
	return k < end && (sc->ch[k] == 0x65e0 || sc->ch[k] == 0x672a || sc->ch[k] == 0x6ca1 || sc->ch[k] == 0x4e0d);
}

/* Whether the clause opening at character k lists sub-items (其中…), or gives the figure before
 * it a second verb (均/全部/都/并均/且均…). */
static int opens_sub(const struct scratch *sc, size_t k, size_t end)
{
	while (k < end && sc->ch[k] == ' ')
		k++;
	return k + 1 < end && sc->ch[k] == 0x5176 && sc->ch[k + 1] == 0x4e2d;
}

#define EACH_SPAN 6    /* characters between 每 and 都 of a clause about each of a figure's items */
#define LEAD_SPAN 6    /* characters before the 均 of a clause about all of a figure's items */
#define NOUN_LEAD_SPAN 10   /* the same after a figure, its noun between (6项重大行政决策事项均…) */
#define ROW_LABEL 20   /* characters of the label of a figure in a table written as lines */
#define ROW_UNIT 3     /* characters of the counter its label may name in brackets: （人次） */

/* 1 for a character that denies the verb after it: 未 没 无 不 非. */
static int denies(uint32_t c)
{
	return c == 0x672a || c == 0x6ca1 || c == 0x65e0 || c == 0x4e0d || c == 0x975e;
}

#define FILING_SPAN 10   /* characters before the 报 of a clause filing what was counted (于印发后15日内报送) */

/* Whether the clause [k, end) files what the clause before counted, as it was issued: (并|且)…报…
 * 备案 (制发规范性文件2件，并按规定报市政府备案): all of it, as a clause opening with 均 says. */
static int files_them(const struct scratch *sc, size_t k, size_t end)
{
	while (k < end && sc->ch[k] == ' ')
		k++;
	if (k < end && (sc->ch[k] == 0x5e76 || sc->ch[k] == 0x4e14))   /* 并 且 */
		k++;
	for (size_t j = k; j < end && j <= k + FILING_SPAN; j++)
		if (sc->ch[j] == 0x62a5) {   /* 报 */
			for (size_t i = j + 1; i + 1 < end; i++)
				if (sc->ch[i] == 0x5907 && sc->ch[i + 1] == 0x6848)   /* 备案 */
					return 1;
			return 0;
		}
	return 0;
}

/* Whether the clause opening at character k goes on with the one before: 并 且 同时. */
static int opens_and(const struct scratch *sc, size_t k, size_t end)
{
	while (k < end && sc->ch[k] == ' ')
		k++;
	return k < end && (sc->ch[k] == 0x5e76 || sc->ch[k] == 0x4e14 ||
			   (k + 1 < end && sc->ch[k] == 0x540c && sc->ch[k + 1] == 0x65f6));
}

/* Whether a clause opening with 并/且 at depth goes on with the run of a 均/全部 clause before it:
 * the clause right before (…均经…审查，并在…报…备案), or the one before that, past a clause of
 * its own between (全部经…审核，提出审核意见36条，并报…备案). The clause being read is the last. */
static int run_goes_on(const struct scratch *sc, int depth)
{
	for (size_t back = 2; back <= 3 && back <= sc->ncl; back++) {
		const struct clause *c = &sc->cl[sc->ncl - back];
		if (c->depth != depth)
			return 0;
		if (c->lead)
			return 1;
	}
	return 0;
}

static int opens_lead(const struct scratch *sc, size_t k, size_t end, size_t span)
{
	while (k < end && sc->ch[k] == ' ')
		k++;
	if (k < end && (sc->ch[k] == 0x5e76 || sc->ch[k] == 0x4e14))   /* 并 且 */
		k++;
	if (k >= end)
		return 0;
	if (sc->ch[k] == 0x6bcf)   /* 每: 每项决策都经过… */
		for (size_t j = k + 1; j < end && j <= k + EACH_SPAN; j++)
			if (sc->ch[j] == 0x90fd)
				return 1;
	if (sc->ch[k] == 0x90fd)   /* 都 */
		return 1;
	/* 均 or 全部 first, or after who did it: 法院均判决…, 经区政府复议均维持, 复议机关均予以维持;
	 * not of the rest (其余均…) nor denied (均未被纠错: a pattern reads that as none) */
	if (k + 1 < end && (sc->ch[k] == 0x5176 || sc->ch[k] == 0x53e6) && (sc->ch[k + 1] == 0x4f59 || sc->ch[k + 1] == 0x5916))
		return 0;   /* 其余 另外 */
	for (size_t j = k; j < end && j <= k + span; j++) {
		size_t after = j + (sc->ch[j] == 0x5747 ? 1 : 2);
		int all = (sc->ch[j] == 0x5747 && (j == 0 || (sc->ch[j - 1] != 0x5e73 && sc->ch[j - 1] != 0x4eba))) ||   /* 均, not 平均 人均 */
		          (j + 1 < end && sc->ch[j] == 0x5168 && sc->ch[j + 1] == 0x90e8);   /* 全部 */
		if (all)
			return after >= end || !denies(sc->ch[after]);
	}
	return 0;
}

/* Whether the sentence from ss states before byte a a target or a shortfall (力争…达到100%,
 * 尚未达到100%), not a result. */
static int target_before(const struct facts_model *m, struct sentence *st, const struct scratch *sc, size_t a)
{
	if (st->target == (size_t)-2) {
		st->target = (size_t)-1;
		for (size_t k = 0; k < sc->nch && sc->pos[k] + 6 <= st->se && st->target == (size_t)-1; k++)
			for (size_t w = 0; w < COUNT(target_words) && (m->target_bits & BIT(sc->ch[k])); w++)
				if (sc->ch[k] == m->targets[w].first &&
				    cue_match_at(st->r->text, st->se, sc->pos[k], m->targets[w].s, m->targets[w].n)) {
					st->target = sc->pos[k];
					break;
				}
	}
	return st->target < a;
}

/* Whether the figure at byte a is a bound its clause sets (败诉率控制在5%以内, 合格率不低于98%):
 * a target, not a result. 确保 is no such word: reports state results with it too
 * (确保及格率和参考率均达到100%). */
static int ensured(const struct facts_model *m, const struct sentence *st, const struct scratch *sc, size_t a)
{
	size_t k = char_at(sc, a);
	while (k > 0 && !is_clause_mark(sc->ch[k - 1]))
		k--;
	for (; k < sc->nch && sc->pos[k] < a; k++)
		for (size_t w = 0; w < COUNT(bound_words); w++)
			if (sc->ch[k] == m->bounds[w].first &&
			    cue_match_at(st->r->text, a, sc->pos[k], m->bounds[w].s, m->bounds[w].n))
				return 1;
	return 0;
}

#define CHANGE_SPAN 12   /* characters from a figure to what its clause says of it: 整合为, 组成 */

/* Whether the clause from character k goes on to 组成 (由…组成: made up of) within a few characters. */
static int composed_of(const struct scratch *sc, size_t k)
{
	for (size_t j = k; j + 1 < sc->nch && j < k + CHANGE_SPAN; j++) {
		if (is_clause_mark(sc->ch[j]))
			return 0;
		if (sc->ch[j] == 0x7ec4 && sc->ch[j + 1] == 0x6210)   /* 组成 */
			return 1;
	}
	return 0;
}

/* Whether the figure at byte a is a value before a change (由原来的15个工作日压缩至5个) or the
 * count of whom something is given to (向8个街道下放…): 由, 从 or 向 up to four characters before it. */
static int not_the_count(const struct scratch *sc, size_t a)
{
	size_t k = char_at(sc, a);
	for (size_t j = k; j-- > 0 && j + 5 > k;) {
		uint32_t c = sc->ch[j];
		if (c == 0x7531 && composed_of(sc, k))
			return 0;   /* 由9名律师和专家组成: what something is made of */
		if (c == 0x7531 || c == 0x4ece || (c == 0x5411 && j + 1 == k))   /* 由 从; 向 right before */
			return 1;
		if (c == ',' || c == ';' || c == ':' || (c >= '0' && c <= '9'))
			return 0;
	}
	return 0;
}

/* Whether the count starting at byte a of a clause from byte from is the year before's or a
 * change from it (（上年为7件）, 比上年减少3件, 同比增加4件): no count of the year's, and no figure a
 * 均 after it speaks of. A rate after them may be a metric's (同比增长12%), so counts alone. */
static int year_before_count(const char *s, size_t from, size_t a, const char *counter)
{
	static const char *const before[] = { "上年为", "上年", "去年为", "去年", "上年同期为", "上年同期" };
	static const char *const compared[] = { "比上年", "较上年", "比去年", "较去年", "同比" };
	static const char *const change[] = { "增加", "减少", "增长", "下降", "多", "少" };
	if (counter[0] == '%' || strncmp(counter, "个百分点", strlen("个百分点")) == 0)
		return 0;
	for (size_t i = 0; i < COUNT(before); i++) {
		size_t n = strlen(before[i]);
		if (a - from >= n && memcmp(s + a - n, before[i], n) == 0)
			return 1;
	}
	for (size_t v = 0; v < COUNT(change); v++) {
		size_t n = strlen(change[v]);
		if (a - from < n || memcmp(s + a - n, change[v], n) != 0)
			continue;
		for (size_t i = 0; i < COUNT(compared); i++) {
			size_t w = strlen(compared[i]);
			if (a - from >= n + w && memcmp(s + a - n - w, compared[i], w) == 0)
				return 1;
		}
	}
	return 0;
}

/* Whether the figure ending at byte b is the value before a change its clause goes on to state
 * (原有5支执法队伍整合为1支, 事项由17项精简为5项 when no 由 stands before it): 为 or 至 after 整合,
 * 合并, 精简, 减少, 压减, 缩减, 压缩 or 调整, a figure right after. */
static int changed_after(const struct scratch *sc, const char *s, size_t b)
{
	static const char *const verbs[] = { "整合", "合并", "精简", "减少", "压减", "缩减", "压缩", "调整" };
	size_t k = char_at(sc, b);
	for (size_t j = k; j + 1 < sc->nch && j < k + CHANGE_SPAN; j++) {
		if (is_clause_mark(sc->ch[j]))
			return 0;
		if (j < k + 2 || (sc->ch[j] != 0x4e3a && sc->ch[j] != 0x81f3) ||
		    !(numeral(sc->ch[j + 1]) || (sc->ch[j + 1] >= '0' && sc->ch[j + 1] <= '9')))
			continue;   /* 为 至 */
		for (size_t v = 0; v < COUNT(verbs); v++)
			if (memcmp(s + sc->pos[j - 2], verbs[v], strlen(verbs[v])) == 0)
				return 1;
	}
	return 0;
}

/* The character after a short note in brackets opening at k (村（社区）, 县（市）, 乡镇（街道、开发区）):
 * up to seven characters, nineteen when it says what a count holds (（含行业性专业性调解组织）),
 * no figure, no comma; or, in a clause without a figure before it, the clause's own count after
 * 共/合计 (不予处罚（共27件）); else k. A note belongs to its clause. */
static size_t annotation_end(const struct scratch *sc, size_t k)
{
	/* what a count holds may take longer: （含行业性专业性调解组织） */
	int holds = k + 1 < sc->nch && (sc->ch[k + 1] == 0x542b ||   /* 含 */
					(k + 2 < sc->nch && sc->ch[k + 1] == 0x5305 && sc->ch[k + 2] == 0x62ec));   /* 包括 */
	/* the clause's own count in brackets: 不予处罚（共27件）, 开展合法性审查（合计42件）, or the
	 * count alone: 出具法律意见书（53份）, 讨回欠薪（计326万元） */
	int total = k + 1 < sc->nch && (sc->ch[k + 1] == 0x5171 || sc->ch[k + 1] == 0x8ba1 ||   /* 共 计 */
					(sc->ch[k + 1] >= '0' && sc->ch[k + 1] <= '9') ||
					(k + 2 < sc->nch && sc->ch[k + 2] == 0x8ba1 &&   /* 合计 累计 总计 */
					 (sc->ch[k + 1] == 0x5408 || sc->ch[k + 1] == 0x7d2f || sc->ch[k + 1] == 0x603b)));
	for (size_t j = k; total && j-- > 0 && !is_clause_mark(sc->ch[j]);)
		if (sc->ch[j] >= '0' && sc->ch[j] <= '9')
			total = 0;   /* 5件、…4件（共9件）: the total of figures before it, read as such */
	for (size_t j = k + 1; j < sc->nch && j <= k + (holds ? 20 : total ? 12 : 8); j++) {
		uint32_t c = sc->ch[j];
		if (c == ')')
			return j + 1;
		if ((!total && c >= '0' && c <= '9') || is_clause_mark(c) || (c == 0x5176 && j == k + 1))   /* 其中 */
			return k;
	}
	return k;
}

/* Whether sc->ch[k0, k) may be a table row's label: at most ROW_LABEL characters and no digit,
 * nor a clause's mark when marks is set. */
static int row_label(const struct scratch *sc, size_t k0, size_t k, int marks)
{
	if (k - k0 > ROW_LABEL)
		return 0;
	for (size_t j = k0; j < k; j++)
		if ((sc->ch[j] >= '0' && sc->ch[j] <= '9') || (marks && is_clause_mark(sc->ch[j])))
			return 0;
	return 1;
}

/* Whether a digit follows the blanks from character j of the sentence: a row's figure. */
static int digit_past_blanks(const struct scratch *sc, size_t j)
{
	while (j < sc->nch && sc->ch[j] == ' ')
		j++;
	return j < sc->nch && sc->ch[j] >= '0' && sc->ch[j] <= '9';
}

/* Whether the colon at character k joins a label to its figure, as a table written as lines
 * does (行政复议收案数：45件): a short label [k0, k) without a figure, a figure in digits after. */
static int row_colon(const struct scratch *sc, size_t k0, size_t k)
{
	while (k0 < k && sc->ch[k0] == ' ')   /* a cell left blank before the label (a group's, kept) */
		k0++;
	return sc->ch[k] == ':' && row_label(sc, k0, k, 0) && digit_past_blanks(sc, k + 1);
}

/* 1 when two or more blanks at character k part a label of the clause from k0 from a number: a
 * table's row written as a line (受理　　　　368件, 　　　驳回　　　41件), the gap its colon. */
static int row_gap(const struct scratch *sc, size_t k0, size_t k)
{
	return sc->ch[k] == ' ' && k != k0 && sc->ch[k - 1] != ' ' && k + 1 < sc->nch && sc->ch[k + 1] == ' ' &&
	       row_label(sc, k0, k, 1) && digit_past_blanks(sc, k);
}

/* Whether the label sc->ch[k0, k) ends with the characters of w. */
static int label_ends(const struct scratch *sc, size_t k0, size_t k, const uint32_t *w, size_t n)
{
	if (k - k0 < n)
		return 0;
	for (size_t j = 0; j < n; j++)
		if (sc->ch[k - n + j] != w[j])
			return 0;
	return 1;
}

/* The counter a table row's label leaves unsaid (行政复议收案　58, 持证执法人员　1326, 案卷合格率　95.8):
 * what its last words count, as a reader takes it; cases (件) unless it names a rate, attendances,
 * times, people or files; NULL for an amount, whose multiplier no reader can guess. */
static const char *implied_counter(const struct scratch *sc, size_t k0, size_t k)
{
	static const struct {
		uint32_t w[2];
		size_t n;
		const char *counter;
	} ends[] = {
		{ { 0x7387 }, 1, "%" },              /* 率 */
		{ { 0x6bd4, 0x4f8b }, 2, "%" },      /* 比例 */
		{ { 0x5360, 0x6bd4 }, 2, "%" },      /* 占比 */
		{ { 0x4eba, 0x6b21 }, 2, "人次" },
		{ { 0x573a, 0x6b21 }, 2, "场次" },
		{ { 0x6b21, 0x6570 }, 2, "次" },      /* 次数 */
		{ { 0x6b21 }, 1, "次" },
		{ { 0x4eba, 0x6570 }, 2, "人" },      /* 人数 */
		{ { 0x5458 }, 1, "人" },              /* 员 */
		{ { 0x4eba }, 1, "人" },
		{ { 0x5377 }, 1, "卷" },
		{ { 0x91d1, 0x989d }, 2, NULL },     /* 金额 */
		{ { 0x6b3e }, 1, NULL },             /* 款 */
		{ { 0x5143 }, 1, NULL },             /* 元 */
	};
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
		if (label_ends(sc, k0, k, ends[i].w, ends[i].n))
			return ends[i].counter;
	return "件";
}

/* 1 when the characters of the sentence from k on are blanks alone, up to its end. */
static int blanks_to_end(const struct scratch *sc, size_t k)
{
	while (k < sc->nch && sc->ch[k] == ' ')
		k++;
	return k == sc->nch || (k + 1 == sc->nch && sentence_end(sc->ch[k]));
}

/* The counter a table row's label names in brackets when a number alone follows it to the line's
 * end, after blanks or a colon (新收行政复议申请（件）　　1186, 执法人员业务培训（人次）　1860, a cell
 * read as a line: 收到申请（件）:168): the bracket opens at character
 * k of the clause from k0, *close is its closing character (or the colon after it). NULL when the sentence is no such row. */
static const char *row_unit(const struct facts_model *m, const char *s, const struct scratch *sc, size_t k0,
			    size_t k, size_t *close)
{
	if (sc->ch[k] != '(' || k == k0 || !row_label(sc, k0, k, 0))
		return NULL;
	size_t c = k + 1;
	while (c < sc->nch && c <= k + ROW_UNIT && sc->ch[c] != ')')
		c++;
	if (c >= sc->nch || sc->ch[c] != ')')
		return NULL;
	size_t end, j = c + 1;
	const char *counter = counter_at(m, s, sc->pos[c], sc->pos[k + 1], &end);
	if (!counter || end != sc->pos[c])
		return NULL;
	size_t colon = j < sc->nch && sc->ch[j] == ':' ? j++ : c;   /* the row's colon: no clause's end */
	while (j < sc->nch && sc->ch[j] == ' ')
		j++;
	size_t digits = j;
	while (j < sc->nch && ((sc->ch[j] >= '0' && sc->ch[j] <= '9') || sc->ch[j] == '.'))
		j++;
	if (j == digits || !blanks_to_end(sc, j))
		return NULL;
	*close = colon;
	return counter;
}

/* Marks the words of the 其中 breakdown from byte from as ending at byte end. */
static void part_end(struct scratch *sc, size_t from, size_t end)
{
	for (size_t h = sc->ngw; h-- > 0 && sc->gw[h].start >= from;)
		sc->gw[h].part_end = end;
}

/* Whether the clause ending at the colon at byte a ends with a verb of the grammar (全年办理：):
 * the verb of the items listed after it. */
static int verb_before_colon(const struct facts_model *m, const struct scratch *sc, size_t a)
{
	return sc->ngw && sc->gw[sc->ngw - 1].end == a && (m->kind[sc->gw[sc->ngw - 1].id] & WORD_VERB);
}

/* Splits the sentence into clauses and lists its grammar words outside book titles. */
static void clauses(const struct facts_model *m, const char *s, size_t se, struct scratch *sc)
{
	sc->ncl = sc->ngw = 0;
	sc->row_counter = NULL;
	size_t close;
	int depth = 0, title = 0, group_sub = 0, row = 0, listed = 0;
	size_t k0 = 0, reach = 0, len, annot = 0, part_from = SIZE_MAX;
	for (size_t k = 0; k <= sc->nch; k++) {
		uint32_t c = k < sc->nch ? sc->ch[k] : 0;
		size_t at = k < sc->nch ? sc->pos[k] : se;
		int word = k < sc->nch && !title ? lex_longest(&m->lex, sc->ch, sc->nch, k, &len) : -1;
		if (word >= 0 && k >= reach) {   /* leftmost longest: 复议案件 is 复议 + 案件, not 议案 */
			reach = k + len;
			sc->gw = xgrow(sc->gw, &sc->gwcap, sc->ngw + 1, sizeof *sc->gw);
			sc->gw[sc->ngw++] = (struct gword){ at, reach < sc->nch ? sc->pos[reach] : se, word, depth, SIZE_MAX };
		}
		if (c == 0x300a)
			title++;
		else if (c == 0x300b && title)
			title--;
		if (k < sc->nch && c == '(' && k >= annot)
			annot = annotation_end(sc, k);
		if (k < sc->nch && !title && k >= annot && is_clause_mark(c) && row_colon(sc, k0, k)) {
			row = 1;
			if (!sc->row_counter)
				sc->row_counter = implied_counter(sc, k0, k);
			continue;
		}
		if (k < sc->nch && !title && !depth && row_gap(sc, k0, k)) {
			row = 1;
			if (!sc->row_counter)
				sc->row_counter = implied_counter(sc, k0, k);
		}
		const char *unit = k < sc->nch && !title && !depth ? row_unit(m, s, sc, k0, k, &close) : NULL;
		if (unit) {   /* 受理（件）　1052: the bracket is the row's colon */
			sc->row_counter = unit, row = 1, k = close;
			continue;
		}
		if (k < sc->nch && (title || k < annot || !is_clause_mark(c)))
			continue;
		if (k > k0) {
			sc->cl = xgrow(sc->cl, &sc->clcap, sc->ncl + 1, sizeof *sc->cl);
			struct clause *q = &sc->cl[sc->ncl++];
			q->k0 = k0, q->k1 = k, q->depth = depth;
			q->sub = opens_sub(sc, k0, k);
			if (q->sub) {   /* the rest of its brackets, or of the sentence */
				group_sub = depth + 1;
				part_from = depth ? part_from : sc->pos[k0];
			}
			q->sub |= group_sub == depth + 1;
			q->lead = opens_lead(sc, k0, k, LEAD_SPAN) || (opens_and(sc, k0, k) && run_goes_on(sc, depth)) ||
				  files_them(sc, k0, k);
			q->row = row;
			q->listed = listed;
			listed |= c == ':' && !depth && verb_before_colon(m, sc, at);
		}
		row = 0;
		if (part_from != SIZE_MAX && !depth && (c == ';' || k == sc->nch)) {
			part_end(sc, part_from, at);
			part_from = SIZE_MAX;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && depth) {
			if (group_sub == depth + 1)
				group_sub = 0;
			depth--;
		}
		k0 = k + 1;
	}
}

/* The last word of `kind` of the sentence before byte a, outside brackets deeper than `depth`;
 * a subject not of a 其中 breakdown ended before a. */
static int word_inherited(const struct facts_model *m, const struct scratch *sc, int kind, size_t a, int depth)
{
	for (size_t h = sc->ngw; h-- > 0;)
		if (sc->gw[h].end <= a && sc->gw[h].depth <= depth && (m->kind[sc->gw[h].id] & kind) &&
		    (kind != WORD_SUBJECT || sc->gw[h].part_end > a))
			return (int)h;
	return -1;
}

static int ids_have(const int *v, size_t n, int id)
{
	for (size_t k = 0; k < n; k++)
		if (v[k] == id)
			return 1;
	return 0;
}

/* The first rule for this subject (inherited or not), verb (-1: none) and counter, or NULL. */
static const struct rule *rule_for(const struct facts_model *m, int subj, int inherited, int verb,
				   const char *counter)
{
	const struct group *g = &m->subj_rules[subj];
	for (size_t i = 0; i < g->n; i++) {
		const struct rule *r = &m->r[g->v[i]];
		if (!words_have(r->counters.alt, r->counters.nalt, counter))
			continue;
		if (r->nverb ? verb >= 0 && ids_have(r->verb, r->nverb, verb) : !inherited)
			return r;
	}
	return NULL;
}

/* The number ending a table row whose label names its counter (受理（件）　1052), read at
 * character k with that counter; 0 when the sentence is no such row or the number is not last. */
static size_t row_figure(const char *s, size_t n, const struct scratch *sc, size_t k, struct capture *cap)
{
	double v;
	size_t len = sc->row_counter ? facts_parse_number(s + sc->pos[k], n - sc->pos[k], &v) : 0;
	size_t j = k;
	while (j < sc->nch && sc->pos[j] < sc->pos[k] + len)
		j++;
	if (!len || !blanks_to_end(sc, j))
		return 0;
	*cap = (struct capture){ .num_start = sc->pos[k], .num_end = sc->pos[k] + len, .value = v,
				 .counter = sc->row_counter, .found = 1, .row = 1 };
	return sc->pos[k] + len;
}

/* A figure the grammar may read at character k of the sentence: Arabic digits, or Chinese
 * numerals other than a lone 一 (统一, 进一步: a word more often than a count). */
static size_t grammar_figure(const struct facts_model *m, const char *s, size_t n, const struct scratch *sc, size_t k,
			     struct capture *cap)
{
	static const struct elem any = { .kind = E_NUM };
	uint32_t c = sc->ch[k];
	int arabic = c >= '0' && c <= '9';
	if (!arabic && (c < 0x4e00 || (!numeral(c) && c != 0x8fd1 /* 近 */ && c != 0x7ea6 /* 约 */ &&
					  c != 0x903e /* 逾 */ && c != 0x8d85 /* 超 */)))
		return 0;
	if (k > 0 && numeral(sc->ch[k - 1]))
		return 0;
	int lone_one = c == 0x4e00 && (k + 1 == sc->nch || !numeral(sc->ch[k + 1])) &&
		       !(k + 2 < sc->nch && sc->ch[k + 1] == 0x4e07 && numeral(sc->ch[k + 2]));   /* 一万二千 */
	size_t end = read_figure(m, s, n, sc->pos[k], &any, cap);
	if (lone_one)   /* 统一, 一件事: a count only right after its verb or subject, ending its clause
			 * (驳回一件，制定规范性文件一件。) */
		return end && (numeral_after_verb(m, sc, sc->pos[k]) || word_ends_at(m, sc, sc->pos[k], WORD_SUBJECT)) &&
		       figure_ends_clause(sc, end) ? end : 0;
	if (!end)
		return arabic ? row_figure(s, n, sc, k, cap) : 0;
	if (!arabic && c == 0x4e00) {
		double v;
		if (facts_parse_number(s + sc->pos[k], n - sc->pos[k], &v) < 6)
			return 0;
	}
	return end;
}

/* What the clause says of a figure at [a, b) of clause q, up to byte ce (the next figure or the
 * clause's end). */
#define MAX_VERBS 6
#define SCOPE_NOUN 10  /* characters naming what a figure of a scope counts (设区市, 区交通运输主管部门) */
#define SCOPE_OWNER 4  /* characters naming who holds the next scope of a sum (和局属9个单位, 和支队机关6个部门) */
#define MAX_SUBJ 6
struct reading {
	int subj[MAX_SUBJ];  /* word ids: the clause's subjects before it, then after it, nearest first */
	int nsubj;
	int inherited;       /* none: subj[0] is the last subject of an earlier clause */
	int verb[MAX_VERBS]; /* word ids: the clause's verbs before it, nearest first, then those after it */
	size_t gap[MAX_VERBS]; /* characters between each verb and the figure (verb_gap) */
	int nverb;
	int own_subj;        /* the clause names a subject of its own */
	int own_verb;        /* the clause names a verb of its own, not one of a 的 phrase */
	int prev_subj;       /* a subject joined to subj[0] by 和/及/以及/、, or -1 */
};

/* Characters of s in [a, b). */
static size_t chars_in(const char *s, size_t a, size_t b)
{
	size_t n = 0;
	for (size_t i = a; i < b; i++)
		n += ((unsigned char)s[i] & 0xc0) != 0x80;
	return n;
}


/* Whether s[a, b) between a verb and its figure says only what the figure was before (合格率由上年的
 * 97.8%提高到99.6%): it opens with 由 and ends with a word of change. */
static int from_before(const char *s, size_t a, size_t b)
{
	static const char from[] = "由";
	if (b - a < sizeof from - 1 || memcmp(s + a, from, sizeof from - 1) != 0)
		return 0;
	for (size_t k = 0; k < COUNT(change_words); k++)
		if (change_words[k].n <= b - a && memcmp(s + b - change_words[k].n, change_words[k].s, change_words[k].n) == 0)
			return 1;
	return 0;
}

/* The characters between a verb ending at byte a and its figure at b, the words linking them
 * (link_words) and a note in brackets (调解成功（含劝和）276件) left out. */
static size_t verb_gap(const struct facts_model *m, const char *s, size_t a, size_t b)
{
	size_t k, end, n = 0;
	int note = 0;
	if (from_before(s, a, b))
		return 0;
	while (a < b && (end = match_any(s, b, a, m->links, COUNT(link_words), &k)))
		a = end;
	while (a < b) {
		uint32_t c = encoding_next(s, b, &a);
		int opens = c == '(' || c == 0xff08, closes = c == ')' || c == 0xff09;
		n += !note && !opens && !closes;
		note += opens ? 1 : closes && note ? -1 : 0;
	}
	return n;
}

static void add_verb(struct reading *rd, int id, size_t gap)
{
	if (rd->nverb < MAX_VERBS)
		rd->verb[rd->nverb] = id, rd->gap[rd->nverb++] = gap;
}

/* Whether the sentence opens with a verb of the grammar, blanks, 其中 (its parts: 其中，受理207件),
 * 全年 or 年内 and an adverb aside (审结81件…, 已审结的48件中…, 在审结的案件中…, 共办结…, 全年办结
 * 34件…): 已 共 另 还 并 在. */
static int opens_with_verb(const struct facts_model *m, const struct scratch *sc)
{
	size_t k = 0;
	while (k < sc->nch && (sc->ch[k] == ' ' || sc->ch[k] == 0x3000))
		k++;
	if (k + 1 < sc->nch && sc->ch[k] == 0x5176 && sc->ch[k + 1] == 0x4e2d) {   /* 其中 */
		k += 2;
		while (k < sc->nch && (sc->ch[k] == ',' || sc->ch[k] == ':' || sc->ch[k] == ' '))
			k++;   /* 其中，受理… and 其中：受理… */
	}
	if (k + 1 < sc->nch && ((sc->ch[k] == 0x5168 && sc->ch[k + 1] == 0x5e74) ||   /* 全年 */
				(sc->ch[k] == 0x5e74 && sc->ch[k + 1] == 0x5185)))    /* 年内 */
		k += 2;
	if (k < sc->nch && (sc->ch[k] == 0x5df2 || sc->ch[k] == 0x5171 || sc->ch[k] == 0x53e6 || sc->ch[k] == 0x8fd8 ||
			    sc->ch[k] == 0x5e76 || sc->ch[k] == 0x5728))
		k++;
	return sc->ngw && k < sc->nch && sc->gw[0].start == sc->pos[k] && (m->kind[sc->gw[0].id] & WORD_VERB);
}

/* Whether the word s[a, b) only totals the figure after it (共计, 合计, 总计, 累计达): a verb of a
 * catalogue line, but no act a breakdown after it could be read with. */
static int totals(const char *s, size_t a, size_t b)
{
	return match_at(s, b, a, "共计", 6) || match_at(s, b, a, "合计", 6) || match_at(s, b, a, "总计", 6) ||
	       match_at(s, b, a, "累计", 6);
}

/* Whether a word ending at byte b lies in a note in brackets that closes before byte a: 驳回 of
 * 维持（含驳回）149件 is no verb of the figure. */
static int in_note_before(const char *s, size_t b, size_t a)
{
	int depth = 0;
	while (b < a) {
		uint32_t c = cue_char(s, a, &b);
		if (c == '(')
			depth++;
		else if (c == ')' && depth-- == 0)
			return 1;
	}
	return 0;
}

static void read_clause(const struct facts_model *m, const char *s, const struct scratch *sc,
			const struct clause *q, size_t a, size_t b, size_t ce, struct reading *rd)
{
	size_t cs = sc->pos[q->k0];
	rd->nverb = rd->nsubj = rd->inherited = rd->own_verb = 0;
	int hb = -1;
	for (size_t h = sc->ngw; h-- > 0;) {
		const struct gword *g = &sc->gw[h];
		if (g->end > a || g->start < cs)
			continue;
		if ((m->kind[g->id] & WORD_VERB) && !in_note_before(s, g->end, a)) {
			add_verb(rd, g->id, verb_gap(m, s, g->end, a));
			rd->own_verb |= !cue_match_at(s, a, g->end, "的", 3);
		}
		if ((m->kind[g->id] & WORD_SUBJECT) && rd->nsubj < MAX_SUBJ - 2) {
			if (hb < 0)
				hb = (int)h;
			rd->subj[rd->nsubj++] = g->id;
		}
	}
	int passive = 0;   /* 2起成功调解案件被评为典型: the clause speaks of what is done to them */
	for (size_t k = char_at(sc, b); k < sc->nch && sc->pos[k] < ce && !passive; k++)
		passive = sc->ch[k] == 0x88ab && sc->pos[k] + 3 <= ce;
	for (size_t h = 0; h < sc->ngw && !passive; h++)
		if (sc->gw[h].start >= b && sc->gw[h].end <= ce && (m->kind[sc->gw[h].id] & WORD_VERB)) {
			add_verb(rd, sc->gw[h].id, chars_in(s, b, sc->gw[h].start));
			rd->own_verb = 1;
		}
	for (size_t h = 0; h < sc->ngw && rd->nsubj < MAX_SUBJ; h++)   /* then those after it, nearest first */
		if (sc->gw[h].start >= b && sc->gw[h].end <= ce && (m->kind[sc->gw[h].id] & WORD_SUBJECT))
			rd->subj[rd->nsubj++] = sc->gw[h].id;
	rd->own_subj = rd->nsubj > 0;
	if (!rd->own_subj) {
		int hi = word_inherited(m, sc, WORD_SUBJECT, cs, q->depth);
		if (hi >= 0)
			rd->subj[rd->nsubj++] = sc->gw[hi].id, rd->inherited = 1;
		else if (sc->carry >= 0 && (!sc->carry_past_stop || opens_with_verb(m, sc)))
			rd->subj[rd->nsubj++] = sc->carry, rd->inherited = 1;
	}
	/* a breakdown's verb is its whole's, a listed item's the one before the list's colon (全年办理：
	 * 法律援助案件618件), and the one before a word of its total (审查…共计128件) */
	if (!rd->nverb && (q->sub || q->listed)) {
		int hv = word_inherited(m, sc, WORD_VERB, cs, q->depth);
		if (hv >= 0)
			add_verb(rd, sc->gw[hv].id, 0);
		if (hv >= 0 && totals(s, sc->gw[hv].start, sc->gw[hv].end) &&
		    (hv = word_inherited(m, sc, WORD_VERB, sc->gw[hv].start, q->depth)) >= 0)
			add_verb(rd, sc->gw[hv].id, 0);
	}
	rd->prev_subj = -1;
	if (hb > 0) {
		const struct gword *p = &sc->gw[hb - 1], *g = &sc->gw[hb];
		size_t k;
		if (p->start >= cs && (m->kind[p->id] & WORD_SUBJECT) &&
		    match_any(s, g->start, p->end, m->conj, COUNT(conj_words), &k) == g->start)
			rd->prev_subj = p->id;
	}
}

/* Adds to rd the verbs of clause ci (合格率 of 合格率较上年提高2.4个百分点), as if its own. */
static void verbs_of_clause(const struct facts_model *m, const struct scratch *sc, size_t ci, struct reading *rd)
{
	const struct clause *q = &sc->cl[ci];
	size_t a = sc->pos[q->k0], b = q->k1 < sc->nch ? sc->pos[q->k1] : sc->pos[sc->nch - 1] + 1;
	for (size_t h = 0; h < sc->ngw; h++)
		if (sc->gw[h].start >= a && sc->gw[h].end <= b && (m->kind[sc->gw[h].id] & WORD_VERB))
			add_verb(rd, sc->gw[h].id, 0);
}

/* Whether the clause before ends with the change to the figure of clause ci from the year
 * before's, a rate's in 个百分点 or a count's in the figure's counter after 较上年 and the like. */
static int ends_with_change(const char *s, size_t a, size_t b, const char *counter)
{
	static const char *const compared[] = { "比上年", "较上年", "比去年", "较去年", "同比" };
	if (strcmp(counter, "%") == 0)
		return parse_ends(s, a, b, "个百分点");
	for (size_t i = 0; i < COUNT(compared); i++)
		if (parse_find(s, a, b, compared[i]) != PARSE_NONE)
			return parse_ends(s, a, b, counter);
	return 0;
}

/* Whether clause ci of the sentence gives the figure the clause before it named and changed
 * (案卷合格率较上年提高3.2个百分点，达到95.4%; 行政诉讼案件较上年减少9件，为26件): a link word (达到,
 * 为, 提高至) alone before its figure at byte a. */
static int figure_after_change(const struct facts_model *m, const char *s, const struct scratch *sc, size_t ci,
			       size_t a, const char *counter)
{
	if (ci == 0)
		return 0;
	const struct clause *q = &sc->cl[ci], *p = &sc->cl[ci - 1];
	size_t i = parse_skip_blanks(s, sc->pos[q->k0], a), end, k;
	while (i < a && (end = match_any(s, a, i, m->links, COUNT(link_words), &k)))
		i = end;
	size_t pe = p->k1 < sc->nch ? sc->pos[p->k1] : sc->pos[sc->nch - 1];
	return i == a && i > sc->pos[q->k0] && p->depth == q->depth && ends_with_change(s, sc->pos[p->k0], pe, counter);
}

/* The rule reading the figure: for the subjects before it, nearest first, else the one after it,
 * else the inherited one; for each, the nearest verb that fits. An inherited subject needs its
 * verb next to the figure (受理91宗, 约600人参加): a clause with words of its own between them
 * (作出查封扣押决定1件) speaks of something else. */
static const struct rule *reading_rule(const struct facts_model *m, const struct reading *rd, const char *counter,
				       int *subj, int *verb)
{
	for (int k = 0; k < rd->nsubj; k++) {
		for (int v = 0; v <= rd->nverb; v++) {
			int id = v < rd->nverb ? rd->verb[v] : -1;
			if (rd->inherited && (id < 0 || rd->gap[v] > 2))
				continue;
			const struct rule *r = rule_for(m, rd->subj[k], rd->inherited, id, counter);
			if (r) {
				*subj = rd->subj[k], *verb = id;
				return r;
			}
		}
	}
	return NULL;
}

/* The one rule a subject's rules in this counter come to, whatever their verbs: the first of
 * them when they all state one metric (法律援助案件: aid_cases), else NULL (行政复议: received,
 * accepted, concluded … by the verb). */
static const struct rule *only_rule(const struct facts_model *m, int subj, const char *counter)
{
	const struct group *g = &m->subj_rules[subj];
	const struct rule *first = NULL;
	for (size_t i = 0; i < g->n; i++) {
		const struct rule *r = &m->r[g->v[i]];
		if (!words_have(r->counters.alt, r->counters.nalt, counter))
			continue;
		if (first && r->metric != first->metric)
			return NULL;
		first = first ? first : r;
	}
	return first;
}

/* The words a row's label (characters [k0, k) of sc, k its figure's) has after its last verb:
 * their characters [*from, k); *from is k when it has no verb. */
static size_t after_last_verb(const struct facts_model *m, const struct scratch *sc, size_t k0, size_t k)
{
	size_t from = k;
	for (size_t h = 0; h < sc->ngw && k < sc->nch; h++)
		if (sc->gw[h].start >= sc->pos[k0] && sc->gw[h].end <= sc->pos[k] && (m->kind[sc->gw[h].id] & WORD_VERB))
			from = char_at(sc, sc->gw[h].end);
	return from;
}

#define NAMED_HALF 500   /* thousandths of a subject a row's words name for its rule to be taken */

/* How much of a subject of rule r the characters ch[from, to) name, in thousandths of its pairs
 * of characters running there (法律援助 names 3 of 法律援助案件's 5 pairs, 3 of 农民工法律援助案件's 8):
 * the most of any of its subjects, 0 for none. */
static int subject_named_in(const struct facts_model *m, const struct rule *r, const uint32_t *ch, size_t from,
			    size_t to)
{
	int best = 0;
	for (size_t i = 0; i < r->nsubj; i++) {
		const struct lex_word *w = &m->lex.w[r->subj[i]];
		const uint32_t *sw = m->lex.ch + w->at;
		int shared = 0;
		for (size_t a = 0; a + 1 < w->n; a++)
			for (size_t k = from; k + 1 < to; k++)
				if (ch[k] == sw[a] && ch[k + 1] == sw[a + 1] && sw[a] >= 0x4e00) {
					shared++;
					break;
				}
		if (w->n > 1 && shared * 1000 / (int)(w->n - 1) > best)
			best = shared * 1000 / (int)(w->n - 1);
	}
	return best;
}

/* The rule reading the figure of a table's row (法律援助案件：2146件, 调解成功：7968件), whose label
 * names the metric without the verb or the subject a sentence would: the one rule of a subject of
 * the label (only_rule), else the first rule of the catalogue naming a verb of the label, or the
 * one whose subject the label's words after the verb name most of, half of it at least
 * (办理法律援助：529件 is legal aid's, not the first 办理 of the catalogue, a review's). sc->ch[from, to) are those words. */
static const struct rule *row_rule(const struct facts_model *m, const struct reading *rd, const char *counter,
				   const struct scratch *sc, size_t from, size_t to, int *subj, int *verb)
{
	for (int k = 0; k < rd->nsubj && !rd->inherited; k++) {
		const struct rule *r = only_rule(m, rd->subj[k], counter);
		if (r) {
			*subj = rd->subj[k], *verb = -1;
			return r;
		}
	}
	const struct rule *best = NULL;
	int most = 0;
	for (int v = 0; v < rd->nverb; v++)
		for (size_t i = 0; i < m->nr; i++) {
			const struct rule *r = &m->r[i];
			if (!r->nverb || !ids_have(r->verb, r->nverb, rd->verb[v]) ||
			    !words_have(r->counters.alt, r->counters.nalt, counter))
				continue;
			int named = subject_named_in(m, r, sc->ch, from, to);
			named = named >= NAMED_HALF ? named : 0;   /* 申请 alone names no 信息公开申请 */
			if (!best || named > most) {
				best = r, most = named;
				*subj = r->nsubj ? r->subj[0] : -1, *verb = rd->verb[v];
			}
		}
	return best;
}

/* Whether a word of the grammar of kind (WORD_SUBJECT, WORD_VERB) ends at byte a. */
static int word_ends_at(const struct facts_model *m, const struct scratch *sc, size_t a, int kind)
{
	for (size_t h = 0; h < sc->ngw; h++)
		if (sc->gw[h].end == a && (m->kind[sc->gw[h].id] & kind))
			return 1;
	return 0;
}

/* Whether the figure at byte a is written in digits or opens with 十 百 千, or a verb of the
 * grammar or an adverb of counting (先后 累计) ends right before it: a lone 三 of 三项制度
 * names, 撤销三件 and 先后六次专题研究 count. */
static int numeral_after_verb(const struct facts_model *m, const struct scratch *sc, size_t a)
{
	size_t k = char_at(sc, a);
	if (k < sc->nch && (sc->ch[k] < 0x80 || parse_cn_unit(sc->ch[k])))
		return 1;
	return counting_adverb_before(sc, k) || word_ends_at(m, sc, a, WORD_VERB);
}

/* Whether the figure ending at byte b ends its clause too (工作四次。 执法人员七名，): a count
 * stated, not a name such as “三项制度” or 四个全面, which words follow. */
static int figure_ends_clause(const struct scratch *sc, size_t b)
{
	size_t k = char_at(sc, b);
	return k >= sc->nch || is_clause_mark(sc->ch[k]);
}

/* Whether [j, b) is at most SCOPE_OWNER characters of words, none a figure or a mark: who holds
 * the next scope (和局属9个单位, 及市直12个部门). */
static int owner_before(const char *s, size_t j, size_t b)
{
	size_t n = 0;
	while (j < b && n <= SCOPE_OWNER) {
		uint32_t c = cue_char(s, b, &j);
		if (c < 0x4e00 || c > 0x9fff || numeral(c))
			return 0;
		n++;
	}
	return j == b && n <= SCOPE_OWNER;
}

/* Whether the words [a, b) between two figures name what the first counts and join the next
 * to it (11个设区市和24个…, 9个街道、3个镇, 33个乡镇（街道、开发区）和56个…): a few characters, a
 * note in brackets not counted, then 和, 及, 以及, 与 or 、, and the next scope's holder, ending
 * at b. */
static int joins_scope(const struct facts_model *m, const char *s, size_t a, size_t b)
{
	size_t k, n = 0, j;
	int note = 0;
	for (size_t i = a; i < b && n <= SCOPE_NOUN;) {
		if (i > a && !note && (j = match_any(s, b, i, m->conj, COUNT(conj_words), &k)) && owner_before(s, j, b))
			return 1;
		uint32_t c = cue_char(s, b, &i);
		if (numeral(c) && !parse_starts(s, i, b, "级"))   /* 二级单位 names a grade, not a figure */
			return 0;
		note += c == '(' ? 1 : c == ')' && note ? -1 : 0;
		n += !note && c != ')';
		if (c == 0x3001 && !note)   /* bodies named between (3个区、葛店开发区、临空经济区和28个…) */
			n = 0;
	}
	return 0;
}

/* The figures of a clause no rule read, that one read after them may count with (a scope of
 * several kinds: 对11个设区市和24个省直部门开展督察 inspected 35). */
struct scope {
	struct capture v[4];
	size_t n;
};

/* The class of counter c in counter_classes, or -1. */
static int counter_class(const char *c)
{
	for (size_t i = 0; i < COUNT(counter_classes); i++)
		for (size_t k = 0; counter_classes[i][k]; k++)
			if (!strcmp(c, counter_classes[i][k]))
				return (int)i;
	return -1;
}

/* 1 when counters a and b are one or of one class (counter_classes): 个 and 所, 件 and 宗. */
static int same_counter(const char *a, const char *b)
{
	int ca;
	return !strcmp(a, b) || ((ca = counter_class(a)) >= 0 && ca == counter_class(b));
}

/* Whether figure p, read before cap in its clause, and cap count one scope: the same counter (or
 * one of its class), no multiplier, joined by words naming what p counts (11个设区市和24个…, 9个街道、
 * 3个镇, 19家医疗机构和委机关9个科室). */
static int one_scope(const struct facts_model *m, const char *s, const struct capture *p, const struct capture *cap)
{
	return same_counter(p->counter, cap->counter) && !p->mult && !cap->mult &&
	       joins_scope(m, s, p->num_end, cap->num_start);
}

/* A government named alone before a count of other bodies it is joined to (县政府和38个县直部门,
 * 区政府及41个部门): where its name starts in [from, a), the figure at a, else a. It counts one. */
static size_t body_before(const struct facts_model *m, const char *s, size_t from, size_t a)
{
	static const char *const bodies[] = { "人民政府", "政府", "管委会" };
	size_t k;
	for (size_t i = a > from + 3 * 8 ? a - 3 * 8 : from; i < a; i++) {
		size_t j = match_any(s, a, i, m->conj, COUNT(conj_words), &k);
		if (j != a)
			continue;
		for (size_t b = 0; b < COUNT(bodies); b++)
			if (parse_ends(s, from, i, bodies[b]) && i - strlen(bodies[b]) >= from + 3)
				return i - strlen(bodies[b]) - 3;   /* 县/区/市 before it */
	}
	return a;
}

#define NAMED_ITEM 10   /* characters of a body a scope names without a figure (长治高新区) */

/* Whether the name s[a, b) ends with a unit of administration (永昌县, 金川区水务局, 某街道). */
static int names_body(const char *s, size_t a, size_t b)
{
	static const char *const units[] = { "县", "区", "市", "镇", "乡", "街道", "局", "委", "办", "旗" };
	size_t n = chars_in(s, a, b);
	for (size_t k = 0; k < COUNT(units) && n >= 2 && n <= NAMED_ITEM; k++)
		if (parse_ends(s, a, b, units[k]))
			return 1;
	return 0;
}

/* The bodies a scope opened by 对 names before its first figure, parted by 、 and joined to it by
 * 和 (对永昌县、金川区水务局和局属5个事业单位开展督查: 2), each counting one; 0 when the clause from
 * byte from is no such list up to the figure at a. */
static size_t listed_before(const struct facts_model *m, const char *s, size_t from, size_t a)
{
	size_t k, at = parse_skip_blanks(s, from, a);
	if (!parse_starts(s, at, a, "对"))
		return 0;
	at += strlen("对");
	for (size_t i = at; i < a; i++) {
		size_t j = match_any(s, a, i, m->conj, COUNT(conj_words), &k);
		if (!j || !parse_starts(s, i, a, "和") || !owner_before(s, j, a))
			continue;
		size_t items = 0, item = at;
		for (size_t q = at; q <= i; q++) {
			if (q < i && s[q] >= '0' && s[q] <= '9')
				return 0;
			if (q == i || parse_starts(s, q, i, "、")) {
				if (!names_body(s, item, q))
					return 0;
				items++, item = q + strlen("、");
			}
		}
		return items;
	}
	return 0;
}

#define NAMED_AFTER 16   /* characters of a body a scope names after its last figure (汉中经济技术开发区科技部门) */

/* Whether s[a, b) names one body, or the kind of bodies a figure counts (县 of 14个县): words without
 * figures, least characters long, ending as bodies' names end. */
static int names_unit(const char *s, size_t a, size_t b, size_t least)
{
	static const char *const ends[] = { "部门", "单位", "局", "委", "办", "中心", "总队", "支队", "大队", "中队", "所", "站",
					    "院", "区", "县", "市", "镇", "乡", "街道", "政府", "管委会", "机关", "新城" };
	size_t n = chars_in(s, a, b);
	if (n < least || n > NAMED_AFTER)
		return 0;
	for (size_t i = a; i < b; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return 0;
	for (size_t k = 0; k < COUNT(ends); k++)
		if (parse_ends(s, a, b, ends[k]))
			return 1;
	return 0;
}

/* The end of the name s[a, b) without the note in brackets it may end with (县（市、区）: 县). */
static size_t before_note(const char *s, size_t a, size_t b)
{
	if (!parse_ends(s, a, b, "）"))
		return b;
	for (size_t i = b - strlen("）"); i > a; i--)
		if (parse_starts(s, i, b, "（"))
			return i;
	return b;
}

/* Whether s[a, b) names a kind of bodies, several of them, not one: 县直部门, 市级单位, 各街道, 有关部门. */
static int names_kind(const char *s, size_t a, size_t b)
{
	static const char *const kinds[] = { "县直", "区直", "市直", "镇直", "旗直", "省直", "县级", "区级", "市级",
					     "各", "有关", "相关" };
	for (size_t k = 0; k < COUNT(kinds); k++)
		if (parse_starts(s, a, b, kinds[k]))
			return 1;
	return 0;
}

/* The bodies a scope opened by 对 names after its last figure, joined to it by 和 or 及 and parted
 * by 、, up to the verb that acts on them (对委属3家事业单位和执法大队开展…检查: 1; …发展改革局和廊坊
 * 经济技术开发区、临空经济区经济发展部门开展…: 2); 0 when the words after the figure ending at byte a,
 * up to byte ce, are no such list, or one of them names a kind of bodies (对20个乡镇和县直部门: the
 * figure counts both). */
static size_t named_after(const char *s, size_t a, size_t ce)
{
	static const char *const verbs[] = { "开展", "进行", "实施", "组织" };
	size_t conj = PARSE_NONE, verb = PARSE_NONE;
	int note = 0;
	for (size_t i = a; i < ce && verb == PARSE_NONE;) {
		size_t at = i;
		uint32_t c = encoding_next(s, ce, &i);
		note += c == 0xff08 || c == '(' ? 1 : (c == 0xff09 || c == ')') && note ? -1 : 0;
		if (note)
			continue;
		if (conj == PARSE_NONE && (parse_starts(s, at, ce, "和") || parse_starts(s, at, ce, "及")))
			conj = i;
		for (size_t k = 0; k < COUNT(verbs) && conj != PARSE_NONE && at > conj; k++)
			if (parse_starts(s, at, ce, verbs[k]))
				verb = at;
	}
	/* the figure's noun ends before 和 as a body's name does (事业单位和…, 县（市、区）和…), not inside
	 * one (文化和旅游局) */
	if (verb == PARSE_NONE || !names_unit(s, a, before_note(s, a, conj - strlen("和")), 1))
		return 0;
	size_t items = 0, item = conj;
	for (size_t q = conj; q <= verb; q++)
		if (q == verb || parse_starts(s, q, verb, "、")) {
			if (!names_unit(s, item, q, 2) || names_kind(s, item, q))
				return 0;
			items++, item = q + strlen("、");
		}
	return items;
}

/* Whether the figure at byte a opens a scope that 对 leads, a few words before it in the clause
 * from byte from (…领导小组对委属3家事业单位…, 对全市11个县（区）…). */
static int scope_of_dui(const char *s, size_t from, size_t a)
{
	size_t i = a;
	for (int n = 0; n < 6 && i > from; n++) {
		parse_prev_char(s, from, i, &i);
		if (parse_starts(s, i, a, "对"))
			return 1;
	}
	return 0;
}

#define KIND_SPAN 8   /* characters of the name of a kind of body (人民调解委员会) */

/* A body of the kind a figure counts, named alone before it and joined to it (镇人民调解委员会和
 * 22个村（社区）人民调解委员会: 23): where its name starts in [from, a), the figure at a, else a.
 * The kind is the longest ending of the name, three characters or more, that the clause names
 * after the figure too, up to byte ce; a name with a figure of its own is no body alone. */
static size_t kind_before(const struct facts_model *m, const char *s, size_t from, size_t a, size_t b, size_t ce)
{
	size_t k;
	for (size_t i = a > from + 3 * (KIND_SPAN + 2) ? a - 3 * (KIND_SPAN + 2) : from; i < a; i++) {
		if (match_any(s, a, i, m->conj, COUNT(conj_words), &k) != a)
			continue;
		for (size_t q = from; q < i; q++)
			if (s[q] >= '0' && s[q] <= '9')
				return a;   /* it has a figure of its own (22个…委员会和1个…) */
		for (size_t n = KIND_SPAN; n >= 3; n--) {
			if (i < from + 3 * n)
				continue;
			size_t w = i - 3 * n;
			char kind[3 * KIND_SPAN + 1];
			int cjk = 1;
			for (size_t q = w; q < i && cjk; q += 3)
				cjk = ((unsigned char)s[q] & 0xf0) == 0xe0;
			memcpy(kind, s + w, i - w);
			kind[i - w] = 0;
			if (cjk && parse_find(s, b, ce, kind) != PARSE_NONE)
				return from;
		}
		return a;
	}
	return a;
}


/* The bodies a scope lists by name between two of its figures, one each: the items after the
 * first figure's noun, parted by 、 outside brackets (12个县（区）、长治高新区和38个市直部门: 1). An
 * item with a note in brackets names a kind, going on with the figure's noun (18个区、县（市）局: none). */
static size_t named_between(const char *s, size_t a, size_t b)
{
	size_t named = 0, len = 0;
	int after = 0, note = 0, kind = 0;   /* past the first 、: each item is a name; in brackets (县（市、区）) */
	for (size_t i = a; i < b;) {
		size_t at = i;
		uint32_t c = encoding_next(s, b, &i);
		note += c == '(' || c == 0xff08 ? 1 : (c == ')' || c == 0xff09) && note ? -1 : 0;
		kind |= note;
		if (note || c == ')' || c == 0xff09)
			continue;
		if (c == 0x3001 || i == b) {   /* 、 or the end */
			named += after && !kind && len > 1 && len <= NAMED_ITEM;
			after = c == 0x3001, len = 0, kind = 0;
		} else if (!parse_starts(s, at, b, "和") && !parse_starts(s, at, b, "及") && c != ' ') {
			len++;
		}
	}
	return named;
}

/* Adds to cap the figures of the scope joined to it, in the same counter, nearest first; the sum
 * is in the counter of the first (7个…和16所…: 23个). */
static void sum_scope(const struct facts_model *m, const char *s, const struct scope *sp, struct capture *cap)
{
	for (size_t k = sp->n; k-- > 0;) {
		const struct capture *p = &sp->v[k];
		if (!one_scope(m, s, p, cap))
			return;
		cap->value += p->value + (double)named_between(s, p->num_end, cap->num_start);
		cap->num_start = p->num_start;
		cap->counter = p->counter;
	}
}

#define BODY_SPAN 4   /* characters of a figure's noun: 市直部门 */

/* 1 when the figure ending at byte a counts bodies of any kind: its noun, within BODY_SPAN
 * characters, ends with 单位 or 部门 (29个市直部门, 41个市直单位), not a kind of place (348个村). */
static int counts_bodies(const char *s, size_t a, size_t b)
{
	static const char *const bodies[] = { "单位", "部门" };
	size_t i = a;
	for (int n = 0; n < BODY_SPAN && i < b; n++) {
		encoding_next(s, b, &i);
		for (size_t k = 0; k < COUNT(bodies); k++)
			if (i >= a + strlen(bodies[k]) && !memcmp(s + i - strlen(bodies[k]), bodies[k], strlen(bodies[k])))
				return 1;
	}
	return 0;
}

/* 1 when the figure ending at byte a counts villages or communities, the two kinds a town's
 * figures count as one (村（社区）): its noun opens with 村, 行政村, 社区, 居委会 or 嘎查. */
static int counts_villages(const char *s, size_t a, size_t b)
{
	static const char *const kinds[] = { "村", "行政村", "社区", "居委会", "嘎查" };
	for (size_t k = 0; k < COUNT(kinds); k++)
		if (parse_starts(s, a, b, kinds[k]))
			return 1;
	return 0;
}

/* Whether every figure of the scope sp and cap counts villages or communities (2个社区和5个村). */
static int villages_scope(const char *s, const struct scope *sp, const struct capture *cap, size_t se)
{
	if (!sp->n || !counts_villages(s, cap->num_end, se))
		return 0;
	for (size_t k = 0; k < sp->n; k++)
		if (!counts_villages(s, sp->v[k].num_end, se))
			return 0;
	return 1;
}

/* A pattern's figure of bodies closing a scope its clause lists before it (全市4个区县和29个市直
 * 部门公布…决策事项目录: 33; 2个社区和5个村均配备法律顾问: 7): the facts the pattern gave the figure
 * count the whole scope, as a rule's do. */
static void pattern_scope(const struct facts_model *m, const char *s, const struct scope *sp,
			  const struct capture *cap, size_t ss, size_t se, struct facts *out)
{
	if (!counts_bodies(s, cap->num_end, se) && !villages_scope(s, sp, cap, se))
		return;
	struct capture sum = *cap;
	sum_scope(m, s, sp, &sum);
	if (sum.num_start == cap->num_start)
		return;
	for (size_t i = out->n; i-- > 0 && out->v[i].start == ss;) {
		struct facts_fact *f = &out->v[i];
		if (f->num_start != cap->num_start || f->metric < 0 || f->computed)
			continue;
		f->value = sum.value;
		value_text(f->value_text, sizeof f->value_text, sum.value);
		f->num_start = sum.num_start;
	}
}

/* Whether the words of clause q before the figure at byte a are a total's word alone: 共计 合计
 * 总计 共 (…，共计293件). */
static int opens_total(const char *s, const struct scratch *sc, const struct clause *q, size_t a)
{
	static const char *const totals[] = { "共计", "合计", "总计", "共" };
	size_t k = q->k0;
	while (k < sc->nch && sc->ch[k] == ' ')
		k++;
	if (k >= sc->nch)
		return 0;
	for (size_t t = 0; t < COUNT(totals); t++)
		if (sc->pos[k] + strlen(totals[t]) == a && !memcmp(s + sc->pos[k], totals[t], strlen(totals[t])))
			return 1;
	return 0;
}

/* Whether a fact's unit counts in the figure's multiplier and counter (万件 as 万宗). */
static int unit_counts_as(const char *unit, const struct capture *cap)
{
	const char *mult = cap->mult ? cap->mult : "";
	size_t ml = strlen(mult), cl = strcspn(unit, "|");
	char counter[32];
	if (cl < ml || cl - ml >= sizeof counter || strncmp(unit, mult, ml))
		return 0;
	memcpy(counter, unit + ml, cl - ml);
	counter[cl - ml] = 0;
	return same_counter(counter, cap->counter);
}

/* A total stated after its parts (刑事…86件、民事…203件、行政…4件，共计293件): when the facts of
 * one metric the sentence gave before the figure, two or more in its counter, add up to it, they
 * are dropped for the total, which the reports' readers record alone. Returns that metric, or -1. */
static int total_of_parts(const struct sentence *st, const struct capture *cap, struct facts *out)
{
	int metric = -1;
	size_t last = 0;
	for (size_t i = out->n; i-- > 0 && out->v[i].start == st->ss;)
		if (out->v[i].metric >= 0 && out->v[i].num_start < cap->num_start && out->v[i].num_start >= last)
			metric = out->v[i].metric, last = out->v[i].num_start;
	if (metric < 0)
		return -1;
	double sum = 0;
	size_t parts = 0;
	for (size_t i = out->n; i-- > 0 && out->v[i].start == st->ss;) {
		const struct facts_fact *f = &out->v[i];
		if (f->metric != metric || f->num_start >= cap->num_start)
			continue;
		if (!unit_counts_as(f->unit, cap))
			return -1;
		sum += f->value, parts++;
	}
	if (parts < 2 || fabs(sum - cap->value) > 1e-6 * (cap->value > 1 ? cap->value : 1))
		return -1;
	size_t kept = out->n;
	while (kept > 0 && out->v[kept - 1].start == st->ss)
		kept--;
	for (size_t i = kept; i < out->n; i++)
		if (out->v[i].metric != metric || out->v[i].num_start >= cap->num_start)
			out->v[kept++] = out->v[i];
	out->n = kept;
	return metric;
}

/* Whether a verb of the grammar lies in bytes [from, a): the clause says what was done before its
 * figure. */
static int verb_within(const struct facts_model *m, const struct scratch *sc, size_t from, size_t a)
{
	for (size_t h = 0; h < sc->ngw && sc->gw[h].start < a; h++)
		if (sc->gw[h].start >= from && sc->gw[h].end <= a && (m->kind[sc->gw[h].id] & WORD_VERB))
			return 1;
	return 0;
}

/* Whether the sentence's last fact before the brackets holding the figure is of the metric and
 * more in its counter: the figure, named by its verb alone, is a kind of it (纠错41件（撤销26件、
 * 确认违法11件）). */
static int part_of_whole(const struct sentence *st, const struct scratch *sc, int metric, const struct capture *cap,
			 const struct facts *out)
{
	size_t k = char_at(sc, cap->num_start), open = SIZE_MAX;
	for (int depth = 0; k-- > 0 && open == SIZE_MAX;) {
		depth += sc->ch[k] == ')' ? 1 : sc->ch[k] == '(' ? -1 : 0;
		if (depth < 0)
			open = sc->pos[k];
	}
	for (size_t i = out->n; open != SIZE_MAX && i-- > 0 && out->v[i].start == st->ss;) {
		const struct facts_fact *f = &out->v[i];
		if (f->num_start < open)
			return f->metric == metric && f->value > cap->value && unit_counts_as(f->unit, cap);
	}
	return 0;
}

/* The index of the fact a pattern gave the figure, or (size_t)-1. */
static size_t pattern_fact(const struct sentence *st, const struct capture *cap, const struct facts *out)
{
	for (size_t i = out->n; i-- > 0 && out->v[i].start == st->ss;)
		if (out->v[i].num_start == cap->num_start && out->v[i].metric >= 0)
			return i;
	return (size_t)-1;
}

/* Whether the facts after out->v[i] all lie outside it up to byte a: patterns' read elsewhere in
 * the sentence, none read for its figure or one between (a second verb's) that joining to it
 * would leave behind. */
static int only_later_after(const struct facts *out, size_t i, size_t a)
{
	for (size_t k = i + 1; k < out->n; k++)
		if (out->v[k].num_start >= out->v[i].num_start && out->v[k].num_start <= a)
			return 0;
	return 1;
}

/* A figure restating one the sentence gave before it (作出重大行政决策4项，…，4项决策均经…审查;
 * 纳入…事项3项，3项均经…; 6个事项列入目录，6项决策均…): the metric of the nearest earlier fact of
 * the same value in its counter, or -1. */
static int restated_metric(const struct sentence *st, const struct capture *cap, const struct facts *out)
{
	for (size_t i = out->n; i-- > 0 && out->v[i].start == st->ss;) {
		const struct facts_fact *f = &out->v[i];
		if (f->metric >= 0 && f->num_start < cap->num_start && f->value == cap->value &&
		    (unit_counts_as(f->unit, cap) ||   /* 个, the general measure word, restated in another */
		     (!cap->mult && (!strcmp(f->unit, "个") || !strcmp(cap->counter, "个")))))
			return f->metric;
	}
	return -1;
}

/* The subjects a figure was read with, which a following 均/全部 clause may give a second verb:
 * the one its rule took, or for a pattern's figure every subject of its clause, nearest first. */
struct read_with {
	int subj[MAX_SUBJ];
	int n;
};

/* The subject a rule read the figure with first, then the clause's others, nearest first
 * (以局为被申请人的行政复议案件3件，均被…维持: 维持 fits 行政复议, not 被申请人). */
static void read_with(struct read_with *w, int subj, const struct reading *rd)
{
	w->subj[0] = subj, w->n = 1;
	for (int k = 0; k < rd->nsubj && w->n < MAX_SUBJ; k++)
		if (rd->subj[k] != subj)
			w->subj[w->n++] = rd->subj[k];
}

/* The first rule that names this verb and reads the figure with one of those subjects, or NULL
 * (a rule that needs no verb says nothing of the second one). */
static const struct rule *second_verb_rule(const struct facts_model *m, const struct read_with *w, int verb,
					   const char *counter)
{
	for (int k = 0; k < w->n; k++) {
		const struct group *g = &m->subj_rules[w->subj[k]];
		for (size_t i = 0; i < g->n; i++) {
			const struct rule *r = &m->r[g->v[i]];
			if (r->nverb && ids_have(r->verb, r->nverb, verb) &&
			    words_have(r->counters.alt, r->counters.nalt, counter))
				return r;
		}
	}
	return NULL;
}

/* 1 when the words of sub-item clause q before the figure at byte a name the reporting body's own
 * level, its own enforcement team or other bodies of its administration (其中市本级64宗, 其中局机关…,
 * 其中市生态环境综合执法支队96名, 其中乡镇（街道）312名): that body's own count, which reports state
 * beside the whole's. */
static int own_level(const struct facts_model *m, const char *s, const struct scratch *sc, const struct clause *q,
		     size_t a)
{
	size_t w, end;
	for (size_t k = q->k0; k < sc->nch && sc->pos[k] < a; k++)
		if ((end = match_any(s, a, sc->pos[k], m->owns, COUNT(own_words), &w)) &&
		    !parse_starts(s, end, a, "名义"))   /* 以部门名义制发的: the issuer of a part of the whole */
			return 1;
	return 0;
}

#define RESPECTIVE_MAX 8   /* items a 分别 clause lists */

/* The last verb of the grammar's words within [from, to), and their subjects, the last first
 * (以镇政府为被申请人的行政复议案件: 行政复议, then 被申请人), at most MAX_SUBJ. */
struct item_words {
	int verb;
	int subj[MAX_SUBJ];
	int nsubj;
};

static void item_words(const struct facts_model *m, const struct scratch *sc, size_t from, size_t to,
		       struct item_words *w)
{
	for (size_t h = 0; h < sc->ngw; h++)
		if (sc->gw[h].start >= from && sc->gw[h].end <= to) {
			if (m->kind[sc->gw[h].id] & WORD_VERB) {
				w->verb = sc->gw[h].id;
			} else if (m->kind[sc->gw[h].id] & WORD_SUBJECT) {
				int n = w->nsubj < MAX_SUBJ ? w->nsubj++ : MAX_SUBJ - 1;
				memmove(w->subj + 1, w->subj, (size_t)n * sizeof *w->subj);
				w->subj[0] = sc->gw[h].id;
			}
		}
}

/* The starts of the items listed in characters [k0, k1), parted by 、 和 及 与, into cut; their number. */
static size_t list_items(const struct scratch *sc, size_t k0, size_t k1, size_t *cut)
{
	size_t n = 0;
	cut[n++] = k0;
	for (size_t k = k0; k < k1 && n < RESPECTIVE_MAX; k++)
		if (sc->ch[k] == 0x3001 || sc->ch[k] == 0x548c || sc->ch[k] == 0x53ca || sc->ch[k] == 0x4e0e)
			cut[n++] = k + 1;
	return n;
}

/* The item a 分别 (or 依次) clause lists for the figure at byte a (维持、驳回、纠错、终止的分别为52件、7件、
 * 11件、11件; 参考率、合格率分别为99.8%和99.5%): the figures after 分别 take the items before it in
 * order, items parted by 、 和 及 与; levels listed before one noun share it (国家级、省级、市级民主法治
 * 示范村…分别新增1个、5个和17个). *seen counts the clause's figures after 分别 so far. Returns
 * 0 when the clause lists none (rd as read_clause gave it), 1 with the item's word put first in
 * rd (its verb, else its subject), or -1 when the item names no word of the grammar (参考率: the
 * figure is read by no rule). */
static int respective(const struct facts_model *m, const struct scratch *sc, const struct clause *q, size_t a,
		      int *seen, struct reading *rd)
{
	size_t kf = char_at(sc, a), kb = (size_t)-1, cut[RESPECTIVE_MAX + 1];
	for (size_t k = q->k0; k + 1 < kf && kb == (size_t)-1; k++)
		if ((sc->ch[k] == 0x5206 && sc->ch[k + 1] == 0x522b) ||   /* 分别 */
		    (sc->ch[k] == 0x4f9d && sc->ch[k + 1] == 0x6b21))     /* 依次 */
			kb = k;
	if (kb == (size_t)-1)
		return 0;
	size_t idx = (size_t)(*seen)++, hi = kb, n = list_items(sc, q->k0, kb, cut);
	if (n < 2 && q > sc->cl && q[-1].depth == q->depth && q[-1].k1 + 1 == q->k0)
		n = list_items(sc, q[-1].k0, hi = q[-1].k1, cut);   /* …建议、…提案，数量分别是41件、63件 */
	if (n < 2 || idx >= n)
		return 0;
	size_t from = sc->pos[cut[idx]], to = idx + 1 < n ? sc->pos[cut[idx + 1] - 1] : sc->pos[hi];
	struct item_words w = { .verb = -1 };
	item_words(m, sc, from, to, &w);
	size_t end = idx + 1 < n ? cut[idx + 1] - 1 : hi;
	if (w.verb < 0 && !w.nsubj && end > cut[idx] && sc->ch[end - 1] == 0x7ea7)   /* 级 */
		item_words(m, sc, sc->pos[cut[n - 1]], sc->pos[hi], &w);   /* 国家级、省级、市级示范村 */
	int led = 0;   /* 办理…建议、…提案: the first item's verb leads the list */
	if (w.verb < 0 && w.nsubj && idx > 0) {
		struct item_words first = { .verb = -1 };
		item_words(m, sc, sc->pos[cut[0]], sc->pos[cut[1] - 1], &first);
		w.verb = first.verb, led = first.verb >= 0;
	}
	if (w.verb >= 0)
		rd->verb[0] = w.verb, rd->gap[0] = 0, rd->nverb = 1;
	if (w.nsubj && (w.verb < 0 || led)) {
		memcpy(rd->subj, w.subj, (size_t)w.nsubj * sizeof *w.subj);
		rd->nsubj = w.nsubj, rd->inherited = 0;
	}
	return w.verb >= 0 || w.nsubj ? 1 : -1;
}

/* The metrics a figure was given, one fact each. */
struct given {
	int v[8];
	int n;
};

static int given_has(const struct given *g, int metric)
{
	for (int k = 0; k < g->n; k++)
		if (g->v[k] == metric)
			return 1;
	return 0;
}

static void given_add(struct given *g, int metric)
{
	if (!given_has(g, metric) && g->n < (int)COUNT(g->v))
		g->v[g->n++] = metric;
}

/* A figure of the sentence, held for the clauses after it that give it more verbs. */
struct held {
	struct capture cap;
	struct read_with with;     /* the subjects it was read with */
	struct given given;        /* the metrics it was given */
	size_t clause;             /* the clause it was read in, */
	size_t end, next;          /* where it ends and the next figure of its clause starts */
	int pending;               /* a pattern's figure whose subjects are read when needed (hold_read) */
};

#define HELD_BEFORE 2   /* figures before the last a 均 clause may go back to */
#define COUNTER_MAX 16  /* bytes of a counter a fact's unit opens with: 人次 */

/* Adds the subjects the clause rules of the metrics g name first: what a figure a pattern gave
 * those metrics counts, though its clause may not name it so (等6项事项纳入目录管理，均经…合法性
 * 审查: the 6 are decisions, as the pattern that read them says). */
static void subjects_of_metrics(const struct facts_model *m, const struct given *g, struct read_with *w)
{
	for (size_t i = 0; i < m->nr && w->n < MAX_SUBJ; i++) {
		const struct rule *r = &m->r[i];
		if (r->nsubj && given_has(g, r->metric) && !ids_have(w->subj, (size_t)w->n, r->subj[0]))
			w->subj[w->n++] = r->subj[0];
	}
}

/* Reads the subjects of a pattern's figure, then those of the metrics its facts were given. */
static void hold_read(const struct facts_model *m, struct sentence *st, struct scratch *sc, const struct facts *out,
		      struct held *h)
{
	struct reading rd;
	read_clause(m, st->r->text, sc, &sc->cl[h->clause], h->cap.num_start, h->end, h->next, &rd);
	memcpy(h->with.subj, rd.subj, (size_t)rd.nsubj * sizeof *rd.subj);
	h->with.n = rd.nsubj;
	for (size_t i = out->n; i-- > 0 && out->v[i].start == st->ss;)
		if (out->v[i].num_start == h->cap.num_start)
			given_add(&h->given, out->v[i].metric);
	subjects_of_metrics(m, &h->given, &h->with);
	h->pending = 0;
}

/* The rule a 其中 part naming the body's own level reads its figure with when its words name no
 * metric (…违法案件4318件，罚没款6842万元，其中市本级查办案件586件): the first rule of the metric of
 * the nearest figure held before it in a counter of its class, the whole it is a part of; NULL
 * when there is none. */
static const struct rule *whole_rule(const struct facts_model *m, struct sentence *st, struct scratch *sc,
				     const struct facts *out, struct held *before, size_t nbefore, const char *counter)
{
	for (size_t b = 0; b < nbefore; b++) {
		struct held *h = &before[b];
		if (!h->cap.found || !same_counter(h->cap.counter, counter))
			continue;
		if (h->pending)
			hold_read(m, st, sc, out, h);
		for (size_t i = 0; h->given.n && i < m->nr; i++)
			if (m->r[i].metric == h->given.v[0] && m->r[i].nsubj)
				return &m->r[i];
		return NULL;
	}
	return NULL;
}

/* Whether the verb ending at byte a names the day a time limit runs from (均在印发之日起30日内报…
 * 备案: the documents were filed, and issued before; 印发 is no act of the clause). */
static int time_limit_from(const char *s, size_t a, size_t b)
{
	return match_at(s, b, a, "之日", 6) != 0;
}

/* Gives the figure h, read with its subjects, each verb in bytes [from, ce) after its 均/全部
 * (…5件，均经…审核并报…备案; 目录内的4项决策均履行…) that a rule of those subjects names, but a
 * verb a pattern read a fact with: one fact a metric. Returns the facts added. */
static int lead_held(const struct facts_model *m, struct sentence *st, struct scratch *sc, size_t from, size_t ce,
		     struct held *h, struct facts *out)
{
	if (!h->cap.found)
		return 0;
	if (h->pending)
		hold_read(m, st, sc, out, h);
	int added = 0;
	for (size_t k = 0; k < sc->ngw && h->with.n; k++) {
		const struct gword *g = &sc->gw[k];
		if (g->start < from || g->end > ce || !(m->kind[g->id] & WORD_VERB) ||
		    (sc->owned[g->start - st->ss] & CLAIMED_WORDS) || time_limit_from(st->r->text, g->end, ce))
			continue;
		const struct rule *r = second_verb_rule(m, &h->with, g->id, h->cap.counter);
		if (r && !given_has(&h->given, r->metric)) {
			add_fact(st, r->metric, r->qualifier, &h->cap, out, sc);
			given_add(&h->given, r->metric);
			added++;
		}
	}
	return added;
}

/* Gives the clause q after the figures held the verbs it names: the last figure's, else the
 * nearest earlier one whose subjects and counter a rule of those verbs reads (…文件8件，提出审核
 * 意见46条，全部按时报…备案: the documents were filed, not the opinions). */
static void lead_clause(const struct facts_model *m, struct sentence *st, struct scratch *sc, const struct clause *q,
			size_t ce, struct held *cur, struct held *before, size_t nbefore, struct facts *out)
{
	if (lead_held(m, st, sc, sc->pos[q->k0], ce, cur, out))
		return;
	for (size_t b = 0; b < nbefore; b++) {
		if (before[b].cap.found && !strcmp(before[b].cap.counter, cur->cap.counter))
			return;   /* one of the last figure's kind: 均 spoke of the last (4项，已作出2项，均…) */
		if (lead_held(m, st, sc, sc->pos[q->k0], ce, &before[b], out))
			return;
	}
}

/* 1 when the sentence opens with 上述 or 以上 (上述文件均经…审核): it speaks of the figures of the
 * sentence before. */
static int aforesaid(const struct scratch *sc)
{
	size_t k = 0;
	while (k < sc->nch && sc->ch[k] == ' ')
		k++;
	return k + 1 < sc->nch && ((sc->ch[k] == 0x4e0a && sc->ch[k + 1] == 0x8ff0) ||   /* 上述 */
				   (sc->ch[k] == 0x4ee5 && sc->ch[k + 1] == 0x4e0a));    /* 以上 */
}

/* 1 when the sentence or clause opening at character k names the one thing counted before it
 * (该项决策, 该文件, 此项, 该案): it speaks of it all, as 均 would of several (…作出重大行政决策1项，即…，该项
 * 决策经…合法性审查; …1件。该文件经…审核). */
static int names_the_one(const struct scratch *sc, size_t k)
{
	static const uint32_t things[] = { 0x9879 /* 项 */, 0x4ef6 /* 件 */, 0x4efd /* 份 */, 0x6587 /* 文(件) */,
					   0x51b3 /* 决(策) */, 0x4e8b /* 事(项) */, 0x5408 /* 合(同) */, 0x6848 /* 案 */ };
	while (k < sc->nch && sc->ch[k] == ' ')
		k++;
	if (k + 1 >= sc->nch || (sc->ch[k] != 0x8be5 /* 该 */ && sc->ch[k] != 0x6b64 /* 此 */))
		return 0;
	for (size_t i = 0; i < sizeof things / sizeof *things; i++)
		if (sc->ch[k + 1] == things[i])
			return 1;
	return 0;
}

/* 1 when clause q of sc says what the one thing counted before it was, opening with 系 or 即
 * (…案件1件，系…纠纷，经法院一审判决驳回…; 制发规范性文件1件，即《…办法》，经…审核): the clause
 * after it still speaks of that thing. */
static int tells_what(const struct scratch *sc, const struct clause *q)
{
	size_t k = q->k0;
	while (k < q->k1 && sc->ch[k] == ' ')
		k++;
	return k < q->k1 && (sc->ch[k] == 0x7cfb /* 系 */ || sc->ch[k] == 0x5373 /* 即 */);
}

/* 1 when s[a, b) holds blanks and line ends alone: the sentences between are empty. */
static int blank_between(const char *s, size_t a, size_t b)
{
	while (a < b) {
		size_t t = parse_skip_blanks(s, a, b);
		while (t < b && (s[t] == '\n' || s[t] == '\r' || s[t] == '\t'))
			t++;
		if (t == a)
			return 0;
		a = t;
	}
	return 1;
}

/* Holds the last figures the sentence right before gave facts of (…制发规范性文件5件。上述文件均经…
 * 审核), the last as cur, as if this sentence had read them, so that its 均/全部 clauses give
 * them their second verbs; its facts state no figure of their own (they open this sentence).
 * counters keeps their counters. */
static void held_from_before(const struct facts_model *m, const struct sentence *st, const struct facts *out,
			     struct held *cur, struct held *before, char counters[][COUNTER_MAX])
{
	size_t n = 0, prev = SIZE_MAX;
	for (size_t i = out->n; i-- > 0 && n <= HELD_BEFORE;) {
		const struct facts_fact *f = &out->v[i];
		if (f->start >= st->ss)
			continue;   /* this sentence's own, read by its patterns */
		if (prev == SIZE_MAX) {
			if (!blank_between(st->r->text, f->end, st->ss))
				return;   /* not the sentence right before */
			prev = f->start;
		}
		if (f->start != prev)
			break;
		if (f->metric < 0 || f->computed || f->num_end == f->num_start)
			continue;
		struct held *h = n ? &before[n - 1] : cur;
		size_t c = strcspn(f->unit, "|");
		snprintf(counters[n], COUNTER_MAX, "%.*s", (int)c, f->unit);
		*h = (struct held){ .cap = { .num_start = st->ss, .num_end = st->ss, .value = f->value,
					     .counter = counters[n], .found = 1 } };
		given_add(&h->given, f->metric);
		subjects_of_metrics(m, &h->given, &h->with);
		n++;
	}
}

/* Whether the number at character k of sc (before end) is a time limit, no count: 30日内,
 * 15个工作日, 7天内, 之日起30日 (均在印发之日起30日内报…备案). */
static int time_limit(const struct scratch *sc, size_t k, size_t end)
{
	while (k < end && numeral(sc->ch[k]))
		k++;
	if (k < end && sc->ch[k] == 0x4e2a)   /* 个 */
		k++;
	if (k + 1 < end && sc->ch[k] == 0x5de5 && sc->ch[k + 1] == 0x4f5c)   /* 工作(日) */
		k += 2;
	return k + 1 < end && (sc->ch[k] == 0x65e5 || sc->ch[k] == 0x5929) &&   /* 日 天 */
	       (sc->ch[k + 1] == 0x5185 || sc->ch[k + 1] == 0x4ee5 || sc->ch[k - 1] == 0x4f5c);   /* 内 以(内), 工作日 */
}

/* Reads the figures of the sentence that no pattern claimed, clause by clause. */
static void grammar(const struct facts_model *m, struct sentence *st, struct facts *out, struct scratch *sc)
{
	const char *s = st->r->text;
	clauses(m, st->r->text, st->se, sc);
	if (!sc->ngw)
		return;
	struct held cur = { .cap = { 0 } }, before[HELD_BEFORE] = { { .cap = { 0 } } };   /* the last figure, those before */
	char counters[HELD_BEFORE + 1][COUNTER_MAX];
	int one = names_the_one(sc, 0);   /* while cur is the one thing the sentence before counted */
	int naming = 0;                   /* the clauses since one that named the one item counted */
	if (aforesaid(sc) || one)
		held_from_before(m, st, out, &cur, before, counters);
	one = one && cur.cap.found && cur.cap.value == 1;
	int last_subj = -1;
	int row_subj = -1;   /* the subject a table row's figure was read with (审结：55件) */
	for (size_t ci = 0; ci < sc->ncl; ci++) {
		const struct clause *q = &sc->cl[ci];
		size_t ce = q->k1 < sc->nch ? sc->pos[q->k1] : st->se, figures = 0;
		size_t joined = (size_t)-1;   /* the fact this clause read last, which a next of its kind may join, */
		struct capture joined_cap = { 0 };   /* and its figure */
		int seen = 0;                 /* figures after a 分别 of the clause */
		struct scope scope = { .n = 0 };
		int title = 0;
		for (size_t k = q->k0; k < q->k1; k++) {
			if (sc->ch[k] == 0x300a || sc->ch[k] == 0x300b)
				title = sc->ch[k] == 0x300a;
			struct capture cap;   /* read_figure fills it: zeroing it per character costs more than the rest */
			size_t end = title ? 0 : grammar_figure(m, s, ce, sc, k, &cap);
			if (!end)
				continue;
			figures++;
			while (k + 1 < q->k1 && sc->pos[k + 1] < end)
				k++;
			if (year_before_count(s, sc->pos[q->k0], cap.num_start, cap.counter))
				continue;
			size_t next = end;   /* the words after the figure, up to the next one (not 逐一, 统一) */
			struct capture later;
			for (size_t j = k + 1; j < q->k1 && next == end; j++)
				if (numeral(sc->ch[j]) && !numeral(sc->ch[j - 1]) && !time_limit(sc, j, q->k1) &&
				    ((sc->ch[j] >= '0' && sc->ch[j] <= '9') || grammar_figure(m, s, ce, sc, j, &later)))
					next = sc->pos[j];
			if (next == end)
				next = ce;
			struct reading rd;
			if (cur.cap.found) {
				memmove(before + 1, before, (HELD_BEFORE - 1) * sizeof *before);
				before[0] = cur;
			}
			cur.cap = cap, last_subj = -1, cur.given.n = 0, cur.with.n = 0, one = 0;
			cur.clause = ci, cur.end = end, cur.next = next, cur.pending = 0;
			/* 均/全部 right after the figure in its clause, no figure between (4项决策均履行…) */
			size_t lead_from = next == ce && opens_lead(sc, char_at(sc, end), q->k1, NOUN_LEAD_SPAN) ? end : SIZE_MAX;
			if (claimed(sc, st->ss, cap.num_start, cap.num_end)) {
				/* a pattern's: a 均已… after it may still give it a second verb */
				cur.pending = 1;
				if (scope.n)
					pattern_scope(m, s, &scope, &cap, st->ss, st->se, out);
				scope.n = 0;
				if (lead_from != SIZE_MAX)
					lead_held(m, st, sc, lead_from, ce, &cur, out);
				joined = pattern_fact(st, &cap, out), joined_cap = cap;   /* a next of its scope may join it */
				continue;
			}
			read_clause(m, s, sc, q, cap.num_start, end, next, &rd);
			if (!rd.nsubj && q->depth > 0 && row_subj >= 0)   /* a row's breakdown: （其中维持31件、驳回6件） */
				rd.subj[0] = row_subj, rd.nsubj = 1, rd.inherited = 1;
			if (rd.inherited && figure_after_change(m, s, sc, ci, cap.num_start, cap.counter)) {
				rd.inherited = 0;   /* 案卷合格率较上年提高3.2个百分点，达到95.4%: the rate's own */
				verbs_of_clause(m, sc, ci - 1, &rd);   /* 评查案卷…，合格率较上年提高…，达到95.1% */
			}
			int listed = respective(m, sc, q, cap.num_start, &seen, &rd);
			if (listed < 0)
				continue;   /* its item names nothing the rules read */
			int own = q->sub && own_level(m, s, sc, q, cap.num_start);
			if (q->sub && !rd.own_subj && !rd.own_verb && !listed && !own)
				continue;   /* a breakdown of the total before it */
			if (own)
				rd.inherited = 0;   /* the body's own part: its whole's subject, as if named again */
			if (cap.num_end - cap.num_start < 6 + strlen(cap.counter) && !numeral_after_verb(m, sc, cap.num_start) &&
			    !figure_ends_clause(sc, cap.num_end) && lead_from == SIZE_MAX)
				continue;   /* 三项制度: a lone Chinese numeral counts after a verb (撤销六件), at the clause's
					     * end or before its 均 (六件文件…全部经…) */
			if (target_before(m, st, sc, cap.num_start) || ensured(m, st, sc, cap.num_start) ||
			    not_the_count(sc, cap.num_start) ||
			    changed_after(sc, s, cap.num_end))
				continue;
			int again = lead_from != SIZE_MAX && !verb_within(m, sc, sc->pos[q->k0], cap.num_start) ?
				    restated_metric(st, &cap, out) : -1;
			if (again >= 0) {   /* its 均 clause gives the earlier figure more verbs, read as that one was */
				given_add(&cur.given, again);
				cur.with.n = 0;
				subjects_of_metrics(m, &cur.given, &cur.with);
				cur.pending = 0;
				lead_held(m, st, sc, lead_from, ce, &cur, out);
				continue;
			}
			int verb;
			const struct rule *r = reading_rule(m, &rd, cap.counter, &last_subj, &verb);
			if (!r && q->row) {
				size_t fig = char_at(sc, cap.num_start);
				r = row_rule(m, &rd, cap.counter, sc, after_last_verb(m, sc, q->k0, fig), fig, &last_subj, &verb);
			}
			if (r && q->row)
				row_subj = last_subj;
			if (!r && own && (r = whole_rule(m, st, sc, out, before, HELD_BEFORE, cap.counter)))
				last_subj = r->subj[0], verb = -1;
			if (r && q->depth > 0 && !own && !rd.own_subj && part_of_whole(st, sc, r->metric, &cap, out))
				continue;   /* 纠错41件（撤销26件、确认违法11件…）: kinds of the whole before the bracket */
			int total = !r && !rd.own_subj && opens_total(s, sc, q, cap.num_start) ?
				    total_of_parts(st, &cap, out) : -1;
			if (total >= 0) {   /* its subjects are those of its metric's rules, read when needed */
				claim(sc, st->ss, cap.num_start, cap.num_end);
				add_fact(st, total, NULL, &cap, out, sc);
				given_add(&cur.given, total);
				cur.pending = 1;
				continue;
			}
			if (!r) {
				if (scope.n < COUNT(scope.v))
					scope.v[scope.n++] = cap;
				continue;
			}
			sum_scope(m, s, &scope, &cap);
			size_t body = strcmp(cap.counter, "个") && strcmp(cap.counter, "家") ? cap.num_start :
				      body_before(m, s, sc->pos[q->k0], cap.num_start);
			if (body == cap.num_start && strcmp(cap.counter, "个") == 0)
				body = kind_before(m, s, sc->pos[q->k0], cap.num_start, cap.num_end, ce);
			if (body < cap.num_start)   /* 县政府和38个县直部门全部聘请了法律顾问: 39 */
				cap.value += 1, cap.num_start = body;
			size_t named = body == cap.num_start && !scope.n && same_counter(cap.counter, "个") ?
					listed_before(m, s, sc->pos[q->k0], cap.num_start) : 0;
			if (named)   /* 对永昌县、金川区水务局和局属5个事业单位: 7 */
				cap.value += (double)named, cap.num_start = sc->pos[q->k0];
			if (scope_of_dui(s, sc->pos[q->k0], cap.num_start) &&
			    (same_counter(cap.counter, "个") || same_counter(cap.counter, "家")))
				cap.value += (double)named_after(s, cap.num_end, ce);   /* 3家事业单位和执法大队: 4 */
			scope.n = 0;
			claim(sc, st->ss, cap.num_start, cap.num_end);
			if (joined != (size_t)-1 && only_later_after(out, joined, cap.num_start) && out->v[joined].metric == r->metric &&
			    joined_cap.value == floor(joined_cap.value) && one_scope(m, s, &joined_cap, &cap)) {
				cap.value += joined_cap.value;   /* 36个人民调解委员会和4个行业性调解组织: one scope of 40 */
				cap.num_start = joined_cap.num_start;
				memmove(out->v + joined, out->v + joined + 1, (out->n - joined - 1) * sizeof *out->v);
				out->n--;
			}
			add_fact(st, r->metric, r->qualifier, &cap, out, sc);
			joined = out->n - 1, joined_cap = cap;
			given_add(&cur.given, r->metric);
			read_with(&cur.with, last_subj, &rd);
			const struct rule *r2 = rd.prev_subj >= 0 && last_subj == rd.subj[0] && cap.counter[0] == '%' ?
				rule_for(m, rd.prev_subj, 0, verb, cap.counter) : NULL;
			if (r2 && r2->metric != r->metric) {
				add_fact(st, r2->metric, r2->qualifier, &cap, out, sc);
				given_add(&cur.given, r2->metric);
			}
			if (lead_from != SIZE_MAX)
				lead_held(m, st, sc, lead_from, ce, &cur, out);
		}
		if (figures) {
			naming = 0;
			continue;
		}
		/* a clause of its own after a single item needs no 均 (案件1件，经复议予以维持; a pattern's:
		 * 以镇政府为被告的…案件1件，法院一审判决驳回…), unless it goes on to another act (并就…作出部署)
		 * after a pattern's; the clause right after the one item or after one saying what it was
		 * (系…), or one naming it (该项决策…) and those after that */
		int of_one = cur.cap.value == 1 && !cur.cap.mult && q->depth == sc->cl[cur.clause].depth;
		naming = of_one && (names_the_one(sc, q->k0) || naming);
		int after_one = ci == cur.clause + 1 || (ci == cur.clause + 2 && tells_what(sc, &sc->cl[ci - 1]));
		int next_of_one = after_one && (!cur.pending || !opens_and(sc, q->k0, q->k1));
		int single = ((of_one && (next_of_one || naming)) || (one && !q->depth)) && !opens_negated(sc, q->k0, q->k1);
		if (q->lead)
			lead_clause(m, st, sc, q, ce, &cur, before, HELD_BEFORE, out);
		else if (single)
			lead_held(m, st, sc, sc->pos[q->k0], ce, &cur, out);
	}
}

static int by_position(const void *a, const void *b)
{
	const struct facts_fact *x = a, *y = b;
	if (x->num_start != y->num_start)
		return x->num_start < y->num_start ? -1 : 1;
	return x->metric - y->metric;
}

/* Whether no clause ends in s[a, b); a note in brackets (村（社区）) ends none. */
static int one_clause(const char *s, size_t a, size_t b)
{
	while (a < b) {
		uint32_t c = cue_char(s, b, &a);
		if (c != '(' && c != ')' && is_clause_mark(c))
			return 0;
	}
	return 1;
}

/* Whether figure g of the sentence of f, a statement without a figure, states what f does: in
 * f's clause (7家单位被评为…示范点), before it with 其中 between (其中河口村…获评…: one of them), or
 * anywhere in the sentence when f gives a share (15个村聘请法律顾问，实现全覆盖). */
static int figure_states(const char *text, const struct facts_fact *g, const struct facts_fact *f)
{
	size_t a = g->num_start < f->num_start ? g->num_start : f->num_start;
	size_t b = g->num_start < f->num_start ? f->num_start : g->num_start;
	return f->unit[0] == '%' || one_clause(text, a, b) ||
	       (g->num_end < f->num_start && parse_find(text, g->num_end, f->num_start, "其中") != PARSE_NONE);
}

/* Whether a statement without a figure (获评…示范村, 无一败诉) adds nothing: the same words made
 * again, as a preamble repeats the year's awards, or read by two patterns in one sentence (一村一
 * 顾问…全覆盖 and 村（社区）法律顾问实现全覆盖; two awards of a sentence differ in their unit), or
 * a figure of the metric states it (figure_states; a village named in the clause after a count of
 * awards, 新增县级示范村3个，宏村被评为省级…, is one more). */
static int redundant(const struct report *r, const struct facts *out, size_t first, size_t kept,
		     const struct facts_fact *f)
{
	if (f->num_end != f->num_start)
		return 0;
	for (size_t k = first; k < out->n; k++) {
		const struct facts_fact *g = &out->v[k];
		if (g->metric == f->metric && g->start == f->start && g->num_end > g->num_start &&
		    figure_states(r->text, g, f))
			return 1;
	}
	size_t len = r->len - f->num_start < 12 ? r->len - f->num_start : 12;
	for (size_t k = first; k < kept; k++) {
		const struct facts_fact *g = &out->v[k];
		if (g->metric == f->metric && g->value == f->value && strcmp(g->unit, f->unit) == 0 &&
		    g->num_end == g->num_start && (g->start == f->start || (r->len - g->num_start >= len &&
		    memcmp(r->text + g->num_start, r->text + f->num_start, len) == 0)))
			return 1;
	}
	return 0;
}

/* Whether the figure whose counter ends at byte i, with the 余 or 以上 after it, ends its clause
 * (figure_ends_clause), in the sentence of sc that ends at byte b. */
static int count_ends_clause(const struct facts_model *m, const char *s, const struct scratch *sc, size_t b, size_t i)
{
	size_t end, w;
	if ((end = match_any(s, b, i, m->suffixes, COUNT(suffix_words), &w)))
		i = end;
	if ((end = match_at(s, b, i, "以上", 6)))
		i = end;
	return figure_ends_clause(sc, i);
}

/* Whether a 均 or 全部 about the figure ending at byte b follows in its clause (六件文件在印发前全部经…
 * 审查): a count, though in one Chinese digit. */
static int lead_after(const struct scratch *sc, size_t b)
{
	size_t k = char_at(sc, b), end = k;
	while (end < sc->nch && !is_clause_mark(sc->ch[end]))
		end++;
	return k < end && opens_lead(sc, k, end, NOUN_LEAD_SPAN);
}

/* The last subject outside brackets of the sentence the grammar read, or -1. */
static int last_subject(const struct facts_model *m, const struct scratch *sc)
{
	for (size_t h = sc->ngw; h-- > 0;)
		if (sc->gw[h].depth == 0 && sc->gw[h].part_end == SIZE_MAX && (m->kind[sc->gw[h].id] & WORD_SUBJECT))
			return sc->gw[h].id;
	return sc->carry;   /* none of its own: the one it took over goes on */
}

/* Whether the characters of the sentence before its colon at k are a row's label alone: no digit,
 * no clause's mark, at most ROW_LABEL of them. */
static int bare_row_label(const struct scratch *sc, size_t k)
{
	size_t k0 = 0;
	while (k0 < k && sc->ch[k0] == ' ')
		k0++;
	if (k0 == k || !row_label(sc, k0, k, 1))
		return 0;
	for (size_t j = k0; j < k; j++)
		if (sc->ch[j] == ' ')
			return 0;
	return 1;
}

/* Whether the number from character k to byte end ends its line after a bracket, as the figure
 * of a table row whose label names its counter does (受理（件）　1052, 受理（件）:1052), or after the
 * colon of a row kept in place whose label names none (行政复议收案: 58). */
static int row_number(const struct scratch *sc, size_t k, size_t end)
{
	size_t j = k;
	while (j < sc->nch && sc->pos[j] < end)
		j++;
	if (!blanks_to_end(sc, j))
		return 0;
	while (k > 0 && sc->ch[k - 1] == ' ')
		k--;
	if (k > 1 && sc->ch[k - 1] == ':' && sc->ch[k - 2] != ')')   /* 行政复议收案: 58, as a kept row reads */
		return bare_row_label(sc, k - 1);
	k -= k > 1 && sc->ch[k - 1] == ':' && sc->ch[k - 2] == ')';   /* 收到申请（件）:168 */
	return k > 0 && sc->ch[k - 1] == ')';
}

/* Whether the sentence (its characters are sc's; it ends at byte b) may hold a figure the clause
 * grammar reads: digits with a counter (12件, 5万余份; not 2021年), full-width digits, 十 百 千
 * 两, or a Chinese digit with a counter ending its clause (工作四次。) or after 先后 累计. A cheap test that spares
 * most sentences the grammar. */
static int may_hold_figure(const struct facts_model *m, const char *s, const struct scratch *sc, size_t b)
{
	for (size_t k = 0; k < sc->nch; k++) {
		uint32_t c = sc->ch[k];
		if (!(FIGURE_BITS & BIT(c)))
			continue;
		size_t i = sc->pos[k];
		double v;
		int lone = 0;   /* a Chinese digit: the grammar reads it only at its clause's end */
		if (c == 0x5341 || c == 0x767e || c == 0x5343 || c == 0x4e24)   /* 十 百 千 两 */
			return 1;
		if (c >= '0' && c <= '9') {
			if (s[i] != (char)c)   /* a full-width digit */
				return 1;
			i = past_digits(s, b, i);
		} else if (cn_digit(c) >= 1 || c == 0x96f6) {   /* 四次, 三项, 零件: a count in a Chinese digit (一 alone after its verb) */
			size_t used = facts_parse_number(s + i, b - i, &v);
			i += used;
			lone = used <= 3;   /* 二十份, 四十六名: a number of several characters is no lone digit */
		} else {
			continue;   /* another character with their bits */
		}
		size_t end, w;
		for (int more = 2; more-- > 0 && !counter_at(m, s, b, i, &end);)   /* 万 余 …, not 万元 */
			if ((end = match_any(s, b, i, m->suffixes, COUNT(suffix_words), &w)) ||
			    (end = cue_match_at(s, b, i, "万", 3)) || (end = cue_match_at(s, b, i, "亿", 3)))
				i = end;
		if (counter_at(m, s, b, i, &end) &&
		    (!lone || count_ends_clause(m, s, sc, b, end) || counting_adverb_before(sc, k) || lead_after(sc, end)))
			return 1;
		if (!lone && row_number(sc, k, i))
			return 1;
		while (k + 1 < sc->nch && sc->pos[k + 1] < i)   /* read on after what was read */
			k++;
	}
	return 0;
}

static int starts_in(const size_t *v, size_t n, size_t at)
{
	for (size_t k = 0; k < n; k++)
		if (v[k] == at)
			return 1;
	return 0;
}

/* A table of figures under a report often restates what its sentences said (立案查处案件（件）
 * 126 after 全年立案查处…案件126件): the figure of a row (rows[0..n) are where they start) that
 * gives a metric and value a sentence gave is dropped (metric -1). */
static void drop_restated_rows(struct facts *out, size_t first, const size_t *rows, size_t n)
{
	for (size_t i = first; n && i < out->n; i++) {
		struct facts_fact *f = &out->v[i];
		if (f->metric < 0 || !starts_in(rows, n, f->num_start))
			continue;
		for (size_t k = first; k < out->n; k++) {
			const struct facts_fact *g = &out->v[k];
			if (k != i && g->metric == f->metric && g->value == f->value && !starts_in(rows, n, g->num_start)) {
				f->metric = -1;
				break;
			}
		}
	}
}

/* The facts of out->v[first..) read in a row of a table kept in place (figure_rows_keep) are rows
 * (sc->rows) that drop_restated_rows drops where they restate a sentence (作出行政处罚决定　389件
 * under …作出行政处罚决定389件). */
static void mark_kept_rows(const struct facts *out, size_t first, const struct figure_rows_kept *kept,
			   struct scratch *sc)
{
	for (size_t i = first; i < out->n; i++)
		if (figure_rows_kept_holds(kept, out->v[i].num_start))
			add_row(sc, out->v[i].num_start);
}

#define CHANCE_VALUE 20   /* counts up to this many coincide by chance between two metrics */

/* A table annexed after the body mostly restates what its sentences said (城管执法立案　412件 beside
 * …立案查处各类违法行为412件): a figure of its rows (out->v[from] on) that a fact of the body
 * (out->v[first, from)) states in the same counter, whatever metric it was read as, is not
 * counted again; but a small count of another metric (撤销 4 beside 废止规范性文件4件) is a
 * figure of its own, as small counts of different things often come out the same. */
static void drop_restated_annex(struct facts *out, size_t first, size_t from)
{
	for (size_t i = from; i < out->n; i++)
		for (size_t k = first; k < from; k++)
			if (out->v[k].metric >= 0 && out->v[k].value == out->v[i].value &&
			    (out->v[k].metric == out->v[i].metric || out->v[i].value > CHANCE_VALUE) &&
			    strcmp(out->v[k].unit_norm, out->v[i].unit_norm) == 0) {
				out->v[i].metric = -1;
				break;
			}
}

/* Reads the sentences of [from, to) of st->r into out (the report's facts from out->v[first]). */
static void read_sentences(const struct facts_model *m, struct sentence *st, struct scratch *sc, size_t from,
			   size_t to, size_t first, struct facts *out)
{
	const char *s = st->r->text;
	st->line_start = st->line_end = st->stop_start = from;
	sc->carry = -1;
	for (size_t i = from; i < to;) {
		size_t ss = i;
		uint32_t c = 0;
		uint64_t seen = 0;   /* BIT() of its characters: a test for digits, 十 百 千 and 两 at once */
		sc->nch = 0;
		while (i < to) {   /* the sentence's characters, read once for the patterns and the grammar */
			size_t at = i;
			c = cue_char(s, to, &i);
			if (c == ',' && sc->nch && sc->ch[sc->nch - 1] >= '0' && sc->ch[sc->nch - 1] <= '9' &&
			    thousands_at(s, to, at))
				c = GROUP_MARK;   /* inside a figure (1,074家): no clause ends there */
			char_add(sc, at, c);
			if (c <= 0x3002 && sentence_end(c))   /* Chinese characters lie above: one test */
				break;
			seen |= BIT(c);
		}
		if (st->line_end <= ss) {
			const char *nl = memchr(s + ss, '\n', to - ss);
			st->line_end = nl ? (size_t)(nl - s) : to;
		}
		candidates(m, ss, sc);
		st->ss = ss, st->se = i, st->section = -2, st->target = (size_t)-2;
		/* may_hold_figure reads the digits and 十 百 千 两 seen tells of; none, and it says no */
		st->figure = m->nr && (((seen & FIGURE_BITS) && may_hold_figure(m, s, sc, i)) ||
				       (out->n > first && (aforesaid(sc) || names_the_one(sc, 0))));
		if (sc->ncand || st->figure)
			scan_sentence(m, st, out, sc);
		sc->carry = (c == ';' || c == 0x3002) && st->figure ? last_subject(m, sc) : -1;
		sc->carry_past_stop = c == 0x3002;
		if (c == '\n')
			st->line_start = i;
		if (c == '\n' || c == 0x3002)
			st->stop_start = i;
	}
}

/* Whether out->v[first, to) holds fact f already: its metric, read at its figure. */
static int read_before(const struct facts *out, size_t first, size_t to, const struct facts_fact *f)
{
	for (size_t k = first; k < to; k++)
		if (out->v[k].metric == f->metric && out->v[k].num_start == f->num_start)
			return 1;
	return 0;
}

/* The figures of the tables of [from, to) read as cells (figure_rows_cells; annexed: under a
 * caption): each cell is read as a row "label:figure counter" of a table written as lines, then
 * placed where its figure stands in its row. text is the report's as written. */
static void read_table_cells(const struct facts_model *m, const struct report *r, const char *text, size_t from,
			     size_t to, int annexed, struct scratch *sc, size_t first, struct facts *out)
{
	struct figure_cell v[TABLE_CELLS];
	size_t at[TABLE_CELLS];   /* where each figure starts in the lines read */
	size_t n = figure_rows_cells(text, from, to, r->meta.year, annexed, v, TABLE_CELLS);
	if (!n)
		return;
	struct buf lines;
	buf_init(&lines);
	for (size_t k = 0; k < n; k++) {
		buf_add(&lines, text + v[k].kind_start, v[k].kind_end - v[k].kind_start);   /* 行政复议 of 收到申请 */
		buf_add(&lines, text + v[k].label_start, v[k].label_end - v[k].label_start);
		buf_addc(&lines, ':');
		at[k] = lines.len;
		buf_add(&lines, text + v[k].value_start, v[k].value_end - v[k].value_start);
		buf_add(&lines, text + v[k].counter_start, v[k].counter_end - v[k].counter_start);
		buf_addc(&lines, '\n');
	}
	struct report one = *r;
	one.text = lines.data, one.len = lines.len;
	struct sentence st = { .r = &one };
	size_t added = out->n, nrows = sc->nrows;
	read_sentences(m, &st, sc, 0, lines.len, first, out);
	sc->nrows = nrows;   /* rows of the lines read: each cell is a table's row where it stands */
	for (size_t i = added; i < out->n; i++) {
		struct facts_fact *f = &out->v[i];
		size_t k = n;
		while (k > 0 && at[k - 1] > f->num_start)
			k--;
		size_t width = k ? v[k - 1].value_end - v[k - 1].value_start : 0;
		if (k-- == 0 || f->num_start >= at[k] + width) {
			f->metric = -1;   /* read in a label: no figure of the table */
			continue;
		}
		f->num_end = f->num_end - at[k] < width ? v[k].value_start + (f->num_end - at[k]) : v[k].value_end;
		f->num_start = v[k].value_start + (f->num_start - at[k]);
		f->start = v[k].row_start, f->end = v[k].row_end;
		f->section = report_section_at(r, f->start);
		f->period_start = f->period_end = 0;
		add_row(sc, f->num_start);
		if (read_before(out, first, added, f))
			f->metric = -1;   /* the row kept in place gave it already */
	}
	buf_fini(&lines);
}

/* The part of the report fact f stands in (classify.h), -1 when not classified. A fact of the
 * next year's plans states a target (年内新培育“法律明白人”20名以上), not what the year did. */
static int part_of(const struct report *r, const struct facts_fact *f)
{
	return f->section >= 0 && (size_t)f->section < r->nsections ? r->sections[f->section].part : -1;
}

/* 1 when fact f's figure is led by a word pointing back at what was counted before it (上述5项决策,
 * 前述3件, 这2件案件). */
static int points_back(const struct report *r, const struct facts_fact *f)
{
	static const char *const words[] = { "上述", "前述", "以上", "这" };
	for (size_t k = 0; k < COUNT(words); k++) {
		size_t n = strlen(words[k]);
		if (f->num_start >= n && memcmp(r->text + f->num_start - n, words[k], n) == 0)
			return 1;
	}
	return 0;
}

/* Whether fact f stands outside the area its metric counts in (an `area` line): neither in a
 * section of that topic nor in a paragraph naming it. Hearings are held on decisions and penalties
 * as on reviews (重大行政决策…召开听证会1次 is no review's hearing). */
static int outside_area(const struct facts_model *m, const struct report *r, const struct facts_fact *f)
{
	const struct metric *x = &m->m[f->metric];
	if (x->area < 0)
		return 0;
	const struct section *sec = f->section >= 0 && (size_t)f->section < r->nsections ? &r->sections[f->section] : NULL;
	if (!sec || sec->topic < 0 || sec->topic == x->area || sec->topic2 == x->area)
		return 0;   /* a report not classified keeps its figures */
	size_t a = f->start, b = f->end;   /* its paragraph, the line it stands on */
	while (a > 0 && r->text[a - 1] != '\n')
		a--;
	while (b < r->len && r->text[b] != '\n')
		b++;
	for (size_t k = 0; k < x->narea_words; k++)
		if (parse_find(r->text, a, b, x->area_words[k].s) != PARSE_NONE)
			return 0;
	return 1;
}

/* Whether fact f states again what a fact before it in out->v[first, n) stated, the same metric,
 * value and counter: its figure points back at those items (上述5项决策事项…), or it stands in the
 * problems part and the other did not (…败诉2件。… 三是…败诉的2件案件均暴露出…). */
static int restated(const struct report *r, const struct facts *out, size_t first, const struct facts_fact *f)
{
	int back = points_back(r, f);
	if (f->num_end == f->num_start || f->computed || (!back && part_of(r, f) != CLASSIFY_PROBLEMS))
		return 0;
	for (size_t k = first; k < out->n; k++) {
		const struct facts_fact *g = &out->v[k];
		if (g->metric == f->metric && g->num_start < f->num_start && g->num_end > g->num_start &&
		    g->value == f->value && strcmp(g->unit_norm, f->unit_norm) == 0 &&
		    (back || part_of(r, g) != CLASSIFY_PROBLEMS))
			return 1;
	}
	return 0;
}

#define LEVEL_NAME 20   /* characters of the next level's bodies: 旗县市（区）医疗纠纷人民调解工作室 */

/* Whether s[a, b), between two figures, opens the next level of a run: 、 和 or 及, then its
 * bodies' name, without figures or a clause's end (…1个、村人民调解委员会8个). */
static int next_level(const char *s, size_t a, size_t b)
{
	if (!parse_starts(s, a, b, "、") && !parse_starts(s, a, b, "和") && !parse_starts(s, a, b, "及"))
		return 0;
	size_t n = 0;
	for (size_t i = a + strlen("、"); i < b; n++) {
		uint32_t c = encoding_next(s, b, &i);
		if (numeral(c) || c == 0xff0c || c == 0xff1b || c == 0xff1a || c == 0x3002 || c == 0x3001 ||
		    c == ',' || c == ';' || c == ':' || c == '\n')
			return 0;
	}
	return n >= 2 && n <= LEVEL_NAME;
}

/* Bodies of a network counted level by level in one run (镇人民调解委员会1个、村人民调解委员会8个:
 * 9), of a metric the catalogue marks `network`, are one count: the facts of out->v[first..),
 * in text order, are joined into the first of the run. */
static void join_levels(const struct facts_model *m, const char *s, struct facts *out, size_t first)
{
	size_t kept = first;
	for (size_t k = first; k < out->n; k++) {
		const struct facts_fact *f = &out->v[k];
		struct facts_fact *p = kept > first ? &out->v[kept - 1] : NULL;
		if (p && p->metric == f->metric && m->m[f->metric].network && !p->computed && !f->computed &&
		    p->start == f->start && !strcmp(p->unit, f->unit) && p->num_end <= f->num_start &&
		    next_level(s, p->num_end, f->num_start)) {
			p->value += f->value;
			value_text(p->value_text, sizeof p->value_text, p->value);
			p->num_end = f->num_end;
			continue;
		}
		out->v[kept++] = *f;
	}
	out->n = kept;
}

size_t facts_extract(const struct facts_model *m, const struct report *r, struct facts *out)
{
	size_t first = out->n, body_end = r->body_end ? r->body_end : r->len, a, b;
	const char *text = r->text;
	/* a table's row is read in its label and one cell: the year reported on's, not the year before's */
	struct report kept;
	struct figure_rows_kept kept_rows;
	char *kept_text = figure_rows_keep(r->text, r->len, r->body_start, r->len, r->meta.year, &kept_rows);
	if (kept_text) {
		kept = *r;
		kept.text = kept_text;
		r = &kept;
	}
	struct scratch sc = { .seen = xcalloc(m->np + 1, sizeof *sc.seen + sizeof *sc.cand) };
	sc.cand = (int *)(sc.seen + m->np + 1);
	sc.occ_last = xmalloc((m->anchors.nw + 1) * sizeof *sc.occ_last);
	memset(sc.occ_last, 0xff, (m->anchors.nw + 1) * sizeof *sc.occ_last);
	struct sentence st = { .r = r };
	read_sentences(m, &st, &sc, r->body_start, body_end, first, out);
	read_table_cells(m, r, text, r->body_start, body_end, 0, &sc, first, out);
	/* the figures of a table annexed after the body (附件：2023年主要指标) are the report's too;
	 * its rows are found in the text as written, its cells not read blanked */
	size_t annexed = out->n;
	for (size_t from = body_end; figure_rows_annexed(text, from, r->len, &a, &b); from = b)
		read_sentences(m, &st, &sc, a, b, first, out);
	/* or the year's data in words (附件 / …行政执法数据 / 行政处罚：作出行政处罚决定87件…) */
	if (out->n == annexed && figure_rows_annexed_lines(text, body_end, r->len, &a))
		read_sentences(m, &st, &sc, a, r->len, first, out);
	read_table_cells(m, r, text, body_end, r->len, 1, &sc, first, out);
	drop_restated_annex(out, first, annexed);
	free(sc.gw);
	free(sc.cl);
	free(sc.seen);
	free(sc.pos);
	free(sc.ch);
	free(sc.spans);
	free(sc.owned);
	free(sc.next_bit);
	free(sc.occ);
	free(sc.occ_last);
	mark_kept_rows(out, first, &kept_rows, &sc);
	free(kept_rows.rows);
	drop_restated_rows(out, first, sc.rows, sc.nrows);
	free(sc.rows);
	size_t nkept = first;
	for (size_t k = first; k < out->n; k++)
		if (out->v[k].metric >= 0 && !redundant(r, out, first, nkept, &out->v[k]) &&
		    part_of(r, &out->v[k]) != CLASSIFY_PLANS && !outside_area(m, r, &out->v[k]) &&
		    !restated(r, out, first, &out->v[k]))
			out->v[nkept++] = out->v[k];
	out->n = nkept;
	free(kept_text);
	if (out->n - first > 1)
		qsort(out->v + first, out->n - first, sizeof *out->v, by_position);
	join_levels(m, r->text, out, first);
	return out->n - first;
}

/* ---- units and computed rates ---- */

void facts_unit_norm(const char *unit, char *dst, size_t size)
{
	static const char *const case_counters[] = { "宗", "起" };   /* read as 件 */
	const char *bar = strchr(unit, '|');
	size_t n = bar ? (size_t)(bar - unit) : strlen(unit), len = 0;
	const char *tail = "";
	for (size_t i = 0; i < COUNT(case_counters); i++) {
		size_t w = strlen(case_counters[i]);
		if (n >= w && memcmp(unit + n - w, case_counters[i], w) == 0) {
			n -= w, tail = "件";   /* 万宗 → 万件 */
			break;
		}
	}
	for (size_t i = 0; i < n; i++, len++)
		if (len < size)
			dst[len] = unit[i];
	put(dst, size, &len, tail);
	dst[len < size ? len : size - 1] = '\0';
}

size_t facts_bounds(const struct facts_model *m, const struct facts_bound **v)
{
	*v = m->b;
	return m->nb;
}

int facts_metric_computed(const struct facts_model *m, int metric)
{
	for (size_t i = 0; i < m->nc; i++)
		if (m->c[i].metric == metric)
			return 1;
	return 0;
}

/* A fact a rate can be computed from: a count, not a percentage; a statement without a figure
 * (无一败诉: 0) only as a numerator (figured 0). */
static int countable(const struct facts_fact *f, int figured)
{
	return !f->computed && (!figured || f->num_end > f->num_start) && f->unit[0] && f->unit[0] != '%' &&
	       strncmp(f->unit, "‰", strlen("‰")) != 0;
}

static size_t distance(const struct facts_fact *a, const struct facts_fact *b)
{
	return a->num_start > b->num_start ? a->num_start - b->num_start : b->num_start - a->num_start;
}

/* Index in f->v[first..n) of the countable fact of metric nearest to fact near (SIZE_MAX: near is
 * none, take the first), or SIZE_MAX when there is none. */
static size_t nearest(const struct facts *f, size_t first, size_t n, int metric, size_t near)
{
	size_t best = SIZE_MAX;
	for (size_t i = first; i < n; i++) {
		if (f->v[i].metric != metric || !countable(&f->v[i], near != SIZE_MAX))
			continue;
		if (near == SIZE_MAX)
			return i;
		if (best == SIZE_MAX || distance(&f->v[i], &f->v[near]) < distance(&f->v[best], &f->v[near]))
			best = i;
	}
	return best;
}

static int scoped(const struct facts_fact *f)
{
	return strchr(f->unit, '|') != NULL;
}

/* The other figures of num's metric in its sentence to add to it, into c->also: none unless each
 * of them and num names its kind by a scope note. Returns the numerator's sum. */
static double kinds_of(const struct facts *f, size_t first, size_t n, size_t num, struct facts_fact *c)
{
	const struct facts_fact *a = &f->v[num];
	double sum = a->value;
	c->nalso = 0;
	for (size_t i = first; i < n && scoped(a); i++) {
		const struct facts_fact *b = &f->v[i];
		if (i == num || b->metric != a->metric || b->start != a->start || !countable(b, 1) ||
		    b->num_start == a->num_start)
			continue;
		if (!scoped(b) || c->nalso == COUNT(c->also)) {
			c->nalso = 0;   /* a total stated beside them, or too many to name */
			return a->value;
		}
		c->also[c->nalso++] = i;
		sum += b->value;
	}
	return sum;
}

static void add_computed(struct facts *f, size_t first, int metric, size_t num, size_t den)
{
	f->v = xgrow(f->v, &f->cap, f->n + 1, sizeof *f->v);
	struct facts_fact *c = &f->v[f->n], *a = &f->v[num], *b = &f->v[den];
	memset(c, 0, sizeof *c);
	c->metric = metric;
	double sum = kinds_of(f, first, f->n, num, c);
	if (sum > b->value)
		return;   /* kinds of another scope than the denominator: no rate (f->n unchanged) */
	c->value = mathfn_round(sum / b->value * 10000) / 100;   /* a percentage to two decimals */
	value_text(c->value_text, sizeof c->value_text, c->value);
	snprintf(c->unit, sizeof c->unit, "%%|computed");
	snprintf(c->unit_norm, sizeof c->unit_norm, "%%");
	c->start = a->start, c->end = a->end;
	c->num_start = c->num_end = a->num_start;
	c->section = a->section;
	c->period_start = c->period_end = a->num_start;
	c->computed = 1;
	c->from[0] = num, c->from[1] = den;
	f->n++;
}

size_t facts_compute(const struct facts_model *m, struct facts *f, size_t first)
{
	size_t n = f->n;
	for (size_t i = 0; i < m->nc; i++) {
		const struct computed *c = &m->c[i];
		size_t num = nearest(f, first, n, c->num, SIZE_MAX), den = SIZE_MAX;
		for (size_t k = 0; num != SIZE_MAX && den == SIZE_MAX && k < c->nden; k++)
			den = nearest(f, first, n, c->den[k], num);
		/* a numerator above its denominator counts another scope (出庭 of all departments, 应诉 of
		 * the government alone): no rate */
		if (den != SIZE_MAX && f->v[den].value > 0 && f->v[num].value <= f->v[den].value)
			add_computed(f, first, c->metric, num, den);
	}
	return f->n - n;
}
