/* index_build.c — builds the index blob of a corpus: fold each body once, cut it into units, group them per report, append to per-key postings. */
#include "index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "fileio.h"
#include "fold.h"
#include "index_blob.h"
#include "index_out.h"
#include "ordered.h"
#include "classify.h"
#include "xmalloc.h"

/* Speed comes from touching the big tables once per distinct key of a report, not once per
 * unit: a report's units and pairs are first counted in a small table that stays in cache,
 * then each distinct key costs one probe of the global table (which holds every key's
 * build state inline) and one append to the key's chain of chunks in a single arena. */

/* The arena and the global table are written all over, a line here and a line there: in
 * pages of 4 kB nearly every such write misses the TLB, so huge pages are asked for (a
 * hint, where the system has them). */
static void hugepages(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	const uintptr_t huge = (uintptr_t)2 << 20;
	uintptr_t a = ((uintptr_t)p + huge - 1) & ~(huge - 1), e = ((uintptr_t)p + n) & ~(huge - 1);
	if (e > a)
		madvise((void *)a, e - a, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

/* ---- words ---- */

struct wordtab {
	struct buf pool;
	struct ixword *v;
	size_t n, cap;
	uint32_t *slot;     /* entry index + 1, 0 empty */
	size_t nslot;
};

static uint64_t hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0xCBF29CE484222325ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001B3ull;
	return h;
}

static void wordtab_grow(struct wordtab *w)
{
	size_t ns = w->nslot ? w->nslot * 2 : 1024;
	uint32_t *s = xcalloc(ns, sizeof *s);
	for (size_t i = 0; i < w->n; i++) {
		size_t h = hash_bytes(w->pool.data + w->v[i].off, w->v[i].len) & (ns - 1);
		while (s[h])
			h = (h + 1) & (ns - 1);
		s[h] = (uint32_t)i + 1;
	}
	free(w->slot);
	w->slot = s;
	w->nslot = ns;
}

static uint32_t wordtab_id(struct wordtab *w, const char *s, size_t n)
{
	if (2 * (w->n + 1) > w->nslot)
		wordtab_grow(w);
	size_t h = hash_bytes(s, n) & (w->nslot - 1);
	for (; w->slot[h]; h = (h + 1) & (w->nslot - 1)) {
		const struct ixword *e = &w->v[w->slot[h] - 1];
		if (e->len == n && memcmp(w->pool.data + e->off, s, n) == 0)
			return e->id;
	}
	w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n] = (struct ixword){ (uint32_t)w->pool.len, (uint32_t)n, WORD_BASE + (uint32_t)w->n, 0 };
	buf_add(&w->pool, s, n);
	w->slot[h] = (uint32_t)++w->n;
	return w->v[w->n - 1].id;
}

/* ---- the tables ---- */

/* One key's postings under construction: a chain of chunks in the arena, each chunk an
 * 8-byte offset of the next one followed by its data. */
struct gkey {
	uint64_t key;
	uint64_t head, tail;   /* arena offsets of the first and last chunk */
	uint32_t fill, cap;    /* bytes used and room in the last chunk */
	uint32_t len, df;      /* bytes of entries as written; reports holding the key */
	uint32_t last;         /* 1 + the last report written; 0 marks a free slot */
	uint64_t ebits, pbits; /* bits of its entries and positions laid out (index_blob.h) */
};
_Static_assert(sizeof(struct gkey) == 64, "a key's entry fills one cache line of the table");

/* A report's text as units: its body, or its headings one after another. */
struct units {
	uint32_t *v;
	size_t n, cap;
};

/* The keys of one stream of a report, counted, for the postings. */
struct keys {
	uint64_t *k;           /* in order of first sight */
	uint32_t *cnt, *fill;  /* occurrences; end of its positions in pos */
	size_t n, cap;
	uint32_t *pos;         /* positions of the pairs, grouped by key */
	size_t pcap;
};

struct lkey {              /* a key of the current report */
	uint64_t key;
	uint32_t stamp, idx;
};

struct builder {
	struct gkey *g;        /* aligned to a cache line: one entry a line */
	void *g_mem;           /* what holds it, to free */
	size_t ng, gbits;
	unsigned char *arena;
	int aheap;             /* the arena came from the heap, not a mapping */
	size_t alen, acap;
	struct lkey *l;
	size_t lbits;
	uint32_t stamp;
	struct keys *cur;      /* the stream being counted */
	uint32_t *occ;         /* (key, position) pairs as met */
	size_t nocc, ocap;
	uint8_t *tmp;
	size_t tcap;
	struct gkey **gk;      /* the global entries of the report's keys */
	size_t gkcap;
	struct wordtab words;
	struct buf folded, strings, lines;
	struct buf paths;      /* the reports' paths, laid out at the head of the pool */
	uint32_t *bmp;         /* count per code point below U+10000 in the current stream, else 0 */
	uint32_t *seen;        /* the code points counted there */
	size_t seencap;
	struct ixdoc *docs;
	uint64_t total_units;
};

static size_t hash_key(uint64_t k, size_t bits)
{
	return (size_t)((k * 0x9E3779B97F4A7C15ull) >> (64 - bits));
}

