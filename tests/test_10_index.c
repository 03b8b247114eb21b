/* test_10_index.c — the search index: known counts, exactness against a brute-force scan for random queries, round-trip of the blob, hits and snippets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "classify.h"
#include "corpus.h"
#include "index.h"
#include "index_blob.h"
#include "query.h"
#include "search_gen.h"
#include "xmalloc.h"

static long hits_of(const struct corpus *c, const struct index_results *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strstr(c->reports[r->v[i].report]->path, name))
			return (long)r->v[i].hits;
	return 0;
}

/* Counts read off the sample files with grep -o (none of these occur in the web chrome). */
static void test_known_counts(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	assert_int_equal(c.n, 5);
	struct index *ix = index_build(&c, NULL);
	struct index_results r = { 0 };
	struct query *q = parse("行政复议");
	assert_int_equal(index_search(ix, q, 0, &r), 3);
	assert_int_equal(r.total_hits, 35);
	assert_int_equal(hits_of(&c, &r, "jingan"), 14);
	assert_int_equal(hits_of(&c, &r, "putuo"), 10);
	assert_int_equal(hits_of(&c, &r, "wujin"), 11);
	query_free(q);
	/* Full-width ＋ in the query finds the half-width + of the text. */
	q = parse("互联网＋监管");
	assert_int_equal(index_search(ix, q, 0, &r), 3);
	assert_int_equal(hits_of(&c, &r, "jingan"), 4);
	assert_int_equal(hits_of(&c, &r, "putuo"), 2);
	assert_int_equal(hits_of(&c, &r, "wujin"), 1);
	query_free(q);
	/* region: and year: filters, a limit. */
	q = parse("行政复议 year:2019..2020");
	assert_int_equal(index_search(ix, q, 0, &r), 2);
	assert_int_equal(hits_of(&c, &r, "putuo"), 0);
	query_free(q);
	q = parse("行政复议 region:普陀");
	assert_int_equal(index_search(ix, q, 0, &r), 1);
	assert_int_equal(hits_of(&c, &r, "putuo"), 10);
	query_free(q);
	q = parse("行政复议");
	assert_int_equal(index_search(ix, q, 1, &r), 1);
	assert_int_equal(r.total, 3);
	query_free(q);
	/* An absent word and an absent Latin word. */
	q = parse("量子纠缠");
	assert_int_equal(index_search(ix, q, 0, &r), 0);
	query_free(q);
	q = parse("xyzzy");
	assert_int_equal(index_search(ix, q, 0, &r), 0);
	query_free(q);
	index_results_fini(&r);
	index_free(ix);
	corpus_fini(&c);
}

/* Many random queries; each report's hits (or absence) equal the brute-force scan. */
static void check_random(struct corpus *c, int rounds, uint64_t seed)
{
	struct index *ix = index_build(c, NULL);
	struct index_results r = { 0 };
	long *want = xcalloc(c->n, sizeof *want);
	int nonempty = 0;
	for (int round = 0; round < rounds; round++) {
		char qs[256];
		if (!random_query(c, &seed, qs, sizeof qs))
			continue;
		struct query *q = parse(qs);
		index_search(ix, q, 0, &r);
		size_t expect = 0, total_hits = 0;
		for (size_t i = 0; i < c->n; i++) {
			want[i] = bf_report(c->reports[i], q);
			expect += want[i] >= 0;
			total_hits += want[i] > 0 ? (size_t)want[i] : 0;
		}
		if (r.n != expect)
			fail_msg("[%s]: %zu reports, brute force %zu", qs, r.n, expect);
		assert_int_equal(r.total_hits, total_hits);
		for (size_t i = 0; i < r.n; i++) {
			long w = want[r.v[i].report];
			if (w != (long)r.v[i].hits)
				fail_msg("[%s] in %s: %zu hits, brute force %ld", qs, c->reports[r.v[i].report]->path,
				         r.v[i].hits, w);
			if (i > 0)
				assert_true(r.v[i - 1].score >= r.v[i].score);
		}
		nonempty += r.n > 0;
		query_free(q);
	}
	assert_true(nonempty > rounds / 3);   /* the terms come from the text, so most match */
	free(want);
	index_results_fini(&r);
	index_free(ix);
}

static void test_exact_samples(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	check_random(&c, 1000, 42);
	corpus_fini(&c);
}

