// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The simulated physical memory behind a kernel engine's __va()/__pa()
 * (src/kernel/kernel_simmem.c), and the allocation contents the kernel engine
 * keeps (kcontents_*).  Needs no kernel tree.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ops.h"
#include "core/state.h"
#include "kernel/kernel_contents.h"
#include "kernel/kernel_simmem.h"
#include "tap.h"

#define GiB	(1ULL << 30)

static unsigned char peek(struct simmem *sm, uint64_t pa)
{
	return *(volatile unsigned char *)simmem_va(sm, pa);
}

static void poke(struct simmem *sm, uint64_t pa, unsigned char v)
{
	*(volatile unsigned char *)simmem_va(sm, pa) = v;
}

static void test_map(struct simmem *sm)
{
	uint64_t pa = 0;
	int local;
	char *a, *b;

	a = simmem_va(sm, 0x100000000ULL);
	ok(a != NULL, "4 GiB maps");
	ok(!simmem_pa(sm, a, &pa) && pa == 0x100000000ULL, "__pa(__va(4 GiB)) is 4 GiB");
	ok(simmem_pa(sm, &local, &pa) != 0, "a host stack address is not simulated memory");
	ok(peek(sm, 0xfffffffffffff000ULL) == 0, "the last page of the 64-bit space reads zero");

	/* A direct map is contiguous: across a chunk boundary, both views agree. */
	a = simmem_va(sm, SIMMEM_SPAN - 8);
	b = simmem_va(sm, SIMMEM_SPAN + 8);
	a[16] = 0x5a;
	ok(b[0] == 0x5a, "a write running past a chunk is seen from the next chunk's window");
	ok(simmem_contains(sm, a, 16 + 1), "the window holds the run past the chunk");

	poke(sm, 0x100000000ULL, 0x11);
	simmem_va(sm, 200 * SIMMEM_SPAN);
	ok(peek(sm, 0x100000000ULL) == 0x11, "memory keeps its bytes when other windows appear");
}

static void test_zero(struct simmem *sm)
{
	uint64_t base = 3 * GiB + 0x123;	/* not page-aligned */
	uint64_t n = 700 * GiB;			/* more than any window */

	poke(sm, base - 1, 1);
	poke(sm, base, 2);
	poke(sm, base + GiB, 3);
	poke(sm, base + SIMMEM_SPAN * 3, 4);
	poke(sm, base + n - 1, 5);
	poke(sm, base + n, 6);
	simmem_zero(sm, simmem_va(sm, base), n);
	ok(peek(sm, base) == 0 && peek(sm, base + GiB) == 0, "zeroing clears its first gigabyte");
	ok(peek(sm, base + SIMMEM_SPAN * 3) == 0, "zeroing clears chunks beyond the first window");
	ok(peek(sm, base + n - 1) == 0, "zeroing clears its last byte");
	ok(peek(sm, base - 1) == 1, "the byte before the range is left alone");
	ok(peek(sm, base + n) == 6, "the byte after the range is left alone");
}

static void test_clear(struct simmem *sm)
{
	unsigned long gen = simmem_generation(sm);

	poke(sm, 0x2000, 7);
	poke(sm, SIMMEM_SPAN + 0x10, 9);	/* seen through two windows */
	simmem_clear(sm);
	ok(simmem_generation(sm) != gen, "a clear starts a new generation");
	ok(peek(sm, 0x2000) == 0, "after a clear, memory reads zero");
	ok(peek(sm, SIMMEM_SPAN + 0x10) == 0, "... in every chunk and window");
	poke(sm, 0x3000, 5);
	ok(peek(sm, 0x3000) == 5 && peek(sm, 0x2000) == 0, "and takes writes again");
}

/* Bytes of host memory the process holds (VmRSS plus its shared memory). */
static long resident_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "VmRSS:", 6))
			kb = atol(line + 6);
	if (f)
		fclose(f);
	return kb;
}

/*
 * The next boot keeps the last one's windows, emptied: the same host
 * addresses, zeros everywhere it wrote (a whole written megabyte
 * included, its pages given back), and windows of boots before it make
 * room when a boot needs more than the limit.
 */
