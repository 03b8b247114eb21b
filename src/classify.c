/* classify.c — sorts the sections and paragraphs of a report into PART × TOPIC with a tunable cue table. */
#include "classify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cue.h"
#include "table.h"
#include "xmalloc.h"

/* A heading is "decisive" at this score (one weight-3 cue); below it the parent or the body decide. */
#define DECISIVE 3
/* Heading cues weigh this much more than one occurrence of a cue in the body. */
#define HEADING_FACTOR 3
/* Score of problem cues a paragraph needs to switch a measures chapter to problems. */
#define SWITCH_SCORE 4
/* A body names its topic only when that topic scores a point per this many bytes (about 33
 * characters): a section on one area repeats its terms, while a section ranging over many things
 * (a 政府工作报告's 民生 chapter) mentions each in passing and stays general. */
#define BODY_DENSITY 100
/* A paragraph names a topic of its own at this score with at least one decisive cue among it:
 * 行政复议 with a second cue of the area (收到行政复议申请15件,纠错2件). */
#define ALSO_SCORE 5

static const char *const part_names[CLASSIFY_NPARTS] = {
	"measures", "problems", "leader_duty", "plans", "other", "preamble", "noise"
};
static const char *const part_labels[CLASSIFY_NPARTS] = {
	"举措成效", "问题不足", "第一责任人履职", "下一年安排", "其他", "导语", "非正文"
};
static const char *const topic_names[CLASSIFY_NTOPICS] = {
	"general", "leadership", "functions", "business", "rules", "decision", "enforcement",
	"emergency", "dispute", "review", "supervision", "openness", "digital", "publicity",
	"legal_service", "grassroots", "none"
};
static const char *const topic_labels[CLASSIFY_NTOPICS] = {
	"总体", "组织领导与推进机制", "政府职能与放管服", "法治化营商环境", "制度建设与规范性文件",
	"重大行政决策", "行政执法", "突发事件应对与风险防控", "矛盾纠纷多元化解", "行政复议与行政应诉",
	"行政权力制约监督", "政务公开", "数字法治政府", "普法与法治社会", "公共法律服务", "基层社会治理", "无"
};

struct tcue {
	int topic, weight, topic2;
};

struct strs {
	char **v;
	size_t n, cap;
};

enum { BODY_PROBLEMS_STRONG, BODY_PROBLEMS_WEAK, BODY_PLANS, NBODY };

/* A part cue "A", or "A…B": B after A in the same sentence. */
struct lcue {
	char *b;      /* B, owned; NULL for a cue "A"; the whole cue when odd */
	size_t bn;
	int next;     /* the next cue with the same A, or -1 */
	int list;     /* the list of the table it belongs to (below) */
	int odd;      /* nothing before the …: not in heads, tried alone */
};

/* Lists of part cues, all searched in one pass over the text rather than once per cue and list:
 * heads holds each distinct A (data: its first cue in v), and the cues sharing an A are chained. */
struct cuelist {
	struct cue_set *heads;
	struct lcue *v;
	size_t n, cap;
	size_t nodd;
};

/* The lists of the part cues: heading cues of part p are list p, early ones CLASSIFY_NPARTS + p. */
#define EARLY(p) (CLASSIFY_NPARTS + (p))

struct classify_model {
	struct cue_set *cues;          /* data = index into tc */
	struct tcue *tc;
	size_t ntc, tccap;
	int rank[CLASSIFY_NTOPICS];    /* tie-break: lower wins */
	struct strs focus;             /* heading grammar patterns */
	struct cuelist parts;   /* heading and early (tried before the year rule) cues of the parts */
	struct cuelist body;    /* lists BODY_* */
};

const char *classify_part_name(int part)
{
	return part >= 0 && part < CLASSIFY_NPARTS ? part_names[part] : NULL;
}

const char *classify_part_label(int part)
{
	return part >= 0 && part < CLASSIFY_NPARTS ? part_labels[part] : NULL;
}

const char *classify_topic_name(int topic)
{
	return topic >= 0 && topic < CLASSIFY_NTOPICS ? topic_names[topic] : NULL;
}

const char *classify_topic_label(int topic)
{
	return topic >= 0 && topic < CLASSIFY_NTOPICS ? topic_labels[topic] : NULL;
}

static int lookup(const char *const *names, int n, const char *s, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
			return i;
	return -1;
}

int classify_part_id(const char *name)
{
	return lookup(part_names, CLASSIFY_NPARTS, name, strlen(name));
}

int classify_topic_id(const char *name)
{
	return lookup(topic_names, CLASSIFY_NTOPICS, name, strlen(name));
}

/* ---- loading the table ---- */

static void strs_add(struct strs *s, const char *p, size_t n)
{
	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
	s->v[s->n++] = xstrndup(p, n);
}

static void strs_fini(struct strs *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i]);
	free(s->v);
}

static void cuelist_add(struct cuelist *l, int list, const char *w, size_t n)
{
	char *cue = xstrndup(w, n);
	const char *gap = strstr(cue, "…");
	size_t alen = gap ? (size_t)(gap - cue) : n;
	struct lcue c = { NULL, 0, -1, list, alen == 0 };
	int head;
	if (c.odd) {
		c.b = cue, c.bn = n;
		l->nodd++;
	} else if (gap) {
		c.b = xstrdup(gap + strlen("…"));
		c.bn = strlen(c.b);
	}
	if (!l->heads)
		l->heads = cue_set_new();
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
	if (!c.odd && cue_set_find(l->heads, cue, alen, &head)) {
		c.next = l->v[head].next;
		l->v[head].next = (int)l->n;
	} else if (!c.odd) {
		cue_set_add(l->heads, cue, alen, (int)l->n);
	}
	l->v[l->n++] = c;
	if (!c.odd)
		free(cue);
}

static void cuelist_fini(struct cuelist *l)
{
	cue_set_free(l->heads);
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].b);
	free(l->v);
}

void classify_model_free(struct classify_model *m)
{
	if (!m)
		return;
	cue_set_free(m->cues);
	free(m->tc);
	strs_fini(&m->focus);
	cuelist_fini(&m->parts);
	cuelist_fini(&m->body);
	free(m);
}

