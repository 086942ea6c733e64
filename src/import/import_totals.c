// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's own account of its zones and nodes, made into the
 * machine's zones and into expectations (issue 13, item 3):
 *
 *  - "Zone ranges:" then "  %-8s [mem %#018Lx-%#018Lx]" or "empty" for
 *    each zone but ZONE_MOVABLE (mm/page_alloc.c 6.1:8325-8339, mm/mm_init.c
 *    6.12): arch_zone_lowest/highest_possible_pfn, the zones' bounds.  The
 *    non-empty ones but Device (ZONE_DEVICE holds no boot memory) become
 *    the machine's zones, each ending where the kernel's does.
 *  - "Movable zone start for each node" then "  Node %d: %#018Lx" per node
 *    with a ZONE_MOVABLE (6.1:8342-8347): mbviz has no ZONE_MOVABLE, and it
 *    takes pages from the other zones' spans, so no zone is expected then.
 *  - "Initmem setup node %d [mem %#018Lx-%#018Lx]" (6.1:7926) is the node's
 *    span; each zone's span in the node is the node's span clamped to the
 *    zone's bounds (zone_spanned_pages_in_node, 6.1:7562-7585), so every
 *    zone of every node with memory gets an expected "spanned".
 *  - "  %s zone: %lu pages, LIFO batch:%u" (zone_pcp_init, 6.1:7299,
 *    pr_debug) after a node's Initmem line is that zone's present_pages:
 *    the expected "present".
 *  - "Memory: %luK/%luK available (...)" (mem_init_print_info, 6.1:8544,
 *    6.12 mm/mm_init.c:2642): the second figure is get_num_physpages(),
 *    every online node's present pages; kept as x-physpages-kb.  The first
 *    (nr_free_pages()) and "reserved" (physpages - totalram_pages -
 *    totalcma_pages) are not checked: at that point totalram_pages leaves
 *    out deferred struct pages (DEFERRED_STRUCT_PAGE_INIT) and, on 32-bit,
 *    counts highmem freed by the architecture, and what memblock
 *    allocated before memblock=debug took effect is in neither; the log
 *    does not say which of these applies.
 *  - a /proc/zoneinfo extract in the log ("Node %d, zone %8s", then
 *    "spanned", "present", "managed": mm/vmstat.c 6.1:1664-1693) gives the
 *    same zones' spanned and present pages, which stay as boot made them
 *    (memory hotplug aside); managed pages are counted at the time of the
 *    extract, long after boot, and are kept as x-managed-now, unchecked.
 *    Only when the extract's present pages add up to the "Memory:" line's
 *    K in the machine's pages.
 *  - "On node %d, zone %s: %lld pages in unavailable ranges" (6.1:6963,
 *    6.12 mm/mm_init.c:851) counts the holes' struct pages in present
 *    sections, from pfn 0 up to the end of the last section, one line per
 *    hole: each zone of a node with an Initmem line gets the sum of its
 *    lines (0 if none) as the expected "unavailable", when the
 *    architecture's SPARSEMEM section size is known (import_machine.c),
 *    which the machine then gets as its section_size, or it is x86_32's
 *    FLATMEM (the machine's flatmem).
 *
 * The expectations need the zones laid out: only a log with a "Memory:"
 * line (a memblock_free_all step) gets them, as the top-level expect, and
 * only if the scenario adds memory (a log that shows no memory map has
 * nothing to count pages of).
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"

#define TOTALS_MAX_NID	1023	/* MAX_NUMNODES is at most 1024 */

static const char *const zone_names[] = { "DMA", "DMA32", "Normal", "HighMem", "Movable", "Device" };

/* A number in @base (0: as C writes it); NULL if there is none. */
static const char *number(const char *p, int base, uint64_t *v)
{
	char *end;

	if (!isdigit((unsigned char)*p))
		return NULL;
	errno = 0;
	*v = strtoull(p, &end, base);
	return errno || end == p ? NULL : end;
}

/* "[mem A-B]"; NULL if not there or cut. */
static const char *mem_range(const char *p, uint64_t *a, uint64_t *b)
{
	if (!imp_starts(p, "[mem ") || !(p = number(p + 5, 16, a)) || *p != '-' ||
	    !(p = number(p + 1, 16, b)) || *p != ']')
		return NULL;
	return p + 1;
}

static enum imp_kind cut(struct imp_line *out, const char *why)
{
	out->kind = IMP_UNUSABLE;
	out->why = why;
	out->incomplete = true;		/* the rest may be on the next line */
	return out->kind;
}

static int zone_name(const char *p, size_t *len)
{
	size_t i, n = 0;

	while (isalnum((unsigned char)p[n]))
		n++;
	for (i = 0; i < sizeof(zone_names) / sizeof(zone_names[0]); i++)
		if (strlen(zone_names[i]) == n && !strncmp(p, zone_names[i], n)) {
			*len = n;
			return (int)i;
		}
	return -1;
}

static bool at_end(const char *p)
{
	p = imp_skip_blanks(p);
	return !*p || *p == '\r' || *p == '\n';
}

/* "DMA      [mem A-B]", "DMA32    empty", "DMA zone: N pages, LIFO batch:B" */
static enum imp_kind zone_line(const char *p, struct imp_line *out)
{
	size_t n;
	uint64_t v;
	const char *q;

	if (zone_name(p, &n) < 0)
		return IMP_IGNORE;
	snprintf(out->name, sizeof(out->name), "%.*s", (int)n, p);
	if (imp_starts(p + n, " zone: ")) {
		q = number(p + n + 7, 10, &v);
		if (q && imp_starts(q, " pages in unavailabl"))
			return out->kind = IMP_UNAVAIL_OLD;	/* 5.11, 5.12 */
		if (!q || !imp_starts(q, " pages, LIFO batch:"))
			return IMP_IGNORE;
		out->cnt = v;
		return out->kind = IMP_ZONE_PAGES;
	}
	if (p[n] != ' ')
		return IMP_IGNORE;
	q = imp_skip_blanks(p + n);
	if (imp_starts(q, "empty") && at_end(q + 5))
		return out->kind = IMP_ZONE_RANGE;
	if (!imp_starts(q, "[mem"))
		return IMP_IGNORE;
	q = mem_range(q, &out->base, &out->end);
	if (!q)
		return cut(out, "expected a zone's '[mem 0x...-0x...]'");
	if (!at_end(q) || out->end < out->base)
		return IMP_IGNORE;
	out->usable = true;
	return out->kind = IMP_ZONE_RANGE;
}

/* "On node %d, zone %s: %lld pages in unavailable ranges" (init_unavailable_range) */
static enum imp_kind unavail_line(const char *p, struct imp_line *out)
{
	static const char tail[] = " pages in unavailable ranges";
	uint64_t v;
	size_t n;
	const char *c, *q = number(p + 8, 10, &v);

	if (!q || v > TOTALS_MAX_NID || !imp_starts(q, ", zone "))
		return IMP_IGNORE;
	out->nid = (int)v;
	out->has_nid = true;
	q += 7;
	if (zone_name(q, &n) < 0 || !imp_starts(q + n, ": "))
		return IMP_IGNORE;
	snprintf(out->name, sizeof(out->name), "%.*s", (int)n, q);
	c = q + n + 2;
	q = number(c, 10, &out->cnt);
	if (!q)
		return at_end(c) ? cut(out, "expected 'On node N, zone Z: K pages in unavailable ranges'") : IMP_IGNORE;
	if (imp_starts(q, tail) && at_end(q + strlen(tail)))
		return out->kind = IMP_UNAVAIL;
	/* wrapped by a mailer: the line ends inside the words */
	for (n = 0; q[n] && q[n] == tail[n]; n++)
		;
	return at_end(q + n) ? cut(out, "expected 'On node N, zone Z: K pages in unavailable ranges'") : IMP_IGNORE;
}

enum imp_kind imp_parse_totals(const char *p, struct imp_line *out)
{
	uint64_t v;
	size_t n;
	const char *q;

	if (imp_starts(p, "On node "))
		return unavail_line(p, out);
	if (imp_starts(p, "Zeroed struct page in unavailable") ||
	    (zone_name(p, &n) >= 0 && imp_starts(p + n, ": Zeroed struct page in unavailable")))
		return out->kind = IMP_UNAVAIL_OLD;	/* before 5.11 and 5.11-rc's per zone */
	if (imp_starts(p, "Initmem setup node ")) {
		q = number(p + 19, 10, &v);
		if (!q || v > TOTALS_MAX_NID)
			return IMP_IGNORE;
		out->nid = (int)v;
		out->has_nid = true;
		q = imp_skip_blanks(q);
		if (imp_starts(q, "as memoryless"))
			return out->kind = IMP_INITMEM;
		if (!(q = mem_range(q, &out->base, &out->end)))
			return cut(out, "expected 'Initmem setup node N [mem 0x...-0x...]'");
		if (out->end < out->base)
			return IMP_IGNORE;
		out->usable = true;
		return out->kind = IMP_INITMEM;
	}
	if (imp_starts(p, "Node ")) {
		q = number(p + 5, 10, &v);
		if (!q || v > TOTALS_MAX_NID)
			return IMP_IGNORE;
		out->nid = (int)v;
		out->has_nid = true;
		if (imp_starts(q, ", zone ")) {
			/* /proc/zoneinfo: "Node %d, zone %8s" (mm/vmstat.c zoneinfo_show_print) */
			q = imp_skip_blanks(q + 7);
			if (zone_name(q, &n) < 0 || !at_end(q + n))
				return IMP_IGNORE;
			snprintf(out->name, sizeof(out->name), "%.*s", (int)n, q);
			return out->kind = IMP_ZONEINFO_ZONE;
		}
		/* "  Node %d: %#018Lx" under "Movable zone start for each node" */
		if (!imp_starts(q, ": 0x") || !(q = number(q + 2, 16, &out->base)) || !at_end(q))
			return IMP_IGNORE;
		return out->kind = IMP_MOVABLE_START;
	}
	if (imp_starts(p, "spanned ") || imp_starts(p, "present ") || imp_starts(p, "managed ")) {
		/* /proc/zoneinfo: "\n        spanned  %lu" and the like */
		q = number(imp_skip_blanks(p + 8), 10, &out->cnt);
		if (!q || !at_end(q))
			return IMP_IGNORE;
		snprintf(out->name, sizeof(out->name), "%.7s", p);
		return out->kind = IMP_ZONEINFO_COUNT;
	}
	if (imp_starts(p, "Memory: ") && strstr(p, " available")) {
		uint64_t avail, phys;

		q = number(p + 8, 10, &avail);
		if (q && imp_starts(q, "K/") && (q = number(q + 2, 10, &phys)) && imp_starts(q, "K available")) {
			out->cnt = avail;
			out->size = phys;
			out->usable = true;
		}
		return out->kind = IMP_MEM_INIT;
	}
	return zone_line(p, out);
}

/* ---- the expectations ---- */

struct zone_bound {
	const char	*name;
	uint64_t	lo, hi;		/* pfns, hi exclusive */
	int		lineno;
};

#define MAX_ZONE_BOUNDS	6

/* The first "Zone ranges" block's non-empty zones but Device; their number. */
static int zone_bounds(const struct importer *im, struct zone_bound *zb, uint64_t page)
{
	int i, n = 0;

	for (i = 0; i < im->nr && im->recs[i].l.kind != IMP_ZONE_RANGE; i++)
		;
	for (; i < im->nr && im->recs[i].l.kind == IMP_ZONE_RANGE; i++) {
		const struct imp_line *l = &im->recs[i].l;
		size_t len;
		int z = zone_name(l->name, &len);

		if (!l->usable || z < 0 || !strcmp(l->name, "Device") || n == MAX_ZONE_BOUNDS)
			continue;
		zb[n].name = zone_names[z];
		zb[n].lo = l->base / page;
		zb[n].hi = l->end / page + 1;
		zb[n].lineno = im->recs[i].lineno;
		n++;
	}
	return n;
}

static void machine_zones(struct importer *im, const struct zone_bound *zb, int n, uint64_t page)
{
	int i;

	im->zones = cJSON_CreateArray();
	for (i = 0; i < n; i++) {
		cJSON *z = cJSON_CreateObject();

		cJSON_AddStringToObject(z, "name", zb[i].name);
		if (i + 1 < n)
			imp_put_hex(z, "end", zb[i].hi * page);
		cJSON_AddItemToArray(im->zones, z);
	}
}

/*
 * Whether the "LIFO batch" lines count pages of @page bytes: together they
 * are every populated zone's present pages, get_num_physpages(), which the
 * "Memory:" line prints in K.  A kernel of larger pages (arm64's 16K and
 * 64K, sparc64's 8K, ...) counts fewer: not checked then, and said why.
 */
static bool present_in_pages_of(struct importer *im, uint64_t page)
{
	uint64_t sum = 0, physpages_kb = 0;
	int i, mem_line = 0;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind == IMP_ZONE_PAGES)
			sum += l->cnt;
		else if (l->kind == IMP_MEM_INIT && l->usable && !mem_line) {
			physpages_kb = l->size;
			mem_line = im->recs[i].lineno;
		}
	}
	if (!sum)
		return false;
	if (sum * (page / 1024) == physpages_kb)
		return true;
	if (physpages_kb % sum == 0)
		imp_report(im, mem_line, "the zones' present pages are not checked: the kernel's pages are %" PRIu64 " bytes (%" PRIu64 "K of memory in %" PRIu64 " present pages), mbviz replays with %" PRIu64,
			   physpages_kb / sum * 1024, physpages_kb, sum, page);
	else
		imp_report(im, mem_line, "the zones' present pages are not checked: their sum, %" PRIu64 ", is not the \"Memory:\" line's %" PRIu64 "K in pages",
			   sum, physpages_kb);
	return false;
}

