/* bench_trend.c — CPU speed of trend_build (grouping, classification, facts, alignment) and of the sentence alignment alone, on a corpus that repeats districts across years. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "align.h"
#include "classify.h"
#include "corpus.h"
#include "facts.h"
#include "trend.h"

/* Each figure repeats its work until this much CPU time has passed, so short runs still count. */
#define MIN_SECONDS 0.5

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* What a trend holds: regions, the reports in them, parts aligned and their mean share. */
static void describe(const struct trend *t)
{
	size_t reports = 0, repeats = 0, sentences = 0;
	double share = 0;
	for (size_t i = 0; i < t->n; i++) {
		reports += t->regions[i].nreports;
		for (size_t k = 0; k < t->regions[i].nrepeats; k++) {
			share += align_share(&t->regions[i].repeats[k].result);
			sentences += t->regions[i].repeats[k].result.n;
		}
		repeats += t->regions[i].nrepeats;
	}
	printf("  %zu regions, %zu reports in them, %zu parts aligned with the year before (mean share %.2f,"
	       " %zu repeated sentences)\n", t->n, reports, repeats, repeats ? share / (double)repeats : 0, sentences);
}

static void bench_build(const char *name, struct corpus *co, const struct classify_model *cm,
			const struct facts_model *fm)
{
	size_t rounds = 0;
	double start = cpu_now(), spent;
	struct trend t;
	do {
		trend_build(&t, co->reports, co->n, cm, fm, NULL);
		if ((spent = cpu_now() - start) < MIN_SECONDS)
			trend_fini(&t);
		rounds++;
	} while (spent < MIN_SECONDS);
	double per = spent / rounds;
	printf("  trend_build    %-14s %6zu reports  %9.1f ms/pass  %7.3f ms/report  (%zu passes)\n", name, co->n,
	       per * 1e3, per * 1e3 / (double)co->n, rounds);
	describe(&t);
	/* The alignment alone: every part of every year against the year before. */
	size_t aligned = 0;
	struct align_result r = { 0 };
	rounds = 0, start = cpu_now();
	do {
		for (size_t i = 0; i < t.n; i++)
			for (size_t k = 0; k < t.regions[i].nrepeats; k++) {
				const struct trend_repeat *rp = &t.regions[i].repeats[k];
				align_texts(trend_part(&t.regions[i], rp->report, rp->part),
					    trend_part(&t.regions[i], rp->from, rp->part), &r);
				aligned++;
			}
		rounds++;
	} while ((spent = cpu_now() - start) < MIN_SECONDS);
	printf("  align_texts    %-14s %6zu parts    %9.1f ms/pass  %7.3f ms/part\n", name, aligned / rounds,
	       spent / rounds * 1e3, aligned ? spent * 1e3 / (double)aligned : 0);
	align_result_fini(&r);
	trend_fini(&t);
}

int main(int argc, char **argv)
{
	char *cause = NULL;
	const struct facts_model *fm = facts_default(&cause);
	const struct classify_model *cm = fm ? classify_default(&cause) : NULL;
	if (!cm) {
		fprintf(stderr, "bench_trend: %s\n", cause);
		free(cause);
		return 1;
	}
	printf("fazhi trend, CPU time per pass (reports read beforehand), repeated for at least %.1f s:\n", MIN_SECONDS);
	for (int i = 1; i < argc; i++) {
		struct corpus co;
		corpus_init(&co);
		double start = cpu_now();
		for (; i < argc && strcmp(argv[i], "--") != 0; i++)
			corpus_add_path(&co, argv[i]);
		double read = cpu_now() - start;
		if (co.n) {
			printf("  reading        %-14s %6zu reports  %9.1f ms\n", "", co.n, read * 1e3);
			bench_build(co.n > 100 ? "generated" : "putuo 2021-22", &co, cm, fm);
		}
		corpus_fini(&co);
	}
	facts_default_free();
	classify_default_free();
	return 0;
}
