/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `mbviz check FILE` timed in process, its output sent to /dev/null: the
 * fastest of BENCH_CHECK_REPEAT runs, since one check of a hand-over now
 * takes well under a millisecond and a single timing is noise.
 */
#ifndef MBVIZ_BENCH_CHECK_TIME_H
#define MBVIZ_BENCH_CHECK_TIME_H

#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "bench/util.h"
#include "cmd/commands.h"

#define BENCH_CHECK_REPEAT	10

/* One check of @path: its time in seconds; its exit status in *@rc. */
static inline double bench_check_once(char *path, int *rc)
{
	char cmd[] = "check";
	char *argv[] = { cmd, path, NULL };
	int null = open("/dev/null", O_WRONLY), out = dup(1);
	double t0;

	fflush(stdout);
	dup2(null, 1);
	t0 = bench_now_s();
	*rc = cmd_dispatch(2, argv);
	t0 = bench_now_s() - t0;
	fflush(stdout);
	dup2(out, 1);
	close(out);
	close(null);
	return t0;
}

/* The fastest of BENCH_CHECK_REPEAT checks of @path; the last exit status in *@rc. */
static inline double bench_check_best(char *path, int *rc)
{
	double best = bench_check_once(path, rc), t;
	int i;

	for (i = 1; i < BENCH_CHECK_REPEAT; i++)
		if ((t = bench_check_once(path, rc)) < best)
			best = t;
	return best;
}

#endif
