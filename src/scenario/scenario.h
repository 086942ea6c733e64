/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A scenario as loaded and validated from its JSON file (see
 * doc/scenario-format.md).  Everything here was checked before any step
 * runs; values that depend on the state at run time are kept as
 * expressions.  Every item remembers where it came from in the file.
 */
#ifndef MBVIZ_SCENARIO_H
#define MBVIZ_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/machine.h"
#include "core/ops.h"
#include "expr.h"

struct src_pos {
	int		line;		/* 1-based; 0 when unknown */
	int		col;		/* 1-based */
	char		*path;		/* JSON path: "steps[3].expect.memory.regions[1].size",
					   kept only for a value that is an expression (its
					   run-time errors name it); NULL for a step and its
					   arguments (step_path()) */
};

/* An address/size/count value: a constant, or an expression to evaluate. */
struct value {
	struct expr	*expr;		/* NULL when constant */
	uint64_t	constant;
	struct src_pos	pos;
};

struct step_arg {
	bool		present;	/* false only for an omitted optional argument */
	struct value	phys;		/* ARG_PHYS; where it is, without its path */
	union op_value	v;		/* the other kinds, decoded */
};

struct expect_region {
	struct value	base, size;
	bool		has_nid, has_flags;
	int		nid;
	unsigned int	flags;
	struct src_pos	pos;
};

struct expect_type {
	bool		present;
	bool		has_cnt, has_max, has_total_size, has_regions;
	struct value	cnt, max, total_size;
	int		nr_regions;	/* [] means "empty": checked as cnt 1, one zero region */
	struct expect_region *regions;
	int		*indices;	/* "regions": {"1": ...}: the entries' indices; NULL: the whole array */
	struct src_pos	pos;
};

struct expect_content {
	struct value	base, size;
	int		state;		/* enum content_state */
	unsigned char	byte;		/* CONTENT_FILLED: "byte" */
	struct src_pos	pos;
};

struct expect_zone {
	int		nid;
	char		zone[16];
	bool		has_spanned, has_present, has_managed, has_unavailable;
	uint64_t	spanned, present, managed;
	uint64_t	unavailable;	/* memmap_init()'s "pages in unavailable ranges", summed */
	struct src_pos	pos;
};

/* The ret value as written: a phys value, an int (possibly negative) or a bool. */
/* How ret is compared: equal (a value), {"ne": value} or {"min": lo, "max": hi}. */
enum ret_cmp { RET_CMP_EQ, RET_CMP_NE, RET_CMP_RANGE };

struct expect_ret {
	bool		present;
	enum ret_kind	kind;		/* of the step's op */
	enum ret_cmp	cmp;
	struct value	phys;		/* RET_ADDR, RET_VALUE, RET_PAGES (EQ, NE) */
	int64_t		integer;	/* RET_INT: 0, -12, or "-ENOMEM" decoded (EQ, NE) */
	bool		boolean;	/* RET_BOOL */
	bool		has_min, has_max;	/* RET_CMP_RANGE: inclusive bounds */
	struct value	phys_min, phys_max;
	int64_t		int_min, int_max;
	struct src_pos	pos;
};

struct expect {
	bool		present;
	struct src_pos	pos;
	struct expect_ret ret;		/* step expectations only */
	struct expect_type memory, reserved;
	bool		has_bottom_up, bottom_up;
	bool		has_current_limit;
	struct value	current_limit;
	int		nr_contents;	/* -1: key absent */
	struct expect_content *contents;
	bool		has_warnings;
	int		warnings;
	int		nr_zones;	/* -1: key absent */
	struct expect_zone *zones;
	bool		has_totalram_pages, has_lost_pages;
	uint64_t	totalram_pages, lost_pages;
	bool		has_physpages;	/* every zone's present pages: get_num_physpages() */
	uint64_t	physpages;
	/* The kernel panics in this step with this message (6.12); the run ends there. */
	char		*panic;
};

/*
 * A step is small: a million of them fit in a few hundred bytes each.  Its
 * arguments and expectations are out of line, and the JSON paths of the
 * step and its arguments are not stored: step_path() writes them when a
 * message needs one.
 */
struct step {
	int		index;
	const struct op_spec *spec;
	struct step_arg	*args;		/* spec->nargs of them, by position (in
					   scenario.args when loaded) */
	char		*as;		/* label, without the '$' */
	char		*note;
	struct expect	*expect;	/* NULL when the step has none (see step_expect()) */
	struct src_pos	pos;		/* of the step object (path NULL) */
	int		log_line;	/* "x-log-line": the boot log's line it comes from
					   (mbviz import), for check's report; 0: none */
};

/* The step's expectations, or NULL when it has none. */
static inline const struct expect *step_expect(const struct step *st)
{
	return st->expect && st->expect->present ? st->expect : NULL;
}

/*
 * "steps[N]" for @arg < 0, else "steps[N].NAME" of argument @arg, into
 * @buf; returns @buf.
 */
const char *step_path(const struct step *st, int arg, char *buf, int len);

struct scenario {
	char		*file;		/* as given on the command line */
	char		*name;
	char		*title;
	char		*description;
	struct machine	machine;
	int		nr_steps;
	struct step	*steps;
	struct step_arg	*args;		/* every step's arguments, one block */
	struct expect	expect;		/* top level */
	char		**unchecked;	/* what the expectations leave out, and why */
	int		nr_unchecked;
};

/*
 * Load and validate @file.  On error returns NULL and writes one line
 * "FILE:LINE:COL: PATH: expected ..., got ..." into @err (no newline).
 * Never crashes, whatever the file holds.
 */
struct scenario *scenario_load(const char *file, char *err, int errlen);
/* Same from memory (@name is used in messages as the file name). */
struct scenario *scenario_load_buffer(const char *name, const char *buf, size_t len,
				      char *err, int errlen);
void scenario_free(struct scenario *sc);

/*
 * How many steps a --step argument asks to run: all of them for NULL, a
 * number 0 .. nr_steps, or through the step whose `as` is the label
 * ($ optional).  -1, with a message for subcommand @cmd on stderr, if it
 * names none.
 */
int scenario_step_arg(const struct scenario *sc, const char *arg, const char *cmd);

/*
 * The keys the loader knows, for `mbviz schema` (src/cmd/cmd_schema.c):
 * of the top-level object, of "machine", of an "expect" object.
 */
const char *const *scenario_top_keys(int *n);
const char *const *scenario_machine_keys(int *n);
const char *const *scenario_expect_keys(int *n);

/* The constants an expression may use on this machine. */
void scenario_expr_consts(const struct machine *m, struct expr_env *env);

#endif
