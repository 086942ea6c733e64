/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * An engine executes memblock operations on a simulated machine: the model
 * engine (our own implementation of the kernel's semantics) or a kernel
 * engine (a real mm/memblock.c).  Engines know nothing of JSON, files or curses.
 */
#ifndef MBVIZ_ENGINE_H
#define MBVIZ_ENGINE_H

#include <stdbool.h>
#include <stdint.h>

#include "core/machine.h"
#include "core/ops.h"
#include "core/state.h"

struct engine;

/*
 * Why no engine runs memblock_end_of_DRAM() on an empty memory type under
 * 6.12: without 6.1's dummy entry the kernel reads memory.regions[-1], out
 * of the array's bounds, and returns whatever lies there.
 */
#define ENGINE_END_OF_DRAM_EMPTY						\
	"memory is empty, and Linux 6.12 then reads "				\
	"memory.regions[-1], outside the array (mm/memblock.c 6.12:1766-1768): "\
	"its result is undefined"

struct engine_ops {
	const char	*name;
	/* Fresh memblock for @m (static arrays, empty types, machine settings). */
	int		(*reset)(struct engine *e, const struct machine *m);
	/* Run one op; messages go to the current steplog. */
	void		(*exec)(struct engine *e, const struct op_call *call, struct op_result *res);
	/* Copy the visible state; the caller frees it with state_free(). */
	void		(*get_state)(struct engine *e, struct mb_state *out);
	/*
	 * Optional: copy only the enum state_part bits in @parts (the rest
	 * zero), for a reader that needs no more.  NULL: get_state is used.
	 */
	void		(*get_state_parts)(struct engine *e, struct mb_state *out,
					   unsigned int parts);
	/* Opaque whole-engine checkpoints, for instant step-back. */
	void		*(*save)(struct engine *e);
	void		(*restore)(struct engine *e, const void *saved);
	void		(*free_saved)(struct engine *e, void *saved);
	void		(*destroy)(struct engine *e);
	/* Why the last reset failed (a machine it cannot simulate), or NULL; optional. */
	const char	*(*error)(struct engine *e);
};

/*
 * Long work inside one op (a kernel engine's walk of a hand-over, one
 * block or page at a time) reports to @fn now and then: @done of @total
 * steps.  @fn returns false to cancel the op, which then fails with
 * op_result.cancelled and leaves the engine dead until a reset or the
 * restore of a checkpoint.  Engines know nothing of what @fn does (a
 * deadline for `check --timeout`, a progress bar and Esc in the UI).
 */
struct engine_progress {
	bool	(*fn)(void *ctx, uint64_t done, uint64_t total);
	void	*ctx;
};

struct engine {
	const struct engine_ops	*ops;
	const char		*label;		/* "model", "kernel:/path" */
	void			*priv;
	struct engine_progress	progress;	/* no hook: fn NULL */
};

/* Walk steps between two calls of the progress hook. */
#define ENGINE_PROGRESS_EVERY	(1UL << 16)

/* Tell @e's progress hook, if any; false: cancel the op. */
static inline bool engine_progress(struct engine *e, uint64_t done, uint64_t total)
{
	return !e->progress.fn || e->progress.fn(e->progress.ctx, done, total);
}

/*
 * "model", "model:OPTIONS", "kernel" or "kernel:PATH"; NULL and a message
 * in @err on failure.  OPTIONS, separated by commas, override what the
 * scenario's machine says: a kernel version ("6.1", "6.12") and
 * "free_late=MODE" (a machine.free_late mode: "skip-deferred",
 * "release-always"), as in "model:6.12,free_late=release-always".
 */
struct engine *engine_open(const char *spec, char *err, int errlen);
void engine_close(struct engine *e);
/* Why @e's last reset failed (a machine it cannot simulate), or NULL. */
const char *engine_error(struct engine *e);

/*
 * What a model engine runs, whatever the scenario's machine says: the
 * semantics of @version (an enum kernel_version), and memblock_free_late()
 * as @free_late says (an enum free_late_mode).  -1: the machine's own.
 */
struct model_spec {
	int	version;
	int	free_late;
};

/*
 * A model engine (src/model/model_engine.c) as @spec says.  Any number
 * of model engines coexist.
 */
struct engine *model_engine_open(const struct model_spec *spec);
/* The same with only a version (-1: each machine's "kernel"). */
struct engine *model_engine_create(int version);

#endif
