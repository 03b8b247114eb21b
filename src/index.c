/* index.c — builds the n-gram index blob of a corpus and answers queries from it: ranked reports with exact hit counts. */
#include "index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "text.h"
#include "xmalloc.h"

/* Design limits: report texts below 4 GiB, fewer than 2^31 distinct words, 2^32 reports.
 * The blob is native-endian (the header says which; a foreign one is rejected). */

#define BLOB_MAGIC "FAZHIIX"
#define BLOB_VERSION 1
#define WORD_BASE 0x110000u          /* unit ids below are code points, above are words */
#define KEY_HEAD (1ull << 63)        /* the heading field */
#define KEY_PAIR (1ull << 62)        /* a pair of units, with positions */
#define UNIT_BREAK 0x0Au             /* between headings: a newline, which no term contains */

struct head {
	char magic[8];
	uint32_t version, endian;
	uint64_t key, size, checksum;
	uint64_t ndocs, nkeys, nwords, units;
	uint64_t docs_off, keys_off, words_off, pool_off, pool_len, post_off, post_len;
};

struct ixdoc {
	uint32_t path, path_len, title, title_len, region, region_len, fregion, fregion_len;
	int32_t year;
	uint32_t len, body_start, body_end, units, pad;
};

struct ixkey {
	uint64_t key, off;
	uint32_t len, df;
};

struct ixword {
	uint32_t off, len, id, pad;
};

struct index {
	const unsigned char *blob;
	size_t size;
	void (*release)(const void *, size_t);
	const struct head *h;
	const struct ixdoc *docs;
	const struct ixkey *keys;
	const struct ixword *words;
	const char *pool;
	const uint8_t *post;
	double avgdl;
};

/* ---- checksums, varints ---- */

static uint64_t checksum(const unsigned char *p, size_t n)
{
	/* Four independent lanes keep the multiplier busy: GB/s, so a cache is checked at start-up. */
	uint64_t h[4] = { 0x9E3779B97F4A7C15ull, 0xC2B2AE3D27D4EB4Full, 0x165667B19E3779F9ull, 0x27D4EB2F165667C5ull };
	const uint64_t m = 0xFF51AFD7ED558CCDull;
	size_t i = 0;
	for (; i + 32 <= n; i += 32)
		for (int l = 0; l < 4; l++) {
			uint64_t w;
			memcpy(&w, p + i + 8 * l, 8);
			h[l] = (h[l] ^ w) * m;
			h[l] ^= h[l] >> 29;
		}
	uint64_t r = n;
	for (; i < n; i++)
		r = (r ^ p[i]) * 0x100000001B3ull;
	for (int l = 0; l < 4; l++)
		r = (r ^ h[l]) * m, r ^= r >> 31;
	return r;
}

/* Covers the whole blob, the header included with its checksum field read as 0. */
static uint64_t seal(const unsigned char *p, size_t size)
{
	struct head h;
	memcpy(&h, p, sizeof h);
	h.checksum = 0;
	uint64_t a = checksum((const unsigned char *)&h, sizeof h);
	uint64_t b = checksum(p + sizeof h, size - sizeof h);
	return a ^ (b << 17 | b >> 47);
}

