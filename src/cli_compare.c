/* cli_compare.c — the `fazhi compare` subcommand: sections of several reports aligned by PART × TOPIC, as text or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "cli.h"
#include "compare.h"
#include "corpus.h"
#include "facts.h"
#include "text.h"
#include "xmalloc.h"

static const char usage_text[] =
	"Usage: fazhi compare [--json|--md|--csv] FILE FILE...\n"
	"Align the sections of two or more reports by part and topic (举措成效, 问题不足, …).\n"
	"\n"
	"  --md        a Markdown table for a document: a row per part × topic, a column per report,\n"
	"              each cell the text of that row's sections, then the facts they state\n"
	"              (| and \\ are written \\| and \\\\, line ends <br>, < and & as &lt; and &amp;)\n"
	"  --csv       the same table as CSV for a spreadsheet (RFC 4180, CRLF line ends):\n"
	"              columns part,topic,label, then one per report\n"
	"  --json      one JSON object:\n"
	"              {\"reports\": [{\"file\", \"region\", \"year\"}],\n"
	"               \"rows\": [{\"part\", \"topic\", \"label\", \"cells\": [[{\"path\", \"title\"}], ...]}]}\n"
	"              one cell list per report; path holds the numerals from the top level down;\n"
	"              paragraphs that change part without a heading carry \"unheaded\": true,\n"
	"              paragraphs listed again for an area besides their section's \"also\": true\n"
	"  -h, --help  show this help and exit\n"
	"\n"
	"FAZHI_TAXONOMY=FILE replaces the built-in cue table (format: assets/taxonomy.tsv).\n"
	"Exit status: 0 when all files loaded, 1 when some could not be read, 2 on a usage error.\n";

/* Appends the words an item shows: a section's title (on one line), or the first 30
 * characters of a run. */
static void item_title(struct buf *b, const struct report *r, const struct compare_item *it)
{
	if (it->npara == 0) {
		const struct section *sec = &r->sections[it->section];
		report_add_joined(b, r, sec->title_start, sec->title_end);
		return;
	}
	const struct para *p = &r->paras[it->para];
	buf_add(b, r->text + p->start, text_clip(r->text + p->start, p->end - p->start, 60, NULL));
}

static void json_item(struct buf *b, const struct report *r, const struct compare_item *it)
{
	int path[8];
	size_t depth = it->section >= 0 ? compare_path(r, it->section, path, 8) : 0;
	buf_adds(b, "{\"path\":[");
	for (size_t d = 0; d < depth; d++) {
		const struct section *s = &r->sections[path[d]];
		if (d)
			buf_addc(b, ',');
		buf_add_json(b, r->text + s->number_start, s->number_end - s->number_start);
	}
	struct buf title = { 0 };
	item_title(&title, r, it);
	buf_adds(b, "],\"title\":");
	buf_add_json(b, title.data ? title.data : "", title.len);
	buf_fini(&title);
	if (it->npara)
		buf_adds(b, it->also ? ",\"also\":true" : ",\"unheaded\":true");
	buf_addc(b, '}');
}

static void json_string_or_null(struct buf *b, const char *s)
{
	if (s && *s)
		buf_add_json(b, s, strlen(s));
	else
		buf_adds(b, "null");
}

static void print_json(struct buf *b, const struct compare *c)
{
	buf_adds(b, "{\"reports\":[");
	for (size_t k = 0; k < c->nreports; k++) {
		const struct report *r = c->reports[k];
		buf_adds(b, k ? ",{\"file\":" : "{\"file\":");
		buf_add_json(b, r->path, strlen(r->path));
		buf_adds(b, ",\"region\":");
		json_string_or_null(b, r->meta.region);
		if (r->meta.year)
			buf_printf(b, ",\"year\":%d}", r->meta.year);
		else
			buf_adds(b, ",\"year\":null}");
	}
	buf_adds(b, "],\"rows\":[");
	struct buf label = { 0 };
	for (size_t row = 0; row < c->nrows; row++) {
		const struct compare_row *rw = &c->rows[row];
		buf_reset(&label);
		compare_label(rw->part, rw->topic, &label);
		buf_printf(b, "%s{\"part\":\"%s\",\"topic\":\"%s\",\"label\":", row ? "," : "",
			   classify_part_name(rw->part), classify_topic_name(rw->topic));
		buf_add_json(b, label.data, label.len);
		buf_adds(b, ",\"cells\":[");
		for (size_t k = 0; k < c->nreports; k++) {
			const struct compare_cell *cell = compare_cell(c, row, k);
			buf_adds(b, k ? ",[" : "[");
			for (size_t i = cell->first; i < cell->first + cell->n; i++) {
				if (i > cell->first)
					buf_addc(b, ',');
				json_item(b, c->reports[k], &c->items[i]);
			}
			buf_addc(b, ']');
		}
		buf_adds(b, "]}");
	}
	buf_fini(&label);
	buf_adds(b, "]}\n");
}

