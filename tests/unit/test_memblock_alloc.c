// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The memblock model's allocation family: placement top-down and
 * bottom-up, the first-page floor, alignment (0 means SMP_CACHE_BYTES),
 * limits, the node, mirror and min_addr fallbacks, the regions a search
 * skips, and the contents left behind.  Expected values follow
 * mm/memblock.c 6.1.192 :199-342, :1373-1621 and
 * tools/testing/memblock/tests/alloc_*.c.
 */
#include "tap.h"
#include "memblock_test.h"

#include <linux/sizes.h>

#include "model/contents.h"

/* memory [0x10000, 0x20000) on the default machine. */
static void boot_64k(void)
{
	mt_boot();
	memblock_add(0x10000, 0x10000);
	mt_log_clear();
}

static void test_placement(void)
{
	mt_machine();
	boot_64k();
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x1f000, "top-down: highest fit");
	mt_regions(&memblock.reserved, 1, "top-down: reserved", R(0x1f000, 0x1000));
	ok(mt_logged(LOG_DEBUG, "memblock_phys_alloc_range: 4096 bytes align=0x1000 "
		     "from=0x0000000000000000 max_addr=0x0000000000000000 test"),
	   "phys_alloc: debug line shows ACCESSIBLE as 0");
	ok(mt_logged(LOG_DEBUG, "memblock_reserve: [0x000000000001f000-0x000000000001ffff] "
		     "memblock_alloc_range_nid"),
	   "phys_alloc: reservation names memblock_alloc_range_nid");
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x1e000, "top-down: next below");

	memblock_set_bottom_up(true);
	ok(memblock_bottom_up(), "set_bottom_up");
	/* The spec's example: bottom-up returns the start of memory. */
	is_u64(memblock_phys_alloc(0x10, 0x100), 0x10000, "bottom-up: lowest fit");
	is_u64(memblock_phys_alloc(0x10, 0x100), 0x10100, "bottom-up: next aligned");

	/* Failure is 0, with nothing reserved. */
	memblock_set_bottom_up(false);
	is_u64(memblock_phys_alloc(0x20000, 0x1000), 0, "too big: 0");
	is_u64(memblock.reserved.total_size, 0x2020, "too big: reserved unchanged");

	/* Window [min, max) of memblock_alloc_try_nid. */
	boot_64k();
	is_u64(memblock_alloc_try_nid(0x1000, 0x1000, 0x12000, 0x18000, NUMA_NO_NODE), 0x17000,
	       "window top-down: below max_addr");
	memblock_set_bottom_up(true);
	is_u64(memblock_alloc_try_nid(0x1000, 0x1000, 0x12000, 0x18000, NUMA_NO_NODE), 0x12000,
	       "window bottom-up: at min_addr");
}

static void test_align_and_size(void)
{
	/* align 0: dump_stack, then SMP_CACHE_BYTES (:1384-1387). */
	mt_machine();
	boot_64k();
	is_u64(memblock_phys_alloc(0x10, 0), 0x1ffc0, "align 0: 64-byte aligned");
	is_int(mt_count(LOG_SPLAT), 1, "align 0: one stack dump");
	ok(mt_logged(LOG_SPLAT, "CPU: 0 PID: 0 Comm: swapper Not tainted 6.1.192 #1"),
	   "align 0: dump_stack header");
	ok(mt_logged(LOG_INFO, " memblock_alloc_range_nid"), "align 0: dumped from alloc_range_nid");
	ok(mt_logged(LOG_DEBUG, "memblock_phys_alloc_range: 16 bytes align=0x0 "
		     "from=0x0000000000000000 max_addr=0x0000000000000000 test"),
	   "align 0: debug line shows the argument");
	mt_m.smp_cache_bytes = 32;
	boot_64k();
	is_u64(memblock_phys_alloc(0x10, 0), 0x1ffe0, "align 0 with 32-byte lines: 0x1ffe0");

	/* size 0 top-down returns the end of the free range and reserves nothing. */
	mt_machine();
	boot_64k();
	is_u64(memblock_phys_alloc(0, 0x1000), 0x20000, "size 0 top-down: end of range");
	mt_regions(&memblock.reserved, 0, "size 0: nothing reserved");
	ok(mt_logged(LOG_DEBUG, "memblock_reserve: [0x0000000000020000-0x000000000001ffff] "
		     "memblock_alloc_range_nid"),
	   "size 0: reserve line with end below base");
	memblock_set_bottom_up(true);
	is_u64(memblock_phys_alloc(0, 0x1000), 0x10000, "size 0 bottom-up: start of range");

	/* The first page is never handed out (:298). */
	mt_boot();
	memblock_add(0, 0x3000);
	memblock_set_bottom_up(true);
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x1000, "bottom-up floor: PAGE_SIZE");
	mt_boot();
	memblock_add(0, 0x1000);
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0, "only page 0: fails");
	mt_m.page_size = 0x4000;
	mt_boot();
	memblock_add(0, 0x10000);
	memblock_set_bottom_up(true);
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x4000, "16K pages: floor is PAGE_SIZE");
}

