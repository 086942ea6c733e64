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

/*
 * @interval: steps between checkpoints; 0: spaced by the size of the
 * state (the default); TIMELINE_FORWARD_ONLY: none but step 0, for a
 * caller that only moves forward (snapshot, export), where checkpoints
 * would cost memory and time for nothing.
 */
#define TIMELINE_FORWARD_ONLY	(-1)
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

/*
 * The engine's progress hook (engine.h) for the moves to come: a caller
 * such as the UI shows how far a long step is and may cancel it.  A move
 * whose step is cancelled returns -1 with no error: the timeline is then
 * at the state before that step, which timeline_cancelled() names until
 * the next move, and the step can be run again later.
 */
void timeline_set_progress(struct timeline *t, struct engine_progress hook);
int timeline_cancelled(const struct timeline *t);
/* The step being run (during a move, from the progress hook): its index. */
int timeline_running(const struct timeline *t);

#endif
