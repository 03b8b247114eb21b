/* test_14_lazy.c — lazy corpora: files recorded by the walk and read on first use, the cache key from stat alone, postings checked when first read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "assets.h"
#include "corpus.h"
#include "index.h"
#include "query.h"
#include "sample_files.h"
#include "xmalloc.h"

/* dir/r holds the five samples as a.txt … e.txt (in the order of assets[]) and an empty z.txt. */
static char dir[64], rdir[80], cache[80], *files[5];
static const struct asset *src[5];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/fazhi-lazy-XXXXXX");
	if (sample_files_make(dir, rdir, cache, files, src) != 0)
		return -1;
	char *empty = xasprintf("%s/z.txt", rdir);
	fclose(fopen(empty, "wb"));
	free(empty);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return sample_files_remove(dir, files);
}

static void walk(struct corpus *c)
{
	corpus_init(c);
	c->lazy = 1;
	assert_int_equal(corpus_add_path(c, rdir), 1);   /* z.txt, told by stat */
	assert_int_equal(c->n, 5);
}

/* Walks the samples and caches their index; returns the cache file's path (caller frees). */
static char *build_cached(void)
{
	struct corpus c;
	walk(&c);
	char *notice = NULL;
	index_free(index_open(&c, cache, NULL, &notice));
	assert_null(notice);
	char *path = index_cache_path(&c, cache);
	corpus_fini(&c);
	return path;
}

static void rewrite(size_t i, const char *bytes, size_t n)
{
	FILE *f = fopen(files[i], "wb");
	fwrite(bytes, 1, n, f);
	fclose(f);
}

static void test_walk_reads_nothing(void **state)
{
	(void)state;
	struct corpus c;
	walk(&c);
	for (size_t i = 0; i < 5; i++) {
		assert_false(corpus_loaded(&c, i));
		assert_string_equal(corpus_path(&c, i), files[i]);
		assert_int_equal(corpus_size(&c, i), src[i]->size);
	}
	assert_int_equal(c.nmsgs, 1);
	assert_string_equal(c.msgs[0].reason, "empty file");
	const struct report *r = corpus_get(&c, 3);
	assert_non_null(r);
	assert_int_equal(r->len, src[3]->size);
	assert_memory_equal(r->text, src[3]->data, src[3]->size);
	assert_true(corpus_loaded(&c, 3));
	assert_false(corpus_loaded(&c, 2));
	corpus_unload(&c, 3);
	assert_false(corpus_loaded(&c, 3));
	assert_non_null(corpus_get(&c, 3));   /* read again */
	assert_int_equal(c.nmsgs, 1);
	corpus_fini(&c);
}

/* b.txt removed and d.txt rewritten after the walk: each fails with its reason, in walk order
 * before z.txt's message; the others load. */
static void test_gone_bad_after_walk(void **state)
{
	(void)state;
	struct corpus c;
	walk(&c);
	assert_int_equal(unlink(files[1]), 0);
	rewrite(3, "甲", 3);
	assert_null(corpus_get(&c, 3));
	assert_null(corpus_get(&c, 1));
	assert_null(corpus_get(&c, 1));   /* asked twice, said once */
	assert_true(corpus_failed(&c, 1));
	assert_int_equal(c.nmsgs, 3);
	assert_string_equal(c.msgs[0].path, files[1]);
	assert_string_equal(c.msgs[0].reason, "No such file or directory");
	assert_int_equal(c.msgs[0].entry, 1);
	assert_string_equal(c.msgs[1].path, files[3]);
	assert_string_equal(c.msgs[1].reason, "changed since the directory was read");
	assert_string_equal(c.msgs[2].reason, "empty file");
	assert_int_equal(corpus_failures(&c), 3);
	for (size_t i = 0; i < 5; i += 2) {
		const struct report *r = corpus_get(&c, i);
		assert_non_null(r);
		assert_memory_equal(r->text, src[i]->data, src[i]->size);
	}
	const struct report *blank = corpus_load(&c, 1);   /* what an index holds for it */
	assert_int_equal(blank->len, 0);
	assert_string_equal(blank->path, files[1]);
	corpus_fini(&c);
	rewrite(1, (const char *)src[1]->data, src[1]->size);
	rewrite(3, (const char *)src[3]->data, src[3]->size);
}

static size_t search(const struct index *ix, const char *text, size_t *hits)
{
	char *cause = NULL;
	struct query *q = query_parse(text, strlen(text), &cause);
	assert_non_null(q);
	struct index_results r = { 0 };
	size_t n = index_search(ix, q, 0, &r);
	*hits = r.total_hits;
	index_results_fini(&r);
	query_free(q);
	return n;
}

