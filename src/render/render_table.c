// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The text around the bands: the step header (call, result, note, what
 * changed, warnings, expectations), the region tables, the zones, and the
 * legend.
 *
 * Table rows follow the debugfs files of later kernels ("%4d: %pa..%pa",
 * then the node, 'x' for none, and the flags); 6.1 itself prints only the
 * range.  A size in human units and a change mark are added.  When the
 * rows do not fit the width, addresses lose their padding first, then
 * columns that say nothing (the node without NUMA, flags that are all
 * NONE) are left out.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ops.h"
#include "render_priv.h"
#include "util/xalloc.h"

/* ---- the step header ---- */

struct text {
	char		*s;
	size_t		len, alloc;
};

static __attribute__((format(printf, 2, 3)))
void text_add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (t->len + n + 1 > t->alloc) {
		t->alloc = (t->len + n + 1) * 2;
		t->s = xrealloc(t->s, t->alloc);
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, n + 1, fmt, ap);
	va_end(ap);
	t->len += n;
}

static void ranges_text(struct text *t, const struct type_diff *d, enum change kind,
			const char *verb, const char **sep)
{
	char a[24], b[24], h[32];
	int i, n = 0;

	for (i = 0; i < d->nr_ranges; i++)
		n += d->ranges[i].kind == kind;
	if (!n)
		return;
	if (n > 2) {
		text_add(t, "%s%s %s in %d ranges", *sep, verb,
			 human_nb(kind == CH_ADDED ? d->added : d->removed, h, sizeof(h)), n);
		*sep = ", ";
		return;
	}
	for (i = 0; i < d->nr_ranges; i++) {
		const struct drange *r = &d->ranges[i];

		if (r->kind != kind)
			continue;
		text_add(t, "%s%s %s-%s (%s)", *sep, verb, hex_short(r->start, a, sizeof(a)),
			 hex_short(r->end - 1, b, sizeof(b)),
			 human_nb(r->end - r->start, h, sizeof(h)));
		*sep = ", ";
		if (verb[0] != ' ') {
			/* The second range of two: "added A and B". */
			*sep = "";
			verb = " and";
		}
	}
	*sep = ", ";
}

static void type_changes(struct text *t, const struct type_diff *d, const char *name)
{
	const char *sep = "";

	if (!d->any)
		return;
	text_add(t, "%s%s: ", t->len ? "; " : "", name);
	ranges_text(t, d, CH_ADDED, "added", &sep);
	ranges_text(t, d, CH_REMOVED, "removed", &sep);
	if (d->nr_merged) {
		text_add(t, "%s%d regions merged into %d", sep, d->merged_from, d->nr_merged);
		sep = ", ";
	}
	if (d->split_from) {
		text_add(t, "%s%d region%s split into %d", sep, d->split_from,
			 d->split_from > 1 ? "s" : "", d->nr_split);
		sep = ", ";
	}
	if (d->nr_changed)
		text_add(t, "%sflags or node changed on %d region%s", sep, d->nr_changed,
			 d->nr_changed > 1 ? "s" : "");
}

static const char *fate_name(int f)
{
	switch (f) {
	case PF_RESERVED:	return "reserved";
	case PF_FREE_ALL:	return "buddy";
	case PF_DEFERRED:	return "deferred";
	case PF_DEFERRED_INIT:	return "freed by deferred init";
	case PF_FREED_LATE:	return "freed late";
	case PF_LOST:		return "lost";
	case PF_ABOVE_LOW:	return "above max_low_pfn";
	default:		return "no page";
	}
}

