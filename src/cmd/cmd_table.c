// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The table of commands: each row names a subcommand, its operands, its
 * options and its handler (cmd_line.h).  Everything about a command line
 * is read from here: parsing, `mbviz help`, the man page's synopsis (a
 * test compares them) and the bash completion.  The first row is the UI,
 * mbviz with no subcommand; main() runs it, since the curses front end is
 * not in the library that the tests and fuzz targets link.
 */
#include <stdio.h>
#include <string.h>

#include "cmd_line.h"
#include "commands.h"

/* Options that two commands take alike, spelt once. */
#define OPT_ROOT OPT("root", KEY_ROOT, required_argument, "DIR", VAL_DIR, NULL, \
		     "with --live: the system's files under DIR")
#define OPT_NO_LOG OPT("no-log", KEY_NO_LOG, no_argument, NULL, VAL_NONE, NULL, \
		       "do not compare the kernel messages")
/* run --dump and export --format: render/dump.h's formats. */
#define DUMP_CHOICES "debugfs dump json"
#define DUMP_CHOICES_HELP "debugfs, dump (memblock_dump_all, the default) or json"

static const struct cmd_option ui_options[] = {
	OPT_ENGINE2,
	OPT_STEP,
	OPT_COLOR,
	OPT_COLOUR,
	OPT("no-color", KEY_NO_COLOR, no_argument, NULL, VAL_NONE, NULL,
	  "no colour (the same as --color=never)"),
	OPT_HIDDEN("no-colour", KEY_NO_COLOR, no_argument, NULL, VAL_NONE, NULL),
	OPT("no-mouse", KEY_NO_MOUSE, no_argument, NULL, VAL_NONE, NULL,
	  "leave the mouse to the terminal (for selecting text)"),
	OPT("live", KEY_LIVE, no_argument, NULL, VAL_NONE, NULL,
	    "this machine's boot, as import --live reads it, instead of FILE"),
	OPT_ROOT,
	OPT_END
};

static const struct cmd_option check_options[] = {
	OPT_ENGINE,
	OPT("timeout", KEY_TIMEOUT, required_argument, "SECONDS", VAL_NUMBER, NULL,
	    "give each scenario at most SECONDS (a decimal number): one that runs over fails, "
	    "naming its step"),
	OPT_END
};

static const struct cmd_option run_options[] = {
	OPT_ENGINE,
	OPT("trace", KEY_TRACE, no_argument, NULL, VAL_NONE, NULL,
	  "print each call, then what the kernel would print with memblock=debug"),
	OPT("dump", KEY_DUMP, required_argument, "FORMAT", VAL_CHOICE, DUMP_CHOICES,
	  "the final state as " DUMP_CHOICES_HELP),
	OPT("zoneinfo", KEY_ZONEINFO, no_argument, NULL, VAL_NONE, NULL,
	  "then the zones, as /proc/zoneinfo (after memblock_free_all)"),
	OPT_END
};

static const struct cmd_option snapshot_options[] = {
	OPT_ENGINE,
	OPT_STEP,
	OPT("all", KEY_ALL, no_argument, NULL, VAL_NONE, NULL, "every step, one after the other"),
	OPT_WIDTH,
	OPT("node", KEY_NODE, required_argument, "N", VAL_NUMBER, NULL, "only node N"),
	OPT("scale", KEY_SCALE, required_argument, "SCALE", VAL_CHOICE, "linear compact",
	  "the maps' scale: linear (the default) or compact"),
	OPT_COLOR,
	OPT_COLOUR,
	OPT("utf8", KEY_UTF8, no_argument, NULL, VAL_NONE, NULL,
	  "draw with UTF-8 block characters, not ASCII"),
	OPT_OUTPUT("the picture"),
	OPT("format", KEY_FORMAT, required_argument, "FORMAT", VAL_CHOICE, "text svg",
	    "text (the default) or svg: the same picture as scalable vector graphics"),
	OPT_END
};

static const struct cmd_option diff_options[] = {
	OPT_ENGINE2,
	OPT_NO_LOG,
	OPT("brief", KEY_BRIEF, no_argument, NULL, VAL_NONE, NULL,
	  "only what differs, not both states"),
	OPT_END
};

static const struct cmd_option fuzz_options[] = {
	OPT_ENGINE2,
	OPT("seed", KEY_SEED, required_argument, "S", VAL_NUMBER, NULL,
	  "the random seed (default 1)"),
	OPT("ops", KEY_OPS, required_argument, "N", VAL_NUMBER, NULL,
	  "how many operations in all (default 10000)"),
	OPT_NO_LOG,
	OPT("no-page-alloc", KEY_NO_PAGE_ALLOC, no_argument, NULL, VAL_NONE, NULL,
	  "no hand-over to the page allocator in the cases"),
	OPT_OUTPUT("a divergence's scenario"),
	OPT("verbose", 'v', no_argument, NULL, VAL_NONE, NULL, "say how each case ended"),
	OPT_END
};

static const struct cmd_option import_options[] = {
	OPT_OUTPUT("the scenario"),
	OPT("strict", KEY_STRICT, no_argument, NULL, VAL_NONE, NULL,
	  "unusable lines are an error, not a warning"),
	OPT("name", KEY_NAME, required_argument, "NAME", VAL_WORD, NULL,
	  "the scenario's name (default: from the file name)"),
	OPT("no-guess", KEY_NO_GUESS, no_argument, NULL, VAL_NONE, NULL,
	  "do not guess the allocation direction from the addresses"),
	OPT("boot", KEY_BOOT, required_argument, "N", VAL_NUMBER, NULL,
	    "which boot of a log that holds several (1: the first)"),
	OPT("replay", KEY_REPLAY, no_argument, NULL, VAL_NONE, NULL,
	    "replay the scenario and say how many allocations land where the kernel's did"),
	OPT("live", KEY_LIVE, no_argument, NULL, VAL_NONE, NULL,
	    "read the running system instead of a LOG"),
	OPT_ROOT,
	OPT_END
};

