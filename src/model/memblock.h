/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mbviz's model of Linux 6.1 memblock (and 6.12's, per machine.kernel): the same data structures and the
 * same function names as include/linux/memblock.h, written from the
 * kernel's documented behaviour, with the build-time configuration of the
 * kernel (NUMA, phys_addr_t width, PAGE_SIZE, array sizes, ...) turned into
 * run-time settings taken from a struct machine.
 *
 * phys_addr_t is always 64 bits wide here; on a machine with a 32-bit
 * phys_addr_t every result is reduced to 32 bits exactly where the kernel's
 * arithmetic would wrap (see mbviz_phys_wrap() in kstyle/mbviz/runtime.h).
 */
#ifndef MBVIZ_MEMBLOCK_H
#define MBVIZ_MEMBLOCK_H

#include <limits.h>

#include <linux/kernel.h>
#include <linux/numa.h>
#include <linux/types.h>

#include "core/machine.h"
#include "core/state.h"

enum memblock_flags {
	MEMBLOCK_NONE		= 0x0,
	MEMBLOCK_HOTPLUG	= 0x1,
	MEMBLOCK_MIRROR		= 0x2,
	MEMBLOCK_NOMAP		= 0x4,
	MEMBLOCK_DRIVER_MANAGED	= 0x8,
	MEMBLOCK_RSRV_NOINIT	= 0x10,	/* 6.12 only, on reserved regions */
};

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	enum memblock_flags flags;
	int nid;		/* only meaningful when the machine has NUMA */
};

struct memblock_type {
	unsigned long cnt;
	unsigned long max;
	phys_addr_t total_size;
	struct memblock_region *regions;
	char *name;
};

struct memblock {
	bool bottom_up;
	phys_addr_t current_limit;
	struct memblock_type memory;
	struct memblock_type reserved;
	/*
	 * mbviz's, not the kernel's: the free-range searches of the step
	 * being run (memblock_find_in_range_node()), for the UI's allocation
	 * view.  Kept here so that checkpoints save it with the rest.
	 */
	int mbviz_nr_searches;
	struct mb_search mbviz_searches[MB_MAX_SEARCHES];
};

/* Forget the searches: a new step begins. */
void mbviz_searches_clear(void);

extern struct memblock memblock;
extern struct memblock_type physmem;

/* The machine the model currently simulates (set by memblock_model_reset). */
extern const struct machine *mb_machine;

/* Reset every piece of model state to a fresh boot on @m. */
void memblock_model_reset(const struct machine *m);

/*
 * Checkpoints of memblock's whole state: the types with their arrays
 * (static or doubled, and where a doubled one lives), the module flags,
 * allocation contents and the WARN_ONCE/ratelimit state of the stubs.
 */
void *memblock_model_save(void);
void memblock_model_restore(const void *saved);
void memblock_model_free_saved(void *saved);

/*
 * Model instances: the model's globals are one instance's at a time.  A new
 * instance is empty until memblock_model_reset() runs while it is in use;
 * memblock_model_use() puts @o's values in the globals (NULL: the globals'
 * own, as before any instance was used), and they stay there until another
 * is used.  Code that calls the model's functions directly on the globals
 * in a process that also uses instances calls memblock_model_use(NULL)
 * first.  An instance may be freed in use or not.
 */
struct mb_model;
struct mb_model *memblock_model_new(void);
void memblock_model_use(struct mb_model *o);
void memblock_model_free(struct mb_model *o);

/* True once memblock_discard() has run (the kernel's memblock_memory is NULL). */
bool memblock_model_discarded(void);

/* Allocation bounds (include/linux/memblock.h). */
#define MEMBLOCK_LOW_LIMIT		0
#define MEMBLOCK_ALLOC_ANYWHERE		PHYS_ADDR_MAX	/* all ones at the machine's width */
#define MEMBLOCK_ALLOC_ACCESSIBLE	0
#define MEMBLOCK_ALLOC_NOLEAKTRACE	1
#define ARCH_LOW_ADDRESS_LIMIT		((phys_addr_t)mb_machine->low_address_limit)

