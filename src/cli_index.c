/* cli_index.c — the `fazhi index` subcommand: builds or updates the cached index of PATHs, says what is stale, prunes old indexes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cli.h"
#include "corpus.h"
#include "index.h"
#include "xmalloc.h"

#define PRUNE_DAYS 90

static const char usage_text[] =
	"Usage: fazhi index [--status] [--prune[=DAYS]] [--progress-fd N] [PATH...]\n"
	"Builds the search index of the reports below PATH... in the cache, or checks that the one\n"
	"there is up to date; search, facts and the browser then read no report to start.\n"
	"\n"
	"  --status        say what changed since the index was built (files added, changed,\n"
	"                  removed) without building\n"
	"  --prune[=DAYS]  remove the cached indexes not used for DAYS days (default 90), and\n"
	"                  temporary files of builds that were killed\n"
	"  --progress-fd N write the build's progress to file descriptor N, a line \"DONE TOTAL\"\n"
	"                  now and then (how the browser follows an update it started)\n"
	"  -h, --help      show this help and exit\n"
	"\n"
	"The cache is $XDG_CACHE_HOME/fazhi (else ~/.cache/fazhi); see fazhi(1).\n"
	"Exit status: 0 when all files loaded, 1 when some could not be read, 2 on a usage error.\n";

struct options {
	int status, prune;
	long days;
	int progress_fd;   /* --progress-fd N; -1 none */
};

/* Returns the index of the first PATH, -1 after a usage message, or 0 after the help. */
static int options(int argc, char **argv, struct options *o)
{
	int i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];
		if (strcmp(a, "--") == 0)
			return i + 1;
		if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
			return fputs(usage_text, stdout), 0;
		if (strcmp(a, "--status") == 0) {
			o->status = 1;
		} else if (strcmp(a, "--prune") == 0) {
			o->prune = 1;
		} else if (strncmp(a, "--prune=", 8) == 0) {
			char *end;
			o->days = strtol(a + 8, &end, 10);
			if (!a[8] || *end || o->days < 0 || o->days > 36500)
				return cli_usage_error("index", "--prune needs a number of days, not", a + 8), -1;
			o->prune = 1;
		} else if (strcmp(a, "--progress-fd") == 0) {
			char *end;
			long fd = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
			if (fd < 0 || fd > 1024 || !argv[i + 1][0] || *end)
				return cli_usage_error("index", "--progress-fd needs a file descriptor", i + 1 < argc ? argv[i + 1] : NULL), -1;
			o->progress_fd = (int)fd;
			i++;
		} else {
			return cli_usage_error("index", "unknown option", a), -1;
		}
	}
	return i;
}

static double mb(unsigned long long bytes)
{
	return (double)bytes / (1024.0 * 1024.0);
}

static void print_hint(char **paths, int npaths)
{
	fputs("; run: fazhi index", stdout);
	for (int i = 0; i < npaths; i++) {
		fputc(' ', stdout);
		cli_put(stdout, paths[i], strlen(paths[i]));
	}
	fputc('\n', stdout);
}

/* "s" after a count of reports other than one. */
static const char *plural(size_t n)
{
	return n == 1 ? "" : "s";
}

static void print_status(struct corpus *c, const char *dir, char **paths, int npaths)
{
	struct index_status st;
	index_cache_status(c, dir, &st);
	if (st.current)
		printf("up to date: %zu report%s\n", st.indexed, plural(st.indexed));
	else if (st.found && st.added + st.changed + st.removed)   /* the count search and facts give */
		printf("%zu file%s behind: %zu added, %zu changed, %zu removed since the index of %zu report%s",
		       st.added + st.changed + st.removed, plural(st.added + st.changed + st.removed),
		       st.added, st.changed, st.removed, st.indexed, plural(st.indexed));
	else if (st.found)   /* the files are the same, the tables the digests are made with not */
		printf("0 added, 0 changed, 0 removed since the index of %zu report%s", st.indexed, plural(st.indexed));
	else
		printf("not indexed: %zu report%s", c->n, plural(c->n));
	if (!st.current)
		print_hint(paths, npaths);
	if (!st.found)
		cli_say_spelled_elsewhere(stdout, paths, npaths, dir,
		                          npaths == 1 ? "fazhi index would index it again as given"
		                                      : "fazhi index would index them again as given");
}

