/* encoding.c — bytes in, clean UTF-8 out: detect UTF-8 or GB18030, convert, replace bad bytes, defuse controls. */
#include "encoding.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define WIDE_RUNS 1   /* kept_run_wide, when the CPU has AVX2 */
#endif

#include "xmalloc.h"

/* Design limits: every pass is linear in the input. Cleaning runs twice over the same
 * bytes, once to measure and once to write, so the output is one allocation of its exact
 * size; when the measuring pass finds the bytes already clean, a copy replaces the second,
 * and encoding_decode_take keeps the caller's block instead of copying it. The measuring
 * pass also finds NUL bytes, so no pass of its own looks for them.
 * GB18030 goes through iconv into an intermediate UTF-8 buffer first (grown by
 * doubling), which is then cleaned like any UTF-8, in place when no character grows.
 * Invalid UTF-8 is replaced per maximal subpart (The Unicode Standard, §3.9; what browsers
 * do): one U+FFFD per broken sequence. */

/* What one cleaning pass learns; with out == NULL it only measures. */
struct pass {
	char *out;         /* where to write, or NULL */
	size_t len;        /* bytes written (or that would be) */
	size_t replaced;   /* invalid sequences, each now one U+FFFD */
	size_t bad_bytes;  /* input bytes in those sequences */
	size_t multibyte;  /* valid multibyte sequences seen */
	size_t defused;    /* control and format characters replaced */
	size_t grown;      /* characters whose clean form is longer than their bytes */
	size_t nul;        /* NUL bytes, each a control like the others: encoding_decode refuses them */
	int changed;       /* some byte was replaced, dropped or added: the output is not the input */
};

static const char replacement[] = "\xef\xbf\xbd";   /* U+FFFD */

static void put(struct pass *p, const void *s, size_t n)
{
	if (p->out)
		memmove(p->out + p->len, s, n);   /* may overlap: see the GB18030 case below */
	p->len += n;
}

/* Length of the valid UTF-8 sequence at s[0..n), or 0 when it is invalid; then *bad gets
 * the length of its maximal subpart (at least 1). Only called for s[0] >= 0x80. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
	unsigned char c = s[0];
	size_t len;
	unsigned char lo = 0x80, hi = 0xbf;   /* allowed range of the second byte */
	if (c >= 0xc2 && c <= 0xdf) {
		len = 2;
	} else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		*bad = 1;
		return 0;
	}
	size_t i = 1;
	if (i < n && s[i] >= lo && s[i] <= hi) {
		for (i = 2; i < len && i < n && s[i] >= 0x80 && s[i] <= 0xbf; i++)
			;
	}
	if (i == len)
		return len;
	*bad = i;
	return 0;
}

/* C1 controls, and the invisible characters that reorder or hide text: format characters
 * (general category Cf: bidi embeddings, overrides and isolates, zero-width characters,
 * U+FEFF, U+061C …) and the line and paragraph separators U+2028/U+2029. */
static int defused_char(uint32_t c)
{
	if (c < 0xa0)
		return 1;   /* c >= 0x80 here: C1 */
	if ((c >= 0x3000 && c < 0xd800) || (c >= 0xe000 && c < 0xfeff))
		return 0;   /* CJK and the private use area hold no format character */
	return uc_is_general_category_withtable(c, UC_CATEGORY_MASK_Cf | UC_CATEGORY_MASK_Zl |
	                                           UC_CATEGORY_MASK_Zp);
}

/* Eight bytes from p, the first the lowest. */
static inline uint64_t load_le64(const unsigned char *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	uint64_t w;
	memcpy(&w, p, 8);
	return w;
#else
	uint64_t w = 0;
	for (int k = 7; k >= 0; k--)
		w = w << 8 | p[k];
	return w;
#endif
}

#define BYTES(b) (0x0101010101010101ull * (b))   /* b in each of eight bytes */

/* Whether eight bytes are all printable ASCII (0x20–0x7E): no high bit, none below 0x20 and
 * none 0x7F, each told for the eight at once (a byte below n sets its high bit in (x - n) & ~x,
 * and a borrow passes no such byte by). */
static int eight_printable(uint64_t w)
{
	uint64_t del = w ^ BYTES(0x7f);
	return ((w | ((w - BYTES(0x20)) & ~w) | ((del - BYTES(0x01)) & ~del)) & BYTES(0x80)) == 0;
}

