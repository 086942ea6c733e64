// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `mbviz import --live`, second half: what live_read.c read, as a
 * scenario of the current boot.
 *
 *  - The kernel log goes through import_log() as any log would; its steps
 *    (the memory map, NUMA, and with memblock=debug every allocation) are
 *    the scenario's backbone.
 *  - Where the log has no memory map (its start has left the ring buffer)
 *    the memory comes from debugfs memblock/memory, else /proc/iomem's
 *    System RAM, else /sys/firmware/memmap; where it has no allocations,
 *    the reservations come from debugfs memblock/reserved when readable.
 *  - Where several nodes exist but the memory has no node yet, each node's
 *    span in /proc/zoneinfo gives a memblock_set_node.
 *  - /proc/zoneinfo becomes the machine's zones and the expectation on
 *    every node's spanned and present pages after memblock_free_all.
 *    managed pages are never expected (they change after boot); the
 *    scenario's "unchecked" list says so, and what else is missing.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "import.h"
#include "import_live.h"
#include "live_priv.h"
#include "util/xalloc.h"

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
static void took(struct live_source *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->took, sizeof(s->took), fmt, ap);
	va_end(ap);
}

__attribute__((format(printf, 2, 3)))
static void unchecked(struct live_build *b, const char *fmt, ...)
{
	char buf[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	cJSON_AddItemToArray(b->unchecked, cJSON_CreateString(buf));
}

static void desc_add(struct live_build *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void desc_add(struct live_build *b, const char *fmt, ...)
{
	size_t n = strlen(b->desc);
	va_list ap;

	if (n + 1 >= sizeof(b->desc))
		return;
	va_start(ap, fmt);
	vsnprintf(b->desc + n, sizeof(b->desc) - n, fmt, ap);
	va_end(ap);
}

static void put_hex(cJSON *o, const char *key, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	cJSON_AddStringToObject(o, key, buf);
}

/* A step of mine, to go before memblock_free_all: its op now, its arguments next. */
static cJSON *my_step(struct live_build *b, const char *op)
{
	cJSON *s = cJSON_CreateObject();

	cJSON_AddStringToObject(s, "op", op);
	cJSON_AddItemToArray(b->mine, s);
	return s;
}

/* After the arguments: the note (if any) and the file the step comes from. */
static void step_from(cJSON *s, const char *note, enum live_src from)
{
	if (note)
		cJSON_AddStringToObject(s, "note", note);
	cJSON_AddStringToObject(s, "x-live-source", live_src_path(from));
}

static void range_step(struct live_build *b, const char *op, const struct live_range *r,
		       const char *note, enum live_src from)
{
	cJSON *s = my_step(b, op);

	put_hex(s, "base", r->base);
	put_hex(s, "size", r->end - r->base + 1);
	step_from(s, note, from);
}

static int count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* ---- the kernel log, through the importer ---- */

static bool op_is(const cJSON *step, const char *const *ops)
{
	const cJSON *op = cJSON_GetObjectItemCaseSensitive(step, "op");

	for (; op && cJSON_IsString(op) && *ops; ops++)
		if (!strcmp(op->valuestring, *ops))
			return true;
	return false;
}

static const char *const map_ops[] = { "memblock_add", "memblock_add_node", NULL };
static const char *const alloc_ops[] = {
	"memblock_reserve", "memblock_free", "memblock_phys_free", "memblock_phys_alloc_range",
	"memblock_phys_alloc_try_nid", "memblock_phys_alloc", "memblock_alloc",
	"memblock_alloc_raw", "memblock_alloc_from", "memblock_alloc_low", "memblock_alloc_node",
	"memblock_alloc_try_nid", "memblock_alloc_try_nid_raw", "memblock_alloc_exact_nid_raw",
	"memblock_alloc_range_nid", NULL
};

static enum live_src log_src(const struct live_data *d)
{
	return d->src[LIVE_KMSG].status == LIVE_READ || d->src[LIVE_DMESG].status == LIVE_NOT_TRIED ?
	       LIVE_KMSG : LIVE_DMESG;
}

static void import_the_log(struct live_build *b, const struct live_opts *o, FILE *diag)
{
	struct live_data *d = b->d;
	enum live_src s = log_src(d);
	struct import_opts io = { .input_name = d->src[s].path, .name = o->name,
				  .guess_direction = true };
	cJSON *doc, *item;
	char err[512], *text;
	int nr_unusable = 0, nr_map = 0, nr_alloc = 0;
	FILE *in;

	if (!d->log)
		return;
	in = fmemopen(d->log, d->log_len, "r");
	if (!in) {
		d->src[s].status = LIVE_UNUSABLE;
		snprintf(d->src[s].why, sizeof(d->src[s].why), "%s", strerror(errno));
		return;
	}
	text = import_log(in, &io, diag, &nr_unusable, err, sizeof(err));
	fclose(in);
	doc = text ? cJSON_Parse(text) : NULL;
	free(text);
	if (!doc) {
		const char *why = strstr(err, ": ") ? strstr(err, ": ") + 2 : err;

		d->src[s].status = LIVE_UNUSABLE;
		snprintf(d->src[s].why, sizeof(d->src[s].why), "%.150s", text ? "out of memory" : why);
		return;
	}
	item = cJSON_DetachItemFromObjectCaseSensitive(doc, "machine");
	if (item) {
		cJSON_Delete(b->machine);
		b->machine = item;
	}
	item = cJSON_GetObjectItemCaseSensitive(doc, "x-kernel-version");
	if (cJSON_IsString(item))
		snprintf(b->version, sizeof(b->version), "%s", item->valuestring);
	item = cJSON_DetachItemFromObjectCaseSensitive(doc, "expect");
	if (item) {
		cJSON_Delete(b->expect);
		b->expect = item;
	}
	cJSON_Delete(b->steps);
	b->steps = cJSON_DetachItemFromObjectCaseSensitive(doc, "steps");
	cJSON_Delete(doc);
	cJSON_ArrayForEach(item, b->steps) {
		nr_map += op_is(item, map_ops);
		nr_alloc += op_is(item, alloc_ops);
	}
	b->log_map = nr_map > 0;
	b->log_allocs = nr_alloc > 0;
	b->log_numa = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(b->machine, "numa"));
	b->mem_has_nid = b->log_numa;
	took(&d->src[s], "%d lines through mbviz import: %d steps (%d of the memory map, %d memblock=debug allocations and frees)%s",
	     count_lines(d->log),
	     cJSON_GetArraySize(b->steps), nr_map, nr_alloc,
	     nr_unusable ? ", some lines unusable (listed on stderr)" : "");
}

/* ---- nodes ---- */

/* A node's span in pages, from its non-empty zones in /proc/zoneinfo; false if it has none. */
static bool node_span(const struct live_data *d, int nid, uint64_t *start, uint64_t *end)
{
	bool any = false;
	int i;

	for (i = 0; i < d->nr_zones; i++) {
		const struct live_zone *z = &d->zones[i];

		if (z->nid != nid || !z->spanned)
			continue;
		if (!any || z->start_pfn < *start)
			*start = z->start_pfn;
		if (!any || z->start_pfn + z->spanned > *end)
			*end = z->start_pfn + z->spanned;
		any = true;
	}
	return any;
}

static void learn_nodes(struct live_build *b)
{
	const struct live_data *d = b->d;
	const cJSON *mn = cJSON_GetObjectItemCaseSensitive(b->machine, "max_numnodes");
	int i, max = 8;

	b->max_nid = d->nr_nodes ? d->max_node : 0;
	for (i = 0; i < d->nr_zones; i++)
		if (d->zones[i].spanned && d->zones[i].nid > b->max_nid)
			b->max_nid = d->zones[i].nid;
	for (i = 0; i < d->dbg_memory.nr; i++)
		if (d->dbg_memory.r[i].nid > b->max_nid)
			b->max_nid = d->dbg_memory.r[i].nid;
	b->numa = b->log_numa || b->max_nid > 0;
	took(&b->d->src[LIVE_NODES], "the online nodes (%d, listed below with their MemTotal)%s", d->nr_nodes,
	     d->nr_nodes > 1 ? "; more than one makes the machine NUMA" : "");
	if (!b->numa)
		return;
	if (cJSON_IsNumber(mn) && mn->valueint > max)
		max = mn->valueint;
	while (max <= b->max_nid && max < LIVE_MAX_NODES)
		max *= 2;
	cJSON_DeleteItemFromObjectCaseSensitive(b->machine, "numa");
	cJSON_DeleteItemFromObjectCaseSensitive(b->machine, "max_numnodes");
	cJSON_AddBoolToObject(b->machine, "numa", true);
	cJSON_AddNumberToObject(b->machine, "max_numnodes", max);
}

/* ---- memory and reservations from the files ---- */

static void memory_from_debugfs(struct live_build *b)
{
	struct live_data *d = b->d;
	int i;

	for (i = 0; i < d->dbg_memory.nr; i++) {
		const struct live_range *r = &d->dbg_memory.r[i];
		cJSON *s = my_step(b, "memblock_add_node");
		static const char *const flag_names[] = { "HOTPLUG", "MIRROR", "NOMAP", "DRIVER_MANAGED" };
		char flags[64] = "";
		int f;

		put_hex(s, "base", r->base);
		put_hex(s, "size", r->end - r->base + 1);
		if (r->nid >= 0 && b->numa)
			cJSON_AddNumberToObject(s, "nid", r->nid);
		else if (b->numa)
			cJSON_AddStringToObject(s, "nid", "MAX_NUMNODES");
		else
			cJSON_AddNumberToObject(s, "nid", 0);
		for (f = 0; f < 4; f++)
			if (r->flags & (1u << f))
				snprintf(flags + strlen(flags), sizeof(flags) - strlen(flags), "%s%s",
					 flags[0] ? "|" : "", flag_names[f]);
		cJSON_AddStringToObject(s, "flags", flags[0] ? flags : "NONE");
		step_from(s, i ? NULL : "the memory as debugfs memblock/memory shows it, one step a region",
			  LIVE_DBG_MEMORY);
	}
	b->mem_has_nid = d->dbg_has_nid || !b->numa;
	took(&d->src[LIVE_DBG_MEMORY], "the memory: %d regions, with their %sflags", d->dbg_memory.nr,
	     d->dbg_has_nid ? "nodes and " : "");
}

static void memory_from_map(struct live_build *b, enum live_src from, const struct live_ranges *rs,
			    const char *note)
{
	cJSON *s;
	int i;

	for (i = 0; i < rs->nr; i++)
		range_step(b, "memblock_add", &rs->r[i], note, from);
	s = my_step(b, "memblock_trim_memory");
	cJSON_AddStringToObject(s, "align", "PAGE_SIZE");
	step_from(s, "memblock keeps whole pages (e820__memblock_setup trims on x86)", from);
	b->mem_has_nid = !b->numa;
	took(&b->d->src[from], "the memory: its %d System RAM ranges (the log has no memory map)", rs->nr);
}

/* Take [@lo, @hi] (inclusive) out of every range of @rs. */
static void cut(struct live_ranges *rs, uint64_t lo, uint64_t hi)
{
	struct live_ranges out = { 0 };
	int i;

	out.alloc = rs->nr * 2 + 1;
	out.r = xrealloc(NULL, (size_t)out.alloc * sizeof(*out.r));
	for (i = 0; i < rs->nr; i++) {
		struct live_range r = rs->r[i];

		if (r.end < lo || r.base > hi) {
			out.r[out.nr++] = r;
			continue;
		}
		if (r.base < lo) {
			out.r[out.nr] = r;
			out.r[out.nr++].end = lo - 1;
		}
		if (r.end > hi) {
			out.r[out.nr] = r;
			out.r[out.nr++].base = hi + 1;
		}
	}
	free(rs->r);
	*rs = out;
}

/*
 * /sys/firmware/memmap is the firmware's table, which only x86 exports; x86
 * then always makes page 0 reserved and removes the BIOS area 640K-1M
 * from RAM (trim_bios_range(), arch/x86/kernel/setup.c:738,745 in 6.1),
 * before memblock sees the table.
 */
static void trim_bios_range(struct live_ranges *rs)
{
	cut(rs, 0, 0xfff);
	cut(rs, 0xa0000, 0xfffff);
}

/* Keep only the log's memblock_free_all: the "Memory:" line says where the hand-over was. */
static void drop_log_map(struct live_build *b)
{
	static const char *const keep[] = { "memblock_free_all", NULL };
	cJSON *s, *next;

	for (s = b->steps->child; s; s = next) {
		next = s->next;
		if (!op_is(s, keep))
			cJSON_Delete(cJSON_DetachItemViaPointer(b->steps, s));
	}
	b->log_map = false;
}

/* Every map source read but not used says which one was. */
static void map_not_used(struct live_build *b, const char *used)
{
	static const enum live_src maps[] = { LIVE_IOMEM, LIVE_MEMMAP, LIVE_DBG_MEMORY };
	struct live_data *d = b->d;
	size_t i;

	for (i = 0; i < sizeof(maps) / sizeof(maps[0]); i++)
		if (d->src[maps[i]].status == LIVE_READ && !d->src[maps[i]].took[0])
			took(&d->src[maps[i]], "nothing: %s gives the memory map", used);
}

/* The memory map: the log's, else debugfs, /proc/iomem, /sys/firmware/memmap; -1 if none. */
static int memory(struct live_build *b)
{
	struct live_data *d = b->d;

	if (d->dbg_memory.nr && !b->log_allocs) {
		/* memblock's own record of the memory beats a replay of the log's map */
		if (b->log_map)
			snprintf(b->remark, sizeof(b->remark), " The log's memory map is left out: debugfs memblock/memory, memblock's own record of it, has the regions' nodes and flags.");
		drop_log_map(b);
		memory_from_debugfs(b);
		map_not_used(b, "debugfs memblock/memory");
	} else if (b->log_map) {
		map_not_used(b, "the kernel log");
	} else if (d->iomem_ram.nr) {
		memory_from_map(b, LIVE_IOMEM, &d->iomem_ram, "a System RAM range of /proc/iomem");
		map_not_used(b, "/proc/iomem");
	} else if (d->memmap_ram.nr) {
		trim_bios_range(&d->memmap_ram);
		memory_from_map(b, LIVE_MEMMAP, &d->memmap_ram,
				"a System RAM entry of /sys/firmware/memmap, less what x86's trim_bios_range() takes out");
		map_not_used(b, "/sys/firmware/memmap");
	} else {
		return -1;
	}
	return 0;
}

static void reservations(struct live_build *b)
{
	struct live_data *d = b->d;
	int i;

	if (b->log_allocs) {
		if (d->dbg_reserved.nr)
			took(&d->src[LIVE_DBG_RESERVED], "nothing: the log's memblock=debug lines replay the boot");
		return;
	}
	for (i = 0; i < d->dbg_reserved.nr; i++)
		range_step(b, "memblock_reserve", &d->dbg_reserved.r[i],
			   i ? NULL : "the reservations as debugfs memblock/reserved shows them now, one step a region",
			   LIVE_DBG_RESERVED);
	if (d->dbg_reserved.nr) {
		took(&d->src[LIVE_DBG_RESERVED], "the reservations: %d regions, each a memblock_reserve before memblock_free_all",
		     d->dbg_reserved.nr);
		unchecked(b, "the boot's allocations one by one: the log has no memblock=debug lines, so the reservations are debugfs memblock/reserved's regions as they are now");
	} else {
		unchecked(b, "the boot's allocations: the log has no memblock=debug lines and debugfs memblock/reserved %s, so no reservation is replayed and managed pages come out too high",
			  d->src[LIVE_DBG_RESERVED].status == LIVE_UNREADABLE ? "is not readable (it needs root and a mounted debugfs)" :
			  "is not there (debugfs not mounted, or an architecture that does not keep memblock: x86 does not)");
	}
}

static void nodes_of_memory(struct live_build *b)
{
	struct live_data *d = b->d;
	int nid, n = 0;

	if (!b->numa || b->mem_has_nid)
		return;
	for (nid = 0; nid <= b->max_nid; nid++) {
		uint64_t start = 0, end = 0;
		cJSON *s;

		if (!node_span(d, nid, &start, &end))
			continue;
		s = my_step(b, "memblock_set_node");
		put_hex(s, "base", start * d->page_size);
		put_hex(s, "size", (end - start) * d->page_size);
		cJSON_AddStringToObject(s, "type", "memory");
		cJSON_AddNumberToObject(s, "nid", nid);
		step_from(s, "the node's span in /proc/zoneinfo (its first zone's start_pfn to its last zone's end)",
			  LIVE_ZONEINFO);
		n++;
	}
	if (!n)
		unchecked(b, "the memory's nodes: several nodes are online but /proc/zoneinfo gives no spans, so the memory has no node");
}

static void move_all(cJSON *to, cJSON *from)
{
	cJSON *s;

	while ((s = from->child) != NULL)
		cJSON_AddItemToArray(to, cJSON_DetachItemViaPointer(from, s));
}

/* Mine before the first memblock_free_all, which is added if the log has none. */
static void splice_steps(struct live_build *b)
{
	static const char *const free_all[] = { "memblock_free_all", NULL };
	cJSON *steps = cJSON_CreateArray(), *s;
	bool placed = false;

	while ((s = b->steps->child) != NULL) {
		cJSON_DetachItemViaPointer(b->steps, s);
		if (!placed && op_is(s, free_all)) {
			placed = true;
			move_all(steps, b->mine);
		}
		cJSON_AddItemToArray(steps, s);
	}
	if (!placed) {
		move_all(steps, b->mine);
		s = cJSON_CreateObject();
		cJSON_AddStringToObject(s, "op", "memblock_free_all");
		cJSON_AddStringToObject(s, "note", "mem_init: memblock hands its free memory to the buddy allocator (the log does not show it)");
		cJSON_AddItemToArray(steps, s);
	}
	cJSON_Delete(b->steps);
	b->steps = steps;
}

/* ---- zones: the machine's, and the expectation ---- */

struct zone_name {
	char		name[16];
	uint64_t	end_pfn;	/* the furthest any node's part of it reaches */
	bool		nonempty, modelled;
};

#define LIVE_MAX_ZONE_NAMES	8

/* The zone types in /proc/zoneinfo's order; false if there are too many to be zones. */
static int zone_names(const struct live_data *d, struct zone_name *zn)
{
	int i, j, n = 0;

	for (i = 0; i < d->nr_zones; i++) {
		const struct live_zone *z = &d->zones[i];

		for (j = 0; j < n && strcmp(zn[j].name, z->name); j++)
			;
		if (j == n) {
			if (n == LIVE_MAX_ZONE_NAMES)
				return -1;
			memset(&zn[n], 0, sizeof(zn[n]));
			snprintf(zn[n].name, sizeof(zn[n].name), "%s", z->name);
			/* no ZONE_MOVABLE or ZONE_DEVICE in mbviz's page allocator */
			zn[n].modelled = strcmp(z->name, "Movable") && strcmp(z->name, "Device");
			n++;
		}
		if (z->spanned) {
			zn[j].nonempty = true;
			if (z->start_pfn + z->spanned > zn[j].end_pfn)
				zn[j].end_pfn = z->start_pfn + z->spanned;
		}
	}
	return n;
}

static void zone_machine(struct live_build *b, const struct zone_name *zn, int n)
{
	cJSON *zones = cJSON_CreateArray();
	int i, last = -1;

	for (i = 0; i < n; i++)
		if (zn[i].nonempty && zn[i].modelled)
			last = i;
	for (i = 0; i <= last; i++) {
		cJSON *z;

		if (!zn[i].nonempty || !zn[i].modelled)
			continue;
		z = cJSON_CreateObject();
		cJSON_AddStringToObject(z, "name", zn[i].name);
		if (i != last)
			put_hex(z, "end", zn[i].end_pfn * b->d->page_size);
		cJSON_AddItemToArray(zones, z);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(b->machine, "zones");
	cJSON_AddItemToObject(b->machine, "zones", zones);
}

static void zone_expect(struct live_build *b, const struct zone_name *zn, int n)
{
	struct live_data *d = b->d;
	cJSON *ex = cJSON_CreateArray();
	int i, j, nodes = 0, nr = 0;

	for (i = 0; i < d->nr_zones; i++) {
		const struct live_zone *z = &d->zones[i];
		uint64_t s, e;
		cJSON *o;

		for (j = 0; j < n && strcmp(zn[j].name, z->name); j++)
			;
		if (z->spanned && !zn[j].modelled)
			unchecked(b, "node %d's zone %s (%" PRIu64 " pages present): mbviz's page allocator has no such zone",
				  z->nid, z->name, z->present);
		if (!zn[j].nonempty || !zn[j].modelled || !node_span(d, z->nid, &s, &e) ||
		    (!b->numa && z->nid))
			continue;	/* a memoryless node: no zones in the model */
		o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "nid", z->nid);
		cJSON_AddStringToObject(o, "zone", z->name);
		cJSON_AddNumberToObject(o, "spanned", (double)z->spanned);
		cJSON_AddNumberToObject(o, "present", (double)z->present);
		cJSON_AddNumberToObject(o, "x-managed-now", (double)z->managed);
		cJSON_AddItemToArray(ex, o);
		nr++;
	}
	for (i = 0; i <= b->max_nid && i < LIVE_MAX_NODES; i++) {
		uint64_t s, e;

		nodes += node_span(d, i, &s, &e);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(b->expect, "zones");
	cJSON_AddItemToObject(b->expect, "zones", ex);
	took(&d->src[LIVE_ZONEINFO], "the zones (names and ends) and, for %d node%s with memory, each zone's spanned and present pages: %d expectations",
	     nodes, nodes == 1 ? "" : "s", nr);
	unchecked(b, "managed pages: /proc/zoneinfo counts them now, after the boot freed its init memory and initrd, and after whatever CMA, ballooning or hotplug did since; each zone's count is kept as x-managed-now");
}

static void zones(struct live_build *b)
{
	struct zone_name zn[LIVE_MAX_ZONE_NAMES];
	int n;

	if (b->d->src[LIVE_ZONEINFO].status != LIVE_READ) {
		unchecked(b, "zones: /proc/zoneinfo %s, so the zones are the default ones and none is expected",
			  b->d->src[LIVE_ZONEINFO].status == LIVE_MISSING ? "is not there" : "could not be read");
		return;
	}
	n = zone_names(b->d, zn);
	if (n < 0) {
		b->d->src[LIVE_ZONEINFO].status = LIVE_UNUSABLE;
		snprintf(b->d->src[LIVE_ZONEINFO].why, sizeof(b->d->src[LIVE_ZONEINFO].why),
			 "more than %d zone names", LIVE_MAX_ZONE_NAMES);
		unchecked(b, "zones: /proc/zoneinfo has more zone names than a kernel has zones");
		return;
	}
	zone_machine(b, zn, n);
	zone_expect(b, zn, n);
}

/* ---- what was read, for people ---- */

static const char *status_word(enum live_status st)
{
	switch (st) {
	case LIVE_MISSING:
		return "not there";
	case LIVE_UNREADABLE:
		return "not readable";
	case LIVE_UNUSABLE:
		return "of no use";
	default:
		return "read";
	}
}

static void describe(struct live_build *b, FILE *diag)
{
	struct live_data *d = b->d;
	int s;

	if (d->root)
		desc_add(b, "The machine recorded in %s, read by mbviz import --live --root.", d->root);
	else
		desc_add(b, "The machine mbviz import --live ran on.");
	if (b->version[0])
		desc_add(b, " Its log says Linux %s; mbviz models memblock of Linux 6.1.", b->version);
	for (s = 0; s < NR_LIVE_SRC; s++) {
		const struct live_source *src = &d->src[s];

		if (src->status == LIVE_NOT_TRIED)
			continue;
		if (src->status == LIVE_READ) {
			desc_add(b, " %s: %s.", src->path, src->took[0] ? src->took : "read, not needed");
			continue;
		}
		if (src->status == LIVE_MISSING)
			desc_add(b, " %s: not there.", src->path);
		else
			desc_add(b, " %s: %s (%s).", src->path, status_word(src->status), src->why);
		/* on stderr what could not be read, and a missing file that mattered */
		if (src->status != LIVE_MISSING || s == LIVE_ZONEINFO ||
		    ((s == LIVE_KMSG || s == LIVE_DMESG) && !d->log))
			fprintf(diag, "mbviz: import: --live: %s: %s%s%s%s\n", src->path,
				status_word(src->status), src->status == LIVE_MISSING ? "" : " (",
				src->status == LIVE_MISSING ? "" : src->why,
				src->status == LIVE_MISSING ? "" : ")");
	}
	desc_add(b, "%s", b->remark);
	if (d->nr_nodes) {
		desc_add(b, " Online nodes, with MemTotal (their managed memory now):");
		for (s = 0; s < LIVE_MAX_NODES; s++)
			if (d->node_online[s])
				desc_add(b, " node %d %" PRIu64 " kB%s", s, d->node_memtotal_kb[s],
					 s == d->max_node ? "." : ",");
	}
	if (cJSON_GetArraySize(b->unchecked))
		desc_add(b, " Not checked: see \"unchecked\".");
}

/* ---- the scenario as text ---- */

static void move_x_keys_last(cJSON *o)
{
	cJSON *k, *next, *tail = cJSON_CreateObject();

	for (k = o->child; k; k = next) {
		next = k->next;
		if (!strncmp(k->string, "x-", 2))
			cJSON_AddItemToObject(tail, k->string, cJSON_DetachItemViaPointer(o, k));
	}
	while ((k = tail->child) != NULL) {
		cJSON_DetachItemViaPointer(tail, k);
		cJSON_AddItemToObject(o, k->string, k);
	}
	cJSON_Delete(tail);
}

struct text {
	char	*s;
	size_t	len, alloc;
};

static void text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);

	if (t->len + n + 1 > t->alloc) {
		t->alloc = (t->len + n + 1) * 2;
		t->s = xrealloc(t->s, t->alloc);
	}
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

static void text_item(struct text *t, const cJSON *item)
{
	char *s = cJSON_PrintUnformatted(item);

	if (!s) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	text_add(t, s);
	free(s);
}

static void text_key(struct text *t, const char *indent, const char *key)
{
	cJSON *k = cJSON_CreateString(key);

	text_add(t, indent);
	text_item(t, k);
	cJSON_Delete(k);
	text_add(t, ": ");
}

/* One key of the top level a line, one step, zone or note a line, as import prints. */
static char *print_doc(const cJSON *doc)
{
	struct text t = { 0 };
	const cJSON *item, *sub, *el;

	text_add(&t, "{\n");
	for (item = doc->child; item; item = item->next) {
		text_key(&t, "  ", item->string);
		if (cJSON_IsArray(item) && item->child) {
			text_add(&t, "[\n");
			cJSON_ArrayForEach(sub, item) {
				text_add(&t, "    ");
				text_item(&t, sub);
				text_add(&t, sub->next ? ",\n" : "\n");
			}
			text_add(&t, "  ]");
		} else if (!strcmp(item->string, "expect") && cJSON_IsObject(item)) {
			text_add(&t, "{\n");
			cJSON_ArrayForEach(sub, item) {
				text_key(&t, "    ", sub->string);
				if (cJSON_IsArray(sub) && sub->child) {
					text_add(&t, "[\n");
					cJSON_ArrayForEach(el, sub) {
						text_add(&t, "      ");
						text_item(&t, el);
						text_add(&t, el->next ? ",\n" : "\n");
					}
					text_add(&t, "    ]");
				} else {
					text_item(&t, sub);
				}
				text_add(&t, sub->next ? ",\n" : "\n");
			}
			text_add(&t, "  }");
		} else {
			text_item(&t, item);
		}
		text_add(&t, item->next ? ",\n" : "\n");
	}
	text_add(&t, "}");
	return t.s;
}

/*
 * The UI shows a step's note, not the description: the last step's note
 * says what is checked after it and what is not.
 */
static void last_note(struct live_build *b)
{
	cJSON *last = cJSON_GetArrayItem(b->steps, cJSON_GetArraySize(b->steps) - 1);
	cJSON *note = cJSON_GetObjectItemCaseSensitive(last, "note"), *u;
	struct text t = { 0 };

	if (!last)
		return;
	text_add(&t, cJSON_IsString(note) ? note->valuestring : "");
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(b->expect, "zones")))
		text_add(&t, t.len ? ". After it, each zone's spanned and present pages are checked against /proc/zoneinfo"
			 : "After it, each zone's spanned and present pages are checked against /proc/zoneinfo");
	/* each item's words before its first ':' name it; check says the rest */
	cJSON_ArrayForEach(u, b->unchecked) {
		char label[160];

		snprintf(label, sizeof(label), "%.*s", (int)strcspn(u->valuestring, ":"), u->valuestring);
		text_add(&t, u == b->unchecked->child ? (t.len ? ". Not checked (mbviz check says why): "
							: "Not checked (mbviz check says why): ") : "; ");
		text_add(&t, label);
	}
	if (!t.s)
		return;
	cJSON_DeleteItemFromObjectCaseSensitive(last, "note");
	/* before the x- keys, where people read a step's note */
	cJSON_AddStringToObject(last, "note", t.s);
	move_x_keys_last(last);
	free(t.s);
}

