// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Contents of allocated ranges, as a sorted list of disjoint intervals.
 * Adjacent intervals are not joined: each allocation stays visible as
 * its own entry until something overwrites or frees part of it.
 */
#include <stdlib.h>
#include <string.h>

#include "contents.h"
#include "util/xalloc.h"

struct contents {
	int			nr;
	int			alloc;
	struct mb_content	*v;
};

static struct contents cur;

void contents_reset(void)
{
	free(cur.v);
	memset(&cur, 0, sizeof(cur));
}

static void insert_at(int i, struct mb_content v)
{
	if (cur.nr == cur.alloc) {
		cur.alloc = cur.alloc ? cur.alloc * 2 : 16;
		cur.v = xrealloc(cur.v, cur.alloc * sizeof(*cur.v));
	}
	memmove(&cur.v[i + 1], &cur.v[i], (cur.nr - i) * sizeof(*cur.v));
	cur.v[i] = v;
	cur.nr++;
}

static void remove_at(int i)
{
	memmove(&cur.v[i], &cur.v[i + 1], (cur.nr - i - 1) * sizeof(*cur.v));
	cur.nr--;
}

/*
 * Cut [base, end) out of every interval; returns the index where an
 * interval starting at @base belongs.
 */
static int punch(uint64_t base, uint64_t end)
{
	int i = 0;

	while (i < cur.nr && cur.v[i].base + cur.v[i].size <= base)
		i++;
	while (i < cur.nr && cur.v[i].base < end) {
		struct mb_content *c = &cur.v[i];
		uint64_t cend = c->base + c->size;

		if (c->base < base) {
			/* Keep the part below; the part above (if any) follows. */
			c->size = base - c->base;
			i++;
			if (cend > end)
				insert_at(i, (struct mb_content){ end, cend - end, c[0].state,
								  c[0].byte });
			continue;
		}
		if (cend > end) {
			c->size = cend - end;
			c->base = end;
			break;
		}
		remove_at(i);
	}
	return i;
}

/* The fills inside [base, base + size), clipped to it; free the result. */
static struct mb_content *fills_in(uint64_t base, uint64_t size, int *nr)
{
	struct mb_content *v = NULL;
	uint64_t end = base + size;
	int i;

	*nr = 0;
	for (i = 0; i < cur.nr; i++) {
		struct mb_content f = cur.v[i];
		uint64_t fend = f.base + f.size;

		if (f.state != CONTENT_FILLED || fend <= base || f.base >= end)
			continue;
		f.base = f.base > base ? f.base : base;
		f.size = (fend < end ? fend : end) - f.base;
		v = xrealloc(v, (*nr + 1) * sizeof(*v));
		v[(*nr)++] = f;
	}
	return v;
}

/* Put fills back after [base, base + size) was set or forgotten. */
static void refill(struct mb_content *fills, int nr)
{
	int i;

	for (i = 0; i < nr; i++)
		insert_at(punch(fills[i].base, fills[i].base + fills[i].size), fills[i]);
	free(fills);
}

void contents_set(uint64_t base, uint64_t size, enum content_state state)
{
	struct mb_content *fills = NULL;
	int nr = 0;

	if (!size)
		return;
	/* An allocation that writes nothing leaves what a memset step put there. */
	if (state == CONTENT_UNTOUCHED)
		fills = fills_in(base, size, &nr);
	insert_at(punch(base, base + size), (struct mb_content){ base, size, state, 0 });
	refill(fills, nr);
}

void contents_fill(uint64_t base, uint64_t size, unsigned char byte)
{
	if (size)
		insert_at(punch(base, base + size),
			  (struct mb_content){ base, size, CONTENT_FILLED, byte });
}

void contents_clear(uint64_t base, uint64_t size)
{
	struct mb_content *fills;
	int nr;

	if (!size)
		return;
	/* Freeing memory forgets how it was allocated, not what a memset put there. */
	fills = fills_in(base, size, &nr);
	punch(base, base + size);
	refill(fills, nr);
}

void contents_copy_out(struct mb_state *out)
{
	out->nr_contents = cur.nr;
	out->contents = NULL;
	if (cur.nr)
		out->contents = xmemdup(cur.v, cur.nr * sizeof(*cur.v));
}

void *contents_save(void)
{
	struct contents *s = xzalloc(sizeof(*s));

	s->nr = s->alloc = cur.nr;
	if (cur.nr)
		s->v = xmemdup(cur.v, cur.nr * sizeof(*cur.v));
	return s;
}

void contents_restore(const void *saved)
{
	const struct contents *s = saved;

	contents_reset();
	cur.nr = cur.alloc = s->nr;
	if (s->nr)
		cur.v = xmemdup(s->v, s->nr * sizeof(*s->v));
}

void contents_free_saved(void *saved)
{
	struct contents *s = saved;

	if (s)
		free(s->v);
	free(s);
}

void *contents_ctx_new(void)
{
	return xzalloc(sizeof(struct contents));
}

void contents_ctx_swap(void *ctx)
{
	struct contents *other = ctx, tmp = cur;

	cur = *other;
	*other = tmp;
}

void contents_ctx_free(void *ctx)
{
	contents_free_saved(ctx);
}
