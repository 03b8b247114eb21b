/* index_cache.c — the index persisted under the cache directory: keyed on the corpus, checked, mapped read-only, written atomically under a lock. */
#include "index.h"

#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "index_blob.h"
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

/* The file is the blob (index_blob.h) followed by a trailer of this file's own, so that opening
 * it reads only what the first frame needs:
 *   blob | pad to 8 | struct trailer | sums[nblocks] | notes | u64 offset of the trailer
 * The trailer's checksum covers the blob outside its postings (head, docs, keys, words, pool,
 * lines: about 1% of the file) and the trailer itself; it is checked at open. The postings are
 * cut into BLOCK-byte blocks, each with its own checksum, checked the first time a search reads
 * a key in it (index_check). The notes are the messages the build met loading the reports
 * (entry, skipped, reason), given back to the corpus when the cache is used, since the files
 * are then not read. */
#define BLOCK ((uint64_t)1 << 20)
#define TRAILER_MAGIC "FAZHILZ1"

struct trailer {
	char magic[8];
	uint64_t blob_size, block, nblocks, notes_len, sum;
};

struct note {   /* followed by len bytes of reason */
	uint32_t entry, skipped, len, pad;
};

static uint64_t checksum(uint64_t seed, const unsigned char *p, size_t n)
{
	/* Eight independent lanes keep the multipliers busy. */
	uint64_t h[8];
	const uint64_t m = 0xFF51AFD7ED558CCDull;
	for (int l = 0; l < 8; l++)
		h[l] = seed + 0x9E3779B97F4A7C15ull * (uint64_t)(l + 1);
	size_t i = 0;
	for (; i + 64 <= n; i += 64)
		for (int l = 0; l < 8; l++) {
			uint64_t w;
			memcpy(&w, p + i + 8 * l, 8);
			h[l] = (h[l] ^ w) * m;
			h[l] ^= h[l] >> 29;
		}
	uint64_t r = n ^ seed;
	for (; i < n; i++)
		r = (r ^ p[i]) * 0x100000001B3ull;
	for (int l = 0; l < 8; l++)
		r = (r ^ h[l]) * m, r ^= r >> 31;
	return r;
}

/* What makes a cache valid for this corpus, known without reading a report: the formats, and
 * every path with the size and mtime stat gave (or, for an input that is not a regular file,
 * its text, read already), and what stat gave of each directory's fazhi-meta.tsv. */
static uint64_t corpus_key(struct corpus *c)
{
	uint64_t v[3] = { c->n, BLOB_VERSION, BLOCK };
	uint64_t h = mix(0xCBF29CE484222325ull, v, sizeof v);
	for (size_t i = 0; i < c->n; i++) {
		const struct corpus_file *f = &c->files[i];
		h = mix(h, f->path, strlen(f->path) + 1);
		if (f->size >= 0) {
			int64_t st[2] = { f->size, f->mtime_ns };
			h = mix(h, st, sizeof st);
		} else {
			const struct report *r = corpus_load(c, i);
			h = mix(h, r->text, r->len);
		}
	}
	for (size_t i = 0; i < c->nfixes; i++) {   /* hand corrections of the metadata */
		const struct corpus_fixes *f = &c->fixes[i];
		int64_t st[2] = { f->size, f->mtime_ns };
		h = mix(h, f->dir, strlen(f->dir) + 1);
		h = mix(h, st, sizeof st);
	}
	return h | 1;   /* never 0, the key of an unsaved index */
}

char *index_cache_path(const struct corpus *c, const char *dir)
{
	uint64_t h = mix(0x84222325CBF29CE4ull, &c->n, sizeof c->n);
	for (size_t i = 0; i < c->n; i++)
		h = mix(h, corpus_path(c, i), strlen(corpus_path(c, i)) + 1);
	return xasprintf("%s/index-%016llx.bin", dir, (unsigned long long)h);
}