static void put_varint(uint8_t **p, uint32_t *len, uint32_t *cap, uint32_t v)
{
	if (*len + 5 > *cap) {
		size_t c = *cap;
		*p = xgrow(*p, &c, (size_t)*len + 5, 1);
		*cap = (uint32_t)(c > UINT32_MAX ? UINT32_MAX : c);
	}
	while (v >= 0x80) {
		(*p)[(*len)++] = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	(*p)[(*len)++] = (uint8_t)v;
}

/* Reads a varint; returns NULL on running past end or an overlong value (corrupt data). */
static const uint8_t *get_varint(const uint8_t *p, const uint8_t *end, uint32_t *v)
{
	uint32_t r = 0;
	for (int shift = 0; shift < 35; shift += 7) {
		if (p >= end)
			return NULL;
		uint8_t b = *p++;
		r |= (uint32_t)(b & 0x7F) << shift;
		if (!(b & 0x80)) {
			*v = r;
			return p;
		}
	}
	return NULL;
}

/* ---- units ---- */

static size_t utf8_next(const unsigned char *s, size_t n, size_t i, uint32_t *c)
{
	unsigned char b = s[i];
	size_t k = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
	if (i + k > n)
		k = n - i;
	uint32_t v = k == 1 ? b : k == 2 ? b & 0x1F : k == 3 ? b & 0x0F : b & 0x07;
	for (size_t j = 1; j < k; j++)
		v = (v << 6) | (s[i + j] & 0x3F);
	*c = v;
	return k;
}

/* Words of the build: string → id, open addressing over a pool of the strings. */
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

/* Looks a word up in a finished index; returns 0 when absent (no unit has id 0 from a word). */
static uint32_t index_word(const struct index *ix, const char *s, size_t n)
{
	size_t lo = 0, hi = ix->h->nwords;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct ixword *e = &ix->words[mid];
		size_t m = e->len < n ? e->len : n;
		int c = memcmp(ix->pool + e->off, s, m);
		if (c == 0)
			c = e->len < n ? -1 : e->len > n;
		if (c == 0)
			return e->id;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* Cuts folded text into unit ids, appended to *u. Words go through the build's table, or are
 * looked up in ix (then an unknown word makes the result 0: nothing can match). */
static int cut_units(const char *s, size_t n, struct wordtab *w, const struct index *ix,
                     uint32_t **u, size_t *nu, size_t *cap)
{
	const unsigned char *p = (const unsigned char *)s;
	*u = xgrow(*u, cap, *nu + n + 1, sizeof **u);
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t k = utf8_next(p, n, i, &c);
		if (!fold_is_word(c)) {
			(*u)[(*nu)++] = c;
			i += k;
			continue;
		}
		size_t start = i;
		for (i += k; i < n; i += k) {
			k = utf8_next(p, n, i, &c);
			if (!fold_is_word(c))
				break;
		}
		uint32_t id = w ? wordtab_id(w, s + start, i - start) : index_word(ix, s + start, i - start);
		if (!id)
			return 0;
		(*u)[(*nu)++] = id;
	}
	return 1;
}

static uint64_t unit_key(uint32_t a)
{
	return a;
}

static uint64_t pair_key(uint32_t a, uint32_t b)
{
	return KEY_PAIR | ((uint64_t)a << 31) | b;
}

/* ---- the build ---- */

struct slot {
	uint64_t key;
	uint8_t *p;          /* this key's postings so far */
	uint32_t len, cap;
	uint32_t df, stamp;  /* stamp: 1 + the report last counted */
	uint32_t cnt, fill;  /* occurrences in that report; positions placed */
	int64_t last_doc;
};

struct builder {
	struct slot *s;
	size_t n, cap;
	uint32_t *tab;       /* slot index + 1, 0 empty */
	size_t ntab;
	struct wordtab words;
	struct buf folded, strings;
	uint32_t *units;
	size_t nunits, ucap;
	uint32_t *touched, *pos, *occ;   /* per report: slots met, positions by slot, (slot, pos) pairs */
	size_t ntouched, tcap, pcap, nocc, ocap;
	struct ixdoc *docs;
	uint64_t total_units;
};

static size_t key_hash(uint64_t k, size_t mask)
{
	k ^= k >> 33;
	k *= 0xFF51AFD7ED558CCDull;
	k ^= k >> 33;
	return (size_t)k & mask;
}

static void tab_grow(struct builder *b)
{
	size_t nt = b->ntab ? b->ntab * 2 : 1 << 16;
	uint32_t *t = xcalloc(nt, sizeof *t);
	for (size_t i = 0; i < b->n; i++) {
		size_t h = key_hash(b->s[i].key, nt - 1);
		while (t[h])
			h = (h + 1) & (nt - 1);
		t[h] = (uint32_t)i + 1;
	}
	free(b->tab);
	b->tab = t;
	b->ntab = nt;
}

static uint32_t slot_of(struct builder *b, uint64_t key)
{
	if (2 * (b->n + 1) > b->ntab)
		tab_grow(b);
	size_t h = key_hash(key, b->ntab - 1);
	for (; b->tab[h]; h = (h + 1) & (b->ntab - 1))
		if (b->s[b->tab[h] - 1].key == key)
			return b->tab[h] - 1;
	b->s = xgrow(b->s, &b->cap, b->n + 1, sizeof *b->s);
	memset(&b->s[b->n], 0, sizeof *b->s);
	b->s[b->n].key = key;
	b->s[b->n].last_doc = -1;
	b->tab[h] = (uint32_t)b->n + 1;
	return (uint32_t)b->n++;
}

static void count(struct builder *b, uint32_t doc, uint64_t key, uint32_t pos)
{
	uint32_t i = slot_of(b, key);
	struct slot *s = &b->s[i];
	if (s->stamp != doc + 1) {
		s->stamp = doc + 1;
		s->cnt = 0;
		b->touched = xgrow(b->touched, &b->tcap, b->ntouched + 1, sizeof *b->touched);
		b->touched[b->ntouched++] = i;
	}
	s->cnt++;
	if (key & KEY_PAIR) {
		b->occ = xgrow(b->occ, &b->ocap, b->nocc + 2, sizeof *b->occ);
		b->occ[b->nocc++] = i;
		b->occ[b->nocc++] = pos;
	}
}

/* Counts the units and pairs of one stream (the body, or the headings) of report doc. */
static void add_stream(struct builder *b, uint32_t doc, uint64_t field)
{
	for (size_t i = 0; i < b->nunits; i++) {
		count(b, doc, field | unit_key(b->units[i]), 0);
		if (i + 1 < b->nunits)
			count(b, doc, field | pair_key(b->units[i], b->units[i + 1]), (uint32_t)i);
	}
}

/* Writes the report's entry in every slot it touched: doc delta, count, then for pairs the
 * byte length of the positions and the positions, delta-coded. Positions are grouped by slot
 * with a counting sort over the (slot, position) pairs, which arrive in order. */
static void flush_doc(struct builder *b, uint32_t doc)
{
	size_t total = 0;
	for (size_t t = 0; t < b->ntouched; t++) {
		struct slot *s = &b->s[b->touched[t]];
		s->fill = (uint32_t)total;
		if (s->key & KEY_PAIR)
			total += s->cnt;
	}
	b->pos = xgrow(b->pos, &b->pcap, total + 1, sizeof *b->pos);
	for (size_t o = 0; o < b->nocc; o += 2)
		b->pos[b->s[b->occ[o]].fill++] = b->occ[o + 1];
	for (size_t t = 0; t < b->ntouched; t++) {
		struct slot *s = &b->s[b->touched[t]];
		put_varint(&s->p, &s->len, &s->cap, (uint32_t)((int64_t)doc - s->last_doc));
		put_varint(&s->p, &s->len, &s->cap, s->cnt);
		s->last_doc = doc;
		s->df++;
		if (!(s->key & KEY_PAIR))
			continue;
		const uint32_t *q = b->pos + s->fill - s->cnt;
		uint32_t plen = 0, prev = 0;
		for (uint32_t k = 0; k < s->cnt; k++) {
			uint32_t d = q[k] - prev;
			plen += d < 0x80 ? 1 : d < 0x4000 ? 2 : d < 0x200000 ? 3 : d < 0x10000000 ? 4 : 5;
			prev = q[k];
		}
		put_varint(&s->p, &s->len, &s->cap, plen);
		prev = 0;
		for (uint32_t k = 0; k < s->cnt; k++) {
			put_varint(&s->p, &s->len, &s->cap, q[k] - prev);
			prev = q[k];
		}
	}
	b->ntouched = 0;
	b->nocc = 0;
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

static void add_report(struct builder *b, uint32_t doc, const struct report *r)
{
	struct ixdoc *d = &b->docs[doc];
	size_t bs = r->body_start <= r->len ? r->body_start : r->len;
	size_t be = r->body_end <= r->len && r->body_end >= bs ? r->body_end : r->len;
	d->path = add_string(&b->strings, r->path, &d->path_len);
	d->title = add_string(&b->strings, r->meta.title, &d->title_len);
	d->region = add_string(&b->strings, r->meta.region, &d->region_len);
	size_t flen;
	char *fr = fold_string(r->meta.region ? r->meta.region : "", r->meta.region ? strlen(r->meta.region) : 0, &flen);
	d->fregion = add_string(&b->strings, fr, &d->fregion_len);
	free(fr);
	d->year = r->meta.year;
	d->len = (uint32_t)r->len;
	d->body_start = (uint32_t)bs;
	d->body_end = (uint32_t)be;

	fold_text(r->text + bs, be - bs, 0, &b->folded, NULL);
	b->nunits = 0;
	cut_units(b->folded.data, b->folded.len, &b->words, NULL, &b->units, &b->nunits, &b->ucap);
	d->units = (uint32_t)b->nunits;
	b->total_units += b->nunits;
	add_stream(b, doc, 0);

	b->nunits = 0;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->head_start >= s->head_end || s->head_end > r->len)
			continue;
		fold_text(r->text + s->head_start, s->head_end - s->head_start, 0, &b->folded, NULL);
		cut_units(b->folded.data, b->folded.len, &b->words, NULL, &b->units, &b->nunits, &b->ucap);
		b->units = xgrow(b->units, &b->ucap, b->nunits + 1, sizeof *b->units);
		b->units[b->nunits++] = UNIT_BREAK;
	}
	add_stream(b, doc, KEY_HEAD);
	flush_doc(b, doc);
}

