/* index_blob.h — layout of the index blob (the cache file), shared by the builder (index_build.c), the reader (index.c) and the tests that forge blobs. */
#ifndef FAZHI_INDEX_BLOB_H
#define FAZHI_INDEX_BLOB_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "encoding.h"
#include "fold.h"

/* The blob, native-endian (the header says which; a foreign one is rejected), each table
 * 8-aligned:
 *   head | docs[ndocs] | norms[ndocs] | keys[nkeys] | fences | words[nwords] | pool (strings) |
 *   lines | postings
 *
 * norms[i] is docs[i].units again, as a u32: ranking reads a report's length for every report it
 * scores, and 4 bytes a report are far fewer to read (and to check) than its whole entry.
 * fences[j] is keys[j * INDEX_FENCE].key, (nkeys + INDEX_FENCE - 1) / INDEX_FENCE of them: a
 * lookup searches the fences, a few kilobytes, then the INDEX_FENCE keys of one fence, instead
 * of the whole keys table a kilobyte at a time.
 *
 * A unit is a code point (ids below WORD_BASE) or a word (WORD_BASE + its place in words[],
 * which is sorted by the words' bytes). Numbering words in the order of their strings makes the
 * order of keys the same in every segment for the words they share: the union of two segments'
 * words, sorted, numbers each one's words in the same order as its own table did, so a merge of
 * segments (index_merge.c) renumbers their keys without sorting them again. A key is a unit or a pair of neighbouring units (KEY_PAIR), in the body or in the
 * headings (KEY_HEAD). keys[] is sorted by key; each key has df entries, one per report
 * holding the key, in report order, each its report's gap (the report's number minus the one
 * before's, the first's plus one) and its count, both Elias-gamma coded (index_blob_put_gamma):
 * a bit stream, most significant bit first, padded to a byte at its end. A pair has count
 * positions (unit numbers) per entry, delta-coded from 0 in a Rice code whose two parts lie
 * apart (index_blob_put_positions), its parameter what index_blob_pos_k gives the entry's count
 * and its report's units (the heading field's: INDEX_HEAD_UNITS), kept after all the entries in a
 * bit stream of their own, padded to a byte at its end.
 * A key's postings are laid out by the length of its list:
 *   df <= INDEX_SKIP, a unit: the entries;
 *   df <= INDEX_SKIP, a pair: the entries, then every entry's positions in entry order;
 *   longer, a unit:           skips[(df - 1) / INDEX_SKIP] { u32 doc before, u32 entry }, entries;
 *   longer, a pair:           u32 where the positions start, skips[(df - 1) / INDEX_SKIP]
 *                             { u32 doc before, u32 entry, u32 its positions }, the entries,
 *                             then every entry's positions in entry order.
 * Offsets are counted from the start of the key's postings, in bits but where the positions
 * start (in bytes). The skip of number k points at entry (k + 1) * INDEX_SKIP, so a long list is
 * entered near a given report without decoding it; and the reports and counts of a pair list are
 * read without touching a position, which is what ranking by bounds needs (index_search_top). The
 * entries take about 5 bits each where varints took 11 (the frequent keys' gaps are 1, their
 * counts small), a position about 12.5 where a varint took 14.5; a short pair list's positions
 * start where its entries, read, end.
 *
 * lines: per report (ixdoc.lines, ixdoc.nlines) the unit numbers of the newlines of its body,
 * varint delta-coded: line k of the body starts after its k-th newline, at the unit after
 * newline k. Snippets use it to fold only the lines that hold hits.
 *
 * Design limits: report texts below 4 GiB, fewer than 2^31 reports and 2^31 distinct words, a
 * key's postings below INDEX_KEY_BYTES (a skip counts them in bits in a u32): a build's segment is
 * too small to reach it, and a merge that would is refused (index_merge_write). */

#define BLOB_MAGIC "FAZHIIX"
#define BLOB_VERSION 22
#define WORD_BASE 0x110000u          /* unit ids below are code points, above are words */
#define KEY_HEAD (1ull << 63)        /* the heading field */
#define KEY_PAIR (1ull << 62)        /* a pair of units, with positions */
#define UNIT_BREAK 0x0Au             /* between headings: a newline, which no term contains */
#define INDEX_SKIP 64
#define INDEX_FENCE 128           /* keys between fences: 3 KB of keys */
#define INDEX_KEY_BYTES ((uint64_t)1 << 29)   /* 512 MiB: a key's postings are below it */
#define INDEX_HEAD_UNITS 256      /* the units a report's headings are taken to run to, for their positions' code */

