// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz [--engine=SPEC [--engine=SPEC]] [--step=N|LABEL] [--color[=WHEN]] [--no-color]
 *       [--no-mouse] [FILE|DIR]
 * mbviz [OPTIONS] --live [--root DIR]
 *
 * Opens the interactive UI on FILE, or on the bundled tour.  With two
 * engines, both run the scenario and the second's maps are drawn under
 * the first's (see ui_engines.c).  Everything
 * that can go wrong with the scenario or the engine is found and reported
 * here, before curses takes the terminal: an error is one line on stderr
 * and exit status 2, readable in the shell that started mbviz.
 *
 * The test mode is hidden from the usage: with MBVIZ_UI_SCRIPT=FILE the UI
 * draws on /dev/null at MBVIZ_UI_SIZE (COLSxROWS, default 80x24), takes
 * its keys from the script and writes the screens the script's `dump`
 * commands ask for to MBVIZ_UI_DUMP (default: standard output).  With
 * MBVIZ_UI_KEYTIMES=FILE it also writes each key's CPU time, phase by
 * phase, to FILE (src/ui/ui_keytime.h; bench_ui reads it).
 */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/atomic_file.h"
#include "commands.h"
#include "run/engine.h"
#include "scenario/scenario.h"
#include "run/timeline.h"
#include "ui/ui.h"
#include "util/xalloc.h"

#define UI_MAX_ENGINES	UI_MAX_PANES

struct ui_args {
	struct ui_options opts;
	const char	*file;
	char		*picked;	/* mbviz DIR: the scenario chosen in the picker */
	const char	*engine[UI_MAX_ENGINES];
	int		nr_engines;
	const char	*step;		/* --step: where the UI opens */
	char		*tour;
	bool		live;		/* --live [--root DIR]: the machine mbviz runs on */
	const char	*root;
};

/* What the UI shows to run: one scenario on one or two engines. */
struct ui_run {
	struct scenario	*sc;
	struct engine	*eng[UI_MAX_ENGINES];
	struct timeline	*t[UI_MAX_ENGINES];
	char		*name[UI_MAX_ENGINES];
	int		first_step;
};

static int parse_args(const struct cmd_line *cl, struct ui_args *a)
{
	int i;

	a->file = cl->nr_operands ? cl->operands[0] : NULL;
	a->nr_engines = cl->nr_engines;
	for (i = 0; i < cl->nr_engines; i++)
		a->engine[i] = cl->engine[i];
	a->step = cl->step;
	a->opts.no_color = cl->color == COLOR_NEVER;
	a->opts.force_color = cl->color == COLOR_ALWAYS;
	for (i = 0; i < cl->nr_args; i++) {
		if (cl->args[i].key == KEY_NO_MOUSE)
			a->opts.no_mouse = true;
		else if (cl->args[i].key == KEY_LIVE)
			a->live = true;
		else if (cl->args[i].key == KEY_ROOT)
			a->root = cl->args[i].value;
	}
	if ((a->live && a->file) || (a->root && !a->live)) {
		cmd_error(cl, "--live [--root DIR] opens the machine itself, with no FILE");
		return -1;
	}
	return 0;
}

static int parse_size(const char *s, int *cols, int *rows)
{
	char x;

	if (sscanf(s, "%d%c%d", cols, &x, rows) != 3 || x != 'x' || *cols < 1 ||
	    *rows < 1 || *cols > 1000 || *rows > 1000)
		return -1;
	return 0;
}

/* The hidden test mode, from the environment. */
static int test_mode(struct ui_args *a)
{
	const char *size = getenv("MBVIZ_UI_SIZE");

	a->opts.script = getenv("MBVIZ_UI_SCRIPT");
	if (!a->opts.script || !*a->opts.script) {
		a->opts.script = NULL;
		return 0;
	}
	a->opts.dump = getenv("MBVIZ_UI_DUMP");
	a->opts.keytimes = getenv("MBVIZ_UI_KEYTIMES");
	a->opts.cols = 80;
	a->opts.rows = 24;
	if (size && parse_size(size, &a->opts.cols, &a->opts.rows)) {
		fprintf(stderr, "mbviz: MBVIZ_UI_SIZE is COLSxROWS, not '%s'\n", size);
		return -1;
	}
	return 0;
}

