/* eval_real.c — scores the parser, classifier and facts extractor against hand-made answers for sets of reports (make eval). */
/*
 * Usage: eval_real [-q] --set NAME --reports DIR [--truth FILE] [--labels FILE] [--metrics FILE] ...
 *
 * Each --set starts a set of reports; the options after it describe it. Files are matched by
 * base name. The answer files are those of tests/real/README.md:
 *   truth.tsv   file title region report_year publish_date doc_number n_top top_headings n_second source
 *   labels.tsv  file level heading_text part topic topic2
 *   metrics.tsv file metric_id value unit text_fragment
 * A set with no truth file (the samples) takes its tree from its labels instead: n_top and
 * n_second count the level 1 and 2 rows that are not noise, and each top heading must begin
 * with its (30-character) label text; title and metadata are then not scored.
 *
 * What is scored, per file:
 *   tree     n_top, the top headings (ordinal through title, line breaks inside a heading
 *            removed) and n_second all equal;
 *   title, region, year, published, doc_number  equal to the truth (empty = the parser finds none);
 *   part, topic  of each label row: the row is matched to the first unused section of its level
 *            whose heading (ordinal included, as written or with its line breaks removed) starts
 *            with the row's text; a level-0 row (or a
 *            level-4 row no （1） heading matches: an 一是… point) to the first unused paragraph
 *            starting with it, whose part and topic come from classify_report_with's paras.
 *            A row not found counts wrong, except noise rows, which are right when the
 *            parser finds no such heading. topic+ also accepts topic2 either way round;
 *   facts    recall and precision: an extracted fact matches an unused reference row of the
 *            same file, metric and value. Precision counts only files that have reference rows.
 * Mismatches are printed under each file unless -q. Exit status 0, or 2 on a usage error.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"
#include "classify.h"
#include "corpus.h"
#include "facts.h"
#include "report.h"

/* ---- tab-separated answer files ---- */

struct row {
	char **f;
	size_t n;
};

struct table {
	struct row *rows;
	size_t n;
	char *data;
};

/* Reads a TSV file and drops its header line. Returns 0, or -1 when it cannot be read. */
static int table_read(const char *path, struct table *t)
{
	memset(t, 0, sizeof *t);
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return -1;
	size_t cap = 1 << 16, len = 0;
	t->data = xmalloc(cap);
	size_t got;
	while ((got = fread(t->data + len, 1, cap - len - 1, fp)) > 0) {
		len += got;
		if (cap - len - 1 == 0)
			t->data = xrealloc(t->data, cap *= 2);
	}
	fclose(fp);
	t->data[len] = 0;
	size_t rowcap = 0;
	int first = 1;
	for (char *line = t->data; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		size_t ll = strlen(line);
		if (ll && line[ll - 1] == '\r')
			line[--ll] = 0;
		if (!first && ll) {
			if (t->n == rowcap)
				t->rows = xrealloc(t->rows, (rowcap = rowcap ? 2 * rowcap : 64) * sizeof *t->rows);
			struct row *r = &t->rows[t->n++];
			r->n = 1;
			for (char *p = line; *p; p++)
				r->n += *p == '\t';
			r->f = xmalloc(r->n * sizeof *r->f);
			size_t k = 0;
			for (char *p = line;; p++) {
				r->f[k++] = p;
				p = strchr(p, '\t');
				if (!p)
					break;
				*p = 0;
			}
		}
		first = 0;
		line = nl ? nl + 1 : NULL;
	}
	return 0;
}

static void table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->rows[i].f);
	free(t->rows);
	free(t->data);
}

static const char *field(const struct row *r, size_t i)
{
	return i < r->n ? r->f[i] : "";
}

static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* ---- counters ---- */

struct score {
	int files, tree_files, meta_files;
	int tree, title, region, year, published, doc_number;
	int labels, found, part, topic, topic_any;
	int refs, extracted_scored, extracted, tp;
};

