/* fuzz_facts.c — libFuzzer target: the facts of any decodable text lie within its body, each figure inside its sentence, and the computed rates name facts of the list. */
#include <stdint.h>
#include <stdlib.h>

#include "facts.h"

#include "report_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m || decode_input(data, size, &d) < 0) {
		free(cause);
		return 0;
	}
	struct report *r = parse_report(d.text, d.len, "fuzz.txt");
	check_report(r);
	struct facts f = { 0 };
	facts_extract(m, r, &f);
	size_t stated = f.n;
	facts_compute(m, &f, 0);
	for (size_t i = 0; i < f.n; i++) {
		const struct facts_fact *x = &f.v[i];
		if (x->start > x->end || x->end > r->len || x->num_start > x->num_end || x->num_end > r->len)
			abort();
		if (i < stated && (x->num_start < x->start || x->num_end > x->end))
			abort();   /* a stated figure lies in its sentence */
		if (x->computed && (x->from[0] >= f.n || x->from[1] >= f.n))
			abort();
	}
	facts_fini(&f);
	report_free(r);
	return 0;
}
