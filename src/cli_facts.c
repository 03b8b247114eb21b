/* cli_facts.c — the `fazhi facts` subcommand (not offered by this build yet). */
#include <stdio.h>

#include "cli.h"

int cli_facts(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("fazhi: facts: not available in this build\n", stderr);
	return 2;
}
