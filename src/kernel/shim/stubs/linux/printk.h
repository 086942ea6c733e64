/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: printk and the pr_*() family go to mbviz's step log,
 * which formats them with the kernel's printf rules (%pa, %pS, '#').
 * The kernel rate-limits by time (a burst of 10 per call site every 5 s);
 * a simulated boot takes no time, so each site prints its first 10
 * messages, as the model does.
 */
#ifndef KSHIM_LINUX_PRINTK_H
#define KSHIM_LINUX_PRINTK_H

#include <linux/compiler.h>

/* Levels as in engine/kshim.h (enum kshim_level). */
#define KSHIM_PR_DEBUG	0
#define KSHIM_PR_INFO	1
#define KSHIM_PR_WARN	2
#define KSHIM_PR_ERR	3
#define KSHIM_PR_CONT	4

void kshim_printk(int level, const char *fmt, ...);
void kshim_dump_stack(const char *func);
#define dump_stack()		kshim_dump_stack(__func__)

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

#define printk(fmt, ...)	kshim_printk(KSHIM_PR_INFO, fmt, ##__VA_ARGS__)
#define pr_emerg(fmt, ...)	kshim_printk(KSHIM_PR_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_alert(fmt, ...)	kshim_printk(KSHIM_PR_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_crit(fmt, ...)	kshim_printk(KSHIM_PR_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_err(fmt, ...)	kshim_printk(KSHIM_PR_ERR, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	kshim_printk(KSHIM_PR_WARN, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	kshim_printk(KSHIM_PR_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	kshim_printk(KSHIM_PR_INFO, pr_fmt(fmt), ##__VA_ARGS__)
#define pr_cont(fmt, ...)	kshim_printk(KSHIM_PR_CONT, fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...)	do { } while (0)

#define KSHIM_RATELIMIT_BURST	10
#define __kshim_ratelimited(level, fmt, ...) ({				\
	static int __kshim_printed;					\
	if (__kshim_printed < KSHIM_RATELIMIT_BURST) {			\
		__kshim_printed++;					\
		kshim_printk(level, pr_fmt(fmt), ##__VA_ARGS__);	\
	}								\
})
#define pr_warn_ratelimited(fmt, ...)	__kshim_ratelimited(KSHIM_PR_WARN, fmt, ##__VA_ARGS__)
#define pr_err_ratelimited(fmt, ...)	__kshim_ratelimited(KSHIM_PR_ERR, fmt, ##__VA_ARGS__)
#define pr_info_ratelimited(fmt, ...)	__kshim_ratelimited(KSHIM_PR_INFO, fmt, ##__VA_ARGS__)

#endif
