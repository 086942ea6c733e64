/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The page size.  A build-time constant in the kernel; in the model the
 * simulated machine's page_size, read at run time.
 */
#ifndef MBVIZ_STUBS_ASM_PAGE_H
#define MBVIZ_STUBS_ASM_PAGE_H

#include <mbviz/runtime.h>

#ifndef MBVIZ_KERNEL_ENGINE
#define PAGE_SIZE	((unsigned long)mb_machine->page_size)
#define PAGE_SHIFT	((unsigned int)__builtin_ctzll(mb_machine->page_size))
#else
#ifndef PAGE_SHIFT
#define PAGE_SHIFT	12
#endif
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#endif
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#endif
