/* test_06_outline.c — chapter-tree view state over a hand-made report: rows, collapse, expand, selection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <string.h>

#include "outline.h"
#include "report.h"

/* A report's chapter tree as the parser would give it (pre-order, parent < index). */
static const struct { int level, parent; const char *heading; } tree[] = {
	{ 1, -1, "一、2021年度主要工作" },               /* 0 */
	{ 2, 0, "（一）依法全面履行政府职能" },          /* 1 */
	{ 3, 1, "1.深化“放管服”改革" },                  /* 2 */
	{ 3, 1, "2.优化法治化营商环境" },                /* 3 */
	{ 2, 0, "（二）完善依法行政制度体系" },          /* 4 */
	{ 1, -1, "二、存在的不足" },                     /* 5 */
	{ 2, 5, "（一）法治队伍建设有待加强" },          /* 6 */
	{ 1, -1, "三、2022年工作打算" },                 /* 7 */
	{ 3, 7, "1.持续推进法治政府示范创建" },          /* 8: a 1. straight under 三、 */
};
#define NTREE (sizeof tree / sizeof *tree)

static char text[1024];
static struct section sections[NTREE];
static struct report report;

static int setup(void **ctx)
{
	(void)ctx;
	size_t len = 0;
	for (size_t i = 0; i < NTREE; i++) {
		size_t n = strlen(tree[i].heading);
		memcpy(text + len, tree[i].heading, n);
		sections[i] = (struct section){
			.level = tree[i].level, .parent = tree[i].parent,
			.head_start = len, .head_end = len + n, .title_start = len, .title_end = len + n,
			.start = len, .para = (int)i, .part = -1, .topic = -1, .topic2 = -1,
		};
		len += n;
		text[len++] = '\n';
	}
	for (size_t i = 0; i < NTREE; i++) {   /* a section ends where the next of its level or higher begins */
		size_t j = i + 1;
		while (j < NTREE && tree[j].level > tree[i].level)
			j++;
		sections[i].end = j < NTREE ? sections[j].start : len;
	}
	report = (struct report){ .text = text, .len = len, .sections = sections, .nsections = NTREE,
	                          .body_start = 0, .body_end = len };
	return 0;
}

/* Visible sections joined as "s:depth" with '+' or '-' after those with children. */
static void rows_string(const struct outline *o, char *out, size_t outsz)
{
	size_t len = 0;
	out[0] = '\0';
	for (size_t k = 0; k < o->nrows && len + 8 < outsz; k++) {
		const struct outline_row *r = &o->rows[k];
		out[len++] = (char)('0' + r->section);
		out[len++] = ':';
		out[len++] = (char)('0' + r->depth);
		if (r->has_children)
			out[len++] = r->expanded ? '-' : '+';
		out[len++] = ' ';
	}
	if (len)
		len--;
	out[len] = '\0';
}

#define assert_rows(o, want) do { char got_[128]; rows_string((o), got_, sizeof got_); \
	assert_string_equal(got_, (want)); } while (0)

static const char *title_of_row(const struct outline *o, size_t row)
{
	static char buf[128];
	const struct section *s = &o->report->sections[o->rows[row].section];
	memcpy(buf, o->report->text + s->title_start, s->title_end - s->title_start);
	buf[s->title_end - s->title_start] = '\0';
	return buf;
}

static void test_init_all_expanded(void **ctx)
{
	(void)ctx;
	struct outline o;
	outline_init(&o, &report);
	assert_int_equal(o.nrows, 9);
	assert_rows(&o, "0:0- 1:1- 2:2 3:2 4:1 5:0- 6:1 7:0- 8:1");
	assert_int_equal(o.selected, 0);
	assert_int_equal(outline_selected_section(&o), 0);
	assert_string_equal(title_of_row(&o, 4), "（二）完善依法行政制度体系");
	for (int s = 0; s < (int)NTREE; s++)
		assert_int_equal(outline_row_of(&o, s), (size_t)s);
	assert_int_equal(outline_row_of(&o, 9), (size_t)-1);
	assert_int_equal(outline_row_of(&o, -1), (size_t)-1);
	outline_fini(&o);
	assert_null(o.rows);
	assert_null(o.expanded);
}

static void test_collapse_expand(void **ctx)
{
	(void)ctx;
	struct outline o;
	outline_init(&o, &report);
	outline_toggle(&o, 1);                     /* （一）依法全面履行政府职能 */
	assert_rows(&o, "0:0- 1:1+ 4:1 5:0- 6:1 7:0- 8:1");
	assert_int_equal(outline_row_of(&o, 2), (size_t)-1);
	assert_int_equal(outline_row_of(&o, 3), (size_t)-1);
	assert_int_equal(outline_row_of(&o, 4), 2);
	assert_int_equal(outline_row_of(&o, 8), 6);
	outline_toggle(&o, 0);                     /* 一、 hides its whole subtree */
	assert_rows(&o, "0:0+ 5:0- 6:1 7:0- 8:1");
	outline_toggle(&o, 0);                     /* and shows it again as it was: （一） still collapsed */
	assert_rows(&o, "0:0- 1:1+ 4:1 5:0- 6:1 7:0- 8:1");
	outline_toggle(&o, 1);
	assert_rows(&o, "0:0- 1:1- 2:2 3:2 4:1 5:0- 6:1 7:0- 8:1");
	outline_toggle(&o, 2);                     /* a leaf: nothing to do */
	outline_toggle(&o, 99);                    /* no such row */
	assert_int_equal(o.nrows, 9);
	outline_set_all(&o, 0);
	assert_rows(&o, "0:0+ 5:0+ 7:0+");
	outline_set_all(&o, 1);
	assert_int_equal(o.nrows, 9);
	outline_fini(&o);
}