static void test_exact_generated(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	/* More reports than INDEX_SKIP, so the longer lists are entered through their skips. */
	gen_corpus(&c, 150, 7);
	assert_int_equal(c.n, 150);
	check_random(&c, 500, 99);
	corpus_fini(&c);
}

/* A corpus of one report is built on the caller's thread alone (two threads share the work
 * only from two reports on): its answers are exact too. */
static void test_exact_single(void **state)
{
	(void)state;
	const struct asset *a = assets;
	while (a->name && strncmp(a->name, "reports/jingan", 14) != 0)
		a++;
	assert_non_null(a->name);
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_bytes(&c, "jingan.txt", (const char *)a->data, a->size), 0);
	assert_int_equal(c.n, 1);
	check_random(&c, 300, 5);
	corpus_fini(&c);
}

/* A copy of the blob answers the same; a copy with any byte flipped is refused. */
static void test_blob_roundtrip(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct index *ix = index_build(&c, NULL);
	size_t len;
	const void *blob = index_blob(ix, &len);
	assert_true(len > 1000);
	void *copy = xmalloc(len);
	memcpy(copy, blob, len);
	char *cause = NULL;
	struct index *iy = index_from_blob(copy, len, 0, NULL, &cause);
	assert_non_null(iy);
	const char *queries[] = { "法治", "行政复议", "(一)", "app", "法", "复议 OR 诉讼 -信访", "2021年" };
	struct index_results a = { 0 }, b = { 0 };
	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		struct query *q = parse(queries[k]);
		index_search(ix, q, 0, &a);
		index_search(iy, q, 0, &b);
		assert_true(a.n > 0);
		assert_int_equal(a.n, b.n);
		assert_memory_equal(a.v, b.v, a.n * sizeof *a.v);
		query_free(q);
	}
	index_free(iy);
	uint64_t seed = 5;
	for (int k = 0; k < 50; k++) {
		size_t at = gen_rand(&seed) % len;
		((unsigned char *)copy)[at] ^= (unsigned char)(1u << (gen_rand(&seed) % 8));
		assert_null(index_from_blob(copy, len, 0, NULL, &cause));
		assert_non_null(cause);
		free(cause);
		cause = NULL;
		memcpy(copy, blob, len);
	}
	/* A resealed blob whose first path lost its NUL passes the checksum, not the tables. */
	const struct head *hd = blob;
	const struct ixdoc *d0 = (const struct ixdoc *)((const char *)blob + hd->docs_off);
	((char *)copy)[hd->pool_off + d0->path + d0->path_len] = 'x';
	((struct head *)copy)->checksum = index_blob_seal(copy, len);
	assert_null(index_from_blob(copy, len, 0, NULL, &cause));
	assert_string_equal(cause, "index file corrupt (tables)");
	free(cause);
	cause = NULL;
	/* So does one whose norm or fence no longer copies its report's length or its key. */
	const uint64_t tables[] = { hd->norms_off + 4, hd->fences_off + index_blob_fences(hd->nkeys) / 2 * 8 };
	for (size_t k = 0; k < 2; k++) {
		memcpy(copy, blob, len);
		((unsigned char *)copy)[tables[k]] ^= 1;
		((struct head *)copy)->checksum = index_blob_seal(copy, len);
		assert_null(index_from_blob(copy, len, 0, NULL, &cause));
		assert_string_equal(cause, "index file corrupt (tables)");
		free(cause);
		cause = NULL;
	}
	memcpy(copy, blob, len);
	assert_null(index_from_blob(copy, len - 8, 0, NULL, &cause));
	assert_string_equal(cause, "index file truncated");
	free(cause);
	assert_null(index_from_blob(copy, len, 1234, NULL, &cause));
	assert_string_equal(cause, "index of another corpus, or files changed since");
	free(cause);
	free(copy);
	index_results_fini(&a);
	index_results_fini(&b);
	index_free(ix);
	corpus_fini(&c);
}

/* The in-report matcher finds as many hits as the index counts, at the right bytes, and the
 * snippets show them with their section. */