/* Whether the three-byte character c1 c2 c3 (its continuation bytes checked) is one of the
 * punctuation Chinese text is full of outside U+3000–U+CFFF, in blocks that hold no format
 * character: full-width forms U+FF00–U+FF7F (，：；（）！？ EF BC/BD xx), and the dashes, quotes
 * and ellipsis of U+2010–U+2027 and U+2030–U+203F (“”‘’—…‰; E2 80 xx). U+200B–U+200F and
 * U+2028–U+202F hold format characters and separators, which take the long way. */
static inline int common_punctuation(unsigned c1, unsigned c2, unsigned c3)
{
	if (c1 == 0xef)
		return c2 == 0xbc || c2 == 0xbd;
	return c1 == 0xe2 && c2 == 0x80 && (c3 - 0x90u <= 0xa7u - 0x90u || c3 >= 0xb0);
}

/* Whether the three-byte character c1 c2 c3 (its continuation bytes checked) is kept as it is
 * with no other test: U+3000–U+CFFF (leads E3–EC, all of Chinese and no format character) or
 * common_punctuation. */
static inline int kept_three(unsigned c1, unsigned c2, unsigned c3)
{
	return c1 - 0xe3u <= 0xecu - 0xe3u || common_punctuation(c1, c2, c3);
}

/* Whether eight bytes (load_le64) begin with two characters kept_three keeps: the structure of
 * both (leads 1110xxxx, each followed by two 10xxxxxx) in one test, then their leads. The
 * full-width comma and colon stand every few characters in a report: a test of CJK leads alone
 * left the run there. */
static inline int two_kept(uint64_t w)
{
	return (w & 0x0000c0c0f0c0c0f0ull) == 0x00008080e08080e0ull &&
	       kept_three((unsigned)(w & 0xff), (unsigned)(w >> 8 & 0xff), (unsigned)(w >> 16 & 0xff)) &&
	       kept_three((unsigned)(w >> 24 & 0xff), (unsigned)(w >> 32 & 0xff), (unsigned)(w >> 40 & 0xff));
}

#ifdef __SSE2__
/* Whether the sixteen bytes at p begin with five characters U+3000–U+CFFF (leads E3–EC, each
 * followed by two 10xxxxxx), told for the fifteen bytes at once: a report's Chinese runs go five
 * characters a turn where two_kept takes two. */
static inline int five_cjk(const unsigned char *p)
{
#define C(b) ((char)(b))
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i form = _mm_setr_epi8(C(0xf0), C(0xc0), C(0xc0), C(0xf0), C(0xc0), C(0xc0), C(0xf0), C(0xc0),
	                                   C(0xc0), C(0xf0), C(0xc0), C(0xc0), C(0xf0), C(0xc0), C(0xc0), 0);
	const __m128i want = _mm_setr_epi8(C(0xe0), C(0x80), C(0x80), C(0xe0), C(0x80), C(0x80), C(0xe0), C(0x80),
	                                   C(0x80), C(0xe0), C(0x80), C(0x80), C(0xe0), C(0x80), C(0x80), 0);
	const __m128i leads = _mm_setr_epi8(-1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, -1, 0, 0, 0);
#undef C
	if (_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, form), want)) != 0xffff)
		return 0;
	/* a lead below E3 or above EC leaves a byte in one of the saturated differences */
	__m128i out = _mm_or_si128(_mm_subs_epu8(_mm_set1_epi8((char)0xe3), v), _mm_subs_epu8(v, _mm_set1_epi8((char)0xec)));
	return _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(out, leads), _mm_setzero_si128())) == 0xffff;
}
#endif

#ifdef WIDE_RUNS
#define WIDE 32   /* bytes kept_run_wide looks at a turn */

/* The bytes of v in [lo, lo + span], a bit each. */
__attribute__((target("avx2"))) static inline uint32_t bytes_within(__m256i v, unsigned char lo, unsigned char span)
{
	__m256i d = _mm256_sub_epi8(v, _mm256_set1_epi8((char)lo));
	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(d, _mm256_set1_epi8((char)span)), d));
}

/* The bytes of v whose bits under mask are want, a bit each. */
__attribute__((target("avx2"))) static inline uint32_t bytes_masked(__m256i v, unsigned char mask, unsigned char want)
{
	__m256i m = _mm256_and_si256(v, _mm256_set1_epi8((char)mask));
	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(m, _mm256_set1_epi8((char)want)));
}

/* The bytes of v equal to b, a bit each. */
__attribute__((target("avx2"))) static inline uint32_t bytes_equal(__m256i v, unsigned char b)
{
	return (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)b)));
}

