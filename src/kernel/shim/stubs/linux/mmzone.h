/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: nodes and zones, just enough for memblock_free_all() to
 * reset every zone's managed page count through the real code.  Setting a
 * zone's managed_pages reaches mbviz's page-allocator model.
 */
#ifndef KSHIM_LINUX_MMZONE_H
#define KSHIM_LINUX_MMZONE_H

#include <linux/types.h>
#include <linux/numa.h>

/*
 * The order of the largest buddy block: MAX_ORDER counted orders before
 * 6.4 (11 on x86) and is the largest order itself from 6.4 on (10).
 */
#ifndef KSHIM_VERSION
#define KSHIM_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + (c))
#endif
#if defined(KSHIM_LINUX_VERSION) && KSHIM_LINUX_VERSION >= KSHIM_VERSION(6, 4, 0)
#define MAX_ORDER		10
#define MAX_ORDER_NR_PAGES	(1 << MAX_ORDER)
#else
#define MAX_ORDER		11
#define MAX_ORDER_NR_PAGES	(1 << (MAX_ORDER - 1))
#endif
#define MAX_PAGE_ORDER		10

#define pageblock_order			(MAX_PAGE_ORDER - 1)
#define pageblock_nr_pages		(1UL << pageblock_order)
#define pageblock_align(pfn)		ALIGN((pfn), pageblock_nr_pages)
#define pageblock_start_pfn(pfn)	ALIGN_DOWN((pfn), pageblock_nr_pages)

/* As many zones as a scenario's machine may define. */
#define MAX_NR_ZONES		6

struct pglist_data;

struct zone {
	atomic_long_t		managed_pages;
	unsigned long		zone_start_pfn;
	unsigned long		spanned_pages;
	struct pglist_data	*zone_pgdat;
};

typedef struct pglist_data {
	struct zone		node_zones[MAX_NR_ZONES];
	int			node_id;
	unsigned long		node_start_pfn;
	unsigned long		node_spanned_pages;
} pg_data_t;

struct pglist_data *first_online_pgdat(void);
struct pglist_data *next_online_pgdat(struct pglist_data *pgdat);
struct pglist_data *kshim_node_data(int nid);
#define NODE_DATA(nid)		kshim_node_data(nid)

#define for_each_online_pgdat(pgdat)		\
	for (pgdat = first_online_pgdat(); pgdat; pgdat = next_online_pgdat(pgdat))

static inline int zone_to_nid(struct zone *zone)
{
	return zone->zone_pgdat->node_id;
}

static inline unsigned long zone_end_pfn(const struct zone *zone)
{
	return zone->zone_start_pfn + zone->spanned_pages;
}

void atomic_long_set(atomic_long_t *v, long i);
static inline long atomic_long_read(const atomic_long_t *v)
{
	return v->counter;
}

#endif
