/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bit searching with the kernel's names. */
#ifndef MBVIZ_STUBS_LINUX_BITOPS_H
#define MBVIZ_STUBS_LINUX_BITOPS_H

#define BITS_PER_LONG	(8 * (int)sizeof(long))

/*
 * Index of the lowest set bit.  The kernel leaves __ffs(0) undefined, and
 * __free_pages_memory() calls it for pfn 0 (x86's bsf leaves a value that
 * min(MAX_ORDER - 1, ...) caps anyway); here 0 gives BITS_PER_LONG - 1, as
 * the generic version and the kernel engine's stub do, so both cut pfn 0
 * into the same blocks.
 */
static inline unsigned long __ffs(unsigned long word)
{
	return word ? (unsigned long)__builtin_ctzl(word) : (unsigned long)BITS_PER_LONG - 1;
}

/* Index of the highest set bit; undefined for 0. */
static inline unsigned long __fls(unsigned long word)
{
	return (unsigned long)(BITS_PER_LONG - 1 - __builtin_clzl(word));
}

/* 1-based index of the highest set bit, 0 for 0. */
static inline int fls64(unsigned long long x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

#endif
