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

static void free_pane(struct ui_pane *p)
{
	int i, k;

	for (i = 0; i < p->nr_secs; i++) {
		render_map_free(&p->maps[i]);
		for (k = 0; k < UI_NR_CV; k++)
			canvas_free(ui_pane_cv(p, i, k));
	}
	free(p->maps);
	free(p->cvs);
	free(p->secs);
	p->maps = NULL;
	p->cvs = NULL;
	p->secs = NULL;
	p->nr_secs = 0;
}

static void free_sections(struct ui *u)
{
	int p;

	for (p = 0; p < u->nr_panes; p++)
		free_pane(&u->pane[p]);
	u->nr_rows = 0;
}

void ui_map_free(struct ui *u)
{
	free_sections(u);
	free(u->spans);
	u->spans = NULL;
	u->nr_spans = 0;
	free(u->rows_list);
	u->rows_list = NULL;
	u->alloc_rows = 0;
}

static void set_focus(struct ui *u, int i)
{
	if (i == u->focus && u->pane[0].secs[i].nid == u->focus_nid &&
	    u->pane[0].secs[i].outside == u->focus_outside)
		return;
	u->focus = i;
	u->focus_nid = u->pane[0].secs[i].nid;
	u->focus_outside = u->pane[0].secs[i].outside;
	u->cursor = u->pane[0].secs[i].start;
	u->zoomed = false;
}

/* The focused section, found again by its node in the new step's sections. */
static void find_focus(struct ui *u)
{
	int i;

	for (i = 0; i < u->pane[0].nr_secs; i++)
		if (u->pane[0].secs[i].nid == u->focus_nid && u->pane[0].secs[i].outside == u->focus_outside) {
			u->focus = i;
			return;
		}
	u->focus = -1;
	set_focus(u, 0);
}

/*
 * After a step: an allocation's block is in the focused section, so that
 * the map shows it (and its search line) when not every node fits, and
 * the cursor's keys work there.  Not while zoomed: the view stays.
 */
