// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The life cycle of the memblock model: a fresh boot on a machine, and
 * whole-state checkpoints for stepping back.  The machine is copied, so
 * the caller's struct may go away.
 *
 * The model is written like the kernel, against globals (memblock,
 * physmem, ...).  Several instances coexist by swapping: struct mb_model
 * holds one instance's values of every global, and swap_instance()
 * exchanges them with the globals.  Arrays are not copied, only the
 * pointers and scalars that refer to them.  The globals stay with the
 * instance last used (memblock_model_use()) until another is: an engine
 * that runs op after op pays no swap at all.
 */
#include <stdlib.h>
#include <string.h>

#include <linux/kernel.h>

#include "contents.h"
#include "kstyle_runtime.h"
#include "memblock.h"
#include "memblock_internal.h"
#include "pagealloc.h"
#include "util/xalloc.h"

/* Where the current instance keeps its copy of the machine. */
static struct machine default_machine;
static struct machine *machine_store = &default_machine;
const struct machine *mb_machine = &default_machine;

static void free_array(struct memblock_type *type, struct memblock_region *init)
{
	if (type->regions != init)
		free(type->regions);
	type->regions = NULL;
}

/* The current instance's three arrays and the static ones they began in. */
static void free_arrays(void)
{
	free_array(&memblock.memory, memblock_memory_init_regions);
	free_array(&memblock.reserved, memblock_reserved_init_regions);
	free_array(&physmem, memblock_physmem_init_regions);
	free(memblock_memory_init_regions);
	free(memblock_reserved_init_regions);
	free(memblock_physmem_init_regions);
	memblock_memory_init_regions = NULL;
	memblock_reserved_init_regions = NULL;
	memblock_physmem_init_regions = NULL;
}

static struct memblock_region *alloc_array(unsigned long max)
{
	/* An array of at least one entry: the empty dummy always exists. */
	return xzalloc((max ? max : 1) * sizeof(struct memblock_region));
}

/*
 * A type's array at its boot size @max: the one it has, when it still uses
 * its boot array at that size, with the entries in use zeroed (at least
 * the dummy), as the kernel's own test binary resets memblock between
 * cases (tools/testing/memblock/tests/common.c:41-54 in 6.1); memblock
 * never reads past cnt.  Otherwise a new zeroed one.  Taken from @type
 * and *@init, so that free_arrays() leaves it alone.
 */
static struct memblock_region *boot_array(struct memblock_type *type,
					  struct memblock_region **init, unsigned long max)
{
	struct memblock_region *a = *init;

	if (!a || type->regions != a || type->max != max)
		return alloc_array(max);
	memset(a, 0, max_t(unsigned long, type->cnt, 1) * sizeof(*a));
	type->regions = NULL;
	*init = NULL;
	return a;
}

static void init_type(struct memblock_type *type, struct memblock_region *regions,
		      unsigned long max, const char *name)
{
	type->regions = regions;
	/* 6.1 counts its empty dummy entry (6.1:117,122,133); 6.12 starts at 0 (6.12:115-134). */
	type->cnt = mb_v612() ? 0 : 1;
	type->max = max;
	type->total_size = 0;
	type->name = (char *)name;
}

void memblock_model_reset(const struct machine *m)
{
	struct memblock_region *mem, *res, *phys;

	mem = boot_array(&memblock.memory, &memblock_memory_init_regions, m->memory_regions);
	res = boot_array(&memblock.reserved, &memblock_reserved_init_regions, m->reserved_regions);
	phys = boot_array(&physmem, &memblock_physmem_init_regions, INIT_PHYSMEM_REGIONS);
	free_arrays();

	*machine_store = *m;
	mb_machine = machine_store;

	memblock_memory_init_regions = mem;
	memblock_reserved_init_regions = res;
	memblock_physmem_init_regions = phys;
	init_type(&memblock.memory, memblock_memory_init_regions, m->memory_regions, "memory");
	init_type(&memblock.reserved, memblock_reserved_init_regions, m->reserved_regions,
		  "reserved");
	init_type(&physmem, memblock_physmem_init_regions, INIT_PHYSMEM_REGIONS, "physmem");
	memblock.bottom_up = m->bottom_up;
	memblock.current_limit = mbviz_phys_wrap(m->current_limit);

	memblock_memory = &memblock.memory;
	system_has_some_mirror = false;
	memblock_can_resize = m->allow_resize;
	memblock_memory_in_slab = 0;
	memblock_reserved_in_slab = 0;
	*memblock_array_addr(&memblock.memory) = 0;
	*memblock_array_addr(&memblock.reserved) = 0;
	*memblock_array_addr(&physmem) = 0;

	contents_reset();
	reserve_mem_reset();
	mbviz_stubs_reset();
	if (!mb_page_alloc)
		mb_page_alloc = pa_create();
	pa_reset(mb_page_alloc, machine_store);
}

