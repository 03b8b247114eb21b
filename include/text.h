/* text.h — display text: cell widths, clipping by columns, UAX #14 wrapping with Chinese rules. */
#ifndef FAZHI_TEXT_H
#define FAZHI_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* The one width function of the program: every pane, snippet and column is measured here.
 * East Asian Ambiguous characters count 1 cell unless text_set_ambiwidth(2).
 *
 * Widths come from libunistring's uc_width. Ambiguous-wide mode measures as for the legacy
 * CJK encoding GBK (GB18030 is not one in libunistring's eyes), which widens everything from
 * U+00A1 to U+FF60 that has no width of its own: the Ambiguous punctuation “ ” ‘ ’ … · — and
 * also Greek, Cyrillic and accented Latin letters, as terminals in CJK locales draw them.
 * Control characters (C0, DEL, C1, also NUL) count 1: they are shown as placeholders.
 * Combining marks and other zero-width characters count 0; CJK, full-width forms and emoji 2.
 * The setting is global to the program: set it once at start-up, before anything is wrapped. */
void text_set_ambiwidth(int cells);   /* 1 (default) or 2; anything else means 1 */
int text_ambiwidth(void);             /* the current setting, 1 or 2 */
int text_char_width(uint32_t c);      /* 0, 1 or 2; control characters count 1 (they are shown as placeholders) */
size_t text_width(const char *s, size_t n);   /* cells of UTF-8 s[0..n) */

/* Bytes of s[0..n) that fit in `cols` cells without splitting a character; *used gets the cells
 * (used may be NULL). A character is kept together with the zero-width characters that follow
 * it (combining marks, joiners, variation selectors), so a base is never cut from its accents. */
size_t text_clip(const char *s, size_t n, size_t cols, size_t *used);

/* One display line: a byte range of the wrapped text. */
struct text_line {
	size_t start, end;   /* [start, end): what is drawn; breaking spaces at the end are left out */
	size_t width;        /* cells of the drawn range, never more than the width asked for */
};

/* A reusable array of display lines; zeroed is empty. The caller owns it: text_lines_fini frees.
 * It also owns the scratch buffer of break opportunities that text_wrap fills, so wrapping a
 * whole report into one text_lines allocates only while the arrays grow. */
struct text_lines {
	struct text_line *line;
	size_t n, cap;
	char *brk;           /* scratch: UAX #14 break opportunities of the paragraph being wrapped */
	size_t brkcap;
};
void text_lines_fini(struct text_lines *l);
/* Empties the array (n = 0) and keeps its memory for the next wrap (a resize re-wraps). */
void text_lines_reset(struct text_lines *l);
/* Index of the line containing byte offset `off`: the last line whose start is <= off, so an
 * offset in the spaces skipped at a break belongs to the line before them. 0 when off is
 * before the first line or the array is empty. Lines must be in order (as text_wrap appends
 * them, paragraph after paragraph). Binary search: keep the top line of a pane by its start
 * offset, re-wrap on resize, then find that offset again. */
size_t text_lines_find(const struct text_lines *l, size_t off);
/* The same search over any array of n line records `stride` bytes apart, each beginning with
 * its size_t start (struct text_line, struct layout_line). */
size_t text_find_start(const void *lines, size_t n, size_t stride, size_t off);

/* Wraps UTF-8 s[0..n) (one paragraph, no "\n") to `width` cells (width >= 1) by UAX #14
 * with Chinese rules: no line starts with closing punctuation (，。、；：？！）」』》】… etc.),
 * none ends with opening punctuation (（「『《【 …), —— and …… stay whole, and a wide
 * character never straddles the right edge. Lines are appended to *out with offsets relative
 * to s plus `base`. Returns the number of lines appended (at least 1, even for n == 0).
 *
 * The full rules:
 * - Break opportunities are libunistring's u8_possible_linebreaks, then: none before
 *   ，。、；：？！）」』》】〉〕］｝〗” ’ … · ・ % ％ ． ｡ ､ and , . ; : ? ! ) ] }; none after
 *   （「『《【〈〔［｛〖“‘ ( [ {; none inside —— or ……; and, unlike plain UAX #14 (which
 *   glues quotation marks to both sides), one before “ ‘ after a wide character and one after
 *   ” ’ before a wide character, as Chinese text breaks around quotes.
 * - Lines are filled greedily. Spaces (U+0020, U+3000) at a break hang past the edge: they are
 *   in no line, so every byte of s is in exactly one line or in such a run of skipped spaces
 *   (or is a newline character, should one slip in: it ends the line and is skipped too).
 * - A word wider than the line (a long URL, number or unbroken run) is broken between
 *   characters, never inside a character or before a combining mark.
 * - Every line's width is <= width, with one exception: when width < 2 a wide character
 *   cannot fit at all, so it gets a line of its own (width 2).
 * - A line may be empty (start == end) only when s is empty or blank, or when a paragraph
 *   begins with spaces that must break before the first word; it still counts as a line. */
size_t text_wrap(const char *s, size_t n, size_t width, size_t base, struct text_lines *out);

#endif
