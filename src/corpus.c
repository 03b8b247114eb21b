/* corpus.c — the set of loaded reports (files, directories, or the embedded samples) and per-file errors. */
#include "corpus.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xmalloc.h"
#include "assets.h"
#include "encoding.h"
#include "parse.h"

/* Design limits: files are opened O_RDONLY and read with read(), so the corpus is never
 * written, and a file that another program truncates or grows while it loads is read as it
 * then is (a mapped file would raise SIGBUS instead). Every file is read into one buffer
 * that the corpus keeps for the next (decoding copies the bytes anyway); it grows by
 * doubling, and one grown past KEEP_MAX for a big file is let go when the path is done.
 * Arrays grow by doubling and each directory's names are sorted once, so loading stays
 * O(n log n) in the number of files. A file larger than FILE_MAX is refused rather than
 * exhausting memory. */
#define FILE_MAX ((size_t)1 << 30)
#define KEEP_MAX ((size_t)1 << 24)
#define READ_MIN ((size_t)1 << 16)

void corpus_init(struct corpus *c)
{
	memset(c, 0, sizeof *c);
}

void corpus_fini(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		report_free(c->reports[i]);
	free(c->reports);
	for (size_t i = 0; i < c->nmsgs; i++) {
		free(c->msgs[i].path);
		free(c->msgs[i].reason);
	}
	free(c->msgs);
	free(c->readbuf);
	corpus_init(c);
}

size_t corpus_failures(const struct corpus *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nmsgs; i++)
		n += c->msgs[i].skipped;
	return n;
}

/* Records a message; takes ownership of reason. Returns 1 when the file was skipped, else 0. */
static int add_msg(struct corpus *c, const char *path, char *reason, int skipped)
{
	c->msgs = xgrow(c->msgs, &c->msgcap, c->nmsgs + 1, sizeof *c->msgs);
	c->msgs[c->nmsgs++] = (struct corpus_msg){ xstrdup(path), reason, skipped };
	return skipped;
}

static int skip(struct corpus *c, const char *path, const char *reason)
{
	return add_msg(c, path, xstrdup(reason), 1);
}

static int skip_errno(struct corpus *c, const char *path, int err)
{
	return skip(c, path, err == ELOOP ? "symbolic link loop" : strerror(err));
}

int corpus_add_bytes(struct corpus *c, const char *path, const char *bytes, size_t n)
{
	struct decoded d;
	char *cause;
	if (encoding_decode(bytes, n, &d, &cause) < 0) {
		add_msg(c, path, cause, 1);
		return -1;
	}
	struct report *r = parse_report(d.text, d.len, path);
	r->encoding = (int)d.from;
	r->replaced = d.replaced;
	c->reports = xgrow(c->reports, &c->cap, c->n + 1, sizeof *c->reports);
	c->reports[c->n++] = r;
	if (d.replaced)
		add_msg(c, path, xasprintf("%zu invalid byte sequence%s replaced by U+FFFD", d.replaced,
		                           d.replaced == 1 ? "" : "s"), 0);
	return 0;
}

/* Reads fd to its end into c->readbuf and loads the bytes; `size` is what fstat said (0 when
 * it says nothing). A NUL byte ends the reading early: the input is binary, and /dev/zero
 * must not fill the memory. */
static int read_file(struct corpus *c, const char *path, int fd, size_t size)
{
	size_t len = 0;
	c->readbuf = xgrow(c->readbuf, &c->readcap, size + 1 > READ_MIN ? size + 1 : READ_MIN, 1);
	for (;;) {
		if (len == c->readcap)
			c->readbuf = xgrow(c->readbuf, &c->readcap, len + 1, 1);
		ssize_t got = read(fd, c->readbuf + len, c->readcap - len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return skip_errno(c, path, errno);
		int nul = memchr(c->readbuf + len, '\0', (size_t)got) != NULL;
		len += (size_t)got;
		if (got == 0 || nul)
			return corpus_add_bytes(c, path, c->readbuf, len) < 0;
		if (len > FILE_MAX)
			return skip(c, path, "file too large (over 1 GiB)");
	}
}

/* Loads one file. In a directory walk only regular files are taken (any_kind == 0), so that
 * a FIFO named *.txt cannot hang the walk: it is opened O_NONBLOCK, which does not wait for a
 * writer. A FIFO the user names is waited for, as cat does: read at once it would be empty. */
static int add_file(struct corpus *c, const char *path, int any_kind)
{
	int fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC | (any_kind ? 0 : O_NONBLOCK));
	if (fd < 0)
		return skip_errno(c, path, errno);
	struct stat st;
	int failed;
	if (fstat(fd, &st) < 0) {
		failed = skip_errno(c, path, errno);
	} else if (S_ISDIR(st.st_mode)) {
		failed = skip_errno(c, path, EISDIR);
	} else if (!S_ISREG(st.st_mode) && !any_kind) {
		failed = skip(c, path, "not a regular file");
	} else if ((uintmax_t)st.st_size > FILE_MAX) {
		failed = skip(c, path, "file too large (over 1 GiB)");
	} else {
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
		failed = read_file(c, path, fd, S_ISREG(st.st_mode) ? (size_t)st.st_size : 0);
	}
	close(fd);
	return failed;
}

