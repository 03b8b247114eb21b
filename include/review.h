/* review.h — the evaluation of one report: its overview row and what a check against the rule on these reports finds. */
#ifndef FAZHI_REVIEW_H
#define FAZHI_REVIEW_H

#include <stddef.h>

#include "classify.h"
#include "facts.h"
#include "report.h"

/* The rule (《法治政府建设与责任落实督察工作规定》) has a report cover measures and results,
 * shortcomings, how the principal leaders performed their duty, and next year's plans, and be
 * published in the first quarter of the next year. These are the four required parts, as bits
 * 1 << enum classify_part. */
#define REVIEW_REQUIRED_PARTS                                                                   \
	(1u << CLASSIFY_MEASURES | 1u << CLASSIFY_PROBLEMS | 1u << CLASSIFY_LEADER_DUTY | 1u << CLASSIFY_PLANS)

/* The day of the year after the reported one by which a report is due: 03-31 by default. */
struct review_deadline {
	int month, day;
};
#define REVIEW_DEADLINE_DEFAULT ((struct review_deadline){ 3, 31 })

/* Reads "MM-DD" (a day that exists in a leap year). Returns 0, or -1 leaving *d unchanged. */
int review_deadline_parse(const char *s, struct review_deadline *d);

enum review_timeliness {
	REVIEW_TIME_UNKNOWN,   /* no publication date or no year */
	REVIEW_TIME_ON_TIME,   /* published on or before the deadline of the year after */
	REVIEW_TIME_LATE
};

/* Whether a report on `year` published on `published` (YYYY-MM-DD, "" unknown) met deadline d. */
int review_timeliness(int year, const char *published, struct review_deadline d);

/* The state of one required part in a report. */
enum review_part_state {
	REVIEW_PART_MISSING,   /* nowhere */
	REVIEW_PART_UNHEADED,  /* only in paragraphs of other parts' chapters */
	REVIEW_PART_HEADED     /* a section is given to it */
};

/* One row of the overview table. Plain values only, so that a row can be filled from a parse
 * (review_row_fill) or from metadata kept elsewhere (an index). Strings are borrowed from
 * whoever filled the row and live as long as it says. */
struct review_row {
	const char *path;        /* the file as given */
	const char *failed;      /* why the file could not be read, or NULL: the rest is then empty */
	const char *region;      /* NULL unknown; not NUL-terminated when filled from a digest */
	size_t region_len;
	int level;               /* enum report_level */
	int year;                /* reported on; 0 unknown */
	char published[11];      /* YYYY-MM-DD, or "" */
	int timeliness;          /* enum review_timeliness */
	size_t chars;            /* characters of the body, blanks left out */
	size_t chapters;         /* top-level sections */
	unsigned parts_headed;   /* required parts a section is given to, bits 1 << part */
	unsigned parts_unheaded; /* required parts only paragraphs carry */
	size_t facts;            /* figures stated (computed ones left out) */
	unsigned warnings;       /* the kinds of report warnings, bits 1 << enum report_warning_kind */
	size_t nwarnings;        /* every report warning */
};

/* Classifies r with cm, filling paras (zeroed, or used before: it is reused), and appends the
 * facts fm finds in it to facts: what the row and the check read of a report. */
void review_read(const struct classify_model *cm, const struct facts_model *fm, struct report *r,
                 struct classify_paras *paras, struct facts *facts);

/* Fills row from a parsed and classified report (paras as filled by classify_report_with; may be
 * NULL: no unheaded parts are then known) and the number of facts stated in it. */
void review_row_fill(struct review_row *row, const struct report *r, const struct classify_paras *paras,
                     size_t nfacts, struct review_deadline d);
/* Fills the same row from the digest of that report (digest.h), its head alone enough
 * (digest_decode_head), without its text; the strings
 * are borrowed from dg's bytes. Returns -1, leaving row unfilled, when dg kept no facts
 * (facts_kept 0): the report is then to be read for its row. */
struct digest;
int review_row_from_digest(struct review_row *row, const char *path, const struct digest *dg,
                           struct review_deadline d);
/* The characters of r's body, blanks left out: the row's chars, kept by the digest too. */
size_t review_body_chars(const struct report *r);
/* A row for a file that could not be read; both strings borrowed. */
void review_row_failed(struct review_row *row, const char *path, const char *reason);

/* The state of required part `part` (enum classify_part) in a row. */
int review_row_part(const struct review_row *row, int part);

/* The columns of the table, in their stable order: file status region level year published
 * on_time chars chapters measures problems leader_duty plans facts warnings reason. */
