/* test_05_parse.c — the parser on the five samples, hand-made variants and edge cases: chrome, metadata, heading tree. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "parse.h"
#include "parse_scan.h"
#include "report.h"
#include "xmalloc.h"

struct head {
	int level;
	const char *number;
	const char *title;
};

#include "fixtures/parse/trees.h"

#define N(a) (sizeof a / sizeof *a)

static struct report *parse_str(const char *s, size_t n, const char *name)
{
	return parse_report(xstrndup(s, n), n, name);
}

static struct report *parse_asset(const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "reports/%s", name);
	const struct asset *a = assets_find(path);
	assert_non_null(a);
	return parse_str((const char *)a->data, a->size, path);
}

static struct report *parse_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	char *buf = xmalloc(1 << 16);
	size_t n = fread(buf, 1, (1 << 16) - 1, f);
	fclose(f);
	struct report *r = parse_str(buf, n, path);
	free(buf);
	return r;
}

/* Compares a byte range of the report with a string; copies so a failure prints both. */
static void assert_range(const struct report *r, size_t st, size_t en, const char *want)
{
	assert_true(st <= en && en <= r->len);
	char *got = xstrndup(r->text + st, en - st);
	assert_string_equal(got, want);
	free(got);
}

static void assert_opt(const char *got, const char *want)
{
	if (!want)
		assert_null(got);
	else
		assert_string_equal(got ? got : "(null)", want);
}

/* Every heading in order, and the tree's shape: a section's parent is the nearest one
 * before it at a lower level, and its span ends where a heading of its level or higher begins. */
static void assert_tree(const struct report *r, const struct head *want, size_t n)
{
	assert_int_equal(r->nsections, n);
	for (size_t i = 0; i < n; i++) {
		const struct section *s = &r->sections[i];
		assert_int_equal(s->level, want[i].level);
		assert_range(r, s->number_start, s->number_end, want[i].number);
		assert_range(r, s->title_start, s->title_end, want[i].title);
		int parent = -1;
		for (int j = (int)i - 1; j >= 0 && parent < 0; j--)
			if (r->sections[j].level < s->level)
				parent = j;
		assert_int_equal(s->parent, parent);
		size_t end = r->body_end;
		for (size_t j = i + 1; j < n && end == r->body_end; j++)
			if (r->sections[j].level <= s->level)
				end = r->sections[j].start;
		assert_int_equal(s->end, end);
		assert_int_equal(s->start, s->head_start);
		assert_int_equal(r->paras[s->para].start, s->head_start);
		assert_int_equal(r->paras[s->para].kind, PARA_HEADING);
		assert_int_equal(r->paras[s->para].section, (int)i);
	}
}

struct meta {
	const char *title, *region;
	int year;
	const char *published, *doc_number, *issuer, *addressee;
};

static void assert_meta(const struct report *r, const struct meta *m)
{
	assert_opt(r->meta.title, m->title);
	assert_opt(r->meta.region, m->region);
	assert_int_equal(r->meta.year, m->year);
	assert_string_equal(r->meta.published, m->published);
	assert_opt(r->meta.doc_number, m->doc_number);
	assert_opt(r->meta.issuer, m->issuer);
	assert_opt(r->meta.addressee, m->addressee);
}

static void assert_counts(const struct report *r, size_t l1, size_t l2, size_t l3)
{
	assert_int_equal(report_count_level(r, 1), l1);
	assert_int_equal(report_count_level(r, 2), l2);
	assert_int_equal(report_count_level(r, 3), l3);
}

/* The body from its first to its last line, and how many non-blank lines it holds. */
static void assert_body(const struct report *r, const char *first, const char *last, size_t npara)
{
	assert_true(r->body_end - r->body_start >= strlen(first));
	assert_range(r, r->body_start, r->body_start + strlen(first), first);
	assert_range(r, r->body_end - strlen(last), r->body_end, last);
	assert_int_equal(r->npara, npara);
	assert_int_equal(r->paras[0].start, r->body_start);
	assert_int_equal(r->paras[npara - 1].end, r->body_end);
}

/* A paragraph that begins with `prefix`: its kind and the numeral of its section. */
static const struct para *para_at(const struct report *r, const char *prefix)
{
	for (size_t i = 0; i < r->npara; i++)
		if (strncmp(r->text + r->paras[i].start, prefix, strlen(prefix)) == 0)
			return &r->paras[i];
	fail_msg("no paragraph starts with %s", prefix);
	return NULL;
}

/* The section whose heading begins with `text`, or NULL. */
static const struct section *section_for(const struct report *r, const char *text)
{
	for (size_t i = 0; i < r->nsections; i++)
		if (strncmp(r->text + r->sections[i].head_start, text, strlen(text)) == 0)
			return &r->sections[i];
	return NULL;
}

static void test_putuo(void **state)
{
	(void)state;
	struct report *r = parse_asset("putuo-2021.txt");
	const struct meta m = { "舟山市普陀区人民政府关于2021年度法治政府建设工作的报告", "舟山市普陀区", 2021,
	                        "2022-03-16", NULL, "舟山市普陀区人民政府", NULL };
	assert_meta(r, &m);
	assert_counts(r, 3, 14, 25);
	assert_tree(r, putuo_heads, N(putuo_heads));
	/* The title is followed by "发布日期:… 浏览次数:", so the body opens at the first paragraph. */
	assert_body(r, "2021年以来,普陀区始终坚持", "具有引领性、普陀辨识度的工作品牌。", 45);
	assert_int_equal(r->paras[0].section, -1);
	/* Inline heading of the plans: title up to the first 。, head through it. */
	const struct section *s = &r->sections[35];
	assert_range(r, s->head_start, s->head_end, "(一)在党建统领法治建设上实现大提升。");
	report_free(r);
}

static void test_wujin(void **state)
{
	(void)state;
	struct report *r = parse_asset("wujin-2020.txt");
	const struct meta m = { "常州市武进区人民政府2020年法治政府建设工作报告", "常州市武进区", 2020,
	                        "2021-01-29", "武政发〔2021〕7号", "常州市武进区人民政府", "常州市人民政府" };
	assert_meta(r, &m);
	assert_counts(r, 6, 19, 0);
	assert_tree(r, wujin_heads, N(wujin_heads));
	/* The title directly opens the report; it ends with the date under the signature. */
	assert_body(r, "常州市武进区人民政府2020年法治政府建设工作报告\n武政发", "常州市武进区人民政府\n\n2021年1月25日", 56);
	assert_int_equal(para_at(r, "常州市人民政府:")->section, -1);
	/* The unheaded closing paragraph and the 一是 points stay in the last section, 六、(三). */
	int last = (int)r->nsections - 1;
	const struct para *p = para_at(r, "2020年的工作取得了一定的成绩");
	assert_int_equal(p->kind, PARA_TEXT);
	assert_int_equal(p->section, last);
	static const char *const points[] = { "一是强化", "二是持续", "三是坚持", "四是严格", "五是依法" };
	for (size_t i = 0; i < N(points); i++) {
		p = para_at(r, points[i]);
		assert_int_equal(p->kind, PARA_POINT);
		assert_int_equal(p->section, last);
	}
	assert_int_equal(r->sections[last].end, r->body_end);
	report_free(r);
}

static void test_zhanjiang(void **state)
{
	(void)state;
	struct report *r = parse_asset("zhanjiang-etdz-2022.txt");
	const struct meta m = { "湛江经济技术开发区2022年法治政府建设年度报告", "湛江经济技术开发区", 2022,
	                        "2023-02-22", NULL, NULL, NULL };
	assert_meta(r, &m);
	assert_counts(r, 2, 13, 0);
	assert_tree(r, zhanjiang_heads, N(zhanjiang_heads));
	assert_body(r, "2022年,经开区在市委", "激发各单位法治建设的内生动力。", 20);
	/* Inline 一是… inside a heading paragraph is not a point of its own. */
	assert_int_equal(para_at(r, "(一)强化组织领导")->kind, PARA_HEADING);
	/* The unheaded problems paragraph belongs to the open heading, 一、(六). */
	assert_int_equal(para_at(r, "我区在推进法治政府建设工作")->section, 6);
	/* A continuation line without indent stays in 二、. */
	assert_int_equal(para_at(r, "以工业化、生态化")->section, 7);
	assert_int_equal(para_at(r, "严格落实决策法定程序规定")->section, 10);
	report_free(r);
}

static void test_simen(void **state)
{
	(void)state;
	struct report *r = parse_asset("simen-2022.txt");
	const struct meta m = { "泗门镇2022年度法治政府建设年度报告", "余姚市泗门镇", 2022, "2023-03-29", NULL, NULL, NULL };
	assert_meta(r, &m);
	assert_counts(r, 4, 11, 0);
	assert_tree(r, simen_heads, N(simen_heads));
	assert_body(r, "泗门镇2022年度法治政府建设年度报告\n\n今年", "奋力打造“重要窗口”提供有力法治保障。", 19);
	report_free(r);
}

