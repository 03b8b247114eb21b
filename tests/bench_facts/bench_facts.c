/* bench_facts.c — CPU speed of parse_report, facts_extract, classify_report_with, compare_build and of parsing, classifying and extracting together, on the samples and on a corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "classify.h"
#include "compare.h"
#include "corpus.h"
#include "facts.h"
#include "parse.h"
#include "report.h"

/* Each figure repeats its work until this much CPU time has passed, so short runs still count. */
#define MIN_SECONDS 0.5

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

enum work { PARSE, FACTS, CLASSIFY, COMPARE, PIPELINE };

static const char *const work_names[] = { "parse_report", "facts_extract", "classify_report_with",
                                          "compare_build", "parse+classify+facts" };

/* A fresh parse of report k's text (the parser takes ownership of a copy, as the loader's). */
static struct report *reparse(const struct report *r)
{
	char *text = malloc(r->len + 1);
	if (!text)
		abort();
	memcpy(text, r->text, r->len + 1);
	return parse_report(text, r->len, r->path);
}

/* One pass of the work over every report; returns the facts found (FACTS) or rows built (COMPARE). */
static size_t pass(enum work w, const struct corpus *co, const struct facts_model *fm,
		   const struct classify_model *cm, struct facts *f)
{
	size_t count = 0;
	if (w == COMPARE) {
		/* Groups of four, as many as the compare view shows at once. */
		for (size_t k = 0; k + 1 < co->n; k += 4) {
			struct compare c;
			size_t n = co->n - k < 4 ? co->n - k : 4;
			compare_build(&c, co->reports + k, n, cm);
			count += c.nrows;
			compare_fini(&c);
		}
		return count;
	}
	for (size_t k = 0; k < co->n; k++) {
		if (w == PARSE || w == PIPELINE) {
			struct report *r = reparse(co->reports[k]);
			if (w == PIPELINE) {
				classify_report_with(cm, r, NULL);
				f->n = 0;
				count += facts_extract(fm, r, f);
			}
			report_free(r);
			continue;
		}
		if (w == CLASSIFY) {
			classify_report_with(cm, co->reports[k], NULL);
			continue;
		}
		f->n = 0;
		count += facts_extract(fm, co->reports[k], f);
	}
	return count;
}

static void bench(const char *name, enum work w, const struct corpus *co, const struct facts_model *fm,
		  const struct classify_model *cm)
{
	size_t bytes = 0;
	for (size_t k = 0; k < co->n; k++)
		bytes += co->reports[k]->len;
	struct facts f = { 0 };
	size_t rounds = 0, count = 0;
	double start = cpu_now(), spent;
	do {
		count = pass(w, co, fm, cm, &f);
		rounds++;
		spent = cpu_now() - start;
	} while (spent < MIN_SECONDS);
	facts_fini(&f);
	double per = spent / rounds;
	printf("  %-21s %-14s %5zu reports %8.1f KB  %9.2f ms/pass %8.1f MB/s", work_names[w], name, co->n,
	       bytes / 1e3, per * 1e3, bytes / 1e6 / per);
	if (w == FACTS || w == PIPELINE)
		printf("  %zu facts", count);
	else if (w == COMPARE)
		printf("  %zu rows", count);
	printf("  (%zu passes)\n", rounds);
}

static void bench_all(const char *name, const struct corpus *co, const struct facts_model *fm,
		      const struct classify_model *cm)
{
	for (enum work w = PARSE; w <= PIPELINE; w++)
		bench(name, w, co, fm, cm);
}

int main(int argc, char **argv)
{
	char *cause = NULL;
	const struct facts_model *fm = facts_default(&cause);
	const struct classify_model *cm = fm ? classify_default(&cause) : NULL;
	if (!cm) {
		fprintf(stderr, "bench_facts: %s\n", cause);
		free(cause);
		return 1;
	}
	struct corpus co;
	corpus_init(&co);
	corpus_add_embedded(&co);
	printf("CPU time per pass, repeated for at least %.1f s (MB/s of report text):\n", MIN_SECONDS);
	bench_all("samples", &co, fm, cm);
	corpus_fini(&co);
	for (int i = 1; i < argc; i++) {
		corpus_init(&co);
		corpus_add_path(&co, argv[i]);
		const char *base = strrchr(argv[i], '/');
		if (co.n)
			bench_all(base && base[1] ? base + 1 : argv[i], &co, fm, cm);
		else
			printf("  %s: no reports loaded\n", argv[i]);
		corpus_fini(&co);
	}
	facts_default_free();
	classify_default_free();
	return 0;
}
