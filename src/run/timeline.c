// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The timeline: a run that can be moved to any step.
 *
 * Checkpoints of the whole run are taken as the run first reaches new
 * steps; moving to step k restores the nearest checkpoint at or below k
 * and replays the steps since.  They are spaced by the size of the state
 * they hold: the next one comes DEFAULT_INTERVAL steps later, or later
 * still when the state is large, so that checkpoints cost at most about
 * CP_BYTES_PER_STEP bytes per step of the scenario -- less than the step
 * itself takes in memory (scenario.h), which keeps the timeline within
 * twice the memory of a plain run.  A large state is replayed further on
 * a step back: that is the price of the bound.  So that only the first
 * step back pays it, a long replay leaves a few fine checkpoints every
 * DEFAULT_INTERVAL steps just before its target (FINE_SLOTS of them, the
 * least recently used replaced): stepping back on from there replays at
 * most DEFAULT_INTERVAL steps.  An explicit interval spaces checkpoints
 * evenly instead (tests).
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
#define CP_BYTES_PER_STEP	96
#define CACHED_SEGMENTS		16
#define FINE_SLOTS		2

/* The run after @step steps. */
struct checkpoint {
	int		step;
	size_t		bytes;		/* of the state it holds, about */
	void		*saved;
};

/* The outcomes of the steps of one segment [seg * interval, (seg + 1) * interval). */
struct segment {
	int			seg;		/* -1: slot unused */
	unsigned long		used;		/* LRU clock */
	struct step_outcome	*outs;		/* interval entries */
	bool			*have;
};

struct timeline {
	const struct scenario	*sc;
	struct engine		*eng;
	struct run		*run;
	int			interval;	/* of outcome segments */
	bool			even;		/* checkpoints every interval steps */
	bool			forward_only;	/* no checkpoint but step 0 */
	int			pos;
	int			nr_cps, alloc_cps;
	struct checkpoint	*cps;		/* by step; cps[0] is step 0 */
	struct checkpoint	fine[FINE_SLOTS];	/* saved NULL: unused */
	unsigned long		fine_used[FINE_SLOTS];	/* LRU clock */
	struct segment		segs[CACHED_SEGMENTS];
	unsigned long		clock;
	char			*error;		/* first run-time error, sticky */
	int			cancelled;	/* the step the last move cancelled, or -1 */
	int			stop;		/* with error: steps the run can reach */
	struct mb_state		state;		/* at pos, survives replays elsewhere */
	bool			have_state;
};

/* Roughly what a checkpoint of the run's state holds, in bytes. */
static size_t state_bytes(const struct mb_state *st)
{
	return 1024 + (st->memory.cnt + st->reserved.cnt) * sizeof(struct mb_region) +
	       st->nr_pages * sizeof(*st->pages) + st->nr_contents * sizeof(*st->contents) +
	       st->nr_zones * sizeof(*st->zones) + st->nr_nodes * sizeof(*st->nodes);
}

static void add_checkpoint(struct timeline *t)
{
	struct checkpoint *cp;

	if (t->nr_cps == t->alloc_cps) {
		t->alloc_cps = t->alloc_cps ? 2 * t->alloc_cps : 64;
		t->cps = xrealloc(t->cps, t->alloc_cps * sizeof(*t->cps));
	}
	cp = &t->cps[t->nr_cps++];
	cp->step = run_done(t->run);
	cp->bytes = t->even ? 0 : state_bytes(run_state(t->run));
	cp->saved = run_save(t->run);
}

/* Steps from checkpoint @cp to the next one. */
static int gap_after(const struct timeline *t, const struct checkpoint *cp)
{
	size_t gap = cp->bytes / CP_BYTES_PER_STEP;

	if (t->even || gap < (size_t)t->interval)
		return t->interval;
	return gap > (size_t)t->sc->nr_steps ? t->sc->nr_steps : (int)gap;
}

