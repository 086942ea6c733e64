/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * WARN_ON() and BUG() for code that runs inside mbviz.
 *
 * A WARN records the kernel's "WARNING: CPU: 0 PID: 0 at FILE:LINE FUNC"
 * line in the step's log (one warning line per event; a WARN with a
 * message prints the message first) and returns the condition, as in the
 * kernel.  A BUG records "kernel BUG at FILE:LINE!" and then leaves the
 * operation through the trap armed by the engine (src/model/kstyle_runtime.c):
 * the kernel would have died there, so nothing after it may run, but the
 * program itself goes on and reports it.
 *
 * The plain macros report this source file and line, which is right for a
 * real kernel source compiled against these stubs.  The model mirrors
 * checks that live elsewhere, so it uses the _AT forms to report the
 * kernel's own file and line.
 */
#ifndef MBVIZ_STUBS_ASM_BUG_H
#define MBVIZ_STUBS_ASM_BUG_H

#include <stdbool.h>

#include <linux/compiler.h>

void mbviz_warn(const char *file, int line, const char *func);
__printf(4, 5) void mbviz_warn_printk(const char *file, int line, const char *func,
				      const char *fmt, ...);
/* True the first time the check at @file:@line fires (WARN_ONCE state). */
bool mbviz_once(const char *file, int line);
__noreturn void mbviz_bug(const char *file, int line, const char *func);

#define WARN_ON_AT(file, line, condition) ({				\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		mbviz_warn(file, line, __func__);			\
	unlikely(__ret_warn_on);					\
})

#define WARN_AT(file, line, condition, fmt...) ({			\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		mbviz_warn_printk(file, line, __func__, fmt);		\
	unlikely(__ret_warn_on);					\
})

#define WARN_ON_ONCE_AT(file, line, condition) ({			\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on) && mbviz_once(file, line))		\
		mbviz_warn(file, line, __func__);			\
	unlikely(__ret_warn_on);					\
})

#define WARN_ONCE_AT(file, line, condition, fmt...) ({			\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on) && mbviz_once(file, line))		\
		mbviz_warn_printk(file, line, __func__, fmt);		\
	unlikely(__ret_warn_on);					\
})

#define BUG_AT(file, line)		mbviz_bug(file, line, __func__)
#define BUG_ON_AT(file, line, condition) do {				\
	if (unlikely(condition))					\
		BUG_AT(file, line);					\
} while (0)

#define WARN_ON(condition)		WARN_ON_AT(__FILE__, __LINE__, condition)
#define WARN(condition, fmt...)		WARN_AT(__FILE__, __LINE__, condition, fmt)
#define WARN_ON_ONCE(condition)		WARN_ON_ONCE_AT(__FILE__, __LINE__, condition)
#define WARN_ONCE(condition, fmt...)	WARN_ONCE_AT(__FILE__, __LINE__, condition, fmt)
#define BUG()				BUG_AT(__FILE__, __LINE__)
#define BUG_ON(condition)		BUG_ON_AT(__FILE__, __LINE__, condition)

#endif