static void score_add(struct score *a, const struct score *b)
{
	a->files += b->files;
	a->tree_files += b->tree_files;
	a->meta_files += b->meta_files;
	a->tree += b->tree;
	a->title += b->title;
	a->region += b->region;
	a->year += b->year;
	a->published += b->published;
	a->doc_number += b->doc_number;
	a->labels += b->labels;
	a->found += b->found;
	a->part += b->part;
	a->topic += b->topic;
	a->topic_any += b->topic_any;
	a->refs += b->refs;
	a->extracted_scored += b->extracted_scored;
	a->extracted += b->extracted;
	a->tp += b->tp;
}

static int quiet;

static void detail(const char *fmt, const char *a, const char *b, const char *c)
{
	if (quiet)
		return;
	printf("    ");
	printf(fmt, a, b ? b : "", c ? c : "");
	printf("\n");
}

/* ---- tree and metadata ---- */

/* The heading of section s as a reader writes it: ordinal through title, line breaks and the
 * indentation after them removed, and the blanks between an ordinal's mark and the title ((一) 坚持,
 * as an editor's space after a number leaves it). Caller frees. */
static char *heading_text(const struct report *r, const struct section *s)
{
	size_t n = s->title_end > s->head_start ? s->title_end - s->head_start : 0;
	const char *p = r->text + s->head_start;
	size_t gap = s->title_start > s->head_start && s->title_start <= s->title_end ? s->title_start - s->head_start : 0,
	       ord = gap;   /* the blanks [ord, gap) after the ordinal */
	for (;;) {
		if (ord > 0 && p[ord - 1] == ' ')
			ord--;
		else if (ord >= 3 && memcmp(p + ord - 3, "\xe3\x80\x80", 3) == 0)
			ord -= 3;
		else
			break;
	}
	static const char *const marks[] = { "、", "）", ")", ".", "．" };   /* an ordinal ends on its mark */
	int marked = 0;
	for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
		marked |= ord >= strlen(marks[m]) && memcmp(p + ord - strlen(marks[m]), marks[m], strlen(marks[m])) == 0;
	if (!marked)
		ord = gap;   /* 第一部分　…, 二 存在的问题: the blank is the ordinal's mark */
	char *out = xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n;) {
		if (i >= ord && i < gap) {
			i = gap;
			continue;
		}
		if (p[i] == '\n') {
			while (k && out[k - 1] == ' ')
				k--;
			i++;
			for (;;) {
				if (i < n && (p[i] == ' ' || p[i] == '\t'))
					i++;
				else if (i + 3 <= n && memcmp(p + i, "\xe3\x80\x80", 3) == 0)
					i += 3;
				else
					break;
			}
			continue;
		}
		out[k++] = p[i++];
	}
	while (k && out[k - 1] == ' ')
		k--;
	out[k] = 0;
	return out;
}

/* Splits "a | b | c" into at most cap items; returns the count. Modifies s. */
static size_t split_headings(char *s, char **items, size_t cap)
{
	size_t n = 0;
	if (!*s)
		return 0;
	for (char *p = s; p && n < cap;) {
		char *sep = strstr(p, " | ");
		if (sep)
			*sep = 0;
		items[n++] = p;
		p = sep ? sep + 3 : NULL;
	}
	return n;
}

static int same_str(const char *want, const char *got)
{
	return strcmp(want ? want : "", got ? got : "") == 0;
}

#define LABEL_CHARS 30   /* a label's text is cut at 30 characters */

/* The characters of the UTF-8 string s. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

/* Scores tree and metadata against a truth row; `prefix` accepts a top heading that only
 * begins with the expected text (labels cut at 30 characters), as does a truth's top heading
 * of 30 characters exactly, which writers cut as they cut its label. */
