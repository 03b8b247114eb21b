/* test_11_classify.c — PART × TOPIC classification: cue matching, heading rules, accuracy on the reference labels. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "seed_report.h"

#include "classify.h"
#include "corpus.h"
#include "cue.h"
#include "parse.h"

static const struct classify_model *model(void)
{
	const struct classify_model *m = classify_default(NULL);
	assert_non_null(m);
	return m;
}

static void test_cue_longest_match(void **state)
{
	(void)state;
	struct cue_set *c = cue_set_new();
	struct cue_hits h = { 0 };
	const char *s = "完善“互联网+监管”体系,加强监管";
	cue_set_add(c, "互联网+", strlen("互联网+"), 1);
	cue_set_add(c, "监管", strlen("监管"), 2);
	cue_set_add(c, "互联网+监管", strlen("互联网+监管"), 3);
	assert_int_equal(cue_set_count(c), 3);
	/* 互联网+ and the first 监管 lie inside 互联网+监管; the second 监管 stands alone. */
	assert_int_equal(cue_set_scan(c, s, strlen(s), &h), 2);
	assert_int_equal(h.v[0].data, 3);
	assert_int_equal(h.v[0].start, strlen("完善“"));
	assert_int_equal(h.v[1].data, 2);
	assert_int_equal(h.v[1].end, strlen(s));
	/* Full-width forms match their ASCII cue. */
	const char *fw = "互联网＋监管";
	assert_int_equal(cue_set_scan(c, fw, strlen(fw), &h), 1);
	assert_int_equal(h.v[0].data, 3);
	/* Adding a phrase again replaces its data instead of doubling it. */
	cue_set_add(c, "监管", strlen("监管"), 7);
	assert_int_equal(cue_set_count(c), 3);
	assert_int_equal(cue_set_scan(c, "监管", strlen("监管"), &h), 1);
	assert_int_equal(h.v[0].data, 7);
	cue_hits_fini(&h);
	cue_set_free(c);
}

/* Random phrase sets and texts over a few characters (full-width forms among them, and one
 * beyond the BMP), scanned both ways and against every phrase tried at every place. */
struct letter {
	const char *s, *folded;
};
static const struct letter letters[] = {
	{ "法", "法" }, { "治", "治" }, { "政", "政" }, { "府", "府" }, { "＋", "+" }, { "+", "+" },
	{ "a", "a" }, { "𠮷", "𠮷" }, { "　", " " }, { " ", " " },
};
#define NLETTERS (sizeof letters / sizeof *letters)

struct phrase_kept {
	char folded[32];
	size_t n;
	int data;
};

/* Adds a random phrase of 1 to 4 letters to c and to the kept list (its data replaced when its
 * folded form is there already). */
static void add_random_phrase(struct cue_set *c, struct phrase_kept *kept, size_t *nkept, int data, unsigned *seed)
{
	char raw[32] = "", folded[32] = "";
	for (int k = 0, len = 1 + (int)(rand_r(seed) % 4); k < len; k++) {
		const struct letter *l = &letters[rand_r(seed) % NLETTERS];
		strcat(raw, l->s);
		strcat(folded, l->folded);
	}
	cue_set_add(c, raw, strlen(raw), data);
	for (size_t k = 0; k < *nkept; k++)
		if (strcmp(kept[k].folded, folded) == 0) {
			kept[k].data = data;
			return;
		}
	strcpy(kept[*nkept].folded, folded);
	kept[*nkept].n = strlen(folded);
	kept[(*nkept)++].data = data;
}

static void test_cue_random(void **state)
{
	(void)state;
	unsigned seed = 11;
	for (int round = 0; round < 200; round++) {
		struct cue_set *c = cue_set_new();
		struct phrase_kept kept[40];
		size_t nkept = 0;
		for (int k = 0, np = 1 + (int)(rand_r(&seed) % 40); k < np; k++)
			add_random_phrase(c, kept, &nkept, k, &seed);
		char text[1024] = "";
		for (int k = 0; k < 150; k++)
			strcat(text, letters[rand_r(&seed) % NLETTERS].s);
		size_t n = strlen(text), maxend = 0, nall = 0, nlong = 0;
		struct cue_hits all = { 0 }, longest = { 0 };
		cue_set_scan_all(c, text, n, &all);
		cue_set_scan(c, text, n, &longest);
		for (size_t i = 0; i < n; i++) {
			if (((unsigned char)text[i] & 0xc0) == 0x80)
				continue;
			size_t best = 0;
			int best_data = 0;
			for (size_t len = 1; len <= 4 * 4; len++)   /* shortest first, as scan_all gives them */
				for (size_t k = 0; k < nkept; k++) {
					size_t end = cue_match_at(text, n, i, kept[k].folded, kept[k].n);
					if (!end || end - i != len)
						continue;
					assert_true(nall < all.n);
					assert_int_equal(all.v[nall].start, i);
					assert_int_equal(all.v[nall].end, end);
					assert_int_equal(all.v[nall++].data, kept[k].data);
					best = end, best_data = kept[k].data;
				}
			if (best > maxend) {
				assert_true(nlong < longest.n);
				assert_int_equal(longest.v[nlong].start, i);
				assert_int_equal(longest.v[nlong].end, best);
				assert_int_equal(longest.v[nlong++].data, best_data);
				maxend = best;
			}
		}
		assert_int_equal(all.n, nall);
		assert_int_equal(longest.n, nlong);
		cue_hits_fini(&all);
		cue_hits_fini(&longest);
		cue_set_free(c);
	}
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(classify_part_name(CLASSIFY_LEADER_DUTY), "leader_duty");
	assert_string_equal(classify_topic_name(CLASSIFY_LEGAL_SERVICE), "legal_service");
	assert_string_equal(classify_topic_label(CLASSIFY_REVIEW), "行政复议与行政应诉");
	assert_int_equal(classify_topic_id("grassroots"), CLASSIFY_GRASSROOTS);
	assert_int_equal(classify_part_id("plans"), CLASSIFY_PLANS);
	assert_int_equal(classify_topic_id("nonsense"), -1);
	assert_null(classify_topic_name(-1));
	assert_null(classify_part_name(CLASSIFY_NPARTS));
}

