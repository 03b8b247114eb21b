/* test_17_robust.c — every sample and real report, transformed as crawlers and writers transform them, must parse as the original: the same chapter tree, region, year and figures. */
/*
 * One test per (transform, file), named "transform/file", so a failure names both; each prints
 * what differs. Files: the *.txt of assets/reports and of tests/real/reports, read from the
 * repository root. Transforms, all in memory and deterministic:
 *   flatten_space  every line trimmed of blanks (space, tab, U+3000, U+00A0), blank lines dropped,
 *                  the rest joined with one space (a crawler's header, up to its "…正文…" rule,
 *                  kept as it is);
 *   flatten_none   the same, joined with nothing;
 *   header         a crawler's header (标题: the original title, 发布时间: its date, 文号, 发布机构,
 *                  栏目, 原文链接, "==== 正文 ====") put before the text; skipped for a file that
 *                  has one already;
 *   chrome         the header (or the file's own), a breadcrumb line, a share bar and a font bar before the text, and
 *                  print/close, 主办单位, ICP备, 公安备案, 网站标识码 and 网站地图 lines after it;
 *   drop_title     every occurrence of the title removed (its line, a two-line title's two lines,
 *                  and the value in a header or breadcrumb); files with no title are skipped;
 *   counter_zong   件 after a number (Arabic or Chinese, with 余/多) becomes 宗, not before 次;
 *   gb18030_crlf   the text saved as GB18030 with CRLF line ends, as many government sites serve it;
 *   number_first   "verb + noun + N counter" becomes "verb + N counter + noun" (办理行政复议案件12件
 *                  → 办理12件行政复议案件), for a closed list of verbs and noun endings, a noun of
 *                  2–12 characters with no digit, punctuation or listed verb, and a figure ending
 *                  a clause.
 * What must hold, against the untransformed text:
 *   - the chapter tree: the same sections with the same levels, in order, and the same heading
 *     titles (blanks and line breaks ignored; for counter_zong and number_first the expected
 *     titles get the same rewrite; for flatten_none, where nothing shows where a heading ends,
 *     a title need only begin as the original's or be a head of it);
 *   - region and year equal; for drop_title the title must be NULL, and region and year may be
 *     lost but never changed (each equal to the original or absent): a title often is the
 *     only place that names them, and a reader of the rest may not be able to tell, but nothing
 *     in the rest supports a different answer;
 *   - the facts as a multiset of (metric, value).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <iconv.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"
#include "buf.h"
#include "encoding.h"
#include "facts.h"
#include "parse.h"
#include "report.h"
#include "read_fixture.h"

/* ---- text helpers ---- */

/* Length of the UTF-8 sequence starting at s (1 for a stray byte). */
static size_t u8len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	if (c < 0x80)
		return 1;
	if (c >= 0xf0)
		return 4;
	if (c >= 0xe0)
		return 3;
	if (c >= 0xc0)
		return 2;
	return 1;
}

static int is_blank_at(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t')) {
		*len = 1;
		return 1;
	}
	if (n >= 3 && memcmp(s, "\xe3\x80\x80", 3) == 0) { /* U+3000 */
		*len = 3;
		return 1;
	}
	if (n >= 2 && memcmp(s, "\xc2\xa0", 2) == 0) { /* U+00A0 */
		*len = 2;
		return 1;
	}
	return 0;
}

/* Copy of s[0..n) without blanks and line breaks. Caller frees. */
static char *squeeze(const char *s, size_t n)
{
	char *out = xmalloc(n + 1);
	size_t k = 0, bl;
	for (size_t i = 0; i < n;) {
		if (s[i] == '\n' || s[i] == '\r') {
			i++;
			continue;
		}
		if (is_blank_at(s + i, n - i, &bl)) {
			i += bl;
			continue;
		}
		out[k++] = s[i++];
	}
	out[k] = 0;
	return out;
}

static int starts(const char *s, const char *end, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(end - s) >= n && memcmp(s, w, n) == 0;
}

static int starts_any(const char *s, const char *end, const char *const *list, size_t *len)
{
	for (size_t i = 0; list[i]; i++)
		if (starts(s, end, list[i])) {
			*len = strlen(list[i]);
			return 1;
		}
	return 0;
}

static const char *const cn_digits[] = { "零", "〇", "一", "二", "两", "三", "四", "五", "六",
                                         "七", "八", "九", "十", "百", "千", "万", NULL };

