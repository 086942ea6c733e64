// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The allocation view of a section: memblock's control state and the
 * searches of an allocation step, drawn on the section's columns so that
 * a learner sees why an allocation landed where it did.
 *
 *   alloc ←  [<<<<<<<x<<<<<<<<*      |///////////////
 *            ^ window start     ^ found  ^ current limit: above it, hatched
 *   search   [0x1000000, 0x7ffe0000) top-down, node 0: took 0x7fed5000,
 *            passed over 1 free range
 *
 * The "alloc" line is there at every step: its label says the direction
 * (← top-down, → bottom-up; memblock_set_bottom_up() flips it) and the
 * columns above memblock.current_limit are hatched
 * (memblock_set_current_limit() moves the edge).  On a step that searched
 * for free space (memblock_find_in_range_node(), as the model engine
 * records it in mb_state.searches), the window it searched is drawn over
 * it: '[' and ')' at its ends, the direction along it, 'x' on the free
 * ranges it passed over, '*' on the block it took; a text line says the
 * same in numbers.  Only what lies in this section's window, on a node
 * the search looked at (its nid filter), is drawn.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "render_priv.h"

/* The band columns [*c0, *c1] that [start, end) touches; false if none. */
static bool range_cols(const struct render_map *map, uint64_t start, uint64_t end, int *c0,
		       int *c1)
{
	if (!map->ncols || end <= start || end <= map->col_addr[0] ||
	    start >= map->col_addr[map->ncols])
		return false;
	*c0 = start < map->col_addr[0] ? 0 : render_map_col(map, start);
	*c1 = end > map->col_addr[map->ncols] ? map->ncols - 1 : render_map_col(map, end - 1);
	return *c0 >= 0 && *c1 >= *c0;
}

static void fill(struct rline *l, const struct render_map *map, uint64_t start, uint64_t end,
		 enum render_style st, uint32_t ch)
{
	int c0, c1, c;

	if (!range_cols(map, start, end, &c0, &c1))
		return;
	for (c = c0; c <= c1; c++)
		line_putc(l, RENDER_MARGIN + c, st, ch, 0);
}

/* The search looked at this section: its node passes the search's node filter. */
static bool node_searched(const struct render_map *map, const struct mb_search *s)
{
	if (map->node.outside)
		return false;
	return s->nid < 0 || map->node.whole || map->node.nid == s->nid;
}

/* One search's window, skipped ranges and find over the alloc line. */
static void draw_search(struct rline *l, const struct render_map *map,
			const struct mb_search *s, bool utf8)
{
	uint32_t dir = s->bottom_up ? '>' : '<';
	int c0, c1, k;

	if (!node_searched(map, s) || !range_cols(map, s->start, s->end, &c0, &c1))
		return;
	fill(l, map, s->start, s->end, ST_HEADER, dir);
	for (k = 0; k < s->nr_skipped && k < MB_MAX_SKIPPED; k++)
		fill(l, map, s->skipped[k].start, s->skipped[k].end, ST_WARN, 'x');
	if (s->start >= map->col_addr[0])
		line_putc(l, RENDER_MARGIN + c0, ST_HEADER, '[', 0);
	if (s->end <= map->col_addr[map->ncols])
		line_putc(l, RENDER_MARGIN + c1, ST_HEADER, ')', 0);
	if (s->found)
		fill(l, map, s->found, s->found + (s->size ? s->size : 1), ST_ADDED,
		     utf8 ? 0x2605 : '*');	/* black star */
}

/* "[0x1000, 0x100000) top-down, any node: took 0x10000, passed over 2 free ranges" */
static void search_text(char *buf, int len, const struct mb_search *s)
{
	char nid[24], found[48], skip[48];

	if (s->nid < 0)
		snprintf(nid, sizeof(nid), "any node");
	else
		snprintf(nid, sizeof(nid), "node %d", s->nid);
	if (s->found)
		snprintf(found, sizeof(found), "took %#" PRIx64, s->found);
	else
		snprintf(found, sizeof(found), "nothing fits");
	if (s->nr_skipped)
		snprintf(skip, sizeof(skip), ", passed over %d free range%s", s->nr_skipped,
			 s->nr_skipped > 1 ? "s" : "");
	else
		skip[0] = 0;
	snprintf(buf, len, "[%#" PRIx64 ", %#" PRIx64 ") %s, %s%s, size %#" PRIx64
		 " align %#" PRIx64 ": %s%s", s->start, s->end,
		 s->bottom_up ? "bottom-up" : "top-down", nid, s->mirror ? " mirrored" : "",
		 s->size, s->align, found, skip);
}

/* The search's text, wrapped at blanks under the band columns. */
static void put_text(struct canvas *cv, const struct render_map *map, int width,
		     const char *label, const char *text)
{
	struct rline *l = canvas_line(cv, RL_TEXT, map->node.nid, -1);
	int col = RENDER_MARGIN;

	line_puts(l, 0, ST_LABEL, label);
	while (*text) {
		int wl = (int)strcspn(text, " ");
		char word[128];

		snprintf(word, sizeof(word), "%.*s", wl, text);
		if (col > RENDER_MARGIN && col + wl > width) {
			l = canvas_line(cv, RL_TEXT, map->node.nid, -1);
			col = RENDER_MARGIN + 2;
		}
		col = line_puts(l, col, ST_DIM, word) + 1;
		text += wl;
		text += strspn(text, " ");
	}
}

/*
 * The section that tells a search in words: the one holding the block it
 * took, or, when nothing fit, the one where it began (the top of the
 * window top-down, the bottom bottom-up).
 */
static bool search_here(const struct render_map *map, const struct mb_search *s)
{
	uint64_t at = s->found ? s->found : s->bottom_up ? s->start : s->end - 1;

	return s->end > s->start && render_map_col(map, at) >= 0 &&
	       (node_searched(map, s) || s->found);
}

void render_alloc_lines(struct canvas *cv, const struct render_map *map,
			const struct mb_state *st, const struct render_opts *o)
{
	struct rline *l;
	char buf[256];
	int i;

	cv->utf8 = o->utf8;
	if (!map->ncols)
		return;
	l = canvas_line(cv, RL_TEXT, map->node.nid, -1);
	line_puts(l, 0, ST_LABEL, st->bottom_up ? (o->utf8 ? "alloc \u2192" : "alloc >") :
		  (o->utf8 ? "alloc \u2190" : "alloc <"));
	/* Above the current limit: out of bounds for allocations that honour it. */
	if (st->current_limit < map->col_addr[map->ncols]) {
		int c = st->current_limit < map->col_addr[0] ? 0 :
			render_map_col(map, st->current_limit);

		fill(l, map, st->current_limit, map->col_addr[map->ncols], ST_DIM, '/');
		if (c >= 0 && st->current_limit >= map->col_addr[0])
			line_putc(l, RENDER_MARGIN + c, ST_WARN, '|', 0);
	}
	for (i = 0; i < st->nr_searches && i < MB_MAX_SEARCHES; i++)
		draw_search(l, map, &st->searches[i], o->utf8);
	for (i = 0; i < st->nr_searches && i < MB_MAX_SEARCHES; i++) {
		if (!search_here(map, &st->searches[i]))
			continue;
		search_text(buf, sizeof(buf), &st->searches[i]);
		put_text(cv, map, o->width, "  search", buf);
	}
}
