/* cue.c — finding many short phrases in Chinese text at once, full-width forms folded to ASCII. */
#include "cue.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

struct phrase {
	char *p;          /* folded UTF-8, owned */
	size_t n;
	uint32_t first;   /* first character, the lookup key */
	int data;
};

/* A scan tests each character against this bitmap of first characters before it searches v:
 * most characters of a text begin no phrase. Characters beyond the BMP always search. */
#define FIRST_BITS 0x10000

/* The phrases v[lo..hi) beginning with character ch: a scan finds them without a search. */
struct range {
	uint32_t ch, lo, hi;   /* ch NO_CHAR: a free slot */
};
#define NO_CHAR UINT32_MAX

struct cue_set {
	struct phrase *v;
	size_t n, cap;    /* v is ordered by bytes, hence by first character */
	uint64_t first[FIRST_BITS / 64];
	struct range *ranges;   /* open addressing by first character, more than half free */
	size_t nranges, nslots; /* nslots a power of two */
};

size_t cue_match_at(const char *s, size_t n, size_t i, const char *p, size_t pn)
{
	size_t j = 0;
	while (j < pn) {
		if (i >= n || cue_char(s, n, &i) != cue_char(p, pn, &j))
			return 0;
	}
	return i;
}

/* The byte every character that reads as c (c >= 0x80, not U+FFFD) begins with: cue_char takes
 * the high bits of c from the first byte alone and folds only to ASCII. */
static unsigned char lead_byte(uint32_t c)
{
	if (c < 0x800)
		return (unsigned char)(0xc0 | c >> 6);
	if (c < 0x10000)
		return (unsigned char)(0xe0 | c >> 12);
	return (unsigned char)(0xf0 | c >> 18);
}

size_t cue_find_one(const char *s, size_t n, size_t from, const char *p, size_t pn)
{
	size_t j = 0;
	uint32_t c = pn ? cue_char(p, pn, &j) : 0;
	if (c >= 0x80 && c != 0xfffd) {
		/* Only the places holding the first byte can match: memchr skips the rest. */
		unsigned char lead = lead_byte(c);
		for (size_t i = from; i < n; i++) {
			const char *q = memchr(s + i, lead, n - i);
			if (!q)
				break;
			i = (size_t)(q - s);
			if (cue_match_at(s, n, i, p, pn))
				return i;
		}
		return (size_t)-1;
	}
	for (size_t i = from; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (cue_match_at(s, n, i, p, pn))
			return i;
	}
	return (size_t)-1;
}

struct cue_set *cue_set_new(void)
{
	return xcalloc(1, sizeof(struct cue_set));
}

void cue_set_free(struct cue_set *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].p);
	free(c->v);
	free(c->ranges);
	free(c);
}

/* The slot of character ch in c->ranges, or the free slot where it would go; c has slots. */
static struct range *range_of(const struct cue_set *c, uint32_t ch)
{
	uint32_t h = ch * 2654435761u;
	size_t mask = c->nslots - 1;
	for (size_t k = (h ^ h >> 16) & mask;; k = (k + 1) & mask)
		if (c->ranges[k].ch == ch || c->ranges[k].ch == NO_CHAR)
			return &c->ranges[k];
}

static void ranges_grow(struct cue_set *c)
{
	struct range *old = c->ranges;
	size_t nold = c->nslots;
	c->nslots = nold ? 2 * nold : 16;
	c->ranges = xmalloc(c->nslots * sizeof *c->ranges);
	for (size_t k = 0; k < c->nslots; k++)
		c->ranges[k].ch = NO_CHAR;
	for (size_t k = 0; k < nold; k++)
		if (old[k].ch != NO_CHAR)
			*range_of(c, old[k].ch) = old[k];
	free(old);
}

/* Updates the ranges for a phrase with first character ch inserted at v[at]. */
static void ranges_insert(struct cue_set *c, uint32_t ch, size_t at)
{
	for (size_t k = 0; k < c->nslots; k++)
		if (c->ranges[k].ch != NO_CHAR && c->ranges[k].ch > ch)
			c->ranges[k].lo++, c->ranges[k].hi++;
	if (2 * (c->nranges + 1) > c->nslots)
		ranges_grow(c);
	struct range *r = range_of(c, ch);
	if (r->ch == ch) {
		r->hi++;
	} else {
		*r = (struct range){ ch, (uint32_t)at, (uint32_t)at + 1 };
		c->nranges++;
	}
}

/* Writes ch as UTF-8 into u; returns the length. A phrase is stored this way, so text read by
 * cue_char and written back compares with phrases byte for byte. */
static size_t encode(uint32_t ch, char u[4])
{
	if (ch < 0x80) {
		u[0] = (char)ch;
		return 1;
	}
	if (ch < 0x800) {
		u[0] = (char)(0xc0 | ch >> 6), u[1] = (char)(0x80 | (ch & 0x3f));
		return 2;
	}
	if (ch < 0x10000) {
		u[0] = (char)(0xe0 | ch >> 12), u[1] = (char)(0x80 | (ch >> 6 & 0x3f)), u[2] = (char)(0x80 | (ch & 0x3f));
		return 3;
	}
	u[0] = (char)(0xf0 | ch >> 18), u[1] = (char)(0x80 | (ch >> 12 & 0x3f)),
	u[2] = (char)(0x80 | (ch >> 6 & 0x3f)), u[3] = (char)(0x80 | (ch & 0x3f));
	return 4;
}

static char *fold(const char *p, size_t pn, size_t *len)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < pn;) {
		char u[4];
		buf_add(&b, u, encode(cue_char(p, pn, &i), u));
	}
	*len = b.len;
	return buf_take(&b);
}

