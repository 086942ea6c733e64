// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The scenario loader on scenarios held in memory: a scenario using every
 * key of the format (and x- keys everywhere) loads into exactly the values
 * written; defaults follow the format; positions, paths and messages are
 * exact, including with CRLF line ends, a byte-order mark, multi-byte
 * characters and escapes before an expression error.  The bad-input
 * corpus (tests/bad) is run through `mbviz check` by the test harness.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scenario/scenario.h"
#include "core/state.h"
#include "tap.h"

static char err[1024];

static struct scenario *load(const char *text)
{
	struct scenario *sc = scenario_load_buffer("t.json", text, strlen(text), err,
						    sizeof(err));

	if (!sc)
		diag("load error: %s", err);
	return sc;
}

/* The error message of loading @text, or "(loaded)". */
static const char *load_err(const char *text)
{
	struct scenario *sc = scenario_load_buffer("t.json", text, strlen(text), err,
						    sizeof(err));

	if (sc) {
		scenario_free(sc);
		return "(loaded)";
	}
	return err;
}

static const char good[] =
	"{\n"
	"  \"scenario\": 1, \"name\": \"full-1.x_y\", \"title\": \"T\", \"description\": \"D\",\n"
	"  \"x-tool\": { \"anything\": [1, 2, {\"deep\": null}] }, \"x-tool\": 3,\n"
	"  \"machine\": {\n"
	"    \"numa\": true, \"max_numnodes\": 16, \"phys_addr_bits\": 64,\n"
	"    \"page_size\": \"16K\", \"smp_cache_bytes\": \"PAGE_SIZE - 16K + 128\",\n"
	"    \"memory_regions\": 8, \"reserved_regions\": \"0x10\",\n"
	"    \"low_address_limit\": \"SZ_1G - 1\",\n"
	"    \"zones\": [ { \"name\": \"DMA32\", \"end\": \"4G\", \"x-c\": 1 }, { \"name\": \"Normal\" } ],\n"
	"    \"section_size\": \"PAGE_SIZE * 1024 * 2\", \"deferred_struct_page_init\": true,\n"
	"    \"free_late\": \"release-always\", \"movable_node\": true,\n"
	"    \"mirrored_kernelcore\": true, \"bottom_up\": true,\n"
	"    \"current_limit\": \"ARCH_LOW_ADDRESS_LIMIT + 1\", \"allow_resize\": true,\n"
	"    \"x-note\": \"ignored\"\n"
	"  },\n"
	"  \"steps\": [\n"
	"    { \"op\": \"memblock_add_node\", \"base\": 0, \"size\": \"2G\", \"nid\": 1,\n"
	"      \"flags\": [\"HOTPLUG\", \"MEMBLOCK_MIRROR\"], \"x-why\": \"SRAT\" },\n"
	"    { \"op\": \"memblock_add_node\", \"base\": \"2G\", \"size\": \"2G\", \"nid\": \"MAX_NUMNODES\" },\n"
	"    { \"op\": \"memblock_add_node\", \"base\": \"4G\", \"size\": \"2G\", \"nid\": 2,\n"
	"      \"flags\": \"NOMAP|DRIVER_MANAGED\" },\n"
	"    { \"op\": \"memblock_add_node\", \"base\": \"6G\", \"size\": \"2G\", \"nid\": 3 },\n"
	"    { \"op\": \"memblock_set_node\", \"base\": 0, \"size\": \"PHYS_ADDR_MAX\",\n"
	"      \"type\": \"reserved\", \"nid\": 15 },\n"
	"    { \"op\": \"memblock_alloc_try_nid\", \"size\": 9007199254740992, \"align\": 0,\n"
	"      \"min_addr\": \"end_of_DRAM - 1G\", \"max_addr\": \"MEMBLOCK_ALLOC_ACCESSIBLE\",\n"
	"      \"nid\": \"NUMA_NO_NODE\", \"as\": \"buf\", \"note\": \"a note\",\n"
	"      \"expect\": { \"ret\": \"$buf\", \"contents\": [ { \"base\": \"$buf\", \"size\": \"4K\",\n"
	"                \"state\": \"zeroed\", \"x-c\": 0 } ], \"x-e\": 0 } },\n"
	"    { \"op\": \"memblock_alloc_range_nid\", \"size\": \"4K\", \"align\": \"4K\", \"start\": 0,\n"
	"      \"end\": \"$buf\", \"nid\": 16, \"exact_nid\": true },\n"
	"    { \"op\": \"memblock_set_bottom_up\", \"enable\": false },\n"
	"    { \"op\": \"memblock_reserve\", \"base\": \"$buf + 4K\", \"size\": \"4K\",\n"
	"      \"expect\": { \"ret\": \"-ENOMEM\" } },\n"
	"    { \"op\": \"memblock_remove\", \"base\": 0, \"size\": \"4K\", \"expect\": { \"ret\": -22 } },\n"
	"    { \"op\": \"memblock_is_memory\", \"addr\": \"memory[1].base\", \"expect\": { \"ret\": true } },\n"
	"    { \"op\": \"memblock_free_all\", \"as\": \"pages\" }\n"
	"  ],\n"
	"  \"expect\": {\n"
	"    \"memory\": { \"cnt\": 4, \"max\": \"8\", \"total_size\": \"8G\",\n"
	"      \"regions\": [ { \"base\": 0, \"size\": \"2G\", \"nid\": 1, \"flags\": \"NONE\", \"x-r\": 1 },\n"
	"                   { \"base\": \"2G\", \"size\": \"2G\" } ] },\n"
	"    \"reserved\": { \"regions\": [] },\n"
	"    \"bottom_up\": false, \"current_limit\": \"current_limit\",\n"
	"    \"warnings\": 2, \"totalram_pages\": \"0x40000\",\n"
	"    \"zones\": [ { \"nid\": 1, \"zone\": \"Normal\", \"spanned\": 1, \"present\": \"0x10\",\n"
	"                 \"managed\": 0, \"x-z\": [] }, { \"zone\": \"DMA32\" } ],\n"
	"    \"lost_pages\": 0, \"x-final\": true\n"
	"  }\n"
	"}\n";

