/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A frame: everything the renderer draws for one step, and nothing it
 * would have to look up elsewhere.  The states before and after the step
 * (the changes are their difference), what the step did (its outcome: the
 * call and result, the kernel's messages, failed expectations), and the
 * words of the scenario that label it (name, title, the step's `as`
 * label, operation and note).  The runner's side fills it
 * (frame_from_step() in run/step_frame.h); a test or a benchmark can fill
 * it by hand from a state alone: only m and st are required.
 */
#ifndef MBVIZ_FRAME_H
#define MBVIZ_FRAME_H

#include <stdbool.h>

#include "machine.h"
#include "outcome.h"
#include "state.h"

struct frame {
	const struct machine	*m;		/* page size, address width, NUMA, zones */
	const struct mb_state	*st;		/* the state after the step */
	const struct mb_state	*prev;		/* before it, or NULL: nothing is marked changed */
	int			step;		/* steps done: 0 = the initial state */
	const struct step_outcome *out;		/* what steps[step - 1] did, or NULL */
	const char		*error;		/* run-time error that stopped the run, or NULL */

	/* The scenario's words; all NULL (and nr_steps 0) for a bare state. */
	const char		*name;		/* the scenario's name: with it, a title line
						 * and "step 3/9" instead of "step 3" */
	const char		*title;
	int			nr_steps;
	const char		*label;		/* the step's `as` label */
	const char		*op;		/* the step's operation, shown when out is NULL */
	const char		*note;
	bool			expects;	/* the step has expectations ("expect: ok") */
};

#endif
