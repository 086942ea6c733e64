// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Model engines are objects: two of them, on different machines, driven
 * in turn, give each its own results -- regions, arrays doubled, contents,
 * WARN_ONCE state, checkpoints -- exactly what each gives alone; one can
 * be destroyed while the other goes on.  An engine spec's kernel version
 * overrides the machine's; a version the model has no semantics for is
 * refused at reset with an error that says so, and an op that a version
 * does not have is refused by name.  The globals keep the instance last
 * used: the model called directly on the globals' own values (as the unit
 * tests of the model do) gets them back with memblock_model_use(NULL).
 */
#include "tap.h"

#include <string.h>

#include "model/memblock.h"
#include "run/engine.h"
#include "core/steplog.h"

static struct steplog lg;

static struct op_result call(struct engine *e, enum op_id op, uint64_t a0, uint64_t a1,
			     uint64_t a2, int nid)
{
	struct op_call c = { .op = op, .caller = "steps[0]" };
	struct op_result res;

	c.arg[0].phys = a0;
	c.arg[1].phys = a1;
	c.arg[2].phys = a2;
	if (op == OP_MEMBLOCK_PHYS_ALLOC_TRY_NID)
		c.arg[2].nid = nid;
	steplog_reset(&lg);
	steplog_set_current(&lg, 8);
	e->ops->exec(e, &c, &res);
	steplog_set_current(NULL, 8);
	return res;
}

/* A's machine: 64-bit NUMA, arrays of 4 that may double.  B's: 32-bit, no NUMA. */
static void machines(struct machine *ma, struct machine *mb)
{
	machine_init_default(ma);
	ma->numa = true;
	ma->max_numnodes = 4;
	ma->memory_regions = 4;
	ma->reserved_regions = 4;
	ma->allow_resize = true;
	machine_init_default(mb);
	mb->phys_addr_bits = 32;
	mb->current_limit = 0xffffffff;
}

/* The same ops on one engine: what the other engine must not change. */
static void drive_a(struct engine *a, int i)
{
	call(a, OP_MEMBLOCK_ADD, (uint64_t)(i + 1) << 24, 1 << 20, 0, 0);
	call(a, OP_MEMBLOCK_RESERVE, ((uint64_t)(i + 1) << 24) + 0x1000, 0x1000, 0, 0);
}

static void drive_b(struct engine *b, int i)
{
	call(b, OP_MEMBLOCK_ADD, 0x100000 * (uint64_t)(2 * i + 1), 0x80000, 0, 0);
	call(b, OP_MEMBLOCK_ALLOC, 0x2000, 0x1000, 0, 0);
}

static bool same_type(const struct mb_type *x, const struct mb_type *y)
{
	return x->cnt == y->cnt && x->max == y->max && x->total_size == y->total_size &&
	       !memcmp(x->regions, y->regions, x->cnt * sizeof(*x->regions));
}

static bool same_state(const struct mb_state *x, const struct mb_state *y)
{
	return same_type(&x->memory, &y->memory) && same_type(&x->reserved, &y->reserved) &&
	       x->memory_array == y->memory_array && x->reserved_array == y->reserved_array &&
	       x->nr_contents == y->nr_contents &&
	       (!x->nr_contents ||	/* no array to compare: memcmp() may not take NULL */
		!memcmp(x->contents, y->contents, x->nr_contents * sizeof(*x->contents)));
}

