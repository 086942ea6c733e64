/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The interface between mbviz and a kernel engine: a shared object built
 * from a kernel tree's mm/memblock.c plus engine/kshim.c.  The object
 * exports one symbol, kshim_module; everything the kernel code needs from
 * its surroundings (simulated physical memory, printk, the page allocator)
 * it gets from mbviz through struct kshim_host.
 *
 * This header is compiled on both sides: in mbviz against the C library,
 * and in the engine against stubs/kernel.  It uses only fixed-width types.
 */
#ifndef MBVIZ_KSHIM_H
#define MBVIZ_KSHIM_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

/* Bump when anything below changes: mbviz refuses objects of another ABI. */
#define KSHIM_ABI_VERSION	2

#define KSHIM_MAX_ARGS		6

/* A kernel release as one number, as the engine's config.version holds it. */
#ifndef KSHIM_VERSION
#define KSHIM_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + (c))
#endif
#define KSHIM_MAX_ZONES		6

/* What a message is; mbviz maps these to its steplog kinds. */
enum kshim_level {
	KSHIM_DEBUG,		/* memblock_dbg() */
	KSHIM_INFO,
	KSHIM_WARN,		/* pr_warn */
	KSHIM_ERR,		/* pr_err */
	KSHIM_CONT,		/* pr_cont */
};

/* The kernel's three region arrays. */
enum kshim_type { KSHIM_MEMORY, KSHIM_RESERVED, KSHIM_PHYSMEM, KSHIM_NR_TYPES };

/* The compile-time configuration the object was built with. */
struct kshim_config {
	int		numa;			/* CONFIG_NUMA */
	int		max_numnodes;		/* MAX_NUMNODES */
	int		phys_addr_bits;		/* 32 or 64 */
	unsigned long	memory_regions;		/* INIT_MEMBLOCK_MEMORY_REGIONS */
	unsigned long	reserved_regions;	/* INIT_MEMBLOCK_RESERVED_REGIONS */
	const char	*release;		/* "6.1.192", from the tree's Makefile */
	unsigned int	version;		/* KSHIM_VERSION(6, 1, 192): (a << 16) + (b << 8) + c */
};

/* Settings that are plain variables of the running kernel. */
struct kshim_runtime {
	uint64_t	page_size;		/* PAGE_SIZE (a power of two) */
	uint64_t	smp_cache_bytes;	/* SMP_CACHE_BYTES */
	uint64_t	low_address_limit;	/* ARCH_LOW_ADDRESS_LIMIT */
	int		movable_node;		/* movable_node_is_enabled() */
	int		mirrored_kernelcore;
};

struct kshim_region {
	uint64_t	base;
	uint64_t	size;
	unsigned int	flags;
	int		nid;			/* memblock_get_region_node() */
};

struct kshim_type_view {
	unsigned long	cnt;
	unsigned long	max;
	uint64_t	total_size;
	void		*array;			/* the regions array as the kernel sees it */
	size_t		array_bytes;		/* max * sizeof(struct memblock_region) */
};

/* What mbviz provides; every hook gets ctx first. */
struct kshim_host {
	void		*ctx;
	/* __va(): host address of simulated physical @pa. */
	void		*(*va)(void *ctx, uint64_t pa);
	/* __pa(): 0 and *pa on success, -1 if @va is not simulated memory. */
	int		(*pa)(void *ctx, const void *va, uint64_t *pa);
	/* memset() as called by the kernel code, on any memory. */
	void		(*fill)(void *ctx, void *p, int c, size_t n);
	void		(*vprintk)(void *ctx, enum kshim_level level, const char *fmt, va_list ap);
	/* A WARN*() that fired in @func; @fmt is NULL for those without a message. */
	void		(*warn)(void *ctx, const char *file, int line, const char *func,
				const char *fmt, va_list ap);
	void		(*stack)(void *ctx, const char *func);	/* dump_stack() */
	/* BUG(): report it and abandon the call; never returns. */
	void		(*bug)(void *ctx, const char *file, int line, const char *func);
	/* panic(): @msg is formatted, its trailing newline dropped; never returns. */
	void		(*panic)(void *ctx, const char *msg);

	/* The page allocator, as mm/memblock.c calls it. */
	void		(*free_pages)(void *ctx, unsigned long pfn, unsigned int order);
	void		(*free_pages_core)(void *ctx, unsigned long pfn, unsigned int order);
	/* reserve_bootmem_region(); @nid is 6.12's argument, -1 from trees without it. */
	void		(*reserve_region)(void *ctx, uint64_t start, uint64_t end, int nid);
	void		(*totalram_add)(void *ctx, long count);
	void		(*set_managed)(void *ctx, int nid, int zone, long value);
	/* Online nodes in order: first is next_online(ctx, -1); -1 ends. */
	int		(*next_online_node)(void *ctx, int nid);
};

/* The result of one call. */
enum kshim_status {
	KSHIM_OK,
	KSHIM_NO_OP,		/* this object has no such op */
};

/*
 * Arguments of exec() are integers, except text (ops.def's STRING: 6.12's
 * reserve_mem and reserve_mem_find_by_name), which is passed as the host
 * address of a NUL-terminated string: an engine runs in mbviz's process.
 */
struct kshim_module {
	int			abi;
	struct kshim_config	config;
	int			nr_ops;
	const char *const	*op_names;	/* the kernel function names, mbviz's op names */
	/* Once, before anything else; memblock=debug is turned on here. */
	int			(*init)(const struct kshim_host *host);
	/* After every reset of the writable data: the machine's settings. */
	void			(*setup)(const struct kshim_runtime *rt);
	enum kshim_status	(*exec)(int op, const uint64_t *args, uint64_t *ret);
	void			(*get_type)(enum kshim_type type, struct kshim_type_view *v);
	void			(*get_region)(enum kshim_type type, unsigned long idx,
					      struct kshim_region *r);
	void			(*get_settings)(int *bottom_up, uint64_t *current_limit);
	/* The page frame limits the page allocator set up (memblock.c owns them). */
	void			(*set_pfn_limits)(unsigned long max_low_pfn, unsigned long max_pfn);
};

#endif