int memblock_add_node(phys_addr_t base, phys_addr_t size, int nid, enum memblock_flags flags);
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_remove(phys_addr_t base, phys_addr_t size);
int memblock_phys_free(phys_addr_t base, phys_addr_t size);
void memblock_free(phys_addr_t ptr, size_t size);	/* identity map: ptr is physical */
int memblock_reserve(phys_addr_t base, phys_addr_t size);
int memblock_physmem_add(phys_addr_t base, phys_addr_t size);
void memblock_trim_memory(phys_addr_t align);
int memblock_mark_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_clear_hotplug(phys_addr_t base, phys_addr_t size);
int memblock_mark_mirror(phys_addr_t base, phys_addr_t size);
int memblock_mark_nomap(phys_addr_t base, phys_addr_t size);
int memblock_clear_nomap(phys_addr_t base, phys_addr_t size);
int memblock_reserved_mark_noinit(phys_addr_t base, phys_addr_t size);
int memblock_set_node(phys_addr_t base, phys_addr_t size, struct memblock_type *type, int nid);
void memblock_enforce_memory_limit(phys_addr_t memory_limit);
void memblock_cap_memory_range(phys_addr_t base, phys_addr_t size);
void memblock_mem_limit_remove_map(phys_addr_t limit);
void memblock_set_bottom_up(bool enable);
bool memblock_bottom_up(void);
void memblock_set_current_limit(phys_addr_t limit);
phys_addr_t memblock_get_current_limit(void);
void memblock_allow_resize(void);
void memblock_discard(void);

phys_addr_t memblock_phys_alloc_range(phys_addr_t size, phys_addr_t align,
				      phys_addr_t start, phys_addr_t end);
phys_addr_t memblock_phys_alloc_try_nid(phys_addr_t size, phys_addr_t align, int nid);
phys_addr_t memblock_alloc_range_nid(phys_addr_t size, phys_addr_t align, phys_addr_t start,
				     phys_addr_t end, int nid, bool exact_nid);
/* The virtual-address API returns the physical address (identity map), 0 for NULL. */
phys_addr_t memblock_alloc_try_nid(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				   phys_addr_t max_addr, int nid);
phys_addr_t memblock_alloc_try_nid_raw(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
				       phys_addr_t max_addr, int nid);
phys_addr_t memblock_alloc_exact_nid_raw(phys_addr_t size, phys_addr_t align, phys_addr_t min_addr,
					 phys_addr_t max_addr, int nid);

/* The inline wrappers of include/linux/memblock.h. */
static inline phys_addr_t memblock_phys_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_phys_alloc_range(size, align, 0, MEMBLOCK_ALLOC_ACCESSIBLE);
}

static inline phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

static inline phys_addr_t memblock_alloc_raw(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid_raw(size, align, MEMBLOCK_LOW_LIMIT,
					  MEMBLOCK_ALLOC_ACCESSIBLE, NUMA_NO_NODE);
}

static inline phys_addr_t memblock_alloc_from(phys_addr_t size, phys_addr_t align,
					      phys_addr_t min_addr)
{
	return memblock_alloc_try_nid(size, align, min_addr, MEMBLOCK_ALLOC_ACCESSIBLE,
				      NUMA_NO_NODE);
}

static inline phys_addr_t memblock_alloc_low(phys_addr_t size, phys_addr_t align)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT, ARCH_LOW_ADDRESS_LIMIT,
				      NUMA_NO_NODE);
}

static inline phys_addr_t memblock_alloc_node(phys_addr_t size, phys_addr_t align, int nid)
{
	return memblock_alloc_try_nid(size, align, MEMBLOCK_LOW_LIMIT,
				      MEMBLOCK_ALLOC_ACCESSIBLE, nid);
}

unsigned long memblock_addrs_overlap(phys_addr_t base1, phys_addr_t size1, phys_addr_t base2,
				     phys_addr_t size2);
bool memblock_overlaps_region(struct memblock_type *type, phys_addr_t base, phys_addr_t size);
bool memblock_is_memory(phys_addr_t addr);
bool memblock_is_map_memory(phys_addr_t addr);
bool memblock_is_reserved(phys_addr_t addr);
bool memblock_is_region_memory(phys_addr_t base, phys_addr_t size);
bool memblock_is_region_reserved(phys_addr_t base, phys_addr_t size);
phys_addr_t memblock_phys_mem_size(void);
phys_addr_t memblock_reserved_size(void);
phys_addr_t memblock_start_of_DRAM(void);
phys_addr_t memblock_end_of_DRAM(void);
int memblock_search_pfn_nid(unsigned long pfn, unsigned long *start_pfn, unsigned long *end_pfn);

static inline int memblock_get_region_node(const struct memblock_region *r)
{
	return mb_machine->numa ? r->nid : 0;
}

/* Without NUMA the kernel's region has no nid field: nothing is stored. */
static inline void memblock_set_region_node(struct memblock_region *r, int nid)
{
	if (mb_machine->numa)
		r->nid = nid;
}

static inline bool memblock_is_hotpluggable(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_HOTPLUG;
}

static inline bool memblock_is_mirror(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_MIRROR;
}

static inline bool memblock_is_nomap(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_NOMAP;
}

static inline bool memblock_is_driver_managed(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_DRIVER_MANAGED;
}

static inline bool memblock_is_reserved_noinit(const struct memblock_region *m)
{
	return m->flags & MEMBLOCK_RSRV_NOINIT;
}

