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

/* panic() formats its message and drops one trailing newline (kernel/panic.c). */
void panic(const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg);
	if (n && msg[n - 1] == '\n')
		msg[n - 1] = '\0';
	host->panic(host->ctx, msg);
	__builtin_trap();
}

/* ---- what lib/ gives memblock.c ----------------------------------------- */

/* lib/ctype.c: \t \n \v \f \r, space and the non-breaking space 0xa0. */
int kshim_isspace(int c)
{
	unsigned char u = (unsigned char)c;

	return (u >= 9 && u <= 13) || u == ' ' || u == 0xa0;
}

static unsigned int digit_value(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10u : 99u;
}

/*
 * simple_strtoull(s, &end, 0) (lib/vsprintf.c, lib/kstrtox.c): "0x" and a
 * hex digit mean hexadecimal, another leading 0 octal, else decimal; no
 * sign; digits past the base end it; an overflow wraps.
 */
static unsigned long long strtoull_base0(const char *s, const char **end)
{
	unsigned long long v = 0;
	unsigned int base = 10, d;

	if (s[0] == '0') {
		base = (s[1] | 0x20) == 'x' && digit_value(s[2]) < 16 ? 16 : 8;
		if (base == 16)
			s += 2;
	}
	while ((d = digit_value(*s)) < base) {
		v = v * base + d;
		s++;
	}
	*end = s;
	return v;
}