static void test_jingan(void **state)
{
	(void)state;
	struct report *r = parse_asset("jingan-2019.txt");
	const struct meta m = { "上海市静安区人民政府关于静安区法治政府建设工作情况的报告", "上海市静安区", 2019,
	                        "", NULL, "上海市静安区人民政府", "区人大常委会" };
	assert_meta(r, &m);
	assert_counts(r, 4, 27, 30);
	assert_tree(r, jingan_heads, N(jingan_heads));
	/* Two-line title at the top; the feedback form after the last paragraph is left out. */
	assert_body(r, "上海市静安区人民政府\n关于静安区", "流动法治阵地共同发展。", 121);
	assert_true(strstr(r->text, "留言咨询") >= r->text + r->body_end);
	/* An own-line heading that ends in 。: the title leaves it out, the head keeps it. */
	const struct section *s = section_for(r, "3.组织开展");
	assert_non_null(s);
	assert_range(r, s->title_start, s->title_end, "组织开展法治专项督察工作");
	assert_range(r, s->head_start, s->head_end, "3.组织开展法治专项督察工作。");
	/* The 一是…六是 lines under (四)2. are points of that section. */
	const struct para *p = para_at(r, "五是深入开展旧改征收工作");
	assert_int_equal(p->kind, PARA_POINT);
	assert_range(r, r->sections[p->section].head_start, r->sections[p->section].title_end,
	             "2.加大重点领域执法力度");
	report_free(r);
}

/* Full-width punctuation, U+3000 indents, 1、 and １． and （1）, "二、三产业" in running text. */
static void test_fullwidth(void **state)
{
	(void)state;
	static const struct head want[] = {
		{ 1, "一", "主要工作及成效" },
		{ 2, "一", "加强组织领导，压实主体责任" },
		{ 3, "1", "健全工作机制" },
		{ 3, "2", "强化督察考核" },
		{ 2, "二", "深化“放管服”改革" },
		{ 3, "１", "推进简政放权" },
		{ 3, "２", "优化营商环境" },
		{ 4, "1", "完善制度" },
		{ 4, "2", "加强执法" },
		{ 3, "３", "提升服务效能" },
		{ 1, "二", "存在的问题" },
		{ 1, "三", "下一步工作" },
		{ 2, "一", "持续深化法治政府示范创建" },
		{ 2, "二", "全面推行行政执法“三项制度”" },
	};
	struct report *r = parse_file("tests/fixtures/parse/fullwidth.txt");
	const struct meta m = { "临江市东城区人民政府关于２０２２年度法治政府建设情况的报告", "临江市东城区", 2022,
	                        "2023-02-10", NULL, "东城区人民政府", NULL };
	assert_meta(r, &m);
	assert_tree(r, want, N(want));
	assert_body(r, "２０２２年，东城区", "东城区人民政府\n\n　　2023年1月20日", 19);
	const struct para *p = para_at(r, "二、三产业比例");
	assert_int_equal(p->kind, PARA_TEXT);
	assert_int_equal(p->section, 10);
	assert_int_equal(para_at(r, "一是法治队伍")->kind, PARA_POINT);
	/* 1.5亿元 inside a heading paragraph is no ordinal. */
	assert_range(r, r->sections[5].head_start, r->sections[5].head_end, "１．推进简政放权。");
	report_free(r);
}

/* No chrome at all: the title is the first line; half-width (一) 1. (1); an addressee. */
static void test_title_in_body(void **state)
{
	(void)state;
	static const struct head want[] = {
		{ 1, "一", "主要做法" },
		{ 2, "一", "强化组织领导" },
		{ 3, "1", "完善领导机制" },
		{ 3, "2", "压实工作责任" },
		{ 4, "1", "落实述法制度" },
		{ 4, "2", "开展法治督查" },
		{ 3, "3", "加强学法用法" },
		{ 2, "二", "规范行政执法" },
		{ 1, "二", "下一步打算" },
	};
	struct report *r = parse_file("tests/fixtures/parse/bodytitle.txt");
	const struct meta m = { "白沙镇2021年度法治政府建设工作报告", "白沙镇", 2021, "", NULL, NULL, "镇人大主席团" };
	assert_meta(r, &m);
	assert_tree(r, want, N(want));
	assert_body(r, "白沙镇2021年度", "推动法治政府建设再上新台阶。", 13);
	assert_int_equal(r->body_start, 0);
	/* 4th level nests under 3rd: (1) and (2) sit inside 2.压实工作责任. */
	assert_int_equal(r->sections[4].parent, 3);
	assert_int_equal(r->sections[3].end, r->sections[6].start);
	report_free(r);
}

/* The title only in the page's table (信息名称), a 文号 with blanks inside its key,
 * a Chinese-numeral date, and a feedback form right after the body. */
static void test_title_in_metadata(void **state)
{
	(void)state;
	static const struct head want[] = {
		{ 1, "一", "推进依法全面履行政府职能" },
		{ 1, "二", "完善依法行政制度体系" },
	};
	struct report *r = parse_file("tests/fixtures/parse/metatitle.txt");
	const struct meta m = { "北湖区2020年法治政府建设年度报告", "郴州市北湖区", 2020, "2021-03-05",
	                        "北政发〔2021〕3号", "北湖区人民政府", NULL };
	assert_meta(r, &m);
	assert_tree(r, want, N(want));
	assert_body(r, "2020年，北湖区", "北湖区人民政府\n\n二〇二一年二月二十日", 7);
	report_free(r);
	/* a crawler's 标题 that is the column's name, for a page without a title, is none */
	const char *column = "标题: 法治政府建设\n发布时间: 2019-02-12 10:31\n==== 正文 ====\n\n甲市人民政府：\n"
	                     "2018年，甲县扎实推进依法行政。现将有关情况报告如下。\n一、2018年法治政府建设工作情况\n"
	                     "全年办理案件十件。\n";
	r = parse_str(column, strlen(column), "column");
	assert_null(r->meta.title);
	assert_int_equal(r->meta.year, 2018);
	report_free(r);
}

/* A government page's table sets its keys in brackets, a cell's blank after each
 * ([发文字号] 门政发〔2022〕6号 [有 效 性] 有效), the title's row among them; a text without a title
 * opens with its number. */
static void test_bracketed_keys(void **state)
{
	(void)state;
	const char *page = "首页 政务公开\n[索 引 号] 000014348/2022-00031 [主题分类] 综合政务\n"
			   "[成文日期] 2022-03-25 [发布日期] 2022-03-30\n[发文字号] 门政发〔2022〕6号 [有 效 性] 有效\n"
			   "[标　　题] 北京市门头沟区人民政府关于2021年法治政府建设情况的报告\n中共北京市委、北京市人民政府：\n"
			   "2021年，门头沟区法治政府建设各项任务有序推进。\n一、主要举措和成效\n全年召开会议7次。\n"
			   "北京市门头沟区人民政府\n2022年3月25日\n";
	struct report *r = parse_str(page, strlen(page), "page");
	assert_string_equal(r->meta.title, "北京市门头沟区人民政府关于2021年法治政府建设情况的报告");
	assert_string_equal(r->meta.published, "2022-03-30");
	assert_string_equal(r->meta.doc_number, "门政发〔2022〕6号");
	assert_int_equal(r->meta.year, 2021);
	report_free(r);
	const char *bare = "南司发〔2018〕3号\n区人民政府、市司法局：\n2017年，我局较好地完成了年度目标任务。\n"
			   "一、主要工作开展情况\n全年专题研究法治建设工作5次。\n天津市南开区司法局\n2018年1月24日\n";
	r = parse_str(bare, strlen(bare), "bare");
	assert_string_equal(r->meta.doc_number, "南司发〔2018〕3号");
	assert_string_equal(r->meta.published, "2018-01-24");
	report_free(r);
	/* a key padded to its cell's width is found in any cell of its row, not only the first */
	const char *row = "索引号： 11530300015330318T/2023-00087 主题分类： 司法\n"
			  "发布日期： 2023-03-27 文　　号： 曲政报〔2023〕9号\n"
			  "曲靖市人民政府关于2022年度法治政府建设情况的报告\n云南省人民政府：\n"
			  "2022年，全市法治政府建设各项任务有序推进。\n一、主要举措和成效\n全年召开会议9次。\n";
	r = parse_str(row, strlen(row), "row");
	assert_string_equal(r->meta.doc_number, "曲政报〔2023〕9号");
	report_free(r);
}

/* Keys that date other things than the page (统计时间 of an annexed table, 成文日期) give no
 * publication date; 生成日期 of an archive's header does. */
static void test_dates_of_other_things(void **state)
{
	(void)state;
	static const struct {
		const char *text, *published;
	} cases[] = {
		{ "某街道办事处关于2025年度法治政府建设情况的报告\n区人民政府：\n2025年，街道法治建设有序推进。\n"
		  "一、主要举措\n全年开展执法检查31次。\n某街道办事处\n2026年1月20日\n附件\n2025年度行政执法数据统计表\n"
		  "统计时间：2025年1月1日至12月31日\n项目\t单位\t数量\n行政检查\t次\t3126\n", "2026-01-20" },
		{ "标题：某县司法局2015年法治政府建设工作报告\n生成日期：2016-01-26\n某县司法局2015年法治政府建设工作报告\n"
		  "2015年，我局依法行政工作有序推进。\n一、主要工作\n全年开展执法检查31次。\n某县司法局\n2016年1月22日\n",
		  "2016-01-26" },
	};
	for (size_t i = 0; i < N(cases); i++) {
		struct report *r = parse_str(cases[i].text, strlen(cases[i].text), "dates");
		assert_string_equal(r->meta.published, cases[i].published);
		report_free(r);
	}
}

