/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: attributes and annotations the kernel code uses. */
#ifndef KSHIM_LINUX_COMPILER_H
#define KSHIM_LINUX_COMPILER_H

#include <linux/kconfig.h>

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif
#define noinline		__attribute__((__noinline__))
#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(s)))
#define __weak			__attribute__((__weak__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __cold			__attribute__((__cold__))
#define fallthrough		__attribute__((__fallthrough__))

/* Section placement is meaningless here: boot code is never discarded. */
#define __init
#define __initdata
#define __initconst
#define __meminit
#define __meminitdata
#define __refdata
#define __ref

#define ___KSHIM_PASTE(a, b)	a##b
#define __KSHIM_PASTE(a, b)	___KSHIM_PASTE(a, b)
#define __UNIQUE_ID(prefix)	__KSHIM_PASTE(__KSHIM_PASTE(__kshim_, prefix), __COUNTER__)

#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, v)	(*(volatile typeof(x) *)&(x) = (v))

#define BUILD_BUG_ON(cond)	_Static_assert(!(cond), "BUILD_BUG_ON(" #cond ")")

#endif
