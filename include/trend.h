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

/* Which reports make the trends, from metadata alone (a cached index gives it without reading
 * the reports): regions sorted by name, each with the entries of its years (the first entry of a
 * year in the order given), years ascending; regions of one year are left out. */
struct trend_entry {
	const char *region;   /* borrowed; NULL or "" when unknown */
	int year;             /* 0 when unknown */
};
struct trend_plan_region {
	const char *region;   /* borrowed from the entries */
	size_t *entries;      /* indices into the entries given, years ascending; owned */
	size_t n;
};
struct trend_plan {
	struct trend_plan_region *regions;   /* owned */
	size_t n;
};
void trend_plan(struct trend_plan *p, const struct trend_entry *e, size_t n, const char *only_region);
void trend_plan_fini(struct trend_plan *p);

/* Builds one region from its reports, one per year, years ascending (as a plan lists them):
 * classifies them with cm, extracts their facts with fm and aligns each part with the year
 * before. The region borrows the reports (region name from the first); trend_region_fini frees
 * what it owns. A front end may build, use and free the regions of a plan one at a time, so that
 * only one region's reports need be loaded at once. */
void trend_region_build(struct trend_region *g, struct report **reports, size_t n, const struct classify_model *cm,
			const struct facts_model *fm);
/* As trend_region_build, with report k's metrics taken from digests[k] (digest.h, made with fm's
 * catalogue and cm's cue table, as the cached index's are) instead of extracting them again,
 * when it keeps its facts, and its parts' paragraphs taken from it instead of classifying the
 * report, when it keeps them: the same values, the same sentences. Such a report needs no more
 * than its path, text, len, body_start and meta.region and meta.year (corpus_read_text gives the
 * text without parsing it). digests[k] NULL: the report is classified and its facts extracted. */
struct digest;
void trend_region_build_digested(struct trend_region *g, struct report **reports, const struct digest *const *digests,
				 size_t n, const struct classify_model *cm, const struct facts_model *fm);
void trend_region_fini(struct trend_region *g);

/* All at once: trend_plan over the reports' metadata, then trend_region_build for every region
 * (the sections of the reports chosen get their part and topic). only_region, when not NULL,
 * keeps the region of that name alone. The trend borrows the reports, which must outlive it. */
void trend_build(struct trend *t, struct report **reports, size_t n, const struct classify_model *cm,
		 const struct facts_model *fm, const char *only_region);
void trend_fini(struct trend *t);

/* What was dropped: the sentences of the year before's part (rp->from) that stand in this year's
 * (align_texts from last year's part to this year's), so that the others are those dropped.
 * out as align_texts', its sentences indices into trend_part(g, rp->from, rp->part). */
void trend_kept(const struct trend_region *g, const struct trend_repeat *rp, struct align_result *out);

/* The sentences of a part of report k (an index into g->reports); ranges point into its text. */
const struct align_text *trend_part(const struct trend_region *g, size_t k, int part);

/* Aligns the sentences of every part of a classified report: paragraphs by their part (p from
 * classify_report_with). parts must hold TREND_NPARTS zeroed texts; the caller frees them. */
void trend_split_parts(const struct report *r, const struct classify_paras *p, struct align_text *parts);

/* trend_split_parts from a digest's paragraphs (d of report r: digest.h) instead of a
 * classification: the same sentences, without parsing or classifying r. */
void trend_split_digested(const struct report *r, const struct digest *d, struct align_text *parts);

#endif
