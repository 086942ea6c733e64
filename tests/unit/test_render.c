// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The renderer on hand-built states.  Every expected picture below was
 * worked out on paper from the rules in render.h and render_axis.c /
 * render_band.c (bytes per column m * 2^k with m below 16, the smallest
 * that fits, the first column at the start rounded down to 2^k;
 * homes for regions; holes one column in compact), not copied from output.
 * The page fates have a file of their own: test_render_pages.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/machine.h"
#include "core/ops.h"
#include "core/state.h"
#include "render/render.h"
#include "render_test.h"
#include "tap.h"

/*
 * 2 GiB of memory at 80 columns: 71 band columns, 30 MiB each, 69 used
 * (28 MiB would need 74).
 */
static void test_linear_scale(void)
{
	struct mb_region mem[] = { { 0, 2 * GiB, 0, 0 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	struct render_hit hit;
	char *want;

	state_set(&st, mem, 1, NULL, 0);
	draw(&p, &in, 80, SCALE_LINEAR);
	is_u64(p.map.bpc, 30 * MiB, "linear: 2 GiB in 71 columns is 30 MiB per column");
	is_int(p.map.ncols, 69, "linear: 69 columns used");
	is_int(render_map_col(&p.map, 0x40000000), 34, "1 GiB is in column 34 [1020M, 1050M)");
	is_int(render_map_col(&p.map, 2 * GiB - 1), 68, "the last byte is in column 68");
	is_int(render_map_col(&p.map, 69 * 30 * MiB), -1, "past the last column (2070 MiB): none");
	ok(render_map_hit(&p.map, &in, 34, &hit) && hit.start == 0x3fc00000 &&
	   hit.end == 0x41a00000 && hit.mem_first == 0 && hit.mem_count == 1 &&
	   hit.rsv_first == -1, "column 34 covers [1020 MiB, 1050 MiB) of region 0");
	ok(!render_map_hit(&p.map, &in, 69, &hit), "no hit past the last column");
	want = repeat('#', 69, "");
	is_band(&p, RL_BAND_MEMORY, want, "memory band: 69 columns of memory");
	free(want);
	undraw(&p);
}

/*
 * Ticks every 16 columns (labels are 10 wide), where the address is a
 * multiple of 16 times 2 MiB (30 MiB's power-of-two part): 480 MiB apart.
 * The one at column 64 has no room for its label (64 + 10 > 71).
 */
static void test_ruler(void)
{
	struct mb_region mem[] = { { 0, 2 * GiB, 0, 0 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	char *got;

	state_set(&st, mem, 1, NULL, 0);
	draw(&p, &in, 80, SCALE_LINEAR);
	got = line_str(&p.cv, find_line(&p.cv, RL_RULER_LABELS, 0), RENDER_MARGIN);
	is_str(got, "0x0             0x1e000000      0x3c000000      0x5a000000",
	       "ruler labels at 0, 480M, 960M, 1440M");
	free(got);
	got = line_str(&p.cv, find_line(&p.cv, RL_RULER, 0), RENDER_MARGIN);
	is_str(got, "+---------------+---------------+---------------+--------------------",
	       "ticks under the labels");
	free(got);
	undraw(&p);
}

/*
 * The same 2 GiB at 4 GiB: the same scale (4 GiB is a multiple of 2 MiB,
 * so 30 MiB columns start right there), and round labels from 4 GiB on.
 */
static void test_equal_nodes(void)
{
	struct mb_region mem[] = { { 4 * GiB, 2 * GiB, 0, 0 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	char *got;

	state_set(&st, mem, 1, NULL, 0);
	draw(&p, &in, 80, SCALE_LINEAR);
	is_u64(p.map.bpc, 30 * MiB, "2 GiB at 4 GiB: 30 MiB per column too");
	is_u64(p.map.col_addr[0], 4 * GiB, "the first column starts at 4 GiB");
	got = line_str(&p.cv, find_line(&p.cv, RL_RULER_LABELS, 0), RENDER_MARGIN);
	is_str(got, "0x100000000     0x11e000000     0x13c000000     0x15a000000",
	       "ruler labels from 4 GiB, 480M apart");
	free(got);
	undraw(&p);
}

/*
 * 80 MiB from 5 MiB at 80 columns: 1.125 MiB would need 72 columns, so
 * 1.25 MiB (5 * 2^18), 64 columns from 5 MiB (a multiple of 2^18), and
 * the header says the size exactly.
 */
static void test_fractional_size(void)
{
	struct mb_region mem[] = { { 5 * MiB, 80 * MiB, 0, 0 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct render_opts o;
	struct picture p;
	char *text;

	state_set(&st, mem, 1, NULL, 0);
	draw(&p, &in, 80, SCALE_LINEAR);
	is_u64(p.map.bpc, 5 * MiB / 4, "1.25 MiB per column");
	is_int(p.map.ncols, 64, "64 columns");
	is_u64(p.map.col_addr[0], 5 * MiB, "the first column starts at 5 MiB");
	is_u64(p.map.col_addr[1], 5 * MiB + 5 * MiB / 4, "the second at 6.25 MiB");
	canvas_free(&p.cv);
	canvas_init(&p.cv);
	render_opts_init(&o);
	render_node_header(&p.cv, &in, &o, &p.map);
	text = canvas_text(&p.cv, false, NULL);
	ok(strstr(text, "80 MiB, 1 col = 1.25 MiB\n") != NULL,
	   "header: 1 col = 1.25 MiB, exactly");
	if (!strstr(text, "80 MiB, 1 col = 1.25 MiB\n"))
		diag("%s", text);
	free(text);
	undraw(&p);
}

/*
 * 1 TiB at 40 columns (31 band columns): 36 GiB per column (32 GiB
 * would need 32), 29 columns.  Two 4 KiB
 * reservations far apart stay visible as 'r'; two in the same column
 * show as '2'.
 */
static void test_small_regions(void)
{
	struct mb_region mem[] = { { 0, 1024 * GiB, 0, 0 } };
	struct mb_region rsv[] = {
		{ 0x1000, 0x1000, 0, 0 },
		{ 512 * GiB, 0x1000, 0, 0 },
		{ 1000 * GiB, 0x1000, 0, 0 },
		{ 1000 * GiB + 0x2000, 0x1000, 0, 0 },
	};
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	int i;

	state_set(&st, mem, 1, rsv, 4);
	draw(&p, &in, 40, SCALE_LINEAR);
	is_u64(p.map.bpc, 36 * GiB, "1 TiB in 31 columns: 36 GiB per column");
	/* 0x1000 in column 0, 512G in column 14, 1000G in column 27 (972G..1008G). */
	is_band(&p, RL_BAND_RESERVED, "r-------------r------------2-",
		"4 KiB reservations take a column each, two in one column count 2");
	i = find_line(&p.cv, RL_BAND_RESERVED, 0);
	ok(i >= 0 && (p.cv.lines[i].cells[RENDER_MARGIN].flags & RCELL_SMALL),
	   "a widened region is flagged small");
	undraw(&p);
}

/*
 * A NOMAP region sharing its column with an ordinary one shows as 'n',
 * not as a count of 2: flags must stay visible.  [0, 2G) at 40 columns
 * is 72 MiB per column (64 MiB would need 32 columns), 29 columns;
 * column 14 [1008M, 1080M) is mostly memory.
 */
static void test_flag_beats_count(void)
{
	struct mb_region mem[] = {
		{ 0, 60 * MiB, 0, 0 }, { 60 * MiB, 4 * MiB, MBF_NOMAP, 0 }, { GiB, GiB, 0, 0 },
	};
	struct mb_region rsv[] = { { 0, MiB, 0, 0 }, { 2 * MiB, MiB, 0, 0 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;

	state_set(&st, mem, 3, rsv, 2);
	draw(&p, &in, 40, SCALE_LINEAR);
	is_u64(p.map.bpc, 72 * MiB, "2 GiB in 31 columns: 72 MiB per column");
	is_band(&p, RL_BAND_MEMORY, "n.............###############",
		"the NOMAP piece wins its column");
	is_band(&p, RL_BAND_RESERVED, "2             ---------------",
		"two plain reservations in one column still count 2");
	undraw(&p);
}

/* A 4 KiB hole between two big regions still gets its column. */
static void test_small_hole(void)
{
	struct mb_region mem[] = { { 0, GiB, 0, 0 }, { GiB + 0x1000, GiB - 0x1000, 0, 0 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	char *want;

	state_set(&st, mem, 2, NULL, 0);
	/* 30 MiB per column: 1 GiB is in column 34 [1020M, 1050M). */
	draw(&p, &in, 80, SCALE_LINEAR);
	want = repeat('#', 34, ".##################################");
	is_band(&p, RL_BAND_MEMORY, want, "the hole at 1 GiB shows in column 34");
	free(want);
	undraw(&p);
}

/*
 * memory [0x1000, 0xa0000) and [0x100000, 512G) at 40 columns.  Linear:
 * 18 GiB per column from 0 (16 GiB needs 32 > 31 columns), 29 columns;
 * the small region is ':' in column 0, the big one starts there too.
 * Compact: [0x1000, 0xa0000) one column, the hole one, and 512G - 1M
 * in 29 columns at 18 GiB (16 GiB would need 32): 31 columns.
 */
static void test_compact(void)
{
	struct mb_region mem[] = {
		{ 0x1000, 0x9f000, 0, 0 },
		{ 0x100000, 512 * GiB - 0x100000, 0, 0 },
	};
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	char *want;

	state_set(&st, mem, 2, NULL, 0);
	draw(&p, &in, 40, SCALE_LINEAR);
	want = repeat('#', 29, "");
	want[0] = ':';
	is_band(&p, RL_BAND_MEMORY, want, "linear: the small region is ':' in column 0");
	free(want);
	undraw(&p);

	draw(&p, &in, 40, SCALE_COMPACT);
	is_int(p.map.scale, SCALE_COMPACT, "compact kept");
	is_u64(p.map.bpc, 18 * GiB, "compact: 18 GiB per column in the big region");
	is_int(p.map.ncols, 31, "compact: 1 + 1 + 29 columns");
	want = repeat('#', 29, "");
	{
		char *full = malloc(40);

		snprintf(full, 40, "#.%s", want);
		is_band(&p, RL_BAND_MEMORY, full, "compact: region, hole, region");
		free(full);
	}
	free(want);
	is_u64(p.map.col_addr[1], 0xa0000, "column 1 is the hole from 0xa0000");
	is_u64(p.map.col_addr[2], 0x100000, "column 2 starts at 0x100000");
	is_int(render_map_col(&p.map, 0xfffff), 1, "the hole's last byte maps to column 1");
	undraw(&p);
}

/* More ranges than columns: compact falls back to linear and says so. */
static void test_compact_fallback(void)
{
	struct mb_region mem[64];
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct picture p;
	int i;

	for (i = 0; i < 64; i++)
		mem[i] = (struct mb_region){ (uint64_t)i * 2 * MiB, MiB, 0, 0 };
	state_set(&st, mem, 64, NULL, 0);
	draw(&p, &in, 40, SCALE_COMPACT);
	is_int(p.map.scale, SCALE_LINEAR, "127 ranges in 31 columns: linear");
	undraw(&p);
}

/* What a step changed, on the memory band's change line and in the tables. */
static void test_changes(void)
{
	struct mb_region before[] = { { 0, 64 * MiB, 0, 0 } };
	struct mb_region after[] = {
		{ 0, 16 * MiB, 0, 0 },
		{ 16 * MiB, 16 * MiB, MBF_NOMAP, 0 },
		{ 32 * MiB, 32 * MiB, 0, 0 },
	};
	struct mb_state prev, st;
	struct frame in = { .m = &mach, .st = &st, .prev = &prev, .step = 1 };
	struct render_opts o;
	struct picture p;
	char *want;
	int i;

	state_set(&prev, before, 1, NULL, 0);
	state_set(&st, after, 3, NULL, 0);
	/* 64 MiB in 64 band columns: 1 MiB per column (at 80 it would be 960 KiB). */
	draw(&p, &in, 73, SCALE_LINEAR);
	want = malloc(80);
	snprintf(want, 80, "%.*s%.*s%.*s", 16, "////////////////", 16, "~~~~~~~~~~~~~~~~", 32,
		 "////////////////////////////////");
	is_band(&p, RL_DELTA_MEMORY, want, "mark_nomap in the middle: split, changed, split");
	free(want);
	ok(find_line(&p.cv, RL_DELTA_RESERVED, 0) < 0, "no change line where nothing changed");
	undraw(&p);

	canvas_init(&p.cv);
	render_opts_init(&o);
	render_tables(&p.cv, &in, &o);
	i = find_line(&p.cv, RL_ROW_MEMORY, 1);
	ok(i >= 0 && p.cv.lines[i].cells[0].ch == '~', "table: the NOMAP piece is marked changed");
	i = find_line(&p.cv, RL_ROW_MEMORY, 2);
	ok(i >= 0 && p.cv.lines[i].cells[0].ch == '/', "table: the last piece is marked split");
	canvas_free(&p.cv);

	/* The reverse: three regions become one when the middle one's flag goes. */
	in.prev = &st;
	in.st = &prev;
	draw(&p, &in, 73, SCALE_LINEAR);
	want = repeat('=', 64, "");
	is_band(&p, RL_DELTA_MEMORY, want, "clear_nomap: the three regions merged");
	free(want);
	undraw(&p);
}

static void test_added_removed(void)
{
	struct mb_region before[] = { { 0, 32 * MiB, 0, 0 }, { 48 * MiB, 16 * MiB, 0, 0 } };
	struct mb_region after[] = { { 0, 64 * MiB, 0, 0 } };
	struct mb_region gone[] = { { 0, 32 * MiB, 0, 0 } };
	struct mb_state prev, st;
	struct frame in = { .m = &mach, .st = &st, .prev = &prev, .step = 1 };
	struct picture p;
	char *want = malloc(80);

	/* memblock_add filling the hole: the hole is added, the three merge. */
	state_set(&prev, before, 2, NULL, 0);
	state_set(&st, after, 1, NULL, 0);
	draw(&p, &in, 73, SCALE_LINEAR);
	snprintf(want, 80, "%.32s%.16s%.16s", "================================",
		 "++++++++++++++++", "================");
	is_band(&p, RL_DELTA_MEMORY, want, "filled hole: added, and merged around it");
	undraw(&p);

	/* memblock_remove of the top half: the removed bytes stay in the picture. */
	state_set(&st, gone, 1, NULL, 0);
	draw(&p, &in, 73, SCALE_LINEAR);
	is_u64(p.nodes[0].end, 64 * MiB, "the span keeps what was removed");
	snprintf(want, 80, "%.32s%.16s%.16s", "                                ",
		 "                ", "----------------");
	is_band(&p, RL_DELTA_MEMORY, want, "removed region shown as '-'");
	undraw(&p);
	free(want);
}

/* Two NUMA nodes; the reserved first page widens node 0, one range lies outside. */
static void test_numa_sections(void)
{
	struct mb_region mem[] = { { 0x1000, GiB - 0x1000, 0, 0 }, { 4 * GiB, GiB, 0, 1 } };
	struct mb_region rsv[] = { { 0, 0x10000, 0, 8 }, { 2 * GiB, 0x1000, 0, 8 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct render_node *n;
	struct machine numa = mach;
	int nr;

	numa.numa = true;
	numa.max_numnodes = 8;
	in.m = &numa;
	state_set(&st, mem, 2, rsv, 2);
	nr = render_nodes(&in, &n);
	is_int(nr, 3, "two nodes and the reserved range outside them");
	ok(nr == 3 && n[0].nid == 0 && n[0].start == 0 && n[0].end == GiB,
	   "node 0 widened down to 0 by the reserved first page");
	ok(nr == 3 && n[1].nid == 1 && n[1].start == 4 * GiB && n[1].end == 5 * GiB,
	   "node 1 spans its memory");
	ok(nr == 3 && n[2].outside && n[2].start == 2 * GiB && n[2].end == 2 * GiB + 0x1000,
	   "the reservation at 2 GiB is outside every node");
	free(n);
}

static uint64_t lcg_state = 12345;

static uint32_t lcg(void)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (uint32_t)(lcg_state >> 33);
}

/* Does the band line of @kind show something other than @weak or blank in [c0, c1]? */
static bool shown(const struct canvas *cv, enum rline_kind kind, int c0, int c1, char weak)
{
	int i = find_line(cv, kind, 0), c;

	for (c = c0; i >= 0 && c <= c1; c++) {
		const struct rline *l = &cv->lines[i];
		uint32_t ch = RENDER_MARGIN + c < l->len ? l->cells[RENDER_MARGIN + c].ch : ' ';

		if (ch != ' ' && ch != (uint32_t)weak)
			return true;
	}
	return false;
}

/*
 * Random states, widths and scales: no memory or reserved region ever
 * vanishes.  Each shows in its home column, its first or the next one:
 * as itself, as a count, or as a flagged region that won the column.
 */
static void test_never_vanish(void)
{
	static const unsigned int flag[] = { 0, 0, 0, MBF_HOTPLUG, MBF_MIRROR, MBF_NOMAP,
					     MBF_DRIVER_MANAGED };
	struct mb_region mem[300], rsv[300];
	int iter, bad = 0, checked = 0;

	for (iter = 0; iter < 300 && !bad; iter++) {
		int nm = 1 + (int)(lcg() % 300), nr = 0, width = 32 + (int)(lcg() % 220), i;
		enum render_scale scale = lcg() % 2 ? SCALE_COMPACT : SCALE_LINEAR;
		uint64_t pos = (uint64_t)(lcg() % 4) << 30;
		struct frame in = { .m = &mach };
		struct mb_state st;
		struct picture p;

		for (i = 0; i < nm; i++) {
			uint64_t size = 0x1000ULL << (lcg() % 24);

			pos += lcg() % 3 ? 0 : 0x1000ULL << (lcg() % 26);
			mem[i] = (struct mb_region){ pos, size, flag[lcg() % 7], 0 };
			/* A reservation inside some regions. */
			if (lcg() % 2 && nr < 300) {
				uint64_t r = 0x1000ULL << (lcg() % 12);

				rsv[nr++] = (struct mb_region){ pos, r < size ? r : size, 0, 0 };
			}
			pos += size;
		}
		state_set(&st, mem, nm, rsv, nr);
		in.st = &st;
		draw(&p, &in, width, scale);
		for (i = 0; i < nm + nr && !bad; i++) {
			const struct mb_region *r = i < nm ? &mem[i] : &rsv[i - nm];
			int c0 = render_map_col(&p.map, r->base);
			int c1 = render_map_col(&p.map, r->base + r->size - 1);

			if (c1 > c0 + 1)
				c1 = c0 + 1;
			checked++;
			if (i < nm ? shown(&p.cv, RL_BAND_MEMORY, c0, c1, '.') :
				     shown(&p.cv, RL_BAND_RESERVED, c0, c1, '-'))
				continue;
			bad++;
			diag("iteration %d, width %d, %s: %s region [%#llx, +%#llx) vanished",
			     iter, width, scale == SCALE_COMPACT ? "compact" : "linear",
			     i < nm ? "memory" : "reserved", (unsigned long long)r->base,
			     (unsigned long long)r->size);
		}
		undraw(&p);
	}
	ok(!bad, "%d regions in %d random pictures: none vanished", checked, iter);
}

/* Is 'X' or 'x' in the pages band in [c0, c1]? */
static bool lost_shown(const struct canvas *cv, int c0, int c1)
{
	int i = find_line(cv, RL_BAND_PAGES, 0), c;

	for (c = c0; i >= 0 && c <= c1; c++) {
		const struct rline *l = &cv->lines[i];
		uint32_t ch = RENDER_MARGIN + c < l->len ? l->cells[RENDER_MARGIN + c].ch : ' ';

		if (ch == 'X' || ch == 'x')
			return true;
	}
	return false;
}

/* Random page fates with a few lost pages among them: every lost range shows as lost. */
static void test_lost_never_hidden(void)
{
	static const enum page_fate fates[] = {
		PF_RESERVED, PF_FREE_ALL, PF_FREE_ALL, PF_DEFERRED, PF_DEFERRED_INIT, PF_FREED_LATE,
	};
	struct mb_page_range pg[400];
	struct mb_region mem[1];
	int iter, bad = 0, checked = 0;

	for (iter = 0; iter < 300 && !bad; iter++) {
		int n = 0, width = 32 + (int)(lcg() % 220), i;
		enum render_scale scale = lcg() % 2 ? SCALE_COMPACT : SCALE_LINEAR;
		struct frame in = { .m = &mach };
		uint64_t pfn = 0;
		struct mb_state st;
		struct picture p;

		while (n < 400) {
			uint64_t len = 1ULL << (lcg() % 20);
			bool lost = lcg() % 8 == 0;

			if (lost)
				len = 1 + lcg() % 4;
			pg[n++] = (struct mb_page_range){ pfn, pfn + len,
							  lost ? PF_LOST : fates[lcg() % 6], 0 };
			pfn += len;
		}
		mem[0] = (struct mb_region){ 0, pfn << 12, 0, 0 };
		state_set(&st, mem, 1, NULL, 0);
		st.freed_all = true;
		st.nr_pages = n;
		st.pages = pg;
		in.st = &st;
		draw(&p, &in, width, scale);
		for (i = 0; i < n && !bad; i++) {
			int c0, c1;

			if (pg[i].fate != PF_LOST)
				continue;
			c0 = render_map_col(&p.map, pg[i].start_pfn << 12);
			c1 = render_map_col(&p.map, (pg[i].end_pfn << 12) - 1);
			if (c1 > c0 + 1)
				c1 = c0 + 1;
			checked++;
			if (lost_shown(&p.cv, c0, c1))
				continue;
			bad++;
			diag("iteration %d, width %d, %s: lost pfns [%#llx, %#llx) hidden", iter, width,
			     scale == SCALE_COMPACT ? "compact" : "linear",
			     (unsigned long long)pg[i].start_pfn, (unsigned long long)pg[i].end_pfn);
		}
		undraw(&p);
	}
	ok(!bad, "%d lost ranges in %d random pictures: every one shows as lost", checked, iter);
}

static void test_human(void)
{
	char buf[32];

	is_str(render_human(0x9e000, buf, sizeof(buf)), "632 KiB", "exact KiB");
	is_str(render_human(0x7ff7e000, buf, sizeof(buf)), "2.0 GiB", "inexact: one decimal");
	is_str(render_human(1023 * KiB + 1000, buf, sizeof(buf)), "1.0 MiB",
	       "1023.98 KiB rounds up into MiB");
	is_str(render_human(0, buf, sizeof(buf)), "0 B", "zero");
	is_str(render_human(1536, buf, sizeof(buf)), "1.5 KiB", "1.5 KiB");
	is_str(render_human(UINT64_MAX, buf, sizeof(buf)), "16.0 EiB", "the largest size");
}

/* Text output: trailing blanks dropped, ANSI only on request, ASCII transliteration. */
static void test_text(void)
{
	struct canvas cv;
	struct rline *l;
	char *t;

	canvas_init(&cv);
	l = canvas_line(&cv, RL_TEXT, -1, -1);
	line_puts(l, 0, ST_RESERVED, "R   ");
	t = canvas_text(&cv, false, NULL);
	is_str(t, "R\n", "plain text: no colour, no trailing blanks");
	free(t);
	t = canvas_text(&cv, true, NULL);
	is_str(t, "\033[0;1;31mR\033[0m\n", "ANSI: bold red for reserved, reset at line end");
	free(t);
	canvas_free(&cv);
}

static void test_snapshot_utf8(void)
{
	struct mb_region mem[] = { { 0, 2 * GiB, 0, 0 } };
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st };
	struct render_opts o;
	struct canvas cv;
	int i;

	state_set(&st, mem, 1, NULL, 0);
	render_opts_init(&o);
	o.utf8 = true;
	canvas_init(&cv);
	render_snapshot(&cv, &in, &o);
	i = find_line(&cv, RL_BAND_MEMORY, 0);
	ok(i >= 0 && cv.lines[i].cells[RENDER_MARGIN].ch == 0x2588, "UTF-8: memory is a full block");
	canvas_clear(&cv);
	o.utf8 = false;
	render_snapshot(&cv, &in, &o);
	i = find_line(&cv, RL_BAND_MEMORY, 0);
	ok(i >= 0 && cv.lines[i].cells[RENDER_MARGIN].ch == '#', "ASCII: memory is '#'");
	i = find_line(&cv, RL_ROW_MEMORY, 0);
	{
		char *row = i >= 0 ? line_str(&cv, i, 0) : NULL;

		is_str(row, "    0: 0x0000000000000000..0x000000007fffffff    0 NONE 2 GiB",
		       "table row: index, inclusive range, node, flags, size");
		free(row);
	}
	canvas_free(&cv);
}

/* Drawing only some table rows leaves every line where the whole table has it. */
static void test_row_windows(void)
{
	static struct mb_region mem[300];
	struct mb_state st;
	struct frame in = { .m = &mach, .st = &st, .step = 1 };
	struct render_opts o;
	struct canvas all, part;
	bool same = true, blank = true;
	int i;

	for (i = 0; i < 300; i++)
		mem[i] = (struct mb_region){ (uint64_t)i * 2 * MiB, MiB, i % 3 ? 0 : MBF_NOMAP, 0 };
	state_set(&st, mem, 300, NULL, 0);
	canvas_init(&all);
	canvas_init(&part);
	render_opts_init(&o);
	render_tables(&all, &in, &o);
	o.nr_row_windows = 2;
	o.row_windows[0].lo = 10;
	o.row_windows[0].hi = 12;
	o.row_windows[1].lo = 299;
	o.row_windows[1].hi = 400;
	render_tables(&part, &in, &o);
	is_int(part.nr, all.nr, "row windows: as many lines as the whole table");
	for (i = 0; i < all.nr && i < part.nr; i++) {
		const struct rline *a = &all.lines[i], *b = &part.lines[i];
		bool drawn = a->kind != RL_ROW_MEMORY ||
			     (a->index >= 10 && a->index < 12) || a->index == 299;

		if (a->kind != b->kind || a->index != b->index)
			same = false;
		else if (drawn && (a->len != b->len ||
				   memcmp(a->cells, b->cells, a->len * sizeof(*a->cells))))
			same = false;
		else if (!drawn && b->len)
			blank = false;
	}
	ok(same, "row windows: drawn rows and other lines are those of the whole table");
	ok(blank, "row windows: the other rows are empty lines");
	canvas_free(&all);
	canvas_free(&part);
}

int main(void)
{
	machine_init_default(&mach);
	test_row_windows();
	test_linear_scale();
	test_ruler();
	test_equal_nodes();
	test_fractional_size();
	test_small_regions();
	test_small_hole();
	test_flag_beats_count();
	test_compact();
	test_compact_fallback();
	test_changes();
	test_added_removed();
	test_numa_sections();
	test_never_vanish();
	test_lost_never_hidden();
	test_human();
	test_text();
	test_snapshot_utf8();
	return done_testing();
}