/* movable_node_is_enabled(): the machine's movable_node boot option. */
static inline bool movable_node_is_enabled(void)
{
	return mb_machine->movable_node;
}

/* Range iteration, as the kernel's for_each_* macros. */
void __next_mem_range(u64 *idx, int nid, enum memblock_flags flags,
		      struct memblock_type *type_a, struct memblock_type *type_b,
		      phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);
void __next_mem_range_rev(u64 *idx, int nid, enum memblock_flags flags,
			  struct memblock_type *type_a, struct memblock_type *type_b,
			  phys_addr_t *out_start, phys_addr_t *out_end, int *out_nid);
void __next_mem_pfn_range(int *idx, int nid, unsigned long *out_start_pfn,
			  unsigned long *out_end_pfn, int *out_nid);

#define __for_each_mem_range(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = 0, __next_mem_range(&i, nid, flags, type_a, type_b,		\
				     p_start, p_end, p_nid);			\
	     i != (u64)ULLONG_MAX;						\
	     __next_mem_range(&i, nid, flags, type_a, type_b,			\
			      p_start, p_end, p_nid))

#define __for_each_mem_range_rev(i, type_a, type_b, nid, flags, p_start, p_end, p_nid) \
	for (i = (u64)ULLONG_MAX,						\
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b,		\
				  p_start, p_end, p_nid);			\
	     i != (u64)ULLONG_MAX;						\
	     __next_mem_range_rev(&i, nid, flags, type_a, type_b,		\
				  p_start, p_end, p_nid))

/* Memory regions whole, including HOTPLUG and DRIVER_MANAGED, never NOMAP. */
#define for_each_mem_range(i, p_start, p_end)					\
	__for_each_mem_range(i, &memblock.memory, NULL, NUMA_NO_NODE,		\
			     MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,	\
			     p_start, p_end, NULL)

#define for_each_mem_range_rev(i, p_start, p_end)				\
	__for_each_mem_range_rev(i, &memblock.memory, NULL, NUMA_NO_NODE,	\
				 MEMBLOCK_HOTPLUG | MEMBLOCK_DRIVER_MANAGED,	\
				 p_start, p_end, NULL)

/* Free memory: memory minus reserved, filtered by @nid and @flags. */
#define for_each_free_mem_range(i, nid, flags, p_start, p_end, p_nid)		\
	__for_each_mem_range(i, &memblock.memory, &memblock.reserved,		\
			     nid, flags, p_start, p_end, p_nid)

#define for_each_free_mem_range_reverse(i, nid, flags, p_start, p_end, p_nid)	\
	__for_each_mem_range_rev(i, &memblock.memory, &memblock.reserved,	\
				 nid, flags, p_start, p_end, p_nid)

#define for_each_reserved_mem_range(i, p_start, p_end)				\
	for (i = 0, __next_mem_range(&i, NUMA_NO_NODE, MEMBLOCK_NONE,		\
				     &memblock.reserved, NULL, p_start, p_end, NULL);\
	     i != (u64)ULLONG_MAX;						\
	     __next_mem_range(&i, NUMA_NO_NODE, MEMBLOCK_NONE,			\
			      &memblock.reserved, NULL, p_start, p_end, NULL))

/* nid == MAX_NUMNODES (mb_machine->max_numnodes) means every node. */
#define for_each_mem_pfn_range(i, nid, p_start, p_end, p_nid)			\
	for (i = -1, __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid);	\
	     i >= 0; __next_mem_pfn_range(&i, nid, p_start, p_end, p_nid))

#define for_each_mem_region(region)						\
	for (region = memblock.memory.regions;					\
	     region < (memblock.memory.regions + memblock.memory.cnt); region++)

#define for_each_reserved_mem_region(region)					\
	for (region = memblock.reserved.regions;				\
	     region < (memblock.reserved.regions + memblock.reserved.cnt); region++)

/* 6.12 only (src/memblock_reserve_mem.c): "reserve_mem=" and its table. */
int reserve_mem(const char *arg);
int reserve_mem_find_by_name(const char *name, phys_addr_t *start, phys_addr_t *size);
unsigned long memblock_estimated_nr_free_pages(void);
/* 6.12 only (src/memblock_query.c): whether memory without a node stays under a threshold. */
bool memblock_validate_numa_coverage(unsigned long threshold_bytes);

/*
 * The handover to the page allocator (memblock's side, src/memblock_free.c):
 * memblock_free_all() at mem_init() time, memblock_free_late() afterwards.
 */
void memblock_free_all(void);
unsigned long memblock_free_all_count(void);	/* what the last memblock_free_all released */
void memblock_free_late(phys_addr_t base, phys_addr_t size);
/* mm/page_alloc.c's page_alloc_init_late(): deferred struct page init only. */
void page_alloc_init_late(void);

#endif
