/* test_01_buf.c — the byte buffer: growth, printf, take, and JSON strings that are always valid. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "xmalloc.h"

static void test_grow_and_take(void **state)
{
	(void)state;
	struct buf b = { 0 };
	for (int i = 0; i < 10000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 10000);
	assert_int_equal(b.data[b.len], '\0');
	assert_memory_equal(b.data + 26, "abc", 3);
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.data, "");
	buf_printf(&b, "%s=%d", "年份", 2021);
	buf_adds(&b, "。");
	char *s = buf_take(&b);
	assert_string_equal(s, "年份=2021。");
	assert_null(b.data);
	free(s);
	s = buf_take(&b);          /* an empty buffer still hands over a string */
	assert_string_equal(s, "");
	free(s);
}

/* A formatted string longer than the room left is written whole, after what was there. */
static void test_printf_past_the_room(void **state)
{
	(void)state;
	struct buf b = { 0 };
	char want[400];
	for (int len = 0; len < 300; len += 37) {
		buf_reset(&b);
		buf_adds(&b, "前");
		buf_printf(&b, "%d:%*s|", len, len, "x");
		int n = snprintf(want, sizeof want, "前%d:%*s|", len, len, "x");
		assert_int_equal(b.len, (size_t)n);
		assert_string_equal(b.data, want);
	}
	buf_printf(&b, "%s", "");
	assert_string_equal(b.data, want);   /* nothing added, still terminated */
	buf_fini(&b);
}

static void json(const char *in, size_t n, const char *want)
{
	struct buf b = { 0 };
	buf_add_json(&b, in, n);
	assert_string_equal(b.data, want);
	buf_fini(&b);
}

/* Integers as "%lld" writes them, the extremes included. */
static void test_add_int(void **state)
{
	(void)state;
	static const long long v[] = { 0, 7, -7, 2021, 1000000, -1000000, LLONG_MAX, LLONG_MIN };
	struct buf b = { 0 };
	char want[32];
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		buf_reset(&b);
		buf_adds(&b, "x");
		buf_add_int(&b, v[i]);
		snprintf(want, sizeof want, "x%lld", v[i]);
		assert_string_equal(b.data, want);
		assert_int_equal(b.len, strlen(want));
	}
	buf_fini(&b);
}

static void test_json(void **state)
{
	(void)state;
	json("", 0, "\"\"");
	json("法治政府", strlen("法治政府"), "\"法治政府\"");
	json("a\"b\\c", 5, "\"a\\\"b\\\\c\"");
	json("1\n2\t3\r", 6, "\"1\\n2\\t3\\r\"");
	json("\x1b]0;x\x07", 6, "\"\\u001b]0;x\\u0007\"");
	json("\x7f", 1, "\"\\u007f\"");
	/* Bytes that are not UTF-8 (a GBK file name) become \ufffd, one per bad byte. */
	json("\xb7\xa8\xd6\xce.txt", 8, "\"\\ufffd\\ufffd\\ufffd\\ufffd.txt\"");
	/* A sequence cut off at the end, and a surrogate encoded in UTF-8. */
	json("法\xe6\xb2", 5, "\"法\\ufffd\\ufffd\"");
	json("\xed\xa0\x80", 3, "\"\\ufffd\\ufffd\\ufffd\"");
	/* A NUL inside the range is escaped, not a terminator. */
	json("a\0b", 3, "\"a\\u0000b\"");
}

static void test_csv(void **state)
{
	(void)state;
	static const struct {
		const char *in, *want;
	} rows[] = {
		{ "", "" }, { "舟山市普陀区", "舟山市普陀区" }, { "a,b", "\"a,b\"" }, { "say \"hi\"", "\"say \"\"hi\"\"\"" },
		{ "1\n2", "\"1\n2\"" }, { "1\r\n", "\"1\r\n\"" }, { "，全角逗号", "，全角逗号" },
		{ "\"\"a\"", "\"\"\"\"\"a\"\"\"" }, { "a,\"", "\"a,\"\"\"" },
	};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct buf b = { 0 };
		buf_add_csv(&b, rows[i].in, strlen(rows[i].in));
		assert_string_equal(b.data ? b.data : "", rows[i].want);
		buf_fini(&b);
	}
}

/* Every place of a special character in fields longer than a word, among Chinese text and every
 * other byte: quoted when one is there, never otherwise. */
static void test_csv_every_place(void **state)
{
	(void)state;
	static const char special[] = { ',', '"', '\n', '\r' };
	char s[64];
	for (size_t n = 1; n <= 40; n++)
		for (size_t at = 0; at < n; at++)
			for (size_t k = 0; k < sizeof special; k++) {
				for (size_t i = 0; i < n; i++)
					s[i] = "\xe6\xb3\x95"[i % 3];   /* 法 */
				s[at] = special[k];
				struct buf b = { 0 };
				buf_add_csv(&b, s, n);
				assert_true(b.len > n && b.data[0] == '"' && b.data[b.len - 1] == '"');
				buf_fini(&b);
			}
	for (int c = 1; c < 256; c++) {
		if (c == ',' || c == '"' || c == '\n' || c == '\r')
			continue;
		for (size_t n = 1; n <= 19; n++) {
			memset(s, c, n);
			struct buf b = { 0 };
			buf_add_csv(&b, s, n);
			assert_int_equal(b.len, n);
			assert_memory_equal(b.data, s, n);
			buf_fini(&b);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow_and_take),
		cmocka_unit_test(test_printf_past_the_room),
		cmocka_unit_test(test_add_int),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_csv_every_place),
	};
	return cmocka_run_group_tests_name("buf", tests, NULL, NULL);
}
