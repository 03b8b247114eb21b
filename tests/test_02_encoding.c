/* test_02_encoding.c — the decoder: UTF-8/GB18030 detection, line ends, bad bytes, defused controls. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <unistr.h>

#include <unictype.h>

#include "encoding.h"
#include "read_fixture.h"

/* Tests run from the top of the source tree, as make test does. */
#define FIXTURES "tests/fixtures/loader/"

#define S(lit) lit, sizeof lit - 1   /* a string literal and its length, NULs included */
#define FFFD "\xef\xbf\xbd"

/* ---- encoding_decode, table-driven ---- */

struct row {
	const char *name;
	const char *in;
	size_t n;
	const char *out;   /* NULL: must be refused with `cause` */
	size_t outn;
	enum encoding_kind from;
	size_t replaced, defused;
	const char *cause;
};

#define OK(name, in, out, from, rep, def) { name, S(in), S(out), from, rep, def, NULL }
#define REFUSED(name, in, cause) { name, S(in), NULL, 0, 0, 0, 0, cause }

static const struct row rows[] = {
	OK("ascii", "hello\n", "hello\n", ENCODING_UTF8, 0, 0),
	OK("chinese", "一、总体情况\n（一）加强领导。\n", "一、总体情况\n（一）加强领导。\n", ENCODING_UTF8, 0, 0),
	OK("cjk punctuation, nbsp and U+3000 pass",
	   "\xc2\xa0（一）\xe3\x80\x80·—…《》〔2021〕\n", "\xc2\xa0（一）\xe3\x80\x80·—…《》〔2021〕\n",
	   ENCODING_UTF8, 0, 0),
	OK("original U+FFFD is kept, not counted", "平" FFFD "台", "平" FFFD "台", ENCODING_UTF8, 0, 0),
	OK("bom", "\xef\xbb\xbf第一行\n", "第一行\n", ENCODING_UTF8, 0, 0),
	OK("bom + crlf", "\xef\xbb\xbf甲\r\n乙", "甲\n乙", ENCODING_UTF8, 0, 0),
	OK("crlf", "甲\r\n乙\r\n", "甲\n乙\n", ENCODING_UTF8, 0, 0),
	OK("lone cr", "甲\r乙\r", "甲\n乙\n", ENCODING_UTF8, 0, 0),
	OK("cr, crlf, lfcr", "a\r\r\nb\n\rc\r", "a\n\nb\n\nc\n", ENCODING_UTF8, 0, 0),
	OK("a tab becomes two spaces", "项目\t数量\t\t12\n", "项目  数量    12\n", ENCODING_UTF8, 0, 0),
	OK("only a newline", "\n", "\n", ENCODING_UTF8, 0, 0),

	OK("gb2312", "\xd6\xd0\xce\xc4\n", "中文\n", ENCODING_GB18030, 0, 0),
	OK("gb18030 four-byte and gbk", "\xd6\xd0\x95\x34\xb2\x35\xa8\xa6\xa2\xe3\n", "中𠮷é€\n",
	   ENCODING_GB18030, 0, 0),
	OK("gb18030 with its bom", "\x84\x31\x95\x33\xd6\xd0\xce\xc4", "中文", ENCODING_GB18030, 0, 0),
	OK("gb18030 crlf", "\xd6\xd0\r\n\xce\xc4\r\n", "中\n文\n", ENCODING_GB18030, 0, 0),
	OK("gb18030 cut off at the end", "\xd6\xd0\xce\xc4\xd6", "中文" FFFD, ENCODING_GB18030, 1, 0),
	OK("gb18030 with escape", "\xd6\xd0\x1b[2J\xce\xc4", "中\xe2\x90\x9b[2J文", ENCODING_GB18030, 0, 1),
	OK("gb18030 bidi override is defused", "\xd6\xd0\x81\x36\xa7\x31\xce\xc4", "中" FFFD "文",
	   ENCODING_GB18030, 0, 1),
	OK("utf-8 bom before gb18030 bytes", "\xef\xbb\xbf\xb7\xa8\xd6\xce\xd5\xfe\xb8\xae", "法治政府",
	   ENCODING_GB18030, 0, 0),

	OK("stray continuation byte", "法治政府建设\x80年度报告", "法治政府建设" FFFD "年度报告",
	   ENCODING_MIXED, 1, 0),
	OK("stray gb18030 pair stays utf-8", "中文中文中文中文中文\xb0\xa1", "中文中文中文中文中文" FFFD FFFD,
	   ENCODING_MIXED, 2, 0),
	OK("truncated 3-byte sequence at the end", "法治政府建设\xe5\xb9", "法治政府建设" FFFD,
	   ENCODING_MIXED, 1, 0),
	OK("truncated 4-byte sequence at the end", "法治政府建设\xf0\x9f\x98", "法治政府建设" FFFD,
	   ENCODING_MIXED, 1, 0),
	OK("overlong and surrogate", "依法行政依法行政依法行政\xc0\xaf\xed\xa0\x80",
	   "依法行政依法行政依法行政" FFFD FFFD FFFD FFFD FFFD, ENCODING_MIXED, 5, 0),

	OK("osc title", "标题\x1b]0;pwned\x07正文", "标题\xe2\x90\x9b]0;pwned\xe2\x90\x87正文", ENCODING_UTF8, 0, 2),
	OK("csi clear screen", "\x1b[2J\x1b[H清屏", "\xe2\x90\x9b[2J\xe2\x90\x9b[H清屏", ENCODING_UTF8, 0, 2),
	OK("c0 and del", "a\x01" "b\x08" "c\x0b" "d\x0c" "e\x7f", "a␁b␈c␋d␌e␡", ENCODING_UTF8, 0, 5),
	OK("c1 controls", "x\xc2\x9b" "31m\xc2\x85y\xc2\x9d", "x" FFFD "31m" FFFD "y" FFFD, ENCODING_UTF8, 0, 3),
	OK("bidi overrides and isolates", "\xe2\x80\xae" "abc\xe2\x80\xac\xe2\x81\xa6" "d\xe2\x81\xa9",
	   FFFD "abc" FFFD FFFD "d" FFFD, ENCODING_UTF8, 0, 4),
	OK("invisible format characters",
	   "a\xe2\x80\x8b" "b\xe2\x80\x8f" "c\xef\xbb\xbf" "d\xd8\x9c" "e\xe2\x80\xa8" "f\xc2\xad" "g\xe2\x81\xa0" "h\xf3\xa0\x80\x81",
	   "a" FFFD "b" FFFD "c" FFFD "d" FFFD "e" FFFD "f" FFFD "g" FFFD "h" FFFD, ENCODING_UTF8, 0, 8),

	REFUSED("empty", "", "empty file"),
	REFUSED("bom only", "\xef\xbb\xbf", "empty file"),
	REFUSED("nul byte", "abc\0def", "binary file (not text)"),
	REFUSED("nul first", "\0abc", "binary file (not text)"),
	REFUSED("nul last, after a bom", "\xef\xbb\xbf甲\n\0", "binary file (not text)"),
	REFUSED("nul inside a character", "法治\xe6\0\xb2\xbb", "binary file (not text)"),
	REFUSED("nul among controls", "\x1b[2J\r\n\t\0", "binary file (not text)"),
	REFUSED("nul in gb18030", "\xd6\xd0\0\xce\xc4", "binary file (not text)"),
	REFUSED("mostly undecodable", "\xff\xff\xff\xff" "abc", "binary file (not text)"),
	REFUSED("png header", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "binary file (not text)"),
};

