/* test_21_formats.c — files as governments publish them in a corpus: kinds told by content, every format loaded from a directory, failures named with their reason. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "read_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "corpus.h"
#include "extract.h"
#include "extract_cache.h"
#include "report.h"
#include "xmalloc.h"

#define PDF "tests/fixtures/formats/pdf/wujin-2020.pdf"
#define DOCX "tests/fixtures/formats/docx/putuo-2021.docx"

static void put(const char *path, const char *bytes, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
}

/* The kind is told by the bytes first: a PDF named .txt is a PDF, a page named .txt is HTML. */
static void test_kinds(void **state)
{
	(void)state;
	size_t n;
	char *pdf = read_fixture(PDF, &n);
	assert_int_equal(extract_kind_of(pdf, n, "report.txt"), EXTRACT_PDF);
	free(pdf);
	char *docx = read_fixture(DOCX, &n);
	assert_int_equal(extract_kind_of(docx, n, "a.bin"), EXTRACT_DOCX);
	free(docx);
	static const char page[] = "\xef\xbb\xbf  <!DOCTYPE html><html><body><p>正文</p></body></html>";
	assert_int_equal(extract_kind_of(page, sizeof page - 1, "page.txt"), EXTRACT_HTML);
	static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest";
	assert_int_equal(extract_kind_of(ole, sizeof ole - 1, "old.doc"), EXTRACT_OLD_WORD);
	assert_int_equal(extract_kind_of(ole, sizeof ole - 1, "locked.docx"), EXTRACT_DOCX);
	static const char text[] = "某区2021年法治政府建设报告\n一、工作\n正文。\n";
	assert_int_equal(extract_kind_of(text, sizeof text - 1, "a.html"), EXTRACT_TEXT);
	assert_int_equal(extract_kind_of(text, sizeof text - 1, NULL), EXTRACT_TEXT);
	assert_true(extract_wanted_name("A.PDF") && extract_wanted_name("x.shtml") && extract_wanted_name("y.Docx"));
	assert_false(extract_wanted_name("notes.md") || extract_wanted_name("pdf"));
}

/* A directory of published files loads every kind; the ones that fail are named with their
 * reason and the rest load. */
static void test_directory(void **state)
{
	(void)state;
	char dir[] = "/tmp/fazhi-test21-XXXXXX";
	assert_non_null(mkdtemp(dir));
	size_t n;
	char *pdf = read_fixture(PDF, &n), path[256];
	snprintf(path, sizeof path, "%s/wujin.txt", dir);   /* a PDF renamed .txt */
	put(path, pdf, n);
	free(pdf);
	char *docx = read_fixture(DOCX, &n);
	snprintf(path, sizeof path, "%s/putuo.docx", dir);
	put(path, docx, n);
	free(docx);
	static const char page[] = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body>"
	                           "<p>某县2020年法治政府建设情况报告</p><p>一、主要工作</p><p>全年办理行政复议案件12件。</p>"
	                           "</body></html>";
	snprintf(path, sizeof path, "%s/page.html", dir);
	put(path, page, sizeof page - 1);
	static const char ole[] = "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old Word file";
	snprintf(path, sizeof path, "%s/old.doc", dir);
	put(path, ole, sizeof ole - 1);
	snprintf(path, sizeof path, "%s/notes.md", dir);   /* not a report: not taken */
	put(path, "x", 1);

	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, dir), 1);
	assert_int_equal(c.n, 3);
	int years = 0;
	for (size_t i = 0; i < c.n; i++) {
		const struct report *r = corpus_get(&c, i);
		assert_non_null(r);
		assert_true(r->nsections > 0);
		years += r->meta.year;
		assert_null(strchr(r->text, '<'));   /* text, never markup */
	}
	assert_int_equal(years, 2021 + 2020 + 2020);
	assert_int_equal(c.nmsgs, 1);
	assert_non_null(strstr(c.msgs[0].path, "old.doc"));
	assert_non_null(strstr(c.msgs[0].reason, "libreoffice --headless --convert-to docx"));
	corpus_fini(&c);

	const char *names[] = { "wujin.txt", "putuo.docx", "page.html", "old.doc", "notes.md" };
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[k]);
		unlink(path);
	}
	rmdir(dir);
}

/* A crawler's JSON record whose text is the page's HTML: its fields give the metadata, its HTML
 * is read as a page (text, never markup), and the record is not taken for a page itself. */
