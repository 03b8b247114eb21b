/* make_cache_seeds.c — writes the seed index files of fuzz_cache: small valid blobs of a few short reports.
 *
 * Built with the fuzzers (make fuzz-build) and run by tests/fuzz/run.sh before fuzz_cache, so
 * the seeds always have the index's present format; each is read back, and a seed the index
 * refuses fails the run (a fuzzer on refused seeds tries nothing but the first check).
 *
 *   build/fuzz/make_cache_seeds DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "index.h"
#include "index_blob.h"

static const char *const reports[][2] = {
	{ "a.txt", "普陀区人民政府关于2021年度法治政府建设工作的报告\n\n一、主要工作\n（一）推进依法行政\n"
	           "全年办理行政复议案件12件，行政诉讼8件。\n二、存在问题\n“互联网+监管”与浙里办APP仍需完善。\n" },
	{ "b.txt", "静安区2019年法治政府建设情况\n\n一、行政复议\n复议 OR 诉讼，app application ①②。\n"
	           "依法治区，法治政府建设实施纲要（2021—2025年）。\n" },
	{ "c.txt", "泗门镇2022年度报告\n\n行政复议 行政复议 行政复议\n" },
};

static int write_blob(const struct index *ix, const char *path)
{
	size_t len;
	const void *blob = index_blob(ix, &len);
	char *cause = NULL;
	struct index *back = index_from_blob(blob, len, ((const struct head *)blob)->key, NULL, &cause);
	if (!back) {
		fprintf(stderr, "%s: the index refuses its own blob: %s\n", path, cause ? cause : "?");
		free(cause);
		return -1;
	}
	index_free(back);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(blob, 1, len, f) != len || fclose(f) != 0)
		return -1;
	return 0;
}

int main(int argc, char **argv)
{
	if (argc != 2)
		return 2;
	int rc = 0;
	for (size_t n = 1; n <= 3; n += 2) {
		struct corpus c;
		corpus_init(&c);
		for (size_t i = 0; i < n; i++)
			corpus_add_bytes(&c, reports[i][0], reports[i][1], strlen(reports[i][1]));
		struct index *ix = index_build(&c, NULL);
		char path[4096];
		snprintf(path, sizeof path, "%s/blob%zu", argv[1], n);
		rc |= write_blob(ix, path);
		index_free(ix);
		corpus_fini(&c);
	}
	return rc ? 1 : 0;
}