static void test_model_errors(void **state)
{
	(void)state;
	static const struct {
		const char *table, *cause;
	} bad[] = {
		{ "topic\tleadership\t3\t学法\ntopic\tnowhere\t3\tx\n", "line 2: expected: topic ID WEIGHT CUES" },
		{ "# c\n\ntopic\tleadership\tx\t学法\n", "line 3: expected: topic ID WEIGHT CUES" },
		{ "topic\treview\t3\t复议\norder\treview bogus\n", "line 2: unknown topic in order" },
		{ "topic\treview\t3\t复议\nfocus\t以*为*\n", "line 2: expected: focus PATTERN with one @" },
		{ "topic\treview\t3\t复议\nweights\t1\n", "line 2: unknown kind (topic, cue, order, focus, part)" },
		{ "topic\treview\t3\t复议\npart\tplans\tbody3\tx\n", "line 2: expected: part ID heading|early|body CUES" },
		{ "# nothing\n", "no topic cues" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *cause = NULL;
		assert_null(classify_model_new(bad[i].table, strlen(bad[i].table), &cause));
		assert_non_null(cause);
		assert_string_equal(cause, bad[i].cause);
		free(cause);
	}
	const char *good = "topic\treview\t3\t复议\ncue\t调解\tdispute\t2\treview\r\n";
	struct classify_model *m = classify_model_new(good, strlen(good), NULL);
	assert_non_null(m);
	int t2;
	assert_int_equal(classify_heading(m, "人民调解", strlen("人民调解"), &t2, NULL), CLASSIFY_DISPUTE);
	assert_int_equal(t2, CLASSIFY_REVIEW);
	classify_model_free(m);
}

static void test_heading_parts(void **state)
{
	(void)state;
	static const struct {
		const char *h;
		int year, part;
	} rows[] = {
		{ "2021年度主要工作开展情况", 2021, CLASSIFY_MEASURES },
		{ "存在问题", 2021, CLASSIFY_PROBLEMS },
		{ "下一步工作重点", 2021, CLASSIFY_PLANS },
		{ "2023年工作思路", 2022, CLASSIFY_PLANS },
		{ "2019年度推进法治政府建设存在的不足", 2019, CLASSIFY_PROBLEMS },
		{ "2019年度履行推进法治政府建设第一责任人职责,加强法治政府建设的有关情况", 2019, CLASSIFY_LEADER_DUTY },
		{ "2020年度推进法治政府建设的主要安排", 2019, CLASSIFY_PLANS },
		{ "党政主要负责人履行推进法治建设第一责任人职责情况", 2022, CLASSIFY_LEADER_DUTY },
		{ "当前面临主要问题与不足", 2022, CLASSIFY_PROBLEMS },
		{ "其他需要报告的情况", 2022, CLASSIFY_OTHER },
		{ "2024年法治政府建设打算", 2023, CLASSIFY_PLANS },
		{ "2023年推进法治政府建设的主要举措和成效", 2023, CLASSIFY_MEASURES },
		{ "特色亮点工作", 2022, CLASSIFY_MEASURES },
		{ "坚持高位统筹,深入推进法治政府建设", 2020, -1 },
		{ "错误类:*", 2019, CLASSIFY_NOISE },
		/* Written for this test in the forms of other reports. The year rule: the reviewed year is
		 * measures, any later year plans, whatever the words around it. */
		{ "2014年工作回顾", 2014, CLASSIFY_MEASURES },
		{ "2015年主要工作任务", 2014, CLASSIFY_PLANS },
		{ "2021年依法行政工作", 2020, CLASSIFY_PLANS },
		{ "２０２０年依法行政工作", 2020, CLASSIFY_MEASURES },
		{ "2022年度法治建设", 2020, CLASSIFY_PLANS },
		/* Words for "next" and for work done decide before the year, which may be misread. */
		{ "下一步工作打算", 0, CLASSIFY_PLANS },
		{ "2021年法治政府建设主要举措", 2020, CLASSIFY_MEASURES },
		{ "2021年法治政府建设主要举措", 2019, CLASSIFY_MEASURES },
		{ "2021年法治政府建设工作完成情况", 0, CLASSIFY_MEASURES },
		{ "下一阶段法治建设推进情况展望", 2021, CLASSIFY_PLANS },
		{ "2022年工作要点", 0, CLASSIFY_PLANS },
		{ "新的一年工作设想", 2021, CLASSIFY_PLANS },
		/* With no year known, a year in a topical heading says nothing ("1年" is not 2021年). */
		{ "全面落实2021年普法责任清单", 0, -1 },
		{ "存在的困难和不足", 2021, CLASSIFY_PROBLEMS },
		{ "工作中存在的主要问题及原因分析", 2021, CLASSIFY_PROBLEMS },
		{ "推进中面临的困难", 2021, CLASSIFY_PROBLEMS },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int got = classify_heading_part(model(), rows[i].h, strlen(rows[i].h), rows[i].year);
		if (got != rows[i].part)
			print_error("%s: got %d, want %d\n", rows[i].h, got, rows[i].part);
		assert_int_equal(got, rows[i].part);
	}
}

/* Headings written for this test, not taken from the samples, in the wording of other reports. */
static void test_invented_headings(void **state)
{
	(void)state;
	static const struct {
		const char *h;
		int topic;
	} rows[] = {
		{ "深化“放管服”改革,持续推进政府职能转变", CLASSIFY_FUNCTIONS },
		{ "推行证明事项告知承诺制", CLASSIFY_FUNCTIONS },
		{ "全面推进“一件事一次办”集成改革", CLASSIFY_FUNCTIONS },
		{ "持续优化法治化营商环境", CLASSIFY_BUSINESS },
		{ "加强产权保护,依法平等保护民营企业合法权益", CLASSIFY_BUSINESS },
		{ "严格落实公平竞争审查制度", CLASSIFY_BUSINESS },
		{ "加强行政规范性文件备案审查", CLASSIFY_RULES },
		{ "积极参与地方立法工作", CLASSIFY_RULES },
		{ "规范重大行政决策程序", CLASSIFY_DECISION },
		{ "充分发挥公职律师作用", CLASSIFY_DECISION },
		{ "加强政府合同合法性审查", CLASSIFY_DECISION },
		{ "深化综合行政执法体制改革", CLASSIFY_ENFORCEMENT },
		{ "全面推行包容审慎柔性执法", CLASSIFY_ENFORCEMENT },
		{ "开展行政执法案卷评查", CLASSIFY_ENFORCEMENT },
		{ "健全突发事件应急处置机制", CLASSIFY_EMERGENCY },
		{ "统筹做好常态化疫情防控", CLASSIFY_EMERGENCY },
		{ "坚持和发展新时代“枫桥经验”", CLASSIFY_DISPUTE },
		{ "推进信访工作法治化", CLASSIFY_DISPUTE },
		{ "发挥行政复议化解行政争议主渠道作用", CLASSIFY_REVIEW },
		{ "落实行政机关负责人出庭应诉制度", CLASSIFY_REVIEW },
		{ "自觉接受人大监督和政协民主监督", CLASSIFY_SUPERVISION },
		{ "强化审计监督", CLASSIFY_SUPERVISION },
		{ "认真办理人大代表建议和政协提案", CLASSIFY_SUPERVISION },
		{ "深入推进政务公开标准化规范化", CLASSIFY_OPENNESS },
		{ "做好政府信息依申请公开工作", CLASSIFY_OPENNESS },
		{ "加快建设数字政府", CLASSIFY_DIGITAL },
		{ "推进“互联网+”智慧执法平台建设", CLASSIFY_DIGITAL },
		{ "全面启动“八五”普法规划", CLASSIFY_PUBLICITY },
		{ "落实“谁执法谁普法”普法责任制", CLASSIFY_PUBLICITY },
		{ "深化民主法治示范村(社区)创建", CLASSIFY_PUBLICITY },
		{ "完善覆盖城乡的公共法律服务体系", CLASSIFY_LEGAL_SERVICE },
		{ "扩大法律援助覆盖面", CLASSIFY_LEGAL_SERVICE },
		{ "实现一村(社区)一法律顾问全覆盖", CLASSIFY_LEGAL_SERVICE },
		{ "推进市域社会治理现代化试点", CLASSIFY_GRASSROOTS },
		{ "深化网格化管理服务", CLASSIFY_GRASSROOTS },
		{ "压实党政主要负责人法治建设第一责任", CLASSIFY_LEADERSHIP },
		{ "抓住领导干部这个“关键少数”", CLASSIFY_LEADERSHIP },
		{ "开展法治政府建设示范创建活动", CLASSIFY_LEADERSHIP },
		{ "加强法治督察与考核", CLASSIFY_LEADERSHIP },
		{ "以提升执法质效为核心,推动执法监督常态化", CLASSIFY_ENFORCEMENT },
		{ "在依法化解矛盾纠纷上实现新突破", CLASSIFY_DISPUTE },
		{ "政务公开方面", CLASSIFY_OPENNESS },
		{ "应急管理体系更加完善", CLASSIFY_EMERGENCY },
		/* Equal scores: the area named first is the heading's subject. */
		{ "推进“放管服”改革，打造一流营商环境", CLASSIFY_FUNCTIONS },
		{ "优化营商环境，深化“放管服”改革", CLASSIFY_BUSINESS },
		{ "严格落实领导干部学法用法制度", CLASSIFY_LEADERSHIP },
		{ "认真学习宣传贯彻党的二十大精神", CLASSIFY_LEADERSHIP },
		{ "统筹推进法治政府建设", CLASSIFY_LEADERSHIP },
		/* carrying out the outline and planning the next five years lead the building on */
		{ "全面完成法治政府建设实施纲要目标任务", CLASSIFY_LEADERSHIP },
		{ "谋划“十五五”时期法治政府建设", CLASSIFY_LEADERSHIP },
		{ "加强农村留守儿童法治服务", CLASSIFY_LEGAL_SERVICE },
	};
	size_t n = sizeof rows / sizeof rows[0], right = 0;
	for (size_t i = 0; i < n; i++) {
		int got = classify_heading(model(), rows[i].h, strlen(rows[i].h), NULL, NULL);
		if (got == rows[i].topic)
			right++;
		else
			print_error("%s: got %s, want %s\n", rows[i].h, classify_topic_name(got),
				    classify_topic_name(rows[i].topic));
	}
	print_message("invented headings: %zu/%zu topics right\n", right, n);
	assert_int_equal(right, n);
}

static void test_heading_grammar(void **state)
{
	(void)state;
	static const struct {
		const char *h;
		int topic;
	} rows[] = {
		/* 以X为Y,推动Z: Z decides, though X names another topic. */
		{ "以行政执法体制改革为牵引,推动政务公开迈上新台阶", CLASSIFY_OPENNESS },
		/* 在X上实现大提升: X decides. */
		{ "在严格规范公正文明执法上实现大提升", CLASSIFY_ENFORCEMENT },
		/* X方面 and X更加Y. */
		{ "行政权力的制约和监督方面", CLASSIFY_SUPERVISION },
		{ "行政决策更加科学", CLASSIFY_DECISION },
		/* Overrides: 法律顾问 is decision, 一村一法律顾问 is legal service; 执法监督 is enforcement. */
		{ "完善政府法律顾问制度", CLASSIFY_DECISION },
		{ "推进一村一法律顾问工作", CLASSIFY_LEGAL_SERVICE },
		{ "加强行政执法监督", CLASSIFY_ENFORCEMENT },
		{ "开展法治政府建设督查", CLASSIFY_LEADERSHIP },
		{ "强化政府督查", CLASSIFY_SUPERVISION },
		/* Clauses naming two areas: the first names the chapter, though the second scores more. */
		{ "自觉接受监督，推进政务公开", CLASSIFY_SUPERVISION },
		{ "推进政务公开，自觉接受监督", CLASSIFY_OPENNESS },
		{ "依法化解矛盾纠纷，发挥行政复议主渠道作用", CLASSIFY_DISPUTE },
		{ "发挥行政复议主渠道作用，依法化解矛盾纠纷", CLASSIFY_REVIEW },
		{ "深化“放管服”改革，持续优化法治化营商环境", CLASSIFY_FUNCTIONS },
		/* One clause: the scores decide. */
		{ "推进政务公开和权力监督", CLASSIFY_OPENNESS },
		/* Inspections of firms are enforcement; registering them is the business climate. */
		{ "严格规范涉企行政检查", CLASSIFY_ENFORCEMENT },
		{ "“扫码入企”让涉企检查有章可循", CLASSIFY_ENFORCEMENT },
		{ "持续规范涉企执法", CLASSIFY_ENFORCEMENT },
		{ "深化商事制度改革", CLASSIFY_BUSINESS },
		/* Studying the Party's plenums and uneven progress are the leadership's matter. */
		{ "深入学习贯彻党的二十届三中全会精神", CLASSIFY_LEADERSHIP },
		{ "法治政府建设推进不够平衡", CLASSIFY_LEADERSHIP },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		int got = classify_heading(model(), rows[i].h, strlen(rows[i].h), NULL, NULL);
		if (got != rows[i].topic)
			print_error("%s: got %s\n", rows[i].h, classify_topic_name(got));
		assert_int_equal(got, rows[i].topic);
	}
	int t2, score;
	const char *h = "加强行政执法监督";
	classify_heading(model(), h, strlen(h), &t2, &score);
	assert_int_equal(t2, CLASSIFY_SUPERVISION);
	assert_int_equal(score, 3 + 3);   /* 行政执法 and 执法监督 overlap without one holding the other */
}

/* Accuracy on tests/data/seed-labels.tsv, levels 1-3 (noise rows included), topic2 accepted. */
static void test_seed_accuracy(void **state)
{
	(void)state;
	struct labels l = { 0 };
	labels_load(&l, "tests/data/seed-labels.tsv");
	assert_int_equal(l.n, 175);
	size_t rows = 0, found = 0, part_ok = 0, topic_ok = 0, topic_strict = 0;
	for (size_t f = 0; f < sizeof seed_files / sizeof seed_files[0]; f++) {
		struct report *r = seed_report(seed_files[f], &l);
		assert_non_null(r);
		classify_report_with(model(), r, NULL);
		for (size_t i = 0; i < l.n; i++) {
			const struct label *b = &l.v[i];
			if (strcmp(b->file, seed_files[f]) != 0 || b->level < 1 || b->level > 3)
				continue;
			rows++;
			int s = seed_section(r, b->text);
			if (s < 0)
				continue;
			found++;
			const struct section *sec = &r->sections[s];
			int pok = sec->part == b->part, tok = sec->topic == b->topic || sec->topic == b->topic2;
			part_ok += pok;
			topic_ok += tok;
			topic_strict += sec->topic == b->topic;
			if (!pok || !tok)
				print_message("  miss %s %s: %s/%s, want %s/%s\n", b->file, b->text,
					      classify_part_name(sec->part), classify_topic_name(sec->topic),
					      classify_part_name(b->part), classify_topic_name(b->topic));
		}
		report_free(r);
	}
	labels_fini(&l);
	print_message("seed labels, levels 1-3: %zu rows, PART %zu/%zu = %.1f %%, TOPIC %zu/%zu = %.1f %% "
		      "(primary only %.1f %%)\n", rows, part_ok, rows, 100.0 * part_ok / rows, topic_ok, rows,
		      100.0 * topic_ok / rows, 100.0 * topic_strict / rows);
	assert_int_equal(found, rows);
	assert_true(part_ok * 100 >= rows * 95);
	assert_true(topic_ok * 100 >= rows * 90);
}

/* Unheaded part switches (level 0) and 一是 points (level 4) of the labels. */
static void test_seed_switches(void **state)
{
	(void)state;
	struct labels l = { 0 };
	labels_load(&l, "tests/data/seed-labels.tsv");
	size_t rows = 0, part_ok = 0, topic_ok = 0;
	for (size_t f = 0; f < sizeof seed_files / sizeof seed_files[0]; f++) {
		struct report *r = seed_report(seed_files[f], &l);
		struct classify_paras p = { 0 };
		classify_report_with(model(), r, &p);
		assert_int_equal(p.n, r->npara);
		for (size_t i = 0; i < l.n; i++) {
			const struct label *b = &l.v[i];
			if (strcmp(b->file, seed_files[f]) != 0 || (b->level != 0 && b->level != 4))
				continue;
			int k = seed_para(r, b->text);
			assert_true(k >= 0);
			rows++;
			part_ok += p.part[k] == b->part;
			topic_ok += p.topic[k] == b->topic || p.topic[k] == b->topic2;
			if (p.part[k] != b->part || (p.topic[k] != b->topic && p.topic[k] != b->topic2))
				print_message("  miss %s %s: %s/%s\n", b->file, b->text, classify_part_name(p.part[k]),
					      classify_topic_name(p.topic[k]));
			/* Switched paragraphs leave their section's row; points that do not switch stay. */
			assert_int_equal(classify_para_switched(r, &p, (size_t)k),
					 b->level == 0 || strcmp(b->file, "wujin-2020.txt") == 0);
		}
		classify_paras_fini(&p);
		report_free(r);
	}
	labels_fini(&l);
	print_message("seed labels, levels 0 and 4: %zu rows, PART %zu, TOPIC %zu right\n", rows, part_ok, topic_ok);
	assert_int_equal(rows, 13);
	assert_int_equal(part_ok, rows);
}

/* The two unheaded switches, paragraph by paragraph. */
static void test_switch_segments(void **state)
{
	(void)state;
	struct labels l = { 0 };
	labels_load(&l, "tests/data/seed-labels.tsv");
	struct report *r = seed_report("zhanjiang-etdz-2022.txt", &l);
	struct classify_paras p = { 0 };
	classify_report_with(model(), r, &p);
	int k = seed_para(r, "我区在推进法治政府建设工作取得了一些成绩");
	int head = seed_para(r, "(六)厚培法治根基");
	assert_true(head >= 0 && k == head + 1);
	assert_int_equal(p.part[head], CLASSIFY_MEASURES);
	assert_int_equal(p.part[k], CLASSIFY_PROBLEMS);
	/* The next chapter is headed: 二、下一步工作安排. */
	assert_int_equal(p.part[k + 1], CLASSIFY_PLANS);
	assert_false(classify_para_switched(r, &p, (size_t)k + 1));
	assert_int_equal(p.part[0], CLASSIFY_PREAMBLE);
	classify_paras_fini(&p);
	report_free(r);
	labels_fini(&l);
}

/* No part switch where a measures chapter merely mentions a shortfall. */
static void test_no_false_switch(void **state)
{
	(void)state;
	static const char text[] =
		"关于2022年度法治政府建设情况的报告\n"
		"一、主要举措和成效\n"
		"(一)加强行政复议\n"
		"全年收到行政复议申请15件,针对个别案件办理不够及时的情况,建立提醒机制。\n"
		"二、下一步工作安排\n"
		"继续加强行政复议工作。\n";
	struct report r = { 0 };
	struct section secs[3];
	struct para paras[6];
	r.text = (char *)text, r.len = sizeof text - 1, r.meta.year = 2022;
	const char *lines[] = { "关于", "一、", "(一)", "全年", "二、", "继续" };
	for (int i = 0; i < 6; i++) {
		const char *at = strstr(text, lines[i]);
		paras[i].start = (size_t)(at - text);
		paras[i].end = (size_t)(strchr(at, '\n') - text);
		paras[i].kind = i == 1 || i == 2 || i == 4 ? PARA_HEADING : PARA_TEXT;
	}
	int sec_of[6] = { -1, 0, 1, 1, 2, 2 }, head[3] = { 1, 2, 4 }, level[3] = { 1, 2, 1 }, parent[3] = { -1, 0, -1 };
	for (int i = 0; i < 6; i++)
		paras[i].section = sec_of[i];
	for (int s = 0; s < 3; s++) {
		struct para *h = &paras[head[s]];
		size_t ord = level[s] == 1 ? 6 : 5;   /* "一、" is 6 bytes, "(一)" 5 */
		secs[s] = (struct section){ .level = level[s], .parent = parent[s], .title_start = h->start + ord,
					    .title_end = h->end, .head_start = h->start, .head_end = h->end,
					    .start = h->start, .para = head[s] };
	}
	secs[0].end = secs[1].end = secs[2].start, secs[2].end = r.len;
	r.sections = secs, r.nsections = 3, r.paras = paras, r.npara = 6;
	struct classify_paras p = { 0 };
	classify_report_with(model(), &r, &p);
	assert_int_equal(secs[0].part, CLASSIFY_MEASURES);
	assert_int_equal(secs[0].topic, CLASSIFY_GENERAL);
	assert_int_equal(secs[1].topic, CLASSIFY_REVIEW);
	assert_int_equal(secs[2].part, CLASSIFY_PLANS);
	assert_int_equal(p.part[3], CLASSIFY_MEASURES);
	assert_int_equal(p.topic[3], CLASSIFY_REVIEW);
	classify_paras_fini(&p);
}

/* The real reports of tests/real, read by the parser, scored against tests/real/labels.tsv. */
static const char *const real_files[] = {
	"01_shenzhen_longhua_2019.txt", "03_pingtan_shehuishiyeju_2022.txt", "07_REL_shenzhen_yantian_zfgzbg_2015.txt"
};

struct real_score {
	size_t rows, found, part_ok, topic_ok;
};

/* Section of r at this level whose heading starts with prefix, or -1. */
static int real_section(const struct report *r, int level, const char *prefix)
{
	size_t n = strlen(prefix);
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->level == level && r->len - s->head_start >= n && memcmp(r->text + s->head_start, prefix, n) == 0)
			return (int)i;
	}
	return -1;
}

