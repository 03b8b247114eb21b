/* test_35_division.c — the places above a jurisdiction that a report leaves out, from the official table of divisions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "division.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

/* division_complete(region) is want (NULL: nothing to add), and says whether region opens with a county. */
static void check(const char *region, const char *want, int county)
{
	int is_county = -1;
	char *got = division_complete(region, NULL, 0, &is_county);
	if (want)
		assert_string_equal(got ? got : "(nothing)", want);
	else
		assert_null(got);
	assert_int_equal(is_county, county);
	free(got);
}

static void test_county(void **state)
{
	(void)state;
	check("博罗县", "惠州市博罗县", 1);
	check("博罗县园洲镇", "惠州市博罗县园洲镇", 1);   /* a town with its county gains the city */
	check("丰台区", "北京市丰台区", 1);               /* a municipality's district: the city */
	check("巫山县", "重庆市巫山县", 1);               /* under 重庆's 县, no prefecture */
	check("琼中黎族苗族自治县", NULL, 1);            /* under its province: nothing between */
	check("澄迈县", NULL, 1);
	/* a county made a district since: the district's prefecture, the county as written */
	check("凤翔县", "宝鸡市凤翔县", 1);
	check("凤翔县城关镇", "宝鸡市凤翔县城关镇", 1);
	/* a county or district named after its prefecture is a place of its own: it gains it */
	check("湘潭县", "湘潭市湘潭县", 1);
	check("黄山区", "黄山市黄山区", 1);
	check("阿拉善左旗巴彦诺日公苏木", "阿拉善盟阿拉善左旗巴彦诺日公苏木", 1);
}

static void test_county_level_city(void **state)
{
	(void)state;
	check("钟祥市", "荆门市钟祥市", 1);               /* gains its prefecture, as a county does */
	check("德令哈市", "海西蒙古族藏族自治州德令哈市", 1);
	check("桐乡市乌镇镇", NULL, 1);
	check("乌镇镇", "桐乡市乌镇镇", 0);               /* its town gains the city only */
}

/* A county-level city gains its prefecture, the one the report names or not another; its town does not. */
static void test_prefecture_named(void **state)
{
	(void)state;
	static const char text[] = "新增嘉兴市民主法治示范村1个，湖州市的经验……";
	int county;
	char *got = division_complete("桐乡市", text, strlen(text), &county);
	assert_string_equal(got ? got : "(nothing)", "嘉兴市桐乡市");
	free(got);
	assert_null(division_complete("桐乡市乌镇镇", text, strlen(text), &county));
	got = division_complete("乌镇镇", text, strlen(text), &county);
	assert_string_equal(got ? got : "(nothing)", "桐乡市乌镇镇");
	free(got);
	static const char other[] = "学习湖州市的经验。";   /* another city is no parent */
	got = division_complete("桐乡市", other, strlen(other), &county);
	assert_string_equal(got ? got : "(nothing)", "嘉兴市桐乡市");
	free(got);
}

/* A county of a prefecture named by its stem: its unit alone or an autonomous county's; none
 * when the prefecture has two of that stem or none. */
static void test_county_of(void **state)
{
	(void)state;
	char *got = division_county_of("普洱市", "景东", strlen("景东"));
	assert_string_equal(got ? got : "(nothing)", "普洱市景东彝族自治县");
	free(got);
	got = division_county_of("普洱市", "思茅", strlen("思茅"));
	assert_string_equal(got ? got : "(nothing)", "普洱市思茅区");
	free(got);
	assert_null(division_county_of("普洱市", "景洪", strlen("景洪")));   /* another prefecture's */
	assert_null(division_county_of("无此市", "景东", strlen("景东")));
}

/* A district whose name two cities share (普陀区 of 上海 and of 舟山市) gains the city the report
 * names, when it names one of them alone. */
static void test_shared_name_placed(void **state)
{
	(void)state;
	static const char shanghai[] = "认真贯彻《上海市行政执法监督办法》。";
	int county;
	char *got = division_complete("普陀区长风新村街道", shanghai, strlen(shanghai), &county);
	assert_string_equal(got ? got : "(nothing)", "上海市普陀区长风新村街道");
	free(got);
	assert_null(division_complete("普陀区", NULL, 0, &county));
	static const char both[] = "上海市、舟山市两地协作。";
	assert_null(division_complete("普陀区", both, strlen(both), &county));
}

/* An autonomous prefecture's short name, its place name and 州, stands for it whole. */
static void test_short_name(void **state)
{
	(void)state;
	static const struct { const char *region, *want; } rows[] = {
		{ "黔西南州兴义市", "黔西南布依族苗族自治州兴义市" },
		{ "巴音郭楞州库尔勒市", "巴音郭楞蒙古自治州库尔勒市" },
		{ "恩施州", "恩施土家族苗族自治州" },
		{ "海南州共和县", "海南藏族自治州共和县" },
		{ "海南省", NULL },                    /* a province is no prefecture */
		{ "黔西南布依族苗族自治州兴义市", NULL },   /* whole already */
		{ "杭州市", NULL },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char *got = division_full_name(rows[i].region);
		if (rows[i].want)
			assert_string_equal(got ? got : "(nothing)", rows[i].want);
		else
			assert_null(got);
		free(got);
	}
	static const char text[] = "在黔西南州率先实现……";   /* a county-level city's prefecture named short */
	int county;
	char *got = division_complete("兴义市", text, strlen(text), &county);
	assert_string_equal(got ? got : "(nothing)", "黔西南布依族苗族自治州兴义市");
	free(got);
}

