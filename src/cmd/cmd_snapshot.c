// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz snapshot FILE [--step N|LABEL|--all] [--width COLS] [--node N]
 *                     [--scale linear|compact] [--color=auto|always|never]
 *                     [--utf8] [--engine=SPEC] [-o FILE]
 *
 * Pictures of a step's state as text, for mails, documentation and commit
 * messages.  ASCII unless asked otherwise, so that they survive any mail
 * client.  The output depends only on the scenario and the options: when
 * it does not go to a terminal, the width is 80 columns unless given, and
 * colour is off unless asked for.  With -o the file is written atomically.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "util/atomic_file.h"
#include "cmd_open.h"
#include "commands.h"
#include "run/step_frame.h"
#include "render/render.h"
#include "render/render_svg.h"
#include "scenario/scenario.h"
#include "run/timeline.h"
#include "util/xalloc.h"

struct snap_opts {
	const char		*output;
	bool			all;
	int			width;		/* 0: the terminal's, or 80 */
	int			node;
	enum render_scale	scale;
	enum color_mode		color;
	bool			utf8;
	bool			svg;		/* --format svg */
};

static int parse_args(const struct cmd_line *cl, struct snap_opts *o)
{
	long n;
	int i;

	o->width = cl->width;
	o->color = cl->color;
	for (i = 0; i < cl->nr_args; i++) {
		const struct cmd_arg *a = &cl->args[i];

		switch (a->key) {
		case KEY_ALL:
			o->all = true;
			break;
		case KEY_UTF8:
			o->utf8 = true;
			break;
		case 'o':
			o->output = a->value;
			break;
		case KEY_NODE:
			if ((n = cmd_number(cl, "--node", a->value, 0, MACHINE_MAX_NUMNODES)) < 0)
				return -1;
			o->node = (int)n;
			break;
		case KEY_FORMAT:
			if (strcmp(a->value, "text") && strcmp(a->value, "svg")) {
				cmd_error(cl, "--format is text or svg, not '%s'", a->value);
				return -1;
			}
			o->svg = !strcmp(a->value, "svg");
			break;
		case KEY_SCALE:
			if ((n = render_scale_lookup(a->value)) < 0) {
				cmd_error(cl, "--scale is linear or compact, not '%s'", a->value);
				return -1;
			}
			o->scale = n;
			break;
		}
	}
	if (o->all && cl->step) {
		cmd_error(cl, "--step and --all exclude each other");
		return -1;
	}
	return 0;
}

static int terminal_width(void)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col < RENDER_MIN_WIDTH ? RENDER_MIN_WIDTH :
		       ws.ws_col > RENDER_MAX_WIDTH ? RENDER_MAX_WIDTH : ws.ws_col;
	return 80;
}

static void settle_output(const struct snap_opts *o, struct render_opts *ro, bool *ansi)
{
	bool tty = !o->output && isatty(STDOUT_FILENO);
	const char *term = getenv("TERM");

	render_opts_init(ro);
	ro->width = o->width ? o->width : tty ? terminal_width() : 80;
	ro->node = o->node;
	ro->scale = o->scale;
	ro->utf8 = o->utf8;
	*ansi = o->color == COLOR_ALWAYS ||
		(o->color == COLOR_AUTO && tty && !getenv("NO_COLOR") &&
		 !(term && !strcmp(term, "dumb")));
}

struct drawing {
	const struct scenario	*sc;
	struct timeline		*t;
	struct render_opts	ro;
	struct canvas		cv;
	struct mb_state		prev;	/* the state one step before, a copy */
	bool			have_prev;
};

/* Draw the state after @k steps; returns 0 or -1 on a run-time error. */
static int draw_step(struct drawing *d, int k, bool last)
{
	struct frame in;

	if (k > 0 && !d->have_prev) {
		if (timeline_goto(d->t, k - 1))
			return -1;
		state_copy(&d->prev, timeline_state(d->t));
		d->have_prev = true;
	}
	if (timeline_goto(d->t, k))
		return -1;
	frame_from_step(&in, d->sc, k, timeline_state(d->t), k > 0 ? &d->prev : NULL,
			k > 0 ? timeline_outcome(d->t, k - 1) : NULL, NULL);
	d->ro.legend = last;
	render_snapshot(&d->cv, &in, &d->ro);
	d->ro.title = false;		/* --all: the scenario's title once, on top */
	/* The next step's previous state is this one. */
	state_free(&d->prev);
	state_copy(&d->prev, in.st);
	d->have_prev = true;
	return 0;
}

static int draw(struct drawing *d, const struct snap_opts *o, const char *step)
{
	int k, first, last;

	first = last = scenario_step_arg(d->sc, step, "snapshot");
	if (first < 0)
		return 2;
	if (o->all) {
		first = 0;
		last = d->sc->nr_steps;
	}
	for (k = first; k <= last; k++) {
		if (k > first)
			canvas_line(&d->cv, RL_TEXT, -1, -1);
		if (draw_step(d, k, k == last)) {
			fprintf(stderr, "%s\n", timeline_error(d->t) ? timeline_error(d->t) :
				"mbviz: snapshot: the run stopped with an error");
			return 2;
		}
	}
	return 0;
}

/* The picture as SVG: colour unless --color=never (or NO_COLOR and not --color=always). */
static char *svg_text(const struct snap_opts *o, const struct scenario *sc,
		      const struct canvas *cv, size_t *len)
{
	struct svg_opts so = { .standalone = true, .id = "mbviz", .title = sc->name };
	const char *nc = getenv("NO_COLOR");

	so.color = o->color == COLOR_ALWAYS || (o->color == COLOR_AUTO && !(nc && *nc));
	return canvas_svg(cv, &so, len);
}

static int emit(const struct snap_opts *o, const struct scenario *sc, const struct canvas *cv,
		bool ansi)
{
	size_t len;
	char *text = o->svg ? svg_text(o, sc, cv, &len) : canvas_text(cv, ansi, &len), err[1024];
	int status = 0;

	if (!text) {
		fputs("mbviz: out of memory\n", stderr);
		return 3;
	}
	if (o->output) {
		if (atomic_write_file(o->output, text, len, err, sizeof(err))) {
			fprintf(stderr, "mbviz: snapshot: %s\n", err);
			status = 2;
		}
	} else if (fwrite(text, 1, len, stdout) != len || fflush(stdout)) {
		perror("mbviz: snapshot: standard output");
		status = 2;
	}
	free(text);
	return status;
}

int cmd_snapshot(const struct cmd_line *cl)
{
	struct snap_opts opts = { .node = -1 };
	struct drawing d = { 0 };
	struct cmd_opened o;
	int status;
	bool ansi;

	if (parse_args(cl, &opts))
		return 2;
	status = cmd_open_run(cl, 0, &o);
	if (!status) {
		d.sc = o.sc;
		d.t = o.t;
		settle_output(&opts, &d.ro, &ansi);
		canvas_init(&d.cv);
		status = draw(&d, &opts, cl->step);
		if (!status)
			status = emit(&opts, o.sc, &d.cv, ansi);
		canvas_free(&d.cv);
		state_free(&d.prev);
	}
	cmd_close_run(&o);
	return status;
}
