/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Commands as data: each subcommand is a row of one table (cmd_table.c) that
 * names it, its operands, its options and its handler.  The command line
 * is read by getopt_long from that row alone; the usage text, `mbviz help
 * CMD`, the man page's synopsis (checked by tests/man-page.test) and the
 * bash completion (`mbviz help --complete`) are all made from it.
 *
 * The shared options mean the same in every command that takes them and
 * are read here, once: --engine SPEC, --step N|LABEL, --color[=WHEN] and
 * --width COLS.  Every other option is handed to the command as given,
 * in order, keyed by its getopt value.
 */
#ifndef MBVIZ_CMD_LINE_H
#define MBVIZ_CMD_LINE_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

/* The keys of the options that have no one-letter form. */
enum cmd_key {
	KEY_HELP = 256, KEY_VERSION,
	/* shared */
	KEY_ENGINE, KEY_STEP, KEY_COLOR, KEY_WIDTH,
	/* one command's or a few */
	KEY_NO_COLOR, KEY_NO_MOUSE, KEY_TRACE, KEY_DUMP, KEY_ZONEINFO, KEY_ALL, KEY_NODE,
	KEY_SCALE, KEY_UTF8, KEY_FORMAT, KEY_NO_LOG, KEY_BRIEF, KEY_SEED, KEY_OPS,
	KEY_NO_PAGE_ALLOC, KEY_STRICT, KEY_NAME, KEY_NO_GUESS, KEY_SYNOPSIS, KEY_MAN_SYNOPSIS, KEY_COMPLETE,
	KEY_TITLE, KEY_BOOT, KEY_REPLAY, KEY_LIVE, KEY_ROOT, KEY_TIMEOUT,
};

/* What a value is, for the completion: a file, an engine, a word of a list. */
enum cmd_value {
	VAL_NONE, VAL_WORD, VAL_NUMBER, VAL_FILE, VAL_DIR, VAL_ENGINE, VAL_CHOICE,
};

struct cmd_option {
	const char	*name;		/* the long name, without "--" */
	int		key;		/* its one letter ('o'), or an enum cmd_key */
	int		has_arg;	/* no_argument, required_argument, optional_argument */
	const char	*arg;		/* the value's name in the usage: "SPEC" */
	enum cmd_value	value;
	const char	*choices;	/* VAL_CHOICE: "debugfs dump json" */
	const char	*help;		/* one line */
	bool		hidden;		/* not in the usage (an old spelling) */
};

enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

struct cmd_arg {
	int		key;
	const char	*value;		/* NULL: no value */
};

#define CMD_MAX_ENGINES 2

/* A command line as read: the shared options, the others, the operands. */
struct cmd_line {
	const struct command *cmd;
	const char	*engine[CMD_MAX_ENGINES];
	int		nr_engines;
	const char	*step;		/* NULL: not given */
	enum color_mode	color;
	int		width;		/* 0: not given */
	struct cmd_arg	*args;		/* the other options, in order */
	int		nr_args;
	char		**operands;
	int		nr_operands;
};

struct command {
	const char	*name;		/* NULL: the UI (mbviz with no subcommand) */
	const char	*operands;	/* in the usage: "FILE", "[LOG|-]" */
	const char	*noun;		/* what an operand is, for messages: "scenario" */
	int		min_operands, max_operands;	/* max -1: any number */
	int		max_engines;	/* --engine may be given this often */
	enum cmd_value	operand_value;	/* for the completion */
	const char	*summary;	/* one line, lower case, no full stop */
	const char	*about;		/* a few lines for `mbviz help CMD`, or NULL */
	const struct cmd_option *options; /* ended by a zero row */
	int		(*run)(const struct cmd_line *cl);	/* NULL: the UI (main.c) */
	bool		hidden;		/* not listed in the usage */
};

/* A row of an option table; designated, so that every field is named. */
#define OPT(n, k, h, a, v, c, text) { .name = (n), .key = (k), .has_arg = (h), .arg = (a), \
				      .value = (v), .choices = (c), .help = (text) }
