// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz check [--engine=SPEC] [--timeout=SECONDS] FILE|DIR...
 *
 * Runs scenarios and reports in TAP, one test point per scenario, with a
 * diagnostic line for each failed expectation.  Exit status: 0 all pass,
 * 1 an expectation failed or a scenario ran over its time, 2 a scenario
 * could not be loaded or run.
 */
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "run/deadline.h"
#include "run/engine.h"
#include "run/runner.h"
#include "scenario/scenario.h"
#include "util/xalloc.h"

/* A scenario to check, or a *.json in a directory that cannot be one. */
struct file_entry {
	char		*name;
	const char	*problem;	/* "a FIFO, not a regular file", or NULL */
};

struct file_list {
	int			nr, alloc;
	struct file_entry	*files;
};

static void list_add(struct file_list *l, char *name, const char *problem)
{
	if (l->nr == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 16;
		l->files = xrealloc(l->files, l->alloc * sizeof(*l->files));
	}
	l->files[l->nr++] = (struct file_entry){ name, problem };
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct file_entry *)a)->name, ((const struct file_entry *)b)->name);
}

static bool is_json_name(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && name[0] != '.' && strcmp(name + n - 5, ".json") == 0;
}

/*
 * Why the *.json at @path, found in a directory, is no scenario: NULL for
 * a regular file (or a symlink to one).  Never opened: a FIFO would block.
 */
static const char *not_a_scenario(const char *path)
{
	struct stat st;

	if (stat(path, &st)) {
		if (!lstat(path, &st) && S_ISLNK(st.st_mode))
			return "a dangling symbolic link";
		return "cannot be examined";
	}
	if (S_ISREG(st.st_mode))
		return NULL;
	if (S_ISFIFO(st.st_mode))
		return "a FIFO, not a regular file";
	if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
		return "a device, not a regular file";
	if (S_ISDIR(st.st_mode))
		return "a directory, not a regular file";
	if (S_ISSOCK(st.st_mode))
		return "a socket, not a regular file";
	return "not a regular file";
}

/*
 * Every *.json directly in @dir, in byte order of their names; those that
 * are not regular files are listed too, to be reported as failures.
 */
static int add_dir(struct file_list *l, const char *dir)
{
	struct file_list here = { 0 };
	size_t dir_len = strlen(dir), sep = dir[dir_len - 1] != '/';
	struct dirent *d;
	DIR *dh;
	int i;

	dh = opendir(dir);
	if (!dh) {
		fprintf(stderr, "mbviz: check: %s: cannot read the directory\n", dir);
		return -1;
	}
	while ((d = readdir(dh))) {
		size_t name_len = strlen(d->d_name);
		char *path;

		if (!is_json_name(d->d_name))
			continue;
		/* DIR/NAME, without a second '/' */
		path = xrealloc(NULL, dir_len + sep + name_len + 1);
		memcpy(path, dir, dir_len);
		path[dir_len] = '/';
		memcpy(path + dir_len + sep, d->d_name, name_len + 1);
		list_add(&here, path, not_a_scenario(path));
	}
	closedir(dh);
	if (!here.nr) {
		fprintf(stderr, "mbviz: check: %s: no *.json files in this directory\n", dir);
		return 0;
	}
	qsort(here.files, here.nr, sizeof(*here.files), name_cmp);
	for (i = 0; i < here.nr; i++)
		list_add(l, here.files[i].name, here.files[i].problem);
	free(here.files);
	return 0;
}

/* TAP descriptions end at '#' (a directive) and at a newline: escape both. */
static void tap_description(FILE *f, const char *s)
{
	while (*s) {
		size_t plain = strcspn(s, "#\n\r");

		fwrite(s, 1, plain, f);
		s += plain;
		if (*s == '#')
			fputs("\\#", f);
		else if (*s)
			fputc(' ', f);
		else
			break;
		s++;
	}
}

/*
 * An imported scenario's report (issue 13): each allocation that carries
 * the log line it comes from ("x-log-line") and the kernel's placement
 * (expect.ret) is one TAP subtest line, indented under the scenario's
 * test point: placed where the kernel placed it, or where instead.
 * Scenarios without such steps print nothing more.
 */
struct placements {
	char	*text;
	size_t	len;
	FILE	*out;		/* opened at the first such step */
	int	nr;
};

