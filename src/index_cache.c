/* index_cache.c — the index persisted under the cache directory: keyed on the corpus, checked, mapped read-only, written atomically under a lock. */
#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "fileio.h"
#include "digest.h"
#include "index_blob.h"
#include "table.h"
#include "facts.h"
#include "checksum.h"
#include "xmalloc.h"

/* A reader never sees a half-written file: the writer writes a temporary file beside it and
 * renames it over the old one, and a mapped file is never changed in place. The lock only
 * keeps two writers from building the same cache at once; a second writer waits, then finds
 * the first one's file valid and keeps it. */

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
 *   blob | pad to 8 | struct trailer | sums[nblocks] | notes | stats[ndocs] | slots[ndocs] |
 *   dirs | digests (padded to 8) | u64 offset of the trailer
 * The trailer's checksum covers the blob outside its postings (head, docs, keys, words, pool,
 * lines: about 1% of the file) and the trailer up to the digests; it is checked at open. The
 * postings are cut into BLOCK-byte blocks, each with its own checksum, checked the first time a
 * search reads a key in it (index_check); each report's digest has its own, checked when it is
 * first read (index_digest), so opening never reads the digests. The notes are the messages the
 * walk and the build met (entry, skipped, reason): those of an entry are given back to the
 * corpus when the cache is used, since the files are then not read; those of the walk (entry
 * NO_ENTRY) are replayed when the walk is (index_cache_walk). stats keep what stat said of each
 * file when it was indexed (index_cache_status, index_cache_walk), dirs the directories walked
 * with their mtimes. BLOB_VERSION covers this layout too. */
#define NO_ENTRY UINT32_MAX
#define BLOCK ((uint64_t)1 << 20)
#define TRAILER_MAGIC "FAZHILZ2"

struct trailer {
	char magic[8];
	uint64_t blob_size, block, nblocks, notes_len, ndocs, dirs_len, digests_len, sum;
};

struct note {   /* followed by len bytes of reason, padded to 8 */
	uint32_t entry, skipped, len, at;   /* at: entries added before it was met */
};

struct filestat {
	int64_t size, mtime_ns;   /* size -1: not a regular file */
	uint64_t dev, ino;
};

struct dirstat {   /* followed by len bytes of path, padded to 8 */
	int64_t mtime_ns;
	uint32_t len, at;
};

struct slot {   /* a digest: bytes [off, off + len) of the digests region */
	uint64_t off, len, sum;
};

/* The text of a table the digests are made with (a missing file mixes its name alone). */
static uint64_t mix_table(uint64_t h, const char *env, const char *asset)
{
	struct buf b = { 0 };
	const char *path;
	char *cause = NULL;
	table_text(env, asset, &b, &path, &cause);
	free(cause);
	h = checksum_fnv(h, asset, strlen(asset) + 1);
	uint64_t sum = checksum64(2, (const unsigned char *)(b.data ? b.data : ""), b.len);
	buf_fini(&b);
	return checksum_fnv(h, &sum, sizeof sum);
}

/* What makes a cache valid for this corpus, known without reading a report: the formats, and
 * every path with the size and mtime stat gave (or, for an input that is not a regular file,
 * its text, read already), and what stat gave of each directory's fazhi-meta.tsv. */
static uint64_t corpus_key(struct corpus *c)
{
	uint64_t v[3] = { c->n, BLOB_VERSION, BLOCK };
	uint64_t h = checksum_fnv(CHECKSUM_FNV_OFFSET, v, sizeof v);
	for (size_t i = 0; i < c->n; i++) {
		const struct corpus_file *f = &c->files[i];
		h = checksum_fnv(h, f->path, strlen(f->path) + 1);
		if (f->size >= 0) {
			int64_t st[2] = { f->size, f->mtime_ns };
			h = checksum_fnv(h, st, sizeof st);
		} else {
			const struct report *r = corpus_load(c, i);
			h = checksum_fnv(h, r->text, r->len);
		}
	}
	h = mix_table(h, "FAZHI_METRICS", "metrics.tsv");   /* the digests' facts and classes */
	h = mix_table(h, "FAZHI_TAXONOMY", "taxonomy.tsv");
	for (size_t i = 0; i < c->nfixes; i++) {   /* hand corrections of the metadata */
		const struct corpus_fixes *f = &c->fixes[i];
		int64_t st[2] = { f->size, f->mtime_ns };
		h = checksum_fnv(h, f->dir, strlen(f->dir) + 1);
		h = checksum_fnv(h, st, sizeof st);
	}
	return h | 1;   /* never 0, the key of an unsaved index */
}

