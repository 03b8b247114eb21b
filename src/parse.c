/* parse.c — clean report text → struct report: cut lines, tell web chrome from the report, find the body. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "parse_scan.h"
#include "xmalloc.h"

/* Design limits: chrome is recognised line by line from the keys and markers below; a line
 * longer than LONG_LINE bytes is never chrome (footers are short), which keeps every test on
 * a line bounded or linear. The title is looked for only above the first line of prose. */
#define LONG_LINE 2000
#define TITLE_MAX 60    /* characters */
#define SHORT_LINE 30   /* characters: the first line of a two-line title, a signature */

/* Keys that open a chrome line when followed by a separator (or nothing): metadata tables,
 * breadcrumbs, share/print links, footers, feedback forms. Spaces inside a key are allowed. */
static const char *const chrome_keys[] = {
	"索引号", "发布机构", "主题分类", "信息名称", "文件编号", "产生日期", "公开方式", "公开日期",
	"发布日期", "发布时间", "组配分类", "体裁分类", "内容分类", "内容概述", "统一编号", "有效性",
	"公开范围", "公开时限", "责任处室", "废止日期", "成文日期", "发文机关", "发文字号", "文号",
	"信息来源", "来源", "作者", "浏览次数", "访问次数", "点击数", "阅读次数", "当前位置",
	"您当前的位置", "您现在的位置", "当前的位置", "首页", "热搜", "相关阅读", "相关文档",
	"相关链接", "分享到", "打印", "打印本页", "关闭", "关闭窗口", "留言咨询", "纠错", "我要纠错",
	"网站地图", "站点地图", "使用说明", "联系我们", "字体", "字号", "扫一扫", "返回顶部",
	"上一篇", "下一篇", "责任编辑", "主办单位", "承办单位", "技术支持", "(此件", "（此件",
	"时间", "日期", "点击量", "浏览量", "阅读量", "发布人", "发布者", "编辑", "审核", "供稿", "撰稿",
	"网站声明", "隐私声明", "关于本站",
};

/* Markers that make a line chrome wherever they stand, unless the line is prose. */
static const char *const chrome_marks[] = {
	"ICP备", "公网安备", "网站标识码", "CopyRight", "Copyright", "COPYRIGHT", "copyright",
	"版权所有", "【打印", "【关闭", "【字体", "【我要纠错", "【返回", "【收藏", "扫一扫",
};

static int is_space(uint32_t c)
{
	return c == ' ' || c == 0x3000;
}

size_t parse_key(const char *s, size_t i, size_t end, const char *key)
{
	size_t j = i, k = 0, klen = strlen(key);
	while (k < klen) {
		if (j >= end || s[j] != key[k]) {
			size_t t = j;
			if (k == 0 || j >= end || !is_space(parse_char(s, &t, end)))
				return 0;
			j = t;
			continue;
		}
		j++;
		k++;
	}
	return j - i;
}

/* 1 when what follows a key ends it: end of line, a colon, a blank, > or 】. */
static int key_ends(const char *s, size_t i, size_t end)
{
	if (i >= end)
		return 1;
	uint32_t c = parse_char(s, &i, end);
	return c == ':' || c == 0xff1a || parse_is_blank(c) || c == '>' || c == 0x3011 ||
	       c == '|' || c == 0x3010;
}

static int count_gt(const char *s, size_t i, size_t end)
{
	int n = 0;
	for (; i < end && n < 2; i++)
		n += s[i] == '>';
	return n;
}

static int is_chrome(const char *s, const struct parse_line *l)
{
	size_t st = l->start, end = l->end;
	if (end - st > LONG_LINE)
		return 0;
	int prose = parse_find(s, st, end, "。") != PARSE_NONE;
	if (s[st] == '>' || (!prose && count_gt(s, st, end) >= 2))
		return 1;   /* breadcrumb: 首页 > 政务公开 > … */
	for (size_t k = 0; k < sizeof chrome_keys / sizeof *chrome_keys; k++) {
		size_t n = parse_key(s, st, end, chrome_keys[k]);
		if (n && (key_ends(s, st + n, end) || chrome_keys[k][0] == '(' ||
		          memcmp(chrome_keys[k], "（", 3) == 0))
			return 1;
	}
	if (prose)
		return 0;
	for (size_t k = 0; k < sizeof chrome_marks / sizeof *chrome_marks; k++)
		if (parse_find(s, st, end, chrome_marks[k]) != PARSE_NONE)
			return 1;
	/* A form field: "您的姓名:*", "1.错误类:*". */
	return end - st >= 2 && (s[end - 1] == '*') &&
	       (s[end - 2] == ':' || parse_starts(s, end >= st + 4 ? end - 4 : st, end, "：*"));
}

size_t parse_chars(const char *s, size_t i, size_t end, size_t max)
{
	size_t n = 0;
	while (i < end && n <= max) {
		parse_char(s, &i, end);
		n++;
	}
	return n;
}

static int ends_with(const char *s, size_t st, size_t end, const char *lit)
{
	size_t n = strlen(lit);
	return end - st >= n && memcmp(s + end - n, lit, n) == 0;
}

