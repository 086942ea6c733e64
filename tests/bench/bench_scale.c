// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz at scale, each figure next to a reference (issue 15):
 *
 * 1. check: 150 small scenarios of `gen-scenario.sh suite I` (the kinds
 *    of check of the kernel's tools/testing/memblock suite, an
 *    expectation after every step) through what `mbviz check` does in
 *    process (load the file, run, check every expectation), and through
 *    `mbviz check` itself (one process), against a reference loop in the
 *    same process: the same operations, already decoded, on the model
 *    engine, each followed by a comparison of the region arrays with the
 *    expected ones -- the cost of the kernel's own test binary.
 *    Target: <= 1.5x the reference.
 * 2. engines: the kernel engine against the model on
 *    `gen-scenario.sh regions 50000` (100,002 operations growing to
 *    100,000 regions).  Every memblock_add and memblock_reserve walks and
 *    merges the whole array in the kernel's algorithm (O(regions) per op,
 *    mm/memblock.c memblock_add_range() and memblock_merge_regions()); both
 *    engines keep it, so both are quadratic here.  Target: kernel <= 3x.
 *
 * Run by `make bench`; never part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "run/engine.h"
#include "run/runner.h"
#include "scenario/scenario.h"
#include "bench/util.h"

#define NR_SUITE	150

/* One decoded scenario for the reference loop. */
struct ref_case {
	struct machine	machine;
	int		nr;
	struct op_call	*calls;
	const struct expect **expects;
};

static void exec_call(struct engine *e, const struct op_call *c, struct steplog *log, int bytes)
{
	struct op_result res;

	steplog_reset(log);
	steplog_set_current(log, bytes);
	e->ops->exec(e, c, &res);
	steplog_set_current(NULL, 8);
}

/* The regions as expected (constants only, as the suite writes them); 0 if they match. */
static int compare(const struct expect_type *et, const struct mb_type *t)
{
	int i;

	if (!et->present)
		return 0;
	if (et->has_cnt && et->cnt.constant != t->cnt)
		return 1;
	for (i = 0; et->has_regions && i < et->nr_regions; i++)
		if ((unsigned long)i >= t->cnt || et->regions[i].base.constant != t->regions[i].base ||
		    et->regions[i].size.constant != t->regions[i].size)
			return 1;
	return 0;
}

static struct ref_case decode(const struct scenario *sc)
{
	struct ref_case rc = { .machine = sc->machine, .nr = sc->nr_steps };
	int i, a;

	rc.calls = calloc(sc->nr_steps, sizeof(*rc.calls));
	rc.expects = calloc(sc->nr_steps, sizeof(*rc.expects));
	for (i = 0; i < sc->nr_steps; i++) {
		const struct step *st = &sc->steps[i];

		rc.calls[i].op = st->spec->id;
		rc.calls[i].caller = "ref";
		for (a = 0; a < st->spec->nargs; a++)
			rc.calls[i].arg[a] = st->spec->args[a].kind == ARG_PHYS ?
				(union op_value){ .phys = st->args[a].phys.constant } : st->args[a].v;
		rc.expects[i] = step_expect(st);
	}
	return rc;
}

static double reference(struct engine *e, const struct ref_case *rc, int n, int *bad)
{
	struct steplog log;
	double t0 = bench_cpu_s();
	int k, i;

	steplog_init(&log);
	for (k = 0; k < n; k++) {
		e->ops->reset(e, &rc[k].machine);
		for (i = 0; i < rc[k].nr; i++) {
			struct mb_state st;

			exec_call(e, &rc[k].calls[i], &log, 8);
			e->ops->get_state_parts(e, &st, SP_TYPES);
			*bad += compare(&rc[k].expects[i]->memory, &st.memory) +
				compare(&rc[k].expects[i]->reserved, &st.reserved);
			state_free(&st);
		}
	}
	steplog_free(&log);
	return bench_cpu_s() - t0;
}

/* What `mbviz check FILE` does for each file (src/cmd/cmd_check.c), in process. */
static double in_process(struct engine *e, char **files, int n, int *failed)
{
	double t0 = bench_cpu_s();
	char err[1024];
	int k;

	for (k = 0; k < n; k++) {
		struct scenario *sc = scenario_load(files[k], err, sizeof(err));
		struct run *r = sc ? run_create(sc, e) : NULL;
		struct step_outcome o;

		while (r && run_done(r) < sc->nr_steps) {
			int ret = run_step(r, &o);

			*failed += ret || o.nr_failures;
			step_outcome_free(&o);
			if (ret)
				break;
		}
		if (r) {
			memset(&o, 0, sizeof(o));
			run_check_final(r, &o);
			*failed += o.nr_failures;
			step_outcome_free(&o);
		}
		*failed += !sc;
		run_destroy(r);
		scenario_free(sc);
	}
	return bench_cpu_s() - t0;
}

