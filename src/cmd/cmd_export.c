// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz export [--engine=SPEC] [--step=N|LABEL] [--format=FORMAT] FILE
 *
 * The state after N steps (default: all of them), or after the step whose
 * `as` is LABEL, in one of the kernel's formats: what import reads back.
 * Exit status: 0, or 2 for a usage or scenario error or a run-time error
 * before the step.  Expectations are not checked (that is `check`).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_open.h"
#include "commands.h"
#include "render/dump.h"
#include "scenario/scenario.h"
#include "run/timeline.h"

struct export_opts {
	enum dump_format	format;
};

static int parse_args(const struct cmd_line *cl, struct export_opts *o)
{
	int i, fmt;

	for (i = 0; i < cl->nr_args; i++) {
		if (cl->args[i].key != KEY_FORMAT)
			continue;
		fmt = dump_format_lookup(cl->args[i].value);
		if (fmt < 0) {
			cmd_error(cl, "unknown format '%s' (debugfs, dump or json)",
				  cl->args[i].value);
			return -1;
		}
		o->format = fmt;
	}
	return 0;
}

int cmd_export(const struct cmd_line *cl)
{
	struct export_opts opts = { .format = DUMP_MEMBLOCK };
	struct cmd_opened o;
	int status;

	if (parse_args(cl, &opts))
		return 2;
	status = cmd_open_run(cl, OPEN_STEP, &o);
	if (!status) {
		dump_state(stdout, opts.format, &o.sc->machine, timeline_state(o.t));
		status = cmd_flush_stdout(cl);
	}
	cmd_close_run(&o);
	return status;
}
