/* test_08_fold.c — the matching form of text: folding table, the offset map back to the original, word characters. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "assets.h"
#include "buf.h"
#include "fold.h"

struct fold_row {
	const char *in, *out;
};

static const struct fold_row rows[] = {
	{ "（一）", "(一)" },
	{ "２０２１", "2021" },
	{ "ＡＰＰ", "app" },
	{ "APP", "app" },
	{ "互联网＋监管", "互联网+监管" },
	{ "法治政府", "法治政府" },
	{ "\u3000", " " },                   /* ideographic space */
	{ "a\u00A0b", "a b" },               /* no-break space */
	{ "，；：？！", ",;:?!" },
	{ "。", "." },
	{ "“法治”", "\"法治\"" },
	{ "‘x’", "'x'" },
	{ "〔2021〕", "[2021]" },
	{ "【通知】", "[通知]" },
	{ "《纲要》", "<纲要>" },
	{ "2021—2025", "2021-2025" },        /* em dash */
	{ "2015–2020", "2015-2020" },        /* en dash */
	{ "——", "--" },
	{ "、", "、" },                       /* the enumeration comma stays */
	{ "……", "......" },
	{ "①", "1" },
	{ "㈠", "(一)" },
	{ "Straße", "strasse" },
	{ "\xC3\xA9", "e\xCC\x81" },          /* é decomposes, so it equals e + combining acute */
	{ "e\xCC\x81", "e\xCC\x81" },
	{ "\xFF", "\xEF\xBF\xBD" },           /* a bad byte becomes U+FFFD */
	{ "a\xE6\xB3", "a\xEF\xBF\xBD\xEF\xBF\xBD" },   /* truncated sequence: one U+FFFD per byte */
	{ "", "" },
};

static void test_fold_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		size_t n;
		char *f = fold_string(rows[i].in, strlen(rows[i].in), &n);
		if (strcmp(f, rows[i].out) != 0)
			fail_msg("fold(%s) = [%s], expected [%s]", rows[i].in, f, rows[i].out);
		assert_int_equal(n, strlen(rows[i].out));
		free(f);
	}
}

/* The map sends each folded byte to the source character it came from. */
static void test_fold_map(void **state)
{
	(void)state;
	const char *s = "Ａ（一）法";   /* Ａ 3 bytes, （ 3, 一 3, ） 3, 法 3 */
	struct buf out = { 0 };
	struct fold_map m = { 0 };
	fold_text(s, strlen(s), 100, &out, &m);
	assert_string_equal(out.data, "a(一)法");
	assert_int_equal(out.len, 9);
	assert_int_equal(m.n, 10);
	const uint32_t want[] = { 100, 103, 106, 106, 106, 109, 112, 112, 112, 115 };
	for (size_t i = 0; i < 10; i++)
		assert_int_equal(m.at[i], want[i]);
	/* "一)" in the folded text is bytes 2..6; it came from 一） at 106..112. */
	assert_int_equal(fold_map_start(&m, 2), 106);
	assert_int_equal(fold_map_end(&m, 6), 112);
	assert_int_equal(fold_map_end(&m, 9), 115);
	assert_int_equal(fold_map_end(&m, 0), 100);
	buf_fini(&out);
	fold_map_fini(&m);
}

/* A match ending inside the expansion of one character still covers that whole character. */
static void test_fold_map_expansion(void **state)
{
	(void)state;
	const char *s = "x㈠y";   /* ㈠ (3 bytes at 1) → "(一)" (5 bytes at 1..6) */
	struct buf out = { 0 };
	struct fold_map m = { 0 };
	fold_text(s, strlen(s), 0, &out, &m);
	assert_string_equal(out.data, "x(一)y");
	assert_int_equal(fold_map_start(&m, 2), 1);   /* 一 inside ㈠ */
	assert_int_equal(fold_map_end(&m, 5), 4);     /* "(一" ends inside ㈠: cover all of it */
	assert_int_equal(fold_map_end(&m, 6), 4);
	assert_int_equal(fold_map_start(&m, 6), 4);   /* y */
	buf_fini(&out);
	fold_map_fini(&m);
}

