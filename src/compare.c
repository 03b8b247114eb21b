/* compare.c — aligns the sections of several reports into PART × TOPIC rows, one cell per report. */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define NKEYS (CLASSIFY_NPARTS * CLASSIFY_NTOPICS)

static int key_of(int part, int topic)
{
	if (part < 0 || part >= CLASSIFY_NPARTS)
		part = CLASSIFY_MEASURES;
	if (topic < 0 || topic >= CLASSIFY_NTOPICS)
		topic = CLASSIFY_GENERAL;
	return part * CLASSIFY_NTOPICS + topic;
}

typedef void add_fn(struct compare *, size_t, int, const struct compare_item *, size_t *);

/* Whether paragraphs a and b are in one run: same section and part, and both switched with the
 * same topic (topic -1), or both listed again for topic. */
static int one_run(const struct report *r, const struct classify_paras *p, size_t a, size_t b, int topic)
{
	if (b >= r->npara || r->paras[a].section != r->paras[b].section || p->part[a] != p->part[b])
		return 0;
	if (topic < 0)
		return classify_para_switched(r, p, a) && classify_para_switched(r, p, b) && p->topic[a] == p->topic[b];
	return (classify_para_also(p, a) & classify_para_also(p, b) & 1u << topic) != 0;
}

/* The runs starting at paragraph q: a switched one, and one listed again per topic of its mask. */
static void para_items(struct compare *c, size_t k, size_t q, add_fn *add, size_t *counts)
{
	const struct report *r = c->reports[k];
	const struct classify_paras *p = &c->paras[k];
	if (classify_para_switched(r, p, q) && !(q > 0 && one_run(r, p, q - 1, q, -1))) {
		struct compare_item it = { r->paras[q].section, (int)q, 1, 0 };
		while (one_run(r, p, q, q + (size_t)it.npara, -1))
			it.npara++;
		add(c, k, key_of(p->part[q], p->topic[q]), &it, counts);
	}
	unsigned also = classify_para_also(p, q);
	for (int t = 0; also; t++, also >>= 1) {
		if (!(also & 1) || (q > 0 && one_run(r, p, q - 1, q, t)))
			continue;
		struct compare_item it = { r->paras[q].section, (int)q, 1, 1 };
		while (one_run(r, p, q, q + (size_t)it.npara, t))
			it.npara++;
		add(c, k, key_of(p->part[q], t), &it, counts);
	}
}

/* Calls add(c, k, key, item) for every item of report k, in document order: each section where
 * its heading starts, each run where its first paragraph starts. */
static void each_item(struct compare *c, size_t k, add_fn *add, size_t *counts)
{
	const struct report *r = c->reports[k];
	size_t q = 0;
	for (size_t s = 0; s <= r->nsections; s++) {
		size_t limit = s < r->nsections ? r->sections[s].start : (size_t)-1;
		for (; q < r->npara && r->paras[q].start < limit; q++)
			para_items(c, k, q, add, counts);
		if (s == r->nsections)
			break;
		struct compare_item it = { (int)s, r->sections[s].para, 0, 0 };
		add(c, k, key_of(r->sections[s].part, r->sections[s].topic), &it, counts);
	}
}

/* counts[key × nreports + k]: first the number of items, then the next free slot in items. */
static void count(struct compare *c, size_t k, int key, const struct compare_item *it, size_t *counts)
{
	(void)it;
	counts[(size_t)key * c->nreports + k]++;
}

static void place(struct compare *c, size_t k, int key, const struct compare_item *it, size_t *counts)
{
	c->items[counts[(size_t)key * c->nreports + k]++] = *it;
}

void compare_build(struct compare *c, struct report **reports, size_t n, const struct classify_model *m)
{
	memset(c, 0, sizeof *c);
	c->reports = reports;
	c->nreports = n;
	c->paras = xcalloc(n ? n : 1, sizeof *c->paras);
	for (size_t k = 0; k < n; k++)
		classify_report_with(m, reports[k], &c->paras[k]);

	size_t *counts = xcalloc((size_t)NKEYS * (n ? n : 1), sizeof *counts);
	for (size_t k = 0; k < n; k++)
		each_item(c, k, count, counts);
	int present[NKEYS];
	size_t total = 0;
	for (int key = 0; key < NKEYS; key++) {
		present[key] = 0;
		for (size_t k = 0; k < n; k++) {
			present[key] |= counts[(size_t)key * n + k] > 0;
			total += counts[(size_t)key * n + k];
		}
		c->nrows += present[key];
	}
	c->rows = xcalloc(c->nrows ? c->nrows : 1, sizeof *c->rows);
	c->cells = xcalloc(c->nrows * n > 0 ? c->nrows * n : 1, sizeof *c->cells);
	c->items = xcalloc(total ? total : 1, sizeof *c->items);
	c->nitems = total;
	size_t row = 0, pos = 0;
	for (int key = 0; key < NKEYS; key++) {
		if (!present[key])
			continue;
		struct compare_row *rw = &c->rows[row];
		rw->part = key / CLASSIFY_NTOPICS, rw->topic = key % CLASSIFY_NTOPICS;
		rw->cells = &c->cells[row * n];
		for (size_t k = 0; k < n; k++) {
			size_t cnt = counts[(size_t)key * n + k];
			rw->cells[k] = (struct compare_cell){ pos, cnt };
			counts[(size_t)key * n + k] = pos;   /* now the next free slot */
			pos += cnt;
		}
		row++;
	}
	for (size_t k = 0; k < n; k++)
		each_item(c, k, place, counts);
	free(counts);
}

void compare_fini(struct compare *c)
{
	for (size_t k = 0; k < c->nreports; k++)
		classify_paras_fini(&c->paras[k]);
	free(c->paras);
	free(c->rows);
	free(c->cells);
	free(c->items);
	memset(c, 0, sizeof *c);
}

const struct compare_cell *compare_cell(const struct compare *c, size_t row, size_t k)
{
	return &c->rows[row].cells[k];
}

size_t compare_row_of(const struct compare *c, size_t k, int section)
{
	for (size_t row = 0; row < c->nrows; row++) {
		const struct compare_cell *cell = &c->rows[row].cells[k];
		for (size_t i = cell->first; i < cell->first + cell->n; i++)
			if (c->items[i].section == section && c->items[i].npara == 0)
				return row;
	}
	return (size_t)-1;
}

size_t compare_path(const struct report *r, int section, int *out, size_t max)
{
	size_t depth = 0;
	for (int s = section; s >= 0; s = r->sections[s].parent)
		depth++;
	size_t d = depth;
	for (int s = section; s >= 0; s = r->sections[s].parent)
		if (--d < max)
			out[d] = s;
	return depth < max ? depth : max;
}

void compare_label(int part, int topic, struct buf *out)
{
	const char *p = classify_part_label(part), *t = classify_topic_label(topic);
	buf_adds(out, p ? p : "?");
	if (topic != CLASSIFY_GENERAL && t) {
		buf_adds(out, " · ");
		buf_adds(out, t);
	}
}

size_t compare_item_next_para(const struct compare *c, size_t k, const struct compare_item *it, size_t from)
{
	const struct report *r = c->reports[k];
	size_t q = from > (size_t)it->para ? from : (size_t)it->para;
	if (it->npara)
		return q < (size_t)it->para + (size_t)it->npara && q < r->npara ? q : r->npara;
	const struct section *sec = &r->sections[it->section];
	for (; q < r->npara && r->paras[q].start < sec->end; q++)
		if (r->paras[q].section == it->section && !classify_para_switched(r, &c->paras[k], q))
			return q;
	return r->npara;
}
