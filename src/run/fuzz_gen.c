// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The random side of fuzz-diff (see fuzz_gen.h).  Percentages below are
 * tuned so that one case of a few hundred operations typically grows
 * dozens of regions, doubles an array when the machine lets it, runs the
 * allocators into their fallbacks, and sometimes fails.
 */
#include <inttypes.h>
#include <string.h>

#include "fuzz_gen.h"

/* ---- random numbers ---------------------------------------------------- */

void fuzz_seed(struct fuzz_rng *r, uint64_t seed)
{
	/* splitmix64: any seed, even 0, gives a well-mixed start. */
	uint64_t z = seed + 0x9e3779b97f4a7c15ULL;

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	r->s = (z ^ (z >> 31)) | 1;
}

uint64_t fuzz_next(struct fuzz_rng *r)
{
	/* xorshift64* */
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545f4914f6cdd1dULL;
}

static uint64_t below(struct fuzz_rng *r, uint64_t n)
{
	return n ? fuzz_next(r) % n : 0;
}

static bool chance(struct fuzz_rng *r, int percent)
{
	return (int)below(r, 100) < percent;
}

static uint64_t pick(struct fuzz_rng *r, const uint64_t *v, int n)
{
	return v[below(r, n)];
}

/* A size spread evenly over orders of magnitude, up to @max. */
static uint64_t log_size(struct fuzz_rng *r, uint64_t max)
{
	int bits = 0;
	uint64_t v;

	while (bits < 63 && ((uint64_t)1 << (bits + 1)) <= max)
		bits++;
	v = (uint64_t)1 << below(r, bits + 1);
	v += below(r, v);
	return v > max ? max : v;
}

/* ---- machines ---------------------------------------------------------- */

void fuzz_new_case(struct fuzz_rng *r, const struct fuzz_opts *o, struct fuzz_case *c)
{
	static const uint64_t spans64[] = { 64ULL << 20, 1ULL << 30, 16ULL << 30, 1ULL << 40 };
	static const uint64_t spans32[] = { 64ULL << 20, 1ULL << 30, 0xffffffffULL };
	static const uint64_t caches[] = { 64, 64, 64, 32, 128 };
	struct machine *m = &c->machine;

	machine_init_default(m);
	m->kernel = o->kernel;
	if (o->numa && chance(r, 40)) {
		m->numa = true;
		m->max_numnodes = 8;
	}
	if (o->phys32 && chance(r, 15))
		m->phys_addr_bits = 32;
	/* Small arrays fill up, double and run out quickly. */
	if (chance(r, 40)) {
		m->memory_regions = 8;
		m->reserved_regions = 8;
	}
	if (chance(r, 15))
		m->page_size = 64 << 10;
	m->smp_cache_bytes = pick(r, caches, 5);
	if (chance(r, 20))
		m->low_address_limit = 0x7fffffff;
	m->bottom_up = chance(r, 30);
	m->allow_resize = chance(r, 70);
	m->mirrored_kernelcore = chance(r, 20);
	m->movable_node = chance(r, 15);
	/* CONFIG_DEFERRED_STRUCT_PAGE_INIT depends on 64BIT. */
	m->deferred_struct_page_init = m->phys_addr_bits == 64 && chance(r, 60);
	if (chance(r, 25))
		m->section_size = m->page_size << (10 + below(r, 8));
	if (m->phys_addr_bits == 32)
		c->span = pick(r, spans32, 3);
	else
		c->span = pick(r, spans64, 4);
	m->current_limit = machine_phys_max(m);
	if (chance(r, 15))
		m->current_limit = below(r, c->span) & ~(uint64_t)0xfff;
	c->nr_ops = 10 + (int)below(r, 300);
	c->nr_physmem = 0;
	c->nr_done = 0;
}

/* ---- arguments --------------------------------------------------------- */

/* The alignment this operation's addresses get. */
static uint64_t unit(struct fuzz_rng *r, const struct machine *m)
{
	static const uint64_t units[] = { 0x1000, 0x1000, 0x1000, 0x1000, 0x10000, 0x200000, 1 };
	uint64_t u = pick(r, units, 7);

	return chance(r, 10) ? m->page_size : u;
}

static uint64_t fit(const struct machine *m, uint64_t v)
{
	return v & machine_phys_max(m);
}