/* Splits a line at TABs into at most max fields; returns the count. */
static int split_tabs(const char *s, size_t n, const char **f, size_t *fl, int max)
{
	int k = 0;
	size_t start = 0;
	for (size_t i = 0; i <= n && k < max; i++) {
		if (i == n || s[i] == '\t') {
			f[k] = s + start;
			fl[k++] = i - start;
			start = i + 1;
		}
	}
	return k;
}

/* Calls add(m, word, len, arg) for each space-separated word of s[0..n). */
static void each_word(const char *s, size_t n, void (*add)(struct classify_model *, const char *, size_t, void *),
		      struct classify_model *m, void *arg)
{
	size_t i = 0;
	while (i < n) {
		while (i < n && s[i] == ' ')
			i++;
		size_t j = i;
		while (j < n && s[j] != ' ')
			j++;
		if (j > i)
			add(m, s + i, j - i, arg);
		i = j;
	}
}

static void add_topic_cue(struct classify_model *m, const char *w, size_t n, void *arg)
{
	const struct tcue *t = arg;
	m->tc = xgrow(m->tc, &m->tccap, m->ntc + 1, sizeof *m->tc);
	m->tc[m->ntc] = *t;
	cue_set_add(m->cues, w, n, (int)m->ntc++);
}

/* Where a part cue goes: a list of m->parts or m->body. */
struct dest {
	struct cuelist *l;
	int list;
};

static void add_part_cue(struct classify_model *m, const char *w, size_t n, void *arg)
{
	const struct dest *d = arg;
	(void)m;
	cuelist_add(d->l, d->list, w, n);
}

static int topic_of(const char *s, size_t n)
{
	int t = lookup(topic_names, CLASSIFY_NTOPICS, s, n);
	return t > CLASSIFY_GENERAL && t < CLASSIFY_NONE ? t : -1;
}

static int weight_of(const char *s, size_t n)
{
	return n == 1 && s[0] >= '1' && s[0] <= '9' ? s[0] - '0' : -1;
}

/* Reads one non-comment line; returns NULL or a static reason. */
static const char *load_line(struct classify_model *m, const char *s, size_t n)
{
	const char *f[6];
	size_t fl[6];
	int k = split_tabs(s, n, f, fl, 6);
	const char *kind = f[0];
	size_t kl = fl[0];
#define IS(word) (kl == sizeof word - 1 && memcmp(kind, word, kl) == 0)
	if (IS("topic")) {
		struct tcue t = { k > 1 ? topic_of(f[1], fl[1]) : -1, k > 2 ? weight_of(f[2], fl[2]) : -1, -1 };
		if (k != 4 || t.topic < 0 || t.weight < 0)
			return "expected: topic ID WEIGHT CUES";
		each_word(f[3], fl[3], add_topic_cue, m, &t);
	} else if (IS("cue")) {
		struct tcue t = { k > 2 ? topic_of(f[2], fl[2]) : -1, k > 3 ? weight_of(f[3], fl[3]) : -1,
				  k > 4 ? topic_of(f[4], fl[4]) : -1 };
		if (k < 4 || k > 5 || t.topic < 0 || t.weight < 0 || (k == 5 && t.topic2 < 0))
			return "expected: cue PHRASE ID WEIGHT [ID2]";
		add_topic_cue(m, f[1], fl[1], &t);
	} else if (IS("order")) {
		int r = 0;
		for (size_t i = 0; k == 2 && i < fl[1];) {
			size_t j = i;
			while (j < fl[1] && f[1][j] != ' ')
				j++;
			int t = topic_of(f[1] + i, j - i);
			if (t < 0)
				return "unknown topic in order";
			m->rank[t] = r++;
			i = j + 1;
		}
		if (k != 2)
			return "expected: order ID...";
	} else if (IS("focus")) {
		if (k != 2 || !memchr(f[1], '@', fl[1]))
			return "expected: focus PATTERN with one @";
		strs_add(&m->focus, f[1], fl[1]);
	} else if (IS("part")) {
		int p = k == 4 ? lookup(part_names, CLASSIFY_NPARTS, f[1], fl[1]) : -1;
		struct dest dst = { NULL, 0 };
		if (p >= 0 && fl[2] == 7 && memcmp(f[2], "heading", 7) == 0)
			dst = (struct dest){ &m->parts, p };
		else if ((p == CLASSIFY_PLANS || p == CLASSIFY_MEASURES) && fl[2] == 5 && memcmp(f[2], "early", 5) == 0)
			dst = (struct dest){ &m->parts, EARLY(p) };
		else if (p == CLASSIFY_PROBLEMS && fl[2] == 5 && memcmp(f[2], "body3", 5) == 0)
			dst = (struct dest){ &m->body, BODY_PROBLEMS_STRONG };
		else if (p == CLASSIFY_PROBLEMS && fl[2] == 5 && memcmp(f[2], "body1", 5) == 0)
			dst = (struct dest){ &m->body, BODY_PROBLEMS_WEAK };
		else if (p == CLASSIFY_PLANS && fl[2] == 4 && memcmp(f[2], "body", 4) == 0)
			dst = (struct dest){ &m->body, BODY_PLANS };
		if (!dst.l)
			return "expected: part ID heading|early|body CUES";
		each_word(f[3], fl[3], add_part_cue, m, &dst);
	} else {
		return "unknown kind (topic, cue, order, focus, part)";
	}
#undef IS
	return NULL;
}

struct classify_model *classify_model_new(const char *text, size_t n, char **cause)
{
	struct classify_model *m = xcalloc(1, sizeof *m);
	m->cues = cue_set_new();
	for (int t = 0; t < CLASSIFY_NTOPICS; t++)
		m->rank[t] = CLASSIFY_NTOPICS + t;
	size_t line = 0;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(text + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - text) : n, len = end - i;
		if (len && text[i + len - 1] == '\r')
			len--;
		line++;
		if (len && text[i] != '#') {
			const char *why = load_line(m, text + i, len);
			if (why) {
				if (cause)
					*cause = xasprintf("line %zu: %s", line, why);
				classify_model_free(m);
				return NULL;
			}
		}
		i = end + 1;
	}
	if (cue_set_count(m->cues) == 0) {
		if (cause)
			*cause = xstrdup("no topic cues");
		classify_model_free(m);
		return NULL;
	}
	return m;
}

