// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Painting one band: a sorted list of disjoint address ranges ("items"),
 * each of a kind, onto the columns of an axis.
 *
 * No region may vanish because it is smaller than a column.  Every region
 * (memory, reserved, pages, changes) gets a "home" column, chosen left to
 * right: its first column, or the next one when the first is already some
 * other region's home or mostly belongs to what comes before.  A column
 * that is the home of one region shows that region (in its small form
 * when the region is narrower than the column); one that is the home of
 * several shows how many (2-9, '*' for more).  Holes and free memory are
 * weaker: one that spans at most two columns claims the one it covers
 * most, if no region has it; a region moves on rather than take that
 * column when it can, but a region that has only that column takes it;
 * they are never counted.  Flagged memory (NOMAP first, then
 * DRIVER_MANAGED, HOTPLUG, MIRROR) and lost pages are not counted either:
 * a column that is their home shows them, whatever else it holds.
 * Any other column shows what covers most of it.  Each item
 * touches a contiguous run of columns and items do not overlap, so the
 * work is proportional to items plus columns.
 */
#include <string.h>

#include "render_priv.h"
#include "util/xalloc.h"

struct glyph {
	char		ascii, small;
	uint32_t	utf8, utf8_small;
	enum render_style style;
	int		priority;	/* who wins a shared column: changes, flags, lost pages */
};

static const struct glyph glyphs[NR_KINDS] = {
	[K_BLANK]	= { ' ', ' ', ' ', ' ', ST_PLAIN, 0 },
	[K_MEM]		= { '#', ':', 0x2588, 0x258c, ST_MEMORY, 0 },	/* full block, left half */
	[K_HOTPLUG]	= { 'H', 'h', 'H', 'h', ST_HOTPLUG, 2 },
	[K_MIRROR]	= { 'M', 'm', 'M', 'm', ST_MIRROR, 1 },
	[K_NOMAP]	= { 'N', 'n', 'N', 'n', ST_NOMAP, 4 },
	[K_DRVMGD]	= { 'D', 'd', 'D', 'd', ST_DRIVER_MANAGED, 3 },
	[K_HOLE]	= { '.', '.', 0xb7, 0xb7, ST_HOLE, 0 },		/* middle dot */
	[K_RSV]		= { 'R', 'r', 'R', 'r', ST_RESERVED, 0 },
	[K_FREE]	= { '-', '-', 0x2500, 0x2500, ST_FREE, 0 },	/* horizontal line */
	[K_PG_BUDDY]	= { 'B', 'b', 'B', 'b', ST_PAGES_BUDDY, 0 },
	[K_PG_INIT]	= { 'I', 'i', 'I', 'i', ST_PAGES_BUDDY, 0 },
	[K_PG_LATE]	= { 'L', 'l', 'L', 'l', ST_PAGES_BUDDY, 0 },
	/*
	 * A letter means one thing on every band: P, W and A, not R, D and
	 * H, which the reserved and memory bands use for reserved regions,
	 * driver-managed and hotplug memory.
	 */
	[K_PG_RESERVED]	= { 'P', 'p', 'P', 'p', ST_PAGES_RESERVED, 0 },
	[K_PG_DEFERRED]	= { 'W', 'w', 'W', 'w', ST_PAGES_DEFERRED, 0 },
	[K_PG_LOST]	= { 'X', 'x', 'X', 'x', ST_PAGES_LOST, 9 },
	[K_PG_HIGH]	= { 'A', 'a', 'A', 'a', ST_PAGES_HIGH, 0 },
	[K_ADDED]	= { '+', '+', '+', '+', ST_ADDED, 4 },
	[K_REMOVED]	= { '-', '-', '-', '-', ST_REMOVED, 5 },
	[K_CHANGED]	= { '~', '~', '~', '~', ST_CHANGED, 3 },
	[K_SPLIT]	= { '/', '/', '/', '/', ST_SPLIT, 1 },
	[K_MERGED]	= { '=', '=', '=', '=', ST_MERGED, 2 },
};

