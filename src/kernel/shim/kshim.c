// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The other half of a kernel engine: linked with a kernel tree's
 * mm/memblock.c into a shared object that mbviz loads.  It provides the
 * symbols memblock.c needs from the rest of the kernel by forwarding them
 * to mbviz (struct kshim_host), and it runs mbviz's operations by calling
 * the kernel's own functions, including the inline wrappers of
 * <linux/memblock.h>, so that what runs is the tree's code.
 *
 * Only kshim_module is exported; every other symbol is hidden so that the
 * kernel's memblock never binds to mbviz's model of the same names, and
 * two engines loaded side by side keep their own globals.
 */
#include <stdarg.h>
#include <stdio.h>

#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/init.h>
#include <linux/mm.h>
#include <linux/memblock.h>

#include <mbviz/kparse.h>

#include "internal.h"
#include "kshim.h"

#ifndef KSHIM_RELEASE
#define KSHIM_RELEASE	"unknown"
#endif
#ifndef KSHIM_LINUX_VERSION
#define KSHIM_LINUX_VERSION	0
#endif

/* The machine's settings (linux/mm.h, linux/cache.h, asm/dma.h, ...). */
unsigned int kshim_page_shift = 12;
unsigned long kshim_smp_cache_bytes = 64;
phys_addr_t kshim_arch_low_address_limit = 0xffffffffUL;
bool movable_node_enabled;
bool mirrored_kernelcore;

static const struct kshim_host *host;
static pg_data_t node_data[MAX_NUMNODES];

/* ---- messages ---------------------------------------------------------- */

/*
 * memblock_dbg() is a pr_info() under memblock_debug, which the engine
 * always sets; mbviz keeps those lines apart from other messages.  They
 * are recognised by their formats (mm/memblock.c's memblock_dbg calls).
 */
static bool is_debug_line(const char *fmt)
{
	return !strncmp(fmt, "%s: [%pa-%pa]", 13) ||
	       !strncmp(fmt, "%s: %llu bytes align=", 21) ||
	       !strncmp(fmt, "memblock: %s is doubled", 23);
}

void kshim_printk(int level, const char *fmt, ...)
{
	va_list ap;

	if (level == KSHIM_PR_INFO && is_debug_line(fmt))
		level = KSHIM_PR_DEBUG;
	va_start(ap, fmt);
	host->vprintk(host->ctx, (enum kshim_level)level, fmt, ap);
	va_end(ap);
}

void kshim_warn(const char *file, int line, const char *func, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	host->warn(host->ctx, file, line, func, fmt, ap);
	va_end(ap);
}

void kshim_dump_stack(const char *func)
{
	host->stack(host->ctx, func);
}

/* mbviz leaves the call from its hook; it never comes back here. */
void kshim_bug(const char *file, int line, const char *func)
{
	host->bug(host->ctx, file, line, func);
	__builtin_trap();
}

/*
 * panic(): mbviz gets the formatted message as the kernel shows it, that
 * is without the one newline that may end it (kernel/panic.c).
 */
void panic(const char *fmt, ...)
{
	char msg[256], *last_nl;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	last_nl = strrchr(msg, '\n');
	if (last_nl && last_nl[1] == '\0')
		*last_nl = '\0';
	host->panic(host->ctx, msg);
	__builtin_trap();
}

/* ---- what lib/ gives memblock.c ----------------------------------------- */

/* The kernel's white space and memparse(), shared with the model (<mbviz/kparse.h>). */
int kshim_isspace(int c)
{
	return kparse_isspace(c);
}

unsigned long long memparse(const char *ptr, char **retptr)
{
	const char *end;
	unsigned long long v = kparse_memparse(ptr, &end);

	if (retptr)
		*retptr = (char *)end;
	return v;
}

long kshim_strscpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);

	if (!size)
		return -E2BIG;
	if (n >= size) {
		memcpy(dst, src, size - 1);
		dst[size - 1] = '\0';
		return -E2BIG;
	}
	memcpy(dst, src, n + 1);
	return (long)n;
}

/* ---- memory ------------------------------------------------------------ */

void *kshim_memset(void *p, int c, size_t n)
{
	host->fill(host->ctx, p, c, n);
	return p;
}

