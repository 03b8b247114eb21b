/* textcode.h — a compact byte code for the text of these reports, which the digests keep: ASCII as itself, the characters these reports write most (assets/characters.tsv) in one byte, the rest of that table in two, any other character escaped. */
#ifndef FAZHI_TEXTCODE_H
#define FAZHI_TEXTCODE_H

#include <stddef.h>
#include <stdint.h>

/* The code, byte by byte: below 0x80 the ASCII byte itself; 0x80 + k (k < TEXTCODE_ONE) the
 * table's character k; lead l in [TEXTCODE_LEAD, 0xFE) and a byte t the character
 * TEXTCODE_ONE + (l - TEXTCODE_LEAD) * 256 + t; 0xFE and a UTF-8 sequence of 2 to 4 bytes a
 * character the table has not; 0xFF and a byte that byte alone (text that is not UTF-8). Han
 * takes three bytes in UTF-8 and one or two here: a digest's sentences shrink by half. */
#define TEXTCODE_ONE 112
#define TEXTCODE_LEAD 0xF0u
#define TEXTCODE_GROWTH 3   /* decoded text takes at most this many times its code's bytes */

struct buf;

/* Bytes textcode_encode appends for s[0..n). */
size_t textcode_size(const char *s, size_t n);
/* Appends the code of s[0..n) to out. */
void textcode_encode(const char *s, size_t n, struct buf *out);
/* Decodes p[0..n) into out, which has room for TEXTCODE_GROWTH * n bytes. Returns the bytes
 * written, or SIZE_MAX when p[0..n) is not a whole code (a code cut short, or a number the table
 * has not). */
size_t textcode_decode(const void *p, size_t n, char *out);
/* A hash of the table, which the cached index's key holds: the code of one table is no code of
 * another's. */
uint64_t textcode_key(void);

#endif
