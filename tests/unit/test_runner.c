// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The runner and the expectation checker, on a fake engine and scenarios
 * built by hand: argument evaluation against the state before a step,
 * labels, step and top-level expectations, run-time errors, checkpoints,
 * and the exact wording of reports.
 */
#include <stdio.h>
#include <stdlib.h>

#include "run/expect.h"
#include "fake_engine.h"
#include "run/runner.h"
#include "scenario/scenario.h"
#include "tap.h"

#define MAX_STEPS	16

static struct scenario sc;
/* The scenario owns its strings: writable copies, not literals. */
static char file_name[] = "t.json", scenario_name[] = "t";
static struct step steps[MAX_STEPS];
static struct step_arg step_args[MAX_STEPS][OP_MAX_ARGS];
static struct expect step_expects[MAX_STEPS];
static struct expr_env consts;
static struct expr *parsed[32];
static int nr_parsed;

static void new_scenario(void)
{
	while (nr_parsed)
		expr_free(parsed[--nr_parsed]);
	memset(&sc, 0, sizeof(sc));
	memset(steps, 0, sizeof(steps));
	memset(step_args, 0, sizeof(step_args));
	memset(step_expects, 0, sizeof(step_expects));
	sc.file = file_name;
	sc.name = scenario_name;
	machine_init_default(&sc.machine);
	sc.steps = steps;
	sc.expect.nr_contents = -1;
	sc.expect.nr_zones = -1;
	scenario_expr_consts(&sc.machine, &consts);
}

static struct step *step(int i, enum op_id op, int line)
{
	struct step *st = &steps[i];

	st->index = i;
	st->spec = op_spec(op);
	st->pos.line = line;
	st->pos.col = 5;
	st->args = step_args[i];
	st->expect = &step_expects[i];
	st->expect->nr_contents = -1;
	st->expect->nr_zones = -1;
	if (i >= sc.nr_steps)
		sc.nr_steps = i + 1;
	return st;
}

static struct value cv(uint64_t v, int line)
{
	return (struct value){ .constant = v, .pos = { .line = line, .col = 9 } };
}

static struct value ev(const char *text, int line, const char *path)
{
	char err[128];
	int off;
	struct value v = { .pos = { .line = line, .col = 9, .path = (char *)path } };

	v.expr = expr_parse(text, &consts, NULL, NULL, err, sizeof(err), &off);
	if (!v.expr)
		diag("cannot parse '%s': %s", text, err);
	else
		parsed[nr_parsed++] = v.expr;
	return v;
}

static void arg(struct step *st, int a, struct value v)
{
	st->args[a].present = true;
	st->args[a].phys = v;
}

static void expect_on(struct expect *e, int line)
{
	e->present = true;
	e->pos.line = line;
}

static const char *failure_text(const struct step_outcome *o, int i)
{
	static char buf[512];

	if (i >= o->nr_failures)
		return "(no such failure)";
	failure_format(&o->failures[i], buf, sizeof(buf));
	return buf;
}

