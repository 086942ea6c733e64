/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The page allocator as memblock meets it at the end of boot: nodes and
 * zones (free_area_init), the first deferred pfn of each node
 * (memmap_init with CONFIG_DEFERRED_STRUCT_PAGE_INIT), and the entry points
 * through which memblock hands pages over (memblock_free_pages,
 * __free_pages_core, reserve_bootmem_region, totalram, managed counts,
 * for_each_online_pgdat), then deferred_init_memmap at page_alloc_init_late.
 *
 * Both engines drive the same model: the model engine from its own
 * memblock_free_all()/memblock_free_late() (src/memblock_free.c), a kernel
 * engine from the real mm/memblock.c through its shim's hooks.  Nothing
 * here knows which memblock is on the other side.
 *
 * Every count is kept in ranges of page frames, never per page, so the
 * cost follows the number of regions and calls, not the size of memory.
 */
#ifndef MBVIZ_PAGEALLOC_H
#define MBVIZ_PAGEALLOC_H

#include <stdbool.h>
#include <stdint.h>

#include "core/machine.h"
#include "core/state.h"

/* 6.1's MAX_ORDER: blocks of order 0 .. MAX_ORDER - 1 (4 MiB with 4K pages). */
#define PA_MAX_ORDER		11
/* pageblock_order on x86 (HUGETLB_PAGE_ORDER), what deferred init frees at once. */
#define PA_PAGEBLOCK_ORDER	9

struct page_alloc;

/*
 * memblock_free_all() walks free memory in MAX_ORDER blocks and
 * memblock_free_late() page by page.  The model works both out per run of
 * alike pages, whatever their number; the kernel engine runs the real
 * walk, whose every block or page reaches the page allocator through a
 * hook, and refuses a walk longer than this (256 TiB, 256 GiB at 4K pages)
 * rather than run for hours.
 */
#define PA_MAX_WALK		(1ULL << 26)

/* Which of memblock's hand-overs is running: it decides what a freed page becomes. */
enum pa_context {
	PA_CTX_NONE,
	PA_CTX_FREE_ALL,	/* memblock_free_all() */
	PA_CTX_FREE_LATE,	/* memblock_free_late(), also from memblock_discard() */
	PA_CTX_DEFERRED_INIT,	/* deferred_init_memmap() in page_alloc_init_late() */
};

struct page_alloc *pa_create(void);
void pa_destroy(struct page_alloc *pa);
/* A fresh boot on @m: no zones until the first pa_prepare(). */
void pa_reset(struct page_alloc *pa, const struct machine *m);

/*
 * Before each hand-over, with memblock.memory as it is now (@memory: cnt
 * regions, the empty dummy included): the first time, free_area_init()
 * and memmap_init() lay the zones out from it, and true is returned; every
 * time, it becomes what early_pfn_to_nid() reads (memblock_search_pfn_nid).
 */
bool pa_prepare(struct page_alloc *pa, const struct mb_type *memory);
bool pa_is_setup(const struct page_alloc *pa);
unsigned long pa_max_low_pfn(const struct page_alloc *pa);
unsigned long pa_max_pfn(const struct page_alloc *pa);

/*
 * Around one hand-over; pa_end() records the step's hazard warning, if
 * any.  They nest: an inner pair (memblock_free_late() called by
 * memblock_discard()) belongs to the outer one, whose pa_end() reports.
 */
void pa_begin(struct page_alloc *pa, enum pa_context ctx);
enum pa_context pa_context(const struct page_alloc *pa);
void pa_end(struct page_alloc *pa);

/* The page allocator's side of the calls mm/memblock.c makes. */
void pa_memblock_free_pages(struct page_alloc *pa, unsigned long pfn, unsigned int order);
void pa_free_pages_core(struct page_alloc *pa, unsigned long pfn, unsigned int order);
/*
 * memblock_free_late()'s pages [start, end) as the page-by-page calls
 * would leave them: pa_free_pages_core() on each when @core (115d9d77bb),
 * else pa_memblock_free_pages(); in O(regions + fate ranges), not O(pages).
 */
void pa_free_late_range(struct page_alloc *pa, uint64_t start, uint64_t end, bool core);
/*
 * memblock_free_all()'s __free_pages_memory(start, end) inside a
 * PA_CTX_FREE_ALL hand-over: the state pa_memblock_free_pages() on each of
 * its naturally aligned blocks would leave, in O(regions + fate ranges).
 */
void pa_free_all_range(struct page_alloc *pa, uint64_t start, uint64_t end);
void pa_reserve_bootmem_region(struct page_alloc *pa, uint64_t start, uint64_t end);
void pa_totalram_add(struct page_alloc *pa, long count);
void pa_set_managed(struct page_alloc *pa, int nid, int zone, long value);
/* for_each_online_pgdat(): the first is pa_next_online_node(pa, -1); -1 ends. */
int pa_next_online_node(const struct page_alloc *pa, int nid);

/* mm/memblock.c's reset_managed_pages_done and what memblock_free_all() counted. */
bool pa_managed_reset_done(const struct page_alloc *pa);
void pa_set_managed_reset_done(struct page_alloc *pa);
void pa_set_free_all_count(struct page_alloc *pa, unsigned long count);
unsigned long pa_free_all_count(const struct page_alloc *pa);

/*
 * deferred_init_memmap() for every node: release the pages from each
 * node's first deferred pfn that are free in memblock now (@memory minus
 * @reserved, MEMBLOCK_NONE; @filter is false once memblock_discard() has
 * cleared memblock_memory, and then nothing is skipped).
 */
void pa_deferred_init(struct page_alloc *pa, const struct mb_type *memory,
		      const struct mb_type *reserved, bool filter);

/*
 * How many steps the kernel's walk of a hand-over would take:
 * memblock_free_all() over @memory, memblock_free_late(@base, @size); NULL
 * if at most PA_MAX_WALK, else why the kernel engine refuses it (a static
 * string).
 */
const char *pa_free_all_too_long(const struct page_alloc *pa, const struct mb_type *memory);
/* The walks' lengths themselves: an upper bound of the blocks, the pages. */
uint64_t pa_free_all_walk(const struct page_alloc *pa, const struct mb_type *memory);
uint64_t pa_free_late_walk(const struct page_alloc *pa, uint64_t base, uint64_t size);
const char *pa_free_late_too_long(const struct page_alloc *pa, uint64_t base, uint64_t size);

/* The zones, nodes and page fates into @out (which holds memblock's part already). */
void pa_get_state(struct page_alloc *pa, struct mb_state *out);

void *pa_save(struct page_alloc *pa);
void pa_restore(struct page_alloc *pa, const void *saved);
void pa_free_saved(void *saved);

/*
 * Zone arithmetic, exposed for the unit tests: the first deferred pfn that
 * defer_init() picks for one range [start, end) of a node's top zone,
 * given the pages of that zone initialised before it; returns ULONG_MAX
 * (as UINT64_MAX) when the range ends first, and adds what it initialised
 * to *nr_initialised.
 */
uint64_t pa_defer_in_range(uint64_t start, uint64_t end, uint64_t pages_per_section,
			   uint64_t *nr_initialised);

#endif
