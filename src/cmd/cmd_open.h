/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What run, export, snapshot and html all do first, spelt once: load the
 * scenario (the command's first operand), resolve --step if asked, open
 * the engine (--engine), make a timeline (or a run) of the scenario on it
 * and walk the timeline to the step.  Each failure is one message on
 * stderr, worded as every one of these commands has always said it.
 */
#ifndef MBVIZ_CMD_OPEN_H
#define MBVIZ_CMD_OPEN_H

#include "cmd_line.h"

enum cmd_open_flags {
	/* Resolve --step (none: the last step) into ->step, before the engine is
	 * opened, and walk the timeline to it. */
	OPEN_STEP	= 1 << 0,
	OPEN_RUN	= 1 << 1,	/* a run (run/runner.h), not a timeline */
	OPEN_CHECKPOINTS = 1 << 2,	/* a timeline that can step back, not forward only */
	/* html's "cannot simulate this machine", without the engine's why. */
	OPEN_NO_REASON	= 1 << 3,
};

struct cmd_opened {
	struct scenario	*sc;
	struct engine	*eng;
	struct timeline	*t;		/* NULL with OPEN_RUN */
	struct run	*r;		/* with OPEN_RUN */
	int		step;		/* OPEN_STEP: the timeline is at this step */
};

/*
 * Open @cl's scenario as @flags say into @o (zeroed first).  Returns 0, or 2
 * after a message on stderr; cmd_close_run(@o) in both cases.
 */
int cmd_open_run(const struct cmd_line *cl, unsigned flags, struct cmd_opened *o);
void cmd_close_run(struct cmd_opened *o);

#endif
