// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The renderer's pages band, zone lines, header and legend after the
 * hand-over to the page allocator, on hand-built states.  As in
 * test_render.c, every expected picture was worked out on paper from the
 * rules in render.h, not copied from output.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/machine.h"
#include "core/state.h"
#include "render/render.h"
#include "render_test.h"
#include "tap.h"

/* Page fates after memblock_free_all: one lost page among free ones is visible. */
static void test_pages(void)
{
	struct mb_region mem[] = { { 0, 64 * MiB, 0, 0 } };
	struct mb_page_range pages[] = {
		{ 0, 0x1000, PF_RESERVED, 0 },
		{ 0x1000, 0x3000, PF_FREE_ALL, 0 },
		{ 0x3000, 0x3001, PF_LOST, 0 },
		{ 0x3001, 0x4000, PF_DEFERRED, 0 },
	};
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	char *want;

	state_set(&st, mem, 1, NULL, 0);
	st.freed_all = true;
	st.nr_pages = 4;
	st.pages = pages;
	/* 64 MiB in 64 band columns: 1 MiB each (at 80 it would be 960 KiB). */
	draw(&p, &in, 73, SCALE_LINEAR);
	/* 1 MiB per column: 16 R, 32 B, the lost page 'x' in column 48, 15 D. */
	want = malloc(80);
	snprintf(want, 80, "%.16s%.32sx%.15s", "PPPPPPPPPPPPPPPP", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB",
		 "WWWWWWWWWWWWWWW");
	is_band(&p, RL_BAND_PAGES, want, "pages band: reserved, buddy, one lost page, deferred");
	free(want);
	undraw(&p);
}

/*
 * After memblock_free_all on two NUMA nodes: every fate of a page in the
 * pages band, the zone lines below the tables, and the legend.  Node 0 is
 * [0, 1G) (widened to 0 by the reserved first megabyte), node 1 [4G, 5G);
 * both are 1 GiB; at 73 columns (64 band columns, where 15 MiB would
 * need 69) that is 16 MiB per column, 64 columns.
 */
static struct mb_region pg_mem[] = {
	{ 0x1000, 0x9e000, 0, 0 }, { MiB, GiB - MiB, 0, 0 }, { 4 * GiB, GiB, 0, 1 },
};
static struct mb_region pg_rsv[] = {
	{ 0, MiB, 0, 0 }, { 16 * MiB, 32 * MiB, 0, 0 }, { 5 * GiB - 4 * MiB, 4 * MiB, 0, 1 },
};
static struct mb_page_range pg_pages[] = {
	{ 0x1, 0x9f, PF_RESERVED, 0 },		/* the first megabyte's memory */
	{ 0x100, 0x1000, PF_FREE_ALL, 0 },
	{ 0x1000, 0x3000, PF_RESERVED, 0 },	/* the kernel */
	{ 0x3000, 0x3001, PF_LOST, 0 },		/* one page at 48M */
	{ 0x3001, 0x20000, PF_FREE_ALL, 0 },
	{ 0x20000, 0x20010, PF_FREED_LATE, 0 },	/* 64K at 512M */
	{ 0x20010, 0x40000, PF_FREE_ALL, 0 },
	{ 0x100000, 0x100400, PF_FREE_ALL, 1 },	/* 4M before the first deferred pfn */
	{ 0x100400, 0x13fc00, PF_DEFERRED, 1 },
	{ 0x13fc00, 0x140000, PF_RESERVED, 1 },
};
static struct mb_zone pg_zones[] = {
	/* Out of order: the renderer sorts them by node and zone. */
	{ 1, 2, NULL, 0x100000, 0x40000, 0x40000, 0x400, 0 },
	{ 0, 1, NULL, 0x1000, 0x3f000, 0x3f000, 0x3cfff, 0 },
	{ 0, 0, NULL, 0x1, 0xfff, 0xf9e, 0xf00, 0 },
};
static struct mb_node pg_nodes[] = {
	{ 0, 0x1, 0x40000, UINT64_MAX },
	{ 1, 0x100000, 0x140000, 0x100400 },
};

static void pages_state(struct mb_state *st, struct machine *m)
{
	*m = mach;
	m->numa = true;
	m->max_numnodes = 4;
	state_set(st, pg_mem, 3, pg_rsv, 3);
	st->freed_all = true;
	st->nr_pages = (int)(sizeof(pg_pages) / sizeof(pg_pages[0]));
	st->pages = pg_pages;
	st->nr_zones = 3;
	st->zones = pg_zones;
	st->nr_nodes = 2;
	st->nodes = pg_nodes;
	st->totalram_pages = 0xf00 + 0x3cfff + 0x400;
	st->lost_pages = 1;
}

