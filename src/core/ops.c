// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <string.h>

#include "ops.h"

#define A(n, k)		{ .name = n, .kind = k }
#define PHYS(n)		A(n, ARG_PHYS)

static const struct op_spec op_table[NR_OPS] = {
	{ OP_MEMBLOCK_ADD, "memblock_add", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_ADD_NODE, "memblock_add_node", RET_INT, 4,
	  { PHYS("base"), PHYS("size"), A("nid", ARG_NID),
	    { .name = "flags", .kind = ARG_FLAGS, .optional = true } } },
	{ OP_MEMBLOCK_REMOVE, "memblock_remove", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_RESERVE, "memblock_reserve", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_PHYS_FREE, "memblock_phys_free", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_FREE, "memblock_free", RET_NONE, 2, { PHYS("ptr"), PHYS("size") } },
	{ OP_MEMBLOCK_PHYSMEM_ADD, "memblock_physmem_add", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_MARK_HOTPLUG, "memblock_mark_hotplug", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_CLEAR_HOTPLUG, "memblock_clear_hotplug", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_MARK_MIRROR, "memblock_mark_mirror", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_MARK_NOMAP, "memblock_mark_nomap", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_CLEAR_NOMAP, "memblock_clear_nomap", RET_INT, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_SET_NODE, "memblock_set_node", RET_INT, 4,
	  { PHYS("base"), PHYS("size"), A("type", ARG_TYPE), A("nid", ARG_NID) } },
	{ OP_MEMBLOCK_TRIM_MEMORY, "memblock_trim_memory", RET_NONE, 1, { PHYS("align") } },
	{ OP_MEMBLOCK_ENFORCE_MEMORY_LIMIT, "memblock_enforce_memory_limit", RET_NONE, 1, { PHYS("limit") } },
	{ OP_MEMBLOCK_CAP_MEMORY_RANGE, "memblock_cap_memory_range", RET_NONE, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_MEM_LIMIT_REMOVE_MAP, "memblock_mem_limit_remove_map", RET_NONE, 1, { PHYS("limit") } },
	{ OP_MEMBLOCK_SET_BOTTOM_UP, "memblock_set_bottom_up", RET_NONE, 1, { A("enable", ARG_BOOL) } },
	{ OP_MEMBLOCK_SET_CURRENT_LIMIT, "memblock_set_current_limit", RET_NONE, 1, { PHYS("limit") } },
	{ OP_MEMBLOCK_ALLOW_RESIZE, "memblock_allow_resize", RET_NONE, 0, { } },
	{ OP_MEMBLOCK_PHYS_ALLOC_RANGE, "memblock_phys_alloc_range", RET_ADDR, 4,
	  { PHYS("size"), PHYS("align"), PHYS("start"), PHYS("end") } },
	{ OP_MEMBLOCK_PHYS_ALLOC_TRY_NID, "memblock_phys_alloc_try_nid", RET_ADDR, 3,
	  { PHYS("size"), PHYS("align"), A("nid", ARG_NID) } },
	{ OP_MEMBLOCK_PHYS_ALLOC, "memblock_phys_alloc", RET_ADDR, 2, { PHYS("size"), PHYS("align") } },
	{ OP_MEMBLOCK_ALLOC, "memblock_alloc", RET_ADDR, 2, { PHYS("size"), PHYS("align") } },
	{ OP_MEMBLOCK_ALLOC_RAW, "memblock_alloc_raw", RET_ADDR, 2, { PHYS("size"), PHYS("align") } },
	{ OP_MEMBLOCK_ALLOC_FROM, "memblock_alloc_from", RET_ADDR, 3,
	  { PHYS("size"), PHYS("align"), PHYS("min_addr") } },
	{ OP_MEMBLOCK_ALLOC_LOW, "memblock_alloc_low", RET_ADDR, 2, { PHYS("size"), PHYS("align") } },
	{ OP_MEMBLOCK_ALLOC_NODE, "memblock_alloc_node", RET_ADDR, 3,
	  { PHYS("size"), PHYS("align"), A("nid", ARG_NID) } },
	{ OP_MEMBLOCK_ALLOC_TRY_NID, "memblock_alloc_try_nid", RET_ADDR, 5,
	  { PHYS("size"), PHYS("align"), PHYS("min_addr"), PHYS("max_addr"), A("nid", ARG_NID) } },
	{ OP_MEMBLOCK_ALLOC_TRY_NID_RAW, "memblock_alloc_try_nid_raw", RET_ADDR, 5,
	  { PHYS("size"), PHYS("align"), PHYS("min_addr"), PHYS("max_addr"), A("nid", ARG_NID) } },
	{ OP_MEMBLOCK_ALLOC_EXACT_NID_RAW, "memblock_alloc_exact_nid_raw", RET_ADDR, 5,
	  { PHYS("size"), PHYS("align"), PHYS("min_addr"), PHYS("max_addr"), A("nid", ARG_NID) } },
	{ OP_MEMBLOCK_ALLOC_RANGE_NID, "memblock_alloc_range_nid", RET_ADDR, 6,
	  { PHYS("size"), PHYS("align"), PHYS("start"), PHYS("end"), A("nid", ARG_NID),
	    A("exact_nid", ARG_BOOL) } },
	{ OP_MEMBLOCK_IS_MEMORY, "memblock_is_memory", RET_BOOL, 1, { PHYS("addr") } },
	{ OP_MEMBLOCK_IS_RESERVED, "memblock_is_reserved", RET_BOOL, 1, { PHYS("addr") } },
	{ OP_MEMBLOCK_IS_MAP_MEMORY, "memblock_is_map_memory", RET_BOOL, 1, { PHYS("addr") } },
	{ OP_MEMBLOCK_IS_REGION_MEMORY, "memblock_is_region_memory", RET_BOOL, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_IS_REGION_RESERVED, "memblock_is_region_reserved", RET_BOOL, 2, { PHYS("base"), PHYS("size") } },
	{ OP_MEMBLOCK_PHYS_MEM_SIZE, "memblock_phys_mem_size", RET_VALUE, 0, { } },
	{ OP_MEMBLOCK_RESERVED_SIZE, "memblock_reserved_size", RET_VALUE, 0, { } },
	{ OP_MEMBLOCK_START_OF_DRAM, "memblock_start_of_DRAM", RET_VALUE, 0, { } },
	{ OP_MEMBLOCK_END_OF_DRAM, "memblock_end_of_DRAM", RET_VALUE, 0, { } },
	{ OP_MEMBLOCK_FREE_ALL, "memblock_free_all", RET_PAGES, 0, { } },
	{ OP_MEMBLOCK_FREE_LATE, "memblock_free_late", RET_NONE, 2, { PHYS("base"), PHYS("size") } },
	{ OP_PAGE_ALLOC_INIT_LATE, "page_alloc_init_late", RET_NONE, 0, { } },
	{ OP_MEMBLOCK_DISCARD, "memblock_discard", RET_NONE, 0, { } },
};

