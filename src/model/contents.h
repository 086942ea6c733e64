/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the memory handed out by memblock contains: the zeroing allocators
 * leave their range zeroed, the raw and physical ones leave it untouched.
 * Kept as a sorted list of disjoint intervals; a later allocation
 * overwrites what it covers, a free forgets it.  The list grows with the
 * number of allocations, never with the size of memory.
 */
#ifndef MBVIZ_CONTENTS_H
#define MBVIZ_CONTENTS_H

#include <stdint.h>

#include "core/state.h"

void contents_reset(void);
/* [base, base + size) now holds @state (CONTENT_UNTOUCHED keeps earlier fills). */
void contents_set(uint64_t base, uint64_t size, enum content_state state);
/* [base, base + size) is no longer allocated (what a memset put there stays). */
void contents_clear(uint64_t base, uint64_t size);
/* A scenario's memset: [base, base + size) holds @byte. */
void contents_fill(uint64_t base, uint64_t size, unsigned char byte);

/* Copy the list into @out->contents / @out->nr_contents (freed by state_free). */
void contents_copy_out(struct mb_state *out);

void *contents_save(void);
void contents_restore(const void *saved);
void contents_free_saved(void *saved);

/*
 * The list of one model instance: an empty one, exchanged with the current
 * list when that instance takes the globals (memblock_model_use), and freed.
 */
void *contents_ctx_new(void);
void contents_ctx_swap(void *ctx);
void contents_ctx_free(void *ctx);

#endif
