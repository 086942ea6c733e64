/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What became of page frames, for the page-allocator model: a sorted map
 * of pfn ranges, each with one fate (enum page_fate, or a caller's own
 * value above it) and the node its struct pages belong to.  Ranges are
 * laid out once, in address order, from memblock.memory; after that only
 * their fates change, so a pfn's node never does.
 *
 * Fates are given in ascending runs (a max-order block at a time during
 * memblock_free_all, a page at a time during memblock_free_late): the
 * latest run is kept apart and only applied when a call does not extend
 * it, so a long walk costs O(1) a call.
 */
#ifndef MBVIZ_PAGE_FATES_H
#define MBVIZ_PAGE_FATES_H

#include <stdbool.h>
#include <stdint.h>

struct fate_range {
	uint64_t	start, end;	/* pfns, end exclusive */
	int		fate;
	int		nid;
};

struct fate_map {
	int		nr, alloc;
	struct fate_range *v;
	bool		has_run;
	struct fate_range run;		/* the latest run, not yet in v[] */
};

void fmap_free(struct fate_map *m);
/* A deep copy of @src, whose latest run must be applied already. */
void fmap_copy(struct fate_map *dst, const struct fate_map *src);

/* Lay out [start, end) of node @nid with @fate, above every range so far. */
void fmap_append(struct fate_map *m, uint64_t start, uint64_t end, int fate, int nid);
/* Give the laid-out pfns of [start, end) @fate (pfns outside them are not kept). */
void fmap_record(struct fate_map *m, uint64_t start, uint64_t end, int fate);
/* Apply the latest run: v[] is then the whole map. */
void fmap_flush(struct fate_map *m);
/* From pfn @start on, every range of fate @from (and node @nid, or any if -1) becomes @to. */
void fmap_relabel(struct fate_map *m, uint64_t start, int from, int to, int nid);

/* Index in v[] of the first range that ends after @pfn (nr if none; the latest run aside). */
int fmap_next(const struct fate_map *m, uint64_t pfn);
/* Index in v[] of the range holding @pfn, or -1 (the latest run aside). */
int fmap_find(const struct fate_map *m, uint64_t pfn);
/* The fate of @pfn, latest run included, and its node in *nid; -1 if not laid out. */
int fmap_at(const struct fate_map *m, uint64_t pfn, int *nid);
/* Whether every pfn of [start, end) is laid out with a fate @pred accepts. */
bool fmap_all(struct fate_map *m, uint64_t start, uint64_t end, bool (*pred)(int fate));

#endif
