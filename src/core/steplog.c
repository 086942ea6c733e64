// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Per-step message capture and the subset of the kernel's vsnprintf() that
 * memblock's messages use.  The kernel's printf differs from glibc's in
 * ways that show in memblock=debug output: '#' always writes "0x", even for
 * zero, and %pa prints a phys_addr_t passed by reference, zero-padded to
 * the width of the type.  %pS prints a symbol; our engines pass the symbol
 * name itself (a const char *).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "steplog.h"

static struct steplog *current_log;
static int current_phys_bytes = 8;

void steplog_init(struct steplog *log)
{
	memset(log, 0, sizeof(*log));
}

void steplog_reset(struct steplog *log)
{
	int i;

	for (i = 0; i < log->nr; i++)
		free(log->lines[i].text);
	log->nr = 0;
	free(log->partial);
	log->partial = NULL;
}

void steplog_free(struct steplog *log)
{
	steplog_reset(log);
	free(log->lines);
	memset(log, 0, sizeof(*log));
}

int steplog_warnings(const struct steplog *log)
{
	int i, n = 0;

	for (i = 0; i < log->nr; i++)
		if (log->lines[i].kind == LOG_WARN || log->lines[i].kind == LOG_SPLAT)
			n++;
	return n;
}

static void flush_partial(struct steplog *log);

