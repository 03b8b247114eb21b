/* index_cache.c — the index persisted under the cache directory: keyed on the corpus, checked, mapped read-only, written atomically under a lock. */
#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"

/* A reader never sees a half-written file: the writer writes a temporary file beside it and
 * renames it over the old one, and a mapped file is never changed in place. The lock only
 * keeps two writers from building the same cache at once; a second writer waits, then finds
 * the first one's file valid and keeps it. */

static uint64_t mix(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001B3ull;
	return h;
}

char *index_cache_dir(void)
{
	const char *x = getenv("XDG_CACHE_HOME");
	if (x && x[0] == '/')
		return xasprintf("%s/fazhi", x);
	const char *home = getenv("HOME");
	if (home && home[0])
		return xasprintf("%s/.cache/fazhi", home);
	return NULL;
}

/* What makes a cache valid for this corpus: every path with its size and mtime (or, for an
 * embedded report, its text), and what the parser made of it (length and body). */
static uint64_t corpus_key(const struct corpus *c)
{
	uint64_t h = mix(0xCBF29CE484222325ull, &c->n, sizeof c->n);
	for (size_t i = 0; i < c->n; i++) {
		const struct report *r = c->reports[i];
		struct stat st;
		h = mix(h, r->path, strlen(r->path) + 1);
		if (strncmp(r->path, "embedded:", 9) != 0 && stat(r->path, &st) == 0) {
			int64_t v[3] = { (int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec };
			h = mix(h, v, sizeof v);
		} else {
			h = mix(h, r->text, r->len);
		}
		size_t v[4] = { r->len, r->body_start, r->body_end, r->nsections };
		h = mix(h, v, sizeof v);
	}
	return h | 1;   /* never 0, the key of an unsaved index */
}

char *index_cache_path(const struct corpus *c, const char *dir)
{
	uint64_t h = mix(0x84222325CBF29CE4ull, &c->n, sizeof c->n);
	for (size_t i = 0; i < c->n; i++)
		h = mix(h, c->reports[i]->path, strlen(c->reports[i]->path) + 1);
	return xasprintf("%s/index-%016llx.bin", dir, (unsigned long long)h);
}

static void release_map(const void *data, size_t len)
{
	munmap((void *)data, len);
}

/* The index in the file at path if it is valid for this corpus, else NULL with *cause. */
static struct index *load(const struct corpus *c, const char *path, uint64_t key, char **cause)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			*cause = xasprintf("cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	void *map = MAP_FAILED;
	if (fstat(fd, &st) == 0 && st.st_size > 0)
		map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		*cause = xstrdup("index file empty or unreadable");
		return NULL;
	}
	struct index *ix = index_from_blob(map, (size_t)st.st_size, key, release_map, cause);
	if (!ix) {
		munmap(map, (size_t)st.st_size);
		return NULL;
	}
	int same = index_nreports(ix) == c->n;
	for (size_t i = 0; same && i < c->n; i++) {
		struct index_info in;
		index_info(ix, i, &in);
		same = in.path_len == strlen(c->reports[i]->path) && memcmp(in.path, c->reports[i]->path, in.path_len) == 0;
	}
	if (!same) {
		*cause = xstrdup("index of another corpus");
		index_free(ix);
		return NULL;
	}
	return ix;
}

static int make_dirs(const char *dir)
{
	char *p = xstrdup(dir);
	for (char *s = strchr(p + 1, '/');; s = strchr(s + 1, '/')) {
		if (s)
			*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			free(p);
			return -1;
		}
		if (!s)
			break;
		*s = '/';
	}
	free(p);
	return 0;
}

static int write_all(int fd, const unsigned char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int save(const struct index *ix, const char *path, char **cause)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	size_t len;
	const unsigned char *blob = index_blob(ix, &len);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int ok = fd >= 0 && write_all(fd, blob, len) == 0;
	if (fd >= 0 && close(fd) < 0)
		ok = 0;
	if (ok && rename(tmp, path) < 0)
		ok = 0;
	if (!ok) {
		*cause = xasprintf("cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ok ? 0 : -1;
}

struct index *index_open(const struct corpus *c, const char *dir, const struct index_progress *progress,
                         char **notice)
{
	*notice = NULL;
	if (!dir)
		return index_build(c, progress);
	char *path = index_cache_path(c, dir), *lockpath = NULL, *cause = NULL;
	uint64_t key = corpus_key(c);
	struct index *ix = load(c, path, key, &cause);
	if (ix)
		goto done;
	if (make_dirs(dir) < 0) {
		*notice = xasprintf("index cache %s: %s; the index is not saved", dir, strerror(errno));
		ix = index_build(c, progress);
		goto done;
	}
	lockpath = xasprintf("%s.lock", path);
	int lock = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (lock >= 0)
		flock(lock, LOCK_EX);
	char *again = NULL;
	ix = lock >= 0 ? load(c, path, key, &again) : NULL;   /* another instance may have just written it */
	free(again);
	if (!ix) {
		ix = index_build(c, progress);
		index_set_key(ix, key);
		char *werr = NULL;
		if (save(ix, path, &werr) < 0) {
			*notice = xasprintf("index cache: %s", werr);
			free(werr);
		} else if (cause) {
			*notice = xasprintf("index cache %s: %s; rebuilt", path, cause);
		}
	}
	if (lock >= 0)
		close(lock);   /* releases the lock */
done:
	free(cause);
	free(path);
	free(lockpath);
	return ix;
}