static void test_limits(void)
{
	/* ARCH_LOW_ADDRESS_LIMIT is an exclusive end: never the top page below 4G. */
	mt_machine();
	mt_boot();
	memblock_add(0, SZ_8G);
	is_u64(memblock_alloc_low(0x1000, 0x1000), 0xffffe000, "alloc_low: below 0xffffffff");
	mt_m.low_address_limit = 0x7fffffff;
	mt_boot();
	memblock_add(0, SZ_8G);
	is_u64(memblock_alloc_low(0x1000, 0x1000), 0x7fffe000, "alloc_low: machine's low limit");
	is_u64(memblock_alloc(0x1000, 0x1000), SZ_8G - 0x1000, "alloc: not limited to low");

	/* current_limit clamps ACCESSIBLE, and ANYWHERE only in the virtual API. */
	mt_machine();
	mt_boot();
	memblock_add(0x10000, 0xf0000);
	memblock_set_current_limit(0x80000);
	is_u64(memblock_get_current_limit(), 0x80000, "get_current_limit");
	is_u64(memblock_alloc(0x1000, 0x1000), 0x7f000, "alloc: below current_limit");
	is_u64(memblock_phys_alloc_range(0x1000, 0x1000, 0, MEMBLOCK_ALLOC_ANYWHERE), 0xff000,
	       "phys_alloc_range ANYWHERE: not clamped");
	is_u64(memblock_alloc_try_nid(0x1000, 0x1000, 0, MEMBLOCK_ALLOC_ANYWHERE, NUMA_NO_NODE),
	       0x7e000, "alloc_try_nid ANYWHERE: clamped");
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x7d000, "phys_alloc ACCESSIBLE: clamped");
	is_u64(memblock_phys_alloc_range(0x1000, 0x1000, 0, MEMBLOCK_ALLOC_NOLEAKTRACE), 0x7c000,
	       "NOLEAKTRACE: current_limit");

	/* min_addr is a preference in the virtual API only. */
	mt_machine();
	boot_64k();
	is_u64(memblock_phys_alloc_range(0x1000, 0x1000, 0x30000, 0), 0,
	       "phys_alloc_range above memory: 0");
	is_u64(memblock_alloc_from(0x1000, 0x1000, 0x30000), 0x1f000,
	       "alloc_from above memory: falls back to min 0");
	ok(mt_logged(LOG_DEBUG, "memblock_alloc_try_nid: 4096 bytes align=0x1000 nid=-1 "
		     "from=0x0000000000030000 max_addr=0x0000000000000000 test"),
	   "alloc_from: debug line");
	is_u64(memblock_alloc_from(0x1000, 0x1000, 0x18000), 0x1e000, "alloc_from: fits above min");
}

