/* review.c — the evaluation of one report: its overview row and what a check against the rule on these reports finds. */
#include "review.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "buf.h"
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
	row->facts = dg->nfacts_stated;   /* the row counts figures stated */
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
		buf_add_int(b, column_number(row, col));
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

/* The first paragraph given part (or stating the leader's duty, for that part), or the body's start. */
static size_t first_para_of(const struct report *r, const struct classify_paras *paras, int part)
{
	for (size_t i = 0; paras && i < paras->n && i < r->npara; i++)
		if (paras->part[i] == part ||
		    (part == CLASSIFY_LEADER_DUTY && classify_para_states_leader_duty(r, paras, i)))
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
	for (int k = level + 1; k < 3; k++)
		o->last[k] = 0, o->len[k] = 0;   /* （一） starts again under each chapter, 一、 in each part */
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
			if (s->level == 0)   /* a part (第二部分, 【…】): its lists start again */
				ordinal_met(&o, 0, 0, s->head_start, 0);
			else if (s->level <= 2 && facts_parse_number(r->text + s->number_start, n, &v))
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

static int figured(const struct facts_fact *f)
{
	return !f->computed && f->num_end > f->num_start;
}

/* The paragraph holding byte at, or -1 (paragraphs are in text order). */
static long para_at(const struct report *r, size_t at)
{
	size_t lo = 0, hi = r->npara;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->paras[mid].end <= at)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->npara && r->paras[lo].start <= at ? (long)lo : -1;
}

static int same_para(const struct report *r, const struct facts_fact *a, const struct facts_fact *b)
{
	long p = para_at(r, a->num_start);
	return p >= 0 && p == para_at(r, b->num_start);
}

/* A figure as written, for messages: its length, cut to some 13 characters. */
static int figure_len(const struct report *r, const struct facts_fact *f)
{
	return quote_len(r->text + f->num_start, f->num_end - f->num_start, 40);
}

/* A within line: a figure of the part above a figure of its whole in the same paragraph and unit. */
static void check_within(const struct report *r, const struct facts_model *m, const struct facts *facts,
			 const struct facts_bound *b, struct review_findings *out)
{
	int part = b->parts[0], whole = b->whole;
	for (size_t i = 0; i < facts->n; i++) {
		const struct facts_fact *p = &facts->v[i];
		for (size_t j = 0; p->metric == part && figured(p) && j < facts->n; j++) {
			const struct facts_fact *w = &facts->v[j];
			if (w->metric != whole || !figured(w) || p->value <= w->value ||
			    strcmp(p->unit_norm, w->unit_norm) != 0 || !same_para(r, p, w))
				continue;
			add(out, REVIEW_FIGURES, REVIEW_ERROR, p->num_start, "%s %.*s is more than %s %.*s",
			    facts_metric_label(m, part), figure_len(r, p), r->text + p->num_start,
			    facts_metric_label(m, whole), figure_len(r, w), r->text + w->num_start);
			break;
		}
	}
}

/* The one figure of metric stated in paragraph para, in *at; 0 when none, -1 when several (which
 * one goes with the whole is then unknown). Figures shared by two metrics (维持和驳回…) count
 * for the first. */
static int stated_once(const struct report *r, const struct facts *facts, int metric, long para,
		       const struct facts_fact **at)
{
	int n = 0;
	for (size_t i = 0; i < facts->n; i++) {
		const struct facts_fact *f = &facts->v[i];
		if (f->metric != metric || !figured(f) || para_at(r, f->num_start) != para)
			continue;
		if (i > 0 && facts->v[i - 1].num_start == f->num_start && facts->v[i - 1].metric != metric)
			continue;
		*at = f, n++;
	}
	return n > 1 ? -1 : n;
}

/* A sum line: the parts stated with their whole, each once in its paragraph and in its unit,
 * summing past it. A part alone above the whole is a within line's finding, not this one's. */
