/* test_22_digest.c — a report's digest: decoded it gives back the report's metadata, classified chapter tree with its byte ranges, parts covered, warnings and facts, and fills a report of the text alone as the parse would; damaged bytes are refused; the cached index keeps the same digest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "buf.h"
#include "classify.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "index.h"
#include "parse.h"
#include "xmalloc.h"

static int str_is(struct digest_str s, const char *want)
{
	if (!want)
		return s.s == NULL;
	return s.s && s.n == strlen(want) && memcmp(s.s, want, s.n) == 0;
}

static int range_is(struct digest_str s, const struct report *r, size_t a, size_t b)
{
	return s.s && s.n == b - a && memcmp(s.s, r->text + a, s.n) == 0;
}

/* The head of the digest read alone, from its bytes or from the whole digest's, says what the
 * whole digest d says of the report's row, and holds no facts or paragraphs. */
static void check_head(const struct digest *d, const char *bytes, size_t head)
{
	struct digest h = { 0 };
	size_t stated = 0;
	for (size_t k = 0; k < d->nfacts; k++)
		stated += !d->facts[k].computed;
	for (int whole = 0; whole < 2; whole++) {
		assert_int_equal(digest_decode_head(bytes, whole ? head + 1 : head, &h), 0);
		assert_int_equal(h.head_only, 1);
		assert_true(h.title.s == d->title.s && h.region.s == d->region.s && h.published.s == d->published.s);
		assert_int_equal(h.year, d->year);
		assert_int_equal(h.level, d->level);
		assert_int_equal(h.body_chars, d->body_chars);
		assert_int_equal(h.parts_headed, d->parts_headed);
		assert_int_equal(h.parts_unheaded, d->parts_unheaded);
		assert_int_equal(h.nsections, d->nsections);
		assert_int_equal(h.body_start, d->body_start);
		assert_int_equal(h.body_end, d->body_end);
		assert_int_equal(h.ranges_kept, d->ranges_kept);
		for (size_t s = 0; s < d->nsections; s++) {
			assert_int_equal(h.sections[s].parent, d->sections[s].parent);
			assert_int_equal(h.sections[s].start, d->sections[s].start);
			assert_int_equal(h.sections[s].end, d->sections[s].end);
			assert_int_equal(h.sections[s].number_start, d->sections[s].number_start);
		}
		assert_int_equal(h.nwarnings, d->nwarnings);
		assert_int_equal(h.facts_kept, d->facts_kept);
		assert_int_equal(h.nfacts_stated, stated);
		assert_int_equal(d->nfacts_stated, stated);
		assert_int_equal(h.nfacts + h.nparas, 0);
		assert_null(h.facts);
	}
	digest_fini(&h);
}

/* The facts of digest d are those the catalogue fm reads in r, each field as the reader gives it.
 * Returns how many of them are computed rates. */
static size_t check_facts(const struct digest *d, const struct report *r, const struct facts_model *fm)
{
	size_t computed = 0;
	struct facts f = { 0 };
	facts_extract(fm, r, &f);
	facts_compute(fm, &f, 0);
	assert_int_equal(d->nfacts, f.n);
	assert_int_equal(d->facts_kept, 1);
	for (size_t k = 0; k < f.n; k++) {
		assert_int_equal(d->facts[k].metric, f.v[k].metric);
		assert_true(d->facts[k].value == f.v[k].value);
		assert_true(str_is(d->facts[k].value_text, f.v[k].value_text));
		assert_true(str_is(d->facts[k].unit, f.v[k].unit));
		assert_int_equal(d->facts[k].section, f.v[k].section);
		assert_int_equal(d->facts[k].end, f.v[k].end);
		assert_true(range_is(d->facts[k].text, r, d->facts[k].start, d->facts[k].start + d->facts[k].text.n));
		assert_true(range_is(d->facts[k].figure, r, f.v[k].num_start, f.v[k].num_end));
		assert_true(f.v[k].period_end > f.v[k].period_start
		                    ? range_is(d->facts[k].period, r, f.v[k].period_start, f.v[k].period_end)
		                    : d->facts[k].period.s == NULL);
		assert_int_equal(d->facts[k].computed, f.v[k].computed);
		assert_int_equal(digest_fact_start(&d->facts[k], r), f.v[k].start);   /* trend prints from it */
		if (f.v[k].computed) {
			computed++;
			assert_int_equal(d->facts[k].start, f.v[k].start);
			assert_int_equal(d->facts[k].from[0], f.v[k].from[0]);
			assert_int_equal(d->facts[k].from[1], f.v[k].from[1]);
			assert_int_equal(d->facts[k].nalso, f.v[k].nalso);
			for (size_t a = 0; a < f.v[k].nalso; a++)
				assert_int_equal(d->facts[k].also[a], f.v[k].also[a]);
		}
	}
	facts_fini(&f);
	return computed;
}