static char *document(struct live_build *b, const struct live_opts *o)
{
	cJSON *doc = cJSON_CreateObject();
	char *text;

	last_note(b);
	cJSON_AddNumberToObject(doc, "scenario", 1);
	cJSON_AddStringToObject(doc, "name", o->name ? o->name : "live");
	cJSON_AddStringToObject(doc, "title", b->d->root ? "A recorded machine, read by mbviz import --live"
				: "The machine mbviz import --live ran on");
	cJSON_AddStringToObject(doc, "description", b->desc);
	cJSON_AddItemToObject(doc, "machine", b->machine);
	cJSON_AddItemToObject(doc, "unchecked", b->unchecked);
	cJSON_AddItemToObject(doc, "steps", b->steps);
	cJSON_AddItemToObject(doc, "expect", b->expect);
	if (b->version[0])
		cJSON_AddStringToObject(doc, "x-kernel-version", b->version);
	b->machine = b->unchecked = b->steps = b->expect = NULL;
	text = print_doc(doc);
	cJSON_Delete(doc);
	return text;
}

char *import_live(const struct live_opts *o, FILE *diag, char *err, int errlen)
{
	struct live_data d = { .root = o->root };
	struct live_build b = { .d = &d };
	char *text = NULL;
	struct stat st;

	if (o->root && stat(o->root, &st)) {
		snprintf(err, (size_t)errlen, "--root %s: %s", o->root, strerror(errno));
		return NULL;
	}
	if (o->root && !S_ISDIR(st.st_mode)) {
		snprintf(err, (size_t)errlen, "--root %s: not a directory", o->root);
		return NULL;
	}
	live_read_all(&d);
	b.machine = cJSON_CreateObject();
	b.steps = cJSON_CreateArray();
	b.expect = cJSON_CreateObject();
	b.unchecked = cJSON_CreateArray();
	b.mine = cJSON_CreateArray();
	import_the_log(&b, o, diag);
	learn_nodes(&b);
	if (memory(&b)) {
		snprintf(err, (size_t)errlen, "--live: no memory map: not in the kernel log (%s), debugfs memblock/memory (%s), /proc/iomem (%s) nor /sys/firmware/memmap (%s)",
			 d.log ? "it has none" : "none could be read", status_word(d.src[LIVE_DBG_MEMORY].status),
			 d.src[LIVE_IOMEM].status == LIVE_READ ? "no System RAM" : status_word(d.src[LIVE_IOMEM].status),
			 d.src[LIVE_MEMMAP].status == LIVE_READ ? "no System RAM" : status_word(d.src[LIVE_MEMMAP].status));
		describe(&b, diag);
		goto out;
	}
	reservations(&b);
	nodes_of_memory(&b);
	splice_steps(&b);
	if (d.page_size_known)
		took(&d.src[LIVE_PAGESIZE], "the page size, %" PRIu64 " bytes", d.page_size);
	if (d.page_size != 4096 || cJSON_GetObjectItemCaseSensitive(b.machine, "page_size")) {
		char ps[24];

		snprintf(ps, sizeof(ps), "0x%" PRIx64, d.page_size);
		cJSON_DeleteItemFromObjectCaseSensitive(b.machine, "page_size");
		cJSON_AddStringToObject(b.machine, "page_size", ps);
	}
	zones(&b);
	if (!d.log)
		unchecked(&b, "the boot's own steps: no kernel log could be read");
	describe(&b, diag);
	text = document(&b, o);
	if (!text)
		snprintf(err, (size_t)errlen, "--live: out of memory");
out:
	cJSON_Delete(b.machine);
	cJSON_Delete(b.steps);
	cJSON_Delete(b.expect);
	cJSON_Delete(b.unchecked);
	cJSON_Delete(b.mine);
	live_data_free(&d);
	return text;
}
