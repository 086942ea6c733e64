// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The map pane: the renderer's ruler and bands for every section (a NUMA
 * node's span, see render_nodes()), stacked, or the focused one alone.
 *
 * The focused section carries the cursor (an address, drawn as a mark on
 * the ruler) and the zoom window.  Both are kept as addresses, not
 * columns, so they mean the same thing after a step changes the node's
 * span, a resize changes the width, or the scale changes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "util/xalloc.h"

static void free_sections(struct ui *u)
{
	int i;

	for (i = 0; i < u->nr_secs; i++) {
		render_map_free(&u->maps[i]);
		canvas_free(&u->cvs[2 * i]);
		canvas_free(&u->cvs[2 * i + 1]);
	}
	free(u->maps);
	free(u->cvs);
	free(u->secs);
	u->maps = NULL;
	u->cvs = NULL;
	u->secs = NULL;
	u->nr_secs = 0;
	u->nr_rows = 0;
}

void ui_map_free(struct ui *u)
{
	free_sections(u);
	free(u->rows_list);
	u->rows_list = NULL;
	u->alloc_rows = 0;
}

static void set_focus(struct ui *u, int i)
{
	if (i == u->focus && u->secs[i].nid == u->focus_nid &&
	    u->secs[i].outside == u->focus_outside)
		return;
	u->focus = i;
	u->focus_nid = u->secs[i].nid;
	u->focus_outside = u->secs[i].outside;
	u->cursor = u->secs[i].start;
	u->zoomed = false;
}

/* The focused section, found again by its node in the new step's sections. */
static void find_focus(struct ui *u)
{
	int i;

	for (i = 0; i < u->nr_secs; i++)
		if (u->secs[i].nid == u->focus_nid && u->secs[i].outside == u->focus_outside) {
			u->focus = i;
			return;
		}
	u->focus = -1;
	set_focus(u, 0);
}

/* The zoom window within the focused section; 0, 0 for all of it. */
static void window(const struct ui *u, const struct render_node *n, uint64_t *s, uint64_t *e)
{
	*s = *e = 0;
	if (!u->zoomed)
		return;
	*s = u->zoom_start > n->start ? u->zoom_start : n->start;
	*e = u->zoom_end < n->end ? u->zoom_end : n->end;
	if (*s >= *e || (*s == n->start && *e == n->end))
		*s = *e = 0;
}

static void add_rows(struct ui *u, const struct canvas *cv, int sec)
{
	int i;

	for (i = 0; i < cv->nr; i++) {
		if (u->nr_rows == u->alloc_rows) {
			u->alloc_rows = u->alloc_rows ? 2 * u->alloc_rows : 32;
			u->rows_list = xrealloc(u->rows_list,
						u->alloc_rows * sizeof(*u->rows_list));
		}
		u->rows_list[u->nr_rows++] = (struct map_row){ &cv->lines[i], sec };
	}
}

static void render_opts_ui(const struct ui *u, struct render_opts *ro)
{
	render_opts_init(ro);
	ro->width = u->cols < RENDER_MIN_WIDTH ? RENDER_MIN_WIDTH :
		    u->cols > RENDER_MAX_WIDTH ? RENDER_MAX_WIDTH : u->cols;
	ro->scale = u->scale;
	ro->utf8 = u->utf8;
	if (u->table == UT_MEMORY || u->table == UT_RESERVED) {
		ro->sel_type = u->table == UT_MEMORY ? MB_TYPE_MEMORY : MB_TYPE_RESERVED;
		ro->sel_index = u->sel[u->table];
	}
}

static void clamp_cursor(struct ui *u)
{
	const struct render_map *m = &u->maps[u->focus];

	if (!m->ncols)
		return;
	if (u->cursor < m->start)
		u->cursor = m->start;
	if (u->cursor >= m->end)
		u->cursor = m->col_addr[m->ncols - 1];
}