/* memblock_free_all ran in this step: where every page went. */
static void pages_handover(struct text *t, const struct frame *in)
{
	const struct mb_state *st = in->st;
	uint64_t count[NR_PAGE_FATES] = { 0 };
	const char *sep = "";
	char h[32];
	int i;

	for (i = 0; i < st->nr_pages; i++)
		if ((unsigned int)st->pages[i].fate < NR_PAGE_FATES)
			count[st->pages[i].fate] += st->pages[i].end_pfn - st->pages[i].start_pfn;
	text_add(t, "%spages: ", t->len ? "; " : "");
	for (i = 0; i < NR_PAGE_FATES; i++) {
		if (!count[i])
			continue;
		text_add(t, "%s%" PRIu64 " %s (%s)", sep, count[i],
			 i == PF_FREE_ALL ? "to buddy" : fate_name(i),
			 human_nb(pfn_addr(in->m, count[i]), h, sizeof(h)));
		sep = ", ";
	}
	if (!*sep)
		text_add(t, "none");
}

#define MAX_PAGE_RANGES	2

/* Pages whose fate the step changed, by kind of change: "512 reserved -> lost (2 MiB) at A-B". */
struct transition {
	uint64_t	pages;
	int		ranges;
	int		first[MAX_PAGE_RANGES];	/* indices of its first ranges */
};

#define NR_FATE_SLOTS	(NR_PAGE_FATES + 1)	/* -1 (no page) too */

static void pages_changes(struct text *t, const struct frame *in)
{
	struct transition tr[NR_FATE_SLOTS * NR_FATE_SLOTS] = { { 0 } };
	int order[NR_FATE_SLOTS * NR_FATE_SLOTS], nr_order = 0;
	struct page_change *c;
	int n = pages_diff(in->prev, in->st, &c), i, k;
	char a[24], b[24], h[32];

	if (!n)
		return;
	/* One pass, grouped by (from, to) in order of first appearance. */
	for (i = 0; i < n; i++) {
		int slot = (c[i].from + 1) * NR_FATE_SLOTS + c[i].to + 1;
		struct transition *x = &tr[slot];

		if (!x->ranges)
			order[nr_order++] = slot;
		if (x->ranges < MAX_PAGE_RANGES)
			x->first[x->ranges] = i;
		x->ranges++;
		x->pages += c[i].end_pfn - c[i].start_pfn;
	}
	text_add(t, "%spages: ", t->len ? "; " : "");
	for (k = 0; k < nr_order; k++) {
		const struct transition *x = &tr[order[k]];
		const struct page_change *f = &c[x->first[0]];

		text_add(t, "%s%" PRIu64 " %s" NBSP_UTF8 "->" NBSP_UTF8 "%s (%s)", k ? ", " : "",
			 x->pages, fate_name(f->from), fate_name(f->to),
			 human_nb(pfn_addr(in->m, x->pages), h, sizeof(h)));
		if (x->ranges > MAX_PAGE_RANGES) {
			text_add(t, " in %d ranges", x->ranges);
			continue;
		}
		for (i = 0; i < x->ranges; i++) {
			const struct page_change *r = &c[x->first[i]];

			text_add(t, "%s%s-%s", i ? " and " : " at ",
				 hex_short(pfn_addr(in->m, r->start_pfn), a, sizeof(a)),
				 hex_short(pfn_addr(in->m, r->end_pfn) - 1, b, sizeof(b)));
		}
	}
	free(c);
}

static void header_changes(struct canvas *cv, const struct frame *in, int width)
{
	struct text t = { 0 };
	struct diff d;

	diff_compute(&d, in->prev, in->st);
	type_changes(&t, &d.mem, "memory");
	type_changes(&t, &d.rsv, "reserved");
	if (in->st->freed_all && !in->prev->freed_all)
		pages_handover(&t, in);
	else if (in->st->freed_all)
		pages_changes(&t, in);
	put_wrapped(cv, width, 11, RL_TEXT, "  changes: ", ST_HEADER, t.len ? t.s : "none",
		    ST_PLAIN);
	free(t.s);
	diff_free(&d);
}

#define MAX_LOG_LINES	12

