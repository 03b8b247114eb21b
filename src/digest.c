/* digest.c — a report's digest (metadata, classified chapter tree, parts covered, warnings, facts, paragraphs of each part) encoded to bytes and decoded, its strings in place, its sentences into its own text. */
#define _GNU_SOURCE   /* memmem */
#include "digest.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "facts.h"
#include "index_blob.h"
#include "review.h"
#include "textcode.h"
#include "xmalloc.h"

/* The bytes: a tag, the length of the head, the head, then the rest. The head holds what a row
 * of the overview and a printed search result need (metadata, body range, sections, warnings,
 * the facts counted) so that their readers touch and check it alone; the rest holds the facts
 * and the paragraphs. Fields come in the order of struct digest, each number a varint (ids that
 * may be -1 stored plus one), each string a varint of its length plus one (0: not stated) and its
 * bytes, each double its 8 native-endian bytes (the cache is native-endian anyway). The body is
 * its start and length. The sections are counted, then a flag says whether their ranges follow
 * each one's title: its start counted from the start of the section before, its length, and
 * where its number starts counted from its start (all of them in order, as ranges_in_order
 * checks; a parse that broke that order keeps no ranges, and its reports are parsed). The head
 * counts the facts plus one, 0 when they were not extracted, and then those of them stated. A
 * fact's sentence is a string in the text code (textcode.h), the length of its code plus one and
 * the code, about half its UTF-8; a fact stated in the same sentence as the fact before it stores
 * its text as "not stated" (0), read back as that sentence: a sentence of several figures is kept
 * once. What else a fact keeps
 * is mostly said already, so it is kept as a reference: its value as a varint when it is a whole
 * number (put_value), its start and end as differences from the start before (put_delta), its
 * value as printed, figure and period as where they lie in its sentence (put_within), its unit
 * as the fact's before it that has the same one (put_unit); the sentences are most of a
 * digest; these fields took two bytes for every five of theirs, and now take one. The paragraphs of a
 * part are counted plus one (0: not recorded), each its part, the bytes from the end of the
 * paragraph before (from 0 for the first) to its start, and its length: a few bytes a
 * paragraph. */
#define TAG 0xD2u

static void put_u(struct buf *b, uint32_t v)
{
	uint8_t tmp[5];
	buf_add(b, tmp, (size_t)(index_blob_put_varint(tmp, v) - tmp));
}

static void put_str(struct buf *b, const char *s, size_t n)
{
	put_u(b, s ? (uint32_t)n + 1 : 0);
	if (s)
		buf_add(b, s, n);
}

/* A sentence in the text code (textcode.h): the length of its code plus one (0: not stated), the
 * code. */
static void put_text(struct buf *b, const char *s, size_t n)
{
	put_u(b, s ? (uint32_t)textcode_size(s, n) + 1 : 0);
	if (s)
		textcode_encode(s, n, b);
}

static void put_cstr(struct buf *b, const char *s)
{
	put_str(b, s, s ? strlen(s) : 0);
}

static void put_range(struct buf *b, const struct report *r, size_t start, size_t end)
{
	put_str(b, r->text + start, end > start ? end - start : 0);
}

/* Whether r's sections can be stored as the head stores their ranges: starts in document order,
 * each number inside its section, each section inside the text. */
static int ranges_in_order(const struct report *r)
{
	size_t last = 0;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (s->start < last || s->number_start < s->start || s->number_end < s->number_start ||
		    s->end < s->start || s->end > r->len)
			return 0;
		last = s->start;
	}
	return 1;
}

static void put_sections(struct buf *b, const struct report *r)
{
	struct buf title = { 0 };
	int ranges = ranges_in_order(r);
	size_t last = 0;
	put_u(b, (uint32_t)r->nsections);
	put_u(b, (uint32_t)ranges);
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		put_u(b, (uint32_t)s->level);
		put_u(b, (uint32_t)(s->parent + 1));
		put_u(b, (uint32_t)(s->part + 1));
		put_u(b, (uint32_t)(s->topic + 1));
		put_u(b, (uint32_t)(s->topic2 + 1));
		put_range(b, r, s->number_start, s->number_end);
		buf_reset(&title);
		report_add_joined(&title, r, s->title_start, s->title_end);
		put_str(b, title.data ? title.data : "", title.len);
		if (ranges) {
			put_u(b, (uint32_t)(s->start - last));
			put_u(b, (uint32_t)(s->end - s->start));
			put_u(b, (uint32_t)(s->number_start - s->start));
			last = s->start;
		}
	}
	buf_fini(&title);
}

