// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The steps of a scenario: each names a memblock operation and gives
 * exactly its arguments (op_spec in ops.c), optionally binds its result to
 * a label, and may carry a note and expectations.
 *
 * Node ids are checked per operation.  Ops that store a nid in a region
 * (memblock_add_node, memblock_set_node) accept 0..MAX_NUMNODES-1 and
 * MAX_NUMNODES itself, which is the kernel's own "no node yet" value
 * (memblock_add stores it, and x86 numa_init resets every region to it);
 * NUMA_NO_NODE is a selector, never a region's node.  Ops that select by
 * nid (the allocators) accept NUMA_NO_NODE, 0..MAX_NUMNODES-1 and
 * MAX_NUMNODES, which the kernel accepts with a WARN_ONCE and treats as
 * NUMA_NO_NODE.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "scenario_load.h"
#include "util/hugepages.h"
#include "util/suggest.h"
#include "util/xalloc.h"

/* Labels by name, for O(1) lookups however many steps bind one. */
struct label_entry {
	char	*name;
	int	step;
	int	line, col;
};

struct label_table {
	struct label_entry	*slots;
	size_t			nr, size;	/* size: a power of two */
};

static size_t hash_name(const char *s)
{
	size_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static struct label_entry *label_find(const struct label_table *t, const char *name)
{
	size_t i;

	if (!t || !t->size)
		return NULL;
	for (i = hash_name(name) & (t->size - 1); t->slots[i].name; i = (i + 1) & (t->size - 1))
		if (!strcmp(t->slots[i].name, name))
			return &t->slots[i];
	return NULL;
}

static void label_insert(struct label_table *t, struct label_entry e)
{
	size_t i;

	if (2 * (t->nr + 1) > t->size) {
		struct label_table bigger = { .size = t->size ? 2 * t->size : 64 };

		bigger.slots = xzalloc(bigger.size * sizeof(*bigger.slots));
		for (i = 0; i < t->size; i++)
			if (t->slots[i].name)
				label_insert(&bigger, t->slots[i]);
		free(t->slots);
		*t = bigger;
	}
	for (i = hash_name(e.name) & (t->size - 1); t->slots[i].name; i = (i + 1) & (t->size - 1))
		;
	t->slots[i] = e;
	t->nr++;
}

bool ld_label_visible(void *ctx, const char *name)
{
	const struct loader *ld = ctx;
	const struct label_entry *e = label_find(ld->labels, name);

	return e && e->step < ld->visible;
}

void ld_labels_free(struct loader *ld)
{
	size_t i;

	if (!ld->labels)
		return;
	for (i = 0; i < ld->labels->size; i++)
		free(ld->labels->slots[i].name);
	free(ld->labels->slots);
	free(ld->labels);
	ld->labels = NULL;
}

static bool valid_label(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static int load_label(struct loader *ld, const cJSON *n, const char *path, struct step *st)
{
	const struct label_entry *prev;
	char got[96];

	if (ld_string(ld, n, path, NULL))
		return -1;
	ld_describe(ld, n, got, sizeof(got));
	if (!valid_label(n->valuestring))
		return ld_err(ld, n, path, "expected a label name ([A-Za-z_][A-Za-z0-9_]*%s), "
			      "got %s", n->valuestring[0] == '$' ? ", without the '$'" : "", got);
	if (st->spec->ret == RET_NONE)
		return ld_err(ld, n, path, "%s returns nothing (void): there is no result to "
			      "bind to $%s", st->spec->name, n->valuestring);
	if (!ld->labels)
		ld->labels = xzalloc(sizeof(*ld->labels));
	prev = label_find(ld->labels, n->valuestring);
	if (prev)
		return ld_err(ld, n, path, "label $%s is already bound by steps[%d] (line %d)",
			      n->valuestring, prev->step, prev->line);
	label_insert(ld->labels, (struct label_entry){
		.name = xstrdup(n->valuestring), .step = st->index,
		.line = ld_pos(ld, n)->line, .col = ld_pos(ld, n)->col });
	st->as = xstrdup(n->valuestring);
	return 0;
}

/* Ops whose nid argument selects memory rather than being stored in a region. */
static bool nid_selects(enum op_id op)
{
	return op != OP_MEMBLOCK_ADD_NODE && op != OP_MEMBLOCK_SET_NODE;
}

static int load_arg(struct loader *ld, const cJSON *n, const char *path, struct step *st,
		    int i)
{
	const struct op_arg_spec *as = &st->spec->args[i];
	struct step_arg *a = &st->args[i];
	char got[96];

	a->present = true;
	switch (as->kind) {
	case ARG_PHYS:
		if (ld_phys(ld, n, path, LD_NO_PATH, &a->phys))
			return -1;
		a->v.phys = a->phys.constant;
		return 0;
	case ARG_NID:
		return ld_nid(ld, n, path, nid_selects(st->spec->id), true, &a->v.nid);
	case ARG_FLAGS:
		return ld_flags(ld, n, path, &a->v.flags);
	case ARG_BOOL:
		return ld_bool(ld, n, path, &a->v.boolean);
	case ARG_TYPE:
		if (cJSON_IsString(n) && !strcmp(n->valuestring, "memory")) {
			a->v.type = MB_TYPE_MEMORY;
			return 0;
		}
		if (cJSON_IsString(n) && !strcmp(n->valuestring, "reserved")) {
			a->v.type = MB_TYPE_RESERVED;
			return 0;
		}
		return ld_err(ld, n, path, "expected \"memory\" or \"reserved\", got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	case ARG_STRING:
		/* Owned by the step (scenario_free); an op_call only points at it. */
		return ld_string(ld, n, path, (char **)&a->v.string);
	}
	return ld_err(ld, n, path, "internal error: unknown argument kind");
}

/* "base, size" */
static void arg_list(const struct op_spec *spec, char *buf, int len)
{
	int i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < spec->nargs && k < len; i++)
		k += snprintf(buf + k, len - k, "%s%s", i ? ", " : "", spec->args[i].name);
}

static const char *op_candidate(void *ctx, int i)
{
	const struct op_spec *s = i < NR_OPS ? op_spec(i) : NULL;

	(void)ctx;
	return s ? s->name : NULL;
}

static int load_op(struct loader *ld, const cJSON *step, const char *path,
		   const struct op_spec **spec)
{
	const cJSON *op = cJSON_GetObjectItemCaseSensitive(step, "op");
	char opath[160];
	char got[96], hint[96] = "";
	const char *best;
	int ret = -1;

	ld_field_path(opath, sizeof(opath), path, "op");
	if (!op) {
		ld_err(ld, step, opath, "missing: expected the name of a memblock operation");
		goto out;
	}
	if (!cJSON_IsString(op)) {
		ld_err(ld, op, opath, "expected an operation name, got %s",
		       ld_describe(ld, op, got, sizeof(got)));
		goto out;
	}
	*spec = op_lookup(op->valuestring);
	if (*spec && !((*spec)->versions & KERNEL_VERSION_BIT(ld->sc->machine.kernel))) {
		char vers[32];

		ld_err(ld, op, opath, "%s is not in Linux %s (machine.kernel \"%s\"): it is an "
		       "operation of Linux %s", op->valuestring,
		       kernel_version_name(ld->sc->machine.kernel),
		       kernel_version_name(ld->sc->machine.kernel),
		       versions_name((*spec)->versions, vers, sizeof(vers)));
		goto out;
	}
	if (*spec) {
		ret = 0;
		goto out;
	}
	best = suggest_best(op->valuestring, op_candidate, NULL);
	if (best)
		snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
	ld_err(ld, op, opath, "unknown operation %s%s", ld_describe(ld, op, got, sizeof(got)),
	       hint);
out:
	return ret;
}

/* The keys a step may have: its op's arguments, then op, as, note, expect. */
static int step_keys(const struct op_spec *spec, const char **names)
{
	static const char *const common[] = { "op", "as", "note", "expect" };
	int i, n = 0;

	for (i = 0; i < spec->nargs; i++)
		names[n++] = spec->args[i].name;
	for (i = 0; i < 4; i++)
		names[n++] = common[i];
	return n;
}

static int unknown_arg(struct loader *ld, const cJSON *m, const char *path,
		       const struct op_spec *spec, const char *const *names, int n)
{
	const char *best = suggest_list(m->string, names, n);
	char *kp = ld_key_path(path, m->string);
	char args[256], hint[96] = "", key[96];

	arg_list(spec, args, sizeof(args));
	ld_quote(key, sizeof(key), m->string, 40);
	if (best)
		snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
	if (spec->nargs)
		ld_err_key(ld, m, kp, "%s has no argument %s%s; its arguments are %s",
			   spec->name, key, hint, args);
	else
		ld_err_key(ld, m, kp, "%s has no argument %s%s; it takes none", spec->name,
			   key, hint);
	free(kp);
	return -1;
}

/*
 * "x-log-line", an x- key like any other (never an error), kept when it is
 * a line number: mbviz import writes it, check names it in its report.
 */
static int x_log_line(const struct loader *ld, const cJSON *n)
{
	const struct json_pos *p;
	const cJSON *k;
	long long v = 0;
	size_t i;

	/* The first member of that name (as cJSON_GetObjectItemCaseSensitive), few strcmp. */
	for (k = n->child; k; k = k->next)
		if (k->string && k->string[0] == 'x' && !strcmp(k->string, "x-log-line"))
			break;
	if (!cJSON_IsNumber(k))
		return 0;
	/* the number as written: the loader reads numbers from the text */
	p = ld_pos(ld, k);
	for (i = p->off; i < p->end; i++) {
		if (ld->buf[i] < '0' || ld->buf[i] > '9' || v > INT_MAX / 10)
			return 0;
		v = v * 10 + (ld->buf[i] - '0');
	}
	return v >= 1 && v <= INT_MAX ? (int)v : 0;
}

static int load_step(struct loader *ld, const cJSON *n, int i, const char *path)
{
	struct step *st = &ld->sc->steps[i];
	const char *names[OP_MAX_ARGS + 4];
	const cJSON *k[OP_MAX_ARGS + 4], *unknown = NULL;
	int nk, a, ret;
	char got[96], args[256], kp[160];

	st->index = i;
	ld_set_pos(ld, &st->pos, n, NULL);
	if (!cJSON_IsObject(n))
		return ld_err(ld, n, path, "expected an object (a step), got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	if (load_op(ld, n, path, &st->spec))
		return -1;
	st->log_line = x_log_line(ld, n);
	/* ld_step_item() made room: a step whose op is known takes its share. */
	st->args = ld->sc->args + ld->nr_args;
	ld->nr_args += st->spec->nargs;
	memset(st->args, 0, st->spec->nargs * sizeof(*st->args));
	nk = step_keys(st->spec, names);
	ret = ld_members(ld, n, path, names, nk, k, &unknown);
	if (ret > 0)
		return unknown_arg(ld, unknown, path, st->spec, names, nk);
	if (ret)
		return -1;
	ld->visible = i;
	for (a = 0; a < st->spec->nargs; a++) {
		if (!k[a] && st->spec->args[a].optional)
			continue;
		ld_field_path(kp, sizeof(kp), path, names[a]);
		if (!k[a]) {
			arg_list(st->spec, args, sizeof(args));
			ret = ld_err(ld, n, kp, "missing argument: %s takes %s", st->spec->name,
				     args);
		} else {
			ret = load_arg(ld, k[a], kp, st, a);
		}
		if (ret)
			return -1;
	}
	nk = st->spec->nargs;
	if (k[nk + 1]) {
		ld_field_path(kp, sizeof(kp), path, "as");
		ret = load_label(ld, k[nk + 1], kp, st);
	}
	if (!ret && k[nk + 2]) {
		ld_field_path(kp, sizeof(kp), path, "note");
		ret = ld_string(ld, k[nk + 2], kp, &st->note);
	}
	if (!ret && k[nk + 3]) {
		/* The step's own label is bound when its expectations are checked. */
		ld->visible = i + 1;
		ld_field_path(kp, sizeof(kp), path, "expect");
		st->expect = xzalloc(sizeof(*st->expect));
		st->expect->nr_contents = -1;
		st->expect->nr_zones = -1;
		ret = ld_expect(ld, k[nk + 3], kp, st->expect, st->spec);
	}
	return ret;
}

/*
 * The next size of a block that holds @nr things and is full: what the
 * rest of the text will need at the rate of the steps so far (@done bytes
 * of text), an eighth more, but at least twice and at most eight times as
 * large (short first steps do not make a huge guess); a large block is
 * then grown a few times, not copied at every doubling.  Only what is
 * used is ever touched.
 */
static size_t grow(size_t nr, size_t min, size_t done, size_t rest)
{
	size_t twice = nr ? 2 * nr : min, guess;

	if (nr < 16 || !done)
		return twice;
	guess = nr + (size_t)((double)nr * rest / done);
	guess += guess / 8;
	return guess < twice ? twice : guess > 8 * nr ? 8 * nr : guess;
}

/*
 * Room for one more step (item @n) and its arguments.  The arguments'
 * block may move: every step's pointer into it is set again, from the
 * counts of the steps before it.
 */
static void make_room(struct loader *ld, const cJSON *n)
{
	struct scenario *sc = ld->sc;
	size_t at = ld_pos(ld, n)->off, done, rest, off = 0;
	int i;

	if (!sc->nr_steps)
		ld->steps_off = at;
	done = at - ld->steps_off;
	rest = ld->len - at;
	if ((size_t)sc->nr_steps == ld->cap_steps) {
		ld->cap_steps = grow(ld->cap_steps, 16, done, rest);
		sc->steps = xrealloc(sc->steps, ld->cap_steps * sizeof(*sc->steps));
		hugepages_advise(sc->steps, ld->cap_steps * sizeof(*sc->steps));
	}
	if (ld->nr_args + OP_MAX_ARGS <= ld->cap_args)
		return;
	ld->cap_args = grow(ld->cap_args, 64, done, rest) + OP_MAX_ARGS;
	sc->args = xrealloc(sc->args, ld->cap_args * sizeof(*sc->args));
	hugepages_advise(sc->args, ld->cap_args * sizeof(*sc->args));
	for (i = 0; i < sc->nr_steps; i++) {
		if (!sc->steps[i].args)
			continue;
		sc->steps[i].args = sc->args + off;
		off += sc->steps[i].spec->nargs;
	}
}

int ld_step_item(struct loader *ld, const cJSON *item)
{
	struct scenario *sc = ld->sc;
	int i = sc->nr_steps;
	char ip[64];

	make_room(ld, item);
	memset(&sc->steps[i], 0, sizeof(sc->steps[i]));
	ld_index_path_buf(ip, sizeof(ip), "steps", i);
	/* Counted before loading, so that scenario_free sees a half-loaded step. */
	sc->nr_steps = i + 1;
	if (load_step(ld, item, i, ip))
		return -1;
	/* A panic ends the boot: nothing can run after it. */
	if (i > 0 && step_expect(&sc->steps[i - 1]) && step_expect(&sc->steps[i - 1])->panic)
		return ld_err(ld, item, "steps", "steps[%d] expects a kernel panic, which ends "
			      "the run: it must be the last step", i - 1);
	return 0;
}

void ld_steps_done(struct loader *ld)
{
	/* Never NULL, as before, even for no steps. */
	if (!ld->sc->steps)
		ld->sc->steps = xzalloc(sizeof(*ld->sc->steps));
	if (!ld->sc->args)
		ld->sc->args = xzalloc(sizeof(*ld->sc->args));
}

int ld_steps(struct loader *ld, const cJSON *n, const char *path)
{
	const cJSON *item;
	char got[96];

	if (!cJSON_IsArray(n))
		return ld_err(ld, n, path, "expected an array of steps, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	for (item = n->child; item; item = item->next)
		if (ld_step_item(ld, item))
			return -1;
	ld_steps_done(ld);
	return 0;
}
