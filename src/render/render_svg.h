/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A canvas as scalable vector graphics: the same lines of cells that the
 * text snapshot prints, on the same grid, as real <text> (searchable,
 * copyable), with the bands' cells also drawn as coloured boxes.  Colours
 * follow the text snapshot's styles (render_style_color()), in a light and
 * a dark palette (prefers-color-scheme); the bands carry patterns too, so
 * that they stay apart in grey print and without colour.
 */
#ifndef MBVIZ_RENDER_SVG_H
#define MBVIZ_RENDER_SVG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "render/render.h"

struct svg_opts {
	bool		color;		/* false: black and white, patterns only */
	const char	*title;		/* the <title>, for screen readers; or NULL */
	bool		standalone;	/* an XML declaration first (a file, not inline) */
	const char	*id;		/* the <svg>'s class, which scopes the style sheet,
					 * and the prefix of the patterns' ids */
	bool		shared_defs;	/* the style sheet and patterns are elsewhere in
					 * the page (svg_style_sheet(), svg_patterns()) */
};

/* The <style> element and the <defs> of patterns that the pictures use. */
void svg_style_sheet(FILE *f, const struct svg_opts *o);
void svg_patterns(FILE *f, const char *id);

/* Write @cv as one <svg> element to @f. */
void canvas_svg_write(FILE *f, const struct canvas *cv, const struct svg_opts *o);
/* The same as a malloc'd string; *@len (if not NULL) gets its length. */
char *canvas_svg(const struct canvas *cv, const struct svg_opts *o, size_t *len);

#endif
