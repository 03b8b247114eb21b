/* test_22_layout.c — display lines: a report wrapped to a width as byte ranges, headings on lines of their own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

/* A title, a preamble, an own-line heading with a body, an inline heading with its body on
 * the same line, and a sub-heading alone. */
static const char sample[] =
	"某区2021年法治政府建设情况报告\n"
	"2021年，我区深入推进依法行政。\n"
	"一、主要举措\n"
	"全面推行行政执法公示制度，行政执法全过程记录。\n"
	"（一）深化改革。　精简审批事项，压缩办理时限。\n"
	"（二）完善制度体系\n";

static struct report *parse(const char *s)
{
	return parse_report(xstrdup(s), strlen(s), "sample.txt");
}

/* The text of line i. */
static void line_text(const struct report *r, const struct layout *l, size_t i, char *out, size_t size)
{
	size_t n = l->line[i].end - l->line[i].start;
	n = n < size - 1 ? n : size - 1;
	memcpy(out, r->text + l->line[i].start, n);
	out[n] = '\0';
}

/* Line i is of this kind and text. */
static void assert_line(const struct report *r, const struct layout *l, size_t i, int kind, const char *text)
{
	char got[256];
	assert_true(i < l->n);
	line_text(r, l, i, got, sizeof got);
	assert_int_equal(l->line[i].kind, kind);
	assert_string_equal(got, text);
}

static size_t find_line(const struct report *r, const struct layout *l, const char *text)
{
	char got[256];
	for (size_t i = 0; i < l->n; i++) {
		line_text(r, l, i, got, sizeof got);
		if (strcmp(got, text) == 0)
			return i;
	}
	return (size_t)-1;
}

static void test_wide_lines(void **ctx)
{
	(void)ctx;
	struct report *r = parse(sample);
	struct layout l = { 0 };
	layout_report(&l, r, 200);
	size_t h = find_line(r, &l, "一、主要举措");
	assert_true(h != (size_t)-1);
	assert_int_equal(l.line[h].kind, LAYOUT_HEAD);
	assert_int_equal(l.line[h].level, 1);
	assert_int_equal(l.line[h].first, 1);
	assert_int_equal(l.line[h].indent, 0);
	assert_line(r, &l, h + 1, LAYOUT_BLANK, "");
	assert_line(r, &l, h + 2, LAYOUT_TEXT, "全面推行行政执法公示制度，行政执法全过程记录。");
	/* The inline heading on its own line, indented one level; its body after it, the
	 * ideographic space between them left out. */
	size_t in = find_line(r, &l, "（一）深化改革。");
	assert_true(in != (size_t)-1);
	assert_int_equal(l.line[in].kind, LAYOUT_HEAD);
	assert_int_equal(l.line[in].level, 2);
	assert_int_equal(l.line[in].indent, 2);
	assert_line(r, &l, in + 1, LAYOUT_TEXT, "精简审批事项，压缩办理时限。");
	assert_int_equal(l.line[in].tag, l.line[in + 1].tag);   /* one paragraph */
	/* The last heading alone: nothing after it. */
	assert_line(r, &l, l.n - 1, LAYOUT_HEAD, "（二）完善制度体系");
	/* Lines are in text order, blank lines between paragraphs. */
	for (size_t i = 1; i < l.n; i++)
		assert_true(l.line[i].start >= l.line[i - 1].end);
	layout_fini(&l);
	report_free(r);
}

/* Narrow: the text breaks into lines of at most the width, and the heading's indent is
 * taken from its width. */
static void test_narrow_lines(void **ctx)
{
	(void)ctx;
	struct report *r = parse(sample);
	struct layout l = { 0 };
	layout_report(&l, r, 10);
	size_t t = find_line(r, &l, "全面推行行");   /* five Chinese characters a line */
	assert_true(t != (size_t)-1);
	assert_line(r, &l, t + 1, LAYOUT_TEXT, "政执法公示");
	assert_line(r, &l, t + 2, LAYOUT_TEXT, "制度，行政");   /* the comma never starts a line */
	assert_line(r, &l, t + 3, LAYOUT_TEXT, "执法全过程");
	assert_line(r, &l, t + 4, LAYOUT_TEXT, "记录。");
	size_t h = find_line(r, &l, "（一）深");   /* 8 cells: 10 less the indent of 2 */
	assert_true(h != (size_t)-1);
	assert_int_equal(l.line[h].first, 1);
	assert_line(r, &l, h + 1, LAYOUT_HEAD, "化改革。");
	assert_int_equal(l.line[h + 1].first, 0);
	assert_line(r, &l, h + 2, LAYOUT_TEXT, "精简审批事");
	for (size_t i = 0; i < l.n; i++)
		assert_true(text_width(r->text + l.line[i].start, l.line[i].end - l.line[i].start) + l.line[i].indent <= 10);
	layout_fini(&l);
	report_free(r);
}

/* A re-wrap for another width keeps a byte offset findable: the line holding it starts at or
 * before it and the next starts after it. */
