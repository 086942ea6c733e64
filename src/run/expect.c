// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Expectation checking.  Addresses and sizes are reported in hexadecimal,
 * counts in decimal, flags by name, so that a failure reads like the
 * expectation that was written.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "expect.h"

#define VAL_LEN		96
#define PATH_LEN	128

int value_eval(const struct value *v, const struct expr_env *env, const char *file,
	       uint64_t *out, char *err, int errlen)
{
	char msg[256];

	if (!v->expr) {
		*out = v->constant;
		return 0;
	}
	if (expr_eval(v->expr, env, out, msg, sizeof(msg)) == 0)
		return 0;
	snprintf(err, errlen, "%s:%d:%d: %s: %s", file ? file : "?", v->pos.line, v->pos.col,
		 v->pos.path ? v->pos.path : "?", msg);
	return -1;
}

/* Everything a check needs to report a failure. */
struct checker {
	const struct expect_ctx	*ctx;
	const struct mb_state	*st;
	struct step_outcome	*out;
	char			*err;
	int			errlen;
};

static void fail(struct checker *c, int line, const char *path, const char *expected,
		 const char *actual)
{
	outcome_add_failure(c->out, c->ctx->step, c->ctx->op, line, path, expected, actual);
}

static void fail_hex(struct checker *c, int line, const char *path, uint64_t want, uint64_t got)
{
	char e[VAL_LEN], a[VAL_LEN];

	snprintf(e, sizeof(e), "0x%" PRIx64, want);
	snprintf(a, sizeof(a), "0x%" PRIx64, got);
	fail(c, line, path, e, a);
}

static void fail_dec(struct checker *c, int line, const char *path, uint64_t want, uint64_t got)
{
	char e[VAL_LEN], a[VAL_LEN];

	snprintf(e, sizeof(e), "%" PRIu64, want);
	snprintf(a, sizeof(a), "%" PRIu64, got);
	fail(c, line, path, e, a);
}

static int eval(struct checker *c, const struct value *v, uint64_t *out)
{
	return value_eval(v, c->ctx->env, c->ctx->file, out, c->err, c->errlen);
}

/*
 * Compare a value-typed expectation; @hex chooses the notation of the
 * report.  Its path is "@name.@field", or "@name.regions[@idx].@field"
 * for @idx >= 0, written only for a failure.
 */
static int check_value(struct checker *c, const struct value *v, uint64_t got,
		       const char *name, int idx, const char *field, bool hex)
{
	char path[PATH_LEN];
	uint64_t want;

	if (eval(c, v, &want))
		return -1;
	if (want == got)
		return 0;
	if (idx >= 0)
		snprintf(path, sizeof(path), "%s.regions[%d].%s", name, idx, field);
	else if (field)
		snprintf(path, sizeof(path), "%s.%s", name, field);
	else
		snprintf(path, sizeof(path), "%s", name);
	if (hex)
		fail_hex(c, v->pos.line, path, want, got);
	else
		fail_dec(c, v->pos.line, path, want, got);
	return 0;
}

/* "not 0x0", "0x1000 to 0x2000", "at least -12", "at most 0x1000" */
static void ret_cmp_desc(const struct expect_ret *er, enum ret_kind kind, uint64_t lo,
			 uint64_t hi, char *buf, int len)
{
	char a[VAL_LEN], b[VAL_LEN];

	ret_format(kind, lo, a, sizeof(a));
	ret_format(kind, hi, b, sizeof(b));
	if (er->cmp == RET_CMP_NE)
		snprintf(buf, len, "not %s", a);
	else if (er->has_min && er->has_max)
		snprintf(buf, len, "%s to %s", a, b);
	else if (er->has_min)
		snprintf(buf, len, "at least %s", a);
	else
		snprintf(buf, len, "at most %s", b);
}

/* ret against {"ne": v} or {"min": lo, "max": hi}: true when it holds. */
static int ret_compare(struct checker *c, const struct expect_ret *er, uint64_t got,
		       char *e, int elen, bool *holds)
{
	const struct op_result *res = c->ctx->res;
	uint64_t lo = 0, hi = 0;

	if (res->kind == RET_INT) {
		int64_t v = (int)(int64_t)got;

		lo = (uint64_t)(er->cmp == RET_CMP_NE ? er->integer : er->int_min);
		hi = (uint64_t)er->int_max;
		*holds = er->cmp == RET_CMP_NE ? v != er->integer :
			 (!er->has_min || v >= er->int_min) && (!er->has_max || v <= er->int_max);
	} else {
		if ((er->cmp == RET_CMP_NE && eval(c, &er->phys, &lo)) ||
		    (er->cmp == RET_CMP_RANGE && er->has_min && eval(c, &er->phys_min, &lo)) ||
		    (er->cmp == RET_CMP_RANGE && er->has_max && eval(c, &er->phys_max, &hi)))
			return -1;
		*holds = er->cmp == RET_CMP_NE ? got != lo :
			 (!er->has_min || got >= lo) && (!er->has_max || got <= hi);
	}
	if (!*holds)
		ret_cmp_desc(er, res->kind, lo, hi, e, elen);
	return 0;
}

