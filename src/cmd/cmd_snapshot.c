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
#include "commands.h"
#include "run/engine.h"
#include "run/step_frame.h"
#include "render/render.h"
#include "scenario/scenario.h"
#include "run/timeline.h"
#include "util/xalloc.h"

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct snap_opts {
	const char		*file;
	const char		*output;
	const char		*engine;
	const char		*step;		/* as given: a number or a label */
	bool			all;
	int			width;		/* 0: the terminal's, or 80 */
	int			node;
	enum render_scale	scale;
	enum color_mode		color;
	bool			utf8;
};

static void snap_usage(FILE *f)
{
	fputs("usage: mbviz snapshot FILE [--step N|LABEL|--all] [--width COLS] [--node N]\n"
	      "                      [--scale linear|compact] [--color=auto|always|never]\n"
	      "                      [--utf8] [--engine=model] [-o FILE]\n", f);
}

/* A decimal in [min, max], or -1 with a message. */
static long parse_num(const char *opt, const char *s, long min, long max)
{
	char *end;
	long v;

	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		goto bad;
	v = strtol(s, &end, 10);
	if (v < min || v > max)
		goto bad;
	return v;
bad:
	fprintf(stderr, "mbviz: snapshot: %s takes a number from %ld to %ld, not '%s'\n", opt, min,
		max, s);
	return -1;
}

/* "--name VALUE" or "--name=VALUE"; NULL when @a is not that option. */
static const char *opt_value(int argc, char **argv, int *i, const char *name, bool *missing)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n])
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

static int parse_value(struct snap_opts *o, const char *name, const char *v)
{
	long n;

	if (!strcmp(name, "--step")) {
		o->step = v;
	} else if (!strcmp(name, "--width")) {
		if ((n = parse_num(name, v, RENDER_MIN_WIDTH, RENDER_MAX_WIDTH)) < 0)
			return -1;
		o->width = (int)n;
	} else if (!strcmp(name, "--node")) {
		if ((n = parse_num(name, v, 0, MACHINE_MAX_NUMNODES)) < 0)
			return -1;
		o->node = (int)n;
	} else if (!strcmp(name, "--scale")) {
		if ((n = render_scale_lookup(v)) < 0) {
			fprintf(stderr, "mbviz: snapshot: --scale is linear or compact, not '%s'\n", v);
			return -1;
		}
		o->scale = n;
	} else if (!strcmp(name, "--color")) {
		if (!strcmp(v, "auto"))
			o->color = COLOR_AUTO;
		else if (!strcmp(v, "always"))
			o->color = COLOR_ALWAYS;
		else if (!strcmp(v, "never"))
			o->color = COLOR_NEVER;
		else {
			fprintf(stderr, "mbviz: snapshot: --color is auto, always or never, not '%s'\n",
				v);
			return -1;
		}
	} else if (!strcmp(name, "-o")) {
		o->output = v;
	} else if (!strcmp(name, "--engine")) {
		o->engine = v;
	}
	return 0;
}

static const char *const valued[] = {
	"--step", "--width", "--node", "--scale", "--color", "--engine", "-o",
};

static int parse_option(int argc, char **argv, int *i, struct snap_opts *o)
{
	const char *a = argv[*i];
	bool missing = false;
	size_t k;

	if (!strcmp(a, "--all")) {
		o->all = true;
		return 0;
	}
	if (!strcmp(a, "--utf8")) {
		o->utf8 = true;
		return 0;
	}
	if (!strcmp(a, "--color")) {
		o->color = COLOR_ALWAYS;
		return 0;
	}
	if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
		snap_usage(stdout);
		exit(0);
	}
	for (k = 0; k < sizeof(valued) / sizeof(valued[0]); k++) {
		const char *v = opt_value(argc, argv, i, valued[k], &missing);

		if (v)
			return parse_value(o, valued[k], v);
		if (missing) {
			fprintf(stderr, "mbviz: snapshot: %s needs a value\n", a);
			return -1;
		}
	}
	fprintf(stderr, "mbviz: snapshot: unknown option '%s'\n", a);
	return -1;
}

static int parse_args(int argc, char **argv, struct snap_opts *o)
{
	bool options = true;
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (options && !strcmp(a, "--")) {
			options = false;
		} else if (options && a[0] == '-' && a[1]) {
			if (parse_option(argc, argv, &i, o))
				return -1;
		} else if (cmd_operand("snapshot", a, false, &o->file)) {
			return -1;
		}
	}
	if (cmd_need_file("snapshot", o->file))
		return -1;
	if (o->all && o->step) {
		fputs("mbviz: snapshot: --step and --all exclude each other\n", stderr);
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

static int draw(struct drawing *d, const struct snap_opts *o)
{
	int k, first, last;

	first = last = scenario_step_arg(d->sc, o->step, "snapshot");
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

static int emit(const struct snap_opts *o, const struct canvas *cv, bool ansi)
{
	size_t len;
	char *text = canvas_text(cv, ansi, &len), err[1024];
	int status = 0;

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

int cmd_snapshot(int argc, char **argv)
{
	struct snap_opts opts = { .engine = "model", .node = -1, .color = COLOR_AUTO };
	struct drawing d = { 0 };
	struct engine *eng = NULL;
	struct scenario *sc;
	int status = 2;
	char err[1024];
	bool ansi;

	if (parse_args(argc, argv, &opts)) {
		snap_usage(stderr);
		return 2;
	}
	sc = scenario_load(opts.file, err, sizeof(err));
	if (!sc) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	eng = engine_open(opts.engine, err, sizeof(err));
	if (!eng) {
		fprintf(stderr, "mbviz: snapshot: %s\n", err);
		goto out;
	}
	d.sc = sc;
	d.t = timeline_create(sc, eng, 0);
	if (!d.t) {
		fprintf(stderr, "%s: the %s engine cannot simulate this machine\n", sc->file,
			eng->label ? eng->label : eng->ops->name);
		goto out;
	}
	settle_output(&opts, &d.ro, &ansi);
	canvas_init(&d.cv);
	status = draw(&d, &opts);
	if (!status)
		status = emit(&opts, &d.cv, ansi);
	canvas_free(&d.cv);
	state_free(&d.prev);
out:
	if (d.t)
		timeline_destroy(d.t);
	if (eng)
		engine_close(eng);
	scenario_free(sc);
	return status;
}
