/* cli.h — the non-interactive subcommands (outline, search, compare, facts), printing text or --json. */
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

/* Shared by the subcommands: load PATH arguments (or the embedded corpus when npaths == 0),
 * print every corpus message as "fazhi: PATH: reason" on stderr; returns the failure count. */
size_t cli_load(struct corpus *c, char **paths, int npaths);

/* Writes s[0..n) for a human: on a terminal any byte that could drive it is shown as a
 * placeholder (text from reports is already clean; this guards arguments and messages). */
void cli_put(FILE *f, const char *s, size_t n);

#endif
