/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: the slab allocator is never up while memblock runs here,
 * so memblock takes its memblock-only paths.  kmalloc() and friends exist
 * for the code to link; reaching them is a BUG.
 */
#ifndef KSHIM_LINUX_SLAB_H
#define KSHIM_LINUX_SLAB_H

#include <linux/types.h>

#define GFP_KERNEL	0x0cc0u
#define GFP_NOWAIT	0x0800u

bool slab_is_available(void);
void *kmalloc(size_t size, gfp_t flags);
void *kzalloc_node(size_t size, gfp_t flags, int node);
void kfree(const void *p);

#endif
