/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The page-size helpers of <linux/mm.h> that memblock uses. */
#ifndef MBVIZ_STUBS_LINUX_MM_H
#define MBVIZ_STUBS_LINUX_MM_H

#include <asm/page.h>
#include <linux/math.h>

#define PAGE_ALIGN(addr)	ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGN_DOWN(addr)	ALIGN_DOWN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr)	IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)

#endif
