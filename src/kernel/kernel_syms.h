/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Function names of a kernel engine object, read from its ELF symbol
 * table, so that %pS can name a caller inside mm/memblock.c the way the
 * kernel's kallsyms would (static functions included).
 */
#ifndef MBVIZ_KERNEL_SYMS_H
#define MBVIZ_KERNEL_SYMS_H

#include <stdint.h>

struct kernel_syms;

/* NULL and a message in @err if @path is not a readable ELF64 object. */
struct kernel_syms *kernel_syms_load(const char *path, char *err, int errlen);
void kernel_syms_free(struct kernel_syms *ks);
/* The function or object containing @offset (an address minus the load base), or NULL. */
const char *kernel_syms_lookup(const struct kernel_syms *ks, uint64_t offset);

#endif