/* Every sample: what the digest says is what the report, classifier and catalogue say. */
static void test_round_trip(void **state)
{
	(void)state;
	char *cause = NULL;
	const struct classify_model *cm = classify_default(&cause);
	const struct facts_model *fm = facts_default(&cause);
	assert_non_null(cm);
	assert_non_null(fm);
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	assert_true(c.n >= 5);
	size_t computed = 0;   /* rates the samples' figures give */
	for (size_t i = 0; i < c.n; i++) {
		struct report *r = corpus_get(&c, i);
		struct buf b = { 0 };
		struct digest d = { 0 };
		struct classify_paras p = { 0 };
		classify_report_with(cm, r, &p);
		size_t head = digest_of(r, &p, fm, &b);
		assert_true(head > 0 && head < b.len);
		assert_int_equal(digest_decode(b.data, b.len, &d), 0);
		assert_int_equal(d.head_only, 0);
		check_head(&d, b.data, head);
		assert_true(str_is(d.title, r->meta.title));
		assert_true(str_is(d.region, r->meta.region));
		assert_true(str_is(d.issuer, r->meta.issuer));
		assert_true(str_is(d.published, r->meta.published[0] ? r->meta.published : NULL));
		assert_int_equal(d.year, r->meta.year);
		assert_int_equal(d.level, r->meta.level);
		assert_int_equal(d.body_start, r->body_start);
		assert_int_equal(d.body_end, r->body_end);
		assert_true(d.paras_kept);   /* the paragraphs of the parts, in text order */
		size_t q = 0;
		for (size_t k = 0; k < r->npara; k++) {
			if (p.part[k] < 0 || p.part[k] > CLASSIFY_OTHER)
				continue;
			assert_true(q < d.nparas);
			assert_int_equal(d.paras[q].part, p.part[k]);
			assert_int_equal(d.paras[q].start, r->paras[k].start);
			assert_int_equal(d.paras[q].end, r->paras[k].end);
			q++;
		}
		assert_int_equal(q, d.nparas);
		assert_true(d.nparas > 0);
		assert_true(d.body_chars > 1000 && d.body_chars < r->body_end - r->body_start);

		assert_int_equal(d.nsections, r->nsections);
		unsigned headed, unheaded;
		classify_parts_covered(r, &p, &headed, &unheaded);
		classify_paras_fini(&p);
		assert_int_equal(d.parts_headed, headed);
		assert_int_equal(d.parts_unheaded, unheaded);
		assert_true(headed & (1u << CLASSIFY_MEASURES));
		for (size_t s = 0; s < r->nsections; s++) {
			const struct section *x = &r->sections[s];
			assert_int_equal(d.sections[s].level, x->level);
			assert_int_equal(d.sections[s].parent, x->parent);
			assert_int_equal(d.sections[s].part, x->part);
			assert_int_equal(d.sections[s].topic, x->topic);
			assert_int_equal(d.sections[s].topic2, x->topic2);
			assert_true(d.sections[s].part >= 0 && d.sections[s].topic >= 0);
			assert_true(range_is(d.sections[s].number, r, x->number_start, x->number_end));
			assert_int_equal(d.sections[s].start, x->start);
			assert_int_equal(d.sections[s].end, x->end);
			assert_int_equal(d.sections[s].number_start, x->number_start);
			assert_int_equal(d.sections[s].number_end, x->number_end);
		}
		assert_true(d.ranges_kept);
		assert_int_equal(d.nwarnings, r->nwarnings);
		for (size_t w = 0; w < r->nwarnings; w++)
			assert_true(str_is(d.warnings[w].message, r->warnings[w].message));

		computed += check_facts(&d, r, fm);
		digest_fini(&d);
		buf_fini(&b);
	}
	assert_true(computed > 0);
	corpus_fini(&c);
}

