/* test_34_unwrap.c — text copied out of a printed page joined back into paragraphs, and text whose lines are its own left as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse.h"
#include "report.h"
#include "unwrap.h"
#include "xmalloc.h"

/* The text of s as the corpus reads it: joined when printed, else s (caller frees). */
static char *read_as_page(const char *s)
{
	char *t = xstrdup(s);
	size_t n = strlen(t);
	if (unwrap_like(t, n))
		n = unwrap_plain(t, n);
	assert_int_equal(strlen(t), n);
	return t;
}

/* A printed report: paragraphs open indented and run on at the page's width. */
static const char printed[] =
	"甲乙市人民政府关于2020年度法治政府建设情况的报告\n"
	"省政府：\n"
	"　　2020年，甲乙市坚持以习近平新时代中国特色社会主义思想为指\n"
	"导，全面贯彻党的十九大精神，深入学习贯彻习近平法治思想，认真落实\n"
	"法治政府建设实施纲要。现将有关情况报告如下：\n"
	"　　一、2020年法治政府建设工作开展情况\n"
	"　　（一）加强组织领导，统筹推进法治政府建设\n"
	"　　市政府常务会议专题研究法治政府建设工作4次，印发年度工作要点，对\n"
	"标补齐短板。全年市政府收到行政复议申请三百二十九件，\n"
	"受理296件，审结271件，其中维持168件、驳回31件、\n"
	"撤销或确认违法等纠错38件、调解和解后终止34件，直接纠错率14%。\n"
	"　　（二）依法防控新冠肺炎疫情，保障经济社会秩序和人民群众生命\n"
	"安全\n"
	"　　全年查处涉疫违法案件426件。\n";

static void test_joined(void **state)
{
	(void)state;
	char *t = read_as_page(printed);
	assert_non_null(strstr(t, "思想为指导，全面贯彻"));
	assert_non_null(strstr(t, "三百二十九件，受理296件，审结271件，其中维持168件、驳回31件、撤销或确认违法"));
	assert_non_null(strstr(t, "直接纠错率14%。\n"));
	/* headings, the title and the addressee keep their lines */
	assert_non_null(strstr(t, "的报告\n省政府：\n"));
	assert_non_null(strstr(t, "开展情况\n"));
	assert_non_null(strstr(t, "法治政府建设\n"));
	free(t);
}

/* Parsed after it, the report's sentences are whole, so their figures are read together. */
static void test_parsed(void **state)
{
	(void)state;
	char *t = read_as_page(printed);
	struct report *r = parse_report(t, strlen(t), "printed");   /* which owns t */
	assert_int_equal(report_count_level(r, 1), 1);
	assert_int_equal(report_count_level(r, 2), 2);
	size_t joined = 0;
	for (size_t k = 0; k < r->npara; k++) {
		char *para = xstrndup(r->text + r->paras[k].start, r->paras[k].end - r->paras[k].start);
		joined += strstr(para, "申请三百二十九件，受理296件") != NULL;
		free(para);
	}
	assert_int_equal(joined, 1);   /* one paragraph holds the whole sentence */
	report_free(r);
}

/* Text whose lines are its own: paragraphs a line each, headings without punctuation, lines
 * that are not indented, a few breaks only. */
static void test_others_untouched(void **state)
{
	(void)state;
	const char *texts[] = {
		"甲县2021年法治政府建设情况报告\n一、主要举措和成效\n（一）加强组织领导，压实法治建设责任\n"
		"县政府常务会议专题研究法治政府建设工作6次。\n（二）完善制度体系\n审核规范性文件12件。\n",
		"标题：甲县2021年法治政府建设情况报告\n发布时间：2022-01-02 来源：甲县人民政府 浏览次数：12\n"
		"　　2021年，甲县全面推进法治政府建设，县政府常务会议专题研究法治工作6次\n"
		"审核规范性文件12件。\n",
	};
	for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
		assert_false(unwrap_like(texts[k], strlen(texts[k])));
		char *t = read_as_page(texts[k]);
		assert_string_equal(t, texts[k]);
		free(t);
	}
}

