/* corpus.c — the set of loaded reports (files, directories, or the embedded samples) and per-file errors. */
#define _GNU_SOURCE   /* O_PATH */
#include "corpus.h"

#include <dirent.h>
#include <pthread.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "xmalloc.h"
#include "buf.h"
#include "checksum.h"
#include "assets.h"
#include "encoding.h"
#include "extract.h"
#include "markdown.h"
#include "record.h"
#include "unwrap.h"
#include "ordered.h"
#include "extract_cache.h"
#include "meta_fix.h"
#include "parse.h"
#include "table.h"

/* Design limits: files are opened O_RDONLY and read with read(), so the corpus is never
 * written, and a file that another program truncates or grows while it loads is read as it
 * then is (a mapped file would raise SIGBUS instead). A regular file is read with one read()
 * into a block of its size and one byte more, which becomes the report's text when its bytes
 * are clean UTF-8 already (no copy: encoding_decode_take); a block the text did not take is
 * kept for the next file. It grows by doubling while a file grows or a pipe is read, and one
 * grown past KEEP_MAX for a big file is let go when the path is done.
 * Arrays grow by doubling and each directory's names are sorted once, so loading stays
 * O(n log n) in the number of files. A file larger than FILE_MAX is refused rather than
 * exhausting memory. */
#define FILE_MAX ((size_t)1 << 30)
#define KEEP_MAX ((size_t)1 << 24)
#define READ_MIN ((size_t)1 << 16)

void corpus_init(struct corpus *c)
{
	static unsigned long serials;
	memset(c, 0, sizeof *c);
	c->serial = ++serials;
}

void corpus_set_text_cache(struct corpus *c, const char *dir)
{
	free(c->text_cache);
	c->text_cache = dir ? xstrdup(dir) : NULL;
}

/* ---- the source's entries asked for (struct corpus) ---- */

#define ASKED_BLOCK 64

struct corpus_asked {
	struct corpus_file file;
	struct report *report;    /* owned; NULL: not loaded */
	size_t entry;             /* its number in the corpus */
};

static int sourced(const struct corpus *c, size_t i)
{
	return i - c->source_at < c->nsourced;   /* wraps below source_at */
}

static struct corpus_asked *asked_place(const struct corpus *c, size_t k)
{
	return &c->asked[k / ASKED_BLOCK][k % ASKED_BLOCK];
}

/* The slot of entry i in asked_slots: its own, or the empty one it would take. */
static uint32_t *asked_slot(const struct corpus *c, size_t i)
{
	size_t mask = c->nasked_slots - 1, h = (size_t)(((uint64_t)i * 0x9e3779b97f4a7c15u) >> 32) & mask;
	for (;; h = (h + 1) & mask) {
		uint32_t *slot = &c->asked_slots[h];
		if (!*slot || asked_place(c, *slot - 1)->entry == i)
			return slot;
	}
}

/* Entry i of the source, NULL when it was never asked for. */
static struct corpus_asked *asked_find(const struct corpus *c, size_t i)
{
	uint32_t slot = c->nasked_slots ? *asked_slot(c, i) : 0;
	return slot ? asked_place(c, slot - 1) : NULL;
}

/* Slots for `more` entries besides those asked for already, the table made again at most once:
 * a caller about to ask for many says so, and the tables it would have grown through are not
 * made (each a fresh allocation, whose pages cost more than the hashing). */
static void asked_reserve(struct corpus *c, size_t more)
{
	size_t want = c->nasked_slots ? c->nasked_slots : 64;
	while (want < 2 * (c->nasked + more))
		want *= 2;
	if (want == c->nasked_slots)
		return;
	free(c->asked_slots);
	c->nasked_slots = want;
	c->asked_slots = xcalloc(c->nasked_slots, sizeof *c->asked_slots);
	for (size_t k = 0; k < c->nasked; k++)
		*asked_slot(c, asked_place(c, k)->entry) = (uint32_t)(k + 1);
}

/* Room for one more entry asked for. */
static void asked_room(struct corpus *c)
{
	asked_reserve(c, 1);
	if (c->nasked % ASKED_BLOCK == 0) {
		c->asked = xgrow(c->asked, &c->askedcap, c->nasked / ASKED_BLOCK + 1, sizeof *c->asked);
		c->asked[c->nasked / ASKED_BLOCK] = xmalloc(ASKED_BLOCK * sizeof **c->asked);
	}
}

/* Entry i of the source, asked of it the first time. Readers of a const corpus may ask: it
 * changes nothing they can tell. Entries are asked for by one thread at a time, and not while
 * another looks one up (asking may move the table of slots): index_build asks every entry it
 * reads before its threads start, corpus_unchanged_many before its threads stat them. */
static struct corpus_asked *ask(const struct corpus *cc, size_t i)
{
	static char gone[] = "";
	struct corpus *c = (struct corpus *)cc;
	struct corpus_asked *e = asked_find(c, i);
	if (e)
		return e;
	asked_room(c);
	e = asked_place(c, c->nasked);
	*e = (struct corpus_asked){ .entry = i };
	*asked_slot(c, i) = (uint32_t)++c->nasked;
	struct corpus_file got = { 0 };
	if (c->source.file(c->source.arg, i - c->source_at, &got) == 0 && got.path) {
		e->file.path = got.path;
		e->file.size = got.size;
		e->file.mtime_ns = got.mtime_ns;
		e->file.dev = got.dev;
		e->file.ino = got.ino;
	} else {
		e->file.path = gone;
		e->file.failed = e->file.noted = 1;
	}
	return e;
}

size_t corpus_asked_entry(const struct corpus *c, size_t k)
{
	return asked_place(c, k)->entry;
}

static void asked_free(struct corpus *c)
{
	for (size_t k = 0; k < c->nasked; k++)
		report_free(asked_place(c, k)->report);
	for (size_t b = 0; b * ASKED_BLOCK < c->nasked; b++)
		free(c->asked[b]);
	free(c->asked);
	free(c->asked_slots);
}

/* Entry i's file, asked of the source the first time (corpus_source). */
static struct corpus_file *file_at(const struct corpus *c, size_t i)
{
	return sourced(c, i) ? &ask(c, i)->file : &((struct corpus *)c)->files[i];
}

/* Entry i's file as far as it is known: NULL for an entry of the source never asked for. */
static const struct corpus_file *file_known(const struct corpus *c, size_t i)
{
	if (!sourced(c, i))
		return &c->files[i];
	const struct corpus_asked *e = asked_find(c, i);
	return e ? &e->file : NULL;
}

