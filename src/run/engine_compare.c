// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Comparing two engines' steps.  Equality is checked field by field,
 * which is cheap enough to run after every step of a long fuzz run; only
 * when something differs are both sides rendered as lines of text, keyed
 * so that the same item of either side lines up with its counterpart.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ops.h"
#include "engine_compare.h"
#include "util/xalloc.h"

/* ---- equality ---------------------------------------------------------- */

static bool str_eq(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

static bool type_eq(const struct mb_type *a, const struct mb_type *b)
{
	unsigned long i;

	if (a->cnt != b->cnt || a->max != b->max || a->total_size != b->total_size)
		return false;
	for (i = 0; i < a->cnt; i++) {
		const struct mb_region *x = &a->regions[i], *y = &b->regions[i];

		if (x->base != y->base || x->size != y->size || x->flags != y->flags ||
		    x->nid != y->nid)
			return false;
	}
	return true;
}

static bool zones_eq(const struct mb_state *a, const struct mb_state *b)
{
	int i;

	if (a->nr_zones != b->nr_zones)
		return false;
	for (i = 0; i < a->nr_zones; i++) {
		const struct mb_zone *x = &a->zones[i], *y = &b->zones[i];

		if (x->nid != y->nid || x->zone != y->zone || x->start_pfn != y->start_pfn ||
		    x->spanned != y->spanned || x->present != y->present ||
		    x->managed != y->managed || x->unavailable != y->unavailable)
			return false;
	}
	return true;
}

static bool nodes_pages_eq(const struct mb_state *a, const struct mb_state *b)
{
	int i;

	if (a->nr_nodes != b->nr_nodes || a->nr_pages != b->nr_pages ||
	    a->nr_contents != b->nr_contents)
		return false;
	for (i = 0; i < a->nr_nodes; i++)
		if (a->nodes[i].nid != b->nodes[i].nid ||
		    a->nodes[i].start_pfn != b->nodes[i].start_pfn ||
		    a->nodes[i].end_pfn != b->nodes[i].end_pfn ||
		    a->nodes[i].first_deferred_pfn != b->nodes[i].first_deferred_pfn)
			return false;
	for (i = 0; i < a->nr_pages; i++)
		if (a->pages[i].start_pfn != b->pages[i].start_pfn ||
		    a->pages[i].end_pfn != b->pages[i].end_pfn ||
		    a->pages[i].fate != b->pages[i].fate || a->pages[i].nid != b->pages[i].nid)
			return false;
	for (i = 0; i < a->nr_contents; i++)
		if (a->contents[i].base != b->contents[i].base ||
		    a->contents[i].size != b->contents[i].size ||
		    a->contents[i].state != b->contents[i].state ||
		    a->contents[i].byte != b->contents[i].byte)
			return false;
	return true;
}

static bool state_eq(const struct mb_state *a, const struct mb_state *b)
{
	return type_eq(&a->memory, &b->memory) && type_eq(&a->reserved, &b->reserved) &&
	       a->memory_array == b->memory_array && a->reserved_array == b->reserved_array &&
	       a->bottom_up == b->bottom_up && a->current_limit == b->current_limit &&
	       a->freed_all == b->freed_all && a->deferred_done == b->deferred_done &&
	       a->discarded == b->discarded && a->totalram_pages == b->totalram_pages &&
	       a->lost_pages == b->lost_pages && zones_eq(a, b) && nodes_pages_eq(a, b);
}

static bool log_eq(const struct steplog *a, const struct steplog *b)
{
	int i;

	if (a->nr != b->nr || !str_eq(a->partial, b->partial))
		return false;
	for (i = 0; i < a->nr; i++)
		if (a->lines[i].kind != b->lines[i].kind ||
		    strcmp(a->lines[i].text, b->lines[i].text))
			return false;
	return true;
}

static bool outcome_eq(const struct step_outcome *a, const struct step_outcome *b,
		       unsigned int flags)
{
	if (!str_eq(a->error, b->error))
		return false;
	if (!a->error && a->res.kind != RET_NONE && a->res.value != b->res.value)
		return false;
	if (flags & CMP_LOG)
		return log_eq(&a->log, &b->log);
	return steplog_warnings(&a->log) == steplog_warnings(&b->log);
}

bool cmp_equal(const struct cmp_side *a, const struct cmp_side *b, unsigned int flags)
{
	if (a->out && b->out && !outcome_eq(a->out, b->out, flags))
		return false;
	return state_eq(a->state, b->state);
}

/* ---- rendering --------------------------------------------------------- */

/* One item of one side; the rank orders items and pairs them across sides. */
struct cline {
	uint64_t	rank;
	char		key[40];
	char		val[112];
};

struct clines {
	int		nr, alloc;
	struct cline	*v;
};

#define RANK(section, index)	((uint64_t)(section) << 40 | (uint64_t)(index))

static __attribute__((format(printf, 4, 5)))
void add(struct clines *l, uint64_t rank, const char *key, const char *fmt, ...)
{
	struct cline *c;
	va_list ap;

	if (l->nr == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 64;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	c = &l->v[l->nr++];
	c->rank = rank;
	snprintf(c->key, sizeof(c->key), "%s", key);
	va_start(ap, fmt);
	vsnprintf(c->val, sizeof(c->val), fmt, ap);
	va_end(ap);
}

static void add_type(struct clines *l, int section, const char *name, const struct mb_type *t,
		     uint64_t array)
{
	char key[40], flags[48];
	unsigned long i;

	snprintf(key, sizeof(key), "%s.cnt", name);
	add(l, RANK(section, 0), key, "%lu", t->cnt);
	snprintf(key, sizeof(key), "%s.max", name);
	add(l, RANK(section, 1), key, "%lu", t->max);
	snprintf(key, sizeof(key), "%s.total_size", name);
	add(l, RANK(section, 2), key, "%#" PRIx64, t->total_size);
	snprintf(key, sizeof(key), "%s.array", name);
	if (array)
		add(l, RANK(section, 3), key, "%#" PRIx64, array);
	else
		add(l, RANK(section, 3), key, "static");
	for (i = 0; i < t->cnt; i++) {
		const struct mb_region *r = &t->regions[i];

		snprintf(key, sizeof(key), "%s[%lu]", name, i);
		add(l, RANK(section, 4 + i), key, "%#" PRIx64 "+%#" PRIx64 " %s nid %d", r->base,
		    r->size, flags_name(r->flags, flags, sizeof(flags)), r->nid);
	}
}

static const char *const fate_names[NR_PAGE_FATES] = {
	"reserved", "free_all", "deferred", "deferred_init", "freed_late", "lost", "above_low",
};

static void add_page_alloc(struct clines *l, const struct machine *m, const struct mb_state *s)
{
	char key[40];
	int i;

	add(l, RANK(8, 0), "freed_all", "%s", s->freed_all ? "true" : "false");
	add(l, RANK(8, 1), "deferred_done", "%s", s->deferred_done ? "true" : "false");
	add(l, RANK(8, 2), "totalram_pages", "%" PRIu64, s->totalram_pages);
	add(l, RANK(8, 3), "lost_pages", "%" PRIu64, s->lost_pages);
	for (i = 0; i < s->nr_zones; i++) {
		const struct mb_zone *z = &s->zones[i];

		snprintf(key, sizeof(key), "zones[%d]", i);
		add(l, RANK(9, i), key, "node %d %s start %#" PRIx64 " spanned %" PRIu64
		    " present %" PRIu64 " managed %" PRIu64 " unavailable %" PRIu64, z->nid,
		    mb_zone_name(m, z), z->start_pfn, z->spanned, z->present, z->managed,
		    z->unavailable);
	}
	for (i = 0; i < s->nr_nodes; i++) {
		const struct mb_node *n = &s->nodes[i];

		snprintf(key, sizeof(key), "nodes[%d]", i);
		add(l, RANK(10, i), key, "node %d pfn %#" PRIx64 "-%#" PRIx64 " deferred %#" PRIx64,
		    n->nid, n->start_pfn, n->end_pfn, n->first_deferred_pfn);
	}
	for (i = 0; i < s->nr_pages; i++) {
		const struct mb_page_range *p = &s->pages[i];

		snprintf(key, sizeof(key), "pages[%d]", i);
		add(l, RANK(11, i), key, "pfn %#" PRIx64 "-%#" PRIx64 " %s node %d", p->start_pfn,
		    p->end_pfn, (unsigned int)p->fate < NR_PAGE_FATES ? fate_names[p->fate] : "?",
		    p->nid);
	}
}

static void collect(struct clines *l, const struct machine *m, const struct cmp_side *s)
{
	const struct mb_state *st = s->state;
	char key[40], name[24];
	int i;

	if (s->out && s->out->error)
		add(l, RANK(0, 0), "error", "%s", s->out->error);
	else if (s->out && s->out->res.kind != RET_NONE)
		add(l, RANK(0, 0), "ret", "%#" PRIx64 " (%" PRId64 ")", s->out->res.value,
		    (int64_t)s->out->res.value);
	if (s->out)
		add(l, RANK(0, 1), "warnings", "%d", steplog_warnings(&s->out->log));
	add_type(l, 2, "memory", &st->memory, st->memory_array);
	add_type(l, 3, "reserved", &st->reserved, st->reserved_array);
	add(l, RANK(6, 0), "bottom_up", "%s", st->bottom_up ? "true" : "false");
	add(l, RANK(6, 1), "current_limit", "%#" PRIx64, st->current_limit);
	add(l, RANK(6, 2), "discarded", "%s", st->discarded ? "true" : "false");
	for (i = 0; i < st->nr_contents; i++) {
		const struct mb_content *c = &st->contents[i];

		snprintf(key, sizeof(key), "contents[%d]", i);
		add(l, RANK(7, i), key, "%#" PRIx64 "+%#" PRIx64 " %s", c->base, c->size,
		    content_state_name(c->state, c->byte, name, sizeof(name)));
	}
	add_page_alloc(l, m, st);
}

static void print_log(FILE *f, const char *label, const struct steplog *log)
{
	int i;

	fprintf(f, "  messages of %s:\n", label);
	for (i = 0; i < log->nr; i++)
		fprintf(f, "    %s\n", log->lines[i].text);
	if (log->partial)
		fprintf(f, "    %s\n", log->partial);
	if (!log->nr && !log->partial)
		fprintf(f, "    (none)\n");
}

static void print_row(FILE *f, bool mark, const char *key, const char *a, const char *b)
{
	fprintf(f, "%c %-22s %-44s %s\n", mark ? '*' : ' ', key, a, b);
}

void cmp_print(FILE *f, const struct machine *m, const struct cmp_side *a,
	       const struct cmp_side *b, unsigned int flags, bool all)
{
	struct clines la = { 0 }, lb = { 0 };
	int i = 0, j = 0;

	collect(&la, m, a);
	collect(&lb, m, b);
	print_row(f, false, "", a->label, b->label);
	while (i < la.nr || j < lb.nr) {
		const struct cline *x = i < la.nr ? &la.v[i] : NULL;
		const struct cline *y = j < lb.nr ? &lb.v[j] : NULL;

		if (x && y && x->rank == y->rank) {
			bool same = !strcmp(x->val, y->val);

			if (all || !same)
				print_row(f, !same, x->key, x->val, y->val);
			i++;
			j++;
		} else if (x && (!y || x->rank < y->rank)) {
			print_row(f, true, x->key, x->val, "-");
			i++;
		} else {
			print_row(f, true, y->key, "-", y->val);
			j++;
		}
	}
	if (a->out && b->out && (flags & CMP_LOG) && !log_eq(&a->out->log, &b->out->log)) {
		print_log(f, a->label, &a->out->log);
		print_log(f, b->label, &b->out->log);
	} else if (a->out && all && (a->out->log.nr || a->out->log.partial)) {
		print_log(f, "both", &a->out->log);
	}
	free(la.v);
	free(lb.v);
}
