/* unwrap.c — text saved from a printed page, its paragraphs broken into lines at the page's width, joined back into paragraphs. */
#include "unwrap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "page_number.h"
#include "parse_scan.h"
#include "xmalloc.h"

#define WIDTH_MAX 60   /* characters of the widest print line looked for */
#define WIDTH_SLACK 5  /* characters a print line may hold beyond the width: digits are narrower */
#define WIDTH_BAND 5   /* widths the lines of a hand-made copy of a print spread over */

static size_t line_end(const char *s, size_t i, size_t n)
{
	const char *nl = memchr(s + i, '\n', n - i);
	return nl ? (size_t)(nl - s) : n;
}

/* 1 when the line s[i, end) opens with a blank: a paragraph's first line. */
static int indented(const char *s, size_t i, size_t end)
{
	size_t t = i;
	uint32_t c = i < end ? encoding_next(s, end, &t) : 0;
	return c == '\t' || parse_is_blank(c);
}

/* 1 when the line s[st, end) ends with a mark that closes a sentence, a clause or a quote. */
static int closes(const char *s, size_t st, size_t end)
{
	static const uint32_t marks[] = {
		0x3002, 0xff01, 0xff1f, 0xff1b, 0xff1a, '.', '!', '?', ';', ':', 0x201d, 0x2019, 0xff09, ')',
		0x3011, 0x300b, 0x300d, 0x300f, 0x2026,   /* 。！？；：.!?;:”’）)】》」』… */
	};
	while (end > st && (s[end - 1] == ' ' || s[end - 1] == '\r' || s[end - 1] == '\t'))
		end--;
	size_t at;
	uint32_t c = parse_prev_char(s, st, end, &at);
	for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
		if (c == marks[k])
			return 1;
	return end == st;
}

/* The length in bytes of the blank or tab at s[i] (before end), 0 when there is none: read as
 * bytes, for every line of a text passes here. */
static size_t blank_at(const char *s, size_t i, size_t end)
{
	return s[i] == '\t' ? 1 : parse_blank_len(s, i, end);
}

/* 1 when the line s[st, end) is a table's row, its cells parted by two blanks or more after its
 * first words (罚没款（万元）      18.6    14.2): a row ends where it ends, whatever its width. */
static int table_row(const char *s, size_t st, size_t end)
{
	static const unsigned char may_start[256] = { [' '] = 1, ['\t'] = 1, [0xc2] = 1, [0xe3] = 1 };
	size_t i = parse_skip_blanks(s, st, end);
	while (i < end) {
		while (i < end && !may_start[(unsigned char)s[i]])
			i++;   /* no blank starts on these bytes: most of a line */
		size_t t = i, blanks = 0, len;
		while (t < end && (len = blank_at(s, t, end)))
			blanks++, t += len;
		if (blanks >= 2 && t < end && s[t] != '\r')
			return 1;
		i = t == i ? i + 1 : t;   /* a byte past a character's lead is no blank's */
	}
	return 0;
}

#define HEAD_BYTES 4096   /* the head of a print, where its title and issuer stand */

/* 1 when the line s[st, end) stands word for word among the lines of the head of s[0, n) as well:
 * a print's running header repeats the title or the issuer's name its first lines give. Only the
 * head is searched, so a text of many pages costs a few kilobytes a page. */
static int repeated_line(const char *s, size_t n, size_t st, size_t end)
{
	size_t len = end - st, head = n < HEAD_BYTES ? n : HEAD_BYTES;
	if (len < 6)
		return 0;
	for (size_t i = 0; i < head; i = line_end(s, i, n) + 1)
		if (i != st && line_end(s, i, n) - i == len && memcmp(s + i, s + st, len) == 0)
			return 1;
	return 0;
}

/* The start of the line after the one ending at `end`, past a page's number on a line of its own
 * (— 3 —, 第3页 共5页) and the running header after it. */
static size_t next_line(const char *s, size_t n, size_t end)
{
	size_t next = end + 1;
	if (next >= n)
		return next;
	size_t e = line_end(s, next, n);
	if (!page_number_line(s + next, e - next, 0))
		return next;
	next = e + 1;
	if (next < n && repeated_line(s, n, next, (e = line_end(s, next, n))))
		next = e + 1;
	return next;
}

