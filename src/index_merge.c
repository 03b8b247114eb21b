/* index_merge.c — merges segment blobs into one by streaming their postings: no report is read or folded again. */
#include "index_merge.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "index_blob.h"
#include "index_out.h"
#include "ordered.h"
#include "xmalloc.h"

/* Words are numbered in the order of their strings in every segment (index_blob.h), so the union
 * of the inputs' words, sorted, renumbers each input's words in the order they had: its keys,
 * renumbered, stay sorted, and the merged keys are a k-way merge of the inputs' keys tables. A
 * key's postings are merged entry by entry in the order of the merged reports: an entry keeps its
 * count and its positions (they count units within the report, which a merge does not change, and
 * their code depends on the report's units and the count alone, so they take the same bits);
 * only the report numbers are coded again. The second pass lays the merged list out as it goes:
 * each entry's report and count coded again, its positions' bits copied as they are, and the
 * skips found again (struct laying). The keys table comes before the postings, so a first pass
 * merges every key to learn its length and a second lays the postings out. An input whose reports
 * stay one run, in order, none left out (a build's segments, mostly), keeps each entry but its
 * first one's report: the first pass counts its long lists from their first entry and their last
 * skip alone, reading only the entries and positions after that skip, and the second copies their
 * bits whole, reading only the entries between the list's own skips and the merged list's. */

#define KEY_END UINT64_MAX

struct input {
	const unsigned char *blob;
	int mapped;
	uint64_t released;      /* bytes of its postings read and let go in this pass */
	uint64_t keys_released; /* bytes of its keys table let go in this pass */
	const struct head *h;
	const struct ixdoc *docs;
	const struct ixkey *keys;
	const struct ixword *words;
	const char *pool;
	const uint8_t *lines, *post;
	const uint32_t *to;
	int run;                /* its reports are numbered run_from, run_from + 1, ... in the merged segment */
	uint32_t run_from;
	uint32_t *word_to;      /* its words' numbers in the merged segment, by theirs - WORD_BASE */
	size_t k;               /* its next key */
	uint64_t key;           /* that key renumbered; KEY_END past the last */
};

/* A key's entries in one input, read in order. */
struct cursor {
	const uint8_t *base;         /* the key's postings */
	uint64_t bit, ebits;         /* the next entry and the end of the entries, in bits from base */
	uint64_t pbit, plimit;       /* a pair's next positions and their end, in bits from base */
	const uint32_t *to;
	const struct ixdoc *docs;    /* the input's reports, whose units code their positions */
	uint32_t ndocs, left, doc;
	uint64_t key;                /* the input's, for its field (index_blob_field_units) */
	int pair, first;
	uint32_t newdoc, cnt;        /* of the entry read */
	uint64_t pp, pbits;          /* where its positions start, and their bits */
	unsigned pk;                 /* their code's parameter */
};

/* A key's merged postings laid out as they come, in the blob's layout (index_blob_lay_out's):
 * its entries' bits and its positions' bits apart, and its skips, each grown as needed, then
 * joined (lay_finish) once its reports are known. */
struct laying {
	uint8_t *e, *pos;            /* the entries' bytes, the positions' */
	size_t ecap, pcap;
	struct bitwriter ew, pw;
	uint32_t *skips;             /* every INDEX_SKIP entries: the report before, the entry's bit
	                              * and a pair's positions' bit, from their own starts */
	size_t scap;
	uint32_t n, doc;             /* entries laid, and the last one's report */
};

/* What merging a key takes: one for each thread that merges keys. */
struct lane {
	struct cursor *cur;          /* one an input */
	int *live;
	struct laying lay;           /* the key merged, laid out (the second pass) */
	uint64_t ebits, pbits;       /* of the key merged: its entries' and positions' bits laid out */
	int bad;                     /* an input's postings do not hold together */
	int counting;                /* the first pass: lengths alone */
};

struct merge {
	struct input *in;
	size_t nin, ndocs;
	struct lane lane;            /* a big key's, merged when written (emit_big) */
	const struct ixdoc *docs;    /* the merged reports */
	int bad;                     /* an input's tables or postings do not hold together */
	int too_long;                /* a key merged would reach key_limit: the merge stops */
	const struct index_progress *progress;
	uint64_t read, total, told;  /* bytes of the inputs' postings read (in both passes), when told */
};

static int in_range(uint64_t off, uint64_t len, uint64_t size)
{
	return off <= size && len <= size - off;
}

static int open_input(struct input *in, const struct index_merge_input *m)
{
	const struct head *h = (const void *)m->blob;
	memset(in, 0, sizeof *in);
	if (m->size < sizeof *h || h->size > m->size || h->version != BLOB_VERSION
	    || !in_range(h->docs_off, h->ndocs * sizeof(struct ixdoc), h->size)
	    || !in_range(h->keys_off, h->nkeys * sizeof(struct ixkey), h->size)
	    || !in_range(h->words_off, h->nwords * sizeof(struct ixword), h->size)
	    || !in_range(h->pool_off, h->pool_len, h->size) || !in_range(h->lines_off, h->lines_len, h->size)
	    || !in_range(h->post_off, h->post_len, h->size))
		return -1;
	in->blob = m->blob;
	in->mapped = m->mapped;
	in->h = h;
	in->docs = (const void *)(m->blob + h->docs_off);
	in->keys = (const void *)(m->blob + h->keys_off);
	in->words = (const void *)(m->blob + h->words_off);
	in->pool = (const char *)m->blob + h->pool_off;
	in->lines = m->blob + h->lines_off;
	in->post = m->blob + h->post_off;
	in->to = m->to;
	in->run = h->ndocs > 0 && m->to[0] != MERGE_LEFT_OUT;
	in->run_from = h->ndocs ? m->to[0] : 0;
	for (uint32_t d = 1; d < h->ndocs && in->run; d++)
		in->run = m->to[d] == in->run_from + d;
	in->word_to = xcalloc(h->nwords + 1, sizeof *in->word_to);
	for (size_t i = 0; i < h->nwords; i++)
		if (in->words[i].id != WORD_BASE + i || !in_range(in->words[i].off, in->words[i].len, h->pool_len))
			return -1;
	return 0;
}

