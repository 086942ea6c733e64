// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The header (scenario, step k / N, the step's call and result, its
 * warnings and whether its expectations held) and the status bar (the
 * main keys, as tig and htop show them, or a message, or a prompt).
 */
#include <stdio.h>
#include <string.h>

#include "ui.h"
#include "util/xalloc.h"

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
	char right[128], title[512], version[32] = "";
	int n = ui_steps(u), rlen;
	const char *label = u->step > 0 ? sc->steps[u->step - 1].as : NULL;
	char where[48];

	/*
	 * The step as the call line, the log and `check` name it, and how far
	 * along; the scenario's kernel version unless it is the default, 6.1
	 * (issue 12); the engine, when one runs (with two, the fourth header
	 * line names them).
	 */
	if (u->step)
		snprintf(where, sizeof(where), "steps[%d] %d/%d", u->step - 1, u->step, n);
	else
		snprintf(where, sizeof(where), "start 0/%d", n);
	if (sc->machine.kernel != KERNEL_6_1)
		snprintf(version, sizeof(version), "Linux %s  ", kernel_version_name(sc->machine.kernel));
	rlen = snprintf(right, sizeof(right), " %s%s%s%s%s%s%s ", label ? "$" : "",
			label ? label : "", label ? "  " : "", version,
			ui_two_engines(u) ? "" : u->pane[0].name, ui_two_engines(u) ? "" : "  ", where);
	if (rlen > u->cols)
		rlen = u->cols;
	snprintf(title, sizeof(title), " %s: %s", sc->name ? sc->name : "scenario",
		 sc->title ? sc->title : "");
	ui_fill(u, 0, 0, u->cols, bar);
	ui_puts_cut(u, 0, 0, u->cols - rlen - 1, bar, title);
	ui_puts(u, 0, u->cols - rlen, rlen, bar, right);
}

/* The call line's text: "steps[i] memblock_...(...) = result". */
static void call_text(struct ui *u, const struct frame *in, char *buf, int len)
{
	int n;

	if (u->step == 0) {
		snprintf(buf, len, "before the first step: the machine as it boots, memblock empty");
		return;
	}
	n = snprintf(buf, len, "steps[%d] ", u->step - 1);
	if (!in->out)
		snprintf(buf + n, len - n, "%s", u->sc->steps[u->step - 1].spec->name);
	else
		call_format(&u->sc->machine, &in->out->call, &in->out->res, buf + n, len - n);
}

/* Rows the call may take: 4, or 2 on a short terminal, where the map needs them. */
static int max_call_rows(const struct ui *u)
{
	return u->rows >= 24 ? 4 : 2;
}

/*
 * The call, wrapped at blanks (an argument or the result is never cut),
 * in at most max_call_rows() rows.  When it needs more, the last row
 * ends with "… = result": the arguments that do not fit are left out,
 * the result never is.
 */
static void call_lines(struct ui *u, struct ui_lines *l)
{
	struct frame in;
	char buf[1024], *res, *last;
	int max = max_call_rows(u), room;

	ui_render_input(u, &in);
	call_text(u, &in, buf, sizeof(buf));
	ui_wrap(l, buf, u->cols, 4, ui_attr(u, ST_HEADER), false);
	if (l->nr <= max)
		return;
	res = strstr(buf, ") = ");
	res = res ? res + 1 : buf + strlen(buf);
	while (l->nr > max)
		free(l->rows[--l->nr].text);
	last = l->rows[max - 1].text;
	room = u->cols - 2 - (int)strlen(res);
	/* Whole tokens only: cut the last row at a blank that leaves room. */
	while ((int)strlen(last) > room && strrchr(last, ' ') > last + 4)
		*strrchr(last, ' ') = 0;
	l->rows[max - 1].text = xasprintf("%s %s%s", last, u->utf8 ? "\u2026" : "...", res);
	free(last);
}

int ui_call_rows(struct ui *u)
{
	struct ui_lines l = { 0 };
	int n;

	if (u->cols < UI_MIN_COLS)
		return 1;
	call_lines(u, &l);
	n = l.nr;
	ui_lines_free(&l);
	return n;
}

static void call_line(struct ui *u, const struct frame *in)
{
	struct ui_lines l = { 0 };
	struct seg_line s;
	char w[48];
	int warns, i, rows = ui_call_rows(u);

	call_lines(u, &l);
	for (i = 0; i < rows; i++)
		ui_puts(u, 1 + i, 0, u->cols, u->step ? ui_attr(u, ST_HEADER) : ui_attr(u, ST_DIM),
			l.rows[i].text);
	/* The step's name dim, as in the log. */
	if (u->step)
		ui_puts(u, 1, 0, (int)strcspn(l.rows[0].text, " "), ui_attr(u, ST_DIM),
			l.rows[0].text);
	s = (struct seg_line){ u, rows, (int)strlen(l.rows[rows - 1].text), u->cols };
	ui_lines_free(&l);
	warns = in->out ? steplog_warnings(&in->out->log) : 0;
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
	} else if (st && step_expect(st)) {
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
	struct seg_line s = { u, 2 + ui_call_rows(u), 0, u->cols };

	seg(&s, ui_attr(u, ST_HEADER), "A ");
	seg(&s, A_NORMAL, u->pane[0].name);
	seg(&s, ui_attr(u, ST_HEADER), "  B ");
	seg(&s, A_NORMAL, u->pane[1].name);
	if (!u->differ) {
		seg(&s, ui_attr(u, ST_PASS), "  the same state and result");
		return;
	}
	seg(&s, ui_attr(u, ST_FAIL), "  DIFFER: ");
	seg(&s, ui_attr(u, ST_FAIL), u->differ_text);
}

void ui_draw_header(struct ui *u, const struct frame *in)
{
	struct seg_line s = { u, 1 + ui_call_rows(u), 0, u->cols };
	const char *err = timeline_error(ui_timeline(u));

	title_bar(u);
	call_line(u, in);
	if (ui_two_engines(u))
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
	{ "e", "legend" }, { "i", "about" }, { "o", "open" },
	{ "?", "help" }, { "q", "quit" },
};

#define NR_HINTS	(int)(sizeof(hints) / sizeof(hints[0]))
/* The last hints (? help, q quit) are kept at every width. */
#define NR_ESSENTIAL	2

static int hint_width(int i)
{
	return (int)(strlen(hints[i][0]) + 1 + strlen(hints[i][1]) + 2);
}

static void hint(struct seg_line *s, int i)
{
	seg(s, A_REVERSE | A_BOLD, hints[i][0]);
	seg(s, A_REVERSE, " ");
	seg(s, A_REVERSE, hints[i][1]);
	seg(s, A_REVERSE, "  ");
}

/* The essential hints, then as many of the others as fit whole before them. */
static void key_hints(struct seg_line *s)
{
	int i, essential = 0;

	for (i = NR_HINTS - NR_ESSENTIAL; i < NR_HINTS; i++)
		essential += hint_width(i);
	for (i = 0; i < NR_HINTS - NR_ESSENTIAL; i++) {
		if (s->x + hint_width(i) + essential > s->end + 2)
			break;
		hint(s, i);
	}
	for (i = NR_HINTS - NR_ESSENTIAL; i < NR_HINTS; i++)
		hint(s, i);
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
