// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The model engine: op_calls in, results by return kind out, the caller
 * shown by %pS, arguments reduced to the machine's phys_addr_t, visible
 * state, checkpoints (WARN_ONCE state included), and a kernel BUG that
 * ends the simulated kernel without ending the program.
 */
#include "tap.h"

#include <string.h>

#include "run/engine.h"
#include "model/memblock.h"
#include "core/steplog.h"

static struct engine *eng;
static struct steplog lg;

static struct op_result run(enum op_id op, const char *caller, uint64_t a0, uint64_t a1,
			    uint64_t a2, uint64_t a3)
{
	struct op_call c = { .op = op, .caller = caller };
	struct op_result res;

	c.arg[0].phys = a0;
	c.arg[1].phys = a1;
	c.arg[2].phys = a2;
	c.arg[3].phys = a3;
	steplog_set_current(&lg, 8);
	eng->ops->exec(eng, &c, &res);
	steplog_set_current(NULL, 8);
	return res;
}

#define RUN2(op, a0, a1)	run(op, "steps[0]", a0, a1, 0, 0)

static bool logged(enum log_kind kind, const char *text)
{
	int i;

	for (i = 0; i < lg.nr; i++)
		if (lg.lines[i].kind == kind && strcmp(lg.lines[i].text, text) == 0)
			return true;
	for (i = 0; i < lg.nr; i++)
		printf("#   log[%d] kind %d: %s\n", i, lg.lines[i].kind, lg.lines[i].text);
	return false;
}

static void boot(const struct machine *m)
{
	steplog_reset(&lg);
	eng->ops->reset(eng, m);
}

static void test_create(void)
{
	struct mb_state st;

	eng = model_engine_create();
	ok(eng != NULL, "create");
	ok(model_engine_create() == NULL, "a second model engine is refused");
	ok(!strcmp(eng->ops->name, "model"), "engine name");
	eng->ops->get_state(eng, &st);
	ok(st.memory.cnt == 1 && st.memory.regions[0].size == 0 && st.memory.max == 128,
	   "state before any reset: default machine, empty");
	state_free(&st);
}

static void test_results(void)
{
	struct machine m;
	struct op_result res;
	struct mb_state st;

	machine_init_default(&m);
	m.memory_regions = 2;
	boot(&m);
	res = run(OP_MEMBLOCK_ADD, "steps[3]", 0x100000, 0x100000, 0, 0);
	ok(res.kind == RET_INT && res.value == 0 && !res.unsupported, "add: RET_INT 0");
	ok(logged(LOG_DEBUG, "memblock_add: [0x0000000000100000-0x00000000001fffff] steps[3]"),
	   "add: %%pS prints the step");
	RUN2(OP_MEMBLOCK_ADD, 0x80000, 0x1000);
	res = RUN2(OP_MEMBLOCK_ADD, 0x500000, 0x1000);
	is_u64(res.value, (uint64_t)(int64_t)-12, "add to a full array: -ENOMEM sign-extended");

	res = run(OP_MEMBLOCK_PHYS_ALLOC, "steps[4]", 0x1000, 0x1000, 0, 0);
	ok(res.kind == RET_ADDR && res.value == 0x1ff000, "phys_alloc: RET_ADDR");
	ok(logged(LOG_DEBUG, "memblock_reserve: [0x00000000001ff000-0x00000000001fffff] "
		  "memblock_alloc_range_nid"),
	   "phys_alloc: nested reserve names its caller");
	res = RUN2(OP_MEMBLOCK_IS_MEMORY, 0x80fff, 0);
	ok(res.kind == RET_BOOL && res.value == 1, "is_memory: RET_BOOL 1");
	res = RUN2(OP_MEMBLOCK_IS_RESERVED, 0x80fff, 0);
	ok(res.value == 0, "is_reserved: 0");
	res = RUN2(OP_MEMBLOCK_PHYS_MEM_SIZE, 0, 0);
	ok(res.kind == RET_VALUE && res.value == 0x101000, "phys_mem_size: RET_VALUE");
	res = RUN2(OP_MEMBLOCK_ALLOC, 0x1000, 0x1000);
	is_u64(res.value, 0x1fe000, "alloc: virtual API returns the identity-mapped address");
	res = RUN2(OP_MEMBLOCK_FREE, 0, 0x1000);
	ok(res.kind == RET_NONE && !res.unsupported, "memblock_free(NULL): RET_NONE");

	eng->ops->get_state(eng, &st);
	ok(st.reserved.cnt == 1 && st.reserved.regions[0].base == 0x1fe000 &&
	   st.reserved.regions[0].size == 0x2000, "get_state: reserved copied");
	ok(st.nr_contents == 2 && st.contents[0].state == CONTENT_ZEROED &&
	   st.contents[1].state == CONTENT_UNTOUCHED, "get_state: contents");
	ok(st.memory.regions[0].nid == 0 && st.memory.max == 2 && !st.discarded,
	   "get_state: no NUMA reads nid 0");
	state_free(&st);

	res = RUN2(OP_MEMBLOCK_DISCARD, 0, 0);
	eng->ops->get_state(eng, &st);
	ok(!res.unsupported && st.discarded, "discard with static arrays");
	state_free(&st);
}

