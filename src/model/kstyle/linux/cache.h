/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cache line size, which memblock uses as the alignment of a request
 * that passes align 0.  The simulated machine's smp_cache_bytes.
 */
#ifndef MBVIZ_STUBS_LINUX_CACHE_H
#define MBVIZ_STUBS_LINUX_CACHE_H

#include <mbviz/runtime.h>

#ifndef MBVIZ_KERNEL_ENGINE
#define L1_CACHE_BYTES		((unsigned long)mb_machine->smp_cache_bytes)
#else
#ifndef L1_CACHE_SHIFT
#define L1_CACHE_SHIFT		6
#endif
#define L1_CACHE_BYTES		(1UL << L1_CACHE_SHIFT)
#endif

#ifndef SMP_CACHE_BYTES
#define SMP_CACHE_BYTES		L1_CACHE_BYTES
#endif

#endif