static void header_log(struct canvas *cv, const struct steplog *log, int width)
{
	int i, shown = 0, more = 0;

	for (i = 0; i < log->nr; i++) {
		const struct log_line *l = &log->lines[i];

		if (l->kind != LOG_WARN && l->kind != LOG_SPLAT && l->kind != LOG_ERR)
			continue;
		if (shown++ >= MAX_LOG_LINES) {
			more++;
			continue;
		}
		put_wrapped(cv, width, 4, RL_TEXT, l->kind == LOG_ERR ? "  error: " : "  warning: ",
			    ST_WARN, l->text, ST_WARN);
	}
	if (more) {
		char buf[64];

		snprintf(buf, sizeof(buf), "(%d more warning lines)", more);
		put_wrapped(cv, width, 4, RL_TEXT, "  ", ST_WARN, buf, ST_WARN);
	}
}

static void header_step(struct canvas *cv, const struct frame *in, int width)
{
	char first[64], call[1024];
	int n = 0;

	/*
	 * A step is named as the scenario file, the kernel-style log and
	 * `check` name it: steps[i]; "k/N" says how many steps are done.
	 */
	if (!in->step)
		n = snprintf(first, sizeof(first), "start");
	else
		n = snprintf(first, sizeof(first), "steps[%d]", in->step - 1);
	if (in->name)
		n += snprintf(first + n, sizeof(first) - n, " %d/%d", in->step, in->nr_steps);
	if (in->label)
		snprintf(first + n, sizeof(first) - n, " ($%s): ", in->label);
	else
		snprintf(first + n, sizeof(first) - n, ": ");
	if (!in->step)
		snprintf(call, sizeof(call), "the initial state, before steps[0]");
	else if (in->out)
		call_format(in->m, &in->out->call, &in->out->res, call, sizeof(call));
	else
		snprintf(call, sizeof(call), "%s", in->op ? in->op : "?");
	put_wrapped(cv, width, 4, RL_TEXT, first, ST_HEADER, call, ST_HEADER);
	if (in->note)
		put_wrapped(cv, width, 8, RL_TEXT, "  note: ", ST_NOTE, in->note, ST_NOTE);
}

static void header_outcome(struct canvas *cv, const struct frame *in, int width)
{
	const struct step_outcome *out = in->out;
	char line[1024];
	int i;

	if (out)
		header_log(cv, &out->log, width);
	for (i = 0; out && i < out->nr_failures; i++) {
		failure_format(&out->failures[i], line, sizeof(line));
		put_wrapped(cv, width, 4, RL_TEXT, "  FAIL: ", ST_FAIL, line, ST_FAIL);
	}
	if (out && !out->nr_failures && in->expects)
		put_wrapped(cv, width, 4, RL_TEXT, "  expect: ", ST_HEADER, "ok", ST_PASS);
	if (out && out->error)
		put_wrapped(cv, width, 4, RL_TEXT, "  error: ", ST_FAIL, out->error, ST_FAIL);
	if (in->error && (!out || !out->error || strcmp(in->error, out->error)))
		put_wrapped(cv, width, 4, RL_TEXT, "  error: ", ST_FAIL, in->error, ST_FAIL);
}

#define MAX_LOST_RANGES	4

/* Pages lost on the way to buddy are the bug a reader looks for: say where. */
static void header_lost(struct canvas *cv, const struct frame *in, int width)
{
	const struct mb_state *st = in->st;
	struct text t = { 0 };
	uint64_t pages = 0;
	char a[24], b[24], h[32];
	int i, n = 0;

	for (i = 0; i < st->nr_pages; i++)
		if (st->pages[i].fate == PF_LOST)
			pages += st->pages[i].end_pfn - st->pages[i].start_pfn;
	if (!pages)
		pages = st->lost_pages;
	if (!pages)
		return;
	text_add(&t, "%" PRIu64 " page%s (%s) never reached the buddy allocator", pages,
		 pages > 1 ? "s" : "", human_nb(pfn_addr(in->m, pages), h, sizeof(h)));
	for (i = 0; i < st->nr_pages; i++) {
		const struct mb_page_range *p = &st->pages[i];

		if (p->fate != PF_LOST)
			continue;
		if (n++ == MAX_LOST_RANGES) {
			text_add(&t, ", ...");
			break;
		}
		text_add(&t, "%s%s-%s", n > 1 ? ", " : ": ",
			 hex_short(pfn_addr(in->m, p->start_pfn), a, sizeof(a)),
			 hex_short(pfn_addr(in->m, p->end_pfn) - 1, b, sizeof(b)));
	}
	put_wrapped(cv, width, 4, RL_TEXT, "  lost: ", ST_PAGES_LOST, t.s, ST_WARN);
	free(t.s);
}

