/* index_cache.c — the index persisted under the cache directory: keyed on the corpus, checked, mapped read-only, written atomically under a lock. */
#include "index.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <fcntl.h>
#include <signal.h>
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
#include "index_merge.h"
#include "table.h"
#include "textcode.h"
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

/* The index of a corpus is a manifest, index-<hash of the paths>.bin, naming its segments,
 * segment-<id>.bin, each a file of its own (laid out below), and saying which report of which
 * segment each corpus entry is (a report no entry names is deleted); the manifest also keeps the
 * notes and directories of the walk (below). A segment is written whole, renamed into place,
 * and never changed: an update writes new segments for the files added and changed, then a new
 * manifest (a temporary file renamed over the old one), so a reader, or a build killed at any
 * moment, sees the old manifest or the new one, each naming segments that exist. Segments no
 * manifest names are removed by the next clean-up (index_cache_clean), which runs only while
 * no build holds segments.lock (shared by every build from its first segment to its manifest).
 * A segment found damaged (a checksum failed) is removed at once; the update that follows keeps
 * the manifest's other segments as they are and indexes again the reports of the missing one
 * (open_salvaged), so damage costs that segment's reports, not the whole index, and a build
 * killed meanwhile leaves the old manifest, which the next run repairs the same way.
 *   manifest: struct mhead | u64 ids[nseg] | struct index_run runs[] | notes | dirs |
 *             u64 order_sum | u32 order[n] (padded to 8)
 * where order is the corpus positions in the browser's list order (corpus_list_order), so that
 * its first frame sorts nothing: it is read only by the list (index_cache_list_order), with its
 * own checksum, and the manifest's checksum covers the rest; and the runs (index_blob.h) fill
 * what the head's lengths and the order leave, so a manifest's size but its order, and
 * the work of checking and reading it, grows with the runs (one a segment after a build), not
 * with the reports.
 *
 * A segment file is the blob (index_blob.h) followed by a trailer of this file's own, so that
 * opening it reads only what the first frame needs:
 *   blob | pad to 8 | struct trailer | sums[nblocks] | table_sums[ntblocks] | notes |
 *   stats[ndocs] | slots[ndocs] | dirs | digests (padded to 8) | meta_sums[nmblocks] |
 *   u64 offset of the trailer
 * where digests are the heads of all the reports' digests (digest.h), one after another, then
 * the whole digests: a reader of rows touches a few percent of the region, in one stretch.
 * The trailer's checksum covers the blob's head and what follows its postings, the trailer
 * itself and meta_sums; it is checked at open, and costs the same whatever the number of
 * reports. What a search of a few reports needs (the head, the trailer and meta_sums at open, a
 * lookup's fences and keys, the sums of the blocks it checks, a few reports' records) is read
 * from the file, not touched in the mapping: here a page of a mapping first touched costs 20-45
 * us, a read of a few bytes 1-2 us; through the mapping, opening four segments and looking a word
 * up in each took 36 faults. The meta, everything from sums to the digests (the blocks' sums, 32 bytes of stat and
 * 48 of slot a report), is cut into META_BLOCK-byte blocks, each checked against its meta_sums
 * the first time a part of it is read: a block's sum before that block is checked, a report's
 * stat before an update or a freshness check reads it, a slot before its digest is located.
 * The blob's tables (docs, norms, keys, fences, words, pool, lines: everything before the
 * postings, about 3% of the file) are cut into TABLE_BLOCK-byte blocks and
 * the postings into BLOCK-byte blocks, each with its own checksum, checked the first time a
 * lookup reads it (index_check: a key or word looked up, a report's entry, its strings or
 * lines, the postings of a key a search reads); each report's digest has one and its head another,
 * checked when each is first read (index_digest, index_digest_head), so opening never reads the
 * digests and a reader of rows never reads the facts. The notes are the
 * messages the walk and the build met (entry, skipped, reason): those of an entry are given back to the
 * corpus when the cache is used, since the files are then not read; those of the walk (entry
 * NO_ENTRY) are replayed when the walk is (index_cache_walk). stats keep what stat said of each
 * file when it was indexed (index_cache_status, index_cache_walk, and the update, which keeps a
 * report whose file stat still gives the same size and mtime), dirs the directories walked with
 * their mtimes and whether each had a fazhi-meta.tsv (a replayed walk looks only where one was);
 * a segment's notes and dirs are empty (its manifest has them). BLOB_VERSION covers these
 * layouts too. */
#define NO_ENTRY UINT32_MAX
#define BLOCK ((uint64_t)1 << 12)   /* a page: a result reads a few places of long lists, each costs a block */
#define TABLE_BLOCK ((uint64_t)1 << 10)   /* small: a lookup reads a fence and a few keys, a report its norm */
#define META_BLOCK ((uint64_t)1 << 12)
/* Why a manifest was not used when its key is not the corpus's: the files are not those indexed. */
#define CHANGED_SINCE "index of another corpus, or files changed since"
#define TRAILER_MAGIC "FAZHILZ4"
#define MANIFEST_MAGIC "FAZHIMF1"

struct mhead {
	char magic[8];
	uint32_t version, endian;
	uint64_t key;      /* corpus_key */
	uint64_t tables;   /* tables_key: segments of another are never reused */
	uint64_t n, nseg, notes_len, dirs_len, size;
	uint64_t hsum;     /* of the head alone (hsum and sum read as 0), so a cut file is told from a damaged one */
	uint64_t sum;      /* of the whole file, sum read as 0 */
};

struct trailer {
	char magic[8];
	uint64_t blob_size, block, nblocks, notes_len, ndocs, dirs_len, digests_len, sum;
	uint64_t table_block, ntblocks;   /* the tables' blocks: [0, post_off) of the blob */
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
	uint32_t table;    /* 0: the walk found no fazhi-meta.tsv in it (corpus_dir_had_table) */
	uint32_t pad;
};

struct slot {   /* a digest: bytes [off, off + len) of the digests region; its head's copy at head_off */
	uint64_t off, len, sum, head_off, head_len, head_sum;
};

/* The text of a table the digests are made with (a missing file mixes its name alone). */
static uint64_t mix_table(uint64_t h, const char *env, const char *asset)
{
	h = checksum_fnv(h, asset, strlen(asset) + 1);
	uint64_t sum = table_checksum(env, asset, 2);
	return checksum_fnv(h, &sum, sizeof sum);
}

/* What makes a cache valid for this corpus, known without reading a report: the formats, and
 * every path with the size and mtime stat gave (or, for an input that is not a regular file,
 * its text, read already), and what stat gave of each directory's fazhi-meta.tsv. */
/* What makes a segment reusable for this corpus, the files aside: the layout, the tables the
 * digests are made with, the hand corrections of the metadata. */
static uint64_t tables_key(const struct corpus *c)
{
	uint64_t v[5] = { BLOB_VERSION, BLOCK, TABLE_BLOCK, DIGEST_READING, textcode_key() };   /* the sentences' code */
	uint64_t h = checksum_fnv(CHECKSUM_FNV_OFFSET, v, sizeof v);
	h = mix_table(h, "FAZHI_METRICS", "metrics.tsv");   /* the digests' facts and classes */
	h = mix_table(h, "FAZHI_TAXONOMY", "taxonomy.tsv");
	for (size_t i = 0; i < c->nfixes; i++) {   /* hand corrections of the metadata */
		const struct corpus_fixes *f = &c->fixes[i];
		int64_t st[2] = { f->size, f->mtime_ns };
		h = checksum_fnv(h, f->dir, strlen(f->dir) + 1);
		h = checksum_fnv(h, st, sizeof st);
	}
	return h;
}

static uint64_t corpus_key(struct corpus *c)
{
	uint64_t v[2] = { c->n, tables_key(c) };
	uint64_t h = checksum_fnv(CHECKSUM_FNV_OFFSET, v, sizeof v);
	for (size_t i = 0; i < c->n; i++) {
		const struct corpus_file *f = corpus_file(c, i);
		h = checksum_fnv(h, f->path, strlen(f->path) + 1);
		if (f->size >= 0) {
			int64_t st[2] = { f->size, f->mtime_ns };
			h = checksum_fnv(h, st, sizeof st);
		} else {
			const struct report *r = corpus_load(c, i);
			h = checksum_fnv(h, r->text, r->len);
		}
	}
	return h | 1;   /* never 0, the key of an unsaved index */
}

/* h mixed with the paths a corpus was given, each as given (the index keeps the reports' paths
 * spelled so) and as the file it names from here: `corpus` given in two directories is two
 * corpora, which may hold the same names, sizes and mtimes. */
static uint64_t mix_roots(uint64_t h, char *const *roots, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *real = realpath(roots[i], NULL);
		h = checksum_fnv(h, roots[i], strlen(roots[i]) + 1);
		if (real)
			h = checksum_fnv(h, real, strlen(real) + 1);
		free(real);
	}
	return h;
}

char *index_cache_path(const struct corpus *c, const char *dir)
{
	uint64_t h = mix_roots(checksum_fnv(0x84222325CBF29CE4ull, &c->n, sizeof c->n), c->roots, c->nroots);
	for (size_t i = 0; i < c->n; i++)
		h = checksum_fnv(h, corpus_path(c, i), strlen(corpus_path(c, i)) + 1);
	return xasprintf("%s/index-%016llx.bin", dir, (unsigned long long)h);
}

/* What of a report's digest has been checked (struct mapped's dchecked). */
enum {
	HEAD_INTACT = 1, HEAD_DAMAGED = 2,
	WHOLE_INTACT = 4, WHOLE_DAMAGED = 8
};

/* Bytes copied out of the file, never moved: a chunk of COPY_CHUNK bytes, the latest first. */
struct copy_chunk {
	struct copy_chunk *next;
	size_t used;
	_Alignas(8) unsigned char bytes[];
};

/* A mapped cache file and what of its postings and digests has been checked. */
/* Blocks of a region read from the file and checked, the last few kept: every lookup's binary
 * search begins at the same few fences, and a search looks its keys up again and again. */
enum { HELD_BLOCKS = 8 };
struct held_blocks {
	uint64_t held[HELD_BLOCKS];   /* each slot's block number + 1, 0 none */
	uint64_t used[HELD_BLOCKS];   /* when each was last read (a count of reads): the oldest goes */
	uint64_t reads;
	unsigned char *bytes;         /* HELD_BLOCKS blocks of the region's size, NULL before a read */
};

struct mapped {
	const unsigned char *map;
	size_t len;
	struct head head;         /* the blob's head and the trailer, read from the file: a page of */
	struct trailer t;         /* the mapping first touched costs more than a read of its bytes */
	const unsigned char *post;
	const uint64_t *sums;
	uint64_t post_len, nblocks;
	const uint64_t *table_sums;
	uint64_t tables_len, ntblocks;
	const unsigned char *notes;
	const struct filestat *stats;
	const struct slot *slots;
	const unsigned char *dirs;
	const unsigned char *digests;
	unsigned char *flags;     /* checked, tchecked and mchecked, one mapping of flags_len bytes */
	uint64_t flags_len;
	unsigned char *checked;   /* a bit per block of the postings: 1 checked */
	unsigned char *tchecked;  /* a bit per block of the tables: 1 checked */
	unsigned char *dchecked;  /* per report: HEAD_* and WHOLE_* bits, what of its digest was checked */
	const unsigned char *meta;   /* sums to digests, meta_len bytes */
	uint64_t meta_len;
	const uint64_t *meta_sums;
	uint64_t meta_sums_at;    /* their place in the file */
	struct held_blocks lookups;   /* of the tables, that lookups read (tables_read) */
	unsigned char *mchecked;  /* per block of the meta: 0 not checked, META_INTACT, META_DAMAGED */
	char *path;               /* the file, removed when found damaged */
	dev_t dev;
	ino_t ino;
	char *damage;             /* NULL while intact */
	uint64_t id;              /* a segment's, in its name and its blob's key */
	int fd;                   /* the file, open for the reads of a few reports' records */
	unsigned reads;           /* reads of records so far (SPARSE_READS) */
	uint64_t copied;          /* bytes of the copies (COPY_BUDGET) */
	struct copy_chunk *copies;   /* where the records read are kept until mapped_free */
	struct copied { uint64_t off, len; const void *p; } recent[16];   /* the tables' last copies, by offset */
};

static uint64_t meta_blocks(uint64_t len);

static uint64_t bits_bytes(uint64_t n)
{
	return n / 8 + 1;
}