static void test_no_headings(void **state)
{
	(void)state;
	struct report *r = parse_file("tests/fixtures/parse/noheadings.txt");
	/* No page date: the signature's date is the publish date. */
	const struct meta m = { "青山县2021年法治政府建设情况报告", "青山县", 2021, "2022-02-15", NULL, "青山县人民政府", NULL };
	assert_meta(r, &m);
	assert_int_equal(r->nsections, 0);
	assert_body(r, "青山县2021年", "青山县人民政府\n2022年2月15日", 6);
	for (size_t i = 0; i < r->npara; i++) {
		assert_int_equal(r->paras[i].section, -1);
		assert_int_equal(r->paras[i].kind, PARA_TEXT);
	}
	report_free(r);
}

static void test_empty(void **state)
{
	(void)state;
	static const char *const texts[] = { "", "\n", "   \n\n　　\n", "打印\n关闭\n" };
	for (size_t i = 0; i < N(texts); i++) {
		struct report *r = parse_str(texts[i], strlen(texts[i]), "empty");
		assert_string_equal(r->path, "empty");
		assert_int_equal(r->npara, 0);
		assert_int_equal(r->nsections, 0);
		assert_true(r->body_start == r->body_end);
		assert_null(r->meta.title);
		assert_null(r->meta.region);
		assert_int_equal(r->meta.year, 0);
		assert_string_equal(r->meta.published, "");
		report_free(r);
	}
}

/* Markers cut off by the end of the text parse without reading past it. */
static void test_markers_at_end(void **state)
{
	(void)state;
	static const char *const cut[] = {
		"一", "一、", "（一", "（一）", "(一", "1", "1.", "１．", "（1", "一是", "十", "二十、",
		"1.错误类:*", "\xe4\xb8", "（\xe4",
	};
	for (size_t i = 0; i < N(cut); i++) {
		char text[64];
		snprintf(text, sizeof text, "正文第一段。\n%s", cut[i]);
		struct report *r = parse_str(text, strlen(text), "cut");
		assert_int_equal(r->nsections, 0);
		report_free(r);
	}
	const char *text = "正文第一段。\n一、总体情况";
	struct report *r = parse_str(text, strlen(text), "end");
	assert_int_equal(r->nsections, 1);
	assert_range(r, r->sections[0].title_start, r->sections[0].title_end, "总体情况");
	assert_int_equal(r->sections[0].end, strlen(text));
	report_free(r);
}

/* Numbering in sequence inside the parent; running text that starts like a heading. */
static void test_sequence(void **state)
{
	(void)state;
	const char *text =
		"某区2022年法治政府建设报告\n"
		"2022年全区工作情况如下。\n"
		"二、三产业比例调整为3:7。\n"     /* no 一、 yet, and "三" counts on */
		"一、总体情况\n"
		"2.不是第一项。\n"                 /* 2. before any 1. under 一、 */
		"(一)组织领导\n"
		"1.健全机制\n"
		"3.跳过了第二项\n"                 /* out of sequence */
		"2.落实责任\n"
		"1.5亿元资金全部到位。\n"          /* a decimal */
		"(二)依法决策\n"
		"1.重新编号\n"
		"二、三产业比例进一步优化。\n"     /* 二 would come next, but the title counts on */
		"一、重复的第一章\n"                /* 一 again at the top: a numbering error, kept */
		"二、存在问题\n"
		"四、跳号\n"
		"三、下一步\n";
	static const struct head want[] = {
		{ 1, "一", "总体情况" },
		{ 2, "一", "组织领导" },
		{ 3, "1", "健全机制" },
		{ 3, "2", "落实责任" },
		{ 2, "二", "依法决策" },
		{ 3, "1", "重新编号" },
		{ 1, "一", "重复的第一章" },
		{ 1, "二", "存在问题" },
		{ 1, "三", "下一步" },
	};
	struct report *r = parse_str(text, strlen(text), "seq");
	assert_tree(r, want, N(want));
	assert_int_equal(r->nwarnings, 1);
	assert_int_equal(r->warnings[0].kind, REPORT_WARN_NUMBERING);
	assert_non_null(strstr(r->warnings[0].message, "一"));
	report_free(r);
}

/* Title lines of other shapes: what each states, and nothing more. */
static void test_title_shapes(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		struct meta m;
	} rows[] = {
		{ "2021年度普陀区法治政府建设工作报告\n正文。\n",
		  { "2021年度普陀区法治政府建设工作报告", "普陀区", 2021, "", NULL, NULL, NULL } },
		{ "关于2022年度法治政府建设情况的报告\n正文。\n",
		  { "关于2022年度法治政府建设情况的报告", NULL, 2022, "", NULL, NULL, NULL } },
		{ "我区2020年法治政府建设情况报告\n正文。\n",
		  { "我区2020年法治政府建设情况报告", NULL, 2020, "", NULL, NULL, NULL } },
		{ "沛县人民政府2019年法治政府建设工作情况\n正文。\n",
		  { "沛县人民政府2019年法治政府建设工作情况", "徐州市沛县", 2019, "", NULL, "沛县人民政府", NULL } },
		{ "湖滨街道办事处\n关于2023年法治政府建设情况的报告\n市政府：\n正文。\n",
		  { "湖滨街道办事处关于2023年法治政府建设情况的报告", "湖滨街道", 2023, "", NULL, "湖滨街道办事处", "市政府" } },
		{ "某区管委会法治政府建设年度报告\n时间：2022-01-05 10:00\n今年以来，我区在2021年基础上再进一步。\n",
		  { "某区管委会法治政府建设年度报告", "某区", 2021, "2022-01-05", NULL, "某区管委会", NULL } },
		{ "法治政府建设工作报告\n正文没有年份。\n",
		  { "法治政府建设工作报告", NULL, 0, "", NULL, NULL, NULL } },
	};
	for (size_t i = 0; i < N(rows); i++) {
		struct report *r = parse_str(rows[i].text, strlen(rows[i].text), "title");
		assert_meta(r, &rows[i].m);
		/* A 时间: line between title and text is chrome: the body then starts below it. */
		const char *body = strstr(rows[i].text, "时间") ? strstr(rows[i].text, "今年") : rows[i].text;
		assert_int_equal(r->body_start, (size_t)(body - rows[i].text));
		report_free(r);
	}
}

/* Feedback-form fields inside the body (prose follows them) are paragraphs, not headings. */
static void test_form_fields(void **state)
{
	(void)state;
	const char *text = "正文第一段。\n一、总体情况\n1.错误类:*\n2.出错页面的地址：＊\n正文继续。\n";
	struct report *r = parse_str(text, strlen(text), "form");
	assert_int_equal(r->nsections, 1);
	assert_int_equal(r->npara, 5);
	assert_int_equal(r->paras[2].kind, PARA_TEXT);
	assert_int_equal(r->paras[2].section, 0);
	assert_int_equal(r->paras[3].kind, PARA_TEXT);
	report_free(r);
}

/* What a report appends after the date under its signature (a table of figures, a list of
 * files) is no chapter of it: the body ends at the date, and the signature gives the region.
 * An attachment note above the signature, as official documents place it, ends nothing. */
static void test_appendix_after_signature(void **state)
{
	(void)state;
	const char *text = "甲乙街道2024年法治政府建设工作报告\n一、主要举措\n全年办理事项十件。\n二、工作安排\n"
	                   "继续推进。\n丙市丁区人民政府甲乙街道办事处\n2025年1月20日\n附表：主要数据\n项目　数量\n"
	                   "1.重大行政决策事项　3项\n附件：1.工作要点.docx\n　　2.事项目录.pdf\n";
	struct report *r = parse_str(text, strlen(text), "appended");
	assert_int_equal(r->nsections, 2);
	assert_int_equal(r->body_end, (size_t)(strstr(text, "\n附表") - text));
	assert_string_equal(r->meta.region, "丙市丁区甲乙街道");
	report_free(r);
	const char *noted = "甲乙街道2024年法治政府建设工作报告\n一、主要举措\n全年办理事项十件。\n"
	                    "附件：1.工作要点\n丙市丁区人民政府甲乙街道办事处\n2025年1月20日\n";
	r = parse_str(noted, strlen(noted), "noted");
	assert_int_equal(r->body_end, strlen(noted) - 1);
	assert_string_equal(r->meta.issuer, "丙市丁区人民政府甲乙街道办事处");
	report_free(r);
	/* a note of release under the date (（此件公开发布）), then the annex: the report ends at the date */
	const char *released = "甲乙县2022年度法治政府建设情况的报告\n一、主要举措\n全年办理事项十件。\n甲乙县人民政府\n"
	                       "2023年2月20日\n（此件公开发布）\n附件\n决策事项目录\n1．《某规划》，已批准实施。\n";
	r = parse_str(released, strlen(released), "released");
	assert_int_equal(r->body_end, (size_t)(strstr(released, "\n（此件") - released));
	assert_string_equal(r->meta.published, "2023-02-20");
	report_free(r);
	/* a report to the government above names its signer beside its number on the letterhead */
	const char *signed_by = "甲乙市人民政府文件\n甲政报〔2020〕5号　　签发人：丙丁\n"
	                        "甲乙市人民政府关于2019年度法治政府建设情况的报告\n一、主要举措\n全年办理事项十件。\n";
	r = parse_str(signed_by, strlen(signed_by), "signed");
	assert_string_equal(r->meta.doc_number, "甲政报〔2020〕5号");
	report_free(r);
	/* a page's table of keys and values in elements of their own runs the key into its value */
	const char *run_in = "索引号11100000/2021-00012\n发布机构甲乙县人民政府\n文号甲政报〔2021〕7号\n"
	                     "甲乙县人民政府关于2020年度法治政府建设情况的报告\n一、主要举措\n全年办理事项十件。\n";
	r = parse_str(run_in, strlen(run_in), "run-in");
	assert_string_equal(r->meta.doc_number, "甲政报〔2021〕7号");
	report_free(r);
}