/* The width most of the long lines of s[0, n) share, within `band` characters from it (the lines
 * counted in count[], lines of them): the narrowest such width, when at least UNWRAP_MIN_BREAKS
 * lines and half the long ones have it and hardly any is much longer (digits, narrower in print,
 * lengthen a line a little); else 0. */
static size_t shared_width(const size_t *count, size_t lines, size_t band)
{
	size_t best = 0, most = 0, longer = 0;
	for (size_t w = UNWRAP_LINE_MIN; w + band <= WIDTH_MAX + 1; w++) {
		size_t in = 0;
		for (size_t k = 0; k < band; k++)
			in += count[w + k];
		if (in > most)
			most = in, best = w;
	}
	for (size_t w = best + band - 1 + WIDTH_SLACK; best && w <= WIDTH_MAX + 1; w++)
		longer += count[w];
	return most >= UNWRAP_MIN_BREAKS && 2 * most >= lines && 10 * longer <= lines ? best : 0;
}

/* The printed width of s[0, n): the length in characters that most of its long lines share
 * (within one), else, for text copied by hand, the narrowest of a band of WIDTH_BAND widths most
 * of them fall in (a copy's lines end where the copier broke them, near the page's width); 0 when
 * neither. A print without indents tells its paragraphs by their last lines, shorter than the width. */
static size_t printed_width(const char *s, size_t n)
{
	size_t count[WIDTH_MAX + 2] = { 0 }, lines = 0;
	for (size_t i = 0; i < n;) {
		size_t end = line_end(s, i, n), len = parse_chars(s, i, end, WIDTH_MAX + 1);
		if (len >= UNWRAP_LINE_MIN && !table_row(s, i, end))
			count[len <= WIDTH_MAX ? len : WIDTH_MAX + 1]++, lines++;
		i = end + 1;
	}
	size_t width = shared_width(count, lines, 2);
	return width ? width : shared_width(count, lines, WIDTH_BAND);
}

/* 1 when the line s[st, end) is a document's number alone (弥政发〔2017〕3号), which a print sets on
 * a line of its own under its title. */
static int number_line(const char *s, size_t st, size_t end)
{
	while (end > st && (s[end - 1] == '\r' || s[end - 1] == ' '))
		end--;
	st = parse_skip_blanks(s, st, end);
	return st < end && parse_doc_number_len(s, st, end) == end - st;
}

/* 1 when the line s[st, end) is a field a crawler names (title: …, pubtime: …): its record's lines
 * are fields a line each, whatever their width. */
static int field_line(const char *s, size_t st, size_t end)
{
	size_t v, ve;
	return parse_english_field(s, st, end, &v, &ve) != PARSE_FIELD_NONE;
}

/* Whether the break after line s[st, end) runs on into the line at `next` (unwrap.h), the line
 * being in a paragraph that opened indented (para), or as wide as the print (width, 0: none),
 * when a heading's line runs on too: into the words of its paragraph or of a long heading. */
static int runs_on(const char *s, size_t n, size_t st, size_t end, size_t next, int para, size_t width)
{
	size_t body = parse_skip_blanks(s, st, end);
	int full = width && parse_chars(s, body, end, width) >= width;
	if ((!para && !full) || next >= n)
		return 0;
	size_t next_end = line_end(s, next, n);
	if (next_end == next || s[next] == '\r' || indented(s, next, next_end) || table_row(s, st, end) ||
	    table_row(s, next, next_end) || number_line(s, next, next_end) || field_line(s, st, end) ||
	    field_line(s, next, next_end))
		return 0;
	if (parse_chars(s, body, end, UNWRAP_LINE_MIN) < UNWRAP_LINE_MIN || closes(s, body, end))
		return 0;
	return (full || !parse_opens_heading(s, body, end)) && !parse_opens_heading(s, next, next_end);
}

