/* extract_pdf.c — a PDF's text layer as report text: lines in reading order joined into paragraphs, page numbers and running headers left out. */
/*
 * poppler-glib gives each page's text in reading order, one line a line, with a box for every
 * character. From the boxes we learn, over the whole document, the body's font size, its left
 * edge L (the densest column of line starts), its right edge R (where justified lines end) and
 * whether paragraphs open with an indent or are set apart by space; a line then continues the one
 * before it when that one runs to R, it does not start further right than L and no space parts
 * them. Without boxes (a page poppler could not
 * lay out) the rules fall back to punctuation: a line continues unless the one before ends a
 * sentence, is short, or it opens a heading.
 *
 * Weak spots: L and R are one pair for the document, so mirrored margins or two columns make
 * every line a paragraph of its own (nothing is lost, paragraphs are only cut).
 *
 * Tables: poppler runs a row's cells together when they share a line (341286-55) and gives the
 * cells a line each when they do not. A gap wider than CELL_GAP characters' heights between two
 * characters of a line, and lines that stand side by side at one height, part cells: the row
 * becomes a line of its own with a tab between cells, as a Word table's row is read. A table
 * that poppler reads column by column still comes out a cell a line.
 */
#include "extract.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>
#include <unistr.h>

#include "buf.h"
#include "dynlib.h"
#include "encoding.h"
#include "page_number.h"
#include "parse_scan.h"
#include "xmalloc.h"

#define PDF_MAX ((size_t)512 << 20)

/* The lesser and the greater of two coordinates (poppler's, never NaN): fmin and fmax would make
 * every process map libm for these alone (mathfn.h). */
static inline double lesser(double a, double b)
{
	return a < b ? a : b;
}

static inline double greater(double a, double b)
{
	return a > b ? a : b;
}

struct line {
	size_t start, end;      /* the line in the document's text, blanks trimmed */
	int page;
	int geo;                /* 1 when the boxes below are known */
	double x0, x1;          /* left and right ends of its visible characters */
	double top, bottom;
	double size;            /* mean character height: the font size, roughly */
	double hanw;            /* mean width of its Han characters, 0 when none */
	size_t chars;           /* visible characters */
	size_t cells;           /* their width: two for a wide character (Han, full-width), one else */
	int drop;               /* a page number or a running header or footer */
	int tabbed;             /* it holds a tab parting cells of a table row (a line without boxes:
	                         * one with them is cut at its tabs, add_page) */
	int cell;               /* a cell of a row poppler gave as one line, cut off it (add_page) */
	int written;            /* join wrote it (a table row's cell is written with its row's first) */
};

struct doc {
	struct buf text;        /* every page's text, lines refer into it */
	struct line *v;
	size_t n, cap;
	int npages;
	double size, em, left, right; /* the body: font size, Han width, left and right edge */
	int indent_style;       /* paragraphs open with an indent */
	int spaced;             /* paragraphs are set apart by space */
	double line_gap;        /* the usual gap between the lines of a paragraph */
	size_t typical;         /* the width of a full line (cells), for pages without boxes */
};

/* poppler-glib and the glib it brings are loaded the first time a PDF is read, not when fazhi
 * starts (dynlib.h): linked, they and their dependencies (cairo, X11, NSS, ICU: some fifty
 * libraries) would cost every fazhi process tens of milliseconds before main. */
static struct {
	__typeof__(g_log_set_handler) *g_log_set_handler;
	__typeof__(g_bytes_new_static) *g_bytes_new_static;
	__typeof__(g_bytes_unref) *g_bytes_unref;
	__typeof__(g_free) *g_free;
	__typeof__(g_object_unref) *g_object_unref;
	__typeof__(g_error_free) *g_error_free;
	__typeof__(poppler_error_quark) *poppler_error_quark;
	__typeof__(poppler_document_new_from_bytes) *poppler_document_new_from_bytes;
	__typeof__(poppler_document_get_n_pages) *poppler_document_get_n_pages;
	__typeof__(poppler_document_get_page) *poppler_document_get_page;
	__typeof__(poppler_page_get_text) *poppler_page_get_text;
	__typeof__(poppler_page_get_text_layout) *poppler_page_get_text_layout;
} pdflib;

/* poppler-glib hands poppler's complaints about damaged files to g_log ("Poppler", INFO), which
 * prints them when G_MESSAGES_DEBUG asks for it; a handler that does nothing keeps them out of
 * the terminal whatever the environment says. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer data)
{
	(void)domain, (void)level, (void)msg, (void)data;
}

/* Fills pdflib (glib's functions come with poppler-glib's dependencies) and silences poppler. */
static const char *pdflib_resolve(void *h)
{
	DYNLIB_FIND(h, pdflib, g_log_set_handler);
	DYNLIB_FIND(h, pdflib, g_bytes_new_static);
	DYNLIB_FIND(h, pdflib, g_bytes_unref);
	DYNLIB_FIND(h, pdflib, g_free);
	DYNLIB_FIND(h, pdflib, g_object_unref);
	DYNLIB_FIND(h, pdflib, g_error_free);
	DYNLIB_FIND(h, pdflib, poppler_error_quark);
	DYNLIB_FIND(h, pdflib, poppler_document_new_from_bytes);
	DYNLIB_FIND(h, pdflib, poppler_document_get_n_pages);
	DYNLIB_FIND(h, pdflib, poppler_document_get_page);
	DYNLIB_FIND(h, pdflib, poppler_page_get_text);
	DYNLIB_FIND(h, pdflib, poppler_page_get_text_layout);
	pdflib.g_log_set_handler("Poppler", G_LOG_LEVEL_MASK, quiet, NULL);
	return NULL;
}

