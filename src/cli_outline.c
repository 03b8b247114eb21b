/* cli_outline.c — the `fazhi outline` subcommand: each report's metadata and chapter tree, as text or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "cli.h"
#include "corpus.h"
#include "meta_fix.h"
#include "report.h"

static const char usage_text[] =
	"Usage: fazhi outline [--json] FILE...\n"
	"Print the metadata and the chapter tree of each report.\n"
	"\n"
	"  --json      one JSON object per file, one per line:\n"
	"              {\"file\", \"title\", \"region\", \"level\", \"year\", \"published\",\n"
	"               \"doc_number\", \"issuer\", \"corrected\": [FIELD...],\n"
	"               \"warnings\": [{\"kind\", \"line\", \"message\"}],\n"
	"               \"sections\": [{\"level\", \"number\", \"title\", \"part\", \"topic\",\n"
	"               \"topic2\", \"sections\": [...]}]}\n"
	"              (null for a field the report does not state). The report's level is\n"
	"              province, city, county, town, department or other; a warning's kind\n"
	"              is numbering, no_headings or no_year; \"corrected\" names the fields\n"
	"              set by hand in the directory's fazhi-meta.tsv.\n"
	"  -h, --help  show this help and exit\n"
	"\n"
	"Exit status: 0 when all files loaded, 1 when some could not be read, 2 on a usage error.\n";

static void json_field(struct buf *b, const char *key, const char *value)
{
	buf_printf(b, ",\"%s\":", key);
	if (value && *value)
		buf_add_json(b, value, strlen(value));
	else
		buf_adds(b, "null");
}

/* Writes the children of `parent` that start at *i (pre-order) and moves *i past them. */
static void json_sections(struct buf *b, const struct report *r, int parent, size_t *i)
{
	buf_addc(b, '[');
	for (int first = 1; *i < r->nsections && r->sections[*i].parent == parent; first = 0) {
		const struct section *s = &r->sections[*i];
		int self = (int)(*i)++;
		if (!first)
			buf_addc(b, ',');
		buf_printf(b, "{\"level\":%d,\"number\":", s->level);
		buf_add_json(b, r->text + s->number_start, s->number_end - s->number_start);
		struct buf t = { 0 };
		report_add_joined(&t, r, s->title_start, s->title_end);
		buf_adds(b, ",\"title\":");
		buf_add_json(b, t.data ? t.data : "", t.len);
		buf_fini(&t);
		json_field(b, "part", classify_part_name(s->part));
		json_field(b, "topic", classify_topic_name(s->topic));
		json_field(b, "topic2", classify_topic_name(s->topic2));
		buf_adds(b, ",\"sections\":");
		json_sections(b, r, self, i);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static void outline_json(struct buf *b, const struct report *r)
{
	const struct report_meta *m = &r->meta;
	buf_adds(b, "{\"file\":");
	buf_add_json(b, r->path, strlen(r->path));
	json_field(b, "title", m->title);
	json_field(b, "region", m->region);
	json_field(b, "level", m->region || (m->corrected & META_FIX_LEVEL) ? report_level_name(m->level) : NULL);
	if (m->year)
		buf_printf(b, ",\"year\":%d", m->year);
	else
		buf_adds(b, ",\"year\":null");
	json_field(b, "published", m->published);
	json_field(b, "doc_number", m->doc_number);
	json_field(b, "issuer", m->issuer);
	buf_adds(b, ",\"corrected\":[");
	for (unsigned bit = 1, n = 0; meta_fix_field_name(bit); bit <<= 1)
		if (m->corrected & bit)
			buf_printf(b, "%s\"%s\"", n++ ? "," : "", meta_fix_field_name(bit));
	buf_adds(b, "],\"warnings\":[");
	struct report_lines lines = { 0 };
	for (size_t k = 0; k < r->nwarnings; k++) {
		const struct report_warning *w = &r->warnings[k];
		buf_printf(b, "%s{\"kind\":\"%s\",\"line\":%zu,\"message\":", k ? "," : "",
		           report_warning_name(w->kind), report_line_of(r, w->at, &lines));
		buf_add_json(b, w->message, strlen(w->message));
		buf_addc(b, '}');
	}
	buf_adds(b, "],\"sections\":");
	size_t i = 0;
	json_sections(b, r, -1, &i);
	buf_adds(b, "}\n");
}

/* Fills part and topic of every section; a bad user cue table is reported once per report. */
static int classify_sections(struct report *r)
{
	char *cause = NULL;
	if (classify_report(r, &cause) == 0)
		return 0;
	cli_fail("outline", cause);
	return -1;
}

/* A field as "  label: value", marked when a fazhi-meta.tsv set it. */
static void text_field(struct buf *b, const char *label, const char *value, unsigned fixed)
{
	if (value && *value)
		buf_printf(b, "  %-11s %s%s\n", label, value, fixed ? "  (" META_FIX_NAME ")" : "");
}

static int depth(const struct report *r, int i)
{
	int d = 0;
	while ((i = r->sections[i].parent) >= 0)
		d++;
	return d;
}

/* The file, its stated metadata, then each heading as written, indented by depth. */
static void outline_text(struct buf *b, const struct report *r)
{
	const struct report_meta *m = &r->meta;
	buf_printf(b, "%s\n", r->path);
	unsigned fix = m->corrected;
	char year[12];
	snprintf(year, sizeof year, "%d", m->year);
	text_field(b, "title:", m->title, fix & META_FIX_TITLE);
	text_field(b, "region:", m->region, fix & META_FIX_REGION);
	if (m->region || (fix & META_FIX_LEVEL))
		text_field(b, "level:", report_level_name(m->level), fix & META_FIX_LEVEL);
	text_field(b, "year:", m->year ? year : NULL, fix & META_FIX_YEAR);
	text_field(b, "published:", m->published, fix & META_FIX_PUBLISHED);
	text_field(b, "doc number:", m->doc_number, fix & META_FIX_DOC_NUMBER);
	text_field(b, "issuer:", m->issuer, fix & META_FIX_ISSUER);
	text_field(b, "addressee:", m->addressee, 0);
	buf_printf(b, "  %-11s %zu/%zu/%zu (levels 1/2/3)\n", "headings:", report_count_level(r, 1),
	           report_count_level(r, 2), report_count_level(r, 3));
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		buf_printf(b, "%*s", 2 + 2 * depth(r, (int)i), "");
		report_add_joined(b, r, s->head_start, s->title_end);
		buf_addc(b, '\n');
	}
	struct report_lines lines = { 0 };
	for (size_t k = 0; k < r->nwarnings; k++)
		buf_printf(b, "  warning: line %zu: %s\n", report_line_of(r, r->warnings[k].at, &lines),
		           r->warnings[k].message);
}

int cli_outline(int argc, char **argv)
{
	int json = 0, i;
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--json") == 0) {
			json = 1;
		} else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			fputs(usage_text, stdout);
			return 0;
		} else {
			return cli_usage_error("outline", "unknown option", argv[i]);
		}
	}
	if (i == argc)
		return cli_usage_error("outline", "no FILE given", NULL);

	struct corpus c;
	corpus_init(&c);
	size_t failed = cli_load(&c, argv + i, argc - i);
	struct buf b = { 0 };
	for (size_t k = 0; k < c.n; k++) {
		buf_reset(&b);
		if (json && classify_sections(corpus_get(&c, k)) < 0)
			failed++;
		if (json)
			outline_json(&b, corpus_get(&c, k));
		else
			outline_text(&b, corpus_get(&c, k));
		if (!json && k + 1 < c.n)
			buf_addc(&b, '\n');
		cli_put(stdout, b.data, b.len);
	}
	buf_fini(&b);
	corpus_fini(&c);
	classify_default_free();
	return failed ? 1 : 0;
}
