/* test_27_segments.c — an index of many segments answers as one, and an index updated in place (added, changed, removed, renamed reports; merges) answers as a fresh build and a brute-force scan. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checksum.h"
#include "corpus.h"
#include "index.h"
#include "index_blob.h"
#include "index_merge.h"
#include "query.h"
#include "sample_files.h"
#include "search_gen.h"
#include "xmalloc.h"

/* Random queries a check runs: under the sanitizers, which look for memory errors and slow every
 * search tenfold, a quarter of those the plain build runs. */
#ifdef __SANITIZE_ADDRESS__
#define ROUNDS(n) ((n) / 4)
#else
#define ROUNDS(n) (n)
#endif

/* The index of c built with segments of at most cap bytes (0: the default). */
static struct index *build_capped(struct corpus *c, size_t cap)
{
	char v[32];
	snprintf(v, sizeof v, "%zu", cap);
	if (cap)
		setenv("FAZHI_SEGMENT_BYTES", v, 1);
	else
		unsetenv("FAZHI_SEGMENT_BYTES");
	return index_build(c, NULL);
}

static int same_result(const struct index_result *a, const struct index_result *b, int scores)
{
	return a->report == b->report && a->hits == b->hits && a->heading_hits == b->heading_hits
	       && (!scores || memcmp(&a->score, &b->score, sizeof a->score) == 0);
}

static int by_report(const void *a, const void *b)
{
	const struct index_result *x = a, *y = b;
	return (x->report > y->report) - (x->report < y->report);
}

/* ix answers random queries over c as the reference ref does and as a brute-force scan does:
 * the same reports with the same hits; with `scores` also bit for bit the same scores and
 * order (an index without deleted reports), else the same set. Top-k equals ix's own
 * exhaustive first k; snippets equal ref's. */
static void check_same(struct corpus *c, const struct index *ix, const struct index *ref, int scores, int rounds,
                       uint64_t seed)
{
	static const size_t ks[] = { 1, 3, 10 };
	struct index_results got = { 0 }, want = { 0 }, top = { 0 }, first = { 0 };
	struct index_hits h1 = { 0 }, h2 = { 0 };
	assert_int_equal(index_nreports(ix), c->n);
	for (size_t i = 0; i < c->n; i++) {
		struct index_info in;
		index_info(ix, i, &in);
		assert_string_equal(in.path, corpus_path(c, i));
	}
	int nonempty = 0;
	for (int round = 0; round < rounds; round++) {
		char qs[256];
		if (!random_query(c, &seed, qs, sizeof qs))
			continue;
		struct query *q = parse(qs);
		index_search(ix, q, 0, &got);
		index_search(ref, q, 0, &want);
		if (got.n != want.n || got.total_hits != want.total_hits)
			fail_msg("[%s]: %zu reports %zu hits, fresh build %zu %zu", qs, got.n, got.total_hits, want.n,
			         want.total_hits);
		size_t expect = 0;
		for (size_t i = 0; i < c->n; i++)
			expect += bf_report(c->reports[i], q) >= 0;
		assert_int_equal(got.n, expect);
		for (size_t i = 0; i < got.n; i++)
			if (!same_result(&got.v[i], &want.v[i], scores) && scores)
				fail_msg("[%s] rank %zu: report %zu hits %zu score %.17g; fresh %zu %zu %.17g", qs, i,
				         got.v[i].report, got.v[i].hits, got.v[i].score, want.v[i].report, want.v[i].hits,
				         want.v[i].score);
		size_t k = ks[gen_rand(&seed) % 3];
		index_search(ix, q, k, &first);
		index_search_top(ix, q, k, &top);
		assert_int_equal(top.n, first.n);
		for (size_t i = 0; i < top.n; i++) {
			if (!same_result(&top.v[i], &first.v[i], 1))
				fail_msg("[%s] top %zu rank %zu: report %zu, exhaustive %zu", qs, k, i, top.v[i].report,
				         first.v[i].report);
			assert_int_equal(bf_report(c->reports[top.v[i].report], q), (long)top.v[i].hits);
		}
		assert_true(top.total <= got.total && got.total <= top.total_max);
		if (top.exact)
			assert_int_equal(top.total_hits, got.total_hits);
		if (!scores) {
			qsort(got.v, got.n, sizeof *got.v, by_report);
			qsort(want.v, want.n, sizeof *want.v, by_report);
			for (size_t i = 0; i < got.n; i++)
				if (!same_result(&got.v[i], &want.v[i], 0))
					fail_msg("[%s]: report %zu hits %zu; fresh build %zu %zu", qs, got.v[i].report,
					         got.v[i].hits, want.v[i].report, want.v[i].hits);
		}
		for (size_t i = 0; i < got.n && i < 2; i++) {
			struct index_snippet s1[3], s2[3];
			const struct report *r = c->reports[got.v[i].report];
			size_t n1 = index_result_snippets(ix, &got.v[i], r, q, 40, &h1, s1, 3);
			size_t n2 = index_result_snippets(ref, &got.v[i], r, q, 40, &h2, s2, 3);
			assert_int_equal(n1, n2);
			for (size_t m = 0; m < n1; m++) {
				assert_int_equal(s1[m].start, s2[m].start);
				assert_int_equal(s1[m].end, s2[m].end);
			}
		}
		nonempty += got.n > 0;
		query_free(q);
	}
	assert_true(nonempty > rounds / 3);
	index_hits_fini(&h1);
	index_hits_fini(&h2);
	index_results_fini(&got);
	index_results_fini(&want);
	index_results_fini(&top);
	index_results_fini(&first);
}

/* check_same against a fresh build of c in one segment, the tests' small segments kept after. */
static void check_fresh(struct corpus *c, const struct index *ix, int rounds, uint64_t seed)
{
	setenv("FAZHI_SEGMENT_BYTES", "100000000", 1);
	struct index *fresh = index_build(c, NULL);
	setenv("FAZHI_SEGMENT_BYTES", "120000", 1);
	check_same(c, ix, fresh, index_deleted(ix) == 0, rounds, seed);
	index_free(fresh);
}