static void test_good(void)
{
	struct scenario *sc = load(good);
	const struct machine *m;
	const struct step *s;

	if (!ok(sc != NULL, "a scenario using every key loads"))
		return;
	is_str(sc->file, "t.json", "file");
	is_str(sc->name, "full-1.x_y", "name");
	is_str(sc->title, "T", "title");
	is_str(sc->description, "D", "description");
	m = &sc->machine;
	ok(m->numa && m->max_numnodes == 16 && m->phys_addr_bits == 64, "numa, max_numnodes, bits");
	is_u64(m->page_size, 16384, "page_size \"16K\"");
	is_u64(m->smp_cache_bytes, 128, "smp_cache_bytes uses PAGE_SIZE");
	ok(m->memory_regions == 8 && m->reserved_regions == 16, "region array sizes");
	is_u64(m->low_address_limit, (1 << 30) - 1, "low_address_limit");
	ok(m->nr_zones == 2 && !strcmp(m->zones[0].name, "DMA32") &&
	   m->zones[0].end == 4ULL << 30 && !strcmp(m->zones[1].name, "Normal") &&
	   m->zones[1].end == 0, "zones");
	is_u64(m->section_size, 32ULL << 20, "section_size from PAGE_SIZE");
	ok(m->deferred_struct_page_init && m->free_late == FREE_LATE_RELEASE_ALWAYS &&
	   m->movable_node && m->mirrored_kernelcore && m->bottom_up && m->allow_resize,
	   "switches");
	is_u64(m->current_limit, 1 << 30, "current_limit uses ARCH_LOW_ADDRESS_LIMIT");

	is_int(sc->nr_steps, 12, "12 steps");
	s = &sc->steps[0];
	ok(s->spec->id == OP_MEMBLOCK_ADD_NODE && s->index == 0, "step 0 op");
	ok(s->args[0].present && !s->args[0].phys.expr && s->args[0].phys.constant == 0,
	   "base 0 as a JSON integer");
	is_u64(s->args[1].phys.constant, 2ULL << 30, "size \"2G\" folded");
	is_int(s->args[2].v.nid, 1, "nid");
	is_int(s->args[3].v.flags, MBF_HOTPLUG | MBF_MIRROR, "flags array, MEMBLOCK_ prefix");
	is_int(s->pos.line, 17, "step line");
	is_int(s->pos.col, 5, "step column");
	{
		char path[64];

		ok(!s->pos.path && !s->args[1].phys.pos.path, "no paths stored for a step");
		is_str(step_path(s, -1, path, sizeof(path)), "steps[0]", "step path");
		is_str(step_path(s, 1, path, sizeof(path)), "steps[0].size", "argument path");
	}
	is_int(s->args[1].phys.pos.line, 17, "argument line");
	is_int(s->args[1].phys.pos.col, 53, "argument column");
	is_int(sc->steps[1].args[2].v.nid, 16, "nid \"MAX_NUMNODES\" is max_numnodes");
	ok(!sc->steps[1].args[3].present, "optional flags omitted");
	is_int(sc->steps[2].args[3].v.flags, MBF_NOMAP | MBF_DRIVER_MANAGED, "\"NOMAP|DRIVER_MANAGED\"");
	s = &sc->steps[4];
	ok(s->args[2].v.type == MB_TYPE_RESERVED && s->args[3].v.nid == 15, "set_node type, nid");
	is_u64(s->args[1].phys.constant, UINT64_MAX, "PHYS_ADDR_MAX as it is");
	s = &sc->steps[5];
	is_u64(s->args[0].phys.constant, 1ULL << 53, "JSON integer 2^53 is exact");
	ok(s->args[2].phys.expr != NULL, "a query stays an expression");
	is_str(expr_text(s->args[2].phys.expr), "end_of_DRAM - 1G", "its text");
	is_int(s->args[4].v.nid, -1, "NUMA_NO_NODE");
	is_str(s->as, "buf", "as");
	is_str(s->note, "a note", "note");
	ok(step_expect(s) && s->expect->ret.present && s->expect->ret.kind == RET_ADDR &&
	   s->expect->ret.phys.expr, "ret of an allocation is a value; its own label is visible");
	ok(s->expect->nr_contents == 1 && s->expect->contents[0].state == CONTENT_ZEROED,
	   "contents");
	is_int(s->expect->nr_zones, -1, "absent zones: -1");
	ok(!s->expect->memory.present && !s->expect->has_warnings, "absent keys are not present");
	ok(!step_expect(&sc->steps[0]) && !sc->steps[0].expect, "no expectations: none stored");
	s = &sc->steps[6];
	ok(s->args[4].v.nid == 16 && s->args[5].v.boolean, "nid == MAX_NUMNODES for an allocator");
	ok(!sc->steps[7].args[0].v.boolean, "bool argument");
	is_int(sc->steps[8].expect->ret.integer, -12, "ret \"-ENOMEM\"");
	is_int(sc->steps[9].expect->ret.integer, -22, "ret -22");
	ok(sc->steps[10].expect->ret.kind == RET_BOOL && sc->steps[10].expect->ret.boolean,
	   "ret true");

	ok(sc->expect.present && !sc->expect.ret.present, "top-level expect");
	ok(sc->expect.memory.present && sc->expect.memory.has_cnt &&
	   sc->expect.memory.cnt.constant == 4 && sc->expect.memory.max.constant == 8,
	   "memory cnt, max");
	is_u64(sc->expect.memory.total_size.constant, 8ULL << 30, "total_size");
	ok(sc->expect.memory.nr_regions == 2 && sc->expect.memory.regions[0].has_nid &&
	   sc->expect.memory.regions[0].has_flags && !sc->expect.memory.regions[1].has_nid &&
	   !sc->expect.memory.regions[1].has_flags, "regions, nid and flags optional");
	ok(sc->expect.reserved.has_regions && sc->expect.reserved.nr_regions == 0,
	   "\"regions\": [] means empty");
	ok(sc->expect.has_bottom_up && !sc->expect.bottom_up, "bottom_up");
	ok(sc->expect.has_current_limit && sc->expect.current_limit.expr, "current_limit query");
	ok(sc->expect.has_warnings && sc->expect.warnings == 2, "warnings");
	ok(sc->expect.has_totalram_pages && sc->expect.totalram_pages == 0x40000,
	   "totalram_pages");
	ok(sc->expect.nr_zones == 2 && sc->expect.zones[0].nid == 1 &&
	   !strcmp(sc->expect.zones[0].zone, "Normal") && sc->expect.zones[0].present == 16 &&
	   sc->expect.zones[0].has_managed && sc->expect.zones[1].nid == 0 &&
	   !sc->expect.zones[1].has_spanned, "zones; nid defaults to 0");
	ok(sc->expect.has_lost_pages && sc->expect.lost_pages == 0, "lost_pages");
	/* Paths are kept for expressions only: their run-time errors name them. */
	ok(sc->expect.current_limit.pos.path &&
	   !strcmp(sc->expect.current_limit.pos.path, "expect.current_limit") &&
	   !sc->expect.zones[0].pos.path, "expression path kept, no other (%s)",
	   sc->expect.current_limit.pos.path ? sc->expect.current_limit.pos.path : "none");
	scenario_free(sc);
}