static bool has_kind(const struct importer *im, enum imp_kind k)
{
	int i;

	for (i = 0; i < im->nr; i++)
		if (im->recs[i].l.kind == k)
			return true;
	return false;
}

/*
 * Whether the "pages in unavailable ranges" lines become expectations: the
 * architecture's SPARSEMEM section size is known and the pages are the
 * kernel's (the "LIFO batch" lines, if any, add up); said why not.
 */
static bool unavail_usable(struct importer *im, uint64_t page, bool present)
{
	int i, line = 0;

	for (i = 0; i < im->nr && !line; i++)
		if (im->recs[i].l.kind == IMP_UNAVAIL)
			line = im->recs[i].lineno;
	if (!line)
		return false;
	im->unavail_said = true;
	if (has_kind(im, IMP_ZONE_PAGES) && !present) {
		imp_report(im, line, "the pages in unavailable ranges are not checked: the zones' present pages are not in mbviz's pages (above)");
		return false;
	}
	if (imp_flatmem(im))
		return im->flatmem = true;
	im->section_size = imp_section_size(im, page);
	if (!im->section_size) {
		imp_report(im, line, "the pages in unavailable ranges are not checked: they count struct pages of SPARSEMEM sections, and %s%s",
			   im->arch ? im->arch : "the architecture (not in the log)",
			   im->arch ? (strcmp(im->arch, "x86_32") ? " is FLATMEM by default, or its section size is not known to mbviz" : " with NUMA is SPARSEMEM, of sections PAE decides") : " decides their size");
		return false;
	}
	if (im->section_size / 1024 < page) {
		imp_report(im, line, "the pages in unavailable ranges are not checked: %s's %" PRIu64 "-byte sections are smaller than a MAX_ORDER block of %" PRIu64 "-byte pages, which mbviz's model needs",
			   im->arch, im->section_size, page);
		im->section_size = 0;
		return false;
	}
	return true;
}