static void test_record_of_html(void **state)
{
	(void)state;
	char dir[] = "/tmp/fazhi-test21-XXXXXX", path[256];
	assert_non_null(mkdtemp(dir));
	static const char record[] =
		"{\"title\": \"某县人民政府关于2020年度法治政府建设情况的报告\", \"publish_time\": \"2021-03-02 10:00\", "
		"\"content\": \"<p>市人民政府：</p><p>2020年，某县全面推进法治政府建设，现将有关情况报告如下：</p>"
		"<p><strong>一、主要工作</strong></p><p>全年办理行政复议案件12件，审核规范性文件5件。</p>"
		"<p><strong>二、存在的问题</strong></p><p>一是基层力量薄弱。</p>\"}";
	assert_int_equal(extract_kind_of(record, sizeof record - 1, "r.txt"), EXTRACT_TEXT);
	snprintf(path, sizeof path, "%s/record.txt", dir);
	put(path, record, sizeof record - 1);
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, path), 0);
	const struct report *r = corpus_get(&c, 0);
	assert_non_null(r);
	assert_string_equal(r->meta.title, "某县人民政府关于2020年度法治政府建设情况的报告");
	assert_string_equal(r->meta.published, "2021-03-02");
	assert_int_equal(report_count_level(r, 1), 2);
	assert_null(strchr(r->text, '<'));
	corpus_fini(&c);
	unlink(path);
	rmdir(dir);
}

/* A scanned PDF is named with its reason. */
static void test_scanned(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, "tests/fixtures/formats/pdf/scanned.pdf"), 1);
	assert_int_equal(c.n, 0);
	assert_int_equal(c.nmsgs, 1);
	assert_string_equal(c.msgs[0].reason, "no text layer (a scanned PDF); OCR it first");
	corpus_fini(&c);
}

static struct report *load_cached(const char *cache, const char *path)
{
	struct corpus c;
	corpus_init(&c);
	corpus_set_text_cache(&c, cache);
	assert_int_equal(corpus_add_path(&c, path), 0);
	struct report *r = c.reports[0];
	c.reports[0] = NULL;   /* kept past the corpus */
	corpus_fini(&c);
	return r;
}

/* A converted file is kept by its content: the next load reads the entry instead of the PDF,
 * a damaged entry is ignored and written again. */
static void test_text_cache(void **state)
{
	(void)state;
	char cache[] = "/tmp/fazhi-test21c-XXXXXX";
	assert_non_null(mkdtemp(cache));
	size_t n;
	char *pdf = read_fixture(PDF, &n), *text;
	uint64_t key = extract_cache_key(EXTRACT_PDF, pdf, n);
	assert_int_not_equal(key, extract_cache_key(EXTRACT_PDF, pdf, n - 1));
	free(pdf);
	assert_int_equal(extract_cache_get(cache, key, &text, &n), -1);

	struct report *r = load_cached(cache, PDF);
	assert_int_equal(r->meta.year, 2020);
	char *entry = extract_cache_path(cache, key);
	struct stat st;
	assert_int_equal(stat(entry, &st), 0);
	assert_int_equal(extract_cache_get(cache, key, &text, &n), 0);
	assert_non_null(strstr(text, "法治政府建设"));
	free(text);

	static const char other[] = "某县2017年法治政府建设情况报告\n一、主要工作\n全年办理行政复议案件12件。\n";
	assert_int_equal(extract_cache_put(cache, key, other, sizeof other - 1), 0);
	struct report *again = load_cached(cache, PDF);
	assert_int_equal(again->meta.year, 2017);   /* the entry was read, the PDF not converted */
	report_free(again);

	FILE *f = fopen(entry, "r+b");   /* damage the text: the checksum no longer holds */
	assert_non_null(f);
	fseek(f, -3, SEEK_END);
	fputc('X', f);
	fclose(f);
	again = load_cached(cache, PDF);
	assert_int_equal(again->meta.year, 2020);
	assert_int_equal(again->len, r->len);
	assert_int_equal(extract_cache_get(cache, key, &text, &n), 0);   /* written again */
	assert_int_equal(n, strlen(text));
	free(text);
	report_free(again);
	report_free(r);

	unlink(entry);
	free(entry);
	char sub[64];
	snprintf(sub, sizeof sub, "%s/text", cache);
	assert_int_equal(rmdir(sub), 0);   /* nothing else was left there */
	rmdir(cache);
}

/* Where a converter's library is missing, each file that needs it fails with one line naming
 * the library and the package to install, and the other files load. A library is opened once
 * for the process, so each case runs in a fresh one: the suite again, asked by its arguments
 * and the library's override variable to read a directory as a system without it would. */
#define HTML "tests/fixtures/formats/html/simen-gb2312.html"