static const char minimal[] = "{ \"scenario\": 1, \"name\": \"m\", \"steps\": [] }";

static void test_defaults(void)
{
	struct scenario *sc = load(minimal);
	struct machine def;

	machine_init_default(&def);
	if (!ok(sc != NULL, "a minimal scenario loads"))
		return;
	ok(sc->nr_steps == 0 && !sc->expect.present && sc->expect.nr_contents == -1 &&
	   sc->expect.nr_zones == -1, "no steps, no expectations");
	ok(!memcmp(&sc->machine, &def, sizeof(def)), "machine defaults");
	scenario_free(sc);

	sc = load("{ \"scenario\": 1, \"name\": \"m\", \"machine\": { \"numa\": true }, \"steps\": [] }");
	ok(sc && sc->machine.max_numnodes == 8, "numa: max_numnodes defaults to 8");
	scenario_free(sc);
	sc = load("{ \"scenario\": 1, \"name\": \"m\", \"machine\": { \"phys_addr_bits\": 32 },"
		  " \"steps\": [] }");
	ok(sc && sc->machine.current_limit == 0xffffffff && sc->machine.zones[1].end == 1ULL << 32,
	   "32 bits: ANYWHERE is 32 ones; the default DMA32 end stays 4G");
	scenario_free(sc);
	/* tools/testing/memblock adds nid 1 on its non-NUMA build (MAX_NUMNODES 1). */
	sc = load("{ \"scenario\": 1, \"name\": \"m\", \"steps\": [ { \"op\": \"memblock_add_node\","
		  " \"base\": 0, \"size\": 4096, \"nid\": 1, \"flags\": \"HOTPLUG\" } ] }");
	ok(sc && sc->steps[0].args[2].v.nid == 1, "nid MAX_NUMNODES (1) without NUMA");
	scenario_free(sc);
}

