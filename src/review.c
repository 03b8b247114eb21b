/* review.c — the evaluation of one report: its overview row and what a check against the rule on these reports finds. */
#include "review.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "checksum.h"
#include "digest.h"
#include "encoding.h"
#include "facts.h"
#include "parse_scan.h"
#include "xmalloc.h"

#define COUNT(a) (sizeof a / sizeof *a)

/* ---- deadline and timeliness ---- */

static int days_in_month(int month)
{
	static const int days[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return month >= 1 && month <= 12 ? days[month - 1] : 0;
}

static int two_digits(const char *s)
{
	return s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' ? (s[0] - '0') * 10 + s[1] - '0' : -1;
}

int review_deadline_parse(const char *s, struct review_deadline *d)
{
	if (strlen(s) != 5 || s[2] != '-')
		return -1;
	int month = two_digits(s), day = two_digits(s + 3);
	if (month < 1 || day < 1 || day > days_in_month(month))
		return -1;
	*d = (struct review_deadline){ month, day };
	return 0;
}

int review_timeliness(int year, const char *published, struct review_deadline d)
{
	if (!year || strlen(published) != 10)
		return REVIEW_TIME_UNKNOWN;
	char due[24];
	snprintf(due, sizeof due, "%04d-%02d-%02d", year + 1, d.month, d.day);
	return strcmp(published, due) <= 0 ? REVIEW_TIME_ON_TIME : REVIEW_TIME_LATE;   /* ISO dates sort as text */
}

/* ---- the row ---- */

/* Counted on the bytes, as report text is valid UTF-8 (report.h): every byte but a continuation
 * byte (10xxxxxx) begins a character, counted eight bytes at a time; then the blanks, which
 * are few, are found with memchr and taken off. */
static size_t char_starts(const unsigned char *p, size_t n)
{
	const uint64_t high = 0x8080808080808080ull;
	size_t cont = 0, i = 0;
	while (i + 8 <= n) {
		uint64_t lanes = 0;   /* per byte lane, continuation bytes seen: at most 255 rounds */
		for (int round = 0; round < 255 && i + 8 <= n; round++, i += 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			lanes += (w & ~(w << 1) & high) >> 7;   /* bit 7 set, bit 6 clear */
		}
		const uint64_t even = 0x00ff00ff00ff00ffull;   /* pairs of lanes, then the four pairs */
		uint64_t pairs = (lanes & even) + (lanes >> 8 & even);
		cont += (size_t)((pairs * 0x0001000100010001ull) >> 48);
	}
	for (; i < n; i++)
		cont += (p[i] & 0xc0) == 0x80;
	return n - cont;
}

/* How many times the character what[0..len) occurs in s[0..n). */
static size_t occurrences(const char *s, size_t n, const char *what, size_t len)
{
	size_t count = 0;
	for (const char *p = s, *end = s + n; (p = memchr(p, what[0], (size_t)(end - p))); p++)
		count += (size_t)(end - p) >= len && memcmp(p, what, len) == 0;
	return count;
}

size_t review_body_chars(const struct report *r)
{
	if (r->body_end <= r->body_start)
		return 0;
	static const char *const blanks[] = { " ", "\n", "\r", "\t", "\xc2\xa0", "\xe3\x80\x80" };
	const char *body = r->text + r->body_start;
	size_t len = r->body_end - r->body_start, n = char_starts((const unsigned char *)body, len);
	for (size_t k = 0; k < sizeof blanks / sizeof *blanks; k++)
		n -= occurrences(body, len, blanks[k], strlen(blanks[k]));
	return n;
}

void review_read(const struct classify_model *cm, const struct facts_model *fm, struct report *r,
		 struct classify_paras *paras, struct facts *facts)
{
	classify_report_with(cm, r, paras);
	facts_extract(fm, r, facts);
}

/* What both fillers share: the columns derived from others, and the required parts alone. */
static void row_finish(struct review_row *row, struct review_deadline d)
{
	row->published[sizeof row->published - 1] = '\0';
	row->timeliness = review_timeliness(row->year, row->published, d);
	row->parts_headed &= REVIEW_REQUIRED_PARTS;
	row->parts_unheaded &= REVIEW_REQUIRED_PARTS;
}

void review_row_fill(struct review_row *row, const struct report *r, const struct classify_paras *paras,
		     size_t nfacts, struct review_deadline d)
{
	memset(row, 0, sizeof *row);
	row->path = r->path;
	row->region = r->meta.region;
	row->region_len = r->meta.region ? strlen(r->meta.region) : 0;
	row->level = r->meta.level;
	row->year = r->meta.year;
	memcpy(row->published, r->meta.published, sizeof row->published);
	row->chars = review_body_chars(r);
	for (size_t i = 0; i < r->nsections; i++)
		row->chapters += r->sections[i].parent < 0;
	classify_parts_covered(r, paras, &row->parts_headed, &row->parts_unheaded);
	row->facts = nfacts;
	for (size_t i = 0; i < r->nwarnings; i++)
		row->warnings |= 1u << r->warnings[i].kind;
	row->nwarnings = r->nwarnings;
	row_finish(row, d);
}

int review_row_from_digest(struct review_row *row, const char *path, const struct digest *dg,
			   struct review_deadline d)
{
	if (!dg->facts_kept)
		return -1;
	memset(row, 0, sizeof *row);
	row->path = path;
	row->region = dg->region.s;
	row->region_len = dg->region.n;
	row->level = dg->level;
	row->year = dg->year;
	if (dg->published.s)
		memcpy(row->published, dg->published.s, dg->published.n < 10 ? dg->published.n : 10);
	row->chars = dg->body_chars;
	for (size_t i = 0; i < dg->nsections; i++)
		row->chapters += dg->sections[i].parent < 0;
	row->parts_headed = dg->parts_headed;
	row->parts_unheaded = dg->parts_unheaded;
	for (size_t i = 0; i < dg->nfacts; i++)
		row->facts += !dg->facts[i].computed;   /* the row counts figures stated */
	for (size_t i = 0; i < dg->nwarnings; i++)
		row->warnings |= 1u << dg->warnings[i].kind;
	row->nwarnings = dg->nwarnings;
	row_finish(row, d);
	return 0;
}

void review_row_failed(struct review_row *row, const char *path, const char *reason)
{
	memset(row, 0, sizeof *row);
	row->path = path;
	row->failed = reason;
}

int review_row_part(const struct review_row *row, int part)
{
	if (row->parts_headed & 1u << part)
		return REVIEW_PART_HEADED;
	return row->parts_unheaded & 1u << part ? REVIEW_PART_UNHEADED : REVIEW_PART_MISSING;
}

static const char *const column_names[REVIEW_NCOLUMNS] = {
	"file", "status", "region", "level", "year", "published", "on_time", "chars", "chapters",
	"measures", "problems", "leader_duty", "plans", "facts", "warnings", "reason",
};

const char *review_column_name(int col)
{
	return col >= 0 && col < REVIEW_NCOLUMNS ? column_names[col] : NULL;
}

int review_column_numeric(int col)
{
	return col == REVIEW_COL_YEAR || col == REVIEW_COL_CHARS || col == REVIEW_COL_CHAPTERS ||
	       col == REVIEW_COL_FACTS;
}

/* The part a column of required parts stands for, or -1. */
static int column_part(int col)
{
	switch (col) {
	case REVIEW_COL_MEASURES: return CLASSIFY_MEASURES;
	case REVIEW_COL_PROBLEMS: return CLASSIFY_PROBLEMS;
	case REVIEW_COL_LEADER_DUTY: return CLASSIFY_LEADER_DUTY;
	case REVIEW_COL_PLANS: return CLASSIFY_PLANS;
	default: return -1;
	}
}

/* A numeric cell's value, -1 when unknown (a failed file, year 0). */
static long long column_number(const struct review_row *row, int col)
{
	if (row->failed)
		return -1;
	switch (col) {
	case REVIEW_COL_YEAR: return row->year ? row->year : -1;
	case REVIEW_COL_CHARS: return (long long)row->chars;
	case REVIEW_COL_CHAPTERS: return (long long)row->chapters;
	case REVIEW_COL_FACTS: return (long long)row->facts;
	default: return -1;
	}
}

static void warning_names(struct buf *b, unsigned warnings)
{
	const char *sep = "";
	for (int k = 0; k < 32; k++)
		if (warnings & 1u << k) {
			buf_printf(b, "%s%s", sep, report_warning_name(k));
			sep = ";";
		}
}

void review_cell(struct buf *b, const struct review_row *row, int col)
{
	static const char *const part_states[] = { "missing", "unheaded", "headed" };
	static const char *const times[] = { "", "yes", "no" };
	if (col == REVIEW_COL_FILE)
		buf_adds(b, row->path);
	else if (col == REVIEW_COL_STATUS)
		buf_adds(b, row->failed ? "failed" : "ok");
	else if (col == REVIEW_COL_REASON)
		buf_adds(b, row->failed ? row->failed : "");
	else if (row->failed)
		return;
	else if (review_column_numeric(col) && column_number(row, col) >= 0)
		buf_printf(b, "%lld", column_number(row, col));
	else if (col == REVIEW_COL_REGION && row->region)
		buf_add(b, row->region, row->region_len);
	else if (col == REVIEW_COL_LEVEL)
		buf_adds(b, report_level_name(row->level));
	else if (col == REVIEW_COL_PUBLISHED)
		buf_adds(b, row->published);
	else if (col == REVIEW_COL_ON_TIME)
		buf_adds(b, times[row->timeliness]);
	else if (column_part(col) >= 0)
		buf_adds(b, part_states[review_row_part(row, column_part(col))]);
	else if (col == REVIEW_COL_WARNINGS)
		warning_names(b, row->warnings);
}

int review_row_cmp(const struct review_row *a, const struct review_row *b, int col)
{
	int d = 0;
	if (review_column_numeric(col)) {
		long long x = column_number(a, col), y = column_number(b, col);
		d = (x < 0) - (y < 0);   /* unknown last */
		if (!d)
			d = (x > y) - (x < y);
	} else {
		struct buf x = { 0 }, y = { 0 };
		review_cell(&x, a, col);
		review_cell(&y, b, col);
		d = (x.len == 0) - (y.len == 0);
		if (!d && x.len)
			d = strcmp(x.data, y.data);
		buf_fini(&x);
		buf_fini(&y);
	}
	return d ? d : strcmp(a->path, b->path);
}

/* ---- findings ---- */

static const char *const kind_names[REVIEW_NKINDS] = {
	"missing_part", "numbering", "year", "title", "late", "figures", "repeated",
};

const char *review_kind_name(int kind)
{
	return kind >= 0 && kind < REVIEW_NKINDS ? kind_names[kind] : NULL;
}

const char *review_severity_name(int severity)
{
	return severity == REVIEW_ERROR ? "error" : severity == REVIEW_WARNING ? "warning" : NULL;
}

void review_findings_fini(struct review_findings *f)
{
	free(f->v);
	memset(f, 0, sizeof *f);
}

static void add(struct review_findings *out, int kind, int severity, size_t at, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Appends a finding; a message too long is cut at a character boundary. */
static void add(struct review_findings *out, int kind, int severity, size_t at, const char *fmt, ...)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	struct review_finding *f = &out->v[out->n++];
	f->kind = kind, f->severity = severity, f->at = at;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(f->message, sizeof f->message, fmt, ap);
	va_end(ap);
	if (n >= (int)sizeof f->message) {
		size_t k = sizeof f->message - 1;
		while (k > 0 && ((unsigned char)f->message[k] & 0xc0) == 0x80)
			k--;
		f->message[k] = '\0';
	}
}

void review_findings_sort(struct review_findings *f)
{
	struct review_finding *v = f->v;
	size_t n = f->n;
	for (size_t i = 1; i < n; i++) {   /* stable, and lists are short and mostly in order */
		struct review_finding t = v[i];
		size_t k = i;
		for (; k > 0 && v[k - 1].at > t.at; k--)
			v[k] = v[k - 1];
		v[k] = t;
	}
}

/* ---- what a check finds ---- */

/* The first paragraph given part, or the body's start. */
static size_t first_para_of(const struct report *r, const struct classify_paras *paras, int part)
{
	for (size_t i = 0; paras && i < paras->n && i < r->npara; i++)
		if (paras->part[i] == part)
			return r->paras[i].start;
	return r->body_start;
}

static void check_parts(const struct report *r, const struct classify_paras *paras, struct review_findings *out)
{
	unsigned headed, unheaded;
	classify_parts_covered(r, paras, &headed, &unheaded);
	for (int part = 0; part < CLASSIFY_NPARTS; part++) {
		if (!(REVIEW_REQUIRED_PARTS & 1u << part) || headed & 1u << part)
			continue;
		if (unheaded & 1u << part)
			add(out, REVIEW_MISSING_PART, REVIEW_WARNING, first_para_of(r, paras, part),
			    "%s (%s) has no heading: only paragraphs of other chapters state it",
			    classify_part_label(part), classify_part_name(part));
		else
			add(out, REVIEW_MISSING_PART, REVIEW_ERROR, r->body_start, "no part on %s (%s)",
			    classify_part_label(part), classify_part_name(part));
	}
}

/* Bytes of s[0..n) to quote in a message: at most max, cut at a character boundary. */
static int quote_len(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return (int)n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return (int)max;
}

/* A heading's ordinal and title as one short run of text from head_start, for messages. */
static int head_len(const struct report *r, const struct section *s)
{
	size_t n = s->title_end > s->head_start ? s->title_end - s->head_start : 0;
	return quote_len(r->text + s->head_start, n, 90);
}

/* The value of an ordinal of level 1 (四、) or 2 (（四）) in Chinese numerals opening s[i..end),
 * its level in *level and where its title begins in *title; 0 when there is none, or when a
 * numeral follows (二、三产业: a count, not a heading). */
static int ordinal_at(const char *s, size_t i, size_t end, int *level, size_t *title)
{
	static const char *const open[] = { "（", "(" }, *const close[] = { "）", ")" };
	double v, next;
	*level = 1;
	for (size_t k = 0; k < 2; k++)
		if (parse_starts(s, i, end, open[k]))
			*level = 2, i += strlen(open[k]);
	size_t n = i < end && !(s[i] >= '0' && s[i] <= '9') ? facts_parse_number(s + i, end - i, &v) : 0;
	if (!n || v < 1 || v > 99)
		return 0;
	i += n;
	if (*level == 1 && parse_starts(s, i, end, "、"))
		*title = i + strlen("、");
	else if (*level == 2 && (parse_starts(s, i, end, close[0]) || parse_starts(s, i, end, close[1])))
		*title = i + strlen(parse_starts(s, i, end, close[0]) ? close[0] : close[1]);
	else
		return 0;
	return facts_parse_number(s + *title, end - *title, &next) ? 0 : (int)v;
}

/* The ordinals last met at levels 1 and 2, taken by the chapter tree or not. */
struct ordinals {
	int last[3];
	size_t at[3], len[3];   /* the last ordinal as written */
};

static void ordinal_met(struct ordinals *o, int level, int v, size_t at, size_t len)
{
	o->last[level] = v, o->at[level] = at, o->len[level] = len;
	if (level == 1)
		o->last[2] = 0, o->len[2] = 0;   /* （一） starts again under each chapter */
}

/* Lines that open with an ordinal out of sequence (一、二、四、; （一）（三）) that the chapter tree
 * does not take, as it only takes the next numeral: they stand in the text of the heading before.
 * A heading's title is short: a longer first sentence is running text opening with a numeral. */
static void check_unread_headings(const struct report *r, struct review_findings *out)
{
	struct ordinals o = { 0 };
	size_t sec = 0, title;
	int level;
	double v;
	for (size_t i = 0; i < r->npara; i++) {
		const struct para *p = &r->paras[i];
		for (; sec < r->nsections && r->sections[sec].head_start <= p->start; sec++) {
			const struct section *s = &r->sections[sec];
			size_t n = s->number_end - s->number_start;
			if (s->level <= 2 && facts_parse_number(r->text + s->number_start, n, &v))
				ordinal_met(&o, s->level, (int)v, s->head_start, s->title_start - s->head_start);
		}
		size_t a = parse_skip_blanks(r->text, p->start, p->end);
		int n = p->kind == PARA_HEADING ? 0 : ordinal_at(r->text, a, p->end, &level, &title);
		if (!n || !o.last[1] || n == o.last[level] + 1)
			continue;
		size_t stop = title;
		while (stop < p->end && !parse_starts(r->text, stop, p->end, "。"))
			encoding_next(r->text, p->end, &stop);
		if (stop - title > 120)   /* some 40 characters */
			continue;
		if (o.len[level])
			add(out, REVIEW_NUMBERING, REVIEW_ERROR, a, "%.*s follows %.*s: %s; the line is not read as a heading",
			    quote_len(r->text + a, stop - a, 90), r->text + a, (int)o.len[level], r->text + o.at[level],
			    n > o.last[level] ? "a numeral is missing between them" : "the numeral repeats");
		else
			add(out, REVIEW_NUMBERING, REVIEW_ERROR, a, "%.*s is the first of its level: the numbering starts at %d; "
			    "the line is not read as a heading", quote_len(r->text + a, stop - a, 90), r->text + a, n);
		ordinal_met(&o, level, n, a, title - a);
	}
}

/* Whether section i is the first of its parent's children at its level (pre-order: an earlier
 * sibling comes before it, after the parent). */
static int first_at_level(const struct report *r, size_t i)
{
	const struct section *s = &r->sections[i];
	for (size_t j = i; j-- > (size_t)(s->parent + 1);)
		if (r->sections[j].parent == s->parent && r->sections[j].level == s->level)
			return 0;
	return 1;
}

static void check_numbering(const struct report *r, struct review_findings *out)
{
	static const char *const forms[] = { "", "一、", "（一）" };
	int has_top = 0;
	for (size_t i = 0; i < r->nwarnings; i++)
		if (r->warnings[i].kind == REPORT_WARN_NUMBERING)
			add(out, REVIEW_NUMBERING, REVIEW_ERROR, r->warnings[i].at, "%s", r->warnings[i].message);
	for (size_t i = 0; i < r->nsections; i++)
		has_top |= r->sections[i].level == 1;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		int above = s->parent >= 0 ? r->sections[s->parent].level : has_top ? 0 : s->level - 1;
		/* ① and (1) enumerate at any depth; only 一、（一）1. are levels of a document's outline */
		if (s->level <= above + 1 || s->level > 3 || above + 1 < 1 || !first_at_level(r, i))
			continue;   /* the first heading of a skipped level stands for its siblings */
		add(out, REVIEW_NUMBERING, REVIEW_ERROR, s->head_start, "heading %.*s skips a level: %s %s",
		    head_len(r, s), r->text + s->head_start, forms[above + 1],
		    s->parent >= 0 ? "is missing above it" : "headings are missing above it");
	}
	check_unread_headings(r, out);
}

