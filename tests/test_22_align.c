/* test_22_align.c — sentence alignment: cutting, normal forms, fingerprints, shares of repeated text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "align.h"

static const char problems_2021[] =
	"一是法治建设统筹推进力度还不够，部分部门对法治政府建设重要性认识不足。"
	"二是行政执法人员业务能力有待提升，执法不规范问题仍有发生。\n"
	"三是基层法治力量相对薄弱，镇街法治审核人员配备不足；"
	"四是法治宣传的针对性和实效性有待进一步增强！";

static const char plans_rewritten[] =
	"明年将深化综合行政执法改革，推进执法事项清单动态调整。"
	"完善重大行政决策目录化管理，提高公众参与度。\n"
	"加快数字政府建设，打造一网通办升级版；"
	"开展领导干部年度述法，压实第一责任人职责。";

static double share_of(const char *now, const char *before, struct align_result *res)
{
	struct align_text a = { 0 }, b = { 0 };
	align_text_add(&a, now, strlen(now), 0);
	align_text_add(&b, before, strlen(before), 0);
	align_texts(&a, &b, res);
	double share = align_share(res);
	align_text_fini(&a);
	align_text_fini(&b);
	return share;
}

static void test_cut(void **state)
{
	(void)state;
	struct align_text t = { 0 };
	align_text_add(&t, problems_2021, strlen(problems_2021), 100);
	assert_int_equal(t.n, 4);
	/* ranges point into the text plus base, terminators kept, the line end left out */
	assert_int_equal(t.v[0].start, 100);
	const char *second = strstr(problems_2021, "二是");
	assert_int_equal(t.v[1].start, 100 + (size_t)(second - problems_2021));
	assert_int_equal(problems_2021[t.v[1].end - 100 - 1], '\x82');   /* 。 is E3 80 82 */
	assert_memory_equal(problems_2021 + t.v[3].end - 100 - 3, "！", 3);
	/* blanks and punctuation are not characters of a sentence */
	size_t chars = 0;
	for (size_t i = 0; i < t.n; i++)
		chars += t.v[i].len;
	assert_int_equal(chars, t.chars);
	assert_int_equal(t.v[0].len, 15 + 18);   /* 一是…还不够 and 部分…不足, without ， and 。 */
	align_text_fini(&t);
}

static void test_decimal_point_does_not_cut(void **state)
{
	(void)state;
	struct align_text t = { 0 };
	const char s[] = "行政机关负责人出庭应诉率达97.82%，较上年提高2.1个百分点。";
	align_text_add(&t, s, strlen(s), 0);
	assert_int_equal(t.n, 1);
	align_text_fini(&t);
}

static void test_identical_is_all_repeated(void **state)
{
	(void)state;
	struct align_result res = { 0 };
	assert_true(share_of(problems_2021, problems_2021, &res) == 1.0);
	assert_int_equal(res.n, 4);
	for (size_t i = 0; i < res.n; i++) {
		assert_int_equal(res.v[i].kind, ALIGN_SAME);
		assert_int_equal(res.v[i].other, res.v[i].sentence);
	}
	align_result_fini(&res);
}

static void test_rewritten_is_not(void **state)
{
	(void)state;
	struct align_result res = { 0 };
	double share = share_of(plans_rewritten, problems_2021, &res);
	assert_true(share < 0.05);
	assert_int_equal(res.n, 0);
	align_result_fini(&res);
}

static void test_shuffled_still_repeated(void **state)
{
	(void)state;
	const char shuffled[] =
		"四是法治宣传的针对性和实效性有待进一步增强。"
		"二是行政执法人员业务能力有待提升，执法不规范问题仍有发生。"
		"一是法治建设统筹推进力度还不够，部分部门对法治政府建设重要性认识不足。"
		"三是基层法治力量相对薄弱，镇街法治审核人员配备不足。";
	struct align_result res = { 0 };
	assert_true(share_of(shuffled, problems_2021, &res) == 1.0);
	assert_int_equal(res.n, 4);
	assert_int_equal(res.v[0].other, 3);
	assert_int_equal(res.v[2].other, 0);
	align_result_fini(&res);
}

/* Width and punctuation do not make a sentence new: （一） and (一), ， and , fold alike. */
static void test_normal_form(void **state)
{
	(void)state;
	const char before[] = "（一）法治建设统筹推进力度还不够，部分部门认识不足。";
	const char now[] = "(一)法治建设统筹推进力度还不够,部分部门认识不足 ";
	struct align_result res = { 0 };
	assert_true(share_of(now, before, &res) == 1.0);
	assert_int_equal(res.v[0].kind, ALIGN_SAME);
	align_result_fini(&res);
}

