/* test_13_forms.c — reports in the forms they take in the wild (flattened pages, crawler headers, no title, run-in and broken headings, numbering errors, departments), and hand corrections by fazhi-meta.tsv. */
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

#include "buf.h"
#include "corpus.h"
#include "meta_fix.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

#define N(a) (sizeof a / sizeof *a)

static struct report *parse_str(const char *s, const char *name)
{
	return parse_report(xstrdup(s), strlen(s), name);
}

/* "一、title" for each section in order, joined by " | " (titles joined over line breaks). */
static char *tree_of(const struct report *r)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (i)
			buf_adds(&b, " | ");
		buf_printf(&b, "%d:", s->level);
		report_add_joined(&b, r, s->number_start, s->number_end);
		buf_adds(&b, "=");
		report_add_joined(&b, r, s->title_start, s->title_end);
	}
	return buf_take(&b);
}

static void assert_tree(const char *text, const char *want)
{
	struct report *r = parse_str(text, "t");
	char *got = tree_of(r);
	assert_string_equal(got ? got : "", want);
	free(got);
	report_free(r);
}

static void assert_opt(const char *got, const char *want)
{
	if (!want)
		assert_null(got);
	else
		assert_string_equal(got ? got : "(null)", want);
}

/* A report's text as a crawler stores a whole page: one line, blocks joined by blanks or by
 * nothing, headings running into their text. */
static const char flat_page[] =
	"标题: 青禾县水利局关于2021年度法治政府建设情况的报告\n"
	"发布时间: 2022-03-08 09:30\n"
	"文号: \n"
	"发布机构: 青禾县水利局\n"
	"栏目: 法治政府建设\n"
	"原文链接: http://www.example.gov.cn/a/b.html\n"
	"==================== 正文 ====================\n"
	"当前位置： 首页 > 政务公开 > 法治政府建设 青禾县水利局关于2021年度法治政府建设情况的报告 "
	"时间：2022-03-08 09:30 微信 微博 QQ空间 【字体：大 中 小】 "
	"2021年，我局认真贯彻落实县委县政府部署，现将有关情况报告如下：一、主要工作情况"
	"（一）加强组织领导一是成立领导小组，由局长任组长。二是落实述法制度，全年专题研究法治工作4次。"
	"（二）规范行政执法全年办理水行政处罚案件12件，罚没款3.5万元，无一败诉。"
	"（三）推进依法决策 一是严格合法性审查，审查合同协议21份。二是落实法律顾问制度。"
	"二、存在问题在肯定成绩的同时，我们也看到执法力量不足：一是执法人员偏少；二是培训不够。"
	"三、2022年工作计划（一）持续加强法治学习，每季度组织集中学法一次。（责任处室：办公室）"
	"（二）深化执法改革，推进“双随机、一公开”监管。（责任处室：执法大队） 来源：青禾县水利局 附件下载\n";

static void test_flattened_page(void **state)
{
	(void)state;
	assert_tree(flat_page,
	            "1:一=主要工作情况 | 2:一=加强组织领导 | 2:二=规范行政执法全年办理水行政处罚案件12件，罚没款3.5万元，无一败诉"
	            " | 2:三=推进依法决策 | 1:二=存在问题 | 1:三=2022年工作计划"
	            " | 2:一=持续加强法治学习，每季度组织集中学法一次 | 2:二=深化执法改革，推进“双随机、一公开”监管");
	struct report *r = parse_str(flat_page, "t");
	assert_opt(r->meta.title, "青禾县水利局关于2021年度法治政府建设情况的报告");
	assert_opt(r->meta.region, "青禾县");
	assert_int_equal(r->meta.level, REPORT_LEVEL_DEPARTMENT);
	assert_opt(r->meta.issuer, "青禾县水利局");
	assert_int_equal(r->meta.year, 2021);
	assert_string_equal(r->meta.published, "2022-03-08");
	assert_null(r->meta.doc_number);
	/* The chrome before and after the body is not in it. */
	const char *body = r->text + r->body_start;
	assert_true(strncmp(body, "2021年，我局", strlen("2021年，我局")) == 0);
	assert_true(strstr(body, "来源：") >= r->text + r->body_end);
	assert_true(strstr(body, "附件下载") >= r->text + r->body_end);
	report_free(r);
}