static struct classify_model *default_model;

static void *parse_taxonomy(const char *text, size_t len, char **cause)
{
	return classify_model_new(text, len, cause);
}

const struct classify_model *classify_default(char **cause)
{
	if (!default_model)
		default_model = table_load("FAZHI_TAXONOMY", "taxonomy.tsv", parse_taxonomy, cause);
	return default_model;
}

void classify_default_free(void)
{
	classify_model_free(default_model);
	default_model = NULL;
}

/* ---- scoring text ---- */

struct scores {
	int v[CLASSIFY_NTOPICS];
	int top[CLASSIFY_NTOPICS];   /* the heaviest cue of each topic met */
	size_t first[CLASSIFY_NTOPICS];   /* where each topic's first cue starts; SIZE_MAX none */
	int by_place;               /* equal scores: the topic named first wins (a heading) */
	int hint2;          /* secondary topic named by the strongest override cue, or -1 */
	int hint_weight;
	const char *scored;          /* the text first[] counts from (a heading's focus or all of it) */
};

static int best_of(const struct classify_model *m, const struct scores *sc, int skip)
{
	const int *v = sc->v;
	int best = -1;
	for (int t = CLASSIFY_GENERAL + 1; t < CLASSIFY_NONE; t++) {
		if (t == skip || v[t] <= 0)
			continue;
		if (best < 0 || v[t] > v[best])
			best = t;
		else if (v[t] == v[best] && sc->by_place && sc->first[t] != sc->first[best])
			best = sc->first[t] < sc->first[best] ? t : best;
		else if (v[t] == v[best] && m->rank[t] < m->rank[best])
			best = t;
	}
	return best;
}

/* Adds the cues in s[0..n) to *sc; with once, each cue counts once (headings). */
static void score_text(const struct classify_model *m, const char *s, size_t n, int once,
		       struct scores *sc, struct cue_hits *hits)
{
	cue_set_scan(m->cues, s, n, hits);
	for (size_t k = 0; k < hits->n; k++) {
		int id = hits->v[k].data;
		if (once) {
			size_t j = 0;
			while (j < k && hits->v[j].data != id)
				j++;
			if (j < k)
				continue;
		}
		const struct tcue *t = &m->tc[id];
		sc->v[t->topic] += t->weight;
		if (t->weight > sc->top[t->topic])
			sc->top[t->topic] = t->weight;
		if (hits->v[k].start < sc->first[t->topic])
			sc->first[t->topic] = hits->v[k].start;
		if (t->topic2 >= 0 && t->weight > sc->hint_weight) {
			sc->hint2 = t->topic2;
			sc->hint_weight = t->weight;
		}
	}
}

static void scores_clear(struct scores *sc)
{
	memset(sc, 0, sizeof *sc);
	for (int t = 0; t < CLASSIFY_NTOPICS; t++)
		sc->first[t] = SIZE_MAX;
	sc->hint2 = -1;
}

/* Glob match of pattern p (with * and one @) against s; the @ range goes to cs and ce. */
static int glob(const char *p, size_t pn, const char *s, size_t sn, size_t si, size_t *cs, size_t *ce)
{
	if (pn == 0)
		return si == sn;
	if (p[0] == '*' || p[0] == '@') {
		for (size_t k = sn; k + 1 > si; k--) {
			if (k < sn && ((unsigned char)s[k] & 0xc0) == 0x80)
				continue;
			if (p[0] == '@' && k == si)
				continue;
			if (glob(p + 1, pn - 1, s, sn, k, cs, ce)) {
				if (p[0] == '@')
					*cs = si, *ce = k;
				return 1;
			}
		}
		return 0;
	}
	size_t pi = 0;
	uint32_t pc = cue_char(p, pn, &pi);
	if (si >= sn || cue_char(s, sn, &si) != pc)
		return 0;
	return glob(p + pi, pn - pi, s, sn, si, cs, ce);
}

/* Whether p can match s at all: its first run of plain characters, read as glob reads them, is
 * somewhere in s. Most headings fail here, without glob's trials of every place for * and @. */
static int may_glob(const char *p, size_t pn, const char *s, size_t n)
{
	size_t start = 0, i;
	while (start < pn && (p[start] == '*' || p[start] == '@'))
		start++;
	for (i = start; i < pn && p[i] != '*' && p[i] != '@';)
		cue_char(p, pn, &i);
	return i == start || cue_find_one(s, n, 0, p + start, i - start) != (size_t)-1;
}

/* Scores a heading: the focus of its grammar when that names a topic, else all of it. */
static void score_heading(const struct classify_model *m, const char *s, size_t n, struct scores *sc,
			  struct cue_hits *hits)
{
	for (size_t f = 0; f < m->focus.n; f++) {
		size_t cs = 0, ce = 0;
		const char *p = m->focus.v[f];
		size_t pn = strlen(p);
		if (!may_glob(p, pn, s, n) || !glob(p, pn, s, n, 0, &cs, &ce))
			continue;
		scores_clear(sc);
		sc->by_place = 1;
		sc->scored = s + cs;
		score_text(m, s + cs, ce - cs, 1, sc, hits);
		if (best_of(m, sc, -1) >= 0)
			return;
	}
	scores_clear(sc);
	sc->by_place = 1;
	sc->scored = s;
	score_text(m, s, n, 1, sc, hits);
}

static int secondary(const struct classify_model *m, const struct scores *sc, int best)
{
	int second = best_of(m, sc, best);
	if (second >= 0 && sc->v[second] >= 2)
		return second;
	return sc->hint2 != best ? sc->hint2 : -1;
}

/* Whether s[from..to) holds the end of a clause: a heading's clauses part at ， ； and ,. */
static int clause_between(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to;) {
		uint32_t c = cue_char(s, to, &i);
		if (c == ',' || c == ';')
			return 1;
	}
	return 0;
}

