// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Finding free space and the allocation API (mm/memblock.c:199-342 and
 * 1352-1621).  The search walks the free ranges (memory minus reserved)
 * top-down or bottom-up and never hands out the first page, so 0 can mean
 * failure.  An allocation is a search plus memblock_reserve(); fallbacks
 * drop the node, then mirroring, and (virtual API only) the lower bound.
 *
 * The virtual API returns the physical address: the model's memory is
 * identity-mapped, and 0 stands for NULL.  Slab is never up in the model,
 * so every request goes through memblock.
 */
#include <limits.h>

#include <asm/bug.h>
#include <linux/cache.h>
#include <linux/kernel.h>
#include <linux/mm.h>

#include "contents.h"
#include "memblock.h"
#include "memblock_internal.h"

/* A free range the search passed over (mbviz's record; @rec may be NULL). */
static void skipped(struct mb_search *rec, phys_addr_t start, phys_addr_t end)
{
	if (!rec || start >= end)
		return;
	if (rec->nr_skipped < MB_MAX_SKIPPED) {
		rec->skipped[rec->nr_skipped].start = start;
		rec->skipped[rec->nr_skipped].end = end;
	}
	rec->nr_skipped++;
}

/* Lowest aligned fit, ascending through the free ranges. */
static phys_addr_t __memblock_find_range_bottom_up(phys_addr_t start, phys_addr_t end,
						   phys_addr_t size, phys_addr_t align, int nid,
						   enum memblock_flags flags, struct mb_search *rec)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range(i, nid, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);

		/* Rounding up the top of the address space wraps to 0: no fit. */
		cand = mbviz_phys_wrap(round_up(this_start, align));
		if (cand < this_end && this_end - cand >= size)
			return cand;
		skipped(rec, this_start, this_end);
	}
	return 0;
}

/* Highest aligned fit, descending through the free ranges. */
static phys_addr_t __memblock_find_range_top_down(phys_addr_t start, phys_addr_t end,
						  phys_addr_t size, phys_addr_t align, int nid,
						  enum memblock_flags flags, struct mb_search *rec)
{
	phys_addr_t this_start, this_end, cand;
	u64 i;

	for_each_free_mem_range_reverse(i, nid, flags, &this_start, &this_end, NULL) {
		this_start = clamp(this_start, start, end);
		this_end = clamp(this_end, start, end);

		if (this_end < size) {
			skipped(rec, this_start, this_end);
			continue;
		}

		cand = round_down(this_end - size, align);
		if (cand >= this_start)
			return cand;
		skipped(rec, this_start, this_end);
	}
	return 0;
}

/*
 * A free, aligned [cand, cand + size) inside [start, end) on @nid, in the
 * current direction; 0 if there is none.  An @end of ACCESSIBLE or
 * NOLEAKTRACE means the current limit.
 */
void mbviz_searches_clear(void)
{
	memblock.mbviz_nr_searches = 0;
}

/*
 * A record of the search about to run, for the allocation view (mbviz's
 * own; no effect on memblock); NULL once MB_MAX_SEARCHES are recorded.
 */
static struct mb_search *record_search(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				       phys_addr_t align, int nid, enum memblock_flags flags)
{
	if (memblock.mbviz_nr_searches >= MB_MAX_SEARCHES)
		return NULL;
	memblock.mbviz_searches[memblock.mbviz_nr_searches] = (struct mb_search){
		.start = start, .end = end, .size = size, .align = align,
		.nid = nid == NUMA_NO_NODE ? -1 : nid, .bottom_up = memblock_bottom_up(),
		.mirror = flags & MEMBLOCK_MIRROR,
	};
	return &memblock.mbviz_searches[memblock.mbviz_nr_searches++];
}

phys_addr_t memblock_find_in_range_node(phys_addr_t size, phys_addr_t align, phys_addr_t start,
					phys_addr_t end, int nid, enum memblock_flags flags)
{
	struct mb_search *rec;
	phys_addr_t found;

	if (end == MEMBLOCK_ALLOC_ACCESSIBLE || end == MEMBLOCK_ALLOC_NOLEAKTRACE)
		end = memblock.current_limit;

	/* The first page is never handed out. */
	start = max_t(phys_addr_t, start, PAGE_SIZE);
	end = max(start, end);

	rec = record_search(start, end, size, align, nid, flags);
	if (memblock_bottom_up())
		found = __memblock_find_range_bottom_up(start, end, size, align, nid, flags, rec);
	else
		found = __memblock_find_range_top_down(start, end, size, align, nid, flags, rec);
	if (rec)
		rec->found = found;
	return found;
}