/* Of the leads E2 and EF of v (bits e2, ef), those kept_three keeps: E2 80 then 90–A7 or
 * B0–BF, EF then BC or BD. Their next bytes are read from s + 1 and s + 2. */
__attribute__((target("avx2"))) static uint32_t kept_punctuation(const unsigned char *s, uint32_t e2, uint32_t ef)
{
	__m256i v1 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 1));
	uint32_t kept = ef & bytes_masked(v1, 0xfe, 0xbc);
	if (e2) {
		__m256i v2 = _mm256_loadu_si256((const __m256i *)(const void *)(s + 2));
		kept |= e2 & bytes_equal(v1, 0x80) & (bytes_within(v2, 0x90, 0xa7 - 0x90) | bytes_within(v2, 0xb0, 0x0f));
	}
	return kept;
}

/* kept_run's run, WIDE bytes a turn, while WIDE + 2 bytes remain: the bytes are classed at once,
 * a bit each (printable ASCII or a newline, a lead 1110xxxx, a continuation 10xxxxxx), each
 * lead is one kept_three keeps (E3–EC, or kept_punctuation's), and the continuations are
 * exactly the two bytes after each lead, told by the leads' bits shifted. A turn's characters
 * may end two bytes past it. On the first byte that breaks the run, returns where its
 * character starts, with *stopped set; else where WIDE + 1 bytes or fewer are left, which
 * kept_run looks at one character at a time. */
__attribute__((target("avx2"))) static size_t kept_run_wide(const unsigned char *s, size_t n, size_t i,
							      size_t *multibyte, int *stopped)
{
	size_t m = 0;
	*stopped = 0;
	while (i + WIDE + 2 <= n) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
		uint32_t high = (uint32_t)_mm256_movemask_epi8(v);
		uint32_t lead = bytes_masked(v, 0xf0, 0xe0), cont = bytes_masked(v, 0xc0, 0x80);
		/* below 0x20 (signed: the high bytes too), but a newline; and DEL */
		uint32_t control = (uint32_t)_mm256_movemask_epi8(_mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v)) & ~high;
		uint32_t bad_ascii = (control & ~bytes_equal(v, '\n')) | bytes_equal(v, 0x7f);
		uint32_t kept = bytes_within(v, 0xe3, 0xec - 0xe3), e2 = bytes_equal(v, 0xe2), ef = bytes_equal(v, 0xef);
		if (e2 | ef)
			kept |= kept_punctuation(s + i, e2, ef);
		uint64_t owed = (uint64_t)lead << 1 | (uint64_t)lead << 2;   /* where continuations must stand */
		uint64_t bad = bad_ascii | (high & ~(lead | cont)) | (lead ^ kept) | (cont ^ (uint32_t)owed);
		if (owed >> WIDE) {   /* a character that ends in the next turn: its continuations */
			__m256i v2 = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 2));
			uint64_t next_cont = bytes_masked(v2, 0xc0, 0x80) >> (WIDE - 2);
			bad |= (owed >> WIDE & ~next_cont & 3) << WIDE;
		}
		if (bad) {
			unsigned at = (unsigned)__builtin_ctzll(bad);   /* back to its character's lead */
			uint64_t leads = lead;
			at -= at >= 1 && (leads >> (at - 1) & 1) ? 1 : at >= 2 && (leads >> (at - 2) & 1) ? 2 : 0;
			m += (size_t)__builtin_popcount(lead & (uint32_t)((1ull << at) - 1));
			i += at;
			*stopped = 1;
			break;
		}
		m += (size_t)__builtin_popcount(lead);
		i += WIDE + (lead >> (WIDE - 1) ? 2 : lead >> (WIDE - 2) & 1);
	}
	*multibyte += m;
	return i;
}
#endif

/* The end of the run from s[i] of bytes clean text keeps as they are and that need no other
 * test: printable ASCII, newlines, three-byte characters U+3000–U+CFFF (lead bytes E3–EC,
 * which hold all of Chinese and no format character) and common_punctuation. Reports are made
 * of little else, so clean copies them a run at a time; *multibyte counts the characters. With
 * AVX2, 32 bytes are looked at together (kept_run_wide); else, and in the last few bytes, eight
 * where they hold two such characters (and the eight after them, for two more) or eight
 * printable ASCII ones. */
