// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The usage text, made from the table of commands (main.c): the one-line
 * synopses (also the man page's, checked by tests/man-page.test), `mbviz
 * help CMD`, `mbviz --help`, and the words bash completes.
 */
#include "config.h"

#include <string.h>

#include "cmd_line.h"
#include "commands.h"
#include "core/ops.h"

#define WRAP	79
#define HELP_COL 27	/* where an option's help starts */

static const char *option_arg(const struct cmd_option *o)
{
	return o->arg ? o->arg : "VALUE";
}

/* "[--trace]", "[--dump=FORMAT]", "[--color[=WHEN]]", "[-o FILE]". */
static int option_word(char *buf, size_t len, const struct cmd_option *o)
{
	if (o->key < 256 && o->has_arg == required_argument)
		return snprintf(buf, len, "[-%c %s]", o->key, option_arg(o));
	if (o->key < 256)
		return snprintf(buf, len, "[-%c]", o->key);
	if (o->has_arg == required_argument)
		return snprintf(buf, len, "[--%s=%s]", o->name, option_arg(o));
	if (o->has_arg == optional_argument)
		return snprintf(buf, len, "[--%s[=%s]]", o->name, option_arg(o));
	return snprintf(buf, len, "[--%s]", o->name);
}

/* Words wrapped at WRAP columns, continued under the first operand. */
struct wrap {
	FILE	*f;
	int	col, indent;
	bool	wrap;
};

static void put_word(struct wrap *w, const char *word)
{
	int n = (int)strlen(word);

	if (w->wrap && w->col + 1 + n > WRAP && w->col > w->indent) {
		fprintf(w->f, "\n%*s", w->indent, "");
		w->col = w->indent;
	} else if (w->col) {
		fputc(' ', w->f);
		w->col++;
	}
	fputs(word, w->f);
	w->col += n;
}

static void synopsis(FILE *f, const struct command *cmd, int col, bool wrap)
{
	struct wrap w = { f, col, 0, wrap };
	const struct cmd_option *o;
	char buf[128];

	put_word(&w, "mbviz");
	if (cmd->name)
		put_word(&w, cmd->name);
	w.indent = w.col + 1;
	for (o = cmd->options; o->name; o++) {
		/* An engine option that may be given twice is shown twice. */
		if (o->hidden)
			continue;
		option_word(buf, sizeof(buf), o);
		put_word(&w, buf);
		if (o->key == KEY_ENGINE && cmd->max_engines > 1) {
			snprintf(buf, sizeof(buf), "[--%s=%s]", o->name, option_arg(o));
			put_word(&w, buf);
		}
	}
	if (cmd->operands && *cmd->operands)
		put_word(&w, cmd->operands);
	fputc('\n', f);
}

void cmd_synopsis(FILE *f, const struct command *cmd)
{
	synopsis(f, cmd, 0, false);
}

/* @text from column HELP_COL, wrapped at WRAP; the cursor is at @col. */
static void help_text(FILE *f, int col, const char *text)
{
	const char *p = text;

	while (*p) {
		int room = WRAP - HELP_COL, n = (int)strlen(p);

		if (n > room) {
			for (n = room; n > 0 && p[n] != ' '; n--)
				;
			if (!n)
				n = room;
		}
		if (col >= HELP_COL - 1) {
			fputc('\n', f);
			col = 0;
		}
		fprintf(f, "%*s%.*s\n", HELP_COL - col, "", n, p);
		col = 0;
		p += n;
		while (*p == ' ')
			p++;
	}
}

static void option_help(FILE *f, const struct cmd_option *o)
{
	char left[96];
	int n;

	if (o->key < 256)
		n = snprintf(left, sizeof(left), "  -%c, --%s", o->key, o->name);
	else
		n = snprintf(left, sizeof(left), "      --%s", o->name);
	if (o->has_arg == required_argument)
		snprintf(left + n, sizeof(left) - n, "=%s", option_arg(o));
	else if (o->has_arg == optional_argument)
		snprintf(left + n, sizeof(left) - n, "[=%s]", option_arg(o));
	fputs(left, f);
	help_text(f, (int)strlen(left), o->help);
}

void cmd_help(FILE *f, const struct command *cmd)
{
	const struct cmd_option *o;

	fputs("usage:", f);
	synopsis(f, cmd, 6, true);
	fprintf(f, "\n%c%s.\n", cmd->summary[0] - 'a' + 'A', cmd->summary + 1);
	if (cmd->about)
		fprintf(f, "%s\n", cmd->about);
	fputs("\nOptions:\n", f);
	for (o = cmd->options; o->name; o++)
		if (!o->hidden)
			option_help(f, o);
	for (o = help_options; o->name; o++)
		option_help(f, o);
	fputs("\nExit status: 0 success, 1 a failed expectation or a difference, 2 an error.\n"
	      "See mbviz(1).\n", f);
}

void cmd_help_all(FILE *f)
{
	const struct command *c;
	bool first = true;

	for (c = mbviz_commands; c->summary; c++) {
		if (c->hidden)
			continue;
		fputs(first ? "usage:" : "      ", f);
		synopsis(f, c, 6, true);
		first = false;
	}
	fputs("       mbviz --help | --version\n\n"
	      "Commands:\n", f);
	for (c = mbviz_commands; c->summary; c++)
		if (!c->hidden)
			fprintf(f, "  %-10s %s\n", c->name ? c->name : "[FILE]", c->summary);
	fputs("\nWith no FILE the UI opens the bundled tour.  'mbviz help COMMAND' shows\n"
	      "a command's options; mbviz(1) has them all, and doc/scenario-format.md\n"
	      "the scenario format.\n", f);
}

static const char *value_word(enum cmd_value v)
{
	static const char *const words[] = {
		[VAL_NONE] = "-", [VAL_WORD] = "word", [VAL_NUMBER] = "number",
		[VAL_FILE] = "file", [VAL_DIR] = "dir", [VAL_ENGINE] = "engine",
		[VAL_CHOICE] = "choice",
	};

	return words[v];
}

/*
 * One line per command: "cmd NAME OPERANDKIND", then one per option:
 * "opt --NAME[=] KIND [CHOICES...]".  The UI's name is "-".
 */
void cmd_complete_table(FILE *f)
{
	const struct command *c;
	const struct cmd_option *o;

	for (c = mbviz_commands; c->summary; c++) {
		if (c->hidden)
			continue;
		fprintf(f, "cmd %s %s\n", c->name ? c->name : "-", value_word(c->operand_value));
		for (o = c->options; o->name; o++) {
			if (o->hidden)
				continue;
			fprintf(f, "opt --%s%s %s%s%s\n", o->name,
				o->has_arg == required_argument ? "=" : "", value_word(o->value),
				o->choices ? " " : "", o->choices ? o->choices : "");
			if (o->key < 256)
				fprintf(f, "opt -%c %s\n", o->key,
					o->has_arg == no_argument ? "-" : value_word(o->value));
		}
		fputs("opt --help -\nopt --version -\n", f);
	}
}

/* @s with each '-' as roff's "\-". */
static void roff_text(FILE *f, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && s[i]; i++) {
		if (s[i] == '-')
			fputs("\\-", f);
		else
			fputc(s[i], f);
	}
}

/* An operand pattern: upper-case words in italics, the rest roman. */
static void roff_operands(FILE *f, const char *s)
{
	const char *caps = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	bool roman = true;	/* what .RI's next argument is set in */

	fputs(".RI", f);
	while (*s) {
		size_t n = strspn(s, caps);
		bool italic = n > 0;

		if (!n)
			n = strcspn(s, caps);
		if (italic == roman) {	/* .RI alternates: skip a turn */
			fputs(" \"\"", f);
			roman = !roman;
		}
		fputc(' ', f);
		roff_text(f, s, n);
		roman = !roman;
		s += n;
	}
	fputc('\n', f);
}

static void roff_option(FILE *f, const struct cmd_option *o)
{
	if (o->key < 256 && o->has_arg == required_argument) {
		fprintf(f, ".RB [ \\-%c\n.IR %s ]\n", o->key, option_arg(o));
		return;
	}
	if (o->key < 256) {
		fprintf(f, ".RB [ \\-%c ]\n", o->key);
		return;
	}
	fputs(".RB [ \\-\\-", f);
	roff_text(f, o->name, strlen(o->name));
	if (o->has_arg == required_argument)
		fprintf(f, "=\\c\n.IR %s ]\n", option_arg(o));
	else if (o->has_arg == optional_argument)
		fprintf(f, " [=\\c\n.IR %s ]]\n", option_arg(o));
	else
		fputs(" ]\n", f);
}

/* The man page's SYNOPSIS section, as tests/man-page.test wants it. */
void cmd_man_synopsis(FILE *f)
{
	const struct command *c;
	const struct cmd_option *o;

	fputs(".SH SYNOPSIS\n", f);
	for (c = mbviz_commands; c->summary; c++) {
		if (c->hidden)
			continue;
		fprintf(f, ".B mbviz%s%s\n", c->name ? " " : "", c->name ? c->name : "");
		for (o = c->options; o->name; o++) {
			if (o->hidden)
				continue;
			roff_option(f, o);
			if (o->key == KEY_ENGINE && c->max_engines > 1)
				roff_option(f, o);
		}
		if (c->operands && *c->operands)
			roff_operands(f, c->operands);
		fputs(".br\n", f);
	}
	fputs(".B mbviz\n.BR \\-\\-help \" | \" \\-\\-version\n", f);
}

void cmd_version(FILE *f)
{
	fprintf(f, "mbviz %s (memblock model: Linux 6.1)\n", PACKAGE_VERSION);
}

/* mbviz help [--synopsis] [COMMAND] */
int cmd_help_command(const struct cmd_line *cl)
{
	const struct command *c;
	int i;

	for (i = 0; i < cl->nr_args; i++) {
		if (cl->args[i].key == KEY_SYNOPSIS) {
			for (c = mbviz_commands; c->summary; c++)
				if (!c->hidden)
					cmd_synopsis(stdout, c);
			return cmd_flush_stdout(cl);
		}
		if (cl->args[i].key == KEY_MAN_SYNOPSIS) {
			cmd_man_synopsis(stdout);
			return cmd_flush_stdout(cl);
		}
		if (cl->args[i].key == KEY_COMPLETE) {
			cmd_complete_table(stdout);
			return cmd_flush_stdout(cl);
		}
	}
	if (!cl->nr_operands) {
		cmd_help_all(stdout);
		return cmd_flush_stdout(cl);
	}
	/* mbviz help ops: the operations a step may call (the op table). */
	if (!strcmp(cl->operands[0], "ops")) {
		ops_print_list(stdout);
		return cmd_flush_stdout(cl);
	}
	c = command_find(cl->operands[0]);
	if (!c) {
		cmd_error(cl, "no command '%s' (mbviz help lists them)", cl->operands[0]);
		return 2;
	}
	cmd_help(stdout, c);
	return cmd_flush_stdout(cl);
}
