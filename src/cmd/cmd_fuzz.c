// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz fuzz-diff [--seed S] [--ops N] [--engine A] [--engine B]
 *                 [--no-log] [--no-page-alloc] [-o FILE] [-v]
 *
 * Differential testing: random machines, random valid operation sequences
 * (fuzz_gen.c), run on two engines -- by default the model and the kernel
 * engine -- and compared after every operation, exactly as `mbviz diff`
 * compares.  At the first divergence the sequence is cut down (delta
 * debugging: drop chunks of operations while the engines still disagree)
 * and printed as a scenario file that `mbviz diff` reproduces.
 *
 * Exit status: 0 the engines agree on all N operations, 1 a divergence
 * (the scenario is printed, and written to FILE with -o), 2 an error.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "core/outcome.h"
#include "run/engine.h"
#include "run/engine_compare.h"
#include "run/fuzz_gen.h"
#include "scenario/scenario.h"
#include "util/xalloc.h"

#define MAX_CASE_OPS	512

struct fuzz_ctx {
	struct engine		*e[2];
	unsigned int		flags;
	struct fuzz_opts	gen;
	uint64_t		seed;
	long			ops;
	const char		*out;
	bool			verbose;
	/* How cases ended early: the kernel died, or the sequence left what is defined. */
	long			nr_stopped, nr_undefined, nr_over, nr_too_long;
	char			callers[MAX_CASE_OPS][16];
};

/* What both engines did with one operation. */
struct fuzz_step {
	struct step_outcome	o[2];
	struct mb_state		s[2];
};

static int parse_number(const char *opt, const char *v, uint64_t *out)
{
	char *end;

	errno = 0;
	*out = strtoull(v, &end, 0);
	if (errno || end == v || *end || *v == '-') {
		fprintf(stderr, "mbviz: fuzz-diff: %s: expected a number, got '%s'\n", opt, v);
		return -1;
	}
	return 0;
}

static int parse_args(const struct cmd_line *cl, struct fuzz_ctx *fx, const char **engines)
{
	uint64_t v;
	int i;

	for (i = 0; i < cl->nr_args; i++) {
		const struct cmd_arg *a = &cl->args[i];

		switch (a->key) {
		case KEY_SEED:
			if (parse_number("--seed", a->value, &fx->seed))
				return -1;
			break;
		case KEY_OPS:
			if (parse_number("--ops", a->value, &v) || !v || v > 1000000000) {
				cmd_error(cl, "--ops must be 1 to 10^9");
				return -1;
			}
			fx->ops = (long)v;
			break;
		case 'o':
			fx->out = a->value;
			break;
		case KEY_NO_LOG:
			fx->flags &= ~CMP_LOG;
			break;
		case KEY_NO_PAGE_ALLOC:
			fx->gen.page_alloc = false;
			break;
		case 'v':
			fx->verbose = true;
			break;
		}
	}
	engines[0] = cl->nr_engines == 2 ? cl->engine[0] : "model";
	engines[1] = cl->nr_engines == 2 ? cl->engine[1] : cl->nr_engines ? cl->engine[0] : "kernel";
	return 0;
}

/* ---- running ----------------------------------------------------------- */

static void exec_one(struct engine *e, const struct machine *m, const struct op_call *call,
		     struct step_outcome *o, struct mb_state *st)
{
	memset(o, 0, sizeof(*o));
	steplog_init(&o->log);
	o->call = *call;
	steplog_set_current(&o->log, m->phys_addr_bits == 32 ? 4 : 8);
	e->ops->exec(e, call, &o->res);
	steplog_set_current(NULL, 8);
	o->res.kind = op_spec(call->op)->ret;
	if (o->res.unsupported)
		o->error = xstrdup(o->res.why ? o->res.why : "unsupported");
	state_free(st);
	e->ops->get_state(e, st);
}

static void step_free(struct fuzz_step *s)
{
	int k;

	for (k = 0; k < 2; k++) {
		step_outcome_free(&s->o[k]);
		state_free(&s->s[k]);
	}
}

static int reset_both(struct fuzz_ctx *fx, const struct machine *m, struct fuzz_step *s)
{
	int k;

	memset(s, 0, sizeof(*s));
	for (k = 0; k < 2; k++) {
		if (fx->e[k]->ops->reset(fx->e[k], m)) {
			const char *why = engine_error(fx->e[k]);

			fprintf(stderr, "mbviz: fuzz-diff: %s: %s\n", fx->e[k]->label,
				why ? why : "the engine cannot simulate this machine");
			return -1;
		}
		fx->e[k]->ops->get_state(fx->e[k], &s->s[k]);
	}
	return 0;
}

static bool step_equal(const struct fuzz_ctx *fx, const struct fuzz_step *s, bool initial)
{
	struct cmp_side a = { fx->e[0]->label, initial ? NULL : &s->o[0], &s->s[0] };
	struct cmp_side b = { fx->e[1]->label, initial ? NULL : &s->o[1], &s->s[1] };

	return cmp_equal(&a, &b, fx->flags);
}

static void run_call(struct fuzz_ctx *fx, const struct machine *m, struct op_call *call, int i,
		     struct fuzz_step *s)
{
	int k;

