/* cli_compare.c — the `fazhi compare` subcommand (not offered by this build yet). */
#include <stdio.h>

#include "cli.h"

int cli_compare(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("fazhi: compare: not available in this build\n", stderr);
	return 2;
}