static void test_hits_and_snippets(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct index *ix = index_build(&c, NULL);
	const char *queries[] = { "行政复议", "互联网＋监管", "（一）", "app", "2021-2025", "复议 OR 诉讼" };
	struct index_results r = { 0 };
	struct index_hits h = { 0 };
	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		struct query *q = parse(queries[k]);
		index_search(ix, q, 0, &r);
		assert_true(r.n > 0);
		for (size_t i = 0; i < r.n; i++) {
			const struct report *rep = c.reports[r.v[i].report];
			struct index_doc d;
			index_doc_init(&d, rep);
			assert_int_equal(index_doc_find(&d, q, &h), r.v[i].hits);
			for (size_t j = 0; j < h.n; j++) {
				assert_true(h.v[j].start >= rep->body_start && h.v[j].end <= rep->body_end);
				size_t fl;
				char *f = fold_string(rep->text + h.v[j].start, h.v[j].end - h.v[j].start, &fl);
				int found = 0;
				for (size_t t = 0; t < q->nterms; t++)
					found |= strcmp(f, q->terms[t].text) == 0;
				if (!found)
					fail_msg("[%s]: hit [%s] is not a term", queries[k], f);
				free(f);
				if (j)
					assert_true(h.v[j - 1].start <= h.v[j].start);
			}
			struct index_snippet sn[3];
			size_t ns = index_snippets(rep, &h, 40, sn, 3);
			assert_true(ns >= 1 && ns <= 3);
			for (size_t s = 0; s < ns; s++) {
				assert_true(sn[s].n >= 1);
				assert_int_equal(sn[s].section, report_section_at(rep, h.v[sn[s].first].start));
				assert_null(memchr(rep->text + sn[s].start, '\n', sn[s].end - sn[s].start));
				for (size_t m = sn[s].first; m < sn[s].first + sn[s].n; m++)
					assert_true(h.v[m].start >= sn[s].start && h.v[m].end <= sn[s].end);
			}
			index_doc_fini(&d);
		}
		query_free(q);
	}
	/* The wujin chapter 五 (一) heading holds 行政复议: its snippet carries that section. */
	struct query *q = parse("提升行政复议工作效能");
	assert_int_equal(index_search(ix, q, 0, &r), 1);
	const struct report *w = c.reports[r.v[0].report];
	assert_non_null(strstr(w->path, "wujin"));
	assert_int_equal(r.v[0].heading_hits, 1);
	struct index_doc d;
	index_doc_init(&d, w);
	index_doc_find(&d, q, &h);
	struct index_snippet sn[1];
	assert_int_equal(index_snippets(w, &h, 40, sn, 1), 1);
	const struct section *s = &w->sections[sn[0].section];
	assert_memory_equal(w->text + s->number_start, "一", 3);
	assert_int_equal(s->level, 2);
	assert_memory_equal(w->text + w->sections[s->parent].number_start, "五", 3);
	index_doc_fini(&d);
	query_free(q);
	index_hits_fini(&h);
	index_results_fini(&r);
	index_free(ix);
	corpus_fini(&c);
}

/* The snippets of a result cut from the postings equal those cut after folding the whole
 * report, hit for hit, for random queries, several widths and counts. */
static void check_result_snippets(struct corpus *c, int rounds, uint64_t seed)
{
	struct index *ix = index_build(c, NULL);
	struct index_results r = { 0 };
	struct index_hits all = { 0 }, some = { 0 };
	int compared = 0;
	for (int round = 0; round < rounds; round++) {
		char qs[256];
		if (!random_query(c, &seed, qs, sizeof qs))
			continue;
		struct query *q = parse(qs);
		size_t cells = 10 + gen_rand(&seed) % 60, max = 1 + gen_rand(&seed) % 4;
		index_search(ix, q, 8, &r);
		for (size_t i = 0; i < r.n; i++) {
			const struct report *rep = c->reports[r.v[i].report];
			struct index_doc d;
			struct index_snippet want[4], got[4];
			index_doc_init(&d, rep);
			index_doc_find(&d, q, &all);
			size_t nw = index_snippets(rep, &all, cells, want, max);
			size_t ng = index_result_snippets(ix, &r.v[i], rep, q, cells, &some, got, max);
			if (ng != nw)
				fail_msg("[%s] in %s: %zu snippets, %zu from the whole text", qs, rep->path, ng, nw);
			for (size_t k = 0; k < ng; k++) {
				assert_int_equal(got[k].start, want[k].start);
				assert_int_equal(got[k].end, want[k].end);
				assert_int_equal(got[k].section, want[k].section);
				assert_int_equal(got[k].n, want[k].n);
				for (size_t m = 0; m < got[k].n; m++) {
					assert_int_equal(some.v[got[k].first + m].start, all.v[want[k].first + m].start);
					assert_int_equal(some.v[got[k].first + m].end, all.v[want[k].first + m].end);
				}
			}
			assert_true(some.n <= all.n);
			index_doc_fini(&d);
			compared++;
		}
		query_free(q);
	}
	assert_true(compared > rounds);
	index_hits_fini(&all);
	index_hits_fini(&some);
	index_results_fini(&r);
	index_free(ix);
}

