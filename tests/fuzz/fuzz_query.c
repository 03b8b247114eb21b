/* fuzz_query.c — libFuzzer target: any bytes as a query parse into a consistent query or a message, and the query runs over the samples with exact counts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "corpus.h"
#include "index.h"
#include "query.h"

static struct corpus corpus;
static struct index *ix;
static struct index_doc *docs;   /* each sample folded once */

static void check(const struct query *q)
{
	if (q->nterms > QUERY_MAX_TERMS || (q->year_from > q->year_to) || (!q->year_from && q->year_to))
		abort();
	for (size_t i = 0; i < q->nterms; i++) {
		const struct query_term *t = &q->terms[i];
		if (t->len == 0 || strlen(t->text) != t->len || u8_check((const uint8_t *)t->text, t->len))
			abort();
		if (t->exclude ? t->group != -1 : t->group < 0 || t->group >= q->ngroups)
			abort();
	}
	if (q->region && strlen(q->region) != q->region_len)
		abort();
}

/* The index's hit count of each result equals the count found in the folded text, and the
 * snippets cut from the postings point at hits inside them. */
static void run(const struct query *q)
{
	struct index_results r = { 0 };
	struct index_hits all = { 0 }, some = { 0 };
	struct index_snippet sn[3];
	index_search(ix, q, 3, &r);
	for (size_t i = 0; i < r.n; i++) {
		const struct report *rep = corpus.reports[r.v[i].report];
		if (index_doc_find(&docs[r.v[i].report], q, &all) != r.v[i].hits)
			abort();
		size_t ns = index_result_snippets(ix, &r.v[i], rep, q, 40, &some, sn, 3);
		for (size_t k = 0; k < ns; k++)
			if (sn[k].first + sn[k].n > some.n || sn[k].start > sn[k].end || sn[k].end > rep->len)
				abort();
	}
	index_hits_fini(&all);
	index_hits_fini(&some);
	index_results_fini(&r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ix) {
		corpus_init(&corpus);
		corpus_add_embedded(&corpus);
		ix = index_build(&corpus, NULL);
		docs = calloc(corpus.n, sizeof *docs);
		for (size_t i = 0; i < corpus.n; i++)
			index_doc_init(&docs[i], corpus.reports[i]);
	}
	char *cause = NULL;
	struct query *q = query_parse((const char *)data, size, &cause);
	if (!q) {
		if (!cause || !cause[0])
			abort();
		free(cause);
		return 0;
	}
	check(q);
	run(q);
	query_free(q);
	return 0;
}
