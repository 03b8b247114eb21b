/* test_16_compare.c — PART × TOPIC alignment of several reports: invariants, row order, paths, cells. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "seed_report.h"

#include "compare.h"
#include "corpus.h"
#include "cue.h"
#include "parse.h"

static const struct classify_model *model(void)
{
	const struct classify_model *m = classify_default(NULL);
	assert_non_null(m);
	return m;
}

/* Every section, and every switched paragraph, is in exactly one row, the row of its part and
 * topic; a paragraph listed again for an area is so once per topic of its also mask, under its
 * part, never in the row that holds it; rows follow the taxonomy; cells keep document order. */
static void check_invariants(const struct compare *c)
{
	assert_true(c->nrows > 0);
	for (size_t row = 0; row < c->nrows; row++) {
		const struct compare_row *rw = &c->rows[row];
		if (row > 0) {
			const struct compare_row *prev = &c->rows[row - 1];
			assert_true(prev->part < rw->part || (prev->part == rw->part && prev->topic < rw->topic));
		}
		size_t items = 0;
		for (size_t k = 0; k < c->nreports; k++)
			items += compare_cell(c, row, k)->n;
		assert_true(items > 0);
	}
	for (size_t k = 0; k < c->nreports; k++) {
		const struct report *r = c->reports[k];
		const struct classify_paras *p = &c->paras[k];
		size_t *seen = xcalloc(r->nsections + 1, sizeof *seen), *pseen = xcalloc(r->npara + 1, sizeof *pseen);
		unsigned *aseen = xcalloc(r->npara + 1, sizeof *aseen);
		for (size_t row = 0; row < c->nrows; row++) {
			const struct compare_cell *cell = compare_cell(c, row, k);
			for (size_t i = cell->first; i < cell->first + cell->n; i++) {
				const struct compare_item *it = &c->items[i];
				if (it->npara == 0) {
					seen[it->section]++;
					assert_int_equal(c->rows[row].part, r->sections[it->section].part);
					assert_int_equal(c->rows[row].topic, r->sections[it->section].topic);
				} else if (!it->also) {
					for (int q = it->para; q < it->para + it->npara; q++) {
						pseen[q]++;
						assert_int_equal(c->rows[row].part, p->part[q]);
						assert_int_equal(c->rows[row].topic, p->topic[q]);
					}
				} else {
					unsigned bit = 1u << c->rows[row].topic;
					for (int q = it->para; q < it->para + it->npara; q++) {
						assert_int_equal(r->paras[q].section, it->section);
						assert_int_equal(c->rows[row].part, p->part[q]);
						assert_true(classify_para_also(p, (size_t)q) & bit);
						assert_false(aseen[q] & bit);
						aseen[q] |= bit;
						int held = classify_para_switched(r, p, (size_t)q) ? p->topic[q]
												   : r->sections[it->section].topic;
						assert_int_not_equal(c->rows[row].topic, held);
					}
				}
				if (i > cell->first)   /* document order within a cell */
					assert_true(c->items[i - 1].para < it->para);
			}
		}
		for (size_t s = 0; s < r->nsections; s++)
			assert_int_equal(seen[s], 1);
		for (size_t q = 0; q < r->npara; q++) {
			assert_int_equal(pseen[q], (size_t)classify_para_switched(r, p, q));
			assert_int_equal(aseen[q], classify_para_also(p, q));
		}
		free(seen);
		free(pseen);
		free(aseen);
	}
}

static void load_seeds(struct report **r, size_t n, const char *const *files)
{
	struct labels l = { 0 };
	labels_load(&l, "tests/data/seed-labels.tsv");
	for (size_t k = 0; k < n; k++) {
		r[k] = seed_report(files[k], &l);
		assert_non_null(r[k]);
	}
	labels_fini(&l);
}

static size_t find_row(const struct compare *c, int part, int topic)
{
	for (size_t row = 0; row < c->nrows; row++)
		if (c->rows[row].part == part && c->rows[row].topic == topic)
			return row;
	fail_msg("no row %d/%d", part, topic);
	return 0;
}

