/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Random machines and random valid memblock operations, for differential
 * testing of two engines (mbviz fuzz-diff).  Arguments are chosen with an
 * eye on the current state -- ranges that touch, split or cover existing
 * regions, frees of what was allocated -- so that merges, splits, array
 * doubling, -ENOMEM and the allocators' fallbacks are all reached.
 * Everything is a pure function of the seed and the states seen.
 */
#ifndef MBVIZ_FUZZ_GEN_H
#define MBVIZ_FUZZ_GEN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/machine.h"
#include "core/ops.h"
#include "core/state.h"

struct fuzz_rng {
	uint64_t	s;
};

void fuzz_seed(struct fuzz_rng *r, uint64_t seed);
uint64_t fuzz_next(struct fuzz_rng *r);

/* What the generator may produce. */
struct fuzz_opts {
	bool		page_alloc;	/* memblock_free_all, free_late, page_alloc_init_late, discard */
	bool		phys32;		/* some machines with a 32-bit phys_addr_t */
	bool		numa;		/* some NUMA machines */
};

/* Per case: the machine, and the address span its operations mostly use. */
struct fuzz_case {
	struct machine	machine;
	uint64_t	span;
	int		nr_ops;		/* how many operations the case should have */
	int		nr_physmem;	/* memblock_physmem_add calls so far */
	int		nr_done;	/* operations generated so far */
};

void fuzz_new_case(struct fuzz_rng *r, const struct fuzz_opts *o, struct fuzz_case *c);
/* The next operation, for state @st; call->caller is left alone. */
void fuzz_op(struct fuzz_rng *r, const struct fuzz_opts *o, struct fuzz_case *c,
	     const struct mb_state *st, struct op_call *call);

/*
 * Why the step that left state @st cannot be compared, or NULL.  Linux
 * 6.1 can put the memory and the reserved array at the same address (the
 * memory array is doubled, freeing its old array makes reserved double
 * before the new memory array is reserved); from then on the kernel's two
 * arrays overwrite each other, which the model, keeping its arrays in
 * host memory, does not follow.
 */
const char *fuzz_undefined(const struct machine *m, const struct mb_state *st);

/*
 * Why the case must end after @call left state @st, or NULL to go on.
 * A sequence stays valid only while memblock's own doubled arrays are
 * reserved and memblock_discard() has not run: after that the kernel
 * code uses freed memory, and nothing defines what it does.
 */
const char *fuzz_case_over(const struct machine *m, const struct op_call *call,
			   const struct mb_state *st);

/* A scenario file (format version 1) holding @c's machine and @calls. */
void fuzz_write_scenario(FILE *f, const char *name, const char *description,
			 const struct machine *m, const struct op_call *calls, int nr);

#endif