/* Checks what decoding row r gave: rc, d and cause; frees them. */
static void assert_row(const struct row *r, int rc, struct decoded *d, char *cause)
{
	if (!r->out) {
		assert_int_equal(rc, -1);
		assert_string_equal(cause, r->cause);
		free(cause);
		return;
	}
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_int_equal(d->len, r->outn);
	assert_int_equal(strlen(d->text), d->len);
	assert_string_equal(d->text, r->out);
	assert_int_equal(d->from, r->from);
	assert_int_equal(d->replaced, r->replaced);
	assert_int_equal(d->defused, r->defused);
	free(d->text);
}

static void test_rows(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		struct decoded d;
		char *cause = NULL;
		int rc = encoding_decode(r->in, r->n, &d, &cause);
		print_message("  %s\n", r->name);
		assert_row(r, rc, &d, cause);
	}
}

/* Whether row r's text is its bytes as they are, a BOM dropped: the rows whose block the
 * decoder may take. */
static int kept_as_is(const struct row *r)
{
	size_t bom = r->n >= 3 && memcmp(r->in, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	return r->out && r->from == ENCODING_UTF8 && r->outn == r->n - bom && memcmp(r->out, r->in + bom, r->outn) == 0;
}

/* encoding_decode_take gives what encoding_decode gives; it takes the block exactly when the
 * text is the bytes as they are, and leaves any other block untouched. */
static void test_rows_taken(void **state)
{
	(void)state;
	size_t taken = 0;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct row *r = &rows[i];
		char *block = malloc(r->n + 1), *given = block;
		memcpy(block, r->in, r->n);
		struct decoded d;
		char *cause = NULL;
		int rc = encoding_decode_take(&block, r->n, &d, &cause);
		print_message("  %s\n", r->name);
		if (kept_as_is(r)) {
			assert_null(block);
			taken++;
		} else {
			assert_ptr_equal(block, given);
			assert_memory_equal(block, r->in, r->n);
		}
		free(block);
		assert_row(r, rc, &d, cause);
	}
	assert_true(taken >= 5);   /* ascii, chinese, punctuation, U+FFFD, the bom */
}