static int check_ret(struct checker *c, const struct expect_ret *er)
{
	const struct op_result *res = c->ctx->res;
	char e[3 * VAL_LEN], a[VAL_LEN];
	uint64_t want;
	bool holds;

	if (!er->present || !res)
		return 0;
	/* The result as the report writes it: only for a failure. */
	a[0] = '\0';
	if (er->cmp != RET_CMP_EQ && res->kind != RET_BOOL && res->kind != RET_NONE) {
		if (ret_compare(c, er, res->value, e, sizeof(e), &holds))
			return -1;
		if (!holds) {
			ret_format(res->kind, res->value, a, sizeof(a));
			fail(c, er->pos.line, "ret", e, a);
		}
		return 0;
	}
	switch (res->kind) {
	case RET_INT:
		/* The kernel returns an int: compare as one. */
		if ((int64_t)(int)(int64_t)res->value == er->integer)
			return 0;
		ret_format(RET_INT, (uint64_t)er->integer, e, sizeof(e));
		break;
	case RET_BOOL:
		if ((res->value != 0) == er->boolean)
			return 0;
		snprintf(e, sizeof(e), "%s", er->boolean ? "true" : "false");
		break;
	case RET_ADDR:
	case RET_VALUE:
	case RET_PAGES:
		if (eval(c, &er->phys, &want))
			return -1;
		if (want == res->value)
			return 0;
		ret_format(res->kind, want, e, sizeof(e));
		break;
	case RET_NONE:
	default:
		snprintf(e, sizeof(e), "a value");
		snprintf(a, sizeof(a), "none (the operation returns void)");
		break;
	}
	if (!a[0])
		ret_format(res->kind, res->value, a, sizeof(a));
	fail(c, er->pos.line, "ret", e, a);
	return 0;
}

static void count_desc(char *buf, int len, unsigned long n, bool empty)
{
	if (empty)
		snprintf(buf, len, "empty");
	else
		snprintf(buf, len, "%lu region%s", n, n == 1 ? "" : "s");
}

static int check_region(struct checker *c, const struct expect_region *er,
			const struct mb_region *r, const char *name, int i)
{
	char path[PATH_LEN], e[VAL_LEN], a[VAL_LEN];

	if (check_value(c, &er->base, r->base, name, i, "base", true) ||
	    check_value(c, &er->size, r->size, name, i, "size", true))
		return -1;
	if (er->has_nid && er->nid != r->nid) {
		snprintf(path, sizeof(path), "%s.regions[%d].nid", name, i);
		snprintf(e, sizeof(e), "%d", er->nid);
		snprintf(a, sizeof(a), "%d", r->nid);
		fail(c, er->pos.line, path, e, a);
	}
	if (er->has_flags && er->flags != r->flags) {
		snprintf(path, sizeof(path), "%s.regions[%d].flags", name, i);
		flags_name(er->flags, e, sizeof(e));
		flags_name(r->flags, a, sizeof(a));
		fail(c, er->pos.line, path, e, a);
	}
	return 0;
}

/* `regions` as an object: only the entries it names, by index. */
static int check_some_regions(struct checker *c, const struct expect_type *et,
			      const struct mb_type *t, const char *name)
{
	char path[PATH_LEN], e[VAL_LEN], a[VAL_LEN];
	int i;

	for (i = 0; i < et->nr_regions; i++) {
		unsigned long idx = (unsigned long)et->indices[i];

		if (idx < t->cnt) {
			if (check_region(c, &et->regions[i], &t->regions[idx], name, (int)idx))
				return -1;
			continue;
		}
		snprintf(path, sizeof(path), "%s.regions[%lu]", name, idx);
		snprintf(e, sizeof(e), "a region");
		snprintf(a, sizeof(a), "none (%s.cnt is %lu)", name, t->cnt);
		fail(c, et->regions[i].pos.line, path, e, a);
	}
	return 0;
}

