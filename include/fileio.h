/* fileio.h — reading and writing whole files safely: through short reads and writes and interrupted calls, into directories made as needed, replaced atomically. */
#ifndef FAZHI_FILEIO_H
#define FAZHI_FILEIO_H

#include <stddef.h>
#include <stdint.h>

/* Writes p[0..n) at byte offset `at` of fd (pwrite: the file offset is not moved).
 * Returns 0, or -1 with errno set. */
int fileio_write_at(int fd, const void *p, size_t n, uint64_t at);

/* Bytes written out at once by a chunked writer, at multiples of it: a huge page of x86-64. */
#define FILEIO_CHUNK ((size_t)2 << 20)
/* The same for a file read here and there by few faults at a time: the pages Linux maps around a
 * fault by default (fault_around_bytes). */
#define FILEIO_CHUNK_SMALL ((size_t)64 << 10)

/* A file written in order through a buffer that goes out in whole pieces of its chunk (a power
 * of two up to FILEIO_CHUNK) at offsets that are multiples of it (the first and the last may be
 * shorter). A kernel whose page cache holds a file in large folios makes a folio of each such
 * write, and a fault of a reader's mapping maps the whole folio: a chunk of FILEIO_CHUNK in one
 * fault, with no page table of its own. A search touches pages scattered over a segment: 400
 * random reads of one written a few hundred KB at a time took twice as long. But a reader of
 * many such files at once holds a folio of each mapped where it reads: a merge of 26 segments
 * written in chunks of 2 MB held 132 MB of them, against 41 MB when they were written a few
 * hundred KB at a time. */
struct fileio_chunks {
	int fd;
	size_t chunk;
	unsigned char *buf;   /* chunk bytes, allocated on the first write */
	uint64_t at;          /* offset of buf[0] */
	size_t fill;
	int err;              /* errno of the first write that failed, 0 */
};

void fileio_chunks_start(struct fileio_chunks *w, int fd, size_t chunk);
/* Writes p[0..n) at offset at; a write that does not continue the last one first writes out what
 * is held. Returns 0, or -1 with errno set (then and after, nothing more is written). */
int fileio_chunks_write(struct fileio_chunks *w, const void *p, size_t n, uint64_t at);
/* Writes out what is held and frees the buffer. Returns 0, or -1 with errno set when any write
 * failed. */
int fileio_chunks_finish(struct fileio_chunks *w);

/* Reads n bytes at byte offset `at` of fd into p (pread: the file offset is not moved). Returns 0,
 * or -1 with errno set (EIO when the file ends first). */
int fileio_read_at(int fd, void *p, size_t n, uint64_t at);

/* The whole file at path if it holds at most max bytes, followed by a NUL, its length in *len;
 * NULL when it cannot be read or is larger. Caller frees. */
char *fileio_read_small(const char *path, size_t max, size_t *len);

/* mkdir -p with mode 0700 (the directories fazhi makes hold a user's own state and caches).
 * Returns 0, or -1 with errno set by the mkdir that failed. */
int fileio_make_dirs(const char *dir);

/* Replaces the file `path` by p[0..n) atomically: written to a temporary file beside it, then
 * renamed over it, so a reader sees the old file or the new one, never a part. The directory
 * must exist. Returns 0, or -1 with errno set (the temporary file is removed). */
int fileio_replace(const char *path, const void *p, size_t n);

#endif