static void test_result_snippets(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	check_result_snippets(&c, 400, 11);
	corpus_fini(&c);
	corpus_init(&c);
	gen_corpus(&c, 100, 3);
	check_result_snippets(&c, 300, 12);
	corpus_fini(&c);
}

/* Only the lines that hold the snippets are folded: for a frequent word in a long report,
 * far fewer hits come back than the report holds, and the snippets still show the first. */
static void test_result_snippets_stop_early(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct index *ix = index_build(&c, NULL);
	struct query *q = parse("行政");
	struct index_results r = { 0 };
	struct index_hits h = { 0 };
	struct index_snippet sn[3];
	assert_true(index_search(ix, q, 1, &r) == 1);
	assert_true(r.v[0].hits > 20);
	assert_int_equal(index_result_snippets(ix, &r.v[0], c.reports[r.v[0].report], q, 40, &h, sn, 3), 3);
	assert_true(h.n < r.v[0].hits / 2);
	assert_int_equal(sn[0].first, 0);
	query_free(q);
	index_hits_fini(&h);
	index_results_fini(&r);
	index_free(ix);
	corpus_fini(&c);
}

/* A query of up to four random terms in the forms of the language, for the top-k tests. */
static int random_query_long(const struct corpus *c, uint64_t *seed, char *qs, size_t cap)
{
	char t[4][64];
	for (int i = 0; i < 4; i++)
		if (!random_term(c, seed, t[i], sizeof t[i]))
			return 0;
	switch (gen_rand(seed) % 6) {
	case 0: snprintf(qs, cap, "%s %s %s", t[0], t[1], t[2]); break;
	case 1: snprintf(qs, cap, "%s OR %s %s", t[0], t[1], t[2]); break;
	case 2: snprintf(qs, cap, "%s OR %s -%s -%s", t[0], t[1], t[2], t[3]); break;
	case 3: snprintf(qs, cap, "%s %s year:2016..2021", t[0], t[1]); break;
	case 4: snprintf(qs, cap, "%s%s -%s%s", t[0], t[1], t[2], t[3]); break;
	default: snprintf(qs, cap, "%s OR %s OR %s", t[0], t[1], t[2]); break;
	}
	return 1;
}

/* The snippets of each result of got that its search noted places for equal, hit for hit, those
 * cut where the postings put its hits (the same result without them); *noted counts such results. */
static void check_noted_places(struct corpus *c, const struct index *ix, const struct query *q, const char *qs,
                               const struct index_results *got, int *noted)
{
	struct index_hits a = { 0 }, b = { 0 };
	for (size_t i = 0; i < got->n; i++) {
		const struct index_result *g = &got->v[i];
		if (!g->places)
			continue;
		++*noted;
		for (size_t k = 1; k < g->nplaces; k++)
			assert_true(g->places[k - 1] <= g->places[k]);
		struct index_result plain = *g;
		plain.places = NULL;
		struct index_snippet x[4], y[4];
		const struct report *rep = c->reports[g->report];
		size_t nx = index_result_snippets(ix, g, rep, q, 30, &a, x, 4);
		size_t ny = index_result_snippets(ix, &plain, rep, q, 30, &b, y, 4);
		if (nx != ny || a.n != b.n)
			fail_msg("[%s] in %s: %zu snippets, %zu hits where the search noted places; %zu, %zu from the postings",
			         qs, rep->path, nx, a.n, ny, b.n);
		for (size_t k = 0; k < nx; k++) {
			assert_int_equal(x[k].start, y[k].start);
			assert_int_equal(x[k].end, y[k].end);
			assert_int_equal(x[k].n, y[k].n);
		}
		for (size_t k = 0; k < a.n; k++) {
			assert_int_equal(a.v[k].start, b.v[k].start);
			assert_int_equal(a.v[k].end, b.v[k].end);
		}
	}
	index_hits_fini(&a);
	index_hits_fini(&b);
}