static void bench_check(void)
{
	struct engine *model = model_engine_create(-1);
	struct ref_case rc[NR_SUITE];
	char *files[NR_SUITE], err[1024], *cmd;
	double ref = 1e9, mine = 1e9, proc, t;
	int k, bad = 0, failed = 0, rep;
	size_t len = 64;

	for (k = 0; k < NR_SUITE; k++) {
		struct scenario *sc;

		files[k] = bench_generate("suite", k);
		sc = scenario_load(files[k], err, sizeof(err));
		if (!sc) {
			printf("  check: %s\n", err);
			exit(1);
		}
		rc[k] = decode(sc);
		len += strlen(files[k]) + 1;
		/* The expectations stay with the scenario, kept for the reference. */
	}
	/* The best of five: the machine is shared. */
	for (rep = 0; rep < 5; rep++) {
		t = reference(model, rc, NR_SUITE, &bad);
		ref = t < ref ? t : ref;
		t = in_process(model, files, NR_SUITE, &failed);
		mine = t < mine ? t : mine;
	}
	/* make bench runs in the build directory. */
	cmd = malloc(len + 64);
	strcpy(cmd, "./src/mbviz check");
	for (k = 0; k < NR_SUITE; k++)
		strcat(strcat(cmd, " "), files[k]);
	strcat(cmd, " >/dev/null");
	t = bench_now_s();
	failed += system(cmd) != 0;
	proc = bench_now_s() - t;
	printf("  check, %d suite scenarios (%d steps): reference loop %.2f ms CPU; load+run+check "
	       "in process %.2f ms CPU (%.2fx, target <= 1.5x); `mbviz check` %.2f ms wall "
	       "(%.2fx, process start included)%s\n", NR_SUITE, 3 * NR_SUITE, ref * 1e3,
	       mine * 1e3, mine / ref, proc * 1e3, proc / ref,
	       bad || failed ? "  SOME CHECKS FAILED" : "");
	for (k = 0; k < NR_SUITE; k++) {
		unlink(files[k]);
		free(files[k]);
		free(rc[k].calls);
		free(rc[k].expects);
	}
	free(cmd);
	model->ops->destroy(model);
}

/* CPU seconds to run @sc to its end on @e, as `mbviz run` does. */
static double run_all(struct engine *e, const struct scenario *sc)
{
	double t0 = bench_cpu_s();
	struct run *r = run_create(sc, e);
	struct step_outcome o;

	while (r && run_done(r) < sc->nr_steps) {
		int ret = run_step(r, &o);

		step_outcome_free(&o);
		if (ret)
			break;
	}
	if (!r || run_done(r) < sc->nr_steps)
		printf("  engines: %s stopped early\n", e->label);
	run_destroy(r);
	return bench_cpu_s() - t0;
}

static void bench_engines(long n)
{
	char *file = bench_generate("regions", n), err[1024];
	struct scenario *sc = scenario_load(file, err, sizeof(err));
	struct engine *model = engine_open("model", err, sizeof(err)), *kernel;
	double m, k;

	if (!sc || !model) {
		printf("  engines: %s\n", err);
		exit(1);
	}
	m = run_all(model, sc);
	kernel = engine_open("kernel", err, sizeof(err));
	if (!kernel) {
		printf("  engines, %d ops to %ld regions: model %.2f s CPU; kernel skipped: %s\n",
		       sc->nr_steps, 2 * n, m, err);
	} else {
		k = run_all(kernel, sc);
		printf("  engines, %d ops to %ld regions (O(regions) per op in both, as the kernel): "
		       "model %.2f s CPU, kernel %.2f s CPU: kernel/model %.2fx (target <= 3x)\n",
		       sc->nr_steps, 2 * n, m, k, k / m);
		engine_close(kernel);
	}
	engine_close(model);
	scenario_free(sc);
	unlink(file);
	free(file);
}

int main(int argc, char **argv)
{
	long regions = argc > 1 ? atol(argv[1]) : 50000;

	printf("bench_scale:\n");
	bench_check();
	bench_engines(regions);
	return 0;
}
