// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The log pane: the scenario's note for the current step (ui_notes.c),
 * then what the
 * kernel printed for the steps so far (the memblock=debug lines, the
 * warnings), each step under a line with its call, as `mbviz run --trace`
 * prints them.  The current step's lines are marked and bold.  A step's
 * lines are an entry: the pane shows whole entries, the newest last, and
 * PgUp/PgDn move by whole entries, so it never opens on the tail of an
 * entry whose head has scrolled away.
 *
 * Only the steps that fit are formatted, newest first: the cost of a frame
 * does not grow with the number of steps behind.
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "util/xalloc.h"

static chtype kind_attr(struct ui *u, enum log_kind k)
{
	switch (k) {
	case LOG_WARN:
	case LOG_SPLAT:
		return ui_attr(u, ST_WARN);
	case LOG_ERR:
		return ui_attr(u, ST_FAIL);
	default:
		return A_NORMAL;
	}
}

/* The rows of step @i, in order. */
static void step_rows(struct ui *u, struct ui_lines *r, int i, int width)
{
	const struct step_outcome *o = timeline_outcome(ui_timeline(u), i);
	bool cur = i == u->step - 1;
	char call[512], *head;
	int k;

	if (!o) {
		head = xasprintf("# steps[%d] %s", i, u->sc->steps[i].spec->name);
		ui_wrap(r, head, width, 4, ui_attr(u, ST_DIM), cur);
		free(head);
		return;
	}
	call_format(&u->sc->machine, &o->call, &o->res, call, sizeof(call));
	head = xasprintf("# steps[%d] %s", i, call);
	ui_wrap(r, head, width, 4, cur ? ui_attr(u, ST_HEADER) : ui_attr(u, ST_DIM), cur);
	free(head);
	for (k = 0; k < o->log.nr; k++)
		ui_wrap(r, o->log.lines[k].text, width, 4, kind_attr(u, o->log.lines[k].kind), cur);
	for (k = 0; k < o->nr_failures; k++) {
		const struct failure *f = &o->failures[k];
		char *t = xasprintf("FAIL %s: expected %s, got %s", f->path ? f->path : "?",
				    f->expected ? f->expected : "?", f->actual ? f->actual : "?");

		ui_wrap(r, t, width, 4, ui_attr(u, ST_FAIL), cur);
		free(t);
	}
	if (o->error) {
		char *t = xasprintf("error: %s", o->error);

		ui_wrap(r, t, width, 4, ui_attr(u, ST_FAIL), cur);
		free(t);
	}
}

static void title(struct ui *u, const struct ui_rect *r)
{
	char t[128];

	if (u->step == 0)
		snprintf(t, sizeof(t), " log: what the kernel prints (memblock=debug)");
	else
		snprintf(t, sizeof(t), " log: steps[0..%d] (memblock=debug)%s", u->step - 1,
			 u->log_scroll ? "  PgDn: newer" : "");
	ui_fill(u, r->y, r->x, r->w, A_REVERSE);
	ui_puts(u, r->y, r->x, r->w, A_REVERSE, t);
}

/*
 * The entries that fit in @h rows, whole: the newest first, from
 * @u->log_scroll entries back.  Only the newest one shown may be cut (its
 * head is kept), when it alone is taller than the pane.  Returns the
 * number of entries shown.
 */
static int collect(struct ui *u, struct ui_lines *out, int h, int width)
{
	struct ui_lines *ent = xzalloc(h * sizeof(*ent) + sizeof(*ent));
	int i, k, n = 0, used = 0;

	for (i = u->step - 1 - u->log_scroll; i >= 0 && n < h; i--) {
		step_rows(u, &ent[n], i, width);
		if (n && used + ent[n].nr > h) {
			ui_lines_free(&ent[n]);
			break;
		}
		used += ent[n].nr;
		n++;
	}
	for (i = n - 1; i >= 0; i--) {
		for (k = 0; k < ent[i].nr && out->nr < h; k++)
			ui_lines_add(out, ent[i].rows[k].text, strlen(ent[i].rows[k].text),
				 ent[i].rows[k].attr, ent[i].rows[k].current);
		ui_lines_free(&ent[i]);
	}
	free(ent);
	return n;
}

void ui_draw_log(struct ui *u)
{
	const struct ui_rect *r = &u->lay.log;
	struct ui_lines rows = { 0 };
	int y = r->y + 1, h, i;

	if (u->log_scroll > u->step - 1)
		u->log_scroll = u->step > 0 ? u->step - 1 : 0;
	title(u, r);
	y += ui_draw_note(u, r, y, r->h - 1);
	h = r->y + r->h - y;
	if (h <= 0)
		return;
	if (u->step == 0) {
		ui_puts(u, y, r->x, r->w, ui_attr(u, ST_DIM), "no step run yet: n steps forward");
		return;
	}
	u->log_entries = collect(u, &rows, h, r->w - 2);
	for (i = 0; i < rows.nr; i++) {
		const struct ui_line *row = &rows.rows[i];

		ui_puts(u, y + i, r->x, 2, ui_attr(u, ST_HEADER), row->current ? "> " : "  ");
		ui_puts(u, y + i, r->x + 2, r->w - 2, row->attr | (row->current ? A_BOLD : 0),
			row->text);
	}
	ui_lines_free(&rows);
}