static const struct mb_region *some_region(struct fuzz_rng *r, const struct mb_state *st,
					   bool reserved)
{
	const struct mb_type *t = reserved ? &st->reserved : &st->memory;

	if (t->cnt == 0 || (t->cnt == 1 && !t->regions[0].size))
		return NULL;
	return &t->regions[below(r, t->cnt)];
}

/* A range for an operation on @type ("reserved" or "memory"), state-aware. */
static void pick_range(struct fuzz_rng *r, const struct fuzz_case *c, const struct mb_state *st,
		       bool reserved, uint64_t *base, uint64_t *size)
{
	const struct machine *m = &c->machine;
	const struct mb_region *rg = some_region(r, st, chance(r, 70) ? reserved : !reserved);
	uint64_t u = unit(r, m), max = machine_phys_max(m);
	int mode = (int)below(r, 100);

	*base = below(r, c->span) / u * u;
	*size = (log_size(r, c->span / 4 + 1) + u - 1) / u * u;
	if (rg && mode < 25) {
		/* Inside, across an edge of, or past a region. */
		*base = rg->base + (below(r, rg->size + 1) & ~(u - 1)) - (chance(r, 30) ? u : 0);
	} else if (rg && mode < 40) {
		/* Touching it on either side: merges. */
		*base = chance(r, 50) ? rg->base + rg->size : rg->base - *size;
	} else if (rg && mode < 50) {
		*base = rg->base;
		*size = rg->size;
	} else if (rg && mode < 55) {
		/* From one region well into the next ones. */
		*base = rg->base;
		*size = rg->size + log_size(r, c->span);
	} else if (mode < 58) {
		*size = 0;
	} else if (mode < 61) {
		/* Runs past PHYS_ADDR_MAX: memblock_cap_size(). */
		*size = max - *base + 1 + below(r, 0x10000);
	} else if (mode < 63) {
		*base = max - below(r, 0x100000);
	}
	*base = fit(m, *base);
	*size = fit(m, *size);
}

static int region_nid(struct fuzz_rng *r, const struct machine *m)
{
	/* 0..MAX_NUMNODES-1, or MAX_NUMNODES itself (no node yet). */
	return chance(r, 10) ? m->max_numnodes : (int)below(r, m->max_numnodes);
}

static int alloc_nid(struct fuzz_rng *r, const struct machine *m)
{
	if (chance(r, 50))
		return -1;
	return chance(r, 10) ? m->max_numnodes : (int)below(r, m->max_numnodes);
}

static uint64_t alloc_size(struct fuzz_rng *r, const struct fuzz_case *c)
{
	int mode = (int)below(r, 100);

	if (mode < 3)
		return 0;
	if (mode < 13)
		return 1 + below(r, 64);
	if (mode < 53)
		return 1 + below(r, 0x10000);
	if (mode < 83)
		return (1 + below(r, 0x1000)) * 0x1000;
	return fit(&c->machine, log_size(r, c->span / 2 + 1));
}

static uint64_t alloc_align(struct fuzz_rng *r, const struct machine *m)
{
	static const uint64_t aligns[] = { 1, 8, 64, 0x1000, 0x1000, 0x1000, 0x1000, 0x200000 };
	int mode = (int)below(r, 100);

	if (mode < 3)
		return 0;
	if (mode < 5)
		return 3 * (1 + below(r, 0x1000));	/* not a power of two */
	if (mode < 15)
		return m->page_size;
	if (mode < 30)
		return fit(m, (uint64_t)1 << below(r, 31));
	return pick(r, aligns, 8);
}

/* A lower bound: none, inside the span, or anywhere. */
static uint64_t low_bound(struct fuzz_rng *r, const struct fuzz_case *c)
{
	int mode = (int)below(r, 100);

	if (mode < 40)
		return 0;
	if (mode < 85)
		return below(r, c->span) & ~(uint64_t)0xfff;
	return fit(&c->machine, fuzz_next(r));
}

/* An upper bound: ANYWHERE, ACCESSIBLE, NOLEAKTRACE, or an address. */
static uint64_t high_bound(struct fuzz_rng *r, const struct fuzz_case *c)
{
	int mode = (int)below(r, 100);

	if (mode < 25)
		return machine_phys_max(&c->machine);
	if (mode < 50)
		return 0;
	if (mode < 55)
		return 1;
	if (mode < 90)
		return below(r, c->span) & ~(uint64_t)0xfff;
	return fit(&c->machine, fuzz_next(r));
}

