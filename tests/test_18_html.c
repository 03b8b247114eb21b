/* test_18_html.c — saved web pages to report text: charsets, blocks as lines, CMS meta tags as a header, and pages that parse as the text they were made from, malformed and cut ones included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "buf.h"
#include "encoding.h"
#include "extract.h"
#include "facts.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

#define N(a) (sizeof a / sizeof *a)
#define DIR "tests/fixtures/formats/html/"
#define RULE "==================== 正文 ====================\n"

static int valid_utf8(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		size_t k = u[i] < 0x80 ? 1 : u[i] >= 0xc2 && u[i] < 0xe0 ? 2 : u[i] >= 0xe0 && u[i] < 0xf0 ? 3 :
		           u[i] >= 0xf0 && u[i] < 0xf5 ? 4 : 0;
		if (!k || i + k > n)
			return 0;
		for (size_t j = 1; j < k; j++)
			if ((u[i + j] & 0xc0) != 0x80)
				return 0;
		i += k;
	}
	return 1;
}

/* extract_html must succeed; its text is valid UTF-8 without NUL, ending in a line break. */
static char *extract_ok(const char *bytes, size_t n, size_t *len)
{
	char *text = NULL, *cause = NULL;
	int rc = extract_html(bytes, n, &text, len, &cause);
	if (rc != 0)
		print_error("extract_html: %s\n", cause ? cause : "(no cause)");
	assert_int_equal(rc, 0);
	assert_null(cause);
	assert_non_null(text);
	assert_int_equal(strlen(text), *len);
	assert_true(valid_utf8(text, *len));
	assert_true(*len > 0 && text[*len - 1] == '\n');
	return text;
}

static char *extract_file(const char *name, size_t *len)
{
	size_t n;
	char *bytes = read_fixture(name, &n);
	char *text = extract_ok(bytes, n, len);
	free(bytes);
	return text;
}

/* What the program does with any text: decode it clean, then parse. */
static struct report *parse_bytes(const char *bytes, size_t n, const char *path)
{
	struct decoded d;
	char *cause = NULL;
	assert_int_equal(encoding_decode(bytes, n, &d, &cause), 0);
	return parse_report(d.text, d.len, path);
}

static struct report *parse_sample(const char *name)
{
	char path[128];
	snprintf(path, sizeof path, "reports/%s", name);
	const struct asset *a = assets_find(path);
	assert_non_null(a);
	return parse_bytes((const char *)a->data, a->size, path);
}

/* "level:number=title" for each section in order, joined by " | ". */
static char *tree_of(const struct report *r)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		if (i)
			buf_adds(&b, " | ");
		buf_printf(&b, "%d:", s->level);
		report_add_joined(&b, r, s->number_start, s->number_end);
		buf_adds(&b, "=");
		report_add_joined(&b, r, s->title_start, s->title_end);
	}
	return buf_take(&b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The facts of a report as a sorted multiset of "metric=value" lines. */
static char *facts_of(const struct report *r)
{
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m)
		print_error("%s\n", cause);
	assert_non_null(m);
	struct facts f = { 0 };
	facts_extract(m, r, &f);
	char **v = xcalloc(f.n + 1, sizeof *v);
	for (size_t i = 0; i < f.n; i++)
		v[i] = xasprintf("%s=%g", facts_metric_name(m, f.v[i].metric), f.v[i].value);
	qsort(v, f.n, sizeof *v, cmp_str);
	struct buf b = { 0 };
	buf_adds(&b, "");
	for (size_t i = 0; i < f.n; i++) {
		buf_printf(&b, "%s\n", v[i]);
		free(v[i]);
	}
	free(v);
	facts_fini(&f);
	return buf_take(&b);
}

static void assert_opt_equal(const char *got, const char *want)
{
	if (!want)
		assert_null(got);
	else
		assert_string_equal(got ? got : "(null)", want);
}

/* The chapter tree, title, region and year of two reports agree. */
static void assert_same_report(const struct report *got, const struct report *want)
{
	char *tg = tree_of(got), *tw = tree_of(want);
	assert_string_equal(tg, tw);
	free(tg);
	free(tw);
	assert_true(want->nsections > 0);
	assert_opt_equal(got->meta.title, want->meta.title);
	assert_opt_equal(got->meta.region, want->meta.region);
	assert_int_equal(got->meta.year, want->meta.year);
}

