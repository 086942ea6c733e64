// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The memblock model's iterators (mm/memblock.c:983-1250): free ranges in
 * both directions, with their zero-length pieces, the region filter and
 * its end at memblock_discard(), whole-page pfn ranges, and the lookups
 * by pfn -- on 64-bit and 32-bit phys_addr_t.
 */
#include "tap.h"
#include "memblock_test.h"

#include <linux/sizes.h>

#define MAX_RANGES	16

struct ranges {
	int		n;
	phys_addr_t	start[MAX_RANGES], end[MAX_RANGES];
	int		nid[MAX_RANGES];
};

static void free_ranges(struct ranges *r, int nid, enum memblock_flags flags, bool rev)
{
	phys_addr_t s, e;
	int n;
	u64 i;

	r->n = 0;
	if (rev) {
		for_each_free_mem_range_reverse(i, nid, flags, &s, &e, &n)
			if (r->n < MAX_RANGES) {
				r->start[r->n] = s, r->end[r->n] = e, r->nid[r->n] = n;
				r->n++;
			}
	} else {
		for_each_free_mem_range(i, nid, flags, &s, &e, &n)
			if (r->n < MAX_RANGES) {
				r->start[r->n] = s, r->end[r->n] = e, r->nid[r->n] = n;
				r->n++;
			}
	}
}

/* @r is exactly the @n ranges given as (start, end) pairs. */
static bool ranges_are(const struct ranges *r, int n, ...)
{
	bool pass = r->n == n;
	va_list ap;
	int i;

	va_start(ap, n);
	for (i = 0; i < n; i++) {
		u64 s = va_arg(ap, u64), e = va_arg(ap, u64);

		if (pass && (r->start[i] != s || r->end[i] != e))
			pass = false;
	}
	va_end(ap);
	if (!pass)
		for (i = 0; i < r->n; i++)
			printf("#   range %d: [%#llx, %#llx) nid %d\n", i, r->start[i], r->end[i],
			       r->nid[i]);
	return pass;
}

static void test_free_ranges(void)
{
	struct ranges r;

	mt_machine();
	mt_boot();
	memblock_add(0x10000, 0x10000);
	memblock_add(0x30000, 0x10000);
	memblock_reserve(0x12000, 0x1000);
	memblock_reserve(0x1f000, 0x12000);
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NONE, false);
	ok(ranges_are(&r, 3, R(0x10000, 0x12000), R(0x13000, 0x1f000), R(0x31000, 0x40000)),
	   "free ranges ascending: memory minus reserved");
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NONE, true);
	ok(ranges_are(&r, 3, R(0x31000, 0x40000), R(0x13000, 0x1f000), R(0x10000, 0x12000)),
	   "free ranges descending");

	/* Pieces of adjacent, unmerged memory regions are never joined. */
	mt_boot();
	memblock_add(0x10000, 0x10000);
	memblock_add_node(0x20000, 0x10000, 0, MEMBLOCK_HOTPLUG);
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NONE, false);
	ok(ranges_are(&r, 2, R(0x10000, 0x20000), R(0x20000, 0x30000)),
	   "adjacent regions: two ranges");

	/* The filter: NOMAP and DRIVER_MANAGED only when asked, MIRROR means only mirror. */
	mt_boot();
	memblock_add(0x10000, 0x10000);
	memblock_mark_nomap(0x14000, 0x4000);
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NONE, false);
	ok(ranges_are(&r, 2, R(0x10000, 0x14000), R(0x18000, 0x20000)), "NOMAP skipped");
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NOMAP, false);
	ok(ranges_are(&r, 3, R(0x10000, 0x14000), R(0x14000, 0x18000), R(0x18000, 0x20000)),
	   "NOMAP included on request");
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_MIRROR, false);
	ok(ranges_are(&r, 0), "MIRROR request: no mirrored memory, nothing");
	free_ranges(&r, 0, MEMBLOCK_NONE, false);
	ok(ranges_are(&r, 2, R(0x10000, 0x14000), R(0x18000, 0x20000)), "no NUMA: node 0 is all");
	free_ranges(&r, 2, MEMBLOCK_NONE, false);
	ok(ranges_are(&r, 0), "no NUMA: node 2 is nothing");

	/* After memblock_discard() memory is no longer filtered (:390). */
	memblock_discard();
	ok(memblock_model_discarded(), "discard: memblock_memory is NULL");
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NONE, false);
	ok(ranges_are(&r, 3, R(0x10000, 0x14000), R(0x14000, 0x18000), R(0x18000, 0x20000)),
	   "after discard: NOMAP included");
	free_ranges(&r, 2, MEMBLOCK_NONE, false);
	is_int(r.n, 3, "after discard: node filter off too");
}

static void test_zero_length_range(void)
{
	struct ranges r;

	/* Touching reserved regions of different nodes leave an empty gap. */
	mt_numa_machine(8);
	mt_boot();
	memblock_add(0x10000, 0x10000);
	memblock_reserve(0x12000, 0x2000);
	memblock_set_node(0x12000, 0x1000, &memblock.reserved, 1);
	mt_regions(&memblock.reserved, 2, "set_node on reserved: nid 1 and MAX_NUMNODES",
		   R(0x12000, 0x1000), R(0x13000, 0x1000));
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NONE, false);
	ok(ranges_are(&r, 3, R(0x10000, 0x12000), R(0x13000, 0x13000), R(0x14000, 0x20000)),
	   "zero-length free range, ascending");
	free_ranges(&r, NUMA_NO_NODE, MEMBLOCK_NONE, true);
	ok(ranges_are(&r, 3, R(0x14000, 0x20000), R(0x13000, 0x13000), R(0x10000, 0x12000)),
	   "zero-length free range, descending");
	is_int(r.nid[0], 8, "free range nid: the memory region's (MAX_NUMNODES)");
}