/* The sum of node @nid's "zone @zone: K pages in unavailable ranges" lines; the first's line number. */
static uint64_t unavail_sum(const struct importer *im, int nid, const char *zone, int *first)
{
	uint64_t sum = 0;
	int i;

	*first = 0;
	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind == IMP_UNAVAIL && (im->numa ? l->nid : 0) == nid && !strcmp(l->name, zone)) {
			sum += l->cnt;
			if (!*first)
				*first = im->recs[i].lineno;
		}
	}
	return sum;
}

/* Each zone of node @nid [@start, @end): its span, and its present pages if the log says. */
static void node_zones(struct importer *im, cJSON *arr, const struct zone_bound *zb, int n,
		       int rec, uint64_t start, uint64_t end, bool present, bool unavail)
{
	const struct imp_line *node = &im->recs[rec].l;
	int i, k;

	for (i = 0; i < n; i++) {
		uint64_t s = start < zb[i].lo ? zb[i].lo : start > zb[i].hi ? zb[i].hi : start;
		uint64_t e = end < zb[i].lo ? zb[i].lo : end > zb[i].hi ? zb[i].hi : end;
		cJSON *o = cJSON_CreateObject();

		cJSON_AddNumberToObject(o, "nid", im->numa ? node->nid : 0);
		cJSON_AddStringToObject(o, "zone", zb[i].name);
		cJSON_AddNumberToObject(o, "spanned", (double)(e - s));
		/* this node's "DMA zone: N pages, LIFO batch" lines, before the next node's */
		for (k = rec + 1; present && k < im->nr && im->recs[k].l.kind != IMP_INITMEM; k++)
			if (im->recs[k].l.kind == IMP_ZONE_PAGES && !strcmp(im->recs[k].l.name, zb[i].name)) {
				cJSON_AddNumberToObject(o, "present", (double)im->recs[k].l.cnt);
				cJSON_AddNumberToObject(o, "x-present-log-line", im->recs[k].lineno);
				break;
			}
		if (unavail) {
			int first;

			cJSON_AddNumberToObject(o, "unavailable",
						(double)unavail_sum(im, im->numa ? node->nid : 0, zb[i].name, &first));
			if (first)
				cJSON_AddNumberToObject(o, "x-unavailable-log-line", first);
		}
		cJSON_AddNumberToObject(o, "x-log-line", im->recs[rec].lineno);
		cJSON_AddNumberToObject(o, "x-zone-log-line", zb[i].lineno);
		cJSON_AddItemToArray(arr, o);
	}
}

