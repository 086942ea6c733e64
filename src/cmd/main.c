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
	      "       mbviz export FILE [--step N|LABEL] [--format debugfs|dump|json]\n"
	      "       mbviz --live [--root DIR]          the UI on this machine's boot (import --live)\n"
	      "       mbviz --help | --version\n"
	      "\n"
	      "With no FILE the UI opens the bundled tour.  See mbviz(1) and\n"
	      "doc/scenario-format.md for the scenario format.\n", f);
}

/* mbviz --live [--root DIR]: import --live into a temporary file, and the UI on it. */
static int live_ui(int argc, char **argv)
{
	static char s_import[] = "import", s_live[] = "--live", s_o[] = "-o", s_mbviz[] = "mbviz";
	const char *dir = getenv("TMPDIR");
	char path[4096], *iargv[8];
	int fd, rc, i, n = 0;

	snprintf(path, sizeof(path), "%s/mbviz-live.XXXXXX", dir && *dir ? dir : "/tmp");
	fd = mkstemp(path);
	if (fd < 0) {
		perror("mbviz: --live: a temporary file");
		return 2;
	}
	close(fd);
	iargv[n++] = s_import;
	iargv[n++] = s_live;
	iargv[n++] = s_o;
	iargv[n++] = path;
	for (i = 1; i < argc && n < 7; i++)	/* --root DIR */
		iargv[n++] = argv[i];
	iargv[n] = NULL;
	rc = cmd_import(n, iargv);
	if (!rc) {
		char *uargv[] = { s_mbviz, path, NULL };

		rc = cmd_ui(2, uargv);
	}
	unlink(path);
	return rc;
}

int main(int argc, char **argv)
{
	const char *cmd = argc > 1 ? argv[1] : NULL;

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
	if (cmd && !strcmp(cmd, "--live"))
		return live_ui(argc - 1, argv + 1);
	/* Issue 16: the scenario picker's list, and `mbviz DIR` (cmd_ui.c). */
	if (cmd && !strcmp(cmd, "list"))
		return cmd_list(argc - 1, argv + 1);
	return cmd_ui(argc, argv);
}
