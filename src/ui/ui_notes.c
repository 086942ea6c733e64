// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The teaching text of a scenario: its title and description, shown at
 * the start (before steps[0]), and each step's note, shown above the log.
 * Both are shown in full: the note area grows to all of the log pane but
 * two lines (the current step's entry keeps its head), and whatever
 * still does not fit is one key away: i opens the about popup, which
 * holds the title, the description and the current note, and scrolls.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util/xalloc.h"

/* Lines the log keeps under a note, when the pane has them. */
#define LOG_KEEP	2

/* The note area's lines for the current step, wrapped to @w columns. */
static void note_lines(struct ui *u, struct ui_lines *n, int w)
{
	const char *note = u->step > 0 ? u->sc->steps[u->step - 1].note : NULL;
	char *text;

	if (u->step == 0) {
		text = xasprintf("%s: %s", u->sc->name ? u->sc->name : "scenario",
				 u->sc->title ? u->sc->title : "(no title)");
		ui_wrap(n, text, w, 4, ui_attr(u, ST_TITLE) | A_BOLD, false);
		free(text);
		if (u->sc->description)
			ui_wrap(n, u->sc->description, w, 0, ui_attr(u, ST_NOTE), false);
		return;
	}
	if (!note)
		return;
	text = xasprintf("note: %s", note);
	ui_wrap(n, text, w, 6, ui_attr(u, ST_NOTE), false);
	free(text);
}

int ui_draw_note(struct ui *u, const struct ui_rect *r, int y, int h)
{
	struct ui_lines n = { 0 };
	int i, max = h;

	note_lines(u, &n, r->w);
	/* At the start there is no log yet: the description may take it all. */
	if (u->step > 0 && max > LOG_KEEP + 1)
		max -= LOG_KEEP;
	for (i = 0; i < n.nr && i < max; i++)
		ui_puts(u, y + i, r->x, r->w, n.rows[i].attr, n.rows[i].text);
	/* More than fits: the last line, cut at a blank, says where the rest is. */
	if (n.nr > max && max > 0) {
		const char *more = u->utf8 ? " \u2026 i: all of it" : " ... i: all of it";
		char *last = n.rows[max - 1].text, *b;
		int mw = u->utf8 ? 15 : 17;

		while ((int)strlen(last) + mw > r->w && (b = strrchr(last, ' ')) && b > last)
			*b = 0;
		ui_fill(u, y + max - 1, r->x, r->w, A_NORMAL);
		i = ui_puts(u, y + max - 1, r->x, r->w, n.rows[max - 1].attr, last);
		ui_puts(u, y + max - 1, r->x + i, r->w - i, ui_attr(u, ST_DIM) | A_BOLD, more);
		i = max;
	}
	ui_lines_free(&n);
	return i;
}

int ui_note_rows(struct ui *u, int w)
{
	struct ui_lines n = { 0 };
	int rows;

	note_lines(u, &n, w);
	rows = n.nr;
	ui_lines_free(&n);
	return rows;
}

/* Append @l's lines to @buf as '\n'-separated text. */
static void append_lines(char **buf, size_t *len, const struct ui_lines *l)
{
	int i;

	for (i = 0; i < l->nr; i++) {
		size_t k = strlen(l->rows[i].text);

		*buf = xrealloc(*buf, *len + k + 2);
		memcpy(*buf + *len, l->rows[i].text, k);
		*len += k;
		(*buf)[(*len)++] = '\n';
		(*buf)[*len] = 0;
	}
}

/* The about popup: the scenario's title and description, and the current step's note. */
void ui_about(struct ui *u)
{
	const char *note = u->step > 0 ? u->sc->steps[u->step - 1].note : NULL;
	struct ui_lines l = { 0 };
	int w = u->cols - 8 < 72 ? u->cols - 8 : 72;
	char *text = xstrdup(""), *t, title[64];
	size_t len = 0;

	t = xasprintf("%s: %s", u->sc->name ? u->sc->name : "scenario",
		      u->sc->title ? u->sc->title : "(no title)");
	ui_wrap(&l, t, w, 4, A_NORMAL, false);
	free(t);
	ui_lines_add(&l, "", 0, A_NORMAL, false);
	ui_wrap(&l, u->sc->description ? u->sc->description : "(no description)", w, 0,
		A_NORMAL, false);
	if (note) {
		ui_lines_add(&l, "", 0, A_NORMAL, false);
		t = xasprintf("steps[%d] note: %s", u->step - 1, note);
		ui_wrap(&l, t, w, 6, A_NORMAL, false);
		free(t);
	}
	append_lines(&text, &len, &l);
	ui_lines_free(&l);
	if (u->step)
		snprintf(title, sizeof(title), "about, after steps[%d]", u->step - 1);
	else
		snprintf(title, sizeof(title), "about");
	ui_popup(u, title, text);
}