/* A's sections; their rows too with one engine (with two, ui_second_sections() interleaves them). */
static void first_sections(struct ui *u, const struct frame *in,
			   const struct render_opts *ro)
{
	int i;

	u->maps = xzalloc(u->nr_secs * sizeof(*u->maps));
	u->cvs = xzalloc(2 * u->nr_secs * sizeof(*u->cvs));
	find_focus(u);
	for (i = 0; i < u->nr_secs; i++) {
		struct canvas *head = &u->cvs[2 * i], *bands = &u->cvs[2 * i + 1];
		uint64_t s = 0, e = 0;

		canvas_init(head);
		canvas_init(bands);
		if (!u->view_all && i != u->focus)
			continue;
		if (i == u->focus)
			window(u, &u->secs[i], &s, &e);
		render_bands(bands, &u->maps[i], in, ro, &u->secs[i], s, e);
		render_node_header(head, in, ro, &u->maps[i]);
		if (u->t2)
			continue;
		add_rows(u, head, i);
		add_rows(u, bands, i);
	}
	clamp_cursor(u);
}

void ui_map_sections(struct ui *u, const struct frame *in)
{
	struct render_opts ro;

	free_sections(u);
	u->nr_secs = render_nodes(in, &u->secs);
	render_opts_ui(u, &ro);
	if (u->nr_secs)
		first_sections(u, in, &ro);
	if (u->t2)
		ui_second_sections(u, &ro);
}

int ui_map_height(struct ui *u, const struct frame *in)
{
	(void)in;
	return u->nr_rows ? u->nr_rows : 1;
}

/* The ruler's mark under the cursor: where z zooms, what / and Enter use. */
static void draw_cursor(struct ui *u, int y, const struct render_map *m)
{
	int col = render_map_col(m, u->cursor);

	if (col < 0 || RENDER_MARGIN + col >= u->cols)
		return;
	ui_puts(u, y, RENDER_MARGIN + col, 1, ui_attr(u, ST_HEADER) | A_REVERSE,
		u->utf8 ? "\u25bc" : "v");
}

/* First row to show: the focused section whole if it fits, its top otherwise. */
static void scroll_to_focus(struct ui *u, int h)
{
	int first = -1, last = -1, i;

	for (i = 0; i < u->nr_rows; i++)
		if (u->rows_list[i].sec == u->focus ||
		    u->rows_list[i].sec == UI_ROW_SECOND_FOCUS) {
			if (first < 0)
				first = i;
			last = i;
		}
	if (u->map_top > u->nr_rows - h)
		u->map_top = u->nr_rows - h;
	if (first >= 0 && last >= u->map_top + h)
		u->map_top = last - h + 1;
	if (first >= 0 && first < u->map_top)
		u->map_top = first;
	if (u->map_top < 0)
		u->map_top = 0;
}

void ui_draw_map(struct ui *u, const struct frame *in)
{
	const struct ui_rect *r = &u->lay.map;
	int i;

	(void)in;
	if (!u->nr_rows) {
		ui_puts(u, r->y, 0, r->w, ui_attr(u, ST_DIM),
			"memblock is empty: no memory, no reservations yet");
		return;
	}
	scroll_to_focus(u, r->h);
	u->map_row_y0 = r->y;
	for (i = 0; i < r->h && u->map_top + i < u->nr_rows; i++) {
		const struct map_row *row = &u->rows_list[u->map_top + i];
		chtype extra = A_NORMAL;

		if (row->l->kind == RL_NODE && row->sec == u->focus && u->nr_secs > 1 &&
		    u->view_all)
			extra = A_UNDERLINE;
		ui_put_line(u, r->y + i, 0, r->w, row->l, 0, extra);
		if (row->sec == u->focus && row->l->kind == RL_RULER)
			draw_cursor(u, r->y + i, &u->maps[u->focus]);
	}
}