/* The pages bands of both nodes, and from a column back to its page ranges. */
static void test_pages_bands(void)
{
	struct render_map p_map;
	struct mb_state st;
	struct machine m;
	struct frame in = { .m = &m, .st = &st };
	struct render_opts o;
	struct canvas cv;
	char *want;
	int i;

	pages_state(&st, &m);
	render_opts_init(&o);
	o.width = 73;
	canvas_init(&cv);
	render_snapshot(&cv, &in, &o);

	/*
	 * Node 0, column 0 [0, 16M): the reserved pages of [0x1000, 0x9f000)
	 * and the buddy pages of [1M, 16M) both live there: '2'.  Columns 1-2
	 * the kernel; column 3 the lost page, whose neighbour moves on; column
	 * 32 the 64 KiB freed late, small.
	 */
	want = malloc(80);
	snprintf(want, 80, "2PPx%.28sl%.31s", "BBBBBBBBBBBBBBBBBBBBBBBBBBBB",
		 "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB");
	is_line(&cv, RL_BAND_PAGES, 0, RENDER_MARGIN, want,
		"node 0 pages: shared column, reserved, lost, buddy, freed late");
	i = find_line(&cv, RL_BAND_PAGES, 0);
	ok(i >= 0 && cv.lines[i].cells[RENDER_MARGIN + 3].style == ST_PAGES_LOST &&
	   render_style_color(ST_PAGES_LOST)->reverse,
	   "the lost page is drawn in the reversed lost style");
	ok(i >= 0 && cv.lines[i].cells[RENDER_MARGIN + 32].style == ST_PAGES_BUDDY &&
	   (cv.lines[i].cells[RENDER_MARGIN + 32].flags & RCELL_SMALL),
	   "the pages freed late are buddy pages, flagged small");
	ok(i >= 0 && cv.lines[i].nid == 0 && cv.lines[i].cells[0].ch == 'p',
	   "the band is labelled and belongs to node 0");
	/* Node 1: 4M of buddy pages small in column 0, deferred, the reserved top 4M. */
	snprintf(want, 80, "b%.62sp", "WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW");
	is_line(&cv, RL_BAND_PAGES, 1, RENDER_MARGIN, want,
		"node 1 pages: buddy below first_deferred_pfn, deferred, reserved");
	i = find_line(&cv, RL_BAND_PAGES, 1);
	ok(i >= 0 && cv.lines[i].nid == 1, "the second pages band is node 1's");
	ok(i >= 0 && cv.lines[i].cells[RENDER_MARGIN + 1].style == ST_PAGES_DEFERRED,
	   "deferred pages have their own style");
	snprintf(want, 80, ":%.63s", "###############################################################");
	is_line(&cv, RL_BAND_MEMORY, 0, RENDER_MARGIN, want, "node 0 memory under the pages");
	is_line(&cv, RL_BAND_RESERVED, 0, RENDER_MARGIN,
		"rRR-------------------------------------------------------------",
		"node 0 reserved: the first megabyte and the kernel");
	free(want);

	/* From a column back to the page ranges under it. */
	{
		struct render_node *nodes;
		struct render_hit hit;
		struct canvas bands;
		int nn = render_nodes(&in, &nodes);

		canvas_init(&bands);
		render_bands(&bands, &p_map, &in, &o, &nodes[0], 0, 0);
		ok(nn == 2 && render_map_hit(&p_map, &in, 3, &hit) && hit.page_first == 3 &&
		   hit.page_count == 2 && hit.mem_first == 1 && hit.rsv_first == -1,
		   "column 3 of node 0 holds the lost page and the buddy pages after it");
		ok(render_map_hit(&p_map, &in, 0, &hit) && hit.page_first == 0 && hit.page_count == 2,
		   "column 0 holds two page ranges");
		render_map_free(&p_map);
		render_bands(&bands, &p_map, &in, &o, &nodes[1], 0, 0);
		ok(render_map_hit(&p_map, &in, 63, &hit) && hit.page_first == 8 && hit.page_count == 2,
		   "node 1's last column: deferred and reserved pages, no node 0 range");
		render_map_free(&p_map);
		canvas_free(&bands);
		free(nodes);
	}
	canvas_free(&cv);
}

