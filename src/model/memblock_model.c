// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The life cycle of the memblock model: a fresh boot on a machine, and
 * whole-state checkpoints for stepping back.  The machine is copied, so
 * the caller's struct may go away.
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

static struct machine machine_copy;
const struct machine *mb_machine = &machine_copy;

static void free_array(struct memblock_type *type, struct memblock_region *init)
{
	if (type->regions != init)
		free(type->regions);
	type->regions = NULL;
}

static struct memblock_region *alloc_array(unsigned long max)
{
	/* An array of at least one entry: the empty dummy always exists. */
	return xzalloc((max ? max : 1) * sizeof(struct memblock_region));
}

static void init_type(struct memblock_type *type, struct memblock_region *regions,
		      unsigned long max, const char *name)
{
	type->regions = regions;
	type->cnt = 1;		/* the empty dummy entry */
	type->max = max;
	type->total_size = 0;
	type->name = (char *)name;
}

void memblock_model_reset(const struct machine *m)
{
	free_array(&memblock.memory, memblock_memory_init_regions);
	free_array(&memblock.reserved, memblock_reserved_init_regions);
	free_array(&physmem, memblock_physmem_init_regions);
	free(memblock_memory_init_regions);
	free(memblock_reserved_init_regions);
	free(memblock_physmem_init_regions);

	machine_copy = *m;
	mb_machine = &machine_copy;

	memblock_memory_init_regions = alloc_array(m->memory_regions);
	memblock_reserved_init_regions = alloc_array(m->reserved_regions);
	memblock_physmem_init_regions = alloc_array(INIT_PHYSMEM_REGIONS);
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
	mbviz_stubs_reset();
	if (!mb_page_alloc)
		mb_page_alloc = pa_create();
	pa_reset(mb_page_alloc, &machine_copy);
}

bool memblock_model_discarded(void)
{
	return memblock_memory == NULL;
}

/* A checkpoint: every variable above, with copies of the arrays. */
struct memblock_saved {
	struct memblock		mb;
	struct memblock_type	physmem;
	struct memblock_region	*regions[3];	/* memory, reserved, physmem */
	bool			is_static[3];
	phys_addr_t		addr[3];
	bool			discarded;
	bool			some_mirror;
	int			can_resize;
	int			memory_in_slab, reserved_in_slab;
	void			*contents;
	void			*stubs;
	void			*page_alloc;
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
		size_t bytes = (type->max ? type->max : 1) * sizeof(*type->regions);

		s->regions[i] = xmemdup(type->regions, bytes);
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

		/* A static array keeps its identity: discard and doubling compare it. */
		type->regions = s->is_static[i] ? *init_array(i) : xrealloc(NULL, bytes);
		memcpy(type->regions, s->regions[i], bytes);
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
}

void memblock_model_free_saved(void *saved)
{
	struct memblock_saved *s = saved;
	int i;

	if (!s)
		return;
	for (i = 0; i < 3; i++)
		free(s->regions[i]);
	contents_free_saved(s->contents);
	mbviz_stubs_free_saved(s->stubs);
	pa_free_saved(s->page_alloc);
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