	call->caller = fx->callers[i];
	for (k = 0; k < 2; k++) {
		step_outcome_free(&s->o[k]);
		exec_one(fx->e[k], m, call, &s->o[k], &s->s[k]);
	}
}

/* An engine refused a hand-over as too long to walk (the kernel engine's PA_MAX_WALK). */
static bool too_long(const struct fuzz_step *s)
{
	return s->o[0].res.too_long || s->o[1].res.too_long;
}

/*
 * Replay @calls from a fresh boot.  Returns the index of the first step
 * after which the engines differ (-1 before the first step), @nr if they
 * agree throughout, or -2 if an engine could not be reset.  With @keep,
 * the differing step stays in *keep (free it with step_free).
 */
static int replay(struct fuzz_ctx *fx, const struct machine *m, struct op_call *calls, int nr,
		  struct fuzz_step *keep)
{
	struct fuzz_step s;
	int i;

	if (reset_both(fx, m, &s))
		return -2;
	if (!step_equal(fx, &s, true))
		i = -1;
	else
		for (i = 0; i < nr; i++) {
			run_call(fx, m, &calls[i], i, &s);
			if (fuzz_undefined(m, &s.s[0]) || too_long(&s)) {
				i = nr;
				break;
			}
			if (!step_equal(fx, &s, false))
				break;
			if (s.o[0].res.unsupported || fuzz_case_over(m, &calls[i], &s.s[0])) {
				i = nr;
				break;
			}
		}
	if (keep && i < nr)
		*keep = s;
	else
		step_free(&s);
	return i;
}

/* Delta debugging: drop chunks of operations while the engines still disagree. */
static int minimise(struct fuzz_ctx *fx, const struct machine *m, struct op_call *calls, int nr)
{
	struct op_call *cand = xrealloc(NULL, (nr ? nr : 1) * sizeof(*cand));
	int parts = 2;

	while (nr >= 2) {
		int chunk = (nr + parts - 1) / parts, start, found = -1;

		for (start = 0; start < nr; start += chunk) {
			int len = 0, i, at;

			for (i = 0; i < nr; i++)
				if (i < start || i >= start + chunk)
					cand[len++] = calls[i];
			at = replay(fx, m, cand, len, NULL);
			if (at >= -1 && at < len) {
				/* Still different: keep it, up to where it differs. */
				memcpy(calls, cand, (at + 1) * sizeof(*cand));
				found = at + 1;
				break;
			}
		}
		if (found >= 0) {
			nr = found;
			parts = parts > 2 ? parts - 1 : 2;
		} else if (parts >= nr) {
			break;
		} else {
			parts = parts * 2 < nr ? parts * 2 : nr;
		}
	}
	free(cand);
	return nr;
}

/* ---- reporting --------------------------------------------------------- */

static int write_atomically(const char *path, const char *text)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "w");
	int ret = 0;

	if (!f || fputs(text, f) == EOF || fflush(f) || fsync(fileno(f)))
		ret = -1;
	if (f && fclose(f))
		ret = -1;
	if (!ret && rename(tmp, path))
		ret = -1;
	if (ret) {
		fprintf(stderr, "mbviz: fuzz-diff: cannot write %s: %s\n", path, strerror(errno));
		unlink(tmp);
	}
	free(tmp);
	return ret;
}

static int report(struct fuzz_ctx *fx, const struct fuzz_case *c, long case_no,
		  struct op_call *calls, int nr)
{
	char name[64], desc[256], err[1024];
	struct fuzz_step s;
	struct scenario *sc;
	char *text = NULL;
	size_t len = 0;
	int at, ret = 1;
	FILE *f;

	nr = minimise(fx, &c->machine, calls, nr);
	at = replay(fx, &c->machine, calls, nr, &s);
	if (at < -1 || at >= nr) {
		fprintf(stderr, "mbviz: fuzz-diff: the divergence did not replay (nondeterminism?)\n");
		return 2;
	}
	snprintf(name, sizeof(name), "fuzz-diff-%" PRIu64 "-%ld", fx->seed, case_no);
	snprintf(desc, sizeof(desc), "mbviz fuzz-diff --seed %" PRIu64 ", case %ld: %s and %s "
		 "differ %s", fx->seed, case_no, fx->e[0]->label, fx->e[1]->label,
		 at < 0 ? "before the first step" : "after the last step");
	f = open_memstream(&text, &len);
	if (!f)
		return 2;
	fuzz_write_scenario(f, name, desc, &c->machine, calls, nr);
	fclose(f);

	printf("fuzz-diff: seed %" PRIu64 ", case %ld: %s and %s differ; minimal scenario "
	       "(%d steps):\n%s", fx->seed, case_no, fx->e[0]->label, fx->e[1]->label, nr, text);
	if (at >= 0) {
		struct cmp_side a = { fx->e[0]->label, &s.o[0], &s.s[0] };
		struct cmp_side b = { fx->e[1]->label, &s.o[1], &s.s[1] };

		printf("after steps[%d]:\n", at);
		cmp_print(stdout, &c->machine, &a, &b, fx->flags, false);
	}
	step_free(&s);

