/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Large allocations that are written once, front to back (a scenario's
 * text, its parse tree, a million steps): asking for transparent huge
 * pages turns one page fault per 4 KiB into one per 2 MiB, which is most
 * of the cost of first touching such memory.  Advice only: where the
 * kernel does not do it, nothing changes.
 */
#ifndef MBVIZ_HUGEPAGES_H
#define MBVIZ_HUGEPAGES_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util/xalloc.h"

#define HUGEPAGES_MIN	(4u << 20)	/* smaller blocks are not worth a system call */

/* Advise huge pages for the 2 MiB-aligned part of [@p, @p + @n), if it is large. */
static inline void hugepages_advise(void *p, size_t n)
{
#ifdef MADV_HUGEPAGE
	uintptr_t start = ((uintptr_t)p + (2u << 20) - 1) & ~(uintptr_t)((2u << 20) - 1);
	uintptr_t end = ((uintptr_t)p + n) & ~(uintptr_t)((2u << 20) - 1);

	if (n >= HUGEPAGES_MIN && end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
#else
	(void)p;
	(void)n;
#endif
}

/*
 * A zeroed block of @n bytes (never NULL), with the advice.  calloc():
 * a large block comes zeroed from the kernel, untouched, so the advice
 * still applies to its first touch, and it is not written twice.
 */
static inline void *hugepages_zalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (!p) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	hugepages_advise(p, n);
	return p;
}

#endif