/* The head of r's digest (unclassified, no facts) decoded into d; bytes in b. */
static void head_of(const struct report *r, struct buf *b, struct digest *d)
{
	buf_reset(b);
	size_t head = digest_of(r, NULL, NULL, b);
	assert_int_equal(digest_decode_head(b->data, head, d), 0);
}

/* Every sample's text alone, filled from its digest's head, is the parsed report as a search
 * result is printed from it: metadata, body, sections and the section of every offset. A text
 * whose numbers differ from the digest's, a shorter text, and a parse whose sections are out of
 * order are refused, and the report is left as it was. */
static void test_fill_report(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct buf b = { 0 };
	struct digest d = { 0 };
	for (size_t i = 0; i < c.n; i++) {
		struct report *r = corpus_get(&c, i);
		head_of(r, &b, &d);
		struct report *t = corpus_read_text(&c, i);
		assert_non_null(t);
		assert_int_equal(t->nsections, 0);
		assert_int_equal(digest_fill_report(&d, t), 0);
		assert_string_equal(t->path, r->path);
		assert_true(t->meta.title && r->meta.title && strcmp(t->meta.title, r->meta.title) == 0);
		assert_true(!r->meta.region ? !t->meta.region : strcmp(t->meta.region, r->meta.region) == 0);
		assert_string_equal(t->meta.published, r->meta.published);
		assert_int_equal(t->meta.year, r->meta.year);
		assert_int_equal(t->meta.level, r->meta.level);
		assert_int_equal(t->body_start, r->body_start);
		assert_int_equal(t->body_end, r->body_end);
		assert_int_equal(t->nsections, r->nsections);
		assert_true(r->nsections > 3);
		for (size_t k = 0; k < r->nsections; k++) {
			const struct section *x = &r->sections[k], *y = &t->sections[k];
			assert_int_equal(y->level, x->level);
			assert_int_equal(y->parent, x->parent);
			assert_int_equal(y->start, x->start);
			assert_int_equal(y->end, x->end);
			assert_int_equal(y->number_start, x->number_start);
			assert_int_equal(y->number_end, x->number_end);
			assert_true(y->title_start == y->title_end && y->head_start == y->head_end && y->para == -1);
		}
		for (size_t off = 0; off < r->len; off += 7)
			assert_int_equal(report_section_at(t, off), report_section_at(r, off));
		report_free(t);

		t = corpus_read_text(&c, i);   /* a number changed: another text than the one digested */
		const struct section *x = &r->sections[r->nsections - 1];
		t->text[x->number_start] = 'x';
		assert_int_equal(digest_fill_report(&d, t), -1);
		assert_true(t->nsections == 0 && !t->meta.title && t->body_end == t->len);
		t->text[x->number_start] = r->text[x->number_start];
		t->len = x->end - 1;   /* shorter than the last section */
		assert_int_equal(digest_fill_report(&d, t), -1);
		assert_true(t->nsections == 0 && !t->meta.title);
		report_free(t);
	}
	struct report *r = corpus_get(&c, 0);
	r->page_forms = 5;   /* read back as a page of two forms: said again as its text is read */
	head_of(r, &b, &d);
	assert_int_equal(d.page_forms, 5);
	r->page_forms = 0;
	head_of(r, &b, &d);
	assert_int_equal(d.page_forms, 0);
	/* sections out of document order: no ranges kept */
	size_t start = r->sections[1].start;
	r->sections[1].start = r->sections[0].start - 1;
	head_of(r, &b, &d);
	r->sections[1].start = start;
	assert_int_equal(d.ranges_kept, 0);
	assert_int_equal(d.nsections, r->nsections);
	assert_int_equal(d.sections[1].start, 0);
	struct report *t = corpus_read_text(&c, 0);
	assert_int_equal(digest_fill_report(&d, t), -1);
	report_free(t);
	digest_fini(&d);
	buf_fini(&b);
	corpus_fini(&c);
}

