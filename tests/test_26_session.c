/* test_26_session.c — the search session: one index per corpus, damaged cache files (postings or tables) rebuilt during searches, counts and snippets, and the orders of results. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "corpus.h"
#include "index.h"
#include "query.h"
#include "sample_files.h"
#include "session.h"
#include "xmalloc.h"

#define QUERY "行政复议"

/* dir/r holds the five samples; dir/cache is the cache directory. */
static char dir[64], rdir[80], cache[80], *files[5];
static const struct asset *src[5];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/fazhi-session-XXXXXX");
	return sample_files_make(dir, rdir, cache, files, src);
}

static int teardown(void **state)
{
	(void)state;
	return sample_files_remove(dir, files);
}

static void walk(struct corpus *c)
{
	corpus_init(c);
	c->lazy = 1;
	assert_int_equal(corpus_add_path(c, rdir), 0);
	assert_int_equal(c->n, 5);
}

static struct query *parse(const char *s)
{
	char *cause = NULL;
	struct query *q = query_parse(s, strlen(s), &cause);
	assert_non_null(q);
	return q;
}

/* The cache file of the samples, written by a session; returns its manifest's path (caller frees). */
static char *written_cache(void)
{
	struct corpus c;
	walk(&c);
	struct session *s = session_new(&c, cache, NULL);
	session_index(s);
	free(session_notice(s));
	session_free(s);
	char *path = index_cache_path(&c, cache);
	corpus_fini(&c);
	return path;
}

/* The cache file of the samples, written by a session, then its postings damaged all through. */
static void damaged_cache(void)
{
	char *path = written_cache();
	uint64_t len = sample_postings_damage(path);
	assert_true(len > 0 && len < (1u << 20));   /* one block: every search reads it */
	free(path);
}

static void assert_results_equal(const struct index_results *a, const struct index_results *b)
{
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->total, b->total);
	assert_int_equal(a->total_hits, b->total_hits);
	for (size_t i = 0; i < a->n; i++) {
		assert_int_equal(a->v[i].report, b->v[i].report);
		assert_int_equal(a->v[i].hits, b->v[i].hits);
		assert_int_equal(a->v[i].heading_hits, b->v[i].heading_hits);
		assert_true(a->v[i].score == b->v[i].score);
	}
}

/* The notice of a rebuild names the damage; the session has nothing more to say after. */
static void assert_rebuilt_after(struct session *s, const char *damage)
{
	char *notice = session_notice(s);
	assert_non_null(notice);
	if (!strstr(notice, damage))
		fail_msg("notice [%s], expected [%s]", notice, damage);
	assert_non_null(strstr(notice, "rebuilt"));
	free(notice);
	assert_null(session_notice(s));
}

static void assert_rebuilt(struct session *s)
{
	assert_rebuilt_after(s, "checksum of the postings");
}

typedef size_t (*search_fn)(struct session *, const struct query *, size_t, struct index_results *);
typedef size_t (*index_fn)(const struct index *, const struct query *, size_t, struct index_results *);

/* A search through a damaged cache file gives what a fresh build gives, and the file is good
 * after. Returns the number of results. */
static size_t search_through_damage(search_fn search, index_fn fresh_search, const char *query, size_t limit)
{
	damaged_cache();
	struct corpus c;
	walk(&c);
	struct query *q = parse(query);
	struct index *fresh = index_build(&c, NULL);
	struct index_results want = { 0 }, got = { 0 };
	fresh_search(fresh, q, limit, &want);
	assert_true(want.n > 0);
	struct session *s = session_new(&c, cache, NULL);
	assert_non_null(session_index(s));
	assert_null(session_notice(s));          /* the postings are not read to open it */
	assert_int_equal(search(s, q, limit, &got), want.n);
	assert_results_equal(&got, &want);
	assert_rebuilt(s);
	search(s, q, limit, &got);               /* the rebuilt index answers alike */
	assert_results_equal(&got, &want);
	assert_null(session_notice(s));
	session_free(s);
	s = session_new(&c, cache, NULL);        /* and the file it wrote is good */
	search(s, q, limit, &got);
	assert_results_equal(&got, &want);
	assert_null(session_notice(s));
	session_free(s);
	size_t n = want.n;
	index_results_fini(&want);
	index_results_fini(&got);
	index_free(fresh);
	query_free(q);
	corpus_fini(&c);
	return n;
}

