/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The memblock operations a scenario step may call: their names (the
 * kernel's function names), their arguments (the kernel's parameter names)
 * and the kind of value they return.  Shared by the loader, which checks a
 * step against it, and by every engine, which executes an op_call.  The
 * operations themselves are listed once, in ops.def.
 */
#ifndef MBVIZ_OPS_H
#define MBVIZ_OPS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "ops.def"

enum op_id {
#define OP(ID, name, ret, versions, fuzz, args)	OP_##ID,
#include "ops.def"
#undef OP
	NR_OPS
};

/* What kind of JSON value an argument takes. */
enum arg_kind {
	ARG_PHYS,	/* address/size/align/limit: integer or expression string */
	ARG_NID,	/* JSON integer, -1 or "NUMA_NO_NODE" */
	ARG_FLAGS,	/* string or array of strings: NONE HOTPLUG MIRROR NOMAP DRIVER_MANAGED */
	ARG_BOOL,	/* JSON true/false */
	ARG_TYPE,	/* "memory" or "reserved" */
	ARG_STRING,	/* a JSON string: 6.12's reserve_mem= text and names */
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
	unsigned int		versions;	/* KV_* mask of the kernels that have it */
	int			fuzz_weight;	/* in fuzz-diff's random mix; 0: never drawn */
	int			nargs;
	struct op_arg_spec	args[OP_MAX_ARGS];
};

const struct op_spec *op_spec(enum op_id id);
const struct op_spec *op_lookup(const char *name);

/* The table as people read it (`mbviz help ops`): one line per op. */
void ops_print_list(FILE *f);
/* "void", "int", "address", "bool", "value", "pages" */
const char *ret_kind_name(enum ret_kind ret);
/* "6.1, 6.12": the kernel versions in a KV_* mask. */
const char *versions_name(unsigned int versions, char *buf, int len);

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
	const char	*string;	/* ARG_STRING: the scenario's text, which it owns */
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
#define MBF_RSRV_NOINIT		0x10	/* 6.12 only (include/linux/memblock.h 6.12:52) */
#define MBF_ALL			0x1f	/* every flag of every kernel version */

/* "NONE", "HOTPLUG|NOMAP", ...: for messages and tables. */
const char *flags_name(unsigned int flags, char *buf, int len);
/* Single flag name to bit (of any kernel version), or -1. */
int flag_lookup(const char *name);
/* The KV_* mask of the kernel versions that have flag @bit (0 for none). */
unsigned int flag_versions(unsigned int bit);
/* Every flag bit kernel version @version (enum kernel_version) has. */
unsigned int flags_of_version(int version);
/* The flag names of @version, "NONE" first; returns how many (at most 8). */
int flag_names_of_version(int version, const char **names);

/* What an engine returns for one call. */
struct op_result {
	enum ret_kind	kind;
	uint64_t	value;		/* RET_INT: (uint64_t)(int64_t)ret; RET_BOOL: 0/1 */
	bool		unsupported;	/* the engine cannot run this op: an error, never "done" */
	const char	*why;		/* set with unsupported */
	/*
	 * Set with unsupported: the engine refused a walk longer than it
	 * runs (the kernel engine's PA_MAX_WALK), which another engine may
	 * work out.
	 */
	bool		too_long;
	/* Set with unsupported: the engine's progress hook cancelled the op midway. */
	bool		cancelled;
};

#endif