char *index_cache_path(const struct corpus *c, const char *dir)
{
	uint64_t h = checksum_fnv(0x84222325CBF29CE4ull, &c->n, sizeof c->n);
	for (size_t i = 0; i < c->n; i++)
		h = checksum_fnv(h, corpus_path(c, i), strlen(corpus_path(c, i)) + 1);
	return xasprintf("%s/index-%016llx.bin", dir, (unsigned long long)h);
}

/* A mapped cache file and what of its postings and digests has been checked. */
struct mapped {
	const unsigned char *map;
	size_t len;
	const struct trailer *t;
	const unsigned char *post;
	const uint64_t *sums;
	uint64_t post_len, nblocks;
	const unsigned char *notes;
	const struct filestat *stats;
	const struct slot *slots;
	const unsigned char *dirs;
	const unsigned char *digests;
	unsigned char *checked;   /* per block: 1 checked */
	unsigned char *dchecked;  /* per report: 1 its digest checked, 2 found damaged */
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
	free(m->dchecked);
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
		if (checksum64(b, m->post + b * BLOCK, n) != m->sums[b]) {
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

/* Bytes of the trailer's tables before the digests. */
static uint64_t meta_bytes(const struct trailer *t)
{
	return 8 * t->nblocks + t->notes_len + t->ndocs * (sizeof(struct filestat) + sizeof(struct slot)) + t->dirs_len;
}

static uint64_t align8(uint64_t n)
{
	return (n + 7) / 8 * 8;
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
	uint64_t at = align8(h->size), where;
	if (h->size > size || size - h->size < 8 + sizeof(struct trailer) + (at - h->size)) {
		*cause = xstrdup("index file truncated");
		return NULL;
	}
	memcpy(&where, p + size - 8, 8);
	const struct trailer *t = (const void *)(p + at);
	uint64_t room = size - 8 - at - sizeof *t;
	if (where != at || memcmp(t->magic, TRAILER_MAGIC, 8) != 0 || t->blob_size != h->size || t->block != BLOCK
	    || h->post_off > h->size || h->post_len > h->size - h->post_off
	    || t->nblocks != (h->post_len + BLOCK - 1) / BLOCK || t->ndocs != h->ndocs
	    || t->nblocks > room / 8 || t->notes_len > room || t->ndocs > room / 56 || t->digests_len > room
	    || t->dirs_len > room
	    || meta_bytes(t) + align8(t->digests_len) != room) {
		*cause = xstrdup("index file corrupt (checksum of the trailer)");
		return NULL;
	}
	return t;
}

/* Checksum of the blob outside its postings, the trailer (its sum read as 0), the tables after
 * it (`after`, n bytes: up to the digests) and the trailer's offset. */
static uint64_t seal(const unsigned char *blob, const struct trailer *t, const unsigned char *after, uint64_t n,
                     uint64_t where)
{
	const struct head *h = (const void *)blob;
	struct trailer t0 = *t;
	t0.sum = 0;
	uint64_t post_end = h->post_off + h->post_len;
	uint64_t r = checksum64(1, blob, h->post_off);
	r ^= checksum64(r, blob + post_end, h->size - post_end);
	r ^= checksum64(r, (const unsigned char *)&t0, sizeof t0);
	r ^= checksum64(r, after, n);
	return r ^ checksum64(r, (const unsigned char *)&where, sizeof where);
}

/* A note read from the notes region. */
struct note_at {
	struct note n;
	const char *reason;
	const char *path;      /* a walk message's (entry NO_ENTRY), else NULL */
	uint32_t path_len;
};

/* Reads the note at p[*at..len) and moves *at past it; -1 when the notes are damaged. */
static int next_note(const unsigned char *p, size_t len, size_t *at, size_t nentries, struct note_at *out)
{
	if (len - *at < sizeof out->n)
		return -1;
	memcpy(&out->n, p + *at, sizeof out->n);
	*at += sizeof out->n;
	if (out->n.len > len - *at || (out->n.entry >= nentries && out->n.entry != NO_ENTRY))
		return -1;
	out->reason = (const char *)p + *at;
	*at += ((size_t)out->n.len + 7) & ~(size_t)7;
	out->path = NULL;
	if (out->n.entry != NO_ENTRY) {
		if (*at > len)
			return -1;
		return 0;
	}
	if (*at > len || len - *at < 4)
		return -1;
	memcpy(&out->path_len, p + *at, 4);
	if (out->path_len > len - *at - 4)
		return -1;
	out->path = (const char *)p + *at + 4;
	*at += ((size_t)out->path_len + 4 + 7) & ~(size_t)7;
	return *at <= len ? 0 : -1;
}

/* Gives the corpus the messages of its entries the build met, unless it has them already. */
static int take_notes(struct corpus *c, const unsigned char *p, size_t len)
{
	size_t at = 0;
	struct note_at n;
	while (at < len) {
		if (next_note(p, len, &at, c->n, &n) < 0)
			return -1;
		if (n.n.entry != NO_ENTRY && !c->files[n.n.entry].noted) {
			char *reason = xstrndup(n.reason, n.n.len);
			corpus_note(c, n.n.entry, reason, n.n.skipped != 0);
			free(reason);
		}
	}
	return 0;
}

/* The cache file at path mapped and its trailer checked, else NULL with *cause (not set when
 * the file is absent). */
static struct mapped *map_file(const char *path, char **cause)
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
	if (t && seal(p, t, (const unsigned char *)(t + 1), meta_bytes(t), at) != t->sum)
		*cause = xstrdup("index file corrupt (checksum)");
	if (*cause) {
		munmap(map, size);
		return NULL;
	}
	struct mapped *m = xcalloc(1, sizeof *m);
	const struct head *h = (const void *)p;
	const unsigned char *notes = (const unsigned char *)(t + 1) + 8 * t->nblocks;
	const struct filestat *stats = (const void *)(notes + t->notes_len);
	const struct slot *slots = (const void *)(stats + t->ndocs);
	const unsigned char *dirs = (const unsigned char *)(slots + t->ndocs);
	*m = (struct mapped){ p, size, t, p + h->post_off, (const uint64_t *)(t + 1), h->post_len, t->nblocks,
	                      notes, stats, slots, dirs, dirs + t->dirs_len,
	                      xcalloc(t->nblocks + 1, 1), xcalloc(t->ndocs + 1, 1), xstrdup(path), st.st_dev,
	                      st.st_ino, NULL };
	/* The file's mtime tells index_cache_prune when it was last used; refreshed once a day. */
	if (st.st_mtime < time(NULL) - 86400)
		utimensat(AT_FDCWD, path, NULL, 0);
	return m;
}

/* An index over a mapped file, its postings checked as they are read; m is freed with it. */
static struct index *index_of(struct mapped *m, uint64_t key, char **cause)
{
	struct index_check check = { check_postings, mapped_free, m };
	struct index *ix = index_from_blob_checked(m->map, m->t->blob_size, key, &check, NULL, cause);
	if (!ix)
		mapped_free(m);
	return ix;
}

/* The index in the file at path if it is valid for this corpus, else NULL with *cause. */
static struct index *load(struct corpus *c, const char *path, uint64_t key, char **cause)
{
	struct mapped *m = map_file(path, cause);
	struct index *ix = m ? index_of(m, key, cause) : NULL;
	if (!ix)
		return NULL;
	int same = index_nreports(ix) == c->n;
	for (size_t i = 0; same && i < c->n; i++) {
		struct index_info in;
		index_info(ix, i, &in);
		const char *cp = corpus_path(c, i);
		same = in.path_len == strlen(cp) && memcmp(in.path, cp, in.path_len) == 0;
	}
	if (!same)
		*cause = xstrdup("index of another corpus");
	else if (take_notes(c, m->notes, m->t->notes_len) < 0)
		*cause = xstrdup("index file corrupt (notes)");
	if (*cause) {
		index_free(ix);
		return NULL;
	}
	return ix;
}

int index_digest(const struct index *ix, size_t report, const void **p, size_t *len)
{
	struct mapped *m = index_check_arg(ix);
	if (!m || report >= m->t->ndocs || m->dchecked[report] == 2)
		return -1;
	const struct slot *s = &m->slots[report];
	if (!m->dchecked[report]) {
		int ok = s->off <= m->t->digests_len && s->len <= m->t->digests_len - s->off
		         && checksum64(3, m->digests + s->off, s->len) == s->sum;
		m->dchecked[report] = ok ? 1 : 2;
		if (!ok)
			return -1;
	}
	*p = m->digests + s->off;
	*len = s->len;
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
	s->v[b] = checksum64(b, p, n);
	s->n = (size_t)b + 1;
}

/* The digests of the reports, made on the build's reading thread as each report is indexed. */
struct digests {
	struct buf bytes;
	struct slot *slots;   /* per report */
	const struct facts_model *fm;
};

static void add_digest(void *arg, size_t i, struct report *r, const struct classify_paras *p)
{
	struct digests *d = arg;
	size_t off = d->bytes.len;
	/* Facts take several bytes of scratch per byte of a sentence: a huge report's are left to
	 * the one who asks for them, so the build's memory stays what the index needs. */
	size_t body = r->body_end > r->body_start ? r->body_end - r->body_start : 0;
	digest_of(r, p, body <= DIGEST_FACTS_MAX ? d->fm : NULL, &d->bytes);
	size_t n = d->bytes.len - off;
	d->slots[i] = (struct slot){ off, n, checksum64(3, (const unsigned char *)d->bytes.data + off, n) };
}

/* A u32 length, the bytes, padding to 8. */
static void add_padded(struct buf *out, const char *s)
{
	static const unsigned char zero[8];
	uint32_t n = (uint32_t)strlen(s);
	buf_add(out, &n, sizeof n);
	buf_add(out, s, n);
	buf_add(out, zero, (8 - (n + 4) % 8) % 8);
}

/* The trailer of a blob for this corpus (see above), sealed, in out. */
static void make_trailer(const unsigned char *blob, size_t len, const struct corpus *c, const struct sums *s,
                         const struct digests *d, struct buf *out)
{
	const struct head *h = (const void *)blob;
	static const unsigned char zero[8];
	size_t pad = (size_t)(align8(len) - len);
	buf_add(out, zero, pad);
	struct trailer t = { TRAILER_MAGIC, len, BLOCK, (h->post_len + BLOCK - 1) / BLOCK, 0, c->n, 0, d->bytes.len, 0 };
	buf_add(out, &t, sizeof t);
	buf_add(out, s->v, t.nblocks * sizeof *s->v);
	size_t notes = out->len;
	for (size_t i = 0; i < c->nmsgs; i++) {
		const struct corpus_msg *msg = &c->msgs[i];
		struct note n = { msg->entry < 0 ? NO_ENTRY : (uint32_t)msg->entry, (uint32_t)msg->skipped,
		                  (uint32_t)strlen(msg->reason), (uint32_t)msg->at };
		buf_add(out, &n, sizeof n);
		buf_add(out, msg->reason, n.len);
		buf_add(out, zero, (8 - n.len % 8) % 8);
		if (n.entry == NO_ENTRY)   /* the path of a walk message: no entry names it */
			add_padded(out, msg->path);
	}
	t.notes_len = out->len - notes;
	for (size_t i = 0; i < c->n; i++) {
		const struct corpus_file *f = &c->files[i];
		struct filestat st = { f->size, f->mtime_ns, f->dev, f->ino };
		buf_add(out, &st, sizeof st);
	}
	buf_add(out, d->slots, c->n * sizeof *d->slots);
	size_t dirs = out->len;
	for (size_t i = 0; i < c->ndirs; i++) {
		struct dirstat ds = { c->dirs[i].mtime_ns, (uint32_t)strlen(c->dirs[i].path), (uint32_t)c->dirs[i].at };
		buf_add(out, &ds, sizeof ds);
		buf_add(out, c->dirs[i].path, ds.len);
		buf_add(out, zero, (8 - ds.len % 8) % 8);
	}
	t.dirs_len = out->len - dirs;
	size_t after = pad + sizeof t, meta = out->len - after;
	buf_add(out, d->bytes.data, d->bytes.len);
	buf_add(out, zero, (size_t)(align8(d->bytes.len) - d->bytes.len));
	uint64_t where = len + pad;
	buf_add(out, &where, sizeof where);
	t.sum = seal(blob, &t, (const unsigned char *)out->data + after, meta, where);
	memcpy(out->data + pad, &t, sizeof t);
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
	char *why = NULL, *bad_metrics = NULL;
	/* The catalogue is loaded here, on this thread, before the reading thread uses it; a bad one
	 * leaves the digests without facts (its text is in the key: fixing it rebuilds). */
	struct digests d = { { 0 }, xcalloc(c->n + 1, sizeof *d.slots), facts_default(&bad_metrics) };
	free(bad_metrics);
	struct index_each each = { add_digest, &d };
	uint64_t len = index_build_write(c, progress, &each, key, fd, BLOCK, add_sum, &s, &why);
	void *map = len ? mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
	int ok = map != MAP_FAILED;
	if (ok) {
		struct buf tail;
		buf_init(&tail);
		make_trailer(map, len, c, &s, &d, &tail);
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
	buf_fini(&d.bytes);
	free(d.slots);
	free(why);
	free(s.v);
	free(tmp);
	return ok ? 0 : -1;
}

static char *read_roots(const char *roots, const char *dir);
static int lock_free(const char *dir, const char *name, size_t n);

/* The file naming the latest index built of the paths the corpus was given, NULL when it was
 * given none (the embedded samples). Caller frees. */
static char *roots_path(char *const *roots, size_t n, const char *dir)
{
	if (!n)
		return NULL;
	uint64_t h = checksum_fnv(0x9E3779B97F4A7C15ull, &n, sizeof n);
	for (size_t i = 0; i < n; i++)
		h = checksum_fnv(h, roots[i], strlen(roots[i]) + 1);
	return xasprintf("%s/roots-%016llx", dir, (unsigned long long)h);
}

/* Records path as the latest index of the corpus's paths, and removes the index it replaces
 * (unless a build holds it). Written in place: a pointer cut short by a crash names no file, and
 * status then finds no index. */
static void point_roots(const struct corpus *c, const char *dir, const char *path)
{
	char *roots = roots_path(c->roots, c->nroots, dir), *last = read_roots(roots, dir);
	const char *base = strrchr(path, '/');
	if (last && strcmp(last, path) != 0 && lock_free(dir, strrchr(last, '/') + 1, strlen(strrchr(last, '/') + 1))) {
		char *lock = xasprintf("%s.lock", last);
		unlink(last);
		unlink(lock);
		free(lock);
	}
	free(last);
	if (roots) {
		char *line = xasprintf("%s\n", base ? base + 1 : path);
		int fd = open(roots, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (fd >= 0) {
			fileio_write_at(fd, line, strlen(line), 0);
			close(fd);
		}
		free(line);
	}
	free(roots);
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
	if (fileio_make_dirs(dir) < 0) {
		*notice = xasprintf("index cache %s: %s; the index is not saved", dir, strerror(errno));
		ix = index_build(c, progress);
		goto done;
	}
	index_cache_clean(dir);
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
		if (build_file(c, path, key, progress, &werr) == 0) {
			ix = load(c, path, key, &werr);
			point_roots(c, dir, path);
		}
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

/* ---- upkeep of the cache directory ---- */

/* The name a roots file points to, checked to be an index file's ("index-<16 hex>.bin"). */
static char *read_roots(const char *roots, const char *dir)
{
	char name[64] = { 0 };
	int fd = roots ? open(roots, O_RDONLY | O_CLOEXEC) : -1;
	if (fd < 0)
		return NULL;
	ssize_t got = read(fd, name, sizeof name - 1);
	close(fd);
	size_t n = got > 0 ? (size_t)got : 0;
	if (n != 27 || name[26] != '\n' || strncmp(name, "index-", 6) != 0 || strncmp(name + 22, ".bin", 4) != 0
	    || strspn(name + 6, "0123456789abcdef") != 16)
		return NULL;
	name[26] = '\0';
	return xasprintf("%s/%s", dir, name);
}

struct named {   /* a path of an index, for lookup by path */
	const char *s;
	size_t n, i;
};

static int named_cmp(const void *a, const void *b)
{
	const struct named *x = a, *y = b;
	int r = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);
	return r ? r : (x->n > y->n) - (x->n < y->n);
}

/* Counts what differs between the corpus as walked and the index in m. */
static void compare_files(const struct corpus *c, struct mapped *m, struct index *ix, struct index_status *out)
{
	size_t n = index_nreports(ix), matched = 0;
	struct named *v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		struct index_info in;
		index_info(ix, i, &in);
		v[i] = (struct named){ in.path, in.path_len, i };
	}
	qsort(v, n, sizeof *v, named_cmp);
	for (size_t i = 0; i < c->n; i++) {
		const struct corpus_file *f = &c->files[i];
		struct named key = { f->path, strlen(f->path), 0 };
		const struct named *hit = bsearch(&key, v, n, sizeof *v, named_cmp);
		if (!hit) {
			out->added++;
			continue;
		}
		matched++;
		const struct filestat *st = &m->stats[hit->i];
		if (f->size < 0 || st->size != f->size || st->mtime_ns != f->mtime_ns)
			out->changed++;
	}
	out->indexed = n;
	out->removed = n - (matched < n ? matched : n);
	free(v);
}

int index_cache_status(struct corpus *c, const char *dir, struct index_status *out)
{
	memset(out, 0, sizeof *out);
	char *path = index_cache_path(c, dir), *cause = NULL;
	struct index *ix = load(c, path, corpus_key(c), &cause);
	free(cause);
	cause = NULL;
	free(path);
	if (ix) {
		out->found = out->current = 1;
		out->indexed = index_nreports(ix);
		index_free(ix);
		return 0;
	}
	char *roots = roots_path(c->roots, c->nroots, dir);
	char *last = read_roots(roots, dir);
	free(roots);
	struct mapped *m = last ? map_file(last, &cause) : NULL;
	free(last);
	ix = m ? index_of(m, ((const struct head *)m->map)->key, &cause) : NULL;
	free(cause);
	if (!ix)
		return -1;
	out->found = 1;
	compare_files(c, m, ix, out);
	index_free(ix);
	return 0;
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcmp(s + n - k, tail) == 0;
}

/* 1 when no build holds the lock of the index file whose name begins name[0..n) (".bin" included). */
static int lock_free(const char *dir, const char *name, size_t n)
{
	char *lockpath = xasprintf("%s/%.*s.lock", dir, (int)n, name);
	int fd = open(lockpath, O_RDWR | O_CLOEXEC);
	int free_ = fd < 0 || flock(fd, LOCK_EX | LOCK_NB) == 0;
	if (fd >= 0)
		close(fd);
	free(lockpath);
	return free_;
}

/* Calls fn(arg, dir, name) for every entry of the cache directory. */
static void each_entry(const char *dir, void (*fn)(void *arg, const char *dir, const char *name), void *arg)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d)))
		if (strncmp(e->d_name, "index-", 6) == 0 || strncmp(e->d_name, "roots-", 6) == 0)
			fn(arg, dir, e->d_name);
	if (d)
		closedir(d);
}