/* The same state's text: zone and node lines, the lost pages, the legend. */
static void test_pages_text(void)
{
	struct mb_state st;
	struct machine m;
	struct frame in = { .m = &m, .st = &st };
	struct render_opts o;
	struct canvas cv;
	char *text;
	int i, c;

	pages_state(&st, &m);
	render_opts_init(&o);
	canvas_init(&cv);
	render_snapshot(&cv, &in, &o);

	/* Zones, after the tables: sorted by node, then zone. */
	is_line(&cv, RL_TABLE_HEAD, 2, 0,
		"zones: totalram_pages 254719 (995.0 MiB), lost_pages 1 (4 KiB)",
		"zones heading: totalram_pages and lost_pages, in pages and bytes");
	is_line(&cv, RL_ZONE, 0, 0, "  node 0 DMA     spanned 4095, present 3998, managed 3840",
		"zone line: node 0 DMA");
	is_line(&cv, RL_ZONE, 1, 0, "  node 0 DMA32   spanned 258048, present 258048, managed 249855",
		"zone line: node 0 DMA32");
	is_line(&cv, RL_ZONE, 2, 0, "  node 1 Normal  spanned 262144, present 262144, managed 1024",
		"zone line: node 1 Normal");
	i = find_line(&cv, RL_ZONE, 2);
	ok(i >= 0 && cv.lines[i].nid == 1 && cv.lines[i].index == 0,
	   "zone line tagged with its node and its index in st->zones");
	ok(find_line(&cv, RL_ZONE, 3) < 0, "three zones, three lines");
	ok(grep_line(&cv, RL_TEXT, "node 1 pfn 0x100000-0x140000, first_deferred_pfn 0x100400") >= 0,
	   "node line with its first deferred pfn");
	ok(grep_line(&cv, RL_TEXT, "node 0 pfn 0x1-0x40000") >= 0 &&
	   grep_line(&cv, RL_TEXT, "node 0 pfn 0x1-0x40000, first") < 0,
	   "node 0 defers nothing: no first_deferred_pfn");

	/* The header names the lost pages, whatever the width of the bands. */
	is_line(&cv, RL_TEXT, 1, 0,
		"  lost: 1 page (4 KiB) never reached the buddy allocator: 0x3000000-0x3000fff",
		"header: the lost page, where it is");
	i = find_line(&cv, RL_TEXT, 1);
	ok(i >= 0 && cv.lines[i].cells[2].style == ST_PAGES_LOST, "header: 'lost' in the lost style");

	/* The legend explains every page mark. */
	i = grep_line(&cv, RL_LEGEND, "pages    B freed to buddy");
	ok(i >= 0, "legend: a pages row");
	for (c = 0; c < 7; c++) {
		static const char *const marks[] = {
			"B freed to buddy", "I freed by deferred init", "L freed by memblock_free_late",
			"P PageReserved: kept by the kernel", "W waiting: deferred, struct pages not",
			"X lost: never reached buddy", "A above max_low_pfn",
		};
		text = canvas_text(&cv, false, NULL);
		ok(strstr(text, marks[c]) != NULL, "legend explains '%.1s'", marks[c]);
		free(text);
	}
	canvas_free(&cv);

	/* Before memblock_free_all: no pages band, no zones, no pages legend. */
	st.freed_all = false;
	canvas_init(&cv);
	render_snapshot(&cv, &in, &o);
	ok(find_line(&cv, RL_BAND_PAGES, 0) < 0 && find_line(&cv, RL_ZONE, 0) < 0 &&
	   grep_line(&cv, RL_LEGEND, "pages") < 0 && grep_line(&cv, RL_TEXT, "lost") < 0,
	   "before free_all: no pages band, zone lines, lost line or pages legend");
	canvas_free(&cv);
}

/* After deferred init and a late free: I and L marks, and "deferred init done". */
static void test_pages_late(void)
{
	struct mb_region mem[] = { { 0, 64 * MiB, 0, 0 } };
	struct mb_page_range pages[] = {
		{ 0, 0x1000, PF_FREE_ALL, 0 },
		{ 0x1000, 0x2000, PF_DEFERRED_INIT, 0 },
		{ 0x2000, 0x3000, PF_FREED_LATE, 0 },
		{ 0x3000, 0x3800, PF_ABOVE_LOW, 0 },
		{ 0x3800, 0x3801, PF_RESERVED, 0 },
		{ 0x3801, 0x3802, PF_LOST, 0 },
		{ 0x3802, 0x4000, PF_ABOVE_LOW, 0 },
	};
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct render_opts o;
	struct canvas cv;
	char *want = malloc(80);

	state_set(&st, mem, 1, NULL, 0);
	st.freed_all = st.deferred_done = true;
	st.nr_pages = 7;
	st.pages = pages;
	st.totalram_pages = 0x3000;
	st.lost_pages = 1;
	render_opts_init(&o);
	o.width = 73;
	canvas_init(&cv);
	render_snapshot(&cv, &in, &o);
	/*
	 * 1 MiB per column.  Column 56 [56M, 57M) holds a reserved page and
	 * a lost one: the lost page shows, not a count of 2.
	 */
	snprintf(want, 80, "%.16s%.16s%.16s%.8sx%.7s", "BBBBBBBBBBBBBBBB", "IIIIIIIIIIIIIIII",
		 "LLLLLLLLLLLLLLLL", "AAAAAAAA", "AAAAAAA");
	is_line(&cv, RL_BAND_PAGES, 0, RENDER_MARGIN, want,
		"buddy, deferred init, freed late, above max_low_pfn; a lost page wins its column");
	/* The heading at 80 columns, where it fits on one line. */
	canvas_free(&cv);
	canvas_init(&cv);
	o.width = 80;
	render_snapshot(&cv, &in, &o);
	is_line(&cv, RL_TABLE_HEAD, 2, 0,
		"zones: totalram_pages 12288 (48 MiB), lost_pages 1 (4 KiB), deferred init done",
		"zones heading says deferred init is done");
	canvas_free(&cv);
	free(want);
}