static void test_formats(void)
{
	struct op_call c = { .op = OP_MEMBLOCK_RESERVE };
	struct op_result res = { .kind = RET_INT };
	char path[] = "reserved.regions[1].size", expected[] = "0x1000", actual[] = "0x2000";
	char cnt_path[] = "memory.cnt", two[] = "2", three[] = "3";
	struct failure f = { 3, 14, path, expected, actual, "memblock_reserve" };
	char buf[256];
	int n;

	c.arg[0].phys = 0x1000;
	c.arg[1].phys = 0x2000;
	call_format(&sc.machine, &c, &res, buf, sizeof(buf));
	is_str(buf, "memblock_reserve(base=0x1000, size=0x2000) = 0", "call_format: int result");

	c = (struct op_call){ .op = OP_MEMBLOCK_ADD_NODE };
	c.arg[1].phys = 0x1000;
	c.arg[2].nid = -1;
	c.arg[3].flags = MBF_HOTPLUG | MBF_MIRROR;
	res.value = (uint64_t)(int64_t)-12;
	call_format(&sc.machine, &c, &res, buf, sizeof(buf));
	is_str(buf, "memblock_add_node(base=0x0, size=0x1000, nid=NUMA_NO_NODE, flags=HOTPLUG|MIRROR)"
	       " = -ENOMEM", "call_format: nid, flags, errno by name");

	c = (struct op_call){ .op = OP_MEMBLOCK_SET_NODE };
	c.arg[2].type = MB_TYPE_RESERVED;
	c.arg[3].nid = 1;
	res.value = 0;
	call_format(&sc.machine, &c, &res, buf, sizeof(buf));
	is_str(buf, "memblock_set_node(base=0x0, size=0x0, type=reserved, nid=1) = 0",
	       "call_format: memblock type");

	c = (struct op_call){ .op = OP_MEMBLOCK_ALLOC_RANGE_NID };
	c.arg[0].phys = 0x1000;
	c.arg[1].phys = 0x40;
	c.arg[3].phys = UINT64_MAX;
	c.arg[5].boolean = true;
	res = (struct op_result){ .kind = RET_ADDR, .value = 0x7fff000 };
	call_format(&sc.machine, &c, &res, buf, sizeof(buf));
	is_str(buf, "memblock_alloc_range_nid(size=0x1000, align=0x40, start=0x0, "
	       "end=0xffffffffffffffff, nid=0, exact_nid=true) = 0x7fff000",
	       "call_format: address result, bool argument");

	c = (struct op_call){ .op = OP_MEMBLOCK_FREE_ALL };
	res = (struct op_result){ .kind = RET_PAGES, .value = 1234 };
	call_format(&sc.machine, &c, &res, buf, sizeof(buf));
	is_str(buf, "memblock_free_all() = 1234", "call_format: pages in decimal");

	c = (struct op_call){ .op = OP_MEMBLOCK_IS_MEMORY };
	res = (struct op_result){ .kind = RET_BOOL, .value = 1 };
	call_format(&sc.machine, &c, &res, buf, sizeof(buf));
	is_str(buf, "memblock_is_memory(addr=0x0) = true", "call_format: bool result");

	c = (struct op_call){ .op = OP_MEMBLOCK_FREE };
	c.arg[0].phys = 0x1000;
	c.arg[1].phys = 0x10;
	res = (struct op_result){ .kind = RET_NONE };
	call_format(&sc.machine, &c, &res, buf, sizeof(buf));
	is_str(buf, "memblock_free(ptr=0x1000, size=0x10)", "call_format: void op has no result");

	c = (struct op_call){ .op = OP_MEMBLOCK_RESERVE };
	n = call_format(&sc.machine, &c, NULL, buf, 10);
	ok(n == (int)strlen("memblock_reserve(base=0x0, size=0x0)") && !strcmp(buf, "memblock_"),
	   "call_format: no result before the step ran; truncates safely, returns full length");

	new_scenario();
	step(3, OP_MEMBLOCK_RESERVE, 12);
	failure_format(&f, buf, sizeof(buf));
	is_str(buf, "steps[3] memblock_reserve (line 14): reserved.regions[1].size: "
	       "expected 0x1000, got 0x2000", "failure_format: step failure");
	f = (struct failure){ -1, 30, cnt_path, two, three, NULL };
	failure_format(&f, buf, sizeof(buf));
	is_str(buf, "expect (line 30): memory.cnt: expected 2, got 3",
	       "failure_format: top-level failure");
	is_str(ret_format(RET_INT, 0xfffffff4, buf, sizeof(buf)), "-ENOMEM",
	       "ret_format: an int result is read as a signed int");
}

