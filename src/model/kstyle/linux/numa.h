/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Node numbers.  MAX_NUMNODES is 1 << CONFIG_NODES_SHIFT in the kernel and
 * the simulated machine's max_numnodes in the model.
 */
#ifndef MBVIZ_STUBS_LINUX_NUMA_H
#define MBVIZ_STUBS_LINUX_NUMA_H

#include <mbviz/runtime.h>

#define NUMA_NO_NODE	(-1)

#ifndef MBVIZ_KERNEL_ENGINE
#define MAX_NUMNODES	(mb_machine->max_numnodes)
#else
#ifdef CONFIG_NODES_SHIFT
#define NODES_SHIFT	CONFIG_NODES_SHIFT
#else
#define NODES_SHIFT	0
#endif
#define MAX_NUMNODES	(1 << NODES_SHIFT)
#endif

#endif
