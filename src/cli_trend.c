/* cli_trend.c — the `fazhi trend` subcommand: each region's metrics by year and the text repeated from the year before, as text, --csv or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "buf.h"
#include "classify.h"
#include "cli.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "index.h"
#include "report.h"
#include "session.h"
#include "text.h"
#include "trend.h"
#include "xmalloc.h"

static const char usage_text[] =
	"Usage: fazhi trend [--csv|--json] [--region R] PATH...\n"
	"For each region with reports of several years: its key metrics by year, and how much of\n"
	"each part (举措成效, 问题不足, 第一责任人履职, 下一年安排, 其他) repeats the year before.\n"
	"\n"
	"  --region R  only the region named R, as the reports name it (舟山市普陀区)\n"
	"  --csv       long format, columns region,year,kind,name,label,value,unit,from_year,file,text:\n"
	"              kind metric (value and unit of a metric, text the sentence stating it),\n"
	"              repeated (value the share of a part repeated from from_year),\n"
	"              sentence (a repeated sentence: value its similarity, unit same|figures|near)\n"
	"  --json      one object per region per line:\n"
	"              {\"region\", \"reports\": [{\"file\", \"year\"}],\n"
	"               \"metrics\": [{\"metric\", \"label\", \"unit\", \"values\": {\"2021\": v, ...}}],\n"
	"               \"repeated\": [{\"part\", \"label\", \"year\", \"from_year\", \"share\", \"characters\",\n"
	"                             \"sentences\": [{\"text\", \"kind\", \"similarity\", \"was\"}]}]}\n"
	"  -h, --help  show this help and exit\n"
	"\n"
	"Regions are told by the region each report names; a report without a region or a year is\n"
	"left out, and of two reports of one region and year the first given is kept. A year's value\n"
	"of a metric is its first statement in the report. share is the part's characters (letters\n"
	"and digits) in sentences that stand in the previous year's part: the same after folding\n"
	"width, case and punctuation (same), the same but for figures such as 2021 → 2022 or 30件 →\n"
	"45件 (figures), or sharing at least 80% of their character pairs (near).\n"
	"Exit status: 0 when all files loaded, 1 when some could not be read, 2 on a usage error.\n";

enum format { TEXT, CSV, JSON };

static const char *const kind_names[] = { "same", "figures", "near" };

/* Text output marks a repeated sentence: = the same, # other figures, ≈ near. */
static const char *const kind_marks[] = { "=", "#", "≈" };

static size_t counter_len(const char *unit)
{
	return strcspn(unit, "|");
}

static void add_value(struct buf *b, const struct trend_value *v)
{
	buf_adds(b, v->value_text);
	buf_add(b, v->unit, counter_len(v->unit));
}

/* The sentence s of a report, without its line's blanks. */
static void add_sentence_text(struct buf *b, const struct report *r, const struct align_sentence *s, int json)
{
	if (json)
		buf_add_json(b, r->text + s->start, s->end - s->start);
	else
		buf_add(b, r->text + s->start, s->end - s->start);
}

/* ---- text ---- */

static void pad(struct buf *b, size_t cols)
{
	while (cols-- > 0)
		buf_addc(b, ' ');
}

#define LABEL_COLS 34

static void text_label(struct buf *b, const char *label)
{
	size_t used, n = text_clip(label, strlen(label), LABEL_COLS, &used);
	buf_add(b, label, n);
	pad(b, LABEL_COLS + 2 - used);
}

/* Cells of a year's column: as wide as its widest value, the year at least. */
static size_t column_width(const struct trend_region *g, size_t k)
{
	size_t w = 4;
	struct buf v = { 0 };
	for (size_t i = 0; i < g->nmetrics; i++) {
		buf_reset(&v);
		add_value(&v, &g->metrics[i].values[k]);
		size_t cw = text_width(v.data, v.len);
		w = cw > w ? cw : w;
	}
	buf_fini(&v);
	return w;
}

static void text_metrics(struct buf *b, const struct trend_region *g, const struct facts_model *fm)
{
	size_t *width = xmalloc(g->nreports * sizeof *width);
	text_label(b, "指标");
	for (size_t k = 0; k < g->nreports; k++) {
		width[k] = column_width(g, k);
		pad(b, width[k] - 4 + 2);
		buf_printf(b, "%d", g->reports[k]->meta.year);
	}
	buf_addc(b, '\n');
	struct buf v = { 0 };
	for (size_t i = 0; i < g->nmetrics; i++) {
		text_label(b, facts_metric_label(fm, g->metrics[i].metric));
		for (size_t k = 0; k < g->nreports; k++) {
			const struct trend_value *tv = &g->metrics[i].values[k];
			buf_reset(&v);
			if (tv->stated)
				add_value(&v, tv);
			else
				buf_adds(&v, "—");
			pad(b, width[k] - text_width(v.data, v.len) + 2);
			buf_add(b, v.data, v.len);
		}
		buf_addc(b, '\n');
	}
	buf_fini(&v);
	free(width);
}