	/* The scenario must load, or it reproduces nothing. */
	sc = scenario_load_buffer(name, text, len, err, sizeof(err));
	if (!sc) {
		fprintf(stderr, "mbviz: fuzz-diff: internal error: the scenario does not load: %s\n",
			err);
		ret = 2;
	}
	scenario_free(sc);
	if (fx->out && write_atomically(fx->out, text))
		ret = 2;
	free(text);
	return ret;
}

/* ---- the run ----------------------------------------------------------- */

/* One case; returns the ops it ran, or -1 after reporting a divergence (*status). */
static long run_case(struct fuzz_ctx *fx, struct fuzz_rng *rng, long case_no, long budget,
		     int *status)
{
	struct op_call calls[MAX_CASE_OPS];
	struct fuzz_case c;
	struct fuzz_step s;
	int i, nr;

	fuzz_new_case(rng, &fx->gen, &c);
	nr = c.nr_ops < budget ? c.nr_ops : (int)budget;
	if (reset_both(fx, &c.machine, &s)) {
		*status = 2;
		return -1;
	}
	if (!step_equal(fx, &s, true)) {
		step_free(&s);
		*status = report(fx, &c, case_no, calls, 0);
		return -1;
	}
	for (i = 0; i < nr; i++) {
		memset(&calls[i], 0, sizeof(calls[i]));
		fuzz_op(rng, &fx->gen, &c, &s.s[0], &calls[i]);
		run_call(fx, &c.machine, &calls[i], i, &s);
		/* Not a divergence: the kernel's arrays overwrite each other. */
		if (fuzz_undefined(&c.machine, &s.s[0])) {
			fx->nr_undefined++;
			step_free(&s);
			return i;	/* this one was not compared */
		}
		/* Not a divergence: one engine does not run walks that long. */
		if (too_long(&s)) {
			fx->nr_too_long++;
			step_free(&s);
			return i;	/* this one was not compared */
		}
		if (!step_equal(fx, &s, false)) {
			step_free(&s);
			*status = report(fx, &c, case_no, calls, i + 1);
			return -1;
		}
		/* Both engines stopped (a BUG, the same way): the case is over. */
		if (s.o[0].res.unsupported) {
			fx->nr_stopped++;
			break;
		}
		if (fuzz_case_over(&c.machine, &calls[i], &s.s[0])) {
			fx->nr_over++;
			break;
		}
	}
	step_free(&s);
	return i < nr ? i + 1 : nr;
}

int cmd_fuzz_diff(const struct cmd_line *cl)
{
	struct fuzz_ctx *fx = xzalloc(sizeof(*fx));
	const char *engines[2] = { NULL, NULL };
	long done = 0, cases = 0;
	struct fuzz_rng rng;
	char err[1024];
	int i, status = 0;

	fx->flags = CMP_LOG;
	fx->seed = 1;
	fx->ops = 10000;
	fx->gen = (struct fuzz_opts){ .page_alloc = true, .phys32 = true, .numa = true };
	if (parse_args(cl, fx, engines)) {
		free(fx);
		return 2;
	}
	/* The machines are of the version an engine names (model:6.12), else 6.1. */
	for (i = 1; i >= 0; i--)
		if (!strncmp(engines[i], "model:", 6) && kernel_version_lookup(engines[i] + 6) >= 0)
			fx->gen.kernel = kernel_version_lookup(engines[i] + 6);
	for (i = 0; i < MAX_CASE_OPS; i++)
		snprintf(fx->callers[i], sizeof(fx->callers[i]), "steps[%d]", i);
	for (i = 0; i < 2; i++) {
		fx->e[i] = engine_open(engines[i], err, sizeof(err));
		if (!fx->e[i]) {
			fprintf(stderr, "mbviz: fuzz-diff: %s\n", err);
			status = 2;
			goto out;
		}
	}
	fuzz_seed(&rng, fx->seed);
	while (done < fx->ops) {
		long n = run_case(fx, &rng, cases, fx->ops - done, &status);

		if (n < 0)
			goto out;
		done += n;
		cases++;
		if (fx->verbose)
			fprintf(stderr, "fuzz-diff: case %ld: %ld ops\n", cases - 1, n);
	}
	printf("fuzz-diff: seed %" PRIu64 ": %ld operations in %ld machines: %s and %s agree\n",
	       fx->seed, done, cases, fx->e[0]->label, fx->e[1]->label);
	printf("fuzz-diff: cases ended early: %ld where both engines stopped the same way, "
	       "%ld after freeing memblock's own array or memblock_discard(), %ld where the "
	       "kernel's memory and reserved arrays overlap (not compared)",
	       fx->nr_stopped, fx->nr_over, fx->nr_undefined);
	if (fx->nr_too_long)
		printf(", %ld at a hand-over too long for the kernel engine to walk (not compared)",
		       fx->nr_too_long);
	printf("\n");
out:
	if (status < 2 && cmd_flush_stdout(cl))
		status = 2;
	engine_close(fx->e[0]);
	engine_close(fx->e[1]);
	free(fx);
	return status;
}
