/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel's fixed-width limits and PHYS_ADDR_MAX.  The C library's
 * <limits.h> includes the system's <linux/limits.h> (ARG_MAX, PATH_MAX,
 * ...), so that one is pulled in first.  ULLONG_MAX and friends come from
 * the C library's <limits.h>, never from here, to keep its definitions
 * the only ones.
 */
#ifndef MBVIZ_STUBS_LINUX_LIMITS_H
#define MBVIZ_STUBS_LINUX_LIMITS_H

#if defined(__has_include_next)
#if __has_include_next(<linux/limits.h>)
#include_next <linux/limits.h>
#endif
#endif

#include <linux/types.h>
#include <mbviz/runtime.h>

#define U8_MAX		((u8)~0U)
#define S8_MAX		((s8)(U8_MAX >> 1))
#define S8_MIN		((s8)(-S8_MAX - 1))
#define U16_MAX		((u16)~0U)
#define S16_MAX		((s16)(U16_MAX >> 1))
#define S16_MIN		((s16)(-S16_MAX - 1))
#define U32_MAX		((u32)~0U)
#define S32_MAX		((s32)(U32_MAX >> 1))
#define S32_MIN		((s32)(-S32_MAX - 1))
#define U64_MAX		((u64)~0ULL)
#define S64_MAX		((s64)(U64_MAX >> 1))
#define S64_MIN		((s64)(-S64_MAX - 1))

#ifndef MBVIZ_KERNEL_ENGINE
/* All ones in the simulated machine's phys_addr_t. */
#define PHYS_ADDR_MAX	((phys_addr_t)machine_phys_max(mb_machine))
#else
#define PHYS_ADDR_MAX	(~(phys_addr_t)0)
#endif

#endif