/* Paragraph of r whose text starts with prefix, or -1. */
static int real_para(const struct report *r, const char *prefix)
{
	size_t n = strlen(prefix);
	for (size_t k = 0; k < r->npara; k++)
		if (r->paras[k].end - r->paras[k].start >= n && memcmp(r->text + r->paras[k].start, prefix, n) == 0)
			return (int)k;
	return -1;
}

static void real_score_file(const char *file, const struct labels *l, struct real_score *sc)
{
	char path[256];
	snprintf(path, sizeof path, "tests/real/reports/%s", file);
	struct corpus co;
	corpus_init(&co);
	assert_int_equal(corpus_add_path(&co, path), 0);
	struct report *r = corpus_get(&co, 0);
	assert_non_null(r);
	struct classify_paras p = { 0 };
	classify_report_with(model(), r, &p);
	for (size_t i = 0; i < l->n; i++) {
		const struct label *b = &l->v[i];
		if (strcmp(b->file, file) != 0)
			continue;
		sc->rows++;
		int part = -1, topic = -1;
		if (b->level == 0) {
			int k = real_para(r, b->text);
			if (k >= 0)
				part = p.part[k], topic = p.topic[k];
		} else {
			int s = real_section(r, b->level, b->text);
			if (s >= 0)
				part = r->sections[s].part, topic = r->sections[s].topic;
		}
		if (part < 0) {
			print_message("  not found %s %d %s\n", file, b->level, b->text);
			continue;
		}
		sc->found++;
		int pok = part == b->part, tok = topic == b->topic || topic == b->topic2;
		sc->part_ok += pok;
		sc->topic_ok += tok;
		if (!pok || !tok)
			print_message("  miss %s %s: %s/%s, want %s/%s\n", file, b->text, classify_part_name(part),
				      classify_topic_name(topic), classify_part_name(b->part), classify_topic_name(b->topic));
	}
	classify_paras_fini(&p);
	corpus_fini(&co);
}

