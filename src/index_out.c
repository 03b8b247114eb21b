/* index_out.c — writes an index blob in order: postings laid out, bytes staged, checksummed and written a block at a time. */
#include "index_out.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "checksum.h"
#include "classify.h"
#include "fileio.h"
#include "report.h"
#include "xmalloc.h"

_Static_assert(REPORT_LEVEL_COUNT <= 256 && CLASSIFY_NPARTS <= 8, "a level and the parts fit a byte of struct ixfilter");

size_t index_blob_lay_out(uint64_t key, uint32_t df, const uint8_t *src, size_t len, const struct ixdoc *docs,
                          unsigned char *dst, unsigned char *pos)
{
	uint32_t ns = df ? (df - 1) / INDEX_SKIP : 0;
	size_t head = index_blob_skip_bytes(key, df);
	int pair = (key & KEY_PAIR) != 0;
	const uint8_t *p = src, *end = src + len;
	unsigned char *skips = dst + (pair && ns ? 4 : 0);
	uint32_t doc = 0, stride = pair ? 12 : 8;
	struct bitwriter w = { dst + head, 0, 0 }, pw = { pos, 0, 0 };
	for (uint32_t n = 0; n < df && p < end; n++) {
		if (n && n % INDEX_SKIP == 0) {
			uint32_t v[3] = { doc, (uint32_t)((size_t)(w.p - dst) * 8 + w.n), (uint32_t)((size_t)(pw.p - pos) * 8 + pw.n) };
			memcpy(skips + (size_t)stride * (n / INDEX_SKIP - 1), v, stride);
		}
		uint32_t v = 0, cnt = 1;
		p = index_blob_get_varint(p, end, &v);
		if (p && !(v & 1))
			p = index_blob_get_varint(p, end, &cnt);
		if (!p)
			break;
		doc = n ? doc + (v >> 1) : (v >> 1) - 1;
		index_blob_put_gamma(&w, v >> 1);
		index_blob_put_gamma(&w, cnt);
		if (!pair)
			continue;
		unsigned k = index_blob_pos_k(index_blob_field_units(key, docs, doc), cnt);
		if (!(p = index_blob_put_positions(&pw, p, end, cnt, k)))
			break;
	}
	return index_blob_join(key, df, dst, index_blob_end_bits(&w), pos, (size_t)(index_blob_end_bits(&pw) - pos));
}

size_t index_blob_join(uint64_t key, uint32_t df, unsigned char *dst, unsigned char *entries_end,
                       const unsigned char *pos, size_t plen)
{
	uint32_t at = (uint32_t)(entries_end - dst), ns = df ? (df - 1) / INDEX_SKIP : 0;
	if (!(key & KEY_PAIR))
		return at;
	if (ns)
		memcpy(dst, &at, 4);
	for (uint32_t k = 0; k < ns; k++) {   /* positions were counted from their own start */
		uint32_t o;
		memcpy(&o, dst + 4 + 12 * (size_t)k + 8, 4);
		o += at * 8;
		memcpy(dst + 4 + 12 * (size_t)k + 8, &o, 4);
	}
	memcpy(entries_end, pos, plen);
	return at + plen;
}

/* Checksums and writes n staged bytes p at blob offset at (whole postings blocks, or the end). */
static void put_bytes(struct out *o, const unsigned char *p, size_t n, uint64_t at)
{
	size_t skip = at < sizeof(struct head) ? sizeof(struct head) - (size_t)at : 0;
	if (skip < n)
		checksum_add(&o->sum, p + skip, n - skip);
	for (uint64_t q = at < o->post_off ? o->post_off : at; q < at + n && q < o->post_end;) {
		uint64_t end = q + o->block < o->post_end ? q + o->block : o->post_end;
		if (end > at + n)
			end = at + n;
		if (o->block_fn)   /* the postings' blocks, to the caller */
			o->block_fn(o->arg, (q - o->post_off) / o->block, p + (q - at), (size_t)(end - q));
		q = end;
	}
	if (!o->failed && fileio_chunks_write(&o->file, p, n, at) < 0)
		o->failed = errno ? errno : EIO;
}

/* The staged bytes are checksummed and written by a second thread while the next ones are
 * laid out: the caller's thread hands a full buffer over and goes on in the spare one. */
struct flusher {
	pthread_t t;
	pthread_mutex_t lock;
	pthread_cond_t moved;
	struct out *o;
	unsigned char *job;    /* the buffer being written, NULL when idle */
	size_t n;
	uint64_t at;
	int quit;
};

static void *flusher_run(void *arg)
{
	struct flusher *f = arg;
	pthread_mutex_lock(&f->lock);
	for (;;) {
		while (!f->job && !f->quit)
			pthread_cond_wait(&f->moved, &f->lock);
		if (!f->job)
			break;
		pthread_mutex_unlock(&f->lock);
		put_bytes(f->o, f->job, f->n, f->at);
		pthread_mutex_lock(&f->lock);
		f->job = NULL;
		pthread_cond_signal(&f->moved);
	}
	pthread_mutex_unlock(&f->lock);
	return NULL;
}

