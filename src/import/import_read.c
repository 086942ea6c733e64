// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The importer's first step: the log read whole, quoting and prefixes
 * aside, cut lines joined again, and every line memblock has to do with
 * classified into a record (see import_priv.h); the rest reported.
 */
#include <inttypes.h>
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
	if (lineno > 0)
		fprintf(im->diag, "%s:%d: ", im->o->input_name, lineno);
	else
		fprintf(im->diag, "%s: ", im->o->input_name);
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
		im->alloc = im->alloc ? im->alloc * 2 : 16;
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

/* The reader's state: one line being gathered from the bytes of the log. */
struct line_reader {
	char		buf[IMPORT_LINE_MAX + 1];
	size_t		len;
	bool		cut;		/* longer than IMPORT_LINE_MAX: the rest is dropped */
	bool		cr;		/* the last byte was a CR: an LF after it ends nothing */
	uint64_t	nuls;		/* NUL bytes, which are no text: left out */
	int		first_nul_line;
	char		**lines;
	int		nr, alloc;
};

static void end_line(struct importer *im, struct line_reader *lr)
{
	lr->buf[lr->len] = 0;
	if (lr->cut) {
		imp_unusable(im, lr->nr + 1, "line longer than 4096 characters, cut there", lr->buf);
		lr->buf[0] = 0;	/* not parsed: a cut line is no line at all */
	}
	trim_right(lr->buf);
	if (lr->nr == lr->alloc) {
		lr->alloc = lr->alloc ? lr->alloc * 2 : 1024;
		lr->lines = xrealloc(lr->lines, (size_t)lr->alloc * sizeof(*lr->lines));
	}
	lr->lines[lr->nr++] = xstrdup(lr->buf);
	lr->len = 0;
	lr->cut = false;
}

/*
 * Every byte counts towards the 64 MiB, NULs included (so /dev/zero ends
 * there); a line ends at LF, CRLF or CRs alone (old serial captures; a
 * run of CRs and an LF after them are one line end, as `grep -n` counts); a
 * NUL is left out of the line and the text after it kept, and said once.
 */
static int feed(struct importer *im, struct line_reader *lr, const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char ch = p[i];

		if ((ch == '\n' || ch == '\r') && lr->cr) {
			lr->cr = ch == '\r';
			continue;	/* the LF of a CRLF, or "\r\r\n" of a terminal */
		}
		lr->cr = ch == '\r';
		if (ch == '\n' || ch == '\r') {
			end_line(im, lr);
			if (lr->nr >= 4 * IMPORT_MAX_RECS)
				return -1;
			continue;
		}
		if (!ch) {
			if (!lr->nuls++)
				lr->first_nul_line = lr->nr + 1;
			continue;
		}
		if (lr->len < IMPORT_LINE_MAX)
			lr->buf[lr->len++] = ch;
		else
			lr->cut = true;
	}
	return 0;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* "=XX" (upper-case hex) decoded in place; "=" and anything else kept. */
static void qp_decode(char *s)
{
	char *d = s;

	for (; *s; s++) {
		if (*s == '=' && hexval(s[1]) >= 0 && hexval(s[2]) >= 0 &&
		    (hexval(s[1]) << 4 | hexval(s[2])) >= 0x20) {
			*d++ = (char)(hexval(s[1]) << 4 | hexval(s[2]));
			s += 2;
		} else {
			*d++ = *s;
		}
	}
	*d = 0;
}

/*
 * A log pasted into a mail as quoted-printable: lines cut at ~76 columns
 * with a "=" at the end, "=" written "=3D".  Taken as such when both show;
 * a cut line is joined with the next, which becomes empty, so that every
 * line keeps its number.
 */
static void undo_quoted_printable(struct importer *im, char **lines, int nr)
{
	int i, soft = 0, encoded = 0;

	for (i = 0; i < nr; i++) {
		size_t n = strlen(lines[i]);

		soft += n && lines[i][n - 1] == '=';
		encoded += strstr(lines[i], "=3D") != NULL;
	}
	if (!soft || !encoded)
		return;
	for (i = 0; i < nr; i++) {
		size_t n = strlen(lines[i]);
		int k = i;

		while (n && lines[i][n - 1] == '=' && k + 1 < nr && n < IMPORT_LINE_MAX) {
			size_t m = strlen(lines[++k]);
			char *j = xrealloc(NULL, n + m);

			memcpy(j, lines[i], n - 1);
			memcpy(j + n - 1, lines[k], m + 1);
			free(lines[i]);
			lines[i] = j;
			lines[k][0] = 0;
			n = strlen(j);
		}
		qp_decode(lines[i]);
		i = k;
	}
	imp_report(im, 0, "quoted-printable (%d soft line breaks, =3D): decoded", soft);
}

int imp_read_lines(struct importer *im, FILE *in, char ***lines_out, char *err, int errlen)
{
	struct line_reader *lr = xzalloc(sizeof(*lr));
	char chunk[65536];
	uint64_t total = 0;
	size_t n;
	int nr;

	while ((n = fread(chunk, 1, sizeof(chunk), in)) > 0) {
		total += n;
		if (total > IMPORT_MAX_INPUT || feed(im, lr, chunk, n)) {
			snprintf(err, (size_t)errlen, "%s: larger than 64 MiB or 4 million lines (NUL bytes count)",
				 im->o->input_name);
			goto fail;
		}
	}
	if (ferror(in)) {
		snprintf(err, (size_t)errlen, "%s: read error", im->o->input_name);
		goto fail;
	}
	if (lr->len || lr->cut)
		end_line(im, lr);
	if (lr->nuls)
		imp_report(im, lr->first_nul_line, "%" PRIu64 " NUL byte%s left out, the first on this line; the text around %s kept",
			   lr->nuls, lr->nuls == 1 ? "" : "s", lr->nuls == 1 ? "it" : "them");
	undo_quoted_printable(im, lr->lines, lr->nr);
	*lines_out = lr->lines;
	nr = lr->nr;
	free(lr);
	return nr;
fail:
	while (lr->nr)
		free(lr->lines[--lr->nr]);
	free(lr->lines);
	free(lr);
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
