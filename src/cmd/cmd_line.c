// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A command line read by getopt_long from its command's row of the table
 * (cmd_line.h): twice, so that --help and --version win wherever they are,
 * then for real.  Messages are ours (opterr is 0): one line naming the
 * command and the word, then where to read more.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_line.h"
#include "render/render.h"
#include "util/xalloc.h"

#define MAX_OPTIONS 48

const struct cmd_option help_options[] = {
	OPT("help", 'h', no_argument, NULL, VAL_NONE, NULL, "show this help and exit"),
	OPT("version", KEY_VERSION, no_argument, NULL, VAL_NONE, NULL,
	  "show the version and exit"),
	OPT_END
};

/* The long options and the short ones, for getopt_long. */
struct getopt_spec {
	struct option	longs[MAX_OPTIONS + 1];
	char		shorts[2 * MAX_OPTIONS + 2];
};

static void add_option(struct getopt_spec *g, int *n, const struct cmd_option *o)
{
	size_t len = strlen(g->shorts);

	if (*n == MAX_OPTIONS)
		abort();	/* the table outgrew MAX_OPTIONS: a programming error */
	g->longs[(*n)++] = (struct option){ o->name, o->has_arg, NULL, o->key };
	if (o->key < 256) {
		g->shorts[len++] = (char)o->key;
		if (o->has_arg != no_argument)
			g->shorts[len++] = ':';
		if (o->has_arg == optional_argument)
			g->shorts[len++] = ':';
		g->shorts[len] = 0;
	}
}

static void build_spec(const struct command *cmd, struct getopt_spec *g)
{
	const struct cmd_option *o;
	int n = 0;

	memset(g, 0, sizeof(*g));
	g->shorts[0] = ':';	/* a missing value is ':', not '?' */
	for (o = cmd->options; o->name; o++)
		add_option(g, &n, o);
	for (o = help_options; o->name; o++)
		add_option(g, &n, o);
}

void cmd_error(const struct cmd_line *cl, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	if (cl->cmd->name)
		fprintf(stderr, "mbviz: %s: ", cl->cmd->name);
	else
		fputs("mbviz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static const struct cmd_option *find_long(const struct command *cmd, const char *word,
					  int *nr_matches)
{
	const struct cmd_option *o, *hit = NULL;
	size_t n = strcspn(word, "=");
	int pass;

	*nr_matches = 0;
	for (pass = 0; pass < 2; pass++) {
		for (o = pass ? help_options : cmd->options; o->name; o++) {
			if (strncmp(o->name, word, n))
				continue;
			if (!o->name[n]) {	/* exact */
				*nr_matches = 1;
				return o;
			}
			if (!hit || hit->key != o->key)
				(*nr_matches)++;
			hit = o;
		}
	}
	return hit;
}

/* getopt_long said '?' or ':' about argv[optind - 1] (or optopt). */
static void bad_option(const struct cmd_line *cl, int c, char **argv)
{
	const char *word = argv[optind - 1];
	int nr;

	if (optopt && optopt < 256 && !(word[0] == '-' && word[1] == '-')) {
		if (c == ':')
			cmd_error(cl, "-%c needs a value", optopt);
		else
			cmd_error(cl, "unknown option '-%c'", optopt);
		return;
	}
	if (c == ':') {
		cmd_error(cl, "%.*s needs a value", (int)strcspn(word, "="), word);
		return;
	}
	find_long(cl->cmd, word + 2, &nr);
	if (optopt)
		cmd_error(cl, "%.*s takes no value ('%s')", (int)strcspn(word, "="), word, word);
	else if (nr > 1)
		cmd_error(cl, "ambiguous option '%s' (mbviz help%s%s lists them)", word,
			  cl->cmd->name ? " " : "", cl->cmd->name ? cl->cmd->name : "");
	else
		cmd_error(cl, "unknown option '%s'", word);
}

long cmd_number(const struct cmd_line *cl, const char *opt, const char *s, long min, long max)
{
	long v;

	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		goto bad;
	v = strtol(s, NULL, 10);
	if (v < min || v > max)
		goto bad;
	return v;
bad:
	cmd_error(cl, "%s takes a number from %ld to %ld, not '%s'", opt, min, max, s);
	return -1;
}

static int shared_option(struct cmd_line *cl, int key, const char *v)
{
	long n;

	switch (key) {
	case KEY_ENGINE:
		if (cl->nr_engines == cl->cmd->max_engines) {
			if (cl->cmd->max_engines == 1)
				cmd_error(cl, "one engine at a time ('%s' and '%s')",
					  cl->engine[0], v);
			else
				cmd_error(cl, "at most %d engines", cl->cmd->max_engines);
			return -1;
		}
		cl->engine[cl->nr_engines++] = v;
		return 0;
	case KEY_STEP:
		cl->step = v;
		return 0;
	case KEY_NO_COLOR:
		cl->color = COLOR_NEVER;
		return 0;
	case KEY_COLOR:
		if (!v || !strcmp(v, "always"))
			cl->color = COLOR_ALWAYS;
		else if (!strcmp(v, "auto"))
			cl->color = COLOR_AUTO;
		else if (!strcmp(v, "never"))
			cl->color = COLOR_NEVER;
		else {
			cmd_error(cl, "--color is auto, always or never, not '%s'", v);
			return -1;
		}
		return 0;
	case KEY_WIDTH:
		n = cmd_number(cl, "--width", v, RENDER_MIN_WIDTH, RENDER_MAX_WIDTH);
		if (n < 0)
			return -1;
		cl->width = (int)n;
		return 0;
	}
	cl->args = xrealloc(cl->args, (cl->nr_args + 1) * sizeof(*cl->args));
	cl->args[cl->nr_args++] = (struct cmd_arg){ key, v };
	return 0;
}

/* The first pass: is --help or --version on the line?  'h', KEY_VERSION or 0. */
static int wants_help(const struct getopt_spec *g, int argc, char **argv)
{
	char **copy = xmemdup(argv, (argc + 1) * sizeof(*argv));
	int c, found = 0;

	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, copy, g->shorts, g->longs, NULL)) != -1)
		if ((c == 'h' || c == KEY_VERSION) && !found)
			found = c;
	free(copy);
	return found;
}