/* ---- words ---- */

static int word_cmp(const struct input *a, size_t i, const struct input *b, size_t j)
{
	const struct ixword *x = &a->words[i], *y = &b->words[j];
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(a->pool + x->off, b->pool + y->off, n);
	return c ? c : (x->len > y->len) - (x->len < y->len);
}

/* The union of the inputs' words, sorted, into words (their strings appended to pool), and each
 * input's renumbering. */
static size_t merge_words(struct input *in, size_t nin, struct ixword **words, struct buf *pool)
{
	size_t *at = xcalloc(nin + 1, sizeof *at), n = 0, cap = 0;
	for (;;) {
		size_t best = nin;
		for (size_t i = 0; i < nin; i++)
			if (at[i] < in[i].h->nwords && (best == nin || word_cmp(&in[i], at[i], &in[best], at[best]) < 0))
				best = i;
		if (best == nin)
			break;
		const struct ixword *w = &in[best].words[at[best]];
		*words = xgrow(*words, &cap, n + 1, sizeof **words);
		(*words)[n] = (struct ixword){ (uint32_t)pool->len, w->len, WORD_BASE + (uint32_t)n, 0 };
		buf_add(pool, in[best].pool + w->off, w->len);
		for (size_t i = 0; i < nin; i++)
			if (i != best && at[i] < in[i].h->nwords && word_cmp(&in[i], at[i], &in[best], at[best]) == 0)
				in[i].word_to[at[i]++] = WORD_BASE + (uint32_t)n;
		in[best].word_to[at[best]++] = WORD_BASE + (uint32_t)n;
		n++;
	}
	free(at);
	return n;
}

/* ---- reports ---- */

struct source {
	uint32_t in, doc;
};

/* Where each merged report comes from; -1 when the numbers do not give each once. */
static int sources(const struct input *in, size_t nin, size_t ndocs, struct source *src)
{
	for (size_t i = 0; i < ndocs; i++)
		src[i].in = UINT32_MAX;
	size_t n = 0;
	for (size_t i = 0; i < nin; i++)
		for (uint32_t d = 0; d < in[i].h->ndocs; d++) {
			uint32_t t = in[i].to[d];
			if (t == MERGE_LEFT_OUT)
				continue;
			if (t >= ndocs || src[t].in != UINT32_MAX)
				return -1;
			src[t] = (struct source){ (uint32_t)i, d };
			n++;
		}
	return n == ndocs ? 0 : -1;
}

/* Copies the string at off (len bytes and its NUL) of in's pool to out; its offset there, or -1. */
static int64_t copy_string(const struct input *in, uint32_t off, uint32_t len, struct buf *out)
{
	if (!in_range(off, (uint64_t)len + 1, in->h->pool_len) || in->pool[off + len] != '\0')
		return -1;
	int64_t at = (int64_t)out->len;
	buf_add(out, in->pool + off, (size_t)len + 1);
	return at;
}

/* The end of n varints from p, NULL when they run past end. */
static const uint8_t *varints_end(const uint8_t *p, const uint8_t *end, uint64_t n)
{
	for (; n && p < end; p++)
		n -= *p < 0x80;
	return n ? NULL : p;
}

/* The merged reports' entries (strings: paths in paths, the rest in strings; newlines in lines),
 * with their units summed in *units; -1 when an input's entry does not hold together. */
static int merge_docs(const struct input *in, const struct source *src, size_t ndocs, struct ixdoc *docs,
                      struct buf *paths, struct buf *strings, struct buf *lines, uint64_t *units)
{
	*units = 0;
	for (size_t i = 0; i < ndocs; i++) {
		const struct input *from = &in[src[i].in];
		struct ixdoc d = from->docs[src[i].doc];
		int64_t path = copy_string(from, d.path, d.path_len, paths);
		int64_t s[4] = { copy_string(from, d.title, d.title_len, strings),
		                 copy_string(from, d.region, d.region_len, strings),
		                 copy_string(from, d.fregion, d.fregion_len, strings),
		                 copy_string(from, d.fissuer, d.fissuer_len, strings) };
		const uint8_t *nl = d.lines <= from->h->lines_len ? from->lines + d.lines : NULL;
		const uint8_t *nl_end = nl ? varints_end(nl, from->lines + from->h->lines_len, d.nlines) : NULL;
		if (path < 0 || s[0] < 0 || s[1] < 0 || s[2] < 0 || s[3] < 0 || !nl_end)
			return -1;
		d.path = (uint32_t)path;
		d.title = (uint32_t)s[0], d.region = (uint32_t)s[1], d.fregion = (uint32_t)s[2], d.fissuer = (uint32_t)s[3];
		d.lines = lines->len;
		buf_add(lines, nl, (size_t)(nl_end - nl));
		docs[i] = d;
		*units += d.units;
	}
	for (size_t i = 0; i < ndocs; i++) {   /* the paths lead the pool, as a build lays it out */
		docs[i].title += (uint32_t)paths->len, docs[i].region += (uint32_t)paths->len;
		docs[i].fregion += (uint32_t)paths->len, docs[i].fissuer += (uint32_t)paths->len;
	}
	return 0;
}

/* ---- keys ---- */

/* Whether unit u is a code point or one of in's words (so word_to has its new number). */
static int unit_known(const struct input *in, uint64_t u)
{
	return u < WORD_BASE || u - WORD_BASE < in->h->nwords;
}

/* Moves input in to its next key, renumbered; a key out of order or naming no word is damage. */
static void next_key(struct merge *m, struct input *in)
{
	uint64_t before = in->k ? in->key : 0;
	if (in->k >= in->h->nkeys) {
		in->key = KEY_END;
		return;
	}
	uint64_t key = in->keys[in->k++].key, k = key & ~(KEY_HEAD | KEY_PAIR);
	int bad = key & KEY_PAIR ? !unit_known(in, k >> 31) || !unit_known(in, k & 0x7FFFFFFFu) : !unit_known(in, k);
	in->key = bad ? 0 : index_blob_renumber_key(key, in->word_to);
	if (bad || (in->k > 1 && in->key <= before)) {
		m->bad = 1;
		in->key = KEY_END;
	}
}

