/* facts.h — key metrics stated in a report (复议 cases, 出庭率, 法律援助 …) found by the patterns and clause rules of a catalogue. */
#ifndef FAZHI_FACTS_H
#define FAZHI_FACTS_H

#include <stddef.h>

#include "report.h"

/* A metric catalogue (see assets/metrics.tsv for the format): phrase patterns, and clause rules
 * (subjects, verbs and counters that state a metric however a clause orders them). Opaque;
 * immutable once loaded. */
struct facts_model;

/* Reads a catalogue from text[0..n). Returns a new model (free with facts_model_free), or NULL
 * with *cause set ("line N: reason"; caller frees). */
struct facts_model *facts_model_new(const char *text, size_t n, char **cause);
void facts_model_free(struct facts_model *m);

/* The catalogue every front end shares: FAZHI_METRICS names a file, else the embedded
 * assets/metrics.tsv. Loaded on first use, kept until facts_default_free(). NULL with *cause
 * (caller frees) when the file is bad or missing. */
const struct facts_model *facts_default(char **cause);
void facts_default_free(void);

/* Metrics of a catalogue, in catalogue order (the rows of a facts table). Names are borrowed
 * from the model: "rev_received", and its label "行政复议申请收到/办理件数" (or the id when the
 * catalogue gives none). facts_metric_id returns -1 for an unknown name. */
size_t facts_metric_count(const struct facts_model *m);
const char *facts_metric_name(const struct facts_model *m, int metric);
const char *facts_metric_label(const struct facts_model *m, int metric);
int facts_metric_id(const struct facts_model *m, const char *name);

/* One stated figure. Ranges are byte ranges into report.text. */
struct facts_fact {
	int metric;                  /* index into the catalogue */
	double value;                /* 百余 → 100; 无一败诉 → 0; multipliers stay in the unit */
	char value_text[24];         /* the value as printed: "97.82", "100" */
	char unit[96];               /* counter[|qualifier;...]: "件", "万份|余", "%|以上", "个|省级";
	                              * the counter is what precedes '|' */
	size_t start, end;           /* the sentence stating it (up to 。；!? or the line end) */
	size_t num_start, num_end;   /* the figure as written, qualifiers included (近1400万元) */
	int section;                 /* deepest section holding it, -1 in the preamble */
	size_t period_start, period_end; /* reporting period its full sentence (up to 。) states before the
	                              * figure (1-11月, 截至12月15日); empty when none */
	char unit_norm[96];          /* the counter in the form figures compare in: 宗 and 起 (of cases) read
	                              * 件, 万件 stays 万件; else the counter as written (no qualifiers) */
	int computed;                /* 1: not stated but computed (facts_compute); unit "%|computed" */
	size_t from[2];              /* of a computed fact: the facts it came from, numerator and
	                              * denominator, as indices into the same list; its ranges are the
	                              * numerator's sentence, with an empty figure */
	size_t also[3], nalso;       /* of a computed fact: more numerator facts added to from[0]'s
	                              * (kinds stated apart in its sentence: 确认违法1件，撤销或责令8件) */
};

/* A growable list of facts; zeroed is empty; the caller owns it and frees it with facts_fini. */
struct facts {
	struct facts_fact *v;
	size_t n, cap;
};
void facts_fini(struct facts *f);

/* Appends the facts stated in the body of r, in text order. A figure is claimed by the first
 * pattern of the catalogue that matches it; the clause rules then read the figures no pattern
 * claimed, clause by clause (a subject stated once carries over to the bare verb + figure clauses
 * after it; sub-items in （其中…） are not the total; a figure may state two metrics only when
 * subjects share it, 网办率和即办率均达100%, or a following 均已… gives it a second verb).
 * Statements without a figure (无一败诉, 零败诉) give 0. When r is classified (classify.h), the
 * figures of its sections of next year's plans are targets and give none: classify a report
 * before its facts wherever they are shown, as the index does. Returns the number added.
 * Time is linear in the body: one pass finds, sentence by sentence, the patterns whose words occur
 * there, and only those are tried; the grammar looks at sentences holding a figure with a counter.
 * Scratch memory is taken once per call, not per fact. */
size_t facts_extract(const struct facts_model *m, const struct report *r, struct facts *out);

/* Appends the rates the catalogue's `computed` lines define (复议纠错率 = 纠错 / 审结 …) for the
 * facts f->v[first..n) of one report. A rate is added when its numerator and one of its
 * denominators are stated as counts (not as %; the numerator may be a statement of 0, 无一败诉),
 * the denominator above 0 and not below the numerator (else the two count different scopes).
 * The numerator is the first one stated, with the others of its sentence when each of them names
 * its kind by a scope note (确认违法1件，撤销或责令8件: parts of one count, where an unqualified
 * figure would be the count itself); the denominator the one stated nearest to it (figures stated
 * together belong together), of the first alternative the report states at all.
 * Returns the number added. */
size_t facts_compute(const struct facts_model *m, struct facts *f, size_t first);

/* Counts that lie within another: the catalogue's `within PART WHOLE` lines (受理 is part of
 * 收到: one part) and `sum WHOLE PART|PART…` lines (维持, 驳回, 纠错 and 终止 are apart from
 * each other within 审结: their sum cannot exceed it). Borrowed from the model. */
struct facts_bound {
	int whole;                   /* the metric counting the whole */
	const int *parts;            /* the metrics of its parts */
	size_t nparts;               /* 1 for a within line */
	int summed;                  /* 1: a sum line, the parts count cases apart from each other */
};
/* The bounds of m in catalogue order, in *v; returns how many. */
size_t facts_bounds(const struct facts_model *m, const struct facts_bound **v);

/* Whether metric is a computed rate of the catalogue. */
int facts_metric_computed(const struct facts_model *m, int metric);

/* Writes the counter of a unit ("宗|余" → "宗") in its compared form into dst[0..size): 宗 and 起
 * become 件, as cases are counted in any of them; other counters are copied. */
void facts_unit_norm(const char *unit, char *dst, size_t size);

/* Reads a number at s[0..n): Arabic (1188, 97.82, full-width digits) or Chinese (百, 两千, 二十三).
 * Returns the bytes read (0 when there is none) and the value in *value. Multipliers 万/亿 are not
 * part of the number. */
size_t facts_parse_number(const char *s, size_t n, double *value);

#endif
