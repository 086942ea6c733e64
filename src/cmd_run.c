// SPDX-License-Identifier: GPL-2.0-or-later
/* Placeholder until the 'run' command lands: says so, never pretends. */
#include <stdio.h>

#include "commands.h"

int cmd_run(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("mbviz: the 'run' command is not implemented yet\n", stderr);
	return 2;
}