static size_t kept_run(const unsigned char *s, size_t n, size_t i, size_t *multibyte)
{
#ifdef WIDE_RUNS
	if (__builtin_cpu_supports("avx2")) {
		int stopped;
		i = kept_run_wide(s, n, i, multibyte, &stopped);
		if (stopped)
			return i;
	}
#endif
	size_t m = 0;
	while (i < n) {
		unsigned char c = s[i];
#ifdef __SSE2__
		if (c >= 0xe3 && i + 16 <= n && five_cjk(s + i)) {
			i += 15;
			m += 5;
			continue;
		}
#endif
		if (i + 8 <= n) {
			uint64_t w = load_le64(s + i);
			if (two_kept(w)) {   /* and the next two too, most often: four a turn */
				int four = i + 14 <= n && two_kept(load_le64(s + i + 6));
				i += four ? 12 : 6;
				m += four ? 4 : 2;
				continue;
			}
			if (eight_printable(w)) {
				i += 8;
				continue;
			}
		}
		if ((c >= 0x20 && c < 0x7f) || c == '\n') {
			i++;
		} else if (i + 2 < n && (((s[i + 1] ^ 0x80u) | (s[i + 2] ^ 0x80u)) & 0xc0u) == 0 &&   /* two 10xxxxxx */
			   kept_three(c, s[i + 1], s[i + 2])) {
			i += 3;
			m++;
		} else {
			break;
		}
	}
	*multibyte += m;
	return i;
}

/* One pass over possibly invalid UTF-8 s[0..n): see encoding.h for what comes out. */
static void clean(const unsigned char *s, size_t n, struct pass *p)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t j = kept_run(s, n, i, &p->multibyte);
		if (j > i) {
			put(p, s + i, j - i);
			i = j;
			continue;
		}
		p->changed |= c == '\r' || c == '\t' || c < 0x20 || c == 0x7f;
		if (c == '\r') {
			put(p, "\n", 1);
			i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
		} else if (c == '\t') {
			put(p, "  ", 2);   /* two blanks: cells a tab parts stay apart, as a table's columns */
			p->grown++;
			i++;
		} else if (c < 0x80) {
			/* C0 → U+2400 + c, DEL → U+2421: E2 90 80+c, E2 90 A1. */
			char pic[3] = { '\xe2', '\x90', (char)(c == 0x7f ? 0xa1 : 0x80 + c) };
			put(p, pic, 3);
			p->nul += c == 0;
			p->defused++;
			p->grown++;
			i++;
		} else {
			size_t bad = 0, len = utf8_seq(s + i, n - i, &bad);
			if (len == 0) {
				put(p, replacement, 3);
				p->changed = 1;
				p->replaced++;
				p->bad_bytes += bad;
				p->grown += bad < 3;
				i += bad;
			} else {
				p->multibyte++;
				size_t at = i;
				if (defused_char(encoding_next((const char *)s, n, &at))) {
					put(p, replacement, 3);
					p->changed = 1;
					p->defused++;
					p->grown += len < 3;
				} else {
					put(p, s + i, len);
				}
				i += len;
			}
		}
	}
}

/* Writes the clean form of s[0..n), whose measured length is len, into `to`, or into a new
 * allocation when to is NULL. */
static char *clean_write(const unsigned char *s, size_t n, size_t len, char *to, struct pass *p)
{
	memset(p, 0, sizeof *p);
	p->out = to ? to : xmalloc(len + 1);
	clean(s, n, p);
	p->out[p->len] = '\0';
	return p->out;
}

static char *clean_alloc(const unsigned char *s, size_t n, struct pass *p)
{
	memset(p, 0, sizeof *p);
	clean(s, n, p);
	return clean_write(s, n, p->len, NULL, p);
}

/* GB18030 s[0..n) → UTF-8 in a fresh buffer of *len bytes and at least one spare, each byte
 * iconv cannot take becoming U+FFFD (counted in *bad). NULL when iconv has no GB18030. */
static char *gb18030_to_utf8(const char *s, size_t n, size_t *len, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = n + n / 2 + 16;   /* two bytes become three, at most, in valid text */
	char *out = xmalloc(cap);
	char *in = (char *)s, *o = out;
	size_t inleft = n, oleft = cap - 1;
	*bad = 0;
	while (inleft > 0 && iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		if (errno == E2BIG || oleft < 3) {
			size_t used = (size_t)(o - out);
			out = xgrow(out, &cap, cap + 1, 1);
			o = out + used;
			oleft = cap - used - 1;
		} else {   /* EILSEQ, or EINVAL for a sequence cut off at the end */
			memcpy(o, replacement, 3);
			o += 3;
			oleft -= 3;
			in++;
			inleft--;
			++*bad;
		}
	}
	iconv_close(cd);
	*len = (size_t)(o - out);
	return out;
}

