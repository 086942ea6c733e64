// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A boot log made into a scenario.  Two passes over the classified lines:
 * the first learns the machine (NUMA or not, the width of phys_addr_t,
 * region array sizes, where memory came from), the second writes one step
 * per operation, pairs each allocation request with the memblock_reserve
 * line that says where it landed, and turns dumps into expectations.
 * The lines come read and classified from import_read.c; the document is
 * finished by import_document.c, which replays it both ways to pick the
 * allocation direction that puts the allocations where the kernel did.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "util/xalloc.h"

/*
 * The kernel prints base + size - 1 in phys_addr_t, so the size is
 * end - base + 1 modulo its width: [0x0-0xffffffffffffffff] is size 0,
 * and a range past the top wraps as memblock's own arithmetic does.
 */
static uint64_t range_size(const struct importer *im, uint64_t base, uint64_t end)
{
	uint64_t mask = im->phys32 ? 0xffffffffu : UINT64_MAX;

	return (end - base + 1) & mask;
}

/* ---- the second pass: steps ---- */

static void attach_pending(struct importer *im)
{
	cJSON *last, *ex, *item;

	if (!im->pending)
		return;
	last = cJSON_GetArrayItem(im->steps, cJSON_GetArraySize(im->steps) - 1);
	if (!last) {
		imp_report(im, im->pending_line, "a dump before the first operation cannot be checked");
		cJSON_Delete(im->pending);
		im->pending = NULL;
		return;
	}
	ex = cJSON_GetObjectItemCaseSensitive(last, "expect");
	if (!ex) {
		cJSON_AddItemToObject(last, "expect", im->pending);
		im->pending = NULL;
		return;
	}
	while ((item = im->pending->child) != NULL) {
		cJSON_DetachItemViaPointer(im->pending, item);
		cJSON_DeleteItemFromObjectCaseSensitive(ex, item->string);
		cJSON_AddItemToObject(ex, item->string, item);
	}
	cJSON_Delete(im->pending);
	im->pending = NULL;
}

void imp_pending_merge(struct importer *im, cJSON *ex, int lineno)
{
	cJSON *item;

	if (!im->pending) {
		im->pending = ex;
		im->pending_line = lineno;
		return;
	}
	/* two views of one state: the later one counts */
	while ((item = ex->child) != NULL) {
		cJSON_DetachItemViaPointer(ex, item);
		cJSON_DeleteItemFromObjectCaseSensitive(im->pending, item->string);
		cJSON_AddItemToObject(im->pending, item->string, item);
	}
	cJSON_Delete(ex);
}

static cJSON *new_step(struct importer *im, const char *op)
{
	cJSON *s = cJSON_CreateObject();

	attach_pending(im);
	cJSON_AddStringToObject(s, "op", op);
	if (im->cur_line > 0)
		cJSON_AddNumberToObject(s, "x-log-line", im->cur_line);
	cJSON_AddItemToArray(im->steps, s);
	return s;
}

static void put_note(cJSON *s, const char *note)
{
	if (note && *note)
		cJSON_AddStringToObject(s, "note", note);
}

/* The caller as the note; an older kernel's name of the operation said first. */
static void put_op_note(cJSON *s, const struct imp_line *l)
{
	char note[320];

	if (!l->name[0] || !strcmp(l->name, l->op)) {
		put_note(s, l->caller);
		return;
	}
	snprintf(note, sizeof(note), "%s (an older kernel's name) is %s today%s%s", l->name, l->op,
		 l->caller[0] ? ": " : "", l->caller);
	put_note(s, note);
}

void imp_range_step(struct importer *im, const char *op, uint64_t base, uint64_t size,
		    const char *note)
{
	cJSON *s = new_step(im, op);

	imp_put_hex(s, "base", base);
	imp_put_hex(s, "size", size);
	put_note(s, note);
}