static void cursor_init(struct lane *m, struct cursor *c, const struct input *in, const struct ixkey *k)
{
	memset(c, 0, sizeof *c);
	c->to = in->to;
	c->docs = in->docs;
	c->ndocs = (uint32_t)in->h->ndocs;
	c->pair = (k->key & KEY_PAIR) != 0;
	c->key = k->key;
	c->first = 1;
	uint64_t skips = index_blob_skip_bytes(k->key, k->df);
	if (!in_range(k->off, k->len, in->h->post_len) || skips > k->len) {
		m->bad = 1;
		return;
	}
	c->base = in->post + k->off;
	c->bit = skips * 8;
	uint64_t end = k->len;
	if (c->pair && skips) {   /* a long pair list: where its positions start is said */
		uint32_t at;
		memcpy(&at, c->base, 4);
		if (at < skips || at > k->len) {
			m->bad = 1;
			return;
		}
		end = at;
	} else if (c->pair) {     /* a short one: they start where its entries end */
		int bad = 0;
		end = index_blob_entries_end(c->base, (uint64_t)k->len * 8, k->df, &bad);
		if (bad) {
			m->bad = 1;
			return;
		}
	}
	c->ebits = end * 8;
	if (c->pair) {
		c->pbit = end * 8;
		c->plimit = (uint64_t)k->len * 8;
	}
	c->left = k->df;
}

/* Reads c's next entry whose report is kept; 0 at the end of its list. */
static int cursor_next(struct lane *m, struct cursor *c)
{
	while (c->left) {
		c->left--;
		uint32_t gap = 0, cnt = 0;
		int ok = index_blob_get_entry(c->base, c->ebits, &c->bit, &gap, &cnt);
		c->doc = c->first ? gap - 1 : c->doc + gap;
		c->first = 0;
		if (!ok || c->doc >= c->ndocs)
			break;
		c->pp = c->pbit;
		if (c->pair) {
			c->pk = index_blob_pos_k(index_blob_field_units(c->key, c->docs, c->doc), cnt);
			if (!index_blob_skip_positions(c->base, c->plimit, &c->pbit, c->pk, cnt))
				break;
		}
		c->pbits = c->pbit - c->pp;
		if (c->to[c->doc] == MERGE_LEFT_OUT)
			continue;
		c->newdoc = c->to[c->doc];
		c->cnt = cnt;
		return 1;
	}
	if (c->left)
		m->bad = 1;
	c->left = 0;
	return 0;
}

static void lay_start(struct laying *l)
{
	l->ew = (struct bitwriter){ l->e, 0, 0 };
	l->pw = (struct bitwriter){ l->pos, 0, 0 };
	l->n = 0;
}

/* Room for more bytes after what w wrote into *buf (cap bytes), which may move. */
static void bits_room(uint8_t **buf, size_t *cap, struct bitwriter *w, size_t more)
{
	size_t used = (size_t)(w->p - *buf);
	if (used + more > *cap) {
		*buf = xgrow(*buf, cap, used + more, 1);
		w->p = *buf + used;
	}
}

/* Bits written to w from its start (at buf). */
static uint32_t bits_at(const uint8_t *buf, const struct bitwriter *w)
{
	return (uint32_t)((size_t)(w->p - buf) * 8 + w->n);
}

/* Appends the n bits of p (limit bits) from bit `at` on to w; 0 when they run past limit. */
static int copy_bits(struct bitwriter *w, const uint8_t *p, uint64_t limit, uint64_t at, uint64_t n)
{
	while (n) {
		unsigned avail;
		uint64_t word = index_blob_peek(p, limit, at, &avail);
		unsigned take = n < 32 ? (unsigned)n : 32;
		if (avail < take)
			return 0;
		index_blob_put_bits(w, (uint32_t)(word >> (64 - take)), take);
		at += take;
		n -= take;
	}
	return 1;
}

/* Lays out c's entry after the key's others: its report delta-coded, its count, and a pair's
 * positions, whose code depends on the report's units and the count alone, copied bit for bit. */
static void lay_entry(struct lane *m, const struct cursor *c, uint32_t delta)
{
	struct laying *l = &m->lay;
	size_t stride = c->pair ? 3 : 2;
	if (l->n && l->n % INDEX_SKIP == 0) {
		size_t at = (l->n / INDEX_SKIP - 1) * stride;
		l->skips = xgrow(l->skips, &l->scap, at + stride, sizeof *l->skips);
		l->skips[at] = l->doc;
		l->skips[at + 1] = bits_at(l->e, &l->ew);
		if (c->pair)
			l->skips[at + 2] = bits_at(l->pos, &l->pw);
	}
	bits_room(&l->e, &l->ecap, &l->ew, 24);   /* two gamma codes of 63 bits at most, and four bytes */
	index_blob_put_gamma(&l->ew, delta);
	index_blob_put_gamma(&l->ew, c->cnt);
	if (c->pair) {
		bits_room(&l->pos, &l->pcap, &l->pw, (size_t)(c->pbits / 8) + 16);
		m->bad |= !copy_bits(&l->pw, c->base, c->plimit, c->pp, c->pbits);
	}
	l->doc = c->newdoc;
	l->n++;
}

/* Joins the key's laid-out postings (df entries) into dst, as index_blob_lay_out lays them out:
 * its skips, its entries, then a pair's positions (index_blob_join). Returns the bytes. */
