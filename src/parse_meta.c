/* parse_meta.c — report metadata: title, region, year, publish date, document number, issuer, addressee. */
#include "parse_scan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "division.h"
#include "encoding.h"
#include "xmalloc.h"

/* Every field is read from where the page states it; nothing is inferred from the date of the
 * signature. Only the places above a jurisdiction the text leaves out come from elsewhere: the
 * official table of divisions (division.h). Absent stays NULL / 0 / "". */

#define SHORT_LINE 30   /* characters of a signature line */
#define PARENT_SCAN 3000 /* bytes of the body looked into for the jurisdiction above */
#define BYLINE_MAX 40    /* characters of an article's byline: author, account, date and time */
#define BYLINE_AFTER 3   /* lines after the title a byline may stand on */

static const char *const published_keys[] = { "发布日期", "公开日期", "发布时间", "时间", "日期" };
static const char *const issuer_keys[] = { "发布机构", "发文机关", "发布单位", "发文单位" };
static const char *const doc_number_keys[] = { "发文字号", "文件编号", "文号" };
static const char *const title_keys[] = { "信息名称", "文章标题", "标题" };

/* 1 for a line of the report's own text: in the body and not page furniture. A key stated
 * there ("…执行到2023年。发布时间") is the text's, never the page's metadata. */
static int in_body(const struct parse_scan *sc, size_t i)
{
	return sc->body_first <= sc->body_last && i >= sc->body_first && i <= sc->body_last &&
	       !(sc->lines[i].flags & PARSE_LINE_CHROME);
}

/* Brackets a page's table may set a key in: [发文字号], 【发布日期】. */
static const char *const key_openers[] = { "[", "【", "［" };
static const char *const key_closers[] = { "]", "】", "］" };

/* Offset after a key's separator (colon, blanks), where its value begins. */
static size_t value_start(const char *s, size_t i, size_t end)
{
	i = parse_skip_blanks(s, i, end);
	for (size_t k = 0; k < sizeof key_closers / sizeof *key_closers; k++)
		if (parse_starts(s, i, end, key_closers[k])) {   /* [发文字号] 门政发〔2022〕6号 */
			i = parse_skip_blanks(s, i + strlen(key_closers[k]), end);
			break;
		}
	if (parse_starts(s, i, end, ":"))
		i++;
	else if (parse_starts(s, i, end, "："))
		i += 3;
	return parse_skip_blanks(s, i, end);
}

/* Offset just after `key` in the line, blanks maybe between its characters ("文　　号", as a
 * table's cells pad them wherever the cell stands in its row), or PARSE_NONE. */
static size_t after_key(const char *s, const struct parse_line *l, const char *key)
{
	char head[8] = { 0 };   /* its first character */
	size_t first = 0;
	encoding_next(key, strlen(key), &first);
	memcpy(head, key, first < sizeof head - 1 ? first : sizeof head - 1);
	for (size_t at = l->start; (at = parse_find(s, at, l->end, head)) != PARSE_NONE; at += first) {
		size_t n = parse_key(s, at, l->end, key);
		if (n)
			return at + n;
	}
	return PARSE_NONE;
}

/* Bytes of `key` at the start of the line, bracketed or not ([标　　题], 【标题】, 标题), its
 * closing bracket included; 0 when the line does not open with it. */
static size_t line_key(const char *s, const struct parse_line *l, const char *key)
{
	size_t i = parse_skip_blanks(s, l->start, l->end);
	for (size_t k = 0; k < sizeof key_openers / sizeof *key_openers; k++) {
		if (!parse_starts(s, i, l->end, key_openers[k]))
			continue;
		size_t j = i + strlen(key_openers[k]), n = parse_key(s, j, l->end, key);
		if (n && parse_starts(s, j + n, l->end, key_closers[k]))
			return j + n + strlen(key_closers[k]) - l->start;
		return 0;
	}
	size_t n = parse_key(s, i, l->end, key);
	return n ? i + n - l->start : 0;
}

static int is_cjk(uint32_t c)
{
	return c >= 0x4e00 && c <= 0x9fff;
}

/* Offset just after `key` in the line where no word before it makes it the date of something
 * else than the page (统计时间, 更新时间, 成文日期, 施行日期); PARSE_NONE when it is nowhere else.
 * 生成日期 and 发文日期 date the page. */
static size_t after_date_key(const char *s, const struct parse_line *l, const char *key)
{
	static const char *const others[] = { "统计", "更新", "修改", "成文", "采集", "抓取", "访问", "实施",
					      "施行", "生效", "失效", "截止", "有效", "打印" };
	size_t n = parse_key(s, l->start, l->end, key);
	if (n)
		return l->start + n;
	for (size_t at = l->start; (at = parse_find(s, at, l->end, key)) != PARSE_NONE; at++) {
		size_t k = 0;
		while (k < sizeof others / sizeof *others &&
		       !(at - l->start >= strlen(others[k]) &&
			 memcmp(s + at - strlen(others[k]), others[k], strlen(others[k])) == 0))
			k++;
		if (k == sizeof others / sizeof *others)
			return at + strlen(key);
	}
	return PARSE_NONE;
}

static int is_digit_at(const char *s, size_t i, size_t end)
{
	size_t t = i;
	return parse_digits(s, &t, end, 1) >= 0;
}

/* A date YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD or YYYY年M月D日 at s[i]; 1 and fills out[11]. */
static int read_date(const char *s, size_t i, size_t end, char out[11])
{
	static const char *const seps[] = { "-", "/", ".", "年", "月" };
	long v[3];
	for (int k = 0; k < 3; k++) {
		if ((v[k] = parse_digits(s, &i, end, k == 0 ? 4 : 2)) < 0)
			return 0;
		if (k == 2)
			break;
		size_t j = i;
		for (size_t q = 0; q < sizeof seps / sizeof *seps && j == i; q++)
			if (parse_starts(s, i, end, seps[q]))
				j = i + strlen(seps[q]);
		if (j == i)
			return 0;
		i = j;
	}
	if (v[0] < 1900 || v[0] > 2099 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31)
		return 0;
	snprintf(out, 11, "%04ld-%02ld-%02ld", v[0], v[1], v[2]);
	return 1;
}

/* The value of the first of `keys` (in their order) that a line outside the body states:
 * its offset, and its length in *n; PARSE_NONE when none has a value. */
static size_t key_value(const struct report *r, const struct parse_scan *sc, const char *const *keys,
                        size_t nkeys, size_t *n)
{
	for (size_t k = 0; k < nkeys; k++)
		for (size_t i = 0; i < sc->n; i++) {
			const struct parse_line *l = &sc->lines[i];
			size_t at = in_body(sc, i) ? PARSE_NONE : parse_key(r->text, l->start, l->end, keys[k]);
			if (at == 0 || at == PARSE_NONE)
				continue;
			size_t v = value_start(r->text, l->start + at, l->end);
			if (v < l->end) {
				*n = l->end - v;
				return v;
			}
		}
	return PARSE_NONE;
}

static int read_signature_date(const char *s, const struct parse_line *l, char out[11]);
static size_t signature_date(const struct report *r, const struct parse_scan *sc);

/* The line under a speech's title that says when and where it was given (——2022年4月26日在
 * 某区人民代表大会常务委员会第二次会议上, or the same in brackets), or PARSE_NONE; *date its date,
 * *where the byte after its 在. */
