/* buf.c — growable byte buffer and string builder. */
#include "buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <unistr.h>

#include "xmalloc.h"

void buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void buf_fini(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* Room for more bytes and the NUL; the test is here, not in xgrow's call, because outputs of
 * a million lines add a byte or a cell at a time. */
static void reserve(struct buf *b, size_t more)
{
	if (b->len + more + 1 > b->cap)
		b->data = xgrow(b->data, &b->cap, b->len + more + 1, 1);
}

void buf_add(struct buf *b, const void *p, size_t n)
{
	reserve(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_addc(struct buf *b, char c)
{
	reserve(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	reserve(b, 64);   /* most fit: one formatting pass, not two */
	size_t room = b->cap - b->len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n <= 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		reserve(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}

/* Bytes that are not UTF-8 (a file name can hold any) become U+FFFD, so the output is
 * always valid JSON. */
void buf_add_json(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, '"');
	size_t i = 0, run = 0;   /* s[run..i) is copied as it is, in one go */
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		size_t len = c < 0x80 ? 1 : (size_t)u8_mblen((const uint8_t *)s + i, n - i);
		if (len != (size_t)-1 && len != 0 && (len > 1 || (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f))) {
			i += len;
			continue;
		}
		buf_add(b, s + run, i - run);
		run = ++i;
		if (len == (size_t)-1 || len == 0) {
			buf_adds(b, "\\ufffd");
			continue;
		}
		switch (c) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '\r': buf_adds(b, "\\r"); break;
		default: buf_printf(b, "\\u%04x", c); break;
		}
	}
	buf_add(b, s + run, i - run);
	buf_addc(b, '"');
}

char *buf_take(struct buf *b)
{
	char *p = b->data ? b->data : xstrdup("");
	buf_init(b);
	return p;
}

/* Whether a byte of w is zero. */
static int has_zero_byte(uint64_t w)
{
	return ((w - 0x0101010101010101ull) & ~w & 0x8080808080808080ull) != 0;
}

/* Whether s[0..n) needs quoting as a CSV field. One pass, eight bytes at a time: a sentence of
 * fazhi facts --csv is a few hundred bytes, there are a million of them, and four memchr passes
 * over each cost a tenth of the command. */
static int csv_needs_quotes(const char *s, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		if (has_zero_byte(w ^ (ones * ',')) || has_zero_byte(w ^ (ones * '"')) || has_zero_byte(w ^ (ones * '\n'))
		    || has_zero_byte(w ^ (ones * '\r')))
			return 1;
	}
	for (; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

void buf_add_csv(struct buf *b, const char *s, size_t n)
{
	if (!csv_needs_quotes(s, n)) {
		buf_add(b, s, n);
		return;
	}
	reserve(b, 2 * n + 2);
	char *o = b->data + b->len;
	*o++ = '"';
	for (const char *end = s + n; s < end;) {   /* up to and with each quote, then the quote again */
		const char *q = memchr(s, '"', (size_t)(end - s));
		size_t run = q ? (size_t)(q - s) + 1 : (size_t)(end - s);
		memcpy(o, s, run);
		o += run;
		s += run;
		if (q)
			*o++ = '"';
	}
	*o++ = '"';
	*o = '\0';
	b->len = (size_t)(o - b->data);
}

void buf_add_int(struct buf *b, long long v)
{
	char digits[24], *p = digits + sizeof digits;
	unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	buf_add(b, p, (size_t)(digits + sizeof digits - p));
}