static void test_nodes(void)
{
	mt_numa_machine(8);
	mt_boot();
	memblock_add_node(0x10000, 0x10000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x20000, 0x10000, 1, MEMBLOCK_NONE);
	is_u64(memblock_alloc_node(0x1000, 0x1000, 0), 0x1f000, "alloc_node 0: in node 0");
	is_u64(memblock_alloc_node(0x1000, 0x1000, 1), 0x2f000, "alloc_node 1: in node 1");
	is_u64(memblock_phys_alloc_try_nid(0x1000, 0x1000, 2), 0x2e000,
	       "node 2 empty: falls back to any node");
	is_u64(memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, 2), 0,
	       "exact_nid on empty node: fails");
	is_u64(memblock.reserved.total_size, 0x3000, "exact_nid failure: nothing reserved");
	is_u64(memblock_alloc_range_nid(0x1000, 0x1000, 0, 0x20000, 1, false), 0x1e000,
	       "node 1 outside window: falls back below end");

	/* Adjacent regions of different nodes are never joined by a search. */
	mt_boot();
	memblock_add_node(0x10000, 0x10000, 0, MEMBLOCK_NONE);
	memblock_add_node(0x20000, 0x10000, 1, MEMBLOCK_NONE);
	is_u64(memblock_phys_alloc(0x11000, 0x1000), 0, "across two nodes: fails");

	/* Memory added without a node has nid MAX_NUMNODES: node 0 matches nothing. */
	mt_boot();
	memblock_add(0x10000, 0x10000);
	is_u64(memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, 0), 0,
	       "exact node 0 before set_node: fails");
	is_u64(memblock_alloc_node(0x1000, 0x1000, 0), 0x1f000, "node 0 before set_node: fallback");
	memblock_set_node(0, UINT64_MAX, &memblock.memory, 0);
	is_u64(memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, 0), 0x1e000,
	       "exact node 0 after set_node");

	/* nid == MAX_NUMNODES: WARN_ONCE at :1381, then treated as any node. */
	mt_log_clear();
	is_u64(memblock_alloc_range_nid(0x1000, 0x1000, 0, MEMBLOCK_ALLOC_ANYWHERE, 8, false),
	       0x1d000, "nid MAX_NUMNODES: any node");
	ok(mt_logged(LOG_INFO, "Usage of MAX_NUMNODES is deprecated. Use NUMA_NO_NODE instead"),
	   "nid MAX_NUMNODES: message");
	ok(mt_logged(LOG_SPLAT,
		     "WARNING: CPU: 0 PID: 0 at mm/memblock.c:1381 memblock_alloc_range_nid"),
	   "nid MAX_NUMNODES: WARN at memblock.c:1381");
	memblock_alloc_range_nid(0x1000, 0x1000, 0, MEMBLOCK_ALLOC_ANYWHERE, 8, false);
	is_int(mt_count(LOG_SPLAT), 1, "nid MAX_NUMNODES: warns once");

	/* Without NUMA every region is node 0 and MAX_NUMNODES is 1. */
	mt_machine();
	boot_64k();
	is_u64(memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, 0), 0x1f000,
	       "no NUMA: exact node 0 matches");
	is_u64(memblock_alloc_exact_nid_raw(0x1000, 0x1000, 0, 0, 2), 0, "no NUMA: node 2 exact fails");
	is_u64(memblock_phys_alloc_try_nid(0x1000, 0x1000, 2), 0x1e000, "no NUMA: node 2 falls back");
	is_int(mt_count(LOG_SPLAT), 0, "no NUMA: no warning yet");
	memblock_phys_alloc_try_nid(0x1000, 0x1000, 1);
	is_int(mt_count(LOG_SPLAT), 1, "no NUMA: nid 1 is MAX_NUMNODES and warns");
}

static void test_mirror(void)
{
	mt_machine();
	mt_m.mirrored_kernelcore = true;
	boot_64k();
	memblock_mark_mirror(0x10000, 0x1000);
	is_u64(memblock_phys_alloc(0x800, 0x100), 0x10800, "mirror: fits in mirrored memory");
	is_int(mt_count(LOG_WARN), 0, "mirror fit: no warning");
	is_u64(memblock_phys_alloc(0x2000, 0x1000), 0x1e000, "mirror too small: falls back");
	ok(mt_logged(LOG_WARN, "Could not allocate 0x0000000000002000 bytes of mirrored memory"),
	   "mirror fallback: warning with %%pap");
	/* pr_warn_ratelimited: 10 per call site; jiffies stand still this early. */
	for (int i = 0; i < 11; i++)
		memblock_phys_alloc(0x1000, 0x1000);
	is_int(mt_count(LOG_WARN), 10, "mirror fallback: ratelimited to 10");
	is_u64(memblock.reserved.total_size, 0x800 + 0x2000 + 11 * 0x1000,
	       "mirror fallback: every allocation succeeded");

	/* mark_mirror is a no-op without kernelcore=mirror: no preference, no warning. */
	mt_machine();
	boot_64k();
	memblock_mark_mirror(0x10000, 0x1000);
	is_u64(memblock_phys_alloc(0x800, 0x100), 0x1f800, "no mirroring: top of memory");
	is_int(mt_count(LOG_WARN), 0, "no mirroring: no warning");
}