static void test_search_rebuilds(void **state)
{
	(void)state;
	search_through_damage(session_search, index_search, QUERY, 0);
}

static void test_search_top_rebuilds(void **state)
{
	(void)state;
	search_through_damage(session_search_top, index_search_top, QUERY, 2);
}

/* The counts of every report (the reports pane's): an exhaustive search without a limit. */
static void test_counts_rebuild(void **state)
{
	(void)state;
	assert_int_equal(search_through_damage(session_search, index_search, QUERY " OR 法治", 0), 5);
}

/* Snippets are the first call to read the damaged postings: they come out as a fresh build's. */
static void test_snippets_rebuild(void **state)
{
	(void)state;
	damaged_cache();
	struct corpus c;
	walk(&c);
	struct query *q = parse(QUERY);
	struct index *fresh = index_build(&c, NULL);
	struct index_results res = { 0 };
	assert_true(index_search(fresh, q, 0, &res) > 0);
	const struct report *r = corpus_load(&c, res.v[0].report);
	struct index_hits wh = { 0 }, gh = { 0 };
	struct index_snippet want[3], got[3];
	size_t nw = index_result_snippets(fresh, &res.v[0], r, q, 40, &wh, want, 3);
	assert_true(nw > 0);
	struct session *s = session_new(&c, cache, NULL);
	assert_int_equal(session_result_snippets(s, &res.v[0], r, q, 40, &gh, got, 3), nw);
	assert_rebuilt(s);
	for (size_t i = 0; i < nw; i++) {
		assert_int_equal(got[i].start, want[i].start);
		assert_int_equal(got[i].end, want[i].end);
		assert_int_equal(got[i].section, want[i].section);
		assert_int_equal(got[i].n, want[i].n);
		assert_memory_equal(&gh.v[got[i].first], &wh.v[want[i].first], want[i].n * sizeof *wh.v);
	}
	session_free(s);
	index_hits_fini(&wh);
	index_hits_fini(&gh);
	index_results_fini(&res);
	index_free(fresh);
	query_free(q);
	corpus_fini(&c);
}

/* ---- damaged tables ---- */

/* The one segment file of the samples' cache (caller frees). */
static char *segment_file(const char *manifest)
{
	char *pattern = xasprintf("%.*s/segment-*.bin", (int)(strrchr(manifest, '/') - manifest), manifest);
	glob_t g;
	assert_int_equal(glob(pattern, 0, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 1);
	char *path = xstrdup(g.gl_pathv[0]);
	globfree(&g);
	free(pattern);
	return path;
}

static void read_at(const char *path, uint64_t at, void *p, size_t n)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)at, SEEK_SET), 0);
	assert_int_equal(fread(p, 1, n, f), n);
	fclose(f);
}

static void flip_at(const char *path, uint64_t at)
{
	unsigned char b;
	read_at(path, at, &b, 1);
	b ^= 0x20;
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, (long)at, SEEK_SET), 0);
	assert_int_equal(fputc(b, f), b);
	fclose(f);
}

/* What a table case reads: a byte of the segment (its head h), chosen where the query reads
 * whatever the lookups do: a middle entry of a binary search is its first probe. doc is the
 * top report of QUERY; *word gets a word the query must look up too, or stays empty. */