/* ---- operations -------------------------------------------------------- */

/* An op drawn by its fuzz weight in ops.def, among those the machine's kernel has. */
static enum op_id pick_op(struct fuzz_rng *r, const struct machine *m)
{
	unsigned int kv = KERNEL_VERSION_BIT(m->kernel);
	int total = 0, i, x;

	for (i = 0; i < NR_OPS; i++)
		if (op_spec(i)->versions & kv)
			total += op_spec(i)->fuzz_weight;
	x = (int)below(r, total);
	for (i = 0; i < NR_OPS; i++) {
		if (!(op_spec(i)->versions & kv))
			continue;
		x -= op_spec(i)->fuzz_weight;
		if (x < 0)
			return i;
	}
	return OP_MEMBLOCK_ADD;
}

/* memblock_end_of_DRAM() of @st; 0 for 6.12's empty memory (cnt 0: no last region). */
static uint64_t memory_end(const struct mb_state *st)
{
	const struct mb_region *last;

	if (!st->memory.cnt)
		return 0;
	last = &st->memory.regions[st->memory.cnt - 1];
	return last->base + last->size;
}

/*
 * The page allocator's handover comes once, in order, in the last quarter
 * of a case: memblock is not meant to be used after it, and
 * memblock_discard ends the case.
 */
static bool page_alloc_op(struct fuzz_rng *r, const struct fuzz_case *c,
			  const struct mb_state *st, struct op_call *call)
{
	uint64_t base, size;

	if (!st->freed_all) {
		/*
		 * memblock_free_all() walks memory in MAX_ORDER blocks, in the
		 * kernel as in the model: only where memory ends below 4 TiB.
		 */
		if (c->nr_done < c->nr_ops * 3 / 4 || !chance(r, 10) ||
		    memory_end(st) > (1ULL << 42))
			return false;
		call->op = OP_MEMBLOCK_FREE_ALL;
		return true;
	}
	if (!st->deferred_done && chance(r, 5)) {
		call->op = OP_PAGE_ALLOC_INIT_LATE;
		return true;
	}
	if (chance(r, 20)) {
		pick_range(r, c, st, true, &base, &size);
		/* Callers free late what they reserved: firmware tables, not gigabytes. */
		if (size > (64ULL << 20))
			size = 64ULL << 20;
		call->op = OP_MEMBLOCK_FREE_LATE;
		call->arg[0].phys = base;
		call->arg[1].phys = size;
		return true;
	}
	if (st->deferred_done && chance(r, 3)) {
		call->op = OP_MEMBLOCK_DISCARD;
		return true;
	}
	return false;
}

static void fill_args(struct fuzz_rng *r, const struct fuzz_case *c, const struct mb_state *st,
		      struct op_call *call)
{
	const struct op_spec *spec = op_spec(call->op);
	const struct machine *m = &c->machine;
	union op_value *a = call->arg;
	bool reserved = call->op == OP_MEMBLOCK_RESERVE || call->op == OP_MEMBLOCK_PHYS_FREE ||
			call->op == OP_MEMBLOCK_FREE || call->op == OP_MEMBLOCK_IS_RESERVED ||
			call->op == OP_MEMBLOCK_IS_REGION_RESERVED;
	uint64_t base, size;

