/* test_31_ordered.c — chunks worked on beside each other come out in order: every chunk taken and emitted once, in order, take and emit never at once, work in parallel, on any number of threads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <stdlib.h>
#include <time.h>

#include "ordered.h"

/* A job of `chunks` chunks; each chunk's work hashes its number, some chunks sleeping first so
 * that they finish out of order. Faults are counted, not asserted: cmocka asserts on the test's
 * thread only. */
struct job {
	size_t chunks;
	size_t takes, emits;      /* calls so far (take and emit run one at a time) */
	int inside;               /* 1 while a take or an emit runs */
	atomic_int working, most_working;
	size_t faults;
	uint64_t *out;            /* out[i]: what chunk i's emit wrote */
};

struct worker {
	size_t chunk;
	uint64_t value;
};

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdull;
	return x ^ (x >> 29);
}

static void enter(struct job *j)
{
	j->faults += j->inside != 0;
	j->inside = 1;
}

static int take(void *arg, void *w, size_t chunk)
{
	struct job *j = arg;
	struct worker *k = w;
	enter(j);
	j->faults += chunk != j->takes;   /* taken in order, none skipped */
	j->takes++;
	k->chunk = chunk;
	j->inside = 0;
	return chunk < j->chunks;
}

static void work(void *arg, void *w)
{
	struct job *j = arg;
	struct worker *k = w;
	int now = atomic_fetch_add(&j->working, 1) + 1;
	int most = atomic_load(&j->most_working);
	while (now > most && !atomic_compare_exchange_weak(&j->most_working, &most, now))
		;
	if (k->chunk % 7 == 3) {
		struct timespec ts = { 0, 1000000 };   /* 1 ms: later chunks finish first */
		nanosleep(&ts, NULL);
	}
	k->value = k->chunk;
	for (int i = 0; i < 1000; i++)
		k->value = mix(k->value + 1);
	atomic_fetch_sub(&j->working, 1);
}

static void emit(void *arg, void *w)
{
	struct job *j = arg;
	const struct worker *k = w;
	enter(j);
	j->faults += k->chunk != j->emits;   /* emitted in order */
	j->out[j->emits++] = k->value;
	j->inside = 0;
}

static const struct ordered_ops ops = { take, work, emit };

static uint64_t expected(size_t chunk)
{
	uint64_t v = chunk;
	for (int i = 0; i < 1000; i++)
		v = mix(v + 1);
	return v;
}

static void run(size_t chunks, size_t nworkers)
{
	struct job j = { .chunks = chunks };
	j.out = calloc(chunks + 1, sizeof *j.out);
	struct worker *w = calloc(nworkers, sizeof *w);
	void **ws = calloc(nworkers, sizeof *ws);
	for (size_t k = 0; k < nworkers; k++)
		ws[k] = &w[k];
	ordered_run(&ops, &j, ws, nworkers);
	assert_int_equal(j.faults, 0);
	assert_int_equal(j.takes, chunks + 1);   /* the last take finds none, once */
	assert_int_equal(j.emits, chunks);
	for (size_t i = 0; i < chunks; i++)
		assert_true(j.out[i] == expected(i));
	if (nworkers > 1 && chunks >= 100)   /* work runs outside the lock, beside other work */
		assert_true(atomic_load(&j.most_working) >= 2);
	free(ws);
	free(w);
	free(j.out);
}

static void test_in_order(void **state)
{
	(void)state;
	static const size_t workers[] = { 1, 2, 3, 8 };
	for (size_t k = 0; k < sizeof workers / sizeof *workers; k++) {
		run(0, workers[k]);
		run(1, workers[k]);
		run(5, workers[k]);
		run(300, workers[k]);
	}
}

static void test_threads(void **state)
{
	(void)state;
	assert_int_equal(ordered_threads(1), 1);
	assert_true(ordered_threads(4) >= 1 && ordered_threads(4) <= 4);
	assert_int_equal(ordered_threads(0), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_order),
		cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
