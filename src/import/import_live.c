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
 *    every node's spanned and present pages after memblock_free_all,
 *    with the kernel log's "pages in unavailable ranges" kept where mbviz
 *    import expected them (live_doc.c).  managed pages are never expected (they change after boot); the
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

void live_took(struct live_source *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->took, sizeof(s->took), fmt, ap);
	va_end(ap);
}

void live_unchecked(struct live_build *b, const char *fmt, ...)
{
	char buf[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	cJSON_AddItemToArray(b->unchecked, cJSON_CreateString(buf));
}

void live_desc_add(struct live_build *b, const char *fmt, ...)
{
	size_t n = strlen(b->desc);
	va_list ap;

	if (n + 1 >= sizeof(b->desc))
		return;
	va_start(ap, fmt);
	vsnprintf(b->desc + n, sizeof(b->desc) - n, fmt, ap);
	va_end(ap);
}

void live_put_hex(cJSON *o, const char *key, uint64_t v)
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

	live_put_hex(s, "base", r->base);
	live_put_hex(s, "size", r->end - r->base + 1);
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
/*
 * What only memblock=debug shows.  memblock_reserve is not among them: the
 * importer also writes it for what the e820 table reserves.
 */
static const char *const alloc_ops[] = {
	"memblock_free", "memblock_phys_free", "memblock_phys_alloc_range",
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
	if (cJSON_IsString(item) && strcmp(item->valuestring, "unknown"))
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
	live_took(&d->src[s], "%d lines through mbviz import: %d step(s) (%d of the memory map, %d memblock=debug allocations and frees)%s",
	     count_lines(d->log),
	     cJSON_GetArraySize(b->steps), nr_map, nr_alloc,
	     nr_unusable ? ", some lines unusable (listed on stderr)" : "");
	if (s == LIVE_KMSG && d->kmsg_first_seq > 0)
		live_unchecked(b, "the boot's first %lld log records: they have left the kernel's ring buffer (a larger log_buf_len= keeps them)",
			       d->kmsg_first_seq);
}

/* ---- nodes ---- */

/* A node's span in pages, from its non-empty zones in /proc/zoneinfo; false if it has none. */
bool live_node_span(const struct live_data *d, int nid, uint64_t *start, uint64_t *end)
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
	live_took(&b->d->src[LIVE_NODES], "the online nodes (%d, listed below with their MemTotal)%s", d->nr_nodes,
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

		live_put_hex(s, "base", r->base);
		live_put_hex(s, "size", r->end - r->base + 1);
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
	live_took(&d->src[LIVE_DBG_MEMORY], "the memory: %d regions, with their %sflags", d->dbg_memory.nr,
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
	live_took(&b->d->src[from], "the memory: its %d System RAM ranges (the log has no memory map)", rs->nr);
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
			live_took(&d->src[maps[i]], "nothing: %s gives the memory map", used);
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
			live_took(&d->src[LIVE_DBG_RESERVED], "nothing: the log's memblock=debug lines replay the boot");
		return;
	}
	for (i = 0; i < d->dbg_reserved.nr; i++)
		range_step(b, "memblock_reserve", &d->dbg_reserved.r[i],
			   i ? NULL : "the reservations as debugfs memblock/reserved shows them now, one step a region",
			   LIVE_DBG_RESERVED);
	if (d->dbg_reserved.nr) {
		live_took(&d->src[LIVE_DBG_RESERVED], "the reservations: %d regions, each a memblock_reserve before memblock_free_all",
		     d->dbg_reserved.nr);
		live_unchecked(b, "the boot's allocations one by one: the log has no memblock=debug lines, so the reservations are debugfs memblock/reserved's regions as they are now");
	} else {
		live_unchecked(b, "the boot's allocations: the log has no memblock=debug lines and debugfs memblock/reserved %s, so no reservation is replayed and managed pages come out too high",
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

		if (!live_node_span(d, nid, &start, &end))
			continue;
		s = my_step(b, "memblock_set_node");
		live_put_hex(s, "base", start * d->page_size);
		live_put_hex(s, "size", (end - start) * d->page_size);
		cJSON_AddStringToObject(s, "type", "memory");
		cJSON_AddNumberToObject(s, "nid", nid);
		step_from(s, "the node's span in /proc/zoneinfo (its first zone's start_pfn to its last zone's end)",
			  LIVE_ZONEINFO);
		n++;
	}
	if (!n)
		live_unchecked(b, "the memory's nodes: several nodes are online but /proc/zoneinfo gives no spans, so the memory has no node");
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
			 d.log ? "it has none" : "none could be read",
			 d.src[LIVE_DBG_MEMORY].status == LIVE_READ ? "no regions" : live_status_word(d.src[LIVE_DBG_MEMORY].status),
			 d.src[LIVE_IOMEM].status == LIVE_READ ? "no System RAM" : live_status_word(d.src[LIVE_IOMEM].status),
			 d.src[LIVE_MEMMAP].status == LIVE_READ ? "no System RAM" : live_status_word(d.src[LIVE_MEMMAP].status));
		live_describe(&b, diag);
		goto out;
	}
	reservations(&b);
	nodes_of_memory(&b);
	splice_steps(&b);
	if (d.page_size_known)
		live_took(&d.src[LIVE_PAGESIZE], "the page size, %" PRIu64 " bytes", d.page_size);
	if (d.page_size != 4096 || cJSON_GetObjectItemCaseSensitive(b.machine, "page_size")) {
		char ps[24];

		snprintf(ps, sizeof(ps), "0x%" PRIx64, d.page_size);
		cJSON_DeleteItemFromObjectCaseSensitive(b.machine, "page_size");
		cJSON_AddStringToObject(b.machine, "page_size", ps);
	}
	live_zones(&b);
	live_profile(&b);
	if (!d.log)
		live_unchecked(&b, "the boot's own steps: no kernel log could be read");
	live_describe(&b, diag);
	text = live_document(&b, o);
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
