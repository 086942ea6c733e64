// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * State output formats.  The kernel formats are printed through the
 * kernel's own printf rules (kernel_vsnprintf): %pa pads to the width of
 * phys_addr_t, so a 32-bit machine shows 8 hex digits, and '#' prints 0x0
 * for zero, both unlike glibc.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "dump.h"
#include "core/ops.h"
#include "core/kprintf.h"
#include "util/xalloc.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static int phys_bytes(const struct machine *m)
{
	return m->phys_addr_bits == 32 ? 4 : 8;
}

static __attribute__((format(printf, 3, 4)))
void kprint(FILE *f, const struct machine *m, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	kernel_vsnprintf(buf, sizeof(buf), phys_bytes(m), fmt, ap);
	va_end(ap);
	fputs(buf, f);
}

int dump_format_lookup(const char *name)
{
	if (!strcmp(name, "dump"))
		return DUMP_MEMBLOCK;
	if (!strcmp(name, "debugfs"))
		return DUMP_DEBUGFS;
	if (!strcmp(name, "json"))
		return DUMP_JSON;
	return -1;
}

void dump_state(FILE *f, enum dump_format fmt, const struct machine *m,
		const struct mb_state *st)
{
	switch (fmt) {
	case DUMP_DEBUGFS:
		dump_debugfs(f, m, st);
		break;
	case DUMP_JSON:
		dump_json(f, m, st);
		break;
	case DUMP_MEMBLOCK:
	default:
		dump_memblock(f, m, st);
		break;
	}
}

/* The last byte of a region, wrapped to phys_addr_t as the kernel's base + size - 1. */
static uint64_t region_end(const struct machine *m, const struct mb_region *r)
{
	return (r->base + r->size - 1) & machine_phys_max(m);
}

/*
 * numa_valid_node() of 6.12 (include/linux/numa.h 6.12:18-21); 6.1's dump
 * only left out MAX_NUMNODES, "no node yet".
 */
static bool names_a_node(const struct machine *m, int nid)
{
	if (m->kernel == KERNEL_6_12)
		return nid >= 0 && nid < m->max_numnodes;
	return nid != m->max_numnodes;
}

/*
 * One memblock_dump() of mm/memblock.c (6.1:1890-1914, 6.12:1985-2009):
 * an empty 6.12 type has cnt 0 and prints no region line.
 */
static void dump_type(FILE *f, const struct machine *m, const struct mb_type *t, const char *name)
{
	unsigned long i;

	kprint(f, m, " %s.cnt  = 0x%lx\n", name, t->cnt);
	for (i = 0; i < t->cnt; i++) {
		const struct mb_region *r = &t->regions[i];
		uint64_t end = region_end(m, r);
		char nid[32] = "";

		/* Only a NUMA kernel names the node, and not for "no node yet". */
		if (m->numa && names_a_node(m, r->nid))
			snprintf(nid, sizeof(nid), " on node %d", r->nid);
		kprint(f, m, " %s[%#x]\t[%pa-%pa], %pa bytes%s flags: %#x\n", name,
		       (unsigned int)i, &r->base, &end, &r->size, nid, r->flags);
	}
}

void dump_memblock(FILE *f, const struct machine *m, const struct mb_state *st)
{
	kprint(f, m, "MEMBLOCK configuration:\n");
	kprint(f, m, " memory size = %pa reserved size = %pa\n", &st->memory.total_size,
	       &st->reserved.total_size);
	dump_type(f, m, &st->memory, "memory");
	dump_type(f, m, &st->reserved, "reserved");
}

/* 6.12's names of the flag bits in debugfs (mm/memblock.c 6.12:2391-2397). */
static const char *const debugfs_flag_names[] = {
	"HOTPLUG", "MIRROR", "NOMAP", "DRV_MNG", "RSV_NIT",
};

