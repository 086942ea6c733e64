/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A time limit for running a scenario (`mbviz check --timeout`): polled
 * between steps, and inside an engine's long walks through its progress
 * hook (engine.h), which then cancels the step.
 */
#ifndef MBVIZ_DEADLINE_H
#define MBVIZ_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>

struct engine;

struct deadline {
	double	seconds;	/* the limit; 0: none */
	double	at;		/* CLOCK_MONOTONIC seconds */
	bool	passed;
};

/*
 * A limit of @text seconds (a decimal number above 0, at most a million):
 * 0, or -1 if @text is no such number.
 */
int deadline_parse(const char *text, double *seconds);
/* From now on, @seconds (0: no limit); @e's progress hook polls it meanwhile. */
void deadline_start(struct deadline *d, double seconds, struct engine *e);
/* Whether the time is up (false without a limit). */
bool deadline_passed(struct deadline *d);
/* No more polling by @e. */
void deadline_stop(struct deadline *d, struct engine *e);

#endif
