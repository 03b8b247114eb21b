/* test_15_facts.c — key metrics: figures, Chinese numerals, qualifiers, traps, anchored matching, recall and precision on the reference metrics. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "seed_report.h"

#include "corpus.h"
#include "cue.h"
#include "facts.h"
#include "parse.h"

static const struct facts_model *model(void)
{
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m)
		print_error("%s\n", cause);
	assert_non_null(m);
	return m;
}

/* A report of one paragraph, no headings. */
static struct report *one_para(const char *text)
{
	struct report *r = xcalloc(1, sizeof *r);
	r->path = xstrdup("test");
	r->text = xstrdup(text);
	r->len = r->body_end = strlen(text);
	return r;
}

static void test_numbers(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		double v;
		size_t used;
	} rows[] = {
		{ "百余场次", 100, 3 }, { "两千", 2000, 6 }, { "二十三件", 23, 9 }, { "十", 10, 3 },
		{ "97.82%", 97.82, 5 }, { "１２件", 12, 6 }, { "1188余人", 1188, 4 }, { "0.0039", 0.0039, 6 },
		{ "3.", 3, 1 }, { "一百零五", 105, 12 },
		/* 万 inside a Chinese number when digits follow it; else the multiplier after it */
		{ "一万二千余条", 12000, 12 }, { "两万三千", 23000, 12 }, { "三万余份", 3, 3 },
		/* full-width decimal points; commas between groups of thousands, not before a list's next */
		{ "９５．４％", 95.4, 12 }, { "21,734户", 21734, 6 }, { "1,074,300元", 1074300, 9 },
		{ "12,34件", 12, 2 }, { "5,1234", 5, 1 }, { "240件,其中", 240, 3 },
		/* a Chinese decimal point (四点六万元); 点 with no digit after it is no point (十点开会) */
		{ "四点六万元", 4.6, 9 }, { "十二点三五", 12.35, 15 }, { "十点开会", 10, 3 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		double v = -1;
		size_t used = facts_parse_number(rows[i].s, strlen(rows[i].s), &v);
		assert_int_equal(used, rows[i].used);
		assert_true(v > rows[i].v - 1e-9 && v < rows[i].v + 1e-9);
	}
	double v;
	assert_int_equal(facts_parse_number("件", 3, &v), 0);
}

/* Text in, the facts of catalogue m out as "metric=value unit" joined by spaces; with rates,
 * only the rates facts_compute adds, as "metric=value unit<num_metric+added/den_metric>". */
static void facts_text(const struct facts_model *m, const char *text, int year, int rates, char *out, size_t cap)
{
	struct report *r = one_para(text);
	r->meta.year = year;
	struct facts f = { 0 };
	facts_extract(m, r, &f);
	size_t stated = f.n, first = rates ? stated : 0;
	if (rates)
		facts_compute(m, &f, 0);
	out[0] = '\0';
	for (size_t i = first; i < f.n; i++) {
		const struct facts_fact *c = &f.v[i];
		size_t len = strlen(out);
		len += snprintf(out + len, cap - len, "%s%s=%s %s", i > first ? " " : "", facts_metric_name(m, c->metric),
				c->value_text, c->unit);
		assert_int_equal(c->computed, i >= stated);
		assert_int_equal(facts_metric_computed(m, c->metric), i >= stated);
		if (c->computed) {
			assert_true(c->from[0] < stated && c->from[1] < stated);
			len += snprintf(out + len, cap - len, "<%s", facts_metric_name(m, f.v[c->from[0]].metric));
			for (size_t k = 0; k < c->nalso; k++) {
				assert_int_equal(f.v[c->also[k]].metric, f.v[c->from[0]].metric);
				len += snprintf(out + len, cap - len, "+%s", f.v[c->also[k]].value_text);
			}
			snprintf(out + len, cap - len, "/%s>", facts_metric_name(m, f.v[c->from[1]].metric));
		}
	}
	facts_fini(&f);
	report_free(r);
}

static void extract_with(const struct facts_model *m, const char *text, char *out, size_t cap)
{
	facts_text(m, text, 0, 0, out, cap);
}

static void extract(const char *text, char *out, size_t cap)
{
	extract_with(model(), text, out, cap);
}

/* Fails naming the input when the facts read differ from those wanted. */
static void assert_facts(const char *text, const char *got, const char *want)
{
	if (strcmp(got, want) != 0)
		print_error("%s\n  got  %s\n  want %s\n", text, got, want);
	assert_string_equal(got, want);
}

/* A sentence and the facts wanted of it, as facts_text writes them. */
struct fact_row {
	const char *text, *want;
};

/* Checks the facts model m reads in each of rows[0..n). */
static void check_rows(const struct facts_model *m, const struct fact_row *rows, size_t n)
{
	char got[512];
	for (size_t i = 0; i < n; i++) {
		extract_with(m, rows[i].text, got, sizeof got);
		assert_facts(rows[i].text, got, rows[i].want);
	}
}

static void test_figures(void **state)
{
	(void)state;
	static const struct fact_row rows[] = {
		{ "全区全年累计开展各类普法宣传活动百余场次。", "pub_events=100 场次|余" },
		{ "发放宣传资料5万余份。", "pub_materials=5 万份|余" },
		{ "帮助农民工讨回欠薪近1400万元。", "aid_wage_amount=1400 万元|近" },
		{ "全区政务服务网上申报率达98%以上。", "svc_online_rate=98 %|以上" },
		{ "承诺办理时限不超过5个工作日,进一步压缩企业开办时间。", "" },
		{ "进一步压缩企业开办时间,承诺办理时限不超过5个工作日。", "svc_startup_days=5 个工作日|不超过" },
		{ "以区政府为被告的行政诉讼案件无一败诉。", "lit_lost=0 件" },
		/* items of enforcement brought into combined enforcement, moved or handed down, by any of
		 * those verbs (纳入, 划入, 调整由…实施) */
		{ "全县纳入综合行政执法范围的事项达987项。", "enf_items=987 项" },
		{ "将142项县级行政执法事项调整由乡镇实施。", "enf_items=142 项" },
		{ "划转住建领域行政处罚权215项。", "enf_items=215 项" },
		/* matters put on the agenda of any level's congress standing committee */
		{ "将3项重大事项纳入县人大常委会议程。", "npc_oversight=3 项|重大事项向人大报告" },
		/* a run of demo villages by level, high to low: a 市级 after 省级 is the prefecture's, one
		 * after a 市级 the county-level city's, whatever the cities are called */
		{ "创建国家级民主法治村1个，省级5个，绍兴市级9个，诸暨市级14个。",
		  "demo_village=1 个|国家级 demo_village=5 个|省级 demo_village=9 个|地市级 demo_village=14 个|县级" },
		/* the units whose files a review takes in, as the domain counts file reviews */
		{ "21个执法部门参加案卷评查。", "enf_file_review=21 个|参评单位" },
		/* firms helped to repair their credit or off the list of irregular firms; the whole of a
		 * place's firms passing a mark (突破) */
		{ "为45家企业开展信用修复。", "credit_repair=45 家" },
		{ "帮助19家企业移出经营异常名录。", "credit_repair=19 家" },
		{ "全县市场主体突破3.6万户。", "market_entities=3.6 万户" },
		/* firms engaged from outside or again are engaged (外聘, 续聘) */
		{ "区政府外聘律师事务所2家。", "adv_units=2 家" },
		/* enforcement cases closed after those filed are cases too, as 办结 ones were */
		{ "全年立案查处违法案件264件，结案251件。", "enf_cases=264 件 enf_cases=251 件" },
		/* requests for disclosure counted right after 依申请公开, in brackets or not */
		{ "主动公开信息860条，依申请公开12件。", "open_items=860 条 open_requests=12 件" },
		{ "依申请公开政府信息（7件）。", "open_requests=7 件" },
		/* people named in quotes before the verb that counts them */
		{ "全镇“法律明白人”达到316名。", "pub_volunteers=316 名" },
		/* tasks of random checks are counted as batches are, in 项 or 个 as well */
		{ "全年发起随机抽查任务31项，其中部门联合抽查任务7个。", "reg_random_checks=31 项 reg_random_checks=7 个" },
		/* a legality review's rate said alone is the decisions' */
		{ "决策事项均经集体讨论，合法性审查率保持100%。", "dec_legality_review=100 %" },
		/* matters of law a government's legal office reviews (涉法事项, 涉法事务) are other legality reviews */
		{ "县司法局全年审查县政府各类涉法事项154件。", "legality_review_docs=154 件" },
		{ "审查镇政府合同协议和其他涉法事务37件。", "legality_review_docs=37 件" },
		/* no lawsuit at all is none faced; no lawsuit lost is none lost */
		{ "本年度镇政府无行政诉讼案件。", "lit_cases=0 件" },
		{ "本年度镇政府无行政诉讼案件败诉。", "lit_lost=0 件" },
		/* zero written as a numeral before its counter (零件) is a figure, 0; 零 before no counter is none */
		{ "本局全年行政诉讼案件零件。", "lit_cases=0 件" },
		{ "全年以县政府为被申请人的行政复议案件零件。", "rev_respondent=0 件|政府为被申请人" },
		{ "实现信访事项零发生。", "" },
		{ "共收到行政复议申请１５件,受理13件。", "rev_received=15 件 rev_accepted=13 件" },
		{ "废止（含失效）21件。", "nd_repealed=21 件|含失效" },
		{ "累计标的额约63.4亿。", "contract_amount=63.4 亿|约" },
		{ "调解成功率为97.82%。", "med_success_rate=97.82 %" },
		{ "成功创建省级民主法治村(社区)5家、市级18家。", "demo_village=5 家|省级 demo_village=18 家|市级" },
	};
	check_rows(model(), rows, sizeof rows / sizeof rows[0]);
}

/* A small table sets the year reported on beside the year before, a column a year: each row's
 * figure is the one of the year reported on, whichever way its cells are parted. */
static void test_figure_rows(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int year;
		const char *want;
	} rows[] = {
		/* tabs, as a Word table or a typed table gives them; the counter in the label's brackets */
		{ "主要数据如下：\n项目\t2022年\t2023年\n收到行政复议申请（件）\t1032\t1286\n受理（件）\t936\t1174",
		  2023, "rev_received=1286 件 rev_accepted=1174 件" },
		/* a saved page's cells, one blank between, the counter after each figure */
		{ "执法情况如下：\n项目 2018年 2019年\n行政处罚案件 1493件 1658件\n罚没款 482.3万元 536.7万元",
		  2019, "enf_cases=1658 件 enf_fines=536.7 万元" },
		/* the counter in each year's brackets, as a spreadsheet's header names it */
		{ "情况如下：\n指标  2020年（件）  2019年（件）\n收到行政复议申请  118  97\n受理  104  88",
		  2020, "rev_received=118 件 rev_accepted=104 件" },
		/* U+3000 padding; the year reported on first, a change column after */
		{ "调解工作情况：\n指标　　2021年　　2020年　　增减\n受理矛盾纠纷（件）　　1648　　1573　　+75",
		  2021, "med_received=1648 件" },
		/* 本年 and 上年, no label over the labels */
		{ "说明如下。\n　　本年　　上年\n新收行政复议申请（件）　　412　　380", 0, "rev_received=412 件" },
		/* the year unknown: the latest */
		{ "情况如下。\n类别\t2019年度\t2020年度\n法律援助案件（件）\t210\t236", 0, "aid_cases=236 件" },
		/* a line of prose after the table is read as prose */
		{ "项目\t2022年\t2023年\n受理（件）\t936\t1174\n全年办结行政复议案件1108件。", 2023,
		  "rev_accepted=1174 件 rev_concluded=1108 件" },
		/* in running text, the year before's figure after 由 gives way to the year's after 提高到 */
		{ "全县1.2万名国家工作人员参加学法考试，合格率由上年的97.8%提高到99.6%。", 2023,
		  "law_exam=1.2 万名 law_exam_pass_rate=99.6 %" },
		{ "全区政务服务事项网上可办率由2022年的85%提升至96%。", 2023, "svc_online_rate=96 %" },
		{ "开展执法案卷评查，评查合格率由上年的95.1%提高到97.2%。", 2023, "enf_file_pass_rate=97.2 %" },
		/* years in running text make no table */
		{ "2022年 2023年 全年受理行政复议申请1174件。", 2023, "rev_accepted=1174 件" },
		/* a serial number first: the label and the figures after it */
		{ "序号\t指标\t数值\n1\t评查行政执法案卷（卷）\t268\n2\t法律援助案件（件）\t112", 2021,
		  "enf_file_review=268 卷 aid_cases=112 件" },
		{ "序号 项目 2020年 2021年\n1 法律援助案件（件） 98 112", 2021, "aid_cases=112 件" },
		/* one column of figures and a change beside it, one blank between cells as a saved page
		 * gives them: each label is the colon of its figure */
		{ "复议情况如下。\n项目 数量 同比变化\n区政府收到行政复议申请 92件 增长9.5%\n依法受理 83件 增长6.4%\n"
		  "审结 79件 下降3.9%", 2019, "rev_received=92 件 rev_accepted=83 件 rev_concluded=79 件" },
		/* a row wrapped in a PDF's table (its figures, then their counter, on lines of their own,
		 * the label set beside them) does not end the table */
		{ "项目\t2022年\t2023年\n持证执法人员\t1210名\t1262名\n415.6万\t502.3万\n元\t元\n罚没款\n"
		  "轻微违法不予处罚\t860件\t1032件", 2023, "enf_staff=1262 名 enf_no_penalty=1032 件" },
		/* the column of figures named by their counter (件数, 人数), breakdown rows after 其中： */
		{ "表1　2023年行政复议案件情况\n项目\t件数\n收到行政复议申请\t93\n受理\t81\n审结\t76\n"
		  "其中：维持\t42\n驳回\t9", 2023,
		  "rev_received=93 件 rev_accepted=81 件 rev_concluded=76 件 rev_upheld=42 件 rev_dismissed=9 件" },
		/* a pattern reads a row whose label names its counter (通知书（份）) as its sentence */
		{ "项目\t2021年\t2022年\t增减\n下达责令停止违法行为通知书（份）\t466\t412\t-54", 2022,
		  "enf_rectify_orders=412 份" },
		/* the counter a note over the table names for all its figures */
		{ "表1　2023年法治工作主要数据（单位：件）\n项目\t2022年\t2023年\n行政处罚案件\t1493\t1658\n"
		  "法律援助案件\t210\t236", 2023, "enf_cases=1658 件 aid_cases=236 件" },
		{ "单位：件\n项目\t数量\n新收行政复议申请\t92\n审结\t79", 2023, "rev_received=92 件 rev_concluded=79 件" },
		/* a heading after a table ends it */
		{ "项目\t2022年\t2023年\n持证执法人员\t1210名\t1262名\n（二）依法化解纠纷\n全年受理矛盾纠纷412件。", 2023,
		  "enf_staff=1262 名 med_received=412 件" },
	};
	char got[512];
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		facts_text(model(), rows[i].text, rows[i].year, 0, got, sizeof got);
		assert_facts(rows[i].text, got, rows[i].want);
	}
}

/* The facts of r as "metric=value unit" joined by spaces, each checked to stand where its row or
 * sentence states it. */
static void report_facts(const struct report *r, char *got, size_t cap)
{
	struct facts f = { 0 };
	facts_extract(model(), r, &f);
	got[0] = '\0';
	for (size_t k = 0; k < f.n; k++) {
		const struct facts_fact *c = &f.v[k];
		snprintf(got + strlen(got), cap - strlen(got), "%s%s=%s %s", k ? " " : "",
			 facts_metric_name(model(), c->metric), c->value_text, c->unit);
		assert_memory_equal(r->text + c->num_start, c->value_text, strlen(c->value_text));
		/* a row's fact ends with its line, not at a cell (the next row may open with one) */
		assert_true(c->start <= c->num_start && c->num_end <= c->end &&
			    (r->text[c->end] != '\t' || r->text[c->end - 1] == '\n'));
	}
	facts_fini(&f);
}

/* A table turned the other way, a row a period: the row of the year reported on is read, each
 * figure with its column's label, and placed where it stands in that row. */
static void test_period_rows(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int year;
		const char *want;
	} rows[] = {
		{ "近两年情况对比如下：\n年度\t收到复议申请\t受理\t直接纠错率\n2022年\t231件\t205件\t14.5%\n"
		  "2023年\t274件\t241件\t11.2%", 2023, "rev_received=274 件 rev_accepted=241 件 rev_correction_rate=11.2 %" },
		{ "执法数据对比如下：\n时间 行政处罚案件 罚没款 不予处罚\n本年 1386件 97.6万元 214件\n上年 1102件 82.3万元 146件",
		  0, "enf_cases=1386 件 enf_fines=97.6 万元 enf_no_penalty=214 件" },
		/* counters apart from the figures: a 单位 column, or the header's brackets */
		{ "执法数据如下：\n指标 单位 数量\n行政处罚决定书 件 1642\n罚没款金额 万元 486.3", 2021,
		  "enf_cases=1642 件 enf_fines=486.3 万元" },
		{ "复议情况如下：\n序号\t项目\t数量（件）\n1\t收到复议申请\t27\n2\t依法受理\t24", 2020,
		  "rev_received=27 件 rev_accepted=24 件" },
		{ "主要数据：\n项目　单位　2021年　2022年　增减\n罚没款　万元　4072　3126　-946", 2022, "enf_fines=3126 万元" },
		/* a row that is no period ends the table */
		{ "对比如下：\n年度\t收到复议申请\t受理\n合计\t505件\t446件", 2023, "" },
	};
	char got[512];
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct report *r = one_para(rows[i].text);
		r->meta.year = rows[i].year;
		report_facts(r, got, sizeof got);
		assert_facts(rows[i].text, got, rows[i].want);
		report_free(r);
	}
}

/* A table annexed after the body (附表：主要数据) gives the figures the sentences did not; what
 * else follows the body gives none. */
