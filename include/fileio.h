/* fileio.h — reading and writing whole files safely: through short reads and writes and interrupted calls, into directories made as needed, replaced atomically. */
#ifndef FAZHI_FILEIO_H
#define FAZHI_FILEIO_H

#include <stddef.h>
#include <stdint.h>

/* Writes p[0..n) at byte offset `at` of fd (pwrite: the file offset is not moved).
 * Returns 0, or -1 with errno set. */
int fileio_write_at(int fd, const void *p, size_t n, uint64_t at);

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
