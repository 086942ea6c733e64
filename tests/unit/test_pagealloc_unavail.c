// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * memmap_init()'s "pages in unavailable ranges" (src/model/pagealloc_unavail.c)
 * on machines worked out by hand from Linux 6.1 mm/page_alloc.c:6945-7026
 * (6.12 mm/mm_init.c:833-990 is the same): 4K pages, sections of 128M
 * (0x8000 pfns), the default zones DMA [.., 0x1000), DMA32 [.., 0x100000),
 * Normal, pfns below.
 */
#include <string.h>

#include "core/machine.h"
#include "core/state.h"
#include "core/steplog.h"
#include "model/pagealloc.h"
#include "tap.h"

static struct steplog lg;

enum { DMA, DMA32, NORMAL };

/* The zones' unavailable pages after laying out @n regions; -1 for a zone not there. */
static bool flatmem;

static void unavailable(const struct mb_region *r, int n, bool numa, enum kernel_version kv,
			int64_t out[2][3])
{
	struct mb_type t = { .cnt = (unsigned long)n, .max = 128, .regions = (struct mb_region *)r };
	struct page_alloc *pa = pa_create();
	struct mb_state st;
	struct machine m;
	int i, j;

	machine_init_default(&m);
	m.numa = numa;
	m.max_numnodes = numa ? 4 : 1;
	m.kernel = kv;
	m.flatmem = flatmem;
	pa_reset(pa, &m);
	pa_prepare(pa, &t);
	memset(&st, 0, sizeof(st));
	pa_get_state(pa, &st);
	for (i = 0; i < 2; i++)
		for (j = 0; j < 3; j++)
			out[i][j] = -1;
	for (i = 0; i < st.nr_zones; i++)
		if (st.zones[i].nid < 2 && st.zones[i].zone < 3)
			out[st.zones[i].nid][st.zones[i].zone] = (int64_t)st.zones[i].unavailable;
	state_free(&st);
	pa_destroy(pa);
}

#define MB(a, b, nid)	{ (a), (b) - (a), 0, (nid) }

/*
 * The 2 GiB VM: [0x1, 0x9f) and [0x100, 0x7ffe0).  DMA: the hole at the
 * start [0, 1) and the one between the ranges [0x9f, 0x100): 1 + 97.
 * DMA32 starts where DMA's clamp ended (0x1000): no hole.  The tail
 * [0x7ffe0, 0x80000), to the end of the last section, goes to the highest
 * populated zone of the last node, DMA32 (Normal is empty): 32.
 */
static void test_start_between_tail(void)
{
	static const struct mb_region mem[] = {
		MB(0x1000, 0x9f000, 0), MB(0x100000, 0x7ffe0000, 0),
	};
	int64_t u[2][3];
	enum kernel_version kv;

	for (kv = KERNEL_6_1; kv < NR_KERNEL_VERSIONS; kv++) {
		unavailable(mem, 2, false, kv, u);
		is_int((int)u[0][DMA], 98, "%s: DMA: the hole at the start and the one between the ranges",
		       kernel_version_name(kv));
		is_int((int)u[0][DMA32], 32, "%s: DMA32: the last section's tail, to the highest populated zone",
		       kernel_version_name(kv));
		is_int((int)u[0][NORMAL], 0, "%s: Normal: empty, nothing", kernel_version_name(kv));
	}
}

/*
 * [0x1, 0x9f), [0x100, 0x7fff0), [0x100000, 0x13ff00): the hole
 * [0x7fff0, 0x100000) goes to Normal (the next range's start clamped to
 * Normal); only its 16 pages in section [0x78000, 0x80000) are valid, the
 * 16 sections after it hold no memory.  The tail [0x13ff00, 0x140000): 256,
 * Normal too.  DMA32's range ends inside it: no hole there.
 */
static void test_invalid_sections(void)
{
	static const struct mb_region mem[] = {
		MB(0x1000, 0x9f000, 0), MB(0x100000, 0x7fff0000, 0),
		MB(0x100000000, 0x13ff00000, 0),
	};
	int64_t u[2][3];

	unavailable(mem, 3, false, KERNEL_6_1, u);
	is_int((int)u[0][DMA], 98, "DMA: 98 again");
	is_int((int)u[0][DMA32], 0, "DMA32: the hole after it is Normal's");
	is_int((int)u[0][NORMAL], 16 + 256, "Normal: 16 pages of a present section, none of 16 absent ones, a 256-page tail");
}

