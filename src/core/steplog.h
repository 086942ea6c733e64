/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What one step printed: the memblock=debug lines, the other kernel
 * messages, and the warnings (WARN_ON splats, pr_warn, dump_stack), in the
 * order the kernel would have printed them.  Engines append through
 * steplog_printk(), which formats by the kernel's printf rules (kprintf.h:
 * %pa, %pap, %pS and the kernel's '#' flag).
 */
#ifndef MBVIZ_STEPLOG_H
#define MBVIZ_STEPLOG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

enum log_kind {
	LOG_DEBUG,	/* memblock_dbg(): only with memblock=debug */
	LOG_INFO,
	LOG_WARN,	/* pr_warn: counts as a warning */
	LOG_ERR,	/* pr_err */
	LOG_SPLAT,	/* WARN_ON/WARN_ONCE/dump_stack: counts as a warning */
	LOG_CONT,	/* pr_cont: continues the pending line */
};

struct log_line {
	enum log_kind	kind;
	char		*text;		/* without the trailing newline */
};

struct steplog {
	int		nr;
	int		alloc;
	struct log_line	*lines;
	char		*partial;	/* text printed without newline so far */
	bool		skip_debug;	/* nobody reads LOG_DEBUG lines: drop them
					   unformatted (see steplog_vprintk) */
};

void steplog_init(struct steplog *log);
void steplog_reset(struct steplog *log);	/* empty it, keep the buffer */
void steplog_free(struct steplog *log);
int steplog_warnings(const struct steplog *log);	/* LOG_WARN + LOG_SPLAT */

/*
 * Where engines print to.  The runner points it at the current step's log
 * before an engine call and at NULL afterwards (messages are then dropped);
 * switching away from a log completes its pending unterminated line.
 * phys_bytes is sizeof(phys_addr_t) for %pa (4 or 8).
 */
void steplog_set_current(struct steplog *log, int phys_bytes);
void steplog_vprintk(enum log_kind kind, const char *fmt, va_list ap);
void steplog_printk(enum log_kind kind, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