/* ---- fixtures: the samples in other encodings ---- */

static void decode_file(const char *path, struct decoded *d)
{
	size_t n;
	char *bytes = read_fixture(path, &n);
	char *cause = NULL;
	if (encoding_decode(bytes, n, d, &cause) != 0)
		fail_msg("%s: %s", path, cause);
	free(bytes);
}

/* The decoded variant equals the UTF-8 original byte for byte (the originals need no cleaning). */
static void assert_same_as(const char *variant, const char *original, enum encoding_kind from)
{
	struct decoded v, o;
	size_t n;
	char *raw = read_fixture(original, &n);
	decode_file(variant, &v);
	decode_file(original, &o);
	assert_int_equal(o.from, ENCODING_UTF8);
	assert_int_equal(o.len, n);
	assert_memory_equal(o.text, raw, n);
	assert_int_equal(v.from, from);
	assert_int_equal(v.replaced, 0);
	assert_int_equal(v.defused, 0);
	assert_int_equal(v.len, n);
	assert_memory_equal(v.text, raw, n);
	free(raw);
	free(v.text);
	free(o.text);
}

static void test_gb18030_crlf_putuo(void **state)
{
	(void)state;
	assert_same_as(FIXTURES "putuo-2021.gb18030-crlf.txt", "assets/reports/putuo-2021.txt",
	               ENCODING_GB18030);
}

static void test_gb18030_simen(void **state)
{
	(void)state;
	assert_same_as(FIXTURES "simen-2022.gb18030.txt", "assets/reports/simen-2022.txt", ENCODING_GB18030);
}

static void test_bom_cr_wujin(void **state)
{
	(void)state;
	assert_same_as(FIXTURES "wujin-2020.bom-cr.txt", "assets/reports/wujin-2020.txt", ENCODING_UTF8);
}

static size_t count(const char *hay, size_t n, const char *needle)
{
	size_t k = 0, m = strlen(needle);
	for (size_t i = 0; i + m <= n; i++)
		if (memcmp(hay + i, needle, m) == 0) {
			k++;
			i += m - 1;
		}
	return k;
}

/* A UTF-8 report with one GB18030 paragraph (line 27) stays UTF-8: that paragraph's bytes
 * become U+FFFD (251 maximal subparts), every other line is untouched. */