/* 6.12's nid column and flag names (6.12:2412-2433): "   0 NONE", "   x NOMAP|DRV_MNG". */
static void debugfs_v612_columns(FILE *f, const struct machine *m, const struct mb_region *r)
{
	unsigned int flags = r->flags, j;
	int nid = m->numa ? r->nid : 0;
	bool first = true;

	if (nid >= 0 && nid < m->max_numnodes)
		fprintf(f, " %4d ", nid);
	else
		fprintf(f, " %4c ", 'x');
	if (!flags) {
		fputs("NONE\n", f);
		return;
	}
	for (j = 0; flags; j++, flags >>= 1) {
		if (!(flags & 1))
			continue;
		fprintf(f, "%s%s", first ? "" : "|",
			j < ARRAY_SIZE(debugfs_flag_names) ? debugfs_flag_names[j] : "UNKNOWN");
		first = false;
	}
	fputc('\n', f);
}

/*
 * One /sys/kernel/debug/memblock file: 6.1 prints the index and the range
 * only (6.1:2141-2157); 6.12 adds the node and the flags (6.12:2399-2436).
 */
static void debugfs_file(FILE *f, const struct machine *m, const struct mb_type *t,
			 const char *name)
{
	unsigned long i;

	fprintf(f, "%s:\n", name);
	for (i = 0; i < t->cnt; i++) {
		uint64_t end = region_end(m, &t->regions[i]);

		kprint(f, m, "%4d: %pa..%pa", (int)i, &t->regions[i].base, &end);
		if (m->kernel == KERNEL_6_12)
			debugfs_v612_columns(f, m, &t->regions[i]);
		else
			fputc('\n', f);
	}
}

