// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memmap_init()'s "On node N, zone Z: K pages in unavailable ranges": the
 * struct pages of the holes in memblock.memory that the kernel initialises
 * as reserved, per zone (Linux 6.1 mm/page_alloc.c:6945-7026; the same
 * code in 6.12 mm/mm_init.c:833-990, so one model serves both profiles).
 *
 *  - memmap_init() walks every memblock.memory pfn range of every node
 *    (for_each_mem_pfn_range with MAX_NUMNODES, 6.1:6997) and, for each
 *    populated zone of the range's node (6.1:7000-7008),
 *    memmap_init_zone_range() clamps the range to the zone (6.1:6976-6977);
 *    if the clamp is not empty, the hole from the end of the last clamped
 *    range (hole_pfn, 0 at first) to its start goes to init_unavailable_range()
 *    with this zone and node (6.1:6985-6986), and hole_pfn moves to the
 *    clamped end (6.1:6988).  A hole before a zone's first range is thus
 *    counted in that zone, wherever the hole begins.
 *  - after the walk, with SPARSEMEM, the hole from hole_pfn to the last
 *    range's end rounded up to a section (6.1:7024-7025) goes to the last
 *    range's node and to the highest populated zone of that node (zone_id
 *    is the last j the inner loop reached, 6.1:7007).
 *  - init_unavailable_range() counts a pfn when pfn_valid() holds for the
 *    start of its pageblock, and skips the whole pageblock otherwise
 *    (6.1:6952-6960), and prints only a count that is not 0 (6.1:6962).  A
 *    pageblock lies inside one section, and the generic SPARSEMEM
 *    pfn_valid() (include/linux/mmzone.h 6.1:1840-1870, 6.12:2026-2056;
 *    the one of x86, riscv, s390, loongarch, and of arm64 in 6.1 and 6.12,
 *    whose arch/arm64/Kconfig selects no HAVE_ARCH_PFN_VALID)
 *    holds for every pfn of an early section that is present: one that
 *    memblocks_present() marked because some memblock.memory pfn range
 *    touches it (mm/sparse.c 6.1:243-272).  So a hole counts its pfns in
 *    the sections the memory ranges touch.
 *
 *  - with FLATMEM (machine.flatmem) there are no sections: x86_32's
 *    pfn_valid() is pfn < max_mapnr (arch/x86/include/asm/page_32.h 6.1:19;
 *    the generic one, include/asm-generic/page.h 6.1:87, also from an
 *    ARCH_PFN_OFFSET, 0 here), max_mapnr the end of RAM with HIGHMEM
 *    (highend_pfn, arch/x86/mm/init_32.c 6.1:667): every hole pfn counts,
 *    and there is no tail, the walk ending at the last range's end
 *    (6.1:7024-7025 are SPARSEMEM's only).
 *
 * The sum per zone is kept: a zone's lines, however many, add up to it.
 * The cost is O(memory ranges x zones), never per page or per section.
 */
#include <stdlib.h>

#include "pagealloc_priv.h"
#include "util/xalloc.h"

/* The present sections as merged pfn intervals, and a cursor over them. */
struct sections {
	uint64_t	(*iv)[2];	/* [start, end) pfns, ascending, disjoint */
	unsigned long	nr, cur;
};

/* memblocks_present(): every section a memory pfn range touches. */
static void present_sections(const struct page_alloc *pa, uint64_t pps, struct sections *sec)
{
	unsigned long i;

	sec->iv = xzalloc((pa->nr_mem ? pa->nr_mem : 1) * sizeof(*sec->iv));
	sec->nr = sec->cur = 0;
	if (pa->m.flatmem) {
		/* one mem_map from pfn 0 to the end of RAM */
		sec->iv[0][1] = pa->max_pfn;
		sec->nr = 1;
		return;
	}
	for (i = 0; i < pa->nr_mem; i++) {
		uint64_t s = pfn_up(pa, pa->mem[i].base);
		uint64_t e = pfn_down(pa, pa->mem[i].base + pa->mem[i].size);

		if (s >= e)
			continue;
		s &= ~(pps - 1);
		e = (e + pps - 1) & ~(pps - 1);
		/* memblock.memory is sorted: a range starts at or after the last one */
		if (sec->nr && s <= sec->iv[sec->nr - 1][1]) {
			sec->iv[sec->nr - 1][1] = max_u64(sec->iv[sec->nr - 1][1], e);
			continue;
		}
		sec->iv[sec->nr][0] = s;
		sec->iv[sec->nr][1] = e;
		sec->nr++;
	}
}

/* The pfns of [s, e) in present sections; the holes come in ascending order. */
static uint64_t valid_pfns(struct sections *sec, uint64_t s, uint64_t e)
{
	uint64_t n = 0;
	unsigned long i;

	while (sec->cur < sec->nr && sec->iv[sec->cur][1] <= s)
		sec->cur++;
	for (i = sec->cur; i < sec->nr && sec->iv[i][0] < e; i++)
		n += min_u64(e, sec->iv[i][1]) - max_u64(s, sec->iv[i][0]);
	return n;
}

static void add_hole(struct page_alloc *pa, struct sections *sec, int nid, int zid,
		     uint64_t s, uint64_t e)
{
	struct pa_node *n = pa_find_node(pa, nid);

	if (n)
		n->zones[zid].unavailable += valid_pfns(sec, s, e);
}

void pa_count_unavailable(struct page_alloc *pa)
{
	uint64_t pps = pa->m.section_size >> pa->page_shift;
	uint64_t hole = 0, s, e, last_end = 0;
	struct sections sec;
	unsigned long i;
	int j, zid = 0, nid = -1;

	if (!pps)
		return;
	present_sections(pa, pps, &sec);
	for (i = 0; i < pa->nr_mem; i++) {
		struct pa_node *n = pa_find_node(pa, pa->mem[i].nid);

		s = pfn_up(pa, pa->mem[i].base);
		e = pfn_down(pa, pa->mem[i].base + pa->mem[i].size);
		if (s >= e)
			continue;	/* __next_mem_pfn_range() skips it */
		nid = pa->mem[i].nid;
		last_end = e;
		for (j = 0; n && j < pa->m.nr_zones; j++) {
			struct pa_zone *z = &n->zones[j];
			uint64_t cs, ce;

			if (!z->present)
				continue;	/* !populated_zone() */
			zid = j;
			cs = clamp_u64(s, z->start_pfn, zone_end(z));
			ce = clamp_u64(e, z->start_pfn, zone_end(z));
			if (cs >= ce)
				continue;
			if (hole < cs)
				add_hole(pa, &sec, nid, j, hole, cs);
			hole = ce;
		}
	}
	/* the tail of the last section, to the last node's highest populated zone */
	e = pa->m.flatmem ? last_end : (last_end + pps - 1) & ~(pps - 1);
	if (nid >= 0 && hole < e)
		add_hole(pa, &sec, nid, zid, hole, e);
	free(sec.iv);
}