static struct dynlib poppler_glib = {
	.soname = "libpoppler-glib.so.8", .override = "FAZHI_POPPLER_LIBRARY",
	.package = "libpoppler-glib8", .family = "poppler-glib", .resolve = pdflib_resolve,
};

/* poppler hands out valid, NUL-terminated UTF-8: walked with the model's decoder (encoding.h). */
static const char *utf8_next(const char *p)
{
	return *p ? p + encoding_step((unsigned char)*p) : p + 1;
}

static uint32_t utf8_get(const char *p)
{
	size_t i = 0;
	return encoding_next(p, strnlen(p, 4), &i);
}

/* The start of the character before p in s, or NULL when p is at s. */
static const char *utf8_prev(const char *s, const char *p)
{
	while (p-- > s)
		if (((unsigned char)*p & 0xc0) != 0x80)
			return p;
	return NULL;
}

static int ascii_isalpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int ascii_isalnum(int c)
{
	return ascii_isalpha(c) || (c >= '0' && c <= '9');
}

static int is_han(uint32_t c)
{
	return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	       (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x3ffff);
}


static uint32_t cp_at(const char *s)
{
	return utf8_get(s);
}

/* The last character of s[0, n) and where it starts. */
static uint32_t cp_last(const char *s, size_t n, size_t *at)
{
	const char *p = utf8_prev(s, s + n);
	if (!p)
		return 0;
	if (at)
		*at = (size_t)(p - s);
	return cp_at(p);
}

static int is_cn_numeral(uint32_t c)
{
	return parse_cn_digit(c) >= 0 || parse_cn_unit(c) || c == 0x4e24;   /* 两 */
}

/* A space stays only between two pieces of Latin text: "Word 2016", "3 500", "Hello, world";
 * not after punctuation that follows Chinese ("…服务, 1.5个", the half-width comma of a web page). */
static int latin_after(uint32_t c)
{
	return (c < 0x80 && (ascii_isalnum((int)c) || strchr("([{'\"$", (int)c))) ||
	       (c >= 0xc0 && c <= 0x24f);
}

static int latin_before(const char *s, size_t n)
{
	size_t at = 0;
	uint32_t c = cp_last(s, n, &at);
	if ((c < 0x80 && ascii_isalnum((int)c)) || (c >= 0xc0 && c <= 0x24f))
		return 1;
	if (!c || c >= 0x80 || !strchr(",.;:!?)]}'\"%", (int)c) || !at)
		return 0;
	c = cp_last(s, at, NULL);
	return c < 0x80 ? c > ' ' : c >= 0xc0 && c <= 0x24f;
}

/* Whether s[0, n) ends with a figure written in Chinese text (…持证执法人员93, …接待来访8): a line
 * that breaks it goes on with its digits, no space between (93 and 2名 are 932名). */
static int ends_figure_in_chinese(const char *s, size_t n)
{
	int digits = 0;
	for (size_t at = n, prev; at; at = prev) {
		uint32_t c = cp_last(s, at, &prev);
		if (c >= '0' && c <= '9')
			digits = 1;
		else if (c != '.')
			return digits && c >= 0x2e80;
	}
	return 0;
}

/* The line opens a heading: 一、 （一） (一) 1. 1、 １． （1） ① 第一章. */
static int starts_heading(const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	if (p >= end)
		return 0;
	uint32_t c = cp_at(p);
	if (c >= 0x2460 && c <= 0x249b)
		return 1;
	if (c == 0x7b2c) { /* 第 */
		p = utf8_next(p);
		size_t k = 0;
		while (p < end && (is_cn_numeral(cp_at(p)) || parse_digit_value(cp_at(p)) >= 0))
			p = utf8_next(p), k++;
		if (!k || p >= end)
			return 0;
		c = cp_at(p);
		return c == 0x7ae0 || c == 0x8282 || c == 0x6761 || c == 0x90e8; /* 章 节 条 部 */
	}
	int paren = c == '(' || c == 0xff08;
	if (paren)
		p = utf8_next(p);
	size_t cn = 0, dg = 0;
	while (p < end && is_cn_numeral(cp_at(p)))
		p = utf8_next(p), cn++;
	if (!cn)
		while (p < end && dg < 3 && parse_digit_value(cp_at(p)) >= 0)
			p = utf8_next(p), dg++;
	if ((!cn && !dg) || p >= end)
		return 0;
	c = cp_at(p);
	if (paren)
		return c == ')' || c == 0xff09;
	if (c == 0x3001) /* 、 */
		return 1;
	if (c == '.' || c == 0xff0e) {
		const char *q = utf8_next(p);
		return !(q < end && parse_digit_value(cp_at(q)) >= 0); /* 1.5亿元 is a number */
	}
	return 0;
}

