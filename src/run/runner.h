/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Runs a loaded scenario on an engine, one step at a time: evaluates the
 * step's arguments (queries, labels, region references) against the state
 * at that moment, executes the op, binds `as` labels and checks the step's
 * expectations; at the end checks the top-level expectations.
 */
#ifndef MBVIZ_RUNNER_H
#define MBVIZ_RUNNER_H

#include <stdbool.h>

#include "engine.h"
#include "scenario/scenario.h"
#include "state.h"
#include "steplog.h"

/* One failed expectation. */
struct failure {
	int		step;		/* index, or -1 for the top-level expect */
	int		line;		/* line of the expectation in the file */
	char		*path;		/* "reserved.regions[1].size" */
	char		*expected;	/* "0x1000" */
	char		*actual;
};

struct step_outcome {
	struct op_call	call;		/* the evaluated arguments */
	struct op_result res;
	struct steplog	log;
	int		nr_failures;
	struct failure	*failures;
	char		*error;		/* run-time scenario error (e.g. unbound label); NULL if none */
};

struct run;

struct run *run_create(const struct scenario *sc, struct engine *eng);
void run_destroy(struct run *r);
/* Steps executed so far; run_step() executes steps[run_done(r)]. */
int run_done(const struct run *r);
/* Execute the next step into @out (initialised by the call; free with
 * step_outcome_free).  Returns 0, or -1 on a run-time scenario error (out->error). */
int run_step(struct run *r, struct step_outcome *out);
/* Check the top-level expect after the last step: appends to @out. */
void run_check_final(struct run *r, struct step_outcome *out);
/* Current visible state (valid until the next run_step/run_restore). */
const struct mb_state *run_state(struct run *r);

/* Whole-run checkpoints (engine state plus bound labels). */
void *run_save(struct run *r);
void run_restore(struct run *r, const void *saved);
void run_free_saved(struct run *r, void *saved);

void step_outcome_free(struct step_outcome *o);
/* "steps[3] memblock_reserve (line 14): reserved.regions[1].size: expected 0x1000, got 0x2000" */
int failure_format(const struct scenario *sc, const struct failure *f, char *buf, int len);
/* "memblock_reserve(base=0x1000, size=0x2000) = 0" */
int call_format(const struct machine *m, const struct op_call *c, const struct op_result *res,
		char *buf, int len);

#endif
