/* align.c — cuts texts into sentences, fingerprints their normal forms and finds which stand in another text. */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>

#include "buf.h"
#include "checksum.h"
#include "encoding.h"
#include "fold.h"
#include "xmalloc.h"


void align_text_fini(struct align_text *t)
{
	free(t->v);
	free(t->norm_at);
	buf_fini(&t->norm);
	buf_fini(&t->scratch);
	memset(t, 0, sizeof *t);
}

void align_result_fini(struct align_result *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Length of the terminator at s[i] (。！？； and ! ? ; and \n), 0 when none. */
static size_t terminator(const char *s, size_t n, size_t i)
{
	static const char *const wide[] = { "。", "！", "？", "；" };
	if (s[i] == '\n' || s[i] == '!' || s[i] == '?' || s[i] == ';')
		return 1;
	for (size_t k = 0; k < sizeof wide / sizeof wide[0]; k++)
		if (i + 3 <= n && memcmp(s + i, wide[k], 3) == 0)
			return 3;
	return 0;
}

/* Appends the masked normal form of s[0..n) to t->norm and fills the fingerprint of *sen. */
static void normalise(struct align_text *t, const char *s, size_t n, struct align_sentence *sen)
{
	fold_text(s, n, 0, &t->scratch, NULL);
	const char *p = t->scratch.data ? t->scratch.data : "";
	size_t end = t->scratch.len, i = 0;
	uint64_t hash = CHECKSUM_FNV_OFFSET, figures = 0;
	uint32_t len = 0;
	int in_figure = 0;
	while (i < end) {
		size_t at = i;
		uint32_t c = encoding_next(p, end, &i);
		if (c >= '0' && c <= '9') {
			char digit = (char)c;
			figures = checksum_fnv(figures ? figures : CHECKSUM_FNV_OFFSET, &digit, 1);
			if (!in_figure)
				buf_addc(&t->norm, '#'), hash = checksum_fnv(hash, "#", 1);
			in_figure = 1, len++;
			continue;
		}
		if (!uc_is_alnum(c))
			continue;
		if (in_figure && figures)
			figures = checksum_fnv(figures, "|", 1);   /* 1|23 is not 12|3 */
		in_figure = 0, len++;
		buf_add(&t->norm, p + at, i - at);
		hash = checksum_fnv(hash, p + at, i - at);
	}
	sen->hash = hash, sen->figures = figures, sen->len = len;
}

static void add_sentence(struct align_text *t, const char *s, size_t a, size_t b, size_t base)
{
	while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n' || s[a] == '\r'))
		a++;
	while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' || s[b - 1] == '\n' || s[b - 1] == '\r'))
		b--;
	if (a == b)
		return;
	t->norm_at = xgrow(t->norm_at, &t->norm_cap, t->n + 2, sizeof *t->norm_at);
	size_t mark = t->norm.len;
	struct align_sentence sen = { base + a, base + b, 0, 0, 0 };
	normalise(t, s + a, b - a, &sen);
	if (sen.len == 0) {
		t->norm.len = mark;
		return;
	}
	t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->norm_at[t->n] = mark;
	t->v[t->n++] = sen;
	t->norm_at[t->n] = t->norm.len;
	t->chars += sen.len;
}

void align_text_add(struct align_text *t, const char *s, size_t n, size_t base)
{
	size_t from = 0;
	for (size_t i = 0; i < n;) {
		size_t k = terminator(s, n, i);
		if (k) {
			add_sentence(t, s, from, i + k, base);
			from = i + k;
			i += k;
		} else {
			i++;
		}
	}
	add_sentence(t, s, from, n, base);
}

/* The character bigrams of sentence i's masked normal form in text order (one unigram when it
 * is one character long), appended to *g; returns how many. */
static size_t bigrams(const struct align_text *t, size_t i, uint32_t **g, size_t *n, size_t *cap)
{
	const char *s = t->norm.data;
	size_t at = t->norm_at[i], end = t->norm_at[i + 1], first = *n;
	uint32_t prev = 0;
	for (int have = 0; at < end; have = 1) {
		uint32_t c = encoding_next(s, end, &at);
		if (have || at >= end) {
			*g = xgrow(*g, cap, *n + 1, sizeof **g);
			(*g)[(*n)++] = (uint32_t)(prev * 2654435761u) ^ (uint32_t)c;
		}
		prev = c;
	}
	return *n - first;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Sorts a sentence's bigrams: insertion for the short arrays most sentences give (qsort's
 * overhead dominated the near pass), qsort beyond. */
static void sort_grams(uint32_t *g, size_t n)
{
	if (n > 64) {
		qsort(g, n, sizeof *g, cmp_u32);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t v = g[i];
		size_t j = i;
		for (; j > 0 && g[j - 1] > v; j--)
			g[j] = g[j - 1];
		g[j] = v;
	}
}

/* Dice coefficient of two sorted multisets. */
static double dice(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t i = 0, j = 0, common = 0;
	while (i < na && j < nb) {
		if (a[i] < b[j])
			i++;
		else if (a[i] > b[j])
			j++;
		else
			common++, i++, j++;
	}
	return na + nb ? 2.0 * (double)common / (double)(na + nb) : 0;
}

/* The near pass's view of last year's text: each sentence's sorted bigrams (g[at[i] .. at[i + 1]),
 * and its postings: for each distinct bigram of a sentence a (bigram, sentence) entry, chained per
 * bigram from a hash table, so that the sentences sharing bigrams with a new one are counted
 * without comparing every pair. */
struct posting {
	uint32_t gram, sentence;
	size_t next;                 /* the next posting of a bigram with the same hash, or -1 */
};

struct near {
	uint32_t *g;
	size_t *at;
	struct posting *post;
	size_t npost;
	size_t *head, mask;          /* hash of a bigram → its first posting, or -1 */
	uint32_t *shared, *stamp, *touched;  /* per sentence of before: bigrams shared with the one sought */
};

static size_t gram_slot(const struct near *x, uint32_t gram)
{
	return (size_t)(gram * 2654435761u) & x->mask;
}

static void near_init(struct near *x, const struct align_text *t)
{
	size_t n = 0, cap = 0;
	x->g = NULL;
	x->at = xmalloc((t->n + 1) * sizeof *x->at);
	for (size_t i = 0; i < t->n; i++) {
		x->at[i] = n;
		if (t->v[i].len < ALIGN_NEAR_CHARS)
			continue;
		size_t k = bigrams(t, i, &x->g, &n, &cap);
		sort_grams(x->g + x->at[i], k);
	}
	x->at[t->n] = n;
	x->post = xmalloc((n + 1) * sizeof *x->post);
	x->npost = 0;
	size_t size = 16;
	while (size < n * 2)
		size *= 2;
	x->mask = size - 1;
	x->head = xmalloc(size * sizeof *x->head);
	memset(x->head, 0xff, size * sizeof *x->head);   /* all -1 */
	for (size_t i = t->n; i-- > 0;)   /* backwards, so that chains run in sentence order */
		for (size_t q = x->at[i]; q < x->at[i + 1]; q++)
			if (q == x->at[i] || x->g[q] != x->g[q - 1]) {
				size_t h = gram_slot(x, x->g[q]);
				x->post[x->npost] = (struct posting){ x->g[q], (uint32_t)i, x->head[h] };
				x->head[h] = x->npost++;
			}
	x->shared = xcalloc(t->n + 1, sizeof *x->shared);
	x->stamp = xcalloc(t->n + 1, sizeof *x->stamp);
	x->touched = xmalloc((t->n + 1) * sizeof *x->touched);
}

static void near_fini(struct near *x)
{
	free(x->g);
	free(x->at);
	free(x->post);
	free(x->head);
	free(x->shared);
	free(x->stamp);
	free(x->touched);
}

/* Counts, per sentence of before, the distinct bigrams of a[0..na) it shares; returns how many
 * sentences share any (listed in x->touched). stamp tells this search's counts from older ones. */
static size_t count_shared(struct near *x, const uint32_t *a, size_t na, uint32_t stamp)
{
	size_t ntouched = 0;
	for (size_t q = 0; q < na; q++) {
		if (q > 0 && a[q] == a[q - 1])
			continue;
		for (size_t p = x->head[gram_slot(x, a[q])]; p != (size_t)-1; p = x->post[p].next) {
			if (x->post[p].gram != a[q])
				continue;
			uint32_t j = x->post[p].sentence;
			if (x->stamp[j] != stamp)
				x->stamp[j] = stamp, x->shared[j] = 0, x->touched[ntouched++] = j;
			x->shared[j]++;
		}
	}
	return ntouched;
}

/* The sentence of before most like a[0..na) (sorted bigrams), when at least ALIGN_NEAR_MIN alike.
 * A sentence is compared only when its length is within 2:3 of a's (else Dice cannot reach 0.8)
 * and it shares enough distinct bigrams: the multiset intersection exceeds the distinct count by
 * at most a's repeated bigrams. */
static size_t near_find(struct near *x, const uint32_t *a, size_t na, uint32_t stamp, double *best)
{
	size_t distinct = 0, found = (size_t)-1;
	for (size_t q = 0; q < na; q++)
		distinct += q == 0 || a[q] != a[q - 1];
	size_t ntouched = count_shared(x, a, na, stamp);
	*best = ALIGN_NEAR_MIN;
	for (size_t t = 0; t < ntouched; t++) {
		uint32_t j = x->touched[t];
		size_t nb = x->at[j + 1] - x->at[j];
		if (3 * nb < 2 * na || 3 * na < 2 * nb)
			continue;
		if (2.0 * (double)(x->shared[j] + na - distinct) < ALIGN_NEAR_MIN * (double)(na + nb))
			continue;
		double d = dice(a, na, x->g + x->at[j], nb);
		if (d > *best || (d == *best && j < found))
			*best = d, found = j;
	}
	return found;
}

/* Exact pass: a table of before's fingerprints, chained. */
struct exact {
	const struct align_sentence *v;
	size_t *head, *next, mask;
};

static void exact_init(struct exact *x, const struct align_sentence *before, size_t n)
{
	size_t size = 16;
	while (size < n * 2)
		size *= 2;
	x->v = before;
	x->mask = size - 1;
	x->head = xmalloc(size * sizeof *x->head);
	x->next = xmalloc((n + 1) * sizeof *x->next);
	memset(x->head, 0xff, size * sizeof *x->head);   /* all -1 */
	for (size_t i = n; i-- > 0;) {
		size_t h = before[i].hash & x->mask;
		x->next[i] = x->head[h];
		x->head[h] = i;
	}
}

/* Before's sentence with the same fingerprint, one with the same figures first; -1 when none. */
static size_t exact_find(const struct exact *x, const struct align_sentence *s, int *kind)
{
	size_t found = (size_t)-1;
	for (size_t i = x->head[s->hash & x->mask]; i != (size_t)-1; i = x->next[i]) {
		if (x->v[i].hash != s->hash)
			continue;
		if (x->v[i].figures == s->figures) {
			*kind = ALIGN_SAME;
			return i;
		}
		if (found == (size_t)-1)
			found = i, *kind = ALIGN_FIGURES;
	}
	return found;
}

static void add_match(struct align_result *r, size_t sentence, size_t other, int kind, double similarity)
{
	r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
	r->v[r->n++] = (struct align_match){ sentence, other, kind, similarity };
}

/* The alignment of sentences now[0..n) against before[0..m); the near pass runs when the texts
 * holding them (their normal forms) are given. */
static void align_run(const struct align_sentence *now, size_t n, const struct align_text *now_text,
		      const struct align_sentence *before, size_t m, const struct align_text *before_text,
		      struct align_result *out)
{
	out->n = 0, out->chars = 0, out->repeated = 0;
	struct exact x;
	exact_init(&x, before, m);
	struct near nx;
	int have_near = 0;
	uint32_t *mine = NULL;
	size_t nmine = 0, capmine = 0;
	for (size_t i = 0; i < n; i++) {
		const struct align_sentence *s = &now[i];
		int kind;
		size_t j = exact_find(&x, s, &kind);
		double sim = 1;
		out->chars += s->len;
		if (j == (size_t)-1 && s->len >= ALIGN_NEAR_CHARS && now_text && before_text) {
			if (!have_near)
				near_init(&nx, before_text), have_near = 1;
			nmine = 0;
			size_t na = bigrams(now_text, i, &mine, &nmine, &capmine);
			sort_grams(mine, na);
			j = near_find(&nx, mine, na, (uint32_t)i + 1, &sim);
			kind = ALIGN_NEAR;
		}
		if (j == (size_t)-1)
			continue;
		add_match(out, i, j, kind, sim);
		out->repeated += s->len;
	}
	if (have_near)
		near_fini(&nx);
	free(x.head);
	free(x.next);
	free(mine);
}

void align_texts(const struct align_text *now, const struct align_text *before, struct align_result *out)
{
	align_run(now->v, now->n, now, before->v, before->n, before, out);
}

void align_fingerprints(const struct align_sentence *now, size_t n, const struct align_sentence *before, size_t m,
			struct align_result *out)
{
	align_run(now, n, NULL, before, m, NULL, out);
}

double align_share(const struct align_result *r)
{
	return r->chars ? (double)r->repeated / (double)r->chars : 0;
}
