/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bit searching with the kernel's names. */
#ifndef MBVIZ_STUBS_LINUX_BITOPS_H
#define MBVIZ_STUBS_LINUX_BITOPS_H

#define BITS_PER_LONG	(8 * (int)sizeof(long))

/* Index of the lowest set bit; undefined for 0, as in the kernel. */
static inline unsigned long __ffs(unsigned long word)
{
	return (unsigned long)__builtin_ctzl(word);
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
