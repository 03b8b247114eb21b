/* test_22_review.c — the evaluation of a report: deadline and timeliness, the overview row, and what check finds (missing parts, numbering, year and title, figures, repeated sections). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "classify.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "parse.h"
#include "review.h"
#include "xmalloc.h"

/* A report read from text, with what review reads of it. */
struct read {
	struct report *r;
	struct classify_paras paras;
	struct facts facts;
	struct review_findings found;
};

static const struct classify_model *cmodel(void)
{
	char *cause = NULL;
	const struct classify_model *m = classify_default(&cause);
	assert_non_null(m);
	return m;
}

static const struct facts_model *fmodel(void)
{
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	assert_non_null(m);
	return m;
}

/* Reads r (taken over) and checks it against the default deadline. */
static void read_report(struct read *rd, struct report *r)
{
	memset(rd, 0, sizeof *rd);
	rd->r = r;
	review_read(cmodel(), fmodel(), r, &rd->paras, &rd->facts);
	review_check(r, &rd->paras, fmodel(), &rd->facts, REVIEW_DEADLINE_DEFAULT, &rd->found);
	review_findings_sort(&rd->found);
}

static void read_text(struct read *rd, const char *text)
{
	read_report(rd, parse_report(xstrdup(text), strlen(text), "written.txt"));
}

static void read_fini(struct read *rd)
{
	review_findings_fini(&rd->found);
	facts_fini(&rd->facts);
	classify_paras_fini(&rd->paras);
	report_free(rd->r);
}

/* The findings of a kind, and the 1-based line of the first in *line. */
static size_t count_kind(const struct read *rd, int kind, size_t *line)
{
	size_t n = 0;
	struct report_lines cur = { 0 };
	for (size_t i = 0; i < rd->found.n; i++)
		if (rd->found.v[i].kind == kind && n++ == 0 && line)
			*line = report_line_of(rd->r, rd->found.v[i].at, &cur);
	return n;
}

/* ---- deadline and row ---- */

/* Characters of the body but blanks: every space (ASCII, U+00A0, U+3000), newline, tab and CR
 * left out, whatever its width, and nothing outside [body_start, body_end) counted. */
static void test_body_chars(void **state)
{
	(void)state;
	static const char text[] = "标题\n甲 乙\xe3\x80\x80丙\xc2\xa0丁\n\t戊，a b\r\xe3\x80\x80\xc2\xa0。\n落款";
	struct report r = { 0 };
	r.text = (char *)text;
	r.len = sizeof text - 1;
	r.body_start = strlen("标题\n");
	r.body_end = r.len - strlen("落款");
	assert_int_equal(review_body_chars(&r), 9);   /* 甲 乙 丙 丁 戊 ， a b 。 */
	r.body_start = r.body_end = 3;
	assert_int_equal(review_body_chars(&r), 0);

	/* A long body, counted in many blocks of bytes, and a tail shorter than a block. */
	struct buf b = { 0 };
	for (int k = 0; k < 3001; k++)
		buf_adds(&b, "法治 政府\xe3\x80\x80建设。\n");   /* 7 characters, 3 blanks */
	buf_adds(&b, "ab");
	r.text = b.data;
	r.len = b.len;
	r.body_start = 0;
	r.body_end = b.len;
	assert_int_equal(review_body_chars(&r), 3001 * 7 + 2);
	r.body_start = strlen("法治 ");   /* not on a block boundary */
	assert_int_equal(review_body_chars(&r), 3001 * 7 + 2 - 2);
	buf_fini(&b);
}

static void test_deadline(void **state)
{
	(void)state;
	struct review_deadline d = REVIEW_DEADLINE_DEFAULT;
	assert_int_equal(review_deadline_parse("04-30", &d), 0);
	assert_int_equal(d.month, 4);
	assert_int_equal(d.day, 30);
	static const char *const bad[] = { "4-30", "04-31", "13-01", "00-10", "02-30", "04/30", "", "04-300" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(review_deadline_parse(bad[i], &d), -1);
		assert_int_equal(d.month, 4);   /* unchanged */
	}
	assert_int_equal(review_deadline_parse("02-29", &d), 0);
	struct review_deadline q1 = REVIEW_DEADLINE_DEFAULT;
	assert_int_equal(review_timeliness(2021, "2022-03-31", q1), REVIEW_TIME_ON_TIME);
	assert_int_equal(review_timeliness(2021, "2021-12-30", q1), REVIEW_TIME_ON_TIME);
	assert_int_equal(review_timeliness(2021, "2022-04-01", q1), REVIEW_TIME_LATE);
	assert_int_equal(review_timeliness(2021, "2023-01-10", q1), REVIEW_TIME_LATE);
	assert_int_equal(review_timeliness(2021, "", q1), REVIEW_TIME_UNKNOWN);
	assert_int_equal(review_timeliness(0, "2022-01-10", q1), REVIEW_TIME_UNKNOWN);
	struct review_deadline june = { 6, 30 };
	assert_int_equal(review_timeliness(2021, "2022-04-01", june), REVIEW_TIME_ON_TIME);
}