/* Bytes of a number at s: Arabic digits (with one decimal point) or Chinese numerals. */
static size_t number_at(const char *s, const char *end)
{
	const char *p = s;
	if (p < end && *p >= '0' && *p <= '9') {
		while (p < end && ((*p >= '0' && *p <= '9') || (*p == '.' && p + 1 < end && p[1] >= '0' && p[1] <= '9')))
			p++;
		return (size_t)(p - s);
	}
	size_t l;
	while (p < end && starts_any(p, end, cn_digits, &l))
		p += l;
	return (size_t)(p - s);
}

/* ---- transforms: each returns a fresh NUL-terminated string ---- */

static int contains(const char *s, size_t n, const char *w)
{
	size_t wl = strlen(w);
	for (size_t i = 0; i + wl <= n; i++)
		if (memcmp(s + i, w, wl) == 0)
			return 1;
	return 0;
}

/* The crawler header ends at a line holding "正文" between runs of '='; 0 when there is none. */
static size_t header_end(const char *t, size_t n)
{
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n;
		if (e - i >= 6 && t[i] == '=' && contains(t + i, e - i, "正文"))
			return nl ? e + 1 : e;
		i = e + 1;
		if (!nl)
			break;
	}
	return 0;
}

static char *flatten(const char *t, size_t n, const char *sep)
{
	struct buf b;
	buf_init(&b);
	size_t h = header_end(t, n);
	buf_add(&b, t, h);
	int first = 1;
	for (size_t i = h; i < n;) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n, bl;
		size_t s = i;
		while (s < e && is_blank_at(t + s, e - s, &bl))
			s += bl;
		size_t f = e;
		for (;;) { /* trailing blanks */
			if (f > s && (t[f - 1] == ' ' || t[f - 1] == '\t' || t[f - 1] == '\r'))
				f--;
			else if (f >= s + 3 && memcmp(t + f - 3, "\xe3\x80\x80", 3) == 0)
				f -= 3;
			else if (f >= s + 2 && memcmp(t + f - 2, "\xc2\xa0", 2) == 0)
				f -= 2;
			else
				break;
		}
		if (f > s) {
			if (!first)
				buf_adds(&b, sep);
			buf_add(&b, t + s, f - s);
			first = 0;
		}
		i = e + 1;
	}
	buf_addc(&b, '\n');
	return buf_take(&b);
}

static void add_header(struct buf *b, const struct report *r)
{
	buf_printf(b, "标题: %s\n", r->meta.title ? r->meta.title : "");
	buf_printf(b, "发布时间: %s%s\n", r->meta.published, r->meta.published[0] ? " 09:30" : "");
	buf_printf(b, "文号: %s\n", r->meta.doc_number ? r->meta.doc_number : "");
	buf_printf(b, "发布机构: %s\n", r->meta.issuer ? r->meta.issuer : "");
	buf_adds(b, "栏目: 法治政府建设\n");
	buf_adds(b, "原文链接: http://www.example.gov.cn/zwgk/fzzfjs/202301/t20230101_100001.html\n");
	buf_adds(b, "==================== 正文 ====================\n");
}

static char *with_header(const char *t, size_t n, const struct report *r)
{
	struct buf b;
	buf_init(&b);
	add_header(&b, r);
	buf_add(&b, t, n);
	return buf_take(&b);
}

static char *with_chrome(const char *t, size_t n, const struct report *r)
{
	struct buf b;
	buf_init(&b);
	size_t h = header_end(t, n);
	if (h)
		buf_add(&b, t, h);
	else
		add_header(&b, r);
	t += h, n -= h;
	buf_adds(&b, "当前位置：首页 > 政务公开 > 法定主动公开内容 > 法治政府建设\n");
	buf_adds(&b, "分享到：微信 微博 QQ空间\n");
	buf_adds(&b, "【字体：大 中 小】 【打印】\n");
	buf_add(&b, t, n);
	if (n && t[n - 1] != '\n')
		buf_addc(&b, '\n');
	buf_adds(&b, "【打印本页】 【关闭窗口】\n");
	buf_adds(&b, "主办单位：示例市人民政府办公室 承办单位：示例市大数据中心\n");
	buf_adds(&b, "京ICP备05012345号-1 京公网安备 11010502030123号\n");
	buf_adds(&b, "网站标识码：1101050001 网站地图 | 联系我们\n");
	return buf_take(&b);
}