static void test_real_accuracy(void **state)
{
	(void)state;
	struct labels l = { 0 };
	labels_load(&l, "tests/real/labels.tsv");
	assert_int_equal(l.n, 51);
	struct real_score all = { 0 };
	for (size_t f = 0; f < sizeof real_files / sizeof real_files[0]; f++) {
		struct real_score sc = { 0 };
		real_score_file(real_files[f], &l, &sc);
		print_message("real %s: %zu rows, %zu found, PART %zu, TOPIC %zu\n", real_files[f], sc.rows, sc.found,
			      sc.part_ok, sc.topic_ok);
		all.rows += sc.rows, all.found += sc.found, all.part_ok += sc.part_ok, all.topic_ok += sc.topic_ok;
	}
	labels_fini(&l);
	print_message("real labels: %zu rows, %zu found, PART %zu/%zu = %.1f %%, TOPIC %zu/%zu = %.1f %%\n", all.rows,
		      all.found, all.part_ok, all.rows, 100.0 * all.part_ok / all.rows, all.topic_ok, all.rows,
		      100.0 * all.topic_ok / all.rows);
	/* Targets: PART >= 95 %, TOPIC >= 90 % (topic2 accepted). Every row is found: the flattened
	 * page (03_*, the whole page on one line) included. */
	assert_int_equal(all.found, all.rows);
	assert_true(all.part_ok * 100 >= all.rows * 95);
	assert_true(all.topic_ok * 100 >= all.rows * 90);
}

