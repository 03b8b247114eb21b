/* fuzz_digest.c — libFuzzer target: any text's digest decodes to what was made of it, and damaged digest bytes are refused or decode to strings inside them or the sentences decoded. */
#define _GNU_SOURCE   /* memmem */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "digest.h"
#include "facts.h"

#include "report_check.h"

/* Whether s is not stated or lies in [p, p + n). */
static int inside(struct digest_str s, const uint8_t *p, size_t n)
{
	return !s.s || ((const uint8_t *)s.s >= p && s.n <= n && (const uint8_t *)s.s - p <= (ptrdiff_t)(n - s.n));
}

/* Whether s is not stated or lies in the bytes or in the sentences decoded from them. */
static int inside_either(struct digest_str s, const uint8_t *p, size_t n, const struct digest *d)
{
	return inside(s, p, n) || inside(s, (const uint8_t *)d->text, d->text_len);
}

/* Every string of d lies in the bytes it was decoded from (a fact's sentence, and what lies in
 * it, in the sentences decoded), every index within its array. */
static void check(const struct digest *d, const uint8_t *p, size_t n)
{
	if (!inside(d->title, p, n) || !inside(d->region, p, n) || !inside(d->issuer, p, n) ||
	    !inside(d->doc_number, p, n) || !inside(d->published, p, n))
		abort();
	for (size_t i = 0; i < d->nsections; i++)
		if (!inside(d->sections[i].number, p, n) || !inside(d->sections[i].title, p, n) ||
		    d->sections[i].parent >= (int)i)
			abort();
	for (size_t i = 0; i < d->nwarnings; i++)
		if (!inside(d->warnings[i].message, p, n))
			abort();
	for (size_t i = 0; i < d->nfacts; i++) {
		const struct digest_fact *f = &d->facts[i];
		if (!inside(f->text, (const uint8_t *)d->text, d->text_len) ||
		    !inside_either(f->value_text, p, n, d) || !inside(f->unit, p, n) ||
		    !inside_either(f->figure, p, n, d) || !inside_either(f->period, p, n, d) || f->section >= (int)d->nsections ||
		    (f->computed && (f->from[0] >= i || f->from[1] >= i)))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cause = NULL;
	const struct facts_model *fm = facts_default(&cause);
	const struct classify_model *cm = classify_default(&cause);
	struct decoded dec;
	if (!fm || !cm || decode_input(data, size, &dec) < 0) {
		free(cause);
		return 0;
	}
	struct report *r = parse_report(dec.text, dec.len, "fuzz.txt");
	struct classify_paras paras = { 0 };
	classify_report_with(cm, r, &paras);
	struct buf b = { 0 };
	size_t head = digest_of(r, &paras, fm, &b);
	struct digest d = { 0 };
	if (digest_decode(b.data, b.len, &d) < 0 || d.nsections != r->nsections)   /* made here: whole */
		abort();
	check(&d, (const uint8_t *)b.data, b.len);
	for (size_t i = 0; i < d.nfacts; i++)   /* each sentence decoded is the report's */
		if (!d.facts[i].text.s || !memmem(r->text, r->len, d.facts[i].text.s, d.facts[i].text.n))
			abort();
	if (digest_decode_head(b.data, head, &d) < 0)
		abort();
	/* The same bytes damaged in a few places the input chooses: refused, or read inside them. */
	for (size_t k = 0; k < 8 && b.len > 0; k++) {
		size_t at = (k * 7919 + (size ? data[k % size] : 0) * 131) % b.len;
		b.data[at] ^= (char)(size ? data[(k + 1) % size] | 1 : 1);
		if (digest_decode(b.data, b.len, &d) == 0)
			check(&d, (const uint8_t *)b.data, b.len);
		if (digest_decode_head(b.data, b.len - at, &d) == 0)
			check(&d, (const uint8_t *)b.data, b.len - at);
	}
	digest_fini(&d);
	buf_fini(&b);
	classify_paras_fini(&paras);
	report_free(r);
	return 0;
}
