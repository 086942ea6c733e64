/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel integer types.  The C library's own headers include the system's
 * <linux/types.h> (the user-space API one, with __u8 ... __u64); that one
 * is pulled in first so both kinds of includer get what they expect.
 */
#ifndef MBVIZ_STUBS_LINUX_TYPES_H
#define MBVIZ_STUBS_LINUX_TYPES_H

#if defined(__has_include_next)
#if __has_include_next(<linux/types.h>)
#include_next <linux/types.h>
#endif
#endif

#include <stdbool.h>
#include <stddef.h>

typedef unsigned char		u8;
typedef unsigned short		u16;
typedef unsigned int		u32;
typedef unsigned long long	u64;
typedef signed char		s8;
typedef short			s16;
typedef int			s32;
typedef long long		s64;

/*
 * The model always stores a physical address in 64 bits and reduces it to
 * the simulated machine's width at run time (see mbviz/runtime.h).  A real
 * kernel source gets the type its configuration asks for.
 */
#if !defined(MBVIZ_KERNEL_ENGINE) || defined(CONFIG_PHYS_ADDR_T_64BIT)
typedef u64			phys_addr_t;
#else
typedef u32			phys_addr_t;
#endif
typedef phys_addr_t		resource_size_t;

#endif