/* A report written for the tests, read by the parser; free with report_free. */
static struct report *invented(const char *text)
{
	return parse_report(xstrdup(text), strlen(text), "invented.txt");
}

static int section_of(const struct report *r, const char *title)
{
	for (size_t i = 0; i < r->nsections; i++)
		if (strncmp(r->text + r->sections[i].title_start, title, strlen(title)) == 0)
			return (int)i;
	fail_msg("no section %s", title);
	return -1;
}

/* A 述法报告 is a leader's account of the duty to advance the rule of law: its chapters with no
 * part's cue are that duty, those that name a part that part; the parts and chapters of a report
 * in 第X部分 are classified as top chapters are. */
static void test_leader_account_and_parts(void **state)
{
	(void)state;
	struct report *r = invented("甲乙区人民政府区长2023年度述法报告\n一、提高政治站位\n本人全年专题研究法治工作6次。\n"
	                            "二、坚持依法决策\n本人严格执行重大行政决策程序。\n三、存在的不足\n学习还不够深入。\n");
	classify_report_with(model(), r, NULL);
	assert_int_equal(r->sections[section_of(r, "提高政治站位")].part, CLASSIFY_LEADER_DUTY);
	assert_int_equal(r->sections[section_of(r, "坚持依法决策")].part, CLASSIFY_LEADER_DUTY);
	assert_int_equal(r->sections[section_of(r, "存在的不足")].part, CLASSIFY_PROBLEMS);
	report_free(r);
	r = invented("甲市2021年法治政府建设情况报告\n第一部分　2021年法治政府建设主要举措和成效\n一、加强组织领导\n"
	             "全年研究4次。\n二、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
	             "第二部分　存在的问题和不足\n一、基层力量薄弱\n力量不足。\n第三部分　2022年工作安排\n一、持续推进\n继续推进。\n");
	classify_report_with(model(), r, NULL);
	assert_int_equal(r->sections[section_of(r, "加强组织领导")].part, CLASSIFY_MEASURES);
	assert_int_equal(r->sections[section_of(r, "党政主要负责人履行")].part, CLASSIFY_LEADER_DUTY);
	assert_int_equal(r->sections[section_of(r, "基层力量薄弱")].part, CLASSIFY_PROBLEMS);
	assert_int_equal(r->sections[section_of(r, "持续推进")].part, CLASSIFY_PLANS);
	report_free(r);
}

