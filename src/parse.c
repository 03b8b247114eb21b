/* parse.c — clean report text → struct report: cut lines, tell web chrome from the report, find the body. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "page_number.h"
#include "parse_scan.h"
#include "xmalloc.h"

/* Design limits: chrome is recognised line by line from the keys and markers below; a line
 * longer than LONG_LINE bytes is never chrome (footers are short), which keeps every test on
 * a line bounded or linear. The title is looked for only above the first line of prose. */
#define LONG_LINE 2000
#define TITLE_MAX 60    /* characters */
#define SHORT_LINE 30   /* characters: the first line of a two-line title, a signature */
#define FLAT_LINE 300   /* bytes: a shorter line is never a flattened page */
#define DOC_NUMBER_MAX 64 /* bytes of a document number (12 characters, year, number) */

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
	"网站声明", "隐私声明", "关于本站", "标题", "栏目", "所属栏目", "原文链接", "本地目录",
	"附件下载", "抄送", "分享", "收藏", "所属机构", "信息分类", "生成日期", "公开形式",
};

/* The words of a share or print bar ("微信 微博 QQ空间"); a line of nothing else is chrome. */
static const char *const bar_words[] = {
	"微信", "微博", "QQ空间", "QQ好友", "QQ", "朋友圈", "分享到", "分享", "收藏", "打印", "关闭",
	"人人网", "豆瓣", "腾讯", "新浪", "字体", "大", "中", "小", "默认", "【", "】", "[", "]",
	"：", ":", "|", "｜",
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

/* 0 when key cannot begin at s[i], as most keys cannot: they differ at once, or at their first
 * Chinese character (no blank may stand inside it). The loops over all the keys test this
 * before they call parse_key. */
static inline int key_may_start(const char *s, size_t i, size_t end, const char *key)
{
	if (i >= end || s[i] != key[0])
		return 0;
	return (unsigned char)key[0] < 0xe0 || (end - i >= 3 && s[i + 1] == key[1] && s[i + 2] == key[2]);
}

size_t parse_key(const char *s, size_t i, size_t end, const char *key)
{
	if (!key_may_start(s, i, end, key))
		return 0;
	size_t j = i, k = 0;
	while (key[k]) {
		if (j >= end || s[j] != key[k]) {
			size_t t = j;
			if (k == 0 || j >= end || !is_space(encoding_next(s, end, &t)))
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
	uint32_t c = encoding_next(s, end, &i);
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

/* 1 when s[st, end) is made of bar words and blanks only. */
static int bar_only(const char *s, size_t st, size_t end)
{
	size_t i = st;
	while ((i = parse_skip_blanks(s, i, end)) < end) {
		size_t k = 0;
		while (k < sizeof bar_words / sizeof *bar_words && !parse_starts(s, i, end, bar_words[k]))
			k++;
		if (k == sizeof bar_words / sizeof *bar_words)
			return 0;
		i += strlen(bar_words[k]);
	}
	return 1;
}

/* A rule drawn with = - — or *, as archives set between their header and the page. */
static int is_rule(const char *s, size_t st, size_t end)
{
	return parse_starts(s, st, end, "===") || parse_starts(s, st, end, "---") ||
	       parse_starts(s, st, end, "———") || parse_starts(s, st, end, "***");
}

/* The fields crawlers name in English, each name as parse_english_field compares it: lower case,
 * without _ and -. */
static const struct {
	const char *name;
	int kind;
} english_fields[] = {
	{ "title", PARSE_FIELD_TITLE }, { "articletitle", PARSE_FIELD_TITLE }, { "doctitle", PARSE_FIELD_TITLE },
	{ "headline", PARSE_FIELD_TITLE }, { "pagetitle", PARSE_FIELD_TITLE },
	{ "publishtime", PARSE_FIELD_PUBLISHED }, { "publishdate", PARSE_FIELD_PUBLISHED },
	{ "publishedtime", PARSE_FIELD_PUBLISHED }, { "publisheddate", PARSE_FIELD_PUBLISHED },
	{ "publishedat", PARSE_FIELD_PUBLISHED }, { "published", PARSE_FIELD_PUBLISHED },
	{ "pubtime", PARSE_FIELD_PUBLISHED }, { "pubdate", PARSE_FIELD_PUBLISHED },
	{ "releasetime", PARSE_FIELD_PUBLISHED }, { "releasedate", PARSE_FIELD_PUBLISHED },
	{ "issuetime", PARSE_FIELD_PUBLISHED }, { "issuedate", PARSE_FIELD_PUBLISHED },
	{ "posttime", PARSE_FIELD_PUBLISHED }, { "postdate", PARSE_FIELD_PUBLISHED },
	{ "date", PARSE_FIELD_PUBLISHED }, { "time", PARSE_FIELD_PUBLISHED }, { "datetime", PARSE_FIELD_PUBLISHED },
	{ "docno", PARSE_FIELD_DOC_NUMBER }, { "docnumber", PARSE_FIELD_DOC_NUMBER },
	{ "documentno", PARSE_FIELD_DOC_NUMBER }, { "documentnumber", PARSE_FIELD_DOC_NUMBER },
	{ "fileno", PARSE_FIELD_DOC_NUMBER }, { "filenumber", PARSE_FIELD_DOC_NUMBER },
	{ "wenhao", PARSE_FIELD_DOC_NUMBER }, { "refno", PARSE_FIELD_DOC_NUMBER },
	{ "content", PARSE_FIELD_TEXT }, { "text", PARSE_FIELD_TEXT }, { "body", PARSE_FIELD_TEXT },
	{ "article", PARSE_FIELD_TEXT }, { "maintext", PARSE_FIELD_TEXT },
	{ "url", PARSE_FIELD_OTHER }, { "link", PARSE_FIELD_OTHER }, { "href", PARSE_FIELD_OTHER },
	{ "source", PARSE_FIELD_OTHER }, { "sourceurl", PARSE_FIELD_OTHER }, { "site", PARSE_FIELD_OTHER },
	{ "sitename", PARSE_FIELD_OTHER }, { "website", PARSE_FIELD_OTHER }, { "domain", PARSE_FIELD_OTHER },
	{ "author", PARSE_FIELD_OTHER }, { "editor", PARSE_FIELD_OTHER }, { "publisher", PARSE_FIELD_OTHER },
	{ "department", PARSE_FIELD_OTHER }, { "agency", PARSE_FIELD_OTHER }, { "organ", PARSE_FIELD_OTHER },
	{ "channel", PARSE_FIELD_OTHER }, { "column", PARSE_FIELD_OTHER }, { "category", PARSE_FIELD_OTHER },
	{ "crawltime", PARSE_FIELD_OTHER }, { "crawledat", PARSE_FIELD_OTHER }, { "crawldate", PARSE_FIELD_OTHER },
	{ "fetchtime", PARSE_FIELD_OTHER }, { "fetchedat", PARSE_FIELD_OTHER }, { "spidertime", PARSE_FIELD_OTHER },
	{ "updatetime", PARSE_FIELD_OTHER }, { "updatedat", PARSE_FIELD_OTHER }, { "createtime", PARSE_FIELD_OTHER },
	{ "createdat", PARSE_FIELD_OTHER }, { "id", PARSE_FIELD_OTHER }, { "uuid", PARSE_FIELD_OTHER },
	{ "status", PARSE_FIELD_OTHER }, { "tags", PARSE_FIELD_OTHER }, { "keywords", PARSE_FIELD_OTHER },
	{ "attachments", PARSE_FIELD_OTHER }, { "attachment", PARSE_FIELD_OTHER }, { "files", PARSE_FIELD_OTHER },
	{ "views", PARSE_FIELD_OTHER }, { "clicks", PARSE_FIELD_OTHER }, { "language", PARSE_FIELD_OTHER },
	{ "lang", PARSE_FIELD_OTHER }, { "encoding", PARSE_FIELD_OTHER }, { "indexno", PARSE_FIELD_OTHER },
};

#define FIELD_NAME_MAX 24   /* bytes of an English field name */

int parse_english_field(const char *s, size_t st, size_t end, size_t *value, size_t *value_end)
{
	char name[FIELD_NAME_MAX + 1];
	size_t i = st + (st < end && s[st] == '"'), k = 0;
	for (; i < end; i++) {
		char c = s[i];
		if (c == '_' || c == '-')
			continue;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) || k == FIELD_NAME_MAX)
			break;
		name[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	name[k] = '\0';
	if (!k || i >= end)
		return PARSE_FIELD_NONE;
	i += s[st] == '"' && s[i] == '"';
	while (i < end && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (parse_starts(s, i, end, ":"))
		i++;
	else if (parse_starts(s, i, end, "："))
		i += strlen("：");
	else
		return PARSE_FIELD_NONE;
	size_t k2 = 0;
	while (k2 < sizeof english_fields / sizeof *english_fields && strcmp(english_fields[k2].name, name) != 0)
		k2++;
	if (k2 == sizeof english_fields / sizeof *english_fields)
		return PARSE_FIELD_NONE;
	i = parse_skip_blanks(s, i, end);
	i += i < end && s[i] == '"';
	size_t e = end;
	while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
		e--;
	e -= e > i && s[e - 1] == ',';
	e -= e > i && s[e - 1] == '"';
	*value = i;
	*value_end = e;
	return english_fields[k2].kind;
}

/* 1 for a page's number between dashes, as text saved from a printed document keeps it on a
 * line of its own: — 3 —, -4-, －5－. */
static int page_number(const char *s, size_t st, size_t end)
{
	static const char *const dashes[] = { "—", "－", "–", "-" };
	int sides = 0;
	for (int side = 0; side < 2; side++) {
		st = parse_skip_blanks(s, st, end);
		for (size_t k = 0; k < sizeof dashes / sizeof *dashes; k++)
			while (parse_starts(s, st, end, dashes[k]))
				st += strlen(dashes[k]), sides |= 1 << side;
		st = parse_skip_blanks(s, st, end);
		if (side == 0 && parse_digits(s, &st, end, 4) < 0)
			return 0;
	}
	return sides == 3 && st == end;
}

#define TOC_LEADERS 3   /* leader characters before a contents entry's page number, at least */

/* An entry of a table of contents, or a line of them run together as a PDF's text joins them
 * (…主要举措和成效……………… 1): leader dots, then a page number, at the line's end; or a long run of
 * leader dots alone, the page number set apart. */
static int contents_entry(const char *s, size_t st, size_t end)
{
	size_t i = end, at, digits = 0, leaders = 0;
	uint32_t c;
	while ((c = parse_prev_char(s, st, i, &at)) && parse_is_blank(c))
		i = at;
	while ((c = parse_prev_char(s, st, i, &at)) && ((c >= '0' && c <= '9') || (c >= 0xff10 && c <= 0xff19)))
		i = at, digits++;
	while ((c = parse_prev_char(s, st, i, &at)) && parse_is_blank(c))
		i = at;
	while ((c = parse_prev_char(s, st, i, &at)) && (c == '.' || c == 0x2026 || c == 0xb7 || c == 0xff0e ||
							  c == 0x22ef || c == 0x30fb))
		i = at, leaders++;   /* . … · ． ⋯ ・ */
	/* its page number may stand apart, where a PDF's text set it (a long run of leaders then) */
	return digits <= 3 && leaders >= (digits ? TOC_LEADERS : 2 * TOC_LEADERS) && i > st;
}

/* The heading of a table of contents: 目录, blanks between or not. */
static int contents_heading(const char *s, size_t st, size_t end)
{
	size_t i = parse_skip_blanks(s, st, end);
	if (!parse_starts(s, i, end, "目"))
		return 0;
	i = parse_skip_blanks(s, i + strlen("目"), end);
	return parse_starts(s, i, end, "录") && parse_skip_blanks(s, i + strlen("录"), end) == end;
}

static int is_chrome_key_at(const char *s, size_t i, size_t end)
{
	for (size_t k = 0; k < sizeof chrome_keys / sizeof *chrome_keys; k++) {
		size_t n = key_may_start(s, i, end, chrome_keys[k]) ? parse_key(s, i, end, chrome_keys[k]) : 0;
		if (n && key_ends(s, i + n, end))
			return 1;
	}
	return 0;
}

/* Bytes of a chrome key (of three characters or more, so no word of a title) at s[i]; 0 when none. */
static size_t chrome_key_len(const char *s, size_t i, size_t end)
{
	for (size_t k = 0; k < sizeof chrome_keys / sizeof *chrome_keys; k++) {
		size_t n = strlen(chrome_keys[k]);
		if (n >= 9 && parse_starts(s, i, end, chrome_keys[k]))
			return n;
	}
	return 0;
}

static int is_chrome(const char *s, const struct parse_line *l)
{
	size_t st = l->start, end = l->end;
	if (end - st > LONG_LINE)
		return 0;
	int prose = parse_find(s, st, end, "。") != PARSE_NONE;
	if (s[st] == '>' || (!prose && count_gt(s, st, end) >= 2))
		return 1;   /* breadcrumb: 首页 > 政务公开 > … */
	if (contents_entry(s, st, end) || (!prose && contents_heading(s, st, end)))
		return 1;   /* a table of contents before the report, its entries' headings ending as
		             * they are written (（一）深入学习贯彻党的二十大精神。……7): no heading of it */
	size_t v, ve;
	int field = parse_english_field(s, st, end, &v, &ve);
	if (field != PARSE_FIELD_NONE && (field != PARSE_FIELD_TEXT || v == ve))
		return 1;   /* a crawler's field: url: …, "publish_time": "…", */
	for (size_t k = 0; k < sizeof chrome_keys / sizeof *chrome_keys; k++) {
		size_t n = key_may_start(s, st, end, chrome_keys[k]) ? parse_key(s, st, end, chrome_keys[k]) : 0;
		if (n && (key_ends(s, st + n, end) || chrome_keys[k][0] == '(' ||
		          memcmp(chrome_keys[k], "（", 3) == 0))
			return 1;
	}
	if (prose)
		return 0;
	/* The closing block of an official document: "…办公室 2021年3月5日印发". */
	if (is_rule(s, st, end) || bar_only(s, st, end) || parse_ends(s, st, end, "印发") || page_number(s, st, end))
		return 1;
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
		encoding_next(s, end, &i);
		n++;
	}
	return n;
}

static int has_any(const char *s, size_t st, size_t end, const char *const *lits, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (parse_find(s, st, end, lits[k]) != PARSE_NONE)
			return 1;
	return 0;
}

static const char *const clause_punct[] = { "。", "，", ",", "：", ":", "；", ";" };

int parse_title_like(const char *s, size_t st, size_t end)
{
	if (parse_chars(s, st, end, TITLE_MAX) > TITLE_MAX || has_any(s, st, end, clause_punct, 7))
		return 0;
	if (parse_ends(s, st, end, "报告"))
		return 1;
	return (parse_ends(s, st, end, "情况") || parse_ends(s, st, end, "总结")) &&
	       (parse_find(s, st, end, "法治") != PARSE_NONE || parse_find(s, st, end, "依法") != PARSE_NONE);
}

static int is_title(const char *s, const struct parse_line *l)
{
	return !(l->flags & PARSE_LINE_KIND) && parse_title_like(s, l->start, l->end);
}

/* Longest first, so that the whole suffix is stripped. */
static const char *const organ_suffixes[] = {
	"人民政府办公室", "人民政府", "管理委员会", "政府", "管委会", "委员会", "办公室", "办事处", "局",
};

size_t parse_organ_suffix(const char *s, size_t st, size_t end)
{
	for (size_t k = 0; k < sizeof organ_suffixes / sizeof *organ_suffixes; k++)
		if (parse_ends(s, st, end, organ_suffixes[k]))
			return strlen(organ_suffixes[k]);
	return 0;
}

/* The first line of a two-line title: "上海市静安区人民政府" above "关于…的报告". */
static int is_title_head(const char *s, const struct parse_line *l)
{
	if ((l->flags & PARSE_LINE_KIND) || parse_chars(s, l->start, l->end, SHORT_LINE) > SHORT_LINE)
		return 0;
	if (has_any(s, l->start, l->end, clause_punct, 7))
		return 0;
	return parse_organ_suffix(s, l->start, l->end) > 0;
}

/* A sentence that leads into the report: "现将有关情况报告如下：". */
static int is_lead_in(const char *s, const struct parse_line *l)
{
	return !(l->flags & PARSE_LINE_KIND) && (parse_ends(s, l->start, l->end, "如下：") || parse_ends(s, l->start, l->end, "如下:"));
}

int parse_line_opens(const char *s, const struct parse_line *l)
{
	struct parse_mark m;
	return (l->flags & PARSE_LINE_PROSE) || is_lead_in(s, l) ||
	       (!(l->flags & PARSE_LINE_KIND) && parse_mark(s, l->start, l->end, &m));
}

/* The first line of a title broken anywhere after its 关于 ("…人民政府关于2015年度依法行政" /
 * "和法治政府建设工作情况的报告"): short, no clause in it, its 关于, no 报告 yet. */
static int opens_broken_title(const char *s, const struct parse_line *l)
{
	return !(l->flags & PARSE_LINE_KIND) && parse_chars(s, l->start, l->end, SHORT_LINE) <= SHORT_LINE &&
	       !has_any(s, l->start, l->end, clause_punct, 7) && parse_find(s, l->start, l->end, "关于") != PARSE_NONE &&
	       parse_find(s, l->start, l->end, "报告") == PARSE_NONE;
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
	else if (t != PARSE_NONE && t > 0 && opens_broken_title(sc->text, &sc->lines[t - 1]))
		sc->title_first = t - 1;
}

int parse_line_addressee(const char *s, const struct parse_line *l)
{
	if ((l->flags & PARSE_LINE_KIND) || parse_chars(s, l->start, l->end, SHORT_LINE) > SHORT_LINE)
		return 0;
	if (!parse_ends(s, l->start, l->end, ":") && !parse_ends(s, l->start, l->end, "："))
		return 0;
	if (is_lead_in(s, l))
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

/* 1 for a line that opens what is appended to a report: 附件：1.…, 附件1, 附表：…. */
static int opens_appendix(const char *s, const struct parse_line *l)
{
	size_t i = parse_skip_blanks(s, l->start, l->end);
	if (!parse_starts(s, i, l->end, "附件") && !parse_starts(s, i, l->end, "附表"))
		return 0;
	i += strlen("附件");
	if (i >= l->end)
		return 1;
	uint32_t c = encoding_next(s, l->end, &i);
	return c == ':' || c == 0xff1a || (c >= '0' && c <= '9') || parse_is_blank(c);
}

/* 1 for the line that opens an official document's closing block (版记), whose list of those
 * it is copied to may run over lines ending in 。: 抄送：…, 抄报：…. */
static int opens_copy_list(const char *s, const struct parse_line *l)
{
	size_t i = parse_skip_blanks(s, l->start, l->end);
	return (parse_starts(s, i, l->end, "抄送") || parse_starts(s, i, l->end, "抄报")) && key_ends(s, i + strlen("抄送"), l->end);
}

/* 1 for a document's note of how it is released: （此件公开发布）, （此件主动公开）. */
static int release_note(const char *s, const struct parse_line *l)
{
	size_t at = parse_skip_blanks(s, l->start, l->end);
	return parse_starts(s, at, l->end, "（此件") || parse_starts(s, at, l->end, "(此件");
}

/* 1 for a document's note of how it is released, （此件公开发布） or （此件主动公开）, standing above
 * its signature and date (line i): as much the document's as the signature. Below the date, or
 * alone on a page, it is the chrome it usually is. */
static int note_above_signature(const struct parse_scan *sc, size_t i)
{
	const char *s = sc->text;
	const struct parse_line *l = &sc->lines[i];
	if (!release_note(s, l))
		return 0;
	for (size_t k = i + 1; k < sc->n && k <= i + 2; k++) {
		if (sc->lines[k].flags & PARSE_LINE_CHROME)
			return 0;
		if (parse_date_line(s, &sc->lines[k]))
			return 1;
	}
	return 0;
}

/* Last line of the body: past the last line of prose, through what follows it (signature,
 * date) up to the first chrome line; but a report's text ends at the date under its signature
 * when what it appends follows (附件、附表: tables of figures, lists of files), which is no
 * chapter of it. */
static size_t find_body_last(const struct parse_scan *sc, size_t first)
{
	size_t last = first;
	for (size_t i = first; i < sc->n && !opens_copy_list(sc->text, &sc->lines[i]); i++)
		if (sc->lines[i].flags & PARSE_LINE_PROSE)
			last = i;
	while (last + 1 < sc->n &&
	       (!(sc->lines[last + 1].flags & PARSE_LINE_CHROME) || note_above_signature(sc, last + 1)))
		last++;
	while (last > first && page_number_line(sc->text + sc->lines[last].start, sc->lines[last].end - sc->lines[last].start, 0))
		last--;   /* 第6页 共6页 under the date: the last page's number, not the report's */
	for (size_t i = first + 2; i <= last; i++) {
		if (!opens_appendix(sc->text, &sc->lines[i]))
			continue;
		if (parse_date_line(sc->text, &sc->lines[i - 1]))
			return i - 1;
		if (i >= first + 3 && release_note(sc->text, &sc->lines[i - 1]) && parse_date_line(sc->text, &sc->lines[i - 2]))
			return i - 2;   /* 2023年2月20日 / （此件公开发布）, chrome below a date / 附件 */
	}
	return last;
}

int parse_is_blank(uint32_t c)
{
	return c == ' ' || c == 0xa0 || c == 0x3000;
}

int parse_is_line_blank(uint32_t c)
{
	return parse_is_blank(c) || c == '\t' || c == '\r';
}

size_t parse_blank_len(const char *s, size_t i, size_t end)
{
	const unsigned char *p = (const unsigned char *)s + i;
	if (p[0] == ' ')
		return 1;
	if (p[0] == 0xc2 && end - i >= 2 && p[1] == 0xa0)
		return 2;   /* U+00A0 */
	if (p[0] == 0xe3 && end - i >= 3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;   /* U+3000 */
	return 0;
}

size_t parse_skip_blanks(const char *s, size_t i, size_t end)
{
	for (size_t len; i < end && (len = parse_blank_len(s, i, end));)
		i += len;
	return i;
}

size_t parse_find(const char *s, size_t i, size_t end, const char *lit)
{
	size_t n = strlen(lit);
	if (n == 0)
		return i < end ? i : PARSE_NONE;
	return parse_find_bytes(s, i, end, lit, n);
}

size_t parse_find_bytes(const char *s, size_t i, size_t end, const char *lit, size_t n)
{
	/* The places holding its last byte: of a Chinese literal, a byte that far fewer of the
	 * text's bytes are than its lead (E4–E9 begin most of the text's characters). */
	while (i < end && end - i >= n) {
		const char *p = memchr(s + i + n - 1, lit[n - 1], end - i - n + 1);
		if (!p)
			break;
		i = (size_t)(p - s) - (n - 1);
		if (memcmp(s + i, lit, n) == 0)
			return i;
		i++;
	}
	return PARSE_NONE;
}

int parse_cn_digit(uint32_t c)
{
	static const uint32_t digits[] = { 0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d };
	if (c == 0x3007 || c == 0x25cb || c == 0x96f6)   /* 〇 ○ 零 */
		return 0;
	if (c < 0x4e00 || c > 0x56db)   /* 一 … 四: outside, as most characters are, none */
		return -1;
	for (int d = 0; d < 9; d++)
		if (c == digits[d])
			return d + 1;
	return -1;
}

int parse_cn_unit(uint32_t c)
{
	return c == 0x5341 ? 10 : c == 0x767e ? 100 : c == 0x5343 ? 1000 : 0;   /* 十 百 千 */
}

/* 一 … 九 at s[*i], advancing *i past it; 0 when none. */
static int cn_digit(const char *s, size_t *i, size_t end)
{
	if (*i >= end)
		return 0;
	size_t t = *i;
	int d = parse_cn_digit(encoding_next(s, end, &t));
	if (d <= 0)
		return 0;
	*i = t;
	return d;
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

int parse_digit_value(uint32_t c)
{
	return c >= '0' && c <= '9' ? (int)(c - '0') : c >= 0xff10 && c <= 0xff19 ? (int)(c - 0xff10) : -1;
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

/* Where the blanks that end s[st, end) begin. */
static size_t blanks_before(const char *s, size_t st, size_t end)
{
	while (end > st) {
		size_t k = end - 1;
		while (k > st && ((unsigned char)s[k] & 0xc0) == 0x80)
			k--;
		size_t t = k;
		if (!parse_is_blank(encoding_next(s, end, &t)))
			break;
		end = k;
	}
	return end;
}

/* Adds s[st, end) as a line of the scan, blanks trimmed at both ends; nothing when blank. */
static void push_line(struct parse_scan *sc, size_t st, size_t end, unsigned block)
{
	const char *text = sc->text;
	st = parse_skip_blanks(text, st, end);
	end = blanks_before(text, st, end);
	if (st == end)
		return;
	sc->lines = xgrow(sc->lines, &sc->cap, sc->n + 1, sizeof *sc->lines);
	struct parse_line *l = &sc->lines[sc->n++];
	l->start = st;
	l->end = end;
	l->flags = is_chrome(text, l) ? PARSE_LINE_CHROME : 0;
	if (!l->flags && parse_find(text, st, end, "。") != PARSE_NONE)
		l->flags = PARSE_LINE_PROSE;
	l->flags |= block;
}

/* 1 when a chapter ordinal (一、 （一）) stands inside s[st, end) after a sentence end, a colon
 * or a blank: a heading run into the text before it. One pass over the bytes. */
static int holds_heading(const char *s, size_t st, size_t end)
{
	static const unsigned char may_stop[256] = {   /* 。 U+3000 (E3 80 ..), ！？： (EF BC ..), a space */
		[0xe3] = 1, [0xef] = 1, [' '] = 1,
	};
	for (size_t i = st + 1; i + 3 < end; i++) {
		unsigned char b = (unsigned char)s[i];
		if (!may_stop[b]) {
			i += encoding_step(b) - 1;   /* report text is clean UTF-8 */
			continue;
		}
		size_t n = i;
		uint32_t c = encoding_next(s, end, &n);
		if (c != 0x3002 && c != 0xff01 && c != 0xff1f && c != 0xff1a && c != ' ' && c != 0x3000)
			continue;
		n = parse_skip_blanks(s, n, end);
		int level = n < end ? parse_opens_heading(s, n, end) : 0;
		if (level == 1 || level == 2)
			return 1;
	}
	return 0;
}

/* A line that holds a whole page: several sentences, long, and either most of the text or
 * holding a chapter heading inside it. A crawler that flattens a page joins its blocks
 * (breadcrumb, title, date, share bar, paragraphs, footer) with blanks, or with nothing. */
static int is_flattened(const char *s, size_t st, size_t end, size_t len)
{
	if (end - st < FLAT_LINE)
		return 0;
	size_t i = st;
	int n = 0;
	while (n < 3 && (i = parse_find(s, i, end, "。")) != PARSE_NONE) {
		n++;
		i += 3;
	}
	return n >= 3 && (2 * (end - st) > len || holds_heading(s, st, end));
}

static int is_alnum(uint32_t c)
{
	return c < 0x80 && ((c | 0x20) - 'a' < 26 || c - '0' < 10);
}

static int is_chrome_key_at(const char *s, size_t i, size_t end);

/* 1 when s[i] opens a heading, a 一是 point or a chrome key: what a block may begin with. */
static int block_opens(const char *s, size_t i, size_t end)
{
	size_t t = i;
	if (parse_cn_numeral(s, &t, end) && parse_starts(s, t, end, "是"))
		return 1;
	return parse_opens_heading(s, i, end) || is_chrome_key_at(s, i, end);
}

/* The character before s[i] (i > st), or 0. */
uint32_t parse_prev_char(const char *s, size_t st, size_t i, size_t *at)
{
	size_t p = i;
	while (p > st && ((unsigned char)s[p - 1] & 0xc0) == 0x80)
		p--;
	if (p == st)
		return 0;
	*at = --p;
	return encoding_next(s, i, &p);
}

static uint32_t char_before(const char *s, size_t st, size_t i)
{
	size_t at;
	return parse_prev_char(s, st, i, &at);
}

static int closes_block(uint32_t c)
{
	return c == 0x3002 || c == 0xff01 || c == 0xff1f;   /* 。！？ */
}

/* Where a blank at s[b0, b1) joins two blocks of a flattened page: after a sentence ends, before a heading, a point or a chrome key, or anywhere in the furniture
 * before the page's first sentence or after its last; never between two Latin words or
 * numbers ("10:09 AM"), nor after a key's colon unless a heading follows. */
static int block_break(const char *s, size_t st, size_t b0, size_t b1, size_t end,
                       size_t first_dot, size_t last_dot)
{
	if (b0 == st || b1 >= end)
		return 0;
	uint32_t before = char_before(s, st, b0), after = encoding_next(s, end, &(size_t){ b1 });
	if (is_alnum(before) && is_alnum(after))
		return 0;
	if (block_opens(s, b1, end))
		return 1;
	if (before == ':' || before == 0xff1a)   /* a key's value follows, or an addressee ends */
		return parse_organ_suffix(s, st, b0 - (before == ':' ? 1 : 3)) > 0 &&
		       parse_chars(s, st, b0, SHORT_LINE) <= SHORT_LINE;
	return closes_block(before) || b0 < first_dot || b1 > last_dot;
}

/* Cuts a flattened line at its block breaks; each block becomes a line of the scan. Blanks
 * inside brackets and quotes (“德以静心 法以安身”) are the text's own. */
/* 1 when s[b, e) holds a year: four digits and 年. */
static int year_in(const char *s, size_t b, size_t e)
{
	for (size_t at = b; (at = parse_find(s, at, e, "年")) != PARSE_NONE; at += 3) {
		size_t d = at >= b + 4 ? at - 4 : b, t = d;
		if (at >= b + 4 && parse_digits(s, &t, at, 4) >= 1000 && t == at)
			return 1;
	}
	return 0;
}

/* 1 for what a title is made of: Chinese characters, digits, Latin letters, and the brackets
 * and quotes of names (（试行）, “十四五”). */
static int title_char(uint32_t c)
{
	return (c >= 0x4e00 && c <= 0x9fff) || is_alnum(c) || c == 0x3007 || c == 0xff08 || c == 0xff09 ||
	       c == 0x201c || c == 0x201d || c == 0x300a || c == 0x300b || (c >= 0xff10 && c <= 0xff19);
}

/* Where the names a title opens with end: at its 关于 or its year ("…管理局2017年度…"), else p. */
static size_t names_end(const char *s, size_t b, size_t p)
{
	size_t e = parse_find(s, b, p, "关于");
	e = e != PARSE_NONE ? e : p;
	for (size_t i = b; i < e; i++)
		if (s[i] >= '0' && s[i] <= '9')
			return i;
	return e;
}

/* Where a title that may follow the breadcrumb's last item begins: at the body's name before
 * its 关于 or year ("法治政府建设寿光市人民政府关于…" → 寿光市…). Of the heads that read as a
 * name, the fullest (most units: 上海市静安区 over 静安区) is taken, and among equals the one the
 * page names again elsewhere (its signature, its footer), else the first; b when none reads as
 * a name. */
static size_t body_name_start(const char *s, size_t b, size_t p, size_t line_st, size_t line_end)
{
	size_t best = b, e = names_end(s, b, p);
	int best_score = -1;
	for (size_t i = b; i < e && !is_alnum((unsigned char)s[i]);) {
		struct parse_region g;
		if (parse_region_split(s, i, e, &g) && g.start == i) {
			char *name = xstrndup(s + i, e - i);
			int again = parse_find(s, e, line_end, name) != PARSE_NONE ||
			            parse_find(s, line_st, i, name) != PARSE_NONE;
			int score = 2 * (int)parse_region_units(s, g.start, g.end) + again;
			free(name);
			if (score > best_score) {
				best_score = score;
				best = i;
			}
		}
		encoding_next(s, e, &i);
	}
	return best;
}

/* Where a title begins that the breadcrumb's last item, a column named after the report's
 * subject, runs into ("…>法治政府建设昆山市市场监督管理局2017年度法治政府建设工作情况报告"): after
 * that item, when the title names it again later and a body's name follows it; else b. */
static size_t column_run_in(const char *s, size_t b, size_t p)
{
	size_t e = names_end(s, b, p);
	for (size_t len = 3 * 8; len >= 3 * 4; len -= 3) {   /* the whole item first: 法治政府建设, not 法治政府 */
		if (b + len >= e)
			continue;
		char *item = xstrndup(s + b, len);
		struct parse_region g;
		int again = parse_find(s, b + len, p, item) != PARSE_NONE;
		free(item);
		if (again && parse_region_split(s, b + len, e, &g) && g.start == b + len)
			return b + len;
	}
	return b;
}

/* The title of a flattened page that runs between its breadcrumb and its date with nothing
 * around it ("…>年度报告某区人民政府关于2021年度法治政府建设情况的报告发布日期：…"): the
 * title-like run (naming a year, or a body before 关于; at most TITLE_MAX characters) that ends
 * in 报告 before the page's first sentence. A title holds 报告 only at its end. 1 and [*ts, *te) when found. */
static int flat_title(const char *s, size_t st, size_t lim, size_t line_end, size_t *ts, size_t *te)
{
	for (size_t p = st; (p = parse_find(s, p, lim, "报告")) != PARSE_NONE; p += 6) {
		size_t b = p, n = 0;
		if (parse_starts(s, p + 6, lim, "如下"))
			continue;   /* the verb of a lead-in: 现将有关情况报告如下 */
		while (b > st && n < TITLE_MAX) {
			size_t q = b;
			if (!title_char(parse_prev_char(s, st, b, &q)) || (b - q == 3 && b >= st + 6 && parse_starts(s, b - 6, b, "报告")))
				break;
			b = q;
			n++;
		}
		size_t about = parse_find(s, b, p, "关于");
		int named = (about != PARSE_NONE && about >= b + 6) || year_in(s, b, p);
		size_t key;   /* the keys of an empty metadata table run into it: 有效性统一编号… */
		while ((key = chrome_key_len(s, b, p)) > 0)
			b += key;
		b = column_run_in(s, b, p);
		b = body_name_start(s, b, p, st, line_end);
		if (named && n >= 8 && n < TITLE_MAX) {
			/* The breadcrumb's last item is often the body the title names again
			 * ("…>泗门镇泗门镇2022年度…"): the title starts at the second. */
			for (size_t len = 6; len <= 30 && b + 2 * len < p; len += 3)
				if (memcmp(s + b, s + b + len, len) == 0) {
					b += len;
					break;
				}
			*ts = b;
			*te = p + 6;
			return 1;
		}
	}
	return 0;
}

/* Bytes of share-bar words and chrome keys that open s[i, end) ("QQ空间", "分享到"). */
static size_t lead_furniture(const char *s, size_t i, size_t end)
{
	size_t st = i;
	for (int more = 1; more && i < end;) {
		more = 0;
		size_t key = chrome_key_len(s, i, end);
		for (size_t k = 0; !key && k < sizeof bar_words / sizeof *bar_words; k++)
			if (strlen(bar_words[k]) > 3 && parse_starts(s, i, end, bar_words[k]))
				key = strlen(bar_words[k]);
		if (key) {
			i += key;
			more = 1;
		}
	}
	return i - st;
}

/* The addressee of a flattened page run in between its furniture and its first sentence
 * ("…QQ空间济南市人民政府：2023年，…"): a body's name ending in an organ and a colon, before
 * the first sentence. 1 and [*as, *ae) (the colon included) when found. */
static int flat_addressee(const char *s, size_t st, size_t lim, size_t *as, size_t *ae)
{
	static const char *const colons[] = { "：", ":" };
	for (size_t k = 0; k < 2; k++)
		for (size_t c = st; (c = parse_find(s, c, lim, colons[k])) != PARSE_NONE; c += strlen(colons[k])) {
			size_t organ = parse_organ_suffix(s, st, c);
			if (!organ)
				continue;
			size_t b = c - organ, n = 0;
			while (b > st && n < SHORT_LINE) {
				size_t q = b;
				uint32_t ch = parse_prev_char(s, st, b, &q);
				if (!title_char(ch) || (ch < 0x80 && ch - '0' < 10))
					break;   /* a name holds no digits: …〔2018〕36号泉州市人民政府 */
				b = q;
				n++;
			}
			if (parse_starts(s, b, c, "号") && b > st && is_alnum((unsigned char)s[b - 1]))
				b += strlen("号");   /* the end of a document number: …〔2018〕36号 */
			b += lead_furniture(s, b, c);
			if (b < c - organ) {
				*as = b;
				*ae = c + strlen(colons[k]);
				return 1;
			}
		}
	return 0;
}

/* The report's own document number run in right before its addressee ("…[关闭窗口]
 * 晋政文〔2018〕36号泉州市人民政府：…"): where it begins, or PARSE_NONE. */
static size_t number_before(const char *s, size_t st, size_t at)
{
	for (size_t p = at > st + DOC_NUMBER_MAX ? at - DOC_NUMBER_MAX : st; p < at; p++)
		if (((unsigned char)s[p] & 0xc0) != 0x80 && parse_doc_number_len(s, p, at) == at - p)
			return p;
	return PARSE_NONE;
}

/* 1 when the four characters before byte at are the Chinese digits of a year (二〇二一). */
static int cn_year_before(const char *s, size_t from, size_t at)
{
	if (at < from + 4 * 3)
		return 0;
	for (size_t k = 1; k <= 4; k++) {
		size_t i = at - 3 * k;
		if (parse_cn_digit(encoding_next(s, at, &i)) < 0)
			return 0;
	}
	return 1;
}

/* The signature's date after a flattened page's last sentence, run into the issuer's name
 * ("…人民政府2019年12月18日", "…人民政府二〇二一年一月十五日"): 1 and [*ds, *de) when there is one. */
static int flat_date(const char *s, size_t from, size_t end, size_t *ds, size_t *de)
{
	for (size_t at = from; (at = parse_find(s, at, end, "年")) != PARSE_NONE; at += 3) {
		size_t d, t, lim = 18;
		if (cn_year_before(s, from, at)) {   /* 二〇二一年一月十五日 */
			d = at - 4 * 3, lim = 24;
		} else {
			if (at < from + 4 * 3 || !is_alnum((unsigned char)s[at - 1]))
				continue;
			d = at - 4, t = d;
			if (parse_digits(s, &t, at, 4) < 1000 || t != at)
				continue;
		}
		size_t day = parse_find(s, at, at + lim < end ? at + lim : end, "日");
		if (day == PARSE_NONE)
			continue;
		*ds = d;
		*de = day + 3;
		return 1;
	}
	return 0;
}

static void push_blocks(struct parse_scan *sc, size_t st, size_t end)
{
	const char *s = sc->text;
	size_t first_dot = parse_find(s, st, end, "。"), last_dot = first_dot, k = first_dot;
	while ((k = parse_find(s, k + 3, end, "。")) != PARSE_NONE)
		last_dot = k;
	size_t ts = PARSE_NONE, te = PARSE_NONE, ss = PARSE_NONE, ds = PARSE_NONE, de = PARSE_NONE;
	size_t as = PARSE_NONE, ae = PARSE_NONE;
	flat_title(s, st, first_dot, end, &ts, &te);
	size_t ns = PARSE_NONE;
	if (flat_addressee(s, te != PARSE_NONE ? te : st, first_dot, &as, &ae))
		ns = number_before(s, te != PARSE_NONE ? te : st, as);
	if (last_dot != PARSE_NONE && flat_date(s, last_dot + 3, end, &ds, &de) &&
	    parse_chars(s, last_dot + 3, ds, SHORT_LINE) <= SHORT_LINE)
		ss = last_dot + 3;   /* the signature between the last sentence and the date */
	int depth = 0;
	size_t from = st;
	for (size_t i = st; i < end;) {
		if ((i == ts || i == te || i == ns || i == as || i == ae || i == ss || i == ds || i == de) && i > from) {
			push_line(sc, from, i, PARSE_LINE_BLOCK);
			from = i;
		}
		size_t t = i;
		uint32_t c = encoding_next(s, end, &t);
		if (c == 0x3010 || c == 0xff08 || c == '(' || c == 0x201c || c == 0x300a || c == 0x2018)
			depth++;   /* 【（(“《‘ */
		else if ((c == 0x3011 || c == 0xff09 || c == ')' || c == 0x201d || c == 0x300b || c == 0x2019) &&
		         depth > 0)
			depth--;
		if (!parse_is_blank(c) || depth > 0) {
			i = t;
			continue;
		}
		size_t b1 = parse_skip_blanks(s, i, end);
		if (block_break(s, from, i, b1, end, first_dot, last_dot)) {
			push_line(sc, from, i, PARSE_LINE_BLOCK);
			from = b1;
		}
		i = b1;
	}
	push_line(sc, from, end, PARSE_LINE_BLOCK);
}

void parse_scan_lines(struct parse_scan *sc, const char *text, size_t len)
{
	sc->text = text;
	sc->len = len;
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(text + i, '\n', len - i);
		size_t eol = nl ? (size_t)(nl - text) : len;
		size_t st = parse_skip_blanks(text, i, eol), end = blanks_before(text, st, eol);
		if (end > st && is_flattened(text, st, end, len))
			push_blocks(sc, st, end);
		else if (end > st)
			push_line(sc, st, end, 0);
		i = eol + 1;
	}
}

#define CONTENTS_LINES 80   /* lines a table of contents may take, its entries wrapped */

/* Where the lines after the table of contents headed at line i end: at the first line that
 * opens the report itself (its title again, not a numbered entry ending as titles do: 二、…职责
 * 情况; an addressee; running text), else i + 1 when
 * none does within CONTENTS_LINES (no table of contents, then). */
static size_t contents_end(const struct parse_scan *sc, size_t i)
{
	for (size_t k = i + 1; k < sc->n && k <= i + CONTENTS_LINES; k++) {
		const struct parse_line *l = &sc->lines[k];
		struct parse_mark m;
		int title = parse_title_like(sc->text, l->start, l->end) && !parse_mark(sc->text, l->start, l->end, &m);
		if ((l->flags & PARSE_LINE_PROSE) || title || parse_line_addressee(sc->text, l))
			return k;
	}
	return i + 1;
}

/* A table of contents printed before the report (目录, then its entries, wrapped or not, with
 * page numbers or without): its lines are furniture, none of them a heading of the report. Only
 * a 目录 above the report's first running text heads one. */
static void mark_contents(struct parse_scan *sc)
{
	for (size_t i = 0; i < sc->n && !(sc->lines[i].flags & PARSE_LINE_PROSE); i++) {
		const struct parse_line *l = &sc->lines[i];
		if (!contents_heading(sc->text, l->start, l->end))
			continue;
		size_t end = contents_end(sc, i);
		for (size_t k = i + 1; k < end; k++)
			sc->lines[k].flags = (sc->lines[k].flags & PARSE_LINE_BLOCK) | PARSE_LINE_CHROME;
		return;
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
	mark_contents(&sc);
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
	parse_paragraphs(r, &sc);
	parse_meta(r, &sc);
	free(sc.lines);
	return r;
}