static int check_operands(struct cmd_line *cl)
{
	const struct command *cmd = cl->cmd;

	if (cl->nr_operands < cmd->min_operands) {
		cmd_error(cl, "no %s file given", cmd->noun);
		return -1;
	}
	if (cmd->max_operands >= 0 && cl->nr_operands > cmd->max_operands) {
		if (cmd->max_operands == 0)
			cmd_error(cl, "takes no operands ('%s')", cl->operands[0]);
		else
			cmd_error(cl, "one %s at a time ('%s' and '%s')", cmd->noun,
				  cl->operands[0], cl->operands[1]);
		return -1;
	}
	return 0;
}

static int print_and_exit(const struct command *cmd, int which)
{
	if (which == KEY_VERSION)
		cmd_version(stdout);
	else if (cmd->name)
		cmd_help(stdout, cmd);
	else
		cmd_help_all(stdout);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "mbviz: standard output: %s\n", strerror(errno));
		return 2;
	}
	return 0;
}

static void usage_hint(const struct command *cmd)
{
	fprintf(stderr, "Try 'mbviz help%s%s'.\n", cmd->name ? " " : "",
		cmd->name ? cmd->name : "");
}

int cmd_line_parse(const struct command *cmd, int argc, char **argv, struct cmd_line *cl,
		   int *exit_status)
{
	struct getopt_spec g;
	int c, which;

	memset(cl, 0, sizeof(*cl));
	cl->cmd = cmd;
	build_spec(cmd, &g);
	which = wants_help(&g, argc, argv);
	if (which) {
		*exit_status = print_and_exit(cmd, which);
		return -1;
	}
	*exit_status = 2;
	opterr = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, g.shorts, g.longs, NULL)) != -1) {
		if (c == '?' || c == ':') {
			bad_option(cl, c, argv);
			goto bad;
		}
		if (shared_option(cl, c, optarg))
			goto bad;
	}
	cl->operands = argv + optind;
	cl->nr_operands = argc - optind;
	if (check_operands(cl))
		goto bad;
	*exit_status = 0;
	return 0;
bad:
	usage_hint(cmd);
	return -1;
}

void cmd_line_free(struct cmd_line *cl)
{
	free(cl->args);
	cl->args = NULL;
	cl->nr_args = 0;
}

int cmd_flush_stdout(const struct cmd_line *cl)
{
	int err;

	errno = 0;
	if (!fflush(stdout) && !ferror(stdout))
		return 0;
	err = errno;
	cmd_error(cl, "standard output: %s", err ? strerror(err) : "write error");
	return 2;
}
