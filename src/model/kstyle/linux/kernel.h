/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The grab-bag header: what mm/memblock.c expects <linux/kernel.h> to
 * bring along.  The C library's <sys/sysinfo.h> includes the system's
 * <linux/kernel.h>, so that one is pulled in first.
 */
#ifndef MBVIZ_STUBS_LINUX_KERNEL_H
#define MBVIZ_STUBS_LINUX_KERNEL_H

#if defined(__has_include_next)
#if __has_include_next(<linux/kernel.h>)
#include_next <linux/kernel.h>
#endif
#endif

#include <limits.h>
#include <stddef.h>

#include <asm/bug.h>
#include <linux/compiler.h>
#include <linux/limits.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/printk.h>
#include <linux/types.h>

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))

#define container_of(ptr, type, member) ({				\
	const typeof(((type *)0)->member) *__mptr = (ptr);		\
	(type *)((char *)__mptr - offsetof(type, member)); })

/*
 * The caller's address, printed with %pS.  In the model it is the name of
 * the caller itself: the step ("steps[3]") for an operation a scenario
 * calls, or the model function that made a nested call (see
 * nested_call() in src/memblock_internal.h).  The log prints a %pS
 * argument as that name.
 */
#ifndef MBVIZ_KERNEL_ENGINE
extern const char *mbviz_ret_ip;
#define _RET_IP_		((unsigned long)mbviz_ret_ip)
#else
#define _RET_IP_		((unsigned long)__builtin_return_address(0))
#endif

#endif
