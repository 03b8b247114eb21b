/* query.h — the search language: terms (AND), "quoted phrases", -exclusions, A OR B, and filters on the report (region: year: part: topic: level: issuer:). */
#ifndef FAZHI_QUERY_H
#define FAZHI_QUERY_H

#include <stddef.h>

/* Syntax, read on the query as typed (before folding):
 *   法治 政府          both terms must occur (terms are separated by spaces, U+3000 included)
 *   "法治 政府"        a phrase: the text between the quotes, spaces included (" “ ” ＂ all quote)
 *   -信访              the report must not contain the term (- or －)
 *   复议 OR 诉讼       either term; OR (capitals) binds the terms on each side into one group
 *   region:普陀        the report's region contains 普陀 (folded)
 *   year:2021  year:2019..2022   the year reported on, or an inclusive range
 *   part:问题不足  part:problems  the report has a section of that PART, or paragraphs of it
 *                      without a heading (classify_parts_covered's headed or unheaded parts);
 *                      the value is a part's id, or words of its label (问题: 问题不足)
 *   topic:行政复议  topic:review   the report has a section whose topic (or second topic) is
 *                      that TOPIC; an id, or words of the label (every topic whose label holds them)
 *   level:乡镇  level:town        the level of the reporting body (report_level_name, or
 *                      省 市 县/区 乡镇/镇/街道 部门 其他)
 *   issuer:司法局      the issuing body contains it (folded, as region:)
 * Filters select reports; they never restrict the hits: a report that passes is searched and
 * counted in its whole body, as without the filter. Each filter may be given once.
 * A term is matched in folded form (see fold.h) as a substring of the folded text, except
 * that a term starting or ending with a word character (a letter or digit of a spaced
 * script) only matches at word edges there: app matches 浙里办APP but not application. */

#define QUERY_MAX_CHARS 256    /* longer queries are refused, not truncated */
#define QUERY_MAX_TERMS 32

struct query_term {
	char *text;      /* folded term, NUL-terminated, owned by the query */
	size_t len;      /* bytes of text, at least 1 */
	int group;       /* positive terms with the same group are alternatives (OR); -1 for exclusions */
	int exclude;     /* 1 for -term */
};

struct query {
	struct query_term *terms;   /* owned */
	size_t nterms;
	int ngroups;                /* groups 0..ngroups-1 must all be satisfied */
	char *region;               /* folded region filter, or NULL */
	size_t region_len;
	int year_from, year_to;     /* inclusive; both 0 when there is no year filter */
	unsigned parts;             /* part: bits 1 << enum classify_part, any of them; 0: no filter */
	unsigned topics;            /* topic: bits 1 << enum classify_topic, any of them; 0: no filter */
	int level;                  /* level: enum report_level, -1 when there is no level filter */
	char *issuer;               /* folded issuer filter, or NULL */
	size_t issuer_len;
};

/* 1 when q has any filter on the report. */
int query_has_filter(const struct query *q);

/* Parses UTF-8 s[0..n). Returns a new query (free with query_free), or NULL with *cause set
 * to a message for the user (caller frees): empty query, invalid UTF-8, too long, unbalanced
 * quote, empty phrase, lone '-', misplaced OR, bad year, empty or repeated field, a control
 * character (C0 but tab and line ends, DEL, C1: clean report text has none). */
struct query *query_parse(const char *s, size_t n, char **cause);
void query_free(struct query *q);

#endif
