/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared between the renderer's files only: canvas writing, the address
 * axis, band painting and the difference between two states.
 */
#ifndef MBVIZ_RENDER_PRIV_H
#define MBVIZ_RENDER_PRIV_H

#include "render.h"

/* ---- canvas (render.c) ---- */

/*
 * Text that wraps at blanks to @width columns; continuation lines start
 * with @indent blanks.  @first is written before @text on the first line
 * in style @fst.
 */
void put_wrapped(struct canvas *cv, int width, int indent, enum rline_kind kind,
		 const char *first, enum render_style fst, const char *text,
		 enum render_style st);

/* U+00A0: put_wrapped() never breaks a line there. */
#define NBSP		0xa0
#define NBSP_UTF8	"\xc2\xa0"

/* render_human() with a no-break space: "632" NBSP "KiB". */
const char *human_nb(uint64_t bytes, char *buf, int len);

/* "0x1000" (no padding) */
const char *hex_short(uint64_t v, char *buf, int len);
/* "0x0000000000001000": padded to the machine's phys_addr_t as %pa prints it */
const char *hex_phys(const struct machine *m, uint64_t v, char *buf, int len);

/* Regions of a type that are drawn: none when only the empty dummy is there. */
unsigned long type_count(const struct mb_type *t);
/* base + size, saturated (a region's end never wraps in the kernel).  Inline: bands call it per region. */
static inline uint64_t region_end_excl(const struct mb_region *r)
{
	return r->base + r->size < r->base ? UINT64_MAX : r->base + r->size;
}

/* A page range's addresses, saturated; a shift for the usual power-of-two page size. */
static inline uint64_t pfn_addr(const struct machine *m, uint64_t pfn)
{
	uint64_t ps = m->page_size ? m->page_size : 4096;

	if (!(ps & (ps - 1))) {
		int shift = __builtin_ctzll(ps);

		return pfn > UINT64_MAX >> shift ? UINT64_MAX : pfn << shift;
	}
	return pfn > UINT64_MAX / ps ? UINT64_MAX : pfn * ps;
}

/* ---- the difference between two states (render_diff.c) ---- */

enum change {
	CH_NONE,
	CH_ADDED,	/* bytes new in the type / a region that overlaps nothing before */
	CH_REMOVED,	/* bytes gone from the type */
	CH_CHANGED,	/* flags or nid changed, or a region grew or shrank */
	CH_SPLIT,	/* one of several pieces of one former region */
	CH_MERGED,	/* a region made of several former regions */
	NR_CHANGES
};

/* A range of the change band: what happened to these bytes. */
struct drange {
	uint64_t	start, end;
	enum change	kind;
	int		nid;		/* of the region concerned */
};

struct type_diff {
	bool		any;
	unsigned char	*mark;		/* per region of the new state: enum change */
	int		nr_ranges;
	struct drange	*ranges;	/* sorted, disjoint */
	int		nr_gone;	/* old regions that overlap nothing new */
	struct mb_region *gone;
	uint64_t	added, removed;	/* bytes */
	int		nr_added, nr_merged, nr_split, nr_changed;
	int		merged_from;	/* old regions that went into merges */
	int		split_from;	/* old regions that were split */
};

struct diff {
	bool		valid;		/* there was a previous state */
	struct type_diff mem, rsv;
};

void diff_compute(struct diff *d, const struct mb_state *prev, const struct mb_state *st);
/*
 * Only the bytes of @ot that @nt no longer covers, as regions (the
 * removed ranges of diff_compute, in order, without the rest of its work).
 */
void diff_removed(struct mb_type *out, const struct mb_type *ot, const struct mb_type *nt);
void diff_free(struct diff *d);

/* Page frames whose fate differs between two states that both ran memblock_free_all. */
struct page_change {
	uint64_t	start_pfn, end_pfn;
	int		from, to;	/* enum page_fate, or -1: no page there */
	int		nid;		/* of the new range (else the old one) */
};

/* The changed ranges, sorted and joined, in malloc'd *@out; returns how many. */
int pages_diff(const struct mb_state *prev, const struct mb_state *st, struct page_change **out);

/* ---- the address axis (render_axis.c) ---- */

struct axis {
	int		n;		/* columns */
	uint64_t	*b;		/* n + 1 boundaries */
	unsigned char	*gap;		/* compact: this column stands for a shrunk hole */
	uint64_t	bpc;
	enum render_scale scale;	/* as built */
	bool		fell_back;	/* compact asked, too many ranges: linear */
	int		nr_ticks;	/* compact: range starts, candidates for labels */
	int		*tick_col;
	int		*tick_len;	/* columns of the range that starts there */
};

/*
 * Build the axis of [start, end) in at most @cols columns.  @cuts are the
 * boundaries of everything drawn (sorted, may repeat) and @covered says,
 * for compact, which stretches between them hold something (a hole holds
 * nothing and is shrunk to one column).
 */
struct cut {
	uint64_t	addr;
	int		depth;		/* +1 a range starts here, -1 one ends */
};

void axis_build(struct axis *ax, uint64_t start, uint64_t end, int cols, uint64_t min_bpc,
		enum render_scale scale, const struct cut *cuts, int nr_cuts);
/* A size of the axis exactly, "9" NBSP "MiB", "1.125" NBSP "MiB" (render_human() rounds). */
const char *axis_size_text(uint64_t bpc, char *buf, int len);
void axis_free(struct axis *ax);
/* The column holding @addr, clamped to the axis. */
int axis_col(const struct axis *ax, uint64_t addr);
/* The ruler: labels and ticks, in @width - RENDER_MARGIN columns. */
void axis_ruler(const struct axis *ax, struct rline *labels, struct rline *ticks, int width,
		bool utf8);

/* ---- band painting (render_band.c) ---- */

/* What an item of a band is; the glyph table is in render_band.c. */
enum item_kind {
	K_BLANK,
	K_MEM, K_HOTPLUG, K_MIRROR, K_NOMAP, K_DRVMGD, K_HOLE,
	K_RSV, K_FREE,
	K_PG_BUDDY, K_PG_INIT, K_PG_LATE, K_PG_RESERVED, K_PG_DEFERRED, K_PG_LOST, K_PG_HIGH,
	K_ADDED, K_REMOVED, K_CHANGED, K_SPLIT, K_MERGED,
	NR_KINDS
};

struct item {
	uint64_t	start, end;
	unsigned char	kind;		/* enum item_kind */
	bool		selected;
};

struct band {
	int		nr, alloc;
	struct item	*items;		/* sorted, disjoint */
};

void band_add(struct band *b, uint64_t start, uint64_t end, enum item_kind kind,
	      bool selected);
void band_free(struct band *b);
/* render_map.c: the band arrays a canvas keeps between frames, freed. */
void band_keep_free(struct band_keep *k);
/*
 * Paint @b over @ax into @l from column RENDER_MARGIN.  With @by_priority
 * a column shared by several items shows the most important one instead
 * of their number (the change band).
 */
void band_paint(const struct band *b, const struct axis *ax, struct rline *l, bool utf8,
		bool by_priority);
/* The glyph and style of a kind, for the legend. */
uint32_t kind_glyph(enum item_kind k, bool small, bool utf8);
enum render_style kind_style(enum item_kind k);
enum item_kind flags_kind(unsigned int flags);
enum item_kind fate_kind(enum page_fate f);
enum item_kind change_kind(enum change c);

#endif