/* index_search_top's first `limit` results; *hits gets what they hold. */
static size_t search_top(const struct index *ix, const char *text, size_t limit, size_t *hits)
{
	char *cause = NULL;
	struct query *q = query_parse(text, strlen(text), &cause);
	assert_non_null(q);
	struct index_results r = { 0 };
	size_t n = index_search_top(ix, q, limit, &r);
	*hits = 0;
	for (size_t i = 0; i < n; i++)
		*hits += r.v[i].hits;
	index_results_fini(&r);
	query_free(q);
	return n;
}

static size_t occurrences(const char *w)
{
	size_t n = 0, k = strlen(w);
	for (size_t i = 0; i < 5; i++)
		for (const char *p = (const char *)src[i]->data; (p = strstr(p, w)); p += k)
			n++;
	return n;
}

/* The index of c opens with a notice (what was damaged was found and indexed again; saying why,
 * when why is not NULL), and a search over it counts what the samples hold, with no damage met. */
static void opens_repaired(struct corpus *c, const char *why)
{
	char *notice = NULL;
	struct index *ix = index_open(c, cache, NULL, &notice);
	if (!notice || (why && !strstr(notice, why)))
		fail_msg("notice [%s], expected one%s%s", notice ? notice : "(none)", why ? " saying " : "", why ? why : "");
	free(notice);
	size_t hits;
	assert_int_equal(search(ix, "行政复议", &hits), 3);
	assert_int_equal(hits, occurrences("行政复议"));
	assert_true(index_intact(ix, NULL));
	index_free(ix);
}

/* Built from a lazy corpus, reused without reading a report; touching one file invalidates. */
static void test_stat_key(void **state)
{
	(void)state;
	struct corpus c;
	walk(&c);
	char *notice = NULL;
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	for (size_t i = 0; i < 5; i++)
		assert_false(corpus_loaded(&c, i));   /* read to be indexed, then let go */
	size_t hits, n = search(ix, "行政复议", &hits);
	index_free(ix);
	corpus_fini(&c);

	walk(&c);
	ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	size_t hits2;
	assert_int_equal(search(ix, "行政复议", &hits2), n);
	assert_int_equal(hits2, hits);
	for (size_t i = 0; i < 5; i++)
		assert_false(corpus_loaded(&c, i));   /* the cache answered alone */
	struct index_info in;
	index_info(ix, 2, &in);
	const struct report *r = corpus_get(&c, 2);
	assert_non_null(r);
	assert_string_equal(in.title, r->meta.title ? r->meta.title : "");
	corpus_unload(&c, 2);
	index_free(ix);
	corpus_fini(&c);

	struct timeval tv[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
	assert_int_equal(utimes(files[4], tv), 0);
	walk(&c);
	ix = index_open(&c, cache, NULL, &notice);
	assert_non_null(notice);
	assert_non_null(strstr(notice, "files changed since; updated (1 of 5 reports indexed)"));
	free(notice);
	index_free(ix);
	corpus_fini(&c);
}

/* Postings damaged on disk: the open succeeds (they are not read), the first search that reads
 * them finds it, and the reopened index is rebuilt and answers right. */
static void test_postings_checked_on_use(void **state)
{
	(void)state;
	char *path = build_cached(), *notice = NULL;
	struct corpus c;

	uint64_t len = sample_postings_damage(path);
	assert_true(len > 0 && len < (1u << 20));   /* one block: the search below reads it */

	walk(&c);
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	assert_true(index_intact(ix, NULL));
	size_t hits;
	search(ix, "行政复议", &hits);
	const char *cause = NULL;
	assert_false(index_intact(ix, &cause));
	assert_string_equal(cause, "index segment damaged (checksum of the postings)");
	ix = index_reopen(ix, &c, cache, NULL, &notice);
	assert_non_null(strstr(notice, "checksum of the postings"));
	/* the segment the search found damaged is indexed again (all of it when it is the only one) */
	assert_true(strstr(notice, "rebuilt") || strstr(notice, "reports indexed again"));
	free(notice);
	assert_int_equal(search(ix, "行政复议", &hits), 3);
	assert_int_equal(hits, occurrences("行政复议"));
	assert_true(index_intact(ix, NULL));
	index_free(ix);
	corpus_fini(&c);

	walk(&c);
	ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);   /* the file written by the rebuild is good */
	search(ix, "行政复议", &hits);
	assert_true(index_intact(ix, NULL));
	index_free(ix);
	corpus_fini(&c);
	free(path);
}

/* The key's entry in the one segment under the cache directory cdir (its path in *seg, caller
 * frees), or 0. */
