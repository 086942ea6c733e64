// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Cutting memblock down to size -- trimming to an alignment, mem= style
 * limits -- the allocation direction and limit, and the teardown after
 * boot (mm/memblock.c:362-392, 1676-1764, 1855-1888, 1936-1939).
 */
#include <stdlib.h>

#include <linux/kernel.h>
#include <linux/mm.h>

#include "kstyle_runtime.h"
#include "memblock.h"
#include "memblock_internal.h"

/*
 * Round every memory region inward to @align (mm/memblock.c:1855-1878).
 * A shrunk region keeps the old total_size: the kernel only updates it
 * when a region disappears.  Nothing is merged afterwards.
 */
void memblock_trim_memory(phys_addr_t align)
{
	phys_addr_t start, end, orig_start, orig_end;
	int i;

	for (i = 0; i < (int)memblock.memory.cnt; i++) {
		struct memblock_region *r = &memblock.memory.regions[i];

		orig_start = r->base;
		orig_end = r->base + r->size;
		start = mbviz_phys_wrap(round_up(orig_start, align));
		end = round_down(orig_end, align);

		if (start == orig_start && end == orig_end)
			continue;

		if (start < end) {
			r->base = start;
			r->size = end - start;
		} else {
			memblock_remove_region(&memblock.memory, i);
			i--;
		}
	}
}

/*
 * The address below which @limit bytes of memory lie, counting every
 * region (NOMAP and HOTPLUG too); PHYS_ADDR_MAX if there is less.
 */
static phys_addr_t __find_max_addr(phys_addr_t limit)
{
	phys_addr_t max_addr = PHYS_ADDR_MAX;
	struct memblock_region *r;

	for_each_mem_region(r) {
		if (limit <= r->size) {
			max_addr = r->base + limit;
			break;
		}
		limit -= r->size;
	}
	return max_addr;
}

void memblock_enforce_memory_limit(phys_addr_t limit)
{
	phys_addr_t max_addr;

	if (!limit)
		return;

	max_addr = __find_max_addr(limit);
	if (max_addr == PHYS_ADDR_MAX)
		return;

	memblock_remove_range(&memblock.memory, max_addr, PHYS_ADDR_MAX);
	memblock_remove_range(&memblock.reserved, max_addr, PHYS_ADDR_MAX);
}

/*
 * Keep only the memory inside [base, base + size), but never drop NOMAP
 * memory; cut reserved to the same window (mm/memblock.c:1717-1748).
 * No merge follows, so a NOMAP region split at the window's edge stays in
 * two pieces.
 */
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size)
{
	int start_rgn, end_rgn;
	int i, ret;

	if (!size)
		return;

	if (!memblock_memory) {
		/* After memblock_discard() the kernel reads through a NULL pointer. */
		steplog_printk(LOG_SPLAT,
			       "BUG: kernel NULL pointer dereference, address: %0*llx\n",
			       mb_machine->phys_addr_bits == 64 ? 16 : 8,
			       (unsigned long long)(mb_machine->phys_addr_bits == 64 ? 16 : 8));
		mbviz_oops("%s: memblock_memory is NULL after memblock_discard(): the kernel oopses here",
			   __func__);
	}

	if (!memblock_memory->total_size) {
		pr_warn("%s: No memory registered yet\n", __func__);
		return;
	}

	ret = memblock_isolate_range(&memblock.memory, base, size, &start_rgn, &end_rgn);
	if (ret)
		return;

	for (i = memblock.memory.cnt - 1; i >= end_rgn; i--)
		if (!memblock_is_nomap(&memblock.memory.regions[i]))
			memblock_remove_region(&memblock.memory, i);

	for (i = start_rgn - 1; i >= 0; i--)
		if (!memblock_is_nomap(&memblock.memory.regions[i]))
			memblock_remove_region(&memblock.memory, i);

	memblock_remove_range(&memblock.reserved, 0, base);
	memblock_remove_range(&memblock.reserved, mbviz_phys_wrap(base + size), PHYS_ADDR_MAX);
}

void memblock_mem_limit_remove_map(phys_addr_t limit)
{
	phys_addr_t max_addr;

	if (!limit)
		return;

	max_addr = __find_max_addr(limit);
	if (max_addr == PHYS_ADDR_MAX)
		return;

	memblock_cap_memory_range(0, max_addr);
}

void memblock_set_bottom_up(bool enable)
{
	memblock.bottom_up = enable;
}

bool memblock_bottom_up(void)
{
	return memblock.bottom_up;
}

void memblock_set_current_limit(phys_addr_t limit)
{
	memblock.current_limit = limit;
}

phys_addr_t memblock_get_current_limit(void)
{
	return memblock.current_limit;
}

void memblock_allow_resize(void)
{
	memblock_can_resize = 1;
}

/*
 * Give doubled arrays back once memblock is done (mm/memblock.c:362-392):
 * reserved first, then memory, each through memblock_free_late(); the
 * static arrays stay.  Afterwards iteration no longer filters memory.
 */
void memblock_discard(void)
{
	bool doubled = memblock.reserved.regions != memblock_reserved_init_regions ||
		       memblock.memory.regions != memblock_memory_init_regions;
	phys_addr_t addr, size;

	/* One hand-over for both frees, as one call of the kernel's code makes. */
	if (doubled)
		memblock_handover_begin(PA_CTX_FREE_LATE);
	if (memblock.reserved.regions != memblock_reserved_init_regions) {
		addr = *memblock_array_addr(&memblock.reserved);
		size = PAGE_ALIGN(memblock_region_bytes() * memblock.reserved.max);
		nested_call(memblock_free_late(addr, size));
	}

	if (memblock.memory.regions != memblock_memory_init_regions) {
		addr = *memblock_array_addr(&memblock.memory);
		size = PAGE_ALIGN(memblock_region_bytes() * memblock.memory.max);
		nested_call(memblock_free_late(addr, size));
	}
	if (doubled)
		memblock_handover_end();

	memblock_memory = NULL;
}
