/* main.c — arguments, loading the corpus, handing off to the subcommands or the browser, exit status. */
#include <locale.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "corpus.h"
#include "index.h"
#include "session.h"
#include "text.h"
#include "ui.h"
#include "xmalloc.h"

#define FAZHI_VERSION "0.1.0"

static const char usage_text[] =
	"Usage: fazhi [OPTION]... [PATH]...\n"
	"       fazhi COMMAND [OPTION]... ARG...\n"
	"Browse, search and compare annual reports on building a rule-of-law government\n"
	"(法治政府建设年度报告). PATH is a report file or a directory of reports: text\n"
	"(*.txt), saved web pages (*.html *.htm *.shtml), PDF and Word (*.docx), each\n"
	"recognised by its content; with no PATH the embedded sample corpus is opened.\n"
	"\n"
	"Commands:\n"
	"  outline [--json] FILE...      metadata and chapter tree of each report\n"
	"  search [--json] [--count] [--limit N] [--update] QUERY [PATH...]\n"
	"                                search the reports (default: the samples)\n"
	"  compare [--json|--md|--csv] FILE FILE...\n"
	"                                align sections of several reports by topic\n"
	"  facts [--csv [--excel]|--json] PATH...\n"
	"                                key metrics stated in the reports\n"
	"  table [--csv|--json] [--deadline MM-DD] PATH...\n"
	"                                one row per report: year, publication, parts\n"
	"  check [--json] [--deadline MM-DD] FILE...\n"
	"                                what a report lacks or contradicts (exit 1)\n"
	"  facts --chart METRIC PATH...  a bar chart of one metric across the reports\n"
	"  trend [--csv|--json] [--region R] PATH...\n"
	"                                each region's metrics by year, text repeated from the\n"
	"                                year before\n"
	"  index [--status] [--prune[=DAYS]] PATH...\n"
	"                                build or update the cached index of the reports\n"
	"\n"
	"Options:\n"
	"  --ambiwidth=single|double     width of East Asian Ambiguous characters\n"
	"  --color=auto|never|always     colours in the browser (NO_COLOR is honoured)\n"
	"  --no-mouse                    do not use the mouse in the browser\n"
	"  --no-update                   do not update a stale index in the background\n"
	"  -h, --help                    show this help and exit\n"
	"  -V, --version                 show the version and exit\n"
	"\n"
	"Exit status: 0 when all inputs loaded, 1 when some could not be read, 2 on a usage error.\n"
	"In the browser press ? for the keys; see fazhi(1).\n";

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
};

static const struct command commands[] = {
	{ "outline", cli_outline },
	{ "search", cli_search },
	{ "compare", cli_compare },
	{ "facts", cli_facts },
	{ "table", cli_table },
	{ "check", cli_check },
	{ "trend", cli_trend },
	{ "index", cli_index },
};

static int usage_error(const char *fmt, const char *arg)
{
	fputs("fazhi: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nTry 'fazhi --help' for more information.\n", stderr);
	return 2;
}

/* Reads one browser option; returns 1 when taken, 0 when not an option, -1 on a bad value. */
static int browser_option(const char *arg, struct ui_options *opt)
{
	if (strcmp(arg, "--no-mouse") == 0) {
		opt->mouse = 0;
	} else if (strcmp(arg, "--no-update") == 0) {
		opt->update = 0;
	} else if (strncmp(arg, "--color=", 8) == 0) {
		const char *v = arg + 8;
		if (strcmp(v, "auto") == 0)
			opt->color = UI_COLOR_AUTO;
		else if (strcmp(v, "never") == 0)
			opt->color = UI_COLOR_NEVER;
		else if (strcmp(v, "always") == 0)
			opt->color = UI_COLOR_ALWAYS;
		else
			return -1;
	} else if (strncmp(arg, "--ambiwidth=", 12) == 0) {
		const char *v = arg + 12;
		if (strcmp(v, "single") == 0)
			opt->ambiwidth = 1;
		else if (strcmp(v, "double") == 0)
			opt->ambiwidth = 2;
		else
			return -1;
	} else {
		return 0;
	}
	return 1;
}

static void progress(void *arg, size_t done, size_t total)
{
	(void)arg;
	fprintf(stderr, "\rfazhi: indexing the reports: %zu of %zu", done, total);
	if (done == total)
		fputs("\r\033[K", stderr);
}

/* The files of directories are not read at start-up when their index is cached: the list is
 * drawn from it, and a report is read when it is opened. Without a cache, a large corpus has
 * its index built now, with progress (it reads every report once, and would be built at the
 * first search anyway); a small one is read whole, and indexed at its first search. */
#define EAGER_MAX 256

/* Opens the corpus's index in the session as the list needs it (see above); its metadata
 * then describe the reports not read. quiet (the browser is up): nothing is printed, no index
 * is built, and -1 is returned when there is none to open; else 0. */
