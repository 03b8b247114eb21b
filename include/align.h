/* align.h — repeated text between two versions of a part: sentences cut, normalised, fingerprinted and aligned. */
#ifndef FAZHI_ALIGN_H
#define FAZHI_ALIGN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* How a part of this year's report is found in last year's, sentence by sentence.
 *
 * Sentences. A text is cut after 。！？； (and their ASCII forms ! ? ;) and at line ends. The
 * ASCII full stop does not cut: it is the decimal point of 97.82%.
 *
 * Normal form. Each sentence is folded (fold.h), and everything but letters and digits is
 * dropped: blanks, punctuation, symbols. Within the normal form every run of digits stands for
 * one figure; the fingerprint masks it, so "2022年办理30件" and "2023年办理45件" have the same
 * fingerprint. That is the decision on changed figures: a sentence whose words were copied and
 * whose figures were updated counts as repeated (kind ALIGN_FIGURES), since the wording is what
 * was copied; the kind tells it from a sentence repeated figures and all (ALIGN_SAME). Figures
 * written in Chinese numerals (三十件) are words here; a changed one can still make the sentence
 * a near match.
 *
 * Fingerprints. A sentence's fingerprint is a 64-bit hash of its masked normal form, a hash of
 * its figures alone and its length in characters of the normal form (figures kept). They are
 * all the exact pass needs, so an index can store them per part and align two reports without
 * their text. The near pass needs the normal forms, which align_text keeps.
 *
 * Alignment. A sentence of this year's text is repeated when it stands in last year's: first
 * when a sentence there has its fingerprint (exact after normalising, figures masked); else when
 * the similarity of its character bigrams (of the masked normal forms, as multisets) with one
 * there is at least ALIGN_NEAR_MIN by the Dice coefficient 2|A∩B| / (|A| + |B|). Bigrams and not
 * words, because Chinese is written without spaces; per sentence and not over the whole part,
 * so that a part made of last year's phrases in new sentences is not counted as repeated. Only
 * sentences of at least ALIGN_NEAR_CHARS characters are matched near-exactly: a short one that
 * differs is a different sentence. Several sentences may stand for one sentence of last year.
 * Order does not matter: shuffled sentences are still repeated. */

#define ALIGN_NEAR_MIN 0.8      /* Dice similarity of bigrams from which two sentences match */
#define ALIGN_NEAR_CHARS 8      /* the shortest sentence (characters) that may match near-exactly */

/* One sentence: its place in the text it was cut from, and its fingerprint. */
struct align_sentence {
	size_t start, end;   /* byte range in the source text: the sentence and its terminator, blanks trimmed */
	uint64_t hash;       /* FNV-1a of the normal form with each figure masked */
	uint64_t figures;    /* FNV-1a of its figures in order (0 when it has none) */
	uint32_t len;        /* characters of the normal form, figures kept: the weight in a share */
};

/* The sentences of one text (a part may be added piece by piece: its paragraphs). Zeroed is
 * empty; the caller owns it and frees it with align_text_fini. */
struct align_text {
	struct align_sentence *v;
	size_t n, cap;
	struct buf norm;     /* masked normal forms, one after another */
	size_t *norm_at;     /* sentence i's normal form is norm.data[norm_at[i] .. norm_at[i + 1]) */
	size_t norm_cap;
	struct buf scratch;  /* folding scratch */
	size_t chars;        /* sum of len: the characters of the text */
};
void align_text_fini(struct align_text *t);

/* Cuts s[0..n) into sentences and appends those with at least one letter or digit; their
 * ranges are counted from s plus `base` (so they point into a report's text). */
void align_text_add(struct align_text *t, const char *s, size_t n, size_t base);

/* How a sentence of this year stands in last year's text. */
enum align_kind {
	ALIGN_SAME,      /* the same normal form, figures included */
	ALIGN_FIGURES,   /* the same words, other figures (2022 → 2023, 30件 → 45件) */
	ALIGN_NEAR       /* bigram similarity at least ALIGN_NEAR_MIN */
};

struct align_match {
	size_t sentence;     /* index into the aligned text's sentences */
	size_t other;        /* index into last year's sentences: the best match */
	int kind;            /* enum align_kind */
	double similarity;   /* 1 for SAME and FIGURES, the Dice coefficient for NEAR */
};

/* The repeated sentences of a text, in its order. Zeroed is empty; owned by the caller, freed
 * with align_result_fini; align_texts resets it before filling it. */
struct align_result {
	struct align_match *v;
	size_t n, cap;
	size_t chars;        /* characters of the text */
	size_t repeated;     /* characters of its repeated sentences */
};
void align_result_fini(struct align_result *r);

/* Aligns text `now` against `before`: every sentence of now that stands in before. */
void align_texts(const struct align_text *now, const struct align_text *before, struct align_result *out);

/* The exact pass alone, from fingerprints such as an index stores (ranges unused): the sentences
 * of now[0..n) whose fingerprint one of before[0..m) has (ALIGN_SAME or ALIGN_FIGURES). Its share
 * is a lower bound of align_texts' on the same texts, which adds the near matches. */
void align_fingerprints(const struct align_sentence *now, size_t n, const struct align_sentence *before, size_t m,
			struct align_result *out);

/* repeated / chars: the share of the text that stands in the other; 0 for an empty text. */
double align_share(const struct align_result *r);

#endif
