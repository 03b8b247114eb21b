/* index.c — reads and checks the index blob, answers queries from it (ranked reports, exact hit counts), finds hits and cuts snippets. */
#include "index.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "checksum.h"
#include "fold.h"
#include "index_blob.h"
#include "index_merge.h"
#include "mathfn.h"
#include "text.h"
#include "xmalloc.h"

/* The blob is trusted only after index_from_blob checked its checksum and tables, or, for a
 * cache file (index_from_blob_checked), once each block read has passed its checksum (the
 * seg_* readers below ask before every read of the tables). Even so, every reader below
 * checks the offsets it takes from the blob and every decoder stays inside the bytes it was
 * given, so a blob that passes the checks by accident can give wrong answers but never reads
 * out of bounds.
 *
 * An index is a set of segments, each a blob numbering its reports from 0. The index maps
 * every corpus position to a segment and a report in it; a report of a segment that no
 * position maps to is deleted, and every search skips it. Within a segment the reports of
 * the corpus lie in corpus order (index_update keeps it so), so ties broken by a segment's
 * own numbers fall as ties broken by corpus position. Scores use statistics of the whole
 * index (reports, their average length, a key's reports summed over the segments), so the
 * best k of each segment, merged, are the best k of the index.
 *
 * The map is kept as runs (index_blob.h: positions [pos, pos + count) are reports
 * [doc, doc + count) of a segment), never per report: opening an index costs its runs, and a
 * segment's report finds its position in its own few runs (seg_pos), mostly its one run. */

#define NO_POS UINT32_MAX

/* What BM25 reads of the whole index: deleted reports are counted until their segment is
 * rebuilt, as Lucene does. */
struct stats {
	double ndocs, avgdl;
};

struct seg {
	const unsigned char *blob;
	size_t size;
	void (*release)(const void *, size_t);
	const struct head *h;       /* &head */
	struct head head;           /* a copy: a cache file's is read, not touched in its mapping */
	const struct ixdoc *docs;
	const struct ixkey *keys;
	const uint32_t *norms;      /* each report's units, for BM25 */
	const struct ixfilter *filters;   /* each report's year, level, parts and topics, for filters */
	const struct ixname *names;       /* where each report's region and issuer are, for filters */
	const uint64_t *fences;     /* every INDEX_FENCE-th key */
	const struct ixword *words;
	const char *pool;
	const uint8_t *lines;
	const uint8_t *post;
	struct index_check check;   /* index_from_blob_checked: tables and postings checked on first use */
	const struct stats *st;     /* of the index holding the segment */
	const struct index_run *runs;   /* its live reports, by doc (a part of its index's by_seg) */
	size_t nruns;
	size_t live;                /* reports not deleted */
};


struct index {
	struct seg **seg;
	size_t nseg;
	struct index_run *runs;     /* the corpus order, by position */
	struct index_run *by_seg;   /* the same runs by segment, then doc: each segment's runs */
	size_t nruns;
	size_t n;
	struct stats st;
	size_t shares;              /* owners besides the first (index_share) */
};

uint64_t index_blob_seal(const unsigned char *p, size_t size)
{
	struct head h;
	memcpy(&h, p, sizeof h);
	h.checksum = 0;
	uint64_t a = checksum64(0, &h, sizeof h);
	uint64_t b = checksum64(0, p + sizeof h, size - sizeof h);
	return a ^ (b << 17 | b >> 47);
}

/* ---- loading a blob ---- */

static int in_range(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

static int check_head(const struct head *h, size_t size, uint64_t key, int seal, char **cause)
{
	if (size < sizeof *h || memcmp(h->magic, BLOB_MAGIC, 8) != 0)
		*cause = xstrdup("not an index file");
	else if (h->version != BLOB_VERSION || h->endian != 0x01020304)
		*cause = xstrdup("index file of another version");
	else if (h->key != key)
		*cause = xstrdup("index of another corpus, or files changed since");
	else if (h->size != size)
		*cause = xstrdup("index file truncated");
	else if (seal && index_blob_seal((const unsigned char *)h, size) != h->checksum)
		*cause = xstrdup("index file corrupt (checksum)");
	else if (!(h->ndocs < INT32_MAX && h->nkeys < UINT32_MAX && h->nwords < UINT32_MAX
	           && in_range(h->docs_off, h->ndocs * sizeof(struct ixdoc), size)
	           && in_range(h->keys_off, h->nkeys * sizeof(struct ixkey), size)
	           && in_range(h->norms_off, h->ndocs * sizeof(uint32_t), size)
	           && in_range(h->filters_off, h->ndocs * sizeof(struct ixfilter), size)
	           && in_range(h->names_off, h->ndocs * sizeof(struct ixname), size)
	           && in_range(h->fences_off, index_blob_fences(h->nkeys) * sizeof(uint64_t), size)
	           && in_range(h->words_off, h->nwords * sizeof(struct ixword), size)
	           && in_range(h->pool_off, h->pool_len, size) && in_range(h->lines_off, h->lines_len, size)
	           && in_range(h->post_off, h->post_len, size)
	           && (h->docs_off | h->keys_off | h->words_off | h->norms_off | h->fences_off | h->filters_off | h->names_off) % 8 == 0))
		*cause = xstrdup("index file corrupt (layout)");
	return *cause ? -1 : 0;
}

static int check_tables(const unsigned char *p, const struct head *h)
{
	int ok = 1;
	const struct ixdoc *d = (const struct ixdoc *)(p + h->docs_off);
	for (size_t i = 0; i < h->ndocs && ok; i++) {
		const uint32_t o[][2] = { { d[i].path, d[i].path_len }, { d[i].title, d[i].title_len },
		                          { d[i].region, d[i].region_len }, { d[i].fregion, d[i].fregion_len },
		                          { d[i].fissuer, d[i].fissuer_len } };
		for (int j = 0; j < 5; j++)   /* each string ends in a NUL, so it may be used as a C string */
			ok &= in_range(o[j][0], (uint64_t)o[j][1] + 1, h->pool_len)
				&& p[h->pool_off + o[j][0] + o[j][1]] == '\0';
		ok &= in_range(d[i].lines, d[i].nlines, h->lines_len);   /* a varint is at least a byte */
	}
	const uint32_t *norms = (const uint32_t *)(p + h->norms_off);
	const struct ixfilter *filters = (const struct ixfilter *)(p + h->filters_off);
	const struct ixname *names = (const struct ixname *)(p + h->names_off);
	const char *pool = (const char *)(p + h->pool_off);
	for (size_t i = 0; i < h->ndocs && ok; i++) {
		struct ixfilter f = index_blob_filter_of(&d[i]);
		const struct ixname *n = &names[i];
		ok &= norms[i] == d[i].units && memcmp(&filters[i], &f, sizeof f) == 0
			&& n->region_len == d[i].fregion_len && n->issuer_len == d[i].fissuer_len
			&& in_range(n->region, (uint64_t)n->region_len + 1, h->pool_len)
			&& in_range(n->issuer, (uint64_t)n->issuer_len + 1, h->pool_len)
			&& memcmp(pool + n->region, pool + d[i].fregion, n->region_len) == 0
			&& memcmp(pool + n->issuer, pool + d[i].fissuer, n->issuer_len) == 0;
	}
	const struct ixkey *k = (const struct ixkey *)(p + h->keys_off);
	const uint64_t *fences = (const uint64_t *)(p + h->fences_off);
	for (size_t i = 0; i < h->nkeys && ok; i++)
		ok &= in_range(k[i].off, k[i].len, h->post_len) && (i == 0 || k[i - 1].key < k[i].key)
			&& k[i].df >= 1 && index_blob_skip_bytes(k[i].key, k[i].df) <= k[i].len
			&& (i % INDEX_FENCE || fences[i / INDEX_FENCE] == k[i].key);
	const struct ixword *w = (const struct ixword *)(p + h->words_off);
	for (size_t i = 0; i < h->nwords && ok; i++)
		ok &= in_range(w[i].off, w[i].len, h->pool_len);
	return ok ? 0 : -1;
}

/* A segment over the blob data of len bytes whose head is *h (in the blob or a copy of it). */
static struct seg *seg_new(const void *data, size_t len, void (*release)(const void *, size_t), const struct head *h)
{
	const unsigned char *p = data;
	struct seg *sg = xcalloc(1, sizeof *sg);
	sg->blob = p;
	sg->size = len;
	sg->release = release;
	sg->head = *h;
	sg->h = h = &sg->head;
	sg->docs = (const struct ixdoc *)(p + h->docs_off);
	sg->keys = (const struct ixkey *)(p + h->keys_off);
	sg->norms = (const uint32_t *)(p + h->norms_off);
	sg->filters = (const struct ixfilter *)(p + h->filters_off);
	sg->names = (const struct ixname *)(p + h->names_off);
	sg->fences = (const uint64_t *)(p + h->fences_off);
	sg->words = (const struct ixword *)(p + h->words_off);
	sg->pool = (const char *)(p + h->pool_off);
	sg->lines = p + h->lines_off;
	sg->post = p + h->post_off;
	return sg;
}

static void seg_free(struct seg *sg)
{
	if (sg->release)
		sg->release(sg->blob, sg->size);
	if (sg->check.free)
		sg->check.free(sg->check.arg);
	free(sg);
}

/* ---- reading the tables ---- */

/* 0 when bytes [at, at + len) of the segment's tables may be read: always for a blob checked
 * whole, and for a cache file once their blocks passed their checksums. */
static int seg_reads(const struct seg *sg, const void *at, uint64_t len)
{
	if (!sg->check.tables)
		return 0;
	return sg->check.tables(sg->check.arg, (uint64_t)((const unsigned char *)at - sg->blob), len);
}

/* Bytes [at, at + len) of the segment's tables where they may be read (check->at: a copy when
 * few are read), NULL when they are damaged. */
static const void *seg_at(const struct seg *sg, const void *at, uint64_t len)
{
	if (!sg->check.at)
		return seg_reads(sg, at, len) == 0 ? at : NULL;
	return sg->check.at(sg->check.arg, (uint64_t)((const unsigned char *)at - sg->blob), len);
}

static const struct ixdoc no_doc;   /* what a damaged report entry reads as */

static const struct ixdoc *seg_doc(const struct seg *sg, uint32_t doc)
{
	const struct ixdoc *d = seg_at(sg, &sg->docs[doc], sizeof *d);
	return d ? d : &no_doc;
}

/* 0 when bytes [at, at + len) of the segment's postings may be read: always for a blob checked
 * whole, and for a cache file once their blocks passed their checksums. */
static int seg_post_reads(const struct seg *sg, const uint8_t *at, uint64_t len)
{
	if (!sg->check.postings || len == 0)
		return 0;
	return sg->check.postings(sg->check.arg, (uint64_t)(at - sg->post), len);
}

/* Bytes [off, off + len) of the pool, or NULL when they are out of it or damaged. */
static const char *seg_bytes_at(const struct seg *sg, uint64_t off, uint64_t len)
{
	return in_range(off, len, sg->h->pool_len) ? seg_at(sg, sg->pool + off, len) : NULL;
}

/* The string of *len bytes at off of the pool, which ends in a NUL; "" (*len 0) when it is
 * out of the pool, unterminated or damaged. */
static const char *seg_string(const struct seg *sg, uint32_t off, uint32_t *len)
{
	const char *s = seg_bytes_at(sg, off, (uint64_t)*len + 1);
	if (s && s[*len] == '\0')
		return s;
	*len = 0;
	return "";
}

/* The corpus position of report doc in run r, NO_POS when the run does not hold it (a doc before
 * the run wraps round). */
static uint32_t pos_in_run(const struct index_run *r, uint32_t doc)
{
	return doc - r->doc < r->count ? r->pos + (doc - r->doc) : NO_POS;
}

/* The corpus position of report doc of the segment, NO_POS when it is deleted. */
static uint32_t seg_pos(const struct seg *sg, uint32_t doc)
{
	const struct index_run *r = sg->runs;
	if (sg->nruns == 0)
		return NO_POS;
	if (sg->nruns > 1) {   /* the last run starting at or before doc */
		size_t lo = 0, hi = sg->nruns;
		while (hi - lo > 1) {
			size_t mid = (lo + hi) / 2;
			if (r[mid].doc <= doc)
				lo = mid;
			else
				hi = mid;
		}
		r += lo;
	}
	return pos_in_run(r, doc);
}

/* seg_pos for reports asked in increasing order, as the searches ask: *run (0 before the first)
 * is the run the last one was looked for in, and moves on from there, so a pass over a
 * segment's reports costs its runs once, not a search each (a report asked out of order starts
 * again from the first run). */
static uint32_t seg_pos_next(const struct seg *sg, uint32_t doc, size_t *run)
{
	if (*run < sg->nruns && doc < sg->runs[*run].doc)
		*run = 0;
	while (*run + 1 < sg->nruns && sg->runs[*run + 1].doc <= doc)
		++*run;
	return *run < sg->nruns ? pos_in_run(&sg->runs[*run], doc) : NO_POS;
}

static int by_seg_doc(const void *a, const void *b)
{
	const struct index_run *x = a, *y = b;
	if (x->seg != y->seg)
		return x->seg < y->seg ? -1 : 1;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

/* A copy of runs[0..n) sorted by segment, then report (caller frees). */
static struct index_run *runs_by_seg(const struct index_run *runs, size_t n)
{
	struct index_run *v = xmalloc((n + 1) * sizeof *v);
	memcpy(v, runs, n * sizeof *runs);
	qsort(v, n, sizeof *v, by_seg_doc);
	return v;
}

/* Gives every segment its runs of ix->runs and the statistics of the whole. */
static void settle(struct index *ix)
{
	uint64_t ndocs = 0, units = 0;
	for (size_t k = 0; k < ix->nseg; k++) {
		struct seg *sg = ix->seg[k];
		sg->runs = NULL;
		sg->nruns = sg->live = 0;
		sg->st = &ix->st;
		ndocs += sg->h->ndocs;
		units += sg->h->units;
	}
	free(ix->by_seg);
	ix->by_seg = runs_by_seg(ix->runs, ix->nruns);
	for (size_t i = 0; i < ix->nruns; i++) {
		struct seg *sg = ix->seg[ix->by_seg[i].seg];
		if (!sg->nruns)
			sg->runs = &ix->by_seg[i];
		sg->nruns++;
		sg->live += ix->by_seg[i].count;
	}
	ix->st.ndocs = (double)ndocs;
	ix->st.avgdl = ndocs ? (double)units / (double)ndocs : 1;
	if (ix->st.avgdl < 1)
		ix->st.avgdl = 1;
}

void index_run_add(struct index_run **v, size_t *n, size_t *cap, uint32_t pos, uint32_t seg, uint32_t doc)
{
	struct index_run *last = *n ? &(*v)[*n - 1] : NULL;
	if (last && last->seg == seg && last->pos + last->count == pos && last->doc + last->count == doc) {
		last->count++;
		return;
	}
	*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct index_run){ pos, seg, doc, 1 };
}

/* The index of one segment, every report of it live, in its order. */
static struct index *index_of_seg(struct seg *sg)
{
	struct index *ix = xcalloc(1, sizeof *ix);
	ix->seg = xcalloc(2, sizeof *ix->seg);
	ix->seg[0] = sg;
	ix->nseg = 1;
	ix->n = sg->h->ndocs;
	ix->runs = xcalloc(1, sizeof *ix->runs);
	ix->runs[0] = (struct index_run){ 0, 0, 0, (uint32_t)ix->n };
	ix->nruns = ix->n > 0;
	settle(ix);
	return ix;
}

/* Frees what an index owns but its segments (taken by another index). */
static void free_shell(struct index *ix)
{
	free(ix->seg);
	free(ix->runs);
	free(ix->by_seg);
	free(ix);
}

struct index *index_join(struct index **parts, size_t nparts)
{
	struct index *ix = xcalloc(1, sizeof *ix);
	size_t nseg = 0, nruns = 0;
	for (size_t i = 0; i < nparts; i++) {
		nseg += parts[i]->nseg;
		nruns += parts[i]->nruns;
	}
	ix->seg = xcalloc(nseg + 1, sizeof *ix->seg);
	ix->runs = xcalloc(nruns + 1, sizeof *ix->runs);
	for (size_t i = 0; i < nparts; i++) {
		struct index *part = parts[i];
		for (size_t r = 0; r < part->nruns; r++) {
			struct index_run run = part->runs[r];
			run.pos += (uint32_t)ix->n;
			run.seg += (uint32_t)ix->nseg;
			ix->runs[ix->nruns++] = run;
		}
		ix->n += part->n;
		memcpy(ix->seg + ix->nseg, part->seg, part->nseg * sizeof *part->seg);
		ix->nseg += part->nseg;
		free_shell(part);
	}
	settle(ix);
	return ix;
}

struct index *index_assemble(struct index **parts, size_t nparts, const struct index_run *runs, size_t nruns, size_t n)
{
	struct index *ix = xcalloc(1, sizeof *ix);
	ix->seg = xcalloc(nparts + 1, sizeof *ix->seg);
	for (size_t i = 0; i < nparts; i++) {
		ix->seg[ix->nseg++] = parts[i]->seg[0];
		free_shell(parts[i]);
	}
	ix->runs = xmalloc((nruns + 1) * sizeof *ix->runs);
	memcpy(ix->runs, runs, nruns * sizeof *runs);
	ix->nruns = nruns;
	ix->n = n;
	settle(ix);
	return ix;
}

int index_runs_cover(const struct index_run *runs, size_t nruns, size_t nseg, uint64_t n)
{
	uint64_t next = 0;
	for (size_t i = 0; i < nruns; i++) {
		if (runs[i].pos != next || runs[i].count == 0 || runs[i].seg >= nseg || runs[i].count > n - next)
			return 0;
		next += runs[i].count;
	}
	return next == n && n < NO_POS;
}

int index_runs_ok(const struct index **parts, size_t nparts, const struct index_run *runs, size_t nruns, size_t n)
{
	if (!index_runs_cover(runs, nruns, nparts, n))
		return 0;
	for (size_t i = 0; i < nruns; i++) {
		uint32_t ndocs = (uint32_t)parts[runs[i].seg]->seg[0]->h->ndocs;
		if (runs[i].doc > ndocs || runs[i].count > ndocs - runs[i].doc)
			return 0;
	}
	/* Within a segment: no report twice, and in corpus order. */
	struct index_run *v = runs_by_seg(runs, nruns);
	int ok = 1;
	for (size_t i = 1; i < nruns && ok; i++)
		ok = v[i].seg != v[i - 1].seg || (v[i - 1].doc + v[i - 1].count <= v[i].doc && v[i - 1].pos < v[i].pos);
	free(v);
	return ok;
}

size_t index_runs(const struct index *ix, const struct index_run **runs)
{
	*runs = ix->runs;
	return ix->nruns;
}

/* The run holding corpus position p (< ix->n). */
static const struct index_run *run_of(const struct index *ix, size_t p)
{
	size_t lo = 0, hi = ix->nruns;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (ix->runs[mid].pos <= p)
			lo = mid;
		else
			hi = mid;
	}
	return &ix->runs[lo];
}

