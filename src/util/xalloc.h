/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Allocation helpers that never return NULL: running out of memory in a
 * tool like this is not something to recover from step by step, so it
 * ends the program with one clear line (exit status 3).
 */
#ifndef MBVIZ_XALLOC_H
#define MBVIZ_XALLOC_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

/*
 * calloc(), not malloc() and memset(): a block fresh from the kernel is
 * zero already and is not written (nor, under ASan, filled) first.
 */
static inline void *xzalloc(size_t n)
{
	void *p = calloc(1, n ? n : 1);

	if (!p) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	return p;
}

/* A copy of @n bytes at @p (which may be NULL when @n is 0). */
static inline void *xmemdup(const void *p, size_t n)
{
	void *q = xrealloc(NULL, n);

	if (n)
		memcpy(q, p, n);
	return q;
}

static inline char *xstrdup(const char *s)
{
	return xmemdup(s, strlen(s) + 1);
}

static inline __attribute__((format(printf, 1, 2)))
char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xrealloc(NULL, n + 1);
	va_start(ap, fmt);
	vsnprintf(s, n + 1, fmt, ap);
	va_end(ap);
	return s;
}

#endif
