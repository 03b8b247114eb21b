/* ordered.h — work cut into chunks done on a few threads, each chunk taken and emitted in order: an output in the order of its input, its middle step on every core. */
#ifndef FAZHI_ORDERED_H
#define FAZHI_ORDERED_H

#include <stddef.h>

/* A job of chunks 0, 1, 2, … (how many is take's to say). A worker is caller state that holds one
 * chunk at a time; each runs on a thread of its own (the first on the calling thread) and
 * loops: take the next chunk, work on it, emit it.
 *
 * take and emit run one at a time, never two at once nor one beside the other, in chunk order:
 * take of chunk i runs before take of chunk i + 1, emit of chunk i before emit of i + 1. So they
 * may use what one thread at a time may (a corpus, an index's checks, stdout), and what take does
 * for a chunk is seen by its work and its emit. work runs beside the other workers' work, take
 * and emit, so it must touch nothing but its worker and what no one changes meanwhile. */
struct ordered_ops {
	/* Fills worker w with chunk `chunk`; 0 when there is none left (the job ends). */
	int (*take)(void *arg, void *w, size_t chunk);
	void (*work)(void *arg, void *w);
	void (*emit)(void *arg, void *w);
};

/* Runs the job on up to nworkers threads, workers[k] the state of thread k, and returns when
 * every chunk taken is emitted. A thread that cannot be started leaves its share to the others:
 * the output is the same on any number of threads. */
void ordered_run(const struct ordered_ops *ops, void *arg, void **workers, size_t nworkers);

/* The threads worth using for a job of the cores' kind: the cores online, at most max. */
size_t ordered_threads(size_t max);

#endif