static void note_placement(struct placements *p, const struct step *st,
			   const struct step_outcome *o, int ret)
{
	const struct expect *e = step_expect(st);
	const struct failure *f = NULL;
	char here[32];
	int i;

	if (!st->log_line || !e || !e->ret.present || e->ret.kind != RET_ADDR ||
	    e->ret.cmp != RET_CMP_EQ)
		return;
	if (!p->out && !(p->out = open_memstream(&p->text, &p->len))) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	for (i = 0; i < o->nr_failures; i++)
		if (!strcmp(o->failures[i].path, "ret"))
			f = &o->failures[i];
	p->nr++;
	fprintf(p->out, "    %s %d - steps[%d] %s: ", f || ret ? "not ok" : "ok", p->nr, st->index,
		st->spec->name);
	snprintf(here, sizeof(here), "0x%" PRIx64, o->res.value);
	if (ret)
		fprintf(p->out, "not run: %s", o->error ? o->error : "run-time error");
	else if (f && !strcmp(f->expected, "0x0"))
		fprintf(p->out, "the kernel's failed (ret 0), here %s", f->actual);
	else if (f && !strcmp(f->actual, "0x0"))
		fprintf(p->out, "the kernel placed it at %s, here it failed (ret 0)", f->expected);
	else if (f)
		fprintf(p->out, "the kernel placed it at %s, here %s", f->expected, f->actual);
	else if (!o->res.value)
		fputs("failed, as the kernel's did (ret 0)", p->out);
	else
		fprintf(p->out, "placed where the kernel placed it, %s", here);
	fprintf(p->out, " (log line %d)\n", st->log_line);
}

/* The subtest lines and their plan, before the scenario's own test point. */
static void print_placements(struct placements *p)
{
	if (!p->out)
		return;
	fclose(p->out);
	fputs(p->text, stdout);
	printf("    1..%d\n", p->nr);
	free(p->text);
}

/* What one scenario came to: its failures as diagnostic lines, or an error. */
struct verdict {
	char	*diag;		/* "#   ...\n" lines */
	size_t	diag_len;
	FILE	*out;
	char	*error;
	struct placements placed;
	double	timeout;	/* --timeout, 0 if none */
};

/* The diagnostics stream, opened at the first failure: most scenarios have none. */
static FILE *diag_stream(struct verdict *v)
{
	if (!v->out && !(v->out = open_memstream(&v->diag, &v->diag_len))) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	return v->out;
}

/* The scenario ran over --timeout at step @i: a failure naming the step. */
static void timed_out(struct verdict *v, const struct scenario *sc, int i)
{
	const struct step *st = &sc->steps[i];

	fprintf(diag_stream(v), "#   %s:%d:%d: steps[%d]: %s: timed out: the scenario ran over "
		"--timeout=%g seconds at this step\n", sc->file ? sc->file : "?", st->pos.line,
		st->pos.col, i, st->spec->name, v->timeout);
}

static void add_failures(struct verdict *v, const struct step_outcome *o)
{
	char line[1024];
	int i;

	for (i = 0; i < o->nr_failures; i++) {
		failure_format(&o->failures[i], line, sizeof(line));
		fprintf(diag_stream(v), "#   %s\n", line);
	}
}

static bool run_scenario(struct engine *eng, const struct scenario *sc, struct verdict *v)
{
	struct step_outcome o;
	bool failed = false;
	struct deadline dl;
	struct run *r;

	r = run_create(sc, eng);
	if (!r) {
		v->error = xasprintf("%s: the %s engine cannot simulate this machine%s%s", sc->file,
				     eng->label ? eng->label : eng->ops->name,
				     engine_error(eng) ? ": " : "",
				     engine_error(eng) ? engine_error(eng) : "");
		return false;
	}
	run_keep_debug_lines(r, false);	/* only failures and warnings are reported */
	deadline_start(&dl, v->timeout, eng);
	while (run_done(r) < sc->nr_steps) {
		int i = run_done(r), ret;

		if (deadline_passed(&dl)) {
			timed_out(v, sc, i);
			break;
		}
		ret = run_step(r, &o);
		note_placement(&v->placed, &sc->steps[i], &o, ret);
		failed |= o.nr_failures > 0;
		add_failures(v, &o);
		if (ret && o.res.cancelled && dl.passed)
			timed_out(v, sc, i);
		else if (ret)
			v->error = xstrdup(o.error ? o.error : "run-time error");
		step_outcome_free(&o);
		if (ret)
			break;
	}
	deadline_stop(&dl, eng);
	failed |= dl.passed;
	if (!v->error && !dl.passed) {
		memset(&o, 0, sizeof(o));
		run_check_final(r, &o);
		failed |= o.nr_failures > 0;
		add_failures(v, &o);
		if (o.error)
			v->error = xstrdup(o.error);
		step_outcome_free(&o);
	}
	run_destroy(r);
	return failed;
}