static void score_tree(const struct report *r, int n_top, char **tops, size_t ntops,
                       int n_second, int prefix, struct score *sc)
{
	int got_top = (int)report_count_level(r, 1), got_second = (int)report_count_level(r, 2);
	int ok = got_top == n_top && got_second == n_second;
	char buf[64];
	if (got_top != n_top) {
		snprintf(buf, sizeof buf, "%d, got %d", n_top, got_top);
		detail("n_top: want %s%s%s", buf, NULL, NULL);
	}
	if (got_second != n_second) {
		snprintf(buf, sizeof buf, "%d, got %d", n_second, got_second);
		detail("n_second: want %s%s%s", buf, NULL, NULL);
	}
	size_t k = 0;
	for (size_t i = 0; i < r->nsections; i++) {
		if (r->sections[i].level != 1)
			continue;
		char *h = heading_text(r, &r->sections[i]);
		const char *want = k < ntops ? tops[k] : "";
		int cut = prefix || utf8_chars(want) == LABEL_CHARS;
		int same = cut ? strncmp(h, want, strlen(want)) == 0 && *want : strcmp(h, want) == 0;
		if (!same) {
			ok = 0;
			if (!quiet)
				printf("    top heading: want \"%s\"\n                  got \"%s\"\n", want, h);
		}
		free(h);
		k++;
	}
	for (; k < ntops; k++) {
		ok = 0;
		detail("top heading: want \"%s\", missing%s%s", tops[k], NULL, NULL);
	}
	sc->tree_files++;
	sc->tree += ok;
}

static int check_str(const char *name, const char *want, const char *got)
{
	if (same_str(want, got))
		return 1;
	if (!quiet)
		printf("    %s: want \"%s\", got \"%s\"\n", name, want ? want : "", got ? got : "");
	return 0;
}

static void score_meta(const struct report *r, const struct row *t, struct score *sc)
{
	const struct report_meta *m = &r->meta;
	char year[16];
	snprintf(year, sizeof year, "%d", m->year);
	sc->meta_files++;
	sc->title += check_str("title", field(t, 1), m->title);
	sc->region += check_str("region", field(t, 2), m->region);
	sc->year += check_str("year", field(t, 3), m->year ? year : "");
	sc->published += check_str("published", field(t, 4), m->published);
	sc->doc_number += check_str("doc_number", field(t, 5), m->doc_number);
}

/* ---- labels ---- */

static int starts_with(const struct report *r, size_t at, size_t end, const char *want)
{
	size_t n = strlen(want);
	return at + n <= end && memcmp(r->text + at, want, n) == 0;
}

/* A paragraph begins with want; the paragraph's text may also begin after indentation. */
static int para_starts_with(const struct report *r, const struct para *p, const char *want)
{
	return starts_with(r, p->start, r->len, want);
}

/* Section s's heading begins with want, as written or with its line breaks taken out (a heading
 * broken over two lines: （四）推进镇街综合执法， / 严格规范公正文明执法). */
static int heading_starts_with(const struct report *r, const struct section *s, const char *want)
{
	if (starts_with(r, s->head_start, r->len, want))
		return 1;
	char *h = heading_text(r, s);
	int yes = *want && strncmp(h, want, strlen(want)) == 0;
	free(h);
	return yes;
}

static void score_labels(const struct report *r, const struct classify_paras *cp,
                         const struct table *labels, const char *name, struct score *sc)
{
	unsigned char *used_sec = xcalloc(r->nsections + 1, 1);
	unsigned char *used_para = xcalloc(r->npara + 1, 1);
	for (size_t i = 0; i < labels->n; i++) {
		const struct row *l = &labels->rows[i];
		if (strcmp(base_name(field(l, 0)), name) != 0)
			continue;
		int level = atoi(field(l, 1));
		const char *text = field(l, 2);
		int want_part = classify_part_id(field(l, 3));
		int want_topic = classify_topic_id(field(l, 4));
		int want_topic2 = *field(l, 5) ? classify_topic_id(field(l, 5)) : -1;
		int noise = want_part == CLASSIFY_NOISE;
		int part = -1, topic = -1, topic2 = -1, found = 0;
		if (level >= 1) {
			for (size_t k = 0; k < r->nsections; k++) {
				const struct section *s = &r->sections[k];
				if (used_sec[k] || s->level != level || !heading_starts_with(r, s, text))
					continue;
				used_sec[k] = 1;
				part = s->part, topic = s->topic, topic2 = s->topic2, found = 1;
				break;
			}
		}
		if (!found && (level == 0 || level == 4) && cp->n == r->npara) {
			for (size_t k = 0; k < r->npara; k++) {
				if (used_para[k] || !para_starts_with(r, &r->paras[k], text))
					continue;
				used_para[k] = 1;
				part = cp->part[k], topic = cp->topic[k], found = 1;
				break;
			}
		}
		sc->labels++;
		if (noise) {
			/* Right when the parser drops the form field, or keeps it as noise. */
			sc->found++;
			int ok = !found || part == CLASSIFY_NOISE;
			sc->part += ok;
			sc->topic += ok;
			sc->topic_any += ok;
			if (!ok && !quiet)
				printf("    noise row kept as a heading: %s\n", text);
			continue;
		}
		if (!found) {
			if (!quiet)
				printf("    label not found (level %d): %s\n", level, text);
			continue;
		}
		sc->found++;
		int pok = part == want_part, tok = topic == want_topic;
		int tany = tok || topic == want_topic2 || (topic2 >= 0 && topic2 == want_topic);
		sc->part += pok;
		sc->topic += tok;
		sc->topic_any += tany;
		if ((!pok || !tok) && !quiet)
			printf("    label %s: want %s/%s, got %s/%s\n", text, field(l, 3), field(l, 4),
			       part >= 0 ? classify_part_name(part) : "-",
			       topic >= 0 ? classify_topic_name(topic) : "-");
	}
	free(used_sec);
	free(used_para);
}

