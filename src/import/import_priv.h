/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the parts of the boot-log importer share (import_read.c reads and
 * classifies the lines, import_build.c turns them into steps and
 * expectations, import_document.c replays, fixes placements and prints
 * the scenario); nobody else needs it.
 */
#ifndef MBVIZ_IMPORT_PRIV_H
#define MBVIZ_IMPORT_PRIV_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "import.h"

#define IMPORT_MAX_INPUT	(64u << 20)	/* bytes of log */
#define IMPORT_MAX_RECS		1000000		/* lines memblock has to do with */

struct rec {
	int		lineno;
	struct imp_line	l;
};

struct dump_region {
	uint64_t	base, size;
	int		nid;
	bool		has_nid, nid_none, has_flags;
	unsigned int	flags;
};

struct dump_type {
	bool		present;
	bool		has_cnt, has_total;
	uint64_t	cnt, total;
	int		nr, alloc;
	struct dump_region *r;
	bool		broken;		/* out of order: regions not checked */
};

struct dump {
	bool		open;
	bool		debugfs;
	int		lineno;
	int		type;		/* the type whose lines come now, -1 none */
	struct dump_type t[3];
};

struct node_blk {
	uint64_t	base, end;
	int		nid;
};

/* What import_fwmap.c learns and keeps between lines. */
struct imp_fw {
	uint64_t	page_size;	/* 0: not known (4K is used) */
	char		page_why[160];
	uint64_t	low_limit;	/* ARCH_LOW_ADDRESS_LIMIT; 0: the default */
	char		low_why[160];
	char		phys_why[64];
	char		model[112];	/* "NAME, line N" of Machine model: or DMI:, or empty */
	bool		bottom_up;	/* the architecture's direction when the log begins */
	bool		final_bottom_up;	/* the direction written, after the placements */
	const char	*dir_why;
	bool		use_efi_map, use_zone_spans, use_arch_map;	/* where memory comes from */
	bool		no_memory;	/* the log shows no memory at all */
	bool		pending;	/* an EFI descriptor's NOMAP mark waits for its add */
	bool		pending_added;
	uint64_t	pend_base, pend_size;
	int		pend_line;
	uint64_t	*done;		/* firmware reservations replayed: base, size pairs */
	int		nr_done;
};

struct importer {
	const struct import_opts *o;
	FILE		*diag;
	int		nr_unusable;
	struct rec	*recs;
	int		nr, alloc;

	/* what the first pass learnt */
	bool		numa, phys32, allow_resize, have_adds, have_ops;
	int		max_nid, max_numnodes;
	uint64_t	regions[2];
	char		version[160];
	const char	*arch;		/* NULL: not known */
	char		arch_why[200];
	unsigned int	smp_cache_bytes;	/* 0: not known */
	const char	*smp_cache_why;
	int		e820_first, e820_last;	/* rec indices of the table used */
	bool		use_e820, use_node_ranges, synth_from_dump;
	struct imp_fw	fw;		/* import_fwmap.c's: firmware maps, page size, limits */

	/* the second pass */
	cJSON		*steps;
	cJSON		*pending;	/* expect object for the state after the last step */
	int		pending_line;
	bool		req_pending;
	struct rec	req;
	bool		after_double;
	bool		freed_all;
	int		adds_run;	/* 0 none yet, 1 in the first run of adds, 2 after */
	struct node_blk	*blks;
	int		nr_blks;
	bool		blks_dirty;
	bool		blks_dummy;	/* blks hold "Faking a node" */
	struct dump	d;
	int		cur_line;	/* the log line the next step comes from */
	int		blks_line, last_add_line;
	bool		x86_low_limit;	/* the 1M limit step was written */
	bool		headerless_noted;
	bool		synthesized;
	bool		early_reserved;	/* imp_early_reservations has run */
	cJSON		*zones;		/* the machine's zones, from "Zone ranges"; NULL: the default */
	uint64_t	section_size;	/* the machine's, when zones expect "unavailable"; 0: default */
	bool		unavail_said;	/* why the unavailable-range lines are not checked: said */
	bool		flatmem;	/* the machine's, when zones expect "unavailable" */
};

/* import_read.c: diagnostics, then the log's lines read and classified into im->recs. */
__attribute__((format(printf, 3, 4)))
void imp_report(struct importer *im, int lineno, const char *fmt, ...);
void imp_unusable(struct importer *im, int lineno, const char *why, const char *text);
int imp_read_lines(struct importer *im, FILE *in, char ***lines_out, char *err, int errlen);
int imp_classify(struct importer *im, char **lines, int nr, char *err, int errlen);

/* import_json.c: values as the scenario format writes them. */
void imp_put_hex(cJSON *o, const char *key, uint64_t v);
void imp_put_nid(cJSON *o, const char *key, int nid);
void imp_put_flags(cJSON *o, unsigned int flags);

/* import_learn.c: the first pass, what the machine is and where memory comes from. */
void imp_learn(struct importer *im);
/* The node of the NUMA block holding @addr; -1 if none. */
int imp_blks_nid(const struct importer *im, uint64_t addr);

/* import_build.c: @ex (an expect object) checked after the last step so far. */
void imp_pending_merge(struct importer *im, cJSON *ex, int lineno);

/* import_expect.c: the kernel's own account of memory, as expectations. */
cJSON *imp_node_ranges_expect(struct importer *im, int first);
void imp_early_regions(struct importer *im, int type, const struct dump_region *r, int nr,
		       int lineno);

/* import_totals.c: the zone and node lines; the zones and their expectations. */
enum imp_kind imp_parse_totals(const char *p, struct imp_line *out);
void imp_totals(struct importer *im);

/* import_e820.c: the e820 table memblock saw, as memblock_add/reserve steps. */
typedef void (*imp_step_fn)(struct importer *im, uint64_t base, uint64_t size, int lineno);
bool imp_have_e820(const struct importer *im);
void imp_e820_steps(struct importer *im, imp_step_fn add, imp_step_fn reserve);

/* import_machine.c: the architecture and what follows from it. */
const char *imp_arch_marker(const char *line);
const char *imp_arch_of_version(const char *line);
void imp_learn_arch(struct importer *im);
uint64_t imp_section_size(const struct importer *im, uint64_t page);
bool imp_flatmem(const struct importer *im);
void imp_summary(struct importer *im);

/* import_fwmap.c: what the firmware lines say of the machine; their steps. */
void imp_fw_learn(struct importer *im);
bool imp_fw_kind(enum imp_kind k);	/* firmware lines: a 32-bit kernel skips wider ones */
bool imp_fw_record(struct importer *im, const struct rec *r);	/* NULL: the log's end */
void imp_fw_initial_memory(struct importer *im);
void imp_fw_summary(struct importer *im);
void imp_fw_machine(const struct importer *im, cJSON *machine);	/* page_size, low_address_limit */
void imp_fw_free(struct importer *im);

/* import_build.c: a step of @op on [base, base + size) from the current log line. */
void imp_range_step(struct importer *im, const char *op, uint64_t base, uint64_t size,
		    const char *note);

/* import_boot.c: keep one boot of several (--boot N, or the last complete one). */
int imp_select_boot(struct importer *im, char *err, int errlen);

/*
 * import_document.c: the steps built, the scenario as text: placements
 * checked by replay (unlogged direction and limit steps added), printed
 * as people write scenarios.  NULL and @err on failure.
 */
char *imp_finish(struct importer *im, char *err, int errlen);

/* Does @s begin with @prefix? */
static inline bool imp_starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

/* @p past blanks (spaces and tabs). */
static inline const char *imp_skip_blanks(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

#endif
