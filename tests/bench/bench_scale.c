// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz at scale, each figure next to a reference (issue 15):
 *
 * 1. check: 150 small scenarios of `gen-scenario.sh suite I` (the kinds
 *    of check of the kernel's tools/testing/memblock suite, an
 *    expectation after every step).  The reference is what the kernel's
 *    test binary does: memblock's functions called directly (the model's,
 *    on its globals), the arrays reset before each case, ret and the
 *    arrays compared in place after every call, nothing printed.  Against
 *    it: the same calls through the engine interface; what `mbviz check`
 *    does in process (load each file, run, check every expectation),
 *    split into load, run, expectations and free; and `mbviz check` as a
 *    process against /bin/true plus the reference (the test binary is a
 *    process too), with the process starts shown apart.  Target: <= 1.5x.
 *    `check` reads and parses text that the test binary has compiled in:
 *    the load share printed is what the target cannot take away.
 *    Optionally against the kernel's real test binary: with
 *    MBVIZ_BENCH_KERNEL_TESTS=PATH[:PATH...] (tools/testing/memblock/main
 *    built from a full tree), each is timed as a process too.  Its flags
 *    are the builder's to state: the kernel's Makefile builds it with
 *    -fsanitize=address,undefined, whose start-up dominates its time; a
 *    build without them needs malloc() to return blocks aligned as ASan's
 *    are (a test reads the end of its 16 KiB of memory as cache-aligned).
 *    tests/bench/kernel-tests.sh TREE builds both and prints the variable.
 *    6.1's suite is 150 test points (ok lines) of about 430 memblock
 *    calls that change the arrays, from about 150 resets: the generated
 *    150 scenarios of 450 steps are its size.  Every verdict printed says
 *    whether its target is met.
 * 2. engines: the kernel engine against the model on
 *    `gen-scenario.sh regions 50000` (100,002 operations growing to
 *    100,000 regions).  Every memblock_add and memblock_reserve walks and
 *    merges the whole array in the kernel's algorithm (O(regions) per op,
 *    mm/memblock.c memblock_add_range() and memblock_merge_regions()); both
 *    engines keep it, so both are quadratic here.  Target: kernel <= 3x.
 *
 * Run by `make bench`; never part of `make check`.
 */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "model/memblock.h"
#include "model/model_ops.h"
#include "run/engine.h"
#include "run/runner.h"
#include "scenario/scenario.h"
#include "bench/util.h"

#define NR_SUITE	150

extern char **environ;

/* One decoded scenario for the reference loops. */
struct ref_case {
	struct machine	machine;
	int		nr;
	struct op_call	*calls;
	const struct expect **expects;
};

/* The regions as expected (constants only, as the suite writes them); 0 if they match. */
static int compare(const struct expect_type *et, unsigned long cnt, uint64_t total,
		   const struct mb_region *regions)
{
	int i;

	if (!et->present)
		return 0;
	if ((et->has_cnt && et->cnt.constant != cnt) ||
	    (et->has_total_size && et->total_size.constant != total))
		return 1;
	for (i = 0; et->has_regions && i < et->nr_regions; i++)
		if ((unsigned long)i >= cnt || et->regions[i].base.constant != regions[i].base ||
		    et->regions[i].size.constant != regions[i].size)
			return 1;
	return 0;
}

/* The same against the model's own arrays, in place, as the kernel's tests read them. */
static int compare_type(const struct expect_type *et, const struct memblock_type *t)
{
	int i;

	if (!et->present)
		return 0;
	if ((et->has_cnt && et->cnt.constant != t->cnt) ||
	    (et->has_total_size && et->total_size.constant != t->total_size))
		return 1;
	for (i = 0; et->has_regions && i < et->nr_regions; i++)
		if ((unsigned long)i >= t->cnt || et->regions[i].base.constant != t->regions[i].base ||
		    et->regions[i].size.constant != t->regions[i].size)
			return 1;
	return 0;
}

