// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The importer's first step: the log read whole, quoting and prefixes
 * aside, cut lines joined again, and every line memblock has to do with
 * classified into a record (see import_priv.h); the rest reported.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "util/xalloc.h"

void imp_report(struct importer *im, int lineno, const char *fmt, ...)
{
	va_list ap;

	if (!im->diag)
		return;
	fprintf(im->diag, "%s:%d: ", im->o->input_name, lineno);
	va_start(ap, fmt);
	vfprintf(im->diag, fmt, ap);
	va_end(ap);
	fputc('\n', im->diag);
}

void imp_unusable(struct importer *im, int lineno, const char *why, const char *text)
{
	im->nr_unusable++;
	imp_report(im, lineno, "unusable: %s: %.200s", why, text);
}

/* ---- reading ---- */

static void add_rec(struct importer *im, int lineno, const struct imp_line *l)
{
	if (im->nr == im->alloc) {
		im->alloc = im->alloc ? im->alloc * 2 : 256;
		im->recs = xrealloc(im->recs, (size_t)im->alloc * sizeof(*im->recs));
	}
	im->recs[im->nr].lineno = lineno;
	im->recs[im->nr].l = *l;
	im->nr++;
}

static void trim_right(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = 0;
}

/* "setup_arch+0x4d2/0xc8c" alone on a line: the caller of a wrapped line. */
static bool is_symbol_line(const char *s)
{
	const char *p = s;

	if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while (*p && *p != '+' && *p != ' ')
		p++;
	return *p == '+' && p[1] == '0' && p[2] == 'x' && strchr(p, '/') && !strchr(p, ' ');
}

/* Try @a and @b as one line, with and without a space between them. */
static bool try_join(const char *a, const char *b, struct imp_line *out)
{
	static char buf[2 * IMPORT_LINE_MAX + 4];
	int pass;

	for (pass = 0; pass < 2; pass++) {
		snprintf(buf, sizeof(buf), "%s%s%s", a, pass ? "" : " ", b);
		import_parse_line(buf, out);
		if (out->kind != IMP_UNUSABLE && out->kind != IMP_IGNORE)
			return true;
	}
	return false;
}

int imp_read_lines(struct importer *im, FILE *in, char ***lines_out, char *err, int errlen)
{
	char buf[IMPORT_LINE_MAX + 2];
	char **lines = NULL;
	size_t total = 0;
	int nr = 0, alloc = 0;

	while (fgets(buf, sizeof(buf), in)) {
		size_t n = strlen(buf);

		if (n == sizeof(buf) - 1 && buf[n - 1] != '\n') {
			int ch;

			while ((ch = getc(in)) != EOF && ch != '\n')
				total++;
			imp_unusable(im, nr + 1, "line longer than 4096 characters, cut there", buf);
			buf[0] = 0;	/* not parsed: a cut line is no line at all */
		}
		total += n;
		if (total > IMPORT_MAX_INPUT || nr >= 4 * IMPORT_MAX_RECS) {
			snprintf(err, (size_t)errlen, "%s: larger than 64 MiB or 4 million lines",
				 im->o->input_name);
			goto fail;
		}
		trim_right(buf);
		if (nr == alloc) {
			alloc = alloc ? alloc * 2 : 1024;
			lines = xrealloc(lines, (size_t)alloc * sizeof(*lines));
		}
		lines[nr++] = xstrdup(buf);
	}
	if (ferror(in)) {
		snprintf(err, (size_t)errlen, "%s: read error", im->o->input_name);
		goto fail;
	}
	*lines_out = lines;
	return nr;
fail:
	while (nr)
		free(lines[--nr]);
	free(lines);
	return -1;
}

/* Classify every line; wrapped lines are joined, unusable ones reported. */
int imp_classify(struct importer *im, char **lines, int nr, char *err, int errlen)
{
	struct imp_line l, j;
	int i;

	for (i = 0; i < nr; i++) {
		import_parse_line(lines[i], &l);
		if (l.kind == IMP_IGNORE)
			continue;
		if (l.kind == IMP_UNUSABLE && l.incomplete && i + 1 < nr) {
			const char *a = import_strip_prefix(lines[i]);
			const char *b = import_strip_prefix(lines[i + 1]);

			while (*b == ' ' || *b == '\t')
				b++;
			if (*b && try_join(a, b, &j)) {
				add_rec(im, i + 1, &j);
				i++;
				continue;
			}
		}
		if (l.kind == IMP_UNUSABLE) {
			imp_unusable(im, i + 1, l.why, import_strip_prefix(lines[i]));
			continue;
		}
		if ((l.kind == IMP_RANGE_OP || l.kind == IMP_REQUEST) && !l.caller[0] &&
		    i + 1 < nr) {
			const char *b = import_strip_prefix(lines[i + 1]);

			while (*b == ' ' || *b == '\t')
				b++;
			if (is_symbol_line(b)) {
				char *q;

				snprintf(l.caller, sizeof(l.caller), "%s", b);
				for (q = l.caller; *q; q++)	/* ASCII only, as in import_line.c */
					if ((unsigned char)*q < 0x20 || (unsigned char)*q > 0x7e)
						*q = '?';
				i++;
			}
		}
		if (im->nr >= IMPORT_MAX_RECS) {
			snprintf(err, (size_t)errlen, "%s: more than %d memblock lines",
				 im->o->input_name, IMPORT_MAX_RECS);
			return -1;
		}
		add_rec(im, i + 1, &l);
	}
	return 0;
}
