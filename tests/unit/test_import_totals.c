// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The zone and node lines mbviz import reads for the kernel's totals
 * (mm/page_alloc.c 6.1: "Zone ranges", "Movable zone start", "Initmem
 * setup node", zone_pcp_init's "LIFO batch", mem_init_print_info's
 * "Memory:", memmap_init's "pages in unavailable ranges" and the older
 * kernels' forms of it), and the look-alikes it leaves alone.
 */
#include <string.h>

#include "import/import.h"
#include "tap.h"

static struct imp_line l;

static enum imp_kind parse(const char *s)
{
	return import_parse_line(s, &l);
}

int main(void)
{
	is_int(parse("[    0.000000]   DMA32    [mem 0x0000000001000000-0x00000000ffffffff]"), IMP_ZONE_RANGE, "a zone's range");
	is_str(l.name, "DMA32", "its name");
	is_u64(l.base, 0x1000000, "its start");
	is_u64(l.end, 0xffffffff, "its end, as printed");
	ok(l.usable, "not empty");
	is_int(parse("[    0.000000]   Device   empty"), IMP_ZONE_RANGE, "an empty zone");
	ok(!l.usable, "is empty");
	is_int(parse("[    0.000000]   Normal   [mem 0x0000000100000000-"), IMP_UNUSABLE, "a cut zone line");
	ok(l.incomplete, "may go on on the next line");
	is_int(parse("[    0.000000]   Node 1: 0x0000000140000000"), IMP_MOVABLE_START, "a ZONE_MOVABLE's start");
	is_int(l.nid, 1, "its node");
	is_u64(l.base, 0x140000000, "its start");
	is_int(parse("[    0.000000] Initmem setup node 3 [mem 0x0000000100000000-0x000000017fffffff]"), IMP_INITMEM, "a node's span");
	is_int(l.nid, 3, "its node");
	is_u64(l.end, 0x17fffffff, "its end");
	ok(l.usable, "has memory");
	is_int(parse("[    0.000000] Initmem setup node 2 as memoryless"), IMP_INITMEM, "a memoryless node");
	ok(!l.usable, "has none");
	is_int(parse("[    0.000000]   DMA zone: 3998 pages, LIFO batch:0"), IMP_ZONE_PAGES, "a zone's present pages");
	is_u64(l.cnt, 3998, "their number");
	is_str(l.name, "DMA", "its zone");
	is_int(parse("[    0.000000]   DMA zone: 64 pages used for memmap"), IMP_IGNORE, "the memmap's pages: not read");
	is_int(parse("[    0.000000] Memory: 1990000K/2096000K available (12288K kernel code, 106000K reserved, 0K cma-reserved)"),
	       IMP_MEM_INIT, "the Memory: line");
	is_u64(l.cnt, 1990000, "its first figure");
	is_u64(l.size, 2096000, "its second");
	ok(l.usable, "both read");
	is_int(parse("[    0.000000] On node 2, zone DMA32: 19527 pages in unavailable ranges"), IMP_UNAVAIL, "a zone's pages in unavailable ranges");
	is_int(l.nid, 2, "its node");
	is_str(l.name, "DMA32", "its zone");
	is_u64(l.cnt, 19527, "their number");
	is_int(parse("[    0.000000] On node 0, zone DMA: 28672 pages in unavailable"), IMP_UNUSABLE, "one cut inside its words");
	ok(l.incomplete, "may go on on the next line");
	is_int(parse("[    0.000000] On node 0, zone DMA: 1 pages in unavailable ranges!"), IMP_IGNORE, "more after it: not one");
	is_int(parse("[    0.000000] On node 0, zone Foo: 1 pages in unavailable ranges"), IMP_IGNORE, "not a zone's name");
	is_int(parse("[    0.000000] On node 0, zone DMA: 1 pages in other ranges"), IMP_IGNORE, "other words: not one");
	is_int(parse("[    0.000000] Zeroed struct page in unavailable ranges: 1352 pages"), IMP_UNAVAIL_OLD, "the form before 5.11");
	is_int(parse("[    0.022281] DMA32: Zeroed struct page in unavailable ranges: 32"), IMP_UNAVAIL_OLD, "5.11-rc's, per zone");
	is_int(parse("[    0.017765]   DMA zone: 98 pages in unavailable ranges"), IMP_UNAVAIL_OLD, "5.11's");
	is_int(parse("[    0.000000]   Movable  [mem 0x0000000100000000-0x000000017fffffff] extra"), IMP_IGNORE, "a zone line with more after it");
	is_int(parse("[    0.000000]   Foo      [mem 0x0000000100000000-0x000000017fffffff]"), IMP_IGNORE, "not a zone's name");
	is_int(parse("Node 1, zone    DMA32"), IMP_ZONEINFO_ZONE, "a /proc/zoneinfo zone");
	is_int(l.nid, 1, "its node");
	is_str(l.name, "DMA32", "its name");
	is_int(parse("        present  520160"), IMP_ZONEINFO_COUNT, "a /proc/zoneinfo count");
	is_str(l.name, "present", "its field");
	is_u64(l.cnt, 520160, "its value");
	is_int(parse("        present  520160 pages"), IMP_IGNORE, "more after the number: not one");
	is_int(parse("Node 1, zone    Foo"), IMP_IGNORE, "not a zone's name");
	return done_testing();
}
