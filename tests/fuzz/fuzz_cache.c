/* fuzz_cache.c — libFuzzer target: any bytes as an index file are refused with a message, or give an index whose every answer stays in bounds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "index.h"
#include "index_blob.h"
#include "query.h"

/* The checksum would turn away nearly every mutation before the tables are read, so the
 * target reseals it: what is fuzzed is every check and decoder behind it. */

static struct corpus corpus;
static struct query *queries[8];
static size_t nqueries;

static void setup(void)
{
	static const char *const qs[] = { "法治", "行政复议", "法", "法治政府建设", "app", "复议 OR 诉讼 -信访",
	                                  "year:2019..2022 region:区", "(一)" };
	corpus_init(&corpus);
	corpus_add_embedded(&corpus);
	for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
		char *cause = NULL;
		queries[nqueries] = query_parse(qs[i], strlen(qs[i]), &cause);
		if (!queries[nqueries++])
			abort();
	}
}

static void use(const struct index *ix)
{
	size_t n = index_nreports(ix);
	for (size_t i = 0; i < n; i++) {
		struct index_info in;
		index_info(ix, i, &in);
		if (in.path[in.path_len] != '\0' || in.title[in.title_len] != '\0')
			abort();
	}
	struct index_results r = { 0 };
	struct index_hits h = { 0 };
	struct index_snippet sn[3];
	for (size_t k = 0; k < 2 * nqueries; k++) {
		/* the exhaustive search, then the top-k one that reads counts and proves by seeking */
		if (k < nqueries)
			index_search(ix, queries[k], 4, &r);
		else
			index_search_top(ix, queries[k - nqueries], 3, &r);
		if (r.n > r.total || r.total > r.total_max)
			abort();
		for (size_t i = 0; i < r.n; i++) {
			if (r.v[i].report >= n)
				abort();
			/* Texts that are not the indexed ones: the snippets must still stay inside them. */
			const struct report *rep = corpus.reports[r.v[i].report % corpus.n];
			size_t ns = index_result_snippets(ix, &r.v[i], rep, queries[k % nqueries], 40, &h, sn, 3);
			for (size_t s = 0; s < ns; s++)
				if (sn[s].end > rep->len || sn[s].first + sn[s].n > h.n)
					abort();
		}
	}
	index_hits_fini(&h);
	index_results_fini(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!nqueries)
		setup();
	uint64_t *copy = malloc((size / 8 + 1) * 8);   /* aligned as a mapped file is */
	memcpy(copy, data, size);
	uint64_t key = 0;
	if (size >= sizeof(struct head)) {
		struct head *h = (struct head *)copy;
		key = h->key;
		if (h->size == size)
			h->checksum = index_blob_seal((const unsigned char *)copy, size);
	}
	char *cause = NULL;
	struct index *ix = index_from_blob(copy, size, key, NULL, &cause);
	if (ix) {
		use(ix);
		index_free(ix);
	} else if (!cause || !cause[0]) {
		abort();
	}
	free(cause);
	free(copy);
	return 0;
}
