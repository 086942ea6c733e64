// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The keys: one table says which keys do what, and the help screen (?)
 * is drawn from the same table, so it cannot forget a key.
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"

#define CTRL(c)	((c) & 0x1f)

static void k_next(struct ui *u)
{
	if (u->step >= ui_steps(u))
		ui_message(u, false, "at the end: steps[%d] was the last step", u->step - 1);
	else
		ui_goto(u, u->step + 1);
}

static void k_prev(struct ui *u)
{
	if (u->step == 0)
		ui_message(u, false, "at the start: no step run yet");
	else
		ui_goto(u, u->step - 1);
}

static void k_first(struct ui *u)
{
	ui_goto(u, 0);
}

static void k_last(struct ui *u)
{
	ui_goto(u, ui_steps(u));
}

static void k_goto(struct ui *u)
{
	ui_prompt_start(u, PROMPT_GOTO);
}

/* Steps done after step i: the state that shows step i's note and expectations. */
static void k_mark_next(struct ui *u)
{
	int i;

	for (i = u->step; i < ui_steps(u); i++)
		if (ui_step_marked(u, i)) {
			ui_goto(u, i + 1);
			return;
		}
	ui_message(u, false, "no later step has a note or an expectation");
}

static void k_mark_prev(struct ui *u)
{
	int i;

	for (i = u->step - 2; i >= 0; i--)
		if (ui_step_marked(u, i)) {
			ui_goto(u, i + 1);
			return;
		}
	ui_message(u, false, "no earlier step has a note or an expectation");
}

static void k_play(struct ui *u)
{
	if (!u->playing && u->step >= ui_steps(u)) {
		ui_message(u, false, "at the end: g goes back to the start");
		return;
	}
	u->playing = !u->playing;
}

static void k_faster(struct ui *u)
{
	if (u->speed < ui_nr_play_delays - 1)
		u->speed++;
	ui_message(u, false, "play: %d ms per step", ui_play_delays[u->speed]);
}

static void k_slower(struct ui *u)
{
	if (u->speed > 0)
		u->speed--;
	ui_message(u, false, "play: %d ms per step", ui_play_delays[u->speed]);
}

static void k_node(struct ui *u)
{
	ui_map_next_node(u, 1);
}

static void k_node_back(struct ui *u)
{
	ui_map_next_node(u, -1);
}

static void k_view(struct ui *u)
{
	ui_map_toggle_view(u);
}

static void k_zoom_in(struct ui *u)
{
	ui_map_zoom(u, true);
}

static void k_zoom_out(struct ui *u)
{
	ui_map_zoom(u, false);
}

static void k_left(struct ui *u)
{
	ui_map_cursor(u, -1);
}

static void k_right(struct ui *u)
{
	ui_map_cursor(u, 1);
}

static void k_pan_left(struct ui *u)
{
	ui_map_pan(u, -1);
}

static void k_pan_right(struct ui *u)
{
	ui_map_pan(u, 1);
}

static void k_scale(struct ui *u)
{
	u->scale = u->scale == SCALE_LINEAR ? SCALE_COMPACT : SCALE_LINEAR;
	ui_message(u, false, u->scale == SCALE_COMPACT ?
		   "compact scale: holes shrunk, every range visible" :
		   "linear scale: every column the same size");
}

static void k_table(struct ui *u)
{
	ui_table_next(u);
}

static void k_down(struct ui *u)
{
	ui_table_move(u, 1);
}

static void k_up(struct ui *u)
{
	ui_table_move(u, -1);
}

static void k_enter(struct ui *u)
{
	ui_table_enter(u);
}

/* The log moves by whole entries: a page is the entries shown, less one for context. */
static int log_page(const struct ui *u)
{
	return u->log_entries > 2 ? u->log_entries - 1 : 1;
}

static void k_log_back(struct ui *u)
{
	u->log_scroll += log_page(u);
}

static void k_log_fwd(struct ui *u)
{
	u->log_scroll -= log_page(u);
	if (u->log_scroll < 0)
		u->log_scroll = 0;
}

static void k_find(struct ui *u)
{
	ui_prompt_start(u, PROMPT_FIND);
}

static void k_alloc_view(struct ui *u)
{
	u->no_alloc_view = !u->no_alloc_view;
	ui_message(u, false, u->no_alloc_view ? "allocation view off" :
		   "allocation view: direction, current limit, each search's window");
}

static void k_legend(struct ui *u)
{
	ui_legend_toggle(u);
}

static void k_about(struct ui *u)
{
	ui_about(u);
}

static void k_open(struct ui *u)
{
	u->playing = false;
	if (!u->opener.open)
		ui_message(u, false, "no other scenarios to open here");
	else
		u->opener.open(u, u->opener.ctx);
}

static void k_help(struct ui *u)
{
	u->mode = MODE_HELP;
	u->help_top = 0;
}

static void k_quit(struct ui *u)
{
	u->quit = true;
}

static void k_redraw(struct ui *u)
{
	clearok(curscr, TRUE);
	(void)u;
}

struct ui_key {
	int		keys[4];	/* 0 ends the list */
	const char	*names;
	const char	*help;
	void		(*fn)(struct ui *u);
};