static const struct missing_library {
	const char *var;            /* the override variable, set to a file that does not exist */
	const char *file;
	const char *failing[2];     /* the files that fail, NULL after the last */
	const char *reasons[2];     /* their reasons, whole */
	size_t loaded;              /* reports that load */
	int years;                  /* the sum of their years */
} missing_libraries[] = {
	{ "FAZHI_POPPLER_LIBRARY", "libfazhi-test-no-poppler.so.8",
	  { "wujin.pdf" },
	  { "cannot read PDF: libfazhi-test-no-poppler.so.8 not found (apt-get install libpoppler-glib8)" },
	  2, 2021 + 2022 },
	{ "FAZHI_LIBXML2_LIBRARY", "libfazhi-test-no-libxml2.so.2",
	  { "simen.html", "putuo.docx" },
	  { "cannot read HTML: libfazhi-test-no-libxml2.so.2 not found (apt-get install libxml2)",
	    "cannot read Word document: libfazhi-test-no-libxml2.so.2 not found (apt-get install libxml2)" },
	  1, 2020 },
	{ "FAZHI_LIBZIP_LIBRARY", "libfazhi-test-no-libzip.so.4",
	  { "putuo.docx" },
	  { "cannot read Word document: libfazhi-test-no-libzip.so.4 not found (apt-get install libzip4)" },
	  2, 2020 + 2022 },
};
#define NMISSING (sizeof missing_libraries / sizeof *missing_libraries)

/* The reason given for the file whose path ends in `name`, or NULL. */
static const char *reason_for(const struct corpus *c, const char *name)
{
	size_t k = strlen(name);
	for (size_t i = 0; i < c->nmsgs; i++) {
		size_t n = strlen(c->msgs[i].path);
		if (n >= k && strcmp(c->msgs[i].path + n - k, name) == 0)
			return c->msgs[i].reason;
	}
	return NULL;
}

/* The child: reads dir without the library of case `which`; 0 when all went as expected. */
static int without_library(const char *which, const char *dir)
{
	const struct missing_library *m = &missing_libraries[atoi(which) % NMISSING];
	struct corpus c;
	corpus_init(&c);
	corpus_add_path(&c, dir);
	int years = 0, ok = 1;
	for (size_t i = 0; i < c.n; i++)
		years += corpus_get(&c, i)->meta.year;
	size_t nfailing = 0;
	for (; nfailing < 2 && m->failing[nfailing]; nfailing++) {
		const char *got = reason_for(&c, m->failing[nfailing]);
		if (!got || strcmp(got, m->reasons[nfailing]) != 0) {
			fprintf(stderr, "without %s: %s: %s\n", m->file, m->failing[nfailing], got ? got : "(no message)");
			ok = 0;
		}
	}
	if (c.n != m->loaded || years != m->years || c.nmsgs != nfailing) {
		fprintf(stderr, "without %s: %zu reports (years %d), %zu messages\n", m->file, c.n, years, c.nmsgs);
		ok = 0;
	}
	corpus_fini(&c);
	return ok ? 0 : 1;
}

static void put_fixture(const char *fixture, const char *dir, const char *name)
{
	char path[256];
	size_t n;
	char *bytes = read_fixture(fixture, &n);
	snprintf(path, sizeof path, "%s/%s", dir, name);
	put(path, bytes, n);
	free(bytes);
}

static void test_without_libraries(void **state)
{
	(void)state;
	char dir[] = "/tmp/fazhi-test21p-XXXXXX";
	assert_non_null(mkdtemp(dir));
	put_fixture(PDF, dir, "wujin.pdf");
	put_fixture(DOCX, dir, "putuo.docx");
	put_fixture(HTML, dir, "simen.html");

	for (size_t i = 0; i < NMISSING; i++) {
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			char which[8];
			snprintf(which, sizeof which, "%zu", i);
			setenv(missing_libraries[i].var, missing_libraries[i].file, 1);
			execl("/proc/self/exe", "test_21_formats", "--without", which, dir, (char *)NULL);
			_exit(127);
		}
		int status;
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}

	const char *names[] = { "wujin.pdf", "putuo.docx", "simen.html" };
	for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
		char path[256];
		snprintf(path, sizeof path, "%s/%s", dir, names[k]);
		unlink(path);
	}
	rmdir(dir);
}

int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "--without") == 0)
		return without_library(argv[2], argv[3]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_directory),
		cmocka_unit_test(test_record_of_html),
		cmocka_unit_test(test_scanned),
		cmocka_unit_test(test_text_cache),
		cmocka_unit_test(test_without_libraries),
	};
	return cmocka_run_group_tests_name("formats", tests, NULL, NULL);
}