static void test_mixed_encodings(void **state)
{
	(void)state;
	struct decoded d;
	size_t n;
	char *orig = read_fixture("assets/reports/zhanjiang-etdz-2022.txt", &n);
	decode_file(FIXTURES "zhanjiang-etdz-2022.mixed.txt", &d);
	assert_int_equal(d.from, ENCODING_MIXED);
	assert_int_equal(d.replaced, 251);
	assert_int_equal(d.defused, 0);
	assert_int_equal(count(d.text, d.len, FFFD), 251 + count(orig, n, FFFD));
	/* Lines 1–26 and 28– are as in the original. */
	const char *a = orig, *b = d.text;
	for (int line = 1; line < 27; line++) {
		const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
		assert_int_equal(ea - a, eb - b);
		assert_memory_equal(a, b, (size_t)(ea - a));
		a = ea + 1;
		b = eb + 1;
	}
	a = strchr(a, '\n');
	b = strchr(b, '\n');
	assert_int_equal(n - (size_t)(a - orig), d.len - (size_t)(b - d.text));
	assert_memory_equal(a, b, n - (size_t)(a - orig));
	free(orig);
	free(d.text);
}

static void test_invalid_utf8_fixture(void **state)
{
	(void)state;
	struct decoded d;
	decode_file(FIXTURES "invalid-utf8.txt", &d);
	assert_string_equal(d.text,
		"某区2023年法治政府建设年度报告\n"
		"一、主要工作\n"
		"（一）完善制度体系。全年制定规范性文件" FFFD "12件，清理" FFFD FFFD "文件。\n"
		"（二）严格执法。开展执法检查" FFFD FFFD FFFD "38次，caf" FFFD " 检查。\n"
		"二、存在问题\n"
		"执法人员培训不足" FFFD);
	assert_int_equal(d.from, ENCODING_MIXED);
	assert_int_equal(d.replaced, 8);
	assert_int_equal(d.defused, 0);
	free(d.text);
}

static void test_escapes_fixture(void **state)
{
	(void)state;
	struct decoded d;
	decode_file(FIXTURES "escapes.txt", &d);
	assert_string_equal(d.text,
		"恶意报告␛]0;pwned␇标题\n"
		"一、␛[2J␛[H总体情况\n"
		"正文␛[31m红色␛[0m，链接␛]8;;http://example.com␛\\点击␛]8;;␛\\。\n"
		"二、顺序" FFFD "颠倒" FFFD "与" FFFD "隔离" FFFD "\n"
		"C1" FFFD "31m零宽" FFFD "字符␇␈结束\n");
	assert_int_equal(d.from, ENCODING_UTF8);
	assert_int_equal(d.replaced, 0);
	assert_int_equal(d.defused, 18);
	for (size_t i = 0; i < d.len; i++)
		assert_true((unsigned char)d.text[i] >= 0x20 || d.text[i] == '\n');
	free(d.text);
}

static void test_not_text_fixtures(void **state)
{
	(void)state;
	static const char *const files[][2] = {
		{ FIXTURES "empty.txt", "empty file" },
		{ FIXTURES "binary.txt", "binary file (not text)" },
	};
	for (size_t i = 0; i < 2; i++) {
		size_t n;
		char *bytes = read_fixture(files[i][0], &n), *cause = NULL;
		struct decoded d;
		assert_int_equal(encoding_decode(bytes, n, &d, &cause), -1);
		assert_string_equal(cause, files[i][1]);
		free(cause);
		free(bytes);
	}
}

/* ---- size: linear time and one output allocation ---- */

#define BIG (10u << 20)

/* A 10 MB line of Chinese with no newline comes back whole. */
static void test_10mb_single_line(void **state)
{
	(void)state;
	char *in = malloc(BIG);
	for (size_t i = 0; i < BIG; i += 6)
		memcpy(in + i, "法治", BIG - i < 6 ? BIG - i : 6);
	size_t n = BIG - BIG % 6;   /* whole characters */
	struct decoded d;
	char *cause = NULL;
	assert_int_equal(encoding_decode(in, n, &d, &cause), 0);
	assert_int_equal(d.from, ENCODING_UTF8);
	assert_int_equal(d.len, n);
	assert_memory_equal(d.text, in, n);
	assert_int_equal(d.text[n], '\0');
	free(d.text);

	/* The same with a stray byte and an escape every 4 KB, each in place of a "法". */
	size_t strays = 0;
	for (size_t i = 6 * 683; i + 6 < n; i += 6 * 683, strays++)
		memcpy(in + i, "\xff\x1b" "a", 3);
	assert_int_equal(encoding_decode(in, n, &d, &cause), 0);
	assert_int_equal(d.from, ENCODING_MIXED);
	assert_int_equal(d.replaced, strays);
	assert_int_equal(d.defused, strays);
	free(d.text);
	free(in);
}

