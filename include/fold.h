/* fold.h — the matching form of text: compatibility decomposition, case folding, full/half-width punctuation, with a map back to the original bytes. */
#ifndef FAZHI_FOLD_H
#define FAZHI_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* What folding does, one code point at a time (so folding a slice equals slicing the fold,
 * and every folded byte comes from exactly one source character):
 * - NFKD and Unicode case folding (libunistring u8_casefold): （一）→ (一), ２０２１ → 2021,
 *   ＡＰＰ → app, ＋ → +, U+3000 and U+00A0 → space, … → "...", ① → 1. Decomposition is used
 *   instead of NFKC's recomposition so that precomposed and combining forms of a letter
 *   fold alike without looking at neighbours;
 * - punctuation that NFKC keeps wide becomes its ASCII form: 。→ .  “ ” → "  ‘ ’ → '
 *   〔 〕 【 】 〖 〗 → [ ]  《 》 〈 〉 → < >  and the dashes ‐ ‑ ‒ – — ― − → - ;
 * - 、(the enumeration comma) stays as it is: it has no ASCII counterpart, and folding it
 *   to "," would make a search for "," match every list of items;
 * - invalid UTF-8 (never in clean report text) folds to U+FFFD per bad byte.
 * The tables behind this are filled lazily on first use and never freed; they are not
 * thread-safe. */

/* The way back from folded bytes to the original: at[i] is the byte offset, in the text
 * that was folded (plus the base given), of the character that produced folded byte i;
 * at[len] is the end of that text. The caller owns the struct; a zeroed one is empty and
 * fold_map_fini frees it. Offsets are 32-bit: texts are limited to 4 GiB. */
struct fold_map {
	uint32_t *at;
	size_t n, cap;   /* entries used (folded length + 1) and allocated */
};
void fold_map_fini(struct fold_map *m);

/* Folds UTF-8 s[0..n) into out (reset first). When map is not NULL it is refilled: one entry
 * per folded byte plus the end, each offset counted from s plus `base`. */
void fold_text(const char *s, size_t n, size_t base, struct buf *out, struct fold_map *map);

/* The folded form of s[0..n) as a fresh NUL-terminated string (caller frees); *len gets its length. */
char *fold_string(const char *s, size_t n, size_t *len);

/* Original range of the folded range [i, j): start of the character behind byte i, and end of
 * the character behind byte j - 1 (a match that ends inside the expansion of one character,
 * such as the "(一" of ㈠ → "(一)", still covers that whole character). */
size_t fold_map_start(const struct fold_map *m, size_t i);
size_t fold_map_end(const struct fold_map *m, size_t j);

/* 1 when folded code point c belongs to a word of a script written with spaces (letters, digits
 * and marks outside Han, kana, Hangul and the scripts of South-East Asia): such runs are matched
 * as whole words; every other character stands alone. */
int fold_is_word(uint32_t c);

#endif