/* ---- facts ---- */

static void score_facts(const struct facts_model *fm, const struct report *r,
                        const struct table *metrics, const char *name, struct score *sc)
{
	struct facts f = {0};
	facts_extract(fm, r, &f);
	unsigned char *used = xcalloc(f.n + 1, 1);
	int refs = 0;
	for (size_t i = 0; i < metrics->n; i++) {
		const struct row *m = &metrics->rows[i];
		if (strcmp(base_name(field(m, 0)), name) != 0)
			continue;
		refs++;
		int id = facts_metric_id(fm, field(m, 1));
		double v = atof(field(m, 2));
		int hit = 0;
		for (size_t k = 0; k < f.n && id >= 0; k++) {
			if (used[k] || f.v[k].metric != id || fabs(f.v[k].value - v) > 1e-6)
				continue;
			used[k] = hit = 1;
			break;
		}
		sc->tp += hit;
		if (!hit && !quiet)
			printf("    fact missed: %s %s %s (%s)\n", field(m, 1), field(m, 2), field(m, 3), field(m, 4));
	}
	sc->refs += refs;
	sc->extracted += (int)f.n;
	if (refs) {
		sc->extracted_scored += (int)f.n;
		for (size_t k = 0; k < f.n && !quiet; k++) {
			if (used[k])
				continue;
			const struct facts_fact *x = &f.v[k];
			printf("    fact extra:  %s %s %s (%.*s)\n", facts_metric_name(fm, x->metric), x->value_text,
			       x->unit, (int)(x->num_end - x->num_start), r->text + x->num_start);
		}
	}
	free(used);
	facts_fini(&f);
}

/* ---- sets ---- */

struct set {
	const char *name, *reports, *truth, *labels, *metrics;
	struct score total;
};

static const char *mark(int ok)
{
	return ok ? "ok" : "--";
}