void render_header(struct canvas *cv, const struct frame *in, const struct render_opts *o)
{
	cv->utf8 = o->utf8;
	if (in->name && o->title) {
		char *t = in->title ? xasprintf("%s: %s", in->name, in->title) : xstrdup(in->name);

		put_wrapped(cv, o->width, 2, RL_TEXT, NULL, ST_TITLE, t, ST_TITLE);
		free(t);
	}
	header_step(cv, in, o->width);
	if (in->prev)
		header_changes(cv, in, o->width);
	if (in->st->freed_all)
		header_lost(cv, in, o->width);
	header_outcome(cv, in, o->width);
}

/* ---- region tables ---- */

struct table_fmt {
	int		hex;		/* digits after 0x, 0: unpadded */
	int		addr_w;		/* width of one unpadded address */
	bool		nid, flags;
	int		flags_w, size_w;
	bool		two_lines;	/* node, flags and size on a line of their own */
};

static int row_len(const struct table_fmt *f)
{
	int addr = f->hex ? f->hex + 2 : f->addr_w;

	return 7 + 2 * addr + 2 + (f->nid ? 5 : 0) + (f->flags ? f->flags_w + 1 : 0) + 1 +
	       f->size_w;
}

static void measure(const struct mb_region *r, unsigned long n, struct table_fmt *f)
{
	char buf[64];
	unsigned long i;

	for (i = 0; i < n; i++) {
		int a = (int)strlen(hex_short(r[i].base, buf, sizeof(buf)));
		int b = (int)strlen(hex_short(region_end_excl(&r[i]) - 1, buf, sizeof(buf)));
		int fl = (int)strlen(flags_name(r[i].flags, buf, sizeof(buf)));
		int sz = (int)strlen(render_human(r[i].size, buf, sizeof(buf)));

		f->addr_w = a > f->addr_w ? a : f->addr_w;
		f->addr_w = b > f->addr_w ? b : f->addr_w;
		f->flags_w = fl > f->flags_w ? fl : f->flags_w;
		f->size_w = sz > f->size_w ? sz : f->size_w;
		if (r[i].flags)
			f->flags = true;
	}
}

/* The widest format that fits; the same for both tables so that they line up. */
static void choose_format(const struct frame *in, const struct diff *d, int width,
			  struct table_fmt *f)
{
	const struct mb_state *st = in->st;
	bool any_flags;

	memset(f, 0, sizeof(*f));
	measure(st->memory.regions, type_count(&st->memory), f);
	measure(st->reserved.regions, type_count(&st->reserved), f);
	measure(d->mem.gone, d->mem.nr_gone, f);
	measure(d->rsv.gone, d->rsv.nr_gone, f);
	any_flags = f->flags;
	f->nid = f->flags = true;
	f->hex = in->m->phys_addr_bits == 32 ? 8 : 16;
	if (row_len(f) <= width)
		return;
	f->hex = 0;
	if (row_len(f) <= width)
		return;
	f->nid = in->m->numa;
	if (row_len(f) <= width)
		return;
	f->flags = any_flags;
	f->two_lines = row_len(f) > width;
}

/* One table row (two lines when narrow), tagged @kind/@tag; returns its first line's index. */
static int put_row(struct canvas *cv, enum rline_kind kind, int tag, const struct frame *in,
		   const struct table_fmt *f, const struct mb_region *r, char mark,
		   enum render_style mst, long index)
{
	struct rline *l = canvas_line(cv, kind, r->nid, tag);
	char a[24], b[24], buf[64];
	uint64_t end = region_end_excl(r) - 1;
	int col, first = cv->nr - 1;