/* Where entry i's report is kept (an entry of the source is asked for). */
static struct report **report_at(struct corpus *c, size_t i)
{
	return sourced(c, i) ? &ask(c, i)->report : &c->reports[i];
}

/* Entry i's report; NULL while it is not loaded. */
static struct report *loaded(const struct corpus *c, size_t i)
{
	if (!sourced(c, i))
		return c->reports[i];
	const struct corpus_asked *e = asked_find(c, i);
	return e ? e->report : NULL;
}

static void unload(struct corpus *c, size_t i)
{
	struct report **r = report_at(c, i);
	report_free(*r);
	*r = NULL;
}

/* Frees entries [from, to), none of them the source's. */
static void free_entries(struct corpus *c, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++) {
		report_free(c->reports[i]);
		free(c->files[i].path);
	}
}

void corpus_fini(struct corpus *c)
{
	free(c->text_cache);
	free_entries(c, 0, c->source_at);
	free_entries(c, c->source_at + c->nsourced, c->n);
	asked_free(c);
	if (c->source.free)
		c->source.free(c->source.arg);
	free(c->reports);
	free(c->files);
	corpus_statdir_close(&c->statdir);
	for (size_t i = 0; i < c->nmsgs; i++) {
		free(c->msgs[i].path);
		free(c->msgs[i].reason);
	}
	free(c->msgs);
	free(c->readbuf);
	for (size_t i = 0; i < c->nfixes; i++) {
		free(c->fixes[i].dir);
		meta_fixes_free(c->fixes[i].table);
	}
	free(c->fixes);
	free(c->fixslots);
	for (size_t i = 0; i < c->nroots; i++)
		free(c->roots[i]);
	free(c->roots);
	for (size_t i = 0; i < c->ndirs; i++)
		free(c->dirs[i].path);
	free(c->dirs);
	corpus_init(c);
}

size_t corpus_failures(const struct corpus *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nmsgs; i++)
		n += c->msgs[i].skipped;
	return n;
}

const struct corpus_file *corpus_file(const struct corpus *c, size_t i)
{
	return file_at(c, i);
}

/* Records a message about the file met after `at` entries, in walk order (after those met
 * at the same place); takes ownership of reason. Returns 1 when the file was skipped, else 0.
 * Messages met during a walk are appended; those of lazy entries loaded later are inserted. */
static int msg_at(struct corpus *c, const char *path, char *reason, int skipped, size_t at, long entry)
{
	c->msgs = xgrow(c->msgs, &c->msgcap, c->nmsgs + 1, sizeof *c->msgs);
	size_t k = c->nmsgs;
	while (k > 0 && c->msgs[k - 1].at > at)
		k--;
	memmove(c->msgs + k + 1, c->msgs + k, (c->nmsgs - k) * sizeof *c->msgs);
	c->msgs[k] = (struct corpus_msg){ xstrdup(path), reason, skipped, at, entry };
	c->nmsgs++;
	return skipped;
}

static int add_msg(struct corpus *c, const char *path, char *reason, int skipped)
{
	return msg_at(c, path, reason, skipped, c->n, -1);
}

static int skip(struct corpus *c, const char *path, const char *reason)
{
	return add_msg(c, path, xstrdup(reason), 1);
}

static const char *errno_reason(int err)
{
	return err == ELOOP ? "symbolic link loop" : strerror(err);
}

static int skip_errno(struct corpus *c, const char *path, int err)
{
	return skip(c, path, errno_reason(err));
}

/* Where the bytes being read go: a new entry (entry -1), or lazy entry `entry` being loaded. */
struct target {
	long entry;
	struct report *r;   /* the report made, or NULL */
	int text_only;      /* make r of the decoded text alone, unparsed (corpus_read_text) */
	int page_forms;     /* the page forms a text file is read back from; -1: find them */
};

static int fail(struct corpus *c, const char *path, struct target *t, char *reason)
{
	if (t->entry < 0)
		return add_msg(c, path, reason, 1);
	if (file_at(c, (size_t)t->entry)->noted) {   /* read again after an unload: said already */
		free(reason);
		return 1;
	}
	return msg_at(c, path, reason, 1, (size_t)t->entry, t->entry);
}

