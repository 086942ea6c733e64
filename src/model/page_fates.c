// SPDX-License-Identifier: GPL-2.0-or-later
/* The page-fate map of the page-allocator model (see page_fates.h). */
#include <stdlib.h>
#include <string.h>

#include "page_fates.h"
#include "util/xalloc.h"

void fmap_free(struct fate_map *m)
{
	free(m->v);
	memset(m, 0, sizeof(*m));
}

void fmap_copy(struct fate_map *dst, const struct fate_map *src)
{
	*dst = *src;
	dst->v = xmemdup(src->v, src->nr * sizeof(*src->v));
	dst->alloc = src->nr;
}

/* Index of the first range that ends after @pfn. */
static int search(const struct fate_map *m, uint64_t pfn)
{
	int lo = 0, hi = m->nr;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (m->v[mid].end <= pfn)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void insert(struct fate_map *m, int idx, const struct fate_range *r)
{
	if (m->nr == m->alloc) {
		m->alloc = m->alloc ? 2 * m->alloc : 16;
		m->v = xrealloc(m->v, m->alloc * sizeof(*m->v));
	}
	memmove(&m->v[idx + 1], &m->v[idx], (m->nr - idx) * sizeof(*m->v));
	m->v[idx] = *r;
	m->nr++;
}

/* Split range @idx at @pfn (inside it): @idx keeps the part below. */
static void split(struct fate_map *m, int idx, uint64_t pfn)
{
	struct fate_range upper = m->v[idx];

	upper.start = pfn;
	m->v[idx].end = pfn;
	insert(m, idx + 1, &upper);
}

/* Join neighbours of ranges @from .. @to that now have the same fate and node. */
static void merge(struct fate_map *m, int from, int to)
{
	int i, j;

	if (from < 0)
		from = 0;
	if (to > m->nr - 1)
		to = m->nr - 1;
	if (to < from)
		return;
	for (i = from, j = from + 1; j <= to; j++) {
		struct fate_range *a = &m->v[i], *b = &m->v[j];

		if (a->end == b->start && a->fate == b->fate && a->nid == b->nid)
			a->end = b->end;
		else
			m->v[++i] = *b;
	}
	memmove(&m->v[i + 1], &m->v[to + 1], (m->nr - to - 1) * sizeof(*m->v));
	m->nr -= to - i;
}

static void apply(struct fate_map *m, uint64_t start, uint64_t end, int fate)
{
	int i, j;

	if (start >= end)
		return;
	i = search(m, start);
	if (i < m->nr && m->v[i].start < start)
		split(m, i++, start);
	for (j = i; j < m->nr && m->v[j].start < end; j++) {
		if (m->v[j].end > end)
			split(m, j, end);
		m->v[j].fate = fate;
	}
	merge(m, i - 1, j);
}

void fmap_append(struct fate_map *m, uint64_t start, uint64_t end, int fate, int nid)
{
	struct fate_range r = { start, end, fate, nid };

	insert(m, m->nr, &r);
	merge(m, m->nr - 2, m->nr - 1);
}

void fmap_flush(struct fate_map *m)
{
	if (!m->has_run)
		return;
	m->has_run = false;
	apply(m, m->run.start, m->run.end, m->run.fate);
}

void fmap_record(struct fate_map *m, uint64_t start, uint64_t end, int fate)
{
	if (m->has_run && m->run.end == start && m->run.fate == fate) {
		m->run.end = end;
		return;
	}
	fmap_flush(m);
	m->run = (struct fate_range){ .start = start, .end = end, .fate = fate };
	m->has_run = true;
}

void fmap_relabel(struct fate_map *m, uint64_t start, int from, int to, int nid)
{
	int i;

	fmap_flush(m);
	for (i = 0; i < m->nr; i++) {
		struct fate_range *r = &m->v[i];

		if (r->fate != from || r->end <= start || (nid >= 0 && r->nid != nid))
			continue;
		if (r->start < start) {
			/* The upper part comes next and is relabelled then. */
			split(m, i, start);
			continue;
		}
		r->fate = to;
	}
	merge(m, 0, m->nr - 1);
}

int fmap_find(const struct fate_map *m, uint64_t pfn)
{
	int i = search(m, pfn);

	return i < m->nr && m->v[i].start <= pfn ? i : -1;
}

int fmap_next(const struct fate_map *m, uint64_t pfn)
{
	return search(m, pfn);
}

int fmap_at(const struct fate_map *m, uint64_t pfn, int *nid)
{
	int i = fmap_find(m, pfn);

	if (i < 0)
		return -1;
	*nid = m->v[i].nid;
	if (m->has_run && pfn >= m->run.start && pfn < m->run.end)
		return m->run.fate;
	return m->v[i].fate;
}

bool fmap_all(struct fate_map *m, uint64_t start, uint64_t end, bool (*pred)(int fate))
{
	int i;

	fmap_flush(m);
	for (i = search(m, start); start < end; i++) {
		if (i >= m->nr || m->v[i].start > start || !pred(m->v[i].fate))
			return false;
		start = m->v[i].end;
	}
	return true;
}