/* The line ends a sentence: 。！？：；(or the ASCII forms), or a closing quote after one. */
static int ends_sentence(const char *s, size_t n)
{
	size_t at = 0;
	uint32_t c = cp_last(s, n, &at);
	if (c == 0x201d || c == 0x2019 || c == 0x300d || c == 0x300f || c == 0xff09 || c == ')' ||
	    c == '"' || c == 0x300b)
		c = at ? cp_last(s, at, NULL) : 0;
	return c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0xff1a || c == 0xff1b ||
	       c == '!' || c == '?' || c == ':' || c == ';';
}


static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Two characters of a line further apart than this many times their height stand in two
 * cells: body text, justified or spaced out (目　录 set one em apart), never parts them so wide. */
#define CELL_GAP 0.9

/* The page's text t with a tab before each character that stands a cell's gap after the one
 * before it on its line, and the boxes r[0, nr) (one per character of t) to match: a tab's box
 * is the next character's. Returns t itself, with *rr = r, when it has no such gap. */
static char *mark_cells(const char *t, const PopplerRectangle *r, guint nr, PopplerRectangle **rr,
			guint *nrr)
{
	struct buf b = { 0 };
	PopplerRectangle *out = NULL;
	size_t cap = 0, n = 0;
	const PopplerRectangle *prev = NULL;
	int any = 0;
	guint k = 0;
	for (const char *p = t; *p && k < nr; p = utf8_next(p), k++) {
		uint32_t c = cp_at(p);
		const PopplerRectangle *box = &r[k];
		if (c == '\n') {
			prev = NULL;
		} else if (!parse_is_line_blank(c) && c >= 0x20) {
			double h = greater(fabs(box->y2 - box->y1), prev ? fabs(prev->y2 - prev->y1) : 0);
			if (prev && lesser(box->x1, box->x2) - greater(prev->x1, prev->x2) > CELL_GAP * h) {
				out = xgrow(out, &cap, n + 1, sizeof *out);
				out[n++] = *box;
				buf_addc(&b, '\t');
				any = 1;
			}
			prev = box;
		}
		out = xgrow(out, &cap, n + 1, sizeof *out);
		out[n++] = *box;
		buf_add(&b, p, (size_t)(utf8_next(p) - p));
	}
	if (!any) {
		free(out);
		buf_fini(&b);
		*rr = (PopplerRectangle *)r, *nrr = nr;
		return (char *)t;
	}
	*rr = out, *nrr = (guint)n;
	return buf_take(&b);
}

/* The character sums of a line being read, for its size and its Han characters' width. */
struct line_sums {
	double hsum, wsum;
	size_t nhan;
};

/* Adds line l, ending at byte end of the document's text, blanks trimmed; nothing when it holds
 * no visible character. */
static void push_line(struct doc *d, struct line *l, size_t end, const struct line_sums *sum)
{
	const char *all = d->text.data;
	l->end = end;
	if (!l->chars)
		return;
	while (l->start < l->end && parse_is_line_blank(cp_at(all + l->start)))
		l->start = (size_t)(utf8_next(all + l->start) - all);
	size_t at = 0;   /* cp_last sets it whenever it reads a character */
	while (l->end > l->start && parse_is_line_blank(cp_last(all + l->start, l->end - l->start, &at)))
		l->end = l->start + at;
	if (l->geo && !(isfinite(l->x0) && isfinite(l->x1) && isfinite(l->top) && isfinite(l->bottom) &&
			isfinite(sum->hsum) && isfinite(sum->wsum)))
		l->geo = 0; /* a damaged file's boxes */
	if (l->geo) {
		l->size = sum->hsum / (double)l->chars;
		l->hanw = sum->nhan ? sum->wsum / (double)sum->nhan : 0;
	}
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof *d->v);
	d->v[d->n++] = *l;
}

/* Adds the page's lines: its text cut at "\n", each with the box of its characters when
 * poppler gives one box per character. A line of a table's cells (mark_cells parted them with
 * tabs) is cut at its tabs when the boxes are known, each cell a line of its own at its place:
 * the rows are then made of cells wherever poppler put them (a figure it gave a line of its own
 * beside a row it ran together, a label's two lines around its row). */
static void add_page(struct doc *d, int page, const char *t, const PopplerRectangle *r, guint nr)
{
	size_t nchars = u8_mbsnlen((const uint8_t *)t, strlen(t));
	int geo = r && nr == nchars;
	size_t base = d->text.len;
	buf_adds(&d->text, t);
	buf_addc(&d->text, '\n');
	const char *all = d->text.data;
	const char *p = all + base;
	size_t k = 0;
	const struct line fresh = { .page = page, .geo = geo, .x0 = INFINITY, .x1 = -INFINITY,
				    .top = INFINITY, .bottom = -INFINITY };
	while (*p) {
		struct line l = fresh;
		struct line_sums sum = { 0 };
		l.start = (size_t)(p - all);
		for (; *p && *p != '\n'; p = utf8_next(p), k++) {
			uint32_t c = cp_at(p);
			if (c == '\t' && geo) {   /* a cell ends */
				l.cell = 1;
				push_line(d, &l, (size_t)(p - all), &sum);
				l = fresh, sum = (struct line_sums){ 0 };
				l.start = (size_t)(p + 1 - all);
				l.cell = 1;
				continue;
			}
			l.tabbed |= c == '\t';
			if (parse_is_line_blank(c) || c < 0x20)
				continue;
			l.chars++;
			l.cells += c >= 0x1100 ? 2 : 1;
			if (!geo)
				continue;
			const PopplerRectangle *b = &r[k];
			l.x0 = lesser(l.x0, lesser(b->x1, b->x2));
			l.x1 = greater(l.x1, greater(b->x1, b->x2));
			l.top = lesser(l.top, lesser(b->y1, b->y2));
			l.bottom = greater(l.bottom, greater(b->y1, b->y2));
			sum.hsum += fabs(b->y2 - b->y1);
			if (is_han(c))
				sum.wsum += fabs(b->x2 - b->x1), sum.nhan++;
		}
		push_line(d, &l, (size_t)(p - all), &sum);
		if (*p)
			p++, k++;
	}
}

