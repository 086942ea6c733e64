/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: SMP_CACHE_BYTES is the simulated machine's.  The kernel
 * makes it a constant; memblock only uses it as a value, so a variable set
 * per scenario behaves the same and saves building an engine per size.
 */
#ifndef KSHIM_LINUX_CACHE_H
#define KSHIM_LINUX_CACHE_H

extern unsigned long kshim_smp_cache_bytes;
#define SMP_CACHE_BYTES		kshim_smp_cache_bytes
#define L1_CACHE_BYTES		kshim_smp_cache_bytes

#endif