static void remove_at(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	unlink(p);
	free(p);
}

/* A builder takes the lock of its index file before it makes its temporary file and keeps it
 * until the file is renamed or removed: a temporary file whose lock is free is a dead build's. */
static void clean_one(void *arg, const char *dir, const char *name)
{
	(void)arg;
	const char *bin = strstr(name, ".bin.");
	if (strncmp(name, "index-", 6) == 0 && ends_with(name, ".tmp") && bin
	    && lock_free(dir, name, (size_t)(bin + 4 - name)))
		remove_at(dir, name);
}

void index_cache_clean(const char *dir)
{
	each_entry(dir, clean_one, NULL);
}

struct prune {
	time_t before;
	struct index_prune *out;
};

static void prune_one(void *arg, const char *dir, const char *name)
{
	struct prune *pr = arg;
	char *p = xasprintf("%s/%s", dir, name);
	struct stat st;
	if (ends_with(name, ".bin") && stat(p, &st) == 0) {
		if (st.st_mtime < pr->before && lock_free(dir, name, strlen(name))) {
			unlink(p);
			char *lock = xasprintf("%s.lock", p);
			unlink(lock);
			free(lock);
			pr->out->removed++;
			pr->out->removed_bytes += (unsigned long long)st.st_size;
		} else {
			pr->out->kept++;
			pr->out->kept_bytes += (unsigned long long)st.st_size;
		}
	}
	free(p);
}

