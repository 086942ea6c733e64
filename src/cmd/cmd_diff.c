// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz diff [--engine=A] [--engine=B] [--no-log] [--brief] FILE
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
	unsigned int	flags;
	bool		brief;
};

static void parse_args(const struct cmd_line *cl, struct diff_opts *o)
{
	int i;

	o->file = cl->operands[0];
	o->flags = CMP_LOG;
	for (i = 0; i < cl->nr_args; i++) {
		if (cl->args[i].key == KEY_NO_LOG)
			o->flags &= ~CMP_LOG;
		else if (cl->args[i].key == KEY_BRIEF)
			o->brief = true;
	}
	/* One engine given: it is compared with the model. */
	o->engines[0] = cl->nr_engines == 2 ? cl->engine[0] : "model";
	o->engines[1] = cl->nr_engines == 2 ? cl->engine[1] :
			cl->nr_engines ? cl->engine[0] : "kernel";
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

int cmd_diff(const struct cmd_line *cl)
{
	struct engine *ea = NULL, *eb = NULL;
	struct run *ra = NULL, *rb = NULL;
	struct diff_opts o = { 0 };
	struct scenario *sc;
	char err[1024];
	int status = 2;

	parse_args(cl, &o);
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
	if (cmd_flush_stdout(cl))
		status = 2;
out:
	run_destroy(ra);
	run_destroy(rb);
	engine_close(ea);
	engine_close(eb);
	scenario_free(sc);
	return status;
}