static int segment_key(const char *cdir, uint64_t key, struct ixkey *out, uint64_t *post_off, char **seg)
{
	char *pattern = xasprintf("%s/segment-*.bin", cdir);
	glob_t g;
	int found = 0;
	assert_int_equal(glob(pattern, 0, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 1);
	FILE *f = fopen(g.gl_pathv[0], "rb");
	struct head h;
	assert_true(f && fread(&h, sizeof h, 1, f) == 1);
	fseek(f, (long)h.keys_off, SEEK_SET);
	for (uint64_t i = 0; i < h.nkeys && !found; i++) {
		assert_int_equal(fread(out, sizeof *out, 1, f), 1);
		found = out->key == key;
	}
	fclose(f);
	*post_off = h.post_off;
	*seg = xstrdup(g.gl_pathv[0]);
	globfree(&g);
	free(pattern);
	return found;
}

/* A long pair list whose last positions are damaged: a search that reads only its reports
 * and counts (a term of two characters, or a top-k that proves none of the damaged places)
 * answers right and never reads the damaged bytes; the first search that decodes them finds
 * the damage. The positions of 行政 are far longer than a checked block. */
static void test_positions_checked_on_use(void **state)
{
	(void)state;
	char *odir = xasprintf("%s/long", dir), *ocache = xasprintf("%s/cache-long", dir);
	struct buf text;
	buf_init(&text);
	buf_adds(&text, "某区2023年法治政府建设年度报告\n\n");
	enum { REPEATS = 1500 };   /* 行政 twice each: 4 bits a place, 70 reports' far over 64 KB */
	for (int i = 0; i < REPEATS; i++)
		buf_adds(&text, "行政机关依法行政。");
	mkdir(odir, 0700);
	for (int i = 0; i < INDEX_SKIP + 6; i++) {   /* more reports than a skip: the positions lie apart */
		char *name = xasprintf("%s/%03d.txt", odir, i);
		FILE *f = fopen(name, "wb");
		fwrite(text.data, 1, text.len, f);
		fclose(f);
		free(name);
	}
	struct corpus c;
	corpus_init(&c);
	c.lazy = 1;
	corpus_add_path(&c, odir);
	char *notice = NULL;
	index_free(index_open(&c, ocache, NULL, &notice));
	assert_null(notice);
	corpus_fini(&c);

	struct ixkey k;
	uint64_t post_off;
	char *seg;
	assert_true(segment_key(ocache, index_blob_pair_key(0x884C, 0x653F), &k, &post_off, &seg));   /* 行政 */
	FILE *f = fopen(seg, "r+b");
	uint32_t at;
	fseek(f, (long)(post_off + k.off), SEEK_SET);
	assert_int_equal(fread(&at, 4, 1, f), 1);
	assert_true(k.len - at > (64u << 10));
	long last = (long)(post_off + k.off + k.len - 1);
	fseek(f, last, SEEK_SET);
	int b = fgetc(f);
	fseek(f, last, SEEK_SET);
	fputc(b ^ 0x01, f);
	fclose(f);

	corpus_init(&c);
	c.lazy = 1;
	corpus_add_path(&c, odir);
	struct index *ix = index_open(&c, ocache, NULL, &notice);
	assert_null(notice);
	size_t hits;
	assert_int_equal(search_top(ix, "行政", 3, &hits), 3);
	assert_int_equal(hits, 3 * 2 * REPEATS);
	assert_true(index_intact(ix, NULL));
	search(ix, "行政机关", &hits);   /* decodes every report's places: wrong from the damaged one on */
	const char *cause = NULL;
	assert_false(index_intact(ix, &cause));
	assert_string_equal(cause, "index segment damaged (checksum of the postings)");
	index_free(ix);
	corpus_fini(&c);
	buf_fini(&text);
	free(seg), free(odir), free(ocache);
}

/* Flips a bit of the middle key, the first one every lookup reads, in each segment under the
 * directory of the manifest at path; returns how many segments. */
static size_t keys_damage(const char *path)
{
	char *pattern = xasprintf("%.*s/segment-*.bin", (int)(strrchr(path, '/') - path), path);
	glob_t g;
	size_t n = 0;
	assert_int_equal(glob(pattern, 0, NULL, &g), 0);
	for (; n < g.gl_pathc; n++) {
		FILE *f = fopen(g.gl_pathv[n], "r+b");
		struct head h;
		assert_true(f && fread(&h, sizeof h, 1, f) == 1);
		long at = (long)(h.keys_off + h.nkeys / 2 * sizeof(struct ixkey));
		fseek(f, at, SEEK_SET);
		int b = fgetc(f);
		fseek(f, at, SEEK_SET);
		fputc(b ^ 0x04, f);
		fclose(f);
	}
	globfree(&g);
	free(pattern);
	return n;
}

/* Tables damaged on disk, then a file changed: the update checks the old segments' tables
 * before it keeps anything of them, so the index it gives is whole and answers right. */
static void test_update_checks_tables(void **state)
{
	(void)state;
	char *path = build_cached();
	assert_true(keys_damage(path) > 0);
	struct timeval tv[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
	assert_int_equal(utimes(files[3], tv), 0);

	struct corpus c;
	walk(&c);
	opens_repaired(&c, NULL);
	corpus_fini(&c);
	free(path);
}

/* Flips the byte at where(file, arg) of every segment file under the cache: where reads what it
 * needs of the segment open in f and gives an offset from its start. */
static void flip_in_segments(long (*where)(FILE *f, const void *arg), const void *arg)
{
	char *pattern = xasprintf("%s/segment-*.bin", cache);
	glob_t g;
	assert_int_equal(glob(pattern, 0, NULL, &g), 0);
	for (size_t i = 0; i < g.gl_pathc; i++) {
		FILE *f = fopen(g.gl_pathv[i], "r+b");
		assert_non_null(f);
		long at = where(f, arg);
		assert_int_equal(fseek(f, at, SEEK_SET), 0);
		int b = fgetc(f);
		fseek(f, at, SEEK_SET);
		fputc(b ^ 0x01, f);
		fclose(f);
	}
	globfree(&g);
	free(pattern);
}

/* The segment's head, read from f. */
static struct head head_of(FILE *f)
{
	struct head h;
	assert_true(fseek(f, 0, SEEK_SET) == 0 && fread(&h, sizeof h, 1, f) == 1);
	return h;
}

/* Where the path of report 0's entry lies in the tables. */
static long first_path(FILE *f, const void *arg)
{
	(void)arg;
	return (long)(head_of(f).docs_off + offsetof(struct ixdoc, path));
}

/* Flips a byte of report 0's entry in the tables of every segment under the cache (its path's
 * offset, so its path cannot be read). */
static void damage_first_paths(void)
{
	flip_in_segments(first_path, NULL);
}

/* The kB of this process's mappings of segment files under the cache that are in its page tables
 * (/proc/self/smaps' Rss): the pages it touched, and the pages the kernel mapped around them. */
static long segment_rss_kb(void)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	assert_non_null(f);
	char line[4096];
	long kb = 0;
	int in_segment = 0;
	while (fgets(line, sizeof line, f)) {
		long v;
		unsigned long from, to;
		if (sscanf(line, "%lx-%lx ", &from, &to) == 2)   /* a mapping's first line, its file at the end */
			in_segment = strstr(line, cache) && strstr(line, "/segment-");
		else if (in_segment && sscanf(line, "Rss: %ld kB", &v) == 1)
			kb += v;
	}
	fclose(f);
	return kb;
}

/* The replayed walk reads no path: a query that shows no report reads none, and opening reads
 * none of the tables' blocks that hold them. Opening the segment and looking the absent word up
 * read the few bytes they need from the file (head, trailer, sealed sums, a lookup's fences and
 * keys, their blocks' sums): no page of the segment's mapping comes into the process, each of
 * which costs more than a read. A word the reports hold reads its postings in the mapping. */
static void test_walk_reads_no_path(void **state)
{
	(void)state;
	char *path = build_cached(), *notice = NULL, *paths[1] = { rdir };
	struct corpus c;
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
	assert_int_equal(c.n, 5);
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	size_t hits;
	assert_int_equal(search(ix, "量子纠缠", &hits), 0);
	assert_int_equal(segment_rss_kb(), 0);
	assert_int_equal(c.nasked, 0);
	assert_int_equal(c.nmsgs, 1);   /* z.txt's, replayed */
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(corpus_path(&c, i), files[i]);
		assert_int_equal(corpus_size(&c, i), src[i]->size);
		assert_false(corpus_failed(&c, i));
	}
	assert_int_equal(c.nasked, 5);
	assert_int_equal(search(ix, "行政复议", &hits), 3);
	assert_true(segment_rss_kb() > 0);
	assert_true(index_intact(ix, NULL));
	index_free(ix);
	corpus_fini(&c);
	free(path);
}