static void text_repeats(struct buf *b, const struct trend_region *g)
{
	for (size_t i = 0; i < g->nrepeats; i++) {
		const struct trend_repeat *rp = &g->repeats[i];
		const struct report *r = g->reports[rp->report];
		buf_printf(b, "%s %d ← %d: %.0f%% repeated (%zu of %zu characters)\n", classify_part_label(rp->part),
			   r->meta.year, g->reports[rp->from]->meta.year, 100 * align_share(&rp->result),
			   rp->result.repeated, rp->result.chars);
		const struct align_text *now = trend_part(g, rp->report, rp->part);
		for (size_t m = 0; m < rp->result.n; m++) {
			buf_printf(b, "  %s ", kind_marks[rp->result.v[m].kind]);
			add_sentence_text(b, r, &now->v[rp->result.v[m].sentence], 0);
			buf_addc(b, '\n');
		}
	}
}

static void text_region(struct buf *b, const struct trend_region *g, const struct facts_model *fm, int first)
{
	buf_printf(b, "%s%s\n", first ? "" : "\n", g->region);
	for (size_t k = 0; k < g->nreports; k++)
		buf_printf(b, "  %d  %s\n", g->reports[k]->meta.year, g->reports[k]->path);
	buf_addc(b, '\n');
	text_metrics(b, g, fm);
	buf_addc(b, '\n');
	text_repeats(b, g);
}

/* ---- JSON ---- */

static void json_metrics(struct buf *b, const struct trend_region *g, const struct facts_model *fm)
{
	for (size_t i = 0; i < g->nmetrics; i++) {
		const struct trend_metric *m = &g->metrics[i];
		const char *unit = "";
		for (size_t k = 0; k < g->nreports && !*unit; k++)
			unit = m->values[k].stated ? m->values[k].unit : "";
		const char *label = facts_metric_label(fm, m->metric);
		buf_printf(b, "%s{\"metric\":\"%s\",\"label\":", i ? "," : "", facts_metric_name(fm, m->metric));
		buf_add_json(b, label, strlen(label));
		buf_adds(b, ",\"unit\":");
		buf_add_json(b, unit, counter_len(unit));
		buf_adds(b, ",\"values\":{");
		for (size_t k = 0; k < g->nreports; k++) {
			buf_printf(b, "%s\"%d\":", k ? "," : "", g->reports[k]->meta.year);
			buf_adds(b, m->values[k].stated ? m->values[k].value_text : "null");
		}
		buf_adds(b, "}}");
	}
}

static void json_repeat(struct buf *b, const struct trend_region *g, const struct trend_repeat *rp)
{
	const struct report *r = g->reports[rp->report], *was = g->reports[rp->from];
	const char *label = classify_part_label(rp->part);
	buf_printf(b, "{\"part\":\"%s\",\"label\":", classify_part_name(rp->part));
	buf_add_json(b, label, strlen(label));
	buf_printf(b, ",\"year\":%d,\"from_year\":%d,\"share\":%.4f,\"characters\":%zu,\"sentences\":[", r->meta.year,
		   was->meta.year, align_share(&rp->result), rp->result.chars);
	const struct align_text *now = trend_part(g, rp->report, rp->part), *before = trend_part(g, rp->from, rp->part);
	for (size_t m = 0; m < rp->result.n; m++) {
		const struct align_match *am = &rp->result.v[m];
		buf_adds(b, m ? ",{\"text\":" : "{\"text\":");
		add_sentence_text(b, r, &now->v[am->sentence], 1);
		buf_printf(b, ",\"kind\":\"%s\",\"similarity\":%.3f,\"was\":", kind_names[am->kind], am->similarity);
		add_sentence_text(b, was, &before->v[am->other], 1);
		buf_addc(b, '}');
	}
	buf_adds(b, "]}");
}

static void json_region(struct buf *b, const struct trend_region *g, const struct facts_model *fm)
{
	buf_adds(b, "{\"region\":");
	buf_add_json(b, g->region, strlen(g->region));
	buf_adds(b, ",\"reports\":[");
	for (size_t k = 0; k < g->nreports; k++) {
		buf_adds(b, k ? ",{\"file\":" : "{\"file\":");
		buf_add_json(b, g->reports[k]->path, strlen(g->reports[k]->path));
		buf_printf(b, ",\"year\":%d}", g->reports[k]->meta.year);
	}
	buf_adds(b, "],\"metrics\":[");
	json_metrics(b, g, fm);
	buf_adds(b, "],\"repeated\":[");
	for (size_t i = 0; i < g->nrepeats; i++) {
		if (i)
			buf_addc(b, ',');
		json_repeat(b, g, &g->repeats[i]);
	}
	buf_adds(b, "]}\n");
}