/* A cell as a string (static storage: compared at once). */
static const char *cell(const struct review_row *row, int col)
{
	static char s[256];
	struct buf b = { 0 };
	review_cell(&b, row, col);
	snprintf(s, sizeof s, "%s", b.data ? b.data : "");
	buf_fini(&b);
	return s;
}

static void test_rows_of_the_samples(void **state)
{
	(void)state;
	struct corpus co;
	corpus_init(&co);
	corpus_add_embedded(&co);
	assert_true(co.n >= 3);
	for (size_t k = 0; k < co.n; k++) {
		struct report *r = corpus_get(&co, k);
		struct classify_paras paras = { 0 };
		struct facts facts = { 0 };
		struct review_row row;
		review_read(cmodel(), fmodel(), r, &paras, &facts);
		review_row_fill(&row, r, &paras, facts.n, REVIEW_DEADLINE_DEFAULT);
		assert_string_equal(cell(&row, REVIEW_COL_FILE), r->path);
		assert_string_equal(cell(&row, REVIEW_COL_STATUS), "ok");
		assert_string_equal(cell(&row, REVIEW_COL_REGION), r->meta.region ? r->meta.region : "");
		assert_string_equal(cell(&row, REVIEW_COL_PUBLISHED), r->meta.published);
		assert_int_equal(row.year, r->meta.year);
		assert_int_equal(row.facts, facts.n);
		assert_true(row.chars > 0 && row.chars < r->body_end - r->body_start);
		size_t top = 0;
		for (size_t i = 0; i < r->nsections; i++)
			top += r->sections[i].parent < 0;
		assert_int_equal(row.chapters, top);
		unsigned headed, unheaded;
		classify_parts_covered(r, &paras, &headed, &unheaded);
		for (int p = 0; p < CLASSIFY_NPARTS; p++) {
			int want = !(REVIEW_REQUIRED_PARTS & 1u << p) ? -1
				   : headed & 1u << p		? REVIEW_PART_HEADED
				   : unheaded & 1u << p		? REVIEW_PART_UNHEADED
								: REVIEW_PART_MISSING;
			if (want >= 0)
				assert_int_equal(review_row_part(&row, p), want);
		}
		assert_int_equal(row.timeliness, review_timeliness(r->meta.year, r->meta.published, REVIEW_DEADLINE_DEFAULT));
		facts_fini(&facts);
		classify_paras_fini(&paras);
	}
	corpus_fini(&co);

	struct review_row failed, ok;
	review_row_failed(&failed, "gone.txt", "No such file or directory");
	assert_string_equal(cell(&failed, REVIEW_COL_STATUS), "failed");
	assert_string_equal(cell(&failed, REVIEW_COL_REASON), "No such file or directory");
	assert_string_equal(cell(&failed, REVIEW_COL_YEAR), "");
	assert_string_equal(cell(&failed, REVIEW_COL_MEASURES), "");
	memset(&ok, 0, sizeof ok);
	ok.path = "a.txt", ok.year = 2020, ok.parts_headed = 1u << CLASSIFY_MEASURES;
	ok.parts_unheaded = 1u << CLASSIFY_PLANS, ok.warnings = 1u << REPORT_WARN_NUMBERING | 1u << REPORT_WARN_NO_YEAR;
	assert_string_equal(cell(&ok, REVIEW_COL_MEASURES), "headed");
	assert_string_equal(cell(&ok, REVIEW_COL_PLANS), "unheaded");
	assert_string_equal(cell(&ok, REVIEW_COL_PROBLEMS), "missing");
	assert_string_equal(cell(&ok, REVIEW_COL_WARNINGS), "numbering;no_year");
	/* sorting: a known year before an unknown one, whichever way round they are given */
	assert_true(review_row_cmp(&ok, &failed, REVIEW_COL_YEAR) < 0);
	assert_true(review_row_cmp(&failed, &ok, REVIEW_COL_YEAR) > 0);
	for (int c = 0; c < REVIEW_NCOLUMNS; c++)
		assert_non_null(review_column_name(c));
	assert_null(review_column_name(REVIEW_NCOLUMNS));
}

/* ---- missing parts ---- */

static void add_numeral(struct buf *b, const char *old, size_t n, int v)
{
	static const char *const cn[] = { "", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
	if (n && old[0] >= '0' && old[0] <= '9')
		buf_printf(b, "%d", v);
	else
		buf_adds(b, v <= 10 ? cn[v] : "十");
}

/* The text of r without the sections given part (the outermost of them), the later siblings of
 * each renumbered, as a writer deleting the chapter would: 一、二、四、 would be a numbering error. */
static char *without_part(const struct report *r, int part)
{
	struct buf b = { 0 };
	size_t at = 0;
	int *removed = xcalloc(r->nsections + 1, sizeof *removed);   /* per parent + 1: siblings removed */
	size_t skip_to = 0;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->start < skip_to)
			continue;
		int *gone = &removed[s->parent + 1];
		if (s->part == part) {
			buf_add(&b, r->text + at, s->start - at);
			at = skip_to = s->end;
			(*gone)++;
		} else if (*gone) {
			double v;
			size_t n = s->number_end - s->number_start;
			if (facts_parse_number(r->text + s->number_start, n, &v) != n)
				continue;
			buf_add(&b, r->text + at, s->number_start - at);
			add_numeral(&b, r->text + s->number_start, n, (int)v - *gone);
			at = s->number_end;
		}
	}
	buf_add(&b, r->text + at, r->len - at);
	free(removed);
	return buf_take(&b);
}