/* Over every sample report: the map is non-decreasing, starts at 0, ends at the length, and
 * each character of the original folds to exactly the bytes the map gives it. */
static void test_fold_map_samples(void **state)
{
	(void)state;
	struct buf out = { 0 }, piece = { 0 };
	struct fold_map m = { 0 };
	size_t reports = 0;
	for (const struct asset *a = assets; a->name; a++) {
		if (strncmp(a->name, "reports/", 8) != 0)
			continue;
		reports++;
		const char *s = (const char *)a->data;
		fold_text(s, a->size, 0, &out, &m);
		assert_int_equal(m.n, out.len + 1);
		assert_int_equal(m.at[0], 0);
		assert_int_equal(m.at[out.len], a->size);
		for (size_t i = 1; i < m.n; i++)
			assert_true(m.at[i] >= m.at[i - 1]);
		for (size_t i = 0; i < out.len;) {
			size_t j = i;
			while (j < out.len && m.at[j] == m.at[i])
				j++;
			size_t src_end = m.at[j];
			fold_text(s + m.at[i], src_end - m.at[i], 0, &piece, NULL);
			assert_int_equal(piece.len, j - i);
			assert_memory_equal(piece.data, out.data + i, j - i);
			i = j;
		}
	}
	assert_int_equal(reports, 5);
	buf_fini(&out);
	buf_fini(&piece);
	fold_map_fini(&m);
}

static void test_fold_is_word(void **state)
{
	(void)state;
	assert_true(fold_is_word('a'));
	assert_true(fold_is_word('7'));
	assert_true(fold_is_word(0xE9));      /* é */
	assert_true(fold_is_word(0x301));     /* combining acute */
	assert_true(fold_is_word(0x0430));    /* Cyrillic а */
	assert_false(fold_is_word(0x6CD5));   /* 法 */
	assert_false(fold_is_word(0x3042));   /* あ */
	assert_false(fold_is_word(0xAC00));   /* 가 */
	assert_false(fold_is_word(0x0E01));   /* Thai ก */
	assert_false(fold_is_word(' '));
	assert_false(fold_is_word('+'));
	assert_false(fold_is_word(0x3001));   /* 、 */
	assert_false(fold_is_word(0x20000));  /* CJK extension B */
}

/* Every CJK Unified Ideograph folds to itself (no decomposition, no case) and is no word
 * character, as libunistring says: fold answers these without asking it. */
static void test_ideographs_fold_to_themselves(void **state)
{
	(void)state;
	struct buf out = { 0 };
	for (uint32_t c = 0x4e00; c <= 0x9fff; c++) {
		uint8_t src[4], dst[64];
		size_t n = (size_t)u8_uctomb(src, c, 4), dn = sizeof dst;
		uint8_t *r = u8_casefold(src, n, NULL, UNINORM_NFKD, dst, &dn);
		assert_ptr_equal(r, dst);
		assert_int_equal(dn, n);
		assert_memory_equal(dst, src, n);
		assert_true(uc_is_property_ideographic(c) || !uc_is_general_category(c, UC_CATEGORY_L));
		assert_false(fold_is_word(c));
		char text[8] = "A";
		memcpy(text + 1, src, n);
		fold_text(text, n + 1, 0, &out, NULL);
		assert_int_equal(out.len, n + 1);
		assert_int_equal(out.data[0], 'a');
		assert_memory_equal(out.data + 1, src, n);
	}
	buf_fini(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold_table),
		cmocka_unit_test(test_fold_map),
		cmocka_unit_test(test_fold_map_expansion),
		cmocka_unit_test(test_fold_map_samples),
		cmocka_unit_test(test_fold_is_word),
		cmocka_unit_test(test_ideographs_fold_to_themselves),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