/* What the scenario says its expectations leave out: "#   not checked: ..." lines. */
static void print_unchecked(const struct scenario *sc)
{
	int i;

	for (i = 0; i < sc->nr_unchecked; i++) {
		fputs("#   not checked: ", stdout);
		tap_description(stdout, sc->unchecked[i]);
		putchar('\n');
	}
}

/* Check one file as test point @n; returns 0 ok, 1 failed, 2 error. */
static int check_one(struct engine *eng, const struct file_entry *fe, int n, double timeout)
{
	const char *file = fe->name;
	struct verdict v = { .timeout = timeout };
	struct scenario *sc = NULL;
	char err[1024];
	int status;

	if (fe->problem)
		snprintf(err, sizeof(err), "%s: %s", file, fe->problem);
	else
		sc = scenario_load(file, err, sizeof(err));
	if (!sc) {
		fflush(stdout);
		fprintf(stderr, "%s\n", err);
		printf("not ok %d - ", n);
		tap_description(stdout, file);
		printf("\n#   %s\n", err);
		return 2;
	}
	status = run_scenario(eng, sc, &v) ? 1 : 0;
	if (v.out)
		fclose(v.out);
	if (v.error) {
		status = 2;
		fflush(stdout);
		fprintf(stderr, "%s\n", v.error);
	}
	print_placements(&v.placed);
	printf("%s %d - ", status ? "not ok" : "ok", n);
	tap_description(stdout, sc->name ? sc->name : file);
	/* The version, when it is not the default one. */
	if (sc->machine.kernel != KERNEL_6_1)
		printf(" [Linux %s]", kernel_version_name(sc->machine.kernel));
	if (sc->title && *sc->title) {
		fputs(": ", stdout);
		tap_description(stdout, sc->title);
	}
	putchar('\n');
	if (v.diag)
		fputs(v.diag, stdout);
	if (v.error)
		printf("#   %s\n", v.error);
	print_unchecked(sc);
	free(v.diag);
	free(v.error);
	scenario_free(sc);
	return status;
}

static int gather(const struct cmd_line *cl, struct file_list *files)
{
	struct stat st;
	int i;

	for (i = 0; i < cl->nr_operands; i++) {
		const char *a = cl->operands[i];

		if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (add_dir(files, a))
				return -1;
		} else {
			/* Missing files are reported by the loader, as a failed test point. */
			list_add(files, xstrdup(a), NULL);
		}
	}
	if (!files->nr) {
		cmd_error(cl, "no scenario to check");
		return -1;
	}
	return 0;
}

/* --timeout's SECONDS, 0 without it; -1 after saying what is wrong. */
static double timeout_arg(const struct cmd_line *cl)
{
	double seconds = 0;
	int i;

	for (i = 0; i < cl->nr_args; i++)
		if (cl->args[i].key == KEY_TIMEOUT &&
		    deadline_parse(cl->args[i].value, &seconds)) {
			cmd_error(cl, "--timeout: expected a number of seconds above 0 and at most "
				  "1000000, got '%s'", cl->args[i].value);
			return -1;
		}
	return seconds;
}

int cmd_check(const struct cmd_line *cl)
{
	struct file_list files = { 0 };
	const char *engine_spec = cmd_engine(cl);
	double timeout = timeout_arg(cl);
	struct engine *eng = NULL;
	int i, status = 0, s;
	char err[512];

	if (timeout < 0 || gather(cl, &files)) {
		status = 2;
		goto out;
	}
	eng = engine_open(engine_spec, err, sizeof(err));
	if (!eng) {
		fprintf(stderr, "mbviz: check: %s\n", err);
		status = 2;
		goto out;
	}
	printf("1..%d\n", files.nr);
	for (i = 0; i < files.nr; i++) {
		s = check_one(eng, &files.files[i], i + 1, timeout);
		if (s > status)
			status = s;
	}
	if (cmd_flush_stdout(cl))
		status = 2;
	engine_close(eng);
out:
	for (i = 0; i < files.nr; i++)
		free(files.files[i].name);
	free(files.files);
	return status;
}