static int compare_ret(const struct expect *e, uint64_t value)
{
	if (!e->ret.present)
		return 0;
	if (e->ret.kind == RET_INT)
		return (int64_t)(int)value != e->ret.integer;
	return e->ret.phys.constant != value;
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

/*
 * The kernel's test binary (tools/testing/memblock): memblock's functions
 * called directly on the model's globals, the arrays reset before each
 * case, ret and the arrays compared in place after each call; nothing is
 * printed (its memblock_dbg() is off unless asked for).
 */
static double reference(const struct ref_case *rc, int n, int *bad)
{
	double t0 = bench_cpu_s();
	int k, i;

	memblock_model_use(NULL);	/* the globals' own values, not the engine's */
	steplog_set_current(NULL, 8);
	for (k = 0; k < n; k++) {
		memblock_model_reset(&rc[k].machine);
		for (i = 0; i < rc[k].nr; i++) {
			const struct expect *e = rc[k].expects[i];
			uint64_t value = 0;

			model_run_op(&rc[k].calls[i], &value);
			*bad += compare_ret(e, value) + compare_type(&e->memory, &memblock.memory) +
				compare_type(&e->reserved, &memblock.reserved);
		}
	}
	return bench_cpu_s() - t0;
}

/*
 * The same through mbviz's engine interface: the model instance swapped
 * in and out around each call, messages captured, the arrays copied out.
 */
static double engine_loop(struct engine *e, const struct ref_case *rc, int n, int *bad)
{
	struct steplog log;
	double t0 = bench_cpu_s();
	int k, i;

	steplog_init(&log);
	for (k = 0; k < n; k++) {
		e->ops->reset(e, &rc[k].machine);
		for (i = 0; i < rc[k].nr; i++) {
			const struct expect *ex = rc[k].expects[i];
			struct op_result res;
			struct mb_state st;

			steplog_reset(&log);
			steplog_set_current(&log, 8);
			e->ops->exec(e, &rc[k].calls[i], &res);
			steplog_set_current(NULL, 8);
			e->ops->get_state_parts(e, &st, SP_TYPES);
			*bad += compare_ret(ex, res.value) +
				compare(&ex->memory, st.memory.cnt, st.memory.total_size,
					st.memory.regions) +
				compare(&ex->reserved, st.reserved.cnt, st.reserved.total_size,
					st.reserved.regions);
			state_free(&st);
		}
	}
	steplog_free(&log);
	return bench_cpu_s() - t0;
}

/* Where the time of `check` goes, in process (CPU seconds, summed). */
struct phases {
	double	load, run, bare, free;	/* bare: the run without expectations */
};

/* Run @sc to its end (and its final expectations); the number of failures. */
static int run_through(struct engine *e, const struct scenario *sc)
{
	struct run *r = run_create(sc, e);
	struct step_outcome o;
	int failed = !r;

	while (r && run_done(r) < sc->nr_steps) {
		int ret = run_step(r, &o);

		failed += ret || o.nr_failures;
		step_outcome_free(&o);
		if (ret)
			break;
	}
	if (r) {
		memset(&o, 0, sizeof(o));
		run_check_final(r, &o);
		failed += o.nr_failures;
		step_outcome_free(&o);
	}
	run_destroy(r);
	return failed;
}

#define MAX_SUITE_STEPS	16

/* What `mbviz check FILE` does for each file (src/cmd/cmd_check.c), in process: CPU seconds. */
static double in_process(struct engine *e, char **files, int n, int *failed)
{
	double t0 = bench_cpu_s();
	char err[1024];
	int k;

	for (k = 0; k < n; k++) {
		struct scenario *sc = scenario_load(files[k], err, sizeof(err));

		*failed += !sc || run_through(e, sc);
		scenario_free(sc);
	}
	return bench_cpu_s() - t0;
}

/*
 * The same, timed phase by phase (the clock's own cost aside, in another
 * pass); the run is timed again with the expectations taken away, which
 * splits it in two.
 */
static void phases(struct engine *e, char **files, int n, struct phases *ph)
{
	char err[1024];
	double t, t1;
	int k, i;

	for (k = 0; k < n; k++) {
		struct expect *saved[MAX_SUITE_STEPS];
		struct scenario *sc;

		t = bench_cpu_s();
		sc = scenario_load(files[k], err, sizeof(err));
		t1 = bench_cpu_s();
		ph->load += t1 - t;
		run_through(e, sc);
		t = bench_cpu_s();
		ph->run += t - t1;
		for (i = 0; sc && i < sc->nr_steps && i < MAX_SUITE_STEPS; i++) {
			saved[i] = sc->steps[i].expect;
			sc->steps[i].expect = NULL;
		}
		t1 = bench_cpu_s();
		run_through(e, sc);
		ph->bare += bench_cpu_s() - t1;
		for (i = 0; sc && i < sc->nr_steps && i < MAX_SUITE_STEPS; i++)
			sc->steps[i].expect = saved[i];
		t = bench_cpu_s();
		scenario_free(sc);
		ph->free += bench_cpu_s() - t;
	}
}

/* Wall seconds of running @argv with stdout to /dev/null; -1 if it failed. */
static double spawn_wall(char **argv)
{
	posix_spawn_file_actions_t fa;
	double t0 = bench_now_s();
	int status;
	pid_t pid;

	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	if (posix_spawn(&pid, argv[0], &fa, NULL, argv, environ) ||
	    waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status))
		status = -1;
	posix_spawn_file_actions_destroy(&fa);
	return status < 0 ? -1 : bench_now_s() - t0;
}