/* A cover page and a table of contents before the report, as a PDF printed from Word keeps them:
 * entries end in leader dots and a page number (several run together on a line, as pdftotext
 * joins them), under a 目录 heading. They are no headings, and the report begins after them. */
static void test_contents_page(void **state)
{
	(void)state;
	const char *text = "甲省乙厅2025年度法治政府建设情况报告\n甲省乙厅\n2026年1月\n目　录\n"
	                   "一、主要举措和成效........................ 1\n（一）坚持党的领导……………………1\n"
	                   "（二）严格规范执法·········2二、存在的不足......3三、工作安排．．．．．4\n"
	                   "甲省乙厅2025年度法治政府建设情况报告\n省人民政府：\n现将有关情况报告如下。\n"
	                   "一、主要举措和成效\n（一）坚持党的领导\n全年研究法治工作6次。\n（二）严格规范执法\n"
	                   "查处案件12件。\n二、存在的不足\n基层力量薄弱。\n三、工作安排\n继续推进。\n";
	struct report *r = parse_str(text, strlen(text), "contents");
	assert_int_equal(r->nsections, 5);
	assert_true(r->body_start > (size_t)(strstr(text, "工作安排．") - text));
	assert_true(r->sections[0].head_start > r->body_start);
	assert_string_equal(r->meta.title, "甲省乙厅2025年度法治政府建设情况报告");
	report_free(r);

	/* entries of headings that end with 。, and entries whose page numbers the text set apart */
	const char *ends = "甲市乙区2022年度法治政府建设情况报告\n甲市乙区人民政府\n2023年2月\n目  录\n"
	                   "一、主要举措和成效................................3\n"
	                   "（一）深入学习贯彻党的二十大精神。....................7\n"
	                   "（二）提升行政执法质量和效能。..........................\n"
	                   "甲市乙区2022年度法治政府建设情况报告\n甲市人民政府：\n现将有关情况报告如下。\n"
	                   "一、主要举措和成效\n（一）坚持党的领导\n全年研究法治工作6次。\n二、工作安排\n"
	                   "（一）深入学习贯彻党的二十大精神。继续推进。\n（二）提升行政执法质量和效能。加强培训。\n";
	r = parse_str(ends, strlen(ends), "contents");
	assert_int_equal(r->nsections, 5);
	assert_true(r->body_start > (size_t)(strstr(ends, "效能。....") - ends));
	report_free(r);

	/* entries without page numbers, a long one wrapped, one ending as titles do (…职责情况): the
	 * table of contents runs to the report's title again; the signature and its date printed on
	 * one line, in two columns, date the report */
	const char *bare = "甲市乙区人民政府\n2023年2月\n目  录\n一、2022年法治政府建设主要举措和成效\n"
	                   "（一）坚持以习近平新时代中国特色社会主义思想为指导，深\n入学习贯彻党的二十大精神\n"
	                   "二、党政主要负责人履行推进法治建设第一责任人职责情况\n三、2023年工作安排\n（一）深入学习\n"
	                   "甲市乙区人民政府关于2022年度法治政府建设情况的报告\n甲市人民政府：\n现将有关情况报告如下。\n"
	                   "一、2022年法治政府建设主要举措和成效\n全年研究法治工作6次。\n"
	                   "二、党政主要负责人履行推进法治建设第一责任人职责情况\n区长带头学法。\n三、2023年工作安排\n"
	                   "继续推进。\n甲市乙区人民政府  2023年1月18日\n";
	r = parse_str(bare, strlen(bare), "contents");
	assert_int_equal(r->nsections, 3);
	assert_string_equal(r->meta.title, "甲市乙区人民政府关于2022年度法治政府建设情况的报告");
	assert_true(r->sections[0].head_start > (size_t)(strstr(bare, "甲市人民政府：") - bare));
	assert_string_equal(r->meta.published, "2023-01-18");
	assert_string_equal(r->meta.issuer, "甲市乙区人民政府");
	report_free(r);
}

/* A report made as a speech to the people's congress: the line under its title says when and
 * where it was given, which dates it and may name its jurisdiction in full; a title opening
 * with 关于 names the jurisdiction after it. */