static void assert_same_facts(const struct report *got, const struct report *want)
{
	char *fg = facts_of(got), *fw = facts_of(want);
	assert_string_equal(fg, fw);
	free(fg);
	free(fw);
}

/* No markup, script, style or undecoded entity came through, nor an HTML blank. */
static void assert_no_markup(const char *text)
{
	for (const char *p = text; (p = strchr(p, '<')) != NULL; p++) {
		char c = p[1];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?')
			fail_msg("markup in the text: %.40s", p);
	}
	static const char *const never[] = {
		"&nbsp;", "&ensp;", "&emsp;", "&gt;", "&lt;", "&amp;", "document.", "function", "var ",
		"_hmt", "{", "text-indent", "font-size", "\xc2\xa0", "\xe2\x80\x82", "\xe2\x80\x83",
		"  ", "\n\n", " \n", "\n ",
	};
	for (size_t i = 0; i < N(never); i++)
		if (strstr(text, never[i]))
			fail_msg("\"%s\" in the text: …%.60s", never[i], strstr(text, never[i]));
	assert_true(text[0] != '\n' && text[0] != ' ');
}

static int starts_with(const char *s, const char *p)
{
	return strncmp(s, p, strlen(p)) == 0;
}

/* The GBK page with all the chrome: the header from its meta tags, the same report as the
 * sample, the figures of its table as facts beside the sample's. */
static void test_gbk_page(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "putuo-gbk.html", &len);
	assert_true(starts_with(text,
		"标题: 舟山市普陀区人民政府关于2021年度法治政府建设工作的报告\n"
		"发布时间: 2022-03-16 14:43\n"
		"来源: 区政府办公室\n"
		"发布机构: 舟山市普陀区人民政府\n" RULE));
	assert_no_markup(text);
	static const char *const lines[] = {
		"\n当前位置：首页 > 政府信息公开 > 政府信息公开 > 主动公开目录 > 区政府工作报告\n",
		"\n索 引 号： 001008009002/2022-134039 公开日期： 2022-03-16\n",
		"\n发布机构： 区政府办公室 文 号：\n",
		"\n分享到：微信 微博 QQ空间\n",
		"\n一、2021年度主要工作开展情况\n",
		"\n法律援助案件（件） 675 612\n",
		"\n浙ICP备05008090号-1 浙公网安备 33090302000123号 网站标识码：3309030001\n",
	};
	for (size_t i = 0; i < N(lines); i++)
		if (!strstr(text, lines[i]))
			fail_msg("line not found: %s", lines[i]);
	static const char *const gone[] = { "全站", "本栏目", "搜索", "广告位", "统计", "330903000000000",
		"请输入关键字", "setFont", "楷体", "舟山市普陀区人民政府_" };
	for (size_t i = 0; i < N(gone); i++)
		if (strstr(text, gone[i]))
			fail_msg("\"%s\" should not be in the text", gone[i]);

	struct report *got = parse_bytes(text, len, "putuo-gbk.html");
	struct report *want = parse_sample("putuo-2021.txt");
	assert_same_report(got, want);
	assert_string_equal(got->meta.published, "2022-03-16");   /* PubDate */
	assert_string_equal(got->meta.published, want->meta.published);

	size_t n;
	char *expect = read_fixture(DIR "putuo-gbk.expect.txt", &n);
	struct report *with_table = parse_bytes(expect, n, "putuo-gbk.expect.txt");
	assert_same_report(with_table, want);
	assert_same_facts(got, with_table);
	report_free(with_table);
	free(expect);
	report_free(want);
	report_free(got);
	free(text);
}