/* A print without indents: its lines share the page's width (23 characters here), a
 * paragraph's last line is shorter; a heading running into its paragraph or over two lines
 * runs on with it, and a page's number between two lines goes with the break. */
static const char flush[] =
	"甲乙市人民政府\n"
	"关于2023年度法治政府建设情况的报告\n"
	"省人民政府：\n"
	"2023年，甲乙市人民政府坚持以习近平新时代中国\n"
	"特色社会主义思想为指导，认真落实法治政府建设实\n"
	"施纲要。现将有关情况报告如下：\n"
	"一、2023年法治政府建设主要举措和成效\n"
	"（一）坚持党的领导。市委常委会会议、市政府常务\n"
	"— 1 —\n"
	"会议专题研究法治建设工作9次，对10个县（市、区）\n"
	"和41个市直部门开展法治政府建设督察，发现问题\n"
	"126个，全部建立台账、限期整改，督促整改到位。\n"
	"（二）深化依法行政。全年审核市政府规范性文件9\n"
	"件，均经市司法局合法性审核并报省政府备案，备案\n"
	"率100%。\n"
	"二、2024年工作安排\n"
	"（一）深入学习贯彻习近平法治思想，巩固拓展主题\n"
	"教育成果，持续压实法治建设第一责任人职责。\n";

static void test_flush(void **state)
{
	(void)state;
	char *t = read_as_page(flush);
	assert_non_null(strstr(t, "\n（一）坚持党的领导。市委常委会会议、市政府常务会议专题研究法治建设工作9次，"));
	assert_null(strstr(t, "— 1 —"));
	assert_non_null(strstr(t, "发现问题126个，全部建立台账、限期整改，督促整改到位。\n"));
	assert_non_null(strstr(t, "\n（一）深入学习贯彻习近平法治思想，巩固拓展主题教育成果，持续压实"));
	/* the title, the addressee and a short heading keep their lines */
	assert_non_null(strstr(t, "甲乙市人民政府\n关于2023年度法治政府建设情况的报告\n省人民政府：\n"));
	assert_non_null(strstr(t, "\n二、2024年工作安排\n"));
	free(t);
}

/* A print copied by hand: no indents, lines broken near the page's width but not at one width (at
 * a comma here, a character or three short there), a page's number in words (第1页 共3页) and the
 * running header after it, the title again. The lines run on; the page's lines are left out. */
static const char copied[] =
	"乙丙市人民政府关于2019年度法治政府建设工作情况的报告\n"
	"省人民政府：\n"
	"2019年，乙丙市人民政府在省委、省政府的坚强领导下，以习近平新\n"
	"时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，紧紧围\n"
	"绕推进国家治理体系和治理能力现代化，认真落实法治政府建设实施纲\n"
	"要，为全市经济社会发展提供了坚实法治保障。现将有关情况报告如下：\n"
	"一、2019年法治政府建设工作开展情况\n"
	"（一）加强组织领导，夯实法治政府建设责任\n"
	"机构改革后，市委全面依法治市委员会正式组建，办公室设在市司法局，\n"
	"统筹协调全市法治建设工作。市政府常务会议专题研究法治政府建设工作4次，\n"
	"制定印发年度法治政府建设工作要点，将41项任务逐项分解到各乡镇\n"
	"和市直部门。全年市政府收到行政复议申请33件，\n"
	"第1页 共3页\n"
	"乙丙市人民政府关于2019年度法治政府建设工作情况的报告\n"
	"受理29件，审结27件，其中维持16件、驳回3件、撤销2件，直接纠错\n"
	"率7.4%。坚持领导干部集体学法制度，市政府常务会议会前学法10次。\n"
	"（二）深化“放管服”改革，优化法治化营商环境\n"
	"深入开展“办事不求人”专项行动，推进“最多跑一次”改革，市政务服务\n"
	"中心集中进驻审批服务事项672项，网上可办率达到78%。\n";

