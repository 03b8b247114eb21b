/* test_23_trend.c — one region over the years: grouping, metrics by year, parts repeated from the year before. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "classify.h"
#include "buf.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "report.h"
#include "trend.h"

/* tests/trend/putuo-2022.txt is putuo-2021 a year on: problems copied, plans rewritten, some
 * figures changed; putuo-2023.txt is 2022 a year on: problems rewritten but for one point, plans
 * kept with a few words changed, 行政应诉 not stated (tests/trend/README.md). */
#define Y2021 "assets/reports/putuo-2021.txt"
#define Y2022 "tests/trend/putuo-2022.txt"
#define Y2023 "tests/trend/putuo-2023.txt"
#define OTHER "assets/reports/wujin-2020.txt"

struct fixture {
	struct corpus c;
	struct trend t;
};

static void build(struct fixture *f, const char *const *paths, size_t n, const char *only)
{
	corpus_init(&f->c);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(corpus_add_path(&f->c, paths[i]), 0);
	const struct classify_model *cm = classify_default(NULL);
	const struct facts_model *fm = facts_default(NULL);
	assert_non_null(cm);
	assert_non_null(fm);
	trend_build(&f->t, f->c.reports, f->c.n, cm, fm, only);
}

static void fixture_fini(struct fixture *f)
{
	trend_fini(&f->t);
	corpus_fini(&f->c);
}

static const struct trend_repeat *repeat_of(const struct trend_region *g, int part)
{
	for (size_t i = 0; i < g->nrepeats; i++)
		if (g->repeats[i].part == part)
			return &g->repeats[i];
	return NULL;
}

static const struct trend_metric *metric_of(const struct trend_region *g, const char *name)
{
	int id = facts_metric_id(facts_default(NULL), name);
	assert_true(id >= 0);
	for (size_t i = 0; i < g->nmetrics; i++)
		if (g->metrics[i].metric == id)
			return &g->metrics[i];
	return NULL;
}

static void test_groups_by_region_and_year(void **state)
{
	(void)state;
	const char *const paths[] = { Y2022, OTHER, Y2021 };
	struct fixture f;
	build(&f, paths, 3, NULL);
	assert_int_equal(f.t.n, 1);   /* wujin has one year: no trend */
	const struct trend_region *g = &f.t.regions[0];
	assert_string_equal(g->region, "舟山市普陀区");
	assert_int_equal(g->nreports, 2);
	assert_int_equal(g->reports[0]->meta.year, 2021);
	assert_int_equal(g->reports[1]->meta.year, 2022);
	assert_ptr_equal(g->reports[0], f.c.reports[2]);
	fixture_fini(&f);
}

static void test_copied_part_found(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021, Y2022 };
	struct fixture f;
	build(&f, paths, 2, NULL);
	const struct trend_region *g = &f.t.regions[0];
	const struct trend_repeat *p = repeat_of(g, CLASSIFY_PROBLEMS);
	assert_non_null(p);
	assert_int_equal(p->report, 1);
	assert_int_equal(p->from, 0);
	assert_true(align_share(&p->result) == 1.0);
	/* its first sentence names the year, moved on by one: repeated with other figures */
	const struct align_text *now = trend_part(g, 1, CLASSIFY_PROBLEMS);
	int figures = 0;
	for (size_t i = 0; i < p->result.n; i++) {
		const struct align_sentence *s = &now->v[p->result.v[i].sentence];
		if (p->result.v[i].kind == ALIGN_FIGURES)
			figures |= strncmp(g->reports[1]->text + s->start, "2022年", 7) == 0;
	}
	assert_true(figures);
	/* the work done was left as it was, bar a few figures */
	assert_true(align_share(&repeat_of(g, CLASSIFY_MEASURES)->result) > 0.9);
	fixture_fini(&f);
}

