// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz: see Linux's boot-time memory allocator, memblock, at work.
 * Dispatches to the subcommands; with no subcommand it opens the UI.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "core/ops.h"

static void usage(FILE *f)
{
	fputs("usage: mbviz [OPTIONS] [FILE|DIR]        step through a scenario (ncurses UI;\n"
	      "                                          DIR: pick one of its scenarios)\n"
	      "       mbviz list [DIR]                   scenarios and their titles\n"
	      "       mbviz check FILE|DIR...            check scenarios, TAP output\n"
	      "       mbviz run FILE [--trace] [--dump=debugfs|dump|json] [--zoneinfo]\n"
	      "       mbviz snapshot FILE [--step N|LABEL|--all] [--width COLS] [--node N]\n"
	      "                           [--scale linear|compact] [--color=auto|always|never] [-o FILE]\n"
	      "       mbviz diff FILE [--engine A] [--engine B]   first step where two engines differ\n"
	      "       mbviz fuzz-diff [--seed S] [--ops N] [--engine A] [--engine B]\n"
	      "       mbviz import [LOG|-] [-o FILE] [--strict] [--name NAME]   boot log to scenario\n"
	      "       mbviz [OPTIONS] --live [--root DIR]   the UI on the machine mbviz runs on\n"
	      "       mbviz import --live [--root DIR] [-o FILE]   its scenario\n"
	      "       mbviz export FILE [--step N|LABEL] [--format debugfs|dump|json]\n"
	      "       mbviz help ops                     the operations a step may call\n"
	      "       mbviz --help | --version\n"
	      "\n"
	      "With no FILE the UI opens the bundled tour.  See mbviz(1) and\n"
	      "doc/scenario-format.md for the scenario format.\n", f);
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

	if (cmd && !strcmp(cmd, "help") && argc == 3 && !strcmp(argv[2], "ops")) {
		ops_print_list(stdout);
		return 0;
	}
	if (cmd && (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help"))) {
		usage(stdout);
		return 0;
	}
	if (cmd && !strcmp(cmd, "--version")) {
		printf("mbviz %s (memblock model: Linux 6.1)\n", PACKAGE_VERSION);
		return 0;
	}
	if (cmd && !strcmp(cmd, "check"))
		return cmd_check(argc - 1, argv + 1);
	if (cmd && !strcmp(cmd, "run"))
		return cmd_run(argc - 1, argv + 1);
	if (cmd && !strcmp(cmd, "snapshot"))
		return cmd_snapshot(argc - 1, argv + 1);
	if (cmd && !strcmp(cmd, "diff"))
		return cmd_diff(argc - 1, argv + 1);
	if (cmd && !strcmp(cmd, "fuzz-diff"))
		return cmd_fuzz_diff(argc - 1, argv + 1);
	if (cmd && !strcmp(cmd, "import"))
		return cmd_import(argc - 1, argv + 1);
	if (cmd && !strcmp(cmd, "export"))
		return cmd_export(argc - 1, argv + 1);
	/* Issue 16: the scenario picker's list, and `mbviz DIR` (cmd_ui.c). */
	if (cmd && !strcmp(cmd, "list"))
		return cmd_list(argc - 1, argv + 1);
	return cmd_ui(argc, argv);
}