static void test_numa_and_width(void)
{
	struct machine m;
	struct op_call c = { .op = OP_MEMBLOCK_SET_NODE, .caller = "steps[1]" };
	struct op_result res;
	struct mb_state st;

	machine_init_default(&m);
	m.numa = true;
	m.max_numnodes = 4;
	boot(&m);
	RUN2(OP_MEMBLOCK_ADD, 0x100000, 0x100000);
	RUN2(OP_MEMBLOCK_RESERVE, 0x100000, 0x2000);
	c.arg[0].phys = 0x100000;
	c.arg[1].phys = 0x1000;
	c.arg[2].type = MB_TYPE_RESERVED;
	c.arg[3].nid = 2;
	eng->ops->exec(eng, &c, &res);
	eng->ops->get_state(eng, &st);
	ok(st.memory.regions[0].nid == 4, "NUMA: memblock_add leaves MAX_NUMNODES");
	ok(st.reserved.cnt == 2 && st.reserved.regions[0].nid == 2 &&
	   st.reserved.regions[1].nid == 4, "set_node on the reserved type");
	state_free(&st);

	/* 32-bit phys_addr_t: the kernel's parameters truncate the arguments. */
	machine_init_default(&m);
	m.phys_addr_bits = 32;
	m.current_limit = 0xffffffff;
	boot(&m);
	res = RUN2(OP_MEMBLOCK_ADD, 0x100001000ULL, 0x1000);
	eng->ops->get_state(eng, &st);
	ok(res.value == 0 && st.memory.regions[0].base == 0x1000, "32-bit: base truncated");
	state_free(&st);
	steplog_reset(&lg);
	steplog_set_current(&lg, 4);
	{
		struct op_call a = { .op = OP_MEMBLOCK_RESERVE, .caller = "steps[2]" };

		a.arg[0].phys = 0x2000;
		a.arg[1].phys = 0;
		eng->ops->exec(eng, &a, &res);
	}
	steplog_set_current(NULL, 4);
	ok(logged(LOG_DEBUG, "memblock_reserve: [0x00002000-0x00001fff] steps[2]"),
	   "32-bit: debug line at 8 digits");
}

