// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What the kernel itself printed about memory, made into expectations, so
 * that a replay is checked against the kernel's account and not only
 * against the allocations the log shows.
 *
 * "Early memory node ranges": free_area_init() prints one line per range
 * for_each_mem_pfn_range() yields (mm/page_alloc.c:8354-8360 in 6.1), that
 * is one per memblock.memory region, its start rounded up and its end down
 * to whole pages, regions with no whole page left out
 * (__next_mem_pfn_range, mm/memblock.c:1222-1250).  The regions of
 * memblock.memory at that point are therefore exactly these ranges when
 * every region is page-aligned, as on x86 after memblock_trim_memory().
 */
#include <inttypes.h>

#include "import_priv.h"

static void put_hex(cJSON *o, const char *key, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	cJSON_AddStringToObject(o, key, buf);
}

cJSON *imp_node_ranges_expect(struct importer *im, int first)
{
	cJSON *ex = cJSON_CreateObject(), *mem = cJSON_CreateObject();
	cJSON *regions = cJSON_CreateArray();
	int i, nr = 0;

	for (i = first; i < im->nr && im->recs[i].l.kind == IMP_NODE_RANGE; i++) {
		const struct imp_line *l = &im->recs[i].l;
		cJSON *o = cJSON_CreateObject();

		put_hex(o, "base", l->base);
		put_hex(o, "size", l->end - l->base + 1);
		if (im->numa)
			cJSON_AddNumberToObject(o, "nid", l->nid);
		cJSON_AddStringToObject(o, "x-from", "Early memory node ranges");
		cJSON_AddItemToArray(regions, o);
		nr++;
	}
	cJSON_AddNumberToObject(mem, "cnt", nr);
	cJSON_AddItemToObject(mem, "regions", regions);
	cJSON_AddItemToObject(ex, "memory", mem);
	return ex;
}