static void test_rewritten_part_not_found(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021, Y2022 };
	struct fixture f;
	build(&f, paths, 2, NULL);
	const struct trend_region *g = &f.t.regions[0];
	const struct trend_repeat *p = repeat_of(g, CLASSIFY_PLANS);
	assert_non_null(p);
	assert_true(trend_part(g, 1, CLASSIFY_PLANS)->n >= 5);
	assert_true(align_share(&p->result) < 0.1);   /* its heading, 三、下一步工作重点, at most */
	fixture_fini(&f);
}

/* What was dropped: last year's sentences that stand nowhere in this year's part. The copied
 * problems keep every sentence of 2021; the rewritten plans keep few of them. */
static void test_kept_and_dropped(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021, Y2022 };
	struct fixture f;
	build(&f, paths, 2, NULL);
	const struct trend_region *g = &f.t.regions[0];
	struct align_result kept = { 0 };
	trend_kept(g, repeat_of(g, CLASSIFY_PROBLEMS), &kept);
	assert_int_equal(kept.n, trend_part(g, 0, CLASSIFY_PROBLEMS)->n);   /* nothing dropped */
	assert_true(align_share(&kept) == 1.0);
	trend_kept(g, repeat_of(g, CLASSIFY_PLANS), &kept);
	const struct align_text *before = trend_part(g, 0, CLASSIFY_PLANS);
	assert_true(before->n >= 20);
	assert_true(kept.n <= 2);   /* the heading at most: the rest was dropped */
	for (size_t m = 0; m < kept.n; m++)
		assert_true(kept.v[m].sentence < before->n && kept.v[m].other < trend_part(g, 1, CLASSIFY_PLANS)->n);
	align_result_fini(&kept);
	fixture_fini(&f);
}

static void test_metrics_line_up(void **state)
{
	(void)state;
	const char *const paths[] = { Y2022, Y2021 };
	struct fixture f;
	build(&f, paths, 2, NULL);
	const struct trend_region *g = &f.t.regions[0];
	const struct trend_metric *m = metric_of(g, "rev_received");
	assert_non_null(m);
	assert_true(m->values[0].stated && m->values[1].stated);
	assert_true(m->values[0].value == 15 && m->values[1].value == 21);
	assert_string_equal(m->values[1].unit, "件");
	/* aid_cases is stated twice a year (675, then 13 of a kind): the first counts */
	m = metric_of(g, "aid_cases");
	assert_true(m->values[0].value == 675 && m->values[1].value == 712);
	m = metric_of(g, "lit_cases");
	assert_true(m->values[0].value == 46 && m->values[1].value == 39);
	/* metrics in catalogue order, each stated in some year */
	for (size_t i = 0; i < g->nmetrics; i++) {
		assert_true(i == 0 || g->metrics[i - 1].metric < g->metrics[i].metric);
		assert_true(g->metrics[i].values[0].stated || g->metrics[i].values[1].stated);
	}
	fixture_fini(&f);
}

static const struct trend_repeat *repeat_of_year(const struct trend_region *g, int part, size_t k)
{
	for (size_t i = 0; i < g->nrepeats; i++)
		if (g->repeats[i].part == part && g->repeats[i].report == k)
			return &g->repeats[i];
	return NULL;
}

static size_t count_kind(const struct trend_repeat *p, int kind)
{
	size_t n = 0;
	for (size_t i = 0; i < p->result.n; i++)
		n += p->result.v[i].kind == kind;
	return n;
}

/* Each year is aligned with the one before it: 2023's problems keep one point of 2022's in other
 * words, and its plans are 2022's with a few words changed. */