/* One top-k search of check_top against the exhaustive results (all, and want: its first k). */
static void check_top_one(struct corpus *c, const struct index *ix, const struct query *q, const char *qs, size_t k,
                          const struct index_results *all, const struct index_results *want, struct index_results *got,
                          int *proved_fewer, int *noted)
{
	index_search_top(ix, q, k, got);
	if (got->n != want->n)
		fail_msg("[%s] top %zu: %zu results, exhaustive %zu", qs, k, got->n, want->n);
	for (size_t i = 0; i < got->n; i++) {
		const struct index_result *g = &got->v[i], *w = &want->v[i];
		if (g->report != w->report || g->hits != w->hits || g->heading_hits != w->heading_hits
		    || memcmp(&g->score, &w->score, sizeof g->score) != 0)
			fail_msg("[%s] top %zu, rank %zu: report %zu hits %zu score %.17g; exhaustive %zu %zu %.17g", qs, k,
			         i, g->report, g->hits, g->score, w->report, w->hits, w->score);
		assert_int_equal(bf_report(c->reports[g->report], q), (long)g->hits);
	}
	check_noted_places(c, ix, q, qs, got, noted);
	assert_true(got->n <= got->total && got->total <= all->total && all->total <= got->total_max);
	assert_true(got->total_hits <= all->total_hits);
	if (got->exact) {
		assert_int_equal(got->total, all->total);
		assert_int_equal(got->total_hits, all->total_hits);
	} else {
		*proved_fewer += 1;
	}
}

/* index_search_top gives index_search's first k, bit for bit (reports, hits, heading hits,
 * scores, order), for random queries and k; the shown hits equal brute force; its totals
 * bracket the exhaustive ones, and are theirs when it says they are exact. Each query is also
 * run a few reports at a time, with a proof budget small enough that the search evaluates
 * the rest of a segment after it, part way through a window, and with a first pass that keeps
 * too few candidates by bound to settle a segment, so that the windows prove the rest. */
static void check_top(struct corpus *c, int rounds, uint64_t seed, int *proved_fewer)
{
	static const size_t ks[] = { 1, 2, 3, 5, 8, 20 };
	static const size_t tunings[][3] = { { 0, 0, 0 }, { 7, 0, 0 }, { 64, 0, 2 }, { 1, 5, 0 }, { 13, 40, 1 },
		                             { 0, 3, 0 }, { 0, 0, 1 }, { 5, 0, 4 } };
	struct index *ix = index_build(c, NULL);
	struct index_results all = { 0 }, want = { 0 }, got = { 0 };
	int compared = 0, windowed = 0, noted = 0;
	for (int round = 0; round < rounds; round++) {
		char qs[512];
		if (!(round % 2 ? random_query_long(c, &seed, qs, sizeof qs) : random_query(c, &seed, qs, sizeof qs)))
			continue;
		struct query *q = parse(qs);
		size_t k = ks[gen_rand(&seed) % 6];
		index_search(ix, q, 0, &all);
		index_search(ix, q, k, &want);
		check_top_one(c, ix, q, qs, k, &all, &want, &got, proved_fewer, &noted);
		const size_t *t = tunings[1 + round % 7];
		index_top_tuning(t[0], t[1], t[2]);
		check_top_one(c, ix, q, qs, k, &all, &want, &got, &windowed, &noted);
		index_top_tuning(0, 0, 0);
		compared += got.n > 0;
		query_free(q);
	}
	assert_true(compared > rounds / 3);
	assert_true(windowed > 0);
	assert_true(noted > 0);
	index_results_fini(&all);
	index_results_fini(&want);
	index_results_fini(&got);
	index_free(ix);
}

static void test_top_samples(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	int partial = 0;
	check_top(&c, 1500, 1234, &partial);
	corpus_fini(&c);
}

/* Into c, n generated reports (seed), each `copies` times under as many names, one after another:
 * every score is tied with the copies', which only corpus order separates. */