size_t index_locate(const struct index *ix, size_t report, size_t *doc)
{
	const struct index_run *r = run_of(ix, report);
	*doc = r->doc + (report - r->pos);
	return r->seg;
}

size_t index_position(const struct index *ix, size_t k, size_t doc)
{
	if (k >= ix->nseg || doc >= ix->seg[k]->h->ndocs)
		return SIZE_MAX;
	uint32_t p = seg_pos(ix->seg[k], (uint32_t)doc);
	return p == NO_POS ? SIZE_MAX : p;
}

void *index_segment_arg(const struct index *ix, size_t k)
{
	return ix->seg[k]->check.arg;
}

const void *index_segment_blob(const struct index *ix, size_t k, size_t *len)
{
	*len = ix->seg[k]->size;
	return ix->seg[k]->blob;
}

size_t index_merge_numbers(const struct index *ix, const size_t *segs, size_t n, uint32_t **to)
{
	size_t *which = xmalloc((ix->nseg + 1) * sizeof *which), count = 0;
	for (size_t k = 0; k < ix->nseg; k++)
		which[k] = n;
	for (size_t j = 0; j < n; j++) {
		which[segs[j]] = j;
		to[j] = xmalloc((ix->seg[segs[j]]->h->ndocs + 1) * sizeof **to);
		for (size_t d = 0; d < ix->seg[segs[j]]->h->ndocs; d++)
			to[j][d] = MERGE_LEFT_OUT;
	}
	for (size_t r = 0; r < ix->nruns; r++) {
		const struct index_run *run = &ix->runs[r];
		if (which[run->seg] < n)
			for (uint32_t i = 0; i < run->count; i++)
				to[which[run->seg]][run->doc + i] = (uint32_t)count++;
	}
	free(which);
	return count;
}

struct index *index_merged(struct index *ix, const size_t *segs, size_t n, struct index *merged)
{
	unsigned char *gone = xcalloc(ix->nseg + 1, 1);
	for (size_t j = 0; j < n; j++)
		gone[segs[j]] = 1;
	struct index *up = xcalloc(1, sizeof *up);
	up->seg = xcalloc(ix->nseg + 2, sizeof *up->seg);
	uint32_t *renum = xcalloc(ix->nseg + 1, sizeof *renum), at = UINT32_MAX;
	for (size_t k = 0; k < ix->nseg; k++) {
		if (gone[k] && at == UINT32_MAX) {   /* the merged segment takes the place of the first */
			at = (uint32_t)up->nseg;
			up->seg[up->nseg++] = merged->seg[0];
		}
		renum[k] = gone[k] ? at : (uint32_t)up->nseg;
		if (gone[k])
			seg_free(ix->seg[k]);
		else
			up->seg[up->nseg++] = ix->seg[k];
	}
	size_t cap = 0;
	uint32_t next = 0;
	for (size_t r = 0; r < ix->nruns; r++) {
		const struct index_run *run = &ix->runs[r];
		for (uint32_t i = 0; i < run->count; i++)
			index_run_add(&up->runs, &up->nruns, &cap, run->pos + i, renum[run->seg],
			              gone[run->seg] ? next++ : run->doc + i);
	}
	up->n = ix->n;
	free_shell(ix);
	free_shell(merged);
	settle(up);
	free(renum);
	free(gone);
	return up;
}

struct index *index_from_blob(const void *data, size_t len, uint64_t key,
                              void (*release)(const void *, size_t), char **cause)
{
	return index_from_blob_checked(data, len, key, NULL, release, cause);
}

struct index *index_from_blob_checked(const void *data, size_t len, uint64_t key, const struct index_check *check,
                                      void (*release)(const void *, size_t), char **cause)
{
	const unsigned char *p = data;
	const struct head *h = check && check->head ? check->head : data;
	if ((uintptr_t)p & 7) {
		*cause = xstrdup("index file misaligned");
		return NULL;
	}
	if (check_head(h, len, key, check == NULL, cause) < 0)
		return NULL;
	if (!(check && check->tables) && check_tables(p, h) < 0) {
		*cause = xstrdup("index file corrupt (tables)");
		return NULL;
	}
	struct seg *sg = seg_new(data, len, release, h);
	if (check)
		sg->check = *check;
	return index_of_seg(sg);
}

struct index *index_blob_trusted(const void *data, size_t len, void (*release)(const void *, size_t))
{
	return index_of_seg(seg_new(data, len, release, data));
}

void index_set_key(struct index *ix, uint64_t key)
{
	for (size_t k = 0; k < ix->nseg; k++) {
		struct seg *sg = ix->seg[k];
		if (!sg->release)
			continue;   /* a mapped file's, read-only */
		struct head *h = (struct head *)sg->blob;   /* a heap blob from index_build */
		h->key = key;
		h->checksum = index_blob_seal(sg->blob, sg->size);
		sg->head = *h;
	}
}

void index_free(struct index *ix)
{
	if (!ix)
		return;
	if (ix->shares) {
		ix->shares--;
		return;
	}
	for (size_t k = 0; k < ix->nseg; k++)
		seg_free(ix->seg[k]);
	free_shell(ix);
}

struct index *index_share(struct index *ix)
{
	ix->shares++;
	return ix;
}

const void *index_blob(const struct index *ix, size_t *len)
{
	if (ix->nseg != 1) {
		*len = 0;
		return NULL;
	}
	*len = ix->seg[0]->size;
	return ix->seg[0]->blob;
}

size_t index_bytes(const struct index *ix)
{
	size_t n = 0;
	for (size_t k = 0; k < ix->nseg; k++)
		n += ix->seg[k]->size;
	return n;
}

size_t index_nreports(const struct index *ix)
{
	return ix->n;
}

size_t index_nsegments(const struct index *ix)
{
	return ix->nseg;
}

size_t index_deleted(const struct index *ix)
{
	size_t n = 0;
	for (size_t k = 0; k < ix->nseg; k++)
		n += ix->seg[k]->h->ndocs - ix->seg[k]->live;
	return n;
}

void index_meta(const struct index *ix, size_t report, struct corpus_meta *out)
{
	struct index_info in;
	index_info(ix, report, &in);
	*out = (struct corpus_meta){ in.title_len ? in.title : NULL, in.region_len ? in.region : NULL, in.year };
}

void index_info(const struct index *ix, size_t report, struct index_info *out)
{
	size_t doc, k = index_locate(ix, report, &doc);
	const struct seg *sg = ix->seg[k];
	const struct ixdoc *d = seg_doc(sg, (uint32_t)doc);
	uint32_t path_len = d->path_len, title_len = d->title_len, region_len = d->region_len;
	const char *path = seg_string(sg, d->path, &path_len), *title = seg_string(sg, d->title, &title_len);
	const char *region = seg_string(sg, d->region, &region_len);
	*out = (struct index_info){ path, title, region, path_len, title_len, region_len, d->year };
}

const char *index_path(const struct index *ix, size_t report, size_t *len)
{
	size_t doc, k = index_locate(ix, report, &doc);
	const struct seg *sg = ix->seg[k];
	const struct ixdoc *d = seg_doc(sg, (uint32_t)doc);
	uint32_t n = d->path_len;
	const char *path = seg_string(sg, d->path, &n);
	*len = n;
	return path;
}

/* ---- updates ---- */

struct named {   /* a report of the index by path, for lookup */
	const char *s;
	size_t n, pos;
};

static int named_cmp(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int r = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
	return r ? r : (x->n > y->n) - (x->n < y->n);
}

/* For each report of ix, the entry of c it stays as (SIZE_MAX: deleted): the entry of the same
 * path, when same() says it holds the same text, and only in corpus order within its segment
 * (a report that would come before one kept ahead of it in its segment is indexed again). */
static size_t *kept_reports(const struct index *ix, struct corpus *c,
                            int (*same)(void *arg, size_t report, size_t entry), void *arg)
{
	struct named *v = xcalloc(ix->n + 1, sizeof *v);
	for (size_t p = 0; p < ix->n; p++) {
		size_t len;
		const char *path = index_path(ix, p, &len);
		v[p] = (struct named){ path, len, p };
	}
	qsort(v, ix->n, sizeof *v, named_cmp);
	size_t *to = xmalloc((ix->n + 1) * sizeof *to);
	for (size_t p = 0; p < ix->n; p++)
		to[p] = SIZE_MAX;
	for (size_t e = 0; e < c->n; e++) {
		const char *path = corpus_path(c, e);
		struct named key = { path, strlen(path), 0 };
		const struct named *hit = bsearch(&key, v, ix->n, sizeof *v, named_cmp);
		if (hit && to[hit->pos] == SIZE_MAX && same(arg, hit->pos, e))
			to[hit->pos] = e;
	}
	for (size_t k = 0; k < ix->nseg; k++) {
		const struct seg *sg = ix->seg[k];
		size_t last = 0;
		int any = 0;
		for (size_t r = 0; r < sg->nruns; r++)
			for (size_t p = sg->runs[r].pos; p < (size_t)sg->runs[r].pos + sg->runs[r].count; p++) {
				if (to[p] == SIZE_MAX)
					continue;
				if (any && to[p] <= last)
					to[p] = SIZE_MAX;
				else
					last = to[p], any = 1;
			}
	}
	free(v);
	return to;
}

/* Input bytes of segment k's live reports, as the build counts them. */
static size_t seg_bytes(const struct seg *sg)
{
	size_t n = 0;
	for (size_t r = 0; r < sg->nruns; r++)
		for (uint32_t d = sg->runs[r].doc; d < sg->runs[r].doc + sg->runs[r].count; d++)
			n += seg_doc(sg, d)->len;
	return n;
}