static void test_copied(void **state)
{
	(void)state;
	char *t = read_as_page(copied);
	assert_non_null(strstr(t, "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，紧紧围绕推进"));
	assert_non_null(strstr(t, "收到行政复议申请33件，受理29件，审结27件，其中维持16件、驳回3件、撤销2件，直接纠错率7.4%。"));
	assert_null(strstr(t, "第1页"));
	/* the title, the addressee and the headings keep their lines */
	assert_non_null(strstr(t, "的报告\n省人民政府：\n2019年，"));
	assert_non_null(strstr(t, "\n（一）加强组织领导，夯实法治政府建设责任\n机构改革后，"));
	assert_non_null(strstr(t, "\n（二）深化“放管服”改革，优化法治化营商环境\n深入开展"));
	free(t);
}

/* The head and foot of a copy as lines of their own, however wide: a crawler's fields above it
 * (title: …, pubtime: …), the document's number under a title as wide as the print, a page's
 * number under a heading (no rest of it) and under the signature's date (no line of the report). */
static const char copied_ends[] =
	"title: 丙丁县人民政府关于2022年度法治政府建设情况的报告\n"
	"pubtime: 2023-02-10 09:30:00\n"
	"丙丁县人民政府关于2022年度法治政府建设情况的报告\n"
	"丙政发〔2023〕4号\n"
	"市人民政府：\n"
	"2022年，丙丁县在市委、市政府的坚强领导下，深入学习贯彻习\n"
	"近平法治思想，认真落实法治政府建设实施纲要，各项工作取得\n"
	"新的进展。现将有关情况报告如下：\n"
	"一、2022年法治政府建设主要举措\n"
	"（一）加强组织领导\n"
	"县政府常务会议专题研究法治政府建设工作3次，制定年度工作\n"
	"要点，将32项任务分解到各乡镇和县直部门，按季度调度进展。\n"
	"（二）严格规范公正文明执法，提升执法质量\n"
	"第1页 共2页\n"
	"全县持证执法人员612名，全年开展执法案卷评查两次，评查案\n"
	"卷240卷，合格率达到96%，对评查发现的问题逐一督促整改。\n"
	"丙丁县人民政府\n"
	"2023年2月8日\n"
	"第2页 共2页\n";

static void test_copied_ends(void **state)
{
	(void)state;
	char *t = read_as_page(copied_ends);
	assert_non_null(strstr(t, "的报告\n丙政发〔2023〕4号\n"));
	assert_non_null(strstr(t, "的报告\npubtime: "));
	struct report *r = parse_report(t, strlen(t), "copied");   /* which owns t */
	assert_string_equal(r->meta.doc_number, "丙政发〔2023〕4号");
	assert_string_equal(r->meta.published, "2023-02-10");
	for (size_t k = 0; k < r->nsections; k++) {
		char *title = xstrndup(r->text + r->sections[k].title_start, r->sections[k].title_end - r->sections[k].title_start);
		assert_null(strstr(title, "页"));
		free(title);
	}
	report_free(r);
	t = read_as_page(copied_ends + strlen("title: 丙丁县人民政府关于2022年度法治政府建设情况的报告\npubtime: 2023-02-10 09:30:00\n"));
	r = parse_report(t, strlen(t), "copied, no fields");
	assert_string_equal(r->meta.published, "2023-02-08");   /* the signature's date, not its page */
	report_free(r);
}

/* A table typed as lines, its cells padded with blanks to one width: each row keeps its line,
 * however many rows share that width. */
