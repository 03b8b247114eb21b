/* text.c — display text: cell widths, clipping by columns, UAX #14 wrapping with Chinese rules.
 *
 * Limits: a "cluster" here is a character and the zero-width characters after it, not a full
 * UAX #29 grapheme cluster, and its width is the sum of its characters' widths; so an emoji
 * ZWJ sequence measures as its parts, as most terminals of today still draw it. Breaking is
 * greedy (no look-ahead balancing of lines), which is what a terminal reader expects. */
#include "text.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "encoding.h"
#include "xmalloc.h"

/* The encoding argument of every libunistring width and break call: one per program, so a
 * column measured by one pane is the column measured by every other. */
static const char *encoding = "UTF-8";

void text_set_ambiwidth(int cells)
{
	encoding = cells == 2 ? "GBK" : "UTF-8";
}

int text_ambiwidth(void)
{
	return encoding[0] == 'G' ? 2 : 1;
}

int text_char_width(uint32_t c)
{
	if (c < 0x7f)
		return 1;                     /* printable ASCII, and C0 controls and NUL shown as one cell */
	if (c >= 0x4e00 && c <= 0x9fff)
		return 2;                     /* the bulk of Chinese text, without a table look-up */
	int w = uc_width(c, encoding);
	return w < 0 ? 1 : w;
}

/* The character at s[i] and its length in bytes (invalid bytes: one at a time, as U+FFFD). */
static inline size_t decode(const char *s, size_t n, size_t i, uint32_t *c)
{
	size_t j = i;
	*c = encoding_next(s, n, &j);
	return j - i;
}

/* The end of the cluster starting at s[i]: one character and the zero-width ones after it.
 * *c gets the first character, *w its cells. */
static size_t cluster(const char *s, size_t n, size_t i, uint32_t *c, int *w)
{
	i += decode(s, n, i, c);
	*w = text_char_width(*c);
	while (i < n && (unsigned char)s[i] >= 0x80) {
		uint32_t d;
		size_t len = decode(s, n, i, &d);
		if (text_char_width(d) != 0)
			break;
		i += len;
	}
	return i;
}

size_t text_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n;) {
		uint32_t c;
		i += decode(s, n, i, &c);
		w += (size_t)text_char_width(c);
	}
	return w;
}

size_t text_clip(const char *s, size_t n, size_t cols, size_t *used)
{
	size_t i = 0, w = 0;
	while (i < n) {
		uint32_t c;
		int cw;
		size_t next = cluster(s, n, i, &c, &cw);
		if (w + (size_t)cw > cols)
			break;
		w += (size_t)cw;
		i = next;
	}
	if (used)
		*used = w;
	return i;
}

void text_lines_fini(struct text_lines *l)
{
	free(l->line);
	free(l->brk);
	*l = (struct text_lines){0};
}

void text_lines_reset(struct text_lines *l)
{
	l->n = 0;
}

