// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The timeline: a run that can be moved to any step.
 *
 * Checkpoints of the whole run are taken every `interval` steps as the run
 * first reaches them; moving to step k restores the nearest checkpoint at
 * or below k and replays at most interval - 1 steps.  The interval grows
 * with the scenario so that there are never more than MAX_CHECKPOINTS of
 * them, which bounds both the memory and the replay of a step back.
 *
 * Step outcomes (the call, the result, the kernel messages, the failures)
 * are kept for a bounded number of recently visited checkpoint segments
 * only: an outcome that was dropped is produced again by replaying its
 * segment, which costs no more than a step back.  So a million-step
 * scenario needs a million steps' worth of nothing.
 */
#include <string.h>

#include "runner.h"
#include "timeline.h"
#include "util/xalloc.h"

#define DEFAULT_INTERVAL	64
#define MAX_CHECKPOINTS		2048
#define CACHED_SEGMENTS		16

/* The outcomes of the steps of one segment [seg * interval, (seg + 1) * interval). */
struct segment {
	int			seg;		/* -1: slot unused */
	unsigned long		used;		/* LRU clock */
	struct step_outcome	*outs;		/* interval entries */
	bool			*have;
};

struct timeline {
	const struct scenario	*sc;
	struct run		*run;
	int			interval;
	int			pos;
	int			nr_cps;
	void			**cps;		/* cps[c]: the run after c * interval steps */
	struct segment		segs[CACHED_SEGMENTS];
	unsigned long		clock;
	char			*error;		/* first run-time error, sticky */
	int			stop;		/* with error: steps the run can reach */
	struct mb_state		state;		/* at pos, survives replays elsewhere */
	bool			have_state;
};

static int pick_interval(int nr_steps, int interval)
{
	if (interval <= 0) {
		interval = DEFAULT_INTERVAL;
		while (nr_steps / interval >= MAX_CHECKPOINTS)
			interval *= 2;
	}
	return interval;
}

struct timeline *timeline_create(const struct scenario *sc, struct engine *eng, int interval)
{
	struct timeline *t;
	struct run *run;
	int i;

	run = run_create(sc, eng);
	if (!run)
		return NULL;
	t = xzalloc(sizeof(*t));
	t->sc = sc;
	t->run = run;
	t->interval = pick_interval(sc->nr_steps, interval);
	t->nr_cps = sc->nr_steps / t->interval + 1;
	t->cps = xzalloc(t->nr_cps * sizeof(*t->cps));
	t->cps[0] = run_save(run);
	for (i = 0; i < CACHED_SEGMENTS; i++)
		t->segs[i].seg = -1;
	return t;
}

static void segment_clear(struct timeline *t, struct segment *s)
{
	int i;

	if (s->seg >= 0)
		for (i = 0; i < t->interval; i++)
			if (s->have[i])
				step_outcome_free(&s->outs[i]);
	free(s->outs);
	free(s->have);
	s->outs = NULL;
	s->have = NULL;
	s->seg = -1;
}

void timeline_destroy(struct timeline *t)
{
	int i;

	if (!t)
		return;
	for (i = 0; i < CACHED_SEGMENTS; i++)
		segment_clear(t, &t->segs[i]);
	for (i = 0; i < t->nr_cps; i++)
		run_free_saved(t->run, t->cps[i]);
	free(t->cps);
	run_destroy(t->run);
	state_free(&t->state);
	free(t->error);
	free(t);
}

int timeline_steps(const struct timeline *t)
{
	return t->sc->nr_steps;
}

int timeline_pos(const struct timeline *t)
{
	return t->pos;
}

const char *timeline_error(const struct timeline *t)
{
	return t->error;
}

/* The cached segment holding step @i; @create evicts the least recently used. */
static struct segment *segment_of(struct timeline *t, int i, bool create)
{
	int seg = i / t->interval, k;
	struct segment *lru = &t->segs[0];