static void check_deleting_parts(struct report *r)
{
	struct read before;
	read_report(&before, r);
	struct review_row row;
	review_row_fill(&row, r, &before.paras, before.facts.n, REVIEW_DEADLINE_DEFAULT);
	for (int p = 0; p < CLASSIFY_NPARTS; p++) {
		if (!(REVIEW_REQUIRED_PARTS & 1u << p) || review_row_part(&row, p) != REVIEW_PART_HEADED)
			continue;
		char *text = without_part(r, p);
		struct read after;
		read_report(&after, parse_report(text, strlen(text), r->path));
		struct review_row row2;
		review_row_fill(&row2, after.r, &after.paras, after.facts.n, REVIEW_DEADLINE_DEFAULT);
		/* the part goes, and every other part headed stays headed (one stated only in paragraphs
		 * of the deleted chapter goes with it) */
		assert_int_not_equal(review_row_part(&row2, p), REVIEW_PART_HEADED);
		for (int q = 0; q < CLASSIFY_NPARTS; q++)
			if (q != p && REVIEW_REQUIRED_PARTS & 1u << q && review_row_part(&row, q) == REVIEW_PART_HEADED) {
				if (review_row_part(&row2, q) != REVIEW_PART_HEADED)
					print_error("%s: deleting %s lost %s\n", r->path, classify_part_name(p), classify_part_name(q));
				assert_int_equal(review_row_part(&row2, q), REVIEW_PART_HEADED);
			}
		size_t line, missing = 0;
		for (size_t i = 0; i < after.found.n; i++)
			if (after.found.v[i].kind == REVIEW_MISSING_PART && after.found.v[i].severity == REVIEW_ERROR)
				missing += strstr(after.found.v[i].message, classify_part_name(p)) != NULL;
		assert_int_equal(missing, review_row_part(&row2, p) == REVIEW_PART_MISSING);
		assert_int_equal(count_kind(&after, REVIEW_NUMBERING, &line), count_kind(&before, REVIEW_NUMBERING, &line));
		read_fini(&after);
	}
	before.r = NULL;   /* the caller's */
	read_fini(&before);
}


/* The row filled from a report's digest (what the index keeps) has every cell of the row filled
 * from parsing it: the embedded samples and the forms the parser meets. */
static void rows_match_digest(struct corpus *co)
{
	struct buf bytes = { 0 };
	struct digest d = { 0 };
	for (size_t k = 0; k < co->n; k++) {
		struct report *r = corpus_get(co, k);
		struct classify_paras paras = { 0 };
		struct facts facts = { 0 };
		struct review_row parsed, digested;
		review_read(cmodel(), fmodel(), r, &paras, &facts);
		review_row_fill(&parsed, r, &paras, facts.n, REVIEW_DEADLINE_DEFAULT);
		buf_reset(&bytes);
		digest_of(r, &paras, fmodel(), &bytes);
		assert_int_equal(digest_decode(bytes.data, bytes.len, &d), 0);
		assert_int_equal(review_row_from_digest(&digested, r->path, &d, REVIEW_DEADLINE_DEFAULT), 0);
		for (int c = 0; c < REVIEW_NCOLUMNS; c++) {
			char want[512];
			snprintf(want, sizeof want, "%s", cell(&parsed, c));
			assert_string_equal(cell(&digested, c), want);
		}
		assert_int_equal(digested.nwarnings, parsed.nwarnings);
		facts_fini(&facts);
		classify_paras_fini(&paras);
	}
	digest_fini(&d);
	buf_fini(&bytes);
}

static void test_rows_from_digests(void **state)
{
	(void)state;
	struct corpus co;
	corpus_init(&co);
	corpus_add_embedded(&co);
	corpus_add_path(&co, "tests/forms/reports");
	assert_true(co.n > 30);
	rows_match_digest(&co);
	corpus_fini(&co);

	struct digest none = { 0 };   /* facts not extracted (a report past DIGEST_FACTS_MAX) */
	struct review_row row;
	assert_int_equal(review_row_from_digest(&row, "big.txt", &none, REVIEW_DEADLINE_DEFAULT), -1);
}

