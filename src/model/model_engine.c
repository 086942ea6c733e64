// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The model engine: struct engine_ops over the memblock model.  The model
 * keeps its state in globals, as the kernel does; each engine owns a model
 * instance (struct mb_model) that it puts in the globals for its calls
 * (memblock_model_use(), which swaps only when another instance had
 * them), so any number of model engines coexist.  Checkpoints make stepping back cheap.
 *
 * An engine runs the semantics of one kernel version: the machine's
 * ("kernel" in the scenario), or the one its spec names ("model:6.1").
 * Its spec may also choose how memblock_free_late() releases pages
 * ("model:free_late=release-always"), so that one scenario runs both ways
 * side by side.
 * A version the model has no semantics for yet is refused at reset,
 * never run with another version's.
 *
 * Each op_call is turned into the kernel call it names, with the
 * arguments reduced to the machine's phys_addr_t as the kernel's
 * parameter types would.  A BUG() inside the model -- or a place where
 * the model cannot follow the kernel -- ends the operation through a
 * trap and is reported as an error naming the op.  After a BUG or an oops
 * the simulated kernel is dead until a reset or the restore of an earlier
 * checkpoint; an op the model cannot follow is refused before it changes
 * anything, so the kernel lives on.
 */
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contents.h"
#include "run/engine.h"
#include "kstyle_runtime.h"
#include "memblock.h"
#include "memblock_internal.h"
#include "model_ops.h"
#include "pagealloc.h"
#include "core/state.h"
#include "util/xalloc.h"

struct model_engine {
	struct engine	e;
	struct mb_model	*model;		/* this engine's model, swapped in around calls */
	struct model_spec spec;		/* what overrides the machine's settings (-1: none) */
	char		label[64];	/* "model", "model:6.12,free_late=release-always" */
	bool		dead;		/* a BUG or an oops ended an earlier op */
	char		dead_why[256];
	char		why[320];	/* res->why of the last failed op */
	char		error[160];	/* why the last reset failed, or "" */
};

struct model_saved {
	void		*memblock;
	bool		dead;
	char		dead_why[256];
};

static struct model_engine *model_of(struct engine *e)
{
	return (struct model_engine *)e;
}

/* The kernel versions whose semantics the model has. */
#define MODEL_VERSIONS	KV_ALL

static int model_reset(struct engine *e, const struct machine *m)
{
	struct model_engine *me = model_of(e);
	struct machine mv = *m;

	if (me->spec.version >= 0)
		mv.kernel = me->spec.version;
	if (me->spec.free_late >= 0)
		mv.free_late = me->spec.free_late;
	me->dead = false;
	me->dead_why[0] = '\0';
	me->error[0] = '\0';
	if (!(MODEL_VERSIONS & KERNEL_VERSION_BIT(mv.kernel))) {
		snprintf(me->error, sizeof(me->error), "the model has no Linux %s semantics",
			 kernel_version_name(mv.kernel));
		return -1;
	}
	memblock_model_use(me->model);
	memblock_model_reset(&mv);
	return 0;
}

/* The call with every address argument reduced to the machine's phys_addr_t. */
static void reduce_args(const struct op_call *call, struct op_call *out)
{
	const struct op_spec *spec = op_spec(call->op);
	int i;

	*out = *call;
	for (i = 0; spec && i < spec->nargs; i++)
		if (spec->args[i].kind == ARG_PHYS)
			out->arg[i].phys &= machine_phys_max(mb_machine);
}

static void model_exec(struct engine *e, const struct op_call *call, struct op_result *res)
{
	struct model_engine *me = model_of(e);
	const struct op_spec *spec = op_spec(call->op);
	const char *name = spec ? spec->name : "?";
	struct mbviz_trap trap;
	struct op_call c;

	memset(res, 0, sizeof(*res));
	res->kind = spec ? spec->ret : RET_NONE;
	if (me->error[0]) {
		snprintf(me->why, sizeof(me->why), "%s: %s", name, me->error);
		res->unsupported = true;
		res->why = me->why;
		return;
	}
	if (me->dead) {
		snprintf(me->why, sizeof(me->why), "%s: the simulated kernel died earlier (%s)",
			 name, me->dead_why);
		res->unsupported = true;
		res->why = me->why;
		return;
	}

	memblock_model_use(me->model);
	if (spec && !(spec->versions & KERNEL_VERSION_BIT(mb_machine->kernel))) {
		snprintf(me->why, sizeof(me->why), "%s is not in Linux %s", name,
			 kernel_version_name(mb_machine->kernel));
		res->unsupported = true;
		res->why = me->why;
		return;
	}
	reduce_args(call, &c);
	mbviz_ret_ip = call->caller ? call->caller : "0x0";
	mbviz_searches_clear();
	if (setjmp(trap.env) == 0) {
		mbviz_trap_arm(&trap);
		if (!model_run_op(&c, &res->value)) {
			res->unsupported = true;
			res->why = "unknown operation";
		}
		mbviz_trap_arm(NULL);
	} else {
		/* Only a dead kernel stays dead; an op the model cannot follow changed nothing. */
		if (trap.died) {
			me->dead = true;
			snprintf(me->dead_why, sizeof(me->dead_why), "%s", trap.why);
		}
		snprintf(me->why, sizeof(me->why), "%s: %s", name, trap.why);
		res->unsupported = true;
		res->why = me->why;
	}
	mbviz_ret_ip = "0x0";
}