/* Which segments to rebuild with the update (rebuild[k] = 1) and which to drop (2: nothing of
 * them is kept). live[k] counts each one's reports kept. */
static void merge_policy(const struct index *ix, const size_t *live, int adding, int merges, unsigned char *rebuild)
{
	size_t small = 0, cap = index_segment_bytes();
	for (size_t k = 0; k < ix->nseg; k++) {
		const struct seg *sg = ix->seg[k];
		rebuild[k] = live[k] == 0 ? 2 : !merges && (sg->h->ndocs - live[k]) * 100 > sg->h->ndocs * INDEX_MERGE_DELETED;
		small += !rebuild[k] && seg_bytes(sg) < cap / 2;
	}
	if (merges)   /* the caller merges what is worth it: index_merge_pick */
		return;
	/* The smallest go first; the update's own segment counts as one more small one. */
	while (small + (adding != 0) > INDEX_MERGE_SEGMENTS) {
		size_t best = SIZE_MAX, bytes = 0;
		for (size_t k = 0; k < ix->nseg; k++) {
			size_t b = rebuild[k] ? SIZE_MAX : seg_bytes(ix->seg[k]);
			if (b < cap / 2 && (best == SIZE_MAX || b < bytes))
				best = k, bytes = b;
		}
		if (best == SIZE_MAX)
			break;
		rebuild[best] = 1;
		small--;
	}
}

size_t index_merge_bytes(void)
{
	const char *e = getenv("FAZHI_MERGE_BYTES");
	char *end = NULL;
	unsigned long long v = e && *e ? strtoull(e, &end, 10) : 0;
	return e && *e && end && !*end ? (size_t)v : INDEX_MERGE_BYTES;
}

static const struct index *by_size_ix;   /* qsort has no context */

static int by_size(const void *a, const void *b)
{
	size_t x = by_size_ix->seg[*(const size_t *)a]->size, y = by_size_ix->seg[*(const size_t *)b]->size;
	return (x > y) - (x < y);
}

static int by_number(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return (x > y) - (x < y);
}

/* index_merge_pick with `most` small segments left to wait. */
static size_t merge_pick_waiting(const struct index *ix, size_t *segs, size_t most)
{
	size_t cap = index_merge_bytes(), n = 0;
	for (size_t k = 0; k < ix->nseg; k++) {   /* one with many reports deleted: merged alone, they go */
		const struct seg *sg = ix->seg[k];
		if (sg->live && (sg->h->ndocs - sg->live) * 100 > sg->h->ndocs * INDEX_MERGE_DELETED) {
			segs[0] = k;
			return 1;
		}
	}
	for (size_t k = 0; k < ix->nseg; k++)
		if (ix->seg[k]->size < cap / 2 && ix->seg[k]->live)
			segs[n++] = k;
	if (n <= most)
		return 0;
	by_size_ix = ix;
	qsort(segs, n, sizeof *segs, by_size);
	size_t take = 0, bytes = 0;
	for (; take < n; take++) {
		size_t next = ix->seg[segs[take]]->size;
		if (take >= 2 && (next > INDEX_MERGE_RATIO * bytes || bytes + next > cap))
			break;
		bytes += next;
	}
	qsort(segs, take, sizeof *segs, by_number);
	return take;
}

size_t index_merge_pick(const struct index *ix, size_t *segs)
{
	return merge_pick_waiting(ix, segs, INDEX_MERGE_WAITING);
}

size_t index_merge_pick_built(const struct index *ix, size_t *segs)
{
	return merge_pick_waiting(ix, segs, 1);
}

struct index *index_update(struct index *ix, struct corpus *c, int (*same)(void *arg, size_t report, size_t entry),
                           void *arg, const struct index_progress *progress)
{
	return index_update_with(ix, c, same, arg, NULL, NULL, 0, progress);
}

/* Where an entry of the corpus an update makes is, while the update works it out. */
struct where {
	uint32_t seg, doc;
};

struct index *index_update_with(struct index *ix, struct corpus *c,
                                int (*same)(void *arg, size_t report, size_t entry), void *arg,
                                index_parts_fn build, void *build_arg, int merges,
                                const struct index_progress *progress)
{
	size_t *to = kept_reports(ix, c, same, arg);
	size_t *live = xcalloc(ix->nseg + 1, sizeof *live);
	size_t nkept = 0;
	for (size_t r = 0; r < ix->nruns; r++)
		for (size_t p = ix->runs[r].pos; p < (size_t)ix->runs[r].pos + ix->runs[r].count; p++) {
			live[ix->runs[r].seg] += to[p] != SIZE_MAX;
			nkept += to[p] != SIZE_MAX;
		}
	unsigned char *rebuild = xcalloc(ix->nseg + 1, 1);
	merge_policy(ix, live, nkept < c->n, merges, rebuild);
	/* Where each entry of c is: an old segment's report, or one of those to index. */
	struct where *at = xmalloc((c->n + 1) * sizeof *at);
	for (size_t e = 0; e < c->n; e++)
		at[e] = (struct where){ NO_POS, NO_POS };
	uint32_t *renum = xcalloc(ix->nseg + 1, sizeof *renum);
	struct seg **segs = xcalloc(ix->nseg + 1, sizeof *segs);
	size_t nseg = 0;
	for (size_t k = 0; k < ix->nseg; k++) {
		renum[k] = (uint32_t)nseg;
		if (!rebuild[k])
			segs[nseg++] = ix->seg[k];
	}
	for (size_t r = 0; r < ix->nruns; r++) {
		const struct index_run *run = &ix->runs[r];
		for (uint32_t j = 0; j < run->count; j++)
			if (to[run->pos + j] != SIZE_MAX && !rebuild[run->seg])
				at[to[run->pos + j]] = (struct where){ renum[run->seg], run->doc + j };
	}
	size_t *todo = xcalloc(c->n + 1, sizeof *todo), ntodo = 0;
	for (size_t e = 0; e < c->n; e++)
		if (at[e].seg == NO_POS)
			todo[ntodo++] = e;
	struct index *fresh = !ntodo ? NULL : build ? build(build_arg, c, todo, ntodo, progress)
	                                            : index_build_parts(c, todo, ntodo, progress);
	struct index *up = xcalloc(1, sizeof *up);
	up->seg = xcalloc(nseg + (fresh ? fresh->nseg : 0) + 1, sizeof *up->seg);
	memcpy(up->seg, segs, nseg * sizeof *segs);
	up->nseg = nseg;
	if (fresh) {
		for (size_t r = 0; r < fresh->nruns; r++) {
			const struct index_run *run = &fresh->runs[r];
			for (uint32_t j = 0; j < run->count; j++)
				at[todo[run->pos + j]] = (struct where){ (uint32_t)nseg + run->seg, run->doc + j };
		}
		memcpy(up->seg + nseg, fresh->seg, fresh->nseg * sizeof *fresh->seg);
		up->nseg += fresh->nseg;
		free_shell(fresh);
	}
	size_t cap = 0;
	for (size_t e = 0; e < c->n; e++)
		index_run_add(&up->runs, &up->nruns, &cap, (uint32_t)e, at[e].seg, at[e].doc);
	up->n = c->n;
	for (size_t k = 0; k < ix->nseg; k++)
		if (rebuild[k])
			seg_free(ix->seg[k]);
	free_shell(ix);
	settle(up);
	free(at);
	free(todo);
	free(segs);
	free(renum);
	free(rebuild);
	free(live);
	free(to);
	return up;
}

/* ---- query units ---- */

/* Looks a word up; returns 0 when absent (no unit has id 0 from a word). */
static uint32_t index_word(const struct seg *ix, const char *s, size_t n)
{
	size_t lo = 0, hi = ix->h->nwords;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const struct ixword *e = &ix->words[mid];
		const char *w = seg_reads(ix, e, sizeof *e) == 0 ? seg_bytes_at(ix, e->off, e->len) : NULL;
		if (!w)
			return 0;   /* damaged: the search is wrong, and index_intact says so */
		size_t m = e->len < n ? e->len : n;
		int c = memcmp(w, s, m);
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

/* Cuts a folded term into units (u has room for n); returns their number. A word in no report
 * of the segment is unit 0. */
static size_t term_units_any(const struct seg *ix, const char *s, size_t n, uint32_t *u)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t nu = 0;
	for (size_t i = 0, k; i < n; i += k) {
		uint32_t c;
		int word;
		k = index_blob_unit(p, n, i, &c, &word);
		u[nu++] = word ? index_word(ix, s + i, k) : c;
	}
	return nu;
}

/* As term_units_any, but 0 when a word of the term is in no report (then nothing can match). */
static size_t term_units(const struct seg *ix, const char *s, size_t n, uint32_t *u)
{
	size_t nu = term_units_any(ix, s, n, u);
	for (size_t j = 0; j < nu; j++)
		if (u[j] == 0)
			return 0;
	return nu;
}

/* ---- cursors ---- */

/* A cursor over one key's postings (layouts in index_blob.h). A pair list's positions lie apart
 * from its entries: the cursor keeps a place in them (pbit), the entry whose positions start there
 * (sync_bit, and the report before it), and steps from there to the current entry's only when
 * asked, as each entry's code needs its report and count. */
struct cur {
	const uint8_t *base, *end;       /* the key's postings; the end of its entries */
	uint64_t bit, ebits;             /* the next entry and the end of the entries, in bits from base */
	uint64_t entry_bit;              /* where the current entry starts */
	int64_t entry_before;            /* the report before the current entry's */
	uint32_t nskip, sk;              /* skips, and the first not yet used */
	uint32_t stride;                 /* bytes of a skip */
	const uint8_t *skips;
	int64_t doc;
	uint32_t cnt;
	uint64_t pbit, plimit;           /* a pair's: a place in its positions, and their end, in bits */
	uint64_t sync_bit;               /* the entry whose positions start at pbit */
	int64_t sync_before;             /* the report before that entry's */
	uint64_t here_entry, here_pbit;  /* an entry's start plus one (0: none) and where its positions start */
	uint32_t len;
	int pair, head;                  /* a pair key; of the heading field */
	const struct seg *sg;
	const uint8_t *checked;          /* the positions before it passed their checksums */
};

/* A stretch of the tables read for a lookup: a binary search reads a few keys in each stretch it
 * enters, and a cache file's are read from the file (check->read), where touching its mapping
 * would cost a page each. */
#define LOOKUP_WINDOW 1024
struct window {
	uint64_t off, len;   /* the bytes of the tables held; len 0: none yet */
	unsigned char bytes[LOOKUP_WINDOW];
};

/* Copies bytes [off, off + len) of the segment's tables into dst, checked; -1 when damaged. */
static int seg_copy(const struct seg *sg, uint64_t off, uint64_t len, void *dst)
{
	if (sg->check.read)
		return sg->check.read(sg->check.arg, off, len, dst);
	if (seg_reads(sg, sg->blob + off, len) != 0)
		return -1;
	memcpy(dst, sg->blob + off, len);
	return 0;
}

/* The u64 at p, an 8-aligned place in the tables (a fence, or a key's first field), in *v, read
 * through w; -1 when damaged. */
static int window_u64(const struct seg *sg, struct window *w, const void *p, uint64_t *v)
{
	uint64_t off = (uint64_t)((const unsigned char *)p - sg->blob);
	if (off < w->off || off + sizeof *v > w->off + w->len) {
		uint64_t start = off / LOOKUP_WINDOW * LOOKUP_WINDOW, end = start + LOOKUP_WINDOW;
		end = end < sg->h->post_off ? end : sg->h->post_off;   /* the tables end where the postings start */
		if (off + sizeof *v > end || seg_copy(sg, start, end - start, w->bytes) < 0)
			return -1;
		w->off = start, w->len = end - start;
	}
	memcpy(v, w->bytes + (off - w->off), sizeof *v);
	return 0;
}

/* The first of entries [lo, hi) of a table at base, each `width` bytes beginning with its u64 key
 * in ascending order, whose key is at least key (above it, when `above`); hi when none is,
 * SIZE_MAX when damaged. */
static size_t first_from(const struct seg *sg, struct window *w, const unsigned char *base, size_t width,
                         size_t lo, size_t hi, uint64_t key, int above)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		uint64_t k;
		if (window_u64(sg, w, base + mid * width, &k) < 0)
			return SIZE_MAX;
		if (k < key || (above && k == key))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The key's entry: the first fence above it is searched in the fences alone, then the key among
 * the INDEX_FENCE keys before that fence. NULL when absent, or damaged (the search is then
 * wrong, and index_intact says so). */
static const struct ixkey *find_key(const struct seg *ix, uint64_t key)
{
	struct window w = { .len = 0 };
	size_t nfences = index_blob_fences(ix->h->nkeys);
	size_t f = first_from(ix, &w, (const unsigned char *)ix->fences, sizeof *ix->fences, 0, nfences, key, 1);
	if (f == 0 || f == SIZE_MAX)
		return NULL;   /* below the first key */
	size_t lo = (f - 1) * INDEX_FENCE, hi = f * INDEX_FENCE < ix->h->nkeys ? f * INDEX_FENCE : ix->h->nkeys;
	lo = first_from(ix, &w, (const unsigned char *)ix->keys, sizeof *ix->keys, lo, hi, key, 0);
	if (lo >= hi)
		return NULL;
	const struct ixkey *k = seg_at(ix, &ix->keys[lo], sizeof *k);
	if (!k || k->key != key || !in_range(k->off, k->len, ix->h->post_len) || k->df < 1
	    || index_blob_skip_bytes(k->key, k->df) > k->len)
		return NULL;
	return k;
}

/* An empty list: a damaged one, which index_intact names. */
static void cur_empty(struct cur *c)
{
	c->end = c->base;
	c->bit = c->ebits = 0;
	c->nskip = 0;
	c->pbit = c->plimit = 0;
}