/*
 * `regions` is the whole array in order.  A length mismatch is one failure
 * at NAME.regions; the regions both arrays have are then compared one by
 * one, so that the report also says where they start to differ.
 */
static int check_regions(struct checker *c, const struct expect_type *et,
			 const struct mb_type *t, const char *name)
{
	char path[PATH_LEN], e[VAL_LEN], a[VAL_LEN];
	unsigned long n;
	int i;

	if (et->indices)
		return check_some_regions(c, et, t, name);
	if (et->nr_regions == 0) {
		if (!mb_type_is_empty(t)) {
			snprintf(path, sizeof(path), "%s.regions", name);
			count_desc(a, sizeof(a), t->cnt, false);
			fail(c, et->pos.line, path, "empty", a);
		}
		return 0;
	}
	if ((unsigned long)et->nr_regions != t->cnt) {
		snprintf(path, sizeof(path), "%s.regions", name);
		count_desc(e, sizeof(e), et->nr_regions, false);
		count_desc(a, sizeof(a), t->cnt, mb_type_is_empty(t));
		fail(c, et->pos.line, path, e, a);
	}
	n = t->cnt < (unsigned long)et->nr_regions ? t->cnt : (unsigned long)et->nr_regions;
	for (i = 0; (unsigned long)i < n; i++)
		if (check_region(c, &et->regions[i], &t->regions[i], name, i))
			return -1;
	return 0;
}

static int check_type(struct checker *c, const struct expect_type *et,
		      const struct mb_type *t, const char *name)
{
	if (!et->present)
		return 0;
	if ((et->has_cnt && check_value(c, &et->cnt, t->cnt, name, -1, "cnt", false)) ||
	    (et->has_max && check_value(c, &et->max, t->max, name, -1, "max", false)) ||
	    (et->has_total_size &&
	     check_value(c, &et->total_size, t->total_size, name, -1, "total_size", true)))
		return -1;
	if (et->has_regions)
		return check_regions(c, et, t, name);
	return 0;
}

/* The tracked range holding byte @addr, or the first one above it (NULL: none). */
static const struct mb_content *content_at(const struct mb_state *st, uint64_t addr,
					   bool *inside)
{
	const struct mb_content *next = NULL;
	int i;

	for (i = 0; i < st->nr_contents; i++) {
		const struct mb_content *r = &st->contents[i];

		if (r->size && addr >= r->base && addr - r->base < r->size) {
			*inside = true;
			return r;
		}
		if (r->base > addr && (!next || r->base < next->base))
			next = r;
	}
	*inside = false;
	return next;
}

/*
 * A contents expectation holds when every byte of [base, base + size) lies
 * in a tracked allocation whose contents are in the expected state.  The
 * report names the first stretch that is not: either in the other state,
 * or "untracked" (no allocation the engine tracks covers it).
 */
static int check_content(struct checker *c, const struct expect_content *ec, int idx)
{
	uint64_t base, size, end, cur, stop;
	char path[PATH_LEN], a[2 * VAL_LEN], e[VAL_LEN], got[VAL_LEN];
	const struct mb_content *r;
	bool inside;

	if (eval(c, &ec->base, &base) || eval(c, &ec->size, &size))
		return -1;
	end = base + size < base ? UINT64_MAX : base + size;
	for (cur = base; cur < end; cur = stop) {
		r = content_at(c->st, cur, &inside);
		if (inside) {
			/* Lengths, not end addresses: a range may end at the top of memory. */
			uint64_t left = r->base + r->size - cur;

			stop = cur + (left < end - cur ? left : end - cur);
			if ((int)r->state == ec->state &&
			    (r->state != CONTENT_FILLED || r->byte == ec->byte))
				continue;
			content_state_name(r->state, r->byte, got, sizeof(got));
		} else {
			stop = r && r->base < end ? r->base : end;
			snprintf(got, sizeof(got), "untracked");
		}
		snprintf(path, sizeof(path), "contents[%d].state", idx);
		snprintf(a, sizeof(a), "%s (0x%" PRIx64 "-0x%" PRIx64 ")", got, cur, stop - 1);
		fail(c, ec->pos.line, path, content_state_name(ec->state, ec->byte, e, sizeof(e)), a);
		break;
	}
	return 0;
}

