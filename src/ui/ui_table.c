// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The region tables: memory, reserved or zones (t switches), as the
 * renderer lays them out, with a selected row.  The selected memory or
 * reserved region is highlighted on the map too; Enter zooms the map to
 * it.
 *
 * A memory or reserved selection is a region index; a zone selection is
 * the zone's place in the table (node order), as the renderer sorts them.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "util/xalloc.h"

static const char *const table_names[NR_UI_TABLES] = { "memory", "reserved", "zones" };

/* Regions shown of a type: none when only the empty dummy is there. */
static int type_rows(const struct mb_type *t)
{
	if (t->cnt == 1 && t->regions[0].size == 0)
		return 0;
	return (int)t->cnt;
}

static int table_count(struct ui *u, enum ui_table tb)
{
	const struct mb_state *st = ui_state(u);

	switch (tb) {
	case UT_MEMORY:
		return type_rows(&st->memory);
	case UT_RESERVED:
		return type_rows(&st->reserved);
	default:
		return st->freed_all ? st->nr_zones : 0;
	}
}

void ui_table_clamp(struct ui *u)
{
	int t;

	for (t = 0; t < NR_UI_TABLES; t++) {
		int n = table_count(u, t);

		if (u->sel[t] >= n)
			u->sel[t] = n - 1;
		if (u->sel[t] < 0 && n > 0 && t == (int)u->table)
			u->sel[t] = 0;
	}
}

/* Which table a canvas line belongs to, by the heading before it. */
static int line_table(const struct rline *l, int cur)
{
	if (l->kind != RL_TABLE_HEAD)
		return cur;
	if (l->index == MB_TYPE_MEMORY)
		return UT_MEMORY;
	if (l->index == MB_TYPE_RESERVED)
		return UT_RESERVED;
	return UT_ZONES;
}

/* The canvas lines of the current table, and which of them is selected. */
static void pick_lines(struct ui *u, int *sel_line)
{
	const struct canvas *cv = &u->tcv;
	int i, cur = -1, zone = -1, last_zone = -1;

	u->nr_tlines = 0;
	*sel_line = -1;
	u->tlines = xrealloc(u->tlines, (cv->nr + 1) * sizeof(*u->tlines));
	for (i = 0; i < cv->nr; i++) {
		const struct rline *l = &cv->lines[i];

		cur = line_table(l, cur);
		if (cur != (int)u->table)
			continue;
		if (l->kind == RL_ZONE && l->index != last_zone) {
			zone++;
			last_zone = l->index;
		}
		if ((l->kind == RL_ROW_MEMORY || l->kind == RL_ROW_RESERVED) &&
		    l->index == u->sel[u->table] && *sel_line < 0)
			*sel_line = u->nr_tlines;
		if (l->kind == RL_ZONE && zone == u->sel[UT_ZONES] && *sel_line < 0)
			*sel_line = u->nr_tlines;
		u->tlines[u->nr_tlines++] = i;
	}
}

static void title(struct ui *u, const struct ui_rect *r)
{
	int x = 0, t;

	ui_fill(u, r->y, r->x, r->w, A_REVERSE);
	for (t = 0; t < NR_UI_TABLES; t++) {
		char name[24];

		snprintf(name, sizeof(name), t == (int)u->table ? "[%s]" : " %s ",
			 table_names[t]);
		x += ui_puts(u, r->y, r->x + x, r->w - x,
			     A_REVERSE | (t == (int)u->table ? A_BOLD : 0), name);
	}
	if (x + 12 < r->w)
		x += 1 + ui_puts(u, r->y, r->x + x + 1, r->w - x - 1, A_REVERSE, " t: switch");
	/* The selection in words too: reverse video alone is lost on some terminals. */
	if (u->sel[u->table] >= 0 && x + 2 < r->w) {
		char sel[48];

		if (u->table == UT_ZONES)
			snprintf(sel, sizeof(sel), "  selected: zone row %d", u->sel[u->table]);
		else
			snprintf(sel, sizeof(sel), "  selected: %s[%d]", table_names[u->table],
				 u->sel[u->table]);
		ui_puts(u, r->y, r->x + x, r->w - x, A_REVERSE, sel);
	}
}

static void scroll_to(struct ui *u, int sel_line, int h)
{
	if (sel_line >= 0 && sel_line >= u->table_top + h)
		u->table_top = sel_line - h + 1;
	if (sel_line >= 0 && sel_line < u->table_top)
		u->table_top = sel_line;
	/* Headings stay in view when the rows fit. */
	if (u->table_top > u->nr_tlines - h)
		u->table_top = u->nr_tlines - h;
	if (u->table_top < 0)
		u->table_top = 0;
}

/*
 * Only rows that may be on screen are drawn: around the first line shown
 * (in lines; a row takes one or two), around the selection (where the
 * view jumps when it left it), and at both ends of the table (where the
 * view goes when the table shrinks).  The rest are empty lines.
 */