/* The topic of a scored heading (-1: none) and its second (-1: none). A heading whose clauses
 * name two areas decisively (深化“放管服”改革，优化营商环境; 自觉接受监督，推进政务公开) merges two
 * chapters of the outline and stands for the one it names first: the outline's own headings put
 * first the area a chapter is about (健全行政权力制约和监督体系，促进行政权力规范透明运行), the
 * sub-areas it holds after. */
static int heading_topic(const struct classify_model *m, const struct scores *sc, int *topic2)
{
	int best = best_of(m, sc, -1), second = best >= 0 ? secondary(m, sc, best) : -1;
	if (best >= 0 && second >= 0 && sc->v[best] >= DECISIVE && sc->v[second] >= DECISIVE &&
	    sc->first[second] < sc->first[best] && clause_between(sc->scored, sc->first[second], sc->first[best]))
		*topic2 = best, best = second;
	else
		*topic2 = second;
	return best;
}

int classify_heading(const struct classify_model *m, const char *s, size_t n, int *topic2, int *score)
{
	struct scores sc;
	struct cue_hits hits = { 0 };
	score_heading(m, s, n, &sc, &hits);
	cue_hits_fini(&hits);
	int second, best = heading_topic(m, &sc, &second);
	if (topic2)
		*topic2 = second;
	if (score)
		*score = best >= 0 ? sc.v[best] : 0;
	return best >= 0 ? best : CLASSIFY_GENERAL;
}

/* ---- parts ---- */

static int sentence_end(uint32_t c)
{
	return c == 0x3002 || c == ';' || c == '!' || c == '?' || c == '\n';
}

/* The end of the sentence of s[0..n) starting at i: past its 。 ; ! ? (either width) or newline.
 * Bytes, not characters: it runs over every paragraph of a compare. */
static size_t sentence_stop(const char *s, size_t n, size_t i)
{
	static const unsigned char may_stop[256] = {   /* the bytes a stop begins with */
		[';'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, [0xE3] = 1, [0xEF] = 1,
	};
	const unsigned char *u = (const unsigned char *)s;
	for (; i < n; i++) {
		if (!may_stop[u[i]]) {
			i += encoding_step(u[i]) - 1;   /* report text is clean UTF-8 */
			continue;
		}
		if (u[i] == ';' || u[i] == '!' || u[i] == '?' || u[i] == '\n')
			return i + 1;
		if (i + 2 < n && ((u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x82) ||
				  (u[i] == 0xEF && u[i + 1] == 0xBC && (u[i + 2] == 0x9B || u[i + 2] == 0x81 || u[i + 2] == 0x9F))))
			return i + 3;
	}
	return n;
}

/* Whether b[0..bn) begins at s[i] or later in the sentence holding s[i]. */
static int follows(const char *s, size_t n, size_t i, const char *b, size_t bn)
{
	while (i < n) {
		if (cue_match_at(s, n, i, b, bn))
			return 1;
		if (sentence_end(cue_char(s, n, &i)))
			break;
	}
	return 0;
}

/* Whether s[0..n) holds cue "A" or "A…B" (B after A in the same sentence). */
static int has_cue(const char *s, size_t n, const char *cue)
{
	const char *gap = strstr(cue, "…");
	size_t alen = gap ? (size_t)(gap - cue) : strlen(cue);
	for (size_t from = 0;;) {
		size_t a = cue_find_one(s, n, from, cue, alen);
		if (a == (size_t)-1)
			return 0;
		if (!gap)
			return 1;
		const char *b = gap + strlen("…");
		if (follows(s, n, cue_match_at(s, n, a, cue, alen), b, strlen(b)))
			return 1;
		from = a + 1;
	}
}

/* Whether cue c of a list holds at an occurrence of its A that ends at s[end]. */
static int cue_holds(const struct lcue *c, const char *s, size_t n, size_t end)
{
	return !c->b || follows(s, n, end, c->b, c->bn);
}

/* The lists of l holding a cue in s[0..n), as a mask of 1 << list; hits is scratch. */
static unsigned lists_held(const struct cuelist *l, const char *s, size_t n, struct cue_hits *hits)
{
	unsigned held = 0;
	for (size_t i = 0; l->nodd && i < l->n; i++)
		if (l->v[i].odd && !(held >> l->v[i].list & 1) && has_cue(s, n, l->v[i].b))
			held |= 1u << l->v[i].list;
	if (!l->heads || cue_set_scan_all(l->heads, s, n, hits) == 0)
		return held;
	for (size_t h = 0; h < hits->n; h++)
		for (int c = hits->v[h].data; c >= 0; c = l->v[c].next)
			if (!(held >> l->v[c].list & 1) && cue_holds(&l->v[c], s, n, hits->v[h].end))
				held |= 1u << l->v[c].list;
	return held;
}

static int by_data(const void *a, const void *b)
{
	const struct cue_hit *x = a, *y = b;
	return (x->data > y->data) - (x->data < y->data);
}

/* Adds to k[list] how many cues of each list s[0..n) holds, each counted once: the hits are
 * taken an A at a time. */
static void count_cues(const struct cuelist *l, const char *s, size_t n, struct cue_hits *hits, int *k)
{
	for (size_t i = 0; l->nodd && i < l->n; i++)
		if (l->v[i].odd)
			k[l->v[i].list] += has_cue(s, n, l->v[i].b);
	if (!l->heads || cue_set_scan_all(l->heads, s, n, hits) == 0)
		return;
	qsort(hits->v, hits->n, sizeof *hits->v, by_data);
	for (size_t h = 0, run; h < hits->n; h = run) {
		for (run = h; run < hits->n && hits->v[run].data == hits->v[h].data; run++)
			;
		for (int c = hits->v[h].data; c >= 0; c = l->v[c].next) {
			size_t j = h;
			while (j < run && !cue_holds(&l->v[c], s, n, hits->v[j].end))
				j++;
			k[l->v[c].list] += j < run;
		}
	}
}

/* The first year s names as "yyyy年" (20th or 21st century, ASCII or full-width digits), or 0. */
static int named_year(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i, k;
		int y = 0, digits = 0;
		uint32_t c = 0;
		for (; j < n; j = k, digits++) {
			k = j;
			c = cue_char(s, n, &k);
			if (c < '0' || c > '9')
				break;
			if (digits < 5)
				y = y * 10 + (int)(c - '0');
		}
		if (digits == 4 && c == 0x5E74 && y >= 1900 && y < 2100)   /* 年 */
			return y;
		if (digits == 0)
			cue_char(s, n, &i);
		else
			i = j;   /* the first character after the digits */
	}
	return 0;
}

