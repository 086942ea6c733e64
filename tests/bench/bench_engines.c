// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How fast each engine runs memblock operations: one trace of a million
 * operations -- the random machines and valid operation sequences of
 * fuzz-diff, seed 1, generated once on the model -- is replayed on the
 * model engine and on the kernel engine (the tree given to configure
 * --with-kernel-source, or $MBVIZ_KERNEL_ENGINE), and the time per
 * operation is printed: the call alone, and the call plus reading back
 * the state, which is what diff and fuzz-diff do after every step.
 * Run by `make bench`; never part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run/engine.h"
#include "run/fuzz_gen.h"
#include "core/state.h"
#include "core/steplog.h"
#include "bench/util.h"

#define NR_OPS		1000000
#define MAX_CASE_OPS	512

struct trace_case {
	struct machine	machine;
	int		first, nr;	/* its calls in trace.calls */
};

struct trace {
	int			nr_cases, nr_calls;
	struct trace_case	*cases;
	struct op_call		*calls;
};

static char callers[MAX_CASE_OPS][16];

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (!p) {
		fputs("bench_engines: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static int reset(struct engine *e, const struct machine *m)
{
	if (!e->ops->reset(e, m))
		return 0;
	fprintf(stderr, "bench_engines: %s cannot simulate a machine of the trace: %s\n",
		e->label, engine_error(e) ? engine_error(e) : "no reason given");
	return -1;
}

static void exec(struct engine *e, const struct machine *m, const struct op_call *c,
		 struct steplog *log)
{
	struct op_result res;

	steplog_reset(log);
	steplog_set_current(log, m->phys_addr_bits == 32 ? 4 : 8);
	e->ops->exec(e, c, &res);
	steplog_set_current(NULL, 8);
}

/* The trace: fuzz-diff's cases, each cut where fuzz-diff would end it. */
static int make_trace(struct engine *model, struct trace *t)
{
	struct fuzz_opts opts = { .page_alloc = false, .phys32 = true, .numa = true };
	struct steplog log;
	struct fuzz_rng rng;
	int alloc_cases = 1024;

	steplog_init(&log);
	t->calls = xcalloc(NR_OPS, sizeof(*t->calls));
	t->cases = xcalloc(alloc_cases, sizeof(*t->cases));
	fuzz_seed(&rng, 1);
	while (t->nr_calls < NR_OPS) {
		struct trace_case *tc;
		struct fuzz_case c;
		struct mb_state st;
		int i;

		fuzz_new_case(&rng, &opts, &c);
		if (reset(model, &c.machine))
			return -1;
		if (t->nr_cases == alloc_cases) {
			alloc_cases *= 2;
			t->cases = realloc(t->cases, alloc_cases * sizeof(*t->cases));
			if (!t->cases)
				return -1;
		}
		tc = &t->cases[t->nr_cases++];
		tc->machine = c.machine;
		tc->first = t->nr_calls;
		model->ops->get_state(model, &st);
		for (i = 0; i < c.nr_ops && t->nr_calls < NR_OPS; i++) {
			struct op_call *call = &t->calls[t->nr_calls++];
			const char *over;

			fuzz_op(&rng, &opts, &c, &st, call);
			call->caller = callers[i];
			exec(model, &c.machine, call, &log);
			state_free(&st);
			model->ops->get_state(model, &st);
			over = fuzz_case_over(&c.machine, call, &st);
			if (!over)
				over = fuzz_undefined(&c.machine, &st);
			if (over)
				break;
		}
		state_free(&st);
		tc->nr = t->nr_calls - tc->first;
	}
	steplog_free(&log);
	return 0;
}

/* Seconds to replay @t on @e, with or without reading the state after each call. */
static double replay(struct engine *e, const struct trace *t, int with_state)
{
	struct steplog log;
	double start, total = 0;
	int i, k;

	steplog_init(&log);
	for (i = 0; i < t->nr_cases; i++) {
		const struct trace_case *tc = &t->cases[i];

		if (reset(e, &tc->machine))
			exit(1);
		start = bench_now_s();
		for (k = tc->first; k < tc->first + tc->nr; k++) {
			exec(e, &tc->machine, &t->calls[k], &log);
			if (with_state) {
				struct mb_state st;

				e->ops->get_state(e, &st);
				state_free(&st);
			}
		}
		total += bench_now_s() - start;
	}
	steplog_free(&log);
	return total;
}

static void bench(struct engine *e, const struct trace *t)
{
	double call = replay(e, t, 0), state = replay(e, t, 1);

	printf("  %-8s %7.0f ns/op (call)  %7.0f ns/op (call + state)  %.2f s for %d ops\n",
	       e->ops->name, call * 1e9 / t->nr_calls, state * 1e9 / t->nr_calls, call,
	       t->nr_calls);
}

int main(void)
{
	struct trace t = { 0 };
	struct engine *model, *kernel;
	char err[1024];
	int i;

	for (i = 0; i < MAX_CASE_OPS; i++)
		snprintf(callers[i], sizeof(callers[i]), "steps[%d]", i);
	model = engine_open("model", err, sizeof(err));
	if (!model || make_trace(model, &t)) {
		fprintf(stderr, "bench_engines: cannot make the trace: %s\n", model ? "" : err);
		return 1;
	}
	printf("bench_engines: %d operations in %d machines (fuzz-diff seed 1), per engine:\n",
	       t.nr_calls, t.nr_cases);
	bench(model, &t);
	kernel = engine_open("kernel", err, sizeof(err));
	if (kernel) {
		bench(kernel, &t);
		engine_close(kernel);
	} else {
		printf("  kernel   skipped: %s\n", err);
	}
	engine_close(model);
	free(t.calls);
	free(t.cases);
	return 0;
}
