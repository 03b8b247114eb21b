/* test_30_cli_outline.c — `fazhi outline` run as a program: JSON and text output, --help, exit statuses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buf.h"

#define FAZHI "build/fazhi"

/* Runs `fazhi ARGS` from the repository root; returns stdout, *status the exit status. */
static char *run(const char *args, int *status)
{
	if (access(FAZHI, X_OK) != 0)
		skip();
	char cmd[512];
	snprintf(cmd, sizeof cmd, "%s %s 2>/dev/null", FAZHI, args);
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	struct buf b = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, p)) > 0)
		buf_add(&b, chunk, n);
	int st = pclose(p);
	*status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
	return buf_take(&b);
}

static void test_json_fixture(void **state)
{
	(void)state;
	int st;
	char *out = run("outline --json tests/fixtures/parse/metatitle.txt tests/fixtures/parse/bodytitle.txt", &st);
	assert_int_equal(st, 0);
	assert_string_equal(out,
		"{\"file\":\"tests/fixtures/parse/metatitle.txt\",\"title\":\"北湖区2020年法治政府建设年度报告\","
		"\"region\":\"郴州市北湖区\",\"level\":\"county\",\"year\":2020,\"published\":\"2021-03-05\",\"doc_number\":\"北政发〔2021〕3号\","
		"\"issuer\":\"北湖区人民政府\",\"corrected\":[],\"warnings\":[],\"sections\":["
		"{\"level\":1,\"number\":\"一\",\"title\":\"推进依法全面履行政府职能\",\"part\":\"measures\",\"topic\":\"functions\",\"topic2\":null,\"sections\":[]},"
		"{\"level\":1,\"number\":\"二\",\"title\":\"完善依法行政制度体系\",\"part\":\"measures\",\"topic\":\"rules\",\"topic2\":null,\"sections\":[]}]}\n"
		"{\"file\":\"tests/fixtures/parse/bodytitle.txt\",\"title\":\"白沙镇2021年度法治政府建设工作报告\","
		"\"region\":\"白沙镇\",\"level\":\"town\",\"year\":2021,\"published\":null,\"doc_number\":null,\"issuer\":null,\"corrected\":[],\"warnings\":[],\"sections\":["
		"{\"level\":1,\"number\":\"一\",\"title\":\"主要做法\",\"part\":\"measures\",\"topic\":\"general\",\"topic2\":null,\"sections\":["
		"{\"level\":2,\"number\":\"一\",\"title\":\"强化组织领导\",\"part\":\"measures\",\"topic\":\"leadership\",\"topic2\":null,\"sections\":["
		"{\"level\":3,\"number\":\"1\",\"title\":\"完善领导机制\",\"part\":\"measures\",\"topic\":\"leadership\",\"topic2\":null,\"sections\":[]},"
		"{\"level\":3,\"number\":\"2\",\"title\":\"压实工作责任\",\"part\":\"measures\",\"topic\":\"leadership\",\"topic2\":null,\"sections\":["
		"{\"level\":4,\"number\":\"1\",\"title\":\"落实述法制度\",\"part\":\"measures\",\"topic\":\"leadership\",\"topic2\":null,\"sections\":[]},"
		"{\"level\":4,\"number\":\"2\",\"title\":\"开展法治督查\",\"part\":\"measures\",\"topic\":\"leadership\",\"topic2\":null,\"sections\":[]}]},"
		"{\"level\":3,\"number\":\"3\",\"title\":\"加强学法用法\",\"part\":\"measures\",\"topic\":\"leadership\",\"topic2\":null,\"sections\":[]}]},"
		"{\"level\":2,\"number\":\"二\",\"title\":\"规范行政执法\",\"part\":\"measures\",\"topic\":\"enforcement\",\"topic2\":null,\"sections\":[]}]},"
		"{\"level\":1,\"number\":\"二\",\"title\":\"下一步打算\",\"part\":\"plans\",\"topic\":\"general\",\"topic2\":null,\"sections\":[]}]}\n");
	free(out);
}

static void test_json_null_year(void **state)
{
	(void)state;
	int st;
	char *out = run("outline --json tests/fixtures/parse/noyear.txt", &st);
	assert_int_equal(st, 0);
	assert_string_equal(out,
		"{\"file\":\"tests/fixtures/parse/noyear.txt\",\"title\":\"关于法治政府建设情况的报告\","
		"\"region\":null,\"level\":null,\"year\":null,\"published\":null,\"doc_number\":null,\"issuer\":null,\"corrected\":[],"
		"\"warnings\":[{\"kind\":\"no_year\",\"line\":1,\"message\":\"the year reported on is stated nowhere\"}],"
		"\"sections\":[{\"level\":1,\"number\":\"一\",\"title\":\"工作情况\",\"part\":\"measures\",\"topic\":\"general\",\"topic2\":null,\"sections\":[]}]}\n");
	free(out);
	/* An empty file is not loaded: nothing printed, status 1. */
	out = run("outline --json tests/fixtures/parse/empty.txt", &st);
	assert_int_equal(st, 1);
	assert_string_equal(out, "");
	free(out);
}

