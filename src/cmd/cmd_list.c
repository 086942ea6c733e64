// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz list [DIR]: the scenarios of DIR (default: the bundled ones), one
 * a line, "FILE  TITLE"; a file that does not load says why instead.
 * Exit 0, or 2 when DIR cannot be read or holds no scenario.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "commands.h"

int cmd_list(const struct cmd_line *cl)
{
	const char *dir = cl->nr_operands ? cl->operands[0] : NULL;
	struct scenario_entry *e;
	char err[512], buf[PATH_MAX];
	int n, i, w = 0;

	if (!dir)
		dir = bundled_scenario_dir(buf, sizeof(buf));
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
	return cmd_flush_stdout(cl);
}