static void test_padded_table(void **state)
{
	(void)state;
	const char *rows[] = {
		"合法性审查文件和合同（件）            46      39      +7",
		"法律顾问出具法律意见（份）            17      12      +5",
		"行政处罚案件（件）                    64      52     +12",
		"  其中：首违不罚、轻微免罚（件）      21      15      +6",
		"罚没款（万元）                      18.6    14.2    +4.4",
		"调处矛盾纠纷（件）                   286     301     -15",
		"  其中：调解成功（件）               281     294     -13",
		"接待群众来访（批次）                  74      88     -14",
		"转交法律援助申请（件）                31      27      +4",
		"普法宣传活动（场次）                  58      52      +6",
		"培育“法律明白人”（名）                76      70      +6",
		"涉企行政检查（户次）                  41      96     -55",
	};
	char text[2048] = "项目                                本年    上年    增减\n";
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		strcat(text, rows[i]);
		strcat(text, "\n");
	}
	assert_false(unwrap_like(text, strlen(text)));
	char *t = read_as_page(text);
	assert_string_equal(t, text);
	free(t);
}

/* s with a blank line between every two lines (caller frees). */
static char *double_space(const char *s)
{
	char *t = xmalloc(2 * strlen(s) + 1), *w = t;
	for (; *s; s++) {
		*w++ = *s;
		if (*s == '\n' && s[1])
			*w++ = '\n';
	}
	*w = '\0';
	return t;
}

/* A print set double-spaced, as a page that made each printed line a paragraph gives it back,
 * is joined as the print itself is; a page whose paragraphs are a line each, a blank between,
 * keeps its lines: they share no width. */
static void test_double_spaced(void **state)
{
	(void)state;
	char *spaced = double_space(flush), *t = read_as_page(spaced), *want = read_as_page(flush);
	assert_string_equal(t, want);
	free(spaced), free(t), free(want);
	spaced = double_space(printed), t = read_as_page(spaced), want = read_as_page(printed);
	assert_string_equal(t, want);
	free(spaced), free(t), free(want);
	const char *own =
		"甲县2021年法治政府建设情况报告\n一、主要举措和成效\n（一）加强组织领导\n"
		"县政府常务会议专题研究法治政府建设工作6次，县委常委会会议听取法治建设工作汇报2次，主要负责人带头讲法治课\n"
		"审核规范性文件12件，备案审查文件9件\n（二）完善制度体系\n"
		"全年作出重大行政决策3项，均经合法性审查和集体讨论决定\n"
		"聘请法律顾问18名，审查合同协议64份，出具法律意见书31份\n（三）严格规范执法\n"
		"全县持证执法人员612名，组织执法人员培训4期，开展案卷评查，评查案卷240卷，合格率96.2%\n"
		"全年作出行政处罚决定1426件，重大执法决定法制审核62件\n二、存在的问题\n"
		"一些单位对法治政府建设重视不够，行政执法人员素质有待提高，部分执法人员不熟悉法律\n";
	spaced = double_space(own);
	assert_false(unwrap_like(spaced, strlen(spaced)));
	free(spaced);
}

/* CRLF line ends: a joined break leaves no \r inside the paragraph. */
static void test_crlf(void **state)
{
	(void)state;
	struct { char *p; size_t n; } b = { xstrdup(""), 0 };
	for (const char *s = printed; *s; s++) {
		char *next = *s == '\n' ? xasprintf("%s\r\n", b.p) : xasprintf("%s%c", b.p, *s);
		free(b.p);
		b.p = next;
	}
	char *t = read_as_page(b.p);
	assert_non_null(strstr(t, "思想为指导，全面贯彻"));
	assert_null(strstr(t, "指\r导"));
	free(t);
	free(b.p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_joined),
		cmocka_unit_test(test_parsed),
		cmocka_unit_test(test_others_untouched),
		cmocka_unit_test(test_flush),
		cmocka_unit_test(test_copied),
		cmocka_unit_test(test_padded_table),
		cmocka_unit_test(test_double_spaced),
		cmocka_unit_test(test_crlf),
		cmocka_unit_test(test_copied_ends),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