void *kshim_va(phys_addr_t pa)
{
	return host->va(host->ctx, pa);
}

phys_addr_t kshim_pa(const volatile void *va)
{
	uint64_t pa;

	if (host->pa(host->ctx, (const void *)va, &pa))
		BUG();
	return (phys_addr_t)pa;
}

bool slab_is_available(void)
{
	return false;
}

/* memblock only calls these when slab is up, which it never is here. */
void *kmalloc(size_t size, gfp_t flags)
{
	(void)size;
	(void)flags;
	BUG();
}

void *kzalloc_node(size_t size, gfp_t flags, int node)
{
	(void)node;
	return kmalloc(size, flags);
}

void kfree(const void *p)
{
	if (p)
		BUG();
}

/* ---- the page allocator ------------------------------------------------ */

/* struct page is never looked into: a page pointer just encodes its pfn. */
struct page *kshim_pfn_to_page(unsigned long pfn)
{
	return (struct page *)(uintptr_t)((pfn + 1) * sizeof(struct page));
}

static unsigned long page_to_pfn(const struct page *page)
{
	return (unsigned long)((uintptr_t)page / sizeof(struct page)) - 1;
}

void memblock_free_pages(struct page *page, unsigned long pfn, unsigned int order)
{
	(void)page;
	host->free_pages(host->ctx, pfn, order);
}

void __free_pages_core(struct page *page, unsigned int order)
{
	host->free_pages_core(host->ctx, page_to_pfn(page), order);
}

void kshim_reserve_bootmem_region(phys_addr_t start, phys_addr_t end, int nid)
{
	host->reserve_region(host->ctx, start, end, nid);
}

/* mm/mm_init.c 6.12:620-632: the pfn's memory region's node, else the first online. */
int early_pfn_to_nid(unsigned long pfn)
{
#ifdef CONFIG_NUMA
	unsigned long start, end;
	int nid = memblock_search_pfn_nid(pfn, &start, &end);

	return nid < 0 ? host->next_online_node(host->ctx, -1) : nid;
#else
	(void)pfn;
	return 0;
#endif
}

void totalram_pages_inc(void)
{
	host->totalram_add(host->ctx, 1);
}

void totalram_pages_add(long count)
{
	host->totalram_add(host->ctx, count);
}

/* The only atomics memblock sets are zones' managed page counts. */
void atomic_long_set(atomic_long_t *v, long i)
{
	int nid, z;

	v->counter = i;
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		struct zone *zones = node_data[nid].node_zones;

		if ((void *)v < (void *)zones || (void *)v >= (void *)(zones + MAX_NR_ZONES))
			continue;
		z = (struct zone *)((char *)v - offsetof(struct zone, managed_pages)) - zones;
		host->set_managed(host->ctx, nid, z, i);
		return;
	}
}

struct pglist_data *kshim_node_data(int nid)
{
	return nid >= 0 && nid < MAX_NUMNODES ? &node_data[nid] : NULL;
}

struct pglist_data *first_online_pgdat(void)
{
	return kshim_node_data(host->next_online_node(host->ctx, -1));
}

struct pglist_data *next_online_pgdat(struct pglist_data *pgdat)
{
	return kshim_node_data(host->next_online_node(host->ctx, pgdat->node_id));
}

/* ---- the operations ---------------------------------------------------- */

/*
 * The operations are those of mbviz's ops.def (installed beside this
 * file; tools/mbviz-build-engine puts it on the include path as
 * <mbviz/ops.def>): object op i is ops.def's line i, named for mbviz by
 * op_names, which leaves out the ops that this tree's kernel does not
 * have (ops.def's version mask) or that are not memblock.c's to run.
 */
#include <mbviz/ops.def>

enum kshim_op {
#define OP(ID, name, ret, versions, fuzz, args)	K_##ID,
#include <mbviz/ops.def>
#undef OP
	K_NR_OPS
};

/* The kernel version bit (ops.def's KV_*) of this tree. */
#if KSHIM_LINUX_VERSION >= 0x060c00
#define KSHIM_KV	KV_6_12
#else
#define KSHIM_KV	KV_6_1
#endif

/* The virtual-address API, seen through the scenario's identity map. */
static uint64_t virt_result(void *p)
{
	return p ? (uint64_t)__pa(p) : 0;
}