static void test_annexed_table(void **state)
{
	(void)state;
	static const struct {
		const char *body, *after, *want;
	} rows[] = {
		{ "全年办理法律援助案件112件。", "\n附表：2023年主要数据\n项目　　数量\n法律援助案件（件）　　112\n"
		  "行政执法案卷评查（卷）　　180\n【打印】【关闭】", "aid_cases=112 件 enf_file_review=180 卷" },
		{ "全年办理法律援助案件112件。", "\n附件\n2023年主要数据统计表\n序号\t指标\t数值\n"
		  "1\t行政执法案卷评查（卷）\t180", "aid_cases=112 件 enf_file_review=180 卷" },
		{ "全年办理法律援助案件112件。", "\n附表：主要数据\n序号 项目 单位 数值\n1 责令改正通知书 份 1134\n"
		  "2 法律援助案件 件 112", "aid_cases=112 件 enf_rectify_orders=1134 份" },
		/* the caption three lines up, over the table's title and a note of its period; a
		 * breakdown row (其中：) goes on with the table */
		{ "全年办理法律援助案件112件。", "\n附件\n2025年度行政执法数据统计表\n统计时间：2025年1月1日至12月31日\n"
		  "项目\t单位\t数量\n行政检查\t次\t3126\n其中：涉企行政检查\t次\t412\n行政处罚\t件\t1184",
		  "aid_cases=112 件 enf_cases=1184 件" },
		/* a column of groups, each group's cell in its first row alone, and the figures' cell
		 * spanning the years named on a second header line; a part's label after its whole's
		 * word and a colon; blank lines between the caption and the header */
		{ "全年办理法律援助案件112件。", "\n附件\n\n2025年主要数据统计表\n\n类别\t指标\t单位\t数值\n\t\t\t2025年\t2024年\n"
		  "综合执法\t行政处罚案件\t件\t58\t71\n\t首违不罚\t件\t14\t9\n"
		  "行政复议\t审结：维持\t件\t97\t88\n\t驳回申请\t件\t17\t15",
		  "aid_cases=112 件 enf_cases=58 件 enf_no_penalty=14 件 rev_upheld=97 件 rev_dismissed=17 件" },
		{ "全年办理法律援助案件112件。", "\n附件：主要数据统计表\n类别\t指标\t数值\n\t\t2025年\t2024年\n"
		  "综合执法\t行政处罚案件\t58件\t71件\n\t首违不罚\t14件\t9件\n",
		  "aid_cases=112 件 enf_cases=58 件 enf_no_penalty=14 件" },
		/* a header's word spread over its cell (项  目), as tables letter-space a short word, beside
		 * a column of groups */
		{ "全年办理法律援助案件96件。", "\n附件\n2023年主要数据统计表\n序号  类别  项  目  单位  2023年  2022年\n"
		  "1  法制  审查合同协议  份  37  29\n2  工作  办理公证  件  212  186\n3  涉及金额  万元  286  243",
		  "aid_cases=96 件 contract_reviewed=37 份 notary_cases=212 件 contract_amount=286 万元" },
		/* a small count of another metric than a sentence's, the same value by chance, is the
		 * table's own; the rows keep their group's kind (行政复议 over 撤销、确认违法) */
		{ "全年废止规范性文件4件，行政机关负责人出庭应诉18件。", "\n附件\n主要数据统计表\n类别  项目  单位  2019年\n"
		  "行政复议  审结：维持  件  18\n行政复议  撤销、确认违法  件  4\n",
		  "nd_repealed=4 件 lit_head_count=18 件 rev_upheld=18 件 rev_corrected=4 件" },
		/* a last column of notes (备注), which some rows fill and others leave empty */
		{ "全年办理法律援助案件112件。", "\n附件：主要数据统计表\n序号 类别 指标 单位 数据 同比增减 备注\n2020年 2019年\n"
		  "1 行政复议 审结 件 1094 903 +21.2% 全市\n2 其中：维持 件 612 538 +13.8%\n"
		  "3 行政执法 重大执法决定法制审核 件 2316 1987 +16.6% 全市\n",
		  "aid_cases=112 件 rev_concluded=1094 件 rev_upheld=612 件 enf_legal_review=2316 件" },
		/* two years of a header run together in one cell, as a PDF's text joins them */
		{ "全年办理法律援助案件112件。", "\n附件：2021年主要数据统计表\n序号\t类别\t指标\t单位\t2021年2020年\t同比\n"
		  "1\t监管检查\t随机抽查市场主体\t户\t1128\t964\t+17.0%\n2\t行政处罚\t首违不罚\t件\t41\t30\t+36.7%\n",
		  "aid_cases=112 件 reg_random_entities=1128 户 enf_no_penalty=41 件" },
		/* the years under a cell that names them (年度), the earlier first, and a change column */
		{ "全年办理法律援助案件112件。", "\n附表：两年数据\n类别\t项目\t年度\t同比\n\t\t2019年\t2020年\t\n"
		  "行政复议\t收到复议申请\t38件\t46件\t+21.1%\n\t依法受理\t35件\t41件\t+17.1%\n",
		  "aid_cases=112 件 rev_received=46 件 rev_accepted=41 件" },
		/* rows that are kinds and columns that are metrics, a counter in each label's brackets, up to
		 * nine columns */
		{ "全年办理法律援助案件112件。", "\n附表：主要数据\n类别\t收到申请（件）\t受理（件）\t审结（件）\t维持（件）\t"
		  "驳回（件）\t纠错（件）\t调解撤回（件）\t纠错率\n行政复议\t168\t149\t141\t76\t15\t19\t29\t13.5%\n"
		  "类别\t一审案件（件）\t审结（件）\n行政应诉\t87\t79\n",
		  "aid_cases=112 件 rev_received=168 件 rev_accepted=149 件 rev_concluded=141 件 rev_upheld=76 件 "
		  "rev_dismissed=15 件 rev_corrected=19 件 rev_settled=29 件 rev_correction_rate=13.5 % "
		  "lit_cases=87 件 lit_concluded=79 件" },
		/* a note of the table's counter (单位：件) over a row that names its own in brackets; a note in
		 * brackets is no counter */
		{ "全年办理法律援助案件112件。", "\n附件\n主要数据\n单位：件\n类别\t指标\t本年\t上年\n"
		  "行政应诉\t负责人出庭应诉率（%）\t84.2\t60.0\n信访\t县领导接待来访群众（批次）\t86\t74\n"
		  "行政复议\t终止（申请人撤回）\t4\t3\n",
		  "aid_cases=112 件 lit_head_rate=84.2 % petition_visits=86 批次 rev_settled=4 件" },
		/* the year's data in words after a caption naming them, not a table; an annex of plans is no data */
		{ "全年办理法律援助案件112件。", "\n附件\n某局2025年度行政执法数据\n行政处罚：作出行政处罚决定87件，罚没款31.6万元。\n"
		  "不予处罚：对首次轻微违法行为依法不予行政处罚23件。\n", "aid_cases=112 件 enf_cases=87 件|行政处罚决定 enf_fines=31.6 万元 enf_no_penalty=23 件" },
		{ "全年办理法律援助案件112件。", "\n附件：2026年工作要点\n年内新培育“法律明白人”20名以上。\n", "aid_cases=112 件" },
		/* no caption: the page's lines after the body */
		{ "全年办理法律援助案件112件。", "\n项目　　数量\n行政执法案卷评查（卷）　　180", "aid_cases=112 件" },
		{ "全年办理法律援助案件112件。", "\n附件：1.工作要点.docx\n浏览次数：1234次", "aid_cases=112 件" },
	};
	char text[1024], got[512];
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		snprintf(text, sizeof text, "%s%s", rows[i].body, rows[i].after);
		struct report *r = one_para(text);
		r->body_end = strlen(rows[i].body);
		report_facts(r, got, sizeof got);
		assert_facts(text, got, rows[i].want);
		report_free(r);
	}
}

/* Asserts the facts of report text t, classified as the browser and fazhi facts classify it. */
static void assert_classified_facts(const char *t, const char *want)
{
	char *cause = NULL;
	struct report *r = parse_report(xstrdup(t), strlen(t), "classified.txt");
	classify_report_with(classify_default(&cause), r, NULL);
	char got[512];
	report_facts(r, got, sizeof got);
	assert_facts(t, got, want);
	report_free(r);
}

/* A classified report's plans state targets, not what the year did: their figures are no facts;
 * the same sentence among the year's work is one. */
static void test_plans_are_targets(void **state)
{
	(void)state;
	assert_classified_facts("关于2023年度法治政府建设情况的报告\n一、2023年主要工作\n全年培育“法律明白人”120名。\n"
				"二、2024年工作安排\n年内新培育“法律明白人”20名以上。\n", "pub_volunteers=120 名");
}

/* Rows whose header came out broken, a label, two figures and their change (or two: the difference
 * and the percentage): the figure the change leads to is the year's, in either order of the
 * columns, by percentage, points or difference; a row that
 * restates a sentence is the sentence's fact; a row the change does not tie is left as written. */
static void test_changed_rows(void **state)
{
	(void)state;
	const char *t = "关于2021年度法治政府建设情况的报告\n一、工作\n全年作出行政处罚决定389件。\n"
			"表1　2021年统计表\n“双随机”抽查企业　1482家　1316家　+12.6%\n作出行政处罚决定　389件　346件　+12.4%\n"
			"评查执法案卷　298卷　326卷　+9.4%\n案卷合格率　93.1%　95.4%　+2.3个百分点\n"
			"法律援助案件　12件　15件　+3.0%\n评查行政处罚案卷（卷）　480　420　+60　+14.3%\n";
	assert_classified_facts(t, "enf_cases=389 件|行政处罚决定 reg_random_entities=1482 家 enf_file_review=326 卷 "
				   "enf_file_pass_rate=95.4 % enf_file_review=480 卷");
}

/* A table's rows whose labels name no counter are read in the counter their last words leave
 * unsaid: cases, a rate, people; an amount (罚没款) in none, as no reader can tell its multiplier. */
static void test_rows_without_counters(void **state)
{
	(void)state;
	const char *t = "关于2019年度法治政府建设情况的报告\n一、工作\n全年工作数据见表1。\n"
			"表1　2019年主要数据与上年对比\n项目　2019年　2018年　同比\n行政复议收案　58　49　+18.4%\n"
			"行政处罚案件　1437　1296　+10.9%\n罚没款　1862.4　1730.5　+7.6%\n"
			"持证执法人员　1326　1290　+2.8%\n案卷评查合格率　95.8　94.1　+1.7\n";
	assert_classified_facts(t, "rev_received=58 件 enf_cases=1437 件 enf_staff=1326 人 enf_file_pass_rate=95.8 %");
}

/* A table whose first column groups its rows (类别　指标　数值, the group named on its first row
 * alone) and whose figures span the years of a second header line: every row read, the group's
 * first too, and a row of documents and contracts reviewed together is documents. */
static void test_grouped_rows(void **state)
{
	(void)state;
	const char *t = "关于2023年度法治政府建设情况的报告\n一、工作\n全年工作数据见附表。\n附表\n"
			"类别  指标  数值\n    2023年  2022年\n依法决策  镇政府文件、合同合法性审查  64件  58件\n"
			"  审查县政府合同  87份  76份\n行政复议  收到行政复议申请  46件  39件\n  受理  41件  35件\n";
	assert_classified_facts(t, "legality_review_docs=64 件 contract_reviewed=87 份 rev_received=46 件 rev_accepted=41 件");
}

/* A header whose year spans columns named on its second line (2020年 over 件数 and 同比, as a
 * saved page's colspan gives it): the rows' change cell is the spanning year's, so each row keeps
 * the year's figure, not the figure of the year after the change; one group spans the year read
 * (the year reported on, wherever it stands), as many groups as periods span each. */
static void test_spanned_periods(void **state)
{
	(void)state;
	assert_classified_facts("关于2020年度法治政府建设情况的报告\n一、工作\n复议和应诉情况见表2。\n"
				"表2　2020年行政复议和行政应诉情况\n项目 2020年 2019年\n件数 同比\n"
				"收到行政复议申请 163 增长11.6% 146\n审结 141 增长8.5% 130\n一审行政诉讼案件 118 下降4.1% 123\n",
				"rev_received=163 件 rev_concluded=141 件 lit_cases=118 件");
	assert_classified_facts("关于2020年度法治政府建设情况的报告\n一、工作\n情况见下表。\n"
				"项目 2019年 2020年\n件数 同比\n收到行政复议申请 146 163 增长11.6%\n审结 130 141 增长8.5%\n",
				"rev_received=163 件 rev_concluded=141 件");
	assert_classified_facts("关于2022年度法治政府建设情况的报告\n一、工作\n情况见下表。\n单位：件\n"
				"类别 项目 2022年\n件数 占审结比例\n行政复议 收到行政复议申请 436 —\n审结 372 100%\n"
				"审结：维持 158 42.5%\n",
				"rev_received=436 件 rev_concluded=372 件 rev_upheld=158 件");
	assert_classified_facts("关于2021年度法治政府建设情况的报告\n一、工作\n情况见下表。\n"
				"项目 2021年 2020年\n件数 同比 件数 同比\n行政处罚案件 812件 +6.1% 765件 -2.0%\n",
				"enf_cases=812 件");
	/* a year's cell that spans two lines of the header holds the figures' word too (2022年件数) */
	assert_classified_facts("关于2023年度法治政府建设情况的报告\n一、工作\n情况见下表。\n"
				"类别 项目 2023年 2022年件数\n件数 同比\n行政复议 收到申请 96 +26.3% 76\n受理 87 +20.8% 72\n",
				"rev_received=96 件 rev_accepted=87 件");
}

/* A table whose rows are bodies (部门, 执法部门) and whose columns are metrics: a body's own figures
 * are not the place's, the row of the whole (合计) is, each cell with its column's label and the
 * label spanning it on a header of two lines (行政处罚 over 案件数（件） and 罚没款（万元）). */
static void test_bodies_table(void **state)
{
	(void)state;
	assert_classified_facts("关于2020年度法治政府建设情况的报告\n一、工作\n执法情况见表1。\n"
				"部门 行政处罚案件（件） 罚没款（万元） 持证执法人员（名）\n市市场监管局 812 526.3 236\n"
				"市生态环境局 186 1124.6 58\n合计 998 1650.9 294\n",
				"enf_cases=998 件 enf_fines=1650.9 万元 enf_staff=294 名");
	assert_classified_facts("关于2024年度法治政府建设情况的报告\n一、工作\n执法情况见下表。\n"
				"执法部门 行政处罚 首违不罚、轻微免罚（件）\n案件数（件） 罚没款（万元）\n"
				"市市场监督管理局 683 912.6 146\n市城市管理局 946 124.8 163\n合计 1629 1037.4 309\n",
				"enf_cases=1629 件 enf_fines=1037.4 万元 enf_no_penalty=309 件");
	/* a label naming a thing with 减 in it (减轻处罚) heads a column of figures, not of changes */
	assert_classified_facts("关于2021年度法治政府建设情况的报告\n一、工作\n执法情况见表2。\n"
				"执法单位 行政处罚案件（件） 不予处罚、减轻处罚（件） 罚没款（万元）\n"
				"区城市管理局 412 57 86.2\n区交通运输局 388 41 153.7\n合计 800 98 239.9\n",
				"enf_cases=800 件 enf_no_penalty=98 件 enf_fines=239.9 万元");
}

/* A figure stated again is no new fact: after a word pointing back at it (上述5项决策), or in the
 * problems part, the same metric, value and counter as the year's work stated; a figure of the
 * problems part of its own is one. */
static void test_restated(void **state)
{
	(void)state;
	assert_classified_facts("关于2023年度法治政府建设情况的报告\n一、2023年主要工作\n"
				"县政府全年作出重大行政决策5项，上述5项决策事项在提交常务会议审议前均已履行公众参与程序。\n"
				"县政府作为被告的行政诉讼案件19件，败诉2件。\n"
				"二、存在的问题\n行政诉讼中败诉的2件案件均暴露出程序上的瑕疵；执法大队持证执法人员仅有7名。\n",
				"dec_count=5 项 lit_cases=19 件|政府为被告 lit_lost=2 件 enf_staff=7 名");
}

/* A hearing counts for review in a section about review or a paragraph naming 复议; one held on a
 * decision is the decision's. */
static void test_hearings_of_review(void **state)
{
	(void)state;
	assert_classified_facts("关于2023年度法治政府建设情况的报告\n一、2023年主要工作\n"
				"（一）推进依法科学民主决策\n全年作出重大行政决策3项，其中供水管网改造项目召开听证会1次。\n"
				"（二）发挥行政复议化解行政争议主渠道作用\n对案情复杂的案件召开听证会5次。\n",
				"dec_count=3 项 rev_hearing=5 次|听证会");
}

/* §6.2 of the taxonomy: figures that are names, dates, ordinals or formulas are not counts. */
static void test_traps(void **state)
{
	(void)state;
	static const char *const traps[] = {
		"畅通12345热线,解答12348电话咨询。",
		"门户网站升级为3.0版,评估工作方案3.0版。",
		"构建“1+8+1”工作体系,落实“3+X”机制。",
		"围绕“12·4”国家宪法日开展宣传。",
		"制定2021-2025年法治宣传教育规划,“八五”普法启动,“七五”普法收官。",
		"区十七届人大常委会第三十八次会议审议第九批名单,第四届评选。",
		"1.5个工作日以内完成。",
		"容缺受理13件。",
	};
	char got[512];
	for (size_t i = 0; i < sizeof traps / sizeof traps[0]; i++) {
		extract(traps[i], got, sizeof got);
		if (got[0])
			print_error("%s\n  got %s\n", traps[i], got);
		assert_string_equal(got, "");
	}
}

static void test_location_and_period(void **state)
{
	(void)state;
	const char *text = "前言。\n截止12月15日,全区共收到行政复议申请48件。\n2019年1-11月,调解成功率为97.82%。\n";
	struct report *r = one_para(text);
	struct facts f = { 0 };
	assert_int_equal(facts_extract(model(), r, &f), 2);
	const struct facts_fact *a = &f.v[0], *b = &f.v[1];
	assert_string_equal(facts_metric_name(model(), a->metric), "rev_received");
	assert_int_equal(a->start, strlen("前言。\n"));
	assert_int_equal(a->end, strlen("前言。\n截止12月15日,全区共收到行政复议申请48件。"));
	assert_int_equal(a->num_end - a->num_start, strlen("48件"));
	assert_memory_equal(text + a->period_start, "截止12月15日", a->period_end - a->period_start);
	assert_int_equal(a->period_end - a->period_start, strlen("截止12月15日"));
	assert_int_equal(a->section, -1);
	assert_int_equal(b->period_end - b->period_start, strlen("1-11月"));
	assert_memory_equal(text + b->period_start, "1-11月", strlen("1-11月"));
	facts_fini(&f);
	report_free(r);
}

static void test_catalogue_errors(void **state)
{
	(void)state;
	static const struct {
		const char *table, *cause;
	} bad[] = {
		{ "x\t受理件\n", "line 1: a pattern needs exactly one {N} or {=VALUE:UNIT}" },
		{ "# c\nx\t受理{N:件\n", "line 2: unclosed ( or {" },
		{ "x\t受理{M}\n", "line 1: expected {N}, {N:COUNTERS}, {n} or {=VALUE:UNIT}" },
		{ "x\t无新制发的?文件{=0:件}\n", "line 1: ? only after a ( ) group: write (的)? for an optional word" },
		{ "x\n", "line 1: expected: ID PATTERN [QUALIFIER]" },
		{ "metric\tx\n", "line 1: expected: metric ID LABEL" },
		{ "clause\tx\t复议\n", "line 1: expected: clause ID SUBJECTS VERBS COUNTERS [QUALIFIER]" },
		{ "clause\tx\t复议\t收\t件\n", "line 1: a subject or verb of a clause rule needs two characters or more" },
		{ "computed\tx\t率\tnum\n", "line 1: expected: computed ID LABEL NUMERATOR DENOMINATOR[|DENOMINATOR…]" },
		{ "metric\tx\tX\narea\tx\tnowhere\t复议\n", "line 2: expected: area ID TOPIC WORD[|WORD…], a metric named before it, once" },
		{ "network\tmed_orgs\n", "line 1: expected: network ID, a metric named before it" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *cause = NULL;
		assert_null(facts_model_new(bad[i].table, strlen(bad[i].table), &cause));
		assert_string_equal(cause, bad[i].cause);
		free(cause);
	}
	const char *good = "metric\trev_received\t复议收到\nrev_received\t收到{N}\n";
	struct facts_model *m = facts_model_new(good, strlen(good), NULL);
	assert_non_null(m);
	assert_int_equal(facts_metric_count(m), 1);
	assert_string_equal(facts_metric_label(m, 0), "复议收到");
	assert_int_equal(facts_metric_id(m, "rev_received"), 0);
	assert_int_equal(facts_metric_id(m, "x"), -1);
	facts_model_free(m);
}

static void test_computed_rates(void **state)
{
	(void)state;
	static const struct {
		const char *text, *rates;
	} rows[] = {
		{ "全年共收到行政复议申请48件，受理45件，审结40件，其中撤销或责令8件。",
		  "rev_correction_rate_computed=20 %|computed<rev_corrected/rev_concluded>" },
		/* kinds of correction stated apart add up; beside their total they would not */
		{ "全年审结行政复议案件59件，其中维持和驳回复议申请44件，确认违法1件，撤销或责令8件。",
		  "rev_correction_rate_computed=15.25 %|computed<rev_corrected+8/rev_concluded>" },
		/* no 审结: the denominator's next alternative */
		{ "全年共收到行政复议申请15件，受理13件，行政机关自行纠错2件。",
		  "rev_correction_rate_computed=15.38 %|computed<rev_corrected/rev_accepted>" },
		/* 无一败诉 states 0 */
		{ "全区新收一审行政应诉案件46件，以区政府为被告的行政诉讼案件无一败诉。",
		  "lit_loss_rate_computed=0 %|computed<lit_lost/lit_cases>" },
		{ "共办理行政诉讼案件40宗，行政机关负责人出庭应诉30宗。",
		  "lit_head_rate_computed=75 %|computed<lit_head_count/lit_cases>" },
		{ "全年制发规范性文件8件，报送备案规范性文件8件。",
		  "nd_filing_rate_computed=100 %|computed<nd_filed/nd_issued>" },
		/* a numerator above its denominator counts another scope: no rate */
		{ "共办理行政诉讼案件38宗，行政机关负责人出庭46宗。", "" },
		/* a stated rate is no count to compute from */
		{ "行政机关负责人出庭应诉率达100%。", "" },
		{ "全年共收到行政复议申请15件。", "" },
	};
	char out[512];
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		facts_text(model(), rows[i].text, 0, 1, out, sizeof out);
		assert_facts(rows[i].text, out, rows[i].rates);
	}
}

