/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Compiler hints with the kernel's names (GCC and Clang builtins). */
#ifndef MBVIZ_STUBS_LINUX_COMPILER_H
#define MBVIZ_STUBS_LINUX_COMPILER_H

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif
#define noinline		__attribute__((__noinline__))
#define __maybe_unused		__attribute__((__unused__))
#define __used			__attribute__((__used__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __noreturn		__attribute__((__noreturn__))
#define barrier()		__asm__ __volatile__("" : : : "memory")

#endif