/* ---- CSV ---- */

static void csv_start(struct buf *b, const struct trend_region *g, size_t k, const char *kind, const char *name,
		      const char *label)
{
	buf_add_csv(b, g->region, strlen(g->region));
	buf_printf(b, ",%d,%s,%s,", g->reports[k]->meta.year, kind, name);
	buf_add_csv(b, label, strlen(label));
	buf_addc(b, ',');
}

static void csv_end(struct buf *b, const struct report *r, size_t start, size_t end)
{
	buf_addc(b, ',');
	buf_add_csv(b, r->path, strlen(r->path));
	buf_addc(b, ',');
	buf_add_csv(b, r->text + start, end - start);
	buf_adds(b, "\r\n");
}

static void csv_region(struct buf *b, const struct trend_region *g, const struct facts_model *fm)
{
	for (size_t i = 0; i < g->nmetrics; i++)
		for (size_t k = 0; k < g->nreports; k++) {
			const struct trend_value *v = &g->metrics[i].values[k];
			if (!v->stated)
				continue;
			int m = g->metrics[i].metric;
			csv_start(b, g, k, "metric", facts_metric_name(fm, m), facts_metric_label(fm, m));
			buf_printf(b, "%s,", v->value_text);
			buf_add_csv(b, v->unit, counter_len(v->unit));
			buf_addc(b, ',');
			csv_end(b, g->reports[k], v->start, v->end);
		}
	for (size_t i = 0; i < g->nrepeats; i++) {
		const struct trend_repeat *rp = &g->repeats[i];
		const char *part = classify_part_name(rp->part), *label = classify_part_label(rp->part);
		int from = g->reports[rp->from]->meta.year;
		const struct report *r = g->reports[rp->report];
		csv_start(b, g, rp->report, "repeated", part, label);
		buf_printf(b, "%.4f,,%d", align_share(&rp->result), from);
		csv_end(b, r, 0, 0);
		const struct align_text *now = trend_part(g, rp->report, rp->part);
		for (size_t m = 0; m < rp->result.n; m++) {
			const struct align_match *am = &rp->result.v[m];
			csv_start(b, g, rp->report, "sentence", part, label);
			buf_printf(b, "%.3f,%s,%d", am->similarity, kind_names[am->kind], from);
			csv_end(b, r, now->v[am->sentence].start, now->v[am->sentence].end);
		}
	}
}

static int options(int argc, char **argv, enum format *fmt, const char **region)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--csv") == 0) {
			*fmt = CSV;
		} else if (strcmp(a, "--json") == 0) {
			*fmt = JSON;
		} else if (strcmp(a, "--region") == 0) {
			if (i + 1 >= argc) {
				cli_usage_error("trend", "--region needs a name", NULL);
				return -1;
			}
			*region = argv[++i];
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			return -2;
		} else if (strcmp(a, "--") == 0) {
			return i + 1;
		} else {
			cli_usage_error("trend", "unknown option", a);
			return -1;
		}
	}
	return i;
}

static void print_region(const struct trend_region *g, enum format fmt, const struct facts_model *fm, int first)
{
	struct buf out = { 0 };
	if (fmt == JSON)
		json_region(&out, g, fm);
	else if (fmt == CSV)
		csv_region(&out, g, fm);
	else
		text_region(&out, g, fm, first);
	cli_put(stdout, out.data ? out.data : "", out.len);   /* paths may hold escapes */
	buf_fini(&out);
}

/* The metadata of every entry: from the cached index when there is one (no report is read),
 * else from the reports, read now. */
static struct trend_entry *entries_of(struct corpus *co)
{
	struct trend_entry *e = xmalloc((co->n + 1) * sizeof *e);
	for (size_t i = 0; i < co->n; i++) {
		struct corpus_meta m;
		corpus_meta(co, i, &m);
		e[i] = (struct trend_entry){ m.region, m.year };
	}
	return e;
}

/* The digest the cached index keeps of entry i into d, or NULL: the metrics are then extracted
 * from the report. */
static const struct digest *digest_at(struct corpus *co, size_t i, struct digest *d)
{
	const void *p;
	size_t len;
	if (corpus_digest(co, i, &p, &len) || digest_decode(p, len, d))
		return NULL;
	return d;
}