static int has_any(const char *s, size_t st, size_t end, const char *const *lits, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (parse_find(s, st, end, lits[k]) != PARSE_NONE)
			return 1;
	return 0;
}

static const char *const clause_punct[] = { "。", "，", ",", "：", ":", "；", ";" };

/* A line that reads like a report title: short, unpunctuated, ending in 报告 (or 情况). */
static int is_title(const char *s, const struct parse_line *l)
{
	if (l->flags || parse_chars(s, l->start, l->end, TITLE_MAX) > TITLE_MAX)
		return 0;
	if (has_any(s, l->start, l->end, clause_punct, 7))
		return 0;
	return ends_with(s, l->start, l->end, "报告") ||
	       (ends_with(s, l->start, l->end, "情况") &&
	        parse_find(s, l->start, l->end, "法治") != PARSE_NONE);
}

/* Longest first, so that the whole suffix is stripped. */
static const char *const organ_suffixes[] = {
	"人民政府办公室", "人民政府", "管理委员会", "政府", "管委会", "委员会", "办公室", "办事处",
};

size_t parse_organ_suffix(const char *s, size_t st, size_t end)
{
	for (size_t k = 0; k < sizeof organ_suffixes / sizeof *organ_suffixes; k++)
		if (ends_with(s, st, end, organ_suffixes[k]))
			return strlen(organ_suffixes[k]);
	return 0;
}

/* The first line of a two-line title: "上海市静安区人民政府" above "关于…的报告". */
static int is_title_head(const char *s, const struct parse_line *l)
{
	if (l->flags || parse_chars(s, l->start, l->end, SHORT_LINE) > SHORT_LINE)
		return 0;
	if (has_any(s, l->start, l->end, clause_punct, 7))
		return 0;
	return parse_organ_suffix(s, l->start, l->end) > 0;
}

int parse_line_opens(const char *s, const struct parse_line *l)
{
	struct parse_mark m;
	return (l->flags & PARSE_LINE_PROSE) || (!l->flags && parse_mark(s, l->start, l->end, &m));
}

/* The title: the last title-like line above the first line of the body. */
static void find_title(struct parse_scan *sc)
{
	sc->title_first = sc->title_last = PARSE_NONE;
	for (size_t i = 0; i < sc->n && !parse_line_opens(sc->text, &sc->lines[i]); i++)
		if (is_title(sc->text, &sc->lines[i]))
			sc->title_first = sc->title_last = i;
	size_t t = sc->title_first;
	if (t != PARSE_NONE && t > 0 && parse_starts(sc->text, sc->lines[t].start, sc->lines[t].end, "关于") &&
	    is_title_head(sc->text, &sc->lines[t - 1]))
		sc->title_first = t - 1;
}

int parse_line_addressee(const char *s, const struct parse_line *l)
{
	if (l->flags || parse_chars(s, l->start, l->end, SHORT_LINE) > SHORT_LINE)
		return 0;
	if (!ends_with(s, l->start, l->end, ":") && !ends_with(s, l->start, l->end, "："))
		return 0;
	return !has_any(s, l->start, l->end, clause_punct, 3);
}

/* First line of the body: the title when the report follows it directly, else the first
 * line after the chrome that follows the title; with no title, the first line that opens
 * the report (prose, a heading or an addressee). */
static size_t find_body_first(const struct parse_scan *sc)
{
	size_t i;
	if (sc->title_first != PARSE_NONE) {
		for (i = sc->title_last + 1; i < sc->n && (sc->lines[i].flags & PARSE_LINE_CHROME); i++)
			;
		return i == sc->title_last + 1 ? sc->title_first : i;
	}
	for (i = 0; i < sc->n; i++)
		if (parse_line_opens(sc->text, &sc->lines[i]) || parse_line_addressee(sc->text, &sc->lines[i]))
			return i;
	for (i = 0; i < sc->n && (sc->lines[i].flags & PARSE_LINE_CHROME); i++)
		;
	return i;
}

/* Last line of the body: past the last line of prose, through what follows it (signature,
 * date) up to the first chrome line. */
static size_t find_body_last(const struct parse_scan *sc, size_t first)
{
	size_t last = first;
	for (size_t i = first; i < sc->n; i++)
		if (sc->lines[i].flags & PARSE_LINE_PROSE)
			last = i;
	while (last + 1 < sc->n && !(sc->lines[last + 1].flags & PARSE_LINE_CHROME))
		last++;
	return last;
}

static void add_paras(struct report *r, const struct parse_scan *sc)
{
	size_t cap = 0;
	r->npara = 0;
	for (size_t i = sc->body_first; i <= sc->body_last && i < sc->n; i++) {
		r->paras = xgrow(r->paras, &cap, r->npara + 1, sizeof *r->paras);
		struct para *p = &r->paras[r->npara++];
		p->start = sc->lines[i].start;
		p->end = sc->lines[i].end;
		p->section = -1;
		p->kind = PARA_TEXT;
	}
}

