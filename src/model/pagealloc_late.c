// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memblock_free_late() over a whole pfn range at once.  The kernel hands
 * the range to the page allocator one page at a time (mm/memblock.c:1634-
 * 1646 in 6.1.192: memblock_free_pages() or, with 115d9d77bb,
 * __free_pages_core() for each pfn), and the kernel engine's hooks still
 * get it that way; here the same outcome is worked out per run of pages
 * that behave alike, so that a step costs O(regions + fate ranges), not
 * O(pages).  pa_free_late_range() must leave exactly the state the
 * page-by-page calls leave -- zones' managed counts, fates, pages outside
 * every zone, the hazard count and its first instance, early_pfn_to_nid's
 * cache -- and tests/unit/test_pagealloc_late.c checks that it does on
 * random machines against pa_memblock_free_pages()/pa_free_pages_core().
 *
 * The runs:
 *  - early_pfn_to_nid() gives one node over a memory region (or over a
 *    gap between regions, where it gives the first online node), and the
 *    deferred range of that node starts at one pfn: below it pages are
 *    freed, from it on memblock_free_pages() drops them;
 *  - a freed page's zone is one over a fate range clipped to a zone;
 *  - __free_one_page()'s buddy walk for an order-0 page only reads struct
 *    pages inside the page's aligned MAX_ORDER-1 block.  Over whole
 *    blocks that lie in one fate range and one zone, and wholly below or
 *    wholly in the deferred range, the walk's outcome is the same in every
 *    block: no hazard, or (all uninitialised) a hazard for every page but
 *    the block's last, the first at its first page with the next page as
 *    its order-0 buddy.  Other blocks are walked page by page.
 */
#include "pagealloc_priv.h"

#define BLOCK_PAGES	((uint64_t)1 << (PA_MAX_ORDER - 1))

static uint64_t block_down(uint64_t pfn)
{
	return pfn & ~(BLOCK_PAGES - 1);
}

/*
 * The end of the run from @pfn (< @end) in which early_pfn_to_nid() gives
 * one node, *@nid; its cache is left as the page-by-page calls leave it.
 */
uint64_t pa_nid_run(struct page_alloc *pa, uint64_t pfn, uint64_t end, int *nid)
{
	const struct pa_mem *r, *next;
	uint64_t last;

	if (!pa->m.numa) {
		*nid = 0;
		return end;
	}
	if (pa->cache_start <= pfn && pfn < pa->cache_end) {
		*nid = pa->cache_nid;
		return min_u64(end, pa->cache_end);
	}
	r = pa_mem_search(pa, pfn, &next);
	*nid = pa_early_pfn_to_nid(pa, pfn);
	if (r) {
		/* Every pfn whose address is in @r: cache hits, then @r found again. */
		last = pfn_down(pa, r->base + r->size - 1);
		return min_u64(end, last + 1);
	}
	/* A gap: the first online node, up to the next region or a (stale) cache. */
	if (next)
		end = min_u64(end, max_u64(pfn + 1, pfn_up(pa, next->base)));
	if (pa->cache_start > pfn && pa->cache_start < pa->cache_end)
		end = min_u64(end, pa->cache_start);
	return end;
}

/* The next zone boundary of any node above @pfn, or UINT64_MAX. */
static uint64_t next_zone_edge(const struct page_alloc *pa, uint64_t pfn)
{
	uint64_t edge = UINT64_MAX;
	int i, z;

	for (i = 0; i < pa->nr_nodes; i++)
		for (z = 0; z < pa->m.nr_zones; z++) {
			const struct pa_zone *zone = &pa->nodes[i].zones[z];

			if (!zone->spanned)
				continue;
			if (zone->start_pfn > pfn)
				edge = min_u64(edge, zone->start_pfn);
			if (zone_end(zone) > pfn)
				edge = min_u64(edge, zone_end(zone));
		}
	return edge;
}

/*
 * page_zone() of @pfn (*@zone, NULL outside every zone) and the end of the
 * run from @pfn (< @end) over which it stays the same.
 */
uint64_t pa_zone_run(struct page_alloc *pa, uint64_t pfn, uint64_t end,
		     struct pa_zone **zone, int *nid, int *zid)
{
	int i;

	*zone = pa_page_zone(pa, pfn, nid, zid);
	if (*zone && pa->zcache_start <= pfn && pfn < pa->zcache_end)
		return min_u64(end, pa->zcache_end);
	/* Not laid out: a hole, whose zone is the first spanning it, up to the next range. */
	fmap_flush(&pa->fates);
	i = fmap_next(&pa->fates, pfn);
	if (i < pa->fates.nr && pa->fates.v[i].start <= pfn)
		return pfn + 1;	/* laid out but outside its node's zones: rare, page by page */
	if (i < pa->fates.nr)
		end = min_u64(end, pa->fates.v[i].start);
	return min_u64(end, next_zone_edge(pa, pfn));
}

