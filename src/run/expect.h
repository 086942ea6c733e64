/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Checking a scenario's expectations against the visible state, exactly
 * as doc/scenario-format.md defines them: only the keys present are
 * checked, and each failure names the key path, the expected and the
 * actual value and the line of the expectation in the file.
 */
#ifndef MBVIZ_EXPECT_H
#define MBVIZ_EXPECT_H

#include <stdint.h>

#include "core/outcome.h"
#include "engine.h"
#include "scenario/scenario.h"
#include "core/state.h"

/* What the expectations of one step (or the top level) are checked against. */
struct expect_ctx {
	const char		*file;		/* for error messages */
	const struct machine	*machine;
	const struct expr_env	*env;		/* evaluates expression values */
	int			step;		/* index, or -1 for the top level */
	const char		*op;		/* the step's operation; NULL at the top level */
	const struct op_result	*res;		/* the step's result; NULL at the top level */
	int			warnings;	/* warnings printed by the step (or the run) */
};

/*
 * Append a failure for every expectation of @e that @st does not meet.
 * Returns 0, or -1 with a one-line message in @err when a value of the
 * expectation cannot be evaluated (e.g. a region reference out of range):
 * that is a scenario error, not a failed expectation.
 */
int expect_check(const struct expect *e, const struct mb_state *st,
		 const struct expect_ctx *ctx, struct step_outcome *out,
		 char *err, int errlen);

/* Evaluate a value; on error "FILE:LINE:COL: PATH: message" goes to @err. */
int value_eval(const struct value *v, const struct expr_env *env, const char *file,
	       uint64_t *out, char *err, int errlen);

#endif