static void tied_corpus(struct corpus *c, size_t n, uint64_t seed, int copies)
{
	struct corpus g;
	corpus_init(&g);
	gen_corpus(&g, n, seed);
	corpus_init(c);
	for (size_t i = 0; i < g.n; i++)
		for (int copy = 0; copy < copies; copy++) {
			char name[48];
			snprintf(name, sizeof name, "tie-%03zu-%d.txt", i, copy);
			assert_int_equal(corpus_add_bytes(c, name, g.reports[i]->text, g.reports[i]->len), 0);
		}
	corpus_fini(&g);
}

/* A generated corpus in which every report comes three times under three names: every score
 * is tied with two others, which only corpus order separates. */
static void test_top_generated_ties(void **state)
{
	(void)state;
	struct corpus c;
	tied_corpus(&c, 120, 21, 3);
	int partial = 0;
	check_top(&c, 800, 77, &partial);
	assert_true(partial > 50);   /* most searches stopped before proving every report */
	corpus_fini(&c);
}

/* An exhaustive search of hundreds of reports, tied in fours, lists them by score, ties in
 * corpus order, and every matching report once. */
static void test_exhaustive_order(void **state)
{
	(void)state;
	struct corpus c;
	tied_corpus(&c, 100, 5, 4);
	struct index *ix = index_build(&c, NULL);
	static const char *const queries[] = { "法治", "的", "法治 OR 行政", "year:2000..2100" };
	for (size_t q = 0; q < sizeof queries / sizeof *queries; q++) {
		char *cause = NULL;
		struct query *qy = query_parse(queries[q], strlen(queries[q]), &cause);
		assert_non_null(qy);
		struct index_results r = { 0 };
		size_t n = index_search(ix, qy, 0, &r);
		assert_true(n >= 300);   /* enough to be sorted by the radix sort */
		unsigned char *seen = calloc(c.n, 1);
		for (size_t i = 0; i < n; i++) {
			assert_false(seen[r.v[i].report]);
			seen[r.v[i].report] = 1;
			if (i == 0)
				continue;
			const struct index_result *a = &r.v[i - 1], *b = &r.v[i];
			assert_true(a->score > b->score || (a->score == b->score && a->report < b->report));
		}
		size_t ties = 0;
		for (size_t i = 1; i < n; i++)
			ties += r.v[i].score == r.v[i - 1].score;
		assert_true(ties >= n / 2);   /* the copies tie */
		free(seen);
		index_results_fini(&r);
		query_free(qy);
	}
	index_free(ix);
	corpus_fini(&c);
}

/* Known figures: 行政复议 in the samples (jingan 14, wujin 11, putuo 10 hits; read off the
 * files with grep -o): the top 2 are proved, and the totals say they may be partial. */
static void test_top_known(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct index *ix = index_build(&c, NULL);
	struct index_results r = { 0 };
	struct query *q = parse("行政复议");
	assert_int_equal(index_search_top(ix, q, 5, &r), 3);
	assert_int_equal(r.total, 3);
	assert_true(r.exact);
	assert_int_equal(r.total_hits, 35);
	assert_int_equal(index_search_top(ix, q, 1, &r), 1);
	assert_true(r.total >= 1 && r.total_max >= 3);
	query_free(q);
	/* One pair: the counts are the hits, so the totals are exact without proving anything. */
	q = parse("法治");
	struct index_results all = { 0 };
	index_search(ix, q, 0, &all);
	assert_int_equal(index_search_top(ix, q, 2, &r), 2);
	assert_true(r.exact);
	assert_int_equal(r.total, 5);
	assert_int_equal(r.total_hits, all.total_hits);
	query_free(q);
	index_results_fini(&all);
	index_results_fini(&r);
	index_free(ix);
	corpus_fini(&c);
}

/* part:, topic:, level: and issuer: select the reports the classifier and the metadata say, and
 * leave the hits of a selected report as they are without the filter. */