static void test_positions(void)
{
	is_str(load_err("{\r\n \"scenario\": 1,\r\n \"name\": \"M\"}"),
	       "t.json:3:10: name: expected [a-z0-9][a-z0-9._-]*, got \"M\"", "CRLF lines");
	is_str(load_err("\xef\xbb\xbf{ \"scenario\": 2 }"),
	       "t.json:1:15: scenario: expected 1 (the only version of the format), got 2",
	       "a byte-order mark is skipped and not counted");
	is_str(load_err("{ \"scenario\": 1, \"title\": \"\xc3\xa9t\xc3\xa9\", \"name\": 5 }"),
	       "t.json:1:42: name: expected a string, got 5",
	       "columns count characters, not bytes");
	is_str(load_err("{ \"scenario\": 1, \"name\": \"m\", \"steps\": [ { \"op\": \"memblock_add\","
			" \"base\": \"\\u0031\\t+ PAGESIZE\", \"size\": 1 } ] }"),
	       "t.json:1:85: steps[0].base: unknown name 'PAGESIZE' (did you mean PAGE_SIZE?)",
	       "expression error column after escapes");
	is_str(load_err("{ \"scenario\": 1, \"name\": \"m\", \"steps\": [ { \"op\": \"memblock_add\","
			" \"base\": 0, \"size\": 9007199254740993 } ] }"),
	       "t.json:1:85: steps[0].size: 9007199254740993 is above 2^53, where JSON numbers "
	       "are not exact: write it as a string, \"9007199254740993\"", "2^53 + 1");
	is_str(load_err("{ \"scenario\": 1, \"name\": \"m\", \"we\\\"ird\": 0, \"steps\": [] }"),
	       "t.json:1:31: [\"we\\\"ird\"]: unknown key; expected scenario, name, title, "
	       "description, machine, steps, expect, unchecked or $schema (or an x- key, which is ignored)",
	       "odd keys are quoted in paths");
	is_str(load_err("{ \"scenario\": 1, \"name\": \"m\", \"title\": \"\\u0000\", \"steps\": [] }"),
	       "t.json:1:41: \\u0000 is not allowed in a string", "no NUL through escapes");
	is_str(load_err("{ \"scenario\": 1, \"name\": \"m\", \"title\": \"\\ud800\", \"steps\": [] }"),
	       "t.json:1:41: invalid \\u escape: high surrogate \\uD800 without a low surrogate",
	       "lone surrogate");
	is_str(load_err("{ \"scenario\": 1, \"name\": \"m\", \"steps\": [ { \"op\": \"memblock_add\","
			" \"base\": \"0x1000\\n+ x\", \"size\": 1 } ] }"),
	       "t.json:1:85: steps[0].base: unknown name 'x'",
	       "a control character in a message is never printed raw");
}