struct table_case {
	const char *region;
	uint64_t (*where)(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap);
	int snippets;   /* the damage is read by the snippets, not the search */
	int at_open;    /* OPEN: by the open, which reads every report's path; EITHER: by the open or
	                 * the query (the samples' words, pool and lines are so small that their
	                 * checksummed blocks hold paths too) */
};
enum { QUERY_ONLY, OPEN, EITHER };

static uint64_t in_docs(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap)
{
	(void)seg, (void)word, (void)cap;
	return h->docs_off + doc * sizeof(struct ixdoc) + offsetof(struct ixdoc, units);
}

static uint64_t in_norms(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap)
{
	(void)seg, (void)word, (void)cap;
	return h->norms_off + doc * sizeof(uint32_t);   /* BM25 reads it */
}

/* The middle fence, the first read of every key lookup. */
static uint64_t in_fences(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap)
{
	(void)seg, (void)doc, (void)word, (void)cap;
	assert_true(index_blob_fences(h->nkeys) > 1);
	return h->fences_off + index_blob_fences(h->nkeys) / 2 * sizeof(uint64_t);
}

/* The key of the query's first pair, which its lookup reads. */
static uint64_t in_keys(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap)
{
	(void)doc, (void)word, (void)cap;
	uint64_t want = index_blob_pair_key(0x884C, 0x653F);   /* 行政 */
	for (uint64_t i = 0; i < h->nkeys; i++) {
		struct ixkey k;
		read_at(seg, h->keys_off + i * sizeof k, &k, sizeof k);
		if (k.key == want)
			return h->keys_off + i * sizeof k + offsetof(struct ixkey, key);
	}
	fail_msg("no key 行政");
	return 0;
}

/* The middle word, which the query names. */
static struct ixword middle_word(const char *seg, const struct head *h, char *word, size_t cap)
{
	struct ixword w;
	assert_true(h->nwords > 0);
	read_at(seg, h->words_off + h->nwords / 2 * sizeof w, &w, sizeof w);
	assert_true(w.len > 0 && w.len < cap);
	read_at(seg, h->pool_off + w.off, word, w.len);
	word[w.len] = '\0';
	return w;
}

static uint64_t in_words(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap)
{
	(void)doc;
	middle_word(seg, h, word, cap);
	return h->words_off + h->nwords / 2 * sizeof(struct ixword) + offsetof(struct ixword, off);
}

static uint64_t in_pool(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap)
{
	(void)doc;
	return h->pool_off + middle_word(seg, h, word, cap).off;
}

static uint64_t in_lines(const char *seg, const struct head *h, uint32_t doc, char *word, size_t cap)
{
	(void)word, (void)cap;
	struct ixdoc d;
	read_at(seg, h->docs_off + doc * sizeof d, &d, sizeof d);
	assert_true(d.nlines > 0);
	return h->lines_off + d.lines;
}

/* One byte of a table flipped in the cached segment: the first query that reads it finds it
 * (the open reads the reports' entries, to match their paths, and nothing else of the tables),
 * and the answer (results or snippets) is a fresh build's. */
