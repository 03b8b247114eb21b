/* seed_report.h — test helper: the sample reports with their chapter tree rebuilt from tests/data/seed-labels.tsv.
 *
 * The classifier is tested on the headings the reference labels name, so its accuracy does not
 * depend on how well the parser finds them. Included by the compare-layer test suites only. */
#ifndef FAZHI_TEST_SEED_REPORT_H
#define FAZHI_TEST_SEED_REPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "classify.h"
#include "report.h"
#include "xmalloc.h"

struct label {
	char file[64];
	int level;          /* 0 unheaded switch, 1..3 headings, 4 一是 points */
	char text[256];     /* heading text as in the file, cut at 30 characters */
	int part, topic, topic2;
};

struct labels {
	struct label *v;
	size_t n, cap;
};

static inline void labels_fini(struct labels *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* Reads a TAB-separated file into rows of fields; returns the number of data rows. */
static size_t seed_read_lines(const char *path, char ***lines)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	size_t n = 0, cap = 0;
	*lines = NULL;
	if (!f)
		return 0;
	if (!fgets(line, sizeof line, f)) {   /* header */
		fclose(f);
		return 0;
	}
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\r\n")] = '\0';
		if (!line[0])
			continue;
		*lines = xgrow(*lines, &cap, n + 1, sizeof **lines);
		(*lines)[n++] = xstrdup(line);
	}
	fclose(f);
	return n;
}

/* Splits s in place at TABs into at most max fields (missing ones become ""). */
static void seed_fields(char *s, char **f, int max)
{
	for (int i = 0; i < max; i++) {
		f[i] = s;
		char *t = s ? strchr(s, '\t') : NULL;
		if (t)
			*t = '\0', s = t + 1;
		else
			s = NULL;
		if (!f[i])
			f[i] = "";
	}
}

static inline void labels_load(struct labels *l, const char *path)
{
	char **lines;
	size_t n = seed_read_lines(path, &lines);
	for (size_t i = 0; i < n; i++) {
		char *f[6];
		seed_fields(lines[i], f, 6);
		l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof *l->v);
		struct label *b = &l->v[l->n++];
		snprintf(b->file, sizeof b->file, "%s", f[0]);
		b->level = atoi(f[1]);
		snprintf(b->text, sizeof b->text, "%s", f[2]);
		b->part = classify_part_id(f[3]);
		b->topic = classify_topic_id(f[4]);
		b->topic2 = f[5][0] ? classify_topic_id(f[5]) : -1;
		free(lines[i]);
	}
	free(lines);
}

/* Offset of the line that starts (after blanks) with prefix, or -1. */
static long seed_find_line(const char *text, const char *prefix)
{
	size_t pl = strlen(prefix);
	for (const char *p = text; (p = strstr(p, prefix)) != NULL; p++) {
		const char *q = p;
		for (int more = 1; more;) {   /* blanks, NBSP and U+3000 */
			more = 0;
			if (q > text && (q[-1] == ' ' || q[-1] == '\t'))
				q--, more = 1;
			else if (q >= text + 2 && memcmp(q - 2, "\xc2\xa0", 2) == 0)
				q -= 2, more = 1;
			else if (q >= text + 3 && memcmp(q - 3, "\xe3\x80\x80", 3) == 0)
				q -= 3, more = 1;
		}
		if (q == text || q[-1] == '\n')
			return p - text;
		(void)pl;
	}
	return -1;
}

/* Length of the ordinal at s (一、 (一) （一） 1. 1、), and the bare numeral's range. */
static size_t seed_ordinal(const char *s, size_t *ns, size_t *ne)
{
	size_t i = 0;
	int paren = 0;
	if (s[0] == '(')
		i = 1, paren = 1;
	else if (memcmp(s, "（", 3) == 0)
		i = 3, paren = 1;
	*ns = i;
	while (s[i] && s[i] != '(' && s[i] != '.' && memcmp(s + i, "、", 3) != 0 && s[i] != ')' &&
	       memcmp(s + i, "）", 3) != 0)
		i++;
	*ne = i;
	if (s[i] == ')' || s[i] == '.')
		return i + 1;
	if (memcmp(s + i, "）", 3) == 0 || memcmp(s + i, "、", 3) == 0)
		return i + 3;
	(void)paren;
	return i;
}