static void global_grow(struct builder *b)
{
	size_t bits = b->gbits ? b->gbits + 1 : 16, n = (size_t)1 << bits;
	/* a large calloc comes from a fresh mapping, zero without a write, 16 bytes into a page:
	 * one entry more leaves room to start them on a line of their own */
	void *mem = xcalloc(n + 1, sizeof(struct gkey));
	struct gkey *t = (struct gkey *)(((uintptr_t)mem + 63) & ~(uintptr_t)63);
	hugepages(t, n * sizeof *t);
	for (size_t i = 0; b->gbits && i < ((size_t)1 << b->gbits); i++) {
		if (!b->g[i].last)
			continue;
		size_t h = hash_key(b->g[i].key, bits);
		while (t[h].last)
			h = (h + 1) & (n - 1);
		t[h] = b->g[i];
	}
	free(b->g_mem);
	b->g_mem = mem;
	b->g = t;
	b->gbits = bits;
}

static struct gkey *global_key(struct builder *b, uint64_t key)
{
	if (2 * (b->ng + 1) > ((size_t)1 << b->gbits))
		global_grow(b);
	size_t mask = ((size_t)1 << b->gbits) - 1, h = hash_key(key, b->gbits);
	for (; b->g[h].last; h = (h + 1) & mask)
		if (b->g[h].key == key)
			return &b->g[h];
	struct gkey *e = &b->g[h];
	memset(e, 0, sizeof *e);
	e->key = key;
	e->last = UINT32_MAX;   /* taken; set to the report when written */
	b->ng++;
	return e;
}

/* Index of key in the current report's table, added with count 0 when new. */
static void local_insert(struct builder *b, uint64_t key, uint32_t idx)
{
	size_t mask = ((size_t)1 << b->lbits) - 1, h = hash_key(key, b->lbits);
	while (b->l[h].stamp == b->stamp)
		h = (h + 1) & mask;
	b->l[h] = (struct lkey){ key, b->stamp, idx };
}

/* A fresh stamp empties the table without touching it. */
static void local_clear(struct builder *b)
{
	if (++b->stamp == 0) {   /* wrapped: old stamps could match again */
		memset(b->l, 0, ((size_t)1 << b->lbits) * sizeof *b->l);
		b->stamp = 1;
	}
}

/* Doubles the table, at most a quarter full: it stays as small as the reports allow, in cache. */
static void local_grow(struct builder *b)
{
	free(b->l);
	b->lbits = b->lbits ? b->lbits + 1 : 14;
	b->l = xcalloc((size_t)1 << b->lbits, sizeof *b->l);
	b->stamp = 0;
	local_clear(b);
	for (size_t i = 0; i < b->cur->n; i++)
		local_insert(b, b->cur->k[i], (uint32_t)i);
}

/* Index of key in the current report's table, added with count 0 when new. */
static inline uint32_t local_key(struct builder *b, uint64_t key)
{
	size_t mask = ((size_t)1 << b->lbits) - 1, h = hash_key(key, b->lbits);
	for (; b->l[h].stamp == b->stamp; h = (h + 1) & mask)
		if (b->l[h].key == key)
			return b->l[h].idx;
	b->l[h] = (struct lkey){ key, b->stamp, (uint32_t)b->cur->n };
	b->cur->k[b->cur->n] = key;
	b->cur->cnt[b->cur->n] = 0;
	if (4 * ++b->cur->n > mask)
		local_grow(b);
	return (uint32_t)b->cur->n - 1;
}

/* Room for a stream of n units: at most 2n keys. */
static void local_reserve(struct builder *b, size_t n)
{
	size_t keys = 2 * n + 2;
	if (!b->l)
		local_grow(b);
	local_clear(b);
	if (keys > b->cur->cap) {
		b->cur->k = xgrow(b->cur->k, &b->cur->cap, keys, sizeof *b->cur->k);
		b->cur->cnt = xrealloc(b->cur->cnt, b->cur->cap * sizeof *b->cur->cnt);
		b->cur->fill = xrealloc(b->cur->fill, b->cur->cap * sizeof *b->cur->fill);
	}
	b->occ = xgrow(b->occ, &b->ocap, 2 * n + 2, sizeof *b->occ);
	b->cur->n = b->nocc = 0;
}

/* ---- postings ---- */

#define FIRST_CHUNK 24u
#define LAST_CHUNK 49152u

static uint32_t next_cap(uint32_t cap)
{
	return cap < LAST_CHUNK ? 2 * cap : cap;
}

/* The arena is mapped, not allocated: a heap block would be copied at each growth, and its
 * fresh pages touched twice. Its first size comes from the corpus, so it seldom grows. */
static void arena_free(struct builder *b)
{
	if (b->arena && b->aheap)
		free(b->arena);
	else if (b->arena)
		munmap(b->arena, b->acap);
}