/* Many segments answer bit for bit as one. */
static void test_segments_as_one(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	gen_corpus(&c, 80, 5);
	struct index *one = build_capped(&c, 0), *many = build_capped(&c, 20000);
	assert_int_equal(index_nsegments(one), 1);
	assert_true(index_nsegments(many) >= 8);
	assert_int_equal(index_deleted(many), 0);
	check_same(&c, many, one, 1, ROUNDS(600), 17);
	index_free(one);
	index_free(many);
	corpus_fini(&c);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* same() when nothing changed. */
static int same_text(void *arg, size_t report, size_t entry)
{
	(void)entry;
	(void)report;
	(void)arg;
	return 1;
}

/* same() for in-memory corpora: the entry holds the very text the report was indexed from. */
struct texts {
	const struct corpus *old, *now;
};

static int same_bytes(void *arg, size_t report, size_t entry)
{
	const struct texts *t = arg;
	const struct report *a = t->old->reports[report], *b = t->now->reports[entry];
	return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
}

/* The next version of a corpus of generated reports: each of old's reports is kept, dropped,
 * renamed or changed (by `how`, a digit per report cycling), and `add` new ones come last. */
static void next_version(const struct corpus *old, struct corpus *now, const struct corpus *pool, size_t *from,
                         const char *how, size_t add, int round)
{
	size_t nhow = strlen(how);
	corpus_init(now);
	for (size_t i = 0; i < old->n; i++) {
		const struct report *r = old->reports[i];
		switch (how[(i + (size_t)round) % nhow]) {
		case 'd':   /* removed */
			break;
		case 'r':   /* renamed: the same text under a new name, at the end */
			break;
		case 'c':   /* changed in place */
			*from = (*from + 1) % pool->n;
			corpus_add_bytes(now, r->path, pool->reports[*from]->text, pool->reports[*from]->len);
			break;
		default:
			corpus_add_bytes(now, r->path, r->text, r->len);
		}
	}
	for (size_t i = 0; i < old->n; i++)
		if (how[(i + (size_t)round) % nhow] == 'r') {
			char name[64];
			snprintf(name, sizeof name, "ren-%d-%s", round, old->reports[i]->path);
			corpus_add_bytes(now, name, old->reports[i]->text, old->reports[i]->len);
		}
	for (size_t i = 0; i < add; i++) {
		char name[64];
		*from = (*from + 1) % pool->n;
		snprintf(name, sizeof name, "new-%d-%zu.txt", round, i);
		corpus_add_bytes(now, name, pool->reports[*from]->text, pool->reports[*from]->len);
	}
}

/* ---- merging segments ---- */

static void release_heap(const void *data, size_t len)
{
	(void)len;
	free((void *)data);
}

/* ix with segments segs[0..n) merged into one (index_merge_write to a temporary file, read back
 * and checked whole); NULL, ix left as it is, when the merge refused. */
/* Merges segments segs[0..n) of ix into f; the merged blob's length, or 0 with *cause. */
static uint64_t merge_to_file(const struct index *ix, const size_t *segs, size_t n, FILE *f, char **cause)
{
	uint32_t *to[64];
	struct index_merge_input in[64];
	assert_true(n <= 64);
	size_t ndocs = index_merge_numbers(ix, segs, n, to);
	for (size_t j = 0; j < n; j++) {
		in[j].blob = index_segment_blob(ix, segs[j], &in[j].size);
		in[j].to = to[j];
		in[j].mapped = 0;   /* built in memory */
	}
	uint64_t len = index_merge_write(in, n, ndocs, 0, fileno(f), 4096, NULL, NULL, NULL, cause);
	for (size_t j = 0; j < n; j++)
		free(to[j]);
	return len;
}

static struct index *merge_some(struct index **ix, const size_t *segs, size_t n)
{
	FILE *f = tmpfile();
	assert_non_null(f);
	char *cause = NULL;
	uint64_t len = merge_to_file(*ix, segs, n, f, &cause);
	if (!len) {
		assert_non_null(cause);
		free(cause);
		fclose(f);
		return NULL;
	}
	unsigned char *blob = xmalloc(len);
	assert_int_equal(pread(fileno(f), blob, len, 0), (ssize_t)len);
	fclose(f);
	struct index *merged = index_from_blob(blob, len, 0, release_heap, &cause);
	if (!merged)
		fail_msg("merged blob refused: %s", cause);
	*ix = index_merged(*ix, segs, n, merged);
	return *ix;
}

/* The blobs of two one-segment indexes hold the same reports, keys, postings, words and newlines
 * (their pools may lay the words' strings out in another order). */
static void assert_same_segment(const struct index *a, const struct index *b)
{
	size_t la, lb;
	const unsigned char *pa = index_segment_blob(a, 0, &la), *pb = index_segment_blob(b, 0, &lb);
	const struct head *ha = (const void *)pa, *hb = (const void *)pb;
	assert_int_equal(ha->ndocs, hb->ndocs);
	assert_int_equal(ha->nkeys, hb->nkeys);
	assert_int_equal(ha->nwords, hb->nwords);
	assert_int_equal(ha->units, hb->units);
	assert_int_equal(ha->post_len, hb->post_len);
	assert_int_equal(ha->lines_len, hb->lines_len);
	assert_memory_equal(pa + ha->keys_off, pb + hb->keys_off, ha->nkeys * sizeof(struct ixkey));
	assert_memory_equal(pa + ha->post_off, pb + hb->post_off, ha->post_len);
	assert_memory_equal(pa + ha->lines_off, pb + hb->lines_off, ha->lines_len);
	assert_memory_equal(pa + ha->norms_off, pb + hb->norms_off, ha->ndocs * 4);
	assert_memory_equal(pa + ha->filters_off, pb + hb->filters_off, ha->ndocs * sizeof(struct ixfilter));
	const struct ixword *wa = (const void *)(pa + ha->words_off), *wb = (const void *)(pb + hb->words_off);
	for (size_t i = 0; i < ha->nwords; i++) {
		assert_int_equal(wa[i].id, wb[i].id);
		assert_int_equal(wa[i].len, wb[i].len);
		assert_memory_equal(pa + ha->pool_off + wa[i].off, pb + hb->pool_off + wb[i].off, wa[i].len);
	}
	for (size_t i = 0; i < ha->ndocs; i++) {
		struct index_info x, y;
		index_info(a, i, &x);
		index_info(b, i, &y);
		assert_string_equal(x.path, y.path);
		assert_string_equal(x.title, y.title);
		assert_string_equal(x.region, y.region);
		assert_int_equal(x.year, y.year);
	}
}

/* Merging every segment of a build gives the segment a build in one would give, and merging
 * some of them answers as a fresh build and brute force. */
static void test_merge_as_built(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	gen_corpus(&c, 60, 8);
	struct index *one = build_capped(&c, 0), *ix = build_capped(&c, 20000);
	size_t nseg = index_nsegments(ix);
	assert_true(nseg >= 6);
	size_t some[] = { 1, 2, nseg - 1 };
	assert_non_null(merge_some(&ix, some, 3));
	assert_int_equal(index_nsegments(ix), nseg - 2);
	check_same(&c, ix, one, 1, 60, 23);
	size_t all[64];
	for (size_t k = 0; k < index_nsegments(ix); k++)
		all[k] = k;
	assert_non_null(merge_some(&ix, all, index_nsegments(ix)));
	assert_int_equal(index_nsegments(ix), 1);
	assert_same_segment(ix, one);
	check_same(&c, ix, one, 1, 60, 29);
	index_free(one);
	index_free(ix);
	corpus_fini(&c);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* The keys table of segment k of ix; their number in *n. */
static const struct ixkey *segment_keys(const struct index *ix, size_t k, size_t *n)
{
	size_t len;
	const unsigned char *p = index_segment_blob(ix, k, &len);
	const struct head *h = (const void *)p;
	*n = h->nkeys;
	return (const void *)(p + h->keys_off);
}

/* Keys of segment k whose lists are long enough for skips (index_blob.h). */
static size_t long_lists(const struct index *ix, size_t k)
{
	size_t nkeys, n = 0;
	const struct ixkey *keys = segment_keys(ix, k, &nkeys);
	for (size_t i = 0; i < nkeys; i++)
		n += keys[i].df > INDEX_SKIP;
	return n;
}

/* Segments of long lists, each numbered in one run: the merge counts those lists from their first
 * entries and last skips, reading them only when it writes them. Merged in any order, they give
 * the segment a build in one gives. */
static void test_merge_long_lists(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	gen_corpus(&c, 200, 31);
	struct index *one = build_capped(&c, 0), *ix = build_capped(&c, 1400000);   /* about 125 reports */
	size_t nseg = index_nsegments(ix), all[64], with_long = 0;
	assert_true(nseg >= 2 && nseg <= 64);
	for (size_t k = 0; k < nseg; k++) {
		all[k] = nseg - 1 - k;   /* the last first: the merge orders the runs */
		with_long += long_lists(ix, k) > 0;
	}
	assert_true(with_long >= 2);
	assert_non_null(merge_some(&ix, all, nseg));
	assert_int_equal(index_nsegments(ix), 1);
	assert_same_segment(ix, one);
	index_free(one);
	index_free(ix);
	corpus_fini(&c);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* A merge's keys are merged on a few threads a chunk at a time, a big key alone on the writing
 * thread: with chunks of a few bytes or of many keys, and every key big, some or none, the merged
 * segment is a one-segment build's, byte for byte. */
static void test_merge_chunks(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	gen_corpus(&c, 120, 47);
	struct index *one = build_capped(&c, 0);
	static const size_t tunings[][2] = { { 1, 1 }, { 64, 2048 }, { 4096, 512 }, { 1 << 20, 1 << 30 } };
	for (size_t t = 0; t < sizeof tunings / sizeof *tunings; t++) {
		index_merge_tuning(tunings[t][0], tunings[t][1], 0);
		struct index *ix = build_capped(&c, 700000);
		size_t nseg = index_nsegments(ix), all[64];
		assert_true(nseg >= 2 && nseg <= 64);
		for (size_t k = 0; k < nseg; k++)
			all[k] = k;
		assert_non_null(merge_some(&ix, all, nseg));
		assert_int_equal(index_nsegments(ix), 1);
		assert_same_segment(ix, one);
		index_free(ix);
	}
	index_merge_tuning(0, 0, 0);
	index_free(one);
	corpus_fini(&c);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* The bytes of the longest key's postings in segment k of ix. */
static uint64_t longest_key(const struct index *ix, size_t k)
{
	size_t nkeys;
	const struct ixkey *keys = segment_keys(ix, k, &nkeys);
	uint64_t most = 0;
	for (size_t i = 0; i < nkeys; i++)
		most = keys[i].len > most ? keys[i].len : most;
	return most;
}

/* A key's postings must stay below a limit (INDEX_KEY_BYTES: its skips count bits in 32): a
 * merge that would reach it is refused, saying why, and leaves the segments as they were; below
 * it, the merge is a one-segment build's. The limit is lowered to the longest key's length. */
static void test_merge_refuses_long_key(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	gen_corpus(&c, 120, 53);
	struct index *one = build_capped(&c, 0), *ix = build_capped(&c, 700000);
	uint64_t most = longest_key(one, 0);
	size_t nseg = index_nsegments(ix), all[64];
	assert_true(nseg >= 2 && nseg <= 64);
	for (size_t k = 0; k < nseg; k++) {
		assert_true(most > longest_key(ix, k));   /* no part reaches it alone */
		all[k] = k;
	}
	index_merge_tuning(0, 0, most);
	FILE *f = tmpfile();
	char *cause = NULL;
	assert_int_equal(merge_to_file(ix, all, nseg, f, &cause), 0);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "limit"));
	assert_null(strstr(cause, "damaged"));
	free(cause);
	fclose(f);
	assert_int_equal(index_nsegments(ix), nseg);
	index_merge_tuning(0, 0, most + 1);
	assert_non_null(merge_some(&ix, all, nseg));
	assert_int_equal(index_nsegments(ix), 1);
	assert_same_segment(ix, one);
	index_merge_tuning(0, 0, 0);
	index_free(ix);
	index_free(one);
	corpus_fini(&c);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* A merge leaves the deleted reports of its segments behind; updates then merges, again and
 * again, answer as a fresh build. */
static void test_merge_after_updates(void **state)
{
	(void)state;
	struct corpus pool, v[2];
	corpus_init(&pool);
	gen_corpus(&pool, 40, 61);
	corpus_init(&v[0]);
	gen_corpus(&v[0], 50, 62);
	setenv("FAZHI_SEGMENT_BYTES", "60000", 1);
	struct index *ix = index_build(&v[0], NULL);
	size_t from = 0;
	for (int round = 0; round < 3; round++) {
		struct corpus *old = &v[round % 2], *now = &v[(round + 1) % 2];
		next_version(old, now, &pool, &from, "kkdkrkckk", 3, round);
		struct texts t = { old, now };
		ix = index_update(ix, now, same_bytes, &t, NULL);
		size_t segs[2] = { 0, index_nsegments(ix) - 1 };
		size_t before = index_deleted(ix);
		assert_non_null(merge_some(&ix, segs, segs[1] ? 2 : 1));
		assert_true(index_deleted(ix) <= before);
		check_fresh(now, ix, 40, 300 + (uint64_t)round);
		corpus_fini(old);
	}
	size_t all[64];
	for (size_t k = 0; k < index_nsegments(ix); k++)
		all[k] = k;
	assert_non_null(merge_some(&ix, all, index_nsegments(ix)));
	assert_int_equal(index_deleted(ix), 0);
	check_fresh(&v[1], ix, 40, 400);
	index_free(ix);
	corpus_fini(&v[1]);
	corpus_fini(&pool);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* A segment whose keys are out of order, or whose postings run past their key, is refused: no
 * merged segment is made of it. */
static void test_merge_refuses_damage(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	gen_corpus(&c, 20, 9);
	struct index *ix = build_capped(&c, 0);
	size_t len;
	const unsigned char *blob = index_segment_blob(ix, 0, &len);
	const struct head *h = (const void *)blob;
	for (int how = 0; how < 3; how++) {
		unsigned char *copy = xmalloc(len);
		memcpy(copy, blob, len);
		struct ixkey *k = (struct ixkey *)(copy + h->keys_off);
		size_t at = h->nkeys / 2;
		if (how == 0) {   /* two keys swapped */
			struct ixkey t = k[at];
			k[at] = k[at + 1];
			k[at + 1] = t;
		} else if (how == 1) {
			k[at].len = (uint32_t)(h->post_len - k[at].off + 1);
		} else {   /* a report count the postings do not hold */
			k[at].df += 1000;
		}
		uint32_t *to = xmalloc(h->ndocs * sizeof *to);
		for (size_t d = 0; d < h->ndocs; d++)
			to[d] = (uint32_t)d;
		struct index_merge_input in = { copy, len, to, 0 };
		FILE *f = tmpfile();
		char *cause = NULL;
		assert_int_equal(index_merge_write(&in, 1, h->ndocs, 0, fileno(f), 4096, NULL, NULL, NULL, &cause), 0);
		assert_non_null(cause);
		free(cause);
		fclose(f);
		free(to);
		free(copy);
	}
	index_free(ix);
	corpus_fini(&c);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* Updates with every kind of change answer as a fresh build and brute force, again and again,
 * while the merge policy keeps the segments few and the deleted reports under a fifth. */
static void test_update_rounds(void **state)
{
	(void)state;
	struct corpus pool, v[2];
	corpus_init(&pool);
	gen_corpus(&pool, 60, 99);
	corpus_init(&v[0]);
	gen_corpus(&v[0], 90, 3);
	setenv("FAZHI_SEGMENT_BYTES", "120000", 1);
	struct index *ix = index_build(&v[0], NULL);
	size_t built = index_nsegments(ix), from = 0;
	assert_true(built >= 4);
	int merged = 0, deleted = 0;
	for (int round = 0; round < 14; round++) {
		struct corpus *old = &v[round % 2], *now = &v[(round + 1) % 2];
		next_version(old, now, &pool, &from, round < 2 ? "kkdkrkckkk" : "kkkkkkkkkkkkkkkkkkkc", 2, round);
		struct texts t = { old, now };
		size_t before = index_nsegments(ix);
		ix = index_update(ix, now, same_bytes, &t, NULL);
		merged += index_nsegments(ix) <= before;
		size_t held = index_nreports(ix) + index_deleted(ix);
		assert_true(index_deleted(ix) * 100 <= held * INDEX_MERGE_DELETED);
		size_t text = 0;   /* every segment but the small ones holds half the cap or more */
		for (size_t i = 0; i < now->n; i++)
			text += now->reports[i]->len;
		assert_true(index_nsegments(ix) <= text / 60000 + INDEX_MERGE_SEGMENTS);
		deleted += index_deleted(ix) > 0;
		check_fresh(now, ix, ROUNDS(120), 1000 + (uint64_t)round);
		corpus_fini(old);
	}
	assert_true(merged > 0);
	assert_true(deleted > 3);   /* most rounds left deleted reports behind, searched around */
	/* Every report changed: nothing of the old segments stays, so nothing deleted is counted
	 * and the ranking is a fresh build's, bit for bit. */
	struct corpus *old = &v[0], *now = &v[1];
	next_version(old, now, &pool, &from, "c", 0, 99);
	struct texts t = { old, now };
	ix = index_update(ix, now, same_bytes, &t, NULL);
	assert_int_equal(index_deleted(ix), 0);
	struct index *fresh = build_capped(now, 0);
	check_same(now, ix, fresh, 1, ROUNDS(200), 4242);
	index_free(fresh);
	setenv("FAZHI_SEGMENT_BYTES", "120000", 1);
	/* Nothing changed: nothing is indexed, the segments are the same. */
	size_t nseg = index_nsegments(ix);
	ix = index_update(ix, now, same_text, NULL, NULL);
	assert_int_equal(index_nsegments(ix), nseg);
	assert_int_equal(index_nreports(ix), now->n);
	index_free(ix);
	corpus_fini(old);
	corpus_fini(now);
	corpus_fini(&pool);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* A report whose text changed is found by its new words only, and a removed one not at all. */
static void test_update_forgets(void **state)
{
	(void)state;
	struct corpus a, b;
	corpus_init(&a);
	corpus_init(&b);
	const char *one = "甲区人民政府关于2020年度法治政府建设工作的报告\n\n推进蓝鲸计划。\n";
	const char *two = "乙区人民政府关于2020年度法治政府建设工作的报告\n\n推进白鹤计划。\n";
	const char *three = "丙区人民政府关于2020年度法治政府建设工作的报告\n\n推进白鹤计划与蓝鲸计划。\n";
	corpus_add_bytes(&a, "a.txt", one, strlen(one));
	corpus_add_bytes(&a, "b.txt", two, strlen(two));
	corpus_add_bytes(&b, "a.txt", three, strlen(three));   /* changed; b.txt removed */
	struct index *ix = build_capped(&a, 0);
	struct texts t = { &a, &b };
	ix = index_update(ix, &b, same_bytes, &t, NULL);
	struct query *q = parse("白鹤");
	struct index_results r = { 0 };
	assert_int_equal(index_search(ix, q, 0, &r), 1);
	assert_int_equal(r.v[0].report, 0);
	assert_int_equal(r.v[0].hits, 1);
	query_free(q);
	q = parse("蓝鲸");
	assert_int_equal(index_search_top(ix, q, 5, &r), 1);
	assert_int_equal(r.total, 1);
	query_free(q);
	index_results_fini(&r);
	index_free(ix);
	corpus_fini(&a);
	corpus_fini(&b);
}

/* ---- the cache: segment files and manifests ---- */

static void write_file(const char *dir, const char *name, const char *text, size_t n)
{
	assert_int_equal(sample_write(dir, name, text, n), 0);
}

static void remove_file(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	assert_int_equal(unlink(path), 0);
	free(path);
}

static size_t count_files(const char *dir, const char *prefix)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t n = 0;
	while (d && (e = readdir(d)))
		n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
	if (d)
		closedir(d);
	return n;
}

static void note_total(void *arg, size_t done, size_t total)
{
	(void)done;
	*(size_t *)arg = total;
}

static size_t indexed;   /* reports the last open_dir indexed, as its progress counted them */

/* Opens the index of the reports in dir through the cache; *notice as index_open's. */
static struct index *open_dir(struct corpus *c, const char *dir, const char *cache, char **notice)
{
	corpus_init(c);
	assert_int_equal(corpus_add_path(c, dir), 0);
	indexed = 0;
	struct index_progress p = { note_total, &indexed, NULL };
	return index_open(c, cache, &p, notice);
}

/* In a new directory made from the template root: *dir (root/r) holding the first nwrite of
 * n generated reports (gen, from seed), and *cache (root/cache) for their index. Caller frees
 * the paths and gen. */
static void generated_dir(char *root, char **dir, char **cache, struct corpus *gen, size_t n, uint64_t seed,
                          size_t nwrite)
{
	assert_non_null(mkdtemp(root));
	*dir = xasprintf("%s/r", root);
	*cache = xasprintf("%s/cache", root);
	assert_int_equal(mkdir(*dir, 0700), 0);
	corpus_init(gen);
	gen_corpus(gen, n, seed);
	for (size_t i = 0; i < nwrite; i++)
		write_file(*dir, gen->reports[i]->path, gen->reports[i]->text, gen->reports[i]->len);
}

/* Removes what generated_dir made below root, frees dir and cache, and puts the segment size
 * back. */
static void remove_generated(const char *root, char *dir, char *cache)
{
	char *cmd = xasprintf("rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
	free(cache);
	unsetenv("FAZHI_SEGMENT_BYTES");
}

/* In a new directory made from the template root, n generated reports (from seed) indexed
 * through the cache (*cache) in segments of 120,000 bytes, quietly; the corpus walked in c and its
 * index. Caller frees *dir and *cache. */
static struct index *segmented_index(char *root, size_t n, uint64_t seed, char **dir, char **cache, struct corpus *c)
{
	struct corpus gen;
	generated_dir(root, dir, cache, &gen, n, seed, n);
	corpus_fini(&gen);
	setenv("FAZHI_SEGMENT_BYTES", "120000", 1);
	char *notice = NULL;
	struct index *ix = open_dir(c, *dir, *cache, &notice);
	assert_null(notice);
	return ix;
}

/* Cached segments merged by an update: every report keeps its digest and its file's stat (the
 * index is current), the segment files left are the manifest's, and it answers as a fresh build
 * and brute force. */
static void test_cached_merge(void **state)
{
	(void)state;
	char root[] = "/tmp/fazhi-merge-XXXXXX", *dir, *cache;
	struct corpus c, gen;
	struct index *ix = segmented_index(root, 70, 12, &dir, &cache, &c);
	size_t n = c.n, nseg = index_nsegments(ix);
	assert_true(nseg > INDEX_MERGE_WAITING);
	char **digest = xcalloc(n + 1, sizeof *digest);
	size_t *dlen = xcalloc(n + 1, sizeof *dlen);
	for (size_t i = 0; i < n; i++) {
		const void *p;
		assert_int_equal(index_digest(ix, i, &p, &dlen[i]), 0);
		digest[i] = xmalloc(dlen[i] + 1);
		memcpy(digest[i], p, dlen[i]);
	}
	index_free(ix);
	corpus_fini(&c);
	corpus_init(&gen);
	gen_corpus(&gen, 72, 13);
	write_file(dir, "zz-added.txt", gen.reports[71]->text, gen.reports[71]->len);   /* last in the walk */
	setenv("FAZHI_MERGE_BYTES", "1000000000", 1);
	char *notice = NULL;
	ix = open_dir(&c, dir, cache, &notice);
	setenv("FAZHI_MERGE_BYTES", "0", 1);
	free(notice);
	notice = NULL;
	assert_int_equal(indexed, 1);   /* the file added alone was read */
	assert_int_equal(index_nsegments(ix), 1);
	assert_int_equal(count_files(cache, "segment-"), 1);
	assert_int_equal(c.n, n + 1);
	for (size_t i = 0; i < n; i++) {
		const void *p;
		size_t len;
		assert_int_equal(index_digest(ix, i, &p, &len), 0);
		assert_int_equal(len, dlen[i]);
		assert_memory_equal(p, digest[i], len);
		free(digest[i]);
	}
	free(digest);
	free(dlen);
	struct index_status st;
	assert_int_equal(index_cache_status(&c, cache, &st), 0);
	assert_true(st.current);
	for (size_t i = 0; i < c.n; i++)
		assert_non_null(corpus_get(&c, i));
	check_fresh(&c, ix, 40, 77);
	assert_true(index_intact(ix, NULL));
	/* A fifth and more of the merged segment's files changed: they alone are indexed, and the
	 * segment is merged alone, which drops their old reports. */
	size_t changed = 0;
	for (size_t i = 0; i < n; i += 3, changed++) {
		const struct report *r = gen.reports[(i + 7) % 71];
		write_file(dir, corpus_path(&c, i) + strlen(dir) + 1, r->text, r->len);
	}
	index_free(ix);
	corpus_fini(&c);
	setenv("FAZHI_MERGE_BYTES", "1000000000", 1);
	ix = open_dir(&c, dir, cache, &notice);
	setenv("FAZHI_MERGE_BYTES", "0", 1);
	char said[64];
	snprintf(said, sizeof said, "updated (%zu of %zu reports indexed)", changed, n + 1);
	assert_non_null(notice);
	assert_non_null(strstr(notice, said));
	free(notice);
	assert_int_equal(indexed, changed);
	assert_int_equal(index_deleted(ix), 0);
	assert_true(index_nsegments(ix) <= 1 + INDEX_MERGE_WAITING);
	assert_int_equal(count_files(cache, "segment-"), index_nsegments(ix));
	for (size_t i = 0; i < c.n; i++)
		assert_non_null(corpus_get(&c, i));
	check_fresh(&c, ix, 40, 78);
	index_free(ix);
	corpus_fini(&c);
	corpus_fini(&gen);
	remove_generated(root, dir, cache);
}

/* An index cached in many segment files, updated again and again as files are added, changed,
 * removed and renamed: each update indexes only those, answers as a fresh build and brute
 * force, is found again as it was saved, and leaves no segment no manifest names. */
static void test_cached_updates(void **state)
{
	(void)state;
	char root[] = "/tmp/fazhi-segments-XXXXXX", *dir, *cache;
	struct corpus gen;
	generated_dir(root, &dir, &cache, &gen, 100, 8, 60);
	setenv("FAZHI_SEGMENT_BYTES", "120000", 1);
	struct corpus c;
	char *notice = NULL;
	struct index *ix = open_dir(&c, dir, cache, &notice);
	assert_null(notice);
	assert_int_equal(indexed, 60);
	assert_true(index_nsegments(ix) >= 4);
	assert_int_equal(count_files(cache, "segment-"), index_nsegments(ix));
	index_free(ix);
	corpus_fini(&c);
	size_t next = 60;
	for (int round = 0; round < 6; round++) {
		char name[64];
		/* one added, one changed, one removed, one renamed */
		const struct report *add = gen.reports[next++], *change = gen.reports[next++];
		write_file(dir, add->path, add->text, add->len);
		snprintf(name, sizeof name, "gen-%03d.txt", 2 + 7 * round);
		write_file(dir, name, change->text, change->len);
		snprintf(name, sizeof name, "gen-%03d.txt", 4 + 7 * round);
		remove_file(dir, name);
		snprintf(name, sizeof name, "gen-%03d.txt", 5 + 7 * round);
		char *from = xasprintf("%s/%s", dir, name), *to = xasprintf("%s/ren-%s", dir, name);
		assert_int_equal(rename(from, to), 0);
		free(from);
		free(to);
		ix = open_dir(&c, dir, cache, &notice);
		if (notice)   /* the paths changed: a manifest of its own, which is no news */
			fail_msg("round %d: %s", round, notice);
		assert_true(indexed >= 3 && indexed < c.n / 2);   /* added, changed, renamed, and merges */
		check_fresh(&c, ix, 80, 500 + (uint64_t)round);
		index_free(ix);
		corpus_fini(&c);
		/* As saved: opened again, nothing to say, and the same answers. */
		ix = open_dir(&c, dir, cache, &notice);
		assert_null(notice);
		assert_int_equal(indexed, 0);
		check_fresh(&c, ix, 40, 900 + (uint64_t)round);
		index_cache_clean(cache);
		assert_int_equal(count_files(cache, "segment-"), index_nsegments(ix));
		assert_int_equal(count_files(cache, "index-"), 2);   /* the manifest and its lock */
		index_free(ix);
		corpus_fini(&c);
	}
	corpus_fini(&gen);
	remove_generated(root, dir, cache);
}

/* ---- a damaged segment: only its reports are indexed again ---- */

#define MAX_SEGS 64

/* The ids of the segments the manifest at path names, in its order (the count is the u64 at
 * byte 40 of its head, the ids follow the 88-byte head); returns the count. */
static size_t manifest_ids(const char *path, uint64_t ids[MAX_SEGS])
{
	FILE *f = fopen(path, "rb");
	uint64_t n = 0;
	assert_non_null(f);
	assert_int_equal(fseek(f, 40, SEEK_SET), 0);
	assert_int_equal(fread(&n, 8, 1, f), 1);
	assert_true(n > 0 && n <= MAX_SEGS);
	assert_int_equal(fseek(f, 88, SEEK_SET), 0);
	assert_int_equal(fread(ids, 8, n, f), n);
	fclose(f);
	return (size_t)n;
}

static char *seg_path(const char *cache, uint64_t id)
{
	return xasprintf("%s/segment-%016llx.bin", cache, (unsigned long long)id);
}

static void flip_byte(const char *path, uint64_t at)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)at, SEEK_SET), 0);
	int b = fgetc(f);
	assert_int_equal(fseek(f, (long)at, SEEK_SET), 0);
	fputc(b ^ 0x10, f);
	fclose(f);
}

enum { IN_POSTINGS, IN_TABLES, FILE_GONE };

/* The entry of key in the key table of segment file path; 0, or -1 when it has none. */
static int key_entry(const char *path, uint64_t key, struct ixkey *out)
{
	FILE *f = fopen(path, "rb");
	struct head h;
	assert_true(f && fread(&h, sizeof h, 1, f) == 1);
	assert_int_equal(fseek(f, (long)h.keys_off, SEEK_SET), 0);
	int found = -1;
	for (uint64_t i = 0; found < 0 && i < h.nkeys; i++) {
		assert_int_equal(fread(out, sizeof *out, 1, f), 1);
		found = out->key == key ? 0 : -1;
	}
	fclose(f);
	return found;
}

/* Spoils segment file path as `how` says: the first byte of the postings of the pair 法治 in the
 * body (which a search for 法治 reads, however the postings are cut into checked blocks), or
 * one byte of its middle fence (the first read of every lookup, in a block of the tables), or
 * removes it. */
static void spoil(const char *path, int how)
{
	FILE *f = fopen(path, "rb");
	struct head h;
	assert_true(f && fread(&h, sizeof h, 1, f) == 1);
	fclose(f);
	struct ixkey k;
	if (how == IN_POSTINGS) {
		assert_int_equal(key_entry(path, index_blob_pair_key(0x6CD5, 0x6CBB), &k), 0);
		flip_byte(path, h.post_off + k.off);
	} else if (how == IN_TABLES)
		flip_byte(path, h.fences_off + index_blob_fences(h.nkeys) / 2 * sizeof(uint64_t));
	else
		assert_int_equal(unlink(path), 0);
}

/* A segment of a cached index of many, spoiled in its postings, in its tables, then gone: the
 * search that meets the damage (or the open that misses the file) indexes again the reports of
 * that segment and no other, says so, and then answers as a fresh build and brute force; every
 * other segment file is left as it was (same inode, same mtime), the damaged one is gone. */
static void test_cached_repair(void **state)
{
	(void)state;
	char root[] = "/tmp/fazhi-repair-XXXXXX", *dir, *cache, *notice = NULL;
	struct corpus c;
	struct index *ix = segmented_index(root, 60, 21, &dir, &cache, &c);
	char *manifest = index_cache_path(&c, cache);
	struct query *q = parse("法治");
	struct index_results res = { 0 };
	static const char *const causes[] = { "index segment damaged (checksum of the postings)",
		                              "index segment damaged (checksum of the tables)", "index segment missing" };
	for (int how = IN_POSTINGS; how <= FILE_GONE; how++) {
		uint64_t ids[MAX_SEGS], now[MAX_SEGS];
		size_t nseg = manifest_ids(manifest, ids);
		assert_int_equal(nseg, index_nsegments(ix));
		assert_true(nseg >= 4);
		size_t victim = (size_t)how + 1, n = index_nreports(ix), doc;
		/* Where each report is now, and the victim's reports. */
		size_t *seg_of = xcalloc(n, sizeof *seg_of), *doc_of = xcalloc(n, sizeof *doc_of), lost = 0;
		for (size_t p = 0; p < n; p++) {
			seg_of[p] = index_locate(ix, p, &doc);
			doc_of[p] = doc;
			lost += seg_of[p] == victim;
		}
		assert_true(lost > 0 && lost < n / 2);
		struct stat before[MAX_SEGS], after;
		for (size_t k = 0; k < nseg; k++) {
			char *path = seg_path(cache, ids[k]);
			assert_int_equal(stat(path, &before[k]), 0);
			free(path);
		}
		index_free(ix);
		corpus_fini(&c);
		char *victim_path = seg_path(cache, ids[victim]);
		spoil(victim_path, how);

		ix = open_dir(&c, dir, cache, &notice);
		if (how == FILE_GONE) {   /* found at the open, which indexes its reports again */
			char *want = xasprintf("index cache %s: %s; %zu reports indexed again", manifest, causes[how], lost);
			assert_non_null(notice);
			assert_string_equal(notice, want);
			free(want);
		} else {                  /* found by the first search that reads it */
			assert_null(notice);   /* neither postings nor keys are read to open it */
			assert_int_equal(indexed, 0);
			index_search(ix, q, 0, &res);
			const char *cause = NULL;
			assert_false(index_intact(ix, &cause));
			assert_string_equal(cause, causes[how]);
			struct index_progress pr = { note_total, &indexed, NULL };
			ix = index_reopen(ix, &c, cache, &pr, &notice);
			char *want = xasprintf("%s; %zu reports indexed again", causes[how], lost);
			assert_string_equal(notice, want);
			free(want);
		}
		free(notice);
		assert_int_equal(indexed, lost);   /* as the progress counted them */
		assert_true(index_intact(ix, NULL));
		/* The other reports stay where they were; the victim's are in a segment new to the cache. */
		size_t nnow = manifest_ids(manifest, now);
		assert_int_equal(nnow, index_nsegments(ix));
		for (size_t p = 0; p < n; p++) {
			uint64_t id = now[index_locate(ix, p, &doc)];
			int old = 0;
			for (size_t k = 0; k < nseg; k++)
				old |= id == ids[k];
			if (seg_of[p] == victim)
				assert_false(old);
			else
				assert_true(id == ids[seg_of[p]] && doc == doc_of[p]);
		}
		for (size_t k = 0; k < nseg; k++) {
			char *path = seg_path(cache, ids[k]);
			if (k == victim) {
				assert_int_equal(stat(path, &after), -1);   /* never trusted again */
			} else {
				assert_int_equal(stat(path, &after), 0);
				assert_int_equal(after.st_ino, before[k].st_ino);
				assert_int_equal(after.st_mtim.tv_sec, before[k].st_mtim.tv_sec);
				assert_int_equal(after.st_mtim.tv_nsec, before[k].st_mtim.tv_nsec);
			}
			free(path);
		}
		check_fresh(&c, ix, 80, 700 + (uint64_t)how);
		index_free(ix);
		corpus_fini(&c);
		/* As saved: opened again quietly, nothing indexed, no segment the manifest does not name. */
		ix = open_dir(&c, dir, cache, &notice);
		assert_null(notice);
		assert_int_equal(indexed, 0);
		index_search(ix, q, 0, &res);
		assert_true(index_intact(ix, NULL));
		index_cache_clean(cache);
		assert_int_equal(count_files(cache, "segment-"), index_nsegments(ix));
		free(victim_path);
		free(seg_of);
		free(doc_of);
	}
	/* Repaired meanwhile by another open of the same files (another fazhi, say): the reopen
	 * finds the index whole, indexes nothing and says so. */
	uint64_t ids[MAX_SEGS];
	manifest_ids(manifest, ids);
	char *victim_path = seg_path(cache, ids[1]);
	index_free(ix);
	corpus_fini(&c);
	spoil(victim_path, IN_POSTINGS);
	ix = open_dir(&c, dir, cache, &notice);
	assert_null(notice);
	index_search(ix, q, 0, &res);
	assert_false(index_intact(ix, NULL));
	struct corpus other;
	index_free(open_dir(&other, dir, cache, &notice));
	assert_non_null(strstr(notice, ": index segment missing; "));
	assert_true(indexed > 0);
	free(notice);
	corpus_fini(&other);
	indexed = 0;
	struct index_progress pr = { note_total, &indexed, NULL };
	ix = index_reopen(ix, &c, cache, &pr, &notice);
	assert_string_equal(notice, "index segment damaged (checksum of the postings); the index was repaired meanwhile");
	free(notice);
	assert_int_equal(indexed, 0);
	check_fresh(&c, ix, 40, 777);
	free(victim_path);
	index_free(ix);
	corpus_fini(&c);
	index_results_fini(&res);
	query_free(q);
	free(manifest);
	remove_generated(root, dir, cache);
}

/* ---- the run map: the corpus order kept as runs ---- */

/* ix numbers the reports as the walk of c does (position p is entry p, by path); its runs cover
 * the positions in order, each as long as it can be; and every live report of every segment is
 * at the one position that index_locate sends back to it. Returns the number of runs. */
static size_t check_run_map(struct corpus *c, const struct index *ix)
{
	size_t n = index_nreports(ix), held = n + index_deleted(ix), live = 0;
	assert_int_equal(n, c->n);
	const struct index_run *runs;
	size_t nruns = index_runs(ix, &runs), next = 0;
	for (size_t r = 0; r < nruns; r++) {
		assert_int_equal(runs[r].pos, next);
		assert_true(runs[r].count > 0 && runs[r].seg < index_nsegments(ix));
		if (r > 0)   /* a run never merely continues the one before */
			assert_false(runs[r].seg == runs[r - 1].seg && runs[r - 1].doc + runs[r - 1].count == runs[r].doc);
		next += runs[r].count;
	}
	assert_int_equal(next, n);
	for (size_t p = 0; p < n; p++) {
		size_t len, doc, k = index_locate(ix, p, &doc);
		assert_string_equal(index_path(ix, p, &len), corpus_path(c, p));
		assert_int_equal(index_position(ix, k, doc), p);
	}
	unsigned char *seen = xcalloc(n + 1, 1);
	for (size_t k = 0; k < index_nsegments(ix); k++)
		for (size_t d = 0; d < held; d++) {   /* a segment holds at most every report held */
			size_t doc, p = index_position(ix, k, d);
			if (p == SIZE_MAX)
				continue;
			assert_true(p < n && !seen[p]);
			seen[p] = 1;
			live++;
			assert_int_equal(index_locate(ix, p, &doc), k);
			assert_int_equal(doc, d);
		}
	assert_int_equal(live, n);
	free(seen);
	return nruns;
}

/* Moves name from directory a to directory b (both under dir), keeping its name. */
static void move_file(const char *dir, const char *a, const char *b, const char *name)
{
	char *from = xasprintf("%s/%s/%s", dir, a, name), *to = xasprintf("%s/%s/%s", dir, b, name);
	assert_int_equal(rename(from, to), 0);
	free(from);
	free(to);
}

/* The list order the cache recorded for a replayed walk of dir (index_cache_list_order) is the
 * order of c, the same files walked and parsed (corpus_list_order from each report's own
 * metadata); with the manifest's order flipped at `flip` bytes from its end (0: not), the cache
 * refuses it and the index still opens quietly. */
static void check_list_order(const char *dir, const char *cache, struct corpus *c, long flip)
{
	char *paths[1] = { (char *)dir }, *notice = NULL;
	struct corpus r;
	corpus_init(&r);
	r.lazy = 1;
	if (flip) {
		char *manifest = index_cache_path(c, cache);
		FILE *f = fopen(manifest, "r+b");
		assert_true(f && fseek(f, -flip, SEEK_END) == 0);
		int b = fgetc(f);
		fseek(f, -flip, SEEK_END);
		fputc(b ^ 0x01, f);
		fclose(f);
		free(manifest);
	}
	assert_int_equal(index_cache_walk(&r, paths, 1, cache), 0);
	assert_int_equal(r.n, c->n);
	size_t *got = xcalloc(c->n + 1, sizeof *got), *want = xcalloc(c->n + 1, sizeof *want);
	corpus_list_order(c, want);
	if (flip) {
		assert_int_equal(index_cache_list_order(&r, got), -1);
		struct index *ix = index_open(&r, cache, NULL, &notice);
		assert_null(notice);
		index_free(ix);
	} else {
		assert_int_equal(index_cache_list_order(&r, got), 0);
		assert_memory_equal(got, want, c->n * sizeof *got);
	}
	assert_int_equal(index_cache_list_order(c, got), -1);   /* a corpus walked, not replayed */
	free(got);
	free(want);
	corpus_fini(&r);
}

/* Updates of a cached index across two directories (files added, changed, removed, renamed, and
 * moved from one directory to the other): after each, the runs give every report the position a
 * fresh walk gives its file, answer as a fresh build, and are read back from the manifest as
 * they were written; they stay fewer than the reports. */
static void test_runs_follow_updates(void **state)
{
	(void)state;
	char root[] = "/tmp/fazhi-runs-XXXXXX", *dir, *cache;
	struct corpus gen;
	generated_dir(root, &dir, &cache, &gen, 90, 31, 0);
	char *a = xasprintf("%s/a", dir), *b = xasprintf("%s/b", dir);
	assert_int_equal(mkdir(a, 0700), 0);
	assert_int_equal(mkdir(b, 0700), 0);
	for (size_t i = 0; i < 60; i++)
		write_file(i % 2 ? b : a, gen.reports[i]->path, gen.reports[i]->text, gen.reports[i]->len);
	setenv("FAZHI_SEGMENT_BYTES", "120000", 1);
	struct corpus c;
	char *notice = NULL;
	struct index *ix = open_dir(&c, dir, cache, &notice);
	assert_null(notice);
	assert_int_equal(check_run_map(&c, ix), index_nsegments(ix));   /* a build: one run a segment */
	assert_true(index_nsegments(ix) >= 4);
	index_free(ix);
	corpus_fini(&c);
	size_t next = 60, more = 0;
	for (int round = 0; round < 5; round++) {
		char name[64];
		const struct report *add = gen.reports[next++], *change = gen.reports[next++];
		write_file(round % 2 ? a : b, add->path, add->text, add->len);   /* added */
		snprintf(name, sizeof name, "gen-%03d.txt", 2 + 10 * round);          /* changed, in a */
		write_file(a, name, change->text, change->len);
		snprintf(name, sizeof name, "gen-%03d.txt", 5 + 10 * round);          /* removed, from b */
		remove_file(b, name);
		snprintf(name, sizeof name, "gen-%03d.txt", 4 + 10 * round);          /* renamed, in a */
		char *from = xasprintf("%s/%s", a, name), *to = xasprintf("%s/ren-%s", a, name);
		assert_int_equal(rename(from, to), 0);
		free(from);
		free(to);
		snprintf(name, sizeof name, "gen-%03d.txt", 6 + 10 * round);          /* moved, a to b */
		move_file(dir, "a", "b", name);
		snprintf(name, sizeof name, "gen-%03d.txt", 7 + 10 * round);          /* moved, b to a */
		move_file(dir, "b", "a", name);
		ix = open_dir(&c, dir, cache, &notice);
		if (notice)
			fail_msg("round %d: %s", round, notice);
		assert_true(indexed > 0);
		size_t nruns = check_run_map(&c, ix);
		more += nruns > index_nsegments(ix);
		assert_true(nruns < c.n / 2);
		check_fresh(&c, ix, 40, 300 + (uint64_t)round);
		const struct index_run *runs;
		index_runs(ix, &runs);
		struct index_run *saved = xmalloc(nruns * sizeof *saved);
		memcpy(saved, runs, nruns * sizeof *saved);
		index_free(ix);
		corpus_fini(&c);
		/* Read back from the manifest: nothing indexed, the same runs. */
		ix = open_dir(&c, dir, cache, &notice);
		assert_null(notice);
		assert_int_equal(indexed, 0);
		assert_int_equal(index_runs(ix, &runs), nruns);
		assert_memory_equal(runs, saved, nruns * sizeof *saved);
		check_run_map(&c, ix);
		free(saved);
		index_free(ix);
		check_list_order(dir, cache, &c, 0);
		corpus_fini(&c);
	}
	assert_true(more > 0);   /* updates cut segments into several runs */
	ix = open_dir(&c, dir, cache, &notice);
	index_free(ix);
	check_list_order(dir, cache, &c, 3);   /* a byte of the order, which ends the manifest */
	corpus_fini(&c);
	corpus_fini(&gen);
	free(a);
	free(b);
	remove_generated(root, dir, cache);
}

/* A manifest's head as index_cache.c lays it out (88 bytes), to forge manifests with. */
struct forged_head {
	char magic[8];
	uint32_t version, endian;
	uint64_t key, tables, n, nseg, notes_len, dirs_len, size, hsum, sum;
};

static unsigned char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	*len = (size_t)ftell(f);
	rewind(f);
	unsigned char *p = xmalloc(*len + 1);
	assert_int_equal(fread(p, 1, *len, f), *len);
	fclose(f);
	return p;
}

/* Bytes of a manifest after its dirs: the list order's checksum, then the order of its reports
 * (u32 each, padded to 8), which the manifest's own checksum leaves out. */
static size_t order_tail(const struct forged_head *h)
{
	return 8 + (size_t)((4 * h->n + 7) / 8 * 8);
}

/* The runs of the manifest at path (caller frees *runs); returns their number. */
static size_t manifest_runs(const char *path, struct index_run **runs)
{
	size_t len;
	unsigned char *p = read_whole(path, &len);
	struct forged_head h;
	assert_true(sizeof h == 88 && len >= sizeof h);
	memcpy(&h, p, sizeof h);
	size_t at = sizeof h + 8 * h.nseg, bytes = len - at - h.notes_len - h.dirs_len - order_tail(&h);
	*runs = xmalloc(bytes + 1);
	memcpy(*runs, p + at, bytes);
	free(p);
	return bytes / sizeof **runs;
}

/* Rewrites the manifest at path with runs[0..nruns) for its runs, its checksums made again as
 * index_cache.c makes them, so only the runs are wrong. */
static void forge_runs(const char *path, const struct index_run *runs, size_t nruns)
{
	size_t len;
	unsigned char *p = read_whole(path, &len);
	struct forged_head h;
	memcpy(&h, p, sizeof h);
	size_t at = sizeof h + 8 * h.nseg, tail = h.notes_len + h.dirs_len + order_tail(&h);
	size_t size = at + nruns * sizeof *runs + tail;
	unsigned char *q = xmalloc(size);
	memcpy(q, p, at);
	memcpy(q + at, runs, nruns * sizeof *runs);
	memcpy(q + at + nruns * sizeof *runs, p + len - tail, tail);
	h.size = size;
	h.hsum = h.sum = 0;
	h.hsum = checksum64(5, &h, sizeof h);
	uint64_t head = checksum64(4, &h, sizeof h);
	memcpy(q, &h, sizeof h);
	h.sum = head ^ checksum64(head, q + sizeof h, size - sizeof h - (order_tail(&h) - 8));
	memcpy(q, &h, sizeof h);
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(q, 1, size, f), size);
	fclose(f);
	free(p);
	free(q);
}