static void check_sum(const struct report *r, const struct facts_model *m, const struct facts *facts,
		      const struct facts_bound *b, struct review_findings *out)
{
	for (size_t i = 0; i < facts->n; i++) {
		const struct facts_fact *w = &facts->v[i], *whole = NULL, *p = NULL;
		long para = figured(w) && w->metric == b->whole ? para_at(r, w->num_start) : -1;
		if (para < 0 || stated_once(r, facts, b->whole, para, &whole) != 1 || whole != w)
			continue;
		char items[200] = "";
		size_t len = 0, n = 0;
		double sum = 0;
		int usable = 1;
		for (size_t k = 0; usable && k < b->nparts; k++) {
			int once = stated_once(r, facts, b->parts[k], para, &p);
			if (once == 0)
				continue;
			usable = once == 1 && p->value <= w->value && strcmp(p->unit_norm, w->unit_norm) == 0;
			sum += p->value, n++;
			int wrote = snprintf(items + len, sizeof items - len, "%s%s %.*s", n > 1 ? " + " : "",
					     facts_metric_name(m, p->metric), figure_len(r, p), r->text + p->num_start);
			len = wrote > 0 && (size_t)wrote < sizeof items - len ? len + (size_t)wrote : len;
		}
		if (usable && n >= 2 && sum > w->value)
			add(out, REVIEW_FIGURES, REVIEW_ERROR, w->num_start, "%s %.*s is less than the sum of its parts "
			    "stated with it: %s = %g", facts_metric_label(m, b->whole), figure_len(r, w), r->text + w->num_start,
			    items, sum);
	}
}