/*
 * page_alloc_init_late after a late free into a deferred range: the pages
 * band shows the new fates, its change line marks every frame whose fate
 * changed, and the header says how.
 */
static void test_pages_change(void)
{
	struct mb_region mem[] = { { 0, 64 * MiB, 0, 0 } };
	struct mb_page_range before[] = {
		{ 0, 0x1000, PF_FREE_ALL, 0 },
		{ 0x1000, 0x4000, PF_DEFERRED, 0 },
	};
	struct mb_page_range after[] = {
		{ 0, 0x1000, PF_FREE_ALL, 0 },
		{ 0x1000, 0x2000, PF_DEFERRED_INIT, 0 },
		{ 0x2000, 0x2100, PF_LOST, 0 },
		{ 0x2100, 0x4000, PF_DEFERRED_INIT, 0 },
	};
	struct mb_state prev, st;
	struct frame in = { .m = &mach, .st = &st, .prev = &prev, .step = 1 };
	struct render_opts o;
	struct canvas cv;
	char *want = malloc(80), *text;

	state_set(&prev, mem, 1, NULL, 0);
	prev.freed_all = true;
	prev.nr_pages = 2;
	prev.pages = before;
	state_set(&st, mem, 1, NULL, 0);
	st.freed_all = st.deferred_done = true;
	st.nr_pages = 4;
	st.pages = after;
	render_opts_init(&o);
	o.width = 73;
	canvas_init(&cv);
	render_snapshot(&cv, &in, &o);
	/* 1 MiB per column at 73 columns. */
	snprintf(want, 80, "%.16s%.16sX%.31s", "BBBBBBBBBBBBBBBB", "IIIIIIIIIIIIIIII",
		 "IIIIIIIIIIIIIIIIIIIIIIIIIIIIIII");
	is_line(&cv, RL_BAND_PAGES, 0, RENDER_MARGIN, want, "pages after deferred init: a lost MiB");
	snprintf(want, 80, "%16s%.48s", "", "~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~");
	is_line(&cv, RL_DELTA_PAGES, 0, RENDER_MARGIN, want,
		"pages change line: every frame that left the deferred state");
	ok(find_line(&cv, RL_DELTA_PAGES, 0) == find_line(&cv, RL_BAND_PAGES, 0) + 1,
	   "the change line is right under the pages band");
	canvas_free(&cv);

	o.width = 200;
	canvas_init(&cv);
	render_header(&cv, &in, &o);
	text = canvas_text(&cv, false, NULL);
	ok(strstr(text, "  changes: pages: 12032 deferred -> freed by deferred init (47 MiB) at "
		   "0x1000000-0x1ffffff and 0x2100000-0x3ffffff, 256 deferred -> lost (1 MiB) at "
		   "0x2000000-0x20fffff\n") != NULL,
	   "header: the page fates that changed, by kind, with their ranges");
	ok(strstr(text, "  lost: 256 pages (1 MiB) never reached the buddy allocator: "
		   "0x2000000-0x20fffff\n") != NULL, "header: the lost pages");
	free(text);
	canvas_free(&cv);

	/* The step that ran memblock_free_all: where the pages went. */
	prev.freed_all = false;
	canvas_init(&cv);
	render_snapshot(&cv, &in, &o);
	text = canvas_text(&cv, false, NULL);
	ok(strstr(text, "  changes: pages: 4096 to buddy (16 MiB), 12032 freed by deferred init "
		   "(47 MiB), 256 lost (1 MiB)\n") != NULL,
	   "header of the hand-over: how many pages went where");
	ok(find_line(&cv, RL_DELTA_PAGES, 0) < 0, "no pages change line on the hand-over itself");
	free(text);
	canvas_free(&cv);
	free(want);
}

int main(void)
{
	machine_init_default(&mach);
	test_pages();
	test_pages_bands();
	test_pages_text();
	test_pages_late();
	test_pages_change();
	return done_testing();
}
