// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The prompts on the status line (':' go to a step, '/' find an address)
 * and the popup that shows what holds an address.
 *
 * An address is anything a scenario's value may be ("0x7b000000", "16M",
 * "end_of_DRAM - 4K", "reserved[2].base", "$buf + 64"), evaluated against
 * the state of the current step.  A label is the value its step returned,
 * as the runner binds it.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/ops.h"
#include "render/dump.h"
#include "ui.h"
#include "util/xalloc.h"

#define CTRL(c)	((c) & 0x1f)

void ui_prompt_start(struct ui *u, enum ui_prompt_kind kind)
{
	u->mode = MODE_PROMPT;
	u->prompt_kind = kind;
	u->prompt[0] = 0;
	u->prompt_len = 0;
}

static const char *prompt_label(const struct ui *u, char *buf, int len)
{
	if (u->prompt_kind == PROMPT_GOTO)
		snprintf(buf, len, "go to (steps[i], steps done 0-%d, $label, +N, -N): ",
			 ui_steps(u));
	else
		snprintf(buf, len, "find address (0x..., 16M, $label, reserved[1].base): ");
	return buf;
}

void ui_draw_prompt(struct ui *u)
{
	char label[96];
	int y = u->rows - 1, x, room;
	const char *text = u->prompt;

	ui_fill(u, y, 0, u->cols, A_NORMAL);
	x = ui_puts(u, y, 0, u->cols, A_BOLD, prompt_label(u, label, sizeof(label)));
	room = u->cols - x - 1;
	/* The end of a long entry stays in view. */
	if (room > 0 && u->prompt_len > room)
		text += u->prompt_len - room;
	if (room > 0)
		x += ui_puts(u, y, x, room, A_NORMAL, text);
	if (x < u->cols)
		ui_puts(u, y, x, 1, A_REVERSE, " ");
}

/* The step after the one binding @name, searched from the end: the latest binding wins. */
static int label_step(const struct ui *u, const char *name)
{
	int i;

	if (*name == '$')
		name++;
	for (i = ui_steps(u) - 1; i >= 0; i--)
		if (u->sc->steps[i].as && !strcmp(u->sc->steps[i].as, name))
			return i + 1;
	return -1;
}

static bool parse_int(const char *s, long *v)
{
	char *end;

	if (!*s || strspn(s, "0123456789") != strlen(s) || strlen(s) > 9)
		return false;
	*v = strtol(s, &end, 10);
	return true;
}

static void do_goto(struct ui *u, const char *s)
{
	int n = ui_steps(u), k;
	long v;

	if (!*s)
		return;
	if ((*s == '+' || *s == '-') && parse_int(s + 1, &v)) {
		ui_goto(u, u->step + (*s == '+' ? (int)v : -(int)v));
		return;
	}
	if (!strncmp(s, "steps[", 6) && s[strlen(s) - 1] == ']') {
		char num[16];

		snprintf(num, sizeof(num), "%.*s", (int)strlen(s) - 7, s + 6);
		if (parse_int(num, &v) && v < n) {
			ui_goto(u, (int)v + 1);
			return;
		}
	}
	if (parse_int(s, &v)) {
		if (v > n)
			ui_message(u, true, "steps done: 0 to %d (steps[0] to steps[%d])", n, n - 1);
		else
			ui_goto(u, (int)v);
		return;
	}
	k = label_step(u, s);
	if (k < 0)
		ui_message(u, true, "no step is labelled '%s' (its \"as\")", s);
	else
		ui_goto(u, k);
}

/* ---- finding an address ---- */

struct find_ctx {
	struct ui	*u;
	const struct mb_state *st;
	uint64_t	phys_max;
};

static int env_query(void *ctx, enum expr_query q, uint64_t *out)
{
	struct find_ctx *f = ctx;
	const struct mb_type *mem = &f->st->memory;
	const struct mb_region *last = mem->cnt ? &mem->regions[mem->cnt - 1] : NULL;

	switch (q) {
	case Q_START_OF_DRAM:
		*out = mem->cnt ? mem->regions[0].base : 0;
		return 0;
	case Q_END_OF_DRAM:
		*out = last ? (last->base + last->size) & f->phys_max : 0;
		return 0;
	case Q_PHYS_MEM_SIZE:
		*out = mem->total_size;
		return 0;
	case Q_RESERVED_SIZE:
		*out = f->st->reserved.total_size;
		return 0;
	case Q_CURRENT_LIMIT:
		*out = f->st->current_limit;
		return 0;
	}
	return -1;
}

static int env_label(void *ctx, const char *name, uint64_t *out, char *err, int errlen)
{
	struct find_ctx *f = ctx;
	int i;

	for (i = f->u->step - 1; i >= 0; i--) {
		const struct step_outcome *o;

		if (!f->u->sc->steps[i].as || strcmp(f->u->sc->steps[i].as, name))
			continue;
		o = timeline_outcome(ui_timeline(f->u), i);
		if (!o)
			break;
		*out = o->res.value & f->phys_max;
		return 0;
	}
	snprintf(err, errlen, "$%s is not bound after %d steps", name, f->u->step);
	return -1;
}