static size_t speech_line(const struct report *r, const struct parse_scan *sc, char date[11], size_t *where)
{
	const char *s = r->text;
	for (size_t i = sc->title_last + 1; sc->title_last != PARSE_NONE && i < sc->n && i <= sc->title_last + 2; i++) {
		const struct parse_line *l = &sc->lines[i];
		size_t j = parse_skip_blanks(s, l->start, l->end), open = j;
		while (parse_starts(s, j, l->end, "—") || parse_starts(s, j, l->end, "－"))
			j += 3;
		while (j < l->end && (s[j] == '-' || s[j] == '('))
			j++;
		if (parse_starts(s, j, l->end, "（"))
			j += 3;
		struct parse_line rest = { j, l->end, 0 };
		size_t at = parse_find(s, j, l->end, "在");
		if (j > open && at != PARSE_NONE && parse_find(s, at, l->end, "会议") != PARSE_NONE &&
		    read_signature_date(s, &rest, date)) {
			*where = at + strlen("在");
			return i;
		}
	}
	return PARSE_NONE;
}

/* The date of an article's byline between its title and its body, with no key before it
 * (江阳区卫生健康局 健康江阳 2022-01-19 17:42): 1 and out when there is one. */
static int byline_date(const struct report *r, const struct parse_scan *sc, char out[11])
{
	const char *s = r->text;
	for (size_t i = sc->title_last + 1; sc->title_last != PARSE_NONE && i <= sc->title_last + BYLINE_AFTER &&
	     i < sc->n && !parse_line_opens(s, &sc->lines[i]) && !parse_line_addressee(s, &sc->lines[i]); i++) {
		const struct parse_line *l = &sc->lines[i];
		if ((l->flags & PARSE_LINE_PROSE) || parse_chars(s, l->start, l->end, BYLINE_MAX + 1) > BYLINE_MAX)
			continue;
		for (size_t j = l->start; j < l->end; j++) {
			if (s[j] == ':' || parse_starts(s, j, l->end, "："))
				break;   /* a key's value: the keys say which date it is */
			if (s[j] >= '0' && s[j] <= '9' && (j == l->start || s[j - 1] < '0' || s[j - 1] > '9') &&
			    read_date(s, j, l->end, out))
				return 1;
		}
	}
	return 0;
}

/* The value of the first line outside the body that opens with a crawler's field of this kind
 * named in English (parse_english_field): its start, its end in *end; PARSE_NONE when none. */
static size_t english_field(const struct report *r, const struct parse_scan *sc, int kind, size_t *end)
{
	for (size_t i = 0; i < sc->n; i++) {
		const struct parse_line *l = &sc->lines[i];
		size_t v;
		if (!in_body(sc, i) && parse_english_field(r->text, l->start, l->end, &v, end) == kind && v < *end)
			return v;
	}
	return PARSE_NONE;
}

/* The page's date (发布日期 …), else the day a speech was given, else an article's byline date,
 * else the date under the signature. */
static void find_published(struct report *r, const struct parse_scan *sc)
{
	for (size_t k = 0; k < sizeof published_keys / sizeof *published_keys; k++)
		for (size_t i = 0; i < sc->n; i++) {
			const struct parse_line *l = &sc->lines[i];
			if (in_body(sc, i))
				continue;
			size_t at = after_date_key(r->text, l, published_keys[k]);
			if (at != PARSE_NONE && read_date(r->text, value_start(r->text, at, l->end), l->end,
			                                  r->meta.published))
				return;
		}
	size_t where, end;
	size_t v = english_field(r, sc, PARSE_FIELD_PUBLISHED, &end);
	if (v != PARSE_NONE && read_date(r->text, v, end, r->meta.published))
		return;
	if (speech_line(r, sc, r->meta.published, &where) != PARSE_NONE || byline_date(r, sc, r->meta.published))
		return;
	size_t d = signature_date(r, sc);
	if (d != PARSE_NONE) {
		struct parse_line date = { parse_date_start(r->text, &sc->lines[d]), sc->lines[d].end, 0 };
		read_signature_date(r->text, &date, r->meta.published);
	}
}

static int is_open_bracket(uint32_t c)
{
	return c == 0x3014 || c == '[' || c == 0xff3b || c == '(' || c == 0xff08 || c == 0x3010 || c == 0xfe5d;
}

static int is_close_bracket(uint32_t c)
{
	return c == 0x3015 || c == ']' || c == 0xff3d || c == ')' || c == 0xff09 || c == 0x3011 || c == 0xfe5e;
}

size_t parse_doc_number_len(const char *s, size_t i, size_t end)
{
	size_t j = i, t;
	int n = 0;
	while (j < end && n < 12 && (t = j, is_cjk(encoding_next(s, end, &t)))) {
		j = t;
		n++;
	}
	if (n == 0 || j >= end || !is_open_bracket(encoding_next(s, end, &j)))
		return 0;
	if (parse_digits(s, &j, end, 4) < 1000 || j >= end || !is_close_bracket(encoding_next(s, end, &j)))
		return 0;
	if (parse_digits(s, &j, end, 5) < 0 || !parse_starts(s, j, end, "号"))
		return 0;
	return j + 3 - i;
}

/* Whether s[i, end) is the signer a report to the government above names beside its number:
 * blanks, then 签发人. */
static int signer_after(const char *s, size_t i, size_t end)
{
	size_t at = parse_skip_blanks(s, i, end);
	return at > i && parse_starts(s, at, end, "签发人");
}

/* Where the number s[st, end) holds begins: past a 文号 key run into it, as a page's table of
 * keys and values in their own elements gives its text (文号饶政报〔2020〕3号), else st. */
static size_t past_run_in_key(const char *s, size_t st, size_t end)
{
	for (size_t k = 0; k < sizeof doc_number_keys / sizeof *doc_number_keys; k++) {
		size_t v = st + strlen(doc_number_keys[k]);
		if (parse_starts(s, st, end, doc_number_keys[k]) && v < end && parse_doc_number_len(s, v, end))
			return v;
	}
	return st;
}

