/* test_26_checksum.c — the one checksum: given whole or in pieces it is the same, seeds and bytes change it, FNV steps compose. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "checksum.h"

static void test_pieces(void **state)
{
	(void)state;
	unsigned char bytes[1000];
	for (size_t i = 0; i < sizeof bytes; i++)
		bytes[i] = (unsigned char)(i * 37 + 11);
	static const size_t cuts[][3] = { { 0, 0, 0 }, { 1, 63, 64 }, { 63, 1, 200 }, { 64, 64, 500 }, { 7, 300, 999 } };
	uint64_t whole = checksum64(5, bytes, sizeof bytes);
	for (size_t k = 0; k < sizeof cuts / sizeof *cuts; k++) {
		struct checksum c;
		checksum_init(&c, 5);
		size_t at = 0;
		for (int j = 0; j < 3; j++) {
			size_t end = cuts[k][j] > at ? cuts[k][j] : at;
			checksum_add(&c, bytes + at, end - at);
			at = end;
		}
		checksum_add(&c, bytes + at, sizeof bytes - at);
		assert_true(checksum_end(&c) == whole);
	}
}

static void test_changes(void **state)
{
	(void)state;
	unsigned char bytes[130] = { 0 };
	uint64_t a = checksum64(1, bytes, sizeof bytes);
	assert_true(checksum64(2, bytes, sizeof bytes) != a);
	assert_true(checksum64(1, bytes, sizeof bytes - 1) != a);   /* length counts */
	for (size_t i = 0; i < sizeof bytes; i += 43) {
		bytes[i] ^= 1;
		assert_true(checksum64(1, bytes, sizeof bytes) != a);
		bytes[i] ^= 1;
	}
}

static void test_fnv(void **state)
{
	(void)state;
	uint64_t h = checksum_fnv(CHECKSUM_FNV_OFFSET, "法治", strlen("法治"));
	assert_true(checksum_fnv(h, "政府", strlen("政府")) ==
		    checksum_fnv(CHECKSUM_FNV_OFFSET, "法治政府", strlen("法治政府")));
	assert_true(checksum_fnv(CHECKSUM_FNV_OFFSET, "", 0) == CHECKSUM_FNV_OFFSET);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_changes),
		cmocka_unit_test(test_fnv),
	};
	return cmocka_run_group_tests_name("checksum", tests, NULL, NULL);
}