static void table_damage_found(const struct table_case *tc)
{
	struct corpus c;
	walk(&c);
	struct query *q = parse(QUERY);
	struct index *fresh = index_build(&c, NULL);
	struct index_results res = { 0 };
	assert_true(index_search(fresh, q, 0, &res) > 0);
	size_t top = res.v[0].report;
	query_free(q);

	char *manifest = written_cache(), *seg = segment_file(manifest);
	struct head h;
	read_at(seg, 0, &h, sizeof h);
	assert_int_equal(h.ndocs, 5);   /* one segment, its reports in corpus order */
	char word[64] = "", *text;
	flip_at(seg, tc->where(seg, &h, (uint32_t)top, word, sizeof word));
	text = *word ? xasprintf("%s OR %s", QUERY, word) : xstrdup(QUERY);
	q = parse(text);

	struct session *s = session_new(&c, cache, NULL);
	assert_non_null(session_index(s));
	char *opened = session_notice(s);
	if (tc->at_open == OPEN && !(opened && strstr(opened, "checksum of the tables")))
		fail_msg("opened with [%s]", opened ? opened : "(none)");
	if (tc->at_open == QUERY_ONLY && opened)
		fail_msg("opened with [%s]", opened);   /* the tables are not read to open it */
	if (opened)
		assert_non_null(strstr(opened, "checksum of the tables"));
	int found = opened != NULL;
	free(opened);
	if (!tc->snippets) {
		struct index_results want = { 0 }, got = { 0 };
		index_search(fresh, q, 0, &want);
		assert_true(want.n > 0);
		assert_int_equal(session_search(s, q, 0, &got), want.n);
		if (!found)
			assert_rebuilt_after(s, "checksum of the tables");
		assert_results_equal(&got, &want);
		index_results_fini(&want);
		index_results_fini(&got);
	} else {
		const struct report *r = corpus_load(&c, top);
		struct index_hits wh = { 0 }, gh = { 0 };
		struct index_snippet want[3], got[3];
		size_t nw = index_result_snippets(fresh, &res.v[0], r, q, 40, &wh, want, 3);
		assert_true(nw > 0);
		assert_int_equal(session_result_snippets(s, &res.v[0], r, q, 40, &gh, got, 3), nw);
		if (!found)
			assert_rebuilt_after(s, "checksum of the tables");
		for (size_t i = 0; i < nw; i++) {
			assert_int_equal(got[i].start, want[i].start);
			assert_int_equal(got[i].end, want[i].end);
			assert_int_equal(got[i].n, want[i].n);
			assert_memory_equal(&gh.v[got[i].first], &wh.v[want[i].first], want[i].n * sizeof *wh.v);
		}
		index_hits_fini(&wh);
		index_hits_fini(&gh);
	}
	session_free(s);
	free(text);
	free(seg);
	free(manifest);
	index_results_fini(&res);
	index_free(fresh);
	query_free(q);
	corpus_fini(&c);
}

static void test_tables_checked_on_use(void **state)
{
	(void)state;
	static const struct table_case cases[] = {
		{ "docs", in_docs, 0, OPEN }, { "norms", in_norms, 0, EITHER }, { "keys", in_keys, 0, QUERY_ONLY },
		{ "fences", in_fences, 0, QUERY_ONLY }, { "words", in_words, 0, EITHER },
		{ "pool", in_pool, 0, EITHER }, { "lines", in_lines, 1, EITHER },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		print_message("%s\n", cases[i].region);
		table_damage_found(&cases[i]);
	}
}

/* Opening: the cache alone builds nothing; the index is opened once and then kept; the metadata
 * come from it; the samples compiled in get no cache file. */
static void test_open_once(void **state)
{
	(void)state;
	char *empty = xasprintf("%s/empty-cache", dir);
	struct corpus c;
	walk(&c);
	struct session *s = session_new(&c, empty, NULL);
	struct corpus_meta m;
	assert_int_equal(session_meta(s, 0, &m), -1);   /* nothing open */
	assert_null(session_cached(s));
	assert_null(session_notice(s));
	const struct index *ix = session_index(s);
	assert_non_null(ix);
	assert_ptr_equal(session_cached(s), ix);
	assert_ptr_equal(session_index(s), ix);
	struct index_info in;
	index_info(ix, 2, &in);
	assert_int_equal(session_meta(s, 2, &m), 0);
	assert_ptr_equal(m.region, in.region_len ? in.region : NULL);
	assert_int_equal(m.year, in.year);
	session_free(s);
	s = session_new(&c, empty, NULL);
	assert_non_null(session_cached(s));   /* the file the first one wrote */
	session_free(s);
	corpus_fini(&c);

	char *samples = xasprintf("%s/samples-cache", dir);
	corpus_init(&c);
	corpus_add_embedded(&c);
	s = session_new(&c, samples, NULL);
	assert_non_null(session_index(s));
	struct stat st;
	assert_int_equal(stat(samples, &st), -1);   /* built in memory */
	session_free(s);
	corpus_fini(&c);
	free(samples);
	free(empty);
}

