// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz diff FILE [--engine A] [--engine B] [--no-log] [--brief]
 *
 * Runs one scenario on two engines side by side -- by default the model
 * and the kernel engine -- and stops at the first step after which they
 * disagree: on the result, the messages, or anything in the visible state
 * (regions, counts, totals, settings, contents, zones).  Both states are
 * then printed in two columns, differences marked.  Expectations in the
 * scenario are not checked: the kernel is the judge here.
 *
 * Exit status: 0 the engines agree, 1 they differ, 2 a usage, scenario or
 * engine error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "run/engine.h"
#include "run/engine_compare.h"
#include "run/runner.h"
#include "scenario/scenario.h"

struct diff_opts {
	const char	*file;
	const char	*engines[2];
	int		nr_engines;
	unsigned int	flags;
	bool		brief;
};

static void diff_usage(FILE *f)
{
	fputs("usage: mbviz diff FILE [--engine A] [--engine B] [--no-log] [--brief]\n"
	      "  Run FILE on two engines (default: model and kernel) and report the first\n"
	      "  step where their results, messages or states differ.  An engine is\n"
	      "  model, kernel or kernel:PATH (an engine object, a directory of them, or\n"
	      "  a kernel tree).  Exit status: 0 same, 1 different, 2 error.\n", f);
}

static int parse_args(int argc, char **argv, struct diff_opts *o)
{
	bool options = true;
	int i;

	o->flags = CMP_LOG;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i], *eng = NULL;

		if (options && !strcmp(a, "--")) {
			options = false;
		} else if (options && !strncmp(a, "--engine=", 9)) {
			eng = a + 9;
		} else if (options && !strcmp(a, "--engine")) {
			if (i + 1 == argc) {
				fputs("mbviz: diff: --engine needs a value\n", stderr);
				return -1;
			}
			eng = argv[++i];
		} else if (options && !strcmp(a, "--no-log")) {
			o->flags &= ~CMP_LOG;
		} else if (options && !strcmp(a, "--brief")) {
			o->brief = true;
		} else if (options && (!strcmp(a, "--help") || !strcmp(a, "-h"))) {
			diff_usage(stdout);
			exit(0);
		} else if (cmd_operand("diff", a, options, &o->file)) {
			return -1;
		}
		if (eng) {
			if (o->nr_engines == 2) {
				fputs("mbviz: diff: at most two engines\n", stderr);
				return -1;
			}
			o->engines[o->nr_engines++] = eng;
		}
	}
	if (cmd_need_file("diff", o->file))
		return -1;
	/* One engine given: it is compared with the model. */
	if (o->nr_engines < 2) {
		o->engines[1] = o->nr_engines ? o->engines[0] : "kernel";
		o->engines[0] = "model";
	}
	return 0;
}

static struct run *start(const struct scenario *sc, struct engine *e)
{
	struct run *r = run_create(sc, e);
	const char *why = engine_error(e);

	if (!r)
		fprintf(stderr, "mbviz: diff: %s: %s: %s\n", sc->file, e->label,
			why ? why : "the engine cannot simulate this machine");
	return r;
}

static void report(const struct diff_opts *o, const struct scenario *sc, int i,
		   const struct cmp_side *a, const struct cmp_side *b)
{
	char call[512];

	if (i < 0) {
		printf("%s: the engines differ before the first step (the machine's initial "
		       "state)\n", sc->file);
	} else {
		const struct step *st = &sc->steps[i];

		call_format(&sc->machine, &a->out->call, &a->out->res, call, sizeof(call));
		printf("%s:%d:%d: steps[%d]: the engines differ after %s\n", sc->file,
		       st->pos.line, st->pos.col, i, call);
	}
	cmp_print(stdout, &sc->machine, a, b, o->flags, !o->brief);
}

/* Step both runs to the end; 0 agree, 1 differ, 2 a scenario error. */
static int compare_runs(const struct diff_opts *o, const struct scenario *sc,
			struct engine *ea, struct engine *eb, struct run *ra, struct run *rb)
{
	struct cmp_side a = { ea->label, NULL, run_state(ra) };
	struct cmp_side b = { eb->label, NULL, run_state(rb) };
	int i, status = 0;

	if (!cmp_equal(&a, &b, o->flags)) {
		report(o, sc, -1, &a, &b);
		return 1;
	}
	for (i = 0; i < sc->nr_steps && !status; i++) {
		struct step_outcome oa, ob;
		int ret_a = run_step(ra, &oa), ret_b = run_step(rb, &ob);

		a.out = &oa;
		b.out = &ob;
		a.state = run_state(ra);
		b.state = run_state(rb);
		if (!cmp_equal(&a, &b, o->flags)) {
			report(o, sc, i, &a, &b);
			status = 1;
		} else if (ret_a || ret_b) {
			/* Both stopped here the same way. */
			if (oa.res.unsupported) {
				printf("%s: both engines stop at steps[%d]: %s\n", sc->file, i,
				       oa.error);
				status = -1;
			} else {
				fprintf(stderr, "%s\n", oa.error);
				status = 2;
			}
		}
		step_outcome_free(&oa);
		step_outcome_free(&ob);
	}
	if (status <= 0)
		printf("%s: %d of %d steps: %s and %s agree\n", sc->file, i, sc->nr_steps,
		       ea->label, eb->label);
	return status < 0 ? 0 : status;
}

int cmd_diff(int argc, char **argv)
{
	struct engine *ea = NULL, *eb = NULL;
	struct run *ra = NULL, *rb = NULL;
	struct diff_opts o = { 0 };
	struct scenario *sc;
	char err[1024];
	int status = 2;

	if (parse_args(argc, argv, &o)) {
		diff_usage(stderr);
		return 2;
	}
	sc = scenario_load(o.file, err, sizeof(err));
	if (!sc) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	ea = engine_open(o.engines[0], err, sizeof(err));
	if (!ea) {
		fprintf(stderr, "mbviz: diff: %s\n", err);
		goto out;
	}
	eb = engine_open(o.engines[1], err, sizeof(err));
	if (!eb) {
		fprintf(stderr, "mbviz: diff: %s\n", err);
		goto out;
	}
	ra = start(sc, ea);
	rb = ra ? start(sc, eb) : NULL;
	if (ra && rb)
		status = compare_runs(&o, sc, ea, eb, ra, rb);
out:
	run_destroy(ra);
	run_destroy(rb);
	engine_close(ea);
	engine_close(eb);
	scenario_free(sc);
	return status;
}