/* classify_heading_part, with hits for scratch. */
static int heading_part(const struct classify_model *m, const char *s, size_t n, int year, struct cue_hits *hits)
{
	static const int cued[] = { CLASSIFY_NOISE, CLASSIFY_PROBLEMS, CLASSIFY_LEADER_DUTY, CLASSIFY_OTHER };
	unsigned held = lists_held(&m->parts, s, n, hits);
	for (size_t i = 0; i < sizeof cued / sizeof cued[0]; i++)
		if (held >> cued[i] & 1)
			return cued[i];
	if (held >> EARLY(CLASSIFY_PLANS) & 1)
		return CLASSIFY_PLANS;
	if (held >> EARLY(CLASSIFY_MEASURES) & 1)
		return CLASSIFY_MEASURES;
	int y = named_year(s, n);
	if (year > 0 && y > 0)   /* P3: the report year is reviewed, a later one planned */
		return y > year ? CLASSIFY_PLANS : CLASSIFY_MEASURES;
	if (held >> CLASSIFY_PLANS & 1)
		return CLASSIFY_PLANS;
	if (held >> CLASSIFY_MEASURES & 1)
		return CLASSIFY_MEASURES;
	return -1;
}

/* Whether a heading names plans: a word for next (下一步, 明年), a later year, or, when loose, a
 * plan's noun too (工作打算, 工作任务), which also reads in a problem (与工作任务不匹配). */
static int names_plans(const struct classify_model *m, const char *s, size_t n, int year, int loose,
		       struct cue_hits *hits)
{
	unsigned held = lists_held(&m->parts, s, n, hits);
	int y = named_year(s, n);
	return (held >> EARLY(CLASSIFY_PLANS) & 1) || (year > 0 && y > year) || (loose && (held >> CLASSIFY_PLANS & 1));
}

int classify_heading_part(const struct classify_model *m, const char *s, size_t n, int year)
{
	struct cue_hits hits = { 0 };
	int part = heading_part(m, s, n, year, &hits);
	cue_hits_fini(&hits);
	return part;
}

/* ---- whole reports ---- */

void classify_paras_fini(struct classify_paras *p)
{
	free(p->part);
	free(p->topic);
	free(p->also);
	memset(p, 0, sizeof *p);
}

int classify_para_switched(const struct report *r, const struct classify_paras *p, size_t para)
{
	int s = r->paras[para].section;
	return s >= 0 && para < p->n && p->part[para] != r->sections[s].part;
}

unsigned classify_para_also(const struct classify_paras *p, size_t para)
{
	return para < p->n ? p->also[para] : 0;
}

static unsigned part_bit(int part)
{
	return part >= CLASSIFY_MEASURES && part <= CLASSIFY_OTHER ? 1u << part : 0;
}

/* The principal leaders' duty for rule-of-law building, as reports state it done in a chapter of
 * measures: by its name (第一责任人), or as its principal leaders, however named, doing what the
 * duty has them do (区委、区政府主要负责人认真履行推进法治建设…; 局主要负责人…专题述法;
 * 主要负责同志带头学习习近平法治思想). An act "B…C" follows the leader in the same sentence, C
 * after B. */
static const char *const duty_leaders[] = { "主要负责人", "主要负责同志", "主要领导", "一把手" };
static const char *const duty_acts[] = {
	"述法", "专题研究…法治", "主持…法治", "履行…法治", "带头…法治", "法治建设责任", "依法履职", "抓法治",
};

/* Whether the pieces of cue ("B…C"), each after the one before, follow s[i] in its sentence. */
static int pieces_follow(const char *s, size_t n, size_t i, const char *cue)
{
	if (!*cue)
		return 1;
	const char *gap = strstr(cue, "…");
	size_t len = gap ? (size_t)(gap - cue) : strlen(cue);
	const char *rest = gap ? gap + strlen("…") : "";
	while (i < n) {
		size_t end = cue_match_at(s, n, i, cue, len);
		if (end && pieces_follow(s, n, end, rest))
			return 1;
		if (sentence_end(cue_char(s, n, &i)))
			break;
	}
	return 0;
}

/* Whether s[0..n) names a principal leader doing one of the duty's acts. */
static int leader_acts(const char *s, size_t n)
{
	for (size_t l = 0; l < sizeof duty_leaders / sizeof duty_leaders[0]; l++) {
		size_t len = strlen(duty_leaders[l]);
		for (size_t from = 0, a; (a = cue_find_one(s, n, from, duty_leaders[l], len)) != (size_t)-1; from = a + 1) {
			size_t end = cue_match_at(s, n, a, duty_leaders[l], len);
			for (size_t k = 0; k < sizeof duty_acts / sizeof duty_acts[0]; k++)
				if (pieces_follow(s, n, end, duty_acts[k]))
					return 1;
		}
	}
	return 0;
}

int classify_para_states_leader_duty(const struct report *r, const struct classify_paras *p, size_t k)
{
	if (k >= r->npara || k >= p->n)
		return 0;
	int part = p->part[k];
	if (!(part == CLASSIFY_MEASURES || part == CLASSIFY_PREAMBLE || part == CLASSIFY_OTHER))
		return 0;
	const char *s = r->text + r->paras[k].start;
	size_t n = r->paras[k].end - r->paras[k].start;
	return has_cue(s, n, "第一责任人") || leader_acts(s, n);
}

