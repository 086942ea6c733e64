// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How fast the timeline moves on the model engine: a scenario of a million
 * steps (memory added once, then memblock_reserve and memblock_phys_free
 * of small ranges, alternating) is walked to the end, then the timeline
 * jumps back to step 999999 (as a timeline move, and as the UI's step
 * back, which fetches the state before that step too) and to random
 * steps, fetching the outcome shown there as the UI would.  Prints the
 * time of each move.
 * Run by `make bench`; never part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "run/engine.h"
#include "scenario/scenario.h"
#include "core/state.h"
#include "run/timeline.h"
#include "bench/util.h"

#define NR_STEPS	1000000
#define NR_BACKS	20

static void set_phys(struct step *st, int a, uint64_t v)
{
	st->args[a].present = true;
	st->args[a].phys.constant = v;
}

static struct step_arg *args;
/* The scenario owns its strings: writable copies, not literals. */
static char file_name[] = "bench", scenario_name[] = "bench-timeline";

static struct scenario *build(void)
{
	struct scenario *sc = calloc(1, sizeof(*sc));
	int i;

	sc->file = file_name;
	sc->name = scenario_name;
	machine_init_default(&sc->machine);
	sc->nr_steps = NR_STEPS;
	sc->steps = calloc(NR_STEPS, sizeof(*sc->steps));
	args = calloc(NR_STEPS, 2 * sizeof(*args));
	if (!sc->steps || !args) {
		fputs("bench_timeline: out of memory for the scenario\n", stderr);
		exit(1);
	}
	for (i = 0; i < NR_STEPS; i++)
		sc->steps[i].args = &args[2 * i];
	sc->steps[0].spec = op_spec(OP_MEMBLOCK_ADD);
	set_phys(&sc->steps[0], 0, 0);
	set_phys(&sc->steps[0], 1, 1ULL << 32);
	for (i = 1; i < NR_STEPS; i++) {
		struct step *st = &sc->steps[i];
		/* 61 different pages, so the reserved array changes shape as it goes. */
		uint64_t base = 0x1000000 + (uint64_t)((i / 2) % 61) * 0x3000;

		st->index = i;
		st->pos.line = i + 1;
		st->spec = op_spec(i % 2 ? OP_MEMBLOCK_RESERVE : OP_MEMBLOCK_PHYS_FREE);
		set_phys(st, 0, base);
		set_phys(st, 1, i % 4 == 1 ? 0x1000 : 0x800);
	}
	return sc;
}

int main(void)
{
	struct scenario *sc = build();
	struct engine *eng = model_engine_create(-1);
	struct timeline *t;
	struct mb_state prev;
	struct rusage ru;
	double t0, ms, sum = 0, max = 0;
	int i, k;

	if (!eng) {
		fputs("bench_timeline: no model engine\n", stderr);
		return 1;
	}
	t = timeline_create(sc, eng, 0);
	if (!t) {
		fputs("bench_timeline: cannot create the timeline\n", stderr);
		return 1;
	}
	t0 = bench_now_ms();
	if (timeline_goto(t, NR_STEPS)) {
		fprintf(stderr, "bench_timeline: %s\n", timeline_error(t));
		return 1;
	}
	printf("forward to step %d: %.0f ms (%.2f us/step)\n", NR_STEPS, bench_now_ms() - t0,
	       (bench_now_ms() - t0) * 1e3 / NR_STEPS);

	t0 = bench_now_ms();
	timeline_goto(t, NR_STEPS - 1);
	timeline_state(t);
	timeline_outcome(t, NR_STEPS - 2);
	printf("step back to %d: %.3f ms\n", NR_STEPS - 1, bench_now_ms() - t0);

	/*
	 * The UI's step back (ui_goto()) also fetches the state before the
	 * new step, to highlight the step's changes: two more moves, a copy.
	 */
	timeline_goto(t, NR_STEPS);
	t0 = bench_now_ms();
	timeline_goto(t, NR_STEPS - 1);
	timeline_goto(t, NR_STEPS - 2);
	memset(&prev, 0, sizeof(prev));
	state_copy(&prev, timeline_state(t));
	timeline_goto(t, NR_STEPS - 1);
	timeline_state(t);
	timeline_outcome(t, NR_STEPS - 2);
	printf("the UI's step back at step %d (with the state before): %.3f ms\n", NR_STEPS,
	       bench_now_ms() - t0);
	state_free(&prev);

	srand(1);
	for (i = 0; i < NR_BACKS; i++) {
		k = 1 + (int)((double)rand() / RAND_MAX * (NR_STEPS - 1));
		timeline_goto(t, NR_STEPS);
		t0 = bench_now_ms();
		timeline_goto(t, k);
		timeline_state(t);
		timeline_outcome(t, k - 1);
		ms = bench_now_ms() - t0;
		sum += ms;
		if (ms > max)
			max = ms;
		printf("step back from %d to %d: %.3f ms\n", NR_STEPS, k, ms);
	}
	printf("step back: mean %.3f ms, max %.3f ms over %d jumps\n", sum / NR_BACKS, max,
	       NR_BACKS);
	getrusage(RUSAGE_SELF, &ru);
	printf("max resident set: %ld MiB (the scenario's steps alone: %zu MiB)\n",
	       ru.ru_maxrss / 1024, (size_t)NR_STEPS * sizeof(*sc->steps) >> 20);

	timeline_destroy(t);
	eng->ops->destroy(eng);
	free(sc->steps);
	free(args);
	free(sc);
	return 0;
}
