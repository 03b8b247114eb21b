/* test_33_record.c — reports a crawler stored as a JSON object read as the field lines and text their page showed, English field names read as page furniture, and other text left as it is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse.h"
#include "parse_scan.h"
#include "record.h"
#include "report.h"
#include "xmalloc.h"

/* A body long enough to be a record's text (RECORD_TEXT_MIN), with its line ends as `nl`. */
static char *body(const char *nl)
{
	const char *lines[] = {
		"市人民政府：", "2022年，甲县坚持以习近平法治思想为指导，全面推进法治政府建设，现将有关情况报告如下：",
		"一、主要举措和成效", "（一）加强组织领导。县政府常务会议专题研究法治政府建设工作6次。",
		"（二）完善制度体系。审核规范性文件12件。", "二、存在的问题", "一是法治意识有待提高。",
		"三、下一步工作安排", "继续推进。", "甲县人民政府", "2023年2月20日",
	};
	struct { char *p; size_t n; } b = { NULL, 0 };
	for (size_t k = 0; k < sizeof lines / sizeof *lines; k++) {
		char *next = xasprintf("%s%s%s", b.p ? b.p : "", k ? nl : "", lines[k]);
		free(b.p);
		b.p = next;
	}
	return b.p;
}

/* The text of s as the corpus reads it: a record's fields and text, else s (caller frees). */
static char *read_as_page(const char *s)
{
	char *t = xstrdup(s);
	size_t n = strlen(t);
	if (record_like(t, n))
		n = record_plain(t, n);
	assert_int_equal(strlen(t), n);
	return t;
}

static struct report *parsed(const char *s)
{
	char *t = read_as_page(s);
	return parse_report(t, strlen(t), "record");   /* which owns t */
}

/* A record with escaped line ends: its short strings as field lines in their order, the text
 * last; numbers, lists and objects left out. */
static void test_fields_then_text(void **state)
{
	(void)state;
	char *b = body("\\n");
	char *s = xasprintf("{\n  \"title\": \"甲县人民政府关于2022年度法治政府建设情况的报告\",\n"
	                    "  \"views\": 123, \"tags\": [\"法治\"], \"meta\": {\"a\": \"}\"},\n"
	                    "  \"content\": \"%s\",\n  \"url\": \"http://x.gov.cn/a.html\"\n}\n", b);
	char *t = read_as_page(s);
	char *want = xasprintf("title: 甲县人民政府关于2022年度法治政府建设情况的报告\nurl: http://x.gov.cn/a.html\n\n%s",
	                       strstr(s, "市人民政府："));
	*strstr(want, "\",\n  \"url\"") = '\0';
	for (char *p; (p = strstr(want, "\\n"));)
		memmove(p, "\n", 1), memmove(p + 1, p + 2, strlen(p + 2) + 1);
	assert_string_equal(t, want);
	assert_true(parse_starts(t, record_text_start(t, strlen(t)), strlen(t), "市人民政府："));
	free(want);
	free(t);
	free(s);
	free(b);
}

/* The metadata comes from the fields: title, page date (not the crawl's), document number; the
 * chapters from the text; the same when the record was flattened to text (raw line ends). */
static void test_parsed(void **state)
{
	(void)state;
	const char *nls[] = { "\\n", "\n", "\\r\\n" };
	for (size_t k = 0; k < 3; k++) {
		char *b = body(nls[k]);
		char *s = xasprintf("{\"crawl_time\": \"2024-05-01 01:00:00\", \"title\": \"甲县人民政府关于2022年度法治政府建设情况的报告\","
		                    "\"publishTime\": \"2023-03-02 10:00:00\", \"doc_no\": \"甲府发〔2023〕5号\", \"content\": \"%s\"}", b);
		struct report *r = parsed(s);
		assert_string_equal(r->meta.title, "甲县人民政府关于2022年度法治政府建设情况的报告");
		assert_string_equal(r->meta.published, "2023-03-02");
		assert_string_equal(r->meta.doc_number, "甲府发〔2023〕5号");
		assert_int_equal(r->meta.year, 2022);
		assert_int_equal(report_count_level(r, 1), 3);
		assert_int_equal(report_count_level(r, 2), 2);
		assert_null(strstr(r->text + r->body_start, "crawl_time"));
		report_free(r);
		free(s);
		free(b);
	}
}

/* Escapes: a surrogate pair is one character, a lone surrogate U+FFFD, \u0000 nothing, a
 * control character a placeholder of clean text, \" and \\ themselves. */
