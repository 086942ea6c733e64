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
 * Then the small files `mbviz check` reads by the hundred: CPU per file,
 * and how much of it the system calls of any load take.
 * Run by `make bench`; never part of `make check`.
 */
#include <fcntl.h>
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

#define NR_SMALL	150
#define SMALL_REPS	20
#define SMALL_RUNS	7

/* CPU seconds of opening, examining, reading and closing the files as the loader does. */
static double read_only(char **files, int n)
{
	static char buf[1 << 16];
	double t0 = bench_cpu_s();
	int k, fd;

	for (k = 0; k < n; k++) {
		struct stat st;

		fd = open(files[k], O_RDONLY | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &st) || read(fd, buf, sizeof(buf)) < 0)
			exit(1);
		close(fd);
	}
	return bench_cpu_s() - t0;
}

static double load_all(char **files, int n)
{
	double t0 = bench_cpu_s();
	char err[1024];
	int k;

	for (k = 0; k < n; k++) {
		struct scenario *sc = scenario_load(files[k], err, sizeof(err));

		if (!sc) {
			printf("  small: %s\n", err);
			exit(1);
		}
		scenario_free(sc);
	}
	return bench_cpu_s() - t0;
}

/*
 * The small files of `mbviz check` (gen-scenario.sh suite 0..149, about
 * 720 bytes each), loaded one after the other: CPU per file, next to what
 * its four system calls alone cost (open, fstat, read, close: the floor
 * of any load, large on a virtual machine).  Medians, the two alternated.
 */
static void bench_small(void)
{
	double load[SMALL_RUNS], io[SMALL_RUNS], l, r;
	char *files[NR_SMALL];
	int k, run, rep;

	for (k = 0; k < NR_SMALL; k++)
		files[k] = bench_generate("suite", k);
	for (run = 0; run < SMALL_RUNS; run++) {
		load[run] = io[run] = 0;
		for (rep = 0; rep < SMALL_REPS; rep++) {
			load[run] += load_all(files, NR_SMALL);
			io[run] += read_only(files, NR_SMALL);
		}
	}
	l = bench_median(load, SMALL_RUNS) * 1e6 / (SMALL_REPS * NR_SMALL);
	r = bench_median(io, SMALL_RUNS) * 1e6 / (SMALL_REPS * NR_SMALL);
	printf("  %d small files (gen-scenario.sh suite): %.1f us/file CPU; its 4 system calls "
	       "alone %.1f us, the rest (parse, load, free) %.1f us\n", NR_SMALL, l, r, l - r);
	for (k = 0; k < NR_SMALL; k++) {
		unlink(files[k]);
		free(files[k]);
	}
}

int main(void)
{
	printf("bench_load: scenario_load() of gen-scenario.sh steps N (%d-byte struct step)\n",
	       (int)sizeof(struct step));
	bench(100000);
	bench(1000000);
	bench_small();
	return 0;
}
