// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The renderer's canvas, its text form, and the snapshot as a whole.
 * See render.h for what a picture holds.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "render_priv.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static const struct render_color_spec colors[NR_RENDER_STYLES] = {
	[ST_PLAIN]		= { RCOL_DEFAULT, false, false, false },
	[ST_TITLE]		= { RCOL_DEFAULT, true, false, false },
	[ST_HEADER]		= { RCOL_DEFAULT, true, false, false },
	[ST_NOTE]		= { RCOL_CYAN, false, false, false },
	[ST_LABEL]		= { RCOL_DEFAULT, false, false, false },
	[ST_RULER]		= { RCOL_BLUE, false, false, false },
	[ST_MEMORY]		= { RCOL_GREEN, false, false, false },
	[ST_HOTPLUG]		= { RCOL_YELLOW, false, false, false },
	[ST_MIRROR]		= { RCOL_CYAN, false, false, false },
	[ST_NOMAP]		= { RCOL_MAGENTA, false, false, false },
	[ST_DRIVER_MANAGED]	= { RCOL_BLUE, true, false, false },
	[ST_HOLE]		= { RCOL_DEFAULT, false, true, false },
	[ST_RESERVED]		= { RCOL_RED, true, false, false },
	[ST_FREE]		= { RCOL_GREEN, false, true, false },
	[ST_PAGES_BUDDY]	= { RCOL_GREEN, false, false, false },
	[ST_PAGES_RESERVED]	= { RCOL_RED, false, false, false },
	[ST_PAGES_DEFERRED]	= { RCOL_YELLOW, false, false, false },
	[ST_PAGES_LOST]		= { RCOL_RED, true, false, true },
	[ST_PAGES_HIGH]		= { RCOL_CYAN, false, false, false },
	[ST_ADDED]		= { RCOL_GREEN, true, false, false },
	[ST_REMOVED]		= { RCOL_RED, true, false, false },
	[ST_CHANGED]		= { RCOL_YELLOW, true, false, false },
	[ST_SPLIT]		= { RCOL_CYAN, true, false, false },
	[ST_MERGED]		= { RCOL_MAGENTA, true, false, false },
	[ST_MANY]		= { RCOL_DEFAULT, true, false, false },
	[ST_WARN]		= { RCOL_YELLOW, true, false, false },
	[ST_FAIL]		= { RCOL_RED, true, false, false },
	[ST_PASS]		= { RCOL_GREEN, false, false, false },
	[ST_DIM]		= { RCOL_DEFAULT, false, true, false },
};

static const char *const style_names[NR_RENDER_STYLES] = {
	"plain", "title", "header", "note", "label", "ruler", "memory", "hotplug", "mirror",
	"nomap", "driver-managed", "hole", "reserved", "free", "pages-buddy", "pages-reserved",
	"pages-deferred", "pages-lost", "pages-high", "added", "removed", "changed", "split",
	"merged", "many", "warn", "fail", "pass", "dim",
};

const struct render_color_spec *render_style_color(enum render_style s)
{
	return &colors[(unsigned int)s < NR_RENDER_STYLES ? s : ST_PLAIN];
}

const char *render_style_name(enum render_style s)
{
	return style_names[(unsigned int)s < NR_RENDER_STYLES ? s : ST_PLAIN];
}

void render_opts_init(struct render_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->width = 80;
	o->node = -1;
	o->scale = SCALE_LINEAR;
	o->title = o->header = o->tables = o->legend = true;
	o->sel_type = -1;
	o->sel_index = -1;
}

int render_scale_lookup(const char *name)
{
	if (!strcmp(name, "linear"))
		return SCALE_LINEAR;
	if (!strcmp(name, "compact"))
		return SCALE_COMPACT;
	return -1;
}

/* ---- canvas ---- */

void canvas_init(struct canvas *cv)
{
	memset(cv, 0, sizeof(*cv));
}

void canvas_clear(struct canvas *cv)
{
	int i;

	for (i = 0; i < cv->nr; i++)
		cv->lines[i].len = 0;
	cv->nr = 0;
}

void canvas_free(struct canvas *cv)
{
	int i;

	for (i = 0; i < cv->alloc; i++)
		free(cv->lines[i].cells);
	free(cv->lines);
	band_keep_free(cv->keep);
	memset(cv, 0, sizeof(*cv));
}