enum review_column {
	REVIEW_COL_FILE, REVIEW_COL_STATUS, REVIEW_COL_REGION, REVIEW_COL_LEVEL, REVIEW_COL_YEAR,
	REVIEW_COL_PUBLISHED, REVIEW_COL_ON_TIME, REVIEW_COL_CHARS, REVIEW_COL_CHAPTERS,
	REVIEW_COL_MEASURES, REVIEW_COL_PROBLEMS, REVIEW_COL_LEADER_DUTY, REVIEW_COL_PLANS,
	REVIEW_COL_FACTS, REVIEW_COL_WARNINGS, REVIEW_COL_REASON,
	REVIEW_NCOLUMNS
};
/* The column's name ("on_time"); NULL out of range. */
const char *review_column_name(int col);
/* 1 when the column holds a number (year, chars, chapters, facts), 0 when it holds text. */
int review_column_numeric(int col);

struct buf;
/* Appends the text of one cell: numbers in decimal, "" for an unknown value (year 0, no date,
 * no region), on_time "yes"/"no"/"", status "ok"/"failed", a part "headed"/"unheaded"/"missing",
 * warnings their names joined by ';' (numbering;no_year). Text from reports is as read (clean
 * UTF-8); escape it for the output it goes to. */
void review_cell(struct buf *b, const struct review_row *row, int col);

/* Orders two rows by a column (numbers as numbers, unknown last; text bytewise, then by file):
 * for qsort-style sorting of a table view. */
int review_row_cmp(const struct review_row *a, const struct review_row *b, int col);

/* ---- check ---- */

enum review_kind {
	REVIEW_MISSING_PART,  /* missing_part: a required part absent, or present without a heading */
	REVIEW_NUMBERING,     /* numbering: headings or points out of sequence, a level skipped */
	REVIEW_YEAR,          /* year: none stated, or title, body and date disagree */
	REVIEW_TITLE,         /* title: none, or one that names no report */
	REVIEW_LATE,          /* late: published after the deadline */
	REVIEW_FIGURES,       /* figures: figures that contradict each other */
	REVIEW_REPEATED,      /* repeated: a section whose text stands in another report */
	REVIEW_NKINDS
};

enum review_severity {
	REVIEW_ERROR,         /* the rule is not met, or the report contradicts itself */
	REVIEW_WARNING        /* probably a slip: worth a look before publishing */
};

struct review_finding {
	int kind;             /* enum review_kind */
	int severity;         /* enum review_severity */
	size_t at;            /* byte offset in the report's text it concerns (the body's start when
	                       * it concerns the whole report) */
	char message[240];    /* one line, UTF-8, naming the text it concerns */
};

/* A growable list; zeroed is empty; the caller owns it and frees it with review_findings_fini. */
struct review_findings {
	struct review_finding *v;
	size_t n, cap;
};
void review_findings_fini(struct review_findings *f);

/* Names: "missing_part" … "repeated"; "error", "warning". NULL out of range. */
const char *review_kind_name(int kind);
const char *review_severity_name(int severity);

/* Appends what a check finds in one report: missing parts (paras may be NULL as for
 * review_row_fill), numbering errors (the parser's warnings, skipped levels, top-level ordinals
 * out of sequence), a missing or contradictory year or title (the words of chapter headings are
 * read with classify_default), publication after deadline d, and figures that contradict each
 * other in facts (as facts_extract gave them for r, model m: a part above its whole in one
 * paragraph, 受理 above 收到, by the catalogue's within lines; parts apart from each other
 * summing past their whole, 维持 + 驳回 + 纠错 + 终止 above 审结, by its sum lines, when each is
 * stated once in the paragraph and all in one unit; a proportion over 100 %; sub-items of a
 * figure, 其中…, summing past it). Returns the number added. */
size_t review_check(const struct report *r, const struct classify_paras *paras, const struct facts_model *m,
                    const struct facts *facts, struct review_deadline d, struct review_findings *out);

/* The sentences of several reports (this year's, last year's, a neighbour's), cut and
 * fingerprinted by align.h, to find the sections one took from another. Reports are borrowed:
 * they must outlive the set. Opaque. */
struct review_sentences;
struct review_sentences *review_sentences_new(void);
void review_sentences_free(struct review_sentences *s);
/* Adds report r; returns its id (0, 1 … in the order added). */
int review_sentences_add(struct review_sentences *s, const struct report *r);

/* Appends a finding for each section of report id whose text stands in another report of s:
 * most of its long sentences are found there, as align.h finds them: word for word, with only
 * their figures changed (2022年办理30件 → 2023年办理45件), or reworded a little (a near match);
 * the message names the report holding most of them. A repeated chapter is named once, not with
 * each of its sections. Returns the number added. Time: the exact pass (fingerprints) against
 * each other report of s, the near pass against the three that share most sentences with it;
 * for a draft and a few reports beside it, not for a whole corpus. */
size_t review_check_repeated(const struct review_sentences *s, int id, struct review_findings *out);

/* Sorts findings by position, keeping the order of those at one place. */
void review_findings_sort(struct review_findings *f);

#endif
