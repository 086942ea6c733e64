/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Kernel engine: WARN*() report to mbviz as warnings of the step; BUG()
 * reports and abandons the call (the simulated kernel has stopped).
 * The *_ONCE variants keep their flag in the engine's data, so they fire
 * once per scenario, as once per boot in the kernel.
 */
#ifndef KSHIM_ASM_BUG_H
#define KSHIM_ASM_BUG_H

#include <linux/compiler.h>

void kshim_warn(const char *file, int line, const char *func, const char *fmt, ...);
void kshim_bug(const char *file, int line, const char *func) __attribute__((__noreturn__));

#define WARN(cond, fmt, ...) ({						\
	int __kshim_c = !!(cond);					\
	if (unlikely(__kshim_c))					\
		kshim_warn(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__);	\
	unlikely(__kshim_c);						\
})

#define WARN_ON(cond) ({						\
	int __kshim_c = !!(cond);					\
	if (unlikely(__kshim_c))					\
		kshim_warn(__FILE__, __LINE__, __func__, NULL);			\
	unlikely(__kshim_c);						\
})

#define __KSHIM_ONCE(cond, fmt, ...) ({					\
	static bool __kshim_done;					\
	int __kshim_c = !!(cond);					\
	if (unlikely(__kshim_c) && !__kshim_done) {			\
		__kshim_done = true;					\
		kshim_warn(__FILE__, __LINE__, __func__, fmt, ##__VA_ARGS__);	\
	}								\
	unlikely(__kshim_c);						\
})

#define WARN_ONCE(cond, fmt, ...)	__KSHIM_ONCE(cond, fmt, ##__VA_ARGS__)
#define WARN_ON_ONCE(cond)		__KSHIM_ONCE(cond, NULL)

#define BUG()		kshim_bug(__FILE__, __LINE__, __func__)
#define BUG_ON(cond)	do { if (unlikely(cond)) BUG(); } while (0)

#endif