/* A roots file whose index is gone points nowhere. */
static void prune_roots(void *arg, const char *dir, const char *name)
{
	(void)arg;
	if (strncmp(name, "roots-", 6) != 0)
		return;
	char *roots = xasprintf("%s/%s", dir, name), *last = read_roots(roots, dir);
	if (!last || access(last, F_OK) < 0)
		unlink(roots);
	free(last);
	free(roots);
}

void index_cache_prune(const char *dir, time_t before, struct index_prune *out)
{
	memset(out, 0, sizeof *out);
	struct prune pr = { before, out };
	index_cache_clean(dir);
	each_entry(dir, prune_one, &pr);
	each_entry(dir, prune_roots, NULL);
}

/* 1 when every directory the index's walk read still has the mtime it had then. */
static int dirs_unchanged(const struct mapped *m)
{
	size_t at = 0, len = m->t->dirs_len;
	while (at < len) {
		struct dirstat ds;
		if (len - at < sizeof ds)
			return 0;
		memcpy(&ds, m->dirs + at, sizeof ds);
		if (ds.len > len - at - sizeof ds)
			return 0;
		char *path = xstrndup((const char *)m->dirs + at + sizeof ds, ds.len);
		struct stat st;
		int same = stat(path, &st) == 0 && S_ISDIR(st.st_mode)
		           && (long long)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec == ds.mtime_ns;
		free(path);
		if (!same)
			return 0;
		at += sizeof ds + ((ds.len + 7) & ~(size_t)7);
	}
	return len > 0;
}

