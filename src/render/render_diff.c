// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What a step changed, found by comparing the regions of the state before
 * it with those after it, type by type.  Both arrays are sorted and
 * disjoint (a memblock invariant), so one merge walk finds, for every new
 * region, the old regions it overlaps:
 *
 *   none             added
 *   one, identical   unchanged
 *   one, which now   split (a piece with the old flags and node) or changed
 *     has several
 *   one, otherwise   changed (grew, shrank, or other flags or node)
 *   several          merged
 *
 * and the bytes covered before and not after (removed) or the reverse
 * (added).  Linear in the number of regions.
 */
#include <stdlib.h>
#include <string.h>

#include "render_priv.h"
#include "util/xalloc.h"

struct ranges {
	int		nr, alloc;
	struct drange	*r;
};

static void ranges_add(struct ranges *rs, uint64_t start, uint64_t end, enum change kind,
		       int nid)
{
	if (end <= start)
		return;
	/* Join a range that continues the previous one. */
	if (rs->nr && rs->r[rs->nr - 1].end == start && rs->r[rs->nr - 1].kind == kind &&
	    rs->r[rs->nr - 1].nid == nid) {
		rs->r[rs->nr - 1].end = end;
		return;
	}
	if (rs->nr == rs->alloc) {
		rs->alloc = rs->alloc ? 2 * rs->alloc : 16;
		rs->r = xrealloc(rs->r, rs->alloc * sizeof(*rs->r));
	}
	rs->r[rs->nr++] = (struct drange){ start, end, kind, nid };
}

/* The bytes of @x not covered by @y (both sorted, disjoint), appended as @kind. */
static void subtract(const struct mb_region *x, unsigned long nx, const struct mb_region *y,
		     unsigned long ny, enum change kind, struct ranges *out)
{
	unsigned long i, j = 0;

	for (i = 0; i < nx; i++) {
		uint64_t pos = x[i].base, end = region_end_excl(&x[i]);

		while (j < ny && region_end_excl(&y[j]) <= pos)
			j++;
		for (; j < ny && y[j].base < end; j++) {
			ranges_add(out, pos, y[j].base, kind, x[i].nid);
			if (region_end_excl(&y[j]) > pos)
				pos = region_end_excl(&y[j]);
			if (region_end_excl(&y[j]) > end)
				break;	/* y[j] may overlap x[i + 1] too */
		}
		ranges_add(out, pos, end, kind, x[i].nid);
	}
}

static bool same_region(const struct mb_region *a, const struct mb_region *b)
{
	return a->base == b->base && a->size == b->size && a->flags == b->flags &&
	       a->nid == b->nid;
}

/* @r's bytes outside the added ranges, as @kind (added bytes show as added). */
static void add_rest(struct ranges *out, const struct mb_region *r, const struct ranges *added,
		     int *k, enum change kind)
{
	uint64_t pos = r->base, end = region_end_excl(r);

	while (*k < added->nr && added->r[*k].end <= pos)
		(*k)++;
	for (; *k < added->nr && added->r[*k].start < end; (*k)++) {
		ranges_add(out, pos, added->r[*k].start, kind, r->nid);
		pos = added->r[*k].end;
		if (pos > end)
			break;
	}
	ranges_add(out, pos, end, kind, r->nid);
}

