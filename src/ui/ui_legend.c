// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The legend (e): what the letters and marks of the bands on screen mean,
 * as the snapshot's legend says it (render_legend(): a row per band that
 * is drawn, the pages band only after memblock_free_all, the change
 * marks only when a step changed something), and the allocation view's
 * marks when it is on (a).  It is not a mode: it stays
 * over the lower panes while the user steps, until e again.  Its footer
 * names the keys a newcomer looks for next: o (another scenario) and ?.
 */
#include "ui.h"

void ui_legend_toggle(struct ui *u)
{
	u->legend = !u->legend;
}

/* A change line is on the map: the change marks need explaining. */
static bool changes_shown(const struct ui *u)
{
	int i;

	for (i = 0; i < u->nr_rows; i++) {
		enum rline_kind k = u->rows_list[i].l->kind;

		if (k == RL_DELTA_MEMORY || k == RL_DELTA_RESERVED || k == RL_DELTA_PAGES)
			return true;
	}
	return false;
}

/* The allocation view's marks (render_alloc_lines()), in the legend's layout. */
static void alloc_legend(struct canvas *cv, const struct render_opts *o)
{
	static const char *const rows[][2] = {
		{ "alloc", "\u2190 top-down  \u2192 bottom-up (the search's direction)" },
		{ "", "/ above memblock.current_limit  | the limit" },
		{ "", "[ ) a search's window  < > its direction  x a free range passed over" },
		{ "", "\u2605 the block it took" },
	};
	static const char *const ascii[][2] = {
		{ "alloc", "< top-down  > bottom-up (the search's direction)" },
		{ "", "/ above memblock.current_limit  | the limit" },
		{ "", "[ ) a search's window  < > its direction  x a free range passed over" },
		{ "", "* the block it took" },
	};
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		struct rline *l = canvas_line(cv, RL_LEGEND, -1, -1);

		line_puts(l, 0, ST_HEADER, o->utf8 ? rows[i][0] : ascii[i][0]);
		line_puts(l, RENDER_MARGIN, ST_DIM, o->utf8 ? rows[i][1] : ascii[i][1]);
	}
}

void ui_draw_legend(struct ui *u, const struct frame *state)
{
	struct frame in = *state;
	struct render_opts ro;
	struct canvas cv;
	int h, y, i, top = ui_header_rows(u);

	if (!u->legend)
		return;
	/* render_legend() explains the change marks when there is a previous state. */
	if (!changes_shown(u))
		in.prev = NULL;
	canvas_init(&cv);
	render_opts_init(&ro);
	ro.width = u->cols - 2 < RENDER_MIN_WIDTH ? RENDER_MIN_WIDTH : u->cols - 2;
	ro.utf8 = u->utf8;
	ro.scale = u->scale;
	render_legend(&cv, &in, &ro);
	if (!u->no_alloc_view)
		alloc_legend(&cv, &ro);
	/* The first line is the heading "legend:": the box's title says it. */
	h = cv.nr - 1 + 2;
	if (h > u->rows - 1 - top)
		h = u->rows - 1 - top;
	y = u->rows - 1 - h;
	ui_box(u, y, 0, h, u->cols, "legend: what the bands' letters mean",
	       cv.nr - 1 > h - 2 ?
	       "e closes (a taller terminal shows it all)  o another scenario  ? every key" :
	       "e closes  o another scenario  ? every key");
	for (i = 1; i < cv.nr && i - 1 < h - 2; i++)
		ui_put_line(u, y + i, 1, u->cols - 2, &cv.lines[i], 0, A_NORMAL);
	canvas_free(&cv);
}