/* Figures of every kind the facts keep come back whole: a fraction (kept in 8 bytes), a counter
 * repeated (a reference to the fact before) or new, a Chinese numeral, a table's cell, and the same
 * sentence again. */
static void test_fact_fields(void **state)
{
	(void)state;
	char *cause = NULL;
	const struct facts_model *fm = facts_default(&cause);
	assert_non_null(fm);
	const char *t = "关于2022年法治政府建设情况的报告\n一、工作情况\n"
	                "2022年，全县共收到行政复议申请48件，受理45件，办结43件，综合纠错率12.5%。"
	                "全年行政诉讼案件十二件，出庭应诉率100%。\n"
	                "附件：2022年主要指标\n指标\t2022年\n审查规范性文件（件）\t17\n";
	struct report *r = parse_report(xstrdup(t), strlen(t), "fields.txt");
	struct buf b = { 0 };
	struct digest d = { 0 };
	digest_of(r, NULL, fm, &b);
	assert_int_equal(digest_decode(b.data, b.len, &d), 0);
	assert_true(d.nfacts >= 5);
	check_facts(&d, r, fm);
	int fraction = 0, same_unit = 0;
	for (size_t k = 0; k < d.nfacts; k++) {
		fraction |= d.facts[k].value != (double)(long long)d.facts[k].value;
		same_unit |= k > 0 && d.facts[k].unit.n == d.facts[k - 1].unit.n &&
		             memcmp(d.facts[k].unit.s, d.facts[k - 1].unit.s, d.facts[k].unit.n) == 0;
	}
	assert_true(fraction);
	assert_true(same_unit);
	digest_fini(&d);
	buf_fini(&b);
	report_free(r);
}

/* Not classified, without a catalogue: no classes, no facts; the rest is there. */
static void test_without_tables(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct report *r = corpus_get(&c, 0);
	struct buf b = { 0 };
	struct digest d = { 0 };
	size_t head = digest_of(r, NULL, NULL, &b);
	assert_int_equal(digest_decode(b.data, b.len, &d), 0);
	assert_int_equal(d.nfacts, 0);
	assert_int_equal(d.facts_kept, 0);
	check_head(&d, b.data, head);
	assert_int_equal(d.parts_headed, 0);
	assert_int_equal(d.nsections, r->nsections);
	assert_true(d.nsections > 0);
	assert_int_equal(d.sections[0].part, -1);
	assert_int_equal(d.sections[0].topic, -1);
	digest_fini(&d);
	buf_fini(&b);
	corpus_fini(&c);
}

/* A report of a few short paragraphs, each of its numbers a byte: its paragraphs read back (their
 * count, stored plus one, is no more than the bytes after it allow). */
static void test_small_report(void **state)
{
	(void)state;
	char *cause = NULL;
	const char *t = "关于2022年法治政府建设情况的报告\n一、工作情况\n全县共收到行政复议申请48件。\n";
	struct report *r = parse_report(xstrdup(t), strlen(t), "small.txt");
	struct classify_paras paras = { 0 };
	classify_report_with(classify_default(&cause), r, &paras);
	struct buf b = { 0 };
	struct digest d = { 0 };
	digest_of(r, &paras, NULL, &b);
	assert_int_equal(digest_decode(b.data, b.len, &d), 0);
	assert_true(d.paras_kept);
	assert_int_equal(d.nparas, 2);
	digest_fini(&d);
	buf_fini(&b);
	classify_paras_fini(&paras);
	report_free(r);
}

