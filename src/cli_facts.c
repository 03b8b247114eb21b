/* cli_facts.c — the `fazhi facts` subcommand: key metrics stated in the reports, as text, --csv or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "corpus.h"
#include "facts.h"

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

/* The sentence without the blanks that open its line. */
static void sentence(const struct report *r, const struct facts_fact *f, const char **s, size_t *n)
{
	size_t a = f->start;
	while (a < f->end && (r->text[a] == ' ' || r->text[a] == '\n'))
		a++;
	while (a + 2 <= f->end && (unsigned char)r->text[a] == 0xc2 && (unsigned char)r->text[a + 1] == 0xa0)
		a += 2;
	*s = r->text + a, *n = f->end - a;
	if (*n && (*s)[*n - 1] == '\n')
		(*n)--;
}

/* A fact's unit "counter|qualifier;…" split: the counter's length, and the qualifiers ("" when none). */
static size_t counter_of(const char *unit, const char **qualifier)
{
	const char *bar = strchr(unit, '|');
	*qualifier = bar ? bar + 1 : "";
	return bar ? (size_t)(bar - unit) : strlen(unit);
}

/* The numerals of the chapters holding section sec, outermost first, joined by sep. */
static void section_path(struct buf *b, const struct report *r, int sec, int json)
{
	int path[8], depth = 0;
	for (; sec >= 0 && depth < 8; sec = r->sections[sec].parent)
		path[depth++] = sec;
	for (int d = depth - 1; d >= 0; d--) {
		const struct section *s = &r->sections[path[d]];
		if (d != depth - 1)
			buf_addc(b, json ? ',' : '/');
		if (json)
			buf_add_json(b, r->text + s->number_start, s->number_end - s->number_start);
		else
			buf_add(b, r->text + s->number_start, s->number_end - s->number_start);
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
static void formula(struct buf *b, const struct facts_model *m, const struct facts *all, const struct facts_fact *f)
{
	const struct facts_fact *num = &all->v[f->from[0]], *den = &all->v[f->from[1]];
	buf_printf(b, "%s %s", facts_metric_name(m, num->metric), num->value_text);
	for (size_t i = 0; i < f->nalso; i++)
		buf_printf(b, "+%s", all->v[f->also[i]].value_text);
	buf_printf(b, " / %s %s", facts_metric_name(m, den->metric), den->value_text);
}

static void print_fact(struct buf *b, enum format fmt, const struct facts_model *m, const struct report *r,
		       const struct facts *all, const struct facts_fact *f)
{
	const char *region = r->meta.region ? r->meta.region : "", *name = facts_metric_name(m, f->metric);
	const char *s;
	size_t n;
	struct buf from = { 0 };
	sentence(r, f, &s, &n);
	if (f->computed) {   /* its text is the figures it came from */
		formula(&from, m, all, f);
		s = from.data, n = from.len;
	}
	const char *qualifier;
	size_t counter = counter_of(f->unit, &qualifier);
	const char *label = facts_metric_label(m, f->metric);
	if (fmt == CSV) {
		buf_add_csv(b, r->path, strlen(r->path));
		buf_addc(b, ',');
		buf_add_csv(b, region, strlen(region));
		if (r->meta.year)
			buf_printf(b, ",%d,", r->meta.year);
		else
			buf_adds(b, ",,");
		buf_printf(b, "%s,", name);
		buf_add_csv(b, label, strlen(label));
		buf_printf(b, ",%s,", f->value_text);
		buf_add_csv(b, f->unit, counter);
		buf_addc(b, ',');
		buf_add_csv(b, qualifier, strlen(qualifier));
		buf_addc(b, ',');
		buf_add_csv(b, r->text + f->period_start, f->period_end - f->period_start);
		buf_addc(b, ',');
		struct buf sec = { 0 };
		section_path(&sec, r, f->section, 0);
		buf_add_csv(b, sec.data ? sec.data : "", sec.len);
		buf_fini(&sec);
		buf_addc(b, ',');
		buf_add_csv(b, s, n);
		buf_adds(b, "\r\n");
		buf_fini(&from);
		return;
	}
	if (fmt == JSON) {
		buf_adds(b, "{\"file\":");
		buf_add_json(b, r->path, strlen(r->path));
		buf_adds(b, ",\"region\":");
		json_string_or_null(b, region, strlen(region));
		if (r->meta.year)
			buf_printf(b, ",\"year\":%d", r->meta.year);
		else
			buf_adds(b, ",\"year\":null");
		buf_printf(b, ",\"metric\":\"%s\",\"label\":", name);
		buf_add_json(b, label, strlen(label));
		buf_printf(b, ",\"value\":%s,\"unit\":", f->value_text);
		buf_add_json(b, f->unit, counter);
		buf_adds(b, ",\"unit_norm\":");   /* the unit figures compare in: 宗 and 起 of cases as 件 */
		buf_add_json(b, f->unit_norm, strlen(f->unit_norm));
		buf_adds(b, ",\"qualifier\":");
		json_string_or_null(b, qualifier, strlen(qualifier));
		buf_adds(b, ",\"text\":");
		buf_add_json(b, s, n);
		buf_adds(b, ",\"figure\":");
		json_string_or_null(b, r->text + f->num_start, f->num_end - f->num_start);
		buf_printf(b, ",\"start\":%zu,\"end\":%zu,\"section\":[", f->computed ? f->start : (size_t)(s - r->text),
			   f->end);
		section_path(b, r, f->section, 1);
		buf_adds(b, "],\"period\":");
		json_string_or_null(b, r->text + f->period_start, f->period_end - f->period_start);
		if (f->computed)
			buf_printf(b, ",\"computed\":true,\"from\":[\"%s\",\"%s\"]",
				   facts_metric_name(m, all->v[f->from[0]].metric), facts_metric_name(m, all->v[f->from[1]].metric));
		buf_adds(b, "}\n");
		buf_fini(&from);
		return;
	}
	buf_printf(b, "%s\t%s\t%s\t", name, f->value_text, f->unit);
	if (f->period_end > f->period_start) {
		buf_addc(b, '[');
		buf_add(b, r->text + f->period_start, f->period_end - f->period_start);
		buf_adds(b, "] ");
	}
	buf_add(b, s, n);
	buf_addc(b, '\n');
	buf_fini(&from);
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
	struct corpus co;
	corpus_init(&co);
	size_t failed = cli_load(&co, argv + first, argc - first);
	struct buf out = { 0 };
	struct facts f = { 0 };
	if (excel)
		buf_adds(&out, "\xEF\xBB\xBF");   /* Excel reads CSV as the ANSI code page without it */
	if (fmt == CSV)
		buf_adds(&out, "file,region,year,metric,label,value,unit,qualifier,period,section,text\r\n");
	for (size_t k = 0; k < co.n; k++) {
		const struct report *r = corpus_get(&co, k);   /* an eager corpus: every one loaded */
		f.n = 0;
		facts_extract(m, r, &f);
		facts_compute(m, &f, 0);
		if (fmt == TEXT && f.n) {
			buf_printf(&out, "%s%s", k ? "\n" : "", r->meta.region ? r->meta.region : r->path);
			if (r->meta.year)
				buf_printf(&out, " %d", r->meta.year);
			buf_printf(&out, " (%s)\n", r->path);
		}
		for (size_t i = 0; i < f.n; i++)
			print_fact(&out, fmt, m, r, &f, &f.v[i]);
		cli_put(stdout, out.data ? out.data : "", out.len);   /* paths may hold escapes */
		buf_reset(&out);
	}
	int status = failed || co.n == 0 ? 1 : 0;   /* corpus_fini empties co */
	facts_fini(&f);
	buf_fini(&out);
	corpus_fini(&co);
	facts_default_free();
	return status;
}
