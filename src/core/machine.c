// SPDX-License-Identifier: GPL-2.0-or-later
#include <string.h>

#include "machine.h"

void machine_init_default(struct machine *m)
{
	memset(m, 0, sizeof(*m));
	m->numa = false;
	m->max_numnodes = 1;
	m->phys_addr_bits = 64;
	m->page_size = 4096;
	m->smp_cache_bytes = 64;
	m->memory_regions = 128;
	m->reserved_regions = 128;
	m->low_address_limit = 0xffffffffULL;
	strcpy(m->zones[0].name, "DMA");
	m->zones[0].end = 16ULL << 20;
	strcpy(m->zones[1].name, "DMA32");
	m->zones[1].end = 4ULL << 30;
	strcpy(m->zones[2].name, "Normal");
	m->zones[2].end = 0;
	m->nr_zones = 3;
	m->section_size = 128ULL << 20;
	m->deferred_struct_page_init = false;
	m->free_late = FREE_LATE_SKIP_DEFERRED;
	m->current_limit = UINT64_MAX;	/* MEMBLOCK_ALLOC_ANYWHERE, clipped to width by the loader */
}
