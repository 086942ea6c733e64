/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memblock operations a scenario step may call: their names (the
 * kernel's function names), their arguments (the kernel's parameter names)
 * and the kind of value they return.  Shared by the loader, which checks a
 * step against it, and by every engine, which executes an op_call.
 */
#ifndef MBVIZ_OPS_H
#define MBVIZ_OPS_H

#include <stdbool.h>
#include <stdint.h>

enum op_id {
	OP_MEMBLOCK_ADD,
	OP_MEMBLOCK_ADD_NODE,
	OP_MEMBLOCK_REMOVE,
	OP_MEMBLOCK_RESERVE,
	OP_MEMBLOCK_PHYS_FREE,
	OP_MEMBLOCK_FREE,
	OP_MEMBLOCK_PHYSMEM_ADD,
	OP_MEMBLOCK_MARK_HOTPLUG,
	OP_MEMBLOCK_CLEAR_HOTPLUG,
	OP_MEMBLOCK_MARK_MIRROR,
	OP_MEMBLOCK_MARK_NOMAP,
	OP_MEMBLOCK_CLEAR_NOMAP,
	OP_MEMBLOCK_SET_NODE,
	OP_MEMBLOCK_TRIM_MEMORY,
	OP_MEMBLOCK_ENFORCE_MEMORY_LIMIT,
	OP_MEMBLOCK_CAP_MEMORY_RANGE,
	OP_MEMBLOCK_MEM_LIMIT_REMOVE_MAP,
	OP_MEMBLOCK_SET_BOTTOM_UP,
	OP_MEMBLOCK_SET_CURRENT_LIMIT,
	OP_MEMBLOCK_ALLOW_RESIZE,
	OP_MEMBLOCK_PHYS_ALLOC_RANGE,
	OP_MEMBLOCK_PHYS_ALLOC_TRY_NID,
	OP_MEMBLOCK_PHYS_ALLOC,
	OP_MEMBLOCK_ALLOC,
	OP_MEMBLOCK_ALLOC_RAW,
	OP_MEMBLOCK_ALLOC_FROM,
	OP_MEMBLOCK_ALLOC_LOW,
	OP_MEMBLOCK_ALLOC_NODE,
	OP_MEMBLOCK_ALLOC_TRY_NID,
	OP_MEMBLOCK_ALLOC_TRY_NID_RAW,
	OP_MEMBLOCK_ALLOC_EXACT_NID_RAW,
	OP_MEMBLOCK_ALLOC_RANGE_NID,
	OP_MEMBLOCK_IS_MEMORY,
	OP_MEMBLOCK_IS_RESERVED,
	OP_MEMBLOCK_IS_MAP_MEMORY,
	OP_MEMBLOCK_IS_REGION_MEMORY,
	OP_MEMBLOCK_IS_REGION_RESERVED,
	OP_MEMBLOCK_PHYS_MEM_SIZE,
	OP_MEMBLOCK_RESERVED_SIZE,
	OP_MEMBLOCK_START_OF_DRAM,
	OP_MEMBLOCK_END_OF_DRAM,
	OP_MEMBLOCK_FREE_ALL,
	OP_MEMBLOCK_FREE_LATE,
	OP_PAGE_ALLOC_INIT_LATE,
	OP_MEMBLOCK_DISCARD,
	NR_OPS
};

/* What kind of JSON value an argument takes. */
enum arg_kind {
	ARG_PHYS,	/* address/size/align/limit: integer or expression string */
	ARG_NID,	/* JSON integer, -1 or "NUMA_NO_NODE" */
	ARG_FLAGS,	/* string or array of strings: NONE HOTPLUG MIRROR NOMAP DRIVER_MANAGED */
	ARG_BOOL,	/* JSON true/false */
	ARG_TYPE,	/* "memory" or "reserved" */
};

/* What the kernel function returns. */
enum ret_kind {
	RET_NONE,	/* void */
	RET_INT,	/* 0 / -ENOMEM / -EINVAL */
	RET_ADDR,	/* physical address, 0 on failure */
	RET_BOOL,
	RET_VALUE,	/* phys_addr_t value of a query */
	RET_PAGES,	/* unsigned long page count */
};

#define OP_MAX_ARGS	6

struct op_arg_spec {
	const char	*name;
	enum arg_kind	kind;
	bool		optional;	/* only memblock_add_node's flags */
};

struct op_spec {
	enum op_id		id;
	const char		*name;
	enum ret_kind		ret;
	int			nargs;
	struct op_arg_spec	args[OP_MAX_ARGS];
};

const struct op_spec *op_spec(enum op_id id);
const struct op_spec *op_lookup(const char *name);

/*
 * One evaluated call, ready for an engine.  Arguments are stored by
 * position, in the order of op_spec()->args; each slot is read according to
 * its kind (phys, nid, flags, boolean or type).
 */
enum memblock_type_id { MB_TYPE_MEMORY, MB_TYPE_RESERVED };

union op_value {
	uint64_t	phys;
	int		nid;
	unsigned int	flags;
	bool		boolean;
	enum memblock_type_id type;
};

struct op_call {
	enum op_id	op;
	union op_value	arg[OP_MAX_ARGS];
	const char	*caller;	/* shown by %pS for this step, e.g. "steps[3]" */
};

/* Region flag bits, as enum memblock_flags in include/linux/memblock.h. */
#define MBF_NONE		0x0
#define MBF_HOTPLUG		0x1
#define MBF_MIRROR		0x2
#define MBF_NOMAP		0x4
#define MBF_DRIVER_MANAGED	0x8
#define MBF_ALL			0xf

/* "NONE", "HOTPLUG|NOMAP", ...: for messages and tables. */
const char *flags_name(unsigned int flags, char *buf, int len);
/* Single flag name to bit, or -1. */
int flag_lookup(const char *name);

/* What an engine returns for one call. */
struct op_result {
	enum ret_kind	kind;
	uint64_t	value;		/* RET_INT: (uint64_t)(int64_t)ret; RET_BOOL: 0/1 */
	bool		unsupported;	/* the engine cannot run this op: an error, never "done" */
	const char	*why;		/* set with unsupported */
};

#endif