	if (spec->ret == RET_ADDR) {
		a[0].phys = alloc_size(r, c);
		a[1].phys = alloc_align(r, m);
		if (call->op == OP_MEMBLOCK_PHYS_ALLOC_RANGE) {
			a[2].phys = low_bound(r, c);
			a[3].phys = high_bound(r, c);
		} else if (call->op == OP_MEMBLOCK_ALLOC_FROM) {
			a[2].phys = low_bound(r, c);
		} else if (call->op == OP_MEMBLOCK_PHYS_ALLOC_TRY_NID ||
			   call->op == OP_MEMBLOCK_ALLOC_NODE) {
			a[2].nid = alloc_nid(r, m);
		} else if (spec->nargs >= 5) {
			a[2].phys = low_bound(r, c);
			a[3].phys = high_bound(r, c);
			a[4].nid = alloc_nid(r, m);
			if (spec->nargs == 6)
				a[5].boolean = chance(r, 50);
		}
		return;
	}
	pick_range(r, c, st, reserved, &base, &size);
	switch (call->op) {
	case OP_MEMBLOCK_ADD_NODE:
		a[2].nid = region_nid(r, m);
		a[3].flags = chance(r, 80) ? MBF_NONE :
			     (unsigned int)below(r, flags_of_version(m->kernel) + 1);
		break;
	case OP_MEMBLOCK_SET_NODE:
		a[2].type = chance(r, 70) ? MB_TYPE_MEMORY : MB_TYPE_RESERVED;
		a[3].nid = region_nid(r, m);
		break;
	case OP_MEMBLOCK_TRIM_MEMORY:
		base = chance(r, 3) ? 0 : (uint64_t)0x1000 << below(r, 10);
		break;
	case OP_MEMBLOCK_ENFORCE_MEMORY_LIMIT:
	case OP_MEMBLOCK_MEM_LIMIT_REMOVE_MAP:
		base = chance(r, 5) ? 0 : fit(m, log_size(r, c->span));
		break;
	case OP_MEMBLOCK_SET_BOTTOM_UP:
		a[0].boolean = !st->bottom_up;
		return;
	case OP_MEMBLOCK_OVERLAPS_REGION:
		a[0].type = chance(r, 50) ? MB_TYPE_MEMORY : MB_TYPE_RESERVED;
		a[1].phys = base;
		a[2].phys = size;
		return;
	case OP_MEMBLOCK_VALIDATE_NUMA_COVERAGE:
		/* threshold_bytes: none, or up to the span. */
		base = chance(r, 30) ? 0 : log_size(r, c->span);
		break;
	case OP_MEMBLOCK_SET_CURRENT_LIMIT:
		base = chance(r, 40) ? machine_phys_max(m) : high_bound(r, c);
		break;
	default:
		break;
	}
	if (spec->nargs >= 1 && spec->args[0].kind == ARG_PHYS)
		a[0].phys = base;
	if (spec->nargs >= 2 && spec->args[1].kind == ARG_PHYS)
		a[1].phys = size;
}

void fuzz_op(struct fuzz_rng *r, const struct fuzz_opts *o, struct fuzz_case *c,
	     const struct mb_state *st, struct op_call *call)
{
	memset(call->arg, 0, sizeof(call->arg));
	c->nr_done++;
	if (o->page_alloc && page_alloc_op(r, c, st, call))
		return;
	/*
	 * physmem has 4 entries; doubling it frees its built-in array, an
	 * address in the kernel image that no engine can follow.  Two adds
	 * never fill it.
	 */
	do
		call->op = pick_op(r, &c->machine);
	while (call->op == OP_MEMBLOCK_PHYSMEM_ADD && c->nr_physmem >= 2);
	if (call->op == OP_MEMBLOCK_PHYSMEM_ADD)
		c->nr_physmem++;
	fill_args(r, c, st, call);
}

/* ---- the end of a case ------------------------------------------------- */

/* sizeof(struct memblock_region) in the simulated kernel. */
static uint64_t region_bytes(const struct machine *m)
{
	if (m->phys_addr_bits == 64)
		return 24;
	return m->numa ? 16 : 12;
}

/* Is all of [base, end) inside reserved regions (sorted, disjoint)? */
static bool all_reserved(const struct mb_type *rsv, uint64_t base, uint64_t end)
{
	unsigned long i;

	for (i = 0; i < rsv->cnt && base < end; i++) {
		const struct mb_region *r = &rsv->regions[i];

		if (r->base > base)
			return false;
		if (r->base + r->size > base)
			base = r->base + r->size;
	}
	return base >= end;
}

/* The end of @t's array at @pa, as memblock_double_array() reserves it. */
static uint64_t array_end(const struct machine *m, const struct mb_type *t, uint64_t pa)
{
	uint64_t bytes = t->max * region_bytes(m);

	return pa + ((bytes + m->page_size - 1) & ~(m->page_size - 1));
}

static bool array_lost(const struct machine *m, const struct mb_type *t, uint64_t pa,
		       const struct mb_type *rsv)
{
	return pa && !all_reserved(rsv, pa, array_end(m, t, pa));
}

