// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What the timeline costs in memory next to a plain run: each scenario of
 * tests/bench/gen-scenario.sh is loaded, then run to its end in a child
 * process, once as `mbviz run` does (run_step, each outcome dropped) and
 * once as the UI does (a timeline moved to the end, then back to the
 * middle and to the end again).  Prints the peak resident set of each
 * child after the load (the loaded scenario included), the bytes per step
 * above the loaded scenario, the time, and the ratio timeline / run.
 * Target (issue 15): timeline peak RSS <= 2x run peak RSS at 10^5 and 10^6 steps.
 * Run by `make bench`; never part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "run/engine.h"
#include "run/runner.h"
#include "run/timeline.h"
#include "scenario/scenario.h"
#include "bench/util.h"

struct result {
	double	seconds;
	size_t	peak, loaded;
};

static int plain_run(struct scenario *sc, struct engine *eng)
{
	struct run *r = run_create(sc, eng);
	struct step_outcome o;
	int ret = 0;

	while (r && run_done(r) < sc->nr_steps) {
		ret = run_step(r, &o);
		step_outcome_free(&o);
		if (ret)
			break;
	}
	run_destroy(r);
	return ret;
}

static int timeline_run(struct scenario *sc, struct engine *eng)
{
	struct timeline *t = timeline_create(sc, eng, 0);
	int ret;

	if (!t)
		return -1;
	ret = timeline_goto(t, sc->nr_steps);
	timeline_state(t);
	timeline_goto(t, sc->nr_steps / 2);
	timeline_state(t);
	timeline_goto(t, sc->nr_steps);
	timeline_state(t);
	timeline_destroy(t);
	return ret;
}

/* In a child: load @file, run it one way, write the figures to @fd. */
static void child(const char *file, bool timeline, int fd)
{
	struct result res = { 0 };
	struct scenario *sc;
	struct engine *eng;
	char err[1024];
	double t0;

	sc = scenario_load(file, err, sizeof(err));
	eng = engine_open("model", err, sizeof(err));
	if (!sc || !eng) {
		fprintf(stderr, "bench_memory: %s\n", err);
		_exit(1);
	}
	res.loaded = bench_rss();
	bench_hwm_reset();	/* the peak of the load itself is bench_load's */
	t0 = bench_now_s();
	if (timeline ? timeline_run(sc, eng) : plain_run(sc, eng)) {
		fprintf(stderr, "bench_memory: %s does not run to its end\n", file);
		_exit(1);
	}
	res.seconds = bench_now_s() - t0;
	res.peak = bench_hwm();
	if (write(fd, &res, sizeof(res)) != sizeof(res))
		_exit(1);
	_exit(0);
}

static int measure(const char *file, bool timeline, struct result *res)
{
	int fds[2], status;
	pid_t pid;

	if (pipe(fds))
		return -1;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		child(file, timeline, fds[1]);
	}
	close(fds[1]);
	if (pid < 0 || read(fds[0], res, sizeof(*res)) != sizeof(*res)) {
		close(fds[0]);
		return -1;
	}
	close(fds[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

static void bench(const char *kind, long n)
{
	char *file = bench_generate(kind, n);
	struct result run, tl;
	long steps = strcmp(kind, "regions") ? n : 2 * n + 2;

	if (measure(file, false, &run) || measure(file, true, &tl)) {
		printf("  %s %ld: failed\n", kind, n);
	} else {
		printf("  %-7s %7ld (%7ld steps): run %6.1f MiB peak (%4.0f B/step above the "
		       "scenario, %.2f s); timeline %6.1f MiB peak (%4.0f B/step, %.2f s); "
		       "timeline/run %.2fx (target <= 2)\n", kind, n, steps,
		       run.peak / 1048576.0, ((double)run.peak - run.loaded) / steps, run.seconds,
		       tl.peak / 1048576.0, ((double)tl.peak - tl.loaded) / steps, tl.seconds,
		       (double)tl.peak / run.peak);
	}
	unlink(file);
	free(file);
}

int main(void)
{
	printf("bench_memory: peak resident set, model engine, run vs timeline:\n");
	bench("steps", 100000);
	bench("steps", 1000000);
	bench("regions", 20000);
	return 0;
}