uint32_t parse_char(const char *s, size_t *i, size_t end)
{
	const unsigned char *p = (const unsigned char *)s + *i;
	size_t left = end - *i;
	int n = p[0] < 0x80 ? 1 : p[0] >= 0xf0 ? 4 : p[0] >= 0xe0 ? 3 : p[0] >= 0xc0 ? 2 : 0;
	if (n == 0 || (size_t)n > left) {
		*i += 1;
		return n == 1 ? p[0] : 0xfffd;
	}
	uint32_t c = n == 1 ? p[0] : p[0] & (0x7f >> n);
	for (int k = 1; k < n; k++) {
		if ((p[k] & 0xc0) != 0x80) {
			*i += 1;
			return 0xfffd;
		}
		c = c << 6 | (p[k] & 0x3f);
	}
	*i += (size_t)n;
	return c;
}

int parse_is_blank(uint32_t c)
{
	return c == ' ' || c == 0xa0 || c == 0x3000;
}

size_t parse_skip_blanks(const char *s, size_t i, size_t end)
{
	while (i < end) {
		size_t t = i;
		if (!parse_is_blank(parse_char(s, &t, end)))
			break;
		i = t;
	}
	return i;
}

int parse_starts(const char *s, size_t i, size_t end, const char *lit)
{
	size_t n = strlen(lit);
	return end - i >= n && memcmp(s + i, lit, n) == 0;
}

size_t parse_find(const char *s, size_t i, size_t end, const char *lit)
{
	size_t n = strlen(lit);
	while (i < end && end - i >= n) {
		const char *p = memchr(s + i, lit[0], end - i - n + 1);
		if (!p)
			break;
		i = (size_t)(p - s);
		if (memcmp(p, lit, n) == 0)
			return i;
		i++;
	}
	return PARSE_NONE;
}

static int cn_digit(const char *s, size_t *i, size_t end)
{
	static const char *const digits[] = { "一", "二", "三", "四", "五", "六", "七", "八", "九" };
	for (int d = 0; d < 9; d++)
		if (parse_starts(s, *i, end, digits[d])) {
			*i += 3;
			return d + 1;
		}
	return 0;
}

int parse_cn_numeral(const char *s, size_t *i, size_t end)
{
	size_t j = *i;
	int tens = cn_digit(s, &j, end), v;
	if (parse_starts(s, j, end, "十")) {
		j += 3;
		v = (tens ? tens : 1) * 10 + cn_digit(s, &j, end);
	} else {
		v = tens;
	}
	if (v)
		*i = j;
	return v;
}

long parse_digits(const char *s, size_t *i, size_t end, int max)
{
	long v = 0;
	int n = 0;
	size_t j = *i;
	while (n < max && j < end) {
		if (s[j] >= '0' && s[j] <= '9') {
			v = v * 10 + (s[j] - '0');
			j++;
		} else if (parse_starts(s, j, end, "\xef\xbc") && j + 2 < end &&
		           (unsigned char)s[j + 2] >= 0x90 && (unsigned char)s[j + 2] <= 0x99) {
			v = v * 10 + ((unsigned char)s[j + 2] - 0x90);   /* ０–９ U+FF10–U+FF19 */
			j += 3;
		} else {
			break;
		}
		n++;
	}
	if (n == 0)
		return -1;
	*i = j;
	return v;
}

void parse_scan_lines(struct parse_scan *sc, const char *text, size_t len)
{
	sc->text = text;
	sc->len = len;
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t eol = nl ? (size_t)(nl - text) : len;
		size_t st = parse_skip_blanks(text, i, eol), end = eol;
		while (end > st) {
			size_t k = end - 1;
			while (k > st && ((unsigned char)text[k] & 0xc0) == 0x80)
				k--;
			size_t t = k;
			if (!parse_is_blank(parse_char(text, &t, eol)))
				break;
			end = k;
		}
		if (end > st) {
			sc->lines = xgrow(sc->lines, &sc->cap, sc->n + 1, sizeof *sc->lines);
			struct parse_line *l = &sc->lines[sc->n++];
			l->start = st;
			l->end = end;
			l->flags = is_chrome(text, l) ? PARSE_LINE_CHROME : 0;
			if (!l->flags && parse_find(text, st, end, "。") != PARSE_NONE)
				l->flags = PARSE_LINE_PROSE;
		}
		i = eol + 1;
	}
}

struct report *parse_report(char *text, size_t len, const char *path)
{
	struct report *r = xcalloc(1, sizeof *r);
	r->path = xstrdup(path ? path : "");
	r->text = text;
	r->len = len;

	struct parse_scan sc = { 0 };
	parse_scan_lines(&sc, text, len);
	find_title(&sc);
	sc.body_first = find_body_first(&sc);
	if (sc.body_first < sc.n) {
		sc.body_last = find_body_last(&sc, sc.body_first);
		r->body_start = sc.lines[sc.body_first].start;
		r->body_end = sc.lines[sc.body_last].end;
	} else {
		sc.body_last = 0;
		r->body_start = r->body_end = len;
	}
	add_paras(r, &sc);
	parse_headings(r);
	parse_meta(r, &sc);
	free(sc.lines);
	return r;
}
