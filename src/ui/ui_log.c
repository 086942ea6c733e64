// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The log pane: the scenario's note for the current step, then what the
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

struct log_row {
	char		*text;
	chtype		attr;
	bool		current;
};

struct log_rows {
	int		nr, alloc;
	struct log_row	*rows;
};

static void rows_add(struct log_rows *r, const char *text, size_t len, chtype attr, bool cur)
{
	char *t = xrealloc(NULL, len + 1);

	memcpy(t, text, len);
	t[len] = 0;
	if (r->nr == r->alloc) {
		r->alloc = r->alloc ? 2 * r->alloc : 64;
		r->rows = xrealloc(r->rows, r->alloc * sizeof(*r->rows));
	}
	r->rows[r->nr++] = (struct log_row){ t, attr, cur };
}

static void rows_free(struct log_rows *r)
{
	int i;

	for (i = 0; i < r->nr; i++)
		free(r->rows[i].text);
	free(r->rows);
	memset(r, 0, sizeof(*r));
}

/* Bytes of @s that fill at most @cols columns. */
static size_t text_bytes(const char *s, int cols)
{
	size_t i = 0;

	while (s[i] && cols > 0) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		cols--;
	}
	return i;
}

/*
 * Wrap @text at blanks to @width columns; words longer than a line are
 * cut.  Continuation lines are indented by @indent.
 */
static void wrap(struct log_rows *r, const char *text, int width, int indent, chtype attr,
		 bool cur)
{
	char *line = xrealloc(NULL, strlen(text) + indent + 1);
	int w = width, first = 1;

	if (w < 8)
		w = 8;
	while (*text || first) {
		size_t fit = text_bytes(text, first ? w : w - indent), cut = fit;
		int pad = first ? 0 : indent;

		if (text[fit]) {
			while (cut > 0 && text[cut] != ' ')
				cut--;
			if (!cut)
				cut = fit;
		}
		memset(line, ' ', pad);
		memcpy(line + pad, text, cut);
		rows_add(r, line, pad + cut, attr, cur);
		text += cut;
		while (*text == ' ')
			text++;
		first = 0;
	}
	free(line);
}

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
static void step_rows(struct ui *u, struct log_rows *r, int i, int width)
{
	const struct step_outcome *o = timeline_outcome(ui_timeline(u), i);
	bool cur = i == u->step - 1;
	char call[512], *head;
	int k;

	if (!o) {
		head = xasprintf("# steps[%d] %s", i, u->sc->steps[i].spec->name);
		wrap(r, head, width, 4, ui_attr(u, ST_DIM), cur);
		free(head);
		return;
	}
	call_format(&u->sc->machine, &o->call, &o->res, call, sizeof(call));
	head = xasprintf("# steps[%d] %s", i, call);
	wrap(r, head, width, 4, cur ? ui_attr(u, ST_HEADER) : ui_attr(u, ST_DIM), cur);
	free(head);
	for (k = 0; k < o->log.nr; k++)
		wrap(r, o->log.lines[k].text, width, 4, kind_attr(u, o->log.lines[k].kind), cur);
	for (k = 0; k < o->nr_failures; k++) {
		const struct failure *f = &o->failures[k];
		char *t = xasprintf("FAIL %s: expected %s, got %s", f->path ? f->path : "?",
				    f->expected ? f->expected : "?", f->actual ? f->actual : "?");

		wrap(r, t, width, 4, ui_attr(u, ST_FAIL), cur);
		free(t);
	}
	if (o->error) {
		char *t = xasprintf("error: %s", o->error);

		wrap(r, t, width, 4, ui_attr(u, ST_FAIL), cur);
		free(t);
	}
}

/* The note, at most half the pane; returns the rows used. */
static int draw_note(struct ui *u, const struct ui_rect *r, int y)
{
	const char *note = u->step > 0 ? u->sc->steps[u->step - 1].note : NULL;
	struct log_rows n = { 0 };
	char *text;
	int i, max = (r->h - 1) / 2;

	if (!note)
		return 0;
	text = xasprintf("note: %s", note);
	wrap(&n, text, r->w, 6, ui_attr(u, ST_NOTE), false);
	free(text);
	for (i = 0; i < n.nr && i < max; i++)
		ui_puts(u, y + i, r->x, r->w, ui_attr(u, ST_NOTE), n.rows[i].text);
	if (n.nr > max && max > 0)
		ui_puts(u, y + max - 1, r->x + r->w - 3, 3, ui_attr(u, ST_NOTE),
			u->utf8 ? " \u2026" : "...");
	rows_free(&n);
	return i;
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
static int collect(struct ui *u, struct log_rows *out, int h, int width)
{
	struct log_rows *ent = xzalloc(h * sizeof(*ent) + sizeof(*ent));
	int i, k, n = 0, used = 0;

	for (i = u->step - 1 - u->log_scroll; i >= 0 && n < h; i--) {
		step_rows(u, &ent[n], i, width);
		if (n && used + ent[n].nr > h) {
			rows_free(&ent[n]);
			break;
		}
		used += ent[n].nr;
		n++;
	}
	for (i = n - 1; i >= 0; i--) {
		for (k = 0; k < ent[i].nr && out->nr < h; k++)
			rows_add(out, ent[i].rows[k].text, strlen(ent[i].rows[k].text),
				 ent[i].rows[k].attr, ent[i].rows[k].current);
		rows_free(&ent[i]);
	}
	free(ent);
	return n;
}

void ui_draw_log(struct ui *u)
{
	const struct ui_rect *r = &u->lay.log;
	struct log_rows rows = { 0 };
	int y = r->y + 1, h, i;

	if (u->log_scroll > u->step - 1)
		u->log_scroll = u->step > 0 ? u->step - 1 : 0;
	title(u, r);
	y += draw_note(u, r, y);
	h = r->y + r->h - y;
	if (h <= 0)
		return;
	if (u->step == 0) {
		ui_puts(u, y, r->x, r->w, ui_attr(u, ST_DIM), "no step run yet: n steps forward");
		return;
	}
	u->log_entries = collect(u, &rows, h, r->w - 2);
	for (i = 0; i < rows.nr; i++) {
		const struct log_row *row = &rows.rows[i];

		ui_puts(u, y + i, r->x, 2, ui_attr(u, ST_HEADER), row->current ? "> " : "  ");
		ui_puts(u, y + i, r->x + 2, r->w - 2, row->attr | (row->current ? A_BOLD : 0),
			row->text);
	}
	rows_free(&rows);
}
