/* test_19_docx.c — Word (.docx) reports: text in reading order, automatic numbering rendered as Word shows it, hostile packages refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zip.h>

#include "buf.h"
#include "encoding.h"
#include "extract.h"
#include "facts.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

#define N(a) (sizeof a / sizeof *a)
#define FIXTURES "tests/fixtures/formats/docx/"

/* A zip made in memory from NUL-terminated parts; `stored` leaves them uncompressed. */
static char *zip_build(const char *const *names, const char *const *datas, size_t count,
                       int stored, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	zip_t *z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	for (size_t i = 0; i < count; i++) {
		zip_source_t *s = zip_source_buffer(z, datas[i], strlen(datas[i]), 0);
		assert_non_null(s);
		zip_int64_t idx = zip_file_add(z, names[i], s, ZIP_FL_ENC_UTF_8);
		assert_true(idx >= 0);
		if (stored)
			zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_source_seek(src, 0, SEEK_END);
	zip_int64_t n = zip_source_tell(src);
	zip_source_seek(src, 0, SEEK_SET);
	char *out = xmalloc((size_t)n + 1);
	assert_int_equal(zip_source_read(src, out, (zip_uint64_t)n), n);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*len = (size_t)n;
	return out;
}

#define W_NS "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define XML_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define DOC(body) XML_HEAD "<w:document xmlns:w=\"" W_NS "\" " \
	"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">" \
	"<w:body>" body "</w:body></w:document>"
#define NUMBERING(defs) XML_HEAD "<w:numbering xmlns:w=\"" W_NS "\">" defs "</w:numbering>"
#define STYLES(defs) XML_HEAD "<w:styles xmlns:w=\"" W_NS "\">" defs "</w:styles>"

/* Paragraphs: plain, numbered directly (numId, ilvl), and styled. */
#define P(text) "<w:p><w:r><w:t>" text "</w:t></w:r></w:p>"
#define PN(num, ilvl, text) "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" #ilvl "\"/>" \
	"<w:numId w:val=\"" #num "\"/></w:numPr></w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"
#define PS(style, text) "<w:p><w:pPr><w:pStyle w:val=\"" style "\"/></w:pPr>" \
	"<w:r><w:t>" text "</w:t></w:r></w:p>"
/* A level: ilvl, start, format, text, and extra children (suff, lvlRestart, isLgl, pStyle). */
#define LVL(i, start, fmt, text, extra) "<w:lvl w:ilvl=\"" #i "\"><w:start w:val=\"" #start "\"/>" \
	"<w:numFmt w:val=\"" fmt "\"/>" extra "<w:lvlText w:val=\"" text "\"/></w:lvl>"
#define NOTHING "<w:suff w:val=\"nothing\"/>"
/* The report list: 一、 （一） 1. （1）, as abstract 0. */
#define REPORT_LIST "<w:abstractNum w:abstractNumId=\"0\">" \
	LVL(0, 1, "chineseCounting", "%1、", "<w:pStyle w:val=\"Heading1\"/>") \
	LVL(1, 1, "chineseCountingThousand", "（%2）", NOTHING) \
	LVL(2, 1, "decimal", "%3.", NOTHING "<w:pStyle w:val=\"Heading3\"/>") \
	LVL(3, 1, "decimal", "（%4）", NOTHING) "</w:abstractNum>"
#define NUM(id, abs, extra) "<w:num w:numId=\"" #id "\"><w:abstractNumId w:val=\"" #abs "\"/>" \
	extra "</w:num>"

/* A complete package; numbering or styles may be NULL. */
static char *docx(const char *doc, const char *numbering, const char *styles, size_t *len)
{
	static const char types[] = XML_HEAD
		"<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
		"<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
		"<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
		"<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
		"</Types>";
	static const char rels[] = XML_HEAD
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
		"</Relationships>";
	const char *names[5] = { "[Content_Types].xml", "_rels/.rels", "word/document.xml" };
	const char *datas[5] = { types, rels, doc };
	size_t k = 3;
	if (numbering)
		names[k] = "word/numbering.xml", datas[k++] = numbering;
	if (styles)
		names[k] = "word/styles.xml", datas[k++] = styles;
	return zip_build(names, datas, k, 0, len);
}

/* The text of a package made from these parts; fails the test when extraction fails. */
static char *text_of(const char *doc, const char *numbering, const char *styles)
{
	size_t n, len;
	char *bytes = docx(doc, numbering, styles, &n);
	char *text = NULL, *cause = NULL;
	int rc = extract_docx(bytes, n, &text, &len, &cause);
	if (rc != 0)
		fail_msg("extract_docx: %s", cause ? cause : "(no cause)");
	assert_non_null(text);
	assert_int_equal(strlen(text), len);
	free(bytes);
	return text;
}

static void assert_text(const char *doc, const char *numbering, const char *styles,
                        const char *want)
{
	char *got = text_of(doc, numbering, styles);
	assert_string_equal(got, want);
	free(got);
}

/* extract_docx fails on bytes[0, n) with a cause holding `want`. */
static void assert_refused(const char *bytes, size_t n, const char *want)
{
	char *text = (char *)1, *cause = NULL;
	size_t len = 1;
	assert_int_equal(extract_docx(bytes, n, &text, &len, &cause), -1);
	assert_null(text);
	assert_non_null(cause);
	if (!strstr(cause, want))
		fail_msg("cause \"%s\" does not say \"%s\"", cause, want);
	assert_null(strchr(cause, '\n'));
	free(cause);
}

static void assert_file_refused(const char *name, const char *want)
{
	size_t n;
	char *bytes = read_fixture(name, &n);
	assert_refused(bytes, n, want);
	free(bytes);
}

/* ---- numbering ---- */

static void test_restart_under_parent(void **state)
{
	(void)state;
	assert_text(DOC(PN(1, 0, "总体情况") PN(1, 1, "组织领导") PN(1, 1, "制度建设")
	                PN(1, 2, "第一项") P("正文不编号。") PN(1, 2, "第二项")
	                PN(1, 0, "存在问题") PN(1, 1, "短板") PN(1, 2, "细项")
	                PN(1, 3, "小项") PN(1, 3, "小项二") PN(1, 1, "不足")
	                PN(1, 3, "无上级的小项")),
	            NUMBERING(REPORT_LIST NUM(1, 0, "")), NULL,
	            "一、总体情况\n（一）组织领导\n（二）制度建设\n1.第一项\n正文不编号。\n2.第二项\n"
	            "二、存在问题\n（一）短板\n1.细项\n（1）小项\n（2）小项二\n（二）不足\n"
	            "（1）无上级的小项\n");
}

static void test_chinese_numerals(void **state)
{
	(void)state;
	struct buf doc = { 0 };
	buf_adds(&doc, DOC(""));
	doc.len -= strlen("</w:body></w:document>");
	for (int i = 1; i <= 101; i++)
		buf_printf(&doc, PN(1, 0, "第%d"), i);
	buf_adds(&doc, "</w:body></w:document>");
	char *text = text_of(doc.data, NUMBERING(REPORT_LIST NUM(1, 0, "")), NULL);
	static const char *const want[] = {
		"一、第1\n", "九、第9\n", "十、第10\n", "十一、第11\n", "十九、第19\n", "二十、第20\n",
		"二十一、第21\n", "三十、第30\n", "九十九、第99\n", "一百、第100\n",
	};
	for (size_t i = 0; i < N(want); i++)
		if (!strstr(text, want[i]))
			fail_msg("no \"%s\" in the numbered list", want[i]);
	assert_null(strstr(text, "一十"));
	free(text);
	buf_fini(&doc);
}

static void test_start_values(void **state)
{
	(void)state;
	assert_text(DOC(PN(2, 0, "甲") PN(2, 0, "乙") PN(2, 1, "子") PN(2, 1, "丑") PN(3, 0, "零起")),
	            NUMBERING("<w:abstractNum w:abstractNumId=\"5\">"
	                      LVL(0, 3, "chineseCounting", "%1、", "")
	                      LVL(1, 5, "decimal", "%2.", NOTHING) "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"6\"><w:lvl w:ilvl=\"0\">"
	                      "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
	                      "</w:abstractNum>"
	                      NUM(2, 5, "") NUM(3, 6, "")), NULL,
	            "三、甲\n四、乙\n5.子\n6.丑\n0.零起\n");
}

static void test_level_override(void **state)
{
	(void)state;
	/* num 1 and 4 share abstract 0's list; num 2 restarts it (a list of its own); num 3 replaces
	 * level 2 with full-width digits. */
	assert_text(DOC(PN(1, 0, "A") PN(1, 0, "B") PN(2, 0, "C") PN(2, 0, "D") PN(1, 0, "E")
	                PN(4, 0, "F") PN(2, 1, "G") PN(3, 2, "H") PN(3, 2, "I")),
	            NUMBERING(REPORT_LIST NUM(1, 0, "")
	                      NUM(2, 0, "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/>"
	                                "</w:lvlOverride>")
	                      NUM(3, 0, "<w:lvlOverride w:ilvl=\"2\"><w:startOverride w:val=\"7\"/>"
	                                LVL(2, 1, "decimalFullWidth", "%3）", NOTHING)
	                                "</w:lvlOverride>")
	                      NUM(4, 0, "")), NULL,
	            "一、A\n二、B\n一、C\n二、D\n三、E\n四、F\n（一）G\n７）H\n８）I\n");
}

static void test_numbering_through_styles(void **state)
{
	(void)state;
	static const char styles[] = STYLES(
		"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:basedOn w:val=\"Normal\"/>"
		"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:basedOn w:val=\"Normal\"/>"
		"<w:pPr><w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Mine\"><w:basedOn w:val=\"Heading2\"/></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading3\">"
		"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>");
	assert_text(DOC(PS("Heading1", "总体") PS("Heading2", "领导") PS("Mine", "制度")
	                PS("Heading3", "细则") P("正文。")
	                "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:numPr><w:numId w:val=\"0\"/>"
	                "</w:numPr></w:pPr><w:r><w:t>不编号</w:t></w:r></w:p>"
	                "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/><w:numPr><w:ilvl w:val=\"2\"/>"
	                "</w:numPr></w:pPr><w:r><w:t>层级取自段落</w:t></w:r></w:p>"
	                PS("Heading1", "问题") PS("Heading2", "短板")),
	            NUMBERING(REPORT_LIST NUM(1, 0, "")), styles,
	            "一、总体\n（一）领导\n（二）制度\n1.细则\n正文。\n不编号\n2.层级取自段落\n"
	            "二、问题\n（一）短板\n");
}

static void test_restart_rules_and_formats(void **state)
{
	(void)state;
	/* lvlRestart 0: level 2 counts on across level 1; isLgl: all levels in Arabic digits. */
	assert_text(DOC(PN(5, 0, "A") PN(5, 1, "a") PN(5, 0, "B") PN(5, 1, "b") PN(5, 2, "x")),
	            NUMBERING("<w:abstractNum w:abstractNumId=\"5\">"
	                      LVL(0, 1, "chineseCounting", "第%1章", "")
	                      LVL(1, 1, "chineseCounting", "（%2）", NOTHING "<w:lvlRestart w:val=\"0\"/>")
	                      LVL(2, 1, "decimal", "%1.%2.%3", "<w:isLgl/><w:suff w:val=\"space\"/>")
	                      "</w:abstractNum>" NUM(5, 5, "")), NULL,
	            "第一章 A\n（一）a\n第二章 B\n（二）b\n2.2.1 x\n");
	assert_text(DOC(PN(10, 0, "a") PN(11, 0, "b") PN(12, 0, "c") PN(13, 0, "d") PN(14, 0, "e")
	                PN(15, 0, "f") PN(16, 0, "g") PN(17, 0, "h") PN(18, 0, "i") PN(19, 0, "j")
	                PN(20, 0, "k")),
	            NUMBERING("<w:abstractNum w:abstractNumId=\"10\">" LVL(0, 27, "lowerLetter", "%1)", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"11\">" LVL(0, 14, "upperRoman", "%1.", NOTHING) "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"12\">" LVL(0, 3, "decimalEnclosedCircle", "%1", NOTHING) "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"13\">" LVL(0, 12, "chineseLegalSimplified", "%1、", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"14\">" LVL(0, 1, "ideographTraditional", "%1、", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"15\">" LVL(0, 12, "decimalFullWidth", "%1．", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"16\">" LVL(0, 7, "decimalZero", "%1", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"17\">" LVL(0, 5, "bullet", "\xef\x82\xb7", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"18\">" LVL(0, 101, "chineseCountingThousand", "%1、", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"19\">" LVL(0, 2, "none", "", "") "</w:abstractNum>"
	                      "<w:abstractNum w:abstractNumId=\"20\">" LVL(0, 4, "ideographEnclosedCircle", "%1", NOTHING) "</w:abstractNum>"
	                      NUM(10, 10, "") NUM(11, 11, "") NUM(12, 12, "") NUM(13, 13, "")
	                      NUM(14, 14, "") NUM(15, 15, "") NUM(16, 16, "") NUM(17, 17, "")
	                      NUM(18, 18, "") NUM(19, 19, "") NUM(20, 20, "")), NULL,
	            "aa)a\nXIV.b\n③c\n壹拾贰、d\n甲、e\n１２．f\n07 g\nh\n一百零一、i\nj\n㈣k\n");
}

static void test_undefined_numbering(void **state)
{
	(void)state;
	/* numIds that name nothing, a missing numbering part, levels out of range */
	assert_text(DOC(PN(9, 0, "无定义") PN(1, 12, "层级过深") PN(1, 0, "正常")),
	            NUMBERING(REPORT_LIST NUM(1, 0, "")), NULL,
	            "无定义\n层级过深\n一、正常\n");
	assert_text(DOC(PN(1, 0, "无编号部件")), NULL, NULL, "无编号部件\n");
}

/* A page header holding the document number beside the issuer (平政文〔2021〕18号 after a tab): the
 * number alone as the text's first line; a header without one adds nothing. */
static void test_header_number(void **state)
{
	(void)state;
	static const char rels[] = XML_HEAD
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
		"</Relationships>";
	static const char doc_rels[] = XML_HEAD
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rIdH1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/>"
		"</Relationships>";
	static const char *const headers[] = {
		XML_HEAD "<w:hdr xmlns:w=\"" W_NS "\"><w:p><w:r><w:t>平和县人民政府</w:t></w:r><w:r><w:tab/></w:r>"
		"<w:r><w:t>平政文〔2021〕18号</w:t></w:r></w:p></w:hdr>",
		XML_HEAD "<w:hdr xmlns:w=\"" W_NS "\">" P("平和县2020年法治政府建设报告") "</w:hdr>",
		"<w:hdr", /* damaged: the body is read all the same */
	};
	static const char *const want[] = {
		"平政文〔2021〕18号\n平和县人民政府关于2020年度法治政府建设工作情况的报告\n漳州市人民政府：\n",
		"平和县人民政府关于2020年度法治政府建设工作情况的报告\n漳州市人民政府：\n",
		"平和县人民政府关于2020年度法治政府建设工作情况的报告\n漳州市人民政府：\n",
	};
	const char *doc = DOC(P("平和县人民政府关于2020年度法治政府建设工作情况的报告") P("漳州市人民政府："));
	for (size_t i = 0; i < N(headers); i++) {
		const char *names[] = { "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/header1.xml" };
		const char *datas[] = { rels, doc, doc_rels, headers[i] };
		size_t n, len;
		char *bytes = zip_build(names, datas, N(names), 0, &n), *text = NULL, *cause = NULL;
		if (extract_docx(bytes, n, &text, &len, &cause) != 0)
			fail_msg("extract_docx: %s", cause);
		assert_string_equal(text, want[i]);
		free(text);
		free(bytes);
	}
}

/* ---- text content ---- */

static void test_text_content(void **state)
{
	(void)state;
	assert_text(DOC(
		"<w:p><w:r><w:t xml:space=\"preserve\">复议 </w:t></w:r><w:r><w:rPr><w:b/></w:rPr>"
		"<w:t>案件</w:t></w:r><w:r><w:tab/><w:t>15件</w:t></w:r></w:p>"
		/* a line break inside a paragraph; a deleted run; an inserted one */
		"<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r>"
		"<w:del w:id=\"1\" w:author=\"x\"><w:r><w:delText>删去的</w:delText></w:r></w:del>"
		"<w:ins w:id=\"2\" w:author=\"x\"><w:r><w:t>插入的</w:t></w:r></w:ins></w:p>"
		/* a field: instructions left out, result kept; a footnote reference; hidden text */
		"<w:p><w:r><w:t>见第</w:t></w:r><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
		"<w:r><w:instrText xml:space=\"preserve\"> PAGEREF _Toc1 \\h </w:instrText></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>3</w:t></w:r>"
		"<w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>页</w:t></w:r>"
		"<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:footnoteReference w:id=\"1\"/></w:r>"
		"<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>"
		"<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>。</w:t></w:r></w:p>"
		/* a hyperlink and a content control */
		"<w:p><w:hyperlink w:history=\"1\"><w:r><w:t>链接</w:t></w:r></w:hyperlink>"
		"<w:sdt><w:sdtPr><w:alias w:val=\"x\"/></w:sdtPr><w:sdtContent><w:r><w:t>控件</w:t></w:r>"
		"</w:sdtContent></w:sdt></w:p>"
		/* a table of contents is left out */
		"<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/>"
		"</w:docPartObj></w:sdtPr><w:sdtContent>" P("目录") P("一、总体情况 1") "</w:sdtContent></w:sdt>"
		/* a text box: the Choice is read, the Fallback not; it follows its paragraph */
		"<w:p><w:r><w:t>正文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\">"
		"<w:drawing><w:txbxContent>" P("文本框") "</w:txbxContent></w:drawing></mc:Choice>"
		"<mc:Fallback><w:pict><w:txbxContent>" P("文本框") "</w:txbxContent></w:pict></mc:Fallback>"
		"</mc:AlternateContent></w:r><w:r><w:t>接续</w:t></w:r></w:p>"
		"<w:p/>" P("空段之后")
		/* a moved paragraph appears once, where it went */
		"<w:p><w:moveFrom w:id=\"3\"><w:r><w:t>移走</w:t></w:r></w:moveFrom>"
		"<w:moveTo w:id=\"4\"><w:r><w:t>移来</w:t></w:r></w:moveTo></w:p>"),
		NULL, NULL,
		"复议 案件 15件\n第一行\n第二行插入的\n见第3页。\n链接控件\n正文接续\n文本框\n\n空段之后\n移来\n");
}

static void test_toc_styles(void **state)
{
	(void)state;
	static const char styles[] = STYLES(
		"<w:style w:type=\"paragraph\" w:styleId=\"10\"><w:name w:val=\"toc 1\"/></w:style>"
		"<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
		"<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>");
	assert_text(DOC(P("目录") PS("10", "一、总体情况\t1") PS("10", "二、存在问题\t5")
	                PS("Heading1", "总体情况") P("正文。") PS("Heading1", "存在问题")),
	            NUMBERING(REPORT_LIST NUM(1, 0, "")), styles,
	            "目录\n一、总体情况\n正文。\n二、存在问题\n");
}

static void test_table_of_figures(void **state)
{
	(void)state;
	static const char styles[] = STYLES(
		"<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"/>");
#define TC(t) "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr><w:p><w:r><w:t>" t "</w:t></w:r></w:p></w:tc>"
	assert_text(DOC(P("表1 行政复议应诉情况")
	                "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr>"
	                "<w:tr>" TC("年份") TC("复议收案") TC("应诉案件") TC("出庭率") "</w:tr>"
	                "<w:tr>" TC("2020") TC("15件") TC("30件") TC("95%") "</w:tr>"
	                "<w:tr>" TC("2021") TC("18件") TC("27件") TC("100%") "</w:tr>"
	                /* a cell of two paragraphs, an empty cell, a numbered paragraph in a cell */
	                "<w:tr><w:tc><w:p><w:r><w:t>合</w:t></w:r></w:p><w:p><w:r><w:t>计</w:t></w:r></w:p></w:tc>"
	                "<w:tc><w:p/></w:tc>" "<w:tc>" PN(1, 2, "57件") "</w:tc>"
	                /* a table inside a cell */
	                "<w:tc><w:tbl><w:tr>" TC("内") TC("表") "</w:tr></w:tbl></w:tc></w:tr>"
	                "</w:tbl>" P("表后正文。")),
	            NUMBERING(REPORT_LIST NUM(1, 0, "")), styles,
	            "表1 行政复议应诉情况\n年份\t复议收案\t应诉案件\t出庭率\n2020\t15件\t30件\t95%\n"
	            "2021\t18件\t27件\t100%\n合 计\t\t1.57件\t内\t表\n表后正文。\n");
#undef TC
}

/* ---- a whole report ---- */

struct heading {
	int level;
	char *number, *title;
};

static struct report *parse_bytes(const char *bytes, size_t n, const char *path)
{
	struct decoded d;
	char *cause = NULL;
	if (encoding_decode(bytes, n, &d, &cause) < 0)
		fail_msg("encoding_decode: %s", cause);
	return parse_report(d.text, d.len, path);
}

static char *range(const struct report *r, size_t start, size_t end)
{
	struct buf b = { 0 };
	report_add_joined(&b, r, start, end);
	return buf_take(&b);
}

struct fact_key {
	int metric;
	double value;
};

static int cmp_fact(const void *a, const void *b)
{
	const struct fact_key *x = a, *y = b;
	if (x->metric != y->metric)
		return x->metric - y->metric;
	return (x->value > y->value) - (x->value < y->value);
}

static struct fact_key *facts_of(const struct report *r, size_t *n)
{
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m)
		fail_msg("facts_default: %s", cause);
	struct facts f = { 0 };
	facts_extract(m, r, &f);
	struct fact_key *k = xcalloc(f.n + 1, sizeof *k);
	for (size_t i = 0; i < f.n; i++)
		k[i] = (struct fact_key){ f.v[i].metric, f.v[i].value };
	qsort(k, f.n, sizeof *k, cmp_fact);
	*n = f.n;
	facts_fini(&f);
	return k;
}

static void assert_same_report(const struct report *want, const struct report *got)
{
	assert_string_equal(got->meta.title ? got->meta.title : "(null)",
	                    want->meta.title ? want->meta.title : "(null)");
	assert_string_equal(got->meta.region ? got->meta.region : "(null)",
	                    want->meta.region ? want->meta.region : "(null)");
	assert_int_equal(got->meta.year, want->meta.year);
	assert_int_equal(got->nsections, want->nsections);
	for (size_t i = 0; i < want->nsections; i++) {
		const struct section *a = &want->sections[i], *b = &got->sections[i];
		assert_int_equal(b->level, a->level);
		assert_int_equal(b->parent, a->parent);
		char *na = range(want, a->number_start, a->number_end);
		char *nb = range(got, b->number_start, b->number_end);
		char *ta = range(want, a->title_start, a->title_end);
		char *tb = range(got, b->title_start, b->title_end);
		assert_string_equal(nb, na);
		assert_string_equal(tb, ta);
		free(na), free(nb), free(ta), free(tb);
	}
	size_t nf_want, nf_got;
	struct fact_key *fw = facts_of(want, &nf_want), *fg = facts_of(got, &nf_got);
	assert_true(nf_want > 10);
	assert_int_equal(nf_got, nf_want);
	for (size_t i = 0; i < nf_want; i++) {
		assert_int_equal(fg[i].metric, fw[i].metric);
		assert_true(fg[i].value == fw[i].value);
	}
	free(fw);
	free(fg);
}

static void test_putuo_docx(void **state)
{
	(void)state;
	size_t n, tn, len;
	char *bytes = read_fixture(FIXTURES "putuo-2021.docx", &n);
	char *orig = read_fixture("assets/reports/putuo-2021.txt", &tn);
	char *text = NULL, *cause = NULL;
	if (extract_docx(bytes, n, &text, &len, &cause) < 0)
		fail_msg("extract_docx: %s", cause);
	/* the ordinals came from numbering.xml: the document's own text has none */
	assert_non_null(strstr(text, "\n一、2021年度主要工作开展情况\n"));
	assert_non_null(strstr(text, "\n（一）以习近平法治思想为指导"));
	assert_non_null(strstr(text, "\n1.切实履行推进法治建设领导职责。"));
	assert_non_null(strstr(text, "\n三、下一步工作重点\n"));
	assert_non_null(strstr(text, "\n索引号\t001008009002/2022-134039\t公开日期\t2022-03-16\n"));
	struct report *want = parse_bytes(orig, tn, "putuo-2021.txt");
	struct report *got = parse_bytes(text, len, "putuo-2021.docx");
	assert_int_equal(want->nsections, 3 + 7 + 25 + 7);
	assert_same_report(want, got);
	report_free(want);
	report_free(got);
	free(text);
	free(orig);
	free(bytes);
	facts_default_free();
}

/* ---- hostile input ---- */

/* Peak memory a child process adds while refusing each hostile fixture, in KiB. */
static void test_bounded_memory(void **state)
{
	(void)state;
	static const char *const names[] = {
		FIXTURES "bomb.docx", FIXTURES "huge-part.docx", FIXTURES "liar.docx",
	};
	for (size_t i = 0; i < N(names); i++) {
		size_t n;
		char *bytes = read_fixture(names[i], &n);
		int fds[2];
		assert_int_equal(pipe(fds), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			struct rusage before, after;
			getrusage(RUSAGE_SELF, &before);
			char *text = NULL, *cause = NULL;
			size_t len;
			int rc = extract_docx(bytes, n, &text, &len, &cause);
			getrusage(RUSAGE_SELF, &after);
			long grew = after.ru_maxrss - before.ru_maxrss;
			ssize_t w1 = write(fds[1], &rc, sizeof rc);
			ssize_t w2 = write(fds[1], &grew, sizeof grew);
			_exit(w1 == sizeof rc && w2 == sizeof grew ? 0 : 1);
		}
		close(fds[1]);
		int rc = 0, status = 0;
		long grew = 0;
		assert_int_equal(read(fds[0], &rc, sizeof rc), sizeof rc);
		assert_int_equal(read(fds[0], &grew, sizeof grew), sizeof grew);
		close(fds[0]);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		assert_int_equal(rc, -1);
		if (grew > 16 * 1024)
			fail_msg("%s: memory grew by %ld KiB", names[i], grew);
		free(bytes);
	}
}

static void test_hostile_files(void **state)
{
	(void)state;
	assert_file_refused(FIXTURES "truncated.docx", "damaged Word document (.docx)");
	assert_file_refused(FIXTURES "bomb.docx", "too large");
	assert_file_refused(FIXTURES "huge-part.docx", "too large (65 MiB");
	assert_file_refused(FIXTURES "liar.docx", "damaged Word document (.docx)");
	assert_file_refused(FIXTURES "no-document.docx", "not a Word document (.docx)");
	assert_file_refused(FIXTURES "encrypted.docx", "encrypted");
	assert_file_refused("assets/reports/putuo-2021.txt", "not a Word document (.docx)");
	assert_refused("", 0, "not a Word document (.docx)");
	assert_refused("PK\3\4", 4, "damaged Word document (.docx)");
	static const char ole[16] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";
	assert_refused(ole, sizeof ole, "old binary Word file");
}

static void test_hostile_packages(void **state)
{
	(void)state;
	size_t n;
	char *bytes;
	/* a zip holding an EncryptedPackage */
	static const char *const enc_names[] = { "EncryptedPackage", "EncryptionInfo" };
	static const char *const enc_datas[] = { "\x01\x02", "\x04\x00" };
	bytes = zip_build(enc_names, enc_datas, 2, 0, &n);
	assert_refused(bytes, n, "encrypted");
	free(bytes);
	/* malformed XML, a part that is not a Word document, a document with no text */
	bytes = docx(DOC(P("未闭合") "<w:p>"), NULL, NULL, &n);
	assert_refused(bytes, n, "damaged Word document (.docx): word/document.xml:");
	free(bytes);
	bytes = docx(XML_HEAD "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"/>",
	             NULL, NULL, &n);
	assert_refused(bytes, n, "not a Word document (.docx)");
	free(bytes);
	bytes = docx(DOC("<w:p/><w:p><w:r><w:t> </w:t></w:r></w:p>"), NULL, NULL, &n);
	assert_refused(bytes, n, "no text");
	free(bytes);
	/* an entity defined in a DTD is not expanded (no external fetch, no laughs) */
	bytes = docx(XML_HEAD "<!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">"
	             "<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
	             "<w:document xmlns:w=\"" W_NS "\"><w:body>" P("正文&x;&b;") "</w:body></w:document>",
	             NULL, NULL, &n);
	char *text = NULL, *cause = NULL;
	size_t len;
	if (extract_docx(bytes, n, &text, &len, &cause) == 0) {
		assert_null(strstr(text, "root:"));
		assert_non_null(strstr(text, "正文"));
		free(text);
	} else {
		free(cause);
	}
	free(bytes);
	/* an encoding error, which libxml2 would print: nothing reaches standard error */
	fflush(stderr);
	FILE *tmp = tmpfile();
	assert_non_null(tmp);
	int saved = dup(2);
	assert_true(saved >= 0);
	assert_true(dup2(fileno(tmp), 2) >= 0);
	bytes = docx("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n"
	             "<w:document xmlns:w=\"" W_NS "\"><w:body>" P("\x80\xff\xfd\xa0\x85") "</w:body></w:document>",
	             NULL, NULL, &n);
	int rc = extract_docx(bytes, n, &text, &len, &cause);
	free(rc == 0 ? text : cause);
	free(bytes);
	fflush(stderr);
	assert_true(dup2(saved, 2) >= 0);
	close(saved);
	assert_int_equal(ftell(tmp), 0);
	fclose(tmp);
	/* paragraphs nested past the frame limit, and deep XML */
	struct buf deep = { 0 };
	buf_adds(&deep, DOC(""));
	deep.len -= strlen("</w:body></w:document>");
	for (int i = 0; i < 60; i++)
		buf_adds(&deep, "<w:p><w:r><w:txbxContent>");
	buf_adds(&deep, P("最深"));
	for (int i = 0; i < 60; i++)
		buf_adds(&deep, "</w:txbxContent></w:r></w:p>");
	buf_adds(&deep, "</w:body></w:document>");
	char *got = text_of(deep.data, NULL, NULL);
	assert_non_null(strstr(got, "最深"));
	free(got);
	buf_fini(&deep);
}

/* Every prefix of a real package, and every byte of a small stored one changed, is refused
 * or read; never a crash (the sanitizer build checks the reads). */
static void test_truncated_and_corrupt(void **state)
{
	(void)state;
	size_t n;
	char *bytes = read_fixture(FIXTURES "putuo-2021.docx", &n);
	for (size_t cut = 0; cut < n; cut += 97) {
		char *text = NULL, *cause = NULL;
		size_t len;
		int rc = extract_docx(bytes, cut, &text, &len, &cause);
		assert_true(rc == 0 ? text != NULL : cause != NULL);
		free(text);
		free(cause);
	}
	free(bytes);
	bytes = read_fixture("tests/fuzz/seeds/fuzz_docx/numbered-stored.docx", &n);
	for (size_t at = 0; at < n; at += 3) {
		char *copy = xmalloc(n);
		memcpy(copy, bytes, n);
		copy[at] ^= (char)(0x55 + at);
		char *text = NULL, *cause = NULL;
		size_t len;
		int rc = extract_docx(copy, n, &text, &len, &cause);
		assert_true(rc == 0 ? text != NULL : cause != NULL);
		free(text);
		free(cause);
		free(copy);
	}
	free(bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bounded_memory),
		cmocka_unit_test(test_restart_under_parent),
		cmocka_unit_test(test_chinese_numerals),
		cmocka_unit_test(test_start_values),
		cmocka_unit_test(test_level_override),
		cmocka_unit_test(test_numbering_through_styles),
		cmocka_unit_test(test_restart_rules_and_formats),
		cmocka_unit_test(test_undefined_numbering),
		cmocka_unit_test(test_text_content),
		cmocka_unit_test(test_header_number),
		cmocka_unit_test(test_toc_styles),
		cmocka_unit_test(test_table_of_figures),
		cmocka_unit_test(test_putuo_docx),
		cmocka_unit_test(test_hostile_files),
		cmocka_unit_test(test_hostile_packages),
		cmocka_unit_test(test_truncated_and_corrupt),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