/* A line of its own under the title, else the value of a 文号 key in the page's table. */
static void find_doc_number(struct report *r, const struct parse_scan *sc)
{
	const char *s = r->text;
	/* no title: the number may open the text, or stand among the lines before its body */
	size_t from = sc->title_last != PARSE_NONE ? sc->title_last + 1 : 0;
	for (size_t i = from; i < sc->n && !parse_line_opens(s, &sc->lines[i]); i++) {
		const struct parse_line *l = &sc->lines[i];
		if (parse_doc_number_len(s, l->start, l->end) == l->end - l->start) {
			size_t st = past_run_in_key(s, l->start, l->end);
			r->meta.doc_number = xstrndup(s + st, l->end - st);
			return;
		}
	}
	/* A document's letterhead (某市人民政府文件) sets its number above the title, a report to the
	 * government above with its signer beside it (崇政报〔2020〕5号　　签发人：覃振林). */
	for (size_t k = 1; sc->title_first != PARSE_NONE && k <= 2 && k <= sc->title_first; k++) {
		const struct parse_line *l = &sc->lines[sc->title_first - k];
		size_t st = parse_skip_blanks(s, l->start, l->end), n = st < l->end ? parse_doc_number_len(s, st, l->end) : 0;
		if (n && (st + n == l->end || signer_after(s, st + n, l->end))) {
			size_t v = past_run_in_key(s, st, st + n);
			r->meta.doc_number = xstrndup(s + v, st + n - v);
			return;
		}
	}
	for (size_t k = 0; k < sizeof doc_number_keys / sizeof *doc_number_keys; k++)
		for (size_t i = 0; i < sc->n; i++) {
			const struct parse_line *l = &sc->lines[i];
			size_t at = in_body(sc, i) ? PARSE_NONE : after_key(s, l, doc_number_keys[k]);
			if (at == PARSE_NONE)
				continue;
			size_t v = value_start(s, at, l->end);
			size_t n = parse_doc_number_len(s, v, l->end);
			if (n) {
				r->meta.doc_number = xstrndup(s + v, n);
				return;
			}
		}
	size_t end, v = english_field(r, sc, PARSE_FIELD_DOC_NUMBER, &end);
	size_t n = v == PARSE_NONE ? 0 : parse_doc_number_len(s, v, end);
	if (n)
		r->meta.doc_number = xstrndup(s + v, n);
}

/* A separator after a key: a colon, possibly after blanks. */
static int key_colon(const char *s, size_t i, size_t end)
{
	i = parse_skip_blanks(s, i, end);
	return parse_starts(s, i, end, ":") || parse_starts(s, i, end, "：");
}

/* end moved back over the blanks that end s[st, end) (space, tab, U+3000, U+00A0). */
static size_t trim_end(const char *s, size_t st, size_t end)
{
	for (;;) {
		if (end > st && (s[end - 1] == ' ' || s[end - 1] == '\t'))
			end--;
		else if (end >= st + 3 && parse_starts(s, end - 3, end, "\xe3\x80\x80"))
			end -= 3;
		else if (end >= st + 2 && parse_starts(s, end - 2, end, "\xc2\xa0"))
			end -= 2;
		else
			return end;
	}
}

/* The page's own title (网页标题, the <title> a saved page keeps in its header) without the site's
 * name a site follows it with (鹿邑县人民政府关于…的报告_鹿邑县人民政府), when it reads as a report's. */
static char *title_of_tag(const struct report *r, const struct parse_scan *sc)
{
	static const char *const site_seps[] = { "_", "|", "｜", " - ", "－", "——" };
	const char *s = r->text;
	size_t n, v = key_value(r, sc, (const char *const[]){ "网页标题" }, 1, &n);
	if (v == PARSE_NONE)
		return NULL;
	size_t end = v + n;
	for (size_t k = 0; k < sizeof site_seps / sizeof *site_seps; k++) {
		size_t at = parse_find(s, v, end, site_seps[k]);
		if (at != PARSE_NONE && at > v)
			end = at;
	}
	end = trim_end(s, v, end);
	return parse_title_like(s, v, end) ? xstrndup(s + v, end - v) : NULL;
}

/* The last step of a breadcrumb outside the body (当前位置：首页 > 政务公开 > …关于…的报告), when it
 * reads as a report's title. */
static char *title_of_breadcrumb(const struct report *r, const struct parse_scan *sc)
{
	static const char *const crumbs[] = { "当前位置", "您的位置", "您当前的位置", "你的位置", "所在位置", "当前的位置" };
	static const char *const steps[] = { ">", "＞", "»", "›", "→", "/" };
	const char *s = r->text;
	for (size_t i = 0; i < sc->n; i++) {
		const struct parse_line *l = &sc->lines[i];
		size_t st = parse_skip_blanks(s, l->start, l->end), last = PARSE_NONE, k = 0;
		while (k < sizeof crumbs / sizeof *crumbs && !parse_starts(s, st, l->end, crumbs[k]))
			k++;
		if (in_body(sc, i) || k == sizeof crumbs / sizeof *crumbs)
			continue;
		for (size_t q = 0; q < sizeof steps / sizeof *steps; q++)
			for (size_t at = st; (at = parse_find(s, at, l->end, steps[q])) != PARSE_NONE; at += strlen(steps[q]))
				if (last == PARSE_NONE || at + strlen(steps[q]) > last)
					last = at + strlen(steps[q]);
		if (last == PARSE_NONE)
			continue;
		last = parse_skip_blanks(s, last, l->end);
		size_t end = trim_end(s, last, l->end);
		if (parse_title_like(s, last, end))
			return xstrndup(s + last, end - last);
	}
	return NULL;
}

/* 1 when the key of n bytes opening line l stands in brackets ([标　　题]): no colon follows it. */
static int bracketed(const char *s, const struct parse_line *l, size_t n)
{
	return s[l->start + n - 1] == ']' || parse_starts(s, l->start + n - 3, l->end, "】") ||
	       parse_starts(s, l->start + n - 3, l->end, "］");
}

/* Where the value of the title key `key` opening line l begins ([标　　题] 北京市…的报告, 标题：…),
 * or PARSE_NONE when the line does not open with it. */
static size_t title_value(const char *s, const struct parse_line *l, const char *key)
{
	size_t n = line_key(s, l, key);
	if (!n || (!key_colon(s, l->start + n, l->end) && !bracketed(s, l, n)))
		return PARSE_NONE;
	return value_start(s, l->start + n, l->end);
}

/* Where a title line's text begins: past a key of the page's table it opens with, which the
 * line that a table row makes keeps. */
static size_t title_key_end(const char *s, const struct parse_line *l)
{
	for (size_t k = 0; k < sizeof title_keys / sizeof *title_keys; k++) {
		size_t v = title_value(s, l, title_keys[k]);
		if (v != PARSE_NONE)
			return v;
	}
	return l->start;
}

/* Whether s[st, end) names a report (报告, 总结, 情况, a year …) rather than the column a site files
 * it under (标题: 法治政府建设, as a crawler keeps the column's name for a page without a title). */
static int names_a_report(const char *s, size_t st, size_t end)
{
	static const char *const words[] = { "报告", "总结", "情况", "述法", "工作", "要点", "年" };
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (parse_find(s, st, end, words[k]) != PARSE_NONE)
			return 1;
	return 0;
}

/* The title line(s) found in the text, else the value of 信息名称 / 标题 in the page's table when it
 * names a report. */
static void find_title(struct report *r, const struct parse_scan *sc)
{
	const char *s = r->text;
	if (sc->title_first != PARSE_NONE) {
		struct buf b = { 0 };
		for (size_t i = sc->title_first; i <= sc->title_last; i++) {
			const struct parse_line *l = &sc->lines[i];
			size_t from = i == sc->title_first ? title_key_end(s, l) : l->start;
			buf_add(&b, s + from, l->end - from);
		}
		r->meta.title = buf_take(&b);
		return;
	}
	for (size_t k = 0; k < sizeof title_keys / sizeof *title_keys; k++)
		for (size_t i = 0; i < sc->n; i++) {
			const struct parse_line *l = &sc->lines[i];
			size_t v = in_body(sc, i) ? PARSE_NONE : title_value(s, l, title_keys[k]);
			if (v != PARSE_NONE && v < l->end && names_a_report(s, v, l->end)) {
				r->meta.title = xstrndup(s + v, l->end - v);
				return;
			}
		}
	size_t end, v = english_field(r, sc, PARSE_FIELD_TITLE, &end);
	if (v != PARSE_NONE)
		r->meta.title = xstrndup(s + v, end - v);
	else if (!(r->meta.title = title_of_tag(r, sc)))   /* a saved page's own title, else its breadcrumb */
		r->meta.title = title_of_breadcrumb(r, sc);
}

