/* cli_facts.c — the `fazhi facts` subcommand: key metrics stated in the reports, as text, --csv or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "classify.h"
#include "cli.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "index.h"
#include "ordered.h"
#include "session.h"
#include "xmalloc.h"

static const char usage_text[] =
	"Usage: fazhi facts [--csv [--excel]|--json] [PATH...]\n"
	"List the key metrics the reports state (行政复议, 行政应诉, 规范性文件, 法律援助 …);\n"
	"with no PATH, those of the embedded sample reports.\n"
	"\n"
	"  --csv       columns file,region,year,metric,label,value,unit,qualifier,period,section,text\n"
	"              (RFC 4180 quoting, CRLF line ends)\n"
	"  --excel     CSV that Excel opens as UTF-8: a byte-order mark first (implies --csv)\n"
	"  --json      one object per fact per line: {\"file\", \"region\", \"year\", \"metric\", \"label\",\n"
	"              \"value\", \"unit\", \"unit_norm\", \"qualifier\", \"text\", \"figure\", \"start\", \"end\",\n"
	"              \"section\", \"period\"} (start/end: byte range of the sentence; section: numerals of\n"
	"              its chapter path; unit_norm: the unit figures compare in, 宗 and 起 read 件); a\n"
	"              computed rate adds \"computed\": true and \"from\": [numerator, denominator metrics]\n"
	"  --chart METRIC [--width N]\n"
	"              one metric as a bar chart across the reports (fazhi facts --chart M --help)\n"
	"  -h, --help  show this help and exit\n"
	"\n"
	"unit is the plain counter (件, 宗, 万元, %); qualifier holds what qualifies the figure, joined\n"
	"by ';' (余, 近, 以上, or the catalogue's scope note); period is the reporting period the\n"
	"sentence states (1-11月, 截至10月底), section the chapter numerals joined by '/'. In text\n"
	"output the unit is written counter|qualifier. FAZHI_METRICS=FILE replaces the built-in\n"
	"catalogue (format: assets/metrics.tsv).\n"
	"Exit status: 0 when all files loaded, 1 when some could not be read, 2 on a usage error.\n";

enum format { TEXT, CSV, JSON };

/* The numerals of the chapters holding section sec, outermost first, joined by sep. */
static void section_path(struct buf *b, const struct digest *d, int sec, int json)
{
	int path[8], depth = 0;
	for (; sec >= 0 && depth < 8; sec = d->sections[sec].parent)
		path[depth++] = sec;
	for (int k = depth - 1; k >= 0; k--) {
		const struct digest_str *n = &d->sections[path[k]].number;
		if (k != depth - 1)
			buf_addc(b, json ? ',' : '/');
		if (json)
			buf_add_json(b, n->s ? n->s : "", n->n);
		else
			buf_add(b, n->s ? n->s : "", n->n);
	}
}

static void json_string_or_null(struct buf *b, const char *s, size_t n)
{
	if (s && n)
		buf_add_json(b, s, n);
	else
		buf_adds(b, "null");
}

/* What a computed rate came from: "rev_corrected 5 / rev_concluded 40", "rev_corrected 1+8 / …". */
static void formula(struct buf *b, const struct facts_model *m, const struct digest *d, const struct digest_fact *f)
{
	const struct digest_fact *num = &d->facts[f->from[0]], *den = &d->facts[f->from[1]];
	buf_printf(b, "%s %.*s", facts_metric_name(m, num->metric), (int)num->value_text.n, num->value_text.s);
	for (size_t i = 0; i < f->nalso; i++)
		buf_printf(b, "+%.*s", (int)d->facts[f->also[i]].value_text.n, d->facts[f->also[i]].value_text.s);
	buf_printf(b, " / %s %.*s", facts_metric_name(m, den->metric), (int)den->value_text.n, den->value_text.s);
}