void pa_count_released(struct page_alloc *pa, struct pa_zone *zone, uint64_t start, uint64_t stop)
{
	if (!zone) {
		pa->unzoned += stop - start;
		return;
	}
	zone->managed += stop - start;
	fmap_record(&pa->fates, start, stop, pa_released_fate(pa));
}

/* __free_pages_core() on [start, end) but for the buddy walk: counts and fates. */
static void account(struct page_alloc *pa, uint64_t start, uint64_t end)
{
	while (start < end) {
		struct pa_zone *zone;
		int nid, zid;
		uint64_t stop = pa_zone_run(pa, start, end, &zone, &nid, &zid);

		pa_count_released(pa, zone, start, stop);
		start = stop;
	}
}

/*
 * Whether the whole blocks from @block on (up to @end) lie in one fate
 * range and one zone, and on one side of their node's deferred range: then
 * *@stop is the end of those blocks and *@uninit says whether their struct
 * pages are uninitialised.
 */
static bool uniform_blocks(struct page_alloc *pa, uint64_t block, uint64_t end,
			   uint64_t *stop, bool *uninit)
{
	struct pa_zone *zone;
	const struct fate_range *r;
	const struct pa_node *n;
	uint64_t lim;
	int nid, zid, i;

	lim = pa_zone_run(pa, block, end, &zone, &nid, &zid);
	*uninit = false;
	i = fmap_next(&pa->fates, block);
	if (zone && i < pa->fates.nr && pa->fates.v[i].start <= block) {
		r = &pa->fates.v[i];
		n = pa_find_node(pa, r->nid);
		/* The zone's run may outlast the fate range it was first found in. */
		lim = min_u64(lim, r->end);
		if (r->fate == PF_DEFERRED) {
			*uninit = true;
		} else if (r->fate == FATE_MEMBLOCK && n) {
			if (block >= n->first_deferred_pfn)
				*uninit = true;
			else
				lim = min_u64(lim, n->first_deferred_pfn);
		}
	}
	*stop = block_down(lim);
	return *stop >= block + BLOCK_PAGES;
}

/* __free_pages_core() on every page of [start, end), in ascending order. */
static void free_core_range(struct page_alloc *pa, uint64_t start, uint64_t end)
{
	bool walk = pa->deferring && pa->ctx != PA_CTX_DEFERRED_INIT, uninit;
	uint64_t stop, nblocks;

	if (!walk) {
		account(pa, start, end);
		return;
	}
	while (start < end) {
		fmap_flush(&pa->fates);
		if (start != block_down(start) || start + BLOCK_PAGES > end ||
		    !uniform_blocks(pa, start, end, &stop, &uninit)) {
			stop = min_u64(end, block_down(start) + BLOCK_PAGES);
			for (; start < stop; start++)
				pa_free_pages_core(pa, start, 0);
			continue;
		}
		if (uninit) {
			nblocks = (stop - start) / BLOCK_PAGES;
			if (!pa->hazards) {
				pa->hazard_pfn = start;
				pa->hazard_buddy = start + 1;
				pa->hazard_order = 0;
			}
			pa->hazards += nblocks * (BLOCK_PAGES - 1);
		}
		account(pa, start, stop);
		start = stop;
	}
}

/* memblock_free_pages() on every page of [start, end), all in the deferred range. */
static void drop_range(struct page_alloc *pa, uint64_t start, uint64_t end)
{
	int i;

	if (pa->ctx == PA_CTX_FREE_ALL) {
		fmap_record(&pa->fates, start, end, PF_DEFERRED);
		return;
	}
	/* Lost, but for what deferred init will still free. */
	while (start < end) {
		const struct fate_range *r;
		uint64_t s, e;

		fmap_flush(&pa->fates);
		i = fmap_next(&pa->fates, start);
		if (i >= pa->fates.nr || pa->fates.v[i].start >= end)
			return;
		r = &pa->fates.v[i];
		s = max_u64(start, r->start);
		e = min_u64(end, r->end);
		start = e;
		if (r->fate != PF_DEFERRED)
			fmap_record(&pa->fates, s, e, PF_LOST);
	}
}

void pa_free_late_range(struct page_alloc *pa, uint64_t start, uint64_t end, bool core)
{
	const struct pa_node *n;
	uint64_t stop, split;
	int nid;

	if (core) {
		/* __free_pages_core() for every page: early_pfn_to_nid() is never asked. */
		free_core_range(pa, start, end);
		return;
	}
	while (start < end) {
		stop = pa_nid_run(pa, start, end, &nid);
		n = pa_find_node(pa, nid);
		split = n ? clamp_u64(n->first_deferred_pfn, start, stop) : stop;
		free_core_range(pa, start, split);
		drop_range(pa, split, stop);
		start = stop;
	}
}
