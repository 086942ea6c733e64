/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The map renderer: draws the state of one step as lines of character
 * cells, each with a style.  It knows nothing of curses, JSON or files:
 * `mbviz snapshot` turns the cells into plain text (and ANSI colours on
 * request), the UI turns them into curses characters and colour pairs.
 * Both therefore show the same picture.
 *
 * The output is deterministic: the same input and options give the same
 * cells on any machine (integer arithmetic only, no locale, no clock).
 * The cost of a picture grows with the number of regions and the width,
 * never with the amount of memory.
 *
 * A picture, per NUMA node (a "section", see render_nodes()):
 *
 *   node 0 [mem 0x0000000000000000-0x000000007fffffff] 2 GiB, 1 col = 32 MiB
 *            0x0         0x20000000    0x40000000                <- RL_RULER_LABELS
 *            +-----------+-------------+------------             <- RL_RULER
 *   memory   ######################.......##########             <- RL_BAND_MEMORY
 *     change             ++++                                    <- RL_DELTA_MEMORY
 *   reserved RR-----------------------------------r-             <- RL_BAND_RESERVED
 *   pages    PPBBBBBBBBBBBBBBBBBBB       BBBBBBBB                <- RL_BAND_PAGES
 *     change                              ~                      <- RL_DELTA_PAGES
 *
 * What is drawn is a struct frame (core/frame.h): the states and the words
 * of one step, filled by the run (run/step_frame.h) or by hand.
 *
 * Every band line starts with a RENDER_MARGIN-column label; band column c
 * is canvas column RENDER_MARGIN + c.  Column c covers the addresses
 * [map->col_addr[c], map->col_addr[c + 1]).
 */
#ifndef MBVIZ_RENDER_H
#define MBVIZ_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/frame.h"

/* Width of the band labels ("reserved "), before the first band column. */
#define RENDER_MARGIN		9
/* Narrowest and widest pictures (whole lines, margin included). */
#define RENDER_MIN_WIDTH	32
#define RENDER_MAX_WIDTH	4096

/*
 * What a cell shows, independent of how: snapshot maps styles to ANSI
 * colours (render_style_color()), the UI to curses colour pairs.
 */
enum render_style {
	ST_PLAIN,
	ST_TITLE,		/* scenario name and title */
	ST_HEADER,		/* step line, node lines, table headings */
	ST_NOTE,		/* the step's note */
	ST_LABEL,		/* band labels in the margin */
	ST_RULER,		/* ruler ticks and address labels */
	ST_MEMORY,		/* memory, no flags */
	ST_HOTPLUG,
	ST_MIRROR,
	ST_NOMAP,
	ST_DRIVER_MANAGED,
	ST_HOLE,		/* inside the node's span, not memory */
	ST_RESERVED,
	ST_FREE,		/* memory, not reserved */
	ST_PAGES_BUDDY,		/* released to the buddy allocator */
	ST_PAGES_RESERVED,	/* PageReserved */
	ST_PAGES_DEFERRED,	/* deferred, struct pages not initialised yet */
	ST_PAGES_LOST,		/* left memblock, never reached buddy */
	ST_PAGES_HIGH,		/* above max_low_pfn, not freed by memblock */
	ST_ADDED,		/* what the step changed: */
	ST_REMOVED,
	ST_CHANGED,		/*   flags or node of a range changed */
	ST_SPLIT,
	ST_MERGED,
	ST_MANY,		/* a digit: several regions share one column */
	ST_WARN,		/* kernel warnings and errors of the step */
	ST_FAIL,		/* failed expectations, run-time errors */
	ST_PASS,		/* expectations that held */
	ST_DIM,			/* secondary text: sizes, legend descriptions */
	NR_RENDER_STYLES
};

/* Colours as ANSI and curses number them (COLOR_BLACK .. COLOR_WHITE). */
enum render_color {
	RCOL_DEFAULT = -1,
	RCOL_BLACK, RCOL_RED, RCOL_GREEN, RCOL_YELLOW,
	RCOL_BLUE, RCOL_MAGENTA, RCOL_CYAN, RCOL_WHITE,
};

struct render_color_spec {
	int		fg;		/* enum render_color */
	bool		bold;
	bool		dim;
	bool		reverse;
};

/* The suggested colour of a style, the same in the snapshot and the UI. */
const struct render_color_spec *render_style_color(enum render_style s);
/* "memory", "pages-lost", ...: for the UI's own colour configuration. */
const char *render_style_name(enum render_style s);

