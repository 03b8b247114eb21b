/* bench.c — index build throughput, index size, cached start-up and query latency over a corpus directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "corpus.h"
#include "index.h"
#include "query.h"

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One query as the search view runs it: top 20 with snippets. */
static size_t run(const struct corpus *c, const struct index *ix, const char *qs, struct index_results *r,
                  struct index_hits *h, int snippets)
{
	char *cause = NULL;
	struct query *q = query_parse(qs, strlen(qs), &cause);
	if (!q) {
		free(cause);
		return 0;
	}
	index_search(ix, q, 20, r);
	for (size_t i = 0; snippets && i < r->n; i++) {
		struct index_snippet sn[3];
		index_result_snippets(ix, &r->v[i], c->reports[r->v[i].report], q, 40, h, sn, 3);
	}
	query_free(q);
	return r->total;
}

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	static const char *const queries[] = { "法治", "行政复议", "欧阳明远", "法治政府建设实施纲要", "互联网＋监管",
	                                       "行政复议 行政诉讼", "量子纠缠" };
	struct corpus c;
	corpus_init(&c);
	double t0 = now();
	corpus_add_path(&c, argv[1]);
	double t1 = now();
	size_t bytes = 0;
	for (size_t i = 0; i < c.n; i++)
		bytes += c.reports[i]->len;
	printf("corpus: %zu reports, %.1f MB, loaded and parsed in %.2f s\n", c.n, bytes / 1e6, t1 - t0);
	char *notice = NULL;
	t0 = now();
	struct index *ix = index_open(&c, argv[2], NULL, &notice);
	t1 = now();
	free(notice);
	printf("index build + save: %.2f s, %.1f MB/s; index %.1f MB = %.2f x corpus\n", t1 - t0, bytes / 1e6 / (t1 - t0),
	       index_bytes(ix) / 1e6, (double)index_bytes(ix) / (double)bytes);
	index_free(ix);
	t0 = now();
	ix = index_open(&c, argv[2], NULL, &notice);
	t1 = now();
	printf("start-up with the cached index (map + check): %.1f ms%s\n", (t1 - t0) * 1e3, notice ? " (REBUILT)" : "");
	free(notice);
	struct index_results r = { 0 };
	struct index_hits h = { 0 };
	enum { REPS = 41 };
	printf("%-24s %8s %10s %10s %14s\n", "query (top 20+snippets)", "reports", "p50 ms", "p99 ms", "rank-only p50");
	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		double t[REPS], u[REPS];
		size_t total = 0;
		for (int i = 0; i < REPS; i++) {
			double a = now();
			total = run(&c, ix, queries[k], &r, &h, 1);
			t[i] = (now() - a) * 1e3;
			a = now();
			run(&c, ix, queries[k], &r, &h, 0);
			u[i] = (now() - a) * 1e3;
		}
		qsort(t, REPS, sizeof *t, cmp_d);
		qsort(u, REPS, sizeof *u, cmp_d);
		printf("%-24s %8zu %10.2f %10.2f %14.2f\n", queries[k], total, t[REPS / 2], t[REPS - 1], u[REPS / 2]);
	}
	index_results_fini(&r);
	index_hits_fini(&h);
	index_free(ix);
	corpus_fini(&c);
	return 0;
}
