// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz run [--engine=SPEC] [--trace] [--dump=FORMAT] [--zoneinfo] FILE
 *
 * Runs one scenario and prints, as text a kernel developer already knows,
 * what happened: with --trace each call followed by what the kernel would
 * have printed with memblock=debug, then the final state.  Failed
 * expectations go to stderr.  Exit status: 0 ok, 1 an expectation failed,
 * 2 a usage or scenario error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_open.h"
#include "commands.h"
#include "render/dump.h"
#include "run/runner.h"
#include "scenario/scenario.h"

struct run_opts {
	bool			trace;
	bool			zoneinfo;
	enum dump_format	format;
};

static int parse_dump(const struct cmd_line *cl, struct run_opts *o, const char *name)
{
	int fmt = dump_format_lookup(name);

	if (fmt < 0) {
		cmd_error(cl, "unknown dump format '%s' (debugfs, dump or json)", name);
		return -1;
	}
	o->format = fmt;
	return 0;
}

static int parse_args(const struct cmd_line *cl, struct run_opts *o)
{
	int i;

	for (i = 0; i < cl->nr_args; i++) {
		const struct cmd_arg *a = &cl->args[i];

		if (a->key == KEY_TRACE)
			o->trace = true;
		else if (a->key == KEY_ZONEINFO)
			o->zoneinfo = true;
		else if (a->key == KEY_DUMP && parse_dump(cl, o, a->value))
			return -1;
	}
	return 0;
}

static void print_trace(const struct scenario *sc, int i, const struct step_outcome *o)
{
	char call[512];
	int k;

	call_format(&sc->machine, &o->call, &o->res, call, sizeof(call));
	printf("# steps[%d] %s\n", i, call);
	for (k = 0; k < o->log.nr; k++)
		printf("%s\n", o->log.lines[k].text);
	if (o->log.partial)
		printf("%s\n", o->log.partial);
}

static void report_failures(const struct scenario *sc, const struct step_outcome *o)
{
	char line[1024];
	int k;

	for (k = 0; k < o->nr_failures; k++) {
		failure_format(&o->failures[k], line, sizeof(line));
		fprintf(stderr, "%s: %s\n", sc->file, line);
	}
}

/* Run every step; returns 0, 1 (a failed expectation) or 2 (run-time error). */
static int run_steps(const struct run_opts *opts, const struct scenario *sc, struct run *r)
{
	struct step_outcome o;
	int status = 0, ret;

	while (run_done(r) < sc->nr_steps) {
		int i = run_done(r);

		ret = run_step(r, &o);
		if (opts->trace && run_done(r) > i)
			print_trace(sc, i, &o);
		fflush(stdout);
		report_failures(sc, &o);
		if (o.nr_failures)
			status = 1;
		if (ret) {
			fprintf(stderr, "%s\n", o.error ? o.error : "run-time error");
			step_outcome_free(&o);
			return 2;
		}
		step_outcome_free(&o);
	}
	memset(&o, 0, sizeof(o));
	run_check_final(r, &o);
	report_failures(sc, &o);
	if (o.nr_failures)
		status = 1;
	if (o.error) {
		fprintf(stderr, "%s\n", o.error);
		status = 2;
	}
	step_outcome_free(&o);
	return status;
}

static void print_state(const struct run_opts *opts, const struct scenario *sc, struct run *r)
{
	const struct mb_state *st = run_state(r);

	if (opts->trace)
		printf("# state after %d steps\n", run_done(r));
	dump_state(stdout, opts->format, &sc->machine, st);
	if (!opts->zoneinfo)
		return;
	if (!st->freed_all) {
		fflush(stdout);
		fprintf(stderr, "mbviz: run: %s: no zones to show: memblock_free_all has not run\n",
			sc->file);
		return;
	}
	dump_zoneinfo(stdout, &sc->machine, st);
}

int cmd_run(const struct cmd_line *cl)
{
	struct run_opts opts = { .format = DUMP_MEMBLOCK };
	struct cmd_opened o;
	int status;

	if (parse_args(cl, &opts))
		return 2;
	status = cmd_open_run(cl, OPEN_RUN, &o);
	if (!status) {
		status = run_steps(&opts, o.sc, o.r);
		if (status < 2)
			print_state(&opts, o.sc, o.r);
		if (cmd_flush_stdout(cl))
			status = 2;
	}
	cmd_close_run(&o);
	return status;
}
