/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A scenario's steps as a timeline that can be visited in any order:
 * periodic checkpoints of the whole run plus replay of the few steps since
 * the nearest one, so that stepping back is instant at any step.
 */
#ifndef MBVIZ_TIMELINE_H
#define MBVIZ_TIMELINE_H

#include "core/outcome.h"
#include "core/state.h"
#include "engine.h"
#include "scenario/scenario.h"

struct timeline;

/* @interval: steps between checkpoints (0: a sensible default). */
struct timeline *timeline_create(const struct scenario *sc, struct engine *eng, int interval);
void timeline_destroy(struct timeline *t);
int timeline_steps(const struct timeline *t);		/* sc->nr_steps */
/*
 * Move to the state after @k steps (0 = before the first step).  Returns 0,
 * or -1 if a run-time scenario error stops the run before step k (the
 * timeline then stays at the failing step; timeline_error() says why).
 */
int timeline_goto(struct timeline *t, int k);
int timeline_pos(const struct timeline *t);
const struct mb_state *timeline_state(struct timeline *t);
/* Outcome of step @i (0-based), which must be < timeline_pos(); NULL otherwise. */
const struct step_outcome *timeline_outcome(struct timeline *t, int i);
const char *timeline_error(const struct timeline *t);
/*
 * At the last step (timeline_pos() == timeline_steps()), check the
 * scenario's top-level expect into @out as run_check_final() does;
 * elsewhere, or after a run-time error, leave @out alone.
 */
void timeline_check_final(struct timeline *t, struct step_outcome *out);

#endif
