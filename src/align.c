/* align.c — cuts texts into sentences, fingerprints their normal forms and finds which stand in another text. */
#include "align.h"

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "buf.h"
#include "fold.h"
#include "xmalloc.h"

#define FNV_OFFSET 14695981039346656037ull
#define FNV_PRIME 1099511628211ull

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * FNV_PRIME;
	return h;
}

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
	const uint8_t *p = (const uint8_t *)(t->scratch.data ? t->scratch.data : ""), *e = p + t->scratch.len;
	uint64_t hash = FNV_OFFSET, figures = 0;
	uint32_t len = 0;
	int in_figure = 0;
	while (p < e) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(e - p));
		p += k;
		if (c >= '0' && c <= '9') {
			char digit = (char)c;
			figures = fnv(figures ? figures : FNV_OFFSET, &digit, 1);
			if (!in_figure)
				buf_addc(&t->norm, '#'), hash = fnv(hash, "#", 1);
			in_figure = 1, len++;
			continue;
		}
		if (!uc_is_alnum(c))
			continue;
		if (in_figure && figures)
			figures = fnv(figures, "|", 1);   /* 1|23 is not 12|3 */
		in_figure = 0, len++;
		buf_add(&t->norm, p - k, (size_t)k);
		hash = fnv(hash, p - k, (size_t)k);
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
	if (t->n + 2 > t->norm_cap) {
		t->norm_cap = t->norm_cap ? t->norm_cap * 2 : 32;
		t->norm_at = xrealloc(t->norm_at, t->norm_cap * sizeof *t->norm_at);
	}
	size_t mark = t->norm.len;
	struct align_sentence sen = { base + a, base + b, 0, 0, 0 };
	normalise(t, s + a, b - a, &sen);
	if (sen.len == 0) {
		t->norm.len = mark;
		return;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
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

/* Sorted character bigrams of sentence i's masked normal form (one unigram when it is one
 * character long), appended to *g; returns how many. */
static size_t bigrams(const struct align_text *t, size_t i, uint32_t **g, size_t *n, size_t *cap)
{
	const uint8_t *p = (const uint8_t *)t->norm.data + t->norm_at[i], *e = (const uint8_t *)t->norm.data + t->norm_at[i + 1];
	size_t first = *n;
	ucs4_t prev = 0;
	for (int have = 0; p < e; have = 1) {
		ucs4_t c;
		p += u8_mbtouc(&c, p, (size_t)(e - p));
		if (have || p >= e) {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 256;
				*g = xrealloc(*g, *cap * sizeof **g);
			}
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

/* Bigrams of every sentence of t long enough for the near pass: at[i] .. at[i + 1] in *g. */
static size_t *gram_table(const struct align_text *t, uint32_t **g)
{
	size_t *at = xmalloc((t->n + 1) * sizeof *at), n = 0, cap = 0;
	*g = NULL;
	for (size_t i = 0; i < t->n; i++) {
		at[i] = n;
		if (t->v[i].len < ALIGN_NEAR_CHARS)
			continue;
		size_t k = bigrams(t, i, g, &n, &cap);
		qsort(*g + at[i], k, sizeof **g, cmp_u32);
	}
	at[t->n] = n;
	return at;
}

/* Exact pass: a table of before's fingerprints, chained. */
struct exact {
	size_t *head, *next, mask;
};

static void exact_init(struct exact *x, const struct align_text *before)
{
	size_t size = 16;
	while (size < before->n * 2)
		size *= 2;
	x->mask = size - 1;
	x->head = xmalloc(size * sizeof *x->head);
	x->next = xmalloc((before->n + 1) * sizeof *x->next);
	for (size_t i = 0; i < size; i++)
		x->head[i] = (size_t)-1;
	for (size_t i = before->n; i-- > 0;) {
		size_t h = before->v[i].hash & x->mask;
		x->next[i] = x->head[h];
		x->head[h] = i;
	}
}

/* Before's sentence with the same fingerprint, one with the same figures first; -1 when none. */
static size_t exact_find(const struct exact *x, const struct align_text *before, const struct align_sentence *s,
			 int *kind)
{
	size_t found = (size_t)-1;
	for (size_t i = x->head[s->hash & x->mask]; i != (size_t)-1; i = x->next[i]) {
		if (before->v[i].hash != s->hash)
			continue;
		if (before->v[i].figures == s->figures) {
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
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 16;
		r->v = xrealloc(r->v, r->cap * sizeof *r->v);
	}
	r->v[r->n++] = (struct align_match){ sentence, other, kind, similarity };
}

/* The sentence of before most like now's sentence i, when at least ALIGN_NEAR_MIN alike. Lengths
 * further apart than 2:3 cannot reach 0.8 and are not compared. */
static size_t near_find(const uint32_t *a, size_t na, const struct align_text *before, const uint32_t *g,
			const size_t *at, double *best)
{
	size_t found = (size_t)-1;
	*best = ALIGN_NEAR_MIN;
	for (size_t j = 0; j < before->n; j++) {
		size_t nb = at[j + 1] - at[j];
		if (nb == 0 || 3 * nb < 2 * na || 3 * na < 2 * nb)
			continue;
		double d = dice(a, na, g + at[j], nb);
		if (d >= *best)
			*best = d, found = j;
	}
	return found;
}

void align_texts(const struct align_text *now, const struct align_text *before, struct align_result *out)
{
	out->n = 0, out->chars = now->chars, out->repeated = 0;
	struct exact x;
	exact_init(&x, before);
	uint32_t *g = NULL, *mine = NULL;
	size_t *at = NULL, nmine = 0, capmine = 0;
	for (size_t i = 0; i < now->n; i++) {
		const struct align_sentence *s = &now->v[i];
		int kind;
		size_t j = exact_find(&x, before, s, &kind);
		double sim = 1;
		if (j == (size_t)-1 && s->len >= ALIGN_NEAR_CHARS) {
			if (!at)
				at = gram_table(before, &g);
			nmine = 0;
			size_t na = bigrams(now, i, &mine, &nmine, &capmine);
			qsort(mine, na, sizeof *mine, cmp_u32);
			j = near_find(mine, na, before, g, at, &sim);
			kind = ALIGN_NEAR;
		}
		if (j == (size_t)-1)
			continue;
		add_match(out, i, j, kind, sim);
		out->repeated += s->len;
	}
	free(x.head);
	free(x.next);
	free(g);
	free(at);
	free(mine);
}

double align_share(const struct align_result *r)
{
	return r->chars ? (double)r->repeated / (double)r->chars : 0;
}
