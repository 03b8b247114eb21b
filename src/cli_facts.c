/* cli_facts.c — the `fazhi facts` subcommand: key metrics stated in the reports, as text, --csv or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "index.h"
#include "session.h"

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

/* A fact of report `path` as one line of the chosen format. */
/* One fact's fields as the three formats print them. */
struct fact_fields {
	const char *region, *name, *unit, *qualifier, *label, *period, *text;
	size_t region_len, counter, qualifier_len, text_len;
	struct buf from;   /* a computed fact's text: the figures it came from */
};

static void fact_fields(struct fact_fields *o, const struct facts_model *m, const struct digest *d,
                        const struct digest_fact *f)
{
	memset(o, 0, sizeof *o);
	o->region = d->region.s ? d->region.s : "";
	o->region_len = d->region.s ? d->region.n : 0;
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

/* Fields are added, not formatted with buf_printf: a corpus prints millions of them. */
static void print_fact_csv(struct buf *b, const char *path, const struct digest *d, const struct digest_fact *f,
                           const struct fact_fields *o)
{
	buf_add_csv(b, path, strlen(path));
	buf_addc(b, ',');
	buf_add_csv(b, o->region, o->region_len);
	buf_addc(b, ',');
	if (d->year)
		buf_add_int(b, d->year);
	buf_addc(b, ',');
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
	struct buf sec = { 0 };
	section_path(&sec, d, f->section, 0);
	buf_add_csv(b, sec.data ? sec.data : "", sec.len);
	buf_fini(&sec);
	buf_addc(b, ',');
	buf_add_csv(b, o->text, o->text_len);
	buf_adds(b, "\r\n");
}

static void print_fact_json(struct buf *b, const struct facts_model *m, const char *path, const struct digest *d,
                            const struct digest_fact *f, const struct fact_fields *o)
{
	buf_adds(b, "{\"file\":");
	buf_add_json(b, path, strlen(path));
	buf_adds(b, ",\"region\":");
	json_string_or_null(b, o->region, o->region_len);
	buf_adds(b, ",\"year\":");
	if (d->year)
		buf_add_int(b, d->year);
	else
		buf_adds(b, "null");
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

static void print_fact(struct buf *b, enum format fmt, const struct facts_model *m, const char *path,
                       const struct digest *d, const struct digest_fact *f)
{
	struct fact_fields o;
	fact_fields(&o, m, d, f);
	if (fmt == CSV)
		print_fact_csv(b, path, d, f, &o);
	else if (fmt == JSON)
		print_fact_json(b, m, path, d, f, &o);
	else
		print_fact_text(b, f, &o);
	buf_fini(&o.from);
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

/* The digest of entry k into d: from the index when it keeps it, else made from the report
 * (into scratch). Returns 0, or -1 when the report cannot be read (its message printed). */
static int digest_at(struct corpus *c, size_t k, const struct index *ix, const struct facts_model *m,
                     struct buf *scratch, struct digest *d)
{
	const void *p;
	size_t len;
	if (ix && index_digest(ix, k, &p, &len) == 0 && digest_decode(p, len, d) == 0 && d->facts_kept)
		return cli_unchanged(c, k) ? 0 : -1;
	const struct report *r = cli_report(c, k);
	if (!r)
		return -1;
	buf_reset(scratch);
	digest_of(r, NULL, m, scratch);
	return digest_decode(scratch->data, scratch->len, d);
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
	struct corpus co;
	corpus_init(&co);
	co.lazy = 1;
	char *dir = argc > first ? index_cache_dir() : NULL;
	cli_load_indexed(&co, argv + first, argc - first, dir);
	struct index_progress bar = { cli_progress, NULL, cli_merge_progress };
	struct session *s = session_new(&co, dir, isatty(2) ? &bar : NULL);
	const struct index *ix = open_index(&co, s, dir);
	struct buf out = { 0 }, scratch = { 0 };
	struct digest d = { 0 };
	size_t shown = 0;   /* reports read so far */
	if (excel)
		buf_adds(&out, "\xEF\xBB\xBF");   /* Excel reads CSV as the ANSI code page without it */
	if (fmt == CSV)
		buf_adds(&out, "file,region,year,metric,label,value,unit,qualifier,period,section,text\r\n");
	for (size_t k = 0; k < co.n; k++) {
		if (corpus_failed(&co, k) || digest_at(&co, k, ix, m, &scratch, &d) < 0)
			continue;
		const char *path = corpus_path(&co, k);
		if (fmt == TEXT && d.nfacts) {
			buf_printf(&out, "%s", shown ? "\n" : "");
			if (d.region.s)
				buf_add(&out, d.region.s, d.region.n);
			else
				buf_adds(&out, path);
			if (d.year)
				buf_printf(&out, " %d", d.year);
			buf_printf(&out, " (%s)\n", path);
		}
		shown++;
		for (size_t i = 0; i < d.nfacts; i++)
			print_fact(&out, fmt, m, path, &d, &d.facts[i]);
		cli_put(stdout, out.data ? out.data : "", out.len);   /* paths may hold escapes */
		buf_reset(&out);
	}
	int status = corpus_failures(&co) || shown == 0 ? 1 : 0;
	digest_fini(&d);
	buf_fini(&scratch);
	buf_fini(&out);
	session_free(s);
	free(dir);
	corpus_fini(&co);
	facts_default_free();
	return status;
}