enum { RUNS_OVERLAP, RUNS_PAST_END, RUNS_GAP, RUNS_SHORT, RUNS_NO_SEGMENT, RUNS_SEALED_AS_IS };

/* Spoils the runs of a fresh build (one run a segment, each as long as its segment) as `how` says. */
static size_t spoil_runs(struct index_run *v, size_t n, uint32_t nseg, int how)
{
	struct index_run first = v[0];
	switch (how) {
	case RUNS_OVERLAP:   /* the first segment's run cut in two, the second half starting a report early */
		memmove(v + 2, v + 1, (n - 1) * sizeof *v);
		v[0].count = first.count / 2;
		v[1] = (struct index_run){ v[0].count, first.seg, v[0].count - 1, first.count - v[0].count };
		return n + 1;
	case RUNS_PAST_END:   /* the first run one report further on: its last is past its segment's */
		v[0].doc++;
		return n;
	case RUNS_GAP:        /* a position no run names */
		v[1].pos++;
		return n;
	case RUNS_SHORT:      /* the last positions named by no run */
		return n - 1;
	case RUNS_NO_SEGMENT:
		v[0].seg = nseg;
		return n;
	}
	return n;
}

/* Runs spoiled in a manifest that passes its checksums (written by a faulty fazhi, say) are
 * refused as any damaged manifest is: the index is built again, with the usual notice, and its
 * runs are right; the same bytes sealed unchanged are taken as they are. */
