/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: page frame numbers (PAGE_SHIFT is the machine's). */
#ifndef KSHIM_LINUX_PFN_H
#define KSHIM_LINUX_PFN_H

#include <linux/types.h>

#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#endif