	line_putc(l, 0, mst, (unsigned char)mark, 0);
	col = index >= 0 ? line_printf(l, 1, ST_PLAIN, "%4ld: ", index)
			 : line_puts(l, 1, ST_PLAIN, "    : ");
	if (f->hex) {
		hex_phys(in->m, r->base, a, sizeof(a));
		hex_phys(in->m, end, b, sizeof(b));
	} else {
		snprintf(a, sizeof(a), "%*s", f->addr_w, hex_short(r->base, buf, sizeof(buf)));
		snprintf(b, sizeof(b), "%-*s", f->addr_w, hex_short(end, buf, sizeof(buf)));
	}
	col = line_printf(l, col, ST_PLAIN, "%s..%s ", a, b);
	if (f->two_lines) {
		l = canvas_line(cv, kind, r->nid, tag);
		col = 7;
	}
	if (f->nid && (r->nid == in->m->max_numnodes || !in->m->numa))
		col = line_printf(l, col, ST_PLAIN, "%4s ", in->m->numa ? "x" : "0");
	else if (f->nid)
		col = line_printf(l, col, ST_PLAIN, "%4d ", r->nid);
	if (f->flags)
		col = line_printf(l, col, ST_PLAIN, "%-*s ", f->flags_w,
				  flags_name(r->flags, buf, sizeof(buf)));
	line_printf(l, col, ST_DIM, "%*s", f->size_w, render_human(r->size, buf, sizeof(buf)));
	return first;
}

static const char change_mark[NR_CHANGES] = { ' ', '+', '-', '~', '/', '=' };

static const enum render_style change_style[NR_CHANGES] = {
	ST_PLAIN, ST_ADDED, ST_REMOVED, ST_CHANGED, ST_SPLIT, ST_MERGED,
};

static void table(struct canvas *cv, const struct frame *in, const struct render_opts *o,
		  const struct table_fmt *f, int type, const struct type_diff *d)
{
	const struct mb_type *t = type == MB_TYPE_MEMORY ? &in->st->memory : &in->st->reserved;
	const char *name = type == MB_TYPE_MEMORY ? "memory" : "reserved";
	unsigned long i, n = type_count(t);
	char size[32], text[160];
	int k;

	human_nb(t->total_size, size, sizeof(size));
	if (n)
		snprintf(text, sizeof(text), "%s: %lu region%s, %s (cnt %lu, max %lu, total_size %#"
			 PRIx64 ")", name, n, n > 1 ? "s" : "", size, t->cnt, t->max,
			 t->total_size);
	else
		snprintf(text, sizeof(text), "%s: empty (cnt %lu, max %lu, total_size 0)", name,
			 t->cnt, t->max);
	k = cv->nr;
	put_wrapped(cv, o->width, 4, RL_TABLE_HEAD, NULL, ST_HEADER, text, ST_HEADER);
	for (; k < cv->nr; k++)
		cv->lines[k].index = type;
	for (i = 0; i < n; i++) {
		enum change c = d->mark[i];

		k = put_row(cv, type == MB_TYPE_MEMORY ? RL_ROW_MEMORY : RL_ROW_RESERVED, (int)i,
			    in, f, &t->regions[i], change_mark[c], change_style[c], (long)i);
		for (; o->sel_type == type && o->sel_index == (int)i && k < cv->nr; k++)
			line_flag(&cv->lines[k], 0, cv->lines[k].len, RCELL_SELECTED);
	}
	for (k = 0; k < d->nr_gone; k++) {
		struct rline *l;

		put_row(cv, RL_ROW_GONE, type, in, f, &d->gone[k], '-', ST_REMOVED, -1);
		l = &cv->lines[cv->nr - 1];
		line_puts(l, l->len, ST_REMOVED, " gone");
	}
}

static int zone_cmp(const void *a, const void *b)
{
	const struct mb_zone *x = *(const struct mb_zone *const *)a;
	const struct mb_zone *y = *(const struct mb_zone *const *)b;

	if (x->nid != y->nid)
		return x->nid < y->nid ? -1 : 1;
	return x->zone < y->zone ? -1 : x->zone > y->zone;
}

