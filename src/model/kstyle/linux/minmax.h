/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * min()/max() and friends with the kernel's names.  Each argument is
 * evaluated once.  The kernel also refuses to compare values of different
 * types at build time; these accept them and leave it to -Wextra.
 */
#ifndef MBVIZ_STUBS_LINUX_MINMAX_H
#define MBVIZ_STUBS_LINUX_MINMAX_H

#define min(x, y) ({				\
	__auto_type __min_x = (x);		\
	__auto_type __min_y = (y);		\
	__min_x < __min_y ? __min_x : __min_y; })

#define max(x, y) ({				\
	__auto_type __max_x = (x);		\
	__auto_type __max_y = (y);		\
	__max_x > __max_y ? __max_x : __max_y; })

#define min_t(type, x, y)	min((type)(x), (type)(y))
#define max_t(type, x, y)	max((type)(x), (type)(y))

#define min3(x, y, z)		min((typeof(x))min(x, y), z)
#define max3(x, y, z)		max((typeof(x))max(x, y), z)

/* @val limited to [@lo, @hi], in the kernel's order: max first, then min. */
#define clamp(val, lo, hi)	min((typeof(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)

#define swap(a, b) do {				\
	__auto_type __swap_tmp = (a);		\
	(a) = (b);				\
	(b) = __swap_tmp;			\
} while (0)

#endif
