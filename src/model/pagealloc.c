// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The page-allocator model (see pagealloc.h), after Linux 6.1.192's
 * mm/page_alloc.c: free_area_init() and calculate_node_totalpages() for
 * the zones, memmap_init() and defer_init() for each node's first deferred
 * pfn, memblock_free_pages() and early_page_uninitialised() for what
 * memblock_free_all() and memblock_free_late() hand over, and
 * deferred_init_memmap() for page_alloc_init_late().
 *
 * What became of each page frame of memblock.memory is kept in a fate map
 * (page_fates.c), in ranges.
 */
#include <stdlib.h>
#include <string.h>

#include "page_fates.h"
#include "pagealloc.h"
#include "core/steplog.h"
#include "pagealloc_priv.h"
#include "util/xalloc.h"

/* memblock_get_region_node(): the node a region reports, 0 without NUMA. */
static int region_nid(const struct page_alloc *pa, const struct mb_region *r)
{
	return pa->m.numa ? r->nid : 0;
}

/* ---- nodes and zones ------------------------------------------------- */

struct pa_node *pa_find_node(const struct page_alloc *pa, int nid)
{
	int lo = 0, hi = pa->nr_nodes;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (pa->nodes[mid].nid == nid)
			return &pa->nodes[mid];
		if (pa->nodes[mid].nid < nid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static struct pa_node *add_node(struct page_alloc *pa, int nid)
{
	struct pa_node *n = pa_find_node(pa, nid);
	int i;

	if (n)
		return n;
	pa->nodes = xrealloc(pa->nodes, (pa->nr_nodes + 1) * sizeof(*pa->nodes));
	for (i = pa->nr_nodes; i > 0 && pa->nodes[i - 1].nid > nid; i--)
		pa->nodes[i] = pa->nodes[i - 1];
	n = &pa->nodes[i];
	memset(n, 0, sizeof(*n));
	n->nid = nid;
	n->start_pfn = UINT64_MAX;
	n->first_deferred_pfn = NO_PFN;
	pa->nr_nodes++;
	return n;
}

static void update_deferring(struct page_alloc *pa)
{
	int i;

	pa->deferring = false;
	for (i = 0; i < pa->nr_nodes; i++)
		if (pa->nodes[i].first_deferred_pfn != NO_PFN)
			pa->deferring = true;
}

/* The zone of @n whose span holds @pfn (page_zone() of an initialised page). */
int pa_zone_of(const struct page_alloc *pa, const struct pa_node *n, uint64_t pfn)
{
	int z;

	for (z = 0; z < pa->m.nr_zones; z++)
		if (n->zones[z].spanned && pfn >= n->zones[z].start_pfn &&
		    pfn < zone_end(&n->zones[z]))
			return z;
	return -1;
}

/* The pfn range of region @r as for_each_mem_pfn_range() gives it; false if empty. */
static bool region_pfns(const struct page_alloc *pa, const struct mb_region *r,
			uint64_t *s, uint64_t *e)
{
	*s = pfn_up(pa, r->base);
	*e = pfn_down(pa, r->base + r->size);
	return *s < *e;
}

/* A region whose node the page allocator can use: NODE_DATA(nid) exists. */
static bool valid_nid(const struct page_alloc *pa, int nid)
{
	return nid >= 0 && nid < pa->m.max_numnodes;
}

/* Pages of @nid's memory in [start, end): the complement of __absent_pages_in_range(). */
static uint64_t present_in(const struct page_alloc *pa, const struct mb_type *memory, int nid,
			   uint64_t start, uint64_t end)
{
	uint64_t present = 0, s, e;
	unsigned long i;

	for (i = 0; i < memory->cnt; i++) {
		const struct mb_region *r = &memory->regions[i];

		if (!region_pfns(pa, r, &s, &e) || region_nid(pa, r) != nid)
			continue;
		s = clamp_u64(s, start, end);
		e = clamp_u64(e, start, end);
		present += e - s;
	}
	return present;
}

/*
 * The zone bounds of free_area_init(): x86's zone_sizes_init() caps every
 * zone below the last at max_low_pfn and ends the last one at max_pfn;
 * zones are laid from the start of DRAM upwards, an empty one where a
 * zone ends below the previous.
 */
static void zone_bounds(struct page_alloc *pa, uint64_t start_pfn, uint64_t *low, uint64_t *high)
{
	int z, last = pa->m.nr_zones - 1;
	uint64_t max_zone, s = start_pfn;

	for (z = 0; z <= last; z++) {
		if (z == last)
			max_zone = pa->max_pfn;
		else
			max_zone = min_u64(pfn_down(pa, pa->m.zones[z].end), pa->max_low_pfn);
		low[z] = s;
		high[z] = max_u64(max_zone, s);
		s = high[z];
	}
}

/* calculate_node_totalpages() without ZONE_MOVABLE. */
static void node_zones(struct page_alloc *pa, const struct mb_type *memory, struct pa_node *n,
		       const uint64_t *low, const uint64_t *high)
{
	uint64_t ns = n->start_pfn, ne = n->end_pfn;
	int z;

	for (z = 0; z < pa->m.nr_zones; z++) {
		struct pa_zone *zone = &n->zones[z];
		uint64_t zs, ze, spanned = 0, absent = 0;

		memset(zone, 0, sizeof(*zone));
		if (!ns && !ne)
			continue;
		zs = clamp_u64(ns, low[z], high[z]);
		ze = clamp_u64(ne, low[z], high[z]);
		/* zone_absent_pages_in_node() counts the holes of the clamped span. */
		absent = (ze - zs) - present_in(pa, memory, n->nid, zs, ze);
		if (!(ze < ns || zs > ne)) {
			ze = min_u64(ze, ne);
			zs = max_u64(zs, ns);
			spanned = ze - zs;
		}
		if (spanned) {
			zone->start_pfn = zs;
			zone->spanned = spanned;
			zone->present = spanned - absent;
		}
	}
}

uint64_t pa_defer_in_range(uint64_t start, uint64_t end, uint64_t pages_per_section,
			   uint64_t *nr_initialised)
{
	uint64_t need, pfn;

	if (start >= end)
		return NO_PFN;
	/* defer_init() counts each pfn, then defers at an aligned one past a section. */
	need = *nr_initialised > pages_per_section ? 1 : pages_per_section + 1 - *nr_initialised;
	pfn = start + need - 1;
	pfn = (pfn + pages_per_section - 1) & ~(pages_per_section - 1);
	if (pfn < end) {
		*nr_initialised += pfn - start + 1;
		return pfn;
	}
	*nr_initialised += end - start;
	return NO_PFN;
}

/*
 * memmap_init() as far as deferral goes: the ranges of memblock.memory in
 * order, each clipped to every populated zone of its node, with
 * defer_init()'s two function-static counters shared across all of them.
 */
static void choose_first_deferred(struct page_alloc *pa, const struct mb_type *memory)
{
	uint64_t pps = pa->m.section_size >> pa->page_shift;
	uint64_t prev_end_pfn = 0, nr_initialised = 0, s, e;
	unsigned long i;

	for (i = 0; i < memory->cnt; i++) {
		const struct mb_region *r = &memory->regions[i];
		struct pa_node *n;
		int z;

		if (!region_pfns(pa, r, &s, &e) || !(n = pa_find_node(pa, region_nid(pa, r))))
			continue;
		for (z = 0; z < pa->m.nr_zones; z++) {
			const struct pa_zone *zone = &n->zones[z];
			uint64_t cs, ce, pfn;

			if (!zone->present)
				continue;
			cs = clamp_u64(s, zone->start_pfn, zone_end(zone));
			ce = clamp_u64(e, zone->start_pfn, zone_end(zone));
			if (cs >= ce)
				continue;
			/*
			 * 6.1 starts counting again at every new zone end
			 * (page_alloc.c 6.1:489-521); 6.12 only once past the
			 * two early returns (mm_init.c 6.12:687-722), that
			 * is, in a node's top zone before it defers.
			 */
			if (pa->m.kernel != KERNEL_6_12 && prev_end_pfn != zone_end(zone)) {
				prev_end_pfn = zone_end(zone);
				nr_initialised = 0;
			}
			/* Only the zone that reaches the node's end is deferred. */
			if (zone_end(zone) < n->end_pfn || n->first_deferred_pfn != NO_PFN)
				continue;
			if (pa->m.kernel == KERNEL_6_12 && prev_end_pfn != zone_end(zone)) {
				prev_end_pfn = zone_end(zone);
				nr_initialised = 0;
			}
			pfn = pa_defer_in_range(cs, ce, pps, &nr_initialised);
			if (pfn != NO_PFN)
				n->first_deferred_pfn = pfn;
		}
	}
	update_deferring(pa);
}

/* ---- page fates -------------------------------------------------------- */

/* The zone of a page's struct page, or NULL for a pfn outside every zone. */
struct pa_zone *pa_page_zone(struct page_alloc *pa, uint64_t pfn, int *nidp, int *zidp)
{
	struct pa_node *n = NULL;
	int nid, z, i, f;

	/* A range's node never changes once laid out, nor do the zones: cache. */
	if (pfn >= pa->zcache_start && pfn < pa->zcache_end) {
		n = pa_find_node(pa, pa->zcache_nid);
		*nidp = pa->zcache_nid;
		*zidp = pa->zcache_zid;
		return &n->zones[pa->zcache_zid];
	}
	f = fmap_find(&pa->fates, pfn);
	if (f >= 0) {
		nid = pa->fates.v[f].nid;
		n = pa_find_node(pa, nid);
	}
	if (n && (z = pa_zone_of(pa, n, pfn)) >= 0) {
		pa->zcache_start = max_u64(pa->fates.v[f].start, n->zones[z].start_pfn);
		pa->zcache_end = min_u64(pa->fates.v[f].end, zone_end(&n->zones[z]));
		pa->zcache_nid = n->nid;
		pa->zcache_zid = z;
		goto found;
	}
	/* Not memory: a hole's struct page belongs to the zone spanning it. */
	for (i = 0; i < pa->nr_nodes; i++) {
		n = &pa->nodes[i];
		if ((z = pa_zone_of(pa, n, pfn)) >= 0)
			goto found;
	}
	return NULL;
found:
	*nidp = n->nid;
	*zidp = z;
	return &n->zones[z];
}

/* ---- early_pfn_to_nid and the deferred range --------------------------- */

int pa_first_online_node(const struct page_alloc *pa)
{
	return pa->nr_nodes ? pa->nodes[0].nid : pa->m.max_numnodes;
}

const struct pa_mem *pa_mem_search(const struct page_alloc *pa, uint64_t pfn,
				   const struct pa_mem **next)
{
	uint64_t addr = pfn_phys(pa, pfn);
	unsigned long lo = 0, hi = pa->nr_mem;

	while (lo < hi) {
		unsigned long mid = (lo + hi) / 2;
		const struct pa_mem *r = &pa->mem[mid];

		if (addr < r->base) {
			hi = mid;
		} else if (addr >= r->base + r->size) {
			lo = mid + 1;
		} else {
			if (next)
				*next = mid + 1 < pa->nr_mem ? r + 1 : NULL;
			return r;
		}
	}
	if (next)
		*next = lo < pa->nr_mem ? &pa->mem[lo] : NULL;
	return NULL;
}

/* __early_pfn_to_nid() with its cache, over memblock_search_pfn_nid(). */
int pa_early_pfn_to_nid(struct page_alloc *pa, uint64_t pfn)
{
	const struct pa_mem *r;

	if (!pa->m.numa)
		return 0;
	if (pa->cache_start <= pfn && pfn < pa->cache_end)
		return pa->cache_nid;
	r = pa_mem_search(pa, pfn, NULL);
	if (!r)
		return pa_first_online_node(pa);
	pa->cache_start = pfn_down(pa, r->base);
	pa->cache_end = pfn_down(pa, r->base + r->size);
	pa->cache_nid = r->nid;
	return r->nid;
}

static bool early_page_uninitialised(struct page_alloc *pa, uint64_t pfn)
{
	const struct pa_node *n = pa_find_node(pa, pa_early_pfn_to_nid(pa, pfn));

	return n && pfn >= n->first_deferred_pfn;
}

/* A struct page that neither memmap_init nor reserve_bootmem_region has initialised. */
bool pa_uninitialised(struct page_alloc *pa, uint64_t pfn)
{
	const struct pa_node *n;
	int nid, fate = fmap_at(&pa->fates, pfn, &nid);

	if (fate == PF_DEFERRED)
		return true;
	if (fate != FATE_MEMBLOCK || !(n = pa_find_node(pa, nid)))
		return false;
	return pfn >= n->first_deferred_pfn;
}

/*
 * What __free_one_page() would do with a block freed at @pfn: at each
 * order it reads the struct page of the buddy, and merges when the buddy
 * is a free block of that order in the same zone.  A buddy that deferred
 * init has not initialised yet is raw memmap: the read is the hazard that
 * got 115d9d77bb reverted.  Holes count as initialised (they are reserved
 * by init_unavailable_range), so merging stops there.
 */
void pa_check_buddies(struct page_alloc *pa, uint64_t pfn, unsigned int order,
			  int nid, int zid)
{
	const struct pa_zone *zone = &pa_find_node(pa, nid)->zones[zid];
	unsigned int k;

	for (k = order; k < PA_MAX_ORDER - 1; k++) {
		uint64_t buddy = pfn ^ ((uint64_t)1 << k), end = buddy + ((uint64_t)1 << k);
		int bnid, bzid;

		if (pa_uninitialised(pa, buddy)) {
			if (!pa->hazards++) {
				pa->hazard_pfn = pfn;
				pa->hazard_buddy = buddy;
				pa->hazard_order = k;
			}
			return;
		}
		if (buddy < zone->start_pfn || end > zone_end(zone) ||
		    !pa_page_zone(pa, buddy, &bnid, &bzid) || bnid != nid || bzid != zid ||
		    !fmap_all(&pa->fates, buddy, end, pa_fate_released))
			return;
		pfn &= ~((uint64_t)1 << k);
	}
}

/* ---- the entry points memblock calls ----------------------------------- */

int pa_released_fate(const struct page_alloc *pa)
{
	switch (pa->ctx) {
	case PA_CTX_FREE_ALL:
		return PF_FREE_ALL;
	case PA_CTX_DEFERRED_INIT:
		return PF_DEFERRED_INIT;
	default:
		return PF_FREED_LATE;
	}
}

void pa_free_pages_core(struct page_alloc *pa, unsigned long pfn, unsigned int order)
{
	uint64_t nr = (uint64_t)1 << order;
	struct pa_zone *zone;
	int nid, zid;

	zone = pa_page_zone(pa, pfn, &nid, &zid);
	if (!zone) {
		pa->unzoned += nr;
		return;
	}
	if (pa->deferring && pa->ctx != PA_CTX_DEFERRED_INIT)
		pa_check_buddies(pa, pfn, order, nid, zid);
	zone->managed += nr;
	fmap_record(&pa->fates, pfn, pfn + nr, pa_released_fate(pa));
}

void pa_memblock_free_pages(struct page_alloc *pa, unsigned long pfn, unsigned int order)
{
	uint64_t nr = (uint64_t)1 << order, p;
	int nid;

	if (!early_page_uninitialised(pa, pfn)) {
		/* Without KMSAN kmsan_memblock_free_pages() lets every page through. */
		pa_free_pages_core(pa, pfn, order);
		return;
	}
	if (pa->ctx == PA_CTX_FREE_ALL) {
		/* Counted in totalram by the caller, left for deferred init. */
		fmap_record(&pa->fates, pfn, pfn + nr, PF_DEFERRED);
		return;
	}
	/*
	 * Dropped outside memblock_free_all: a page that was reserved stays
	 * PageReserved for good, since deferred init only frees what is free
	 * in memblock.  A free deferred page is still deferred init's.
	 */
	for (p = pfn; p < pfn + nr; p++)
		if (fmap_at(&pa->fates, p, &nid) != PF_DEFERRED)
			fmap_record(&pa->fates, p, p + 1, PF_LOST);
}

void pa_reserve_bootmem_region(struct page_alloc *pa, uint64_t start, uint64_t end)
{
	uint64_t s = pfn_down(pa, start), e = pfn_up(pa, end);

	/* Every page even partly reserved is PageReserved (its struct page initialised). */
	if (s < e)
		fmap_record(&pa->fates, s, e, PF_RESERVED);
}

void pa_totalram_add(struct page_alloc *pa, long count)
{
	pa->totalram += count;
}

void pa_set_managed(struct page_alloc *pa, int nid, int zone, long value)
{
	struct pa_node *n = pa_find_node(pa, nid);

	if (n && zone >= 0 && zone < pa->m.nr_zones)
		n->zones[zone].managed = value;
}

int pa_next_online_node(const struct page_alloc *pa, int nid)
{
	int i;

	for (i = 0; i < pa->nr_nodes; i++)
		if (pa->nodes[i].nid > nid)
			return pa->nodes[i].nid;
	return -1;
}

bool pa_managed_reset_done(const struct page_alloc *pa)
{
	return pa->managed_reset_done;
}

void pa_set_managed_reset_done(struct page_alloc *pa)
{
	pa->managed_reset_done = true;
}

void pa_set_free_all_count(struct page_alloc *pa, unsigned long count)
{
	pa->free_all_count = count;
}

unsigned long pa_free_all_count(const struct page_alloc *pa)
{
	return pa->free_all_count;
}

void pa_begin(struct page_alloc *pa, enum pa_context ctx)
{
	pa->ctx = ctx;
	if (pa->depth++)
		return;
	pa->hazards = 0;
	pa->unzoned = 0;
	if (ctx == PA_CTX_FREE_ALL)
		pa->freed_all = true;
}

enum pa_context pa_context(const struct page_alloc *pa)
{
	return pa->ctx;
}

void pa_end(struct page_alloc *pa)
{
	fmap_flush(&pa->fates);
	if (pa->depth > 1) {
		pa->depth--;
		return;
	}
	pa->depth = 0;
	/* Free memory from max_low_pfn up was not released (highmem: the arch frees it later). */
	if (pa->ctx == PA_CTX_FREE_ALL)
		fmap_relabel(&pa->fates, pa->max_low_pfn, FATE_MEMBLOCK, PF_ABOVE_LOW, -1);
	if (pa->hazards)
		steplog_printk(LOG_WARN, "mbviz: %lu page(s) reached __free_one_page() while a "
			       "buddy was an uninitialised deferred struct page (first: pfn %#llx, "
			       "buddy pfn %#llx at order %u): the kernel reads raw memmap there, the "
			       "hazard that reverted 115d9d77bb (647037adcad0)\n",
			       pa->hazards, (unsigned long long)pa->hazard_pfn,
			       (unsigned long long)pa->hazard_buddy, pa->hazard_order);
	if (pa->unzoned)
		steplog_printk(LOG_WARN, "mbviz: %llu page(s) freed outside every zone: no "
			       "managed count took them\n",
			       (unsigned long long)pa->unzoned);
	pa->ctx = PA_CTX_NONE;
}

/* ---- set-up and deferred init (the state: pagealloc_state.c) ---------- */

struct page_alloc *pa_create(void)
{
	return xzalloc(sizeof(struct page_alloc));
}

void pa_release(struct page_alloc *pa)
{
	free(pa->nodes);
	free(pa->mem);
	fmap_free(&pa->fates);
}

void pa_destroy(struct page_alloc *pa)
{
	if (!pa)
		return;
	pa_release(pa);
	free(pa);
}

void pa_reset(struct page_alloc *pa, const struct machine *m)
{
	pa_release(pa);
	memset(pa, 0, sizeof(*pa));
	pa->m = *m;
	pa->page_shift = (unsigned int)__builtin_ctzll(m->page_size);
}

bool pa_is_setup(const struct page_alloc *pa)
{
	return pa->setup;
}

unsigned long pa_max_low_pfn(const struct page_alloc *pa)
{
	return (unsigned long)pa->max_low_pfn;
}

unsigned long pa_max_pfn(const struct page_alloc *pa)
{
	return (unsigned long)pa->max_pfn;
}

static void set_memory(struct page_alloc *pa, const struct mb_type *memory)
{
	unsigned long i;

	pa->mem = xrealloc(pa->mem, (memory->cnt ? memory->cnt : 1) * sizeof(*pa->mem));
	pa->nr_mem = 0;
	for (i = 0; i < memory->cnt; i++) {
		const struct mb_region *r = &memory->regions[i];

		if (!r->size)
			continue;
		pa->mem[pa->nr_mem++] = (struct pa_mem){ r->base, r->size, region_nid(pa, r) };
	}
}

/* The index of the zone named HighMem, or -1. */
static int highmem_zone(const struct page_alloc *pa)
{
	int z;

	for (z = 1; z < pa->m.nr_zones; z++)
		if (!strcmp(pa->m.zones[z].name, "HighMem"))
			return z;
	return -1;
}

static void setup(struct page_alloc *pa, const struct mb_type *memory)
{
	uint64_t low[MACHINE_MAX_ZONES], high[MACHINE_MAX_ZONES], s, e, start_pfn;
	const struct mb_region *last;
	unsigned long i, unassigned = 0;
	int h, j;

	pa->setup = true;
	pa->zcache_start = pa->zcache_end = 0;
	set_memory(pa, memory);
	/*
	 * max_pfn: the end of RAM; max_low_pfn below HighMem where there is one.
	 * 6.12's empty memory has cnt 0 and no last region: no RAM, as 6.1's
	 * empty dummy says (the copy's array always has a zeroed slot 0).
	 */
	last = &memory->regions[memory->cnt ? memory->cnt - 1 : 0];
	pa->max_pfn = pfn_down(pa, last->base + last->size);
	pa->max_low_pfn = pa->max_pfn;
	h = highmem_zone(pa);
	if (h > 0)
		pa->max_low_pfn = min_u64(pa->max_pfn, pfn_down(pa, pa->m.zones[h - 1].end));
	start_pfn = pfn_down(pa, memory->regions[0].base);
	zone_bounds(pa, start_pfn, low, high);

	/* The online nodes: those with memory (node 0 alone without NUMA). */
	for (i = 0; i < memory->cnt; i++) {
		const struct mb_region *r = &memory->regions[i];
		struct pa_node *n;
		int nid = region_nid(pa, r);

		if (!region_pfns(pa, r, &s, &e))
			continue;
		if (!valid_nid(pa, nid)) {
			unassigned += e - s;
			continue;
		}
		n = add_node(pa, nid);
		n->start_pfn = min_u64(n->start_pfn, s);
		n->end_pfn = max_u64(n->end_pfn, e);
		fmap_append(&pa->fates, s, e, FATE_MEMBLOCK, nid);
	}
	if (!pa->nr_nodes)
		add_node(pa, 0)->start_pfn = 0;
	if (unassigned)
		steplog_printk(LOG_WARN, "mbviz: %lu page(s) of memory belong to no node (nid "
			       "MAX_NUMNODES): the page allocator leaves them out\n", unassigned);

	for (j = 0; j < pa->nr_nodes; j++)
		node_zones(pa, memory, &pa->nodes[j], low, high);
	pa_count_unavailable(pa);
	if (pa->m.deferred_struct_page_init)
		choose_first_deferred(pa, memory);
}

bool pa_prepare(struct page_alloc *pa, const struct mb_type *memory)
{
	if (!pa->setup) {
		setup(pa, memory);
		return true;
	}
	set_memory(pa, memory);
	return false;
}

/* should_skip_region() for memblock.memory with MEMBLOCK_NONE. */
static bool skip_region(const struct page_alloc *pa, const struct mb_region *r, int nid, bool filter)
{
	if (!filter)
		return false;
	if (region_nid(pa, r) != nid)
		return true;
	if (pa->m.movable_node && (r->flags & FLAG_HOTPLUG))
		return true;
	return r->flags & (FLAG_NOMAP | FLAG_DRIVER_MANAGED);
}

/*
 * Release the free pfns of @zone of node @n from @first on, as
 * for_each_free_mem_pfn_range_in_zone_from() finds them: memory minus
 * reserved, rounded inwards, clipped to the zone; the walk ends at the
 * first free range that starts at or past the zone's end.
 */
static void release_deferred(struct page_alloc *pa, const struct mb_type *memory,
			     const struct mb_type *reserved, bool filter, struct pa_node *n,
			     int zid, uint64_t first)
{
	struct pa_zone *zone = &n->zones[zid];
	unsigned long i, j;

	for (i = 0; i < memory->cnt; i++) {
		const struct mb_region *m = &memory->regions[i];
		uint64_t m_start = m->base, m_end = m->base + m->size;

		if (skip_region(pa, m, n->nid, filter))
			continue;
		/* The gaps between reserved regions, as __next_mem_range() walks them. */
		for (j = 0; j <= reserved->cnt; j++) {
			uint64_t r_start = j ? reserved->regions[j - 1].base +
					       reserved->regions[j - 1].size : 0;
			uint64_t r_end = j < reserved->cnt ? reserved->regions[j].base :
					 phys_mask(pa);
			uint64_t spfn, epfn;

			if (r_start >= m_end)
				break;
			if (m_start >= r_end)
				continue;
			spfn = pfn_up(pa, max_u64(m_start, r_start));
			epfn = pfn_down(pa, min_u64(m_end, r_end));
			if (!(zone->start_pfn < epfn && spfn < epfn))
				continue;
			if (zone_end(zone) <= spfn)
				return;
			spfn = max_u64(max_u64(spfn, zone->start_pfn), first);
			epfn = min_u64(epfn, zone_end(zone));
			if (spfn >= epfn)
				continue;
			/* deferred_free_pages(): __free_pages_core() on every pfn of it. */
			zone->managed += epfn - spfn;
			fmap_record(&pa->fates, spfn, epfn, PF_DEFERRED_INIT);
		}
	}
}

void pa_deferred_init(struct page_alloc *pa, const struct mb_type *memory,
		      const struct mb_type *reserved, bool filter)
{
	int i, z;

	pa_begin(pa, PA_CTX_DEFERRED_INIT);
	for (i = 0; i < pa->nr_nodes; i++) {
		struct pa_node *n = &pa->nodes[i];
		uint64_t first = n->first_deferred_pfn;

		if (first == NO_PFN)
			continue;
		n->first_deferred_pfn = NO_PFN;
		for (z = 0; z < pa->m.nr_zones; z++)
			if (first < zone_end(&n->zones[z]))
				break;
		if (z < pa->m.nr_zones)
			release_deferred(pa, memory, reserved, filter, n, z, first);
		/* What memblock_free_all left to deferred init and it did not free: lost. */
		fmap_relabel(&pa->fates, 0, PF_DEFERRED, PF_LOST, n->nid);
		steplog_printk(LOG_INFO, "node %d deferred pages initialised in 0ms\n", n->nid);
	}
	update_deferring(pa);
	pa->deferred_done = true;
	pa_end(pa);
}

uint64_t pa_free_all_walk(const struct page_alloc *pa, const struct mb_type *memory)
{
	uint64_t steps = 0, s, e;
	unsigned long i;

	for (i = 0; i < memory->cnt; i++)
		if (region_pfns(pa, &memory->regions[i], &s, &e))
			steps += ((e - s) >> (PA_MAX_ORDER - 1)) + 1;
	return steps;
}

uint64_t pa_free_late_walk(const struct page_alloc *pa, uint64_t base, uint64_t size)
{
	uint64_t cursor = pfn_up(pa, base), end = pfn_down(pa, base + size);

	return cursor < end ? end - cursor : 0;
}

const char *pa_free_all_too_long(const struct page_alloc *pa, const struct mb_type *memory)
{
	if (pa_free_all_walk(pa, memory) <= PA_MAX_WALK)
		return NULL;
	return "memory is too large for the kernel engine to walk in MAX_ORDER blocks (it stops "
	       "at 2^26 blocks, as many as 256 TiB of 4K pages; the model engine has no limit)";
}

const char *pa_free_late_too_long(const struct page_alloc *pa, uint64_t base, uint64_t size)
{
	if (pa_free_late_walk(pa, base, size) <= PA_MAX_WALK)
		return NULL;
	return "the range is too large for the kernel engine to free page by page (it stops at "
	       "2^26 pages, 256 GiB of 4K pages; the model engine has no limit)";
}