static int cmp_slot(const void *a, const void *b)
{
	uint64_t x = ((const struct slot *)a)->key, y = ((const struct slot *)b)->key;
	return x < y ? -1 : x > y;
}

static const char *sort_pool;
static int cmp_word(const void *a, const void *b)
{
	const struct ixword *x = a, *y = b;
	size_t m = x->len < y->len ? x->len : y->len;
	int c = memcmp(sort_pool + x->off, sort_pool + y->off, m);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

static size_t align8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

/* Lays the build out as a blob: header, docs, keys, words, string pool, postings. */
static unsigned char *write_blob(struct builder *b, size_t ndocs, size_t *size)
{
	qsort(b->s, b->n, sizeof *b->s, cmp_slot);
	/* Words are merged into the string pool, and sorted for binary search. */
	size_t wbase = b->strings.len;
	buf_add(&b->strings, b->words.pool.data ? b->words.pool.data : "", b->words.pool.len);
	for (size_t i = 0; i < b->words.n; i++)
		b->words.v[i].off += (uint32_t)wbase;
	sort_pool = b->strings.data;
	qsort(b->words.v, b->words.n, sizeof *b->words.v, cmp_word);

	size_t post_len = 0;
	for (size_t i = 0; i < b->n; i++)
		post_len += b->s[i].len;
	struct head h = { .version = BLOB_VERSION, .endian = 0x01020304, .ndocs = ndocs, .nkeys = b->n,
	                  .nwords = b->words.n, .units = b->total_units };
	memcpy(h.magic, BLOB_MAGIC, 8);
	h.docs_off = align8(sizeof h);
	h.keys_off = align8(h.docs_off + ndocs * sizeof(struct ixdoc));
	h.words_off = align8(h.keys_off + b->n * sizeof(struct ixkey));
	h.pool_off = align8(h.words_off + b->words.n * sizeof(struct ixword));
	h.pool_len = b->strings.len;
	h.post_off = align8(h.pool_off + h.pool_len);
	h.post_len = post_len;
	h.size = align8(h.post_off + post_len);

	unsigned char *blob = xcalloc(1, h.size);
	memcpy(blob + h.docs_off, b->docs, ndocs * sizeof(struct ixdoc));
	struct ixkey *k = (struct ixkey *)(blob + h.keys_off);
	size_t off = 0;
	for (size_t i = 0; i < b->n; i++) {
		k[i] = (struct ixkey){ b->s[i].key, off, b->s[i].len, b->s[i].df };
		memcpy(blob + h.post_off + off, b->s[i].p, b->s[i].len);
		off += b->s[i].len;
		free(b->s[i].p);
		b->s[i].p = NULL;
	}
	if (b->words.n)
		memcpy(blob + h.words_off, b->words.v, b->words.n * sizeof(struct ixword));
	if (h.pool_len)
		memcpy(blob + h.pool_off, b->strings.data, h.pool_len);
	memcpy(blob, &h, sizeof h);
	((struct head *)blob)->checksum = seal(blob, h.size);
	*size = h.size;
	return blob;
}

static void builder_fini(struct builder *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->s[i].p);
	free(b->s);
	free(b->tab);
	buf_fini(&b->words.pool);
	free(b->words.v);
	free(b->words.slot);
	buf_fini(&b->folded);
	buf_fini(&b->strings);
	free(b->units);
	free(b->touched);
	free(b->pos);
	free(b->occ);
	free(b->docs);
}

