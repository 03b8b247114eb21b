/* fuzz_meta_fix.c — libFuzzer target: any bytes as a fazhi-meta.tsv parse into a table or a message, and the table applies to a report leaving its metadata well formed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "meta_fix.h"
#include "parse.h"
#include "report.h"
#include "xmalloc.h"

/* A small report with every field the table can set, and no year stated, so that a year row
 * also answers a warning. */
static const char sample[] =
	"某某市某某区人民政府\n"
	"关于法治政府建设情况的报告\n"
	"某区府〔2022〕3号\n"
	"市人民政府：\n"
	"　　现将有关情况报告如下。\n"
	"　　一、主要举措\n"
	"　　（一）依法决策。审查合同520余件。\n"
	"　　二、存在问题\n"
	"　　　　　　某某市某某区人民政府\n"
	"　　　　　　3月10日\n";

/* The first field of the first line: the name whose rows apply. A byte-order mark is left
 * out, as the table's parser leaves it out. */
static char *first_name(const char *data, size_t size)
{
	if (size >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3, size -= 3;
	size_t n = 0;
	while (n < size && data[n] != '\t' && data[n] != '\n' && data[n] != '\r' && data[n] != '\0')
		n++;
	return xstrndup(data, n);
}

static void check(const struct report *r, size_t applied)
{
	const struct report_meta *m = &r->meta;
	if (m->corrected & ~0x7fu || (applied == 0 && m->corrected))
		abort();
	for (unsigned bit = 1; bit < 0x80; bit <<= 1)
		if (!meta_fix_field_name(bit))
			abort();
	if (m->level < 0 || m->level >= REPORT_LEVEL_COUNT || m->year < 0 || m->year > 9999)
		abort();
	size_t n = strnlen(m->published, sizeof m->published);
	if (n == sizeof m->published || (n != 0 && n != 10))
		abort();
	const char *s[] = { m->title, m->region, m->doc_number, m->issuer, m->addressee };
	for (size_t i = 0; i < sizeof s / sizeof *s; i++)
		if (s[i] && strlen(s[i]) > 1 << 20)   /* reads the whole string under ASan */
			abort();
	if ((m->corrected & META_FIX_YEAR) && m->year)
		for (size_t i = 0; i < r->nwarnings; i++)
			if (r->warnings[i].kind == REPORT_WARN_NO_YEAR)
				abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *cause = NULL;
	struct meta_fixes *f = meta_fixes_parse((const char *)data, size, &cause);
	if (!f) {
		if (!cause || strncmp(cause, "line ", 5) != 0)
			abort();
		free(cause);
		return 0;
	}
	char *name = first_name((const char *)data, size);
	struct report *r = parse_report(xstrdup(sample), sizeof sample - 1, "fuzz/sample.txt");
	size_t applied = meta_fixes_apply(f, name, r);
	check(r, applied);
	if (meta_fixes_apply(f, name, r) != applied)   /* applying again gives the same */
		abort();
	check(r, applied);
	if (meta_fixes_apply(f, "", r) != 0)   /* no row names the empty file */
		abort();
	report_free(r);
	free(name);
	meta_fixes_free(f);
	return 0;
}
