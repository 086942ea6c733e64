// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pa_free_all_range() against the calls it stands for: memblock_free_all()'s
 * __free_pages_memory() handing each naturally aligned block to
 * pa_memblock_free_pages().  On random machines (NUMA or not, nodes the
 * page allocator does not know, deferred struct page init with sections
 * of 1 MiB to 32 MiB, unaligned regions, gaps, ranges across zone ends and
 * holes, reserved ranges made PageReserved first), the same free ranges
 * released both ways must leave the same zones, page fates, log (the
 * hazard warning of the small blocks, pages outside every zone) and
 * early_pfn_to_nid() cache.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model/pagealloc_priv.h"
#include "core/machine.h"
#include "core/state.h"
#include "core/steplog.h"
#include "tap.h"
#include "pagealloc_compare.h"

#define CASES	400

/*
 * Up to 5 regions in [0, @top), some unaligned, on nodes 0-3 (or none);
 * @top is 256M or 8G, so that regions cross ZONE_DMA's and ZONE_DMA32's ends.
 */
static int random_memory(struct mb_region *mem, bool numa, uint64_t top)
{
	uint64_t at = rnd(4) * 0x1000 + rnd(2) * rnd(0x1000), most = top >> 13;
	int n = 0, want = 1 + (int)rnd(5);

	while (n < want && at < top) {
		uint64_t size = 0x1000 * (1 + rnd(most)) + (rnd(4) ? 0 : rnd(0x1000));

		if (at + size > top)
			size = top - at;
		mem[n].base = at;
		mem[n].size = size;
		mem[n].flags = 0;
		mem[n].nid = numa ? (rnd(10) ? (int)rnd(4) : 4) : 0;
		n++;
		at += size + (rnd(3) ? 0 : 0x1000 * rnd(most / 4));
	}
	return n;
}

/* __free_pages_memory() as the kernel walks it: one call per block. */
static void free_by_block(struct page_alloc *pa, uint64_t s, uint64_t e)
{
	while (s < e) {
		unsigned int align = s ? (unsigned int)__builtin_ctzll(s) : 63;
		unsigned int fit = 63 - (unsigned int)__builtin_clzll(e - s);
		unsigned int order = align < fit ? align : fit;

		if (order > PA_MAX_ORDER - 1)
			order = PA_MAX_ORDER - 1;
		pa_memblock_free_pages(pa, s, order);
		s += 1ULL << order;
	}
}

/*
 * Free ranges in ascending order, most inside a region (as memory minus
 * reserved is), some running over a gap into the next region.
 */
static int random_ranges(const struct mb_region *mem, int n, uint64_t (*r)[2])
{
	int i, nr = 0;

	for (i = 0; i < n; i++) {
		uint64_t s = (mem[i].base + 0xfff) >> 12, e = (mem[i].base + mem[i].size) >> 12;
		uint64_t at = s;

		while (at < e && nr < 32) {
			uint64_t len = 1 + (rnd(3) ? rnd(e - at) : rnd(0x1000));

			r[nr][0] = at;
			r[nr][1] = at + len > e ? e : at + len;
			if (!rnd(8) && i + 1 < n)
				r[nr][1] = (mem[i + 1].base + mem[i + 1].size) >> 12;
			at = r[nr][1] + (rnd(2) ? 0 : rnd(0x800));
			nr++;
			if (r[nr - 1][1] > e)
				break;
		}
		if (nr && r[nr - 1][1] > e)
			i++;
	}
	return nr;
}

static void free_all(struct page_alloc *pa, uint64_t (*r)[2], int nr, bool by_block)
{
	int i;

	for (i = 0; i < nr; i++) {
		if (by_block)
			free_by_block(pa, r[i][0], r[i][1]);
		else
			pa_free_all_range(pa, r[i][0], r[i][1]);
	}
	pa_end(pa);
}

static void one_case(int k, struct steplog *lg)
{
	struct mb_region mem[5];
	uint64_t ranges[32][2];
	struct mb_type t;
	struct machine m;
	struct page_alloc *pa = pa_create();
	struct result a, b;
	char desc[160];
	void *saved;
	int n, nr, i;

	machine_init_default(&m);
	m.numa = rnd(3) != 0;
	m.max_numnodes = m.numa ? 4 : 1;
	m.deferred_struct_page_init = rnd(5) != 0;
	m.section_size = (uint64_t)1 << (20 + rnd(6));
	n = random_memory(mem, m.numa, rnd(2) ? 0x10000000 : 0x200000000ULL);
	t = (struct mb_type){ .cnt = (unsigned long)n, .max = 8, .regions = mem };
	pa_reset(pa, &m);
	steplog_reset(lg);
	pa_prepare(pa, &t);
	pa_begin(pa, PA_CTX_FREE_ALL);
	/* memmap_init_reserved_pages() first: some reserved ranges, PageReserved. */
	for (i = 0; i < n; i++)
		if (rnd(3) == 0) {
			uint64_t rs = mem[i].base + rnd(mem[i].size), re = rs + rnd(0x800000);

			pa_reserve_bootmem_region(pa, rs, re);
		}
	nr = random_ranges(mem, n, ranges);
	saved = pa_save(pa);

	/* The ranges first, on the state as the earlier calls left it, caches included. */
	steplog_reset(lg);
	free_all(pa, ranges, nr, false);
	capture(pa, lg, &b);

	pa_restore(pa, saved);
	steplog_reset(lg);
	free_all(pa, ranges, nr, true);
	capture(pa, lg, &a);

	snprintf(desc, sizeof(desc), "case %d (%s, %s, %d regions, %d ranges)", k,
		 m.numa ? "numa" : "uma", m.deferred_struct_page_init ? "deferred" : "not deferred",
		 n, nr);
	verdict(&a, &b, desc);
	pa_free_saved(saved);
	pa_destroy(pa);
}

int main(void)
{
	return run_cases(CASES, one_case);
}