/* The headings of report k in a row, as "title|title|…". */
static void cell_titles(const struct compare *c, size_t row, size_t k, char *out, size_t cap)
{
	const struct report *r = c->reports[k];
	const struct compare_cell *cell = compare_cell(c, row, k);
	out[0] = '\0';
	for (size_t i = cell->first; i < cell->first + cell->n; i++) {
		const struct compare_item *it = &c->items[i];
		size_t len = strlen(out);
		const char *s;
		int n;
		if (it->npara) {
			s = r->text + r->paras[it->para].start;
			size_t b = 0;
			for (int ch = 0; ch < 4; ch++)   /* four characters */
				cue_char(s, strlen(s), &b);
			n = (int)b;
		} else {
			s = r->text + r->sections[it->section].title_start;
			n = (int)(r->sections[it->section].title_end - r->sections[it->section].title_start);
		}
		snprintf(out + len, cap - len, "%s%.*s", len ? "|" : "", n, s);
	}
}

static void test_seed_alignment(void **state)
{
	(void)state;
	static const char *const files[] = { "putuo-2021.txt", "wujin-2020.txt", "zhanjiang-etdz-2022.txt", "jingan-2019.txt" };
	struct report *r[4];
	load_seeds(r, 4, files);
	struct compare c;
	compare_build(&c, r, 4, model());
	check_invariants(&c);
	char got[1024];
	size_t row = find_row(&c, CLASSIFY_MEASURES, CLASSIFY_REVIEW);
	cell_titles(&c, row, 0, got, sizeof got);
	assert_string_equal(got, "发挥行政复议化解行政争议主渠道作用|进一步规范行政应诉工作");
	cell_titles(&c, row, 1, got, sizeof got);
	assert_string_equal(got, "提升行政复议工作效能|完善行政应诉工作机制");
	/* 湛江 has no section on review, but its chapter on 执法 states a measure on 负责人出庭应诉:
	 * that paragraph is listed again here, and stays in its chapter. */
	cell_titles(&c, row, 2, got, sizeof got);
	assert_string_equal(got, "(四)强");
	const struct compare_item *it = &c.items[compare_cell(&c, row, 2)->first];
	assert_true(it->also);
	assert_int_equal(it->section, seed_section(r[2], "(四)强化规范引领"));
	assert_false(classify_para_switched(r[2], &c.paras[2], (size_t)it->para));
	cell_titles(&c, row, 3, got, sizeof got);
	assert_string_equal(got, "落实行政负责人出庭应诉制度|提升行政复议规范化水平");
	/* Problems: two headed chapters and two unheaded paragraphs in one row. */
	row = find_row(&c, CLASSIFY_PROBLEMS, CLASSIFY_GENERAL);
	cell_titles(&c, row, 0, got, sizeof got);
	assert_string_equal(got, "存在问题");
	cell_titles(&c, row, 1, got, sizeof got);
	assert_string_equal(got, "2020");
	cell_titles(&c, row, 2, got, sizeof got);
	assert_string_equal(got, "我区在推");
	cell_titles(&c, row, 3, got, sizeof got);
	assert_string_equal(got, "2019年度推进法治政府建设存在的不足");
	/* 武进's unheaded plans, 一是…五是, sit in the plans rows by topic. */
	row = find_row(&c, CLASSIFY_PLANS, CLASSIFY_LEADERSHIP);
	cell_titles(&c, row, 1, got, sizeof got);
	assert_string_equal(got, "一是强化");
	/* Its 五是 point on 矛盾纠纷 also plans 行政复议, which no plans section of it names. */
	cell_titles(&c, find_row(&c, CLASSIFY_PLANS, CLASSIFY_REVIEW), 1, got, sizeof got);
	assert_string_equal(got, "五是依法");
	assert_int_equal(compare_row_of(&c, 3, seed_section(r[3], "(七)法治政府建设保障方面")),
			 find_row(&c, CLASSIFY_MEASURES, CLASSIFY_LEADERSHIP));
	compare_fini(&c);
	for (size_t k = 0; k < 4; k++)
		report_free(r[k]);
}

static struct report *invented(const char *text, const char *path)
{
	return parse_report(xstrdup(text), strlen(text), path);
}

/* Reports written for this test: figures of one area inside a chapter on another are listed in
 * their area's row too; a passing mention is not. */