#define REPS	9

struct check_figures {
	double		ref[REPS], eng[REPS], mine[REPS], proc[REPS], start[REPS], tru[REPS];
	struct phases	ph;
};

/* What a ratio against a target comes to, said plainly. */
static const char *verdict(double ratio, double target)
{
	return ratio <= target ? "met" : "NOT met";
}

static void print_check(struct check_figures *f, bool bad)
{
	double r = bench_median(f->ref, REPS), g = bench_median(f->eng, REPS);
	double m = bench_median(f->mine, REPS);
	double proc = bench_median(f->proc, REPS), start = bench_median(f->start, REPS);
	double tru = bench_median(f->tru, REPS);
	const struct phases *ph = &f->ph;
	double all = ph->load + ph->run + ph->free;
	double check = ph->run - ph->bare;

	printf("  check, %d suite scenarios (%d steps), CPU medians of %d:\n"
	       "    reference: memblock calls and in-place compares, as the kernel's test "
	       "binary: %.3f ms\n"
	       "    the same through the engine interface (instance, messages, state copy): "
	       "%.3f ms (%.2fx)\n"
	       "    load+run+check in process, as `mbviz check`: %.3f ms: %.2fx the reference "
	       "(target <= 1.5x: %s)\n"
	       "      of which load %.0f%% (%.1f us/file), run %.0f%%, expectations %.0f%%, "
	       "free %.0f%%\n", NR_SUITE, 3 * NR_SUITE, REPS, r * 1e3, g * 1e3, g / r, m * 1e3,
	       m / r, verdict(m / r, 1.5), 100 * ph->load / all,
	       ph->load * 1e6 / (REPS * NR_SUITE), 100 * ph->bare / all, 100 * check / all,
	       100 * ph->free / all);
	printf("    as processes (wall medians): `mbviz check` %.2f ms; its start alone "
	       "(`mbviz --version`) %.2f ms; /bin/true %.2f ms\n"
	       "    `mbviz check` / (/bin/true + reference): %.2fx (target <= 1.5x: %s); the "
	       "starts taken from both: %.2fx%s\n", proc * 1e3, start * 1e3, tru * 1e3,
	       proc / (tru + r), verdict(proc / (tru + r), 1.5), (proc - start) / r,
	       bad ? "  SOME CHECKS FAILED" : "");
}