static void nodes_lines(struct canvas *cv, const struct frame *in, int width)
{
	const struct mb_state *st = in->st;
	char text[200];
	int i;

	for (i = 0; i < st->nr_nodes; i++) {
		const struct mb_node *n = &st->nodes[i];
		int len = snprintf(text, sizeof(text), "node %d pfn %#" PRIx64 "-%#" PRIx64,
				   n->nid, n->start_pfn, n->end_pfn);

		if (n->first_deferred_pfn != UINT64_MAX)
			snprintf(text + len, sizeof(text) - len, ", first_deferred_pfn %#" PRIx64,
				 n->first_deferred_pfn);
		put_wrapped(cv, width, 4, RL_TEXT, "  ", ST_PLAIN, text, ST_PLAIN);
	}
}

static void zones(struct canvas *cv, const struct frame *in, const struct render_opts *o)
{
	const struct mb_state *st = in->st;
	const struct mb_zone **z;
	char a[32], b[32], text[256];
	int i, first;

	human_nb(pfn_addr(in->m, st->totalram_pages), a, sizeof(a));
	human_nb(pfn_addr(in->m, st->lost_pages), b, sizeof(b));
	snprintf(text, sizeof(text), "totalram_pages %" PRIu64 " (%s), lost_pages %" PRIu64
		 " (%s)%s", st->totalram_pages, a, st->lost_pages, b,
		 st->deferred_done ? ", deferred init done" : "");
	put_wrapped(cv, o->width, 4, RL_TABLE_HEAD, "zones: ", ST_HEADER, text, ST_PLAIN);
	nodes_lines(cv, in, o->width);
	z = xrealloc(NULL, (st->nr_zones + 1) * sizeof(*z));
	for (i = 0; i < st->nr_zones; i++)
		z[i] = &st->zones[i];
	qsort(z, st->nr_zones, sizeof(*z), zone_cmp);
	for (i = 0; i < st->nr_zones; i++) {
		snprintf(text, sizeof(text), "node %d %-7s spanned %" PRIu64 ", present %" PRIu64
			 ", managed %" PRIu64, z[i]->nid, mb_zone_name(in->m, z[i]),
			 z[i]->spanned, z[i]->present, z[i]->managed);
		first = cv->nr;
		put_wrapped(cv, o->width, 4, RL_ZONE, "  ", ST_PLAIN, text, ST_PLAIN);
		for (; first < cv->nr; first++) {
			cv->lines[first].nid = z[i]->nid;
			cv->lines[first].index = (int)(z[i] - st->zones);
		}
	}
	free(z);
}

void render_tables(struct canvas *cv, const struct frame *in, const struct render_opts *o)
{
	struct table_fmt f;
	struct diff d;

	cv->utf8 = o->utf8;
	diff_compute(&d, in->prev, in->st);
	choose_format(in, &d, o->width, &f);
	table(cv, in, o, &f, MB_TYPE_MEMORY, &d.mem);
	table(cv, in, o, &f, MB_TYPE_RESERVED, &d.rsv);
	if (in->st->freed_all)
		zones(cv, in, o);
	diff_free(&d);
}

/* ---- the legend ---- */

struct entry {
	int		kind;		/* enum item_kind, or -1: @glyph says what to show */
	bool		small;
	const char	*glyph;
	const char	*text;
};

/* Start a new legend line when @len more columns do not fit. */
static struct rline *legend_room(struct canvas *cv, struct rline *l, int *col, int len,
				 int width)
{
	if (*col > RENDER_MARGIN && *col + len > width) {
		l = canvas_line(cv, RL_LEGEND, -1, -1);
		*col = RENDER_MARGIN;
	}
	return l;
}