/* The sentence of a fact without the blanks that open its line and without its line end. */
static void sentence(const struct report *r, const struct facts_fact *f, size_t *start, size_t *n)
{
	size_t a = f->start;
	while (a < f->end && (r->text[a] == ' ' || r->text[a] == '\n'))
		a++;
	while (a + 2 <= f->end && (unsigned char)r->text[a] == 0xc2 && (unsigned char)r->text[a + 1] == 0xa0)
		a += 2;
	*start = a, *n = f->end - a;
	if (*n && r->text[a + *n - 1] == '\n')
		(*n)--;
}

size_t digest_fact_start(const struct digest_fact *f, const struct report *r)
{
	size_t a = f->start;
	if (f->computed)
		return a;   /* kept untrimmed */
	while (a > r->body_start) {   /* the blanks sentence() leaves out */
		if (r->text[a - 1] == ' ')
			a--;
		else if (a >= r->body_start + 2 && (unsigned char)r->text[a - 2] == 0xc2 && (unsigned char)r->text[a - 1] == 0xa0)
			a -= 2;
		else
			break;
	}
	return a;
}

/* 0 for a stated fact; else 1 + the number of extra numerator facts, then the indices. */
static void put_computed(struct buf *b, const struct facts_fact *x)
{
	put_u(b, x->computed ? (uint32_t)x->nalso + 1 : 0);
	if (!x->computed)
		return;
	put_u(b, (uint32_t)x->from[0]);
	put_u(b, (uint32_t)x->from[1]);
	for (size_t k = 0; k < x->nalso; k++)
		put_u(b, (uint32_t)x->also[k]);
}

/* The facts of r (none when fm is NULL): those facts_extract finds, then those facts_compute adds. */
static void extract_facts(const struct report *r, const struct facts_model *fm, struct facts *f)
{
	if (!fm)
		return;
	facts_extract(fm, r, f);
	facts_compute(fm, f, 0);
}

/* A value stored as a varint when it is a whole number below 2^30 (most counts), else its 8 bytes. */
static void put_value(struct buf *b, double v)
{
	if (v >= 0 && v < (double)(1u << 30) && v == (double)(uint32_t)v && !signbit(v)) {
		put_u(b, (uint32_t)v << 1 | 1);
		return;
	}
	put_u(b, 0);
	buf_add(b, &v, sizeof v);
}

/* A signed difference as a varint: 0, -1, 1, -2, … as 0, 1, 2, 3, … */
static void put_delta(struct buf *b, size_t from, size_t to)
{
	put_u(b, to >= from ? (uint32_t)(to - from) << 1 : (uint32_t)(from - to) << 1 | 1);
}

/* A string s[0..n) that mostly lies in the fact's sentence base[0..bn): where it lies there (2 + its
 * offset, then its length), else 1 and the string as put_str puts it; 0 when not stated. */
static void put_within(struct buf *b, const char *s, size_t n, const char *base, size_t bn)
{
	const char *at = s && n ? memmem(base, bn, s, n) : NULL;
	if (!s) {
		put_u(b, 0);
	} else if (at) {
		put_u(b, (uint32_t)(at - base) + 2);
		put_u(b, (uint32_t)n);
	} else {
		put_u(b, 1);
		put_str(b, s, n);
	}
}

/* A unit, most often one of the facts' before it: 1 + how far back that one is (up to UNIT_BACK),
 * else 0 and the string as put_cstr puts it. */
#define UNIT_BACK 32
static void put_unit(struct buf *b, const struct facts *f, size_t i)
{
	const char *u = f->v[i].unit;
	for (size_t k = 1; k <= UNIT_BACK && k <= i; k++)
		if (strcmp(f->v[i - k].unit, u) == 0) {
			put_u(b, (uint32_t)k + 1);
			return;
		}
	put_u(b, 0);
	put_cstr(b, u);
}