/* Write @u's dumps to @f, which is closed unless it is stdout. */
static int write_stream(FILE *f, const char *name, const struct ui *u)
{
	int ret = 0;

	if (u->dumps_len && fwrite(u->dumps, 1, u->dumps_len, f) != u->dumps_len)
		ret = -1;
	if (f == stdout ? fflush(f) : fclose(f))
		ret = -1;
	if (ret)
		fprintf(stderr, "mbviz: %s: cannot write the screen dumps\n", name);
	return ret;
}

/*
 * Write the test mode's screen dumps; atomically when they go to a
 * regular file.  Anything else that exists (/dev/null, a FIFO) is written
 * to as it is: an atomic write would rename a new file over it.
 */
static int write_dumps(const struct ui_args *a, const struct ui *u)
{
	struct stat st;
	char err[512];
	FILE *f;

	if (!a->opts.dump || !*a->opts.dump || !strcmp(a->opts.dump, "-"))
		return write_stream(stdout, "standard output", u);
	if (!stat(a->opts.dump, &st) && !S_ISREG(st.st_mode)) {
		f = fopen(a->opts.dump, "w");
		if (!f) {
			fprintf(stderr, "mbviz: %s: %s\n", a->opts.dump, strerror(errno));
			return -1;
		}
		return write_stream(f, a->opts.dump, u);
	}
	if (atomic_write_file(a->opts.dump, u->dumps ? u->dumps : "", u->dumps_len, err,
			      sizeof(err))) {
		fprintf(stderr, "mbviz: %s\n", err);
		return -1;
	}
	return 0;
}

/*
 * The engine as the screen names it: "model", or "kernel:" and the last
 * component of the tree's path (trees told apart by their directories:
 * linux-before, linux-after), never a whole path.
 */
static char *short_name(const struct engine *e)
{
	const char *l = e->label ? e->label : e->ops->name, *p, *end;

	if (strncmp(l, "kernel:", 7))
		return xstrdup(l);
	p = l + 7;
	end = p + strlen(p);
	while (end > p + 1 && end[-1] == '/')
		end--;
	for (l = end; l > p && l[-1] != '/'; l--)
		;
	return xasprintf("kernel:%.*s", (int)(end - l), l);
}

/*
 * Engine @i of @r on @spec, and its timeline: 0, or with @err -1 (the
 * engine does not open: its own message) or -2 (the machine: names the file).
 */
static int open_engine(const char *spec, struct ui_run *r, int i, char *err, int errlen)
{
	r->eng[i] = engine_open(spec, err, errlen);
	if (!r->eng[i])
		return -1;
	r->t[i] = timeline_create(r->sc, r->eng[i], 0);
	if (!r->t[i]) {
		const char *why = engine_error(r->eng[i]);

		snprintf(err, errlen, "%s: the %s engine cannot simulate this machine%s%s",
			 r->sc->file,
			 r->eng[i]->label ? r->eng[i]->label : r->eng[i]->ops->name,
			 why ? ": " : "", why ? why : "");
		return -2;
	}
	r->name[i] = short_name(r->eng[i]);
	return 0;
}

/* Every engine of @a on @r's scenario: 0, or open_engine()'s error. */
static int open_engines(const struct ui_args *a, struct ui_run *r, char *err, int errlen)
{
	int i, ret = 0;

	for (i = 0; !ret && i < (a->nr_engines ? a->nr_engines : 1); i++)
		ret = open_engine(a->nr_engines ? a->engine[i] : "model", r, i, err, errlen);
	return ret;
}

