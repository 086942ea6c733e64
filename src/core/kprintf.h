/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel's printf, as far as memblock's messages use it: %pa, %pap,
 * %pS and the kernel's '#' flag (see kprintf.c).
 */
#ifndef MBVIZ_KPRINTF_H
#define MBVIZ_KPRINTF_H

#include <stdarg.h>

/* How a %pa argument is stored: 8 (u64, the model) or 4 (a 32-bit kernel build). */
void steplog_set_phys_storage(int bytes);

/* Kernel vsnprintf subset into @buf (always NUL-terminated); returns length. */
int kernel_vsnprintf(char *buf, int size, int phys_bytes, const char *fmt, va_list ap);

#endif