void dump_debugfs(FILE *f, const struct machine *m, const struct mb_state *st)
{
	debugfs_file(f, m, &st->memory, "memory");
	debugfs_file(f, m, &st->reserved, "reserved");
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* A flags value as the scenario format writes it: one name, or an array of names. */
static void json_flags(FILE *f, unsigned int flags)
{
	char name[64];
	unsigned int bit;
	int n = 0;

	if (!(flags & (flags - 1))) {
		json_string(f, flags_name(flags, name, sizeof(name)));
		return;
	}
	fputc('[', f);
	for (bit = 1; bit <= MBF_ALL; bit <<= 1) {
		if (!(flags & bit))
			continue;
		fputs(n++ ? ", " : "", f);
		json_string(f, flags_name(bit, name, sizeof(name)));
	}
	fputc(']', f);
}

static void json_type(FILE *f, const struct machine *m, const struct mb_type *t, const char *name)
{
	bool empty = mb_type_is_empty(t);
	unsigned long i;

	fprintf(f, "  \"%s\": {\n", name);
	fprintf(f, "    \"cnt\": %lu,\n", t->cnt);
	fprintf(f, "    \"max\": %lu,\n", t->max);
	fprintf(f, "    \"total_size\": \"0x%" PRIx64 "\",\n", t->total_size);
	/* An empty type is written the short way the format allows. */
	fprintf(f, "    \"regions\": [%s", empty ? "]\n" : "\n");
	for (i = 0; !empty && i < t->cnt; i++) {
		const struct mb_region *r = &t->regions[i];

		fprintf(f, "      { \"base\": \"0x%" PRIx64 "\", \"size\": \"0x%" PRIx64 "\"",
			r->base, r->size);
		/* "No node yet" is written by name, as a scenario would write it. */
		if (r->nid == m->max_numnodes)
			fputs(", \"nid\": \"MAX_NUMNODES\"", f);
		else
			fprintf(f, ", \"nid\": %d", r->nid);
		fputs(", \"flags\": ", f);
		json_flags(f, r->flags);
		fprintf(f, " }%s\n", i + 1 < t->cnt ? "," : "");
	}
	if (!empty)
		fputs("    ]\n", f);
	fputs("  },\n", f);
}

static int zone_cmp(const void *a, const void *b)
{
	const struct mb_zone *x = a, *y = b;

	if (x->nid != y->nid)
		return x->nid < y->nid ? -1 : 1;
	return x->zone < y->zone ? -1 : x->zone > y->zone;
}

/* The zones in /proc/zoneinfo order (node, then zone); the caller frees. */
static struct mb_zone *sorted_zones(const struct mb_state *st)
{
	struct mb_zone *z;

	if (!st->nr_zones)
		return NULL;
	z = xrealloc(NULL, st->nr_zones * sizeof(*z));
	memcpy(z, st->zones, st->nr_zones * sizeof(*z));
	qsort(z, st->nr_zones, sizeof(*z), zone_cmp);
	return z;
}

static void json_zones(FILE *f, const struct machine *m, const struct mb_state *st)
{
	struct mb_zone *z = sorted_zones(st);
	int i;

	fputs(",\n  \"zones\": [\n", f);
	for (i = 0; i < st->nr_zones; i++) {
		fprintf(f, "    { \"nid\": %d, \"zone\": ", z[i].nid);
		json_string(f, mb_zone_name(m, &z[i]));
		fprintf(f, ", \"spanned\": %" PRIu64 ", \"present\": %" PRIu64
			", \"managed\": %" PRIu64 ", \"unavailable\": %" PRIu64 " }%s\n",
			z[i].spanned, z[i].present, z[i].managed, z[i].unavailable,
			i + 1 < st->nr_zones ? "," : "");
	}
	fputs("  ],\n", f);
	fprintf(f, "  \"totalram_pages\": %" PRIu64 ",\n", st->totalram_pages);
	fprintf(f, "  \"lost_pages\": %" PRIu64, st->lost_pages);
	free(z);
}

/*
 * Every key is an `expect` key with the value the expectation would hold,
 * so the output (or any part of it) can be pasted into a scenario.  The
 * page-allocator keys appear once memblock_free_all has run.
 */
void dump_json(FILE *f, const struct machine *m, const struct mb_state *st)
{
	int i;

	fputs("{\n", f);
	json_type(f, m, &st->memory, "memory");
	json_type(f, m, &st->reserved, "reserved");
	fprintf(f, "  \"bottom_up\": %s,\n", st->bottom_up ? "true" : "false");
	if (st->current_limit == machine_phys_max(m))
		fputs("  \"current_limit\": \"MEMBLOCK_ALLOC_ANYWHERE\",\n", f);
	else
		fprintf(f, "  \"current_limit\": \"0x%" PRIx64 "\",\n", st->current_limit);
	fprintf(f, "  \"contents\": [%s", st->nr_contents ? "\n" : "]");
	for (i = 0; i < st->nr_contents; i++) {
		const struct mb_content *c = &st->contents[i];

		fprintf(f, "    { \"base\": \"0x%" PRIx64 "\", \"size\": \"0x%" PRIx64
			"\", \"state\": \"%s\"", c->base, c->size,
			c->state == CONTENT_ZEROED ? "zeroed" :
			c->state == CONTENT_FILLED ? "filled" : "untouched");
		if (c->state == CONTENT_FILLED)
			fprintf(f, ", \"byte\": %d", c->byte);
		fprintf(f, " }%s\n", i + 1 < st->nr_contents ? "," : "");
	}
	if (st->nr_contents)
		fputs("  ]", f);
	if (st->freed_all)
		json_zones(f, m, st);
	fputs("\n}\n", f);
}

void dump_zoneinfo(FILE *f, const struct machine *m, const struct mb_state *st)
{
	struct mb_zone *z = sorted_zones(st);
	int i;

	for (i = 0; i < st->nr_zones; i++) {
		kprint(f, m, "Node %d, zone %8s\n", z[i].nid, mb_zone_name(m, &z[i]));
		kprint(f, m, "        spanned  %lu\n", (unsigned long)z[i].spanned);
		kprint(f, m, "        present  %lu\n", (unsigned long)z[i].present);
		kprint(f, m, "        managed  %lu\n", (unsigned long)z[i].managed);
		/* The kernel stops after the sizes for a zone without present pages. */
		if (z[i].present)
			kprint(f, m, "  start_pfn:           %lu\n",
			       (unsigned long)z[i].start_pfn);
	}
	free(z);
}
