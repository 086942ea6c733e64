// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The page-allocator model, against numbers worked out by hand from
 * Linux 6.1.192's mm/page_alloc.c: free_area_init() and
 * calculate_node_totalpages() for zones, memmap_init()/defer_init() for
 * the first deferred pfn, memblock_free_pages() for what is dropped, and
 * __free_one_page()'s buddy reads for the hazard of 115d9d77bb.
 */
#include <stdlib.h>
#include <string.h>

#include "core/machine.h"
#include "model/pagealloc.h"
#include "core/state.h"
#include "core/steplog.h"
#include "tap.h"

#define NO_PFN	UINT64_MAX

static struct steplog lg;

static struct mb_type type_of(const struct mb_region *r, int n)
{
	struct mb_type t = { .cnt = (unsigned long)n, .max = 128 };

	t.regions = (struct mb_region *)r;
	return t;
}

static const struct mb_zone *zone(const struct mb_state *st, int nid, int z)
{
	int i;

	for (i = 0; i < st->nr_zones; i++)
		if (st->zones[i].nid == nid && st->zones[i].zone == z)
			return &st->zones[i];
	return NULL;
}

static bool logged(const char *text)
{
	int i;

	for (i = 0; i < lg.nr; i++)
		if (strstr(lg.lines[i].text, text))
			return true;
	return false;
}

/* defer_init() in closed form: the two examples of the spec and the edges. */
static void test_defer_in_range(void)
{
	uint64_t nr = 0;

	/* Normal from pfn 0x100000: 0x8000 pages initialised, deferred at 0x108000. */
	is_u64(pa_defer_in_range(0x100000, 0x200000, 0x8000, &nr), 0x108000,
	       "top zone from a section boundary: defers one section later");
	is_u64(nr, 0x8001, "and counted the deferring pfn too");

	/* DMA32 from pfn 0x1000: passes 0x8000 pages at 0x9000, not aligned: 0x10000. */
	nr = 0;
	is_u64(pa_defer_in_range(0x1000, 0x7ffe0, 0x8000, &nr), 0x10000,
	       "top zone from 0x1000: the next aligned pfn after a section, 0x10000");

	nr = 0;
	is_u64(pa_defer_in_range(0x1000, 0x9000, 0x8000, &nr), NO_PFN,
	       "a range shorter than a section defers nothing");
	is_u64(nr, 0x8000, "and adds all it initialised");
	is_u64(pa_defer_in_range(0xa000, 0x20000, 0x8000, &nr), 0x10000,
	       "the count goes on in the next range of the zone");

	nr = 0x9000;
	is_u64(pa_defer_in_range(0x18001, 0x30000, 0x8000, &nr), 0x20000,
	       "past a section already: the first aligned pfn of the range");
	nr = 0x9000;
	is_u64(pa_defer_in_range(0x18000, 0x30000, 0x8000, &nr), 0x18000,
	       "past a section already, at an aligned start: its first pfn");
	nr = 0;
	is_u64(pa_defer_in_range(0x5000, 0x5000, 0x8000, &nr), NO_PFN, "empty range");
}

/* The spec's 2 GiB VM: pfns [0x1, 0x9f) and [0x100, 0x7ffe0), default zones. */
static void test_zones_2g(void)
{
	static const struct mb_region mem[] = {
		{ 0x1000, 0x9e000, 0, 0 }, { 0x100000, 0x7fee0000, 0, 0 },
	};
	struct mb_type t = type_of(mem, 2);
	struct page_alloc *pa = pa_create();
	struct mb_state st;
	struct machine m;
	const struct mb_zone *z;

	machine_init_default(&m);
	m.deferred_struct_page_init = true;
	pa_reset(pa, &m);
	ok(!pa_is_setup(pa), "no zones before the first hand-over");
	ok(pa_prepare(pa, &t) && pa_is_setup(pa), "the first prepare lays the zones out");
	ok(!pa_prepare(pa, &t), "and only the first");
	is_u64(pa_max_pfn(pa), 0x7ffe0, "max_pfn: the end of RAM");
	is_u64(pa_max_low_pfn(pa), 0x7ffe0, "max_low_pfn = max_pfn without HighMem");

	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	ok(!st.freed_all && st.nr_nodes == 1 && st.nr_zones == 3, "one node, three zones");
	z = zone(&st, 0, 0);
	ok(z && z->start_pfn == 1 && z->spanned == 4095 && z->present == 3998,
	   "DMA [0x1, 0x1000): spanned 4095, 97 absent");
	z = zone(&st, 0, 1);
	ok(z && z->start_pfn == 0x1000 && z->spanned == 520160 && z->present == 520160,
	   "DMA32 [0x1000, 0x7ffe0): spanned = present = 520160");
	z = zone(&st, 0, 2);
	ok(z && z->spanned == 0 && z->present == 0 && z->start_pfn == 0, "Normal: empty");
	is_u64(st.nodes[0].first_deferred_pfn, 0x10000, "first deferred pfn of node 0: 0x10000");
	ok(st.nr_pages == 2 && st.pages[0].fate == PF_RESERVED && st.pages[1].end_pfn == 0x7ffe0,
	   "page frames of memory, not handed over yet (shown reserved)");
	state_free(&st);
	pa_destroy(pa);
}