/* 10 MB of GB18030 "中" in one line: 5 M characters, 15 MB of UTF-8. */
static void test_10mb_gb18030_line(void **state)
{
	(void)state;
	char *in = malloc(BIG);
	for (size_t i = 0; i < BIG; i += 2)
		memcpy(in + i, "\xd6\xd0", 2);
	struct decoded d;
	char *cause = NULL;
	assert_int_equal(encoding_decode(in, BIG, &d, &cause), 0);
	assert_int_equal(d.from, ENCODING_GB18030);
	assert_int_equal(d.replaced, 0);
	assert_int_equal(d.len, BIG / 2 * 3);
	for (size_t i = 0; i < d.len; i += 3)
		if (memcmp(d.text + i, "中", 3) != 0)
			fail_msg("byte %zu", i);
	free(d.text);
	free(in);
}

/* 5 M lone CRs: each becomes "\n" in place. */
static void test_10mb_cr_lines(void **state)
{
	(void)state;
	char *in = malloc(BIG);
	for (size_t i = 0; i < BIG; i += 2)
		memcpy(in + i, "a\r", 2);
	struct decoded d;
	char *cause = NULL;
	assert_int_equal(encoding_decode(in, BIG, &d, &cause), 0);
	assert_int_equal(d.len, BIG);
	for (size_t i = 0; i < BIG; i += 2)
		if (d.text[i] != 'a' || d.text[i + 1] != '\n')
			fail_msg("byte %zu", i);
	free(d.text);
	free(in);
}

/* ---- encoding_clean: no detection, invalid UTF-8 by maximal subparts ---- */

struct clean_row {
	const char *in;
	size_t n;
	const char *out;
	size_t outn;
};

static const struct clean_row clean_rows[] = {
	{ S("abc"), S("abc") },
	{ S(""), S("") },
	{ S("查询 法治"), S("查询 法治") },
	{ S("a\0b"), S("a␀b") },
	{ S("\x1b[31m红\x1b[0m"), S("␛[31m红␛[0m") },
	{ S("a\r\nb\rc\td"), S("a\nb\nc  d") },
	{ S("\xff\xfe"), S(FFFD FFFD) },
	{ S("\xc3"), S(FFFD) },
	{ S("\xc3(x"), S(FFFD "(x") },
	{ S("\xe0\x80\x80"), S(FFFD FFFD FFFD) },          /* overlong: E0 needs A0–BF next */
	{ S("\xe0\xa0x"), S(FFFD "x") },                    /* cut-off 3-byte sequence: one */
	{ S("\xed\xa0\x80"), S(FFFD FFFD FFFD) },          /* surrogate U+D800 */
	{ S("\xed\x9f\xbf"), S("\xed\x9f\xbf") },          /* U+D7FF is fine */
	{ S("\xf0\x9f\x98"), S(FFFD) },
	{ S("\xf0\x80\x80\x80"), S(FFFD FFFD FFFD FFFD) },
	{ S("\xf4\x90\x80\x80"), S(FFFD FFFD FFFD FFFD) }, /* above U+10FFFF */
	{ S("\xf4\x8f\xbf\xbf"), S("\xf4\x8f\xbf\xbf") },  /* U+10FFFF */
	{ S("\xf5\x80"), S(FFFD FFFD) },
	{ S("\xef\xbf\xbf"), S("\xef\xbf\xbf") },          /* U+FFFF: not a format character */
	{ S("\xef\xbb\xbfq"), S(FFFD "q") },               /* no BOM stripping here */
	{ S("\xc2\x9b"), S(FFFD) },
	{ S("\xe2\x80\xae"), S(FFFD) },
};

