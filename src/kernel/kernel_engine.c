// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel engine: struct engine_ops over a kernel tree's own
 * mm/memblock.c (see kernel_engine.h).  An op_call becomes a call of the
 * kernel function it names inside the engine object; the state is read
 * back from the kernel's struct memblock.
 *
 * What the kernel does not keep itself is kept here the way the model
 * keeps it: whether memblock_discard() ran, and the contents of allocated
 * memory.  Contents are observed, not assumed: a range counts as zeroed
 * when the kernel code zeroed it (its memset reaches mbviz), and anything
 * that left memblock.reserved is no longer an allocation.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kernel_engine.h"
#include "kernel_engine_priv.h"
#include "kernel_pagealloc.h"
#include "util/xalloc.h"

/* ---- configurations ---------------------------------------------------- */

int kernel_engine_config_name(const struct machine *m, char *buf, int len, char *err, int errlen)
{
	int n = m->max_numnodes;

	if (m->phys_addr_bits != 32 && m->phys_addr_bits != 64) {
		snprintf(err, errlen, "phys_addr_bits %d: a kernel's phys_addr_t has 32 or 64",
			 m->phys_addr_bits);
		return -1;
	}
	if (n < 1 || n > 1024 || (n & (n - 1))) {
		snprintf(err, errlen, "max_numnodes %d: the kernel's MAX_NUMNODES is "
			 "1 << CONFIG_NODES_SHIFT (1 to 1024)", n);
		return -1;
	}
	if (!m->page_size || (m->page_size & (m->page_size - 1))) {
		snprintf(err, errlen, "page_size %#llx is not a power of two",
			 (unsigned long long)m->page_size);
		return -1;
	}
	if (!m->memory_regions || !m->reserved_regions) {
		snprintf(err, errlen, "the region arrays need at least one entry");
		return -1;
	}
	snprintf(buf, len, "memblock-%s%d-phys%d-m%lu-r%lu.so", m->numa ? "numa" : "uma", n,
		 m->phys_addr_bits, m->memory_regions, m->reserved_regions);
	return 0;
}

static bool config_matches(const struct kobj *o, const struct machine *m, char *why, int len)
{
	const struct kshim_config *c = &o->mod->config;

	if (c->numa != m->numa || c->max_numnodes != m->max_numnodes)
		snprintf(why, len, "numa %s, max_numnodes %d (the machine: %s, %d)",
			 c->numa ? "on" : "off", c->max_numnodes, m->numa ? "on" : "off",
			 m->max_numnodes);
	else if (c->phys_addr_bits != m->phys_addr_bits)
		snprintf(why, len, "phys_addr_bits %d (the machine: %d)", c->phys_addr_bits,
			 m->phys_addr_bits);
	else if (c->memory_regions != m->memory_regions ||
		 c->reserved_regions != m->reserved_regions)
		snprintf(why, len, "memory_regions %lu, reserved_regions %lu (the machine: %lu, %lu)",
			 c->memory_regions, c->reserved_regions, m->memory_regions,
			 m->reserved_regions);
	else
		return true;
	return false;
}

/* The release an object was built from, as a semantics profile; -1 if neither. */
static int object_version(const struct kobj *o)
{
	unsigned int v = o->mod->config.version;

	if (v >> 16 != 6)
		return -1;
	return ((v >> 8) & 0xff) == 1 ? KERNEL_6_1 : ((v >> 8) & 0xff) == 12 ? KERNEL_6_12 : -1;
}

/* The path to take engines for @m from: the one of its release, else the first. */
static struct kpath *kpath_for(struct kernel_engine *ke, const struct machine *m)
{
	int i;

	for (i = 0; i < ke->nr_kp; i++)
		if (ke->kp_version[i] == (int)m->kernel)
			return &ke->kp[i];
	return &ke->kp[0];
}

/* The object for @m: loaded already, found, or built; NULL and ke->error. */
static struct kobj *object_for(struct kernel_engine *ke, const struct machine *m)
{
	char name[96], why[160], err[512] = "";
	struct kpath *kp = kpath_for(ke, m);
	struct kobj *o;
	char *path;
	int attempt;