/* The year written at s[i] as 2021年 or 二〇二一年 (not inside a longer number), with *next after
 * 年; 0 when there is none. */
static int year_at(const char *s, size_t i, size_t end, size_t *next)
{
	static const char *const cn[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	int y = 0, digits = 0;
	if (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9')
		return 0;
	for (; digits < 4 && i < end; digits++) {
		if (s[i] >= '0' && s[i] <= '9') {
			y = y * 10 + s[i++] - '0';
			continue;
		}
		int d = -1;
		for (int k = 0; k < 10 && d < 0; k++)
			if (parse_starts(s, i, end, cn[k]))
				d = k;
		if (d < 0 && (parse_starts(s, i, end, "○") || parse_starts(s, i, end, "零")))
			d = 0;
		if (d < 0)
			return 0;
		y = y * 10 + d;
		encoding_next(s, end, &i);
	}
	if (digits < 4 || y < 1900 || y > 2199 || !parse_starts(s, i, end, "年"))
		return 0;
	*next = i + strlen("年");
	return y;
}

/* The years written in s[a..b): the first in *first (0 none); returns how many. */
static int years_in(const char *s, size_t a, size_t b, int *first)
{
	int n = 0;
	*first = 0;
	for (size_t i = a, next; i < b;) {
		int y = year_at(s, i, b, &next);
		if (y) {
			if (n++ == 0)
				*first = y;
			i = next;
		} else {
			encoding_next(s, b, &i);
		}
	}
	return n;
}

static int contains(const char *hay, size_t hn, const char *needle, size_t nn)
{
	for (size_t i = 0; i + nn <= hn; i++)
		if (memcmp(hay + i, needle, nn) == 0)
			return 1;
	return 0;
}

/* The first paragraph of prose before the chapters: not a line of the title, an addressee or a
 * document number (short lines), or -1. */
static long opening_para(const struct report *r)
{
	for (size_t i = 0; i < r->npara && r->paras[i].section < 0; i++) {
		const struct para *p = &r->paras[i];
		size_t n = p->end - p->start;
		if (n < 60)
			continue;
		if (r->meta.title && contains(r->meta.title, strlen(r->meta.title), r->text + p->start, n))
			continue;
		return (long)i;
	}
	return -1;
}

/* Whether s[0..n) ends with tail[0..tn). */
static int ends_with_n(const char *s, size_t n, const char *tail, size_t tn)
{
	return tn <= n && memcmp(s + n - tn, tail, tn) == 0;
}

/* Bytes of the name heading a title: up to 关于, its year or 法治 (常州市武进区人民政府2020年…). */
static size_t title_head(const char *t)
{
	static const char *const stops[] = { "关于", "法治", "依法行政", "二〇", "二○" };
	size_t n = strlen(t);
	for (size_t i = 0; i < n; i++)
		if (t[i] >= '0' && t[i] <= '9')
			n = i;
	for (size_t k = 0; k < COUNT(stops); k++) {
		const char *at = strstr(t, stops[k]);
		if (at && (size_t)(at - t) < n)
			n = (size_t)(at - t);
	}
	return n;
}

static void check_title(const struct report *r, struct review_findings *out)
{
	const char *t = r->meta.title;
	if (!t) {
		add(out, REVIEW_TITLE, REVIEW_ERROR, r->body_start, "no title line (…法治政府建设情况的报告)");
		return;
	}
	if (!strstr(t, "法治") && !strstr(t, "依法行政"))
		add(out, REVIEW_TITLE, REVIEW_WARNING, r->body_start, "the title names no 法治政府建设: %.*s",
		    quote_len(t, strlen(t), 150), t);
	/* the body the title names and the one that signs: 某某县 and 某某区 contradict; 乌镇镇 and
	 * 桐乡市乌镇镇 name one body, more or less fully */
	struct parse_region a, b;
	const char *is = r->meta.issuer;
	if (!is || !parse_region_split(t, 0, title_head(t), &a) || !parse_region_split(is, 0, strlen(is), &b))
		return;
	size_t an = a.end - a.start, bn = b.end - b.start;
	if (!ends_with_n(t + a.start, an, is + b.start, bn) && !ends_with_n(is + b.start, bn, t + a.start, an))
		add(out, REVIEW_TITLE, REVIEW_ERROR, r->body_start, "the title names %.*s, the signature %.*s",
		    quote_len(t + a.start, an, 60), t + a.start, quote_len(is + b.start, bn, 60), is + b.start);
}

/* The top-level headings of measures and plans that name another year than theirs (2020年工作情况
 * in a report on 2021; plans for the year reported on). A heading naming a span of years is a
 * long-term plan, left alone. */
static void check_heading_years(const struct report *r, struct review_findings *out)
{
	const struct classify_model *cm = classify_default(NULL);
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		/* the part its words name: the classifier gives a heading naming the reported year to
		 * measures whatever its words, which is the contradiction looked for */
		int part = cm ? classify_heading_part(cm, r->text + s->title_start, s->title_end - s->title_start, 0) : -1;
		part = part >= 0 ? part : s->part;
		int y, want = part == CLASSIFY_MEASURES ? r->meta.year : part == CLASSIFY_PLANS ? r->meta.year + 1 : 0;
		if (s->parent >= 0 || !r->meta.year || !want || years_in(r->text, s->title_start, s->title_end, &y) != 1 ||
		    y == want)
			continue;
		add(out, REVIEW_YEAR, REVIEW_WARNING, s->head_start, "heading %.*s names %d in a report on %d",
		    head_len(r, s), r->text + s->head_start, y, r->meta.year);
	}
}

static void check_year(const struct report *r, struct review_findings *out)
{
	int title_year = 0, year = r->meta.year;
	if (r->meta.title)
		years_in(r->meta.title, 0, strlen(r->meta.title), &title_year);
	if (!year) {
		add(out, REVIEW_YEAR, REVIEW_ERROR, r->body_start, "no year: neither the title nor the text states the year reported on");
		return;
	}
	if (r->meta.title && !title_year)
		add(out, REVIEW_YEAR, REVIEW_WARNING, r->body_start, "the title names no year (the text reports on %d)", year);
	long op = opening_para(r);
	size_t next;
	int opens = op >= 0 ? year_at(r->text, r->paras[op].start, r->paras[op].end, &next) : 0;
	if (title_year && opens && opens != title_year)
		add(out, REVIEW_YEAR, REVIEW_ERROR, r->paras[op].start, "the title names %d, the text opens on %d",
		    title_year, opens);
	int published = r->meta.published[0] ? atoi(r->meta.published) : 0;
	if (published && published < year)
		add(out, REVIEW_YEAR, REVIEW_ERROR, r->body_start, "published %s, before %d, the year it reports on",
		    r->meta.published, year);
	check_heading_years(r, out);
}

static void check_late(const struct report *r, struct review_deadline d, struct review_findings *out)
{
	if (review_timeliness(r->meta.year, r->meta.published, d) == REVIEW_TIME_LATE)
		add(out, REVIEW_LATE, REVIEW_ERROR, r->body_start, "published %s, after the deadline %04d-%02d-%02d",
		    r->meta.published, r->meta.year + 1, d.month, d.day);
}

/* Counts within their whole: a figure of the first metric above the figure of the second stated
 * in the same paragraph contradicts it. */
static const struct bound {
	const char *part, *whole;
} bounds[] = {
	{ "rev_accepted", "rev_received" },  { "rev_not_accepted", "rev_received" },
	{ "rev_corrected", "rev_concluded" }, { "rev_upheld", "rev_concluded" },
	{ "rev_dismissed", "rev_concluded" }, { "lit_won", "lit_concluded" },
	{ "lit_withdrawn", "lit_concluded" }, { "lit_after_review", "lit_cases" },
};

static int figured(const struct facts_fact *f)
{
	return !f->computed && f->num_end > f->num_start;
}

static int same_line(const struct report *r, size_t a, size_t b)
{
	if (a > b) {
		size_t t = a;
		a = b, b = t;
	}
	return !memchr(r->text + a, '\n', b - a);
}

static void check_bounds(const struct report *r, const struct facts_model *m, const struct facts *facts,
			 struct review_findings *out)
{
	for (size_t k = 0; k < COUNT(bounds); k++) {
		int part = facts_metric_id(m, bounds[k].part), whole = facts_metric_id(m, bounds[k].whole);
		for (size_t i = 0; part >= 0 && whole >= 0 && i < facts->n; i++) {
			const struct facts_fact *p = &facts->v[i];
			for (size_t j = 0; p->metric == part && figured(p) && j < facts->n; j++) {
				const struct facts_fact *w = &facts->v[j];
				if (w->metric != whole || !figured(w) || p->value <= w->value ||
				    strcmp(p->unit_norm, w->unit_norm) != 0 || !same_line(r, p->num_start, w->num_start))
					continue;
				add(out, REVIEW_FIGURES, REVIEW_ERROR, p->num_start, "%s %.*s is more than %s %.*s",
				    facts_metric_label(m, part), quote_len(r->text + p->num_start, p->num_end - p->num_start, 40),
				    r->text + p->num_start, facts_metric_label(m, whole),
				    quote_len(r->text + w->num_start, w->num_end - w->num_start, 40), r->text + w->num_start);
				break;
			}
		}
	}
}

/* A proportion (a rate, coverage or share in %) stated above 100 %. Changes (同比…) may be larger. */
static void check_rates(const struct report *r, const struct facts_model *m, const struct facts *facts,
			struct review_findings *out)
{
	for (size_t i = 0; i < facts->n; i++) {
		const struct facts_fact *f = &facts->v[i];
		const char *name = facts_metric_name(m, f->metric);
		if (!figured(f) || f->unit[0] != '%' || f->value <= 100 ||
		    !(parse_ends(name, 0, strlen(name), "_rate") || parse_ends(name, 0, strlen(name), "_coverage") ||
		      parse_ends(name, 0, strlen(name), "_share")))
			continue;
		add(out, REVIEW_FIGURES, REVIEW_ERROR, f->num_start, "%s %.*s is over 100 %%", facts_metric_label(m, f->metric),
		    quote_len(r->text + f->num_start, f->num_end - f->num_start, 40), r->text + f->num_start);
	}
}

/* Where the sub-items of a figure ending at i begin: after （其中, or after ，其中 (an aside （含…）
 * may come first). *bracket is set when they end at the closing bracket, not at the clause's end.
 * Returns 0 when no sub-items follow. */
static size_t items_start(const char *s, size_t i, size_t end, int *bracket)
{
	static const char *const open[] = { "（其中", "(其中" };
	for (size_t k = 0; k < COUNT(open); k++)
		if (parse_starts(s, i, end, open[k])) {
			*bracket = 1;
			return i + strlen(open[k]);
		}
	if (parse_starts(s, i, end, "（") || parse_starts(s, i, end, "(")) {   /* an aside: （含结转21件） */
		while (i < end && !parse_starts(s, i, end, "）") && s[i] != ')' && s[i] != '\n')
			encoding_next(s, end, &i);
		if (i < end && s[i] != '\n')
			encoding_next(s, end, &i);
	}
	static const char *const after[] = { "，其中", ",其中" };
	for (size_t k = 0; k < COUNT(after); k++)
		if (parse_starts(s, i, end, after[k])) {
			*bracket = 0;
			return i + strlen(after[k]);
		}
	return 0;
}

static int items_end(const char *s, size_t i, size_t end, int bracket)
{
	if (bracket)
		return parse_starts(s, i, end, "）") || s[i] == ')' || s[i] == '\n';
	return parse_starts(s, i, end, "。") || parse_starts(s, i, end, "；") || s[i] == ';' || s[i] == '\n';
}

/* Whether s[i..end) opens with a counter of the compared unit `norm` (one or two characters). */
static int counter_is(const char *s, size_t i, size_t end, const char *norm)
{
	size_t j = i;
	for (int chars = 1; chars <= 2 && j < end; chars++) {
		encoding_next(s, end, &j);
		char written[16], compared[16];
		if (j - i >= sizeof written)
			return 0;
		memcpy(written, s + i, j - i);
		written[j - i] = '\0';
		facts_unit_norm(written, compared, sizeof compared);
		if (strcmp(compared, norm) == 0)
			return 1;
	}
	return 0;
}

/* Whether the figure at byte i states another metric than f's (审结43件 under 案件57件，其中…):
 * an attribute of the total, not a share of it. */
static int other_metric_at(const struct facts *facts, const struct facts_fact *f, size_t i)
{
	for (size_t k = 0; k < facts->n; k++)
		if (facts->v[k].num_start <= i && i < facts->v[k].num_end && facts->v[k].metric != f->metric)
			return 1;
	return 0;
}

/* The sum of the sub-items of f counted in its unit, and how many there are in *n. The items end
 * where they make up the total (…30件，其中A12件，B18件，宣布废止4件: 废止 is no item); figures
 * the facts read as another metric are no items. */
static double items_sum(const struct report *r, const struct facts *facts, const struct facts_fact *f, size_t *n)
{
	const char *s = r->text;
	size_t end = r->body_end, i;
	int bracket;
	double sum = 0;
	*n = 0;
	if (!(i = items_start(s, f->num_end, end, &bracket)))
		return 0;
	while (i < end && !items_end(s, i, end, bracket)) {
		double v;
		size_t k = (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') ? 0 : facts_parse_number(s + i, end - i, &v);
		if (!k) {
			encoding_next(s, end, &i);
			continue;
		}
		int attribute = other_metric_at(facts, f, i);
		i += k;
		if (parse_starts(s, i, end, "余") || parse_starts(s, i, end, "多"))
			encoding_next(s, end, &i);
		if (!attribute && counter_is(s, i, end, f->unit_norm))
			sum += v, (*n)++;
		if (sum == f->value)
			break;   /* the items made up their total: what follows is another statement */
	}
	return sum;
}

static void check_items(const struct report *r, const struct facts *facts, struct review_findings *out)
{
	for (size_t i = 0; i < facts->n; i++) {
		const struct facts_fact *f = &facts->v[i];
		size_t n;
		if (!figured(f) || f->unit[0] == '%' || (i > 0 && facts->v[i - 1].num_start == f->num_start))
			continue;
		double sum = items_sum(r, facts, f, &n);
		if (n && sum > f->value)
			add(out, REVIEW_FIGURES, REVIEW_ERROR, f->num_start, "the %zu items under %.*s (其中…) sum to %g, more than it",
			    n, quote_len(r->text + f->num_start, f->num_end - f->num_start, 40), r->text + f->num_start, sum);
	}
}

size_t review_check(const struct report *r, const struct classify_paras *paras, const struct facts_model *m,
		    const struct facts *facts, struct review_deadline d, struct review_findings *out)
{
	size_t before = out->n;
	check_title(r, out);
	check_year(r, out);
	check_late(r, d, out);
	check_parts(r, paras, out);
	check_numbering(r, out);
	if (m && facts) {
		check_bounds(r, m, facts, out);
		check_rates(r, m, facts, out);
		check_items(r, facts, out);
	}
	return out->n - before;
}

/* ---- sections repeated from another report ---- */

/* Sentences shorter than this (in bytes, blanks left out) are formulas any report may share
 * (全面贯彻落实…精神), not text taken from another. */
#define REPEAT_MIN_SENTENCE 45
/* A section is repeated when this share (in %) of its sentences' bytes stand in the other report. */
#define REPEAT_SHARE 60

static int sentence_end(uint32_t c)
{
	return c == 0x3002 || c == 0xff1b || c == ';' || c == 0xff01 || c == 0xff1f || c == '\n';   /* 。；;！？ */
}

/* Reads the sentence at *i (up to its end mark or `end`): its hash, blanks left out, and its length
 * in the bytes hashed. */
static uint64_t next_sentence(const char *s, size_t *i, size_t end, size_t *len)
{
	uint64_t h = CHECKSUM_FNV_OFFSET;
	*len = 0;
	while (*i < end) {
		size_t at = *i;
		uint32_t c = encoding_next(s, end, i);
		if (sentence_end(c))
			break;
		if (parse_is_blank(c) || c == '\r' || c == '\t')
			continue;
		h = checksum_fnv(h, s + at, *i - at);
		*len += *i - at;
	}
	return h;
}

/* The long sentences of the reports added, by hash (open addressing; hash 0 marks a free slot):
 * each with the first two reports that hold it, so that a report finds it in another. */
struct review_sentences {
	struct sentence_slot {
		uint64_t hash;
		int owner[2];          /* report ids; owner[1] -1 while one report holds it */
	} *v;
	size_t mask, n;
	const struct report **reports;   /* by id, borrowed */
	size_t nreports, rcap;
};

struct review_sentences *review_sentences_new(void)
{
	struct review_sentences *s = xcalloc(1, sizeof *s);
	s->mask = 63;
	s->v = xcalloc(s->mask + 1, sizeof *s->v);
	return s;
}

void review_sentences_free(struct review_sentences *s)
{
	if (!s)
		return;
	free(s->v);
	free(s->reports);
	free(s);
}

static struct sentence_slot *slot_of(const struct review_sentences *s, uint64_t h)
{
	size_t k = h & s->mask;
	while (s->v[k].hash && s->v[k].hash != h)
		k = (k + 1) & s->mask;
	return &s->v[k];
}

static void grow(struct review_sentences *s)
{
	struct sentence_slot *old = s->v;
	size_t n = s->mask + 1;
	s->mask = n * 2 - 1;
	s->v = xcalloc(n * 2, sizeof *s->v);
	for (size_t i = 0; i < n; i++)
		if (old[i].hash)
			*slot_of(s, old[i].hash) = old[i];
	free(old);
}

static void sentence_add(struct review_sentences *s, uint64_t h, int id)
{
	if ((s->n + 1) * 2 > s->mask + 1)   /* at most half full */
		grow(s);
	struct sentence_slot *sl = slot_of(s, h ? h : 1);
	if (!sl->hash) {
		*sl = (struct sentence_slot){ h ? h : 1, { id, -1 } };
		s->n++;
	} else if (sl->owner[0] != id && sl->owner[1] < 0) {
		sl->owner[1] = id;
	}
}

int review_sentences_add(struct review_sentences *s, const struct report *r)
{
	int id = (int)s->nreports;
	s->reports = xgrow(s->reports, &s->rcap, s->nreports + 1, sizeof *s->reports);
	s->reports[s->nreports++] = r;
	size_t len;
	for (size_t i = r->body_start; i < r->body_end;) {
		uint64_t h = next_sentence(r->text, &i, r->body_end, &len);
		if (len >= REPEAT_MIN_SENTENCE)
			sentence_add(s, h, id);
	}
	return id;
}

/* Another report than id holding the sentence of hash h, or -1. */
static int other_owner(const struct review_sentences *s, uint64_t h, int id)
{
	const struct sentence_slot *sl = slot_of(s, h ? h : 1);
	if (!sl->hash)
		return -1;
	return sl->owner[0] != id ? sl->owner[0] : sl->owner[1];
}

/* Of the long sentences of section sec: their bytes in *total, and the report other than id
 * holding most of them, with those bytes in *found (-1 and 0 when none). */
static int section_source(const struct report *r, const struct section *sec, const struct review_sentences *s,
			  int id, size_t *total, size_t *found)
{
	enum { TALLY = 8 };
	int who[TALLY];
	size_t bytes[TALLY], nt = 0, len;
	*total = 0;
	for (size_t i = sec->head_end; i < sec->end;) {   /* a heading alone (二、存在的不足) is no copied text */
		uint64_t h = next_sentence(r->text, &i, sec->end, &len);
		if (len < REPEAT_MIN_SENTENCE)
			continue;
		*total += len;
		int o = other_owner(s, h, id);
		size_t k = 0;
		while (k < nt && who[k] != o)
			k++;
		if (o < 0 || (k == nt && nt == TALLY))
			continue;
		if (k == nt)
			who[nt] = o, bytes[nt++] = 0;
		bytes[k] += len;
	}
	int best = -1;
	*found = 0;
	for (size_t k = 0; k < nt; k++)
		if (bytes[k] > *found)
			best = who[k], *found = bytes[k];
	return best;
}

size_t review_check_repeated(const struct review_sentences *s, int id, struct review_findings *out)
{
	const struct report *r = s->reports[id];
	size_t before = out->n, skip_to = 0;
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *sec = &r->sections[i];
		size_t total, found;
		if (sec->start < skip_to)
			continue;   /* inside a section named already */
		int o = section_source(r, sec, s, id, &total, &found);
		if (o < 0 || found * 100 < total * REPEAT_SHARE || found < 2 * REPEAT_MIN_SENTENCE)
			continue;
		add(out, REVIEW_REPEATED, REVIEW_WARNING, sec->head_start, "section %.*s: %zu%% of its text stands in %s",
		    head_len(r, sec), r->text + sec->head_start, found * 100 / total, s->reports[o]->path);
		skip_to = sec->end;
	}
	return out->n - before;
}