/* The last checkpoint at or before step @k, fine ones included. */
static const struct checkpoint *checkpoint_at(struct timeline *t, int k)
{
	int lo = 0, hi = t->nr_cps - 1, i, best = -1;

	while (lo < hi) {
		int mid = lo + (hi - lo + 1) / 2;

		if (t->cps[mid].step <= k)
			lo = mid;
		else
			hi = mid - 1;
	}
	for (i = 0; i < FINE_SLOTS; i++)
		if (t->fine[i].saved && t->fine[i].step <= k && t->fine[i].step > t->cps[lo].step &&
		    (best < 0 || t->fine[i].step > t->fine[best].step))
			best = i;
	if (best < 0)
		return &t->cps[lo];
	t->fine_used[best] = ++t->clock;
	return &t->fine[best];
}

/*
 * On a long replay towards @k, at a multiple of the interval close before
 * it that no checkpoint holds: keep a fine checkpoint there.
 */
static void maybe_fine(struct timeline *t, int k)
{
	int done = run_done(t->run), i, lru = 0;

	if (t->even || t->forward_only || done % t->interval || done >= k ||
	    k - done > FINE_SLOTS * t->interval || checkpoint_at(t, done)->step == done)
		return;
	for (i = 0; i < FINE_SLOTS; i++)
		if (!t->fine[i].saved || t->fine_used[i] < t->fine_used[lru])
			lru = i;
	for (i = 0; i < FINE_SLOTS; i++)
		if (!t->fine[i].saved) {
			lru = i;
			break;
		}
	run_free_saved(t->run, t->fine[lru].saved);
	t->fine[lru].step = done;
	t->fine[lru].saved = run_save(t->run);
	t->fine_used[lru] = ++t->clock;
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
	t->eng = eng;
	t->run = run;
	t->cancelled = -1;
	t->interval = interval > 0 ? interval : DEFAULT_INTERVAL;
	t->even = interval > 0;
	t->forward_only = interval == TIMELINE_FORWARD_ONLY;
	add_checkpoint(t);
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
		run_free_saved(t->run, t->cps[i].saved);
	for (i = 0; i < FINE_SLOTS; i++)
		run_free_saved(t->run, t->fine[i].saved);
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
	const struct checkpoint *last;
	struct segment *s = segment_of(t, i, true);
	struct step_outcome tmp, *out = s->have[slot] ? &tmp : &s->outs[slot];
	int ret = run_step(t->run, out);

	done = run_done(t->run);
	if (ret && out->res.cancelled) {
		/* Not the scenario's error: the engine was stopped midway, and is dead. */
		t->cancelled = i;
		step_outcome_free(out);
		return -1;
	}
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
	/* New ground, far enough from the last checkpoint. */
	last = &t->cps[t->nr_cps - 1];
	if (!t->forward_only && done > last->step && done - last->step >= gap_after(t, last))
		add_checkpoint(t);
	return 0;
}

static int forward(struct timeline *t, int k)
{
	bool long_way = k - run_done(t->run) > t->interval;

	while (run_done(t->run) < k) {
		if (exec_step(t))
			return -1;
		if (long_way)
			maybe_fine(t, k);
	}
	return 0;
}

/*
 * Bring the run to step @k: straight on when no checkpoint lies between,
 * otherwise from the nearest checkpoint at or below @k.
 */
static int move_run(struct timeline *t, int k)
{
	const struct checkpoint *cp = checkpoint_at(t, k);
	int cur = run_done(t->run);

	if (k < cur || cp->step > cur)
		run_restore(t->run, cp->saved);
	return forward(t, k);
}

/*
 * After a cancelled step @i: the engine is dead midway through it.  Back
 * to the state before it, from a checkpoint, with no progress hook (the
 * steps between were run before).
 */
static void recover(struct timeline *t, int i)
{
	struct engine_progress hook = t->eng->progress;

	t->eng->progress = (struct engine_progress){ NULL, NULL };
	run_restore(t->run, checkpoint_at(t, i)->saved);
	forward(t, i);
	t->eng->progress = hook;
}

int timeline_goto(struct timeline *t, int k)
{
	int ret = 0;

	t->cancelled = -1;
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
		if (t->cancelled >= 0)
			recover(t, t->cancelled);
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
	run_restore(t->run, checkpoint_at(t, i - i % t->interval)->saved);
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

void timeline_set_progress(struct timeline *t, struct engine_progress hook)
{
	t->eng->progress = hook;
}

int timeline_cancelled(const struct timeline *t)
{
	return t->cancelled;
}

int timeline_running(const struct timeline *t)
{
	return run_done(t->run);
}
