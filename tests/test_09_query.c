/* test_09_query.c — the search language: terms, phrases, OR groups, exclusions, filters, and every malformed query refused with a message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "query.h"
#include "report.h"

static struct query *parse(const char *s)
{
	char *cause = NULL;
	struct query *q = query_parse(s, strlen(s), &cause);
	if (!q)
		fail_msg("query [%s] refused: %s", s, cause);
	assert_null(cause);
	return q;
}

static void test_terms_and_groups(void **state)
{
	(void)state;
	struct query *q = parse("法治 ＡＰＰ -信访 复议 OR 诉讼 OR 调解");
	assert_int_equal(q->nterms, 6);
	assert_int_equal(q->ngroups, 3);
	const char *text[] = { "法治", "app", "信访", "复议", "诉讼", "调解" };
	const int group[] = { 0, 1, -1, 2, 2, 2 };
	const int exclude[] = { 0, 0, 1, 0, 0, 0 };
	for (size_t i = 0; i < 6; i++) {
		assert_string_equal(q->terms[i].text, text[i]);
		assert_int_equal(q->terms[i].len, strlen(text[i]));
		assert_int_equal(q->terms[i].group, group[i]);
		assert_int_equal(q->terms[i].exclude, exclude[i]);
	}
	assert_null(q->region);
	assert_int_equal(q->year_from, 0);
	query_free(q);
}

static void test_phrases(void **state)
{
	(void)state;
	struct query *q = parse("\"法治 政府\" “互联网＋监管” -\"a b\"");
	assert_int_equal(q->nterms, 3);
	assert_string_equal(q->terms[0].text, "法治 政府");
	assert_string_equal(q->terms[1].text, "互联网+监管");
	assert_string_equal(q->terms[2].text, "a b");
	assert_int_equal(q->terms[2].exclude, 1);
	query_free(q);
	/* U+3000 separates terms like a space; lower-case or is a term. */
	q = parse("法治\u3000政府 or");
	assert_int_equal(q->nterms, 3);
	assert_int_equal(q->ngroups, 3);
	assert_string_equal(q->terms[2].text, "or");
	query_free(q);
}

static void test_filters(void **state)
{
	(void)state;
	struct query *q = parse("region:普陀 year:2021 复议");
	assert_string_equal(q->region, "普陀");
	assert_int_equal(q->year_from, 2021);
	assert_int_equal(q->year_to, 2021);
	assert_int_equal(q->nterms, 1);
	query_free(q);
	q = parse("year:2019..2022");
	assert_int_equal(q->year_from, 2019);
	assert_int_equal(q->year_to, 2022);
	assert_int_equal(q->nterms, 0);
	assert_int_equal(q->ngroups, 0);
	query_free(q);
	q = parse("REGION：静安");   /* full-width colon, any case */
	assert_string_equal(q->region, "静安");
	assert_int_equal(q->level, -1);
	assert_int_equal(q->parts | q->topics, 0);
	assert_null(q->issuer);
	query_free(q);
}

/* The filters on the classes and the body: by id, by Chinese label or words of it. */
static const struct {
	const char *query;
	unsigned parts, topics;
	int level;
	const char *issuer;
} filter_rows[] = {
	{ "part:问题不足", 1u << CLASSIFY_PROBLEMS, 0, -1, NULL },
	{ "part:problems", 1u << CLASSIFY_PROBLEMS, 0, -1, NULL },
	{ "PART:Plans", 1u << CLASSIFY_PLANS, 0, -1, NULL },
	{ "part:问题", 1u << CLASSIFY_PROBLEMS, 0, -1, NULL },
	{ "topic:行政复议", 0, 1u << CLASSIFY_REVIEW, -1, NULL },
	{ "topic:review", 0, 1u << CLASSIFY_REVIEW, -1, NULL },
	{ "level:乡镇", 0, 0, REPORT_LEVEL_TOWN, NULL },
	{ "level:town", 0, 0, REPORT_LEVEL_TOWN, NULL },
	{ "level:街道", 0, 0, REPORT_LEVEL_TOWN, NULL },
	{ "level:区", 0, 0, REPORT_LEVEL_COUNTY, NULL },
	{ "level:department", 0, 0, REPORT_LEVEL_DEPARTMENT, NULL },
	{ "issuer:司法局 复议", 0, 0, -1, "司法局" },
	{ "issuer：ＡＢＣ", 0, 0, -1, "abc" },
};

static void test_class_filters(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof filter_rows / sizeof filter_rows[0]; i++) {
		struct query *q = parse(filter_rows[i].query);
		if (q->parts != filter_rows[i].parts || q->topics != filter_rows[i].topics || q->level != filter_rows[i].level)
			fail_msg("[%s]: parts %x topics %x level %d", filter_rows[i].query, q->parts, q->topics, q->level);
		if (filter_rows[i].issuer)
			assert_string_equal(q->issuer, filter_rows[i].issuer);
		else
			assert_null(q->issuer);
		assert_true(query_has_filter(q));
		query_free(q);
	}
}

struct bad_row {
	const char *query;
	const char *message;   /* expected start of the message */
};