static void test_labels(void)
{
	is_str(load_err("{ \"scenario\": 1, \"name\": \"m\", \"steps\": [ { \"op\": \"memblock_alloc\","
			" \"size\": \"4K\", \"align\": \"$b\", \"as\": \"b\" } ] }"),
	       "t.json:1:92: steps[0].align: unknown label '$b': no earlier step binds it with \"as\"",
	       "a step's own label is not visible in its arguments");
	{
		/* Many labels: lookups must not be quadratic (this would take minutes). */
		static char big[8 << 20];
		int n = 0, i;
		struct scenario *sc;

		n += sprintf(big + n, "{ \"scenario\": 1, \"name\": \"m\", \"steps\": [");
		for (i = 0; i < 50000; i++)
			n += sprintf(big + n, "%s{ \"op\": \"memblock_alloc\", \"size\": 64, \"align\":"
				     " \"$l%d - $l%d\", \"as\": \"l%d\" }", i ? ",\n" : "",
				     i ? i - 1 : 0, i ? i - 1 : 0, i);
		n += sprintf(big + n, "] }");
		sc = scenario_load_buffer("big.json", big, n, err, sizeof(err));
		/* The first step uses its own label: an error at line 1. */
		ok(!sc && strstr(err, "big.json:1:") && strstr(err, "unknown label '$l0'"),
		   "50000 labelled steps: the first one's self-reference is caught");
		memcpy(strstr(big, "\"$l0 - $l0\""), "\"64       \"", 11);
		sc = scenario_load_buffer("big.json", big, n, err, sizeof(err));
		ok(sc && sc->nr_steps == 50000 && sc->steps[49999].args[1].phys.expr,
		   "50000 labelled steps load");
		if (!sc)
			diag("%s", err);
		scenario_free(sc);
	}
}