/* The decision: a sentence whose figures alone changed is repeated, as ALIGN_FIGURES. */
static void test_changed_figures_count(void **state)
{
	(void)state;
	const char before[] = "2022年全区共收到行政复议申请30件，同比下降12.5%。";
	const char now[] = "2023年全区共收到行政复议申请45件，同比下降8%。";
	struct align_result res = { 0 };
	assert_true(share_of(now, before, &res) == 1.0);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.v[0].kind, ALIGN_FIGURES);
	/* figures are told apart: 12|3 is not 1|23 */
	assert_true(share_of("办理1件，其中23件", "办理12件，其中3件", &res) == 1.0);
	assert_int_equal(res.v[0].kind, ALIGN_FIGURES);
	assert_true(share_of("办理12件，其中3件", "办理12件，其中3件", &res) == 1.0);
	assert_int_equal(res.v[0].kind, ALIGN_SAME);
	align_result_fini(&res);
}

/* A sentence with a word or two changed is a near match; one with half its words changed is not. */
static void test_near_threshold(void **state)
{
	(void)state;
	const char before[] = "行政执法人员业务能力有待提升，执法不规范问题仍有发生。";
	struct align_result res = { 0 };
	assert_true(share_of("行政执法人员业务能力仍待提升，执法不规范问题仍有发生。", before, &res) == 1.0);
	assert_int_equal(res.v[0].kind, ALIGN_NEAR);
	assert_true(res.v[0].similarity >= ALIGN_NEAR_MIN && res.v[0].similarity < 1);
	assert_true(share_of("行政执法人员培训覆盖面不断扩大，执法规范化水平明显提高。", before, &res) == 0);
	/* short sentences match exactly or not at all */
	assert_true(share_of("执法不够规范。", "执法不太规范。", &res) == 0);
	align_result_fini(&res);
}

/* The share weighs sentences by their characters: one of two sentences copied. */
static void test_partial_share(void **state)
{
	(void)state;
	const char before[] = "基层法治力量相对薄弱，镇街法治审核人员配备不足。";
	const char now[] = "基层法治力量相对薄弱，镇街法治审核人员配备不足。"
			   "数字化执法平台应用不充分，数据共享机制尚未健全。";
	struct align_result res = { 0 };
	double share = share_of(now, before, &res);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.repeated, 22);
	assert_int_equal(res.chars, 44);
	assert_true(share == 0.5);
	align_result_fini(&res);
}

/* Fingerprints alone (what an index would store) find the exact and figure-changed repeats, not
 * the near ones, and agree with align_texts on them. */
static void test_fingerprints_alone(void **state)
{
	(void)state;
	const char before[] = "2022年全区共收到行政复议申请30件。行政执法人员业务能力有待提升，执法不规范问题仍有发生。"
			      "基层法治力量相对薄弱。";
	const char now[] = "基层法治力量相对薄弱。2023年全区共收到行政复议申请45件。"
			   "行政执法人员业务能力仍待提升，执法不规范问题仍有发生。";
	struct align_text a = { 0 }, b = { 0 };
	align_text_add(&a, now, strlen(now), 0);
	align_text_add(&b, before, strlen(before), 0);
	/* an index keeps the fingerprints, not the texts */
	struct align_sentence *fa = malloc(a.n * sizeof *fa), *fb = malloc(b.n * sizeof *fb);
	memcpy(fa, a.v, a.n * sizeof *fa);
	memcpy(fb, b.v, b.n * sizeof *fb);
	size_t na = a.n, nb = b.n;
	struct align_result full = { 0 }, fp = { 0 };
	align_texts(&a, &b, &full);
	align_text_fini(&a);
	align_text_fini(&b);
	align_fingerprints(fa, na, fb, nb, &fp);
	assert_int_equal(full.n, 3);
	assert_int_equal(fp.n, 2);
	assert_int_equal(fp.v[0].sentence, 0);
	assert_int_equal(fp.v[0].kind, ALIGN_SAME);
	assert_int_equal(fp.v[1].sentence, 1);
	assert_int_equal(fp.v[1].other, 0);
	assert_int_equal(fp.v[1].kind, ALIGN_FIGURES);
	assert_int_equal(fp.chars, full.chars);
	assert_true(align_share(&fp) < align_share(&full) && align_share(&full) == 1.0);
	align_result_fini(&full);
	align_result_fini(&fp);
	free(fa);
	free(fb);
}

static void test_empty(void **state)
{
	(void)state;
	struct align_result res = { 0 };
	assert_true(share_of("", problems_2021, &res) == 0);
	assert_true(share_of("。；\n ", "", &res) == 0);
	assert_true(share_of(problems_2021, "", &res) == 0);
	align_result_fini(&res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_decimal_point_does_not_cut),
		cmocka_unit_test(test_identical_is_all_repeated),
		cmocka_unit_test(test_rewritten_is_not),
		cmocka_unit_test(test_shuffled_still_repeated),
		cmocka_unit_test(test_normal_form),
		cmocka_unit_test(test_changed_figures_count),
		cmocka_unit_test(test_near_threshold),
		cmocka_unit_test(test_partial_share),
		cmocka_unit_test(test_fingerprints_alone),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