/* A work report whose title names the year before: its top headings name the reviewed year and the
 * next, and the earlier of them is reviewed. A chapter ranging over many things in passing stays
 * general; one that keeps to an area takes its topic, though neither heading names one. */
/* The part the classifier gives the heading titled title in the report text. */
static int part_of_heading(const char *text, const char *title)
{
	struct classify_paras p = { 0 };
	struct report *r = invented(text);
	classify_report_with(model(), r, &p);
	int part = r->sections[section_of(r, title)].part;
	classify_paras_fini(&p);
	report_free(r);
	return part;
}

static void test_invented_review_and_density(void **state)
{
	(void)state;
	struct report *r = invented(
		"关于2013年全区经济社会发展情况的报告\n"
		"各位代表：\n"
		"一、2014年全区发展概况\n"
		"（一）民生福祉持续增进\n"
		"新建学校三所，新增学位两千个，改造老旧小区十个，建成社区文化中心一处，新增公交线路五条，"
		"城镇新增就业五千人，发放养老金十二亿元，完成保障性住房一千套，开展安全生产大检查，"
		"建成口袋公园二十个，新增停车位三千个，医院门诊量增长一成，居民人均可支配收入增长八个百分点，"
		"环境空气质量优良天数达三百天，河道治理二十公里，垃圾分类覆盖全部街道，城市绿化覆盖率持续提高。\n"
		"（二）各项工作扎实推进\n"
		"全年收到行政复议申请120件，受理105件，审结98件，行政复议纠错率12%。"
		"行政机关负责人出庭应诉率100%，行政诉讼败诉率下降。\n"
		"二、2015年全区发展方向\n"
		"（一）持续保障和改善民生\n"
		"继续办好民生实事。\n");
	assert_int_equal(r->meta.year, 2013);
	classify_report_with(model(), r, NULL);
	int review = section_of(r, "2014年全区发展概况"), plans = section_of(r, "2015年全区发展方向");
	assert_int_equal(r->sections[review].part, CLASSIFY_MEASURES);
	assert_int_equal(r->sections[plans].part, CLASSIFY_PLANS);
	assert_int_equal(r->sections[section_of(r, "民生福祉持续增进")].topic, CLASSIFY_GENERAL);
	assert_int_equal(r->sections[section_of(r, "各项工作扎实推进")].topic, CLASSIFY_REVIEW);
	report_free(r);
}