static void test_speech(void **state)
{
	(void)state;
	const char *text = "关于甲乙区2021年度法治政府建设情况的报告\n"
	                   "——2022年4月26日在丙丁市甲乙区第十八届人民代表大会常务委员会第二次会议上\n"
	                   "区人民政府副区长　某某\n主任、各位副主任、秘书长、各位委员：\n"
	                   "受区人民政府委托，现将有关情况报告如下：\n一、主要工作\n全年办理事项十件。\n以上报告，请予审议。\n";
	struct report *r = parse_str(text, strlen(text), "speech");
	assert_string_equal(r->meta.region, "丙丁市甲乙区");
	assert_string_equal(r->meta.published, "2022-04-26");
	assert_int_equal(r->meta.year, 2021);
	report_free(r);
	const char *bracket = "关于甲乙区2021年度法治政府建设情况的报告\n（2022年3月2日在甲乙区人大常委会会议上）\n"
	                      "现将有关情况报告如下：\n一、主要工作\n全年办理事项十件。\n";
	r = parse_str(bracket, strlen(bracket), "bracket");
	assert_string_equal(r->meta.region, "甲乙区");
	assert_string_equal(r->meta.published, "2022-03-02");
	report_free(r);
	const char *guided = "霍山县教育局2022年度法治政府建设工作报告\n"
	                     "县教育局在县委、县政府的坚强领导和六安市教育局的业务指导下，扎实推进依法治教。\n"
	                     "一、主要工作\n全年办理事项十件。\n";
	r = parse_str(guided, strlen(guided), "guided");
	assert_string_equal(r->meta.region, "六安市霍山县");
	report_free(r);
	const char *prefecture = "丙丁地区行政公署关于2020年度法治政府建设情况的报告\n一、主要工作\n全年办理事项十件。\n";
	r = parse_str(prefecture, strlen(prefecture), "prefecture");
	assert_string_equal(r->meta.region, "丙丁地区");
	assert_int_equal(r->meta.level, REPORT_LEVEL_CITY);
	report_free(r);
	/* a party committee's summary is titled 总结; its district named after a former city ends in 市区 */
	const char *summary = "丙市区2023年全面依法治区工作总结\n发布时间：2024-01-22\n一、主要工作\n全年办理事项十件。\n"
	                      "中共甲乙市丙市区委全面依法治区委员会办公室\n2024年1月18日\n";
	r = parse_str(summary, strlen(summary), "summary");
	assert_string_equal(r->meta.title, "丙市区2023年全面依法治区工作总结");
	assert_string_equal(r->meta.region, "甲乙市丙市区");
	report_free(r);
	/* a county department's addressee, its superior in the city, names the city */
	const char *superior = "丙丁县交通运输局2025年度法治政府建设工作情况报告\n甲乙市交通运输局：\n"
	                       "现将有关情况报告如下：\n一、主要工作\n全年办理事项十件。\n";
	r = parse_str(superior, strlen(superior), "superior");
	assert_string_equal(r->meta.region, "甲乙市丙丁县");
	report_free(r);
	/* text saved from a printed document: page numbers on lines of their own, and a closing
	 * block (版记) whose list of those it is copied to runs over two lines ending in 。 */
	const char *printed = "甲乙市人民政府关于2020年度法治政府建设情况的报告\n省政府：\n一、主要工作\n全年办理事项十件。\n"
	                      "— 5 —\n二、工作打算\n继续推进。\n甲乙市人民政府\n2021年2月26日\n"
	                      "抄送：市委各部门，市人大常委会办公室，\n　　　市中级人民法院，市人民检察院。\n"
	                      "甲乙市人民政府办公室　2021年2月27日印发\n-6-\n";
	r = parse_str(printed, strlen(printed), "printed");
	assert_string_equal(r->meta.published, "2021-02-26");
	const char *copied = strstr(r->text, "抄送");
	assert_true(copied && (size_t)(copied - r->text) >= r->body_end);   /* the body ends above it */
	assert_int_equal(report_count_level(r, 1), 2);
	report_free(r);
	/* the city a county's or town's report names in passing: whose awards its places win, in
	 * whose ranking it stands; not a city it merely works with; a town named alone climbs twice
	 * (its county from the addressee, the city from an award); the site a 街道's page was saved
	 * from names its district; an addressee may list two organs */
	static const struct { const char *text, *region; } above[] = {
		{ "甲乙县丙镇2024年法治政府建设情况报告\n一、主要工作\n1个村获评“丁戊市民主法治示范村”。\n", "丁戊市甲乙县丙镇" },
		{ "甲乙市丙镇2019年度法治政府建设工作报告\n一、主要工作\n全年新增丁戊市民主法治示范村2个。\n", "丁戊市甲乙市丙镇" },
		{ "甲乙市丙镇2019年度法治政府建设工作报告\n一、主要工作\n全年新增甲乙市民主法治示范村2个。\n", "甲乙市丙镇" },
		{ "甲乙县人民政府：\n　　2018年，丙丁乡扎实推进法治建设。现将有关情况报告如下：\n一、主要工作\n"
		  "全乡一个村被评为戊己市民主法治示范村。\n丙丁乡人民政府\n2019年1月15日\n", "戊己市甲乙县丙丁乡" },
		{ "甲乙市丙丁区人民政府\n首页 | 信息公开\n戊己街道办事处2022年度法治政府建设工作报告\n"
		  "一、主要工作\n全年办理事项十件。\n", "甲乙市丙丁区戊己街道" },
		/* a site naming the region whole with its prefecture before it */
		{ "甲乙州丙丁市人民政府\n首页 | 信息公开\n丙丁市信访局2025年度法治政府建设工作情况报告\n"
		  "一、主要工作\n全年办理事项十件。\n丙丁市信访局\n2026年1月16日\n", "甲乙州丙丁市" },
		/* the signature names the district the site names too: once in the region */
		{ "甲乙市丙丁区人民政府\n首页 | 信息公开\n戊己街道办事处2021年度法治政府建设工作报告\n丙丁区人民政府：\n"
		  "一、主要工作\n全年办理事项十件。\n丙丁区戊己街道办事处\n2022年1月10日\n", "甲乙市丙丁区戊己街道" },
		{ "丙丁区住房和城乡建设局2024年度法治政府建设情况报告\n区委依法治区办、甲乙市住房和城乡建设局：\n"
		  "一、主要工作\n全年办理事项十件。\n", "甲乙市丙丁区" },
		{ "戊己区人民政府 首页 政务公开 当前位置：首页 > 部门信息公开 > 区住房和城乡建设局 "
		  "戊己区住房和城乡建设局2024年度法治政府建设情况报告 发布时间：2025-01-24 09:32 来源：区住房和城乡建设局 "
		  "【打印】 【关闭】 区委全面依法治区委员会办公室、丙丁市住房和城乡建设局： 2024年，区住房和城乡建设局"
		  "坚持依法行政，各项工作取得新成效。现将有关情况报告如下： 一、主要举措和成效 （一）强化组织保障。"
		  "全年局党组会专题研究法治建设工作5次。 （二）规范行政执法。全年办理行政处罚案件十件。 "
		  "二、存在的不足 执法力量仍然薄弱。\n", "丙丁市戊己区" },
		{ "甲乙县2023年法治政府建设情况报告\n一、主要工作\n地区生产总值增长5.2%，增速居丙丁市前列。\n", "丙丁市甲乙县" },
		{ "甲乙县2023年法治政府建设情况报告\n一、主要工作\n法治文化广场获评甲乙市法治文化建设示范点。\n", "甲乙市甲乙县" },
		{ "甲乙县2023年法治政府建设情况报告\n一、主要工作\n与丙丁市开展跨市通办，办理事项十件。\n", "甲乙县" },
		/* a place's name is Chinese characters alone: no city in 创建，新增市级… */
		{ "甲乙县丙镇2021年法治政府建设情况报告\n一、主要工作\n深化示范村创建，新增市级民主法治示范村2个。\n",
		  "甲乙县丙镇" },
	};
	for (size_t i = 0; i < sizeof above / sizeof *above; i++) {
		r = parse_str(above[i].text, strlen(above[i].text), "above");
		assert_string_equal(r->meta.region, above[i].region);
		report_free(r);
	}
	/* a national agency's local branch names the agency first, its place after; a development
	 * zone stands alone though its addressee names the prefecture it lies in; a city department's
	 * district branch reports for its district */
	static const struct { const char *text, *region; int level; } named[] = {
		{ "国家税务总局甲乙市税务局2021年度法治政府建设情况报告\n", "甲乙市", REPORT_LEVEL_DEPARTMENT },
		{ "甲乙经济技术开发区管理委员会关于2021年度法治政府建设情况的报告\n丙丁市人民政府：\n", "甲乙经济技术开发区",
		  REPORT_LEVEL_COUNTY },
		{ "甲乙市生态环境局丙丁区分局2025年度法治政府建设工作情况报告\n", "甲乙市丙丁区", REPORT_LEVEL_DEPARTMENT },
		{ "甲乙市规划和自然资源委员会丙丁区分局2021年度法治政府建设工作情况报告\n", "甲乙市丙丁区",
		  REPORT_LEVEL_DEPARTMENT },
		/* a party committee reporting with its government: the government's place */
		{ "中共甲乙镇委员会 甲乙镇人民政府\n关于2025年度法治政府建设工作情况的报告\n", "甲乙镇", REPORT_LEVEL_TOWN },
		{ "中共甲乙县委员会、甲乙县人民政府关于2021年度法治政府建设情况的报告\n", "甲乙县", REPORT_LEVEL_COUNTY },
		{ "中共丙丁市甲乙区委丙丁市甲乙区人民政府关于2019年度法治政府建设工作情况的报告\n", "丙丁市甲乙区", REPORT_LEVEL_COUNTY },
		/* a party committee alone in the addressee (中共甲州市委) names its city, 州 inside its name */
		{ "丙丁市2025年法治政府建设年度报告\n中共甲州市委、甲州市人民政府：\n", "甲州市丙丁市", REPORT_LEVEL_COUNTY },
		/* a division of the Xinjiang corps is a prefecture of its own, named with the corps */
		{ "第一师阿拉尔市2022年法治政府建设年度报告\n", "新疆生产建设兵团第一师阿拉尔市", REPORT_LEVEL_CITY },
		{ "第十二师头屯河农场2020年法治政府建设情况报告\n", "新疆生产建设兵团第十二师头屯河农场", REPORT_LEVEL_TOWN },
		/* another name of the same zone in brackets after its own: the zone, not a place inside it */
		{ "甲乙丙丁经济技术开发区（工业区）管理委员会2025年度法治政府建设情况报告\n", "甲乙丙丁经济技术开发区",
		  REPORT_LEVEL_COUNTY },
		{ "甲乙高新技术产业开发区(丙丁园区)管委会2023年度法治政府建设情况报告\n", "甲乙高新技术产业开发区",
		  REPORT_LEVEL_COUNTY },
		/* an addressee of the prefecture's bureau written short (州市场监督管理局) names no place */
		{ "玛沁县市场监督管理局2019年度法治政府建设工作报告\n县人民政府、州市场监督管理局：\n", "果洛藏族自治州玛沁县",
		  REPORT_LEVEL_DEPARTMENT },
		/* nor does the region's bureau a department works under (在…自治区市场监督管理局的领导下):
		 * 自治区 alone is a body's short word for its own region, not a place named 自治 */
		{ "阿克苏地区市场监督管理局2025年度法治政府建设情况报告\n本局在地委、行署和自治区市场监督管理局的坚强领导下依法履职。\n",
		  "阿克苏地区", REPORT_LEVEL_DEPARTMENT },
		/* a prefecture's department named with its short name (昌吉州气象局) on the prefecture's own
		 * site has the prefecture's region whole, not joined to its short name */
		{ "昌吉回族自治州人民政府\n昌吉州气象局2025年度法治政府建设工作情况报告\n昌吉州人民政府：\n", "昌吉回族自治州",
		  REPORT_LEVEL_DEPARTMENT },
		/* a place below a province is named without it, as a prefecture's district is; a province's
		 * department keeps it, and so does a municipality's district */
		{ "海南省澄迈县人民政府2021年法治政府建设情况报告\n", "澄迈县", REPORT_LEVEL_COUNTY },
		{ "广东省惠州市博罗县园洲镇2021年法治政府建设情况报告\n", "惠州市博罗县园洲镇", REPORT_LEVEL_TOWN },
		{ "辽宁省自然资源厅2025年法治政府建设情况报告\n", "辽宁省", REPORT_LEVEL_DEPARTMENT },
		{ "上海市静安区人民政府2019年法治政府建设情况报告\n", "上海市静安区", REPORT_LEVEL_COUNTY },
		/* a Mongol township (苏木) is a town; a site's greeting before its name is no place */
		{ "正蓝旗那日图苏木人民政府关于2021年法治政府建设工作的报告\n", "锡林郭勒盟正蓝旗那日图苏木", REPORT_LEVEL_TOWN },
		{ "欢迎访问正蓝旗人民政府门户网站\n那日图苏木2021年法治政府建设工作报告\n", "锡林郭勒盟正蓝旗那日图苏木",
		  REPORT_LEVEL_TOWN },
		/* people's organisations report as departments do (残疾人联合会, 供销合作社) */
		{ "甲乙市残疾人联合会关于2023年度法治政府建设工作情况的报告\n", "甲乙市", REPORT_LEVEL_DEPARTMENT },
		{ "甲乙县供销合作社2022年度法治政府建设工作情况报告\n", "甲乙县", REPORT_LEVEL_DEPARTMENT },
		/* a zone the table of divisions files under a district stands alone too */
		{ "赣州经济技术开发区管委会2025年法治政府建设工作情况报告\n", "赣州经济技术开发区", REPORT_LEVEL_COUNTY },
		/* an economic zone (…经济区) is a zone as a development zone is, its name standing alone */
		{ "甲乙双龙航空港经济区管理委员会关于2018年度法治政府建设工作情况的报告\n", "甲乙双龙航空港经济区",
		  REPORT_LEVEL_COUNTY },
		/* a state ranch (farm, forest farm) is a town of the table of divisions and reports as one */
		{ "甲乙丙丁牧场关于2020年度法治政府建设工作情况的报告\n戊己市人民政府：\n", "戊己市甲乙丙丁牧场",
		  REPORT_LEVEL_TOWN },
		/* an ethnic township's name holds its people's: 新生鄂伦春族乡 */
		{ "甲乙区新生鄂伦春族乡2016年法治政府建设工作报告\n", "甲乙区新生鄂伦春族乡", REPORT_LEVEL_TOWN },
		/* a banner's name is Mongol, often longer than a county's: up to seven characters before 旗 */
		{ "甲乙丙丁戊己旗人民政府关于2019年度法治政府建设工作情况的报告\n", "甲乙丙丁戊己旗", REPORT_LEVEL_COUNTY },
	};
	for (size_t i = 0; i < sizeof named / sizeof named[0]; i++) {
		char text[512];
		snprintf(text, sizeof text, "%s一、主要工作\n全年办理事项十件。\n", named[i].text);
		r = parse_str(text, strlen(text), "named");
		assert_string_equal(r->meta.region, named[i].region);
		assert_int_equal(r->meta.level, named[i].level);
		report_free(r);
	}
	const char *joined = "甲乙市人民政府关于2017年度法治政府建设情况的报告\n"
	                     "2017年，在自治区党委、政府和市委的坚强领导下，甲乙市人民政府扎实推进法治政府建设。\n"
	                     "一、主要工作\n全年办理事项十件。\n";
	r = parse_str(joined, strlen(joined), "joined");
	assert_string_equal(r->meta.region, "甲乙市");
	report_free(r);
	const char *byline = "甲乙区卫生健康局2021年度法治政府建设工作情况报告\n甲乙区卫生健康局 健康甲乙 2022-01-19 17:42\n"
	                     "区委依法治区办：\n现将有关情况报告如下：\n一、主要工作\n全年办理十件。\n甲乙区卫生健康局\n2022年1月17日\n";
	r = parse_str(byline, strlen(byline), "byline");
	assert_string_equal(r->meta.published, "2022-01-19");
	report_free(r);
	const char *keyed = "甲乙区卫生健康局2021年度法治政府建设工作情况报告\n浏览次数：2022 更新 2022-01-10\n"
	                    "现将有关情况报告如下：\n一、主要工作\n全年办理十件。\n甲乙区卫生健康局\n2022年1月17日\n";
	r = parse_str(keyed, strlen(keyed), "keyed");
	assert_string_equal(r->meta.published, "2022-01-17");
	report_free(r);
	/* an official document's note of its release stands above its signature or below its date */
	static const char *const noted[] = {
		"甲乙区卫生健康局2021年度法治政府建设工作情况报告\n一、主要工作\n全年办理十件。\n（此件公开发布）\n甲乙区卫生健康局\n2022年1月17日\n",
		"甲乙区卫生健康局2021年度法治政府建设工作情况报告\n一、主要工作\n全年办理十件。\n甲乙区卫生健康局\n2022年1月17日\n（此件主动公开）\n",
	};
	for (size_t i = 0; i < sizeof noted / sizeof *noted; i++) {
		r = parse_str(noted[i], strlen(noted[i]), "noted");
		assert_string_equal(r->meta.published, "2022-01-17");
		assert_string_equal(r->meta.issuer, "甲乙区卫生健康局");
		report_free(r);
	}
	/* a body known by two names gives its second in brackets, in the title and under its signature */
	static const char *const two_names[] = {
		"甲乙区城市管理局（区综合行政执法局）2025年度法治政府建设工作报告\n一、主要工作\n全年办理十件。\n",
		"2025年度法治政府建设工作报告\n一、主要工作\n全年办理十件。\n甲乙区城市管理局\n（甲乙区综合行政执法局）\n2026年1月16日\n",
	};
	for (size_t i = 0; i < sizeof two_names / sizeof *two_names; i++) {
		r = parse_str(two_names[i], strlen(two_names[i]), "two names");
		assert_string_equal(r->meta.issuer, "甲乙区城市管理局");
		assert_string_equal(r->meta.region, "甲乙区");
		report_free(r);
	}
	const char *plain = "关于甲乙区2021年度法治政府建设情况的报告\n——2022年工作要点在前\n"
	                    "现将有关情况报告如下：\n一、主要工作\n全年办理事项十件。\n";
	r = parse_str(plain, strlen(plain), "plain");
	assert_string_equal(r->meta.published, "");
	report_free(r);
}