/* Walks the lines of s[0, n): counts the breaks that run on, or (out) writes the text without
 * them to out, which may be s (it never writes ahead of what it has read), and returns its length.
 * A page's number a break runs on over is left out with it. */
static size_t walk(const char *s, size_t n, char *out)
{
	size_t breaks = 0, w = 0, width = printed_width(s, n);
	if (width)
		width--;   /* a line one character short of the print is full: a wider mark on it */
	int carried = 0;   /* the line before ran on into this one */
	for (size_t i = 0; i < n;) {
		size_t end = line_end(s, i, n), next = next_line(s, n, end);
		int on = runs_on(s, n, i, end, next, carried || indented(s, i, end), width);
		breaks += (size_t)on;
		if (out) {
			size_t e = end;
			while (on && e > i && s[e - 1] == '\r')
				e--;
			memmove(out + w, s + i, e - i);
			w += e - i;
			if (end < n && !on)
				out[w++] = '\n';
		}
		carried = on;
		i = on ? next : end + 1;
	}
	return out ? w : breaks;
}

/* 1 when the line s[i, end) holds nothing but blanks. */
static int blank_line(const char *s, size_t i, size_t end)
{
	while (i < end && (s[i] == '\r' || s[i] == '\t'))
		i++;
	return parse_skip_blanks(s, i, end) >= end;
}

/* Whether s[0, n) is printed lines set double-spaced, as a page that made each printed line a
 * paragraph of its own gives them back: of the breaks between two lines with words, at least
 * DOUBLE_SHARE in DOUBLE_SHARE + 1 have one blank line between, and there are at least
 * 2 * UNWRAP_MIN_BREAKS of them. */
#define DOUBLE_SHARE 4
static int double_spaced(const char *s, size_t n)
{
	size_t spaced = 0, close = 0;
	int before = 0;   /* blank lines since the last line with words */
	for (size_t i = 0, words = 0; i < n; i = line_end(s, i, n) + 1) {
		if (blank_line(s, i, line_end(s, i, n))) {
			before++;
			continue;
		}
		if (words)
			spaced += before == 1, close += before == 0;
		words = 1, before = 0;
	}
	return spaced >= 2 * UNWRAP_MIN_BREAKS && spaced >= DOUBLE_SHARE * close;
}

/* Rewrites s[0, n) in place with each blank line that stands alone between two lines with words
 * taken out; returns the new length. */
static size_t single_space(char *s, size_t n)
{
	size_t w = 0;
	int words = 0;   /* the line before has words (read before it is moved) */
	for (size_t i = 0; i < n;) {
		size_t end = line_end(s, i, n), next = end + 1, len = (end < n ? end + 1 : end) - i;
		int blank = blank_line(s, i, end);
		if (!(blank && words && next < n && !blank_line(s, next, line_end(s, next, n)))) {
			memmove(s + w, s + i, len);
			w += len;
		}
		words = !blank;
		i = next;
	}
	return w;
}

/* A copy of s[0, n) single-spaced, when it is double-spaced (else NULL). */
static char *single_spaced(const char *s, size_t n, size_t *len)
{
	if (!double_spaced(s, n))
		return NULL;
	char *t = xmalloc(n + 1);
	memcpy(t, s, n);
	*len = single_space(t, n);
	return t;
}

/* Printed lines set double-spaced: printed lines once single-spaced (the lines of a page that
 * gives each paragraph one line and a blank are not: their breaks do not run on). */
static int spaced_print(const char *s, size_t n)
{
	size_t len;
	char *t = single_spaced(s, n, &len);
	int yes = t && walk(t, len, NULL) >= UNWRAP_MIN_BREAKS;
	free(t);
	return yes;
}

int unwrap_like(const char *text, size_t n)
{
	return walk(text, n, NULL) >= UNWRAP_MIN_BREAKS || spaced_print(text, n);
}

size_t unwrap_plain(char *text, size_t n)
{
	if (walk(text, n, NULL) < UNWRAP_MIN_BREAKS && spaced_print(text, n))
		n = single_space(text, n);
	size_t len = walk(text, n, text);
	text[len] = '\0';
	return len;
}