void classify_parts_covered(const struct report *r, const struct classify_paras *p, unsigned *headed,
                            unsigned *unheaded)
{
	unsigned h = 0, u = 0;
	for (size_t i = 0; i < r->nsections; i++)
		h |= part_bit(r->sections[i].part);
	for (size_t k = 0; p && k < p->n; k++)
		u |= part_bit(p->part[k]);
	for (size_t k = 0; p && !((h | u) & 1u << CLASSIFY_LEADER_DUTY) && k < p->n; k++)
		if (classify_para_states_leader_duty(r, p, k))
			u |= 1u << CLASSIFY_LEADER_DUTY;
	*headed = h;
	*unheaded = u & ~h;
}

static int has_children(const struct report *r, size_t i)
{
	return i + 1 < r->nsections && r->sections[i + 1].parent == (int)i;
}

static int specific(int topic)
{
	return topic > CLASSIFY_GENERAL && topic < CLASSIFY_NONE;
}

/* 1 for a chapter of the report: a section at the top, or one right under a part (第一部分, level
 * 0), whose chapters are read as top ones are. */
static int is_chapter(const struct report *r, const struct section *sec)
{
	return sec->parent < 0 || r->sections[sec->parent].level == 0;
}

/* Topic of section i from its heading, its parent and (for leaves) its body. */
static void section_topic(const struct classify_model *m, struct report *r, size_t i, int part_cued,
			  struct cue_hits *hits)
{
	struct section *sec = &r->sections[i];
	const char *title = r->text + sec->title_start;
	size_t tn = sec->title_end - sec->title_start;
	struct scores sc;
	score_heading(m, title, tn, &sc, hits);
	int second, best = heading_topic(m, &sc, &second), hs = best >= 0 ? sc.v[best] : 0;
	int parent = sec->parent >= 0 ? r->sections[sec->parent].topic : -1;

	sec->topic = best >= 0 ? best : CLASSIFY_GENERAL;
	sec->topic2 = second;
	if (hs >= DECISIVE)
		return;
	if (part_cued && is_chapter(r, sec)) {   /* a part heading: 二、存在问题 */
		sec->topic = CLASSIFY_GENERAL, sec->topic2 = -1;
		return;
	}
	if (specific(parent)) {
		sec->topic2 = best >= 0 && best != parent ? best : -1;
		sec->topic = parent;
		return;
	}
	if (has_children(r, i))   /* containers take nothing from their children */
		return;
	for (int t = 0; t < CLASSIFY_NTOPICS; t++)
		sc.v[t] *= HEADING_FACTOR;
	sc.by_place = 0;
	size_t body = sec->end - sec->head_end;
	score_text(m, r->text + sec->head_end, body, 0, &sc, hits);
	best = best_of(m, &sc, -1);
	if (best >= 0 && sc.v[best] >= DECISIVE && (size_t)sc.v[best] * BODY_DENSITY >= body) {
		sec->topic = best;
		sec->topic2 = secondary(m, &sc, best);
	}
}

/* The year the report reviews, for the year rule: when its top-level headings name two or more
 * years, the earliest of them (一、2014年工作回顾 / 二、2015年主要工作任务), which holds even when
 * the year read from the title or the body is off; else the report's own year. */
static int review_year(const struct report *r)
{
	int lo = 0, hi = 0;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *sec = &r->sections[i];
		if (sec->parent >= 0)
			continue;
		int y = named_year(r->text + sec->title_start, sec->title_end - sec->title_start);
		if (y && (!lo || y < lo))
			lo = y;
		if (y > hi)
			hi = y;
	}
	return lo && hi > lo ? lo : r->meta.year;
}

static int announces_plans(const struct classify_model *m, const char *s, size_t n, int year, struct cue_hits *hits);

/* The text of paragraph k that is not its section's heading. */
static void para_text(const struct report *r, size_t k, const char **s, size_t *n)
{
	const struct para *pa = &r->paras[k];
	size_t start = pa->start;
	if (pa->section >= 0 && r->sections[pa->section].para == (int)k && r->sections[pa->section].head_end > start)
		start = r->sections[pa->section].head_end;
	*s = r->text + start;
	*n = pa->end > start ? pa->end - start : 0;
}

/* In a chapter on problems that turns to plans in its own text (六、存在的问题和下一步工作, then
 * "…2021年,我区将重点做好以下工作:" and (一)(二)… the plans), the paragraph announcing them, or -1. */
static int plans_announced(const struct classify_model *m, const struct report *r, size_t chapter, int year,
			   struct cue_hits *hits)
{
	for (size_t k = r->sections[chapter].para >= 0 ? (size_t)r->sections[chapter].para : 0; k < r->npara; k++) {
		if (r->paras[k].start >= r->sections[chapter].end)
			break;
		if (r->paras[k].section != (int)chapter)
			continue;
		const char *s;
		size_t n;
		para_text(r, k, &s, &n);
		if (announces_plans(m, s, n, year, hits))
			return (int)k;
	}
	return -1;
}

/* The part a chapter with no part's cue belongs to, until one names another: the measures, or
 * in a 述法报告 (a leader's account of the duty to advance the rule of law) that duty. */
static int default_part(const struct report *r)
{
	return r->meta.title && strstr(r->meta.title, "述法") ? CLASSIFY_LEADER_DUTY : CLASSIFY_MEASURES;
}

