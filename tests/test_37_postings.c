/* test_37_postings.c — the postings' codes: entries in Elias gamma, positions in a Rice code of two parts, and a key's list laid out from its entries as a build writes them (skips, entries, positions). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "index_blob.h"
#include "index_out.h"

static const uint32_t values[] = { 1, 2, 3, 4, 7, 8, 127, 128, 255, 256, 65535, 65536, (1u << 27) + 5,
                                   (1u << 28) + 1, (1u << 31) - 1, 1u << 31, UINT32_MAX };
#define NVALUES (sizeof values / sizeof *values)

/* Every value, from each of the 8 bit offsets a stream can leave it at, reads back as written,
 * in the bits index_blob_gamma_bits counts; the long codes are read bit by bit. */
static void test_gamma_round_trip(void **state)
{
	(void)state;
	for (unsigned lead = 0; lead < 8; lead++) {
		uint8_t buf[256] = { 0 };
		struct bitwriter w = { buf, 0, 0 };
		uint64_t bits = lead;
		index_blob_put_bits(&w, 0, lead);
		for (size_t i = 0; i < NVALUES; i++) {
			index_blob_put_gamma(&w, values[i]);
			bits += index_blob_gamma_bits(values[i]);
		}
		uint8_t *end = index_blob_end_bits(&w);
		assert_int_equal((size_t)(end - buf), (bits + 7) / 8);
		uint64_t at = lead;
		for (size_t i = 0; i < NVALUES; i++) {
			uint32_t v = 0;
			assert_true(index_blob_get_gamma(buf, bits, &at, &v));
			assert_int_equal(v, values[i]);
		}
		assert_int_equal(at, bits);
		uint32_t v;
		assert_false(index_blob_get_gamma(buf, bits, &at, &v));   /* nothing past the end */
	}
}

/* Zeros that never end a value, a code cut by the limit, and a value of 2^32 or more are refused. */
static void test_gamma_refused(void **state)
{
	(void)state;
	uint8_t zeros[16] = { 0 }, buf[16] = { 0 };
	uint64_t at = 0;
	uint32_t v;
	assert_false(index_blob_get_gamma(zeros, sizeof zeros * 8, &at, &v));
	struct bitwriter w = { buf, 0, 0 };
	index_blob_put_gamma(&w, 1000);   /* 19 bits */
	index_blob_end_bits(&w);
	for (uint64_t limit = 0; limit < 19; limit++) {
		at = 0;
		assert_false(index_blob_get_gamma(buf, limit, &at, &v));
	}
	at = 0;
	assert_true(index_blob_get_gamma(buf, 19, &at, &v));
	assert_int_equal(v, 1000);
	memset(buf, 0, sizeof buf);   /* 32 zeros, then a one: 2^32, which no count or gap is */
	buf[4] = 0x80;
	at = 0;
	assert_false(index_blob_get_gamma(buf, sizeof buf * 8, &at, &v));
}

/* Writes the positions of gaps[0..n) with parameter k after lead bits, checks their length, reads
 * them back and steps over them; every n, k and lead. */
#define MAX_GAPS 200

static void check_positions(const uint32_t *gaps, uint32_t n, unsigned k, unsigned lead)
{
	uint8_t buf[4096] = { 0 };
	struct bitwriter w = { buf, 0, 0 };
	uint64_t bits = lead, sum = 0;
	uint8_t varints[MAX_GAPS * 5] = { 0 }, *v = varints;   /* the gaps as a build writes them */
	for (uint32_t i = 0; i < n; i++)
		v = index_blob_put_varint(v, gaps[i]);
	index_blob_put_bits(&w, 0, lead);
	assert_ptr_equal(index_blob_put_positions(&w, varints, v, n, k), v);
	if (n)   /* one byte short: cut */
		assert_null(index_blob_put_positions(&(struct bitwriter){ buf + 2048, 0, 0 }, varints, v - 1, n, k));
	for (uint32_t i = 0; i < n; i++)
		bits += index_blob_pos_bits(gaps[i], k);
	index_blob_put_bits(&w, 0x5, 3);   /* what follows: never read as theirs */
	assert_int_equal((size_t)(index_blob_end_bits(&w) - buf), (bits + 3 + 7) / 8);
	uint32_t got[MAX_GAPS];
	uint64_t at = lead;
	assert_int_equal(index_blob_get_positions(buf, bits + 3, &at, k, n, got), n);
	assert_int_equal(at, bits);
	for (uint32_t i = 0; i < n; i++)
		assert_int_equal(got[i], sum += gaps[i]);
	at = lead;
	assert_true(index_blob_skip_positions(buf, bits + 3, &at, k, n));
	assert_int_equal(at, bits);
	at = lead;   /* cut one bit short: the last one's one is missing */
	if (n) {
		assert_int_equal(index_blob_get_positions(buf, bits - 1, &at, k, n, got), n - 1);
		for (uint32_t i = 0, s = 0; i + 1 < n; i++)
			assert_int_equal(got[i], s += gaps[i]);
		at = lead;
		assert_false(index_blob_skip_positions(buf, bits - 1, &at, k, n));
	}
}

