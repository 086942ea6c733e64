// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The runner: one scenario on one engine, step by step.  Arguments are
 * evaluated against the state just before the step (so "end_of_DRAM" or
 * "reserved[0].base" mean what they mean at that point of the boot), the
 * step's expectations against the state just after it.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "expect.h"
#include "runner.h"
#include "util/xalloc.h"

/*
 * Bound labels form an immutable list, newest first, shared between the
 * run and its checkpoints: saving the labels is then one reference, not a
 * copy, however many labels a long scenario binds.
 */
struct label {
	struct label	*next;
	const char	*name;		/* points into the scenario */
	uint64_t	value;
	int		refs;
};

struct run {
	const struct scenario	*sc;
	struct engine		*eng;
	int			phys_bytes;
	int			done;
	int			warnings;	/* printed by all steps so far */
	struct label		*labels;
	struct mb_state		state;
	bool			have_state;
	bool			skip_debug;	/* !run_keep_debug_lines() */
	unsigned int		state_parts;	/* of state, with have_state */
	struct expr_env		env;
	char			caller[32];	/* "steps[N]" of the step running */
};

struct run_saved {
	void		*eng;
	int		done;
	int		warnings;
	struct label	*labels;
};

static void labels_put(struct label *l)
{
	while (l && --l->refs == 0) {
		struct label *next = l->next;

		free(l);
		l = next;
	}
}

static struct label *labels_get(struct label *l)
{
	if (l)
		l->refs++;
	return l;
}

static void bind_label(struct run *r, const char *name, uint64_t value)
{
	struct label *l = xzalloc(sizeof(*l));

	l->name = name;
	l->value = value;
	l->refs = 1;
	l->next = r->labels;	/* the run's reference moves to the new head */
	r->labels = l;
}

/*
 * The state after the steps run so far, with at least the enum state_part
 * bits in @parts: copied from the engine once per step, and only the
 * parts a reader asked for when the engine can copy parts.
 */
static const struct mb_state *state_parts(struct run *r, unsigned int parts)
{
	static const struct mb_state none;

	if (!parts)
		return &none;
	if (r->have_state && (r->state_parts & parts) == parts)
		return &r->state;
	if (r->have_state)
		parts |= r->state_parts;
	state_free(&r->state);
	if (r->eng->ops->get_state_parts && parts != SP_ALL) {
		r->eng->ops->get_state_parts(r->eng, &r->state, parts);
		r->state_parts = parts;
	} else {
		r->eng->ops->get_state(r->eng, &r->state);
		r->state_parts = SP_ALL;
	}
	r->have_state = true;
	return &r->state;
}

const struct mb_state *run_state(struct run *r)
{
	return state_parts(r, SP_ALL);
}

static void drop_state(struct run *r)
{
	r->have_state = false;
}

static int env_query(void *ctx, enum expr_query q, uint64_t *out)
{
	struct run *r = ctx;
	const struct mb_state *st = state_parts(r, SP_TYPES);
	const struct mb_type *mem = &st->memory;
	const struct mb_region *last;

	switch (q) {
	case Q_START_OF_DRAM:
		*out = mem->cnt ? mem->regions[0].base : 0;
		break;
	case Q_END_OF_DRAM:
		/* As the kernel: the end of the last region, 0 when empty. */
		last = mem->cnt ? &mem->regions[mem->cnt - 1] : NULL;
		*out = last ? (last->base + last->size) & r->env.phys_max : 0;
		break;
	case Q_PHYS_MEM_SIZE:
		*out = mem->total_size;
		break;
	case Q_RESERVED_SIZE:
		*out = st->reserved.total_size;
		break;
	case Q_CURRENT_LIMIT:
		*out = st->current_limit;
		break;
	default:
		return -1;
	}
	return 0;
}

static int env_label(void *ctx, const char *name, uint64_t *out, char *err, int errlen)
{
	struct run *r = ctx;
	const struct label *l;

	for (l = r->labels; l; l = l->next) {
		if (strcmp(l->name, name) == 0) {
			*out = l->value;
			return 0;
		}
	}
	snprintf(err, errlen, "label $%s is not bound (yet)", name);
	return -1;
}

