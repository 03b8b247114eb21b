/* ordered.c — chunks taken and emitted in order, worked on in parallel (ordered.h). */
#include "ordered.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

#include "xmalloc.h"

/* One lock serializes take and emit; `emitted` counts the chunks emitted, so the holder of
 * chunk i waits on `turn` until it is i. */
struct job {
	const struct ordered_ops *ops;
	void *arg;
	pthread_mutex_t lock;
	pthread_cond_t turn;
	size_t taken, emitted;
	int done;
};

struct worker {
	struct job *job;
	void *w;
	pthread_t thread;
	int started;   /* running on a thread of its own */
};

static void *worker_run(void *p)
{
	const struct worker *t = p;
	struct job *j = t->job;
	pthread_mutex_lock(&j->lock);
	while (!j->done) {
		size_t chunk = j->taken;
		if (!j->ops->take(j->arg, t->w, chunk)) {
			j->done = 1;
			break;
		}
		j->taken++;
		pthread_mutex_unlock(&j->lock);
		j->ops->work(j->arg, t->w);
		pthread_mutex_lock(&j->lock);
		while (j->emitted != chunk)
			pthread_cond_wait(&j->turn, &j->lock);
		j->ops->emit(j->arg, t->w);
		j->emitted++;
		pthread_cond_broadcast(&j->turn);
	}
	pthread_mutex_unlock(&j->lock);
	return NULL;
}

void ordered_run(const struct ordered_ops *ops, void *arg, void **workers, size_t nworkers)
{
	struct job j = { .ops = ops, .arg = arg };
	pthread_mutex_init(&j.lock, NULL);
	pthread_cond_init(&j.turn, NULL);
	struct worker *t = xcalloc(nworkers ? nworkers : 1, sizeof *t);
	for (size_t k = 0; k < nworkers; k++) {
		t[k] = (struct worker){ .job = &j, .w = workers[k] };
		if (k > 0)
			t[k].started = pthread_create(&t[k].thread, NULL, worker_run, &t[k]) == 0;
	}
	if (nworkers)
		worker_run(&t[0]);
	for (size_t k = 1; k < nworkers; k++)
		if (t[k].started)
			pthread_join(t[k].thread, NULL);
	free(t);
	pthread_cond_destroy(&j.turn);
	pthread_mutex_destroy(&j.lock);
}

size_t ordered_threads(size_t max)
{
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	size_t n = cpus > 0 ? (size_t)cpus : 1;
	return n < max ? n : max ? max : 1;
}