/* Every cut and a flipped tag are refused; decoding leaves d empty then. A head is refused cut,
 * and read whatever follows it. */
static void test_damaged(void **state)
{
	(void)state;
	char *cause = NULL;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	struct buf b = { 0 };
	struct digest d = { 0 };
	size_t head = digest_of(corpus_get(&c, 1), NULL, facts_default(&cause), &b);
	for (size_t n = 0; n < b.len; n++) {
		assert_int_equal(digest_decode(b.data, n, &d), -1);
		assert_int_equal(d.nsections + d.nfacts + d.nwarnings, 0);
		assert_int_equal(digest_decode_head(b.data, n, &d), n < head ? -1 : 0);
		assert_int_equal(d.nsections == 0, n < head);
	}
	digest_fini(&d);
	buf_addc(&b, 0);
	assert_int_equal(digest_decode(b.data, b.len, &d), -1);   /* trailing bytes */
	b.data[0] ^= 1;
	assert_int_equal(digest_decode(b.data, b.len - 1, &d), -1);
	buf_fini(&b);
	corpus_fini(&c);
}

/* The sample reports as files in dir. */
static void write_samples(const char *dir)
{
	for (const struct asset *a = assets; a->name; a++) {
		if (strncmp(a->name, "reports/", 8) != 0)
			continue;
		char *path = xasprintf("%s/%s", dir, a->name + 8);
		FILE *f = fopen(path, "wb");
		fwrite(a->data, 1, a->size, f);
		fclose(f);
		free(path);
	}
}

/* The cached index keeps each report's digest, byte for byte, its head first; an index in memory
 * keeps none. */
static void test_in_cache(void **state)
{
	(void)state;
	char dir[] = "/tmp/fazhi-digest-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *cache = xasprintf("%s/cache", dir), *cause = NULL;
	struct corpus c;
	corpus_init(&c);
	write_samples(dir);
	c.lazy = 1;
	corpus_add_path(&c, dir);
	char *notice = NULL;
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	struct index *mem = index_build(&c, NULL);
	for (size_t i = 0; i < c.n; i++) {
		const void *p;
		size_t len;
		assert_int_equal(index_digest(ix, i, &p, &len), 0);
		assert_int_equal(index_digest(mem, i, &p, &len) == 0 ? 1 : 0, 0);
		assert_int_equal(index_digest(ix, i, &p, &len), 0);
		struct buf b = { 0 };
		struct classify_paras paras = { 0 };
		struct report *r = corpus_get(&c, i);
		classify_report_with(classify_default(&cause), r, &paras);
		size_t head = digest_of(r, &paras, facts_default(&cause), &b);
		classify_paras_fini(&paras);
		assert_int_equal(len, b.len);
		assert_memory_equal(p, b.data, len);
		const void *hp;
		size_t hlen;
		assert_int_equal(index_digest_head(ix, i, &hp, &hlen), 0);
		assert_int_equal(hlen, head);
		assert_memory_equal(hp, b.data, head);
		assert_int_equal(index_digest_head(mem, i, &hp, &hlen), -1);
		buf_fini(&b);
	}
	const void *p;
	size_t len;
	assert_int_equal(index_digest(ix, c.n, &p, &len), -1);
	assert_int_equal(index_digest_head(ix, c.n, &p, &len), -1);
	index_free(mem);
	index_free(ix);
	corpus_fini(&c);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(cache);
}