/* The scenario the run tests use; see the line numbers in the checks. */
static void build_main_scenario(void)
{
	struct step *st;
	static struct expect_region mem_r[1], res_r[1], res_r2[2];
	static char buf_label[] = "buf";
	static struct expect_content cont[2], cont_ok[1];

	new_scenario();
	st = step(0, OP_MEMBLOCK_ADD, 10);
	arg(st, 0, cv(0, 10));
	arg(st, 1, cv(0x10000000, 10));
	expect_on(st->expect, 11);
	st->expect->memory = (struct expect_type){ .present = true, .has_cnt = true,
		.has_total_size = true, .has_regions = true, .cnt = cv(1, 11),
		.total_size = cv(0x10000000, 11), .nr_regions = 1, .regions = mem_r };
	mem_r[0] = (struct expect_region){ .base = cv(0, 12), .size = cv(0x10000000, 12),
		.has_nid = true, .has_flags = true, .nid = 0, .flags = MBF_NONE };

	st = step(1, OP_MEMBLOCK_RESERVE, 14);
	arg(st, 0, cv(0x1000, 14));
	arg(st, 1, cv(0x2000, 14));
	expect_on(st->expect, 15);
	st->expect->reserved = (struct expect_type){ .present = true, .has_cnt = true,
		.has_regions = true, .cnt = cv(2, 15), .nr_regions = 1, .regions = res_r };
	res_r[0] = (struct expect_region){ .base = cv(0x1000, 16), .size = cv(0x1000, 16) };

	st = step(2, OP_MEMBLOCK_ALLOC, 20);
	arg(st, 0, cv(0x1000, 20));
	arg(st, 1, cv(0x1000, 20));
	st->as = buf_label;
	expect_on(st->expect, 21);
	st->expect->ret = (struct expect_ret){ .present = true, .kind = RET_ADDR,
		.phys = ev("$buf", 21, "steps[2].expect.ret"), .pos = { .line = 21 } };
	st->expect->nr_contents = 1;
	st->expect->contents = cont_ok;
	cont_ok[0] = (struct expect_content){ .base = ev("$buf", 22, "x"), .size = cv(0x1000, 22),
		.state = CONTENT_ZEROED, .pos = { .line = 22 } };

	st = step(3, OP_MEMBLOCK_RESERVE, 25);
	arg(st, 0, ev("$buf + 0x10000", 25, "steps[3].base"));
	arg(st, 1, cv(0, 25));
	expect_on(st->expect, 26);
	st->expect->ret = (struct expect_ret){ .present = true, .kind = RET_INT, .integer = -22,
		.pos = { .line = 26 } };
	st->expect->has_warnings = true;
	st->expect->warnings = 1;
	st->expect->memory = (struct expect_type){ .present = true, .has_regions = true,
		.nr_regions = 0, .pos = { .line = 27 } };

	st = step(4, OP_MEMBLOCK_RESERVE, 30);
	arg(st, 0, ev("end_of_DRAM - 0x1000", 30, "steps[4].base"));
	arg(st, 1, cv(0x1000, 30));
	expect_on(st->expect, 31);
	st->expect->reserved = (struct expect_type){ .present = true, .has_regions = true,
		.nr_regions = 2, .regions = res_r2, .pos = { .line = 32 } };
	res_r2[0] = (struct expect_region){ .base = cv(0x1000, 33), .size = cv(0x2000, 33),
		.has_flags = true, .flags = MBF_NOMAP, .pos = { .line = 33 } };
	res_r2[1] = (struct expect_region){ .base = cv(0x100000, 34), .size = cv(0x1000, 34),
		.has_nid = true, .nid = 1, .pos = { .line = 34 } };

	st = step(5, OP_MEMBLOCK_ALLOC_RAW, 36);
	arg(st, 0, cv(0x2000, 36));
	arg(st, 1, cv(0, 36));
	expect_on(st->expect, 37);
	st->expect->nr_contents = 2;
	st->expect->contents = cont;
	cont[0] = (struct expect_content){ .base = ev("$buf", 38, "x"), .size = cv(0x3000, 38),
		.state = CONTENT_ZEROED, .pos = { .line = 38 } };
	cont[1] = (struct expect_content){ .base = cv(0x200000, 39), .size = cv(0x10, 39),
		.state = CONTENT_UNTOUCHED, .pos = { .line = 39 } };

	st = step(6, OP_MEMBLOCK_IS_MEMORY, 40);
	/* No path stored, as the loader stores none for arguments: the runner writes it. */
	arg(st, 0, ev("reserved[9].base", 40, NULL));
}