static int open_scenario(struct ui_args *a, struct ui_run *r)
{
	char err[1024];
	int ret;

	if (a->live && !(r->sc = live_scenario_load(a->root)))
		return -1;	/* --live: the machine itself, no FILE */
	if (!a->file && !a->live) {
		char dir[PATH_MAX];

		a->tour = xasprintf("%s/tour.json", bundled_scenario_dir(dir, sizeof(dir)));
		a->file = a->tour;
	}
	if (!a->live)
		r->sc = scenario_load(a->file, err, sizeof(err));
	if (!r->sc) {
		fprintf(stderr, "%s\n", err);
		return -1;
	}
	r->first_step = a->step ? scenario_step_arg(r->sc, a->step, "ui") : 0;
	if (r->first_step < 0)
		return -1;
	ret = open_engines(a, r, err, sizeof(err));
	if (ret)
		fprintf(stderr, "%s%s\n", ret == -1 ? "mbviz: " : "", err);
	return ret ? -1 : 0;
}

/*
 * mbviz DIR (issue 16): the directory's scenarios in the picker, on the
 * terminal; the one chosen becomes a->file.  1 if the user left without
 * choosing, 0 when one was chosen, -1 after a message.  The terminal is
 * closed again: the scenario is loaded, and its errors said, as for
 * mbviz FILE.
 */
static int pick_scenario(struct ui_args *a, struct ui *u)
{
	struct scenario_entry *e;
	struct ui_choice *c;
	char err[512];
	int n, i, k;

	n = scenario_list(a->file, &e, err, sizeof(err));
	if (n <= 0) {
		if (!n)
			snprintf(err, sizeof(err), "%s: no *.json files in this directory", a->file);
		fprintf(stderr, "mbviz: %s\n", err);
		if (n == 0)
			scenario_list_free(e, n);
		return -1;
	}
	c = xzalloc(n * sizeof(*c));
	for (i = 0; i < n; i++)
		c[i] = (struct ui_choice){ e[i].file, e[i].title };
	if (ui_term_open(u, &a->opts, err, sizeof(err))) {
		fprintf(stderr, "mbviz: %s\n", err);
		k = -2;
	} else {
		k = ui_pick(u, a->file, c, n, 0);
		ui_term_close(u);
	}
	if (k >= 0) {
		a->picked = xstrdup(e[k].path);
		a->file = a->picked;
	}
	free(c);
	scenario_list_free(e, n);
	return k == -2 ? -1 : k < 0;
}

static void close_run(struct ui_run *r);

/* o in the UI: what the opener works on. */
struct opener_ctx {
	struct ui_args	*a;
	struct ui_run	*r;
};

/* The directory the picker shows: the current scenario's, or (--live) the bundled ones. */
static char *current_dir(const struct ui_args *a)
{
	const char *slash = a->file ? strrchr(a->file, '/') : NULL;
	char buf[PATH_MAX];

	if (!a->file)
		return xstrdup(bundled_scenario_dir(buf, sizeof(buf)));
	if (!slash)
		return xstrdup(".");
	return slash == a->file ? xstrdup("/") : xasprintf("%.*s", (int)(slash - a->file), a->file);
}

/* The index of the current scenario in the list, to select it first; else 0. */
static int current_index(const struct ui_args *a, const struct scenario_entry *e, int n)
{
	const char *base = a->file ? strrchr(a->file, '/') : NULL;
	int i;

	base = base ? base + 1 : a->file;
	for (i = 0; base && i < n; i++)
		if (!strcmp(e[i].file, base))
			return i;
	return 0;
}

/*
 * Load @path on the same engines as the run shown; on success put it in
 * the UI and free the old run.  -1 with the error in a popup.
 */
static int switch_to(struct ui *u, struct opener_ctx *x, const char *path)
{
	struct ui_run r = { 0 };
	char err[1024];

	r.sc = scenario_load(path, err, sizeof(err));
	if (!r.sc || open_engines(x->a, &r, err, sizeof(err))) {
		ui_popup_text(u, "cannot open it: nothing changed", err);
		close_run(&r);
		return -1;
	}
	ui_switch(u, r.sc, r.t, r.name, x->a->nr_engines ? x->a->nr_engines : 1);
	close_run(x->r);
	*x->r = r;
	free(x->a->picked);
	x->a->picked = xstrdup(path);
	x->a->file = x->a->picked;
	x->a->live = false;
	return 1;
}