/* Numbering as some reports write it: a top numeral ended by a blank instead of 、, taken only
 * as the next of its list; parts named without a numeral, each starting its （一） again. */
static void test_loose_numbering(void **state)
{
	(void)state;
	const char *spaced = "甲县2020年法治政府建设情况报告\n一、主要举措和成效\n（一）加强领导。\n全年办理十件。\n"
	                     "二 存在的问题和不足\n问题仍然存在。\n三　2021年工作安排\n继续推进。\n五 个方面的工作\n";
	struct report *r = parse_str(spaced, strlen(spaced), "spaced");
	assert_int_equal(report_count_level(r, 1), 3);
	report_free(r);
	const char *parts = "甲县2019年法治政府建设情况报告\n2019年法治政府建设主要工作及成效\n（一）加强组织领导\n"
	                    "全年办理十件。\n（二）深化改革\n继续推进。\n存在的问题和不足\n问题仍然存在。\n2020年工作打算\n"
	                    "（一）加强统筹推进\n（二）提升决策水平\n";
	r = parse_str(parts, strlen(parts), "parts");
	assert_int_equal(report_count_level(r, 2), 4);
	assert_true(r->sections[1].end <= (size_t)(strstr(parts, "存在的问题") - parts));
	report_free(r);
	const char *within = "甲县2019年法治政府建设情况报告\n（一）加强组织领导\n全年办理十件。\n"
	                     "重点工作安排\n（二）深化改革\n继续推进。\n（三）强化监督\n";
	r = parse_str(within, strlen(within), "within");
	assert_int_equal(report_count_level(r, 2), 3);   /* no （一） after it: the list goes on */
	report_free(r);
}

/* Top headings numbered 一． or 一. as some typists write them; a heading that runs on into its
 * text after a colon ends at the colon (a bold lead of a web page's paragraph). */
static void test_other_ordinals(void **state)
{
	(void)state;
	const char *stops = "甲县2019年法治政府建设情况报告\n一．主要举措和成效\n（一）加强领导\n全年办理十件。\n"
	                    "二.存在的问题和不足\n问题仍然存在。\n三．2020年工作打算\n继续推进。\n";
	struct report *r = parse_str(stops, strlen(stops), "stops");
	assert_int_equal(report_count_level(r, 1), 3);
	assert_int_equal(report_count_level(r, 2), 1);
	report_free(r);
	const char *colon = "甲区2021年法治政府建设情况报告\n一、主要举措和成效：2021年是开局之年，全区稳步推进。\n"
	                    "二、存在的问题和不足：执法力量仍显不足。\n三、2022年工作打算：\n继续推进。\n";
	r = parse_str(colon, strlen(colon), "colon");
	assert_int_equal(report_count_level(r, 1), 3);
	static const char *const titles[] = { "主要举措和成效", "存在的问题和不足", "2022年工作打算" };
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *sec = &r->sections[i];
		assert_int_equal(sec->title_end - sec->title_start, strlen(titles[i]));
		assert_memory_equal(r->text + sec->title_start, titles[i], strlen(titles[i]));
	}
	report_free(r);
}

/* Place names that open with a character that also points at a body (全县, 本局, 各类): 全椒县,
 * 本溪市 are names; 全县, 各类市场 are not. */
static void test_pronoun_like_names(void **state)
{
	(void)state;
	static const struct { const char *title, *region; } cases[] = {
		{ "全椒县人民政府关于2018年度法治政府建设工作情况的报告", "滁州市全椒县" },
		{ "本溪市人民政府关于2020年法治政府建设情况的报告", "本溪市" },
		{ "全县2020年法治政府建设情况的报告", NULL },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char text[512];
		snprintf(text, sizeof text, "%s\n一、主要工作\n各类市场主体达1.2万户。\n", cases[i].title);
		struct report *r = parse_str(text, strlen(text), "pronoun");
		if (cases[i].region)
			assert_string_equal(r->meta.region ? r->meta.region : "(none)", cases[i].region);
		else
			assert_null(r->meta.region);
		report_free(r);
	}
}