static void test_runs_damaged(void **state)
{
	(void)state;
	char root[] = "/tmp/fazhi-runs-damaged-XXXXXX", *dir, *cache, *notice = NULL;
	struct corpus c;
	struct index *ix = segmented_index(root, 50, 41, &dir, &cache, &c);
	char *manifest = index_cache_path(&c, cache), *want = NULL;
	size_t nseg = index_nsegments(ix);
	assert_true(nseg >= 3);
	index_free(ix);
	corpus_fini(&c);
	for (int how = RUNS_OVERLAP; how <= RUNS_SEALED_AS_IS; how++) {
		struct index_run *v;
		size_t n = manifest_runs(manifest, &v);
		assert_int_equal(n, nseg);
		v = xrealloc(v, (n + 2) * sizeof *v);
		forge_runs(manifest, v, spoil_runs(v, n, (uint32_t)nseg, how));
		free(v);
		ix = open_dir(&c, dir, cache, &notice);
		if (how == RUNS_SEALED_AS_IS) {   /* the forging itself spoils nothing */
			assert_null(notice);
			assert_int_equal(indexed, 0);
		} else {
			want = xasprintf("index cache %s: index file corrupt (layout); rebuilt", manifest);
			if (!notice || strcmp(notice, want) != 0)
				fail_msg("case %d: %s", how, notice ? notice : "(no notice)");
			assert_int_equal(indexed, c.n);
			free(want);
			free(notice);
		}
		assert_int_equal(check_run_map(&c, ix), index_nsegments(ix));
		nseg = index_nsegments(ix);
		check_fresh(&c, ix, 20, 40 + (uint64_t)how);
		index_free(ix);
		corpus_fini(&c);
	}
	free(manifest);
	remove_generated(root, dir, cache);
}

