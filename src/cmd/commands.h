/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The subcommands of mbviz, each a row of the table in main.c.  Each gets
 * its command line as read from its row (cmd_line.h) and returns the
 * process exit status: 0 success, 1 an expectation failed (or a difference
 * was found), 2 a usage, scenario or output error.
 */
#ifndef MBVIZ_COMMANDS_H
#define MBVIZ_COMMANDS_H

#include <stddef.h>

#include "cmd_line.h"

int cmd_check(const struct cmd_line *cl);
int cmd_run(const struct cmd_line *cl);
int cmd_snapshot(const struct cmd_line *cl);
/* Two engines side by side: one scenario, or random operation sequences. */
int cmd_diff(const struct cmd_line *cl);
int cmd_fuzz_diff(const struct cmd_line *cl);
/* Boot logs in, kernel dump formats out. */
int cmd_import(const struct cmd_line *cl);
int cmd_export(const struct cmd_line *cl);
/* The interactive UI: mbviz with no subcommand. */
int cmd_ui(const struct cmd_line *cl);
/* mbviz html: a scenario as one self-contained page. */
int cmd_html(const struct cmd_line *cl);
/* mbviz schema: the scenario format's JSON Schema. */
int cmd_schema(const struct cmd_line *cl);
/* mbviz help [COMMAND] */
int cmd_help_command(const struct cmd_line *cl);

/* The engine @cl names (its first), or the model. */
static inline const char *cmd_engine(const struct cmd_line *cl)
{
	return cl->nr_engines ? cl->engine[0] : "model";
}

/*
 * Where the bundled scenarios are: $MBVIZ_SCENARIOS, the source tree (for
 * the mbviz of the build tree), or the installed data (scenario_dir.c);
 * @buf holds the answer when it is made at run time.
 */
const char *bundled_scenario_dir(char *buf, size_t len);

struct scenario;
/* mbviz --live [--root DIR] (cmd_live.c): NULL after a message on stderr. */
struct scenario *live_scenario_load(const char *root);

/* mbviz list [DIR] (cmd_list.c), and the scenarios of a directory (scenario_list.c). */
int cmd_list(const struct cmd_line *cl);

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
