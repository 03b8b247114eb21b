/* fileio.h — writing whole buffers to files, through short writes and interrupted calls. */
#ifndef FAZHI_FILEIO_H
#define FAZHI_FILEIO_H

#include <stddef.h>
#include <stdint.h>

/* Writes p[0..n) at byte offset `at` of fd (pwrite: the file offset is not moved).
 * Returns 0, or -1 with errno set. */
int fileio_write_at(int fd, const void *p, size_t n, uint64_t at);

#endif