static void arena_grow(struct builder *b, size_t need)
{
	size_t cap = b->acap ? 2 * b->acap : 1 << 20;
	while (cap < need)
		cap *= 2;
	int heap = 0;
	unsigned char *p = mmap(NULL, cap, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {   /* no room to map: the heap, where xmalloc handles a failure */
		p = xmalloc(cap);
		heap = 1;
	} else {
		hugepages(p, cap);
	}
	if (b->alen)
		memcpy(p, b->arena, b->alen);
	arena_free(b);
	b->arena = p;
	b->acap = cap;
	b->aheap = heap;
}

static uint64_t arena_chunk(struct builder *b, uint32_t cap)
{
	size_t off = (b->alen + 7) & ~(size_t)7;
	if (off + 8 + cap > b->acap)
		arena_grow(b, off + 8 + cap);
	memset(b->arena + off, 0, 8);
	b->alen = off + 8 + cap;
	return off;
}

static void append(struct builder *b, struct gkey *g, const uint8_t *p, size_t n)
{
	while (n) {
		if (!g->cap || g->fill == g->cap) {
			uint32_t cap = g->cap ? next_cap(g->cap) : FIRST_CHUNK;
			uint64_t c = arena_chunk(b, cap);
			if (g->cap)
				memcpy(b->arena + g->tail, &c, 8);
			else
				g->head = c;
			g->tail = c;
			g->fill = 0;
			g->cap = cap;
		}
		size_t k = g->cap - g->fill < n ? g->cap - g->fill : n;
		memcpy(b->arena + g->tail + 8 + g->fill, p, k);
		g->fill += (uint32_t)k;
		g->len += (uint32_t)k;
		p += k;
		n -= k;
	}
}

/* Writes report doc's entry for key number li of the report, whose global entry is g. */
static void write_entry(struct builder *b, const struct keys *ks, uint32_t doc, uint32_t li, struct gkey *g)
{
	uint32_t cnt = ks->cnt[li];
	int pair = (g->key & KEY_PAIR) != 0;
	size_t most = 10 + (pair ? 5 * (size_t)cnt : 0);
	/* Straight into the key's last chunk when the entry surely fits, else through tmp. */
	int direct = g->cap && g->cap - g->fill >= most;
	if (!direct)
		b->tmp = xgrow(b->tmp, &b->tcap, most, 1);
	uint8_t *start = direct ? b->arena + g->tail + 8 + g->fill : b->tmp;
	uint32_t delta = g->df ? doc - (g->last - 1) : doc + 1;
	uint8_t *p = index_blob_put_varint(start, delta << 1 | (cnt == 1));
	if (cnt != 1)
		p = index_blob_put_varint(p, cnt);
	g->ebits += index_blob_entry_bits(delta, cnt);
	if (pair) {
		const uint32_t *q = ks->pos + ks->fill[li] - cnt;
		uint32_t prev = 0;
		unsigned k = index_blob_pos_k(index_blob_field_units(g->key, b->docs, doc), cnt);
		for (uint32_t i = 0; i < cnt; i++) {
			p = index_blob_put_varint(p, q[i] - prev);
			g->pbits += index_blob_pos_bits(q[i] - prev, k);
			prev = q[i];
		}
	}
	if (direct) {
		g->fill += (uint32_t)(p - start);
		g->len += (uint32_t)(p - start);
	} else {
		append(b, g, b->tmp, (size_t)(p - b->tmp));
	}
	g->df++;
	g->last = doc + 1;
}

/* Each distinct key of the report misses the cache twice, in the global table and at the
 * tail of its postings; both are prefetched a few keys ahead so the misses overlap. */
static void write_entries(struct builder *b, uint32_t doc, const struct keys *ks)
{
	enum { AHEAD = 16 };
	while (2 * (b->ng + ks->n + 1) > ((size_t)1 << b->gbits))
		global_grow(b);   /* no growth below: the pointers stay valid */
	b->gk = xgrow(b->gk, &b->gkcap, ks->n + 1, sizeof *b->gk);
	size_t bits = b->gbits, n = ks->n;
	for (size_t li = 0; li < n + 2 * AHEAD; li++) {
		if (li < n)
			__builtin_prefetch(&b->g[hash_key(ks->k[li], bits)]);
		if (li >= AHEAD && li - AHEAD < n) {
			struct gkey *g = b->gk[li - AHEAD] = global_key(b, ks->k[li - AHEAD]);
			if (g->cap)
				__builtin_prefetch(b->arena + g->tail + 8 + g->fill, 1);
		}
		if (li >= 2 * AHEAD)
			write_entry(b, ks, doc, (uint32_t)(li - 2 * AHEAD), b->gk[li - 2 * AHEAD]);
	}
}

/* Counts the units and pairs of us in the given field into ks. */
static void count_stream(struct builder *b, uint64_t field, const struct units *us, struct keys *ks)
{
	b->cur = ks;
	size_t n = us->n;
	const uint32_t *u = us->v;
	local_reserve(b, n);
	/* Units of the Basic Multilingual Plane are counted in a plain array, pairs in the table. */
	if (!b->bmp)
		b->bmp = xcalloc(0x10000, sizeof *b->bmp);
	b->seen = xgrow(b->seen, &b->seencap, n + 1, sizeof *b->seen);
	size_t nseen = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 8 + 1 < n)   /* the table is bigger than the first-level cache */
			__builtin_prefetch(&b->l[hash_key(field | index_blob_pair_key(u[i + 8], u[i + 9]), b->lbits)]);
		if (u[i] < 0x10000) {
			if (!b->bmp[u[i]]++)
				b->seen[nseen++] = u[i];
		} else {
			b->cur->cnt[local_key(b, field | u[i])]++;
		}
		if (i + 1 < n) {
			uint32_t li = local_key(b, field | index_blob_pair_key(u[i], u[i + 1]));
			b->cur->cnt[li]++;
			b->occ[b->nocc++] = li;
			b->occ[b->nocc++] = (uint32_t)i;
		}
	}
	for (size_t k = 0; k < nseen; k++) {
		b->cur->cnt[local_key(b, field | b->seen[k])] = b->bmp[b->seen[k]];
		b->bmp[b->seen[k]] = 0;
	}
	/* Positions grouped by key with a counting sort; they arrive in order. */
	size_t total = 0;
	for (size_t li = 0; li < b->cur->n; li++) {
		b->cur->fill[li] = (uint32_t)total;
		if (b->cur->k[li] & KEY_PAIR)
			total += b->cur->cnt[li];
	}
	b->cur->pos = xgrow(b->cur->pos, &b->cur->pcap, total + 1, sizeof *b->cur->pos);
	for (size_t o = 0; o < b->nocc; o += 2)
		b->cur->pos[b->cur->fill[b->occ[o]]++] = b->occ[o + 1];
}

