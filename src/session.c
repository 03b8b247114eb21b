/* session.c — the search index of a corpus for its lifetime: opened once, searched with the damaged-cache retry, results ordered. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "digest.h"
#include "xmalloc.h"

struct session {
	struct corpus *c;               /* borrowed */
	char *dir;                      /* cache directory, NULL: in memory */
	struct index *ix;               /* NULL until first needed */
	struct index_progress progress;
	int has_progress;
	char *notice;                   /* not taken yet */
	struct keyed *keyed;            /* ordering scratch */
	size_t keycap;
};

/* The samples compiled into the program are indexed in memory; files get a cache. */
static int all_embedded(const struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (strncmp(corpus_path(c, i), "embedded:", 9) != 0)
			return 0;
	return 1;
}

struct session *session_new(struct corpus *c, const char *dir, const struct index_progress *progress)
{
	struct session *s = xcalloc(1, sizeof *s);
	s->c = c;
	s->dir = dir && !all_embedded(c) ? xstrdup(dir) : NULL;
	session_set_progress(s, progress);
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	if (s->ix)
		index_free(s->ix);
	free(s->dir);
	free(s->notice);
	free(s->keyed);
	free(s);
}

void session_set_progress(struct session *s, const struct index_progress *progress)
{
	s->has_progress = progress != NULL;
	if (progress)
		s->progress = *progress;
}

static const struct index_progress *progress_of(const struct session *s)
{
	return s->has_progress ? &s->progress : NULL;
}

static void set_notice(struct session *s, char *notice)
{
	if (!notice)
		return;
	free(s->notice);
	s->notice = notice;
}

char *session_notice(struct session *s)
{
	char *n = s->notice;
	s->notice = NULL;
	return n;
}

const struct index *session_cached(struct session *s)
{
	if (!s->ix)
		s->ix = index_open_cached(s->c, s->dir);
	return s->ix;
}

const struct index *session_index(struct session *s)
{
	if (!s->ix) {
		char *notice = NULL;
		s->ix = index_open(s->c, s->dir, progress_of(s), &notice);
		set_notice(s, notice);
	}
	return s->ix;
}

/* Repairs a call may meet in a row: each indexes again the segments found damaged, so a few
 * are enough unless the disk keeps damaging what is written. */
#define SESSION_REPAIRS 8

/* After a call that read postings: 1 when the index stayed intact; else 0 with the damaged
 * segments indexed again (or the index rebuilt), and the call must run again: what it gave was
 * read from damaged postings, and the next run may read damage in a segment this one did not. */
static int intact_or_rebuilt(struct session *s, int *tries)
{
	if (index_intact(s->ix, NULL) || ++*tries > SESSION_REPAIRS)
		return 1;
	char *notice = NULL;
	s->ix = index_reopen(s->ix, s->c, s->dir, progress_of(s), &notice);
	set_notice(s, notice);
	return 0;
}

size_t session_search(struct session *s, const struct query *q, size_t limit, struct index_results *out)
{
	size_t n;
	int tries = 0;
	do
		n = index_search(session_index(s), q, limit, out);
	while (!intact_or_rebuilt(s, &tries));
	return n;
}

size_t session_search_top(struct session *s, const struct query *q, size_t limit, struct index_results *out)
{
	size_t n;
	int tries = 0;
	do
		n = index_search_top(session_index(s), q, limit, out);
	while (!intact_or_rebuilt(s, &tries));
	return n;
}

size_t session_result_snippets(struct session *s, const struct index_result *res, const struct report *r,
                               const struct query *q, size_t cells, struct index_hits *hits,
                               struct index_snippet *out, size_t max)
{
	size_t n;
	int tries = 0;
	do
		n = index_result_snippets(session_index(s), res, r, q, cells, hits, out, max);
	while (!intact_or_rebuilt(s, &tries));
	return n;
}

int session_meta(void *arg, size_t i, struct corpus_meta *out)
{
	struct session *s = arg;
	if (!s->ix)
		return -1;
	index_meta(s->ix, i, out);
	return 0;
}

int session_digest(void *arg, size_t i, const void **p, size_t *len)
{
	struct session *s = arg;
	return s->ix ? index_digest(s->ix, i, p, len) : -1;
}

int session_digest_head(void *arg, size_t i, const void **p, size_t *len)
{
	struct session *s = arg;
	return s->ix ? index_digest_head(s->ix, i, p, len) : -1;
}

