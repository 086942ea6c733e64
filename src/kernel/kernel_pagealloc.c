// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The page-allocator hooks of a kernel engine (see kernel_pagealloc.h).
 * The kernel's memblock.c calls them while it runs; each leads to the same
 * page-allocator model the model engine uses, with memblock's state read
 * from the kernel object.
 */
#include <stdlib.h>

#include "kernel_engine_priv.h"
#include "kernel_pagealloc.h"
#include "model/pagealloc.h"
#include "core/steplog.h"

/*
 * The tree's memblock_free_late() decides how pages are released, not
 * machine.free_late: the kernel engine runs the code it was given, and
 * says so on the step when the two disagree.
 */
static void free_late_way(struct kernel_engine *ke, enum free_late_mode way, const char *call)
{
	if (pa_context(ke->pa) == PA_CTX_FREE_LATE && ke->machine.free_late != way)
		ke->free_late_way = call;
}

/*
 * One more block or page of the kernel's walk: now and then the engine's
 * progress hook hears how far it is, and may cancel the call, which then
 * leaves through the BUG path with the engine dead (a checkpoint revives
 * it).
 */
static void walk_step(struct kernel_engine *ke)
{
	if (++ke->walk_done % ENGINE_PROGRESS_EVERY)
		return;
	if (engine_progress(&ke->e, ke->walk_done,
			    ke->walk_total > ke->walk_done ? ke->walk_total : ke->walk_done))
		return;
	ke->cancelled = true;
	khost_abandon(ke, "cancelled after %llu of %llu steps of the walk",
		      (unsigned long long)ke->walk_done, (unsigned long long)ke->walk_total);
}

static void h_free_pages(void *ctx, unsigned long pfn, unsigned int order)
{
	struct kernel_engine *ke = ctx;

	walk_step(ke);
	free_late_way(ke, FREE_LATE_SKIP_DEFERRED, "memblock_free_pages");
	pa_memblock_free_pages(ke->pa, pfn, order);
}

static void h_free_pages_core(void *ctx, unsigned long pfn, unsigned int order)
{
	struct kernel_engine *ke = ctx;

	walk_step(ke);
	free_late_way(ke, FREE_LATE_RELEASE_ALWAYS, "__free_pages_core");
	pa_free_pages_core(ke->pa, pfn, order);
}

/*
 * 6.12's @nid only picks, in init_reserved_page(), the node whose struct
 * pages are initialised; every page in the range becomes PageReserved
 * either way, which is all the page-fate map records.
 */
static void h_reserve_region(void *ctx, uint64_t start, uint64_t end, int nid)
{
	struct kernel_engine *ke = ctx;

	(void)nid;
	pa_reserve_bootmem_region(ke->pa, start, end);
}

static void h_totalram_add(void *ctx, long count)
{
	struct kernel_engine *ke = ctx;

	ke->totalram_delta += count;
	pa_totalram_add(ke->pa, count);
}

static void h_set_managed(void *ctx, int nid, int zone, long value)
{
	struct kernel_engine *ke = ctx;

	pa_set_managed(ke->pa, nid, zone, value);
}

static int h_next_online_node(void *ctx, int nid)
{
	struct kernel_engine *ke = ctx;

	return pa_next_online_node(ke->pa, nid);
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
	ke->pa = pa_create();
}

void kpagealloc_destroy(struct kernel_engine *ke)
{
	pa_destroy(ke->pa);
	ke->pa = NULL;
}

void kpagealloc_reset(struct kernel_engine *ke)
{
	pa_reset(ke->pa, &ke->machine);
}

/*
 * The zones exist from free_area_init() in setup_arch(): laid out at the
 * first hand-over from the kernel's memblock.memory as it is then, and
 * max_low_pfn and max_pfn given to the kernel's memblock.c, which owns them.
 */
static void prepare(struct kernel_engine *ke, const struct mb_type *mem)
{
	if (pa_prepare(ke->pa, mem))
		ke->cur->mod->set_pfn_limits(pa_max_low_pfn(ke->pa), pa_max_pfn(ke->pa));
}

const char *kpagealloc_begin(struct kernel_engine *ke, const struct op_call *call)
{
	enum pa_context ctx = PA_CTX_NONE;
	const char *why = NULL;
	struct mb_type mem;

	ke->walk_done = ke->walk_total = 0;
	ke->cancelled = false;
	switch (call->op) {
	case OP_MEMBLOCK_FREE_ALL:
		ctx = PA_CTX_FREE_ALL;
		break;
	case OP_MEMBLOCK_FREE_LATE:
		ctx = PA_CTX_FREE_LATE;
		why = pa_free_late_too_long(ke->pa, call->arg[0].phys, call->arg[1].phys);
		ke->walk_total = pa_free_late_walk(ke->pa, call->arg[0].phys, call->arg[1].phys);
		break;
	case OP_MEMBLOCK_DISCARD:
		/* memblock_discard() frees late only the arrays that doubled. */
		if (kengine_array_of(ke, KSHIM_MEMORY) || kengine_array_of(ke, KSHIM_RESERVED))
			ctx = PA_CTX_FREE_LATE;
		break;
	default:
		break;
	}
	if (!why && ctx != PA_CTX_NONE) {
		kengine_read_type(ke, KSHIM_MEMORY, &mem);
		if (ctx == PA_CTX_FREE_ALL) {
			why = pa_free_all_too_long(ke->pa, &mem);
			ke->walk_total = pa_free_all_walk(ke->pa, &mem);
		}
		if (!why)
			prepare(ke, &mem);
		free(mem.regions);
	}
	if (why)
		return why;
	pa_begin(ke->pa, ctx);
	return NULL;
}

void kpagealloc_end(struct kernel_engine *ke)
{
	if (ke->free_late_way)
		steplog_printk(LOG_WARN, "mbviz: this tree's memblock_free_late() releases pages "
			       "with %s(), not as machine.free_late \"%s\" says: the kernel "
			       "engine runs the tree's code\n", ke->free_late_way,
			       ke->machine.free_late == FREE_LATE_SKIP_DEFERRED ?
			       "skip-deferred" : "release-always");
	ke->free_late_way = NULL;
	pa_end(ke->pa);
}

bool kpagealloc_init_late(struct kernel_engine *ke)
{
	struct mb_type mem, rsv;

	kengine_read_type(ke, KSHIM_MEMORY, &mem);
	kengine_read_type(ke, KSHIM_RESERVED, &rsv);
	prepare(ke, &mem);
	/* After memblock_discard() memblock_memory is NULL and nothing is skipped. */
	pa_deferred_init(ke->pa, &mem, &rsv, !ke->discarded);
	free(mem.regions);
	free(rsv.regions);
	return true;
}

void kpagealloc_state(struct kernel_engine *ke, struct mb_state *out)
{
	pa_get_state(ke->pa, out);
}

void *kpagealloc_save(struct kernel_engine *ke)
{
	return pa_save(ke->pa);
}

void kpagealloc_restore(struct kernel_engine *ke, const void *saved)
{
	pa_restore(ke->pa, saved);
}

void kpagealloc_free_saved(struct kernel_engine *ke, void *saved)
{
	(void)ke;
	pa_free_saved(saved);
}