/* The unit figures compare in (宗 and 起 of cases as 件), of a unit not NUL-terminated. */
static void unit_norm(const struct digest_fact *f, char *dst, size_t size)
{
	char unit[sizeof ((struct facts_fact *)0)->unit];
	size_t n = f->unit.n < sizeof unit - 1 ? f->unit.n : sizeof unit - 1;
	memcpy(unit, f->unit.s ? f->unit.s : "", n);
	unit[n] = '\0';
	facts_unit_norm(unit, dst, size);
}

/* One fact's fields as the three formats print them. */
struct fact_fields {
	const char *name, *unit, *qualifier, *label, *period, *text;
	size_t counter, qualifier_len, text_len;
	struct buf from;   /* a computed fact's text: the figures it came from */
};

static void fact_fields(struct fact_fields *o, const struct facts_model *m, const struct digest *d,
                        const struct digest_fact *f)
{
	memset(o, 0, sizeof *o);
	o->name = facts_metric_name(m, f->metric);
	o->unit = f->unit.s ? f->unit.s : "";
	const char *bar = memchr(o->unit, '|', f->unit.n);
	o->counter = bar ? (size_t)(bar - o->unit) : f->unit.n;
	o->qualifier = bar ? bar + 1 : "";
	o->qualifier_len = bar ? f->unit.n - o->counter - 1 : 0;
	o->label = facts_metric_label(m, f->metric);
	o->period = f->period.s ? f->period.s : "";
	o->text = f->text.s, o->text_len = f->text.n;
	if (f->computed) {
		formula(&o->from, m, d, f);
		o->text = o->from.data, o->text_len = o->from.len;
	}
}

/* What the lines of a report's facts open with, the same for each: the file, region and year, up
 * to the metric (CSV and JSON; nothing for text). Fields are added, not formatted with
 * buf_printf: a corpus prints millions of them. */
static void report_prefix(struct buf *b, enum format fmt, const char *path, const struct digest *d)
{
	buf_reset(b);
	if (fmt == CSV) {
		buf_add_csv(b, path, strlen(path));
		buf_addc(b, ',');
		buf_add_csv(b, d->region.s ? d->region.s : "", d->region.s ? d->region.n : 0);
		buf_addc(b, ',');
		if (d->year)
			buf_add_int(b, d->year);
		buf_addc(b, ',');
	} else if (fmt == JSON) {
		buf_adds(b, "{\"file\":");
		buf_add_json(b, path, strlen(path));
		buf_adds(b, ",\"region\":");
		json_string_or_null(b, d->region.s, d->region.s ? d->region.n : 0);
		buf_adds(b, ",\"year\":");
		if (d->year)
			buf_add_int(b, d->year);
		else
			buf_adds(b, "null");
	}
}

/* sec: scratch for the section's path. */
static void print_fact_csv(struct buf *b, const struct buf *prefix, struct buf *sec, const struct digest *d,
                           const struct digest_fact *f, const struct fact_fields *o)
{
	buf_add(b, prefix->data, prefix->len);
	buf_adds(b, o->name);
	buf_addc(b, ',');
	buf_add_csv(b, o->label, strlen(o->label));
	buf_addc(b, ',');
	buf_add(b, f->value_text.s, f->value_text.n);
	buf_addc(b, ',');
	buf_add_csv(b, o->unit, o->counter);
	buf_addc(b, ',');
	buf_add_csv(b, o->qualifier, o->qualifier_len);
	buf_addc(b, ',');
	buf_add_csv(b, o->period, f->period.n);
	buf_addc(b, ',');
	buf_reset(sec);
	section_path(sec, d, f->section, 0);
	buf_add_csv(b, sec->data ? sec->data : "", sec->len);
	buf_addc(b, ',');
	buf_add_csv(b, o->text, o->text_len);
	buf_adds(b, "\r\n");
}