/* An old or other spelling, accepted but not shown. */
#define OPT_HIDDEN(n, k, h, a, v, c) { .name = (n), .key = (k), .has_arg = (h), .arg = (a), \
				       .value = (v), .choices = (c), .help = "", .hidden = true }
#define OPT_END { .name = NULL }

/* The shared options, spelt once. */
#define OPT_ENGINE_HELP "model (the default), model:OPTIONS (6.1 or 6.12, " \
	"free_late=skip-deferred or free_late=release-always; commas between), " \
	"kernel or kernel:PATH"
#define OPT_ENGINE OPT("engine", KEY_ENGINE, required_argument, "SPEC", VAL_ENGINE, NULL, \
			   "the engine: " OPT_ENGINE_HELP)
#define OPT_ENGINE2 OPT("engine", KEY_ENGINE, required_argument, "SPEC", VAL_ENGINE, NULL, \
			    "an engine (given twice: two engines): " OPT_ENGINE_HELP)
#define OPT_STEP OPT("step", KEY_STEP, required_argument, "N|LABEL", VAL_WORD, NULL, \
		   "the state after N steps, or after the step labelled LABEL")
#define OPT_COLOR OPT("color", KEY_COLOR, optional_argument, "WHEN", VAL_CHOICE, \
		    "auto always never", "colour: auto (the default), always or never")
#define OPT_COLOUR OPT_HIDDEN("colour", KEY_COLOR, optional_argument, "WHEN", VAL_CHOICE, \
		     "auto always never")
#define OPT_WIDTH OPT("width", KEY_WIDTH, required_argument, "COLS", VAL_NUMBER, NULL, \
		    "the width in columns (the terminal's, or 80)")
#define OPT_OUTPUT(what) OPT("output", 'o', required_argument, "FILE", VAL_FILE, NULL, \
			   "write " what " to FILE (atomically), not to standard output")

/* --help and --version, which every command takes. */
extern const struct cmd_option help_options[];

/* The table, in cmd_table.c; its last row has no summary. */
extern const struct command mbviz_commands[];
const struct command *command_find(const char *name);
/*
 * Run subcommand argv[0] on the rest, as main() would: for benchmarks and
 * tests that run a command in their own process.  Not the UI.
 */
int cmd_dispatch(int argc, char **argv);

/*
 * Read @argc/@argv (argv[0] is the command's name) as @cmd's command line
 * into @cl.  --help and --version anywhere on it win over everything else:
 * then the answer is printed and *@exit_status set.  Returns 0, or -1
 * with *@exit_status 0 (help, version) or 2 (one line on stderr, then the
 * usage line).  cmd_line_free() in both cases.
 */
int cmd_line_parse(const struct command *cmd, int argc, char **argv, struct cmd_line *cl,
		   int *exit_status);
void cmd_line_free(struct cmd_line *cl);

/* "mbviz: CMD: " before a message about @cl's command line. */
void cmd_error(const struct cmd_line *cl, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* @cmd's one-line usage, "mbviz CMD [OPTIONS] OPERANDS" (no "usage: "). */
void cmd_synopsis(FILE *f, const struct command *cmd);
/* `mbviz help CMD`: the usage line, what it does, every option. */
void cmd_help(FILE *f, const struct command *cmd);
/* `mbviz --help`: every command's synopsis and summary. */
void cmd_help_all(FILE *f);
/* For bash: "CMD OPTIONS..." lines (see doc/mbviz.bash). */
void cmd_complete_table(FILE *f);
/* The man page's SYNOPSIS, in roff (tests/man-page.test compares). */
void cmd_man_synopsis(FILE *f);
void cmd_version(FILE *f);

/* A value that must be a decimal in [min, max]: -1 and a message if not. */
long cmd_number(const struct cmd_line *cl, const char *opt, const char *s, long min, long max);

/*
 * Flush standard output and say, once, if anything written to it was
 * lost: 0, or 2 after "mbviz: CMD: standard output: REASON" on stderr.
 */
int cmd_flush_stdout(const struct cmd_line *cl);

#endif