static void classify_sections(const struct classify_model *m, struct report *r, struct cue_hits *hits)
{
	int current = default_part(r);   /* part of the latest top-level section */
	int year = review_year(r);
	int chapter = -1;                  /* the latest top-level section */
	size_t plans_from = (size_t)-1;    /* in a problems chapter: where its plans begin */
	for (size_t i = 0; i < r->nsections; i++) {
		struct section *sec = &r->sections[i];
		const char *title = r->text + sec->title_start;
		size_t tn = sec->title_end - sec->title_start;
		int cued = heading_part(m, title, tn, year, hits);
		if (cued == CLASSIFY_NOISE) {
			sec->part = CLASSIFY_NOISE, sec->topic = CLASSIFY_NONE, sec->topic2 = -1;
			continue;
		}
		/* A chapter of a part (第一部分 …) that names a part itself is read as a top chapter is:
		 * 六、党政主要负责人履行…职责情况 under 第一部分 is the leaders' duty. */
		int in_part = sec->parent >= 0 && is_chapter(r, sec) && cued >= 0;
		if (sec->parent >= 0 && !in_part) {
			/* 三、存在的问题和2017年工作打算 / （二）2017年工作打算: the plans begin at that heading; a
			 * plan's noun alone begins them only where the chapter's heading names plans too */
			if (sec->parent == chapter && r->sections[chapter].part == CLASSIFY_PROBLEMS &&
			    cued == CLASSIFY_PLANS && sec->start < plans_from &&
			    (names_plans(m, title, tn, year, 0, hits) ||
			     names_plans(m, r->text + r->sections[chapter].title_start,
					 r->sections[chapter].title_end - r->sections[chapter].title_start, year, 1, hits)))
				plans_from = sec->start;
			sec->part = r->sections[sec->parent].part;
			if (sec->parent == chapter && sec->start >= plans_from)
				sec->part = CLASSIFY_PLANS;
			cued = -1;
		} else {
			/* P5: no cue means measures, unless a later part has begun. */
			sec->part = cued >= 0 ? cued : current;
			current = sec->part;
			chapter = (int)i;
			plans_from = (size_t)-1;
			int k = sec->part == CLASSIFY_PROBLEMS ? plans_announced(m, r, i, year, hits) : -1;
			if (k >= 0)
				plans_from = r->paras[k].end;
		}
		section_topic(m, r, i, cued >= 0, hits);
	}
}

/* Problem cues in a paragraph: strong ones weigh 3, supporting ones 1. */
static int problem_score(const struct classify_model *m, const char *s, size_t n, struct cue_hits *hits)
{
	int k[NBODY] = { 0 };
	count_cues(&m->body, s, n, hits, k);
	return 3 * k[BODY_PROBLEMS_STRONG] + k[BODY_PROBLEMS_WEAK];
}

/* Plans announced in running text: a cue, or "<year+1>年,…将" in one sentence. */
static int announces_plans(const struct classify_model *m, const char *s, size_t n, int year, struct cue_hits *hits)
{
	if (lists_held(&m->body, s, n, hits) >> BODY_PLANS & 1)
		return 1;
	char cue[32];
	if (year <= 0)
		return 0;
	snprintf(cue, sizeof cue, "%d年,…将", year + 1);
	return has_cue(s, n, cue);
}

/* Text of a 一是… point up to its first 。, the point's own heading. */
static size_t lead_sentence(const char *s, size_t n)
{
	const char *stop = NULL;
	for (size_t i = 0; i + 3 <= n; i++)
		if (memcmp(s + i, "。", 3) == 0) {
			stop = s + i;
			break;
		}
	return stop ? (size_t)(stop - s) : n;
}

/* P4: the tail of the last measures chapter may turn to problems and plans without a heading. */
static void find_switches(const struct classify_model *m, const struct report *r, struct classify_paras *p,
			  struct cue_hits *hits)
{
	if (r->nsections == 0)
		return;
	int year = review_year(r);
	for (size_t i = 0; i < r->nsections; i++) {   /* a problems chapter turning to plans */
		int k = r->sections[i].parent < 0 && r->sections[i].part == CLASSIFY_PROBLEMS ? plans_announced(m, r, i, year, hits) : -1;
		if (k < 0)
			continue;
		const char *s;
		size_t n;
		para_text(r, (size_t)k, &s, &n);
		if (announces_plans(m, s, lead_sentence(s, n), year, hits))   /* it opens with them: its own */
			p->part[k] = CLASSIFY_PLANS, p->topic[k] = CLASSIFY_GENERAL;
		for (size_t q = (size_t)k + 1; q < r->npara && r->paras[q].section == (int)i; q++)
			p->part[q] = CLASSIFY_PLANS, p->topic[q] = CLASSIFY_GENERAL;
	}
	size_t last = r->nsections - 1;   /* deepest last section of each top-level chapter */
	for (size_t i = 0; i < r->nsections; i++) {
		if (r->sections[i].parent >= 0 || r->sections[i].part != CLASSIFY_MEASURES)
			continue;
		last = i;
		while (last + 1 < r->nsections && r->sections[last + 1].parent >= (int)i)
			last++;
		int now = -1;
		for (size_t k = 0; k < r->npara; k++) {
			const struct para *pa = &r->paras[k];
			if (pa->section != (int)last || pa->kind == PARA_HEADING)
				continue;
			const char *s = r->text + pa->start;
			size_t n = pa->end - pa->start;
			if (now < 0 && problem_score(m, s, n, hits) >= SWITCH_SCORE) {
				p->part[k] = CLASSIFY_PROBLEMS, p->topic[k] = CLASSIFY_GENERAL;
				if (announces_plans(m, s, n, year, hits))
					now = CLASSIFY_PLANS;
				else
					now = CLASSIFY_PROBLEMS;
				continue;
			}
			if (now != CLASSIFY_PLANS && pa->kind == PARA_TEXT && announces_plans(m, s, n, year, hits)) {
				p->part[k] = CLASSIFY_PLANS, p->topic[k] = CLASSIFY_GENERAL;
				now = CLASSIFY_PLANS;
				continue;
			}
			if (now < 0 || (pa->kind == PARA_TEXT && !has_cue(s, n, "。")))
				continue;   /* a signature or a date line closing the report */
			p->part[k] = now;
			p->topic[k] = CLASSIFY_GENERAL;
			if (pa->kind == PARA_POINT) {
				struct scores sc;
				score_heading(m, s, lead_sentence(s, n), &sc, hits);
				int best = best_of(m, &sc, -1);
				if (best >= 0)
					p->topic[k] = best;
			}
		}
	}
}

/* Whether s[0..n) states a figure: digits not naming a date (2022年, 3月, 5日). */
static int has_figure(const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		uint32_t c = cue_char(s, n, &i);
		if (c < '0' || c > '9')
			continue;
		size_t j = i;
		while (j < n && (c = cue_char(s, n, &j)) >= '0' && c <= '9')
			i = j;
		if (i >= n || (c != 0x5E74 && c != 0x6708 && c != 0x65E5 && c != 0x53F7))   /* 年 月 日 号 */
			return 1;
		i = j;
	}
	return 0;
}