static int blk_cmp(const void *a, const void *b)
{
	const struct node_blk *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

static void flush_nodes(struct importer *im)
{
	static const char *types[] = { "memory", "reserved" };
	int t, i, line = im->cur_line;

	if (!im->blks_dirty)
		return;
	im->blks_dirty = false;
	im->cur_line = im->blks_line;
	qsort(im->blks, (size_t)im->nr_blks, sizeof(*im->blks), blk_cmp);
	for (t = 0; t < 2; t++) {
		for (i = 0; i < im->nr_blks; i++) {
			cJSON *s = new_step(im, "memblock_set_node");

			imp_put_hex(s, "base", im->blks[i].base);
			imp_put_hex(s, "size", im->blks[i].end - im->blks[i].base + 1);
			cJSON_AddStringToObject(s, "type", types[t]);
			cJSON_AddNumberToObject(s, "nid", im->blks[i].nid);
			put_note(s, "numa_init: the node ranges of the SRAT/NUMA lines (not logged by memblock=debug)");
		}
	}
	im->cur_line = line;
}

static void end_adds_run(struct importer *im)
{
	cJSON *s;
	int line = im->cur_line;

	if (im->adds_run != 1)
		return;
	im->adds_run = 2;
	im->cur_line = im->last_add_line;
	s = new_step(im, "memblock_trim_memory");
	cJSON_AddStringToObject(s, "align", "PAGE_SIZE");
	put_note(s, "e820__memblock_setup: memblock_trim_memory(PAGE_SIZE) is not logged");
	/* x86's setup_arch() limits early allocations to the first 1M */
	s = new_step(im, "memblock_set_current_limit");
	cJSON_AddStringToObject(s, "limit", "0x100000");
	put_note(s, "setup_arch: memblock_set_current_limit(ISA_END_ADDRESS) around e820__memblock_setup (x86; not logged)");
	im->cur_line = line;
	im->x86_low_limit = true;
}

static void emit_alloc(struct importer *im, const struct rec *req, bool placed, uint64_t where)
{
	const struct imp_line *l = &req->l;
	bool phys = !strcmp(l->op, "memblock_phys_alloc_range");
	int line = im->cur_line;
	cJSON *s, *ex;

	im->cur_line = req->lineno;
	s = new_step(im, l->op);
	im->cur_line = line;

	imp_put_hex(s, "size", l->size);
	imp_put_hex(s, "align", l->align);
	imp_put_hex(s, phys ? "start" : "min_addr", l->from);
	imp_put_hex(s, phys ? "end" : "max_addr", l->max_addr);
	if (!phys) {
		int nid = l->nid;

		if (nid >= 0 && nid >= im->max_numnodes)
			nid = -1;
		imp_put_nid(s, "nid", nid);
	}
	put_op_note(s, l);
	if (!placed) {
		imp_report(im, req->lineno, "the log ends before this allocation's memblock_reserve line: its placement is not checked");
		return;
	}
	ex = cJSON_CreateObject();
	imp_put_hex(ex, "ret", where);
	cJSON_AddItemToObject(s, "expect", ex);
}

/* A request not followed by its memblock_reserve: the allocation failed. */
static void resolve_request(struct importer *im, bool eof)
{
	if (!im->req_pending)
		return;
	im->req_pending = false;
	emit_alloc(im, &im->req, !eof, 0);
}

static void free_all_step(struct importer *im, const char *note)
{
	if (!im->freed_all) {
		im->freed_all = true;
		put_note(new_step(im, "memblock_free_all"), note);
	}
}

static bool is_caller(const char *caller, const char *fn)
{
	size_t n = strlen(fn);

	return !strncmp(caller, fn, n) && (caller[n] == '+' || caller[n] == 0 || caller[n] == ' ');
}

static void range_op(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	uint64_t size;
	cJSON *s;

	size = range_size(im, l->base, l->end);
	if (!strcmp(l->op, "memblock_reserve") && im->req_pending &&
	    (!l->caller[0] || !strncmp(l->caller, "memblock_", 9)) &&
	    size == im->req.l.size) {
		im->req_pending = false;
		emit_alloc(im, &im->req, true, l->base);
		return;
	}
	resolve_request(im, false);
	/* memblock_double_array's own reservation and free: the engine does them */
	if (!strcmp(l->op, "memblock_reserve") && is_caller(l->caller, "memblock_double_array"))
		return;
	if (im->after_double && !strcmp(l->op, "memblock_phys_free") &&
	    is_caller(l->caller, "memblock_free")) {
		im->after_double = false;
		return;
	}
	im->after_double = false;
	if (!strcmp(l->op, "memblock_add")) {
		/* e820__memblock_setup's adds, table printed or not (a log's excerpt) */
		if (!im->adds_run && (im->e820_first >= 0 || is_caller(l->caller, "e820__memblock_setup")))
			im->adds_run = 1;
		im->last_add_line = r->lineno;
	} else {
		end_adds_run(im);
	}
	if (!strcmp(l->op, "memblock_free_late"))
		free_all_step(im, "mem_init: memblock_free_all, which memblock=debug does not log, runs before memblock_free_late");
	if (!strcmp(l->op, "memblock_reserve") && is_caller(l->caller, "memblock_alloc_range_nid")) {
		char note[512];

		snprintf(note, sizeof(note), "%s: an allocation whose request memblock=debug does not log (memblock_phys_alloc_try_nid); replayed as a reservation where it landed",
			 l->caller);
		imp_range_step(im, "memblock_reserve", l->base, size, note);
		return;
	}
	s = new_step(im, l->op);
	imp_put_hex(s, "base", l->base);
	imp_put_hex(s, "size", size);
	if (!strcmp(l->op, "memblock_add_node")) {
		int nid = l->has_nid ? l->nid : imp_blks_nid(im, l->base);

		if (nid < 0 || nid > im->max_numnodes)
			cJSON_AddStringToObject(s, "nid", "MAX_NUMNODES");
		else
			cJSON_AddNumberToObject(s, "nid", nid);
		imp_put_flags(s, l->has_flags ? l->flags : 0);
		if (!cJSON_GetObjectItemCaseSensitive(s, "flags"))
			cJSON_AddStringToObject(s, "flags", "NONE");
	}
	put_op_note(s, l);
}

/* ---- dumps ---- */

static void dump_reset(struct dump *d)
{
	int t;

	for (t = 0; t < 3; t++)
		free(d->t[t].r);
	memset(d, 0, sizeof(*d));
	d->type = -1;
}

static void dump_add_region(struct dump_type *dt, const struct dump_region *r)
{
	if (dt->nr == dt->alloc) {
		dt->alloc = dt->alloc ? dt->alloc * 2 : 16;
		dt->r = xrealloc(dt->r, (size_t)dt->alloc * sizeof(*dt->r));
	}
	dt->r[dt->nr++] = *r;
}

static cJSON *region_json(struct importer *im, const struct dump_region *r)
{
	cJSON *o = cJSON_CreateObject();

	imp_put_hex(o, "base", r->base);
	imp_put_hex(o, "size", r->size);
	if (im->numa) {
		if (r->has_nid && r->nid < im->max_numnodes)
			cJSON_AddNumberToObject(o, "nid", r->nid);
		else if (!r->has_nid || r->nid_none)
			cJSON_AddStringToObject(o, "nid", "MAX_NUMNODES");
	}
	if (r->has_flags)
		imp_put_flags(o, r->flags);
	return o;
}

/* Steps that build the dumped state, for a log that is nothing but a dump. */
static void synthesize(struct importer *im)
{
	struct dump_type *mem = &im->d.t[IMP_MEMORY], *res = &im->d.t[IMP_RESERVED];
	int i;

	im->synthesized = true;
	im->cur_line = im->d.lineno;
	for (i = 0; i < mem->nr; i++) {
		const struct dump_region *r = &mem->r[i];
		cJSON *s;

		if (!r->size)
			continue;
		if (!im->numa && (!r->has_flags || !r->flags)) {
			imp_range_step(im, "memblock_add", r->base, r->size, "the dumped memory");
			continue;
		}
		s = new_step(im, "memblock_add_node");
		imp_put_hex(s, "base", r->base);
		imp_put_hex(s, "size", r->size);
		if (!im->numa)
			cJSON_AddNumberToObject(s, "nid", 0);
		else if (r->has_nid && r->nid < im->max_numnodes)
			cJSON_AddNumberToObject(s, "nid", r->nid);
		else
			cJSON_AddStringToObject(s, "nid", "MAX_NUMNODES");
		imp_put_flags(s, r->has_flags ? r->flags : 0);
		if (!cJSON_GetObjectItemCaseSensitive(s, "flags"))
			cJSON_AddStringToObject(s, "flags", "NONE");
		put_note(s, "the dumped memory");
	}
	for (i = 0; i < res->nr; i++)
		if (res->r[i].size)
			imp_range_step(im, "memblock_reserve", res->r[i].base, res->r[i].size,
				       "the dumped reservations");
	for (i = 0; im->numa && i < res->nr; i++) {
		const struct dump_region *r = &res->r[i];
		cJSON *s;

		if (!r->size || !r->has_nid || r->nid >= im->max_numnodes)
			continue;
		s = new_step(im, "memblock_set_node");
		imp_put_hex(s, "base", r->base);
		imp_put_hex(s, "size", r->size);
		cJSON_AddStringToObject(s, "type", "reserved");
		cJSON_AddNumberToObject(s, "nid", r->nid);
		put_note(s, "the dumped reservations' node");
	}
}

static bool has_memory_steps(struct importer *im)
{
	cJSON *s;

	cJSON_ArrayForEach(s, im->steps) {
		const char *op = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(s, "op"));

		if (op && (!strcmp(op, "memblock_add") || !strcmp(op, "memblock_add_node")))
			return true;
	}
	return false;
}

