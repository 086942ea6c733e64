// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How fast scenarios load, and how much memory a loaded step holds: the
 * scenarios of `gen-scenario.sh steps N` (a step is about 70 bytes of
 * JSON; every 100th has an expectation) for N = 10^5 and 10^6, loaded with
 * scenario_load() as every subcommand does.  Prints the time per step,
 * the resident memory the scenario keeps per step once loaded, and the
 * peak of the load per step: the text and the steps, as the steps are
 * streamed (each one's parse nodes are freed before the next is read).
 * Targets (issue 15): 10^6 steps in <= 2 s, <= 300 bytes per step resident.
 * Run by `make bench`; never part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scenario/scenario.h"
#include "bench/util.h"

/* User and system CPU seconds of the process so far. */
static void usage_s(double *user, double *sys)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	*user = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
	*sys = ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static int bench(long n)
{
	char *file = bench_generate("steps", n), err[1024];
	struct scenario *sc;
	size_t rss0, rss1, peak;
	struct stat st;
	double t0, c0, t, cpu, u0, s0, u1, s1;

	stat(file, &st);
	rss0 = bench_rss();
	bench_hwm_reset();
	t0 = bench_now_s();
	c0 = bench_cpu_s();
	usage_s(&u0, &s0);
	sc = scenario_load(file, err, sizeof(err));
	usage_s(&u1, &s1);
	t = bench_now_s() - t0;
	cpu = bench_cpu_s() - c0;
	peak = bench_hwm();
	rss1 = bench_rss();
	unlink(file);
	free(file);
	if (!sc) {
		printf("  %8ld steps (%.1f MiB): cannot load: %s\n", n, st.st_size / 1048576.0,
		       err);
		return 1;
	}
	printf("  %8ld steps (%.1f MiB): %.3f s wall, %.3f s CPU (%.2f us/step; target 2 s "
	       "per 10^6): %.2f s user, %.2f s system (page faults of the text and steps); "
	       "resident %.0f bytes/step (target 300), peak while loading %.0f "
	       "bytes/step\n", n, st.st_size / 1048576.0, t, cpu, cpu * 1e6 / n, u1 - u0, s1 - s0,
	       (double)(rss1 - rss0) / n,
	       (double)(peak > rss0 ? peak - rss0 : 0) / n);
	scenario_free(sc);
	return 0;
}

int main(void)
{
	printf("bench_load: scenario_load() of gen-scenario.sh steps N (%d-byte struct step)\n",
	       (int)sizeof(struct step));
	bench(100000);
	bench(1000000);
	return 0;
}