static void test_paragraph_rows(void **state)
{
	(void)state;
	struct report *r[2];
	r[0] = invented("关于2022年度法治政府建设情况的报告\n"
			"一、2022年工作开展情况\n"
			"（一）严格规范公正文明执法\n"
			"全面推行行政执法三项制度，开展行政执法案卷评查两次，执法人员持证上岗率100%。\n"
			"全年共收到行政复议申请56件，受理50件，审结48件，纠错6件，行政复议纠错率12.5%。\n"
			"（二）深化政务公开\n"
			"主动公开政府信息1200条，行政复议决定书依法公开。\n"
			"二、存在问题\n"
			"执法队伍专业化水平有待进一步提高。\n"
			"三、2023年工作安排\n"
			"（一）深化行政执法体制改革\n"
			"推进综合行政执法。\n",
			"a.txt");
	r[1] = invented("关于2022年度法治政府建设情况的报告\n"
			"一、2022年工作开展情况\n"
			"（一）提升行政复议工作质效\n"
			"全年办理行政复议案件80件。\n"
			"二、下一步工作打算\n"
			"（一）加强行政应诉工作\n"
			"落实行政机关负责人出庭应诉制度。\n",
			"b.txt");
	struct compare c;
	compare_build(&c, r, 2, model());
	check_invariants(&c);
	char got[1024];
	size_t row = find_row(&c, CLASSIFY_MEASURES, CLASSIFY_REVIEW);
	cell_titles(&c, row, 0, got, sizeof got);
	assert_string_equal(got, "全年共收");
	cell_titles(&c, row, 1, got, sizeof got);
	assert_string_equal(got, "提升行政复议工作质效");
	/* The figures stay in the 执法 section's text; the 政务公开 paragraph mentions 行政复议 in passing. */
	int k = -1;
	for (size_t q = 0; q < r[0]->npara; q++)
		if (strncmp(r[0]->text + r[0]->paras[q].start, "主动公开", strlen("主动公开")) == 0)
			k = (int)q;
	assert_true(k >= 0);
	assert_int_equal(classify_para_also(&c.paras[0], (size_t)k), 0);
	assert_int_equal(c.paras[0].part[k - 2], CLASSIFY_MEASURES);
	assert_int_equal(c.paras[0].topic[k - 2], CLASSIFY_REVIEW);
	compare_fini(&c);
	report_free(r[0]);
	report_free(r[1]);
}

static void test_path_and_label(void **state)
{
	(void)state;
	static const char *const files[] = { "jingan-2019.txt" };
	struct report *r;
	load_seeds(&r, 1, files);
	int s = seed_section(r, "3.实施评估工作方案3.0版"), path[4];
	assert_true(s >= 0);
	assert_int_equal(compare_path(r, s, path, 4), 3);
	const char *want[] = { "一", "三", "3" };
	for (int d = 0; d < 3; d++) {
		const struct section *sec = &r->sections[path[d]];
		assert_int_equal(sec->number_end - sec->number_start, strlen(want[d]));
		assert_memory_equal(r->text + sec->number_start, want[d], strlen(want[d]));
	}
	assert_int_equal(path[2], s);
	int top = path[0];
	assert_int_equal(r->sections[top].parent, -1);
	/* A short array keeps the top of the path. */
	assert_int_equal(compare_path(r, s, path, 1), 1);
	assert_int_equal(path[0], top);
	report_free(r);
	struct buf b = { 0 };
	compare_label(CLASSIFY_MEASURES, CLASSIFY_REVIEW, &b);
	assert_string_equal(b.data, "举措成效 · 行政复议与行政应诉");
	buf_reset(&b);
	compare_label(CLASSIFY_PROBLEMS, CLASSIFY_GENERAL, &b);
	assert_string_equal(b.data, "问题不足");
	buf_fini(&b);
}

/* The same invariants on reports read by the parser, all five samples at once. */
static void test_parsed_corpus(void **state)
{
	(void)state;
	struct corpus co;
	corpus_init(&co);
	corpus_add_embedded(&co);
	assert_int_equal(co.n, 5);
	struct compare c;
	compare_build(&c, co.reports, co.n, model());
	check_invariants(&c);
	assert_true(find_row(&c, CLASSIFY_PLANS, CLASSIFY_ENFORCEMENT) > find_row(&c, CLASSIFY_PROBLEMS, CLASSIFY_GENERAL));
	compare_fini(&c);
	corpus_fini(&co);
}

static void test_empty_and_single(void **state)
{
	(void)state;
	struct report empty = { 0 };
	struct report *one = &empty;
	empty.text = "", empty.path = "x";
	struct compare c;
	compare_build(&c, &one, 1, model());
	assert_int_equal(c.nrows, 0);
	assert_int_equal(c.nitems, 0);
	compare_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_alignment),
		cmocka_unit_test(test_paragraph_rows),
		cmocka_unit_test(test_path_and_label),
		cmocka_unit_test(test_parsed_corpus),
		cmocka_unit_test(test_empty_and_single),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	classify_default_free();
	return failed;
}