static const struct ui_key keys[] = {
	{ { 'n', KEY_RIGHT }, "n Right", "next step", k_next },
	{ { 'p', KEY_LEFT }, "p Left", "previous step", k_prev },
	{ { 'g', KEY_HOME }, "g Home", "first: the start, before steps[0]", k_first },
	{ { 'G', KEY_END }, "G End", "last: after the last step", k_last },
	{ { ':', 's' }, ": s", "go to a step: steps[i], steps done, $label", k_goto },
	{ { '[' }, "[", "previous step with a note or an expectation", k_mark_prev },
	{ { ']' }, "]", "next step with a note or an expectation", k_mark_next },
	{ { ' ' }, "Space", "play / pause", k_play },
	{ { '+', '=' }, "+", "play faster", k_faster },
	{ { '-' }, "-", "play slower", k_slower },
	{ { '\t' }, "Tab", "next node", k_node },
	{ { KEY_BTAB }, "S-Tab", "previous node", k_node_back },
	{ { 'v' }, "v", "all nodes / this node only", k_view },
	{ { 'z' }, "z", "zoom in around the cursor (or wheel up)", k_zoom_in },
	{ { 'Z' }, "Z", "zoom out (or wheel down)", k_zoom_out },
	{ { 'h' }, "h", "cursor left (the view follows)", k_left },
	{ { 'l' }, "l", "cursor right", k_right },
	{ { 'H' }, "H", "pan left by half the view", k_pan_left },
	{ { 'L' }, "L", "pan right by half the view", k_pan_right },
	{ { 'c' }, "c", "compact / linear scale", k_scale },
	{ { 't' }, "t", "tables: memory, reserved, zones", k_table },
	{ { 'j', KEY_DOWN }, "j Down", "select the next row", k_down },
	{ { 'k', KEY_UP }, "k Up", "select the previous row", k_up },
	{ { '\r', '\n', KEY_ENTER }, "Enter", "zoom the map to the selected row", k_enter },
	{ { KEY_PPAGE }, "PgUp", "log: older lines", k_log_back },
	{ { KEY_NPAGE }, "PgDn", "log: newer lines", k_log_fwd },
	{ { '/' }, "/", "find an address: regions, node, zone", k_find },
	{ { 'i' }, "i", "about: the scenario's description, the whole note", k_about },
	{ { 'e' }, "e", "legend: what the letters on the bands mean", k_legend },
	{ { 'a' }, "a", "allocation view: direction, limit, searches", k_alloc_view },
	{ { 'o' }, "o", "open another scenario: this one's directory", k_open },
	{ { '?', KEY_F(1) }, "? F1", "this help", k_help },
	{ { 'q' }, "q", "quit", k_quit },
	{ { CTRL('l') }, "C-l", "redraw the screen", k_redraw },
};

#define NR_KEYS	(int)(sizeof(keys) / sizeof(keys[0]))

void ui_key(struct ui *u, int key)
{
	int i, k;

	for (i = 0; i < NR_KEYS; i++)
		for (k = 0; k < 4 && keys[i].keys[k]; k++)
			if (keys[i].keys[k] == key) {
				keys[i].fn(u);
				return;
			}
	if (key == 27)
		return;
	ui_message(u, false, "no such key: ? shows the keys");
}

/* Lines of the help screen: the key table, then the mouse. */
#define HELP_EXTRA	4
static const char *const help_extra[HELP_EXTRA] = {
	"",
	"mouse: click a band or a table row to select a region,",
	"       the wheel zooms around the pointer (--no-mouse: off)",
	"any key closes this help; j/k scroll it",
};

void ui_draw_help(struct ui *u)
{
	int n = NR_KEYS + HELP_EXTRA, w = 64, h, x, y, i;

	if (w > u->cols - 2)
		w = u->cols - 2;
	h = n + 2 < u->rows - 2 ? n + 2 : u->rows - 2;
	x = (u->cols - w) / 2;
	y = (u->rows - h) / 2;
	if (u->help_top > n - (h - 2))
		u->help_top = n - (h - 2);
	if (u->help_top < 0)
		u->help_top = 0;
	ui_box(u, y, x, h, w, "mbviz keys", n > h - 2 ? "j/k: more" : NULL);
	for (i = 0; i < h - 2; i++) {
		int k = u->help_top + i;

		if (k < NR_KEYS) {
			ui_puts(u, y + 1 + i, x + 2, 10, ui_attr(u, ST_HEADER), keys[k].names);
			ui_puts(u, y + 1 + i, x + 13, w - 15, A_NORMAL, keys[k].help);
		} else {
			ui_puts(u, y + 1 + i, x + 2, w - 4, ui_attr(u, ST_DIM),
				help_extra[k - NR_KEYS]);
		}
	}
}

void ui_help_key(struct ui *u, int key)
{
	if (key == 'j' || key == KEY_DOWN || key == KEY_NPAGE)
		u->help_top += key == KEY_NPAGE ? 10 : 1;
	else if (key == 'k' || key == KEY_UP || key == KEY_PPAGE)
		u->help_top -= key == KEY_PPAGE ? 10 : 1;
	else if (key == CTRL('l'))
		k_redraw(u);
	else
		u->mode = MODE_NORMAL;
}
