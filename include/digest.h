/* digest.h — what the corpus views need of one report, without its text: metadata, chapter tree with PART/TOPIC, parts covered, warnings, facts and the paragraphs of each part, as bytes the index keeps, with a head a row can be read from alone. */
#ifndef FAZHI_DIGEST_H
#define FAZHI_DIGEST_H

#include <stddef.h>

#include "report.h"

/* The contract. A digest is made from a parsed report (digest_of), stored as bytes in the cached
 * index (one byte range per report, reached with index_digest, index.h), and read back with
 * digest_decode. The bytes open with a head: what a row of the overview needs (the metadata,
 * sections, parts covered, warnings and the number of facts), so that a reader of rows reads,
 * checks and decodes that prefix alone (index_digest_head, digest_decode_head) and never the
 * facts and paragraphs after it. The facts' sentences, most of a digest's bytes, are kept in a
 * compact code (textcode.h) and decoded into the digest (text): they and the strings found in
 * them (a fact's value as printed, figure, period) live until digest_fini. Every other string
 * points into the bytes it was decoded from, so it lives as long as they do (for the index:
 * until index_free). Strings are not NUL-terminated: use their length; s is NULL when the report does
 * not state the field (a title never read, no period), and {"", 0} only for a stated empty value.
 *
 * Ids depend on the tables the digest was made with: metric is an index into the facts catalogue
 * (facts.h), part and topic are classify.h ids. The cached index is keyed on those tables
 * (FAZHI_METRICS, FAZHI_TAXONOMY and the compiled-in assets), so the digests of a cache always
 * match the tables loaded now. A digest made without a catalogue keeps no facts; one of a report
 * not classified has part, topic and topic2 -1 and parts covered 0.
 *
 * Offsets (fact start/end, the body's range, the sections' ranges) are byte offsets into the
 * report's text, as facts.h and report.h give them: with the text alone (corpus_read_text) the
 * head stands in for the parse where a view needs no paragraphs (digest_fill_report). */

struct digest_str {
	const char *s;   /* NULL: not stated */
	size_t n;
};

struct digest_section {
	int level, parent;            /* as struct section: 1 一、 … 5 ①; parent -1 at top level */
	int part, topic, topic2;      /* classify.h ids, -1 when none */
	struct digest_str number;     /* the bare numeral as written: 一, 3 */
	struct digest_str title;      /* heading text without ordinal (report_add_joined form) */
	size_t start, end;            /* the whole section's byte range in the text (struct section) */
	size_t number_start, number_end; /* number's byte range in the text */
};

struct digest_warning {
	int kind;                     /* enum report_warning_kind */
	struct digest_str message;
};

/* A paragraph of a part: what trend_split_parts (trend.h) takes from the parse and the
 * classification, so that the parts' sentences are cut from the report's text alone. */
struct digest_para {
	int part;                     /* enum classify_part, CLASSIFY_MEASURES .. CLASSIFY_OTHER */
	size_t start, end;            /* the paragraph's byte range in the report's text (struct para) */
};

struct digest_fact {
	int metric;                   /* index into the catalogue */
	double value;
	struct digest_str value_text; /* the value as printed: "97.82" */
	struct digest_str unit;       /* counter[|qualifier;...] as facts_fact.unit */
	int section;                  /* deepest section holding it, -1 in the preamble */
	struct digest_str text;       /* the sentence, without the blanks opening its line and its line end */
	size_t start, end;            /* byte range of that text in the report (end: facts_fact.end) */
	struct digest_str figure;     /* the figure as written, qualifiers included */
	struct digest_str period;     /* the reporting period the sentence states; s NULL when none */
	int computed;                 /* 1: a rate computed from other facts (facts_compute); its unit is
	                               * "%|computed", its start the one facts.h gives (not trimmed) */
	size_t from[2];               /* of a computed fact: the facts (indices here) it came from, */
	size_t also[3], nalso;        /* numerator and denominator, and more numerator facts */
};

/* A decoded digest; zeroed is empty; the arrays and the sentences' text are owned (digest_fini
 * frees them), the other strings are borrowed from the bytes decoded. */
