/* query.h — the search language: terms (AND), "quoted phrases", -exclusions, A OR B, region: and year: filters. */
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
};

/* Parses UTF-8 s[0..n). Returns a new query (free with query_free), or NULL with *cause set
 * to a message for the user (caller frees): empty query, invalid UTF-8, too long, unbalanced
 * quote, empty phrase, lone '-', misplaced OR, bad year, empty or repeated field, a control
 * character (C0 but tab and line ends, DEL, C1: clean report text has none). */
struct query *query_parse(const char *s, size_t n, char **cause);
void query_free(struct query *q);

#endif
