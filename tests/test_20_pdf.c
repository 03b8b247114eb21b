/* test_20_pdf.c — PDF to report text: two samples printed as a word processor prints them read back as the same report; scans, passwords and damaged files refused with a reason. */
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
#include "extract.h"
#include "facts.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

#define DIR "tests/fixtures/formats/pdf/"

static char *extract_file(const char *path, size_t *len)
{
	size_t n;
	char *bytes = read_fixture(path, &n), *text = NULL, *cause = NULL;
	int rc = extract_pdf(bytes, n, &text, len, &cause);
	if (rc != 0)
		fail_msg("%s: %s", path, cause);
	assert_null(cause);
	assert_int_equal(strlen(text), *len);
	free(bytes);
	return text;
}

/* The text of the PDF at path holds each of the strings after it (up to a NULL). */
static void assert_pdf_holds(const char *path, ...)
{
	size_t len;
	char *text = extract_file(path, &len);
	va_list ap;
	va_start(ap, path);
	for (const char *want; (want = va_arg(ap, const char *));)
		if (!strstr(text, want))
			fail_msg("%s: no \"%s\" in its text", path, want);
	va_end(ap);
	free(text);
}

static char *refused(const char *path)
{
	size_t n, len = 99;
	char *bytes = read_fixture(path, &n), *text = (char *)"x", *cause = NULL;
	assert_int_equal(extract_pdf(bytes, n, &text, &len, &cause), -1);
	assert_null(text);
	assert_int_equal(len, 0);
	assert_non_null(cause);
	assert_null(strchr(cause, '\n'));
	free(bytes);
	return cause;
}

/* The lines first..last (1-based) of an embedded sample: what make.sh printed to PDF. */
static void add_lines(struct buf *b, const char *name, int first, int last)
{
	const struct asset *a = assets_find(name);
	assert_non_null(a);
	const char *s = (const char *)a->data, *end = s + a->size;
	for (int no = 1; s < end; no++) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *e = nl ? nl : end;
		if (no >= first && no <= last)
			buf_add(b, s, (size_t)(e - s)), buf_addc(b, '\n');
		s = nl ? nl + 1 : end;
	}
}

static int is_han(const unsigned char *p)
{
	/* U+3400..U+9FFF: E3 90 80 .. E9 BF BF */
	return p[0] >= 0xe3 && p[0] <= 0xe9 && (p[0] > 0xe3 || p[1] >= 0x90);
}

/* The printed lines as the converter should give them back: blank lines gone, blanks (space,
 * U+00A0, U+3000) trimmed, and the spaces the web page had between two Han characters left
 * out ("抗击新冠肺炎 武进在行动"): in a PDF such a space cannot be told from the gaps of
 * justified text, so every space next to Chinese goes. */
static char *expected(const char *name, const int (*ranges)[2], size_t nranges)
{
	struct buf src = { 0 }, out = { 0 };
	for (size_t i = 0; i < nranges; i++)
		add_lines(&src, name, ranges[i][0], ranges[i][1]);
	const char *s = src.data;
	while (*s) {
		const char *e = strchr(s, '\n');
		while (s < e && (*s == ' ' || !strncmp(s, "\xc2\xa0", 2) || !strncmp(s, "\xe3\x80\x80", 3)))
			s += *s == ' ' ? 1 : *s == '\xc2' ? 2 : 3;
		const char *t = e;
		for (;;) {
			if (t > s && t[-1] == ' ')
				t--;
			else if (t - s >= 2 && !strncmp(t - 2, "\xc2\xa0", 2))
				t -= 2;
			else if (t - s >= 3 && !strncmp(t - 3, "\xe3\x80\x80", 3))
				t -= 3;
			else
				break;
		}
		if (t > s) {
			for (const char *p = s; p < t; p++) {
				if (*p == ' ' && p > s + 2 && p + 3 < t && is_han((const unsigned char *)p - 3) &&
				    is_han((const unsigned char *)p + 1))
					continue;
				buf_addc(&out, *p);
			}
			buf_addc(&out, '\n');
		}
		s = e + 1;
	}
	buf_fini(&src);
	return buf_take(&out);
}

