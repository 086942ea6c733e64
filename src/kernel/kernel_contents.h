/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The allocation contents a kernel engine keeps beside the kernel's own
 * state (zeroed or untouched, per allocated range), as the model keeps
 * them, so that `contents` expectations mean the same on both engines.
 * Implemented in kernel_engine.c ("contents").
 */
#ifndef MBVIZ_KERNEL_CONTENTS_H
#define MBVIZ_KERNEL_CONTENTS_H

#include <stdint.h>

#include "core/state.h"

struct kcontents {
	int		nr, alloc;
	struct mb_content *v;		/* sorted, disjoint */
};

void kcontents_set(struct kcontents *c, uint64_t base, uint64_t size, enum content_state st);
/* Forget every range outside the regions of @reserved. */
void kcontents_keep_only(struct kcontents *c, const struct mb_type *reserved);
void kcontents_copy(struct kcontents *dst, const struct kcontents *src);
void kcontents_free(struct kcontents *c);

#endif
