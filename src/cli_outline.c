/* cli_outline.c — the `fazhi outline` subcommand (not offered by this build yet). */
#include <stdio.h>

#include "cli.h"

int cli_outline(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("fazhi: outline: not available in this build\n", stderr);
	return 2;
}
