// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A long step (a kernel engine walking a hand-over block by block or page
 * by page) while the UI moves: the status line says how far the walk is,
 * and Esc cancels it, back to the state before that step.  The engine
 * calls the hook the timeline hands it (run/timeline.h) every so many
 * steps of its walk; nothing below the UI knows of curses.
 *
 * In the test mode the keys come from the script: at each call the hook
 * takes the script's dumps (of the screen with the progress on it) and an
 * Esc, if those come next, and leaves any other event for later.
 */
#include <stdio.h>
#include <time.h>

#include "ui.h"

/* How often the terminal is redrawn, at most. */
#define REDRAW_MS	100

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void draw(struct ui *u, const struct timeline *t, uint64_t done, uint64_t total)
{
	int i = timeline_running(t), y = u->rows - 1;
	char text[256];

	snprintf(text, sizeof(text), " steps[%d] %s: walked %llu of %llu (%d%%), Esc cancels", i, i < u->sc->nr_steps ? u->sc->steps[i].spec->name : "?",
		 (unsigned long long)done, (unsigned long long)total,
		 total ? (int)(done * 100 / total) : 0);
	ui_fill(u, y, 0, u->cols, A_REVERSE);
	ui_puts(u, y, 0, u->cols, A_BOLD | A_REVERSE, text);
	wnoutrefresh(stdscr);
	doupdate();
}

/* Whether Esc is waiting, taking it (and, in the test mode, the dumps before it). */
static bool esc_pressed(struct ui *u)
{
	struct ui_event ev;
	int ch;

	if (u->script) {
		while (ui_script_peek(u->script, &ev)) {
			if (ev.kind == EV_DUMP)
				ui_dump_screen(u, ev.title);
			else if (ev.kind != EV_KEY || ev.key != 27)
				return false;
			ui_script_event(u->script, &ev);
			if (ev.kind == EV_KEY)
				return true;
		}
		return false;
	}
	wtimeout(stdscr, 0);
	while ((ch = wgetch(stdscr)) != ERR) {
		if (ch == 27)
			return true;
		/* Anything else waits for the step to end (a resize, a key typed ahead). */
		if (ch != KEY_MOUSE) {
			ungetch(ch);
			return false;
		}
	}
	return false;
}

static bool progress(void *ctx, uint64_t done, uint64_t total)
{
	struct ui_progress *pg = ctx;
	struct ui *u = pg->u;
	double now = now_ms();

	if (pg->esc)
		return false;
	if (u->script || !pg->drawn || now - pg->last >= REDRAW_MS) {
		draw(u, u->pane[pg->pane].t, done, total);
		pg->drawn = true;
		pg->last = now;
	}
	if (*u->interrupted || esc_pressed(u))
		pg->esc = true;
	return !pg->esc;
}

void ui_progress_arm(struct ui *u, int pane)
{
	int cancelled = pane ? u->progress.cancelled : -1;

	/* A move starts with pane 0; the other panes follow in the same move. */
	u->progress = (struct ui_progress){ .u = u, .pane = pane, .cancelled = cancelled };
	timeline_set_progress(u->pane[pane].t, (struct engine_progress){ progress, &u->progress });
}

void ui_progress_disarm(struct ui *u, int pane)
{
	timeline_set_progress(u->pane[pane].t, (struct engine_progress){ NULL, NULL });
}
