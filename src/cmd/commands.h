/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The subcommands of mbviz.  Each returns the process exit status:
 * 0 success, 1 an expectation failed (or a difference was found), 2 a
 * usage or scenario error.
 */
#ifndef MBVIZ_COMMANDS_H
#define MBVIZ_COMMANDS_H

#include <stdbool.h>

int cmd_check(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_snapshot(int argc, char **argv);
/* Two engines side by side: one scenario, or random operation sequences. */
int cmd_diff(int argc, char **argv);
int cmd_fuzz_diff(int argc, char **argv);
/* Boot logs in, kernel dump formats out. */
int cmd_import(int argc, char **argv);
int cmd_export(int argc, char **argv);
/* The interactive UI; argv[0] is "mbviz", options and at most one FILE follow. */
int cmd_ui(int argc, char **argv);

/*
 * A word of a one-scenario subcommand's command line that none of its
 * options took: while @options, a word starting with '-' is an unknown
 * option; otherwise it is the scenario, of which there is one.  0, or -1
 * after one line on stderr naming @cmd.
 */
int cmd_operand(const char *cmd, const char *word, bool options, const char **file);
/* After the command line: -1, after one line on stderr, if no scenario came. */
int cmd_need_file(const char *cmd, const char *file);

/* Where the bundled scenarios are: $MBVIZ_SCENARIOS, the source tree, or pkgdatadir. */
const char *bundled_scenario_dir(void);

/* mbviz list [DIR] (cmd_list.c), and the scenarios of a directory (scenario_list.c). */
int cmd_list(int argc, char **argv);

struct scenario_entry {
	char		*file;		/* "tour.json" */
	char		*path;		/* DIR/tour.json */
	char		*title;		/* the scenario's title, or NULL if it does not load: */
	char		*error;		/*   the loader's message */
};

/* The *.json files of @dir, sorted, with titles; -1 and @err if @dir cannot be read. */
int scenario_list(const char *dir, struct scenario_entry **out, char *err, int errlen);
void scenario_list_free(struct scenario_entry *e, int n);

#endif