/* Declared gb2312 by http-equiv, holding GBK: read as GB18030, so — · 喆 survive. */
static void test_gb2312_declared(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "simen-gb2312.html", &len);
	assert_true(starts_with(text, "标题: 泗门镇2022年度法治政府建设年度报告\n发布时间: 2023-03-29\n" RULE));
	assert_no_markup(text);
	assert_null(strstr(text, "\xef\xbf\xbd"));
	assert_non_null(strstr(text, "联系人：王喆"));
	assert_non_null(strstr(text, "\n索 引 号： 00297527/2023-60455\n"));
	assert_non_null(strstr(text, "\n【打印本页】【关闭窗口】\n"));
	assert_null(strstr(text, "doZoom"));
	struct report *got = parse_bytes(text, len, "simen-gb2312.html");
	struct report *want = parse_sample("simen-2022.txt");
	assert_same_report(got, want);
	assert_string_equal(got->meta.published, "2023-03-29");
	assert_same_facts(got, want);
	/* every line of the sample's body is a line of the page's text */
	for (size_t i = 0; i < want->npara; i++) {
		const struct para *p = &want->paras[i];
		char *line = xasprintf("\n%.*s\n", (int)(p->end - p->start), want->text + p->start);
		if (!strstr(text, line))
			fail_msg("paragraph not found: %s", line);
		free(line);
	}
	report_free(want);
	report_free(got);
	free(text);
}

/* UTF-8 with a BOM and no charset or meta tags: the page's <title> the only header, the BOM gone. */
static void test_utf8_bom(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "wujin-utf8-bom.html", &len);
	assert_true(starts_with(text, "网页标题: 常州市武进区人民政府2020年法治政府建设工作报告\n" RULE
	                              "• 今天是\n• 登录个人中心\n"));
	assert_null(strstr(text, "\xef\xbb\xbf"));
	assert_null(strstr(text, "\xe3\x80\x80\n"));   /* U+3000 indents dropped at line ends */
	assert_no_markup(text);
	struct report *got = parse_bytes(text, len, "wujin-utf8-bom.html");
	struct report *want = parse_sample("wujin-2020.txt");
	assert_same_report(got, want);
	assert_string_equal(got->meta.published, want->meta.published);
	assert_opt_equal(got->meta.doc_number, want->meta.doc_number);
	assert_opt_equal(got->meta.addressee, want->meta.addressee);
	assert_same_facts(got, want);
	report_free(want);
	report_free(got);
	free(text);
}

/* GBK with no charset declared anywhere: detected. */
static void test_gbk_detected(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "zhanjiang-gbk.html", &len);
	assert_true(starts_with(text, "标题: 湛江经济技术开发区2022年法治政府建设年度报告\n"
	                              "发布时间: 2023-02-22 09:25:33\n来源: 本网\n"
	                              "发布机构: 湛江经济技术开发区管理委员会\n" RULE));
	assert_null(strstr(text, "\xef\xbf\xbd"));
	assert_no_markup(text);
	struct report *got = parse_bytes(text, len, "zhanjiang-gbk.html");
	struct report *want = parse_sample("zhanjiang-etdz-2022.txt");
	assert_same_report(got, want);
	assert_string_equal(got->meta.published, "2023-02-22");
	assert_same_facts(got, want);
	report_free(want);
	report_free(got);
	free(text);
}

/* Word-pasted markup that never closes a tag. */
static void test_unclosed(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "jingan-unclosed.html", &len);
	assert_true(starts_with(text, "标题: 关于静安区法治政府建设工作情况的报告\n" RULE));
	assert_no_markup(text);
	assert_null(strstr(text, "错别字"));
	assert_null(strstr(text, "pageid"));
	assert_non_null(strstr(text, "\n上海市静安区人民政府\n关于静安区法治政府建设工作情况的报告\n区人大常委会:\n"));
	struct report *got = parse_bytes(text, len, "jingan-unclosed.html");
	struct report *want = parse_sample("jingan-2019.txt");
	assert_same_report(got, want);
	assert_opt_equal(got->meta.addressee, want->meta.addressee);
	assert_same_facts(got, want);
	report_free(want);
	report_free(got);
	free(text);
}

/* A page cut off inside a tag half-way: what came before it, the tree a prefix of the whole. */
static void test_cut_in_a_tag(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "putuo-cut.html", &len);
	assert_no_markup(text);
	struct report *got = parse_bytes(text, len, "putuo-cut.html");
	struct report *want = parse_sample("putuo-2021.txt");
	assert_true(got->nsections >= 10 && got->nsections < want->nsections);
	char *tg = tree_of(got), *tw = tree_of(want);
	assert_true(strncmp(tg, tw, strlen(tg)) == 0);
	free(tg);
	free(tw);
	assert_opt_equal(got->meta.title, want->meta.title);
	assert_int_equal(got->meta.year, want->meta.year);
	report_free(want);
	report_free(got);
	free(text);

	/* and cut at every byte of its last kilobyte: never a crash, never markup */
	size_t n;
	char *page = read_fixture(DIR "putuo-cut.html", &n);
	for (size_t k = n - 1024; k < n; k += 7) {
		char *t = extract_ok(page, k, &len);
		assert_no_markup(t);
		free(t);
	}
	free(page);
}

