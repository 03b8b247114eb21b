/* facts.c — key metrics stated in a report, found by the patterns of a catalogue. */
#include "facts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cue.h"
#include "table.h"
#include "xmalloc.h"

/* Design limits: a gap (…) spans at most GAP_CHARS characters of one sentence; a pattern has at
 * most MAX_ELEMS parts. Matching backtracks, which is cheap on sentences of a few hundred bytes.
 *
 * Speed: a pattern is tried only in the sentences holding its anchor, the longest phrase every
 * match must contain (one scan of a cue set finds the anchors of all patterns), and there only
 * at the characters a match can begin with. Both filters skip only places where the pattern
 * cannot match, so the facts are those of trying every pattern at every character. */
#define GAP_CHARS 20
#define MAX_ELEMS 24

enum elem_kind { E_LIT, E_ALT, E_GAP, E_NUM, E_SKIP, E_FIXED };

struct word {
	const char *s;         /* owned by the model, except in the static tables below */
	size_t n;
};

struct elem {
	enum elem_kind kind;
	int optional;          /* E_ALT followed by ? */
	struct word *alt;      /* E_LIT: one string; E_ALT: the alternatives; E_NUM/E_SKIP: allowed counters */
	size_t nalt;
	double fixed;          /* E_FIXED: the value stated by the words */
};

/* The characters (folded by cue_char) a match can begin with. */
struct first {
	uint32_t *c;
	size_t n, cap;
	int any;               /* any character: the pattern opens with a gap */
	int figure;            /* a digit, a Chinese numeral or a qualifier such as 近 */
};

struct pattern {
	int metric;
	struct elem e[MAX_ELEMS];
	size_t n;
	char *qualifier;       /* static scope note appended to the unit, or NULL */
	struct first first;
};

struct metric {
	char *name, *label;
};

/* The patterns sharing one anchor phrase. */
struct group {
	int *v;
	size_t n, cap;
};

struct facts_model {
	struct metric *m;
	size_t nm, mcap;
	struct pattern *p;
	size_t np, pcap;
	struct cue_set *anchors;   /* data: index into g */
	struct group *g;
	size_t ng, gcap;
	struct group always;       /* patterns with no anchor, tried in every sentence */
};

#define W(s) { s, sizeof s - 1 }

/* Measure words a figure may carry, longest first so 人次 wins over 人. */
static const struct word counters[] = {
	W("个工作日"), W("件(次)"), W("人次"), W("批次"), W("件次"), W("条次"), W("场次"), W("户次"),
	W("万元"), W("亿元"), W("件"), W("起"), W("宗"), W("份"), W("条"), W("项"), W("次"), W("场"),
	W("家"), W("个"), W("名"), W("人"), W("户"), W("批"), W("张"), W("支"), W("所"), W("%"),
};
static const struct word prefixes[] = { W("不超过"), W("不少于"), W("超过"), W("近"), W("约"), W("逾") };
static const struct word suffixes[] = { W("余"), W("多") };

/* ---- numbers ---- */

static int digit_at(const char *s, size_t n, size_t i, size_t *next)
{
	if (i >= n)
		return -1;
	uint32_t c = cue_char(s, n, &i);
	*next = i;
	return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
}

static int cn_digit(uint32_t c)
{
	static const uint32_t d[] = { 0x96f6, 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d };
	for (int k = 0; k < 10; k++)
		if (c == d[k])
			return k;
	if (c == 0x4e24)   /* 两 */
		return 2;
	if (c == 0x3007)   /* 〇 */
		return 0;
	return -1;
}

static int cn_unit(uint32_t c)
{
	return c == 0x5341 ? 10 : c == 0x767e ? 100 : c == 0x5343 ? 1000 : 0;   /* 十 百 千 */
}

