// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The canvas as SVG (render_svg.h).  The picture is the text picture on a
 * grid of CELL_W x LINE_H pixels: every run of cells of one style is one
 * <text> at its column, stretched to exactly its columns (textLength), so
 * that any monospace font lines up; a band's cells are also boxes filled
 * with the style's colour and, for print and black and white, a pattern.
 * Nothing depends on the clock or the locale: the same canvas gives the
 * same bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "render/render_svg.h"
#include "util/utf8.h"

/* The grid, in tenths of a pixel (integer arithmetic: the same bytes everywhere). */
#define CELL_W10	84	/* 0.6 em of a 14 px font */
#define LINE_H		18
#define PAD		12
#define FONT_PX		14

/* The ANSI colours (enum render_color) on a light and on a dark background. */
static const char *const light[] = {
	"#1b1b1b", "#b3261e", "#1e7d32", "#8a6100", "#1f5fbf", "#9c27b0", "#00798a", "#5f6368",
};
static const char *const dark[] = {
	"#d8d8d8", "#ff7b72", "#7ee787", "#e3b341", "#79b8ff", "#e28fea", "#56d4dd", "#f0f0f0",
};
#define LIGHT_BG	"#ffffff"
#define LIGHT_FG	"#1b1b1b"
#define DARK_BG		"#0d1117"
#define DARK_FG		"#e6edf3"

/* Which pattern (if any) a band style carries, for print and no colour. */
enum pattern { PAT_NONE, PAT_SOLID, PAT_HATCH, PAT_DOTS, PAT_CROSS, PAT_BACK };

static enum pattern style_pattern(int st)
{
	switch (st) {
	case ST_MEMORY: case ST_PAGES_BUDDY:
		return PAT_SOLID;
	case ST_RESERVED: case ST_PAGES_RESERVED:
		return PAT_HATCH;
	case ST_FREE: case ST_PAGES_DEFERRED: case ST_HOTPLUG:
		return PAT_DOTS;
	case ST_PAGES_LOST: case ST_NOMAP:
		return PAT_CROSS;
	case ST_MIRROR: case ST_DRIVER_MANAGED: case ST_PAGES_HIGH:
		return PAT_BACK;
	default:
		return PAT_NONE;
	}
}

static bool is_band(const struct rline *l)
{
	return l->kind == RL_BAND_MEMORY || l->kind == RL_BAND_RESERVED ||
	       l->kind == RL_BAND_PAGES;
}

/* "12.6": tenths of a pixel as a number. */
static void px(FILE *f, long tenths)
{
	fprintf(f, "%ld", tenths / 10);
	if (tenths % 10)
		fprintf(f, ".%ld", tenths % 10);
}

static void put_utf8(FILE *f, uint32_t c)
{
	if (c == '&')
		fputs("&amp;", f);
	else if (c == '<')
		fputs("&lt;", f);
	else if (c == '>')
		fputs("&gt;", f);
	else if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c < 0xe000) || c > 0x10ffff)
		fputc('?', f);		/* not allowed in XML */
	else {
		char b[4];

		fwrite(b, 1, utf8_encode(b, c), f);
	}
}

static void put_text(FILE *f, const char *s)
{
	for (; *s; s++)
		put_utf8(f, (unsigned char)*s);
}

/* The style sheet: a light palette, a dark one, and print. */
static void palette(FILE *f, const char *id, const char *const *pal, const char *bg,
		    const char *fg, bool color)
{
	int st;

	fprintf(f, ".%s .bg{fill:%s}.%s text{fill:%s}.%s .pat{stroke:%s;fill:%s}\n", id, bg, id,
		fg, id, fg, fg);
	if (!color)
		return;
	for (st = 0; st < NR_RENDER_STYLES; st++) {
		const struct render_color_spec *c = render_style_color(st);
		const char *col = c->fg >= 0 ? pal[c->fg] : fg;

		if (c->fg < 0 && !c->reverse)
			continue;
		fprintf(f, ".%s .s-%s{fill:%s}.%s .b-%s{fill:%s}\n", id, render_style_name(st), col,
			id, render_style_name(st), col);
	}
	fprintf(f, ".%s .rev{fill:%s}\n", id, bg);
}

void svg_style_sheet(FILE *f, const struct svg_opts *o)
{
	int st;

	fputs("<style>\n", f);
	fprintf(f, ".%s text{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;"
		"font-size:%dpx;white-space:pre}\n.%s .bold{font-weight:bold}"
		".%s .dim{opacity:0.62}.%s .box{opacity:0.28}.%s .pat{stroke-width:1;opacity:0.5}\n",
		o->id, FONT_PX, o->id, o->id, o->id, o->id);
	for (st = 0; st < NR_RENDER_STYLES; st++)
		if (render_style_color(st)->bold)
			fprintf(f, ".%s .s-%s{font-weight:bold}\n", o->id, render_style_name(st));
	palette(f, o->id, light, LIGHT_BG, LIGHT_FG, o->color);
	fputs("@media (prefers-color-scheme: dark){\n", f);
	palette(f, o->id, dark, DARK_BG, DARK_FG, o->color);
	fputs("}\n@media print{", f);
	fprintf(f, ".%s .bg{fill:#fff}.%s text{fill:#000}.%s .box{opacity:0.15}}\n", o->id,
		o->id, o->id);
	fputs("</style>\n", f);
}