/* The same page with no blanks between its blocks, and with each heading on a line. */
static void test_flattened_forms_agree(void **state)
{
	(void)state;
	static const char lines[] =
		"某市某区司法局2020年法治政府建设工作报告\n"
		"一、2020年工作情况\n"
		"（一）强化组织保障。区委常委会专题研究法治工作3次。\n"
		"（二）规范执法行为。全年评查执法案卷150卷。\n"
		"二、存在的问题\n"
		"执法队伍仍需加强。\n"
		"三、下一步工作打算\n"
		"（一）加强队伍建设。\n";
	static const char joined[] =
		"某市某区司法局2020年法治政府建设工作报告\n"
		"2020年，我局依法行政工作稳步推进，现报告如下。一、2020年工作情况（一）强化组织保障。区委常委会专题研究法治工作3次。"
		"（二）规范执法行为。全年评查执法案卷150卷。二、存在的问题执法队伍仍需加强。"
		"三、下一步工作打算（一）加强队伍建设。全面开展培训。\n";
	struct report *a = parse_str(lines, "a"), *b = parse_str(joined, "b");
	char *ta = tree_of(a), *tb = tree_of(b);
	assert_string_equal(ta, tb);
	assert_int_equal(a->meta.year, 2020);
	assert_int_equal(b->meta.year, 2020);
	free(ta);
	free(tb);
	report_free(a);
	report_free(b);
}

/* An enumeration inside a sentence is no chapter, nor are brackets, citations and decimals. */
static void test_false_headings(void **state)
{
	(void)state;
	assert_tree("某县2019年法治政府建设情况报告\n"
	            "一、主要措施\n"
	            "我们的做法有：（1）健全制度；（2）加强培训；（3）严格考核。此外还开展了督查工作，效果良好，各单位积极配合。\n"
	            "二、三产业比例调整为8:92，结构持续优化。\n"
	            "按照《关于加强执法监督的意见》（青管〔2022〕48号）要求开展工作。\n"
	            "（责任处室：法规科）\n"
	            "1.5亿元资金全部到位。\n"
	            "二、存在问题\n",
	            "1:一=主要措施 | 1:二=存在问题");
}

static void test_numbering_errors(void **state)
{
	(void)state;
	static const char text[] =
		"某镇2022年法治政府建设工作报告\n"
		"一、工作开展情况\n"
		"（一）加强领导\n"
		"一是健全机制。二是压实责任。\n"
		"（一）规范执法\n"
		"（三）化解纠纷\n"
		"一是调解。\n"
		"二是复议。\n"
		"二是诉讼。\n"
		"二、下一步打算\n";
	assert_tree(text, "1:一=工作开展情况 | 2:一=加强领导 | 2:一=规范执法 | 2:三=化解纠纷 | 1:二=下一步打算");
	struct report *r = parse_str(text, "t");
	size_t numbering = 0;
	for (size_t i = 0; i < r->nwarnings; i++)
		numbering += r->warnings[i].kind == REPORT_WARN_NUMBERING;
	assert_int_equal(numbering, 3);   /* （一） again, （三） after it, 二是 twice */
	report_free(r);

	/* Points run on in one paragraph are checked too. */
	r = parse_str("某镇2022年法治政府建设工作报告\n一、存在问题\n主要有：一是队伍不强；二是经费不足；二是培训不够。\n", "t");
	numbering = 0;
	for (size_t i = 0; i < r->nwarnings; i++)
		numbering += r->warnings[i].kind == REPORT_WARN_NUMBERING;
	assert_int_equal(numbering, 1);
	report_free(r);

	/* The same errors in a page flattened onto one line are kept as well. */
	assert_tree("某镇2022年法治政府建设工作报告\n"
	            "现将有关情况报告如下：一、工作开展情况（一）推进依法决策聘请法律顾问3名，审查合同86份。"
	            "（二）规范行政执法持证人员617人，办理处罚案件1349件，评查案卷120卷，全部合格。"
	            "（二）加强执法监督开展执法检查12次，发现问题21个，已全部整改到位，效果明显。"
	            "（四）化解行政争议收到复议申请32件，受理29件，维持19件，撤销4件，终止6件，无一败诉。"
	            "二、下一步打算继续加强法治建设，推进各项工作。\n",
	            "1:一=工作开展情况 | 2:一=推进依法决策聘请法律顾问3名，审查合同86份"
	            " | 2:二=规范行政执法持证人员617人，办理处罚案件1349件，评查案卷120卷，全部合格"
	            " | 2:二=加强执法监督开展执法检查12次，发现问题21个，已全部整改到位，效果明显"
	            " | 2:四=化解行政争议收到复议申请32件，受理29件，维持19件，撤销4件，终止6件，无一败诉 | 1:二=下一步打算");
}