/* Removes every occurrence of the title, a two-line title's lines, and lines left empty. */
static char *drop_title(const char *t, size_t n, const char *title)
{
	struct buf b;
	buf_init(&b);
	size_t tl = strlen(title);
	char *sq_title = squeeze(title, tl);
	size_t skip_next = 0;
	for (size_t i = 0; i < n;) {
		const char *nl = memchr(t + i, '\n', n - i);
		size_t e = nl ? (size_t)(nl - t) : n;
		size_t ne = e;
		if (nl) { /* the next line, for a title over two lines */
			const char *nl2 = memchr(t + e + 1, '\n', n - e - 1);
			ne = nl2 ? (size_t)(nl2 - t) : n;
		}
		if (skip_next) {
			skip_next = 0;
			i = e + 1;
			continue;
		}
		char *line = squeeze(t + i, e - i);
		int whole = *line && strcmp(line, sq_title) == 0;
		int two = 0;
		if (!whole && *line && nl && ne > e + 1 && strncmp(sq_title, line, strlen(line)) == 0) {
			char *next = squeeze(t + e + 1, ne - e - 1);
			size_t ll = strlen(line);
			two = *next && strcmp(sq_title + ll, next) == 0;
			free(next);
		}
		free(line);
		if (whole || two) {
			skip_next = (size_t)two;
			i = e + 1;
			continue;
		}
		/* The title inside a line (a header's value, a breadcrumb): cut it out. */
		struct buf lb;
		buf_init(&lb);
		for (size_t k = i; k < e;) {
			if (tl && e - k >= tl && memcmp(t + k, title, tl) == 0) {
				k += tl;
				continue;
			}
			buf_addc(&lb, t[k++]);
		}
		char *kept = lb.data ? squeeze(lb.data, lb.len) : xstrdup("");
		if (*kept || e == i) { /* keep blank lines as they were; drop lines emptied */
			buf_add(&b, lb.data ? lb.data : "", lb.len);
			if (nl)
				buf_addc(&b, '\n');
		}
		free(kept);
		buf_fini(&lb);
		i = e + 1;
		if (!nl)
			break;
	}
	free(sq_title);
	if (!b.data)
		buf_adds(&b, "");
	return buf_take(&b);
}

/* 件 after a number (with 余/多) becomes 宗, except before 次. */
static char *counter_zong(const char *t, size_t n)
{
	struct buf b;
	buf_init(&b);
	const char *end = t + n;
	for (const char *p = t; p < end;) {
		size_t num = number_at(p, end);
		if (num) {
			const char *q = p + num;
			if (starts(q, end, "余") || starts(q, end, "多"))
				q += strlen("余");
			if (starts(q, end, "件") && !starts(q + strlen("件"), end, "次")) {
				buf_add(&b, p, (size_t)(q - p));
				buf_adds(&b, "宗");
				p = q + strlen("件");
				continue;
			}
			buf_add(&b, p, num);
			p += num;
			continue;
		}
		size_t l = u8len(p);
		buf_add(&b, p, l);
		p += l;
	}
	if (!b.data)
		buf_adds(&b, "");
	return buf_take(&b);
}

static const char *const mv_verbs[] = { "办理", "受理", "收到", "审查", "审核", "办结", "审结", "调解",
                                        "化解", "查处", "评查", "制发", "清理", "废止", "接收", "新收", NULL };
static const char *const mv_nouns[] = { "案件", "申请", "纠纷", "文件", "合同", "案卷", NULL };
static const char *const mv_counters[] = { "件", "宗", "起", "份", "卷", NULL };
static const char *const mv_ends[] = { "，", "。", "；", "、", ",", ";", "（", "(", "\n", NULL };

/* A noun phrase character: not ASCII, not a digit or Chinese numeral, not CJK punctuation. */
static int noun_char(const char *p, const char *end, size_t *len)
{
	size_t l = u8len(p), d;
	if (l < 3 || p + l > end)
		return 0;
	if ((unsigned char)p[0] == 0xe3 && (unsigned char)p[1] == 0x80) /* U+3000..U+303F */
		return 0;
	if ((unsigned char)p[0] == 0xef && ((unsigned char)p[1] == 0xbc || (unsigned char)p[1] == 0xbd))
		return 0; /* full-width forms */
	if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80)
		return 0; /* quotes, dashes */
	if (starts_any(p, end, cn_digits, &d))
		return 0;
	*len = l;
	return 1;
}