	for (o = ke->objs; o; o = o->next)
		if (config_matches(o, m, why, sizeof(why)) &&
		    (ke->nr_kp == 1 || object_version(o) == (int)m->kernel))
			return o;
	if (kernel_engine_config_name(m, name, sizeof(name), err, sizeof(err))) {
		snprintf(ke->error, sizeof(ke->error), "the kernel engine cannot simulate this "
			 "machine: %s", err);
		return NULL;
	}
	/* A stale object (older interface) is rebuilt once when a tree is known. */
	for (attempt = 0; attempt < 2; attempt++) {
		path = kpath_object(kp, name, m, attempt > 0, err, sizeof(err));
		if (!path)
			break;
		o = kobj_load(path, &ke->host, err, sizeof(err));
		free(path);
		if (o || !kp->tree || kp->kind == KPATH_OBJECT)
			break;
	}
	if (!o) {
		snprintf(ke->error, sizeof(ke->error), "%s", err);
		return NULL;
	}
	if (!config_matches(o, m, why, sizeof(why))) {
		snprintf(ke->error, sizeof(ke->error), "%s was built for %s; this machine needs "
			 "%s (mbviz-build-engine KDIR DIR OPTIONS)", o->path, why, name);
		kobj_unload(o);
		return NULL;
	}
	o->next = ke->objs;
	ke->objs = o;
	return o;
}

/* ---- calls into the kernel code ---------------------------------------- */

/* Call object op @kop; false (and ke->dead) if the call was abandoned. */
static bool kcall(struct kernel_engine *ke, int kop, const uint64_t *args, uint64_t *ret)
{
	ke->nr_zero = 0;
	ke->totalram_delta = 0;
	ke->in_call = true;
	if (setjmp(ke->bug_jump)) {
		ke->in_call = false;
		return false;
	}
	ke->cur->mod->exec(kop, args, ret);
	ke->in_call = false;
	return true;
}

static bool kcall_op(struct kernel_engine *ke, enum op_id op, uint64_t a0)
{
	uint64_t args[KSHIM_MAX_ARGS] = { a0 }, ret;
	int kop = ke->cur->op_map[op];

	return kop >= 0 && kcall(ke, kop, args, &ret);
}

/* A tree runs scenarios of its own version only (machine "kernel"). */
static bool version_matches(struct kernel_engine *ke, const struct kobj *o,
			    const struct machine *m)
{
	const char *release = o->mod->config.release;
	int v = kernel_version_of_release(release);

	if (v < 0)
		snprintf(ke->error, sizeof(ke->error), "the engine is Linux %s's mm/memblock.c: "
			 "mbviz has the semantics of Linux 6.1 and 6.12 only", release);
	else if (v != (int)m->kernel)
		snprintf(ke->error, sizeof(ke->error), "the engine is Linux %s's mm/memblock.c, "
			 "but the scenario is for Linux %s (machine.kernel \"%s\")", release,
			 kernel_version_name(m->kernel), kernel_version_name(m->kernel));
	return v >= 0 && v == (int)m->kernel;
}

static int k_reset(struct engine *e, const struct machine *m)
{
	struct kernel_engine *ke = kernel_of(e);
	struct kshim_runtime rt = {
		.page_size = m->page_size,
		.smp_cache_bytes = m->smp_cache_bytes,
		.low_address_limit = m->low_address_limit,
		.movable_node = m->movable_node,
		.mirrored_kernelcore = m->mirrored_kernelcore,
	};
	struct kobj *o;

	ke->error[0] = '\0';
	ke->cur = NULL;
	o = object_for(ke, m);
	if (!o || !version_matches(ke, o, m))
		return -1;
	ke->cur = o;
	ke->machine = *m;
	ke->dead = false;
	ke->dead_why[0] = '\0';
	ke->discarded = false;
	ke->contents.nr = 0;
	kobj_reset(o);
	simmem_clear(ke->mem);
	o->mod->setup(&rt);
	/* The machine's boot-time settings, through the kernel's own setters. */
	if (!kcall_op(ke, OP_MEMBLOCK_SET_BOTTOM_UP, m->bottom_up) ||
	    !kcall_op(ke, OP_MEMBLOCK_SET_CURRENT_LIMIT, m->current_limit) ||
	    (m->allow_resize && !kcall_op(ke, OP_MEMBLOCK_ALLOW_RESIZE, 0))) {
		snprintf(ke->error, sizeof(ke->error), "%s: cannot apply the machine's settings",
			 o->path);
		ke->cur = NULL;
		return -1;
	}
	kpagealloc_reset(ke);
	return 0;
}