/* Only the zone that reaches the node's end is deferred; lower zones never. */
static void test_deferred_top_zone_only(void)
{
	static const struct mb_region mem[] = {
		{ 0, 0x100000000ull, 0, 0 }, { 0x100000000ull, 0x800000, 0, 0 },
	};
	struct mb_type t = type_of(mem, 2);
	struct page_alloc *pa = pa_create();
	struct mb_state st;
	struct machine m;

	machine_init_default(&m);
	m.deferred_struct_page_init = true;
	pa_reset(pa, &m);
	pa_prepare(pa, &t);
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	/* Normal holds 2048 pages, less than a section: nothing is deferred at all. */
	is_u64(st.nodes[0].first_deferred_pfn, NO_PFN,
	       "a top zone smaller than a section: nothing deferred, DMA32 not either");
	state_free(&st);
	pa_destroy(pa);
}

/*
 * 512M, reserved [255M, 257M): the hand-over calls as memblock makes
 * them, and what each page becomes.
 */
static void test_fates_and_hazard(enum free_late_mode mode)
{
	static const struct mb_region mem[] = { { 0, 0x20000000, 0, 0 } };
	static const struct mb_region rsv[] = { { 0xff00000, 0x200000, 0, 0 } };
	struct mb_type t = type_of(mem, 1), r = type_of(rsv, 1);
	struct page_alloc *pa = pa_create();
	const char *what = mode == FREE_LATE_SKIP_DEFERRED ? "skip-deferred" : "release-always";
	struct mb_state st;
	struct machine m;
	unsigned long pfn;
	void *saved;

	machine_init_default(&m);
	m.deferred_struct_page_init = true;
	pa_reset(pa, &m);
	pa_prepare(pa, &t);
	steplog_set_current(&lg, 8);

	/* memblock_free_all(): reserved first, then the free ranges in max-order blocks. */
	pa_begin(pa, PA_CTX_FREE_ALL);
	pa_set_managed(pa, 0, 0, 0);
	pa_set_managed(pa, 0, 1, 0);
	pa_reserve_bootmem_region(pa, 0xff00000, 0x10100000);
	for (pfn = 0; pfn < 0xff00; pfn += 0x100)
		pa_memblock_free_pages(pa, pfn, 8);
	for (pfn = 0x10100; pfn < 0x20000; pfn += 0x100)
		pa_memblock_free_pages(pa, pfn, 8);
	pa_totalram_add(pa, 0x20000 - 0x200);
	pa_end(pa);
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	ok(st.freed_all && zone(&st, 0, 0)->managed == 4096 && zone(&st, 0, 1)->managed == 0xf000 - 0x100,
	   "%s: free_all releases below 0x10000 only", what);
	ok(st.nr_pages == 3 && st.pages[0].fate == PF_FREE_ALL && st.pages[1].fate == PF_RESERVED &&
	   st.pages[2].fate == PF_DEFERRED && st.pages[2].start_pfn == 0x10100,
	   "%s: fates free_all, reserved, deferred", what);
	state_free(&st);
	saved = pa_save(pa);

	/* memblock_free_late(255M, 2M): page by page. */
	steplog_reset(&lg);
	pa_begin(pa, PA_CTX_FREE_LATE);
	for (pfn = 0xff00; pfn < 0x10100; pfn++) {
		if (mode == FREE_LATE_RELEASE_ALWAYS)
			pa_free_pages_core(pa, pfn, 0);
		else
			pa_memblock_free_pages(pa, pfn, 0);
		pa_totalram_add(pa, 1);
	}
	pa_end(pa);
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	if (mode == FREE_LATE_SKIP_DEFERRED) {
		ok(zone(&st, 0, 1)->managed == 0xf000 && st.lost_pages == 256,
		   "skip-deferred: 256 released below 0x10000, 256 lost above");
		ok(!logged("hazard"), "skip-deferred: no buddy is ever read");
	} else {
		ok(zone(&st, 0, 1)->managed == 0xf000 + 0x100 && st.lost_pages == 0,
		   "release-always: all 512 released");
		/* 0x100ff merges up to [0x10000, 0x10100) and then reads 0x10100: free, deferred. */
		ok(logged("buddy pfn 0x10100 at order 8"), "release-always: the hazard, at its first buddy");
	}
	is_u64(st.totalram_pages, 0x20000, "%s: totalram counts every page", what);
	state_free(&st);

	/* Deferred init: what is free in memblock from 0x10000; the range is still reserved. */
	steplog_reset(&lg);
	pa_deferred_init(pa, &t, &r, true);
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	is_u64((uint64_t)zone(&st, 0, 1)->managed,
	       mode == FREE_LATE_SKIP_DEFERRED ? 0x1f000 - 0x100 : 0x1f000,
	       "%s: deferred init frees [0x10100, 0x20000)", what);
	ok(st.deferred_done && st.nodes[0].first_deferred_pfn == NO_PFN &&
	   logged("node 0 deferred pages initialised in 0ms"), "%s: deferred init logged, done", what);
	state_free(&st);

	/* Back to the checkpoint after memblock_free_all. */
	pa_restore(pa, saved);
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	ok(zone(&st, 0, 1)->managed == 0xf000 - 0x100 && st.lost_pages == 0 &&
	   st.totalram_pages == 0x20000 - 0x200 && st.nodes[0].first_deferred_pfn == 0x10000,
	   "%s: restore brings back the state after free_all", what);
	state_free(&st);
	pa_free_saved(saved);
	steplog_set_current(NULL, 8);
	pa_destroy(pa);
}