static void test_run(void)
{
	struct fake_engine *f = fake_engine_create();
	struct step_outcome o;
	struct run *r;
	void *saved;
	int ret;

	build_main_scenario();
	r = run_create(&sc, &f->e);
	ok(r && f->resets == 1 && run_done(r) == 0, "run_create resets the engine");

	ret = run_step(r, &o);
	ok(ret == 0 && o.nr_failures == 0 && run_done(r) == 1,
	   "steps[0]: memory expectations met");
	is_str(o.log.nr ? o.log.lines[0].text : NULL,
	       "memblock_add: [0x0000000000000000-0x000000000fffffff] steps[0]",
	       "steps[0]: the engine's messages land in the step's log, %%pS names the step");
	step_outcome_free(&o);

	ret = run_step(r, &o);
	is_int(o.nr_failures, 2, "steps[1]: two failures");
	is_str(failure_text(&o, 0), "steps[1] memblock_reserve (line 15): reserved.cnt: "
	       "expected 2, got 1", "steps[1]: count failure in decimal");
	is_str(failure_text(&o, 1), "steps[1] memblock_reserve (line 16): reserved.regions[0].size: "
	       "expected 0x1000, got 0x2000", "steps[1]: size failure in hex, line of the region");
	step_outcome_free(&o);

	ret = run_step(r, &o);
	ok(ret == 0 && o.nr_failures == 0 && o.res.value == 0x100000,
	   "steps[2]: ret and contents expectations may use the label the step binds");
	is_str(o.call.caller, "steps[2]", "steps[2]: caller is the step's path");
	step_outcome_free(&o);

	saved = run_save(r);

	ret = run_step(r, &o);
	is_u64(o.call.arg[0].phys, 0x110000, "steps[3]: label arithmetic in an argument");
	is_int(steplog_warnings(&o.log), 1, "steps[3]: the warning is recorded on the step");
	is_int(o.nr_failures, 1, "steps[3]: ret -EINVAL and warnings 1 met, memory not empty");
	is_str(failure_text(&o, 0), "steps[3] memblock_reserve (line 27): memory.regions: "
	       "expected empty, got 1 region", "steps[3]: [] means empty");
	step_outcome_free(&o);

	ret = run_step(r, &o);
	is_u64(o.call.arg[0].phys, 0xffff000,
	       "steps[4]: end_of_DRAM is evaluated against the state before the step");
	is_int(o.nr_failures, 3, "steps[4]: length, flags and nid failures");
	is_str(failure_text(&o, 0), "steps[4] memblock_reserve (line 32): reserved.regions: "
	       "expected 2 regions, got 3 regions", "steps[4]: length mismatch");
	is_str(failure_text(&o, 1), "steps[4] memblock_reserve (line 33): reserved.regions[0].flags: "
	       "expected NOMAP, got NONE", "steps[4]: flags by name");
	is_str(failure_text(&o, 2), "steps[4] memblock_reserve (line 34): reserved.regions[1].nid: "
	       "expected 1, got 0", "steps[4]: nid checked where given");
	step_outcome_free(&o);

	ret = run_step(r, &o);
	is_int(o.nr_failures, 2, "steps[5]: two contents failures");
	is_str(failure_text(&o, 0), "steps[5] memblock_alloc_raw (line 38): contents[0].state: "
	       "expected zeroed, got untouched (0x101000-0x102fff)",
	       "steps[5]: every byte must be in the state; first stretch that is not");
	is_str(failure_text(&o, 1), "steps[5] memblock_alloc_raw (line 39): contents[1].state: "
	       "expected untouched, got untracked (0x200000-0x20000f)",
	       "steps[5]: bytes outside any tracked allocation");
	step_outcome_free(&o);

	ret = run_step(r, &o);
	ok(ret == -1 && run_done(r) == 6, "steps[6]: a bad region reference stops the run");
	is_str(o.error, "t.json:40:9: steps[6].addr: reserved[9] does not exist: "
	       "reserved.cnt is 4", "steps[6]: run-time error names file, line, path");
	step_outcome_free(&o);

	run_restore(r, saved);
	ok(run_done(r) == 3 && run_state(r)->reserved.cnt == 2,
	   "run_restore: back to the state after steps[2]");
	f->mb.next_alloc = 0x400000;	/* any re-bound label would now differ */
	ret = run_step(r, &o);
	is_u64(o.call.arg[0].phys, 0x110000, "run_restore: labels bound before the save survive");
	step_outcome_free(&o);
	run_free_saved(r, saved);
	run_destroy(r);
	fake_destroy(&f->e);
}