static uint64_t arg_value(const struct op_arg_spec *spec, const union op_value *v)
{
	switch (spec->kind) {
	case ARG_PHYS:
		return v->phys;
	case ARG_NID:
		return (uint64_t)(int64_t)v->nid;
	case ARG_FLAGS:
		return v->flags;
	case ARG_BOOL:
		return v->boolean;
	case ARG_TYPE:
		return v->type == MB_TYPE_RESERVED;
	case ARG_STRING:
		/* The engine is in this process: it reads the text where it is (kshim.h). */
		return (uint64_t)(uintptr_t)v->string;
	}
	return 0;
}

static void unsupported(struct kernel_engine *ke, struct op_result *res, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void unsupported(struct kernel_engine *ke, struct op_result *res, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ke->why, sizeof(ke->why), fmt, ap);
	va_end(ap);
	res->unsupported = true;
	res->why = ke->why;
}

/* Where the kernel's array of @t is: in simulated memory, or 0 (its static array). */
uint64_t kengine_array_of(struct kernel_engine *ke, enum kshim_type t)
{
	struct kshim_type_view v;
	uint64_t pa;

	ke->cur->mod->get_type(t, &v);
	return v.array && !simmem_pa(ke->mem, v.array, &pa) ? pa : 0;
}

void kengine_read_type(struct kernel_engine *ke, enum kshim_type t, struct mb_type *out)
{
	const struct kshim_module *mod = ke->cur->mod;
	struct kshim_type_view v;
	struct kshim_region r;
	unsigned long i;

	mod->get_type(t, &v);
	out->cnt = v.cnt;
	out->max = v.max;
	out->total_size = v.total_size;
	out->regions = xzalloc((v.cnt ? v.cnt : 1) * sizeof(*out->regions));
	for (i = 0; i < v.cnt; i++) {
		mod->get_region(t, i, &r);
		out->regions[i] = (struct mb_region){ r.base, r.size, r.flags, r.nid };
	}
}

/* What an allocation left in memory, and what stopped being allocated. */
static void track_contents(struct kernel_engine *ke, const struct op_call *call,
			   const struct op_result *res)
{
	uint64_t base = res->value, size = call->arg[0].phys & machine_phys_max(&ke->machine);
	bool zeroed = false;
	int i;

	if (ke->contents.nr) {
		struct mb_type reserved;

		kengine_read_type(ke, KSHIM_RESERVED, &reserved);
		kcontents_keep_only(&ke->contents, &reserved);
		free(reserved.regions);
	}
	/* An address result is an allocation's, except the lookup of a named one (6.12). */
	if (op_spec(call->op)->ret != RET_ADDR || call->op == OP_RESERVE_MEM_FIND_BY_NAME ||
	    !base || !size)
		return;
	for (i = 0; i < ke->nr_zero; i++)
		if (ke->zero[i].pa <= base && ke->zero[i].pa + ke->zero[i].n >= base + size)
			zeroed = true;
	kcontents_set(&ke->contents, base, size, zeroed ? CONTENT_ZEROED : CONTENT_UNTOUCHED);
}

static bool memory_is_empty(struct kernel_engine *ke)
{
	struct kshim_type_view v;

	ke->cur->mod->get_type(KSHIM_MEMORY, &v);
	return v.cnt == 0;
}

