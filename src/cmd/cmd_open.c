// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shared start of run, export, snapshot and html (cmd_open.h).  The
 * order is the one export always had: what the scenario and --step say
 * is checked before the engine is opened.  (snapshot resolves its --step
 * itself, after the engine, as it always has: with both wrong it names
 * the engine.)
 */
#include <stdio.h>
#include <string.h>

#include "cmd_open.h"
#include "commands.h"
#include "run/engine.h"
#include "run/runner.h"
#include "run/timeline.h"
#include "scenario/scenario.h"

/* "FILE: the ENGINE engine cannot simulate this machine[: WHY]" */
static void cannot_simulate(const struct scenario *sc, struct engine *eng, unsigned flags)
{
	const char *why = flags & OPEN_NO_REASON ? NULL : engine_error(eng);

	fprintf(stderr, "%s: the %s engine cannot simulate this machine%s%s\n", sc->file,
		eng->label ? eng->label : eng->ops->name, why ? ": " : "", why ? why : "");
}

static int open_engine(const struct cmd_line *cl, unsigned flags, struct cmd_opened *o)
{
	char err[1024];

	o->eng = engine_open(cmd_engine(cl), err, sizeof(err));
	if (!o->eng) {
		fprintf(stderr, "mbviz: %s: %s\n", cl->cmd->name, err);
		return 2;
	}
	if (flags & OPEN_RUN)
		o->r = run_create(o->sc, o->eng);
	else
		o->t = timeline_create(o->sc, o->eng,
				       flags & OPEN_CHECKPOINTS ? 0 : TIMELINE_FORWARD_ONLY);
	if (!o->r && !o->t) {
		cannot_simulate(o->sc, o->eng, flags);
		return 2;
	}
	return 0;
}

int cmd_open_run(const struct cmd_line *cl, unsigned flags, struct cmd_opened *o)
{
	char err[1024];

	memset(o, 0, sizeof(*o));
	o->sc = scenario_load(cl->operands[0], err, sizeof(err));
	if (!o->sc) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	if (flags & OPEN_STEP) {
		o->step = scenario_step_arg(o->sc, cl->step, cl->cmd->name);
		if (o->step < 0)
			return 2;
	}
	if (open_engine(cl, flags, o))
		return 2;
	if ((flags & OPEN_STEP) && timeline_goto(o->t, o->step)) {
		const char *why = timeline_error(o->t);

		fprintf(stderr, "%s\n", why ? why : "run-time error");
		return 2;
	}
	return 0;
}

void cmd_close_run(struct cmd_opened *o)
{
	run_destroy(o->r);
	if (o->t)
		timeline_destroy(o->t);
	if (o->eng)
		engine_close(o->eng);
	scenario_free(o->sc);
	memset(o, 0, sizeof(*o));
}
