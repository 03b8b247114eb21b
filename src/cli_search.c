/* cli_search.c — the `fazhi search` subcommand (not offered by this build yet). */
#include <stdio.h>

#include "cli.h"

int cli_search(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("fazhi: search: not available in this build\n", stderr);
	return 2;
}