static void test_select_section(void **ctx)
{
	(void)ctx;
	struct outline o;
	outline_init(&o, &report);
	outline_select_section(&o, 3);
	assert_int_equal(o.selected, 3);
	assert_string_equal(title_of_row(&o, o.selected), "2.优化法治化营商环境");
	outline_toggle(&o, 1);                     /* the selected 2. is hidden: its parent takes over */
	assert_int_equal(outline_selected_section(&o), 1);
	assert_int_equal(o.selected, 1);
	outline_select_section(&o, 3);             /* following the reader into a hidden section */
	assert_int_equal(o.selected, 1);
	outline_toggle(&o, 0);
	assert_int_equal(o.selected, 0);
	outline_select_section(&o, 2);
	assert_int_equal(o.selected, 0);
	outline_select_section(&o, 6);             /* rows: 0 5 6 7 8 */
	assert_int_equal(o.selected, 2);
	outline_toggle(&o, 0);                     /* rows before 6 grow; the selection stays on 6 */
	assert_rows(&o, "0:0- 1:1+ 4:1 5:0- 6:1 7:0- 8:1");
	assert_int_equal(o.selected, 4);
	assert_int_equal(outline_selected_section(&o), 6);
	outline_select_section(&o, -1);            /* the preamble */
	assert_int_equal(o.selected, 0);
	outline_select_section(&o, 8);
	outline_select_section(&o, 42);            /* out of range: unchanged */
	assert_int_equal(outline_selected_section(&o), 8);
	outline_fini(&o);
}

static void test_move_and_reveal(void **ctx)
{
	(void)ctx;
	struct outline o;
	outline_init(&o, &report);
	outline_set_all(&o, 0);                    /* rows: 0 5 7 */
	outline_move(&o, 1);
	assert_int_equal(outline_selected_section(&o), 5);
	outline_move(&o, 10);
	assert_int_equal(o.selected, 2);
	outline_move(&o, LONG_MIN);
	assert_int_equal(o.selected, 0);
	outline_move(&o, LONG_MAX);
	assert_int_equal(o.selected, 2);
	outline_reveal(&o, 3);                     /* opens 一、 and （一）, not 二、 */
	assert_rows(&o, "0:0- 1:1- 2:2 3:2 4:1 5:0+ 7:0+");
	assert_int_equal(o.selected, 3);
	outline_reveal(&o, 8);
	assert_rows(&o, "0:0- 1:1- 2:2 3:2 4:1 5:0+ 7:0- 8:1");
	assert_int_equal(outline_selected_section(&o), 8);
	outline_fini(&o);
}

static void test_no_sections(void **ctx)
{
	(void)ctx;
	struct report empty = { .text = text, .len = 0 };
	struct outline o;
	for (int pass = 0; pass < 2; pass++) {
		outline_init(&o, pass ? NULL : &empty);
		assert_int_equal(o.nrows, 0);
		assert_int_equal(outline_selected_section(&o), -1);
		assert_int_equal(outline_row_of(&o, 0), (size_t)-1);
		outline_toggle(&o, 0);
		outline_select_section(&o, 0);
		outline_select_section(&o, -1);
		outline_move(&o, 1);
		outline_reveal(&o, 0);
		outline_set_all(&o, 0);
		assert_int_equal(o.nrows, 0);
		assert_int_equal(o.selected, 0);
		outline_fini(&o);
	}
}

static void test_damaged_parents(void **ctx)
{
	(void)ctx;
	/* parents that break the parent < index promise are treated as top level, never followed */
	struct section bad[3] = { { .level = 1, .parent = 2 }, { .level = 2, .parent = 0 }, { .level = 2, .parent = 2 } };
	struct report r = { .text = text, .sections = bad, .nsections = 3 };
	struct outline o;
	outline_init(&o, &r);
	assert_rows(&o, "0:0- 1:1 2:0");
	outline_toggle(&o, 0);
	assert_rows(&o, "0:0+ 2:0");
	outline_select_section(&o, 1);
	assert_int_equal(o.selected, 0);
	outline_fini(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_all_expanded),
		cmocka_unit_test(test_collapse_expand),
		cmocka_unit_test(test_select_section),
		cmocka_unit_test(test_move_and_reveal),
		cmocka_unit_test(test_no_sections),
		cmocka_unit_test(test_damaged_parents),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