static const char *region_of(struct corpus *c, const struct index_result *r)
{
	struct corpus_meta m;
	corpus_meta(c, r->report, &m);
	return m.region ? m.region : "";
}

static int year_of(struct corpus *c, const struct index_result *r)
{
	struct corpus_meta m;
	corpus_meta(c, r->report, &m);
	return m.year;
}

/* Rank as a search gives it: score, most first, ties in corpus order. */
static int ranked_before(const struct index_result *a, const struct index_result *b)
{
	return a->score > b->score || (a->score == b->score && a->report < b->report);
}

/* By relevance, a region's reports are neighbours, ranked; regions go by their best report. */
static void assert_grouped(struct corpus *c, const struct index_results *r)
{
	for (size_t i = 1; i < r->n; i++) {
		const char *a = region_of(c, &r->v[i - 1]), *b = region_of(c, &r->v[i]);
		if (strcmp(a, b) == 0) {
			assert_true(ranked_before(&r->v[i - 1], &r->v[i]));
			continue;
		}
		for (size_t k = i + 1; k < r->n; k++)
			assert_string_not_equal(region_of(c, &r->v[k]), a);   /* the run of a is over */
	}
	/* The first of each run ranks before the first of the next. */
	for (size_t i = 1, first = 0; i < r->n; i++)
		if (strcmp(region_of(c, &r->v[i - 1]), region_of(c, &r->v[i])) != 0) {
			assert_true(ranked_before(&r->v[first], &r->v[i]));
			first = i;
		}
}

static void test_orders(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct session *s = session_new(&c, NULL, NULL);
	struct query *q = parse("法治");
	struct index_results r = { 0 }, all = { 0 };
	session_search(s, q, 0, &all);
	assert_true(all.n >= 5);

	session_search_top(s, q, 2, &r);
	session_order(s, q, &r, SESSION_BY_HITS);   /* needs every match: searched again */
	assert_int_equal(r.n, all.n);
	for (size_t i = 1; i < r.n; i++)
		assert_true(r.v[i - 1].hits >= r.v[i].hits);

	session_order(s, q, &r, SESSION_BY_REGION);
	for (size_t i = 1; i < r.n; i++) {
		int c1 = strcmp(region_of(&c, &r.v[i - 1]), region_of(&c, &r.v[i]));
		assert_true(c1 < 0 || (c1 == 0 && year_of(&c, &r.v[i - 1]) >= year_of(&c, &r.v[i])));
	}

	session_order(s, q, &r, SESSION_BY_YEAR);
	for (size_t i = 1; i < r.n; i++)
		assert_true(year_of(&c, &r.v[i - 1]) >= year_of(&c, &r.v[i]));

	session_order(s, q, &r, SESSION_BY_RELEVANCE);   /* from any order, not only the rank */
	assert_int_equal(r.n, all.n);
	assert_grouped(&c, &r);
	struct index_results again = { 0 };
	session_search(s, q, 0, &again);
	session_order(s, q, &again, SESSION_BY_RELEVANCE);
	for (size_t i = 0; i < r.n; i++)
		assert_int_equal(r.v[i].report, again.v[i].report);
	assert_string_equal(session_order_names[SESSION_BY_YEAR], "year");

	index_results_fini(&again);
	index_results_fini(&r);
	index_results_fini(&all);
	query_free(q);
	session_free(s);
	corpus_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search_rebuilds),
		cmocka_unit_test(test_search_top_rebuilds),
		cmocka_unit_test(test_counts_rebuild),
		cmocka_unit_test(test_snippets_rebuild),
		cmocka_unit_test(test_tables_checked_on_use),
		cmocka_unit_test(test_open_once),
		cmocka_unit_test(test_orders),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