/* The catalogue's bounds (within and sum lines) on the figures of one report. */
static void check_bounds(const struct report *r, const struct facts_model *m, const struct facts *facts,
			 struct review_findings *out)
{
	const struct facts_bound *v;
	size_t n = facts_bounds(m, &v);
	for (size_t k = 0; k < n; k++)
		if (v[k].summed)
			check_sum(r, m, facts, &v[k], out);
		else
			check_within(r, m, facts, &v[k], out);
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

/* Sentences shorter than this (characters of align.h's normal form: letters and digits) are
 * formulas any report may share (全面贯彻落实…精神), not text taken from another. */
#define REPEAT_MIN_CHARS 15
/* A section is repeated when this share (in %) of its long sentences' characters stand in the
 * other report: word for word, with other figures, or reworded a little (align.h). */
#define REPEAT_SHARE 60
/* ... and at least this many of them, or one long sentence the same, figures and all: one
 * sentence of figures in the words every report uses (评查案卷150卷，合格率97.3%) with other
 * figures, or reworded, is an update, not a copied section. */
#define REPEAT_SENTENCES 2
/* Near matches (align.h) are looked for in this many other reports, those sharing most. */
#define REPEAT_NEAR_OTHERS 3

/* The sentences of the reports added, cut and fingerprinted by align.h. */
struct review_sentences {
	const struct report **reports;   /* by id, borrowed */
	struct align_text *texts;        /* by id: the sentences of the report's body */
	size_t n, cap, tcap;
};

struct review_sentences *review_sentences_new(void)
{
	return xcalloc(1, sizeof(struct review_sentences));
}

void review_sentences_free(struct review_sentences *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		align_text_fini(&s->texts[i]);
	free(s->texts);
	free(s->reports);
	free(s);
}

int review_sentences_add(struct review_sentences *s, const struct report *r)
{
	s->reports = xgrow(s->reports, &s->cap, s->n + 1, sizeof *s->reports);
	s->texts = xgrow(s->texts, &s->tcap, s->n + 1, sizeof *s->texts);
	s->reports[s->n] = r;
	memset(&s->texts[s->n], 0, sizeof *s->texts);
	align_text_add(&s->texts[s->n], r->text + r->body_start, r->body_end - r->body_start, r->body_start);
	return (int)s->n++;
}

/* The sentences of t in sec's text below its heading (a heading alone, 二、存在的不足, is no copied
 * text): [*from, return). Sentences are in text order. */
static size_t section_sentences(const struct align_text *t, const struct section *sec, size_t *from)
{
	size_t i = 0, hi = t->n;
	while (i < hi) {   /* the first sentence starting at or after the heading's end */
		size_t mid = i + (hi - i) / 2;
		if (t->v[mid].start < sec->head_end)
			i = mid + 1;
		else
			hi = mid;
	}
	*from = i;
	while (i < t->n && t->v[i].end <= sec->end)
		i++;
	return i;
}

/* Per section of report id: the characters of its long sentences, and the other report holding
 * most of them (best, -1 when none) with those characters (found) and how many (sentences). */
struct section_tally {
	size_t total, found, sentences;
	size_t same;             /* of found: the characters of sentences the same, figures and all */
	int best;
};

/* The characters of t's long sentences among the matches of res. */
static size_t long_matched(const struct align_text *t, const struct align_result *res)
{
	size_t n = 0;
	for (size_t k = 0; k < res->n; k++)
		n += t->v[res->v[k].sentence].len >= REPEAT_MIN_CHARS ? t->v[res->v[k].sentence].len : 0;
	return n;
}

/* Counts the sentences of res for each section of r, keeping the other report o in v where it
 * holds more of a section than the one kept. */
static void tally_result(const struct report *r, const struct align_text *t, const struct align_result *res,
			 int o, unsigned char *hit, struct section_tally *v)
{
	memset(hit, 0, t->n);
	for (size_t k = 0; k < res->n; k++)
		hit[res->v[k].sentence] = res->v[k].kind == ALIGN_SAME ? 2 : 1;
	for (size_t i = 0; i < r->nsections; i++) {
		size_t from, to = section_sentences(t, &r->sections[i], &from), found = 0, n = 0, same = 0;
		for (size_t k = from; k < to; k++)
			if (hit[k] && t->v[k].len >= REPEAT_MIN_CHARS)
				found += t->v[k].len, n++, same += hit[k] == 2 ? t->v[k].len : 0;
		if (found > v[i].found)
			v[i].found = found, v[i].sentences = n, v[i].same = same, v[i].best = o;
	}
}

/* Report id against every other of s: the exact pass (fingerprints) against all, the near pass
 * against the REPEAT_NEAR_OTHERS that share most long sentences exactly with it (a section
 * reworded from a report keeps some of its sentences; the near pass is the costly one). */
static void tally_sections(const struct review_sentences *s, int id, struct section_tally *v)
{
	const struct report *r = s->reports[id];
	const struct align_text *t = &s->texts[id];
	unsigned char *hit = xcalloc(t->n ? t->n : 1, 1);
	struct align_result res = { 0 };
	size_t near_score[REPEAT_NEAR_OTHERS] = { 0 };
	int near[REPEAT_NEAR_OTHERS];
	for (size_t i = 0; i < r->nsections; i++) {
		size_t from, to = section_sentences(t, &r->sections[i], &from);
		v[i] = (struct section_tally){ 0, 0, 0, 0, -1 };
		for (size_t k = from; k < to; k++)
			v[i].total += t->v[k].len >= REPEAT_MIN_CHARS ? t->v[k].len : 0;
	}
	for (size_t o = 0; o < s->n; o++) {
		if ((int)o == id)
			continue;
		align_fingerprints(t->v, t->n, s->texts[o].v, s->texts[o].n, &res);
		tally_result(r, t, &res, (int)o, hit, v);
		size_t score = long_matched(t, &res), k = REPEAT_NEAR_OTHERS;
		for (; k > 0 && score > near_score[k - 1]; k--)   /* kept in descending order */
			if (k < REPEAT_NEAR_OTHERS)
				near_score[k] = near_score[k - 1], near[k] = near[k - 1];
		if (k < REPEAT_NEAR_OTHERS)
			near_score[k] = score, near[k] = (int)o;
	}
	for (size_t k = 0; k < REPEAT_NEAR_OTHERS && near_score[k]; k++) {
		align_texts(t, &s->texts[near[k]], &res);
		tally_result(r, t, &res, near[k], hit, v);
	}
	align_result_fini(&res);
	free(hit);
}

size_t review_check_repeated(const struct review_sentences *s, int id, struct review_findings *out)
{
	const struct report *r = s->reports[id];
	size_t before = out->n, skip_to = 0;
	struct section_tally *v = xcalloc(r->nsections ? r->nsections : 1, sizeof *v);
	tally_sections(s, id, v);
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *sec = &r->sections[i];
		if (sec->start < skip_to)
			continue;   /* inside a section named already */
		if (v[i].best < 0 || v[i].found * 100 < v[i].total * REPEAT_SHARE ||
		    (v[i].sentences < REPEAT_SENTENCES && v[i].same < 2 * REPEAT_MIN_CHARS))
			continue;
		add(out, REVIEW_REPEATED, REVIEW_WARNING, sec->head_start, "section %.*s: %zu%% of its text stands in %s",
		    head_len(r, sec), r->text + sec->head_start, v[i].found * 100 / v[i].total, s->reports[v[i].best]->path);
		skip_to = sec->end;
	}
	free(v);
	return out->n - before;
}