/* Bytes before the entries of a key's postings. */
static inline uint64_t index_blob_skip_bytes(uint64_t key, uint32_t df)
{
	uint64_t n = df ? (df - 1) / INDEX_SKIP : 0;
	return !n ? 0 : key & KEY_PAIR ? 4 + 12 * n : 8 * n;
}

struct head {
	char magic[8];
	uint32_t version, endian;
	uint64_t key, size, checksum;
	uint64_t ndocs, nkeys, nwords, units;
	uint64_t docs_off, keys_off, words_off, pool_off, pool_len, lines_off, lines_len, post_off, post_len;
	uint64_t norms_off, fences_off, filters_off, names_off;
};

/* Fences of nkeys keys. */
static inline uint64_t index_blob_fences(uint64_t nkeys)
{
	return (nkeys + INDEX_FENCE - 1) / INDEX_FENCE;
}

struct ixdoc {
	uint32_t path, path_len, title, title_len, region, region_len, fregion, fregion_len;
	int32_t year;
	uint32_t len, body_start, body_end, units;
	uint32_t nlines;      /* newlines in the body */
	uint32_t fissuer, fissuer_len;  /* the issuer folded, for issuer: */
	uint32_t level;       /* enum report_level, for level: */
	uint32_t parts;       /* bits 1 << part the report covers, headed or not, for part: */
	uint32_t topics;      /* bits 1 << topic of its sections (topic and topic2), for topic: */
	uint64_t lines;       /* offset of its newline table in the lines region */
};

/* What the filters year: level: part: topic: read of a report (its ixdoc's fields), a table of
 * their own: a filtered search reads it for every report its terms match, and the ixdoc of only
 * those a filter on a name (region:, issuer:) still has to read. Level and parts fit a byte
 * (enum report_level; bits 1 << enum classify_part). */
struct ixfilter {
	int32_t year;
	uint32_t topics;
	uint8_t level, parts, pad[2];
};

static inline struct ixfilter index_blob_filter_of(const struct ixdoc *d)
{
	return (struct ixfilter){ d->year, d->topics, (uint8_t)d->level, (uint8_t)d->parts, { 0, 0 } };
}

/* Where the filters region: and issuer: read a report's folded region and issuer in the pool: the
 * first report's of the segment with the same name, so that a search tests each name once, not
 * each report's (a corpus has a few thousand names for hundreds of thousands of reports). */
struct ixname {
	uint32_t region, region_len, issuer, issuer_len;
};

struct ixkey {
	uint64_t key, off;
	uint32_t len, df;
};

struct ixword {
	uint32_t off, len, id, pad;
};

/* The units report doc's positions in the field of key count from (index_blob_pos_k): its body's,
 * or INDEX_HEAD_UNITS in the headings. */
static inline uint32_t index_blob_field_units(uint64_t key, const struct ixdoc *docs, uint32_t doc)
{
	return key & KEY_HEAD ? INDEX_HEAD_UNITS : docs[doc].units;
}

static inline uint64_t index_blob_pair_key(uint32_t a, uint32_t b)
{
	return KEY_PAIR | ((uint64_t)a << 31) | b;
}

/* A unit of key renumbered: a word's by to[its number - WORD_BASE], a code point as it is. */
static inline uint64_t index_blob_renumber_unit(uint64_t u, const uint32_t *to)
{
	return u >= WORD_BASE ? to[u - WORD_BASE] : u;
}

/* A key with its words renumbered by to (to[old - WORD_BASE] = new), its fields kept. */
static inline uint64_t index_blob_renumber_key(uint64_t key, const uint32_t *to)
{
	uint64_t flags = key & (KEY_HEAD | KEY_PAIR), k = key & ~(KEY_HEAD | KEY_PAIR);
	if (!(key & KEY_PAIR))
		return flags | index_blob_renumber_unit(k, to);
	uint64_t a = k >> 31, b = k & 0x7FFFFFFFu;
	return flags | index_blob_renumber_unit(a, to) << 31 | index_blob_renumber_unit(b, to);
}

