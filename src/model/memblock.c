// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The memblock model: region collections ("types"), and how ranges are
 * added, split, merged and removed, as Linux 6.1.192's mm/memblock.c does
 * it.  Elsewhere: allocation (memblock_alloc.c), iteration and queries
 * (memblock_query.c), limits and teardown (memblock_limit.c), reset and
 * checkpoints (memblock_model.c).
 *
 * The kernel's static region arrays are allocated at reset with the
 * machine's sizes; a doubled array is host memory that stands for the
 * physical range memblock found for it.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <asm/bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/mm.h>

#include "contents.h"
#include "kstyle_runtime.h"
#include "memblock.h"
#include "memblock_internal.h"
#include "util/xalloc.h"

struct memblock memblock;
struct memblock_type physmem;
struct memblock_type *memblock_memory = &memblock.memory;

bool system_has_some_mirror;
int memblock_can_resize;
int memblock_memory_in_slab;
int memblock_reserved_in_slab;

struct memblock_region *memblock_memory_init_regions;
struct memblock_region *memblock_reserved_init_regions;
struct memblock_region *memblock_physmem_init_regions;

phys_addr_t memory_array_addr, reserved_array_addr, physmem_array_addr;

phys_addr_t *memblock_array_addr(struct memblock_type *type)
{
	if (type == &memblock.memory)
		return &memory_array_addr;
	if (type == &memblock.reserved)
		return &reserved_array_addr;
	return &physmem_array_addr;
}

/* Drop region @r; an emptied type gets its dummy back (mm/memblock.c:344-360). */
void memblock_remove_region(struct memblock_type *type, unsigned long r)
{
	type->total_size = mbviz_phys_wrap(type->total_size - type->regions[r].size);
	memmove(&type->regions[r], &type->regions[r + 1],
		(type->cnt - (r + 1)) * sizeof(type->regions[r]));
	type->cnt--;

	if (type->cnt == 0) {
		WARN_ON_AT(KFILE, 353, type->total_size != 0);
		type->cnt = 1;
		type->regions[0].base = 0;
		type->regions[0].size = 0;
		type->regions[0].flags = 0;
		/* Unlike the zero-filled boot dummy, this one says "no node". */
		memblock_set_region_node(&type->regions[0], MAX_NUMNODES);
	}
}

/*
 * Grow @type's array to twice its entries once memblock_allow_resize() has
 * been called (mm/memblock.c:409-499).  The new array comes from memblock
 * itself, page-aligned and page-rounded.  When doubling reserved on behalf
 * of [new_area_start, +new_area_size) -- a range about to be reserved but
 * not yet in the array -- the search looks above that range first and
 * below it second, so the array does not land on it.
 */
static int memblock_double_array(struct memblock_type *type, phys_addr_t new_area_start,
				 phys_addr_t new_area_size)
{
	struct memblock_region *new_array, *old_array;
	phys_addr_t old_alloc_size, new_alloc_size;
	phys_addr_t old_size, new_size, addr, new_end, old_addr;
	int *in_slab;
	int ret;

	if (!memblock_can_resize)
		return -1;

	old_size = type->max * memblock_region_bytes();
	new_size = old_size << 1;
	old_alloc_size = PAGE_ALIGN(old_size);
	new_alloc_size = PAGE_ALIGN(new_size);

	/* physmem shares the reserved flag, as in the kernel. */
	if (type == &memblock.memory)
		in_slab = &memblock_memory_in_slab;
	else
		in_slab = &memblock_reserved_in_slab;

	/* Slab is never up in the model: the array always comes from memblock. */
	if (type != &memblock.reserved)
		new_area_start = new_area_size = 0;

	addr = memblock_find_in_range(new_area_start + new_area_size, memblock.current_limit,
				      new_alloc_size, PAGE_SIZE);
	if (!addr && new_area_size)
		addr = memblock_find_in_range(0, min(new_area_start, memblock.current_limit),
					      new_alloc_size, PAGE_SIZE);
	if (!addr) {
		pr_err("memblock: Failed to double %s array from %ld to %ld entries !\n",
		       type->name, type->max, type->max * 2);
		return -1;
	}

	/*
	 * The kernel frees every non-slab array that is not one of the two
	 * static ones, so the first doubling of physmem frees its static array
	 * at its kernel-image address, which the model does not know.
	 */
	if (!*in_slab && type->regions == memblock_physmem_init_regions)
		mbviz_unsupported("%s: doubling physmem frees its static array at a kernel-image address the model does not simulate",
				  __func__);

	new_end = addr + new_size - 1;
	memblock_dbg("memblock: %s is doubled to %ld at [%pa-%pa]", type->name, type->max * 2,
		     &addr, &new_end);

	/* Move the entries first: the array being grown may be reserved's own. */
	new_array = xzalloc(type->max * 2 * sizeof(*new_array));
	memcpy(new_array, type->regions, type->max * sizeof(*new_array));
	old_array = type->regions;
	old_addr = *memblock_array_addr(type);
	type->regions = new_array;
	type->max <<= 1;
	*memblock_array_addr(type) = addr;

	if (old_array != memblock_memory_init_regions &&
	    old_array != memblock_reserved_init_regions) {
		free(old_array);
		/*
		 * memblock_free(old_array, old_alloc_size).  The compiler inlines
		 * that small function here, so the free's debug line names this
		 * function as its caller (as a -O2 build of mm/memblock.c does).
		 */
		if (old_addr)
			nested_call(memblock_phys_free(old_addr, old_alloc_size));
	}

	nested_call(ret = memblock_reserve(addr, new_alloc_size));
	BUG_ON_AT(KFILE, 493, ret);

	*in_slab = 0;
	return 0;
}

