// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Per-step message capture: what the engines print during a step, split
 * into lines and kinds.  The text is formatted by the kernel's printf
 * rules (kprintf.c).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kprintf.h"
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

/*
 * Whether a message of format @fmt surely ends its line: its format ends
 * in a newline that no conversion can take away (the formatted text is
 * cut at 1023 bytes, far above any debug message memblock prints).
 */
static bool ends_line(const char *fmt)
{
	size_t n = strlen(fmt);

	return n > 0 && fmt[n - 1] == '\n';
}

void steplog_vprintk(enum log_kind kind, const char *fmt, va_list ap)
{
	char buf[1024];

	if (!current_log)
		return;
	/*
	 * A whole debug line that nobody will read: it would only complete the
	 * pending line and add lines of its own, which are not warnings.
	 */
	if (kind == LOG_DEBUG && current_log->skip_debug && ends_line(fmt)) {
		flush_partial(current_log);
		return;
	}
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