static void test_town_alone(void **state)
{
	(void)state;
	check("园洲镇", "惠州市博罗县园洲镇", 0);
	check("上安乡", "琼中黎族苗族自治县上安乡", 0);
	check("虎门镇", "东莞市虎门镇", 0);               /* a city without counties: the city once */
	/* a town after its province or prefecture, its county left out: the county put in */
	check("北京市溪翁庄镇", "北京市密云区溪翁庄镇", 0);
	check("惠州市园洲镇", "惠州市博罗县园洲镇", 0);
	check("宁德市太姥山镇", "宁德市福鼎市太姥山镇", 0);
	check("广东省园洲镇", "广东省惠州市博罗县园洲镇", 0);
	check("广东省虎门镇", "广东省东莞市虎门镇", 0);
	check("北京市园洲镇", NULL, 0);                   /* a town of another place: nothing */
}

static void test_nothing_to_add(void **state)
{
	(void)state;
	check("惠州市博罗县", NULL, 0);                   /* opens with its prefecture */
	check("广东省", NULL, 0);
	check("鼓楼区", NULL, 0);                         /* in four cities: says nothing */
	check("廊坊经济技术开发区", NULL, 1);             /* named after its city */
	check("赣州经济技术开发区", NULL, 0);             /* filed among a district's towns: stands alone */
	assert_true(division_zone_name("甲乙经济技术开发区", strlen("甲乙经济技术开发区")));
	assert_false(division_zone_name("甲乙区", strlen("甲乙区")));
	check("甲乙县", NULL, 0);                         /* not in the table */
	check("园洲镇甲乙村", NULL, 0);                   /* a town decides only named alone */
	check("", NULL, 0);
}

static struct report *parse_text(const char *text)
{
	return parse_report(xstrdup(text), strlen(text), "t.txt");
}

/* The parse uses the table only for what the text leaves out. */
static void test_in_the_parse(void **state)
{
	(void)state;
	static const char body[] = "\n一、主要工作\n全年办理行政复议案件12件。\n";
	char text[512];
	snprintf(text, sizeof text, "%s%s", "博罗县人民政府关于2022年度法治政府建设情况的报告\n", body);
	struct report *r = parse_text(text);
	assert_string_equal(r->meta.region, "惠州市博罗县");
	assert_int_equal(r->meta.level, REPORT_LEVEL_COUNTY);
	report_free(r);

	snprintf(text, sizeof text, "%s%s", "钟祥市人民政府关于2019年法治政府建设情况的报告\n", body);
	r = parse_text(text);
	assert_string_equal(r->meta.region, "荆门市钟祥市");
	assert_int_equal(r->meta.level, REPORT_LEVEL_COUNTY);   /* a county-level city */
	report_free(r);

	snprintf(text, sizeof text, "%s%s", "鼓楼区人民政府关于2022年度法治政府建设情况的报告\n南京市人民政府：\n", body);
	r = parse_text(text);
	assert_string_equal(r->meta.region, "南京市鼓楼区");   /* the text says which */
	report_free(r);

	/* a city department's branch named by its district without 区: the district, by the table */
	snprintf(text, sizeof text, "%s%s", "天津市公安局河北分局2018年法治政府建设工作报告\n", body);
	r = parse_text(text);
	assert_string_equal(r->meta.region, "天津市河北区");
	report_free(r);
	/* or by a county's short name, an autonomous county's among them */
	snprintf(text, sizeof text, "%s%s", "普洱市生态环境局景东分局2025年度法治政府建设情况报告\n", body);
	r = parse_text(text);
	assert_string_equal(r->meta.region, "普洱市景东彝族自治县");
	report_free(r);
	snprintf(text, sizeof text, "%s%s", "天津市公安局高新分局2018年法治政府建设工作报告\n", body);
	r = parse_text(text);
	assert_string_equal(r->meta.region, "天津市");   /* a zone's branch: no district of that name */
	report_free(r);
	/* the department a 委员会: its branch the same */
	snprintf(text, sizeof text, "%s%s", "北京市规划和自然资源委员会怀柔分局2021年度法治政府建设工作情况报告\n", body);
	r = parse_text(text);
	assert_string_equal(r->meta.region, "北京市怀柔区");
	report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_county),
		cmocka_unit_test(test_county_level_city),
		cmocka_unit_test(test_prefecture_named),
		cmocka_unit_test(test_shared_name_placed),
		cmocka_unit_test(test_short_name),
		cmocka_unit_test(test_town_alone),
		cmocka_unit_test(test_nothing_to_add),
		cmocka_unit_test(test_in_the_parse),
		cmocka_unit_test(test_county_of),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
