// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * pa_free_late_range() against the page-by-page calls it stands for: on
 * random machines (NUMA or not, deferred struct page init, unaligned
 * regions, gaps, reserved ranges, a partial memblock_free_all and earlier
 * late frees), the same range freed both ways must leave the same zones,
 * page fates, log (the hazard warning with its count and first instance,
 * pages outside every zone) and early_pfn_to_nid() cache.
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

/* Up to 5 regions in [0, 256M), some unaligned, on nodes 0-3 (or none). */
static int random_memory(struct mb_region *mem, bool numa)
{
	uint64_t at = rnd(4) * 0x1000 + rnd(2) * rnd(0x1000);
	int n = 0, want = 1 + (int)rnd(5);

	while (n < want && at < 0x10000000) {
		uint64_t size = 0x1000 * (1 + rnd(0x8000)) + (rnd(4) ? 0 : rnd(0x1000));

		if (at + size > 0x10000000)
			size = 0x10000000 - at;
		mem[n].base = at;
		mem[n].size = size;
		mem[n].flags = 0;
		mem[n].nid = numa ? (rnd(10) ? (int)rnd(4) : 4) : 0;
		n++;
		at += size + (rnd(3) ? 0 : 0x1000 * rnd(0x2000));
	}
	return n;
}

/* Part of memblock_free_all(): reserved ranges, max-order blocks of the rest. */
static void random_free_all(struct page_alloc *pa, const struct mb_region *mem, int n)
{
	int i;

	pa_begin(pa, PA_CTX_FREE_ALL);
	for (i = 0; i < n; i++) {
		uint64_t s = (mem[i].base + 0xfff) >> 12, e = (mem[i].base + mem[i].size) >> 12, p;

		if (rnd(3) == 0) {
			uint64_t rs = s + rnd(e - s + 1), re = rs + rnd(0x800);

			pa_reserve_bootmem_region(pa, rs << 12, re << 12);
		}
		for (p = s; p < e;) {
			unsigned int order = (unsigned int)rnd(PA_MAX_ORDER);

			while (order && ((p & ((1ULL << order) - 1)) || p + (1ULL << order) > e))
				order--;
			if (rnd(4))
				pa_memblock_free_pages(pa, p, order);
			p += 1ULL << order;
		}
	}
	pa_end(pa);
}

static void free_late_by_page(struct page_alloc *pa, uint64_t s, uint64_t e, bool core)
{
	for (; s < e; s++) {
		if (core)
			pa_free_pages_core(pa, s, 0);
		else
			pa_memblock_free_pages(pa, s, 0);
	}
}

static void one_case(int k, struct steplog *lg)
{
	struct mb_region mem[5];
	struct mb_type t;
	struct machine m;
	struct page_alloc *pa = pa_create();
	struct result a, b;
	char desc[160];
	uint64_t s, e;
	bool core = rnd(2);
	void *saved;
	int n;

	machine_init_default(&m);
	m.numa = rnd(3) != 0;
	m.max_numnodes = m.numa ? 4 : 1;
	m.deferred_struct_page_init = rnd(5) != 0;
	m.section_size = (uint64_t)1 << (20 + rnd(6));
	n = random_memory(mem, m.numa);
	t = (struct mb_type){ .cnt = (unsigned long)n, .max = 8, .regions = mem };
	pa_reset(pa, &m);
	steplog_reset(lg);
	pa_prepare(pa, &t);
	random_free_all(pa, mem, n);
	/* Earlier late frees leave freed-late and lost ranges about. */
	if (rnd(2)) {
		s = rnd(0x10000);
		pa_begin(pa, PA_CTX_FREE_LATE);
		free_late_by_page(pa, s, s + rnd(0x2000), rnd(2));
		pa_end(pa);
	}
	s = rnd(0x10000);
	e = s + 1 + rnd(rnd(2) ? 0x10000 : 0x1000);
	saved = pa_save(pa);

	/* The range first, on the state as the earlier calls left it, caches included. */
	steplog_reset(lg);
	pa_begin(pa, PA_CTX_FREE_LATE);
	pa_free_late_range(pa, s, e, core);
	pa_end(pa);
	capture(pa, lg, &b);

	pa_restore(pa, saved);
	steplog_reset(lg);
	pa_begin(pa, PA_CTX_FREE_LATE);
	free_late_by_page(pa, s, e, core);
	pa_end(pa);
	capture(pa, lg, &a);

	snprintf(desc, sizeof(desc), "case %d (%s, %s, %d regions, [%#llx, %#llx))", k,
		 m.numa ? "numa" : "uma", core ? "__free_pages_core" : "memblock_free_pages", n,
		 (unsigned long long)s, (unsigned long long)e);
	verdict(&a, &b, desc);
	pa_free_saved(saved);
	pa_destroy(pa);
}

int main(void)
{
	return run_cases(CASES, one_case);
}
