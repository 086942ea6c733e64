// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The timeline on a fake engine: any step can be visited in any order and
 * shows the same state and outcome as a straight run to it; a step back
 * replays no more than one checkpoint interval; outcomes dropped from the
 * cache come back identical; a run-time error stops the timeline there.
 */
#include <stdio.h>
#include <stdlib.h>

#include "fake_engine.h"
#include "run/runner.h"
#include "scenario/scenario.h"
#include "tap.h"
#include "run/timeline.h"

#define NR_STEPS	1000

static struct scenario sc;
static struct step *steps;
/* The scenario owns its strings: writable copies, not literals. */
static char file_name[] = "tl.json", scenario_name[] = "tl";

/* Steps 2j reserve a page; steps 2j+1 free it again when j is odd. */
static void build(int nr)
{
	int i;

	memset(&sc, 0, sizeof(sc));
	free(steps);
	steps = calloc(nr, sizeof(*steps));
	sc.file = file_name;
	sc.name = scenario_name;
	machine_init_default(&sc.machine);
	sc.nr_steps = nr;
	sc.steps = steps;
	sc.expect.nr_contents = sc.expect.nr_zones = -1;
	for (i = 0; i < nr; i++) {
		struct step *st = &steps[i];
		int j = i / 2;

		st->index = i;
		st->pos.line = i + 1;
		st->pos.col = 3;
		st->expect.nr_contents = st->expect.nr_zones = -1;
		if (i % 2 == 0 || j % 2 == 0)
			st->spec = op_spec(OP_MEMBLOCK_RESERVE);
		else
			st->spec = op_spec(OP_MEMBLOCK_PHYS_FREE);
		st->args[0].present = st->args[1].present = true;
		st->args[0].phys.constant = 0x10000 + (uint64_t)j * 0x1000;
		st->args[1].phys.constant = 0x1000;
	}
}

/* The state after @k steps of a plain run from the start. */
static void reference(int k, struct mb_state *out)
{
	struct fake_engine *f = fake_engine_create();
	struct run *r = run_create(&sc, &f->e);
	struct step_outcome o;

	while (run_done(r) < k) {
		if (run_step(r, &o))
			break;
		step_outcome_free(&o);
	}
	state_copy(out, run_state(r));
	run_destroy(r);
	fake_destroy(&f->e);
}

static bool same_state(const struct mb_state *a, const struct mb_state *b)
{
	return a->reserved.cnt == b->reserved.cnt &&
	       a->reserved.total_size == b->reserved.total_size &&
	       !memcmp(a->reserved.regions, b->reserved.regions,
		       a->reserved.cnt * sizeof(*a->reserved.regions));
}

static void is_state_at(struct timeline *t, int k, const char *what)
{
	struct mb_state ref;

	reference(k, &ref);
	ok(timeline_pos(t) == k && same_state(timeline_state(t), &ref),
	   "%s: state after %d steps", what, k);
	state_free(&ref);
}

static const char *log0(const struct step_outcome *o)
{
	return o && o->log.nr ? o->log.lines[0].text : "(none)";
}

static void test_moves(void)
{
	struct fake_engine *f = fake_engine_create();
	const struct step_outcome *late, *early;
	const struct mb_state *st;
	struct timeline *t;
	uint64_t cnt;
	int before;

	build(NR_STEPS);
	t = timeline_create(&sc, &f->e, 16);
	ok(t && timeline_steps(t) == NR_STEPS && timeline_pos(t) == 0, "created at step 0");
	ok(timeline_goto(t, NR_STEPS) == 0, "forward to the end");
	is_state_at(t, NR_STEPS, "end");

	before = f->execs;
	timeline_goto(t, 500);
	ok(f->execs - before <= 15, "step back to 500 replays at most interval-1 steps (%d)",
	   f->execs - before);
	is_state_at(t, 500, "back");

	before = f->execs;
	timeline_goto(t, 999);
	ok(f->execs - before <= 15, "forward to 999 starts from a checkpoint (%d)",
	   f->execs - before);
	is_state_at(t, 999, "forward again");

	late = timeline_outcome(t, 998);
	is_str(log0(late), "memblock_reserve: [0x0000000000203000-0x0000000000203fff] steps[998]",
	       "outcome of the last step run");
	st = timeline_state(t);
	cnt = st->reserved.cnt;
	before = f->execs;
	early = timeline_outcome(t, 3);
	ok(f->execs - before > 0 && f->execs - before <= 2 * 16,
	   "an outcome no longer cached costs a bounded replay (%d)", f->execs - before);
	is_str(log0(early), "memblock_phys_free: [0x0000000000011000-0x0000000000011fff] steps[3]",
	       "outcome of an early step, replayed after leaving the cache");
	is_str(log0(late), "memblock_reserve: [0x0000000000203000-0x0000000000203fff] steps[998]",
	       "an outcome handed out before stays valid");
	ok(timeline_pos(t) == 999 && timeline_state(t) == st && st->reserved.cnt == cnt,
	   "fetching an old outcome leaves position and state alone");
	is_state_at(t, 999, "after the replay");
	ok(!timeline_outcome(t, 999) && !timeline_outcome(t, -1), "no outcome for steps not run");
	ok(timeline_goto(t, 0) == 0 && timeline_state(t)->reserved.cnt == 1 &&
	   timeline_state(t)->reserved.regions[0].size == 0, "back to the start: empty");
	ok(!timeline_outcome(t, 0), "at step 0 no step has an outcome");
	timeline_destroy(t);

	/* The default interval also bounds the replay. */
	t = timeline_create(&sc, &f->e, 0);
	timeline_goto(t, NR_STEPS);
	before = f->execs;
	timeline_goto(t, 1);
	ok(f->execs - before <= 63, "default interval: step back to 1 replays <= 63 steps (%d)",
	   f->execs - before);
	is_state_at(t, 1, "default interval");
	timeline_destroy(t);
	fake_destroy(&f->e);
}

static void test_error_and_failures(void)
{
	struct fake_engine *f = fake_engine_create();
	struct timeline *t;

	build(NR_STEPS);
	steps[700].spec = op_spec(OP_MEMBLOCK_FREE_ALL);
	steps[5].expect.present = true;
	steps[5].expect.reserved = (struct expect_type){ .present = true, .has_cnt = true,
		.cnt = { .constant = 99, .pos = { .line = 6 } } };
	t = timeline_create(&sc, &f->e, 16);
	ok(timeline_goto(t, NR_STEPS) == -1 && timeline_pos(t) == 700,
	   "a run-time error stops the timeline at the failing step");
	is_str(timeline_error(t), "tl.json:701:3: steps[700]: memblock_free_all is not implemented "
	       "by the fake engine", "timeline_error says why");
	ok(timeline_goto(t, 800) == -1 && timeline_pos(t) == 700, "no way past the error");
	ok(timeline_goto(t, 10) == 0 && timeline_pos(t) == 10, "back before it is fine");
	ok(timeline_goto(t, 700) == 0 && timeline_pos(t) == 700, "and up to it again");
	ok(timeline_outcome(t, 5) && timeline_outcome(t, 5)->nr_failures == 1,
	   "failed expectations are part of a replayed outcome");
	timeline_destroy(t);
	fake_destroy(&f->e);
}

int main(void)
{
	plan(24);
	test_moves();
	test_error_and_failures();
	free(steps);
	return done_testing();
}
