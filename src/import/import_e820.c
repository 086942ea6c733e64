// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The x86 e820 table as memblock saw it.  The kernel prints the table the
 * firmware gave (BIOS-e820), then edits it before e820__memblock_setup()
 * adds its usable entries to memblock (arch/x86/kernel/setup.c:950-1131):
 * setup_data turns RAM into RESERVED_KERN (still "usable"), mem=/memmap=
 * print a user-defined table, e820_add_kernel_range() and trim_bios_range()
 * (setup.c:727-768) and the MTRR trim update or remove ranges.  Each
 * printed table replaces the one before; each "e820: update" or
 * "e820: remove" line is applied as the kernel applies it (e820.c:461-590)
 * to the entries of the type it names; anything printed once memblock has
 * been set up (see IMP_AFTER_MEMBLOCK_SETUP) is too late to matter.
 */
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "util/xalloc.h"

/* far above E820_MAX_ENTRIES (128 + 3 * MAX_NUMNODES, asm/e820/types.h) */
#define E820_MODEL_MAX	8192

struct e820_ent {
	uint64_t	base, last;	/* last: inclusive, as printed */
	char		type[24];
	int		lineno;
};

struct e820_model {
	struct e820_ent	*e;
	int		nr, alloc;
	bool		overflowed;
};

static void push(struct e820_model *m, uint64_t base, uint64_t last, const char *type, int lineno)
{
	if (m->nr >= E820_MODEL_MAX) {
		m->overflowed = true;
		return;
	}
	if (m->nr == m->alloc) {
		m->alloc = m->alloc ? m->alloc * 2 : 64;
		m->e = xrealloc(m->e, (size_t)m->alloc * sizeof(*m->e));
	}
	m->e[m->nr].base = base;
	m->e[m->nr].last = last;
	snprintf(m->e[m->nr].type, sizeof(m->e[m->nr].type), "%s", type);
	m->e[m->nr].lineno = lineno;
	m->nr++;
}

/* "ACPI data" and "ACPI NVS" are printed with their own words; compare them whole. */
static bool same_type(const char *a, const char *b)
{
	return !strcmp(a, b);
}

/*
 * The entries of @type (any type when NULL) inside [start, last] become
 * @to, or go when @to is NULL; the rest stays, cut where the range cuts it.
 */
static void edit(struct e820_model *m, uint64_t start, uint64_t last, const char *type,
		 const char *to, int lineno)
{
	struct e820_model out = { 0 };
	int i;

	for (i = 0; i < m->nr; i++) {
		struct e820_ent *e = &m->e[i];
		uint64_t s = e->base > start ? e->base : start;
		uint64_t t = e->last < last ? e->last : last;

		if ((type && !same_type(e->type, type)) || s > t) {
			push(&out, e->base, e->last, e->type, e->lineno);
			continue;
		}
		if (s > e->base)
			push(&out, e->base, s - 1, e->type, e->lineno);
		if (to)
			push(&out, s, t, to, lineno);
		if (t < e->last)
			push(&out, t + 1, e->last, e->type, e->lineno);
	}
	out.overflowed |= m->overflowed;
	free(m->e);
	*m = out;
}

static int ent_cmp(const void *a, const void *b)
{
	const struct e820_ent *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

/*
 * trim_bios_range() (setup.c:727-748 in 6.1, :597-617 in 6.12) always
 * runs: page 0 becomes reserved and RAM in 0xa0000-0xfffff (BIOS_BEGIN,
 * BIOS_END) goes.  Its lines are KERN_DEBUG, which many logs leave out.
 */
static void trim_bios_range(struct importer *im, struct e820_model *m, int lineno)
{
	edit(m, 0, 0xfff, "usable", "reserved", lineno);
	edit(m, 0xa0000, 0xfffff, "usable", NULL, lineno);
	imp_report(im, lineno, "no e820 update lines (KERN_DEBUG, not in this log): trim_bios_range() applied as the kernel does (page 0 reserved, RAM at 0xa0000-0xfffff removed)");
}

/* Apply the e820 lines of the log up to memblock's setup; the model ends sorted. */
static void replay(struct importer *im, struct e820_model *m)
{
	int i, table_start = -1, last_table_line = 0;
	bool edits = false;

	for (i = 0; i < im->nr; i++) {
		const struct rec *r = &im->recs[i];
		const struct imp_line *l = &r->l;

		if (l->kind == IMP_AFTER_MEMBLOCK_SETUP || l->kind == IMP_REQUEST ||
		    l->kind == IMP_DUMP_HEADER || l->kind == IMP_NUMA_NODE ||
		    l->kind == IMP_NODE_RANGE || l->kind == IMP_MEM_INIT ||
		    (l->kind == IMP_RANGE_OP && strcmp(l->op, "memblock_reserve")))
			break;
		switch (l->kind) {
		case IMP_E820:
			/* a new table: a lower address, or other lines between */
			if (table_start < 0 || i == 0 || im->recs[i - 1].l.kind != IMP_E820 ||
			    l->base < im->recs[i - 1].l.base) {
				table_start = i;
				m->nr = 0;
			}
			push(m, l->base, l->end, l->text, r->lineno);
			last_table_line = r->lineno;
			break;
		case IMP_E820_UPDATE:
			edits = true;
			if (strcmp(l->text, l->to))
				edit(m, l->base, l->end, l->text, l->to, r->lineno);
			break;
		case IMP_E820_REMOVE:
			edits = true;
			edit(m, l->base, l->end, l->text[0] ? l->text : NULL, NULL, r->lineno);
			/* untyped: mem= (to the top, a user table follows) or
			 * e820_add_kernel_range(), which adds the kernel back as RAM
			 * (setup.c:767-768) */
			if (!l->text[0] && l->end < UINT64_MAX - 1)
				push(m, l->base, l->end, "usable", r->lineno);
			break;
		default:
			break;
		}
	}
	if (!edits && m->nr)
		trim_bios_range(im, m, last_table_line);
	if (m->nr)	/* no table: m->e may be NULL, which qsort may not take */
		qsort(m->e, (size_t)m->nr, sizeof(*m->e), ent_cmp);
}

bool imp_have_e820(const struct importer *im)
{
	int i;

	for (i = 0; i < im->nr; i++)
		if (im->recs[i].l.kind == IMP_E820)
			return true;
	return false;
}

/* e820__memblock_setup() (e820.c:1331-1345): usable entries added, soft reserved ones reserved. */
void imp_e820_steps(struct importer *im, imp_step_fn add, imp_step_fn reserve)
{
	struct e820_model m = { 0 };
	int i;

	replay(im, &m);
	if (m.overflowed)
		imp_report(im, m.e[0].lineno, "more than %d e820 entries: the rest are left out",
			   E820_MODEL_MAX);
	for (i = 0; i < m.nr; i++) {
		struct e820_ent *e = &m.e[i];

		if (e->last == UINT64_MAX)	/* its end does not fit: skipped (e820.c:1335) */
			continue;
		if (!strcmp(e->type, "soft reserved"))
			reserve(im, e->base, e->last - e->base + 1, e->lineno);
		else if (!strcmp(e->type, "usable"))
			add(im, e->base, e->last - e->base + 1, e->lineno);
	}
	free(m.e);
}
