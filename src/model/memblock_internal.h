/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the parts of the memblock model share and nobody else needs: the
 * helpers that are static in mm/memblock.c, the module-level state, and
 * how a nested call names its caller for %pS.
 */
#ifndef MBVIZ_MEMBLOCK_INTERNAL_H
#define MBVIZ_MEMBLOCK_INTERNAL_H

#include "memblock.h"
#include "pagealloc.h"

/* Checks mirrored from mm/memblock.c report that file and its line. */
#define KFILE	"mm/memblock.c"

/*
 * The semantics profile: true where the machine asks for Linux 6.12's
 * behaviour (machine "kernel": "6.12"), false for 6.1's.
 */
static inline bool mb_v612(void)
{
	return mb_machine->kernel == KERNEL_6_12;
}

/* A line of mm/memblock.c that a check reports, in 6.1.192's file or in 6.12.118's. */
#define KLINE(line_6_1, line_6_12)	(mb_v612() ? (line_6_12) : (line_6_1))

/*
 * "This nid names no node": 6.1 compares with NUMA_NO_NODE (callers turned
 * MAX_NUMNODES into it first), 6.12 asks numa_valid_node() (include/linux/
 * numa.h 6.12:18-21), so every negative or too large nid means any node.
 */
static inline bool memblock_nid_is_any(int nid)
{
	if (mb_v612())
		return nid < 0 || nid >= MAX_NUMNODES;
	return nid == NUMA_NO_NODE;
}

/* The kernel's physmem array holds 4 entries at boot. */
#define INIT_PHYSMEM_REGIONS	4

/* &memblock.memory until memblock_discard(), then NULL. */
extern struct memblock_type *memblock_memory;
extern bool system_has_some_mirror;
extern int memblock_can_resize;
/* Whether an array came from slab; never in the model, kept for its shape. */
extern int memblock_memory_in_slab;
extern int memblock_reserved_in_slab;

/* The kernel's static arrays, allocated at reset with the machine's sizes. */
extern struct memblock_region *memblock_memory_init_regions;
extern struct memblock_region *memblock_reserved_init_regions;
extern struct memblock_region *memblock_physmem_init_regions;

/*
 * Where a type's array lives in the simulated physical memory: the range
 * memblock found when it doubled the array; 0 for a static array, which
 * is in the kernel image, a place the model does not simulate.
 */
phys_addr_t *memblock_array_addr(struct memblock_type *type);

/*
 * Run @stmt as a call made by the enclosing model function: a %pS of
 * _RET_IP_ inside the callee prints that function's name, as the kernel
 * prints the caller's symbol.  Calls that print nothing need no wrapper.
 */
#define nested_call(stmt) do {						\
	const char *__nested_saved = mbviz_ret_ip;			\
	mbviz_ret_ip = __func__;					\
	stmt;								\
	mbviz_ret_ip = __nested_saved;					\
} while (0)

/* Keep base + size inside phys_addr_t (mm/memblock.c:170-173). */
static inline phys_addr_t memblock_cap_size(phys_addr_t base, phys_addr_t *size)
{
	return *size = min(*size, PHYS_ADDR_MAX - base);
}

/* sizeof(struct memblock_region) in the simulated kernel. */
static inline phys_addr_t memblock_region_bytes(void)
{
	if (mb_machine->phys_addr_bits == 64)
		return 24;	/* 8 + 8 + 4, padded to 8 with or without nid */
	return mb_machine->numa ? 16 : 12;
}

/* MEMBLOCK_MIRROR once some memory is mirrored, so allocations prefer it. */
static inline enum memblock_flags choose_memblock_flags(void)
{
	return system_has_some_mirror ? MEMBLOCK_MIRROR : MEMBLOCK_NONE;
}

void memblock_remove_region(struct memblock_type *type, unsigned long r);
int memblock_isolate_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
			   int *start_rgn, int *end_rgn);
int memblock_add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
		       int nid, enum memblock_flags flags);
int memblock_remove_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size);

/* The page allocator memblock hands over to (memblock_free.c, pagealloc.c). */
extern struct page_alloc *mb_page_alloc;
/* A plain copy of @type as struct mb_type (nid as memblock_get_region_node); free out->regions. */
void memblock_type_copy(struct mb_type *out, const struct memblock_type *type);
/* Zones laid out if need be, memblock.memory given, a hand-over opened. */
void memblock_handover_begin(enum pa_context ctx);
void memblock_handover_end(void);

/* memblock_reserve_mem.c: the named-reservation table, as at boot and in checkpoints. */
void reserve_mem_reset(void);
void *reserve_mem_ctx_new(void);
void reserve_mem_ctx_swap(void *ctx);
void *reserve_mem_save(void);
void reserve_mem_restore(const void *saved);

/* memblock_alloc.c */
phys_addr_t memblock_find_in_range_node(phys_addr_t size, phys_addr_t align, phys_addr_t start,
					phys_addr_t end, int nid, enum memblock_flags flags);
phys_addr_t memblock_find_in_range(phys_addr_t start, phys_addr_t end, phys_addr_t size,
				   phys_addr_t align);

#endif