static void test_deleting_a_part(void **state)
{
	(void)state;
	static const char written[] =
		"某某县人民政府关于2022年度法治政府建设情况的报告\n"
		"2022年，某某县坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效。\n"
		"一、2022年推进法治政府建设的主要举措和成效\n"
		"（一）深化行政审批制度改革。全年取消和下放行政许可事项12项，政务服务事项全部实现网上可办。\n"
		"（二）规范行政执法行为。全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度。\n"
		"二、存在的不足和原因\n"
		"一是部分领导干部运用法治思维和法治方式解决问题的能力有待提升；二是基层执法队伍专业化水平不高。\n"
		"三、党政主要负责人履行推进法治建设第一责任人职责情况\n"
		"县政府主要负责人认真履行推进法治建设第一责任人职责，全年主持召开常务会议专题研究法治政府建设工作4次。\n"
		"四、2023年推进法治政府建设的主要安排\n"
		"（一）持续深化依法行政。进一步健全依法决策机制，提升行政执法规范化水平。\n"
		"（二）加强法治宣传教育。深入开展八五普法，推动法治文化阵地建设。\n";
	struct report *r = parse_report(xstrdup(written), strlen(written), "written.txt");
	check_deleting_parts(r);
	report_free(r);
	struct corpus co;
	corpus_init(&co);
	corpus_add_embedded(&co);
	corpus_add_path(&co, "tests/real/reports");
	for (size_t k = 0; k < co.n; k++)
		check_deleting_parts(corpus_get(&co, k));
	corpus_fini(&co);
}

/* ---- numbering ---- */

static const char frame_head[] =
	"某某区人民政府关于2021年法治政府建设情况的报告\n"
	"2021年，某某区坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得新成效。\n";

/* A written report: frame_head, then body; its findings of a kind and the line of the first. */
static size_t findings_in(const char *body, int kind, size_t *line)
{
	struct buf b = { 0 };
	buf_adds(&b, frame_head);
	buf_adds(&b, body);
	struct read rd;
	read_text(&rd, b.data);
	*line = 0;
	size_t n = count_kind(&rd, kind, line);
	read_fini(&rd);
	buf_fini(&b);
	return n;
}

static void test_numbering_forms(void **state)
{
	(void)state;
	static const struct {
		const char *body;
		size_t line;   /* of the first numbering finding, 0: none */
	} rows[] = {
		{ "一、主要举措\n（一）简政放权。取消许可事项。\n（二）依法决策。审查全覆盖。\n（三）规范执法。推行三项制度。\n"
		  "二、存在的问题\n问题仍然存在。\n", 0 },
		/* a numeral repeated */
		{ "一、主要举措\n（一）简政放权。取消许可事项。\n（一）依法决策。审查全覆盖。\n（三）规范执法。推行三项制度。\n", 5 },
		/* a gap below a chapter */
		{ "一、主要举措\n（一）简政放权。取消许可事项。\n（三）规范执法。推行三项制度。\n", 5 },
		/* a gap between chapters: the tree does not take 四、 */
		{ "一、主要举措\n工作扎实推进。\n二、存在的问题\n问题仍然存在。\n四、下一步工作安排\n继续努力。\n", 7 },
		/* a level skipped: 1. straight under 一、; ① enumerates at any depth */
		{ "一、主要举措\n（一）简政放权。\n①取消许可事项12项；②下放事项8项。\n", 0 },
		{ "一、主要举措\n1.简政放权。取消许可事项。\n2.依法决策。审查全覆盖。\n二、存在的问题\n问题仍然存在。\n", 4 },
		/* the 一、 list starting again in each part (第X部分) is no repeat; in one part it is */
		{ "第一部分　主要举措\n一、简政放权\n取消许可事项。\n二、依法决策\n审查全覆盖。\n第二部分　存在的问题\n"
		  "一、基层力量薄弱\n问题仍然存在。\n", 0 },
		{ "第一部分　主要举措\n一、简政放权\n取消许可事项。\n二、依法决策\n审查全覆盖。\n一、规范执法\n"
		  "推行三项制度。\n", 8 },
		/* points repeated */
		{ "一、主要举措\n一是简政放权；二是依法决策；二是规范执法。\n", 4 },
		{ "一、主要举措\n一是简政放权。\n二是依法决策。\n二是规范执法。\n", 6 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		size_t line, n = findings_in(rows[i].body, REVIEW_NUMBERING, &line);
		if ((n != 0) != (rows[i].line != 0) || line != rows[i].line)
			print_error("row %zu: %zu findings, first on line %zu\n", i, n, line);
		assert_int_equal(n != 0, rows[i].line != 0);
		assert_int_equal(line, rows[i].line);
	}
}

/* The leader's duty is covered without a heading of its own when a paragraph of measures states
 * it in its standard phrases; a mention among problems or plans does not cover it. */
static void test_leader_duty_unheaded(void **state)
{
	(void)state;
	static const struct {
		const char *measures, *problems, *plans;
		int want;   /* enum review_part_state */
	} rows[] = {
		{ "区委、区政府主要负责人认真履行推进法治建设第一责任人职责，做到重要工作亲自部署、重大问题亲自过问。", "", "",
		  REVIEW_PART_UNHEADED },
		{ "局主要负责人在区委全面依法治区委员会会议上专题述法，对本局履行法治建设职责情况作出说明。", "", "",
		  REVIEW_PART_UNHEADED },
		{ "区政府主要负责人主持召开法治政府建设专题会议4次，研究解决重大问题。", "", "", REVIEW_PART_UNHEADED },
		{ "坚持把法治政府建设摆在全局工作的重要位置，党政主要领导严格履行法治政府建设第一责任人职责。", "", "",
		  REVIEW_PART_UNHEADED },
		{ "管委会党组认真履行法治建设主体责任，主要负责同志带头学习习近平法治思想。", "", "", REVIEW_PART_UNHEADED },
		{ "成立法治政府建设领导小组，各处室主要负责人为成员，统筹推进各项工作。", "", "", REVIEW_PART_MISSING },
		{ "主要负责人带头出庭应诉2次，行政机关负责人出庭应诉率达100%。", "", "", REVIEW_PART_MISSING },
		{ "成立法治政府建设领导小组，统筹推进各项工作。", "少数部门主要负责人履行第一责任人职责仍有差距。", "",
		  REVIEW_PART_MISSING },
		{ "成立法治政府建设领导小组，统筹推进各项工作。", "",
		  "（一）全面落实党政主要负责人履行推进法治建设第一责任人职责。", REVIEW_PART_MISSING },
	};
	char text[2048];
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		snprintf(text, sizeof text, "%s一、主要举措和成效\n（一）加强组织领导。%s\n（二）深化放管服改革。全年取消行政许可事项12项。\n"
			 "二、存在的问题\n一是基层执法力量薄弱。%s\n三、2022年工作安排\n%s\n（二）深化行政执法体制改革。\n",
			 frame_head, rows[i].measures, rows[i].problems, rows[i].plans);
		struct read rd;
		read_text(&rd, text);
		struct review_row row;
		review_row_fill(&row, rd.r, &rd.paras, rd.facts.n, REVIEW_DEADLINE_DEFAULT);
		int got = review_row_part(&row, CLASSIFY_LEADER_DUTY);
		if (got != rows[i].want)
			print_error("row %zu: leader_duty %d\n", i, got);
		assert_int_equal(got, rows[i].want);
		size_t errors = 0, warnings = 0;   /* missing an error, unheaded a warning */
		for (size_t k = 0; k < rd.found.n; k++)
			if (rd.found.v[k].kind == REVIEW_MISSING_PART && strstr(rd.found.v[k].message, "leader_duty"))
				rd.found.v[k].severity == REVIEW_ERROR ? errors++ : warnings++;
		assert_int_equal(errors, rows[i].want == REVIEW_PART_MISSING);
		assert_int_equal(warnings, rows[i].want == REVIEW_PART_UNHEADED);
		read_fini(&rd);
	}
	/* a flat page whose first point names the duty and runs on into its text */
	static const char flat[] = "某某局2022年法治政府建设工作报告\n"
		"一、工作开展情况（一）党政主要负责人履行推进法治建设第一责任人职责一是加强组织领导，成立法治建设工作领导小组。"
		"（二）推进依法行政。全年审查合同20份。二、存在的问题基层执法力量薄弱。三、2023年工作打算持续推进依法行政。\n";
	struct read rd;
	read_text(&rd, flat);
	struct review_row row;
	review_row_fill(&row, rd.r, &rd.paras, rd.facts.n, REVIEW_DEADLINE_DEFAULT);
	assert_int_not_equal(review_row_part(&row, CLASSIFY_LEADER_DUTY), REVIEW_PART_MISSING);
	read_fini(&rd);
}