static void test_files(void)
{
	static char buf[(17 << 20) + 128];
	struct scenario *sc;
	char dir[] = "/tmp/mbviz-test-loader-XXXXXX", path[64];
	FILE *f;
	int n;

	/* Refused on its length alone: the buffer is never read. */
	sc = scenario_load_buffer("t.json", buf, (1u << 30) + 1, err, sizeof(err));
	ok(!sc, "more than 1 GiB is refused");
	is_str(err, "t.json: too large (1073741825 bytes): a scenario file is at most 1 GiB",
	       "too large");
	/* 17 MiB (the old limit was 16 MiB): an x- key padded with one long string. */
	n = snprintf(buf, sizeof(buf), "{ \"scenario\": 1, \"name\": \"big\", \"steps\": [], "
		     "\"x-pad\": \"");
	memset(buf + n, 'a', (17 << 20) - n);
	strcpy(buf + (17 << 20), "\" }");
	sc = scenario_load_buffer("t.json", buf, strlen(buf), err, sizeof(err));
	ok(sc && sc->nr_steps == 0, "a 17 MiB scenario loads");
	scenario_free(sc);
	ok(!scenario_load_buffer("t.json", "", 0, err, sizeof(err)), "empty is refused");
	is_str(err, "t.json: empty file, expected a JSON scenario", "empty");
	ok(!scenario_load("/nonexistent/x.json", err, sizeof(err)), "missing file");
	is_str(err, "/nonexistent/x.json: cannot open: No such file or directory", "missing file");
	if (!ok(mkdtemp(dir) != NULL, "temporary directory"))
		return;
	ok(!scenario_load(dir, err, sizeof(err)) && strstr(err, ": is a directory, expected a "
							    "scenario file"), "a directory");
	snprintf(path, sizeof(path), "%s/fifo.json", dir);
	ok(mkfifo(path, 0600) == 0 && !scenario_load(path, err, sizeof(err)) &&
	   strstr(err, ": not a regular file, expected a scenario file"),
	   "a FIFO is refused without blocking");
	unlink(path);
	snprintf(path, sizeof(path), "%s/ok.json", dir);
	f = fopen(path, "w");
	if (f) {
		fputs(minimal, f);
		fclose(f);
	}
	sc = scenario_load(path, err, sizeof(err));
	ok(sc && !strcmp(sc->file, path), "a file loads; file is the name as given");
	scenario_free(sc);
	unlink(path);
	rmdir(dir);
	{
		char small[8];

		ok(!scenario_load_buffer("a-rather-long-name.json", "", 0, small, sizeof(small)) &&
		   strlen(small) == 7, "a short error buffer is filled, never overrun");
	}
}

/* Issue 12: the kernel version, and what a 6.12 scenario may say that a 6.1 one may not. */
static void test_versions(void)
{
	struct scenario *sc = load("{\"scenario\": 1, \"name\": \"v\", \"machine\": "
				   "{\"kernel\": \"6.12\"}, \"steps\": ["
				   "{\"op\": \"memblock_reserved_mark_noinit\", \"base\": \"1M\", "
				   "\"size\": \"4K\", \"expect\": {\"ret\": {\"ne\": \"-ENOMEM\"}}}], "
				   "\"expect\": {\"memory\": {\"cnt\": 0, \"regions\": []}, "
				   "\"reserved\": {\"regions\": {\"0\": {\"base\": \"1M\", "
				   "\"size\": \"4K\", \"nid\": 0, "
				   "\"flags\": \"MEMBLOCK_RSRV_NOINIT|HOTPLUG\"}}}}}");
	struct scenario *sc61;

	ok(sc && sc->machine.kernel == KERNEL_6_12, "machine.kernel \"6.12\"");
	ok(sc && sc->steps[0].spec->id == OP_MEMBLOCK_RESERVED_MARK_NOINIT &&
	   step_expect(&sc->steps[0])->ret.cmp == RET_CMP_NE && step_expect(&sc->steps[0])->ret.integer == -12,
	   "a 6.12 op, with ret {\"ne\": \"-ENOMEM\"}");
	ok(sc && sc->expect.memory.has_cnt && sc->expect.memory.cnt.constant == 0 &&
	   sc->expect.memory.nr_regions == 0 && !sc->expect.memory.indices,
	   "6.12: cnt 0 and regions [] for an empty type");
	ok(sc && sc->expect.reserved.indices && sc->expect.reserved.nr_regions == 1 &&
	   sc->expect.reserved.indices[0] == 0 && sc->expect.reserved.regions[0].has_flags &&
	   sc->expect.reserved.regions[0].flags == (MBF_RSRV_NOINIT | MBF_HOTPLUG),
	   "6.12: RSRV_NOINIT in a region's flags, in regions given by index");
	scenario_free(sc);
	sc61 = load("{\"scenario\": 1, \"name\": \"v\", \"steps\": []}");
	ok(sc61 && sc61->machine.kernel == KERNEL_6_1, "machine.kernel defaults to 6.1");
	scenario_free(sc61);
	is_str(load_err("{\"scenario\": 1, \"name\": \"v\", \"steps\": [], \"expect\": "
			"{\"reserved\": {\"regions\": [{\"base\": 0, \"size\": 0, "
			"\"flags\": \"RSRV_NOINIT\"}]}}}"),
	       "t.json:1:111: expect.reserved.regions[0].flags: flag \"RSRV_NOINIT\" is not in "
	       "Linux 6.1 (machine.kernel \"6.1\"): it is a flag of Linux 6.12",
	       "6.1: RSRV_NOINIT is refused, naming the version that has it");
	is_str(load_err("{\"scenario\": 1, \"name\": \"v\", \"machine\": {\"kernel\": "
			"\"6.12\"}, \"steps\": [], \"expect\": {\"reserved\": {\"regions\": "
			"[{\"base\": 0, \"size\": 0, \"flags\": \"NOINIT\"}]}}}"),
	       "t.json:1:142: expect.reserved.regions[0].flags: unknown flag \"NOINIT\"; flags "
	       "are NONE, HOTPLUG, MIRROR, NOMAP, DRIVER_MANAGED and RSRV_NOINIT",
	       "6.12: the flag list names RSRV_NOINIT");
}