	for (k = 0; k < CACHED_SEGMENTS; k++) {
		struct segment *s = &t->segs[k];

		if (s->seg == seg) {
			s->used = ++t->clock;
			return s;
		}
		if (s->used < lru->used)
			lru = s;
	}
	if (!create)
		return NULL;
	segment_clear(t, lru);
	lru->seg = seg;
	lru->used = ++t->clock;
	lru->outs = xzalloc(t->interval * sizeof(*lru->outs));
	lru->have = xzalloc(t->interval * sizeof(*lru->have));
	return lru;
}

/*
 * Run the next step, keeping its outcome unless one is cached already (a
 * replay produces the same outcome, and a pointer handed out for the cached
 * one must stay valid).  Returns -1 on a run-time error, which sticks.
 */
static int exec_step(struct timeline *t)
{
	int i = run_done(t->run), slot = i % t->interval, done;
	struct segment *s = segment_of(t, i, true);
	struct step_outcome tmp, *out = s->have[slot] ? &tmp : &s->outs[slot];
	int ret = run_step(t->run, out);

	done = run_done(t->run);
	if (ret) {
		if (!t->error) {
			t->error = xstrdup(out->error ? out->error : "run-time error");
			t->stop = done;
		}
		if (done == i || out == &tmp)
			step_outcome_free(out);
		else
			s->have[slot] = true;
		return -1;
	}
	if (out == &tmp)
		step_outcome_free(out);
	else
		s->have[slot] = true;
	if (done % t->interval == 0 && !t->cps[done / t->interval])
		t->cps[done / t->interval] = run_save(t->run);
	return 0;
}

static int forward(struct timeline *t, int k)
{
	while (run_done(t->run) < k)
		if (exec_step(t))
			return -1;
	return 0;
}

/*
 * Bring the run to step @k: straight on when no checkpoint lies between,
 * otherwise from the nearest checkpoint at or below @k (checkpoints exist
 * for every multiple of the interval the run has reached).
 */
static int move_run(struct timeline *t, int k)
{
	int cur = run_done(t->run), c = k / t->interval;

	while (c > 0 && !t->cps[c])
		c--;
	if (k < cur || c * t->interval > cur)
		run_restore(t->run, t->cps[c]);
	return forward(t, k);
}

int timeline_goto(struct timeline *t, int k)
{
	int ret = 0;

	if (k < 0)
		k = 0;
	if (k > t->sc->nr_steps)
		k = t->sc->nr_steps;
	if (t->error && k > t->stop) {
		k = t->stop;
		ret = -1;
	}
	if (k != t->pos || run_done(t->run) != k) {
		t->have_state = false;
		if (move_run(t, k))
			ret = -1;
		t->pos = run_done(t->run);
	}
	return ret;
}

const struct mb_state *timeline_state(struct timeline *t)
{
	if (run_done(t->run) != t->pos)
		move_run(t, t->pos);
	if (!t->have_state) {
		state_free(&t->state);
		state_copy(&t->state, run_state(t->run));
		t->have_state = true;
	}
	return &t->state;
}

const struct step_outcome *timeline_outcome(struct timeline *t, int i)
{
	int seg_end, pos = t->pos;
	struct segment *s;

	if (i < 0 || i >= pos)
		return NULL;
	s = segment_of(t, i, false);
	if (s && s->have[i % t->interval])
		return &s->outs[i % t->interval];

	/* Dropped earlier: replay its segment, then come back. */
	seg_end = (i / t->interval + 1) * t->interval;
	if (seg_end > pos)
		seg_end = pos;
	if (!t->cps[i / t->interval])
		return NULL;
	run_restore(t->run, t->cps[i / t->interval]);
	forward(t, seg_end);
	move_run(t, pos);
	s = segment_of(t, i, false);
	if (!s || !s->have[i % t->interval])
		return NULL;
	return &s->outs[i % t->interval];
}

void timeline_check_final(struct timeline *t, struct step_outcome *out)
{
	if (t->error || t->pos != t->sc->nr_steps)
		return;
	/* An outcome replay may have left the run elsewhere. */
	if (run_done(t->run) != t->pos)
		move_run(t, t->pos);
	run_check_final(t->run, out);
}