struct at {
	double y;
	size_t line;
};

static int cmp_at(const void *a, const void *b)
{
	const struct at *x = a, *y = b;
	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/* The lines [from, to) of a page not yet dropped, top to bottom (in reading order where a line
 * has no box); `at` has room for them. */
static size_t page_lines(const struct doc *d, size_t from, size_t to, struct at *at, size_t *out)
{
	size_t k = 0;
	for (size_t i = from; i < to; i++)
		if (!d->v[i].drop)
			at[k] = (struct at){ d->v[i].geo ? d->v[i].top : (double)k, i }, k++;
	qsort(at, k, sizeof *at, cmp_at);
	for (size_t i = 0; i < k; i++)
		out[i] = at[i].line;
	return k;
}

struct edge {
	size_t line;
	char *key;              /* text with digits as '#', blanks left out */
	int bottom;
	double y;
};

static int cmp_edge(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	if (x->bottom != y->bottom)
		return x->bottom - y->bottom;
	int c = strcmp(x->key, y->key);
	return c ? c : (x->y > y->y) - (x->y < y->y);
}

static char *edge_key(const struct doc *d, const struct line *l)
{
	struct buf b = { 0 };
	int digit = 0;
	for (const char *p = d->text.data + l->start; p < d->text.data + l->end; p = utf8_next(p)) {
		uint32_t c = cp_at(p);
		if (parse_is_line_blank(c))
			continue;
		if (parse_digit_value(c) >= 0) {
			if (!digit)
				buf_addc(&b, '#');
			digit = 1;
			continue;
		}
		digit = 0;
		buf_add(&b, p, (size_t)(utf8_next(p) - p));
	}
	return buf_take(&b);
}

/* 1 when lines a and b stand at one height: their boxes share most of the lower one's height. */
static int level_with(const struct line *a, const struct line *b)
{
	double overlap = lesser(a->bottom, b->bottom) - greater(a->top, b->top);
	return a->geo && b->geo && a->page == b->page &&
	       overlap > 0.5 * lesser(a->bottom - a->top, b->bottom - b->top);
}

/* 1 when a line of [from, to) other than l stands level with it: a bare number so placed is a
 * table's cell, not a page number. */
static int level_with_any(const struct doc *d, size_t from, size_t to, const struct line *l)
{
	for (size_t i = from; i < to; i++)
		if (&d->v[i] != l && level_with(&d->v[i], l))
			return 1;
	return 0;
}

/* Drops page numbers (among the two top and two bottom lines of a page), then the short line
 * at the top or bottom of pages that recurs at the same height on most pages. */
static void drop_furniture(struct doc *d)
{
	size_t *order = xmalloc((d->n + 1) * sizeof *order);
	struct at *at = xmalloc((d->n + 1) * sizeof *at);
	size_t *first = xcalloc((size_t)d->npages + 1, sizeof *first);
	for (size_t i = 0, p = 0; p <= (size_t)d->npages; p++) {
		while (i < d->n && d->v[i].page < (int)p)
			i++;
		first[p] = i;
	}
	int pages_with_text = 0;
	for (int p = 0; p < d->npages; p++) {
		size_t k = page_lines(d, first[p], first[p + 1], at, order);
		pages_with_text += k > 0;
		for (size_t j = 0; j < k; j++) {
			if (j >= 2 && j + 2 < k)
				continue;
			struct line *l = &d->v[order[j]];
			int bare_ok = (j == 0 || j + 1 == k) && !level_with_any(d, first[p], first[p + 1], l);
			if (page_number_line(d->text.data + l->start, l->end - l->start, bare_ok))
				l->drop = 1;
		}
	}
	struct edge *e = xmalloc(((size_t)d->npages * 2 + 1) * sizeof *e);
	for (int round = 0; round < 2; round++) {
		size_t ne = 0, dropped = 0;
		for (int p = 0; p < d->npages; p++) {
			size_t k = page_lines(d, first[p], first[p + 1], at, order);
			if (k < 2)
				continue;
			for (int bottom = 0; bottom < 2; bottom++) {
				struct line *l = &d->v[order[bottom ? k - 1 : 0]];
				if (l->chars > 60)
					continue;
				e[ne++] = (struct edge){ (size_t)(l - d->v), edge_key(d, l), bottom,
							 l->geo ? (bottom ? l->bottom : l->top) : 0 };
			}
		}
		qsort(e, ne, sizeof *e, cmp_edge);
		for (size_t i = 0, j; i < ne; i = j) {
			for (j = i + 1; j < ne && e[j].bottom == e[i].bottom && strcmp(e[j].key, e[i].key) == 0 &&
				    e[j].y - e[j - 1].y <= 3; j++)
				;
			if (j - i >= 2 && (j - i) * 2 > (size_t)pages_with_text)
				for (size_t m = i; m < j; m++)
					d->v[e[m].line].drop = 1, dropped++;
		}
		for (size_t i = 0; i < ne; i++)
			free(e[i].key);
		if (!dropped)
			break;
	}
	free(e);
	free(first);
	free(at);
	free(order);
}

/* A gap wider than this between two lines is a blank line: a line's height more than the usual
 * gap, and never less than 1.2 times the font size. */
static double blank_gap(const struct doc *d)
{
	double g = d->line_gap + 0.6 * d->size;
	return g > 1.2 * d->size ? g : 1.2 * d->size;
}

/* Whether line l counts in the body's measures: neither furniture (a page number, a running
 * header) nor a cell cut off a table's row (add_page). */
static int measured(const struct line *l)
{
	return !l->drop && !l->cell;
}

/* Whether line l is measured and set in the body's size, its boxes known. */
static int body_sized(const struct doc *d, const struct line *l)
{
	return measured(l) && l->geo && fabs(l->size - d->size) < 0.15 * d->size;
}

/* The body's measures, from the lines kept: median size and Han width; the left edge is the
 * densest half-em column of line starts, the right edge the 90th percentile of line ends. */
static void measure(struct doc *d)
{
	double *a = xmalloc((d->n + 1) * sizeof *a);
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++)
		if (measured(&d->v[i]) && d->v[i].geo)
			a[k++] = d->v[i].size;
	if (k) {
		qsort(a, k, sizeof *a, cmp_double);
		d->size = a[k / 2];
	}
	size_t h = 0;
	for (size_t i = 0; i < d->n; i++)
		if (body_sized(d, &d->v[i]) && d->v[i].hanw > 0)
			a[h++] = d->v[i].hanw;
	if (h) {
		qsort(a, h, sizeof *a, cmp_double);
		d->em = a[h / 2];
	} else {
		d->em = d->size > 0 ? d->size * 0.8 : 10;
	}
	k = 0;
	for (size_t i = 0; i < d->n; i++)
		if (body_sized(d, &d->v[i]))
			a[k++] = d->v[i].x0;
	if (k) {
		qsort(a, k, sizeof *a, cmp_double);
		size_t best = 0, bi = 0;
		for (size_t i = 0, j = 0; i < k; i++) {
			while (a[i] - a[j] > d->em / 2)
				j++;
			if (i - j + 1 > best)
				best = i - j + 1, bi = j;
		}
		d->left = a[bi];
		size_t indented = 0;
		for (size_t i = 0; i < k; i++)
			indented += fabs(a[i] - (d->left + 2 * d->em)) < d->em / 2;
		d->indent_style = indented >= 2 && indented * 20 >= k;
	}
	k = 0;
	for (size_t i = 0; i < d->n; i++)
		if (body_sized(d, &d->v[i]))
			a[k++] = d->v[i].x1;
	if (k) {
		qsort(a, k, sizeof *a, cmp_double);
		d->right = a[k * 9 / 10];
	}
	size_t pairs = 0, gaps = 0;
	for (size_t i = 0, prev = SIZE_MAX; i < d->n; i++) {
		const struct line *l = &d->v[i];
		if (!body_sized(d, l))
			continue;
		if (prev != SIZE_MAX && d->v[prev].page == l->page)
			a[pairs++] = l->top - d->v[prev].bottom;
		prev = i;
	}
	if (pairs) {   /* lines set wide apart (a pitch of 28 points for 16) are no blank lines */
		qsort(a, pairs, sizeof *a, cmp_double);
		d->line_gap = a[pairs / 2];
	}
	for (size_t i = 0; i < pairs; i++)
		gaps += a[i] > blank_gap(d);
	d->spaced = gaps >= 2 && gaps * 20 >= pairs;
	k = 0;
	for (size_t i = 0; i < d->n; i++)
		if (measured(&d->v[i]))
			a[k++] = (double)d->v[i].cells;
	if (k) {
		qsort(a, k, sizeof *a, cmp_double);
		d->typical = (size_t)a[k * 9 / 10];
	}
	free(a);
}