/* Cases are counted in 件, 宗 or 起: they compare as one unit, the written one kept. */
static void test_units_normalised(void **state)
{
	(void)state;
	static const struct {
		const char *unit, *norm;
	} rows[] = {
		{ "宗", "件" }, { "起|余", "件" }, { "件", "件" }, { "万宗", "万件" }, { "人次", "人次" },
		{ "%|以上", "%" }, { "", "" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		char norm[16];
		facts_unit_norm(rows[i].unit, norm, sizeof norm);
		assert_string_equal(norm, rows[i].norm);
	}
	const struct facts_model *m = model();
	struct report *r = one_para("共收到行政复议申请103宗，受理91起。");
	struct facts f = { 0 };
	facts_extract(m, r, &f);
	assert_true(f.n >= 2);
	for (size_t i = 0; i < f.n; i++) {
		assert_string_equal(f.v[i].unit_norm, "件");
		assert_true(strcmp(f.v[i].unit, "宗") == 0 || strcmp(f.v[i].unit, "起") == 0);   /* as written */
	}
	facts_fini(&f);
	report_free(r);
}

/* The phrase matcher the extractor anchors on: single searches, and every occurrence at once. */
static void test_cue_find(void **state)
{
	(void)state;
	const char *s = "行政复议申请，复议（含失效）";
	size_t n = strlen(s);
	assert_int_equal(cue_find_one(s, n, 0, "复议", 6), 6);
	assert_int_equal(cue_find_one(s, n, 7, "复议", 6), 21);
	assert_int_equal(cue_find_one(s, n, 22, "复议", 6), (size_t)-1);
	assert_int_equal(cue_find_one(s, n, 0, "议申", 6), 9);
	assert_int_equal(cue_find_one(s, n, 0, "请,复", 7), 15);     /* ， reads as , */
	assert_int_equal(cue_find_one(s, n, 0, "(含失效)", 11), 27);  /* （ ） read as ( ) */
	assert_int_equal(cue_find_one(s, n, 0, "审议", 6), (size_t)-1);  /* 审 starts with the byte of 复 */
	assert_int_equal(cue_find_one(s, 9, 0, "议申", 6), (size_t)-1);  /* the text ends inside the phrase */
}

static void test_cue_scan_all(void **state)
{
	(void)state;
	struct cue_set *c = cue_set_new();
	cue_set_add(c, "法律顾问", strlen("法律顾问"), 1);
	cue_set_add(c, "聘请法律顾问", strlen("聘请法律顾问"), 2);
	cue_set_add(c, "顾问", strlen("顾问"), 3);
	cue_set_add(c, "复议", strlen("复议"), 4);
	cue_set_add(c, "复核", strlen("复核"), 5);
	cue_set_add(c, "复", strlen("复"), 6);
	cue_set_add(c, "(含", strlen("(含"), 7);
	int data = 0;
	assert_true(cue_set_find(c, "法律顾问", strlen("法律顾问"), &data));
	assert_int_equal(data, 1);
	assert_true(cue_set_find(c, "（含", strlen("（含"), &data));
	assert_int_equal(data, 7);
	assert_false(cue_set_find(c, "律顾", strlen("律顾"), &data));
	assert_false(cue_set_find(c, "", 0, &data));

	/* Nested occurrences all count; at one start, shorter phrases first. */
	const char *s = "聘请法律顾问复核复议（含";
	static const struct cue_hit want[] = {
		{ 0, 18, 2 }, { 6, 18, 1 }, { 12, 18, 3 }, { 18, 21, 6 }, { 18, 24, 5 }, { 24, 27, 6 }, { 24, 30, 4 },
		{ 30, 36, 7 },
	};
	struct cue_hits h = { 0 };
	assert_int_equal(cue_set_scan_all(c, s, strlen(s), &h), sizeof want / sizeof want[0]);
	for (size_t i = 0; i < h.n; i++) {
		assert_int_equal(h.v[i].start, want[i].start);
		assert_int_equal(h.v[i].end, want[i].end);
		assert_int_equal(h.v[i].data, want[i].data);
	}
	/* The longest-match scan keeps only what no longer phrase covers. */
	assert_int_equal(cue_set_scan(c, s, strlen(s), &h), 4);
	assert_int_equal(h.v[0].data, 2);
	assert_int_equal(h.v[1].data, 5);
	assert_int_equal(h.v[2].data, 4);
	assert_int_equal(h.v[3].data, 7);
	/* A phrase cut by the end of the text is no occurrence. */
	assert_int_equal(cue_set_scan_all(c, s, 9, &h), 0);
	cue_hits_fini(&h);
	cue_set_free(c);
}

/* Patterns opening with a gap, an optional word, a figure or a fixed value, patterns sharing an
 * anchor, and one with no phrase at all: each is found where it matches, wherever it begins. */
static const char anchored_table[] =
	"metric\ta\t受理\nmetric\tb\t办结\n"
	"a\t…受理{N:件}\n"
	"b\t(共|累计)?办结{N:件}\n"
	"c\t{N:名}法律顾问\n"
	"d\t{N:家}…法律顾问\n"
	"f\t无一(败诉|被纠错){=0:件}\n"
	"g\t（含失效）{N:件}\n"
	"k\t(收到|接到)申请{N:件}\n"
	"e\t{N:个}\n";

static void test_anchored_patterns(void **state)
{
	(void)state;
	char *cause = NULL;
	struct facts_model *m = facts_model_new(anchored_table, strlen(anchored_table), &cause);
	assert_non_null(m);
	static const struct fact_row rows[] = {
		{ "今年累计办结12件,依法受理5件。", "b=12 件 a=5 件" },
		{ "共办结3件。办结4件。", "b=3 件 b=4 件" },
		{ "聘请8名法律顾问,3家单位聘请法律顾问。", "c=8 名 d=3 家" },
		{ "设立4个站点,行政诉讼无一败诉。", "e=4 个 f=0 件" },
		{ "废止(含失效)3件;受理", "g=3 件" },
		{ "接到申请6件,收到申请7件。", "k=6 件 k=7 件" },
		{ "受理件,法律顾问,无一", "" },
	};
	check_rows(m, rows, sizeof rows / sizeof rows[0]);
	facts_model_free(m);

	/* A pattern whose words may all be absent states its value at the start of every sentence
	 * (the same words again are a repetition, and dropped). */
	const char *empty = "z\t(无)?{=0:次}\n";
	static const struct fact_row again[] = { { "共有3处。共有3处。", "z=0 次" } };
	m = facts_model_new(empty, strlen(empty), NULL);
	check_rows(m, again, 1);
	facts_model_free(m);
}

/* A pattern is tried in a sentence only up to the last place from which its words still follow
 * in order: words repeated before and after a match, or out of order, leave its matches as they
 * were, and words that touch without following one another make none. */
static void test_words_in_order(void **state)
{
	(void)state;
	const char *table = "r\t审查(文件|规范性文件)…备案{N:件}\n"
			    "u\t文件…件数{N:份}\n";
	struct facts_model *m = facts_model_new(table, strlen(table), NULL);
	assert_non_null(m);
	static const struct fact_row rows[] = {
		{ "审查文件后备案3件。", "r=3 件" },
		{ "备案2件,审查文件。", "" },
		{ "审查文件,审查规范性文件并备案4件,备案。", "r=4 件" },
		{ "审查文件备案6件,审查文件。", "r=6 件" },
		{ "备案,审查文件备案7件,又审查规范性文件并备案8件。", "r=7 件 r=8 件" },
		{ "文件数9份。", "" },
		{ "文件件数9份,文件。", "u=9 份" },
	};
	check_rows(m, rows, sizeof rows / sizeof rows[0]);
	facts_model_free(m);
}

/* The clause grammar of the catalogue's clause rules, on sentences written in the forms reports
 * use: each row is one rule of how the figure, its counter, subject and verb are written. */
static void test_clause_grammar(void **state)
{
	(void)state;
	static const struct fact_row rows[] = {
		/* counters other than the samples' 件 */
		{ "全年共接到行政复议申请57起，依法受理49起。", "rev_received=57 起 rev_accepted=49 起" },
		/* the figure before its noun */
		{ "今年共办理27宗以县政府为被告的行政诉讼案件。", "lit_cases=27 宗" },
		{ "全年共审结19件行政诉讼案件。", "lit_concluded=19 件" },
		{ "全年共办理412件法律援助案件，其中受理58件农民工讨薪案件。", "aid_cases=412 件 aid_wage_cases=58 件" },
		/* a subject stated once, then bare verb + figure clauses */
		{ "本年度清理行政规范性文件，宣布废止9件，宣布失效4件。", "nd_repealed=9 件 nd_repealed=4 件" },
		/* wordings of departments and towns: documents declared void in a cleaning, an examination
		 * named with 网上 or 知识, measures of credit, a platform's rate, interpretations published,
		 * reports to the people's congress, a village named an award's, events of 宣传进… */
		{ "开展专项清理，废止4件、宣布失效2件。", "nd_repealed=4 件 nd_repealed=2 件" },
		{ "组织镇机关48名干部参加全省国家工作人员学法用法网上考试。", "law_exam=48 名" },
		{ "组织街道和社区工作人员128名参加全区法治理论知识考试。", "law_exam=128 名" },
		{ "梳理发布守信激励和失信惩戒措施清单42条。", "credit_measures=42 条" },
		{ "使用省行政执法监督平台办案率100%。", "enf_online_rate=100 %" },
		{ "发布审计法解读文章8篇，发布预算解读材料6篇。", "policy_interp=8 篇 policy_interp=6 篇" },
		{ "向市人大常委会报告年度审计工作报告和审计查出问题整改情况报告2次。", "npc_oversight=2 次|向人大报告" },
		{ "每半年向乡人大主席团报告一次政府工作。", "" },
		{ "新华村被评为吉林省民主法治示范村。", "demo_village=1 个|省级" },
		{ "另有两个社区被命名为自治区级民主法治示范社区。", "demo_village=2 个" },
		{ "开展民法典宣传进村入户活动48场次，组织宪法宣誓活动3次。", "pub_events=48 场次 oath_events=3 次" },
		/* villages and communities are one kind of a town's scope */
		{ "区内2个社区和5个村均配备法律顾问。", "village_adv=7 个|全覆盖" },
		/* bodies a scope names after its last figure count one each; a name with 和 inside is one */
		{ "委法治建设领导小组对委属3家事业单位和执法大队开展依法行政专项检查。", "rule_inspections=4 家" },
		/* steps of proof cleaned up; items done online counted first; legal affairs advisers took part in */
		{ "清理规范各类证明和盖章环节共计41项。", "cert_items=41 项" },
		{ "政务服务事项98项，其中21项实现网上可办。", "svc_items=98 项 svc_items=21 项" },
		{ "局内4名公职律师全年参与处理涉税法律事务47件。", "adv_matters=47 件" },
		/* leaders trained, counted as they took part */
		{ "全市处级以上领导干部累计参训3200余人次。", "law_training=3200 人次|余" },
		/* problems an inspection points out or sorts out */
		{ "对12个乡镇开展法治督察，指出问题29个。", "rule_inspections=12 个 rule_inspection_issues=29 个" },
		/* documents the bodies below file, reviewed, however the review is worded */
		{ "对镇（街道）和区直部门报备的行政规范性文件审查备案37件。", "nd_filing_review=37 件" },
		{ "接收各区（县、市）政府和市级部门报备规范性文件187件。", "nd_filing_review=187 件" },
		{ "审查各镇和县直部门规范性文件12件。", "nd_filing_review=12 件" },
		{ "审查区政府规范性文件12件。", "nd_reviewed=12 件" },
		/* a kind of bodies named after the figure is counted in it, not one more */
		{ "对20个乡镇和县直部门开展法治政府建设督导检查。", "rule_inspections=20 个" },
		/* the amount of the contracts a review counted, named after their count */
		{ "法律顾问参与县政府重大项目、招商引资合同审查共计64件，涉及资金逾18亿元。",
		  "contract_reviewed=64 件 contract_amount=18 亿元" },
		{ "调解涉企合同纠纷42件，成功调解36件，涉及金额约6860万元。",
		  "med_received=42 件 med_resolved=36 件 med_amount=6860 万元|约" },
		/* shares and counts worded after what they count */
		{ "市政务服务中心集中进驻事项为1096项，可网上办理的比例达到83%。", "svc_items=1096 项 svc_online_rate=83 %" },
		{ "通过政府网站主动公开政府信息3125条，依申请公开件数19件。", "open_items=3125 条 open_requests=19 件" },
		{ "受理法律援助案件487件，其中为农民工讨薪92件。", "aid_cases=487 件 aid_wage_cases=92 件" },
		{ "办理法律援助事项37件。", "aid_cases=37 件" },
		{ "将市容环卫、城乡规划等领域的286项行政处罚权划归县综合行政执法局集中行使。", "enf_items=286 项|集中行使" },
		/* rectification notices served on parties; an inspection's notices to bodies below are no orders */
		{ "开展联合检查，下达整改通知书31份。", "enf_rectify_orders=31 份" },
		{ "发出督察整改通知书19份。", "" },
		/* decisions reviewed, counted after the review was named, or as the subject all of which it covered */
		{ "重大执法决定全部经法制审核，全年审核58件。", "enf_legal_review=58 件" },
		{ "8件行政处罚案件均经法制审核。", "enf_legal_review=8 件" },
		{ "制定抽查事项清单（共42项）。", "reg_items=42 项" },
		{ "为企业出具信用报告替代有无违法记录证明396份。", "credit_certificates=396 份" },
		{ "追回欠薪342万元，法律援助满意率99.5%。", "aid_wage_amount=342 万元 aid_satisfaction=99.5 %" },
		/* items a government made to be done in one trip, counted */
		{ "梳理政务服务事项1126项，其中实现“最多跑一次”的事项共计356项。", "svc_items=1126 项 svc_trips=356 项" },
		{ "执法办案线上运行率达98.9%。", "enf_online_rate=98.9 %" },
		{ "全年新开办企业3842户。", "market_entities_new=3842 户" },
		{ "为426家企业出具信用报告代替无违法违规记录证明。", "credit_certificates=426 家" },
		{ "网上审批率达到65%。", "svc_online_rate=65 %" },
		{ "全年新增商事主体3186户。", "market_entities_new=3186 户" },
		/* bodies that report on or keep a list of their duty to teach the law */
		{ "126家市级单位报告普法责任制落实情况。", "pub_resp_units=126 家" },
		{ "公布县级普法责任清单单位42个。", "pub_resp_units=42 个" },
		{ "对46个单位实行普法责任清单制度。", "pub_resp_units=46 个" },
		{ "全区61家普法责任单位报告年度履职情况。", "pub_resp_units=61 家" },
		{ "对街道制发的管理类文件开展清理，宣布失效5件，保留有效14件。", "nd_repealed=5 件 nd_in_force=14 件" },
		{ "建成省级法治文化建设示范点5个。", "law_culture_sites=5 个" },
		{ "邀请县司法局、县法院干部来乡授课3期。", "law_training=3 期" },
		/* firms whose credit record was repaired, whatever the record is called; a site's
		 * repaired environment is none */
		{ "帮助127家企业修复信用。", "credit_repair=127 家" },
		{ "指导312户企业完成年报信息修复、移出经营异常名录。", "credit_repair=312 户" },
		{ "督促12家企业完成受损生态环境修复。", "" },
		/* permits and penalties published together are the double publicity's records; only
		 * gathered into a credit platform they are the platform's */
		{ "在“信用天门”网站公示许可和处罚信息3862条。", "double_publicity_records=3862 条" },
		{ "向市公共信用信息平台归集行政许可、行政处罚信息4.6万条。", "credit_records=4.6 万条" },
		/* 共 counts a numeral after it in words, as 先后 and 累计 do */
		{ "市政府常务会议共七次专题研究法治政府建设议题。", "leadership_meetings=7 次" },
		{ "市政府常务会议全年三次专题研究法治政府建设工作。", "leadership_meetings=3 次" },
		/* measures kept in force after a clean-up are documents in force */
		{ "对局起草或实施的政策措施开展清理，废止2件，继续有效9件。", "nd_repealed=2 件 nd_in_force=9 件" },
		/* the items of a list after a verb and its colon are each that verb's */
		{ "全年办理：法律援助案件618件，其中农民工讨薪案件142件；公证1826件。",
		  "aid_cases=618 件 aid_wage_cases=142 件 notary_cases=1826 件" },
		{ "全年受理：行政复议申请58件，矛盾纠纷1260件。", "rev_accepted=58 件 med_received=1260 件" },
		{ "对乡镇和部门报送的文件进行备案审查，备案审查文件19件，纠正2件。", "nd_filing_review=19 件 nd_corrected=2 件" },
		/* reports a congress's standing body or presidium heard */
		{ "乡人大主席团听取审议乡政府专项工作报告2次。", "npc_oversight=2 次|听取报告" },
		/* the items of combined enforcement, grown to a figure, and the share moved to it */
		{ "全市综合行政执法事项达到1426项，其中划转至综合执法部门的事项占比38.6%。",
		  "enf_items=1426 项 enf_items_share=38.6 %" },
		{ "全区综合行政执法事项扩展至1036项。", "enf_items=1036 项" },
		{ "全年以专用信用报告代替有无违法违规记录证明出具报告860份。", "credit_certificates=860 份" },
		{ "落实普法责任制的区直单位42家。", "pub_resp_units=42 家" },
		{ "全区落实普法责任清单单位56个。", "pub_resp_units=56 个" },
		/* first-instance cases (一审) are the cases a body faced when it answered or took them, the
		 * concluded ones when 审结 says so; a row's 一审 in a note leaves its verb to the label */
		{ "全年一审应诉：183件。", "lit_cases=183 件" },
		{ "新收一审案件63件，审结60件。", "lit_cases=63 件 lit_concluded=60 件" },
		{ "区政府行政诉讼败诉案件（一审）：2件。", "lit_lost=2 件" },
		/* 余 between an amount's multiplier and 元 (1.2亿余元) leaves it an amount in 亿元 */
		{ "调处矛盾纠纷8746件，涉案金额1.2亿余元。", "med_resolved=8746 件 med_amount=1.2 亿元|余" },
		{ "查处案件12件，罚没款3200万余元。", "enf_cases=12 件 enf_fines=3200 万元|余" },
		{ "全程网办事项比例突破85%。", "svc_online_rate=85 %" },
		{ "法律援助机构全年办理援助案件2315件。", "aid_cases=2315 件" },
		{ "组织律师为42户企业开展法治体检。", "pls_checkups=42 户" },
		{ "全年经乡党委会研究的重大决策事项4项。", "dec_count=4 项" },
		/* cases a legal-aid body handled; wage claims of migrant workers without 案件 */
		{ "法律援助机构办理案件923件。", "aid_cases=923 件" },
		{ "县法律援助中心受理法律援助案件238件，其中农民工讨薪68件。", "aid_cases=238 件 aid_wage_cases=68 件" },
		{ "市政府全年办理合法性审查事项共计386件。", "legality_review_docs=386 件" },
		{ "综合行政执法向镇（街道）下放事项共计81项。", "enf_items=81 项|下放镇街" },
		{ "全市有“法律明白人”3100余名。", "pub_volunteers=3100 名|余" },
		{ "全区1.36万名国家工作人员完成年度学法考试。", "law_exam=1.36 万名" },
		/* an exam people sat where the report names no other is the law exam; a training's or a
		 * licence's exam is none */
		{ "全市8326名领导干部参加考试。", "law_exam=8326 名" },
		{ "组织参加全市行政执法岗前培训考试近120人次。", "" },
		/* units counted with the lists of their duty to teach the law (普法责任清单), or named as
		 * such units (普法责任单位) */
		{ "全县29个单位编制年度普法责任清单。", "pub_resp_units=29 个" },
		{ "公布县直部门普法责任清单33家。", "pub_resp_units=33 家" },
		{ "全区普法责任单位64家全部向社会报告履职情况。", "pub_resp_units=64 家" },
		/* the share of items a service slogan of trips names (最多跑一次, 零跑腿, 一次办好) is of trips */
		{ "“一次办好”事项占比达到93.4%。", "svc_trips=93.4 %" },
		{ "“零跑腿”事项318项，占比41.2%。", "svc_trips=41.2 %" },
		/* a training with its exam, organised for a body's staff, is a law training: its sessions and
		 * its people */
		{ "全年组织新任执法人员培训考试3期。", "law_training=3 期" },
		{ "组织执法人员专业法律知识培训和考试960人次。", "law_training=960 人次" },
		/* joint inspections carry no note of one sample's field (安全生产) */
		{ "组织联合检查12次。", "enf_joint_actions=12 次" },
		/* towns that all set up their enforcement bureau or centre are so many teams */
		{ "34个乡镇（街道）均设立综合行政执法局。", "enf_teams=34 个" },
		{ "26个镇（场、街道）均挂牌成立综合执法中心。", "enf_teams=26 个" },
		{ "9个乡镇（街道）全部实现“一支队伍管执法”。", "enf_teams=9 个" },
		/* figures listed tersely, each after its noun */
		{ "跨部门联合抽查96次，抽查1384户。", "reg_random_checks=96 次 reg_random_entities=1384 户" },
		{ "普法活动560余场次，“法律明白人”2130名。", "pub_events=560 场次|余 pub_volunteers=2130 名" },
		/* bodies whose enforcement a supervisor inspected */
		{ "对21个行政执法部门开展执法监督检查，提出整改意见47条。", "rule_inspections=21 个 rule_inspection_issues=47 条" },
		{ "对6个区（市）分局和市生态环境保护综合执法支队开展法治建设督查。", "rule_inspections=7 个" },
		{ "对20个乡镇和43个县直单位的依法行政工作开展检查。", "rule_inspections=63 个" },
		{ "对10个县（市、区）发展改革局和甲经济技术开发区、乙经济区经济发展部门开展法治建设督导。",
		  "rule_inspections=12 个" },
		{ "对12个镇自然资源和规划所开展依法行政专项检查。", "rule_inspections=12 个" },
		/* a theory study group's sessions, whatever it studied */
		{ "党工委理论学习中心组集体学习习近平法治思想和党的二十大关于法治建设的论述8次。", "study_sessions=8 次" },
		/* packages of services listed by name, then counted (等“一件事”5项); two named alone are no count */
		{ "牵头推出企业信息变更、个体工商户开办等“一件事”5项。", "svc_items=5 项" },
		{ "目前已推出“出生一件事”“就业一件事”两项。", "" },
		/* a department's own wordings: publicity volunteers and sites of its field, review upheld and
		 * dismissed counted together, none corrected, actions joined with other departments */
		{ "培育消防宣传志愿者1200余名，在定点医疗机构建成医保法治宣传示范点6个。",
		  "pub_volunteers=1200 名|余 law_culture_sites=6 个" },
		{ "维持、驳回合计138件，全年未发生行政复议被纠错案件。", "rev_upheld=138 件|维持和驳回 rev_corrected=0 件" },
		{ "未发生因决策违法被纠错的情况。", "" },
		{ "联合住建、市场监管等部门开展“综合查一次”17次。", "enf_joint_actions=17 次" },
		{ "即办件占全部办件量的71.3%。", "svc_instant_rate=71.3 %" },
		{ "街道城管执法中队现有队员32名。", "enf_staff=32 名" },
		/* contracts and other legal matters reviewed together are documents and contracts */
		{ "全年审查合同协议及其他涉法事项46件。", "legality_review_docs=46 件" },
		/* contracts alone put to a legality review are contracts reviewed; with rules or documents, documents */
		{ "区法制办对区政府签订的各类合同进行合法性审查96件。", "contract_reviewed=96 件" },
		{ "对局内制度、对外合同进行合法性审查11件。", "legality_review_docs=11 件" },
		/* documents issued, then filed in the next clause: all of them, as 均 would say */
		{ "全年制发规范性文件2件，并按规定报市政府备案。", "nd_filed=2 件 nd_issued=2 件" },
		{ "全年制发规范性文件3件，于印发后15日内报送市司法局备案。", "nd_filed=3 件 nd_issued=3 件" },
		{ "全县一审行政诉讼案件86件，其中经复议后起诉的52件。", "lit_cases=86 件 lit_after_review=52 件" },
		{ "共收到行政复议申请60宗，不受理5宗，受理55宗。",
		  "rev_received=60 宗 rev_not_accepted=5 宗 rev_accepted=55 宗" },
		/* ... but not into a clause naming a thing of its own between verb and figure */
		{ "作出行政处罚决定30件，作出查封扣押决定2件。", "enf_cases=30 件|行政处罚决定" },
		/* cases of a named kind found and dealt with (查处/查办…案件) */
		{ "依法查处违规办学案件27件。", "enf_cases=27 件" },
		{ "全年查办涉疫违法案件47起。", "enf_cases=47 起" },
		/* sub-items of a total */
		{ "负责人出庭32次（其中正职12次，副职20次）。", "lit_head_count=32 次" },
		{ "审查各类合同及文件80份，其中规范性文件6份，均已报送备案。",
		  "legality_review_docs=80 份 nd_reviewed=6 份 nd_filed=6 份" },
		/* negatives */
		{ "被诉案件无一起因程序违法而败诉。", "lit_lost=0 件" },
		{ "县政府连续三年保持“零败诉”。", "lit_lost=0 件" },
		/* rates: the subject in the clause itself; subjects joined share the figure */
		{ "网上申报率和即办率均达到95%。", "svc_online_rate=95 % svc_instant_rate=95 %" },
		{ "办事时限整体压缩67.5%。", "svc_time_cut=67.5 %" },
		/* the verb after the figure, Chinese numerals */
		{ "举办执法人员法律知识培训3期，共计450人参加。", "law_training=3 期 law_training=450 人" },
		{ "办结行政诉讼案件十二宗。", "lit_concluded=12 宗" },
		/* a count in one Chinese digit, alone in its sentence: after its verb, or ending its clause */
		{ "专题研究法治政府建设工作四次。", "leadership_meetings=4 次" },
		/* a meeting of the leaders that studied it, the subject named before */
		{ "局党组会议专题研究法治建设工作4次，局长办公会议研究6次。", "leadership_meetings=4 次 leadership_meetings=6 次" },
		{ "厅党组会议、厅长办公会议6次专题研究依法治教工作。", "leadership_meetings=6 次" },
		/* a Chinese numeral after an adverb of counting counts anywhere in its clause */
		{ "县委常委会会议、县政府常务会议先后六次专题研究法治政府建设工作。", "leadership_meetings=6 次" },
		{ "累计三次专题研究法治政府建设工作。", "leadership_meetings=3 次" },
		{ "乡政府持证执法人员七名，开展联合执法行动九次。", "enf_staff=7 名 enf_joint_actions=9 次" },
		/* the share certified staff are of the whole, however the whole is named */
		{ "镇（街道）综合行政执法队持证人员仅占全区持证执法人员的12.6%。", "enf_staff_share=12.6 %" },
		{ "乡镇（街道）持证执法人员仅占全区的14%。", "enf_staff_share=14 %" },
		{ "持证执法人员仅占街道执法队伍总人数的37.5%。", "enf_staff_share=37.5 %" },
		/* staff holding certificates or on the payroll, named so without 执法 before 人员 */
		{ "乡镇综合行政执法队持证人员仅有86名。", "enf_staff=86 名" },
		{ "镇综合行政执法办公室在编执法人员仅6名。", "enf_staff=6 名" },
		/* a scope of several kinds counts as one: the figures joined by 和 and 、 add up */
		{ "对11个设区市和24个省直部门开展法治政府建设专项督察。", "rule_inspections=35 个" },
		/* a grade in a scope's noun (二级单位) is no figure of it */
		{ "对局属3个二级单位和7个乡镇林业工作站开展法治建设督查。", "rule_inspections=10 个" },
		{ "对9个街道、3个镇和12个区直部门开展法治政府建设督察。", "rule_inspections=24 个" },
		{ "对所属8个大队和支队机关6个部门开展法治建设专项检查。", "rule_inspections=14 个" },
		{ "对永昌县、金川区水务局和局属5个事业单位开展依法行政专项督查。", "rule_inspections=7 个" },
		/* a body the scope names without a figure counts one; a bracket's 、 parts no items */
		{ "对12个县（区）、长治高新区和38个市直部门开展依法行政考核。", "rule_inspections=51 个" },
		/* several bodies named between two figures; a body named after a noun with a note in
		 * brackets; an item with a note in brackets goes on with the noun before it */
		{ "对5个县区、河西新区、滨江高新区、临港经济区和36个市直部门开展法治政府建设督察。",
		  "rule_inspections=44 个" },
		{ "对11个县（市、区）和新区开展法治政府建设督察。", "rule_inspections=12 个" },
		{ "对9个区、县（市）局和2个直属分局开展法治建设督察。", "rule_inspections=11 个" },
		{ "对12个县（市、区）和高新区、滨湖新城开展法治政府建设督察。", "rule_inspections=14 个" },
		{ "对7个县（市、区）和32个市直部门开展法治督察。", "rule_inspections=39 个" },
		/* ... not figures a rule reads apart, nor figures in another counter */
		{ "办理行政复议案件12件和行政诉讼案件8件。", "rev_received=12 件|政府作为复议机关 lit_cases=8 件" },
		/* law trainings counted in rounds and batches, or the classes named before them */
		{ "开展执法人员全员轮训2轮次。", "law_training=2 轮次" },
		{ "分3期组织执法人员轮训。", "law_training=3 期" },
		{ "分两期组织安全生产培训。", "" },
		/* review cases closed by mediation and settlement together; mediators' cases stay theirs */
		{ "审结行政复议案件48件，其中维持30件，调解、和解结案十九件。",
		  "rev_concluded=48 件 rev_upheld=30 件 rev_settled=19 件" },
		/* cases withdrawn after mediation or settlement end by 撤回终止 */
		{ "审结的367件复议案件里，维持和驳回221件，调解和解后撤回终止88件。",
		  "rev_concluded=367 件 rev_upheld=221 件|维持和驳回 rev_settled=88 件" },
		/* documents and contracts reviewed together: the documents' metric, however the count is
		 * totalled or noted */
		{ "全年区、镇街两级合法性审查各类文件和合同累计2146件。", "legality_review_docs=2146 件" },
		{ "法制机构全年审查各类文件、合同和协议（含招商引资协议）326件。", "legality_review_docs=326 件" },
		/* cases a review organ 受理 are those it accepted, not the applications it received */
		{ "全年县政府受理行政复议案件9件，审结9件。", "rev_accepted=9 件 rev_concluded=9 件" },
		{ "主动公开政府信息一万二千余条。", "open_items=12000 条|余" },
		/* the decisions of a 事项目录, each through the legality review 均… says */
		{ "公布重大行政决策事项目录6项，均经合法性审查。", "dec_legality_review=6 项 dec_count=6 项" },
		/* the satisfaction with proposals after their count, whoever made them */
		{ "全年办理人大代表建议12件、政协委员提案20件，满意率达98%。",
		  "proposals=12 件 proposals=20 件 proposals_satisfaction=98 %" },
		/* none, in words */
		{ "全年未制发行政规范性文件。", "nd_issued=0 件" },
		{ "全年未发生因重大行政决策违法被撤销的情况。", "nd_revoked=0 件" },
		{ "本年度无败诉案件。", "lit_lost=0 件" },
		/* services and people counted by what was done */
		{ "全年解答群众法律咨询960余人次。", "pls_consult=960 人次|余" },
		{ "选聘法治副校长26名。", "pub_volunteers=26 名" },
		{ "全年向县人大常委会报告重大事项4项。", "npc_oversight=4 项|向人大报告" },
		{ "全镇21个村（社区）均配备了法律顾问。", "village_adv=21 个|全覆盖" },
		/* 每项…都 as 均: each of the figure's items went through it */
		{ "全年作出重大行政决策6项，每项决策都经过合法性审查。", "dec_legality_review=6 项 dec_count=6 项" },
		/* documents others filed, reviewed (not filed by the report's own government); entities */
		{ "审查乡镇和县直部门报送备案的规范性文件二十三件。", "nd_filing_review=23 件" },
		{ "抽查经营业户186户，全区经营主体达到12.46万户，同比增长9.6%。",
		  "reg_random_entities=186 户 market_entities=12.46 万户 market_entities_growth=9.6 %" },
		{ "为企业出具专用信用报告1860份。", "credit_certificates=1860 份" },
		/* suggestions of courts and procurators are no proposals of deputies */
		{ "办理检察建议和司法建议32件，办理区人大代表建议112件。", "proposals=112 件" },
		/* none stated in words: no case against the government, no request, no document */
		{ "全年未发生以镇政府为被申请人的行政复议案件。", "rev_respondent=0 件" },
		{ "以市司法局为被告的行政诉讼案件为零。", "lit_cases=0 件" },
		{ "全年未收到政府信息公开申请。", "open_requests=0 件" },
		{ "镇政府全年无新制发的行政规范性文件。", "nd_issued=0 件" },
		/* a table written as lines: the label and its figure are one clause */
		{ "行政复议审结数：39件", "rev_concluded=39 件" },
		{ "行政诉讼败诉率：6.1%", "lit_loss_rate=6.1 %" },
		/* the amount of the contracts and agreements reviewed */
		{ "审查合同协议95份，涉及金额约12.7亿元。", "contract_reviewed=95 份 contract_amount=12.7 亿元|约" },
		/* a leader by title, the market's size, awareness of the law */
		{ "县长带头出庭应诉3件。", "lit_head_count=3 件" },
		{ "全县市场主体总量达2.6万户。", "market_entities=2.6 万户" },
		{ "群众法治知晓率达90%以上。", "pub_awareness=90 %|以上" },
		/* a rate of none, in words */
		{ "行政诉讼败诉率为零。", "lit_loss_rate=0 %" },
		/* a bound set for the year is a target; 确保 states results too */
		{ "提升执法规范化水平，确保执法案卷合格率不低于98%，行政诉讼败诉率控制在5%以内。", "" },
		{ "组织学法考试，确保及格率和参考率均达到100%。", "law_exam_pass_rate=100 %" },
		/* a rate stated with 达到 as with 达 */
		{ "线上办案率达到95.6%。", "enf_online_rate=95.6 %" },
		/* bodies that drew up their lists of duties to teach the law, counted after them */
		{ "制定普法责任清单的县直单位52个。", "pub_resp_units=52 个" },
		/* a service list grown over the year: the figure it reached */
		{ "“一件事一次办”事项由年初的40项扩展至112项。", "svc_items=112 项" },
		{ "“一件事一次办”事项达到215项。", "svc_items=215 项" },
		{ "市级“高效办成一件事”重点事项上线运行24项。", "svc_items=24 项" },
		{ "首批公布普法责任清单的市直单位为52家。", "pub_resp_units=52 家" },
		{ "即办事项占比61%。", "svc_instant_rate=61 %" },
		{ "撤销、变更、确认违法和责令履行的合计58件。", "rev_corrected=58 件" },
		{ "新推出企业开办、不动产登记等“一件事”联办事项十八项。", "svc_items=18 项" },
		/* cases handled online are enforcement's rate, services' are services' */
		{ "执法办案网上办理率99.5%。", "enf_online_rate=99.5 %" },
		{ "政务服务事项网上办理率达99.5%。", "svc_online_rate=99.5 %" },
		{ "行政诉讼败诉率达到0%。", "lit_loss_rate=0 %" },
		/* clauses after a ； go on with the subject before it */
		{ "共收到行政复议申请41件，受理37件；审结35件，其中维持24件，终止7件。",
		  "rev_received=41 件 rev_accepted=37 件 rev_concluded=35 件 rev_upheld=24 件 rev_settled=7 件" },
		/* ... and after a 。 only into a sentence that opens with its verb, naming nothing of its own */
		{ "共收到行政复议申请41件。审结35件。", "rev_received=41 件 rev_concluded=35 件" },
		{ "共收到行政复议申请41件。全年审结35件。", "rev_received=41 件 rev_concluded=35 件" },
		{ "共收到行政复议申请41件。全年办理信访事项35件。", "rev_received=41 件 petition_cases=35 件" },
		{ "一审行政诉讼案件59件。已审结的48件中，胜诉41件。", "lit_cases=59 件 lit_concluded=48 件 lit_won=41 件" },
		{ "全年受理行政复议申请96件，审结90件。在审结的案件中，维持51件、驳回12件、纠错17件。",
		  "rev_accepted=96 件 rev_concluded=90 件 rev_upheld=51 件 rev_dismissed=12 件 rev_corrected=17 件" },
		/* the figures after 分别 take the items listed before it, in order */
		{ "审结行政复议案件81件，维持、驳回、纠错、终止的分别为52件、7件、11件、11件。",
		  "rev_concluded=81 件 rev_upheld=52 件 rev_dismissed=7 件 rev_corrected=11 件 rev_settled=11 件" },
		/* a sentence opening 全年 with its verb takes the subject of the one before, into its
		 * brackets too; the kinds of a figure named by their verbs in brackets after it are no
		 * facts of their own */
		{ "县政府新收行政复议申请33件。全年办结34件（维持17件，驳回2件，撤销5件）。",
		  "rev_received=33 件 rev_concluded=34 件 rev_upheld=17 件 rev_dismissed=2 件 rev_corrected=5 件" },
		{ "审结行政复议案件268件，其中维持149件，纠错41件（撤销26件、变更11件、责令履行4件）。",
		  "rev_concluded=268 件 rev_upheld=149 件 rev_corrected=41 件" },
		/* 依次 lists as 分别 does */
		{ "已审结行政复议案件188件，维持、驳回、纠错、终止依次为118件、22件、21件、27件。",
		  "rev_concluded=188 件 rev_upheld=118 件 rev_dismissed=22 件 rev_corrected=21 件 rev_settled=27 件" },
		/* 个, the general measure word, restated in another */
		{ "将城市集中供热价格调整等6个事项列入目录，6项决策均履行了合法性审查程序。",
		  "dec_count=6 个 dec_legality_review=6 项" },
		{ "组织学法用法考试，参考率、合格率分别为99.8%和99.5%。", "law_exam_pass_rate=99.5 %" },
		/* the words of reports on 依法行政, as they were named before 2018 */
		{ "市政府常务会议专题研究依法行政工作四次，研究部署重点任务。", "leadership_meetings=4 次" },
		{ "举办依法行政专题讲座三期，依法行政意识明显增强。", "law_training=3 期" },
		{ "举办领导干部法治专题培训班3期。", "law_training=3 期" },
		/* the attendance of a training whose subject names the law or enforcement, words between */
		{ "举办执法办案、证据收集等专题培训班9期，培训民警1260人次。", "law_training=9 期 law_training=1260 人次" },
		{ "组织开展新修订的法律法规和执法实务全员培训，培训1350人次。", "law_training=1350 人次" },
		/* a percentage written out */
		{ "人民调解成功率百分之九十六点八。", "med_success_rate=96.8 %" },
		{ "政府法律顾问覆盖率达到百分之百。", "adv_coverage=100 %" },
		{ "聘请常年法律顾问5家。", "adv_units=5 家" },
		{ "共将36个事项调整为即办事项。", "svc_items=36 个" },
		/* a rate word as the verb of the subject before it */
		{ "评查执法案卷85卷，合格率达97%。", "enf_file_review=85 卷 enf_file_pass_rate=97 %" },
		/* sub-items with a verb of their own are metrics; a 的 phrase only sorts the total */
		{ "全年审结行政复议案件40件，其中维持25件，撤销4件，调解撤回11件。",
		  "rev_concluded=40 件 rev_upheld=25 件 rev_corrected=4 件 rev_settled=11 件" },
		{ "共梳理现行有效规范性文件40件，其中以县政府名义制发的15件。", "nd_in_force=40 件" },
		{ "全年办结行政复议案件十件，其中撤销二件。", "rev_concluded=10 件 rev_corrected=2 件" },
		/* a second verb for a figure a pattern read */
		{ "审核规范性文件11件，全部报送备案。", "nd_reviewed=11 件 nd_filed=11 件" },
		{ "本年度行政诉讼败诉案件3件。", "lit_lost=3 件" },
		{ "共聘请法律顾问3名。", "adv_units=3 名" },
		/* the object after the verb names the thing counted; notes in brackets stay in the clause */
		{ "对9个部门开展依法行政专项督察，反馈问题35个。", "rule_inspections=9 个 rule_inspection_issues=35 个" },
		{ "全县共有人民调解委员会85个，全年受理矛盾纠纷920件，调解成功905件，成功率98.4%。",
		  "med_orgs=85 个 med_received=920 件 med_resolved=905 件 med_success_rate=98.4 %" },
		{ "全年发放宣传资料3万余份，培育“法律明白人”860名。", "pub_materials=3 万份|余 pub_volunteers=860 名" },
		/* 调解 N: the disputes handled; 调解成功 N: those resolved */
		{ "全镇共调解各类矛盾纠纷530起，调解成功522起。", "med_received=530 起 med_resolved=522 起" },
		/* the same with 调处 or 化解, whose count alone is of those resolved */
		{ "调处矛盾纠纷4216件，调处成功4158件。", "med_received=4216 件 med_resolved=4158 件" },
		{ "全镇化解各类矛盾纠纷860起，化解成功842起。", "med_received=860 起 med_resolved=842 起" },
		/* the success named by 成功 alone, or by 化解 after 调处 */
		{ "全县人民调解组织调解纠纷2750宗，成功2716宗。", "med_received=2750 宗 med_resolved=2716 宗" },
		{ "全年调处邻里矛盾纠纷64起，化解61起。", "med_received=64 起 med_resolved=61 起" },
		{ "全年调处矛盾纠纷300件，调解成功率99.1%。", "med_resolved=300 件 med_success_rate=99.1 %" },
		{ "全年调解矛盾纠纷8912件。", "med_resolved=8912 件" },
		{ "全年调解各类矛盾纠纷846宗（含诉前委派调解的案件），调解成功829宗。", "med_received=846 宗 med_resolved=829 宗" },
		/* a 其中 breakdown names a part of the count up to its ；: what follows goes on with the whole */
		{ "一审行政诉讼案件762件，其中经复议的案件184件；审结698件，败诉36件。",
		  "lit_cases=762 件 lit_after_review=184 件 lit_concluded=698 件 lit_lost=36 件" },
		{ "审查政府文件、会议议题、合同等涉法事项468件，其中审查政府合同232份，涉及金额约126.4亿元。",
		  "legality_review_docs=468 件 contract_reviewed=232 份 contract_amount=126.4 亿元|约" },
		{ "审结行政复议案件183件，其中维持102件，直接纠错率14.8%；通过调解、和解方式结案45件。",
		  "rev_concluded=183 件 rev_upheld=102 件 rev_correction_rate=14.8 %|直接纠错率 rev_settled=45 件" },
		/* a value before a change, and those something is given to, are not the count */
		{ "县级行政许可事项由210项精简至150项。", "svc_items=150 项" },
		{ "向6个街道下放行政执法事项98项。", "enf_items=98 项" },
		/* decisions listed in the year's catalogue, and the procedure 均… says each went through */
		{ "将甲规划、乙调整等6项事项纳入年度重大行政决策事项目录管理，均严格履行公众参与、合法性审查等法定程序。",
		  "dec_legality_review=6 项 dec_count=6 项" },
		/* inspections of a scope, events of a campaign, documents and contracts reviewed together */
		{ "对17个乡镇和41个县直部门开展依法行政工作专项检查。", "rule_inspections=58 个" },
		{ "对27个镇街和52个区级部门开展依法行政考核。", "rule_inspections=79 个" },
		/* 逐一, 统一 hold no figure: the words after a figure go on past them */
		{ "年底对17个乡镇和42个县直部门逐一检查考核。", "rule_inspections=59 个" },
		{ "机关干部和社区工作者312人参加全区统一组织的年度学法考试。", "law_exam=312 人" },
		/* a note in brackets of up to seven characters belongs to its clause and its scope */
		{ "对33个乡镇（街道、开发区）和56个县直单位进行了依法行政考核。", "rule_inspections=89 个" },
		{ "对19个乡镇（街道、场）和36个市直部门开展法治政府建设考核。", "rule_inspections=55 个" },
		{ "开展“法律六进”活动680余场次，宪法宣传周等活动120场次。", "pub_events=680 场次|余 pub_events=120 场次" },
		{ "全年审查区政府文件、合同等212件。", "legality_review_docs=212 件" },
		/* documents of several kinds ending with contracts are no count of contracts alone */
		{ "市司法局全年审查市政府文件、会议议题和合同356件。", "legality_review_docs=356 件" },
		{ "审查市政府常务会议议题、文件和重大合同318件。", "legality_review_docs=318 件" },
		{ "全年审查区政府各类文件、协议286件。", "legality_review_docs=286 件" },
		{ "支队法制部门全年审查执法文书、合同协议等72件。", "legality_review_docs=72 件" },
		/* the staff's share of a team, however the team's number is named */
		{ "综合行政执法队持证人员仅占在岗人数的58%。", "enf_staff_share=58 %" },
		{ "管委会在编执法人员仅占综合执法大队人数的38%。", "enf_staff_share=38 %" },
		/* a phrase's figure after a row's gap */
		{ "下达责令整改通知书　　　　47份", "enf_rectify_orders=47 份" },
		/* opinions on laws and rules being drafted are no review of the government's documents;
		 * drafting its own documents is */
		{ "参与审议地方性法规、规章草案16件，提出修改意见58条。", "" },
		{ "局政策法规股在文件起草阶段即介入把关，对拟发文件提出修改意见12条。", "nd_review_opinions=12 条" },
		/* letters and visits handled, counted as 信访件 */
		{ "接待群众来访59批次137人次，办结信访件21件。", "petition_visits=59 批次 petition_cases=21 件" },
		/* lectures on the civil code counted in sessions (场) or attendance */
		{ "邀请县司法局业务骨干举办民法典专题讲座3场。", "law_training=3 场" },
		{ "组织乡村两级干部参加民法典专题培训210人次。", "law_training=210 人次" },
		/* the people who spread the law, trained, registered or hired by other names */
		{ "注册普法志愿者160名。", "pub_volunteers=160 名" },
		{ "聘请兼职法治辅导员6名。", "pub_volunteers=6 名" },
		{ "培训村（社区）信访代理员和“法律明白人”540名。", "pub_volunteers=540 名" },
		/* units that published their lists of duties, or reported how they carried them out */
		{ "全市126家普法责任单位公布普法责任清单。", "pub_resp_units=126 家" },
		{ "向社会公开普法责任清单的单位42家。", "pub_resp_units=42 家" },
		{ "建成法治文化阵地3个，局属14个单位按要求报告普法责任制履职情况。",
		  "law_culture_sites=3 个 pub_resp_units=14 个" },
		/* no document revoked, said in other words */
		{ "全年未发生区政府规范性文件被撤销或者被责令改正的情况。", "nd_revoked=0 件" },
		{ "市政府规范性文件没有一件因违法被省政府、市人大常委会撤销或者责令纠正。", "nd_revoked=0 件" },
		/* a 分别 clause of its own takes the items of the clause before it, their verb leading */
		{ "办理县人大代表建议、县政协委员提案，数量分别是41件、63件，办复率100%。",
		  "proposals=41 件 proposals=63 件" },
		/* review ended by mediation and settlement, however the two are joined */
		{ "通过调解、和解终止案件23件。", "rev_settled=23 件" },
		{ "经审理，调解和解后终止34件。", "rev_settled=34 件" },
		{ "全年对规范性文件、合同协议、涉企政策措施等开展合法性审查213件。", "legality_review_docs=213 件" },
		/* each 均/全部 clause in a run gives the figure one more verb */
		{ "全年制发规范性文件5件，均经司法局合法性审核，全部报市政府和县人大常委会备案。",
		  "nd_reviewed=5 件 nd_filed=5 件 nd_issued=5 件" },
		{ "组织新任命的国家工作人员进行宪法宣誓4次，制发行政复议意见书和建议书11份。",
		  "oath_events=4 次 rev_opinion_letter=11 份" },
		/* each verb of a 均/全部 clause, and a clause going on from it with 并/且/同时 */
		{ "全年制发规范性文件3件，全部经合法性审核并报市政府备案。", "nd_reviewed=3 件 nd_filed=3 件 nd_issued=3 件" },
		{ "全年制发规范性文件5件，均经合法性审查，并在发布后15日内报市政府备案。",
		  "nd_reviewed=5 件 nd_filed=5 件 nd_issued=5 件" },
		/* 均/全部 right after the figure in its own clause; not the verb of a pattern's words */
		{ "公布年度重大行政决策事项目录，目录内的4项决策均履行合法性审查和集体讨论决定程序。",
		  "dec_legality_review=4 项 dec_count=4 项" },
		{ "全县152个村（社区）均聘请了法律顾问。", "village_adv=152 个|全覆盖" },
		/* 均/全部 of a kind the last figure is not goes back to the figure of that kind before it;
		 * one of the last figure's kind speaks of the last */
		{ "全年审核规范性文件8件，提出审核意见46条，全部按时报送市政府备案。",
		  "nd_reviewed=8 件 nd_filed=8 件 nd_review_opinions=46 条" },
		{ "确定重大行政决策事项4项，上半年已作出2项，均经合法性审查。", "dec_count=4 项" },
		/* a figure a pattern read as decisions is decisions to 均, though its clause says 事项 */
		{ "公布重大行政决策事项目录，将《城市更新专项规划》等6项事项纳入目录管理，均经公众参与、"
		  "专家论证、风险评估、合法性审查和集体讨论决定程序。", "dec_legality_review=6 项 dec_count=6 项" },
		{ "向社会公布年度重大行政决策事项目录，纳入目录事项8项，均严格履行合法性审查程序。",
		  "dec_legality_review=8 项 dec_count=8 项" },
		{ "市政府年度决策目录事项5项，均经合法性审查。", "dec_legality_review=5 项 dec_count=5 项" },
		/* a single item needs no 均: the clause after it says what became of it */
		{ "以乡政府为被申请人的行政复议案件1件，经复议予以维持。", "rev_upheld=1 件 rev_respondent=1 件" },
		/* the one item named again (该项决策, 该文件), in its sentence or the next, as 均 names several */
		{ "全年作出重大行政决策1项，即《应急避难场所建设规划》，该项决策履行了公众参与、风险评估、合法性审查和集体讨论决定程序。",
		  "dec_legality_review=1 项 dec_count=1 项" },
		{ "全年制发规范性文件1件，即《安全生产约谈办法》，该文件经区司法局合法性审核后，按规定报区政府备案。",
		  "nd_reviewed=1 件 nd_filed=1 件 nd_issued=1 件" },
		{ "以乡政府为被申请人的行政复议案件2件，经复议予以维持。", "rev_respondent=2 件" },
		/* 均 after who did it, with the subject that fits its verb; not denied, not of the rest */
		{ "以局为被申请人的行政复议案件3件，均被复议机关维持。", "rev_upheld=3 件 rev_respondent=3 件" },
		{ "县政府作为被告的行政诉讼案件4件，法院均判决驳回原告诉讼请求。", "lit_cases=4 件|政府为被告 lit_won=4 件" },
		{ "以本厅为被申请人的行政复议案件15件，均未被纠错。", "rev_respondent=15 件 rev_corrected=0 件" },
		{ "以市局为被申请人的行政复议案件46件，经复议被撤销6件，其余均予以维持。",
		  "rev_respondent=46 件 rev_corrected=6 件" },
		/* the year before's count and a change from it are no counts of the year's, and no
		 * figure its 均 speaks of; a rate of change may be a metric's */
		{ "全年以县政府名义制发行政规范性文件4件（上年为7件），均经县司法局合法性审核，并全部报市政府和县人大常委会备案。",
		  "nd_reviewed=4 件 nd_filed=4 件 nd_issued=4 件" },
		{ "全年审核市政府行政规范性文件8件，比上年减少3件，均在规定时限内报自治区人民政府和市人大常委会备案。",
		  "nd_reviewed=8 件 nd_filed=8 件" },
		{ "全市市场主体达12.6万户，同比增长8.2%。", "market_entities=12.6 万户 market_entities_growth=8.2 %" },
		/* a court concludes and decides the litigation a sentence before counted; its own
		 * caseload of every kind is no administrative litigation */
		{ "全市一审行政诉讼案件298件。人民法院已审结261件，尚在审理37件。", "lit_cases=298 件 lit_concluded=261 件" },
		{ "以镇政府为被告的行政诉讼案件3件。法院已审结2件，均判决驳回原告诉讼请求。",
		  "lit_cases=3 件|政府为被告 lit_concluded=2 件 lit_won=2 件" },
		{ "区人民法院全年受理各类案件1.36万件，审结1.29万件。", "" },
		/* a table written as lines: the label names the metric by its subject alone when that
		 * subject states one metric, or by its verb; a subject of many metrics needs its verb */
		{ "法律援助案件：2146件", "aid_cases=2146 件" },
		/* …or names its counter in brackets, the number alone after it */
		{ "新收行政复议申请（件）　　　　1186", "rev_received=1186 件" },
		{ "执法人员业务培训（人次）　　　1860", "law_training=1860 人次" },
		{ "出动执法人员（人次）　2860", "" },
		{ "办理案件（件）　　12　　15", "" },
		/* a table restating the sentences' figures adds nothing */
		{ "全年立案查处违法案件126件。\n立案查处案件（件）　126", "enf_cases=126 件" },
		{ "调解成功：7968件", "med_resolved=7968 件" },
		/* a row written as a line, two or more blanks its colon */
		{ "新收行政复议申请　　　　412件\n受理　　　　　　368件\n　　　驳回　　　　41件\n败诉　　　　　14件",
		  "rev_received=412 件 rev_accepted=368 件 rev_dismissed=41 件 lit_lost=14 件" },
		/* one blank parts no label from its number */
		{ "受理 368件", "" },
		{ "行政复议收案数：45件", "rev_received=45 件" },
		{ "行政复议：45件", "" },
		{ "审结：55件（其中维持31件、驳回6件、纠错9件、终止9件）",
		  "rev_concluded=55 件 rev_upheld=31 件 rev_dismissed=6 件 rev_corrected=9 件 rev_settled=9 件" },
		/* words that only link a rate to its value are no words of the clause's own */
		{ "参加学法考试5000人，合格率保持在99%以上。", "law_exam=5000 人 law_exam_pass_rate=99 %|以上" },
		{ "参加学法考试5000人，合格率始终为99%。", "law_exam=5000 人 law_exam_pass_rate=99 %" },
		{ "重大执法决定法制审核96件，审核率保持100%。", "enf_legal_review=96 件 enf_legal_review_rate=100 %" },
		/* the villages' legal advisers and the government units' are two metrics; words two
		 * patterns read are one fact */
		{ "村（社区）法律顾问覆盖率保持100%。", "village_adv=100 %|覆盖率" },
		{ "深化“一村（社区）一法律顾问”制度，全市村（社区）法律顾问实现全覆盖。", "village_adv=100 %|全覆盖" },
		{ "全县乡镇（街道）、县直单位法律顾问实现全覆盖。", "adv_coverage=100 %|全覆盖" },
		/* everyday wordings of catalogue metrics */
		{ "截至年底，全县市场主体达6138户，新增经营主体达1.2万户，全镇实有企业2.14万户。",
		  "market_entities=6138 户 market_entities_new=1.2 万户 market_entities=2.14 万户" },
		{ "审结行政复议案件151件，其中维持和驳回83件。", "rev_concluded=151 件 rev_upheld=83 件|维持和驳回" },
		{ "一审行政诉讼案件142件，其中以区政府为被告的37件。", "lit_cases=142 件 lit_cases=37 件|政府为被告" },
		{ "办理法律援助案件4380件，值班律师提供法律帮助3120件。", "aid_cases=4380 件 aid_plea_cases=3120 件|值班律师" },
		{ "推出“一件事一次办”集成服务21项。", "svc_items=21 项|一件事集成服务" },
		{ "“高效办成一件事”重点事项清单21项全部落地。", "svc_items=21 项" },
		/* what a town reports: its major matters decided, village rules reviewed, aid it helps apply
		 * for, matters its villages' rooms handle for the town */
		{ "全年研究决定土地征收补偿等重大事项4项，均经合法性审查和镇党委会议集体讨论决定。",
		  "dec_legality_review=4 项 dec_count=4 项" },
		{ "对各村（社区）新修订的村规民约、居民公约开展合法性审查22件，提出修改意见31条。",
		  "legality_review_docs=22 件 nd_review_opinions=31 条" },
		{ "镇司法所协助群众申请法律援助18件，协助农民工讨薪9件。", "aid_cases=18 件|协助申请 aid_wage_cases=9 件" },
		{ "22个村（社区）便民服务室可代办事项58项。", "svc_items=58 项" },
		{ "开展“送法进村寨”活动86场次。", "pub_events=86 场次" },
		{ "组建法治宣传志愿者队伍，吸纳志愿者162名。", "pub_volunteers=162 名" },
		{ "下达责令停止违法行为通知书32份。", "enf_rectify_orders=32 份" },
		/* a department's own decisions and checks, in its own words */
		/* 上述/以上 opening the sentence after: its 均 speaks of the figures of the one before */
		{ "全年制发规范性文件6件。上述文件均经司法局合法性审核，并报市政府备案，报备率100%。",
		  "nd_issued=6 件 nd_reviewed=6 件 nd_filed=6 件 nd_filing_rate=100 %" },
		{ "全年作出重大行政决策3项。以上事项均经合法性审查和集体讨论决定。",
		  "dec_count=3 项 dec_legality_review=3 项" },
		{ "全年作出重大行政决策3项。会议研究部署工作。以上事项均经合法性审查。", "dec_count=3 项" },
		{ "全年作出重大税务决策3项，均经公职律师合法性审查和局务会议集体讨论决定。",
		  "dec_legality_review=3 项 dec_count=3 项" },
		{ "抽查定点医药机构236家。", "reg_random_entities=236 家" },
		{ "对门诊共济、药品集采等政策开展解读28次。", "policy_interp=28 次" },
		{ "政务服务事项“全程网办”率达到87.6%。", "svc_online_rate=87.6 %" },
		/* units that publish a catalogue of decisions, a scope of bodies summed; villages' advisers */
		{ "全县19个县直单位公布本单位重大行政决策事项目录。", "dec_catalog_units=19 个" },
		{ "全市4个区县和29个市直部门公布本级本部门重大行政决策事项目录。", "dec_catalog_units=33 个" },
		{ "全县26个乡镇（街道）、348个村（社区）均配备法律顾问。", "village_adv=348 个|全覆盖" },
		{ "全县村（社区）实现法律顾问全覆盖。", "village_adv=100 %|全覆盖" },
		/* powers of penalty exercised together, staff qualified, decisions reviewed, “一网通办”率 */
		{ "集中行使住建、环保、工商等部门行政处罚权326项。", "enf_items=326 项|集中行使" },
		{ "镇综合行政执法队承接县级赋权事项一百一十六项。", "enf_items=116 项|承接赋权" },
		{ "全市具有基本级以上执法资格的民警达4126人。", "enf_staff=4126 人" },
		{ "试行重大执法决定法制审核，审核重大执法决定112件。", "enf_legal_review=112 件" },
		{ "政务服务事项“一网通办”率达96%。", "svc_online_rate=96 %" },
		{ "全年没有发生市政府规范性文件被撤销或责令纠正的情况。", "nd_revoked=0 件" },
		/* a police bureau's cases, qualified staff, orders; sanctions; explanations; time cut */
		{ "全县公安机关全年查处行政案件3926起，其中局机关治安、交警、禁毒等大队直接查处612起。",
		  "enf_cases=3926 起 enf_cases=612 起" },
		{ "全局取得执法资格的民警298名。", "enf_staff=298 名" },
		{ "下达劳动保障监察限期改正指令书63份。", "enf_rectify_orders=63 份" },
		{ "将5家企业纳入安全生产失信联合惩戒对象。", "credit_measures=5 家" },
		{ "开展政策解读12次。", "policy_interp=12 次" },
		/* groups and their people are one figure, the people no count of their own */
		{ "全年接待群众来访126批次318人次，化解信访积案7件。", "petition_visits=126 批次 petition_cases=7 件" },
		{ "对镇政府制发的文件进行全面清理，废止3件，继续有效9件。", "nd_repealed=3 件 nd_in_force=9 件" },
		{ "推广使用“一部手机办事通”，可网上办理事项占比达到65%。", "svc_online_rate=65 %|网办事项占比" },
		{ "举办新修订的行政处罚法专题培训，参训190人次。", "law_training=190 人次" },
		/* a scope's whole staff or firms with no verb; attendances are no count of staff */
		{ "全县行政执法人员1342名，均持证上岗。", "enf_staff=1342 名" },
		{ "全区经营主体6.94万户，同比增长8.3%。", "market_entities=6.94 万户 market_entities_growth=8.3 %" },
		{ "培训全系统执法人员420人次。", "law_training=420 人次" },
		/* a total after its parts of one metric stands for them when they add up to it */
		{ "全年办理刑事法律援助案件72件、民事法律援助案件150件、行政法律援助案件3件，共计225件。",
		  "aid_cases=225 件" },
		{ "办理人大代表建议41件、政协提案37件，合计78件，满意率100%。", "proposals=78 件 proposals_satisfaction=100 %" },
		{ "全年以县政府名义制发规范性文件5件、以县政府办公室名义制发2件，共计7件，均经合法性审查。",
		  "nd_reviewed=7 件 nd_issued=7 件" },
		{ "办理人大代表建议41件、政协提案37件，共计90件。", "proposals=41 件 proposals=37 件" },
		/* a 其中 part naming other bodies of the administration is their own count of the same */
		{ "全市持证行政执法人员6218名，其中市直部门1874名。", "enf_staff=6218 名 enf_staff=1874 名" },
		{ "全市持证行政执法人员1468名，其中乡镇（街道）312名。", "enf_staff=1468 名 enf_staff=312 名" },
		/* a figure restated before 均 gives the earlier one its second verb, and is no new fact */
		{ "全年作出重大行政决策4项，涉及教育、医疗等领域，4项决策均经合法性审查和集体讨论决定。",
		  "dec_count=4 项 dec_legality_review=4 项" },
		{ "审核规范性文件5件，5件均报市政府备案。", "nd_reviewed=5 件 nd_filed=5 件" },
		/* a count in one Chinese digit before its 均 or 全部; a restated figure is read as the first */
		{ "全年制发规范性文件六件，六件文件在印发前全部经县政府法制办合法性审查。", "nd_issued=6 件 nd_reviewed=6 件" },
		{ "全面落实三项制度，三项制度全部落实到位。", "" },
		/* 一 alone counts right after its verb, ending its clause; not in 一件事, 统一, 一次 after a noun */
		{ "审结行政复议案件六件，维持四件，驳回一件，撤销一件。",
		  "rev_concluded=6 件 rev_upheld=4 件 rev_dismissed=1 件 rev_corrected=1 件" },
		{ "推进高效办成一件事，统一标准，召开专题会议一次。", "" },
		/* the figure's noun may stand between it and its 均 */
		{ "县政府6项重大行政决策事项均经公众参与、专家论证、风险评估、合法性审查和集体讨论决定。",
		  "dec_legality_review=6 项 dec_count=6 项" },
		/* another figure of the same value is no restatement */
		{ "共收到行政复议申请5件，受理5件，均已审结。", "rev_received=5 件 rev_accepted=5 件 rev_concluded=5 件" },
		/* bodies named as issuers (以…名义) are no bodies counting their own */
		{ "现行有效的规范性文件30件，其中以区政府名义制发的12件，以部门名义制发的18件。", "nd_in_force=30 件" },
		{ "审批时限平均压缩58%。", "svc_time_cut=58 %|平均" },
		{ "向公安机关移送涉嫌重大责任事故罪等案件4件。", "enf_crime_transfer=4 件" },
		{ "全年无被撤销或责令纠正的区政府规范性文件。", "nd_revoked=0 件" },
		/* no case at all; credit reports in place of certificates; firms' credit repaired; checks
		 * of shops and institutions; legal aid a town helped people apply for */
		{ "全年未发生行政复议案件，也未发生行政诉讼案件。", "rev_received=0 件 lit_cases=0 件" },
		{ "以专用信用报告代替无违法违规记录证明430份。", "credit_certificates=430 份" },
		{ "为1860家企业办理信用修复。", "credit_repair=1860 家" },
		{ "抽查沿街商户146户，抽查社会组织和养老机构63家。", "reg_random_entities=146 户 reg_random_entities=63 家" },
		{ "引导困难群众申请法律援助28件。", "aid_cases=28 件|协助申请" },
		/* villages covered one adviser each; service points of other names */
		{ "全县184个村（居）实现“一村（居）一法律顾问”全覆盖。", "village_adv=184 个|全覆盖" },
		{ "在428个行政村建立了法律服务联系点。", "pls_stations=428 个" },
		/* a longer note of what a count holds belongs to its clause too */
		{ "全区人民调解组织（含行业性专业性调解组织）318个。", "med_orgs=318 个" },
		{ "全年办理法律援助案件（含认罪认罚值班律师案件）1036件。", "aid_cases=1036 件" },
		/* a town's words: villages whose rules were all reviewed, the firms of its area, no case
		 * lost, no request received */
		{ "7个村修订完善的村规民约均经乡司法所合法性审查。", "legality_review_docs=7 个" },
		{ "辖区内各类市场主体2318户，全乡登记市场主体631户。", "market_entities=2318 户 market_entities=631 户" },
		{ "镇政府无败诉。", "lit_lost=0 件" },
		{ "全年没有收到政府信息公开申请。", "open_requests=0 件" },
		{ "8个社区均与律师事务所签订了法律顾问协议，7个村均有法律顾问。", "village_adv=8 个|全覆盖 village_adv=7 个|全覆盖" },
		{ "在社区设立法律服务工作室8个。", "pls_stations=8 个" },
		{ "全年公开各类信息184条。", "open_items=184 条" },
		/* more wordings of the same: 公开了…决策事项目录, 抽取…案卷, 法律顾问配备率, 列为…重大决策事项,
		 * 未收到依申请公开事项, 普法宣讲, 执法力量仅占… */
		{ "5个县（市、区）政府全部公开了本级年度决策事项目录。", "dec_catalog_units=5 个|全部" },
		{ "共抽取行政处罚、行政许可、行政强制案卷860卷。", "enf_file_review=860 卷" },
		{ "全市村（社区）法律顾问配备率保持100%。", "village_adv=100 %|覆盖率" },
		{ "将背街小巷环境整治提升等2个事项列为街道重大行政决策事项。", "dec_count=2 个" },
		{ "全年未收到依申请公开事项。", "open_requests=0 件" },
		{ "开展藏汉双语普法宣讲320余场次。", "pub_events=320 场次|余" },
		{ "乡（镇）综合执法力量仅占全区执法人员的23.3%。", "enf_staff_share=23.3 %" },
		/* a sentence whose only figure is in 万元 is read too */
		{ "罚没款8.4万元。", "enf_fines=8.4 万元" },
		{ "罚款：396.8万元", "enf_fines=396.8 万元" },
		/* a department's own wordings: orders to stop, clues of crimes handed over, time limits of
		 * approval, letters and visits dealt with, a head's law class, heads of other bodies in court */
		{ "下达责令停止水事违法行为通知书73份。", "enf_rectify_orders=73 份" },
		{ "向公安机关移送涉嫌非法采矿犯罪线索3件。", "enf_crime_transfer=3 件" },
		/* the items of a list of powers and duties are no services; approvals devolved are */
		{ "梳理公布本局权力清单事项43项、责任清单事项129项，取消行政审批事项12项。", "svc_items=12 项" },
		/* what a review's decision acts on stands between its verb and figure; a rate held at */
		{ "收到行政复议申请9件，撤销具体行政行为1件，维持6件。",
		  "rev_received=9 件 rev_corrected=1 件 rev_upheld=6 件" },
		{ "政务服务“好差评”好评率保持在99.8%以上。", "svc_praise_rate=99.8 %|以上" },
		/* a figure in the counter of a pattern's own, after it, owns the words that follow (the
		 * scope of both); one in a note in brackets does not */
		{ "全镇46个行政村和6个社区全部聘请法律顾问。", "village_adv=52 个|全覆盖" },
		{ "全年调解各类矛盾纠纷863件（含上年结转12件），调解成功841件。",
		  "med_received=863 件 med_resolved=841 件" },
		/* matters done at once named “一件事”, the count after the verb; campaigns of teaching the law
		 * by their numbered names and series */
		{ "新生儿出生、企业开办等“一件事”共推出18项。", "svc_items=18 项|一件事" },
		{ "全年开展“法律十进”活动共计286场次。", "pub_events=286 场次" },
		{ "全年开展“八五”普法系列活动1200余场次。", "pub_events=1200 场次|余" },
		/* volunteers counted after their name, and 法治副校长 after the office */
		{ "法治志愿者达到3600多名。", "pub_volunteers=3600 名|多" },
		{ "全县民警担任中小学法治副校长126名。", "pub_volunteers=126 名" },
		/* oaths taken, their count after the act of holding them */
		{ "组织新任命的区政府组成人员进行宪法宣誓，共举行三场。", "oath_events=3 场" },
		/* staff named before an exam they sat are examinees; staff sent to the towns are theirs */
		{ "组织415名执法人员参加全市行政执法人员公共法律知识和专业法律知识网上考试。", "law_exam=415 名" },
		{ "全区186名区级行政执法人员已派驻各镇（街道）。", "enf_staff=186 名|派驻镇街" },
		/* staff too few, as a report laments them: counted after the qualification they hold or
		 * the name of their post; mediators are mediators, and an office named (司法所) is none */
		{ "执法人员中具有法律专业背景的仅3人。", "enf_staff=3 人" },
		{ "全县17个镇具有行政执法资格的应急管理人员仅有23名。", "enf_staff=23 名" },
		{ "旗（区）环境监察人员仅有94名。", "enf_staff=94 名" },
		{ "全市乡镇（街道）专职环保员仅有46名。", "enf_staff=46 名" },
		{ "全县14个乡镇仅有兼职农业执法协管员28名。", "enf_staff=28 名" },
		{ "全县仅有人民调解员28名。", "med_mediators=28 名" },
		{ "区县水政监察专职人员平均仅有3.2名。", "enf_staff=3.2 名" },
		{ "村级人民调解员中具有法律专业背景的仅有6名。", "med_mediators=6 名" },
		{ "部分乡镇司法所仅有1名。", "" },
		/* the items of a list of government services, counted in its clause with no verb */
		{ "区级政务服务事项1142项，全部进驻区政务服务中心。", "svc_items=1142 项" },
		{ "市本级卫生健康政务服务事项128项。", "svc_items=128 项" },
		/* items done online counted after 可…办理的; bodies that hand in their reports on teaching
		 * the law; campaigns named by what they bring the law to, then 共计; neighbourhood committees
		 * that signed advisers' agreements; a court's first-instance cases and those lost */
		{ "其中可网上办理的1043项。", "svc_items=1043 项" },
		{ "全区92个普法责任单位均提交履职报告。", "pub_resp_units=92 个" },
		{ "全年开展“宪法进万家”“民法典进企业”等活动共计610余场次。", "pub_events=610 场次|余" },
		{ "全区183个居委会均与律师事务所签订法律顾问协议。", "village_adv=183 个|全覆盖" },
		{ "全县法院一审收案124件。", "lit_cases=124 件|一审新收" },
		{ "败诉的为3件。", "lit_lost=3 件" },
		/* a clause's count in brackets alone, or after 计, is the clause's as if written in it */
		{ "法律顾问出具法律意见书（53份）。", "adv_opinions=53 份" },
		{ "为农民工讨回欠薪（计326万元）。", "aid_wage_amount=326 万元" },
		/* firms checked at random are so counted, not as the market's entities */
		{ "配合区市场监管局随机抽查辖区市场主体48户。", "reg_random_entities=48 户" },
		/* a training in the law held, counted in classes (期), whatever else its name says */
		{ "举办执法办案骨干培训班8期。", "law_training=8 期" },
		{ "组织全局执法人员法律知识轮训4期。", "law_training=4 期" },
		/* bodies put on the list of duties to teach the law; files passed as a share of all;
		 * a share done online raised to */
		{ "将市直58个单位纳入普法责任清单管理。", "pub_resp_units=58 个" },
		{ "区级国家机关普法责任清单覆盖61家单位。", "pub_resp_units=61 家" },
		{ "评查行政执法案卷120卷，优秀和合格案卷占评查总数的93.3%。", "enf_file_review=120 卷 enf_file_pass_rate=93.3 %" },
		{ "“全程网办”率提升至91.2%。", "svc_online_rate=91.2 %" },
		/* a lone Chinese digit after a word pointing back at the items (该四项决策) counts */
		{ "该四项决策在提交区政府常务会议前均通过合法性审查。", "dec_legality_review=4 项" },
		/* the market's entities counted after 为 */
		{ "全市市场主体为2.67万户，比上年增加3014户。", "market_entities=2.67 万户" },
		/* a clause denying its act after a single item counts none (无败诉: 0, not 1) */
		{ "以镇政府为被告的行政诉讼案件1件，无败诉。", "lit_cases=1 件|政府为被告 lit_lost=0 件" },
		/* 降到 is a word of change; documents filed without 的 */
		{ "平均跑动次数由0.8次降到0.3次。", "svc_trips=0.3 |平均" },
		{ "审查乡镇和部门报备规范性文件15件。", "nd_filing_review=15 件" },
		/* letters and visits received: as matters in 件, as visits in 件次 */
		{ "全年受理群众来信来访26件，全部按期办结。", "petition_cases=26 件" },
		{ "全年受理群众来信来访630件次。", "petition_visits=630 件次|来信来访" },
		/* those who sat an exam named by who they are */
		{ "组织执法资格考试，参考民警1280名。", "law_exam=1280 名" },
		/* decisions named again short (决策) before their 均 */
		{ "上述4项决策均履行公众参与、专家论证、风险评估、合法性审查和集体讨论决定程序。",
		  "dec_legality_review=4 项" },
		/* documents others filed, reviewed: however the count is placed */
		{ "对乡镇和县直部门报备的规范性文件进行备案审查，全年共审查23件。", "nd_filing_review=23 件" },
		{ "对区直部门和街道报送的9件文件进行备案审查。", "nd_filing_review=9 件" },
		{ "审查各乡镇和县直部门报送的规范性文件14件。", "nd_filing_review=14 件" },
		/* a count changed from the year before's in one clause and given in the next */
		{ "以县政府为被告的行政诉讼案件较上年减少6件，为19件。", "lit_cases=19 件" },
		/* a verb in a note in brackets before a figure is not its verb */
		{ "审结行政复议案件96件，其中维持（含驳回）61件，撤销8件。",
		  "rev_concluded=96 件 rev_upheld=61 件 rev_corrected=8 件" },
		/* the share of matters done online by any of their names */
		{ "依托政务服务网，“掌上办”比例为88.6%。", "svc_online_rate=88.6 %" },
		/* a rate named in the clause that changes it, given in the next (合格率…提高…，达到…) */
		{ "评查行政执法案卷210卷，合格率较上年提高3.1个百分点，达到96.2%。",
		  "enf_file_review=210 卷 enf_file_pass_rate=96.2 %" },
		/* a change from the year before's gives the year's figure to the words before it */
		{ "“一件事一次办”事项由上年的18项增加到31项。", "svc_items=31 项" },
		{ "全区执法人员由上年的1180人调整为1243人。", "enf_staff=1243 人" },
		{ "通过调解和解方式结案的占比为21.4%。", "rev_settle_rate=21.4 %" },
		{ "全年收到行政复议申请402件。召开听证会和案审会41场。", "rev_received=402 件 rev_hearing=41 场" },
		/* items handled online, counted after their name; suits won as the court dismissed or upheld;
		 * lawyers' help to workers claiming wages in other words */
		{ "进驻事项326项，其中可网上办理事项41项。", "svc_items=326 项 svc_items=41 项|网上办理" },
		{ "法院判决驳回原告诉讼请求或维持5件。", "lit_won=5 件" },
		{ "办理法律援助案件120件，其中为农民工讨要工资案件41件。", "aid_cases=120 件 aid_wage_cases=41 件" },
		/* a year without penalties is a count of none; a condition is no count */
		{ "全年未作出行政处罚决定。", "enf_cases=0 件" },
		{ "未作出行政处罚的，不得公开。", "" },
		{ "线上执法率达到100%。", "enf_online_rate=100 %" },
		{ "全市各级政府及部门公布年度重大行政决策目录的单位达104家。", "dec_catalog_units=104 家" },
		{ "“一网通办”事项占比由上年的82.5%提高到93.1%。", "svc_online_rate=93.1 %|网办事项占比" },
		/* those who sat an exam counted after it; penalties imposed (实施) are cases */
		{ "组织领导干部参加年度学法考试，参考人数为1280人。", "law_exam=1280 人" },
		{ "全年共实施行政处罚362件。", "enf_cases=362 件" },
		/* cases handed to the police, whatever they are called, the count before or after them */
		{ "向公安机关移送食品安全违法案件5件。", "enf_crime_transfer=5 件" },
		{ "对涉嫌非法经营的3起案件依法移送公安机关。", "enf_crime_transfer=3 起" },
		{ "移送司法机关2件。", "enf_crime_transfer=2 件" },
		/* orders to correct counted without their papers' names */
		{ "责令限期改正18起。", "enf_rectify_orders=18 起" },
		{ "审批时限压缩50%。", "svc_time_cut=50 %" },
		{ "办结群众来信来访事项12件。", "petition_cases=12 件" },
		{ "优秀和合格案卷比例为95.3%。", "enf_file_pass_rate=95.3 %" },
		{ "局长为干部讲授民法典专题课2次。", "law_training=2 次" },
		/* a village adviser in every community put in place (落实), certificates cancelled named 证明
		 * alone, a course on laws and regulations, a campaign taking the civil code somewhere, a
		 * station of legal culture */
		{ "辖区16个社区全部落实“一村（社区）一法律顾问”制度。", "village_adv=16 个|全覆盖" },
		{ "取消村（居）委会出具的各类证明11项。", "cert_items=11 项" },
		{ "举办生态环境法律法规培训班3期。", "law_training=3 期" },
		{ "开展“八五”普法成果展示、民法典进村入企等活动520余场次。", "pub_events=520 场次|余" },
		{ "在南锣鼓巷建成城管法治文化驿站1个。", "law_culture_sites=1 个" },
		/* suits after review without 的, staff qualified in a field's enforcement, a site of legal
		 * culture and publicity */
		{ "以我局为被告的行政诉讼案件9件，其中经复议后起诉3件。", "lit_cases=9 件 lit_after_review=3 件" },
		{ "全局取得税务执法资格人员98名。", "enf_staff=98 名" },
		{ "在县客运站建成交通运输法治文化宣传阵地1个。", "law_culture_sites=1 个" },
		/* zeros said of two counts at once, or of disclosure with 无; satisfaction with legal aid named
		 * so; documents none of which was revoked; check-ups counted in 家次 */
		{ "全年以我局为被申请人的行政复议案件和以我局为被告的行政诉讼案件均为零。", "rev_respondent=0 件 lit_cases=0 件" },
		{ "无依申请公开事项。", "open_requests=0 件" },
		{ "群众对法律援助服务满意率达98%。", "aid_satisfaction=98 %" },
		{ "全年市政府制发的规范性文件均未被上级机关撤销或责令修改。", "nd_revoked=0 件" },
		{ "为家具企业开展“法治体检”62家次。", "pls_checkups=62 家次" },
		/* the clause after a single case a pattern read speaks of that case, as after a rule's */
		{ "以镇政府为被告的行政诉讼案件1件，法院一审判决驳回原告诉讼请求。", "lit_cases=1 件|政府为被告 lit_won=1 件" },
		/* a row's label naming most of a rule's subject after its verb is that rule's, not the first
		 * rule of its verb; a bare verb still takes the first */
		{ "办理法律援助：529件", "aid_cases=529 件" },
		{ "调解成功：268件", "med_resolved=268 件" },
		/* applications for review against the reporting body; supervision items it claimed */
		{ "全年收到以我局为被申请人的行政复议申请2件。", "rev_respondent=2 件" },
		{ "认领“互联网+监管”事项24项。", "reg_items=24 项" },
		/* bodies that drew up or signed their duty lists of publicity, or carry out the duty */
		{ "56个县直部门全部制定普法责任清单。", "pub_resp_units=56 个" },
		{ "15个基层市场监管所全部落实普法责任制。", "pub_resp_units=15 个" },
		/* each of a count of places forming an enforcement brigade (大队) counts one, as a team */
		{ "7个县（区）均组建综合行政执法大队。", "enf_teams=7 个" },
		{ "组建县农业综合行政执法大队1支。", "enf_teams=1 支" },
		/* a rate given after its change from the year before, in the clause after it */
		{ "案卷合格率较上年提高3.2个百分点，达到95.4%。", "enf_file_pass_rate=95.4 %" },
		/* a firm named with its place, opinions given (提供), files sampled (抽评), staff holding a
		 * certificate named so, disclosure on request counted as none */
		{ "镇政府与山西一家律师事务所签订常年法律顾问合同。", "adv_units=1 家" },
		{ "为镇政府重大决策提供法律意见13次。", "adv_opinions=13 次" },
		{ "抽评案卷612卷。", "enf_file_review=612 卷" },
		{ "镇政府现有持行政执法证人员9名。", "enf_staff=9 名" },
		{ "全年依申请公开政府信息件数为零。", "open_requests=0 件" },
		/* a table's row written as a line, its counter in the label's brackets, a colon or blanks
		 * before its figure */
		{ "新收行政复议申请（件）：1186", "rev_received=1186 件" },
		{ "新收行政复议申请（件）　　1186", "rev_received=1186 件" },
		/* a sentence opening with 其中 counts the parts of the sentence before it */
		{ "全年共收到行政复议申请238件，较上年增长41.7%。其中，受理207件，不予受理22件。",
		  "rev_received=238 件 rev_accepted=207 件 rev_not_accepted=22 件" },
		/* documents and contracts reviewed together, their total after 共计 */
		{ "审查各类文件、合同共计58件。", "legality_review_docs=58 件" },
		/* an examination named by its form keeps its pass rate; no suit with 无以…为被告; a whole
		 * staff's rotation; cases handled online are enforcement's, business online is service's; an
		 * order to comply within a time; a park of a field's law */
		{ "组织干部参加学法用法网上考试，合格率达100%。", "law_exam_pass_rate=100 %" },
		{ "无以我局为被告的行政诉讼案件。", "lit_cases=0 件" },
		{ "开展执法人员全员轮训4期。", "law_training=4 期" },
		{ "行政执法案件线上办理率达96.2%。", "enf_online_rate=96.2 %" },
		{ "住房公积金业务线上办理率达92.6%。", "svc_online_rate=92.6 %" },
		{ "下达责令限期办理决定书63份。", "enf_rectify_orders=63 份" },
		{ "在陈家镇建成消防法治主题公园1个。", "law_culture_sites=1 个" },
		/* powers of enforcement handed down (赋权事项) or of coercion are enforcement's items */
		{ "承接区级部门下放的行政执法赋权事项112项。", "enf_items=112 项" },
		{ "承接交通运输行政处罚、行政强制事项186项。", "enf_items=186 项" },
		/* bodies spot-checked named by their kind: agencies, retailers, those surveyed */
		{ "抽查中介机构23家。", "reg_random_entities=23 家" },
		{ "抽查卷烟零售户480户。", "reg_random_entities=480 户" },
		{ "随机抽查调查对象176家。", "reg_random_entities=176 家" },
		/* a count said to be zero in words */
		{ "全年行政诉讼案件为零。", "lit_cases=0 件" },
		{ "依申请公开数量为零。", "open_requests=0 件" },
		/* the places where sites were built, counted before them, are where, not how many, when the
		 * sites are counted after (在集镇和4个村建成…5处); counted alone, they are the sites */
		{ "在集镇和4个村建成法治宣传长廊5处。", "law_culture_sites=5 处" },
		{ "在全区11个社区建立公共法律服务工作室。", "pls_stations=11 个" },
		/* a contract's sum named so, a legal review's opinion, disclosure on request, a press briefing
		 * beside the press conference, a share of services online after the quoted name */
		{ "涉及合同金额约9.6亿元。", "contract_amount=9.6 亿元|约" },
		{ "市政府法制办出具法律审查意见书63份。", "adv_opinions=63 份" },
		{ "依申请公开政府信息11件，全部按时答复。", "open_requests=11 件" },
		{ "召开新闻发布会、政策吹风会十一场。", "press_events=11 场" },
		{ "其中“全程网办”事项占比达93.4%。", "svc_online_rate=93.4 %|网办事项占比" },
		/* disputes a body mediates are named 争议 as often as 纠纷 (劳动争议, 涉税争议, 边界争议), but
		 * an administrative dispute is a review's, and an arbitration's cases are no mediation */
		{ "基层调解组织调解劳动争议312件，调解成功268件。", "med_received=312 件 med_resolved=268 件" },
		{ "全年调处土地权属争议27件。", "med_received=27 件" },
		{ "协调化解行政争议17件。", "" },
		{ "加强劳动人事争议调解仲裁工作，全市仲裁机构受理劳动人事争议案件1864件。", "" },
		/* committees of a network counted level by level are one count; awards by grade stay apart */
		{ "全乡有乡人民调解委员会1个、村（社区）调委会8个。", "med_orgs=9 个" },
		{ "新增省级民主法治示范村2个、市级民主法治示范村6个。", "demo_village=2 个 demo_village=6 个" },
		{ "全盟设立盟医疗纠纷人民调解委员会1个、旗县市（区）医疗纠纷人民调解工作室13个。", "med_orgs=14 个" },
		/* a clause saying what the one case was (系…, 即《…》) leaves the next speaking of it */
		{ "以我局为被告的行政诉讼案件1件，系公有住房腾退纠纷，经法院一审判决驳回原告诉讼请求。",
		  "lit_cases=1 件 lit_won=1 件" },
		{ "全年以我局为被申请人的行政复议案件1件，系举办者对责令停止招生决定不服，经区政府复议维持。",
		  "rev_upheld=1 件 rev_respondent=1 件" },
		/* the items a 分别 lists name their subjects without a verb; each item's subjects are tried */
		{ "以镇政府为被申请人的行政复议案件、以镇政府为被告的行政诉讼案件分别为2件、1件。",
		  "rev_respondent=2 件 lit_cases=1 件" },
		{ "主动接受人大和政协监督，人大代表建议、政协委员提案分别为17件、25件，均按期办结。",
		  "proposals=17 件 proposals=25 件" },
		/* a department's wordings: contracts filed, joint checks, credit reports, letters and visits,
		 * entities of a check's task, public institutions checked, a law lectured on */
		{ "向市司法局报送备案重大合同12份。", "contract_filed=12 份" },
		{ "联合开展专项检查6次。", "enf_joint_actions=6 次" },
		{ "为企业出具公共信用信息报告260份。", "credit_certificates=260 份" },
		{ "办理群众来信来访和网上留言37件。", "petition_cases=37 件" },
		{ "完成国家和自治区“双随机”监督抽查任务1862户。", "reg_random_entities=1862 户" },
		{ "抽查公共机构48家。", "reg_random_entities=48 家" },
		{ "局长带头深入乡镇宣讲乡村振兴促进法6场次。", "pub_events=6 场次" },
		/* text typed in full-width digits writes the decimal point full-width too */
		{ "评查案卷１２０卷，合格率９５．４％。", "enf_file_review=120 卷 enf_file_pass_rate=95.4 %" },
		/* the day a time limit runs from (印发之日起) names no act of a 均 clause */
		{ "全年审查规范性文件草案14件，均在印发之日起30日内报省政府备案。", "nd_reviewed=14 件 nd_filed=14 件" },
		{ "全年审查规范性文件草案14件，提出审查意见63条，上述14件文件均在印发之日起30日内报省政府备案。",
		  "nd_reviewed=14 件 nd_review_opinions=63 条 nd_filed=14 件" },
		/* a town's wordings: advisers of each village signed, villages with an adviser, stations built
		 * in every street, a zero of requests, policies interpreted, totals of aid and of entities */
		{ "8个社区法律顾问全部签约到位。", "village_adv=8 个|全覆盖" },
		{ "聘请法律顾问的村达到9个。", "village_adv=9 个" },
		{ "4个街道均建成公共法律服务工作站。", "pls_stations=4 个|全覆盖" },
		{ "依申请公开政府信息的申请数为零。", "open_requests=0 件" },
		{ "在政务公开栏解读惠民政策12条。", "policy_interp=12 条" },
		{ "围绕群众关心的惠民政策发布解读12条。", "policy_interp=12 条" },
		{ "全年法律援助案件总计1846件。", "aid_cases=1846 件" },
		{ "网上预约和办理率达到46%。", "svc_online_rate=46 %" },
		{ "截至年底辖区企业和个体工商户合计4260户。", "market_entities=4260 户" },
		{ "走访辖区企业和个体工商户320户次。", "" },
		/* a department's and a town's wordings: no suit lost, decisions named by their field, requests
		 * for mediation, entities of a random check named before it, fines waived, stations of every
		 * village, leaders receiving visitors, a special credit report, a course on 法治思想, staff
		 * sitting an examination counted in 名 */
		{ "全年无行政诉讼败诉案件。", "lit_lost=0 件" },
		{ "全年作出部分道路单向通行等重大交通管理决策3项。", "dec_count=3 项" },
		{ "受理农村土地承包经营纠纷调解申请58件。", "med_received=58 件" },
		{ "对全市21家机动车安全技术检验机构开展“双随机”抽查。", "reg_random_entities=21 家" },
		{ "对轻微交通违法行为不予罚款1.36万起。", "enf_no_penalty=1.36 万起" },
		{ "11个村全部建立村级公共法律服务室。", "pls_stations=11 个|全覆盖" },
		{ "县领导公开接访96批次。", "petition_visits=96 批次" },
		{ "县领导接访下访186批次。", "petition_visits=186 批次" },
		{ "为企业出具市场监管领域专用信用报告1260份。", "credit_certificates=1260 份" },
		{ "举办领导干部学习贯彻习近平法治思想专题培训班3期。", "law_training=3 期" },
		{ "组织厅机关和直属单位1126名干部参加年度学法考试。", "law_exam=1126 名" },
		/* a breakdown after 其中 and a colon, opening its sentence, keeps the subject before */
		{ "县政府收到行政复议申请19件。其中：受理17件，不予受理2件。", "rev_received=19 件 rev_accepted=17 件 rev_not_accepted=2 件" },
		{ "全区实有市场主体超过12.6万户，比上年增加8.3%。", "market_entities=12.6 万户|超过 market_entities_growth=8.3 %" },
		/* a day count of starting a business, a catalogue of decisions counted after a comma, every
		 * village's legal service room, a whole staff passing, corners of publicity built, credit
		 * repaired for firms, services handled online, decisions reviewed for a government named
		 * before their count, cases handled online, leaflets and primers handed out, duty lists set up */
		{ "企业开办时间压缩至0.5天。", "svc_startup_days=0.5 天" },
		{ "公布年度重大行政决策事项目录，共5项。", "dec_count=5 项" },
		{ "全镇16个村（社区）全部建立法律服务室。", "pls_stations=16 个|全覆盖" },
		{ "组织镇机关干部参加学法考试，全部考试合格。", "law_exam_pass_rate=100 %|全部合格" },
		{ "建成民法典宣传角11个。", "law_culture_sites=11 个" },
		{ "为1260户企业办理经营异常名录移出等信用修复。", "credit_repair=1260 户" },
		{ "为58家企业开展“法治体检”，指导企业完成信用修复。", "pls_checkups=58 家" },
		{ "社会保险业务网上经办率达到62%。", "svc_online_rate=62 %" },
		{ "对区政府2项重大行政决策事项进行合法性审查。", "dec_legality_review=2 项" },
		{ "市场监管案件网上办理率达99.6%。", "enf_online_rate=99.6 %" },
		{ "发放民法典读本、宣传折页2.1万份。", "pub_materials=2.1 万份" },
		{ "8个局属单位全部建立普法责任清单。", "pub_resp_units=8 个" },
		/* stations of legal service counted without a verb, and deputies' opinions and suggestions */
		{ "全街道有街道公共法律服务站1个、社区（村）公共法律服务室9个。", "pls_stations=1 个 pls_stations=9 个" },
		{ "全年办理镇人大代表意见建议17件。", "proposals=17 件" },
		/* people trained named between the verb and their count */
		{ "举办民法典专题讲座3期，培训园区干部职工420人次。", "law_training=3 期 law_training=420 人次" },
		/* a field's enforcement staff counted without a verb */
		{ "全市卫生健康监督执法人员386名。", "enf_staff=386 名" },
		{ "全局专职劳动保障监察员11名。", "enf_staff=11 名" },
		/* enforcement records entered online; leaflets and posters handed out or put up */
		{ "执法信息网上录入率100%。", "enf_online_rate=100 %" },
		{ "发放宣传单和森林防火明白纸3.2万份。", "pub_materials=3.2 万份" },
		/* zero reviews and suits said as 零 */
		{ "全年镇政府零行政复议、零行政诉讼，未发生群体性事件。", "rev_respondent=0 件 lit_cases=0 件" },
		/* the price a contract of land transfer states is its amount */
		{ "审查土地出让、矿业权出让等合同协议64份，涉及出让价款9.3亿元。", "contract_reviewed=64 份 contract_amount=9.3 亿元" },
		{ "全镇23个村（居）均设立公共法律服务室。", "pls_stations=23 个|全覆盖" },
		/* 该案 names the one case; leaders in court counted in 件次; cases filed by enforcement; a share
		 * of matters done at once; every examinee passing */
		{ "以镇政府为被申请人的行政复议案件1件，经县政府审理，该案维持。", "rev_upheld=1 件 rev_respondent=1 件" },
		{ "行政机关负责人出庭应诉共16件次。", "lit_head_count=16 件次" },
		{ "全县行政执法立案1136件。", "enf_cases=1136 件" },
		{ "即办事项占全部事项的63%。", "svc_instant_rate=63 %" },
		{ "组织镇村干部参加学法考试，成绩均在合格以上。", "law_exam_pass_rate=100 %|全部合格" },
		{ "为符合条件的38户纳税人办理纳税信用修复。", "credit_repair=38 户" },
		{ "对首次违反规定且危害后果轻微的纳税人不予处罚264户次。", "enf_no_penalty=264 户次" },
		{ "培训各单位档案员186人次。", "law_training=186 人次" },
		/* duty lists each body drew up, bodies reporting on publicity, a share of matters online and
		 * its rise from the year before, a contract's total */
		{ "全区33个单位分别制定普法责任清单。", "pub_resp_units=33 个" },
		{ "全县64家单位报告普法责任制落实情况。", "pub_resp_units=64 家" },
		{ "可网上申报的事项占比为73.5%。", "svc_online_rate=73.5 %" },
		{ "合同标的总额约9.6亿元。", "contract_amount=9.6 亿元|约" },
		{ "组织镇村干部参加学法考试，无一不合格。", "law_exam_pass_rate=100 %|全部合格" },
		{ "为农民工讨薪提供法律援助36件。", "aid_wage_cases=36 件" },
		/* a count of several Chinese characters before its noun, in a sentence with no digit */
		{ "全年审查二十份合同。", "contract_reviewed=20 份" },
		{ "镇机关四十六名干部参加全县学法用法考试。", "law_exam=46 名" },
		/* a comma between groups of thousands ends no clause */
		{ "全区实有经营主体21,734户，全年新设经营主体2,386户。",
		  "market_entities=21734 户 market_entities_new=2386 户" },
		{ "全年调解消费纠纷1,486件，调解成功1,412件。", "med_received=1486 件 med_resolved=1412 件" },
		/* a breakdown's verb is its whole's, past a word that only totals (共计) */
		{ "局法规科审核局发文件、合同及其他涉法事项共计128件，其中合同37份。",
		  "legality_review_docs=128 件 contract_reviewed=37 份" },
		{ "全市3128项依申请政务服务事项接入平台运行。", "svc_items=3128 项" },
		/* a Party lecture (党课) is Party education, not a law class, whatever its subject */
		{ "局长带头讲授法治专题党课2次。", "" },
		{ "市人防办主任出庭应诉1次。", "lit_head_count=1 次" },
		/* a note in brackets between a verb and its figure parts neither */
		{ "调解婚姻家庭纠纷318件，调解成功（含劝和）276件。", "med_received=318 件 med_resolved=276 件" },
		{ "现行有效行政规范性文件17件，全年未出现被上级机关撤销或责令纠正的情况。",
		  "nd_revoked=0 件 nd_in_force=17 件" },
		/* all the cases handed over were filed; the run of 全部 goes on past a figure of its own */
		{ "移送涉嫌犯罪案件2件，公安机关已全部立案。", "enf_crime_transfer=2 件 enf_crime_filed=2 件" },
		{ "全年制定行政规范性文件5件，全部经司法局合法性审核，提出审核意见36条，并报市政府备案。",
		  "nd_reviewed=5 件 nd_filed=5 件 nd_issued=5 件 nd_review_opinions=36 条" },
		{ "推出“我要开餐馆”等主题套餐服务32个。", "svc_items=32 个" },
		{ "乡镇（街道）持证执法人员仅占全市执法人员总数的14%。", "enf_staff_share=14 %" },
		{ "审查市政府各类文件、合同和会议议题238件，其中审查政府合同97份。",
		  "legality_review_docs=238 件 contract_reviewed=97 份" },
		{ "全市审查文件、会议议题等395件，审查市政府合同协议218份。", "legality_review_docs=395 件 contract_reviewed=218 份" },
		{ "其中农民工讨薪案件92件，挽回经济损失680万元。", "aid_wage_cases=92 件 aid_wage_amount=680 万元" },
		{ "企业开办时间由原来的20个工作日压缩至5个工作日。", "svc_startup_days=5 个工作日" },
		{ "发放法治宣传资料16万余份，发展普法志愿者260余名。", "pub_materials=16 万份|余 pub_volunteers=260 名|余" },
		{ "镇便民服务中心可办理事项达198项。", "svc_items=198 项" },
		{ "全市立案处罚1638起，其中市本级立案查处案件417件。", "enf_cases=1638 起 enf_cases=417 件" },
		{ "公布年度重大行政决策事项目录，目录共5项，均履行合法性审查等法定程序。",
		  "dec_legality_review=5 项 dec_count=5 项" },
		{ "下达责令整改通知书530份，作出责令改正决定1420份。", "enf_rectify_orders=530 份 enf_rectify_orders=1420 份" },
		{ "以局为被告的行政诉讼案件2件，均未败诉。", "lit_cases=2 件 lit_lost=0 件" },
		{ "编制住建领域涉企行政检查事项清单42项。", "reg_items=42 项" },
		{ "举办“住建法治大讲堂”4期。", "law_training=4 期" },
		/* service matters counted by the programme that serves them (“一网通办”事项, 1287项实现“一网通办”) */
		{ "“一网通办”事项达1122项，其中1287项实现“全程网办”。", "svc_items=1122 项 svc_items=1287 项" },
		{ "上线“一件事一次办”主题事项186个。", "svc_items=186 个" },
		/* training named by what it teaches: 执法人员/法治/依法行政…专题培训(班) */
		{ "举办行政执法人员专题培训班4期，组织执法人员轮训2期。", "law_training=4 期 law_training=2 期" },
		{ "举办安全生产专题培训班3期。", "" },
		/* papers of several kinds reviewed for legality are counted together; contracts and
		 * agreements alone are contracts; a 其中 part naming contracts is contracts */
		{ "县法制办对县政府文件、重大合同和会议议题进行合法性审查共计312件，其中审查合同协议88份。",
		  "legality_review_docs=312 件 contract_reviewed=88 份" },
		{ "镇司法所对镇政府文件、招商协议等进行合法性审核75件。", "legality_review_docs=75 件" },
		{ "区司法局审查区政府常务会议议题、区政府文件和合同协议共计190件。", "legality_review_docs=190 件" },
		{ "全年审查区政府合同、协议115份。", "contract_reviewed=115 份" },
		/* 公平竞争审查 of policy measures is no metric */
		{ "落实公平竞争审查制度，审查涉及市场主体经济活动的政策措施文件96件。", "" },
		/* the laws studied before a government's meetings; places that all set up an enforcement
		 * office; firms helped to repair their credit, counted in 户; matters under 告知承诺 */
		{ "坚持县政府常务会议会前学法，全年集体学习民法典、行政处罚法等法律法规9次。", "study_sessions=9 次" },
		{ "12个乡镇全部设立综合行政执法办公室。", "enf_teams=12 个" },
		{ "指导46户经营主体完成信用修复。", "credit_repair=46 户" },
		{ "对41项证明事项实行告知承诺制。", "cert_items=41 项" },
		{ "全年作出重大行政决策5项，均严格履行法定程序。", "dec_legality_review=5 项 dec_count=5 项" },
		/* an assessment (考评) of a scope of units; a scope whose second part names its holder */
		{ "对12个乡镇和30个县直部门开展依法行政专项考评。", "rule_inspections=42 个" },
		{ "对全市8个县（区）交通部门和局属6个单位开展依法行政专项检查。", "rule_inspections=14 个" },
		/* a review named in a clause before is not the verb of the documents issued after it */
		{ "严格规范性文件审核和备案审查，全年制发行政规范性文件7件。", "nd_issued=7 件" },
		{ "审核以本委名义制发的行政规范性文件3件。", "nd_reviewed=3 件" },
		{ "备案审查乡镇报送的规范性文件12件。", "nd_filing_review=12 件" },
		/* more everyday wordings: 开办企业 as 企业开办, “法律明白人” counted, files kept in force
		 * by a cleanup, every village's legal service point, a Mongol village (嘎查村) awarded */
		{ "开办企业时间压缩至2个工作日以内。", "svc_startup_days=2 个工作日" },
		{ "全县1.3万名“法律明白人”活跃在村组。", "pub_volunteers=1.3 万名" },
		{ "开展规范性文件清理，废止8件，宣布失效3件，保留有效文件41件。", "nd_repealed=8 件 nd_repealed=3 件 nd_in_force=41 件" },
		{ "村（社区）公共法律服务点实现全覆盖。", "pls_stations=100 %|全覆盖" },
		{ "新增自治区级民主法治示范嘎查村3个。", "demo_village=3 个" },
		/* words a pattern before read are no second statement: every village's legal adviser */
		{ "全市196个村（社区）实现法律顾问全覆盖。", "village_adv=196 个" },
		/* levels listed before one noun share it, each with its figure after 分别 */
		{ "国家级、省级、市级民主法治示范村（社区）分别新增2个、4个和9个。",
		  "demo_village=2 个 demo_village=4 个 demo_village=9 个" },
		/* materials handed out; an exam everyone passed; negatives said with 没有/无 */
		{ "开展普法活动320场次，发放资料4.6万份。", "pub_events=320 场次 pub_materials=4.6 万份" },
		{ "全县2100名国家工作人员参加学法考试，参考人员全部合格。", "law_exam=2100 名 law_exam_pass_rate=100 %|全部合格" },
		{ "已判决的5件均驳回原告诉讼请求，没有发生败诉。", "lit_won=5 件 lit_lost=0 件" },
		{ "以局为被申请人的行政复议案件6件，无被撤销或确认违法案件。", "rev_respondent=6 件 rev_corrected=0 件" },
		{ "镇政府本年度没有制定行政规范性文件。", "nd_issued=0 件" },
		/* firms on the register; firms newly set up; a table row of first-instance cases */
		{ "全区登记在册经营主体5.2万户，全年新设经营主体7300户。", "market_entities=5.2 万户 market_entities_new=7300 户" },
		{ "一审审结：96件", "lit_concluded=96 件" },
		/* files checked by the unit itself or sent up for review; crimes handed to the police by
		 * what they are; policy documents explained; firms blacklisted; staff whose papers are valid */
		{ "开展执法案卷自查，自查案卷38卷，合格率97.4%。", "enf_file_review=38 卷 enf_file_pass_rate=97.4 %" },
		{ "移送公安机关涉嫌销售假种子案件3件，公安机关立案侦查3件。", "enf_crime_transfer=3 件 enf_crime_filed=3 件" },
		{ "解读惠农政策文件12篇。", "policy_interp=12 篇" },
		{ "将9家企业列入建筑市场主体“黑名单”。", "credit_measures=9 家" },
		{ "全区有效行政执法人员960名。", "enf_staff=960 名" },
		{ "审查区政府各类文件、合同及会议议题共计210件。", "legality_review_docs=210 件" },
		/* a breakdown naming the body's own level is the body's own count beside the system's */
		{ "立案查处违法案件：312宗（其中市本级41宗）", "enf_cases=312 宗 enf_cases=41 宗" },
		{ "办理行政处罚案件520件（其中城管执法42件）。", "enf_cases=520 件" },
		{ "全市住建系统持证执法人员412名，其中局本级58名。", "enf_staff=412 名 enf_staff=58 名" },
		{ "全区持证执法人员156名，其中局机关和综合行政执法大队34名。", "enf_staff=156 名 enf_staff=34 名" },
		/* …of the whole before the figure of another kind between them */
		{ "全系统立案查处各类违法案件4318件，罚没款6842万元，其中市本级查办案件586件。",
		  "enf_cases=4318 件 enf_fines=6842 万元 enf_cases=586 件" },
		{ "全市持证执法人员326名，其中市生态环境综合执法支队96名。", "enf_staff=326 名 enf_staff=96 名" },
		{ "全市持证执法人员1262名，其中市局18名。", "enf_staff=1262 名 enf_staff=18 名" },
		/* licences and penalties published (双公示), matters served in one hall, staff qualified */
		{ "向市信用平台推送行政许可和行政处罚信息1860条。", "double_publicity_records=1860 条" },
		{ "县政务服务中心集中办理政务服务事项512项。", "svc_items=512 项" },
		{ "乡镇具有执法资格的人员仅有58名。", "enf_staff=58 名" },
		/* a department's leaders meeting on the rule of law; no documents issued in its own name */
		{ "局党组会议专题研究依法行政工作4次。", "leadership_meetings=4 次" },
		{ "全年未以本局名义制发行政规范性文件。", "nd_issued=0 件" },
		/* the departments a service hall houses are no service matters; random-check matters */
		{ "政务服务中心进驻部门46个、事项1128项。", "svc_items=1128 项" },
		{ "自治区本级部门公布随机抽查事项1046项。", "reg_items=1046 项" },
		/* a share of service matters stated as 占…的N% */
		{ "市本级公布“最多跑一次”事项1286项，占市本级政务服务事项总数的96.4%。",
		  "svc_items=1286 项 svc_trips=96.4 %|最多跑一次事项占比" },
		{ "全程网办事项占全部政务服务事项的94.5%。", "svc_online_rate=94.5 %|网办事项占比" },
		/* units of a scope that all publish their catalogue of major decisions */
		{ "全市7个县（区）均公布年度重大行政决策事项目录。", "dec_catalog_units=7 个|全部" },
		{ "9个旗区全部编制并公布重大行政决策事项目录。", "dec_catalog_units=9 个|全部" },
		/* a scope may mix counters of bodies (个, 家, 所), and name the next part's holder */
		{ "对7个县（市、区）教育局和16所市直学校开展依法行政专项督查。", "rule_inspections=23 个" },
		{ "对18个县（市、区）分局和局机关12个科室开展法治建设督导检查。", "rule_inspections=30 个" },
		{ "对9个村委会和乡属6个站所开展依法行政工作检查。", "rule_inspections=15 个" },
		/* bodies of long names (区交通运输主管部门, 住房和城乡建设部门: up to ten characters) */
		{ "对16个区交通运输主管部门和9个委属单位开展依法行政专项检查。", "rule_inspections=25 个" },
		{ "对9个县（区）住房和城乡建设部门和局机关11个科室开展法治建设专项督查。", "rule_inspections=20 个" },
		{ "对6个县（市、区）文化和旅游局开展法治建设专项督导。", "rule_inspections=6 个" },
		/* the people trained, after the sessions held */
		{ "组织村干部参加法治专题培训3场，参训270人次。", "law_training=3 场 law_training=270 人次" },
		{ "举办新修订的行政处罚法专题培训2期、参训240人次。", "law_training=2 期 law_training=240 人次" },
		/* a legality review counted without naming what it read is of the documents, contracts
		 * and the like; named as normative documents or decisions, it is theirs */
		{ "区司法局全年开展合法性审查98件。", "legality_review_docs=98 件" },
		{ "对规范性文件、合同协议、涉企政策措施等开展合法性审查213件。", "legality_review_docs=213 件" },
		{ "对区政府拟出台的行政规范性文件开展合法性审查12件。", "nd_reviewed=12 件" },
		{ "对市政府重大行政决策事项进行合法性审查7件。", "dec_legality_review=7 件" },
		{ "全年对12项重大行政决策事项进行了合法性审查。", "dec_legality_review=12 项" },
		/* a town's 重大事项 are its decisions */
		{ "对老旧小区改造、农贸市场升级改造等5项重大事项，均经公众参与、风险评估、合法性审查、集体讨论决定程序。",
		  "dec_legality_review=5 项 dec_count=5 项" },
		/* a lone 一 right after its noun, ending the clause, counts (聘请…顾问一名), not in 一件事 */
		{ "乡政府聘请常年法律顾问一名。", "adv_units=1 名" },
		{ "今年新增州级民主法治示范村一个。", "demo_village=1 个" },
		{ "推进高效办成一件事，取消证明事项12项。", "cert_items=12 项" },
		{ "全年制定规范性文件一件。", "nd_issued=1 件" },
		/* documents cleaned up, in force, fines and the legal review of decisions, as clerks word them */
		{ "先后开展两次规范性文件专项清理。", "nd_cleanup=2 次" },
		{ "对局制发的规范性文件开展全面清理1次。", "nd_cleanup=1 次|全面清理" },
		{ "现行有效的规范性文件（7件）已向社会公布。", "nd_in_force=7 件" },
		{ "处罚金额合计4263.5万元。", "enf_fines=4263.5 万元" },
		{ "对64件重大行政处罚案件进行法制审核。", "enf_legal_review=64 件" },
		{ "制定联合奖惩措施清单18条。", "credit_measures=18 条" },
		{ "全年办理群众来信来访23件。", "petition_cases=23 件" },
		{ "对疫情防控期间县政府及各部门出台的36份政策文件进行合法性审查。", "legality_review_docs=36 份" },
		{ "行政诉讼败诉案件为零。", "lit_lost=0 件" },
		{ "以街道办事处为被告的行政诉讼案件零发生。", "lit_cases=0 件" },
		{ "联合公安、市场监管等部门开展打假打私联合行动16次。", "enf_joint_actions=16 次" },
		{ "局领导接访群众38人次。", "petition_visits=38 人次|接访" },
		{ "21个村（社区）均签约法律顾问。", "village_adv=21 个|全覆盖" },
		{ "9个行政村均签订了法律顾问服务协议。", "village_adv=9 个|全覆盖" },
		{ "镇长全年接待上访群众35批次。", "petition_visits=35 批次" },
		{ "镇域现有经营主体5860户。", "market_entities=5860 户" },
		{ "以街道办事处为被申请人的行政复议案件为零。", "rev_respondent=0 件" },
		{ "聘请宁夏一家律师事务所担任局常年法律顾问。", "adv_units=1 家" },
		{ "对区直部门报送备案的规范性文件审查12件。", "nd_filing_review=12 件" },
		/* the clause's own count in brackets after 共; a total of figures before it stays one */
		{ "对首次轻微违法行为依法不予处罚（共27件）。", "enf_no_penalty=27 件" },
		{ "对街道拟出台的文件、签订的合同开展合法性审查（共42件）。", "legality_review_docs=42 件" },
		{ "全年县政府制发规范性文件5件、县政府办公室制发规范性文件4件（共9件），均经县司法局合法性审核。",
		  "nd_reviewed=9 件 nd_issued=9 件" },
		{ "分三批进行宪法宣誓。", "oath_events=3 批" },
		{ "在县医保服务大厅建成医保法治宣传角1处。", "law_culture_sites=1 处" },
		{ "组建生态环境普法志愿服务队，吸纳志愿者28名。", "pub_volunteers=28 名" },
		{ "组织评查行政处罚案卷42卷，评查合格率100%。", "enf_file_review=42 卷 enf_file_pass_rate=100 %" },
		{ "网上办证率达到43%，办证时限压缩50%。", "svc_online_rate=43 % svc_time_cut=50 %" },
		{ "向司法机关移送涉烟刑事案件38起。", "enf_crime_transfer=38 起" },
		{ "本年度我局无重大行政决策事项。", "dec_count=0 项" },
		/* a department's own words: taxpayers checked, 户 not punished, a title's notices, none issued */
		{ "随机抽查纳税人116户。", "reg_random_entities=116 户" },
		{ "对1246户首次轻微违法的纳税人依法不予处罚。", "enf_no_penalty=1246 户" },
		{ "下达《责令限期改正通知书》3.12万份。", "enf_rectify_orders=3.12 万份" },
		{ "全年未制发税务规范性文件。", "nd_issued=0 件" },
		{ "组织全局412名干部参加税务系统法治知识考试。", "law_exam=412 名" },
		{ "向市人大常委会专题报告工作4项。", "npc_oversight=4 项|向人大报告" },
		/* shares stated as 占…的 or 占比 */
		{ "撤回终止案件占审结案件的26.7%。", "rev_settle_rate=26.7 %" },
		{ "下放乡镇执法事项52项，占县级行政执法事项总数的9.3%。", "enf_items=52 项 enf_items_share=9.3 %" },
		{ "其中乡镇执法人员占比23.3%。", "enf_staff_share=23.3 %" },
		/* everyday variants: 缩短, 保持, 现有, a decision's publication rate, a closing quote */
		{ "承诺办理时限比法定时限平均缩短52%。", "svc_time_cut=52 %|平均" },
		{ "“好差评”好评率保持100%。", "svc_praise_rate=100 %" },
		{ "辖区现有市场主体1862户。", "market_entities=1862 户" },
		{ "行政处罚决定书网上公开率达100%。", "enf_publicity_rate=100 %" },
		{ "开展“宪法宣传周”“民法典宣传月”等活动86场次。", "pub_events=86 场次" },
		/* disputes over land rights mediated and settled, as bureaus of land resources word them */
		{ "依法调处土地权属争议14件，调处成功11件。", "med_received=14 件 med_resolved=11 件" },
		{ "调处土地权属争议案件38件，调处成功31件。", "med_received=38 件 med_resolved=31 件" },
		/* materials handed out under other names; units checked at random by their kind */
		{ "开展普法宣传活动36场次，发放宣传品8.2万份。", "pub_events=36 场次 pub_materials=8.2 万份" },
		{ "抽查律师事务所和基层法律服务所12家。", "reg_random_entities=12 家" },
		{ "举办依法行政专题培训班两期，培训乡镇和县直部门负责人三百余人次。",
		  "law_training=2 期 law_training=300 人次|余" },
		{ "组织执法人员法律知识培训和考试，培训2400余人次。", "law_training=2400 人次|余" },
		{ "依法不予处罚或减轻处罚案件312件。", "enf_no_penalty=312 件|不予处罚或减轻处罚" },
		/* the places of legal culture by their many names */
		{ "在工业园区建成法治文化主题公园2个，设立普法宣传点4个。", "law_culture_sites=2 个 law_culture_sites=4 个" },
		{ "建成全市首个城市管理法治文化公园。", "law_culture_sites=1 个" },
		/* service matters all served one way; cases of a field; the timeliness of filing */
		{ "97项依申请政务服务事项全部实现“一网通办”。", "svc_items=97 项" },
		{ "取消证明事项9项，道路运输证等高频事项全部实现“跨省通办”。", "cert_items=9 项" },
		{ "全年立案查处住建领域违法违规案件486件。", "enf_cases=486 件" },
		{ "备案及时率、规范率均为100%。", "nd_filing_rate=100 %" },
		/* a government named beside a count of other bodies counts one more */
		{ "县政府和38个县直部门全部聘请了法律顾问。", "adv_units=39 个" },
		{ "38个县直部门全部聘请了法律顾问。", "adv_units=38 个" },
		/* teams formed in a scope of places, one each */
		{ "全市107个乡镇（街道）全部组建综合行政执法队伍。", "enf_teams=107 个" },
		/* staff sent down to the towns are counted as those a place has */
		{ "下沉执法人员148名，执法力量下沉占比72%。", "enf_staff=148 名 enf_staff_share=72 %" },
		/* a single award named in words, whichever the level and the place (村 or 社区) */
		{ "镇内一个村获评全国民主法治示范村。", "demo_village=1 个|国家级" },
		{ "宏伟社区获评“全省民主法治示范社区”。", "demo_village=1 个|省级" },
		/* a village named in a clause of its own is one award more than the figures before it;
		 * one named after 其中 is one of them; a coverage restates the figures of its sentence */
		{ "新增县级民主法治示范村3个，金沙村被评为省级民主法治示范村。",
		  "demo_village=3 个 demo_village=1 个|省级" },
		{ "建成法治文化阵地9处，其中河口村法治广场获评省级法治文化建设示范点。", "law_culture_sites=9 处" },
		{ "4个村（社区）被命名为省级民主法治示范村（社区）。", "demo_village=4 个" },
		{ "12个村（社区）均聘请法律顾问，村（社区）法律顾问实现全覆盖。", "village_adv=12 个|全覆盖" },
		/* events of a campaign taking the law somewhere (法律进…, 送法进…) */
		{ "开展“法律进乡村”“蔬菜产业法治护航”等活动560余场次。", "pub_events=560 场次|余" },
		{ "开展“送法进村、进企业”等活动86场次，“法律七进”进社区活动3200余场次。",
		  "pub_events=86 场次 pub_events=3200 场次|余" },
		/* the share of matters done in few trips, by any of its usual names */
		{ "“一趟不用跑”事项占比达97.3%，“零跑动”事项比例达到85%。", "svc_trips=97.3 % svc_trips=85 %" },
		/* a share in tenths (三成以上), not the idiom 一成不变 */
		{ "即办件占比达三成以上，办事流程并非一成不变。", "svc_instant_rate=30 %|以上" },
		/* a rate named as a share (比例, 占比) as well as a 率 */
		{ "政务服务事项网上可办比例达96.8%，即办件比例达到41.2%。", "svc_online_rate=96.8 % svc_instant_rate=41.2 %" },
		/* bodies counted without a verb, those of one kind joined into one scope; who legal aid helped */
		{ "全县有人民调解委员会206个，全镇36个人民调解委员会和4个行业性调解组织规范运行。",
		  "med_orgs=206 个 med_orgs=40 个" },
		/* a body of the kind counted, named alone before the figure, counts one; not one with a
		 * figure of its own */
		{ "镇人民调解委员会和22个村（社区）人民调解委员会全部规范运行。", "med_orgs=23 个" },
		{ "全镇22个村（社区）人民调解委员会和1个镇人民调解委员会规范运行。", "med_orgs=23 个" },
		/* a scope a pattern's figure opens, joined by 和 to the next of its kind, is one */
		{ "全县259个行政村和23个社区均配备法律顾问。", "village_adv=282 个|全覆盖" },
		{ "培育“法律明白人”260名，全镇18个村和3个社区均配备法律顾问，协助办理法律援助案件68件。",
		  "pub_volunteers=260 名 village_adv=21 个|全覆盖 aid_cases=68 件" },
		{ "8个村全部聘请法律顾问。", "village_adv=8 个|全覆盖" },
		{ "审查局发文件、合同及其他涉法事项136件。", "legality_review_docs=136 件" },
		{ "受援人数412人，受援人满意率98.6%。", "aid_beneficiaries=412 人 aid_satisfaction=98.6 %" },
		{ "组织新任命国家工作人员宪法宣誓仪式6场。", "oath_events=6 场" },
		/* teams, advisers, cases the police opened, units that reported on their duty to teach law */
		{ "组建乡镇综合行政执法队31支，将原有5支执法队伍整合为1支。", "enf_teams=31 支 enf_teams=1 支" },
		{ "公安机关已立案12件。", "enf_crime_filed=12 件" },
		{ "县政府法律顾问团由9名律师和专家组成。", "adv_units=9 名" },
		{ "组织42家省直部门开展普法责任制履职评议。", "pub_resp_units=42 家" },
		{ "全镇18个村和3个社区均配备法律顾问。", "village_adv=21 个|全覆盖" },
		/* documents filed: the count after 备案, where they were filed named before it */
		{ "按规定报市人民政府和县人大常委会备案9件。", "nd_filed=9 件" },
		/* training named by its verb alone: who was trained, and how many classes */
		{ "培训执法人员1310人次。", "law_training=1310 人次" },
		{ "举办行政执法人员培训班2期，参训360人次。", "law_training=2 期 law_training=360 人次" },
		{ "培训领导干部和执法人员1300余人次。", "law_training=1300 人次|余" },
		/* a time limit of a business start-up, not the share done within a limit */
		{ "企业开办时间压缩至1个工作日以内。", "svc_startup_days=1 个工作日" },
		{ "企业开办1.5个工作日以内完成的比例达90%。", "" },
		/* a leader in court: the cases named between 出庭 and the figure are what they attended */
		{ "县长带头出庭应诉行政诉讼案件3件。", "lit_head_count=3 件" },
		/* appearing in court for cases is the principal's appearance, 带头 or not */
		{ "镇长出庭应诉行政诉讼案件1件。", "lit_head_count=1 件" },
		{ "区政府主要负责同志带头出庭应诉行政案件1件。", "lit_head_count=1 件" },
		/* ... and 带头/亲自出庭 says a leader went, who is named in an earlier sentence */
		{ "全年带头出庭应诉2宗。", "lit_head_count=2 宗" },
		{ "亲自出庭应诉行政诉讼案件2件。", "lit_head_count=2 件" },
		{ "街道办事处主任出庭应诉2件。", "lit_head_count=2 件" },
		/* a change in points after a rate is that rate's change */
		{ "行政机关负责人出庭应诉率达95%，较上年提高4.5个百分点。", "lit_head_rate=95 % lit_head_rate_yoy=4.5 个百分点" },
		{ "案卷合格率96%，较上年提高2个百分点。", "enf_file_pass_rate=96 %" },
		/* not metrics: titles, subjects that are no metric, figures with no subject or verb,
		 * targets, what is done to a figure (被…), lone Chinese numerals with no verb */
		{ "力争行政诉讼败诉率控制在3%以内。", "" },
		{ "力争负责人出庭应诉率达到100%。", "" },
		{ "负责人出庭应诉率尚未达到100%。", "" },
		{ "区医患纠纷调解委员会3起成功调解案件被评为优秀案例。", "" },
		{ "深入推进行政执法三项制度，清理事项。", "" },
		{ "全面落实行政执法“三项制度”。", "" },
		{ "落实行政执法三项制度。", "" },
		{ "执法案卷评查结果分为三个等次。", "" },
		{ "印发《关于行政复议工作的10条意见》。", "" },
		{ "组织参加执法资格考试近120人次。", "" },
		{ "清理权责事项2985项。", "" },
		{ "全区生产总值增长8.5%，固定资产投资完成120亿元，办理民生实事12件。", "" },
		{ "即办率。办理12件。", "" },
	};
	check_rows(model(), rows, sizeof rows / sizeof rows[0]);
}

/* A page flattened onto one line: each fact takes the period of its own sentence (up to 。). */
static void test_period_of_a_sentence(void **state)
{
	(void)state;
	const char *text = "截止2022年底，处理行政诉讼案件21件。目前即办率达81.01%。";
	struct report *r = one_para(text);
	struct facts f = { 0 };
	assert_int_equal(facts_extract(model(), r, &f), 2);
	assert_int_equal(f.v[0].period_end - f.v[0].period_start, strlen("截止2022年底"));
	assert_int_equal(f.v[1].period_end, f.v[1].period_start);
	facts_fini(&f);
	report_free(r);
}

/* A figure goes to the first pattern of the catalogue that reads it; a statement without a
 * figure made inside one (十 of 二十三件) takes it when it comes first, and is none when a pattern
 * before it read those words. */
static void test_claims(void **state)
{
	(void)state;
	static const struct {
		const char *table, *text, *want;
	} rows[] = {
		{ "a\t收到{N:件}\nb\t{N:件}\n", "收到15件,另3件。", "a=15 件 b=3 件" },
		{ "b\t{N:件}\na\t收到{N:件}\n", "收到15件,另3件。", "b=15 件 b=3 件" },
		{ "p\t十{=0:次}\nq\t{N:件}\n", "共二十三件。", "p=0 次" },
		{ "q\t{N:件}\np\t十{=0:次}\n", "共二十三件。", "q=23 件" },
		{ "p\t共{=0:次}\nq\t{N:件}\n", "共二十三件。", "p=0 次 q=23 件" },
	};
	char got[512];
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct facts_model *m = facts_model_new(rows[i].table, strlen(rows[i].table), NULL);
		assert_non_null(m);
		extract_with(m, rows[i].text, got, sizeof got);
		assert_facts(rows[i].text, got, rows[i].want);
		facts_model_free(m);
	}
}

