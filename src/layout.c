/* layout.c — display lines: report text wrapped to a width, as byte ranges of the text. */
#include "layout.h"

#include <stddef.h>
#include <stdlib.h>

#include <unistr.h>

#include "parse_scan.h"
#include "report.h"
#include "text.h"
#include "xmalloc.h"

#define INDENT 2        /* cells per heading level below the first */
#define MAX_LEVEL 3     /* deeper headings are drawn as level 3 */

void layout_fini(struct layout *l)
{
	free(l->line);
	text_lines_fini(&l->tmp);
	l->line = NULL;
	l->n = l->cap = 0;
}

void layout_add(struct layout *l, struct layout_line line)
{
	l->line = xgrow(l->line, &l->cap, l->n + 1, sizeof *l->line);
	l->line[l->n++] = line;
}

void layout_wrap(struct layout *l, const char *text, size_t start, size_t end, int width, struct layout_line proto)
{
	text_lines_reset(&l->tmp);
	text_wrap(text + start, end - start, (size_t)(width > 0 ? width : 1), start, &l->tmp);
	for (size_t i = 0; i < l->tmp.n; i++) {
		proto.start = l->tmp.line[i].start;
		proto.end = l->tmp.line[i].end;
		layout_add(l, proto);
		proto.first = 0;
	}
}

/* The section whose heading paragraph p holds, or NULL. */
static const struct section *heading_of(const struct report *r, size_t p)
{
	const struct para *pa = &r->paras[p];
	if (pa->kind != PARA_HEADING || pa->section < 0 || (size_t)pa->section >= r->nsections)
		return NULL;
	const struct section *s = &r->sections[pa->section];
	if (s->head_start < pa->start || s->head_end > pa->end || s->head_end <= s->head_start)
		return NULL;
	return s;
}

size_t layout_para_body(const struct report *r, size_t p)
{
	const struct section *s = heading_of(r, p);
	return s ? parse_skip_blanks(r->text, s->head_end, r->paras[p].end) : r->paras[p].start;
}

void layout_heading(struct layout *l, const char *text, size_t start, size_t end, int level, int width, int tag)
{
	level = level < 1 ? 1 : level > MAX_LEVEL ? MAX_LEVEL : level;
	struct layout_line h = { 0, 0, tag, LAYOUT_HEAD, (unsigned char)level, 1, (unsigned char)(INDENT * (level - 1)) };
	layout_wrap(l, text, start, end, width - h.indent, h);
}

static void add_para(struct layout *l, const struct report *r, size_t p, int width)
{
	const struct section *s = heading_of(r, p);
	size_t rest = r->paras[p].start;
	if (s) {
		layout_heading(l, r->text, s->head_start, s->head_end, s->level, width, (int)p);
		rest = layout_para_body(r, p);
		if (rest >= r->paras[p].end)
			return;
	}
	layout_wrap(l, r->text, rest, r->paras[p].end, width, (struct layout_line){ 0, 0, (int)p, LAYOUT_TEXT, 0, 0, 0 });
}

void layout_report(struct layout *l, const struct report *r, int width)
{
	l->n = 0;
	for (size_t p = 0; p < r->npara; p++) {
		if (p > 0) {
			size_t at = r->paras[p - 1].end;
			layout_add(l, (struct layout_line){ at, at, (int)p - 1, LAYOUT_BLANK, 0, 0, 0 });
		}
		add_para(l, r, p, width);
	}
}

/* The clause marks a snippet may end after. */
static int clause_end(ucs4_t c)
{
	static const ucs4_t marks[] = { 0xff0c, 0x3002, 0xff1b, 0xff1a, 0xff01, 0xff1f, 0x3001,
	                                ',', ';', ':', '!', '?' };
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (c == marks[i])
			return 1;
	return 0;
}

/* From `at`, up to `room` cells towards `limit` (backwards when limit < at): where the window
 * ends, as layout_snippet says. *used gets the cells taken. */
static size_t reach(const char *text, size_t at, size_t limit, size_t room, size_t *used)
{
	const uint8_t *s = (const uint8_t *)text;
	size_t pos = at, w = 0, best = (size_t)-1, bestw = 0;
	while (pos != limit) {
		ucs4_t c;
		size_t next;
		if (limit < at) {
			const uint8_t *p = u8_prev(&c, s + pos, s + limit);
			next = p ? (size_t)(p - s) : pos - 1;
		} else {
			int k = u8_mbtouc(&c, s + pos, limit - pos);
			next = pos + (size_t)(k > 0 ? k : 1);
		}
		size_t cw = limit < at ? text_width(text + next, pos - next) : text_width(text + pos, next - pos);
		if (w + cw > room)
			break;
		int boundary = limit < at ? next > limit && clause_end(u8_prev(&c, s + next, s + limit) ? c : 0)
		                          : clause_end(c);
		pos = next;
		w += cw;
		if (boundary && 2 * w >= room)
			best = pos, bestw = w;
	}
	if (best != (size_t)-1 && pos != limit) {
		*used = bestw;
		return best;
	}
	*used = w;
	return pos;
}

void layout_snippet(const char *text, size_t lo, size_t hi, size_t hs, size_t he, size_t cells,
                    size_t *start, size_t *end)
{
	size_t hw = text_width(text + hs, he - hs), room = cells > hw ? cells - hw : 0, left, right;
	*start = reach(text, hs, lo, room / 2, &left);
	*end = reach(text, he, hi, room - left, &right);
	if (left + right < room)   /* the right side ended early: its room goes left */
		*start = reach(text, hs, lo, room - right, &left);
}

size_t layout_line_of(const struct layout *l, size_t off)
{
	_Static_assert(offsetof(struct layout_line, start) == 0, "a line record begins with its start");
	return text_find_start(l->line, l->n, sizeof *l->line, off);
}
