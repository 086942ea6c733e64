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