/* A chapter on problems that turns to plans in its own text: what follows the paragraph that
 * announces them is plans, sub-sections included; that paragraph stays with the problems it
 * states, unless it opens with the announcement. */
static void test_problems_then_plans(void **state)
{
	(void)state;
	struct report *r = invented(
		"关于2021年度法治政府建设情况的报告\n"
		"一、2021年法治政府建设主要举措\n"
		"（一）加强行政复议工作\n"
		"全年收到行政复议申请30件。\n"
		"二、存在的不足和今后打算\n"
		"执法队伍专业化程度不高，基层法治力量仍然薄弱，依法行政水平有待进一步提高。2022年，我们将重点抓好以下几方面工作：\n"
		"（一）深化综合行政执法改革\n"
		"推进执法重心下移。\n"
		"（二）提升行政复议质效\n"
		"发挥行政复议主渠道作用。\n"
		"三、其他需要报告的情况\n"
		"无。\n");
	struct classify_paras p = { 0 };
	classify_report_with(model(), r, &p);
	int ch = section_of(r, "存在的不足和今后打算");
	assert_int_equal(r->sections[ch].part, CLASSIFY_PROBLEMS);
	assert_int_equal(r->sections[section_of(r, "深化综合行政执法改革")].part, CLASSIFY_PLANS);
	assert_int_equal(r->sections[section_of(r, "深化综合行政执法改革")].topic, CLASSIFY_ENFORCEMENT);
	assert_int_equal(r->sections[section_of(r, "提升行政复议质效")].part, CLASSIFY_PLANS);
	assert_int_equal(r->sections[section_of(r, "其他需要报告的情况")].part, CLASSIFY_OTHER);
	size_t k = (size_t)r->sections[ch].para + 1;
	assert_int_equal(p.part[k], CLASSIFY_PROBLEMS);
	assert_false(classify_para_switched(r, &p, k));
	classify_paras_fini(&p);
	report_free(r);

	r = invented("关于2021年度法治政府建设情况的报告\n"
		     "一、存在的问题\n"
		     "一是部分工作人员法治意识不强。\n"
		     "下一步，我们将重点做好以下工作：\n"
		     "一是加强学法用法。\n");
	classify_report_with(model(), r, &p);
	assert_int_equal(r->sections[0].part, CLASSIFY_PROBLEMS);
	assert_int_equal(p.part[r->npara - 3], CLASSIFY_PROBLEMS);
	assert_int_equal(p.part[r->npara - 2], CLASSIFY_PLANS);
	assert_int_equal(p.part[r->npara - 1], CLASSIFY_PLANS);
	assert_true(classify_para_switched(r, &p, r->npara - 1));
	classify_paras_fini(&p);
	report_free(r);

	/* the chapter's plans begin at a heading of its own that names them */
	r = invented("关于2016年度法治政府建设情况的报告\n"
		     "一、2016年法治政府建设工作情况\n（一）依法全面履行政府职能\n全年取消行政审批事项12项。\n"
		     "二、存在的问题和2017年工作打算\n（一）存在的主要问题\n基层执法力量薄弱。\n"
		     "（二）2017年工作打算\n1.深化“放管服”改革\n推进证照分离。\n2.加强行政执法监督\n开展案卷评查。\n");
	classify_report_with(model(), r, &p);
	assert_int_equal(r->sections[section_of(r, "存在的主要问题")].part, CLASSIFY_PROBLEMS);
	assert_int_equal(r->sections[section_of(r, "2017年工作打算")].part, CLASSIFY_PLANS);
	assert_int_equal(r->sections[section_of(r, "深化“放管服”改革")].part, CLASSIFY_PLANS);
	assert_int_equal(r->sections[section_of(r, "加强行政执法监督")].part, CLASSIFY_PLANS);
	classify_paras_fini(&p);
	report_free(r);

	/* a plan's noun in a problem's heading (与工作任务不匹配) begins no plans in a chapter of
	 * problems alone; in one that names its plans (问题和工作打算) the noun alone does */
	static const char problems_alone[] =
		"关于2023年度法治政府建设情况的报告\n"
		"一、2023年法治政府建设工作情况\n（一）依法全面履行政府职能\n全年取消行政审批事项12项。\n"
		"二、存在的不足\n1.执法力量与工作任务不匹配\n执法人员偏少。\n2.普法针对性有待增强\n形式单一。\n"
		"三、2024年工作打算\n（一）提升行政执法质量\n加强培训。\n";
	static const char with_plans[] =
		"关于2023年度法治政府建设情况的报告\n"
		"一、2023年法治政府建设工作情况\n（一）依法全面履行政府职能\n全年取消行政审批事项12项。\n"
		"二、存在的问题和工作打算\n（一）存在的问题\n基层执法力量薄弱。\n（二）工作打算\n加强培训。\n";
	assert_int_equal(part_of_heading(problems_alone, "执法力量与工作任务不匹配"), CLASSIFY_PROBLEMS);
	assert_int_equal(part_of_heading(problems_alone, "普法针对性有待增强"), CLASSIFY_PROBLEMS);
	assert_int_equal(part_of_heading(problems_alone, "提升行政执法质量"), CLASSIFY_PLANS);
	assert_int_equal(part_of_heading(with_plans, "存在的问题"), CLASSIFY_PROBLEMS);
	assert_int_equal(part_of_heading(with_plans, "工作打算"), CLASSIFY_PLANS);
}