/* Several facts on one line share its period statements; each sees only those before it. */
static void test_periods_of_a_line(void **state)
{
	(void)state;
	const char *text = "1-6月办结2件;截至6月底,累计办结12件;2019年1-11月,依法受理5件。\n受理7件。\n1—11月受理9件。";
	struct facts_model *m = facts_model_new(anchored_table, strlen(anchored_table), NULL);
	struct report *r = one_para(text);
	struct facts f = { 0 };
	f.n = 0;
	assert_int_equal(facts_extract(m, r, &f), 5);
	static const char *const periods[] = { "1-6月", "截至6月底", "截至6月底", "", "1—11月" };
	static const char *const values[] = { "2", "12", "5", "7", "9" };
	for (size_t i = 0; i < f.n; i++) {
		assert_string_equal(f.v[i].value_text, values[i]);
		assert_int_equal(f.v[i].period_end - f.v[i].period_start, strlen(periods[i]));
		assert_memory_equal(text + f.v[i].period_start, periods[i], strlen(periods[i]));
	}
	/* A second report appends to the same list, found the same way. */
	assert_int_equal(facts_extract(m, r, &f), 5);
	assert_int_equal(f.n, 10);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(f.v[5 + i].num_start, f.v[i].num_start);
		assert_int_equal(f.v[5 + i].period_start, f.v[i].period_start);
	}
	facts_fini(&f);
	report_free(r);
	facts_model_free(m);
}