uint32_t kind_glyph(enum item_kind k, bool small, bool utf8)
{
	const struct glyph *g = &glyphs[k];

	if (utf8)
		return small ? g->utf8_small : g->utf8;
	return (unsigned char)(small ? g->small : g->ascii);
}

enum render_style kind_style(enum item_kind k)
{
	return glyphs[k].style;
}

/* One mark per region: the flag that changes the most about how memory is used. */
enum item_kind flags_kind(unsigned int flags)
{
	if (flags & MBF_NOMAP)
		return K_NOMAP;
	if (flags & MBF_DRIVER_MANAGED)
		return K_DRVMGD;
	if (flags & MBF_HOTPLUG)
		return K_HOTPLUG;
	if (flags & MBF_MIRROR)
		return K_MIRROR;
	return K_MEM;
}

enum item_kind fate_kind(enum page_fate f)
{
	switch (f) {
	case PF_RESERVED:	return K_PG_RESERVED;
	case PF_FREE_ALL:	return K_PG_BUDDY;
	case PF_DEFERRED:	return K_PG_DEFERRED;
	case PF_DEFERRED_INIT:	return K_PG_INIT;
	case PF_FREED_LATE:	return K_PG_LATE;
	case PF_LOST:		return K_PG_LOST;
	case PF_ABOVE_LOW:	return K_PG_HIGH;
	default:		return K_BLANK;
	}
}

enum item_kind change_kind(enum change c)
{
	switch (c) {
	case CH_ADDED:		return K_ADDED;
	case CH_REMOVED:	return K_REMOVED;
	case CH_CHANGED:	return K_CHANGED;
	case CH_SPLIT:		return K_SPLIT;
	case CH_MERGED:		return K_MERGED;
	default:		return K_BLANK;
	}
}

void band_add(struct band *b, uint64_t start, uint64_t end, enum item_kind kind,
	      bool selected)
{
	if (end <= start)
		return;
	if (b->nr == b->alloc) {
		b->alloc = b->alloc ? 2 * b->alloc : 64;
		b->items = xrealloc(b->items, b->alloc * sizeof(*b->items));
	}
	b->items[b->nr++] = (struct item){ start, end, kind, selected };
}

void band_free(struct band *b)
{
	free(b->items);
	memset(b, 0, sizeof(*b));
}

struct colstate {
	int		homes;		/* regions that chose this column as their home */
	int		home;		/* the first of them, or a weak item */
	int		top;		/* the most important of them */
	bool		weak;		/* home is a hole or free memory */
	int		best;		/* the item covering most of it, -1 none */
	uint64_t	cover;
};

enum { SHOW_NONE, SHOW_WEAK, SHOW_STRONG };

static int show(enum item_kind k)
{
	if (k == K_BLANK)
		return SHOW_NONE;
	return k == K_HOLE || k == K_FREE ? SHOW_WEAK : SHOW_STRONG;
}

static uint64_t overlap(const struct item *it, const struct axis *ax, int c)
{
	uint64_t s = it->start > ax->b[c] ? it->start : ax->b[c];
	uint64_t e = it->end < ax->b[c + 1] ? it->end : ax->b[c + 1];

	return e > s ? e - s : 0;
}

static void choose_home(struct colstate *cs, const struct band *b, const struct axis *ax,
			int i, int c0, int c1)
{
	const struct item *it = &b->items[i];
	uint64_t width = ax->b[c0 + 1] - ax->b[c0], cov = overlap(it, ax, c0);
	bool weak = show(it->kind) == SHOW_WEAK;
	int h = c0;

	/*
	 * Leave the first column to what comes before when this item barely
	 * starts in it.  Homes only move right, so the next column is free.
	 */
	if (weak) {
		/*
		 * A hole or free stretch claims the column it covers most,
		 * when it has at most two: a wider one shows in the columns
		 * it fills.  It never takes a region's home.
		 */
		if (c1 > c0 + 1)
			return;
		if (c1 > c0 && overlap(it, ax, c1) > cov)
			h = c1;
		if (!cs[h].homes && !cs[h].weak) {
			cs[h].weak = true;
			cs[h].home = i;
		}
		return;
	}
	if (c1 > c0 && (cs[c0].homes || cs[c0].weak || cov < width - cov))
		h = c0 + 1;
	cs[h].weak = false;
	if (!cs[h].homes++)
		cs[h].home = cs[h].top = i;
	else if (glyphs[it->kind].priority > glyphs[b->items[cs[h].top].kind].priority)
		cs[h].top = i;
}

