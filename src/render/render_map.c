// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The map of one section: which regions a node's picture holds, its bands
 * (memory with holes, what the step changed there, reserved over free
 * memory, what changed there, and the fate of every page once
 * memblock_free_all has run), and the way back from a column to the
 * regions under it.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "render_priv.h"
#include "util/xalloc.h"

struct hull {
	bool		any;
	uint64_t	start, end;
};

static void hull_add(struct hull *h, uint64_t start, uint64_t end)
{
	if (end <= start)
		return;
	if (!h->any || start < h->start)
		h->start = start;
	if (!h->any || end > h->end)
		h->end = end;
	h->any = true;
}

static void hull_type(struct hull *h, const struct mb_type *t, bool any_nid, int nid)
{
	unsigned long i, n = type_count(t);

	for (i = 0; i < n; i++)
		if (any_nid || t->regions[i].nid == nid)
			hull_add(h, t->regions[i].base, region_end_excl(&t->regions[i]));
}

/*
 * What decides the sections: the regions of the state, and the ranges the
 * step removed (so that what disappeared can be shown where it was).
 */
struct layout {
	const struct mb_type *mem[2], *rsv[2];
	struct mb_type	gone[2];
};

/* Memory and reservations the step removed are drawn too, as what is gone. */
static void layout_init(struct layout *l, const struct frame *in)
{
	memset(l->gone, 0, sizeof(l->gone));
	if (in->prev) {
		diff_removed(&l->gone[0], &in->prev->memory, &in->st->memory);
		diff_removed(&l->gone[1], &in->prev->reserved, &in->st->reserved);
	}
	l->mem[0] = &in->st->memory;
	l->mem[1] = &l->gone[0];
	l->rsv[0] = &in->st->reserved;
	l->rsv[1] = &l->gone[1];
}

static void layout_free(struct layout *l)
{
	free(l->gone[0].regions);
	free(l->gone[1].regions);
}

/* The distinct nids of the memory regions, ascending. */
static int memory_nids(const struct layout *l, int **out)
{
	int *nids = NULL, n = 0, t;

	for (t = 0; t < 2; t++) {
		unsigned long i, cnt = type_count(l->mem[t]);

		for (i = 0; i < cnt; i++) {
			int nid = l->mem[t]->regions[i].nid, lo = 0, hi = n;

			while (lo < hi) {
				int mid = (lo + hi) / 2;

				if (nids[mid] < nid)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < n && nids[lo] == nid)
				continue;
			nids = xrealloc(nids, (n + 1) * sizeof(*nids));
			memmove(nids + lo + 1, nids + lo, (n - lo) * sizeof(*nids));
			nids[lo] = nid;
			n++;
		}
	}
	*out = nids;
	return n;
}

