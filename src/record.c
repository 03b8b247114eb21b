/* record.c — a report a crawler stored as a JSON object, back to the field lines and text a page shows. */
#include "record.h"

#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "xmalloc.h"

#define FIELD_MAX 300   /* bytes of a string member shown as a field line; longer ones are text */
#define KEY_MAX 40      /* bytes of a member's name shown as a field's key */

struct member {
	size_t key, key_end;       /* the name, between its quotes */
	size_t value, value_end;   /* the value; a string's between its quotes */
	int string;
};

/* The object being read: text[0, n), at i. */
struct reader {
	const char *s;
	size_t n, i;
	int first;
};

static size_t skip_space(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
		i++;
	return i;
}

/* The offset after the closing quote of the string opening at s[i], or 0 when it never
 * closes. Line ends inside it are taken as they stand, as a record flattened to text has them. */
static size_t string_end(const char *s, size_t i, size_t n)
{
	for (i++; i < n; i++) {
		if (s[i] == '\\')
			i++;
		else if (s[i] == '"')
			return i + 1;
	}
	return 0;
}

/* The end of the list or object opening at s[i], its strings read as strings; 0 when none. */
static size_t nested_end(const char *s, size_t i, size_t n)
{
	size_t depth = 0;
	for (; i < n; i++) {
		if (s[i] == '"') {
			size_t e = string_end(s, i, n);
			if (!e)
				return 0;
			i = e - 1;
		} else if (s[i] == '[' || s[i] == '{') {
			depth++;
		} else if ((s[i] == ']' || s[i] == '}') && --depth == 0) {
			return i + 1;
		}
	}
	return 0;
}

/* The end of the value at s[i]: a string, a list or object, or a number or literal; 0 when none. */
static size_t value_end(const char *s, size_t i, size_t n)
{
	if (i >= n)
		return 0;
	if (s[i] == '"')
		return string_end(s, i, n);
	if (s[i] == '[' || s[i] == '{')
		return nested_end(s, i, n);
	size_t j = i;
	while (j < n && (strchr("+-.eE", s[j]) || (s[j] >= '0' && s[j] <= '9') || (s[j] >= 'a' && s[j] <= 'z')))
		j++;
	return j;
}

static int open_object(struct reader *rd, const char *s, size_t n)
{
	*rd = (struct reader){ s, n, skip_space(s, 0, n), 1 };
	if (rd->i >= n || s[rd->i] != '{')
		return 0;
	rd->i++;
	return 1;
}

/* The next member into *m: 1, or 0 at the object's end, or -1 when the text is no JSON object. */
static int next_member(struct reader *rd, struct member *m)
{
	const char *s = rd->s;
	size_t i = skip_space(s, rd->i, rd->n);
	if (i < rd->n && s[i] == '}')
		return 0;
	if (!rd->first) {
		if (i >= rd->n || s[i] != ',')
			return -1;
		i = skip_space(s, i + 1, rd->n);
	}
	rd->first = 0;
	size_t e = i < rd->n && s[i] == '"' ? string_end(s, i, rd->n) : 0;
	if (!e)
		return -1;
	m->key = i + 1;
	m->key_end = e - 1;
	i = skip_space(s, e, rd->n);
	if (i >= rd->n || s[i] != ':')
		return -1;
	i = skip_space(s, i + 1, rd->n);
	if (!(e = value_end(s, i, rd->n)) || e == i)
		return -1;
	m->string = s[i] == '"';
	m->value = i + m->string;
	m->value_end = e - m->string;
	rd->i = e;
	return 1;
}

/* The longest string member of the record at text[0, n): its value's start (0 when none), its
 * length in *len; -1 when the text is no JSON object. */
static long longest_string(const char *text, size_t n, size_t *len)
{
	struct reader rd;
	struct member m;
	size_t at = 0;
	int got;
	*len = 0;
	if (!open_object(&rd, text, n))
		return -1;
	while ((got = next_member(&rd, &m)) > 0)
		if (m.string && m.value_end - m.value > *len) {
			*len = m.value_end - m.value;
			at = m.value;
		}
	return got < 0 ? -1 : (long)at;
}

int record_like(const char *text, size_t n)
{
	size_t len;
	return longest_string(text, n, &len) >= 0 && len >= RECORD_TEXT_MIN;
}