static size_t lay_finish(struct laying *l, uint64_t key, uint32_t df, unsigned char *dst)
{
	int pair = (key & KEY_PAIR) != 0;
	uint32_t ns = df ? (df - 1) / INDEX_SKIP : 0, stride = pair ? 3 : 2;
	size_t head = index_blob_skip_bytes(key, df);
	size_t elen = (size_t)(index_blob_end_bits(&l->ew) - l->e), plen = (size_t)(index_blob_end_bits(&l->pw) - l->pos);
	unsigned char *skips = dst + (pair && ns ? 4 : 0);
	for (uint32_t k = 0; k < ns; k++) {   /* entries' bits counted from the key's start */
		uint32_t v[3] = { l->skips[k * stride], l->skips[k * stride + 1] + (uint32_t)head * 8,
		                  pair ? l->skips[k * stride + 2] : 0 };
		memcpy(skips + (size_t)k * stride * 4, v, stride * 4);
	}
	memcpy(dst + head, l->e, elen);
	return index_blob_join(key, df, dst, dst + head + elen, l->pos, plen);
}

/* Counts what c's entry takes laid out after the key's others, its report delta-coded; lays it
 * out unless counting. */
static void emit(struct lane *m, const struct cursor *c, uint32_t delta)
{
	m->ebits += index_blob_entry_bits(delta, c->cnt);
	m->pbits += c->pbits;
	if (!m->counting)
		lay_entry(m, c, delta);
}

/* Steps over n entries of the list of key k of input in (at base; its entries end at bit limit,
 * its positions at plimit), from *bit, *pbit and the report *doc before them; 0 when they do not
 * hold together. */
static int step_entries(const struct input *in, const struct ixkey *k, const uint8_t *base, uint64_t limit,
                        uint64_t plimit, uint32_t n, uint64_t *bit, uint64_t *pbit, uint32_t *doc)
{
	int pair = (k->key & KEY_PAIR) != 0;
	for (uint32_t gap, cnt; n; n--) {
		if (!index_blob_get_entry(base, limit, bit, &gap, &cnt) || (*doc += gap) >= in->h->ndocs)
			return 0;
		unsigned pk = pair ? index_blob_pos_k(index_blob_field_units(k->key, in->docs, *doc), cnt) : 0;
		if (pair && !index_blob_skip_positions(base, plimit, pbit, pk, cnt))
			return 0;
	}
	return 1;
}

/* The last report of a long list (one with skips: key k of input in) and where its entries and a
 * pair's positions end, in bits from the start of its postings, read on from its last skip; 0 when
 * the list does not hold together. */
static int last_doc(const struct input *in, const struct ixkey *k, uint32_t *doc, uint64_t *end_bit,
                    uint64_t *pos_end_bit)
{
	const uint8_t *base = in->post + k->off;
	int pair = (k->key & KEY_PAIR) != 0;
	uint32_t nskip = (k->df - 1) / INDEX_SKIP, sk[3] = { 0, 0, 0 }, at = k->len;
	if (pair) {   /* the entries end where the positions start */
		memcpy(&at, base, 4);
		if (at > k->len)
			return 0;
	}
	memcpy(sk, base + (pair ? 4 : 0) + (size_t)(pair ? 12 : 8) * (nskip - 1), pair ? 12 : 8);
	uint64_t bit = sk[1], limit = (uint64_t)at * 8, pbit = sk[2], plimit = (uint64_t)k->len * 8;
	if (bit < index_blob_skip_bytes(k->key, k->df) * 8 || bit >= limit || (pair && (pbit < limit || pbit > plimit)))
		return 0;
	uint32_t d = sk[0];
	if (!step_entries(in, k, base, limit, plimit, k->df - nskip * INDEX_SKIP, &bit, &pbit, &d))
		return 0;
	*doc = d;
	*end_bit = bit;
	*pos_end_bit = pbit;
	return 1;
}

/* Counts into m->ebits and m->pbits the merged entries of the long list of key k of input in,
 * which is a run (struct input), after the entries of reports before *prev (df of them): its
 * entries but the first one's report, coded again, and its positions. Adds its reports to *df and
 * sets *prev to its last; 0 when it does not hold together. */
static int count_run_list(struct lane *m, const struct input *in, const struct ixkey *k, uint32_t *df,
                          uint32_t *prev)
{
	uint64_t skips = index_blob_skip_bytes(k->key, k->df);
	if (!in_range(k->off, k->len, in->h->post_len) || skips >= k->len)
		return 0;
	const uint8_t *base = in->post + k->off;
	uint64_t bit = skips * 8, end_bit, pos_end_bit;
	uint32_t gap, last;
	if (!last_doc(in, k, &last, &end_bit, &pos_end_bit) || !index_blob_get_gamma(base, end_bit, &bit, &gap) ||
	    gap - 1 >= in->h->ndocs || last >= in->h->ndocs)
		return 0;
	uint32_t first = in->run_from + gap - 1, delta = *df ? first - *prev : first + 1;
	m->ebits += end_bit - skips * 8 - index_blob_gamma_bits(gap) + index_blob_gamma_bits(delta);
	if (k->key & KEY_PAIR)
		m->pbits += pos_end_bit - (end_bit + 7) / 8 * 8;
	*df += k->df;
	*prev = in->run_from + last;
	return 1;
}

/* The inputs of a key that are all runs (which[0..n), their keys keys) put in the order of their
 * runs. */
static void order_runs(const struct input *ins, size_t *which, const struct ixkey **keys, size_t n)
{
	for (size_t j = 1; j < n; j++)   /* a few inputs: by insertion */
		for (size_t i = j; i > 0 && ins[which[i]].run_from < ins[which[i - 1]].run_from; i--) {
			size_t t = which[i];
			const struct ixkey *tk = keys[i];
			which[i] = which[i - 1], keys[i] = keys[i - 1];
			which[i - 1] = t, keys[i - 1] = tk;
		}
}

/* A walk through the entries of a long list (key k of input in, at base) to where a skip of the
 * merged list falls: idx the entry it is at, doc the report of the one before, bit and pbit where
 * it and its positions start. */
struct run_walk {
	const struct input *in;
	const struct ixkey *k;
	const uint8_t *base;
	uint64_t limit, plimit;      /* where its entries end, and its positions */
	uint64_t bit, pbit;
	uint32_t idx, doc;
};

/* Moves w on to entry `to` (below the list's df), through the list's own skips as far as they go,
 * then entry by entry; 0 when the list does not hold together there. */
