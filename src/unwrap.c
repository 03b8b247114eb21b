/* unwrap.c — text saved from a printed page, its paragraphs broken into lines at the page's width, joined back into paragraphs. */
#include "unwrap.h"

#include <stdint.h>
#include <string.h>

#include "encoding.h"
#include "parse_scan.h"

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

/* Whether the break after line s[st, end) runs on into the line at `next` (unwrap.h), the line
 * being in a paragraph that opened indented (para). */
static int runs_on(const char *s, size_t n, size_t st, size_t end, size_t next, int para)
{
	if (!para || next >= n)
		return 0;
	size_t next_end = line_end(s, next, n), body = parse_skip_blanks(s, st, end);
	if (next_end == next || s[next] == '\r' || indented(s, next, next_end))
		return 0;
	if (parse_chars(s, body, end, UNWRAP_LINE_MIN) < UNWRAP_LINE_MIN || closes(s, body, end))
		return 0;
	return !parse_opens_heading(s, body, end) && !parse_opens_heading(s, next, next_end);
}

/* Walks the lines of s[0, n): counts the breaks that run on, or (out) writes the text without
 * them to out, which may be s (it never writes ahead of what it has read), and returns its length. */
static size_t walk(const char *s, size_t n, char *out)
{
	size_t breaks = 0, w = 0;
	int carried = 0;   /* the line before ran on into this one */
	for (size_t i = 0; i < n;) {
		size_t end = line_end(s, i, n);
		int on = runs_on(s, n, i, end, end + 1, carried || indented(s, i, end));
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
		i = end + 1;
	}
	return out ? w : breaks;
}

int unwrap_like(const char *text, size_t n)
{
	return walk(text, n, NULL) >= UNWRAP_MIN_BREAKS;
}

size_t unwrap_plain(char *text, size_t n)
{
	size_t len = walk(text, n, text);
	text[len] = '\0';
	return len;
}