static int drange_cmp(const void *a, const void *b)
{
	const struct drange *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* For each new region the old regions it overlaps: [first[i], first[i] + count[i]). */
static void match(const struct mb_region *o, unsigned long no, const struct mb_region *n,
		  unsigned long nn, int *count, int *first, int *pieces)
{
	unsigned long i, j = 0;

	for (i = 0; i < nn; i++) {
		uint64_t end = region_end_excl(&n[i]);
		unsigned long k;

		while (j < no && region_end_excl(&o[j]) <= n[i].base)
			j++;
		first[i] = (int)j;
		count[i] = 0;
		for (k = j; k < no && o[k].base < end; k++) {
			count[i]++;
			pieces[k]++;
		}
	}
}

static void mark_regions(struct type_diff *d, const struct mb_region *o, const struct mb_region *n,
			 unsigned long nn, const int *count, const int *first, const int *pieces)
{
	unsigned long i;

	for (i = 0; i < nn; i++) {
		const struct mb_region *old = count[i] ? &o[first[i]] : NULL;

		if (!old) {
			d->mark[i] = CH_ADDED;
			d->nr_added++;
		} else if (count[i] > 1) {
			d->mark[i] = CH_MERGED;
			d->nr_merged++;
			d->merged_from += count[i];
		} else if (same_region(old, &n[i])) {
			d->mark[i] = CH_NONE;
		} else if (pieces[first[i]] > 1 && old->flags == n[i].flags && old->nid == n[i].nid) {
			d->mark[i] = CH_SPLIT;
		} else {
			d->mark[i] = CH_CHANGED;
			if (old->flags != n[i].flags || old->nid != n[i].nid)
				d->nr_changed++;
		}
	}
}

/* The change band: added, removed, and the rest of every changed region. */
static void build_ranges(struct type_diff *d, const struct mb_region *o, unsigned long no,
			 const struct mb_region *n, unsigned long nn, const int *count,
			 const int *first)
{
	struct ranges added = { 0 }, removed = { 0 }, all = { 0 };
	unsigned long i;
	int k = 0;

	subtract(n, nn, o, no, CH_ADDED, &added);
	subtract(o, no, n, nn, CH_REMOVED, &removed);
	for (i = 0; i < (unsigned long)added.nr; i++)
		d->added += added.r[i].end - added.r[i].start;
	for (i = 0; i < (unsigned long)removed.nr; i++)
		d->removed += removed.r[i].end - removed.r[i].start;
	for (i = 0; i < nn; i++) {
		enum change kind = d->mark[i];

		/* Growth alone is shown by its added bytes, not by a mark on the rest. */
		if (kind == CH_CHANGED && o[first[i]].flags == n[i].flags &&
		    o[first[i]].nid == n[i].nid)
			kind = CH_NONE;
		if (count[i] && kind != CH_NONE)
			add_rest(&all, &n[i], &added, &k, kind);
	}
	for (i = 0; i < (unsigned long)added.nr; i++)
		ranges_add(&all, added.r[i].start, added.r[i].end, CH_ADDED, added.r[i].nid);
	for (i = 0; i < (unsigned long)removed.nr; i++)
		ranges_add(&all, removed.r[i].start, removed.r[i].end, CH_REMOVED,
			   removed.r[i].nid);
	if (all.nr > 1)
		qsort(all.r, all.nr, sizeof(*all.r), drange_cmp);
	d->ranges = all.r;
	d->nr_ranges = all.nr;
	free(added.r);
	free(removed.r);
}

static void diff_type(struct type_diff *d, const struct mb_type *ot, const struct mb_type *nt)
{
	unsigned long no = type_count(ot), nn = type_count(nt), j;
	const struct mb_region *o = ot->regions, *n = nt->regions;
	int *count = xzalloc((nn + 1) * sizeof(int)), *first = xzalloc((nn + 1) * sizeof(int));
	int *pieces = xzalloc((no + 1) * sizeof(int));

	memset(d, 0, sizeof(*d));
	d->mark = xzalloc(nn + 1);
	match(o, no, n, nn, count, first, pieces);
	mark_regions(d, o, n, nn, count, first, pieces);
	for (j = 0; j < no; j++) {
		if (pieces[j] > 1) {
			d->split_from++;
			d->nr_split += pieces[j];
		}
		if (!pieces[j]) {
			d->gone = xrealloc(d->gone, (d->nr_gone + 1) * sizeof(*d->gone));
			d->gone[d->nr_gone++] = o[j];
		}
	}
	build_ranges(d, o, no, n, nn, count, first);
	d->any = d->nr_ranges || d->nr_gone || d->nr_added || d->nr_merged || d->split_from;
	for (j = 0; j < nn && !d->any; j++)
		d->any = d->mark[j] != CH_NONE;
	free(count);
	free(first);
	free(pieces);
}

void diff_compute(struct diff *d, const struct mb_state *prev, const struct mb_state *st)
{
	memset(d, 0, sizeof(*d));
	if (!prev) {
		/* Nothing to compare with: every mark stays CH_NONE. */
		d->mem.mark = xzalloc(type_count(&st->memory) + 1);
		d->rsv.mark = xzalloc(type_count(&st->reserved) + 1);
		return;
	}
	d->valid = true;
	diff_type(&d->mem, &prev->memory, &st->memory);
	diff_type(&d->rsv, &prev->reserved, &st->reserved);
}

void diff_removed(struct mb_type *out, const struct mb_type *ot, const struct mb_type *nt)
{
	struct ranges removed = { 0 };
	int i;

	memset(out, 0, sizeof(*out));
	subtract(ot->regions, type_count(ot), nt->regions, type_count(nt), CH_REMOVED, &removed);
	if (!removed.nr)
		return;
	out->regions = xrealloc(NULL, removed.nr * sizeof(*out->regions));
	for (i = 0; i < removed.nr; i++)
		out->regions[i] = (struct mb_region){ removed.r[i].start,
						      removed.r[i].end - removed.r[i].start, 0,
						      removed.r[i].nid };
	out->cnt = removed.nr;
	free(removed.r);
}

static void type_diff_free(struct type_diff *d)
{
	free(d->mark);
	free(d->ranges);
	free(d->gone);
}

void diff_free(struct diff *d)
{
	type_diff_free(&d->mem);
	type_diff_free(&d->rsv);
	memset(d, 0, sizeof(*d));
}

/* ---- page fates ---- */

/* The fate of the range at index *@i of @p (nr @n) covering @pfn, or -1; the next boundary. */
static int fate_at(const struct mb_page_range *p, int n, int *i, uint64_t pfn, uint64_t *next,
		   int *nid)
{
	while (*i < n && p[*i].end_pfn <= pfn)
		(*i)++;
	if (*i >= n)
		return -1;
	if (p[*i].start_pfn > pfn) {
		if (p[*i].start_pfn < *next)
			*next = p[*i].start_pfn;
		return -1;
	}
	if (p[*i].end_pfn < *next)
		*next = p[*i].end_pfn;
	*nid = p[*i].nid;
	return p[*i].fate;
}

int pages_diff(const struct mb_state *prev, const struct mb_state *st, struct page_change **out)
{
	const struct mb_page_range *a = prev->pages, *b = st->pages;
	int na = prev->freed_all ? prev->nr_pages : 0, nb = st->freed_all ? st->nr_pages : 0;
	int i = 0, j = 0, n = 0, alloc = 0;
	struct page_change *c = NULL;
	uint64_t pos;

	*out = NULL;
	if (!na || !nb)
		return 0;
	pos = a[0].start_pfn < b[0].start_pfn ? a[0].start_pfn : b[0].start_pfn;
	while (i < na || j < nb) {
		uint64_t next = UINT64_MAX;
		int nid = 0, fa = fate_at(a, na, &i, pos, &next, &nid);
		int fb = fate_at(b, nb, &j, pos, &next, &nid);

		if (i >= na && j >= nb)
			break;
		if (fa != fb) {
			if (n && c[n - 1].end_pfn == pos && c[n - 1].from == fa && c[n - 1].to == fb &&
			    c[n - 1].nid == nid) {
				c[n - 1].end_pfn = next;
			} else {
				if (n == alloc) {
					alloc = alloc ? 2 * alloc : 16;
					c = xrealloc(c, alloc * sizeof(*c));
				}
				c[n++] = (struct page_change){ pos, next, fa, fb, nid };
			}
		}
		if (next == UINT64_MAX)
			break;
		pos = next;
	}
	*out = c;
	return n;
}
