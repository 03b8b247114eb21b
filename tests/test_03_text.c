/* test_03_text.c — display text: widths, clipping, wrapping rules and the wrap properties over all sample reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "assets.h"
#include "text.h"

struct width_row {
	const char *s;
	size_t narrow, wide;   /* cells with ambiguous width 1, then 2 */
};

static const struct width_row width_rows[] = {
	{ "中文", 4, 4 },
	{ "法治政府", 8, 8 },
	{ "abc", 3, 3 },
	{ "2021年", 6, 6 },
	{ "（", 2, 2 },                 /* U+FF08 full-width */
	{ "，", 2, 2 },                 /* U+FF0C */
	{ "。", 2, 2 },
	{ "、", 2, 2 },
	{ "Ａ", 2, 2 },                 /* U+FF21 full-width A */
	{ "ｶ", 1, 1 },                  /* U+FF76 half-width katakana */
	{ "\u3000", 2, 2 },             /* ideographic space */
	{ "“", 1, 2 },                  /* Ambiguous */
	{ "”", 1, 2 },
	{ "…", 1, 2 },
	{ "·", 1, 2 },
	{ "—", 1, 2 },
	{ "e\u0301", 1, 1 },            /* combining acute: 0 */
	{ "\u200d", 0, 0 },             /* zero width joiner */
	{ "\U0001F600", 2, 2 },         /* emoji */
	{ "\x01", 1, 1 },               /* controls show as one-cell placeholders */
	{ "\t", 1, 1 },
	{ "\x7f", 1, 1 },
	{ "\xc2\x85", 1, 1 },           /* C1 NEL */
	{ "\xff", 1, 1 },               /* invalid byte: U+FFFD, which is not widened */
	{ "《法治政府建设实施纲要（2021—2025年）》", 39, 40 },
	{ "", 0, 0 },
};

static void test_widths(void **ctx)
{
	(void)ctx;
	for (size_t i = 0; i < sizeof width_rows / sizeof *width_rows; i++) {
		const struct width_row *r = &width_rows[i];
		text_set_ambiwidth(1);
		if (text_width(r->s, strlen(r->s)) != r->narrow)
			fail_msg("width of \"%s\": %zu, want %zu", r->s, text_width(r->s, strlen(r->s)), r->narrow);
		text_set_ambiwidth(2);
		if (text_width(r->s, strlen(r->s)) != r->wide)
			fail_msg("wide width of \"%s\": %zu, want %zu", r->s, text_width(r->s, strlen(r->s)), r->wide);
	}
	text_set_ambiwidth(1);
}

static void test_char_width(void **ctx)
{
	(void)ctx;
	text_set_ambiwidth(1);
	assert_int_equal(text_ambiwidth(), 1);
	assert_int_equal(text_char_width(0), 1);
	assert_int_equal(text_char_width('a'), 1);
	assert_int_equal(text_char_width(0x6cd5), 2);      /* 法 */
	assert_int_equal(text_char_width(0x301), 0);
	assert_int_equal(text_char_width(0x201c), 1);
	assert_int_equal(text_char_width(0x1f600), 2);
	text_set_ambiwidth(2);
	assert_int_equal(text_ambiwidth(), 2);
	assert_int_equal(text_char_width(0x201c), 2);
	assert_int_equal(text_char_width(0x301), 0);
	text_set_ambiwidth(7);                             /* anything else is narrow */
	assert_int_equal(text_ambiwidth(), 1);
	assert_int_equal(text_char_width(0x2026), 1);
}

struct clip_row {
	const char *s;
	size_t cols, bytes, used;
};

static const struct clip_row clip_rows[] = {
	{ "中文abc", 3, 3, 2 },          /* 文 would straddle the edge */
	{ "中文abc", 5, 7, 5 },
	{ "a中", 2, 1, 1 },
	{ "中", 1, 0, 0 },
	{ "法治政府", 5, 6, 4 },
	{ "e\u0301x", 1, 3, 1 },         /* the accent stays with its e */
	{ "abc", 10, 3, 3 },
	{ "abc", 0, 0, 0 },
	{ "", 5, 0, 0 },
	{ "\U0001F600a", 2, 4, 2 },
	{ "\U0001F600a", 1, 0, 0 },
	{ "a\xff", 2, 2, 2 },
	{ "ab\xe4\xb8", 2, 2, 2 },       /* a truncated 中 is two bad bytes, never half of it */
	{ "“法”", 3, 6, 3 },
};