/*
 * The scanners take plain ASCII eight bytes at a time: a character that
 * ends the run (a tab, a bad byte, a multi-byte character) must be
 * found, at the right column, at any offset from the word boundaries.
 */
static void test_long_runs(void)
{
	static const char head[] = "{ \"scenario\": 1, \"name\": \"m\", \"title\": \"";
	char text[256], want[256];
	int k, bad_tab = 0, bad_byte = 0, bad_col = 0, col = (int)strlen(head) + 1;

	for (k = 0; k < 24; k++) {
		/* k ASCII bytes, a two-byte character, k more, then a tab: one column each. */
		snprintf(text, sizeof(text), "%s%.*s\xc3\xa9%.*s\t\" }", head, k,
			 "abcdefghijklmnopqrstuvwxyz", k, "abcdefghijklmnopqrstuvwxyz");
		snprintf(want, sizeof(want), "t.json:1:%d: control character U+0009 in a string "
			 "(escape it)", col + 2 * k + 1);
		bad_tab += strcmp(load_err(text), want) != 0;
		/* k ASCII bytes, then a byte that is never UTF-8. */
		snprintf(text, sizeof(text), "%s%.*s\xff\" }", head, k, "abcdefghijklmnopqrstuvwxyz");
		snprintf(want, sizeof(want), "t.json:1:%d: binary file: invalid UTF-8 byte 0xff",
			 col + k);
		bad_byte += strcmp(load_err(text), want) != 0;
		/* A long title, then an error after it: its column counts characters. */
		snprintf(text, sizeof(text), "%s%.*s\xc3\xa9%.*s\", \"description\": 5 }", head, k,
			 "abcdefghijklmnopqrstuvwxyz", k, "abcdefghijklmnopqrstuvwxyz");
		snprintf(want, sizeof(want), "t.json:1:%d: description: expected a string, got 5",
			 col + 2 * k + 19);
		bad_col += strcmp(load_err(text), want) != 0;
	}
	ok(!bad_tab, "a tab after runs of 0-23 characters: its column (%d wrong)", bad_tab);
	ok(!bad_byte, "a bad byte after runs of 0-23 bytes: its column (%d wrong)", bad_byte);
	ok(!bad_col, "columns after long strings count characters (%d wrong)", bad_col);
}

int main(void)
{
	test_versions();
	test_good();
	test_defaults();
	test_positions();
	test_long_runs();
	test_labels();
	test_files();
	return done_testing();
}
