/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The seam between the kernel-like headers and mbviz's model: values that
 * the kernel fixes at build time (PAGE_SIZE, SMP_CACHE_BYTES, MAX_NUMNODES,
 * the width of phys_addr_t, ...) are read here from the machine the model
 * currently simulates.  A real kernel source compiled against these stubs
 * (MBVIZ_KERNEL_ENGINE) gets its constants from its own configuration
 * instead, so nothing below exists for it.
 */
#ifndef MBVIZ_STUBS_RUNTIME_H
#define MBVIZ_STUBS_RUNTIME_H

#ifndef MBVIZ_KERNEL_ENGINE

#include <stdint.h>

#include "core/machine.h"

/* The machine the model currently simulates (set by memblock_model_reset). */
extern const struct machine *mb_machine;

/*
 * The model keeps every phys_addr_t in 64 bits; on a machine whose
 * phys_addr_t is 32 bits wide, a result is reduced with this wherever the
 * kernel's own arithmetic would wrap around.
 */
static inline uint64_t mbviz_phys_wrap(uint64_t x)
{
	return x & machine_phys_max(mb_machine);
}

#endif /* !MBVIZ_KERNEL_ENGINE */

#endif
