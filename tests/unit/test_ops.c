// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The table of operations (src/core/ops.def) and what is generated from it:
 * every op has a spec with its name, arguments and versions; names are
 * unique and op_lookup finds each; and doc/scenario-format.md's table of
 * operations lists exactly the ops of the table, each with its arguments
 * in the table's order, and says "Linux X only" exactly for the ops that
 * not every kernel has.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/machine.h"
#include "core/ops.h"
#include "tap.h"

#define MAX_LINE	1024

/* The doc's row for @name, or NULL: rows of the table under "| op | arguments | result |". */
static char *doc_row(char rows[][MAX_LINE], int nrows, const char *name)
{
	char quoted[96];
	int i;

	snprintf(quoted, sizeof(quoted), "`%s`", name);
	for (i = 0; i < nrows; i++) {
		char *cell_end = strchr(rows[i] + 1, '|');
		char *hit = strstr(rows[i], quoted);

		if (hit && hit < cell_end)
			return rows[i];
	}
	return NULL;
}

/* The argument names of a row's second cell, "base, size, nid, flags (default NONE)". */
static void row_args(const char *row, char *out, int len)
{
	const char *c = strchr(row + 1, '|') + 1, *end = strchr(c, '|');
	int n = 0, depth = 0;
	bool word = false, skip = false;

	out[0] = '\0';
	for (; c < end && n < len - 1; c++) {
		if (*c == '(')
			depth++;
		else if (*c == ')')
			depth--;
		else if (depth)
			continue;
		else if (*c == ',') {
			word = false;
			skip = false;
		} else if ((*c >= 'a' && *c <= 'z') || *c == '_') {
			if (skip)
				continue;
			if (!word && n)
				out[n++] = ',';
			word = true;
			out[n++] = *c;
		} else if (word) {
			/* One word per argument: what follows is description. */
			skip = true;
		}
	}
	out[n] = '\0';
}

static void spec_args(const struct op_spec *s, char *out, int len)
{
	int i, n = 0;

	out[0] = '\0';
	for (i = 0; i < s->nargs; i++)
		n += snprintf(out + n, len - n, "%s%s", i ? "," : "", s->args[i].name);
}

static int read_doc_rows(char rows[][MAX_LINE], int max)
{
	char path[4096], line[MAX_LINE];
	FILE *f;
	int n = 0;
	bool in = false;

	snprintf(path, sizeof(path), "%s/doc/scenario-format.md", MBVIZ_SRCDIR);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f) && n < max) {
		if (!strncmp(line, "| op | arguments | result |", 27)) {
			in = true;
			continue;
		}
		if (in && line[0] != '|')
			break;
		if (in && strncmp(line, "|---", 4))
			snprintf(rows[n++], MAX_LINE, "%s", line);
	}
	fclose(f);
	return n;
}

/* Every backquoted op name of the rows' first cells is in the table. */
static void doc_names_known(char rows[][MAX_LINE], int nrows)
{
	int i, unknown = 0;

	for (i = 0; i < nrows; i++) {
		char *c = rows[i] + 1, *end = strchr(c, '|');

		while ((c = strchr(c, '`')) && c < end) {
			char name[96];
			char *close = strchr(c + 1, '`');
			int len = (int)(close - c - 1);

			snprintf(name, sizeof(name), "%.*s", len, c + 1);
			if (!op_lookup(name)) {
				diag("the doc's table has '%s', which ops.def does not", name);
				unknown++;
			}
			c = close + 1;
		}
	}
	is_int(unknown, 0, "every op in the doc's table is in ops.def");
}

int main(void)
{
	static char rows[128][MAX_LINE];
	int nrows = read_doc_rows(rows, 128), i, j, bad_spec = 0, bad_doc = 0;
	char want[256], got[256], vers[64], only[96];

	ok(nrows > 30, "doc/scenario-format.md has its table of operations (%d rows)", nrows);
	for (i = 0; i < NR_OPS; i++) {
		const struct op_spec *s = op_spec(i);
		const char *row;

		if (!s || s->id != (enum op_id)i || !s->name || op_lookup(s->name) != s ||
		    s->nargs < 0 || s->nargs > OP_MAX_ARGS || !s->versions ||
		    (s->versions & ~KV_ALL) || s->fuzz_weight < 0) {
			diag("op %d (%s): inconsistent spec", i, s && s->name ? s->name : "?");
			bad_spec++;
			continue;
		}
		for (j = 0; j < s->nargs; j++)
			if (!s->args[j].name || (s->args[j].optional && j != s->nargs - 1))
				bad_spec++;
		row = nrows > 0 ? doc_row(rows, nrows, s->name) : NULL;
		if (!row) {
			diag("%s is not in the doc's table of operations", s->name);
			bad_doc++;
			continue;
		}
		spec_args(s, want, sizeof(want));
		row_args(row, got, sizeof(got));
		if (strcmp(want, got)) {
			diag("%s: the doc says arguments '%s', ops.def '%s'", s->name, got, want);
			bad_doc++;
		}
		snprintf(only, sizeof(only), "(Linux %s only)",
			 versions_name(s->versions, vers, sizeof(vers)));
		if ((s->versions != KV_ALL) != (strstr(row, only) != NULL) ||
		    (s->versions == KV_ALL && strstr(row, " only)"))) {
			diag("%s: the doc's row must say %s exactly when not every kernel has it",
			     s->name, s->versions == KV_ALL ? "nothing" : only);
			bad_doc++;
		}
	}
	is_int(bad_spec, 0, "every op of ops.def has a consistent spec, found by its name");
	is_int(bad_doc, 0, "the doc's table lists every op with ops.def's arguments and versions");
	doc_names_known(rows, nrows);
	ok(op_lookup("memblock_no_such_op") == NULL, "an unknown name finds no op");
	is_str(op_spec(OP_MEMBLOCK_ADD_NODE)->args[3].name, "flags",
	       "generated specs keep the argument order (memblock_add_node's 4th is flags)");
	ok(op_spec(OP_MEMBLOCK_ADD_NODE)->args[3].optional &&
	   !op_spec(OP_MEMBLOCK_ADD_NODE)->args[2].optional, "O() marks an optional argument");
	is_int(op_spec(OP_MEMBLOCK_ALLOW_RESIZE)->nargs, 0, "an op without arguments has nargs 0");
	is_int(op_spec(OP_MEMBLOCK_ALLOC_RANGE_NID)->nargs, 6, "the longest op has 6 arguments");
	is_int(op_spec(OP_MEMBLOCK_FREE_ALL)->fuzz_weight, 0,
	       "the hand-over is never drawn at random by fuzz-diff");
	return done_testing();
}