/* Waits until the flusher is idle. */
static void flusher_wait(struct flusher *f)
{
	pthread_mutex_lock(&f->lock);
	while (f->job)
		pthread_cond_wait(&f->moved, &f->lock);
	pthread_mutex_unlock(&f->lock);
}

/* Writes out the staged bytes up to blob offset upto (all, or whole postings blocks). */
static void out_flush(struct out *o, uint64_t upto)
{
	size_t n = (size_t)(upto - o->at);
	if (!n)
		return;
	struct flusher *f = o->flusher;
	if (!f) {
		put_bytes(o, o->buf, n, o->at);
		memmove(o->buf, o->buf + n, o->fill - n);
	} else {
		flusher_wait(f);   /* the spare is free again */
		o->spare = xgrow(o->spare, &o->spare_cap, o->cap, 1);
		memcpy(o->spare, o->buf + n, o->fill - n);
		pthread_mutex_lock(&f->lock);
		f->job = o->buf;
		f->n = n;
		f->at = o->at;
		pthread_cond_signal(&f->moved);
		pthread_mutex_unlock(&f->lock);
		unsigned char *t = o->buf;
		size_t c = o->cap;
		o->buf = o->spare;
		o->cap = o->spare_cap;
		o->spare = t;
		o->spare_cap = c;
	}
	o->fill -= n;
	o->at += n;
}

/* Room for n bytes at the end of the blob so far; out_commit says how many were used. */
unsigned char *out_room(struct out *o, size_t n)
{
	if (o->mem)
		return o->mem + o->at;
	if (o->fill + n > o->cap) {
		uint64_t end = o->at + o->fill, upto = end;
		if (end > o->post_off && end < o->post_end)   /* postings go out in whole blocks */
			upto = o->post_off + (end - o->post_off) / o->block * o->block;
		out_flush(o, upto);
	}
	if (o->fill + n > o->cap)   /* a list longer than the buffer */
		o->buf = xgrow(o->buf, &o->cap, o->fill + n, 1);
	return o->buf + o->fill;
}

void out_commit(struct out *o, size_t n)
{
	if (o->mem)
		o->at += n;
	else
		o->fill += n;
}

void out_put(struct out *o, const void *p, size_t n)
{
	if (n)
		memcpy(out_room(o, n), p, n);
	out_commit(o, n);
}

/* Zeros up to blob offset to. */
void out_pad(struct out *o, uint64_t to)
{
	size_t n = (size_t)(to - o->at - (o->mem ? 0 : o->fill));
	memset(out_room(o, n), 0, n);
	out_commit(o, n);
}

static uint64_t align8(uint64_t n)
{
	return (n + 7) & ~(uint64_t)7;
}

void index_blob_place(struct head *h)
{
	memcpy(h->magic, BLOB_MAGIC, 8);
	h->version = BLOB_VERSION;
	h->endian = 0x01020304;
	h->docs_off = align8(sizeof *h);
	h->norms_off = align8(h->docs_off + h->ndocs * sizeof(struct ixdoc));
	h->filters_off = align8(h->norms_off + h->ndocs * sizeof(uint32_t));
	h->names_off = align8(h->filters_off + h->ndocs * sizeof(struct ixfilter));
	h->keys_off = align8(h->names_off + h->ndocs * sizeof(struct ixname));
	h->fences_off = align8(h->keys_off + h->nkeys * sizeof(struct ixkey));
	h->words_off = align8(h->fences_off + index_blob_fences(h->nkeys) * sizeof(uint64_t));
	h->pool_off = align8(h->words_off + h->nwords * sizeof(struct ixword));
	h->lines_off = align8(h->pool_off + h->pool_len);
	h->post_off = align8(h->lines_off + h->lines_len);
	h->size = align8(h->post_off + h->post_len);
}

/* The names of a segment's reports seen so far, by their bytes: open addressing over the pool
 * offsets of their first use, grown at half full. */
struct names_seen {
	uint32_t *off, *len;
	unsigned char *used;
	size_t mask, n;
};

static void names_init(struct names_seen *t, size_t slots)
{
	t->off = xcalloc(slots, sizeof *t->off);
	t->len = xcalloc(slots, sizeof *t->len);
	t->used = xcalloc(slots, 1);
	t->mask = slots - 1;
	t->n = 0;
}

static void names_fini(struct names_seen *t)
{
	free(t->off);
	free(t->len);
	free(t->used);
}

/* The pool offset of the first name seen with the bytes of the len at off. */
static uint32_t name_first(struct names_seen *t, const char *pool, uint32_t off, uint32_t len)
{
	if (2 * (t->n + 1) > t->mask + 1) {
		struct names_seen g;
		names_init(&g, 2 * (t->mask + 1));
		for (size_t i = 0; i <= t->mask; i++)
			if (t->used[i])
				name_first(&g, pool, t->off[i], t->len[i]);
		names_fini(t);
		*t = g;
	}
	size_t at = checksum_fnv(CHECKSUM_FNV_OFFSET, pool + off, len) & t->mask;
	for (; t->used[at]; at = (at + 1) & t->mask)
		if (t->len[at] == len && memcmp(pool + t->off[at], pool + off, len) == 0)
			return t->off[at];
	t->used[at] = 1, t->off[at] = off, t->len[at] = len;
	t->n++;
	return off;
}