static int hex_value(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The four hex digits at s[i] as a number, or -1. */
static long hex4(const char *s, size_t i, size_t end)
{
	long v = 0;
	for (size_t k = 0; k < 4; k++) {
		int h = i + k < end ? hex_value(s[i + k]) : -1;
		if (h < 0)
			return -1;
		v = v << 4 | h;
	}
	return v;
}

static void put_utf8(char *out, size_t *o, unsigned long c)
{
	unsigned char *p = (unsigned char *)out + *o;
	if (c < 0x80) {
		p[0] = (unsigned char)c;
		*o += 1;
	} else if (c < 0x800) {
		p[0] = (unsigned char)(0xc0 | c >> 6);
		p[1] = (unsigned char)(0x80 | (c & 0x3f));
		*o += 2;
	} else if (c < 0x10000) {
		p[0] = (unsigned char)(0xe0 | c >> 12);
		p[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		p[2] = (unsigned char)(0x80 | (c & 0x3f));
		*o += 3;
	} else {
		p[0] = (unsigned char)(0xf0 | c >> 18);
		p[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
		p[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		p[3] = (unsigned char)(0x80 | (c & 0x3f));
		*o += 4;
	}
}

/* The \uXXXX escape whose digits start at s[i] (a surrogate pair as one character; a lone
 * surrogate U+FFFD; a control character a blank, \u0000 nothing), written to out: the offset
 * after it. Never longer than what it reads. */
static size_t unicode_escape(const char *s, size_t i, size_t end, char *out, size_t *o)
{
	long c = hex4(s, i, end);
	if (c < 0)
		return i;   /* no digits: the escape is dropped */
	i += 4;
	if (c >= 0xd800 && c <= 0xdbff && end - i >= 6 && s[i] == '\\' && s[i + 1] == 'u') {
		long lo = hex4(s, i + 2, end);
		if (lo >= 0xdc00 && lo <= 0xdfff) {
			put_utf8(out, o, 0x10000 + ((unsigned long)(c - 0xd800) << 10) + (unsigned long)(lo - 0xdc00));
			return i + 6;
		}
	}
	if (c >= 0xd800 && c <= 0xdfff)
		c = 0xfffd;
	if (c == 0)
		return i;
	put_utf8(out, o, c < 0x20 && c != '\n' && c != '\t' ? ' ' : (unsigned long)c);
	return i;
}

/* Writes the string s[i, end) (between its quotes) to out at *o, its escapes decoded: \r\n and
 * a lone \r are one line end. */
static void decode(const char *s, size_t i, size_t end, char *out, size_t *o)
{
	while (i < end) {
		if (s[i] != '\\' || i + 1 >= end) {
			out[(*o)++] = s[i++];
			continue;
		}
		char c = s[i + 1];
		i += 2;
		if (c == 'u')
			i = unicode_escape(s, i, end, out, o);
		else if (c == 'r' && !(end - i >= 2 && s[i] == '\\' && s[i + 1] == 'n'))
			out[(*o)++] = '\n';
		else if (c != 'r')
			out[(*o)++] = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'b' || c == 'f' ? ' ' : c;
	}
}

/* 1 for a member shown as a field line: a short string on one line, under a short name. */
static int field_member(const char *s, const struct member *m)
{
	return m->string && m->value_end - m->value <= FIELD_MAX && m->key_end > m->key &&
	       m->key_end - m->key <= KEY_MAX && !memchr(s + m->key, '\\', m->key_end - m->key) &&
	       !memchr(s + m->value, '\n', m->value_end - m->value);
}

size_t record_plain(char *text, size_t n)
{
	size_t len, o = 0;
	long at = longest_string(text, n, &len);
	if (at < 0 || !len)
		return n;
	char *out = xmalloc(n + 1);
	struct reader rd;
	struct member m;
	open_object(&rd, text, n);
	while (next_member(&rd, &m) > 0) {
		if (m.value == (size_t)at || !field_member(text, &m) || m.value_end == m.value)
			continue;
		memcpy(out + o, text + m.key, m.key_end - m.key);
		o += m.key_end - m.key;
		memcpy(out + o, ": ", 2);
		o += 2;
		decode(text, m.value, m.value_end, out, &o);
		out[o++] = '\n';
	}
	out[o++] = '\n';
	decode(text, (size_t)at, (size_t)at + len, out, &o);
	/* An escape may name a control or format character, which clean text holds only as a
	 * placeholder (encoding.h): never more bytes than the escape. */
	size_t clean_len;
	char *clean = encoding_clean(out, o, &clean_len);
	free(out);
	o = clean_len <= n ? clean_len : 0;
	memcpy(text, clean, o);
	text[o] = '\0';
	free(clean);
	return o;
}

size_t record_text_start(const char *plain, size_t n)
{
	if (n && plain[0] == '\n')
		return 1;   /* no field lines */
	for (size_t i = 0; i + 1 < n; i++)
		if (plain[i] == '\n' && plain[i + 1] == '\n')
			return i + 2;
	return n;
}