/* The first 20XX年 in s[i..end), as a number; 0 when there is none. */
static int first_year(const char *s, size_t i, size_t end)
{
	while ((i = parse_find(s, i, end, "年")) != PARSE_NONE) {
		for (int w = 1; w <= 3; w += 2) {   /* ASCII digits, or full-width ones */
			if (i < 4 * (size_t)w)
				continue;
			size_t st = i - 4 * (size_t)w, t = st;
			long y = parse_digits(s, &t, i, 4);
			if (t == i && y >= 2000 && y <= 2099 && (st == 0 || !is_digit_at(s, st - 1, end)))
				return (int)y;
		}
		i += 3;
	}
	return 0;
}

/* Words of a heading that announces next year's work: its year is the one after the report's. */
static const char *const plan_words[] = { "计划", "安排", "打算", "思路", "要点", "任务", "重点", "展望", "目标" };

/* The year a top-level heading names, as the report's year: "2019年工作情况" → 2019,
 * "2020年工作计划" → 2019. 0 when none names one. */
static int year_of_headings(const struct report *r)
{
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *sec = &r->sections[i];
		if (sec->level > 1)   /* 一、, or a part above them: 第一部分　2021年工作情况 */
			continue;
		int y = first_year(r->text, sec->title_start, sec->title_end);
		if (!y)
			continue;
		for (size_t k = 0; k < sizeof plan_words / sizeof *plan_words; k++)
			if (parse_find(r->text, sec->title_start, sec->title_end, plan_words[k]) != PARSE_NONE)
				return y - 1;
		return y;
	}
	return 0;
}

/* The year the preamble opens its account with: "2022年，…", "2022年以来", "2022年度". */
static int year_of_preamble(const struct report *r)
{
	static const char *const after[] = { "，", ",", "以来", "度", "是", "我", "全", "本", "在" };
	size_t end = r->nsections ? r->sections[0].start : r->body_end, i = r->body_start;
	while (i < end) {
		int y = first_year(r->text, i, end);
		if (!y)
			return 0;
		char digits[8];
		snprintf(digits, sizeof digits, "%d年", y);
		size_t at = parse_find(r->text, i, end, digits);
		if (at == PARSE_NONE)
			return 0;   /* written in full-width digits: not looked into further */
		at += strlen(digits);
		for (size_t k = 0; k < sizeof after / sizeof *after; k++)
			if (parse_starts(r->text, at, end, after[k]))
				return y;
		i = at;
	}
	return 0;
}

/* The year reported on: the title's, else a top heading's, else the preamble's, else the one
 * a report dated (published or signed) in its last months or the first of the next is on. A
 * 政府工作报告 is titled with the year of the congress it is given to, and reports on the one
 * before (2024年城固县政府工作报告: 一、2023年工作回顾). */
static void find_year(struct report *r)
{
	const char *t = r->meta.title;
	int y = t ? first_year(t, 0, strlen(t)) : 0;
	if (y && strstr(t, "政府工作报告")) {
		int h = year_of_headings(r);
		y = h && h < y ? h : y - 1;
	}
	if (!y)
		y = year_of_headings(r);
	if (!y)
		y = year_of_preamble(r);
	if (!y && r->meta.published[0]) {
		int py = atoi(r->meta.published), pm = atoi(r->meta.published + 5);
		y = pm >= 9 ? py : py - 1;
	}
	r->meta.year = y;
}

/* A body known by a second name gives it in brackets after its first (泉州市洛江区城市管理局
 * （区综合行政执法局）, 某县司法局（县法制办）): where name[0, n) ends, the brackets and what follows
 * them left out when the name before them is an organ's. */
static size_t second_name_cut(const char *name, size_t n)
{
	size_t open = parse_find(name, 0, n, "（");
	return open != PARSE_NONE && open > 0 && parse_find(name, open, n, "）") != PARSE_NONE &&
	       parse_organ_suffix(name, 0, open) ? open : n;
}

/* Where the title's name of the region or organ ends: before 关于, the year or 法治, and before a second
 * name in brackets. */
static size_t title_prefix(const char *t)
{
	size_t n = strlen(t), at = 0;
	while (at < n && !is_digit_at(t, at, n))
		at++;
	static const char *const cuts[] = { "关于", "法治" };
	for (size_t k = 0; k < 2; k++) {
		size_t c = parse_find(t, 0, at, cuts[k]);
		if (c != PARSE_NONE)
			at = c;
	}
	return second_name_cut(t, at);
}

/* The name of a city department's branch in name[at, n) (通化市生态环境局东昌区分局: 东昌区), between
 * the end of the department's name (局, 委员会, 委: 北京市规划和自然资源委员会怀柔分局) and 分局: its
 * start in *start, its length; 0 when there is none. */
static size_t branch_name(const char *name, size_t at, size_t n, size_t *start)
{
	static const char *const ends[] = { "局", "委员会", "委" };
	size_t branch = parse_find(name, at, n, "分局");
	if (branch == PARSE_NONE)
		return 0;
	size_t dept = PARSE_NONE;
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
		for (size_t i = at; (i = parse_find(name, i, branch, ends[k])) != PARSE_NONE; i += strlen(ends[k]))
			if (dept == PARSE_NONE || i + strlen(ends[k]) > dept)
				dept = i + strlen(ends[k]);
	if (dept == PARSE_NONE)
		return 0;
	*start = dept;
	return branch - dept;
}

/* The district a city department's branch is named for (通化市生态环境局东昌区分局: 东昌区), when
 * name[at, n) is that department's name and the branch's: its length, or 0. */
static size_t branch_district(const char *name, size_t at, size_t n, size_t *start)
{
	size_t len = branch_name(name, at, n, start);
	struct parse_region g;
	if (!len || !parse_region_split(name, *start, *start + len, &g) || g.start != *start ||
	    g.end != *start + len || g.level != REPORT_LEVEL_COUNTY)
		return 0;
	return len;
}

/* A city department's branch named by its district's name without 区 or 县 (天津市公安局河北分局), or by
 * a county's short name (普洱市生态环境局景东分局: 景东彝族自治县): the district or county the table of
 * divisions names so under the city [city, city_end) of name, or NULL. */
static char *branch_short_district(const char *name, size_t city, size_t city_end, size_t n)
{
	static const char *const units[] = { "区", "县" };
	size_t dept, len = branch_name(name, city_end, n, &dept);
	size_t chars = len ? parse_chars(name, dept, dept + len, 4) : 0;
	if (chars < 2 || chars > 3)
		return NULL;
	for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
		char *district = xasprintf("%.*s%s", (int)len, name + dept, units[k]);
		int county;
		char *full = division_complete(district, NULL, 0, &county);
		free(district);
		if (full && !strncmp(full, name + city, city_end - city))
			return full;
		free(full);
	}
	char *prefecture = xstrndup(name + city, city_end - city);
	char *county = division_county_of(prefecture, name + dept, len);   /* 景东分局: 景东彝族自治县 */
	free(prefecture);
	return county;
}

