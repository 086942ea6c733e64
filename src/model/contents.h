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
/* [base, base + size) now holds @state. */
void contents_set(uint64_t base, uint64_t size, enum content_state state);
/* [base, base + size) is no longer allocated. */
void contents_clear(uint64_t base, uint64_t size);

/* Copy the list into @out->contents / @out->nr_contents (freed by state_free). */
void contents_copy_out(struct mb_state *out);

void *contents_save(void);
void contents_restore(const void *saved);
void contents_free_saved(void *saved);

#endif