static char *tree_of(const struct report *r)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < r->nsections; i++) {
		const struct section *s = &r->sections[i];
		buf_printf(&b, "%d:", s->level);
		report_add_joined(&b, r, s->number_start, s->number_end);
		buf_adds(&b, "=");
		report_add_joined(&b, r, s->title_start, s->title_end);
		buf_addc(&b, '\n');
	}
	return buf_take(&b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The (metric, value) pairs facts_extract finds, sorted, one a line. */
static char *facts_of(const struct report *r)
{
	char *cause = NULL;
	const struct facts_model *m = facts_default(&cause);
	if (!m)
		fail_msg("%s", cause);
	struct facts f = { 0 };
	facts_extract(m, r, &f);
	char **v = xcalloc(f.n + 1, sizeof *v);
	for (size_t i = 0; i < f.n; i++)
		v[i] = xasprintf("%s=%s", facts_metric_name(m, f.v[i].metric), f.v[i].value_text);
	qsort(v, f.n, sizeof *v, cmp_str);
	struct buf b = { 0 };
	for (size_t i = 0; i < f.n; i++)
		buf_adds(&b, v[i]), buf_addc(&b, '\n'), free(v[i]);
	free(v);
	size_t n = f.n;
	facts_fini(&f);
	char *s = buf_take(&b);
	assert_true(n > 0);
	return s;
}

static void assert_opt_equal(const char *got, const char *want)
{
	assert_string_equal(got ? got : "(null)", want ? want : "(null)");
}

/* The PDF reads back as the printed text, and parses as the sample it came from: same title,
 * region, year, chapter tree and facts. The web page's chrome (publication date, 索引号 …) was
 * never printed, so published and what only the chrome states are not compared. */
static void check_sample(const char *pdf, const char *asset, const int (*ranges)[2], size_t nranges)
{
	size_t len;
	char *text = extract_file(pdf, &len);
	char *want = expected(asset, ranges, nranges);
	assert_string_equal(text, want);
	free(want);

	const struct asset *a = assets_find(asset);
	struct report *orig = parse_report(xstrndup((const char *)a->data, a->size), a->size, asset);
	struct report *got = parse_report(text, len, pdf);
	assert_opt_equal(got->meta.title, orig->meta.title);
	assert_opt_equal(got->meta.region, orig->meta.region);
	assert_int_equal(got->meta.year, orig->meta.year);
	assert_true(orig->nsections > 10);
	char *t1 = tree_of(orig), *t2 = tree_of(got);
	assert_string_equal(t2, t1);
	free(t1), free(t2);
	char *f1 = facts_of(orig), *f2 = facts_of(got);
	assert_string_equal(f2, f1);
	free(f1), free(f2);
	report_free(orig);
	report_free(got);
}

static const int wujin_lines[][2] = { { 24, 136 } };
static const int putuo_lines[][2] = { { 8, 8 }, { 11, 99 } };

static void test_wujin(void **state)
{
	(void)state;
	check_sample(DIR "wujin-2020.pdf", "reports/wujin-2020.txt", wujin_lines, 1);
}

static void test_putuo(void **state)
{
	(void)state;
	check_sample(DIR "putuo-2021.pdf", "reports/putuo-2021.txt", putuo_lines, 2);
}

/* A PDF of Latin text in Courier, written here: each page holds lines (x, y from the bottom,
 * size, text). */
struct pdf_line {
	int x, y, size;
	const char *text;
};

static char *latin_pdf(const struct pdf_line (*pages)[8], int npages, size_t *n)
{
	struct buf b = { 0 };
	size_t off[64];
	int obj = 0;
	buf_adds(&b, "%PDF-1.4\n");
	off[++obj] = b.len;
	buf_adds(&b, "1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n");
	off[++obj] = b.len;
	buf_adds(&b, "2 0 obj << /Type /Pages /Kids [");
	for (int p = 0; p < npages; p++)
		buf_printf(&b, " %d 0 R", 4 + 2 * p);
	buf_printf(&b, " ] /Count %d >> endobj\n", npages);
	off[++obj] = b.len;
	buf_adds(&b, "3 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Courier >> endobj\n");
	for (int p = 0; p < npages; p++) {
		struct buf c = { 0 };
		for (int i = 0; i < 8 && pages[p][i].text; i++)
			buf_printf(&c, "BT /F1 %d Tf %d %d Td (%s) Tj ET\n", pages[p][i].size, pages[p][i].x,
				   pages[p][i].y, pages[p][i].text);
		off[++obj] = b.len;
		buf_printf(&b, "%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
			   "/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >> endobj\n", obj, obj + 1);
		off[++obj] = b.len;
		buf_printf(&b, "%d 0 obj << /Length %zu >> stream\n%sendstream endobj\n", obj, c.len, c.data);
		buf_fini(&c);
	}
	size_t xref = b.len;
	buf_printf(&b, "xref\n0 %d\n0000000000 65535 f \n", obj + 1);
	for (int i = 1; i <= obj; i++)
		buf_printf(&b, "%010zu 00000 n \n", off[i]);
	buf_printf(&b, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", obj + 1, xref);
	*n = b.len;
	return buf_take(&b);
}

/* The text extract_pdf reads from the pages, asserted equal to want. */
static void assert_pdf_text(const struct pdf_line (*pages)[8], int npages, const char *want)
{
	size_t n, len;
	char *pdf = latin_pdf(pages, npages, &n), *text = NULL, *cause = NULL;
	if (extract_pdf(pdf, n, &text, &len, &cause) != 0)
		fail_msg("%s", cause);
	assert_string_equal(text, want);
	free(text);
	free(pdf);
}

/* Page numbers as - 1 -, Page 2 of 4, 3/4 and a bare 4; a running header and a running footer
 * line; lines of Latin text joined with a space, across pages too, and the spaces between Latin
 * words and digits kept. */
static void test_latin_furniture(void **state)
{
	(void)state;
#define HEAD { 250, 800, 9, "Annual Report 2021" }
#define FOOT { 230, 60, 9, "Somewhere County Office" }
	static const struct pdf_line pages[][8] = {
		{ HEAD, { 72, 700, 10, "In 2021 the county received 12 requests" },
		  { 72, 686, 10, "for review under the Administrative Law," }, FOOT, { 280, 40, 10, "- 1 -" } },
		{ HEAD, { 72, 700, 10, "and it closed 11 of them within the time" },
		  { 72, 686, 10, "limit; one case is pending." }, FOOT, { 270, 40, 10, "Page 2 of 4" } },
		{ HEAD, { 72, 700, 10, "The office uses Word 2016 and Excel for" },
		  { 72, 686, 10, "its records, as it did in 2020." }, FOOT, { 285, 40, 10, "3/4" } },
		{ HEAD, { 72, 700, 10, "Annual figures follow in the tables." }, FOOT, { 290, 40, 10, "4" } },
	};
#undef HEAD
#undef FOOT
	assert_pdf_text(pages, 4,
		"In 2021 the county received 12 requests for review under the Administrative Law, and it "
		"closed 11 of them within the time limit; one case is pending.\n"
		"The office uses Word 2016 and Excel for its records, as it did in 2020.\n"
		"Annual figures follow in the tables.\n");
}

/* A table's row whose cells are text objects of their own at one height, and one whose cells a
 * single line sets far apart: each row a line with a tab between cells, the paragraphs around
 * them as they were. */
static void test_table_rows(void **state)
{
	(void)state;
	static const struct pdf_line pages[][8] = {
		{ { 72, 700, 10, "The county reviewed its cases as the table shows." },
		  { 72, 680, 10, "Item" }, { 250, 680, 10, "2022" }, { 350, 680, 10, "2023" },
		  { 72, 665, 10, "Review cases            12               15" },
		  { 72, 650, 10, "Lawsuits" }, { 250, 650, 10, "7" }, { 350, 650, 10, "9" } },
		{ { 72, 700, 10, "The rest of the report goes on here." } },
	};
	assert_pdf_text(pages, 2,
		"The county reviewed its cases as the table shows.\n"
		"Item\t2022\t2023\n"
		"Review cases\t12\t15\n"
		"Lawsuits\t7\t9\n"
		"The rest of the report goes on here.\n");
}

/* A row whose label cell wraps onto two lines, the row's other cells centred between them, met
 * before its label and after it in poppler's order: the label whole, then the cells. */
static void test_wrapped_label(void **state)
{
	(void)state;
	static const struct pdf_line pages[][8] = {
		{ { 72, 700, 10, "The figures of the year follow." },
		  { 72, 680, 10, "Review cases" }, { 72, 666, 10, "received" },
		  { 250, 673, 10, "12" }, { 350, 673, 10, "15" },
		  { 72, 640, 10, "The rest of the report goes on here." } },
	};
	assert_pdf_text(pages, 1,
		"The figures of the year follow.\n"
		"Review cases received\t12\t15\n"
		"The rest of the report goes on here.\n");
}

/* Cells set at the top of their row, wrapping below it, or a label's lines around its row: each
 * cell's lines are read with it, the label's and a figure's alike, and the next row keeps its own:
 * LibreOffice's prints of reports (tests/forms219, tests/forms209, tests/forms226). */
static void test_wrapped_cells(void **state)
{
	(void)state;
	assert_pdf_holds("tests/forms219/reports/1327_pingyuan_2019.pdf",
			 "\n县政府收到行政复议申请（含上级机关转办）\t31件\t其中不予受理3件\n",
			 "\n以县政府为被告的一审行政诉讼案件\t11件\t已审结9件\n", NULL);
	assert_pdf_holds("tests/forms209/reports/1272_hongta_2025.pdf",
			 "\n持证行政执法人员\t持证执法人员1268名\t含街道（镇）\n行政处罚案件\t办理行政处罚案件2946件\t", NULL);
	/* a label's two lines straddling its row, and a figure poppler gave a line of its own beside the
	 * row's other cells it ran together (tests/forms226) */
	assert_pdf_holds("tests/forms226/reports/1371_xishuangbanna_2023.pdf",
			 "\n“首违不罚”“轻微免罚”案件（件）\t412\t265\t55.5%\n",
			 "\n向公安机关移送涉嫌犯罪案件（件）\t43\t37\t16.2%\n",
			 "\n跨部门联合执法检查（次）\t186\t142\t31.0%\n", NULL);
	/* a header's cells parted by a little less than a character's height, more than the one em a
	 * full-width space sets (tests/forms304) */
	assert_pdf_holds("tests/forms304/reports/1839_yongcheng_2017.pdf", "年度\t复议收案\t复议审结\t复议维持", NULL);
	/* a row of cells under a row is a row of its own, not a cell's wrapped line */
	assert_pdf_holds("tests/forms137/reports/839_lanzhou_sfj_2021.pdf", "+12\n合计\t件\t7048", NULL);
}

/* The same report with paragraphs set apart by space instead of indented, the header on every
 * page (over the title on the first), a footer line and "第 N 页". */
static void test_putuo_block(void **state)
{
	(void)state;
	check_sample(DIR "putuo-2021.block.pdf", "reports/putuo-2021.txt", putuo_lines, 2);
}

/* No page number, no running header (the title repeated over pages 2–9), no blank between
 * Han characters: this sample has no Latin words, so no space at all. */
static void test_no_furniture(void **state)
{
	(void)state;
	size_t len;
	char *text = extract_file(DIR "wujin-2020.pdf", &len);
	const char *title = "常州市武进区人民政府2020年法治政府建设工作报告";
	const char *first = strstr(text, title);
	assert_ptr_equal(first, text);
	assert_null(strstr(first + 1, title));
	assert_null(strstr(text, "—"));
	assert_null(strchr(text, ' '));
	assert_null(strstr(text, "\n\n"));
	for (const char *p = text; (p = strchr(p, '\n')) && p[1]; p++)
		assert_false(p[1] >= '0' && p[1] <= '9' && (p[2] == '\n' || (p[2] >= '0' && p[2] <= '9' && p[3] == '\n')));
	free(text);
}

/* A line set right (the signature's date) stands alone though the 版记 under it opens at the
 * left edge: LibreOffice's print of a town's report (tests/forms35). */
static void test_right_set_line(void **state)
{
	(void)state;
	assert_pdf_holds("tests/forms35/reports/226_shangluo_shanyang_manchuanguan_2024.pdf", "\n2025年1月16日\n抄送：", NULL);
}

/* A line wrapped before a run of digits ends short of the right edge by about their width, and
 * its paragraph goes on: LibreOffice's print of a development zone's report (tests/forms58). */
static void test_short_before_digits(void **state)
{
	(void)state;
	assert_pdf_holds("tests/forms58/reports/364_qianjiang_kfq_2022.pdf", "发放宣传资料9200余份。", "讨回欠薪126万元。",
			 "\n（九）统筹疫情防控和安全生产\n", NULL);
}

/* A line ends short before a line that opens with a bracket or quote, which typesetting keeps off a
 * line's end, and its paragraph goes on (全县77个村 / （社区）均配备法律顾问); a heading opening
 * with a bracket still starts its own: LibreOffice's prints of two counties' reports
 * (tests/forms242, tests/forms201). */
static void test_held_opening_mark(void **state)
{
	(void)state;
	assert_pdf_holds("tests/forms242/reports/1465_huaning_2019.pdf", "全县77个村（社区）均配备法律顾问。", NULL);
	assert_pdf_holds("tests/forms201/reports/1222_huixian_2023.pdf", "认真落实《法治政府建设实施纲要（2021—2025年）》",
			 "\n（一）", NULL);
}

/* Two bodies that issue a report jointly, named on one line of its title, stay parted by the
 * space between them (every other space next to Chinese goes): LibreOffice's prints of a town's
 * and a district's reports (tests/forms167, tests/forms201). */
static void test_joint_issuers(void **state)
{
	(void)state;
	size_t len;
	assert_pdf_holds("tests/forms167/reports/1020_wucheng_luquantun_2025.pdf", "中共鲁权屯镇委员会 鲁权屯镇人民政府关于2025年度",
			 NULL);
	char *text = extract_file("tests/forms201/reports/1220_chenzhou_suxian_2019.pdf", &len);
	assert_non_null(strstr(text, "\n中共郴州市苏仙区委 郴州市苏仙区人民政府关于2019年度"));
	assert_null(strstr(text, "区委 员会"));
	free(text);
}

/* A figure a line breaks in Chinese text goes on in the next line's digits, no space between:
 * LibreOffice's print of a county's report (tests/forms167). */
static void test_figure_across_lines(void **state)
{
	(void)state;
	assert_pdf_holds("tests/forms167/reports/1015_pengan_2016.pdf", "全县持证执法人员932名", "全年接待群众来访862批次", NULL);
}

/* A PDF is told by its bytes: the same file named .txt reads the same. A PDF with only an
 * owner password (permissions, no password to open) reads like any other. */
static void test_renamed_and_owner_password(void **state)
{
	(void)state;
	size_t a, b, c;
	char *t1 = extract_file(DIR "wujin-2020.pdf", &a);
	char *t2 = extract_file(DIR "wujin-2020.pdf.txt", &b);
	char *t3 = extract_file(DIR "owner-only.pdf", &c);
	assert_string_equal(t2, t1);
	assert_string_equal(t3, t1);
	free(t1), free(t2), free(t3);
}

static void test_refused(void **state)
{
	(void)state;
	char *c = refused(DIR "scanned.pdf");
	assert_string_equal(c, "no text layer (a scanned PDF); OCR it first");
	free(c);
	c = refused(DIR "encrypted.pdf");
	assert_string_equal(c, "encrypted PDF; save it without a password first");
	free(c);
	c = refused(DIR "truncated.pdf");
	assert_string_equal(c, "not a readable PDF (PDF document is damaged)");
	free(c);
	c = refused(DIR "corrupt.pdf");
	assert_string_equal(c, "not a readable PDF (PDF document is damaged)");
	free(c);

	char *text = NULL, *cause = NULL;
	size_t len;
	assert_int_equal(extract_pdf("", 0, &text, &len, &cause), -1);
	assert_non_null(strstr(cause, "not a readable PDF ("));
	free(cause);
	assert_int_equal(extract_pdf("plain text, not a PDF\n", 22, &text, &len, &cause), -1);
	assert_non_null(strstr(cause, "not a readable PDF ("));
	free(cause);
	/* The size is refused before a byte is read, so a short buffer stands in for a huge one. */
	assert_int_equal(extract_pdf("%PDF-1.5\n", ((size_t)512 << 20) + 1, &text, &len, &cause), -1);
	assert_string_equal(cause, "PDF too large (512 MiB; at most 512 MiB)");
	free(cause);
}

/* Damaged copies of the good PDF: bytes flipped at 300 deterministic places (one, then a
 * burst of eight), and cuts at 40 lengths. Each must return 0 with text or -1 with a reason,
 * never crash; run under ASan by `make sanitize`. */
static void test_damaged(void **state)
{
	(void)state;
	size_t n;
	char *good = read_fixture(DIR "wujin-2020.pdf", &n);
	char *bad = xmalloc(n);
	uint32_t seed = 20240601;
	int ok = 0, failed = 0;
	for (int i = 0; i < 340; i++) {
		memcpy(bad, good, n);
		size_t len = n;
		seed = seed * 1664525u + 1013904223u;
		size_t at = (seed >> 8) % n;
		if (i < 150) {
			bad[at] ^= (char)(1 + (seed & 0x7f));
		} else if (i < 300) {
			for (size_t k = 0; k < 8 && at + k < n; k++)
				bad[at + k] = (char)(seed >> (k * 3));
		} else {
			len = (size_t)(i - 300 + 1) * n / 41;
		}
		char *text = NULL, *cause = NULL;
		size_t tl = 0;
		if (extract_pdf(bad, len, &text, &tl, &cause) == 0) {
			assert_non_null(text);
			assert_int_equal(strlen(text), tl);
			assert_null(cause);
			ok++;
		} else {
			assert_null(text);
			assert_non_null(cause);
			failed++;
		}
		free(text);
		free(cause);
	}
	print_message("damaged PDFs: %d read, %d refused\n", ok, failed);
	assert_true(ok > 0 && failed > 0);
	free(bad);
	free(good);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wujin),
		cmocka_unit_test(test_putuo),
		cmocka_unit_test(test_putuo_block),
		cmocka_unit_test(test_no_furniture),
		cmocka_unit_test(test_latin_furniture),
		cmocka_unit_test(test_figure_across_lines),
		cmocka_unit_test(test_renamed_and_owner_password),
		cmocka_unit_test(test_right_set_line),
		cmocka_unit_test(test_short_before_digits),
		cmocka_unit_test(test_joint_issuers),
		cmocka_unit_test(test_held_opening_mark),
		cmocka_unit_test(test_table_rows),
		cmocka_unit_test(test_wrapped_label),
		cmocka_unit_test(test_wrapped_cells),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_damaged),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	facts_default_free();
	return rc;
}
