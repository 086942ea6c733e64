/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: the kernel's basic types.  phys_addr_t follows the
 * engine's build (CONFIG_PHYS_ADDR_T_64BIT); pointers and longs stay those
 * of the host, which memblock only uses for counts and page frame numbers.
 */
#ifndef KSHIM_LINUX_TYPES_H
#define KSHIM_LINUX_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>

typedef signed char		s8;
typedef unsigned char		u8;
typedef short			s16;
typedef unsigned short		u16;
typedef int			s32;
typedef unsigned int		u32;
typedef long long		s64;
typedef unsigned long long	u64;

#ifdef CONFIG_PHYS_ADDR_T_64BIT
typedef u64 phys_addr_t;
#else
typedef u32 phys_addr_t;
#endif
typedef phys_addr_t resource_size_t;

typedef unsigned int gfp_t;

typedef struct {
	long counter;
} atomic_long_t;

#define U64_MAX		((u64)~0ULL)
#define PHYS_ADDR_MAX	(~(phys_addr_t)0)

#endif