static int env_region(void *ctx, int type, unsigned long idx, bool size, uint64_t *out,
		      char *err, int errlen)
{
	struct find_ctx *f = ctx;
	const struct mb_type *t = type == MB_TYPE_RESERVED ? &f->st->reserved : &f->st->memory;

	if (idx >= t->cnt) {
		snprintf(err, errlen, "%s[%lu] does not exist: cnt is %lu",
			 type == MB_TYPE_RESERVED ? "reserved" : "memory", idx, t->cnt);
		return -1;
	}
	*out = size ? t->regions[idx].size : t->regions[idx].base;
	return 0;
}

static int eval_address(struct ui *u, const char *text, uint64_t *addr, char *err, int errlen)
{
	struct find_ctx f = { u, ui_state(u), machine_phys_max(&u->sc->machine) };
	struct expr_env env;
	struct expr *e;
	int off, ret;

	memset(&env, 0, sizeof(env));
	scenario_expr_consts(&u->sc->machine, &env);
	env.ctx = &f;
	env.query = env_query;
	env.label = env_label;
	env.region = env_region;
	e = expr_parse(text, &env, NULL, NULL, err, errlen, &off);
	if (!e)
		return -1;
	ret = expr_eval(e, &env, addr, err, errlen);
	expr_free(e);
	return ret;
}

struct text {
	char		*s;
	size_t		len;
};

static __attribute__((format(printf, 2, 3)))
void add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	t->s = xrealloc(t->s, t->len + n + 2);
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, n + 1, fmt, ap);
	va_end(ap);
	t->len += n;
	t->s[t->len++] = '\n';
	t->s[t->len] = 0;
}

static int holders(struct ui *u, struct text *t, const struct mb_type *ty, const char *name,
		   uint64_t a)
{
	const struct machine *m = &u->sc->machine;
	char fl[64];
	unsigned long i;
	int found = -1;

	for (i = 0; i < ty->cnt; i++) {
		const struct mb_region *r = &ty->regions[i];

		if (a < r->base || a - r->base >= r->size)
			continue;
		flags_name(r->flags, fl, sizeof(fl));
		if (m->numa && r->nid != m->max_numnodes)
			add(t, "%s[%lu] 0x%" PRIx64 "-0x%" PRIx64 " %s, node %d", name, i, r->base,
			    r->base + r->size - 1, fl, r->nid);
		else
			add(t, "%s[%lu] 0x%" PRIx64 "-0x%" PRIx64 " %s%s", name, i, r->base,
			    r->base + r->size - 1, fl, m->numa ? ", no node yet" : "");
		if (found < 0)
			found = (int)i;
	}
	if (found < 0)
		add(t, "not in %s", name);
	return found;
}

static const char *const fate_names[NR_PAGE_FATES] = {
	"PageReserved", "freed to buddy by memblock_free_all()",
	"deferred: struct pages not initialised yet", "freed by deferred init",
	"freed by memblock_free_late()", "lost: left memblock, never reached buddy",
	"above max_low_pfn: not freed by memblock",
};

static void pages_of(struct ui *u, struct text *t, const struct mb_state *st, uint64_t a)
{
	const struct machine *m = &u->sc->machine;
	uint64_t pfn = a / m->page_size;
	int i;

	if (!st->freed_all)
		return;
	for (i = 0; i < st->nr_zones; i++) {
		const struct mb_zone *z = &st->zones[i];

		if (pfn >= z->start_pfn && pfn - z->start_pfn < z->spanned)
			add(t, "zone %s of node %d (pfn 0x%" PRIx64 ")", mb_zone_name(m, z),
			    z->nid, pfn);
	}
	for (i = 0; i < st->nr_pages; i++) {
		const struct mb_page_range *p = &st->pages[i];

		if (pfn >= p->start_pfn && pfn < p->end_pfn)
			add(t, "page: %s", fate_names[p->fate < NR_PAGE_FATES ? p->fate : 0]);
	}
}

static void do_find(struct ui *u, const char *s)
{
	const struct mb_state *st = ui_state(u);
	struct text t = { 0 };
	uint64_t a;
	char err[256], title[64];
	int mem, rsv;

	if (!*s)
		return;
	if (eval_address(u, s, &a, err, sizeof(err))) {
		ui_message(u, true, "%s", err);
		return;
	}
	mem = holders(u, &t, &st->memory, "memory", a);
	rsv = holders(u, &t, &st->reserved, "reserved", a);
	pages_of(u, &t, st, a);
	if (mem >= 0 && rsv < 0)
		add(&t, "free: memory not reserved");
	if (u->table == UT_MEMORY && mem >= 0)
		u->sel[UT_MEMORY] = mem;
	if (u->table == UT_RESERVED && rsv >= 0)
		u->sel[UT_RESERVED] = rsv;
	ui_map_goto_addr(u, a);
	if (u->step)
		snprintf(title, sizeof(title), "0x%" PRIx64 " after steps[%d]", a, u->step - 1);
	else
		snprintf(title, sizeof(title), "0x%" PRIx64 " at the start", a);
	ui_popup(u, title, t.s);
}

