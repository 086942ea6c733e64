// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The model engine: struct engine_ops over the memblock model.  The model
 * keeps its state in globals, as the kernel does, so only one model
 * engine exists at a time; checkpoints make stepping back cheap.
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
#include "pagealloc.h"
#include "core/state.h"
#include "util/xalloc.h"

struct model_engine {
	struct engine	e;
	bool		dead;		/* a BUG or an oops ended an earlier op */
	char		dead_why[256];
	char		why[320];	/* res->why of the last failed op */
};

struct model_saved {
	void		*memblock;
	bool		dead;
	char		dead_why[256];
};

static struct model_engine *the_engine;

static struct model_engine *model_of(struct engine *e)
{
	return (struct model_engine *)e;
}

static int model_reset(struct engine *e, const struct machine *m)
{
	struct model_engine *me = model_of(e);

	memblock_model_reset(m);
	me->dead = false;
	me->dead_why[0] = '\0';
	return 0;
}

static struct memblock_type *type_arg(enum memblock_type_id t)
{
	return t == MB_TYPE_RESERVED ? &memblock.reserved : &memblock.memory;
}

static void ret_int(struct op_result *res, int ret)
{
	res->value = (uint64_t)(int64_t)ret;
}

/*
 * run_op() in four groups, each returning false for an op not its own.
 * Changes to the region arrays and to memblock's settings:
 */