static void visible_rows(const struct ui *u, int h, struct render_opts *ro)
{
	long top = u->table_top, sel = u->sel[u->table], n = table_count((struct ui *)u, u->table);

	ro->row_windows[0].lo = 0;
	ro->row_windows[0].hi = 2L * h;
	ro->row_windows[1].lo = top / 2 - 2L * h;
	ro->row_windows[1].hi = top + 2L * h;
	ro->row_windows[2].lo = sel - 2L * h;
	ro->row_windows[2].hi = sel + 2L * h;
	ro->row_windows[3].lo = n - 2L * h;
	ro->row_windows[3].hi = LONG_MAX;	/* the gone rows follow */
	ro->nr_row_windows = 4;
}

void ui_draw_table(struct ui *u, const struct frame *in)
{
	const struct ui_rect *r = &u->lay.table;
	struct render_opts ro;
	int sel_line, i, h = r->h - 1;

	title(u, r);
	render_opts_init(&ro);
	ro.width = r->w < RENDER_MIN_WIDTH ? RENDER_MIN_WIDTH : r->w;
	ro.utf8 = u->utf8;
	if (u->table != UT_ZONES) {
		ro.sel_type = u->table == UT_MEMORY ? MB_TYPE_MEMORY : MB_TYPE_RESERVED;
		ro.sel_index = u->sel[u->table];
		visible_rows(u, h, &ro);
	}
	canvas_clear(&u->tcv);
	render_tables(&u->tcv, in, &ro);
	pick_lines(u, &sel_line);
	if (u->table == UT_ZONES && u->nr_panes > 1)
		ui_engines_zone_lines(u, &sel_line);
	u->table_y0 = r->y + 1;
	if (u->table == UT_ZONES && !in->st->freed_all) {
		ui_puts(u, r->y + 1, r->x, r->w, ui_attr(u, ST_DIM),
			"no zones yet: memblock_free_all() hands memory to the zones");
		u->nr_tlines = 0;
		return;
	}
	scroll_to(u, sel_line, h);
	for (i = 0; i < h && u->table_top + i < u->nr_tlines; i++) {
		int k = u->table_top + i;
		const struct rline *l = &u->tcv.lines[u->tlines[k]];
		chtype extra = l->kind == RL_ZONE && k == sel_line ? A_REVERSE : A_NORMAL;

		ui_put_line(u, r->y + 1 + i, r->x, r->w, l, 0, extra);
	}
}

void ui_table_move(struct ui *u, int delta)
{
	int n = table_count(u, u->table), s = u->sel[u->table] + delta;

	if (!n) {
		ui_message(u, false, "the %s table is empty", table_names[u->table]);
		return;
	}
	if (s < 0)
		s = 0;
	if (s >= n)
		s = n - 1;
	u->sel[u->table] = s;
}

void ui_table_next(struct ui *u)
{
	u->table = (u->table + 1) % NR_UI_TABLES;
	u->table_top = 0;
	ui_table_clamp(u);
}

/* The zone in table order @k (the renderer sorts by node, then zone). */
static const struct mb_zone *zone_at(const struct mb_state *st, int k)
{
	int i, j, rank;

	for (i = 0; i < st->nr_zones; i++) {
		const struct mb_zone *z = &st->zones[i];

		for (rank = 0, j = 0; j < st->nr_zones; j++) {
			const struct mb_zone *o = &st->zones[j];

			rank += o->nid < z->nid || (o->nid == z->nid && o->zone < z->zone);
		}
		if (rank == k)
			return z;
	}
	return NULL;
}

void ui_table_enter(struct ui *u)
{
	const struct mb_state *st = ui_state(u);
	uint64_t page = u->sc->machine.page_size;
	int s = u->sel[u->table];

	if (s < 0 || s >= table_count(u, u->table)) {
		ui_message(u, false, "nothing selected: j/k or a click selects a row");
		return;
	}
	if (u->table == UT_ZONES) {
		const struct mb_zone *z = zone_at(st, s);

		if (z && z->spanned)
			ui_map_show(u, z->start_pfn * page, (z->start_pfn + z->spanned) * page,
				    z->start_pfn * page);
		else
			ui_message(u, false, "the zone spans no pages");
		return;
	}
	{
		const struct mb_type *t = u->table == UT_MEMORY ? &st->memory : &st->reserved;
		const struct mb_region *r = &t->regions[s];
		uint64_t end = r->size > UINT64_MAX - r->base ? UINT64_MAX : r->base + r->size;

		ui_map_show(u, r->base, end > r->base ? end : r->base + 1, r->base);
	}
}

bool ui_table_click(struct ui *u, int x, int y)
{
	const struct ui_rect *r = &u->lay.table;
	const struct rline *l;
	int k = u->table_top + (y - u->table_y0), zone = -1, last = -1, i;

	if (x < r->x || x >= r->x + r->w || y < r->y || y >= r->y + r->h)
		return false;
	if (y == r->y) {
		ui_table_next(u);
		return true;
	}
	if (k < 0 || k >= u->nr_tlines)
		return true;
	l = &u->tcv.lines[u->tlines[k]];
	if (l->kind == RL_ROW_MEMORY || l->kind == RL_ROW_RESERVED) {
		u->sel[u->table] = l->index;
		return true;
	}
	if (l->kind != RL_ZONE)
		return true;
	for (i = 0; i <= k; i++) {
		const struct rline *z = &u->tcv.lines[u->tlines[i]];

		if (z->kind == RL_ZONE && z->index != last) {
			zone++;
			last = z->index;
		}
	}
	u->sel[UT_ZONES] = zone;
	return true;
}