/* Cell flags. */
#define RCELL_SELECTED	0x1	/* part of the selected region: draw reversed */
#define RCELL_SMALL	0x2	/* a region smaller than its column, widened to it */

struct rcell {
	uint32_t	ch;		/* Unicode code point; ASCII unless opts.utf8 */
	uint8_t		style;		/* enum render_style */
	uint8_t		flags;		/* RCELL_* */
};

/* What a line is, so that the UI can find bands and table rows. */
enum rline_kind {
	RL_TEXT,		/* header, notes, warnings, blank lines */
	RL_NODE,		/* a section's header line */
	RL_RULER_LABELS,
	RL_RULER,
	RL_BAND_MEMORY,
	RL_DELTA_MEMORY,	/* what the step changed in memory */
	RL_BAND_RESERVED,
	RL_DELTA_RESERVED,
	RL_BAND_PAGES,
	RL_TABLE_HEAD,		/* "memory: cnt 2, ..."; index: enum memblock_type_id */
	RL_ROW_MEMORY,		/* index: the region's index in st->memory */
	RL_ROW_RESERVED,	/* index: the region's index in st->reserved */
	RL_ROW_GONE,		/* a region of the previous state that is gone */
	RL_ZONE,		/* index: into st->zones */
	RL_LEGEND,
	RL_DELTA_PAGES,		/* page frames whose fate the step changed */
};

struct rline {
	int		len;		/* cells (canvas_text() drops trailing blanks) */
	int		alloc;
	struct rcell	*cells;
	enum rline_kind	kind;
	int		nid;		/* band/ruler/node lines: the section's nid */
	int		index;		/* see enum rline_kind; -1 otherwise */
};

struct band_keep;

struct canvas {
	int		nr;
	int		alloc;
	struct rline	*lines;
	bool		utf8;		/* set from the options by every render call: without
					 * it, text is transliterated to ASCII */
	struct band_keep *keep;		/* render_bands()'s arrays, kept between frames */
};

void canvas_init(struct canvas *cv);
/* Append an empty line (valid until the next canvas_line()). */
struct rline *canvas_line(struct canvas *cv, enum rline_kind kind, int nid, int index);
/* Write at column @col of @l, padding with blanks; return the column after it. */
int line_puts(struct rline *l, int col, enum render_style st, const char *utf8);
int line_putc(struct rline *l, int col, enum render_style st, uint32_t ch, uint8_t flags);
__attribute__((format(printf, 4, 5)))
int line_printf(struct rline *l, int col, enum render_style st, const char *fmt, ...);
/* Or @flags into the cells [from, to) of @l. */
void line_flag(struct rline *l, int from, int to, uint8_t flags);
/* Drop the lines, keep the buffers (for redrawing every frame). */
void canvas_clear(struct canvas *cv);
void canvas_free(struct canvas *cv);
/*
 * The canvas as text, one '\n'-terminated line per canvas line, UTF-8
 * encoded; with @ansi, SGR colour sequences per style (reset at every line
 * end).  Returns a malloc'd NUL-terminated string; *@len (if not NULL)
 * gets its length.
 */
char *canvas_text(const struct canvas *cv, bool ansi, size_t *len);

enum render_scale {
	SCALE_LINEAR,		/* every column the same number of bytes */
	SCALE_COMPACT,		/* every range at least one column, holes one column */
};

/* "linear"/"compact" to enum render_scale, or -1. */
int render_scale_lookup(const char *name);

struct render_opts {
	int		width;		/* whole lines, RENDER_MIN_WIDTH..RENDER_MAX_WIDTH */
	int		node;		/* draw only this nid; -1: every section */
	enum render_scale scale;
	bool		utf8;		/* block characters instead of ASCII */
	/* Parts of render_snapshot(); all on by default. */
	bool		title;		/* the scenario's name and title (in the header) */
	bool		header;
	bool		tables;
	bool		legend;
	/*
	 * Linear scale: at least this many bytes per column (0: as few as
	 * fit), so that several pictures can share one scale.
	 */
	uint64_t	min_bpc;
	/* The selected region (cells and table row flagged RCELL_SELECTED). */
	int		sel_type;	/* -1 none, MB_TYPE_MEMORY or MB_TYPE_RESERVED */
	int		sel_index;
	/*
	 * The table rows drawn, for a reader that shows only some (the UI):
	 * rows whose index is in one of the first nr_row_windows ranges
	 * [lo, hi).  Every other row is an empty line (or two) of the same
	 * kind and index, so that line numbers stay those of the whole table;
	 * a type's gone rows count after its regions.  0: every row.
	 */
	int		nr_row_windows;
	struct { long lo, hi; } row_windows[4];
};

