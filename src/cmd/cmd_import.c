// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz import [LOG|-] [-o FILE] [--strict] [--name NAME] [--no-guess] [--boot N] [--replay]
 * mbviz import --live [--root DIR] [-o FILE] [--replay]
 *
 * A boot log (memblock=debug dmesg, memblock_dump_all, e820, SRAT/NUMA
 * lines, debugfs dumps) as a scenario, on stdout or written atomically to
 * FILE.  Lines that look like memblock's but cannot be used are listed on
 * stderr; with --strict they are an error.  Exit status: 0, or 2 for a
 * usage error, an unreadable log, nothing to import, or (--strict)
 * unusable lines.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/atomic_file.h"
#include "commands.h"
#include "import/import.h"
#include "import/import_live.h"
#include "scenario/scenario.h"

struct import_args {
	const char	*log;
	const char	*output;
	const char	*name;
	bool		strict;
	bool		guess;
	int		boot;		/* --boot N (issue 13) */
	bool		replay;		/* --replay (issue 13) */
	bool		live;		/* --live: the running system (issue 13) */
	const char	*root;		/* --root DIR: its files under DIR */
};

static bool valid_name(const char *s);

static int parse_args(const struct cmd_line *cl, struct import_args *a)
{
	long n;
	int i;

	a->log = cl->nr_operands ? cl->operands[0] : NULL;
	for (i = 0; i < cl->nr_args; i++) {
		const struct cmd_arg *o = &cl->args[i];

		switch (o->key) {
		case KEY_STRICT:
			a->strict = true;
			break;
		case KEY_NO_GUESS:
			a->guess = false;
			break;
		case 'o':
			a->output = o->value;
			break;
		case KEY_NAME:
			a->name = o->value;
			break;
		case KEY_BOOT:	/* which boot of a log that holds several, 1 the first */
			if ((n = cmd_number(cl, "--boot", o->value, 1, 1000000)) < 0)
				return -1;
			a->boot = (int)n;
			break;
		case KEY_REPLAY:
			a->replay = true;
			break;
		case KEY_LIVE:
			a->live = true;
			break;
		case KEY_ROOT:
			a->root = o->value;
			break;
		}
	}
	if (a->name && !valid_name(a->name))
		cmd_error(cl, "--name '%s': a name is [a-z0-9][a-z0-9._-]*", a->name);
	else if (a->root && !a->live)
		cmd_error(cl, "--root goes with --live");
	else if (a->live && a->log)
		cmd_error(cl, "--live reads the running system, not '%s'", a->log);
	else
		return 0;
	return -1;
}

/* A scenario name, [a-z0-9][a-z0-9._-]*, from a file name. */
static void name_from(const char *path, char *buf, size_t len)
{
	const char *base = strrchr(path, '/');
	size_t i, n = 0;

	base = base ? base + 1 : path;
	for (i = 0; base[i] && n + 1 < len; i++) {
		unsigned char c = (unsigned char)tolower((unsigned char)base[i]);

		if (!strcmp(base + i, ".json") || !strcmp(base + i, ".log") || !strcmp(base + i, ".txt") ||
		    !strcmp(base + i, ".bootlog") || !strcmp(base + i, ".dmesg"))
			break;
		if (!(isalnum(c) || c == '.' || c == '_' || c == '-'))
			c = '-';
		if (!n && !isalnum(c))
			continue;
		buf[n++] = (char)c;
	}
	buf[n] = 0;
	if (!n)
		snprintf(buf, len, "imported");
}

static bool valid_name(const char *s)
{
	if (!*s || !(islower((unsigned char)*s) || isdigit((unsigned char)*s)))
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) ||
		      *s == '.' || *s == '_' || *s == '-'))
			return false;
	return true;
}

