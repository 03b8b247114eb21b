/* cli_search.c — the `fazhi search` subcommand: ranked matching reports with snippets, as text, --json or --count. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "xmalloc.h"
#include "corpus.h"
#include "index.h"
#include "query.h"
#include "report.h"
#include "session.h"

#define SNIPPETS 3
#define SNIPPET_CELLS 40

enum format { FMT_TEXT, FMT_JSON, FMT_COUNT };

#define USAGE "Usage: fazhi search [--json] [--count] [--limit N] [--update] QUERY [PATH...]\n"


static void help(void)
{
	fputs(USAGE
	      "Searches the reports (the embedded samples when no PATH is given) and prints the matching\n"
	      "reports, best first, with their hits and snippets.\n"
	      "  --limit N   the N best reports only (ranked without proving every report)\n"
	      "  --update    read the directories and bring the cached index up to date first, also\n"
	      "              for files changed in place (else they are named and left out)\n"
	      "  --json      one JSON object per report\n"
	      "  --count     HITS<TAB>FILE for every matching report\n"
	      "  --help      this text\n"
	      "Query: words (all must occur), \"a phrase\", -word, A OR B, region:NAME, year:2021, year:2019..2022,\n"
	      "       part:问题不足 (part:problems), topic:行政复议 (topic:review), level:乡镇 (level:town), issuer:NAME\n",
	      stdout);
}

static size_t cps(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/* The breadcrumb of a section: numbers from the top level down. */
static size_t breadcrumb(const struct report *r, int sec, int *chain, size_t max)
{
	size_t n = 0;
	for (int s = sec; s >= 0 && n < max; s = r->sections[s].parent)
		chain[n++] = s;
	for (size_t i = 0; i < n / 2; i++) {
		int t = chain[i];
		chain[i] = chain[n - 1 - i];
		chain[n - 1 - i] = t;
	}
	return n;
}

static void add_json_or_null(struct buf *b, const char *s)
{
	if (s)
		buf_add_json(b, s, strlen(s));
	else
		buf_adds(b, "null");
}

static void print_json(struct buf *b, const struct report *r, const struct index_result *res,
                       const struct index_hits *h, const struct index_snippet *sn, size_t ns)
{
	buf_adds(b, "{\"file\":");
	buf_add_json(b, r->path, strlen(r->path));
	buf_adds(b, ",\"title\":");
	add_json_or_null(b, r->meta.title);
	buf_adds(b, ",\"region\":");
	add_json_or_null(b, r->meta.region);
	if (r->meta.year)
		buf_printf(b, ",\"year\":%d", r->meta.year);
	else
		buf_adds(b, ",\"year\":null");
	buf_printf(b, ",\"hits\":%zu,\"score\":%.4f,\"snippets\":[", res->hits, res->score);
	for (size_t i = 0; i < ns; i++) {
		int chain[8];
		size_t nc = breadcrumb(r, sn[i].section, chain, 8);
		buf_adds(b, i ? ",{\"path\":[" : "{\"path\":[");
		for (size_t k = 0; k < nc; k++) {
			const struct section *s = &r->sections[chain[k]];
			if (k)
				buf_addc(b, ',');
			buf_add_json(b, r->text + s->number_start, s->number_end - s->number_start);
		}
		buf_adds(b, "],\"text\":");
		buf_add_json(b, r->text + sn[i].start, sn[i].end - sn[i].start);
		buf_adds(b, ",\"matches\":[");
		for (size_t k = 0; k < sn[i].n; k++) {
			const struct index_hit *m = &h->v[sn[i].first + k];
			size_t a = cps(r->text + sn[i].start, m->start - sn[i].start);
			buf_printf(b, "%s[%zu,%zu]", k ? "," : "", a, a + cps(r->text + m->start, m->end - m->start));
		}
		buf_adds(b, "]}");
	}
	buf_adds(b, "]}\n");
}

static void print_text(struct buf *b, const struct report *r, const struct index_result *res,
                       const struct index_snippet *sn, size_t ns)
{
	buf_adds(b, r->path);
	if (r->meta.title)
		buf_printf(b, "  %s", r->meta.title);
	buf_printf(b, "  (%zu hit%s)\n", res->hits, res->hits == 1 ? "" : "s");
	for (size_t i = 0; i < ns; i++) {
		int chain[8];
		size_t nc = breadcrumb(r, sn[i].section, chain, 8);
		buf_adds(b, "    ");
		for (size_t k = 0; k < nc; k++) {
			const struct section *s = &r->sections[chain[k]];
			buf_printf(b, "%s%.*s", k ? "." : "", (int)(s->number_end - s->number_start), r->text + s->number_start);
		}
		buf_adds(b, nc ? "  " : "");
		buf_add(b, r->text + sn[i].start, sn[i].end - sn[i].start);
		buf_addc(b, '\n');
	}
}

/* Whether the files of results from res->v[from] on, at most max of them, are unchanged (as
 * cli_unchanged says); their number in *n. Caller frees. */
static unsigned char *check_files(struct corpus *c, const struct index_results *res, size_t from, size_t max,
                                  size_t *n)
{
	*n = res->n - from < max ? res->n - from : max;
	size_t *which = xcalloc(*n + 1, sizeof *which);
	unsigned char *same = xcalloc(*n + 1, 1);
	for (size_t k = 0; k < *n; k++)
		which[k] = res->v[from + k].report;
	cli_unchanged_many(c, which, *n, same);
	free(which);
	return same;
}

/* Prints results from res->v[from] on, at most max of them; returns how many were printed (a
 * result whose file is gone or changed since it was indexed is left out). */
