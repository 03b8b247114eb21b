/* cli_compare.c — the `fazhi compare` subcommand: sections of several reports aligned by PART × TOPIC, as text or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "cli.h"
#include "compare.h"
#include "corpus.h"
#include "text.h"

static const char usage_text[] =
	"Usage: fazhi compare [--json] FILE FILE...\n"
	"Align the sections of two or more reports by part and topic (举措成效, 问题不足, …).\n"
	"\n"
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

int cli_compare(int argc, char **argv)
{
	int json = 0, first = 1;
	for (; first < argc && argv[first][0] == '-' && argv[first][1]; first++) {
		const char *a = argv[first];
		if (strcmp(a, "--json") == 0) {
			json = 1;
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
	char *cause = NULL;
	const struct classify_model *m = classify_default(&cause);
	if (!m)
		return cli_fail("compare", cause);
	struct corpus co;
	corpus_init(&co);
	size_t failed = cli_load(&co, argv + first, argc - first);
	int status = failed ? 1 : 0;
	if (co.n > 0) {
		struct compare c;
		struct buf out = { 0 };
		compare_build(&c, co.reports, co.n, m);
		if (json)
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
	return status;
}