/* The characters of the run of digits or Latin letters s[0, n) opens with (9200, 12.5%, Word). */
static size_t latin_run(const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && (ascii_isalnum((unsigned char)s[k]) || s[k] == '.' || s[k] == '%'))
		k++;
	return k;
}

/* Ems a line may end short when the next opens with an opening bracket or quote (（社区）, “放管服”):
 * typesetting keeps such a mark off a line's end, so the line before ends short by the mark and
 * what the justification left; one em more than any other line, in a text whose paragraphs are
 * told by their indent, and never before a heading. */
static double held_mark(const struct doc *d, const char *s, size_t n)
{
	if (!d->indent_style || !n || starts_heading(s, n))
		return 0;
	uint32_t c = cp_at(s);
	return c == 0xff08 || c == 0x201c || c == 0x300a || c == 0x2018 || c == 0x3010 ? 1.0 : 0;   /* （ “ 《 ‘ 【 */
}

/* 1 when line c starts a new paragraph after line p. */
static int breaks(const struct doc *d, const struct line *p, const struct line *c)
{
	const char *t = d->text.data;
	const char *ps = t + p->start, *cs = t + c->start;
	size_t pn = p->end - p->start, cn = c->end - c->start;
	if (!p->geo || !c->geo || d->size <= 0) {
		return ends_sentence(ps, pn) || starts_heading(cs, cn) ||
		       p->cells * 10 < d->typical * 8;
	}
	int pbig = p->size > d->size * 1.15, cbig = c->size > d->size * 1.15;
	if (pbig || cbig) /* a title wrapped over lines of one size stays one */
		return !(pbig && cbig && fabs(p->size - c->size) < 0.1 * p->size && p->page == c->page &&
			 !ends_sentence(ps, pn));
	if (p->page == c->page && c->top - p->bottom > blank_gap(d))
		return 1; /* a blank line between */
	if (p->x1 < d->right - (1.5 + held_mark(d, cs, cn)) * d->em - latin_run(cs, cn) * 0.6 * d->em)
		return 1; /* short lines end paragraphs: titles, signatures, dates, last lines (a line
			   * before digits or a Latin word may end short by their width: they do not break) */
	if (p->x0 > d->left + 3 * d->em)
		return 1; /* a line set right or centred (a signature's date) runs on into nothing */
	if (c->x0 > d->left + 0.6 * d->em)
		return 1; /* indented: a new paragraph, or centred or right-aligned */
	/* A full line running on at the left edge: a paragraph that goes on, when paragraphs are
	 * told by an indent or by space; else one ending a sentence ends its paragraph. */
	int marked = d->indent_style || d->spaced;
	if (starts_heading(cs, cn))
		return ends_sentence(ps, pn) || !marked;
	return ends_sentence(ps, pn) && !marked;
}