/* The scenario adds memory: without it, no count of pages can be met. */
static bool adds_memory(const struct importer *im)
{
	const cJSON *s;

	cJSON_ArrayForEach(s, im->steps) {
		const cJSON *op = cJSON_GetObjectItemCaseSensitive(s, "op");

		if (cJSON_IsString(op) && (!strcmp(op->valuestring, "memblock_add") ||
					   !strcmp(op->valuestring, "memblock_add_node")))
			return true;
	}
	return false;
}

/* An unavailable-range line of a node or zone no expectation has: said, not lost. */
static void unavail_unmatched(struct importer *im, const cJSON *arr)
{
	int i;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;
		const cJSON *it;
		bool found = false;

		if (l->kind != IMP_UNAVAIL)
			continue;
		cJSON_ArrayForEach(it, arr)
			found |= cJSON_GetObjectItemCaseSensitive(it, "nid")->valueint == (im->numa ? l->nid : 0) &&
				 !strcmp(cJSON_GetObjectItemCaseSensitive(it, "zone")->valuestring, l->name);
		if (!found)
			imp_report(im, im->recs[i].lineno, "node %d, zone %s: its pages in unavailable ranges are not checked: the log gives that zone no span (no \"Initmem setup\" line or no such zone in \"Zone ranges\")",
				   l->nid, l->name);
	}
}