/* The verdict on runs[0..nruns) of n positions over segments of ndocs[0..nseg) reports, report
 * by report: every position named once, in order, by a report that exists, no report named
 * twice, and a segment's reports in corpus order. Fills seg_of and doc_of per position. */
static int runs_fine(const struct index_run *runs, size_t nruns, size_t n, const size_t *ndocs, size_t nseg,
                     size_t *seg_of, size_t *doc_of)
{
	size_t p = 0;
	for (size_t r = 0; r < nruns; r++)
		for (uint64_t j = 0; j < runs[r].count; j++, p++) {
			if (p >= n || runs[r].pos + j != p || runs[r].seg >= nseg || runs[r].doc + j >= ndocs[runs[r].seg])
				return 0;
			seg_of[p] = runs[r].seg;
			doc_of[p] = (size_t)(runs[r].doc + j);
		}
	if (p != n)
		return 0;
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++)
			if (seg_of[a] == seg_of[b] && doc_of[a] >= doc_of[b])   /* twice, or out of order */
				return 0;
	for (size_t r = 0; r < nruns; r++)
		if (runs[r].count == 0)
			return 0;
	return 1;
}

/* Runs changed at random (a field moved by a little, a run split, two swapped with or without
 * their positions, one dropped or doubled) are accepted by index_runs_ok exactly when a report-by-report reading finds them
 * sound, and then the index assembled from them locates every position where they say. */
