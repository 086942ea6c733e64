// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memblock's side of the hand-over to the page allocator
 * (mm/memblock.c:1624-1647 and 2029-2137 in 6.1.192):
 * memblock_free_all() marks what memblock holds as reserved and releases
 * every free range in naturally aligned blocks; memblock_free_late() gives
 * back a range after that, page by page, without telling memblock.  The
 * page allocator on the other side is src/pagealloc.c, shared with the
 * kernel engine.
 */
#include <stdlib.h>

#include <linux/bitops.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/pfn.h>

#include "kstyle_runtime.h"
#include "memblock.h"
#include "memblock_internal.h"
#include "pagealloc.h"
#include "util/xalloc.h"

struct page_alloc *mb_page_alloc;

/*
 * The page allocator's zones exist from free_area_init() in setup_arch();
 * the model lays them out at the first hand-over, from memblock.memory as
 * it is then.
 */
void memblock_handover_begin(enum pa_context ctx)
{
	struct mb_type mem;

	memblock_type_copy(&mem, &memblock.memory);
	pa_prepare(mb_page_alloc, &mem);
	free(mem.regions);
	pa_begin(mb_page_alloc, ctx);
}

void memblock_handover_end(void)
{
	pa_end(mb_page_alloc);
}

static void reset_all_zones_managed_pages(void)
{
	int nid, z;

	if (pa_managed_reset_done(mb_page_alloc))
		return;
	for (nid = pa_next_online_node(mb_page_alloc, -1); nid >= 0;
	     nid = pa_next_online_node(mb_page_alloc, nid))
		for (z = 0; z < mb_machine->nr_zones; z++)
			pa_set_managed(mb_page_alloc, nid, z, 0);
	pa_set_managed_reset_done(mb_page_alloc);
}

/*
 * [start, end) in naturally aligned blocks, lowest pfn first: each the
 * largest that @start's alignment allows, that fits before @end and that
 * is at most MAX_ORDER - 1 (__ffs(0), pfn 0, allows any order).
 */
static void __free_pages_memory(unsigned long start, unsigned long end)
{
	while (start < end) {
		unsigned long order = min3(__ffs(start), __fls(end - start),
					   (unsigned long)PA_MAX_ORDER - 1);

		pa_memblock_free_pages(mb_page_alloc, start, order);
		start += 1UL << order;
	}
}

/* Whole pages only, and nothing from max_low_pfn up; deferred pages count too. */
static unsigned long __free_memory_core(phys_addr_t start, phys_addr_t end)
{
	unsigned long start_pfn = PFN_UP(start);
	unsigned long end_pfn = min((unsigned long)PFN_DOWN(end),
				    pa_max_low_pfn(mb_page_alloc));

	if (start_pfn >= end_pfn)
		return 0;
	__free_pages_memory(start_pfn, end_pfn);
	return end_pfn - start_pfn;
}

/* Every reserved range and every NOMAP region becomes PageReserved. */
static void memmap_init_reserved_pages(void)
{
	struct memblock_region *region;
	phys_addr_t start, end;
	u64 i;

	for_each_reserved_mem_range(i, &start, &end)
		pa_reserve_bootmem_region(mb_page_alloc, start, end);
	for_each_mem_region(region) {
		if (memblock_is_nomap(region))
			pa_reserve_bootmem_region(mb_page_alloc, region->base,
						  region->base + region->size);
	}
}

static unsigned long free_low_memory_core_early(void)
{
	unsigned long count = 0;
	phys_addr_t start, end;
	u64 i;

	memblock_clear_hotplug(0, PHYS_ADDR_MAX);
	memmap_init_reserved_pages();
	/* NUMA_NO_NODE: node 0 may have no memory, and the low memory be on another. */
	for_each_free_mem_range(i, NUMA_NO_NODE, MEMBLOCK_NONE, &start, &end, NULL)
		count += __free_memory_core(start, end);
	return count;
}

/*
 * free_unused_memmap() would run first, but only on architectures with
 * their own pfn_valid() and no vmemmap (ARM); the model is x86-like.
 */
void memblock_free_all(void)
{
	unsigned long pages;
	struct mb_type mem;
	const char *why;

	memblock_type_copy(&mem, &memblock.memory);
	why = pa_free_all_too_long(mb_page_alloc, &mem);
	if (!why)
		pa_prepare(mb_page_alloc, &mem);
	free(mem.regions);
	if (why)
		mbviz_unsupported("%s", why);

	pa_begin(mb_page_alloc, PA_CTX_FREE_ALL);
	reset_all_zones_managed_pages();
	pages = free_low_memory_core_early();
	pa_totalram_add(mb_page_alloc, pages);
	pa_set_free_all_count(mb_page_alloc, pages);
	memblock_handover_end();
}

unsigned long memblock_free_all_count(void)
{
	return pa_free_all_count(mb_page_alloc);
}

/*
 * Straight to the page allocator; the range stays in memblock.reserved.
 * Linux 6.1.y hands each page to memblock_free_pages(), which drops it when
 * it lies in a deferred range; commit 115d9d77bb used __free_pages_core()
 * instead (machine.free_late).  totalram counts every page either way.  The
 * kernel goes page by page; pa_free_late_range() reaches the same state a
 * run of alike pages at a time.
 */
void memblock_free_late(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t cursor, end;
	const char *why = pa_free_late_too_long(mb_page_alloc, base, size);

	if (why)
		mbviz_unsupported("%s", why);
	/* The zones exist before the call: anything their set-up says comes first. */
	memblock_handover_begin(PA_CTX_FREE_LATE);
	end = mbviz_phys_wrap(base + size - 1);
	memblock_dbg("%s: [%pa-%pa] %pS\n", __func__, &base, &end, (void *)_RET_IP_);
	/* kmemleak_free_part_phys(): no leak tracking in the model. */
	cursor = PFN_UP(base);
	end = PFN_DOWN(mbviz_phys_wrap(base + size));
	if (cursor < end) {
		pa_free_late_range(mb_page_alloc, cursor, end,
				   mb_machine->free_late == FREE_LATE_RELEASE_ALWAYS);
		pa_totalram_add(mb_page_alloc, (long)(end - cursor));
	}
	memblock_handover_end();
}

/*
 * page_alloc_init_late()'s deferred struct page init.  The kernel calls
 * memblock_discard() right after it; in a scenario that is a step of its
 * own.
 */
void page_alloc_init_late(void)
{
	struct mb_type mem, rsv;

	memblock_type_copy(&mem, &memblock.memory);
	memblock_type_copy(&rsv, &memblock.reserved);
	pa_prepare(mb_page_alloc, &mem);
	pa_deferred_init(mb_page_alloc, &mem, &rsv, memblock_memory != NULL);
	free(mem.regions);
	free(rsv.regions);
}