/* The machine's zones; each zone of each node with memory as an expectation, or NULL. */
static cJSON *zones_expect(struct importer *im, uint64_t page, int *line)
{
	struct zone_bound zb[MAX_ZONE_BOUNDS];
	cJSON *arr;
	int i, n;
	bool present, unavail;

	n = zone_bounds(im, zb, page);
	if (!n)
		return NULL;
	if (has_kind(im, IMP_MOVABLE_START)) {
		imp_report(im, zb[0].lineno, "a ZONE_MOVABLE (\"Movable zone start\"): mbviz has none, so the zones are not expected");
		return NULL;
	}
	machine_zones(im, zb, n, page);
	if (!im->freed_all || !adds_memory(im))
		return NULL;		/* no memblock_free_all, or no memory: no zones to check */
	present = present_in_pages_of(im, page);
	unavail = unavail_usable(im, page, present);
	arr = cJSON_CreateArray();
	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind != IMP_INITMEM || !l->usable || (!im->numa && l->nid))
			continue;
		node_zones(im, arr, zb, n, i, l->base / page, l->end / page + 1, present, unavail);
		*line = im->recs[i].lineno;
	}
	if (unavail)
		unavail_unmatched(im, arr);
	if (!cJSON_GetArraySize(arr)) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

/* ---- /proc/zoneinfo extracts ---- */