void ui_map_next_node(struct ui *u, int dir)
{
	if (u->nr_secs < 2) {
		ui_message(u, false, "one node only: nothing to switch to");
		return;
	}
	set_focus(u, (u->focus + dir + u->nr_secs) % u->nr_secs);
}

void ui_map_toggle_view(struct ui *u)
{
	u->view_all = !u->view_all;
	ui_message(u, false, u->view_all ? "all nodes" : "this node only");
}

static const struct render_map *focus_map(struct ui *u)
{
	if (!u->nr_secs || u->focus < 0 || !u->maps[u->focus].ncols)
		return NULL;
	return &u->maps[u->focus];
}

static void set_window(struct ui *u, uint64_t s, uint64_t e)
{
	const struct render_node *n = &u->secs[u->focus];

	if (s < n->start)
		s = n->start;
	if (e > n->end || e <= s)
		e = n->end;
	u->zoom_start = s;
	u->zoom_end = e;
	u->zoomed = !(s == n->start && e == n->end);
}

void ui_map_zoom(struct ui *u, bool in)
{
	const struct render_map *m = focus_map(u);
	const struct render_node *n;
	uint64_t w, left, c = u->cursor, s;

	if (!m)
		return;
	n = &u->secs[u->focus];
	w = m->end - m->start;
	left = c - m->start;
	if (in) {
		if (w / 2 < (uint64_t)m->ncols) {
			ui_message(u, false, "zoomed in as far as it goes: one byte per column");
			return;
		}
		set_window(u, c - left / 2, c - left / 2 + w / 2);
		return;
	}
	if (!u->zoomed) {
		ui_message(u, false, "the whole node is in view");
		return;
	}
	if (w > (n->end - n->start) / 2) {
		set_window(u, n->start, n->end);
		return;
	}
	s = left * 2 > c - n->start ? n->start : c - left * 2;
	if (2 * w > n->end - s)
		s = n->end - 2 * w;
	set_window(u, s, s + 2 * w);
}

/* Shift the window by @delta bytes (negative: towards lower addresses). */
static void shift_window(struct ui *u, const struct render_map *m, int64_t delta)
{
	const struct render_node *n = &u->secs[u->focus];
	uint64_t w = m->end - m->start, s = m->start;

	if (delta < 0)
		s = (uint64_t)-delta > s - n->start ? n->start : s - (uint64_t)-delta;
	else
		s = (uint64_t)delta > n->end - w - s ? n->end - w : s + (uint64_t)delta;
	set_window(u, s, s + w);
}

void ui_map_cursor(struct ui *u, int cols)
{
	const struct render_map *m = focus_map(u);
	int c, nc;

	if (!m)
		return;
	c = render_map_col(m, u->cursor);
	nc = (c < 0 ? 0 : c) + cols;
	if (nc >= 0 && nc < m->ncols) {
		u->cursor = m->col_addr[nc];
		return;
	}
	if (!u->zoomed) {
		u->cursor = nc < 0 ? m->col_addr[0] : m->col_addr[m->ncols - 1];
		return;
	}
	/* Past the edge of a zoomed window: the window follows the cursor. */
	shift_window(u, m, nc < 0 ? -(int64_t)m->bpc : (int64_t)m->bpc);
	if (nc < 0)
		u->cursor = u->cursor - u->secs[u->focus].start >= m->bpc ?
			    u->cursor - m->bpc : u->secs[u->focus].start;
	else if (u->secs[u->focus].end - u->cursor > m->bpc)
		u->cursor += m->bpc;
}

void ui_map_pan(struct ui *u, int dir)
{
	const struct render_map *m = focus_map(u);
	uint64_t half;

	if (!m)
		return;
	if (!u->zoomed) {
		ui_message(u, false, "the whole node is in view: z zooms in");
		return;
	}
	half = (m->end - m->start) / 2;
	shift_window(u, m, dir < 0 ? -(int64_t)half : (int64_t)half);
	if (u->cursor < u->zoom_start || u->cursor >= u->zoom_end)
		u->cursor = u->zoom_start + (u->zoom_end - u->zoom_start) / 2;
}