/* Each report's struct ixname, its names the first of the segment's with their bytes. */
static void out_names(struct out *o, const struct head *h, const struct ixdoc *docs, const char *pool)
{
	struct names_seen seen;
	names_init(&seen, 1024);
	for (size_t i = 0; i < h->ndocs; i++) {
		const struct ixdoc *d = &docs[i];
		struct ixname n = { name_first(&seen, pool, d->fregion, d->fregion_len), d->fregion_len,
		                    name_first(&seen, pool, d->fissuer, d->fissuer_len), d->fissuer_len };
		out_put(o, &n, sizeof n);
	}
	names_fini(&seen);
}

void out_tables(struct out *o, const struct head *h, const struct ixdoc *docs,
                void (*key)(void *arg, size_t i, struct ixkey *k), void *arg, const struct ixword *words,
                const void *pool, const void *lines)
{
	out_put(o, h, sizeof *h);
	out_pad(o, h->docs_off);
	out_put(o, docs, h->ndocs * sizeof *docs);
	out_pad(o, h->norms_off);
	for (size_t i = 0; i < h->ndocs; i++)
		out_put(o, &docs[i].units, sizeof docs[i].units);
	out_pad(o, h->filters_off);
	for (size_t i = 0; i < h->ndocs; i++) {
		struct ixfilter f = index_blob_filter_of(&docs[i]);
		out_put(o, &f, sizeof f);
	}
	out_pad(o, h->names_off);
	out_names(o, h, docs, pool);
	out_pad(o, h->keys_off);
	uint64_t *fences = xmalloc((index_blob_fences(h->nkeys) + 1) * sizeof *fences);
	for (size_t i = 0; i < h->nkeys; i++) {   /* each key's size is known before its postings are laid out */
		struct ixkey k;
		key(arg, i, &k);
		if (i % INDEX_FENCE == 0)
			fences[i / INDEX_FENCE] = k.key;
		out_put(o, &k, sizeof k);
	}
	out_pad(o, h->fences_off);
	out_put(o, fences, index_blob_fences(h->nkeys) * sizeof *fences);
	free(fences);
	out_pad(o, h->words_off);
	out_put(o, words, h->nwords * sizeof *words);
	out_pad(o, h->pool_off);
	out_put(o, pool, h->pool_len);
	out_pad(o, h->lines_off);
	out_put(o, lines, h->lines_len);
	out_pad(o, h->post_off);
}

void out_start_file(struct out *o, int fd, size_t chunk, size_t block,
                    void (*block_fn)(void *arg, uint64_t n, const unsigned char *p, size_t len), void *arg)
{
	*o = (struct out){ .fd = fd, .block = block, .block_fn = block_fn, .arg = arg };
	fileio_chunks_start(&o->file, fd, chunk);
	checksum_init(&o->sum, 0);
	o->buf = xgrow(NULL, &o->cap, 2 * block, 1);
	struct flusher *f = xcalloc(1, sizeof *f);
	f->o = o;
	if (pthread_mutex_init(&f->lock, NULL) != 0) {
		free(f);
		return;
	}
	if (pthread_cond_init(&f->moved, NULL) != 0) {
		pthread_mutex_destroy(&f->lock);
		free(f);
	} else if (pthread_create(&f->t, NULL, flusher_run, f) != 0) {
		pthread_cond_destroy(&f->moved);
		pthread_mutex_destroy(&f->lock);
		free(f);
	} else {
		o->flusher = f;
	}
}

void out_postings_at(struct out *o, uint64_t post_off, uint64_t post_end)
{
	o->post_off = post_off;
	o->post_end = post_end;
}

uint64_t out_finish_file(struct out *o, struct head *h, char **cause)
{
	out_flush(o, o->at + o->fill);
	struct flusher *f = o->flusher;
	if (f) {
		pthread_mutex_lock(&f->lock);
		f->quit = 1;
		pthread_cond_signal(&f->moved);
		pthread_mutex_unlock(&f->lock);
		pthread_join(f->t, NULL);   /* it finishes its last buffer first */
		pthread_cond_destroy(&f->moved);
		pthread_mutex_destroy(&f->lock);
		free(f);
		o->flusher = NULL;
	}
	if (fileio_chunks_finish(&o->file) < 0 && !o->failed)
		o->failed = errno ? errno : EIO;
	free(o->spare);
	free(o->buf);
	o->spare = o->buf = NULL;
	h->checksum = 0;
	uint64_t x = checksum64(0, h, sizeof *h);
	uint64_t y = checksum_end(&o->sum);
	h->checksum = x ^ (y << 17 | y >> 47);
	if (!o->failed && fileio_write_at(o->fd, h, sizeof *h, 0) < 0)
		o->failed = errno ? errno : EIO;
	if (o->failed) {
		*cause = xstrdup(strerror(o->failed));
		return 0;
	}
	return h->size;
}