static int env_region(void *ctx, int type, unsigned long idx, bool size, uint64_t *out,
		      char *err, int errlen)
{
	struct run *r = ctx;
	const struct mb_state *st = state_parts(r, SP_TYPES);
	const struct mb_type *t = type == MB_TYPE_RESERVED ? &st->reserved : &st->memory;
	const char *name = type == MB_TYPE_RESERVED ? "reserved" : "memory";

	if (idx >= t->cnt) {
		snprintf(err, errlen, "%s[%lu] does not exist: %s.cnt is %lu", name, idx, name,
			 t->cnt);
		return -1;
	}
	*out = size ? t->regions[idx].size : t->regions[idx].base;
	return 0;
}

struct run *run_create(const struct scenario *sc, struct engine *eng)
{
	struct run *r;

	if (eng->ops->reset(eng, &sc->machine))
		return NULL;
	r = xzalloc(sizeof(*r));
	r->sc = sc;
	r->eng = eng;
	r->phys_bytes = sc->machine.phys_addr_bits == 32 ? 4 : 8;
	scenario_expr_consts(&sc->machine, &r->env);
	r->env.ctx = r;
	r->env.query = env_query;
	r->env.label = env_label;
	r->env.region = env_region;
	return r;
}

void run_destroy(struct run *r)
{
	if (!r)
		return;
	labels_put(r->labels);
	state_free(&r->state);
	free(r);
}

void run_keep_debug_lines(struct run *r, bool keep)
{
	r->skip_debug = !keep;
}

int run_done(const struct run *r)
{
	return r->done;
}

/*
 * What %pS prints for the step's call site: its path in the scenario,
 * valid until the next step (engines print it while the op runs).
 */
static const char *caller_name(struct run *r, int i)
{
	char digits[12], *p = r->caller + sizeof("steps[") - 1;
	unsigned int n = i, nr = 0;

	/* As snprintf("steps[%d]"), without its cost at every step. */
	do
		digits[nr++] = '0' + n % 10;
	while (n /= 10);
	memcpy(r->caller, "steps[", sizeof("steps[") - 1);
	while (nr)
		*p++ = digits[--nr];
	memcpy(p, "]", 2);
	return r->caller;
}

static int eval_args(struct run *r, const struct step *st, struct op_call *call, char **error)
{
	const struct op_spec *spec = st->spec;
	char err[512];
	int i;

	for (i = 0; i < spec->nargs; i++) {
		const struct step_arg *a = &st->args[i];

		if (spec->args[i].kind != ARG_PHYS) {
			/* Decoded and checked by the loader; an omitted optional is zero (NONE). */
			if (a->present)
				call->arg[i] = a->v;
			else
				memset(&call->arg[i], 0, sizeof(call->arg[i]));
			continue;
		}
		if (value_eval(&a->phys, &r->env, r->sc->file, &call->arg[i].phys, err,
			       sizeof(err))) {
			/* The argument's path is only written for its message. */
			struct value named = a->phys;
			char path[64];

			if (!named.pos.path)
				named.pos.path = (char *)step_path(st, i, path, sizeof(path));
			value_eval(&named, &r->env, r->sc->file, &call->arg[i].phys, err,
				   sizeof(err));
			*error = xstrdup(err);
			return -1;
		}
	}
	return 0;
}

/*
 * An engine that cannot run an op must never look as if it had: that is a
 * run-time error naming the step.
 */
static char *unsupported_error(struct run *r, int i, const struct op_result *res)
{
	const struct step *st = &r->sc->steps[i];
	const char *op = st->spec->name;
	const char *engine = r->eng->label ? r->eng->label : r->eng->ops->name;
	const char *file = r->sc->file ? r->sc->file : "?";

	if (res->why && strstr(res->why, op))
		return xasprintf("%s:%d:%d: steps[%d]: %s", file, st->pos.line, st->pos.col, i,
				 res->why);
	return xasprintf("%s:%d:%d: steps[%d]: %s is not implemented by the %s engine%s%s", file,
			 st->pos.line, st->pos.col, i, op, engine, res->why ? ": " : "",
			 res->why ? res->why : "");
}