struct seed_fact {
	char file[64], metric[48];
	double value;
	int used;
};

/* Reference figures of a metrics table (file, metric, value, …): n rows into *ref. */
static size_t reference(const char *path, struct seed_fact **ref)
{
	char **lines;
	size_t n = seed_read_lines(path, &lines);
	*ref = xcalloc(n ? n : 1, sizeof **ref);
	for (size_t i = 0; i < n; i++) {
		char *f[5];
		seed_fields(lines[i], f, 5);
		snprintf((*ref)[i].file, sizeof (*ref)[i].file, "%s", f[0]);
		snprintf((*ref)[i].metric, sizeof (*ref)[i].metric, "%s", f[1]);
		(*ref)[i].value = atof(f[2]);
		free(lines[i]);
	}
	free(lines);
	return n;
}

struct score {
	size_t found, right, unlisted;   /* facts; those matching a row; those on a metric the file has no row for */
};

/* Scores the facts of one report against the rows of file: a fact matches a row of the same file,
 * metric id and value; each row matches at most one fact. */
static void score_report(const struct report *r, const char *file, struct seed_fact *ref, size_t n,
			 struct score *sc)
{
	struct facts f = { 0 };
	facts_extract(model(), r, &f);
	for (size_t k = 0; k < f.n; k++) {
		const char *name = facts_metric_name(model(), f.v[k].metric);
		size_t i = 0;
		int listed = 0;
		for (; i < n; i++) {
			if (strcmp(ref[i].file, file) != 0 || strcmp(ref[i].metric, name) != 0)
				continue;
			listed = 1;
			if (!ref[i].used && ref[i].value > f.v[k].value - 1e-6 && ref[i].value < f.v[k].value + 1e-6)
				break;
		}
		sc->found++;
		if (i < n) {
			ref[i].used = 1, sc->right++;
			continue;
		}
		sc->unlisted += !listed;
		print_message("  extra %s %s=%s %s: %.*s\n", file, name, f.v[k].value_text, f.v[k].unit,
			      (int)(f.v[k].num_end - f.v[k].num_start), r->text + f.v[k].num_start);
	}
	facts_fini(&f);
}