static void cur_init(struct cur *c, const struct seg *ix, const struct ixkey *k)
{
	size_t head = index_blob_skip_bytes(k->key, k->df);
	c->base = ix->post + k->off;
	c->len = k->len;
	c->end = c->base + k->len;
	c->nskip = (k->df - 1) / INDEX_SKIP;
	c->sk = 0;
	c->pair = (k->key & KEY_PAIR) != 0;
	c->head = (k->key & KEY_HEAD) != 0;
	int apart = c->pair && c->nskip;   /* where the positions start is said */
	c->stride = c->pair ? 12 : 8;
	c->skips = c->base + (apart ? 4 : 0);
	c->bit = (uint64_t)head * 8;
	c->doc = -1;
	c->cnt = 0;
	c->entry_bit = c->bit;
	c->entry_before = -1;
	c->sync_bit = c->bit;
	c->sync_before = -1;
	c->here_entry = 0;
	c->pbit = c->plimit = 0;
	if (apart) {
		uint32_t at;
		memcpy(&at, c->base, 4);
		if (at < head || at > k->len)
			at = (uint32_t)head;   /* corrupt: an empty list */
		c->end = c->base + at;
	}
	/* The entries (and skips) are read by every walk of the list, so they are checked now, with
	 * a short pair list's positions; a long one's only as an entry's are decoded (cur_positions):
	 * a top-k search proves few reports, and reads few of them. */
	c->sg = ix;
	c->checked = c->end;
	if (seg_post_reads(ix, c->base, (uint64_t)(c->end - c->base)) != 0) {
		cur_empty(c);
		return;
	}
	if (c->pair && !apart) {   /* the positions start where the entries end */
		int bad = 0;
		c->end = c->base + index_blob_entries_end(c->base, (uint64_t)k->len * 8, k->df, &bad);
		if (bad) {
			cur_empty(c);
			return;
		}
	}
	c->ebits = (uint64_t)(c->end - c->base) * 8;
	if (c->pair) {
		c->pbit = c->ebits;
		c->plimit = (uint64_t)k->len * 8;
	}
}

static int cur_end(struct cur *c)
{
	c->bit = c->ebits;
	c->doc = INT64_MAX;
	return 0;
}

/* Steps to the next report of the list; 0 at the end (or on data that does not decode). */
static inline int cur_next(struct cur *c, uint64_t ndocs)
{
	uint32_t gap, cnt;
	c->entry_bit = c->bit;
	c->entry_before = c->doc;
	if (!index_blob_get_entry(c->base, c->ebits, &c->bit, &gap, &cnt))
		return cur_end(c);
	c->cnt = cnt;
	c->doc += gap;
	if ((uint64_t)c->doc >= ndocs)
		return cur_end(c);
	return 1;
}

/* The units report doc's positions count in c's field (index_blob_pos_k); 0 when damaged. */
static uint32_t cur_units(const struct cur *c, int64_t doc)
{
	if (c->head)
		return INDEX_HEAD_UNITS;
	const uint32_t *norm = &c->sg->norms[doc];
	return (uint64_t)doc < c->sg->h->ndocs && seg_reads(c->sg, norm, sizeof *norm) == 0 ? *norm : 0;
}

/* Bits cnt positions of c's list can take: 31 low bits at most, and quotients that sum to under
 * twice cnt in the body (index_blob_put_positions); the headings run past the units their code
 * assumes, and are given room for quotients of 64 each. Decoding stops at the bytes checked this
 * far (cur_checked_bits), so that no byte is read before its checksum passed. */
static uint64_t position_bits(const struct cur *c, uint32_t cnt)
{
	return (uint64_t)cnt * (c->head ? 31 + 65 : 31 + 3) + 64;
}

/* The bits of c's positions checked: decoding stops there. */
static uint64_t cur_checked_bits(const struct cur *c)
{
	uint64_t checked = (uint64_t)(c->checked - c->base) * 8;
	return checked < c->plimit ? checked : c->plimit;
}

/* Checks the bytes cnt positions from c->pbit can take (position_bits), unless checked before; 0
 * when they do not pass. */
static int cur_check_positions(struct cur *c, uint32_t cnt)
{
	const uint8_t *from = c->base + c->pbit / 8, *kend = c->base + c->len;
	uint64_t most = (position_bits(c, cnt) + 7) / 8;
	const uint8_t *to = (uint64_t)(kend - from) > most ? from + most : kend;
	if (from < c->checked)
		from = c->checked;
	if (to > from) {
		if (seg_post_reads(c->sg, from, (uint64_t)(to - from)) != 0)
			return 0;
		c->checked = to;
	}
	return 1;
}

/* Finds where the current entry's positions start (a pair list), c->here_pbit, stepping over those
 * of the entries since the last place known; 0 when they do not decode. */
static int cur_positions(struct cur *c)
{
	if (!c->pair || c->doc == INT64_MAX)
		return 0;
	if (c->here_entry == c->entry_bit + 1)
		return 1;
	uint64_t bit = c->sync_bit;
	int64_t doc = c->sync_before;
	if (bit > c->entry_bit)
		return 0;   /* passed: a cursor only goes on */
	while (bit < c->entry_bit) {
		uint32_t gap, cnt;
		if (!index_blob_get_entry(c->base, c->ebits, &bit, &gap, &cnt) || !cur_check_positions(c, cnt))
			return 0;
		doc += gap;
		if (!index_blob_skip_positions(c->base, cur_checked_bits(c), &c->pbit, index_blob_pos_k(cur_units(c, doc), cnt), cnt))
			return 0;
	}
	if (bit != c->entry_bit)
		return 0;
	c->sync_bit = c->entry_bit;
	c->sync_before = c->entry_before;
	c->here_entry = c->entry_bit + 1;
	c->here_pbit = c->pbit;
	return cur_check_positions(c, c->cnt);
}

/* cur_seek through the skips: the last skip whose entry's predecessor is before doc. */
static int cur_seek_far(struct cur *c, int64_t doc, uint64_t ndocs)
{
	uint32_t lo = c->sk, hi = c->nskip, sk[3];
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		memcpy(sk, c->skips + (size_t)c->stride * mid, 4);
		if ((int64_t)sk[0] < doc)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo > c->sk) {
		memcpy(sk, c->skips + (size_t)c->stride * (lo - 1), c->stride);
		c->sk = lo;
		if ((int64_t)sk[0] > c->doc && sk[1] <= c->ebits && sk[1] > c->bit
		    && (!c->pair || (sk[2] <= c->plimit && sk[2] >= c->ebits))) {
			c->doc = sk[0];
			c->bit = sk[1];
			c->cnt = 0;
			if (c->pair) {
				c->pbit = sk[2];
				c->sync_bit = sk[1];
				c->sync_before = sk[0];
			}
		}
	}
	while (c->doc < doc)
		if (!cur_next(c, ndocs))
			return 0;
	return 1;
}

/* Moves to the first report >= doc; 0 when there is none. Most seeks of a walk land before
 * the next skip, which one look tells, and step on entry by entry. */
static inline int cur_seek(struct cur *c, int64_t doc, uint64_t ndocs)
{
	if (c->doc >= doc)
		return c->doc != INT64_MAX;
	if (c->sk < c->nskip) {
		uint32_t sd;
		memcpy(&sd, c->skips + (size_t)c->stride * c->sk, 4);
		if ((int64_t)sd < doc)
			return cur_seek_far(c, doc, ndocs);
	}
	while (c->doc < doc)
		if (!cur_next(c, ndocs))
			return 0;
	return 1;
}

/* ---- matching a term through the postings ---- */

struct tf {
	uint32_t doc, n;
};

/* A report of a search's results: its hits, hits in headings and score. */
struct acc {
	uint32_t doc, hits, hhits;
	double score;
};

/* A name (a region or an issuer, at a pool offset of the segment searched) a filter tested, and
 * whether it passed: a segment has a few thousand names for hundreds of thousands of reports. */
struct name_test {
	uint64_t key;      /* its pool offset times 2, plus 1 for an issuer */
	uint32_t stamp;    /* the search's stamp when it was tested; another: a free slot */
	int passed;
};

/* Scratch of one search: grown as needed, freed by search_fini. */
struct search {
	const struct seg *ix;
	uint32_t lo, hi;                      /* the window of ix's reports that walks visit */
	const struct acc *only;               /* NULL, or the reports of the window walks visit, sorted */
	size_t nonly;
	uint32_t units[QUERY_MAX_CHARS + 1];
	size_t nunits;
	int npairs;                           /* the chosen cover of pairs */
	size_t off[QUERY_MAX_CHARS];          /* unit offset of each chosen pair in the term */
	const struct ixkey *key[QUERY_MAX_CHARS];
	uint32_t *pos[QUERY_MAX_CHARS];       /* decoded positions per chosen pair */
	size_t npos[QUERY_MAX_CHARS], pcap[QUERY_MAX_CHARS];
	struct tf *tf, *htf;
	size_t ntf, tfcap, nhtf, htfcap;
	uint32_t mindf;                       /* least df of the term's keys in the field, 0: absent */
	const struct ixkey *all[QUERY_MAX_CHARS];   /* every pair of the term, as choose_pairs found them */
	struct name_test *tested;             /* the names of the segment a filter tested (name_passes) */
	size_t tmask, ntested;
	uint32_t stamp;                       /* of the segment searched: older tests are void */
};

/* Walks of s visit every report of segment sg. */
static void search_in(struct search *s, const struct seg *sg)
{
	s->ix = sg;
	s->lo = 0;
	s->hi = (uint32_t)sg->h->ndocs;
	s->only = NULL;
	if (++s->stamp == 0 && s->tested) {   /* the names tested in another segment or search are void */
		memset(s->tested, 0, (s->tmask + 1) * sizeof *s->tested);
		s->stamp = 1;
	}
	s->ntested = 0;
}

static void search_fini(struct search *s)
{
	free(s->tested);
	free(s->tf);
	free(s->htf);
	for (size_t j = 0; j < QUERY_MAX_CHARS; j++)
		free(s->pos[j]);
}

/* Chooses the pairs that prove a chain of s->units in a field: every unit in some pair, the
 * least postings bytes in all (unit 0 and the last can only be covered one way). Returns
 * 0 when a pair is in no report. */
static int choose_pairs(struct search *s, uint64_t field)
{
	size_t nu = s->nunits, np = nu - 1;
	const struct ixkey **k = s->all;
	uint64_t cost[QUERY_MAX_CHARS];
	int from[QUERY_MAX_CHARS];
	s->mindf = 0;
	for (size_t j = 0; j < np; j++) {
		if (!(k[j] = find_key(s->ix, field | index_blob_pair_key(s->units[j], s->units[j + 1]))))
			return 0;
		if (j == 0 || k[j]->df < s->mindf)
			s->mindf = k[j]->df;
		/* cost[j]: cheapest cover of units 0..j+1 whose last pair starts at j */
		uint64_t own = k[j]->len;
		if (j == 0) {
			cost[j] = own;
			from[j] = -1;
		} else {
			int b = j >= 2 && cost[j - 2] < cost[j - 1] ? (int)j - 2 : (int)j - 1;
			cost[j] = own + cost[b];
			from[j] = b;
		}
	}
	int n = 0, at[QUERY_MAX_CHARS];
	for (int j = (int)np - 1; j >= 0; j = from[j])
		at[n++] = j;
	s->npairs = n;
	for (int i = 0; i < n; i++) {
		s->off[i] = (size_t)at[n - 1 - i];
		s->key[i] = k[at[n - 1 - i]];
	}
	return 1;
}

static size_t decode_positions(struct search *s, int j, struct cur *c)
{
	int found = cur_positions(c);
	/* a count read from the entries is trusted no further than the bits that could hold it */
	size_t most = !found ? 0 : c->cnt <= c->plimit - c->pbit ? c->cnt : (size_t)(c->plimit - c->pbit);
	s->pos[j] = xgrow(s->pos[j], &s->pcap[j], most + 1, sizeof **s->pos);
	uint64_t bit = c->here_pbit;
	unsigned k = found ? index_blob_pos_k(cur_units(c, c->doc), c->cnt) : 0;
	size_t n = most ? index_blob_get_positions(c->base, cur_checked_bits(c), &bit, k, (uint32_t)most, s->pos[j]) : 0;
	if (n == c->cnt && c->sync_bit == c->entry_bit) {   /* read whole: the next entry's start there */
		c->pbit = bit;
		c->sync_bit = c->bit;
		c->sync_before = c->doc;
	}
	return s->npos[j] = n;
}

/* Places where the chosen pairs chain: starts p with pair j at p + off[j] for all j. Writes
 * them to out when it is not NULL. Returns their number. */
static uint32_t chain(struct search *s, uint32_t *out)
{
	int nl = s->npairs, drv = 0;
	for (int j = 1; j < nl; j++)
		if (s->npos[j] < s->npos[drv])
			drv = j;
	size_t at[QUERY_MAX_CHARS] = { 0 };
	uint32_t n = 0;
	for (size_t i = 0; i < s->npos[drv]; i++) {
		uint32_t p = s->pos[drv][i];
		if (p < s->off[drv])
			continue;
		uint64_t start = p - s->off[drv];
		int ok = 1;
		for (int j = 0; j < nl && ok; j++) {
			if (j == drv)
				continue;
			while (at[j] < s->npos[j] && s->pos[j][at[j]] < start + s->off[j])
				at[j]++;
			ok = at[j] < s->npos[j] && s->pos[j][at[j]] == start + s->off[j];
		}
		if (ok && out)
			out[n] = (uint32_t)start;
		n += ok;
	}
	return n;
}

static void push_tf(struct tf **v, size_t *n, size_t *cap, uint32_t doc, uint32_t cnt)
{
	if (*n == *cap)
		*v = xgrow(*v, cap, *n + 1, sizeof **v);
	(*v)[(*n)++] = (struct tf){ doc, cnt };
}

/* The first report >= doc that walks of s visit: doc itself, or with s->only the first of those
 * from *at on (s->hi when none is left), *at moved on to it. */
static int64_t visit_from(const struct search *s, size_t *at, int64_t doc)
{
	if (!s->only)
		return doc;
	while (*at < s->nonly && s->only[*at].doc < doc)
		(*at)++;
	return *at < s->nonly ? s->only[*at].doc : s->hi;
}

/* Appends each report of one list that walks of s visit, with its count. */
static void walk_counts(const struct search *s, struct cur *c, struct tf **v, size_t *n, size_t *cap)
{
	uint64_t nd = s->ix->h->ndocs;
	if (!s->only) {
		for (int more = cur_seek(c, s->lo, nd); more && c->doc < s->hi; more = cur_next(c, nd))
			push_tf(v, n, cap, (uint32_t)c->doc, c->cnt);
		return;
	}
	size_t at = 0;
	for (int64_t doc = visit_from(s, &at, s->lo); doc < s->hi && cur_seek(c, doc, nd);) {
		if (c->doc == doc)
			push_tf(v, n, cap, (uint32_t)c->doc, c->cnt);
		doc = visit_from(s, &at, c->doc == doc ? doc + 1 : c->doc);
	}
}