static void test_runs_checked(void **state)
{
	(void)state;
	enum { NSEG = 3, N = 12 };
	static const size_t ndocs[NSEG] = { 3, 4, 5 };
	struct corpus c;
	corpus_init(&c);
	gen_corpus(&c, N, 77);
	uint64_t seed = 5;
	size_t accepted = 0, refused = 0;
	struct index *built[NSEG];   /* each round's parts are indexes over their blobs */
	for (size_t k = 0, first = 0; k < NSEG; first += ndocs[k], k++) {
		size_t which[8];
		for (size_t d = 0; d < ndocs[k]; d++)
			which[d] = first + d;
		built[k] = index_build_part(&c, which, ndocs[k], NULL);
	}
	for (int round = 0; round < 400; round++) {
		struct index_run v[16];
		size_t nv = 0, n = 0;
		for (uint32_t k = 0; k < NSEG; k++) {   /* one segment's reports in two runs, or one */
			uint32_t cut = (uint32_t)(gen_rand(&seed) % ndocs[k]);
			if (cut)
				v[nv++] = (struct index_run){ (uint32_t)n, k, 0, cut }, n += cut;
			v[nv++] = (struct index_run){ (uint32_t)n, k, cut, (uint32_t)ndocs[k] - cut };
			n += ndocs[k] - cut;
		}
		size_t i = gen_rand(&seed) % nv, j = gen_rand(&seed) % nv;
		int delta = (int)(gen_rand(&seed) % 5) - 2;
		switch (gen_rand(&seed) % 9) {
		case 0: v[i].pos += (uint32_t)delta; break;
		case 1: v[i].seg += (uint32_t)delta; break;
		case 2: v[i].doc += (uint32_t)delta; break;
		case 3: v[i].count += (uint32_t)delta; break;
		case 4: { struct index_run t = v[i]; v[i] = v[j]; v[j] = t; break; }
		case 7:   /* two runs swapped, the positions numbered again: sound across segments, not within one */
			if (i != j) {
				struct index_run t = v[i];
				v[i] = v[j];
				v[j] = t;
				for (size_t r = 0, at = 0; r < nv; at += v[r].count, r++)
					v[r].pos = (uint32_t)at;
			}
			break;
		case 5: memmove(v + i, v + i + 1, (nv - i - 1) * sizeof *v), nv--; break;
		case 6: memmove(v + i + 1, v + i, (nv - i) * sizeof *v), nv++; break;
		default:   /* split, which is sound */
			if (v[i].count > 1) {
				memmove(v + i + 1, v + i, (nv - i) * sizeof *v), nv++;
				v[i].count = 1;
				v[i + 1].pos++, v[i + 1].doc++, v[i + 1].count--;
			}
		}
		struct index *parts[NSEG];
		for (size_t k = 0; k < NSEG; k++) {
			size_t len;
			const void *blob = index_blob(built[k], &len);
			parts[k] = index_blob_trusted(blob, len, NULL);
		}
		size_t seg_of[64], doc_of[64];
		int want = runs_fine(v, nv, N, ndocs, NSEG, seg_of, doc_of);
		int got = index_runs_ok((const struct index **)parts, NSEG, v, nv, N);
		if (got != want)
			fail_msg("round %d: index_runs_ok %d, report by report %d", round, got, want);
		if (!got) {
			refused++;
			for (size_t k = 0; k < NSEG; k++)
				index_free(parts[k]);
			continue;
		}
		accepted++;
		struct index *ix = index_assemble(parts, NSEG, v, nv, N);
		for (size_t p = 0; p < N; p++) {
			size_t doc, k = index_locate(ix, p, &doc);
			assert_int_equal(k, seg_of[p]);
			assert_int_equal(doc, doc_of[p]);
			assert_int_equal(index_position(ix, k, doc), p);
		}
		assert_int_equal(index_deleted(ix), 0);
		index_free(ix);
	}
	assert_true(accepted > 50 && refused > 50);
	for (size_t k = 0; k < NSEG; k++)
		index_free(built[k]);
	corpus_fini(&c);
}