static void test_other_ordinals(void **state)
{
	(void)state;
	assert_tree("某区2021年法治政府建设报告\n"
	            "一、主要工作\n"
	            "1、完善制度体系\n"
	            "（1）清理文件\n"
	            "①废止3件\n"
	            "②修改2件\n"
	            "2、规范执法\n",
	            "1:一=主要工作 | 3:1=完善制度体系 | 4:1=清理文件 | 5:①=废止3件 | 5:②=修改2件 | 3:2=规范执法");
}

/* A heading too long for its line: the rest on the next line, with or without its 。. */
static void test_broken_heading(void **state)
{
	(void)state;
	assert_tree("某区2015年政府工作报告\n"
	            "一、2014年工作回顾\n"
	            "（一）坚持国际一流城区标准，着力优化生态环境质量和建\n"
	            "　　设管理水平。\n"
	            "全年完成植树造林500亩。\n"
	            "（二）坚持依法全面履行政府职能，持续优化法治化营商\n"
	            "　　环境\n"
	            "全年新增市场主体1200户。\n",
	            "1:一=2014年工作回顾 | 2:一=坚持国际一流城区标准，着力优化生态环境质量和建设管理水平"
	            " | 2:二=坚持依法全面履行政府职能，持续优化法治化营商环境");
}

/* An ordinal alone on its line, its title on the next, as text taken from a layout may leave
 * it; an ordinal alone followed by another heading or a point is no heading. */
static void test_bare_ordinal(void **state)
{
	(void)state;
	assert_tree("某区2021年法治政府建设报告\n"
	            "一、\n"
	            "主要工作\n"
	            "全年工作稳步推进。\n"
	            "二、\n"
	            "存在的不足\n"
	            "执法力量不足。\n"
	            "三、\n"
	            "一是加强学习。\n"
	            "三、下一步打算\n",
	            "1:一=主要工作 | 1:二=存在的不足 | 1:三=下一步打算");
}

/* The same in a page flattened with blanks: the rest is a short block that ends the sentence;
 * a point after a heading is no such rest. */
static void test_broken_heading_flat(void **state)
{
	(void)state;
	assert_tree("某区2015年政府工作报告\n"
	            "现将有关情况报告如下： 一、2014年工作回顾 2014年是关键之年。全年工作稳步推进。各项指标完成良好。"
	            " （一）坚持国际一流城区标准，着力优化生态环境质量和建 设管理水平。 全年完成植树造林500亩，"
	            "新增绿地30公顷，空气质量持续改善，群众满意度明显提升，生态环境质量位居全市前列。"
	            " （二）加强组织领导 一是成立领导小组。 二是落实述法制度，全年专题研究法治工作4次，成效明显。\n",
	            "1:一=2014年工作回顾 | 2:一=坚持国际一流城区标准，着力优化生态环境质量和建 设管理水平"
	            " | 2:二=加强组织领导");
}

/* No title line: the report starts at its lead-in or its salutation; the year is the one its
 * chapters report on, never the first year its text cites. */
static void test_no_title(void **state)
{
	(void)state;
	static const char text[] =
		"现将有关情况报告如下：\n"
		"　　一、积极推进法治政府建设\n"
		"　　近年来水平逐年提高，2018年在全市考评中名列第二。\n"
		"　　二、2020年法治政府建设工作计划\n"
		"　　（一）严格规范执法。\n"
		"　　专此报告。\n"
		"　　某市某区人民政府\n"
		"　　2019年12月18日\n";
	struct report *r = parse_str(text, "dir/report.txt");
	assert_null(r->meta.title);
	assert_null(r->meta.addressee);
	assert_int_equal(r->meta.year, 2019);
	assert_string_equal(r->meta.published, "2019-12-18");
	assert_opt(r->meta.issuer, "某市某区人民政府");
	assert_opt(r->meta.region, "某市某区");
	assert_int_equal(r->meta.level, REPORT_LEVEL_COUNTY);
	report_free(r);

	r = parse_str("各位代表：\n现在，我代表区人民政府作报告。\n一、2014年工作回顾\n全年工作稳步推进。\n", "x");
	assert_null(r->meta.title);
	assert_opt(r->meta.addressee, "各位代表");
	assert_int_equal(r->meta.year, 2014);
	report_free(r);
}

