/* classify.h — sorts the sections and paragraphs of a report into PART × TOPIC with a tunable cue table. */
#ifndef FAZHI_CLASSIFY_H
#define FAZHI_CLASSIFY_H

#include <stddef.h>

#include "report.h"

/* The parts a report must contain (厅字〔2019〕28号), in the order of the compare rows.
 * PREAMBLE and NOISE are never given to a section: they name text outside the chapters. */
enum classify_part {
	CLASSIFY_MEASURES,     /* measures: 举措成效 */
	CLASSIFY_PROBLEMS,     /* problems: 问题不足 */
	CLASSIFY_LEADER_DUTY,  /* leader_duty: 第一责任人履职 */
	CLASSIFY_PLANS,        /* plans: 下一年安排 */
	CLASSIFY_OTHER,        /* other: 其他 */
	CLASSIFY_PREAMBLE,     /* preamble: text before the first heading */
	CLASSIFY_NOISE,        /* noise: web furniture that looks like a heading */
	CLASSIFY_NPARTS
};

/* The topics, in the order of the compare rows: GENERAL (part and container headings) first,
 * then the fifteen areas of the taxonomy. NONE is for noise only. */
enum classify_topic {
	CLASSIFY_GENERAL,
	CLASSIFY_LEADERSHIP, CLASSIFY_FUNCTIONS, CLASSIFY_BUSINESS, CLASSIFY_RULES,
	CLASSIFY_DECISION, CLASSIFY_ENFORCEMENT, CLASSIFY_EMERGENCY, CLASSIFY_DISPUTE,
	CLASSIFY_REVIEW, CLASSIFY_SUPERVISION, CLASSIFY_OPENNESS, CLASSIFY_DIGITAL,
	CLASSIFY_PUBLICITY, CLASSIFY_LEGAL_SERVICE, CLASSIFY_GRASSROOTS,
	CLASSIFY_NONE,
	CLASSIFY_NTOPICS
};

/* Names of parts and topics: the id ("review"), and the Chinese label ("行政复议与行政应诉").
 * Static strings; NULL for an id out of range (-1 included). */
const char *classify_part_name(int part);
const char *classify_part_label(int part);
const char *classify_topic_name(int topic);
const char *classify_topic_label(int topic);
/* The id of a name, or -1. */
int classify_part_id(const char *name);
int classify_topic_id(const char *name);

/* A cue table (see assets/taxonomy.tsv for the format). Opaque; immutable once loaded. */
struct classify_model;

/* Reads a table from text[0..n). Returns a new model (free with classify_model_free), or NULL
 * with *cause set ("line N: reason"; caller frees) when a line is malformed. */
struct classify_model *classify_model_new(const char *text, size_t n, char **cause);
void classify_model_free(struct classify_model *m);

/* The model every front end shares: the file named by FAZHI_TAXONOMY when set, else the
 * embedded assets/taxonomy.tsv. Loaded on first use and kept until classify_default_free().
 * Returns NULL with *cause set (caller frees) when FAZHI_TAXONOMY names a bad or missing file. */
const struct classify_model *classify_default(char **cause);
void classify_default_free(void);

/* Per-paragraph result, for what the section tree cannot say: paragraphs after an unheaded
 * part switch (a problems paragraph at the end of a measures chapter, plans announced in running
 * text and then listed as 一是…二是…) carry their own part, 一是… points their own topic, and a
 * paragraph that states measures or figures of another area than its section's (行政复议 figures
 * in a chapter on 执法) names that area in its also mask.
 * Owned by the caller: zero it, pass it to classify_report_with, free it with classify_paras_fini. */
struct classify_paras {
	int *part;       /* per report paragraph: enum classify_part (PREAMBLE before the first heading) */
	int *topic;      /* per report paragraph: enum classify_topic; its own when its text names one
	                  * strongly (a point: its lead sentence), else its section's */
	unsigned *also;  /* per report paragraph: bit 1 << t set when its text names topic t strongly,
	                  * except the topic of the row holding it (its section's, or its own when
	                  * it switched part) */
	size_t n;        /* == report.npara */
	size_t cap;
};
void classify_paras_fini(struct classify_paras *p);

/* A paragraph that does not belong with its section's row: its part differs from the section's
 * (an unheaded switch). The compare view shows such paragraphs in their own row, and a pane that
 * draws the section there leaves them out. */
int classify_para_switched(const struct report *r, const struct classify_paras *p, size_t para);

/* The topics whose rows (under the paragraph's part) list a paragraph as well as the row that
 * holds it: p->also[para], 0 out of range. The paragraph stays in its section's text; these rows
 * show it again for its own area. */
unsigned classify_para_also(const struct classify_paras *p, size_t para);

/* Which parts a classified report covers, as bits 1 << part: *headed those a section is given
 * (a chapter or any heading below one), *unheaded those only paragraphs carry (a problems
 * paragraph at the end of a measures chapter; p may be NULL, leaving *unheaded 0). A part in
 * *headed is never repeated in *unheaded. PREAMBLE and NOISE are never counted. LEADER_DUTY is
 * also unheaded where a paragraph of measures (or the preamble, or other matters) states the
 * duty in its standard phrases (第一责任人; a principal leader, 主要负责人, 主要负责同志, 主要领导
 * or 一把手, followed in the sentence by 述法, 专题研究…法治, 履行…法治, 带头…法治 …), as reports
 * state it done under a chapter of measures; not where problems or plans name it. */
void classify_parts_covered(const struct report *r, const struct classify_paras *p, unsigned *headed,
                            unsigned *unheaded);
/* Whether paragraph para states the leader's duty in its standard phrases, as above: in a
 * paragraph of measures, the preamble or other matters (not of problems, 主要负责人履行第一责任人
 * 职责不到位, nor of plans). 0 out of range. */
int classify_para_states_leader_duty(const struct report *r, const struct classify_paras *p, size_t para);

/* Fills part, topic and topic2 (-1 when none) of every section of r, and *paras when not NULL.
 * Every section gets a part in MEASURES..OTHER (or NOISE for form fields that look like headings)
 * and a topic in GENERAL..GRASSROOTS. */
void classify_report_with(const struct classify_model *m, struct report *r, struct classify_paras *paras);

/* classify_report_with(classify_default(), r, NULL). Returns 0, or -1 with *cause set (caller
 * frees; cause may be NULL) when the default model cannot be loaded: sections then stay -1. */
int classify_report(struct report *r, char **cause);

/* Classifies one heading's text alone (no body, no parent): the topic, the secondary topic in
 * *topic2 (-1 when none) and the best score in *score. For tests and for tuning a table. */
int classify_heading(const struct classify_model *m, const char *s, size_t n, int *topic2, int *score);

/* The part a top-level heading names by its cues, or -1 when it names none; year is the report
 * year (0 unknown) for the year rule. */
int classify_heading_part(const struct classify_model *m, const char *s, size_t n, int year);

#endif
