/* markdown.c — the Markdown a page-to-text converter leaves in a report's text, back to plain lines. */
#include "markdown.h"

#include <ctype.h>
#include <string.h>

/* The end of the line starting at i. */
static size_t line_end(const char *s, size_t i, size_t n)
{
	const char *nl = memchr(s + i, '\n', n - i);
	return nl ? (size_t)(nl - s) : n;
}

static size_t skip_spaces(const char *s, size_t i, size_t end)
{
	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

/* Heading marks "#… " opening s[i, end): their length with the blank after, or 0. */
static size_t heading_marks(const char *s, size_t i, size_t end)
{
	size_t j = i;
	while (j < end && s[j] == '#' && j - i < 6)
		j++;
	return j > i && j < end && s[j] == ' ' ? j + 1 - i : 0;
}

/* 1 for a line of a table rule or a horizontal rule: | - : and blanks only, with a -. */
static int rule_line(const char *s, size_t i, size_t end)
{
	int dash = 0;
	for (; i < end; i++) {
		if (s[i] == '-' || s[i] == '*' || s[i] == '_')
			dash = 1;
		else if (s[i] != '|' && s[i] != ':' && s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	}
	return dash;
}

/* 1 for a line that is one bold run: **…**. */
static int bold_line(const char *s, size_t i, size_t end)
{
	while (end > i && (s[end - 1] == ' ' || s[end - 1] == '\r'))
		end--;
	return end - i > 4 && memcmp(s + i, "**", 2) == 0 && memcmp(s + end - 2, "**", 2) == 0;
}

int markdown_like(const char *text, size_t n)
{
	int marks = 0;
	for (size_t i = 0; i < n && marks < MARKDOWN_MIN_MARKS;) {
		size_t end = line_end(text, i, n), st = skip_spaces(text, i, end);
		marks += heading_marks(text, st, end) > 0 || bold_line(text, st, end) ||
		         (st < end && text[st] == '|' && rule_line(text, st, end));
		i = end + 1;
	}
	return marks >= MARKDOWN_MIN_MARKS;
}

/* Copies the link text of "[text](url)" at s[i] to out at o, and of "![alt](url)" nothing:
 * the bytes read, or 0 when s[i] opens no link. */
static size_t link(const char *s, size_t i, size_t end, char *out, size_t *o)
{
	size_t img = s[i] == '!', at = i + img;
	if (at >= end || s[at] != '[')
		return 0;
	const char *close = memchr(s + at, ']', end - at);
	if (!close || (size_t)(close - s) + 1 >= end || close[1] != '(')
		return 0;
	const char *paren = memchr(close, ')', (size_t)(s + end - close));
	if (!paren)
		return 0;
	if (!img) {
		size_t len = (size_t)(close - (s + at + 1));
		memmove(out + *o, s + at + 1, len);
		*o += len;
	}
	return (size_t)(paren + 1 - (s + i));
}

/* Writes line s[i, end) plain to out at *o, which is at most i (out may be s: it never runs
 * ahead of what it reads). */
static void plain_line(const char *s, size_t i, size_t end, char *out, size_t *o)
{
	size_t first = *o;
	i = skip_spaces(s, i, end);
	if (rule_line(s, i, end))
		return;
	i += heading_marks(s, i, end);
	if (end - i >= 2 && (s[i] == '-' || s[i] == '*' || s[i] == '+') && s[i + 1] == ' ')
		i += 2;   /* a list bullet */
	int table = i < end && s[i] == '|';
	if (table)
		i = skip_spaces(s, i + 1, end);
	while (i < end) {
		size_t k;
		if (end - i >= 2 && ((s[i] == '*' && s[i + 1] == '*') || (s[i] == '_' && s[i + 1] == '_'))) {
			i += 2;
		} else if (table && s[i] == '|') {
			i++;
			while (*o > first && out[*o - 1] == ' ')
				(*o)--;
			if (skip_spaces(s, i, end) < end)   /* cells two blanks apart; the last bar ends the row */
				for (int b = 0; b < 2 && *o < i; b++)
					out[(*o)++] = ' ';
			i = skip_spaces(s, i, end);
		} else if ((s[i] == '[' || s[i] == '!') && (k = link(s, i, end, out, o)) > 0) {
			i += k;
		} else if (s[i] == '\\' && i + 1 < end && ispunct((unsigned char)s[i + 1])) {
			out[(*o)++] = s[i + 1];   /* an escape: 1\. of an item a converter kept from being a list */
			i += 2;
		} else {
			out[(*o)++] = s[i++];
		}
	}
}

size_t markdown_plain(char *text, size_t n)
{
	size_t o = 0;
	for (size_t i = 0; i < n;) {
		size_t end = line_end(text, i, n), before = o;
		plain_line(text, i, end, text, &o);
		while (o > before && (text[o - 1] == ' ' || text[o - 1] == '\r'))
			o--;
		if (end < n)
			text[o++] = '\n';
		i = end + 1;
	}
	text[o] = '\0';
	return o;
}
