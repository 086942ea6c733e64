// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What the kernel-like headers in kstyle/ need at run time: warnings and
 * BUG() in the kernel's words, once-only and rate-limited messages, and a
 * stack dump.  Messages go to the current step's log.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <asm/bug.h>
#include <linux/kernel.h>
#include <linux/printk.h>

#include "kstyle_runtime.h"
#include "core/steplog.h"
#include "util/xalloc.h"

const char *mbviz_ret_ip = "0x0";

/*
 * A call site that has fired: WARN_ONCE sites fire once, ratelimited
 * printks count towards their burst.  Keys are the (file, line) the
 * macro was given; the strings are literals, so comparing pointers would
 * do, but comparing text keeps two copies of one literal equal too.
 */
struct site {
	const char	*file;
	int		line;
	int		count;
};

struct site_set {
	int		nr;
	struct site	*sites;
};

static struct site_set fired;
static struct mbviz_trap *armed;

/* The kernel's printk_ratelimited(): DEFAULT_RATELIMIT_BURST. */
#define RATELIMIT_BURST	10

static struct site *site_get(const char *file, int line)
{
	int i;

	for (i = 0; i < fired.nr; i++)
		if (fired.sites[i].line == line && strcmp(fired.sites[i].file, file) == 0)
			return &fired.sites[i];
	fired.sites = xrealloc(fired.sites, (fired.nr + 1) * sizeof(*fired.sites));
	fired.sites[fired.nr] = (struct site){ file, line, 0 };
	return &fired.sites[fired.nr++];
}

bool mbviz_once(const char *file, int line)
{
	return site_get(file, line)->count++ == 0;
}

bool mbviz_ratelimit(const char *file, int line)
{
	return site_get(file, line)->count++ < RATELIMIT_BURST;
}

void mbviz_warn(const char *file, int line, const char *func)
{
	steplog_printk(LOG_SPLAT, "WARNING: CPU: 0 PID: 0 at %s:%d %s\n", file, line, func);
}

/*
 * WARN(cond, fmt...) prints its message before the WARNING line.  The
 * message is an ordinary line: one warning event counts once.
 */
void mbviz_warn_printk(const char *file, int line, const char *func, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	steplog_vprintk(LOG_INFO, fmt, ap);
	va_end(ap);
	mbviz_warn(file, line, func);
}

void mbviz_dump_stack(const char *func)
{
	steplog_printk(LOG_SPLAT, "CPU: 0 PID: 0 Comm: swapper Not tainted 6.1.192 #1\n");
	steplog_printk(LOG_INFO, "Call Trace:\n");
	steplog_printk(LOG_INFO, " %s\n", func);
}

void mbviz_trap_arm(struct mbviz_trap *trap)
{
	armed = trap;
}

static __attribute__((noreturn)) void trap_leave(const char *why, bool died)
{
	struct mbviz_trap *t = armed;

	if (!t) {
		/* Only a unit test calling the model directly can get here. */
		fprintf(stderr, "mbviz: %s (no trap armed)\n", why);
		abort();
	}
	armed = NULL;
	snprintf(t->why, sizeof(t->why), "%s", why);
	t->died = died;
	longjmp(t->env, 1);
}

void mbviz_bug(const char *file, int line, const char *func)
{
	char why[200];

	steplog_printk(LOG_SPLAT, "kernel BUG at %s:%d!\n", file, line);
	snprintf(why, sizeof(why), "kernel BUG at %s:%d in %s(): the kernel would panic here",
		 file, line, func);
	trap_leave(why, true);
}

void mbviz_unsupported(const char *fmt, ...)
{
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	trap_leave(why, false);
}

void mbviz_oops(const char *fmt, ...)
{
	char why[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	trap_leave(why, true);
}

void mbviz_stubs_reset(void)
{
	free(fired.sites);
	fired.sites = NULL;
	fired.nr = 0;
	mbviz_ret_ip = "0x0";
}

void *mbviz_stubs_save(void)
{
	struct site_set *s = xzalloc(sizeof(*s));

	s->nr = fired.nr;
	if (fired.nr) {
		s->sites = xrealloc(NULL, fired.nr * sizeof(*s->sites));
		memcpy(s->sites, fired.sites, fired.nr * sizeof(*s->sites));
	}
	return s;
}

void mbviz_stubs_restore(const void *saved)
{
	const struct site_set *s = saved;

	free(fired.sites);
	fired.sites = NULL;
	fired.nr = s->nr;
	if (s->nr) {
		fired.sites = xrealloc(NULL, s->nr * sizeof(*s->sites));
		memcpy(fired.sites, s->sites, s->nr * sizeof(*s->sites));
	}
}

void mbviz_stubs_free_saved(void *saved)
{
	struct site_set *s = saved;

	if (s)
		free(s->sites);
	free(s);
}
