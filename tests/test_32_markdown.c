/* test_32_markdown.c — reports a crawler stored as Markdown read as the plain lines a reader sees, and plain reports left as they are. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "markdown.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

/* The plain text of s, or s itself when it is not Markdown (caller frees). */
static char *plain(const char *s)
{
	char *t = xstrdup(s);
	size_t n = strlen(t);
	if (markdown_like(t, n))
		n = markdown_plain(t, n);
	assert_int_equal(strlen(t), n);
	return t;
}

static void test_marks_dropped(void **state)
{
	(void)state;
	char *t = plain("[首页](http://x.gov.cn) > [政务公开](http://x.gov.cn/zwgk)\n"
	                "![](logo.png)\n"
	                "# 甲区人民政府关于2025年度法治政府建设情况的报告\n"
	                "| 索引号 | 0001 |\n|---|---|\n| 发布日期 | 2026-01-23 |\n"
	                "## 一、主要举措\n**（一）加强领导**\n- 首页\n**1.落实责任。**全年研究4次。\n---\n");
	assert_string_equal(t, "首页 > 政务公开\n\n甲区人民政府关于2025年度法治政府建设情况的报告\n"
	                       "索引号  0001\n\n发布日期  2026-01-23\n一、主要举措\n（一）加强领导\n首页\n"
	                       "1.落实责任。全年研究4次。\n\n");
	free(t);
}

/* A table of figures keeps its cells apart; a row with no blank around its bars too. */
static void test_table_rows(void **state)
{
	(void)state;
	char *t = plain("## 一、数据\n## 二、计划\n|行政复议案件|12件|15件|\n| 调解 | 98% |\n");
	assert_string_equal(t, "一、数据\n二、计划\n行政复议案件  12件  15件\n调解  98%\n");
	free(t);
}

/* A backslash before punctuation is an escape, as converters write an item they keep from being a
 * list (1\.加强…) or a star that is no emphasis; other backslashes stay. */
static void test_escapes(void **state)
{
	(void)state;
	char *t = plain("## 一、工作\n## （一）执法\n1\\.加强执法队伍管理。\n2\\.开展联合执法\\*3次。\nC:\\甲乙\n");
	assert_string_equal(t, "一、工作\n（一）执法\n1.加强执法队伍管理。\n2.开展联合执法*3次。\nC:\\甲乙\n");
	free(t);
}

/* A plain report, even with a # or ** in it, is not Markdown: nothing changes. */
static void test_plain_untouched(void **state)
{
	(void)state;
	const char *s = "一、主要工作\n全年办理#12号案件，**重点**推进。\n二、存在问题\n";
	char *t = plain(s);
	assert_string_equal(t, s);
	free(t);
}

/* Parsed after it, a Markdown report has its title, numbering and headings. */
static void test_parsed(void **state)
{
	(void)state;
	char *t = plain("# 甲县人民政府关于2017年度法治政府建设工作情况的报告\n乙市人民政府：\n**一、主要工作**\n"
	                "**（一）加强领导**\n全年研究4次。\n**二、存在的问题**\n问题仍在。\n");
	struct report *r = parse_report(t, strlen(t), "md");
	assert_string_equal(r->meta.title, "甲县人民政府关于2017年度法治政府建设工作情况的报告");
	assert_int_equal(report_count_level(r, 1), 2);
	assert_int_equal(report_count_level(r, 2), 1);
	report_free(r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_dropped),
		cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_plain_untouched),
		cmocka_unit_test(test_parsed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