static void legend_row(struct canvas *cv, const struct render_opts *o, const char *title,
		       const struct entry *e, int n)
{
	struct rline *l = canvas_line(cv, RL_LEGEND, -1, -1);
	int col = RENDER_MARGIN, i;

	line_puts(l, 0, ST_HEADER, title);
	for (i = 0; i < n; i++) {
		int glen = e[i].kind < 0 ? (int)strlen(e[i].glyph) : 1;
		const char *w = e[i].text;

		l = legend_room(cv, l, &col, glen + 1 + (int)strlen(w), o->width);
		if (e[i].kind >= 0)
			line_putc(l, col, kind_style(e[i].kind),
				  kind_glyph(e[i].kind, e[i].small, o->utf8),
				  e[i].small ? RCELL_SMALL : 0);
		else
			line_puts(l, col, ST_MANY, e[i].glyph);
		col += glen;
		/* Word by word, so that a long description wraps too. */
		while (*w) {
			int wl = (int)strcspn(w, " ");
			char word[64];

			snprintf(word, sizeof(word), "%.*s", wl, w);
			if (col + 1 + wl > o->width && col > RENDER_MARGIN + glen + 1) {
				l = canvas_line(cv, RL_LEGEND, -1, -1);
				col = RENDER_MARGIN + glen;
			}
			col = line_puts(l, col + 1, ST_DIM, word);
			w += wl;
			w += strspn(w, " ");
		}
		col += 2;
	}
}

static const struct entry legend_memory[] = {
	{ K_MEM, false, NULL, "memory" }, { K_HOTPLUG, false, NULL, "hotplug" },
	{ K_MIRROR, false, NULL, "mirror" }, { K_NOMAP, false, NULL, "nomap" },
	{ K_DRVMGD, false, NULL, "driver-managed" }, { K_HOLE, false, NULL, "hole" },
};

static const struct entry legend_reserved[] = {
	{ K_RSV, false, NULL, "reserved" }, { K_FREE, false, NULL, "free memory" },
};

static const struct entry legend_pages[] = {
	{ K_PG_BUDDY, false, NULL, "freed to buddy by memblock_free_all" },
	{ K_PG_INIT, false, NULL, "freed by deferred init" },
	{ K_PG_LATE, false, NULL, "freed by memblock_free_late" },
	{ K_PG_RESERVED, false, NULL, "PageReserved: kept by the kernel" },
	{ K_PG_DEFERRED, false, NULL, "waiting: deferred, struct pages not initialised" },
	{ K_PG_LOST, false, NULL, "lost: never reached buddy" },
	{ K_PG_HIGH, false, NULL, "above max_low_pfn (highmem, not memblock's)" },
};

/* The same marks in the change bands and the tables' first column. */
static const struct entry legend_change[] = {
	{ K_ADDED, false, NULL, "added" }, { K_REMOVED, false, NULL, "removed or gone" },
	{ K_CHANGED, false, NULL, "changed (flags, node; size in tables; pages: fate)" },
	{ K_SPLIT, false, NULL, "split" }, { K_MERGED, false, NULL, "merged" },
};

static const struct entry legend_marks[] = {
	{ K_MEM, true, NULL, "memory narrower than a column (letters: lower case)" },
	{ -1, false, "2-9,*", "that many ranges in one column" },
};

static const struct entry legend_break[] = {
	{ -1, false, "~", "on the ruler: a hole shrunk to one column" },
};

#define ROW(cv, o, title, e) legend_row(cv, o, title, e, (int)(sizeof(e) / sizeof(e[0])))

void render_legend(struct canvas *cv, const struct frame *in, const struct render_opts *o)
{
	cv->utf8 = o->utf8;
	line_puts(canvas_line(cv, RL_LEGEND, -1, -1), 0, ST_HEADER, "legend:");
	ROW(cv, o, "memory", legend_memory);
	ROW(cv, o, "reserved", legend_reserved);
	if (in->st->freed_all)
		ROW(cv, o, "pages", legend_pages);
	if (in->prev)
		ROW(cv, o, "change", legend_change);
	ROW(cv, o, "", legend_marks);
	if (o->scale == SCALE_COMPACT)
		ROW(cv, o, "", legend_break);
}