static void test_three_years(void **state)
{
	(void)state;
	const char *const paths[] = { Y2023, Y2021, Y2022 };
	struct fixture f;
	build(&f, paths, 3, NULL);
	const struct trend_region *g = &f.t.regions[0];
	assert_int_equal(g->nreports, 3);
	assert_int_equal(g->reports[2]->meta.year, 2023);
	const struct trend_repeat *p = repeat_of_year(g, CLASSIFY_PROBLEMS, 2);
	assert_non_null(p);
	assert_int_equal(p->from, 1);
	assert_true(align_share(&p->result) > 0.2 && align_share(&p->result) < 0.7);
	assert_int_equal(count_kind(p, ALIGN_NEAR), 1);
	p = repeat_of_year(g, CLASSIFY_PLANS, 2);
	assert_true(align_share(&p->result) == 1.0);
	assert_int_equal(count_kind(p, ALIGN_NEAR), 2);
	/* 2022's rewritten plans are still new against 2021 */
	assert_true(align_share(&repeat_of_year(g, CLASSIFY_PLANS, 1)->result) < 0.1);
	/* a metric a year does not state has no value that year */
	const struct trend_metric *m = metric_of(g, "lit_cases");
	assert_true(m->values[1].stated && !m->values[2].stated);
	m = metric_of(g, "rev_received");
	assert_true(m->values[0].value == 15 && m->values[1].value == 21 && m->values[2].value == 26);
	fixture_fini(&f);
}

static void test_same_year_twice_keeps_first(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021, Y2022, Y2021 };
	struct fixture f;
	build(&f, paths, 3, NULL);
	assert_int_equal(f.t.n, 1);
	assert_int_equal(f.t.regions[0].nreports, 2);
	assert_ptr_equal(f.t.regions[0].reports[0], f.c.reports[0]);
	fixture_fini(&f);
}

static void test_only_region(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021, Y2022 };
	struct fixture f;
	build(&f, paths, 2, "舟山市普陀区");
	assert_int_equal(f.t.n, 1);
	fixture_fini(&f);
	build(&f, paths, 2, "普陀区");   /* names are matched whole */
	assert_int_equal(f.t.n, 0);
	fixture_fini(&f);
}

/* The plan needs metadata alone: unknown regions and years are left out, a region of one year is
 * no trend, the first entry of a year is kept, years ascend, regions sort by name. */
static void test_plan_from_metadata(void **state)
{
	(void)state;
	const struct trend_entry e[] = {
		{ "舟山市普陀区", 2022 }, { "常州市武进区", 2020 }, { NULL, 2021 }, { "舟山市普陀区", 0 },
		{ "舟山市普陀区", 2021 }, { "", 2021 }, { "上海市静安区", 2019 }, { "舟山市普陀区", 2022 },
		{ "上海市静安区", 2021 }, { "泗门镇", 2022 },
	};
	struct trend_plan p;
	trend_plan(&p, e, sizeof e / sizeof e[0], NULL);
	assert_int_equal(p.n, 2);
	assert_string_equal(p.regions[0].region, "上海市静安区");
	assert_int_equal(p.regions[0].n, 2);
	assert_int_equal(p.regions[0].entries[0], 6);
	assert_int_equal(p.regions[0].entries[1], 8);
	assert_string_equal(p.regions[1].region, "舟山市普陀区");
	assert_int_equal(p.regions[1].n, 2);
	assert_int_equal(p.regions[1].entries[0], 4);
	assert_int_equal(p.regions[1].entries[1], 0);   /* 2022 twice: the first given */
	trend_plan_fini(&p);
	trend_plan(&p, e, sizeof e / sizeof e[0], "泗门镇");
	assert_int_equal(p.n, 0);
	trend_plan_fini(&p);
}

/* The digests of the fixture's three reports, made as the index makes them (classified, with
 * their parts' paragraphs, when cm is given) and decoded; free with digests_fini. */
struct digests {
	struct buf bytes[3];
	struct digest d[3];
	const struct digest *dp[3];
};

static void digests_make(struct digests *g, const struct fixture *f, const struct classify_model *cm,
                         const struct facts_model *fm)
{
	memset(g, 0, sizeof *g);
	for (size_t k = 0; k < 3; k++) {
		struct classify_paras p = { 0 };
		if (cm)
			classify_report_with(cm, f->c.reports[k], &p);
		digest_of(f->c.reports[k], cm ? &p : NULL, fm, &g->bytes[k]);
		classify_paras_fini(&p);
		assert_int_equal(digest_decode(g->bytes[k].data, g->bytes[k].len, &g->d[k]), 0);
		g->dp[k] = &g->d[k];
	}
}

static void digests_fini(struct digests *g)
{
	for (size_t k = 0; k < 3; k++) {
		digest_fini(&g->d[k]);
		buf_fini(&g->bytes[k]);
	}
}