static void k_exec(struct engine *e, const struct op_call *call, struct op_result *res)
{
	struct kernel_engine *ke = kernel_of(e);
	const struct op_spec *spec = op_spec(call->op);
	uint64_t args[KSHIM_MAX_ARGS] = { 0 }, ret = 0;
	const char *why;
	int i, kop;

	memset(res, 0, sizeof(*res));
	res->kind = spec ? spec->ret : RET_NONE;
	if (!spec) {
		unsupported(ke, res, "unknown operation %d", (int)call->op);
		return;
	}
	if (!ke->cur) {
		unsupported(ke, res, "%s: no machine (%s)", spec->name,
			    ke->error[0] ? ke->error : "the engine was not reset");
		return;
	}
	if (ke->dead) {
		unsupported(ke, res, "%s: the simulated kernel died earlier (%s)",
			    spec->name, ke->dead_why);
		return;
	}
	if (call->op == OP_MEMSET) {
		/* A scenario's memset: recorded for contents, like the model does. */
		kcontents_fill(&ke->contents, call->arg[0].phys & machine_phys_max(&ke->machine),
			       call->arg[2].phys & machine_phys_max(&ke->machine),
			       (unsigned char)call->arg[1].phys);
		return;
	}
	if (call->op == OP_PAGE_ALLOC_INIT_LATE) {
		ke->caller = call->caller;
		if (!kpagealloc_init_late(ke))
			unsupported(ke, res, "%s: %s", spec->name, ke->dead_why);
		return;
	}
	kop = ke->cur->op_map[call->op];
	if (kop < 0) {
		unsupported(ke, res, "%s is not in the mm/memblock.c of Linux %s",
			    spec->name, ke->cur->mod->config.release);
		return;
	}
	if (call->op == OP_MEMBLOCK_END_OF_DRAM && ke->machine.kernel == KERNEL_6_12 &&
	    memory_is_empty(ke)) {
		unsupported(ke, res, "%s: %s", spec->name, ENGINE_END_OF_DRAM_EMPTY);
		return;
	}
	for (i = 0; i < spec->nargs; i++)
		args[i] = arg_value(&spec->args[i], &call->arg[i]);

	ke->caller = call->caller;
	why = kpagealloc_begin(ke, call);
	if (why) {
		ke->caller = NULL;
		unsupported(ke, res, "%s: %s", spec->name, why);
		res->too_long = true;
		return;
	}
	if (!kcall(ke, kop, args, &ret)) {
		kpagealloc_end(ke);
		ke->caller = NULL;
		unsupported(ke, res, "%s: %s", spec->name, ke->dead_why);
		res->cancelled = ke->cancelled;
		return;
	}
	kpagealloc_end(ke);
	ke->caller = NULL;

	switch (res->kind) {
	case RET_INT:
		res->value = ret;
		break;
	case RET_BOOL:
		res->value = ret != 0;
		break;
	case RET_ADDR:
	case RET_VALUE:
		res->value = ret & machine_phys_max(&ke->machine);
		break;
	case RET_PAGES:
		/* memblock_free_all() returns nothing; it adds what it freed to totalram. */
		res->value = call->op == OP_MEMBLOCK_FREE_ALL ? (uint64_t)ke->totalram_delta : ret;
		break;
	case RET_NONE:
		break;
	}
	if (call->op == OP_MEMBLOCK_DISCARD)
		ke->discarded = true;
	track_contents(ke, call, res);
}

static void k_get_state(struct engine *e, struct mb_state *out)
{
	struct kernel_engine *ke = kernel_of(e);
	int bottom_up = 0;
	uint64_t limit = 0;

	memset(out, 0, sizeof(*out));
	if (!ke->cur)
		return;
	kengine_read_type(ke, KSHIM_MEMORY, &out->memory);
	kengine_read_type(ke, KSHIM_RESERVED, &out->reserved);
	out->memory_array = kengine_array_of(ke, KSHIM_MEMORY);
	out->reserved_array = kengine_array_of(ke, KSHIM_RESERVED);
	ke->cur->mod->get_settings(&bottom_up, &limit);
	out->bottom_up = bottom_up;
	out->current_limit = limit;
	out->discarded = ke->discarded;
	out->nr_contents = ke->contents.nr;
	if (ke->contents.nr)
		out->contents = xmemdup(ke->contents.v, ke->contents.nr * sizeof(*out->contents));
	kpagealloc_state(ke, out);
}

