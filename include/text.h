/* text.h — display text: cell widths, clipping by columns, UAX #14 wrapping with Chinese rules. */
#ifndef FAZHI_TEXT_H
#define FAZHI_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The one width function of the program: every pane, snippet and column is measured here.
 * East Asian Ambiguous characters count 1 cell unless text_set_ambiwidth(2). */
void text_set_ambiwidth(int cells);   /* 1 (default) or 2 */
int text_char_width(uint32_t c);      /* 0, 1 or 2; control characters count 1 (they are shown as placeholders) */
size_t text_width(const char *s, size_t n);   /* cells of UTF-8 s[0..n) */

/* Bytes of s[0..n) that fit in `cols` cells without splitting a character; *used gets the cells. */
size_t text_clip(const char *s, size_t n, size_t cols, size_t *used);

/* One display line: a byte range of the wrapped text. */
struct text_line {
	size_t start, end;   /* [start, end): what is drawn; breaking spaces at the end are left out */
	size_t width;        /* cells of the drawn range, never more than the width asked for */
};

/* A reusable array of display lines; zeroed is empty. The caller owns it: text_lines_fini frees. */
struct text_lines {
	struct text_line *line;
	size_t n, cap;
};
void text_lines_fini(struct text_lines *l);

/* Wraps UTF-8 s[0..n) (one paragraph, no "\n") to `width` cells (width >= 1) by UAX #14
 * with Chinese rules: no line starts with closing punctuation (，。、；：？！）」』》】… etc.),
 * none ends with opening punctuation (（「『《【 …), —— and …… stay whole, and a wide
 * character never straddles the right edge. Lines are appended to *out with offsets relative
 * to s plus `base`. Returns the number of lines appended (at least 1, even for n == 0). */
size_t text_wrap(const char *s, size_t n, size_t width, size_t base, struct text_lines *out);

#endif