static int span_cmp(const void *a, const void *b)
{
	const struct render_node *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Widen @h by the parts of @t's regions that no span in @u (sorted, merged) covers. */
static void hull_outside(struct hull *h, const struct mb_type *t, const struct render_node *u,
			 int nu)
{
	unsigned long i, n = type_count(t);
	int j = 0;

	for (i = 0; i < n; i++) {
		uint64_t pos = t->regions[i].base, end = region_end_excl(&t->regions[i]);
		int k;

		while (j < nu && u[j].end <= pos)
			j++;
		for (k = j; k < nu && u[k].start < end; k++) {
			hull_add(h, pos, u[k].start);
			if (u[k].end > pos)
				pos = u[k].end;
		}
		hull_add(h, pos, end);
	}
}

/*
 * A node's span grows by the reserved ranges that overlap it (the first
 * page of a machine is usually reserved but not memory), never into the
 * span of another node.
 */
static void widen_node(const struct render_node *orig, int nn, int i, const struct mb_type *t,
		       struct hull *h)
{
	uint64_t lo = 0, hi = UINT64_MAX;
	unsigned long k, n = type_count(t);
	int j;

	for (j = 0; j < nn; j++) {
		if (j == i)
			continue;
		if (orig[j].end <= orig[i].start && orig[j].end > lo)
			lo = orig[j].end;
		if (orig[j].start >= orig[i].end && orig[j].start < hi)
			hi = orig[j].start;
	}
	for (k = 0; k < n; k++) {
		uint64_t s = t->regions[k].base, e = region_end_excl(&t->regions[k]);

		if (e <= orig[i].start || s >= orig[i].end)
			continue;
		hull_add(h, s > lo ? s : lo, e < hi ? e : hi);
	}
}

static int numa_sections(const struct layout *l, const int *nids, int nn,
			 struct render_node *nodes)
{
	struct render_node *u = xrealloc(NULL, nn * sizeof(*u));
	struct hull out = { 0 };
	int i, t, nu = 0;

	for (i = 0; i < nn; i++) {
		struct hull h = { 0 };

		for (t = 0; t < 2; t++)
			hull_type(&h, l->mem[t], false, nids[i]);
		u[i] = (struct render_node){ .nid = nids[i], .start = h.start, .end = h.end };
	}
	for (i = 0; i < nn; i++) {
		struct hull h = { true, u[i].start, u[i].end };

		for (t = 0; t < 2; t++)
			widen_node(u, nn, i, l->rsv[t], &h);
		nodes[i] = u[i];
		nodes[i].start = h.start;
		nodes[i].end = h.end;
	}
	/* The union of the node spans, to find what lies outside all of them. */
	memcpy(u, nodes, nn * sizeof(*u));
	qsort(u, nn, sizeof(*u), span_cmp);
	for (i = 0; i < nn; i++) {
		if (nu && u[i].start <= u[nu - 1].end) {
			if (u[i].end > u[nu - 1].end)
				u[nu - 1].end = u[i].end;
		} else {
			u[nu++] = u[i];
		}
	}
	for (t = 0; t < 2; t++)
		hull_outside(&out, l->rsv[t], u, nu);
	free(u);
	if (!out.any)
		return nn;
	nodes[nn] = (struct render_node){ .nid = -1, .outside = true, .start = out.start,
					  .end = out.end };
	return nn + 1;
}

int render_nodes(const struct frame *in, struct render_node **out)
{
	struct render_node *nodes = NULL;
	struct layout l;
	struct hull h = { 0 };
	int *nids, nn, i, t;

	layout_init(&l, in);
	nn = memory_nids(&l, &nids);
	if (nn > 1) {
		nodes = xzalloc((nn + 1) * sizeof(*nodes));
		nn = numa_sections(&l, nids, nn, nodes);
		goto out;
	}
	/* One node: everything drawn, reserved ranges outside memory included. */
	for (t = 0; t < 2; t++) {
		hull_type(&h, l.mem[t], true, 0);
		hull_type(&h, l.rsv[t], true, 0);
	}
	for (i = 0; in->st->freed_all && i < in->st->nr_pages; i++)
		hull_add(&h, pfn_addr(in->m, in->st->pages[i].start_pfn),
			 pfn_addr(in->m, in->st->pages[i].end_pfn));
	if (h.any) {
		nodes = xzalloc(sizeof(*nodes));
		*nodes = (struct render_node){ .nid = nn ? nids[0] : 0, .whole = true,
					       .start = h.start, .end = h.end };
	}
	nn = h.any;
out:
	*out = nodes;
	free(nids);
	layout_free(&l);
	return nn;
}

/* ---- building the bands ---- */

struct section {
	const struct frame *in;
	const struct render_opts *o;
	const struct render_node *node;
	uint64_t	lo, hi;		/* the window */
	struct diff	diff;
	struct mb_region *mem;		/* the memory regions this section draws */
	unsigned long	nr_mem;
	int		*mem_index;	/* their index in st->memory */
};

static bool nid_drawn(const struct section *s, int nid)
{
	return s->node->whole || nid == s->node->nid;
}

static void add_clipped(struct band *b, const struct section *s, uint64_t start, uint64_t end,
			enum item_kind kind, bool selected)
{
	band_add(b, start > s->lo ? start : s->lo, end < s->hi ? end : s->hi, kind, selected);
}

static void pick_memory(struct section *s)
{
	const struct mb_type *t = &s->in->st->memory;
	unsigned long i, n = s->node->outside ? 0 : type_count(t);

	s->mem = xrealloc(NULL, (n + 1) * sizeof(*s->mem));
	s->mem_index = xrealloc(NULL, (n + 1) * sizeof(*s->mem_index));
	s->nr_mem = 0;
	for (i = 0; i < n; i++) {
		if (!nid_drawn(s, t->regions[i].nid))
			continue;
		s->mem_index[s->nr_mem] = (int)i;
		s->mem[s->nr_mem++] = t->regions[i];
	}
}

static void memory_band(struct band *b, const struct section *s)
{
	const struct render_opts *o = s->o;
	uint64_t pos = s->lo;
	unsigned long i;

	for (i = 0; i < s->nr_mem; i++) {
		uint64_t start = s->mem[i].base, end = region_end_excl(&s->mem[i]);

		if (end <= s->lo || start >= s->hi)
			continue;
		if (start > pos)
			add_clipped(b, s, pos, start, K_HOLE, false);
		add_clipped(b, s, start, end, flags_kind(s->mem[i].flags),
			    o->sel_type == MB_TYPE_MEMORY && o->sel_index == s->mem_index[i]);
		pos = end;
	}
	if (pos < s->hi)
		add_clipped(b, s, pos, s->hi, K_HOLE, false);
}

/* A stretch without reservations: free where it is memory, blank elsewhere. */
static void unreserved(struct band *b, const struct section *s, uint64_t start, uint64_t end,
		       unsigned long *k)
{
	while (*k < s->nr_mem && region_end_excl(&s->mem[*k]) <= start)
		(*k)++;
	for (; *k < s->nr_mem && s->mem[*k].base < end; (*k)++) {
		uint64_t ms = s->mem[*k].base, me = region_end_excl(&s->mem[*k]);

		if (ms > start)
			add_clipped(b, s, start, ms, K_BLANK, false);
		if (ms < start)
			ms = start;
		add_clipped(b, s, ms, me < end ? me : end, K_FREE, false);
		start = me;
		if (me > end)
			return;		/* the region goes on past this stretch */
	}
	if (start < end)
		add_clipped(b, s, start, end, K_BLANK, false);
}

static void reserved_band(struct band *b, const struct section *s)
{
	const struct mb_type *t = &s->in->st->reserved;
	unsigned long i, k = 0, n = type_count(t);
	uint64_t pos = s->lo;

	for (i = 0; i < n; i++) {
		uint64_t start = t->regions[i].base, end = region_end_excl(&t->regions[i]);

		if (end <= s->lo || start >= s->hi)
			continue;
		if (start > pos)
			unreserved(b, s, pos, start, &k);
		add_clipped(b, s, start, end, K_RSV,
			    s->o->sel_type == MB_TYPE_RESERVED && s->o->sel_index == (int)i);
		pos = end;
	}
	if (pos < s->hi)
		unreserved(b, s, pos, s->hi, &k);
}

static void delta_band(struct band *b, const struct section *s, const struct type_diff *d,
		       bool by_nid)
{
	int i;

	for (i = 0; i < d->nr_ranges; i++) {
		const struct drange *r = &d->ranges[i];

		if (r->end <= s->lo || r->start >= s->hi || (by_nid && !nid_drawn(s, r->nid)))
			continue;
		add_clipped(b, s, r->start, r->end, change_kind(r->kind), false);
	}
}

static void pages_band(struct band *b, const struct section *s)
{
	const struct mb_state *st = s->in->st;
	uint64_t pos = s->lo;
	int i;

	for (i = 0; i < st->nr_pages; i++) {
		const struct mb_page_range *p = &st->pages[i];
		uint64_t start = pfn_addr(s->in->m, p->start_pfn);
		uint64_t end = pfn_addr(s->in->m, p->end_pfn);

		if (end <= s->lo || start >= s->hi || !nid_drawn(s, p->nid))
			continue;
		if (start > pos)
			add_clipped(b, s, pos, start, K_BLANK, false);
		add_clipped(b, s, start, end, fate_kind(p->fate), false);
		pos = end;
	}
	if (pos < s->hi)
		add_clipped(b, s, pos, s->hi, K_BLANK, false);
}

/* ---- the compact axis needs every boundary, in order ---- */

static struct cut *merge_cuts(struct cut *a, int na, const struct band *b, int *n)
{
	struct cut *out = xrealloc(NULL, (na + 2 * b->nr + 1) * sizeof(*out));
	int i = 0, j = 0, k = 0;

	/* A band's items are sorted and disjoint, so its cuts come out sorted. */
	while (i < na || j < 2 * b->nr) {
		const struct item *it = j < 2 * b->nr ? &b->items[j / 2] : NULL;
		struct cut c = { 0, 0 };

		if (it && (it->kind == K_BLANK || it->kind == K_HOLE || it->kind == K_FREE)) {
			j += 2;		/* nothing there, or memory the memory band covers */
			continue;
		}
		if (it)
			c = (struct cut){ j & 1 ? it->end : it->start, j & 1 ? -1 : 1 };
		if (i < na && (!it || a[i].addr <= c.addr))
			out[k++] = a[i++];
		else {
			out[k++] = c;
			j++;
		}
	}
	free(a);
	*n = k;
	return out;
}

enum { B_MEM, B_DMEM, B_RSV, B_DRSV, B_PAGES, B_DPAGES, NR_BANDS };

/*
 * A redraw fills every band with up to two items a region: arrays of MiBs
 * at 10^5 regions.  Made anew for each frame they were fresh mappings each
 * time (glibc maps blocks over its mmap threshold), faulted in page by page:
 * 2,300 faults a frame in the UI.  The canvas keeps them instead.
 */
struct band_keep {
	struct band	b[NR_BANDS];
};

static struct band *bands_kept(struct canvas *cv)
{
	int b;

	if (!cv->keep)
		cv->keep = xzalloc(sizeof(*cv->keep));
	for (b = 0; b < NR_BANDS; b++)
		cv->keep->b[b].nr = 0;
	return cv->keep->b;
}

void band_keep_free(struct band_keep *k)
{
	int b;

	if (!k)
		return;
	for (b = 0; b < NR_BANDS; b++)
		band_free(&k->b[b]);
	free(k);
}

static const char *const band_label[NR_BANDS] = {
	"memory", "  change", "reserved", "  change", "pages", "  change",
};

static const enum rline_kind band_line[NR_BANDS] = {
	RL_BAND_MEMORY, RL_DELTA_MEMORY, RL_BAND_RESERVED, RL_DELTA_RESERVED, RL_BAND_PAGES,
	RL_DELTA_PAGES,
};

/* Pages whose fate changed: one mark for all of them, the pages band says what they are now. */
static void delta_pages_band(struct band *b, const struct section *s)
{
	struct page_change *c;
	int n, i;

	if (!s->in->prev)
		return;
	n = pages_diff(s->in->prev, s->in->st, &c);
	for (i = 0; i < n; i++) {
		uint64_t start = pfn_addr(s->in->m, c[i].start_pfn);
		uint64_t end = pfn_addr(s->in->m, c[i].end_pfn);

		if (end <= s->lo || start >= s->hi || !nid_drawn(s, c[i].nid))
			continue;
		add_clipped(b, s, start, end, K_CHANGED, false);
	}
	free(c);
}

static void build_bands(struct section *s, struct band *bands, bool *present)
{
	const struct render_node *node = s->node;

	memset(present, 0, NR_BANDS * sizeof(*present));
	present[B_MEM] = !node->outside;
	present[B_RSV] = true;
	present[B_PAGES] = !node->outside && s->in->st->freed_all;
	if (present[B_MEM])
		memory_band(&bands[B_MEM], s);
	if (present[B_MEM])
		delta_band(&bands[B_DMEM], s, &s->diff.mem, true);
	reserved_band(&bands[B_RSV], s);
	delta_band(&bands[B_DRSV], s, &s->diff.rsv, false);
	if (present[B_PAGES]) {
		pages_band(&bands[B_PAGES], s);
		delta_pages_band(&bands[B_DPAGES], s);
	}
	/* A change line only where this section changed. */
	present[B_DMEM] = bands[B_DMEM].nr > 0;
	present[B_DRSV] = bands[B_DRSV].nr > 0;
	present[B_DPAGES] = bands[B_DPAGES].nr > 0;
}

static void draw(struct canvas *cv, struct render_map *map, const struct section *s,
		 const struct band *bands, const bool *present, const struct axis *ax)
{
	int nid = s->node->nid, b;
	struct rline *l;

	map->first_line = cv->nr;
	canvas_line(cv, RL_RULER_LABELS, nid, -1);
	canvas_line(cv, RL_RULER, nid, -1);
	axis_ruler(ax, &cv->lines[cv->nr - 2], &cv->lines[cv->nr - 1], s->o->width, s->o->utf8);
	for (b = 0; b < NR_BANDS; b++) {
		if (!present[b])
			continue;
		l = canvas_line(cv, band_line[b], nid, -1);
		line_puts(l, 0, ST_LABEL, band_label[b]);
		band_paint(&bands[b], ax, l, s->o->utf8, b == B_DMEM || b == B_DRSV || b == B_DPAGES);
	}
	map->nr_lines = cv->nr - map->first_line;
}

void render_bands(struct canvas *cv, struct render_map *map, const struct frame *in,
		  const struct render_opts *opts, const struct render_node *node,
		  uint64_t start, uint64_t end)
{
	struct render_opts o = *opts;
	struct section s = { .in = in, .o = &o, .node = node };
	struct band *bands = bands_kept(cv);
	bool present[NR_BANDS];
	struct cut *cuts = NULL;
	struct axis ax;
	int b, nr_cuts = 0;

	memset(map, 0, sizeof(*map));
	cv->utf8 = o.utf8;
	if (o.width < RENDER_MIN_WIDTH)
		o.width = RENDER_MIN_WIDTH;
	if (o.width > RENDER_MAX_WIDTH)
		o.width = RENDER_MAX_WIDTH;
	if (!start && !end) {
		start = node->start;
		end = node->end;
	}
	s.lo = start;
	s.hi = end > start ? end : start + 1;
	diff_compute(&s.diff, in->prev, in->st);
	pick_memory(&s);
	build_bands(&s, bands, present);
	if (o.scale == SCALE_COMPACT)
		for (b = 0; b < NR_BANDS; b++)
			cuts = merge_cuts(cuts, nr_cuts, &bands[b], &nr_cuts);
	axis_build(&ax, s.lo, s.hi, o.width - RENDER_MARGIN, o.min_bpc, o.scale, cuts, nr_cuts);
	draw(cv, map, &s, bands, present, &ax);

	map->node = *node;
	map->start = s.lo;
	map->end = s.hi;
	map->scale = ax.scale;
	map->bpc = ax.bpc;
	map->ncols = ax.n;
	map->col_addr = ax.b;
	ax.b = NULL;
	axis_free(&ax);
	free(cuts);
	free(s.mem);
	free(s.mem_index);
	diff_free(&s.diff);
}

void render_map_free(struct render_map *map)
{
	free(map->col_addr);
	map->col_addr = NULL;
	map->ncols = 0;
}

/* ---- the node's header line ---- */

static const char *node_label(const struct machine *m, const struct render_node *n, char *buf,
			      int len)
{
	if (n->outside)
		snprintf(buf, len, "outside the nodes' memory");
	else if (!m->numa || (n->nid >= 0 && n->nid < m->max_numnodes))
		snprintf(buf, len, "node %d", m->numa ? n->nid : 0);
	else if (n->nid == m->max_numnodes)
		snprintf(buf, len, "no node yet (nid MAX_NUMNODES)");
	else
		snprintf(buf, len, "nid %d", n->nid);
	return buf;
}

/* "1 col = ", kept on one line with what follows. */
#define COL_EQ	"1" NBSP_UTF8 "col" NBSP_UTF8 "=" NBSP_UTF8
#define COL_LE	"1" NBSP_UTF8 "col" NBSP_UTF8 "<=" NBSP_UTF8

void render_node_header(struct canvas *cv, const struct frame *in,
			const struct render_opts *o, const struct render_map *map)
{
	char label[64], size[32], bpc[32], view[80] = "", text[400], *p;
	const struct render_node *n = &map->node;
	int first = cv->nr, i, pad, len;

	cv->utf8 = o->utf8;
	node_label(in->m, n, label, sizeof(label));
	human_nb(n->end - n->start, size, sizeof(size));
	axis_size_text(map->bpc, bpc, sizeof(bpc));
	if (map->start != n->start || map->end != n->end)
		snprintf(view, sizeof(view), ", view 0x%" PRIx64 "-0x%" PRIx64, map->start,
			 map->end - 1);
	for (pad = in->m->phys_addr_bits == 32 ? 8 : 16; ; pad = 0) {
		/* The boot log's [mem ...] form, unpadded if that is what fits in one line. */
		len = snprintf(text, sizeof(text),
			       "%s [mem" NBSP_UTF8 "0x%0*" PRIx64 "-0x%0*" PRIx64 "] %s%s, %s%s",
			       label, pad, n->start, pad, n->end - 1, size, view,
			       map->scale == SCALE_COMPACT ? "compact, holes shrunk, " COL_LE :
			       o->scale == SCALE_COMPACT ? "too many ranges for compact, " COL_EQ :
			       COL_EQ, bpc);
		/* Columns, not bytes: each no-break space is two bytes. */
		for (p = strstr(text, NBSP_UTF8); p; p = strstr(p + 2, NBSP_UTF8))
			len--;
		if (!pad || len <= o->width)
			break;
	}
	put_wrapped(cv, o->width, 2, RL_NODE, NULL, ST_HEADER, text, ST_HEADER);
	for (i = first; i < cv->nr; i++)
		cv->lines[i].nid = n->nid;
}

/* ---- from a column back to what is under it ---- */

int render_map_col(const struct render_map *map, uint64_t addr)
{
	int lo = 0, hi = map->ncols - 1;

	if (!map->ncols || addr < map->col_addr[0] || addr >= map->col_addr[map->ncols])
		return -1;
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (map->col_addr[mid] <= addr)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* The regions of @t in [start, end), by bisection: @first and @count. */
static void find_regions(const struct mb_type *t, uint64_t start, uint64_t end, bool any_nid,
			 int nid, int *first, int *count)
{
	unsigned long lo = 0, hi = type_count(t), i;

	*first = -1;
	*count = 0;
	while (lo < hi) {
		unsigned long mid = (lo + hi) / 2;

		if (region_end_excl(&t->regions[mid]) <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < type_count(t) && t->regions[i].base < end; i++) {
		if (!any_nid && t->regions[i].nid != nid)
			continue;
		if (*first < 0)
			*first = (int)i;
		(*count)++;
	}
}

static void find_pages(const struct frame *in, const struct render_map *map,
		       uint64_t start, uint64_t end, struct render_hit *hit)
{
	const struct mb_state *st = in->st;
	int lo = 0, hi = st->nr_pages, i;

	hit->page_first = -1;
	hit->page_count = 0;
	if (!st->freed_all || map->node.outside)
		return;
	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (pfn_addr(in->m, st->pages[mid].end_pfn) <= start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo; i < st->nr_pages && pfn_addr(in->m, st->pages[i].start_pfn) < end; i++) {
		if (!map->node.whole && st->pages[i].nid != map->node.nid)
			continue;
		if (hit->page_first < 0)
			hit->page_first = i;
		hit->page_count++;
	}
}

bool render_map_hit(const struct render_map *map, const struct frame *in, int col,
		    struct render_hit *hit)
{
	memset(hit, 0, sizeof(*hit));
	if (col < 0 || col >= map->ncols)
		return false;
	hit->start = map->col_addr[col];
	hit->end = map->col_addr[col + 1];
	if (map->node.outside) {
		hit->mem_first = -1;
	} else {
		find_regions(&in->st->memory, hit->start, hit->end, map->node.whole,
			     map->node.nid, &hit->mem_first, &hit->mem_count);
	}
	find_regions(&in->st->reserved, hit->start, hit->end, true, 0, &hit->rsv_first,
		     &hit->rsv_count);
	find_pages(in, map, hit->start, hit->end, hit);
	return true;
}
