// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How long a key takes in the UI at 100,000 regions: `gen-scenario.sh
 * regions 50000` (50,000 memory and 50,000 reserved regions at the last
 * step) in the UI's test mode at 250x70, as tests/ui.test drives it
 * (MBVIZ_UI_SCRIPT, drawing on /dev/null): G (to the last step), then
 * KEYS x p (step back) and KEYS x n (step forward).  The UI writes the
 * CPU time of every key, phase by phase (MBVIZ_UI_KEYTIMES, see
 * src/ui/ui_keytime.h): the key's action (the timeline's move), the
 * states of the frame, the map's bands, the region table, the log, and
 * the rest (header, legend, status, curses).  Printed: the median key of
 * each kind, its phases, and which phase dominates.  The first step back
 * replays from the nearest checkpoint (spaced by state size: see
 * src/run/timeline.c); the others use the fine checkpoints that replay
 * leaves.  Target (issue 15): <= 16 ms a key.
 * Run by `make bench`; never part of `make check`.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/util.h"

#define KEYS		40
#define NR_PHASES	6

static const char *const phase[NR_PHASES] = { "key", "frame", "map", "table", "log", "rest" };

struct keytime {
	char	key;
	double	t[NR_PHASES], total;	/* microseconds */
};

/* Run the UI on @scenario with G, KEYS x p, KEYS x n; the keys' times into @kt. */
static int ui_run(const char *scenario, struct keytime *kt, int max)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char script[256], times[256], cmd[1024], line[512];
	FILE *f;
	int i, n = 0;

	snprintf(script, sizeof(script), "%s/mbviz-bench-ui-%d.keys", tmp, (int)getpid());
	snprintf(times, sizeof(times), "%s/mbviz-bench-ui-%d.times", tmp, (int)getpid());
	f = fopen(script, "w");
	if (!f)
		exit(1);
	fputs("key G\n", f);
	for (i = 0; i < KEYS; i++)
		fputs("key p\n", f);
	for (i = 0; i < KEYS; i++)
		fputs("key n\n", f);
	fclose(f);
	/* make bench runs in the build directory. */
	snprintf(cmd, sizeof(cmd), "MBVIZ_UI_SCRIPT='%s' MBVIZ_UI_SIZE=250x70 MBVIZ_UI_DUMP=/dev/null "
		 "MBVIZ_UI_KEYTIMES='%s' ./src/mbviz '%s' >/dev/null", script, times, scenario);
	if (system(cmd)) {
		fprintf(stderr, "bench_ui: %s failed\n", cmd);
		exit(1);
	}
	f = fopen(times, "r");
	while (f && n < max && fgets(line, sizeof(line), f)) {
		struct keytime *k = &kt[n];

		if (sscanf(line, "%c key=%lf frame=%lf map=%lf table=%lf log=%lf rest=%lf "
			   "total=%lf", &k->key, &k->t[0], &k->t[1], &k->t[2], &k->t[3], &k->t[4],
			   &k->t[5], &k->total) == 8)
			n++;
	}
	if (f)
		fclose(f);
	unlink(script);
	unlink(times);
	return n;
}

static int by_total(const void *a, const void *b)
{
	const struct keytime *x = a, *y = b;

	return x->total < y->total ? -1 : x->total > y->total;
}

/* The median key @key of @kt, its phases, and the phase that dominates it. */
static void report(struct keytime *kt, int n, char key, const char *what)
{
	struct keytime *mine = calloc(n + 1, sizeof(*mine)), *med;
	int i, m = 0, top = 0;

	for (i = 0; i < n; i++)
		if (kt[i].key == key)
			mine[m++] = kt[i];
	if (!m) {
		printf("  %s: no keys timed\n", what);
		free(mine);
		return;
	}
	qsort(mine, m, sizeof(*mine), by_total);
	med = &mine[m / 2];
	for (i = 1; i < NR_PHASES; i++)
		if (med->t[i] > med->t[top])
			top = i;
	printf("  %s (%c), median of %d keys: %.1f ms CPU (target 16 ms; fastest %.1f, slowest "
	       "%.1f):", what, key, m, med->total / 1e3, mine[0].total / 1e3,
	       mine[m - 1].total / 1e3);
	for (i = 0; i < NR_PHASES; i++)
		printf(" %s %.1f", phase[i], med->t[i] / 1e3);
	printf("; %s dominates (%.0f%%)\n", phase[top], 100 * med->t[top] / med->total);
	free(mine);
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 50000;
	char *file = bench_generate("regions", n);
	struct keytime kt[2 * KEYS + 8];
	int nr = ui_run(file, kt, 2 * KEYS + 8);

	printf("bench_ui: %ld+%ld regions at 250x70 (%d keys timed, phases in ms):\n", n, n, nr);
	report(kt, nr, 'p', "step back");
	printf("    (a step back restores the nearest checkpoint and replays up to 63 steps, "
	       "each O(regions) as in the kernel: memblock_add_range() and "
	       "memblock_merge_regions() walk the whole array)\n");
	report(kt, nr, 'n', "step forward");
	report(kt, nr, 'G', "to the last step");
	unlink(file);
	free(file);
	return 0;
}