/*
 * Join neighbours that touch and agree on node and flags.  Overlapping
 * neighbours would mean a broken array: the kernel BUGs.
 */
static void memblock_merge_regions(struct memblock_type *type)
{
	unsigned long i = 0;

	while (i < type->cnt - 1) {
		struct memblock_region *this = &type->regions[i];
		struct memblock_region *next = &type->regions[i + 1];

		if (this->base + this->size != next->base ||
		    memblock_get_region_node(this) != memblock_get_region_node(next) ||
		    this->flags != next->flags) {
			BUG_ON_AT(KFILE, 520, this->base + this->size > next->base);
			i++;
			continue;
		}

		this->size += next->size;
		memmove(next, next + 1, (type->cnt - (i + 2)) * sizeof(*next));
		type->cnt--;
	}
}

/* Put a new region at @idx; the caller made room.  No merging. */
static void memblock_insert_region(struct memblock_type *type, int idx, phys_addr_t base,
				   phys_addr_t size, int nid, enum memblock_flags flags)
{
	struct memblock_region *rgn = &type->regions[idx];

	BUG_ON_AT(KFILE, 552, type->cnt >= type->max);
	memmove(rgn + 1, rgn, (type->cnt - idx) * sizeof(*rgn));
	rgn->base = base;
	rgn->size = size;
	rgn->flags = flags;
	memblock_set_region_node(rgn, nid);
	type->cnt++;
	type->total_size = mbviz_phys_wrap(type->total_size + size);
}

/*
 * Add [base, base + size) to @type, filling only what no region covers yet
 * (mm/memblock.c:578-673): existing regions keep their nid and flags.  A
 * first pass counts the pieces and grows the array if needed; it is
 * skipped when even the worst case (cnt + 1 pieces) fits.  A gap that
 * ends at a region whose nid or flags differ from the request warns, once
 * per pass.
 */
int memblock_add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
		       int nid, enum memblock_flags flags)
{
	bool insert = false;
	phys_addr_t obase = base;
	phys_addr_t end = base + memblock_cap_size(base, &size);
	unsigned long idx;
	int nr_new;

	if (!size)
		return 0;

	if (type->regions[0].size == 0) {
		WARN_ON_AT(KFILE, 593, type->cnt != 1 || type->total_size);
		type->regions[0].base = base;
		type->regions[0].size = size;
		type->regions[0].flags = flags;
		memblock_set_region_node(&type->regions[0], nid);
		type->total_size = size;
		return 0;
	}

	if (type->cnt * 2 + 1 < type->max)
		insert = true;

repeat:
	base = obase;
	nr_new = 0;

	for (idx = 0; idx < type->cnt; idx++) {
		struct memblock_region *rgn = &type->regions[idx];
		phys_addr_t rbase = rgn->base;
		phys_addr_t rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;
		if (rbase > base) {
			if (mb_machine->numa)
				WARN_ON_AT(KFILE, 635, nid != memblock_get_region_node(rgn));
			WARN_ON_AT(KFILE, 637, flags != rgn->flags);
			nr_new++;
			if (insert)
				memblock_insert_region(type, idx++, base, rbase - base, nid, flags);
		}
		base = min(rend, end);
	}

	if (base < end) {
		nr_new++;
		if (insert)
			memblock_insert_region(type, idx, base, end - base, nid, flags);
	}

	if (!nr_new)
		return 0;

	if (!insert) {
		while (type->cnt + nr_new > type->max)
			if (memblock_double_array(type, obase, size) < 0)
				return -ENOMEM;
		insert = true;
		goto repeat;
	}
	memblock_merge_regions(type);
	return 0;
}

int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid, enum memblock_flags flags)
{
	phys_addr_t end = mbviz_phys_wrap(base + size - 1);

	memblock_dbg("%s: [%pa-%pa] nid=%d flags=%x %pS\n", __func__, &base, &end, nid, flags,
		     (void *)_RET_IP_);
	return memblock_add_range(&memblock.memory, base, size, nid, flags);
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = mbviz_phys_wrap(base + size - 1);

	memblock_dbg("%s: [%pa-%pa] %pS\n", __func__, &base, &end, (void *)_RET_IP_);
	return memblock_add_range(&memblock.memory, base, size, MAX_NUMNODES, 0);
}

/*
 * Split the regions of @type that cross base or base + size, and report
 * the index span [*start_rgn, *end_rgn) of the regions inside
 * (mm/memblock.c:736-794).  Room for two more regions is made first,
 * whether or not the range touches anything.
 */