/* Directories met during one walk, by device and inode: `seen` (a hash set) so that none is
 * read twice, `open` (the current path from the top) to tell a loop from a second link. */
struct dir_id {
	dev_t dev;
	ino_t ino;
};

struct walk {
	struct corpus *c;
	struct dir_id *seen;      /* open addressing; ino 0 marks an empty slot */
	size_t nseen, seencap;    /* seencap is 0 or a power of two */
	struct dir_id *open;
	size_t nopen, opencap;
	int failed;
};

static size_t dir_hash(struct dir_id id, size_t mask)
{
	uint64_t h = ((uint64_t)id.dev * 0x9e3779b97f4a7c15u) ^ ((uint64_t)id.ino * 0xc2b2ae3d27d4eb4fu);
	return (size_t)(h ^ h >> 29) & mask;
}

/* Adds id to the seen set; returns 0 when it was there already. */
static int see_dir(struct walk *w, struct dir_id id)
{
	if (id.ino == 0)
		return 1;   /* cannot be recorded; such file systems have no loops to fear */
	if (2 * (w->nseen + 1) > w->seencap) {
		size_t cap = w->seencap ? 2 * w->seencap : 64;
		struct dir_id *t = xcalloc(cap, sizeof *t);
		for (size_t i = 0; i < w->seencap; i++) {
			if (w->seen[i].ino == 0)
				continue;
			size_t k = dir_hash(w->seen[i], cap - 1);
			while (t[k].ino)
				k = (k + 1) & (cap - 1);
			t[k] = w->seen[i];
		}
		free(w->seen);
		w->seen = t;
		w->seencap = cap;
	}
	size_t k = dir_hash(id, w->seencap - 1);
	for (; w->seen[k].ino; k = (k + 1) & (w->seencap - 1))
		if (w->seen[k].dev == id.dev && w->seen[k].ino == id.ino)
			return 0;
	w->seen[k] = id;
	w->nseen++;
	return 1;
}

static int is_txt(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
}

struct entry {
	char *name;
	unsigned char type;   /* d_type, DT_UNKNOWN when the file system does not say */
};

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void walk_dir(struct walk *w, const char *path, const struct stat *st)
{
	struct dir_id id = { st->st_dev, st->st_ino };
	for (size_t i = 0; i < w->nopen; i++)
		if (w->open[i].dev == id.dev && w->open[i].ino == id.ino) {
			w->failed += skip(w->c, path, "symbolic link loop");
			return;
		}
	if (!see_dir(w, id))
		return;   /* reached again through another link: its reports are in already */

	/* Every name is read and the directory closed before descending, so a deep tree
	 * holds one descriptor at a time. */
	DIR *d = opendir(path);
	if (!d) {
		w->failed += skip_errno(w->c, path, errno);
		return;
	}
	struct entry *ents = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		ents = xgrow(ents, &cap, n + 1, sizeof *ents);
		ents[n++] = (struct entry){ xstrdup(e->d_name), e->d_type };
	}
	closedir(d);
	if (n > 1)
		qsort(ents, n, sizeof *ents, entry_cmp);

	w->open = xgrow(w->open, &w->opencap, w->nopen + 1, sizeof *w->open);
	w->open[w->nopen++] = id;
	size_t plen = strlen(path);
	int slash = plen > 0 && path[plen - 1] == '/';
	for (size_t i = 0; i < n; i++) {
		char *child = xasprintf("%s%s%s", path, slash ? "" : "/", ents[i].name);
		struct stat cst;
		if (stat(child, &cst) < 0) {
			/* Vanished, or a dangling link: only worth a word when it was a report. */
			if (is_txt(ents[i].name) || ents[i].type == DT_DIR)
				w->failed += skip_errno(w->c, child, errno);
		} else if (S_ISDIR(cst.st_mode)) {
			walk_dir(w, child, &cst);
		} else if (is_txt(ents[i].name)) {
			w->failed += add_file(w->c, child, 0);
		}
		free(child);
		free(ents[i].name);
	}
	w->nopen--;
	free(ents);
}

static int add_path(struct corpus *c, const char *path)
{
	struct stat st;
	if (stat(path, &st) < 0)
		return skip_errno(c, path, errno);
	if (!S_ISDIR(st.st_mode))
		return add_file(c, path, 1);

	struct walk w = { .c = c };
	size_t before = c->n;
	walk_dir(&w, path, &st);
	free(w.seen);
	free(w.open);
	if (w.failed == 0 && c->n == before)
		w.failed = skip(c, path, "no *.txt files found");
	return w.failed;
}

int corpus_add_path(struct corpus *c, const char *path)
{
	int failed = add_path(c, path);
	if (c->readcap > KEEP_MAX) {
		free(c->readbuf);
		c->readbuf = NULL;
		c->readcap = 0;
	}
	return failed;
}

void corpus_add_embedded(struct corpus *c)
{
	for (const struct asset *a = assets; a->name; a++) {
		if (strncmp(a->name, "reports/", 8) != 0)
			continue;
		char *path = xasprintf("embedded:%s", a->name + 8);
		corpus_add_bytes(c, path, (const char *)a->data, a->size);
		free(path);
	}
}