/* The topics a paragraph's text (an inline heading's paragraph: the text after the heading)
 * states strongly: those scoring ALSO_SCORE in it, with a sentence that reaches ALSO_SCORE with
 * a decisive cue or states a figure next to one (sentences, so that a long paragraph touching
 * many areas in passing does not state each). Its topic becomes the one of them scoring most (a
 * 一是 point keeps the one its lead sentence names). Its also mask gets that topic when it
 * outscores the topic of the row holding the paragraph, and every topic it states that no
 * section of its part has (covered[part]): a report stating measures or figures of an area
 * never shows an empty cell for it. */
static void para_topics(const struct classify_model *m, const struct report *r, struct classify_paras *p, size_t k,
			const unsigned *covered, struct cue_hits *hits)
{
	const struct para *pa = &r->paras[k];
	int s = pa->section;
	if (s < 0 || p->part[k] == CLASSIFY_NOISE)
		return;
	const struct section *sec = &r->sections[s];
	size_t start = pa->start;
	if (sec->para == (int)k && sec->head_end > start)
		start = sec->head_end;
	if (start >= pa->end)
		return;
	const char *text = r->text + start;
	size_t n = pa->end - start;
	if (cue_set_scan(m->cues, text, n, hits) == 0)
		return;
	int total[CLASSIFY_NTOPICS] = { 0 }, sent[CLASSIFY_NTOPICS] = { 0 }, top[CLASSIFY_NTOPICS] = { 0 };
	unsigned stands = 0;
	size_t h = 0, from = 0;
	while (from < n) {
		size_t end = sentence_stop(text, n, from);
		unsigned touched = 0;
		for (; h < hits->n && hits->v[h].start < end; h++) {
			const struct tcue *t = &m->tc[hits->v[h].data];
			total[t->topic] += t->weight;
			sent[t->topic] += t->weight;
			if (t->weight > top[t->topic])
				top[t->topic] = t->weight;
			touched |= 1u << t->topic;
		}
		int figure = -1;
		for (int t = 0; t < CLASSIFY_NTOPICS; t++) {
			if (!(touched & 1u << t))
				continue;
			if (top[t] >= DECISIVE && sent[t] < ALSO_SCORE && figure < 0)
				figure = has_figure(text + from, end - from);
			if (top[t] >= DECISIVE && (sent[t] >= ALSO_SCORE || figure > 0))
				stands |= 1u << t;
			sent[t] = top[t] = 0;
		}
		from = end;
	}
	for (int t = 0; t < CLASSIFY_NTOPICS; t++)
		if (total[t] < ALSO_SCORE || t == CLASSIFY_GENERAL || t == CLASSIFY_NONE)
			stands &= ~(1u << t);
	if (!stands)
		return;
	int best = -1, switched = classify_para_switched(r, p, k);
	for (int t = 0; t < CLASSIFY_NTOPICS; t++)
		if ((stands & 1u << t) && (best < 0 || total[t] > total[best] ||
					   (total[t] == total[best] && m->rank[t] < m->rank[best])))
			best = t;
	if (!switched && pa->kind != PARA_POINT)
		p->topic[k] = best;
	int held = switched ? p->topic[k] : sec->topic;   /* the topic of the row holding it */
	unsigned also = stands & ~covered[p->part[k]];
	if (total[best] > total[held])
		also |= 1u << best;
	p->also[k] = also & ~(1u << held);
}

/* A chapter of work done or planned that its 一是…二是… points divide instead of （一） headings: a
 * point takes the topic its lead sentence names, as a heading would (一是坚持党的领导，压紧…). */
static void point_topics(const struct classify_model *m, const struct report *r, struct classify_paras *p,
			 struct cue_hits *hits)
{
	for (size_t k = 0; k < r->npara; k++) {
		const struct para *pa = &r->paras[k];
		if (pa->kind != PARA_POINT || p->topic[k] != CLASSIFY_GENERAL ||
		    (p->part[k] != CLASSIFY_MEASURES && p->part[k] != CLASSIFY_PLANS) || classify_para_switched(r, p, k))
			continue;
		const char *s = r->text + pa->start;
		struct scores sc;
		score_heading(m, s, lead_sentence(s, pa->end - pa->start), &sc, hits);
		int best = best_of(m, &sc, -1);
		if (best >= 0)
			p->topic[k] = best;
	}
}

static void classify_paragraphs(const struct classify_model *m, const struct report *r, struct classify_paras *p,
				struct cue_hits *hits)
{
	size_t n = r->npara ? r->npara : 1;
	p->part = xrealloc(p->part, n * sizeof *p->part);
	p->topic = xrealloc(p->topic, n * sizeof *p->topic);
	p->also = xrealloc(p->also, n * sizeof *p->also);
	p->n = p->cap = r->npara;
	for (size_t k = 0; k < r->npara; k++) {
		int s = r->paras[k].section;
		p->part[k] = s >= 0 ? r->sections[s].part : CLASSIFY_PREAMBLE;
		p->topic[k] = s >= 0 ? r->sections[s].topic : CLASSIFY_GENERAL;
		p->also[k] = 0;
	}
	find_switches(m, r, p, hits);
	point_topics(m, r, p, hits);
	unsigned covered[CLASSIFY_NPARTS] = { 0 };   /* per part: the topics of its sections */
	for (size_t i = 0; i < r->nsections; i++)
		covered[r->sections[i].part] |= 1u << r->sections[i].topic;
	for (size_t k = 0; k < r->npara; k++)
		para_topics(m, r, p, k, covered, hits);
}

void classify_report_with(const struct classify_model *m, struct report *r, struct classify_paras *paras)
{
	struct cue_hits hits = { 0 };
	classify_sections(m, r, &hits);
	if (paras)
		classify_paragraphs(m, r, paras, &hits);
	cue_hits_fini(&hits);
}

int classify_report(struct report *r, char **cause)
{
	const struct classify_model *m = classify_default(cause);
	if (!m)
		return -1;
	classify_report_with(m, r, NULL);
	return 0;
}