static void print_fact_json(struct buf *b, const struct facts_model *m, const struct buf *prefix,
                            const struct digest *d, const struct digest_fact *f, const struct fact_fields *o)
{
	buf_add(b, prefix->data, prefix->len);
	buf_adds(b, ",\"metric\":\"");
	buf_adds(b, o->name);
	buf_adds(b, "\",\"label\":");
	buf_add_json(b, o->label, strlen(o->label));
	buf_adds(b, ",\"value\":");
	buf_add(b, f->value_text.s, f->value_text.n);
	buf_adds(b, ",\"unit\":");
	buf_add_json(b, o->unit, o->counter);
	char norm[sizeof ((struct facts_fact *)0)->unit_norm];
	unit_norm(f, norm, sizeof norm);
	buf_adds(b, ",\"unit_norm\":");
	buf_add_json(b, norm, strlen(norm));
	buf_adds(b, ",\"qualifier\":");
	json_string_or_null(b, o->qualifier, o->qualifier_len);
	buf_adds(b, ",\"text\":");
	buf_add_json(b, o->text, o->text_len);
	buf_adds(b, ",\"figure\":");
	json_string_or_null(b, f->figure.s, f->figure.n);
	buf_adds(b, ",\"start\":");
	buf_add_int(b, (long long)f->start);
	buf_adds(b, ",\"end\":");
	buf_add_int(b, (long long)f->end);
	buf_adds(b, ",\"section\":[");
	section_path(b, d, f->section, 1);
	buf_adds(b, "],\"period\":");
	json_string_or_null(b, o->period, f->period.n);
	if (f->computed)
		buf_printf(b, ",\"computed\":true,\"from\":[\"%s\",\"%s\"]", facts_metric_name(m, d->facts[f->from[0]].metric),
			   facts_metric_name(m, d->facts[f->from[1]].metric));
	buf_adds(b, "}\n");
}

static void print_fact_text(struct buf *b, const struct digest_fact *f, const struct fact_fields *o)
{
	buf_printf(b, "%s\t%.*s\t%.*s\t", o->name, (int)f->value_text.n, f->value_text.s, (int)f->unit.n, o->unit);
	if (f->period.n) {
		buf_addc(b, '[');
		buf_add(b, o->period, f->period.n);
		buf_adds(b, "] ");
	}
	buf_add(b, o->text, o->text_len);
	buf_addc(b, '\n');
}

/* What a thread formatting facts keeps from report to report. */
struct fact_scratch {
	struct buf prefix, sec;
};

static void print_fact(struct buf *b, enum format fmt, const struct facts_model *m, struct fact_scratch *x,
                       const struct digest *d, const struct digest_fact *f)
{
	struct fact_fields o;
	fact_fields(&o, m, d, f);
	if (fmt == CSV)
		print_fact_csv(b, &x->prefix, &x->sec, d, f, &o);
	else if (fmt == JSON)
		print_fact_json(b, m, &x->prefix, d, f, &o);
	else
		print_fact_text(b, f, &o);
	buf_fini(&o.from);
}

/* The lines of the facts of report `path`; for text, opened by a line naming the report when it
 * has facts (the blank line before it is the caller's). */
static void print_report(struct buf *b, enum format fmt, const struct facts_model *m, struct fact_scratch *x,
                         const char *path, const struct digest *d)
{
	if (fmt == TEXT && d->nfacts) {
		if (d->region.s)
			buf_add(b, d->region.s, d->region.n);
		else
			buf_adds(b, path);
		if (d->year)
			buf_printf(b, " %d", d->year);
		buf_printf(b, " (%s)\n", path);
	}
	report_prefix(&x->prefix, fmt, path, d);
	for (size_t i = 0; i < d->nfacts; i++)
		print_fact(b, fmt, m, x, d, &d->facts[i]);
}

static int options(int argc, char **argv, enum format *fmt, int *excel)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--csv") == 0)
			*fmt = CSV;
		else if (strcmp(a, "--excel") == 0)
			*excel = 1;
		else if (strcmp(a, "--json") == 0)
			*fmt = JSON;
		else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			return -2;
		else if (strcmp(a, "--") == 0)
			return i + 1;
		else {
			cli_usage_error("facts", "unknown option", a);
			return -1;
		}
	}
	if (*excel && *fmt == JSON) {
		cli_usage_error("facts", "--excel goes with --csv, not", "--json");
		return -1;
	}
	if (*excel)
		*fmt = CSV;
	return i;
}

