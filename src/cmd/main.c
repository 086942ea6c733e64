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

/* mbviz --live [--root DIR]: import --live into a temporary file, and the UI on it. */
static int live_ui(struct cmd_line *cl)
{
	static char s_import[] = "import", s_live[] = "--live", s_o[] = "-o", s_root[] = "--root";
	const char *dir = getenv("TMPDIR");
	char path[4096], *iargv[8], *ops[1], *root = NULL;
	int fd, rc, i, n = 0;

	if (cl->nr_operands) {
		cmd_error(cl, "--live opens this machine's boot, not '%s'", cl->operands[0]);
		return 2;
	}
	for (i = 0; i < cl->nr_args; i++)
		if (cl->args[i].key == KEY_ROOT)
			root = (char *)cl->args[i].value;	/* an argv word */
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
	if (root) {
		iargv[n++] = s_root;
		iargv[n++] = root;
	}
	iargv[n] = NULL;
	rc = cmd_dispatch(n, iargv);
	if (!rc) {
		ops[0] = path;
		cl->operands = ops;
		cl->nr_operands = 1;
		rc = cmd_ui(cl);
	}
	unlink(path);
	return rc;
}

static bool has_arg(const struct cmd_line *cl, int key)
{
	int i;

	for (i = 0; i < cl->nr_args; i++)
		if (cl->args[i].key == key)
			return true;
	return false;
}

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
		if (cmd->run)
			status = cmd->run(&cl);
		else if (has_arg(&cl, KEY_LIVE))
			status = live_ui(&cl);
		else if (has_arg(&cl, KEY_ROOT)) {
			cmd_error(&cl, "--root goes with --live");
			status = 2;
		} else
			status = cmd_ui(&cl);
	}
	cmd_line_free(&cl);
	return status;
}