static void *virt_arg(uint64_t phys)
{
	return phys ? __va(phys) : NULL;
}

static struct memblock_type *type_arg(uint64_t v)
{
	return v ? &memblock.reserved : &memblock.memory;
}


/*
 * One operation: kshim_op_<name>() calls exactly the kernel function the
 * op names, with @a its arguments in ops.def's order.  The inline
 * wrappers are expanded here, so their _RET_IP_ points into a kshim_
 * function, which mbviz prints as the scenario step that made the call.
 */
#define KOP(name)	static noinline uint64_t kshim_op_##name(const uint64_t *a)
#define P(i)		((phys_addr_t)a[i])
#define NID(i)		((int)a[i])
#define INT(expr)	((uint64_t)(int64_t)(expr))

KOP(memblock_add) { return INT(memblock_add(P(0), P(1))); }
KOP(memblock_add_node) { return INT(memblock_add_node(P(0), P(1), NID(2), a[3])); }
KOP(memblock_remove) { return INT(memblock_remove(P(0), P(1))); }
KOP(memblock_reserve) { return INT(memblock_reserve(P(0), P(1))); }
KOP(memblock_phys_free) { return INT(memblock_phys_free(P(0), P(1))); }
KOP(memblock_free) { memblock_free(virt_arg(P(0)), (size_t)P(1)); return 0; }
KOP(memblock_physmem_add) { return INT(memblock_physmem_add(P(0), P(1))); }
KOP(memblock_mark_hotplug) { return INT(memblock_mark_hotplug(P(0), P(1))); }
KOP(memblock_clear_hotplug) { return INT(memblock_clear_hotplug(P(0), P(1))); }
KOP(memblock_mark_mirror) { return INT(memblock_mark_mirror(P(0), P(1))); }
KOP(memblock_mark_nomap) { return INT(memblock_mark_nomap(P(0), P(1))); }
KOP(memblock_clear_nomap) { return INT(memblock_clear_nomap(P(0), P(1))); }
KOP(memblock_set_node)
{
	return INT(memblock_set_node(P(0), P(1), type_arg(a[2]), NID(3)));
}
#if KSHIM_KV & KV_6_12
KOP(memblock_reserved_mark_noinit) { return INT(memblock_reserved_mark_noinit(P(0), P(1))); }
#else
#define kshim_op_memblock_reserved_mark_noinit	NULL
#endif
KOP(memblock_trim_memory) { memblock_trim_memory(P(0)); return 0; }
KOP(memblock_enforce_memory_limit) { memblock_enforce_memory_limit(P(0)); return 0; }
KOP(memblock_cap_memory_range) { memblock_cap_memory_range(P(0), P(1)); return 0; }
KOP(memblock_mem_limit_remove_map) { memblock_mem_limit_remove_map(P(0)); return 0; }
KOP(memblock_set_bottom_up) { memblock_set_bottom_up(a[0] != 0); return 0; }
KOP(memblock_set_current_limit) { memblock_set_current_limit(P(0)); return 0; }
KOP(memblock_allow_resize) { memblock_allow_resize(); return 0; }
KOP(memblock_phys_alloc_range) { return memblock_phys_alloc_range(P(0), P(1), P(2), P(3)); }
KOP(memblock_phys_alloc_try_nid) { return memblock_phys_alloc_try_nid(P(0), P(1), NID(2)); }
KOP(memblock_phys_alloc) { return memblock_phys_alloc(P(0), P(1)); }
KOP(memblock_alloc) { return virt_result(memblock_alloc(P(0), P(1))); }
KOP(memblock_alloc_raw) { return virt_result(memblock_alloc_raw(P(0), P(1))); }
KOP(memblock_alloc_from) { return virt_result(memblock_alloc_from(P(0), P(1), P(2))); }
KOP(memblock_alloc_low) { return virt_result(memblock_alloc_low(P(0), P(1))); }
KOP(memblock_alloc_node) { return virt_result(memblock_alloc_node(P(0), P(1), NID(2))); }
KOP(memblock_alloc_try_nid)
{
	return virt_result(memblock_alloc_try_nid(P(0), P(1), P(2), P(3), NID(4)));
}
KOP(memblock_alloc_try_nid_raw)
{
	return virt_result(memblock_alloc_try_nid_raw(P(0), P(1), P(2), P(3), NID(4)));
}
KOP(memblock_alloc_exact_nid_raw)
{
	return virt_result(memblock_alloc_exact_nid_raw(P(0), P(1), P(2), P(3), NID(4)));
}
KOP(memblock_alloc_range_nid)
{
	return memblock_alloc_range_nid(P(0), P(1), P(2), P(3), NID(4), a[5] != 0);
}
KOP(memblock_is_memory) { return memblock_is_memory(P(0)); }
KOP(memblock_is_reserved) { return memblock_is_reserved(P(0)); }
KOP(memblock_is_map_memory) { return memblock_is_map_memory(P(0)); }
KOP(memblock_is_region_memory) { return memblock_is_region_memory(P(0), P(1)); }
KOP(memblock_is_region_reserved) { return memblock_is_region_reserved(P(0), P(1)); }
KOP(memblock_phys_mem_size) { return memblock_phys_mem_size(); }
KOP(memblock_reserved_size) { return memblock_reserved_size(); }
KOP(memblock_start_of_DRAM) { return memblock_start_of_DRAM(); }
KOP(memblock_end_of_DRAM) { return memblock_end_of_DRAM(); }
KOP(memblock_bottom_up) { return memblock_bottom_up(); }
KOP(memblock_overlaps_region)
{
	return memblock_overlaps_region(type_arg(a[0]), P(1), P(2));
}
#if KSHIM_KV & KV_6_12
KOP(memblock_estimated_nr_free_pages) { return memblock_estimated_nr_free_pages(); }
KOP(memblock_validate_numa_coverage) { return memblock_validate_numa_coverage(P(0)); }
static int setup_param_call(const char *name, const char *arg);
/* The __setup handler, on the scenario's text (kshim.h: args[0] is its address). */
KOP(reserve_mem) { return INT(setup_param_call("reserve_mem=", (const char *)(uintptr_t)a[0])); }
KOP(reserve_mem_find_by_name)
{
	phys_addr_t start, size;

	return reserve_mem_find_by_name((const char *)(uintptr_t)a[0], &start, &size) ? start : 0;
}
#else
#define kshim_op_memblock_estimated_nr_free_pages	NULL
#define kshim_op_memblock_validate_numa_coverage	NULL
#define kshim_op_reserve_mem				NULL
#define kshim_op_reserve_mem_find_by_name		NULL
#endif
KOP(memblock_free_all) { memblock_free_all(); return 0; }
KOP(memblock_free_late) { memblock_free_late(P(0), P(1)); return 0; }
KOP(memblock_discard) { memblock_discard(); return 0; }
/*
 * Not memblock.c's: the kernel engine runs deferred init itself
 * (kernel_pagealloc.c) and records a scenario's memset (kernel_engine.c).
 */