/* What stat says of a file's mtime, in nanoseconds. */
static long long mtime_of(const struct stat *st)
{
	return (long long)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

/* The length of directory path without the slashes that end it, as its fixes are named. */
static size_t dir_len(const char *path)
{
	size_t dlen = strlen(path);
	while (dlen > 1 && path[dlen - 1] == '/')
		dlen--;
	return dlen;
}

/* The slot of directory dir (dlen bytes) in c's hash of fixes: the one holding it, else the
 * empty one where it goes. A corpus of thousands of directories looks one up per directory and
 * per file, so a search through them all would cost the square of their number. */
static size_t *fix_slot(const struct corpus *c, const char *dir, size_t dlen)
{
	size_t mask = c->nfixslots - 1, h = (size_t)checksum_fnv(CHECKSUM_FNV_OFFSET, dir, dlen) & mask;
	for (;; h = (h + 1) & mask) {
		size_t v = c->fixslots[h];
		if (!v || (strlen(c->fixes[v - 1].dir) == dlen && memcmp(c->fixes[v - 1].dir, dir, dlen) == 0))
			return &c->fixslots[h];
	}
}

/* Makes room in c's hash for one more directory, doubling it (and placing every one again) when
 * it would be more than half full. */
static void fix_room(struct corpus *c)
{
	if (2 * (c->nfixes + 1) <= c->nfixslots)
		return;
	free(c->fixslots);
	c->nfixslots = c->nfixslots ? 2 * c->nfixslots : 64;
	c->fixslots = xcalloc(c->nfixslots, sizeof *c->fixslots);
	for (size_t i = 0; i < c->nfixes; i++)
		*fix_slot(c, c->fixes[i].dir, strlen(c->fixes[i].dir)) = i + 1;
}

/* Looks for f's table and reads it; a message about it is recorded unless quiet. */
static void read_table(struct corpus *c, struct corpus_fixes *f, int quiet)
{
	char *path = xasprintf("%s%s" META_FIX_NAME, f->dir, f->dir[0] ? "/" : "");
	struct stat st;
	struct buf b = { 0 };
	char *cause = NULL;
	f->unlooked = 0;
	if (stat(path, &st) == 0) {
		f->size = st.st_size;
		f->mtime_ns = mtime_of(&st);
		if (table_read_file(path, &b, &cause) == 0)
			f->table = meta_fixes_parse(b.data ? b.data : "", b.len, &cause);
		if (cause && !quiet)
			add_msg(c, path, cause, 0);
		else
			free(cause);
	}
	buf_fini(&b);
	free(path);
}

/* The entry of directory `dir` (dlen bytes of a path) in c's fixes, added, its table not looked
 * for (size -1, unlooked), when it is new; *added says which. */
static struct corpus_fixes *fixes_entry(struct corpus *c, const char *dir, size_t dlen, int *added)
{
	fix_room(c);
	size_t *slot = fix_slot(c, dir, dlen);
	*added = !*slot;
	if (*slot)
		return &c->fixes[*slot - 1];
	c->fixes = xgrow(c->fixes, &c->fixcap, c->nfixes + 1, sizeof *c->fixes);
	*slot = c->nfixes + 1;
	struct corpus_fixes *f = &c->fixes[c->nfixes++];
	*f = (struct corpus_fixes){ xstrndup(dir, dlen), -1, 0, NULL, 1 };
	return f;
}

/* The table of directory `dir` (dlen bytes of a path), read on first use; a message about it is
 * recorded unless quiet. */
static const struct corpus_fixes *fixes_quiet(struct corpus *c, const char *dir, size_t dlen, int quiet)
{
	int added;
	struct corpus_fixes *f = fixes_entry(c, dir, dlen, &added);
	if (added)
		read_table(c, f, quiet);
	return f;
}

static const struct corpus_fixes *fixes_of(struct corpus *c, const char *dir, size_t dlen)
{
	return fixes_quiet(c, dir, dlen, 0);
}

/* Corrects r by the table of its file's directory. */
static void fix_meta(struct corpus *c, const char *path, struct report *r)
{
	if (strncmp(path, "embedded:", 9) == 0)
		return;
	const char *slash = strrchr(path, '/');
	size_t dlen = slash ? (size_t)(slash - path) : 0;
	const struct corpus_fixes *f = fixes_of(c, path, slash == path ? 1 : dlen);
	meta_fixes_apply(f->table, slash ? slash + 1 : path, r);
}

/* The text of a file in a published format, from the text cache when it holds these bytes. */
static int convert(struct corpus *c, int kind, const char *bytes, size_t *n, char **text, char **cause)
{
	if (!c->text_cache)
		return extract_text(kind, bytes, *n, text, n, cause);
	uint64_t key = extract_cache_key(kind, bytes, *n);
	if (extract_cache_get(c->text_cache, key, text, n) == 0)
		return 0;
	if (extract_text(kind, bytes, *n, text, n, cause) < 0)
		return -1;
	extract_cache_put(c->text_cache, key, *text, *n);
	return 0;
}

/* A record's text that holds the page's HTML (<p>…</p>), read as a page: its field lines kept,
 * the HTML replaced by the text a page shows. Left as it is when the HTML cannot be read. */
static void html_in_record(struct decoded *d)
{
	size_t at = record_text_start(d->text, d->len), n;
	char *page, *cause;
	if (extract_kind_of(d->text + at, d->len - at, NULL) != EXTRACT_HTML)
		return;
	if (extract_text(EXTRACT_HTML, d->text + at, d->len - at, &page, &n, &cause) < 0) {
		free(cause);
		return;
	}
	size_t clean_len;
	char *clean = encoding_clean(page, n, &clean_len);
	free(page);
	char *text = xmalloc(at + clean_len + 1);
	memcpy(text, d->text, at);
	memcpy(text + at, clean, clean_len + 1);
	free(clean);
	free(d->text);
	d->text = text;
	d->len = at + clean_len;
}

/* A text file that a crawler or a copy made from a page, read back as the page: a crawler's JSON
 * record (whose text may be HTML or Markdown), Markdown, lines a printed page broke. Each form is
 * undone in turn where the text has it, or (known >= 0) where bit k of known says form k was
 * found before; returns the forms undone, as bits. */
static unsigned read_as_page(struct decoded *d, int known)
{
	static const struct {
		int (*like)(const char *text, size_t n);
		size_t (*plain)(char *text, size_t n);
	} forms[] = {
		{ record_like, record_plain }, { markdown_like, markdown_plain }, { unwrap_like, unwrap_plain },
	};
	unsigned undone = 0;
	for (size_t k = 0; k < sizeof forms / sizeof *forms; k++)
		if (known >= 0 ? ((unsigned)known >> k & 1) != 0 : forms[k].like(d->text, d->len) != 0) {
			d->len = forms[k].plain(d->text, d->len);
			if (k == 0)
				html_in_record(d);
			undone |= 1u << k;
		}
	return undone;
}

/* Decodes and parses bytes into t->r (decodes only, for t->text_only); returns 0, or 1 when
 * skipped (recorded in msgs). When `block` is not NULL the bytes are *block's (encoding_decode_take),
 * which the text may take: *block is then NULL. */
static int make_report(struct corpus *c, const char *path, const char *bytes, size_t n, char **block,
                       struct target *t)
{
	struct decoded d;
	char *cause, *converted = NULL;
	int kind = extract_kind_of(bytes, n, path);
	if (kind != EXTRACT_TEXT) {   /* a web page, PDF or Word file: its text */
		if (convert(c, kind, bytes, &n, &converted, &cause) < 0)
			return fail(c, path, t, cause);
		bytes = converted;
	}
	int failed = (block && !converted ? encoding_decode_take(block, n, &d, &cause)
	                                  : encoding_decode(bytes, n, &d, &cause)) < 0;
	free(converted);
	if (failed)
		return fail(c, path, t, cause);
	unsigned page_forms = kind == EXTRACT_TEXT ? read_as_page(&d, t->page_forms) : 0;
	if (t->text_only) {
		t->r = xcalloc(1, sizeof *t->r);
		t->r->path = xstrdup(path);
		t->r->text = d.text;
		t->r->len = t->r->body_end = d.len;
	} else {
		t->r = parse_report(d.text, d.len, path);
		fix_meta(c, path, t->r);
	}
	t->r->encoding = (int)d.from;
	t->r->replaced = d.replaced;
	t->r->page_forms = page_forms;
	size_t i = t->entry < 0 ? c->n : (size_t)t->entry;
	if (d.replaced && !(t->entry >= 0 && file_at(c, i)->noted))
		msg_at(c, path, xasprintf("%zu invalid byte sequence%s replaced by U+FFFD", d.replaced,
		                          d.replaced == 1 ? "" : "s"), 0, i, (long)i);
	return 0;
}

/* Appends an entry; r may be NULL (not loaded yet). */
static void add_entry(struct corpus *c, const char *path, struct report *r, const struct stat *st)
{
	c->reports = xgrow(c->reports, &c->cap, c->n + 1, sizeof *c->reports);
	c->files = xgrow(c->files, &c->filecap, c->n + 1, sizeof *c->files);
	struct corpus_file *f = &c->files[c->n];
	*f = (struct corpus_file){ xstrdup(path), -1, 0, 0, 0, 0, 1 };
	if (st && S_ISREG(st->st_mode)) {
		f->size = (long long)st->st_size;
		f->mtime_ns = mtime_of(st);
		f->dev = (unsigned long long)st->st_dev;
		f->ino = (unsigned long long)st->st_ino;
	}
	f->noted = r != NULL;
	c->reports[c->n++] = r;
}

int corpus_add_bytes(struct corpus *c, const char *path, const char *bytes, size_t n)
{
	struct target t = { -1, NULL, 0, -1 };
	if (make_report(c, path, bytes, n, NULL, &t))
		return -1;
	add_entry(c, path, t.r, NULL);
	return 0;
}

/* Room for `need` bytes in c->readbuf, whose bytes are not kept. */
static void read_room(struct corpus *c, size_t need)
{
	if (c->readcap >= need)
		return;
	free(c->readbuf);
	c->readbuf = xmalloc(need);
	c->readcap = need;
}

/* Makes the report of the len bytes read into c->readbuf, which its text may take. */
static int make_read(struct corpus *c, const char *path, size_t len, struct target *t)
{
	int skipped = make_report(c, path, c->readbuf, len, &c->readbuf, t);
	if (!c->readbuf)
		c->readcap = 0;
	return skipped;
}

/* Reads fd to its end into c->readbuf and makes the report; `size` is what fstat said (0 when
 * it says nothing). Returns 1 when skipped. */
static int read_fd(struct corpus *c, const char *path, int fd, size_t size, struct target *t)
{
	size_t len = 0;
	read_room(c, size ? size + 1 : READ_MIN);
	for (;;) {
		if (len == c->readcap)
			c->readbuf = xgrow(c->readbuf, &c->readcap, len + 1, 1);
		size_t want = c->readcap - len;
		ssize_t got = read(fd, c->readbuf + len, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return fail(c, path, t, xstrdup(errno_reason(errno)));
		/* Past the size fstat said (a file that grew, a pipe, a device), a NUL byte ends the
		 * reading early: the input is binary, and /dev/zero must not fill the memory. Before
		 * it, decoding finds a NUL. */
		int nul = len + (size_t)got > size && memchr(c->readbuf + len, '\0', (size_t)got) != NULL;
		len += (size_t)got;
		/* A read of a regular file that gives less than asked has met its end, unless a
		 * signal cut it short before the size fstat said: one read for a file that did not
		 * change. */
		int end = got == 0 || (size && len >= size && (size_t)got < want);
		if (end || nul)
			return make_read(c, path, len, t);
		if (len > FILE_MAX)
			return fail(c, path, t, xstrdup("file too large (over 1 GiB)"));
	}
}

static int read_file(struct corpus *c, const char *path, int fd, const struct stat *st)
{
	struct target t = { -1, NULL, 0, -1 };
	if (read_fd(c, path, fd, S_ISREG(st->st_mode) ? (size_t)st->st_size : 0, &t))
		return 1;
	add_entry(c, path, t.r, st);
	return 0;
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
	} else {   /* O_NONBLOCK is set on a regular file alone, where it changes nothing */
		failed = read_file(c, path, fd, &st);
	}
	close(fd);
	return failed;
}

/* Records a file of a lazy walk unread; what stat tells is checked now, as add_file would. */
static int add_unread(struct corpus *c, const char *path, const struct stat *st)
{
	if (!S_ISREG(st->st_mode))
		return skip(c, path, "not a regular file");
	if (st->st_size == 0)
		return skip(c, path, "empty file");
	if ((uintmax_t)st->st_size > FILE_MAX)
		return skip(c, path, "file too large (over 1 GiB)");
	add_entry(c, path, NULL, st);
	return 0;
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

/* A file a directory walk takes: a report in any format fazhi reads (extract.h). */
static int is_report_name(const char *name)
{
	return extract_wanted_name(name);
}

struct entry {
	char *name;
	unsigned char type;   /* d_type, DT_UNKNOWN when the file system does not say */
};

/* Threads for stats: the kernel answers stats of different files at once, so more than the
 * cores helps little, and a few hundred files are not worth a thread. */
#define STAT_THREADS 4
#define STATS_PER_THREAD 256

/* One thread's share of stats_shared: stat(arg, from, to). */
struct stat_share {
	void (*stat)(void *arg, size_t from, size_t to);
	void *arg;
	size_t from, to;
};

static void *stat_share_run(void *arg)
{
	const struct stat_share *sh = arg;
	sh->stat(sh->arg, sh->from, sh->to);
	return NULL;
}

/* Calls stat(arg, from, to) over [0, n) cut into a few ranges, one a thread (this one too); a
 * range whose thread cannot be started is done on this one. */
static void stats_shared(size_t n, void (*stat)(void *arg, size_t from, size_t to), void *arg)
{
	size_t nt = n / STATS_PER_THREAD, most = ordered_threads(STAT_THREADS);
	nt = nt > most ? most : nt;
	nt = nt ? nt : 1;
	struct stat_share sh[STAT_THREADS];
	pthread_t th[STAT_THREADS];
	size_t started = 0;
	for (size_t t = 0; t < nt; t++) {
		sh[t] = (struct stat_share){ stat, arg, n * t / nt, n * (t + 1) / nt };
		if (t > 0 && pthread_create(&th[t], NULL, stat_share_run, &sh[t]) == 0)
			started |= (size_t)1 << t;
		else if (t > 0)
			stat_share_run(&sh[t]);   /* no thread: this one does it */
	}
	stat_share_run(&sh[0]);
	for (size_t t = 1; t < nt; t++)
		if (started & (size_t)1 << t)
			pthread_join(th[t], NULL);
}

/* The entries of a directory to stat through its descriptor fd: errs[i] 0 and sts[i] its stat,
 * or the errno. */
struct entry_stats {
	int fd;
	const struct entry *v;
	struct stat *sts;
	int *errs;
};

static void stat_entries_at(void *arg, size_t from, size_t to)
{
	const struct entry_stats *a = arg;
	for (size_t i = from; i < to; i++)
		a->errs[i] = fstatat(a->fd, a->v[i].name, &a->sts[i], 0) < 0 ? errno : 0;
}

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void add_dir(struct corpus *c, const char *path, const struct stat *st)
{
	c->dirs = xgrow(c->dirs, &c->dircap, c->ndirs + 1, sizeof *c->dirs);
	c->dirs[c->ndirs++] = (struct corpus_dir){ xstrdup(path), mtime_of(st), c->n };
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
	if (n > 1)
		qsort(ents, n, sizeof *ents, entry_cmp);
	/* Stat'ed through the directory's descriptor, not by path (a path looked up from its start
	 * for every file costs more than the stat), and shared out: a walk is mostly stats. */
	struct stat *sts = xmalloc((n + 1) * sizeof *sts);
	int *errs = xmalloc((n + 1) * sizeof *errs);
	struct entry_stats es = { dirfd(d), ents, sts, errs };
	stats_shared(n, stat_entries_at, &es);
	closedir(d);

	fixes_of(w->c, path, dir_len(path));   /* known before any report is read, for the cache key */
	add_dir(w->c, path, st);
	w->open = xgrow(w->open, &w->opencap, w->nopen + 1, sizeof *w->open);
	w->open[w->nopen++] = id;
	size_t plen = strlen(path);
	int slash = plen > 0 && path[plen - 1] == '/';
	for (size_t i = 0; i < n; i++) {
		char *child = xasprintf("%s%s%s", path, slash ? "" : "/", ents[i].name);
		if (errs[i]) {
			/* Vanished, or a dangling link: only worth a word when it was a report. */
			if (is_report_name(ents[i].name) || ents[i].type == DT_DIR)
				w->failed += skip_errno(w->c, child, errs[i]);
		} else if (S_ISDIR(sts[i].st_mode)) {
			walk_dir(w, child, &sts[i]);
		} else if (is_report_name(ents[i].name)) {
			w->failed += w->c->lazy ? add_unread(w->c, child, &sts[i]) : add_file(w->c, child, 0);
		}
		free(child);
		free(ents[i].name);
	}
	w->nopen--;
	free(sts);
	free(errs);
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
		w.failed = skip(c, path, "no reports found (*.txt *.html *.pdf *.docx)");
	return w.failed;
}

void corpus_add_root(struct corpus *c, const char *path)
{
	c->roots = xgrow(c->roots, &c->rootcap, c->nroots + 1, sizeof *c->roots);
	c->roots[c->nroots++] = xstrdup(path);
}

/* The fixes of walked directory `path`, NULL when none were made for it. */
static struct corpus_fixes *known_fixes(const struct corpus *c, const char *path)
{
	size_t *slot = c->nfixslots ? fix_slot(c, path, dir_len(path)) : NULL;
	return slot && *slot ? &c->fixes[*slot - 1] : NULL;
}

int corpus_dir_had_table(const struct corpus *c, size_t k)
{
	const struct corpus_fixes *f = known_fixes(c, c->dirs[k].path);
	return !f || f->size >= 0;
}

void corpus_add_dir(struct corpus *c, const char *path, long long mtime_ns, int had_table)
{
	int added;
	struct corpus_fixes *f = fixes_entry(c, path, dir_len(path), &added);
	if (added && had_table)
		read_table(c, f, 1);
	c->dirs = xgrow(c->dirs, &c->dircap, c->ndirs + 1, sizeof *c->dirs);
	c->dirs[c->ndirs++] = (struct corpus_dir){ xstrdup(path), mtime_ns, c->n };
}

void corpus_set_source(struct corpus *c, const struct corpus_source *src, size_t n)
{
	c->source = *src;
	c->source_at = c->nsourced = 0;
	free(c->reports);   /* the corpus is empty: room for n, zeroed by the system, not by a pass */
	free(c->files);
	c->reports = xcalloc(n + 1, sizeof *c->reports);
	c->files = xcalloc(n + 1, sizeof *c->files);
	c->cap = c->filecap = n + 1;
}

void corpus_add_sourced(struct corpus *c, size_t n)
{
	if (c->n + n > c->cap || c->n + n > c->filecap) {   /* more than set aside: zero what grew */
		c->reports = xgrow(c->reports, &c->cap, c->n + n, sizeof *c->reports);
		c->files = xgrow(c->files, &c->filecap, c->n + n, sizeof *c->files);
		memset(c->reports + c->n, 0, (c->cap - c->n) * sizeof *c->reports);
		memset(c->files + c->n, 0, (c->filecap - c->n) * sizeof *c->files);
	}
	c->n += n;   /* each entry a zeroed file without a path: file_at asks the source */
	c->nsourced += n;
}

void corpus_add_message(struct corpus *c, const char *path, const char *reason, int skipped)
{
	add_msg(c, path, xstrdup(reason), skipped);
}

int corpus_add_path(struct corpus *c, const char *path)
{
	corpus_add_root(c, path);
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

#define CHANGED "changed since the directory was read"

/* 1 when st is what the walk saw of f. */
static int same_file(const struct corpus_file *f, const struct stat *st)
{
	return S_ISREG(st->st_mode) && (long long)st->st_size == f->size && mtime_of(st) == f->mtime_ns
	       && (unsigned long long)st->st_dev == f->dev && (unsigned long long)st->st_ino == f->ino;
}

/* Room for the paths handed to the kernel (kernel_path); a longer one is handed as it is. */
#define KPATH_MAX 1024

/* path, copied into buf (KPATH_MAX bytes) for a system call. An entry of a source names its
 * file by a path that lies in the index's mapping (corpus_source), and the kernel's first read
 * of a mapped page costs more than the copy: an open of such a path took three times as long. */
static const char *kernel_path(const char *path, char *buf)
{
	size_t n = strlen(path);
	if (n >= KPATH_MAX)
		return path;
	memcpy(buf, path, n + 1);
	return buf;
}

/* How long a directory stays open for the stats of its files: a stat by a directory already
 * open skips the lookup of every component of the path (a third of the cost of checking the
 * thousands of files a count prints). It is opened again after this, so a directory renamed and
 * replaced is seen about as soon as between any stat and the output that follows it. */
#define STATDIR_NS 50000000LL
#ifdef O_PATH
#define STATDIR_OPEN O_PATH   /* a name to stat by, not a directory to read */
#else
#define STATDIR_OPEN O_RDONLY
#endif

static long long monotonic_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000000000 + t.tv_nsec;
}

void corpus_statdir_close(struct corpus_statdir *d)
{
	if (d->path)
		close(d->fd);
	free(d->path);
	d->path = NULL;
}

int corpus_stat_by_dir(struct corpus_statdir *d, const char *file, struct stat *st)
{
	char buf[KPATH_MAX];
	const char *path = kernel_path(file, buf), *slash = strrchr(path, '/');
	if (!slash || slash == path || !slash[1])
		return stat(path, st);
	size_t dlen = (size_t)(slash - path);
	long long now = monotonic_ns();
	if (!d->path || d->len != dlen || memcmp(d->path, path, dlen) != 0 || now - d->at > STATDIR_NS) {
		corpus_statdir_close(d);
		d->path = xstrndup(path, dlen);
		d->fd = open(d->path, STATDIR_OPEN | O_DIRECTORY | O_CLOEXEC);
		if (d->fd < 0) {
			free(d->path);
			d->path = NULL;
			return stat(path, st);
		}
		d->len = dlen;
		d->at = now;
	}
	return fstatat(d->fd, slash + 1, st, 0);
}

int corpus_dir_state(struct corpus_statdir *parent, const char *path, long long mtime_ns)
{
	struct stat st;
	if (corpus_stat_by_dir(parent, path, &st) < 0 || !S_ISDIR(st.st_mode))
		return DIR_GONE;
	return mtime_of(&st) == mtime_ns ? DIR_SAME : DIR_CHANGED;
}

int corpus_unchanged(struct corpus *c, size_t i)
{
	struct corpus_file *f = file_at(c, i);
	if (f->failed)
		return 0;
	if (f->size < 0)
		return 1;
	struct stat st;
	int err = corpus_stat_by_dir(&c->statdir, f->path, &st) < 0 ? errno : 0;
	if (!err && same_file(f, &st))
		return 1;
	struct target t = { (long)i, NULL, 0, -1 };
	fail(c, f->path, &t, xstrdup(err ? errno_reason(err) : CHANGED));
	f->noted = 1;
	f->failed = 1;
	unload(c, i);
	return 0;
}

/* The files of corpus_unchanged_many, and whether each is the same. */
struct files_stats {
	const struct corpus_file *const *f;
	unsigned char *same;
};

/* Files [from, to), by a directory of their own kept open. */
static void stat_files_at(void *arg, size_t from, size_t to)
{
	const struct files_stats *a = arg;
	struct corpus_statdir d = { 0 };
	for (size_t k = from; k < to; k++) {
		struct stat st;
		const struct corpus_file *f = a->f[k];
		a->same[k] = !f->failed && (f->size < 0 || (corpus_stat_by_dir(&d, f->path, &st) == 0 && same_file(f, &st)));
	}
	corpus_statdir_close(&d);
}

/* Stats the files of entries order[0..n) into same[0..n), spread over a few threads. */
static void stat_entries(struct corpus *c, const size_t *order, size_t n, unsigned char *same)
{
	const struct corpus_file **f = xcalloc(n + 1, sizeof *f);
	asked_reserve(c, n);
	for (size_t k = 0; k < n; k++)   /* an entry of a source is filled in here, on this thread */
		f[k] = file_at(c, order[k]);
	struct files_stats fs = { f, same };
	stats_shared(n, stat_files_at, &fs);
	free(f);
}

/* The entries a check asked about, as bits by corpus position, with the number of bits set
 * before each word: their order and each one's rank in it cost a pass over n / 64 words, not a
 * sort, and not a byte per entry of a large corpus. */
struct asked {
	uint64_t *bits;
	uint32_t *before;   /* per word: bits set in the words before it */
	size_t nwords;
};

static void asked_init(struct asked *a, size_t n, const size_t *which, size_t nwhich)
{
	a->nwords = n / 64 + 1;
	a->bits = xcalloc(a->nwords, sizeof *a->bits);
	a->before = xcalloc(a->nwords, sizeof *a->before);
	for (size_t k = 0; k < nwhich; k++)
		a->bits[which[k] / 64] |= (uint64_t)1 << (which[k] % 64);
	uint32_t set = 0;
	for (size_t w = 0; w < a->nwords; w++) {
		a->before[w] = set;
		set += (uint32_t)__builtin_popcountll(a->bits[w]);
	}
}

/* The entries asked, each once, in corpus order, to order; returns how many. */
static size_t asked_order(const struct asked *a, size_t *order)
{
	size_t m = 0;
	for (size_t w = 0; w < a->nwords; w++)
		for (uint64_t b = a->bits[w]; b; b &= b - 1)
			order[m++] = w * 64 + (size_t)__builtin_ctzll(b);
	return m;
}

/* The place of asked entry i in asked_order's order. */
static size_t asked_rank(const struct asked *a, size_t i)
{
	uint64_t below = a->bits[i / 64] & (((uint64_t)1 << (i % 64)) - 1);
	return a->before[i / 64] + (size_t)__builtin_popcountll(below);
}

static void asked_fini(struct asked *a)
{
	free(a->bits);
	free(a->before);
}

void corpus_unchanged_many(struct corpus *c, const size_t *which, size_t n, unsigned char *same)
{
	/* The files are stat'ed in corpus order, which is the walk's: a directory's files together,
	 * so each thread keeps its directory open across them whatever order they were asked in. */
	struct asked a;
	asked_init(&a, c->n, which, n);
	size_t *order = xcalloc(n + 1, sizeof *order);
	size_t m = asked_order(&a, order);
	unsigned char *got = xcalloc(m + 1, 1);
	stat_entries(c, order, m, got);
	for (size_t k = 0; k < n; k++)   /* what changed fails with its message, as it would alone */
		same[k] = got[asked_rank(&a, which[k])] || corpus_unchanged(c, which[k]);
	free(order);
	free(got);
	asked_fini(&a);
}

/* Reads lazy entry i into t->r; a file that is no longer the one the walk saw fails. */
static int read_entry(struct corpus *c, size_t i, struct target *t)
{
	struct corpus_file *f = file_at(c, i);
	char buf[KPATH_MAX];
	int fd = open(kernel_path(f->path, buf), O_RDONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	int failed;
	if (fd < 0) {
		failed = fail(c, f->path, t, xstrdup(errno_reason(errno)));
	} else if (fstat(fd, &st) < 0) {
		failed = fail(c, f->path, t, xstrdup(errno_reason(errno)));
	} else if (!same_file(f, &st)) {
		failed = fail(c, f->path, t, xstrdup(CHANGED));
	} else {   /* a regular file (same_file): O_NONBLOCK changes nothing in how it reads */
		failed = read_fd(c, f->path, fd, (size_t)st.st_size, t);
	}
	if (fd >= 0)
		close(fd);
	if (c->readcap > KEEP_MAX) {
		free(c->readbuf);
		c->readbuf = NULL;
		c->readcap = 0;
	}
	f->noted = 1;
	if (failed)
		f->failed = 1;
	return failed;
}

static void load_entry(struct corpus *c, size_t i)
{
	struct target t = { (long)i, NULL, 0, -1 };
	if (read_entry(c, i, &t))
		t.r = parse_report(xstrdup(""), 0, file_at(c, i)->path);
	*report_at(c, i) = t.r;
}

/* corpus_read_text and corpus_read_text_as: page_forms -1 finds them. */
static struct report *read_text(struct corpus *c, size_t i, int page_forms)
{
	if (file_at(c, i)->failed)
		return NULL;
	const struct report *had = loaded(c, i);
	if (had) {   /* loaded (perhaps read when added, from a pipe): its text */
		struct report *r = xcalloc(1, sizeof *r);
		r->path = xstrdup(had->path);
		r->text = xmalloc(had->len + 1);
		memcpy(r->text, had->text, had->len + 1);
		r->len = r->body_end = had->len;
		r->encoding = had->encoding;
		r->page_forms = had->page_forms;
		return r;
	}
	struct target t = { (long)i, NULL, 1, page_forms };
	if (read_entry(c, i, &t)) {
		report_free(t.r);
		return NULL;
	}
	return t.r;
}

struct report *corpus_read_text(struct corpus *c, size_t i)
{
	return read_text(c, i, -1);
}

struct report *corpus_read_text_as(struct corpus *c, size_t i, unsigned page_forms)
{
	return read_text(c, i, (int)(page_forms & 0xff));
}

const struct report *corpus_load(struct corpus *c, size_t i)
{
	struct report **r = report_at(c, i);
	if (!*r) {
		if (file_at(c, i)->failed)
			*r = parse_report(xstrdup(""), 0, file_at(c, i)->path);
		else
			load_entry(c, i);
	}
	return *r;
}

struct report *corpus_get(struct corpus *c, size_t i)
{
	corpus_load(c, i);
	return file_at(c, i)->failed ? NULL : loaded(c, i);
}

int corpus_loaded(const struct corpus *c, size_t i)
{
	return loaded(c, i) != NULL;
}

struct report *corpus_report(const struct corpus *c, size_t i)
{
	return loaded(c, i);
}

int corpus_failed(const struct corpus *c, size_t i)
{
	return file_at(c, i)->failed;
}

void corpus_unload(struct corpus *c, size_t i)
{
	/* Only a regular file can be read again; an entry read when added may be a pipe. */
	if (file_at(c, i)->size <= 0 || !loaded(c, i))
		return;
	unload(c, i);
}

const char *corpus_path(const struct corpus *c, size_t i)
{
	return file_at(c, i)->path;
}

size_t corpus_size(const struct corpus *c, size_t i)
{
	const struct report *r = loaded(c, i);
	if (r)
		return r->len;
	long long size = file_at(c, i)->size;
	return size > 0 ? (size_t)size : 0;
}

void corpus_meta(struct corpus *c, size_t i, struct corpus_meta *out)
{
	/* An entry of the source not yet asked for is not known to have failed: its metadata is the
	 * index's, and sorting a list reads no path. */
	const struct corpus_file *f = file_known(c, i);
	int failed = f && f->path ? f->failed : 0;
	if (!loaded(c, i) && !failed && c->meta.fn && c->meta.fn(c->meta.arg, i, out) == 0)
		return;
	const struct report *r = corpus_load(c, i);
	*out = (struct corpus_meta){ r->meta.title, r->meta.region, r->meta.year };
}

/* qsort has no context argument in C11: the metadata being sorted, for the comparison. */
static const struct corpus_meta *sorting;
static const struct corpus *sorting_corpus;

static int by_region_year(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct corpus_meta *x = &sorting[i], *y = &sorting[j];
	const char *rx = x->region, *ry = y->region;
	if (!rx != !ry)
		return rx ? -1 : 1;   /* unknown regions last */
	int c = rx ? strcmp(rx, ry) : 0;
	if (c)
		return c;
	if (x->year != y->year)
		return x->year < y->year ? -1 : 1;
	return strcmp(corpus_path(sorting_corpus, i), corpus_path(sorting_corpus, j));
}

void corpus_sort_listed(const struct corpus *c, const struct corpus_meta *meta, size_t *order)
{
	for (size_t i = 0; i < c->n; i++)
		order[i] = i;
	sorting = meta;
	sorting_corpus = c;
	qsort(order, c->n, sizeof *order, by_region_year);
	sorting = NULL;
	sorting_corpus = NULL;
}

void corpus_list_order(struct corpus *c, size_t *order)
{
	struct corpus_meta *meta = xmalloc((c->n ? c->n : 1) * sizeof *meta);
	for (size_t i = 0; i < c->n; i++)
		corpus_meta(c, i, &meta[i]);
	corpus_sort_listed(c, meta, order);
	free(meta);
}

void corpus_set_meta(struct corpus *c, const struct corpus_meta_source *src)
{
	c->meta = src ? *src : (struct corpus_meta_source){ NULL, NULL, NULL };
}

int corpus_digest(const struct corpus *c, size_t i, const void **p, size_t *len)
{
	if (i >= c->n || file_at(c, i)->failed || !c->meta.digest)
		return -1;
	return c->meta.digest(c->meta.arg, i, p, len);
}

void corpus_note(struct corpus *c, size_t i, const char *reason, int skipped)
{
	struct corpus_file *f = file_at(c, i);
	msg_at(c, f->path, xstrdup(reason), skipped, i, (long)i);
	f->noted = 1;
	if (skipped && !f->failed) {
		f->failed = 1;
		unload(c, i);
	}
}

/* ---- how far a replayed walk is behind the directories (corpus_behind) ---- */

/* An entry that is gone: failed, with no message of its own (the caller tells them together). */
static void drop(struct corpus *c, size_t i)
{
	struct corpus_file *f = file_at(c, i);
	f->failed = 1;
	f->noted = 1;
	unload(c, i);
}

static int str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int str_find(char **v, size_t n, const char *s)
{
	return n && bsearch(&s, v, n, sizeof *v, str_cmp) != NULL;
}

/* What a child name of a directory lists as path/name. */
static char *child_of(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	return xasprintf("%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

/* The fixes of directory `path`, if the replayed walk took its table to be absent: a directory
 * that changed may have one now. */
static void look_again(struct corpus *c, const char *path)
{
	struct corpus_fixes *f = known_fixes(c, path);
	if (f && f->unlooked)
		read_table(c, f, 1);
}

/* A directory whose mtime differs from the one recorded: as the "path/" prefix of its entries. */
struct changed {
	char *prefix;   /* first, so that str_cmp sorts and finds these by it */
	int gone;       /* no longer a directory */
};

/* The changed directories, sorted by prefix. They are in walk order, so sibling directories come
 * together and are stat'ed by their parent kept open. */
static size_t changed_dirs(struct corpus *c, struct changed **out)
{
	struct changed *v = xcalloc(c->ndirs + 1, sizeof *v);
	struct corpus_statdir parent = { 0 };
	size_t n = 0;
	for (size_t k = 0; k < c->ndirs; k++) {
		int state = corpus_dir_state(&parent, c->dirs[k].path, c->dirs[k].mtime_ns);
		if (state == DIR_SAME)
			continue;
		v[n++] = (struct changed){ child_of(c->dirs[k].path, ""), state == DIR_GONE };
		look_again(c, c->dirs[k].path);
	}
	corpus_statdir_close(&parent);
	qsort(v, n, sizeof *v, str_cmp);
	*out = v;
	return n;
}

/* Report files below a directory no entry knows (one added since the walk): its own walk. */
static size_t count_new_dir(const char *path)
{
	struct corpus s;
	corpus_init(&s);
	s.lazy = 1;
	add_path(&s, path);
	size_t n = s.n;
	corpus_fini(&s);
	return n;
}

struct numbered {
	char *path;   /* first, for str_cmp */
	size_t i;
};

/* The walk replayed, sorted for lookups by path. */
struct known {
	struct numbered *files;   /* every entry */
	char **dirs;              /* every directory the walk read */
	unsigned char *seen;      /* per entry: listed by a changed directory */
};

static void known_init(struct known *k, const struct corpus *c)
{
	k->files = xcalloc(c->n + 1, sizeof *k->files);
	for (size_t i = 0; i < c->n; i++)
		k->files[i] = (struct numbered){ file_at(c, i)->path, i };
	qsort(k->files, c->n, sizeof *k->files, str_cmp);
	k->dirs = xcalloc(c->ndirs + 1, sizeof *k->dirs);
	for (size_t d = 0; d < c->ndirs; d++)
		k->dirs[d] = c->dirs[d].path;
	qsort(k->dirs, c->ndirs, sizeof *k->dirs, str_cmp);
	k->seen = xcalloc(c->n + 1, 1);
}

static void known_fini(struct known *k)
{
	free(k->files);
	free(k->dirs);
	free(k->seen);
}

/* Reads one changed directory: its names that are entries are marked seen (and counted as
 * changed when their stat differs), the report files and directories no walk knew counted as
 * added. */
static void read_changed(struct corpus *c, const char *dir, struct known *k, struct corpus_behind *out)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *child = child_of(dir, e->d_name);
		const struct numbered *hit = c->n ? bsearch(&child, k->files, c->n, sizeof *k->files, str_cmp) : NULL;
		struct stat st;
		int ok = stat(child, &st) == 0;
		if (hit) {   /* every entry of it: PATHs that overlap name a file more than once */
			const struct numbered *end = k->files + c->n;
			while (hit > k->files && strcmp(hit[-1].path, child) == 0)
				hit--;
			for (; hit < end && strcmp(hit->path, child) == 0; hit++) {
				k->seen[hit->i] = 1;
				out->changed += !ok || !same_file(file_at(c, hit->i), &st);
			}
		} else if (ok && S_ISDIR(st.st_mode)) {
			if (!str_find(k->dirs, c->ndirs, child))
				out->added += count_new_dir(child);
		} else if (ok && S_ISREG(st.st_mode) && is_report_name(e->d_name) && st.st_size > 0
		           && (uintmax_t)st.st_size <= FILE_MAX) {
			out->added++;
		}
		free(child);
	}
	if (d)
		closedir(d);
}

/* Drops the entries of changed directories that none of them listed: removed. */
static void drop_unseen(struct corpus *c, const struct changed *changed, size_t nchanged, const unsigned char *seen,
                        struct corpus_behind *out)
{
	for (size_t i = 0; i < c->n; i++) {
		const char *p = file_at(c, i)->path, *slash = strrchr(p, '/');
		if (seen[i] || !slash)
			continue;
		char *parent = xstrndup(p, (size_t)(slash - p) + 1);
		if (bsearch(&parent, changed, nchanged, sizeof *changed, str_cmp)) {
			drop(c, i);
			out->removed++;
		}
		free(parent);
	}
}

void corpus_behind(struct corpus *c, struct corpus_behind *out)
{
	memset(out, 0, sizeof *out);
	struct changed *changed;
	size_t nchanged = changed_dirs(c, &changed);
	if (nchanged) {
		struct known k;
		known_init(&k, c);
		for (size_t d = 0, times; d < nchanged; d += times) {
			/* PATHs that overlap walk a directory more than once: it is read once, and what
			 * it adds counted each time, as the walk would find it */
			for (times = 1; d + times < nchanged && strcmp(changed[d + times].prefix, changed[d].prefix) == 0;)
				times++;
			struct corpus_behind one = { 0 };
			if (!changed[d].gone)
				read_changed(c, changed[d].prefix, &k, &one);
			out->added += times * one.added;
			out->changed += one.changed;
		}
		drop_unseen(c, changed, nchanged, k.seen, out);
		known_fini(&k);
	}
	for (size_t d = 0; d < nchanged; d++)
		free(changed[d].prefix);
	free(changed);
}