static int seed_is_point(const char *s)
{
	static const char *const nums[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十" };
	size_t i = 0;
	for (int again = 1; again;) {
		again = 0;
		for (int k = 0; k < 10; k++)
			if (memcmp(s + i, nums[k], 3) == 0) {
				i += 3, again = 1;
				break;
			}
	}
	return i > 0 && memcmp(s + i, "是", 3) == 0;
}

/* The report of one sample with the sections the labels name (levels 1-3, noise rows included). */
static struct report *seed_report(const char *file, const struct labels *l)
{
	char name[128];
	snprintf(name, sizeof name, "reports/%s", file);
	const struct asset *a = assets_find(name);
	if (!a)
		return NULL;
	struct report *r = xcalloc(1, sizeof *r);
	r->path = xasprintf("embedded:%s", file);
	r->text = xstrndup((const char *)a->data, a->size);
	r->len = a->size;
	r->body_end = r->len;
	const char *dash = strrchr(file, '-');
	r->meta.year = dash ? atoi(dash + 1) : 0;
	size_t cap = 0;
	int stack[4] = { -1, -1, -1, -1 };
	for (size_t i = 0; i < l->n; i++) {
		const struct label *b = &l->v[i];
		if (strcmp(b->file, file) != 0 || b->level < 1 || b->level > 3)
			continue;
		long at = seed_find_line(r->text, b->text);
		if (at < 0)
			continue;
		r->sections = xgrow(r->sections, &cap, r->nsections + 1, sizeof *r->sections);
		struct section *s = &r->sections[r->nsections];
		memset(s, 0, sizeof *s);
		size_t ns, ne, ol = seed_ordinal(r->text + at, &ns, &ne);
		const char *eol = strchr(r->text + at, '\n');
		size_t line_end = eol ? (size_t)(eol - r->text) : r->len;
		const char *stop = strstr(r->text + at, "。");
		size_t te = stop && (size_t)(stop - r->text) < line_end ? (size_t)(stop - r->text) : line_end;
		s->level = b->level;
		s->parent = b->level > 1 ? stack[b->level - 1] : -1;
		s->number_start = (size_t)at + ns, s->number_end = (size_t)at + ne;
		s->head_start = s->start = (size_t)at;
		s->title_start = (size_t)at + ol, s->title_end = te;
		s->head_end = te < line_end ? te + 3 : te;
		s->part = s->topic = s->topic2 = -1;
		stack[b->level] = (int)r->nsections;
		for (int k = b->level + 1; k < 4; k++)
			stack[k] = -1;
		r->nsections++;
	}
	for (size_t i = 0; i < r->nsections; i++) {
		struct section *s = &r->sections[i];
		s->end = r->len;
		for (size_t j = i + 1; j < r->nsections; j++)
			if (r->sections[j].level <= s->level) {
				s->end = r->sections[j].start;
				break;
			}
	}
	size_t pcap = 0;
	for (size_t i = 0; i < r->len;) {
		const char *nl = memchr(r->text + i, '\n', r->len - i);
		size_t end = nl ? (size_t)(nl - r->text) : r->len, st = i;
		for (int more = 1; more && st < end;) {
			more = 1;
			if (r->text[st] == ' ' || r->text[st] == '\t')
				st++;
			else if (st + 2 <= end && memcmp(r->text + st, "\xc2\xa0", 2) == 0)
				st += 2;
			else if (st + 3 <= end && memcmp(r->text + st, "\xe3\x80\x80", 3) == 0)
				st += 3;
			else
				more = 0;
		}
		while (end > st && (r->text[end - 1] == ' ' || r->text[end - 1] == '\r'))
			end--;
		if (end > st) {
			r->paras = xgrow(r->paras, &pcap, r->npara + 1, sizeof *r->paras);
			struct para *p = &r->paras[r->npara];
			p->start = st, p->end = end;
			p->section = report_section_at(r, st);
			p->kind = seed_is_point(r->text + st) ? PARA_POINT : PARA_TEXT;
			if (p->section >= 0 && r->sections[p->section].head_start == st) {
				p->kind = PARA_HEADING;
				r->sections[p->section].para = (int)r->npara;
			}
			r->npara++;
		}
		i = nl ? (size_t)(nl - r->text) + 1 : r->len;
	}
	return r;
}

/* Index of the paragraph starting with prefix, or -1. */
static inline int seed_para(const struct report *r, const char *prefix)
{
	size_t n = strlen(prefix);
	for (size_t k = 0; k < r->npara; k++)
		if (r->paras[k].end - r->paras[k].start >= n && memcmp(r->text + r->paras[k].start, prefix, n) == 0)
			return (int)k;
	return -1;
}

/* Index of the section whose heading line starts with prefix, or -1. */
static inline int seed_section(const struct report *r, const char *prefix)
{
	size_t n = strlen(prefix);
	for (size_t i = 0; i < r->nsections; i++)
		if (r->len - r->sections[i].head_start >= n && memcmp(r->text + r->sections[i].head_start, prefix, n) == 0)
			return (int)i;
	return -1;
}

static const char *const seed_files[] = {
	"putuo-2021.txt", "wujin-2020.txt", "zhanjiang-etdz-2022.txt", "simen-2022.txt", "jingan-2019.txt"
};

#endif
