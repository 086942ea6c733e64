// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Named reservations, Linux 6.12 only: the "reserve_mem=size:align:name"
 * boot parameter (mm/memblock.c 6.12:2273-2388), which allocates with
 * memblock_phys_alloc() and remembers up to 8 names, and the lookup other
 * code does by name.  Written from the kernel's documented behaviour; the
 * numbers and white space are read as the kernel reads them
 * (core/kparse.h, which the kernel shim shares).
 */
#include <string.h>

#include <linux/cache.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/pfn.h>

#include "contents.h"
#include "core/kparse.h"
#include "memblock.h"
#include "memblock_internal.h"
#include "util/xalloc.h"

#ifndef EBUSY
#define EBUSY		16
#endif

/* 6.12:2274-2275: 8 entries, names of at most 15 characters and their NUL. */
#define RESERVE_MEM_MAX_ENTRIES		8
#define RESERVE_MEM_NAME_SIZE		16

struct reserve_mem_entry {
	char		name[RESERVE_MEM_NAME_SIZE];
	phys_addr_t	start;
	phys_addr_t	size;
};

struct reserve_mem_table {
	int			count;
	struct reserve_mem_entry e[RESERVE_MEM_MAX_ENTRIES];
};

static struct reserve_mem_table table;

/* Another model instance's table, exchanged with the current one (memblock_model_use). */
void *reserve_mem_ctx_new(void)
{
	return xzalloc(sizeof(struct reserve_mem_table));
}

void reserve_mem_ctx_swap(void *ctx)
{
	struct reserve_mem_table *other = ctx, tmp = table;

	table = *other;
	*other = tmp;
}

void reserve_mem_reset(void)
{
	memset(&table, 0, sizeof(table));
}

void *reserve_mem_save(void)
{
	return xmemdup(&table, sizeof(table));
}

void reserve_mem_restore(const void *saved)
{
	memcpy(&table, saved, sizeof(table));
}

int reserve_mem_find_by_name(const char *name, phys_addr_t *start, phys_addr_t *size)
{
	int i;

	for (i = 0; i < table.count; i++) {
		const struct reserve_mem_entry *map = &table.e[i];

		if (!map->size)
			continue;
		if (!strcmp(name, map->name)) {
			*start = map->start;
			*size = map->size;
			return 1;
		}
	}
	return 0;
}

/*
 * The __setup("reserve_mem=") handler, given the text after '=': 1 on
 * success, else -EINVAL (malformed), -EBUSY (table full, which is checked
 * first, or the name taken) or -ENOMEM (no memory); it prints nothing.
 */
int reserve_mem(const char *arg)
{
	phys_addr_t start, size, align, tmp;
	const char *p = arg, *name;
	size_t len;

	if (table.count >= RESERVE_MEM_MAX_ENTRIES)
		return -EBUSY;
	size = mbviz_phys_wrap(kparse_memparse(p, &p));
	if (!size || p == arg || *p != ':')
		return -EINVAL;
	align = mbviz_phys_wrap(kparse_memparse(p + 1, &p));
	if (*p != ':')
		return -EINVAL;
	if (align < SMP_CACHE_BYTES)
		align = SMP_CACHE_BYTES;
	name = p + 1;
	len = strlen(name);
	if (!len || len >= RESERVE_MEM_NAME_SIZE)
		return -EINVAL;
	for (p = name; *p && kparse_isspace(*p); p++)
		;
	if (!*p)
		return -EINVAL;
	if (reserve_mem_find_by_name(name, &start, &tmp))
		return -EBUSY;
	/* memblock_phys_alloc() is inlined: its debug line names reserve_mem. */
	nested_call(start = memblock_phys_alloc(size, align));
	if (!start)
		return -ENOMEM;
	/*
	 * Contents are followed for the allocations a step returns (as the
	 * kernel engine does); this one's address is not the step's result.
	 */
	contents_clear(start, size);
	table.e[table.count].start = start;
	table.e[table.count].size = size;
	memcpy(table.e[table.count].name, name, len + 1);
	table.count++;
	return 1;
}

/* 6.12:1753-1756: unsigned, so it wraps when reservations exceed memory. */
unsigned long memblock_estimated_nr_free_pages(void)
{
	return PHYS_PFN(mbviz_phys_wrap(memblock_phys_mem_size() - memblock_reserved_size()));
}
