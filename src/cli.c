/* cli.c — what the subcommands share: loading PATH arguments, reporting per-file errors, safe output. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "corpus.h"
#include "encoding.h"
#include "index.h"
#include "session.h"

static size_t load_paths(struct corpus *c, char **paths, int npaths)
{
	char *cache = index_cache_dir();
	corpus_set_text_cache(c, cache);
	free(cache);
	if (npaths == 0)
		corpus_add_embedded(c);
	for (int i = 0; i < npaths; i++)
		corpus_add_path(c, paths[i]);
	if (!c->lazy)
		cli_messages(c, 0);
	return corpus_failures(c);
}

/* The PATHs that do not exist, left out of a load under the cache's spelling, said as a walk
 * says it. */
static void note_missing(struct corpus *c, char **paths, int npaths)
{
	struct stat st;
	for (int i = 0; i < npaths; i++)
		if (stat(paths[i], &st) < 0)
			corpus_add_message(c, paths[i], strerror(errno), 1);
}

size_t cli_load_cached(struct corpus *c, char **paths, int npaths, const char *dir, struct index_status *st)
{
	int n = 0;
	char **as = index_cache_respell(paths, npaths, dir, &n), **use = as ? as : paths;
	int nuse = as ? n : npaths;
	if (!st || npaths == 0 || !dir || index_cache_walk_behind(c, use, nuse, dir, st) < 0) {
		load_paths(c, use, nuse);
		if (st)
			*st = (struct index_status){ .current = 1 };
	}
	if (as)
		note_missing(c, paths, npaths);
	index_cache_paths_free(as, n);
	return corpus_failures(c);
}

size_t cli_load(struct corpus *c, char **paths, int npaths)
{
	if (!c->lazy)
		return load_paths(c, paths, npaths);
	char *cache = index_cache_dir();
	size_t failed = cli_load_cached(c, paths, npaths, cache, NULL);
	free(cache);
	return failed;
}

void cli_notice(struct session *s)
{
	char *notice = session_notice(s);
	if (notice) {
		fputs("fazhi: ", stderr);
		cli_put(stderr, notice, strlen(notice));
		fputc('\n', stderr);
	}
	free(notice);
}

void cli_message(const struct corpus_msg *m)
{
	fputs("fazhi: ", stderr);
	cli_put(stderr, m->path, strlen(m->path));
	fputs(": ", stderr);
	cli_put(stderr, m->reason, strlen(m->reason));
	fputc('\n', stderr);
}

void cli_messages(const struct corpus *c, size_t from)
{
	for (size_t i = from; i < c->nmsgs; i++)
		cli_message(&c->msgs[i]);
}

/* Prints why entry i was skipped. */
static void entry_failed(const struct corpus *c, size_t i)
{
	for (size_t k = 0; k < c->nmsgs; k++)
		if (c->msgs[k].entry == (long)i && c->msgs[k].skipped)
			cli_message(&c->msgs[k]);
}

const struct report *cli_report(struct corpus *c, size_t i)
{
	const struct report *r = corpus_get(c, i);
	if (!r)
		entry_failed(c, i);
	return r;
}

void cli_unchanged_many(struct corpus *c, const size_t *which, size_t n, unsigned char *same)
{
	corpus_unchanged_many(c, which, n, same);
	for (size_t k = 0; k < n; k++)
		if (!same[k])
			entry_failed(c, which[k]);
}

int cli_unchanged(struct corpus *c, size_t i)
{
	if (corpus_loaded(c, i) && !corpus_failed(c, i))
		return 1;
	int same = corpus_unchanged(c, i);
	if (!same)
		entry_failed(c, i);
	return same;
}

/* The paths on f, each after a blank. */
static void put_paths(FILE *f, char **paths, int n)
{
	for (int i = 0; i < n; i++) {
		fputc(' ', f);
		cli_put(f, paths[i], strlen(paths[i]));
	}
}