/* Printing is cut into chunks of FACTS_CHUNK entries (ordered.h): a thread takes a chunk's
 * entries and their digests from the index in order, decodes and formats them beside the other
 * threads, and writes them in order, checking then that each file is still the one the index
 * read. An entry the index keeps no usable digest of is parsed when written. */
#define FACTS_CHUNK 64
#define FACTS_THREADS 4

struct facts_item {
	size_t k;                /* corpus entry */
	const char *path;
	const void *bytes;       /* its digest in the index, len bytes; NULL: none */
	size_t len;
	int parse;               /* no usable digest: parsed when written */
	int heads;               /* text: opens with the report's line, a blank line before but first */
	size_t end;              /* where its lines end in the chunk's output */
};

struct facts_chunk {
	struct facts_item item[FACTS_CHUNK];
	size_t n;
	struct buf out, one;     /* the chunk's lines; one parsed report's */
	struct buf scratch;      /* a parsed report's digest */
	struct fact_scratch x;
	struct digest d;
};

struct facts_job {
	struct corpus *c;
	const struct index *ix;
	const struct facts_model *m;
	const struct classify_model *cm;   /* a report parsed is classified first, as the index's are */
	enum format fmt;
	size_t next;             /* the entry the next chunk starts at */
	size_t shown;            /* reports written so far */
};

static int facts_take(void *arg, void *w, size_t chunk)
{
	struct facts_job *j = arg;
	struct facts_chunk *ch = w;
	(void)chunk;
	if (j->next >= j->c->n)
		return 0;
	size_t end = j->next + FACTS_CHUNK < j->c->n ? j->next + FACTS_CHUNK : j->c->n;
	ch->n = 0;
	for (size_t k = j->next; k < end; k++) {
		if (corpus_failed(j->c, k))
			continue;
		struct facts_item *it = &ch->item[ch->n++];
		*it = (struct facts_item){ .k = k, .path = corpus_path(j->c, k) };
		if (j->ix && index_digest(j->ix, k, &it->bytes, &it->len) < 0)
			it->bytes = NULL;
	}
	j->next = end;
	return 1;
}

static void facts_work(void *arg, void *w)
{
	const struct facts_job *j = arg;
	struct facts_chunk *ch = w;
	buf_reset(&ch->out);
	for (size_t i = 0; i < ch->n; i++) {
		struct facts_item *it = &ch->item[i];
		it->parse = !it->bytes || digest_decode(it->bytes, it->len, &ch->d) < 0 || !ch->d.facts_kept;
		if (!it->parse) {
			it->heads = j->fmt == TEXT && ch->d.nfacts;
			print_report(&ch->out, j->fmt, j->m, &ch->x, it->path, &ch->d);
		}
		it->end = ch->out.len;
	}
}

/* Writes one report's lines, after a blank line in text when they open with its line. */
static void put_report(struct facts_job *j, const char *p, size_t n, int heads)
{
	if (heads && j->shown && j->fmt == TEXT)
		cli_put(stdout, "\n", 1);
	cli_put(stdout, p, n);   /* paths may hold escapes */
	j->shown++;
}

/* Parses entry it->k and writes its facts; nothing when it cannot be read (its message printed). */
static void put_parsed(struct facts_job *j, struct facts_chunk *ch, const struct facts_item *it)
{
	const struct report *r = cli_report(j->c, it->k);
	if (!r)
		return;
	buf_reset(&ch->scratch);
	struct classify_paras paras = { 0 };   /* its parts: figures in the plans are targets (facts.h) */
	classify_report_with(j->cm, (struct report *)r, &paras);
	digest_of(r, &paras, j->m, &ch->scratch);
	classify_paras_fini(&paras);
	if (digest_decode(ch->scratch.data, ch->scratch.len, &ch->d) < 0)
		return;
	buf_reset(&ch->one);
	print_report(&ch->one, j->fmt, j->m, &ch->x, it->path, &ch->d);
	put_report(j, ch->one.data ? ch->one.data : "", ch->one.len, j->fmt == TEXT && ch->d.nfacts);
}