static void release_heap(const void *data, size_t len)
{
	(void)len;
	free((void *)data);
}

struct index *index_build(const struct corpus *c, const struct index_progress *progress)
{
	struct builder b;
	memset(&b, 0, sizeof b);
	b.docs = xcalloc(c->n + 1, sizeof *b.docs);
	for (size_t i = 0; i < c->n; i++) {
		add_report(&b, (uint32_t)i, c->reports[i]);
		if (progress && progress->fn && ((i & 63) == 63 || i + 1 == c->n))
			progress->fn(progress->arg, i + 1, c->n);
	}
	size_t size;
	unsigned char *blob = write_blob(&b, c->n, &size);
	builder_fini(&b);
	char *cause = NULL;
	struct index *ix = index_from_blob(blob, size, 0, release_heap, &cause);
	free(cause);   /* a blob just written always passes */
	return ix;
}

/* ---- loading a blob ---- */

static int in_range(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

static int check_blob(const unsigned char *p, size_t size, uint64_t key, char **cause)
{
	const struct head *h = (const struct head *)p;
	if (size < sizeof *h || memcmp(h->magic, BLOB_MAGIC, 8) != 0) {
		*cause = xstrdup("not an index file");
		return -1;
	}
	if (h->version != BLOB_VERSION || h->endian != 0x01020304) {
		*cause = xstrdup("index file of another version");
		return -1;
	}
	if (h->key != key) {
		*cause = xstrdup("index of another corpus, or files changed since");
		return -1;
	}
	if (h->size != size) {
		*cause = xstrdup("index file truncated");
		return -1;
	}
	if (seal(p, size) != h->checksum) {
		*cause = xstrdup("index file corrupt (checksum)");
		return -1;
	}
	int ok = h->ndocs < UINT32_MAX && h->nkeys < UINT64_MAX / 64 && h->nwords < UINT32_MAX
		&& in_range(h->docs_off, h->ndocs * sizeof(struct ixdoc), size)
		&& in_range(h->keys_off, h->nkeys * sizeof(struct ixkey), size)
		&& in_range(h->words_off, h->nwords * sizeof(struct ixword), size)
		&& in_range(h->pool_off, h->pool_len, size) && in_range(h->post_off, h->post_len, size)
		&& (h->docs_off | h->keys_off | h->words_off) % 8 == 0;
	if (!ok) {
		*cause = xstrdup("index file corrupt (layout)");
		return -1;
	}
	const struct ixdoc *d = (const struct ixdoc *)(p + h->docs_off);
	for (size_t i = 0; i < h->ndocs && ok; i++) {
		const uint32_t o[][2] = { { d[i].path, d[i].path_len }, { d[i].title, d[i].title_len },
		                          { d[i].region, d[i].region_len }, { d[i].fregion, d[i].fregion_len } };
		for (int j = 0; j < 4; j++)
			ok &= in_range(o[j][0], (uint64_t)o[j][1] + 1, h->pool_len);
	}
	const struct ixkey *k = (const struct ixkey *)(p + h->keys_off);
	for (size_t i = 0; i < h->nkeys && ok; i++)
		ok &= in_range(k[i].off, k[i].len, h->post_len) && (i == 0 || k[i - 1].key < k[i].key);
	const struct ixword *w = (const struct ixword *)(p + h->words_off);
	for (size_t i = 0; i < h->nwords && ok; i++)
		ok &= in_range(w[i].off, w[i].len, h->pool_len);
	if (!ok) {
		*cause = xstrdup("index file corrupt (tables)");
		return -1;
	}
	return 0;
}

struct index *index_from_blob(const void *data, size_t len, uint64_t key,
                              void (*release)(const void *, size_t), char **cause)
{
	const unsigned char *p = data;
	if (((uintptr_t)p & 7) || check_blob(p, len, key, cause) < 0) {
		if (!*cause)
			*cause = xstrdup("index file misaligned");
		return NULL;
	}
	struct index *ix = xcalloc(1, sizeof *ix);
	ix->blob = p;
	ix->size = len;
	ix->release = release;
	ix->h = (const struct head *)p;
	ix->docs = (const struct ixdoc *)(p + ix->h->docs_off);
	ix->keys = (const struct ixkey *)(p + ix->h->keys_off);
	ix->words = (const struct ixword *)(p + ix->h->words_off);
	ix->pool = (const char *)(p + ix->h->pool_off);
	ix->post = p + ix->h->post_off;
	ix->avgdl = ix->h->ndocs ? (double)ix->h->units / (double)ix->h->ndocs : 1;
	if (ix->avgdl < 1)
		ix->avgdl = 1;
	return ix;
}

void index_set_key(struct index *ix, uint64_t key)
{
	struct head *h = (struct head *)ix->blob;   /* only ever a heap blob from index_build */
	h->key = key;
	h->checksum = seal(ix->blob, ix->size);
}

void index_free(struct index *ix)
{
	if (!ix)
		return;
	if (ix->release)
		ix->release(ix->blob, ix->size);
	free(ix);
}

const void *index_blob(const struct index *ix, size_t *len)
{
	*len = ix->size;
	return ix->blob;
}

size_t index_bytes(const struct index *ix)
{
	return ix->size;
}

size_t index_nreports(const struct index *ix)
{
	return ix->h->ndocs;
}

void index_info(const struct index *ix, size_t report, struct index_info *out)
{
	const struct ixdoc *d = &ix->docs[report];
	*out = (struct index_info){ ix->pool + d->path, ix->pool + d->title, ix->pool + d->region,
	                            d->path_len, d->title_len, d->region_len, d->year };
}

/* ---- searching ---- */

/* A cursor over one key's postings. */
struct cur {
	const uint8_t *p, *end;
	int64_t doc;
	uint32_t cnt, plen;
	const uint8_t *pos;
	int pair;
};

static const struct ixkey *find_key(const struct index *ix, uint64_t key)
{
	size_t lo = 0, hi = ix->h->nkeys;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (ix->keys[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ix->h->nkeys && ix->keys[lo].key == key ? &ix->keys[lo] : NULL;
}

static void cur_init(struct cur *c, const struct index *ix, const struct ixkey *k)
{
	c->p = ix->post + k->off;
	c->end = c->p + k->len;
	c->doc = -1;
	c->pair = (k->key & KEY_PAIR) != 0;
}

/* Steps to the next report of the list; 0 at the end (or on data that does not decode). */
static int cur_next(struct cur *c, uint64_t ndocs)
{
	uint32_t delta;
	const uint8_t *p = get_varint(c->p, c->end, &delta);
	if (!p || delta == 0 || !(p = get_varint(p, c->end, &c->cnt)))
		goto end;
	c->doc += delta;
	if ((uint64_t)c->doc >= ndocs)
		goto end;
	if (c->pair) {
		if (!(p = get_varint(p, c->end, &c->plen)) || c->plen > (size_t)(c->end - p))
			goto end;
		c->pos = p;
		p += c->plen;
	}
	c->p = p;
	return 1;
end:
	c->p = c->end;
	c->doc = INT64_MAX;
	return 0;
}

static int cur_seek(struct cur *c, int64_t doc, uint64_t ndocs)
{
	while (c->doc < doc)
		if (!cur_next(c, ndocs))
			return 0;
	return 1;
}

struct tf {
	uint32_t doc, n;
};

struct acc {
	uint32_t doc, hits, hhits;
	double score;
};

/* Scratch of one search: grown as needed, freed at its end. */
struct search {
	const struct index *ix;
	uint32_t *units;
	size_t nunits, ucap;
	uint32_t *pos[QUERY_MAX_CHARS];      /* decoded positions per chained pair */
	size_t npos[QUERY_MAX_CHARS], pcap[QUERY_MAX_CHARS];
	struct tf *tf, *htf;
	size_t ntf, tfcap, nhtf, htfcap;
};

static size_t decode_positions(struct search *s, int j, const struct cur *c)
{
	s->pos[j] = xgrow(s->pos[j], &s->pcap[j], c->cnt + 1, sizeof **s->pos);
	const uint8_t *p = c->pos, *end = c->pos + c->plen;
	uint32_t v, prev = 0;
	size_t n = 0;
	while (n < c->cnt && (p = get_varint(p, end, &v)))
		s->pos[j][n++] = prev += v;
	return s->npos[j] = n;
}

/* Places where the pairs chain: a start p such that pair j occurs at p + off[j] for all j. */
static uint32_t chain(struct search *s, const size_t *off, int nl)
{
	int drv = 0;
	for (int j = 1; j < nl; j++)
		if (s->npos[j] < s->npos[drv])
			drv = j;
	size_t at[QUERY_MAX_CHARS] = { 0 };
	uint32_t n = 0;
	for (size_t i = 0; i < s->npos[drv]; i++) {
		uint32_t p = s->pos[drv][i];
		if (p < off[drv])
			continue;
		uint64_t start = p - off[drv];
		int ok = 1;
		for (int j = 0; j < nl && ok; j++) {
			if (j == drv)
				continue;
			while (at[j] < s->npos[j] && s->pos[j][at[j]] < start + off[j])
				at[j]++;
			ok = at[j] < s->npos[j] && s->pos[j][at[j]] == start + off[j];
		}
		n += ok;
	}
	return n;
}

static void push_tf(struct tf **v, size_t *n, size_t *cap, uint32_t doc, uint32_t cnt)
{
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct tf){ doc, cnt };
}

/* Occurrences per report of the unit sequence s->units in one field, appended to (v, n). */
static void eval_units(struct search *s, uint64_t field, struct tf **v, size_t *n, size_t *cap)
{
	const struct index *ix = s->ix;
	uint64_t nd = ix->h->ndocs;
	const uint32_t *u = s->units;
	size_t nu = s->nunits;
	if (nu == 1) {
		const struct ixkey *k = find_key(ix, field | unit_key(u[0]));
		struct cur c;
		if (!k)
			return;
		cur_init(&c, ix, k);
		while (cur_next(&c, nd))
			push_tf(v, n, cap, (uint32_t)c.doc, c.cnt);
		return;
	}
	/* Pairs at 0, 2, 4 … and the last cover every unit: enough to prove the whole chain. */
	size_t off[QUERY_MAX_CHARS];
	struct cur c[QUERY_MAX_CHARS];
	int nl = 0;
	for (size_t j = 0; j + 1 < nu; j += (j + 3 < nu) ? 2 : (j + 2 < nu ? 1 : 2)) {
		const struct ixkey *k = find_key(ix, field | pair_key(u[j], u[j + 1]));
		if (!k)
			return;
		off[nl] = j;
		cur_init(&c[nl++], ix, k);
	}
	int64_t target = 0;
	for (;;) {
		int all = 1;
		for (int j = 0; j < nl; j++) {
			if (!cur_seek(&c[j], target, nd))
				return;
			if (c[j].doc > target) {
				target = c[j].doc;
				all = 0;
			}
		}
		if (!all)
			continue;
		for (int j = 0; j < nl; j++)
			decode_positions(s, j, &c[j]);
		uint32_t m = chain(s, off, nl);
		if (m)
			push_tf(v, n, cap, (uint32_t)target, m);
		target++;
	}
}

static double bm25(const struct index *ix, uint32_t doc, uint32_t tf, double idf)
{
	const double k1 = 1.2, b = 0.75;
	double dl = ix->docs[doc].units;
	return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / ix->avgdl));
}

