/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Page frame number conversions, with the run-time PAGE_SIZE in the model.
 * Rounding an address up to a page and turning a pfn back into an address
 * are phys_addr_t arithmetic, so the model wraps them at the machine's
 * width as a 32-bit kernel would.
 */
#ifndef MBVIZ_STUBS_LINUX_PFN_H
#define MBVIZ_STUBS_LINUX_PFN_H

#include <asm/page.h>
#include <linux/types.h>

#define PFN_ALIGN(x)	(((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#ifndef MBVIZ_KERNEL_ENGINE
#define PFN_UP(x)	(mbviz_phys_wrap((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)mbviz_phys_wrap((phys_addr_t)(x) << PAGE_SHIFT))
#else
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#endif

#endif