static void score_print(const char *what, const struct seed_fact *ref, size_t n, const struct score *sc)
{
	for (size_t i = 0; i < n; i++)
		if (!ref[i].used)
			print_message("  missed %s %s=%g\n", ref[i].file, ref[i].metric, ref[i].value);
	print_message("%s: %zu reference rows, %zu extracted, %zu right: recall %.1f %%, precision %.1f %% "
		      "(%.1f %% leaving out %zu on metrics the reference does not list for the file)\n",
		      what, n, sc->found, sc->right, 100.0 * sc->right / n, sc->found ? 100.0 * sc->right / sc->found : 0.0,
		      sc->found > sc->unlisted ? 100.0 * sc->right / (sc->found - sc->unlisted) : 0.0, sc->unlisted);
}

/* Recall and precision against tests/data/seed-metrics.tsv, on the samples with their reference
 * chapter trees. */
static void test_seed_metrics(void **state)
{
	(void)state;
	struct seed_fact *ref;
	size_t n = reference("tests/data/seed-metrics.tsv", &ref);
	assert_int_equal(n, 250);
	struct labels l = { 0 };
	struct score sc = { 0 };
	for (size_t s = 0; s < sizeof seed_files / sizeof seed_files[0]; s++) {
		struct report *r = seed_report(seed_files[s], &l);
		score_report(r, seed_files[s], ref, n, &sc);
		report_free(r);
	}
	score_print("seed metrics", ref, n, &sc);
	free(ref);
	assert_true(sc.right * 100 >= n * 97);
	assert_true(sc.right * 100 >= sc.found * 99);
}

