/* index_merge.h — merges segment blobs into one by streaming their postings: no report is read or folded again. */
#ifndef FAZHI_INDEX_MERGE_H
#define FAZHI_INDEX_MERGE_H

#include <stddef.h>
#include <stdint.h>

#include "index.h"

#define MERGE_LEFT_OUT UINT32_MAX

/* One segment to merge: its blob, whose checksums have passed, and where each of its reports goes. */
struct index_merge_input {
	const unsigned char *blob;
	size_t size;
	const uint32_t *to;   /* per report: its number in the merged segment, or MERGE_LEFT_OUT (deleted) */
	int mapped;           /* a file mapped read-only: pages the merge has read may be let go */
};

/* Lets go of the whole pages within p[0..n) of a read-only file mapping: they stay in the page
 * cache, but are no longer the process's, so a merge's memory does not grow with what it reads. */
void index_merge_let_go(const void *p, size_t n);

/* Writes to fd the blob of one segment holding the reports of in[0..nin) that are not left out,
 * numbered 0..ndocs-1 as their `to` say (each number given once; the reports of each input in
 * their own order): the segment a build of those reports in that order would make, the same
 * reports, metadata, newlines and postings, its words numbered in the order of their strings.
 * It is written as index_build_write writes one (key in its head, sealed, each block-byte piece
 * of the postings shown to block_fn(arg, its number, bytes, length)); progress->merging (progress
 * and it may be NULL) is told the bytes of the inputs' postings read, each read twice. Memory holds the tables
 * and one key's postings at a time, never the whole postings, but for the small keys a few threads
 * merge at once, in chunks of about INDEX_MERGE_CHUNK bytes of postings each; a key of more than
 * INDEX_MERGE_BIG bytes is merged alone. Returns the blob's size, or 0 with *cause (caller frees)
 * when a write failed, an input's tables do not hold together, or a key merged would reach
 * INDEX_KEY_BYTES of postings (the inputs are then left as they are: nothing of them is lost). */
#define INDEX_MERGE_CHUNK ((size_t)256 << 10)
#define INDEX_MERGE_BIG ((size_t)1 << 20)
uint64_t index_merge_write(const struct index_merge_input *in, size_t nin, size_t ndocs, uint64_t key, int fd,
                           size_t block, void (*block_fn)(void *arg, uint64_t n, const unsigned char *p, size_t len),
                           void *arg, const struct index_progress *progress, char **cause);

/* For tests: the chunk and big-key sizes above, and the bytes a key merged must stay below (0
 * restores each). */
void index_merge_tuning(size_t chunk, size_t big, uint64_t key_bytes);

#endif