struct rline *canvas_line(struct canvas *cv, enum rline_kind kind, int nid, int index)
{
	struct rline *l;

	if (cv->nr == cv->alloc) {
		int n = cv->alloc ? 2 * cv->alloc : 64;

		cv->lines = xrealloc(cv->lines, n * sizeof(*cv->lines));
		memset(cv->lines + cv->alloc, 0, (n - cv->alloc) * sizeof(*cv->lines));
		cv->alloc = n;
	}
	l = &cv->lines[cv->nr++];
	l->len = 0;
	l->kind = kind;
	l->nid = nid;
	l->index = index;
	return l;
}

static void line_reserve(struct rline *l, int n)
{
	if (n <= l->alloc)
		return;
	l->alloc = n < 2 * l->alloc ? 2 * l->alloc : n + 16;
	l->cells = xrealloc(l->cells, l->alloc * sizeof(*l->cells));
}

int line_putc(struct rline *l, int col, enum render_style st, uint32_t ch, uint8_t flags)
{
	line_reserve(l, col + 1);
	while (l->len < col)
		l->cells[l->len++] = (struct rcell){ ' ', ST_PLAIN, 0 };
	l->cells[col] = (struct rcell){ ch, st, flags };
	if (l->len <= col)
		l->len = col + 1;
	return col + 1;
}

/* Next code point of UTF-8 @s; invalid bytes come out as U+FFFD, one each. */
static uint32_t utf8_next(const char **s)
{
	const unsigned char *p = (const unsigned char *)*s;
	uint32_t c = *p++;
	int more = c >= 0xf0 && c < 0xf5 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : 0;

	if (c >= 0x80 && !more) {
		*s = (const char *)p;
		return 0xfffd;
	}
	if (more)
		c &= 0x7f >> (more + 1);
	while (more--) {
		if ((*p & 0xc0) != 0x80) {
			*s = (const char *)p;
			return 0xfffd;
		}
		c = c << 6 | (*p++ & 0x3f);
	}
	*s = (const char *)p;
	return c;
}

int line_puts(struct rline *l, int col, enum render_style st, const char *s)
{
	while (*s)
		col = line_putc(l, col, st, utf8_next(&s), 0);
	return col;
}

int line_printf(struct rline *l, int col, enum render_style st, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return line_puts(l, col, st, buf);
}

void line_flag(struct rline *l, int from, int to, uint8_t flags)
{
	for (; from < to && from < l->len; from++)
		l->cells[from].flags |= flags;
}

/* ---- text ---- */

/* The ASCII a kernel developer would have typed instead (e-mail safe). */
static const char *ascii_for(uint32_t c)
{
	switch (c) {
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
		return "-";
	case 0x2018: case 0x2019: return "'";
	case 0x201c: case 0x201d: return "\"";
	case 0x2026: return "...";
	case 0x2192: return "->";
	case 0x2190: return "<-";
	case 0x2264: return "<=";
	case 0x2265: return ">=";
	case 0x2260: return "!=";
	case 0xd7: return "x";
	case 0xa0: return " ";
	default: return "?";
	}
}

struct cps {
	int		n, alloc;
	uint32_t	*c;
};

static void cps_add(struct cps *p, uint32_t c)
{
	if (p->n == p->alloc) {
		p->alloc = p->alloc ? 2 * p->alloc : 128;
		p->c = xrealloc(p->c, p->alloc * sizeof(*p->c));
	}
	p->c[p->n++] = c;
}

/* Decode @s; without UTF-8 output, transliterate; control characters become blanks. */
static void decode(struct cps *p, const char *s, bool utf8)
{
	while (*s) {
		uint32_t c = utf8_next(&s);
		const char *a;

		if (c < 0x20 || c == 0x7f)
			c = ' ';
		/* A no-break space stays one until the line is wrapped. */
		if (c < 0x80 || utf8 || c == NBSP) {
			cps_add(p, c);
			continue;
		}
		for (a = ascii_for(c); *a; a++)
			cps_add(p, (unsigned char)*a);
	}
}

static int word_len(const struct cps *p, int i)
{
	int w = i;

	while (w < p->n && p->c[w] != ' ')
		w++;
	return w - i;
}

/* Would the word at @i fit on a new line, where it does not fit on this one? */
static bool fresh_line(const struct cps *p, int i, int col, int width, int indent)
{
	return col > indent && word_len(p, i) <= width - indent;
}

