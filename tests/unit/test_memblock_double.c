// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Growing region arrays (mm/memblock.c:409-499): only after
 * memblock_allow_resize(), page-rounded, placed by the allocator's own
 * search -- above the range being reserved first, then below it -- the
 * old array freed, the new one reserved, and the region size of the
 * simulated kernel (24, 16 or 12 bytes) in every number.
 */
#include "tap.h"
#include "memblock_test.h"

#include <linux/errno.h>
#include <linux/sizes.h>

/* memory [0, 16M); @n disjoint 4K reserves from 1M, every other page. */
static void boot_reserves(int n)
{
	int i;

	mt_boot();
	memblock_add(0, SZ_16M);
	for (i = 0; i < n; i++)
		memblock_reserve(SZ_1M + i * 0x2000, 0x1000);
}

/* reserved holds the @n reserves of boot_reserves(), then [base, base + size). */
static bool reserves_then(int n, u64 base, u64 size)
{
	const struct memblock_type *t = &memblock.reserved;
	bool pass = t->cnt == (unsigned long)n + 1 && t->regions[n].base == base &&
		    t->regions[n].size == size;
	int i;

	for (i = 0; pass && i < n; i++)
		pass = t->regions[i].base == SZ_1M + (u64)i * 0x2000 && t->regions[i].size == 0x1000;
	if (!pass)
		mt_dump_type(t);
	return pass;
}

static void test_reserved_doubling(void)
{
	mt_machine();
	mt_m.allow_resize = true;
	boot_reserves(128);
	is_u64(memblock.reserved.cnt, 128, "128 reserves: array full");
	mt_log_clear();
	is_int(memblock_reserve(SZ_1M + 128 * 0x2000, 0x1000), 0, "129th reserve: 0");
	ok(mt_line_is(0, LOG_DEBUG, "memblock_reserve: [0x0000000000200000-0x0000000000200fff] test"),
	   "129th: its own debug line first");
	/* 128 * 24 = 3072 bytes doubled to 6144, page-rounded to 8K, top-down. */
	ok(mt_line_is(1, LOG_DEBUG,
		      "memblock: reserved is doubled to 256 at [0x0000000000ffe000-0x0000000000fff7ff]"),
	   "129th: doubled line with the unrounded end");
	ok(mt_line_is(2, LOG_DEBUG, "memblock_reserve: [0x0000000000ffe000-0x0000000000ffffff] "
		      "memblock_double_array"),
	   "129th: new array reserved, 8K");
	is_int(mt_log.nr, 3, "129th: nothing else printed");
	is_u64(memblock.reserved.max, 256, "129th: max 256");
	is_u64(memblock.reserved.cnt, 130, "129th: new region plus the array");
	is_u64(memblock.reserved.total_size, 129 * 0x1000 + 0x2000, "129th: total_size");
	memblock_reserve(SZ_1M + 129 * 0x2000, 0x1000);
	is_u64(memblock.reserved.cnt, 131, "130th: fits without doubling");

	/* Reserving the top page: nothing above it, so the array goes just below. */
	boot_reserves(128);
	memblock_reserve(SZ_16M - 0x1000, 0x1000);
	ok(reserves_then(128, SZ_16M - 0x3000, 0x3000),
	   "reserve at the top: array placed just below it, merged with it");

	/* Without memblock_allow_resize(): -ENOMEM, silently (:422-423). */
	mt_m.allow_resize = false;
	boot_reserves(128);
	mt_log_clear();
	is_int(memblock_reserve(SZ_1M + 128 * 0x2000, 0x1000), -ENOMEM, "no resize: -ENOMEM");
	is_u64(memblock.reserved.cnt, 128, "no resize: cnt stays 128");
	is_int(mt_log.nr, 1, "no resize: only the reserve's own debug line");
	memblock_allow_resize();
	is_int(memblock_reserve(SZ_1M + 128 * 0x2000, 0x1000), 0, "after allow_resize: 0");
	is_u64(memblock.reserved.max, 256, "after allow_resize: doubled");
}

static void test_double_fails(void)
{
	/* No page-aligned page left either above or below the new range: pr_err. */
	mt_machine();
	mt_m.reserved_regions = 2;
	mt_m.allow_resize = true;
	mt_boot();
	memblock_add(0, 0x4000);
	memblock_reserve(0x1000, 0x1000);
	memblock_reserve(0x3000, 0x1000);
	mt_log_clear();
	is_int(memblock_reserve(0x2000, 0x800), -ENOMEM, "no room for the array: -ENOMEM");
	ok(mt_logged(LOG_ERR, "memblock: Failed to double reserved array from 2 to 4 entries !"),
	   "no room for the array: error message");
	is_u64(memblock.reserved.cnt, 2, "no room for the array: nothing added");
}