/* The first dump of a memblock=debug log: what was there before the log began. */
static void early_regions(struct importer *im, struct dump *d)
{
	int t;

	im->early_reserved = true;
	/* each call goes before every step so far: reserved first, so memory ends first;
	 * memory only when nothing else gave any (no table, no node ranges, no add) */
	for (t = IMP_RESERVED; t >= IMP_MEMORY; t--) {
		struct dump_type *dt = &d->t[t];

		if (t == IMP_MEMORY && has_memory_steps(im))
			continue;

		if (dt->present && !dt->broken && dt->nr && !(dt->nr == 1 && !dt->r[0].size))
			imp_early_regions(im, t, dt->r, dt->nr, d->lineno);
	}
}

static void dump_close(struct importer *im)
{
	static const char *names[] = { "memory", "reserved" };
	struct dump *d = &im->d;
	cJSON *ex;
	int t, i;

	if (!d->open)
		return;
	d->open = false;
	if (im->synth_from_dump && !im->synthesized)
		synthesize(im);
	else if (im->have_ops && !im->early_reserved)
		early_regions(im, d);
	ex = cJSON_CreateObject();
	for (t = 0; t < 2; t++) {
		struct dump_type *dt = &d->t[t];
		cJSON *o;

		if (!dt->present || (!dt->has_cnt && !dt->has_total && (dt->broken || !dt->nr)))
			continue;
		if (d->debugfs && !dt->broken && dt->nr) {
			dt->has_cnt = true;
			dt->cnt = (uint64_t)dt->nr;
		}
		o = cJSON_CreateObject();
		if (dt->has_cnt)
			cJSON_AddNumberToObject(o, "cnt", (double)dt->cnt);
		if (dt->has_total)
			imp_put_hex(o, "total_size", dt->total);
		if (dt->broken || (dt->has_cnt && (uint64_t)dt->nr != dt->cnt)) {
			if (!dt->broken)
				imp_report(im, d->lineno, "the dump of %s has %d of its %" PRIu64 " regions: they are not checked",
				       names[t], dt->nr, dt->cnt);
		} else if (dt->nr == 1 && !dt->r[0].size) {
			cJSON_AddItemToObject(o, "regions", cJSON_CreateArray());
		} else if (dt->nr) {
			cJSON *a = cJSON_CreateArray();

			for (i = 0; i < dt->nr; i++)
				cJSON_AddItemToArray(a, region_json(im, &dt->r[i]));
			cJSON_AddItemToObject(o, "regions", a);
		}
		cJSON_AddItemToObject(ex, names[t], o);
	}
	if (!ex->child) {
		cJSON_Delete(ex);
		dump_reset(d);
		return;
	}
	imp_pending_merge(im, ex, d->lineno);
	dump_reset(d);
}

