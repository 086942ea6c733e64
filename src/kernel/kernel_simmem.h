/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Simulated physical memory for kernel engines: the memory behind the
 * kernel's __va()/__pa().  Any 64-bit physical address can be mapped;
 * host memory is committed only for pages the kernel code writes, so a
 * scenario at realistic addresses (4 GiB, 1 TiB, ...) costs only what its
 * allocations touch.
 */
#ifndef MBVIZ_KERNEL_SIMMEM_H
#define MBVIZ_KERNEL_SIMMEM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct simmem;

struct simmem *simmem_create(void);
void simmem_destroy(struct simmem *sm);

/*
 * Host address of physical @pa.  Contiguous for at least SIMMEM_SPAN
 * bytes from there, as the kernel expects of its direct map.  NULL (and
 * simmem_error() says why) when no more host address space can be had.
 */
void *simmem_va(struct simmem *sm, uint64_t pa);
/* The physical address of host address @va: 0, or -1 if it is not simulated. */
int simmem_pa(const struct simmem *sm, const void *va, uint64_t *pa);
bool simmem_contains(const struct simmem *sm, const void *p, size_t n);
/* memset(va, 0, n) that drops whole pages instead of writing them. */
void simmem_zero(struct simmem *sm, void *va, size_t n);
/*
 * Forget every byte: all memory reads as zero again, nothing stays
 * committed, and host addresses handed out before are no longer valid.
 */
void simmem_clear(struct simmem *sm);
/* Changes with every simmem_clear(): host addresses of another generation are gone. */
unsigned long simmem_generation(const struct simmem *sm);
const char *simmem_error(const struct simmem *sm);

#define SIMMEM_CHUNK_SHIFT	36
#define SIMMEM_SPAN		((uint64_t)1 << SIMMEM_CHUNK_SHIFT)

#endif