static int walk_to(struct run_walk *w, uint32_t to)
{
	int pair = (w->k->key & KEY_PAIR) != 0;
	uint32_t t = to / INDEX_SKIP, stride = pair ? 12 : 8, sk[3] = { 0, 0, 0 };
	if (t > 0 && t * INDEX_SKIP > w->idx) {   /* skip t - 1 points at entry t * INDEX_SKIP */
		memcpy(sk, w->base + (pair ? 4 : 0) + (size_t)stride * (t - 1), stride);
		if (sk[1] < w->bit || sk[1] >= w->limit || (pair && (sk[2] < w->pbit || sk[2] > w->plimit)) ||
		    sk[0] >= w->in->h->ndocs)
			return 0;
		w->idx = t * INDEX_SKIP, w->doc = sk[0], w->bit = sk[1], w->pbit = pair ? sk[2] : 0;
	}
	if (w->idx >= to)
		return 1;
	uint32_t n = to - w->idx;
	w->idx = to;
	return step_entries(w->in, w->k, w->base, w->limit, w->plimit, n, &w->bit, &w->pbit, &w->doc);
}

/* Lays out the long list of key k of input in, a run, after the merged entries before it (*df of
 * them, the last of report *prev): its first entry's report coded again, as emit lays an entry;
 * then its other entries' bits and every position's, copied whole, for their reports keep their
 * gaps; and the merged list's skips that fall among them, found from the list's own and a few
 * entries read on from one. Adds its reports to *df and sets *prev to its last; 0 when it does
 * not hold together. */
static int lay_run_list(struct lane *m, const struct input *in, const struct ixkey *k, uint32_t *df, uint32_t *prev)
{
	struct laying *l = &m->lay;
	struct cursor *c = &m->cur[0];
	uint32_t last;
	uint64_t end_bit, pos_end_bit;
	if (!in_range(k->off, k->len, in->h->post_len) || index_blob_skip_bytes(k->key, k->df) >= k->len ||
	    !last_doc(in, k, &last, &end_bit, &pos_end_bit))
		return 0;
	cursor_init(m, c, in, k);
	if (m->bad || !cursor_next(m, c))
		return 0;
	emit(m, c, *df ? c->newdoc - *prev : c->newdoc + 1);
	int pair = c->pair;
	uint32_t stride = pair ? 3 : 2, from = l->n - 1;   /* the merged number of the list's first entry */
	uint64_t ebase = bits_at(l->e, &l->ew), pbase = bits_at(l->pos, &l->pw);
	struct run_walk w = { in, k, c->base, c->ebits, c->plimit, c->bit, c->pbit, 1, c->doc };
	uint64_t e1 = w.bit, p1 = w.pbit;
	for (uint32_t n = (from / INDEX_SKIP + 1) * INDEX_SKIP; n < from + k->df; n += INDEX_SKIP) {
		if (!walk_to(&w, n - from))
			return 0;
		size_t at = (n / INDEX_SKIP - 1) * stride;
		l->skips = xgrow(l->skips, &l->scap, at + stride, sizeof *l->skips);
		l->skips[at] = in->run_from + w.doc;
		l->skips[at + 1] = (uint32_t)(ebase + (w.bit - e1));
		if (pair)
			l->skips[at + 2] = (uint32_t)(pbase + (w.pbit - p1));
	}
	if (end_bit < e1 || (pair && pos_end_bit < p1))
		return 0;
	bits_room(&l->e, &l->ecap, &l->ew, (size_t)((end_bit - e1) / 8) + 16);
	if (!copy_bits(&l->ew, c->base, c->ebits, e1, end_bit - e1))
		return 0;
	m->ebits += end_bit - e1;
	if (pair) {
		bits_room(&l->pos, &l->pcap, &l->pw, (size_t)((pos_end_bit - p1) / 8) + 16);
		if (!copy_bits(&l->pw, c->base, c->plimit, p1, pos_end_bit - p1))
			return 0;
		m->pbits += pos_end_bit - p1;
	}
	l->n += k->df - 1;
	l->doc = in->run_from + last;
	*df += k->df;
	*prev = l->doc;
	return 1;
}

/* merge_key when every input of the key is a run: an input after another, in the order of their
 * runs; a long list counted by count_run_list, or laid out by lay_run_list. */
static uint32_t merge_runs(struct lane *m, const struct input *ins, size_t *which, const struct ixkey **keys, size_t n)
{
	int (*long_list)(struct lane *, const struct input *, const struct ixkey *, uint32_t *, uint32_t *) =
		m->counting ? count_run_list : lay_run_list;
	order_runs(ins, which, keys, n);
	uint32_t df = 0, prev = 0;
	m->ebits = m->pbits = 0;
	if (!m->counting)
		lay_start(&m->lay);
	for (size_t j = 0; j < n && !m->bad; j++) {
		const struct input *in = &ins[which[j]];
		const struct ixkey *k = keys[j];
		if (k->df > INDEX_SKIP) {
			m->bad |= !long_list(m, in, k, &df, &prev);
			continue;
		}
		struct cursor *c = &m->cur[0];
		cursor_init(m, c, in, k);
		while (!m->bad && cursor_next(m, c)) {
			emit(m, c, df ? c->newdoc - prev : c->newdoc + 1);
			prev = c->newdoc;
			df++;
		}
	}
	return df;
}

/* Merges the postings of a key into m->lay (lay_finish joins them), or counts them: the key
 * keys[j] of input ins[which[j]], j < n. Returns its reports. */
