// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <string.h>

#include "machine.h"
#include "ops.h"

static const char *const version_names[NR_KERNEL_VERSIONS] = {
	[KERNEL_6_1] = "6.1",
	[KERNEL_6_12] = "6.12",
};

/* ops.def's masks are these bits. */
_Static_assert(KV_6_1 == KERNEL_VERSION_BIT(KERNEL_6_1), "KV_6_1");
_Static_assert(KV_6_12 == KERNEL_VERSION_BIT(KERNEL_6_12), "KV_6_12");
_Static_assert(KV_ALL == (1u << NR_KERNEL_VERSIONS) - 1, "KV_ALL");

const char *kernel_version_name(enum kernel_version v)
{
	return (unsigned int)v < NR_KERNEL_VERSIONS ? version_names[v] : "?";
}

int kernel_version_lookup(const char *name)
{
	int v;

	for (v = 0; v < NR_KERNEL_VERSIONS; v++)
		if (!strcmp(version_names[v], name))
			return v;
	return -1;
}

int kernel_version_of_release(const char *release)
{
	char major_minor[16];
	int a, b;

	if (sscanf(release, "%d.%d", &a, &b) != 2)
		return -1;
	snprintf(major_minor, sizeof(major_minor), "%d.%d", a, b);
	return kernel_version_lookup(major_minor);
}

const char *const free_late_mode_names[NR_FREE_LATE_MODES] = {
	[FREE_LATE_SKIP_DEFERRED] = "skip-deferred",
	[FREE_LATE_RELEASE_ALWAYS] = "release-always",
};

int free_late_mode_lookup(const char *name)
{
	int mode;

	for (mode = 0; mode < NR_FREE_LATE_MODES; mode++)
		if (!strcmp(free_late_mode_names[mode], name))
			return mode;
	return -1;
}

void machine_init_default(struct machine *m)
{
	memset(m, 0, sizeof(*m));
	m->kernel = KERNEL_6_1;
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
	m->flatmem = false;
	m->free_late = FREE_LATE_SKIP_DEFERRED;
	m->current_limit = UINT64_MAX;	/* MEMBLOCK_ALLOC_ANYWHERE, clipped to width by the loader */
}