static void test_checkpoints(void)
{
	struct machine m;
	struct op_result res;
	struct mb_state st;
	void *before, *after;
	int splats;

	machine_init_default(&m);
	m.numa = true;
	m.max_numnodes = 4;
	boot(&m);
	RUN2(OP_MEMBLOCK_ADD, 0x100000, 0x100000);
	before = eng->ops->save(eng);
	{
		struct op_call c = { .op = OP_MEMBLOCK_ALLOC_RANGE_NID, .caller = "steps[5]" };

		c.arg[0].phys = 0x1000;
		c.arg[1].phys = 0x1000;
		c.arg[2].phys = 0;
		c.arg[3].phys = UINT64_MAX;
		c.arg[4].nid = 4;	/* MAX_NUMNODES: WARN_ONCE */
		c.arg[5].boolean = false;
		steplog_reset(&lg);
		steplog_set_current(&lg, 8);
		eng->ops->exec(eng, &c, &res);
		after = eng->ops->save(eng);
		eng->ops->exec(eng, &c, &res);
		splats = steplog_warnings(&lg);
		is_int(splats, 1, "WARN_ONCE fires once");
		eng->ops->restore(eng, before);
		steplog_reset(&lg);
		eng->ops->exec(eng, &c, &res);
		is_int(steplog_warnings(&lg), 1, "restore before the warning: it fires again");
		eng->ops->restore(eng, after);
		steplog_reset(&lg);
		eng->ops->exec(eng, &c, &res);
		is_int(steplog_warnings(&lg), 0, "restore after the warning: it stays quiet");
		steplog_set_current(NULL, 8);
	}
	eng->ops->get_state(eng, &st);
	ok(st.reserved.cnt == 1 && st.reserved.regions[0].base == 0x1fe000 &&
	   st.reserved.regions[0].size == 0x2000 && st.nr_contents == 2,
	   "restore: reserved and contents as saved, then one more allocation");
	state_free(&st);
	eng->ops->restore(eng, before);
	eng->ops->get_state(eng, &st);
	ok(st.reserved.cnt == 1 && st.reserved.regions[0].size == 0 && st.nr_contents == 0 &&
	   st.memory.regions[0].size == 0x100000, "restore: back to the first checkpoint");
	state_free(&st);
	eng->ops->free_saved(eng, before);
	eng->ops->free_saved(eng, after);

	/* Doubled arrays survive a checkpoint. */
	machine_init_default(&m);
	m.reserved_regions = 2;
	m.allow_resize = true;
	boot(&m);
	RUN2(OP_MEMBLOCK_ADD, 0, 0x1000000);
	RUN2(OP_MEMBLOCK_RESERVE, 0x100000, 0x1000);
	RUN2(OP_MEMBLOCK_RESERVE, 0x200000, 0x1000);
	before = eng->ops->save(eng);
	RUN2(OP_MEMBLOCK_RESERVE, 0x300000, 0x1000);
	after = eng->ops->save(eng);
	eng->ops->restore(eng, before);
	eng->ops->restore(eng, after);
	eng->ops->get_state(eng, &st);
	ok(st.reserved.max == 4 && st.reserved.cnt == 4 &&
	   st.reserved.regions[3].base == 0xfff000, "restore: doubled array and its place");
	state_free(&st);
	steplog_reset(&lg);
	RUN2(OP_MEMBLOCK_RESERVE, 0x400000, 0x1000);
	ok(logged(LOG_DEBUG, "memblock_phys_free: [0x0000000000fff000-0x0000000000ffffff] "
		  "memblock_double_array"), "restored doubled array is freed at its address");
	eng->ops->free_saved(eng, before);
	eng->ops->free_saved(eng, after);
}

static void test_bug(void)
{
	struct machine m;
	struct op_result res;
	void *saved;

	/*
	 * Doubling memory takes the only free page; reserving it needs a
	 * bigger reserved array, for which no page is left: BUG_ON at :493.
	 */
	machine_init_default(&m);
	m.memory_regions = 2;
	m.reserved_regions = 2;
	boot(&m);
	RUN2(OP_MEMBLOCK_ADD, 0x10000, 0x2000);
	RUN2(OP_MEMBLOCK_ADD, 0x13000, 0x1000);
	RUN2(OP_MEMBLOCK_RESERVE, 0x10000, 0x1000);
	RUN2(OP_MEMBLOCK_RESERVE, 0x13000, 0x1000);
	RUN2(OP_MEMBLOCK_ALLOW_RESIZE, 0, 0);
	saved = eng->ops->save(eng);
	steplog_reset(&lg);
	res = RUN2(OP_MEMBLOCK_ADD, 0x30000, 0x1000);
	ok(res.unsupported && res.why && strstr(res.why, "memblock_add") &&
	   strstr(res.why, "kernel BUG at mm/memblock.c:493"), "BUG: reported as an error");
	diag("why: %s", res.why ? res.why : "(null)");
	ok(logged(LOG_DEBUG,
		  "memblock: memory is doubled to 4 at [0x0000000000011000-0x000000000001105f]"),
	   "BUG: memory array took the last free page");
	ok(logged(LOG_ERR, "memblock: Failed to double reserved array from 2 to 4 entries !"),
	   "BUG: reserved could not double");
	ok(logged(LOG_SPLAT, "kernel BUG at mm/memblock.c:493!"), "BUG: the kernel's line");
	res = RUN2(OP_MEMBLOCK_PHYS_MEM_SIZE, 0, 0);
	ok(res.unsupported && strstr(res.why, "died"), "after BUG: the kernel stays dead");
	eng->ops->restore(eng, saved);
	res = RUN2(OP_MEMBLOCK_PHYS_MEM_SIZE, 0, 0);
	ok(!res.unsupported && res.value == 0x3000, "restore before the BUG: alive again");
	eng->ops->free_saved(eng, saved);
	boot(&m);
	res = RUN2(OP_MEMBLOCK_PHYS_MEM_SIZE, 0, 0);
	ok(!res.unsupported, "reset: alive again");

	/* Doubling physmem would free its static array at an unknown address. */
	machine_init_default(&m);
	m.allow_resize = true;
	boot(&m);
	RUN2(OP_MEMBLOCK_ADD, 0, 0x1000000);
	for (int i = 0; i < 4; i++)
		RUN2(OP_MEMBLOCK_PHYSMEM_ADD, 0x100000 * (i + 1), 0x1000);
	res = RUN2(OP_MEMBLOCK_PHYSMEM_ADD, 0x800000, 0x1000);
	ok(res.unsupported && res.why && strstr(res.why, "physmem"),
	   "physmem doubling: the model says it cannot follow");
	res = RUN2(OP_MEMBLOCK_PHYS_MEM_SIZE, 0, 0);
	ok(!res.unsupported && res.value == 0x1000000, "physmem doubling refused: kernel alive");

	/* After memblock_discard(), memblock_cap_memory_range reads a NULL pointer. */
	RUN2(OP_MEMBLOCK_DISCARD, 0, 0);
	steplog_reset(&lg);
	res = RUN2(OP_MEMBLOCK_CAP_MEMORY_RANGE, 0, 0x100000);
	ok(res.unsupported && strstr(res.why, "oops") &&
	   logged(LOG_SPLAT, "BUG: kernel NULL pointer dereference, address: 0000000000000010"),
	   "cap after discard: oops");
	res = RUN2(OP_MEMBLOCK_PHYS_MEM_SIZE, 0, 0);
	ok(res.unsupported && strstr(res.why, "died"), "after the oops: dead");
}