static void put_facts(struct buf *b, const struct report *r, const struct facts *f)
{
	size_t last_start = 0, last_n = 0;
	for (size_t i = 0; i < f->n; i++) {
		const struct facts_fact *x = &f->v[i];
		size_t start, n;
		sentence(r, x, &start, &n);
		if (x->computed)
			start = x->start;   /* as facts.h gives a computed rate's */
		int same = i > 0 && start == last_start && n == last_n;   /* one sentence, several figures */
		put_u(b, (uint32_t)x->metric);
		put_value(b, x->value);
		put_u(b, (uint32_t)(x->section + 1));
		if (same)
			put_u(b, 0);
		else
			put_text(b, r->text + start, n);
		put_delta(b, last_start, start);
		put_delta(b, start, x->end);
		last_start = start, last_n = n;
		const char *base = r->text + start;
		put_within(b, x->value_text, strlen(x->value_text), base, n);
		put_unit(b, f, i);
		put_within(b, r->text + x->num_start, x->num_end > x->num_start ? x->num_end - x->num_start : 0, base, n);
		if (x->period_end > x->period_start)
			put_within(b, r->text + x->period_start, x->period_end - x->period_start, base, n);
		else
			put_within(b, NULL, 0, base, n);
		put_computed(b, x);
	}
}

/* A paragraph of a regulated part (MEASURES .. OTHER): the preamble and web furniture are none. */
static int in_part(const struct classify_paras *p, size_t k)
{
	return p->part[k] >= 0 && p->part[k] < CLASSIFY_PREAMBLE;
}

static void put_paras(struct buf *b, const struct report *r, const struct classify_paras *p)
{
	if (!p || (p->n == 0 && r->npara > 0)) {
		put_u(b, 0);
		return;
	}
	size_t n = 0, last = 0;
	for (size_t k = 0; k < r->npara && k < p->n; k++)
		n += in_part(p, k);
	put_u(b, (uint32_t)n + 1);
	for (size_t k = 0; k < r->npara && k < p->n; k++) {
		if (!in_part(p, k))
			continue;
		const struct para *q = &r->paras[k];
		put_u(b, (uint32_t)p->part[k]);
		put_u(b, (uint32_t)(q->start - last));
		put_u(b, (uint32_t)(q->end - q->start));
		last = q->end;
	}
}

/* The head (see above) of r's digest, with f its facts (fm NULL: not extracted). */
static void put_head(struct buf *out, const struct report *r, const struct classify_paras *p,
                     const struct facts_model *fm, const struct facts *f)
{
	unsigned headed = 0, unheaded = 0;
	if (p)
		classify_parts_covered(r, p, &headed, &unheaded);
	const struct report_meta *m = &r->meta;
	put_cstr(out, m->title);
	put_cstr(out, m->region);
	put_cstr(out, m->issuer);
	put_cstr(out, m->doc_number);
	put_cstr(out, m->published[0] ? m->published : NULL);
	put_u(out, (uint32_t)m->year);
	put_u(out, (uint32_t)m->level);
	put_u(out, (uint32_t)review_body_chars(r));   /* the overview's chars column */
	put_u(out, headed);
	put_u(out, unheaded);
	put_u(out, (uint32_t)r->body_start);
	put_u(out, (uint32_t)(r->body_end > r->body_start ? r->body_end - r->body_start : 0));
	put_sections(out, r);
	put_u(out, (uint32_t)r->nwarnings);
	for (size_t i = 0; i < r->nwarnings; i++) {
		put_u(out, (uint32_t)r->warnings[i].kind);
		put_cstr(out, r->warnings[i].message);
	}
	size_t stated = 0;
	for (size_t i = 0; i < f->n; i++)
		stated += !f->v[i].computed;
	put_u(out, fm ? (uint32_t)f->n + 1 : 0);
	put_u(out, (uint32_t)stated);
	put_u(out, r->page_forms);
}

size_t digest_of(const struct report *r, const struct classify_paras *p, const struct facts_model *fm, struct buf *out)
{
	struct facts f = { 0 };
	struct buf head = { 0 };
	extract_facts(r, fm, &f);
	put_head(&head, r, p, fm, &f);
	size_t start = out->len;
	buf_addc(out, (char)TAG);
	put_u(out, (uint32_t)head.len);
	buf_add(out, head.data, head.len);
	size_t head_len = out->len - start;
	buf_fini(&head);
	put_facts(out, r, &f);
	facts_fini(&f);
	put_paras(out, r, p);
	return head_len;
}

/* ---- reading ---- */

struct reader {
	const uint8_t *p, *end;
	int bad;
};

static uint32_t get_u(struct reader *rd)
{
	uint32_t v = 0;
	const uint8_t *q = rd->bad ? NULL : index_blob_get_varint(rd->p, rd->end, &v);
	if (!q) {
		rd->bad = 1;
		return 0;
	}
	rd->p = q;
	return v;
}