static void run_set(struct set *set, const struct classify_model *cm, const struct facts_model *fm)
{
	struct table truth = {0}, labels = {0}, metrics = {0};
	fflush(stdout);
	int have_truth = set->truth && table_read(set->truth, &truth) == 0;
	int have_labels = set->labels && table_read(set->labels, &labels) == 0;
	int have_metrics = set->metrics && table_read(set->metrics, &metrics) == 0;
	if (set->truth && !have_truth)
		fprintf(stderr, "eval_real: %s: cannot read\n", set->truth);
	if (set->labels && !have_labels)
		fprintf(stderr, "eval_real: %s: cannot read\n", set->labels);
	if (set->metrics && !have_metrics)
		fprintf(stderr, "eval_real: %s: cannot read\n", set->metrics);

	struct corpus c;
	corpus_init(&c);
	corpus_add_path(&c, set->reports);
	for (size_t i = 0; i < c.nmsgs; i++)
		fprintf(stderr, "eval_real: %s: %s\n", c.msgs[i].path, c.msgs[i].reason);
	fflush(stderr);

	printf("== %s (%s) ==\n", set->name, set->reports);
	printf("%-44s %-4s %-5s %-6s %-4s %-4s %-5s %9s %9s %11s\n", "file", "tree", "title", "region",
	       "year", "publ", "docno", "part", "topic", "facts R/P");
	for (size_t i = 0; i < c.n; i++) {
		struct report *r = corpus_get(&c, i);
		if (!r)
			continue;
		const char *name = base_name(corpus_path(&c, i));
		struct classify_paras cp = {0};
		classify_report_with(cm, r, &cp);
		struct score sc = {0};
		sc.files = 1;
		printf("%s\n", name);

		const struct row *t = NULL;
		for (size_t k = 0; have_truth && k < truth.n; k++)
			if (strcmp(base_name(field(&truth.rows[k], 0)), name) == 0)
				t = &truth.rows[k];
		if (t) {
			char *tops_s = xstrdup(field(t, 7));
			char *tops[64];
			size_t nt = split_headings(tops_s, tops, 64);
			score_tree(r, atoi(field(t, 6)), tops, nt, atoi(field(t, 8)), 0, &sc);
			free(tops_s);
			score_meta(r, t, &sc);
		} else if (!have_truth && have_labels) {
			char *tops[64];
			size_t nt = 0;
			int n_top = 0, n_second = 0;
			for (size_t k = 0; k < labels.n; k++) {
				const struct row *l = &labels.rows[k];
				if (strcmp(base_name(field(l, 0)), name) != 0 || strcmp(field(l, 3), "noise") == 0)
					continue;
				int lv = atoi(field(l, 1));
				if (lv == 1 && nt < 64)
					tops[nt++] = l->f[2];
				n_top += lv == 1;
				n_second += lv == 2;
			}
			if (n_top)
				score_tree(r, n_top, tops, nt, n_second, 1, &sc);
		}
		if (have_labels)
			score_labels(r, &cp, &labels, name, &sc);
		if (have_metrics)
			score_facts(fm, r, &metrics, name, &sc);

		char part[32] = "", topic[32] = "", facts[32] = "";
		if (sc.labels) {
			snprintf(part, sizeof part, "%d/%d", sc.part, sc.labels);
			snprintf(topic, sizeof topic, "%d/%d", sc.topic, sc.labels);
		}
		if (sc.refs)
			snprintf(facts, sizeof facts, "%d/%d/%d", sc.tp, sc.refs, sc.extracted);
		else if (have_metrics)
			snprintf(facts, sizeof facts, "-/0/%d", sc.extracted);
		printf("%-44s %-4s %-5s %-6s %-4s %-4s %-5s %9s %9s %11s\n", "",
		       sc.tree_files ? mark(sc.tree) : "n/a",
		       sc.meta_files ? mark(sc.title) : "n/a", sc.meta_files ? mark(sc.region) : "n/a",
		       sc.meta_files ? mark(sc.year) : "n/a", sc.meta_files ? mark(sc.published) : "n/a",
		       sc.meta_files ? mark(sc.doc_number) : "n/a", part, topic, facts);
		score_add(&set->total, &sc);
		classify_paras_fini(&cp);
		corpus_unload(&c, i);
	}
	/* A truth row whose report did not load is scored as wrong in every column. */
	for (size_t k = 0; have_truth && k < truth.n; k++) {
		const char *want = base_name(field(&truth.rows[k], 0));
		int seen = 0;
		for (size_t i = 0; i < c.n && !seen; i++)
			seen = !corpus_failed(&c, i) && strcmp(base_name(corpus_path(&c, i)), want) == 0;
		if (seen)
			continue;
		printf("%s\n    not loaded: scored wrong\n", want);
		set->total.files++;
		set->total.tree_files++;
		set->total.meta_files++;
		for (size_t i = 0; have_labels && i < labels.n; i++)
			set->total.labels += strcmp(base_name(field(&labels.rows[i], 0)), want) == 0;
		for (size_t i = 0; have_metrics && i < metrics.n; i++)
			set->total.refs += strcmp(base_name(field(&metrics.rows[i], 0)), want) == 0;
	}
	printf("(facts R/P: matched/reference/extracted)\n\n");
	corpus_fini(&c);
	if (have_truth)
		table_free(&truth);
	if (have_labels)
		table_free(&labels);
	if (have_metrics)
		table_free(&metrics);
}