struct zi_zone {
	int		nid, lineno;
	char		name[48];
	uint64_t	spanned, present, managed;
	bool		has_spanned, has_present;
};

/* The zone blocks of the log's /proc/zoneinfo extracts, in order; their number. */
static int zoneinfo_zones(const struct importer *im, struct zi_zone **out)
{
	struct zi_zone *z = NULL;
	int i, n = 0;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind == IMP_ZONEINFO_ZONE) {
			z = realloc(*out, (size_t)(n + 1) * sizeof(**out));
			if (!z)
				break;
			*out = z;
			memset(&z[n], 0, sizeof(z[n]));
			z[n].nid = l->nid;
			z[n].lineno = im->recs[i].lineno;
			snprintf(z[n].name, sizeof(z[n].name), "%s", l->name);
			n++;
		} else if (l->kind == IMP_ZONEINFO_COUNT && n) {
			struct zi_zone *c = &(*out)[n - 1];

			if (!strcmp(l->name, "spanned"))
				c->spanned = l->cnt, c->has_spanned = true;
			else if (!strcmp(l->name, "present"))
				c->present = l->cnt, c->has_present = true;
			else
				c->managed = l->cnt;
		}
	}
	return n;
}

static bool machine_has_zone(const struct importer *im, const char *name)
{
	static const char *const defaults[] = { "DMA", "DMA32", "Normal" };
	const cJSON *z;
	size_t i;

	if (!im->zones) {
		for (i = 0; i < sizeof(defaults) / sizeof(defaults[0]); i++)
			if (!strcmp(defaults[i], name))
				return true;
		return false;
	}
	cJSON_ArrayForEach(z, im->zones)
		if (!strcmp(cJSON_GetObjectItemCaseSensitive(z, "name")->valuestring, name))
			return true;
	return false;
}

/* Whether the extract's pages are the machine's: its present pages are the Memory: line's K. */
static bool zoneinfo_usable(struct importer *im, const struct zi_zone *z, int n, uint64_t page)
{
	uint64_t sum = 0, kb = 0;
	int i, line = z[0].lineno;

	for (i = 0; i < n; i++) {
		if (!strcmp(z[i].name, "Movable") && z[i].spanned) {
			imp_report(im, z[i].lineno, "a /proc/zoneinfo extract with a ZONE_MOVABLE: mbviz has none, so its zones are not expected");
			return false;
		}
		sum += z[i].present;
	}
	for (i = 0; i < im->nr; i++)
		if (im->recs[i].l.kind == IMP_MEM_INIT && im->recs[i].l.usable) {
			kb = im->recs[i].l.size;
			break;
		}
	if (sum && sum * (page / 1024) == kb)
		return true;
	imp_report(im, line, "a /proc/zoneinfo extract whose present pages (%" PRIu64 ") are not the \"Memory:\" line's %" PRIu64 "K in %" PRIu64 "-byte pages: its zones are not expected",
		   sum, kb, page);
	return false;
}

