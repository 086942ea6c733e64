// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The subset of the kernel's vsnprintf() that memblock's messages use.  The
 * kernel's printf differs from glibc's in ways that show in memblock=debug
 * output: '#' always writes "0x", even for zero, and %pa prints a
 * phys_addr_t passed by reference, zero-padded to the width of the type.
 * %pS prints a symbol; our engines pass the symbol name itself (a const
 * char *).
 */
#include <stdbool.h>
#include <string.h>

#include "kprintf.h"

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

/* Flags, width, precision and length of a conversion; returns what follows. */
static const char *parse_spec(const char *fmt, struct spec *sp, int *len, va_list *ap)
{
	for (;; fmt++) {
		if (*fmt == '-')
			sp->left = true;
		else if (*fmt == '0')
			sp->zero = true;
		else if (*fmt == '#')
			sp->alt = true;
		else if (*fmt == '+')
			sp->plus = true;
		else if (*fmt == ' ')
			sp->space = true;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->left = true;
			sp->width = -sp->width;
		}
		fmt++;
	} else {
		while (*fmt >= '0' && *fmt <= '9')
			sp->width = (sp->width < 0 ? 0 : sp->width * 10) + (*fmt++ - '0');
	}
	if (*fmt == '.') {
		fmt++;
		sp->precision = 0;
		if (*fmt == '*') {
			sp->precision = va_arg(*ap, int);
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				sp->precision = sp->precision * 10 + (*fmt++ - '0');
		}
	}
	for (;; fmt++) {
		if (*fmt == 'l')
			*len = *len == 1 ? 2 : 1;
		else if (*fmt == 'L' || *fmt == 'q')
			*len = 2;
		else if (*fmt == 'h')
			*len = *len == -1 ? -2 : -1;
		else if (*fmt == 'z' || *fmt == 't')
			*len = 3;
		else
			break;
	}
	return fmt;
}

static void put_signed(struct out *o, const struct spec *sp, int len, va_list *ap)
{
	long long v;

	if (len == 2)
		v = va_arg(*ap, long long);
	else if (len == 1 || len == 3)
		v = va_arg(*ap, long);
	else
		v = va_arg(*ap, int);
	if (len == -1)
		v = (short)v;
	else if (len == -2)
		v = (signed char)v;
	put_number(o, sp, v < 0 ? -(unsigned long long)v : (unsigned long long)v, v < 0, 10, false);
}

static void put_unsigned(struct out *o, const struct spec *sp, int len, char c, va_list *ap)
{
	unsigned long long v;

	if (len == 2)
		v = va_arg(*ap, unsigned long long);
	else if (len == 1 || len == 3)
		v = va_arg(*ap, unsigned long);
	else
		v = va_arg(*ap, unsigned int);
	if (len == -1)
		v = (unsigned short)v;
	else if (len == -2)
		v = (unsigned char)v;
	put_number(o, sp, v, false, c == 'u' ? 10 : c == 'o' ? 8 : 16, c == 'X');
}

static void put_string(struct out *o, const struct spec *sp, const char *s)
{
	int n;

	if (!s)
		s = "(null)";
	n = strlen(s);
	if (sp->precision >= 0 && n > sp->precision)
		n = sp->precision;
	put_padded(o, sp, s, n);
}

/* %p and the kernel's extensions (%pa, %pS ...); returns what follows them. */
static const char *put_pointer(struct out *o, const struct spec *sp, const char *fmt,
			       int phys_bytes, va_list *ap)
{
	const void *p = va_arg(*ap, const void *);
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
		put_number(o, &ps, v, false, 16, false);
	} else if (ext == 'S' || ext == 's' || ext == 'F' || ext == 'f') {
		const char *sym = p ? (const char *)p : "0x0";

		put_padded(o, sp, sym, strlen(sym));
	} else {
		struct spec ps = { .alt = true, .width = -1, .precision = -1 };

		put_number(o, &ps, (unsigned long long)(unsigned long)p, false, 16, false);
	}
	return fmt;
}

int kernel_vsnprintf(char *buf, int size, int phys_bytes, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list aq;

	/* A copy, so that the conversions can take it by pointer. */
	va_copy(aq, ap);
	while (*fmt) {
		struct spec sp = { .width = -1, .precision = -1 };
		int len = 0;	/* 0 int, 1 long, 2 long long, -1 short, -2 char, 3 size_t */
		char c;

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &len, &aq);
		c = *fmt ? *fmt++ : '\0';
		switch (c) {
		case 'd':
		case 'i':
			put_signed(&o, &sp, len, &aq);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			put_unsigned(&o, &sp, len, c, &aq);
			break;
		case 'c': {
			char ch = (char)va_arg(aq, int);

			put_padded(&o, &sp, &ch, 1);
			break;
		}
		case 's':
			put_string(&o, &sp, va_arg(aq, const char *));
			break;
		case 'p':
			fmt = put_pointer(&o, &sp, fmt, phys_bytes, &aq);
			break;
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
	va_end(aq);
	if (o.size > 0)
		o.buf[o.len < o.size ? o.len : o.size - 1] = '\0';
	return o.len;
}
