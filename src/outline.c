/* outline.c — chapter-tree view state: expanded nodes, flattened visible rows, selection. */
#include "outline.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/* The report promises parent < index; parent() enforces it, so no walk up the tree can loop
 * even over a damaged report. */
static int parent(const struct outline *o, int s)
{
	int p = o->report->sections[s].parent;
	return p >= 0 && p < s ? p : -1;
}

static size_t nsections(const struct outline *o)
{
	return o->report ? o->report->nsections : 0;
}

static int depth(const struct outline *o, int s)
{
	int d = 0;
	for (int p = parent(o, s); p >= 0; p = parent(o, p))
		d++;
	return d;
}

static int is_descendant(const struct outline *o, int s, int ancestor)
{
	int p = parent(o, s);
	while (p > ancestor)
		p = parent(o, p);
	return p == ancestor;
}

/* Pre-order keeps each subtree contiguous: the first section after s outside it ends it. */
static size_t subtree_end(const struct outline *o, size_t s)
{
	size_t j = s + 1;
	while (j < nsections(o) && is_descendant(o, (int)j, (int)s))
		j++;
	return j;
}

void outline_init(struct outline *o, const struct report *r)
{
	*o = (struct outline){ .report = r };
	size_t n = nsections(o);
	if (n) {
		o->expanded = xmalloc(n);
		memset(o->expanded, 1, n);
		o->rows = xmalloc(n * sizeof *o->rows);
		o->rowcap = n;
	}
	outline_build(o);
}

void outline_fini(struct outline *o)
{
	free(o->expanded);
	free(o->rows);
	*o = (struct outline){0};
}

void outline_build(struct outline *o)
{
	int keep = outline_selected_section(o);
	size_t n = nsections(o);
	o->nrows = 0;
	for (size_t i = 0; i < n;) {
		int children = i + 1 < n && parent(o, (int)i + 1) == (int)i;
		o->rows[o->nrows++] = (struct outline_row){
			.section = (int)i,
			.depth = depth(o, (int)i),
			.has_children = children,
			.expanded = children && o->expanded[i],
		};
		i = children && o->expanded[i] ? i + 1 : subtree_end(o, i);
	}
	o->selected = 0;
	if (keep >= 0)
		outline_select_section(o, keep);
}

void outline_toggle(struct outline *o, size_t row)
{
	if (row >= o->nrows || !o->rows[row].has_children)
		return;
	int s = o->rows[row].section;
	o->expanded[s] = !o->expanded[s];
	outline_build(o);
}

void outline_set_all(struct outline *o, int expanded)
{
	if (o->expanded)
		memset(o->expanded, expanded != 0, nsections(o));
	outline_build(o);
}

size_t outline_row_of(const struct outline *o, int section)
{
	size_t lo = 0, hi = o->nrows;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (o->rows[mid].section == section)
			return mid;
		if (o->rows[mid].section < section)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

void outline_select_section(struct outline *o, int section)
{
	if (o->nrows == 0 || section >= (int)nsections(o))
		return;
	for (int s = section; s >= 0; s = parent(o, s)) {
		size_t row = outline_row_of(o, s);
		if (row != (size_t)-1) {
			o->selected = row;
			return;
		}
	}
	o->selected = 0;
}

int outline_selected_section(const struct outline *o)
{
	return o->selected < o->nrows ? o->rows[o->selected].section : -1;
}

void outline_move(struct outline *o, long delta)
{
	if (o->nrows == 0)
		return;
	size_t d = delta < 0 ? 0 - (size_t)delta : (size_t)delta;   /* no overflow at LONG_MIN */
	if (delta < 0)
		o->selected = d > o->selected ? 0 : o->selected - d;
	else
		o->selected = d >= o->nrows - o->selected ? o->nrows - 1 : o->selected + d;
}

void outline_reveal(struct outline *o, int section)
{
	if (section < 0 || section >= (int)nsections(o))
		return;
	for (int p = parent(o, section); p >= 0; p = parent(o, p))
		o->expanded[p] = 1;
	outline_build(o);
	outline_select_section(o, section);
}