/* Cuts folded text into units appended to us; with lines, notes each newline's unit. */
static void cut(struct builder *b, struct units *us, const char *s, size_t n, struct buf *lines, uint32_t *nlines)
{
	const unsigned char *p = (const unsigned char *)s;
	us->v = xgrow(us->v, &us->cap, us->n + n + 2, sizeof *us->v);
	uint32_t *u = us->v;
	size_t nu = us->n, last = 0;
	for (size_t i = 0, k; i < n; i += k) {
		uint32_t c;
		int word;
		k = index_blob_unit(p, n, i, &c, &word);
		if (word) {
			u[nu++] = wordtab_id(&b->words, s + i, k);
			continue;
		}
		if (c == '\n' && lines) {
			uint8_t v[5];
			buf_add(lines, v, (size_t)(index_blob_put_varint(v, (uint32_t)(nu - last)) - v));
			last = nu;
			++*nlines;
		}
		u[nu++] = c;
	}
	us->n = nu;
}

static uint32_t add_string(struct buf *pool, const char *s, uint32_t *len)
{
	uint32_t off = (uint32_t)pool->len;
	size_t n = s ? strlen(s) : 0;
	buf_add(pool, s ? s : "", n);
	buf_addc(pool, '\0');
	*len = (uint32_t)n;
	return off;
}

/* s folded (NULL as ""), added to the pool. */
static uint32_t add_folded(struct buf *pool, const char *s, uint32_t *len)
{
	size_t flen;
	char *f = fold_string(s ? s : "", s ? strlen(s) : 0, &flen);
	uint32_t off = add_string(pool, f, len);
	free(f);
	return off;
}

static void add_meta(struct builder *b, struct ixdoc *d, const struct report *r)
{
	d->path = add_string(&b->paths, r->path, &d->path_len);
	d->title = add_string(&b->strings, r->meta.title, &d->title_len);
	d->region = add_string(&b->strings, r->meta.region, &d->region_len);
	d->fregion = add_folded(&b->strings, r->meta.region, &d->fregion_len);
	d->fissuer = add_folded(&b->strings, r->meta.issuer, &d->fissuer_len);
	d->level = (uint32_t)r->meta.level;
	d->year = r->meta.year;
	d->len = (uint32_t)r->len;
}

/* Reads report doc's metadata and cuts its body and headings into units. */
static void prepare(struct builder *b, uint32_t doc, const struct report *r, struct units *body,
                    struct units *head)
{
	struct ixdoc *d = &b->docs[doc];
	size_t bs = r->body_start <= r->len ? r->body_start : r->len;
	size_t be = r->body_end <= r->len && r->body_end >= bs ? r->body_end : r->len;
	add_meta(b, d, r);
	d->body_start = (uint32_t)bs;
	d->body_end = (uint32_t)be;
	d->lines = b->lines.len;

	fold_text(r->text + bs, be - bs, 0, &b->folded, NULL);
	body->n = 0;
	cut(b, body, b->folded.data, b->folded.len, &b->lines, &d->nlines);
	d->units = (uint32_t)body->n;
	b->total_units += body->n;

	head->n = 0;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->head_start >= s->head_end || s->head_end > r->len)
			continue;
		fold_text(r->text + s->head_start, s->head_end - s->head_start, 0, &b->folded, NULL);
		cut(b, head, b->folded.data, b->folded.len, NULL, NULL);
		head->v[head->n++] = UNIT_BREAK;
	}
}

/* ---- the blob ---- */

/* A key and its build state, sorted by key without a look at the state. */
struct okey {
	uint64_t key;
	const struct gkey *g;
};

/* LSD radix sort by key, 11 bits a pass; tmp has room for n. */
static void sort_keys(struct okey *v, struct okey *tmp, size_t n)
{
	enum { BITS = 11, NB = 1 << BITS };
	size_t *count = xmalloc(NB * sizeof *count);
	for (int shift = 0; shift < 64; shift += BITS) {
		memset(count, 0, NB * sizeof *count);
		for (size_t i = 0; i < n; i++)
			count[(v[i].key >> shift) & (NB - 1)]++;
		if (count[(v[0].key >> shift) & (NB - 1)] == n)
			continue;   /* one digit for all: nothing moves */
		size_t sum = 0;
		for (size_t d = 0; d < NB; d++) {
			size_t c = count[d];
			count[d] = sum;
			sum += c;
		}
		for (size_t i = 0; i < n; i++)
			tmp[count[(v[i].key >> shift) & (NB - 1)]++] = v[i];
		memcpy(v, tmp, n * sizeof *v);
	}
	free(count);
}

