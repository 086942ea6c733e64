/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: what mm/memblock.c takes from mm/internal.h.  The page
 * allocator entry points are mbviz's page-allocator model; the build puts
 * this directory before the kernel tree so that "internal.h" finds it.
 */
#ifndef KSHIM_MM_INTERNAL_H
#define KSHIM_MM_INTERNAL_H

#include <linux/mm.h>

extern bool mirrored_kernelcore;

void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order);
void __free_pages_core(struct page *page, unsigned int order);

#endif