/* The region of a body's name, and the level it stands for. */
static void test_regions(void **state)
{
	(void)state;
	static const struct {
		const char *title, *region;
		int level;
	} rows[] = {
		{ "平潭综合实验区社会事业局关于2022年法治工作情况的报告", "平潭综合实验区", REPORT_LEVEL_DEPARTMENT },
		{ "某市某区市场监督管理局2021年法治政府建设年度报告", "某市某区", REPORT_LEVEL_DEPARTMENT },
		{ "某区城市管理和综合执法局2021年法治政府建设年度报告", "某区", REPORT_LEVEL_DEPARTMENT },
		{ "晋城市人民政府关于2020年法治政府建设情况的报告", "晋城市", REPORT_LEVEL_CITY },
		{ "上海市人民政府关于2020年法治政府建设情况的报告", "上海市", REPORT_LEVEL_PROVINCE },
		{ "湛江经济技术开发区管委会2022年法治政府建设年度报告", "湛江经济技术开发区", REPORT_LEVEL_COUNTY },
		{ "某某街道办事处关于2023年法治政府建设情况的报告", "某某街道", REPORT_LEVEL_TOWN },
		{ "某省司法厅2019年法治政府建设情况报告", "某省", REPORT_LEVEL_DEPARTMENT },
		{ "成都市武侯区人民政府关于2018年法治政府建设情况的报告", "成都市武侯区", REPORT_LEVEL_COUNTY },
		{ "合肥市蜀山区市场监督管理局2023年法治政府建设情况报告", "合肥市蜀山区", REPORT_LEVEL_DEPARTMENT },
		{ "北京市朝阳区人民政府三里屯街道办事处2023年法治政府建设情况报告", "北京市朝阳区三里屯街道",
		  REPORT_LEVEL_TOWN },
		{ "恩施土家族苗族自治州人民政府关于2016年度法治政府建设情况的报告", "恩施土家族苗族自治州",
		  REPORT_LEVEL_CITY },
	};
	for (size_t i = 0; i < N(rows); i++) {
		char *text = xasprintf("%s\n正文。\n", rows[i].title);
		struct report *r = parse_str(text, "t");
		assert_opt(r->meta.region, rows[i].region);
		assert_int_equal(r->meta.level, rows[i].level);
		report_free(r);
		free(text);
	}
}

/* A county's or town's report names the jurisdiction above it: its addressee, or the
 * leadership it works under. */
static void test_parent_region(void **state)
{
	(void)state;
	struct report *r = parse_str("获嘉县人民政府\n关于2019年度法治政府建设工作情况的报告\n新乡市人民政府：\n正文。\n", "t");
	assert_opt(r->meta.region, "新乡市获嘉县");
	report_free(r);
	r = parse_str("乌镇镇人民政府关于2023年度法治政府建设工作情况的报告\n"
	              "2023年，乌镇镇在桐乡市委、市政府的坚强领导下，统筹推进依法行政。\n", "t");
	assert_opt(r->meta.region, "桐乡市乌镇镇");
	assert_int_equal(r->meta.level, REPORT_LEVEL_TOWN);
	report_free(r);
	/* A county-level city under the city it reports to. */
	r = parse_str("寿光市人民政府关于2024年度法治政府建设情况的报告\n潍坊市人民政府：\n正文。\n", "t");
	assert_opt(r->meta.region, "潍坊市寿光市");
	assert_int_equal(r->meta.level, REPORT_LEVEL_COUNTY);
	report_free(r);
	/* A city reporting to its province stays as it is named; so does a zone named after its city. */
	r = parse_str("绍兴市人民政府关于2022年度法治政府建设情况的报告\n浙江省人民政府：\n正文。\n", "t");
	assert_opt(r->meta.region, "绍兴市");
	report_free(r);
	r = parse_str("廊坊经济技术开发区管委会2019年法治政府建设工作报告\n廊坊市人民政府：\n正文。\n", "t");
	assert_opt(r->meta.region, "廊坊经济技术开发区");
	report_free(r);
	/* A name that holds its parent already, or a parent no higher than itself, stays. */
	r = parse_str("深圳市龙华区人民政府关于2019年法治政府建设的报告\n市司法局：\n正文。\n", "t");
	assert_opt(r->meta.region, "深圳市龙华区");
	report_free(r);
	r = parse_str("某县人民政府关于2019年法治政府建设的报告\n2019年，在某镇党委领导下，在邻县县委支持下开展工作。\n", "t");
	assert_opt(r->meta.region, "某县");
	report_free(r);
}