static void test_plain_ranges(void)
{
	phys_addr_t s, e;
	int n = 0;
	u64 i;

	/* An empty type without a B type yields its dummy [0, 0). */
	mt_machine();
	mt_boot();
	for_each_reserved_mem_range(i, &s, &e)
		n++;
	ok(n == 1 && s == 0 && e == 0, "empty reserved: one [0, 0) range");

	/* for_each_mem_range: HOTPLUG and DRIVER_MANAGED in, NOMAP out. */
	memblock_add_node(0x10000, 0x1000, 0, MEMBLOCK_HOTPLUG);
	memblock_add_node(0x20000, 0x1000, 0, MEMBLOCK_NOMAP);
	memblock_add_node(0x30000, 0x1000, 0, MEMBLOCK_DRIVER_MANAGED);
	n = 0;
	for_each_mem_range(i, &s, &e)
		n += s == 0x10000 || s == 0x30000 ? 1 : 100;
	is_int(n, 2, "for_each_mem_range: hotplug and driver-managed, not NOMAP");
	n = 0;
	for_each_mem_range_rev(i, &s, &e) {
		n++;
		if (n == 1)
			is_u64(s, 0x30000, "for_each_mem_range_rev: highest first");
	}
}

static void test_pfn_ranges(void)
{
	unsigned long start, end;
	int nid, idx, n = 0;

	/* Only whole pages count; no flag filtering (:1222-1250). */
	mt_machine();
	mt_boot();
	memblock_add(0x800, 0x1000);
	memblock_add_node(0x3000, 0x3000, 0, MEMBLOCK_NOMAP);
	for_each_mem_pfn_range(idx, MAX_NUMNODES, &start, &end, &nid)
		n++;
	ok(n == 1 && start == 3 && end == 6, "pfn ranges: sub-page region skipped, NOMAP kept");

	mt_numa_machine(8);
	mt_boot();
	memblock_add_node(0x3000, 0x3000, 1, MEMBLOCK_NONE);
	memblock_add_node(0x8000, 0x2000, 2, MEMBLOCK_NONE);
	n = 0;
	for_each_mem_pfn_range(idx, MAX_NUMNODES, &start, &end, &nid)
		n++;
	is_int(n, 2, "pfn ranges: MAX_NUMNODES is every node");
	n = 0;
	for_each_mem_pfn_range(idx, 2, &start, &end, &nid)
		n++;
	ok(n == 1 && start == 8 && end == 10 && nid == 2, "pfn ranges: node 2 only");

	is_int(memblock_search_pfn_nid(4, &start, &end), 1, "search_pfn_nid: node");
	ok(start == 3 && end == 6, "search_pfn_nid: pfn span");
	is_int(memblock_search_pfn_nid(7, &start, &end), -1, "search_pfn_nid: hole");

	/* PFN_PHYS wraps with a 32-bit phys_addr_t. */
	mt_machine();
	mt_m.phys_addr_bits = 32;
	mt_m.current_limit = 0xffffffff;
	mt_boot();
	memblock_add(0x1000, 0x1000);
	is_int(memblock_search_pfn_nid(0x100001, &start, &end), 0,
	       "32-bit search_pfn_nid: pfn 0x100001 wraps to 0x1000");
	mt_machine();
	mt_boot();
	memblock_add(0x1000, 0x1000);
	is_int(memblock_search_pfn_nid(0x100001, &start, &end), -1,
	       "64-bit search_pfn_nid: pfn 0x100001 is not memory");
}

static void test_max_numnodes_warn(void)
{
	phys_addr_t s, e;
	u64 i;

	/* Iterators warn once each for MAX_NUMNODES (:1051, :1148), then mean any node. */
	mt_numa_machine(8);
	mt_boot();
	memblock_add_node(0x10000, 0x10000, 3, MEMBLOCK_NONE);
	mt_log_clear();
	int n = 0;

	for_each_free_mem_range(i, 8, MEMBLOCK_NONE, &s, &e, NULL)
		n++;
	is_int(n, 1, "nid MAX_NUMNODES: any node");
	ok(mt_logged(LOG_SPLAT, "WARNING: CPU: 0 PID: 0 at mm/memblock.c:1051 __next_mem_range"),
	   "forward: WARN at memblock.c:1051");
	for_each_free_mem_range(i, 8, MEMBLOCK_NONE, &s, &e, NULL)
		;
	is_int(mt_count(LOG_SPLAT), 1, "forward: once");
	for_each_free_mem_range_reverse(i, 8, MEMBLOCK_NONE, &s, &e, NULL)
		;
	ok(mt_logged(LOG_SPLAT,
		     "WARNING: CPU: 0 PID: 0 at mm/memblock.c:1148 __next_mem_range_rev"),
	   "reverse: its own WARN_ONCE at memblock.c:1148");
	is_int(mt_count(LOG_SPLAT), 2, "two warnings in all");
	is_int(mt_count(LOG_INFO), 2, "each with its message line");

	/* A reset forgets which warnings fired. */
	mt_boot();
	memblock_add(0x10000, 0x10000);
	for_each_free_mem_range(i, 8, MEMBLOCK_NONE, &s, &e, NULL)
		;
	is_int(mt_count(LOG_SPLAT), 1, "after reset: warns again");
}

int main(void)
{
	plan(33);
	test_free_ranges();
	test_zero_length_range();
	test_plain_ranges();
	test_pfn_ranges();
	test_max_numnodes_warn();
	steplog_set_current(NULL, 8);
	steplog_free(&mt_log);
	return done_testing();
}