/* The extract's zones into @arr (made if NULL): each one's spanned and present pages. */
static cJSON *zoneinfo_expect(struct importer *im, cJSON *arr, uint64_t page)
{
	struct zi_zone *z = NULL;
	int i, n = zoneinfo_zones(im, &z);

	if (!n || !im->freed_all || !adds_memory(im) || !zoneinfo_usable(im, z, n, page)) {
		free(z);
		return arr;
	}
	if (!arr)
		arr = cJSON_CreateArray();
	for (i = 0; i < n; i++) {
		cJSON *o = NULL, *it;

		if (!machine_has_zone(im, z[i].name) || (!im->numa && z[i].nid))
			continue;
		/* the same zone from the boot's own lines: one item, the extract adds to it */
		cJSON_ArrayForEach(it, arr)
			if (cJSON_GetObjectItemCaseSensitive(it, "nid")->valueint == (im->numa ? z[i].nid : 0) &&
			    !strcmp(cJSON_GetObjectItemCaseSensitive(it, "zone")->valuestring, z[i].name))
				o = it;
		if (!o) {
			o = cJSON_CreateObject();
			cJSON_AddNumberToObject(o, "nid", im->numa ? z[i].nid : 0);
			cJSON_AddStringToObject(o, "zone", z[i].name);
			cJSON_AddItemToArray(arr, o);
		}
		if (z[i].has_spanned && !cJSON_GetObjectItemCaseSensitive(o, "spanned"))
			cJSON_AddNumberToObject(o, "spanned", (double)z[i].spanned);
		if (z[i].has_present && !cJSON_GetObjectItemCaseSensitive(o, "present"))
			cJSON_AddNumberToObject(o, "present", (double)z[i].present);
		cJSON_AddNumberToObject(o, "x-managed-now", (double)z[i].managed);
		cJSON_AddNumberToObject(o, "x-zoneinfo-log-line", z[i].lineno);
	}
	free(z);
	if (!cJSON_GetArraySize(arr)) {
		cJSON_Delete(arr);
		return NULL;
	}
	return arr;
}

/* Unavailable-range lines no expectation checks, and why (once). */
static void unavail_notes(struct importer *im)
{
	int i;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind == IMP_UNAVAIL_OLD) {
			imp_report(im, im->recs[i].lineno, "the pages in unavailable ranges are not checked: this is how kernels before 5.12 printed them (init_unavailable_mem() for the whole machine before 5.11, a per-zone count in 5.11), which counted other holes than memmap_init() of 6.1 and 6.12, mbviz's profiles");
			return;
		}
		if (l->kind == IMP_UNAVAIL && !im->unavail_said) {
			imp_report(im, im->recs[i].lineno, "the pages in unavailable ranges are not checked: no zone is expected (%s)",
				   has_kind(im, IMP_MOVABLE_START) ? "a ZONE_MOVABLE" :
				   !im->freed_all ? "no \"Memory:\" line" :
				   !adds_memory(im) ? "no memory map" : "no \"Zone ranges\" or \"Initmem setup\" lines");
			return;
		}
	}
}

void imp_totals(struct importer *im)
{
	/* the machine's PAGE_SIZE, as import_fwmap.c chose it (4K when the log does not say) */
	uint64_t page = im->fw.page_size ? im->fw.page_size : 4096;
	cJSON *ex = cJSON_CreateObject(), *zones;
	int i, line = 0;

	zones = zoneinfo_expect(im, zones_expect(im, page, &line), page);
	unavail_notes(im);
	if (zones)
		cJSON_AddItemToObject(ex, "zones", zones);
	/* the "Memory:" line's second figure: K of present pages, in the machine's pages */
	for (i = 0; im->freed_all && adds_memory(im) && i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind != IMP_MEM_INIT)
			continue;
		if (l->usable && (l->size * 1024) % page == 0) {
			cJSON_AddNumberToObject(ex, "physpages", (double)(l->size * 1024 / page));
			cJSON_AddNumberToObject(ex, "x-physpages-log-line", im->recs[i].lineno);
			line = im->recs[i].lineno;
		}
		break;
	}
	if (!ex->child) {
		cJSON_Delete(ex);
		return;
	}
	imp_pending_merge(im, ex, line);
}
