// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz import [LOG|-] [-o FILE] [--strict] [--name NAME] [--no-guess] [--boot N] [--replay]
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

static void import_usage(FILE *f)
{
	fputs("usage: mbviz import [LOG|-] [-o FILE] [--strict] [--name NAME] [--no-guess]\n"
	      "                    [--boot N] [--replay]\n"
	      "       mbviz import --live [--root DIR] [-o FILE] [--replay]\n", f);
}

/* --boot N: which boot of a log that holds several, 1 the first. */
static int parse_boot(const char *v, int *boot)
{
	char *end;
	long n;

	if (!v) {
		fputs("mbviz: import: --boot needs a number\n", stderr);
		return -1;
	}
	errno = 0;
	n = strtol(v, &end, 10);
	if (!*v || *end || errno || n < 1 || n > 1000000) {
		fprintf(stderr, "mbviz: import: --boot '%s': expected a boot number from 1\n", v);
		return -1;
	}
	*boot = (int)n;
	return 0;
}

static int parse_args(int argc, char **argv, struct import_args *a)
{
	bool options = true;
	int i;

	for (i = 1; i < argc; i++) {
		const char *s = argv[i];

		if (options && !strcmp(s, "--")) {
			options = false;
		} else if (options && !strcmp(s, "--strict")) {
			a->strict = true;
		} else if (options && !strcmp(s, "--no-guess")) {
			a->guess = false;
		} else if (options && (!strcmp(s, "-o") || !strcmp(s, "--output")) && i + 1 < argc) {
			a->output = argv[++i];
		} else if (options && !strncmp(s, "--output=", 9)) {
			a->output = s + 9;
		} else if (options && !strcmp(s, "--name") && i + 1 < argc) {
			a->name = argv[++i];
		} else if (options && !strncmp(s, "--name=", 7)) {
			a->name = s + 7;
		} else if (options && !strcmp(s, "--replay")) {
			a->replay = true;
		} else if (options && !strcmp(s, "--live")) {
			a->live = true;
		} else if (options && !strcmp(s, "--root") && i + 1 < argc) {
			a->root = argv[++i];
		} else if (options && !strncmp(s, "--root=", 7)) {
			a->root = s + 7;
		} else if (options && (!strcmp(s, "--boot") || !strncmp(s, "--boot=", 7))) {
			if (parse_boot(s[6] == '=' ? s + 7 : i + 1 < argc ? argv[++i] : NULL, &a->boot))
				return -1;
		} else if (options && (!strcmp(s, "--help") || !strcmp(s, "-h"))) {
			import_usage(stdout);
			exit(0);
		} else if (options && s[0] == '-' && s[1]) {
			fprintf(stderr, "mbviz: import: unknown option '%s'\n", s);
			return -1;
		} else if (a->log) {
			fprintf(stderr, "mbviz: import: one log at a time ('%s' and '%s')\n", a->log, s);
			return -1;
		} else {
			a->log = s;
		}
	}
	return 0;
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

/* The log: the running system's (--live), standard input, or LOG; NULL after an error. */
static FILE *open_input(const struct import_args *a, struct import_opts *o, char **live_text)
{
	FILE *in;

	if (a->live) {
		size_t len;

		*live_text = import_live_text(a->root, stderr, &len);
		if (!len) {
			fputs("mbviz: import: live: nothing could be read\n", stderr);
			free(*live_text);
			return NULL;
		}
		in = fmemopen(*live_text, len, "r");
		if (!in) {
			fprintf(stderr, "mbviz: import: --live: %s\n", strerror(errno));
			free(*live_text);
		}
		o->input_name = "live";
		return in;
	}
	if (!a->log || !strcmp(a->log, "-")) {
		o->input_name = "<stdin>";
		return stdin;
	}
	in = fopen(a->log, "r");
	if (!in)
		fprintf(stderr, "mbviz: import: %s: %s\n", a->log, strerror(errno));
	o->input_name = a->log;
	return in;
}

int cmd_import(int argc, char **argv)
{
	struct import_args a = { .guess = true };
	struct import_opts o = { 0 };
	struct scenario *sc;
	char err[1024], name[128], *live_text = NULL;
	int nr_unusable = 0, status = 2;
	char *text;
	FILE *in;

	if (parse_args(argc, argv, &a)) {
		import_usage(stderr);
		return 2;
	}
	if (a.name && !valid_name(a.name)) {
		fprintf(stderr, "mbviz: import: --name '%s': a name is [a-z0-9][a-z0-9._-]*\n", a.name);
		return 2;
	}
	if (a.root && !a.live) {
		fputs("mbviz: import: --root goes with --live\n", stderr);
		return 2;
	}
	if (a.live && a.log) {
		fprintf(stderr, "mbviz: import: --live reads the running system, not '%s'\n", a.log);
		return 2;
	}
	in = open_input(&a, &o, &live_text);
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
	free(live_text);
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
