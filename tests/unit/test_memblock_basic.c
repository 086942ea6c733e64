// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The memblock model: adding, reserving, removing and freeing ranges,
 * flags, nodes, trimming, limits and queries.  Expected values come from
 * mm/memblock.c 6.1.192 (line numbers in the test names' comments) and
 * from tools/testing/memblock/tests/basic_api.c.
 */
#include "tap.h"
#include "memblock_test.h"

#include <linux/errno.h>
#include <linux/sizes.h>

static void test_boot_state(void)
{
	mt_machine();
	mt_boot();
	/* mm/memblock.c:109-137: cnt 1 (the dummy), static max, ANYWHERE limit. */
	mt_regions(&memblock.memory, 0, "boot: memory empty");
	mt_regions(&memblock.reserved, 0, "boot: reserved empty");
	is_u64(memblock.memory.max, 128, "boot: memory.max is INIT_MEMBLOCK_MEMORY_REGIONS");
	is_u64(memblock.reserved.max, 128, "boot: reserved.max");
	is_u64(memblock.current_limit, UINT64_MAX, "boot: current_limit is ANYWHERE");
	ok(!memblock.bottom_up, "boot: top-down");
	ok(!strcmp(memblock.memory.name, "memory") && !strcmp(memblock.reserved.name, "reserved"),
	   "boot: type names");
}

static void test_add(void)
{
	mt_machine();
	mt_boot();
	is_int(memblock_add(SZ_1G, SZ_256M), 0, "add: returns 0");
	mt_regions(&memblock.memory, 1, "add: one region", R(SZ_1G, SZ_256M));
	is_u64(memblock.memory.total_size, SZ_256M, "add: total_size");
	ok(mt_logged(LOG_DEBUG, "memblock_add: [0x0000000040000000-0x000000004fffffff] test"),
	   "add: debug line with inclusive end and caller");

	/* basic_api.c memblock_add_between_check: the middle piece joins all three. */
	mt_boot();
	memblock_add(SZ_1G, SZ_8K);
	memblock_add(SZ_1G + SZ_16K, SZ_8K);
	memblock_add(SZ_1G + SZ_8K, SZ_8K);
	mt_regions(&memblock.memory, 1, "add between: merged", R(SZ_1G, SZ_8K * 3));
	is_u64(memblock.memory.total_size, SZ_8K * 3, "add between: total_size");

	/* Only the uncovered parts are added; total counts them once. */
	mt_boot();
	memblock_add(0x1000, 0x1000);
	memblock_add(0x3000, 0x1000);
	mt_regions(&memblock.memory, 2, "add: disjoint stay apart", R(0x1000, 0x1000),
		   R(0x3000, 0x1000));
	memblock_add(0x1800, 0x2000);
	mt_regions(&memblock.memory, 1, "add overlapping both: one region", R(0x1000, 0x3000));
	is_u64(memblock.memory.total_size, 0x3000, "add overlapping both: total_size");
	is_int(memblock_add(0x1000, 0x3000), 0, "add twice: 0");
	is_u64(memblock.memory.total_size, 0x3000, "add twice: total unchanged");
	is_int(memblock_add(0x8000, 0), 0, "add size 0: 0");
	is_u64(memblock.memory.cnt, 1, "add size 0: nothing added");

	/* basic_api.c memblock_add_near_max_check: size capped to PHYS_ADDR_MAX - base (:170). */
	mt_boot();
	memblock_add(UINT64_MAX - SZ_1M, SZ_2M);
	mt_regions(&memblock.memory, 1, "add near max: capped", R(UINT64_MAX - SZ_1M, SZ_1M));

	/* memblock_add_node: nid and flags stored, printed in the debug line (:693). */
	mt_numa_machine(8);
	mt_boot();
	memblock_add_node(0x100000, 0x100000, 3, MEMBLOCK_HOTPLUG);
	mt_region_attr(&memblock.memory, 0, MEMBLOCK_HOTPLUG, 3, "add_node: flags and nid");
	ok(mt_logged(LOG_DEBUG,
		     "memblock_add_node: [0x0000000000100000-0x00000000001fffff] nid=3 flags=1 test"),
	   "add_node: debug line");
	memblock_add(0x300000, 0x1000);
	mt_region_attr(&memblock.memory, 1, 0, 8, "NUMA add: nid is MAX_NUMNODES");
}

static void test_add_warns(void)
{
	/* A gap below a HOTPLUG region is added with the caller's flags: WARN at :637. */
	mt_machine();
	mt_boot();
	memblock_add(0x2000, 0x1000);
	memblock_mark_hotplug(0x2000, 0x1000);
	mt_log_clear();
	memblock_add(0x1000, 0x3000);
	mt_regions(&memblock.memory, 3, "add over hotplug: three regions", R(0x1000, 0x1000),
		   R(0x2000, 0x1000), R(0x3000, 0x1000));
	mt_region_attr(&memblock.memory, 1, MEMBLOCK_HOTPLUG, 0, "add over hotplug: kept flag");
	mt_region_attr(&memblock.memory, 0, 0, 0, "add over hotplug: gap has caller's flags");
	is_u64(memblock.memory.total_size, 0x3000, "add over hotplug: total_size");
	is_int(mt_count(LOG_SPLAT), 1, "add over hotplug: one warning (single pass)");
	ok(mt_logged(LOG_SPLAT, "WARNING: CPU: 0 PID: 0 at mm/memblock.c:637 memblock_add_range"),
	   "add over hotplug: WARN at memblock.c:637");

	/* With cnt * 2 + 1 >= max the counting pass runs too: the WARN fires twice. */
	mt_machine();
	mt_m.memory_regions = 3;
	mt_boot();
	memblock_add(0x2000, 0x1000);
	memblock_mark_hotplug(0x2000, 0x1000);
	mt_log_clear();
	is_int(memblock_add(0x1000, 0x3000), 0, "two-pass add: 0");
	is_int(mt_count(LOG_SPLAT), 2, "two-pass add: WARN in both passes");
	is_u64(memblock.memory.cnt, 3, "two-pass add: three regions fit max 3");

	/* NUMA: a gap below a region of another node warns at :635, not :637. */
	mt_numa_machine(8);
	mt_boot();
	memblock_add_node(0x2000, 0x1000, 1, MEMBLOCK_NONE);
	mt_log_clear();
	memblock_add(0x1000, 0x3000);
	is_int(mt_count(LOG_SPLAT), 1, "NUMA add over node 1: one warning");
	ok(mt_logged(LOG_SPLAT, "WARNING: CPU: 0 PID: 0 at mm/memblock.c:635 memblock_add_range"),
	   "NUMA add over node 1: WARN at memblock.c:635");
	is_u64(memblock.memory.cnt, 3, "NUMA add: nids differ, no merge");
}

static void test_reserve_free(void)
{
	mt_machine();
	mt_boot();
	memblock_reserve(0x10000, 0x2000);
	memblock_reserve(0x11000, 0x2000);
	mt_regions(&memblock.reserved, 1, "reserve overlapping: merged", R(0x10000, 0x3000));
	is_u64(memblock.reserved.total_size, 0x3000, "reserve overlapping: new bytes only");
	is_u64(memblock_reserved_size(), 0x3000, "memblock_reserved_size");

	/* One free undoes any number of overlapping reserves: no reference count. */
	is_int(memblock_phys_free(0x10800, 0x1000), 0, "phys_free middle: 0");
	mt_regions(&memblock.reserved, 2, "phys_free middle: split", R(0x10000, 0x800),
		   R(0x11800, 0x1800));
	ok(mt_logged(LOG_DEBUG, "memblock_phys_free: [0x0000000000010800-0x00000000000117ff] test"),
	   "phys_free: debug line");

	/* memblock_free(NULL) does nothing; otherwise the caller shown is memblock_free. */
	mt_log_clear();
	memblock_free(0, 0x1000);
	is_int(mt_log.nr, 0, "memblock_free(NULL): no message");
	memblock_free(0x11800, 0x1800);
	mt_regions(&memblock.reserved, 1, "memblock_free: removed", R(0x10000, 0x800));
	ok(mt_logged(LOG_DEBUG,
		     "memblock_phys_free: [0x0000000000011800-0x0000000000012fff] memblock_free"),
	   "memblock_free: nested caller name");

	is_int(memblock_phys_free(0x40000, 0x1000), 0, "phys_free absent: 0");
	is_u64(memblock.reserved.cnt, 1, "phys_free absent: unchanged");

	/* basic_api.c memblock_remove_overlap_two_check */
	mt_boot();
	memblock_add(SZ_16M, SZ_32M);
	memblock_add(SZ_64M, SZ_64M);
	memblock_remove(SZ_32M, SZ_64M);
	mt_regions(&memblock.memory, 2, "remove overlapping two", R(SZ_16M, SZ_16M),
		   R(SZ_32M + SZ_64M, SZ_32M));
	is_u64(memblock.memory.total_size, SZ_16M + SZ_32M, "remove overlapping two: total");

	/* basic_api.c memblock_remove_near_max_check: removal size capped too. */
	mt_boot();
	memblock_add(UINT64_MAX - SZ_2M, SZ_2M);
	memblock_remove(UINT64_MAX - SZ_1M, SZ_2M);
	mt_regions(&memblock.memory, 1, "remove near max", R(UINT64_MAX - SZ_2M, SZ_1M));
}

static void test_physmem(void)
{
	/* physmem: its own 4-entry type, never filtered, nid MAX_NUMNODES (:865-873). */
	mt_numa_machine(8);
	mt_boot();
	is_u64(physmem.max, 4, "physmem: INIT_PHYSMEM_REGIONS");
	is_int(memblock_physmem_add(0x1000, 0x1000), 0, "physmem_add: 0");
	memblock_physmem_add(0x2000, 0x1000);
	mt_regions(&physmem, 1, "physmem_add: merged", R(0x1000, 0x2000));
	mt_region_attr(&physmem, 0, 0, 8, "physmem_add: nid MAX_NUMNODES");
	mt_regions(&memblock.memory, 0, "physmem_add: memory untouched");
	ok(mt_logged(LOG_DEBUG, "memblock_physmem_add: [0x0000000000002000-0x0000000000002fff] test"),
	   "physmem_add: debug line");
}

static void test_remove_to_empty(void)
{
	/* The boot dummy has nid 0; a dummy left by removal has MAX_NUMNODES (:351-359). */
	mt_numa_machine(8);
	mt_boot();
	is_int(memblock_get_region_node(&memblock.memory.regions[0]), 0, "boot dummy: nid 0");
	memblock_add(0x1000, 0x1000);
	memblock_remove(0x1000, 0x1000);
	mt_regions(&memblock.memory, 0, "remove all: empty");
	is_int(memblock_get_region_node(&memblock.memory.regions[0]), 8,
	       "emptied dummy: nid MAX_NUMNODES");
	is_u64(memblock.memory.total_size, 0, "remove all: total 0");
	is_int(mt_count(LOG_SPLAT), 0, "remove all: no warning");

	mt_machine();
	mt_boot();
	memblock_add(0x1000, 0x1000);
	memblock_remove(0x1000, 0x1000);
	is_int(memblock_get_region_node(&memblock.memory.regions[0]), 0,
	       "no NUMA: dummy reads nid 0");
}

static void test_full_array(void)
{
	mt_machine();
	mt_m.memory_regions = 4;
	mt_boot();
	memblock_add(0x10000, 0x1000);
	memblock_add(0x20000, 0x1000);
	memblock_add(0x30000, 0x1000);
	is_int(memblock_add(0x40000, 0x1000), 0, "fourth region fits max 4");
	/* No memblock_allow_resize(): doubling is refused silently (:422-423). */
	is_int(memblock_add(0x50000, 0x1000), -ENOMEM, "fifth region: -ENOMEM");
	is_u64(memblock.memory.cnt, 4, "fifth region: nothing added");
	is_int(mt_count(LOG_ERR), 0, "refused doubling prints nothing");
	/* isolate needs cnt + 2 <= max before looking at anything (:747-750). */
	is_int(memblock_remove(0x90000, 0x1000), -ENOMEM, "remove absent range: -ENOMEM");
	is_int(memblock_mark_hotplug(0x10000, 0x1000), -ENOMEM, "mark_hotplug: -ENOMEM");
	is_int(memblock_remove(0x90000, 0), 0, "remove size 0: 0");
	is_int(memblock_add(0x10000, 0x1000), 0, "add covered range: 0");
}

static void test_flags(void)
{
	mt_machine();
	mt_boot();
	memblock_add(0x1000, 0x4000);
	is_int(memblock_mark_hotplug(0x2000, 0x1000), 0, "mark_hotplug: 0");
	mt_regions(&memblock.memory, 3, "mark_hotplug: split", R(0x1000, 0x1000), R(0x2000, 0x1000),
		   R(0x3000, 0x2000));
	mt_region_attr(&memblock.memory, 1, MEMBLOCK_HOTPLUG, 0, "mark_hotplug: flag");
	is_u64(memblock.memory.total_size, 0x4000, "mark_hotplug: total unchanged");
	memblock_clear_hotplug(0, UINT64_MAX);
	mt_regions(&memblock.memory, 1, "clear_hotplug: merged again", R(0x1000, 0x4000));

	memblock_mark_nomap(0x4000, 0x1000);
	mt_region_attr(&memblock.memory, 1, MEMBLOCK_NOMAP, 0, "mark_nomap");
	ok(!memblock_is_map_memory(0x4000) && memblock_is_map_memory(0x3fff),
	   "is_map_memory: false only in NOMAP");
	ok(memblock_is_memory(0x4000), "is_memory: NOMAP is memory");
	memblock_clear_nomap(0x4000, 0x1000);
	is_u64(memblock.memory.cnt, 1, "clear_nomap: merged");

	/* No kernelcore=mirror: memblock_mark_mirror returns 0 and does nothing (:941). */
	is_int(memblock_mark_mirror(0x1000, 0x1000), 0, "mark_mirror without mirror: 0");
	mt_region_attr(&memblock.memory, 0, 0, 0, "mark_mirror without mirror: no flag");
	mt_m.mirrored_kernelcore = true;
	mt_boot();
	memblock_add(0x1000, 0x4000);
	memblock_mark_mirror(0x1000, 0x1000);
	mt_region_attr(&memblock.memory, 0, MEMBLOCK_MIRROR, 0, "mark_mirror with mirror");

	/* A flag change on a range with no memory succeeds and changes nothing. */
	is_int(memblock_mark_nomap(0x100000, 0x1000), 0, "mark_nomap outside memory: 0");
	is_u64(memblock.memory.cnt, 2, "mark_nomap outside memory: unchanged");
}

static void test_set_node(void)
{
	mt_machine();
	mt_boot();
	memblock_add(0x1000, 0x4000);
	is_int(memblock_set_node(0x2000, 0x1000, &memblock.memory, 3), 0, "no NUMA set_node: 0");
	is_u64(memblock.memory.cnt, 1, "no NUMA set_node: no split");

	mt_numa_machine(8);
	mt_boot();
	memblock_add(0x1000, 0x4000);
	memblock_set_node(0x2000, 0x1000, &memblock.memory, 3);
	mt_regions(&memblock.memory, 3, "NUMA set_node: split", R(0x1000, 0x1000),
		   R(0x2000, 0x1000), R(0x3000, 0x2000));
	mt_region_attr(&memblock.memory, 1, 0, 3, "NUMA set_node: nid");
	mt_region_attr(&memblock.memory, 2, 0, 8, "NUMA set_node: rest keeps MAX_NUMNODES");
	memblock_set_node(0, UINT64_MAX, &memblock.memory, 3);
	mt_regions(&memblock.memory, 1, "NUMA set_node all: merged", R(0x1000, 0x4000));

	memblock_reserve(0x2000, 0x2000);
	memblock_set_node(0x2000, 0x1000, &memblock.reserved, 1);
	mt_regions(&memblock.reserved, 2, "set_node on reserved: split", R(0x2000, 0x1000),
		   R(0x3000, 0x1000));
}

static void test_trim(void)
{
	/* The trim quirk: a shrunk region keeps its share of total_size (:1855-1878). */
	mt_machine();
	mt_boot();
	memblock_add(0x1010, 0x3000);
	memblock_trim_memory(0x1000);
	mt_regions(&memblock.memory, 1, "trim: rounded inward", R(0x2000, 0x2000));
	is_u64(memblock.memory.total_size, 0x3000, "trim: total_size not updated");

	/* Removing the last region then finds total_size != 0: WARN at :353. */
	mt_log_clear();
	memblock_remove(0x2000, 0x2000);
	ok(mt_logged(LOG_SPLAT,
		     "WARNING: CPU: 0 PID: 0 at mm/memblock.c:353 memblock_remove_region"),
	   "trim then remove all: WARN at memblock.c:353");
	is_u64(memblock.memory.total_size, 0x1000, "trim then remove all: stale total");
	mt_log_clear();
	memblock_add(0x10000, 0x1000);
	ok(mt_logged(LOG_SPLAT, "WARNING: CPU: 0 PID: 0 at mm/memblock.c:593 memblock_add_range"),
	   "add to empty with stale total: WARN at memblock.c:593");
	is_u64(memblock.memory.total_size, 0x1000, "add to empty: total reset to size");

	/* basic_api.c memblock_trim_memory_too_small_check / unaligned_base_check (64-byte align). */
	mt_boot();
	memblock_add(64, 128);
	memblock_add(256, 62);
	memblock_trim_memory(64);
	mt_regions(&memblock.memory, 1, "trim: too small region removed", R(64, 128));
	mt_boot();
	memblock_add(64, 128);
	memblock_add(258, 126);
	memblock_trim_memory(64);
	mt_regions(&memblock.memory, 2, "trim: unaligned base", R(64, 128), R(320, 64));
}

static void test_limits(void)
{
	/* mm/memblock.c:1697-1715, the spec's worked example. */
	mt_machine();
	mt_boot();
	memblock_add(0x1000, 0x4000);
	memblock_add(0x10000, 0x4000);
	memblock_reserve(0x2000, 0x10000);
	memblock_enforce_memory_limit(0);
	is_u64(memblock.memory.cnt, 2, "enforce limit 0: nothing");
	memblock_enforce_memory_limit(0x9000);
	is_u64(memblock.memory.total_size, 0x8000, "enforce limit above total: nothing");
	memblock_enforce_memory_limit(0x5000);
	mt_regions(&memblock.memory, 2, "enforce limit: memory cut", R(0x1000, 0x4000),
		   R(0x10000, 0x1000));
	mt_regions(&memblock.reserved, 1, "enforce limit: reserved cut", R(0x2000, 0xf000));

	/* cap_memory_range keeps NOMAP outside the window, unmerged (:1717-1748). */
	mt_boot();
	memblock_add(0x1000, 0x8000);
	memblock_mark_nomap(0x4000, 0x4000);
	memblock_reserve(0x2000, 0x1000);
	memblock_reserve(0x7000, 0x1800);
	memblock_cap_memory_range(0x2000, 0x4000);
	mt_regions(&memblock.memory, 3, "cap: window plus NOMAP pieces", R(0x2000, 0x2000),
		   R(0x4000, 0x2000), R(0x6000, 0x2000));
	mt_region_attr(&memblock.memory, 1, MEMBLOCK_NOMAP, 0, "cap: NOMAP inside");
	mt_region_attr(&memblock.memory, 2, MEMBLOCK_NOMAP, 0, "cap: NOMAP outside kept");
	is_u64(memblock.memory.total_size, 0x6000, "cap: total_size");
	mt_regions(&memblock.reserved, 1, "cap: reserved cut to window", R(0x2000, 0x1000));

	mt_boot();
	memblock_cap_memory_range(0x2000, 0x4000);
	ok(mt_logged(LOG_WARN, "memblock_cap_memory_range: No memory registered yet"),
	   "cap with no memory: warning");
	memblock_add(0x1000, 0x1000);
	memblock_cap_memory_range(0x10000, 0x1000);
	mt_regions(&memblock.memory, 0, "cap outside all memory: everything removed");

	/* mem_limit_remove_map counts NOMAP towards the limit and keeps it. */
	mt_boot();
	memblock_add(0x1000, 0x4000);
	memblock_add(0x8000, 0x1000);
	memblock_mark_nomap(0x8000, 0x1000);
	memblock_add(0x10000, 0x4000);
	memblock_mem_limit_remove_map(0x5000);
	mt_regions(&memblock.memory, 2, "mem_limit_remove_map", R(0x1000, 0x4000), R(0x8000, 0x1000));
}

static void test_queries(void)
{
	mt_machine();
	mt_boot();
	is_u64(memblock_start_of_DRAM(), 0, "start_of_DRAM empty: 0");
	is_u64(memblock_end_of_DRAM(), 0, "end_of_DRAM empty: 0");
	ok(!memblock_is_memory(0), "is_memory empty: false");
	memblock_add(0x1000, 0x1000);
	memblock_add_node(0x2000, 0x1000, 0, MEMBLOCK_HOTPLUG);
	memblock_add(0x8000, 0x1000);
	memblock_reserve(0x1000, 0x1000);
	is_u64(memblock_start_of_DRAM(), 0x1000, "start_of_DRAM");
	is_u64(memblock_end_of_DRAM(), 0x9000, "end_of_DRAM");
	is_u64(memblock_phys_mem_size(), 0x3000, "phys_mem_size");
	ok(memblock_is_memory(0x8fff) && !memblock_is_memory(0x9000), "is_memory: end exclusive");
	ok(memblock_is_reserved(0x1000) && !memblock_is_reserved(0x2000), "is_reserved");
	/* Only the region holding base counts (:1828-1837). */
	ok(memblock_is_region_memory(0x1000, 0x1000), "is_region_memory: inside");
	ok(!memblock_is_region_memory(0x1800, 0x1000), "is_region_memory: into unmerged neighbour");
	ok(memblock_is_region_memory(0x1800, 0), "is_region_memory: size 0 in memory");
	ok(!memblock_is_region_memory(0x5000, 0), "is_region_memory: size 0 outside");
	/* memblock_addrs_overlap is strict: (b, 0) only inside (base, end). */
	ok(!memblock_is_region_reserved(0x1000, 0), "is_region_reserved: (base, 0) false");
	ok(memblock_is_region_reserved(0x1800, 0), "is_region_reserved: (inside, 0) true");
	ok(memblock_is_region_reserved(0x800, 0x1000), "is_region_reserved: overlap");
	ok(!memblock_is_region_reserved(0x2000, 0x1000), "is_region_reserved: adjacent");
}

static void test_phys32(void)
{
	/* 32-bit phys_addr_t: capping and the debug end wrap at 32 bits. */
	mt_machine();
	mt_m.phys_addr_bits = 32;
	mt_m.current_limit = 0xffffffff;
	mt_boot();
	memblock_add(0xfff00000, 0x200000);
	mt_regions(&memblock.memory, 1, "32-bit add near max: capped", R(0xfff00000, 0xfffff));
	ok(mt_logged(LOG_DEBUG, "memblock_add: [0xfff00000-0x000fffff] test"),
	   "32-bit debug line: 8 digits, end wrapped");

	/* cap_memory_range's base + size is not capped: it wraps (:1746-1747). */
	mt_boot();
	memblock_add(0x1000, 0xf000);
	memblock_reserve(0x2000, 0x1000);
	memblock_reserve(0x8000, 0x1000);
	memblock_cap_memory_range(0x8000, 0xffff9000);
	mt_regions(&memblock.memory, 1, "32-bit cap: memory from base", R(0x8000, 0x8000));
	mt_regions(&memblock.reserved, 0, "32-bit cap: wrapped end removes all reserved");

	mt_machine();
	mt_boot();
	memblock_add(0x1000, 0xf000);
	memblock_reserve(0x8000, 0x1000);
	memblock_cap_memory_range(0x8000, 0xffff9000);
	mt_regions(&memblock.reserved, 1, "64-bit cap: same call keeps reserved",
		   R(0x8000, 0x1000));
}

int main(void)
{
	plan(132);
	test_boot_state();
	test_add();
	test_add_warns();
	test_reserve_free();
	test_physmem();
	test_remove_to_empty();
	test_full_array();
	test_flags();
	test_set_node();
	test_trim();
	test_limits();
	test_queries();
	test_phys32();
	steplog_set_current(NULL, 8);
	steplog_free(&mt_log);
	return done_testing();
}
