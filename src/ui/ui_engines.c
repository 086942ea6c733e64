// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Two engines in the UI (mbviz --engine A --engine B FILE): the second
 * engine runs the same scenario on a timeline of its own, kept at the
 * first's step; its maps are drawn under the first's, with a line of
 * marks under every band where its cells differ from the first engine's
 * band of the same kind, and the header names what differs, as
 * `mbviz diff` does.
 *
 * The zones table, whose numbers a map cannot show (a zone's managed
 * pages), has the second engine's line under each of the first's that it
 * differs from, marked B.
 *
 * The cells compared are the renderer's, so a mark means "this column
 * looks different"; a difference finer than a column (a size off by a
 * page on a map of 32 MiB columns) shows in the header only.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/engine_compare.h"
#include "ui.h"
#include "util/xalloc.h"

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
void ui_engines_compare(struct ui *u)
{
	struct timeline *t2 = u->pane[1].t;
	struct frame a, b;
	struct cmp_side sa, sb;

	u->differ = false;
	u->differ_text[0] = 0;
	if (timeline_pos(t2) != u->step) {
		u->differ = true;
		snprintf(u->differ_text, sizeof(u->differ_text), "B stops after %d steps: %s",
			 timeline_pos(t2),
			 timeline_error(t2) ? timeline_error(t2) : "run-time error");
		return;
	}
	ui_pane_input(u, 0, &a);
	ui_pane_input(u, 1, &b);
	sa = (struct cmp_side){ u->pane[0].name, a.out, a.st };
	sb = (struct cmp_side){ u->pane[1].name, b.out, b.st };
	if (!a.out || !b.out)
		sa.out = sb.out = NULL;
	if (cmp_equal(&sa, &sb, 0))
		return;
	u->differ = true;
	differing_keys(u, &sa, &sb);
}

/* The first engine's line of @kind in the bands of the section like @n, or NULL. */
static const struct rline *first_line(const struct ui *u, const struct render_node *n,
				      enum rline_kind kind, const struct render_map **map)
{
	const struct ui_pane *a = &u->pane[0];
	int i, j;

	for (i = 0; i < a->nr_secs; i++) {
		const struct canvas *cv = ui_pane_cv(a, i, UI_CV_BANDS);

		if (a->secs[i].nid != n->nid || a->secs[i].outside != n->outside)
			continue;
		*map = &a->maps[i];
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
void ui_engines_marks(struct ui *u, int i)
{
	const struct ui_pane *b = &u->pane[1];
	const struct canvas *bands = ui_pane_cv(b, i, UI_CV_BANDS);
	struct canvas *marks = ui_pane_cv(b, i, UI_CV_MARKS);
	const struct render_map *mb = &b->maps[i], *ma = NULL;
	const char *mark = u->utf8 ? "\u25b2" : "^";
	int j, k;

	for (j = 0; j < bands->nr; j++) {
		const struct rline *lb = &bands->lines[j], *la;
		struct rline *m;
		bool any = false;

		if (!is_band(lb->kind))
			continue;
		la = first_line(u, &b->secs[i], lb->kind, &ma);
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

/* The engines' title lines, drawn above each of their sections. */
void ui_engines_titles(struct ui *u)
{
	struct rline *l;

	canvas_clear(&u->ecv);
	l = canvas_line(&u->ecv, RL_TEXT, -1, -1);
	line_printf(l, 0, ST_HEADER, "A  %s", u->pane[0].name);
	l = canvas_line(&u->ecv, RL_TEXT, -1, -1);
	line_printf(l, 0, ST_HEADER, "B  %s", u->pane[1].name);
	if (u->differ)
		line_puts(l, 5 + (int)strlen(u->pane[1].name), ST_FAIL,
			  "differs from A: marks under its bands");
	else
		line_puts(l, 5 + (int)strlen(u->pane[1].name), ST_PASS, "the same as A");
}

/* The lines of @cv's zones table: those from the zones heading on. */
static int zones_from(const struct canvas *cv)
{
	int i;

	for (i = 0; i < cv->nr; i++)
		if (cv->lines[i].kind == RL_TABLE_HEAD && cv->lines[i].index != MB_TYPE_MEMORY &&
		    cv->lines[i].index != MB_TYPE_RESERVED)
			return i;
	return cv->nr;
}

static bool same_line(const struct rline *a, const struct rline *b)
{
	int k, n = a->len > b->len ? a->len : b->len;

	for (k = 0; k < n; k++)
		if (!same_cell(a, b, k))
			return false;
	return true;
}

/* B's line @l appended to the first engine's table canvas, marked B in column 0. */
static int add_b_line(struct ui *u, const struct rline *l)
{
	struct rline *m = canvas_line(&u->tcv, RL_TEXT, l->nid, -1);
	int k, blank = l->kind == RL_TABLE_HEAD ? (int)strlen("zones: ") : 1;

	for (k = 0; k < l->len; k++)
		line_putc(m, k, l->cells[k].style, k < blank ? ' ' : l->cells[k].ch, 0);
	line_putc(m, 0, ST_FAIL, 'B', 0);
	return u->tcv.nr - 1;
}

void ui_engines_zone_lines(struct ui *u, int *sel_line)
{
	struct render_opts ro;
	struct frame b;
	int a0, b0, i, n = 0, *lines;

	if (timeline_pos(u->pane[1].t) != u->step)
		return;
	ui_pane_input(u, 1, &b);
	if (!b.st->freed_all)
		return;
	render_opts_init(&ro);
	ro.width = u->lay.table.w < RENDER_MIN_WIDTH ? RENDER_MIN_WIDTH : u->lay.table.w;
	ro.utf8 = u->utf8;
	/* Only the zones are wanted: no region row is drawn. */
	ro.nr_row_windows = 1;
	ro.row_windows[0].lo = ro.row_windows[0].hi = 0;
	canvas_clear(&u->tcv_b);
	render_tables(&u->tcv_b, &b, &ro);
	a0 = zones_from(&u->tcv);
	b0 = zones_from(&u->tcv_b);
	lines = xrealloc(NULL, (2 * u->nr_tlines + u->tcv_b.nr + 1) * sizeof(*lines));
	for (i = 0; i < u->nr_tlines; i++) {
		int k = u->tlines[i] - a0;
		const struct rline *lb = b0 + k < u->tcv_b.nr ? &u->tcv_b.lines[b0 + k] : NULL;

		if (i == *sel_line)
			*sel_line = n;
		lines[n++] = u->tlines[i];
		if (k >= 0 && lb && !same_line(&u->tcv.lines[u->tlines[i]], lb))
			lines[n++] = add_b_line(u, lb);
	}
	/* B's lines beyond the first's (it has more zones, or wraps more). */
	for (i = b0 + u->nr_tlines; i < u->tcv_b.nr; i++)
		lines[n++] = add_b_line(u, &u->tcv_b.lines[i]);
	free(u->tlines);
	u->tlines = lines;
	u->nr_tlines = n;
}