static void mapped_free(void *arg)
{
	struct mapped *m = arg;
	free_sparse(m->flags, m->flags_len);
	free_sparse(m->dchecked, m->t.ndocs + 1);
	munmap((void *)m->map, m->len);
	if (m->fd >= 0)
		close(m->fd);
	for (struct copy_chunk *c = m->copies, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	free(m->lookups.bytes);
	free(m->path);
	free(m->damage);
	free(m);
}

/* Removes the damaged file at path, when it is still this very file (dev, ino), not one another
 * instance has just written in its place: it is never trusted again. */
static void forget_file(const char *path, dev_t dev, ino_t ino)
{
	struct stat st;
	if (stat(path, &st) == 0 && st.st_dev == dev && st.st_ino == ino)
		unlink(path);
}

/* Marks the file damaged and removes it (the next index_open indexes its reports again);
 * returns -1. */
static int found_damage(struct mapped *m, const char *cause)
{
	if (!m->damage) {   /* the first cause found is the one told */
		m->damage = xstrdup(cause);
		forget_file(m->path, m->dev, m->ino);
	}
	return -1;
}

/* The checksum of block b of a region of len bytes at base cut into blocks of size bytes (the
 * last may be short): what the trailer keeps of each block, and what its check (struct blocks)
 * finds again of the bytes read. */
static uint64_t block_sum(const unsigned char *base, uint64_t len, uint64_t size, uint64_t b)
{
	uint64_t at = b * size;
	return checksum64(b, base + at, len - at < size ? len - at : size);
}

enum { META_INTACT = 1, META_DAMAGED = 2 };
#define SUMS_DAMAGED "index segment damaged (checksum of the trailer)"

static int sum_of(struct mapped *m, const uint64_t *at, uint64_t *sum);
static int meta_intact(struct mapped *m, const void *p, uint64_t len);
static int meta_sum(struct mapped *m, uint64_t b, int read, uint64_t *sum);

/* The flags of what m's checks have checked, zeroed, in one mapping: a search opens every
 * segment, and each mapping costs its making and its unmaking. Bits rather than bytes for the
 * blocks: each new page of the flags costs a process as much as checking a block, and an 11 GB
 * index has millions of blocks. */
static void flags_new(struct mapped *m)
{
	uint64_t post = bits_bytes(m->nblocks), tables = bits_bytes(m->ntblocks);
	m->flags_len = post + tables + meta_blocks(m->meta_len) + 1;
	m->flags = xcalloc_sparse(m->flags_len);
	m->checked = m->flags;
	m->tchecked = m->flags + post;
	m->mchecked = m->flags + post + tables;
}

static int bit_is_set(const unsigned char *v, uint64_t i)
{
	return v[i / 8] >> (i % 8) & 1;
}

static void bit_set(unsigned char *v, uint64_t i)
{
	v[i / 8] |= (unsigned char)(1u << (i % 8));
}

/* A region of the file cut into blocks, each checked against its sum the first time it is read:
 * the postings, the blob's tables, the trailer's meta. */
struct blocks {
	uint64_t at, len, size;   /* the region's place in the file, its bytes, its blocks' */
	int (*state)(const struct mapped *m, uint64_t b);   /* 1 intact, 0 not checked yet, -1 damaged */
	/* 0 intact; `read`: the bytes were read from the file, not the mapping, and so is the sum */
	int (*check)(struct mapped *m, uint64_t b, const unsigned char *bytes, uint64_t n, int read);
};

/* Bytes of block b of a region of len bytes cut into blocks of size (the last may be short). */
static uint64_t block_len(uint64_t len, uint64_t size, uint64_t b)
{
	return len - b * size < size ? len - b * size : size;
}

/* Checks in the mapping each block of region r that bytes [off, off + len) of it touch (none past
 * its end), those not checked yet; 0 when all are intact. */
static int check_mapped(struct mapped *m, const struct blocks *r, uint64_t off, uint64_t len)
{
	for (uint64_t b = off / r->size; len && b <= (off + len - 1) / r->size && b * r->size < r->len; b++) {
		int state = r->state(m, b);
		if (state == 0)
			state = r->check(m, b, m->map + r->at + b * r->size, block_len(r->len, r->size, b), 0) == 0 ? 1 : -1;
		if (state < 0)
			return -1;
	}
	return 0;
}

/* The states of a block: of the postings and of the tables, damaged once the file is found so. */
static int post_state(const struct mapped *m, uint64_t b)
{
	return m->damage ? -1 : bit_is_set(m->checked, b);
}

static int tables_state(const struct mapped *m, uint64_t b)
{
	return m->damage ? -1 : bit_is_set(m->tchecked, b);
}

static int meta_state(const struct mapped *m, uint64_t b)
{
	return m->mchecked[b] == META_INTACT ? 1 : m->mchecked[b] == META_DAMAGED ? -1 : 0;
}

/* Checks block b, its n bytes at bytes, against its sum and marks it in bits; 0 when it passes,
 * else -1 with the file marked damaged (`damage` says how). */
static int block_check(struct mapped *m, uint64_t sum, unsigned char *bits, const char *damage, uint64_t b,
                       const unsigned char *bytes, uint64_t n)
{
	if (checksum64(b, bytes, n) != sum)
		return found_damage(m, damage);
	bit_set(bits, b);
	return 0;
}

/* The sum at `at` of the meta (of a block of the postings or the tables) in *sum: read from the
 * file for a block that was (`read`), a few far apart; else in the mapping, where a page of sums
 * serves 512 blocks (a long list, the norms of many reports). -1, the file marked damaged, when
 * it cannot be trusted. */
static int block_sum_of(struct mapped *m, const uint64_t *at, int read, uint64_t *sum)
{
	if (read)
		return sum_of(m, at, sum);
	if (!meta_intact(m, at, sizeof *at))
		return found_damage(m, SUMS_DAMAGED);
	*sum = *at;
	return 0;
}

static int post_check(struct mapped *m, uint64_t b, const unsigned char *bytes, uint64_t n, int read)
{
	uint64_t sum;
	if (block_sum_of(m, &m->sums[b], read, &sum) < 0)
		return -1;
	return block_check(m, sum, m->checked, "index segment damaged (checksum of the postings)", b, bytes, n);
}

static int tables_check(struct mapped *m, uint64_t b, const unsigned char *bytes, uint64_t n, int read)
{
	uint64_t sum;
	if (block_sum_of(m, &m->table_sums[b], read, &sum) < 0)
		return -1;
	return block_check(m, sum, m->tchecked, "index segment damaged (checksum of the tables)", b, bytes, n);
}

/* A block of the meta is checked against meta_sums, which the seal covers; a damaged one costs
 * only what lies in it (a report's stat or slot: the report is read instead). */
static int meta_check(struct mapped *m, uint64_t b, const unsigned char *bytes, uint64_t n, int read)
{
	uint64_t sum;
	m->mchecked[b] = meta_sum(m, b, read, &sum) == 0 && checksum64(b, bytes, n) == sum ? META_INTACT : META_DAMAGED;
	return m->mchecked[b] == META_INTACT ? 0 : -1;
}

static struct blocks post_region(const struct mapped *m)
{
	return (struct blocks){ (uint64_t)(m->post - m->map), m->post_len, BLOCK, post_state, post_check };
}

static struct blocks tables_region(const struct mapped *m)
{
	return (struct blocks){ 0, m->tables_len, TABLE_BLOCK, tables_state, tables_check };
}

static struct blocks meta_region(const struct mapped *m)
{
	return (struct blocks){ (uint64_t)(m->meta - m->map), m->meta_len, META_BLOCK, meta_state, meta_check };
}

/* Whether bytes [off, off + len) lie in one block of size bytes that bits marks checked: most
 * reads of a search are of a few bytes in a block read before, and need no more. */
static int in_checked_block(const unsigned char *bits, uint64_t size, uint64_t off, uint64_t len)
{
	uint64_t b = off / size;
	return len && (off + len - 1) / size == b && bit_is_set(bits, b);
}

static int check_postings(void *arg, uint64_t off, uint64_t len)
{
	struct mapped *m = arg;
	if (m->damage)
		return -1;
	if (in_checked_block(m->checked, BLOCK, off, len))
		return 0;
	struct blocks r = post_region(m);
	return check_mapped(m, &r, off, len);
}

/* Checks bytes [off, off + len) of the blob's tables, block by block on first use. */
static int check_tables(void *arg, uint64_t off, uint64_t len)
{
	struct mapped *m = arg;
	if (m->damage)
		return -1;
	if (off > m->tables_len || len > m->tables_len - off)
		return found_damage(m, "index segment damaged (layout)");
	if (in_checked_block(m->tchecked, TABLE_BLOCK, off, len))
		return 0;
	struct blocks r = tables_region(m);
	return check_mapped(m, &r, off, len);
}

/* Whether the bytes at [p, p + len) of the meta are intact: each block they touch is checked
 * against its sum the first time. */
static int meta_intact(struct mapped *m, const void *p, uint64_t len)
{
	uint64_t off = (uint64_t)((const unsigned char *)p - m->meta);
	struct blocks r = meta_region(m);
	return off <= m->meta_len && len <= m->meta_len - off && check_mapped(m, &r, off, len) == 0;
}

static uint64_t align8(uint64_t n)
{
	return (n + 7) / 8 * 8;
}

/* ---- the records of a few reports, read ----
 * A page of the mapping first touched costs a process 25-70 us here (the fault maps the pages
 * around it too), a read of a record 3-5 us. A search that shows 20 reports reads some 150
 * records of theirs (entry, path, lines, stat, slot, digest head), each on a page of its own; so
 * while few have been read, they are read from the file into copies kept until the file is let
 * go, and the block each lies in is read whole to be checked the first time. A pass over many
 * reports reads the mapping, where a page serves many: after SPARSE_READS reads or COPY_BUDGET
 * bytes copied (fresh memory costs a page too), records are read there. */
#define SPARSE_READS 256
#define COPY_BUDGET ((uint64_t)128 << 10)
#define COPY_CHUNK ((uint64_t)16 << 10)

static int sparse(const struct mapped *m)
{
	return m->fd >= 0 && m->reads < SPARSE_READS && m->copied < COPY_BUDGET;
}

/* Room for len bytes in m's copies, kept until mapped_free; NULL when records are no longer
 * read (sparse) or len is more than a chunk holds. */
static unsigned char *copy_room(struct mapped *m, uint64_t len)
{
	uint64_t need = align8(len ? len : 1);
	if (!sparse(m) || need > COPY_CHUNK)
		return NULL;
	struct copy_chunk *c = m->copies;
	if (!c || COPY_CHUNK - c->used < need) {
		c = xmalloc(sizeof *c + COPY_CHUNK);
		c->next = m->copies, c->used = 0;
		m->copies = c;
	}
	unsigned char *p = c->bytes + c->used;
	c->used += need;
	m->copied += need;
	return p;
}

/* Reads bytes [at, at + len) of the file into dst; -1 when they cannot be read (the file is then
 * taken as damaged: it is never written in place). Only the reads of records count towards
 * SPARSE_READS (their callers count them), not those of lookups or sums. */
static int read_file_at(struct mapped *m, void *dst, uint64_t len, uint64_t at)
{
	return fileio_read_at(m->fd, dst, len, at) == 0 ? 0 : found_damage(m, "index segment unreadable");
}

/* Reads bytes [off, off + len) of region r into dst, a block not checked yet read whole and
 * checked; -1 when they are out of the region or damaged. */
static int read_blocks(struct mapped *m, const struct blocks *r, uint64_t off, uint64_t len, unsigned char *dst)
{
	_Static_assert(TABLE_BLOCK <= META_BLOCK, "a block read is checked in META_BLOCK bytes");
	if (off > r->len || len > r->len - off)
		return -1;
	while (len) {
		uint64_t b = off / r->size, start = b * r->size, end = start + block_len(r->len, r->size, b);
		uint64_t n = end - off < len ? end - off : len;
		int state = r->state(m, b);
		if (state == 0) {
			unsigned char block[META_BLOCK];
			if (read_file_at(m, block, end - start, r->at + start) < 0 || r->check(m, b, block, end - start, 1) < 0)
				return -1;
			memcpy(dst, block + (off - start), n);
		} else if (state < 0 || read_file_at(m, dst, n, r->at + off) < 0) {
			return -1;
		}
		dst += n, off += n, len -= n;
	}
	return 0;
}

/* Copies bytes [off, off + len) of region r into dst, from the file, through the blocks h keeps:
 * a block not kept is read whole and checked, in place of the one read longest ago; bytes over
 * two blocks are read as they are (read_blocks). -1 when they are out of the region or damaged. */
static int held_read(struct mapped *m, struct held_blocks *h, const struct blocks *r, uint64_t off, uint64_t len,
                     void *dst)
{
	uint64_t b = off / r->size;
	if (off > r->len || len > r->len - off)
		return -1;
	if (!len || (off + len - 1) / r->size != b)
		return read_blocks(m, r, off, len, dst);
	if (!h->bytes)
		h->bytes = xmalloc(HELD_BLOCKS * r->size);
	int k = 0;
	for (int i = 0; i < HELD_BLOCKS && h->held[k] != b + 1; i++)
		if (h->held[i] == b + 1 || h->used[i] < h->used[k])
			k = i;
	unsigned char *block = h->bytes + (uint64_t)k * r->size;
	if (h->held[k] != b + 1) {
		h->held[k] = 0;
		if (read_blocks(m, r, b * r->size, block_len(r->len, r->size, b), block) < 0)
			return -1;
		h->held[k] = b + 1;
	}
	h->used[k] = ++h->reads;
	memcpy(dst, block + (off - b * r->size), len);
	return 0;
}

/* Copies bytes [p, p + len) of the meta (a report's record) into dst, from the file while few
 * records are read, else from the mapping, each block checked the first time; -1 when they are
 * damaged. Counted towards SPARSE_READS. */
static int meta_get(struct mapped *m, const void *p, uint64_t len, void *dst)
{
	m->reads++;
	if (!sparse(m)) {
		if (!meta_intact(m, p, len))
			return -1;
		memcpy(dst, p, len);
		return 0;
	}
	struct blocks r = meta_region(m);
	return read_blocks(m, &r, (uint64_t)((const unsigned char *)p - m->meta), len, dst);
}

/* The sum of a block (one of the meta's sums) in *sum, read from the file: the meta block that
 * holds it read whole and checked the first time, its 8 bytes after that (keeping the blocks
 * would cost a fresh page each, more than the reads it saves); -1, the file marked damaged, when
 * it cannot be trusted. */
static int sum_of(struct mapped *m, const uint64_t *at, uint64_t *sum)
{
	struct blocks r = meta_region(m);
	uint64_t off = (uint64_t)((const unsigned char *)at - m->meta);
	return read_blocks(m, &r, off, sizeof *sum, (unsigned char *)sum) == 0 ? 0 : found_damage(m, SUMS_DAMAGED);
}

/* meta_sums[b] in *sum: read from the file for a block that was (`read`), or while records are
 * (the seal covered the bytes read at open, and the file is never written in place), else in
 * the mapping. */
static int meta_sum(struct mapped *m, uint64_t b, int read, uint64_t *sum)
{
	if (read || sparse(m))
		return read_file_at(m, sum, sizeof *sum, m->meta_sums_at + b * sizeof *sum);
	*sum = m->meta_sums[b];
	return 0;
}

/* check->at (index.h): bytes [off, off + len) of the blob's tables, copied from the file while few
 * records are read, else in the mapping; NULL when they are damaged. A report's entry is asked for
 * again and again (its path, its lines, its title): its last copies are kept by offset. */
static const void *tables_at(void *arg, uint64_t off, uint64_t len)
{
	struct mapped *m = arg;
	struct copied *was = &m->recent[(off / 8) % (sizeof m->recent / sizeof *m->recent)];
	if (was->p && was->off == off && was->len >= len && !m->damage)
		return was->p;
	unsigned char *copy = copy_room(m, len);
	if (!copy)
		return check_tables(m, off, len) == 0 ? m->map + off : NULL;
	m->reads++;
	struct blocks r = tables_region(m);
	if (read_blocks(m, &r, off, len, copy) < 0) {
		if (!m->damage)
			found_damage(m, "index segment damaged (layout)");
		return NULL;
	}
	*was = (struct copied){ off, len, copy };
	return copy;
}


/* check->read (index.h): bytes [off, off + len) of the blob's tables copied into dst, from the
 * file while few records are read, else from the mapping, checked; -1 when they are damaged. A
 * lookup's reads: not counted towards SPARSE_READS. */
static int tables_read(void *arg, uint64_t off, uint64_t len, void *dst)
{
	struct mapped *m = arg;
	if (!sparse(m)) {
		if (check_tables(m, off, len) < 0)
			return -1;
		memcpy(dst, m->map + off, len);
		return 0;
	}
	struct blocks r = tables_region(m);
	if (m->damage || held_read(m, &m->lookups, &r, off, len, dst) < 0)
		return found_damage(m, "index segment damaged (layout)");
	return 0;
}

size_t index_cache_bytes(const struct index *ix)
{
	size_t n = 0;
	for (size_t k = 0; k < index_nsegments(ix); k++) {
		const struct mapped *m = index_segment_arg(ix, k);
		n += m ? m->len : 0;
	}
	return n ? n : index_bytes(ix);
}

int index_intact(const struct index *ix, const char **cause)
{
	if (cause)
		*cause = NULL;
	for (size_t k = 0; k < index_nsegments(ix); k++) {
		const struct mapped *m = index_segment_arg(ix, k);
		if (m && m->damage) {
			if (cause)
				*cause = m->damage;
			return 0;
		}
	}
	return 1;
}

/* Bytes of the trailer's tables before the digests. */
static uint64_t meta_bytes(const struct trailer *t)
{
	return 8 * (t->nblocks + t->ntblocks) + t->notes_len + t->ndocs * (sizeof(struct filestat) + sizeof(struct slot)) + t->dirs_len;
}


/* Blocks of a meta of len bytes. */
static uint64_t meta_blocks(uint64_t len)
{
	return (len + META_BLOCK - 1) / META_BLOCK;
}

/* The head and the trailer of the file fd of size bytes, read and checked, the trailer's place in
 * *at; -1 with *cause. They are read, not touched in a mapping: a page of it first touched costs
 * a process more than a read of its bytes, and opening a segment needs only these. */
static int read_trailer(int fd, uint64_t size, struct head *h, struct trailer *t, uint64_t *at, char **cause)
{
	if (size < sizeof *h || fileio_read_at(fd, h, sizeof *h, 0) < 0 || memcmp(h->magic, BLOB_MAGIC, 8) != 0) {
		*cause = xstrdup("not an index file");
		return -1;
	}
	if (h->version != BLOB_VERSION || h->endian != 0x01020304) {
		*cause = xstrdup("index file of another version");
		return -1;
	}
	/* The trailer follows the blob, whose size the head gives: a file too short for both was
	 * cut; one long enough whose trailer is not where it must be was damaged. */
	uint64_t where = 0;
	*at = align8(h->size);
	if (h->size > size || size - h->size < 8 + sizeof *t + (*at - h->size)
	    || fileio_read_at(fd, &where, sizeof where, size - 8) < 0 || fileio_read_at(fd, t, sizeof *t, *at) < 0) {
		*cause = xstrdup("index file truncated");
		return -1;
	}
	uint64_t room = size - 8 - *at - sizeof *t;
	if (where != *at || memcmp(t->magic, TRAILER_MAGIC, 8) != 0 || t->blob_size != h->size || t->block != BLOCK
	    || h->post_off > h->size || h->post_len > h->size - h->post_off
	    || t->nblocks != (h->post_len + BLOCK - 1) / BLOCK || t->ndocs != h->ndocs
	    || h->post_off < sizeof *h || t->table_block != TABLE_BLOCK
	    || t->ntblocks != (h->post_off + TABLE_BLOCK - 1) / TABLE_BLOCK || t->ntblocks > room / 8
	    || t->nblocks > room / 8 || t->notes_len > room || t->ndocs > room / 56 || t->digests_len > room
	    || t->dirs_len > room
	    || meta_bytes(t) + align8(t->digests_len) + 8 * meta_blocks(meta_bytes(t)) != room) {
		*cause = xstrdup("index file corrupt (checksum of the trailer)");
		return -1;
	}
	return 0;
}

/* Where the sums of the meta's blocks lie, after the digests, in a file whose trailer t is at at. */
static uint64_t meta_sums_at(const struct trailer *t, uint64_t at)
{
	return at + sizeof *t + meta_bytes(t) + align8(t->digests_len);
}

/* The seal (the trailer's checksum) begun: head the checksum from seed 1 of the blob's head,
 * tail that from seed head of the bytes that follow its postings, then the trailer t, its sum
 * read as 0. */
static uint64_t seal_start(uint64_t head, uint64_t tail, const struct trailer *t)
{
	struct trailer t0 = *t;
	t0.sum = 0;
	uint64_t r = head ^ tail;
	return r ^ checksum64(r, (const unsigned char *)&t0, sizeof t0);
}

/* The seal ended: r from seal_start, sums the checksum from seed r of the meta's sums, where the
 * trailer's offset. */
static uint64_t seal_end(uint64_t r, uint64_t sums, uint64_t where)
{
	r ^= sums;
	return r ^ checksum64(r, (const unsigned char *)&where, sizeof where);
}

/* Checksum of the blob's head and what follows its postings, the trailer (its sum read as 0),
 * the meta's sums (meta_sums, nmblocks of them) and the trailer's offset. */
static uint64_t seal(const unsigned char *blob, const struct trailer *t, const uint64_t *meta_sums, uint64_t nmblocks,
                     uint64_t where)
{
	const struct head *h = (const void *)blob;
	uint64_t post_end = h->post_off + h->post_len, head = checksum64(1, h, sizeof *h);
	uint64_t r = seal_start(head, checksum64(head, blob + post_end, h->size - post_end), t);
	return seal_end(r, checksum64(r, meta_sums, nmblocks * sizeof *meta_sums), where);
}

/* checksum64(seed, bytes [at, at + n) of the file fd) in *sum, read a page at a time; -1 when
 * they cannot be read. */
static int checksum_file(int fd, uint64_t seed, uint64_t at, uint64_t n, uint64_t *sum)
{
	unsigned char page[4096];
	struct checksum c;
	checksum_init(&c, seed);
	for (uint64_t done = 0, k; done < n; done += k) {
		k = n - done < sizeof page ? n - done : sizeof page;
		if (fileio_read_at(fd, page, k, at + done) < 0)
			return -1;
		checksum_add(&c, page, k);
	}
	*sum = checksum_end(&c);
	return 0;
}

/* Whether the file fd, with the head h and the trailer t at at (read_trailer), is sealed as
 * written: what the seal covers is read from the file, not touched in its mapping. */
static int sealed(int fd, const struct head *h, const struct trailer *t, uint64_t at)
{
	uint64_t post_end = h->post_off + h->post_len, head = checksum64(1, h, sizeof *h), tail, sums;
	if (checksum_file(fd, head, post_end, h->size - post_end, &tail) < 0)
		return 0;
	uint64_t r = seal_start(head, tail, t);
	if (checksum_file(fd, r, meta_sums_at(t, at), 8 * meta_blocks(meta_bytes(t)), &sums) < 0)
		return 0;
	return seal_end(r, sums, at) == t->sum;
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
		if (n.n.entry != NO_ENTRY && !corpus_file(c, n.n.entry)->noted) {
			char *reason = xstrndup(n.reason, n.n.len);
			corpus_note(c, n.n.entry, reason, n.n.skipped != 0);
			free(reason);
		}
	}
	return 0;
}