/* verb + noun(2..12 chars, ending in a listed noun) + N(余) counter + clause end
 *   → verb + N(余) counter + noun. Leftmost, non-overlapping. */
static size_t move_one(const char *p, const char *end, struct buf *b)
{
	size_t vl;
	if (!starts_any(p, end, mv_verbs, &vl))
		return 0;
	const char *noun = p + vl, *q = noun;
	size_t chars = 0, l;
	while (q < end && chars < 12 && noun_char(q, end, &l)) {
		size_t vl2;
		if (starts_any(q, end, mv_verbs, &vl2))
			return 0;   /* the verb is the nearest one: 调解组织共受理民间纠纷 is no noun */
		q += l;
		chars++;
		size_t nl;
		for (size_t i = 0; mv_nouns[i]; i++) {
			nl = strlen(mv_nouns[i]);
			if (chars >= 2 && (size_t)(q - noun) >= nl && memcmp(q - nl, mv_nouns[i], nl) == 0) {
				size_t num = number_at(q, end);
				if (!num || !(q[0] >= '0' && q[0] <= '9'))
					continue;
				const char *c = q + num;
				if (starts(c, end, "余"))
					c += strlen("余");
				size_t cl, el;
				if (!starts_any(c, end, mv_counters, &cl) || !starts_any(c + cl, end, mv_ends, &el))
					continue;
				buf_add(b, p, vl);
				buf_add(b, q, (size_t)(c + cl - q));
				buf_add(b, noun, (size_t)(q - noun));
				return (size_t)(c + cl - p);
			}
		}
	}
	return 0;
}

static char *number_first(const char *t, size_t n, int *moved)
{
	struct buf b;
	buf_init(&b);
	const char *end = t + n;
	*moved = 0;
	for (const char *p = t; p < end;) {
		size_t used = move_one(p, end, &b);
		if (used) {
			p += used;
			(*moved)++;
			continue;
		}
		size_t l = u8len(p);
		buf_add(&b, p, l);
		p += l;
	}
	if (!b.data)
		buf_adds(&b, "");
	return buf_take(&b);
}

/* The text in GB18030 with CRLF line ends; NULL when iconv cannot convert. *n gets the length. */
static char *gb18030_crlf(const char *t, size_t len, size_t *n)
{
	struct buf crlf;
	buf_init(&crlf);
	for (size_t i = 0; i < len; i++) {
		if (t[i] == '\n')
			buf_addc(&crlf, '\r');
		buf_addc(&crlf, t[i]);
	}
	iconv_t cd = iconv_open("GB18030", "UTF-8");
	if (cd == (iconv_t)-1) {
		buf_fini(&crlf);
		return NULL;
	}
	size_t cap = 2 * crlf.len + 16, left = cap;
	char *out = xmalloc(cap), *o = out, *in = crlf.data ? crlf.data : "";
	size_t inleft = crlf.len;
	size_t rc = iconv(cd, &in, &inleft, &o, &left);
	iconv_close(cd);
	buf_fini(&crlf);
	if (rc == (size_t)-1) {
		free(out);
		return NULL;
	}
	*n = cap - left;
	return out;
}

/* ---- cases ---- */

enum transform {
	T_FLATTEN_SPACE, T_FLATTEN_NONE, T_HEADER, T_CHROME, T_DROP_TITLE, T_GB18030_CRLF, T_COUNTER_ZONG,
	T_NUMBER_FIRST, T_COUNT
};
static const char *const tnames[T_COUNT] = { "flatten_space", "flatten_none", "header", "chrome",
                                             "drop_title", "gb18030_crlf", "counter_zong", "number_first" };

struct robust_case {
	char *path;
	enum transform t;
	char name[256];
};

static struct report *parse_bytes(const char *bytes, size_t n, const char *path)
{
	struct decoded d;
	char *cause = NULL;
	if (encoding_decode(bytes, n, &d, &cause) != 0) {
		print_error("%s: %s\n", path, cause);
		free(cause);
		return NULL;
	}
	return parse_report(d.text, d.len, path);
}

static const struct facts_model *fmodel(void)
{
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m) {
		print_error("%s\n", cause ? cause : "no facts model");
		free(cause);
	}
	return m;
}

struct fact_key {
	int metric;
	double value;
};

static size_t fact_keys(const struct report *r, struct fact_key **out)
{
	struct facts f = { 0 };
	facts_extract(fmodel(), r, &f);
	*out = xcalloc(f.n + 1, sizeof **out);
	for (size_t i = 0; i < f.n; i++) {
		(*out)[i].metric = f.v[i].metric;
		(*out)[i].value = f.v[i].value;
	}
	size_t n = f.n;
	facts_fini(&f);
	return n;
}