static void dump_open(struct importer *im, int lineno, bool debugfs)
{
	dump_close(im);
	resolve_request(im, false);
	end_adds_run(im);
	flush_nodes(im);
	dump_reset(&im->d);
	im->d.open = true;
	im->d.debugfs = debugfs;
	im->d.lineno = lineno;
}

static void dump_line(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	struct dump *d = &im->d;
	struct dump_region reg = { 0 };
	struct dump_type *dt;

	switch (l->kind) {
	case IMP_DUMP_HEADER:
		dump_open(im, r->lineno, false);
		return;
	case IMP_DUMP_SIZES:
		if (!d->open || d->debugfs)
			break;
		d->t[IMP_MEMORY].present = d->t[IMP_RESERVED].present = true;
		d->t[IMP_MEMORY].has_total = d->t[IMP_RESERVED].has_total = true;
		d->t[IMP_MEMORY].total = l->base;
		d->t[IMP_RESERVED].total = l->end;
		return;
	case IMP_DUMP_CNT:
		if (!d->open || d->debugfs)
			break;
		d->type = l->type;
		d->t[l->type].present = true;
		d->t[l->type].has_cnt = true;
		d->t[l->type].cnt = l->cnt;
		return;
	case IMP_DUMP_REGION:
		if (!d->open || d->debugfs || d->type != l->type)
			break;
		dt = &d->t[l->type];
		if (l->index != dt->nr) {
			if (!dt->broken)
				imp_unusable(im, r->lineno, "a dump line out of order", l->type == IMP_MEMORY ? "memory" : "reserved");
			dt->broken = true;
			return;
		}
		reg.base = l->base;
		reg.size = l->size;
		reg.nid = l->nid;
		reg.has_nid = l->has_nid;
		reg.nid_none = !l->has_nid;
		reg.has_flags = true;
		reg.flags = l->flags;
		dump_add_region(dt, &reg);
		return;
	case IMP_DEBUGFS_HEADER:
		if (!d->open || !d->debugfs || d->t[l->type].present)
			dump_open(im, r->lineno, true);
		d->type = l->type;
		d->t[l->type].present = true;
		return;
	case IMP_DEBUGFS_REGION:
		if (!d->open || !d->debugfs || d->type < 0 ||
		    (l->index == 0 && d->t[d->type].nr > 0)) {
			/* no file name: memory first, then reserved */
			int next = d->open && d->debugfs && d->type >= 0 ? d->type + 1 : IMP_MEMORY;

			if (!d->open || !d->debugfs || next > IMP_PHYSMEM || d->t[next].present) {
				dump_open(im, r->lineno, true);
				next = IMP_MEMORY;
			}
			if (!im->headerless_noted) {
				imp_report(im, r->lineno, "debugfs lines without their file's name: taken as memory, then reserved");
				im->headerless_noted = true;
			}
			d->type = next;
			d->t[next].present = true;
		}
		dt = &d->t[d->type];
		if (l->index != dt->nr) {
			if (!dt->broken)
				imp_unusable(im, r->lineno, "a debugfs line out of order", "");
			dt->broken = true;
			return;
		}
		reg.base = l->base;
		reg.size = range_size(im, l->base, l->end);
		reg.nid = l->nid;
		reg.has_nid = l->has_nid;
		reg.nid_none = l->nid_none;
		reg.has_flags = l->has_flags;
		reg.flags = l->flags;
		dump_add_region(dt, &reg);
		return;
	default:
		return;
	}
	imp_unusable(im, r->lineno, "a dump line outside a dump", "");
}