static int meta_of_index(void *arg, size_t i, struct corpus_meta *out)
{
	index_meta(arg, i, out);
	return 0;
}

/* A list sorted by metadata (the browser's) asks no entry of a replayed walk for its path or
 * stat: the metadata of an entry not yet asked for is the index's, the parse's. */
static void test_meta_asks_no_entry(void **state)
{
	(void)state;
	char *path = build_cached(), *notice = NULL, *paths[1] = { rdir };
	struct corpus c, parsed;
	walk(&parsed);
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	struct corpus_meta_source src = { meta_of_index, ix, NULL };
	corpus_set_meta(&c, &src);
	for (size_t i = 0; i < 5; i++) {
		struct corpus_meta m;
		corpus_meta(&c, i, &m);
		const struct report *r = corpus_load(&parsed, i);
		assert_string_equal(m.title ? m.title : "", r->meta.title ? r->meta.title : "");
		assert_string_equal(m.region ? m.region : "", r->meta.region ? r->meta.region : "");
		assert_int_equal(m.year, r->meta.year);
	}
	assert_int_equal(c.nasked, 0);
	corpus_set_meta(&c, NULL);
	index_free(ix);
	corpus_fini(&c);
	corpus_fini(&parsed);
	free(path);
}

/* A damaged report entry in the tables: the replayed walk, which reads no path, opens; the first
 * read of the damaged path finds the damage and names the file right all the same (by a new walk
 * of the directory, its device and inode), or drops the entry when its file is gone. The walk's
 * index, damaged, is not handed over: the index is rebuilt and right. */
