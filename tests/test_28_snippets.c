/* test_28_snippets.c — search results printed without parsing: a report's text alone with its cached digest gives the snippets, breadcrumbs and metadata the parsed report gives, for every kind of query; none is made without a digest or for a file changed since it was indexed. */
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

#include "corpus.h"
#include "index.h"
#include "query.h"
#include "report.h"
#include "sample_files.h"
#include "search_gen.h"
#include "session.h"
#include "xmalloc.h"

#define CELLS 40
#define SNIPPETS 3

/* One of each kind of query: a 2-character word, a 4-character word, a phrase, a name, a
 * full-width query for half-width text, two terms, terms found in headings, also nested, and
 * one character (looked for line by line through the body, which ends before a page's footer). */
static const char *const queries[] = {
	"复议", "行政复议", "\"依法行政\"", "欧阳明远", "２０２１年", "行政复议 法治", "工作", "案件办理", "year:2021 法治",
	"网", "办",
};
#define NQUERIES (sizeof queries / sizeof *queries)

/* Written beside the samples and the generated reports: chapters nested three deep, a name, a
 * page's footer, and a report without a heading. */
static const char made[] =
	"欧阳明远区人民政府关于2021年度法治政府建设情况的报告\n\n"
	"2021年，在区委领导下，欧阳明远同志主持法治政府建设工作。\n"
	"一、行政复议工作\n"
	"（一）行政复议案件办理\n"
	"1．全年办理行政复议案件１２３件，行政复议纠错率下降。\n"
	"2．案件办理公开透明，法治宣传同步推进。\n"
	"（二）依法行政\n"
	"坚持依法行政，欧阳明远同志带头学法。\n"
	"二、存在问题\n"
	"行政复议人员不足，法治工作仍需加强。\n"
	"\n"
	"网站地图 | 联系我们 | 网站声明\n"
	"主办单位：欧阳明远区人民政府办公室 网站标识码：3302030001\n"
	"版权所有 浙ICP备05011245号\n";
static const char plain[] =
	"关于2021年度法治工作的说明\n\n"
	"全年行政复议案件办理平稳，依法行政水平提升，欧阳明远同志提出意见。\n"
	"法治宣传覆盖全区，案件办理质量提高。\n";

static void write_file(const char *dir, const char *name, const char *text, size_t n)
{
	assert_int_equal(sample_write(dir, name, text, n), 0);
}

/* Makes dir (a mkdtemp template) with dir/r holding the samples; their paths in rdir and cache. */
static void samples_dir(char *dir, char rdir[80], char cache[80])
{
	assert_non_null(mkdtemp(dir));
	snprintf(rdir, 80, "%s/r", dir);
	snprintf(cache, 80, "%s/cache", dir);
	assert_int_equal(mkdir(rdir, 0700), 0);
	for (const struct asset *a = assets; a->name; a++)
		if (strncmp(a->name, "reports/", 8) == 0)
			write_file(rdir, a->name + 8, (const char *)a->data, a->size);
}

