// SPDX-License-Identifier: GPL-2.0-or-later
/* A time limit for a scenario's run (see deadline.h). */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <time.h>

#include "deadline.h"
#include "engine.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int deadline_parse(const char *text, double *seconds)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(text, &end);
	if (errno || end == text || *end || !isfinite(v) || v <= 0 || v > 1e6)
		return -1;
	*seconds = v;
	return 0;
}

bool deadline_passed(struct deadline *d)
{
	if (d->seconds > 0 && !d->passed && now_s() >= d->at)
		d->passed = true;
	return d->passed;
}

/* The engine's progress hook: go on while there is time. */
static bool within(void *ctx, uint64_t done, uint64_t total)
{
	(void)done;
	(void)total;
	return !deadline_passed(ctx);
}

void deadline_start(struct deadline *d, double seconds, struct engine *e)
{
	d->seconds = seconds;
	d->at = now_s() + seconds;
	d->passed = false;
	if (seconds > 0)
		e->progress = (struct engine_progress){ within, d };
}

void deadline_stop(struct deadline *d, struct engine *e)
{
	if (e->progress.ctx == d)
		e->progress = (struct engine_progress){ NULL, NULL };
}