static void test_clean(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof clean_rows / sizeof clean_rows[0]; i++) {
		const struct clean_row *r = &clean_rows[i];
		size_t len = 12345;
		char *t = encoding_clean(r->in, r->n, &len);
		print_message("  row %zu\n", i);
		assert_int_equal(len, r->outn);
		assert_memory_equal(t, r->out, r->outn + 1);   /* NUL-terminated */
		free(t);
	}
	char *t = encoding_clean(S("x\x07"), NULL);
	assert_string_equal(t, "x␇");
	free(t);
}

/* Every character of the blocks where common punctuation is copied without a closer look
 * (U+2000–U+20FF, U+FF00–U+FFFF) and of U+3000–U+CFFF, between two letters and in a run of
 * Chinese: kept as it is unless a format character or a separator (Cf, Zl, Zp), which becomes
 * U+FFFD, as libunistring's tables say. */
static void test_clean_blocks(void **state)
{
	(void)state;
	static const uint32_t from[] = { 0x2000, 0x3000, 0xff00 }, to[] = { 0x20ff, 0xcfff, 0xffff };
	for (size_t b = 0; b < 3; b++)
		for (uint32_t c = from[b]; c <= to[b]; c++) {
			if (c >= 0xd800 && c <= 0xdfff)
				continue;
			uint8_t u[4];
			int n = u8_uctomb(u, c, 4);
			assert_int_equal(n, 3);
			int defused = uc_is_general_category(c, uc_general_category_or(uc_general_category_or(UC_CATEGORY_Cf,
			                                                                   UC_CATEGORY_Zl), UC_CATEGORY_Zp));
			const char *keep = defused ? FFFD : (const char *)u;
			/* after 0 to 4 characters of a run, so that it stands at each place of five
			 * that cleaning may look at together */
			for (int before = 0; before <= 12; before += 3) {
				char in[64], want[64];
				int k = snprintf(in, sizeof in, "a%.*s%.3s法治政府建设%.3s。", before, "依法行政工", (const char *)u,
				                 (const char *)u);
				int w = snprintf(want, sizeof want, "a%.*s%.3s法治政府建设%.3s。", before, "依法行政工", keep, keep);
				size_t len;
				char *t = encoding_clean(in, (size_t)k, &len);
				if (len != (size_t)w || memcmp(t, want, len) != 0)
					fail_msg("U+%04X after %d bytes: %s", (unsigned)c, before, defused ? "not defused" : "changed");
				free(t);
			}
		}
}

/* Clean text is a fixed point: every loader fixture's decoded text decodes to itself, as
 * UTF-8 with nothing replaced or defused (what the fuzz target checks on random bytes). */
/* Pieces of text and their clean forms, none changing how its neighbours read: whatever
 * string they are joined into, its clean form is theirs joined. */
static const struct { const char *in, *out; } pieces[] = {
	{ "a", "a" }, { "2021", "2021" }, { ",", "," }, { "~", "~" }, { " ", " " }, { "\n", "\n" },
	{ "\t", "  " }, { "\x1b", "␛" }, { "\x7f", "␡" }, { "\x1f", "␟" },
	{ "法", "法" }, { "　", "　" }, { "。", "。" }, { "\xec\x9c\x84", "\xec\x9c\x84" }, { "丁", "丁" },
	{ "\xe2\x80\x94", "\xe2\x80\x94" }, { "，", "，" }, { "\xc2\xa0", "\xc2\xa0" }, { "𠮷", "𠮷" },
	{ "\xe2\x80\x8b", FFFD }, { "\xef\xbb\xbf", FFFD }, { "\xc2\x9b", FFFD }, { "\xed\x9f\xbf", "\xed\x9f\xbf" },
	{ "\x01", "␁" }, { "\x80", FFFD }, { "\xff", FFFD }, { "\xc0\xaf", FFFD FFFD }, { "\xed\xa0\x80", FFFD FFFD FFFD },
};

/* Cleaning looks at several bytes at once where it can: strings of pieces at every offset and
 * in every mix (a seeded random walk) clean as their pieces do one by one. */