static int get_id(struct reader *rd)
{
	return (int)get_u(rd) - 1;
}

static struct digest_str get_str(struct reader *rd)
{
	uint32_t k = get_u(rd);
	if (k == 0 || rd->bad)
		return (struct digest_str){ NULL, 0 };
	if (k - 1 > (size_t)(rd->end - rd->p)) {
		rd->bad = 1;
		return (struct digest_str){ NULL, 0 };
	}
	struct digest_str s = { (const char *)rd->p, k - 1 };
	rd->p += k - 1;
	return s;
}

/* What put_text put, decoded into d->text (room for TEXTCODE_GROWTH times the bytes left). */
static struct digest_str get_text(struct reader *rd, struct digest *d)
{
	uint32_t k = get_u(rd);
	if (k == 0 || rd->bad)
		return (struct digest_str){ NULL, 0 };
	size_t n;
	if (k - 1 > (size_t)(rd->end - rd->p) || (n = textcode_decode(rd->p, k - 1, d->text + d->text_len)) == SIZE_MAX) {
		rd->bad = 1;
		return (struct digest_str){ NULL, 0 };
	}
	struct digest_str s = { d->text + d->text_len, n };
	rd->p += k - 1;
	d->text_len += n;
	return s;
}

/* A count of items of at least `min` bytes each, refused when the bytes left cannot hold them. */
static size_t get_count(struct reader *rd, size_t min)
{
	uint32_t n = get_u(rd);
	if ((size_t)n > (size_t)(rd->end - rd->p) / min)
		rd->bad = 1;
	return rd->bad ? 0 : n;
}

/* A count stored plus one (0: none kept), checked as get_count checks a count. */
static size_t get_count_kept(struct reader *rd, size_t min)
{
	uint32_t n = get_u(rd);
	if (n && (size_t)n - 1 > (size_t)(rd->end - rd->p) / min)
		rd->bad = 1;
	return rd->bad ? 0 : n;
}

/* A section's ranges, its start counted from the start of the one before. */
static void get_ranges(struct reader *rd, struct digest_section *s, size_t last)
{
	s->start = last + get_u(rd);
	s->end = s->start + get_u(rd);
	s->number_start = s->start + get_u(rd);
	s->number_end = s->number_start + s->number.n;
}

static void get_sections(struct reader *rd, struct digest *d)
{
	d->nsections = get_count(rd, 7);
	uint32_t ranges = get_u(rd);
	rd->bad |= ranges > 1;
	d->ranges_kept = ranges == 1;
	d->sections = d->nsections ? xcalloc(d->nsections, sizeof *d->sections) : NULL;
	for (size_t i = 0, last = 0; i < d->nsections && !rd->bad; i++) {
		struct digest_section *s = &d->sections[i];
		s->level = (int)get_u(rd);
		s->parent = get_id(rd);
		s->part = get_id(rd);
		s->topic = get_id(rd);
		s->topic2 = get_id(rd);
		s->number = get_str(rd);
		s->title = get_str(rd);
		if (d->ranges_kept) {
			get_ranges(rd, s, last);
			last = s->start;
		}
		if (s->parent >= (int)i)
			rd->bad = 1;   /* pre-order: a parent comes first */
	}
}

/* A computed fact's sources come before it (facts_compute appends). */
static void get_computed(struct reader *rd, struct digest_fact *f, size_t i)
{
	size_t n = get_u(rd);
	f->computed = n > 0;
	if (!n)
		return;
	f->nalso = n - 1;
	if (f->nalso > sizeof f->also / sizeof *f->also) {
		rd->bad = 1;
		return;
	}
	f->from[0] = get_u(rd);
	f->from[1] = get_u(rd);
	for (size_t k = 0; k < f->nalso; k++)
		f->also[k] = get_u(rd);
	for (size_t k = 0; k < f->nalso; k++)
		rd->bad |= f->also[k] >= i;
	rd->bad |= f->from[0] >= i || f->from[1] >= i;
}

static double get_value(struct reader *rd)
{
	uint32_t k = get_u(rd);
	double v = 0;
	if (k)
		return (double)(k >> 1);
	if ((size_t)(rd->end - rd->p) < sizeof v) {
		rd->bad = 1;
		return 0;
	}
	memcpy(&v, rd->p, sizeof v);
	rd->p += sizeof v;
	return v;
}