const char *fuzz_undefined(const struct machine *m, const struct mb_state *st)
{
	uint64_t a = st->memory_array, b = st->reserved_array;

	if (a && b && a < array_end(m, &st->reserved, b) && b < array_end(m, &st->memory, a))
		return "the memory and reserved arrays overlap";
	return NULL;
}

const char *fuzz_case_over(const struct machine *m, const struct op_call *call,
			   const struct mb_state *st)
{
	if (call->op == OP_MEMBLOCK_DISCARD)
		return "memblock_discard() ran";
	if (array_lost(m, &st->memory, st->memory_array, &st->reserved))
		return "the memory array is no longer reserved";
	if (array_lost(m, &st->reserved, st->reserved_array, &st->reserved))
		return "the reserved array is no longer reserved";
	return NULL;
}

/* ---- scenario files ---------------------------------------------------- */

/* ["HOTPLUG", "NOMAP"], or ["NONE"]. */
static void write_flags(FILE *f, unsigned int flags)
{
	static const char *const names[] = { "HOTPLUG", "MIRROR", "NOMAP", "DRIVER_MANAGED" };
	int i, n = 0;

	fputc('[', f);
	for (i = 0; i < 4; i++)
		if (flags & (1u << i))
			fprintf(f, "%s\"%s\"", n++ ? ", " : "", names[i]);
	if (!n)
		fputs("\"NONE\"", f);
	fputc(']', f);
}

static void write_arg(FILE *f, const struct op_arg_spec *spec, const union op_value *v)
{

	fprintf(f, ", \"%s\": ", spec->name);
	switch (spec->kind) {
	case ARG_PHYS:
		fprintf(f, "\"%#" PRIx64 "\"", v->phys);
		break;
	case ARG_NID:
		fprintf(f, "%d", v->nid);
		break;
	case ARG_BOOL:
		fprintf(f, "%s", v->boolean ? "true" : "false");
		break;
	case ARG_TYPE:
		fprintf(f, "\"%s\"", v->type == MB_TYPE_RESERVED ? "reserved" : "memory");
		break;
	case ARG_FLAGS:
		write_flags(f, v->flags);
		break;
	case ARG_STRING:
		/* Never drawn: the text ops have no fuzz weight. */
		fputs("\"\"", f);
		break;
	}
}

void fuzz_write_scenario(FILE *f, const char *name, const char *description,
			 const struct machine *m, const struct op_call *calls, int nr)
{
	int i, k;

	fprintf(f, "{\n  \"scenario\": 1,\n  \"name\": \"%s\",\n", name);
	fprintf(f, "  \"description\": \"%s\",\n", description);
	fputs("  \"machine\": {\n", f);
	if (m->kernel != KERNEL_6_1)
		fprintf(f, "    \"kernel\": \"%s\",\n", kernel_version_name(m->kernel));
	fprintf(f, "    \"numa\": %s, \"max_numnodes\": %d, "
		"\"phys_addr_bits\": %d,\n", m->numa ? "true" : "false", m->max_numnodes,
		m->phys_addr_bits);
	fprintf(f, "    \"page_size\": \"%#" PRIx64 "\", \"smp_cache_bytes\": %" PRIu64 ",\n",
		m->page_size, m->smp_cache_bytes);
	fprintf(f, "    \"memory_regions\": %lu, \"reserved_regions\": %lu,\n", m->memory_regions,
		m->reserved_regions);
	fprintf(f, "    \"low_address_limit\": \"%#" PRIx64 "\",\n", m->low_address_limit);
	fprintf(f, "    \"movable_node\": %s, \"mirrored_kernelcore\": %s,\n",
		m->movable_node ? "true" : "false", m->mirrored_kernelcore ? "true" : "false");
	fprintf(f, "    \"bottom_up\": %s, \"current_limit\": \"%#" PRIx64 "\", "
		"\"allow_resize\": %s\n  },\n", m->bottom_up ? "true" : "false",
		m->current_limit, m->allow_resize ? "true" : "false");
	fputs("  \"steps\": [", f);
	for (i = 0; i < nr; i++) {
		const struct op_spec *spec = op_spec(calls[i].op);

		fprintf(f, "%s\n    { \"op\": \"%s\"", i ? "," : "", spec->name);
		for (k = 0; k < spec->nargs; k++)
			write_arg(f, &spec->args[k], &calls[i].arg[k]);
		fputs(" }", f);
	}
	fputs("\n  ]\n}\n", f);
}