/* A mapped cache file and what of its postings has been checked. */
struct mapped {
	const unsigned char *map;
	size_t len;
	const unsigned char *post;
	const uint64_t *sums;
	uint64_t post_len, nblocks;
	unsigned char *checked;   /* per block: 1 checked */
	char *path;               /* the file, removed when found damaged */
	dev_t dev;
	ino_t ino;
	char *damage;             /* NULL while intact */
};

static void mapped_free(void *arg)
{
	struct mapped *m = arg;
	munmap((void *)m->map, m->len);
	free(m->checked);
	free(m->path);
	free(m->damage);
	free(m);
}

static int check_postings(void *arg, uint64_t off, uint64_t len)
{
	struct mapped *m = arg;
	if (m->damage)
		return -1;
	if (len == 0)
		return 0;
	for (uint64_t b = off / BLOCK; b <= (off + len - 1) / BLOCK && b < m->nblocks; b++) {
		if (m->checked[b])
			continue;
		uint64_t n = m->post_len - b * BLOCK < BLOCK ? m->post_len - b * BLOCK : BLOCK;
		if (checksum(b, m->post + b * BLOCK, n) != m->sums[b]) {
			m->damage = xstrdup("index file corrupt (checksum of the postings)");
			/* Never trusted again: the next index_open rebuilds it. Only this very file is
			 * removed, not one another instance has just written in its place. */
			struct stat st;
			if (stat(m->path, &st) == 0 && st.st_dev == m->dev && st.st_ino == m->ino)
				unlink(m->path);
			return -1;
		}
		m->checked[b] = 1;
	}
	return 0;
}

int index_intact(const struct index *ix, const char **cause)
{
	const struct mapped *m = index_check_arg(ix);
	if (cause)
		*cause = m ? m->damage : NULL;
	return !m || !m->damage;
}

/* The trailer of a mapped file, checked; NULL with *cause. */
static const struct trailer *find_trailer(const unsigned char *p, size_t size, char **cause)
{
	const struct head *h = (const void *)p;
	if (size < sizeof *h || memcmp(h->magic, BLOB_MAGIC, 8) != 0) {
		*cause = xstrdup("not an index file");
		return NULL;
	}
	if (h->version != BLOB_VERSION || h->endian != 0x01020304) {
		*cause = xstrdup("index file of another version");
		return NULL;
	}
	/* The trailer follows the blob, whose size the head gives: a file too short for both was
	 * cut; one long enough whose trailer is not where it must be was damaged. */
	uint64_t at = (h->size + 7) / 8 * 8, where;
	if (h->size > size || size - h->size < 8 + sizeof(struct trailer) + (at - h->size)) {
		*cause = xstrdup("index file truncated");
		return NULL;
	}
	memcpy(&where, p + size - 8, 8);
	const struct trailer *t = (const void *)(p + at);
	uint64_t room = size - 8 - at - sizeof *t;
	if (where != at || memcmp(t->magic, TRAILER_MAGIC, 8) != 0 || t->blob_size != h->size || t->block != BLOCK
	    || h->post_off > h->size || h->post_len > h->size - h->post_off
	    || t->nblocks != (h->post_len + BLOCK - 1) / BLOCK
	    || t->nblocks > room / 8 || t->notes_len != room - 8 * t->nblocks) {
		*cause = xstrdup("index file corrupt (checksum of the trailer)");
		return NULL;
	}
	return t;
}

/* Checksum of everything but the postings, the trailer's sum read as 0. */
static uint64_t seal(const unsigned char *p, size_t size, uint64_t at)
{
	const struct head *h = (const void *)p;
	struct trailer t;
	memcpy(&t, p + at, sizeof t);
	t.sum = 0;
	uint64_t post_end = h->post_off + h->post_len;
	uint64_t r = checksum(1, p, h->post_off);
	r ^= checksum(r, p + post_end, at - post_end);
	r ^= checksum(r, (const unsigned char *)&t, sizeof t);
	return r ^ checksum(r, p + at + sizeof t, size - at - sizeof t);
}