static void test_memory_doubling(void)
{
	mt_machine();
	mt_m.memory_regions = 2;
	mt_m.allow_resize = true;
	mt_boot();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	mt_log_clear();
	memblock_add(0x500000, 0x100000);
	/* memory ignores the new area: the highest free page, 4 * 24 bytes used. */
	ok(mt_line_is(1, LOG_DEBUG,
		      "memblock: memory is doubled to 4 at [0x00000000003ff000-0x00000000003ff05f]"),
	   "memory doubled to 4: placement and size");
	mt_regions(&memblock.reserved, 1, "memory doubled: array reserved", R(0x3ff000, 0x1000));
	is_u64(memblock.memory.max, 4, "memory max 4");
	memblock_add(0x700000, 0x100000);
	mt_log_clear();
	memblock_add(0x900000, 0x100000);
	ok(mt_line_is(1, LOG_DEBUG,
		      "memblock: memory is doubled to 8 at [0x00000000007ff000-0x00000000007ff0bf]"),
	   "memory doubled to 8");
	/* The old array was not static: memblock_free() before the new reservation. */
	ok(mt_line_is(2, LOG_DEBUG, "memblock_phys_free: [0x00000000003ff000-0x00000000003fffff] "
		      "memblock_double_array"),
	   "old array freed through the inlined memblock_free");
	ok(mt_line_is(3, LOG_DEBUG, "memblock_reserve: [0x00000000007ff000-0x00000000007fffff] "
		      "memblock_double_array"),
	   "new array reserved");
	mt_regions(&memblock.reserved, 1, "memory doubled twice: only the new array",
		   R(0x7ff000, 0x1000));
	mt_regions(&memblock.memory, 5, "memory doubled twice: five regions",
		   R(0x100000, 0x100000), R(0x300000, 0x100000), R(0x500000, 0x100000),
		   R(0x700000, 0x100000), R(0x900000, 0x100000));

	/* Reserving the memory array overflows reserved: a nested doubling. */
	mt_m.reserved_regions = 2;
	mt_boot();
	memblock_add(0x100000, 0x100000);
	memblock_add(0x300000, 0x100000);
	memblock_reserve(0x100000, 0x1000);
	memblock_reserve(0x300000, 0x1000);
	mt_log_clear();
	is_int(memblock_add(0x500000, 0x100000), 0, "nested doubling: 0");
	ok(mt_line_is(3, LOG_DEBUG,
		      "memblock: reserved is doubled to 4 at [0x00000000003fe000-0x00000000003fe05f]"),
	   "nested doubling: reserved array below the memory array");
	mt_regions(&memblock.reserved, 3, "nested doubling: both arrays reserved, merged",
		   R(0x100000, 0x1000), R(0x300000, 0x1000), R(0x3fe000, 0x2000));
	is_u64(memblock.memory.cnt, 3, "nested doubling: memory added");
}

static void test_double_on_isolate(void)
{
	/* A free needs cnt + 2 <= max: reserved doubles before removing anything. */
	mt_machine();
	mt_m.reserved_regions = 4;
	mt_m.allow_resize = true;
	mt_boot();
	memblock_add(0, SZ_16M);
	memblock_reserve(0x100000, 0x1000);
	memblock_reserve(0x102000, 0x1000);
	memblock_reserve(0x104000, 0x1000);
	is_int(memblock_phys_free(0x102000, 0x1000), 0, "free with full array: 0");
	is_u64(memblock.reserved.max, 8, "free with full array: doubled");
	mt_regions(&memblock.reserved, 3, "free with full array: freed, array reserved",
		   R(0x100000, 0x1000), R(0x104000, 0x1000), R(SZ_16M - 0x1000, 0x1000));
}

static void test_double_mirror(void)
{
	/* memblock_find_in_range asks for mirror first and warns when it falls back. */
	mt_machine();
	mt_m.reserved_regions = 2;
	mt_m.allow_resize = true;
	mt_m.mirrored_kernelcore = true;
	mt_boot();
	memblock_add(0x100000, 0x100000);
	memblock_mark_mirror(0x100000, 0x1000);
	memblock_reserve(0x100000, 0x1000);
	memblock_reserve(0x150000, 0x1000);
	mt_log_clear();
	memblock_reserve(0x160000, 0x1000);
	ok(mt_logged(LOG_WARN, "Could not allocate 0x0000000000001000 bytes of mirrored memory"),
	   "doubling without mirror left: warning");
	mt_regions(&memblock.reserved, 4, "doubling: array at the top of any memory",
		   R(0x100000, 0x1000), R(0x150000, 0x1000), R(0x160000, 0x1000),
		   R(0x1ff000, 0x1000));
}

/* The region size of the simulated kernel shows in the doubled line's end. */
static void check_region_size(int bits, bool numa, const char *want, const char *name)
{
	mt_machine();
	mt_m.phys_addr_bits = bits;
	mt_m.numa = numa;
	mt_m.max_numnodes = numa ? 8 : 1;
	mt_m.current_limit = bits == 32 ? 0xffffffff : UINT64_MAX;
	mt_m.allow_resize = true;
	boot_reserves(128);
	mt_log_clear();
	memblock_reserve(SZ_1M + 128 * 0x2000, 0x1000);
	ok(mt_line_is(1, LOG_DEBUG, want), "%s", name);
}

static void test_region_sizes(void)
{
	check_region_size(32, false,
			  "memblock: reserved is doubled to 256 at [0x00fff000-0x00fffbff]",
			  "32-bit, no NUMA: 12-byte regions, one page");
	check_region_size(32, true,
			  "memblock: reserved is doubled to 256 at [0x00fff000-0x00ffffff]",
			  "32-bit, NUMA: 16-byte regions");
	check_region_size(64, true,
			  "memblock: reserved is doubled to 256 at "
			  "[0x0000000000ffe000-0x0000000000fff7ff]",
			  "64-bit, NUMA: 24-byte regions");
}

int main(void)
{
	plan(39);
	test_reserved_doubling();
	test_double_fails();
	test_memory_doubling();
	test_double_on_isolate();
	test_double_mirror();
	test_region_sizes();
	steplog_set_current(NULL, 8);
	steplog_free(&mt_log);
	return done_testing();
}