/* The jurisdiction that name[0, n) begins with, and its level in *level; NULL when none. */
static char *region_of(const char *name, size_t n, int *level)
{
	struct parse_region g;
	if (!parse_region_split(name, 0, n, &g))
		return NULL;
	*level = g.level;
	size_t d, dn = g.level == REPORT_LEVEL_DEPARTMENT ? branch_district(name, g.end, n, &d) : 0;
	if (dn)   /* a city department's district branch: the district */
		return xasprintf("%.*s%.*s", (int)(g.end - g.start), name + g.start, (int)dn, name + d);
	char *short_named = g.level == REPORT_LEVEL_DEPARTMENT ? branch_short_district(name, g.start, g.end, n) : NULL;
	if (short_named)
		return short_named;
	/* A subdistrict office is an agency of its district's government: 北京市朝阳区人民政府
	 * 三里屯街道办事处 → 北京市朝阳区三里屯街道. */
	size_t gov = parse_find(name, g.start, g.end, "人民政府");
	if (gov != PARSE_NONE && gov > g.start && gov + strlen("人民政府") < g.end) {
		size_t after = gov + strlen("人民政府");
		return xasprintf("%.*s%.*s", (int)(gov - g.start), name + g.start, (int)(g.end - after), name + after);
	}
	return xstrndup(name + g.start, g.end - g.start);
}

/* A date alone: 2021年1月25日, 二〇二一年一月二十五日, 2021-01-25. */
static int is_date(const char *s, size_t st, size_t end)
{
	char d[11];
	size_t i = st;
	if (read_date(s, i, end, d))
		return 1;
	int year = 0;
	while (i < end) {
		uint32_t c = encoding_next(s, end, &i);
		if (parse_cn_digit(c) < 0 && c != 0x5341 && c != 0x5e74 && c != 0x6708 && c != 0x65e5)
			return 0;   /* 十 年 月 日 */
		year |= c == 0x5e74;
	}
	return year && end >= st + 3 && parse_starts(s, end - 3, end, "日");
}

static int is_signature(const char *s, const struct parse_line *l);

/* A signature and its date on one line, as two columns print them (某区人民政府  2023年1月18日): where
 * the date starts, the name's end in *name_end; PARSE_NONE when the line is no such pair. */
static size_t signed_date(const char *s, const struct parse_line *l, size_t *name_end)
{
	size_t i = l->end, at;
	while (i > l->start && !parse_is_blank(parse_prev_char(s, l->start, i, &at)))
		i = at;
	size_t date = i;   /* after the last blank */
	while (i > l->start && parse_is_blank(parse_prev_char(s, l->start, i, &at)))
		i = at;
	struct parse_line name = { l->start, i, 0 };
	*name_end = i;
	return i > l->start && date < l->end && is_date(s, date, l->end) && is_signature(s, &name) &&
	       parse_organ_suffix(s, name.start, name.end) ? date : PARSE_NONE;
}

size_t parse_date_start(const char *s, const struct parse_line *l)
{
	size_t name_end;
	return is_date(s, l->start, l->end) ? l->start : signed_date(s, l, &name_end);
}

int parse_date_line(const char *s, const struct parse_line *l)
{
	return parse_date_start(s, l) != PARSE_NONE;
}

/* The date of a signature line, Arabic (2021年1月25日) or Chinese (二〇二一年一月二十五日). */
static int read_signature_date(const char *s, const struct parse_line *l, char out[11])
{
	size_t i = l->start;
	if (read_date(s, i, l->end, out))
		return 1;
	int y = 0;
	for (int n = 0; n < 4; n++) {
		int d = i < l->end ? parse_cn_digit(encoding_next(s, l->end, &i)) : -1;
		if (d < 0)
			return 0;
		y = y * 10 + d;
	}
	if (!parse_starts(s, i, l->end, "年"))
		return 0;
	i += 3;
	int m = parse_cn_numeral(s, &i, l->end);
	if (!parse_starts(s, i, l->end, "月"))
		return 0;
	i += 3;
	int d = parse_cn_numeral(s, &i, l->end);
	if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
	return 1;
}

static int is_signature(const char *s, const struct parse_line *l)
{
	static const char *const punct[] = { "。", "，", ",", "：", ":", "；", ";", "、" };
	if (parse_chars(s, l->start, l->end, SHORT_LINE) > SHORT_LINE)
		return 0;
	for (size_t k = 0; k < sizeof punct / sizeof *punct; k++)
		if (parse_find(s, l->start, l->end, punct[k]) != PARSE_NONE)
			return 0;
	return 1;
}

/* The date line that ends the body (under the signature), or PARSE_NONE. */
static size_t signature_date(const struct report *r, const struct parse_scan *sc)
{
	if (sc->body_first >= sc->n || sc->body_last <= sc->body_first)
		return PARSE_NONE;
	return parse_date_line(r->text, &sc->lines[sc->body_last]) ? sc->body_last : PARSE_NONE;
}

/* A line that is wholly a second name in brackets (（泉州市洛江区综合行政执法局）), as a body known by two
 * names signs under its first. */
static int second_name_line(const char *s, const struct parse_line *l)
{
	return parse_starts(s, l->start, l->end, "（") && parse_ends(s, l->start, l->end, "）") &&
	       parse_find(s, l->start + 3, l->end - 3, "（") == PARSE_NONE && parse_organ_suffix(s, l->start + 3, l->end - 3);
}

/* The signature at the foot of the body (an organ's name, usually above the date), else the
 * page's 发布机构, else the organ named at the head of the title ("X人民政府关于…"). */
static void find_issuer(struct report *r, const struct parse_scan *sc)
{
	const char *s = r->text;
	if (sc->body_first < sc->n && sc->body_last > sc->body_first) {
		size_t i = sc->body_last;
		int dated = signature_date(r, sc) != PARSE_NONE;
		struct parse_line name = sc->lines[i];   /* 某区人民政府  2023年1月18日: the name alone */
		if (dated && signed_date(s, &sc->lines[i], &name.end) == PARSE_NONE)
			name = sc->lines[--i];
		if (i > sc->body_first + 1 && second_name_line(s, &name))   /* 某局 over （某执法局） */
			name = sc->lines[--i];
		const struct parse_line *l = &name;
		if (i > sc->body_first && (sc->title_last == PARSE_NONE || i > sc->title_last) &&
		    !(l->flags & PARSE_LINE_PROSE) && is_signature(s, l) &&
		    (dated || parse_organ_suffix(s, l->start, l->end) || parse_body_name(s, l->start, l->end))) {
			r->meta.issuer = xstrndup(s + l->start, l->end - l->start);
			return;
		}
	}
	size_t v, n;
	if ((v = key_value(r, sc, issuer_keys, sizeof issuer_keys / sizeof *issuer_keys, &n)) != PARSE_NONE &&
	    parse_body_name(s, v, v + n)) {
		r->meta.issuer = xstrndup(s + v, n);
		return;
	}
	if (!r->meta.title)
		return;
	n = title_prefix(r->meta.title);
	if (n && (parse_organ_suffix(r->meta.title, 0, n) || parse_body_name(r->meta.title, 0, n)))
		r->meta.issuer = xstrndup(r->meta.title, n);
}