static const struct cmd_option export_options[] = {
	OPT_ENGINE,
	OPT_STEP,
	OPT("format", KEY_FORMAT, required_argument, "FORMAT", VAL_CHOICE, DUMP_CHOICES,
	  DUMP_CHOICES_HELP),
	OPT_END
};

static const struct cmd_option html_options[] = {
	OPT_ENGINE,
	OPT_WIDTH,
	OPT_COLOR,
	OPT_COLOUR,
	OPT_OUTPUT("the page"),
	OPT_END
};

static const struct cmd_option no_options[] = {
	OPT_END
};

static const struct cmd_option help_cmd_options[] = {
	/* For tests/man-page.test and the bash completion. */
	OPT_HIDDEN("synopsis", KEY_SYNOPSIS, no_argument, NULL, VAL_NONE, NULL),
	OPT_HIDDEN("man-synopsis", KEY_MAN_SYNOPSIS, no_argument, NULL, VAL_NONE, NULL),
	OPT_HIDDEN("complete", KEY_COMPLETE, no_argument, NULL, VAL_NONE, NULL),
	OPT_END
};

const struct command mbviz_commands[] = {
	{ NULL, "[FILE|DIR]", "scenario", 0, 1, 2, VAL_FILE,
	  "step through a scenario in the terminal (ncurses)",
	  "With no FILE the bundled tour opens; with a DIR, a picker of its scenarios.\n"
	  "With two engines the second's maps are drawn under the first's, differences\n"
	  "marked.  Press ? for the keys.",
	  ui_options, NULL, false },	/* run by main(): the UI is not in the library */
	{ "check", "FILE|DIR...", "scenario", 1, -1, 1, VAL_FILE,
	  "run scenarios and check their expectations, TAP output",
	  "A DIR stands for the *.json files in it, in name order.",
	  check_options, cmd_check, false },
	{ "run", "FILE", "scenario", 1, 1, 1, VAL_FILE,
	  "run a scenario and print the final state as the kernel does", NULL,
	  run_options, cmd_run, false },
	{ "snapshot", "FILE", "scenario", 1, 1, 1, VAL_FILE,
	  "draw a step's state as text",
	  "ASCII unless asked otherwise; 80 columns and no colour unless on a terminal.",
	  snapshot_options, cmd_snapshot, false },
	{ "diff", "FILE", "scenario", 1, 1, 2, VAL_FILE,
	  "the first step where two engines differ (default: model and kernel)",
	  "One engine given is compared with the model.  Expectations are not checked.",
	  diff_options, cmd_diff, false },
	{ "fuzz-diff", "", "operand", 0, 0, 2, VAL_NONE,
	  "random operations on two engines, a divergence cut down to a scenario", NULL,
	  fuzz_options, cmd_fuzz_diff, false },
	{ "import", "[LOG|-]", "log", 0, 1, 0, VAL_FILE,
	  "a boot log (memblock=debug dmesg, e820, SRAT, dumps) as a scenario",
	  "With no LOG, or -, the log is read from standard input.",
	  import_options, cmd_import, false },
	{ "export", "FILE", "scenario", 1, 1, 1, VAL_FILE,
	  "a step's state in one of the kernel's text formats", NULL,
	  export_options, cmd_export, false },
	{ "html", "FILE", "scenario", 1, 1, 1, VAL_FILE,
	  "every step of a scenario as one self-contained HTML page",
	  "Each step's picture as SVG, with its kernel messages; n/p, arrows,\n"
	  "Home/End and buttons step through it.  No network, no external files.",
	  html_options, cmd_html, false },
	{ "list", "[DIR]", "directory", 0, 1, 0, VAL_FILE,
	  "the scenarios of DIR (default: the bundled ones) and their titles", NULL,
	  no_options, cmd_list, false },
	{ "help", "[COMMAND|ops]", "command", 0, 1, 0, VAL_WORD,
	  "show a command's options, every command's synopsis, or (ops) the operations", NULL,
	  help_cmd_options, cmd_help_command, false },
	/* For editors and for tests/schema.test; installed as data. */
	{ "schema", "", "operand", 0, 0, 0, VAL_NONE,
	  "the JSON Schema of the scenario format, made from the operation table", NULL,
	  no_options, cmd_schema, true },
	{ .summary = NULL }
};

const struct command *command_find(const char *name)
{
	const struct command *c;

	for (c = mbviz_commands; c->summary; c++)
		if (c->name && !strcmp(c->name, name))
			return c;
	return NULL;
}


int cmd_dispatch(int argc, char **argv)
{
	const struct command *cmd = argc > 0 ? command_find(argv[0]) : NULL;
	struct cmd_line cl;
	int status;

	if (!cmd || !cmd->run) {
		fprintf(stderr, "mbviz: no command '%s'\n", argc > 0 ? argv[0] : "");
		return 2;
	}
	if (cmd_line_parse(cmd, argc, argv, &cl, &status) == 0)
		status = cmd->run(&cl);
	cmd_line_free(&cl);
	return status;
}
