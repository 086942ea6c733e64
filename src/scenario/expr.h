/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The value-expression language of scenario files:
 *   "0x1000", "16M", "SZ_4K * 2 + PAGE_SIZE", "end_of_DRAM - 1M",
 *   "$buf + 64", "memory[1].base", "(1G - 4K) * 2".
 * Parsed once at load time (syntax errors, unknown names and constant
 * overflow are load errors); evaluated when the step runs, because queries,
 * labels and region references depend on the state at that moment.
 */
#ifndef MBVIZ_EXPR_H
#define MBVIZ_EXPR_H

#include <stdbool.h>
#include <stdint.h>

struct expr;

enum expr_query {
	Q_START_OF_DRAM,
	Q_END_OF_DRAM,
	Q_PHYS_MEM_SIZE,
	Q_RESERVED_SIZE,
	Q_CURRENT_LIMIT,
};

/* Machine constants that a machine key's own value may not use yet. */
#define EXPR_UNSET_PAGE_SIZE		0x1
#define EXPR_UNSET_SMP_CACHE_BYTES	0x2
#define EXPR_UNSET_LOW_ADDRESS_LIMIT	0x4

/* What an expression can refer to when it is evaluated. */
struct expr_env {
	uint64_t	phys_max;	/* all ones in the machine's phys_addr_t */
	uint64_t	page_size, smp_cache_bytes, low_address_limit;
	unsigned int	unset;		/* EXPR_UNSET_*: constants not defined yet (machine keys) */
	void		*ctx;
	/* Each returns 0, or -1 with a message in err. */
	int		(*query)(void *ctx, enum expr_query q, uint64_t *out);
	int		(*label)(void *ctx, const char *name, uint64_t *out, char *err, int errlen);
	int		(*region)(void *ctx, int type, unsigned long idx, bool size,
				  uint64_t *out, char *err, int errlen);
};

/*
 * Parse @text.  @labels_known(ctx, name) tells whether an earlier step binds
 * $name (NULL: any label is accepted).  On error returns NULL and writes a
 * message ("unknown name 'FOO'", "'(' not closed", ...) and the 0-based
 * character offset of the error within @text.
 */
struct expr *expr_parse(const char *text, const struct expr_env *consts,
			bool (*labels_known)(void *ctx, const char *name), void *lctx,
			char *err, int errlen, int *err_offset);
/* True when the expression has no query, label or region reference. */
bool expr_is_constant(const struct expr *e);
/* 0 on success; -1 with a message (overflow, unbound label, bad index). */
int expr_eval(const struct expr *e, const struct expr_env *env, uint64_t *out,
	      char *err, int errlen);
void expr_free(struct expr *e);
/* The text the expression was parsed from. */
const char *expr_text(const struct expr *e);

#endif