/* Gives the corpus the messages the build met, unless it has them already. */
static int take_notes(struct corpus *c, const unsigned char *p, size_t len)
{
	size_t at = 0;
	while (at < len) {
		struct note n;
		if (len - at < sizeof n)
			return -1;
		memcpy(&n, p + at, sizeof n);
		at += sizeof n;
		if (n.len > len - at || n.entry >= c->n)
			return -1;
		if (!c->files[n.entry].noted) {
			char *reason = xstrndup((const char *)p + at, n.len);
			corpus_note(c, n.entry, reason, n.skipped != 0);
			free(reason);
		}
		at += (n.len + 7) & ~(size_t)7;
	}
	return 0;
}

/* The index in the file at path if it is valid for this corpus, else NULL with *cause. */
static struct index *load(struct corpus *c, const char *path, uint64_t key, char **cause)
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
	size_t size = (size_t)st.st_size;
	const unsigned char *p = map;
	const struct trailer *t = find_trailer(p, size, cause);
	uint64_t at = t ? (uint64_t)((const unsigned char *)t - p) : 0;
	if (t && seal(p, size, at) != t->sum)
		*cause = xstrdup("index file corrupt (checksum)");
	if (*cause) {
		munmap(map, size);
		return NULL;
	}
	struct mapped *m = xcalloc(1, sizeof *m);
	*m = (struct mapped){ p, size, p + ((const struct head *)p)->post_off, (const uint64_t *)(t + 1),
	                      ((const struct head *)p)->post_len, t->nblocks, xcalloc(t->nblocks + 1, 1),
	                      xstrdup(path), st.st_dev, st.st_ino, NULL };
	struct index_check check = { check_postings, mapped_free, m };
	struct index *ix = index_from_blob_checked(map, t->blob_size, key, &check, NULL, cause);
	if (!ix) {
		mapped_free(m);
		return NULL;
	}
	int same = index_nreports(ix) == c->n;
	for (size_t i = 0; same && i < c->n; i++) {
		struct index_info in;
		index_info(ix, i, &in);
		const char *cp = corpus_path(c, i);
		same = in.path_len == strlen(cp) && memcmp(in.path, cp, in.path_len) == 0;
	}
	if (!same)
		*cause = xstrdup("index of another corpus");
	else if (take_notes(c, (const unsigned char *)(m->sums + m->nblocks), t->notes_len) < 0)
		*cause = xstrdup("index file corrupt (notes)");
	if (*cause) {
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

/* The checksums of the postings' blocks, as the builder writes them out. */
struct sums {
	uint64_t *v;
	size_t n, cap;
};

static void add_sum(void *arg, uint64_t b, const unsigned char *p, size_t n)
{
	struct sums *s = arg;
	s->v = xgrow(s->v, &s->cap, (size_t)b + 1, sizeof *s->v);
	s->v[b] = checksum(b, p, n);
	s->n = (size_t)b + 1;
}

/* The trailer of a blob for this corpus (see above), sealed, in out. */
static void make_trailer(const unsigned char *blob, size_t len, const struct corpus *c, const struct sums *s,
                         struct buf *out)
{
	const struct head *h = (const void *)blob;
	static const unsigned char zero[8];
	size_t pad = (8 - len % 8) % 8;
	buf_add(out, zero, pad);
	struct trailer t = { TRAILER_MAGIC, len, BLOCK, (h->post_len + BLOCK - 1) / BLOCK, 0, 0 };
	buf_add(out, &t, sizeof t);
	buf_add(out, s->v, t.nblocks * sizeof *s->v);
	size_t notes = out->len;
	for (size_t i = 0; i < c->nmsgs; i++) {
		const struct corpus_msg *msg = &c->msgs[i];
		if (msg->entry < 0)
			continue;
		struct note n = { (uint32_t)msg->entry, (uint32_t)msg->skipped, (uint32_t)strlen(msg->reason), 0 };
		buf_add(out, &n, sizeof n);
		buf_add(out, msg->reason, n.len);
		buf_add(out, zero, (8 - n.len % 8) % 8);
	}
	t.notes_len = out->len - notes;
	memcpy(out->data + pad, &t, sizeof t);
	uint64_t where = len + pad;
	buf_add(out, &where, sizeof where);
	/* The seal covers the blob outside its postings and the trailer as written. */
	uint64_t post_end = h->post_off + h->post_len;
	uint64_t r = checksum(1, blob, h->post_off);
	struct buf gap;   /* from the end of the postings to the trailer: blob tail and padding */
	buf_init(&gap);
	buf_add(&gap, blob + post_end, len - post_end);
	buf_add(&gap, zero, pad);
	r ^= checksum(r, (const unsigned char *)gap.data, gap.len);
	r ^= checksum(r, (const unsigned char *)out->data + pad, sizeof t);
	r ^= checksum(r, (const unsigned char *)out->data + pad + sizeof t, out->len - pad - sizeof t);
	memcpy(out->data + pad + offsetof(struct trailer, sum), &r, sizeof r);
	buf_fini(&gap);
}

/* Builds the index of c straight into a temporary file, adds the trailer and renames it to
 * path; 0, or -1 with *cause. */
static int build_file(struct corpus *c, const char *path, uint64_t key, const struct index_progress *progress,
                      char **cause)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		*cause = xasprintf("cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	struct sums s = { 0 };
	char *why = NULL;
	uint64_t len = index_build_write(c, progress, key, fd, BLOCK, add_sum, &s, &why);
	void *map = len ? mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
	int ok = map != MAP_FAILED;
	if (ok) {
		struct buf tail;
		buf_init(&tail);
		make_trailer(map, len, c, &s, &tail);
		munmap(map, len);
		ok = fileio_write_at(fd, tail.data, tail.len, (uint64_t)len) == 0;
		buf_fini(&tail);
	}
	if (close(fd) < 0)
		ok = 0;
	if (ok && rename(tmp, path) < 0)
		ok = 0;
	if (!ok) {
		*cause = xasprintf("cannot write %s: %s", path, why ? why : strerror(errno));
		unlink(tmp);
	}
	free(why);
	free(s.v);
	free(tmp);
	return ok ? 0 : -1;
}

struct index *index_open(struct corpus *c, const char *dir, const struct index_progress *progress,
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
		/* Written to the file as it is laid out, then mapped from it like any cache file. */
		char *werr = NULL;
		if (build_file(c, path, key, progress, &werr) == 0)
			ix = load(c, path, key, &werr);
		if (!ix) {   /* the file could not be made or read back: the index in memory */
			*notice = xasprintf("index cache: %s", werr ? werr : "not saved");
			ix = index_build(c, progress);
			index_set_key(ix, key);
		} else if (cause) {
			*notice = xasprintf("index cache %s: %s; rebuilt", path, cause);
		}
		free(werr);
	}
	if (lock >= 0)
		close(lock);   /* releases the lock */
done:
	free(cause);
	free(path);
	free(lockpath);
	return ix;
}

struct index *index_reopen(struct index *ix, struct corpus *c, const char *dir, const struct index_progress *progress,
                           char **notice)
{
	const char *damage = NULL;
	index_intact(ix, &damage);
	char *why = xstrdup(damage ? damage : "index damaged");
	index_free(ix);
	ix = index_open(c, dir, progress, notice);
	if (!*notice)
		*notice = xasprintf("index cache: %s; rebuilt", why);
	free(why);
	return ix;
}

struct index *index_open_cached(struct corpus *c, const char *dir)
{
	if (!dir)
		return NULL;
	char *path = index_cache_path(c, dir), *cause = NULL;
	struct index *ix = load(c, path, corpus_key(c), &cause);
	free(cause);
	free(path);
	return ix;
}
