/* bench_formats.c — CPU speed of the converters of published formats (HTML, PDF, Word) on the format fixtures, and of reading their text back from the cache. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract.h"
#include "extract_cache.h"

/* Each figure repeats its file until this much CPU time has passed, so short runs still count. */
#define MIN_SECONDS 0.5

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *b = malloc((size_t)size + 1);
	*n = b ? fread(b, 1, (size_t)size, f) : 0;
	fclose(f);
	return b;
}

/* CPU time per load of the file's text from the cache (the key is the checksum of the bytes). */
static double cached_load(const char *cache, int kind, const char *bytes, size_t n, const char *text, size_t len)
{
	if (extract_cache_put(cache, extract_cache_key(kind, bytes, n), text, len) < 0)
		return -1;
	size_t rounds = 0;
	double start = cpu_now(), spent;
	do {
		char *got;
		size_t got_len;
		if (extract_cache_get(cache, extract_cache_key(kind, bytes, n), &got, &got_len) < 0)
			return -1;
		free(got);
		rounds++;
		spent = cpu_now() - start;
	} while (spent < MIN_SECONDS);
	return spent / rounds;
}

static void bench(const char *path, const char *cache)
{
	size_t n;
	char *bytes = slurp(path, &n);
	if (!bytes) {
		printf("  %s: cannot be read\n", path);
		return;
	}
	int kind = extract_kind_of(bytes, n, path);
	size_t rounds = 0, out = 0;
	char *last = NULL;
	double start = cpu_now(), spent;
	do {
		char *text, *cause;
		size_t len;
		if (extract_text(kind, bytes, n, &text, &len, &cause) < 0) {
			printf("  %s: %s\n", path, cause);
			free(cause);
			free(bytes);
			return;
		}
		out = len;
		rounds++;
		spent = cpu_now() - start;
		if (spent < MIN_SECONDS)
			free(text);
		else
			last = text;
	} while (spent < MIN_SECONDS);
	double per = spent / rounds, cached = cached_load(cache, kind, bytes, n, last, out);
	const char *base = strrchr(path, '/');
	printf("  %-28s %8.1f KB in %8.1f KB text  %8.2f ms  %7.1f MB/s of file  %7.1f MB/s of text  (%zu passes)\n",
	       base ? base + 1 : path, n / 1e3, out / 1e3, per * 1e3, n / 1e6 / per, out / 1e6 / per, rounds);
	if (cached > 0)
		printf("  %-28s from the text cache: %8.3f ms  (%.0fx faster)\n", "", cached * 1e3, per / cached);
	free(last);
	free(bytes);
}

int main(int argc, char **argv)
{
	char cache[] = "/tmp/fazhi-bench-cache-XXXXXX";
	if (!mkdtemp(cache))
		return 1;
	printf("Converters, CPU time per file, repeated for at least %.1f s:\n", MIN_SECONDS);
	for (int i = 1; i < argc; i++)
		bench(argv[i], cache);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", cache);
	return system(cmd) != 0;
}