/* The cache file at path mapped read-only, whole (what fstat said of it in *st), else NULL with
 * *cause (not set when the file is absent). Cache files are replaced by a rename, never written
 * in place, so a mapping stays what was read, and so do reads of the file kept open: *keep (may
 * be NULL, when the file is closed) gets it. */
static void *map_whole(const char *path, struct stat *st, int *keep, char **cause)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno != ENOENT)
			*cause = xasprintf("cannot open: %s", strerror(errno));
		return NULL;
	}
	void *map = MAP_FAILED;
	if (fstat(fd, st) == 0 && st->st_size > 0)
		map = mmap(NULL, (size_t)st->st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	if (map == MAP_FAILED) {
		close(fd);
		*cause = xstrdup("index file empty or unreadable");
		return NULL;
	}
	if (keep)
		*keep = fd;
	else
		close(fd);
	return map;
}

/* The cache file at path mapped and its trailer checked, else NULL with *cause (not set when
 * the file is absent). */
static struct mapped *map_file(const char *path, char **cause)
{
	struct stat st;
	int fd;
	void *map = map_whole(path, &st, &fd, cause);
	if (!map)
		return NULL;
	size_t size = (size_t)st.st_size;
	const unsigned char *p = map;
	struct head h;
	struct trailer t;
	uint64_t at = 0;
	if (read_trailer(fd, size, &h, &t, &at, cause) == 0 && !sealed(fd, &h, &t, at))
		*cause = xstrdup("index file corrupt (checksum)");
	if (*cause) {
		munmap(map, size);
		close(fd);
		return NULL;
	}
	struct mapped *m = xcalloc(1, sizeof *m);
	m->map = p, m->len = size, m->head = h, m->t = t;
	m->post = p + h.post_off, m->post_len = h.post_len;
	m->meta = p + at + sizeof t, m->meta_len = meta_bytes(&t);
	m->sums = (const uint64_t *)m->meta, m->nblocks = t.nblocks;
	m->table_sums = m->sums + t.nblocks, m->tables_len = h.post_off, m->ntblocks = t.ntblocks;
	m->notes = (const unsigned char *)(m->table_sums + t.ntblocks);
	m->stats = (const void *)(m->notes + t.notes_len);
	m->slots = (const void *)(m->stats + t.ndocs);
	m->dirs = (const unsigned char *)(m->slots + t.ndocs);
	m->digests = m->dirs + t.dirs_len;
	m->meta_sums_at = meta_sums_at(&t, at);
	m->meta_sums = (const uint64_t *)(p + m->meta_sums_at);
	flags_new(m);
	m->path = xstrdup(path), m->dev = st.st_dev, m->ino = st.st_ino;
	m->fd = fd;
	return m;
}

/* An index over a mapped file, its postings checked as they are read; m is freed with it. */
static struct index *index_of(struct mapped *m, uint64_t key, char **cause)
{
	m->id = key;
	struct index_check check = { check_postings, check_tables, tables_at, tables_read, mapped_free, m, &m->head };
	struct index *ix = index_from_blob_checked(m->map, m->t.blob_size, key, &check, NULL, cause);
	if (!ix)
		mapped_free(m);
	return ix;
}

/* ---- manifests ---- */

/* A manifest mapped whole, checked but for its order. */
struct manifest {
	unsigned char *data;
	size_t len;
	struct mhead h;
	const uint64_t *ids;
	const struct index_run *runs;
	size_t nruns;
	const unsigned char *notes, *dirs;
	uint64_t order_sum;
	const uint32_t *order;
	unsigned refs;      /* its holders: manifest_free releases one */
};

/* Bytes of the order of n reports, its checksum aside. */
static uint64_t order_bytes(uint64_t n)
{
	return (4 * n + 7) / 8 * 8;
}

static struct manifest *manifest_keep(struct manifest *mf)
{
	mf->refs++;
	return mf;
}

static void manifest_free(struct manifest *mf)
{
	if (!mf || --mf->refs > 0)
		return;
	munmap(mf->data, mf->len);
	free(mf);
}

static uint64_t manifest_head_sum(struct mhead h)
{
	h.hsum = h.sum = 0;
	return checksum64(5, (const unsigned char *)&h, sizeof h);
}

/* The checksum of a manifest of size bytes (its sum read as 0) but its order, which ends it. */
static uint64_t manifest_sum(const unsigned char *p, uint64_t size)
{
	struct mhead h;
	memcpy(&h, p, sizeof h);
	h.sum = 0;
	uint64_t a = checksum64(4, (const unsigned char *)&h, sizeof h);
	return a ^ checksum64(a, p + sizeof h, size - sizeof h - order_bytes(h.n));
}

/* Whether ids, runs (whole ones), notes and dirs fill room bytes. */
static int regions_fit(const struct mhead *h, uint64_t room)
{
	return h->nseg <= room / 8 && h->notes_len <= room && h->dirs_len <= room
	       && 8 * h->nseg + h->notes_len + h->dirs_len <= room
	       && (room - 8 * h->nseg - h->notes_len - h->dirs_len) % sizeof(struct index_run) == 0;
}

/* Checks a manifest's bytes; 0, or -1 with *cause. */
static int manifest_check(const unsigned char *p, uint64_t size, char **cause)
{
	struct mhead h;
	if (size < 8 || memcmp(p, MANIFEST_MAGIC, 8) != 0)
		*cause = xstrdup("not an index file");
	else if (size < sizeof h)
		*cause = xstrdup("index file truncated");
	if (*cause)
		return -1;
	memcpy(&h, p, sizeof h);
	uint64_t room = size - sizeof h;
	if (h.version != BLOB_VERSION || h.endian != 0x01020304)
		*cause = xstrdup("index file of another version");
	else if (manifest_head_sum(h) != h.hsum)
		*cause = xstrdup("index file corrupt (checksum)");
	else if (h.size != size)
		*cause = xstrdup("index file truncated");
	else if (h.n >= UINT32_MAX || 8 + order_bytes(h.n) > room)
		*cause = xstrdup("index file corrupt (layout)");
	else if (manifest_sum(p, size) != h.sum)
		*cause = xstrdup("index file corrupt (checksum)");
	else if (!regions_fit(&h, room - 8 - order_bytes(h.n)))
		*cause = xstrdup("index file corrupt (layout)");
	return *cause ? -1 : 0;
}

