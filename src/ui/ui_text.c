// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Text wrapped to a pane's width, for the log, the notes and the popups:
 * lines are broken at blanks, so a token (a call's argument, an address,
 * a result) is never cut unless it alone is wider than the line.
 */
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util/xalloc.h"

void ui_lines_add(struct ui_lines *r, const char *text, size_t len, chtype attr, bool cur)
{
	char *t = xrealloc(NULL, len + 1);

	memcpy(t, text, len);
	t[len] = 0;
	if (r->nr == r->alloc) {
		r->alloc = r->alloc ? 2 * r->alloc : 64;
		r->rows = xrealloc(r->rows, r->alloc * sizeof(*r->rows));
	}
	r->rows[r->nr++] = (struct ui_line){ t, attr, cur };
}

void ui_lines_free(struct ui_lines *r)
{
	int i;

	for (i = 0; i < r->nr; i++)
		free(r->rows[i].text);
	free(r->rows);
	memset(r, 0, sizeof(*r));
}

/* Bytes of @s that fill at most @cols columns. */
static size_t text_bytes(const char *s, int cols)
{
	size_t i = 0;

	while (s[i] && cols > 0) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		cols--;
	}
	return i;
}

void ui_wrap(struct ui_lines *r, const char *text, int width, int indent, chtype attr, bool cur)
{
	char *line = xrealloc(NULL, strlen(text) + indent + 1);
	int w = width, first = 1;

	if (w < 8)
		w = 8;
	if (indent > w / 2)
		indent = w / 2;
	while (*text || first) {
		size_t fit = text_bytes(text, first ? w : w - indent), cut = fit;
		int pad = first ? 0 : indent;

		if (text[fit]) {
			/* A blank after '=' holds "= result" together. */
			while (cut > 0 && (text[cut] != ' ' || text[cut - 1] == '='))
				cut--;
			if (!cut)
				cut = fit;
		}
		memset(line, ' ', pad);
		memcpy(line + pad, text, cut);
		ui_lines_add(r, line, pad + cut, attr, cur);
		text += cut;
		while (*text == ' ')
			text++;
		first = 0;
	}
	free(line);
}