size_t facts_parse_number(const char *s, size_t n, double *value)
{
	size_t i = 0, next;
	int d = digit_at(s, n, 0, &next);
	if (d >= 0) {
		double v = 0, scale = 0;
		while ((d = digit_at(s, n, i, &next)) >= 0 || (scale == 0 && i < n && s[i] == '.' &&
							       digit_at(s, n, i + 1, &next) >= 0)) {
			if (d < 0) {
				scale = 1, i++;
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
	double total = 0, cur = -1;
	for (;;) {
		size_t j = i;
		if (j >= n)
			break;
		uint32_t c = cue_char(s, n, &j);
		int k = cn_digit(c), u = cn_unit(c);
		if (k >= 0)
			cur = k;
		else if (u)
			total += (cur < 0 ? 1 : cur) * u, cur = -1;
		else
			break;
		i = j;
	}
	if (i == 0)
		return 0;
	*value = total + (cur > 0 ? cur : 0);
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
	}
	free(m->m);
	for (size_t i = 0; i < m->np; i++) {
		for (size_t k = 0; k < m->p[i].n; k++)
			words_free(m->p[i].e[k].alt, m->p[i].e[k].nalt);
		free(m->p[i].qualifier);
		free(m->p[i].first.c);
	}
	free(m->p);
	for (size_t i = 0; i < m->ng; i++)
		free(m->g[i].v);
	free(m->g);
	free(m->always.v);
	cue_set_free(m->anchors);
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
	m->m[m->nm] = (struct metric){ xstrndup(s, n), NULL };
	return (int)m->nm++;
}

/* Splits s[0..n) at '|' into a fresh array. */
static struct word *split_bars(const char *s, size_t n, size_t *count)
{
	struct word *v = NULL;
	size_t k = 0, cap = 0, start = 0;
	for (size_t i = 0; i <= n; i++)
		if (i == n || s[i] == '|') {
			v = xgrow(v, &cap, k + 1, sizeof *v);
			v[k++] = (struct word){ xstrndup(s + start, i - start), i - start };
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
				if (len >= 2 && in[1] == ':')
					e->alt = split_bars(in + 2, len - 2, &e->nalt);
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
		e->alt = split_bars(s + i, j - i, &e->nalt);
		if (e->nalt != 1)
			return "| outside ( )";
		i = j;
	}
	return nums == 1 ? NULL : "a pattern needs exactly one {N} or {=VALUE:UNIT}";
}

static const char *load_line(struct facts_model *m, const char *s, size_t n)
{
	const char *f[4] = { 0 };
	size_t fl[4] = { 0 }, k = 0, start = 0;
	for (size_t i = 0; i <= n && k < 4; i++)
		if (i == n || s[i] == '\t')
			f[k] = s + start, fl[k++] = i - start, start = i + 1;
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

/* What match() needs at the first character, element by element (read_figure for a figure). */
static void first_of(const struct pattern *p, struct first *f)
{
	for (size_t ei = 0; ei < p->n; ei++) {
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
			for (size_t k = 0; k < sizeof prefixes / sizeof *prefixes; k++)
				first_add(f, &prefixes[k]);
			break;
		case E_FIXED:
			break;
		}
		if (!open)
			return;
	}
	f->any = 1;   /* the rest may match nothing, so anywhere */
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

static void index_patterns(struct facts_model *m)
{
	m->anchors = cue_set_new();
	for (size_t pi = 0; pi < m->np; pi++) {
		first_of(&m->p[pi], &m->p[pi].first);
		const struct elem *a = anchor_of(&m->p[pi]);
		if (!a) {
			group_add(&m->always, (int)pi);
			continue;
		}
		for (size_t k = 0; k < a->nalt; k++) {
			int g;
			if (!cue_set_find(m->anchors, a->alt[k].s, a->alt[k].n, &g)) {
				m->g = xgrow(m->g, &m->gcap, m->ng + 1, sizeof *m->g);
				memset(&m->g[m->ng], 0, sizeof *m->g);
				g = (int)m->ng++;
				cue_set_add(m->anchors, a->alt[k].s, a->alt[k].n, g);
			}
			group_add(&m->g[g], (int)pi);
		}
	}
}

struct facts_model *facts_model_new(const char *text, size_t n, char **cause)
{
	struct facts_model *m = xcalloc(1, sizeof *m);
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

struct capture {
	size_t num_start, num_end;   /* the figure with its qualifiers */
	double value;
	char unit[96];
	int found;
};

static size_t match_any(const char *s, size_t n, size_t i, const struct word *v, size_t nv, size_t *which)
{
	for (size_t k = 0; k < nv; k++) {
		size_t end = v[k].n ? cue_match_at(s, n, i, v[k].s, v[k].n) : i;
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
	       c == 0x00b7 || cn_digit(c) >= 0 || cn_unit(c);
}

static int trap_after(const char *s, size_t n, size_t i)
{
	if (i >= n)
		return 0;
	uint32_t c = cue_char(s, n, &i);
	return c == '+' || c == '-' || c == '.' || c == 0x7248 /* 版 */ || c == 0x5e74 /* 年 */ ||
	       c == 0x6708 /* 月 */ || c == 0x5c4a /* 届 */;
}

/* The counter at s[i] allowed by e (any measure word when e names none), or NULL; *end after it. */
static const char *read_counter(const char *s, size_t n, size_t i, const struct elem *e, size_t *end)
{
	size_t k;
	if (e->nalt) {
		*end = match_any(s, n, i, e->alt, e->nalt, &k);
		return *end ? e->alt[k].s : NULL;
	}
	*end = match_any(s, n, i, counters, sizeof counters / sizeof *counters, &k);
	return *end ? counters[k].s : NULL;
}

/* Reads a figure at s[i]: [qualifier] number [万|亿] [余|多] counter [以上]. */
static size_t read_figure(const char *s, size_t n, size_t i, const struct elem *e, struct capture *cap)
{
	size_t start = i, k, end;
	const char *pre = NULL, *suf = NULL, *mult = "";
	if ((end = match_any(s, n, i, prefixes, sizeof prefixes / sizeof *prefixes, &k)))
		pre = prefixes[k].s, i = end;
	if (trap_before(char_before(s, i)))
		return 0;
	double v;
	size_t len = facts_parse_number(s + i, n - i, &v);
	if (!len)
		return 0;
	i += len;
	if ((end = match_any(s, n, i, suffixes, 2, &k)))
		suf = suffixes[k].s, i = end;
	const char *counter = read_counter(s, n, i, e, &end);
	if (!counter && !suf && (cue_match_at(s, n, i, "万", 3) || cue_match_at(s, n, i, "亿", 3))) {
		mult = s[i + 2] == '\x87' ? "万" : "亿", i += 3;
		if ((end = match_any(s, n, i, suffixes, 2, &k)))
			suf = suffixes[k].s, i = end;
		counter = read_counter(s, n, i, e, &end);
	}
	if (!counter)
		return 0;
	i = end;
	if (trap_after(s, n, i) && !counter[0])
		return 0;
	if (!suf && (end = match_any(s, n, i, suffixes, 2, &k)))   /* 1188余人 and 60条余 both occur */
		suf = suffixes[k].s, i = end;
	const char *above = NULL;
	if ((end = cue_match_at(s, n, i, "以上", 6)))
		above = "以上", i = end;
	cap->num_start = start, cap->num_end = i, cap->value = v, cap->found = 1;
	snprintf(cap->unit, sizeof cap->unit, "%s%s%s%s%s%s%s", mult, counter, pre || suf || above ? "|" : "",
		 pre ? pre : "", suf ? (pre ? ";" : "") : "", suf ? suf : "",
		 above ? (pre || suf ? ";以上" : "以上") : "");
	return i;
}

static int sentence_end(uint32_t c)
{
	return c == 0x3002 || c == ';' || c == '!' || c == '?' || c == '\n';
}

static int match(const struct pattern *p, size_t ei, const char *s, size_t n, size_t i, struct capture *cap)
{
	if (ei == p->n)
		return 1;
	const struct elem *e = &p->e[ei];
	size_t end, k;
	switch (e->kind) {
	case E_LIT:
		end = cue_match_at(s, n, i, e->alt[0].s, e->alt[0].n);
		return end && match(p, ei + 1, s, n, end, cap);
	case E_ALT:
		for (k = 0; k < e->nalt; k++) {
			end = e->alt[k].n ? cue_match_at(s, n, i, e->alt[k].s, e->alt[k].n) : i;
			if (end && match(p, ei + 1, s, n, end, cap))
				return 1;
		}
		return e->optional && match(p, ei + 1, s, n, i, cap);
	case E_GAP:
		for (int c = 0; c <= GAP_CHARS && i <= n; c++) {
			if (match(p, ei + 1, s, n, i, cap))
				return 1;
			if (i == n || sentence_end(cue_char(s, n, &i)))
				return 0;
		}
		return 0;
	case E_NUM: {
		struct capture mine = { 0 };
		end = read_figure(s, n, i, e, &mine);
		if (!end || !match(p, ei + 1, s, n, end, cap))
			return 0;
		*cap = mine;
		return 1;
	}
	case E_SKIP: {
		struct capture skip = { 0 };
		end = read_figure(s, n, i, e, &skip);
		return end && match(p, ei + 1, s, n, end, cap);
	}
	case E_FIXED:
		if (!match(p, ei + 1, s, n, i, cap))
			return 0;
		cap->found = 1, cap->value = e->fixed;
		snprintf(cap->unit, sizeof cap->unit, "%s", e->alt[0].s);
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

/* Scratch of one facts_extract call, reused from sentence to sentence. */
struct scratch {
	struct cue_hits hits;        /* anchors in the sentence */
	size_t *seen;                /* per pattern: 1 + start of the last sentence that listed it */
	int *cand;                   /* patterns to try, in catalogue order: the first still claims a figure */
	size_t ncand;
	size_t *pos;                 /* the sentence's characters: where each starts, */
	uint32_t *ch;                /* and what it reads as */
	size_t nch, chcap;
	unsigned char *owned;        /* per byte of the sentence: CLAIMED_FIGURE | CLAIMED_POINT */
	size_t ownedcap;
	size_t period_line;          /* 1 + start of the line spans describes, or 0 */
	struct span *spans;          /* in text order */
	size_t nspans, spancap;
};

/* What the facts found so far in a sentence hold: the bytes of their figures, and the places of
 * the statements without one. A sentence may state thousands of figures: a mark per byte keeps
 * each claim check as short as the figure. */
enum { CLAIMED_FIGURE = 1, CLAIMED_POINT = 2 };

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
	for (size_t i = line_start, end; i < n; i++) {
		unsigned char b = (unsigned char)text[i];
		if ((b >= '0' && b <= '9') || b == 0xef)   /* a digit, half- or full-width */
			if ((end = month_range(text, line_start, n, i)))
				span_add(sc, i, end, MONTHS);
		if (b == 0xe6 && cue_match_at(text, n, i, "截至", 6))
			span_add(sc, i, i + 6, LEAD_UPTO);
		else if (b == 0xe6 && cue_match_at(text, n, i, "截止", 6))
			span_add(sc, i, i + 6, LEAD_UNTIL);
	}
}

/* The reporting period stated before `at` on its line, which ends at line_end: the last
 * 截至/截止… up to a comma, or the first "N-M月". */
static void find_period(const char *text, size_t line_start, size_t line_end, size_t at, struct scratch *sc,
			size_t *ps, size_t *pe)
{
	*ps = *pe = 0;
	if (sc->period_line != line_start + 1)
		period_spans(text, line_start, line_end, sc);
	for (int k = LEAD_UPTO; k <= LEAD_UNTIL; k++) {
		size_t last = (size_t)-1;
		for (size_t h = 0; h < sc->nspans; h++)
			if (sc->spans[h].kind == k && sc->spans[h].end <= at)
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
		if (sc->spans[h].kind == MONTHS && sc->spans[h].end <= at) {
			*ps = sc->spans[h].start, *pe = sc->spans[h].end;
			return;
		}
}


static void value_text(char *dst, size_t cap, double v)
{
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
/* unit, then the pattern's qualifier after "|" (or ";" when unit has qualifiers already).
 * A unit too long for dst is cut at a character boundary: units are short in practice. */
static void add_qualifier(char *dst, size_t cap, const char *unit, const char *qualifier)
{
	struct buf b = { 0 };
	buf_adds(&b, unit);
	if (qualifier) {
		buf_addc(&b, strchr(unit, '|') ? ';' : '|');
		buf_adds(&b, qualifier);
	}
	size_t n = b.len < cap ? b.len : cap - 1;
	while (n > 0 && n < b.len && ((unsigned char)b.data[n] & 0xc0) == 0x80)
		n--;
	memcpy(dst, b.data, n);
	dst[n] = '\0';
	buf_fini(&b);
}


static int numeral(uint32_t c)
{
	return (c >= '0' && c <= '9') || cn_digit(c) >= 0 || cn_unit(c);
}

static int may_begin(const struct first *f, uint32_t c)
{
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

/* Lists the patterns whose anchor occurs in the sentence s[ss..se), and those without one. */
static void candidates(const struct facts_model *m, const char *s, size_t ss, size_t se, struct scratch *sc)
{
	sc->ncand = 0;
	cue_set_scan_all(m->anchors, s + ss, se - ss, &sc->hits);
	for (size_t h = 0; h < sc->hits.n; h++) {
		const struct group *g = &m->g[sc->hits.v[h].data];
		for (size_t k = 0; k < g->n; k++)
			if (sc->seen[g->v[k]] != ss + 1) {
				sc->seen[g->v[k]] = ss + 1;
				sc->cand[sc->ncand++] = g->v[k];
			}
	}
	if (m->always.n) {
		memcpy(sc->cand + sc->ncand, m->always.v, m->always.n * sizeof *sc->cand);
		sc->ncand += m->always.n;
	}
	insertion_sort(sc->cand, sc->ncand);
}

/* Reads the characters of the sentence s[ss..se) once for all the patterns tried there. */
static void read_chars(const char *s, size_t ss, size_t se, struct scratch *sc)
{
	sc->nch = 0;
	for (size_t i = ss; i < se; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (sc->nch == sc->chcap) {
			sc->pos = xgrow(sc->pos, &sc->chcap, sc->nch + 1, sizeof *sc->pos);
			sc->ch = xrealloc(sc->ch, sc->chcap * sizeof *sc->ch);
		}
		size_t j = i;
		sc->pos[sc->nch] = i;
		sc->ch[sc->nch++] = cue_char(s, se, &j);
	}
}

/* A sentence being scanned: [ss, se) of r, on the line [line_start, line_end). */
struct sentence {
	const struct report *r;
	size_t ss, se, line_start, line_end;
	int section;   /* deepest section holding it, once a fact needs it; -2 before */
};

static void add_fact(struct sentence *st, const struct pattern *p, const struct capture *cap, struct facts *out,
		     struct scratch *sc)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct facts_fact *f = &out->v[out->n++];
	memset(f, 0, sizeof *f);
	f->metric = p->metric;
	f->value = cap->value;
	value_text(f->value_text, sizeof f->value_text, cap->value);
	add_qualifier(f->unit, sizeof f->unit, cap->unit, p->qualifier);
	f->start = st->ss, f->end = st->se;
	f->num_start = cap->num_start, f->num_end = cap->num_end;
	if (p->metric < 0)
		return;   /* a claim only: dropped once the report is done */
	if (st->section == -2)
		st->section = report_section_at(st->r, st->ss);
	f->section = st->section;
	size_t at = cap->num_start > st->ss ? cap->num_start : st->ss;
	find_period(st->r->text, st->line_start, st->line_end, at, sc, &f->period_start, &f->period_end);
}

/* Tries the candidate patterns in catalogue order, each at every character it may begin with. */
static void scan_sentence(const struct facts_model *m, struct sentence *st, struct facts *out, struct scratch *sc)
{
	read_chars(st->r->text, st->ss, st->se, sc);
	/* Figures of earlier sentences lie before ss: only this sentence's can claim. */
	size_t len = st->se - st->ss + 1;
	if (len > sc->ownedcap)
		sc->owned = xgrow(sc->owned, &sc->ownedcap, len, 1);
	memset(sc->owned, 0, len);
	for (size_t ci = 0; ci < sc->ncand; ci++) {
		const struct pattern *p = &m->p[sc->cand[ci]];
		for (size_t k = 0; k < sc->nch; k++) {
			if (!may_begin(&p->first, sc->ch[k]))
				continue;
			size_t i = sc->pos[k];
			struct capture cap = { 0 };
			if (!match(p, 0, st->r->text, st->se, i, &cap) || !cap.found)
				continue;
			if (cap.num_end == 0)   /* a fixed value: the words themselves are the figure */
				cap.num_start = i, cap.num_end = i;
			if (cap.num_end > cap.num_start && claimed(sc, st->ss, cap.num_start, cap.num_end))
				continue;
			claim(sc, st->ss, cap.num_start, cap.num_end);
			add_fact(st, p, &cap, out, sc);
			if (cap.num_end == cap.num_start)
				break;   /* one negative statement per sentence and pattern */
		}
	}
}

static int by_position(const void *a, const void *b)
{
	const struct facts_fact *x = a, *y = b;
	if (x->num_start != y->num_start)
		return x->num_start < y->num_start ? -1 : 1;
	return x->metric - y->metric;
}

/* A statement without a figure (获评…示范村) made again, as a preamble repeats the year's awards. */
static int repeated(const struct facts *out, size_t first, size_t kept, const struct facts_fact *f)
{
	if (f->num_end != f->num_start)
		return 0;
	for (size_t k = first; k < kept; k++)
		if (out->v[k].metric == f->metric && out->v[k].value == f->value && strcmp(out->v[k].unit, f->unit) == 0)
			return 1;
	return 0;
}

size_t facts_extract(const struct facts_model *m, const struct report *r, struct facts *out)
{
	size_t first = out->n, body_end = r->body_end ? r->body_end : r->len;
	struct scratch sc = { .seen = xcalloc(m->np + 1, sizeof *sc.seen + sizeof *sc.cand) };
	sc.cand = (int *)(sc.seen + m->np + 1);
	struct sentence st = { .r = r, .line_start = r->body_start, .line_end = r->body_start };
	for (size_t i = r->body_start; i < body_end;) {
		size_t ss = i;
		uint32_t c = 0;
		while (i < body_end) {
			c = cue_char(r->text, body_end, &i);
			if (sentence_end(c))
				break;
		}
		if (st.line_end <= ss) {
			const char *nl = memchr(r->text + ss, '\n', body_end - ss);
			st.line_end = nl ? (size_t)(nl - r->text) : body_end;
		}
		candidates(m, r->text, ss, i, &sc);
		st.ss = ss, st.se = i, st.section = -2;
		if (sc.ncand)
			scan_sentence(m, &st, out, &sc);
		if (c == '\n')
			st.line_start = i;
	}
	cue_hits_fini(&sc.hits);
	free(sc.seen);
	free(sc.pos);
	free(sc.ch);
	free(sc.spans);
	free(sc.owned);
	size_t kept = first;
	for (size_t k = first; k < out->n; k++)
		if (out->v[k].metric >= 0 && !repeated(out, first, kept, &out->v[k]))
			out->v[kept++] = out->v[k];
	out->n = kept;
	if (out->n - first > 1)
		qsort(out->v + first, out->n - first, sizeof *out->v, by_position);
	return out->n - first;
}