/* Occurrences per report of the unit sequence s->units in one field, appended to (v, n). */
static void eval_units(struct search *s, uint64_t field, struct tf **v, size_t *n, size_t *cap)
{
	const struct seg *ix = s->ix;
	uint64_t nd = ix->h->ndocs;
	struct cur c[QUERY_MAX_CHARS];
	s->mindf = 0;
	if (s->nunits == 1) {
		const struct ixkey *k = find_key(ix, field | s->units[0]);
		if (!k)
			return;
		s->mindf = k->df;
		cur_init(&c[0], ix, k);
		walk_counts(s, &c[0], v, n, cap);
		return;
	}
	if (!choose_pairs(s, field))
		return;
	int nl = s->npairs;
	for (int j = 0; j < nl; j++)
		cur_init(&c[j], ix, s->key[j]);
	if (nl == 1) {   /* a single pair: its count is the answer */
		walk_counts(s, &c[0], v, n, cap);
		return;
	}
	size_t at = 0;
	for (int64_t target = visit_from(s, &at, s->lo); target < s->hi;) {
		int all = 1;
		for (int j = 0; j < nl; j++) {
			if (!cur_seek(&c[j], target, nd))
				return;
			if (c[j].doc > target) {
				target = c[j].doc;
				all = 0;
			}
		}
		if (!all) {
			target = visit_from(s, &at, target);
			continue;
		}
		for (int j = 0; j < nl; j++)
			decode_positions(s, j, &c[j]);
		uint32_t m = chain(s, NULL);
		if (m)
			push_tf(v, n, cap, (uint32_t)target, m);
		target = visit_from(s, &at, target + 1);
	}
}

/* ---- ranking ---- */

/* Report doc's units, the length BM25 reads; 0 when its norm is damaged. */
static double norm_of(const struct seg *ix, uint32_t doc)
{
	const uint32_t *norm = &ix->norms[doc];
	return seg_reads(ix, norm, sizeof *norm) == 0 ? *norm : 0;
}

/* BM25 of tf hits in a report of dl units. */
static double bm25(const struct seg *ix, double dl, uint32_t tf, double idf)
{
	const double k1 = 1.2, b = 0.75;
	return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * dl / ix->st->avgdl));
}

/* The inverse document frequency of a term that its rarest unit or pair gives: an upper
 * bound of the reports holding the term, known without proving a single place, so that a
 * top-k search scores exactly as a search that proves every report. Reports and df are
 * counted over every segment, so each segment scores as the whole index does. */
static double idf_of(const struct stats *st, uint64_t df)
{
	double nd = st->ndocs, d = (double)df;
	return mathfn_log(1 + (nd - d + 0.5) / (d + 0.5));
}

/* The idf of term t over the index: for each of its keys in the body (its one unit, or each
 * pair of neighbouring units) the reports holding it, summed over the segments; the least of
 * these. Uses s's units. */
static double term_idf(struct search *s, const struct index *ix, const struct query_term *t)
{
	uint64_t df[QUERY_MAX_CHARS] = { 0 };
	size_t nk = 0;
	for (size_t k = 0; k < ix->nseg; k++) {
		const struct seg *sg = s->ix = ix->seg[k];
		size_t nu = term_units_any(sg, t->text, t->len, s->units);
		nk = nu == 1 ? 1 : nu ? nu - 1 : 0;
		for (size_t j = 0; j < nk; j++) {
			const uint32_t *u = s->units + j;
			if (u[0] == 0 || (nu > 1 && u[1] == 0))
				continue;   /* a word the segment lacks: no report of it holds the key */
			const struct ixkey *key = find_key(sg, nu == 1 ? u[0] : index_blob_pair_key(u[0], u[1]));
			df[j] += key ? key->df : 0;
		}
	}
	uint64_t least = nk ? df[0] : 0;
	for (size_t j = 1; j < nk; j++)
		least = df[j] < least ? df[j] : least;
	return idf_of(&ix->st, least);
}

/* term_idf of every term of q, in *idf (grown to q->nterms). */
static void query_idf(struct search *s, const struct index *ix, const struct query *q, double **idf, size_t *cap)
{
	*idf = xgrow(*idf, cap, q->nterms + 1, sizeof **idf);
	for (size_t i = 0; i < q->nterms; i++)
		(*idf)[i] = q->terms[i].exclude ? 0 : term_idf(s, ix, &q->terms[i]);
}

/* A term's score in a report of dl units: BM25 of its body hits, and a boost for hits in headings.
 * Increasing in tf and hh, so counts that bound them bound the score. */
static double term_score(const struct seg *ix, double dl, uint32_t tf, uint32_t hh, double idf)
{
	return bm25(ix, dl, tf, idf) + idf * 1.5 * hh / (hh + 1.0);
}

/* Appends to out (room for s->ntf more) each report of s->tf, its body count joined with its
 * heading count from s->htf (both sorted by report), and scored. The norms of the reports from
 * the first to the last are checked at once, and then read as they are: a check a report was
 * a tenth of a top-k search's instructions. */
static void score_tf(const struct search *s, double idf, struct acc *out, size_t *nout)
{
	const struct seg *ix = s->ix;
	size_t h = 0;
	int whole = s->ntf && seg_reads(ix, &ix->norms[s->tf[0].doc],
	                                ((uint64_t)s->tf[s->ntf - 1].doc - s->tf[0].doc + 1) * sizeof *ix->norms) == 0;
	for (size_t i = 0; i < s->ntf; i++) {
		uint32_t d = s->tf[i].doc, hh = 0;
		while (h < s->nhtf && s->htf[h].doc < d)
			h++;
		if (h < s->nhtf && s->htf[h].doc == d)
			hh = s->htf[h].n;
		double dl = whole ? ix->norms[d] : norm_of(ix, d);
		out[(*nout)++] = (struct acc){ d, s->tf[i].n, hh, term_score(ix, dl, s->tf[i].n, hh, idf) };
	}
}