static void test_interleaved(void)
{
	struct machine ma, mb;
	struct engine *a = model_engine_create(-1), *b = model_engine_create(-1);
	struct engine *solo;
	struct mb_state sa, sb, solo_a, solo_b;
	void *saved;
	int i;

	machines(&ma, &mb);
	ok(a && b && a != b, "two model engines at once");
	a->ops->reset(a, &ma);
	b->ops->reset(b, &mb);
	for (i = 0; i < 6; i++) {
		drive_a(a, i);
		drive_b(b, i);
	}
	a->ops->get_state(a, &sa);
	b->ops->get_state(b, &sb);
	ok(sa.memory.cnt == 6 && sa.reserved.cnt == 7 && sa.memory.max == 8 && sa.reserved.max == 8,
	   "A: 6 memory regions, 6 reservations and its doubled array in arrays doubled to 8");
	ok(sb.memory.cnt == 6 && sb.memory.max == 128 && sb.nr_contents == 6 &&
	   sb.reserved.regions[0].base < 0x100000000ULL,
	   "B: its own 6 regions and 6 zeroed allocations, in 32 bits");

	/* Each alone gives the same. */
	solo = model_engine_create(-1);
	solo->ops->reset(solo, &ma);
	for (i = 0; i < 6; i++)
		drive_a(solo, i);
	solo->ops->get_state(solo, &solo_a);
	solo->ops->reset(solo, &mb);
	for (i = 0; i < 6; i++)
		drive_b(solo, i);
	solo->ops->get_state(solo, &solo_b);
	ok(same_state(&sa, &solo_a), "A interleaved with B = A alone");
	ok(same_state(&sb, &solo_b), "B interleaved with A = B alone");
	solo->ops->destroy(solo);
	state_free(&solo_a);
	state_free(&solo_b);

	/* WARN_ONCE: one per engine. */
	call(a, OP_MEMBLOCK_PHYS_ALLOC_TRY_NID, 0x1000, 0x1000, 0, 4);
	ok(steplog_warnings(&lg) == 1, "A: MAX_NUMNODES warns once");
	b->ops->reset(b, &ma);
	call(b, OP_MEMBLOCK_ADD, 1 << 24, 1 << 20, 0, 0);
	call(b, OP_MEMBLOCK_PHYS_ALLOC_TRY_NID, 0x1000, 0x1000, 0, 4);
	ok(steplog_warnings(&lg) == 1, "B: the same warning fires in B, whose once-state is its own");
	call(a, OP_MEMBLOCK_PHYS_ALLOC_TRY_NID, 0x1000, 0x1000, 0, 4);
	ok(steplog_warnings(&lg) == 0, "A: and stays quiet in A");

	/* A checkpoint of A survives B's work and B's restore. */
	state_free(&sa);
	a->ops->get_state(a, &sa);
	saved = a->ops->save(a);
	call(a, OP_MEMBLOCK_REMOVE, 0, (uint64_t)1 << 40, 0, 0);
	drive_b(b, 7);
	a->ops->restore(a, saved);
	a->ops->free_saved(a, saved);
	a->ops->get_state(a, &solo_a);
	ok(same_state(&sa, &solo_a), "restore of A: as saved, whatever B did meanwhile");
	state_free(&solo_a);

	a->ops->destroy(a);
	state_free(&sb);
	b->ops->get_state(b, &sb);
	ok(sb.memory.cnt == 2 && call(b, OP_MEMBLOCK_ADD, 1 << 28, 1 << 20, 0, 0).value == 0,
	   "B goes on after A is destroyed");
	b->ops->destroy(b);
	state_free(&sa);
	state_free(&sb);
}

static void test_versions(void)
{
	char err[256] = "";
	struct machine m;
	struct engine *e;
	struct op_result res;
	struct mb_state st;

	machine_init_default(&m);
	e = engine_open("model:6.12", err, sizeof(err));
	ok(e && !strcmp(e->label, "model:6.12"), "model:6.12 opens, labelled so");
	ok(e && e->ops->reset(e, &m) == 0, "model:6.12 runs a 6.1 machine with 6.12 semantics");
	e->ops->get_state(e, &st);
	ok(st.memory.cnt == 0 && st.reserved.cnt == 0, "model:6.12: empty types count 0 (%lu, %lu)",
	   st.memory.cnt, st.reserved.cnt);
	state_free(&st);
	res = call(e, OP_MEMBLOCK_RESERVED_MARK_NOINIT, 0, 0x1000, 0, 0);
	ok(!res.unsupported && res.value == 0, "model:6.12 runs memblock_reserved_mark_noinit");
	e->ops->destroy(e);

	e = engine_open("model:6.1", err, sizeof(err));
	m.kernel = KERNEL_6_12;
	ok(e && e->ops->reset(e, &m) == 0, "model:6.1 runs a 6.12 machine with 6.1 semantics");
	res = call(e, OP_MEMBLOCK_RESERVED_MARK_NOINIT, 0, 0x1000, 0, 0);
	is_str(res.why, "memblock_reserved_mark_noinit is not in Linux 6.1",
	       "an op of 6.12 only is refused by name on 6.1");
	e->ops->destroy(e);

	m.kernel = KERNEL_6_12;
	e = engine_open("model", err, sizeof(err));
	ok(e && e->ops->reset(e, &m) == 0, "plain model on a 6.12 machine: 6.12 semantics");
	e->ops->get_state(e, &st);
	ok(st.memory.cnt == 0, "plain model on a 6.12 machine: memory.cnt 0 (%lu)", st.memory.cnt);
	state_free(&st);
	e->ops->destroy(e);
	ok(engine_open("model:6.2", err, sizeof(err)) == NULL &&
	   strstr(err, "unknown kernel version '6.2'"), "model:6.2: %s", err);
}

