/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Inside the page-allocator model: its data and the helpers its files
 * share (pagealloc.c: zones, nodes, the deferred range and the hand-over
 * entry points; pagealloc_late.c: a whole memblock_free_late() range at
 * once; pagealloc_state.c: the state copied out, checkpoints).  Nothing outside src/model/pagealloc*.c includes this.
 */
#ifndef MBVIZ_PAGEALLOC_PRIV_H
#define MBVIZ_PAGEALLOC_PRIV_H

#include <stdbool.h>
#include <stdint.h>

#include "page_fates.h"
#include "pagealloc.h"

/* ULONG_MAX in first_deferred_pfn: nothing (more) deferred on the node. */
#define NO_PFN			UINT64_MAX

/*
 * Internal fates: the public ones, plus the pages memblock has not handed
 * over (before memblock_free_all, or DRIVER_MANAGED memory, which it never
 * frees).  Those are reported as PF_RESERVED: not in the buddy allocator.
 */
#define FATE_MEMBLOCK		NR_PAGE_FATES

/* enum memblock_flags, as mb_region.flags holds them. */
#define FLAG_HOTPLUG		0x1
#define FLAG_NOMAP		0x4
#define FLAG_DRIVER_MANAGED	0x8

struct pa_zone {
	uint64_t	start_pfn;
	uint64_t	spanned;
	uint64_t	present;
	int64_t		managed;	/* atomic_long_t managed_pages */
	uint64_t	unavailable;	/* memmap_init()'s holes counted here (pagealloc_unavail.c) */
};

struct pa_node {
	int		nid;
	uint64_t	start_pfn, end_pfn;
	uint64_t	first_deferred_pfn;
	struct pa_zone	zones[MACHINE_MAX_ZONES];
};

struct pa_mem {
	uint64_t	base, size;
	int		nid;
};

struct page_alloc {
	struct machine	m;
	unsigned int	page_shift;
	bool		setup;
	bool		freed_all;	/* memblock_free_all has run */
	bool		deferred_done;	/* page_alloc_init_late has run */
	bool		managed_reset_done;
	bool		deferring;	/* some node still has a first deferred pfn */
	uint64_t	max_pfn, max_low_pfn;
	unsigned long	free_all_count;
	int64_t		totalram;

	int		nr_nodes;	/* online nodes, by ascending nid */
	struct pa_node	*nodes;

	/* memblock.memory for early_pfn_to_nid(), and its one-entry cache. */
	unsigned long	nr_mem;
	struct pa_mem	*mem;
	uint64_t	cache_start, cache_end;
	int		cache_nid;

	struct fate_map	fates;
	/* page_zone()'s last answer: pfns [start, end) are all in zone @zid of node @nid. */
	uint64_t	zcache_start, zcache_end;
	int		zcache_nid, zcache_zid;

	/* The hand-over in progress; nested ones (free_late inside discard) join it. */
	enum pa_context	ctx;
	int		depth;
	unsigned long	hazards;
	uint64_t	hazard_pfn, hazard_buddy;
	unsigned int	hazard_order;
	uint64_t	unzoned;
};

static inline uint64_t phys_mask(const struct page_alloc *pa)
{
	return machine_phys_max(&pa->m);
}

/* PFN_UP, PFN_DOWN and PFN_PHYS, wrapping at the width of phys_addr_t as the kernel's do. */
static inline uint64_t pfn_up(const struct page_alloc *pa, uint64_t addr)
{
	return ((addr + pa->m.page_size - 1) & phys_mask(pa)) >> pa->page_shift;
}

static inline uint64_t pfn_down(const struct page_alloc *pa, uint64_t addr)
{
	return (addr & phys_mask(pa)) >> pa->page_shift;
}

static inline uint64_t pfn_phys(const struct page_alloc *pa, uint64_t pfn)
{
	return (pfn << pa->page_shift) & phys_mask(pa);
}

static inline uint64_t clamp_u64(uint64_t v, uint64_t lo, uint64_t hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static inline uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

static inline uint64_t max_u64(uint64_t a, uint64_t b)
{
	return a > b ? a : b;
}

/* The pfn after the zone's span. */
static inline uint64_t zone_end(const struct pa_zone *z)
{
	return z->start_pfn + z->spanned;
}

/* A fate of pages the buddy allocator has (free_all, deferred init, freed late). */
static inline bool pa_fate_released(int fate)
{
	return fate == PF_FREE_ALL || fate == PF_DEFERRED_INIT || fate == PF_FREED_LATE;
}

/* memmap_init()'s "pages in unavailable ranges" into each zone's unavailable. */
void pa_count_unavailable(struct page_alloc *pa);
/* Free what @pa holds, not @pa itself. */
void pa_release(struct page_alloc *pa);
struct pa_node *pa_find_node(const struct page_alloc *pa, int nid);
int pa_first_online_node(const struct page_alloc *pa);
/* page_zone() of @pfn: its zone, node and zone index; NULL outside every zone. */
struct pa_zone *pa_page_zone(struct page_alloc *pa, uint64_t pfn, int *nidp, int *zidp);
/*
 * The region of memblock.memory (as last prepared) holding @pfn's address,
 * or NULL; *@next, if given, is the first region above that address.
 */
const struct pa_mem *pa_mem_search(const struct page_alloc *pa, uint64_t pfn,
				   const struct pa_mem **next);
/* early_pfn_to_nid(), with the kernel's one-entry cache (pa->cache_*). */
int pa_early_pfn_to_nid(struct page_alloc *pa, uint64_t pfn);
/* A struct page that neither memmap_init nor reserve_bootmem_region has initialised. */
bool pa_uninitialised(struct page_alloc *pa, uint64_t pfn);
/* __free_one_page()'s buddy walk for a block freed at @pfn: records a hazard. */
void pa_check_buddies(struct page_alloc *pa, uint64_t pfn, unsigned int order, int nid, int zid);
/* The fate pages released in the current hand-over get. */
int pa_released_fate(const struct page_alloc *pa);
/* [start, stop) released into @zone (NULL: outside every zone): counts and fates. */
void pa_count_released(struct page_alloc *pa, struct pa_zone *zone, uint64_t start, uint64_t stop);
/* The zone of @n whose span holds @pfn, or -1. */
int pa_zone_of(const struct page_alloc *pa, const struct pa_node *n, uint64_t pfn);
/*
 * Runs of alike pages (pagealloc_late.c), each ending after @pfn and at
 * most at @end: the pfns from @pfn on for which early_pfn_to_nid() gives
 * one node, *@nid (its cache left as calls on each of them would leave
 * it); and those whose page_zone() is one, *@zone (NULL outside every
 * zone) of node *@nid, index *@zid.
 */
uint64_t pa_nid_run(struct page_alloc *pa, uint64_t pfn, uint64_t end, int *nid);
uint64_t pa_zone_run(struct page_alloc *pa, uint64_t pfn, uint64_t end,
		     struct pa_zone **zone, int *nid, int *zid);

#endif