/* "2021年度普陀区法治政府建设…": the region after the year, up to 法治 or 关于. */
static char *region_after_year(const char *t, int *level)
{
	size_t n = strlen(t), at = parse_find(t, 0, n, "年");
	if (at == PARSE_NONE || at == 0 || !is_digit_at(t, at - 1, n))
		return NULL;
	at = at + 3 + 3 * parse_starts(t, at + 3, n, "度");
	static const char *const stops[] = { "法治", "关于", "工作", "述法", "报告" };   /* what the title reports */
	size_t end = PARSE_NONE;
	for (size_t q = 0; q < sizeof stops / sizeof *stops; q++) {
		size_t k = parse_find(t, at, n, stops[q]);
		if (k != PARSE_NONE && (end == PARSE_NONE || k < end))
			end = k;
	}
	return end == PARSE_NONE ? NULL : region_of(t + at, end - at, level);
}

/* The part of a file's name before its extension and any "_2019" tail: saved reports are
 * named after their title ("盐田区2019年法治政府建设工作报告.txt"). */
static size_t file_stem(const char *path, size_t *start)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	*start = (size_t)(base - path);
	const char *dot = strrchr(base, '.');
	return dot ? (size_t)(dot - base) : strlen(base);
}

/* The level of a jurisdiction's own name ("获嘉县" → county), or REPORT_LEVEL_OTHER. */
static int unit_level(const char *name)
{
	struct parse_region g;
	return parse_region_split(name, 0, strlen(name), &g) && g.end == strlen(name) ? g.level
	                                                                              : REPORT_LEVEL_OTHER;
}

/* The jurisdiction above a county or a town, as its report names it: the addressee
 * ("新乡市人民政府：") or the leadership it works under ("在桐乡市委、市政府的坚强领导下"). */
/* 1 when a jurisdiction of level `above` may contain one of `level`: a county or town in
 * anything higher; a city only in a city (a county-level city, 寿光市 in 潍坊市). */
static int may_contain(int above, int level)
{
	if (above == REPORT_LEVEL_OTHER || above == REPORT_LEVEL_DEPARTMENT)
		return 0;
	return level == REPORT_LEVEL_CITY ? above == REPORT_LEVEL_CITY : above < level;
}

/* 1 when name holds words that join or qualify names (政府和市, 党委、政府), not a place's own. */
static int joins(const char *name)
{
	static const char *const words[] = { "和", "及", "与", "、", "的", "政府", "党委" };
	for (size_t k = 0; k < sizeof words / sizeof *words; k++)
		if (strstr(name, words[k]))
			return 1;
	return 0;
}

/* 1 when s[a, b) holds Chinese characters alone, as a place's name does (not ，新增 of
 * 创建，新增市级…示范村). */
static int han_only(const char *s, size_t a, size_t b)
{
	while (a < b)
		if (!is_cjk(encoding_next(s, b, &a)))
			return 0;
	return 1;
}

/* The city named at s[at] ("六安市" of 六安市教育局, "安庆市" of 安庆市级): two to four characters
 * and 市 before end; NULL when none is a city, joins names, or is the region itself. *after is
 * set past its 市. */
static char *city_named_at(const struct report *r, size_t at, size_t end, size_t *after)
{
	const char *s = r->text;
	size_t city = parse_find(s, at, at + 3 * 5 < end ? at + 3 * 5 : end, "市"), n;
	if (city == PARSE_NONE || (n = parse_chars(s, at, city, 5)) < 2 || n > 4 || !han_only(s, at, city))
		return NULL;
	char *name = xstrndup(s + at, city + 3 - at);
	*after = city + 3;
	if (unit_level(name) == REPORT_LEVEL_CITY && strcmp(name, r->meta.region) != 0 && !joins(name))
		return name;
	free(name);
	return NULL;
}

/* The city whose organs a county's report says it works under: 在县委、县政府的领导和六安市教育局
 *的指导下 (a department reporting names its superior in the city), or NULL. */
static char *city_guiding(const struct report *r, int level, size_t end)
{
	static const char *const seps[] = { "在", "和", "、", "及", "与" };
	if (!may_contain(REPORT_LEVEL_CITY, level))
		return NULL;
	for (size_t i = r->body_start; (i = parse_find(r->text, i, end, "在")) != PARSE_NONE; i += 3) {
		size_t lim = i + 3 * 40 < end ? i + 3 * 40 : end, below = parse_find(r->text, i, lim, "下");
		for (size_t j = i; below != PARSE_NONE && j < below; encoding_next(r->text, below, &j)) {
			size_t k = 0;
			while (k < sizeof seps / sizeof *seps && !parse_starts(r->text, j, below, seps[k]))
				k++;
			if (k == sizeof seps / sizeof *seps)
				continue;
			size_t after;
			char *name = city_named_at(r, j + strlen(seps[k]), below, &after);
			if (name)
				return name;
		}
	}
	return NULL;
}

/* The lead of a city named in passing that ends at byte e, the city's name running from e: an
 * award's (获评, 评为, 获得, 荣获, 命名为, with an opening quote or not; or the titles a year added,
 * 新增, 创成, 创建) or a ranking's (居); NULL when none. */
static const char *passing_lead(const char *s, size_t from, size_t e)
{
	static const char *const leads[] = { "获评", "评为", "获得", "荣获", "命名为", "新增", "创成", "创建", "居" };
	if (e >= from + strlen("“") && parse_ends(s, from, e, "“"))
		e -= strlen("“");
	for (size_t k = 0; k < sizeof leads / sizeof *leads; k++)
		if (e >= from + strlen(leads[k]) && parse_ends(s, from, e, leads[k]))
			return leads[k];
	return NULL;
}

/* The city a county's or town's report names in passing, as the one whose awards its places win
 * (获评“梅州市民主法治示范村”, 获评安庆市级…, 被评为…) or whose ranking it stands in (居汉中市前列), or NULL.
 * Looked for at each 市 of the body: a name of two to four characters before it, a lead before that. */
static char *city_in_passing(const struct report *r, int level)
{
	static const char *const ranks[] = { "前列", "第一", "首位", "前茅" };
	const char *s = r->text;
	if (!may_contain(REPORT_LEVEL_CITY, level) || level == REPORT_LEVEL_CITY)
		return NULL;
	for (size_t p = r->body_start; (p = parse_find(s, p, r->body_end, "市")) != PARSE_NONE; p += strlen("市")) {
		for (size_t chars = 2; chars <= 4 && p >= r->body_start + 3 * chars; chars++) {
			size_t name = p - 3 * chars, after;
			const char *lead = passing_lead(s, r->body_start, name);
			if (!lead)
				continue;
			char *city = city_named_at(r, name, r->body_end, &after);
			int fits = city != NULL && after == p + strlen("市");
			if (fits && !strcmp(lead, "居")) {   /* a ranking: 居汉中市前列 */
				fits = 0;
				for (size_t q = 0; q < sizeof ranks / sizeof *ranks && !fits; q++)
					fits = parse_starts(s, after, r->body_end, ranks[q]);
			}
			if (fits)
				return city;
			free(city);
		}
	}
	return NULL;
}