/* The struct ui_opener of the UI (issue 16): the picker behind o. */
static int open_other(struct ui *u, void *ctx)
{
	struct opener_ctx *x = ctx;
	struct scenario_entry *e;
	struct ui_choice *c;
	char err[512], *dir = current_dir(x->a);
	int n, i, k, ret = 0;

	n = scenario_list(dir, &e, err, sizeof(err));
	if (n <= 0) {
		ui_message(u, true, "%s%s", n ? err : dir, n ? "" : ": no *.json files");
		if (!n)
			scenario_list_free(e, n);
		free(dir);
		return -1;
	}
	c = xzalloc(n * sizeof(*c));
	for (i = 0; i < n; i++)
		c[i] = (struct ui_choice){ e[i].file, e[i].title };
	k = ui_pick(u, dir, c, n, current_index(x->a, e, n));
	if (k >= 0 && !e[k].title) {
		ui_popup_text(u, "it does not load: nothing changed", e[k].error);
		ret = -1;
	} else if (k >= 0) {
		ret = switch_to(u, x, e[k].path);
	}
	/* Everything is drawn again: the picker took the whole screen. */
	clearok(curscr, TRUE);
	free(c);
	scenario_list_free(e, n);
	free(dir);
	return ret;
}

static bool is_dir(const char *path)
{
	struct stat st;

	return path && !stat(path, &st) && S_ISDIR(st.st_mode);
}

static void close_run(struct ui_run *r)
{
	int i;

	for (i = 0; i < UI_MAX_ENGINES; i++) {
		if (r->t[i])
			timeline_destroy(r->t[i]);
		if (r->eng[i])
			engine_close(r->eng[i]);
		free(r->name[i]);
	}
	if (r->sc)
		scenario_free(r->sc);
}

int cmd_ui(const struct cmd_line *cl)
{
	struct ui_args a = { 0 };
	struct ui_run r = { 0 };
	struct ui u = { 0 };
	struct opener_ctx ox = { &a, &r };
	int status = 2, i;
	char err[512];

	if (parse_args(cl, &a))
		return 2;
	if (test_mode(&a))
		return 2;
	setlocale(LC_ALL, "");
	if (!is_dir(a.file) && open_scenario(&a, &r))
		goto out;
	if (a.opts.script) {
		u.script = ui_script_load(a.opts.script, err, sizeof(err));
		if (u.script) {
			err[0] = '\0';
			u.keytime = ui_keytime_open(a.opts.keytimes, err, sizeof(err));
		}
		if (!u.script || err[0]) {
			fprintf(stderr, "mbviz: %s\n", err);
			goto out;
		}
	} else if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("mbviz: the UI needs a terminal; for text output use "
		      "'mbviz run' or 'mbviz snapshot'\n", stderr);
		goto out;
	}
	if (is_dir(a.file)) {
		i = pick_scenario(&a, &u);
		if (i)
			status = i < 0 ? 2 : 0;
		if (i || open_scenario(&a, &r))
			goto dumps;
	}
	u.sc = r.sc;
	for (i = 0; i < UI_MAX_ENGINES && r.t[i]; i++) {
		u.pane[i].t = r.t[i];
		u.pane[i].name = r.name[i];
	}
	u.nr_panes = i;
	u.first_step = r.first_step;
	u.opener = (struct ui_opener){ open_other, &ox };
	if (ui_term_open(&u, &a.opts, err, sizeof(err))) {
		fprintf(stderr, "mbviz: %s\n", err);
		goto out;
	}
	status = ui_run(&u);
	ui_term_close(&u);
dumps:
	if (a.opts.script && write_dumps(&a, &u))
		status = 2;
out:
	if (ui_keytime_close(u.keytime)) {
		fputs("mbviz: MBVIZ_UI_KEYTIMES: cannot write the times\n", stderr);
		status = 2;
	}
	ui_script_free(u.script);
	free(u.dumps);
	close_run(&r);
	free(a.tour);
	free(a.picked);
	return status;
}