/* The reports holding one term, scored. Returns 0 when the term cannot occur at all. */
static void eval_term(struct search *s, const struct query_term *t, struct acc **out, size_t *nout, size_t *cap)
{
	*nout = 0;
	s->nunits = 0;
	if (!cut_units(t->text, t->len, NULL, s->ix, &s->units, &s->nunits, &s->ucap) || s->nunits == 0)
		return;
	s->ntf = s->nhtf = 0;
	eval_units(s, 0, &s->tf, &s->ntf, &s->tfcap);
	if (t->exclude) {
		*out = xgrow(*out, cap, s->ntf + 1, sizeof **out);
		for (size_t i = 0; i < s->ntf; i++)
			(*out)[(*nout)++] = (struct acc){ s->tf[i].doc, s->tf[i].n, 0, 0 };
		return;
	}
	eval_units(s, KEY_HEAD, &s->htf, &s->nhtf, &s->htfcap);
	double nd = (double)s->ix->h->ndocs, df = (double)s->ntf;
	double idf = log(1 + (nd - df + 0.5) / (df + 0.5));
	*out = xgrow(*out, cap, s->ntf + 1, sizeof **out);
	size_t h = 0;
	for (size_t i = 0; i < s->ntf; i++) {
		uint32_t d = s->tf[i].doc, hh = 0;
		while (h < s->nhtf && s->htf[h].doc < d)
			h++;
		if (h < s->nhtf && s->htf[h].doc == d)
			hh = s->htf[h].n;
		double score = bm25(s->ix, d, s->tf[i].n, idf) + idf * 1.5 * hh / (hh + 1.0);
		(*out)[(*nout)++] = (struct acc){ d, s->tf[i].n, hh, score };
	}
}

