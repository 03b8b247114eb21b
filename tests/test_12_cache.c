/* test_12_cache.c — the persisted index: reused while valid, rebuilt with a notice when stale, truncated, bit-flipped, foreign or of another version; the same digests whichever build thread made them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "assets.h"
#include "buf.h"
#include "corpus.h"
#include "index.h"
#include "index_blob.h"
#include "query.h"
#include "sample_files.h"
#include "xmalloc.h"

static char dir[64], cache[sizeof dir + 8], *reports[5];
static size_t nreports;

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/fazhi-cache-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(cache, sizeof cache, "%s/cache", dir);
	nreports = 0;
	for (const struct asset *a = assets; a->name; a++) {
		if (strncmp(a->name, "reports/", 8) != 0 || nreports == 5)
			continue;
		reports[nreports] = xasprintf("%s/%s", dir, a->name + 8);
		FILE *f = fopen(reports[nreports++], "wb");
		fwrite(a->data, 1, a->size, f);
		fclose(f);
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	for (size_t i = 0; i < nreports; i++)
		free(reports[i]);
	return rc == 0 ? 0 : -1;
}

static void load(struct corpus *c)
{
	corpus_init(c);
	for (size_t i = 0; i < nreports; i++)
		assert_int_equal(corpus_add_path(c, reports[i]), 0);
}

/* Opens the index through the cache; returns the notice (caller frees) and checks the index answers. */
static char *open_and_check(ino_t *inode)
{
	struct corpus c;
	load(&c);
	char *notice = NULL;
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_non_null(ix);
	char *cause = NULL;
	struct query *q = query_parse("行政复议", strlen("行政复议"), &cause);
	struct index_results r = { 0 };
	assert_int_equal(index_search(ix, q, 0, &r), 3);
	assert_int_equal(r.total_hits, 35);
	index_results_fini(&r);
	query_free(q);
	char *path = index_cache_path(&c, cache);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	*inode = st.st_ino;
	free(path);
	index_free(ix);
	corpus_fini(&c);
	return notice;
}

static char *cache_file(void)
{
	struct corpus c;
	load(&c);
	char *path = index_cache_path(&c, cache);
	corpus_fini(&c);
	return path;
}

