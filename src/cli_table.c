/* cli_table.c — the `fazhi table` subcommand: one row per report (year, publication, parts, facts, warnings), as text, --csv or --json. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "classify.h"
#include "cli.h"
#include "corpus.h"
#include "digest.h"
#include "facts.h"
#include "index.h"
#include "review.h"
#include "text.h"
#include "xmalloc.h"

static const char usage_text[] =
	"Usage: fazhi table [--csv|--json] [--deadline MM-DD] [PATH...]\n"
	"One row per report, for those who score or write them; with no PATH, the embedded\n"
	"sample reports. A file that could not be read has a row of its own (status failed).\n"
	"\n"
	"  --csv             RFC 4180 with a header row, CRLF line ends\n"
	"  --json            one object per report per line, keys in the column order\n"
	"  --deadline MM-DD  the day of the next year a report is due (default 03-31)\n"
	"  -h, --help        show this help and exit\n"
	"\n"
	"Columns: file status region level year published on_time chars chapters measures\n"
	"problems leader_duty plans facts warnings reason. on_time is yes or no when the\n"
	"publication date and the year are known; each required part (measures, problems,\n"
	"leader_duty, plans) is headed, unheaded (only paragraphs of other chapters state it) or\n"
	"missing; chars counts the body's characters, blanks left out; facts the figures stated;\n"
	"warnings the kinds of the parser's warnings (numbering, no_headings, no_year).\n"
	"Over a directory whose index is cached (fazhi index), the rows come from the index\n"
	"without reading the reports.\n"
	"Exit status: 0 when all files loaded, 1 when some could not be read, 2 on a usage error.\n";

/* The rows in the order the files were met, those that failed among them. The strings are
 * borrowed from the corpus, but for the regions read from digests: those are copied, so that
 * the digests are let go as they are read (at 300,000 reports they would hold 300 MB). */
struct rows {
	struct review_row *v;
	size_t n, cap;
	struct buf regions;   /* the regions copied from digests */
	size_t *region_at;    /* per row: where its region starts in regions; NO_COPY: not copied */
	size_t region_cap;
};

#define NO_COPY ((size_t)-1)
/* Entries read between two lettings go of their digests, and bytes of output written at once. */
enum { TABLE_CHUNK = 4096, TABLE_FLUSH = 1 << 20 };

static struct review_row *row_new(struct rows *rows)
{
	rows->v = xgrow(rows->v, &rows->cap, rows->n + 1, sizeof *rows->v);
	rows->region_at = xgrow(rows->region_at, &rows->region_cap, rows->n + 1, sizeof *rows->region_at);
	rows->region_at[rows->n] = NO_COPY;
	return &rows->v[rows->n++];
}

/* Row i's region copied from the digest it was read from (which is let go of later). */
static void copy_region(struct rows *rows, size_t i)
{
	if (!rows->v[i].region)
		return;
	rows->region_at[i] = rows->regions.len;
	buf_add(&rows->regions, rows->v[i].region, rows->v[i].region_len);
}

/* Points the copied regions into their copies, which have stopped moving. */
static void place_regions(struct rows *rows)
{
	for (size_t i = 0; i < rows->n; i++)
		if (rows->region_at[i] != NO_COPY)
			rows->v[i].region = rows->regions.data + rows->region_at[i];
}

static void rows_fini(struct rows *rows)
{
	free(rows->v);
	free(rows->region_at);
	buf_fini(&rows->regions);
}

/* Writes out b once it holds TABLE_FLUSH bytes (after a whole line), or at the end. */
static void flush(struct buf *b, int end)
{
	if (b->len >= TABLE_FLUSH || (end && b->len)) {
		cli_put(stdout, b->data, b->len);   /* paths may hold escapes */
		b->len = 0;
	}
}

static const char *reason_of(const struct corpus *co, size_t k)
{
	for (size_t m = co->nmsgs; m-- > 0;)
		if (co->msgs[m].entry == (long)k && co->msgs[m].skipped)
			return co->msgs[m].reason;
	return "cannot be read";
}