int memblock_isolate_range(struct memblock_type *type, phys_addr_t base,
				  phys_addr_t size, int *start_rgn, int *end_rgn)
{
	phys_addr_t end = base + memblock_cap_size(base, &size);
	int idx;

	*start_rgn = *end_rgn = 0;

	if (!size)
		return 0;

	while (type->cnt + 2 > type->max)
		if (memblock_double_array(type, base, size) < 0)
			return -ENOMEM;

	for (idx = 0; idx < (int)type->cnt; idx++) {
		struct memblock_region *rgn = &type->regions[idx];
		phys_addr_t rbase = rgn->base;
		phys_addr_t rend = rbase + rgn->size;

		if (rbase >= end)
			break;
		if (rend <= base)
			continue;

		if (rbase < base) {
			/* Sticks out below: split off the lower part, look at the rest next. */
			rgn->base = base;
			rgn->size -= base - rbase;
			type->total_size -= base - rbase;
			memblock_insert_region(type, idx, rbase, base - rbase,
					       memblock_get_region_node(rgn), rgn->flags);
		} else if (rend > end) {
			/* Sticks out above: split off the lower part and look at it again. */
			rgn->base = end;
			rgn->size -= end - rbase;
			type->total_size -= end - rbase;
			memblock_insert_region(type, idx--, rbase, end - rbase,
					       memblock_get_region_node(rgn), rgn->flags);
		} else {
			if (!*end_rgn)
				*start_rgn = idx;
			*end_rgn = idx + 1;
		}
	}
	return 0;
}

int memblock_remove_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	int start_rgn, end_rgn;
	int i, ret;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;

	for (i = end_rgn - 1; i >= start_rgn; i--)
		memblock_remove_region(type, i);

	/* Whatever leaves reserved is no longer an allocation with contents. */
	if (type == &memblock.reserved) {
		memblock_cap_size(base, &size);
		contents_clear(base, size);
	}
	return 0;
}

int memblock_remove(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = mbviz_phys_wrap(base + size - 1);

	memblock_dbg("%s: [%pa-%pa] %pS\n", __func__, &base, &end, (void *)_RET_IP_);
	return memblock_remove_range(&memblock.memory, base, size);
}

/* The model's memory is identity-mapped: @ptr is the physical address, 0 is NULL. */
void memblock_free(phys_addr_t ptr, size_t size)
{
	if (ptr)
		nested_call(memblock_phys_free(ptr, size));
}

int memblock_phys_free(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = mbviz_phys_wrap(base + size - 1);

	memblock_dbg("%s: [%pa-%pa] %pS\n", __func__, &base, &end, (void *)_RET_IP_);
	return memblock_remove_range(&memblock.reserved, base, size);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = mbviz_phys_wrap(base + size - 1);

	memblock_dbg("%s: [%pa-%pa] %pS\n", __func__, &base, &end, (void *)_RET_IP_);
	return memblock_add_range(&memblock.reserved, base, size, MAX_NUMNODES, 0);
}

int memblock_physmem_add(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = mbviz_phys_wrap(base + size - 1);

	memblock_dbg("%s: [%pa-%pa] %pS\n", __func__, &base, &end, (void *)_RET_IP_);
	return memblock_add_range(&physmem, base, size, MAX_NUMNODES, 0);
}

/* Set or clear @flag on the memory inside [base, base + size), then merge. */
static int memblock_setclr_flag(phys_addr_t base, phys_addr_t size, int set, int flag)
{
	struct memblock_type *type = &memblock.memory;
	int i, ret, start_rgn, end_rgn;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;

	for (i = start_rgn; i < end_rgn; i++) {
		struct memblock_region *r = &type->regions[i];

		if (set)
			r->flags |= flag;
		else
			r->flags &= ~flag;
	}

	memblock_merge_regions(type);
	return 0;
}

int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, 1, MEMBLOCK_HOTPLUG);
}

int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, 0, MEMBLOCK_HOTPLUG);
}

/* Only kernelcore=mirror makes mirrored memory matter; otherwise a no-op. */
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size)
{
	if (!mb_machine->mirrored_kernelcore)
		return 0;

	system_has_some_mirror = true;
	return memblock_setclr_flag(base, size, 1, MEMBLOCK_MIRROR);
}

int memblock_mark_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, 1, MEMBLOCK_NOMAP);
}

int memblock_clear_nomap(phys_addr_t base, phys_addr_t size)
{
	return memblock_setclr_flag(base, size, 0, MEMBLOCK_NOMAP);
}

/* Without CONFIG_NUMA there is nothing to set: no isolation, no error. */
int memblock_set_node(phys_addr_t base, phys_addr_t size, struct memblock_type *type, int nid)
{
	int start_rgn, end_rgn;
	int i, ret;

	if (!mb_machine->numa)
		return 0;

	ret = memblock_isolate_range(type, base, size, &start_rgn, &end_rgn);
	if (ret)
		return ret;

	for (i = start_rgn; i < end_rgn; i++)
		memblock_set_region_node(&type->regions[i], nid);

	memblock_merge_regions(type);
	return 0;
}

