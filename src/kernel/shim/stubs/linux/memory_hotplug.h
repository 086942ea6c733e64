/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: "movable_node" on the command line is a machine setting. */
#ifndef KSHIM_LINUX_MEMORY_HOTPLUG_H
#define KSHIM_LINUX_MEMORY_HOTPLUG_H

#include <linux/types.h>

extern bool movable_node_enabled;

static inline bool movable_node_is_enabled(void)
{
	return movable_node_enabled;
}

#endif