/* Where needle[0..n) first stands in hay[0..len), or NULL. */
static const char *find_bytes(const char *hay, size_t len, const void *needle, size_t n)
{
	for (size_t i = 0; n && i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* Flips byte `at` of the bytes d[0..n) where they first stand in the file; they stand there
 * `times` times. */
static void flip_in_file(const char *file, const void *d, size_t n, size_t at, int times)
{
	FILE *f = fopen(file, "r+b");
	assert_non_null(f);
	struct buf b = { 0 };
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	const char *hit = find_bytes(b.data, b.len, d, n);
	assert_non_null(hit);
	int seen = 0;
	for (const char *q = hit; q; q = find_bytes(q + 1, b.len - (size_t)(q + 1 - b.data), d, n))
		seen++;
	assert_int_equal(seen, times);
	assert_int_equal(fseek(f, (long)(hit - b.data + at), SEEK_SET), 0);
	fputc(hit[at] ^ 0x55, f);
	assert_int_equal(fclose(f), 0);
	buf_fini(&b);
}

/* A damaged rest (the facts) keeps the whole digest from being read but not its head; a damaged
 * head (the copy the index keeps apart, before the whole digests) keeps the head from being read,
 * so the report is parsed for its row, but not the whole digest. The others are intact. So when
 * the heads are read from the file, as a few reports' are, and (after_many: after more reads than
 * a few) from the index's mapping. */
static void damaged_in_cache(int after_many)
{
	char dir[] = "/tmp/fazhi-digest-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char *cache = xasprintf("%s/cache", dir), *notice = NULL;
	write_samples(dir);
	struct corpus c;
	corpus_init(&c);
	c.lazy = 1;
	corpus_add_path(&c, dir);
	assert_true(c.n >= 3);
	struct index *ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	struct buf whole[2] = { { 0 }, { 0 } };
	size_t heads[2];
	for (size_t i = 0; i < 2; i++) {
		const void *p;
		size_t len;
		assert_int_equal(index_digest(ix, i, &p, &len), 0);
		buf_add(&whole[i], p, len);
		assert_int_equal(index_digest_head(ix, i, &p, &heads[i]), 0);
		assert_true(heads[i] < len);
	}
	index_free(ix);
	char *cmd = xasprintf("ls %s/segment-*.bin", cache);
	FILE *ls = popen(cmd, "r");
	char segment[4096] = "";
	assert_non_null(fgets(segment, sizeof segment, ls));
	pclose(ls);
	free(cmd);
	segment[strcspn(segment, "\n")] = 0;
	flip_in_file(segment, whole[0].data, whole[0].len, whole[0].len - 2, 1);   /* report 0's paragraphs */
	flip_in_file(segment, whole[1].data, heads[1], heads[1] - 2, 2);           /* report 1's warnings */

	ix = index_open(&c, cache, NULL, &notice);
	assert_null(notice);
	const void *p;
	size_t len;
	struct digest d = { 0 };
	for (int k = 0; after_many && k < 5000; k++)
		assert_int_equal(index_digest_head(ix, 2 + (size_t)k % (c.n - 2), &p, &len), 0);
	assert_int_equal(index_digest(ix, 0, &p, &len), -1);
	assert_int_equal(index_digest_head(ix, 0, &p, &len), 0);
	assert_int_equal(len, heads[0]);
	assert_int_equal(digest_decode_head(p, len, &d), 0);
	assert_true(d.nsections > 0);
	assert_int_equal(index_digest(ix, 0, &p, &len), -1);   /* and stays refused */
	assert_int_equal(index_digest_head(ix, 1, &p, &len), -1);
	assert_int_equal(index_digest(ix, 1, &p, &len), 0);
	assert_memory_equal(p, whole[1].data, len);
	for (size_t i = 2; i < c.n; i++) {
		assert_int_equal(index_digest_head(ix, i, &p, &len), 0);
		assert_int_equal(index_digest(ix, i, &p, &len), 0);
	}
	digest_fini(&d);
	index_free(ix);
	corpus_fini(&c);
	buf_fini(&whole[0]);
	buf_fini(&whole[1]);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(cache);
}

static void test_damaged_in_cache(void **state)
{
	(void)state;
	damaged_in_cache(0);
}

static void test_damaged_in_cache_mapped(void **state)
{
	(void)state;
	damaged_in_cache(1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_fact_fields),
		cmocka_unit_test(test_without_tables),
		cmocka_unit_test(test_small_report),
		cmocka_unit_test(test_fill_report),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_in_cache),
		cmocka_unit_test(test_damaged_in_cache),
		cmocka_unit_test(test_damaged_in_cache_mapped),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	classify_default_free();
	facts_default_free();
	return rc;
}