/* NUL, controls, an escape sequence, bytes no charset fits, a character cut short. */
static void test_garbage(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "simen-garbage.html", &len);
	assert_no_markup(text);
	assert_non_null(strstr(text, "\xef\xbf\xbd"));
	struct report *got = parse_bytes(text, len, "simen-garbage.html");
	assert_true(got->replaced == 0);   /* the converter replaced the bad bytes already */
	struct report *want = parse_sample("simen-2022.txt");
	assert_same_report(got, want);
	report_free(want);
	report_free(got);
	free(text);
}

/* Random bytes: text or a clear error, never a crash. */
static void test_noise(void **state)
{
	(void)state;
	size_t n, len = 0;
	char *bytes = read_fixture(DIR "noise.bin", &n);
	assert_int_equal(n, 4096);
	for (size_t k = 0; k <= n; k += 256) {
		char *text = NULL, *cause = NULL;
		if (extract_html(bytes, k, &text, &len, &cause) == 0) {
			assert_null(cause);
			assert_int_equal(strlen(text), len);
			assert_true(valid_utf8(text, len));
			free(text);
		} else {
			assert_null(text);
			assert_non_null(cause);
			assert_string_equal(cause, "no text in the page");
			free(cause);
		}
	}
	free(bytes);
}

/* Small pages and the exact text they give (NULL: the error "no text in the page"). */
static const struct {
	const char *html;
	size_t n;   /* 0: strlen */
	const char *text;
} cases[] = {
	{ "", 0, NULL },
	{ "   \n\t ", 0, NULL },
	{ "<html><head><title>标题</title><script>var a = 1;</script></head><body><!-- 注释 --></body></html>", 0, NULL },
	{ "<meta name=ArticleTitle content=题><style>p{}</style>", 0, NULL },
	{ "<p>a&nbsp;&nbsp;b&ensp;c&emsp;d &#160; e&thinsp;f</p>", 0, "a b c d e f\n" },
	{ "<p>  一、总体情况 </p><p></p><div><p>（一）<strong>复议</strong><span>工作</span></p></div>", 0,
	  "一、总体情况\n（一）复议工作\n" },
	{ "<table><tr><td>受理</td><td>35件</td></tr><tr><th>a</th><td> b </td></tr></table>", 0,
	  "受理 35件\na b\n" },
	/* a table Word pasted, each cell's text in a paragraph of its own: a row's cells stay on its
	 * line; a layout cell of several paragraphs keeps its lines */
	{ "<table><tr><td><p class=MsoNormal><span>维持</span></p></td><td>\n<div><p>61</p></div></td></tr></table>", 0,
	  "维持 61\n" },
	{ "<table><tr><td><p>一、总体情况</p><p>正文</p></td></tr></table>", 0, "一、总体情况\n正文\n" },
	/* Word's empty <o:p> at the end of a cell's text, read by libxml2 as <p>: it breaks nothing */
	{ "<table><tr><td><p><span>审结总数<o:p></o:p></span></p></td><td><p><span>139<o:p></o:p></span></p></td></tr></table>",
	  0, "审结总数 139\n" },
	{ "a<br>b<br/><br>c", 0, "a\nb\nc\n" },
	{ "<ul><li>一</li><li>二<ol><li>甲</ol></ul>尾", 0, "一\n二\n1.甲\n尾\n" },
	/* an ordered list's items numbered as a browser shows them, from its start or an item's value */
	{ "<ol>\n<li><b>推进改革。</b>正文</li>\n<li>落实制度。</li></ol>", 0, "1.推进改革。正文\n2.落实制度。\n" },
	{ "<ol start=3><li>a<li value=7>b<li>c</ol>", 0, "3.a\n7.b\n8.c\n" },
	{ "<ol type=a><li>x</ol><ol style='list-style: none'><li>y</ol>", 0, "x\ny\n" },
	{ "<select><option>全站</option></select><input type=hidden value=x>正文<noscript>开启</noscript>"
	  "<style>p{}</style><textarea>留言</textarea><button>搜索</button>", 0, "正文\n" },
	{ "<pre>1.甲\n\n2.乙  丙</pre>后", 0, "1.甲\n2.乙 丙\n后\n" },
	{ "<dl><dt>索引号：</dt><dd>001</dd><dt>文号：<dd>x</dl>", 0, "索引号： 001\n文号： x\n" },
	{ "<meta name=pubdate content=' 2021-03-01\n'><meta name=ArticleTitle content='题 目'>"
	  "<meta name=ArticleTitle content=另一个><meta name=ColumnName content=栏><p>正文</p>", 0,
	  "标题: 题 目\n发布时间: 2021-03-01\n" RULE "正文\n" },
	{ "<p>　　正文　内容 　</p><p>　　</p>", 0, "正文　内容\n" },
	{ "<p>a &lt;b&gt; &amp; c &quot;d&quot; &#x4e00;&#20108;</p>", 0, "a <b> & c \"d\" 一二\n" },
	{ "<p>abc<di", 0, "abc\n" },
	{ "<p>x</p", 0, "x\n" },
	{ "<p>x <!-- 未完", 0, "x\n" },
	{ "<meta charset=gbk><p>\xd6\xd0\xff\xce\xc4</p>", 0, "中\xef\xbf\xbd文\n" },
	{ "<meta charset=utf-8><p>\xd6\xd0\xce\xc4\xb5\xc4</p>", 0, "中文的\n" },
	{ "<meta charset=gbk><p>中文</p>", 0, "中文\n" },
	{ "<meta charset=\"big5\"><p>\xa4\xa4\xa4\xe5</p>", 0, "中文\n" },
	{ "<meta charset=x-unknown-charset><p>\xd6\xd0\xce\xc4</p>", 0, "中文\n" },
	{ "\xef\xbb\xbf<meta charset=gbk><p>中\xff文</p>", 0, "中\xef\xbf\xbd文\n" },
	{ "\xff\xfe<\0p\0>\0\x2d\x4e\x87\x65", 12, "中文\n" },
	{ "<p>a\0b</p>", 10, "a\xef\xbf\xbd" "b\n" },
	{ "<p>中文\xe4\xb8</p><p>尾", 0, "中文\xef\xbf\xbd\n尾\n" },
	{ "<center><font color=red>通知</font></center><blockquote>引</blockquote><h3>标</h3>", 0,
	  "通知\n引\n标\n" },
	{ "<nav>首页</nav><header>头</header><main><article><section>正</section></article></main>"
	  "<footer>脚</footer>", 0, "首页\n头\n正\n脚\n" },
	{ "<svg><text>图</text></svg><img alt=图片 src=x.png>文<iframe>框</iframe>", 0, "文\n" },
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < N(cases); i++) {
		size_t n = cases[i].n ? cases[i].n : strlen(cases[i].html), len = 99;
		char *text = NULL, *cause = NULL;
		int rc = extract_html(cases[i].html, n, &text, &len, &cause);
		if (!cases[i].text) {
			if (rc != -1)
				fail_msg("case %zu: wanted an error, got \"%s\"", i, text);
			assert_null(text);
			assert_string_equal(cause, "no text in the page");
			free(cause);
			continue;
		}
		if (rc != 0)
			fail_msg("case %zu: %s", i, cause);
		if (strcmp(text, cases[i].text) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, text, cases[i].text);
		assert_int_equal(len, strlen(text));
		free(text);
	}
}