#define TEST_WORDS 400

/* Words to count ones in: none, all, each one alone, runs from either end, and words of a
 * generator, dense and sparse. */
static size_t test_words(uint64_t *words)
{
	size_t n = 0;
	words[n++] = 0, words[n++] = ~(uint64_t)0;
	for (int b = 0; b < 64; b++) {
		words[n++] = (uint64_t)1 << b;
		words[n++] = ~(uint64_t)0 >> b;
		words[n++] = ~(uint64_t)0 << b;
	}
	for (uint64_t x = 88172645463325252ull; n < TEST_WORDS; n++) {
		x ^= x << 13, x ^= x >> 7, x ^= x << 17;
		words[n] = n % 3 ? x : x & x >> 5 & x >> 11;
	}
	return n;
}

/* The ones of a word, against a count bit by bit. */
static void test_ones(void **state)
{
	(void)state;
	uint64_t words[TEST_WORDS];
	size_t n = test_words(words);
	for (size_t k = 0; k < n; k++) {
		unsigned want = 0;
		for (int b = 0; b < 64; b++)
			want += (words[k] >> b) & 1;
		assert_int_equal(index_blob_ones(words[k]), want);
	}
}

/* The bits down to each one of a word, from its most significant, against a walk bit by bit. */
static void test_select(void **state)
{
	(void)state;
	uint64_t words[TEST_WORDS];
	size_t n = test_words(words), checked = 0;
	for (size_t k = 0; k < n; k++) {
		unsigned r = 0;
		for (unsigned b = 0; b < 64; b++)
			if (words[k] >> (63 - b) & 1) {
				assert_int_equal(index_blob_select(words[k], ++r), b + 1);
				checked++;
			}
	}
	assert_true(checked > 64 * 64);
}

/* An entry's positions read back as written, one to many, with gaps near, at and far beyond their
 * parameter's mean (quotients of 0 to over 64 zeros, across words), and stepped over whole. */
static void test_positions(void **state)
{
	(void)state;
	/* up to 64 gaps are read once into an array (index_blob_put_positions), more twice */
	static const uint32_t counts[] = { 0, 1, 2, 3, 4, 24, 63, 64, 65, 100, MAX_GAPS };
	uint32_t gaps[MAX_GAPS];
	for (unsigned k = 0; k < 20; k++)
		for (unsigned lead = 0; lead < 8; lead += 3)
			for (size_t c = 0; c < sizeof counts / sizeof *counts; c++) {
				uint32_t n = counts[c];
				for (uint32_t i = 0; i < n; i++)
					gaps[i] = (i % 7 == 3 ? 70u : i % 5) << k | (i * 2654435761u) % (1u << k);
				check_positions(gaps, n, k, lead);
			}
	for (uint32_t units = 0; units < 3000; units += 7)   /* the bits of the mean gap, units / cnt */
		for (uint32_t cnt = 1; cnt < 400; cnt++) {
			uint32_t mean = units / cnt;
			assert_int_equal(index_blob_pos_k(units, cnt), mean ? 31 - (unsigned)__builtin_clz(mean) : 0);
		}
	assert_int_equal(index_blob_pos_k(UINT32_MAX, 1), 31);
	assert_int_equal(index_blob_pos_k(5000, 1), 12);   /* a mean gap of 5000: 13 bits, the top one in unary */
	assert_int_equal(index_blob_pos_k(5000, 5000), 0);
	assert_int_equal(index_blob_pos_k(10, 20), 0);
	uint8_t zeros[32] = { 0 };   /* no one: no quotient ends */
	uint32_t got[4];
	uint64_t at = 0;
	assert_int_equal(index_blob_get_positions(zeros, sizeof zeros * 8, &at, 3, 4, got), 0);
	at = 0;
	assert_false(index_blob_skip_positions(zeros, sizeof zeros * 8, &at, 3, 4));
	uint8_t ones[16];   /* every quotient 0 and every low bit set: a sum past 2^32 is refused */
	memset(ones, 0xFF, sizeof ones);
	at = 0;
	assert_int_equal(index_blob_get_positions(ones, 31 * 3 + 3, &at, 31, 3, got), 0);
}

/* A list as a build writes it: entries of reports docs[i] with counts cnt[i] (a pair's positions
 * 3 * k + i for k < cnt[i]); returns its length. */
static size_t written(uint8_t *out, const uint32_t *docs, const uint32_t *cnt, uint32_t n, int pair)
{
	uint8_t *p = out;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t delta = i ? docs[i] - docs[i - 1] : docs[i] + 1;
		p = index_blob_put_varint(p, delta << 1 | (cnt[i] == 1));
		if (cnt[i] != 1)
			p = index_blob_put_varint(p, cnt[i]);
		for (uint32_t k = 0; pair && k < cnt[i]; k++)
			p = index_blob_put_varint(p, k ? 3 : i);   /* positions i, i + 3, i + 6 ... */
	}
	return (size_t)(p - out);
}