/* ---- checkpoints ------------------------------------------------------- */

/* A doubled region array lives in simulated memory, outside the object. */
struct saved_array {
	uint64_t	pa;
	size_t		n;
	char		*bytes;
};

struct ksaved {
	struct kobj	*obj;
	struct machine	machine;
	char		*data;
	unsigned long	generation;	/* of simulated memory, when saved */
	int		nr_arrays;
	struct saved_array arrays[KSHIM_NR_TYPES];
	bool		dead, discarded;
	char		dead_why[256];
	struct kcontents contents;
	void		*page_alloc;
};

static void *k_save(struct engine *e)
{
	struct kernel_engine *ke = kernel_of(e);
	struct ksaved *s = xzalloc(sizeof(*s));
	int t;

	s->obj = ke->cur;
	s->machine = ke->machine;
	s->dead = ke->dead;
	s->discarded = ke->discarded;
	memcpy(s->dead_why, ke->dead_why, sizeof(s->dead_why));
	kcontents_copy(&s->contents, &ke->contents);
	if (!ke->cur)
		return s;
	s->generation = simmem_generation(ke->mem);
	s->data = xrealloc(NULL, ke->cur->data_len);
	kobj_copy_data(ke->cur, s->data, true);
	for (t = 0; t < KSHIM_NR_TYPES; t++) {
		struct kshim_type_view v;
		struct saved_array *a = &s->arrays[s->nr_arrays];

		ke->cur->mod->get_type(t, &v);
		if (!v.array || !simmem_contains(ke->mem, v.array, v.array_bytes) ||
		    simmem_pa(ke->mem, v.array, &a->pa))
			continue;
		a->n = v.array_bytes;
		a->bytes = xrealloc(NULL, a->n);
		memcpy(a->bytes, v.array, a->n);
		s->nr_arrays++;
	}
	s->page_alloc = kpagealloc_save(ke);
	return s;
}

static void k_restore(struct engine *e, const void *saved)
{
	struct kernel_engine *ke = kernel_of(e);
	const struct ksaved *s = saved;
	int i;

	ke->cur = s->obj;
	ke->machine = s->machine;
	ke->dead = s->dead;
	ke->discarded = s->discarded;
	memcpy(ke->dead_why, s->dead_why, sizeof(ke->dead_why));
	kcontents_copy(&ke->contents, &s->contents);
	if (!ke->cur)
		return;
	kobj_copy_data(ke->cur, s->data, false);
	/*
	 * Within one boot the windows of simulated memory never move, so the
	 * kernel's pointers to its arrays stay valid.  A checkpoint of an
	 * earlier boot points into windows that are gone.
	 */
	if (s->nr_arrays && s->generation != simmem_generation(ke->mem)) {
		kobj_reset(ke->cur);
		ke->dead = true;
		snprintf(ke->dead_why, sizeof(ke->dead_why), "a checkpoint of an earlier boot "
			 "cannot be restored");
		return;
	}
	for (i = 0; i < s->nr_arrays; i++)
		memcpy(simmem_va(ke->mem, s->arrays[i].pa), s->arrays[i].bytes, s->arrays[i].n);
	kpagealloc_restore(ke, s->page_alloc);
}

static void k_free_saved(struct engine *e, void *saved)
{
	struct ksaved *s = saved;
	int i;

	if (!s)
		return;
	kpagealloc_free_saved(kernel_of(e), s->page_alloc);
	for (i = 0; i < s->nr_arrays; i++)
		free(s->arrays[i].bytes);
	kcontents_free(&s->contents);
	free(s->data);
	free(s);
}