static void model_get_state_parts(struct engine *e, struct mb_state *out, unsigned int parts)
{
	struct model_engine *me = model_of(e);

	memblock_model_use(me->model);
	memset(out, 0, sizeof(*out));
	if (parts & SP_TYPES) {
		memblock_type_copy(&out->memory, &memblock.memory);
		memblock_type_copy(&out->reserved, &memblock.reserved);
		out->memory_array = *memblock_array_addr(&memblock.memory);
		out->reserved_array = *memblock_array_addr(&memblock.reserved);
		out->bottom_up = memblock.bottom_up;
		out->current_limit = memblock.current_limit;
		out->nr_searches = memblock.mbviz_nr_searches;
		/* Those recorded: readers stop at nr_searches (at most MB_MAX_SEARCHES). */
		memcpy(out->searches, memblock.mbviz_searches,
		       min_t(int, out->nr_searches, MB_MAX_SEARCHES) * sizeof(out->searches[0]));
		out->discarded = memblock_model_discarded();
	}
	if (parts & SP_CONTENTS)
		contents_copy_out(out);
	if (parts & SP_PAGES)
		pa_get_state(mb_page_alloc, out);
}

static void model_get_state(struct engine *e, struct mb_state *out)
{
	model_get_state_parts(e, out, SP_ALL);
}

static void *model_save(struct engine *e)
{
	struct model_engine *me = model_of(e);
	struct model_saved *s = xzalloc(sizeof(*s));

	memblock_model_use(me->model);
	s->memblock = memblock_model_save();
	s->dead = me->dead;
	memcpy(s->dead_why, me->dead_why, sizeof(s->dead_why));
	return s;
}

static void model_restore(struct engine *e, const void *saved)
{
	struct model_engine *me = model_of(e);
	const struct model_saved *s = saved;

	memblock_model_use(me->model);
	memblock_model_restore(s->memblock);
	me->dead = s->dead;
	memcpy(me->dead_why, s->dead_why, sizeof(me->dead_why));
}

static void model_free_saved(struct engine *e, void *saved)
{
	struct model_saved *s = saved;

	(void)e;
	if (!s)
		return;
	memblock_model_free_saved(s->memblock);
	free(s);
}

static void model_destroy(struct engine *e)
{
	struct model_engine *me = model_of(e);

	memblock_model_free(me->model);
	free(me);
}

static const char *model_error(struct engine *e)
{
	struct model_engine *me = model_of(e);

	return me->error[0] ? me->error : NULL;
}

static const struct engine_ops model_ops = {
	.name		= "model",
	.reset		= model_reset,
	.exec		= model_exec,
	.get_state	= model_get_state,
	.get_state_parts = model_get_state_parts,
	.save		= model_save,
	.restore	= model_restore,
	.free_saved	= model_free_saved,
	.destroy	= model_destroy,
	.error		= model_error,
};

/* "model", then ":" and the options of @spec, separated by commas. */
static void model_label(struct model_engine *me)
{
	const struct model_spec *spec = &me->spec;
	char *p = me->label, *end = me->label + sizeof(me->label);
	char sep = ':';

	p += snprintf(p, end - p, "model");
	if (spec->version >= 0) {
		p += snprintf(p, end - p, "%c%s", sep, kernel_version_name(spec->version));
		sep = ',';
	}
	if (spec->free_late >= 0)
		snprintf(p, end - p, "%cfree_late=%s", sep, free_late_mode_names[spec->free_late]);
}

struct engine *model_engine_open(const struct model_spec *spec)
{
	struct model_engine *me;
	struct machine m;

	me = xzalloc(sizeof(*me));
	me->e.ops = &model_ops;
	me->spec = *spec;
	model_label(me);
	me->e.label = me->label;
	me->model = memblock_model_new();
	/* A valid state even before the first reset: the default machine. */
	machine_init_default(&m);
	if (model_reset(&me->e, &m)) {
		/* No state to show for a version without semantics: a 6.1 one until reset. */
		m.kernel = KERNEL_6_1;
		memblock_model_use(me->model);
		memblock_model_reset(&m);
	}
	return &me->e;
}

/* @version: an enum kernel_version, or -1 for the machine's. */
struct engine *model_engine_create(int version)
{
	const struct model_spec spec = { .version = version, .free_late = -1 };

	return model_engine_open(&spec);
}