/* Entry k's row from its digest's head in the index when it keeps one for the file as it is now,
 * so that the report is not read; returns -1 when the report is to be read instead. */
static int row_of_digest(struct corpus *co, size_t k, const struct index *ix, struct review_deadline d,
			 struct digest *dg, struct review_row *row)
{
	const void *p;
	size_t len;
	if (!ix || corpus_loaded(co, k) || index_digest_head(ix, k, &p, &len) || digest_decode_head(p, len, dg) ||
	    review_row_from_digest(row, corpus_path(co, k), dg, d))
		return -1;
	if (!corpus_unchanged(co, k))
		review_row_failed(row, corpus_path(co, k), reason_of(co, k));
	return 0;
}

/* The rows of a lazy corpus: from the index's digests (ix may be NULL), else by reading each
 * report. Strings are borrowed from the corpus and the index. */
static void fill_rows(struct corpus *co, const struct index *ix, const struct classify_model *cm,
		      const struct facts_model *fm, struct review_deadline d, struct rows *rows)
{
	struct classify_paras paras = { 0 };
	struct facts facts = { 0 };
	struct digest dg = { 0 };
	size_t m = 0;
	for (size_t k = 0; k <= co->n; k++) {
		for (; m < co->nmsgs && co->msgs[m].at <= k; m++)   /* files skipped before entry k */
			if (co->msgs[m].skipped && co->msgs[m].entry < 0)
				review_row_failed(row_new(rows), co->msgs[m].path, co->msgs[m].reason);
		if (k == co->n)
			break;
		if (ix && k % TABLE_CHUNK == 0 && k)
			index_digests_let_go(ix, k - TABLE_CHUNK, k);
		struct review_row *row = row_new(rows);
		if (row_of_digest(co, k, ix, d, &dg, row) == 0) {
			copy_region(rows, rows->n - 1);
			continue;
		}
		struct report *r = corpus_get(co, k);
		if (!r) {
			review_row_failed(row, corpus_path(co, k), reason_of(co, k));
			continue;
		}
		facts.n = 0;
		review_read(cm, fm, r, &paras, &facts);
		review_row_fill(row, r, &paras, facts.n, d);
	}
	if (ix && co->n)
		index_digests_let_go(ix, (co->n - 1) / TABLE_CHUNK * TABLE_CHUNK, co->n);
	place_regions(rows);
	digest_fini(&dg);
	facts_fini(&facts);
	classify_paras_fini(&paras);
}

static void print_csv(struct buf *b, const struct rows *rows)
{
	struct buf cell = { 0 };
	for (int c = 0; c < REVIEW_NCOLUMNS; c++)
		buf_printf(b, "%s%s", c ? "," : "", review_column_name(c));
	buf_adds(b, "\r\n");
	for (size_t i = 0; i < rows->n; i++) {
		for (int c = 0; c < REVIEW_NCOLUMNS; c++) {
			buf_reset(&cell);
			review_cell(&cell, &rows->v[i], c);
			if (c)
				buf_addc(b, ',');
			buf_add_csv(b, cell.data ? cell.data : "", cell.len);
		}
		buf_adds(b, "\r\n");
		flush(b, 0);
	}
	buf_fini(&cell);
}

/* A JSON value for a cell: numbers as numbers, on_time as a boolean, warnings as a list of
 * names, other text as a string; an empty cell is null. */
static void json_cell(struct buf *b, const struct review_row *row, int c, const char *s, size_t n)
{
	if (n == 0 && c != REVIEW_COL_WARNINGS) {
		buf_adds(b, "null");
	} else if (review_column_numeric(c)) {
		buf_add(b, s, n);
	} else if (c == REVIEW_COL_ON_TIME) {
		buf_adds(b, row->timeliness == REVIEW_TIME_ON_TIME ? "true" : "false");
	} else if (c == REVIEW_COL_WARNINGS) {
		buf_addc(b, '[');
		for (size_t i = 0, start = 0; i <= n && n; i++)
			if (i == n || s[i] == ';') {
				buf_adds(b, start ? "," : "");
				buf_add_json(b, s + start, i - start);
				start = i + 1;
			}
		buf_addc(b, ']');
	} else {
		buf_add_json(b, s, n);
	}
}