static void k_destroy(struct engine *e)
{
	struct kernel_engine *ke = kernel_of(e);
	int i;

	while (ke->objs) {
		struct kobj *o = ke->objs;

		ke->objs = o->next;
		kobj_unload(o);
	}
	kpagealloc_destroy(ke);
	simmem_destroy(ke->mem);
	for (i = 0; i < ke->nr_kp; i++)
		kpath_free(&ke->kp[i]);
	kcontents_free(&ke->contents);
	free(ke->zero);
	free(ke->label);
	free(ke);
}

static const struct engine_ops kernel_ops = {
	.name		= "kernel",
	.reset		= k_reset,
	.exec		= k_exec,
	.get_state	= k_get_state,
	.save		= k_save,
	.restore	= k_restore,
	.free_saved	= k_free_saved,
	.destroy	= k_destroy,
	.error		= kernel_engine_error,
};

/*
 * @path is one engine path, or several separated by ':' -- trees of
 * different releases (6.1 and 6.12), each serving the scenarios of its own.
 */
static int kpaths_init(struct kernel_engine *ke, const char *path, char *err, int errlen)
{
	char *list = xstrdup(path), *item, *save = NULL;
	int ret = 0;

	for (item = strtok_r(list, ":", &save); item && !ret; item = strtok_r(NULL, ":", &save)) {
		if (ke->nr_kp == NR_KERNEL_VERSIONS) {
			snprintf(err, errlen, "kernel:%s: at most %d paths, one per release",
				 path, NR_KERNEL_VERSIONS);
			ret = -1;
			break;
		}
		ret = kpath_init(&ke->kp[ke->nr_kp], item, err, errlen);
		if (!ret) {
			ke->kp_version[ke->nr_kp] = kpath_version(&ke->kp[ke->nr_kp]);
			ke->nr_kp++;
		}
	}
	if (!ret && !ke->nr_kp) {
		snprintf(err, errlen, "kernel:%s: no path given", path);
		ret = -1;
	}
	free(list);
	return ret;
}

struct engine *kernel_engine_create(const char *path, char *err, int errlen)
{
	struct kernel_engine *ke = xzalloc(sizeof(*ke));
	int i;

	if (kpaths_init(ke, path, err, errlen)) {
		for (i = 0; i < ke->nr_kp; i++)
			kpath_free(&ke->kp[i]);
		free(ke);
		return NULL;
	}
	ke->e.ops = &kernel_ops;
	ke->label = xasprintf("kernel:%s", path);
	ke->e.label = ke->label;
	ke->e.priv = ke;
	ke->mem = simmem_create();
	khost_init(ke);
	kpagealloc_create(ke);
	return &ke->e;
}

const char *kernel_engine_error(struct engine *e)
{
	struct kernel_engine *ke = kernel_of(e);

	return ke->error[0] ? ke->error : NULL;
}

/* ---- contents ---------------------------------------------------------- */

static void kc_insert(struct kcontents *c, int at, struct mb_content v)
{
	if (c->nr == c->alloc) {
		c->alloc = c->alloc ? 2 * c->alloc : 16;
		c->v = xrealloc(c->v, c->alloc * sizeof(*c->v));
	}
	memmove(&c->v[at + 1], &c->v[at], (c->nr - at) * sizeof(*c->v));
	c->v[at] = v;
	c->nr++;
}

/* Forget [base, end) of every range; returns where a range at @base would go. */
static int kc_punch(struct kcontents *c, uint64_t base, uint64_t end)
{
	int i = 0;

	while (i < c->nr && c->v[i].base + c->v[i].size <= base)
		i++;
	while (i < c->nr && c->v[i].base < end) {
		struct mb_content *r = &c->v[i];
		uint64_t rend = r->base + r->size;

		if (r->base < base) {
			r->size = base - r->base;
			i++;
			if (rend > end)
				kc_insert(c, i, (struct mb_content){ end, rend - end, r->state,
								     r->byte });
			continue;
		}
		if (rend > end) {
			r->size = rend - end;
			r->base = end;
			break;
		}
		memmove(r, r + 1, (c->nr - i - 1) * sizeof(*r));
		c->nr--;
	}
	return i;
}