static void paint_cell(struct rline *l, int c, const struct item *it, bool small, bool utf8)
{
	line_putc(l, RENDER_MARGIN + c, kind_style(it->kind), kind_glyph(it->kind, small, utf8),
		  (small ? RCELL_SMALL : 0) | (it->selected ? RCELL_SELECTED : 0));
}

static void paint_columns(const struct band *b, const struct axis *ax, struct colstate *cs,
			  struct rline *l, bool utf8, bool by_priority)
{
	int c;

	for (c = 0; c < ax->n; c++) {
		const struct item *it;

		/*
		 * Flagged memory and lost pages are what a reader looks for:
		 * never hidden in a count.
		 */
		if (cs[c].homes > 1 && !by_priority &&
		    !glyphs[b->items[cs[c].top].kind].priority) {
			line_putc(l, RENDER_MARGIN + c, ST_MANY,
				  cs[c].homes > 9 ? '*' : '0' + cs[c].homes, 0);
		} else if (cs[c].homes || cs[c].weak) {
			it = &b->items[cs[c].homes > 1 ? cs[c].top : cs[c].home];
			/* Small: the whole item sits in this column and does not fill it. */
			paint_cell(l, c, it, it->start >= ax->b[c] && it->end <= ax->b[c + 1] &&
				   it->end - it->start < ax->b[c + 1] - ax->b[c], utf8);
		} else if (cs[c].best >= 0) {
			paint_cell(l, c, &b->items[cs[c].best], false, utf8);
		} else {
			line_putc(l, RENDER_MARGIN + c, ST_PLAIN, ' ', 0);
		}
	}
}

/*
 * The column holding @addr, as axis_col() finds it (the last column whose
 * first address is at or below @addr), searched forward from column @c,
 * which must not be past it.  The items come in address order, so the
 * walks of a whole band move through the columns once: no division and
 * no search per item.
 */
static int col_from(const struct axis *ax, uint64_t addr, int c)
{
	while (c + 1 < ax->n && ax->b[c + 1] <= addr)
		c++;
	return c;
}

void band_paint(const struct band *b, const struct axis *ax, struct rline *l, bool utf8,
		bool by_priority)
{
	struct colstate *cs = xzalloc(ax->n * sizeof(*cs));
	uint64_t lo = ax->b[0], hi = ax->b[ax->n], prev_start = 0;
	int i, c, cur = 0;

	for (c = 0; c < ax->n; c++)
		cs[c].best = -1;
	for (i = 0; i < b->nr; i++) {
		const struct item *it = &b->items[i];
		int c0, c1;

		if (it->end <= lo || it->start >= hi)
			continue;
		if (it->start < prev_start)
			cur = 0;	/* out of order: never happens, but stays right */
		prev_start = it->start;
		c0 = cur = col_from(ax, it->start, cur);
		c1 = col_from(ax, it->end - 1, c0);
		if (show(it->kind) != SHOW_NONE)
			choose_home(cs, b, ax, i, c0, c1);
		for (c = c0; c <= c1; c++) {
			uint64_t cov = overlap(it, ax, c);

			if (cov > cs[c].cover) {
				cs[c].cover = cov;
				cs[c].best = i;
			}
		}
	}
	paint_columns(b, ax, cs, l, utf8, by_priority);
	free(cs);
}