/* Chapters without a numeral of the 一、 family: parts named 第X部分 above the 一、 lists, which
 * start again in each part or go on; chapters marked 【…】 or ■ instead of numbered. */
static void test_unnumbered_chapters(void **state)
{
	(void)state;
	const char *parts = "甲市2021年法治政府建设情况报告\n第一部分　2021年主要工作\n一、加强领导\n（一）完善机制\n"
	                    "全年办理十件。\n二、规范执法\n正文。\n第二部分　存在的问题\n一、基层力量薄弱\n正文。\n"
	                    "第三部分、2022年工作安排\n一、持续推进\n正文。\n";
	struct report *r = parse_str(parts, strlen(parts), "parts");
	static const struct head want[] = {
		{ 0, "一", "2021年主要工作" }, { 1, "一", "加强领导" }, { 2, "一", "完善机制" }, { 1, "二", "规范执法" },
		{ 0, "二", "存在的问题" }, { 1, "一", "基层力量薄弱" }, { 0, "三", "2022年工作安排" }, { 1, "一", "持续推进" },
	};
	assert_tree(r, want, sizeof want / sizeof *want);
	assert_int_equal(r->meta.year, 2021);
	assert_int_equal(r->nwarnings, 0);
	report_free(r);
	/* the 一、 list going on from one part to the next; a part out of its order, or 第一部分 as words */
	const char *going_on = "甲市2021年法治政府建设情况报告\n第一部分　主要工作\n一、加强领导\n正文。\n二、规范执法\n"
	                       "第一部分内容已经完成。\n第三部分　其他\n正文。\n第二部分　存在的问题\n三、基层力量薄弱\n正文。\n";
	r = parse_str(going_on, strlen(going_on), "going_on");
	static const struct head want2[] = {
		{ 0, "一", "主要工作" }, { 1, "一", "加强领导" }, { 1, "二", "规范执法" },
		{ 0, "二", "存在的问题" }, { 1, "三", "基层力量薄弱" },
	};
	assert_tree(r, want2, sizeof want2 / sizeof *want2);
	report_free(r);
	/* parts with no 一、 list anywhere are the chapters, at its level: their （一） sit below them */
	const char *chapters = "甲区2021年法治政府建设情况报告\n第一部分　主要举措和成效\n（一）坚持党的领导\n正文。\n"
	                       "（二）规范执法\n正文。\n第二部分　存在的不足\n力量薄弱。\n第三部分　2022年工作安排\n"
	                       "（一）持续推进\n正文。\n";
	r = parse_str(chapters, strlen(chapters), "chapters");
	static const struct head want5[] = {
		{ 1, "一", "主要举措和成效" }, { 2, "一", "坚持党的领导" }, { 2, "二", "规范执法" },
		{ 1, "二", "存在的不足" }, { 1, "三", "2022年工作安排" }, { 2, "一", "持续推进" },
	};
	assert_tree(r, want5, sizeof want5 / sizeof *want5);
	assert_counts(r, 3, 3, 0);
	report_free(r);
	/* marked chapters: parts when no numbered chapter is open, else one level below it */
	const char *marked = "甲镇2024年法治政府建设情况报告\n【强化组织领导，压实责任】\n一是完善机制。\n【存在的问题】\n"
	                     "一是力量薄弱。\n";
	r = parse_str(marked, strlen(marked), "marked");
	static const struct head want3[] = { { 0, "", "【强化组织领导，压实责任】" }, { 0, "", "【存在的问题】" } };
	assert_tree(r, want3, sizeof want3 / sizeof *want3);
	assert_counts(r, 0, 0, 0);
	report_free(r);
	const char *bullets = "甲街道2024年法治政府建设情况报告\n一、主要举措\n■加强组织领导，压实责任\n正文。\n"
	                      "● 全年办理案件12件，结案10件。\n■规范执法\n正文。\n二、存在的问题\n问题仍在。\n";
	r = parse_str(bullets, strlen(bullets), "bullets");
	static const struct head want4[] = {
		{ 1, "一", "主要举措" }, { 2, "", "加强组织领导，压实责任" }, { 2, "", "规范执法" }, { 1, "二", "存在的问题" },
	};
	assert_tree(r, want4, sizeof want4 / sizeof *want4);
	report_free(r);
	/* a later part set alone without a numeral after numbered ones, as a web editor bolds it */
	const char *bold = "甲区2025年法治政府建设情况报告\n一、主要举措\n（一）加强领导\n正文。\n"
	                   "二、党政主要负责人履行推进法治建设第一责任人职责情况\n区政府主要负责人认真履行第一责任人职责，带头学法。\n存在的问题\n一是问题仍在。\n"
	                   "2026年工作安排：\n一是继续推进。\n";
	r = parse_str(bold, strlen(bold), "bold");
	static const struct head want6[] = {
		{ 1, "一", "主要举措" }, { 2, "一", "加强领导" }, { 1, "二", "党政主要负责人履行推进法治建设第一责任人职责情况" },
		{ 1, "", "存在的问题" }, { 1, "", "2026年工作安排" },
	};
	assert_tree(r, want6, sizeof want6 / sizeof *want6);
	report_free(r);
}

/* Relatives of the genre and the way they are stored: a 政府工作报告 reports on the year before
 * its congress; a 述法报告 is signed by the head of the government; a 发布机构 cell gives the
 * fuller name; a flattened page's signature dated in Chinese numerals; a list announced again
 * after the problems (究其原因，主要有以下两个方面：) starts its numbering again. */
static void test_relatives(void **state)
{
	(void)state;
	const char *congress = "2024年甲乙县政府工作报告\n——2024年1月9日在甲乙县第十八届人民代表大会第四次会议上\n"
	                       "各位代表：\n一、2023年工作回顾\n全年办理事项十件。\n二、2024年工作安排\n继续推进。\n";
	struct report *r = parse_str(congress, strlen(congress), "congress");
	assert_string_equal(r->meta.region, "甲乙县");
	assert_int_equal(r->meta.year, 2023);
	report_free(r);
	const char *account = "发布机构： 丙丁市甲乙区人民政府 成文日期： 2024-01-30\n甲乙区人民政府区长2023年度述法报告\n"
	                      "一、提高政治站位\n本人全年专题研究法治工作6次。\n";
	r = parse_str(account, strlen(account), "account");
	assert_string_equal(r->meta.region, "丙丁市甲乙区");
	assert_int_equal(r->meta.year, 2023);
	report_free(r);
	const char *flat = "标题: 甲乡2020年度法治政府建设工作报告\n==== 正文 ====\n当前位置：首页 > 信息公开县委依法治县办：2020年，"
	                   "甲乡全面推进法治政府建设。一、主要工作全年办理事项十件。二、下一步工作继续推进。"
	                   "甲乙县甲乡人民政府二〇二一年一月十五日【打印本页】【关闭窗口】主办：甲乙县人民政府办公室\n";
	r = parse_str(flat, strlen(flat), "flat");
	assert_string_equal(r->meta.published, "2021-01-15");
	report_free(r);
	const char *causes = "甲市2024年法治政府建设情况报告\n一、存在的不足和原因\n（一）推进不够平衡。部分部门重视不够。\n"
	                     "（二）执法能力有待提升。力量不足。\n究其原因，主要有以下两个方面：\n（一）主观上重视不够。学习不深。\n"
	                     "（二）客观上保障不足。人员较少。\n二、2025年工作安排\n继续推进。\n";
	r = parse_str(causes, strlen(causes), "causes");
	static const struct head want[] = {
		{ 1, "一", "存在的不足和原因" }, { 2, "一", "推进不够平衡" }, { 2, "二", "执法能力有待提升" },
		{ 2, "一", "主观上重视不够" }, { 2, "二", "客观上保障不足" }, { 1, "二", "2025年工作安排" },
	};
	assert_tree(r, want, sizeof want / sizeof *want);
	report_free(r);
}

/* A title broken anywhere after its 关于 is read whole. */
static void test_broken_title(void **state)
{
	(void)state;
	const char *text = "甲省人民政府关于2015年度依法行政\n和法治政府建设工作情况的报告\n甲政发〔2016〕23号\n国务院：\n"
	                   "现将有关情况报告如下：\n一、主要工作\n全年办理十件。\n";
	struct report *r = parse_str(text, strlen(text), "broken");
	assert_string_equal(r->meta.title, "甲省人民政府关于2015年度依法行政和法治政府建设工作情况的报告");
	assert_int_equal(r->meta.year, 2015);
	report_free(r);
	/* a letterhead sets the document's number above its title */
	const char *head = "　　乙市人民政府文件\n　　乙政函〔2025〕14号\n乙市人民政府关于2024年度法治政府建设情况的报告\n"
	                   "省人民政府：\n现将有关情况报告如下：\n一、主要工作\n依照《某办法》（乙政发〔2020〕3号）办理十件。\n";
	r = parse_str(head, strlen(head), "letterhead");
	assert_string_equal(r->meta.doc_number, "乙政函〔2025〕14号");
	report_free(r);
}

/* The title of the heading of text that begins with prefix is want. */
static void assert_heading_title(const char *text, const char *prefix, const char *want)
{
	struct report *r = parse_str(text, strlen(text), prefix);
	const struct section *s = section_for(r, prefix);
	assert_non_null(s);
	assert_range(r, s->title_start, s->title_end, want);
	report_free(r);
}