/* The fills (a scenario's memset steps) of @c, to put back after a punch. */
static struct kcontents kc_fills(const struct kcontents *c)
{
	struct kcontents f = { 0 };
	int i;

	for (i = 0; i < c->nr; i++)
		if (c->v[i].state == CONTENT_FILLED)
			kc_insert(&f, f.nr, c->v[i]);
	return f;
}

/* Put back the parts of @fills inside [base, end), and free them. */
static void kc_refill(struct kcontents *c, struct kcontents *fills, uint64_t base, uint64_t end)
{
	int i;

	for (i = 0; i < fills->nr; i++) {
		struct mb_content f = fills->v[i];
		uint64_t fend = f.base + f.size;

		if (fend <= base || f.base >= end)
			continue;
		f.base = f.base > base ? f.base : base;
		f.size = (fend < end ? fend : end) - f.base;
		kc_insert(c, kc_punch(c, f.base, f.base + f.size), f);
	}
	kcontents_free(fills);
}

/* CONTENT_UNTOUCHED keeps what a memset step put there. */
void kcontents_set(struct kcontents *c, uint64_t base, uint64_t size, enum content_state st)
{
	struct kcontents fills = st == CONTENT_UNTOUCHED ? kc_fills(c) : (struct kcontents){ 0 };

	kc_insert(c, kc_punch(c, base, base + size), (struct mb_content){ base, size, st, 0 });
	kc_refill(c, &fills, base, base + size);
}

void kcontents_fill(struct kcontents *c, uint64_t base, uint64_t size, unsigned char byte)
{
	if (size)
		kc_insert(c, kc_punch(c, base, base + size),
			  (struct mb_content){ base, size, CONTENT_FILLED, byte });
}

/*
 * Keep only what is still reserved: the rest was freed, one way or another.
 * One merge of the two sorted lists, linear in both: each range keeps its
 * parts inside reserved regions, joined where regions touch, so that it is
 * cut only at the holes between them.  Fills (memset steps) stay whole:
 * freeing memory does not change what it holds.
 */
void kcontents_keep_only(struct kcontents *c, const struct mb_type *reserved)
{
	int i = 0, n = 0, last = -1, alloc = c->nr + (int)reserved->cnt;
	struct mb_content *out;
	unsigned long j = 0;

	if (!c->nr)
		return;
	out = xrealloc(NULL, alloc * sizeof(*out));
	while (i < c->nr) {
		const struct mb_region *r;
		uint64_t cend = c->v[i].base + c->v[i].size, rend, lo, hi;

		if (c->v[i].state == CONTENT_FILLED) {
			out[n++] = c->v[i++];
			continue;
		}
		if (j >= reserved->cnt) {
			i++;
			continue;
		}
		r = &reserved->regions[j];
		rend = r->base + r->size;
		lo = c->v[i].base > r->base ? c->v[i].base : r->base;
		hi = cend < rend ? cend : rend;
		if (r->size && lo < hi) {
			if (last == i && out[n - 1].base + out[n - 1].size == lo) {
				out[n - 1].size += hi - lo;
			} else {
				out[n] = c->v[i];
				out[n].base = lo;
				out[n++].size = hi - lo;
			}
			last = i;
		}
		if (!r->size || rend < cend)
			j++;
		else
			i++;
	}
	free(c->v);
	c->v = out;
	c->nr = n;
	c->alloc = alloc;
}

void kcontents_copy(struct kcontents *dst, const struct kcontents *src)
{
	dst->nr = src->nr;
	if (dst->alloc < src->nr) {
		dst->alloc = src->nr;
		dst->v = xrealloc(dst->v, dst->alloc * sizeof(*dst->v));
	}
	if (src->nr)
		memcpy(dst->v, src->v, src->nr * sizeof(*src->v));
}

void kcontents_free(struct kcontents *c)
{
	free(c->v);
	memset(c, 0, sizeof(*c));
}
