/* fileio.c — writing whole buffers to files, through short writes and interrupted calls. */
#include "fileio.h"

#include <errno.h>
#include <sys/types.h>
#include <unistd.h>

int fileio_write_at(int fd, const void *p, size_t n, uint64_t at)
{
	const unsigned char *c = p;
	while (n) {
		ssize_t w = pwrite(fd, c, n, (off_t)at);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		if (w == 0) {
			errno = EIO;
			return -1;
		}
		c += w;
		n -= (size_t)w;
		at += (uint64_t)w;
	}
	return 0;
}