/* ---- year, title, late ---- */

static void test_year_and_title(void **state)
{
	(void)state;
	struct read rd;
	size_t line;
	read_text(&rd, "关于2021年法治政府建设情况的报告\n2020年，我区坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效，现报告如下。\n"
		       "一、主要举措\n工作扎实推进。\n");
	assert_int_equal(count_kind(&rd, REVIEW_YEAR, &line), 1);
	assert_int_equal(line, 2);
	read_fini(&rd);
	read_text(&rd, "关于2021年法治政府建设情况的报告\n2021年，我区坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效，现报告如下。\n"
		       "一、主要举措\n工作扎实推进。\n二、2021年工作计划\n继续努力。\n");
	assert_int_equal(count_kind(&rd, REVIEW_YEAR, &line), 1);   /* plans for the year reported on */
	assert_int_equal(line, 5);
	assert_int_equal(count_kind(&rd, REVIEW_TITLE, &line), 0);
	read_fini(&rd);
	read_text(&rd, "我区坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效，现报告如下。\n一、主要举措\n工作扎实推进。\n");
	assert_int_equal(count_kind(&rd, REVIEW_TITLE, &line), 1);
	assert_int_equal(count_kind(&rd, REVIEW_YEAR, &line), 1);   /* no year at all */
	read_fini(&rd);
	read_text(&rd, "发布日期：2022-05-10\n关于2021年法治政府建设情况的报告\n2021年，我区坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效。\n"
		       "一、2021年主要举措\n工作扎实推进。\n二、2022年工作计划\n继续努力。\n");
	assert_string_equal(rd.r->meta.published, "2022-05-10");
	assert_int_equal(count_kind(&rd, REVIEW_LATE, &line), 1);
	assert_int_equal(count_kind(&rd, REVIEW_YEAR, &line), 0);
	read_fini(&rd);
	/* the body the title names and the one that signs */
	static const char signed_by[] = "%s人民政府关于2022年度法治政府建设情况的报告\n"
		"2022年，我们坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效。\n"
		"一、主要举措\n工作扎实推进。\n%s人民政府\n2023年3月1日\n";
	static const struct {
		const char *title, *signature;
		size_t findings;
	} bodies[] = { { "某某县", "某某区", 1 }, { "乌镇镇", "桐乡市乌镇镇", 0 }, { "某某县", "某某县", 0 } };
	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		char text[1024];
		snprintf(text, sizeof text, signed_by, bodies[i].title, bodies[i].signature);
		read_text(&rd, text);
		assert_int_equal(count_kind(&rd, REVIEW_TITLE, &line), bodies[i].findings);
		read_fini(&rd);
	}
	read_text(&rd, "发布日期：2022-05-10\n关于2021年法治政府建设情况的报告\n2021年，我区坚持以习近平法治思想为指导，扎实推进法治政府建设，各项工作取得明显成效。\n"
		       "一、2021年主要举措\n工作扎实推进。\n二、2022年工作计划\n继续努力。\n");
	struct review_findings later = { 0 };
	struct review_deadline june = { 6, 30 };
	review_check(rd.r, &rd.paras, fmodel(), &rd.facts, june, &later);
	for (size_t i = 0; i < later.n; i++)
		assert_int_not_equal(later.v[i].kind, REVIEW_LATE);
	review_findings_fini(&later);
	read_fini(&rd);
}