/* A heading broken by the typesetter is read over its two lines; a plan's last heading above the
 * signature, unpunctuated, is not joined to the organ's name or to 特此报告. */
static void test_broken_heading(void **state)
{
	(void)state;
	const char *text = "甲县2023年法治政府建设情况报告\n一、主要工作\n（一）坚持依法全面履行政府职能，持续优化法治化营商\n环境\n"
	                   "全年办理十件。\n二、下一步工作打算\n（一）深入实施“八五”普法，推进法治政府建设考核评价工作\n"
	                   "甲县人民政府\n2024年1月5日\n";
	assert_heading_title(text, "（一）坚持", "坚持依法全面履行政府职能，持续优化法治化营商\n环境");
	assert_heading_title(text, "（一）深入", "深入实施“八五”普法，推进法治政府建设考核评价工作");
	/* a heading line that ends on a comma goes on with its next clause, however short it is */
	assert_heading_title("甲县2023年法治政府建设情况报告\n一、主要工作\n（一）推进镇街综合执法，\n严格规范公正文明执法\n"
	                     "　　组建镇综合行政执法办公室，全年办理十件。\n",
	                     "（一）推进", "推进镇街综合执法，\n严格规范公正文明执法");
	assert_heading_title("甲县2023年法治政府建设情况报告\n一、主要工作\n全年办理十件。\n二、下一步工作打算\n"
	                     "（一）深入实施“八五”普法，推进法治政府建设考核评价工作\n特此报告。\n",
	                     "（一）深入", "深入实施“八五”普法，推进法治政府建设考核评价工作");
}

/* A flattened page whose breadcrumb's last item, the column, runs into the title: the title
 * starts at the body's name, the column left to the breadcrumb. */
static void test_column_run_in(void **state)
{
	(void)state;
	const char *dept = "首页>政务公开>部门信息>法治政府建设甲乙市市场监督管理局2017年度法治政府建设工作情况报告"
	                   "发布日期：2018-01-19　来源：市局　点击数：【字体：大 中 小】甲乙市人民政府：2017年，我局认真落实纲要。"
	                   "一、主要工作（一）加强领导。全年办理十件。\n";
	struct report *r = parse_str(dept, strlen(dept), "dept");
	assert_string_equal(r->meta.title, "甲乙市市场监督管理局2017年度法治政府建设工作情况报告");
	report_free(r);
	const char *gov = "首页>政务公开>法治政府建设甲乙市人民政府关于2017年度法治政府建设工作情况的报告"
	                  "发布日期：2018-01-19　来源：市政府　【字体：大 中 小】丙丁市人民政府：2017年，我市认真落实纲要。"
	                  "一、主要工作（一）加强领导。全年办理十件。\n";
	r = parse_str(gov, strlen(gov), "gov");
	assert_string_equal(r->meta.title, "甲乙市人民政府关于2017年度法治政府建设工作情况的报告");
	report_free(r);
}

/* One 10 MB line without a newline: parsed in linear time, all of it one paragraph. */
static void test_long_line(void **state)
{
	(void)state;
	size_t n = 10u << 20;
	char *text = xmalloc(n + 1);
	static const char unit[] = "一、法治政府建设";   /* 24 bytes */
	for (size_t i = 0; i < n; i += sizeof unit - 1)
		memcpy(text + i, unit, sizeof unit - 1 <= n - i ? sizeof unit - 1 : n - i);
	n -= n % 3;
	text[n] = '\0';
	struct report *r = parse_report(text, n, "long");
	assert_int_equal(r->npara, 1);
	assert_int_equal(r->nsections, 0);   /* far too long for a heading */
	assert_int_equal(r->body_start, 0);
	assert_int_equal(r->body_end, n);
	report_free(r);

	text = xmalloc(n + 1);
	for (size_t i = 0; i < n; i += 3)
		memcpy(text + i, "。", 3);
	text[n] = '\0';
	r = parse_report(text, n, "long");
	assert_int_equal(r->npara, 1);
	report_free(r);
}

/* tests/data/seed-labels.tsv: every level 1–3 row is a heading of that level whose text
 * begins the row's; 一是 rows are points; unheaded rows are text; noise rows are no heading. */
static void check_label(const struct report *r, int level, const char *text, const char *part)
{
	const struct section *s = section_for(r, text);
	if (strcmp(part, "noise") == 0) {
		assert_null(s);
		return;
	}
	if (level == 0 || level == 4) {
		assert_null(s);
		assert_int_equal(para_at(r, text)->kind, level == 4 ? PARA_POINT : PARA_TEXT);
		return;
	}
	if (!s)
		fail_msg("heading not found: %s", text);
	assert_int_equal(s->level, level);
	/* The row is cut at 30 characters; the title must carry on from what the row shows. */
	const char *rest = text + (s->title_start - s->head_start);
	assert_true(strlen(text) >= s->title_start - s->head_start);
	assert_true(s->title_end - s->title_start >= strlen(rest));
	assert_memory_equal(r->text + s->title_start, rest, strlen(rest));
}

static void test_seed_labels(void **state)
{
	(void)state;
	FILE *f = fopen("tests/data/seed-labels.tsv", "r");
	assert_non_null(f);
	char line[1024], cur[64] = "";
	struct report *r = NULL;
	int rows = 0, headings = 0, noise = 0;
	assert_non_null(fgets(line, sizeof line, f));   /* header */
	while (fgets(line, sizeof line, f)) {
		char *file = strtok(line, "\t"), *lv = strtok(NULL, "\t");
		char *text = strtok(NULL, "\t"), *part = strtok(NULL, "\t\n");
		assert_non_null(part);
		if (strcmp(file, cur) != 0) {
			report_free(r);
			r = parse_asset(file);
			snprintf(cur, sizeof cur, "%s", file);
		}
		int level = atoi(lv);
		check_label(r, level, text, part);
		rows++;
		headings += level >= 1 && level <= 3 && strcmp(part, "noise") != 0;
		noise += strcmp(part, "noise") == 0;
	}
	report_free(r);
	fclose(f);
	assert_int_equal(rows, 175);
	assert_int_equal(headings, 158);
	assert_int_equal(noise, 4);
}

/* The Chinese digits and numerals the parser reads (headings 二十一、, dates 二〇二一年一月). */
static void test_cn_numerals(void **ctx)
{
	(void)ctx;
	static const struct { uint32_t c; int v; } digits[] = {
		{ 0x3007, 0 }, { 0x25cb, 0 }, { 0x96f6, 0 }, { 0x4e00, 1 }, { 0x4e8c, 2 }, { 0x4e09, 3 },
		{ 0x56db, 4 }, { 0x4e94, 5 }, { 0x516d, 6 }, { 0x4e03, 7 }, { 0x516b, 8 }, { 0x4e5d, 9 },
		{ 0x5341, -1 }, { '1', -1 }, { 0x4e24, -1 },   /* 十 is no digit; nor is 两 here */
	};
	for (size_t k = 0; k < sizeof digits / sizeof *digits; k++)
		assert_int_equal(parse_cn_digit(digits[k].c), digits[k].v);
	static const struct { const char *s; int v; size_t len; } nums[] = {
		{ "一、", 1, 3 }, { "九是", 9, 3 }, { "十、", 10, 3 }, { "十二", 12, 6 }, { "二十", 20, 6 },
		{ "九十九", 99, 9 }, { "〇", 0, 0 }, { "是", 0, 0 },
	};
	for (size_t k = 0; k < sizeof nums / sizeof *nums; k++) {
		size_t i = 0;
		assert_int_equal(parse_cn_numeral(nums[k].s, &i, strlen(nums[k].s)), nums[k].v);
		assert_int_equal(i, nums[k].len);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_putuo),
		cmocka_unit_test(test_cn_numerals),
		cmocka_unit_test(test_wujin),
		cmocka_unit_test(test_zhanjiang),
		cmocka_unit_test(test_simen),
		cmocka_unit_test(test_jingan),
		cmocka_unit_test(test_fullwidth),
		cmocka_unit_test(test_title_in_body),
		cmocka_unit_test(test_title_in_metadata),
		cmocka_unit_test(test_bracketed_keys),
		cmocka_unit_test(test_dates_of_other_things),
		cmocka_unit_test(test_no_headings),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_markers_at_end),
		cmocka_unit_test(test_sequence),
		cmocka_unit_test(test_title_shapes),
		cmocka_unit_test(test_form_fields),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_appendix_after_signature),
		cmocka_unit_test(test_contents_page),
		cmocka_unit_test(test_speech),
		cmocka_unit_test(test_loose_numbering),
		cmocka_unit_test(test_other_ordinals),
		cmocka_unit_test(test_pronoun_like_names),
		cmocka_unit_test(test_unnumbered_chapters),
		cmocka_unit_test(test_relatives),
		cmocka_unit_test(test_column_run_in),
		cmocka_unit_test(test_broken_title),
		cmocka_unit_test(test_broken_heading),
		cmocka_unit_test(test_seed_labels),
	};
	return cmocka_run_group_tests_name("parse", tests, NULL, NULL);
}