const struct op_spec *op_spec(enum op_id id)
{
	if ((unsigned int)id >= NR_OPS)
		return NULL;
	return &op_table[id];
}

const struct op_spec *op_lookup(const char *name)
{
	int i;

	for (i = 0; i < NR_OPS; i++)
		if (strcmp(op_table[i].name, name) == 0)
			return &op_table[i];
	return NULL;
}

static const char *const flag_names[] = { "HOTPLUG", "MIRROR", "NOMAP", "DRIVER_MANAGED" };

int flag_lookup(const char *name)
{
	unsigned int i;

	if (strcmp(name, "NONE") == 0)
		return MBF_NONE;
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++)
		if (strcmp(flag_names[i], name) == 0)
			return 1 << i;
	return -1;
}

const char *flags_name(unsigned int flags, char *buf, int len)
{
	unsigned int i;
	int n = 0;

	if (!flags) {
		snprintf(buf, len, "NONE");
		return buf;
	}
	buf[0] = '\0';
	for (i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if (!(flags & (1u << i)))
			continue;
		n += snprintf(buf + n, n < len ? len - n : 0, "%s%s", n ? "|" : "", flag_names[i]);
	}
	if (flags & ~MBF_ALL)
		snprintf(buf + n, n < len ? len - n : 0, "%s%#x", n ? "|" : "", flags & ~MBF_ALL);
	return buf;
}