/* One instance's values of the model's globals, while it is not the current one. */
struct mb_model {
	struct machine		machine;
	struct machine		*machine_store;
	const struct machine	*mb_machine;
	struct memblock		memblock;
	struct memblock_type	physmem;
	bool			discarded;	/* memblock_memory == NULL */
	bool			some_mirror;
	int			can_resize;
	int			memory_in_slab, reserved_in_slab;
	struct memblock_region	*init_regions[3];	/* memory, reserved, physmem */
	phys_addr_t		array_addr[3];
	struct page_alloc	*page_alloc;
	void			*contents;
	void			*stubs;
	void			*reserve_mem;
};

#define SWAP(a, b) do { __typeof__(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

/*
 * Whose values the globals hold: an instance's, or their own (NULL), which
 * are then in the struct of the instance that holds the globals.
 */
static struct mb_model *current_instance;

static void swap_instance(struct mb_model *o)
{
	bool discarded = memblock_memory == NULL;

	SWAP(machine_store, o->machine_store);
	SWAP(mb_machine, o->mb_machine);
	SWAP(memblock, o->memblock);
	SWAP(physmem, o->physmem);
	SWAP(discarded, o->discarded);
	memblock_memory = discarded ? NULL : &memblock.memory;
	SWAP(system_has_some_mirror, o->some_mirror);
	SWAP(memblock_can_resize, o->can_resize);
	SWAP(memblock_memory_in_slab, o->memory_in_slab);
	SWAP(memblock_reserved_in_slab, o->reserved_in_slab);
	SWAP(memblock_memory_init_regions, o->init_regions[0]);
	SWAP(memblock_reserved_init_regions, o->init_regions[1]);
	SWAP(memblock_physmem_init_regions, o->init_regions[2]);
	SWAP(*memblock_array_addr(&memblock.memory), o->array_addr[0]);
	SWAP(*memblock_array_addr(&memblock.reserved), o->array_addr[1]);
	SWAP(*memblock_array_addr(&physmem), o->array_addr[2]);
	SWAP(mb_page_alloc, o->page_alloc);
	contents_ctx_swap(o->contents);
	mbviz_stubs_ctx_swap(o->stubs);
	reserve_mem_ctx_swap(o->reserve_mem);
}

void memblock_model_use(struct mb_model *o)
{
	if (current_instance == o)
		return;
	if (current_instance)
		swap_instance(current_instance);	/* the globals' own values back */
	if (o)
		swap_instance(o);
	current_instance = o;
}

struct mb_model *memblock_model_new(void)
{
	struct mb_model *o = xzalloc(sizeof(*o));

	o->machine_store = &o->machine;
	o->mb_machine = &o->machine;
	o->contents = contents_ctx_new();
	o->stubs = mbviz_stubs_ctx_new();
	o->reserve_mem = reserve_mem_ctx_new();
	return o;
}

void memblock_model_free(struct mb_model *o)
{
	if (!o)
		return;
	/* What it holds is freed as the current instance's would be. */
	memblock_model_use(o);
	free_arrays();
	pa_destroy(mb_page_alloc);
	mb_page_alloc = NULL;
	memblock_model_use(NULL);
	contents_ctx_free(o->contents);
	mbviz_stubs_ctx_free(o->stubs);
	free(o->reserve_mem);
	free(o);
}

bool memblock_model_discarded(void)
{
	return memblock_memory == NULL;
}

/*
 * A region array as a checkpoint holds it: its cnt entries only (memblock
 * never reads past cnt), shared by consecutive checkpoints while it does
 * not change, which most arrays do not between two checkpoints.
 */
struct saved_regions {
	int			refs;
	unsigned long		cnt;
	struct memblock_region	r[];
};

/* The arrays of the latest checkpoint, for the next one to share. */
static struct saved_regions *latest_saved[3];

static void saved_regions_put(struct saved_regions *a)
{
	if (a && --a->refs == 0)
		free(a);
}

static struct saved_regions *saved_regions_get(int i, const struct memblock_type *type)
{
	size_t bytes = type->cnt * sizeof(*type->regions);
	struct saved_regions *a = latest_saved[i];