/* The metrics of a region built from its reports' digests (what the index keeps) are those
 * extracted from the reports: values, units and the sentences stating them. */
static void test_metrics_from_digests(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021, Y2022, Y2023 };
	struct fixture f;
	build(&f, paths, 3, NULL);
	const struct classify_model *cm = classify_default(NULL);
	const struct facts_model *fm = facts_default(NULL);
	struct digests dg;
	digests_make(&dg, &f, NULL, fm);
	struct trend_region g;
	trend_region_build_digested(&g, f.c.reports, dg.dp, 3, cm, fm);
	const struct trend_region *want = &f.t.regions[0];
	assert_int_equal(g.nmetrics, want->nmetrics);
	assert_true(g.nmetrics > 5);
	for (size_t i = 0; i < g.nmetrics; i++) {
		assert_int_equal(g.metrics[i].metric, want->metrics[i].metric);
		for (size_t k = 0; k < 3; k++) {
			const struct trend_value *a = &g.metrics[i].values[k], *b = &want->metrics[i].values[k];
			assert_int_equal(a->stated, b->stated);
			if (!a->stated)
				continue;
			assert_true(a->value == b->value);
			assert_string_equal(a->value_text, b->value_text);
			assert_string_equal(a->unit, b->unit);
			assert_int_equal(a->start, b->start);
			assert_int_equal(a->end, b->end);
		}
	}
	assert_int_equal(g.nrepeats, want->nrepeats);
	trend_region_fini(&g);
	digests_fini(&dg);
	fixture_fini(&f);
}

/* Two regions of a trend are the same: reports by year, metrics, and every part's sentences,
 * repeated sentences and shares. */
static void assert_same_region(const struct trend_region *g, const struct trend_region *want)
{
	assert_int_equal(g->nreports, want->nreports);
	assert_int_equal(g->nmetrics, want->nmetrics);
	for (size_t i = 0; i < g->nmetrics; i++)
		for (size_t k = 0; k < g->nreports; k++) {
			const struct trend_value *a = &g->metrics[i].values[k], *b = &want->metrics[i].values[k];
			assert_int_equal(a->stated, b->stated);
			assert_int_equal(a->start, b->start);
			assert_int_equal(a->end, b->end);
			assert_string_equal(a->value_text, b->value_text);
		}
	for (size_t k = 0; k < g->nreports * TREND_NPARTS; k++) {
		const struct align_text *a = &g->parts[k], *b = &want->parts[k];
		assert_int_equal(a->n, b->n);
		for (size_t i = 0; i < a->n; i++) {   /* field by field: the struct has padding */
			assert_int_equal(a->v[i].start, b->v[i].start);
			assert_int_equal(a->v[i].end, b->v[i].end);
			assert_true(a->v[i].hash == b->v[i].hash && a->v[i].figures == b->v[i].figures);
			assert_int_equal(a->v[i].len, b->v[i].len);
		}
	}
	assert_int_equal(g->nrepeats, want->nrepeats);
	for (size_t i = 0; i < g->nrepeats; i++) {
		const struct align_result *a = &g->repeats[i].result, *b = &want->repeats[i].result;
		assert_int_equal(g->repeats[i].part, want->repeats[i].part);
		assert_int_equal(a->n, b->n);
		assert_int_equal(a->chars, b->chars);
		assert_int_equal(a->repeated, b->repeated);
		for (size_t m = 0; m < a->n; m++) {
			assert_int_equal(a->v[m].sentence, b->v[m].sentence);
			assert_int_equal(a->v[m].other, b->v[m].other);
			assert_int_equal(a->v[m].kind, b->v[m].kind);
			assert_true(a->v[m].similarity == b->v[m].similarity);
		}
	}
}

/* The cached index's way: each report's digest, made as the index makes it (classified), gives
 * its metrics and its parts' paragraphs, so the report needs its text alone, unparsed. The
 * region is the one parsing and classifying every report gives. */
