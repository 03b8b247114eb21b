/* fold.c — the matching form of text: NFKD + case folding per code point, wide punctuation to ASCII, offset map. */
#include "fold.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "encoding.h"
#include "xmalloc.h"

/* Per BMP code point: 0 not yet computed, else (offset into pool << 8) | folded length. */
static uint32_t *memo;
static unsigned char *pool;
static size_t pool_len, pool_cap;
/* Per BMP code point: bit 0 computed, bit 1 word character. */
static unsigned char wordclass[0x10000];   /* zero until a character is classed: untouched pages cost nothing */

/* Punctuation NFKD leaves wide, and the ASCII it folds to. */
static const struct { uint32_t from; char to; } punct[] = {
	{ 0x3002, '.' }, { 0x201C, '"' }, { 0x201D, '"' }, { 0x2018, '\'' }, { 0x2019, '\'' },
	{ 0x3014, '[' }, { 0x3015, ']' }, { 0x3010, '[' }, { 0x3011, ']' }, { 0x3016, '[' },
	{ 0x3017, ']' }, { 0x300A, '<' }, { 0x300B, '>' }, { 0x3008, '<' }, { 0x3009, '>' },
	{ 0x2010, '-' }, { 0x2011, '-' }, { 0x2012, '-' }, { 0x2013, '-' }, { 0x2014, '-' },
	{ 0x2015, '-' }, { 0x2212, '-' },
};

static uint32_t punct_fold(uint32_t c)
{
	for (size_t i = 0; i < sizeof punct / sizeof punct[0]; i++)
		if (punct[i].from == c)
			return (uint32_t)(unsigned char)punct[i].to;
	return c;
}

/* Folds one code point into out[] (at most cap bytes); returns the length. */
static size_t fold_cp(uint32_t c, uint8_t *out, size_t cap)
{
	uint8_t src[4];
	int sn = u8_uctomb(src, c, 4);
	if (sn <= 0) {
		c = 0xFFFD;
		sn = u8_uctomb(src, c, 4);
	}
	size_t rn = cap;
	uint8_t *r = u8_casefold(src, (size_t)sn, NULL, UNINORM_NFKD, out, &rn);
	if (!r) {
		memcpy(out, src, (size_t)sn);
		return (size_t)sn;
	}
	if (r != out) {   /* longer than cap: keep the source character */
		free(r);
		memcpy(out, src, (size_t)sn);
		return (size_t)sn;
	}
	/* Map wide punctuation in the result, which is short: rewrite in place. */
	size_t w = 0;
	for (size_t i = 0; i < rn;) {
		ucs4_t u;
		int k = u8_mbtouc(&u, out + i, rn - i);
		uint32_t p = punct_fold(u);
		if (p != u)
			out[w++] = (uint8_t)p;
		else {
			memmove(out + w, out + i, (size_t)k);
			w += (size_t)k;
		}
		i += (size_t)k;
	}
	return w;
}

/* In a memo entry, beside the length (at most 64): the character folds to itself. */
#define MEMO_SAME 0x80u
#define MEMO_LEN 0x7fu

/* 1 for a CJK Unified Ideograph (U+4E00-U+9FFF), most of a report's characters: none has a
 * decomposition or a case, so each folds to itself, and none is a character of a spaced script's
 * words. Answered without the memo, whose pages a text would touch one for each 1,024 code points
 * it uses (a fresh page costs more than the folding done on it). */
static int ideograph(uint32_t c)
{
	return c - 0x4e00u <= 0x9fffu - 0x4e00u;
}

static uint32_t memo_get(uint32_t c)
{
	if (!memo)
		memo = xcalloc(0x10000, sizeof *memo);
	if (memo[c])
		return memo[c];
	uint8_t tmp[64], src[4];
	size_t n = fold_cp(c, tmp, sizeof tmp);
	int sn = u8_uctomb(src, c, 4);
	int same = sn > 0 && (size_t)sn == n && memcmp(src, tmp, n) == 0;
	pool = xgrow(pool, &pool_cap, pool_len + n, 1);
	memcpy(pool + pool_len, tmp, n);
	memo[c] = (uint32_t)(pool_len << 8) | (uint32_t)n | (same ? MEMO_SAME : 0);
	pool_len += n;
	return memo[c];
}

/* The end of the run from p[i] of characters that fold to themselves: ASCII but capitals, and
 * three-byte characters (all of Chinese) so memoized. Such a run is copied whole. */
static size_t same_run(const unsigned char *p, size_t n, size_t i)
{
	while (i < n) {
		unsigned char b = p[i];
		if (b < 0x80) {
			if (b >= 'A' && b <= 'Z')
				break;
			i++;
			continue;
		}
		/* encoding_next's own test for a three-byte character it decodes itself */
		if (i + 2 >= n || b - 0xe1u > 0xefu - 0xe1u || b == 0xed ||
		    (((p[i + 1] ^ 0x80u) | (p[i + 2] ^ 0x80u)) & 0xc0u) != 0)
			break;
		uint32_t c = (uint32_t)(b & 0x0f) << 12 | (uint32_t)(p[i + 1] & 0x3f) << 6 | (p[i + 2] & 0x3f);
		if (!ideograph(c) && !((memo && memo[c] ? memo[c] : memo_get(c)) & MEMO_SAME))
			break;   /* memo[c] read inline when known */
		i += 3;
	}
	return i;
}