/* Defaults: 80 columns, every node, linear, ASCII, all parts, nothing selected. */
void render_opts_init(struct render_opts *o);

/*
 * (a) The whole picture: header (scenario, step, call and result, note,
 * changes, warnings, failures), every section's ruler and bands, the
 * region tables with zones, and the legend.  Appends to @cv.
 */
void render_snapshot(struct canvas *cv, const struct frame *in,
		     const struct render_opts *o);
/* Its parts, for the UI's panes. */
void render_header(struct canvas *cv, const struct frame *in, const struct render_opts *o);
void render_tables(struct canvas *cv, const struct frame *in, const struct render_opts *o);
void render_legend(struct canvas *cv, const struct frame *in, const struct render_opts *o);

/*
 * A section of the picture: one NUMA node's span.  With a single node in
 * memory (always, without NUMA) the section covers everything, reserved
 * ranges outside memory included.  With several, each node's span is the
 * hull of its memory, and reserved ranges outside every node's span get a
 * section of their own (outside = true).
 */
struct render_node {
	int		nid;
	bool		outside;	/* reserved ranges outside every node's span */
	bool		whole;		/* the only section: every region, whatever its nid */
	uint64_t	start, end;	/* [start, end) */
};

/* The sections of @in (nids ascending, outside last); *@nodes is malloc'd. */
int render_nodes(const struct frame *in, struct render_node **nodes);

/* Where a band picture is, for mapping columns back to addresses. */
struct render_map {
	struct render_node node;
	uint64_t	start, end;	/* the window drawn */
	enum render_scale scale;	/* the scale used (compact falls back to linear
					 * when there are more ranges than columns) */
	uint64_t	bpc;		/* bytes per column (compact: at most) */
	int		ncols;		/* band columns used */
	uint64_t	*col_addr;	/* ncols + 1 column boundaries */
	int		first_line;	/* canvas index of the ruler labels */
	int		nr_lines;	/* lines drawn (ruler and bands) */
};

/*
 * (b) The ruler and bands of @node over the window [start, end) (both 0:
 * the node's whole span), @o->width columns wide, appended to @cv.  Fills
 * @map (free with render_map_free()).  No node header line: the caller
 * draws its own (render_node_header() gives the snapshot's).
 */
void render_bands(struct canvas *cv, struct render_map *map, const struct frame *in,
		  const struct render_opts *o, const struct render_node *node,
		  uint64_t start, uint64_t end);
void render_node_header(struct canvas *cv, const struct frame *in,
			const struct render_opts *o, const struct render_map *map);
void render_map_free(struct render_map *map);

/*
 * The allocation view of a section drawn as @map (render_window.c): an
 * "alloc" line with the direction and the current limit, and the
 * windows, passed-over ranges and finds of the step's searches
 * (st->searches), with a line of text for each.  Appended to @cv.
 */
void render_alloc_lines(struct canvas *cv, const struct render_map *map,
			const struct mb_state *st, const struct render_opts *o);

/* The band column holding @addr, or -1 outside the window. */
int render_map_col(const struct render_map *map, uint64_t addr);

/* What lies under a band column (for mouse clicks, the cursor and '/'). */
struct render_hit {
	uint64_t	start, end;	/* the column's addresses, [start, end) */
	int		mem_first;	/* first memory region in it, -1 if none */
	int		mem_count;
	int		rsv_first;	/* first reserved region in it, -1 if none */
	int		rsv_count;
	int		page_first;	/* first st->pages range in it, -1 if none */
	int		page_count;
};

/* Fill @hit for band column @col; false if @col is outside the map. */
bool render_map_hit(const struct render_map *map, const struct frame *in, int col,
		    struct render_hit *hit);

/*
 * Human sizes: "632 KiB" when exact, else one decimal ("2.0 GiB"), so an
 * inexact size is never mistaken for an exact one.
 */
const char *render_human(uint64_t bytes, char *buf, int len);

#endif
