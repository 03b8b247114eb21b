/* search_gen.h — test helper: a deterministic corpus recombined from the sample paragraphs, random queries copied from its text, and a brute-force matcher. */
#ifndef FAZHI_TEST_SEARCH_GEN_H
#define FAZHI_TEST_SEARCH_GEN_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "assets.h"
#include "buf.h"
#include "corpus.h"
#include "fold.h"
#include "query.h"

static uint32_t gen_rand(uint64_t *s)
{
	*s = *s * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(*s >> 33);
}

/* Adds n reports made of a sample's first lines (its header) and random sample paragraphs, with
 * district names and numbers varied, under the names gen-NNN.txt. */
static void gen_corpus(struct corpus *c, size_t n, uint64_t seed)
{
	static const char *const districts[] = { "普陀区", "静安区", "武进区", "泗门镇", "开发区", "黄浦区" };
	const char *lines[4096];
	size_t lens[4096], nl = 0;
	for (const struct asset *a = assets; a->name && nl < 4096; a++) {
		if (strncmp(a->name, "reports/", 8) != 0)
			continue;
		const char *s = (const char *)a->data, *e = s + a->size;
		while (s < e && nl < 4096) {
			const char *nlp = memchr(s, '\n', (size_t)(e - s));
			size_t k = nlp ? (size_t)(nlp - s) : (size_t)(e - s);
			if (k > 0) {
				lines[nl] = s;
				lens[nl++] = k;
			}
			s += k + 1;
		}
	}
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		buf_reset(&b);
		buf_printf(&b, "%s人民政府关于%u年度法治政府建设工作的报告\n\n", districts[gen_rand(&seed) % 6],
		           2015 + gen_rand(&seed) % 9);
		size_t np = 10 + gen_rand(&seed) % 40;
		for (size_t p = 0; p < np; p++) {
			size_t l = gen_rand(&seed) % nl;
			buf_add(&b, lines[l], lens[l]);
			if (gen_rand(&seed) % 3 == 0)
				buf_printf(&b, "共%u件,%s", gen_rand(&seed) % 5000, districts[gen_rand(&seed) % 6]);
			buf_addc(&b, '\n');
		}
		char name[32];
		snprintf(name, sizeof name, "gen-%03zu.txt", i);
		corpus_add_bytes(c, name, b.data, b.len);
	}
	buf_fini(&b);
}

static int bf_word_at(const char *f, size_t n, size_t i, int before)
{
	ucs4_t c;
	if (before) {
		if (i == 0)
			return 0;
		const uint8_t *p = u8_prev(&c, (const uint8_t *)f + i, (const uint8_t *)f);
		return p && fold_is_word(c);
	}
	if (i >= n)
		return 0;
	u8_mbtouc(&c, (const uint8_t *)f + i, n - i);
	return fold_is_word(c);
}

/* Occurrences of a folded term in folded text, by trying every character position. */
static size_t bf_count(const char *f, size_t n, const char *t, size_t tn)
{
	ucs4_t c0, c1;
	u8_mbtouc(&c0, (const uint8_t *)t, tn);
	u8_prev(&c1, (const uint8_t *)t + tn, (const uint8_t *)t);
	size_t k = 0;
	for (size_t i = 0; i + tn <= n; i++) {
		if (((unsigned char)f[i] & 0xC0) == 0x80 || memcmp(f + i, t, tn) != 0)
			continue;
		if (fold_is_word(c0) && bf_word_at(f, n, i, 1))
			continue;
		if (fold_is_word(c1) && bf_word_at(f, n, i + tn, 0))
			continue;
		k++;
	}
	return k;
}

/* Hits of the query in one report by brute force, or -1 when the report does not match. */
static long bf_report(const struct report *r, const struct query *q)
{
	if (q->year_from && (r->meta.year < q->year_from || r->meta.year > q->year_to))
		return -1;
	if (q->region) {
		const char *reg = r->meta.region ? r->meta.region : "";
		char *fr = fold_string(reg, strlen(reg), NULL);
		int in = strstr(fr, q->region) != NULL;
		free(fr);
		if (!in)
			return -1;
	}
	size_t len;
	char *f = fold_string(r->text + r->body_start, r->body_end - r->body_start, &len);
	long hits = 0;
	int ok = 1;
	for (int g = 0; g < q->ngroups; g++) {
		size_t sum = 0;
		for (size_t i = 0; i < q->nterms; i++)
			if (q->terms[i].group == g)
				sum += bf_count(f, len, q->terms[i].text, q->terms[i].len);
		ok &= sum > 0;
		hits += (long)sum;
	}
	for (size_t i = 0; i < q->nterms; i++)
		if (q->terms[i].exclude && bf_count(f, len, q->terms[i].text, q->terms[i].len))
			ok = 0;
	free(f);
	return ok ? hits : -1;
}

/* The parsed query, or the test fails. Include this header after cmocka.h. */
static struct query *parse(const char *s)
{
	char *cause = NULL;
	struct query *q = query_parse(s, strlen(s), &cause);
	if (!q)
		fail_msg("query [%s] refused: %s", s, cause);
	return q;
}

/* A random term: a few characters copied from a random place of a random report body. */
static int random_term(const struct corpus *c, uint64_t *seed, char *out, size_t cap)
{
	const struct report *r = c->reports[gen_rand(seed) % c->n];
	size_t blen = r->body_end - r->body_start;
	if (blen < 8)
		return 0;
	const char *b = r->text + r->body_start;
	size_t i = gen_rand(seed) % blen;
	while (i > 0 && ((unsigned char)b[i] & 0xC0) == 0x80)
		i--;
	size_t chars = 1 + gen_rand(seed) % 6, j = i;
	for (size_t k = 0; k < chars && j < blen; k++)
		do
			j++;
		while (j < blen && ((unsigned char)b[j] & 0xC0) == 0x80);
	if (j - i + 1 > cap)
		return 0;
	memcpy(out, b + i, j - i);
	out[j - i] = '\0';
	if (strpbrk(out, " \n\t\"-:") || strstr(out, "\u3000") || strstr(out, "“") || strstr(out, "”")
	    || strstr(out, "＂") || strstr(out, "－") || strstr(out, "：") || strcmp(out, "OR") == 0)
		return 0;
	size_t fl;
	free(fold_string(out, strlen(out), &fl));
	return fl > 0;
}

/* A random query of one or two random terms, in one of the forms of the language. */
static int random_query(const struct corpus *c, uint64_t *seed, char *qs, size_t cap)
{
	char a[64], b[64];
	if (!random_term(c, seed, a, sizeof a) || !random_term(c, seed, b, sizeof b))
		return 0;
	switch (gen_rand(seed) % 7) {
	case 0: snprintf(qs, cap, "%s %s", a, b); break;
	case 1: snprintf(qs, cap, "%s OR %s", a, b); break;
	case 2: snprintf(qs, cap, "%s -%s", a, b); break;
	case 3: snprintf(qs, cap, "\"%s\" year:2017..2020", a); break;
	case 4: snprintf(qs, cap, "%s%s", a, b); break;
	default: snprintf(qs, cap, "%s", a); break;
	}
	return 1;
}

#endif
