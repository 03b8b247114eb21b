/* cli_chart.c — `fazhi facts --chart METRIC`: one metric across the reports as a bar chart in text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "chart.h"
#include "classify.h"
#include "cli.h"
#include "corpus.h"
#include "facts.h"
#include "xmalloc.h"

static const char usage_text[] =
	"Usage: fazhi facts --chart METRIC [--width N] [PATH...]\n"
	"Draw one metric across the reports as a horizontal bar chart: one bar per report, labelled\n"
	"region and year, its value and unit written after it; bars start at zero and share one\n"
	"scale. METRIC is a metric's id (rev_received) or its label (fazhi facts lists both). A\n"
	"report that states the metric several times is charted by its first statement; one that\n"
	"does not state it shows —. When the reports state it in different units (件 and 次), a note\n"
	"under the chart says so.\n"
	"\n"
	"  --width N   columns of the chart (default: $COLUMNS, else 80)\n"
	"  -h, --help  show this help and exit\n"
	"Exit status: 0 when all files loaded, 1 when some could not be read, 2 on a usage error.\n";

/* A metric by its id, else by its label. */
static int metric_named(const struct facts_model *m, const char *name)
{
	int id = facts_metric_id(m, name);
	for (size_t i = 0; id < 0 && i < facts_metric_count(m); i++)
		if (strcmp(facts_metric_label(m, (int)i), name) == 0)
			id = (int)i;
	return id;
}

static size_t default_width(void)
{
	const char *cols = getenv("COLUMNS");
	long w = cols ? strtol(cols, NULL, 10) : 0;
	return w >= 40 && w <= 1000 ? (size_t)w : 80;
}

struct chart_args {
	const char *metric;
	size_t width;
	int first;   /* the first PATH; -1 usage error, -2 help */
};

static struct chart_args options(int argc, char **argv)
{
	struct chart_args a = { NULL, default_width(), 1 };
	for (; a.first < argc && argv[a.first][0] == '-' && argv[a.first][1]; a.first++) {
		const char *o = argv[a.first];
		int has_value = a.first + 1 < argc;
		if (strcmp(o, "--chart") == 0 && has_value) {
			a.metric = argv[++a.first];
		} else if (strcmp(o, "--width") == 0 && has_value) {
			long w = strtol(argv[++a.first], NULL, 10);
			if (w < 20 || w > 1000) {
				cli_usage_error("facts", "--width wants 20 to 1000 columns, not", argv[a.first]);
				a.first = -1;
				return a;
			}
			a.width = (size_t)w;
		} else if (strcmp(o, "-h") == 0 || strcmp(o, "--help") == 0) {
			a.first = -2;
			return a;
		} else if (strcmp(o, "--") == 0) {
			a.first++;
			break;
		} else {
			cli_usage_error("facts", "with --chart, unknown option or missing value", o);
			a.first = -1;
			return a;
		}
	}
	if (!a.metric) {
		cli_usage_error("facts", "--chart needs a metric", NULL);
		a.first = -1;
	}
	return a;
}

/* The bar of report r: labelled region and year, valued by the metric's first statement. */
static void bar_of(const struct facts_model *m, int metric, const struct report *r, struct facts *scratch,
		   struct chart_bar *bar, char *label, char *unit, char *value)
{
	snprintf(label, 256, "%s", r->meta.region ? r->meta.region : r->path);
	if (r->meta.year)
		snprintf(label + strlen(label), 256 - strlen(label), " %d", r->meta.year);
	*bar = (struct chart_bar){ label, 0, NULL, NULL };
	scratch->n = 0;
	facts_extract(m, r, scratch);
	for (size_t i = 0; i < scratch->n; i++) {
		const struct facts_fact *f = &scratch->v[i];
		if (f->metric != metric)
			continue;
		snprintf(value, 24, "%s", f->value_text);
		snprintf(unit, 96, "%.*s", (int)strcspn(f->unit, "|"), f->unit);
		*bar = (struct chart_bar){ label, f->value, value, unit };
		return;
	}
}

static void print_chart(const struct facts_model *m, const struct classify_model *cm, int metric, struct corpus *co,
			size_t width)
{
	struct chart_bar *bars = xcalloc(co->n + 1, sizeof *bars);
	char (*text)[256 + 96 + 24] = xcalloc(co->n + 1, sizeof *text);
	struct facts scratch = { 0 };
	for (size_t k = 0; k < co->n; k++) {
		classify_report_with(cm, co->reports[k], NULL);   /* its parts: the plans state targets */
		bar_of(m, metric, co->reports[k], &scratch, &bars[k], text[k], text[k] + 256, text[k] + 256 + 96);
	}
	struct chart c = { 0 };
	chart_layout(bars, co->n, width, &c);
	struct buf out = { 0 };
	buf_printf(&out, "%s (%s)\n", facts_metric_label(m, metric), facts_metric_name(m, metric));
	for (size_t i = 0; i < c.n; i++)
		buf_printf(&out, "%s\n", c.lines[i].text);
	if (chart_note_units(bars, co->n, &out))
		buf_addc(&out, '\n');
	cli_put(stdout, out.data, out.len);   /* paths may hold escapes */
	buf_fini(&out);
	chart_fini(&c);
	facts_fini(&scratch);
	free(text);
	free(bars);
}

int cli_chart(int argc, char **argv)
{
	struct chart_args a = options(argc, argv);
	int done = cli_options_end(a.first, usage_text);
	if (done >= 0)
		return done;
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m)
		return cli_fail("facts", cause);
	int metric = metric_named(m, a.metric);
	if (metric < 0) {
		facts_default_free();
		return cli_usage_error("facts", "no such metric (see fazhi facts for ids and labels)", a.metric);
	}
	const struct classify_model *cm = classify_default(&cause);
	if (!cm) {
		facts_default_free();
		return cli_fail("facts", cause);
	}
	struct corpus co;
	corpus_init(&co);
	size_t failed = cli_load(&co, argv + a.first, argc - a.first);
	if (co.n)
		print_chart(m, cm, metric, &co, a.width);
	int status = failed || co.n == 0 ? 1 : 0;
	corpus_fini(&co);
	facts_default_free();
	classify_default_free();
	return status;
}