/* A chapter that 一是…二是… points divide instead of （一） headings: each point takes the topic its
 * lead names, as a heading would; points in a chapter with a topic of its own keep that. */
static void test_point_topics(void **state)
{
	(void)state;
	struct report *r = invented(
		"关于2021年度法治政府建设情况的报告\n"
		"一、2021年法治政府建设主要举措和成效\n"
		"一是坚持党的领导，压紧压实法治建设责任\n"
		"全年办理政务服务事项12万件。\n"
		"二是推进严格规范公正文明执法\n"
		"全年办理行政处罚案件300件。\n"
		"二、存在的问题和不足\n"
		"一是执法队伍力量不足。\n");
	struct classify_paras p = { 0 };
	classify_report_with(model(), r, &p);
	size_t k1 = 0, k2 = 0, k3 = 0;
	for (size_t k = 0; k < r->npara; k++) {
		const char *t = r->text + r->paras[k].start;
		if (!strncmp(t, "一是坚持", strlen("一是坚持")))
			k1 = k;
		else if (!strncmp(t, "二是推进", strlen("二是推进")))
			k2 = k;
		else if (!strncmp(t, "一是执法", strlen("一是执法")))
			k3 = k;
	}
	assert_int_equal(r->sections[0].topic, CLASSIFY_GENERAL);
	assert_int_equal(p.topic[k1], CLASSIFY_LEADERSHIP);
	assert_int_equal(p.topic[k2], CLASSIFY_ENFORCEMENT);
	assert_int_equal(p.part[k3], CLASSIFY_PROBLEMS);
	assert_int_equal(p.topic[k3], CLASSIFY_GENERAL);   /* a problem, not a chapter's topic */
	classify_paras_fini(&p);
	report_free(r);
}

static void test_parts_covered(void **state)
{
	(void)state;
	struct report *r = invented("关于2021年度法治政府建设情况的报告\n"
				    "一、存在的问题\n"
				    "一是部分工作人员法治意识不强。\n"
				    "下一步，我们将重点做好以下工作：\n"
				    "一是加强学法用法。\n");
	struct classify_paras p = { 0 };
	unsigned headed, unheaded;
	classify_report_with(model(), r, &p);
	classify_parts_covered(r, &p, &headed, &unheaded);
	assert_int_equal(headed, 1u << CLASSIFY_PROBLEMS);
	assert_int_equal(unheaded, 1u << CLASSIFY_PLANS);
	classify_parts_covered(r, NULL, &headed, &unheaded);
	assert_int_equal(unheaded, 0);
	classify_paras_fini(&p);
	report_free(r);

	r = invented("关于2021年度法治政府建设情况的报告\n"
		     "一、主要工作\n"
		     "（一）加强行政复议工作\n"
		     "全年收到行政复议申请30件。\n"
		     "二、存在的问题\n"
		     "基层法治力量仍然薄弱。\n"
		     "三、2022年工作安排\n"
		     "深化执法改革。\n");
	classify_report_with(model(), r, &p);
	classify_parts_covered(r, &p, &headed, &unheaded);
	assert_int_equal(headed, (1u << CLASSIFY_MEASURES) | (1u << CLASSIFY_PROBLEMS) | (1u << CLASSIFY_PLANS));
	assert_int_equal(unheaded, 0);
	classify_paras_fini(&p);
	report_free(r);
}

static void test_every_section_classified(void **state)
{
	(void)state;
	struct labels l = { 0 };
	labels_load(&l, "tests/data/seed-labels.tsv");
	for (size_t f = 0; f < sizeof seed_files / sizeof seed_files[0]; f++) {
		struct report *r = seed_report(seed_files[f], &l);
		assert_int_equal(classify_report(r, NULL), 0);
		for (size_t i = 0; i < r->nsections; i++) {
			const struct section *s = &r->sections[i];
			assert_true(s->part >= CLASSIFY_MEASURES && s->part <= CLASSIFY_OTHER ? 1 : s->part == CLASSIFY_NOISE);
			assert_true(s->topic >= CLASSIFY_GENERAL && s->topic <= CLASSIFY_NONE);
			assert_true(s->topic2 != s->topic);
		}
		report_free(r);
	}
	labels_fini(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cue_longest_match),
		cmocka_unit_test(test_cue_random),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_model_errors),
		cmocka_unit_test(test_heading_parts),
		cmocka_unit_test(test_invented_headings),
		cmocka_unit_test(test_heading_grammar),
		cmocka_unit_test(test_seed_accuracy),
		cmocka_unit_test(test_seed_switches),
		cmocka_unit_test(test_switch_segments),
		cmocka_unit_test(test_no_false_switch),
		cmocka_unit_test(test_invented_review_and_density),
		cmocka_unit_test(test_leader_account_and_parts),
		cmocka_unit_test(test_problems_then_plans),
		cmocka_unit_test(test_point_topics),
		cmocka_unit_test(test_real_accuracy),
		cmocka_unit_test(test_every_section_classified),
		cmocka_unit_test(test_parts_covered),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	classify_default_free();
	return failed;
}