/* The meta tags are the only place a page states its date and its source: the header carries
 * them to the parser. */
static void test_meta_only_source(void **state)
{
	(void)state;
	static const char page[] =
		"<html><head><meta name=\"PubDate\" content=\"2021-05-06 10:00\">"
		"<meta name=\"SiteName\" content=\"青禾县人民政府\"></head><body>"
		"<h2>青禾县2020年法治政府建设年度报告</h2>"
		"<p>2020年，我县深入推进依法行政，现将有关情况报告如下：</p>"
		"<p><b>一、主要工作</b></p><p>全年办理行政复议案件12件。</p>"
		"<p><b>二、存在问题</b></p><p>执法力量不足。</p></body></html>";
	size_t len;
	char *text = extract_ok(page, sizeof page - 1, &len);
	assert_true(starts_with(text, "发布时间: 2021-05-06 10:00\n发布机构: 青禾县人民政府\n" RULE));
	struct report *r = parse_bytes(text, len, "meta.html");
	assert_string_equal(r->meta.published, "2021-05-06");
	assert_opt_equal(r->meta.title, "青禾县2020年法治政府建设年度报告");
	assert_opt_equal(r->meta.region, "青禾县");
	assert_int_equal(r->meta.year, 2020);
	char *tree = tree_of(r);
	assert_string_equal(tree, "1:一=主要工作 | 1:二=存在问题");
	free(tree);
	report_free(r);
	free(text);
}