typedef char *(*rewrite_fn)(const char *t, size_t n);

static char *rewrite_number_first(const char *t, size_t n)
{
	int moved;
	return number_first(t, n, &moved);
}

/* Bytes of s to print: at most 120, cut at a character boundary. */
static int clip(const char *s)
{
	size_t n = 0;
	if (!s)
		return 1;
	while (s[n] && n + u8len(s + n) <= 120)
		n += u8len(s + n);
	return (int)n;
}

/* 1 when one of x, y begins the other. */
static int one_begins_other(const char *x, const char *y)
{
	size_t nx = strlen(x), ny = strlen(y);
	return strncmp(x, y, nx < ny ? nx : ny) == 0;
}

/* Compares the trees; prints each difference; returns the number of differences. With `loose`
 * (a page joined with nothing, where a heading's end is not written) a title need only begin
 * as the original's, or be a head of it. */
static int compare_tree(const struct report *a, const struct report *b, rewrite_fn rw, int loose)
{
	int bad = 0;
	size_t n = a->nsections > b->nsections ? a->nsections : b->nsections;
	if (a->nsections != b->nsections) {
		print_message("    sections: want %zu, got %zu\n", a->nsections, b->nsections);
		bad++;
	}
	for (size_t i = 0; i < n && bad < 12; i++) {
		char *x = NULL, *y = NULL;
		if (i < a->nsections) {
			const struct section *s = &a->sections[i];
			char *raw = squeeze(a->text + s->title_start, s->title_end - s->title_start);
			x = rw ? rw(raw, strlen(raw)) : xstrdup(raw);
			free(raw);
		}
		if (i < b->nsections) {
			const struct section *s = &b->sections[i];
			y = squeeze(b->text + s->title_start, s->title_end - s->title_start);
		}
		int la = i < a->nsections ? a->sections[i].level : 0;
		int lb = i < b->nsections ? b->sections[i].level : 0;
		if (la != lb || !x || !y || (loose ? !one_begins_other(x, y) : strcmp(x, y) != 0)) {
			print_message("    section %zu: want %d \"%.*s\", got %d \"%.*s\"\n", i, la, clip(x), x ? x : "-",
			              lb, clip(y), y ? y : "-");
			bad++;
		}
		free(x);
		free(y);
	}
	return bad;
}