static void follow_alloc(struct ui *u)
{
	const struct mb_state *st = ui_state(u);
	const struct ui_pane *pn = &u->pane[0];
	uint64_t at = 0;
	int i;

	for (i = 0; i < st->nr_searches && i < MB_MAX_SEARCHES; i++)
		if (st->searches[i].found)
			at = st->searches[i].found;
	if (!at || u->zoomed || !u->view_all)
		return;
	for (i = 0; i < pn->nr_secs; i++)
		if (!pn->secs[i].outside && pn->secs[i].start <= at && at < pn->secs[i].end) {
			if (i != u->focus)
				set_focus(u, i);
			return;
		}
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

static void add_row(struct ui *u, const struct rline *l, int sec)
{
	if (u->nr_rows == u->alloc_rows) {
		u->alloc_rows = u->alloc_rows ? 2 * u->alloc_rows : 32;
		u->rows_list = xrealloc(u->rows_list, u->alloc_rows * sizeof(*u->rows_list));
	}
	u->rows_list[u->nr_rows++] = (struct map_row){ l, sec };
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
	const struct render_map *m = &u->pane[0].maps[u->focus];

	if (!m->ncols)
		return;
	if (u->cursor < m->start)
		u->cursor = m->start;
	if (u->cursor >= m->end)
		u->cursor = m->col_addr[m->ncols - 1];
}

static void add_span(struct ui *u, const struct render_node *n)
{
	int i;

	for (i = 0; i < u->nr_spans; i++) {
		struct render_node *s = &u->spans[i];

		if (s->nid == n->nid && s->outside == n->outside) {
			s->start = n->start < s->start ? n->start : s->start;
			s->end = n->end > s->end ? n->end : s->end;
			return;
		}
	}
	u->spans = xrealloc(u->spans, (u->nr_spans + 1) * sizeof(*u->spans));
	u->spans[u->nr_spans++] = *n;
}

/*
 * Every section's span is the hull of its spans at every step of the
 * first engine, so that a node's scale does not jump as memory is added
 * or removed: the first steps of a boot draw on the scale of the last.
 * One pass over the timeline, at the start; a run-time error ends it.
 */
void ui_map_spans(struct ui *u)
{
	struct timeline *t = ui_timeline(u);
	int k, i, n, pos = timeline_pos(t);

	for (k = 0; k <= ui_steps(u); k++) {
		struct frame in = { .m = &u->sc->machine };
		struct render_node *secs;

		if (timeline_goto(t, k))
			break;
		in.st = timeline_state(t);
		in.step = k;
		n = render_nodes(&in, &secs);
		for (i = 0; i < n; i++)
			add_span(u, &secs[i]);
		free(secs);
	}
	timeline_goto(t, pos);
}

/* A section of this step, widened to its span over the whole scenario. */
static void widen(const struct ui *u, struct render_node *n)
{
	int i;

	for (i = 0; i < u->nr_spans; i++)
		if (u->spans[i].nid == n->nid && u->spans[i].outside == n->outside) {
			n->start = u->spans[i].start < n->start ? u->spans[i].start : n->start;
			n->end = u->spans[i].end > n->end ? u->spans[i].end : n->end;
		}
}

/* Section @i of pane @p is drawn: every section, or the focused node's. */
static bool drawn(const struct ui *u, const struct ui_pane *p, int i)
{
	return u->view_all || (p->secs[i].nid == u->focus_nid &&
			       p->secs[i].outside == u->focus_outside);
}

/* Section @i of @pn over [s, e) (0, 0: all of it): header, bands, the allocation view. */
static void draw_section(const struct ui *u, struct ui_pane *pn, int i,
			 const struct frame *in, const struct render_opts *o,
			 uint64_t s, uint64_t e)
{
	struct canvas *bands = ui_pane_cv(pn, i, UI_CV_BANDS);

	render_bands(bands, &pn->maps[i], in, o, &pn->secs[i], s, e);
	render_node_header(ui_pane_cv(pn, i, UI_CV_HEAD), in, o, &pn->maps[i]);
	if (!u->no_alloc_view)
		render_alloc_lines(bands, &pn->maps[i], in->st, o);
}

/* A section drawn whole, on the linear scale: one that can share a scale. */
static bool shares_scale(const struct ui *u, const struct ui_pane *pn, int i)
{
	const struct render_map *m = &pn->maps[i];

	return m->ncols && m->scale == SCALE_LINEAR && !pn->secs[i].outside &&
	       m->start == pn->secs[i].start && m->end == pn->secs[i].end && u->view_all;
}

/*
 * Nodes drawn whole share one scale, the coarsest any of them needs, so
 * that nodes can be compared by eye (equal nodes get equal scales from
 * the axis anyway; a smaller node is drawn at the larger one's scale).
 */
static void equal_scales(struct ui *u, struct ui_pane *pn, const struct frame *in,
			 const struct render_opts *ro)
{
	struct render_opts o = *ro;
	int i;

	o.min_bpc = 0;
	for (i = 0; i < pn->nr_secs; i++)
		if (shares_scale(u, pn, i) && pn->maps[i].bpc > o.min_bpc)
			o.min_bpc = pn->maps[i].bpc;
	for (i = 0; i < pn->nr_secs; i++) {
		if (!shares_scale(u, pn, i) || pn->maps[i].bpc == o.min_bpc)
			continue;
		render_map_free(&pn->maps[i]);
		canvas_clear(ui_pane_cv(pn, i, UI_CV_HEAD));
		canvas_clear(ui_pane_cv(pn, i, UI_CV_BANDS));
		draw_section(u, pn, i, in, &o, 0, 0);
	}
}

/*
 * Pane @p's sections: every engine's are rendered alike (same width,
 * scale, and the zoom window on the focused node).  The selection is a
 * row of the first engine's tables: it means nothing on another's map.
 */
static void pane_sections(struct ui *u, int p, const struct render_opts *ro)
{
	struct ui_pane *pn = &u->pane[p];
	struct render_opts o = *ro;
	struct frame in;
	int i, k;

	if (p > 0)
		o.sel_type = -1;
	ui_pane_input(u, p, &in);
	pn->nr_secs = render_nodes(&in, &pn->secs);
	for (i = 0; i < pn->nr_secs; i++)
		widen(u, &pn->secs[i]);
	pn->maps = xzalloc((pn->nr_secs + 1) * sizeof(*pn->maps));
	pn->cvs = xzalloc(UI_NR_CV * (pn->nr_secs + 1) * sizeof(*pn->cvs));
	if (p == 0 && pn->nr_secs)
		find_focus(u);
	if (p == 0 && pn->nr_secs && u->follow)
		follow_alloc(u);
	if (p == 0)
		u->follow = false;
	for (i = 0; i < pn->nr_secs; i++) {
		uint64_t s = 0, e = 0;

		for (k = 0; k < UI_NR_CV; k++)
			canvas_init(ui_pane_cv(pn, i, k));
		if (!drawn(u, pn, i))
			continue;
		if (pn->secs[i].nid == u->focus_nid && pn->secs[i].outside == u->focus_outside)
			window(u, &pn->secs[i], &s, &e);
		draw_section(u, pn, i, &in, &o, s, e);
	}
	equal_scales(u, pn, &in, &o);
}

/* Section @i of pane @p as map rows: with two engines under its engine's title. */
static void add_section(struct ui *u, int p, int i, int sec)
{
	const struct ui_pane *pn = &u->pane[p];
	const struct canvas *head = ui_pane_cv(pn, i, UI_CV_HEAD);
	const struct canvas *bands = ui_pane_cv(pn, i, UI_CV_BANDS);
	const struct canvas *marks = ui_pane_cv(pn, i, UI_CV_MARKS);
	int j, k;

	if (ui_two_engines(u))
		add_row(u, &u->ecv.lines[p], sec);
	for (j = 0; j < head->nr; j++)
		add_row(u, &head->lines[j], sec);
	for (j = 0; j < bands->nr; j++) {
		add_row(u, &bands->lines[j], sec);
		for (k = 0; k < marks->nr; k++)
			if (marks->lines[k].index == j)
				add_row(u, &marks->lines[k], sec);
	}
}

/* Pane @p's section of the node of the first pane's section @i, or -1. */
static int pair_of(const struct ui *u, int p, int i)
{
	const struct render_node *n = &u->pane[0].secs[i];
	int j;

	for (j = 0; j < u->pane[p].nr_secs; j++)
		if (u->pane[p].secs[j].nid == n->nid && u->pane[p].secs[j].outside == n->outside)
			return j;
	return -1;
}

/*
 * The map rows, node by node: the first engine's section, then the other
 * engines' sections of the same node right under it, so that the pictures
 * of a node are next to each other; then the nodes only another engine
 * has.  Rows of another engine belong to no section of the first: they
 * take no clicks.
 */
static void add_rows(struct ui *u)
{
	bool *done[UI_MAX_PANES] = { NULL };
	int p, i, j;

	for (p = 1; p < u->nr_panes; p++)
		done[p] = xzalloc((u->pane[p].nr_secs + 1) * sizeof(*done[p]));
	for (i = 0; i < u->pane[0].nr_secs; i++) {
		if (!drawn(u, &u->pane[0], i))
			continue;
		add_section(u, 0, i, i);
		for (p = 1; p < u->nr_panes; p++) {
			j = pair_of(u, p, i);
			if (j < 0 || !drawn(u, &u->pane[p], j))
				continue;
			add_section(u, p, j, i == u->focus ? UI_ROW_SECOND_FOCUS : UI_ROW_SECOND);
			done[p][j] = true;
		}
	}
	for (p = 1; p < u->nr_panes; p++) {
		for (j = 0; j < u->pane[p].nr_secs; j++)
			if (!done[p][j] && drawn(u, &u->pane[p], j))
				add_section(u, p, j, UI_ROW_SECOND);
		free(done[p]);
	}
	/* Two engines, both empty: the titles say so. */
	if (ui_two_engines(u) && !u->nr_rows)
		add_row(u, &u->ecv.lines[0], UI_ROW_SECOND);
}

void ui_map_sections(struct ui *u, const struct frame *in)
{
	struct render_opts ro;
	int p, i;

	(void)in;
	free_sections(u);
	render_opts_ui(u, &ro);
	for (p = 0; p < u->nr_panes; p++)
		pane_sections(u, p, &ro);
	if (u->pane[0].nr_secs)
		clamp_cursor(u);
	if (ui_two_engines(u)) {
		ui_engines_titles(u);
		for (i = 0; i < u->pane[1].nr_secs; i++)
			ui_engines_marks(u, i);
	}
	add_rows(u);
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

		if (row->l->kind == RL_NODE && row->sec == u->focus && u->pane[0].nr_secs > 1 &&
		    u->view_all)
			extra = A_UNDERLINE;
		ui_put_line(u, r->y + i, 0, r->w, row->l, 0, extra);
		if (row->sec == u->focus && row->l->kind == RL_RULER)
			draw_cursor(u, r->y + i, &u->pane[0].maps[u->focus]);
	}
}