/* Merges b into a: union (OR) or intersection (AND), adding hits and scores. */
static void merge(struct acc **a, size_t *na, size_t *acap, const struct acc *b, size_t nb, int and,
                  struct acc **tmp, size_t *tcap)
{
	*tmp = xgrow(*tmp, tcap, *na + nb + 1, sizeof **tmp);
	size_t i = 0, j = 0, n = 0;
	while (i < *na || j < nb) {
		if (j == nb || (i < *na && (*a)[i].doc < b[j].doc)) {
			if (!and)
				(*tmp)[n++] = (*a)[i];
			i++;
		} else if (i == *na || b[j].doc < (*a)[i].doc) {
			if (!and)
				(*tmp)[n++] = b[j];
			j++;
		} else {
			struct acc x = (*a)[i++];
			x.hits += b[j].hits;
			x.hhits += b[j].hhits;
			x.score += b[j++].score;
			(*tmp)[n++] = x;
		}
	}
	struct acc *t = *a;
	size_t tc = *acap;
	*a = *tmp;
	*acap = *tcap;
	*na = n;
	*tmp = t;
	*tcap = tc;
}

/* Drops from a every report in b. */
static void subtract(struct acc *a, size_t *na, const struct acc *b, size_t nb)
{
	size_t j = 0, n = 0;
	for (size_t i = 0; i < *na; i++) {
		while (j < nb && b[j].doc < a[i].doc)
			j++;
		if (j < nb && b[j].doc == a[i].doc)
			continue;
		a[n++] = a[i];
	}
	*na = n;
}