static const char *sort_pool;
static int cmp_word(const void *a, const void *b)
{
	const struct ixword *x = a, *y = b;
	size_t m = x->len < y->len ? x->len : y->len;
	int c = memcmp(sort_pool + x->off, sort_pool + y->off, m);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* Words are numbered in the order of their strings (index_blob.h): the words table, sorted, gets
 * the numbers of its places, and every key the build met by first sight is renumbered so. */
static void number_words(struct builder *b, struct okey *order, size_t n)
{
	uint32_t *to = xmalloc((b->words.n + 1) * sizeof *to);
	for (size_t i = 0; i < b->words.n; i++) {
		to[b->words.v[i].id - WORD_BASE] = WORD_BASE + (uint32_t)i;
		b->words.v[i].id = WORD_BASE + (uint32_t)i;
	}
	for (size_t i = 0; i < n; i++)
		order[i].key = index_blob_renumber_key(order[i].key, to);
	free(to);
}

/* Gathers one key's chunks into dst (g->len bytes). */
static void gather(const struct builder *b, const struct gkey *g, unsigned char *dst)
{
	size_t w = 0, left = g->len;
	uint32_t cap = FIRST_CHUNK;
	for (uint64_t c = g->head; left; cap = next_cap(cap)) {
		size_t k = cap < left ? cap : left;
		memcpy(dst + w, b->arena + c + 8, k);
		w += k;
		left -= k;
		memcpy(&c, b->arena + c, 8);
	}
}

/* Bytes of one key's postings laid out. */
static uint64_t laid_len(const struct gkey *g)
{
	return index_blob_laid_len(g->key, g->df, g->ebits, g->pbits);
}

/* Copies one key's postings to dst in the blob's layout (index_blob_lay_out). (tmp, tcap) is
 * scratch. Returns the bytes written. */
static size_t copy_postings(const struct builder *b, const struct gkey *g, unsigned char *dst, unsigned char **tmp,
                            size_t *tcap)
{
	size_t room = (size_t)(g->pbits + 7) / 8 + 8;   /* the positions laid out, then the entries as written */
	*tmp = xgrow(*tmp, tcap, room + g->len, 1);
	gather(b, g, *tmp + room);
	return index_blob_lay_out(g->key, g->df, *tmp + room, g->len, b->docs, dst, *tmp);
}

/* The postings are laid out a chunk of keys at a time on every core (ordered.h): each key's
 * entries are coded again in bits, which a single thread at the end of a build took a tenth of its
 * time to do; chunks are written in key order. */
enum { LAY_CHUNK = 256 << 10, LAY_THREADS = 4 };

struct lay_job {
	const struct builder *b;
	const struct okey *order;
	size_t n, next;          /* keys, and the first not yet taken */
	struct out *o;
};

struct lay_chunk {
	size_t from, to;         /* its keys */
	unsigned char *laid, *tmp;
	size_t laid_cap, laid_len, tcap;
};

static int lay_take(void *arg, void *w, size_t chunk)
{
	struct lay_job *j = arg;
	struct lay_chunk *ch = w;
	(void)chunk;
	if (j->next >= j->n)
		return 0;
	size_t bytes = 0;
	ch->from = j->next;
	while (j->next < j->n && (bytes == 0 || bytes + laid_len(j->order[j->next].g) <= LAY_CHUNK))
		bytes += laid_len(j->order[j->next++].g);
	ch->to = j->next;
	ch->laid = xgrow(ch->laid, &ch->laid_cap, bytes + 1, 1);
	ch->laid_len = bytes;
	return 1;
}

static void lay_work(void *arg, void *w)
{
	const struct lay_job *j = arg;
	struct lay_chunk *ch = w;
	size_t at = 0;
	for (size_t i = ch->from; i < ch->to; i++) {
		const struct gkey *g = j->order[i].g;
		if (i + 8 < ch->to)   /* the keys' postings lie all over: fetch them ahead */
			__builtin_prefetch(j->b->arena + j->order[i + 8].g->head);
		at += copy_postings(j->b, g, ch->laid + at, &ch->tmp, &ch->tcap);
	}
}

static void lay_emit(void *arg, void *w)
{
	struct lay_job *j = arg;
	struct lay_chunk *ch = w;
	out_put(j->o, ch->laid, ch->laid_len);
}

/* Writes the postings of the keys order[0..n) to o, in order. */
static void lay_out_keys(const struct builder *b, const struct okey *order, size_t n, struct out *o)
{
	static const struct ordered_ops ops = { lay_take, lay_work, lay_emit };
	struct lay_job j = { b, order, n, 0, o };
	size_t nt = ordered_threads(LAY_THREADS);
	struct lay_chunk ch[LAY_THREADS] = { { 0 } };
	void *workers[LAY_THREADS];
	for (size_t t = 0; t < nt; t++)
		workers[t] = &ch[t];
	ordered_run(&ops, &j, workers, nt);
	for (size_t t = 0; t < nt; t++) {
		free(ch[t].laid);
		free(ch[t].tmp);
	}
}

/* The keys table of a build, made as it is written: each key's postings follow the last's. */
struct build_keys {
	const struct okey *order;
	uint64_t off;
};

static void build_key(void *arg, size_t i, struct ixkey *k)
{
	struct build_keys *bk = arg;
	const struct gkey *g = bk->order[i].g;
	uint32_t w = (uint32_t)laid_len(g);
	*k = (struct ixkey){ bk->order[i].key, bk->off, w, g->df };
	bk->off += w;
}

/* Lays the build out as a blob, to o: header, docs, keys, words, string pool, lines, postings. */
static void write_blob(struct builder *b, size_t ndocs, uint64_t key, struct out *o, struct head *hp)
{
	struct okey *order = xmalloc((b->ng + 1) * sizeof *order), *tmp = xmalloc((b->ng + 1) * sizeof *tmp);
	size_t n = 0, post_len = 0;
	for (size_t i = 0; b->gbits && i < ((size_t)1 << b->gbits); i++)
		if (b->g[i].last) {
			order[n++] = (struct okey){ b->g[i].key, &b->g[i] };
			post_len += laid_len(&b->g[i]);
		}

	/* The paths lead the pool: opening a cached index reads every path and, this way, no other
	 * block of the pool (each is checked when first read). */
	size_t plen = b->paths.len;
	buf_add(&b->paths, b->strings.data ? b->strings.data : "", b->strings.len);
	buf_fini(&b->strings);
	b->strings = b->paths;
	buf_init(&b->paths);
	for (size_t i = 0; i < ndocs; i++) {
		struct ixdoc *d = &b->docs[i];
		d->title += (uint32_t)plen, d->region += (uint32_t)plen;
		d->fregion += (uint32_t)plen, d->fissuer += (uint32_t)plen;
	}
	size_t wbase = b->strings.len;
	buf_add(&b->strings, b->words.pool.data ? b->words.pool.data : "", b->words.pool.len);
	for (size_t i = 0; i < b->words.n; i++)
		b->words.v[i].off += (uint32_t)wbase;
	sort_pool = b->strings.data;
	if (b->words.n)   /* a segment of empty reports has none */
		qsort(b->words.v, b->words.n, sizeof *b->words.v, cmp_word);
	number_words(b, order, n);
	if (n)
		sort_keys(order, tmp, n);
	free(tmp);

	struct head h = { .key = key, .ndocs = ndocs, .nkeys = n, .nwords = b->words.n, .units = b->total_units,
	                  .pool_len = b->strings.len, .lines_len = b->lines.len, .post_len = post_len };
	index_blob_place(&h);
	out_postings_at(o, h.post_off, h.post_off + post_len);
	if (o->fd < 0) {   /* no file: the blob in memory */
		o->mem = xmalloc(h.size);
		hugepages(o->mem, h.size);
	}
	struct build_keys bk = { order, 0 };
	out_tables(o, &h, b->docs, build_key, &bk, b->words.v, b->strings.data, b->lines.data);
	lay_out_keys(b, order, n, o);
	out_pad(o, h.size);
	free(order);
	*hp = h;
}

static void builder_fini(struct builder *b)
{
	free(b->g_mem);
	arena_free(b);
	free(b->l);
	free(b->occ);
	free(b->tmp);
	free(b->gk);
	buf_fini(&b->words.pool);
	free(b->words.v);
	free(b->words.slot);
	buf_fini(&b->folded);
	buf_fini(&b->strings);
	buf_fini(&b->paths);
	buf_fini(&b->lines);
	free(b->bmp);
	free(b->seen);
	free(b->docs);
}

static void release_heap(const void *data, size_t len)
{
	(void)len;
	free((void *)data);
}

/* Three threads build, in a pipeline. The loader loads each report and classifies it (it alone
 * touches the corpus's reading state); the reader folds the report, cuts it into units, hands its
 * bytes to each->add and unloads it (it alone touches fold.c's tables, the words, strings, lines
 * and docs); the caller's thread counts the keys of the units of the reports before and writes
 * them into the postings (the tables, the arena). A report's bytes (each->make: its digest, the
 * dearest step) are made by the reader, or by the loader when the reader lags behind it, so that
 * on two cores neither waits on the other for long. Reports pass through rings of buffers,
 * reused all along. A thread that cannot be started leaves its work to the one after it, which
 * does both in turn. */
enum {
	SLOTS = 32,   /* reports cut ahead of the writer: neither thread waits on the other for long */
	LEAD = 64,    /* loaded reports ahead of the reader, held whole in memory (a few MB): with 8, a
	               * run of long reports left a core idle; 64 gains about 5 % of a build */
};

struct waiter {            /* a thread asleep until *count reaches want */
	const size_t *count;   /* NULL when awake */
	size_t want;
	pthread_cond_t cv;
};

enum { LOADER, READER, WRITER };

struct pipe {
	struct builder *b;
	struct corpus *c;
	const size_t *which;   /* the corpus entries to index, in order (NULL: all) */
	size_t n;              /* their number */
	const struct index_each *each;   /* may be NULL */
	const struct classify_model *cm; /* may be NULL: reports are not classified */
	struct classify_paras paras[LEAD];   /* the loader's classes of a report, for the reader */
	int held[LEAD];        /* the report was loaded before the build: it stays loaded */
	struct buf made[LEAD]; /* each->make of a report, when the loader made it */
	size_t made_ret[LEAD];
	int loader_made[LEAD];
	struct buf own;        /* each->make of a report the reader makes */
	struct units body[SLOTS], head[SLOTS];   /* the reader's units of a report, for the writer */
	struct keys kbody, khead;   /* the writer's */
	size_t loaded, ready, done;   /* reports loaded; cut by the reader; indexed by the writer */
	int loading, reading;  /* the loader, the reader run on threads of their own */
	struct waiter w[3];
	pthread_mutex_t lock;
};

/* What the part: and topic: filters read. */
static void add_classes(struct ixdoc *d, const struct report *r, const struct classify_paras *p)
{
	unsigned headed = 0, unheaded = 0, topics = 0;
	if (p)
		classify_parts_covered(r, p, &headed, &unheaded);
	for (size_t i = 0; p && i < r->nsections; i++)
		for (int t = 0; t < 2; t++) {
			int id = t ? r->sections[i].topic2 : r->sections[i].topic;
			if (id >= 0 && id < 32)
				topics |= 1u << id;
		}
	d->parts = headed | unheaded;
	d->topics = topics;
}

/* The corpus entry of the build's report i. */
static size_t entry_of(const struct pipe *p, size_t i)
{
	return p->which ? p->which[i] : i;
}

/* Loads and classifies report i, and makes its bytes (each->make) when `make` says so. */
static void load_report(struct pipe *p, size_t i, int make)
{
	size_t e = entry_of(p, i), slot = i % LEAD;
	p->held[slot] = corpus_loaded(p->c, e);
	corpus_load(p->c, e);
	struct report *r = corpus_report(p->c, e);
	if (p->cm)
		classify_report_with(p->cm, r, &p->paras[slot]);
	p->loader_made[slot] = make && p->each;
	if (p->loader_made[slot]) {
		buf_reset(&p->made[slot]);
		p->made_ret[slot] = p->each->make(p->each->arg, r, &p->paras[slot], &p->made[slot]);
	}
}

/* Hands report i's bytes to each->add, making them first unless the loader did. */
static void add_made(struct pipe *p, size_t i, const struct report *r)
{
	size_t slot = i % LEAD, ret = p->made_ret[slot];
	const struct buf *made = &p->made[slot];
	if (!p->loader_made[slot]) {
		buf_reset(&p->own);
		ret = p->each->make(p->each->arg, r, &p->paras[slot], &p->own);
		made = &p->own;
	}
	p->each->add(p->each->arg, i, made->data, made->len, ret);
}

static void read_report(struct pipe *p, size_t i)
{
	struct report *r = corpus_report(p->c, entry_of(p, i));
	struct classify_paras *paras = &p->paras[i % LEAD];
	prepare(p->b, (uint32_t)i, r, &p->body[i % SLOTS], &p->head[i % SLOTS]);
	add_classes(&p->b->docs[i], r, p->cm ? paras : NULL);
	if (p->each)
		add_made(p, i, r);
	if (!p->held[i % LEAD])
		corpus_unload(p->c, entry_of(p, i));
}

static void write_report(struct pipe *p, size_t i)
{
	count_stream(p->b, 0, &p->body[i % SLOTS], &p->kbody);
	count_stream(p->b, KEY_HEAD, &p->head[i % SLOTS], &p->khead);
	write_entries(p->b, (uint32_t)i, &p->kbody);
	write_entries(p->b, (uint32_t)i, &p->khead);
}

/* Under the lock. A thread that must wait sleeps until the one before it is well ahead, not
 * just one report: waking each other at every report would cost more than the reports. */
static void rest(struct pipe *p, int who, const size_t *count, size_t want)
{
	struct waiter *w = &p->w[who];
	while (*count < want) {
		w->count = count;
		w->want = want;
		pthread_cond_wait(&w->cv, &p->lock);
	}
}

/* Under the lock, after a count went up. */
static void wake(struct pipe *p)
{
	for (int k = 0; k < 3; k++) {
		struct waiter *w = &p->w[k];
		if (w->count && *w->count >= w->want) {
			w->count = NULL;
			pthread_cond_signal(&w->cv);
		}
	}
}

/* Sets *count to v and wakes whoever waited for it. */
static void advance(struct pipe *p, size_t *count, size_t v)
{
	pthread_mutex_lock(&p->lock);
	*count = v;
	wake(p);
	pthread_mutex_unlock(&p->lock);
}

/* Waits, as who, until *count > i; then for want more, up to the end. */
static void await(struct pipe *p, int who, const size_t *count, size_t i, size_t more)
{
	pthread_mutex_lock(&p->lock);
	if (*count <= i)
		rest(p, who, count, i + 1 + more < p->n ? i + 1 + more : p->n);
	pthread_mutex_unlock(&p->lock);
}

static int loader_makes = -1;

void index_build_tuning(int makes)
{
	loader_makes = makes;
}

/* Under the lock: whether the loader makes report i's bytes, the reader being half its lead
 * behind (the loader then waits on it, and has time to spare). */
static int loader_should_make(const struct pipe *p, size_t i)
{
	return loader_makes >= 0 ? loader_makes : i - p->ready >= LEAD / 2;
}

static void *loader(void *arg)
{
	struct pipe *p = arg;
	for (size_t i = 0; i < p->n; i++) {
		pthread_mutex_lock(&p->lock);
		if (i - p->ready >= LEAD)   /* its slot is the reader's until then */
			rest(p, LOADER, &p->ready, i - LEAD / 2);
		int make = loader_should_make(p, i);
		pthread_mutex_unlock(&p->lock);
		load_report(p, i, make);
		advance(p, &p->loaded, i + 1);
	}
	return NULL;
}

/* The reader's work for report i, loading it first when no loader runs. */
static void read_step(struct pipe *p, size_t i)
{
	if (p->loading)
		await(p, READER, &p->loaded, i, LEAD / 4);
	else
		load_report(p, i, 0);
	read_report(p, i);
}

static void *reader(void *arg)
{
	struct pipe *p = arg;
	for (size_t i = 0; i < p->n; i++) {
		pthread_mutex_lock(&p->lock);
		if (i - p->done >= SLOTS)   /* its slot is the writer's until then */
			rest(p, READER, &p->done, i - SLOTS / 2);
		pthread_mutex_unlock(&p->lock);
		read_step(p, i);
		advance(p, &p->ready, i + 1);
	}
	return NULL;
}

static void progress_at(const struct index_progress *progress, size_t i, size_t n)
{
	if (progress && progress->fn && ((i & 63) == 63 || i + 1 == n))
		progress->fn(progress->arg, i + 1, n);
}

/* Starts the loader and the reader where there is more than one report to share. */
static void pipe_start(struct pipe *p, pthread_t *lt, pthread_t *rt)
{
	if (p->n < 2 || pthread_mutex_init(&p->lock, NULL) != 0)
		return;
	int k = 0;
	while (k < 3 && pthread_cond_init(&p->w[k].cv, NULL) == 0)
		k++;
	if (k == 3) {
		p->loading = pthread_create(lt, NULL, loader, p) == 0;
		p->reading = pthread_create(rt, NULL, reader, p) == 0;
		if (p->loading || p->reading)
			return;
	}
	while (k--)
		pthread_cond_destroy(&p->w[k].cv);
	pthread_mutex_destroy(&p->lock);
}

static void pipe_stop(struct pipe *p, pthread_t lt, pthread_t rt)
{
	if (p->loading)
		pthread_join(lt, NULL);
	if (p->reading)
		pthread_join(rt, NULL);
	if (p->loading || p->reading) {
		for (int k = 0; k < 3; k++)
			pthread_cond_destroy(&p->w[k].cv);
		pthread_mutex_destroy(&p->lock);
	}
	for (int k = 0; k < LEAD; k++) {
		classify_paras_fini(&p->paras[k]);
		buf_fini(&p->made[k]);
	}
	buf_fini(&p->own);
	for (int k = 0; k < SLOTS; k++) {
		free(p->body[k].v);
		free(p->head[k].v);
	}
	for (struct keys *ks = &p->kbody; ks; ks = ks == &p->kbody ? &p->khead : NULL) {
		free(ks->k);
		free(ks->cnt);
		free(ks->fill);
		free(ks->pos);
	}
}

/* Indexes the reports which[0..n) of c (which NULL: the first n) into b, numbered from 0. */
static void build(struct builder *b, struct corpus *c, const size_t *which, size_t n,
                  const struct index_progress *progress, const struct index_each *each)
{
	memset(b, 0, sizeof *b);
	b->docs = xcalloc(n + 1, sizeof *b->docs);
	global_grow(b);
	size_t bytes = 0;
	for (size_t i = 0; i < n; i++)   /* asks each entry of a source here, on this thread: the loader
	                                  * and the reader then only look entries up (corpus.c) */
		bytes += corpus_size(c, which ? which[i] : i);
	arena_grow(b, bytes + bytes / 2);   /* postings take about the size of the text */
	char *cause = NULL;
	struct pipe *p = xcalloc(1, sizeof *p);
	*p = (struct pipe){ .b = b, .c = c, .which = which, .n = n, .each = each,
	                    .cm = classify_default(&cause) };   /* loaded on this thread */
	free(cause);
	pthread_t lt, rt;
	pipe_start(p, &lt, &rt);
	for (size_t i = 0; i < n; i++) {
		if (p->reading)
			await(p, WRITER, &p->ready, i, SLOTS / 4);
		else
			read_step(p, i);
		write_report(p, i);
		if (p->reading)
			advance(p, &p->done, i + 1);
		progress_at(progress, i, n);
	}
	pipe_stop(p, lt, rt);
	free(p);
}

size_t index_segment_bytes(void)
{
	const char *e = getenv("FAZHI_SEGMENT_BYTES");
	char *end = NULL;
	unsigned long long v = e && *e ? strtoull(e, &end, 10) : 0;
	return v && end && !*end ? (size_t)v : INDEX_SEGMENT_BYTES;
}

struct index *index_build_part(struct corpus *c, const size_t *which, size_t n, const struct index_progress *progress)
{
	struct builder b;
	build(&b, c, which, n, progress, NULL);
	struct out o = { .fd = -1 };
	struct head h;
	write_blob(&b, n, 0, &o, &h);
	builder_fini(&b);
	((struct head *)o.mem)->checksum = index_blob_seal(o.mem, h.size);
	return index_blob_trusted(o.mem, h.size, release_heap);
}

/* Progress over several segments: the reports of those done before, and the whole build's total. */
struct span {
	const struct index_progress *outer;
	size_t base, total;
};

static void span_progress(void *arg, size_t done, size_t total)
{
	(void)total;
	const struct span *sp = arg;
	sp->outer->fn(sp->outer->arg, sp->base + done, sp->total);
}

static struct index *part_in_memory(void *arg, struct corpus *c, const size_t *which, size_t n,
                                    const struct index_progress *progress)
{
	(void)arg;
	return index_build_part(c, which, n, progress);
}

struct index *index_build_parts(struct corpus *c, const size_t *which, size_t n,
                                const struct index_progress *progress)
{
	return index_build_parts_with(c, which, n, progress, part_in_memory, NULL);
}

struct index *index_build_parts_with(struct corpus *c, const size_t *which, size_t n,
                                     const struct index_progress *progress, index_parts_fn part, void *arg)
{
	size_t cap = index_segment_bytes(), nparts = 0;
	struct index **parts = xcalloc(n + 1, sizeof *parts);
	size_t *all = NULL;
	if (!which) {
		all = xcalloc(n + 1, sizeof *all);
		for (size_t i = 0; i < n; i++)
			all[i] = i;
		which = all;
	}
	for (size_t i = 0; i < n || (n == 0 && nparts == 0);) {
		size_t j = i, bytes = 0;
		while (j < n && (j == i || bytes + corpus_size(c, which[j]) <= cap))
			bytes += corpus_size(c, which[j++]);
		struct span sp = { progress, i, n };
		struct index_progress inner = { span_progress, &sp, NULL };
		parts[nparts++] = part(arg, c, which + i, j - i, progress && progress->fn ? &inner : NULL);
		i = j;
	}
	struct index *ix = index_join(parts, nparts);
	free(parts);
	free(all);
	return ix;
}

struct index *index_build(struct corpus *c, const struct index_progress *progress)
{
	return index_build_parts(c, NULL, c->n, progress);
}

uint64_t index_build_write(struct corpus *c, const size_t *which, size_t n, const struct index_progress *progress,
                           const struct index_each *each, uint64_t key, int fd, size_t block,
                           void (*block_fn)(void *arg, uint64_t n, const unsigned char *p, size_t len), void *arg,
                           char **cause)
{
	struct builder b;
	build(&b, c, which, n, progress, each);
	struct out o;
	out_start_file(&o, fd, FILEIO_CHUNK_SMALL, block, block_fn, arg);   /* mostly to be merged (fileio.h) */
	struct head h;
	write_blob(&b, n, key, &o, &h);
	builder_fini(&b);
	return out_finish_file(&o, &h, cause);
}
