// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Two engines in the UI (mbviz --engine A --engine B FILE): the second
 * engine runs the same scenario on a timeline of its own, kept at the
 * first's step; its maps are drawn under the first's, with a line of
 * marks under every band where its cells differ from the first engine's
 * band of the same kind, and the header names what differs, as
 * `mbviz diff` does.
 *
 * The cells compared are the renderer's, so a mark means "this column
 * looks different"; a difference finer than a column (a size off by a
 * page on a map of 32 MiB columns) shows in the header only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/engine_compare.h"
#include "run/step_frame.h"
#include "ui.h"
#include "util/xalloc.h"

void ui_second_free(struct ui *u)
{
	int i;

	for (i = 0; i < u->nr_secs2; i++) {
		render_map_free(&u->maps2[i]);
		canvas_free(&u->cvs2[3 * i]);
		canvas_free(&u->cvs2[3 * i + 1]);
		canvas_free(&u->cvs2[3 * i + 2]);
	}
	free(u->maps2);
	free(u->cvs2);
	free(u->secs2);
	u->maps2 = NULL;
	u->cvs2 = NULL;
	u->secs2 = NULL;
	u->nr_secs2 = 0;
}

void ui_second_render_input(struct ui *u, struct frame *in)
{
	int pos = timeline_pos(u->t2);

	frame_from_step(in, u->sc, pos, timeline_state(u->t2),
			pos > 0 && u->have_prev2 ? &u->prev2 : NULL,
			pos > 0 ? timeline_outcome(u->t2, pos - 1) : NULL, timeline_error(u->t2));
}

/* The keys of the lines cmp_print() marks with '*', as "memory[1], reserved.cnt". */
static void differing_keys(struct ui *u, const struct cmp_side *a, const struct cmp_side *b)
{
	char *text = NULL, *line, *save = NULL;
	size_t len = 0;
	int n = 0, used = 0, more = 0;
	FILE *f = open_memstream(&text, &len);

	if (!f) {
		snprintf(u->differ_text, sizeof(u->differ_text), "(cannot say what)");
		return;
	}
	cmp_print(f, &u->sc->machine, a, b, 0, false);
	fclose(f);
	u->differ_text[0] = 0;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		int klen;

		if (line[0] != '*')
			continue;
		line += strspn(line, "* ");
		klen = (int)strcspn(line, " ");
		if (used + klen + 2 >= (int)sizeof(u->differ_text) - 16 || n >= 4) {
			more++;
			continue;
		}
		used += snprintf(u->differ_text + used, sizeof(u->differ_text) - used, "%s%.*s",
				 n ? ", " : "", klen, line);
		n++;
	}
	if (more)
		snprintf(u->differ_text + used, sizeof(u->differ_text) - used, " and %d more",
			 more);
	if (!n)
		snprintf(u->differ_text, sizeof(u->differ_text), "the messages");
	free(text);
}

/* Compare the engines at the current step, for the header. */
static void compare(struct ui *u)
{
	struct frame a, b;
	struct cmp_side sa, sb;

	u->differ = false;
	u->differ_text[0] = 0;
	if (timeline_pos(u->t2) != u->step) {
		u->differ = true;
		snprintf(u->differ_text, sizeof(u->differ_text), "B stops at step %d: %s",
			 timeline_pos(u->t2),
			 timeline_error(u->t2) ? timeline_error(u->t2) : "run-time error");
		return;
	}
	ui_render_input(u, &a);
	ui_second_render_input(u, &b);
	sa = (struct cmp_side){ u->names[0], a.out, a.st };
	sb = (struct cmp_side){ u->names[1], b.out, b.st };
	if (!a.out || !b.out)
		sa.out = sb.out = NULL;
	if (cmp_equal(&sa, &sb, 0))
		return;
	u->differ = true;
	differing_keys(u, &sa, &sb);
}

/* Follow the first engine to step @k; the state before it too, for the change lines. */
void ui_second_goto(struct ui *u, int k)
{
	if (!u->t2)
		return;
	state_free(&u->prev2);
	memset(&u->prev2, 0, sizeof(u->prev2));
	u->have_prev2 = false;
	if (k > 0 && !timeline_goto(u->t2, k - 1)) {
		state_copy(&u->prev2, timeline_state(u->t2));
		u->have_prev2 = true;
	}
	timeline_goto(u->t2, k);
	if (timeline_pos(u->t2) != k)
		u->have_prev2 = false;
	compare(u);
}