/* Entry i as trend needs it when its digest d keeps the facts and the paragraphs of its parts:
 * its text, read and decoded but not parsed, with the path, region and year the index gives and
 * the body's start the digest does; NULL when d keeps less, the report is loaded already, or
 * the file cannot be read as it was indexed (the report is then read and parsed, or fails). */
static struct report *text_report(struct corpus *co, size_t i, const struct digest *d)
{
	if (!d || !d->facts_kept || !d->paras_kept || corpus_loaded(co, i))
		return NULL;
	struct corpus_meta m;
	corpus_meta(co, i, &m);
	struct report *r = corpus_read_text(co, i);
	if (!r)
		return NULL;
	r->meta.region = xstrdup(m.region ? m.region : "");
	r->meta.year = m.year;
	r->body_start = d->body_start;
	return r;
}

/* Builds and prints one region of the plan, then lets go of its reports: only one region's
 * reports are held at a time. With the cached index no report is parsed: each one's digest gives
 * its metrics and the paragraphs of its parts, and its text alone is read for the sentences. */
static void run_region(struct corpus *co, const struct trend_plan_region *pr, enum format fmt,
		       const struct classify_model *cm, const struct facts_model *fm, int *printed)
{
	struct report **reports = xmalloc((pr->n + 1) * sizeof *reports);
	struct report **texts = xcalloc(pr->n + 1, sizeof *texts);   /* owned: the text-only reports */
	struct digest *ds = xcalloc(pr->n + 1, sizeof *ds);
	const struct digest **digests = xmalloc((pr->n + 1) * sizeof *digests);
	size_t n = 0;
	for (size_t k = 0; k < pr->n; k++) {
		const struct digest *d = digest_at(co, pr->entries[k], &ds[k]);
		texts[k] = text_report(co, pr->entries[k], d);
		const struct report *r = texts[k] ? texts[k] : cli_report(co, pr->entries[k]);
		if (!r)
			continue;
		digests[n] = d;
		reports[n++] = (struct report *)r;   /* texts[k] or the corpus owns it; classification fills its sections */
	}
	if (n >= 2) {
		struct trend_region g;
		trend_region_build_digested(&g, reports, digests, n, cm, fm);
		print_region(&g, fmt, fm, *printed == 0);
		trend_region_fini(&g);
		++*printed;
	}
	for (size_t k = 0; k < pr->n; k++) {
		digest_fini(&ds[k]);
		report_free(texts[k]);
		corpus_unload(co, pr->entries[k]);
	}
	free(digests);
	free(ds);
	free(texts);
	free(reports);
}

/* A lazy corpus, described by the cached index when there is one: trend over many reports reads
 * only those of regions with several years, a region at a time, and parses none of them. */
static int run(char **paths, int npaths, const char *region, enum format fmt, const struct classify_model *cm,
	       const struct facts_model *fm)
{
	struct corpus co;
	corpus_init(&co);
	co.lazy = 1;
	cli_load(&co, paths, npaths);
	char *dir = index_cache_dir();
	struct session *s = session_new(&co, dir, NULL);
	free(dir);
	struct corpus_meta_source src = { session_meta, s, session_digest };
	if (session_cached(s))
		corpus_set_meta(&co, &src);
	struct trend_entry *e = entries_of(&co);
	cli_messages(&co, 0);
	struct trend_plan plan;
	trend_plan(&plan, e, co.n, region);
	if (fmt == CSV)
		fputs("region,year,kind,name,label,value,unit,from_year,file,text\r\n", stdout);
	int printed = 0;
	for (size_t i = 0; i < plan.n; i++)
		run_region(&co, &plan.regions[i], fmt, cm, fm, &printed);
	if (!printed && fmt == TEXT)
		puts("No region has reports of more than one year.");
	int status = corpus_failures(&co) || co.n == 0 ? 1 : 0;
	trend_plan_fini(&plan);
	free(e);
	corpus_set_meta(&co, NULL);
	session_free(s);
	corpus_fini(&co);
	return status;
}

int cli_trend(int argc, char **argv)
{
	enum format fmt = TEXT;
	const char *region = NULL;
	int first = options(argc, argv, &fmt, &region), done = cli_options_end(first, usage_text);
	if (done >= 0)
		return done;
	char *cause = NULL;
	const struct classify_model *cm = classify_default(&cause);
	if (!cm)
		return cli_fail("trend", cause);
	const struct facts_model *fm = facts_default(&cause);
	if (!fm) {
		classify_default_free();
		return cli_fail("trend", cause);
	}
	int status = run(argv + first, argc - first, region, fmt, cm, fm);
	facts_default_free();
	classify_default_free();
	return status;
}
