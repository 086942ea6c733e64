/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The simulated machine: every build-time knob of the kernel that changes
 * memblock's behaviour, chosen per scenario at run time.
 */
#ifndef MBVIZ_MACHINE_H
#define MBVIZ_MACHINE_H

#include <stdbool.h>
#include <stdint.h>

#define MACHINE_MAX_ZONES	6
#define MACHINE_MAX_NUMNODES	1024

/*
 * The kernel whose semantics a scenario is written for (machine "kernel"):
 * a semantics profile.  Operations list the versions that have them as a
 * mask of KV_* bits (ops.def), bit 1u << version.
 */
enum kernel_version {
	KERNEL_6_1,			/* Linux 6.1.y, the default */
	KERNEL_6_12,			/* Linux 6.12.y */
	NR_KERNEL_VERSIONS
};

#define KERNEL_VERSION_BIT(v)	(1u << (v))

/* "6.1", "6.12" */
const char *kernel_version_name(enum kernel_version v);
/* The version called @name ("6.1", "6.12"), or -1. */
int kernel_version_lookup(const char *name);
/* The version a Linux release ("6.12.118") has the semantics of, or -1. */
int kernel_version_of_release(const char *release);

enum free_late_mode {
	FREE_LATE_SKIP_DEFERRED,	/* 6.1.y: memblock_free_pages(), drops deferred pages */
	FREE_LATE_RELEASE_ALWAYS,	/* 115d9d77bb: __free_pages_core() */
	NR_FREE_LATE_MODES
};

/* machine.free_late's spellings, indexed by enum free_late_mode. */
extern const char *const free_late_mode_names[NR_FREE_LATE_MODES];
/* The mode called @name ("skip-deferred", "release-always"), or -1. */
int free_late_mode_lookup(const char *name);

struct zone_def {
	char		name[16];
	uint64_t	end;		/* exclusive physical end; last zone: 0 = none */
};

struct machine {
	enum kernel_version kernel;		/* whose semantics: "kernel" */
	bool		numa;			/* CONFIG_NUMA */
	int		max_numnodes;		/* MAX_NUMNODES */
	int		phys_addr_bits;		/* 32 or 64 */
	uint64_t	page_size;
	uint64_t	smp_cache_bytes;
	unsigned long	memory_regions;		/* INIT_MEMBLOCK_MEMORY_REGIONS */
	unsigned long	reserved_regions;	/* INIT_MEMBLOCK_RESERVED_REGIONS */
	uint64_t	low_address_limit;	/* ARCH_LOW_ADDRESS_LIMIT */
	struct zone_def	zones[MACHINE_MAX_ZONES];
	int		nr_zones;
	uint64_t	section_size;
	bool		deferred_struct_page_init;
	bool		flatmem;		/* CONFIG_FLATMEM (ARCH_PFN_OFFSET 0), not SPARSEMEM */
	enum free_late_mode free_late;
	bool		movable_node;
	bool		mirrored_kernelcore;
	bool		bottom_up;
	uint64_t	current_limit;
	bool		allow_resize;
};

/* Fill @m with the defaults of the scenario format (x86_64-like, no NUMA). */
void machine_init_default(struct machine *m);

/* All ones in the machine's phys_addr_t. */
static inline uint64_t machine_phys_max(const struct machine *m)
{
	return m->phys_addr_bits == 64 ? UINT64_MAX : ((uint64_t)1 << m->phys_addr_bits) - 1;
}

#endif