/* "the index of PATH... is N files behind (…); fazhi index PATH..." on stderr. */
static void say_behind(char **paths, int npaths, const struct index_status *st)
{
	size_t n = st->added + st->changed + st->removed;
	fputs("fazhi: the index of", stderr);
	put_paths(stderr, paths, npaths);
	fprintf(stderr, " is %zu file%s behind (%zu added, %zu changed, %zu removed: answered without them until it is updated); fazhi index",
	        n, n == 1 ? "" : "s", st->added, st->changed, st->removed);
	put_paths(stderr, paths, npaths);
	fputc('\n', stderr);
}

int cli_say_spelled_elsewhere(FILE *f, char **paths, int npaths, const char *dir, const char *then)
{
	int n = 0;
	char **other = index_cache_spelled_elsewhere(paths, npaths, dir, &n);
	if (!other)
		return 0;
	fputs(f == stderr ? "fazhi:" : " ", f);   /* on stdout, under the line it explains */
	put_paths(f, paths, npaths);
	fputs(npaths == 1 ? " was indexed as" : " were indexed as", f);
	put_paths(f, other, n);
	fprintf(f, npaths == 1 ? ", which names it only from another directory; %s (an index made under an absolute"
	                         " path serves every spelling)\n"
	                       : ", which name them only from another directory; %s (an index made under absolute"
	                         " paths serves every spelling)\n", then);
	index_cache_paths_free(other, n);
	return 1;
}

size_t cli_load_indexed(struct corpus *c, char **paths, int npaths, const char *dir)
{
	struct index_status st;
	cli_load_cached(c, paths, npaths, dir, &st);
	if (!st.found)
		cli_say_spelled_elsewhere(stderr, paths, npaths, dir, "indexed again as given");
	else if (!st.current)
		say_behind(paths, npaths, &st);
	return corpus_failures(c);
}

/* Whether f is a terminal, asked once per stream: output is put a report or a line at a time. */
static int is_terminal(FILE *f)
{
	static int known[3] = { -1, -1, -1 };   /* stdin, stdout, stderr; -1 not asked yet */
	int fd = fileno(f);
	if (fd < 0 || fd > 2)
		return isatty(fd);
	if (known[fd] < 0)
		known[fd] = isatty(fd);
	return known[fd];
}

void cli_put(FILE *f, const char *s, size_t n)
{
	if (!is_terminal(f)) {
		fwrite(s, 1, n, f);
		return;
	}
	size_t len;
	char *clean = encoding_clean(s, n, &len);
	fwrite(clean, 1, len, f);
	free(clean);
}

int cli_usage_error(const char *cmd, const char *msg, const char *arg)
{
	fprintf(stderr, "fazhi: %s: %s", cmd, msg);
	if (arg) {
		fputs(" '", stderr);
		cli_put(stderr, arg, strlen(arg));
		fputc('\'', stderr);
	}
	fprintf(stderr, "\nTry 'fazhi %s --help' for more information.\n", cmd);
	return 2;
}

int cli_options_end(int first, const char *usage)
{
	if (first == -2)
		fputs(usage, stdout);
	return first == -2 ? 0 : first < 0 ? 2 : -1;
}

int cli_fail(const char *cmd, char *cause)
{
	fprintf(stderr, "fazhi: %s: ", cmd);
	if (cause)
		cli_put(stderr, cause, strlen(cause));
	fputc('\n', stderr);
	free(cause);
	return 2;
}

void cli_merge_progress(void *arg, size_t done, size_t total)
{
	(void)arg;
	int width = 30, full = total ? (int)(done * (size_t)width / total) : width;
	fprintf(stderr, "\rmerging segments [%.*s%*s]", full, "##############################", width - full, "");
	if (done == total)
		fputs("\r\033[K", stderr);
}

void cli_progress(void *arg, size_t done, size_t total)
{
	(void)arg;
	int width = 30, full = total ? (int)(done * (size_t)width / total) : width;
	fprintf(stderr, "\rindexing %zu/%zu [%.*s%*s]", done, total, full, "##############################",
	        width - full, "");
	if (done == total)
		fputs("\r\033[K", stderr);
}