static uint32_t merge_key(struct lane *m, const struct input *ins, size_t *which, const struct ixkey **keys, size_t n)
{
	int runs = 1;
	for (size_t j = 0; j < n && runs; j++)
		runs = ins[which[j]].run;
	if (runs)
		return merge_runs(m, ins, which, keys, n);
	for (size_t j = 0; j < n; j++) {
		cursor_init(m, &m->cur[j], &ins[which[j]], keys[j]);
		m->live[j] = !m->bad && cursor_next(m, &m->cur[j]);
	}
	uint32_t df = 0, prev = 0;
	m->ebits = m->pbits = 0;
	lay_start(&m->lay);
	for (;;) {
		/* The input with the first report, and the first report of the others: it goes on alone
		 * until then (segments hold runs of the corpus, so mostly to its end). */
		size_t best = n;
		uint32_t until = UINT32_MAX;
		for (size_t j = 0; j < n; j++) {
			if (!m->live[j])
				continue;
			if (best == n || m->cur[j].newdoc < m->cur[best].newdoc) {
				if (best < n)
					until = m->cur[best].newdoc;
				best = j;
			} else if (m->cur[j].newdoc < until) {
				until = m->cur[j].newdoc;
			}
		}
		if (best == n)
			break;
		struct cursor *c = &m->cur[best];
		do {
			emit(m, c, df ? c->newdoc - prev : c->newdoc + 1);
			prev = c->newdoc;
			df++;
		} while ((m->live[best] = cursor_next(m, c)) && c->newdoc < until);
	}
	return df;
}

#define RELEASE_STEP ((uint64_t)128 << 10)

void index_merge_let_go(const void *p, size_t n)
{
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t a = ((uintptr_t)p + page - 1) & ~(page - 1), b = ((uintptr_t)p + n) & ~(page - 1);
	if (b > a)
		madvise((void *)a, b - a, MADV_DONTNEED);
}

/* Lets go of bytes [from, to) of an input, when it is a file mapping (a heap blob keeps them). */
static void let_go(const struct input *in, uint64_t from, uint64_t to)
{
	if (in->mapped && to > from)
		index_merge_let_go(in->blob + from, to - from);
}

/* A read fault on a file mapping also maps pages around it that the page cache holds: an aligned
 * window (Linux's fault_around_bytes, 64 KB by default), or the whole of a large folio, up to 2 MB.
 * So pages just let go behind the place a pass reads come back with its next fault, and a stretch
 * is let go from the start of the window that holds it. */
#define FAULT_AROUND ((uint64_t)2 << 20)

/* Where a stretch read from blob offset off on is let go from (a mapping starts on a page). */
static uint64_t window_start(uint64_t off)
{
	return off & ~(FAULT_AROUND - 1);
}

/* Counts what the merge has read of an input's postings, up to upto (all of them at the end of a
 * pass), every RELEASE_STEP bytes, tells the progress, and lets go of those pages, and of the
 * keys the pass has moved past: a merge of many inputs would otherwise hold every input's keys
 * table. Keys' postings lie in key order, which is the order a pass reads them. */
static void release_to(struct merge *m, struct input *in, uint64_t upto)
{
	int end = upto == in->h->post_len;
	if (upto < in->released + RELEASE_STEP && !(end && upto > in->released))
		return;
	let_go(in, window_start(in->h->post_off + in->released), in->h->post_off + upto);
	uint64_t keys_read = (in->k ? in->k - 1 : 0) * sizeof *in->keys;
	let_go(in, window_start(in->h->keys_off + in->keys_released), in->h->keys_off + keys_read);
	in->keys_released = keys_read;
	m->read += upto - in->released;
	in->released = upto;
	if (m->progress && m->progress->merging && (m->read - m->told > m->total / 100 || m->read == m->total)) {
		m->progress->merging(m->progress->arg, m->read, m->total);
		m->told = m->read;
	}
}

/* Where input in's keys not yet taken start in its postings. */
static uint64_t taken_to(const struct input *in)
{
	return in->key == KEY_END ? in->h->post_len : in->keys[in->k - 1].off;
}

static void start_pass(struct merge *m)
{
	for (size_t i = 0; i < m->nin; i++) {
		m->in[i].k = m->in[i].released = m->in[i].keys_released = 0;
		next_key(m, &m->in[i]);
	}
}

/* The next key of the merge, in order: the inputs at it in which, their keys of it in keys (room
 * for nin each); how many, 0 at the end. */
static size_t peek_key(struct merge *m, uint64_t *key, size_t *which, const struct ixkey **keys)
{
	*key = KEY_END;
	for (size_t i = 0; i < m->nin; i++)
		*key = m->in[i].key < *key ? m->in[i].key : *key;
	if (*key == KEY_END || m->bad)
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < m->nin; i++)
		if (m->in[i].key == *key) {
			which[n] = i;
			keys[n++] = &m->in[i].keys[m->in[i].k - 1];
		}
	return n;
}

/* The inputs of the key peek_key found, which[0..n), moved past it. */
static void pass_key(struct merge *m, const size_t *which, size_t n)
{
	for (size_t j = 0; j < n; j++)
		next_key(m, &m->in[which[j]]);
}

static void lane_init(struct lane *l, size_t nin)
{
	memset(l, 0, sizeof *l);
	l->cur = xcalloc(nin + 1, sizeof *l->cur);
	l->live = xcalloc(nin + 1, sizeof *l->live);
}

static void lane_fini(struct lane *l)
{
	free(l->cur);
	free(l->live);
	free(l->lay.e);
	free(l->lay.pos);
	free(l->lay.skips);
}

/* ---- the blob ---- */

struct keys {
	struct ixkey *v;
	size_t n, cap;
	uint64_t off;
};

static void table_key(void *arg, size_t i, struct ixkey *k)
{
	*k = ((const struct keys *)arg)->v[i];
}

/* Both passes go a chunk of keys at a time (ordered.h): a thread takes a chunk's keys in order,
 * merges them beside the other threads, and hands them on in order. The first pass notes each
 * key's length in the keys table; the second lays the postings out and writes them, each checked
 * against the first pass's count (a key not as counted: the inputs changed under the merge). */
/* A key of more than big_key bytes of postings is a chunk alone, laid out when written, straight
 * into the output: each thread's buffers stay small, and the merge's memory what it was on one
 * thread. (Counting one takes no buffer: the first pass counts it as any other.) */
static size_t chunk_bytes = INDEX_MERGE_CHUNK, big_key = INDEX_MERGE_BIG;
static uint64_t key_limit = INDEX_KEY_BYTES;

