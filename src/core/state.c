// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "util/xalloc.h"

void state_free(struct mb_state *s)
{
	free(s->memory.regions);
	free(s->reserved.regions);
	free(s->zones);
	free(s->nodes);
	free(s->pages);
	free(s->contents);
	memset(s, 0, sizeof(*s));
}

/* Empty arrays stay NULL in a copy, as in a fresh state. */
static void *dup_array(const void *src, size_t n, size_t size)
{
	return src && n ? xmemdup(src, n * size) : NULL;
}

void state_copy(struct mb_state *dst, const struct mb_state *src)
{
	*dst = *src;
	dst->memory.regions = dup_array(src->memory.regions, src->memory.cnt,
					sizeof(*src->memory.regions));
	dst->reserved.regions = dup_array(src->reserved.regions, src->reserved.cnt,
					  sizeof(*src->reserved.regions));
	dst->zones = dup_array(src->zones, src->nr_zones, sizeof(*src->zones));
	dst->nodes = dup_array(src->nodes, src->nr_nodes, sizeof(*src->nodes));
	dst->pages = dup_array(src->pages, src->nr_pages, sizeof(*src->pages));
	dst->contents = dup_array(src->contents, src->nr_contents, sizeof(*src->contents));
}

bool mb_type_is_empty(const struct mb_type *t)
{
	return t->cnt == 0 || (t->cnt == 1 && t->regions[0].size == 0);
}

const char *mb_zone_name(const struct machine *m, const struct mb_zone *z)
{
	if (z->name)
		return z->name;
	if (m && z->zone >= 0 && z->zone < m->nr_zones)
		return m->zones[z->zone].name;
	return "?";
}
