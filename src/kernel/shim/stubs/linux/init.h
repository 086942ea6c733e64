/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: boot-time annotations (nothing is discarded),
 * early_param() and __setup(), which record the handler in a section that
 * the engine walks: to pass "memblock=debug" as the kernel command line
 * would, and (6.12's "reserve_mem=") to run a scenario's boot parameter.
 * An early_param's name has no '=', a __setup's keeps it, as in the kernel.
 */
#ifndef KSHIM_LINUX_INIT_H
#define KSHIM_LINUX_INIT_H

#include <linux/compiler.h>

struct kshim_param {
	const char	*name;
	int		(*fn)(char *arg);
	int		early;		/* early_param(), not __setup() */
};

#define early_param(str, handler)					\
	static const struct kshim_param __kshim_param_##handler		\
	__used __section("kshim_param") __aligned(sizeof(void *)) =	\
		{ str, handler, 1 }

#define __setup(str, handler)						\
	static const struct kshim_param __kshim_setup_##handler		\
	__used __section("kshim_param") __aligned(sizeof(void *)) =	\
		{ str, handler, 0 }

#endif
