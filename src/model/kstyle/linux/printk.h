/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * printk() and the pr_*() family, printing into the current step's log
 * (src/steplog.h) with the kernel's printf extensions (%pa, %pS, '#').
 * The KERN_* level prefix picks the kind of log line.
 */
#ifndef MBVIZ_STUBS_LINUX_PRINTK_H
#define MBVIZ_STUBS_LINUX_PRINTK_H

#include <stdarg.h>
#include <stdbool.h>

#include <linux/compiler.h>

#include "core/steplog.h"

#define KERN_SOH	"\001"
#define KERN_EMERG	KERN_SOH "0"
#define KERN_ALERT	KERN_SOH "1"
#define KERN_CRIT	KERN_SOH "2"
#define KERN_ERR	KERN_SOH "3"
#define KERN_WARNING	KERN_SOH "4"
#define KERN_NOTICE	KERN_SOH "5"
#define KERN_INFO	KERN_SOH "6"
#define KERN_DEBUG	KERN_SOH "7"
#define KERN_DEFAULT	""
#define KERN_CONT	KERN_SOH "c"

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

/*
 * Strip a KERN_* prefix and say which kind of line it asks for.  Without
 * one, printk uses the default message level, which is KERN_WARNING.
 */
static inline enum log_kind printk_kind(const char **fmt)
{
	const char *f = *fmt;

	if (f[0] != KERN_SOH[0] || !f[1])
		return LOG_WARN;
	*fmt = f + 2;
	switch (f[1]) {
	case '0': case '1': case '2': case '3':
		return LOG_ERR;
	case '4':
		return LOG_WARN;
	case '7':
		return LOG_DEBUG;
	case 'c':
		return LOG_CONT;
	default:
		return LOG_INFO;
	}
}

static inline __printf(1, 2) int printk(const char *fmt, ...)
{
	enum log_kind kind = printk_kind(&fmt);
	va_list ap;

	va_start(ap, fmt);
	steplog_vprintk(kind, fmt, ap);
	va_end(ap);
	return 0;
}

#define pr_emerg(fmt, ...)	printk(KERN_EMERG pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	printk(KERN_ALERT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	printk(KERN_CRIT pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	printk(KERN_CONT fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

/*
 * printk_ratelimited() allows a burst of 10 messages per call site every
 * 5 seconds.  jiffies do not advance during memblock's part of the boot,
 * so the window never ends: the first 10 print, the rest are dropped.
 * mbviz_ratelimit() keeps that count per call site (src/model/kstyle_runtime.c).
 */
bool mbviz_ratelimit(const char *file, int line);

#define printk_ratelimited(fmt, ...) ({				\
	if (mbviz_ratelimit(__FILE__, __LINE__))			\
		printk(fmt, ##__VA_ARGS__);				\
})
#define pr_err_ratelimited(fmt, ...)	printk_ratelimited(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...)	printk_ratelimited(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...)	printk_ratelimited(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)

#ifndef MBVIZ_KERNEL_ENGINE
/*
 * memblock's debug messages: the kernel prints them with pr_info() when
 * booted with memblock=debug.  The model always records them, as LOG_DEBUG
 * lines, and the front end decides whether to show them.  (mm/memblock.c
 * defines its own memblock_dbg, hence the guard.)
 */
#define memblock_dbg(fmt, ...)	steplog_printk(LOG_DEBUG, fmt, ##__VA_ARGS__)
#endif

/* A stack dump names the function that asked for it (src/model/kstyle_runtime.c). */
void mbviz_dump_stack(const char *func);
#define dump_stack()		mbviz_dump_stack(__func__)

#endif