static void test_reuse(struct simmem *sm)
{
	unsigned char *va = simmem_va(sm, 0x100000);
	long before, filled, after;
	int k, bad = 0;

	simmem_clear(sm);
	va = simmem_va(sm, 0x100000);
	before = resident_kb();
	memset(va, 0xaa, 1 << 20);
	poke(sm, 7 * SIMMEM_SPAN + 3, 0x55);
	filled = resident_kb();
	simmem_clear(sm);
	after = resident_kb();
	ok(simmem_va(sm, 0x100000) == va, "a clear keeps the windows: the same host address");
	ok(peek(sm, 0x100000) == 0 && peek(sm, 0x100000 + (1 << 20) - 1) == 0 &&
	   peek(sm, 7 * SIMMEM_SPAN + 3) == 0, "what the last boot wrote reads zero");
	ok(filled - before >= 1000 && after - before < 200, "its pages are given back "
	   "(%ld kB before, %ld written, %ld after)", before, filled, after);
	/* 127 windows of two chunks each: with the 4 kept ones, more than the 256 allowed. */
	simmem_clear(sm);
	for (k = 0; k < 127; k++)
		poke(sm, (100 + 2 * (uint64_t)k) * SIMMEM_SPAN, (unsigned char)(k + 1));
	for (k = 0; k < 127; k++)
		bad += peek(sm, (100 + 2 * (uint64_t)k) * SIMMEM_SPAN) != (unsigned char)(k + 1);
	ok(!bad, "a boot may use every window: those kept from earlier boots make room (%s)",
	   bad ? simmem_error(sm) : "all 127 kept their byte");
	simmem_clear(sm);
	ok(peek(sm, 100 * SIMMEM_SPAN) == 0, "and all of it reads zero after a clear");
}

static void test_contents(void)
{
	struct kcontents c = { 0 };
	struct mb_region rsv[2] = {
		{ 0x1000, 0x1000, 0, 0 },
		{ 0x4000, 0x2000, 0, 0 },
	};
	struct mb_type reserved = { 2, 128, 0x3000, rsv };

	kcontents_set(&c, 0x1000, 0x1000, CONTENT_ZEROED);
	kcontents_set(&c, 0x4000, 0x3000, CONTENT_UNTOUCHED);
	kcontents_set(&c, 0x5000, 0x1000, CONTENT_ZEROED);
	is_int(c.nr, 4, "an allocation inside another splits it in three");
	kcontents_keep_only(&c, &reserved);
	is_int(c.nr, 3, "what left memblock.reserved is no longer an allocation");
	is_u64(c.v[2].base + c.v[2].size, 0x6000, "the last range ends where reserved does");
	ok(c.v[1].state == CONTENT_UNTOUCHED && c.v[1].base == 0x4000 && c.v[1].size == 0x1000 &&
	   c.v[2].state == CONTENT_ZEROED && c.v[2].base == 0x5000, "the split ranges keep their states");
	kcontents_free(&c);

	/* Regions that touch (other flags) do not cut a range; a hole does. */
	{
		struct mb_region touch[3] = {
			{ 0x10000, 0x1000, 0, 0 },
			{ 0x11000, 0x1000, MBF_NOMAP, 0 },
			{ 0x14000, 0x1000, 0, 0 },
		};
		struct mb_type t = { 3, 128, 0x3000, touch };

		kcontents_set(&c, 0x10000, 0x5000, CONTENT_ZEROED);
		kcontents_keep_only(&c, &t);
		ok(c.nr == 2 && c.v[0].base == 0x10000 && c.v[0].size == 0x2000 &&
		   c.v[1].base == 0x14000 && c.v[1].size == 0x1000,
		   "a range over touching regions stays whole; a hole cuts it");
		kcontents_free(&c);
	}
}

int main(void)
{
	struct simmem *sm = simmem_create();

	test_map(sm);
	test_zero(sm);
	test_clear(sm);
	test_reuse(sm);
	simmem_destroy(sm);
	test_contents();
	return done_testing();
}
