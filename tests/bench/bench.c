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

/* CPU time of the process: on a busy machine the wall clock also counts the waits. */
static double cpu(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cols(const char *s)
{
	int n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += *p < 0x80 ? 1 : (*p & 0xC0) == 0xC0 ? 2 : 0;
	return n;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

enum mode { TOP_SNIPPETS, TOP, EXHAUSTIVE };

/* One query as the search view runs it: top 20 with snippets (or the top 20 alone, or every
 * report proved as index_search does). Returns the matching reports when that is known. */
static size_t run(const struct corpus *c, const struct index *ix, const char *qs, struct index_results *r,
                  struct index_hits *h, enum mode m)
{
	char *cause = NULL;
	struct query *q = query_parse(qs, strlen(qs), &cause);
	if (!q) {
		free(cause);
		return 0;
	}
	if (m == EXHAUSTIVE)
		index_search(ix, q, 20, r);
	else
		index_search_top(ix, q, 20, r);
	for (size_t i = 0; m == TOP_SNIPPETS && i < r->n; i++) {
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
	static const char *const queries[][2] = {
		{ "frequent 2-char word", "法治" }, { "4-char word", "行政复议" }, { "rare 4-char name", "欧阳明远" },
		{ "10-char phrase", "法治政府建设实施纲要" }, { "half/full-width mix", "互联网＋监管" },
		{ "two-term AND", "行政复议 行政诉讼" }, { "absent word", "量子纠缠" },
	};
	struct corpus c;
	corpus_init(&c);
	double t0 = now();
	corpus_add_path(&c, argv[1]);
	double t1 = now();
	size_t bytes = 0;
	for (size_t i = 0; i < c.n; i++)
		bytes += c.reports[i]->len;
	printf("corpus: %zu reports, %.1f MB, loaded and parsed in %.2f s\n", c.n, bytes / 1e6, t1 - t0);
	fflush(stdout);
	char *notice = NULL;
	t0 = now();
	double c0 = cpu();
	struct index *ix = index_open(&c, argv[2], NULL, &notice);
	double c1 = cpu();
	t1 = now();
	free(notice);
	printf("index build + save: %.2f s = %.1f MB/s (target >= 50); CPU %.2f s = %.1f MB/s\n", t1 - t0,
	       bytes / 1e6 / (t1 - t0), c1 - c0, bytes / 1e6 / (c1 - c0));
	printf("index size: %.1f MB = %.2f x corpus (target <= 1.0)\n", index_bytes(ix) / 1e6,
	       (double)index_bytes(ix) / (double)bytes);
	index_free(ix);
	t0 = now();
	ix = index_open(&c, argv[2], NULL, &notice);
	t1 = now();
	printf("start-up with the cached index (map + check): %.1f ms%s\n", (t1 - t0) * 1e3, notice ? " (REBUILT)" : "");
	free(notice);
	struct index_results r = { 0 };
	struct index_hits h = { 0 };
	enum { REPS = 101 };
	printf("\nin-process latency, %d runs each: top 20 ranked reports with 3 snippets of 40 cells each\n"
	       "(index_search_top; targets p50 <= 5 ms, p99 <= 30 ms), the top 20 alone, and the exhaustive\n"
	       "index_search that proves every report (--count, the reports pane):\n", REPS);
	printf("| %-20s | %-20s | %8s | %8s | %8s | %13s | %14s |\n", "class", "query", "reports", "p50 ms", "p99 ms",
	       "rank-only p50", "exhaustive p50");
	printf("|----------------------|----------------------|----------|----------|----------|---------------|"
	       "----------------|\n");
	for (size_t k = 0; k < sizeof queries / sizeof queries[0]; k++) {
		double t[REPS], u[REPS], x[REPS];
		size_t total = 0;
		for (int i = 0; i < REPS; i++) {
			double a = now();
			run(&c, ix, queries[k][1], &r, &h, TOP_SNIPPETS);
			t[i] = (now() - a) * 1e3;
			a = now();
			run(&c, ix, queries[k][1], &r, &h, TOP);
			u[i] = (now() - a) * 1e3;
			a = now();
			total = run(&c, ix, queries[k][1], &r, &h, EXHAUSTIVE);
			x[i] = (now() - a) * 1e3;
		}
		qsort(t, REPS, sizeof *t, cmp_d);
		qsort(u, REPS, sizeof *u, cmp_d);
		qsort(x, REPS, sizeof *x, cmp_d);
		/* Chinese is two columns wide: pad by columns, not bytes. */
		printf("| %-20s | %s%*s | %8zu | %8.2f | %8.2f | %13.2f | %14.2f |\n", queries[k][0], queries[k][1],
		       20 - cols(queries[k][1]), "", total, t[REPS / 2], t[(REPS * 99 + 99) / 100 - 1], u[REPS / 2],
		       x[REPS / 2]);
	}
	index_results_fini(&r);
	index_hits_fini(&h);
	index_free(ix);
	corpus_fini(&c);
	return 0;
}