/* Appends v to p (at least 5 bytes free); returns the new end. */
static inline uint8_t *index_blob_put_varint(uint8_t *p, uint32_t v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

/* Reads a varint; NULL on running past end or an overlong value (corrupt data). */
static inline const uint8_t *index_blob_get_varint(const uint8_t *p, const uint8_t *end, uint32_t *v)
{
	if (p < end && *p < 0x80) {
		*v = *p;
		return p + 1;
	}
	uint32_t r = 0;
	for (int shift = 0; shift < 35; shift += 7) {
		if (p >= end)
			return NULL;
		uint8_t b = *p++;
		r |= (uint32_t)(b & 0x7F) << shift;
		if (!(b & 0x80)) {
			*v = r;
			return p;
		}
	}
	return NULL;
}

/* Bits of v >= 1 in Elias gamma: as many zeros as v has bits after its first, then v. */
static inline unsigned index_blob_gamma_bits(uint32_t v)
{
	return 2 * (31 - (unsigned)__builtin_clz(v)) + 1;
}

/* Bits of an entry: its report's gap and its count (both >= 1). */
static inline unsigned index_blob_entry_bits(uint32_t gap, uint32_t cnt)
{
	return index_blob_gamma_bits(gap) + index_blob_gamma_bits(cnt);
}

/* Bytes of a key's laid-out postings: its skips, its entries (ebits bits) and its positions
 * (pbits bits), each padded to a byte. */
static inline uint64_t index_blob_laid_len(uint64_t key, uint32_t df, uint64_t ebits, uint64_t pbits)
{
	return index_blob_skip_bytes(key, df) + (ebits + 7) / 8 + (pbits + 7) / 8;
}

/* The Rice parameter of the cnt positions of a report of units units: the bits of their mean gap,
 * units / cnt, the first one's included. */
static inline unsigned index_blob_pos_k(uint32_t units, uint32_t cnt)
{
	/* the largest k with cnt << k <= units, found by bit lengths: a division per entry was a
	 * build's dearest step in writing its postings */
	if (!cnt || cnt > units)
		return 0;
	unsigned k = (unsigned)__builtin_clz(cnt) - (unsigned)__builtin_clz(units);
	return k && ((uint64_t)cnt << k) > units ? k - 1 : k;
}

/* Bits of a position gap v in the code of parameter k (index_blob_put_positions). */
static inline uint64_t index_blob_pos_bits(uint32_t v, unsigned k)
{
	return (uint64_t)(v >> k) + 1 + k;
}

/* A bit stream being written, most significant bit first, from p. */
struct bitwriter {
	uint8_t *p;
	uint64_t acc;   /* its low n bits (fewer than 32) are not written yet */
	unsigned n;
};

/* Appends the k low bits of v (k <= 32, v below 2^k), written out four bytes at a time. */
static inline void index_blob_put_bits(struct bitwriter *w, uint32_t v, unsigned k)
{
	w->acc = w->acc << k | v;
	w->n += k;
	if (w->n >= 32) {
		w->n -= 32;
		uint32_t out = __builtin_bswap32((uint32_t)(w->acc >> w->n));
		memcpy(w->p, &out, 4);
		w->p += 4;
	}
}

static inline void index_blob_put_gamma(struct bitwriter *w, uint32_t v)   /* v >= 1 */
{
	unsigned zeros = 31 - (unsigned)__builtin_clz(v);
	index_blob_put_bits(w, 0, zeros);
	index_blob_put_bits(w, v, zeros + 1);
}

/* Writes the bits left, padded with zeros to a byte; returns the end of the stream. */
static inline uint8_t *index_blob_end_bits(struct bitwriter *w)
{
	for (; w->n >= 8; w->n -= 8)
		*w->p++ = (uint8_t)(w->acc >> (w->n - 8));
	if (w->n)
		*w->p++ = (uint8_t)(w->acc << (8 - w->n));
	w->n = 0;
	return w->p;
}

/* The bits of p from bit `at` on, most significant first, in a word (zeros past the bytes below
 * limit bits), and how many of them lie before limit (*avail, 57 to 64 but near limit). */
static inline uint64_t index_blob_peek(const uint8_t *p, uint64_t limit, uint64_t at, unsigned *avail)
{
	uint64_t byte = at >> 3, bytes = (limit + 7) >> 3, w = 0;
	if (limit >= 64 && at <= limit - 64) {   /* a whole word before the limit, as nearly always */
		memcpy(&w, p + byte, 8);
		*avail = 64 - (unsigned)(at & 7);
		return __builtin_bswap64(w) << (at & 7);
	}
	if (at >= limit) {
		*avail = 0;
		return 0;
	}
	if (bytes - byte >= 8) {
		memcpy(&w, p + byte, 8);
		w = __builtin_bswap64(w);
	} else {
		for (uint64_t i = 0; i < 8; i++)
			w = w << 8 | (byte + i < bytes ? p[byte + i] : 0);
	}
	unsigned room = 64 - (unsigned)(at & 7);
	*avail = limit - at < room ? (unsigned)(limit - at) : room;
	return w << (at & 7);
}

/* Reads a gamma-coded value at bit *bit of p (bits up to limit, a count of bits from p) and
 * moves *bit past it; 0 when it runs past limit or is no value below 2^32 (corrupt data). */
static inline int index_blob_get_gamma(const uint8_t *p, uint64_t limit, uint64_t *bit, uint32_t *v)
{
	unsigned avail;
	uint64_t at = *bit, w = index_blob_peek(p, limit, at, &avail);
	if (!avail)
		return 0;
	if (w && (unsigned)__builtin_clzll(w) * 2 + 1 <= avail) {
		unsigned zeros = (unsigned)__builtin_clzll(w), k = 2 * zeros + 1;
		if (zeros > 31)
			return 0;
		*v = (uint32_t)(w >> (64 - k));
		*bit = at + k;
		return 1;
	}
	unsigned zeros = 0;   /* a long code: bit by bit */
	while (at + zeros < limit && !(p[(at + zeros) >> 3] >> (7 - ((at + zeros) & 7)) & 1))
		if (++zeros > 31)
			return 0;
	if (at + 2 * zeros + 1 > limit)
		return 0;
	uint64_t r = 0;
	for (unsigned i = 0; i <= zeros; i++) {
		uint64_t b = at + zeros + i;
		r = r << 1 | (p[b >> 3] >> (7 - (b & 7)) & 1);
	}
	*v = (uint32_t)r;
	*bit = at + 2 * zeros + 1;
	return 1;
}

/* Appends q in unary: q zeros and a one. */
static inline void index_blob_put_unary(struct bitwriter *w, uint32_t q)
{
	for (; q >= 32; q -= 32)
		index_blob_put_bits(w, 0, 32);
	index_blob_put_bits(w, 1, q + 1);
}

/* An entry's positions, cnt gaps of the code of parameter k (k < 32, index_blob_pos_k): first the
 * k low bits of each, then the rest of each (gap >> k) in unary, that many zeros and a one. The
 * positions of a report lie below its units, so the quotients sum to less than twice cnt. This is
 * the Rice code with its two parts apart: an entry's are stepped over by its low bits' length
 * and a count of ones, a word at a time (index_blob_skip_positions). The gaps come as a build
 * writes them, cnt varints from p (end: the end of the bytes); returns where they end, NULL when
 * they are cut short. */
static inline const uint8_t *index_blob_put_positions(struct bitwriter *w, const uint8_t *p, const uint8_t *end,
                                                     uint32_t cnt, unsigned k)
{
	uint32_t gaps[64];
	if (cnt <= 64) {   /* most entries: each varint read once, for both parts */
		for (uint32_t i = 0; i < cnt; i++)
			if (!(p = index_blob_get_varint(p, end, &gaps[i])))
				return NULL;
		for (uint32_t i = 0; k && i < cnt; i++)
			index_blob_put_bits(w, gaps[i] & ((1u << k) - 1), k);
		for (uint32_t i = 0; i < cnt; i++)
			index_blob_put_unary(w, gaps[i] >> k);
		return p;
	}
	const uint8_t *q = p;
	uint32_t gap;
	for (uint32_t i = 0; k && i < cnt && q; i++)   /* the low bits */
		if ((q = index_blob_get_varint(q, end, &gap)))
			index_blob_put_bits(w, gap & ((1u << k) - 1), k);
	for (uint32_t i = 0; i < cnt && p; i++)        /* the quotients */
		if ((p = index_blob_get_varint(p, end, &gap)))
			index_blob_put_unary(w, gap >> k);
	return q ? p : NULL;
}

/* Reads an entry's cnt positions of parameter k at bit *bit of p (limit bits), each gap added to
 * the position before (from 0), into out; moves *bit past them. Returns how many were read: fewer
 * than cnt on corrupt data (a quotient past limit), none when a position passes 2^32. */
static inline size_t index_blob_get_positions(const uint8_t *p, uint64_t limit, uint64_t *bit, unsigned k,
                                              uint32_t cnt, uint32_t *out)
{
	uint64_t low = *bit, at = low + (uint64_t)cnt * k, sum = 0;
	if (at > limit)
		return 0;
	size_t n = 0;
	while (n < cnt) {   /* the quotients, as many from each word as it holds whole */
		unsigned avail, z = 64;
		uint64_t w = index_blob_peek(p, limit, at, &avail);
		/* 63 bits at most: w | 1 then finds no one that is not there */
		unsigned left = avail < 64 ? avail : 63, from = left;
		while (n < cnt && (z = (unsigned)__builtin_clzll(w | 1)) < left) {
			out[n++] = z;
			w = w << z << 1;
			left -= z + 1;
		}
		if (left < from) {
			at += from - left;
			continue;
		}
		uint64_t q = 0;   /* a word of zeros: a quotient that goes on past it */
		for (z = 64; avail && (z = w ? (unsigned)__builtin_clzll(w) : 64) >= avail;)
			q += avail, at += avail, w = index_blob_peek(p, limit, at, &avail);
		if (!avail || q + z > UINT32_MAX)
			break;
		out[n++] = (uint32_t)(q + z);
		at += z + 1;
	}
	*bit = at;
	if (!k) {   /* the sums */
		for (size_t j = 0; j < n; j++) {
			sum += out[j];
			if (sum > UINT32_MAX)
				return 0;   /* a position past 2^32: damage */
			out[j] = (uint32_t)sum;
		}
		return n;
	}
	for (size_t j = 0; j < n;) {   /* the low bits, a word of them at a time, and the sums */
		unsigned avail;
		uint64_t w = index_blob_peek(p, limit, low, &avail);
		size_t m = avail / k < n - j ? avail / k : n - j;
		for (size_t end = j + m; j < end; j++) {
			sum += (uint64_t)out[j] << k | w >> (64 - k);
			w <<= k;
			if (sum > UINT32_MAX)
				return 0;
			out[j] = (uint32_t)sum;
		}
		low += m * k;
	}
	return n;
}

/* The ones of w, in a few operations on the word: __builtin_popcountll is a call into a table
 * of libgcc's where the target has no popcount instruction (x86-64 as compiled by default). */
static inline unsigned index_blob_ones(uint64_t w)
{
	w -= (w >> 1) & 0x5555555555555555ull;
	w = (w & 0x3333333333333333ull) + ((w >> 2) & 0x3333333333333333ull);
	w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0full;
	return (unsigned)((w * 0x0101010101010101ull) >> 56);
}

/* The bits of w from its most significant down to its r-th one, that one included (1 <= r <= its
 * ones): the bytes before the one that holds it are found from the ones of every byte at once,
 * then that byte's ones are taken one by one. One by one over the whole word takes five
 * operations a one: cheaper for a few, dearer for many. Apart, so that the loops that step over
 * positions (a merge's, a search's) keep index_blob_skip_positions inline. */
__attribute__((noinline, unused)) static unsigned index_blob_select(uint64_t w, unsigned r)
{
	const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
	uint64_t b = w - ((w >> 1) & 0x5555555555555555ull);
	b = (b & 0x3333333333333333ull) + ((b >> 2) & 0x3333333333333333ull);
	b = (b + (b >> 4)) & 0x0f0f0f0f0f0f0f0full;
	uint64_t sums = __builtin_bswap64(b) * ones;   /* byte j: the ones of w's first j + 1 bytes */
	uint64_t fewer = ((high | (r - 1) * ones) - sums) & high;   /* bytes whose sum is below r */
	unsigned k = (unsigned)(((fewer >> 7) * ones) >> 56);       /* the r-th one is in byte k */
	unsigned q = r - (unsigned)((sums << 8) >> (8 * k) & 0xff);   /* its place among that byte's ones */
	uint32_t x = (uint32_t)(w >> (56 - 8 * k) & 0xff) << 24;
	for (; q > 1; q--)
		x ^= 0x80000000u >> __builtin_clz(x);
	return 8 * k + (unsigned)__builtin_clz(x) + 1;
}

/* Steps over an entry's cnt positions of parameter k (index_blob_put_positions); 0 on corrupt
 * data. Its low bits are cnt * k; its quotients end at its cnt-th one, counted a word at a time. */
static inline int index_blob_skip_positions(const uint8_t *p, uint64_t limit, uint64_t *bit, unsigned k, uint32_t cnt)
{
	uint64_t at = *bit + (uint64_t)cnt * k;
	uint32_t left = cnt;
	while (left) {
		unsigned avail;
		uint64_t w = index_blob_peek(p, limit, at, &avail);
		if (!avail)
			return 0;
		w &= ~(uint64_t)0 << (64 - avail);
		unsigned ones = index_blob_ones(w);
		if (ones < left) {
			left -= ones;
			at += avail;
			continue;
		}
		if (left > 4) {   /* a long entry's: found at once */
			at += index_blob_select(w, left);
			break;
		}
		for (; left; left--) {   /* a few ones, most entries' (one to three places): one by one */
			unsigned z = (unsigned)__builtin_clzll(w);
			w <<= z, w <<= 1;
			at += z + 1;
		}
	}
	*bit = at;
	return 1;
}

/* The entry at bit *bit of p read code by code: index_blob_get_entry's way where the word it
 * reads does not hold both codes. Apart, so that the way every walk takes stays small inline. */
__attribute__((noinline)) static int index_blob_get_entry_codes(const uint8_t *p, uint64_t limit, uint64_t *bit,
                                                                 uint32_t *gap, uint32_t *cnt)
{
	return index_blob_get_gamma(p, limit, bit, gap) && index_blob_get_gamma(p, limit, bit, cnt);
}

/* Reads the entry at bit *bit of p (limit as index_blob_get_gamma's): its gap and count, both
 * >= 1; 0 on corrupt data. Inline in every walk of a list: a call cost a fifth of each entry. */
__attribute__((always_inline)) static inline int index_blob_get_entry(const uint8_t *p, uint64_t limit, uint64_t *bit,
                                                                      uint32_t *gap, uint32_t *cnt)
{
	unsigned avail;
	uint64_t at = *bit, w = index_blob_peek(p, limit, at, &avail);
	if (w) {   /* both codes in the word read, as nearly every entry's are: one read */
		unsigned z1 = (unsigned)__builtin_clzll(w), k1 = 2 * z1 + 1;
		uint64_t rest = z1 <= 31 ? w << k1 : 0;
		if (rest && k1 <= avail) {
			unsigned z2 = (unsigned)__builtin_clzll(rest), k2 = 2 * z2 + 1;
			if (z2 <= 31 && k1 + k2 <= avail) {
				*gap = (uint32_t)(w >> (64 - k1));
				*cnt = (uint32_t)(rest >> (64 - k2));
				*bit = at + k1 + k2;
				return 1;
			}
		}
	}
	return index_blob_get_entry_codes(p, limit, bit, gap, cnt);
}

/* Where the n entries from bit 0 of p (limit bits) end, in bytes from p (the stream padded);
 * 0 with *bad set when they do not decode. */
static inline uint64_t index_blob_entries_end(const uint8_t *p, uint64_t limit, uint32_t n, int *bad)
{
	uint64_t bit = 0;
	uint32_t gap, cnt;
	for (uint32_t i = 0; i < n; i++)
		if (!index_blob_get_entry(p, limit, &bit, &gap, &cnt)) {
			*bad = 1;
			return 0;
		}
	return (bit + 7) / 8;
}

/* The code point at s[i] of folded text and its length in bytes (encoding_next's reading). */
static inline size_t index_blob_utf8_next(const unsigned char *s, size_t n, size_t i, uint32_t *c)
{
	size_t j = i;
	*c = encoding_next((const char *)s, n, &j);
	return j - i;
}

/* The rule that cuts folded text into index units, which the build and the query must share
 * (a term is found only when it is cut as the body was): a run of word characters
 * (fold_is_word) is one unit, every other character is a unit of its own. Returns the length
 * of the unit at s[i] (i < n); *word is 1 for a run of word characters, else 0 with its
 * character in *c. Han, most of the text, is told first. */
static inline size_t index_blob_unit(const unsigned char *s, size_t n, size_t i, uint32_t *c, int *word)
{
	size_t k = s[i] < 0x80 ? (*c = s[i], 1) : index_blob_utf8_next(s, n, i, c);
	*word = !(*c >= 0x4E00 && *c <= 0x9FFF) && fold_is_word(*c);
	if (!*word)
		return k;
	size_t j = i + k;
	while (j < n) {
		uint32_t d;
		size_t m = index_blob_utf8_next(s, n, j, &d);
		if (!fold_is_word(d))
			break;
		j += m;
	}
	return j - i;
}

/* An index over a blob the builder has just laid out, taken without index_from_blob's checks
 * (the checksum alone is a pass over the whole blob). Never for bytes read from a file. */
struct index;
struct index *index_blob_trusted(const void *data, size_t len, void (*release)(const void *data, size_t len));

/* What a build makes of each report besides its postings, in two steps. make(arg, r, p, out)
 * appends bytes made from report r to out and returns a number to pass on (the digest's head
 * length); it runs on whichever of the build's threads has time for it, beside the others, so it
 * may read r, p and what no one changes during the build, and nothing else. add(arg, i, bytes, n,
 * made) then takes report i's bytes, in order, on the build's reading thread. r is report i of
 * the build (an entry that failed to load gives its empty stand-in), classified by the default cue
 * table (classify_default; p holds its paragraphs' classes; sections and p are left
 * unclassified, -1 and empty, when the table cannot be loaded). Neither touches the corpus. */
struct report;
struct classify_paras;
struct buf;
struct index_each {
	size_t (*make)(void *arg, const struct report *r, const struct classify_paras *p, struct buf *out);
	void (*add)(void *arg, size_t i, const void *bytes, size_t n, size_t made);
	void *arg;
};

/* For tests: whether the loading thread makes reports' bytes (each->make) for the reading
 * thread: 1 always, 0 never, -1 (the default) when the reader lags behind it. The bytes are the
 * same either way. */
void index_build_tuning(int loader_makes);

/* Builds the index of the reports which[0..n) of c (which NULL: the first n; each->add gets
 * their numbers in the blob, 0..n-1) and writes its blob to fd (from offset 0), laid out straight from the
 * builder's tables, so no second copy of the postings is ever held in memory; key goes in the
 * head, sealed as index_blob_seal does. Each block-byte piece of the postings region (the last
 * one shorter) is shown to block_fn(arg, its number, bytes, length) as it goes out, in order.
 * Returns the blob's size, or 0 with *cause (caller frees) when a write failed. */
struct corpus;
struct index_progress;
uint64_t index_build_write(struct corpus *c, const size_t *which, size_t n, const struct index_progress *progress,
                           const struct index_each *each, uint64_t key, int fd, size_t block,
                           void (*block_fn)(void *arg, uint64_t n, const unsigned char *p, size_t len), void *arg,
                           char **cause);

/* The index of the reports which[0..n) of c (which NULL: the first n), numbered from 0 in
 * that order, as one segment (index_build_part) or cut into segments of index_segment_bytes()
 * (index_build_parts), corpus position k being which[k]'s report. Key 0. */
struct index *index_build_part(struct corpus *c, const size_t *which, size_t n, const struct index_progress *progress);
struct index *index_build_parts(struct corpus *c, const size_t *which, size_t n,
                                const struct index_progress *progress);
/* index_build_parts, each segment made by part(arg, c, which, n, progress) (one segment). */
typedef struct index *(*index_parts_fn)(void *arg, struct corpus *c, const size_t *which, size_t n,
                                        const struct index_progress *progress);
struct index *index_build_parts_with(struct corpus *c, const size_t *which, size_t n,
                                     const struct index_progress *progress, index_parts_fn part, void *arg);
/* One index of parts[0..n) (consumed), their corpus positions one after the other. */
struct index *index_join(struct index **parts, size_t n);

/* What the cache (index_cache.c) needs of an index's segments: the corpus order as runs, so that
 * what opening an index does and keeps grows with the runs, not with the reports. A fresh build
 * has one run a segment; updates cut more (a report deleted or added between two kept), still
 * far fewer than reports. */
struct index_run {   /* corpus positions [pos, pos + count) are reports [doc, doc + count) of segment seg */
	uint32_t pos, seg, doc, count;
};
/* Appends the report at corpus position pos, report doc of segment seg, to the runs (*v, *n,
 * *cap; caller frees *v): the last run grows when the report continues it, else a run starts. */
void index_run_add(struct index_run **v, size_t *n, size_t *cap, uint32_t pos, uint32_t seg, uint32_t doc);
/* The runs of ix, by position, covering 0..index_nreports(ix) - 1; lent until ix is freed. */
size_t index_runs(const struct index *ix, const struct index_run **runs);
/* Whether runs[0..nruns) number corpus positions 0..n - 1 once each, in order, in runs that are
 * not empty, of segments below nseg. */
int index_runs_cover(const struct index_run *runs, size_t nruns, size_t nseg, uint64_t n);
/* Whether runs[0..nruns) are an index of n reports of the one-segment indexes parts[0..nparts):
 * by position and covering 0..n - 1 once, each run inside its segment's reports and not empty,
 * no report named twice, and the reports of a segment in corpus order (what a build and an
 * update make, and what the ties of the ranking rely on). */
int index_runs_ok(const struct index **parts, size_t nparts, const struct index_run *runs, size_t nruns, size_t n);
/* The index of parts[0..nparts) (consumed) in the order runs[0..nruns) give (index_runs_ok). */
struct index *index_assemble(struct index **parts, size_t nparts, const struct index_run *runs, size_t nruns, size_t n);
size_t index_locate(const struct index *ix, size_t report, size_t *doc);   /* its segment; *doc its number there */
/* The corpus position of report doc of segment k, SIZE_MAX when it is deleted (or k, doc are out of range). */
size_t index_position(const struct index *ix, size_t k, size_t doc);
void *index_segment_arg(const struct index *ix, size_t k);   /* segment k's check->arg, NULL without one */
/* Merging segments (index_merge.h): segment k's blob, *len bytes of it. */
const void *index_segment_blob(const struct index *ix, size_t k, size_t *len);
/* The numbers a merge of segments segs[0..n) of ix gives their reports: to[j][doc] for report doc of
 * segment segs[j], MERGE_LEFT_OUT when it is deleted; the live reports of them all in corpus
 * order. Returns how many; the caller frees each to[j]. */
size_t index_merge_numbers(const struct index *ix, const size_t *segs, size_t n, uint32_t **to);
/* ix (consumed) with segments segs[0..n) replaced by merged's one segment (merged consumed), which
 * holds their live reports as index_merge_numbers numbered them. */
struct index *index_merged(struct index *ix, const size_t *segs, size_t n, struct index *merged);
/* index_update, but the new segments of the reports which[0..n) of c (corpus positions 0..n-1
 * of the index returned) are made by build (NULL: index_build_parts), which never fails; with
 * merges, the caller merges segments afterwards (index_merge_pick), so none is indexed again for
 * its deleted reports or its size (one left with no live report is still dropped). */
struct index *index_update_with(struct index *ix, struct corpus *c,
                                int (*same)(void *arg, size_t report, size_t entry), void *arg,
                                index_parts_fn build, void *build_arg, int merges,
                                const struct index_progress *progress);

/* Checksum of the whole blob, the header's checksum field read as 0 (index.c). */
uint64_t index_blob_seal(const unsigned char *p, size_t size);

#endif