static void facts_emit(void *arg, void *w)
{
	struct facts_job *j = arg;
	struct facts_chunk *ch = w;
	for (size_t i = 0, start = 0; i < ch->n; start = ch->item[i++].end) {
		const struct facts_item *it = &ch->item[i];
		if (it->parse)
			put_parsed(j, ch, it);
		else if (cli_unchanged(j->c, it->k))
			put_report(j, ch->out.data ? ch->out.data + start : "", it->end - start, it->heads);
	}
	if (j->ix && ch->n)   /* written: their digests are not read again */
		index_digests_let_go(j->ix, ch->item[0].k, ch->item[ch->n - 1].k + 1);
}

static void facts_chunk_free(struct facts_chunk *ch)
{
	buf_fini(&ch->out);
	buf_fini(&ch->one);
	buf_fini(&ch->scratch);
	buf_fini(&ch->x.prefix);
	buf_fini(&ch->x.sec);
	digest_fini(&ch->d);
}

/* Prints the facts of every entry of c that loads, in order; returns the reports printed. */
static size_t print_facts(struct corpus *c, const struct index *ix, const struct facts_model *m,
			  const struct classify_model *cm, enum format fmt)
{
	static const struct ordered_ops ops = { facts_take, facts_work, facts_emit };
	struct facts_job j = { .c = c, .ix = ix, .m = m, .cm = cm, .fmt = fmt };
	size_t nt = ordered_threads(FACTS_THREADS);
	struct facts_chunk *ch = xcalloc(nt, sizeof *ch);
	void *workers[FACTS_THREADS];
	for (size_t t = 0; t < nt; t++)
		workers[t] = &ch[t];
	ordered_run(&ops, &j, workers, nt);
	for (size_t t = 0; t < nt; t++)
		facts_chunk_free(&ch[t]);
	free(ch);
	return j.shown;
}

/* The facts of the reports below a directory come from its cached index (built now if there is
 * none), so no report is parsed; files named alone and the samples are parsed. */
static const struct index *open_index(struct corpus *c, struct session *s, const char *dir)
{
	size_t unread = 0;
	for (size_t i = 0; i < c->n; i++)
		unread += !corpus_loaded(c, i);
	const struct index *ix = dir && unread ? session_index(s) : NULL;
	for (size_t i = 0; !ix && i < c->n; i++)
		corpus_load(c, i);   /* every message is known before the first line is printed */
	cli_messages(c, 0);
	cli_notice(s);
	return ix;
}

int cli_facts(int argc, char **argv)
{
	for (int i = 1; i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--chart") == 0)
			return cli_chart(argc, argv);
	enum format fmt = TEXT;
	int excel = 0;
	int first = options(argc, argv, &fmt, &excel);
	if (first == -2) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (first < 0)
		return 2;
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m)
		return cli_fail("facts", cause);
	const struct classify_model *cm = classify_default(&cause);
	if (!cm) {
		facts_default_free();
		return cli_fail("facts", cause);
	}
	struct corpus co;
	corpus_init(&co);
	co.lazy = 1;
	char *dir = argc > first ? index_cache_dir() : NULL;
	cli_load_indexed(&co, argv + first, argc - first, dir);
	struct index_progress bar = { cli_progress, NULL, cli_merge_progress };
	struct session *s = session_new(&co, dir, isatty(2) ? &bar : NULL);
	const struct index *ix = open_index(&co, s, dir);
	if (excel)
		fputs("\xEF\xBB\xBF", stdout);   /* Excel reads CSV as the ANSI code page without it */
	if (fmt == CSV)
		fputs("file,region,year,metric,label,value,unit,qualifier,period,section,text\r\n", stdout);
	size_t shown = print_facts(&co, ix, m, cm, fmt);
	int status = corpus_failures(&co) || shown == 0 ? 1 : 0;
	session_free(s);
	free(dir);
	corpus_fini(&co);
	facts_default_free();
	classify_default_free();
	return status;
}