/*
 * Where to cut a word too long for any line, which starts at @w and runs
 * past @end: after a '/', '(', ',' or ':' in the last third of the room,
 * so that a path or a call breaks where a reader expects, else at @end.
 */
static int cut_word(const struct cps *p, int w, int end)
{
	int k, min = end - (end - w) / 3;

	for (k = end; k > w && k >= min; k--) {
		uint32_t c = p->c[k - 1];

		if (c == '/' || c == '(' || c == ',' || c == ':')
			return k;
	}
	return end;
}

void put_wrapped(struct canvas *cv, int width, int indent, enum rline_kind kind,
		 const char *first, enum render_style fst, const char *text,
		 enum render_style st)
{
	struct rline *l = canvas_line(cv, kind, -1, -1);
	struct cps p = { 0 };
	int col = line_puts(l, 0, fst, first ? first : ""), i = 0;

	decode(&p, text, cv->utf8);
	while (i < p.n) {
		int room = width - col, end = i + room, brk, k, w;

		if (room < 8 && col > indent) {
			/* Too little room left: go on from the indent. */
			l = canvas_line(cv, kind, -1, -1);
			col = indent;
			continue;
		}
		if (end >= p.n) {
			brk = end = p.n;
		} else {
			/* Break at the last blank that fits, or hard when a word is too long. */
			for (brk = end; brk > i && p.c[brk] != ' '; brk--)
				;
			w = brk + 1;
			while (brk > i && w < p.n && p.c[w] == ' ')
				w++;
			if (brk > i && word_len(&p, w) > width - indent && end - w >= 8) {
				/* The next word fits no line: start it here and cut it. */
				end = cut_word(&p, w, end);
			} else if (brk > i) {
				end = brk;
			} else if (fresh_line(&p, i, col, width, indent)) {
				/* The word fits on a line of its own: start one. */
				l = canvas_line(cv, kind, -1, -1);
				col = indent;
				continue;
			} else {
				end = cut_word(&p, i, end);
			}
		}
		for (k = i; k < end; k++)
			col = line_putc(l, col, st, p.c[k] == NBSP ? ' ' : p.c[k], 0);
		for (i = end; i < p.n && p.c[i] == ' '; i++)
			;
		if (i < p.n) {
			l = canvas_line(cv, kind, -1, -1);
			col = indent;
		}
	}
	free(p.c);
}

struct sbuf {
	char		*s;
	size_t		len, alloc;
};

static void sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->alloc) {
		b->alloc = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->alloc);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* The SGR sequence of a style; "\033[0m" for the terminal's default. */
static void sgr(char *buf, int len, int style, int flags)
{
	const struct render_color_spec *c = render_style_color(style);
	int n;

	n = snprintf(buf, len, "\033[0%s%s%s", c->bold ? ";1" : "", c->dim ? ";2" : "",
		     c->reverse != !!(flags & RCELL_SELECTED) ? ";7" : "");
	if (c->fg >= 0)
		n += snprintf(buf + n, len - n, ";3%d", c->fg);
	snprintf(buf + n, len - n, "m");
}

static void line_text(struct sbuf *b, const struct rline *l, bool ansi)
{
	static const char plain[] = "\033[0m";
	char cur[32], want[32], u[4];
	int len = l->len, i;

	strcpy(cur, plain);
	while (len && l->cells[len - 1].ch == ' ')
		len--;
	for (i = 0; i < len; i++) {
		const struct rcell *c = &l->cells[i];

		/* Only what changes the look is written: a blank's colour shows only reversed. */
		if (ansi && (c->ch != ' ' || (c->flags & RCELL_SELECTED) || strstr(cur, ";7"))) {
			sgr(want, sizeof(want), c->style, c->flags);
			if (strcmp(want, cur)) {
				sb_add(b, want, strlen(want));
				strcpy(cur, want);
			}
		}
		sb_add(b, u, utf8_encode(u, c->ch));
	}
	if (strcmp(cur, plain))
		sb_add(b, plain, strlen(plain));
	sb_add(b, "\n", 1);
}

char *canvas_text(const struct canvas *cv, bool ansi, size_t *len)
{
	struct sbuf b = { 0 };
	int i;

	sb_add(&b, "", 0);
	for (i = 0; i < cv->nr; i++)
		line_text(&b, &cv->lines[i], ansi);
	if (len)
		*len = b.len;
	return b.s;
}