static const struct bad_row bad[] = {
	{ "", "empty query" },
	{ "   \u3000 ", "empty query" },
	{ "\"法治", "unbalanced quote" },
	{ "法治 \"政府", "unbalanced quote" },
	{ "\"\"", "empty phrase" },
	{ "-", "lone '-'" },
	{ "法治 - 政府", "lone '-'" },
	{ "OR", "OR needs a term on each side" },
	{ "法治 OR", "OR needs a term on each side" },
	{ "OR 法治", "OR needs a term on each side" },
	{ "法治 OR OR 政府", "OR needs a term on each side" },
	{ "法治 OR -政府", "OR needs a term on each side" },
	{ "-信访", "nothing to search for" },
	{ "year:21", "year: expects" },
	{ "year:2022..2019", "year: expects" },
	{ "year:", "year: needs a value" },
	{ "region:", "region: needs a value" },
	{ "region:a region:b", "region: is given twice" },
	{ "-region:普陀 法治", "a region: filter cannot be negated" },
	{ "-part:problems 法治", "a part: filter cannot be negated" },
	{ "part:", "part: needs a value, as in part:问题不足" },
	{ "part:天气", "part: does not know '天气'" },
	{ "topic:天气", "topic: does not know '天气'" },
	{ "level:村", "level: does not know '村'" },
	{ "level:town level:乡镇", "level: is given twice" },
	{ "issuer:a issuer:b", "issuer: is given twice" },
	{ "topic:review topic:复议", "topic: is given twice" },
	{ "\xFF\xFE", "the query is not valid UTF-8" },
	{ "法\xE6\xB3", "the query is not valid UTF-8" },
	{ "Sta\x03" "e", "the query holds a control character" },
	{ "法治\x1B[31m", "the query holds a control character" },
	{ "a\x7F", "the query holds a control character" },
	{ "法治\xC2\x85", "the query holds a control character" },   /* NEL, a C1 control */
};

/* A NUL inside the bytes is a control character too; the terms stay C strings. Found by
 * fuzz_query (tests/fuzz/regress/fuzz_query). */
static void test_nul_refused(void **state)
{
	(void)state;
	char *cause = NULL;
	assert_null(query_parse("Sta\0\x03" "e", 6, &cause));
	assert_string_equal(cause, "the query holds a control character, which no report contains");
	free(cause);
	cause = NULL;
	struct query *q = query_parse("\xC2\xA0法治\t政府", strlen("\xC2\xA0法治\t政府"), &cause);   /* no-break space, tab: fine */
	assert_non_null(q);
	assert_int_equal(q->nterms, 2);
	query_free(q);
}

static void test_malformed(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char *cause = NULL;
		struct query *q = query_parse(bad[i].query, strlen(bad[i].query), &cause);
		if (q)
			fail_msg("query [%s] accepted", bad[i].query);
		assert_non_null(cause);
		if (strncmp(cause, bad[i].message, strlen(bad[i].message)) != 0)
			fail_msg("query [%s]: message [%s], expected [%s…]", bad[i].query, cause, bad[i].message);
		free(cause);
	}
}

static void test_long_queries(void **state)
{
	(void)state;
	size_t n = 10000 * 3;
	char *s = malloc(n + 1);
	for (size_t i = 0; i < n; i += 3)
		memcpy(s + i, "法", 3);
	s[n] = '\0';
	char *cause = NULL;
	assert_null(query_parse(s, n, &cause));
	assert_string_equal(cause, "the query is too long (10000 characters; at most 256)");
	free(cause);
	/* 256 characters are fine; one that folds to 18 makes the term too long. */
	struct query *q = query_parse(s, 256 * 3, &cause);
	assert_non_null(q);
	assert_int_equal(q->terms[0].len, 256 * 3);
	query_free(q);
	memcpy(s + 255 * 3, "\xEF\xB7\xBA", 3);   /* U+FDFA, a ligature of 18 letters */
	assert_null(query_parse(s, 256 * 3, &cause));
	assert_string_equal(cause, "the query is too long once folded (at most 256 characters)");
	free(cause);
	/* Many terms. */
	for (size_t i = 0; i < 33; i++)
		memcpy(s + 2 * i, "a ", 2);
	assert_null(query_parse(s, 66, &cause));
	assert_string_equal(cause, "too many terms (at most 32)");
	free(cause);
	for (size_t i = 0; i < 100; i++)
		memcpy(s + 2 * i, "a ", 2);
	assert_null(query_parse(s, 200, &cause));
	assert_string_equal(cause, "too many terms (at most 32)");
	free(cause);
	free(s);
}

/* Random bytes and random mixes of the syntax: each is parsed or refused, never a crash. */
static void test_random_queries(void **state)
{
	(void)state;
	static const char *const parts[] = { "\"", "-", "OR", " ", "法治", "region:", "year:", "2021", "..",
	                                     "\xE2\x80\x9C", "\xFF", "\u3000", "－", "a", "：" };
	uint32_t seed = 12345;
	char s[128];
	for (int round = 0; round < 20000; round++) {
		size_t n = 0;
		int k = (int)((seed = seed * 1103515245 + 12345) >> 16) % 8;
		for (int i = 0; i < k; i++) {
			seed = seed * 1103515245 + 12345;
			const char *p = parts[(seed >> 16) % (sizeof parts / sizeof parts[0])];
			if (n + strlen(p) >= sizeof s)
				break;
			memcpy(s + n, p, strlen(p));
			n += strlen(p);
		}
		char *cause = NULL;
		struct query *q = query_parse(s, n, &cause);
		assert_true((q != NULL) != (cause != NULL));
		if (q) {
			assert_true(q->nterms > 0 || q->region || q->year_from);
			for (size_t i = 0; i < q->nterms; i++)
				assert_true(q->terms[i].len > 0);
		}
		query_free(q);
		free(cause);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_terms_and_groups),
		cmocka_unit_test(test_phrases),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_class_filters),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_nul_refused),
		cmocka_unit_test(test_long_queries),
		cmocka_unit_test(test_random_queries),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