static void remove_dir(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

static void walk(struct corpus *c, const char *dir)
{
	corpus_init(c);
	c->lazy = 1;
	assert_int_equal(corpus_add_path(c, dir), 0);
}

/* What the query classes met, over every result compared: each must be met somewhere. */
struct met {
	size_t results, heading_hits, nested, unsectioned;
};

static void assert_same_snippets(size_t na, const struct index_snippet *a, const struct index_hits *ha, size_t nb,
                                 const struct index_snippet *b, const struct index_hits *hb)
{
	assert_int_equal(na, nb);
	for (size_t k = 0; k < na; k++) {
		assert_int_equal(a[k].start, b[k].start);
		assert_int_equal(a[k].end, b[k].end);
		assert_int_equal(a[k].section, b[k].section);
		assert_int_equal(a[k].first, b[k].first);
		assert_int_equal(a[k].n, b[k].n);
	}
	assert_int_equal(ha->n, hb->n);
	for (size_t k = 0; k < ha->n; k++) {
		assert_int_equal(ha->v[k].start, hb->v[k].start);
		assert_int_equal(ha->v[k].end, hb->v[k].end);
	}
}

static void assert_same_str(const char *a, const char *b)
{
	if (!a || !b)
		assert_true(a == b);
	else
		assert_string_equal(a, b);
}

/* Result res of q, from the digest and the text alone, is what it is from the parsed report: the
 * metadata and sections printed with it, and its snippets and hits. */
static void compare_result(struct session *s, struct corpus *c, const struct query *q, const struct index_result *res,
                           struct met *met)
{
	struct report *t = session_text_report(s, res->report);
	assert_non_null(t);
	assert_false(corpus_loaded(c, res->report));   /* the corpus keeps nothing */
	const struct report *r = corpus_get(c, res->report);
	assert_non_null(r);
	assert_string_equal(t->path, r->path);
	assert_same_str(t->meta.title, r->meta.title);
	assert_same_str(t->meta.region, r->meta.region);
	assert_int_equal(t->meta.year, r->meta.year);
	assert_int_equal(t->len, r->len);
	assert_memory_equal(t->text, r->text, r->len);
	assert_int_equal(t->nsections, r->nsections);
	for (size_t k = 0; k < r->nsections; k++) {
		assert_int_equal(t->sections[k].parent, r->sections[k].parent);
		assert_int_equal(t->sections[k].number_start, r->sections[k].number_start);
		assert_int_equal(t->sections[k].number_end, r->sections[k].number_end);
	}
	struct index_hits ht = { 0 }, hr = { 0 };
	struct index_snippet st[SNIPPETS], sr[SNIPPETS];
	size_t nt = session_result_snippets(s, res, t, q, CELLS, &ht, st, SNIPPETS);
	size_t nr = session_result_snippets(s, res, r, q, CELLS, &hr, sr, SNIPPETS);
	assert_same_snippets(nt, st, &ht, nr, sr, &hr);
	assert_true(nt > 0);
	assert_int_equal(bf_report(r, q), (long)res->hits);
	met->results++;
	met->heading_hits += res->heading_hits > 0;
	met->unsectioned += r->nsections == 0;
	for (size_t k = 0; k < nr; k++)
		met->nested += sr[k].section >= 0 && r->sections[sr[k].section].parent >= 0;
	index_hits_fini(&ht);
	index_hits_fini(&hr);
	report_free(t);
	corpus_unload(c, res->report);
}

/* Every query of qs[0..n) over the reports in dir, indexed in cache: every result of the 20
 * best compared (compare_result). */
static void compare_dir(const char *dir, const char *cache, const char *const *qs, size_t n, struct met *met)
{
	struct corpus c;
	walk(&c, dir);
	struct session *s = session_new(&c, cache, NULL);
	session_index(s);
	free(session_notice(s));
	struct index_results res = { 0 };
	for (size_t k = 0; k < n; k++) {
		struct query *q = parse(qs[k]);
		session_search_top(s, q, 20, &res);
		for (size_t i = 0; i < res.n; i++)
			compare_result(s, &c, q, &res.v[i], met);
		query_free(q);
	}
	index_results_fini(&res);
	session_free(s);
	corpus_fini(&c);
}

#define NRANDOM 40

/* The samples, the two reports above, and 60 generated ones (a sample's header and random
 * sample lines), the results of queries[] and of random queries copied from the generated text
 * compared; every kind of result is met. */
static void test_same_as_parsed(void **state)
{
	(void)state;
	char dir[64] = "/tmp/fazhi-snippets-XXXXXX", rdir[80], cache[80];
	samples_dir(dir, rdir, cache);
	write_file(rdir, "made.txt", made, sizeof made - 1);
	write_file(rdir, "plain.txt", plain, sizeof plain - 1);
	struct corpus gen;
	corpus_init(&gen);
	gen_corpus(&gen, 60, 28);
	for (size_t i = 0; i < gen.n; i++)
		write_file(rdir, gen.reports[i]->path, gen.reports[i]->text, gen.reports[i]->len);
	static char random[NRANDOM][256];
	const char *qs[NQUERIES + NRANDOM];
	size_t n = 0;
	for (size_t k = 0; k < NQUERIES; k++)
		qs[n++] = queries[k];
	uint64_t seed = 2028;
	for (size_t k = 0; k < NRANDOM; k++)
		if (random_query(&gen, &seed, random[k], sizeof random[k]))
			qs[n++] = random[k];
	corpus_fini(&gen);
	struct met met = { 0 };
	compare_dir(rdir, cache, qs, n, &met);
	assert_true(n > NQUERIES + NRANDOM / 2);
	assert_true(met.results > 200);
	assert_true(met.heading_hits > 0);
	assert_true(met.nested > 0);
	assert_true(met.unsectioned > 0);
	remove_dir(dir);
}

/* No report is made from a digest when the index keeps none (the embedded samples are indexed
 * in memory), nor for a loaded report, nor for a file changed since it was indexed: that entry
 * fails as corpus_get fails it. */
static void test_refused(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct session *s = session_new(&c, "/nonexistent", NULL);
	session_index(s);
	assert_null(session_text_report(s, 0));
	session_free(s);
	corpus_fini(&c);

	char dir[64] = "/tmp/fazhi-snippets-XXXXXX", rdir[80], cache[80];
	samples_dir(dir, rdir, cache);
	walk(&c, rdir);
	s = session_new(&c, cache, NULL);
	session_index(s);
	struct report *t = session_text_report(s, 1);   /* from the digest */
	assert_non_null(t);
	report_free(t);
	corpus_get(&c, 1);
	assert_null(session_text_report(s, 1));   /* loaded: the parse is at hand */
	write_file(rdir, corpus_path(&c, 2) + strlen(rdir) + 1, plain, sizeof plain - 1);
	assert_null(session_text_report(s, 2));
	assert_true(corpus_failed(&c, 2));
	assert_null(corpus_get(&c, 2));
	session_free(s);
	corpus_fini(&c);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_as_parsed),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
