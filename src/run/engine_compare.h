/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Comparing what two engines did with the same step: the result, the
 * messages, and the whole visible state afterwards (regions, counts,
 * totals, settings, contents, the page allocator's zones and pages).
 * Used by `mbviz diff` and `mbviz fuzz-diff`.
 */
#ifndef MBVIZ_ENGINE_COMPARE_H
#define MBVIZ_ENGINE_COMPARE_H

#include <stdbool.h>
#include <stdio.h>

#include "core/machine.h"
#include "core/outcome.h"
#include "core/state.h"

/* What to compare besides the state and the result. */
#define CMP_LOG		0x1	/* the messages, line by line */

/* What one engine did with a step (or, with no outcome, its initial state). */
struct cmp_side {
	const char			*label;
	const struct step_outcome	*out;	/* NULL: compare the states only */
	const struct mb_state		*state;
};

bool cmp_equal(const struct cmp_side *a, const struct cmp_side *b, unsigned int flags);

/*
 * Both sides as two columns of "key  value" lines; lines that differ are
 * marked with '*' in the first column.  @all: every line, not only the
 * differing ones and their context.
 */
void cmp_print(FILE *f, const struct machine *m, const struct cmp_side *a,
	       const struct cmp_side *b, unsigned int flags, bool all);

#endif
