// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The state output formats, checked against text written by hand from
 * mm/memblock.c (memblock_dump, memblock_debug_show) and mm/vmstat.c
 * (zoneinfo_show_print) of Linux 6.1, not against our own output.
 */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

#include "render/dump.h"
#include "core/machine.h"
#include "core/ops.h"
#include "core/state.h"
#include "tap.h"

static char *capture(void (*fn)(FILE *, const struct machine *, const struct mb_state *),
		     const struct machine *m, const struct mb_state *st)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	fn(f, m, st);
	fclose(f);
	return buf;
}

static void is_output(void (*fn)(FILE *, const struct machine *, const struct mb_state *),
		      const struct machine *m, const struct mb_state *st, const char *want,
		      const char *what)
{
	char *got = capture(fn, m, st);

	is_str(got, want, "%s", what);
	free(got);
}

static struct mb_region mem2[] = {
	{ 0x1000, 0x9e000, MBF_NONE, 0 },
	{ 0x100000, 0x7fee0000, MBF_NONE, 0 },
};
static struct mb_region res2[] = {
	{ 0x0, 0x10000, MBF_NONE, 0 },
	{ 0x1000000, 0x2000000, MBF_NONE, 0 },
};

/* The example of memblock-spec §5.4: x86_64 before NUMA init. */
static void test_dump_x86_64(void)
{
	struct machine m;
	struct mb_state st = { 0 };

	machine_init_default(&m);
	st.memory = (struct mb_type){ 2, 128, 0x7ff7e000, mem2 };
	st.reserved = (struct mb_type){ 2, 128, 0x2010000, res2 };
	is_output(dump_memblock, &m, &st,
		  "MEMBLOCK configuration:\n"
		  " memory size = 0x000000007ff7e000 reserved size = 0x0000000002010000\n"
		  " memory.cnt  = 0x2\n"
		  " memory[0x0]\t[0x0000000000001000-0x000000000009efff], 0x000000000009e000 bytes flags: 0x0\n"
		  " memory[0x1]\t[0x0000000000100000-0x000000007ffdffff], 0x000000007fee0000 bytes flags: 0x0\n"
		  " reserved.cnt  = 0x2\n"
		  " reserved[0x0]\t[0x0000000000000000-0x000000000000ffff], 0x0000000000010000 bytes flags: 0x0\n"
		  " reserved[0x1]\t[0x0000000001000000-0x0000000002ffffff], 0x0000000002000000 bytes flags: 0x0\n",
		  "dump: memblock_dump_all() of a 64-bit machine without NUMA");
	is_output(dump_debugfs, &m, &st,
		  "memory:\n"
		  "   0: 0x0000000000001000..0x000000000009efff\n"
		  "   1: 0x0000000000100000..0x000000007ffdffff\n"
		  "reserved:\n"
		  "   0: 0x0000000000000000..0x000000000000ffff\n"
		  "   1: 0x0000000001000000..0x0000000002ffffff\n",
		  "debugfs: index in 4 columns, inclusive ranges, no flags or nid");
}

/* An empty type is its dummy region: base 0, size 0, end all ones. */
static void test_empty(void)
{
	struct mb_region dummy = { 0, 0, MBF_NONE, 0 };
	struct mb_region nomap = { 0x1000, 0x1000, MBF_NOMAP | MBF_HOTPLUG, 0 };
	struct machine m;
	struct mb_state st = { 0 };

	machine_init_default(&m);
	st.memory = (struct mb_type){ 1, 128, 0x1000, &nomap };
	st.reserved = (struct mb_type){ 1, 128, 0, &dummy };
	is_output(dump_memblock, &m, &st,
		  "MEMBLOCK configuration:\n"
		  " memory size = 0x0000000000001000 reserved size = 0x0000000000000000\n"
		  " memory.cnt  = 0x1\n"
		  " memory[0x0]\t[0x0000000000001000-0x0000000000001fff], 0x0000000000001000 bytes flags: 0x5\n"
		  " reserved.cnt  = 0x1\n"
		  " reserved[0x0]\t[0x0000000000000000-0xffffffffffffffff], 0x0000000000000000 bytes flags: 0x0\n",
		  "dump: flags as %#x, empty type as its dummy region");
	is_output(dump_debugfs, &m, &st,
		  "memory:\n"
		  "   0: 0x0000000000001000..0x0000000000001fff\n"
		  "reserved:\n"
		  "   0: 0x0000000000000000..0xffffffffffffffff\n",
		  "debugfs: empty type");
}

