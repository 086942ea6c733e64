/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The visible state of memblock and of the page-allocator model after a
 * step: a plain copy, independent of the engine that produced it.  This is
 * what expectations are checked against and what the renderer draws.
 */
#ifndef MBVIZ_STATE_H
#define MBVIZ_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "machine.h"

struct mb_region {
	uint64_t	base;
	uint64_t	size;
	unsigned int	flags;
	int		nid;		/* as memblock_get_region_node(): 0 without NUMA */
};

struct mb_type {
	unsigned long	cnt;
	unsigned long	max;
	uint64_t	total_size;
	struct mb_region *regions;	/* cnt entries (the empty dummy included) */
};

/* What became of a range of page frames once memblock handed them over. */
enum page_fate {
	PF_RESERVED,		/* PageReserved: still reserved in memblock, or NOMAP */
	PF_FREE_ALL,		/* released to buddy by memblock_free_all */
	PF_DEFERRED,		/* free in memblock, deferred, not yet initialised */
	PF_DEFERRED_INIT,	/* released by deferred init (page_alloc_init_late) */
	PF_FREED_LATE,		/* released by memblock_free_late */
	PF_LOST,		/* left memblock's hands, never reached buddy */
	PF_ABOVE_LOW,		/* free but above max_low_pfn (highmem, not freed here) */
	NR_PAGE_FATES
};

struct mb_page_range {
	uint64_t	start_pfn;
	uint64_t	end_pfn;	/* exclusive */
	enum page_fate	fate;
	int		nid;
};

struct mb_zone {
	int		nid;
	int		zone;		/* index into machine.zones */
	const char	*name;
	uint64_t	start_pfn;	/* zone_start_pfn */
	uint64_t	spanned;
	uint64_t	present;
	uint64_t	managed;
	uint64_t	unavailable;	/* memmap_init()'s "pages in unavailable ranges" */
};

struct mb_node {
	int		nid;
	uint64_t	start_pfn, end_pfn;	/* node span, from memory regions */
	uint64_t	first_deferred_pfn;	/* UINT64_MAX when nothing is deferred */
};

/*
 * What memory holds: zeroed or left untouched by the allocation that
 * handed it out, or filled with a byte by a scenario's memset step (a fill
 * outlives frees, and an allocation that does not write leaves it).
 */
enum content_state { CONTENT_ZEROED, CONTENT_UNTOUCHED, CONTENT_FILLED };

struct mb_content {
	uint64_t	base;
	uint64_t	size;
	enum content_state state;
	unsigned char	byte;		/* CONTENT_FILLED: the byte */
};

/*
 * One search for free space (memblock_find_in_range_node()), as an
 * allocation step made it: the window after the current limit and the
 * first-page floor, the node filter, the direction, and what it found.
 * Recorded by the model engine for the UI's allocation view; another
 * engine records none.  Recording changes nothing memblock does.
 */
#define MB_MAX_SKIPPED	4

struct mb_search {
	uint64_t	start, end;		/* [start, end) searched */
	uint64_t	size, align;
	uint64_t	found;			/* 0: nothing fit */
	int		nid;			/* -1: any node */
	bool		bottom_up;
	bool		mirror;			/* only MEMBLOCK_MIRROR memory */
	/* Free ranges in the window it passed over before it found (or gave up). */
	int		nr_skipped;		/* all of them; the first MB_MAX_SKIPPED kept */
	struct { uint64_t start, end; } skipped[MB_MAX_SKIPPED];
};

#define MB_MAX_SEARCHES	8

struct mb_state {
	struct mb_type	memory;
	struct mb_type	reserved;
	bool		bottom_up;
	uint64_t	current_limit;
	/* Where memblock put a doubled memory or reserved array; 0: the static one. */
	uint64_t	memory_array, reserved_array;

	/* Page-allocator model: valid once memblock_free_all has run. */
	bool		freed_all;
	bool		deferred_done;		/* page_alloc_init_late has run */
	bool		discarded;
	int		nr_zones;
	struct mb_zone	*zones;
	int		nr_nodes;
	struct mb_node	*nodes;
	uint64_t	totalram_pages;
	uint64_t	lost_pages;
	int		nr_pages;
	struct mb_page_range *pages;	/* sorted, non-overlapping */

	int		nr_contents;
	struct mb_content *contents;	/* allocated ranges and their contents */

	/* The searches of the last step, in order; the first MB_MAX_SEARCHES. */
	int		nr_searches;
	struct mb_search searches[MB_MAX_SEARCHES];
};

/*
 * Parts of a state, for a reader that needs only some (an expectation, an
 * expression): SP_TYPES is memory, reserved, where their arrays are,
 * bottom_up, current_limit and discarded; SP_PAGES the page allocator's
 * fields (freed_all ... pages); SP_CONTENTS the contents.
 */
enum state_part {
	SP_TYPES	= 1 << 0,
	SP_PAGES	= 1 << 1,
	SP_CONTENTS	= 1 << 2,
	SP_ALL		= SP_TYPES | SP_PAGES | SP_CONTENTS,
};

void state_free(struct mb_state *s);
/* "zeroed", "untouched" or "filled 0xaa". */
const char *content_state_name(enum content_state state, unsigned char byte, char *buf, int len);
void state_copy(struct mb_state *dst, const struct mb_state *src);

/* A type holding only the kernel's zero-sized dummy region. */
bool mb_type_is_empty(const struct mb_type *t);
/* A zone's name, from the machine's zone list when the state has none. */
const char *mb_zone_name(const struct machine *m, const struct mb_zone *z);

#endif