static void test_parts_from_digests_and_text(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021, Y2022, Y2023 };
	struct fixture f;
	build(&f, paths, 3, NULL);
	const struct classify_model *cm = classify_default(NULL);
	const struct facts_model *fm = facts_default(NULL);
	struct digests dg;
	digests_make(&dg, &f, cm, fm);
	struct report *text[3];
	struct corpus lazy;
	corpus_init(&lazy);
	lazy.lazy = 1;
	for (size_t k = 0; k < 3; k++) {
		assert_true(dg.d[k].paras_kept);
		assert_true(dg.d[k].nparas > 10);
		assert_int_equal(corpus_add_path(&lazy, paths[k]), 0);
		text[k] = corpus_read_text(&lazy, k);
		assert_non_null(text[k]);
		assert_int_equal(text[k]->npara, 0);   /* not parsed */
		assert_int_equal(text[k]->len, f.c.reports[k]->len);
		text[k]->meta.region = strdup(f.c.reports[k]->meta.region);
		text[k]->meta.year = f.c.reports[k]->meta.year;
		text[k]->body_start = dg.d[k].body_start;
	}
	struct trend_region g;
	trend_region_build_digested(&g, text, dg.dp, 3, cm, fm);
	assert_same_region(&g, &f.t.regions[0]);
	assert_true(g.nrepeats >= 6);
	trend_region_fini(&g);
	for (size_t k = 0; k < 3; k++)
		report_free(text[k]);
	digests_fini(&dg);
	corpus_fini(&lazy);
	fixture_fini(&f);
}

/* A lazy entry's text is read and decoded as the report's, and neither parsed nor kept. */
static void test_read_text_of_lazy_entry(void **state)
{
	(void)state;
	struct corpus lazy;
	corpus_init(&lazy);
	lazy.lazy = 1;
	assert_int_equal(corpus_add_path(&lazy, "tests/trend"), 0);
	assert_true(lazy.n >= 2);
	for (size_t i = 0; i < lazy.n; i++) {
		struct report *t = corpus_read_text(&lazy, i);
		assert_non_null(t);
		assert_int_equal(corpus_loaded(&lazy, i), 0);
		assert_int_equal(t->npara, 0);
		assert_string_equal(t->path, corpus_path(&lazy, i));
		const struct report *r = corpus_get(&lazy, i);
		assert_non_null(r);
		assert_int_equal(t->len, r->len);
		assert_memory_equal(t->text, r->text, r->len);
		report_free(t);
	}
	corpus_fini(&lazy);
}

/* A digest made without classes keeps no paragraphs: the report is then classified. */
static void test_unclassified_digest_keeps_no_parts(void **state)
{
	(void)state;
	const char *const paths[] = { Y2021 };
	struct fixture f;
	build(&f, paths, 1, NULL);
	struct buf b = { 0 };
	struct digest d = { 0 };
	digest_of(f.c.reports[0], NULL, NULL, &b);
	assert_int_equal(digest_decode(b.data, b.len, &d), 0);
	assert_int_equal(d.paras_kept, 0);
	assert_int_equal(d.nparas, 0);
	assert_int_equal(d.body_start, f.c.reports[0]->body_start);
	digest_fini(&d);
	buf_fini(&b);
	fixture_fini(&f);
}

static int teardown(void **state)
{
	(void)state;
	classify_default_free();
	facts_default_free();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_by_region_and_year),
		cmocka_unit_test(test_copied_part_found),
		cmocka_unit_test(test_rewritten_part_not_found),
		cmocka_unit_test(test_kept_and_dropped),
		cmocka_unit_test(test_metrics_line_up),
		cmocka_unit_test(test_three_years),
		cmocka_unit_test(test_same_year_twice_keeps_first),
		cmocka_unit_test(test_only_region),
		cmocka_unit_test(test_plan_from_metadata),
		cmocka_unit_test(test_metrics_from_digests),
		cmocka_unit_test(test_parts_from_digests_and_text),
		cmocka_unit_test(test_unclassified_digest_keeps_no_parts),
		cmocka_unit_test(test_read_text_of_lazy_entry),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