struct report *session_text_report(struct session *s, size_t i)
{
	const void *p;
	size_t len;
	struct digest d = { 0 };
	if (!s->ix || corpus_loaded(s->c, i) || corpus_failed(s->c, i) || index_digest_head(s->ix, i, &p, &len) ||
	    digest_decode_head(p, len, &d))
		return NULL;
	struct report *r = corpus_read_text_as(s->c, i, d.page_forms);
	if (r && digest_fill_report(&d, r) < 0) {
		report_free(r);
		r = NULL;
	}
	digest_fini(&d);
	return r;
}

/* ---- the order of results ----
 * Each result is sorted with the metadata it is compared by, so the comparisons need no
 * context (qsort has none in C11). */

const char *const session_order_names[SESSION_NORDERS] = { "relevance", "hits", "region", "year" };

struct keyed {
	struct index_result r;
	const char *region;       /* NULL: unknown */
	int year;
	double best_score;        /* relevance: the rank of its region's best report */
	size_t best_report;
};

static int cmp_size(size_t a, size_t b) { return (a > b) - (a < b); }
static int cmp_desc(double a, double b) { return (a < b) - (a > b); }

/* The rank a search gives: score, most first, ties in corpus order. */
static int by_rank(const struct keyed *x, const struct keyed *y)
{
	int c = cmp_desc(x->r.score, y->r.score);
	return c ? c : cmp_size(x->r.report, y->r.report);
}

/* Relevance groups an unknown region with the empty one. */
static int region_cmp(const struct keyed *x, const struct keyed *y)
{
	return strcmp(x->region ? x->region : "", y->region ? y->region : "");
}

static int by_region_rank(const void *a, const void *b)
{
	int c = region_cmp(a, b);
	return c ? c : by_rank(a, b);
}

static int by_group(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = cmp_desc(x->best_score, y->best_score);
	c = c ? c : cmp_size(x->best_report, y->best_report);
	return c ? c : by_rank(x, y);
}

/* Reports of no known region after those of one. */
static int known_first(const struct keyed *x, const struct keyed *y)
{
	return (x->region == NULL) == (y->region == NULL) ? 0 : x->region ? -1 : 1;
}

static int by_hits(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = cmp_size(y->r.hits, x->r.hits);
	c = c ? c : known_first(x, y);
	return c ? c : by_rank(x, y);
}

static int region_year(const struct keyed *x, const struct keyed *y, int year_first)
{
	int c = year_first ? (x->year < y->year) - (x->year > y->year) : 0;
	c = c ? c : known_first(x, y);
	c = c || !x->region || !y->region ? c : strcmp(x->region, y->region);
	c = c ? c : (x->year < y->year) - (x->year > y->year);
	return c ? c : by_rank(x, y);
}

static int by_region(const void *a, const void *b) { return region_year(a, b, 0); }
static int by_year(const void *a, const void *b) { return region_year(a, b, 1); }

/* By region and rank, the first of each region's run is its best. */
static void group_by_region(struct keyed *k, size_t n)
{
	qsort(k, n, sizeof *k, by_region_rank);
	for (size_t i = 0, best = 0; i < n; i++) {
		if (region_cmp(&k[best], &k[i]) != 0)
			best = i;
		k[i].best_score = k[best].r.score;
		k[i].best_report = k[best].r.report;
	}
	qsort(k, n, sizeof *k, by_group);
}

void session_order(struct session *s, const struct query *q, struct index_results *res, enum session_order o)
{
	if (o != SESSION_BY_RELEVANCE && !(res->exact && res->n == res->total))
		session_search(s, q, 0, res);
	size_t n = res->n;
	s->keyed = xgrow(s->keyed, &s->keycap, n + 1, sizeof *s->keyed);
	for (size_t i = 0; i < n; i++) {
		struct corpus_meta m;
		corpus_meta(s->c, res->v[i].report, &m);
		s->keyed[i] = (struct keyed){ res->v[i], m.region, m.year, 0, 0 };
	}
	static int (*const cmp[SESSION_NORDERS])(const void *, const void *) = { NULL, by_hits, by_region, by_year };
	if (o == SESSION_BY_RELEVANCE)
		group_by_region(s->keyed, n);
	else
		qsort(s->keyed, n, sizeof *s->keyed, cmp[o]);
	for (size_t i = 0; i < n; i++)
		res->v[i] = s->keyed[i].r;
}
