/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mbviz import: boot logs (memblock=debug dmesg, memblock_dump_all, the
 * x86 e820 table, SRAT/NUMA node lines, debugfs dumps) read back into a
 * scenario.  import_parse_line() classifies one line of text; the
 * importer (src/import_build.c) turns a whole log into a scenario.
 */
#ifndef MBVIZ_IMPORT_H
#define MBVIZ_IMPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

/* Longest line read; anything longer is cut there and reported. */
#define IMPORT_LINE_MAX		4096

enum imp_kind {
	IMP_IGNORE,		/* a line memblock has nothing to do with */
	IMP_UNUSABLE,		/* ours, but cannot be read: see why */
	IMP_RANGE_OP,		/* memblock_add: [base-end] caller, and the like */
	IMP_REQUEST,		/* memblock_alloc_try_nid: N bytes align= ... */
	IMP_DOUBLED,		/* memblock: reserved is doubled to N at [...] */
	IMP_DUMP_HEADER,	/* MEMBLOCK configuration: */
	IMP_DUMP_SIZES,		/*  memory size = X reserved size = Y */
	IMP_DUMP_CNT,		/*  memory.cnt  = 0x5 */
	IMP_DUMP_REGION,	/*  memory[0x0]	[base-end], size bytes on node N flags: 0x0 */
	IMP_DEBUGFS_HEADER,	/* memory: / .../memblock/reserved */
	IMP_DEBUGFS_REGION,	/*    0: 0x...1000..0x...9efff    0 NONE */
	IMP_E820,		/* BIOS-e820: [mem A-B] usable */
	IMP_E820_UPDATE,	/* e820: update [mem A-B] usable ==> reserved */
	IMP_E820_REMOVE,	/* e820: remove [mem A-B] usable (or no type) */
	IMP_AFTER_MEMBLOCK_SETUP,	/* a line x86 prints after e820__memblock_setup() */
	IMP_NUMA_NODE,		/* SRAT: Node N PXM P [mem A-B], NUMA: Node N ... -> [mem E-F] */
	IMP_NODE_RANGE,		/*   node   0: [mem A-B] (Early memory node ranges) */
	IMP_VERSION,		/* Linux version ... */
	IMP_MEM_INIT,		/* Memory: NK/MK available: memblock_free_all has run (cnt N, size M) */
	IMP_SLAB_UP,		/* SLUB: HWalign=...: kmem_cache_init, right after mem_init's memblock_free_all */
	IMP_COMMENT,		/* "# steps[3] ..." of mbviz run --trace */
	IMP_ARCH,		/* a line only one architecture prints: text names it */
	IMP_EFI_MD,		/* efi:   0x...-0x... [Conventional|...|WB|WT|WC|UC] (efi=debug) */
	IMP_FW_RESERVED,	/* OF: reserved mem: A..B, Reserved memory: created ..., cma: Reserved */
	IMP_PAGE_HINT,		/* a line that shows PAGE_SIZE: size holds it */
	IMP_ARCH_MEMORY,	/*  memory: SIZE @ START (usable): MIPS's "Determined physical RAM map" */
	IMP_MODEL,		/* Machine model: X, DMI: X: text names the machine */
	IMP_ZONE_RANGE,		/*   DMA      [mem A-B] (Zone ranges; usable: not "empty") */
	IMP_MOVABLE_START,	/*   Node N: 0x... (Movable zone start for each node) */
	IMP_INITMEM,		/* Initmem setup node N [mem A-B] (usable), or as memoryless */
	IMP_ZONE_PAGES,		/*   DMA zone: N pages, LIFO batch:B (cnt: present pages) */
	IMP_ZONEINFO_ZONE,	/* Node N, zone      DMA (a /proc/zoneinfo extract) */
	IMP_ZONEINFO_COUNT,	/*         spanned  4095 (name: the field, cnt: its value) */
	IMP_UNAVAIL,		/* On node N, zone Z: K pages in unavailable ranges (name: Z, cnt: K) */
	IMP_UNAVAIL_OLD,	/* Zeroed struct page in unavailable ranges: K pages, DMA zone: K pages in ... */
};

enum imp_type { IMP_MEMORY, IMP_RESERVED, IMP_PHYSMEM };
/* NUMA_NODE's type: from firmware, the one node of no NUMA config, numa=fake's */
enum imp_numa_source { IMP_NUMA_FIRMWARE, IMP_NUMA_DUMMY, IMP_NUMA_EMULATED };

struct imp_line {
	enum imp_kind	kind;
	const char	*op;		/* the scenario op (RANGE_OP, REQUEST) */
	char		name[48];	/* the function name as logged */
	uint64_t	base, end;	/* end inclusive, as printed */
	uint64_t	size, align, from, max_addr;
	uint64_t	cnt;		/* DUMP_CNT, DOUBLED (new size) */
	int		index;		/* DUMP_REGION, DEBUGFS_REGION */
	int		nid;		/* -1: NUMA_NO_NODE; valid when has_nid */
	bool		has_nid;
	bool		nid_none;	/* printed as "x": MAX_NUMNODES */
	unsigned int	flags;
	bool		has_flags;
	bool		usable;		/* E820: memory memblock gets */
	bool		hotplug;	/* SRAT */
	int		type;		/* enum imp_type */
	int		addr_digits;	/* hex digits of the first %pa, 0 if none */
	char		caller[128];	/* %pS, empty when not printed */
	char		text[160];	/* VERSION: the release; E820*: the (old) type */
	char		to[24];		/* E820_UPDATE: the new type */
	const char	*why;		/* UNUSABLE */
	bool		incomplete;	/* UNUSABLE: could be the first half of a wrapped line */
	bool		not_in_memory;	/* RANGE_OP: "reserved range [...] is not in memory" */
};

/* import_fwmap.c: the firmware's memory maps and the machine's hints; IMP_IGNORE if none. */
enum imp_kind imp_parse_fwmap(const char *line, struct imp_line *out);

/* Skip "> " quoting, "<6>" levels, "[    0.000000] " times, syslog's "kernel: ". */
const char *import_strip_prefix(const char *line);
/* Classify @line (already stripped or not); fills @out, returns out->kind. */
enum imp_kind import_parse_line(const char *line, struct imp_line *out);

struct import_opts {
	const char	*input_name;	/* for messages and the description */
	const char	*name;		/* the scenario's name; NULL: "imported" */
	bool		strict;
	bool		guess_direction;	/* replay both ways to pick bottom_up */
	int		boot;		/* 1..: which boot of several; 0: the last complete one */
};

/*
 * Read a whole log from @in and return the scenario as JSON text (malloc'd,
 * NUL-terminated), or NULL.  Unusable lines are reported on @diag as
 * "NAME:LINE: ..."; *nr_unusable counts them.  On a fatal error returns
 * NULL with one line in @err.
 */
char *import_log(FILE *in, const struct import_opts *o, FILE *diag, int *nr_unusable,
		 char *err, int errlen);

/* import_replay.c: the scenario @text replayed on the model, told against the log. */
struct import_replay {
	int	allocs, placed;		/* allocations the log placed; where the kernel did */
	bool	have_ranges;		/* the log printed "Early memory node ranges" */
	bool	ranges_equal;		/* memblock.memory ended as they say */
	int	ranges_seen;
	int	failures;		/* every expectation that failed */
};

/*
 * Replay @text; each difference goes to @report as "LOG:LINE: replay
 * differs: ...".  0, or -1 with @err when the scenario cannot run.
 */
int import_replay(const char *text, const char *log, FILE *report, struct import_replay *st,
		  char *err, int errlen);

#endif
