/* fileio.c — reading and writing whole files safely: short reads and writes, mkdir -p, atomic replacement. */
#include "fileio.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "xmalloc.h"

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

void fileio_chunks_start(struct fileio_chunks *w, int fd, size_t chunk)
{
	*w = (struct fileio_chunks){ .fd = fd, .chunk = chunk };
}

/* Writes p[0..n) at w->at and moves w->at past them, unless a write failed before; a failure is
 * kept in w->err. */
static void chunks_put(struct fileio_chunks *w, const void *p, size_t n)
{
	if (!w->err && n && fileio_write_at(w->fd, p, n, w->at) < 0)
		w->err = errno ? errno : EIO;
	w->at += n;
}

/* Writes out what is held. */
static void chunks_flush(struct fileio_chunks *w)
{
	chunks_put(w, w->buf, w->fill);
	w->fill = 0;
}

/* 0, or -1 with errno the first failure's. */
static int chunks_status(const struct fileio_chunks *w)
{
	if (w->err)
		errno = w->err;
	return w->err ? -1 : 0;
}

int fileio_chunks_write(struct fileio_chunks *w, const void *p, size_t n, uint64_t at)
{
	const unsigned char *c = p;
	if (!w->err && at != w->at + w->fill) {   /* a jump: what is held goes out first */
		chunks_flush(w);
		w->at = at;
	}
	while (n && !w->err) {
		size_t room = w->chunk - (size_t)(w->at % w->chunk) - w->fill;
		if (!w->fill && n >= room) {   /* from the caller's bytes: nothing to gather */
			size_t whole = room + (n - room) / w->chunk * w->chunk;
			chunks_put(w, c, whole);
			c += whole, n -= whole;
			continue;
		}
		if (!w->buf)
			w->buf = xmalloc(w->chunk);
		size_t k = n < room ? n : room;
		memcpy(w->buf + w->fill, c, k);
		w->fill += k, c += k, n -= k;
		if (k == room)
			chunks_flush(w);
	}
	return chunks_status(w);
}

int fileio_chunks_finish(struct fileio_chunks *w)
{
	chunks_flush(w);
	free(w->buf);
	w->buf = NULL;
	return chunks_status(w);
}

int fileio_read_at(int fd, void *p, size_t n, uint64_t at)
{
	unsigned char *c = p;
	while (n) {
		ssize_t r = pread(fd, c, n, (off_t)at);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0) {   /* the file ends before the bytes asked for */
			errno = EIO;
			return -1;
		}
		c += r;
		n -= (size_t)r;
		at += (uint64_t)r;
	}
	return 0;
}

char *fileio_read_small(const char *path, size_t max, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return NULL;
	char *p = NULL;
	size_t n = 0;
	if (fstat(fd, &st) == 0 && st.st_size >= 0 && (uintmax_t)st.st_size <= max) {
		size_t want = (size_t)st.st_size;
		p = xmalloc(want + 1);
		while (n < want) {   /* a file that shrank meanwhile is read as it is */
			ssize_t got = read(fd, p + n, want - n);
			if (got < 0 && errno == EINTR)
				continue;
			if (got <= 0)
				break;
			n += (size_t)got;
		}
		p[n] = '\0';
	}
	close(fd);
	*len = n;
	return p;
}

int fileio_make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	int r = 0;
	for (char *s = p + 1; r == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char end = *s;
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST)
			r = -1;
		*s = end;
		if (end == '\0')
			break;
	}
	int err = errno;
	free(p);
	errno = err;
	return r;
}

int fileio_replace(const char *path, const void *p, size_t n)
{
	char *tmp = xasprintf("%s.XXXXXX.tmp", path);
	int fd = mkstemps(tmp, 4);
	if (fd < 0) {
		int err = errno;
		free(tmp);
		errno = err;
		return -1;
	}
	int r = fileio_write_at(fd, p, n, 0);
	int err = errno;
	if (close(fd) != 0 && r == 0)
		r = -1, err = errno;
	if (r == 0 && rename(tmp, path) != 0)
		r = -1, err = errno;
	if (r != 0)
		unlink(tmp);
	free(tmp);
	errno = err;
	return r;
}