void steplog_set_current(struct steplog *log, int phys_bytes)
{
	if (current_log && current_log != log)
		flush_partial(current_log);
	current_log = log;
	current_phys_bytes = phys_bytes == 4 ? 4 : 8;
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

static void add_line(struct steplog *log, enum log_kind kind, const char *text, size_t len)
{
	struct log_line *l;

	if (log->nr == log->alloc) {
		log->alloc = log->alloc ? log->alloc * 2 : 8;
		log->lines = xrealloc(log->lines, log->alloc * sizeof(*log->lines));
	}
	l = &log->lines[log->nr++];
	l->kind = kind;
	l->text = xrealloc(NULL, len + 1);
	memcpy(l->text, text, len);
	l->text[len] = '\0';
}

/*
 * Text without a trailing newline is held back: a pr_cont() joins it, any
 * other message first completes it as a line of its own, as the kernel's
 * printk does for records without KERN_CONT.  The kind of the first part
 * wins.
 */
static enum log_kind partial_kind;

static void flush_partial(struct steplog *log)
{
	char *rest = log->partial;

	if (!rest)
		return;
	log->partial = NULL;
	add_line(log, partial_kind, rest, strlen(rest));
	free(rest);
}

static void append_text(struct steplog *log, enum log_kind kind, const char *text)
{
	size_t plen = log->partial ? strlen(log->partial) : 0;
	size_t tlen = strlen(text);
	char *all, *p, *nl;

	if (!plen)
		partial_kind = kind == LOG_CONT ? LOG_INFO : kind;
	all = xrealloc(NULL, plen + tlen + 1);
	if (plen)
		memcpy(all, log->partial, plen);
	memcpy(all + plen, text, tlen + 1);
	free(log->partial);
	log->partial = NULL;

	for (p = all; (nl = strchr(p, '\n')); p = nl + 1)
		add_line(log, partial_kind, p, nl - p);
	if (*p)
		log->partial = strdup(p);
	free(all);
}

void steplog_vprintk(enum log_kind kind, const char *fmt, va_list ap)
{
	char buf[1024];

	if (!current_log)
		return;
	kernel_vsnprintf(buf, sizeof(buf), current_phys_bytes, fmt, ap);
	if (kind != LOG_CONT)
		flush_partial(current_log);
	append_text(current_log, kind, buf);
}

void steplog_printk(enum log_kind kind, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	steplog_vprintk(kind, fmt, ap);
	va_end(ap);
}

/* Output buffer that never overflows and counts what would have been written. */
struct out {
	char	*buf;
	int	size;
	int	len;
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_str(struct out *o, const char *s, int n)
{
	while (n-- > 0)
		put(o, *s++);
}

struct spec {
	bool	left, zero, alt, plus, space;
	int	width;		/* -1: none */
	int	precision;	/* -1: none */
};

static void put_padded(struct out *o, const struct spec *sp, const char *s, int n)
{
	int pad = sp->width > n ? sp->width - n : 0;

	if (!sp->left)
		while (pad-- > 0)
			put(o, ' ');
	put_str(o, s, n);
	if (sp->left)
		while (pad-- > 0)
			put(o, ' ');
}

/*
 * Integer conversion with the kernel's rules: the "0x" prefix of '#'
 * depends only on the base (so zero prints as 0x0), and the field width
 * counts the prefix.
 */
static void put_number(struct out *o, const struct spec *sp, unsigned long long v, bool neg,
		       int base, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[72], pre[4];
	int n = 0, npre = 0, prec = sp->precision, zeros, pad, i;

	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v);
	if (prec >= 0 && prec == 0 && n == 1 && tmp[0] == '0')
		n = 0;
	if (neg)
		pre[npre++] = '-';
	else if (sp->plus)
		pre[npre++] = '+';
	else if (sp->space)
		pre[npre++] = ' ';
	if (sp->alt && base == 16) {
		pre[npre++] = '0';
		pre[npre++] = upper ? 'X' : 'x';
	} else if (sp->alt && base == 8) {
		pre[npre++] = '0';
	}
	zeros = prec > n ? prec - n : 0;
	pad = sp->width - npre - zeros - n;
	if (sp->zero && !sp->left && prec < 0 && pad > 0) {
		zeros += pad;
		pad = 0;
	}
	if (!sp->left)
		while (pad-- > 0)
			put(o, ' ');
	put_str(o, pre, npre);
	while (zeros-- > 0)
		put(o, '0');
	for (i = n - 1; i >= 0; i--)
		put(o, tmp[i]);
	if (sp->left)
		while (pad-- > 0)
			put(o, ' ');
}

static int phys_storage_bytes = 8;

void steplog_set_phys_storage(int bytes)
{
	phys_storage_bytes = bytes == 4 ? 4 : 8;
}

int kernel_vsnprintf(char *buf, int size, int phys_bytes, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };

	while (*fmt) {
		struct spec sp = { .width = -1, .precision = -1 };
		int len = 0;	/* 0 int, 1 long, 2 long long, -1 short, -2 char, 3 size_t */
		char c;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt++;
		for (;; fmt++) {
			if (*fmt == '-')
				sp.left = true;
			else if (*fmt == '0')
				sp.zero = true;
			else if (*fmt == '#')
				sp.alt = true;
			else if (*fmt == '+')
				sp.plus = true;
			else if (*fmt == ' ')
				sp.space = true;
			else
				break;
		}
		if (*fmt == '*') {
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.left = true;
				sp.width = -sp.width;
			}
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp.width = (sp.width < 0 ? 0 : sp.width * 10) + (*fmt++ - '0');
		}
		if (*fmt == '.') {
			fmt++;
			sp.precision = 0;
			if (*fmt == '*') {
				sp.precision = va_arg(ap, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					sp.precision = sp.precision * 10 + (*fmt++ - '0');
			}
		}
		for (;; fmt++) {
			if (*fmt == 'l')
				len = len == 1 ? 2 : 1;
			else if (*fmt == 'L' || *fmt == 'q')
				len = 2;
			else if (*fmt == 'h')
				len = len == -1 ? -2 : -1;
			else if (*fmt == 'z' || *fmt == 't')
				len = 3;
			else
				break;
		}
		c = *fmt ? *fmt++ : '\0';
		switch (c) {
		case 'd':
		case 'i': {
			long long v;

			if (len == 2)
				v = va_arg(ap, long long);
			else if (len == 1 || len == 3)
				v = va_arg(ap, long);
			else
				v = va_arg(ap, int);
			if (len == -1)
				v = (short)v;
			else if (len == -2)
				v = (signed char)v;
			put_number(&o, &sp, v < 0 ? -(unsigned long long)v : (unsigned long long)v,
				   v < 0, 10, false);
			break;
		}
		case 'u':
		case 'x':
		case 'X':
		case 'o': {
			unsigned long long v;

			if (len == 2)
				v = va_arg(ap, unsigned long long);
			else if (len == 1 || len == 3)
				v = va_arg(ap, unsigned long);
			else
				v = va_arg(ap, unsigned int);
			if (len == -1)
				v = (unsigned short)v;
			else if (len == -2)
				v = (unsigned char)v;
			put_number(&o, &sp, v, false, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X');
			break;
		}
		case 'c': {
			char ch = (char)va_arg(ap, int);

			put_padded(&o, &sp, &ch, 1);
			break;
		}
		case 's': {
			const char *s = va_arg(ap, const char *);
			int n;

			if (!s)
				s = "(null)";
			n = strlen(s);
			if (sp.precision >= 0 && n > sp.precision)
				n = sp.precision;
			put_padded(&o, &sp, s, n);
			break;
		}
		case 'p': {
			const void *p = va_arg(ap, const void *);
			char ext = *fmt;

			/* The kernel's extensions swallow every alphanumeric after %p. */
			while ((*fmt >= 'a' && *fmt <= 'z') || (*fmt >= 'A' && *fmt <= 'Z') ||
			       (*fmt >= '0' && *fmt <= '9'))
				fmt++;
			if (ext == 'a') {
				unsigned long long v;
				struct spec ps = { .alt = true, .zero = true,
						   .width = 2 + 2 * phys_bytes, .precision = -1 };

				if (phys_storage_bytes == 4)
					v = *(const unsigned int *)p;
				else
					v = *(const unsigned long long *)p;
				if (phys_bytes == 4)
					v &= 0xffffffffULL;
				put_number(&o, &ps, v, false, 16, false);
			} else if (ext == 'S' || ext == 's' || ext == 'F' || ext == 'f') {
				const char *sym = p ? (const char *)p : "0x0";

				put_padded(&o, &sp, sym, strlen(sym));
			} else {
				struct spec ps = { .alt = true, .width = -1, .precision = -1 };

				put_number(&o, &ps, (unsigned long long)(unsigned long)p, false, 16, false);
			}
			break;
		}
		case '%':
			put(&o, '%');
			break;
		case '\0':
			break;
		default:
			put(&o, '%');
			put(&o, c);
			break;
		}
	}
	if (o.size > 0)
		o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
	return o.len;
}