/* A page whose text has no title above it: the report's title is the page's own (<title>, the
 * site's name after it), else the last step of its breadcrumb, when either reads as a title. */
static void test_title_of_page(void **state)
{
	(void)state;
	static const char *const pages[] = {
		"<html><head><title>青禾县人民政府关于2020年度法治政府建设情况的报告_青禾县人民政府</title></head><body>"
		"<p>市人民政府：</p><p>2020年，我县深入推进依法行政，现将有关情况报告如下：</p>"
		"<p>一、主要工作</p><p>全年办理行政复议案件12件。</p></body></html>",
		"<html><head><title>青禾县人民政府</title></head><body>"
		"<div>当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <span>青禾县人民政府关于2020年度法治政府建设情况的报告</span></div>"
		"<p>市人民政府：</p><p>2020年，我县深入推进依法行政，现将有关情况报告如下：</p>"
		"<p>一、主要工作</p><p>全年办理行政复议案件12件。</p></body></html>",
	};
	for (size_t i = 0; i < N(pages); i++) {
		size_t len;
		char *text = extract_ok(pages[i], strlen(pages[i]), &len);
		struct report *r = parse_bytes(text, len, "page.html");
		assert_opt_equal(r->meta.title, "青禾县人民政府关于2020年度法治政府建设情况的报告");
		report_free(r);
		free(text);
	}
	static const char untitled[] = "<html><head><title>青禾县人民政府</title></head><body>"
		"<p>市人民政府：</p><p>2020年，我县深入推进依法行政。</p><p>一、主要工作</p></body></html>";
	size_t len;
	char *text = extract_ok(untitled, sizeof untitled - 1, &len);
	struct report *r = parse_bytes(text, len, "untitled.html");
	assert_null(r->meta.title);   /* a site's name is no report's title */
	report_free(r);
	free(text);
}

/* Over 256 MiB is refused before a byte is read. */
static void test_too_large(void **state)
{
	(void)state;
	size_t n = ((size_t)256 << 20) + 1;
	char *big = calloc(1, n);   /* zero pages: nothing is touched */
	assert_non_null(big);
	char *text = NULL, *cause = NULL;
	size_t len;
	assert_int_equal(extract_html(big, n, &text, &len, &cause), -1);
	assert_null(text);
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	free(big);
}

/* Pages that never close a tag nest deep: read whole to 1000 open elements (libxml2 alone
 * stops at 256); far deeper costs no stack, the tree being walked without recursion. */
static void test_deep(void **state)
{
	(void)state;
	static const char *const tags[] = { "div", "span", "table", "li", "p><font", "p><span" };
	for (size_t t = 0; t < N(tags); t++) {
		struct buf b = { 0 };
		for (int i = 0; i < 500; i++)
			buf_printf(&b, "<%s>字", tags[t]);
		buf_adds(&b, "<p>尾");
		size_t len;
		char *text = extract_ok(b.data, b.len, &len);
		assert_non_null(strstr(text, "字\n尾\n"));
		free(text);
		for (int i = 0; i < 50000; i++)
			buf_printf(&b, "<%s>", tags[t]);
		buf_adds(&b, "深");
		text = extract_ok(b.data, b.len, &len);
		assert_true(len > 1000);
		free(text);
		buf_fini(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_gbk_page),
		cmocka_unit_test(test_gb2312_declared),
		cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_gbk_detected),
		cmocka_unit_test(test_unclosed),
		cmocka_unit_test(test_cut_in_a_tag),
		cmocka_unit_test(test_garbage),
		cmocka_unit_test(test_noise),
		cmocka_unit_test(test_meta_only_source),
		cmocka_unit_test(test_title_of_page),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_deep),
	};
	int failed = cmocka_run_group_tests_name("html", tests, NULL, NULL);
	facts_default_free();
	return failed;
}