#define kshim_op_page_alloc_init_late	NULL
#define kshim_op_memset			NULL

static uint64_t (*const op_funcs[K_NR_OPS])(const uint64_t *a) = {
#define OP(ID, name, ret, versions, fuzz, args)	\
	[K_##ID] = ((versions) & KSHIM_KV) ? kshim_op_##name : NULL,
#include <mbviz/ops.def>
#undef OP
};

/* The names of the ops this tree has (page_alloc_init_late: see above). */
static const char *const op_names[K_NR_OPS] = {
#define OP(ID, name, ret, versions, fuzz, args)	\
	[K_##ID] = ((versions) & KSHIM_KV) ? #name : NULL,
#include <mbviz/ops.def>
#undef OP
};

static enum kshim_status kshim_exec(int op, const uint64_t *args, uint64_t *ret)
{
	if (op < 0 || op >= K_NR_OPS || !op_funcs[op])
		return KSHIM_NO_OP;
	*ret = op_funcs[op](args);
	return KSHIM_OK;
}

/* ---- set-up and state -------------------------------------------------- */

extern const struct kshim_param __start_kshim_param[], __stop_kshim_param[];

/* Pass "NAME=ARG" to the early_param handler for NAME. */
static void early_param_set(const char *name, const char *arg)
{
	const struct kshim_param *p;
	char buf[64];

	for (p = __start_kshim_param; p < __stop_kshim_param; p++) {
		if (!p->early || strcmp(p->name, name))
			continue;
		snprintf(buf, sizeof(buf), "%s", arg);
		p->fn(buf);
	}
}

#if KSHIM_KV & KV_6_12
/*
 * Run the __setup handler registered as @name ("reserve_mem=") on a
 * writable copy of @arg, as parse_args() hands it the text after '=';
 * its return value is the op's.
 */
static int setup_param_call(const char *name, const char *arg)
{
	const struct kshim_param *p;
	char buf[256];

	for (p = __start_kshim_param; p < __stop_kshim_param; p++) {
		if (p->early || strcmp(p->name, name))
			continue;
		snprintf(buf, sizeof(buf), "%s", arg);
		return p->fn(buf);
	}
	return -ENOENT;
}
#endif

static int kshim_init(const struct kshim_host *h)
{
	int nid, z;

	host = h;
	for (nid = 0; nid < MAX_NUMNODES; nid++) {
		node_data[nid].node_id = nid;
		for (z = 0; z < MAX_NR_ZONES; z++)
			node_data[nid].node_zones[z].zone_pgdat = &node_data[nid];
	}
	/* mbviz keeps every memblock=debug line and shows them on request. */
	early_param_set("memblock", "debug");
	return 0;
}

static void kshim_setup(const struct kshim_runtime *rt)
{
	kshim_page_shift = (unsigned int)__builtin_ctzll(rt->page_size);
	kshim_smp_cache_bytes = rt->smp_cache_bytes;
	kshim_arch_low_address_limit = (phys_addr_t)rt->low_address_limit;
	movable_node_enabled = rt->movable_node;
	mirrored_kernelcore = rt->mirrored_kernelcore;
}

#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
extern struct memblock_type physmem;	/* defined by memblock.c, declared nowhere */
#endif

static struct memblock_type *type_of(enum kshim_type type)
{
	if (type == KSHIM_MEMORY)
		return &memblock.memory;
	if (type == KSHIM_RESERVED)
		return &memblock.reserved;
#ifdef CONFIG_HAVE_MEMBLOCK_PHYS_MAP
	if (type == KSHIM_PHYSMEM)
		return &physmem;
#endif
	return NULL;
}

static void kshim_get_type(enum kshim_type type, struct kshim_type_view *v)
{
	struct memblock_type *t = type_of(type);

	memset(v, 0, sizeof(*v));
	if (!t)
		return;
	v->cnt = t->cnt;
	v->max = t->max;
	v->total_size = t->total_size;
	v->array = t->regions;
	v->array_bytes = t->max * sizeof(*t->regions);
}

static void kshim_get_region(enum kshim_type type, unsigned long idx, struct kshim_region *r)
{
	struct memblock_type *t = type_of(type);
	const struct memblock_region *rgn = &t->regions[idx];

	r->base = rgn->base;
	r->size = rgn->size;
	r->flags = rgn->flags;
	r->nid = memblock_get_region_node(rgn);
}

static void kshim_get_settings(int *bottom_up, uint64_t *current_limit)
{
	*bottom_up = memblock_bottom_up();
	*current_limit = memblock_get_current_limit();
}

static void kshim_set_pfn_limits(unsigned long low, unsigned long high)
{
	max_low_pfn = low;
	max_pfn = high;
}

__attribute__((visibility("default")))
const struct kshim_module kshim_module = {
	.abi = KSHIM_ABI_VERSION,
	.config = {
		.numa = IS_ENABLED(CONFIG_NUMA),
		.max_numnodes = MAX_NUMNODES,
		.phys_addr_bits = sizeof(phys_addr_t) * 8,
		.memory_regions = INIT_MEMBLOCK_MEMORY_REGIONS,
		.reserved_regions = INIT_MEMBLOCK_RESERVED_REGIONS,
		.release = KSHIM_RELEASE,
		.version = KSHIM_LINUX_VERSION,
	},
	.nr_ops = K_NR_OPS,
	.op_names = op_names,
	.init = kshim_init,
	.setup = kshim_setup,
	.exec = kshim_exec,
	.get_type = kshim_get_type,
	.get_region = kshim_get_region,
	.get_settings = kshim_get_settings,
	.set_pfn_limits = kshim_set_pfn_limits,
};
