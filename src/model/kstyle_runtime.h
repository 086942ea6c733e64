/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The run-time side of the kernel-like headers in kstyle/: the WARN_ONCE
 * and printk_ratelimited bookkeeping (part of the simulated kernel's
 * state, so engines reset, save and restore it), and the trap through
 * which BUG() -- or an operation the model cannot follow -- leaves the
 * current operation without ending the program.
 */
#ifndef MBVIZ_KSTYLE_RUNTIME_H
#define MBVIZ_KSTYLE_RUNTIME_H

#include <setjmp.h>
#include <stdbool.h>

struct mbviz_trap {
	jmp_buf	env;
	char	why[256];	/* what stopped the operation */
	bool	died;		/* the simulated kernel died (BUG, oops), not just the op */
};

/*
 * Arm @trap (NULL disarms) before calling into kernel-like code; if that
 * code hits BUG() or mbviz_unsupported(), control returns from the
 * setjmp(trap->env) with a non-zero value and trap->why says why.
 */
void mbviz_trap_arm(struct mbviz_trap *trap);

/* Leave the current operation: the model cannot follow the kernel here. */
__attribute__((noreturn, format(printf, 1, 2)))
void mbviz_unsupported(const char *fmt, ...);

/* The kernel would oops here (a NULL dereference, say): it dies like at a BUG. */
__attribute__((noreturn, format(printf, 1, 2)))
void mbviz_oops(const char *fmt, ...);

/* WARN_ONCE and ratelimit state, as after boot. */
void mbviz_stubs_reset(void);
void *mbviz_stubs_save(void);
void mbviz_stubs_restore(const void *saved);
void mbviz_stubs_free_saved(void *saved);

#endif
