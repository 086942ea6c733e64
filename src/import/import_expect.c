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
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "util/xalloc.h"

cJSON *imp_node_ranges_expect(struct importer *im, int first)
{
	cJSON *ex = cJSON_CreateObject(), *mem = cJSON_CreateObject();
	cJSON *regions = cJSON_CreateArray();
	int i, nr = 0;

	for (i = first; i < im->nr && im->recs[i].l.kind == IMP_NODE_RANGE; i++) {
		const struct imp_line *l = &im->recs[i].l;
		cJSON *o = cJSON_CreateObject();

		imp_put_hex(o, "base", l->base);
		imp_put_hex(o, "size", l->end - l->base + 1);
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

struct span {
	uint64_t	base, end;	/* end exclusive */
};

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

/*
 * memblock=debug is an early parameter: what the kernel added or reserved
 * before parse_early_param() (memory from the boot loader or the DTB, the
 * kernel image, the initrd, firmware tables: arch/x86/kernel/setup.c:947,
 * early_init_dt_scan on arm, m68k's bootinfo, ...) is never printed.  The
 * first memblock_dump_all shows it: every part of a dumped region of
 * @type that no memblock_add (memory) or memblock_reserve (reserved) line
 * before the dump covers was there before the log began, and is added or
 * reserved first in the replay, memory before reservations.
 */
void imp_early_regions(struct importer *im, int type, const struct dump_region *r, int nr,
		       int lineno)
{
	const char *op = type == IMP_MEMORY ? "memblock_add" : "memblock_reserve";
	struct span *cov = NULL;
	cJSON *pre = cJSON_CreateArray(), *item;
	int i, k, n = 0;

	im->early_reserved = true;

	for (i = 0; i < im->nr && im->recs[i].lineno < lineno; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind != IMP_RANGE_OP || l->end < l->base ||
		    (strcmp(l->op, op) && (type != IMP_MEMORY || strcmp(l->op, "memblock_add_node"))))
			continue;
		cov = xrealloc(cov, (size_t)(n + 1) * sizeof(*cov));
		cov[n].base = l->base;
		cov[n].end = l->end + 1 ? l->end + 1 : UINT64_MAX;
		n++;
	}
	if (n)
		qsort(cov, (size_t)n, sizeof(*cov), span_cmp);
	for (i = 0; i < nr; i++) {
		uint64_t pos = r[i].base, end = r[i].base + r[i].size;

		if (end < pos)
			end = UINT64_MAX;
		for (k = 0; k <= n && pos < end; k++) {
			uint64_t gap_end = k < n ? cov[k].base : end;
			cJSON *s;
			char buf[24];

			if (gap_end > end)
				gap_end = end;
			if (gap_end > pos) {
				s = cJSON_CreateObject();
				cJSON_AddStringToObject(s, "op", op);
				snprintf(buf, sizeof(buf), "0x%" PRIx64, pos);
				cJSON_AddStringToObject(s, "base", buf);
				snprintf(buf, sizeof(buf), "0x%" PRIx64, gap_end - pos);
				cJSON_AddStringToObject(s, "size", buf);
				cJSON_AddStringToObject(s, "note", type == IMP_MEMORY ?
					"added before memblock=debug took effect (parse_early_param), as the first memblock_dump_all shows" :
					"reserved before memblock=debug took effect (parse_early_param), as the first memblock_dump_all shows");
				cJSON_AddNumberToObject(s, "x-log-line", lineno);
				cJSON_AddItemToArray(pre, s);
			}
			if (k < n && cov[k].end > pos)
				pos = cov[k].end;
		}
	}
	free(cov);
	/* before every step so far (one array: cJSON_InsertItemInArray is
	 * unreliable in some cJSON versions) */
	while ((item = im->steps->child) != NULL)
		cJSON_AddItemToArray(pre, cJSON_DetachItemViaPointer(im->steps, item));
	cJSON_Delete(im->steps);
	im->steps = pre;
}