/* ---- NUMA ---- */

static void numa_node(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	int i, k;

	/* numa=fake's first node replaces the one node of no NUMA configuration */
	if (l->type == IMP_NUMA_EMULATED && im->blks_dummy) {
		im->nr_blks = 0;
		im->blks_dummy = false;
	}
	if (l->type == IMP_NUMA_DUMMY)
		im->blks_dummy = true;
	/* a merge ("-> [mem E-F]") replaces the node's blocks inside E-F */
	for (i = 0, k = 0; i < im->nr_blks; i++) {
		struct node_blk *b = &im->blks[i];

		if (b->nid == l->nid && b->base >= l->base && b->end <= l->end)
			continue;
		im->blks[k++] = *b;
	}
	im->nr_blks = k;
	im->blks = xrealloc(im->blks, (size_t)(im->nr_blks + 1) * sizeof(*im->blks));
	im->blks[im->nr_blks].base = l->base;
	im->blks[im->nr_blks].end = l->end;
	im->blks[im->nr_blks].nid = l->nid;
	im->nr_blks++;
	im->blks_dirty = true;
	im->blks_line = r->lineno;
	if (l->hotplug && l->end > l->base) {
		resolve_request(im, false);
		end_adds_run(im);
		imp_range_step(im, "memblock_mark_hotplug", l->base, l->end - l->base + 1,
			       "acpi_parse_memory_affinity: SRAT says hotpluggable (not logged by memblock=debug)");
	}
}