static int fail(char **cause, const char *why)
{
	*cause = xstrdup(why);
	return -1;
}

/* Clean bytes s[0..n) as a text: *keep itself when keep is not NULL (see decode), else a copy. */
static char *as_is(const unsigned char *s, size_t n, size_t skipped, char **keep)
{
	char *t;
	if (keep) {
		t = *keep;
		*keep = NULL;
		if (skipped)
			memmove(t, s, n);
		t = xrealloc(t, n + 1);
	} else {
		t = xmalloc(n + 1);
		memcpy(t, s, n);
	}
	t[n] = '\0';
	return t;
}

/* Decodes s[0..n) (a BOM dropped already) into out. When the bytes are clean UTF-8 as they
 * are and `keep` is not NULL, out->text is *keep (which holds s, `skipped` bytes of BOM in),
 * moved down over the BOM and cut to size, and *keep is set to NULL; else *keep is left
 * as it was. */
static int decode(const unsigned char *s, size_t n, size_t skipped, char **keep, struct decoded *out, char **cause)
{
	if (n == 0)
		return fail(cause, "empty file");
	struct pass u = { 0 }, p = { 0 };
	clean(s, n, &u);   /* measures the bytes as UTF-8, and finds any NUL */
	if (u.nul)
		return fail(cause, "binary file (not text)");
	if (n > SIZE_MAX / 4)
		return fail(cause, "file too large");
	out->from = u.replaced ? ENCODING_MIXED : ENCODING_UTF8;
	out->replaced = u.replaced;
	/* Mostly valid UTF-8 (no fewer valid multibyte sequences than invalid ones) stays UTF-8
	 * with its stray bytes replaced; otherwise GB18030 wins when fewer bytes misfit. GB18030
	 * text reads as about one valid UTF-8 sequence to five invalid ones; UTF-8 text often
	 * reads as GB18030 without a single error, so that alone proves nothing. */
	char *conv = NULL;
	size_t clen = 0, cbad = 0;
	if (u.replaced && u.multibyte < u.replaced)
		conv = gb18030_to_utf8((const char *)s, n, &clen, &cbad);
	if (conv && cbad < u.replaced) {
		const unsigned char *t = (const unsigned char *)conv;
		if (clen >= 3 && memcmp(t, "\xef\xbb\xbf", 3) == 0) {
			t += 3;   /* GB18030's own BOM, 84 31 95 33 */
			clen -= 3;
		}
		if (cbad <= n / 4) {
			/* When no character grows, the converted buffer is cleaned in place (the
			 * writing never overtakes the reading), which saves a copy of a big file. */
			clean(t, clen, &p);
			if (p.grown == 0) {
				clean_write(t, clen, p.len, conv, &p);
				out->text = xrealloc(conv, p.len + 1);
				conv = NULL;
			} else {
				out->text = clean_write(t, clen, p.len, NULL, &p);
			}
		}
		out->from = ENCODING_GB18030;
		out->replaced = cbad;
	} else if (!u.changed) {   /* already clean, as most reports are: no second pass */
		out->text = as_is(s, n, skipped, keep);
		p = u;
	} else if (u.bad_bytes <= n / 4) {
		out->text = clean_write(s, n, u.len, NULL, &p);
	}
	free(conv);
	if (!out->text)   /* more than a quarter of the bytes fit no encoding */
		return fail(cause, "binary file (not text)");
	out->len = p.len;
	out->defused = p.defused;
	return 0;
}

/* The length of a UTF-8 BOM at the start of s[0..n): 3 or 0. */
static size_t bom_len(const char *s, size_t n)
{
	return n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

int encoding_decode(const char *bytes, size_t n, struct decoded *out, char **cause)
{
	size_t bom = bom_len(bytes, n);
	memset(out, 0, sizeof *out);
	return decode((const unsigned char *)bytes + bom, n - bom, bom, NULL, out, cause);
}

int encoding_decode_take(char **block, size_t n, struct decoded *out, char **cause)
{
	size_t bom = bom_len(*block, n);
	memset(out, 0, sizeof *out);
	return decode((const unsigned char *)*block + bom, n - bom, bom, block, out, cause);
}

char *encoding_clean(const char *s, size_t n, size_t *out_len)
{
	struct pass p;
	char *t = clean_alloc((const unsigned char *)s, n, &p);
	if (out_len)
		*out_len = p.len;
	return t;
}