/* The same on tests/real: real reports as stored, read by the real parser. Every fact that
 * matches no row counts against precision, also on metrics the reference lists nothing for. */
static void test_real_metrics(void **state)
{
	(void)state;
	struct seed_fact *ref;
	size_t n = reference("tests/real/metrics.tsv", &ref);
	assert_true(n >= 40);
	struct score sc = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && strcmp(ref[i].file, ref[i - 1].file) == 0)
			continue;
		char path[128];
		snprintf(path, sizeof path, "tests/real/reports/%s", ref[i].file);
		struct corpus co;
		corpus_init(&co);
		assert_int_equal(corpus_add_path(&co, path), 0);
		score_report(corpus_get(&co, 0), ref[i].file, ref, n, &sc);
		corpus_fini(&co);
	}
	score_print("real metrics", ref, n, &sc);
	free(ref);
	assert_true(sc.right * 100 >= n * 80);
	assert_true(sc.right * 100 >= sc.found * 90);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_figure_rows),
		cmocka_unit_test(test_annexed_table),
		cmocka_unit_test(test_plans_are_targets),
		cmocka_unit_test(test_restated),
		cmocka_unit_test(test_hearings_of_review),
		cmocka_unit_test(test_changed_rows),
		cmocka_unit_test(test_rows_without_counters),
		cmocka_unit_test(test_grouped_rows),
		cmocka_unit_test(test_spanned_periods),
		cmocka_unit_test(test_bodies_table),
		cmocka_unit_test(test_period_rows),
		cmocka_unit_test(test_traps),
		cmocka_unit_test(test_location_and_period),
		cmocka_unit_test(test_catalogue_errors),
		cmocka_unit_test(test_computed_rates),
		cmocka_unit_test(test_units_normalised),
		cmocka_unit_test(test_cue_find),
		cmocka_unit_test(test_cue_scan_all),
		cmocka_unit_test(test_anchored_patterns),
		cmocka_unit_test(test_words_in_order),
		cmocka_unit_test(test_periods_of_a_line),
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_clause_grammar),
		cmocka_unit_test(test_period_of_a_sentence),
		cmocka_unit_test(test_seed_metrics),
		cmocka_unit_test(test_real_metrics),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	facts_default_free();
	return failed;
}