struct digest {
	struct digest_str title, region, issuer, doc_number;
	struct digest_str published;  /* YYYY-MM-DD, s NULL when not stated */
	int year, level;              /* 0 unknown; enum report_level */
	size_t body_chars;            /* characters of the body, blanks left out (review_body_chars) */
	unsigned parts_headed;        /* bits 1 << part: classify_parts_covered's headed ... */
	unsigned parts_unheaded;      /* ... and unheaded parts */
	size_t body_start, body_end;  /* report.body_start, body_end: the report proper */
	struct digest_section *sections;   /* pre-order, as report.sections */
	size_t nsections;
	int ranges_kept;                   /* 1: the sections' byte ranges were recorded (0: the parse
	                                    * gave ranges out of document order; start, end, number_start
	                                    * and number_end are then 0) */
	struct digest_warning *warnings;
	size_t nwarnings;
	int facts_kept;                    /* 0: the facts were not extracted (see digest_of) */
	size_t nfacts_stated;              /* of the facts, those stated (not computed): in the head */
	unsigned page_forms;               /* report.page_forms: how its text file is read back */
	int head_only;                     /* 1: decoded by digest_decode_head: facts and paragraphs
	                                    * were not read (nfacts, nparas 0) */
	struct digest_fact *facts;         /* in text order */
	size_t nfacts;
	int paras_kept;                    /* 0: the paragraphs' parts were not recorded (not classified) */
	struct digest_para *paras;         /* the paragraphs of a regulated part, in text order */
	size_t nparas;
	char *text;                        /* the facts' sentences, decoded from the text code that
	                                    * keeps them (textcode.h); text_len bytes of it in use */
	size_t text_len;
};

struct buf;
struct classify_paras;
struct facts_model;

/* The version of what a digest says of a text: raised whenever the parser, the classifier or
 * the facts read the same text differently, so that a cache made by an older fazhi is made
 * again rather than answering with what that one read (the cache key holds it). */
#define DIGEST_READING 253

/* The facts are those facts_extract finds followed by those facts_compute adds. The paragraphs
 * are those p gives a regulated part (MEASURES .. OTHER); none are recorded (paras_kept 0) when
 * p is NULL or empty for a report with paragraphs (the cue table could not be loaded). */
/* Appends the digest of r to out, with the classes its sections hold (classify_report_with) and
 * the parts covered by them and by p, the paragraphs' classes (NULL: r not classified; the
 * parts covered are then 0). fm NULL: the facts are not extracted (facts_kept 0), as the index
 * does for a report whose body exceeds DIGEST_FACTS_MAX: extracting them takes several bytes of
 * scratch per byte of a sentence, so `fazhi facts` parses such a report when asked. */
#define DIGEST_FACTS_MAX ((size_t)4 << 20)

/* Returns the bytes of its head (see above), the prefix digest_decode_head reads. */
size_t digest_of(const struct report *r, const struct classify_paras *p, const struct facts_model *fm,
               struct buf *out);

/* Reads the digest in p[0..n) into d (whose arrays it replaces; d zeroed or decoded before).
 * Returns 0, or -1 when the bytes are not a whole digest (d is then empty). */
int digest_decode(const void *p, size_t n, struct digest *d);
/* Reads the head of the digest in p[0..n), a head alone or a whole digest, into d (head_only
 * set): the fields up to nfacts_stated. Returns 0, or -1 when the bytes do not open with a whole
 * head (d is then empty). */
int digest_decode_head(const void *p, size_t n, struct digest *d);
/* The start facts.h gives fact f of report r (facts_fact.start), whose sentence the digest keeps
 * without its opening blanks: a sentence opens right after the end of the one before (or at the
 * body's start), so the blanks before the digest's start lead back to it. */
size_t digest_fact_start(const struct digest_fact *f, const struct report *r);
void digest_fini(struct digest *d);

/* Gives r, the text alone of the report d was made of (corpus_read_text: path, text and len),
 * what d's head keeps of its parse: the metadata (title, region, issuer, document number,
 * published, year, level), the body's range and the chapter tree with the byte ranges of the
 * sections and their numbers. That is what a search result is printed with (index_result_snippets,
 * report_section_at and the breadcrumbs of the numbers). The sections' heading ranges (title_*,
 * head_*) are empty at their number's end and para is -1; no paragraphs or warnings are made.
 * r owns what is added (report_free). Returns 0, or -1 when d kept no ranges or they do not fit
 * r's text (a number's bytes differ from the text's): r is then left as it was. */
int digest_fill_report(const struct digest *d, struct report *r);

#endif
