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

/*
 * strscpy(dst, src[, size]): 6.12 also has the two-argument form, sized by
 * the destination array.  Copies at most size - 1 bytes and terminates;
 * returns the length copied, or -E2BIG when @src did not fit.
 */
long kshim_strscpy(char *dst, const char *src, size_t size);
#define __kshim_strscpy2(d, s)		kshim_strscpy(d, s, sizeof(d))
#define __kshim_strscpy3(d, s, n)	kshim_strscpy(d, s, n)
#define __kshim_strscpy_pick(_1, _2, _3, name, ...)	name
#define strscpy(...)	__kshim_strscpy_pick(__VA_ARGS__, __kshim_strscpy3, __kshim_strscpy2, x)(__VA_ARGS__)

#endif
