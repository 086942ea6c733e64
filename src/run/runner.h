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

#include "core/outcome.h"
#include "core/state.h"
#include "engine.h"
#include "scenario/scenario.h"

struct run;

struct run *run_create(const struct scenario *sc, struct engine *eng);
void run_destroy(struct run *r);
/* Steps executed so far; run_step() executes steps[run_done(r)]. */
int run_done(const struct run *r);
/* Execute the next step into @out (initialised by the call; free with
 * step_outcome_free).  Returns 0, or -1 on a run-time scenario error (out->error). */
int run_step(struct run *r, struct step_outcome *out);
/*
 * Whether the steps' logs keep memblock=debug lines (LOG_DEBUG); by
 * default they do.  `check` reads only failures and warnings, and spares
 * their formatting.
 */
void run_keep_debug_lines(struct run *r, bool keep);
/* Check the top-level expect after the last step: appends to @out. */
void run_check_final(struct run *r, struct step_outcome *out);
/* Current visible state (valid until the next run_step/run_restore). */
const struct mb_state *run_state(struct run *r);

/* Whole-run checkpoints (engine state plus bound labels). */
void *run_save(struct run *r);
void run_restore(struct run *r, const void *saved);
void run_free_saved(struct run *r, void *saved);

#endif