#define ORGAN_RUN 4   /* characters unspaced before a blank that parts two organs' names */

/* Whether the blank after b's last ORGAN_RUN characters or more, written unspaced, parts two
 * bodies that issue a report jointly, named on one line (中共某区委 某区人民政府关于…): the name
 * before it ends as an organ's does and another name follows, not its 关于. A line spaced out
 * letter by letter (中 共 某 区 委 员 会) has no such run. */
static int parts_issuers(const struct buf *b, size_t run, const char *q, const char *end)
{
	size_t at;
	return run >= ORGAN_RUN && is_han(cp_at(q)) && !parse_starts(q, 0, (size_t)(end - q), "关于") &&
	       (parse_organ_suffix(b->data, 0, b->len) || cp_last(b->data, b->len, &at) == 0x59d4);   /* 委 */
}

/* Appends s[0, n) to b, spaces kept only between Latin words and between two organs' names,
 * controls left out. */
static void add_clean(struct buf *b, const char *s, size_t n)
{
	const char *end = s + n;
	size_t run = 0;   /* characters since the last blank */
	for (const char *p = s; p < end;) {
		uint32_t c = cp_at(p);
		const char *next = utf8_next(p);
		if (c == ' ' || c == '\t' || c == 0xa0) {
			const char *q = p;
			int cell = 0;
			while (q < end && (*q == ' ' || *q == '\t' || cp_at(q) == 0xa0))
				cell |= *q == '\t', q = utf8_next(q);
			if (cell && q < end)
				buf_addc(b, '\t');
			else if (q < end && b->len && ((latin_before(b->data, b->len) && latin_after(cp_at(q))) ||
						       parts_issuers(b, run, q, end)))
				buf_addc(b, ' ');
			p = q;
			run = 0;
			continue;
		}
		if (c >= 0x20 && c != 0x7f)
			buf_add(b, p, (size_t)(next - p)), run++;
		p = next;
	}
}

/* 1 when lines a and b stand apart across the page, half an em or more between them. */
static int apart(const struct doc *d, const struct line *a, const struct line *b)
{
	return b->x0 > a->x1 + d->em / 2 || a->x0 > b->x1 + d->em / 2;
}

/* Lines apart in poppler's order that may still stand in one row: a table of a hundred rows read
 * column by column, and no more, so that a page of countless text pieces costs no square. */
#define ROW_REACH 400

/* The lines [*a, *b) of line i's page within ROW_REACH of it. */
static void reach(const struct doc *d, size_t i, size_t *a, size_t *b)
{
	int page = d->v[i].page;
	for (*a = i; *a > 0 && d->v[*a - 1].page == page && i - *a < ROW_REACH; --*a)
		;
	for (*b = i; *b < d->n && d->v[*b].page == page && *b < i + ROW_REACH; ++*b)
		;
}

static double left_edge(const struct line *l)
{
	return l->x0;
}

static double top_edge(const struct line *l)
{
	return l->top;
}

/* Sorts the lines v[0, n) by key, in place: a row or a label has few lines. */
static void sort_lines(const struct doc *d, size_t *v, size_t n, double (*key)(const struct line *))
{
	for (size_t k = 1; k < n; k++)
		for (size_t j = k; j > 0 && key(&d->v[v[j]]) < key(&d->v[v[j - 1]]); j--) {
			size_t t = v[j];
			v[j] = v[j - 1], v[j - 1] = t;
		}
}

/* The lines of line i's table row, left to right, into v (room for every line): the lines of its
 * page not yet written that stand level with it and apart from one another, one of them at
 * least no wider than a cell (a third of the body's width), so that two columns of text are no
 * row. Returns how many; 1 (i alone) when it is in no row. */