static void test_clean_pieces(void **state)
{
	(void)state;
	enum { NPIECES = sizeof pieces / sizeof pieces[0], ROUNDS = 3000, MAXLEN = 120 };
	char in[MAXLEN * 4 + 1], want[MAXLEN * 9 + 1];
	unsigned seed = 12345;
	for (int round = 0; round < ROUNDS; round++) {
		size_t ni = 0, nw = 0, count = (size_t)round % MAXLEN;
		for (size_t k = 0; k < count; k++) {
			seed = seed * 1103515245u + 12345u;
			/* Runs of the kept pieces (ASCII and U+3000–U+CFFF) mostly, as in a report. */
			size_t p = (seed >> 16) % 8 < 6 ? (seed >> 8) % 15 : (seed >> 8) % NPIECES;
			size_t a = strlen(pieces[p].in), b = strlen(pieces[p].out);
			memcpy(in + ni, pieces[p].in, a);
			memcpy(want + nw, pieces[p].out, b);
			ni += a, nw += b;
		}
		want[nw] = '\0';
		size_t len;
		char *t = encoding_clean(in, ni, &len);
		if (len != nw || strcmp(t, want) != 0)
			fail_msg("round %d: %zu bytes cleaned to %zu, not %zu", round, ni, len, nw);
		free(t);
	}
}

/* Cleaning looks at up to 32 bytes at once, and a character may stand across two such turns:
 * one character that breaks a run of kept ones (a control, a character outside the kept
 * blocks, a format character, a stray or cut sequence) at every byte offset of a run of
 * characters of one, three and mixed widths comes out as it does alone, and the kept run
 * around it as it was. */
static void test_clean_run_breaks(void **state)
{
	(void)state;
	static const char *const kept[] = { "a", "法", "，", "—", "‰", "ｈ", "\n", "\xec\x9c\x84", "‧", "　" };
	static const struct { const char *in, *out; } breaks[] = {
		{ "\t", "  " }, { "\x1b", "␛" }, { "\x7f", "␡" }, { "\xe2\x80\xa8", FFFD }, { "\xe2\x80\x8b", FFFD },
		{ "\xe2\x81\xa6", FFFD }, { "\xef\xbb\xbf", FFFD }, { "\xe2\x80\xaf", "\xe2\x80\xaf" },
		{ "\xef\xbe\x80", "\xef\xbe\x80" }, { "\xe1\x80\x80", "\xe1\x80\x80" }, { "\xee\x80\x80", "\xee\x80\x80" },
		{ "\xed\x9f\xbf", "\xed\x9f\xbf" }, { "\xc2\xa0", "\xc2\xa0" }, { "𠮷", "𠮷" }, { "\x80", FFFD },
		{ "\xe3\x80", FFFD }, { "\xe0\x80\x80", FFFD FFFD FFFD },
	};
	enum { NKEPT = sizeof kept / sizeof kept[0], NBREAKS = sizeof breaks / sizeof breaks[0] };
	char in[512], want[512];
	for (int mix = 0; mix < 4; mix++)   /* runs of ASCII, of three-byte characters, and two mixes */
		for (size_t before = 0; before < 90; before++)
			for (size_t b = 0; b < NBREAKS; b++) {
				size_t ni = 0, nw = 0, k = 0, end = SIZE_MAX;
				unsigned seed = (unsigned)(before * 31 + b * 7 + (size_t)mix);
				while (ni < end) {
					if (ni >= before && end == SIZE_MAX) {   /* the break, then 80 bytes more */
						size_t a = strlen(breaks[b].in), w = strlen(breaks[b].out);
						memcpy(in + ni, breaks[b].in, a), memcpy(want + nw, breaks[b].out, w);
						ni += a, nw += w;
						end = ni + 80;
						continue;
					}
					seed = seed * 1103515245u + 12345u;
					const char *p = mix == 0 ? "a" : mix == 1 ? "法" : kept[(mix == 2 ? k++ : seed >> 16) % NKEPT];
					size_t len = strlen(p);
					memcpy(in + ni, p, len), memcpy(want + nw, p, len);
					ni += len, nw += len;
				}
				want[nw] = '\0';
				size_t len;
				char *t = encoding_clean(in, ni, &len);
				if (len != nw || strcmp(t, want) != 0)
					fail_msg("mix %d, break %zu after %zu bytes: cleaned to %zu bytes, not %zu", mix, b, before,
					         len, nw);
				free(t);
			}
}

