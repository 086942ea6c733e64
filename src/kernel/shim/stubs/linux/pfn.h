/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: page frame numbers (PAGE_SHIFT is the machine's). */
#ifndef KSHIM_LINUX_PFN_H
#define KSHIM_LINUX_PFN_H

#include <linux/types.h>

/*
 * A 32-bit kernel adds PAGE_SIZE - 1 in a 32-bit unsigned long, so an
 * address in the last page wraps to pfn 0; the host's unsigned long is
 * 64 bits wide, hence the cast (a no-op with a 64-bit phys_addr_t).
 */
#define PFN_UP(x)	((phys_addr_t)((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#endif