/* 32-bit phys_addr_t: %pa prints 8 digits, the dummy ends at 0xffffffff. */
static void test_32bit(void)
{
	struct mb_region dummy = { 0, 0, MBF_NONE, 0 };
	struct mb_region low = { 0x1000, 0x9e000, MBF_NONE, 0 };
	struct machine m;
	struct mb_state st = { 0 };

	machine_init_default(&m);
	m.phys_addr_bits = 32;
	st.memory = (struct mb_type){ 1, 128, 0x9e000, &low };
	st.reserved = (struct mb_type){ 1, 128, 0, &dummy };
	is_output(dump_memblock, &m, &st,
		  "MEMBLOCK configuration:\n"
		  " memory size = 0x0009e000 reserved size = 0x00000000\n"
		  " memory.cnt  = 0x1\n"
		  " memory[0x0]\t[0x00001000-0x0009efff], 0x0009e000 bytes flags: 0x0\n"
		  " reserved.cnt  = 0x1\n"
		  " reserved[0x0]\t[0x00000000-0xffffffff], 0x00000000 bytes flags: 0x0\n",
		  "dump: 32-bit phys_addr_t");
	is_output(dump_debugfs, &m, &st,
		  "memory:\n"
		  "   0: 0x00001000..0x0009efff\n"
		  "reserved:\n"
		  "   0: 0x00000000..0xffffffff\n",
		  "debugfs: 32-bit phys_addr_t");
}

/* NUMA: " on node N" unless the region's node is MAX_NUMNODES. */
static void test_numa(void)
{
	struct mb_region mem[11], dummy = { 0, 0, MBF_NONE, 8 };
	struct machine m;
	struct mb_state st = { 0 };
	char *got;
	int i;

	machine_init_default(&m);
	m.numa = true;
	m.max_numnodes = 8;
	for (i = 0; i < 11; i++)
		mem[i] = (struct mb_region){ 0x100000ULL * (2 * i + 1), 0x100000, MBF_NONE,
					     i < 10 ? i % 2 : 8 };
	st.memory = (struct mb_type){ 11, 128, 11 * 0x100000, mem };
	st.reserved = (struct mb_type){ 1, 128, 0, &dummy };
	got = capture(dump_memblock, &m, &st);
	ok(strstr(got, "\n memory[0x1]\t[0x0000000000300000-0x00000000003fffff], "
		  "0x0000000000100000 bytes on node 1 flags: 0x0\n") != NULL,
	   "dump: NUMA region names its node");
	ok(strstr(got, "\n memory[0xa]\t[0x0000000001500000-0x00000000015fffff], "
		  "0x0000000000100000 bytes flags: 0x0\n") != NULL,
	   "dump: index 10 is 0xa, and a MAX_NUMNODES region has no node");
	ok(strstr(got, " reserved[0x0]\t[0x0000000000000000-0xffffffffffffffff], "
		  "0x0000000000000000 bytes flags: 0x0\n") != NULL,
	   "dump: emptied type (nid MAX_NUMNODES) prints no node");
	free(got);
	got = capture(dump_debugfs, &m, &st);
	ok(strstr(got, "\n  10: 0x0000000001500000..0x00000000015fffff\n") != NULL,
	   "debugfs: two-digit index right-aligned");
	free(got);
	got = capture(dump_json, &m, &st);
	ok(strstr(got, "{ \"base\": \"0x1500000\", \"size\": \"0x100000\", "
		  "\"nid\": \"MAX_NUMNODES\", \"flags\": \"NONE\" }") != NULL &&
	   strstr(got, "\"size\": \"0x100000\", \"nid\": 1, ") != NULL,
	   "json: nid MAX_NUMNODES by name, other nids as integers");
	free(got);

	m.numa = false;
	mem[1].nid = 0;
	got = capture(dump_memblock, &m, &st);
	ok(!strstr(got, "on node"), "dump: no node without NUMA");
	free(got);
}

static struct mb_zone zones[] = {
	{ 0, 1, "DMA32", 0x1000, 1044480, 1044334, 1010000, 0 },
	{ 0, 0, "DMA", 1, 4095, 3998, 3840, 98 },
	{ 0, 2, "Normal", 0x100000, 0, 0, 0, 0 },
};