/* The manifest at path, else NULL with *cause (not set when the file is absent). Opening it to
 * use it (`use`) refreshes its mtime once a day: index_cache_prune reads it as the last use. */
static struct manifest *manifest_read(const char *path, int use, char **cause)
{
	struct stat st;
	unsigned char *data = map_whole(path, &st, NULL, cause);   /* mapped, not copied */
	if (!data)
		return NULL;
	uint64_t size = (uint64_t)st.st_size;
	if (manifest_check(data, size, cause) < 0) {
		munmap(data, (size_t)size);
		return NULL;
	}
	struct manifest *mf = xcalloc(1, sizeof *mf);
	mf->data = data;
	mf->len = (size_t)size;
	memcpy(&mf->h, data, sizeof mf->h);
	mf->ids = (const uint64_t *)(data + sizeof mf->h);
	mf->runs = (const struct index_run *)(mf->ids + mf->h.nseg);
	uint64_t order_at = size - order_bytes(mf->h.n);
	mf->nruns = (size_t)((order_at - 8 - sizeof mf->h - 8 * mf->h.nseg - mf->h.notes_len - mf->h.dirs_len)
	                     / sizeof(struct index_run));
	mf->notes = (const unsigned char *)(mf->runs + mf->nruns);
	mf->dirs = mf->notes + mf->h.notes_len;
	memcpy(&mf->order_sum, data + order_at - 8, 8);
	mf->order = (const uint32_t *)(data + order_at);
	mf->refs = 1;
	if (use && st.st_mtime < time(NULL) - 86400)
		utimensat(AT_FDCWD, path, NULL, 0);
	return mf;
}

static char *segment_path(const char *dir, uint64_t id)
{
	return xasprintf("%s/segment-%016llx.bin", dir, (unsigned long long)id);
}

/* The index the manifest describes, its segments mapped from dir; NULL with *cause. */
static struct index *open_segments(const struct manifest *mf, const char *dir, char **cause)
{
	size_t nseg = (size_t)mf->h.nseg, k;
	struct index **parts = xcalloc(nseg + 1, sizeof *parts);
	for (k = 0; k < nseg; k++) {
		char *path = segment_path(dir, mf->ids[k]);
		struct mapped *m = map_file(path, cause);
		free(path);
		if (!m && !*cause)
			*cause = xstrdup("index segment missing");
		if (!m || !(parts[k] = index_of(m, mf->ids[k], cause)))
			break;
	}
	struct index *ix = NULL;
	if (k == nseg && !index_runs_ok((const struct index **)parts, nseg, mf->runs, mf->nruns, (size_t)mf->h.n))
		*cause = xstrdup("index file corrupt (layout)");
	else if (k == nseg)
		ix = index_assemble(parts, nseg, mf->runs, mf->nruns, (size_t)mf->h.n);
	for (size_t i = 0; !ix && i < k; i++)
		index_free(parts[i]);
	free(parts);
	return ix;
}

/* The manifest at path and its index, when its key is `key` (0: any); NULL with *cause. A
 * segment missing may have been cleaned up just after another instance replaced the manifest:
 * the manifest is read once more. */
static struct index *open_manifest(const char *path, const char *dir, uint64_t key, struct manifest **out,
                                   char **cause)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		free(*cause);
		*cause = NULL;
		struct manifest *mf = manifest_read(path, 1, cause);
		if (mf && key && mf->h.key != key)
			*cause = xstrdup(CHANGED_SINCE);
		struct index *ix = mf && !*cause ? open_segments(mf, dir, cause) : NULL;
		if (ix) {
			*out = mf;
			return ix;
		}
		manifest_free(mf);
		if (!*cause || strcmp(*cause, "index segment missing") != 0)
			break;
	}
	*out = NULL;
	return NULL;
}

/* Segment id of dir for an update to keep: mapped, its head and trailer checked, and its tables
 * checked whole (what the update keeps of a report is read from them). NULL when it is missing
 * or damaged; a damaged file is removed, so it is never trusted again. */
static struct index *open_kept_segment(const char *dir, uint64_t id)
{
	char *path = segment_path(dir, id), *cause = NULL;
	struct stat st;
	int present = stat(path, &st) == 0;
	struct mapped *m = map_file(path, &cause);
	struct index *ix = m ? index_of(m, id, &cause) : NULL;
	if (ix && check_tables(m, 0, m->tables_len) < 0) {   /* found_damage removed the file */
		index_free(ix);
		ix = NULL;
	} else if (!ix && present && cause && strncmp(cause, "cannot open", 11) != 0) {
		forget_file(path, st.st_dev, st.st_ino);
	}
	free(cause);
	free(path);
	return ix;
}

/* The manifest at path and the index of its segments that are present and intact, for an update
 * (open_kept_segment): the reports of a segment missing or damaged are left out, so the update
 * indexes them again, and only them. *renum (caller frees) maps each report of the manifest to
 * its report in the index, SIZE_MAX for one left out; *dropped counts the segments left out.
 * NULL when the manifest is absent or damaged, or made with tables other than `tables`, or no
 * segment is left (a build from scratch). */
static struct index *open_salvaged(const char *path, const char *dir, uint64_t tables, struct manifest **out,
                                   size_t **renum, size_t *dropped)
{
	char *cause = NULL;
	struct manifest *mf = manifest_read(path, 1, &cause);
	free(cause);
	*out = NULL;
	*renum = NULL;
	*dropped = 0;
	if (mf && mf->h.tables != tables)   /* segments made with other tables are never reused */
		manifest_free(mf), mf = NULL;
	if (!mf)
		return NULL;
	size_t nseg = (size_t)mf->h.nseg, n = (size_t)mf->h.n, kept = 0, m = 0;
	struct index **parts = xcalloc(nseg + 1, sizeof *parts);
	uint32_t *seg_to = xcalloc(nseg + 1, sizeof *seg_to);   /* a segment's number among those kept */
	for (size_t k = 0; k < nseg; k++) {
		struct index *part = open_kept_segment(dir, mf->ids[k]);
		seg_to[k] = part ? (uint32_t)kept : UINT32_MAX;
		if (part)
			parts[kept++] = part;
	}
	/* The runs of the segments kept, their positions closed up; the manifest's must number its
	 * reports once each, in order. */
	int ok = (kept > 0 || nseg == 0) && index_runs_cover(mf->runs, mf->nruns, nseg, n);
	struct index_run *runs = NULL;
	size_t *to = xmalloc(((ok ? n : 0) + 1) * sizeof *to), nruns = 0, cap = 0;
	for (size_t r = 0; ok && r < mf->nruns; r++) {
		struct index_run run = mf->runs[r];
		for (uint32_t j = 0; j < run.count; j++) {
			to[run.pos + j] = seg_to[run.seg] != UINT32_MAX ? m : SIZE_MAX;
			if (seg_to[run.seg] != UINT32_MAX)
				index_run_add(&runs, &nruns, &cap, (uint32_t)m++, seg_to[run.seg], run.doc + j);
		}
	}
	struct index *ix = NULL;
	if (ok && index_runs_ok((const struct index **)parts, kept, runs, nruns, m))
		ix = index_assemble(parts, kept, runs, nruns, m);
	for (size_t k = 0; !ix && k < kept; k++)
		index_free(parts[k]);
	if (ix) {
		*out = mf;
		*renum = to;
		*dropped = nseg - kept;
	} else {
		manifest_free(mf);
		free(to);
	}
	free(runs);
	free(seg_to);
	free(parts);
	return ix;
}

/* The index in the manifest at path if it is valid for this corpus, else NULL with *cause. */
static struct index *load(struct corpus *c, const char *path, const char *dir, uint64_t key, char **cause)
{
	struct manifest *mf;
	struct index *ix = open_manifest(path, dir, key, &mf, cause);
	if (!ix)
		return NULL;
	int same = index_nreports(ix) == c->n;
	for (size_t i = 0; same && i < c->n; i++) {
		size_t len;
		const char *path = index_path(ix, i, &len), *cp = corpus_path(c, i);
		same = len == strlen(cp) && memcmp(path, cp, len) == 0;
	}
	const char *damage;
	if (!same)   /* the paths are read from the tables: they may have failed their checksum */
		*cause = xstrdup(index_intact(ix, &damage) ? "index of another corpus" : damage);
	else if (take_notes(c, mf->notes, mf->h.notes_len) < 0)
		*cause = xstrdup("index file corrupt (notes)");
	manifest_free(mf);
	if (*cause) {
		index_free(ix);
		return NULL;
	}
	return ix;
}

/* What stat said of report p's file when it was indexed, in *out; -1 for an index in memory, and
 * when it is damaged (the segment is then damaged: index_intact says so). */
static int stat_of(const struct index *ix, size_t p, struct filestat *out)
{
	size_t doc, k = index_locate(ix, p, &doc);
	struct mapped *m = index_segment_arg(ix, k);
	if (!m || doc >= m->t.ndocs)
		return -1;
	if (meta_get(m, &m->stats[doc], sizeof *out, out) < 0) {
		if (!m->damage)
			found_damage(m, "index segment damaged (checksum of the trailer)");
		return -1;
	}
	return 0;
}

/* The slot of report's digest in *out and where it is checked; -1 when the index keeps none (a
 * damaged slot costs its digests alone: their reports are read instead). */
static int slot_of(const struct index *ix, size_t report, struct mapped **mp, size_t *doc, struct slot *out)
{
	if (report >= index_nreports(ix))
		return -1;
	size_t k = index_locate(ix, report, doc);
	struct mapped *m = index_segment_arg(ix, k);
	if (!m || *doc >= m->t.ndocs || meta_get(m, &m->slots[*doc], sizeof *out, out) < 0)
		return -1;
	uint64_t room = m->t.digests_len;
	if (out->off > room || out->len > room - out->off || out->head_off > room || out->head_len > room - out->head_off)
		return -1;
	*mp = m;
	return 0;
}

/* Whether the len bytes at p of doc's digest are intact, checked against sum the first time (bits
 * intact/damaged of dchecked[doc]). */
static int intact(struct mapped *m, size_t doc, const unsigned char *p, uint64_t len, uint64_t seed, uint64_t sum,
                  unsigned char ok, unsigned char damaged)
{
	if (!m->dchecked)   /* made on first use: most opens read no digest */
		m->dchecked = xcalloc_sparse(m->t.ndocs + 1);
	if (!(m->dchecked[doc] & (ok | damaged)))
		m->dchecked[doc] |= checksum64(seed, p, len) == sum ? ok : damaged;
	return (m->dchecked[doc] & ok) != 0;
}

/* A digest's head, copied from the file while few records are read (the head of each report a
 * search shows), else in the mapping. */
int index_digest_head(const struct index *ix, size_t report, const void **p, size_t *len)
{
	struct mapped *m;
	size_t doc;
	struct slot s;
	if (slot_of(ix, report, &m, &doc, &s) < 0)
		return -1;
	const unsigned char *head = m->digests + s.head_off;
	unsigned char *copy = copy_room(m, s.head_len);
	if (copy) {   /* checked as it is read: no flag of the report's to touch, a page of them new memory */
		m->reads++;
		if (read_file_at(m, copy, s.head_len, (uint64_t)(head - m->map)) < 0 || checksum64(4, copy, s.head_len) != s.head_sum)
			return -1;
	} else if (!intact(m, doc, head, s.head_len, 4, s.head_sum, HEAD_INTACT, HEAD_DAMAGED)) {
		return -1;
	}
	*p = copy ? copy : head;
	*len = s.head_len;
	return 0;
}

int index_digest(const struct index *ix, size_t report, const void **p, size_t *len)
{
	struct mapped *m;
	size_t doc;
	struct slot s;
	if (slot_of(ix, report, &m, &doc, &s) < 0 || !intact(m, doc, m->digests + s.off, s.len, 3, s.sum, WHOLE_INTACT, WHOLE_DAMAGED))
		return -1;
	*p = m->digests + s.off;
	*len = s.len;
	return 0;
}

/* Lets go of the digests of reports [from, to), whole ones or (heads) their heads' copies: a
 * span per run of reports in one segment, from the lowest byte to the highest. */
static void let_go_spans(const struct index *ix, size_t from, size_t to, int heads)
{
	struct mapped *span = NULL;   /* the bytes [lo, hi) of span's region, of reports in a row */
	uint64_t lo = 0, hi = 0;
	for (size_t r = from; r <= to; r++) {
		struct mapped *m = NULL;
		size_t doc;
		struct slot slot;
		const struct slot *s = r < to && slot_of(ix, r, &m, &doc, &slot) == 0 ? &slot : NULL;
		if (span && (r == to || (s && m != span))) {
			index_merge_let_go(span->digests + lo, hi - lo);
			span = NULL;
		}
		if (!s)
			continue;
		uint64_t off = heads ? s->head_off : s->off, end = off + (heads ? s->head_len : s->len);
		if (!span)
			span = m, lo = off, hi = end;
		lo = off < lo ? off : lo;
		hi = end > hi ? end : hi;
	}
}