static void test_skipped_regions(void)
{
	/* HOTPLUG is skipped only with movable_node (:998-1000). */
	mt_machine();
	boot_64k();
	memblock_mark_hotplug(0x18000, 0x8000);
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x1f000, "hotplug without movable_node: used");
	mt_m.movable_node = true;
	boot_64k();
	memblock_mark_hotplug(0x18000, 0x8000);
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x17000, "hotplug with movable_node: skipped");

	mt_machine();
	boot_64k();
	memblock_mark_nomap(0x18000, 0x8000);
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x17000, "NOMAP: skipped");
	boot_64k();
	memblock_add_node(0x20000, 0x10000, 0, MEMBLOCK_DRIVER_MANAGED);
	is_u64(memblock_phys_alloc(0x1000, 0x1000), 0x1f000, "DRIVER_MANAGED: skipped");
}

static bool content_is(const struct mb_state *st, int i, uint64_t base, uint64_t size,
		       enum content_state state)
{
	return i < st->nr_contents && st->contents[i].base == base &&
	       st->contents[i].size == size && st->contents[i].state == state;
}

static void test_contents(void)
{
	struct mb_state st = { 0 };

	mt_machine();
	boot_64k();
	memblock_alloc(0x1000, 0x1000);
	memblock_alloc_raw(0x1000, 0x1000);
	memblock_phys_alloc(0x1000, 0x1000);
	memblock_alloc_try_nid_raw(0x800, 0x800, 0, 0, NUMA_NO_NODE);
	memblock_alloc_node(0x800, 0x800, NUMA_NO_NODE);
	contents_copy_out(&st);
	ok(st.nr_contents == 5 && content_is(&st, 0, 0x1c000, 0x800, CONTENT_ZEROED) &&
	   content_is(&st, 1, 0x1c800, 0x800, CONTENT_UNTOUCHED) &&
	   content_is(&st, 2, 0x1d000, 0x1000, CONTENT_UNTOUCHED) &&
	   content_is(&st, 3, 0x1e000, 0x1000, CONTENT_UNTOUCHED) &&
	   content_is(&st, 4, 0x1f000, 0x1000, CONTENT_ZEROED),
	   "contents: zeroing family zeroed, raw and phys untouched, sorted");
	state_free(&st);

	memblock_free(0x1e800, 0x1000);
	contents_copy_out(&st);
	ok(st.nr_contents == 5 && content_is(&st, 3, 0x1e000, 0x800, CONTENT_UNTOUCHED) &&
	   content_is(&st, 4, 0x1f800, 0x800, CONTENT_ZEROED),
	   "contents: a free forgets exactly its range");
	state_free(&st);

	/* A later allocation overwrites what it covers. */
	contents_set(0x1c400, 0x1000, CONTENT_ZEROED);
	contents_copy_out(&st);
	ok(st.nr_contents == 5 && content_is(&st, 0, 0x1c000, 0x400, CONTENT_ZEROED) &&
	   content_is(&st, 1, 0x1c400, 0x1000, CONTENT_ZEROED) &&
	   content_is(&st, 2, 0x1d400, 0xc00, CONTENT_UNTOUCHED),
	   "contents: overwrite splits the covered entries");
	state_free(&st);

	memblock_enforce_memory_limit(0x1000);
	contents_copy_out(&st);
	is_int(st.nr_contents, 0, "contents: reserved cut by a limit forgets them");
	state_free(&st);
}

int main(void)
{
	plan(73);
	test_placement();
	test_align_and_size();
	test_limits();
	test_nodes();
	test_mirror();
	test_skipped_regions();
	test_contents();
	steplog_set_current(NULL, 8);
	steplog_free(&mt_log);
	return done_testing();
}
