/* sample_files.h — test helper: the embedded sample reports written out as files below a temporary directory, an index file's postings damaged, and where a manifest's checksum ends. */
#ifndef FAZHI_TEST_SAMPLE_FILES_H
#define FAZHI_TEST_SAMPLE_FILES_H

#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "assets.h"
#include "index_blob.h"
#include "xmalloc.h"

/* Makes dir (a mkdtemp template, changed in place) with rdir = dir/r holding the first 5 sample
 * reports as a.txt … e.txt, in the order of assets[], and names cache = dir/cache (not made);
 * files[i] gets each path (caller frees), src[i] its asset. Returns 0, or -1 when the directory
 * cannot be made or there are fewer samples. */
static inline int sample_files_make(char *dir, char rdir[80], char cache[80], char *files[5], const struct asset *src[5])
{
	if (!mkdtemp(dir))
		return -1;
	snprintf(rdir, 80, "%s/r", dir);
	snprintf(cache, 80, "%s/cache", dir);
	mkdir(rdir, 0700);
	size_t n = 0;
	for (const struct asset *a = assets; a->name && n < 5; a++) {
		if (strncmp(a->name, "reports/", 8) != 0)
			continue;
		src[n] = a;
		files[n] = xasprintf("%s/%c.txt", rdir, 'a' + (int)n);
		FILE *f = fopen(files[n++], "wb");
		fwrite(a->data, 1, a->size, f);
		fclose(f);
	}
	return n == 5 ? 0 : -1;
}

/* Removes dir and what it holds, and frees files; returns 0, or -1 when rm failed. */
static inline int sample_files_remove(const char *dir, char *files[5])
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	for (size_t i = 0; i < 5; i++)
		free(files[i]);
	return rc == 0 ? 0 : -1;
}

/* Writes text[0..n) to the file dir/name; 0, or -1 when it cannot. */
static inline int sample_write(const char *dir, const char *name, const char *text, size_t n)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	int ok = f && fwrite(text, 1, n, f) == n;
	if (f && fclose(f) != 0)
		ok = 0;
	free(path);
	return ok ? 0 : -1;
}

/* Flips a bit in every 97th byte of the postings of the index file at path, which opening it
 * does not check (index_intact). Returns the length of the postings, 0 when unreadable. */
static inline uint64_t segment_postings_damage(const char *path)
{
	FILE *f = fopen(path, "r+b");
	struct head h;
	if (!f || fread(&h, sizeof h, 1, f) != 1) {
		if (f)
			fclose(f);
		return 0;
	}
	for (uint64_t at = h.post_off; at < h.post_off + h.post_len; at += 97) {
		fseek(f, (long)at, SEEK_SET);
		int b = fgetc(f);
		fseek(f, (long)at, SEEK_SET);
		fputc(b ^ 0x40, f);
	}
	fclose(f);
	return h.post_len;
}

/* Damages the postings of every segment in the directory of the index file at path (its
 * manifest); returns their length in all. */
static inline uint64_t sample_postings_damage(const char *path)
{
	char *pattern = xasprintf("%.*s/segment-*.bin", (int)(strrchr(path, '/') - path), path);
	glob_t g;
	uint64_t n = 0;
	if (glob(pattern, 0, NULL, &g) == 0) {
		for (size_t i = 0; i < g.gl_pathc; i++)
			n += segment_postings_damage(g.gl_pathv[i]);
		globfree(&g);
	}
	free(pattern);
	return n;
}

/* Bytes at the end of the manifest at path that its checksum leaves out: the list order of its
 * reports (u32 each, padded to 8), which has a checksum of its own. 0 when unreadable. */
static inline long manifest_order_bytes(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint64_t n = 0;   /* the head's report count, at byte 32 */
	if (!f || fseek(f, 32, SEEK_SET) != 0 || fread(&n, 8, 1, f) != 1)
		n = 0;
	if (f)
		fclose(f);
	return (long)((4 * n + 7) / 8 * 8);
}

#endif
