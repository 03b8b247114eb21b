/* test_24_chart.c — the text bar chart: bars from zero on one scale, eighths, values written out, widths kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <unistr.h>

#include "buf.h"
#include "chart.h"
#include "text.h"

static const char *const partial[] = { "▏", "▎", "▍", "▌", "▋", "▊", "▉" };

/* Length of the bar drawn on a line, in eighths of a block. */
static size_t eighths_of(const char *line)
{
	size_t n = 0;
	for (const char *p = line; (p = strstr(p, "█")) != NULL; p += strlen("█"))
		n += 8;
	for (size_t k = 0; k < 7; k++)
		if (strstr(line, partial[k]))
			n += k + 1;
	return n;
}

static size_t count_of(const char *s, const char *what)
{
	size_t n = 0;
	for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
		n++;
	return n;
}

static void test_bars_from_zero_on_one_scale(void **state)
{
	(void)state;
	const struct chart_bar bars[] = {
		{ "舟山市普陀区 2021", 15, "15", "件" },
		{ "舟山市普陀区 2022", 30, "30", "件" },
		{ "常州市武进区 2020", 0, "0", "件" },
	};
	struct chart c = { 0 };
	chart_layout(bars, 3, 80, &c);
	assert_int_equal(c.n, 3 + 2);   /* a line per bar, the axis, its scale */
	size_t full = eighths_of(c.lines[1].text), half = eighths_of(c.lines[0].text);
	assert_true(full >= 8 * 8);
	assert_true(half * 2 == full || half * 2 == full + 1 || half * 2 + 1 == full);
	assert_int_equal(eighths_of(c.lines[2].text), 0);
	/* the axis is as long as the longest bar, and its scale runs from 0 to the largest value */
	assert_int_equal(count_of(c.lines[3].text, "─") * 8, full);
	assert_non_null(strstr(c.lines[4].text, " 0 "));
	assert_non_null(strstr(c.lines[4].text, "30件"));
	/* values are written out with their units */
	assert_non_null(strstr(c.lines[0].text, " 15件"));
	assert_non_null(strstr(c.lines[2].text, " 0件"));
	chart_fini(&c);
}

/* An eighth of a block is the step: 1/16 of the longest bar is never drawn as 0 or a whole block. */
static void test_eighths(void **state)
{
	(void)state;
	const struct chart_bar bars[] = { { "a", 100, "100", NULL }, { "b", 37.5, "37.5", NULL } };
	struct chart c = { 0 };
	chart_layout(bars, 2, 80, &c);
	size_t full = eighths_of(c.lines[0].text), part = eighths_of(c.lines[1].text);
	double want = 0.375 * (double)full;
	assert_true((double)part > want - 1 && (double)part < want + 1);
	chart_fini(&c);
}

static void test_not_stated(void **state)
{
	(void)state;
	const struct chart_bar bars[] = { { "泗门镇 2022", 0, NULL, NULL }, { "普陀 2021", 2, "2", "%" } };
	struct chart c = { 0 };
	chart_layout(bars, 2, 60, &c);
	assert_int_equal(eighths_of(c.lines[0].text), 0);
	assert_non_null(strstr(c.lines[0].text, "—"));
	assert_non_null(strstr(c.lines[1].text, "2%"));
	chart_fini(&c);
}

/* Long labels are clipped, never inside a character, and no line is wider than asked. */
static void test_widths(void **state)
{
	(void)state;
	const struct chart_bar bars[] = {
		{ "湛江经济技术开发区管理委员会 2022", 1188, "1188", "万元" },
		{ "x", 7, "7", "万元" },
	};
	const size_t widths[] = { 40, 60, 80, 150 };
	for (int ambi = 1; ambi <= 2; ambi++) {
		text_set_ambiwidth(ambi);
		for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
			struct chart c = { 0 };
			chart_layout(bars, 2, widths[w], &c);
			for (size_t i = 0; i < c.n; i++) {
				assert_true(c.lines[i].width <= widths[w]);
				assert_int_equal(c.lines[i].width, text_width(c.lines[i].text, strlen(c.lines[i].text)));
			}
			assert_non_null(strstr(c.lines[0].text, "1188万元"));
			/* the clipped label is whole characters */
			assert_null(u8_check((const uint8_t *)c.lines[0].text, strlen(c.lines[0].text)));
			assert_true(strncmp(c.lines[0].text, "湛江", strlen("湛江")) == 0);
			chart_fini(&c);
		}
	}
	text_set_ambiwidth(1);
}

static void test_empty(void **state)
{
	(void)state;
	struct chart c = { 0 };
	chart_layout(NULL, 0, 80, &c);
	assert_int_equal(c.n, 2);
	assert_non_null(strstr(c.lines[1].text, "0"));
	chart_fini(&c);
}

static void spark_is(const double *v, const int *stated, size_t n, const char *want)
{
	struct buf b = { 0 };
	chart_sparkline(v, stated, n, &b);
	buf_addc(&b, '\0');
	assert_string_equal(b.data, want);
	buf_fini(&b);
}

static void test_sparkline_from_zero(void **state)
{
	(void)state;
	const int all[] = { 1, 1, 1, 1 };
	spark_is((const double[]){ 15, 21, 26 }, all, 3, "▅▇█");   /* 15/26 of eight is 4.6: five eighths */
	spark_is((const double[]){ 50, 100 }, all, 2, "▄█");       /* half the height, not the bottom */
	spark_is((const double[]){ 99, 100 }, all, 2, "██");       /* no zoom on the top: alike */
	spark_is((const double[]){ 0, 1, 80 }, all, 3, "_▁█");     /* zero is not the smallest bar */
	spark_is((const double[]){ 46, 0, 39 }, (const int[]){ 1, 0, 1 }, 3, "█ ▇");   /* not stated: blank */
	spark_is((const double[]){ 0, 0 }, all, 2, "__");
}

static void test_note_units(void **state)
{
	(void)state;
	const struct chart_bar same[] = { { "a", 1, "1", "件" }, { "b", 2, "2", "件" }, { "c", 0, NULL, "次" } };
	struct buf b = { 0 };
	assert_int_equal(chart_note_units(same, 3, &b), 0);   /* a bar not stated has no unit to differ */
	assert_int_equal(b.len, 0);
	const struct chart_bar differ[] = { { "a", 1, "1", "件" }, { "b", 2, "2", "次" } };
	assert_int_equal(chart_note_units(differ, 2, &b), 1);
	buf_addc(&b, '\0');
	assert_non_null(strstr(b.data, " 件 次"));
	assert_null(strchr(b.data, '\n'));
	buf_fini(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bars_from_zero_on_one_scale),
		cmocka_unit_test(test_sparkline_from_zero),
		cmocka_unit_test(test_note_units),
		cmocka_unit_test(test_eighths),
		cmocka_unit_test(test_not_stated),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