/* ---- figures ---- */

static void test_figures(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		int contradicts;
	} rows[] = {
		{ "全年共收到行政复议申请50件，受理60件。", 1 },
		{ "全年共收到行政复议申请50件，受理45件，不予受理5件。", 0 },
		{ "共收到行政复议申请103宗，不受理12宗（其中转送10宗，不予受理1宗，告知处理1宗），受理91宗。", 0 },
		{ "共收到行政复议申请103宗，不受理12宗（其中转送10宗，不予受理3宗），受理91宗。", 1 },
		{ "新收一审行政应诉案件46件（其中以区政府为被告的30件，以部门为被告的20件）。", 1 },
		{ "现行有效的规范性文件30件，其中以区政府名义制发的12件，以部门名义制发的18件，宣布废止4件。", 0 },
		{ "现行有效的规范性文件30件，其中以区政府名义制发的12件，以部门名义制发的20件。", 1 },
		/* figures of other metrics under 其中 are attributes of the total, not shares of it */
		{ "县政府作为被告的行政诉讼案件57件，其中审结43件，败诉2件，行政机关负责人出庭应诉31件。", 0 },
		{ "行政机关负责人出庭应诉率达120%。", 1 },
		{ "行政机关负责人出庭应诉率达100%。", 0 },
		{ "行政机关负责人出庭应诉率同比提高142%。", 0 },   /* a change, not a proportion */
		/* a part above its whole counts within one paragraph, not across paragraphs */
		{ "全年共收到行政复议申请50件。\n受理60件。", 0 },
		{ "全年审结行政复议案件20件，调解、和解等终止25件。", 1 },
		/* parts apart from each other summing past their whole (sum lines), each stated once */
		{ "全年审结行政复议案件20件，维持12件，驳回复议申请3件，撤销或责令4件，调解、和解等终止3件。", 1 },
		{ "全年审结行政复议案件22件，维持12件，驳回复议申请3件，撤销或责令4件，调解、和解等终止3件。", 0 },
		{ "全年审结行政复议案件20件，维持12件，驳回复议申请3件，撤销或责令4件，调解、和解等终止3宗。", 1 },   /* 宗 is 件 */
		{ "全年审结行政复议案件20件，维持12万件，驳回复议申请3件，撤销或责令6件。", 0 },   /* other units */
		{ "全年审结行政复议案件20件，维持12件，驳回复议申请3件，撤销或责令6件。2021年审结行政复议案件15件。", 0 },   /* two wholes */
		{ "全年审结行政复议案件20件，维持12件。\n驳回复议申请3件，撤销或责令6件。", 0 },   /* two paragraphs */
		{ "行政诉讼审结30件，驳回诉讼请求20件，撤诉8件，败诉5件。", 1 },
		{ "全年共收到行政复议申请50件，受理45件，不予受理8件。", 1 },
	};
	char body[512];
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		size_t line;
		snprintf(body, sizeof body, "一、主要举措\n%s\n", rows[i].text);
		size_t n = findings_in(body, REVIEW_FIGURES, &line);
		if ((n != 0) != rows[i].contradicts)
			print_error("row %zu: %zu figures findings\n", i, n);
		assert_int_equal(n != 0, rows[i].contradicts);
	}
}

/* The part-within-whole lines come from the catalogue: one that names none finds nothing, and
 * a catalogue (FAZHI_METRICS) may add its own. */
