// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz list [DIR]: the scenarios of DIR (default: the bundled ones), one
 * a line, "FILE  TITLE"; a file that does not load says why instead.
 * Exit 0, or 2 when DIR cannot be read or holds no scenario.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

int cmd_list(int argc, char **argv)
{
	const char *dir = NULL;
	struct scenario_entry *e;
	char err[512];
	int n, i, w = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			puts("usage: mbviz list [DIR]   the scenarios of DIR (default: the bundled "
			     "ones) and their titles");
			return 0;
		}
		if (argv[i][0] == '-' && argv[i][1]) {
			fprintf(stderr, "mbviz: list: unknown option '%s'\n", argv[i]);
			return 2;
		}
		if (dir) {
			fprintf(stderr, "mbviz: list: one directory at a time ('%s' and '%s')\n",
				dir, argv[i]);
			return 2;
		}
		dir = argv[i];
	}
	if (!dir)
		dir = bundled_scenario_dir();
	n = scenario_list(dir, &e, err, sizeof(err));
	if (n < 0) {
		fprintf(stderr, "mbviz: list: %s\n", err);
		return 2;
	}
	if (!n) {
		fprintf(stderr, "mbviz: list: %s: no *.json files in this directory\n", dir);
		return 2;
	}
	for (i = 0; i < n; i++)
		w = (int)strlen(e[i].file) > w ? (int)strlen(e[i].file) : w;
	for (i = 0; i < n; i++)
		printf("%-*s  %s%s\n", w, e[i].file, e[i].error ? "(does not load) " : "",
		       e[i].error ? e[i].error : e[i].title);
	scenario_list_free(e, n);
	return 0;
}
