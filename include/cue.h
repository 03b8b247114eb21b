/* cue.h — finding many short phrases in Chinese text at once, full-width forms folded to ASCII. */
#ifndef FAZHI_CUE_H
#define FAZHI_CUE_H

#include <stddef.h>
#include <stdint.h>

#include "encoding.h"

/* The next character of UTF-8 s[*i..n), advancing *i; full-width forms U+FF01–U+FF5E read as
 * their ASCII twins (，→ ,  （→ (  ５→ 5) and U+3000 as a space. Invalid bytes read as U+FFFD.
 * Inline: every scan of a report calls it once a character or more. */
static inline uint32_t cue_char(const char *s, size_t n, size_t *i)
{
	uint32_t c = encoding_next(s, n, i);
	if (c >= 0xff01 && c <= 0xff5e)
		return c - 0xfee0;
	return c == 0x3000 ? ' ' : c;
}

/* End of the phrase p[0..pn) matched at s[i..n) with folding, or 0 when it does not match there. */
size_t cue_match_at(const char *s, size_t n, size_t i, const char *p, size_t pn);

/* First offset >= from where p[0..pn) matches in s[0..n), or (size_t)-1. */
size_t cue_find_one(const char *s, size_t n, size_t from, const char *p, size_t pn);

/* A set of phrases, each with an integer the caller chooses. Opaque; owns its phrases. */
struct cue_set;

struct cue_set *cue_set_new(void);
void cue_set_free(struct cue_set *c);
/* Adds a phrase (folded on the way in); adding one that is already there replaces its data. */
void cue_set_add(struct cue_set *c, const char *p, size_t pn, int data);
size_t cue_set_count(const struct cue_set *c);
/* 1 with the phrase's data in *data when the set holds p[0..pn) (folded), else 0. */
int cue_set_find(const struct cue_set *c, const char *p, size_t pn, int *data);

struct cue_hit {
	size_t start, end;   /* byte range in the searched text */
	int data;            /* the phrase's data */
};

/* Reusable list of hits; zeroed is empty; the caller frees with cue_hits_fini. */
struct cue_hits {
	struct cue_hit *v;
	size_t n, cap;
};
void cue_hits_fini(struct cue_hits *h);

/* Replaces *out with every occurrence in s[0..n) of a phrase of the set, in text order, except
 * those lying inside a longer occurrence (longest match wins). Returns out->n. */
size_t cue_set_scan(const struct cue_set *c, const char *s, size_t n, struct cue_hits *out);

/* Replaces *out with every occurrence in s[0..n) of every phrase of the set, nested and
 * overlapping ones included, by start (each byte that does not continue a UTF-8 sequence is a
 * start); phrases starting at the same byte come in (bytes) order. Returns out->n. */
size_t cue_set_scan_all(const struct cue_set *c, const char *s, size_t n, struct cue_hits *out);

#endif