/* A report published in March is on the year before; a cited document number is not its own. */
static void test_year_and_number(void **state)
{
	(void)state;
	struct report *r = parse_str("发布日期：2023-03-20\n关于法治政府建设情况的报告\n"
	                             "根据《实施意见》（某政发〔2021〕12号），我们开展了工作。\n一、主要工作\n", "t");
	assert_int_equal(r->meta.year, 2022);
	assert_null(r->meta.doc_number);
	report_free(r);
	r = parse_str("某县人民政府关于2023年法治政府建设情况的报告\n某政函〔2024〕24号\n正文。\n", "t");
	assert_opt(r->meta.doc_number, "某政函〔2024〕24号");
	report_free(r);
	/* In a page flattened with nothing between its blocks, the number run in before the addressee. */
	r = parse_str("首页>政府文件晋江市人民政府关于2017年度法治政府建设情况的报告发布时间：2018-03-12【打印本页】"
	              "晋政文〔2018〕36号泉州市人民政府：2017年，我市深入推进依法行政。全年办理复议案件12件。"
	              "一、主要工作（一）推进依法决策。聘请法律顾问3名。二、下一步打算继续推进。晋江市人民政府2018年3月10日\n", "t");
	assert_opt(r->meta.doc_number, "晋政文〔2018〕36号");
	assert_opt(r->meta.title, "晋江市人民政府关于2017年度法治政府建设情况的报告");
	assert_opt(r->meta.addressee, "泉州市人民政府");
	assert_opt(r->meta.region, "泉州市晋江市");
	assert_string_equal(r->meta.published, "2018-03-12");
	report_free(r);
}

/* The official closing block and footers leave the body. */
static void test_closing_block(void **state)
{
	(void)state;
	struct report *r = parse_str("某县2020年法治政府建设报告\n一、工作情况\n全年工作有序推进。\n"
	                             "某县人民政府\n2021年2月1日\n"
	                             "抄送：县委办，县人大办，县政协办。\n"
	                             "某县人民政府办公室　　　　2021年2月2日印发\n"
	                             "主办单位：某县人民政府　网站标识码：1234567890\n", "t");
	assert_true(strstr(r->text + r->body_start, "抄送") >= r->text + r->body_end);
	assert_string_equal(r->meta.published, "2021-02-01");
	assert_opt(r->meta.issuer, "某县人民政府");
	report_free(r);
}

static void test_meta_fix_table(void **state)
{
	(void)state;
	char *cause = NULL;
	static const char table[] = "\xef\xbb\xbf" "file\tfield\tvalue\r\n# note\n\n"
	                            "a.txt\tregion\t深圳市盐田区\na.txt\tyear\t2014\n"
	                            "a.txt\ttitle\t\nb.txt\tlevel\tdepartment\n";
	struct meta_fixes *t = meta_fixes_parse(table, sizeof table - 1, &cause);
	assert_non_null(t);
	struct report *r = parse_str("深圳2019年法治政府建设报告\n正文。\n", "a.txt");
	assert_int_equal(meta_fixes_apply(t, "a.txt", r), 3);
	assert_opt(r->meta.region, "深圳市盐田区");
	assert_int_equal(r->meta.year, 2014);
	assert_null(r->meta.title);
	assert_int_equal(r->meta.corrected, META_FIX_REGION | META_FIX_YEAR | META_FIX_TITLE);
	assert_int_equal(meta_fixes_apply(t, "c.txt", r), 0);
	report_free(r);
	meta_fixes_free(t);

	static const char *const bad[] = { "a.txt\tcolour\tred\n", "a.txt\tyear\t19\n", "a.txt region x\n",
	                                   "a.txt\tpublished\t2021/3/1\n", "a.txt\tlevel\tvillage\n" };
	for (size_t i = 0; i < N(bad); i++) {
		assert_null(meta_fixes_parse(bad[i], strlen(bad[i]), &cause));
		assert_non_null(strstr(cause, "line 1: "));
		free(cause);
	}
}

