// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz: see Linux's boot-time memory allocator, memblock, at work.
 * The subcommands are rows of the table in cmd_table.c; with none, the UI.
 */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd_line.h"
#include "commands.h"

int main(int argc, char **argv)
{
	const struct command *cmd = argc > 1 ? command_find(argv[1]) : NULL;
	struct cmd_line cl;
	int status;

	if (cmd) {
		argc--;
		argv++;
	} else {
		cmd = &mbviz_commands[0];	/* the UI */
	}
	if (cmd_line_parse(cmd, argc, argv, &cl, &status) == 0) {
		/* The UI, with its --live, is not in the library: main runs it. */
		status = cmd->run ? cmd->run(&cl) : cmd_ui(&cl);
	}
	cmd_line_free(&cl);
	return status;
}