static void test_clip(void **ctx)
{
	(void)ctx;
	text_set_ambiwidth(1);
	for (size_t i = 0; i < sizeof clip_rows / sizeof *clip_rows; i++) {
		const struct clip_row *r = &clip_rows[i];
		size_t used = 99;
		size_t bytes = text_clip(r->s, strlen(r->s), r->cols, &used);
		if (bytes != r->bytes || used != r->used)
			fail_msg("clip \"%s\" to %zu: %zu bytes %zu cells, want %zu %zu",
			         r->s, r->cols, bytes, used, r->bytes, r->used);
	}
	assert_int_equal(text_clip("法治", 6, 3, NULL), 3);
}

/* The wrapped lines of s joined with '|', with every line checked against the width. */
static void wrap_joined(const char *s, size_t width, char *out, size_t outsz)
{
	struct text_lines l = { 0 };
	size_t n = strlen(s);
	size_t got = text_wrap(s, n, width, 0, &l);
	assert_int_equal(got, l.n);
	out[0] = '\0';
	for (size_t k = 0; k < l.n; k++) {
		const struct text_line *t = &l.line[k];
		assert_true(t->start <= t->end && t->end <= n);
		assert_int_equal(t->width, text_width(s + t->start, t->end - t->start));
		if (width >= 2)
			assert_true(t->width <= width);
		snprintf(out + strlen(out), outsz - strlen(out), "%s%.*s", k ? "|" : "",
		         (int)(t->end - t->start), s + t->start);
	}
	text_lines_fini(&l);
}

struct wrap_row {
	const char *s;
	size_t width;
	const char *lines;   /* expected lines joined with '|' */
};

static const struct wrap_row wrap_rows[] = {
	/* no line starts with closing or clause punctuation: the character before moves down */
	{ "法治政府建设，取得", 12, "法治政府建|设，取得" },
	{ "依法行政、依法办事", 8, "依法行|政、依法|办事" },
	{ "主要工作：一是", 8, "主要工|作：一是" },
	{ "他说“好”。完", 8, "他说|“好”。完" },
	{ "增长100%以上", 7, "增长|100%以|上" },
	{ "abc def,ghi", 7, "abc|def,ghi" },
	/* no line ends with opening brackets or quotes */
	{ "推进依法（一）", 10, "推进依法|（一）" },
	{ "推进《纲要》", 6, "推进|《纲|要》" },
	{ "中文(注)", 5, "中文|(注)" },
	{ "see (note)", 6, "see|(note)" },
	/* Chinese quotes break outside, unlike bare UAX #14 */
	{ "法治政府“建设”", 9, "法治政府|“建设”" },
	{ "“建设”法治政府", 6, "“建设”|法治政|府" },
	{ "a don’t", 6, "a|don’t" },
	{ "条例,“ab", 7, "条例,|“ab" },
	{ "说“法治”《纲要》", 8, "说“法治”|《纲要》" },
	{ "说“法治”(注)", 8, "说“法治”|(注)" },
	/* —— and …… are never split */
	{ "坚持——法治", 5, "坚持|——法|治" },
	{ "等等……", 5, "等|等……" },
	{ "x(——", 3, "x|(——" },                   /* even when breaking a word between characters */
	/* words longer than the line break between characters */
	{ "abcdefghijklmnopqrstuvwxyz", 10, "abcdefghij|klmnopqrst|uvwxyz" },
	{ "1234567890123", 5, "12345|67890|123" },
	{ "abcd,efgh", 4, "abc|d,|efgh" },          /* even then no line starts with "," */
	{ "http://www.gov.cn/zhengce/2021/", 12, NULL },
	{ "e\u0301e\u0301e\u0301", 2, "e\u0301e\u0301|e\u0301" },
	{ "\U0001F600\U0001F600\U0001F600", 5, "\U0001F600\U0001F600|\U0001F600" },
	/* spaces at a break hang and are left out */
	{ "ab   cd", 3, "ab|cd" },
	{ "ab   ", 2, "ab" },
	{ "中文\u3000\u3000法治", 4, "中文|法治" },
	/* tiny widths terminate; at width 1 a wide character is alone on its line */
	{ "中a", 1, "中|a" },
	{ "中文，", 2, "中|文|，" },
	{ "", 10, "" },
	{ "普陀区", 200, "普陀区" },
};

