/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: the C library's string functions, except that memset()
 * goes through mbviz, which sees the zeroing of allocations and can clear
 * large ranges of simulated memory without touching every page.
 */
#ifndef KSHIM_LINUX_STRING_H
#define KSHIM_LINUX_STRING_H

#include <string.h>

void *kshim_memset(void *p, int c, size_t n);
#define memset(p, c, n)		kshim_memset(p, c, n)

#endif