static void test_class_filters(void **state)
{
	(void)state;
	char *cause = NULL;
	const struct classify_model *cm = classify_default(&cause);
	assert_non_null(cm);
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct index *ix = index_build(&c, NULL);
	unsigned parts[8] = { 0 }, topics[8] = { 0 }, all_parts = 0;
	for (size_t i = 0; i < c.n; i++) {
		struct classify_paras p = { 0 };
		unsigned headed, unheaded;
		classify_report_with(cm, c.reports[i], &p);
		classify_parts_covered(c.reports[i], &p, &headed, &unheaded);
		classify_paras_fini(&p);
		parts[i] = headed | unheaded;
		all_parts |= parts[i];
		for (size_t s = 0; s < c.reports[i]->nsections; s++) {
			topics[i] |= 1u << c.reports[i]->sections[s].topic;
			if (c.reports[i]->sections[s].topic2 >= 0)
				topics[i] |= 1u << c.reports[i]->sections[s].topic2;
		}
	}
	assert_true(all_parts & (1u << CLASSIFY_PROBLEMS));
	struct index_results r = { 0 }, plain = { 0 };
	struct query *base = parse("法治");
	index_search(ix, base, 0, &plain);
	for (int k = 0; k < CLASSIFY_NONE; k++)
		for (int topic = 0; topic < 2; topic++) {
			if (!topic && k >= CLASSIFY_PREAMBLE)
				continue;
			char *s = xasprintf("%s:%s 法治", topic ? "topic" : "part", topic ? classify_topic_name(k) : classify_part_name(k));
			struct query *q = parse(s);
			index_search(ix, q, 0, &r);
			size_t want = 0;
			for (size_t i = 0; i < c.n; i++)
				want += ((topic ? topics[i] : parts[i]) >> k) & 1;
			if (r.n != want)
				fail_msg("[%s]: %zu reports, the classifier says %zu", s, r.n, want);
			for (size_t j = 0; j < r.n; j++) {
				size_t i = r.v[j].report;
				assert_true(((topic ? topics[i] : parts[i]) >> k) & 1);
				for (size_t m = 0; m < plain.n; m++)
					if (plain.v[m].report == i)
						assert_int_equal(plain.v[m].hits, r.v[j].hits);
			}
			query_free(q);
			free(s);
		}
	for (int level = 0; level < REPORT_LEVEL_COUNT; level++) {
		char *s = xasprintf("level:%s", report_level_name(level));
		struct query *q = parse(s);
		index_search(ix, q, 0, &r);
		size_t want = 0;
		for (size_t i = 0; i < c.n; i++)
			want += c.reports[i]->meta.level == level;
		assert_int_equal(r.n, want);
		query_free(q);
		free(s);
	}
	size_t with_issuer = 0;
	for (size_t i = 0; i < c.n; i++)
		if (c.reports[i]->meta.issuer) {
			char *s = xasprintf("issuer:\"%s\"", c.reports[i]->meta.issuer);
			struct query *q = parse(s);
			index_search(ix, q, 0, &r);
			int found = 0;
			for (size_t j = 0; j < r.n; j++)
				found |= r.v[j].report == i;
			assert_true(found);
			with_issuer++;
			query_free(q);
			free(s);
		}
	assert_true(with_issuer > 0);
	struct query *q = parse("issuer:不存在的机关");
	assert_int_equal(index_search(ix, q, 0, &r), 0);
	query_free(q);
	query_free(base);
	index_results_fini(&r);
	index_results_fini(&plain);
	index_free(ix);
	corpus_fini(&c);
}

/* Whether the report's region (issuer: its issuer), folded, holds want. */
static int name_holds(const struct report *r, int issuer, const char *want)
{
	const char *name = issuer ? r->meta.issuer : r->meta.region;
	char *f = fold_string(name ? name : "", name ? strlen(name) : 0, NULL);
	int in = strstr(f, want) != NULL;
	free(f);
	return in;
}

/* region: and issuer: over a segment of 48 districts, each named in two reports: a search tests
 * each district's name once, and its answers are those of the reports' own metadata, for a
 * district, a city holding 16 of them, and two filters at once. */