static void test_walk_defers_paths(void **state)
{
	(void)state;
	char *path = build_cached(), *paths[1] = { rdir };
	damage_first_paths();

	struct corpus c;
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
	assert_int_equal(c.n, 5);
	for (size_t i = 0; i < 5; i++) {
		assert_string_equal(corpus_path(&c, i), files[i]);
		assert_int_equal(corpus_size(&c, i), src[i]->size);
	}
	const struct report *r = corpus_get(&c, 0);
	assert_non_null(r);
	assert_memory_equal(r->text, src[0]->data, src[0]->size);
	assert_int_equal(c.nmsgs, 1);
	opens_repaired(&c, NULL);   /* the damaged segment was removed when found */
	corpus_fini(&c);
	free(path);

	/* Damaged again, and the file removed before its path is read: the entry is dropped. */
	path = build_cached();
	damage_first_paths();
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
	assert_int_equal(unlink(files[0]), 0);
	assert_true(corpus_failed(&c, 0));
	assert_string_equal(corpus_path(&c, 0), "");
	assert_null(corpus_get(&c, 0));
	assert_int_equal(c.nmsgs, 1);   /* no message of its own: a removed file */
	assert_string_equal(corpus_path(&c, 1), files[1]);
	corpus_fini(&c);
	rewrite(0, (const char *)src[0]->data, src[0]->size);
	free(path);
}

/* What a report's records read as: its path, title, region and year (index_info) and its digest's
 * head, appended to out, or "damaged" for each that cannot be read. */
static void records_of(const struct index *ix, size_t i, struct buf *out)
{
	struct index_info in;
	index_info(ix, i, &in);
	buf_add(out, in.path, in.path_len);
	buf_add(out, in.title, in.title_len);
	buf_add(out, in.region, in.region_len);
	buf_add(out, &in.year, sizeof in.year);
	const void *p;
	size_t len;
	if (index_digest_head(ix, i, &p, &len) == 0)
		buf_add(out, p, len);
	else
		buf_adds(out, "damaged");
}

/* Reads so many records that the index reads the rest through its mapping (index_cache.c reads a
 * few reports' records from the file, and a pass over many from the mapping). */
static void read_many(const struct index *ix)
{
	for (int k = 0; k < 5000; k++) {
		const void *p;
		size_t len;
		index_digest_head(ix, (size_t)k % 5, &p, &len);
	}
}

/* A few reports' records, read from the file, and the same after many, read from the mapping,
 * are the same bytes; a damaged report entry is found either way. */
static void test_records_read_or_mapped(void **state)
{
	(void)state;
	char *notice = NULL;
	struct corpus c;
	walk(&c);
	index_free(index_open(&c, cache, NULL, &notice));   /* as the tests before left the files */
	free(notice);
	notice = NULL;
	corpus_fini(&c);
	char *path = build_cached();
	struct buf few = { 0 }, many = { 0 };
	walk(&c);
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	for (size_t i = 0; i < 5; i++)
		records_of(ix, i, &few);
	read_many(ix);
	for (size_t i = 0; i < 5; i++)
		records_of(ix, i, &many);
	assert_true(few.len > 5 * 16 && strstr(few.data, "damaged") == NULL);
	assert_int_equal(few.len, many.len);
	assert_memory_equal(few.data, many.data, few.len);
	assert_true(index_intact(ix, NULL));
	index_free(ix);
	corpus_fini(&c);
	free(path);
	for (int after_many = 0; after_many < 2; after_many++) {
		char *paths[1] = { rdir };
		path = build_cached();
		damage_first_paths();
		corpus_init(&c);   /* a replayed walk: the open reads no path */
		c.lazy = 1;
		assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
		ix = index_open(&c, cache, NULL, &notice);
		assert_null(notice);
		if (after_many)
			read_many(ix);
		assert_true(index_intact(ix, NULL));
		size_t len;
		assert_string_equal(index_path(ix, 0, &len), "");
		assert_int_equal(len, 0);
		const char *cause;
		assert_false(index_intact(ix, &cause));
		assert_string_equal(cause, "index segment damaged (checksum of the tables)");
		index_free(ix);
		corpus_fini(&c);
		unlink(path);   /* the damaged segment was removed: built afresh next */
		free(path);
	}
	buf_fini(&few);
	buf_fini(&many);
}

/* Where damage_trailer flips a byte of the trailer's meta: the postings or the tables blocks' sums, the stats or the
 * slots (the digests' places). */
enum meta_part { IN_SUMS, IN_TABLE_SUMS, IN_STATS, IN_SLOTS };

/* The trailer's place in the segment open in f: its last 8 bytes. */
static uint64_t trailer_at(FILE *f)
{
	uint64_t at;
	assert_true(fseek(f, -8, SEEK_END) == 0 && fread(&at, 8, 1, f) == 1);
	return at;
}

struct meta_place {
	enum meta_part part;
	size_t off;
};