/*
 * On a 32-bit phys_addr_t a wider number is damage in memblock's own lines;
 * firmware tables may describe memory above 4G, which such a kernel skips.
 */
static bool fits(const struct importer *im, const struct imp_line *l)
{
	uint64_t m = 0xffffffffu;

	if (!im->phys32)
		return true;
	switch (l->kind) {
	case IMP_REQUEST:
		return l->size <= m && l->align <= m && l->from <= m && l->max_addr <= m;
	case IMP_DUMP_REGION:
		return l->base <= m && l->end <= m && l->size <= m;
	case IMP_DUMP_SIZES:
	default:
		return l->base <= m && l->end <= m;
	}
}

/* ---- machine source: e820 or the early node ranges ---- */

static void e820_add(struct importer *im, uint64_t base, uint64_t size, int lineno)
{
	struct imp_line l = { .kind = IMP_E820, .base = base, .end = base + size - 1 };

	if (!fits(im, &l))
		return;
	im->cur_line = im->last_add_line = lineno;
	imp_range_step(im, "memblock_add", base, size, "e820__memblock_setup: a usable e820 entry");
}

static void e820_reserve(struct importer *im, uint64_t base, uint64_t size, int lineno)
{
	struct imp_line l = { .kind = IMP_E820, .base = base, .end = base + size - 1 };

	if (!fits(im, &l))
		return;
	im->cur_line = lineno;
	imp_range_step(im, "memblock_reserve", base, size,
		       "e820__memblock_setup: a soft reserved e820 entry (not logged by memblock=debug)");
}

static void initial_memory(struct importer *im)
{
	int i;

	if (im->use_e820) {
		imp_e820_steps(im, e820_add, e820_reserve);
		im->adds_run = 1;
		end_adds_run(im);
	} else if (im->use_node_ranges) {
		for (i = 0; i < im->nr; i++) {
			const struct imp_line *l = &im->recs[i].l;
			cJSON *s;

			if (l->kind != IMP_NODE_RANGE || !fits(im, l))
				continue;
			im->cur_line = im->recs[i].lineno;
			s = new_step(im, "memblock_add_node");
			imp_put_hex(s, "base", l->base);
			imp_put_hex(s, "size", l->end - l->base + 1);
			cJSON_AddNumberToObject(s, "nid", im->numa ? l->nid : 0);
			cJSON_AddStringToObject(s, "flags", "NONE");
			put_note(s, "Early memory node ranges");
		}
	} else {
		imp_fw_initial_memory(im);
	}
}

static bool is_dump_kind(enum imp_kind k)
{
	return k == IMP_DUMP_HEADER || k == IMP_DUMP_SIZES || k == IMP_DUMP_CNT ||
	       k == IMP_DUMP_REGION || k == IMP_DEBUGFS_HEADER || k == IMP_DEBUGFS_REGION;
}