/* lib/cmdline.c: one optional suffix, each letter a further factor of 1024. */
unsigned long long memparse(const char *ptr, char **retptr)
{
	static const char suffixes[] = "kmgtpe";
	const char *end, *at;
	unsigned long long v = strtoull_base0(ptr, &end);

	at = *end ? strchr(suffixes, *end | 0x20) : NULL;
	if (at && ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z'))) {
		v <<= 10 * (at - suffixes + 1);
		end++;
	}
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

enum kshim_op {
	K_ADD, K_ADD_NODE, K_REMOVE, K_RESERVE, K_PHYS_FREE, K_FREE, K_PHYSMEM_ADD,
	K_MARK_HOTPLUG, K_CLEAR_HOTPLUG, K_MARK_MIRROR, K_MARK_NOMAP, K_CLEAR_NOMAP,
	K_SET_NODE, K_TRIM_MEMORY, K_ENFORCE_MEMORY_LIMIT, K_CAP_MEMORY_RANGE,
	K_MEM_LIMIT_REMOVE_MAP, K_SET_BOTTOM_UP, K_SET_CURRENT_LIMIT, K_ALLOW_RESIZE,
	K_PHYS_ALLOC_RANGE, K_PHYS_ALLOC_TRY_NID, K_PHYS_ALLOC, K_ALLOC, K_ALLOC_RAW,
	K_ALLOC_FROM, K_ALLOC_LOW, K_ALLOC_NODE, K_ALLOC_TRY_NID, K_ALLOC_TRY_NID_RAW,
	K_ALLOC_EXACT_NID_RAW, K_ALLOC_RANGE_NID, K_IS_MEMORY, K_IS_RESERVED,
	K_IS_MAP_MEMORY, K_IS_REGION_MEMORY, K_IS_REGION_RESERVED, K_PHYS_MEM_SIZE,
	K_RESERVED_SIZE, K_START_OF_DRAM, K_END_OF_DRAM, K_FREE_ALL, K_FREE_LATE,
	K_DISCARD, K_OVERLAPS_REGION,
#if KSHIM_LINUX_VERSION >= KSHIM_VERSION(6, 12, 0)
	K_RESERVED_MARK_NOINIT, K_ESTIMATED_NR_FREE_PAGES, K_RESERVE_MEM,
	K_RESERVE_MEM_FIND_BY_NAME,
#endif
	K_NR_OPS
};

static const char *const op_names[K_NR_OPS] = {
	[K_ADD] = "memblock_add",
	[K_ADD_NODE] = "memblock_add_node",
	[K_REMOVE] = "memblock_remove",
	[K_RESERVE] = "memblock_reserve",
	[K_PHYS_FREE] = "memblock_phys_free",
	[K_FREE] = "memblock_free",
	[K_PHYSMEM_ADD] = "memblock_physmem_add",
	[K_MARK_HOTPLUG] = "memblock_mark_hotplug",
	[K_CLEAR_HOTPLUG] = "memblock_clear_hotplug",
	[K_MARK_MIRROR] = "memblock_mark_mirror",
	[K_MARK_NOMAP] = "memblock_mark_nomap",
	[K_CLEAR_NOMAP] = "memblock_clear_nomap",
	[K_SET_NODE] = "memblock_set_node",
	[K_TRIM_MEMORY] = "memblock_trim_memory",
	[K_ENFORCE_MEMORY_LIMIT] = "memblock_enforce_memory_limit",
	[K_CAP_MEMORY_RANGE] = "memblock_cap_memory_range",
	[K_MEM_LIMIT_REMOVE_MAP] = "memblock_mem_limit_remove_map",
	[K_SET_BOTTOM_UP] = "memblock_set_bottom_up",
	[K_SET_CURRENT_LIMIT] = "memblock_set_current_limit",
	[K_ALLOW_RESIZE] = "memblock_allow_resize",
	[K_PHYS_ALLOC_RANGE] = "memblock_phys_alloc_range",
	[K_PHYS_ALLOC_TRY_NID] = "memblock_phys_alloc_try_nid",
	[K_PHYS_ALLOC] = "memblock_phys_alloc",
	[K_ALLOC] = "memblock_alloc",
	[K_ALLOC_RAW] = "memblock_alloc_raw",
	[K_ALLOC_FROM] = "memblock_alloc_from",
	[K_ALLOC_LOW] = "memblock_alloc_low",
	[K_ALLOC_NODE] = "memblock_alloc_node",
	[K_ALLOC_TRY_NID] = "memblock_alloc_try_nid",
	[K_ALLOC_TRY_NID_RAW] = "memblock_alloc_try_nid_raw",
	[K_ALLOC_EXACT_NID_RAW] = "memblock_alloc_exact_nid_raw",
	[K_ALLOC_RANGE_NID] = "memblock_alloc_range_nid",
	[K_IS_MEMORY] = "memblock_is_memory",
	[K_IS_RESERVED] = "memblock_is_reserved",
	[K_IS_MAP_MEMORY] = "memblock_is_map_memory",
	[K_IS_REGION_MEMORY] = "memblock_is_region_memory",
	[K_IS_REGION_RESERVED] = "memblock_is_region_reserved",
	[K_PHYS_MEM_SIZE] = "memblock_phys_mem_size",
	[K_RESERVED_SIZE] = "memblock_reserved_size",
	[K_START_OF_DRAM] = "memblock_start_of_DRAM",
	[K_END_OF_DRAM] = "memblock_end_of_DRAM",
	[K_FREE_ALL] = "memblock_free_all",
	[K_FREE_LATE] = "memblock_free_late",
	[K_DISCARD] = "memblock_discard",
	[K_OVERLAPS_REGION] = "memblock_overlaps_region",
#if KSHIM_LINUX_VERSION >= KSHIM_VERSION(6, 12, 0)
	[K_RESERVED_MARK_NOINIT] = "memblock_reserved_mark_noinit",
	[K_ESTIMATED_NR_FREE_PAGES] = "memblock_estimated_nr_free_pages",
	[K_RESERVE_MEM] = "reserve_mem",
	[K_RESERVE_MEM_FIND_BY_NAME] = "reserve_mem_find_by_name",
#endif
};

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

#if KSHIM_LINUX_VERSION >= KSHIM_VERSION(6, 12, 0)
static int setup_param_call(const char *name, const char *arg);

/* reserve_mem_find_by_name(name, &start, &size), the outputs widened for mbviz. */
static uint64_t find_by_name(const uint64_t *a)
{
	phys_addr_t start, size;
	int found = reserve_mem_find_by_name((const char *)(uintptr_t)a[0], &start, &size);

	if (found) {
		*(uint64_t *)(uintptr_t)a[1] = start;
		*(uint64_t *)(uintptr_t)a[2] = size;
	}
	return (uint64_t)(int64_t)found;
}
#endif

/*
 * Each case calls exactly the kernel function the op names.  The inline
 * wrappers are expanded here, so their _RET_IP_ points into this function,
 * which mbviz prints as the scenario step that made the call.
 */
static noinline uint64_t kshim_dispatch(int op, const uint64_t *a)
{
	const phys_addr_t p0 = a[0], p1 = a[1], p2 = a[2], p3 = a[3];

	switch (op) {
	case K_ADD: return (int64_t)memblock_add(p0, p1);
	case K_ADD_NODE: return (int64_t)memblock_add_node(p0, p1, (int)a[2], a[3]);
	case K_REMOVE: return (int64_t)memblock_remove(p0, p1);
	case K_RESERVE: return (int64_t)memblock_reserve(p0, p1);
	case K_PHYS_FREE: return (int64_t)memblock_phys_free(p0, p1);
	case K_FREE: memblock_free(virt_arg(p0), (size_t)p1); return 0;
	case K_PHYSMEM_ADD: return (int64_t)memblock_physmem_add(p0, p1);
	case K_MARK_HOTPLUG: return (int64_t)memblock_mark_hotplug(p0, p1);
	case K_CLEAR_HOTPLUG: return (int64_t)memblock_clear_hotplug(p0, p1);
	case K_MARK_MIRROR: return (int64_t)memblock_mark_mirror(p0, p1);
	case K_MARK_NOMAP: return (int64_t)memblock_mark_nomap(p0, p1);
	case K_CLEAR_NOMAP: return (int64_t)memblock_clear_nomap(p0, p1);
	case K_SET_NODE: return (int64_t)memblock_set_node(p0, p1, type_arg(a[2]), (int)a[3]);
	case K_TRIM_MEMORY: memblock_trim_memory(p0); return 0;
	case K_ENFORCE_MEMORY_LIMIT: memblock_enforce_memory_limit(p0); return 0;
	case K_CAP_MEMORY_RANGE: memblock_cap_memory_range(p0, p1); return 0;
	case K_MEM_LIMIT_REMOVE_MAP: memblock_mem_limit_remove_map(p0); return 0;
	case K_SET_BOTTOM_UP: memblock_set_bottom_up(a[0] != 0); return 0;
	case K_SET_CURRENT_LIMIT: memblock_set_current_limit(p0); return 0;
	case K_ALLOW_RESIZE: memblock_allow_resize(); return 0;
	case K_PHYS_ALLOC_RANGE: return memblock_phys_alloc_range(p0, p1, p2, p3);
	case K_PHYS_ALLOC_TRY_NID: return memblock_phys_alloc_try_nid(p0, p1, (int)a[2]);
	case K_PHYS_ALLOC: return memblock_phys_alloc(p0, p1);
	case K_ALLOC: return virt_result(memblock_alloc(p0, p1));
	case K_ALLOC_RAW: return virt_result(memblock_alloc_raw(p0, p1));
	case K_ALLOC_FROM: return virt_result(memblock_alloc_from(p0, p1, p2));
	case K_ALLOC_LOW: return virt_result(memblock_alloc_low(p0, p1));
	case K_ALLOC_NODE: return virt_result(memblock_alloc_node(p0, p1, (int)a[2]));
	case K_ALLOC_TRY_NID:
		return virt_result(memblock_alloc_try_nid(p0, p1, p2, p3, (int)a[4]));
	case K_ALLOC_TRY_NID_RAW:
		return virt_result(memblock_alloc_try_nid_raw(p0, p1, p2, p3, (int)a[4]));
	case K_ALLOC_EXACT_NID_RAW:
		return virt_result(memblock_alloc_exact_nid_raw(p0, p1, p2, p3, (int)a[4]));
	case K_ALLOC_RANGE_NID:
		return memblock_alloc_range_nid(p0, p1, p2, p3, (int)a[4], a[5] != 0);
	case K_IS_MEMORY: return memblock_is_memory(p0);
	case K_IS_RESERVED: return memblock_is_reserved(p0);
	case K_IS_MAP_MEMORY: return memblock_is_map_memory(p0);
	case K_IS_REGION_MEMORY: return memblock_is_region_memory(p0, p1);
	case K_IS_REGION_RESERVED: return memblock_is_region_reserved(p0, p1);
	case K_PHYS_MEM_SIZE: return memblock_phys_mem_size();
	case K_RESERVED_SIZE: return memblock_reserved_size();
	case K_START_OF_DRAM: return memblock_start_of_DRAM();
	case K_END_OF_DRAM: return memblock_end_of_DRAM();
	case K_FREE_ALL: memblock_free_all(); return 0;
	case K_FREE_LATE: memblock_free_late(p0, p1); return 0;
	case K_DISCARD: memblock_discard(); return 0;
	case K_OVERLAPS_REGION: return memblock_overlaps_region(type_arg(a[0]), p1, p2);
#if KSHIM_LINUX_VERSION >= KSHIM_VERSION(6, 12, 0)
	case K_RESERVED_MARK_NOINIT: return (int64_t)memblock_reserved_mark_noinit(p0, p1);
	case K_ESTIMATED_NR_FREE_PAGES: return memblock_estimated_nr_free_pages();
	case K_RESERVE_MEM:
		return (int64_t)setup_param_call("reserve_mem=", (const char *)(uintptr_t)a[0]);
	case K_RESERVE_MEM_FIND_BY_NAME: return find_by_name(a);
#endif
	}
	return 0;
}

static enum kshim_status kshim_exec(int op, const uint64_t *args, uint64_t *ret)
{
	if (op < 0 || op >= K_NR_OPS)
		return KSHIM_NO_OP;
	*ret = kshim_dispatch(op, args);
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

#if KSHIM_LINUX_VERSION >= KSHIM_VERSION(6, 12, 0)
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