static void test_bounds_from_the_catalogue(void **state)
{
	(void)state;
	static const char base[] = "metric\tx_all\t全部件数\nmetric\tx_a\t甲类件数\nmetric\tx_b\t乙类件数\n"
				   "x_all\t共有{N:件}\nx_a\t甲类{N:件}\nx_b\t乙类{N:件}\n";
	static const struct {
		const char *extra, *text;
		int contradicts;
	} rows[] = {
		{ "", "共有10件，甲类12件。", 0 },
		{ "within\tx_a\tx_all\n", "共有10件，甲类12件。", 1 },
		{ "within\tx_a\tx_all\n", "共有10件，甲类8件。", 0 },
		{ "sum\tx_all\tx_a|x_b\n", "共有10件，甲类6件，乙类5件。", 1 },
		{ "sum\tx_all\tx_a|x_b\n", "共有10件，甲类6件，乙类4件。", 0 },
		{ "within\tx_b\tx_all\n", "共有10件，甲类6件，乙类5件。", 0 },
	};
	char text[512], cat[512];
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		snprintf(cat, sizeof cat, "%s%s", base, rows[i].extra);
		char *cause = NULL;
		struct facts_model *m = facts_model_new(cat, strlen(cat), &cause);
		assert_non_null(m);
		snprintf(text, sizeof text, "%s一、主要举措\n%s\n", frame_head, rows[i].text);
		struct report *r = parse_report(xstrdup(text), strlen(text), "written.txt");
		struct facts facts = { 0 };
		struct review_findings found = { 0 };
		facts_extract(m, r, &facts);
		review_check(r, NULL, m, &facts, REVIEW_DEADLINE_DEFAULT, &found);
		size_t n = 0;
		for (size_t k = 0; k < found.n; k++)
			n += found.v[k].kind == REVIEW_FIGURES;
		if ((n != 0) != rows[i].contradicts)
			print_error("row %zu: %zu figures findings\n", i, n);
		assert_int_equal(n != 0, rows[i].contradicts);
		review_findings_fini(&found);
		facts_fini(&facts);
		report_free(r);
		facts_model_free(m);
	}
	static const char *const bad[] = { "within\tx_a\n", "within\tx_a\tx_all\tx_b\n", "sum\tx_all\tx_a\n",
					   "sum\tx_all\tx_a||x_b\n", "within\tx_c\tx_all\n", "sum\tx_all\tx_a|x_bb\n" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		snprintf(cat, sizeof cat, "%s%s", base, bad[i]);
		char *cause = NULL;
		assert_null(facts_model_new(cat, strlen(cat), &cause));
		assert_non_null(strstr(cause, "line 7"));
		free(cause);
	}
	const struct facts_bound *v;   /* the shipped catalogue states 受理 within 收到 */
	size_t n = facts_bounds(fmodel(), &v), found = 0;
	for (size_t k = 0; k < n; k++)
		found += !v[k].summed && v[k].nparts == 1 && v[k].whole == facts_metric_id(fmodel(), "rev_received") &&
			 v[k].parts[0] == facts_metric_id(fmodel(), "rev_accepted");
	assert_int_equal(found, 1);
}

/* ---- repeated sections ---- */

static void test_repeated(void **state)
{
	(void)state;
	static const char shared[] =
		"（二）规范行政执法行为。全面推行行政执法公示制度、执法全过程记录制度和重大执法决定法制审核制度，组织开展行政执法案卷评查活动。"
		"严格落实行政执法责任制，健全行政执法人员资格管理制度，组织全县执法人员参加公共法律知识培训和考试。\n";
	struct buf a = { 0 }, b = { 0 };
	buf_adds(&a, "关于2022年法治政府建设情况的报告\n2022年，我县扎实推进法治政府建设。\n一、主要举措\n"
		     "（一）深化放管服改革。县政府全面梳理政务服务事项清单，推动高频事项一件事一次办，企业开办时间压缩至一个工作日以内。"
		     "完成工程建设项目审批制度改革，审批时限压减至法定时限的一半，并建成县镇村三级便民服务网络。"
		     "出台优化营商环境十条措施，开展涉企行政检查专项清理，减少重复检查三成以上。\n");
	buf_adds(&a, shared);
	buf_adds(&b, "关于2021年法治政府建设情况的报告\n2021年，我县扎实推进法治政府建设。\n一、主要举措\n"
		     "（一）推进依法科学民主决策。严格执行重大行政决策程序暂行条例，决策事项全部经过合法性审查和集体讨论决定程序。"
		     "编制年度重大行政决策事项目录并向社会公布，对涉及群众切身利益的决策事项开展听证和风险评估。"
		     "健全政府法律顾问制度，法律顾问全程参与重大决策论证和重要合同审查。\n");
	buf_adds(&b, shared);
	struct report *ra = parse_report(xstrdup(a.data), a.len, "2022.txt");
	struct report *rb = parse_report(xstrdup(b.data), b.len, "2021.txt");
	struct review_findings f = { 0 };
	struct review_sentences *two = review_sentences_new();
	assert_int_equal(review_sentences_add(two, ra), 0);
	assert_int_equal(review_sentences_add(two, rb), 1);
	assert_int_equal(review_check_repeated(two, 0, &f), 1);
	assert_int_equal(f.v[0].kind, REVIEW_REPEATED);
	assert_non_null(strstr(f.v[0].message, "2021.txt"));
	struct report_lines cur = { 0 };
	assert_int_equal(report_line_of(ra, f.v[0].at, &cur), 5);   /* （二）, not 一、 nor （一） */
	f.n = 0;
	assert_int_equal(review_check_repeated(two, 1, &f), 1);   /* and the other way round */
	assert_non_null(strstr(f.v[0].message, "2022.txt"));
	review_sentences_free(two);
	f.n = 0;
	/* reports of other places share no section; a report given twice repeats itself */
	struct corpus co;
	corpus_init(&co);
	corpus_add_embedded(&co);
	struct review_sentences *samples = review_sentences_new();
	review_sentences_add(samples, ra);
	for (size_t k = 0; k < co.n; k++)
		review_sentences_add(samples, corpus_get(&co, k));
	for (size_t k = 0; k <= co.n; k++)
		assert_int_equal(review_check_repeated(samples, (int)k, &f), 0);
	review_sentences_add(samples, corpus_get(&co, 0));
	assert_true(review_check_repeated(samples, 1, &f) > 0);
	assert_non_null(strstr(f.v[0].message, corpus_get(&co, 0)->path));
	review_sentences_free(samples);
	review_findings_fini(&f);
	corpus_fini(&co);
	report_free(ra);
	report_free(rb);
	buf_fini(&a);
	buf_fini(&b);
}

