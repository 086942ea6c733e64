/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: boot-time annotations (nothing is discarded) and
 * early_param(), which records the handler in a section that the engine
 * walks to pass "memblock=debug" as the kernel command line would.
 */
#ifndef KSHIM_LINUX_INIT_H
#define KSHIM_LINUX_INIT_H

#include <linux/compiler.h>

struct kshim_param {
	const char	*name;
	int		(*fn)(char *arg);
};

#define early_param(str, handler)					\
	static const struct kshim_param __kshim_param_##handler		\
	__used __section("kshim_param") __aligned(sizeof(void *)) =	\
		{ str, handler }

#endif
