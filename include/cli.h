/* cli.h — the non-interactive subcommands (outline, search, compare, facts, index), printing text or --json. */
#ifndef FAZHI_CLI_H
#define FAZHI_CLI_H

#include <stdio.h>

#include "corpus.h"

/* Each subcommand gets its own argv (argv[0] is the subcommand name) and returns the exit
 * status: 0 all inputs loaded, 1 some could not be read (the rest still printed), 2 usage. */
int cli_outline(int argc, char **argv);
int cli_search(int argc, char **argv);
int cli_compare(int argc, char **argv);
int cli_facts(int argc, char **argv);
/* table: one row per report (cli_table.c); check: findings, exit 1 when there are any (cli_check.c). */
int cli_table(int argc, char **argv);
int cli_check(int argc, char **argv);
/* What table and check share (cli_check.c): their options --json, --csv (csv NULL: refused),
 * --deadline MM-DD and -h, returning the index of the first operand, -1 after a usage error
 * (printed), -2 for --help; and the two models they read with, returning 0, or 2 after printing
 * why they cannot be loaded. */
struct review_deadline;
struct classify_model;
struct facts_model;
int cli_review_options(const char *cmd, int argc, char **argv, int *json, int *csv, struct review_deadline *d);
int cli_review_models(const char *cmd, const struct classify_model **cm, const struct facts_model **fm);
int cli_trend(int argc, char **argv);
/* `fazhi facts --chart METRIC PATH...` (cli_facts hands its argv over when --chart is given). */
int cli_chart(int argc, char **argv);
int cli_index(int argc, char **argv);

/* Shared by the subcommands: load PATH arguments (or the embedded corpus when npaths == 0),
 * print every corpus message as "fazhi: PATH: reason" on stderr; returns the failure count.
 * Text converted from web pages, PDF and Word files is kept in the cache directory
 * (index_cache_dir) and read from there the next time. */
size_t cli_load(struct corpus *c, char **paths, int npaths);
/* A lazy corpus is loaded under the spelling its index was made with when the PATHs name the
 * same directories otherwise (index_cache_respell): its reports keep their indexed names, and a
 * PATH that is missing is said so.
 * For a lazy corpus (c->lazy set before cli_load) the messages are not printed by cli_load,
 * since reading the reports adds more: print them with cli_messages when the reports needed
 * have been read (e.g. after index_open). cli_messages prints msgs[from..]; cli_message one. */
void cli_messages(const struct corpus *c, size_t from);
void cli_message(const struct corpus_msg *m);
/* cli_load for a lazy corpus (c->lazy set) whose directories' walk the index cache in dir holds:
 * the files are the index's, and only the directories whose mtime changed are read
 * (index_cache_walk_behind); when files were added, changed or removed, says so on stderr
 * ("fazhi: the index of DIR is N files behind (…); fazhi index DIR") and the query is answered
 * from that index without them. With no index of the PATHs, walks them (cli_load). */
size_t cli_load_indexed(struct corpus *c, char **paths, int npaths, const char *dir);
/* When the PATHs have no index of their own because their directories were indexed under a
 * relative spelling that names them only from another directory (index_cache_spelled_elsewhere),
 * says so on f, a line ("fazhi:" first on stderr, two blanks on stdout) whose clause `then` says
 * what comes of it; returns 1, else 0 with nothing said. */
int cli_say_spelled_elsewhere(FILE *f, char **paths, int npaths, const char *dir, const char *then);
/* cli_load_indexed without the message: *st says how far the index is behind (current when the
 * PATHs were walked). With no PATH (the samples), no cache directory dir, or st NULL, the PATHs
 * are walked (as cli_load walks a lazy corpus, under the cache's spelling). */
struct index_status;
size_t cli_load_cached(struct corpus *c, char **paths, int npaths, const char *dir, struct index_status *st);
/* Before printing what the index says of entry i without reading it: 1 when its file is still
 * the one indexed, else 0 after printing why not (changed, gone), as cli_report does. */
int cli_unchanged(struct corpus *c, size_t i);
/* cli_unchanged of entries which[0..n) into same[0..n), their files stat'ed together
 * (corpus_unchanged_many), each failed one named on stderr. */
void cli_unchanged_many(struct corpus *c, const size_t *which, size_t n, unsigned char *same);
/* corpus_get for a report about to be printed; when it can no longer be read (changed since
 * the walk), its message is printed and NULL returned. */
const struct report *cli_report(struct corpus *c, size_t i);

/* Prints what the search session has to tell of its index (session_notice: a cache rejected,
 * rebuilt, not writable) as "fazhi: NOTICE" on stderr; nothing when it has nothing. */
struct session;
void cli_notice(struct session *s);

/* Writes s[0..n) for a human: on a terminal any byte that could drive it is shown as a
 * placeholder (text from reports is already clean; this guards arguments and messages). */
void cli_put(FILE *f, const char *s, size_t n);

/* A progress bar on stderr for index builds (struct index_progress's fn; arg unused): give it
 * only when stderr is a terminal. */
void cli_progress(void *arg, size_t done, size_t total);
/* The same for a merge of segments: "merging segments [###   ]". */
void cli_merge_progress(void *arg, size_t done, size_t total);

/* Prints "fazhi: CMD: MSG 'ARG'" (ARG guarded like any argument; NULL for none) and the hint
 * "Try 'fazhi CMD --help'" on stderr; returns 2, the exit status of a usage error. */
int cli_usage_error(const char *cmd, const char *msg, const char *arg);

/* Where a subcommand stands once its options are read: `first` is its first argument, or -2 for
 * --help (the usage is printed on stdout: exit status 0), or -1 for a usage error already
 * reported (status 2). Returns that exit status, or -1 when the subcommand goes on. */
int cli_options_end(int first, const char *usage);

/* Prints "fazhi: CMD: CAUSE" on stderr (guarded like any message; NULL prints no cause) and
 * frees cause; returns 2, the exit status when a subcommand cannot run at all. */
int cli_fail(const char *cmd, char *cause);

#endif