void ui_prompt_key(struct ui *u, int key)
{
	char text[sizeof(u->prompt)];

	if (key == '\r' || key == '\n' || key == KEY_ENTER) {
		memcpy(text, u->prompt, sizeof(text));
		u->mode = MODE_NORMAL;
		if (u->prompt_kind == PROMPT_GOTO)
			do_goto(u, text);
		else
			do_find(u, text);
	} else if (key == 27 || key == CTRL('g') || key == CTRL('c')) {
		u->mode = MODE_NORMAL;
	} else if (key == KEY_BACKSPACE || key == 127 || key == CTRL('h')) {
		if (u->prompt_len)
			u->prompt[--u->prompt_len] = 0;
		else
			u->mode = MODE_NORMAL;
	} else if (key == CTRL('u')) {
		u->prompt_len = 0;
		u->prompt[0] = 0;
	} else if (key >= 0x20 && key < 0x7f && u->prompt_len < (int)sizeof(u->prompt) - 1) {
		u->prompt[u->prompt_len++] = (char)key;
		u->prompt[u->prompt_len] = 0;
	}
}

/* ---- the popup ---- */

void ui_popup(struct ui *u, const char *title, char *text)
{
	ui_popup_close(u);
	u->popup = text ? text : xstrdup("");
	u->popup_title = xstrdup(title);
	u->popup_top = 0;
	u->popup_more = 0;
	u->mode = MODE_POPUP;
}

void ui_popup_text(struct ui *u, const char *title, const char *text)
{
	struct ui_lines r = { 0 };
	size_t len = 0;
	char *all;
	int i;

	ui_wrap(&r, text, u->cols - 6 > 34 ? u->cols - 6 : 34, 2, A_NORMAL, false);
	for (i = 0; i < r.nr; i++)
		len += strlen(r.rows[i].text) + 1;
	all = xzalloc(len + 1);
	for (i = 0; i < r.nr; i++) {
		strcat(all, r.rows[i].text);
		if (i < r.nr - 1)
			strcat(all, "\n");
	}
	ui_lines_free(&r);
	ui_popup(u, title, all);
}

void ui_popup_key(struct ui *u, int key)
{
	bool scrolls = u->popup_more > 0 || u->popup_top > 0;

	if (scrolls && (key == 'j' || key == KEY_DOWN || key == ' ' || key == KEY_NPAGE)) {
		u->popup_top += key == 'j' || key == KEY_DOWN ? 1 : 10;
		return;
	}
	if (scrolls && (key == 'k' || key == KEY_UP || key == KEY_PPAGE)) {
		u->popup_top -= key == KEY_PPAGE ? 10 : 1;
		if (u->popup_top < 0)
			u->popup_top = 0;
		return;
	}
	ui_popup_close(u);
	u->mode = MODE_NORMAL;
}

void ui_popup_close(struct ui *u)
{
	free(u->popup);
	free(u->popup_title);
	u->popup = u->popup_title = NULL;
}

void ui_draw_popup(struct ui *u)
{
	const char *p = u->popup;
	int n = 0, w = 0, h, x, y, i;

	for (i = 0; p && p[i]; i++) {
		int len = (int)strcspn(p + i, "\n");

		w = len > w ? len : w;
		n++;
		i += len;
	}
	w += 4;
	if (w < 40)
		w = 40;
	if (w > u->cols)
		w = u->cols;
	h = n + 2 < u->rows ? n + 2 : u->rows;
	x = (u->cols - w) / 2;
	y = (u->rows - h) / 2;
	if (u->popup_top > n - (h - 2))
		u->popup_top = n - (h - 2) > 0 ? n - (h - 2) : 0;
	u->popup_more = n - (h - 2) - u->popup_top;
	ui_box(u, y, x, h, w, u->popup_title,
	       u->popup_more > 0 || u->popup_top ? "j/k scroll, any other key closes" :
	       "any key closes");
	for (i = 0; i < u->popup_top && *p; i++)
		p += strcspn(p, "\n") + (p[strcspn(p, "\n")] == '\n');
	for (i = 0; i < h - 2 && *p; i++) {
		char line[512];
		int len = (int)strcspn(p, "\n");

		snprintf(line, sizeof(line), "%.*s", len, p);
		ui_puts(u, y + 1 + i, x + 2, w - 4, A_NORMAL, line);
		p += len + (p[len] == '\n');
	}
}
