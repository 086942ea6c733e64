/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: ARCH_LOW_ADDRESS_LIMIT (used by memblock_alloc_low) is the
 * simulated machine's.  Defining it here, before <linux/memblock.h> tests
 * it, is what an architecture's own headers do.
 */
#ifndef KSHIM_ASM_DMA_H
#define KSHIM_ASM_DMA_H

#include <linux/types.h>

extern phys_addr_t kshim_arch_low_address_limit;
#define ARCH_LOW_ADDRESS_LIMIT	kshim_arch_low_address_limit

#endif
