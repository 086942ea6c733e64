/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The bridge from a run to the renderer: a frame filled from a scenario
 * and what the runner (or the timeline) has for one step.  The UI and
 * `mbviz snapshot` build their frames here, so both draw the same thing.
 */
#ifndef MBVIZ_STEP_FRAME_H
#define MBVIZ_STEP_FRAME_H

#include "core/frame.h"
#include "core/outcome.h"
#include "core/state.h"
#include "scenario/scenario.h"

/*
 * The frame of @sc after @step steps: @st the state then, @prev the state
 * one step before (or NULL), @out what steps[step - 1] did (or NULL), @error
 * the run-time error that stopped the run (or NULL).  @f points into its
 * arguments: it is valid as long as they are.
 */
void frame_from_step(struct frame *f, const struct scenario *sc, int step,
		     const struct mb_state *st, const struct mb_state *prev,
		     const struct step_outcome *out, const char *error);

#endif