size_t cue_set_count(const struct cue_set *c)
{
	return c->n;
}

void cue_hits_fini(struct cue_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

/* Bytes order, which for UTF-8 is the order of characters: phrases sharing a beginning are
 * neighbours, and a scan narrows to them as it reads the text. */
static int by_bytes(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;
	int r = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);
	if (r == 0 && x->n != y->n)
		r = x->n < y->n ? -1 : 1;
	return r;
}

void cue_set_add(struct cue_set *c, const char *p, size_t pn, int data)
{
	size_t len, j = 0;
	char *f = fold(p, pn, &len);
	if (len == 0) {
		free(f);
		return;
	}
	/* Kept in order as they come, so a scan never has to sort. */
	struct phrase ph = { f, len, cue_char(f, len, &j), data };
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = by_bytes(&c->v[mid], &ph);
		if (cmp == 0) {
			c->v[mid].data = data;
			free(f);
			return;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	memmove(c->v + lo + 1, c->v + lo, (c->n - lo) * sizeof *c->v);
	c->v[lo] = ph;
	c->n++;
	ranges_insert(c, ph.first, lo);
	if (ph.first < FIRST_BITS)
		c->first[ph.first / 64] |= (uint64_t)1 << (ph.first % 64);
}

int cue_set_find(const struct cue_set *c, const char *p, size_t pn, int *data)
{
	size_t len, j = 0;
	char *f = fold(p, pn, &len);
	struct phrase ph = { f, len, len ? cue_char(f, len, &j) : 0, 0 };
	size_t lo = 0, hi = c->n;
	int found = 0;
	while (len && lo < hi && !found) {
		size_t mid = (lo + hi) / 2;
		int cmp = by_bytes(&c->v[mid], &ph);
		if (cmp == 0)
			*data = c->v[mid].data, found = 1;
		else if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	free(f);
	return found;
}

static int by_start_longest(const void *a, const void *b)
{
	const struct cue_hit *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end > y->end ? -1 : x->end < y->end;
}

static int may_begin(const struct cue_set *c, uint32_t ch)
{
	return ch >= FIRST_BITS || (c->first[ch / 64] >> (ch % 64) & 1);
}

/* Compares bytes [at, at + k) of phrase ph with u[0..k); a phrase ending before at + k is less. */
static int cmp_at(const struct phrase *ph, size_t at, const char *u, size_t k)
{
	const unsigned char *q = (const unsigned char *)ph->p + at, *v = (const unsigned char *)u;
	size_t m = ph->n - at < k ? ph->n - at : k;
	for (size_t j = 0; j < m; j++)   /* a character or less: no call to memcmp */
		if (q[j] != v[j])
			return q[j] < v[j] ? -1 : 1;
	return m < k ? -1 : 0;
}

/* Narrows v[*lo..*hi), phrases sharing bytes [0, at), to those going on with u[0..k). */
static void narrow(const struct cue_set *c, size_t at, const char *u, size_t k, size_t *lo, size_t *hi)
{
	size_t a = *lo, b = *hi;
	while (a < b) {
		size_t mid = (a + b) / 2;
		if (cmp_at(&c->v[mid], at, u, k) < 0)
			a = mid + 1;
		else
			b = mid;
	}
	*lo = a;
	for (b = *hi; a < b;) {
		size_t mid = (a + b) / 2;
		if (cmp_at(&c->v[mid], at, u, k) <= 0)
			a = mid + 1;
		else
			b = mid;
	}
	*hi = a;
}

/* Appends the occurrences of phrases that begin at s[i], whose first character ch ends at next:
 * reading on a character at a time, it keeps the phrases that begin with the text read so far
 * (the first of them is the text itself when it is a phrase), shortest first. */
static void hits_at(const struct cue_set *c, const char *s, size_t n, size_t i, size_t next, uint32_t ch,
		    struct cue_hits *out)
{
	const struct range *r = c->nslots ? range_of(c, ch) : NULL;
	if (!r || r->ch != ch)
		return;
	char u[4];
	size_t lo = r->lo, hi = r->hi, at = encode(ch, u);
	for (size_t end = next;;) {
		if (lo < hi && c->v[lo].n == at) {
			out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
			out->v[out->n++] = (struct cue_hit){ i, end, c->v[lo].data };
			lo++;
		}
		if (lo == hi || end >= n)
			return;
		size_t k = encode(cue_char(s, n, &end), u);
		narrow(c, at, u, k, &lo, &hi);
		at += k;
	}
}

size_t cue_set_scan_all(const struct cue_set *c, const char *s, size_t n, struct cue_hits *out)
{
	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		size_t next = i;
		uint32_t ch = cue_char(s, n, &next);
		if (may_begin(c, ch))
			hits_at(c, s, n, i, next, ch, out);
	}
	return out->n;
}

size_t cue_set_scan(const struct cue_set *c, const char *s, size_t n, struct cue_hits *out)
{
	out->n = 0;
	for (size_t i = 0; i < n;) {
		size_t next = i;
		uint32_t ch = cue_char(s, n, &next);
		if (may_begin(c, ch))
			hits_at(c, s, n, i, next, ch, out);
		i = next;
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof *out->v, by_start_longest);
	size_t kept = 0, maxend = 0;
	for (size_t k = 0; k < out->n; k++) {
		if (k > 0 && maxend >= out->v[k].end)
			continue;
		if (out->v[k].end > maxend)
			maxend = out->v[k].end;
		out->v[kept++] = out->v[k];
	}
	out->n = kept;
	return kept;
}