/*
 * Focus the section holding @cursor and show [start, end) with some room
 * around it (used by Enter and by the address search).
 */
void ui_map_show(struct ui *u, uint64_t start, uint64_t end, uint64_t cursor)
{
	uint64_t margin = (end - start) / 2 ? (end - start) / 2 : 1;
	int i;

	for (i = 0; i < u->nr_secs; i++)
		if (cursor >= u->secs[i].start && cursor < u->secs[i].end)
			break;
	if (i == u->nr_secs) {
		ui_message(u, true, "0x%" PRIx64 " is outside every node's span", cursor);
		return;
	}
	set_focus(u, i);
	u->cursor = cursor;
	set_window(u, start - u->secs[i].start > margin ? start - margin : u->secs[i].start,
		   u->secs[i].end - end > margin ? end + margin : u->secs[i].end);
}

void ui_map_goto_addr(struct ui *u, uint64_t addr)
{
	const struct render_node *n;
	uint64_t w, s;
	int i;

	for (i = 0; i < u->nr_secs; i++)
		if (addr >= u->secs[i].start && addr < u->secs[i].end)
			break;
	if (i == u->nr_secs) {
		ui_message(u, false, "0x%" PRIx64 " is outside every node's span: not on the map",
			   addr);
		return;
	}
	set_focus(u, i);
	u->cursor = addr;
	if (!u->zoomed || (addr >= u->zoom_start && addr < u->zoom_end))
		return;
	n = &u->secs[i];
	w = u->zoom_end - u->zoom_start;
	if (w >= n->end - n->start) {
		set_window(u, n->start, n->end);
		return;
	}
	s = addr - n->start > w / 2 ? addr - w / 2 : n->start;
	if (n->end - s < w)
		s = n->end - w;
	set_window(u, s, s + w);
}

/* Select what the click is on: a memory or a reserved region. */
static void click_select(struct ui *u, const struct map_row *row, int col)
{
	struct frame in;
	struct render_hit hit;

	ui_render_input(u, &in);
	if (!render_map_hit(&u->maps[row->sec], &in, col, &hit))
		return;
	if ((row->l->kind == RL_BAND_MEMORY || row->l->kind == RL_DELTA_MEMORY) &&
	    hit.mem_first >= 0) {
		u->table = UT_MEMORY;
		u->sel[UT_MEMORY] = hit.mem_first;
	} else if ((row->l->kind == RL_BAND_RESERVED || row->l->kind == RL_DELTA_RESERVED) &&
		   hit.rsv_first >= 0) {
		u->table = UT_RESERVED;
		u->sel[UT_RESERVED] = hit.rsv_first;
	}
}

bool ui_map_click(struct ui *u, int x, int y, int button)
{
	const struct ui_rect *r = &u->lay.map;
	const struct map_row *row;
	const struct render_map *m;
	int k = u->map_top + (y - r->y), col = x - RENDER_MARGIN;

	if (y < r->y || y >= r->y + r->h || k >= u->nr_rows)
		return false;
	row = &u->rows_list[k];
	if (row->sec < 0)
		return true;
	m = &u->maps[row->sec];
	if (col < 0 || col >= m->ncols)
		return true;
	set_focus(u, row->sec);
	u->cursor = m->col_addr[col];
	if (button == 4 || button == 5)
		ui_map_zoom(u, button == 4);
	else
		click_select(u, row, col);
	return true;
}

void ui_map_status(struct ui *u, char *buf, int len)
{
	const struct render_map *m = focus_map(u);
	int col;

	buf[0] = 0;
	if (!m)
		return;
	col = render_map_col(m, u->cursor);
	if (col < 0)
		return;
	snprintf(buf, len, "@0x%" PRIx64, m->col_addr[col]);
}