static bool run_region_op(const struct op_call *call, struct op_result *res)
{
	const union op_value *a = call->arg;

	switch (call->op) {
	case OP_MEMBLOCK_ADD:
		ret_int(res, memblock_add(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_ADD_NODE:
		ret_int(res, memblock_add_node(a[0].phys, a[1].phys, a[2].nid, a[3].flags));
		break;
	case OP_MEMBLOCK_REMOVE:
		ret_int(res, memblock_remove(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_RESERVE:
		ret_int(res, memblock_reserve(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_PHYS_FREE:
		ret_int(res, memblock_phys_free(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_FREE:
		memblock_free(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_PHYSMEM_ADD:
		ret_int(res, memblock_physmem_add(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_MARK_HOTPLUG:
		ret_int(res, memblock_mark_hotplug(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_CLEAR_HOTPLUG:
		ret_int(res, memblock_clear_hotplug(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_MARK_MIRROR:
		ret_int(res, memblock_mark_mirror(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_MARK_NOMAP:
		ret_int(res, memblock_mark_nomap(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_CLEAR_NOMAP:
		ret_int(res, memblock_clear_nomap(a[0].phys, a[1].phys));
		break;
	case OP_MEMBLOCK_SET_NODE:
		ret_int(res, memblock_set_node(a[0].phys, a[1].phys, type_arg(a[2].type),
					       a[3].nid));
		break;
	case OP_MEMBLOCK_TRIM_MEMORY:
		memblock_trim_memory(a[0].phys);
		break;
	case OP_MEMBLOCK_ENFORCE_MEMORY_LIMIT:
		memblock_enforce_memory_limit(a[0].phys);
		break;
	case OP_MEMBLOCK_CAP_MEMORY_RANGE:
		memblock_cap_memory_range(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_MEM_LIMIT_REMOVE_MAP:
		memblock_mem_limit_remove_map(a[0].phys);
		break;
	case OP_MEMBLOCK_SET_BOTTOM_UP:
		memblock_set_bottom_up(a[0].boolean);
		break;
	case OP_MEMBLOCK_SET_CURRENT_LIMIT:
		memblock_set_current_limit(a[0].phys);
		break;
	case OP_MEMBLOCK_ALLOW_RESIZE:
		memblock_allow_resize();
		break;
	default:
		return false;
	}
	return true;
}

/* The allocators: the address they return, 0 on failure. */
static bool run_alloc_op(const struct op_call *call, struct op_result *res)
{
	const union op_value *a = call->arg;
	uint64_t *v = &res->value;

	switch (call->op) {
	case OP_MEMBLOCK_PHYS_ALLOC_RANGE:
		*v = memblock_phys_alloc_range(a[0].phys, a[1].phys, a[2].phys, a[3].phys);
		break;
	case OP_MEMBLOCK_PHYS_ALLOC_TRY_NID:
		*v = memblock_phys_alloc_try_nid(a[0].phys, a[1].phys, a[2].nid);
		break;
	case OP_MEMBLOCK_PHYS_ALLOC:
		*v = memblock_phys_alloc(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_ALLOC:
		*v = memblock_alloc(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_ALLOC_RAW:
		*v = memblock_alloc_raw(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_ALLOC_FROM:
		*v = memblock_alloc_from(a[0].phys, a[1].phys, a[2].phys);
		break;
	case OP_MEMBLOCK_ALLOC_LOW:
		*v = memblock_alloc_low(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_ALLOC_NODE:
		*v = memblock_alloc_node(a[0].phys, a[1].phys, a[2].nid);
		break;
	case OP_MEMBLOCK_ALLOC_TRY_NID:
		*v = memblock_alloc_try_nid(a[0].phys, a[1].phys, a[2].phys, a[3].phys, a[4].nid);
		break;
	case OP_MEMBLOCK_ALLOC_TRY_NID_RAW:
		*v = memblock_alloc_try_nid_raw(a[0].phys, a[1].phys, a[2].phys, a[3].phys,
						a[4].nid);
		break;
	case OP_MEMBLOCK_ALLOC_EXACT_NID_RAW:
		*v = memblock_alloc_exact_nid_raw(a[0].phys, a[1].phys, a[2].phys, a[3].phys,
						  a[4].nid);
		break;
	case OP_MEMBLOCK_ALLOC_RANGE_NID:
		*v = memblock_alloc_range_nid(a[0].phys, a[1].phys, a[2].phys, a[3].phys,
					      a[4].nid, a[5].boolean);
		break;
	default:
		return false;
	}
	return true;
}

/* The queries: a boolean or a value, nothing changes. */
static bool run_query_op(const struct op_call *call, struct op_result *res)
{
	const union op_value *a = call->arg;
	uint64_t *v = &res->value;

	switch (call->op) {
	case OP_MEMBLOCK_IS_MEMORY:
		*v = memblock_is_memory(a[0].phys);
		break;
	case OP_MEMBLOCK_IS_RESERVED:
		*v = memblock_is_reserved(a[0].phys);
		break;
	case OP_MEMBLOCK_IS_MAP_MEMORY:
		*v = memblock_is_map_memory(a[0].phys);
		break;
	case OP_MEMBLOCK_IS_REGION_MEMORY:
		*v = memblock_is_region_memory(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_IS_REGION_RESERVED:
		*v = memblock_is_region_reserved(a[0].phys, a[1].phys);
		break;
	case OP_MEMBLOCK_PHYS_MEM_SIZE:
		*v = memblock_phys_mem_size();
		break;
	case OP_MEMBLOCK_RESERVED_SIZE:
		*v = memblock_reserved_size();
		break;
	case OP_MEMBLOCK_START_OF_DRAM:
		*v = memblock_start_of_DRAM();
		break;
	case OP_MEMBLOCK_END_OF_DRAM:
		*v = memblock_end_of_DRAM();
		break;
	default:
		return false;
	}
	return true;
}

/* The hand-over to the page allocator, and what follows it. */
static bool run_handover_op(const struct op_call *call, struct op_result *res)
{
	const union op_value *a = call->arg;
	uint64_t *v = &res->value;

	switch (call->op) {
	case OP_MEMBLOCK_FREE_ALL:
		memblock_free_all();
		*v = memblock_free_all_count();
		break;
	case OP_MEMBLOCK_FREE_LATE:
		memblock_free_late(a[0].phys, a[1].phys);
		break;
	case OP_PAGE_ALLOC_INIT_LATE:
		page_alloc_init_late();
		break;
	case OP_MEMBLOCK_DISCARD:
		memblock_discard();
		break;
	default:
		return false;
	}
	return true;
}

/* One op with its arguments already reduced; may leave through the trap. */
static void run_op(const struct op_call *call, struct op_result *res)
{
	if (run_region_op(call, res) || run_alloc_op(call, res) || run_query_op(call, res) ||
	    run_handover_op(call, res))
		return;
	res->unsupported = true;
	res->why = "unknown operation";
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
	if (me->dead) {
		snprintf(me->why, sizeof(me->why), "%s: the simulated kernel died earlier (%s)",
			 name, me->dead_why);
		res->unsupported = true;
		res->why = me->why;
		return;
	}

	reduce_args(call, &c);
	mbviz_ret_ip = call->caller ? call->caller : "0x0";
	mbviz_searches_clear();
	if (setjmp(trap.env) == 0) {
		mbviz_trap_arm(&trap);
		run_op(&c, res);
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

static void model_get_state(struct engine *e, struct mb_state *out)
{
	(void)e;
	memset(out, 0, sizeof(*out));
	memblock_type_copy(&out->memory, &memblock.memory);
	memblock_type_copy(&out->reserved, &memblock.reserved);
	out->memory_array = *memblock_array_addr(&memblock.memory);
	out->reserved_array = *memblock_array_addr(&memblock.reserved);
	out->bottom_up = memblock.bottom_up;
	out->current_limit = memblock.current_limit;
	out->nr_searches = memblock.mbviz_nr_searches;
	memcpy(out->searches, memblock.mbviz_searches, sizeof(out->searches));
	out->discarded = memblock_model_discarded();
	contents_copy_out(out);
	pa_get_state(mb_page_alloc, out);
}

static void *model_save(struct engine *e)
{
	struct model_engine *me = model_of(e);
	struct model_saved *s = xzalloc(sizeof(*s));

	s->memblock = memblock_model_save();
	s->dead = me->dead;
	memcpy(s->dead_why, me->dead_why, sizeof(s->dead_why));
	return s;
}

static void model_restore(struct engine *e, const void *saved)
{
	struct model_engine *me = model_of(e);
	const struct model_saved *s = saved;

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
	if (the_engine == model_of(e))
		the_engine = NULL;
	free(e);
}

static const struct engine_ops model_ops = {
	.name		= "model",
	.reset		= model_reset,
	.exec		= model_exec,
	.get_state	= model_get_state,
	.save		= model_save,
	.restore	= model_restore,
	.free_saved	= model_free_saved,
	.destroy	= model_destroy,
};

/* NULL while another model engine exists: the model's state is global. */
struct engine *model_engine_create(void)
{
	struct model_engine *me;
	struct machine m;

	if (the_engine)
		return NULL;
	me = xzalloc(sizeof(*me));
	me->e.ops = &model_ops;
	me->e.label = "model";
	the_engine = me;
	/* A valid state even before the first reset: the default machine. */
	machine_init_default(&m);
	model_reset(&me->e, &m);
	return &me->e;
}
