/* encoding.h — bytes in, clean UTF-8 out: detect UTF-8 or GB18030, convert, replace bad bytes, defuse controls. */
#ifndef FAZHI_ENCODING_H
#define FAZHI_ENCODING_H

#include <stddef.h>
#include <stdint.h>

#include <unistr.h>

enum encoding_kind {
	ENCODING_UTF8,     /* valid UTF-8, with or without BOM */
	ENCODING_GB18030,  /* GB18030 / GBK / GB2312, converted */
	ENCODING_MIXED     /* mostly UTF-8 with stray bytes replaced by U+FFFD */
};

/* What clean text guarantees, so that no report can drive a terminal:
 * - valid UTF-8, no BOM, no NUL; line ends are "\n" (CRLF and CR converted); a tab becomes two spaces
 *   (the cells of a table's row stay apart, as blanks part them);
 * - C0 controls other than "\n" become the matching Control Pictures (U+2400 + c; ESC → ␛, DEL → ␡);
 * - C1 controls (U+0080–U+009F), bidi overrides and isolates (U+202A–U+202E, U+2066–U+2069),
 *   and other invisible format characters (U+200B–U+200F, U+2028/9, U+FEFF, U+061C …: general
 *   categories Cf, Zl and Zp) become U+FFFD. */
struct decoded {
	char *text;                 /* clean UTF-8, NUL-terminated; owned by the caller */
	size_t len;                 /* bytes of text */
	enum encoding_kind from;    /* how the bytes were read */
	size_t replaced;            /* byte sequences that fitted no encoding, now U+FFFD */
	size_t defused;             /* control/format characters replaced by placeholders */
};

/* Decodes `n` bytes. Returns 0 and fills *out, or -1 with *cause set (caller frees)
 * when the bytes are not text (empty, or binary: NUL bytes or mostly undecodable).
 *
 * How the bytes are read: a UTF-8 BOM is dropped. Valid UTF-8 is UTF-8. Otherwise, when the
 * bytes hold fewer valid multibyte UTF-8 sequences than invalid ones, they are read as GB18030
 * if that leaves fewer bytes unfitting; else they stay UTF-8 (ENCODING_MIXED). Invalid UTF-8
 * becomes one U+FFFD per maximal subpart (as browsers do: "\xe4\xb8" cut off is one, an
 * overlong "\xc0\xaf" is two); in GB18030 each byte iconv refuses is one U+FFFD.
 * Causes, exactly: "empty file" (no bytes, or only a BOM); "binary file (not text)" (a NUL
 * byte, or more than a quarter of the bytes fitting no encoding); "file too large".
 * Time and memory are linear: the text is one allocation of its exact size. */
int encoding_decode(const char *bytes, size_t n, struct decoded *out, char **cause);

/* As encoding_decode, with the same result, of the n bytes at *block: a block from malloc of
 * at least n + 1 bytes. When they are clean UTF-8 already (most reports), the block becomes
 * out->text, cut to size, without a copy, and *block is set to NULL; otherwise *block is left
 * to the caller as it was, untouched. */
int encoding_decode_take(char **block, size_t n, struct decoded *out, char **cause);

/* Writes the clean form of UTF-8 (possibly invalid) s[0..n) into a fresh string, as above,
 * without detection or BOM removal; NUL becomes U+2400. For text that did not come through
 * encoding_decode: queries, paths, messages. *out_len (may be NULL) gets the length.
 * Caller frees. */
char *encoding_clean(const char *s, size_t n, size_t *out_len);

/* How far a scan of clean text (valid UTF-8) may step from byte b, a character's first byte:
 * its length; 1 from a continuation byte, so a scan that starts inside a character finds the
 * next one. A scan for a few first bytes steps over the rest of each character this way, as
 * no other character begins inside it. */
static inline size_t encoding_step(unsigned char b)
{
	return b < 0xe0 ? (b < 0xc0 ? 1 : 2) : (b < 0xf0 ? 3 : 4);
}

/* The character at s[*i] of UTF-8 s[0..n) (*i < n), *i moved past it. A byte that begins no
 * valid character reads as U+FFFD and is passed alone, so a scan finds the next character at
 * the next byte. The model's one UTF-8 decoder: inline, because the scanners of report text
 * call it once a character; a three-byte character (all of Chinese) is read here, any other
 * by libunistring. */
static inline uint32_t encoding_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = n - *i;
	if (p[0] < 0x80) {
		*i += 1;
		return p[0];
	}
	/* Not E0 or ED, whose second byte has narrower limits: those go to u8_mbtoucr. The two
	 * continuation bytes (10xxxxxx) are tested at once, and the lead's range by one compare:
	 * every scan of a report runs through here. */
	unsigned lead = p[0];
	if (left >= 3 && lead - 0xe1u <= 0xefu - 0xe1u && lead != 0xed &&
	    (((p[1] ^ 0x80u) | (p[2] ^ 0x80u)) & 0xc0u) == 0) {
		*i += 3;
		return (uint32_t)(lead & 0x0f) << 12 | (uint32_t)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
	}
	ucs4_t c;
	int k = u8_mbtoucr(&c, p, left);
	if (k <= 0) {
		*i += 1;
		return 0xfffd;
	}
	*i += (size_t)k;
	return c;
}

#endif
