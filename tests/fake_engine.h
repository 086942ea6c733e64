/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A deliberately simple engine for testing the runner and the timeline
 * without the model: regions are appended, never merged; allocations come
 * from a bump pointer; a zero-sized reserve warns and fails.  It counts
 * the calls made to it, so tests can bound how much a step back replays.
 * Include once per test program.
 */
#ifndef MBVIZ_FAKE_ENGINE_H
#define MBVIZ_FAKE_ENGINE_H

#include <stdlib.h>
#include <string.h>

#include "core/steplog.h"
#include "run/engine.h"

#define FAKE_MAX	256

struct fake_mb {
	int			nmem, nres, ncont;
	struct mb_region	mem[FAKE_MAX], res[FAKE_MAX];
	struct mb_content	cont[FAKE_MAX];
	uint64_t		memsz, ressz, next_alloc, limit;
	bool			bottom_up;
};

struct fake_engine {
	struct engine	e;
	struct fake_mb	mb;
	int		execs, saves, restores, resets;
};

static struct fake_engine *fake_of(struct engine *e)
{
	return (struct fake_engine *)e;
}

static int fake_reset(struct engine *e, const struct machine *m)
{
	struct fake_engine *f = fake_of(e);

	memset(&f->mb, 0, sizeof(f->mb));
	f->mb.next_alloc = 0x100000;
	f->mb.limit = machine_phys_max(m);
	f->mb.bottom_up = m->bottom_up;
	f->resets++;
	return 0;
}

static void fake_append(struct mb_region *r, int *n, uint64_t *total, uint64_t base,
			uint64_t size)
{
	if (*n < FAKE_MAX) {
		r[(*n)++] = (struct mb_region){ base, size, 0, 0 };
		*total += size;
	}
}

static void fake_dbg(const struct op_call *c, const char *fn, uint64_t base, uint64_t size)
{
	uint64_t end = base + size - 1;

	steplog_printk(LOG_DEBUG, "%s: [%pa-%pa] %pS\n", fn, &base, &end, c->caller);
}

static uint64_t fake_alloc(struct fake_mb *mb, uint64_t size, bool zero)
{
	uint64_t addr = mb->next_alloc;

	mb->next_alloc += (size + 0xfff) & ~0xfffULL;
	fake_append(mb->res, &mb->nres, &mb->ressz, addr, size);
	if (mb->ncont < FAKE_MAX)
		mb->cont[mb->ncont++] = (struct mb_content){ addr, size,
			zero ? CONTENT_ZEROED : CONTENT_UNTOUCHED };
	return addr;
}

static void fake_exec(struct engine *e, const struct op_call *c, struct op_result *res)
{
	struct fake_engine *f = fake_of(e);
	struct fake_mb *mb = &f->mb;
	uint64_t a0 = c->arg[0].phys, a1 = c->arg[1].phys;
	int i;

	f->execs++;
	res->kind = op_spec(c->op)->ret;
	res->value = 0;
	switch (c->op) {
	case OP_MEMBLOCK_ADD:
		fake_dbg(c, "memblock_add", a0, a1);
		fake_append(mb->mem, &mb->nmem, &mb->memsz, a0, a1);
		break;
	case OP_MEMBLOCK_RESERVE:
		fake_dbg(c, "memblock_reserve", a0, a1);
		if (!a1) {
			steplog_printk(LOG_WARN, "fake: zero-sized reserve at %pa\n", &a0);
			res->value = (uint64_t)(int64_t)-22;
			break;
		}
		fake_append(mb->res, &mb->nres, &mb->ressz, a0, a1);
		break;
	case OP_MEMBLOCK_PHYS_FREE:
		fake_dbg(c, "memblock_phys_free", a0, a1);
		for (i = 0; i < mb->nres; i++) {
			if (mb->res[i].base == a0 && mb->res[i].size == a1) {
				mb->ressz -= a1;
				memmove(&mb->res[i], &mb->res[i + 1],
					(mb->nres - i - 1) * sizeof(mb->res[0]));
				mb->nres--;
				break;
			}
		}
		break;
	case OP_MEMBLOCK_ALLOC:
	case OP_MEMBLOCK_ALLOC_RAW:
		res->value = fake_alloc(mb, a0, c->op == OP_MEMBLOCK_ALLOC);
		break;
	case OP_MEMBLOCK_IS_MEMORY:
		for (i = 0; i < mb->nmem; i++)
			if (a0 >= mb->mem[i].base && a0 - mb->mem[i].base < mb->mem[i].size)
				res->value = 1;
		break;
	case OP_MEMBLOCK_SET_BOTTOM_UP:
		mb->bottom_up = c->arg[0].boolean;
		break;
	case OP_MEMBLOCK_FREE_LATE:
		res->unsupported = true;
		res->why = "memblock_free_late is not modelled yet";
		break;
	default:
		res->unsupported = true;
		break;
	}
}

static void fake_type(struct mb_type *t, const struct mb_region *r, int n, uint64_t total)
{
	t->cnt = n ? n : 1;
	t->max = 128;
	t->total_size = total;
	t->regions = calloc(t->cnt, sizeof(*t->regions));
	if (n)
		memcpy(t->regions, r, n * sizeof(*r));
}

static void fake_get_state(struct engine *e, struct mb_state *out)
{
	struct fake_mb *mb = &fake_of(e)->mb;

	memset(out, 0, sizeof(*out));
	fake_type(&out->memory, mb->mem, mb->nmem, mb->memsz);
	fake_type(&out->reserved, mb->res, mb->nres, mb->ressz);
	out->bottom_up = mb->bottom_up;
	out->current_limit = mb->limit;
	out->nr_contents = mb->ncont;
	if (mb->ncont) {
		out->contents = calloc(mb->ncont, sizeof(*out->contents));
		memcpy(out->contents, mb->cont, mb->ncont * sizeof(*mb->cont));
	}
}

static void *fake_save(struct engine *e)
{
	struct fake_mb *copy = malloc(sizeof(*copy));

	*copy = fake_of(e)->mb;
	fake_of(e)->saves++;
	return copy;
}

static void fake_restore(struct engine *e, const void *saved)
{
	fake_of(e)->mb = *(const struct fake_mb *)saved;
	fake_of(e)->restores++;
}

static void fake_free_saved(struct engine *e, void *saved)
{
	(void)e;
	free(saved);
}

static void fake_destroy(struct engine *e)
{
	free(e);
}

static const struct engine_ops fake_ops = {
	.name = "fake",
	.reset = fake_reset,
	.exec = fake_exec,
	.get_state = fake_get_state,
	.save = fake_save,
	.restore = fake_restore,
	.free_saved = fake_free_saved,
	.destroy = fake_destroy,
};

static struct fake_engine *fake_engine_create(void)
{
	struct fake_engine *f = calloc(1, sizeof(*f));

	f->e.ops = &fake_ops;
	f->e.label = "fake";
	f->e.priv = f;
	return f;
}

#endif
