/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What one step did, as plain data: the evaluated call, the engine's
 * result, what the kernel printed, the expectations that failed and the
 * run-time error, if any.  The runner fills it; the renderer, the UI and
 * the commands read it.  The formatting here is how people read a step:
 * "memblock_reserve(base=0x1000, size=0x2000) = 0", "-ENOMEM", and
 * "steps[3] memblock_reserve (line 14): reserved.cnt: expected 2, got 1".
 */
#ifndef MBVIZ_OUTCOME_H
#define MBVIZ_OUTCOME_H

#include <stdint.h>

#include "machine.h"
#include "ops.h"
#include "steplog.h"

/* One failed expectation. */
struct failure {
	int		step;		/* index, or -1 for the top-level expect */
	int		line;		/* line of the expectation in the file */
	char		*path;		/* "reserved.regions[1].size" */
	char		*expected;	/* "0x1000" */
	char		*actual;
	const char	*op;		/* the step's operation (static); NULL at the top level */
};

struct step_outcome {
	struct op_call	call;		/* the evaluated arguments */
	struct op_result res;
	struct steplog	log;
	int		nr_failures;
	struct failure	*failures;
	char		*error;		/* run-time scenario error (e.g. unbound label); NULL if none */
};

/* Append one failure to @out (copies the strings; @op is kept as is). */
void outcome_add_failure(struct step_outcome *out, int step, const char *op, int line,
			 const char *path, const char *expected, const char *actual);
void step_outcome_free(struct step_outcome *o);

/* "steps[3] memblock_reserve (line 14): reserved.regions[1].size: expected 0x1000, got 0x2000" */
int failure_format(const struct failure *f, char *buf, int len);
/* "memblock_reserve(base=0x1000, size=0x2000) = 0"; without @res, no result. */
int call_format(const struct machine *m, const struct op_call *c, const struct op_result *res,
		char *buf, int len);
/*
 * A step result as people read it: "0", "-ENOMEM", "0x7fff000", "true",
 * "1234" (pages, decimal).
 */
const char *ret_format(enum ret_kind kind, uint64_t value, char *buf, int len);

#endif