void ui_second_close(struct ui *u)
{
	ui_second_free(u);
	state_free(&u->prev2);
	memset(&u->prev2, 0, sizeof(u->prev2));
	u->have_prev2 = false;
}

/* The first engine's line of @kind in the bands of the section like @n, or NULL. */
static const struct rline *first_line(const struct ui *u, const struct render_node *n,
				      enum rline_kind kind, const struct render_map **map)
{
	int i, j;

	for (i = 0; i < u->nr_secs; i++) {
		const struct canvas *cv = &u->cvs[2 * i + 1];

		if (u->secs[i].nid != n->nid || u->secs[i].outside != n->outside)
			continue;
		*map = &u->maps[i];
		for (j = 0; j < cv->nr; j++)
			if (cv->lines[j].kind == kind)
				return &cv->lines[j];
		return NULL;
	}
	*map = NULL;
	return NULL;
}

static bool same_cell(const struct rline *a, const struct rline *b, int k)
{
	struct rcell blank = { ' ', ST_PLAIN, 0 };
	const struct rcell *x = a && k < a->len ? &a->cells[k] : &blank;
	const struct rcell *y = b && k < b->len ? &b->cells[k] : &blank;

	return x->ch == y->ch && x->style == y->style;
}

static bool is_band(enum rline_kind k)
{
	return k == RL_BAND_MEMORY || k == RL_DELTA_MEMORY || k == RL_BAND_RESERVED ||
	       k == RL_DELTA_RESERVED || k == RL_BAND_PAGES;
}

/*
 * Under every band of B that differs from A's band of the same kind, a
 * line of marks, whose index is the bands line it belongs under.
 */
static void diff_marks(struct ui *u, int i)
{
	const struct canvas *bands = &u->cvs2[3 * i + 1];
	struct canvas *marks = &u->cvs2[3 * i + 2];
	const struct render_map *mb = &u->maps2[i], *ma = NULL;
	const char *mark = u->utf8 ? "\u25b2" : "^";
	int j, k;

	for (j = 0; j < bands->nr; j++) {
		const struct rline *lb = &bands->lines[j], *la;
		struct rline *m;
		bool any = false;

		if (!is_band(lb->kind))
			continue;
		la = first_line(u, &u->secs2[i], lb->kind, &ma);
		if (ma && ma->ncols && (ma->start != mb->start || ma->end != mb->end ||
					ma->ncols != mb->ncols)) {
			/* Different windows: columns cannot be compared, say so once. */
			if (lb->kind == RL_BAND_MEMORY) {
				m = canvas_line(marks, RL_TEXT, lb->nid, j);
				line_puts(m, 2, ST_FAIL, "not comparable: A shows another span");
			}
			continue;
		}
		for (k = RENDER_MARGIN; k < RENDER_MARGIN + mb->ncols; k++)
			any |= !same_cell(la, lb, k);
		if (!any)
			continue;
		m = canvas_line(marks, RL_TEXT, lb->nid, j);
		line_puts(m, 2, ST_FAIL, "differs");
		for (k = RENDER_MARGIN; k < RENDER_MARGIN + mb->ncols; k++)
			if (!same_cell(la, lb, k))
				line_puts(m, k, ST_FAIL, mark);
	}
}

static void add_row(struct ui *u, const struct rline *l, int sec)
{
	if (u->nr_rows == u->alloc_rows) {
		u->alloc_rows = u->alloc_rows ? 2 * u->alloc_rows : 32;
		u->rows_list = xrealloc(u->rows_list, u->alloc_rows * sizeof(*u->rows_list));
	}
	u->rows_list[u->nr_rows++] = (struct map_row){ l, sec };
}

/* The engines' title lines, drawn above each of their sections. */
static void titles(struct ui *u)
{
	struct rline *l;

	canvas_clear(&u->ecv);
	l = canvas_line(&u->ecv, RL_TEXT, -1, -1);
	line_printf(l, 0, ST_HEADER, "A  %s", u->names[0]);
	l = canvas_line(&u->ecv, RL_TEXT, -1, -1);
	line_printf(l, 0, ST_HEADER, "B  %s", u->names[1]);
	if (u->differ)
		line_puts(l, 5 + (int)strlen(u->names[1]), ST_FAIL,
			  "differs from A: marks under its bands");
	else
		line_puts(l, 5 + (int)strlen(u->names[1]), ST_PASS, "the same as A");
}

