// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz export FILE [--step N|LABEL] [--format debugfs|dump|json] [--engine=SPEC]
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

static void export_usage(FILE *f)
{
	fputs("usage: mbviz export FILE [--step N|LABEL] [--format debugfs|dump|json]"
	      " [--engine=model]\n", f);
}

static int set_format(struct export_opts *o, const char *name)
{
	int fmt = dump_format_lookup(name);

	if (fmt < 0) {
		fprintf(stderr, "mbviz: export: unknown format '%s' (debugfs, dump or json)\n", name);
		return -1;
	}
	o->format = fmt;
	return 0;
}

static int parse_args(int argc, char **argv, struct export_opts *o)
{
	bool options = true;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (options && !strcmp(a, "--")) {
			options = false;
		} else if (options && !strcmp(a, "--step") && i + 1 < argc) {
			o->step = argv[++i];
		} else if (options && !strncmp(a, "--step=", 7)) {
			o->step = a + 7;
		} else if (options && !strcmp(a, "--format") && i + 1 < argc) {
			if (set_format(o, argv[++i]))
				return -1;
		} else if (options && !strncmp(a, "--format=", 9)) {
			if (set_format(o, a + 9))
				return -1;
		} else if (options && !strncmp(a, "--engine=", 9)) {
			o->engine = a + 9;
		} else if (options && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
			export_usage(stdout);
			exit(0);
		} else if (cmd_operand("export", a, options, &o->file)) {
			return -1;
		}
	}
	if (cmd_need_file("export", o->file))
		return -1;
	return 0;
}

int cmd_export(int argc, char **argv)
{
	struct export_opts opts = { .engine = "model", .format = DUMP_MEMBLOCK };
	struct engine *eng = NULL;
	struct timeline *t = NULL;
	struct scenario *sc;
	int status = 2, k;
	char err[1024];

	if (parse_args(argc, argv, &opts)) {
		export_usage(stderr);
		return 2;
	}
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
		fprintf(stderr, "%s: the %s engine cannot simulate this machine\n", sc->file,
			eng->label ? eng->label : eng->ops->name);
		goto out;
	}
	if (timeline_goto(t, k)) {
		const char *why = timeline_error(t);

		fprintf(stderr, "%s\n", why ? why : "run-time error");
		goto out;
	}
	dump_state(stdout, opts.format, &sc->machine, timeline_state(t));
	status = fflush(stdout) || ferror(stdout) ? 2 : 0;
out:
	if (t)
		timeline_destroy(t);
	if (eng)
		engine_close(eng);
	scenario_free(sc);
	return status;
}