/* Where the byte `off` from the start of `part` of the trailer's meta lies, where index_cache.c's
 * trailer puts it. */
static long in_meta(FILE *f, const void *arg)
{
	const struct meta_place *mp = arg;
	uint64_t at = trailer_at(f), t[10];   /* blob_size block nblocks notes_len ndocs dirs_len digests_len sum table_block ntblocks */
	assert_true(fseek(f, (long)at + 8, SEEK_SET) == 0 && fread(t, 8, 10, f) == 10);
	uint64_t where = at + 8 + sizeof t + mp->off;
	if (mp->part == IN_TABLE_SUMS)
		where += 8 * t[2];
	else if (mp->part != IN_SUMS)
		where += 8 * (t[2] + t[9]) + t[3] + (mp->part == IN_SLOTS ? 32 * t[4] : 0);
	return (long)where;
}

/* Flips the byte at `off` from the start of `part` of every segment's trailer. */
static void damage_trailer(enum meta_part part, size_t off)
{
	struct meta_place mp = { part, off };
	flip_in_segments(in_meta, &mp);
}

/* The index of the samples cached and damaged as damage_trailer says, opened from a replayed walk
 * (which reads neither paths nor stats) in c: opening reads no part of the meta. */
static struct index *open_damaged_meta(struct corpus *c, enum meta_part part, size_t off)
{
	char *notice = NULL, *paths[1] = { rdir };
	walk(c);
	index_free(index_open(c, cache, NULL, &notice));   /* current, whatever ran before */
	free(notice);
	notice = NULL;
	corpus_fini(c);
	damage_trailer(part, off);
	corpus_init(c);
	c->lazy = 1;
	assert_int_equal(index_cache_walk(c, paths, 1, cache), 0);
	struct index *ix = index_open(c, cache, NULL, &notice);
	assert_null(notice);
	assert_true(index_intact(ix, NULL));
	return ix;
}

/* The damage found: the index says so, and a new walk opens it repaired and right. */
static void damage_found(struct index *ix, struct corpus *c, const char *cause)
{
	const char *why = NULL;
	assert_false(index_intact(ix, &why));
	assert_string_equal(why, cause);
	index_free(ix);
	corpus_fini(c);
	walk(c);
	opens_repaired(c, NULL);
	corpus_fini(c);
}

/* The trailer's meta (the blocks' sums, what stat said of each file, the digests' places) is
 * checked a block at a time when first read, never at open, so opening costs the same whatever
 * the number of reports. The samples' meta is one block: damage to any part of it is found by
 * the first search (which reads the sums of the blocks it reads), and the next open repairs it.
 * Before that, a damaged slot costs only the digests (their reports are read instead), and a
 * damaged stat the entries of its block in that run. */
static void test_meta_checked_on_use(void **state)
{
	(void)state;
	const void *p;
	size_t len, hits;
	struct corpus c;
	static const struct { enum meta_part part; size_t off; } cases[] = {
		{ IN_SUMS, 0 },    /* the first postings block's sum */
		{ IN_TABLE_SUMS, 0 },   /* the first tables block's sum (the reports' entries) */
		{ IN_STATS, 0 },   /* report 0's size as stat gave it */
		{ IN_SLOTS, 16 },  /* report 0's digest checksum */
	};
	for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
		struct index *ix = open_damaged_meta(&c, cases[k].part, cases[k].off);
		search(ix, "行政复议", &hits);
		damage_found(ix, &c, "index segment damaged (checksum of the trailer)");
	}

	struct index *ix = open_damaged_meta(&c, IN_SLOTS, 16);
	for (size_t i = 0; i < 5; i++) {
		assert_int_equal(index_digest(ix, i, &p, &len), -1);
		assert_int_equal(index_digest_head(ix, i, &p, &len), -1);
	}
	assert_true(index_intact(ix, NULL));
	assert_string_equal(corpus_path(&c, 0), "");   /* its stat shares the block */
	assert_true(corpus_failed(&c, 0));
	damage_found(ix, &c, "index segment damaged (checksum of the trailer)");
}

/* Where the open of a segment reads it (index_cache.c reads these from the file, where the rest
 * is read on first use): its head, the trailer, the last of the sums the seal covers, and the
 * trailer's offset, the file's last 8 bytes. */
enum open_part { AT_HEAD, AT_TRAILER, AT_LAST_SUM, AT_OFFSET };

/* Where `part` of the segment open in f lies (the head's ndocs: the seal covers the head). */
static long at_open_part(FILE *f, const void *arg)
{
	enum open_part part = *(const enum open_part *)arg;
	uint64_t at = trailer_at(f);
	long size = ftell(f);
	return part == AT_HEAD ? (long)offsetof(struct head, ndocs)
	     : part == AT_TRAILER ? (long)at + 8 + 8 * 4   /* the trailer's notes_len */
	     : part == AT_LAST_SUM ? size - 9 : size - 8;
}

