/* textcode.c — the digests' compact code for text (textcode.h), numbered by assets/characters.tsv. */
#include "textcode.h"

#include <pthread.h>
#include <string.h>
#include <unistr.h>

#include "assets.h"
#include "buf.h"
#include "checksum.h"

#define TEXTCODE_MAX (TEXTCODE_ONE + (0xFE - TEXTCODE_LEAD) * 256)
#define ESCAPE_CHAR 0xFEu
#define ESCAPE_BYTE 0xFFu
#define TABLE "characters.tsv"

static pthread_once_t loaded = PTHREAD_ONCE_INIT;
static uint16_t code_of[0x10000];               /* a BMP character's number in the table plus one, 0: none */
static unsigned char utf8_of[TEXTCODE_MAX][4];  /* number k's character: its UTF-8 bytes, then their count */
static size_t ncodes;

/* Length of the UTF-8 sequence at s[0..n) and its code point, or 0 when it is none (a stray
 * byte, an overlong form, a surrogate, past U+10FFFF, cut short): libunistring's strict reading. */
static size_t utf8_char(const unsigned char *s, size_t n, uint32_t *c)
{
	ucs4_t u;
	int k = u8_mbtoucr(&u, s, n);
	if (k <= 0)
		return 0;
	*c = u;
	return (size_t)k;
}

/* Numbers the table's characters in the order of its lines ("character TAB count", comments
 * left out); a line whose first field is no single BMP character outside ASCII, or one met
 * before, numbers nothing. Built once for the life of the process. */
static void load(void)
{
	const struct asset *a = assets_find(TABLE);
	if (!a)
		return;
	const unsigned char *s = a->data, *end = s + a->size;
	for (const unsigned char *line = s; line < end && ncodes < TEXTCODE_MAX;) {
		const unsigned char *eol = memchr(line, '\n', (size_t)(end - line));
		if (!eol)
			eol = end;
		uint32_t c;
		size_t k = *line == '#' ? 0 : utf8_char(line, (size_t)(eol - line), &c);
		if (k && line + k < eol && line[k] == '\t' && c >= 0x80 && c <= 0xFFFF && !code_of[c]) {
			code_of[c] = (uint16_t)(ncodes + 1);
			memcpy(utf8_of[ncodes], line, k);
			utf8_of[ncodes][3] = (unsigned char)k;
			ncodes++;
		}
		line = eol + 1;
	}
}

/* The code of the character or byte at s[0..n): its bytes in out (up to 5), their count; *used
 * the text's bytes it takes. */
static size_t code_at(const unsigned char *s, size_t n, unsigned char *out, size_t *used)
{
	uint32_t c;
	if (s[0] < 0x80) {
		out[0] = s[0];
		*used = 1;
		return 1;
	}
	size_t k = utf8_char(s, n, &c);
	if (!k) {
		out[0] = ESCAPE_BYTE, out[1] = s[0];
		*used = 1;
		return 2;
	}
	*used = k;
	uint32_t number = c <= 0xFFFF ? code_of[c] : 0;
	if (number-- == 0) {
		out[0] = ESCAPE_CHAR;
		memcpy(out + 1, s, k);
		return k + 1;
	}
	if (number < TEXTCODE_ONE) {
		out[0] = (unsigned char)(0x80 + number);
		return 1;
	}
	number -= TEXTCODE_ONE;
	out[0] = (unsigned char)(TEXTCODE_LEAD + number / 256), out[1] = (unsigned char)(number % 256);
	return 2;
}

size_t textcode_size(const char *s, size_t n)
{
	pthread_once(&loaded, load);
	const unsigned char *p = (const unsigned char *)s;
	size_t size = 0;
	for (size_t i = 0, used; i < n; i += used) {
		unsigned char code[5];
		size += code_at(p + i, n - i, code, &used);
	}
	return size;
}

void textcode_encode(const char *s, size_t n, struct buf *out)
{
	pthread_once(&loaded, load);
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0, used; i < n; i += used) {
		unsigned char code[5];
		buf_add(out, code, code_at(p + i, n - i, code, &used));
	}
}

size_t textcode_decode(const void *p, size_t n, char *out)
{
	pthread_once(&loaded, load);
	const unsigned char *s = p, *end = s + n;
	char *o = out;
	while (s < end) {
		unsigned b = *s++;
		if (b < 0x80) {
			*o++ = (char)b;
			continue;
		}
		size_t number;
		if (b < 0x80 + TEXTCODE_ONE) {
			number = b - 0x80;
		} else if (b < ESCAPE_CHAR) {
			if (s == end)
				return SIZE_MAX;
			number = TEXTCODE_ONE + (b - TEXTCODE_LEAD) * 256 + *s++;
		} else {
			uint32_t c;
			size_t k = b == ESCAPE_BYTE ? (s < end) : utf8_char(s, (size_t)(end - s), &c);
			if (!k)
				return SIZE_MAX;
			memcpy(o, s, k);
			o += k, s += k;
			continue;
		}
		if (number >= ncodes)
			return SIZE_MAX;
		memcpy(o, utf8_of[number], 3);   /* room for 3 bytes a code byte: at most 3 are kept */
		o += utf8_of[number][3];
	}
	return (size_t)(o - out);
}

uint64_t textcode_key(void)
{
	const struct asset *a = assets_find(TABLE);   /* its bytes alone: a search never codes text */
	return a ? checksum64(0, a->data, a->size) : 0;
}