/* ---- numbers ---- */

const char *render_human(uint64_t bytes, char *buf, int len)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	uint64_t unit = 1, q, tenths;
	int u = 0;

	while (u < 6 && bytes / 1024 >= unit) {
		unit *= 1024;
		u++;
	}
	if (bytes % unit == 0) {
		snprintf(buf, len, "%" PRIu64 " %s", bytes / unit, units[u]);
		return buf;
	}
	q = bytes / unit;
	tenths = q * 10 + ((bytes % unit) * 10 + unit / 2) / unit;
	if (tenths >= 10240 && u < 6) {
		/* 1023.96 KiB rounds to 1.0 MiB, not to 1024.0 KiB. */
		unit *= 1024;
		u++;
		tenths = ((bytes / unit) * 10) + ((bytes % unit) * 10 + unit / 2) / unit;
	}
	snprintf(buf, len, "%" PRIu64 ".%" PRIu64 " %s", tenths / 10, tenths % 10, units[u]);
	return buf;
}

const char *human_nb(uint64_t bytes, char *buf, int len)
{
	char h[32], *sp;

	render_human(bytes, h, sizeof(h));
	sp = strchr(h, ' ');
	*sp = '\0';
	snprintf(buf, len, "%s" NBSP_UTF8 "%s", h, sp + 1);
	return buf;
}

const char *hex_short(uint64_t v, char *buf, int len)
{
	snprintf(buf, len, "%#" PRIx64, v);
	if (!v)
		snprintf(buf, len, "0x0");
	return buf;
}

const char *hex_phys(const struct machine *m, uint64_t v, char *buf, int len)
{
	snprintf(buf, len, "0x%0*" PRIx64, m->phys_addr_bits == 32 ? 8 : 16, v);
	return buf;
}

unsigned long type_count(const struct mb_type *t)
{
	if (!t->regions || !t->cnt || (t->cnt == 1 && t->regions[0].size == 0))
		return 0;
	return t->cnt;
}


/* ---- the whole picture ---- */

static void blank(struct canvas *cv)
{
	canvas_line(cv, RL_TEXT, -1, -1);
}

/* Move the lines of @src to the end of @dst, leaving @src empty. */
static void canvas_move(struct canvas *dst, struct canvas *src)
{
	int i;

	for (i = 0; i < src->nr; i++) {
		struct rline *l = canvas_line(dst, src->lines[i].kind, src->lines[i].nid,
					      src->lines[i].index);
		struct rline tmp = *l;

		*l = src->lines[i];
		src->lines[i] = tmp;
		src->lines[i].len = 0;
	}
	src->nr = 0;
}

static void snapshot_nodes(struct canvas *cv, const struct frame *in,
			   const struct render_opts *o)
{
	struct render_node *nodes;
	struct canvas bands;
	int n = render_nodes(in, &nodes), i, drawn = 0;

	canvas_init(&bands);
	bands.utf8 = cv->utf8;
	for (i = 0; i < n; i++) {
		struct render_map map;

		if (o->node >= 0 && (nodes[i].outside || nodes[i].nid != o->node))
			continue;
		if (drawn++)
			blank(cv);
		render_bands(&bands, &map, in, o, &nodes[i], 0, 0);
		render_node_header(cv, in, o, &map);
		canvas_move(cv, &bands);
		render_map_free(&map);
	}
	if (!drawn && o->node >= 0)
		line_printf(canvas_line(cv, RL_TEXT, -1, -1), 0, ST_HEADER, "node %d: no memory",
			    o->node);
	else if (!drawn)
		put_wrapped(cv, o->width, 2, RL_TEXT, NULL, ST_HEADER,
			    "no memory and no reserved regions", ST_HEADER);
	canvas_free(&bands);
	free(nodes);
}

void render_snapshot(struct canvas *cv, const struct frame *in,
		     const struct render_opts *o)
{
	cv->utf8 = o->utf8;
	if (o->header) {
		render_header(cv, in, o);
		blank(cv);
	}
	snapshot_nodes(cv, in, o);
	if (o->tables) {
		blank(cv);
		render_tables(cv, in, o);
	}
	if (o->legend) {
		blank(cv);
		render_legend(cv, in, o);
	}
}