static void test_final_and_errors(void)
{
	struct fake_engine *f = fake_engine_create();
	static struct expect_zone zone;
	struct step_outcome o;
	struct step *st;
	struct run *r;
	int i;

	new_scenario();
	for (i = 0; i < 2; i++) {
		st = step(i, OP_MEMBLOCK_RESERVE, 10 + i);
		arg(st, 0, cv(0x1000, 10));
		arg(st, 1, cv(0, 10));
	}
	st = step(2, OP_MEMBLOCK_SET_BOTTOM_UP, 12);
	st->args[0].present = true;
	st->args[0].v.boolean = true;
	expect_on(&sc.expect, 20);
	sc.expect.has_warnings = true;
	sc.expect.warnings = 3;
	sc.expect.has_bottom_up = true;
	sc.expect.bottom_up = true;
	sc.expect.has_current_limit = true;
	sc.expect.current_limit = ev("PHYS_ADDR_MAX", 22, "expect.current_limit");
	sc.expect.has_totalram_pages = true;
	sc.expect.totalram_pages = 5;
	sc.expect.nr_zones = 1;
	sc.expect.zones = &zone;
	zone = (struct expect_zone){ .nid = 0, .zone = "DMA32", .has_managed = true, .managed = 5,
				     .pos = { .line = 24 } };

	r = run_create(&sc, &f->e);
	for (i = 0; i < 3; i++) {
		run_step(r, &o);
		step_outcome_free(&o);
	}
	memset(&o, 0, sizeof(o));
	run_check_final(r, &o);
	ok(!o.error && o.nr_failures == 3, "top level: three failures, bottom_up and limit met");
	is_str(failure_text(&o, 0), "expect (line 20): warnings: expected 3, got 2",
	       "top level: warnings count the whole run");
	is_str(failure_text(&o, 1), "expect (line 24): zones[0]: expected node 0 zone DMA32, "
	       "got no zones (memblock_free_all has not run)", "top level: zone before free_all");
	is_str(failure_text(&o, 2), "expect (line 20): totalram_pages: expected 5, got 0",
	       "top level: totalram_pages");
	step_outcome_free(&o);
	run_destroy(r);

	new_scenario();
	step(0, OP_MEMBLOCK_FREE_ALL, 50);
	r = run_create(&sc, &f->e);
	ok(run_step(r, &o) == -1 && run_done(r) == 0, "unsupported op: an error, not a step done");
	is_str(o.error, "t.json:50:5: steps[0]: memblock_free_all is not implemented by the fake "
	       "engine", "unsupported op: says so");
	step_outcome_free(&o);
	run_destroy(r);

	new_scenario();
	st = step(0, OP_MEMBLOCK_FREE_LATE, 52);
	arg(st, 0, cv(0, 52));
	arg(st, 1, cv(0x1000, 52));
	r = run_create(&sc, &f->e);
	run_step(r, &o);
	is_str(o.error, "t.json:52:5: steps[0]: memblock_free_late is not modelled yet",
	       "unsupported op: the engine's reason when it names the op");
	step_outcome_free(&o);
	ok(run_step(r, &o) == -1 && o.error && run_done(r) == 0, "unsupported op: stays unsupported");
	step_outcome_free(&o);
	run_destroy(r);
	fake_destroy(&f->e);
}

