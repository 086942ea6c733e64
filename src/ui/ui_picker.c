// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The scenario picker (`mbviz DIR`): the scenarios of a directory with
 * their titles, one a line; j/k or the arrows move, Enter opens the
 * selected one, q or Esc leaves.  It runs on the UI's terminal before a
 * scenario is loaded, or over one (o), with the same events (keys,
 * resizes, the test mode's dumps), so that the UI's test scripts drive it
 * too.
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"

struct picker {
	const char	*dir;
	const struct ui_choice *c;
	int		n, sel, top;
};

static void draw(struct ui *u, struct picker *p)
{
	int h = u->rows - 3, i, w = 0;
	char line[256];

	erase();
	for (i = 0; i < p->n; i++)
		w = (int)strlen(p->c[i].name) > w ? (int)strlen(p->c[i].name) : w;
	ui_fill(u, 0, 0, u->cols, A_REVERSE | A_BOLD);
	snprintf(line, sizeof(line), " mbviz: the scenarios in %s (%d)", p->dir, p->n);
	ui_puts_cut(u, 0, 0, u->cols, A_REVERSE | A_BOLD, line);
	if (p->sel < p->top)
		p->top = p->sel;
	if (h > 0 && p->sel >= p->top + h)
		p->top = p->sel - h + 1;
	for (i = 0; i < h && p->top + i < p->n; i++) {
		const struct ui_choice *c = &p->c[p->top + i];
		chtype a = p->top + i == p->sel ? A_REVERSE : A_NORMAL;

		ui_fill(u, 2 + i, 0, u->cols, a);
		/* The selection in a mark too: reverse video alone is lost on some terminals. */
		snprintf(line, sizeof(line), "%s%-*s  ", p->top + i == p->sel ? ">" : " ", w,
			 c->name);
		ui_puts(u, 2 + i, 0, u->cols, a | A_BOLD, line);
		ui_puts_cut(u, 2 + i, w + 3, u->cols - w - 3,
			    a | (c->title ? 0 : ui_attr(u, ST_FAIL)),
			    c->title ? c->title : "(does not load)");
	}
	ui_fill(u, u->rows - 1, 0, u->cols, A_REVERSE);
	/* Inside the UI (o) leaving goes back to the scenario shown. */
	ui_puts(u, u->rows - 1, 0, u->cols, A_REVERSE, u->sc ?
		" j/k Up/Down  move   Enter  open   Esc q  back to the scenario" :
		" j/k Up/Down  move   Enter  open   q  quit");
	refresh();
}

/* A key: 1 to open the selection, -1 to leave, 0 to go on. */
static int key(struct picker *p, int k, int page)
{
	switch (k) {
	case 'j': case KEY_DOWN:
		p->sel++;
		break;
	case 'k': case KEY_UP:
		p->sel--;
		break;
	case KEY_NPAGE: case ' ':
		p->sel += page;
		break;
	case KEY_PPAGE:
		p->sel -= page;
		break;
	case 'g': case KEY_HOME:
		p->sel = 0;
		break;
	case 'G': case KEY_END:
		p->sel = p->n - 1;
		break;
	case '\r': case '\n': case KEY_ENTER:
		return 1;
	case 'q': case 27:
		return -1;
	}
	if (p->sel >= p->n)
		p->sel = p->n - 1;
	if (p->sel < 0)
		p->sel = 0;
	return 0;
}

int ui_pick(struct ui *u, const char *dir, const struct ui_choice *c, int n, int first)
{
	struct picker p = { dir, c, n, first, 0 };
	struct ui_event ev;
	int r = 0;

	while (!r) {
		draw(u, &p);
		ui_term_event(u, -1, &ev);
		if (ev.kind == EV_KEY && ev.key != ERR)
			r = key(&p, ev.key, u->rows > 6 ? u->rows - 4 : 1);
		else if (ev.kind == EV_RESIZE)
			ui_term_resize(u, ev.cols, ev.rows);
		else if (ev.kind == EV_DUMP)
			ui_dump_screen(u, ev.title);
		else if (ev.kind == EV_END)
			r = -1;
	}
	return r > 0 ? p.sel : -1;
}
