/* gen.c — writes a deterministic synthetic corpus for the benchmark: sample paragraphs recombined, districts, years and numbers varied. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Usage: gen OUTDIR N SAMPLE.txt... — writes OUTDIR/r00000.txt … When N is above FLAT_MAX the
 * reports go 1,000 to a directory (OUTDIR/d000/r000000.txt …), as large collections are kept and
 * so that no directory holds hundreds of thousands of names. Report i has the same text whatever N
 * is: a larger corpus is a smaller one and more, so their figures compare. */
#define FLAT_MAX 30000
#define PER_DIR 1000
static uint64_t seed = 20240611;

static uint32_t rnd(void)
{
	seed = seed * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(seed >> 33);
}

int main(int argc, char **argv)
{
	static const char *const districts[] = { "普陀区", "静安区", "武进区", "泗门镇", "开发区", "黄浦区", "徐汇区",
	                                         "余姚市", "鄞州区", "海曙区", "霞山区", "赤坎区", "坡头区", "麻章区" };
	const size_t nd = sizeof districts / sizeof districts[0];
	if (argc < 4)
		return 2;
	size_t n = strtoul(argv[2], NULL, 10), nl = 0, cap = 1 << 16;
	char **line = malloc(cap * sizeof *line);
	for (int a = 3; a < argc; a++) {
		FILE *f = fopen(argv[a], "rb");
		char buf[1 << 16];
		while (f && fgets(buf, sizeof buf, f) && nl < cap)
			if (strlen(buf) > 30)
				line[nl++] = strdup(buf);
		if (f)
			fclose(f);
	}
	if (!nl)
		return 1;
	char path[4096];
	for (size_t i = 0; i < n; i++) {
		if (n <= FLAT_MAX) {
			snprintf(path, sizeof path, "%s/r%05zu.txt", argv[1], i);
		} else {
			snprintf(path, sizeof path, "%s/d%03zu", argv[1], i / PER_DIR);
			if (i % PER_DIR == 0 && mkdir(path, 0777) < 0)
				return 1;
			snprintf(path, sizeof path, "%s/d%03zu/r%06zu.txt", argv[1], i / PER_DIR, i);
		}
		FILE *f = fopen(path, "wb");
		if (!f)
			return 1;
		const char *d = districts[rnd() % nd];
		unsigned year = 2015 + rnd() % 9;
		fprintf(f, "%s人民政府关于%u年度法治政府建设工作的报告\n\n", d, year);
		fprintf(f, "%u年以来,%s坚持以习近平法治思想为指导,现将工作情况报告如下:\n", year, d);
		static const char *const ord[] = { "一", "二", "三", "四", "五" };
		size_t nparts = 3 + rnd() % 3, np = 40 + rnd() % 40;   /* about 30 kB: 0.9 GB for 30,000 */
		for (size_t p = 0; p < np; p++) {
			if (p % (np / nparts + 1) == 0)
				fprintf(f, "%s、第%s部分工作\n", ord[p / (np / nparts + 1) % 5], ord[rnd() % 5]);
			fputs(line[rnd() % nl], f);
			if (rnd() % 4 == 0)
				fprintf(f, "全年共办理案件%u件,同比增长%u.%u%%。\n", rnd() % 9000, rnd() % 60, rnd() % 10);
			if (rnd() % 997 == 0)
				fputs("欧阳明远同志主持召开专题会议。\n", f);
		}
		fclose(f);
	}
	return 0;
}
