/* test_25_compare_items.c — the paragraphs each comparison item lists, as the exports write them: every paragraph once. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "classify.h"
#include "compare.h"
#include "corpus.h"

/* Over the samples: each paragraph in a chapter is listed by exactly one item that is not a
 * repeat for another area (the row holding it), in order; a section's item lists only paragraphs
 * of that section; paragraphs listed again are listed by as many items as their also mask has
 * topics. */
static void test_every_paragraph_once(void **state)
{
	(void)state;
	struct corpus co;
	corpus_init(&co);
	corpus_add_embedded(&co);
	assert_true(co.n >= 2);
	const struct classify_model *m = classify_default(NULL);
	assert_non_null(m);
	struct compare c;
	compare_build(&c, co.reports, co.n, m);
	for (size_t k = 0; k < c.nreports; k++) {
		const struct report *r = c.reports[k];
		unsigned *held = calloc(r->npara + 1, sizeof *held), *again = calloc(r->npara + 1, sizeof *again);
		for (size_t row = 0; row < c.nrows; row++) {
			const struct compare_cell *cell = compare_cell(&c, row, k);
			for (size_t i = cell->first; i < cell->first + cell->n; i++) {
				const struct compare_item *it = &c.items[i];
				size_t last = 0, count = 0;
				for (size_t q = compare_item_next_para(&c, k, it, 0); q < r->npara;
				     q = compare_item_next_para(&c, k, it, q + 1)) {
					assert_true(count == 0 || q > last);
					if (it->npara == 0)
						assert_int_equal(r->paras[q].section, it->section);
					if (it->also)
						again[q]++;
					else
						held[q]++;
					last = q, count++;
				}
				if (it->npara)
					assert_int_equal(count, it->npara);
			}
		}
		for (size_t q = 0; q < r->npara; q++) {
			if (r->paras[q].section >= 0)
				assert_int_equal(held[q], 1);
			assert_int_equal(again[q], __builtin_popcount(classify_para_also(&c.paras[k], q)));
		}
		free(held);
		free(again);
	}
	compare_fini(&c);
	corpus_fini(&co);
	classify_default_free();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_paragraph_once),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
