/* cli_check.c — the `fazhi check` subcommand: what a report lacks or contradicts, as a compiler reports, or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "cli.h"
#include "corpus.h"
#include "facts.h"
#include "review.h"

static const char usage_text[] =
	"Usage: fazhi check [--json] [--deadline MM-DD] FILE...\n"
	"Check reports against the rule on them before they are published: one line per finding,\n"
	"FILE:LINE: KIND: MESSAGE. Each file is also compared with the others given (last year's\n"
	"report, a neighbour's) for sections repeated from them.\n"
	"\n"
	"  --json            one object per file: {\"file\", \"region\", \"year\", \"parts\": {\"measures\",\n"
	"                    \"problems\", \"leader_duty\", \"plans\"}, \"findings\": [{\"kind\", \"severity\",\n"
	"                    \"message\", \"path\", \"line\"}]}\n"
	"  --deadline MM-DD  the day of the next year a report is due (default 03-31)\n"
	"  -h, --help        show this help and exit\n"
	"\n"
	"Kinds: missing_part (a required part absent, or stated without a heading), numbering\n"
	"(（一）（一）（三）, gaps, a level skipped), year and title (missing or contradictory), late\n"
	"(published after the deadline), figures (受理 more than 收到 and the other counts within\n"
	"another that metrics.tsv names, parts or sub-items summing past their total, a rate over\n"
	"100 %), repeated (a section whose sentences stand in another FILE, also with other figures\n"
	"or reworded a little).\n"
	"Severity is error (the rule is not met, or the report contradicts itself) or warning.\n"
	"Exit status: 0 no findings, 1 findings (or a file could not be read), 2 on a usage error.\n";

int cli_review_options(const char *cmd, int argc, char **argv, int *json, int *csv, struct review_deadline *d)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--json") == 0) {
			*json = 1;
		} else if (csv && strcmp(a, "--csv") == 0) {
			*csv = 1;
		} else if (strcmp(a, "--deadline") == 0) {
			if (++i == argc || review_deadline_parse(argv[i], d) < 0) {
				cli_usage_error(cmd, "--deadline takes MM-DD, not", i < argc ? argv[i] : "");
				return -1;
			}
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			return -2;
		} else if (strcmp(a, "--") == 0) {
			return i + 1;
		} else {
			cli_usage_error(cmd, "unknown option", a);
			return -1;
		}
	}
	return i;
}

int cli_review_models(const char *cmd, const struct classify_model **cm, const struct facts_model **fm)
{
	char *cause = NULL;
	*cm = classify_default(&cause);
	*fm = *cm ? facts_default(&cause) : NULL;
	if (*fm)
		return 0;
	classify_default_free();
	return cli_fail(cmd, cause);
}

static void print_text(struct buf *b, const struct report *r, const struct review_findings *f)
{
	struct report_lines cur = { 0 };
	for (size_t i = 0; i < f->n; i++)
		buf_printf(b, "%s:%zu: %s: %s\n", r->path, report_line_of(r, f->v[i].at, &cur),
			   review_kind_name(f->v[i].kind), f->v[i].message);
}

static void print_json(struct buf *b, const struct report *r, const struct review_row *row,
		       const struct review_findings *f)
{
	static const int parts[] = { CLASSIFY_MEASURES, CLASSIFY_PROBLEMS, CLASSIFY_LEADER_DUTY, CLASSIFY_PLANS };
	struct report_lines cur = { 0 };
	buf_adds(b, "{\"file\":");
	buf_add_json(b, r->path, strlen(r->path));
	buf_adds(b, ",\"region\":");
	if (r->meta.region)
		buf_add_json(b, r->meta.region, strlen(r->meta.region));
	else
		buf_adds(b, "null");
	if (r->meta.year)
		buf_printf(b, ",\"year\":%d,\"parts\":{", r->meta.year);
	else
		buf_adds(b, ",\"year\":null,\"parts\":{");
	for (size_t k = 0; k < sizeof parts / sizeof *parts; k++)
		buf_printf(b, "%s\"%s\":%s", k ? "," : "", classify_part_name(parts[k]),
			   review_row_part(row, parts[k]) != REVIEW_PART_MISSING ? "true" : "false");
	buf_adds(b, "},\"findings\":[");
	for (size_t i = 0; i < f->n; i++) {
		buf_printf(b, "%s{\"kind\":\"%s\",\"severity\":\"%s\",\"message\":", i ? "," : "",
			   review_kind_name(f->v[i].kind), review_severity_name(f->v[i].severity));
		buf_add_json(b, f->v[i].message, strlen(f->v[i].message));
		buf_adds(b, ",\"path\":");
		buf_add_json(b, r->path, strlen(r->path));
		buf_printf(b, ",\"line\":%zu}", report_line_of(r, f->v[i].at, &cur));
	}
	buf_adds(b, "]}\n");
}

/* Checks report k of the corpus (and it against the others, whose sentences are in all: its id
 * there is k); returns the findings. */
static size_t check_one(struct corpus *co, size_t k, const struct review_sentences *all, const struct classify_model *cm,
			const struct facts_model *fm, struct review_deadline d, int json, struct buf *out)
{
	struct report *r = corpus_get(co, k);   /* an eager corpus: every one loaded */
	struct classify_paras paras = { 0 };
	struct facts facts = { 0 };
	struct review_findings found = { 0 };
	struct review_row row;
	review_read(cm, fm, r, &paras, &facts);
	review_check(r, &paras, fm, &facts, d, &found);
	review_check_repeated(all, (int)k, &found);
	review_findings_sort(&found);
	review_row_fill(&row, r, &paras, facts.n, d);
	if (json)
		print_json(out, r, &row, &found);
	else
		print_text(out, r, &found);
	size_t n = found.n;
	review_findings_fini(&found);
	facts_fini(&facts);
	classify_paras_fini(&paras);
	return n;
}

int cli_check(int argc, char **argv)
{
	int json = 0;
	struct review_deadline d = REVIEW_DEADLINE_DEFAULT;
	int first = cli_review_options("check", argc, argv, &json, NULL, &d);
	if (first == -2) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (first < 0)
		return 2;
	if (first == argc)
		return cli_usage_error("check", "no FILE given", NULL);
	const struct classify_model *cm;
	const struct facts_model *fm;
	if (cli_review_models("check", &cm, &fm))
		return 2;
	struct corpus co;
	corpus_init(&co);
	size_t failed = cli_load(&co, argv + first, argc - first), findings = 0;
	struct buf out = { 0 };
	struct review_sentences *all = review_sentences_new();
	for (size_t k = 0; k < co.n; k++)
		review_sentences_add(all, corpus_get(&co, k));   /* an eager corpus: every one loaded */
	for (size_t k = 0; k < co.n; k++) {
		findings += check_one(&co, k, all, cm, fm, d, json, &out);
		cli_put(stdout, out.data ? out.data : "", out.len);   /* paths may hold escapes */
		buf_reset(&out);
	}
	review_sentences_free(all);
	buf_fini(&out);
	corpus_fini(&co);
	facts_default_free();
	classify_default_free();
	return findings || failed ? 1 : 0;
}
