// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The UI's core: where in the scenario we are, and the event loop.
 *
 * Every move goes through the timeline, so stepping back costs a restore
 * of the nearest checkpoint and a replay of the few steps since, at any
 * step of any scenario.  The UI keeps one extra copy: the state before
 * the current step, which the renderer needs to highlight the step's
 * changes.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run/step_frame.h"
#include "ui.h"
#include "util/xalloc.h"

/* Slowest first; the default is one step a second. */
const int ui_play_delays[] = { 4000, 2000, 1000, 500, 250, 100, 50 };
const int ui_nr_play_delays = sizeof(ui_play_delays) / sizeof(ui_play_delays[0]);
#define DEFAULT_SPEED	2

void ui_message(struct ui *u, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof(u->msg), fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

static void copy_prev(struct ui_pane *pn)
{
	state_free(&pn->prev);
	memset(&pn->prev, 0, sizeof(pn->prev));
	state_copy(&pn->prev, timeline_state(pn->t));
	pn->have_prev = true;
}

/* The previous state for a step reached any other way than by one step forward. */
static void fetch_prev(struct ui_pane *pn)
{
	int k = timeline_pos(pn->t);

	pn->have_prev = false;
	if (k == 0)
		return;
	timeline_goto(pn->t, k - 1);
	if (timeline_pos(pn->t) != k - 1)
		return;		/* a long step on the way back was cancelled */
	copy_prev(pn);
	timeline_goto(pn->t, k);
	pn->have_prev = timeline_pos(pn->t) == k;
}

/*
 * A step that Esc cancelled while the pane moved: remembered for the
 * message, and the next long step (fetching the state before) may run.
 */
static void note_cancel(struct ui *u, int p)
{
	int i = timeline_cancelled(u->pane[p].t);

	if (i < 0)
		return;
	u->progress.cancelled = i;
	u->progress.esc = false;
}

/*
 * Pane @p to the state after @k steps, with the state before it.  One
 * step forward costs one copy; any other move a replay of the step before.
 */
int ui_pane_goto(struct ui *u, int p, int k)
{
	struct ui_pane *pn = &u->pane[p];
	int ret;

	if (k > 0 && timeline_pos(pn->t) == k - 1) {
		copy_prev(pn);
		ret = timeline_goto(pn->t, k);
		note_cancel(u, p);
		if (ret)
			fetch_prev(pn);
	} else {
		ret = timeline_goto(pn->t, k);
		note_cancel(u, p);
		fetch_prev(pn);
	}
	return ret;
}

static void reset_final(struct ui *u)
{
	if (u->final_checked)
		step_outcome_free(&u->final);
	memset(&u->final, 0, sizeof(u->final));
	u->final_checked = false;
}

/*
 * Move to the state after @k steps.  A run-time error of the scenario
 * stops the run: the UI then stays at the last step it could reach and
 * says why.
 */
void ui_goto(struct ui *u, int k)
{
	struct timeline *t = ui_timeline(u);
	int n = ui_steps(u), ret, p, q;

	if (k < 0)
		k = 0;
	if (k > n)
		k = n;
	if (k == u->step && (k == 0 || u->pane[0].have_prev))
		return;
	reset_final(u);
	ui_progress_arm(u, 0);
	ret = ui_pane_goto(u, 0, k);
	ui_progress_disarm(u, 0);
	u->step = timeline_pos(t);
	u->follow = true;
	if (ret && timeline_error(t)) {
		u->stop = u->step;
		ui_message(u, true, "the run stops after %d steps: %s", u->step,
			   timeline_error(t) ? timeline_error(t) : "run-time error");
	}
	/* The other engines follow the first, and a step cancelled in one holds all back. */
	for (p = 1; p < u->nr_panes; p++) {
		ui_progress_arm(u, p);
		ui_pane_goto(u, p, u->step);
		ui_progress_disarm(u, p);
		if (timeline_pos(u->pane[p].t) < u->step) {
			u->step = timeline_pos(u->pane[p].t);
			for (q = 0; q < p; q++)
				ui_pane_goto(u, q, u->step);
		}
	}
	if (u->progress.cancelled >= 0)
		ui_message(u, false, "cancelled steps[%d] %s (Esc)",
			   u->progress.cancelled, u->sc->steps[u->progress.cancelled].spec->name);
	if (u->step == n && !timeline_error(t)) {
		timeline_check_final(t, &u->final);
		u->final_checked = true;
	}
	if (ui_two_engines(u))
		ui_engines_compare(u);
	u->log_scroll = 0;
	ui_table_clamp(u);
}

bool ui_step_marked(const struct ui *u, int i)
{
	const struct step *s = &u->sc->steps[i];

	return s->note || step_expect(s);
}

void ui_pane_input(struct ui *u, int p, struct frame *in)
{
	struct ui_pane *pn = &u->pane[p];
	int pos = timeline_pos(pn->t);

	frame_from_step(in, u->sc, pos, timeline_state(pn->t),
			pos > 0 && pn->have_prev ? &pn->prev : NULL,
			pos > 0 ? timeline_outcome(pn->t, pos - 1) : NULL, timeline_error(pn->t));
}

void ui_render_input(struct ui *u, struct frame *in)
{
	ui_pane_input(u, 0, in);
}

static void handle_resize(struct ui *u, const struct ui_event *ev)
{
	ui_term_resize(u, ev->cols, ev->rows);
	ui_layout(u);
	/* Everything is drawn again on the new size. */
	clearok(curscr, TRUE);
}

static void play_tick(struct ui *u)
{
	if (!u->playing)
		return;
	if (u->step >= ui_steps(u)) {
		u->playing = false;
		return;
	}
	ui_goto(u, u->step + 1);
	if (u->step >= ui_steps(u) || u->msg_error)
		u->playing = false;
}

static void handle_mouse(struct ui *u, const struct ui_event *ev)
{
	if (!u->mouse || u->lay.too_small)
		return;
	if (u->mode == MODE_HELP || u->mode == MODE_POPUP) {
		/* A click anywhere closes the overlay, as a key would. */
		if (ev->button == 1) {
			u->mode = MODE_NORMAL;
			ui_popup_close(u);
		}
		return;
	}
	if (u->mode != MODE_NORMAL)
		return;
	if (!ui_map_click(u, ev->x, ev->y, ev->button) && ev->button == 1)
		ui_table_click(u, ev->x, ev->y);
}

static void handle_key(struct ui *u, int key)
{
	if (key == ERR)
		return;
	u->msg[0] = 0;
	u->msg_error = false;
	switch (u->mode) {
	case MODE_HELP:
		ui_help_key(u, key);
		break;
	case MODE_PROMPT:
		ui_prompt_key(u, key);
		break;
	case MODE_POPUP:
		ui_popup_key(u, key);
		break;
	default:
		ui_key(u, key);
		break;
	}
}

static void handle(struct ui *u, const struct ui_event *ev)
{
	switch (ev->kind) {
	case EV_KEY:
		handle_key(u, ev->key);
		break;
	case EV_MOUSE:
		handle_mouse(u, ev);
		break;
	case EV_RESIZE:
		handle_resize(u, ev);
		break;
	case EV_TICK:
		play_tick(u);
		break;
	case EV_DUMP:
		ui_dump_screen(u, ev->title);
		break;
	case EV_END:
		u->quit = true;
		break;
	}
}

/* What the UI keeps of a scenario: set up at the start and by ui_switch(). */
static void scenario_start(struct ui *u)
{
	u->step = -1;
	u->stop = -1;
	u->playing = false;
	u->table = UT_RESERVED;
	u->sel[UT_MEMORY] = u->sel[UT_RESERVED] = u->sel[UT_ZONES] = -1;
	u->table_top = 0;
	u->focus = 0;
	u->focus_nid = -1;
	u->zoomed = false;
	u->map_top = 0;
	u->log_scroll = 0;
	u->differ = false;
	canvas_init(&u->tcv);
	canvas_init(&u->tcv_b);
	canvas_init(&u->ecv);
	ui_map_spans(u);
	ui_goto(u, u->first_step);
	ui_layout(u);
}

static void scenario_end(struct ui *u)
{
	int p;

	ui_map_free(u);
	canvas_free(&u->ecv);
	canvas_free(&u->tcv);
	canvas_free(&u->tcv_b);
	free(u->tlines);
	u->tlines = NULL;
	u->nr_tlines = 0;
	ui_popup_close(u);
	reset_final(u);
	for (p = 0; p < u->nr_panes; p++) {
		state_free(&u->pane[p].prev);
		memset(&u->pane[p].prev, 0, sizeof(u->pane[p].prev));
		u->pane[p].have_prev = false;
	}
}

void ui_switch(struct ui *u, const struct scenario *sc, struct timeline *const *t,
	       char *const *names, int n)
{
	int p;

	scenario_end(u);
	u->sc = sc;
	for (p = 0; p < n && p < UI_MAX_PANES; p++) {
		u->pane[p].t = t[p];
		u->pane[p].name = names[p];
	}
	u->nr_panes = p;
	u->first_step = 0;
	u->mode = MODE_NORMAL;
	scenario_start(u);
}

int ui_run(struct ui *u)
{
	struct ui_event ev;

	u->speed = DEFAULT_SPEED;
	u->view_all = true;
	u->scale = SCALE_LINEAR;
	scenario_start(u);
	ui_draw(u);
	while (!u->quit) {
		ui_term_event(u, u->playing ? ui_play_delays[u->speed] : -1, &ev);
		ui_keytime_start(u->keytime);
		handle(u, &ev);
		ui_keytime_lap(u->keytime, KT_KEY);
		if (!u->quit)
			ui_draw(u);
		ui_keytime_end(u->keytime, ev.kind == EV_KEY ? ev.key : -1);
	}
	scenario_end(u);
	return 0;
}
