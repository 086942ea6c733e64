/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Kernel engine: MAX_NUMNODES is 1 << CONFIG_NODES_SHIFT, as in the kernel. */
#ifndef KSHIM_LINUX_NUMA_H
#define KSHIM_LINUX_NUMA_H

#ifdef CONFIG_NODES_SHIFT
#define NODES_SHIFT	CONFIG_NODES_SHIFT
#else
#define NODES_SHIFT	0
#endif

#define MAX_NUMNODES	(1 << NODES_SHIFT)
#define NUMA_NO_NODE	(-1)

/* 6.12 (include/linux/numa.h): a node id that names a node. */
static inline int numa_valid_node(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES;
}

#endif