/*
 * The kernel's own test binaries named by MBVIZ_BENCH_KERNEL_TESTS
 * (PATH[:PATH...]), each timed as a process (wall median of REPS, taken
 * in turn with `mbviz check` so that both see the same load), and
 * `mbviz check` against each.
 */
static void bench_kernel_tests(char **check_argv)
{
	const char *env = getenv("MBVIZ_BENCH_KERNEL_TESTS");
	char *list, *path, *save = NULL;

	if (!env || !*env) {
		printf("    the kernel's test binary: not timed (MBVIZ_BENCH_KERNEL_TESTS=PATH names "
		       "tools/testing/memblock/main)\n");
		return;
	}
	list = strdup(env);
	for (path = strtok_r(list, ":", &save); path; path = strtok_r(NULL, ":", &save)) {
		double kern[REPS], mine[REPS], k, m;
		char *argv[] = { path, NULL };
		int rep, failed = 0;

		for (rep = 0; rep < REPS; rep++) {
			kern[rep] = spawn_wall(argv);
			mine[rep] = spawn_wall(check_argv);
			failed |= kern[rep] < 0 || mine[rep] < 0;
		}
		if (failed) {
			printf("    the kernel's test binary %s: did not run to success\n", path);
			continue;
		}
		k = bench_median(kern, REPS);
		m = bench_median(mine, REPS);
		printf("    the kernel's test binary %s (built with the flags you gave it), as a "
		       "process: %.2f ms (wall median); `mbviz check` %.2f ms: %.2fx it "
		       "(target <= 1.5x: %s)\n", path, k * 1e3, m * 1e3, m / k, verdict(m / k, 1.5));
	}
	free(list);
}

static void bench_check(void)
{
	struct engine *model = model_engine_create(-1);
	struct ref_case rc[NR_SUITE];
	char *files[NR_SUITE], err[1024], *argv[NR_SUITE + 3];
	char mbviz_path[] = "./src/mbviz", check[] = "check";
	struct scenario *keep[NR_SUITE];
	struct check_figures *f = calloc(1, sizeof(*f));
	int k, bad = 0, failed = 0, rep;

	for (k = 0; k < NR_SUITE; k++) {
		files[k] = bench_generate("suite", k);
		keep[k] = scenario_load(files[k], err, sizeof(err));
		if (!keep[k]) {
			printf("  check: %s\n", err);
			exit(1);
		}
		rc[k] = decode(keep[k]);	/* its expectations stay with the scenario */
	}
	/* make bench runs in the build directory. */
	argv[0] = mbviz_path;
	argv[1] = check;
	for (k = 0; k < NR_SUITE; k++)
		argv[k + 2] = files[k];
	argv[NR_SUITE + 2] = NULL;
	for (rep = 0; rep < REPS; rep++) {
		char mbviz[] = "./src/mbviz", opt[] = "--version", tru[] = "/bin/true";
		char *version[] = { mbviz, opt, NULL }, *t[] = { tru, NULL };

		f->ref[rep] = reference(rc, NR_SUITE, &bad);
		f->eng[rep] = engine_loop(model, rc, NR_SUITE, &bad);
		f->mine[rep] = in_process(model, files, NR_SUITE, &failed);
		phases(model, files, NR_SUITE, &f->ph);
		f->proc[rep] = spawn_wall(argv);
		f->start[rep] = spawn_wall(version);
		f->tru[rep] = spawn_wall(t);
		failed += f->proc[rep] < 0 || f->start[rep] < 0 || f->tru[rep] < 0;
	}
	print_check(f, bad || failed);
	bench_kernel_tests(argv);
	for (k = 0; k < NR_SUITE; k++) {
		unlink(files[k]);
		free(files[k]);
		free(rc[k].calls);
		free(rc[k].expects);
		scenario_free(keep[k]);
	}
	free(f);
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
		       "model %.2f s CPU, kernel %.2f s CPU: kernel/model %.2fx (target <= 3x: %s)\n",
		       sc->nr_steps, 2 * n, m, k, k / m, verdict(k / m, 3));
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