/* "一.(六).1" for a section; "一.(六)…" with the run's opening for unheaded paragraphs. */
static void text_item(struct buf *b, const struct report *r, const struct compare_item *it)
{
	int path[8];
	size_t depth = it->section >= 0 ? compare_path(r, it->section, path, 8) : 0;
	for (size_t d = 0; d < depth; d++) {
		const struct section *s = &r->sections[path[d]];
		if (d)
			buf_addc(b, '.');
		buf_add(b, r->text + s->number_start, s->number_end - s->number_start);
	}
	buf_adds(b, it->npara ? (depth ? " ¶ " : "¶ ") : " ");
	item_title(b, r, it);
	if (it->npara)
		buf_adds(b, "…");
}

static void print_text(struct buf *b, const struct compare *c)
{
	for (size_t row = 0; row < c->nrows; row++) {
		const struct compare_row *rw = &c->rows[row];
		compare_label(rw->part, rw->topic, b);
		buf_addc(b, '\n');
		for (size_t k = 0; k < c->nreports; k++) {
			const struct report *r = c->reports[k];
			const struct compare_cell *cell = compare_cell(c, row, k);
			const char *region = r->meta.region ? r->meta.region : r->path;
			buf_printf(b, "  [%zu] %s", k + 1, region);
			if (r->meta.year)
				buf_printf(b, " %d", r->meta.year);
			buf_adds(b, cell->n ? "\n" : ": —\n");
			for (size_t i = cell->first; i < cell->first + cell->n; i++) {
				buf_adds(b, "      ");
				text_item(b, r, &c->items[i]);
				buf_addc(b, '\n');
			}
		}
	}
}

/* ---- --md and --csv: the table with the text and facts of each cell ---- */

/* Appends the facts stated in paragraph q: "label: value unit (qualifier)", a line each. */
static void cell_facts(struct buf *b, const struct facts_model *fm, const struct report *r, const struct facts *f,
		       size_t q)
{
	const struct para *p = &r->paras[q];
	for (size_t i = 0; i < f->n; i++) {
		const struct facts_fact *x = &f->v[i];
		if (x->num_start < p->start || x->num_start >= p->end)
			continue;
		size_t counter = strcspn(x->unit, "|");
		buf_printf(b, "\n%s: %s", facts_metric_label(fm, x->metric), x->value_text);
		buf_add(b, x->unit, counter);
		if (x->unit[counter])
			buf_printf(b, " (%s)", x->unit + counter + 1);
	}
}

/* The plain text of a cell: each item's paragraphs, a line each, items apart by a blank line;
 * then, after a blank line, the facts they state. */
static void cell_text(struct buf *b, const struct compare *c, size_t row, size_t k, const struct facts_model *fm,
		      const struct facts *f)
{
	const struct report *r = c->reports[k];
	const struct compare_cell *cell = compare_cell(c, row, k);
	struct buf facts = { 0 };
	for (size_t i = cell->first; i < cell->first + cell->n; i++) {
		const struct compare_item *it = &c->items[i];
		if (i > cell->first)
			buf_addc(b, '\n');
		for (size_t q = compare_item_next_para(c, k, it, 0); q < r->npara; q = compare_item_next_para(c, k, it, q + 1)) {
			buf_add(b, r->text + r->paras[q].start, r->paras[q].end - r->paras[q].start);
			buf_addc(b, '\n');
			cell_facts(&facts, fm, r, f, q);
		}
	}
	if (facts.len)
		buf_printf(b, "\n数据:%s", facts.data);
	while (b->len && b->data[b->len - 1] == '\n')
		b->len--;
	buf_fini(&facts);
}

static void report_heading(struct buf *b, const struct report *r)
{
	buf_adds(b, r->meta.region ? r->meta.region : r->path);
	if (r->meta.year)
		buf_printf(b, " %d", r->meta.year);
}

/* A Markdown table cell: | and \ escaped by a backslash, line ends as <br>, and < & as entities,
 * so that no text becomes markup. */
static void md_cell(struct buf *b, const char *s, size_t n)
{
	buf_addc(b, ' ');
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '|' || s[i] == '\\')
			buf_addc(b, '\\'), buf_addc(b, s[i]);
		else if (s[i] == '\n')
			buf_adds(b, "<br>");
		else if (s[i] == '<')
			buf_adds(b, "&lt;");
		else if (s[i] == '&')
			buf_adds(b, "&amp;");
		else
			buf_addc(b, s[i]);
	}
	buf_adds(b, " |");
}