static bool drawn2(const struct ui *u, int i)
{
	return u->view_all || (u->secs2[i].nid == u->focus_nid &&
			       u->secs2[i].outside == u->focus_outside);
}

/* B's section @i: its title, header lines, bands, and marks under them. */
static void add_second(struct ui *u, int i, int sec)
{
	const struct canvas *head = &u->cvs2[3 * i], *bands = &u->cvs2[3 * i + 1];
	const struct canvas *marks = &u->cvs2[3 * i + 2];
	int j, k;

	add_row(u, &u->ecv.lines[1], sec);
	for (j = 0; j < head->nr; j++)
		add_row(u, &head->lines[j], sec);
	for (j = 0; j < bands->nr; j++) {
		add_row(u, &bands->lines[j], sec);
		for (k = 0; k < marks->nr; k++)
			if (marks->lines[k].index == j)
				add_row(u, &marks->lines[k], sec);
	}
}

/* B's section like A's section @i, or -1. */
static int pair_of(const struct ui *u, int i)
{
	int j;

	for (j = 0; j < u->nr_secs2; j++)
		if (u->secs2[j].nid == u->secs[i].nid && u->secs2[j].outside == u->secs[i].outside)
			return j;
	return -1;
}

/*
 * B's sections, rendered as A's are (same width, scale, and the zoom
 * window on the focused node), and the map rows of both engines, node by
 * node: A's section, then B's of the same node right under it, so that
 * the two pictures of a node are next to each other.  B's rows belong to
 * no section of A: they take no clicks.
 */
void ui_second_sections(struct ui *u, const struct render_opts *ro)
{
	struct render_opts o = *ro;
	struct frame in;
	bool *done;
	int i, j;

	/* The selection is a row of A's tables: it means nothing on B's map. */
	o.sel_type = -1;
	ui_second_free(u);
	titles(u);
	ui_second_render_input(u, &in);
	u->nr_secs2 = render_nodes(&in, &u->secs2);
	u->maps2 = xzalloc((u->nr_secs2 + 1) * sizeof(*u->maps2));
	u->cvs2 = xzalloc(3 * (u->nr_secs2 + 1) * sizeof(*u->cvs2));
	for (i = 0; i < u->nr_secs2; i++) {
		const struct render_node *n = &u->secs2[i];
		uint64_t s = 0, e = 0;

		canvas_init(&u->cvs2[3 * i]);
		canvas_init(&u->cvs2[3 * i + 1]);
		canvas_init(&u->cvs2[3 * i + 2]);
		if (!drawn2(u, i))
			continue;
		if (n->nid == u->focus_nid && n->outside == u->focus_outside && u->zoomed) {
			s = u->zoom_start > n->start ? u->zoom_start : n->start;
			e = u->zoom_end < n->end ? u->zoom_end : n->end;
			if (s >= e || (s == n->start && e == n->end))
				s = e = 0;
		}
		render_bands(&u->cvs2[3 * i + 1], &u->maps2[i], &in, &o, n, s, e);
		render_node_header(&u->cvs2[3 * i], &in, &o, &u->maps2[i]);
		diff_marks(u, i);
	}

	done = xzalloc((u->nr_secs2 + 1) * sizeof(*done));
	for (i = 0; i < u->nr_secs; i++) {
		const struct canvas *head = &u->cvs[2 * i], *bands = &u->cvs[2 * i + 1];

		if (!u->view_all && i != u->focus)
			continue;
		add_row(u, &u->ecv.lines[0], i);
		for (j = 0; j < head->nr; j++)
			add_row(u, &head->lines[j], i);
		for (j = 0; j < bands->nr; j++)
			add_row(u, &bands->lines[j], i);
		j = pair_of(u, i);
		if (j >= 0 && drawn2(u, j)) {
			add_second(u, j, i == u->focus ? UI_ROW_SECOND_FOCUS : UI_ROW_SECOND);
			done[j] = true;
		}
	}
	/* Nodes only B has. */
	for (j = 0; j < u->nr_secs2; j++)
		if (!done[j] && drawn2(u, j))
			add_second(u, j, UI_ROW_SECOND);
	free(done);
	if (!u->nr_secs && !u->nr_secs2)
		add_row(u, &u->ecv.lines[0], UI_ROW_SECOND);
}