static void print_json(struct buf *b, const struct rows *rows)
{
	struct buf cell = { 0 };
	for (size_t i = 0; i < rows->n; i++) {
		for (int c = 0; c < REVIEW_NCOLUMNS; c++) {
			buf_reset(&cell);
			review_cell(&cell, &rows->v[i], c);
			buf_printf(b, "%s\"%s\":", c ? "," : "{", review_column_name(c));
			json_cell(b, &rows->v[i], c, cell.data ? cell.data : "", cell.len);
		}
		buf_adds(b, "}\n");
		flush(b, 0);
	}
	buf_fini(&cell);
}

/* Text: columns padded to their widest cell (in terminal cells), two spaces apart; the reason
 * of a failed file ends its line. */
static void print_text(struct buf *b, const struct rows *rows)
{
	size_t width[REVIEW_NCOLUMNS];
	struct buf cell = { 0 };
	for (int c = 0; c < REVIEW_NCOLUMNS; c++)
		width[c] = text_width(review_column_name(c), strlen(review_column_name(c)));
	for (size_t i = 0; i < rows->n; i++)
		for (int c = 0; c < REVIEW_NCOLUMNS; c++) {
			buf_reset(&cell);
			review_cell(&cell, &rows->v[i], c);
			size_t w = text_width(cell.data ? cell.data : "", cell.len);
			width[c] = w > width[c] ? w : width[c];
		}
	for (size_t i = 0; i <= rows->n; i++) {
		for (int c = 0; c < REVIEW_NCOLUMNS; c++) {
			buf_reset(&cell);
			if (i == 0)
				buf_adds(&cell, review_column_name(c));
			else
				review_cell(&cell, &rows->v[i - 1], c);
			buf_add(b, cell.data ? cell.data : "", cell.len);
			if (c + 1 == REVIEW_NCOLUMNS)
				break;
			for (size_t w = text_width(cell.data ? cell.data : "", cell.len); w < width[c] + 2; w++)
				buf_addc(b, ' ');
		}
		while (b->len && b->data[b->len - 1] == ' ')
			b->len--;
		buf_addc(b, '\n');
		flush(b, 0);
	}
	buf_fini(&cell);
}

int cli_table(int argc, char **argv)
{
	int json = 0, csv = 0;
	struct review_deadline d = REVIEW_DEADLINE_DEFAULT;
	int first = cli_review_options("table", argc, argv, &json, &csv, &d);
	if (first == -2) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (first < 0)
		return 2;
	if (json && csv)
		return cli_usage_error("table", "--csv and --json exclude each other", NULL);
	const struct classify_model *cm;
	const struct facts_model *fm;
	if (cli_review_models("table", &cm, &fm))
		return 2;
	struct corpus co;
	corpus_init(&co);
	co.lazy = 1;   /* reports are read only when the index keeps no digest of them */
	char *dir = argc > first ? index_cache_dir() : NULL;
	cli_load_indexed(&co, argv + first, argc - first, dir);
	struct index *ix = dir ? index_open_cached(&co, dir) : NULL;
	free(dir);
	struct rows rows = { 0 };
	struct buf out = { 0 };
	fill_rows(&co, ix, cm, fm, d, &rows);
	cli_messages(&co, 0);
	size_t failed = corpus_failures(&co);
	if (csv)
		print_csv(&out, &rows);
	else if (json)
		print_json(&out, &rows);
	else
		print_text(&out, &rows);
	flush(&out, 1);
	buf_fini(&out);
	rows_fini(&rows);
	index_free(ix);   /* after the rows' strings are printed: their paths are the index's */
	corpus_fini(&co);
	facts_default_free();
	classify_default_free();
	return failed ? 1 : 0;
}