static void test_wrap_rules(void **ctx)
{
	(void)ctx;
	char got[512];
	text_set_ambiwidth(1);
	for (size_t i = 0; i < sizeof wrap_rows / sizeof *wrap_rows; i++) {
		const struct wrap_row *r = &wrap_rows[i];
		wrap_joined(r->s, r->width, got, sizeof got);
		if (r->lines && strcmp(got, r->lines) != 0)
			fail_msg("wrap \"%s\" at %zu: \"%s\", want \"%s\"", r->s, r->width, got, r->lines);
	}
}

static void test_wrap_wide_ambiguous(void **ctx)
{
	(void)ctx;
	char got[256];
	text_set_ambiwidth(2);
	wrap_joined("“建设”", 5, got, sizeof got);
	assert_string_equal(got, "“建|设”");
	wrap_joined("说等……", 6, got, sizeof got);
	assert_string_equal(got, "说|等……");
	wrap_joined("坚持——法治", 5, got, sizeof got);   /* each — is 2 cells now */
	assert_string_equal(got, "坚持|——|法治");
	text_set_ambiwidth(1);
}

static void test_wrap_offsets(void **ctx)
{
	(void)ctx;
	struct text_lines l = { 0 };
	text_set_ambiwidth(1);
	assert_int_equal(text_wrap("ab cd", 5, 2, 100, &l), 2);
	assert_int_equal(l.line[0].start, 100);
	assert_int_equal(l.line[0].end, 102);
	assert_int_equal(l.line[1].start, 103);
	assert_int_equal(l.line[1].end, 105);
	/* appending: a second paragraph goes after the first */
	assert_int_equal(text_wrap("", 0, 10, 106, &l), 1);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.line[2].start, 106);
	assert_int_equal(l.line[2].end, 106);
	assert_int_equal(l.line[2].width, 0);
	text_lines_reset(&l);
	assert_int_equal(l.n, 0);
	assert_non_null(l.line);
	text_lines_fini(&l);
	assert_null(l.line);
	assert_int_equal(l.n, 0);
}

static void test_lines_find(void **ctx)
{
	(void)ctx;
	struct text_lines l = { 0 };
	assert_int_equal(text_lines_find(&l, 5), 0);
	text_set_ambiwidth(1);
	/* "ab cd" at 10..15 → [10,12) [13,15); "xyz" at 16 → [16,19) */
	text_wrap("ab cd", 5, 2, 10, &l);
	text_wrap("xyz", 3, 5, 16, &l);
	assert_int_equal(l.n, 3);
	static const struct { size_t off, line; } rows[] = {
		{ 0, 0 }, { 10, 0 }, { 11, 0 }, { 12, 0 }, { 13, 1 }, { 14, 1 }, { 15, 1 },
		{ 16, 2 }, { 18, 2 }, { 1000, 2 },
	};
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
		if (text_lines_find(&l, rows[i].off) != rows[i].line)
			fail_msg("find %zu: %zu, want %zu", rows[i].off, text_lines_find(&l, rows[i].off), rows[i].line);
	text_lines_fini(&l);
}

static int starts_with_any(const char *s, size_t n, const char *const *set)
{
	for (; *set; set++)
		if (strlen(*set) <= n && memcmp(s, *set, strlen(*set)) == 0)
			return 1;
	return 0;
}

static int ends_with_any(const char *s, size_t n, const char *const *set)
{
	for (; *set; set++)
		if (strlen(*set) <= n && memcmp(s + n - strlen(*set), *set, strlen(*set)) == 0)
			return 1;
	return 0;
}

static const char *const closing[] = {
	"，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "】", "〉", "”", "’", "…", "%",
	",", ".", ";", ":", "?", "!", ")", "]", "}", NULL
};
static const char *const opening[] = { "（", "「", "『", "《", "【", "〈", "“", "‘", "(", "[", "{", NULL };

static int is_skipped_space(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && s[0] == ' ')
		return *len = 1;
	if (n >= 3 && memcmp(s, "\u3000", 3) == 0)
		return (int)(*len = 3);
	return 0;
}

