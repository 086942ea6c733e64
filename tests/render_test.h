/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers for the renderer's unit tests (tests/unit/test_render*.c): states
 * built by hand, pictures drawn from them, and their lines as text for
 * comparing with the pictures worked out on paper.  Include once, after
 * tap.h.
 */
#ifndef MBVIZ_RENDER_TEST_H
#define MBVIZ_RENDER_TEST_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/frame.h"
#include "core/machine.h"
#include "core/state.h"
#include "render/render.h"
#include "tap.h"

#define KiB	(1ULL << 10)
#define MiB	(1ULL << 20)
#define GiB	(1ULL << 30)

static struct machine mach;

static inline void type_set(struct mb_type *t, struct mb_region *r, unsigned long n)
{
	unsigned long i;

	t->cnt = n;
	t->max = 128;
	t->regions = r;
	t->total_size = 0;
	for (i = 0; i < n; i++)
		t->total_size += r[i].size;
}

static inline void state_set(struct mb_state *st, struct mb_region *mem, unsigned long nm,
			     struct mb_region *rsv, unsigned long nr)
{
	static struct mb_region empty = { 0, 0, 0, 0 };

	memset(st, 0, sizeof(*st));
	if (nm)
		type_set(&st->memory, mem, nm);
	else
		type_set(&st->memory, &empty, 1);
	if (nr)
		type_set(&st->reserved, rsv, nr);
	else
		type_set(&st->reserved, &empty, 1);
}

/* The text of canvas line @i, from column @from, trailing blanks dropped. */
static inline char *line_str(const struct canvas *cv, int i, int from)
{
	const struct rline *l = &cv->lines[i];
	char *s = calloc(l->len + 1, 1);
	int k, n = 0;

	for (k = from; k < l->len; k++)
		s[n++] = l->cells[k].ch < 0x80 ? (char)l->cells[k].ch : '?';
	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
	return s;
}

static inline int find_line(const struct canvas *cv, enum rline_kind kind, int nth)
{
	int i;

	for (i = 0; i < cv->nr; i++)
		if (cv->lines[i].kind == kind && !nth--)
			return i;
	return -1;
}

struct picture {
	struct canvas		cv;
	struct render_map	map;
	struct render_node	*nodes;
	int			nr_nodes;
};

static inline void draw(struct picture *p, const struct frame *in, int width,
			enum render_scale scale)
{
	struct render_opts o;

	render_opts_init(&o);
	o.width = width;
	o.scale = scale;
	canvas_init(&p->cv);
	p->nr_nodes = render_nodes(in, &p->nodes);
	render_bands(&p->cv, &p->map, in, &o, &p->nodes[0], 0, 0);
}

static inline void undraw(struct picture *p)
{
	canvas_free(&p->cv);
	render_map_free(&p->map);
	free(p->nodes);
}

/* The band of @kind as a string of band columns. */
static inline void is_band(const struct picture *p, enum rline_kind kind, const char *want,
			   const char *what)
{
	int i = find_line(&p->cv, kind, 0);
	char *got = i >= 0 ? line_str(&p->cv, i, RENDER_MARGIN) : NULL;

	is_str(got, want, "%s", what);
	free(got);
}

static inline char *repeat(char c, int n, const char *tail)
{
	char *s = malloc(n + strlen(tail) + 1);

	memset(s, c, n);
	strcpy(s + n, tail);
	return s;
}

static inline void is_line(const struct canvas *cv, enum rline_kind kind, int nth, int from,
			   const char *want, const char *what)
{
	int i = find_line(cv, kind, nth);
	char *got = i >= 0 ? line_str(cv, i, from) : NULL;

	is_str(got, want, "%s", what);
	free(got);
}

/* The first line of @kind whose text contains @needle, or -1. */
static inline int grep_line(const struct canvas *cv, enum rline_kind kind, const char *needle)
{
	int i;

	for (i = 0; i < cv->nr; i++) {
		char *s;
		bool hit;

		if (cv->lines[i].kind != kind)
			continue;
		s = line_str(cv, i, 0);
		hit = strstr(s, needle) != NULL;
		free(s);
		if (hit)
			return i;
	}
	return -1;
}

#endif
