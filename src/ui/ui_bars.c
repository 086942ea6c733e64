// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The header (scenario, step k / N, the step's call and result, its
 * warnings and whether its expectations held) and the status bar (the
 * main keys, as tig and htop show them, or a message, or a prompt).
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"

/* A line of text segments, each in its own attribute, clipped to the line. */
struct seg_line {
	struct ui	*u;
	int		y, x, end;
};

static void seg(struct seg_line *s, chtype attr, const char *text)
{
	if (s->x < s->end)
		s->x += ui_puts(s->u, s->y, s->x, s->end - s->x, attr, text);
}

static void title_bar(struct ui *u)
{
	const struct scenario *sc = u->sc;
	chtype bar = A_REVERSE | A_BOLD;
	char right[96], title[512];
	int n = timeline_steps(u->t), rlen;
	const char *label = u->step > 0 ? sc->steps[u->step - 1].as : NULL;

	/* The engine, when one runs; with two, the fourth header line names them. */
	rlen = snprintf(right, sizeof(right), " %s%s%s%s%sstep %d / %d ", label ? "$" : "",
			label ? label : "", label ? "  " : "", u->t2 ? "" : u->names[0],
			u->t2 ? "" : "  ", u->step, n);
	if (rlen > u->cols)
		rlen = u->cols;
	snprintf(title, sizeof(title), " %s: %s", sc->name ? sc->name : "scenario",
		 sc->title ? sc->title : "");
	ui_fill(u, 0, 0, u->cols, bar);
	ui_puts(u, 0, 0, u->cols - rlen - 1, bar, title);
	ui_puts(u, 0, u->cols - rlen, rlen, bar, right);
}

static void call_line(struct ui *u, const struct frame *in)
{
	struct seg_line s = { u, 1, 0, u->cols };
	char buf[512], w[48];
	int warns;

	if (u->step == 0) {
		seg(&s, ui_attr(u, ST_DIM), "before the first step: the machine as it boots, "
		    "memblock empty");
		return;
	}
	snprintf(buf, sizeof(buf), "steps[%d] ", u->step - 1);
	seg(&s, ui_attr(u, ST_DIM), buf);
	if (!in->out) {
		seg(&s, ui_attr(u, ST_HEADER), u->sc->steps[u->step - 1].spec->name);
		return;
	}
	call_format(&u->sc->machine, &in->out->call, &in->out->res, buf, sizeof(buf));
	seg(&s, ui_attr(u, ST_HEADER), buf);
	warns = steplog_warnings(&in->out->log);
	if (warns) {
		snprintf(w, sizeof(w), "  [%d warning%s]", warns, warns > 1 ? "s" : "");
		seg(&s, ui_attr(u, ST_WARN), w);
	}
}

static void failure_text(const struct failure *f, int more, char *buf, int len)
{
	int n = snprintf(buf, len, "%s: expected %s, got %s", f->path ? f->path : "?",
			 f->expected ? f->expected : "?", f->actual ? f->actual : "?");

	if (more && n < len)
		snprintf(buf + n, len - n, " (and %d more)", more);
}

static void expect_status(struct ui *u, struct seg_line *s, const struct frame *in)
{
	const struct step *st = u->step > 0 ? &u->sc->steps[u->step - 1] : NULL;
	char buf[512];

	if (u->step > 0 && in->out && in->out->error) {
		seg(s, ui_attr(u, ST_FAIL), "error: ");
		seg(s, ui_attr(u, ST_FAIL), in->out->error);
	} else if (in->out && in->out->nr_failures) {
		failure_text(&in->out->failures[0], in->out->nr_failures - 1, buf, sizeof(buf));
		seg(s, ui_attr(u, ST_FAIL), "expect: FAIL ");
		seg(s, ui_attr(u, ST_FAIL), buf);
	} else if (st && st->expect.present) {
		seg(s, ui_attr(u, ST_PASS), "expect: pass");
	} else {
		seg(s, ui_attr(u, ST_DIM), u->step ? "expect: none for this step" :
		    "expect: none before the first step");
	}
}