static void test_line_of(void **ctx)
{
	(void)ctx;
	struct report *r = parse(sample);
	struct layout l = { 0 };
	const char *at = strstr(r->text, "行政执法全过程");
	size_t off = (size_t)(at - r->text);
	for (int width = 6; width <= 60; width += 6) {
		layout_report(&l, r, width);
		size_t i = layout_line_of(&l, off);
		assert_true(l.line[i].start <= off);
		assert_true(i + 1 == l.n || l.line[i + 1].start > off);
	}
	assert_int_equal(layout_line_of(&l, 0), 0);
	struct layout empty = { 0 };
	assert_int_equal(layout_line_of(&empty, 5), 0);
	layout_fini(&l);
	report_free(r);
}

static void test_para_body(void **ctx)
{
	(void)ctx;
	struct report *r = parse(sample);
	for (size_t p = 0; p < r->npara; p++) {
		size_t body = layout_para_body(r, p);
		const char *text = r->text + r->paras[p].start;
		if (strncmp(text, "（一）", strlen("（一）")) == 0)
			assert_memory_equal(r->text + body, "精简", strlen("精简"));
		else if (strncmp(text, "（二）", strlen("（二）")) == 0 || strncmp(text, "一、", strlen("一、")) == 0)
			assert_int_equal(body, r->paras[p].end);   /* the heading is all of it */
		else
			assert_int_equal(body, r->paras[p].start);
	}
	report_free(r);
}

/* layout_wrap keeps the caller's tag and kind, and `first` on the first line only. */
static void test_wrap_proto(void **ctx)
{
	(void)ctx;
	static const char text[] = "行政复议与行政应诉";
	struct layout l = { 0 };
	layout_add(&l, (struct layout_line){ 0, 0, -1, LAYOUT_EMPTY, 0, 0, 0 });
	layout_wrap(&l, text, 0, sizeof text - 1, 6, (struct layout_line){ 0, 0, 7, LAYOUT_HEAD, 2, 1, 0 });
	assert_int_equal(l.n, 4);
	assert_int_equal(l.line[0].kind, LAYOUT_EMPTY);
	assert_int_equal(l.line[1].start, 0);
	assert_int_equal(l.line[1].end, 9);
	assert_int_equal(l.line[3].end, sizeof text - 1);
	for (size_t i = 1; i < l.n; i++) {
		assert_int_equal(l.line[i].tag, 7);
		assert_int_equal(l.line[i].kind, LAYOUT_HEAD);
		assert_int_equal(l.line[i].first, i == 1);
	}
	layout_fini(&l);
}

static void snippet_of(const char *line, const char *hit, size_t cells, char *out, size_t size)
{
	const char *h = strstr(line, hit);
	size_t start, end, hs = (size_t)(h - line);
	layout_snippet(line, 0, strlen(line), hs, hs + strlen(hit), cells, &start, &end);
	snprintf(out, size, "%.*s", (int)(end - start), line + start);
}

/* Snippets: the hit in the middle of about `cells` columns, cut after a clause when one is near. */
static void test_snippet(void **ctx)
{
	(void)ctx;
	static const char line[] =
		"全年共收到行政复议申请48件，依法受理45件，审结42件，其中维持30件，纠正违法或不当行政行为12件，"
		"行政复议纠错率28.6%。全面推行行政机关负责人出庭应诉制度。";
	char got[512];
	snippet_of(line, "纠正违法", 42, got, sizeof got);   /* both sides end after a comma */
	assert_string_equal(got, "其中维持30件，纠正违法或不当行政行为12件，");
	snippet_of(line, "纠正违法", 40, got, sizeof got);   /* no comma in the right's room: cut before it */
	assert_string_equal(got, "其中维持30件，纠正违法或不当行政行为12件");
	snippet_of(line, "行政复议申请", 40, got, sizeof got);   /* near the start: the room goes right */
	assert_string_equal(got, "全年共收到行政复议申请48件，依法受理45件");
	snippet_of(line, "应诉制度", 40, got, sizeof got);   /* the end of the line is a boundary */
	assert_string_equal(got, "全面推行行政机关负责人出庭应诉制度。");
	snippet_of(line, "纠正违法", 10, got, sizeof got);   /* little room: the hit whole, then what fits */
	assert_string_equal(got, "纠正违法或");
	static const char run[] = "一二三四五六七八九十一二三四五六七八九十甲一二三四五六七八九十一二三四五六七八九十";
	snippet_of(run, "甲", 11, got, sizeof got);   /* no clause anywhere: cut between characters */
	assert_string_equal(got, "九十甲一二");
	for (size_t cells = 2; cells < 80; cells += 7) {   /* never wider than asked, the hit always in */
		snippet_of(line, "维持", cells, got, sizeof got);
		assert_non_null(strstr(got, "维持"));
		assert_true(cells < 4 || text_width(got, strlen(got)) <= cells);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide_lines),
		cmocka_unit_test(test_narrow_lines),
		cmocka_unit_test(test_line_of),
		cmocka_unit_test(test_para_body),
		cmocka_unit_test(test_wrap_proto),
		cmocka_unit_test(test_snippet),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
