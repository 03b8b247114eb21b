/* trend.c — groups reports by region and year, lines their metrics up by year and aligns each part with the year before. */
#include "trend.h"

#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "classify.h"
#include "digest.h"
#include "facts.h"
#include "xmalloc.h"

void trend_split_parts(const struct report *r, const struct classify_paras *p, struct align_text *parts)
{
	for (size_t k = 0; k < r->npara && k < p->n; k++) {
		int part = p->part[k];
		if (part < 0 || part >= TREND_NPARTS)
			continue;   /* the preamble and web furniture are no part */
		const struct para *q = &r->paras[k];
		align_text_add(&parts[part], r->text + q->start, q->end - q->start, q->start);
	}
}

void trend_split_digested(const struct report *r, const struct digest *d, struct align_text *parts)
{
	for (size_t k = 0; k < d->nparas; k++) {
		const struct digest_para *q = &d->paras[k];
		if (q->part < 0 || q->part >= TREND_NPARTS || q->end > r->len)
			continue;   /* not a part; or a text other than the one digested */
		align_text_add(&parts[q->part], r->text + q->start, q->end - q->start, q->start);
	}
}

const struct align_text *trend_part(const struct trend_region *g, size_t k, int part)
{
	return &g->parts[k * TREND_NPARTS + (size_t)part];
}

void trend_kept(const struct trend_region *g, const struct trend_repeat *rp, struct align_result *out)
{
	align_texts(trend_part(g, rp->from, rp->part), trend_part(g, rp->report, rp->part), out);
}

/* Sorting the entries: by region, then year, then the order given. */
struct order {
	const struct trend_entry *e;
	size_t index;
};

static int cmp_order(const void *a, const void *b)
{
	const struct order *x = a, *y = b;
	int c = strcmp(x->e->region, y->e->region);
	if (c)
		return c;
	if (x->e->year != y->e->year)
		return x->e->year < y->e->year ? -1 : 1;
	return (x->index > y->index) - (x->index < y->index);
}

/* Entries with a region and a year (of only_region when given), sorted. */
static struct order *usable(const struct trend_entry *e, size_t n, const char *only_region, size_t *count)
{
	struct order *o = xmalloc((n + 1) * sizeof *o);
	*count = 0;
	for (size_t i = 0; i < n; i++)
		if (e[i].region && *e[i].region && e[i].year && (!only_region || strcmp(e[i].region, only_region) == 0))
			o[(*count)++] = (struct order){ &e[i], i };
	qsort(o, *count, sizeof *o, cmp_order);
	return o;
}

/* Entries of o[0..n) from o[0] on with its region. */
static size_t group_end(const struct order *o, size_t n)
{
	size_t j = 1;
	while (j < n && strcmp(o[j].e->region, o[0].e->region) == 0)
		j++;
	return j;
}

static void plan_region(struct trend_plan_region *g, const struct order *o, size_t n)
{
	g->region = o[0].e->region;
	g->entries = xmalloc(n * sizeof *g->entries);
	g->n = 0;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || o[i].e->year != o[i - 1].e->year)
			g->entries[g->n++] = o[i].index;
}

void trend_plan(struct trend_plan *p, const struct trend_entry *e, size_t n, const char *only_region)
{
	size_t count, cap = 0;
	struct order *o = usable(e, n, only_region, &count);
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < count;) {
		size_t end = i + group_end(o + i, count - i);
		if (o[end - 1].e->year != o[i].e->year) {
			p->regions = xgrow(p->regions, &cap, p->n + 1, sizeof *p->regions);
			plan_region(&p->regions[p->n++], o + i, end - i);
		}
		i = end;
	}
	free(o);
}

void trend_plan_fini(struct trend_plan *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->regions[i].entries);
	free(p->regions);
	memset(p, 0, sizeof *p);
}

/* The first statement of each metric in report k fills values[metric * nreports + k]. */
static void fill_values(const struct facts_model *fm, const struct report *r, size_t k, size_t nreports,
			struct trend_value *values, struct facts *scratch)
{
	scratch->n = 0;
	facts_extract(fm, r, scratch);
	for (size_t i = 0; i < scratch->n; i++) {
		const struct facts_fact *f = &scratch->v[i];
		struct trend_value *v = &values[(size_t)f->metric * nreports + k];
		if (v->stated)
			continue;
		v->stated = 1, v->value = f->value, v->start = f->start, v->end = f->end;
		memcpy(v->value_text, f->value_text, sizeof v->value_text);
		memcpy(v->unit, f->unit, sizeof v->unit);
	}
}

static void copy_str(char *dst, size_t size, const struct digest_str *s)
{
	size_t n = s->n < size - 1 ? s->n : size - 1;
	memcpy(dst, s->s ? s->s : "", n);
	dst[n] = '\0';
}

/* fill_values from report r's digest d: its facts are those facts_extract gives, then the
 * computed ones, which trend leaves out as it never computes them. */