/*
 * The hand-over ops reach the page-allocator model: 64M at 0 with one
 * reserved page.  memblock_free_all() releases [0, 0x4000) but pfn 0x100
 * (16383 pages); DMA is [0, 0x1000), DMA32 the rest; page_alloc_init_late
 * without deferred init frees nothing more; a late free of the reserved
 * page reaches the buddy allocator (no deferred range to drop it in).
 */
static void test_page_alloc_ops(void)
{
	struct machine m;
	struct op_result res;
	struct mb_state st;

	machine_init_default(&m);
	boot(&m);
	RUN2(OP_MEMBLOCK_ADD, 0, 0x4000000);
	RUN2(OP_MEMBLOCK_RESERVE, 0x100000, 0x1000);
	eng->ops->get_state(eng, &st);
	ok(!st.freed_all && st.nr_zones == 0, "before memblock_free_all: no zones");
	state_free(&st);

	res = RUN2(OP_MEMBLOCK_FREE_ALL, 0, 0);
	ok(!res.unsupported && res.kind == RET_PAGES && res.value == 16383,
	   "memblock_free_all: returns the 16383 pages it released");
	eng->ops->get_state(eng, &st);
	ok(st.freed_all && st.nr_zones == 3 && st.zones[0].managed == 4095 &&
	   st.zones[1].managed == 12288 && st.zones[1].present == 12288 &&
	   st.zones[2].spanned == 0, "memblock_free_all: DMA 4095 managed, DMA32 12288");
	ok(st.totalram_pages == 16383 && st.lost_pages == 0, "memblock_free_all: totalram");
	state_free(&st);

	res = RUN2(OP_PAGE_ALLOC_INIT_LATE, 0, 0);
	ok(!res.unsupported, "page_alloc_init_late: runs");
	res = RUN2(OP_MEMBLOCK_FREE_LATE, 0x100000, 0x1000);
	ok(!res.unsupported, "memblock_free_late: runs");
	eng->ops->get_state(eng, &st);
	ok(st.deferred_done && st.zones[0].managed == 4096 && st.totalram_pages == 16384 &&
	   st.lost_pages == 0, "memblock_free_late: the page reaches DMA's buddy allocator");
	state_free(&st);
}

int main(void)
{
	plan(48);
	steplog_init(&lg);
	test_create();
	test_results();
	test_numa_and_width();
	test_checkpoints();
	test_bug();
	test_page_alloc_ops();
	eng->ops->destroy(eng);
	eng = model_engine_create();
	ok(eng != NULL, "create again after destroy");
	eng->ops->destroy(eng);
	steplog_free(&lg);
	return done_testing();
}