/* The jurisdiction name[0, n) names when it may hold a report of `level` and is not in the
 * region already, else NULL. A department names its jurisdiction: 抚州市交通运输局 the city. */
static char *region_above(const struct report *r, const char *name, size_t n, int level)
{
	int lv;
	char *p = region_of(name, n, &lv);
	if (p && lv == REPORT_LEVEL_DEPARTMENT)
		lv = unit_level(p);
	if (p && may_contain(lv, level) && !strstr(r->meta.region, p))
		return p;
	free(p);
	return NULL;
}

/* The jurisdiction above that an addressee names: each of the organs it lists (区委依法治区办、
 * 无锡市住房和城乡建设局：a department reports to its district and to the city's department). */
static char *addressee_above(const struct report *r, int level)
{
	const char *a = r->meta.addressee;
	size_t n = a ? strlen(a) : 0, from = 0;
	for (size_t i = 0; a && i <= n; i++) {
		if (i < n && !parse_starts(a, i, n, "、") && !parse_starts(a, i, n, "，") && a[i] != ',')
			continue;
		char *p = i > from ? region_above(r, a + from, i - from, level) : NULL;
		if (p)
			return p;
		from = i + (i < n && a[i] != ',' ? 3 : 1);
		i = from - 1;
	}
	return NULL;
}

/* The government whose site the page was saved from, named alone at the head of the page
 * (西安市雁塔区人民政府 over a 街道's report; 梁溪区人民政府 首页 … when flattened), when it is
 * above the report's own: a line before the body, up to its first blank, ending with the site's
 * name. */
static char *site_above(const struct report *r, const struct parse_scan *sc, int level)
{
	static const char *const sites[] = { "人民政府门户网站", "人民政府网", "人民政府", "政府门户网站", "政府网" };
	static const char *const greetings[] = { "欢迎访问", "欢迎您访问", "欢迎来到", "欢迎进入" };
	for (size_t i = 0; i < sc->n && sc->lines[i].start < r->body_start; i++) {
		size_t st = sc->lines[i].start, end = sc->lines[i].end, e;
		for (size_t g = 0; g < sizeof greetings / sizeof *greetings; g++)
			if (parse_starts(r->text, st, end, greetings[g]))
				st += strlen(greetings[g]);   /* 欢迎访问某县人民政府门户网站: the site's name after it */
		e = st;
		while (e < end && r->text[e] != ' ' && r->text[e] != '\t' && !parse_starts(r->text, e, end, "\xe3\x80\x80"))
			e++;
		for (size_t k = 0; k < sizeof sites / sizeof *sites; k++)
			if (parse_ends(r->text, st, e, sites[k]))
				return region_above(r, r->text + st, e - st, level);
	}
	return NULL;
}

static char *parent_region(const struct report *r, const struct parse_scan *sc, int level)
{
	char *p = addressee_above(r, level);
	if (!p)
		p = site_above(r, sc, level);
	if (p)
		return p;
	static const char *const units[] = { "市委", "县委", "区委" };
	size_t end = r->body_end - r->body_start > PARENT_SCAN ? r->body_start + PARENT_SCAN : r->body_end;
	for (size_t i = r->body_start; (i = parse_find(r->text, i, end, "在")) != PARSE_NONE; i += 3) {
		for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
			size_t at = parse_find(r->text, i + 3, i + 3 + 3 * 6 < end ? i + 3 + 3 * 6 : end, units[k]);
			if (at == PARSE_NONE || parse_chars(r->text, i + 3, at, 5) < 2)
				continue;
			char *name = xstrndup(r->text + i + 3, at + 3 - (i + 3));
			if (may_contain(unit_level(name), level) && !strstr(r->meta.region, name))
				return name;
			free(name);
		}
	}
	char *g = city_guiding(r, level, end);
	return g ? g : city_in_passing(r, level);
}

/* 1 for a town named with its county and nothing above (大埔县茶阳镇, 东台市安丰镇): two units, the
 * first a county's or a 市, which above a town is a county-level city (but in the few cities without
 * districts, 东莞市, whose towns name their city already). It may gain the city above as a
 * county's name does. */
static int in_county(const char *region)
{
	size_t n = strlen(region);
	if (parse_region_units(region, 0, n) != 2 || unit_level(region) != REPORT_LEVEL_TOWN)
		return 0;
	for (size_t i = 0; i < n; encoding_next(region, n, &i)) {   /* the shortest head that is a unit */
		char *head = xstrndup(region, i);
		int lv = i ? unit_level(head) : REPORT_LEVEL_OTHER;
		free(head);
		if (lv != REPORT_LEVEL_OTHER)
			return lv == REPORT_LEVEL_COUNTY || lv == REPORT_LEVEL_CITY;
	}
	return 0;
}

/* The bytes of the units region opens with that parent ends with (安顺市西秀区 over 西秀区南街街道:
 * 西秀区; 黔西南州兴义市 over 兴义市: all of it), which the joined name holds once; 0 when none. */
static size_t shared_units(const char *parent, const char *region)
{
	size_t n = strlen(region), pn = strlen(parent), shared = 0;
	for (size_t i = 0; i < n && i < pn;) {
		encoding_next(region, n, &i);
		char *head = xstrndup(region, i);
		if (unit_level(head) != REPORT_LEVEL_OTHER && parse_ends(parent, 0, pn, head))
			shared = i;
		free(head);
	}
	return shared;
}

/* The region with the short name of an autonomous prefecture it opens with given whole
 * (黔西南州兴义市 → 黔西南布依族苗族自治州兴义市). */
static void whole_prefecture(struct report *r)
{
	char *whole = division_full_name(r->meta.region);
	if (whole) {
		free(r->meta.region);
		r->meta.region = whole;
	}
}

/* A county's, town's or county-level city's name alone gains the jurisdiction above it, when
 * the report names it, unless it carries that name already (廊坊经济技术开发区 under 廊坊市; but
 * 南昌县, a county named after its city, is 南昌市南昌县). Returns 1 when it gained one. */
static int add_parent(struct report *r, const struct parse_scan *sc)
{
	whole_prefecture(r);   /* 昌吉州 is 昌吉回族自治州, which holds no 昌吉州 */
	int level = unit_level(r->meta.region), added = 0;
	if (level != REPORT_LEVEL_COUNTY && level != REPORT_LEVEL_TOWN && level != REPORT_LEVEL_CITY)
		return 0;
	if (division_zone_name(r->meta.region, strlen(r->meta.region)))
		return 0;
	struct parse_region g;
	char *p = parent_region(r, sc, level);
	size_t pn = p ? strlen(p) - 3 : 0;   /* the parent's place name, its unit left off */
	if (p && !strstr(r->meta.region, p) &&
	    (strncmp(r->meta.region, p, pn) != 0 || !strncmp(r->meta.region + pn, "县", strlen("县"))) &&   /* 南昌县 in 南昌市 */
	    parse_region_split(r->meta.region, 0, strlen(r->meta.region), &g) && g.start == 0) {
		char *full = xasprintf("%s%s", p, r->meta.region + shared_units(p, r->meta.region));
		if (unit_level(full) == level) {
			free(r->meta.region);
			r->meta.region = full;
			added = 1;
			if (level == REPORT_LEVEL_CITY && r->meta.level == REPORT_LEVEL_CITY)
				r->meta.level = REPORT_LEVEL_COUNTY;   /* a city under a city */
		} else {
			free(full);
		}
	}
	free(p);
	return added;
}