void ui_map_next_node(struct ui *u, int dir)
{
	if (u->pane[0].nr_secs < 2) {
		ui_message(u, false, "one node only: nothing to switch to");
		return;
	}
	set_focus(u, (u->focus + dir + u->pane[0].nr_secs) % u->pane[0].nr_secs);
}

void ui_map_toggle_view(struct ui *u)
{
	u->view_all = !u->view_all;
	ui_message(u, false, u->view_all ? "all nodes" : "this node only");
}

static const struct render_map *focus_map(struct ui *u)
{
	if (!u->pane[0].nr_secs || u->focus < 0 || !u->pane[0].maps[u->focus].ncols)
		return NULL;
	return &u->pane[0].maps[u->focus];
}

static void set_window(struct ui *u, uint64_t s, uint64_t e)
{
	const struct render_node *n = &u->pane[0].secs[u->focus];

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
	n = &u->pane[0].secs[u->focus];
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
	const struct render_node *n = &u->pane[0].secs[u->focus];
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
		u->cursor = u->cursor - u->pane[0].secs[u->focus].start >= m->bpc ?
			    u->cursor - m->bpc : u->pane[0].secs[u->focus].start;
	else if (u->pane[0].secs[u->focus].end - u->cursor > m->bpc)
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

	for (i = 0; i < u->pane[0].nr_secs; i++)
		if (cursor >= u->pane[0].secs[i].start && cursor < u->pane[0].secs[i].end)
			break;
	if (i == u->pane[0].nr_secs) {
		ui_message(u, true, "0x%" PRIx64 " is outside every node's span", cursor);
		return;
	}
	set_focus(u, i);
	u->cursor = cursor;
	set_window(u, start - u->pane[0].secs[i].start > margin ? start - margin : u->pane[0].secs[i].start,
		   u->pane[0].secs[i].end - end > margin ? end + margin : u->pane[0].secs[i].end);
}

void ui_map_goto_addr(struct ui *u, uint64_t addr)
{
	const struct render_node *n;
	uint64_t w, s;
	int i;

	for (i = 0; i < u->pane[0].nr_secs; i++)
		if (addr >= u->pane[0].secs[i].start && addr < u->pane[0].secs[i].end)
			break;
	if (i == u->pane[0].nr_secs) {
		ui_message(u, false, "0x%" PRIx64 " is outside every node's span: not on the map",
			   addr);
		return;
	}
	set_focus(u, i);
	u->cursor = addr;
	if (!u->zoomed || (addr >= u->zoom_start && addr < u->zoom_end))
		return;
	n = &u->pane[0].secs[i];
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
	if (!render_map_hit(&u->pane[0].maps[row->sec], &in, col, &hit))
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
	m = &u->pane[0].maps[row->sec];
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
