/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An engine executes memblock operations on a simulated machine: the model
 * engine (our own implementation of 6.1 semantics) or a kernel engine (a
 * real mm/memblock.c).  Engines know nothing of JSON, files or curses.
 */
#ifndef MBVIZ_ENGINE_H
#define MBVIZ_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/machine.h"
#include "core/ops.h"
#include "core/state.h"

struct engine;

struct engine_ops {
	const char	*name;
	/* Fresh memblock for @m (static arrays, empty types, machine settings). */
	int		(*reset)(struct engine *e, const struct machine *m);
	/* Run one op; messages go to the current steplog. */
	void		(*exec)(struct engine *e, const struct op_call *call, struct op_result *res);
	/* Copy the visible state; the caller frees it with state_free(). */
	void		(*get_state)(struct engine *e, struct mb_state *out);
	/* Opaque whole-engine checkpoints, for instant step-back. */
	void		*(*save)(struct engine *e);
	void		(*restore)(struct engine *e, const void *saved);
	void		(*free_saved)(struct engine *e, void *saved);
	void		(*destroy)(struct engine *e);
};

struct engine {
	const struct engine_ops	*ops;
	const char		*label;		/* "model", "kernel:/path" */
	void			*priv;
};

/* "model" or "kernel:PATH"; NULL and a message in @err on failure. */
struct engine *engine_open(const char *spec, char *err, int errlen);
void engine_close(struct engine *e);
/* Why @e's last reset failed (a machine it cannot simulate), or NULL. */
const char *engine_error(struct engine *e);

/* The model engine (src/model_engine.c). */
struct engine *model_engine_create(void);

#endif
