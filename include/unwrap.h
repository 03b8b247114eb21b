/* unwrap.h — text saved from a printed page, its paragraphs broken into lines at the page's width, joined back into paragraphs. */
#ifndef FAZHI_UNWRAP_H
#define FAZHI_UNWRAP_H

#include <stddef.h>

/* A report copied out of a PDF or a print layout keeps the printed lines: a paragraph opens
 * indented (two U+3000, or spaces) and runs on over lines of about the page's width, each
 * ending wherever the width ran out, without closing punctuation, the next one not indented.
 * A line break is such a break (it runs on) when its line is at least UNWRAP_LINE_MIN
 * characters long, ends with no closing mark (。！？；：… and closing quotes and brackets),
 * belongs to a paragraph that opened indented, and is followed by a line that is neither
 * indented nor blank nor a heading (一、 （一） 1. …); a heading line never runs on. A print
 * without indents is told by its lines: most of the long ones share one width, within a
 * character (a copy made by hand, broken near the page's width: within WIDTH_BAND characters,
 * the narrowest the width), and hardly any is longer; there a line as wide as the print that ends
 * with no closing mark runs on, a heading's line too (a heading running into its paragraph, or
 * over two lines), and a page's number alone on a line between (— 3 —, 第3页 共5页) is left out
 * with the break, and so is the running header after it (a line the text holds elsewhere too). A text is
 * taken for printed lines when at least UNWRAP_MIN_BREAKS of its breaks run on; any other
 * text is never changed. A table's row, its cells parted by two blanks or more after its first
 * words, never runs on nor is run into, and no width is told from rows: a table padded to one
 * width is no print. */
#define UNWRAP_LINE_MIN 20
#define UNWRAP_MIN_BREAKS 5

/* 1 when text[0, n) holds printed lines (above). */
int unwrap_like(const char *text, size_t n);

/* Rewrites text[0, n) in place with every break that runs on taken out, so that each paragraph
 * is one line; returns the new length (at most n; the byte after it is set to NUL). */
size_t unwrap_plain(char *text, size_t n);

#endif