static void test_escapes(void **state)
{
	(void)state;
	char *b = body("\\n");
	char *s = xasprintf("{\"x\": \"\\ud83d\\ude00|\\ud800|\\u0000|\\u001b|\\\"|\\\\|\\u4e00\", \"t\": \"%s\"}", b);
	char *t = read_as_page(s);
	assert_true(strncmp(t, "x: \xf0\x9f\x98\x80|\xef\xbf\xbd||", strlen("x: \xf0\x9f\x98\x80|\xef\xbf\xbd||")) == 0);
	assert_null(strchr(t, 0x1b));
	assert_non_null(strstr(t, "|\"|\\|一\n"));
	free(t);
	free(s);
	free(b);
}

/* Not a record: a report opening with {, an object with no long string, broken JSON. */
static void test_others_untouched(void **state)
{
	(void)state;
	char *b = body("\\n");
	char *broken = xasprintf("{\"title\": \"甲\" \"content\": \"%s\"}", b);
	const char *texts[] = { "{一}、主要工作\n正文。\n", "{\"title\": \"甲县报告\", \"n\": 3}", broken };
	for (size_t k = 0; k < 3; k++) {
		assert_false(record_like(texts[k], strlen(texts[k])));
		char *t = read_as_page(texts[k]);
		assert_string_equal(t, texts[k]);
		free(t);
	}
	free(broken);
	free(b);
}

/* English field names, in any case with _ or -, quoted or not; unknown names and sentences are none. */
static void test_english_fields(void **state)
{
	(void)state;
	const struct { const char *line; int kind; const char *value; } cases[] = {
		{ "title: 甲县报告", PARSE_FIELD_TITLE, "甲县报告" },
		{ "\"publishTime\": \"2023-03-02\",", PARSE_FIELD_PUBLISHED, "2023-03-02" },
		{ "Publish-Date：2023-03-02", PARSE_FIELD_PUBLISHED, "2023-03-02" },
		{ "PUB_DATE : 2023-03-02", PARSE_FIELD_PUBLISHED, "2023-03-02" },
		{ "doc_no: 甲府发〔2023〕5号", PARSE_FIELD_DOC_NUMBER, "甲府发〔2023〕5号" },
		{ "crawl_time: 2024-05-01", PARSE_FIELD_OTHER, "2024-05-01" },
		{ "url: http://x.gov.cn/", PARSE_FIELD_OTHER, "http://x.gov.cn/" },
		{ "content:", PARSE_FIELD_TEXT, "" },
		{ "note: 甲", PARSE_FIELD_NONE, NULL },
		{ "title 甲县报告", PARSE_FIELD_NONE, NULL },
		{ "一、title: 甲", PARSE_FIELD_NONE, NULL },
		{ "averyveryveryverylongfieldname: 1", PARSE_FIELD_NONE, NULL },
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		const char *s = cases[k].line;
		size_t v = 0, e = 0;
		int kind = parse_english_field(s, 0, strlen(s), &v, &e);
		assert_int_equal(kind, cases[k].kind);
		if (cases[k].value) {
			assert_int_equal(e - v, strlen(cases[k].value));
			assert_memory_equal(s + v, cases[k].value, e - v);
		}
	}
}

/* An archive's header of English fields above the page: the fields are furniture and give the
 * metadata the page does not state; a date a crawler stamps is none. */
static void test_english_header(void **state)
{
	(void)state;
	char *b = body("\n");
	char *s = xasprintf("url: http://x.gov.cn/a.html\ncrawl_time: 2024-05-01 01:00:00\n"
	                    "title: 甲县人民政府关于2022年度法治政府建设情况的报告\nsource: 甲县人民政府\n"
	                    "publish_date: 2023-03-02\n==========\n%s\n", b);
	struct report *r = parsed(s);
	assert_string_equal(r->meta.title, "甲县人民政府关于2022年度法治政府建设情况的报告");
	assert_string_equal(r->meta.published, "2023-03-02");
	assert_true(parse_starts(r->text, r->body_start, r->len, "市人民政府："));
	report_free(r);
	free(s);
	char *no_date = xasprintf("crawl_time: 2024-05-01 01:00:00\n%s\n", b);
	r = parsed(no_date);
	assert_string_equal(r->meta.published, "2023-02-20");   /* the signature's */
	report_free(r);
	free(no_date);
	free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fields_then_text),
		cmocka_unit_test(test_parsed),
		cmocka_unit_test(test_escapes),
		cmocka_unit_test(test_others_untouched),
		cmocka_unit_test(test_english_fields),
		cmocka_unit_test(test_english_header),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
