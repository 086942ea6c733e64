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

#include "commands.h"
#include "render/dump.h"
#include "run/engine.h"
#include "scenario/scenario.h"
#include "run/timeline.h"

struct export_opts {
	const char		*file;
	const char		*step;
	const char		*engine;
	enum dump_format	format;
};

static int parse_args(const struct cmd_line *cl, struct export_opts *o)
{
	int i, fmt;

	o->file = cl->operands[0];
	o->engine = cmd_engine(cl);
	o->step = cl->step;
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
	struct engine *eng = NULL;
	struct timeline *t = NULL;
	struct scenario *sc;
	int status = 2, k;
	char err[1024];

	if (parse_args(cl, &opts))
		return 2;
	sc = scenario_load(opts.file, err, sizeof(err));
	if (!sc) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	k = scenario_step_arg(sc, opts.step, "export");
	if (k < 0)
		goto out;
	eng = engine_open(opts.engine, err, sizeof(err));
	if (!eng) {
		fprintf(stderr, "mbviz: export: %s\n", err);
		goto out;
	}
	t = timeline_create(sc, eng, TIMELINE_FORWARD_ONLY);
	if (!t) {
		fprintf(stderr, "%s: the %s engine cannot simulate this machine%s%s\n", sc->file,
			eng->label ? eng->label : eng->ops->name, engine_error(eng) ? ": " : "",
			engine_error(eng) ? engine_error(eng) : "");
		goto out;
	}
	if (timeline_goto(t, k)) {
		const char *why = timeline_error(t);

		fprintf(stderr, "%s\n", why ? why : "run-time error");
		goto out;
	}
	dump_state(stdout, opts.format, &sc->machine, timeline_state(t));
	status = cmd_flush_stdout(cl);
out:
	if (t)
		timeline_destroy(t);
	if (eng)
		engine_close(eng);
	scenario_free(sc);
	return status;
}