/* The reports holding one term, scored. */
static void eval_term(struct search *s, const struct query_term *t, double idf, struct acc **out, size_t *nout,
                      size_t *cap)
{
	*nout = 0;
	s->nunits = term_units(s->ix, t->text, t->len, s->units);
	if (s->nunits == 0)
		return;
	s->ntf = s->nhtf = 0;
	eval_units(s, 0, &s->tf, &s->ntf, &s->tfcap);
	*out = xgrow(*out, cap, s->ntf + 1, sizeof **out);
	if (t->exclude) {
		for (size_t i = 0; i < s->ntf; i++)
			(*out)[(*nout)++] = (struct acc){ s->tf[i].doc, s->tf[i].n, 0, 0 };
		return;
	}
	eval_units(s, KEY_HEAD, &s->htf, &s->nhtf, &s->htfcap);
	score_tf(s, idf, *out, nout);
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

/* The slot of key in s's tested names (a free one when it is not there), grown at half full. */
static struct name_test *tested_slot(struct search *s, uint64_t key)
{
	if (2 * (s->ntested + 1) > (s->tested ? s->tmask + 1 : 0)) {
		struct name_test *old = s->tested;
		size_t oldn = old ? s->tmask + 1 : 0, n = oldn ? 2 * oldn : 16;
		s->tested = xcalloc(n, sizeof *s->tested);
		s->tmask = n - 1;
		s->ntested = 0;   /* the new table's slots are stamped 0, never a search's: free */
		for (size_t i = 0; i < oldn; i++)
			if (old[i].stamp == s->stamp) {
				struct name_test *t = tested_slot(s, old[i].key);
				*t = (struct name_test){ old[i].key, s->stamp, old[i].passed };
				s->ntested++;
			}
		free(old);
	}
	size_t at = (size_t)(key * 0x9E3779B97F4A7C15ull >> 32) & s->tmask;
	while (s->tested[at].stamp == s->stamp && s->tested[at].key != key)
		at = (at + 1) & s->tmask;
	return &s->tested[at];
}

/* Whether the name of len bytes at pool offset off of s's segment holds want (wlen bytes): tested
 * once a segment and search (issuer: 1 for an issuer's name, 0 for a region's). */
static int name_passes(struct search *s, uint32_t off, uint32_t len, int issuer, const char *want, size_t wlen)
{
	uint64_t key = (uint64_t)off * 2 + (uint64_t)issuer;
	struct name_test *t = tested_slot(s, key);
	if (t->stamp != s->stamp) {
		const char *name = seg_bytes_at(s->ix, off, len);
		*t = (struct name_test){ key, s->stamp, name && find(name, len, want, wlen) };
		s->ntested++;
	}
	return t->passed;
}

/* 1 when report doc of s's segment passes q's filters. */
static int passes(struct search *s, const struct query *q, uint32_t doc)
{
	if (!query_has_filter(q))
		return 1;
	const struct seg *ix = s->ix;
	const struct ixfilter *f = &ix->filters[doc];
	if (seg_reads(ix, f, sizeof *f) != 0)
		return 0;   /* damaged: index_intact says so */
	if (q->year_from && (f->year < q->year_from || f->year > q->year_to))
		return 0;
	if ((q->level >= 0 && f->level != (uint32_t)q->level) || (q->parts && !(f->parts & q->parts)) ||
	    (q->topics && !(f->topics & q->topics)))
		return 0;
	if (!q->region && !q->issuer)
		return 1;
	const struct ixname *n = &ix->names[doc];
	if (seg_reads(ix, n, sizeof *n) != 0)
		return 0;
	return (!q->region || name_passes(s, n->region, n->region_len, 0, q->region, q->region_len)) &&
	       (!q->issuer || name_passes(s, n->issuer, n->issuer_len, 1, q->issuer, q->issuer_len));
}

/* 1 when x ranks before y: higher score, ties in corpus order. */
static int before(const struct acc *x, const struct acc *y)
{
	return x->score != y->score ? x->score > y->score : x->doc < y->doc;
}

static int cmp_acc(const void *a, const void *b)
{
	return before(a, b) ? -1 : before(b, a) ? 1 : 0;
}

/* The bits of a score that order as the scores do downwards (-0 as 0): a radix sort's key. */
static uint64_t score_key(double score)
{
	uint64_t b;
	if (score == 0)
		score = 0;
	memcpy(&b, &score, sizeof b);
	b = b >> 63 ? ~b : b | (uint64_t)1 << 63;   /* upwards */
	return ~b;
}

#define RADIX_MIN 256   /* fewer results: qsort */

/* Sorts res[0..n) as before() orders them. Results in corpus order (a search's, before its sort)
 * are sorted by their scores' bits a byte at a time, which keeps ties in corpus order: a count of
 * 30,000 reports spent a tenth of its time in qsort's comparisons. */
static void sort_results(struct acc *res, size_t n)
{
	int in_order = n >= RADIX_MIN;
	for (size_t i = 1; i < n && in_order; i++)
		in_order = res[i - 1].doc < res[i].doc;
	if (!in_order) {
		qsort(res, n, sizeof *res, cmp_acc);
		return;
	}
	size_t (*count)[256] = xcalloc(8, sizeof *count);
	for (size_t i = 0; i < n; i++) {
		uint64_t k = score_key(res[i].score);
		for (int d = 0; d < 8; d++)
			count[d][k >> (8 * d) & 0xff]++;
	}
	struct acc *tmp = xmalloc(n * sizeof *tmp), *from = res, *to = tmp;
	for (int d = 0; d < 8; d++) {
		size_t at = 0, sum = 0;
		if (count[d][score_key(from[0].score) >> (8 * d) & 0xff] == n)
			continue;   /* every key has this byte: the order stays */
		for (int v = 0; v < 256; v++)
			at = count[d][v], count[d][v] = sum, sum += at;
		for (size_t i = 0; i < n; i++)
			to[count[d][score_key(from[i].score) >> (8 * d) & 0xff]++] = from[i];
		struct acc *t = from;
		from = to, to = t;
	}
	if (from != res)
		memcpy(res, from, n * sizeof *res);
	free(tmp);
	free(count);
}

void index_results_fini(struct index_results *r)
{
	if (r->scratch_free)
		r->scratch_free(r->scratch);
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Every report of s's window, scored 0: the start of a query made of filters only. */
static size_t all_docs(const struct search *s, struct acc **res, size_t *cap)
{
	size_t n = s->hi - s->lo;
	*res = xgrow(*res, cap, n + 1, sizeof **res);
	for (size_t i = 0; i < n; i++)
		(*res)[i] = (struct acc){ s->lo + (uint32_t)i, 0, 0, 0 };
	return n;
}

/* The groups of q in the order evaluate walks them: those that can hold the fewest reports
 * first, ties in query order. A term's idf (idf_of) is log((N + 1) / (df + 0.5)) of the reports
 * its rarest key is in over the index, so those go as exp(-idf): a group's reach, the sum over
 * its terms, comes from the idf without looking a key up again. */
static void group_order(const struct query *q, const double *idf, int *order)
{
	double reach[QUERY_MAX_TERMS] = { 0 };
	for (size_t i = 0; i < q->nterms; i++)
		if (q->terms[i].group >= 0)
			reach[q->terms[i].group] += mathfn_exp(-idf[i]);
	for (int g = 0; g < q->ngroups; g++) {
		int k = g;
		for (; k > 0 && reach[order[k - 1]] > reach[g]; k--)
			order[k] = order[k - 1];
		order[k] = g;
	}
}

/* Working lists of evaluate: each group's reports, a term's, and room to merge. */
struct evaluation {
	struct acc *grp[QUERY_MAX_TERMS], *one, *tmp;
	size_t ngrp[QUERY_MAX_TERMS], gcap[QUERY_MAX_TERMS], none, ocap, tcap;
};

/* Group g's reports (its terms' together) into ev->grp[g], of those walks of s visit. */
static void eval_group(struct search *s, const struct query *q, const double *idf, int g, struct evaluation *ev)
{
	for (size_t i = 0; i < q->nterms; i++) {
		if (q->terms[i].group != g)
			continue;
		eval_term(s, &q->terms[i], idf[i], &ev->one, &ev->none, &ev->ocap);
		merge(&ev->grp[g], &ev->ngrp[g], &ev->gcap[g], ev->one, ev->none, 0, &ev->tmp, &ev->tcap);
	}
}

/* Evaluates the groups and exclusions into res (sorted by report). A report must hold every
 * group, so the group that can hold the fewest is walked first, and each next one only at the
 * reports of the one before (s->only), as a conjunction of posting lists leapfrogs: a rare
 * name AND a frequent word costs about the name. The groups are then joined in query order,
 * so that scores are summed as prove() sums them. */
static size_t evaluate(struct search *s, const struct query *q, const double *idf, struct acc **res, size_t *rcap)
{
	struct evaluation ev = { 0 };
	int order[QUERY_MAX_TERMS], empty = 0;
	size_t nres = 0;
	group_order(q, idf, order);
	for (int k = 0; k < q->ngroups && !empty; k++) {
		int g = order[k];
		eval_group(s, q, idf, g, &ev);
		s->only = ev.grp[g];
		s->nonly = ev.ngrp[g];
		empty = ev.ngrp[g] == 0;
	}
	s->only = NULL;
	for (int g = 0; g < q->ngroups && !empty; g++)
		merge(res, &nres, rcap, ev.grp[g], ev.ngrp[g], g > 0, &ev.tmp, &ev.tcap);
	if (q->ngroups == 0)
		nres = all_docs(s, res, rcap);
	for (size_t i = 0; i < q->nterms && nres; i++) {
		if (!q->terms[i].exclude)
			continue;
		s->only = *res;   /* only the reports kept can lose */
		s->nonly = nres;
		eval_term(s, &q->terms[i], 0, &ev.one, &ev.none, &ev.ocap);
		s->only = NULL;
		subtract(*res, &nres, ev.one, ev.none);
	}
	for (int g = 0; g < q->ngroups; g++)
		free(ev.grp[g]);
	free(ev.one);
	free(ev.tmp);
	return nres;
}

/* Moves the best `keep` of res[0..n) to its front, best first: a heap of the best so far, so
 * a top 20 of 30,000 reports costs a pass, not a sort. */
static void select_best(struct acc *res, size_t n, size_t keep)
{
	if (n == 0)
		return;
	if (keep >= n || keep == 0) {
		sort_results(res, n);
		return;
	}
	/* res[0..keep) is a heap with the worst of the kept at the root. */
	for (size_t i = 0; i < n; i++) {
		size_t k;
		if (i < keep) {
			k = i;
			struct acc x = res[i];
			while (k > 0 && before(&res[(k - 1) / 2], &x)) {
				res[k] = res[(k - 1) / 2];
				k = (k - 1) / 2;
			}
			res[k] = x;
			continue;
		}
		if (!before(&res[i], &res[0]))
			continue;
		struct acc x = res[i];
		for (k = 0;;) {
			size_t c = 2 * k + 1;
			if (c >= keep)
				break;
			if (c + 1 < keep && before(&res[c], &res[c + 1]))
				c++;
			if (!before(&x, &res[c]))
				break;
			res[k] = res[c];
			k = c;
		}
		res[k] = x;
	}
	qsort(res, keep, sizeof *res, cmp_acc);
}

/* The live reports of segment sg that match q and pass its filters, appended to (*res, *n) with
 * their corpus positions for numbers; returns the hits they hold. */
static size_t seg_matches(struct search *s, const struct seg *sg, const struct query *q, const double *idf,
                          struct acc **res, size_t *n, size_t *cap)
{
	struct acc *v = NULL;
	size_t vcap = 0, hits = 0;
	search_in(s, sg);
	size_t nv = evaluate(s, q, idf, &v, &vcap);
	*res = xgrow(*res, cap, *n + nv + 1, sizeof **res);
	size_t run = 0;
	for (size_t i = 0; i < nv; i++) {
		uint32_t p = seg_pos_next(sg, v[i].doc, &run);
		if (p != NO_POS && passes(s, q, v[i].doc)) {
			struct acc a = v[i];
			a.doc = p;
			(*res)[(*n)++] = a;
			hits += a.hits;
		}
	}
	free(v);
	return hits;
}

/* The best `keep` of res[0..n), best first, to out. */
static void results_out(struct acc *res, size_t n, size_t keep, struct index_results *out)
{
	select_best(res, n, keep);
	out->v = xgrow(out->v, &out->cap, keep + 1, sizeof *out->v);
	for (size_t i = 0; i < keep; i++)
		out->v[i] = (struct index_result){ .report = res[i].doc, .hits = res[i].hits, .heading_hits = res[i].hhits,
		                                   .score = res[i].score };
	out->n = keep;
}

size_t index_search(const struct index *ix, const struct query *q, size_t limit, struct index_results *out)
{
	struct search *s = xcalloc(1, sizeof *s);
	double *idf = NULL;
	size_t icap = 0;
	query_idf(s, ix, q, &idf, &icap);
	struct acc *res = NULL;
	size_t rcap = 0, n = 0;
	out->n = out->total = out->total_hits = 0;
	for (size_t k = 0; k < ix->nseg; k++)
		if (ix->seg[k]->live)
			out->total_hits += seg_matches(s, ix->seg[k], q, idf, &res, &n, &rcap);
	out->total = out->total_max = n;
	out->exact = 1;
	size_t keep = limit && limit < n ? limit : n;
	results_out(res, n, keep, out);
	free(res);
	free(idf);
	search_fini(s);
	free(s);
	return keep;
}

/* ---- the best k reports, proving as few as possible ---- */

#define BOUND_KEYS 2    /* keys whose counts bound a term: more bound tighter, and cost a walk each */

/* How one field proves a term: the chosen pairs (or the one unit of a one-unit term), and
 * the few rarest keys whose counts bound its hits in a report without reading a position. */
struct cover {
	int n;                          /* 0: the field never holds the term */
	size_t off[QUERY_MAX_CHARS];
	const struct ixkey *key[QUERY_MAX_CHARS];
	int nb;
	const struct ixkey *bkey[BOUND_KEYS];
};

struct plan {
	const struct query_term *t;
	uint32_t units[QUERY_MAX_CHARS + 1];
	size_t nunits;                  /* 0: a word of it is in no report */
	double idf;
	struct cover body, head;
};

/* The rarest keys bound best and cost least to walk. */
static void pick_bound_keys(struct cover *cv, const struct ixkey *const *k, size_t nk)
{
	cv->nb = 0;
	for (size_t j = 0; j < nk; j++) {
		int dup = 0;
		for (int m = 0; m < cv->nb; m++)
			dup |= cv->bkey[m] == k[j];
		if (dup || (cv->nb == BOUND_KEYS && k[j]->df >= cv->bkey[BOUND_KEYS - 1]->df))
			continue;
		int at = cv->nb < BOUND_KEYS ? cv->nb++ : BOUND_KEYS - 1;
		for (; at > 0 && cv->bkey[at - 1]->df > k[j]->df; at--)
			cv->bkey[at] = cv->bkey[at - 1];
		cv->bkey[at] = k[j];
	}
}

static void plan_cover(struct search *s, uint64_t field, struct cover *cv)
{
	cv->n = cv->nb = 0;
	s->mindf = 0;
	if (s->nunits == 1) {
		const struct ixkey *k = find_key(s->ix, field | s->units[0]);
		if (!k)
			return;
		s->mindf = k->df;
		cv->n = cv->nb = 1;
		cv->off[0] = 0;
		cv->key[0] = cv->bkey[0] = k;
		return;
	}
	if (!choose_pairs(s, field))
		return;
	cv->n = s->npairs;
	memcpy(cv->off, s->off, (size_t)cv->n * sizeof *cv->off);
	memcpy(cv->key, s->key, (size_t)cv->n * sizeof *cv->key);
	pick_bound_keys(cv, s->all, s->nunits - 1);
}

static void plan_term(struct search *s, const struct query_term *t, double idf, struct plan *p)
{
	p->t = t;
	p->idf = idf;
	p->nunits = s->nunits = term_units(s->ix, t->text, t->len, s->units);
	p->body.n = p->head.n = 0;
	if (p->nunits == 0)
		return;
	memcpy(p->units, s->units, p->nunits * sizeof *p->units);
	plan_cover(s, 0, &p->body);
	if (p->body.n == 0)
		p->nunits = 0;
	else
		plan_cover(s, KEY_HEAD, &p->head);
}

/* A plan is exact when its counts are its hits: one unit, or one pair. */
static int plan_exact(const struct plan *p)
{
	return p->nunits <= 2;
}

/* Per report of s's window holding every bound key of the field: the least of their counts,
 * which bounds the term's hits there. Appended to (v, n). The rarest key's entries are read in
 * a run, and each other key is sought at those reports alone. */
static void bound_walk(const struct search *s, const struct cover *cv, struct tf **v, size_t *n, size_t *cap)
{
	const struct seg *ix = s->ix;
	uint64_t nd = ix->h->ndocs;
	size_t first = *n;
	struct cur c;
	if (cv->nb == 0)
		return;
	cur_init(&c, ix, cv->bkey[0]);
	if (cur_seek(&c, s->lo, nd))
		while (c.doc < s->hi) {
			push_tf(v, n, cap, (uint32_t)c.doc, c.cnt);
			if (!cur_next(&c, nd))
				break;
		}
	for (int j = 1; j < cv->nb; j++) {
		struct tf *t = *v;
		size_t kept = first;
		cur_init(&c, ix, cv->bkey[j]);
		for (size_t i = first; i < *n && cur_seek(&c, t[i].doc, nd); i++)
			if (c.doc == t[i].doc)
				t[kept++] = (struct tf){ t[i].doc, c.cnt < t[i].n ? c.cnt : t[i].n };
		*n = kept;
	}
}

/* The term's bounds per report, scored as eval_term scores hits (exact for an exact plan). */
static void bound_term(struct search *s, const struct plan *p, struct acc **out, size_t *nout, size_t *cap)
{
	*nout = 0;
	if (p->nunits == 0)
		return;
	s->ntf = s->nhtf = 0;
	bound_walk(s, &p->body, &s->tf, &s->ntf, &s->tfcap);
	if (p->head.n)
		bound_walk(s, &p->head, &s->htf, &s->nhtf, &s->htfcap);
	*out = xgrow(*out, cap, s->ntf + 1, sizeof **out);
	score_tf(s, p->idf, *out, nout);
}

/* Where the hits of one result are: unit positions of the matches of its positive terms. */
struct places {
	uint32_t *v;
	size_t n, cap;
	int unknown;      /* a term of one unit: its places are not in the postings */
};

/* Merges the places v[from..n) of a term, which chain() gives in order, into the places in
 * order v[start..from) before them, the places of one report: a sort of them all again cost a
 * frequent word's top 20 2% more. */
static void places_merge(struct places *pl, size_t start, size_t from)
{
	if (from == start || from == pl->n || pl->v[from - 1] <= pl->v[from])
		return;
	size_t j = pl->n - from, i = from, k = pl->n;
	uint32_t *run = xmalloc(j * sizeof *run);
	memcpy(run, pl->v + from, j * sizeof *run);
	while (j > 0)   /* from the end: the places before move up into room the run left */
		pl->v[--k] = i > start && pl->v[i - 1] > run[j - 1] ? pl->v[--i] : run[--j];
	free(run);
}

/* Appends to pl the places where s's chosen pairs chain (their positions decoded), merged into
 * those of the report's terms from pl->v[start] on; returns how many. */
static uint32_t chain_places(struct search *s, struct places *pl, size_t start)
{
	size_t most = SIZE_MAX, from = pl->n;
	for (int j = 0; j < s->npairs; j++)
		most = s->npos[j] < most ? s->npos[j] : most;
	pl->v = xgrow(pl->v, &pl->cap, pl->n + most + 1, sizeof *pl->v);
	uint32_t n = chain(s, pl->v + pl->n);
	pl->n += n;
	places_merge(pl, start, from);
	return n;
}

/* Decodes the positions in report doc of the pairs key[0..n) into s->pos[0..n); 0 when one of
 * them is not in it. */
static int decode_pairs(struct search *s, const struct ixkey *const *key, int n, uint32_t doc)
{
	for (int j = 0; j < n; j++) {
		struct cur c;
		cur_init(&c, s->ix, key[j]);
		if (!cur_seek(&c, doc, s->ix->h->ndocs) || c.doc != doc)
			return 0;
		decode_positions(s, j, &c);
	}
	return 1;
}

/* The term's exact hits in one report and one field; with places, the places of its hits
 * merged into those of pl->v[start..) (cv of two pairs or more: chain's). */
static uint32_t count_at(struct search *s, const struct cover *cv, uint32_t doc, struct places *places, size_t start)
{
	const struct seg *ix = s->ix;
	struct cur c;
	if (cv->n == 0)
		return 0;
	if (cv->n == 1) {
		cur_init(&c, ix, cv->key[0]);
		return cur_seek(&c, doc, ix->h->ndocs) && c.doc == doc ? c.cnt : 0;
	}
	if (!decode_pairs(s, cv->key, cv->n, doc))
		return 0;
	s->npairs = cv->n;
	memcpy(s->off, cv->off, (size_t)cv->n * sizeof *s->off);
	return places ? chain_places(s, places, start) : chain(s, NULL);
}

/* Proves one report: its exact hits and score, summed in the order evaluate sums them, so
 * that the score is bit for bit the one index_search gives. 0 when it does not match. With
 * places, the places of its positive terms' hits in the body are appended to them, in order
 * (proofs_find_places tells when they are all of them). */
static int prove(struct search *s, const struct query *q, const struct plan *pl, struct acc *a, struct places *places)
{
	size_t start = places ? places->n : 0;
	uint32_t d = a->doc;
	double score = 0;
	a->hits = a->hhits = 0;
	for (int g = 0; g < q->ngroups; g++) {
		double gs = 0;
		int any = 0;
		for (size_t i = 0; i < q->nterms; i++) {
			if (q->terms[i].group != g || pl[i].nunits == 0)
				continue;
			uint32_t tf = count_at(s, &pl[i].body, d, places, start);
			if (!tf)
				continue;
			uint32_t hh = count_at(s, &pl[i].head, d, NULL, 0);
			double ts = term_score(s->ix, norm_of(s->ix, d), tf, hh, pl[i].idf);
			gs = any ? gs + ts : ts;
			any = 1;
			a->hits += tf;
			a->hhits += hh;
		}
		if (!any)
			return 0;
		score = g ? score + gs : gs;
	}
	for (size_t i = 0; i < q->nterms; i++)
		if (q->terms[i].exclude && pl[i].nunits && !plan_exact(&pl[i]) && count_at(s, &pl[i].body, d, NULL, 0))
			return 0;
	a->score = score;
	return 1;
}

/* Where the places of a proved report lie in struct scratch's noted. */
struct place_note {
	size_t report;               /* its corpus position */
	size_t at, n;
};

/* Working memory of index_search_top, kept in the results between searches: a search of a
 * large corpus would otherwise touch a megabyte of fresh pages each time. */
struct scratch {
	struct search s;
	struct plan *pl;
	size_t plcap;
	double *idf;
	size_t idfcap;
	struct acc *v[7];            /* candidates, a group, a term, merge space, the kept best, of all segments,
	                              * the best bounds of a segment */
	size_t cap[7];
	int noting;                  /* the segment's proofs find the places snippets show (proofs_find_places) */
	struct places noted;         /* the places of proved reports that ranked when proved, back to back */
	struct place_note *notes;
	size_t nnotes, notecap;
};
enum { SC_RES, SC_GRP, SC_ONE, SC_TMP, SC_KEPT, SC_ALL, SC_FRONT, SC_N };

static void scratch_free(void *p)
{
	struct scratch *sc = p;
	if (!sc)
		return;
	search_fini(&sc->s);
	free(sc->noted.v);
	free(sc->notes);
	free(sc->pl);
	free(sc->idf);
	for (int i = 0; i < SC_N; i++)
		free(sc->v[i]);
	free(sc);
}

/* Arrays a and b of the scratch trade places, with their room. */
static void swap_arrays(struct scratch *sc, int a, int b)
{
	struct acc *t = sc->v[a];
	size_t c = sc->cap[a];
	sc->v[a] = sc->v[b];
	sc->cap[a] = sc->cap[b];
	sc->v[b] = t;
	sc->cap[b] = c;
}

/* Merges array b of the scratch (nb) into array a (*na), as merge does; a = b when a is empty:
 * the buffers trade places instead of a copy. */
static void merge_into(struct scratch *sc, int a, size_t *na, int b, size_t nb, int and)
{
	if (*na == 0 && !and) {
		swap_arrays(sc, a, b);
		*na = nb;
		return;
	}
	merge(&sc->v[a], na, &sc->cap[a], sc->v[b], nb, and, &sc->v[SC_TMP], &sc->cap[SC_TMP]);
}

/* Whether every bound of the plans' candidates is a count of hits, and every exclusion is
 * applied to them exactly: then there is nothing to prove. */
static int plans_exact(const struct query *q, const struct plan *pl)
{
	for (size_t i = 0; i < q->nterms; i++)
		if (!plan_exact(&pl[i]))
			return 0;
	return 1;
}

/* The candidates of the search's window, bounded, in sc->v[SC_RES]: groups and exact
 * exclusions applied to the bounds, then filters (*run follows the window through the
 * segment's runs). */
static size_t candidates(struct scratch *sc, const struct query *q, const struct plan *pl, size_t *run)
{
	struct search *s = &sc->s;
	size_t ngrp = 0, none = 0, nres = 0;
	/* The last window's candidates are spent: their array, grown to a window's already, takes the
	 * first term's bounds, and merge_into's swaps hand it back to the candidates. Else the three
	 * arrays take turns, and each grows, every page of them new memory. */
	swap_arrays(sc, SC_RES, SC_ONE);
	for (int g = 0; g < q->ngroups; g++) {
		ngrp = 0;
		for (size_t i = 0; i < q->nterms; i++) {
			if (q->terms[i].group != g)
				continue;
			bound_term(s, &pl[i], &sc->v[SC_ONE], &none, &sc->cap[SC_ONE]);
			merge_into(sc, SC_GRP, &ngrp, SC_ONE, none, 0);
		}
		merge_into(sc, SC_RES, &nres, SC_GRP, ngrp, g > 0);
		if (nres == 0)
			break;
	}
	for (size_t i = 0; i < q->nterms && nres; i++) {
		if (!q->terms[i].exclude || pl[i].nunits == 0 || !plan_exact(&pl[i]))
			continue;
		bound_term(s, &pl[i], &sc->v[SC_ONE], &none, &sc->cap[SC_ONE]);
		subtract(sc->v[SC_RES], &nres, sc->v[SC_ONE], none);
	}
	struct acc *res = sc->v[SC_RES];
	size_t n = 0;
	int filtered = query_has_filter(q);
	for (size_t i = 0; i < nres; i++)
		if (seg_pos_next(s->ix, res[i].doc, run) != NO_POS && (!filtered || passes(s, q, res[i].doc)))
			res[n++] = res[i];
	return n;
}

/* A max-heap of candidates by bound. */
static void heap_down(struct acc *h, size_t n, size_t k)
{
	struct acc x = h[k];
	for (;;) {
		size_t c = 2 * k + 1;
		if (c >= n)
			break;
		if (c + 1 < n && h[c + 1].score > h[c].score)
			c++;
		if (!(h[c].score > x.score))
			break;
		h[k] = h[c];
		k = c;
	}
	h[k] = x;
}

/* Takes the best of the heap h[0..*n). */
static struct acc heap_pop(struct acc *h, size_t *n)
{
	struct acc a = h[0];
	h[0] = h[--*n];
	heap_down(h, *n, 0);
	return a;
}

/* Adds a proved report to the kept best (a heap with the worst of them at the root). */
static void keep_best(struct acc *kept, size_t *nk, size_t k, const struct acc *a)
{
	size_t i;
	if (*nk < k) {
		for (i = (*nk)++; i > 0 && before(&kept[(i - 1) / 2], a); i = (i - 1) / 2)
			kept[i] = kept[(i - 1) / 2];
		kept[i] = *a;
		return;
	}
	if (!before(a, &kept[0]))
		return;
	for (i = 0;;) {
		size_t c = 2 * i + 1;
		if (c >= k)
			break;
		if (c + 1 < k && before(&kept[c], &kept[c + 1]))
			c++;
		if (!before(a, &kept[c]))
			break;
		kept[i] = kept[c];
		i = c;
	}
	kept[i] = *a;
}

/* Rounding cannot make a sum of bounds fall below the sum of the scores they bound, but a
 * little room keeps the argument free of any ulp: a report is left unproved only when the
 * k-th score clears its bound by more than this. */
#define BOUND_ROOM (1 + 1e-9)

#define PROOF_BUDGET 1000

/* Adds a proved report of segment sg to the best kept of the whole index, by corpus position. */
static void keep_best_at(struct acc *kept, size_t *nk, size_t k, const struct seg *sg, struct acc a)
{
	a.doc = seg_pos(sg, a.doc);
	keep_best(kept, nk, k, &a);
}

/* Reports a top-k search takes at a time. Its working memory is a few pages for a segment
 * of any size: on a fresh process each new page costs more than the walk that fills it. */
#define TOP_WINDOW 2048

static size_t top_window = TOP_WINDOW, proof_budget, front_room;   /* 0: PROOF_BUDGET + 8 * limit, FRONT_ROOM */

void index_top_tuning(size_t window, size_t proofs, size_t front)
{
	top_window = window ? window : TOP_WINDOW;
	proof_budget = proofs;
	front_room = front;
}

/* The proofs a segment's search makes before it evaluates the rest in one pass instead. */
static size_t proofs_allowed(size_t limit)
{
	return proof_budget ? proof_budget : PROOF_BUDGET + 8 * limit;
}

/* Sets s's window to the top_window reports of its segment from lo on (fewer at its end). */
static void window_from(struct search *s, uint32_t lo)
{
	uint32_t nd = (uint32_t)s->ix->h->ndocs;
	s->lo = lo;
	s->hi = nd - lo > top_window ? lo + (uint32_t)top_window : nd;
}

/* What a segment adds to a top-k search's totals. */
struct tally {
	size_t matches, unproved, hits;
};

static void tally_match(struct tally *t, const struct acc *a)
{
	t->matches++;
	t->hits += a->hits;
}

static void tally_out(const struct tally *t, struct index_results *out)
{
	out->total += t->matches;
	out->total_max += t->matches + t->unproved;
	out->total_hits += t->hits;
}

/* Keeps the best `limit` of an exact window's candidates c[0..nc): each is a match. */
static void keep_exact(struct acc *c, size_t nc, struct acc *kept, size_t *nk, size_t limit, const struct seg *sg,
                       struct tally *t)
{
	for (size_t i = 0; i < nc; i++)
		tally_match(t, &c[i]);
	size_t best = limit < nc ? limit : nc;
	select_best(c, nc, best);
	for (size_t i = 0; i < best; i++)
		keep_best_at(kept, nk, limit, sg, c[i]);
}

/* Whether the k-th best kept (kept[0], of nk kept) clears bound: no report of that bound or
 * below can rank. */
static int cleared(const struct acc *kept, size_t nk, size_t limit, double bound)
{
	return nk == limit && kept[0].score > bound * BOUND_ROOM;
}

/* Moves the candidates of c[0..n) whose bound the kept best do not clear to the front, the
 * others after them, and returns how many are at the front: a window late in a large segment
 * has thousands of candidates and a heap of the few that can still rank. */
static size_t below_kept(struct acc *c, size_t n, const struct acc *kept, size_t nk, size_t limit)
{
	size_t front = 0;
	for (size_t i = 0; i < n; i++)
		if (!cleared(kept, nk, limit, c[i].score)) {
			struct acc t = c[front];
			c[front++] = c[i];
			c[i] = t;
		}
	return front;
}

/* Whether a proved report a (by corpus position) joins the best `limit` kept (nk of them, the
 * worst at the root), as keep_best has it. */
static int joins_kept(const struct acc *kept, size_t nk, size_t limit, const struct acc *a)
{
	return nk < limit || before(a, &kept[0]);
}

/* Whether the proofs of the segment searched find the places that snippets show (term_places):
 * every positive term it holds is proved by a chain of two pairs or more. A term of one unit or
 * one pair is counted without its positions, and one with a newline is found in the text. */
static int proofs_find_places(const struct query *q, const struct plan *pl)
{
	for (size_t i = 0; i < q->nterms; i++)
		if (!q->terms[i].exclude && pl[i].nunits &&
		    (pl[i].body.n < 2 || memchr(q->terms[i].text, '\n', q->terms[i].len)))
			return 0;
	return 1;
}

/* Proves candidate a of the segment searched and keeps it among the best when it matches, its
 * totals added to t. While the segment's proofs find places, those of a report that joins the
 * kept are noted (struct place_note): its snippets need not decode its positions again. */
static void prove_keep(struct scratch *sc, const struct query *q, size_t limit, size_t *nk, struct acc a,
                       struct tally *t)
{
	size_t at = sc->noted.n;
	if (!prove(&sc->s, q, sc->pl, &a, sc->noting ? &sc->noted : NULL))
		return;
	tally_match(t, &a);
	a.doc = seg_pos(sc->s.ix, a.doc);
	if (sc->noting && joins_kept(sc->v[SC_KEPT], *nk, limit, &a)) {
		sc->notes = xgrow(sc->notes, &sc->notecap, sc->nnotes + 1, sizeof *sc->notes);
		sc->notes[sc->nnotes++] = (struct place_note){ a.doc, at, sc->noted.n - at };
	} else {
		sc->noted.n = at;
	}
	keep_best(sc->v[SC_KEPT], nk, limit, &a);
}

/* Proves candidates c[0..*nc) by falling bound until the k-th kept score clears the next
 * bound. Returns 0 once the segment's proofs pass the budget, the unproved left in c[0..*nc). */
static int prove_best(struct scratch *sc, const struct query *q, size_t limit, size_t *nk, size_t *nc,
                      size_t *proofs, struct tally *t)
{
	struct acc *c = sc->v[SC_RES], *kept = sc->v[SC_KEPT];
	size_t nh = below_kept(c, *nc, kept, *nk, limit);   /* the heap, c[0..nh); after it, bounds cleared */
	for (size_t i = nh / 2; i-- > 0;)
		heap_down(c, nh, i);
	while (nh && !cleared(kept, *nk, limit, c[0].score)) {
		/* Bounds that hardly bind (an exclusion that removes nearly every report, say): past
		 * this many proofs, evaluating every report in one pass is cheaper. */
		if (++*proofs > proofs_allowed(limit))
			return 0;
		struct acc a = heap_pop(c, &nh);
		c[nh] = c[--*nc];   /* the unproved stay together */
		prove_keep(sc, q, limit, nk, a, t);
	}
	return 1;
}

static int by_doc(const void *a, const void *b)
{
	const struct acc *x = a, *y = b;
	return (x->doc > y->doc) - (x->doc < y->doc);
}

/* Evaluates the window and keeps its matches among the unproved candidates c[0..nc) (the
 * candidates passed the filters; evaluate does not apply them). */
static void keep_evaluated(struct scratch *sc, const struct query *q, size_t limit, size_t *nk, size_t nc,
                           struct tally *t)
{
	struct acc *c = sc->v[SC_RES];
	qsort(c, nc, sizeof *c, by_doc);
	size_t nm = evaluate(&sc->s, q, sc->idf, &sc->v[SC_ALL], &sc->cap[SC_ALL]);
	const struct acc *m = sc->v[SC_ALL];
	for (size_t i = 0, j = 0; i < nm; i++) {
		while (j < nc && c[j].doc < m[i].doc)
			j++;
		if (j == nc)
			break;
		if (c[j].doc == m[i].doc) {
			tally_match(t, &m[i]);
			keep_best_at(sc->v[SC_KEPT], nk, limit, sc->s.ix, m[i]);
		}
	}
}

/* The candidates a segment's first pass keeps by bound (prove_front): room for the k that rank
 * and for a few hundred more whose bounds are loose (a phrase's top-20 proves about a hundred). */
#define FRONT_ROOM(limit) (256 + 4 * (limit))

/* Adds candidate a to the front f[0..*nf) (a heap with the worst bound at the root, of at most
 * room), raising *left (the best bound left out) by the one that does not fit. */
static void front_add(struct acc *f, size_t *nf, size_t room, const struct acc *a, double *left)
{
	if (*nf == room) {
		double out = before(a, &f[0]) ? f[0].score : a->score;
		*left = out > *left ? out : *left;
	}
	keep_best(f, nf, room, a);
}

/* The first pass of a segment that needs proofs: every window's candidates whose bounds the
 * kept best do not clear already, kept by bound in the front sc->v[SC_FRONT] (room of them: a
 * heap with the worst at the root), the best bound left out in *left (-1: none). Returns how
 * many are in the front; *ncand gets the candidates in all. */
static size_t front_fill(struct scratch *sc, const struct query *q, size_t limit, size_t nk, size_t room,
                         size_t *ncand, double *left)
{
	struct search *s = &sc->s;
	size_t nf = 0, run = 0;
	sc->v[SC_FRONT] = xgrow(sc->v[SC_FRONT], &sc->cap[SC_FRONT], room + 1, sizeof **sc->v);
	*ncand = 0;
	*left = -1;   /* scores are >= 0 */
	for (window_from(s, 0); s->lo < s->hi; window_from(s, s->hi)) {
		size_t nc = candidates(sc, q, sc->pl, &run);
		*ncand += nc;
		const struct acc *c = sc->v[SC_RES];
		for (size_t i = 0; i < nc; i++)
			if (!cleared(sc->v[SC_KEPT], nk, limit, c[i].score))
				front_add(sc->v[SC_FRONT], &nf, room, &c[i], left);
	}
	return nf;
}

/* Proves a segment's candidates by bound across all its windows at once: front_fill keeps the
 * best bounds, which are proved best first until the k-th kept score clears the next bound.
 * Proving window by window proves each window's best: a few times as many reports where bounds
 * are loose (a phrase whose rarest pairs stand in other words too). Returns 1 when that settles
 * the segment (no bound left out could rank), its totals added to t. Else 0, after the proofs
 * the budget allowed: those reports, tallied in t, are left in sc->v[SC_FRONT][0..*nproved) by
 * report, for the windows to pass over. */
static int prove_front(struct scratch *sc, const struct query *q, size_t limit, size_t *nk, size_t *proofs,
                       struct tally *t, size_t *nproved)
{
	size_t ncand, proved = 0, budget = proofs_allowed(limit);
	double left;
	size_t nf = front_fill(sc, q, limit, *nk, front_room ? front_room : FRONT_ROOM(limit), &ncand, &left);
	struct acc *f = sc->v[SC_FRONT], *kept = sc->v[SC_KEPT];
	for (size_t i = nf / 2; i-- > 0;)
		heap_down(f, nf, i);
	while (nf && !cleared(kept, *nk, limit, f[0].score) && *proofs < budget) {
		++*proofs;
		struct acc a = heap_pop(f, &nf);
		f[nf] = a;   /* the proved gather after the heap */
		proved++;
		prove_keep(sc, q, limit, nk, a, t);
	}
	if ((nf == 0 || cleared(kept, *nk, limit, f[0].score)) && (left < 0 || cleared(kept, *nk, limit, left))) {
		t->unproved += ncand - proved;
		return 1;
	}
	memmove(f, f + nf, proved * sizeof *f);
	qsort(f, proved, sizeof *f, by_doc);
	*nproved = proved;
	return 0;
}

/* Proves the reports of one segment as far as the ranking needs, keeping the best `limit` of
 * every segment so far in sc->v[SC_KEPT] (*nk, a heap by corpus position): a candidate whose
 * bound the k-th kept score clears, whichever window or segment that score came from, is never
 * proved. Where bounds are exact, a window at a time; else across the segment (prove_front),
 * and a window at a time only when that does not settle it. Adds the segment's totals to out's. */
static void top_of_seg(struct scratch *sc, const struct seg *sg, const struct query *q, size_t limit,
                       size_t *nk, struct index_results *out)
{
	struct search *s = &sc->s;
	search_in(s, sg);
	for (size_t i = 0; i < q->nterms; i++)
		plan_term(s, &q->terms[i], sc->idf[i], &sc->pl[i]);
	sc->noting = proofs_find_places(q, sc->pl);
	struct tally t = { 0 };
	size_t run = 0, proofs = 0, nproved = 0;
	int budget_left = 1, exact = plans_exact(q, sc->pl);
	if (!exact && prove_front(sc, q, limit, nk, &proofs, &t, &nproved)) {
		tally_out(&t, out);
		return;
	}
	for (window_from(s, 0); s->lo < s->hi; window_from(s, s->hi)) {
		size_t nc = candidates(sc, q, sc->pl, &run);
		subtract(sc->v[SC_RES], &nc, sc->v[SC_FRONT], nproved);   /* proved by prove_front */
		if (exact)
			keep_exact(sc->v[SC_RES], nc, sc->v[SC_KEPT], nk, limit, sg, &t);
		else if (budget_left && (budget_left = prove_best(sc, q, limit, nk, &nc, &proofs, &t)))
			t.unproved += nc;
		else
			keep_evaluated(sc, q, limit, nk, nc, &t);
	}
	tally_out(&t, out);
}

/* Gives each result the places noted when it was proved, if it was (the latest note of it). */
static void attach_places(const struct scratch *sc, struct index_results *out)
{
	for (size_t i = 0; i < out->n; i++)
		for (size_t k = sc->nnotes; k-- > 0;)
			if (sc->notes[k].report == out->v[i].report) {
				out->v[i].places = sc->noted.v + sc->notes[k].at;
				out->v[i].nplaces = sc->notes[k].n;
				break;
			}
}

size_t index_search_top(const struct index *ix, const struct query *q, size_t limit, struct index_results *out)
{
	if (limit == 0 || q->ngroups == 0)
		return index_search(ix, q, limit, out);
	if (!out->scratch) {
		out->scratch = xcalloc(1, sizeof(struct scratch));
		out->scratch_free = scratch_free;
	}
	struct scratch *sc = out->scratch;
	sc->pl = xgrow(sc->pl, &sc->plcap, q->nterms + 1, sizeof *sc->pl);
	sc->v[SC_KEPT] = xgrow(sc->v[SC_KEPT], &sc->cap[SC_KEPT], limit + 1, sizeof *sc->v[SC_KEPT]);
	query_idf(&sc->s, ix, q, &sc->idf, &sc->idfcap);
	out->n = out->total = out->total_max = out->total_hits = 0;
	sc->noted.n = sc->nnotes = 0;
	size_t nk = 0;
	for (size_t k = 0; k < ix->nseg; k++)
		if (ix->seg[k]->live)
			top_of_seg(sc, ix->seg[k], q, limit, &nk, out);
	out->exact = out->total == out->total_max;
	results_out(sc->v[SC_KEPT], nk, nk, out);
	attach_places(sc, out);
	return out->n;
}

/* ---- matching one report's text ---- */

void index_hits_fini(struct index_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

static void body_bounds(const struct report *r, size_t *bs, size_t *be)
{
	*bs = r->body_start <= r->len ? r->body_start : r->len;
	*be = r->body_end <= r->len && r->body_end >= *bs ? r->body_end : r->len;
}

void index_doc_init(struct index_doc *d, const struct report *r)
{
	memset(d, 0, sizeof *d);
	d->report = r;
	size_t bs, be;
	body_bounds(r, &bs, &be);
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
	index_blob_utf8_next((const unsigned char *)s, n, 0, &c);
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

/* Appends the hits of q's positive terms in folded text f[0..n), sorted, mapped back by map.
 * Its edges count as word edges: it must be a whole body or cut at newlines. */
static void find_hits(const char *f, size_t n, const struct fold_map *map, const struct query *q,
                      struct index_hits *out)
{
	size_t first = out->n;
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
				out->v[out->n++] = (struct index_hit){ fold_map_start(map, i), fold_map_end(map, j) };
			}
			uint32_t c;
			at += index_blob_utf8_next((const unsigned char *)f, n, i, &c);
		}
	}
	if (out->n > first)
		qsort(out->v + first, out->n - first, sizeof *out->v, cmp_hit);
}

size_t index_doc_find(const struct index_doc *d, const struct query *q, struct index_hits *out)
{
	out->n = 0;
	find_hits(d->folded.data ? d->folded.data : "", d->folded.len, &d->map, q, out);
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
			index_blob_utf8_next(u, r->len, p, &c);
			if (w + (size_t)text_char_width(c) > lead)
				break;
			w += (size_t)text_char_width(c);
			start = p;
		}
		size_t end = start;
		w = 0;
		while (end < line1) {
			uint32_t c;
			size_t k = index_blob_utf8_next(u, r->len, end, &c);
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

/* ---- snippets of a result, from the postings ---- */

/* Adds the places of term t in report doc (the chains of its pairs in that report). */
static void term_places(struct search *s, const struct query_term *t, uint32_t doc, struct places *pl)
{
	const struct seg *ix = s->ix;
	s->nunits = term_units(ix, t->text, t->len, s->units);
	if (s->nunits == 0)
		return;
	if (s->nunits == 1 || memchr(t->text, '\n', t->len)) {
		pl->unknown = 1;
		return;
	}
	if (!choose_pairs(s, 0))
		return;
	if (decode_pairs(s, s->key, s->npairs, doc))
		chain_places(s, pl, 0);
}

/* The places of q's positive terms in report doc of segment ix, in order, from its postings. */
static void report_places(const struct seg *ix, const struct query *q, uint32_t doc, struct places *pl)
{
	struct search *s = xcalloc(1, sizeof *s);
	search_in(s, ix);
	for (size_t t = 0; t < q->nterms && !pl->unknown; t++)
		if (!q->terms[t].exclude)
			term_places(s, &q->terms[t], doc, pl);
	search_fini(s);
	free(s);
}

/* Decodes n newlines' varints from p[0..len) into nl; how many were whole. */
static size_t decode_newlines(const uint8_t *p, uint64_t len, uint32_t n, uint32_t *nl)
{
	const uint8_t *end = p + len, *next;
	uint32_t v, at = 0;
	size_t k = 0;
	while (k < n && (next = index_blob_get_varint(p, end, &v))) {
		nl[k++] = at += v;
		p = next;
	}
	return k;
}

/* Reads a report's newline table: nl[k] is the unit of the body's newline k. The table's length
 * is not kept: its bytes are read as two a newline (a line below 16,384 units), and again to the
 * most it can take when they fall short. */
static size_t newlines(const struct seg *ix, uint32_t doc, uint32_t **nl, size_t *cap)
{
	struct ixdoc d = *seg_doc(ix, doc);
	uint64_t room = ix->h->lines_len - d.lines;
	if (d.nlines == 0 || d.lines > ix->h->lines_len || d.nlines > room)
		return 0;   /* a varint is at least a byte */
	*nl = xgrow(*nl, cap, (size_t)d.nlines + 1, sizeof **nl);
	for (uint64_t most = 2; most <= 5; most += 3) {
		uint64_t len = most * d.nlines < room ? most * d.nlines : room;
		const uint8_t *p = seg_at(ix, ix->lines + d.lines, len);
		if (!p)
			return 0;
		size_t n = decode_newlines(p, len, d.nlines, *nl);
		if (n == d.nlines || len == room)
			return n;
	}
	return 0;
}

/* The lines of a body, walked forward: line k starts after the body's k-th newline. */
struct lines {
	const char *t;
	size_t bs, be;
	size_t k, start;      /* current line and where it starts */
};

/* Moves to line k (>= the current one); 0 when the body has fewer lines. */
static int line_seek(struct lines *l, size_t k)
{
	while (l->k < k) {
		const char *nl = memchr(l->t + l->start, '\n', l->be - l->start);
		if (!nl)
			return 0;
		l->start = (size_t)(nl - l->t) + 1;
		l->k++;
	}
	return 1;
}

/* Folds text[a, b) and appends its hits. */
static void scan(const struct report *r, size_t a, size_t b, const struct query *q, struct buf *f,
                 struct fold_map *map, struct index_hits *hits)
{
	fold_text(r->text + a, b - a, a, f, map);
	find_hits(f->data, f->len, map, q, hits);
}

static size_t line_end(const struct lines *l, size_t from)
{
	const char *nl = memchr(l->t + from, '\n', l->be - from);
	return nl ? (size_t)(nl - l->t) : l->be;
}

size_t index_result_snippets(const struct index *whole, const struct index_result *res, const struct report *r,
                             const struct query *q, size_t cells, struct index_hits *hits,
                             struct index_snippet *out, size_t max)
{
	hits->n = 0;
	if (max == 0 || res->report >= whole->n)
		return 0;
	size_t d, k = index_locate(whole, res->report, &d);
	const struct seg *ix = whole->seg[k];
	uint32_t doc = (uint32_t)d;
	struct places pl = { 0 };
	if (!res->places)
		report_places(ix, q, doc, &pl);
	/* the places noted when the search proved the report (index_search_top), else found here */
	const uint32_t *place = res->places ? res->places : pl.v;
	size_t nplace = res->places ? res->nplaces : pl.n;
	uint32_t *nl = NULL;
	size_t nlcap = 0, nnl = newlines(ix, doc, &nl, &nlcap), ns = 0, c = 0;
	struct lines l = { r->text, 0, 0, 0, 0 };
	body_bounds(r, &l.bs, &l.be);
	l.start = l.bs;
	struct buf f = { 0 };
	struct fold_map map = { 0 };
	while (ns < max && l.start < l.be) {
		size_t a = l.start, b;
		if (pl.unknown) {
			/* Blocks of whole lines from the top, until the snippets or the hits are all found. */
			b = line_end(&l, a + 4096 < l.be ? a + 4096 : l.be);
			l.start = b < l.be ? b + 1 : l.be;
		} else {
			/* The line of the next place not yet seen; its units lie after newline k - 1. */
			if (c == nplace)
				break;
			size_t lo = 0, hi = nnl;
			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				if (nl[mid] < place[c])
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < l.k || !line_seek(&l, lo))
				break;
			a = l.start;
			b = line_end(&l, a);
			while (c < nplace && (lo == nnl || place[c] <= nl[lo]))   /* places on this line */
				c++;
		}
		size_t before_n = hits->n;
		scan(r, a, b, q, &f, &map, hits);
		if (hits->n > before_n)
			ns = index_snippets(r, hits, cells, out, max);
		if (pl.unknown && hits->n >= res->hits)
			break;
	}
	buf_fini(&f);
	fold_map_fini(&map);
	free(nl);
	free(pl.v);
	return ns;
}