/* Adds the directories and walk messages met before entry `upto` (from *dat, *nat onwards). */
static void replay_until(struct corpus *c, const struct mapped *m, size_t upto, size_t *dat, size_t *nat)
{
	for (;;) {
		struct dirstat ds = { 0, 0, UINT32_MAX };
		if (*dat < m->t->dirs_len)
			memcpy(&ds, m->dirs + *dat, sizeof ds);
		struct note_at n = { { 0, 0, 0, UINT32_MAX }, NULL, NULL, 0 };
		size_t next = *nat;
		while (next < m->t->notes_len && next_note(m->notes, m->t->notes_len, &next, m->t->ndocs, &n) == 0
		       && n.n.entry != NO_ENTRY) {
			*nat = next;   /* an entry's note: given back when the index is loaded */
			n.n.at = UINT32_MAX;
		}
		if (ds.at <= upto && ds.at <= n.n.at) {
			char *path = xstrndup((const char *)m->dirs + *dat + sizeof ds, ds.len);
			corpus_add_dir(c, path, ds.mtime_ns);
			free(path);
			*dat += sizeof ds + ((ds.len + 7) & ~(size_t)7);
		} else if (n.n.at <= upto && n.path) {
			char *path = xstrndup(n.path, n.path_len), *reason = xstrndup(n.reason, n.n.len);
			corpus_add_message(c, path, reason, n.n.skipped != 0);
			free(path);
			free(reason);
			*nat = next;
		} else {
			return;
		}
	}
}

