// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The model engine's dispatch: one function per operation of ops.def,
 * model_<name>(), each calling the model's function of that name with the
 * arguments of the op_call (already reduced to the machine's phys_addr_t)
 * and storing what it returns.  The table that maps enum op_id to these
 * functions is generated from ops.def, so an operation without its
 * function here does not compile.
 */
#include <stdint.h>

#include "contents.h"
#include "kstyle_runtime.h"
#include "memblock.h"
#include "model_ops.h"
#include "pagealloc.h"

/* One op: @a its arguments in ops.def's order, @v its result (RET_* of ops.def). */
#define MODEL_OP(name)							\
	static void model_##name(const union op_value *a __attribute__((unused)), \
				 uint64_t *v __attribute__((unused)))

/* An int result, as struct op_result keeps it. */
#define INT_RET(expr)	(*v = (uint64_t)(int64_t)(expr))

static struct memblock_type *type_arg(enum memblock_type_id t)
{
	return t == MB_TYPE_RESERVED ? &memblock.reserved : &memblock.memory;
}

MODEL_OP(memblock_add) { INT_RET(memblock_add(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_add_node)
{
	INT_RET(memblock_add_node(a[0].phys, a[1].phys, a[2].nid, a[3].flags));
}
MODEL_OP(memblock_remove) { INT_RET(memblock_remove(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_reserve) { INT_RET(memblock_reserve(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_phys_free) { INT_RET(memblock_phys_free(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_free) { memblock_free(a[0].phys, a[1].phys); }
MODEL_OP(memblock_physmem_add) { INT_RET(memblock_physmem_add(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_mark_hotplug) { INT_RET(memblock_mark_hotplug(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_clear_hotplug) { INT_RET(memblock_clear_hotplug(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_mark_mirror) { INT_RET(memblock_mark_mirror(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_mark_nomap) { INT_RET(memblock_mark_nomap(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_clear_nomap) { INT_RET(memblock_clear_nomap(a[0].phys, a[1].phys)); }
MODEL_OP(memblock_set_node)
{
	INT_RET(memblock_set_node(a[0].phys, a[1].phys, type_arg(a[2].type), a[3].nid));
}
MODEL_OP(memblock_reserved_mark_noinit)
{
	INT_RET(memblock_reserved_mark_noinit(a[0].phys, a[1].phys));
}
MODEL_OP(memblock_estimated_nr_free_pages) { *v = memblock_estimated_nr_free_pages(); }
MODEL_OP(reserve_mem) { INT_RET(reserve_mem(a[0].string)); }
MODEL_OP(reserve_mem_find_by_name)
{
	phys_addr_t start = 0, size;

	*v = reserve_mem_find_by_name(a[0].string, &start, &size) ? start : 0;
}
MODEL_OP(memblock_trim_memory) { memblock_trim_memory(a[0].phys); }
MODEL_OP(memblock_enforce_memory_limit) { memblock_enforce_memory_limit(a[0].phys); }
MODEL_OP(memblock_cap_memory_range) { memblock_cap_memory_range(a[0].phys, a[1].phys); }
MODEL_OP(memblock_mem_limit_remove_map) { memblock_mem_limit_remove_map(a[0].phys); }
MODEL_OP(memblock_set_bottom_up) { memblock_set_bottom_up(a[0].boolean); }
MODEL_OP(memblock_set_current_limit) { memblock_set_current_limit(a[0].phys); }
MODEL_OP(memblock_allow_resize) { memblock_allow_resize(); }
MODEL_OP(memblock_phys_alloc_range)
{
	*v = memblock_phys_alloc_range(a[0].phys, a[1].phys, a[2].phys, a[3].phys);
}
MODEL_OP(memblock_phys_alloc_try_nid)
{
	*v = memblock_phys_alloc_try_nid(a[0].phys, a[1].phys, a[2].nid);
}
MODEL_OP(memblock_phys_alloc) { *v = memblock_phys_alloc(a[0].phys, a[1].phys); }
MODEL_OP(memblock_alloc) { *v = memblock_alloc(a[0].phys, a[1].phys); }
MODEL_OP(memblock_alloc_raw) { *v = memblock_alloc_raw(a[0].phys, a[1].phys); }
MODEL_OP(memblock_alloc_from) { *v = memblock_alloc_from(a[0].phys, a[1].phys, a[2].phys); }
MODEL_OP(memblock_alloc_low) { *v = memblock_alloc_low(a[0].phys, a[1].phys); }
MODEL_OP(memblock_alloc_node) { *v = memblock_alloc_node(a[0].phys, a[1].phys, a[2].nid); }
MODEL_OP(memblock_alloc_try_nid)
{
	*v = memblock_alloc_try_nid(a[0].phys, a[1].phys, a[2].phys, a[3].phys, a[4].nid);
}
MODEL_OP(memblock_alloc_try_nid_raw)
{
	*v = memblock_alloc_try_nid_raw(a[0].phys, a[1].phys, a[2].phys, a[3].phys, a[4].nid);
}
MODEL_OP(memblock_alloc_exact_nid_raw)
{
	*v = memblock_alloc_exact_nid_raw(a[0].phys, a[1].phys, a[2].phys, a[3].phys, a[4].nid);
}
MODEL_OP(memblock_alloc_range_nid)
{
	*v = memblock_alloc_range_nid(a[0].phys, a[1].phys, a[2].phys, a[3].phys, a[4].nid,
				      a[5].boolean);
}
MODEL_OP(memblock_is_memory) { *v = memblock_is_memory(a[0].phys); }
MODEL_OP(memblock_is_reserved) { *v = memblock_is_reserved(a[0].phys); }
MODEL_OP(memblock_is_map_memory) { *v = memblock_is_map_memory(a[0].phys); }
MODEL_OP(memblock_is_region_memory) { *v = memblock_is_region_memory(a[0].phys, a[1].phys); }
MODEL_OP(memblock_is_region_reserved)
{
	*v = memblock_is_region_reserved(a[0].phys, a[1].phys);
}
MODEL_OP(memblock_phys_mem_size) { *v = memblock_phys_mem_size(); }
MODEL_OP(memblock_reserved_size) { *v = memblock_reserved_size(); }
MODEL_OP(memblock_start_of_DRAM) { *v = memblock_start_of_DRAM(); }
MODEL_OP(memblock_end_of_DRAM) { *v = memblock_end_of_DRAM(); }
MODEL_OP(memblock_bottom_up) { *v = memblock_bottom_up(); }
MODEL_OP(memblock_overlaps_region)
{
	*v = memblock_overlaps_region(type_arg(a[0].type), a[1].phys, a[2].phys);
}
MODEL_OP(memblock_validate_numa_coverage) { *v = memblock_validate_numa_coverage(a[0].phys); }
MODEL_OP(memblock_free_all)
{
	memblock_free_all();
	*v = memblock_free_all_count();
}
MODEL_OP(memblock_free_late) { memblock_free_late(a[0].phys, a[1].phys); }
MODEL_OP(page_alloc_init_late) { page_alloc_init_late(); }
MODEL_OP(memblock_discard) { memblock_discard(); }
/* Recorded as contents only: memblock never reads what allocations hold. */
MODEL_OP(memset) { contents_fill(a[0].phys, a[2].phys, (unsigned char)a[1].phys); }

static void (*const model_dispatch[NR_OPS])(const union op_value *a, uint64_t *v) = {
#define OP(ID, name, ret, versions, fuzz, args)	[OP_##ID] = model_##name,
#include "core/ops.def"
#undef OP
};

bool model_run_op(const struct op_call *call, uint64_t *value)
{
	if ((unsigned int)call->op >= NR_OPS)
		return false;
	model_dispatch[call->op](call->arg, value);
	return true;
}
