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

static void copy_prev(struct ui *u)
{
	state_free(&u->prev);
	memset(&u->prev, 0, sizeof(u->prev));
	state_copy(&u->prev, timeline_state(u->t));
	u->have_prev = true;
}

/* The previous state for a step reached any other way than by one step forward. */
static void fetch_prev(struct ui *u)
{
	int k = timeline_pos(u->t);

	u->have_prev = false;
	if (k == 0)
		return;
	timeline_goto(u->t, k - 1);
	copy_prev(u);
	timeline_goto(u->t, k);
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
	int n = timeline_steps(u->t), ret;

	if (k < 0)
		k = 0;
	if (k > n)
		k = n;
	if (k == u->step && (k == 0 || u->have_prev))
		return;
	reset_final(u);
	if (u->step >= 0 && k == u->step + 1) {
		copy_prev(u);
		ret = timeline_goto(u->t, k);
		if (ret)
			fetch_prev(u);
	} else {
		ret = timeline_goto(u->t, k);
		fetch_prev(u);
	}
	u->step = timeline_pos(u->t);
	if (ret) {
		u->stop = u->step;
		ui_message(u, true, "the run stops at step %d: %s", u->step,
			   timeline_error(u->t) ? timeline_error(u->t) : "run-time error");
	}
	if (u->step == n && !timeline_error(u->t)) {
		timeline_check_final(u->t, &u->final);
		u->final_checked = true;
	}
	ui_second_goto(u, u->step);
	u->log_scroll = 0;
	ui_table_clamp(u);
}

bool ui_step_marked(const struct ui *u, int i)
{
	const struct step *s = &u->sc->steps[i];

	return s->note || s->expect.present;
}

void ui_render_input(struct ui *u, struct frame *in)
{
	frame_from_step(in, u->sc, u->step, timeline_state(u->t),
			u->step > 0 && u->have_prev ? &u->prev : NULL,
			u->step > 0 ? timeline_outcome(u->t, u->step - 1) : NULL, timeline_error(u->t));
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
	if (u->step >= timeline_steps(u->t)) {
		u->playing = false;
		return;
	}
	ui_goto(u, u->step + 1);
	if (u->step >= timeline_steps(u->t) || u->msg_error)
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
		ui_popup_close(u);
		u->mode = MODE_NORMAL;
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

int ui_run(struct ui *u)
{
	struct ui_event ev;

	u->step = -1;
	u->stop = -1;
	u->speed = DEFAULT_SPEED;
	u->view_all = true;
	u->scale = SCALE_LINEAR;
	u->table = UT_RESERVED;
	u->sel[UT_MEMORY] = u->sel[UT_RESERVED] = u->sel[UT_ZONES] = -1;
	u->focus_nid = -1;
	canvas_init(&u->tcv);
	canvas_init(&u->ecv);
	ui_goto(u, u->first_step);
	ui_layout(u);
	while (!u->quit) {
		ui_draw(u);
		ui_term_event(u, u->playing ? ui_play_delays[u->speed] : -1, &ev);
		handle(u, &ev);
	}
	ui_map_free(u);
	ui_second_close(u);
	canvas_free(&u->ecv);
	canvas_free(&u->tcv);
	free(u->tlines);
	u->tlines = NULL;
	ui_popup_close(u);
	reset_final(u);
	state_free(&u->prev);
	return 0;
}
