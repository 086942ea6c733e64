// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memblock_free_all()'s release of one free pfn range, worked out per run
 * of alike blocks.  The kernel cuts [start, end) into naturally aligned
 * blocks, each the largest that the start's alignment allows, that fits
 * before the end and that is at most of order MAX_ORDER - 1, and hands each
 * to memblock_free_pages() (__free_pages_memory(), mm/memblock.c:2029-2043
 * in 6.1.192; 6.12.118:2124-2138 with MAX_PAGE_ORDER, the same blocks).
 * The kernel engine's hooks still get the blocks one by one;
 * pa_free_all_range() must leave exactly the state those calls leave --
 * zones' managed counts, fates, pages outside every zone, the hazard count
 * and its first instance, early_pfn_to_nid()'s cache -- and
 * tests/unit/test_pagealloc_free_all.c checks it on random machines
 * against pa_memblock_free_pages() on each block.
 *
 * The blocks:
 *  - below the first MAX_ORDER - 1 aligned pfn and in the last stretch
 *    shorter than a max-order block, the blocks are smaller: at most
 *    MAX_ORDER of them at either end, handed over one by one;
 *  - between, every block is a whole max-order block.  What
 *    memblock_free_pages() does with one depends on its first pfn only:
 *    that pfn's node (early_pfn_to_nid()), whether it lies in the node's
 *    deferred range (then the whole block is left to deferred init) and
 *    its zone (which takes the whole block in its managed count, or none
 *    does).  __free_one_page()'s buddy walk starts at the block's order,
 *    MAX_ORDER - 1, and so reads no buddy: no hazard.  So all the blocks
 *    whose first pfns lie in one run of pfns alike in node, side of the
 *    deferred range and zone are handed over at once.
 * A step costs O(regions + fate ranges + zones), whatever the memory size.
 */
#include "pagealloc_priv.h"

#define BLOCK_PAGES	((uint64_t)1 << (PA_MAX_ORDER - 1))

/* The first block of [start, end) that __free_pages_memory() frees: its order. */
static unsigned int block_order(uint64_t start, uint64_t end)
{
	/* __ffs(0) allows any order: the model's and the kernel engine's stub agree. */
	unsigned int align = start ? (unsigned int)__builtin_ctzll(start) : 63;
	unsigned int fit = 63 - (unsigned int)__builtin_clzll(end - start);
	unsigned int order = align < fit ? align : fit;

	return order < PA_MAX_ORDER - 1 ? order : PA_MAX_ORDER - 1;
}

/* The first pfn from @pfn on that starts a max-order block. */
static uint64_t block_up(uint64_t pfn)
{
	return (pfn + BLOCK_PAGES - 1) & ~(BLOCK_PAGES - 1);
}

/*
 * memblock_free_pages() of every max-order block of [start, end) (both
 * aligned), a run of alike first pfns at a time.
 */
static void free_whole_blocks(struct page_alloc *pa, uint64_t start, uint64_t end)
{
	while (start < end) {
		const struct pa_node *n;
		struct pa_zone *zone;
		uint64_t run, stop;
		int nid, zid;

		/* early_pfn_to_nid() of the first block, as memblock_free_pages() asks it. */
		run = pa_nid_run(pa, start, end, &nid);
		n = pa_find_node(pa, nid);
		if (n && start >= n->first_deferred_pfn) {
			/* early_page_uninitialised(): deferred init's, counted by the caller. */
			stop = min_u64(end, block_up(run));
			fmap_record(&pa->fates, start, stop, PF_DEFERRED);
			start = stop;
			continue;
		}
		if (n)
			run = min_u64(run, n->first_deferred_pfn);
		/* __free_pages_core(): the first page's zone takes the whole block. */
		run = pa_zone_run(pa, start, run, &zone, &nid, &zid);
		stop = min_u64(end, block_up(run));
		pa_count_released(pa, zone, start, stop);
		start = stop;
	}
}

void pa_free_all_range(struct page_alloc *pa, uint64_t start, uint64_t end)
{
	while (start < end) {
		unsigned int order;
		uint64_t whole;

		if (!(start & (BLOCK_PAGES - 1)) && end - start >= BLOCK_PAGES) {
			whole = start + ((end - start) & ~(BLOCK_PAGES - 1));
			free_whole_blocks(pa, start, whole);
			start = whole;
			continue;
		}
		order = block_order(start, end);
		pa_memblock_free_pages(pa, start, order);
		start += (uint64_t)1 << order;
	}
}