void index_merge_tuning(size_t chunk, size_t big, uint64_t key_bytes)
{
	chunk_bytes = chunk ? chunk : INDEX_MERGE_CHUNK;
	big_key = big ? big : INDEX_MERGE_BIG;
	key_limit = key_bytes ? key_bytes : INDEX_KEY_BYTES;
}
#define MERGE_THREADS 4

struct chunk_key {
	uint64_t key;
	size_t n;          /* its inputs: the next n of the chunk's which and keys */
	uint32_t df;
	size_t len, used;  /* its length as counted (skips and entries), its bytes laid out */
};

struct chunk {
	struct lane lane;
	struct chunk_key *v;
	size_t nv, vcap;
	size_t *which;     /* the inputs of each key in turn */
	const struct ixkey **keys;
	size_t nw, wcap;
	uint64_t *upto;    /* each input's postings before the chunk's keys */
	int big;           /* its one key is a big one: laid out when written (the second pass) */
	unsigned char *laid;
	size_t laid_len, laid_cap;
};

struct writing {
	struct merge *m;
	struct out *o;           /* the second pass's */
	struct keys *ks;         /* as the first pass counts them */
	size_t k;
	int differs;
};

static int chunk_take(void *arg, void *w, size_t chunk_no)
{
	struct writing *wr = arg;
	struct merge *m = wr->m;
	struct chunk *ch = w;
	(void)chunk_no;
	ch->nv = ch->nw = 0;
	ch->big = 0;
	if (m->too_long)
		return 0;   /* the merge is refused: no key after is read */
	for (size_t i = 0; i < m->nin; i++)
		ch->upto[i] = taken_to(&m->in[i]);
	for (size_t bytes = 0; bytes < chunk_bytes && !wr->differs && !ch->big;) {
		size_t had = ch->wcap;
		ch->which = xgrow(ch->which, &ch->wcap, ch->nw + m->nin + 1, sizeof *ch->which);
		if (ch->wcap != had)   /* keys beside which: grown with it, not at every key */
			ch->keys = xrealloc(ch->keys, ch->wcap * sizeof *ch->keys);
		uint64_t key;
		size_t n = peek_key(m, &key, ch->which + ch->nw, ch->keys + ch->nw), len = 0;
		for (size_t j = 0; j < n; j++)
			len += ch->keys[ch->nw + j]->len;
		if (n == 0 || (len > big_key && ch->nv))
			break;   /* a big key waits for a chunk of its own */
		pass_key(m, ch->which + ch->nw, n);
		ch->big = len > big_key;
		bytes += len;
		ch->v = xgrow(ch->v, &ch->vcap, ch->nv + 1, sizeof *ch->v);
		ch->v[ch->nv++] = (struct chunk_key){ key, n, 0, 0, 0 };
		ch->nw += n;
	}
	return ch->nv > 0;
}

/* Merges key k of a chunk (its inputs which[0..k->n), their keys keys) into l, its reports and
 * the bytes it takes laid out into k; whether there is something to lay out. */
static int merge_chunk_key(struct lane *l, const struct input *ins, size_t *which, const struct ixkey **keys,
                           struct chunk_key *k)
{
	k->df = merge_key(l, ins, which, keys, k->n);
	k->len = index_blob_laid_len(k->key, k->df, l->ebits, l->pbits);
	return k->df && !l->bad;
}

/* The first pass's work: each key of the chunk merged for its length alone. */
static void count_work(void *arg, void *w)
{
	const struct writing *wr = arg;
	struct chunk *ch = w;
	for (size_t i = 0, at = 0; i < ch->nv && !ch->lane.bad; at += ch->v[i++].n)
		merge_chunk_key(&ch->lane, wr->m->in, ch->which + at, ch->keys + at, &ch->v[i]);
}

/* Lets go of the inputs' postings before the chunk's keys, which no thread reads again. */
static void chunk_release(struct merge *m, const struct chunk *ch)
{
	for (size_t i = 0; i < m->nin; i++)
		release_to(m, &m->in[i], ch->upto[i]);
}

/* The first pass's keys, in order, into the keys table. */
static void count_emit(void *arg, void *w)
{
	struct writing *wr = arg;
	struct merge *m = wr->m;
	struct chunk *ch = w;
	struct keys *ks = wr->ks;
	m->bad |= ch->lane.bad;
	for (size_t i = 0; i < ch->nv && !m->bad && !m->too_long; i++) {
		const struct chunk_key *k = &ch->v[i];
		if (!k->df)
			continue;
		if (k->len >= key_limit) {   /* its skips could not say where its bits are */
			m->too_long = 1;
			break;
		}
		ks->v = xgrow(ks->v, &ks->cap, ks->n + 1, sizeof *ks->v);
		ks->v[ks->n++] = (struct ixkey){ k->key, ks->off, (uint32_t)k->len, k->df };
		ks->off += k->len;
	}
	chunk_release(m, ch);
}

static void chunk_work(void *arg, void *w)
{
	const struct writing *wr = arg;
	struct chunk *ch = w;
	struct lane *l = &ch->lane;
	ch->laid_len = 0;
	for (size_t i = 0, at = 0; i < ch->nv && !l->bad && !ch->big; at += ch->v[i++].n) {
		struct chunk_key *k = &ch->v[i];
		if (!merge_chunk_key(l, wr->m->in, ch->which + at, ch->keys + at, k))
			continue;
		ch->laid = xgrow(ch->laid, &ch->laid_cap, ch->laid_len + k->len + 1, 1);
		k->used = lay_finish(&l->lay, k->key, k->df, ch->laid + ch->laid_len);
		ch->laid_len += k->used;
	}
}

/* Whether key k, as merged, is the next the first pass counted; else the merge is off. */
static int as_counted(struct writing *wr, const struct chunk_key *k)
{
	if (wr->k >= wr->ks->n || wr->ks->v[wr->k].key != k->key || wr->ks->v[wr->k].df != k->df
	    || wr->ks->v[wr->k].len != k->len) {
		wr->differs = 1;
		return 0;
	}
	wr->k++;
	return 1;
}