/* Findings of report 0 against report 1, each made of a frame and one chapter of text. */
static size_t repeated_between(const char *now, const char *before)
{
	struct buf a = { 0 }, b = { 0 };
	buf_adds(&a, "关于2022年法治政府建设情况的报告\n一、主要举措\n（一）规范行政执法。");
	buf_adds(&a, now);
	buf_adds(&b, "关于2021年法治政府建设情况的报告\n一、主要举措\n（一）规范行政执法。");
	buf_adds(&b, before);
	struct report *ra = parse_report(xstrdup(a.data), a.len, "2022.txt");
	struct report *rb = parse_report(xstrdup(b.data), b.len, "2021.txt");
	struct review_sentences *two = review_sentences_new();
	review_sentences_add(two, ra);
	review_sentences_add(two, rb);
	struct review_findings f = { 0 };
	size_t n = review_check_repeated(two, 0, &f);
	for (size_t k = 0; k < f.n; k++)
		assert_non_null(strstr(f.v[k].message, "2021.txt"));
	review_findings_fini(&f);
	review_sentences_free(two);
	report_free(ra);
	report_free(rb);
	buf_fini(&a);
	buf_fini(&b);
	return n;
}

/* A section counts as repeated when its sentences stand in the other report with only their
 * figures changed, or reworded a little; not when it says other things. */
static void test_repeated_forms(void **state)
{
	(void)state;
	static const char last[] =
		"全年开展行政执法案卷评查3次，评查案卷120卷，发现问题15个并全部督促整改到位。"
		"组织全县1200名执法人员参加公共法律知识培训和考试，考试合格率达到98.5%。"
		"严格落实行政执法责任制，健全行政执法人员资格管理制度，清理执法证件35个。\n";
	static const struct {
		const char *now;
		size_t findings;
	} rows[] = {
		{ last, 1 },   /* word for word */
		/* the figures updated */
		{ "全年开展行政执法案卷评查4次，评查案卷156卷，发现问题21个并全部督促整改到位。"
		  "组织全县1350名执法人员参加公共法律知识培训和考试，考试合格率达到99.1%。"
		  "严格落实行政执法责任制，健全行政执法人员资格管理制度，清理执法证件42个。\n", 1 },
		/* reworded a little: a word changed or dropped in each sentence */
		{ "全年开展行政执法案卷评查3次，共评查案卷120卷，发现问题15个并全部督促整改到位。"
		  "组织全县1200名执法人员参加公共法律知识培训和考试，考试合格率达到了98.5%。"
		  "严格落实行政执法责任制，健全执法人员资格管理制度，清理执法证件35个。\n", 1 },
		/* other things said */
		{ "推行行政执法公示制度，执法主体、依据、程序和结果全部在政府网站公开。"
		  "建成全县统一的行政执法信息平台，实现执法全过程音像记录可回溯管理。"
		  "开展包容审慎监管，对首次轻微违法行为依法不予处罚的事项清单动态调整。\n", 0 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		size_t n = repeated_between(rows[i].now, last);
		if (n != rows[i].findings)
			print_error("row %zu: %zu repeated findings\n", i, n);
		assert_int_equal(n, rows[i].findings);
	}
	/* a section of one sentence: copied figures and all it is repeated; with other figures it
	 * is the update of a statistic every report gives */
	static const char one[] = "全年开展行政执法案卷评查3次，评查案卷120卷，发现问题15个并全部督促整改到位，案卷合格率达到98.5%。\n";
	assert_int_equal(repeated_between(one, one), 1);
	assert_int_equal(repeated_between("全年开展行政执法案卷评查4次，评查案卷156卷，发现问题21个并全部督促整改到位，"
					  "案卷合格率达到99.1%。\n", one), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body_chars),
		cmocka_unit_test(test_deadline),
		cmocka_unit_test(test_rows_of_the_samples),
		cmocka_unit_test(test_rows_from_digests),
		cmocka_unit_test(test_deleting_a_part),
		cmocka_unit_test(test_leader_duty_unheaded),
		cmocka_unit_test(test_numbering_forms),
		cmocka_unit_test(test_year_and_title),
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_bounds_from_the_catalogue),
		cmocka_unit_test(test_repeated),
		cmocka_unit_test(test_repeated_forms),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	facts_default_free();
	classify_default_free();
	return failed;
}
