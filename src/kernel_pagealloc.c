// SPDX-License-Identifier: GPL-2.0-or-later
/* The page-allocator hooks of a kernel engine (see kernel_pagealloc.h). */
#include <stdio.h>

#include "kernel_engine_priv.h"
#include "kernel_pagealloc.h"

static void __attribute__((noreturn)) missing(void *ctx, const char *what)
{
	khost_abandon(ctx, "%s: the kernel engine has no page-allocator model yet", what);
}

static void h_free_pages(void *ctx, unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
	missing(ctx, "memblock_free_pages");
}

static void h_free_pages_core(void *ctx, unsigned long pfn, unsigned int order)
{
	(void)pfn;
	(void)order;
	missing(ctx, "__free_pages_core");
}

static void h_reserve_region(void *ctx, uint64_t start, uint64_t end)
{
	(void)start;
	(void)end;
	missing(ctx, "reserve_bootmem_region");
}

static void h_totalram_add(void *ctx, long count)
{
	(void)count;
	missing(ctx, "totalram_pages_add");
}

static void h_set_managed(void *ctx, int nid, int zone, long value)
{
	(void)nid;
	(void)zone;
	(void)value;
	missing(ctx, "zone managed pages");
}

static int h_next_online_node(void *ctx, int nid)
{
	(void)nid;
	missing(ctx, "for_each_online_pgdat");
}

void kpagealloc_hooks(struct kshim_host *h)
{
	h->free_pages = h_free_pages;
	h->free_pages_core = h_free_pages_core;
	h->reserve_region = h_reserve_region;
	h->totalram_add = h_totalram_add;
	h->set_managed = h_set_managed;
	h->next_online_node = h_next_online_node;
}

void kpagealloc_create(struct kernel_engine *ke)
{
	ke->pa = NULL;
}

void kpagealloc_destroy(struct kernel_engine *ke)
{
	(void)ke;
}

void kpagealloc_reset(struct kernel_engine *ke)
{
	(void)ke;
}

bool kpagealloc_before_free_all(struct kernel_engine *ke)
{
	snprintf(ke->dead_why, sizeof(ke->dead_why),
		 "the kernel engine has no page-allocator model yet");
	return false;
}

bool kpagealloc_init_late(struct kernel_engine *ke)
{
	snprintf(ke->dead_why, sizeof(ke->dead_why),
		 "the kernel engine has no page-allocator model yet");
	return false;
}

void kpagealloc_state(struct kernel_engine *ke, struct mb_state *out)
{
	(void)ke;
	(void)out;
}

void *kpagealloc_save(struct kernel_engine *ke)
{
	(void)ke;
	return NULL;
}

void kpagealloc_restore(struct kernel_engine *ke, const void *saved)
{
	(void)ke;
	(void)saved;
}

void kpagealloc_free_saved(struct kernel_engine *ke, void *saved)
{
	(void)ke;
	(void)saved;
}
