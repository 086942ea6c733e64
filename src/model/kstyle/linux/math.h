/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Rounding helpers.  Like the kernel's, they compute in the type of their
 * first argument, so rounding up the top of the address space wraps to 0;
 * the model reduces such phys_addr_t results to the machine's width with
 * mbviz_phys_wrap().  @y must be a power of two for round_up/round_down.
 */
#ifndef MBVIZ_STUBS_LINUX_MATH_H
#define MBVIZ_STUBS_LINUX_MATH_H

#define __round_mask(x, y)	((__typeof__(x))((y) - 1))
#define round_up(x, y)		((((x) - 1) | __round_mask(x, y)) + 1)
#define round_down(x, y)	((x) & ~__round_mask(x, y))

#define __ALIGN_KERNEL_MASK(x, mask)	(((x) + (mask)) & ~(mask))
#define __ALIGN_KERNEL(x, a)		__ALIGN_KERNEL_MASK(x, (__typeof__(x))(a) - 1)
#define ALIGN(x, a)			__ALIGN_KERNEL((x), (a))
#define ALIGN_DOWN(x, a)		__ALIGN_KERNEL((x) - ((a) - 1), (a))
#define IS_ALIGNED(x, a)		(((x) & ((__typeof__(x))(a) - 1)) == 0)

#define DIV_ROUND_UP(n, d)		(((n) + (d) - 1) / (d))
#define DIV_ROUND_UP_ULL(ll, d)		DIV_ROUND_UP((unsigned long long)(ll), (d))

#endif