	if (a && a->cnt == type->cnt && !memcmp(a->r, type->regions, bytes)) {
		a->refs++;
		return a;
	}
	a = xrealloc(NULL, sizeof(*a) + bytes);
	a->refs = 2;		/* the checkpoint's and latest_saved's */
	a->cnt = type->cnt;
	memcpy(a->r, type->regions, bytes);
	saved_regions_put(latest_saved[i]);
	latest_saved[i] = a;
	return a;
}

/* A checkpoint: every variable above, with the arrays as saved_regions. */
struct memblock_saved {
	struct memblock		mb;
	struct memblock_type	physmem;
	struct saved_regions	*regions[3];	/* memory, reserved, physmem */
	bool			is_static[3];
	phys_addr_t		addr[3];
	bool			discarded;
	bool			some_mirror;
	int			can_resize;
	int			memory_in_slab, reserved_in_slab;
	void			*contents;
	void			*stubs;
	void			*page_alloc;
	void			*reserve_mem;
};

static struct memblock_type *saved_type(int i)
{
	return i == 0 ? &memblock.memory : i == 1 ? &memblock.reserved : &physmem;
}

static struct memblock_region **init_array(int i)
{
	return i == 0 ? &memblock_memory_init_regions :
	       i == 1 ? &memblock_reserved_init_regions : &memblock_physmem_init_regions;
}

void *memblock_model_save(void)
{
	struct memblock_saved *s = xzalloc(sizeof(*s));
	int i;

	s->mb = memblock;
	s->physmem = physmem;
	for (i = 0; i < 3; i++) {
		struct memblock_type *type = saved_type(i);

		s->regions[i] = saved_regions_get(i, type);
		s->is_static[i] = type->regions == *init_array(i);
		s->addr[i] = *memblock_array_addr(type);
	}
	s->discarded = memblock_memory == NULL;
	s->some_mirror = system_has_some_mirror;
	s->can_resize = memblock_can_resize;
	s->memory_in_slab = memblock_memory_in_slab;
	s->reserved_in_slab = memblock_reserved_in_slab;
	s->contents = contents_save();
	s->stubs = mbviz_stubs_save();
	s->page_alloc = pa_save(mb_page_alloc);
	s->reserve_mem = reserve_mem_save();
	return s;
}

void memblock_model_restore(const void *saved)
{
	const struct memblock_saved *s = saved;
	int i;

	free_array(&memblock.memory, memblock_memory_init_regions);
	free_array(&memblock.reserved, memblock_reserved_init_regions);
	free_array(&physmem, memblock_physmem_init_regions);
	memblock = s->mb;
	physmem = s->physmem;
	for (i = 0; i < 3; i++) {
		struct memblock_type *type = saved_type(i);
		size_t bytes = (type->max ? type->max : 1) * sizeof(*type->regions);
		size_t used = s->regions[i]->cnt * sizeof(*type->regions);

		/*
		 * A static array keeps its identity: discard and doubling compare
		 * it.  Entries past cnt, never read, are zero.
		 */
		type->regions = s->is_static[i] ? *init_array(i) : xrealloc(NULL, bytes);
		memcpy(type->regions, s->regions[i]->r, used);
		memset((char *)type->regions + used, 0, bytes - used);
		*memblock_array_addr(type) = s->addr[i];
	}
	memblock_memory = s->discarded ? NULL : &memblock.memory;
	system_has_some_mirror = s->some_mirror;
	memblock_can_resize = s->can_resize;
	memblock_memory_in_slab = s->memory_in_slab;
	memblock_reserved_in_slab = s->reserved_in_slab;
	contents_restore(s->contents);
	mbviz_stubs_restore(s->stubs);
	pa_restore(mb_page_alloc, s->page_alloc);
	reserve_mem_restore(s->reserve_mem);
}

void memblock_model_free_saved(void *saved)
{
	struct memblock_saved *s = saved;
	int i;

	if (!s)
		return;
	for (i = 0; i < 3; i++)
		saved_regions_put(s->regions[i]);
	contents_free_saved(s->contents);
	mbviz_stubs_free_saved(s->stubs);
	pa_free_saved(s->page_alloc);
	free(s->reserve_mem);
	free(s);
}

void memblock_type_copy(struct mb_type *out, const struct memblock_type *type)
{
	unsigned long i;

	out->cnt = type->cnt;
	out->max = type->max;
	out->total_size = type->total_size;
	out->regions = xzalloc((type->cnt ? type->cnt : 1) * sizeof(*out->regions));
	for (i = 0; i < type->cnt; i++) {
		const struct memblock_region *r = &type->regions[i];

		out->regions[i] = (struct mb_region){
			.base = r->base,
			.size = r->size,
			.flags = r->flags,
			.nid = memblock_get_region_node(r),
		};
	}
}
