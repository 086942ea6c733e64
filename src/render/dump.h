/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The visible state as text, in the formats a kernel developer knows:
 * memblock_dump_all()'s "MEMBLOCK configuration:" log lines, the
 * /sys/kernel/debug/memblock files, /proc/zoneinfo's zone sizes, and a
 * JSON document that is itself a valid scenario `expect` object.
 */
#ifndef MBVIZ_DUMP_H
#define MBVIZ_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "core/machine.h"
#include "core/state.h"

enum dump_format {
	DUMP_MEMBLOCK,		/* "dump": memblock_dump_all() */
	DUMP_DEBUGFS,		/* "debugfs": memory and reserved files */
	DUMP_JSON,		/* "json" */
};

/* "dump", "debugfs" or "json"; -1 for anything else. */
int dump_format_lookup(const char *name);

void dump_state(FILE *f, enum dump_format fmt, const struct machine *m,
		const struct mb_state *st);
void dump_memblock(FILE *f, const struct machine *m, const struct mb_state *st);
void dump_debugfs(FILE *f, const struct machine *m, const struct mb_state *st);
void dump_json(FILE *f, const struct machine *m, const struct mb_state *st);
/* The zone lines of /proc/zoneinfo that the model knows (sizes, start_pfn). */
void dump_zoneinfo(FILE *f, const struct machine *m, const struct mb_state *st);

#endif