/* expect_check straight on a state built by hand. */
static void test_expect_direct(void)
{
	struct mb_region regions[2] = { { 0x1000, 0x1000, MBF_NONE, 0 },
					{ 0x3000, 0x1000, MBF_NONE, 0 } };
	struct mb_content contents[2] = { { 0x1000, 0x800, CONTENT_ZEROED, 0 },
					  { 0x1800, 0x800, CONTENT_ZEROED, 0 } };
	struct mb_region dummy = { 0, 0, MBF_NONE, 0 };
	struct expect_content ec = { .size = { .constant = 0x1000 }, .state = CONTENT_ZEROED };
	struct expect_region er = { .base = { .constant = 0 }, .size = { .constant = 0 } };
	struct op_result res = { .kind = RET_INT, .value = 0xfffffff4 };
	struct mb_state st = { 0 };
	struct expect e = { .present = true, .nr_contents = -1, .nr_zones = -1 };
	struct expect_ctx ctx = { .file = "t.json", .machine = &sc.machine, .env = &consts,
				  .step = 0, .op = "memblock_reserve", .res = &res };
	struct step_outcome o = { 0 };
	char err[256];

	new_scenario();
	step(0, OP_MEMBLOCK_RESERVE, 1);
	st.memory = (struct mb_type){ 2, 128, 0x2000, regions };
	st.reserved = (struct mb_type){ 1, 128, 0, &dummy };
	st.nr_contents = 2;
	st.contents = contents;
	ec.base.constant = 0x1000;

	e.ret = (struct expect_ret){ .present = true, .kind = RET_INT, .integer = -12 };
	e.reserved = (struct expect_type){ .present = true, .has_regions = true, .nr_regions = 1,
					   .regions = &er };
	e.nr_contents = 1;
	e.contents = &ec;
	ok(expect_check(&e, &st, &ctx, &o, err, sizeof(err)) == 0 && o.nr_failures == 0,
	   "ret as signed int; explicit dummy region means empty; contents over two ranges");

	e.memory = (struct expect_type){ .present = true, .has_regions = true, .nr_regions = 1,
					 .regions = &er };
	ec.size.constant = 0x1001;
	expect_check(&e, &st, &ctx, &o, err, sizeof(err));
	ok(o.nr_failures == 4, "memory: length, base, size; contents overrun");
	is_str(failure_text(&o, 0), "steps[0] memblock_reserve: memory.regions: "
	       "expected 1 region, got 2 regions", "no line when the position is unknown");
	is_str(failure_text(&o, 3), "steps[0] memblock_reserve: contents[0].state: "
	       "expected zeroed, got untracked (0x2000-0x2000)", "contents: one byte too far");
	step_outcome_free(&o);
}

/* Lines of @kind in @log. */
static int count_kind(const struct steplog *log, enum log_kind kind)
{
	int i, n = 0;

	for (i = 0; i < log->nr; i++)
		n += log->lines[i].kind == kind;
	return n;
}

/*
 * check spares the formatting of memblock=debug lines: they are gone from
 * its logs, and nothing else is (warnings are still counted).
 */
static void test_debug_lines(void)
{
	struct engine *eng = model_engine_create(-1);
	struct step_outcome o;
	struct run *r;
	int pass, debug[2], warn[2], info[2];

	for (pass = 0; pass < 2; pass++) {
		new_scenario();
		arg(step(0, OP_MEMBLOCK_ADD, 1), 0, cv(0x100000, 1));
		arg(&steps[0], 1, cv(0x100000, 1));
		/* align 0: a stack dump (a warning) as well as the debug line (6.1). */
		arg(step(1, OP_MEMBLOCK_PHYS_ALLOC, 2), 0, cv(0x1000, 2));
		arg(&steps[1], 1, cv(0, 2));
		r = run_create(&sc, eng);
		run_keep_debug_lines(r, pass == 0);
		run_step(r, &o);
		step_outcome_free(&o);
		run_step(r, &o);
		debug[pass] = count_kind(&o.log, LOG_DEBUG);
		warn[pass] = count_kind(&o.log, LOG_WARN) + count_kind(&o.log, LOG_SPLAT);
		info[pass] = count_kind(&o.log, LOG_INFO) + count_kind(&o.log, LOG_ERR);
		step_outcome_free(&o);
		run_destroy(r);
	}
	ok(debug[0] > 0 && debug[1] == 0, "debug lines kept by default (%d), dropped on "
	   "request (%d)", debug[0], debug[1]);
	ok(warn[0] > 0 && warn[0] == warn[1] && info[0] == info[1], "the other lines stay: %d/%d warnings, "
	   "%d/%d others", warn[0], warn[1], info[0], info[1]);
	eng->ops->destroy(eng);
}

int main(void)
{
	plan(49);
	new_scenario();
	test_formats();
	test_run();
	test_final_and_errors();
	test_expect_direct();
	test_debug_lines();
	new_scenario();
	return done_testing();
}
