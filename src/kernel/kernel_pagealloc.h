/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel engine's page allocator: the hooks through which a real
 * mm/memblock.c hands pages over (memblock_free_pages, __free_pages_core,
 * reserve_bootmem_region, totalram, zones' managed counts,
 * for_each_online_pgdat) lead to mbviz's page-allocator model
 * (src/pagealloc.c), so memblock_free_all() and memblock_free_late() of the
 * kernel's own code drive the same zone picture as the model's.
 */
#ifndef MBVIZ_KERNEL_PAGEALLOC_H
#define MBVIZ_KERNEL_PAGEALLOC_H

#include <stdbool.h>

#include "shim/kshim.h"
#include "core/ops.h"

struct kernel_engine;
struct mb_state;

void kpagealloc_hooks(struct kshim_host *h);
void kpagealloc_create(struct kernel_engine *ke);
void kpagealloc_destroy(struct kernel_engine *ke);
/* A fresh boot of the page allocator on ke->machine. */
void kpagealloc_reset(struct kernel_engine *ke);
/*
 * Around a call of the kernel's code: a hand-over op gets its zones and
 * context.  NULL, or why the call is refused (a walk longer than
 * PA_MAX_WALK), before anything ran.
 */
const char *kpagealloc_begin(struct kernel_engine *ke, const struct op_call *call);
void kpagealloc_end(struct kernel_engine *ke);
/* page_alloc_init_late(): deferred struct page init; false and ke->dead_why on failure. */
bool kpagealloc_init_late(struct kernel_engine *ke);
void kpagealloc_state(struct kernel_engine *ke, struct mb_state *out);
void *kpagealloc_save(struct kernel_engine *ke);
void kpagealloc_restore(struct kernel_engine *ke, const void *saved);
void kpagealloc_free_saved(struct kernel_engine *ke, void *saved);

#endif