/* memmem, which strict POSIX does not declare. */
static const char *find(const char *h, size_t hn, const char *nd, size_t nn)
{
	if (nn == 0 || nn > hn)
		return nn == 0 ? h : NULL;
	const char *last = h + (hn - nn);
	for (const char *p = h; p <= last; p++) {
		p = memchr(p, nd[0], (size_t)(last - p) + 1);
		if (!p)
			return NULL;
		if (memcmp(p, nd, nn) == 0)
			return p;
	}
	return NULL;
}

static int passes(const struct index *ix, const struct query *q, uint32_t doc)
{
	const struct ixdoc *d = &ix->docs[doc];
	if (q->year_from && (d->year < q->year_from || d->year > q->year_to))
		return 0;
	if (q->region) {
		const char *r = ix->pool + d->fregion;
		if (!find(r, d->fregion_len, q->region, q->region_len))
			return 0;
	}
	return 1;
}

static int cmp_acc(const void *a, const void *b)
{
	const struct acc *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

void index_results_fini(struct index_results *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Every report, scored 0: the start of a query made of filters only. */
static size_t all_docs(const struct index *ix, struct acc **res, size_t *cap)
{
	size_t n = ix->h->ndocs;
	*res = xgrow(*res, cap, n + 1, sizeof **res);
	for (size_t i = 0; i < n; i++)
		(*res)[i] = (struct acc){ (uint32_t)i, 0, 0, 0 };
	return n;
}

/* Evaluates the groups and exclusions into res (sorted by report). */
static size_t evaluate(struct search *s, const struct query *q, struct acc **res, size_t *rcap)
{
	struct acc *grp = NULL, *one = NULL, *tmp = NULL;
	size_t ngrp = 0, gcap = 0, none = 0, ocap = 0, tcap = 0, nres = 0;
	int first = 1;
	for (int g = 0; g < q->ngroups; g++) {
		ngrp = 0;
		for (size_t i = 0; i < q->nterms; i++) {
			if (q->terms[i].group != g)
				continue;
			eval_term(s, &q->terms[i], &one, &none, &ocap);
			merge(&grp, &ngrp, &gcap, one, none, 0, &tmp, &tcap);
		}
		if (first)
			merge(res, &nres, rcap, grp, ngrp, 0, &tmp, &tcap);
		else
			merge(res, &nres, rcap, grp, ngrp, 1, &tmp, &tcap);
		first = 0;
		if (nres == 0)
			break;
	}
	if (q->ngroups == 0)
		nres = all_docs(s->ix, res, rcap);
	for (size_t i = 0; i < q->nterms && nres; i++) {
		if (!q->terms[i].exclude)
			continue;
		eval_term(s, &q->terms[i], &one, &none, &ocap);
		subtract(*res, &nres, one, none);
	}
	free(grp);
	free(one);
	free(tmp);
	return nres;
}

size_t index_search(const struct index *ix, const struct query *q, size_t limit, struct index_results *out)
{
	struct search *s = xcalloc(1, sizeof *s);
	s->ix = ix;
	struct acc *res = NULL;
	size_t rcap = 0, nres = evaluate(s, q, &res, &rcap), n = 0;
	out->n = out->total = out->total_hits = 0;
	for (size_t i = 0; i < nres; i++)
		if (passes(ix, q, res[i].doc)) {
			res[n++] = res[i];
			out->total_hits += res[i].hits;
		}
	out->total = n;
	qsort(res, n, sizeof *res, cmp_acc);
	size_t keep = limit && limit < n ? limit : n;
	out->v = xgrow(out->v, &out->cap, keep + 1, sizeof *out->v);
	for (size_t i = 0; i < keep; i++)
		out->v[i] = (struct index_result){ res[i].doc, res[i].hits, res[i].hhits, res[i].score };
	out->n = keep;
	free(res);
	free(s->units);
	free(s->tf);
	free(s->htf);
	for (size_t j = 0; j < QUERY_MAX_CHARS; j++)
		free(s->pos[j]);
	free(s);
	return keep;
}

/* ---- matching one report's text ---- */

void index_hits_fini(struct index_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

void index_doc_init(struct index_doc *d, const struct report *r)
{
	memset(d, 0, sizeof *d);
	d->report = r;
	size_t bs = r->body_start <= r->len ? r->body_start : r->len;
	size_t be = r->body_end <= r->len && r->body_end >= bs ? r->body_end : r->len;
	fold_text(r->text + bs, be - bs, bs, &d->folded, &d->map);
}

void index_doc_fini(struct index_doc *d)
{
	buf_fini(&d->folded);
	fold_map_fini(&d->map);
}

static uint32_t first_cp(const char *s, size_t n)
{
	uint32_t c;
	utf8_next((const unsigned char *)s, n, 0, &c);
	return c;
}

static uint32_t last_cp(const char *s, size_t n)
{
	size_t i = n - 1;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return first_cp(s + i, n - i);
}

static int cmp_hit(const void *a, const void *b)
{
	const struct index_hit *x = a, *y = b;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

size_t index_doc_find(const struct index_doc *d, const struct query *q, struct index_hits *out)
{
	const char *f = d->folded.data ? d->folded.data : "";
	size_t n = d->folded.len;
	out->n = 0;
	for (size_t t = 0; t < q->nterms; t++) {
		const struct query_term *qt = &q->terms[t];
		if (qt->exclude || qt->len > n)
			continue;
		int wfirst = fold_is_word(first_cp(qt->text, qt->len));
		int wlast = fold_is_word(last_cp(qt->text, qt->len));
		const char *at = f;
		while ((at = find(at, n - (size_t)(at - f), qt->text, qt->len))) {
			size_t i = (size_t)(at - f), j = i + qt->len;
			int ok = !(wfirst && i > 0 && fold_is_word(last_cp(f, i)))
				&& !(wlast && j < n && fold_is_word(first_cp(f + j, n - j)));
			if (ok) {
				out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
				out->v[out->n++] = (struct index_hit){ fold_map_start(&d->map, i), fold_map_end(&d->map, j) };
			}
			uint32_t c;
			at += utf8_next((const unsigned char *)f, n, i, &c);
		}
	}
	qsort(out->v, out->n, sizeof *out->v, cmp_hit);
	return out->n;
}

/* ---- snippets ---- */

static size_t char_back(const char *s, size_t i)
{
	do
		i--;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80);
	return i;
}

size_t index_snippets(const struct report *r, const struct index_hits *hits, size_t cells,
                      struct index_snippet *out, size_t max)
{
	const char *t = r->text;
	const unsigned char *u = (const unsigned char *)t;
	size_t n = 0, lead = cells / 4;
	for (size_t h = 0; h < hits->n && n < max;) {
		size_t hs = hits->v[h].start, he = hits->v[h].end;
		size_t line0 = hs, line1 = he;
		while (line0 > 0 && t[line0 - 1] != '\n')
			line0--;
		while (line1 < r->len && t[line1] != '\n')
			line1++;
		size_t start = hs, w = 0;
		while (start > line0) {
			size_t p = char_back(t, start);
			uint32_t c;
			utf8_next(u, r->len, p, &c);
			if (w + (size_t)text_char_width(c) > lead)
				break;
			w += (size_t)text_char_width(c);
			start = p;
		}
		size_t end = start;
		w = 0;
		while (end < line1) {
			uint32_t c;
			size_t k = utf8_next(u, r->len, end, &c);
			if (end >= he && w + (size_t)text_char_width(c) > cells)
				break;
			w += (size_t)text_char_width(c);
			end += k;
		}
		struct index_snippet *sn = &out[n++];
		*sn = (struct index_snippet){ start, end, report_section_at(r, hs), h, 0 };
		while (h < hits->n && hits->v[h].start < end && hits->v[h].end <= end) {
			sn->n++;
			h++;
		}
	}
	return n;
}