/* The lines of one paragraph p[0..n) cover it in order, fit the width, keep the rules. */
static void check_paragraph(const char *p, size_t n, size_t width, const struct text_lines *l)
{
	size_t at = 0, len;
	for (size_t k = 0; k < l->n; k++) {
		const struct text_line *t = &l->line[k];
		while (at < t->start && is_skipped_space(p + at, t->start - at, &len))
			at += len;
		if (at != t->start || t->end < t->start)
			fail_msg("line %zu at width %zu: starts at %zu, text resumes at %zu", k, width, t->start, at);
		const char *s = p + t->start;
		size_t sn = t->end - t->start;
		if (t->width != text_width(s, sn) || t->width > width)
			fail_msg("line %zu \"%.*s\": width %zu, measured %zu, limit %zu", k, (int)sn, s,
			         t->width, text_width(s, sn), width);
		if (k > 0 && starts_with_any(s, sn, closing))
			fail_msg("line starts with closing punctuation at width %zu: \"%.*s\"", width, (int)sn, s);
		if (k + 1 < l->n && ends_with_any(s, sn, opening))
			fail_msg("line ends with opening punctuation at width %zu: \"%.*s\"", width, (int)sn, s);
		if (k + 1 < l->n && ((ends_with_any(s, sn, (const char *const[]){ "—", NULL }) &&
		                      starts_with_any(p + l->line[k + 1].start, 3, (const char *const[]){ "—", NULL })) ||
		                     ends_with_any(s, sn, (const char *const[]){ "……", NULL })))
			fail_msg("—— or …… split at width %zu: \"%.*s\"", width, (int)sn, s);
		at = t->end;
	}
	while (at < n && is_skipped_space(p + at, n - at, &len))
		at += len;
	if (at != n)
		fail_msg("width %zu: text after %zu not covered (paragraph of %zu bytes)", width, at, n);
}

static void wrap_all_samples(size_t step)
{
	struct text_lines l = { 0 };
	size_t paragraphs = 0, lines = 0;
	for (size_t width = 10; width <= 200; width += step) {
		for (const struct asset *a = assets; a->name; a++) {
			if (strncmp(a->name, "reports/", 8) != 0)
				continue;
			const char *p = (const char *)a->data, *e = p + a->size;
			while (p < e) {   /* one paragraph per line */
				const char *nl = memchr(p, '\n', (size_t)(e - p));
				size_t n = (size_t)((nl ? nl : e) - p);
				text_lines_reset(&l);
				size_t got = text_wrap(p, n, width, 0, &l);
				assert_true(got >= 1 && got == l.n);
				check_paragraph(p, n, width, &l);
				paragraphs++;
				lines += l.n;
				p += n + 1;
			}
		}
	}
	assert_true(paragraphs > 400);
	assert_true(lines > paragraphs);
	text_lines_fini(&l);
}

static void test_wrap_all_samples(void **ctx)
{
	(void)ctx;
	text_set_ambiwidth(1);
	wrap_all_samples(1);
}

static void test_wrap_all_samples_wide_ambiguous(void **ctx)
{
	(void)ctx;
	text_set_ambiwidth(2);
	wrap_all_samples(3);
	text_set_ambiwidth(1);
}

/* A whole report wrapped paragraph after paragraph, as the reader pane does: offsets are
 * absolute, every line is found again by its start, and a re-wrap at another width finds
 * the line holding the same text. */
static void wrap_report(const struct asset *a, size_t width, struct text_lines *l)
{
	const char *text = (const char *)a->data;
	text_lines_reset(l);
	for (size_t at = 0; at < a->size;) {
		const char *nl = memchr(text + at, '\n', a->size - at);
		size_t end = nl ? (size_t)(nl - text) : a->size;
		text_wrap(text + at, end - at, width, at, l);
		at = end + 1;
	}
}