/* The places above the jurisdiction that the report leaves out, from the table of divisions
 * (博罗县园洲镇 → 惠州市博罗县园洲镇); a county-level city (钟祥市) is a county's level, not a city's. */
static void complete_region(struct report *r)
{
	if (!r->meta.region)
		return;
	char *corps = parse_corps_region(r->meta.region);
	if (corps) {
		free(r->meta.region);
		r->meta.region = corps;
	}
	whole_prefecture(r);
	int county;
	char *full = division_complete(r->meta.region, r->text, r->len, &county);
	if (full) {
		free(r->meta.region);
		r->meta.region = full;
	}
	if (county && r->meta.level == REPORT_LEVEL_CITY)
		r->meta.level = REPORT_LEVEL_COUNTY;
	size_t province = division_province_len(r->meta.region);
	if (province)
		memmove(r->meta.region, r->meta.region + province, strlen(r->meta.region + province) + 1);
}

/* The jurisdiction a lead-in names: "现将婺源县2017年法治政府建设情况报告如下". */
static char *region_of_lead_in(const struct report *r, int *level)
{
	size_t end = r->nsections ? r->sections[0].start : r->body_end;
	size_t at = parse_find(r->text, r->body_start, end, "现将");
	if (at == PARSE_NONE)
		return NULL;
	at += strlen("现将");
	size_t stop = at, n = 0;
	while (stop < end && n < 20 && !is_digit_at(r->text, stop, end) && !parse_starts(r->text, stop, end, "关于") &&
	       !parse_starts(r->text, stop, end, "法治") && !parse_starts(r->text, stop, end, "的")) {
		encoding_next(r->text, end, &stop);
		n++;
	}
	return stop > at ? region_of(r->text + at, stop - at, level) : NULL;
}

/* The name that s[*at, *at + n) opens with, blanks before it left out: *at moves to its start;
 * returns its length, up to a blank (a table's next cell: 发布机构： 某区人民政府 成文日期： …). */
static size_t name_cell(const char *s, size_t *at, size_t n)
{
	size_t end = *at + n;
	*at = parse_skip_blanks(s, *at, end);
	for (size_t i = *at; i < end; i++)
		if (s[i] == '\t' || s[i] == ' ' || parse_starts(s, i, end, "\xe3\x80\x80"))
			return i - *at;
	return end - *at;
}

/* The region when name[0, n) gives its fuller form (湖里区 → 厦门市湖里区), or none was known. */
static void take_fuller(struct report *r, const char *name, size_t n, int *level)
{
	int lv;
	char *full = region_of(name, n, &lv);
	if (full && (!r->meta.region || (strlen(full) > strlen(r->meta.region) &&
	                                 parse_ends(full, 0, strlen(full), r->meta.region)))) {
		free(r->meta.region);
		r->meta.region = full;
		*level = lv;
	} else {
		free(full);
	}
}

/* The jurisdiction: from the title ("X人民政府关于…", "2021年度X…", "关于X2021年度…"), or the
 * fuller name the signature or a speech's occasion gives, else the issuer, else a lead-in
 * that names it, else the file's name. */
static void find_region(struct report *r, const struct parse_scan *sc)
{
	int level = REPORT_LEVEL_OTHER;
	const char *t = r->meta.title;
	if (t)
		r->meta.region = region_of(t, title_prefix(t), &level);
	if (!r->meta.region && t)
		r->meta.region = region_after_year(t, &level);
	if (!r->meta.region && t && parse_starts(t, 0, strlen(t), "关于"))
		r->meta.region = region_of(t + strlen("关于"), title_prefix(t + strlen("关于")), &level);
	if (r->meta.issuer)   /* the signature may give the fuller name: 湖里区 → 厦门市湖里区 */
		take_fuller(r, r->meta.issuer, strlen(r->meta.issuer), &level);
	size_t n, v = key_value(r, sc, issuer_keys, sizeof issuer_keys / sizeof *issuer_keys, &n);
	if (v != PARSE_NONE && r->meta.region) {   /* and so may the page's 发布机构, its cell alone */
		n = name_cell(r->text, &v, n);
		take_fuller(r, r->text + v, n, &level);
	}
	char date[11];
	size_t where, line = speech_line(r, sc, date, &where);
	if (line != PARSE_NONE && r->meta.region) {   /* 在乌鲁木齐市水磨沟区第十八届人民代表大会… */
		size_t end = sc->lines[line].end, k;
		static const char *const stops[] = { "第", "人民代表大会", "人大" };
		for (size_t q = 0; q < sizeof stops / sizeof *stops; q++)
			if ((k = parse_find(r->text, where, end, stops[q])) != PARSE_NONE)
				end = k;
		take_fuller(r, r->text + where, end - where, &level);
	}
	if (!r->meta.region)
		r->meta.region = region_of_lead_in(r, &level);
	if (!r->meta.region && r->path) {
		size_t st, n = file_stem(r->path, &st);
		char *stem = xstrndup(r->path + st, n);
		r->meta.region = region_of(stem, title_prefix(stem), &level);
		free(stem);
	}
	struct parse_region g;
	const char *is = r->meta.issuer;
	if (is && parse_region_split(is, 0, strlen(is), &g) && g.level == REPORT_LEVEL_DEPARTMENT)
		level = REPORT_LEVEL_DEPARTMENT;
	r->meta.level = r->meta.region ? level : REPORT_LEVEL_OTHER;
}

/* A salutation between the title and the first paragraph: "区人大常委会:". */
static void find_addressee(struct report *r, const struct parse_scan *sc)
{
	const char *s = r->text;
	size_t i = sc->title_last != PARSE_NONE ? sc->title_last + 1 : sc->body_first;
	for (; i < sc->n && !parse_line_opens(s, &sc->lines[i]); i++) {
		const struct parse_line *l = &sc->lines[i];
		if (parse_line_addressee(s, l)) {
			size_t end = l->end - (s[l->end - 1] == ':' ? 1 : 3);
			r->meta.addressee = xstrndup(s + l->start, end - l->start);
			return;
		}
	}
}

void parse_meta(struct report *r, const struct parse_scan *sc)
{
	find_title(r, sc);
	find_published(r, sc);
	find_doc_number(r, sc);
	find_issuer(r, sc);
	find_region(r, sc);
	find_addressee(r, sc);
	/* a town named alone gains its county, then maybe the city above that (荆州乡 → 绩溪县荆州乡
	 * by its addressee → 宣城市绩溪县荆州乡 by an award the city gave) */
	for (int up = 0; up < 2 && r->meta.region && (parse_region_units(r->meta.region, 0, strlen(r->meta.region)) == 1 ||
	                                             in_county(r->meta.region)); up++)
		if (!add_parent(r, sc))
			break;
	complete_region(r);
	find_year(r);
	if (r->nsections == 0)
		report_add_warning(r, REPORT_WARN_NO_HEADINGS, r->body_start, "no chapter headings found");
	if (r->meta.year == 0)
		report_add_warning(r, REPORT_WARN_NO_YEAR, r->body_start, "the year reported on is stated nowhere");
}