/* 32-bit with HighMem: max_low_pfn ends low memory, zones cap at it. */
static void test_highmem(void)
{
	static const struct mb_region mem[] = { { 0, 0x80000000, 0, 0 } };
	struct mb_type t = type_of(mem, 1);
	struct page_alloc *pa = pa_create();
	struct mb_state st;
	struct machine m;

	machine_init_default(&m);
	m.phys_addr_bits = 32;
	m.nr_zones = 3;
	strcpy(m.zones[1].name, "Normal");
	m.zones[1].end = 0x38000000;
	strcpy(m.zones[2].name, "HighMem");
	m.zones[2].end = 0;
	pa_reset(pa, &m);
	pa_prepare(pa, &t);
	is_u64(pa_max_low_pfn(pa), 0x38000, "HighMem: max_low_pfn at 896M");
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	ok(zone(&st, 0, 1)->spanned == 0x37000 && zone(&st, 0, 2)->start_pfn == 0x38000 &&
	   zone(&st, 0, 2)->spanned == 0x48000, "Normal [16M, 896M), HighMem [896M, 2G)");
	state_free(&st);
	pa_destroy(pa);
}

/* NUMA: early_pfn_to_nid() finds the node in memblock.memory; offline nodes do not count. */
static void test_numa_nodes(void)
{
	static const struct mb_region mem[] = {
		{ 0, 0x100000000ull, 0, 0 }, { 0x100000000ull, 0x100000000ull, 0, 1 },
		{ 0x200000000ull, 0x1000000, 0, 8 },
	};
	struct mb_type t = type_of(mem, 3);
	struct page_alloc *pa = pa_create();
	struct mb_state st;
	struct machine m;

	machine_init_default(&m);
	m.numa = true;
	m.max_numnodes = 8;
	m.deferred_struct_page_init = true;
	pa_reset(pa, &m);
	steplog_set_current(&lg, 8);
	steplog_reset(&lg);
	pa_prepare(pa, &t);
	ok(logged("4096 page(s) of memory belong to no node"), "nid MAX_NUMNODES memory is left out, said");
	is_int(pa_next_online_node(pa, -1), 0, "online: node 0 first");
	is_int(pa_next_online_node(pa, 0), 1, "then node 1");
	is_int(pa_next_online_node(pa, 1), -1, "and no more");
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	ok(st.nodes[0].first_deferred_pfn == 0x10000 && st.nodes[1].first_deferred_pfn == 0x108000,
	   "each node its own first deferred pfn: 0x10000, 0x108000");
	ok(zone(&st, 1, 2)->spanned == 0x100000 && zone(&st, 1, 1)->spanned == 0,
	   "node 1: Normal only");
	state_free(&st);
	steplog_set_current(NULL, 8);
	pa_destroy(pa);
}

int main(void)
{
	plan(45);
	steplog_init(&lg);
	test_defer_in_range();
	test_zones_2g();
	test_deferred_top_zone_only();
	test_fates_and_hazard(FREE_LATE_SKIP_DEFERRED);
	test_fates_and_hazard(FREE_LATE_RELEASE_ALWAYS);
	test_highmem();
	test_numa_nodes();
	steplog_free(&lg);
	return done_testing();
}