enum export { EXPORT_MD, EXPORT_CSV };

static void export_field(struct buf *b, enum export fmt, const char *s, size_t n, int first)
{
	if (fmt == EXPORT_MD) {
		md_cell(b, s, n);
		return;
	}
	if (!first)
		buf_addc(b, ',');
	buf_add_csv(b, s, n);
}

static void export_header(struct buf *b, enum export fmt, const struct compare *c)
{
	struct buf h = { 0 };
	if (fmt == EXPORT_MD) {
		buf_adds(b, "| 部分 · 领域 |");
	} else {
		buf_adds(b, "part,topic,label");
	}
	for (size_t k = 0; k < c->nreports; k++) {
		buf_reset(&h);
		report_heading(&h, c->reports[k]);
		export_field(b, fmt, h.data, h.len, 0);
	}
	if (fmt == EXPORT_MD) {
		buf_adds(b, "\n|---|");
		for (size_t k = 0; k < c->nreports; k++)
			buf_adds(b, "---|");
	}
	buf_adds(b, fmt == EXPORT_MD ? "\n" : "\r\n");
	buf_fini(&h);
}

static void print_export(struct buf *b, enum export fmt, const struct compare *c, const struct facts_model *fm)
{
	struct facts *f = xcalloc(c->nreports + 1, sizeof *f);
	for (size_t k = 0; k < c->nreports; k++)
		facts_extract(fm, c->reports[k], &f[k]);
	export_header(b, fmt, c);
	struct buf cell = { 0 };
	for (size_t row = 0; row < c->nrows; row++) {
		const struct compare_row *rw = &c->rows[row];
		buf_reset(&cell);
		compare_label(rw->part, rw->topic, &cell);
		if (fmt == EXPORT_MD)
			buf_addc(b, '|');
		else
			buf_printf(b, "%s,%s,", classify_part_name(rw->part), classify_topic_name(rw->topic));
		export_field(b, fmt, cell.data, cell.len, 1);
		for (size_t k = 0; k < c->nreports; k++) {
			buf_reset(&cell);
			cell_text(&cell, c, row, k, fm, &f[k]);
			export_field(b, fmt, cell.data ? cell.data : "", cell.len, 0);
		}
		buf_adds(b, fmt == EXPORT_MD ? "\n" : "\r\n");
	}
	buf_fini(&cell);
	for (size_t k = 0; k < c->nreports; k++)
		facts_fini(&f[k]);
	free(f);
}

int cli_compare(int argc, char **argv)
{
	int json = 0, first = 1, export = -1, formats = 0;
	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		const char *a = argv[first];
		if (strcmp(a, "--json") == 0) {
			json = 1, formats++;
		} else if (strcmp(a, "--md") == 0) {
			export = EXPORT_MD, formats++;
		} else if (strcmp(a, "--csv") == 0) {
			export = EXPORT_CSV, formats++;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage_text, stdout);
			return 0;
		} else if (strcmp(a, "--") == 0) {
			first++;
			break;
		} else {
			return cli_usage_error("compare", "unknown option", a);
		}
	}
	if (argc - first < 2)
		return cli_usage_error("compare", "needs at least two files", NULL);
	if (formats > 1)
		return cli_usage_error("compare", "--json, --md and --csv: one at a time", NULL);
	char *cause = NULL;
	const struct classify_model *m = classify_default(&cause);
	if (!m)
		return cli_fail("compare", cause);
	const struct facts_model *fm = export >= 0 ? facts_default(&cause) : NULL;
	if (export >= 0 && !fm) {
		classify_default_free();
		return cli_fail("compare", cause);
	}
	struct corpus co;
	corpus_init(&co);
	size_t failed = cli_load(&co, argv + first, argc - first);
	int status = failed ? 1 : 0;
	if (co.n > 0) {
		struct compare c;
		struct buf out = { 0 };
		compare_build(&c, co.reports, co.n, m);
		if (export >= 0)
			print_export(&out, (enum export)export, &c, fm);
		else if (json)
			print_json(&out, &c);
		else
			print_text(&out, &c);
		cli_put(stdout, out.data ? out.data : "", out.len);   /* paths may hold escapes */
		buf_fini(&out);
		compare_fini(&c);
	} else {
		status = 1;
	}
	corpus_fini(&co);
	classify_default_free();
	if (fm)
		facts_default_free();
	return status;
}