/* The search memblock_double_array() uses: any node, mirror first. */
phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				   phys_addr_t align)
{
	enum memblock_flags flags = choose_memblock_flags();
	phys_addr_t ret;

again:
	ret = memblock_find_in_range_node(size, align, start, end, NUMA_NO_NODE, flags);

	if (!ret && (flags & MEMBLOCK_MIRROR)) {
		pr_warn_ratelimited("Could not allocate %pap bytes of mirrored memory\n", &size);
		flags &= ~MEMBLOCK_MIRROR;
		goto again;
	}
	return ret;
}

/* Find and reserve; 0 if the search or the reservation failed. */
static phys_addr_t find_and_reserve(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				    phys_addr_t end, int nid, enum memblock_flags flags)
{
	phys_addr_t found = memblock_find_in_range_node(size, align, start, end, nid, flags);
	int ret;

	if (!found)
		return 0;
	/* The reservation's debug line names this function's kernel caller. */
	ret = memblock_reserve(found, size);
	return ret ? 0 : found;
}

/*
 * The core of every allocation (mm/memblock.c:1373-1428): the node's
 * memory first, then any node unless @exact_nid, and, on a mirrored
 * system, all of that again without insisting on mirrored memory.  The
 * range comes back untouched: only memblock_alloc_try_nid() clears it.
 */
phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				     phys_addr_t end, int nid, bool exact_nid)
{
	enum memblock_flags flags = choose_memblock_flags();
	phys_addr_t found;

	if (WARN_ONCE_AT(KFILE, 1381, nid == MAX_NUMNODES,
			 "Usage of MAX_NUMNODES is deprecated. Use NUMA_NO_NODE instead\n"))
		nid = NUMA_NO_NODE;

	if (!align) {
		/* The kernel only dumps the stack here, without a message. */
		dump_stack();
		align = SMP_CACHE_BYTES;
	}

again:
	nested_call(found = find_and_reserve(size, align, start, end, nid, flags));
	if (found)
		goto done;

	if (nid != NUMA_NO_NODE && !exact_nid) {
		nested_call(found = find_and_reserve(size, align, start, end, NUMA_NO_NODE,
						     flags));
		if (found)
			goto done;
	}

	if (flags & MEMBLOCK_MIRROR) {
		flags &= ~MEMBLOCK_MIRROR;
		pr_warn_ratelimited("Could not allocate %pap bytes of mirrored memory\n", &size);
		goto again;
	}

	return 0;

done:
	contents_set(found, size, CONTENT_UNTOUCHED);
	return found;
}

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				      phys_addr_t end)
{
	memblock_dbg("%s: %llu bytes align=0x%llx from=%pa max_addr=%pa %pS\n", __func__,
		     (u64)size, (u64)align, &start, &end, (void *)_RET_IP_);
	return memblock_alloc_range_nid(size, align, start, end, NUMA_NO_NODE, false);
}

phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align, int nid)
{
	return memblock_alloc_range_nid(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE, nid, false);
}

/*
 * The virtual API's common part (mm/memblock.c:1493-1523): the upper
 * bound never goes past current_limit, and the lower bound is only a
 * preference that is dropped when nothing fits above it.
 */
static phys_addr_t memblock_alloc_internal(phys_addr_t size, phys_addr_t align,
					   phys_addr_t min_addr, phys_addr_t max_addr,
					   int nid, bool exact_nid)
{
	phys_addr_t alloc;

	if (max_addr > memblock.current_limit)
		max_addr = memblock.current_limit;

	alloc = memblock_alloc_range_nid(size, align, min_addr, max_addr, nid, exact_nid);

	if (!alloc && min_addr)
		alloc = memblock_alloc_range_nid(size, align, 0, max_addr, nid, exact_nid);

	return alloc;
}

phys_addr_t memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align,
					 phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa %pS\n",
		     __func__, (u64)size, (u64)align, nid, &min_addr, &max_addr,
		     (void *)_RET_IP_);
	return memblock_alloc_internal(size, align, min_addr, max_addr, nid, true);
}

phys_addr_t memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align,
				       phys_addr_t min_addr, phys_addr_t max_addr, int nid)
{
	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa %pS\n",
		     __func__, (u64)size, (u64)align, nid, &min_addr, &max_addr,
		     (void *)_RET_IP_);
	return memblock_alloc_internal(size, align, min_addr, max_addr, nid, false);
}

/* Like the _raw variant, and the memory comes back zeroed. */
phys_addr_t memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				   phys_addr_t max_addr, int nid)
{
	phys_addr_t ptr;

	memblock_dbg("%s: %llu bytes align=0x%llx nid=%d from=%pa max_addr=%pa %pS\n",
		     __func__, (u64)size, (u64)align, nid, &min_addr, &max_addr,
		     (void *)_RET_IP_);
	ptr = memblock_alloc_internal(size, align, min_addr, max_addr, nid, false);
	if (ptr)
		contents_set(ptr, size, CONTENT_ZEROED);
	return ptr;
}
