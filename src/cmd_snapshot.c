// SPDX-License-Identifier: GPL-2.0-or-later
/* Placeholder until the 'snapshot' command lands: says so, never pretends. */
#include <stdio.h>

#include "commands.h"

int cmd_snapshot(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	fputs("mbviz: the 'snapshot' command is not implemented yet\n", stderr);
	return 2;
}