static size_t get_delta(struct reader *rd, size_t from)
{
	uint32_t k = get_u(rd);
	size_t d = k >> 1;
	if ((k & 1) && d > from)
		rd->bad = 1;
	return rd->bad ? 0 : k & 1 ? from - d : from + d;
}

/* What put_within put: a string in base or one of its own. */
static struct digest_str get_within(struct reader *rd, struct digest_str base)
{
	uint32_t k = get_u(rd);
	if (k < 2)
		return k ? get_str(rd) : (struct digest_str){ NULL, 0 };
	size_t off = k - 2, n = get_u(rd);
	if (off > base.n || n > base.n - off) {
		rd->bad = 1;
		return (struct digest_str){ NULL, 0 };
	}
	return (struct digest_str){ base.s + off, n };
}

/* What put_unit put: the unit of the fact k back, or one of its own. */
static struct digest_str get_unit(struct reader *rd, const struct digest_fact *facts, size_t i)
{
	uint32_t k = get_u(rd);
	if (k == 0)
		return get_str(rd);
	if (k - 1 > i || k - 1 > UNIT_BACK) {
		rd->bad = 1;
		return (struct digest_str){ NULL, 0 };
	}
	return facts[i - (k - 1)].unit;
}

/* The n facts the head counted. */
static void get_facts(struct reader *rd, struct digest *d, size_t n)
{
	d->nfacts = n;
	if (d->nfacts > (size_t)(rd->end - rd->p) / 11)
		rd->bad = 1;
	if (rd->bad)
		d->nfacts = 0;
	d->facts = d->nfacts ? xcalloc(d->nfacts, sizeof *d->facts) : NULL;
	/* the sentences' code is in the bytes left, and decodes to at most TEXTCODE_GROWTH times as many */
	d->text = d->nfacts ? xmalloc(TEXTCODE_GROWTH * (size_t)(rd->end - rd->p)) : NULL;
	size_t stated = 0, last_start = 0;
	for (size_t i = 0; i < d->nfacts && !rd->bad; i++) {
		struct digest_fact *f = &d->facts[i];
		f->metric = (int)get_u(rd);
		f->value = get_value(rd);
		f->section = get_id(rd);
		f->text = get_text(rd, d);
		if (!f->text.s) {   /* the sentence of the fact before */
			if (i == 0)
				rd->bad = 1;
			else
				f->text = d->facts[i - 1].text;
		}
		f->start = last_start = get_delta(rd, last_start);
		f->end = get_delta(rd, f->start);
		f->value_text = get_within(rd, f->text);
		f->unit = get_unit(rd, d->facts, i);
		f->figure = get_within(rd, f->text);
		f->period = get_within(rd, f->text);
		get_computed(rd, f, i);
		stated += !f->computed;
		if (f->section >= (int)d->nsections || f->metric < 0)
			rd->bad = 1;
	}
	rd->bad |= stated != d->nfacts_stated;   /* the head's count is the facts' */
}

/* Paragraphs in text order, none overlapping the one before. */
static void get_paras(struct reader *rd, struct digest *d)
{
	size_t n = get_count_kept(rd, 3);
	d->paras_kept = n > 0;
	d->nparas = n ? n - 1 : 0;
	d->paras = d->nparas ? xcalloc(d->nparas, sizeof *d->paras) : NULL;
	size_t last = 0;
	for (size_t i = 0; i < d->nparas && !rd->bad; i++) {
		struct digest_para *q = &d->paras[i];
		q->part = (int)get_u(rd);
		q->start = last + get_u(rd);
		q->end = q->start + get_u(rd);
		last = q->end;
		rd->bad |= q->part < 0 || q->part >= CLASSIFY_PREAMBLE;
	}
}

/* The head's fields (after its length) up to rd->end; *nfacts the facts the rest holds. */
static void get_head_fields(struct reader *rd, struct digest *d, size_t *nfacts)
{
	d->title = get_str(rd);
	d->region = get_str(rd);
	d->issuer = get_str(rd);
	d->doc_number = get_str(rd);
	d->published = get_str(rd);
	d->year = (int)get_u(rd);
	d->level = (int)get_u(rd);
	d->body_chars = get_u(rd);
	d->parts_headed = get_u(rd);
	d->parts_unheaded = get_u(rd);
	d->body_start = get_u(rd);
	d->body_end = d->body_start + get_u(rd);
	get_sections(rd, d);
	d->nwarnings = get_count(rd, 2);
	d->warnings = d->nwarnings ? xcalloc(d->nwarnings, sizeof *d->warnings) : NULL;
	for (size_t i = 0; i < d->nwarnings && !rd->bad; i++) {
		d->warnings[i].kind = (int)get_u(rd);
		d->warnings[i].message = get_str(rd);
	}
	size_t n = get_u(rd);
	d->facts_kept = n > 0;
	*nfacts = n ? n - 1 : 0;
	d->nfacts_stated = get_u(rd);
	rd->bad |= d->nfacts_stated > *nfacts;
	d->page_forms = get_u(rd);
}