static void test_zoneinfo(void)
{
	struct machine m;
	struct mb_state st = { 0 };

	machine_init_default(&m);
	st.freed_all = true;
	st.nr_zones = 3;
	st.zones = zones;
	is_output(dump_zoneinfo, &m, &st,
		  "Node 0, zone      DMA\n"
		  "        spanned  4095\n"
		  "        present  3998\n"
		  "        managed  3840\n"
		  "  start_pfn:           1\n"
		  "Node 0, zone    DMA32\n"
		  "        spanned  1044480\n"
		  "        present  1044334\n"
		  "        managed  1010000\n"
		  "  start_pfn:           4096\n"
		  "Node 0, zone   Normal\n"
		  "        spanned  0\n"
		  "        present  0\n"
		  "        managed  0\n",
		  "zoneinfo: zone order, %8s names, no start_pfn for an unpopulated zone");
}

static void test_json(void)
{
	struct mb_region mem[] = { { 0x1000, 0x9f000, MBF_NONE, 0 },
				   { 0x100000, 0x100000, MBF_HOTPLUG | MBF_MIRROR, 0 } };
	struct mb_region dummy = { 0, 0, MBF_NONE, 0 };
	struct mb_content contents[] = { { 0x1ff000, 0x1000, CONTENT_ZEROED, 0 } };
	struct machine m;
	struct mb_state st = { 0 };

	machine_init_default(&m);
	st.memory = (struct mb_type){ 2, 128, 0x19f000, mem };
	st.reserved = (struct mb_type){ 1, 128, 0, &dummy };
	st.current_limit = UINT64_MAX;
	st.nr_contents = 1;
	st.contents = contents;
	is_output(dump_json, &m, &st,
		  "{\n"
		  "  \"memory\": {\n"
		  "    \"cnt\": 2,\n"
		  "    \"max\": 128,\n"
		  "    \"total_size\": \"0x19f000\",\n"
		  "    \"regions\": [\n"
		  "      { \"base\": \"0x1000\", \"size\": \"0x9f000\", \"nid\": 0, \"flags\": \"NONE\" },\n"
		  "      { \"base\": \"0x100000\", \"size\": \"0x100000\", \"nid\": 0, \"flags\": [\"HOTPLUG\", \"MIRROR\"] }\n"
		  "    ]\n"
		  "  },\n"
		  "  \"reserved\": {\n"
		  "    \"cnt\": 1,\n"
		  "    \"max\": 128,\n"
		  "    \"total_size\": \"0x0\",\n"
		  "    \"regions\": []\n"
		  "  },\n"
		  "  \"bottom_up\": false,\n"
		  "  \"current_limit\": \"MEMBLOCK_ALLOC_ANYWHERE\",\n"
		  "  \"contents\": [\n"
		  "    { \"base\": \"0x1ff000\", \"size\": \"0x1000\", \"state\": \"zeroed\" }\n"
		  "  ]\n"
		  "}\n",
		  "json: expect-shaped state before memblock_free_all");

	st.freed_all = true;
	st.nr_zones = 1;
	st.zones = zones + 1;
	st.totalram_pages = 3840;
	st.lost_pages = 2;
	st.nr_contents = 0;
	st.bottom_up = true;
	st.current_limit = 0x40000000;
	{
		char *got = capture(dump_json, &m, &st);

		ok(strstr(got, "  \"bottom_up\": true,\n  \"current_limit\": \"0x40000000\",\n"
			  "  \"contents\": [],\n  \"zones\": [\n"
			  "    { \"nid\": 0, \"zone\": \"DMA\", \"spanned\": 4095, \"present\": 3998,"
			  " \"managed\": 3840, \"unavailable\": 98 }\n  ],\n"
			  "  \"totalram_pages\": 3840,\n  \"lost_pages\": 2\n}\n") != NULL,
		   "json: zones and page counts once memblock_free_all has run");
		free(got);
	}
}

int main(void)
{
	plan(18);
	test_dump_x86_64();
	test_empty();
	test_32bit();
	test_numa();
	test_zoneinfo();
	test_json();
	is_int(dump_format_lookup("debugfs"), DUMP_DEBUGFS, "format name debugfs");
	is_int(dump_format_lookup("json"), DUMP_JSON, "format name json");
	is_int(dump_format_lookup("dump") == DUMP_MEMBLOCK && dump_format_lookup("yaml") == -1, 1,
	       "format name dump; unknown names refused");
	return done_testing();
}