int main(void)
{
	setenv("FAZHI_MERGE_BYTES", "0", 1);   /* the cached indexes keep their segments, but where a test merges */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_segments_as_one),
		cmocka_unit_test(test_update_forgets),
		cmocka_unit_test(test_update_rounds),
		cmocka_unit_test(test_cached_updates),
		cmocka_unit_test(test_cached_repair),
		cmocka_unit_test(test_runs_follow_updates),
		cmocka_unit_test(test_runs_damaged),
		cmocka_unit_test(test_runs_checked),
		cmocka_unit_test(test_merge_as_built),
		cmocka_unit_test(test_merge_long_lists),
		cmocka_unit_test(test_merge_chunks),
		cmocka_unit_test(test_merge_after_updates),
		cmocka_unit_test(test_merge_refuses_damage),
		cmocka_unit_test(test_merge_refuses_long_key),
		cmocka_unit_test(test_cached_merge),
	};
	/* tests/run.sh runs this suite, the longest under the sanitizers, as two halves on two cores */
	if (getenv("FAZHI_TESTS_ONLY"))
		cmocka_set_test_filter(getenv("FAZHI_TESTS_ONLY"));
	if (getenv("FAZHI_TESTS_SKIP"))
		cmocka_set_skip_filter(getenv("FAZHI_TESTS_SKIP"));
	return cmocka_run_group_tests(tests, NULL, NULL);
}
