/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: the helpers of <linux/kernel.h> that mm/memblock.c uses,
 * with the kernel's semantics (round_up/round_down assume a power of two,
 * ALIGN works in the type of its first argument, clamp tests the high
 * bound first, as in 6.1.y).
 */
#ifndef KSHIM_LINUX_KERNEL_H
#define KSHIM_LINUX_KERNEL_H

#include <errno.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>
#include <linux/bug.h>
#include <linux/string.h>
#include <linux/export.h>

#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#define _THIS_IP_		({ __label__ __here; __here: (unsigned long)&&__here; })

/* Comparisons that evaluate each argument once. */
#define __kshim_cmp(op, x, y, a, b)	({ __auto_type a = (x); __auto_type b = (y); \
					   a op b ? a : b; })
#define min(x, y)	__kshim_cmp(<, x, y, __UNIQUE_ID(mx), __UNIQUE_ID(my))
#define max(x, y)	__kshim_cmp(>, x, y, __UNIQUE_ID(mx), __UNIQUE_ID(my))
#define __kshim_cmp_t(op, t, x, y, a, b)	({ t a = (x); t b = (y); a op b ? a : b; })
#define min_t(t, x, y)	__kshim_cmp_t(<, t, x, y, __UNIQUE_ID(mx), __UNIQUE_ID(my))
#define max_t(t, x, y)	__kshim_cmp_t(>, t, x, y, __UNIQUE_ID(mx), __UNIQUE_ID(my))

#define __kshim_clamp(v, l, h, a, b, c)	({ __auto_type a = (v); __auto_type b = (l); \
					   __auto_type c = (h); \
					   a >= c ? c : (a <= b ? b : a); })
#define clamp(v, lo, hi)	__kshim_clamp(v, lo, hi, __UNIQUE_ID(cv), __UNIQUE_ID(cl), \
					      __UNIQUE_ID(ch))
#define clamp_t(t, v, lo, hi)	clamp((t)(v), (t)(lo), (t)(hi))

/* Power-of-two rounding, computed in the type of x. */
#define __kshim_mask(x, y)	((__typeof__(x))((y) - 1))
#define round_up(x, y)		((((x) - 1) | __kshim_mask(x, y)) + 1)
#define round_down(x, y)	((x) & ~__kshim_mask(x, y))

#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	ALIGN((x) - ((a) - 1), (a))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))

#define BIT(nr)			(1UL << (nr))
#define BITS_PER_LONG		((int)(sizeof(long) * 8))

#define SZ_1K			0x400
#define SZ_4K			0x1000
#define SZ_1M			0x100000

/*
 * panic(): reported to mbviz as the end of the call (6.12's
 * memblock_double_array when resizing is not allowed); never returns.
 */
__attribute__((noreturn, format(printf, 1, 2))) void panic(const char *fmt, ...);

/* lib/cmdline.c: a number with an optional K/M/G/T/P/E suffix. */
unsigned long long memparse(const char *ptr, char **retptr);

/* The kernel's ctype (lib/ctype.c): white space includes 0xa0, whatever the locale. */
int kshim_isspace(int c);
#undef isspace
#define isspace(c)		kshim_isspace(c)

#endif