/* At the end, the scenario's top-level expect too. */
static void final_status(struct ui *u, struct seg_line *s)
{
	char buf[512];

	if (!u->final_checked || !u->sc->expect.present)
		return;
	seg(s, ui_attr(u, ST_DIM), "   end of scenario: ");
	if (u->final.error) {
		seg(s, ui_attr(u, ST_FAIL), "error: ");
		seg(s, ui_attr(u, ST_FAIL), u->final.error);
	} else if (u->final.nr_failures) {
		failure_text(&u->final.failures[0], u->final.nr_failures - 1, buf, sizeof(buf));
		seg(s, ui_attr(u, ST_FAIL), "expect: FAIL ");
		seg(s, ui_attr(u, ST_FAIL), buf);
	} else {
		seg(s, ui_attr(u, ST_PASS), "expect: pass");
	}
}

/* Two engines: both named, and whether (and where) they differ at this step. */
static void engines_line(struct ui *u)
{
	struct seg_line s = { u, 3, 0, u->cols };

	seg(&s, ui_attr(u, ST_HEADER), "A ");
	seg(&s, A_NORMAL, u->names[0]);
	seg(&s, ui_attr(u, ST_HEADER), "  B ");
	seg(&s, A_NORMAL, u->names[1]);
	if (!u->differ) {
		seg(&s, ui_attr(u, ST_PASS), "  the same state and result");
		return;
	}
	seg(&s, ui_attr(u, ST_FAIL), "  DIFFER: ");
	seg(&s, ui_attr(u, ST_FAIL), u->differ_text);
}

void ui_draw_header(struct ui *u, const struct frame *in)
{
	struct seg_line s = { u, 2, 0, u->cols };
	const char *err = timeline_error(u->t);

	title_bar(u);
	call_line(u, in);
	if (u->t2)
		engines_line(u);
	expect_status(u, &s, in);
	final_status(u, &s);
	/* The run cannot go on from here: say so on every visit. */
	if (err && u->step == u->stop && !(in->out && in->out->error)) {
		seg(&s, ui_attr(u, ST_FAIL), "   the run stops here: ");
		seg(&s, ui_attr(u, ST_FAIL), err);
	}
}

/* The keys a newcomer needs first; ? shows them all. */
static const char *const hints[][2] = {
	{ "n", "next" }, { "p", "prev" }, { ":", "goto" }, { "Space", "play" },
	{ "Tab", "node" }, { "z/Z", "zoom" }, { "t", "table" }, { "/", "find" },
	{ "?", "help" }, { "q", "quit" },
};

/* As many hints as fit whole. */
static void key_hints(struct seg_line *s)
{
	size_t i;

	for (i = 0; i < sizeof(hints) / sizeof(hints[0]); i++) {
		if (s->x + (int)(strlen(hints[i][0]) + strlen(hints[i][1])) + 1 > s->end)
			break;
		seg(s, A_REVERSE | A_BOLD, hints[i][0]);
		seg(s, A_REVERSE, " ");
		seg(s, A_REVERSE, hints[i][1]);
		seg(s, A_REVERSE, "  ");
	}
}

void ui_draw_status(struct ui *u)
{
	struct seg_line s = { u, u->rows - 1, 0, u->cols };
	char right[128], cur[64];
	int rlen;

	ui_fill(u, s.y, 0, u->cols, A_REVERSE);
	if (u->mode == MODE_PROMPT) {
		ui_draw_prompt(u);
		return;
	}
	ui_map_status(u, cur, sizeof(cur));
	if (u->playing)
		snprintf(right, sizeof(right), "playing, %d ms/step  %s  %s ",
			 ui_play_delays[u->speed], cur,
			 u->scale == SCALE_COMPACT ? "compact" : "linear");
	else
		snprintf(right, sizeof(right), "%s  %s ", cur,
			 u->scale == SCALE_COMPACT ? "compact" : "linear");
	rlen = (int)strlen(right);
	if (rlen < u->cols / 2)
		s.end = u->cols - rlen - 1;
	if (u->msg[0]) {
		seg(&s, A_REVERSE, " ");
		seg(&s, (u->msg_error ? ui_attr(u, ST_FAIL) : A_BOLD) | A_REVERSE, u->msg);
	} else {
		seg(&s, A_REVERSE, " ");
		key_hints(&s);
	}
	if (rlen < u->cols / 2)
		ui_puts(u, s.y, u->cols - rlen, rlen, A_REVERSE, right);
}
