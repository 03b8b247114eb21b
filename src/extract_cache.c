/* extract_cache.c — text extracted from published formats, kept in the cache directory so each file is converted once. */
#include "extract_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checksum.h"
#include "fileio.h"
#include "xmalloc.h"

#define MAGIC "FZTEXT01"
#define TEXT_MAX ((uint64_t)1 << 30)

struct entry_head {
	char magic[8];
	uint64_t key, len, sum;
};

uint64_t extract_cache_key(int kind, const char *bytes, size_t n)
{
	uint64_t seed = ((uint64_t)EXTRACT_CACHE_VERSION << 32) | (uint32_t)kind;
	return checksum64(seed, bytes, n);
}

char *extract_cache_path(const char *dir, uint64_t key)
{
	return xasprintf("%s/text/%016llx.txt", dir, (unsigned long long)key);
}

/* Reads exactly n bytes at the file's offset; 0 when all came. */
static int read_all(int fd, void *p, size_t n)
{
	unsigned char *c = p;
	while (n) {
		ssize_t got = read(fd, c, n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		c += got;
		n -= (size_t)got;
	}
	return 0;
}

static int read_entry(int fd, uint64_t key, char **text, size_t *len)
{
	struct entry_head h;
	struct stat st;
	if (fstat(fd, &st) < 0 || read_all(fd, &h, sizeof h) < 0)
		return -1;
	if (memcmp(h.magic, MAGIC, 8) != 0 || h.key != key || h.len > TEXT_MAX ||
	    (uint64_t)st.st_size != sizeof h + h.len)
		return -1;
	char *t = xmalloc(h.len + 1);
	if (read_all(fd, t, h.len) < 0 || checksum64(key, t, h.len) != h.sum) {
		free(t);
		return -1;
	}
	t[h.len] = '\0';
	*text = t;
	*len = h.len;
	return 0;
}

int extract_cache_get(const char *dir, uint64_t key, char **text, size_t *len)
{
	char *path = extract_cache_path(dir, key);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	int r = -1;
	if (fd >= 0) {
		r = read_entry(fd, key, text, len);
		if (r == 0)
			futimens(fd, NULL);   /* used now: not to be pruned */
		close(fd);
		if (r < 0)
			unlink(path);
	}
	free(path);
	return r;
}

int extract_cache_put(const char *dir, uint64_t key, const char *text, size_t len)
{
	char *sub = xasprintf("%s/text", dir), *path = extract_cache_path(dir, key);
	struct entry_head h = { MAGIC, key, len, checksum64(key, text, len) };
	char *bytes = xmalloc(sizeof h + len);
	memcpy(bytes, &h, sizeof h);
	memcpy(bytes + sizeof h, text, len);
	int r = fileio_make_dirs(sub) == 0 ? fileio_replace(path, bytes, sizeof h + len) : -1;
	free(bytes);
	free(path);
	free(sub);
	return r;
}
