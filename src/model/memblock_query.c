// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Walking memblock: the range iterators behind the kernel's for_each_*
 * macros (free memory = memory minus reserved, filtered by node and
 * flags), the pfn iterator, and the lookups (mm/memblock.c:983-1250,
 * 1653-1853).
 */
#include <limits.h>

#include <asm/bug.h>
#include <linux/kernel.h>
#include <linux/pfn.h>

#include "kstyle_runtime.h"
#include "memblock.h"
#include "memblock_internal.h"
#include "run/engine.h"

#define MAX_NUMNODES_MSG "Usage of MAX_NUMNODES is deprecated. Use NUMA_NO_NODE instead\n"

/*
 * Whether iteration over @type passes over region @m.  Only the memory
 * type is filtered, and only until memblock_discard(); @flags is a
 * request: MIRROR means "only mirrored", the others "these too".
 */
static bool should_skip_region(struct memblock_type *type, struct memblock_region *m,
			       int nid, int flags)
{
	int m_nid = memblock_get_region_node(m);

	if (type != memblock_memory)
		return false;
	/* 6.1:994 tests nid != NUMA_NO_NODE, 6.12:1069 numa_valid_node(nid). */
	if (!memblock_nid_is_any(nid) && nid != m_nid)
		return true;
	if (movable_node_is_enabled() && memblock_is_hotpluggable(m) &&
	    !(flags & MEMBLOCK_HOTPLUG))
		return true;
	if ((flags & MEMBLOCK_MIRROR) && !memblock_is_mirror(m))
		return true;
	if (!(flags & MEMBLOCK_NOMAP) && memblock_is_nomap(m))
		return true;
	if (!(flags & MEMBLOCK_DRIVER_MANAGED) && memblock_is_driver_managed(m))
		return true;
	return false;
}

/*
 * The gaps of type_b, indexed 0..cnt: gap k runs from the end of region
 * k-1 (0 for k = 0) to the base of region k (PHYS_ADDR_MAX for k = cnt).
 * Touching regions make an empty gap, which the iterators can yield.
 */
static void gap_bounds(struct memblock_type *type_b, int idx_b, phys_addr_t *start,
		       phys_addr_t *end)
{
	struct memblock_region *r = &type_b->regions[idx_b];

	*start = idx_b ? r[-1].base + r[-1].size : 0;
	*end = idx_b < (int)type_b->cnt ? r->base : PHYS_ADDR_MAX;
}

static void put_range(phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid,
		      phys_addr_t start, phys_addr_t end, int nid)
{
	if (out_start)
		*out_start = start;
	if (out_end)
		*out_end = end;
	if (out_nid)
		*out_nid = nid;
}

/*
 * Next piece of type_a not covered by type_b, ascending.  *idx holds the
 * index into type_a in its low 32 bits and the gap index of type_b in its
 * high 32 bits; ULLONG_MAX ends the walk.  Pieces of different type_a
 * regions are never joined.
 */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	int idx_a = *idx & 0xffffffff;
	int idx_b = *idx >> 32;

	/* 6.1:1051-1053; gone in 6.12, whose skip test takes MAX_NUMNODES as any node. */
	if (!mb_v612() && WARN_ONCE_AT(KFILE, 1051, nid == MAX_NUMNODES, MAX_NUMNODES_MSG))
		nid = NUMA_NO_NODE;

	for (; idx_a < (int)type_a->cnt; idx_a++) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base;
		phys_addr_t m_end = m->base + m->size;
		int m_nid = memblock_get_region_node(m);

		if (should_skip_region(type_a, m, nid, flags))
			continue;

		if (!type_b) {
			put_range(out_start, out_end, out_nid, m_start, m_end, m_nid);
			idx_a++;
			*idx = (u32)idx_a | (u64)idx_b << 32;
			return;
		}

		for (; idx_b < (int)type_b->cnt + 1; idx_b++) {
			phys_addr_t r_start, r_end;

			gap_bounds(type_b, idx_b, &r_start, &r_end);
			/* This gap starts beyond m: move on to the next m. */
			if (r_start >= m_end)
				break;
			if (m_start < r_end) {
				put_range(out_start, out_end, out_nid, max(m_start, r_start),
					  min(m_end, r_end), m_nid);
				/* Advance whichever of the two ends first. */
				if (m_end <= r_end)
					idx_a++;
				else
					idx_b++;
				*idx = (u32)idx_a | (u64)idx_b << 32;
				return;
			}
		}
	}

	*idx = ULLONG_MAX;
}