static void test_name_filters(void **state)
{
	(void)state;
	static const char *const cities[] = { "北京市", "天津市", "上海市" };
	static const char *const districts[3][16] = {
		{ "东城区", "西城区", "朝阳区", "海淀区", "丰台区", "石景山区", "门头沟区", "房山区", "通州区", "顺义区",
		  "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区" },
		{ "和平区", "河东区", "河西区", "南开区", "河北区", "红桥区", "东丽区", "西青区", "津南区", "北辰区",
		  "武清区", "宝坻区", "滨海新区", "宁河区", "静海区", "蓟州区" },
		{ "黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区",
		  "浦东新区", "金山区", "松江区", "青浦区", "奉贤区", "崇明区" } };
	struct corpus c;
	corpus_init(&c);
	for (int copy = 0; copy < 2; copy++)
		for (int k = 0; k < 3; k++)
			for (int d = 0; d < 16; d++) {
				char *text = xasprintf("%s%s人民政府关于%d年度法治政府建设情况的报告\n\n一、主要举措\n\n"
				                       "%s坚持依法行政，办理行政复议案件%d件。\n", cities[k], districts[k][d],
				                       2019 + copy, districts[k][d], 10 + d);
				char name[32];
				snprintf(name, sizeof name, "d%d-%d-%02d.txt", copy, k, d);
				corpus_add_bytes(&c, name, text, strlen(text));
				free(text);
			}
	setenv("FAZHI_SEGMENT_BYTES", "3000", 1);   /* several segments: the names tested are each one's */
	struct index *ix = index_build(&c, NULL);
	unsetenv("FAZHI_SEGMENT_BYTES");
	assert_true(index_nsegments(ix) >= 4);
	struct index_results r = { 0 }, top = { 0 };   /* top's scratch serves every search, as a session's does */
	size_t named = 0;
	for (size_t i = 0; i < c.n; i++) {
		const struct report *rep = c.reports[i];
		for (int issuer = 0; issuer < 2; issuer++) {
			const char *name = issuer ? rep->meta.issuer : rep->meta.region;
			if (!name)
				continue;
			named++;
			char *fold = fold_string(name, strlen(name), NULL);
			char *s = xasprintf("%s:\"%s\" 复议", issuer ? "issuer" : "region", name);
			struct query *q = parse(s);
			index_search(ix, q, 0, &r);
			size_t want = 0;
			for (size_t j = 0; j < c.n; j++)
				want += name_holds(c.reports[j], issuer, fold);
			if (r.n != want)
				fail_msg("[%s]: %zu reports, their metadata say %zu", s, r.n, want);
			for (size_t j = 0; j < r.n; j++)
				assert_true(name_holds(c.reports[r.v[j].report], issuer, fold));
			index_search_top(ix, q, 3, &top);
			assert_true(top.exact);
			assert_int_equal(top.total, want);
			query_free(q);
			free(s);
			free(fold);
		}
	}
	assert_true(named >= 96);
	static const char *const both[] = { "region:天津 复议", "region:天津 issuer:河西 复议", "region:上海市 year:2020 复议" };
	static const size_t counts[] = { 32, 2, 16 };
	for (size_t k = 0; k < 3; k++) {
		struct query *q = parse(both[k]);
		index_search(ix, q, 0, &r);
		if (r.n != counts[k])
			fail_msg("[%s]: %zu reports, not %zu", both[k], r.n, counts[k]);
		index_search_top(ix, q, 5, &top);
		assert_int_equal(top.total, counts[k]);
		query_free(q);
	}
	index_results_fini(&top);
	index_results_fini(&r);
	index_free(ix);
	corpus_fini(&c);
}

static void test_info(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct index *ix = index_build(&c, NULL);
	assert_int_equal(index_nreports(ix), 5);
	for (size_t i = 0; i < c.n; i++) {
		struct index_info in;
		index_info(ix, i, &in);
		const struct report *r = c.reports[i];
		assert_int_equal(in.path_len, strlen(r->path));
		assert_memory_equal(in.path, r->path, in.path_len);
		assert_int_equal(in.year, r->meta.year);
		if (r->meta.region)
			assert_memory_equal(in.region, r->meta.region, in.region_len);
	}
	index_free(ix);
	corpus_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_known_counts),
		cmocka_unit_test(test_exact_samples),
		cmocka_unit_test(test_exact_generated),
		cmocka_unit_test(test_exact_single),
		cmocka_unit_test(test_blob_roundtrip),
		cmocka_unit_test(test_hits_and_snippets),
		cmocka_unit_test(test_result_snippets),
		cmocka_unit_test(test_result_snippets_stop_early),
		cmocka_unit_test(test_top_known),
		cmocka_unit_test(test_top_samples),
		cmocka_unit_test(test_top_generated_ties),
		cmocka_unit_test(test_exhaustive_order),
		cmocka_unit_test(test_info),
		cmocka_unit_test(test_class_filters),
		cmocka_unit_test(test_name_filters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