void fold_map_fini(struct fold_map *m)
{
	free(m->at);
	m->at = NULL;
	m->n = m->cap = 0;
}

static void map_push(struct fold_map *m, uint32_t off, size_t count)
{
	if (m->n + count > m->cap)
		m->at = xgrow(m->at, &m->cap, m->n + count, sizeof *m->at);
	for (size_t k = 0; k < count; k++)
		m->at[m->n++] = off;
}

/* Decodes one character of s[0..n) (n >= 1); invalid bytes give U+FFFD, length 1. */
void fold_text(const char *s, size_t n, size_t base, struct buf *out, struct fold_map *map)
{
	const unsigned char *p = (const unsigned char *)s;
	buf_reset(out);
	/* Folding rarely grows text; reserve once so the loop appends without checks. */
	out->data = xgrow(out->data, &out->cap, n + 1, 1);
	if (map) {
		map->n = 0;
		map->at = xgrow(map->at, &map->cap, n + 1, sizeof *map->at);
	}
	size_t i = 0;
	while (i < n) {
		if (!map) {   /* the map wants an entry per byte: it takes the path below */
			size_t j = same_run(p, n, i);
			if (j > i) {
				if (out->len + (j - i) >= out->cap)
					out->data = xgrow(out->data, &out->cap, out->len + (j - i) + 1, 1);
				memcpy(out->data + out->len, p + i, j - i);
				out->len += j - i;
				i = j;
				continue;
			}
		}
		if (p[i] < 0x80) {
			char c = (char)p[i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (out->len + 1 >= out->cap)
				out->data = xgrow(out->data, &out->cap, out->len + 2, 1);
			out->data[out->len++] = c;
			if (map)
				map_push(map, (uint32_t)(base + i), 1);
			i++;
			continue;
		}
		size_t k = i;
		uint32_t c = encoding_next(s, n, &k);
		k -= i;
		uint8_t tmp[64];
		const uint8_t *f = tmp;
		size_t fn;
		if (ideograph(c)) {
			f = p + i;
			fn = k;
		} else if (c < 0x10000) {
			uint32_t e = memo_get(c);
			f = pool + (e >> 8);
			fn = e & MEMO_LEN;
		} else {
			fn = fold_cp(c, tmp, sizeof tmp);
		}
		if (out->len + fn >= out->cap)
			out->data = xgrow(out->data, &out->cap, out->len + fn + 1, 1);
		for (size_t j = 0; j < fn; j++)   /* mostly 3 bytes: a call to memcpy costs more */
			out->data[out->len + j] = (char)f[j];
		out->len += fn;
		if (map)
			map_push(map, (uint32_t)(base + i), fn);
		i += k;
	}
	out->data[out->len] = '\0';
	if (map)
		map_push(map, (uint32_t)(base + n), 1);
}

char *fold_string(const char *s, size_t n, size_t *len)
{
	struct buf b;
	buf_init(&b);
	fold_text(s, n, 0, &b, NULL);
	if (len)
		*len = b.len;
	return buf_take(&b);
}

size_t fold_map_start(const struct fold_map *m, size_t i)
{
	return m->at[i < m->n ? i : m->n - 1];
}

size_t fold_map_end(const struct fold_map *m, size_t j)
{
	if (j == 0)
		return m->at[0];
	if (j >= m->n - 1)
		return m->at[m->n - 1];
	uint32_t src = m->at[j - 1];
	while (j < m->n - 1 && m->at[j] == src)
		j++;
	return m->at[j];
}

static int classify(uint32_t c)
{
	if (!uc_is_general_category(c, UC_CATEGORY_L) && !uc_is_general_category(c, UC_CATEGORY_N)
	    && !uc_is_general_category(c, UC_CATEGORY_M))
		return 0;
	if (uc_is_property_ideographic(c))
		return 0;
	static const char *const unspaced[] = {
		"Han", "Hiragana", "Katakana", "Hangul", "Bopomofo", "Yi", "Thai", "Lao", "Khmer", "Myanmar",
	};
	const uc_script_t *sc = uc_script(c);
	if (sc)
		for (size_t i = 0; i < sizeof unspaced / sizeof unspaced[0]; i++)
			if (strcmp(sc->name, unspaced[i]) == 0)
				return 0;
	return 1;
}

int fold_is_word(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c >= 0x10000)
		return classify(c);
	if (ideograph(c))
		return 0;
	if (!wordclass[c])
		wordclass[c] = (unsigned char)(1 | (classify(c) << 1));
	return wordclass[c] >> 1;
}
