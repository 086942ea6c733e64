/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef KSHIM_LINUX_BITOPS_H
#define KSHIM_LINUX_BITOPS_H

/*
 * Index of the lowest set bit.  The kernel leaves __ffs(0) undefined; the
 * generic version yields BITS_PER_LONG - 1, and memblock only ever clamps
 * the result to MAX_ORDER - 1, so any large value behaves the same.
 */
static inline unsigned long __ffs(unsigned long word)
{
	return word ? (unsigned long)__builtin_ctzl(word) : sizeof(long) * 8 - 1;
}

#endif