static void build(struct importer *im)
{
	int i;

	dump_reset(&im->d);
	initial_memory(im);
	for (i = 0; i < im->nr; i++) {
		const struct rec *r = &im->recs[i];
		enum imp_kind k = r->l.kind;

		im->cur_line = r->lineno;
		if (!fits(im, &r->l)) {
			if (k == IMP_E820 || k == IMP_NUMA_NODE || k == IMP_NODE_RANGE || imp_fw_kind(k))
				continue;
			if (is_dump_kind(k) && im->d.open && im->d.type >= 0)
				im->d.t[im->d.type].broken = true;
			imp_unusable(im, r->lineno, "a number wider than the 32-bit phys_addr_t of the log's addresses",
				 r->l.name[0] ? r->l.name : "");
			continue;
		}
		if (imp_fw_record(im, r))
			continue;
		if (is_dump_kind(k)) {
			/* the header line of a debugfs dump may name physmem: skip its lines */
			dump_line(im, r);
			continue;
		}
		if (k == IMP_RANGE_OP || k == IMP_REQUEST || k == IMP_MEM_INIT || k == IMP_SLAB_UP)
			dump_close(im);
		switch (k) {
		case IMP_RANGE_OP:
			flush_nodes(im);
			range_op(im, r);
			break;
		case IMP_REQUEST:
			resolve_request(im, false);
			end_adds_run(im);
			flush_nodes(im);
			im->req_pending = true;
			im->req = *r;
			break;
		case IMP_DOUBLED:
			im->after_double = true;
			break;
		case IMP_NUMA_NODE:
			numa_node(im, r);
			break;
		case IMP_NODE_RANGE:
			if ((i && im->recs[i - 1].l.kind == IMP_NODE_RANGE) || im->use_node_ranges)
				break;	/* one expectation for the list; none for memory made of it */
			resolve_request(im, false);
			end_adds_run(im);
			flush_nodes(im);
			dump_close(im);
			imp_pending_merge(im, imp_node_ranges_expect(im, i), r->lineno);
			break;
		case IMP_MEM_INIT:
		case IMP_SLAB_UP:
			resolve_request(im, false);
			end_adds_run(im);
			flush_nodes(im);
			free_all_step(im, k == IMP_MEM_INIT ?
				      "mem_init: memblock_free_all (the \"Memory: ...K/...K available\" line)" :
				      "mem_init: memblock_free_all, just before kmem_cache_init's \"SLUB: HWalign=\" line (6.12 mm/mm_init.c:2678-2679; it prints \"Memory:\" only after deferred init, :2327)");
			break;
		default:
			break;
		}
	}
	dump_close(im);
	imp_fw_record(im, NULL);
	resolve_request(im, true);
	end_adds_run(im);
	flush_nodes(im);
	dump_close(im);
}

char *import_log(FILE *in, const struct import_opts *o, FILE *diag, int *nr_unusable,
		 char *err, int errlen)
{
	struct importer im = { .o = o, .diag = diag };
	char **lines = NULL, *text = NULL;
	int nr, i;

	nr = imp_read_lines(&im, in, &lines, err, errlen);
	if (nr < 0)
		goto out;
	if (imp_classify(&im, lines, nr, err, errlen) || imp_select_boot(&im, err, errlen))
		goto out;
	imp_learn(&im);
	im.steps = cJSON_CreateArray();
	build(&im);
	imp_totals(&im);
	if (!cJSON_GetArraySize(im.steps) && !im.pending) {
		snprintf(err, (size_t)errlen, "%s: no memblock, e820, NUMA or debugfs lines to import",
			 o->input_name);
		goto out;
	}
	text = imp_finish(&im, err, errlen);
	if (text) {
		imp_summary(&im);
		imp_fw_summary(&im);
	}
out:
	*nr_unusable = im.nr_unusable;
	for (i = 0; i < nr; i++)
		free(lines[i]);
	free(lines);
	free(im.recs);
	free(im.blks);
	imp_fw_free(&im);
	dump_reset(&im.d);
	cJSON_Delete(im.steps);
	cJSON_Delete(im.pending);
	cJSON_Delete(im.zones);
	return text;
}