void index_digests_let_go(const struct index *ix, size_t from, size_t to)
{
	let_go_spans(ix, from, to, 0);
	let_go_spans(ix, from, to, 1);
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

/* The digests of the reports, made on the build's reading thread as each report is indexed:
 * the whole digests in bytes, copies of their heads in heads (written before them, see above). */
struct digests {
	struct buf bytes, heads;
	struct slot *slots;   /* per report; off counted from the start of bytes until written */
	const struct facts_model *fm;
};

/* Runs on any of the build's threads: reads d->fm alone. */
static size_t make_digest(void *arg, const struct report *r, const struct classify_paras *p, struct buf *out)
{
	const struct digests *d = arg;
	/* Facts take several bytes of scratch per byte of a sentence: a huge report's are left to
	 * the one who asks for them, so the build's memory stays what the index needs. */
	size_t body = r->body_end > r->body_start ? r->body_end - r->body_start : 0;
	return digest_of(r, p, body <= DIGEST_FACTS_MAX ? d->fm : NULL, out);
}

static void add_digest(void *arg, size_t i, const void *digest, size_t n, size_t head)
{
	struct digests *d = arg;
	size_t off = d->bytes.len, head_off = d->heads.len;
	buf_add(&d->bytes, digest, n);
	buf_add(&d->heads, digest, head);
	d->slots[i] = (struct slot){ off, n, checksum64(3, digest, n), head_off, head, checksum64(4, digest, head) };
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

/* The messages the walk and the build met (notes, see above) to out. */
static void add_notes(struct buf *out, const struct corpus *c)
{
	static const unsigned char zero[8];
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
}

/* The directories walked, with their mtimes (dirs, see above), to out. */
static void add_dirs(struct buf *out, const struct corpus *c)
{
	static const unsigned char zero[8];
	for (size_t i = 0; i < c->ndirs; i++) {
		struct dirstat ds = { c->dirs[i].mtime_ns, (uint32_t)strlen(c->dirs[i].path), (uint32_t)c->dirs[i].at,
		                      (uint32_t)corpus_dir_had_table(c, i), 0 };
		buf_add(out, &ds, sizeof ds);
		buf_add(out, c->dirs[i].path, ds.len);
		buf_add(out, zero, (8 - ds.len % 8) % 8);
	}
}

/* The trailer of a segment's blob (see above), up to its digests, to out: the reports which[0..n)
 * of c (their stats), the postings' block sums s, the digests' slots (off counted from the start
 * of the whole digests, which follow heads_len bytes of heads). Its seal is set by trailer_end. */
static void trailer_start(const unsigned char *blob, size_t len, const struct corpus *c, const size_t *which,
                          size_t n, const struct sums *s, const struct slot *slots, uint64_t heads_len,
                          uint64_t digests_len, struct buf *out)
{
	const struct head *h = (const void *)blob;
	static const unsigned char zero[8];
	buf_add(out, zero, (size_t)(align8(len) - len));
	struct trailer t = { TRAILER_MAGIC, len, BLOCK, (h->post_len + BLOCK - 1) / BLOCK, 0, n, 0, digests_len, 0,
		             TABLE_BLOCK, (h->post_off + TABLE_BLOCK - 1) / TABLE_BLOCK };
	buf_add(out, &t, sizeof t);
	buf_add(out, s->v, t.nblocks * sizeof *s->v);
	for (uint64_t b = 0; b < t.ntblocks; b++) {
		uint64_t sum = block_sum(blob, h->post_off, TABLE_BLOCK, b);
		buf_add(out, &sum, sizeof sum);
	}
	for (size_t i = 0; i < n; i++) {
		const struct corpus_file *f = corpus_file(c, which[i]);
		struct filestat st = { f->size, f->mtime_ns, f->dev, f->ino };
		buf_add(out, &st, sizeof st);
	}
	for (size_t i = 0; i < n; i++) {
		struct slot sl = slots[i];
		sl.off += heads_len;   /* the whole digests follow the heads */
		buf_add(out, &sl, sizeof sl);
	}
}

/* The end of the trailer begun in meta (trailer_start's bytes, whose digests have been written
 * after them): the meta's block sums and the trailer's place to end, and the trailer sealed in
 * meta. */
static void trailer_end(const unsigned char *blob, size_t len, struct buf *meta, struct buf *end)
{
	static const unsigned char zero[8];
	size_t pad = (size_t)(align8(len) - len), at = pad + sizeof(struct trailer), meta_len = meta->len - at;
	struct trailer t;
	memcpy(&t, meta->data + pad, sizeof t);
	uint64_t nmb = meta_blocks(meta_len), *meta_sums = xcalloc(nmb + 1, sizeof *meta_sums);
	for (uint64_t b = 0; b < nmb; b++)
		meta_sums[b] = block_sum((const unsigned char *)meta->data + at, meta_len, META_BLOCK, b);
	buf_add(end, zero, (size_t)(align8(t.digests_len) - t.digests_len));
	buf_add(end, meta_sums, nmb * sizeof *meta_sums);
	uint64_t where = len + pad;
	buf_add(end, &where, sizeof where);
	t.sum = seal(blob, &t, meta_sums, nmb, where);
	free(meta_sums);
	memcpy(meta->data + pad, &t, sizeof t);
}

/* The trailer of a segment's blob (see above) of the reports which[0..n) of c, sealed, in out. */
static void make_trailer(const unsigned char *blob, size_t len, const struct corpus *c, const size_t *which,
                         size_t n, const struct sums *s, const struct digests *d, struct buf *out)
{
	trailer_start(blob, len, c, which, n, s, d->slots, d->heads.len, d->heads.len + d->bytes.len, out);
	struct buf end;
	buf_init(&end);
	trailer_end(blob, len, out, &end);
	buf_add(out, d->heads.data, d->heads.len);
	buf_add(out, d->bytes.data, d->bytes.len);
	buf_add(out, end.data, end.len);
	buf_fini(&end);
}

/* A new segment's id: unique in practice (the time, the process, a count). */
static uint64_t new_id(void)
{
	static uint64_t count;
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	uint64_t v[4] = { (uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec, (uint64_t)getpid(), count++ };
	return checksum_fnv(CHECKSUM_FNV_OFFSET, v, sizeof v) | 1;
}

/* Where a build writes: the cache directory, the manifest its temporary files are named after
 * (so that index_cache_clean knows a dead build's by the manifest's lock), and what went wrong. */
struct sink {
	const char *dir, *manifest;
	char *cause;          /* the first write that failed: the index is then kept in memory */
	size_t indexed;       /* reports indexed */
	uint64_t *made;       /* the segments written here, which no manifest names yet */
	size_t nmade, madecap;
	char *unmerged;       /* why a merge failed (the index is whole, in more segments), or NULL */
};

/* Whether segment id was written by this build or update: no manifest names it, so once merged
 * into another it is no one's, and its file can go at once (a build then needs the disk of its
 * segments and one merge, not of every segment it merged). */
static int made_here(const struct sink *k, uint64_t id)
{
	for (size_t i = 0; i < k->nmade; i++)
		if (k->made[i] == id)
			return 1;
	return 0;
}

/* The crash tests' kill -9 at a chosen moment (tests/test_index_cli.sh): FAZHI_CRASH_AT=segment
 * kills the build once a segment's temporary file is written, =manifest once its segments are
 * renamed into place but before the manifest naming them, the moments a kill from outside only
 * hits by luck. */
static void crash_point(const char *at)
{
	const char *want = getenv("FAZHI_CRASH_AT");
	if (want && strcmp(want, at) == 0)
		raise(SIGKILL);
}

/* A segment file being written: its temporary file, named after the manifest (so that
 * index_cache_clean knows a dead build's), and its place once done. */
struct seg_file {
	uint64_t id;
	char *path, *tmp;
	int fd;
	struct sink *k;   /* told of the segment once it is in place */
};

static int seg_file_open(struct seg_file *f, struct sink *k, char **cause)
{
	f->k = k;
	f->id = new_id();
	f->path = segment_path(k->dir, f->id);
	f->tmp = xasprintf("%s.%ld.%016llx.tmp", k->manifest, (long)getpid(), (unsigned long long)f->id);
	f->fd = open(f->tmp, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (f->fd >= 0)
		return 0;
	*cause = xasprintf("cannot write %s: %s", f->path, strerror(errno));
	free(f->tmp);
	free(f->path);
	return -1;
}

/* Lets go of the pages of a segment file read so far: they stay in the page cache, but no longer
 * count as the process's, so a build's memory does not grow with the segments it has written
 * and opened, nor a merge's with what it merges. */
static void let_go(struct mapped *m)
{
	index_merge_let_go(m->map, m->len);
}

/* let_go of segment k of ix, when it is a file of the cache (SIZE_MAX: none). */
static void let_go_segment(const struct index *ix, size_t k)
{
	struct mapped *m = k == SIZE_MAX ? NULL : index_segment_arg(ix, k);
	if (m)
		let_go(m);
}

/* Ends a segment file whose blob (len bytes; 0 when writing it failed, for reason why) is written:
 * trailer(arg, blob, len, fd) writes the trailer after it (0, or -1 when a write failed); the file
 * is renamed into place and mapped. Its index, or NULL with *cause. */
static struct index *seg_file_close(struct seg_file *f, uint64_t len, const char *why,
                                    int (*trailer)(void *arg, const unsigned char *blob, uint64_t len, int fd),
                                    void *arg, char **cause)
{
	void *map = len ? mmap(NULL, len, PROT_READ, MAP_SHARED, f->fd, 0) : MAP_FAILED;
	int ok = map != MAP_FAILED;
	if (ok) {
		ok = trailer(arg, map, len, f->fd) == 0;
		munmap(map, len);
	}
	if (close(f->fd) < 0)
		ok = 0;
	if (ok && rename(f->tmp, f->path) < 0)
		ok = 0;
	if (ok) {
		f->k->made = xgrow(f->k->made, &f->k->madecap, f->k->nmade + 1, sizeof *f->k->made);
		f->k->made[f->k->nmade++] = f->id;
	}
	if (!ok) {
		*cause = xasprintf("cannot write %s: %s", f->path, why ? why : strerror(errno));
		unlink(f->tmp);
	}
	free(f->tmp);
	struct mapped *m = ok ? map_file(f->path, cause) : NULL;
	struct index *ix = m ? index_of(m, f->id, cause) : NULL;
	if (ix)   /* the tables opening it checked: a build holds many segments, and reads none */
		let_go(m);
	if (!ix && ok && !*cause)
		*cause = xasprintf("cannot read back %s", f->path);
	free(f->path);
	return ix;
}

/* What a built segment's trailer is made of. */
struct built {
	const struct corpus *c;
	const size_t *which;
	size_t n;
	const struct sums *s;
	const struct digests *d;
};

static int built_trailer(void *arg, const unsigned char *blob, uint64_t len, int fd)
{
	const struct built *b = arg;
	struct buf tail;
	buf_init(&tail);
	make_trailer(blob, len, b->c, b->which, b->n, b->s, b->d, &tail);
	struct fileio_chunks w;
	fileio_chunks_start(&w, fd, FILEIO_CHUNK_SMALL);   /* as its blob (index_build_write) */
	fileio_chunks_write(&w, tail.data, tail.len, len);
	buf_fini(&tail);
	return fileio_chunks_finish(&w);
}

/* Builds the segment of the reports which[0..n) of c straight into a temporary file, adds the
 * trailer and renames it into place; its index, mapped from the file, or NULL with *cause. */
static struct index *write_segment(struct sink *k, struct corpus *c, const size_t *which, size_t n,
                                   const struct index_progress *progress, char **cause)
{
	struct seg_file f;
	if (seg_file_open(&f, k, cause) < 0)
		return NULL;
	struct sums s = { 0 };
	char *why = NULL, *bad_metrics = NULL;
	/* The catalogue is loaded here, on this thread, before the reading thread uses it; a bad one
	 * leaves the digests without facts (its text is in the key: fixing it rebuilds). */
	struct digests d = { { 0 }, { 0 }, xcalloc(n + 1, sizeof *d.slots), facts_default(&bad_metrics) };
	free(bad_metrics);
	struct index_each each = { make_digest, add_digest, &d };
	uint64_t len = index_build_write(c, which, n, progress, &each, f.id, f.fd, BLOCK, add_sum, &s, &why);
	crash_point("segment");
	struct built b = { c, which, n, &s, &d };
	struct index *ix = seg_file_close(&f, len, why, built_trailer, &b, cause);
	buf_fini(&d.bytes);
	buf_fini(&d.heads);
	free(d.slots);
	free(why);
	free(s.v);
	return ix;
}

/* ---- merging segments ---- */

/* What a merged segment's trailer is made of: its reports' corpus positions, and their digests'
 * slots as copied from their segments (heads and whole digests each counted from 0). */
struct merged {
	const struct corpus *c;
	const struct index *ix;
	const size_t *pos;
	size_t n;
	const struct sums *s;
	struct slot *slots;
	uint64_t heads_len, bytes_len;
};

/* The slots of the merged reports' digests; -1 when one of them cannot be trusted. */
static int merged_slots(struct merged *mg)
{
	mg->heads_len = mg->bytes_len = 0;
	for (size_t i = 0; i < mg->n; i++) {
		struct mapped *m;
		size_t doc;
		struct slot s;
		if (slot_of(mg->ix, mg->pos[i], &m, &doc, &s) < 0)
			return -1;
		mg->slots[i] = (struct slot){ mg->bytes_len, s.len, s.sum, mg->heads_len, s.head_len, s.head_sum };
		mg->heads_len += s.head_len;
		mg->bytes_len += s.len;
	}
	return 0;
}

#define CHECK_STRETCH ((uint64_t)4 << 20)

/* Checks every block of segment file m's tables and postings (as a search reads them, so damage
 * is found and the file removed the same way), letting go of each stretch once checked. */
static int check_whole(struct mapped *m)
{
	if (check_tables(m, 0, m->tables_len) < 0)
		return -1;
	for (uint64_t off = 0; off < m->post_len; off += CHECK_STRETCH) {
		uint64_t n = m->post_len - off < CHECK_STRETCH ? m->post_len - off : CHECK_STRETCH;
		if (check_postings(m, off, n) < 0)
			return -1;
		index_merge_let_go(m->post + off, n);
	}
	let_go(m);
	return 0;
}

/* Writes the merged reports' digest heads, or (whole) their digests, to w from *at, copied from
 * their segments' files a megabyte at a time. */
static int copy_digests(const struct merged *mg, int whole, struct fileio_chunks *w, uint64_t *at)
{
	struct buf b;
	buf_init(&b);
	int r = 0;
	struct mapped *last = NULL;
	for (size_t i = 0; i < mg->n && r == 0; i++) {
		struct mapped *m;
		size_t doc;
		struct slot s;
		if (slot_of(mg->ix, mg->pos[i], &m, &doc, &s) < 0) {   /* merged_slots found each */
			r = -1;
			break;
		}
		if (last && (m != last || b.len >= (1u << 20)))   /* read once: let go as the copy moves on */
			let_go(last);
		last = m;
		buf_add(&b, m->digests + (whole ? s.off : s.head_off), whole ? s.len : s.head_len);
		if (b.len >= (1u << 20) || i + 1 == mg->n) {
			r = fileio_chunks_write(w, b.data, b.len, *at);
			*at += b.len;
			buf_reset(&b);
		}
	}
	buf_fini(&b);
	return r;
}

static int merged_trailer(void *arg, const unsigned char *blob, uint64_t len, int fd)
{
	const struct merged *mg = arg;
	struct buf meta, end;
	buf_init(&meta);
	buf_init(&end);
	trailer_start(blob, len, mg->c, mg->pos, mg->n, mg->s, mg->slots, mg->heads_len, mg->heads_len + mg->bytes_len,
	              &meta);
	trailer_end(blob, len, &meta, &end);
	uint64_t at = len + meta.len;
	struct fileio_chunks w;
	fileio_chunks_start(&w, fd, FILEIO_CHUNK);
	int r = fileio_chunks_write(&w, meta.data, meta.len, len);
	if (r == 0)
		r = copy_digests(mg, 0, &w, &at);
	if (r == 0)
		r = copy_digests(mg, 1, &w, &at);
	if (r == 0)
		r = fileio_chunks_write(&w, end.data, end.len, at);
	buf_fini(&meta);
	buf_fini(&end);
	return fileio_chunks_finish(&w) < 0 ? -1 : r;
}

/* Merges segments segs[0..n) of ix, the index of c, into one segment file, streaming their
 * postings and copying their digests: ix with them replaced, or NULL (ix as it was) with *cause
 * when they cannot be (one is damaged, or not a cache file, or a write failed). */
static struct index *merge_segments(struct sink *k, const struct corpus *c, struct index *ix, const size_t *segs,
                                    size_t n, const struct index_progress *progress, char **cause)
{
	for (size_t j = 0; j < n; j++) {
		struct mapped *m = index_segment_arg(ix, segs[j]);
		if (!m || check_whole(m) < 0) {
			*cause = xstrdup("a segment to merge is damaged");
			return NULL;
		}
	}
	uint32_t **to = xcalloc(n + 1, sizeof *to);
	struct index_merge_input *in = xcalloc(n + 1, sizeof *in);
	size_t ndocs = index_merge_numbers(ix, segs, n, to);
	size_t *pos = xcalloc(ndocs + 1, sizeof *pos);
	for (size_t j = 0; j < n; j++) {
		in[j].blob = index_segment_blob(ix, segs[j], &in[j].size);
		in[j].to = to[j];
		in[j].mapped = 1;
		for (size_t d = 0; d < ((const struct head *)in[j].blob)->ndocs; d++)
			if (to[j][d] != MERGE_LEFT_OUT)
				pos[to[j][d]] = index_position(ix, segs[j], d);
	}
	struct sums s = { 0 };
	struct merged mg = { c, ix, pos, ndocs, &s, xcalloc(ndocs + 1, sizeof *mg.slots), 0, 0 };
	struct index *merged = NULL;
	struct seg_file f;
	int slots = merged_slots(&mg);
	for (size_t j = 0; j < n; j++)   /* the trailers' blocks read to check the slots */
		let_go_segment(ix, segs[j]);
	if (slots < 0) {
		*cause = xstrdup("a segment to merge is damaged (checksum of the trailer)");
	} else if (seg_file_open(&f, k, cause) == 0) {
		char *why = NULL;
		uint64_t len = index_merge_write(in, n, ndocs, f.id, f.fd, BLOCK, add_sum, &s, progress, &why);
		crash_point("merge");
		merged = seg_file_close(&f, len, why, merged_trailer, &mg, cause);
		free(why);
	}
	for (size_t j = 0; j < n; j++)   /* the digests copied */
		let_go_segment(ix, segs[j]);
	for (size_t j = 0; j < n; j++)
		free(to[j]);
	free(to);
	free(in);
	free(pos);
	free(mg.slots);
	free(s.v);
	for (size_t j = 0; merged && j < n; j++) {   /* merged inputs no manifest names: gone now */
		struct mapped *m = index_segment_arg(ix, segs[j]);
		if (made_here(k, m->id))
			unlink(m->path);
	}
	return merged ? index_merged(ix, segs, n, merged) : NULL;
}

/* Merges the segments the merge policy picks (index_merge_pick; index_merge_pick_built after a
 * build from scratch), again while it picks some. A merge that fails leaves the segments as they
 * were: the index stays whole. */
static struct index *merge_picked(struct sink *k, const struct corpus *c, struct index *ix,
                                  const struct index_progress *progress, int built)
{
	size_t *segs = xcalloc(index_nsegments(ix) + 1, sizeof *segs), n;
	while (!k->cause && (n = built ? index_merge_pick_built(ix, segs) : index_merge_pick(ix, segs)) > 0) {
		char *cause = NULL;
		struct index *up = merge_segments(k, c, ix, segs, n, progress, &cause);
		if (!up) {
			k->unmerged = cause ? cause : xstrdup("merge failed");
			break;
		}
		ix = up;
	}
	free(segs);
	return ix;
}

/* One segment for the build (index_parts_fn): written to the cache, or, once a write failed,
 * kept in memory. */
static struct index *segment_part(void *arg, struct corpus *c, const size_t *which, size_t n,
                                  const struct index_progress *progress)
{
	struct sink *k = arg;
	k->indexed += n;
	struct index *ix = k->cause ? NULL : write_segment(k, c, which, n, progress, &k->cause);
	return ix ? ix : index_build_part(c, which, n, progress);
}

/* Segments of the reports which[0..n) cut as index_build cuts them (index_parts_fn). */
static struct index *segment_parts(void *arg, struct corpus *c, const size_t *which, size_t n,
                                   const struct index_progress *progress)
{
	return index_build_parts_with(c, which, n, progress, segment_part, arg);
}

static int by_segment(const void *a, const void *b)
{
	const struct index_run *x = a, *y = b;
	if (x->seg != y->seg)
		return x->seg < y->seg ? -1 : 1;
	return (x->pos > y->pos) - (x->pos < y->pos);
}

/* The order of the reports of ix, the index of c (as many), in the browser's list
 * (corpus_sort_listed), into order. The list sorts by region and year, so their regions are
 * copied out, a few bytes a report, a segment at a time (its runs, which an index updated many
 * times interleaves with other segments'), and each segment's pages let go once its reports are
 * read: the whole tables of a large index need not be held at once, with the rest of a build. */
static void sort_listed(const struct corpus *c, const struct index *ix, size_t *order)
{
	size_t n = index_nreports(ix), last = SIZE_MAX;
	const struct index_run *by_pos;
	size_t nruns = index_runs(ix, &by_pos);
	struct index_run *runs = xcalloc(nruns + 1, sizeof *runs);
	if (nruns)
		memcpy(runs, by_pos, nruns * sizeof *runs);
	qsort(runs, nruns, sizeof *runs, by_segment);
	struct corpus_meta *meta = xcalloc(n + 1, sizeof *meta);
	size_t *at = xcalloc(n + 1, sizeof *at);   /* where each region is in regions, + 1; 0: none */
	struct buf regions;
	buf_init(&regions);
	for (size_t r = 0; r < nruns; r++) {
		if (runs[r].seg != last)
			let_go_segment(ix, last);
		last = runs[r].seg;
		for (size_t i = runs[r].pos; i < (size_t)runs[r].pos + runs[r].count && i < n; i++) {
			struct index_info in;
			index_info(ix, i, &in);
			meta[i].year = in.year;
			if (in.region_len) {
				at[i] = regions.len + 1;
				buf_add(&regions, in.region, in.region_len);
				buf_add(&regions, "", 1);
			}
		}
	}
	let_go_segment(ix, last);
	for (size_t i = 0; i < n; i++)
		meta[i].region = at[i] ? regions.data + at[i] - 1 : NULL;
	corpus_sort_listed(c, meta, order);
	buf_fini(&regions);
	free(at);
	free(meta);
	free(runs);
}

/* The order of the reports of ix, the index of c, in the browser's list (corpus_list_order, from
 * the metadata the index keeps), with its checksum, to out. */
static void add_order(struct buf *out, const struct corpus *c, const struct index *ix)
{
	size_t n = index_nreports(ix);
	size_t *order = xcalloc(n + 1, sizeof *order);
	uint32_t *v = xcalloc(order_bytes(n) / 4 + 1, sizeof *v);
	int known = c->n == n;   /* else no order is known: one that fails its checksum makes readers sort */
	if (known)
		sort_listed(c, ix, order);
	for (size_t i = 0; i < n; i++)
		v[i] = known ? (uint32_t)order[i] : (uint32_t)i;
	uint64_t sum = checksum64(6, v, order_bytes(n)) ^ (known ? 0 : 1);
	buf_add(out, &sum, sizeof sum);
	buf_add(out, v, order_bytes(n));
	free(v);
	free(order);
}

/* Writes the manifest of ix, the index of corpus c, to path (a temporary file renamed over it);
 * 0, or -1 with *cause. */
static int write_manifest(const struct corpus *c, const struct index *ix, const char *path, uint64_t key,
                          char **cause)
{
	size_t nseg = index_nsegments(ix), n = index_nreports(ix);
	struct mhead h = { MANIFEST_MAGIC, BLOB_VERSION, 0x01020304, key, tables_key(c), n, nseg, 0, 0, 0, 0, 0 };
	struct buf out;
	buf_init(&out);
	buf_add(&out, &h, sizeof h);
	for (size_t k = 0; k < nseg; k++) {
		const struct mapped *m = index_segment_arg(ix, k);
		if (!m) {
			buf_fini(&out);
			*cause = xstrdup("a segment is not in the cache");
			return -1;
		}
		buf_add(&out, &m->id, sizeof m->id);
	}
	const struct index_run *runs;
	size_t nruns = index_runs(ix, &runs);
	buf_add(&out, runs, nruns * sizeof *runs);
	size_t notes = out.len;
	add_notes(&out, c);
	h.notes_len = out.len - notes;
	size_t dirs = out.len;
	add_dirs(&out, c);
	h.dirs_len = out.len - dirs;
	add_order(&out, c, ix);
	h.size = out.len;
	h.hsum = manifest_head_sum(h);
	memcpy(out.data, &h, sizeof h);
	h.sum = manifest_sum((const unsigned char *)out.data, out.len);
	memcpy(out.data, &h, sizeof h);
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	int ok = fd >= 0 && fileio_write_at(fd, out.data, out.len, 0) == 0;
	if (fd >= 0 && close(fd) < 0)
		ok = 0;
	if (ok && rename(tmp, path) < 0)
		ok = 0;
	if (!ok) {
		*cause = xasprintf("cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	buf_fini(&out);
	return ok ? 0 : -1;
}

/* The update's view of the previous index: a report is kept when the file of the same path
 * stat gives the same size and mtime it gave when the report was indexed. */
struct previous {
	const struct index *ix;
	const struct corpus *c;
	size_t *to;           /* per report of ix: the entry it stays as, SIZE_MAX when none */
};

static int same_file(void *arg, size_t report, size_t entry)
{
	struct previous *pv = arg;
	struct filestat st;
	const struct corpus_file *f = corpus_file(pv->c, entry);
	int same = stat_of(pv->ix, report, &st) == 0 && f->size >= 0 && st.size == f->size && st.mtime_ns == f->mtime_ns;
	if (same)
		pv->to[report] = entry;
	return same;
}

/* Gives the corpus the notes of the entries the previous index held and the update kept, which
 * nothing read this time (mf's entries are the previous corpus's; renum maps them to the reports
 * of the previous index, SIZE_MAX for those it left out, which were indexed again). */
static void carry_notes(struct corpus *c, const struct manifest *mf, const size_t *renum, const size_t *to)
{
	size_t at = 0;
	struct note_at n;
	while (at < mf->h.notes_len && next_note(mf->notes, mf->h.notes_len, &at, mf->h.n, &n) == 0) {
		size_t r = n.n.entry == NO_ENTRY ? SIZE_MAX : renum[n.n.entry];
		if (r == SIZE_MAX || to[r] == SIZE_MAX || corpus_file(c, to[r])->noted)
			continue;
		char *reason = xstrndup(n.reason, n.n.len);
		corpus_note(c, to[r], reason, n.n.skipped != 0);
		free(reason);
	}
}

static char *read_roots(const char *roots, const char *dir);
static char *roots_path(char *const *roots, size_t n, const char *dir);

/* The index a build starts from: the manifest at path (the same files, some changed), else the
 * latest index of the corpus's PATHs (files added or removed since), when its segments were
 * made with the tables this corpus has, without its segments missing or damaged (*renum and
 * *dropped as open_salvaged's); NULL when there is none. */
static struct index *previous_index(const struct corpus *c, const char *dir, const char *path,
                                    struct manifest **mf, size_t **renum, size_t *dropped)
{
	char *roots = roots_path(c->roots, c->nroots, dir), *last = read_roots(roots, dir);
	free(roots);
	uint64_t tables = tables_key(c);
	struct index *ix = open_salvaged(path, dir, tables, mf, renum, dropped);
	if (!ix && last)
		ix = open_salvaged(last, dir, tables, mf, renum, dropped);
	free(last);
	return ix;
}

/* What a build under index_open did. */
struct outcome {
	size_t indexed;   /* reports indexed */
	int updated;      /* 1: an update of a previous index, 0: a build from scratch */
	size_t dropped;   /* segments of the previous index left out, missing or damaged */
	char *unmerged;   /* why a merge failed, or NULL (owned until open_index has said it) */
};

/* Writes the index of c under dir: an update of the previous index when there is one (only
 * the files added and changed are indexed, the reports of its segments missing or damaged, and
 * the segments the merge policy rebuilds), else a full build, in segments; then its manifest at
 * path. Returns the index, mapped from its segments; NULL with *cause when something could not
 * be written (the index is then in memory, in *fallback). *out says what was done. */
static struct index *write_index(struct corpus *c, const char *dir, const char *path, uint64_t key,
                                 const struct index_progress *progress, struct outcome *out,
                                 struct index **fallback, char **cause)
{
	struct sink k = { .dir = dir, .manifest = path };
	struct manifest *mf = NULL;
	size_t *renum = NULL;
	struct index *prev = previous_index(c, dir, path, &mf, &renum, &out->dropped), *ix;
	out->updated = prev != NULL;
	if (prev) {
		size_t n = index_nreports(prev);
		struct previous pv = { prev, c, xmalloc((n + 1) * sizeof(size_t)) };
		for (size_t i = 0; i < n; i++)
			pv.to[i] = SIZE_MAX;
		ix = index_update_with(prev, c, same_file, &pv, segment_parts, &k, index_merge_bytes() > 0, progress);
		carry_notes(c, mf, renum, pv.to);
		free(pv.to);
		free(renum);
		manifest_free(mf);
	} else {
		ix = segment_parts(&k, c, NULL, c->n, progress);
	}
	out->indexed = k.indexed;
	ix = merge_picked(&k, c, ix, progress, !out->updated);
	out->unmerged = k.unmerged;
	free(k.made);
	crash_point("manifest");
	if (!k.cause && write_manifest(c, ix, path, key, &k.cause) == 0)
		return ix;
	*cause = k.cause;
	*fallback = ix;
	return NULL;
}

static char *read_roots(const char *roots, const char *dir);
static int lock_free(const char *dir, const char *name, size_t n);

/* The file naming the latest index built of the paths the corpus was given, NULL when it was
 * given none (the embedded samples). Caller frees. */
static char *roots_path(char *const *roots, size_t n, const char *dir)
{
	if (!n)
		return NULL;
	uint64_t h = mix_roots(checksum_fnv(0x9E3779B97F4A7C15ull, &n, sizeof n), roots, n);
	return xasprintf("%s/roots-%016llx", dir, (unsigned long long)h);
}

/* The file naming the latest index of the directories the paths name, however spelled (sc, ./sc,
 * sc/, its absolute path): keyed by the real paths of those that exist, in order. NULL when none
 * does. It holds the index's name and the spelling it was made with (index_cache_respell). */
static char *alias_path(char *const *roots, size_t n, const char *dir)
{
	uint64_t h = 0x6A09E667F3BCC909ull;
	size_t found = 0;
	for (size_t i = 0; i < n; i++) {
		char *real = realpath(roots[i], NULL);
		if (real)
			h = checksum_fnv(h, real, strlen(real) + 1), found++;
		free(real);
	}
	return found ? xasprintf("%s/roots-%016llx", dir, (unsigned long long)checksum_fnv(h, &found, sizeof found))
	             : NULL;
}

/* Writes the pointer file at path: the index's name on a line, then each of the n roots as
 * spelled, ending in a NUL (a path may hold a newline). */
static void write_pointer(const char *path, const char *name, char *const *roots, size_t n)
{
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s\n", name);
	for (size_t i = 0; i < n; i++)
		buf_add(&b, roots[i], strlen(roots[i]) + 1);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd >= 0) {
		fileio_write_at(fd, b.data, b.len, 0);
		close(fd);
	}
	buf_fini(&b);
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
	char *alias = alias_path(c->roots, c->nroots, dir);
	if (roots)
		write_pointer(roots, base ? base + 1 : path, NULL, 0);
	if (alias && (!roots || strcmp(alias, roots) != 0))
		write_pointer(alias, base ? base + 1 : path, c->roots, c->nroots);
	free(alias);
	free(roots);
}

static void clean_segments(const char *dir, unsigned long long *removed, unsigned long long *kept);

/* Builds take segments.lock shared while they write, from their first segment to their
 * manifest; the clean-up takes it alone (index_cache_clean). Returns the descriptor (-1: none). */
static int segments_lock(const char *dir, int how)
{
	char *path = xasprintf("%s/segments.lock", dir);
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	free(path);
	if (fd >= 0 && flock(fd, how) < 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static struct index *take_walked(struct corpus *c, char **path);

/* The notice of a build under index_open that wrote its index: why the cache was not used
 * (cause, may be NULL) and what was indexed; NULL when there is nothing to say. */
static char *build_notice(const char *path, const char *cause, const struct outcome *out, size_t n, int told)
{
	if (out->unmerged)   /* e.g. the disk full: the index works, its searches open more segments */
		return xasprintf("index cache %s: segments not merged: %s; the index is whole, in more segments", path,
		                 out->unmerged);
	if (out->updated && out->dropped)
		return xasprintf("index cache %s: %s; %zu reports indexed again", path,
		                 cause ? cause : "index segment missing or damaged", out->indexed);
	if (told && cause && strcmp(cause, CHANGED_SINCE) == 0)
		return NULL;   /* the caller says what it indexed, and files changing is why one asks */
	if (cause && out->updated)
		return xasprintf("index cache %s: %s; updated (%zu of %zu reports indexed)", path, cause, out->indexed, n);
	if (cause)
		return xasprintf("index cache %s: %s; rebuilt", path, cause);
	return NULL;
}

/* index_open; *out says what was built (all 0 when the cache was used as it was, or nothing
 * could be written); told: index_refresh's notice. */
static struct index *open_index(struct corpus *c, const char *dir, const struct index_progress *progress,
                                char **notice, struct outcome *out, int told)
{
	*notice = NULL;
	*out = (struct outcome){ 0 };
	if (!dir)
		return index_build(c, progress);
	char *path = NULL, *lockpath = NULL, *cause = NULL;
	struct index *ix = take_walked(c, &path);
	if (ix)
		goto done;
	path = index_cache_path(c, dir);
	uint64_t key = corpus_key(c);
	ix = load(c, path, dir, key, &cause);
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
	ix = lock >= 0 ? load(c, path, dir, key, &again) : NULL;   /* another instance may have just written it */
	free(again);
	if (!ix) {
		int shared = segments_lock(dir, LOCK_SH);
		char *werr = NULL;
		struct index *mem = NULL;
		ix = write_index(c, dir, path, key, progress, out, &mem, &werr);
		if (ix) {
			point_roots(c, dir, path);
			*notice = build_notice(path, cause, out, c->n, told);
		}
		free(out->unmerged);
		out->unmerged = NULL;
		if (!ix) {   /* the files could not be written: the index in memory */
			*notice = xasprintf("index cache: %s", werr ? werr : "not saved");
			*out = (struct outcome){ 0 };
			ix = mem;
			index_set_key(ix, key);
		}
		free(werr);
		if (shared >= 0)
			close(shared);
		clean_segments(dir, NULL, NULL);   /* those the new manifest no longer names */
	}
	if (lock >= 0)
		close(lock);   /* releases the lock */
done:
	free(cause);
	free(path);
	free(lockpath);
	return ix;
}

struct index *index_open(struct corpus *c, const char *dir, const struct index_progress *progress,
                         char **notice)
{
	struct outcome out;
	return open_index(c, dir, progress, notice, &out, 0);
}

struct index *index_refresh(struct corpus *c, const char *dir, const struct index_progress *progress, char **notice)
{
	struct outcome out;
	return open_index(c, dir, progress, notice, &out, 1);
}

struct index *index_reopen(struct index *ix, struct corpus *c, const char *dir, const struct index_progress *progress,
                           char **notice)
{
	const char *damage = NULL;
	index_intact(ix, &damage);
	char *why = xstrdup(damage ? damage : "index damaged");
	index_free(ix);
	char *inner = NULL;
	struct outcome out;
	ix = open_index(c, dir, progress, &inner, &out, 0);
	if (out.updated && out.dropped) {   /* the damaged segment's reports, and only they, indexed again */
		free(inner);
		inner = xasprintf("%s; %zu reports indexed again", why, out.indexed);
	} else if (inner && strstr(inner, "index segment missing")) {   /* the damaged segment is gone: no news */
		free(inner);
		inner = NULL;
	} else if (!inner && !out.updated && !out.indexed) {   /* found whole: another instance repaired it */
		inner = xasprintf("%s; the index was repaired meanwhile", why);
	}
	*notice = inner ? inner : xasprintf("index cache: %s; rebuilt", why);
	free(why);
	return ix;
}

struct index *index_open_cached(struct corpus *c, const char *dir)
{
	if (!dir)
		return NULL;
	char *path = NULL, *cause = NULL;
	struct index *ix = take_walked(c, &path);
	if (!ix) {
		free(path);
		path = index_cache_path(c, dir);
		ix = load(c, path, dir, corpus_key(c), &cause);
	}
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
	if (n < 27 || name[26] != '\n' || strncmp(name, "index-", 6) != 0 || strncmp(name + 22, ".bin", 4) != 0
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

/* Counts what differs between the corpus as walked and the index ix. */
static void compare_files(const struct corpus *c, struct index *ix, struct index_status *out)
{
	size_t n = index_nreports(ix), matched = 0;
	struct named *v = xcalloc(n + 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		size_t len;
		const char *path = index_path(ix, i, &len);
		v[i] = (struct named){ path, len, i };
	}
	qsort(v, n, sizeof *v, named_cmp);
	for (size_t i = 0; i < c->n; i++) {
		const struct corpus_file *f = corpus_file(c, i);
		struct named key = { f->path, strlen(f->path), 0 };
		const struct named *hit = bsearch(&key, v, n, sizeof *v, named_cmp);
		if (!hit) {
			out->added++;
			continue;
		}
		matched++;
		struct filestat st;
		if (f->size < 0 || stat_of(ix, hit->i, &st) < 0 || st.size != f->size || st.mtime_ns != f->mtime_ns)
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
	struct index *ix = load(c, path, dir, corpus_key(c), &cause);
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
	struct manifest *mf = NULL;
	ix = last ? open_manifest(last, dir, 0, &mf, &cause) : NULL;
	free(last);
	free(cause);
	manifest_free(mf);
	if (!ix)
		return -1;
	out->found = 1;
	compare_files(c, ix, out);
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
		if (strncmp(e->d_name, "index-", 6) == 0 || strncmp(e->d_name, "roots-", 6) == 0
		    || strncmp(e->d_name, "segment-", 8) == 0)
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

/* The segments the manifests name, and what the clean-up of the others found. */
struct named_ids {
	uint64_t *v;
	size_t n, cap;
	unsigned long long removed, kept;   /* bytes of segments removed, kept */
};

static void name_ids(void *arg, const char *dir, const char *name)
{
	struct named_ids *ids = arg;
	if (strncmp(name, "index-", 6) != 0 || !ends_with(name, ".bin"))
		return;
	char *path = xasprintf("%s/%s", dir, name), *cause = NULL;
	struct manifest *mf = manifest_read(path, 0, &cause);
	for (size_t k = 0; mf && k < mf->h.nseg; k++) {
		ids->v = xgrow(ids->v, &ids->cap, ids->n + 1, sizeof *ids->v);
		ids->v[ids->n++] = mf->ids[k];
	}
	manifest_free(mf);
	free(cause);
	free(path);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

static void drop_unnamed(void *arg, const char *dir, const char *name)
{
	struct named_ids *ids = arg;
	unsigned long long id;
	char tail[8] = "";
	if (sscanf(name, "segment-%16llx%7s", &id, tail) != 2 || strcmp(tail, ".bin") != 0)
		return;
	uint64_t key = id;
	char *p = xasprintf("%s/%s", dir, name);
	struct stat st;
	if (stat(p, &st) == 0) {
		if (ids->n && bsearch(&key, ids->v, ids->n, sizeof *ids->v, cmp_u64)) {
			ids->kept += (unsigned long long)st.st_size;
		} else {
			unlink(p);
			ids->removed += (unsigned long long)st.st_size;
		}
	}
	free(p);
}

/* Removes the segments no manifest names, unless a build is under way (it holds segments.lock:
 * the segments it wrote are named once its manifest is in place). Adds the bytes removed and
 * kept to *removed and *kept (may be NULL). */
static void clean_segments(const char *dir, unsigned long long *removed, unsigned long long *kept)
{
	int lock = segments_lock(dir, LOCK_EX | LOCK_NB);
	if (lock < 0)
		return;
	struct named_ids ids = { 0 };
	each_entry(dir, name_ids, &ids);
	if (ids.n)
		qsort(ids.v, ids.n, sizeof *ids.v, cmp_u64);
	each_entry(dir, drop_unnamed, &ids);
	if (removed)
		*removed += ids.removed;
	if (kept)
		*kept += ids.kept;
	free(ids.v);
	close(lock);
}

void index_cache_clean(const char *dir)
{
	each_entry(dir, clean_one, NULL);
	clean_segments(dir, NULL, NULL);
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
	if (strncmp(name, "index-", 6) == 0 && ends_with(name, ".bin") && stat(p, &st) == 0) {
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
	clean_segments(dir, &out->removed_bytes, &out->kept_bytes);   /* those of the indexes removed */
}

/* The index a replayed walk opened, kept for the index_open of the same corpus that follows, so
 * its segments are mapped and checked once per process, not once for the walk and again for the
 * search. The corpus's entries are that index's own (its paths, its stats), so it is the index of
 * that corpus as long as no entry was added and the tables it was made with are still these. */
static struct walked {
	unsigned long serial;              /* the corpus's */
	size_t n;
	char *path;                        /* the manifest's */
	struct index *ix;
	struct manifest *mf;
} walked;

static void walked_drop(void)
{
	if (walked.ix)
		index_free(walked.ix);
	manifest_free(walked.mf);
	free(walked.path);
	walked = (struct walked){ 0 };
}

static void hand_over(const struct corpus *c, char *path, struct index *ix, struct manifest *mf)
{
	walked_drop();
	walked = (struct walked){ c->serial, c->n, path, ix, mf };
}

/* The index the walk of c opened, with its manifest's path in *path (caller frees), when it is
 * still c's; else NULL. Either way it is handed over once: it is never given twice. */
static struct index *take_walked(struct corpus *c, char **path)
{
	struct index *ix = NULL;
	if (walked.ix && walked.serial == c->serial && walked.n == c->n && index_intact(walked.ix, NULL)
	    && walked.mf->h.tables == tables_key(c) && take_notes(c, walked.mf->notes, walked.mf->h.notes_len) == 0) {
		ix = walked.ix;
		*path = walked.path;
		walked.ix = NULL;
		walked.path = NULL;
	}
	walked_drop();
	return ix;
}

/* Whether the directory of entry ds (its path, ds->len bytes, after it) still has the recorded
 * mtime, stat'ed by its parent kept open in parent. */
static int dir_same(struct corpus_statdir *parent, const struct dirstat *ds, const char *name)
{
	char *path = xstrndup(name, ds->len);
	int same = corpus_dir_state(parent, path, ds->mtime_ns) == DIR_SAME;
	free(path);
	return same;
}

/* 1 when every directory the index's walk read still has the mtime it had then. They are in walk
 * order, so sibling directories come together and are stat'ed by their parent kept open. */
static int dirs_unchanged(const struct manifest *m)
{
	size_t at = 0, len = m->h.dirs_len;
	struct corpus_statdir parent = { 0 };
	int same = len > 0;
	while (at < len && same) {
		struct dirstat ds;
		if (len - at < sizeof ds)
			break;
		memcpy(&ds, m->dirs + at, sizeof ds);
		if (ds.len > len - at - sizeof ds)
			break;
		same = dir_same(&parent, &ds, (const char *)m->dirs + at + sizeof ds);
		at += sizeof ds + ((ds.len + 7) & ~(size_t)7);
	}
	corpus_statdir_close(&parent);
	return same && at >= len;
}

/* Adds the directories and walk messages met before entry `upto` (from *dat, *nat onwards);
 * returns the number of entries before the next of them (UINT32_MAX: none left). */
static size_t replay_until(struct corpus *c, const struct manifest *m, size_t upto, size_t *dat, size_t *nat)
{
	for (;;) {
		struct dirstat ds = { 0, 0, UINT32_MAX, 1, 0 };
		if (*dat < m->h.dirs_len)
			memcpy(&ds, m->dirs + *dat, sizeof ds);
		struct note_at n = { { 0, 0, 0, UINT32_MAX }, NULL, NULL, 0 };
		size_t next = *nat;
		while (next < m->h.notes_len && next_note(m->notes, m->h.notes_len, &next, m->h.n, &n) == 0
		       && n.n.entry != NO_ENTRY) {
			*nat = next;   /* an entry's note: given back when the index is loaded */
			n.n.at = UINT32_MAX;
		}
		if (ds.at <= upto && ds.at <= n.n.at) {
			char *path = xstrndup((const char *)m->dirs + *dat + sizeof ds, ds.len);
			corpus_add_dir(c, path, ds.mtime_ns, ds.table != 0);
			free(path);
			*dat += sizeof ds + ((ds.len + 7) & ~(size_t)7);
		} else if (n.n.at <= upto && n.path) {
			char *path = xstrndup(n.path, n.path_len), *reason = xstrndup(n.reason, n.n.len);
			corpus_add_message(c, path, reason, n.n.skipped != 0);
			free(path);
			free(reason);
			*nat = next;
		} else {
			return ds.at < n.n.at ? ds.at : n.n.at;
		}
	}
}

/* ---- the files of a replayed walk (corpus_source) ---- */

/* A file met by walking the PATHs again, by device and inode. */
struct found {
	unsigned long long dev, ino;
	char *path;   /* owned */
};

/* The files of a walk replayed from an index, for its corpus: an entry's path and stat are read
 * from the index when the corpus first asks for it, its path checked then (its blocks of the
 * tables), so a query that shows no report reads no path. A path found damaged is looked for by
 * its file's device and inode in a new walk of the PATHs, made once: the corpus still names
 * every file right, and the index, now known damaged, is not used again (take_walked). */
struct walk_files {
	struct index *ix;      /* shared with whoever opens it next (index_share) */
	struct manifest *mf;   /* the walk's, kept (manifest_keep) for its list order */
	char **roots;          /* the PATHs, owned */
	size_t nroots;
	struct found *found;   /* the new walk, sorted by device and inode; NULL: not made */
	size_t nfound;
};

static int found_cmp(const void *a, const void *b)
{
	const struct found *x = a, *y = b;
	if (x->dev != y->dev)
		return x->dev < y->dev ? -1 : 1;
	return (x->ino > y->ino) - (x->ino < y->ino);
}

static void walk_again(struct walk_files *w)
{
	struct corpus s;
	corpus_init(&s);
	s.lazy = 1;
	for (size_t i = 0; i < w->nroots; i++)
		corpus_add_path(&s, w->roots[i]);
	w->found = xcalloc(s.n + 1, sizeof *w->found);
	for (size_t i = 0; i < s.n; i++) {
		const struct corpus_file *f = corpus_file(&s, i);
		if (!f->failed)
			w->found[w->nfound++] = (struct found){ f->dev, f->ino, xstrdup(f->path) };
	}
	qsort(w->found, w->nfound, sizeof *w->found, found_cmp);
	corpus_fini(&s);
}

/* The path of the file st describes, as the PATHs hold it now; NULL when it is gone. */
static const char *path_again(struct walk_files *w, const struct filestat *st)
{
	if (!w->found)
		walk_again(w);
	struct found key = { st->dev, st->ino, NULL };
	const struct found *hit = w->nfound ? bsearch(&key, w->found, w->nfound, sizeof key, found_cmp) : NULL;
	return hit ? hit->path : NULL;
}

static int walk_file(void *arg, size_t i, struct corpus_file *out)
{
	struct walk_files *w = arg;
	struct filestat st;
	size_t len;
	const char *path = stat_of(w->ix, i, &st) == 0 ? index_path(w->ix, i, &len) : NULL;
	if (path && len == 0)   /* damaged: no file has an empty path */
		path = path_again(w, &st);
	if (!path)
		return -1;
	*out = (struct corpus_file){ (char *)path, st.size, st.mtime_ns, st.dev, st.ino, 0, 0 };
	return 0;
}

static void walk_files_free(void *arg)
{
	struct walk_files *w = arg;
	index_free(w->ix);
	manifest_free(w->mf);
	for (size_t i = 0; i < w->nroots; i++)
		free(w->roots[i]);
	free(w->roots);
	for (size_t i = 0; i < w->nfound; i++)
		free(w->found[i].path);
	free(w->found);
	free(w);
}

/* Gives c the entries of the walk m recorded, its files read from ix, and the directories and
 * walk messages between them, each where the walk met it. */
static void replay_entries(struct corpus *c, char **paths, int npaths, struct index *ix, struct manifest *m)
{
	struct walk_files *w = xcalloc(1, sizeof *w);
	w->ix = index_share(ix);
	w->mf = manifest_keep(m);
	w->roots = xcalloc((size_t)npaths + 1, sizeof *w->roots);
	for (int i = 0; i < npaths; i++) {
		corpus_add_root(c, paths[i]);
		w->roots[w->nroots++] = xstrdup(paths[i]);
	}
	struct corpus_source src = { walk_file, walk_files_free, w };
	size_t n = (size_t)m->h.n, dat = 0, nat = 0;
	corpus_set_source(c, &src, n);
	size_t next = replay_until(c, m, 0, &dat, &nat);
	while (c->n < n) {
		corpus_add_sourced(c, (next > c->n && next < n ? next : n) - c->n);
		next = replay_until(c, m, c->n, &dat, &nat);
	}
}

static int all_dirs(char *const *paths, size_t n)
{
	struct stat st;
	for (size_t i = 0; i < n; i++)
		if (stat(paths[i], &st) < 0 || !S_ISDIR(st.st_mode))
			return 0;
	return 1;
}

/* Fills c with the walk the cached index of these PATHs, as spelled, recorded; 0, or -1 with c
 * untouched when there is none, or when `stale` is 0 and a directory it read changed since. */
static int replay_walk(struct corpus *c, char **paths, int npaths, const char *dir, int stale)
{
	if (!dir || npaths <= 0 || c->n || c->nmsgs || !c->lazy || !all_dirs(paths, (size_t)npaths))
		return -1;
	char *roots = roots_path(paths, (size_t)npaths, dir), *last = read_roots(roots, dir);
	free(roots);
	/* The directories are checked before any segment is opened. A segment missing may have been
	 * cleaned up just after another instance replaced the manifest: it is read once more. */
	struct manifest *m = NULL;
	struct index *ix = NULL;
	char *cause = NULL;
	for (int attempt = 0; !ix && last && attempt < 2; attempt++) {
		free(cause);
		cause = NULL;
		manifest_free(m);
		m = manifest_read(last, 1, &cause);
		if (!m || !m->h.dirs_len || !(stale || dirs_unchanged(m)))
			break;
		ix = open_segments(m, dir, &cause);
		if (!ix && (!cause || strcmp(cause, "index segment missing") != 0))
			break;
	}
	free(cause);
	if (!ix) {
		free(last);
		manifest_free(m);
		return -1;
	}
	replay_entries(c, paths, npaths, ix, m);
	hand_over(c, last, ix, m);
	return 0;
}

/* Whether a and b name the same file. */
static int same_real(const char *a, const char *b)
{
	char *x = realpath(a, NULL), *y = x ? realpath(b, NULL) : NULL;
	int same = y && strcmp(x, y) == 0;
	free(x);
	free(y);
	return same;
}

/* The roots the alias file at path names (*n of them), NULL when it names no index or is cut
 * short. At most max are read. */
static char **alias_roots(const char *path, const char *dir, int max, int *n)
{
	char *last = read_roots(path, dir), *text = NULL;
	size_t len = 0;
	if (last)
		text = fileio_read_small(path, 1 << 20, &len);
	free(last);
	const char *p = text ? memchr(text, '\n', len) : NULL, *end = text ? text + len : NULL;
	char **as = xcalloc((size_t)max + 1, sizeof *as);
	int k = 0;
	for (p = p ? p + 1 : NULL; p && p < end; k++) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		if (!nul || k == max)
			break;
		as[k] = xstrdup(p);
		p = nul + 1;
	}
	int whole = p && p == end && k > 0;
	free(text);
	if (whole) {
		*n = k;
		return as;
	}
	index_cache_paths_free(as, k);
	return NULL;
}

/* The spelling the directories the paths name were last indexed under (their alias file's), *n
 * paths, when these paths as spelled have no index of their own; NULL when there is none. */
static char **indexed_spelling(char **paths, int npaths, const char *dir, int *n)
{
	if (!dir || npaths <= 0)
		return NULL;
	char *roots = all_dirs(paths, (size_t)npaths) ? roots_path(paths, (size_t)npaths, dir) : NULL;
	char *exact = read_roots(roots, dir);
	free(roots);
	if (exact) {   /* indexed as spelled */
		free(exact);
		return NULL;
	}
	char *alias = alias_path(paths, (size_t)npaths, dir);
	char **as = alias ? alias_roots(alias, dir, npaths, n) : NULL;
	free(alias);
	return as;
}

/* Whether as (n paths) names, from here, the directories of the paths that exist, in order: 1 it
 * does, 0 it does not, -1 no path exists or one is not a directory (no corpus the cache replays). */
static int names_them_here(char **paths, int npaths, char **as, int n)
{
	int ok = 1, j = 0, found = 0;
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		if (stat(paths[i], &st) < 0)
			continue;   /* a missing PATH, said so apart */
		if (!S_ISDIR(st.st_mode))
			return -1;
		found = 1;
		ok = ok && j < n && same_real(paths[i], as[j++]);
	}
	return !found ? -1 : ok && j == n && all_dirs(as, (size_t)n);
}

/* The spelling the paths' directories were indexed under (indexed_spelling), *n paths, when
 * names_them_here says `names` of it (1: it names them from here, 0: only from elsewhere); else
 * NULL. */
static char **spelling_naming(char **paths, int npaths, const char *dir, int *n, int names)
{
	char **as = indexed_spelling(paths, npaths, dir, n);
	if (as && names_them_here(paths, npaths, as, *n) == names)
		return as;
	if (as)
		index_cache_paths_free(as, *n);
	return NULL;
}

char **index_cache_respell(char **paths, int npaths, const char *dir, int *n)
{
	return spelling_naming(paths, npaths, dir, n, 1);
}

char **index_cache_spelled_elsewhere(char **paths, int npaths, const char *dir, int *n)
{
	return spelling_naming(paths, npaths, dir, n, 0);
}

void index_cache_paths_free(char **v, int n)
{
	for (int i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

/* Whether an entry of c asked of the walk w has failed since it was indexed (a file removed or
 * changed since): a list sorts it as an empty report, where the index has its metadata. Only
 * entries asked of the source can have failed. */
static int failed_since(const struct corpus *c, const struct walk_files *w)
{
	for (size_t k = 0; k < c->nasked; k++) {
		size_t i = corpus_asked_entry(c, k);
		struct index_info in;
		if (corpus_file(c, i)->failed && i < index_nreports(w->ix)) {
			index_info(w->ix, i, &in);
			if (in.region_len || in.year)
				return 1;
		}
	}
	return 0;
}

int index_cache_list_order(const struct corpus *c, size_t *order)
{
	if (c->source.free != walk_files_free)
		return -1;
	const struct walk_files *w = c->source.arg;
	const struct manifest *mf = w->mf;
	size_t n = c->n;
	if (mf->h.n != n || failed_since(c, w) || checksum64(6, mf->order, order_bytes(n)) != mf->order_sum)
		return -1;
	unsigned char *seen = xcalloc(n + 1, 1);
	size_t i = 0;
	for (; i < n && mf->order[i] < n && !seen[mf->order[i]]; i++) {
		seen[mf->order[i]] = 1;
		order[i] = mf->order[i];
	}
	free(seen);
	return i == n ? 0 : -1;
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