/* Patterns for the bands: unit cells a column wide. */
void svg_patterns(FILE *f, const char *id)
{
	static const char *const shapes[] = {
		[PAT_SOLID] = "<path class=\"pat\" d=\"M0,15.5H8.4\"/>",
		[PAT_HATCH] = "<path class=\"pat\" d=\"M0,18L8.4,0M-4.2,9L0,0M8.4,18L12.6,9\"/>",
		[PAT_DOTS] = "<circle class=\"pat\" cx=\"4.2\" cy=\"9\" r=\"1.2\"/>",
		[PAT_CROSS] = "<path class=\"pat\" d=\"M0,0L8.4,18M8.4,0L0,18\"/>",
		[PAT_BACK] = "<path class=\"pat\" d=\"M0,0L8.4,18\"/>",
	};
	int p;

	fputs("<defs>\n", f);
	for (p = PAT_SOLID; p <= PAT_BACK; p++)
		fprintf(f, "<pattern id=\"%s-p%d\" width=\"8.4\" height=\"%d\" "
			"patternUnits=\"userSpaceOnUse\">%s</pattern>\n", id, p, LINE_H, shapes[p]);
	fputs("</defs>\n", f);
}

static void box(FILE *f, const char *id, int col, int n, int y, int st, bool reverse)
{
	enum pattern p = style_pattern(st);

	fputs("<rect x=\"", f);
	px(f, PAD * 10 + (long)col * CELL_W10);
	fprintf(f, "\" y=\"%d\" width=\"", y);
	px(f, (long)n * CELL_W10);
	fprintf(f, "\" height=\"%d\" class=\"b-%s%s\"/>", LINE_H, render_style_name(st),
		reverse ? "" : " box");
	if (p != PAT_NONE && !reverse) {
		fputs("<rect x=\"", f);
		px(f, PAD * 10 + (long)col * CELL_W10);
		fprintf(f, "\" y=\"%d\" width=\"", y);
		px(f, (long)n * CELL_W10);
		fprintf(f, "\" height=\"%d\" fill=\"url(#%s-p%d)\"/>", LINE_H, id, p);
	}
}

/* One run of @n cells of one look at column @col of line @l, on row @row. */
static void run(FILE *f, const struct svg_opts *o, const struct rline *l, int col, int n,
		int row)
{
	const struct rcell *c = &l->cells[col];
	const struct render_color_spec *spec = render_style_color(c->style);
	bool reverse = spec->reverse != !!(c->flags & RCELL_SELECTED);
	int y = PAD + row * LINE_H, i, last = col + n;

	/* The band's columns, not its label in the margin. */
	if ((is_band(l) && c->ch != ' ' && col >= RENDER_MARGIN) || reverse)
		box(f, o->id, col, n, y, c->style, reverse);
	while (last > col && l->cells[last - 1].ch == ' ')
		last--;
	while (col < last && l->cells[col].ch == ' ')
		col++;
	if (last == col)
		return;
	fputs("<text x=\"", f);
	px(f, PAD * 10 + (long)col * CELL_W10);
	fprintf(f, "\" y=\"%d\" class=\"s-%s%s%s\"", y + LINE_H - 5, render_style_name(c->style),
		spec->dim ? " dim" : "", reverse ? " rev" : "");
	if (last - col > 1) {
		fputs(" textLength=\"", f);
		px(f, (long)(last - col) * CELL_W10);
		fputs("\" lengthAdjust=\"spacingAndGlyphs\"", f);
	}
	fputc('>', f);
	for (i = col; i < last; i++)
		put_utf8(f, l->cells[i].ch);
	fputs("</text>", f);
}

static bool same_look(const struct rcell *a, const struct rcell *b)
{
	return a->style == b->style && (a->flags & RCELL_SELECTED) == (b->flags & RCELL_SELECTED);
}

static void line(FILE *f, const struct svg_opts *o, const struct rline *l, int row)
{
	int col = 0, n;

	while (col < l->len) {
		for (n = 1; col + n < l->len && same_look(&l->cells[col], &l->cells[col + n]); n++)
			;
		run(f, o, l, col, n, row);
		col += n;
	}
	fputc('\n', f);
}

void canvas_svg_write(FILE *f, const struct canvas *cv, const struct svg_opts *o)
{
	int cols = 0, i, w10, h;

	for (i = 0; i < cv->nr; i++)
		cols = cv->lines[i].len > cols ? cv->lines[i].len : cols;
	w10 = 2 * PAD * 10 + cols * CELL_W10;
	h = 2 * PAD + cv->nr * LINE_H;
	if (o->standalone)
		fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", f);
	fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"%s\" width=\"", o->id);
	px(f, w10);
	fprintf(f, "\" height=\"%d\" viewBox=\"0 0 ", h);
	px(f, w10);
	fprintf(f, " %d\" role=\"img\">\n", h);
	if (o->title) {
		fputs("<title>", f);
		put_text(f, o->title);
		fputs("</title>\n", f);
	}
	if (!o->shared_defs) {
		svg_style_sheet(f, o);
		svg_patterns(f, o->id);
	}
	fputs("<rect class=\"bg\" width=\"100%\" height=\"100%\"/>\n", f);
	for (i = 0; i < cv->nr; i++)
		line(f, o, &cv->lines[i], i);
	fputs("</svg>\n", f);
}

char *canvas_svg(const struct canvas *cv, const struct svg_opts *o, size_t *len)
{
	size_t n = 0;
	char *s = NULL;
	FILE *f = open_memstream(&s, &n);

	if (!f)
		return NULL;
	canvas_svg_write(f, cv, o);
	if (fclose(f)) {
		free(s);
		return NULL;
	}
	if (len)
		*len = n;
	return s;
}