/* The tag and the head, which must end where its length says; rd is left after it. */
static void get_head(struct reader *rd, struct digest *d, size_t *nfacts)
{
	if (rd->p == rd->end || *rd->p++ != TAG) {
		rd->bad = 1;
		return;
	}
	size_t len = get_u(rd);
	if (rd->bad || len > (size_t)(rd->end - rd->p)) {
		rd->bad = 1;
		return;
	}
	struct reader head = { rd->p, rd->p + len, 0 };
	get_head_fields(&head, d, nfacts);
	rd->bad |= head.bad || head.p != head.end;
	rd->p = head.end;
}

int digest_decode_head(const void *p, size_t n, struct digest *d)
{
	digest_fini(d);
	struct reader rd = { p, (const uint8_t *)p + n, 0 };
	size_t nfacts;
	get_head(&rd, d, &nfacts);
	d->head_only = 1;
	if (rd.bad) {
		digest_fini(d);
		return -1;
	}
	return 0;
}

int digest_decode(const void *p, size_t n, struct digest *d)
{
	digest_fini(d);
	struct reader rd = { p, (const uint8_t *)p + n, 0 };
	size_t nfacts = 0;
	get_head(&rd, d, &nfacts);
	get_facts(&rd, d, nfacts);
	get_paras(&rd, d);
	if (rd.bad || rd.p != rd.end) {
		digest_fini(d);
		return -1;
	}
	return 0;
}

void digest_fini(struct digest *d)
{
	free(d->sections);
	free(d->warnings);
	free(d->facts);
	free(d->paras);
	free(d->text);
	memset(d, 0, sizeof *d);
}

/* ---- a report of the text alone, with the digest's parse ---- */

/* Whether the ranges of d fit text[0..len): its body, its sections, and each number's bytes
 * those of the text. */
static int fits(const struct digest *d, const char *text, size_t len)
{
	if (!d->ranges_kept || d->body_start > d->body_end || d->body_end > len)
		return 0;
	for (size_t i = 0; i < d->nsections; i++) {
		const struct digest_section *s = &d->sections[i];
		if (s->end > len || s->number_end > s->end ||
		    (s->number.n && memcmp(text + s->number_start, s->number.s, s->number.n) != 0))
			return 0;
	}
	return 1;
}

static char *dup_or_null(struct digest_str s)
{
	return s.s ? xstrndup(s.s, s.n) : NULL;
}

static void fill_meta(const struct digest *d, struct report_meta *m)
{
	m->title = dup_or_null(d->title);
	m->region = dup_or_null(d->region);
	m->issuer = dup_or_null(d->issuer);
	m->doc_number = dup_or_null(d->doc_number);
	if (d->published.s && d->published.n < sizeof m->published)
		memcpy(m->published, d->published.s, d->published.n);
	m->year = d->year;
	m->level = d->level;
}

int digest_fill_report(const struct digest *d, struct report *r)
{
	if (!fits(d, r->text, r->len))
		return -1;
	fill_meta(d, &r->meta);
	r->body_start = d->body_start;
	r->body_end = d->body_end;
	r->sections = d->nsections ? xcalloc(d->nsections, sizeof *r->sections) : NULL;
	r->nsections = d->nsections;
	for (size_t i = 0; i < d->nsections; i++) {
		const struct digest_section *s = &d->sections[i];
		r->sections[i] = (struct section){
			.level = s->level, .parent = s->parent,
			.number_start = s->number_start, .number_end = s->number_end,
			.title_start = s->number_end, .title_end = s->number_end,
			.head_start = s->number_end, .head_end = s->number_end,
			.start = s->start, .end = s->end,
			.para = -1, .part = s->part, .topic = s->topic, .topic2 = s->topic2,
		};
	}
	return 0;
}