/* The panic a step's expectations name, or NULL. */
static const char *step_panic(const struct step *st)
{
	const struct expect *e = step_expect(st);

	return e ? e->panic : NULL;
}

/* The step ended in the panic its "panic" expectation names (a 6.12 behaviour). */
static bool panicked_as_expected(const struct step *st, const struct op_result *res)
{
	static const char prefix[] = "Kernel panic - not syncing: ";
	const char *at;

	if (!res->unsupported || !res->why || !(at = strstr(res->why, prefix)))
		return false;
	return !strcmp(at + sizeof(prefix) - 1, step_panic(st));
}

int run_step(struct run *r, struct step_outcome *out)
{
	const struct scenario *sc = r->sc;
	int i = r->done;
	const struct step *st;
	struct expect_ctx ctx;
	char err[512];
	int warnings;

	memset(out, 0, sizeof(*out));
	steplog_init(&out->log);
	out->log.skip_debug = r->skip_debug;
	if (i >= sc->nr_steps) {
		out->error = xasprintf("%s: no step left to run (%d steps)",
				       sc->file ? sc->file : "?", sc->nr_steps);
		return -1;
	}
	st = &sc->steps[i];
	out->call.op = st->spec->id;
	out->call.caller = caller_name(r, i);
	if (eval_args(r, st, &out->call, &out->error))
		return -1;

	steplog_set_current(&out->log, r->phys_bytes);
	r->eng->ops->exec(r->eng, &out->call, &out->res);
	steplog_set_current(NULL, r->phys_bytes);
	out->res.kind = st->spec->ret;	/* the op decides what its result means */
	drop_state(r);
	if (step_panic(st) && !panicked_as_expected(st, &out->res)) {
		out->error = xasprintf("%s:%d:%d: steps[%d]: expected \"Kernel panic - not syncing: "
				       "%s\", %s%s", sc->file ? sc->file : "?", st->pos.line,
				       st->pos.col, i, step_panic(st),
				       out->res.unsupported ? "got: " : "but the step returned",
				       out->res.unsupported ? out->res.why : "");
		return -1;
	}
	if (out->res.unsupported && !step_panic(st)) {
		out->error = unsupported_error(r, i, &out->res);
		return -1;
	}

	r->done++;
	warnings = steplog_warnings(&out->log);
	r->warnings += warnings;
	if (st->as)
		bind_label(r, st->as, out->res.value & r->env.phys_max);
	if (!step_expect(st))
		return 0;

	ctx = (struct expect_ctx){ .file = sc->file, .machine = &sc->machine, .env = &r->env,
				   .step = i, .op = st->spec->name, .res = &out->res,
				   .warnings = warnings };
	if (expect_check(st->expect, state_parts(r, expect_state_parts(st->expect)), &ctx, out,
			 err, sizeof(err))) {
		out->error = xstrdup(err);
		return -1;
	}
	return 0;
}

void run_check_final(struct run *r, struct step_outcome *out)
{
	const struct scenario *sc = r->sc;
	struct expect_ctx ctx = { .file = sc->file, .machine = &sc->machine, .env = &r->env,
				  .step = -1, .res = NULL, .warnings = r->warnings };
	char err[512];

	if (!sc->expect.present)
		return;
	if (expect_check(&sc->expect, state_parts(r, expect_state_parts(&sc->expect)), &ctx, out,
			 err, sizeof(err)) && !out->error)
		out->error = xstrdup(err);
}

void *run_save(struct run *r)
{
	struct run_saved *s = xzalloc(sizeof(*s));

	s->eng = r->eng->ops->save(r->eng);
	s->done = r->done;
	s->warnings = r->warnings;
	s->labels = labels_get(r->labels);
	return s;
}

void run_restore(struct run *r, const void *saved)
{
	const struct run_saved *s = saved;

	r->eng->ops->restore(r->eng, s->eng);
	r->done = s->done;
	r->warnings = s->warnings;
	labels_put(r->labels);
	r->labels = labels_get(s->labels);
	drop_state(r);
}

void run_free_saved(struct run *r, void *saved)
{
	struct run_saved *s = saved;

	if (!s)
		return;
	r->eng->ops->free_saved(r->eng, s->eng);
	labels_put(s->labels);
	free(s);
}