static size_t row_cells(const struct doc *d, size_t i, size_t *v)
{
	const struct line *l = &d->v[i];
	size_t n = 0, a, b;
	v[n++] = i;
	if (!l->geo)
		return 1;
	reach(d, i, &a, &b);
	int narrow = 0;
	for (size_t j = a; j < b; j++) {
		const struct line *c = &d->v[j];
		if (j == i || c->drop || c->written || !level_with(l, c))
			continue;
		size_t k = 0;
		while (k < n && apart(d, &d->v[v[k]], c))
			k++;
		if (k == n)
			v[n++] = j;
	}
	for (size_t k = 0; k < n; k++)
		narrow |= d->v[v[k]].x1 - d->v[v[k]].x0 < (d->right - d->left) / 3;
	if (n < 2 || !narrow)
		return 1;
	sort_lines(d, v, n, left_edge);
	return n;
}

/* Pieces of a table row's label that wrapped around the row (公证机构办理公证事 / 件 11860 12375 / 项,
 * the row's other cells centred between the label's lines, or straddling them: “首违不罚”“轻微免 /
 * 罚”案件（件） beside 412 265): the lines of its page not yet written, left of the row's first cell,
 * just above or just below the row or overlapping it by less than half, that stand level with no
 * other line; into v, top to bottom; how many. */
#define WRAP_PIECES 3
static size_t wrapped_label(const struct doc *d, const size_t *cells, size_t n, size_t *v)
{
	const struct line *first = &d->v[cells[0]];
	double top = INFINITY, bottom = -INFINITY;
	for (size_t k = 0; k < n; k++)
		top = lesser(top, d->v[cells[k]].top), bottom = greater(bottom, d->v[cells[k]].bottom);
	double h = bottom - top;
	size_t a, b, m = 0;
	if (!first->geo || !(h > 0))
		return 0;
	reach(d, cells[0], &a, &b);
	for (size_t j = a; j < b && m < WRAP_PIECES; j++) {
		const struct line *c = &d->v[j];
		if (c->drop || c->written || !c->geo || c->x1 > first->x0 - d->em / 2)
			continue;
		int above = c->bottom <= top + 0.6 * h && c->bottom >= top - h;   /* its lines may straddle the row */
		int below = c->top >= bottom - 0.6 * h && c->top <= bottom + h;
		if ((above || below) && !level_with_any(d, a, b, c))
			v[m++] = j;
	}
	sort_lines(d, v, m, top_edge);
	return m;
}

/* Lines of cell k of a table row that wrapped below it, the row's cells set at its top (县政府收到
 * 行政复议申请（含上 31件 / 级机关转办）, 持证执法人员1268 / 名): the lines of its page not yet
 * written, just below the row, within the cell's columns, that stand level with no other line (a
 * line of cells under the row stands level with its other cells); into v, top to bottom; how many. */
static size_t wrapped_cell(const struct doc *d, const size_t *cells, size_t n, size_t k, size_t *v)
{
	const struct line *cell = &d->v[cells[k]];
	double bottom = -INFINITY;
	for (size_t j = 0; j < n; j++)
		bottom = greater(bottom, d->v[cells[j]].bottom);
	double h = cell->bottom - cell->top;
	size_t a, b, m = 0;
	if (!cell->geo || !(h > 0) || n < 2)
		return 0;
	reach(d, cells[k], &a, &b);
	for (size_t j = a; j < b && m < WRAP_PIECES; j++) {
		const struct line *c = &d->v[j];
		double last = m ? d->v[v[m - 1]].bottom : bottom;   /* under the row, or under the piece before */
		if (c->drop || c->written || !c->geo || c->x0 < cell->x0 - d->em / 2 || c->x1 > cell->x1 + d->em / 2)
			continue;
		if (c->top >= last - 0.2 * h && c->top <= last + 0.6 * h && !level_with_any(d, a, b, c))
			v[m++] = j;
	}
	return m;
}

/* The first line of a table row to the right of line i that i is a wrapped piece of the label
 * of (a piece met before its row), or SIZE_MAX; cells is scratch room for every line. */
static size_t row_of_piece(const struct doc *d, size_t i, size_t *cells)
{
	const struct line *l = &d->v[i];
	if (!l->geo)
		return SIZE_MAX;
	double h = l->bottom - l->top;
	size_t a, b;
	reach(d, i, &a, &b);
	for (size_t j = i + 1; j < b; j++) {
		const struct line *c = &d->v[j];
		if (c->drop || c->written || !c->geo || c->x0 < l->x1 + d->em / 2 ||
		    fabs((c->top + c->bottom) / 2 - (l->top + l->bottom) / 2) > 1.2 * h)
			continue;
		size_t n = row_cells(d, j, cells);
		if (n < 2)   /* a line with boxes holds no tab: add_page cut it into its cells */
			continue;
		size_t pieces[WRAP_PIECES], np = wrapped_label(d, cells, n, pieces);
		for (size_t k = 0; k < np; k++)
			if (pieces[k] == i)
				return j;
	}
	return SIZE_MAX;
}

/* Writes the lines kept as paragraphs; a table's row, its cells met first in whatever order
 * poppler reads them, as a line of its own with a tab between cells. */