/* Flips a byte of every segment file's `part`. */
static void damage_open_part(enum open_part part)
{
	flip_in_segments(at_open_part, &part);
}

/* What opening a segment reads of it is checked there: a byte flipped in the head, the trailer,
 * the sums the seal covers or the trailer's offset makes the open refuse the segment, say why,
 * and index its reports again; the index then answers right. */
static void test_open_checks_what_it_reads(void **state)
{
	(void)state;
	static const char *const why[] = { "checksum", "checksum", "checksum", "checksum of the trailer" };
	for (enum open_part part = AT_HEAD; part <= AT_OFFSET; part++) {
		char *paths[1] = { rdir };
		struct corpus c;
		free(build_cached());
		damage_open_part(part);
		corpus_init(&c);
		c.lazy = 1;
		if (index_cache_walk(&c, paths, 1, cache) < 0) {   /* refused: the files are walked */
			corpus_fini(&c);
			walk(&c);
		}
		opens_repaired(&c, why[part]);
		corpus_fini(&c);
	}
}

/* A file that failed while the index was built: its message comes back from the cache. */
static void test_build_messages_kept(void **state)
{
	(void)state;
	struct corpus c;
	char *bin = xasprintf("%s/m.txt", rdir);
	FILE *f = fopen(bin, "wb");
	fwrite("abc\0def", 1, 7, f);
	fclose(f);
	for (int round = 0; round < 2; round++) {
		corpus_init(&c);
		c.lazy = 1;
		assert_int_equal(corpus_add_path(&c, rdir), 1);
		char *notice = NULL;
		struct index *ix = index_open(&c, cache, NULL, &notice);
		free(notice);
		assert_int_equal(c.nmsgs, 2);
		assert_string_equal(c.msgs[0].path, bin);
		assert_string_equal(c.msgs[0].reason, "binary file (not text)");
		assert_string_equal(c.msgs[1].reason, "empty file");
		assert_true(corpus_failed(&c, 5));
		assert_null(corpus_get(&c, 5));
		assert_int_equal(c.nmsgs, 2);
		index_free(ix);
		corpus_fini(&c);
	}
	unlink(bin);
	free(bin);
}

/* Files added (one alone, one in a new directory) and removed after the index was built: the
 * walk it recorded is replayed all the same, the cached index opens for it, the removed entry
 * fails without a message, and the count is what index_cache_status gives after a real walk. */
static void test_stale_walk(void **state)
{
	(void)state;
	free(build_cached());
	struct corpus c;
	char *notice = NULL, *paths[1] = { rdir }, *added = xasprintf("%s/n.txt", rdir), *sub = xasprintf("%s/s", rdir),
	     *deep = xasprintf("%s/s/m.txt", rdir);
	struct index_status st;
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk_behind(&c, paths, 1, cache, &st), 0);
	assert_true(st.found && st.current);
	size_t order[5], sorted[5];
	assert_int_equal(index_cache_list_order(&c, order), 0);   /* current: the recorded order */
	corpus_list_order(&c, sorted);
	assert_memory_equal(order, sorted, sizeof order);
	corpus_fini(&c);

	assert_int_equal(unlink(files[1]), 0);
	FILE *f = fopen(added, "wb");
	fwrite(src[0]->data, 1, src[0]->size, f);
	fclose(f);
	mkdir(sub, 0700);
	f = fopen(deep, "wb");
	fwrite(src[2]->data, 1, src[2]->size, f);
	fclose(f);
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), -1);   /* a directory changed */
	assert_int_equal(index_cache_walk_behind(&c, paths, 1, cache, &st), 0);
	assert_false(st.current);
	assert_int_equal(st.added, 2);
	assert_int_equal(st.changed, 0);
	assert_int_equal(st.removed, 1);
	assert_int_equal(c.n, 5);                 /* the entries of the index, none read */
	assert_int_equal(index_cache_list_order(&c, order), -1);   /* a list sorts the removed one apart */
	assert_true(corpus_failed(&c, 1));
	assert_int_equal(corpus_failures(&c), 1); /* z.txt's replayed message alone */
	assert_int_equal(c.nmsgs, 1);
	for (size_t i = 0; i < 5; i++)
		assert_false(corpus_loaded(&c, i));
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);                      /* the old index answers */
	assert_int_equal(index_nreports(ix), 5);
	assert_false(corpus_unchanged(&c, 1));
	assert_int_equal(c.nmsgs, 1);             /* its removal is not told file by file */
	index_free(ix);
	corpus_fini(&c);

	corpus_init(&c);
	c.lazy = 1;
	corpus_add_path(&c, rdir);
	struct index_status want;
	assert_int_equal(index_cache_status(&c, cache, &want), 0);
	assert_int_equal(want.added, st.added);
	assert_int_equal(want.changed, st.changed);
	assert_int_equal(want.removed, st.removed);
	corpus_fini(&c);

	unlink(deep);
	rmdir(sub);
	unlink(added);
	rewrite(1, (const char *)src[1]->data, src[1]->size);
	free(added);
	free(sub);
	free(deep);
}