static void check_zone(struct checker *c, const struct expect_zone *ez, int idx)
{
	const struct mb_state *st = c->st;
	const struct mb_zone *z = NULL;
	char path[PATH_LEN], e[VAL_LEN];
	int i;

	for (i = 0; i < st->nr_zones && !z; i++)
		if (st->zones[i].nid == ez->nid &&
		    strcmp(mb_zone_name(c->ctx->machine, &st->zones[i]), ez->zone) == 0)
			z = &st->zones[i];
	if (!z) {
		snprintf(path, sizeof(path), "zones[%d]", idx);
		snprintf(e, sizeof(e), "node %d zone %s", ez->nid, ez->zone);
		fail(c, ez->pos.line, path, e, st->freed_all ? "no such zone" :
		     "no zones (memblock_free_all has not run)");
		return;
	}
	snprintf(path, sizeof(path), "zones[%d].spanned", idx);
	if (ez->has_spanned && ez->spanned != z->spanned)
		fail_dec(c, ez->pos.line, path, ez->spanned, z->spanned);
	snprintf(path, sizeof(path), "zones[%d].present", idx);
	if (ez->has_present && ez->present != z->present)
		fail_dec(c, ez->pos.line, path, ez->present, z->present);
	snprintf(path, sizeof(path), "zones[%d].managed", idx);
	if (ez->has_managed && ez->managed != z->managed)
		fail_dec(c, ez->pos.line, path, ez->managed, z->managed);
	snprintf(path, sizeof(path), "zones[%d].unavailable", idx);
	if (ez->has_unavailable && ez->unavailable != z->unavailable)
		fail_dec(c, ez->pos.line, path, ez->unavailable, z->unavailable);
}

/* get_num_physpages(): every online node's present pages, that is every zone's. */
static void check_physpages(struct checker *c, const struct expect *e)
{
	uint64_t sum = 0;
	int i;

	if (!c->st->freed_all) {
		char want[VAL_LEN];

		snprintf(want, sizeof(want), "%" PRIu64, e->physpages);
		fail(c, e->pos.line, "physpages", want, "no zones (memblock_free_all has not run)");
		return;
	}
	for (i = 0; i < c->st->nr_zones; i++)
		sum += c->st->zones[i].present;
	if (sum != e->physpages)
		fail_dec(c, e->pos.line, "physpages", e->physpages, sum);
}

unsigned int expect_state_parts(const struct expect *e)
{
	unsigned int parts = 0;

	if (!e->present)
		return 0;
	if (e->memory.present || e->reserved.present || e->has_bottom_up ||
	    e->has_current_limit)
		parts |= SP_TYPES;
	if (e->nr_contents > 0)
		parts |= SP_CONTENTS;
	if (e->nr_zones > 0 || e->has_totalram_pages || e->has_lost_pages || e->has_physpages)
		parts |= SP_PAGES;
	/*
	 * An expression of the expectation may query the types while the
	 * check holds the state: fetched now, they are not fetched again.
	 */
	return parts ? parts | SP_TYPES : 0;
}

int expect_check(const struct expect *e, const struct mb_state *st,
		 const struct expect_ctx *ctx, struct step_outcome *out,
		 char *err, int errlen)
{
	struct checker c = { .ctx = ctx, .st = st, .out = out, .err = err, .errlen = errlen };
	int line = e->pos.line;
	int i;

	if (!e->present)
		return 0;
	if (check_ret(&c, &e->ret) ||
	    check_type(&c, &e->memory, &st->memory, "memory") ||
	    check_type(&c, &e->reserved, &st->reserved, "reserved"))
		return -1;
	if (e->has_bottom_up && e->bottom_up != st->bottom_up)
		fail(&c, line, "bottom_up", e->bottom_up ? "true" : "false",
		     st->bottom_up ? "true" : "false");
	if (e->has_current_limit &&
	    check_value(&c, &e->current_limit, st->current_limit, "current_limit", -1, NULL,
			true))
		return -1;
	for (i = 0; i < e->nr_contents; i++)
		if (check_content(&c, &e->contents[i], i))
			return -1;
	if (e->has_warnings && e->warnings != ctx->warnings)
		fail_dec(&c, line, "warnings", e->warnings, ctx->warnings);
	for (i = 0; i < e->nr_zones; i++)
		check_zone(&c, &e->zones[i], i);
	if (e->has_totalram_pages && e->totalram_pages != st->totalram_pages)
		fail_dec(&c, line, "totalram_pages", e->totalram_pages, st->totalram_pages);
	if (e->has_lost_pages && e->lost_pages != st->lost_pages)
		fail_dec(&c, line, "lost_pages", e->lost_pages, st->lost_pages);
	if (e->has_physpages)
		check_physpages(&c, e);
	return 0;
}