static void frac(char *out, size_t n, int a, int b)
{
	if (b)
		snprintf(out, n, "%d/%d", a, b);
	else
		snprintf(out, n, "n/a");
}

static void pct(char *out, size_t n, int a, int b)
{
	if (b)
		snprintf(out, n, "%d/%d %3.0f%%", a, b, 100.0 * a / b);
	else
		snprintf(out, n, "n/a");
}

static void summary(const struct set *sets, size_t nsets)
{
	printf("== summary ==\n");
	printf("%-8s %5s %6s %6s %6s %6s %6s %6s %13s %13s %13s %13s %13s\n", "set", "files", "tree",
	       "title", "region", "year", "publ", "docno", "part", "topic", "topic+", "facts recall",
	       "facts prec");
	for (size_t i = 0; i < nsets; i++) {
		const struct score *s = &sets[i].total;
		char tree[16], title[16], region[16], year[16], publ[16], docno[16];
		char part[32], topic[32], tany[32], rec[32], prec[32];
		frac(tree, sizeof tree, s->tree, s->tree_files);
		frac(title, sizeof title, s->title, s->meta_files);
		frac(region, sizeof region, s->region, s->meta_files);
		frac(year, sizeof year, s->year, s->meta_files);
		frac(publ, sizeof publ, s->published, s->meta_files);
		frac(docno, sizeof docno, s->doc_number, s->meta_files);
		pct(part, sizeof part, s->part, s->labels);
		pct(topic, sizeof topic, s->topic, s->labels);
		pct(tany, sizeof tany, s->topic_any, s->labels);
		pct(rec, sizeof rec, s->tp, s->refs);
		pct(prec, sizeof prec, s->tp, s->extracted_scored);
		printf("%-8s %5d %6s %6s %6s %6s %6s %6s %13s %13s %13s %13s %13s\n", sets[i].name,
		       s->files, tree, title, region, year, publ, docno, part, topic, tany, rec, prec);
	}
	printf("(part/topic: right/labelled headings, a heading not found counts wrong; topic+: topic2 "
	       "accepted either way; facts prec: over files with reference rows)\n");
}

static int usage(void)
{
	fprintf(stderr, "usage: eval_real [-q] --set NAME --reports DIR [--truth FILE] [--labels FILE] "
	                "[--metrics FILE] ...\n");
	return 2;
}

/* Scores the sets named, as many as the command line holds (make eval names every set). */
static int run(int argc, char **argv, struct set **setsp, size_t *capp);

int main(int argc, char **argv)
{
	struct set *sets = NULL;
	size_t cap = 0;
	int status = run(argc, argv, &sets, &cap);
	free(sets);
	return status;
}

static int run(int argc, char **argv, struct set **setsp, size_t *capp)
{
	struct set *sets = *setsp;
	size_t nsets = 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (strcmp(a, "-q") == 0) {
			quiet = 1;
			continue;
		}
		if (i + 1 >= argc)
			return usage();
		const char *v = argv[++i];
		if (strcmp(a, "--set") == 0) {
			*setsp = sets = xgrow(sets, capp, nsets + 1, sizeof *sets);
			sets[nsets++] = (struct set){ .name = v };
			continue;
		}
		if (!nsets)
			return usage();
		struct set *s = &sets[nsets - 1];
		if (strcmp(a, "--reports") == 0)
			s->reports = v;
		else if (strcmp(a, "--truth") == 0)
			s->truth = v;
		else if (strcmp(a, "--labels") == 0)
			s->labels = v;
		else if (strcmp(a, "--metrics") == 0)
			s->metrics = v;
		else
			return usage();
	}
	if (!nsets)
		return usage();
	char *cause = NULL;
	const struct classify_model *cm = classify_default(&cause);
	const struct facts_model *fm = facts_default(&cause);
	if (!cm || !fm) {
		fprintf(stderr, "eval_real: %s\n", cause ? cause : "cannot load the models");
		free(cause);
		return 1;
	}
	for (size_t i = 0; i < nsets; i++) {
		if (!sets[i].reports)
			return usage();
		run_set(&sets[i], cm, fm);
	}
	summary(sets, nsets);
	classify_default_free();
	facts_default_free();
	return 0;
}