/* The globals' own values and an engine's instance, in turn. */
static void test_globals_own(void)
{
	struct engine *e = model_engine_create(-1);
	struct machine m;
	struct mb_state st;

	machine_init_default(&m);
	memblock_model_use(NULL);
	memblock_model_reset(&m);
	memblock_add(0x1000000, 0x100000);
	e->ops->reset(e, &m);
	call(e, OP_MEMBLOCK_ADD, 1 << 30, 1 << 20, 0, 0);
	call(e, OP_MEMBLOCK_ADD, 1ULL << 32, 1 << 20, 0, 0);
	memblock_model_use(NULL);
	ok(memblock.memory.cnt == 1 && memblock.memory.regions[0].base == 0x1000000,
	   "the globals' own region is back after an engine ran (%lu)", memblock.memory.cnt);
	memblock_add(0x3000000, 0x100000);
	e->ops->get_state(e, &st);
	ok(st.memory.cnt == 2 && st.memory.regions[0].base == 1 << 30 &&
	   st.memory.regions[1].base == 1ULL << 32,
	   "the engine's regions are its own after direct calls (%lu)", st.memory.cnt);
	state_free(&st);
	e->ops->destroy(e);	/* while its instance has the globals */
	ok(memblock.memory.cnt == 2 && memblock.memory.regions[1].base == 0x3000000,
	   "an engine destroyed in use leaves the globals' own values (%lu)", memblock.memory.cnt);
}

/*
 * A reset keeps the boot arrays it can (same size, not doubled away) with
 * their entries in use zeroed: the dummy is all zero again, nid included.
 */
static void test_reset_reuse(void)
{
	struct engine *e = model_engine_create(-1);
	struct machine ma, mb;
	struct mb_state st;
	const struct mb_region *d;
	int i;

	machines(&ma, &mb);
	e->ops->reset(e, &ma);
	call(e, OP_MEMBLOCK_ADD, 1 << 24, 1 << 20, 0, 0);
	call(e, OP_MEMBLOCK_RESERVE, 1 << 24, 1 << 12, 0, 0);
	e->ops->reset(e, &ma);
	e->ops->get_state(e, &st);
	d = &st.memory.regions[0];
	ok(st.memory.cnt == 1 && st.memory.max == 4 && !d->base && !d->size && !d->flags &&
	   !d->nid && st.reserved.cnt == 1 && !st.reserved.regions[0].size,
	   "reset: the reused arrays' dummies are zero (nid %d)", d->nid);
	state_free(&st);
	for (i = 0; i < 6; i++)
		drive_a(e, i);
	e->ops->reset(e, &ma);
	e->ops->get_state(e, &st);
	ok(st.memory.cnt == 1 && st.memory.max == 4 && !st.memory.regions[0].size &&
	   st.reserved.max == 4 && !st.memory_array,
	   "reset after doubling: boot arrays of the boot size again");
	state_free(&st);
	e->ops->destroy(e);
}

int main(void)
{
	steplog_init(&lg);
	test_interleaved();
	test_versions();
	test_globals_own();
	test_reset_reuse();
	steplog_free(&lg);
	return done_testing();
}