/* Fills c with the walk the cached index of these PATHs recorded; 0, or -1 with c untouched when
 * there is none, or when `stale` is 0 and a directory it read changed since. */
static int replay_walk(struct corpus *c, char **paths, int npaths, const char *dir, int stale)
{
	if (!dir || npaths <= 0 || c->n || c->nmsgs || !c->lazy)
		return -1;
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		if (stat(paths[i], &st) < 0 || !S_ISDIR(st.st_mode))
			return -1;
	}
	char *roots = roots_path(paths, (size_t)npaths, dir), *last = read_roots(roots, dir), *cause = NULL;
	free(roots);
	struct mapped *m = last ? map_file(last, &cause) : NULL;
	free(last);
	struct index *ix = m ? index_of(m, ((const struct head *)m->map)->key, &cause) : NULL;
	free(cause);
	if (!ix || m->t->dirs_len == 0 || (!stale && !dirs_unchanged(m))) {
		index_free(ix);
		return -1;
	}
	for (int i = 0; i < npaths; i++)
		corpus_add_root(c, paths[i]);
	size_t dat = 0, nat = 0;
	for (size_t i = 0; i < m->t->ndocs; i++) {
		replay_until(c, m, i, &dat, &nat);
		struct index_info in;
		index_info(ix, i, &in);
		const struct filestat *st = &m->stats[i];
		struct corpus_file f = { (char *)in.path, st->size, st->mtime_ns, st->dev, st->ino, 0, 0 };
		corpus_add_known(c, &f);
	}
	replay_until(c, m, m->t->ndocs, &dat, &nat);
	index_free(ix);
	return 0;
}

int index_cache_walk(struct corpus *c, char **paths, int npaths, const char *dir)
{
	return replay_walk(c, paths, npaths, dir, 0);
}

int index_cache_walk_behind(struct corpus *c, char **paths, int npaths, const char *dir, struct index_status *out)
{
	memset(out, 0, sizeof *out);
	if (replay_walk(c, paths, npaths, dir, 1) < 0)
		return -1;
	struct corpus_behind b;
	corpus_behind(c, &b);
	*out = (struct index_status){ 1, b.added + b.changed + b.removed == 0, c->n, b.added, b.changed, b.removed };
	return 0;
}