static void fill_digested(const struct digest *d, const struct report *r, size_t k, size_t nreports,
			  struct trend_value *values)
{
	for (size_t i = 0; i < d->nfacts; i++) {
		const struct digest_fact *f = &d->facts[i];
		struct trend_value *v = &values[(size_t)f->metric * nreports + k];
		if (f->computed || v->stated)
			continue;
		v->stated = 1, v->value = f->value, v->start = digest_fact_start(f, r), v->end = f->end;
		copy_str(v->value_text, sizeof v->value_text, &f->value_text);
		copy_str(v->unit, sizeof v->unit, &f->unit);
	}
}

static void build_metrics(struct trend_region *g, const struct digest *const *digests, const struct facts_model *fm)
{
	size_t nm = facts_metric_count(fm), nr = g->nreports;
	struct trend_value *values = xcalloc(nm * nr + 1, sizeof *values);
	struct facts scratch = { 0 };
	for (size_t k = 0; k < nr; k++)
		if (digests && digests[k] && digests[k]->facts_kept)
			fill_digested(digests[k], g->reports[k], k, nr, values);
		else
			fill_values(fm, g->reports[k], k, nr, values, &scratch);
	facts_fini(&scratch);
	g->metrics = xcalloc(nm + 1, sizeof *g->metrics);
	for (size_t m = 0; m < nm; m++) {
		size_t stated = 0;
		for (size_t k = 0; k < nr; k++)
			stated += values[m * nr + k].stated;
		if (!stated)
			continue;
		struct trend_metric *tm = &g->metrics[g->nmetrics++];
		tm->metric = (int)m;
		tm->values = xmalloc(nr * sizeof *tm->values);
		memcpy(tm->values, values + m * nr, nr * sizeof *tm->values);
	}
	free(values);
}

static void build_repeats(struct trend_region *g)
{
	g->repeats = xcalloc(g->nreports * TREND_NPARTS + 1, sizeof *g->repeats);
	for (size_t k = 1; k < g->nreports; k++)
		for (int part = 0; part < TREND_NPARTS; part++) {
			const struct align_text *now = trend_part(g, k, part), *before = trend_part(g, k - 1, part);
			if (now->n == 0 || before->n == 0)
				continue;
			struct trend_repeat *rp = &g->repeats[g->nrepeats++];
			rp->part = part, rp->report = k, rp->from = k - 1;
			align_texts(now, before, &rp->result);
		}
}

void trend_region_build(struct trend_region *g, struct report **reports, size_t n, const struct classify_model *cm,
			const struct facts_model *fm)
{
	trend_region_build_digested(g, reports, NULL, n, cm, fm);
}

void trend_region_build_digested(struct trend_region *g, struct report **reports, const struct digest *const *digests,
				 size_t n, const struct classify_model *cm, const struct facts_model *fm)
{
	memset(g, 0, sizeof *g);
	g->region = reports[0]->meta.region;
	g->reports = xmalloc(n * sizeof *g->reports);
	memcpy(g->reports, reports, n * sizeof *g->reports);
	g->nreports = n;
	g->parts = xcalloc(n * TREND_NPARTS + 1, sizeof *g->parts);
	for (size_t k = 0; k < n; k++) {
		if (digests && digests[k] && digests[k]->paras_kept) {
			trend_split_digested(g->reports[k], digests[k], &g->parts[k * TREND_NPARTS]);
			continue;
		}
		struct classify_paras p = { 0 };
		classify_report_with(cm, g->reports[k], &p);
		trend_split_parts(g->reports[k], &p, &g->parts[k * TREND_NPARTS]);
		classify_paras_fini(&p);
	}
	build_metrics(g, digests, fm);
	build_repeats(g);
}

void trend_build(struct trend *t, struct report **reports, size_t n, const struct classify_model *cm,
		 const struct facts_model *fm, const char *only_region)
{
	struct trend_entry *e = xmalloc((n + 1) * sizeof *e);
	for (size_t i = 0; i < n; i++)
		e[i] = (struct trend_entry){ reports[i]->meta.region, reports[i]->meta.year };
	struct trend_plan p;
	trend_plan(&p, e, n, only_region);
	memset(t, 0, sizeof *t);
	t->regions = xcalloc(p.n + 1, sizeof *t->regions);
	struct report **chosen = xmalloc((n + 1) * sizeof *chosen);
	for (size_t i = 0; i < p.n; i++) {
		for (size_t k = 0; k < p.regions[i].n; k++)
			chosen[k] = reports[p.regions[i].entries[k]];
		trend_region_build(&t->regions[t->n++], chosen, p.regions[i].n, cm, fm);
	}
	free(chosen);
	trend_plan_fini(&p);
	free(e);
}

void trend_region_fini(struct trend_region *g)
{
	for (size_t i = 0; i < g->nreports * TREND_NPARTS; i++)
		align_text_fini(&g->parts[i]);
	for (size_t i = 0; i < g->nmetrics; i++)
		free(g->metrics[i].values);
	for (size_t i = 0; i < g->nrepeats; i++)
		align_result_fini(&g->repeats[i].result);
	free(g->parts);
	free(g->metrics);
	free(g->repeats);
	free(g->reports);
}

void trend_fini(struct trend *t)
{
	for (size_t i = 0; i < t->n; i++)
		trend_region_fini(&t->regions[i]);
	free(t->regions);
	memset(t, 0, sizeof *t);
}
