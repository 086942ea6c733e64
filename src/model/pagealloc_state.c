// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The page-allocator model's state (see pagealloc.h): the zones, nodes and
 * page fates copied out for a step's mb_state, and whole-model
 * checkpoints for stepping back.
 */
#include <stdlib.h>
#include <string.h>

#include "core/state.h"
#include "pagealloc_priv.h"
#include "util/xalloc.h"

static int public_fate(int fate)
{
	return fate == FATE_MEMBLOCK ? PF_RESERVED : fate;
}

void pa_get_state(struct page_alloc *pa, struct mb_state *out)
{
	int i, z, n;

	if (!pa->setup)
		return;
	fmap_flush(&pa->fates);
	out->freed_all = pa->freed_all;
	out->deferred_done = pa->deferred_done;
	out->totalram_pages = (uint64_t)pa->totalram;

	out->nr_nodes = pa->nr_nodes;
	out->nodes = xzalloc(pa->nr_nodes * sizeof(*out->nodes));
	out->nr_zones = pa->nr_nodes * pa->m.nr_zones;
	out->zones = xzalloc((out->nr_zones ? out->nr_zones : 1) * sizeof(*out->zones));
	for (i = 0, n = 0; i < pa->nr_nodes; i++) {
		const struct pa_node *pn = &pa->nodes[i];

		out->nodes[i] = (struct mb_node){
			.nid = pn->nid,
			.start_pfn = pn->start_pfn,
			.end_pfn = pn->end_pfn,
			.first_deferred_pfn = pn->first_deferred_pfn,
		};
		for (z = 0; z < pa->m.nr_zones; z++)
			out->zones[n++] = (struct mb_zone){
				.nid = pn->nid,
				.zone = z,
				.start_pfn = pn->zones[z].start_pfn,
				.spanned = pn->zones[z].spanned,
				.present = pn->zones[z].present,
				.managed = (uint64_t)pn->zones[z].managed,
				.unavailable = pn->zones[z].unavailable,
			};
	}

	out->pages = xzalloc((pa->fates.nr ? pa->fates.nr : 1) * sizeof(*out->pages));
	out->nr_pages = 0;
	out->lost_pages = 0;
	for (i = 0; i < pa->fates.nr; i++) {
		const struct fate_range *f = &pa->fates.v[i];
		struct mb_page_range *prev = out->nr_pages ? &out->pages[out->nr_pages - 1] : NULL;
		enum page_fate fate = public_fate(f->fate);

		if (fate == PF_LOST)
			out->lost_pages += f->end - f->start;
		if (prev && prev->end_pfn == f->start && prev->fate == fate && prev->nid == f->nid) {
			prev->end_pfn = f->end;
			continue;
		}
		out->pages[out->nr_pages++] = (struct mb_page_range){
			.start_pfn = f->start, .end_pfn = f->end, .fate = fate, .nid = f->nid,
		};
	}
}

/* A deep copy of @src, whose fate map has no run pending. */
static struct page_alloc *pa_clone(const struct page_alloc *src)
{
	struct page_alloc *c = xzalloc(sizeof(*c));

	*c = *src;
	c->nodes = xmemdup(src->nodes, src->nr_nodes * sizeof(*c->nodes));
	c->mem = xmemdup(src->mem, src->nr_mem * sizeof(*c->mem));
	fmap_copy(&c->fates, &src->fates);
	return c;
}

void *pa_save(struct page_alloc *pa)
{
	fmap_flush(&pa->fates);
	return pa_clone(pa);
}

void pa_restore(struct page_alloc *pa, const void *saved)
{
	struct page_alloc *copy = pa_clone(saved);

	pa_release(pa);
	*pa = *copy;
	free(copy);
	pa->zcache_start = pa->zcache_end = 0;
}

void pa_free_saved(void *saved)
{
	pa_destroy(saved);
}