static void join(struct doc *d, struct buf *out)
{
	const struct line *prev = NULL;
	int prev_row = 0;
	size_t *cells = xmalloc(2 * (d->n + 1) * sizeof *cells), *spare = cells + d->n + 1;
	for (size_t i = 0; i < d->n; i++) {
		struct line *l = &d->v[i];
		if (l->drop || l->written)
			continue;
		size_t n = row_cells(d, i, cells), of = n > 1 || l->tabbed ? SIZE_MAX : row_of_piece(d, i, spare);
		if (of != SIZE_MAX)   /* a wrapped label's piece met first: its row, the label with it */
			n = row_cells(d, of, cells);
		int row = n > 1 || d->v[cells[0]].tabbed;
		const char *s = d->text.data + l->start;
		if (prev) {
			if (row || prev_row || breaks(d, prev, l))
				buf_addc(out, '\n');
			else if (out->len && latin_before(out->data, out->len) && latin_after(cp_at(s)) &&
				 !(*s >= '0' && *s <= '9' && ends_figure_in_chinese(out->data, out->len)))
				buf_addc(out, ' ');
		}
		size_t label[WRAP_PIECES], nl = row ? wrapped_label(d, cells, n, label) : 0;
		for (size_t k = 0; k < nl; k++) {
			struct line *c = &d->v[label[k]];
			if (k && latin_before(out->data, out->len) && latin_after(cp_at(d->text.data + c->start)))
				buf_addc(out, ' ');   /* a Latin label's words */
			add_clean(out, d->text.data + c->start, c->end - c->start);
			c->written = 1;
		}
		for (size_t k = 0; k < n; k++) {
			struct line *c = &d->v[cells[k]];
			size_t under[WRAP_PIECES], nu = row && !nl ? wrapped_cell(d, cells, n, k, under) : 0;
			if (k || nl)
				buf_addc(out, '\t');
			add_clean(out, d->text.data + c->start, c->end - c->start);
			c->written = 1;
			for (size_t u = 0; u < nu; u++) {   /* the cell's lines below it */
				struct line *w = &d->v[under[u]];
				if (latin_before(out->data, out->len) && latin_after(cp_at(d->text.data + w->start)))
					buf_addc(out, ' ');   /* a Latin cell's words */
				add_clean(out, d->text.data + w->start, w->end - w->start);
				w->written = 1;
			}
		}
		prev = l;
		prev_row = row;
	}
	free(cells);
	if (out->len)
		buf_addc(out, '\n');
}

int extract_pdf(const char *bytes, size_t n, char **text, size_t *len, char **cause)
{
	struct doc d = { 0 };
	struct buf out = { 0 };
	GError *err = NULL;
	PopplerDocument *pdf = NULL;
	GBytes *gb = NULL;
	int rc = -1;

	*text = NULL;
	*len = 0;
	*cause = NULL;
	if (n > PDF_MAX) {
		*cause = xasprintf("PDF too large (%zu MiB; at most %zu MiB)", n >> 20, PDF_MAX >> 20);
		return -1;
	}
	const char *why;
	if (dynlib_open(&poppler_glib, &why) < 0) {
		*cause = xasprintf("cannot read PDF: %s", why);
		return -1;
	}
	gb = pdflib.g_bytes_new_static(bytes, n);
	pdf = pdflib.poppler_document_new_from_bytes(gb, NULL, &err);
	if (!pdf) {
		if (err && err->domain == pdflib.poppler_error_quark() && err->code == POPPLER_ERROR_ENCRYPTED)
			*cause = xstrdup("encrypted PDF; save it without a password first");
		else
			*cause = xasprintf("not a readable PDF (%s)", err && err->message ? err->message : "unknown error");
		for (char *p = *cause; *p; p++)
			if ((unsigned char)*p < 0x20)
				*p = ' ';
		goto out;
	}
	d.npages = pdflib.poppler_document_get_n_pages(pdf);
	int any = 0;
	for (int i = 0; i < d.npages; i++) {
		PopplerPage *page = pdflib.poppler_document_get_page(pdf, i);
		if (!page)
			continue;
		char *t = pdflib.poppler_page_get_text(page);
		PopplerRectangle *r = NULL;
		guint nr = 0;
		if (t && *t) {
			if (!pdflib.poppler_page_get_text_layout(page, &r, &nr))
				r = NULL, nr = 0;
			size_t before = d.n;
			PopplerRectangle *cr = r;
			guint ncr = nr;
			char *ct = r && nr == u8_mbsnlen((const uint8_t *)t, strlen(t))
					   ? mark_cells(t, r, nr, &cr, &ncr) : t;
			add_page(&d, i, ct, cr, ncr);
			if (ct != t)
				free(ct), free(cr);
			any |= d.n > before;
		}
		pdflib.g_free(r);
		pdflib.g_free(t);
		pdflib.g_object_unref(page);
	}
	if (any) {
		drop_furniture(&d);
		measure(&d);
		join(&d, &out);
	}
	if (!out.len) {
		*cause = xstrdup("no text layer (a scanned PDF); OCR it first");
		goto out;
	}
	*len = out.len;
	*text = buf_take(&out);
	rc = 0;
out:
	buf_fini(&out);
	buf_fini(&d.text);
	free(d.v);
	if (pdf)
		pdflib.g_object_unref(pdf);
	if (gb)
		pdflib.g_bytes_unref(gb);
	if (err)
		pdflib.g_error_free(err);
	return rc;
}