static size_t print_results(struct corpus *c, struct session *s, const struct query *q,
                            const struct index_results *res, size_t from, size_t max, enum format fmt)
{
	struct buf out;
	struct index_hits hits = { 0 };
	struct index_snippet sn[SNIPPETS];
	size_t printed = 0, nchecked = 0;
	unsigned char *same = NULL;
	if (fmt == FMT_COUNT)   /* the files of the results to print, checked together */
		same = check_files(c, res, from, max, &nchecked);
	buf_init(&out);
	for (size_t i = from; i < res->n && printed < max; i++) {
		buf_reset(&out);
		if (fmt == FMT_COUNT) {   /* the path alone: no report is read, its file is checked */
			if (!(i - from < nchecked ? same[i - from] : cli_unchanged(c, res->v[i].report)))
				continue;
			buf_add_int(&out, (long long)res->v[i].hits);   /* not printf: a line of each of 30,000 */
			buf_addc(&out, '\t');
			buf_adds(&out, corpus_path(c, res->v[i].report));
			buf_addc(&out, '\n');
		} else {
			size_t id = res->v[i].report;
			int was_loaded = corpus_loaded(c, id);
			/* From the cached index's digest and the text alone when it keeps one: no parse. */
			struct report *text = session_text_report(s, id);
			const struct report *r = text ? text : cli_report(c, id);
			if (!r)
				continue;
			size_t ns = session_result_snippets(s, &res->v[i], r, q, SNIPPET_CELLS, &hits, sn, SNIPPETS);
			if (fmt == FMT_JSON)
				print_json(&out, r, &res->v[i], &hits, sn, ns);
			else
				print_text(&out, r, &res->v[i], sn, ns);
			report_free(text);
			if (!was_loaded)   /* printed: a listing of every report holds one at a time */
				corpus_unload(c, id);
		}
		cli_put(stdout, out.data, out.len);
		printed++;
	}
	buf_fini(&out);
	index_hits_fini(&hits);
	free(same);
	return printed;
}

/* Searches and prints the `limit` best results (0: all). When results were left out (their
 * files gone or changed), the search is asked for as many more: a larger limit gives the same
 * first results (index.h), so the next ones follow those printed. */
static void search_and_print(struct corpus *c, struct session *s, const struct query *q, size_t limit,
                             enum format fmt)
{
	struct index_results res = { 0 };
	size_t printed = 0, from = 0, ask = limit;
	for (;;) {
		/* --count lists every match: the exhaustive search. A limit ranks the best without
		 * proving every report (limit 0 is the exhaustive search too). */
		if (fmt == FMT_COUNT)
			session_search(s, q, ask, &res);
		else
			session_search_top(s, q, ask, &res);
		cli_notice(s);
		printed += print_results(c, s, q, &res, from, limit ? limit - printed : SIZE_MAX, fmt);
		cli_notice(s);   /* a rebuild while cutting snippets */
		if (!limit || printed >= limit || res.n < ask)
			break;
		from = res.n;
		ask += limit - printed;
	}
	index_results_fini(&res);
}

/* Reads the options; returns the index of QUERY in argv, -1 after a usage message, or 0 after
 * the help. */
static int options(int argc, char **argv, enum format *fmt, size_t *limit, int *update)
{
	int i = 1;
	/* A QUERY may start with "-" (an exclusion), so only "--…" and -h are options. */
	for (; i < argc && ((argv[i][0] == '-' && argv[i][1] == '-') || strcmp(argv[i], "-h") == 0); i++) {
		const char *a = argv[i], *v = NULL;
		if (strcmp(a, "--") == 0)
			return i + 1;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
			return help(), 0;
		if (strcmp(a, "--json") == 0)
			*fmt = FMT_JSON;
		else if (strcmp(a, "--count") == 0)
			*fmt = FMT_COUNT;
		else if (strcmp(a, "--update") == 0)
			*update = 1;
		else if (strcmp(a, "--limit") == 0 && i + 1 < argc)
			v = argv[++i];
		else if (strncmp(a, "--limit=", 8) == 0)
			v = a + 8;
		else
			return cli_usage_error("search", "unknown option", a), -1;
		if (v) {
			char *end;
			long n = strtol(v, &end, 10);
			if (!*v || *end || n < 1)
				return cli_usage_error("search", "--limit needs a positive number, not", v), -1;
			*limit = (size_t)n;
		}
	}
	return i;
}

int cli_search(int argc, char **argv)
{
	enum format fmt = FMT_TEXT;
	size_t limit = 0;
	int update = 0;
	int qi = options(argc, argv, &fmt, &limit, &update);
	if (qi <= 0)
		return qi < 0 ? 2 : 0;
	if (qi >= argc)
		return cli_usage_error("search", "no QUERY given", NULL);
	char *cause = NULL;
	struct query *q = query_parse(argv[qi], strlen(argv[qi]), &cause);
	if (!q)
		return cli_fail("search", cause);
	/* The files of a directory are read by the index build, or not at all when its cache is
	 * valid: then only the reports printed with snippets are read. Nor are the directories, when
	 * none changed since the index was built, unless --update asks to look at every file. */
	struct corpus c;
	corpus_init(&c);
	c.lazy = 1;
	int npaths = argc - qi - 1;
	char *dir = npaths ? index_cache_dir() : NULL;
	if (update)
		cli_load(&c, argv + qi + 1, npaths);
	else
		cli_load_indexed(&c, argv + qi + 1, npaths, dir);
	struct index_progress bar = { cli_progress, NULL, cli_merge_progress };
	struct session *s = session_new(&c, dir, isatty(2) ? &bar : NULL);
	session_index(s);
	cli_messages(&c, 0);
	search_and_print(&c, s, q, limit, fmt);
	session_free(s);
	free(dir);
	query_free(q);
	int status = corpus_failures(&c) ? 1 : 0;
	corpus_fini(&c);
	return status;
}
