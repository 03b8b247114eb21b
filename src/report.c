/* report.c — lifetime and simple queries of struct report. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

void report_free(struct report *r)
{
	if (!r)
		return;
	free(r->path);
	free(r->text);
	free(r->meta.title);
	free(r->meta.region);
	free(r->meta.doc_number);
	free(r->meta.issuer);
	free(r->meta.addressee);
	free(r->paras);
	free(r->sections);
	free(r->warnings);
	free(r);
}

size_t report_count_level(const struct report *r, int level)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nsections; i++)
		n += r->sections[i].level == level;
	return n;
}

int report_section_at(const struct report *r, size_t off)
{
	/* Sections nest and are in document order, so the last one that starts at or
	 * before off and still contains it is the deepest. */
	int found = -1;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->start > off)
			break;
		if (off < s->end)
			found = (int)i;
	}
	return found;
}

void report_add_warning(struct report *r, int kind, size_t at, const char *message)
{
	r->warnings = xgrow(r->warnings, &r->warnings_cap, r->nwarnings + 1, sizeof *r->warnings);
	struct report_warning *w = &r->warnings[r->nwarnings++];
	w->kind = kind;
	w->at = at;
	size_t n = strlen(message);
	if (n >= sizeof w->message) {
		n = sizeof w->message - 1;
		while (n > 0 && ((unsigned char)message[n] & 0xc0) == 0x80)
			n--;   /* never cut a character in two */
	}
	memcpy(w->message, message, n);
	w->message[n] = '\0';
}

const char *report_warning_name(int kind)
{
	static const char *const names[] = { "numbering", "no_headings", "no_year" };
	return kind >= 0 && kind < (int)(sizeof names / sizeof *names) ? names[kind] : "other";
}

const char *report_level_name(int level)
{
	static const char *const names[] = { "other", "province", "city", "county", "town", "department" };
	return level >= 0 && level < REPORT_LEVEL_COUNT ? names[level] : "other";
}

size_t report_line_of(const struct report *r, size_t off, struct report_lines *cur)
{
	if (off > r->len)
		off = r->len;
	if (cur->line == 0 || off < cur->off)
		*cur = (struct report_lines){ 0, 1 };
	for (const char *p = r->text + cur->off, *end = r->text + off;
	     (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		cur->line++;
	cur->off = off;
	return cur->line;
}

/* Blanks a line is trimmed of: space, U+3000, U+00A0 (and the CR of a CRLF). */
static size_t blank_len(const char *s, size_t i, size_t end)
{
	if (s[i] == ' ' || s[i] == '\r')
		return 1;
	if (end - i >= 3 && memcmp(s + i, "\xe3\x80\x80", 3) == 0)
		return 3;
	return end - i >= 2 && memcmp(s + i, "\xc2\xa0", 2) == 0 ? 2 : 0;
}

void report_add_joined(struct buf *b, const struct report *r, size_t start, size_t end)
{
	const char *s = r->text;
	while (start < end) {
		const char *nl = memchr(s + start, '\n', end - start);
		size_t stop = nl ? (size_t)(nl - s) : end, tail = stop, n;
		while (nl && tail > start) {
			size_t k = tail - 1;
			while (k > start && ((unsigned char)s[k] & 0xc0) == 0x80)
				k--;
			if (blank_len(s, k, tail) != tail - k)
				break;
			tail = k;
		}
		buf_add(b, s + start, tail - start);
		if (!nl)
			break;
		start = stop + 1;
		while (start < end && (n = blank_len(s, start, end)) > 0)
			start += n;
	}
}