static void test_reuse_and_touch(void **state)
{
	(void)state;
	ino_t a, b;
	char *n = open_and_check(&a);
	assert_null(n);                      /* first build: nothing to say */
	n = open_and_check(&b);
	assert_null(n);
	assert_int_equal(a, b);              /* reused, not rewritten */
	struct timeval tv[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
	assert_int_equal(utimes(reports[2], tv), 0);
	n = open_and_check(&b);
	assert_non_null(n);
	assert_non_null(strstr(n, "files changed since; updated (1 of 5 reports indexed)"));
	assert_true(a != b);
	free(n);
	n = open_and_check(&a);
	assert_null(n);
}

/* Damages the cache file with f, then expects a rebuild whose notice names the damage. */
static void damage(void (*f)(const char *path), const char *expect)
{
	ino_t a;
	free(open_and_check(&a));
	char *path = cache_file();
	f(path);
	char *n = open_and_check(&a);
	if (!n || !strstr(n, expect))
		fail_msg("notice [%s], expected [%s]", n ? n : "(none)", expect);
	free(n);
	n = open_and_check(&a);
	assert_null(n);                      /* the rebuilt cache is good */
	free(path);
}

static void truncate_it(const char *path)
{
	struct stat st;
	stat(path, &st);
	assert_int_equal(truncate(path, st.st_size / 2), 0);
}

static void empty_it(const char *path)
{
	assert_int_equal(truncate(path, 0), 0);
}

static void poke(const char *path, long at, unsigned char mask)
{
	FILE *f = fopen(path, "r+b");
	assert_non_null(f);
	fseek(f, at, at < 0 ? SEEK_END : SEEK_SET);
	int c = fgetc(f);
	fseek(f, -1, SEEK_CUR);
	fputc(c ^ mask, f);
	fclose(f);
}

static void flip_middle(const char *path)
{
	struct stat st;
	stat(path, &st);
	poke(path, st.st_size / 2, 0x10);
}

/* The last byte the manifest's checksum covers (its reports' list order follows). */
static void flip_last(const char *path)
{
	poke(path, -1 - manifest_order_bytes(path), 0x01);
}

static void bump_version(const char *path)
{
	poke(path, 8, 0x02);   /* the version follows the 8-byte magic */
}

static void garbage(const char *path)
{
	FILE *f = fopen(path, "wb");
	fputs("this is not an index", f);
	fclose(f);
}

static void test_truncated(void **state) { (void)state; damage(truncate_it, "truncated"); }
static void test_empty(void **state) { (void)state; damage(empty_it, "empty"); }
static void test_flip_middle(void **state) { (void)state; damage(flip_middle, "checksum"); }
static void test_flip_last(void **state) { (void)state; damage(flip_last, "checksum"); }
static void test_version(void **state) { (void)state; damage(bump_version, "another version"); }
static void test_garbage(void **state) { (void)state; damage(garbage, "not an index file"); }

/* No cache directory: the index is still built. An unwritable one: built, with a notice. */
static void test_no_cache(void **state)
{
	(void)state;
	struct corpus c;
	load(&c);
	char *notice = NULL;
	struct index *ix = index_open(&c, NULL, NULL, &notice);
	assert_non_null(ix);
	assert_null(notice);
	index_free(ix);
	char *file = xasprintf("%s/plain", dir);
	FILE *f = fopen(file, "w");
	fclose(f);
	char *sub = xasprintf("%s/sub", file);   /* below a regular file: cannot be made */
	ix = index_open(&c, sub, NULL, &notice);
	assert_non_null(ix);
	assert_non_null(notice);
	assert_non_null(strstr(notice, "the index is not saved"));
	free(notice);
	free(sub);
	free(file);
	index_free(ix);
	corpus_fini(&c);
}

/* A segment file is written as the index is laid out, a block at a time: it must hold the very
 * blob index_build makes in memory (byte for byte, checksum included), over a corpus whose
 * postings span several blocks, and each block must pass its check when searched. */
/* Copies of the sample reports, `copies` rounds of them named PREFIXkk-i.txt, added to c; their
 * paths into files (caller frees each); their number. */
static size_t add_copies(struct corpus *c, const char *prefix, int copies, char **files)
{
	size_t n = 0;
	for (int k = 0; k < copies; k++)
		for (size_t i = 0; i < nreports; i++) {
			files[n] = xasprintf("%s/%s%02d-%zu.txt", dir, prefix, k, i);
			char *cmd = xasprintf("cp '%s' '%s'", reports[i], files[n]);
			assert_int_equal(system(cmd), 0);
			free(cmd);
			assert_int_equal(corpus_add_path(c, files[n++]), 0);
		}
	return n;
}

static void test_streamed_file_is_the_blob(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	enum { COPIES = 40 };
	char *files[COPIES * 5];
	size_t nfiles = add_copies(&c, "copy", COPIES, files);
	char *notice = NULL, *big = xasprintf("%s/big", dir);
	struct index *ix = index_open(&c, big, NULL, &notice);
	assert_null(notice);
	struct index *mem = index_build(&c, NULL);
	assert_int_equal(index_nsegments(mem), 1);
	char *pattern = xasprintf("%s/segment-*.bin", big), *path;   /* the one segment, under 64 MB */
	glob_t g;
	assert_int_equal(glob(pattern, 0, NULL, &g), 0);
	assert_int_equal(g.gl_pathc, 1);
	path = xstrdup(g.gl_pathv[0]);
	globfree(&g);
	free(pattern);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	struct head h;
	assert_int_equal(fread(&h, sizeof h, 1, f), 1);
	assert_true(h.post_len > 3 * ((size_t)1 << 20));   /* several blocks of 1 MiB */
	index_set_key(mem, h.key);
	size_t len;
	const unsigned char *blob = index_blob(mem, &len);
	assert_int_equal(h.size, len);
	unsigned char *file = xmalloc(len);
	rewind(f);
	assert_int_equal(fread(file, 1, len, f), len);
	fclose(f);
	assert_memory_equal(file, blob, len);
	assert_true(index_blob_seal(file, len) == h.checksum);
	char *cause = NULL;
	struct query *q = query_parse("法治", strlen("法治"), &cause);
	struct index_results r = { 0 }, s = { 0 };
	assert_int_equal(index_search(ix, q, 0, &r), COPIES * 5);
	assert_int_equal(index_search(mem, q, 0, &s), COPIES * 5);
	assert_int_equal(r.total_hits, s.total_hits);
	assert_int_equal(r.total_hits % COPIES, 0);
	assert_true(index_intact(ix, NULL));
	index_results_fini(&r);
	index_results_fini(&s);
	query_free(q);
	free(file);
	free(path);
	free(big);
	index_free(ix);
	index_free(mem);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	corpus_fini(&c);
}

/* A report's digest is made by the loading thread or by the reading one, as they keep pace:
 * each digest is the same bytes whichever made it. */
static void test_digest_maker_is_invisible(void **state)
{
	(void)state;
	enum { COPIES = 24 };
	struct corpus c;
	corpus_init(&c);
	char *files[COPIES * 5];
	size_t nfiles = add_copies(&c, "made", COPIES, files);
	static const int makes[] = { 0, 1, -1 };
	struct index *ix[3];
	for (size_t m = 0; m < 3; m++) {
		index_build_tuning(makes[m]);
		char *notice = NULL, *where = xasprintf("%s/made%zu", dir, m);
		ix[m] = index_open(&c, where, NULL, &notice);
		assert_non_null(ix[m]);
		assert_null(notice);
		free(where);
	}
	for (size_t i = 0; i < nfiles; i++) {
		const void *p[3];
		size_t len[3];
		for (size_t m = 0; m < 3; m++)
			assert_int_equal(index_digest(ix[m], i, &p[m], &len[m]), 0);
		assert_true(len[0] > 100);
		for (size_t m = 1; m < 3; m++) {
			assert_int_equal(len[m], len[0]);
			assert_memory_equal(p[m], p[0], len[0]);
		}
	}
	for (size_t m = 0; m < 3; m++)
		index_free(ix[m]);
	index_build_tuning(-1);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	corpus_fini(&c);
}

/* Letting go of the digests' memory loses no byte: over several segments, every digest read
 * again after a pass let them go, some twice, is the bytes read before. */
static void test_digests_let_go(void **state)
{
	(void)state;
	enum { COPIES = 12 };
	struct corpus c;
	corpus_init(&c);
	char *files[COPIES * 5];
	size_t nfiles = add_copies(&c, "letgo", COPIES, files);
	setenv("FAZHI_SEGMENT_BYTES", "100000", 1);
	setenv("FAZHI_MERGE_BYTES", "0", 1);
	char *notice = NULL, *where = xasprintf("%s/letgo", dir);
	struct index *ix = index_open(&c, where, NULL, &notice);
	unsetenv("FAZHI_SEGMENT_BYTES");
	unsetenv("FAZHI_MERGE_BYTES");
	assert_non_null(ix);
	assert_null(notice);
	assert_true(index_nsegments(ix) > 2);   /* spans of reports cross segments */
	char *copy[COPIES * 5];
	size_t len[COPIES * 5];
	for (size_t i = 0; i < nfiles; i++) {
		const void *p;
		assert_int_equal(index_digest(ix, i, &p, &len[i]), 0);
		copy[i] = xmalloc(len[i]);
		memcpy(copy[i], p, len[i]);
	}
	index_digests_let_go(ix, 0, nfiles / 3);
	index_digests_let_go(ix, nfiles / 4, nfiles);
	index_digests_let_go(ix, nfiles, nfiles + 5);   /* past the last: nothing */
	for (size_t i = 0; i < nfiles; i++) {
		const void *p;
		size_t n;
		assert_int_equal(index_digest(ix, i, &p, &n), 0);
		assert_int_equal(n, len[i]);
		assert_memory_equal(p, copy[i], n);
		free(copy[i]);
	}
	index_free(ix);
	free(where);
	for (size_t i = 0; i < nfiles; i++)
		free(files[i]);
	corpus_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reuse_and_touch),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_flip_middle),
		cmocka_unit_test(test_flip_last),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_no_cache),
		cmocka_unit_test(test_streamed_file_is_the_blob),
		cmocka_unit_test(test_digest_maker_is_invisible),
		cmocka_unit_test(test_digests_let_go),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