static void test_text(void **state)
{
	(void)state;
	int st;
	char *out = run("outline tests/fixtures/parse/noheadings.txt tests/fixtures/parse/metatitle.txt", &st);
	assert_int_equal(st, 0);
	assert_string_equal(out,
		"tests/fixtures/parse/noheadings.txt\n"
		"  title:      青山县2021年法治政府建设情况报告\n"
		"  region:     青山县\n"
		"  level:      county\n"
		"  year:       2021\n"
		"  published:  2022-02-15\n"
		"  issuer:     青山县人民政府\n"
		"  headings:   0/0/0 (levels 1/2/3)\n"
		"  warning: line 1: no chapter headings found\n"
		"\n"
		"tests/fixtures/parse/metatitle.txt\n"
		"  title:      北湖区2020年法治政府建设年度报告\n"
		"  region:     郴州市北湖区\n"
		"  level:      county\n"
		"  year:       2020\n"
		"  published:  2021-03-05\n"
		"  doc number: 北政发〔2021〕3号\n"
		"  issuer:     北湖区人民政府\n"
		"  headings:   2/0/0 (levels 1/2/3)\n"
		"  一、推进依法全面履行政府职能\n"
		"  二、完善依法行政制度体系\n");
	free(out);
}

static void test_samples_json(void **state)
{
	(void)state;
	int st;
	char *out = run("outline --json assets/reports/putuo-2021.txt assets/reports/jingan-2019.txt", &st);
	assert_int_equal(st, 0);
	char *second = strchr(out, '\n');
	assert_non_null(second);
	assert_non_null(strstr(out, "\"year\":2021,\"published\":\"2022-03-16\",\"doc_number\":null,"
	                            "\"issuer\":\"舟山市普陀区人民政府\""));
	assert_true(strstr(out, "{\"level\":3,\"number\":\"4\",\"title\":\"加强社会信用体系建设\",\"part\":\"measures\",\"topic\":\"business\",\"topic2\":null,\"sections\":[]}") < second);
	assert_non_null(strstr(second, "\"region\":\"上海市静安区\",\"level\":\"county\",\"year\":2019,\"published\":null"));
	assert_null(strstr(second, "错误类"));
	assert_string_equal(strchr(second + 1, '\n'), "\n");
	free(out);
}

/* The same report in GB18030 with CRLF line ends outlines exactly as in UTF-8. */
static void test_gb18030_crlf(void **state)
{
	(void)state;
	int st;
	char *utf8 = run("outline --json tests/fixtures/parse/fullwidth.txt", &st);
	assert_int_equal(st, 0);
	char *gb = run("outline --json tests/fixtures/parse/fullwidth-gb18030-crlf.txt", &st);
	assert_int_equal(st, 0);
	const char *name = "fullwidth.txt\"", *gbname = "fullwidth-gb18030-crlf.txt\"";
	char *a = strstr(utf8, name), *b = strstr(gb, gbname);
	assert_non_null(a);
	assert_non_null(b);
	assert_string_equal(a + strlen(name), b + strlen(gbname));
	assert_non_null(strstr(a, "{\"level\":3,\"number\":\"２\",\"title\":\"优化营商环境\",\"part\":\"measures\",\"topic\":\"business\",\"topic2\":\"functions\",\"sections\":["
	                          "{\"level\":4,\"number\":\"1\",\"title\":\"完善制度\",\"part\":\"measures\",\"topic\":\"business\",\"topic2\":null,\"sections\":[]},"));
	free(utf8);
	free(gb);
}

static void test_status(void **state)
{
	(void)state;
	int st;
	char *out = run("outline", &st);
	assert_int_equal(st, 2);
	free(out);
	out = run("outline --jsn tests/fixtures/parse/noheadings.txt", &st);
	assert_int_equal(st, 2);
	assert_string_equal(out, "");
	free(out);
	out = run("outline --help", &st);
	assert_int_equal(st, 0);
	assert_true(strncmp(out, "Usage: fazhi outline [--json] FILE...\n", 38) == 0);
	free(out);
	out = run("outline --json tests/fixtures/parse/missing.txt tests/fixtures/parse/noheadings.txt", &st);
	assert_int_equal(st, 1);
	assert_true(strncmp(out, "{\"file\":\"tests/fixtures/parse/noheadings.txt\"", 45) == 0);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_fixture),
		cmocka_unit_test(test_json_null_year),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_samples_json),
		cmocka_unit_test(test_gb18030_crlf),
		cmocka_unit_test(test_status),
	};
	return cmocka_run_group_tests_name("outline", tests, NULL, NULL);
}