/*
 * Above 4G only, DMA and DMA32 empty: [0x100000, 0x100100) and
 * [0x110200, 0x118000).  The hole before the first range is in no present
 * section: 0.  The hole between them: 0x7f00 in section [0x100000,
 * 0x108000), none in [0x108000, 0x110000) (no memory), 0x200 in
 * [0x110000, 0x118000).  No tail: 0x118000 is a section boundary.
 */
static void test_hole_over_a_missing_section(void)
{
	static const struct mb_region mem[] = {
		MB(0x100000000, 0x100100000, 0), MB(0x110200000, 0x118000000, 0),
	};
	int64_t u[2][3];

	unavailable(mem, 2, false, KERNEL_6_12, u);
	is_int((int)u[0][DMA], 0, "DMA: empty");
	is_int((int)u[0][DMA32], 0, "DMA32: empty");
	is_int((int)u[0][NORMAL], 0x7f00 + 0x200, "Normal: the hole's pages in the two present sections only");
}

/*
 * Two nodes: node 0 [0x1, 0x9f), [0x100, 0x7ffe0); node 1 [0x100000,
 * 0x13ff00).  Node 0's tail [0x7ffe0, 0x100000) is the hole before node
 * 1's first range: node 1's Normal gets its 32 valid pages, and the last
 * section's tail, 256; node 0's DMA32 gets none (without NUMA it had 32).
 */
static void test_two_nodes(void)
{
	static const struct mb_region mem[] = {
		MB(0x1000, 0x9f000, 0), MB(0x100000, 0x7ffe0000, 0),
		MB(0x100000000, 0x13ff00000, 1),
	};
	int64_t u[2][3];

	unavailable(mem, 3, true, KERNEL_6_1, u);
	is_int((int)u[0][DMA], 98, "node 0 DMA: 98");
	is_int((int)u[0][DMA32], 0, "node 0 DMA32: its tail is node 1's");
	is_int((int)u[0][NORMAL], 0, "node 0 Normal: empty");
	is_int((int)u[1][NORMAL], 32 + 256, "node 1 Normal: node 0's tail and the last section's");
	is_int((int)u[1][DMA32], 0, "node 1 DMA32: empty");
}

/*
 * A last region smaller than a page is no pfn range (__next_mem_pfn_range
 * skips it, and memblocks_present marks nothing for it): the tail is the
 * previous range's.
 */
static void test_sub_page_range(void)
{
	static const struct mb_region mem[] = {
		MB(0x1000, 0x9f000, 0), MB(0x100000, 0x7ffe0000, 0),
		MB(0x1fffff000 + 0x100, 0x1fffff000 + 0x180, 0),
	};
	int64_t u[2][3];

	unavailable(mem, 3, false, KERNEL_6_1, u);
	is_int((int)u[0][DMA32], 32, "the tail after the last real range, in DMA32");
	is_int((int)u[0][NORMAL], 0, "the sub-page region adds nothing");
}

/*
 * FLATMEM (x86_32's pfn_valid(): pfn < max_mapnr, the end of RAM): every
 * hole pfn counts, and there is no section tail.
 */
static void test_flatmem(void)
{
	static const struct mb_region vm[] = {
		MB(0x1000, 0x9f000, 0), MB(0x100000, 0x7ffe0000, 0),
	};
	static const struct mb_region big[] = {
		MB(0x1000, 0x9f000, 0), MB(0x100000, 0x7fff0000, 0),
		MB(0x100000000, 0x13ff00000, 0),
	};
	int64_t u[2][3];

	flatmem = true;
	unavailable(vm, 2, false, KERNEL_6_1, u);
	is_int((int)u[0][DMA], 98, "flatmem: DMA 98, as with sections");
	is_int((int)u[0][DMA32], 0, "flatmem: no tail after the last range");
	unavailable(big, 3, false, KERNEL_6_12, u);
	is_int((int)u[0][NORMAL], 0x100000 - 0x7fff0, "flatmem: the whole hole [0x7fff0, 0x100000), no tail");
	flatmem = false;
}

int main(void)
{
	steplog_init(&lg);
	steplog_set_current(&lg, 0);
	test_start_between_tail();
	test_invalid_sections();
	test_hole_over_a_missing_section();
	test_two_nodes();
	test_sub_page_range();
	test_flatmem();
	steplog_set_current(NULL, 0);
	steplog_free(&lg);
	return done_testing();
}