size_t text_find_start(const void *lines, size_t n, size_t stride, size_t off)
{
	const char *p = lines;
	size_t lo = 0, hi = n;        /* the answer is the last line in [lo, hi) with start <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2, start;
		memcpy(&start, p + mid * stride, sizeof start);
		if (start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t text_lines_find(const struct text_lines *l, size_t off)
{
	_Static_assert(offsetof(struct text_line, start) == 0, "a line record begins with its start");
	return text_find_start(l->line, l->n, sizeof *l->line, off);
}

/* Characters that may not begin a line: closing brackets and quotes, sentence and clause
 * punctuation, ellipsis and percent, in full- and half-width forms. */
static int no_start(uint32_t c)
{
	switch (c) {
	case 0xff0c: case 0x3002: case 0x3001: case 0xff1b: case 0xff1a: case 0xff1f: case 0xff01:
	case 0xff09: case 0x300d: case 0x300f: case 0x300b: case 0x3011: case 0x3009: case 0x3015:
	case 0xff3d: case 0xff5d: case 0x3017: case 0xff0e: case 0xff05: case 0xff64: case 0xff61:
	case 0x201d: case 0x2019: case 0x2026: case 0x00b7: case 0x30fb:
	case ',': case '.': case ';': case ':': case '?': case '!': case ')': case ']': case '}':
	case '%':
		return 1;
	}
	return 0;
}

/* Characters that may not end a line: opening brackets and quotes. */
static int no_end(uint32_t c)
{
	switch (c) {
	case 0xff08: case 0x300c: case 0x300e: case 0x300a: case 0x3010: case 0x3008: case 0x3014:
	case 0xff3b: case 0xff5b: case 0x3016: case 0x201c: case 0x2018:
	case '(': case '[': case '{':
		return 1;
	}
	return 0;
}

static int closing_quote(uint32_t c)
{
	return c == 0x201d || c == 0x2019;
}

/* UAX #14 forbids breaks on both sides of a quotation mark, since it cannot tell opening from
 * closing; in Chinese “ ‘ open and ” ’ close, and text breaks before and after quotes. Only
 * beside wide characters and punctuation, so the apostrophe of don’t stays put. */
static int quote_break(uint32_t prev, uint32_t c)
{
	if (c == 0x201c || c == 0x2018)
		return no_start(prev) || uc_width(prev, "UTF-8") == 2;
	return closing_quote(prev) && (no_end(c) || uc_width(c, "UTF-8") == 2);
}

/* The scratch array of text_wrap holds one byte per byte of the paragraph. At the first byte
 * of each cluster: what may happen before it (bits 0-1), its cells (bits 2-3), whether it is a
 * lone breaking space, and BRK_START; every other byte is 0. The wrapping loop reads only this
 * array, so each character is decoded and measured once. */
enum {
	BRK_NO = 0,       /* inside a word or against the Chinese rules */
	BRK_CHAR = 1,     /* only to break a word too long for the line: the Chinese rules still hold */
	BRK_YES = 2,      /* a line may begin here */
	BRK_NEWLINE = 3,  /* a newline character: the line ends before it, and it is skipped */
	BRK_KIND = 3,
	BRK_CELLS = 2,    /* shift of the cells */
	BRK_SPACE = 0x10,
	BRK_START = 0x20
};

static int classify(char uax, uint32_t prev, uint32_t c)
{
	if (no_start(c) || no_end(prev))
		return BRK_NO;
	if (prev == c && (c == 0x2014 || c == 0x2026))
		return BRK_NO;                /* —— and …… are one mark each */
	return uax == UC_BREAK_POSSIBLE || quote_break(prev, c) ? BRK_YES : BRK_CHAR;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == 0x3000;
}

static void find_breaks(const char *s, size_t n, struct text_lines *l)
{
	l->brk = xgrow(l->brk, &l->brkcap, n ? n : 1, 1);
	if (n == 0)
		return;
	char *brk = l->brk;
	u8_possible_linebreaks((const uint8_t *)s, n, encoding, brk);
	uint32_t prev = 0;
	size_t start = 0;                 /* the cluster being read */
	for (size_t i = 0; i < n;) {
		uint32_t c;
		size_t len = decode(s, n, i, &c);
		int w = text_char_width(c);
		int kind = brk[i] == UC_BREAK_MANDATORY ? BRK_NEWLINE : i > 0 ? classify(brk[i], prev, c) : BRK_NO;
		if (w == 0 && i > 0 && (brk[start] & BRK_KIND) != BRK_NEWLINE) {
			brk[start] &= ~BRK_SPACE;     /* a space with an accent is a letter */
			brk[i] = 0;
		} else {
			brk[i] = (char)(BRK_START | kind | w << BRK_CELLS | (is_space(c) ? BRK_SPACE : 0));
			start = i;
			prev = c;
		}
		for (size_t k = 1; k < len; k++)
			brk[i + k] = 0;
		i += len;
	}
}

static void add_line(struct text_lines *l, size_t start, size_t end, size_t width)
{
	l->line = xgrow(l->line, &l->cap, l->n + 1, sizeof *l->line);
	l->line[l->n++] = (struct text_line){ start, end, width };
}

/* Lays out one line from s[pos]: appends it (offsets relative to s) and returns where the
 * next line begins. `end` and `w` describe the content so far; `pend` the cells of the spaces
 * after it, which are drawn only if more content follows on this line. */
static size_t wrap_line(size_t n, size_t pos, size_t width, struct text_lines *l)
{
	const char *brk = l->brk;
	size_t i = pos, end = pos, w = 0, pend = 0;
	struct { size_t at, end, w; } yes = { 0, 0, 0 }, chr = { 0, 0, 0 };   /* last breaks seen */
	while (i < n) {
		int b = brk[i], kind = b & BRK_KIND;
		size_t cw = (size_t)(b >> BRK_CELLS & 3), next = i + 1;
		while (next < n && !(brk[next] & BRK_START))
			next++;
		if (kind == BRK_NEWLINE) {
			add_line(l, pos, end, w);
			return next;
		}
		if (i > pos && kind != BRK_NO) {
			chr.at = i, chr.end = end, chr.w = w;
			if (kind == BRK_YES)
				yes = chr;
		}
		if (b & BRK_SPACE) {
			pend += cw;
			i = next;
			continue;
		}
		if (w + pend + cw > width) {
			if (yes.at || chr.at) {
				if (!yes.at)
					yes = chr;
				add_line(l, pos, yes.end, yes.w);
				return yes.at;
			}
			if (i == pos) {       /* width < 2 and a wide character: alone, the one overflow */
				add_line(l, pos, next, cw);
				return next;
			}
			add_line(l, pos, end, w);   /* nothing else left: break between any characters */
			return i;
		}
		w += pend + cw;
		pend = 0;
		i = next;
		end = next;
	}
	add_line(l, pos, end, w);
	return n;
}

size_t text_wrap(const char *s, size_t n, size_t width, size_t base, struct text_lines *out)
{
	size_t first = out->n;
	if (width < 1)
		width = 1;
	find_breaks(s, n, out);
	size_t pos = 0;
	do
		pos = wrap_line(n, pos, width, out);
	while (pos < n);
	for (size_t k = first; k < out->n; k++) {
		out->line[k].start += base;
		out->line[k].end += base;
	}
	return out->n - first;
}