static int same_opt(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static int cmp_key(const void *x, const void *y)
{
	const struct fact_key *a = x, *b = y;
	if (a->metric != b->metric)
		return a->metric < b->metric ? -1 : 1;
	return a->value < b->value ? -1 : a->value > b->value;
}

static int compare_facts(const struct report *a, const struct report *b)
{
	struct fact_key *ka, *kb;
	size_t na = fact_keys(a, &ka), nb = fact_keys(b, &kb);
	qsort(ka, na, sizeof *ka, cmp_key);
	qsort(kb, nb, sizeof *kb, cmp_key);
	int bad = 0;
	size_t i = 0, j = 0;
	const struct facts_model *m = fmodel();
	while (i < na || j < nb) {
		int c = i >= na ? 1 : j >= nb ? -1 : cmp_key(&ka[i], &kb[j]);
		if (c == 0) {
			i++, j++;
			continue;
		}
		if (bad < 12) {
			const struct fact_key *k = c < 0 ? &ka[i] : &kb[j];
			print_message("    fact %s: %s %g\n", c < 0 ? "lost " : "extra", facts_metric_name(m, k->metric),
			              k->value);
		}
		bad++;
		if (c < 0)
			i++;
		else
			j++;
	}
	if (bad)
		print_message("    facts: %zu before, %zu after, %d differ\n", na, nb, bad);
	free(ka);
	free(kb);
	return bad;
}

static void run_case(void **state)
{
	const struct robust_case *rc = *state;
	size_t n;
	char *bytes = read_fixture(rc->path, &n);
	assert_non_null(bytes);
	struct report *r0 = parse_bytes(bytes, n, rc->path);
	assert_non_null(r0);

	char *t = NULL;
	size_t tn = 0;
	rewrite_fn rw = NULL;
	int moved = -1;
	switch (rc->t) {
	case T_FLATTEN_SPACE: t = flatten(r0->text, r0->len, " "); break;
	case T_FLATTEN_NONE: t = flatten(r0->text, r0->len, ""); break;
	case T_HEADER:
		if (header_end(r0->text, r0->len)) { /* it has one already */
			report_free(r0);
			free(bytes);
			skip();
		}
		t = with_header(r0->text, r0->len, r0);
		break;
	case T_CHROME: t = with_chrome(r0->text, r0->len, r0); break;
	case T_DROP_TITLE:
		if (!r0->meta.title) {
			report_free(r0);
			free(bytes);
			skip();
		}
		t = drop_title(r0->text, r0->len, r0->meta.title);
		break;
	case T_GB18030_CRLF:
		t = gb18030_crlf(r0->text, r0->len, &tn);
		assert_non_null(t);
		break;
	case T_COUNTER_ZONG: t = counter_zong(r0->text, r0->len), rw = counter_zong; break;
	case T_NUMBER_FIRST: t = number_first(r0->text, r0->len, &moved), rw = rewrite_number_first; break;
	default: fail();
	}
	if (moved >= 0)
		print_message("    %d figures moved before their nouns\n", moved);
	struct report *r1 = parse_bytes(t, tn ? tn : strlen(t), rc->path);
	free(t);
	assert_non_null(r1);

	int bad = compare_tree(r0, r1, rw, rc->t == T_FLATTEN_NONE);
	if (rc->t == T_DROP_TITLE) {
		if (r1->meta.title) {
			print_message("    title: want none, got \"%s\"\n", r1->meta.title);
			bad++;
		}
		if (r1->meta.region && !same_opt(r0->meta.region, r1->meta.region)) {
			print_message("    region: want \"%s\" or none, got \"%s\"\n", r0->meta.region ? r0->meta.region : "",
			              r1->meta.region);
			bad++;
		}
		if (r1->meta.year && r1->meta.year != r0->meta.year) {
			print_message("    year: want %d or none, got %d\n", r0->meta.year, r1->meta.year);
			bad++;
		}
	} else {
		if (!same_opt(r0->meta.region, r1->meta.region)) {
			print_message("    region: want \"%s\", got \"%s\"\n", r0->meta.region ? r0->meta.region : "",
			              r1->meta.region ? r1->meta.region : "");
			bad++;
		}
		if (r0->meta.year != r1->meta.year) {
			print_message("    year: want %d, got %d\n", r0->meta.year, r1->meta.year);
			bad++;
		}
	}
	bad += compare_facts(r0, r1);
	report_free(r0);
	report_free(r1);
	free(bytes);
	if (bad)
		fail_msg("%s: %d differences", rc->name, bad);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.txt file of dir, sorted, appended to *paths. */
static void list_dir(const char *dir, char ***paths, size_t *n)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	size_t first = *n;
	struct dirent *e;
	while ((e = readdir(d))) {
		size_t l = strlen(e->d_name);
		if (l < 5 || strcmp(e->d_name + l - 4, ".txt") != 0)
			continue;
		*paths = xrealloc(*paths, (*n + 1) * sizeof **paths);
		(*paths)[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(*paths + first, *n - first, sizeof **paths, by_name);
}

int main(void)
{
	char **paths = NULL;
	size_t np = 0;
	list_dir("assets/reports", &paths, &np);
	list_dir("tests/real/reports", &paths, &np);
	if (!np) {
		fprintf(stderr, "robust_17: run from the repository root (no reports found)\n");
		return 1;
	}
	size_t nc = np * T_COUNT;
	struct robust_case *cases = xcalloc(nc, sizeof *cases);
	struct CMUnitTest *tests = xcalloc(nc, sizeof *tests);
	size_t k = 0;
	for (int t = 0; t < T_COUNT; t++)
		for (size_t i = 0; i < np; i++, k++) {
			struct robust_case *c = &cases[k];
			const char *base = strrchr(paths[i], '/');
			c->path = paths[i];
			c->t = (enum transform)t;
			snprintf(c->name, sizeof c->name, "%s/%s", tnames[t], base ? base + 1 : paths[i]);
			tests[k].name = c->name;
			tests[k].test_func = run_case;
			tests[k].initial_state = c;
		}
	int failed = _cmocka_run_group_tests("robust_17", tests, nc, NULL, NULL);
	facts_default_free();
	for (size_t i = 0; i < np; i++)
		free(paths[i]);
	free(paths);
	free(cases);
	free(tests);
	return failed ? 1 : 0;
}