/* --progress-fd: "DONE TOTAL" lines for a program that follows the build (the browser). */
static void progress_line(void *arg, size_t done, size_t total)
{
	char line[64];
	int n = snprintf(line, sizeof line, "%zu %zu\n", done, total);
	if (write(*(const int *)arg, line, (size_t)n) < 0)
		return;   /* nobody follows any more: the build goes on */
}

/* A build's progress, passed on to a bar or to --progress-fd (to: NULL, neither), and the
 * reports it indexed: fewer than the corpus for an update. */
struct counted {
	const struct index_progress *to;
	size_t indexed;
};

static void count_progress(void *arg, size_t done, size_t total)
{
	struct counted *k = arg;
	k->indexed = total;
	if (k->to)
		k->to->fn(k->to->arg, done, total);
}

static void build(struct corpus *c, const char *dir, int progress_fd)
{
	index_cache_clean(dir);
	struct index *ix = index_open_cached(c, dir);
	int fresh = ix != NULL;
	char *notice = NULL;
	struct timespec t0, t1;
	struct index_progress bar = { cli_progress, NULL, cli_merge_progress }, lines = { progress_line, &progress_fd, NULL };
	struct counted k = { progress_fd >= 0 ? &lines : isatty(2) ? &bar : NULL, 0 };
	struct index_progress counting = { count_progress, &k, k.to ? k.to->merging : NULL };
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!ix)
		ix = index_refresh(c, dir, &counting, &notice);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (notice) {
		fputs("fazhi: ", stderr);
		cli_put(stderr, notice, strlen(notice));
		fputc('\n', stderr);
	}
	unsigned long long text = 0;
	for (size_t i = 0; i < c->n; i++)
		text += corpus_size(c, i);
	unsigned long long size = index_cache_bytes(ix);   /* its segment files */
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (fresh)
		printf("up to date: %zu report%s (%.1f MB), index %.1f MB\n", c->n, plural(c->n), mb(text), mb(size));
	else if (k.indexed < c->n)   /* an update: its speed would be the corpus's over a few files' time */
		printf("updated: %zu of %zu report%s indexed in %.2f s, index %.1f MB\n", k.indexed, c->n, plural(c->n), secs,
		       mb(size));
	else
		printf("indexed %zu report%s (%.1f MB) in %.2f s (%.1f MB/s), index %.1f MB\n", c->n, plural(c->n), mb(text), secs,
		       secs > 0 ? mb(text) / secs : 0.0, mb(size));
	free(notice);
	index_free(ix);
}

static void prune(const char *dir, long days)
{
	struct index_prune pr;
	index_cache_prune(dir, time(NULL) - (time_t)days * 86400, &pr);
	printf("removed %zu index file%s (%.1f MB); kept %zu (%.1f MB) in ", pr.removed, pr.removed == 1 ? "" : "s",
	       mb(pr.removed_bytes), pr.kept, mb(pr.kept_bytes));
	cli_put(stdout, dir, strlen(dir));
	fputc('\n', stdout);
}

int cli_index(int argc, char **argv)
{
	struct options o = { 0, 0, PRUNE_DAYS, -1 };
	int first = options(argc, argv, &o);
	if (first <= 0)
		return first < 0 ? 2 : 0;
	int npaths = argc - first;
	if (npaths == 0 && !o.prune)
		return cli_usage_error("index", "no PATH given", NULL);
	char *dir = index_cache_dir();
	if (!dir)
		return cli_fail("index", xstrdup("no cache directory: set XDG_CACHE_HOME or HOME"));
	if (o.prune)
		prune(dir, o.days);
	int status = 0;
	if (npaths) {
		struct corpus c;
		corpus_init(&c);
		c.lazy = 1;
		cli_load(&c, argv + first, npaths);
		if (o.status)
			print_status(&c, dir, argv + first, npaths);
		else
			build(&c, dir, o.progress_fd);
		cli_messages(&c, 0);
		status = corpus_failures(&c) ? 1 : 0;
		corpus_fini(&c);
	}
	free(dir);
	return status;
}