static void test_fixed_point(void **state)
{
	(void)state;
	static const char *const files[] = {
		FIXTURES "escapes.txt", FIXTURES "invalid-utf8.txt", FIXTURES "putuo-2021.gb18030-crlf.txt",
		FIXTURES "simen-2022.gb18030.txt", FIXTURES "wujin-2020.bom-cr.txt", FIXTURES "zhanjiang-etdz-2022.mixed.txt",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct decoded d, again;
		char *cause = NULL;
		decode_file(files[i], &d);
		assert_int_equal(encoding_decode(d.text, d.len, &again, &cause), 0);
		assert_int_equal(again.len, d.len);
		assert_memory_equal(again.text, d.text, d.len);
		assert_int_equal(again.from, ENCODING_UTF8);
		assert_int_equal(again.replaced, 0);
		assert_int_equal(again.defused, 0);
		size_t n;
		char *c = encoding_clean(d.text, d.len, &n);
		assert_int_equal(n, d.len);
		assert_memory_equal(c, d.text, n);
		free(c);
		free(again.text);
		free(d.text);
	}
}

/* encoding_next: one character and its length; a byte that begins no valid character is
 * U+FFFD alone, so a scan goes on at the next byte. */
static void test_next_char(void **ctx)
{
	(void)ctx;
	static const struct { const char *s; uint32_t c; size_t len; } rows[] = {
		{ "a", 'a', 1 },
		{ "\xc3\xa9", 0xe9, 2 },                 /* é */
		{ "中文", 0x4e2d, 3 },
		{ "\xef\xbc\x88", 0xff08, 3 },          /* （ */
		{ "\xe0\xa4\x85", 0x905, 3 },           /* E0 with its narrower second byte */
		{ "\xf0\x9f\x98\x80", 0x1f600, 4 },
		{ "\xef\xbf\xbd", 0xfffd, 3 },          /* a real U+FFFD is three bytes */
		{ "\xff", 0xfffd, 1 },
		{ "\xe4\xb8", 0xfffd, 1 },              /* a truncated 中 */
		{ "\xe4\x41\x41", 0xfffd, 1 },
		{ "\xed\xa0\x80", 0xfffd, 1 },          /* a surrogate */
		{ "\xe0\x80\xaf", 0xfffd, 1 },          /* overlong */
		{ "\x80", 0xfffd, 1 },
	};
	for (size_t k = 0; k < sizeof rows / sizeof *rows; k++) {
		size_t i = 0, n = strlen(rows[k].s);
		assert_int_equal(encoding_next(rows[k].s, n, &i), rows[k].c);
		assert_int_equal(i, rows[k].len);
	}
	size_t i = 1;   /* from the middle, never reading past n */
	assert_int_equal(encoding_next("x中", 3, &i), 0xfffd);
	assert_int_equal(i, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_rows_taken),
		cmocka_unit_test(test_fixed_point),
		cmocka_unit_test(test_gb18030_crlf_putuo),
		cmocka_unit_test(test_gb18030_simen),
		cmocka_unit_test(test_bom_cr_wujin),
		cmocka_unit_test(test_mixed_encodings),
		cmocka_unit_test(test_invalid_utf8_fixture),
		cmocka_unit_test(test_escapes_fixture),
		cmocka_unit_test(test_not_text_fixtures),
		cmocka_unit_test(test_10mb_single_line),
		cmocka_unit_test(test_10mb_gb18030_line),
		cmocka_unit_test(test_10mb_cr_lines),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_clean_blocks),
		cmocka_unit_test(test_clean_pieces),
		cmocka_unit_test(test_clean_run_breaks),
		cmocka_unit_test(test_next_char),
	};
	return cmocka_run_group_tests_name("encoding", tests, NULL, NULL);
}
