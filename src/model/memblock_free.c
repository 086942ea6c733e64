// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memblock's side of the hand-over to the page allocator
 * (mm/memblock.c:1624-1647 and 2029-2137 in 6.1.192; 2124-2271 in 6.12.118):
 * memblock_free_all() marks what memblock holds as reserved and releases
 * every free range in naturally aligned blocks; memblock_free_late() gives
 * back a range after that, page by page, without telling memblock.  The
 * model works both walks out per run of alike blocks or pages
 * (pagealloc_free_all.c, pagealloc_late.c), so neither has a size limit
 * here; the kernel engine, which runs the real walks, keeps PA_MAX_WALK.  The
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
 * is at most MAX_ORDER - 1 (__ffs(0), pfn 0, allows any order), each given
 * to memblock_free_pages().  pa_free_all_range() reaches the state those
 * calls leave a run of alike blocks at a time, whatever the memory size.
 */
static void __free_pages_memory(unsigned long start, unsigned long end)
{
	pa_free_all_range(mb_page_alloc, start, end);
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

/*
 * 6.12 (mm/memblock.c 6.12:2165-2212): first every reservation gets the
 * node of the memory under it -- memblock_set_node() on reserved for each
 * memory region, which splits reservations at memory-region boundaries,
 * may double the reserved array (or panic if it may not) and then starts
 * over -- with NOMAP regions made PageReserved on the way; then every
 * reserved region without MEMBLOCK_RSRV_NOINIT becomes PageReserved.
 * NOINIT regions are skipped: their struct pages stay uninitialised, and
 * the pages stay memblock's.  The node 6.12 passes to
 * reserve_bootmem_region() (the region's, else early_pfn_to_nid() of its
 * first page) only picks which node's struct pages are initialised.
 */
static void memmap_init_reserved_pages_v612(void)
{
	struct memblock_region *region;
	unsigned long max_reserved;

repeat:
	max_reserved = memblock.reserved.max;
	for_each_mem_region(region) {
		int nid = memblock_get_region_node(region);
		phys_addr_t start = region->base, size = region->size;

		if (memblock_is_nomap(region))
			pa_reserve_bootmem_region(mb_page_alloc, start, start + size);
		/* Its return value is ignored, as the kernel does. */
		nested_call(memblock_set_node(start, size, &memblock.reserved, nid));
	}
	if (max_reserved != memblock.reserved.max)
		goto repeat;

	for_each_reserved_mem_region(region) {
		if (memblock_is_reserved_noinit(region))
			continue;
		pa_reserve_bootmem_region(mb_page_alloc, region->base,
					  region->base + region->size);
	}
}

/* Every reserved range and every NOMAP region becomes PageReserved (6.1:2060-2078). */
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
	if (mb_v612())
		memmap_init_reserved_pages_v612();
	else
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

	memblock_type_copy(&mem, &memblock.memory);
	pa_prepare(mb_page_alloc, &mem);
	free(mem.regions);

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