/* A directory's table corrects its reports when they load; a bad one is a warning. */
static void test_meta_fix_corpus(void **state)
{
	(void)state;
	char dir[] = "/tmp/fazhi-test13-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *rep = xasprintf("%s/r.txt", dir), *tsv = xasprintf("%s/" META_FIX_NAME, dir);
	FILE *f = fopen(rep, "w");
	fputs("各位代表：\n一、2014年工作回顾\n工作稳步推进。\n", f);
	fclose(f);
	f = fopen(tsv, "w");
	fputs("r.txt\tregion\t深圳市盐田区\n", f);
	fclose(f);
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, dir), 0);
	assert_int_equal(c.n, 1);
	assert_opt(corpus_get(&c, 0)->meta.region, "深圳市盐田区");
	assert_int_equal(c.nmsgs, 0);
	corpus_fini(&c);

	f = fopen(tsv, "w");
	fputs("r.txt\tcolour\tred\n", f);
	fclose(f);
	corpus_init(&c);
	corpus_add_path(&c, rep);
	assert_null(corpus_get(&c, 0)->meta.region);
	assert_int_equal(c.nmsgs, 1);
	assert_int_equal(c.msgs[0].skipped, 0);
	assert_non_null(strstr(c.msgs[0].reason, "unknown field"));
	corpus_fini(&c);
	unlink(tsv);
	unlink(rep);
	rmdir(dir);
	free(rep);
	free(tsv);
}

/* Each of many directories (more than the first room of the corpus's lookup of them) corrects its
 * own reports by its own table, and none another's: every third has a table naming its region. */
static void test_meta_fix_many_dirs(void **state)
{
	(void)state;
	enum { DIRS = 150 };
	char root[] = "/tmp/fazhi-test13m-XXXXXX";
	assert_non_null(mkdtemp(root));
	for (int i = 0; i < DIRS; i++) {
		char *dir = xasprintf("%s/d%03d", root, i), *rep = xasprintf("%s/r.txt", dir);
		assert_int_equal(mkdir(dir, 0700), 0);
		FILE *f = fopen(rep, "w");
		fputs("各位代表：\n一、2014年工作回顾\n工作稳步推进。\n", f);
		fclose(f);
		if (i % 3 == 0) {
			char *tsv = xasprintf("%s/" META_FIX_NAME, dir);
			f = fopen(tsv, "w");
			fprintf(f, "r.txt\tregion\t第%d区\n", i);
			fclose(f);
			free(tsv);
		}
		free(rep);
		free(dir);
	}
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, root), 0);
	assert_int_equal(c.n, DIRS);
	assert_int_equal(c.nmsgs, 0);
	for (size_t k = 0; k < c.n; k++) {
		const struct report *r = corpus_get(&c, k);
		int i = atoi(strstr(r->path, "/d") + 2);
		if (i % 3 == 0) {
			char *want = xasprintf("第%d区", i);
			assert_opt(r->meta.region, want);
			free(want);
		} else {
			assert_null(r->meta.region);
		}
	}
	corpus_fini(&c);
	for (int i = 0; i < DIRS; i++) {
		char *dir = xasprintf("%s/d%03d", root, i), *rep = xasprintf("%s/r.txt", dir), *tsv = xasprintf("%s/" META_FIX_NAME, dir);
		unlink(rep);
		unlink(tsv);
		rmdir(dir);
		free(rep);
		free(tsv);
		free(dir);
	}
	rmdir(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_flattened_page),
		cmocka_unit_test(test_flattened_forms_agree),
		cmocka_unit_test(test_false_headings),
		cmocka_unit_test(test_numbering_errors),
		cmocka_unit_test(test_other_ordinals),
		cmocka_unit_test(test_broken_heading),
		cmocka_unit_test(test_broken_heading_flat),
		cmocka_unit_test(test_bare_ordinal),
		cmocka_unit_test(test_no_title),
		cmocka_unit_test(test_regions),
		cmocka_unit_test(test_parent_region),
		cmocka_unit_test(test_year_and_number),
		cmocka_unit_test(test_closing_block),
		cmocka_unit_test(test_meta_fix_table),
		cmocka_unit_test(test_meta_fix_corpus),
		cmocka_unit_test(test_meta_fix_many_dirs),
	};
	return cmocka_run_group_tests_name("forms", tests, NULL, NULL);
}
