/* trend.h — one region over the years: its reports in year order, metrics by year, and how much of each part repeats the year before. */
#ifndef FAZHI_TREND_H
#define FAZHI_TREND_H

#include <stddef.h>

#include "align.h"
#include "classify.h"
#include "facts.h"
#include "report.h"

/* Regions are told by the region each report's metadata gives, as parsed (or corrected by a
 * fazhi-meta.tsv): reports name the same region the same way year after year, and no guess is
 * made across names. A report without a region or a year is left out. When a region has two
 * reports of one year, the first in the order given is kept and the others are left out. Only
 * regions with reports of two or more years are trends.
 *
 * Metrics come from facts_extract: when a report states a metric several times, its value for
 * that year is the first statement (a report gives its headline figure before the breakdowns).
 *
 * Parts are the regulated parts of classify.h, MEASURES to OTHER, read per paragraph
 * (classify_paras): a part's text is every paragraph whose part it is, headings included, so
 * problems stated without a heading at the end of a chapter count as problems. */

#define TREND_NPARTS (CLASSIFY_OTHER + 1)   /* parts compared: MEASURES .. OTHER */

/* A metric's value in one year. */
struct trend_value {
	int stated;          /* 0: that year's report states no figure for the metric */
	double value;
	char value_text[24]; /* as facts prints it: "97.82" */
	char unit[96];       /* facts' unit: counter|qualifier;… (see facts.h) */
	size_t start, end;   /* the sentence stating it, in that year's report text */
};

struct trend_metric {
	int metric;                 /* index into the facts catalogue */
	struct trend_value *values; /* one per report of the region, in year order; owned */
};

/* How much of one part of a year repeats the year before. */
struct trend_repeat {
	int part;                    /* enum classify_part */
	size_t report, from;         /* indices into the region's reports: this year, the year before */
	struct align_result result;  /* the repeated sentences (indices into the part's align_text
	                              * of each year: trend_part), their characters and the part's */
};

struct trend_region {
	const char *region;          /* borrowed from its first report */
	struct report **reports;     /* borrowed, one per year, years ascending; owned array */
	size_t nreports;
	struct align_text *parts;    /* nreports * TREND_NPARTS, owned: the sentences of each part */
	struct trend_metric *metrics;/* metrics stated in at least one year, catalogue order; owned */
	size_t nmetrics;
	struct trend_repeat *repeats;/* for each year after the first, each part both years have; owned */
	size_t nrepeats;
};

/* Regions sorted by name (bytewise). Zeroed is empty; the caller owns it: trend_fini. */
struct trend {
	struct trend_region *regions;
	size_t n;
};

/* Groups reports[0..n) by region and year, classifies them with cm (their sections' part and
 * topic are filled), extracts their facts with fm and aligns each part with the year before.
 * only_region, when not NULL, keeps the region of that name alone. The trend borrows the reports,
 * which must outlive it. */
void trend_build(struct trend *t, struct report **reports, size_t n, const struct classify_model *cm,
		 const struct facts_model *fm, const char *only_region);
void trend_fini(struct trend *t);

/* The sentences of a part of report k (an index into g->reports); ranges point into its text. */
const struct align_text *trend_part(const struct trend_region *g, size_t k, int part);

/* Aligns the sentences of every part of a classified report: paragraphs by their part (p from
 * classify_report_with). parts must hold TREND_NPARTS zeroed texts; the caller frees them. */
void trend_split_parts(const struct report *r, const struct classify_paras *p, struct align_text *parts);

#endif