/* The units of report d of check_list's lists. */
static uint32_t units_of(uint32_t d)
{
	return 100 + d % 7000;
}

/* Lays out lists of n entries, short and long, units and pairs, in the body or the headings, and
 * reads them back: from the start, from each skip, and each entry's positions where the layout
 * says they are. */
static void check_list(uint32_t n, int pair, int head)
{
	uint32_t *docs = calloc(n, sizeof *docs), *cnt = calloc(n, sizeof *cnt);
	uint64_t ebits = 0, pbits = 0;
	for (uint32_t i = 0; i < n; i++) {
		docs[i] = (i ? docs[i - 1] : 0) + 1 + (i * 7919) % (i % 5 == 0 ? 3000 : 3);
		cnt[i] = 1 + (i * 31) % (i % 3 ? 2 : 40);
		ebits += index_blob_entry_bits(i ? docs[i] - docs[i - 1] : docs[i] + 1, cnt[i]);
		unsigned k = index_blob_pos_k(head ? INDEX_HEAD_UNITS : units_of(docs[i]), cnt[i]);
		for (uint32_t j = 0; pair && j < cnt[i]; j++)
			pbits += index_blob_pos_bits(j ? 3 : i, k);
	}
	struct ixdoc *blob_docs = calloc(docs[n - 1] + 1, sizeof *blob_docs);
	for (uint32_t d = 0; d <= docs[n - 1]; d++)
		blob_docs[d].units = units_of(d);
	uint64_t key = (head ? KEY_HEAD : 0) | (pair ? index_blob_pair_key(0x6CD5, 0x6CBB) : 0x6CD5);
	uint8_t *src = calloc(80, n), *pos = calloc(80, n);
	size_t len = written(src, docs, cnt, n, pair), laid = (size_t)index_blob_laid_len(key, n, ebits, pbits);
	uint8_t *dst = malloc(laid + 8);
	assert_int_equal(index_blob_lay_out(key, n, src, len, blob_docs, dst, pos), laid);
	uint64_t limit = laid * 8;
	uint32_t nskip = (n - 1) / INDEX_SKIP, at = (uint32_t)laid;
	if (pair && nskip)
		memcpy(&at, dst, 4);
	else if (pair) {
		int bad = 0;
		at = (uint32_t)index_blob_entries_end(dst, limit, n, &bad);
		assert_false(bad);
	}
	uint64_t bit = index_blob_skip_bytes(key, n) * 8, pbit = (uint64_t)at * 8;
	for (uint32_t i = 0; i < n; i++) {
		if (i && i % INDEX_SKIP == 0) {   /* the skip before entry i: the report before and where i lies */
			uint32_t sk[3];
			memcpy(sk, dst + (pair ? 4 : 0) + (size_t)(pair ? 12 : 8) * (i / INDEX_SKIP - 1), pair ? 12 : 8);
			assert_int_equal(sk[0], docs[i - 1]);
			assert_int_equal(sk[1], bit);
			if (pair)
				assert_int_equal(sk[2], pbit);
		}
		uint32_t gap = 0, c = 0;
		assert_true(index_blob_get_entry(dst, pair ? (uint64_t)at * 8 : limit, &bit, &gap, &c));
		assert_int_equal(gap, i ? docs[i] - docs[i - 1] : docs[i] + 1);
		assert_int_equal(c, cnt[i]);
		unsigned k = index_blob_pos_k(head ? INDEX_HEAD_UNITS : units_of(docs[i]), c);
		uint32_t *got = calloc(c + 1, sizeof *got);
		assert_int_equal(pair ? index_blob_get_positions(dst, limit, &pbit, k, c, got) : c, c);
		for (uint32_t j = 0; pair && j < c; j++)
			assert_int_equal(got[j], i + 3 * j);
		free(got);
	}
	assert_int_equal((bit + 7) / 8, pair ? at : laid);
	if (pair)
		assert_int_equal((pbit + 7) / 8, laid);
	free(blob_docs);
	free(dst);
	free(src);
	free(pos);
	free(docs);
	free(cnt);
}

static void test_lay_out(void **state)
{
	(void)state;
	const uint32_t lengths[] = { 1, 2, INDEX_SKIP, INDEX_SKIP + 1, 3 * INDEX_SKIP, 1000 };
	for (size_t i = 0; i < sizeof lengths / sizeof *lengths; i++)
		for (int head = 0; head < 2; head++) {
			check_list(lengths[i], 0, head);
			check_list(lengths[i], 1, head);
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gamma_round_trip),
		cmocka_unit_test(test_gamma_refused),
		cmocka_unit_test(test_ones),
		cmocka_unit_test(test_select),
		cmocka_unit_test(test_positions),
		cmocka_unit_test(test_lay_out),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
