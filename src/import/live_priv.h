/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the two halves of `mbviz import --live` share: live_read.c reads
 * the system's files (or a recorded copy under --root) into struct
 * live_data; import_live.c turns that into a scenario.
 */
#ifndef MBVIZ_LIVE_PRIV_H
#define MBVIZ_LIVE_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <cjson/cJSON.h>

/* Every source, with its path under / (or under --root DIR). */
#define LIVE_SOURCES(X)							\
	X(KMSG,		"dev/kmsg")					\
	X(DMESG,	"dmesg.txt")					\
	X(IOMEM,	"proc/iomem")					\
	X(MEMMAP,	"sys/firmware/memmap")				\
	X(NODES,	"sys/devices/system/node")			\
	X(ZONEINFO,	"proc/zoneinfo")				\
	X(DBG_MEMORY,	"sys/kernel/debug/memblock/memory")		\
	X(DBG_RESERVED,	"sys/kernel/debug/memblock/reserved")		\
	X(PAGESIZE,	"pagesize")

enum live_src {
#define LIVE_ENUM(id, path) LIVE_##id,
	LIVE_SOURCES(LIVE_ENUM)
#undef LIVE_ENUM
	NR_LIVE_SRC
};

enum live_status {
	LIVE_NOT_TRIED,		/* not needed: an earlier source served */
	LIVE_READ,
	LIVE_MISSING,		/* no such file: this system does not offer it */
	LIVE_UNREADABLE,	/* there, but we may not read it (not root) */
	LIVE_UNUSABLE,		/* read, but of no use: see why */
};

struct live_source {
	char		*path;		/* as shown to people */
	enum live_status status;
	char		why[160];	/* UNREADABLE, UNUSABLE */
	char		took[200];	/* what the scenario took from it, for the description */
};

struct live_range {
	uint64_t	base, end;	/* end inclusive, as the files print it */
	int		nid;		/* -1: not given */
	bool		nid_none;	/* debugfs "x" */
	unsigned int	flags;
};

struct live_ranges {
	struct live_range *r;
	int		nr, alloc;
};

struct live_zone {
	int		nid;
	char		name[16];
	uint64_t	start_pfn, spanned, present, managed;
};

#define LIVE_MAX_NODES	1024

struct live_data {
	const char	*root;		/* NULL: the running system */
	struct live_source src[NR_LIVE_SRC];
	char		*log;		/* the kernel log as dmesg prints it, NUL-terminated */
	size_t		log_len;
	long long	kmsg_first_seq;	/* > 0: the log's start has left the ring buffer */
	struct live_ranges iomem_ram, memmap_ram, dbg_memory, dbg_reserved;
	bool		dbg_has_nid;	/* 6.12's debugfs format, with a node column */
	struct live_zone *zones;
	int		nr_zones;
	int		nr_nodes, max_node;	/* from sysfs: online nodes */
	bool		node_online[LIVE_MAX_NODES];
	uint64_t	node_memtotal_kb[LIVE_MAX_NODES];
	uint64_t	page_size;
	bool		page_size_known;
};

/* live_read.c: every source read, its status recorded. */
void live_read_all(struct live_data *d);
void live_data_free(struct live_data *d);
const char *live_src_path(enum live_src s);

/* import_live.c: what is known while the scenario is built. */
struct live_build {
	struct live_data *d;
	cJSON		*machine, *steps, *expect, *unchecked;
	cJSON		*mine;		/* the steps to go before memblock_free_all */
	char		version[160];
	bool		log_map, log_allocs, log_numa;
	bool		mem_has_nid;	/* the memory steps give every region its node */
	int		max_nid;
	bool		numa;
	char		desc[4096];
	char		remark[256];	/* a choice made on the way, for the description */
};

__attribute__((format(printf, 2, 3)))
void live_took(struct live_source *s, const char *fmt, ...);
/* One more item of the scenario's "unchecked" list. */
__attribute__((format(printf, 2, 3)))
void live_unchecked(struct live_build *b, const char *fmt, ...);
__attribute__((format(printf, 2, 3)))
void live_desc_add(struct live_build *b, const char *fmt, ...);
void live_put_hex(cJSON *o, const char *key, uint64_t v);
/* A node's span in pages, from its non-empty zones in /proc/zoneinfo; false if none. */
bool live_node_span(const struct live_data *d, int nid, uint64_t *start, uint64_t *end);

/* live_doc.c: the zones, the description (and stderr's list), the text. */
void live_zones(struct live_build *b);
void live_profile(struct live_build *b);
const char *live_status_word(enum live_status st);
void live_describe(struct live_build *b, FILE *diag);
struct live_opts;
char *live_document(struct live_build *b, const struct live_opts *o);

#endif
