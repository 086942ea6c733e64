// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How long a key takes in the UI at 100,000 regions: `gen-scenario.sh
 * regions 50000` (50,000 memory and 50,000 reserved regions at the last
 * step) in the UI's test mode at 250x70, as tests/ui.test drives it
 * (MBVIZ_UI_SCRIPT, drawing on /dev/null): once with only G (to the last
 * step), once with G then 10 x p (step back) and 10 x n (step forward).
 * The difference over the 20 keys is the time of one key: the timeline's
 * move, the state copies, and a redraw of header, map and tables.  The
 * first step back replays from the nearest checkpoint (spaced by state
 * size: see src/run/timeline.c); the others use the fine checkpoints
 * that replay leaves.  Target (issue 15): <= 16 ms a key.
 * Run by `make bench`; never part of `make check`.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "bench/util.h"

#define KEYS	10

static double children_cpu_s(void)
{
	struct rusage ru;

	getrusage(RUSAGE_CHILDREN, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
	       ru.ru_stime.tv_usec / 1e6;
}

static double ui_run(const char *scenario, bool keys)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char script[256], cmd[1024];
	double t0;
	FILE *f;
	int i;

	snprintf(script, sizeof(script), "%s/mbviz-bench-ui-%d.keys", tmp, (int)getpid());
	f = fopen(script, "w");
	if (!f)
		exit(1);
	fputs("key G\n", f);
	for (i = 0; keys && i < KEYS; i++)
		fputs("key p\n", f);
	for (i = 0; keys && i < KEYS; i++)
		fputs("key n\n", f);
	fclose(f);
	/* make bench runs in the build directory.  CPU time of the child: the clock is too noisy on a shared machine. */
	snprintf(cmd, sizeof(cmd), "MBVIZ_UI_SCRIPT='%s' MBVIZ_UI_SIZE=250x70 MBVIZ_UI_DUMP=/dev/null "
		 "./src/mbviz '%s' >/dev/null", script, scenario);
	t0 = children_cpu_s();
	if (system(cmd)) {
		fprintf(stderr, "bench_ui: %s failed\n", cmd);
		exit(1);
	}
	t0 = children_cpu_s() - t0;
	unlink(script);
	return t0;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 50000;
	char *file = bench_generate("regions", n);
	double base = ui_run(file, false), keys = ui_run(file, true);

	printf("bench_ui: %ld+%ld regions at 250x70: G alone %.2f s CPU, G + %d keys %.2f s: "
	       "%.1f ms CPU a key (target 16 ms)\n", n, n, base,
	       2 * KEYS, keys, (keys - base) * 1e3 / (2 * KEYS));
	unlink(file);
	free(file);
	return 0;
}