static int open_index(struct corpus *c, struct session *s, int quiet)
{
	size_t unread = 0;   /* counted as far as EAGER_MAX + 1, which is all that is asked of it */
	for (size_t i = 0; i < c->n && unread <= EAGER_MAX; i++)
		unread += !corpus_loaded(c, i);
	if (!unread)
		return 0;
	const struct index *ix = session_cached(s);
	if (!ix && quiet)
		return -1;
	if (!ix && unread > EAGER_MAX)
		ix = session_index(s);
	cli_notice(s);
	/* The browser reads digests for the overview's rows alone: their heads. */
	struct corpus_meta_source src = { session_meta, s, session_digest_head };
	if (ix)
		corpus_set_meta(c, &src);
	for (size_t i = 0; !ix && i < c->n; i++)
		corpus_load(c, i);
	return 0;
}

/* The browser's PATHs, for opening their corpus again after the index was updated. */
struct browser {
	char **paths;
	int npaths;
};

/* Loads the corpus of PATHs into c (lazy) from the cached walk when there is one, else by
 * walking them; st says how far the cached index is behind (current when there is none). */
static void load_corpus(struct corpus *c, char **paths, int npaths, const char *cache, struct index_status *st)
{
	corpus_init(c);
	c->lazy = 1;
	cli_load_cached(c, paths, npaths, cache, st);
}

static void release_corpus(void *arg, struct corpus *c, struct session *s)
{
	(void)arg;
	corpus_set_meta(c, NULL);
	session_free(s);
	corpus_fini(c);
	free(c);
}

/* Whether some report can be shown: the first that has not failed is enough, so a corpus taken
 * from the index resolves one entry, not all of them, before the first frame. */
static int any_usable_report(const struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (!corpus_failed(c, i))
			return 1;
	return 0;
}

/* ui_source.reopen: the corpus again, from the index the update wrote. */
static int reopen_corpus(void *arg, struct corpus **cp, struct session **sp, size_t *behind, char **cause)
{
	const struct browser *b = arg;
	struct corpus *c = xmalloc(sizeof *c);
	struct index_status st;
	char *cache = index_cache_dir();
	load_corpus(c, b->paths, b->npaths, cache, &st);
	struct session *s = session_new(c, cache, NULL);
	free(cache);
	int bad = open_index(c, s, 1);
	if (bad || !any_usable_report(c)) {
		*cause = xstrdup(bad ? "no index in the cache" : "no report left");
		release_corpus(NULL, c, s);
		return -1;
	}
	*cp = c;
	*sp = s;
	*behind = st.current ? 0 : st.added + st.changed + st.removed;
	return 0;
}

static int run_browser(const char *self, char **paths, int npaths, const struct ui_options *opt)
{
	/* The character set alone (the terminal's, for curses' wide characters and wcwidth): no
	 * other category is read (each is a file to map before the first frame), so every number
	 * keeps the C locale's decimal point whatever LC_NUMERIC says. The subcommands read no
	 * locale at all: they give libunistring its encoding by name, and their bytes go out as
	 * they are (and no locale file is mapped for them). */
	setlocale(LC_CTYPE, "");
	struct browser b = { paths, npaths };
	struct corpus *c = xmalloc(sizeof *c);
	struct index_status st;
	char *cache = index_cache_dir();
	load_corpus(c, paths, npaths, cache, &st);   /* no directory read when its index is current */
	struct index_progress pr = { progress, NULL, NULL };
	struct session *s = session_new(c, cache, isatty(2) ? &pr : NULL);
	free(cache);
	open_index(c, s, 0);
	cli_messages(c, 0);
	int status;
	if (!any_usable_report(c)) {
		fputs("fazhi: no report could be loaded\n", stderr);
		status = 1;
	} else {
		session_set_progress(s, NULL);   /* the terminal is the browser's now */
		struct ui_source src = { c, s, self, paths, npaths, !st.current, st.added, st.changed, st.removed,
		                         opt->update, reopen_corpus, release_corpus, &b };
		status = ui_run(&src, opt);
		c = src.corpus;
		s = src.session;
		if (status == 0 && corpus_failures(c))
			status = 1;
	}
	release_corpus(NULL, c, s);
	return status;
}

int main(int argc, char **argv)
{
	struct ui_options opt = { UI_COLOR_AUTO, 1, 1, 1 };
	char **paths = calloc((size_t)argc + 1, sizeof *paths);
	int npaths = 0, status = -1, options_done = 0;

	for (int i = 1; i < argc && status < 0; i++) {
		const char *a = argv[i];
		if (options_done || a[0] != '-' || a[1] == '\0') {
			if (npaths == 0 && !options_done) {
				for (size_t k = 0; k < sizeof commands / sizeof commands[0]; k++)
					if (strcmp(a, commands[k].name) == 0) {
						text_set_ambiwidth(opt.ambiwidth);
						status = commands[k].run(argc - i, argv + i);
						break;
					}
				if (status >= 0)
					break;
			}
			paths[npaths++] = argv[i];
		} else if (strcmp(a, "--") == 0) {
			options_done = 1;
		} else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
			fputs(usage_text, stdout);
			status = 0;
		} else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
			puts("fazhi " FAZHI_VERSION);
			status = 0;
		} else {
			int r = browser_option(a, &opt);
			if (r < 0)
				status = usage_error("invalid value in '%s'", a);
			else if (r == 0)
				status = usage_error("unknown option '%s'", a);
		}
	}
	if (status < 0) {
		text_set_ambiwidth(opt.ambiwidth);
		status = run_browser(argv[0], paths, npaths, &opt);
	}
	free(paths);
	return status;
}