/* The same pieces in descending order; start the walk with ULLONG_MAX. */
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid)
{
	int idx_a = *idx & 0xffffffff;
	int idx_b = *idx >> 32;

	/* 6.1:1148-1149; gone in 6.12. */
	if (!mb_v612() && WARN_ONCE_AT(KFILE, 1148, nid == MAX_NUMNODES, MAX_NUMNODES_MSG))
		nid = NUMA_NO_NODE;

	if (*idx == (u64)ULLONG_MAX) {
		idx_a = type_a->cnt - 1;
		idx_b = type_b ? (int)type_b->cnt : 0;
	}

	for (; idx_a >= 0; idx_a--) {
		struct memblock_region *m = &type_a->regions[idx_a];
		phys_addr_t m_start = m->base;
		phys_addr_t m_end = m->base + m->size;
		int m_nid = memblock_get_region_node(m);

		if (should_skip_region(type_a, m, nid, flags))
			continue;

		if (!type_b) {
			put_range(out_start, out_end, out_nid, m_start, m_end, m_nid);
			idx_a--;
			*idx = (u32)idx_a | (u64)idx_b << 32;
			return;
		}

		for (; idx_b >= 0; idx_b--) {
			phys_addr_t r_start, r_end;

			gap_bounds(type_b, idx_b, &r_start, &r_end);
			if (r_end <= m_start)
				break;
			if (m_end > r_start) {
				put_range(out_start, out_end, out_nid, max(m_start, r_start),
					  min(m_end, r_end), m_nid);
				if (m_start >= r_start)
					idx_a--;
				else
					idx_b--;
				*idx = (u32)idx_a | (u64)idx_b << 32;
				return;
			}
		}
	}

	*idx = ULLONG_MAX;
}

/*
 * Next memory region holding at least one whole page, as a pfn range,
 * for node @nid (MAX_NUMNODES: any; in 6.12 every invalid nid, -1 too).  No flag filtering: NOMAP, HOTPLUG
 * and the rest are all included.  *idx starts at -1 and ends at -1.
 */
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid)
{
	struct memblock_type *type = &memblock.memory;
	struct memblock_region *r = NULL;
	int r_nid = 0;

	while (++*idx < (int)type->cnt) {
		r = &type->regions[*idx];
		r_nid = memblock_get_region_node(r);

		if (PFN_UP(r->base) >= PFN_DOWN(r->base + r->size))
			continue;
		/* 6.1:1236 nid == MAX_NUMNODES; 6.12:1304 !numa_valid_node(nid). */
		if ((mb_v612() ? memblock_nid_is_any(nid) : nid == MAX_NUMNODES) || nid == r_nid)
			break;
	}
	if (*idx >= (int)type->cnt) {
		*idx = -1;
		return;
	}

	if (out_start_pfn)
		*out_start_pfn = PFN_UP(r->base);
	if (out_end_pfn)
		*out_end_pfn = PFN_DOWN(r->base + r->size);
	if (out_nid)
		*out_nid = r_nid;
}

/* Strict overlap of [base1, +size1) and [base2, +size2). */
unsigned long memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1, phys_addr_t base2,
				     phys_addr_t size2)
{
	return base1 < base2 + size2 && base2 < base1 + size1;
}

bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base, phys_addr_t size)
{
	unsigned long i;

	memblock_cap_size(base, &size);

	for (i = 0; i < type->cnt; i++)
		if (memblock_addrs_overlap(base, size, type->regions[i].base,
					   type->regions[i].size))
			break;
	return i < type->cnt;
}

/* Index of the region holding @addr, or -1 (bisection; the dummy never matches). */
static int memblock_search(struct memblock_type *type, phys_addr_t addr)
{
	unsigned int left = 0, right = type->cnt;

	do {
		unsigned int mid = (right + left) / 2;

		if (addr < type->regions[mid].base)
			right = mid;
		else if (addr >= type->regions[mid].base + type->regions[mid].size)
			left = mid + 1;
		else
			return mid;
	} while (left < right);
	return -1;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	return memblock_search(&memblock.reserved, addr) != -1;
}

bool memblock_is_memory(phys_addr_t addr)
{
	return memblock_search(&memblock.memory, addr) != -1;
}

bool memblock_is_map_memory(phys_addr_t addr)
{
	int i = memblock_search(&memblock.memory, addr);

	if (i == -1)
		return false;
	return !memblock_is_nomap(&memblock.memory.regions[i]);
}

/* The node of the memory region holding pfn @pfn, and its pfn span; -1 if none. */
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn, unsigned long *end_pfn)
{
	struct memblock_type *type = &memblock.memory;
	int mid = memblock_search(type, PFN_PHYS(pfn));

	if (mid == -1)
		return -1;

	*start_pfn = PFN_DOWN(type->regions[mid].base);
	*end_pfn = PFN_DOWN(type->regions[mid].base + type->regions[mid].size);
	return memblock_get_region_node(&type->regions[mid]);
}

/*
 * Whether [base, base + size) lies in the one memory region holding base:
 * a range that runs on into an adjacent, unmerged region is not memory.
 */
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size)
{
	int idx = memblock_search(&memblock.memory, base);
	phys_addr_t end = base + memblock_cap_size(base, &size);

	if (idx == -1)
		return false;
	return memblock.memory.regions[idx].base + memblock.memory.regions[idx].size >= end;
}

bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size)
{
	return memblock_overlaps_region(&memblock.reserved, base, size);
}

/*
 * 6.12:753-773.  The whole pages of memory regions whose nid names no
 * node (numa_valid_node() false), counted as for_each_mem_pfn_range()
 * walks them, and compared in bytes with @threshold_bytes: more is an
 * error line, in MiB (shifted down, not rounded), and false.  Without
 * CONFIG_NUMA every region reads as node 0, so it always passes.
 */
bool memblock_validate_numa_coverage(unsigned long threshold_bytes)
{
	unsigned long first, last, no_node = 0;
	int i, nid;

	for_each_mem_pfn_range(i, MAX_NUMNODES, &first, &last, &nid) {
		if (memblock_nid_is_any(nid))
			no_node += last - first;
	}
	no_node <<= PAGE_SHIFT;
	if (no_node <= threshold_bytes)
		return true;
	pr_err("NUMA: no nodes coverage for %luMB of %luMB RAM\n", no_node >> 20,
	       (unsigned long)(memblock_phys_mem_size() >> 20));
	return false;
}

phys_addr_t memblock_phys_mem_size(void)
{
	return memblock.memory.total_size;
}

phys_addr_t memblock_reserved_size(void)
{
	return memblock.reserved.total_size;
}

/* 0 for an empty memory type: the dummy's base. */
phys_addr_t memblock_start_of_DRAM(void)
{
	return memblock.memory.regions[0].base;
}

phys_addr_t memblock_end_of_DRAM(void)
{
	int idx = memblock.memory.cnt - 1;

	/* 6.12 has no dummy: with no memory it reads regions[-1] (6.12:1764-1769). */
	if (idx < 0)
		mbviz_unsupported("%s", ENGINE_END_OF_DRAM_EMPTY);

	return memblock.memory.regions[idx].base + memblock.memory.regions[idx].size;
}