/* --replay: the scenario replayed on the model, and how far the kernel agrees. */
static int report_replay(const char *text, const char *log)
{
	struct import_replay st;
	char err[512];

	if (import_replay(text, log, stderr, &st, err, sizeof(err))) {
		fprintf(stderr, "mbviz: import: %s: the replay stopped: %s\n", log, err);
		return -1;
	}
	fprintf(stderr, "%s: %d of %d allocations placed where the kernel placed them; memory map equal to the kernel's node ranges: %s\n",
		log, st.placed, st.allocs,
		!st.have_ranges ? "not in the log" : st.ranges_equal ? "yes" : "no");
	return 0;
}

/* Where the log comes from: standard input, or the file.  NULL after saying why. */
static FILE *open_input(const struct import_args *a, struct import_opts *o)
{
	FILE *in;

	if (!a->log || !strcmp(a->log, "-")) {
		in = stdin;
		o->input_name = "<stdin>";
	} else {
		in = fopen(a->log, "r");
		if (!in) {
			fprintf(stderr, "mbviz: import: %s: %s\n", a->log, strerror(errno));
			return NULL;
		}
		o->input_name = a->log;
	}
	return in;
}

/* --live: its own reading and importing (import_live.c); what it could not read on stderr. */
static char *live_import(const struct import_args *a, char *err, int errlen)
{
	char name[128];

	if (a->name)
		snprintf(name, sizeof(name), "%s", a->name);
	else
		name_from(a->output ? a->output : "live", name, sizeof(name));
	return import_live(&(struct live_opts){ .root = a->root, .name = name }, stderr, err, errlen);
}

int cmd_import(const struct cmd_line *cl)
{
	struct import_args a = { .guess = true };
	struct import_opts o = { 0 };
	struct scenario *sc;
	char err[1024], name[128];
	int nr_unusable = 0, status = 2;
	char *text;
	FILE *in;

	if (parse_args(cl, &a))
		return 2;
	if (a.live && a.strict) {
		cmd_error(cl, "--live reads the running system: no --strict with it");
		return 2;
	}
	if (a.live) {
		o.input_name = a.root ? a.root : "live";
		text = live_import(&a, err, sizeof(err));
		goto imported;
	}
	in = open_input(&a, &o);
	if (!in)
		return 2;
	if (a.name)
		snprintf(name, sizeof(name), "%s", a.name);
	else
		name_from(a.output ? a.output : a.live ? "live" : (in == stdin ? "imported" : a.log),
			  name, sizeof(name));
	o.name = name;
	o.strict = a.strict;
	o.guess_direction = a.guess;
	o.boot = a.boot;
	text = import_log(in, &o, stderr, &nr_unusable, err, sizeof(err));
	if (in != stdin)
		fclose(in);
imported:
	if (!text) {
		fprintf(stderr, "mbviz: import: %s\n", err);
		return 2;
	}
	if (a.strict && nr_unusable) {
		fprintf(stderr, "mbviz: import: %s: %d unusable line%s (--strict)\n", o.input_name,
			nr_unusable, nr_unusable == 1 ? "" : "s");
		goto out;
	}
	/* Never hand out a scenario our own loader refuses. */
	sc = scenario_load_buffer(a.output ? a.output : "<import>", text, strlen(text), err,
				  sizeof(err));
	if (!sc) {
		fprintf(stderr, "mbviz: import: the scenario made from %s does not load: %s\n",
			o.input_name, err);
		goto out;
	}
	scenario_free(sc);
	if (a.replay && report_replay(text, o.input_name))
		goto out;
	if (a.output) {
		size_t n = strlen(text);

		text[n] = '\n';		/* cJSON's text has room for its NUL: reuse it */
		if (atomic_write_file(a.output, text, n + 1, err, sizeof(err))) {
			fprintf(stderr, "mbviz: import: %s\n", err);
			goto out;
		}
	} else {
		printf("%s\n", text);
		if (fflush(stdout) || ferror(stdout)) {
			fprintf(stderr, "mbviz: import: cannot write the scenario: %s\n", strerror(errno));
			goto out;
		}
	}
	status = 0;
out:
	free(text);
	return status;
}
