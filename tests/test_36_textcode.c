/* test_36_textcode.c — the digests' compact code for text: every text comes back byte for byte, and the Han of these reports takes one or two bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "textcode.h"
#include "xmalloc.h"

/* Codes s[0..n), checks the size said beforehand, decodes it and checks every byte; returns the
 * code's size. */
static size_t round_trip(const char *s, size_t n)
{
	struct buf code = { 0 };
	textcode_encode(s, n, &code);
	assert_int_equal(code.len, textcode_size(s, n));
	char *back = xmalloc(TEXTCODE_GROWTH * code.len + 1);
	size_t got = textcode_decode(code.data ? code.data : "", code.len, back);
	assert_int_equal(got, n);
	assert_memory_equal(back, s, n);
	free(back);
	buf_fini(&code);
	return code.len;
}

static void test_round_trip(void **state)
{
	(void)state;
	const char *texts[] = {
		"",
		"ASCII alone: 2023, 97.5%",
		"全区共办理行政复议案件126件，同比增长12.5%。",
		"聘请法律顾问（含公职律师）共计３８名；“法律明白人”达到1260名",
		"鼋鼍蘅芷\u3000\u00a0·—…",                  /* rare Han, blanks and marks */
		"\xf0\x9f\x93\x9c 𠀀 outside the plane",       /* four-byte characters */
		"stray \xff\xfe bytes \xe6\xb3 cut \xc0\x80 overlong \xed\xa0\x80 surrogate",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		round_trip(texts[i], strlen(texts[i]));
	char all[256];   /* every byte value, alone */
	for (int b = 0; b < 256; b++) {
		all[0] = (char)b;
		round_trip(all, 1);
		all[b] = (char)b;
	}
	round_trip(all, sizeof all);
}

/* A report's sentence takes about half its UTF-8: its common Han one byte or two, never three. */
static void test_compact(void **state)
{
	(void)state;
	const char *s = "深入推进依法行政，严格规范公正文明执法，全年共作出行政处罚决定389件，"
	                "办理行政复议案件56件，纠错率为12.5%；政府法律顾问参与审查重大行政决策15项。";
	size_t n = strlen(s), size = round_trip(s, n);
	assert_true(size * 10 < n * 6);
	assert_int_equal(textcode_size("法", 3), 1);   /* the most written character of all */
	assert_int_equal(textcode_size("鼋", 3), 4);   /* in no report and no place name: escaped */
	assert_int_not_equal(textcode_key(), 0);
}

/* Code that is cut short or escapes bytes that are no character is refused, not read past. */
static void test_refused(void **state)
{
	(void)state;
	char out[64];
	const unsigned char cut_lead[] = { 'a', TEXTCODE_LEAD };            /* a two-byte code's lead alone */
	const unsigned char cut_char[] = { 0xFE, 0xE6, 0xB3 };              /* an escaped character cut */
	const unsigned char cut_byte[] = { 0xFF };                          /* an escaped byte missing */
	const unsigned char not_utf8[] = { 0xFE, 0x80, 0x80 };              /* escaped bytes no character */
	assert_int_equal(textcode_decode(cut_lead, sizeof cut_lead, out), SIZE_MAX);
	assert_int_equal(textcode_decode(cut_char, sizeof cut_char, out), SIZE_MAX);
	assert_int_equal(textcode_decode(cut_byte, sizeof cut_byte, out), SIZE_MAX);
	assert_int_equal(textcode_decode(not_utf8, sizeof not_utf8, out), SIZE_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_compact),
		cmocka_unit_test(test_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
