// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Where the panes go, and drawing one frame.
 *
 *   header   the title bar, the step's call (wrapped: 1 to 4 lines), its
 *            expectations; with two engines one more: what differs
 *   map      as many lines as the sections need, at most what leaves the
 *            lower panes their minimum
 *   tables | log     side by side on wide terminals, else stacked
 *   status   1 line: keys, a message or a prompt
 *
 * The layout is worked out again for every frame: it depends on the
 * terminal's size and on how many NUMA sections the current step has.
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"

#define MIN_MAP_ROWS	5
#define MIN_PANE_ROWS	4	/* a title bar and three lines */
#define SIDE_BY_SIDE	110	/* columns from which tables and log sit side by side */

int ui_header_rows(struct ui *u)
{
	return (ui_two_engines(u) ? 3 : 2) + ui_call_rows(u);
}

void ui_layout(struct ui *u)
{
	int hr = ui_header_rows(u);

	struct ui_layout *l = &u->lay;

	memset(l, 0, sizeof(*l));
	l->too_small = u->cols < UI_MIN_COLS || u->rows < UI_MIN_ROWS;
	if (l->too_small)
		return;
	l->header = (struct ui_rect){ 0, 0, hr, u->cols };
	l->status = (struct ui_rect){ u->rows - 1, 0, 1, u->cols };
	l->map = (struct ui_rect){ hr, 0, u->rows - hr - 1, u->cols };
}

/* Split what is left under the map between the tables and the log. */
static void layout_lower(struct ui *u, int map_need)
{
	struct ui_layout *l = &u->lay;
	int avail = u->rows - ui_header_rows(u) - 1, lower_min, y, h;
	bool side = u->cols >= SIDE_BY_SIDE;

	lower_min = side ? MIN_PANE_ROWS : 2 * MIN_PANE_ROWS;
	/* On a short terminal the map comes first: the panes under it keep two lines. */
	if (avail - lower_min < MIN_MAP_ROWS + 2)
		lower_min = side ? MIN_PANE_ROWS - 1 : 2 * (MIN_PANE_ROWS - 1) - 1;
	if (map_need < MIN_MAP_ROWS)
		map_need = MIN_MAP_ROWS;
	l->map.h = map_need < avail - lower_min ? map_need : avail - lower_min;
	y = l->map.y + l->map.h;
	h = avail - l->map.h;
	if (side) {
		int tw = u->cols * 9 / 20;

		l->table = (struct ui_rect){ y, 0, h, tw };
		l->log = (struct ui_rect){ y, tw + 1, h, u->cols - tw - 1 };
	} else {
		/*
		 * Stacked: half each, but a long note takes rows from the
		 * tables, down to their title and two rows.
		 */
		int th = h / 2, want = 1 + ui_note_rows(u, u->cols) + 3;

		if (h - th < want)
			th = h - want > MIN_PANE_ROWS - 1 ? h - want : MIN_PANE_ROWS - 1;
		if (th > h / 2)
			th = h / 2;

		l->table = (struct ui_rect){ y, 0, th, u->cols };
		l->log = (struct ui_rect){ y + th, 0, h - th, u->cols };
	}
}

static void draw_too_small(struct ui *u)
{
	char a[80], b[80];
	int y = u->rows / 2 - 1;

	snprintf(a, sizeof(a), "terminal too small: %dx%d", u->cols, u->rows);
	snprintf(b, sizeof(b), "mbviz needs %dx%d; q quits", UI_MIN_COLS, UI_MIN_ROWS);
	if (y < 0)
		y = 0;
	ui_puts(u, y, 0, u->cols, A_BOLD, a);
	if (y + 1 < u->rows)
		ui_puts(u, y + 1, 0, u->cols, A_NORMAL, b);
}

/* The column between the tables and the log, when they sit side by side. */
static void draw_separator(struct ui *u)
{
	const struct ui_rect *t = &u->lay.table;
	int y;

	if (u->lay.log.x == 0)
		return;
	for (y = t->y; y < t->y + t->h; y++)
		ui_puts(u, y, t->w, 1, ui_attr(u, ST_DIM), u->utf8 ? "\u2502" : "|");
}

void ui_draw(struct ui *u)
{
	struct frame in;

	erase();
	ui_layout(u);
	if (u->lay.too_small) {
		draw_too_small(u);
		refresh();
		return;
	}
	ui_render_input(u, &in);
	ui_keytime_lap(u->keytime, KT_FRAME);
	ui_map_sections(u, &in);
	layout_lower(u, ui_map_height(u, &in));
	ui_draw_header(u, &in);
	ui_draw_map(u, &in);
	ui_keytime_lap(u->keytime, KT_MAP);
	ui_draw_table(u, &in);
	draw_separator(u);
	ui_keytime_lap(u->keytime, KT_TABLE);
	/* Last: it may replay steps, which can move other outcomes. */
	ui_draw_log(u);
	ui_keytime_lap(u->keytime, KT_LOG);
	ui_draw_legend(u, &in);
	ui_draw_status(u);
	if (u->mode == MODE_HELP)
		ui_draw_help(u);
	else if (u->mode == MODE_POPUP)
		ui_draw_popup(u);
	refresh();
}