/* Damages the manifest at path: its last byte flipped. */
/* Flips the byte `back` bytes before the end of the file at path. */
static void flip_from_end(const char *path, long back)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	assert_int_equal(fseek(f, -back, SEEK_END), 0);
	int ch = fgetc(f);
	assert_int_equal(fseek(f, -back, SEEK_END), 0);
	fputc(ch ^ 0xFF, f);
	fclose(f);
}

/* The last byte the manifest's checksum covers (its reports' list order follows). */
static void flip_last_byte(const char *path)
{
	flip_from_end(path, 1 + manifest_order_bytes(path));
}

/* The index a replayed walk opened is the one the corpus's index_open gets, opened once: a
 * manifest damaged in between is not read again. It is given to that corpus alone, once, and
 * not when the tables it was made with changed in between. */
static void test_walk_hands_its_index_over(void **state)
{
	(void)state;
	char *notice = NULL, *paths[1] = { rdir };
	struct corpus c, other;
	size_t hits;
	walk(&c);   /* the index of the files as they are now */
	index_free(index_open(&c, cache, NULL, &notice));
	free(notice);
	char *path = index_cache_path(&c, cache);
	corpus_fini(&c);

	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
	flip_last_byte(path);
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);   /* the walk's index, not the damaged file */
	assert_int_equal(search(ix, "行政复议", &hits), 3);
	assert_int_equal(hits, occurrences("行政复议"));
	index_free(ix);
	ix = index_open(&c, cache, NULL, &notice);   /* given once: now the file is read */
	assert_non_null(notice);
	assert_non_null(strstr(notice, "corrupt"));
	free(notice);
	index_free(ix);
	corpus_fini(&c);

	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
	flip_last_byte(path);
	walk(&other);   /* the same files, walked: another corpus */
	ix = index_open(&other, cache, NULL, &notice);
	assert_non_null(notice);
	assert_non_null(strstr(notice, "corrupt"));
	free(notice);
	index_free(ix);
	corpus_fini(&other);
	corpus_fini(&c);

	char *metrics = xasprintf("%s/metrics.tsv", dir);
	const struct asset *a = assets_find("metrics.tsv");
	FILE *f = fopen(metrics, "wb");
	fwrite(a->data, 1, a->size, f);
	fputs("# another catalogue\n", f);
	fclose(f);
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(index_cache_walk(&c, paths, 1, cache), 0);
	setenv("FAZHI_METRICS", metrics, 1);
	ix = index_open(&c, cache, NULL, &notice);   /* made with other tables: updated */
	unsetenv("FAZHI_METRICS");
	assert_non_null(notice);
	free(notice);
	index_free(ix);
	corpus_fini(&c);
	unlink(metrics);
	free(metrics);
	free(path);
}

/* corpus_unchanged stats a file through its directory kept open, and for a moment only: a file
 * changed beside one just checked is found, and so is a directory renamed and replaced. */
static void test_unchanged_by_directory(void **state)
{
	(void)state;
	struct corpus c;
	walk(&c);
	assert_true(corpus_unchanged(&c, 0));
	rewrite(1, "changed", 7);
	assert_false(corpus_unchanged(&c, 1));
	rewrite(1, (const char *)src[1]->data, src[1]->size);

	char *old = xasprintf("%s.old", rdir), *copy = xasprintf("%s/a.txt", rdir);
	assert_int_equal(rename(rdir, old), 0);
	assert_int_equal(mkdir(rdir, 0700), 0);
	FILE *f = fopen(copy, "wb");   /* the same bytes, another file */
	fwrite(src[0]->data, 1, src[0]->size, f);
	fclose(f);
	usleep(100000);
	assert_false(corpus_unchanged(&c, 0));
	corpus_fini(&c);
	unlink(copy);
	rmdir(rdir);
	assert_int_equal(rename(old, rdir), 0);
	free(old);
	free(copy);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_walk_reads_nothing),
		cmocka_unit_test(test_gone_bad_after_walk),
		cmocka_unit_test(test_stat_key),
		cmocka_unit_test(test_postings_checked_on_use),
		cmocka_unit_test(test_positions_checked_on_use),
		cmocka_unit_test(test_update_checks_tables),
		cmocka_unit_test(test_walk_reads_no_path),
		cmocka_unit_test(test_meta_asks_no_entry),
		cmocka_unit_test(test_walk_defers_paths),
		cmocka_unit_test(test_meta_checked_on_use),
		cmocka_unit_test(test_open_checks_what_it_reads),
		cmocka_unit_test(test_build_messages_kept),
		cmocka_unit_test(test_stale_walk),
		cmocka_unit_test(test_walk_hands_its_index_over),
		cmocka_unit_test(test_unchanged_by_directory),
		cmocka_unit_test(test_records_read_or_mapped),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