/* A big key's chunk: merged now by this thread's one lane, laid out straight into the output. */
static void emit_big(struct writing *wr, struct chunk *ch)
{
	struct merge *m = wr->m;
	struct chunk_key *k = &ch->v[0];
	struct lane *l = &m->lane;
	int some = merge_chunk_key(l, m->in, ch->which, ch->keys, k);
	m->bad |= l->bad;
	if (!some || !as_counted(wr, k))
		return;
	out_commit(wr->o, lay_finish(&l->lay, k->key, k->df, out_room(wr->o, k->len)));
}

static void chunk_emit(void *arg, void *w)
{
	struct writing *wr = arg;
	struct merge *m = wr->m;
	struct chunk *ch = w;
	m->bad |= ch->lane.bad;
	if (ch->big && !m->bad && !wr->differs)
		emit_big(wr, ch);
	for (size_t i = 0, at = 0; i < ch->nv && !m->bad && !wr->differs; i++) {
		const struct chunk_key *k = &ch->v[i];
		if (ch->big || !k->df)
			continue;
		if (!as_counted(wr, k))
			break;
		out_put(wr->o, ch->laid + at, k->used);
		at += k->used;
	}
	chunk_release(m, ch);
}

/* A pass over every key, on up to MERGE_THREADS threads: counting (the first) or laying out. */
static void chunk_pass(struct writing *wr, const struct ordered_ops *ops, int counting)
{
	struct merge *m = wr->m;
	size_t nt = ordered_threads(MERGE_THREADS);
	struct chunk *ch = xcalloc(nt, sizeof *ch);
	void *workers[MERGE_THREADS];
	for (size_t t = 0; t < nt; t++) {
		lane_init(&ch[t].lane, m->nin);
		ch[t].lane.counting = counting;
		ch[t].upto = xcalloc(m->nin + 1, sizeof *ch[t].upto);
		workers[t] = &ch[t];
	}
	start_pass(m);
	ordered_run(ops, wr, workers, nt);
	for (size_t i = 0; i < m->nin && !m->bad; i++)
		release_to(m, &m->in[i], m->in[i].h->post_len);
	for (size_t t = 0; t < nt; t++) {
		lane_fini(&ch[t].lane);
		free(ch[t].v);
		free(ch[t].which);
		free(ch[t].keys);
		free(ch[t].upto);
		free(ch[t].laid);
	}
	free(ch);
}

/* The first pass: every key merged for its length alone, into ks. */
static void count_keys(struct merge *m, struct keys *ks)
{
	static const struct ordered_ops ops = { chunk_take, count_work, count_emit };
	struct writing w = { m, NULL, ks, 0, 0 };
	chunk_pass(&w, &ops, 1);
}

/* The second pass. */
static void write_keys(struct writing *wr)
{
	static const struct ordered_ops ops = { chunk_take, chunk_work, chunk_emit };
	chunk_pass(wr, &ops, 0);
}

static void merge_free(struct merge *m)
{
	for (size_t i = 0; i < m->nin; i++)
		free(m->in[i].word_to);
	free(m->in);
	lane_fini(&m->lane);
}

uint64_t index_merge_write(const struct index_merge_input *inputs, size_t nin, size_t ndocs, uint64_t key, int fd,
                           size_t block, void (*block_fn)(void *arg, uint64_t n, const unsigned char *p, size_t len),
                           void *arg, const struct index_progress *progress, char **cause)
{
	struct merge m = { .in = xcalloc(nin + 1, sizeof *m.in), .nin = nin, .ndocs = ndocs, .progress = progress };
	lane_init(&m.lane, nin);
	for (size_t i = 0; i < nin; i++) {
		m.bad |= open_input(&m.in[i], &inputs[i]) < 0;
		m.total += m.bad ? 0 : 2 * m.in[i].h->post_len;
	}
	struct source *src = xcalloc(ndocs + 1, sizeof *src);
	struct ixdoc *docs = xcalloc(ndocs + 1, sizeof *docs);
	m.docs = docs;
	struct ixword *words = NULL;
	struct buf paths, strings, lines;
	buf_init(&paths), buf_init(&strings), buf_init(&lines);
	struct keys ks = { 0 };
	struct head h = { .key = key, .ndocs = ndocs };
	if (!m.bad && sources(m.in, nin, ndocs, src) == 0
	    && merge_docs(m.in, src, ndocs, docs, &paths, &strings, &lines, &h.units) == 0) {
		buf_add(&paths, strings.data ? strings.data : "", strings.len);
		h.nwords = merge_words(m.in, nin, &words, &paths);
		for (size_t i = 0; i < nin; i++)   /* their tables are read; the keys again, a few at a time */
			let_go(&m.in[i], 0, m.in[i].h->post_off);
		count_keys(&m, &ks);
	} else {
		m.bad = 1;
	}
	uint64_t size = 0;
	if (m.bad) {
		*cause = xstrdup("a segment to merge is damaged");
	} else if (m.too_long) {
		*cause = xasprintf("a word's postings merged would reach the index's limit of %llu MiB for one word: "
		                   "the segments stay apart", (unsigned long long)(key_limit >> 20));
	} else {
		h.nkeys = ks.n;
		h.pool_len = paths.len;
		h.lines_len = lines.len;
		h.post_len = ks.off;
		index_blob_place(&h);
		struct out o;
		out_start_file(&o, fd, FILEIO_CHUNK, block, block_fn, arg);
		out_postings_at(&o, h.post_off, h.post_off + h.post_len);
		out_tables(&o, &h, docs, table_key, &ks, words, paths.data, lines.data);
		struct writing w = { &m, &o, &ks, 0, 0 };
		write_keys(&w);
		if (!w.differs && !m.bad && w.k == ks.n)
			out_pad(&o, h.size);
		size = out_finish_file(&o, &h, cause);
		if (size && (w.differs || m.bad || w.k != ks.n)) {
			*cause = xstrdup("a segment to merge is damaged");
			size = 0;
		}
	}
	free(ks.v);
	free(words);
	buf_fini(&paths), buf_fini(&strings), buf_fini(&lines);
	free(docs);
	free(src);
	merge_free(&m);
	return size;
}