static void test_whole_report_find(void **ctx)
{
	(void)ctx;
	const struct asset *a = assets_find("reports/jingan-2019.txt");
	assert_non_null(a);
	struct text_lines wide = { 0 }, narrow = { 0 };
	text_set_ambiwidth(1);
	wrap_report(a, 80, &wide);
	wrap_report(a, 33, &narrow);
	assert_true(narrow.n > wide.n);
	for (size_t k = 0; k < wide.n; k++) {
		assert_int_equal(text_lines_find(&wide, wide.line[k].start), k);
		if (k > 0)
			assert_true(wide.line[k].start > wide.line[k - 1].start);
		/* the top line's text after a resize: the narrow line holding its start */
		size_t j = text_lines_find(&narrow, wide.line[k].start);
		assert_true(narrow.line[j].start <= wide.line[k].start);
		assert_true(j + 1 == narrow.n || narrow.line[j + 1].start > wide.line[k].start);
		assert_true(wide.line[k].start == wide.line[k].end || wide.line[k].start < narrow.line[j].end);
	}
	text_lines_fini(&wide);
	text_lines_fini(&narrow);
}

/* Paragraphs of random pieces from a hostile alphabet (controls, bad bytes, accents on
 * spaces, newlines, runs of spaces) at tiny widths: wrapping ends, covers every byte in
 * order, cuts no cluster, and overflows only at width 1 by one lone wide character. */
static const char *const pieces[] = {
	"法", "治", "，", "。", "“", "”", "（", "）", "——", "……", "…", "—", "a", "b", "1", ",", "(",
	")", " ", "   ", "\u3000", "\u0301", "\u200d", "\U0001F600", "\t", "\x01", "\xff", "\xe4\xb8",
	"\n", "%", "《", "》", "http://x.cn/",
};

static int zero_width_at(const char *s, size_t n)
{
	return n && (unsigned char)s[0] >= 0x80 && text_clip(s, n, 0, NULL) > 0;
}

static void test_wrap_random(void **ctx)
{
	(void)ctx;
	struct text_lines l = { 0 };
	char p[512];   /* 24 pieces of at most 12 bytes */
	unsigned long seed = 12345;
	text_set_ambiwidth(1);
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		for (int k = (int)((seed >> 7) % 24); k >= 0; k--) {
			seed = seed * 6364136223846793005UL + 1442695040888963407UL;
			const char *piece = pieces[(seed >> 33) % (sizeof pieces / sizeof *pieces)];
			memcpy(p + n, piece, strlen(piece));
			n += strlen(piece);
		}
		size_t width = 1 + (size_t)(seed >> 40) % 12;
		if (round % 2)
			text_set_ambiwidth(2);
		text_lines_reset(&l);
		text_wrap(p, n, width, 0, &l);
		size_t at = 0;
		for (size_t k = 0; k < l.n; k++) {
			const struct text_line *t = &l.line[k];
			while (at < t->start && (p[at] == ' ' || p[at] == '\n' || memcmp(p + at, "\u3000", 3) == 0))
				at += p[at] == ' ' || p[at] == '\n' ? 1 : 3;
			if (at != t->start || t->end < t->start || t->end > n)
				fail_msg("round %d width %zu: line %zu [%zu, %zu) after %zu", round, width, k, t->start, t->end, at);
			if (t->width > width && !(width == 1 && t->width == 2 && text_clip(p + t->start, n - t->start, 1, NULL) == 0 && text_clip(p + t->start, n - t->start, 2, NULL) == t->end - t->start))
				fail_msg("round %d: line %zu is %zu cells at width %zu", round, k, t->width, width);
			if (k > 0 && t->start > 0 && p[t->start - 1] != '\n' && zero_width_at(p + t->start, n - t->start))
				fail_msg("round %d: line %zu begins with a zero-width character", round, k);
			at = t->end;
		}
		while (at < n && (p[at] == ' ' || p[at] == '\n' || memcmp(p + at, "\u3000", 3) == 0))
			at += p[at] == ' ' || p[at] == '\n' ? 1 : 3;
		if (at != n)
			fail_msg("round %d width %zu: stopped at %zu of %zu", round, width, at, n);
		text_set_ambiwidth(1);
	}
	text_lines_fini(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_char_width),
		cmocka_unit_test(test_clip),
		cmocka_unit_test(test_wrap_rules),
		cmocka_unit_test(test_wrap_wide_ambiguous),
		cmocka_unit_test(test_wrap_offsets),
		cmocka_unit_test(test_lines_find),
		cmocka_unit_test(test_wrap_all_samples),
		cmocka_unit_test(test_wrap_all_samples_wide_ambiguous),
		cmocka_unit_test(test_whole_report_find),
		cmocka_unit_test(test_wrap_random),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
