// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What a kernel engine's code gets from mbviz (struct kshim_host): the
 * direct map onto simulated memory, printk into the step log, WARN and
 * BUG reporting in the same words as the model, and the page allocator.
 *
 * printk arguments are passed on one at a time to the kernel printf of
 * kprintf.c, so that the text is formatted by the same rules as the
 * model's, with two translations: %pa reads a phys_addr_t of the engine's
 * width, and %pS turns a code address into a name -- the function of the
 * kernel code that made the call, or, when the call came from mbviz
 * (the scenario), the step's name, as the model prints it.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "kernel_engine_priv.h"
#include "kernel_pagealloc.h"
#include "core/kprintf.h"
#include "core/steplog.h"
#include "util/xalloc.h"

/* ---- kernel printf, one conversion at a time --------------------------- */

struct kbuf {
	char	text[1024];
	int	len;
};

static void kbuf_add(struct kbuf *b, const char *s, int n)
{
	if (n > (int)sizeof(b->text) - 1 - b->len)
		n = sizeof(b->text) - 1 - b->len;
	if (n > 0) {
		memcpy(b->text + b->len, s, n);
		b->len += n;
	}
	b->text[b->len] = '\0';
}

static void one(struct kbuf *b, int phys_bytes, const char *spec, ...)
{
	char piece[512];
	va_list ap;
	int n;

	va_start(ap, spec);
	n = kernel_vsnprintf(piece, sizeof(piece), phys_bytes, spec, ap);
	va_end(ap);
	kbuf_add(b, piece, n < (int)sizeof(piece) ? n : (int)sizeof(piece) - 1);
}

/* What %pS prints for @ip. */
static const char *symbol_name(struct kernel_engine *ke, const void *ip, char *buf, int len)
{
	const char *sym = ke->cur ? kobj_symbol(ke->cur, ip) : NULL;

	if (!sym || !strncmp(sym, "kshim_", 6))
		return ke->caller ? ke->caller : "0x0";
	/* GCC's clones (".isra.0", ".constprop.0", ".part.0") are the same function. */
	snprintf(buf, len, "%.*s", (int)strcspn(sym, "."), sym);
	return buf;
}

static void one_pointer(struct kernel_engine *ke, struct kbuf *b, const char *spec, char ext,
			void *p)
{
	int pb = ke->cur->mod->config.phys_addr_bits / 8;
	char name[128];

	if (ext == 'a') {
		/* The engine's phys_addr_t, widened: steplog reads a u64. */
		unsigned long long v = pb == 4 ? *(const uint32_t *)p : *(const uint64_t *)p;

		one(b, pb, spec, &v);
	} else if (ext && strchr("SsFfB", ext)) {
		one(b, pb, spec, symbol_name(ke, p, name, sizeof(name)));
	} else {
		one(b, pb, spec, p);
	}
}

/* One integer conversion, fetched with the type its length modifier says. */
static void one_integer(struct kernel_engine *ke, struct kbuf *b, const char *spec,
			const char *len, char conv, va_list *ap)
{
	int pb = ke->cur->mod->config.phys_addr_bits / 8;
	bool sgn = conv == 'd' || conv == 'i';

	if (!strcmp(len, "ll") || !strcmp(len, "L") || !strcmp(len, "q")) {
		if (sgn)
			one(b, pb, spec, va_arg(*ap, long long));
		else
			one(b, pb, spec, va_arg(*ap, unsigned long long));
	} else if (!strcmp(len, "l") || !strcmp(len, "z") || !strcmp(len, "t") ||
		   !strcmp(len, "j")) {
		/* size_t, ptrdiff_t and intmax_t are long-sized on the hosts mbviz runs on. */
		if (sgn)
			one(b, pb, spec, va_arg(*ap, long));
		else
			one(b, pb, spec, va_arg(*ap, unsigned long));
	} else {
		if (sgn)
			one(b, pb, spec, va_arg(*ap, int));
		else
			one(b, pb, spec, va_arg(*ap, unsigned int));
	}
}

/* Copy a field width or precision, replacing '*' by its argument. */
static void spec_number(const char **f, char *spec, int *n, int cap, va_list *ap)
{
	if (**f == '*') {
		*n += snprintf(spec + *n, cap - *n, "%d", va_arg(*ap, int));
		(*f)++;
		return;
	}
	while (isdigit((unsigned char)**f) && *n < cap - 1)
		spec[(*n)++] = *(*f)++;
}

static void kformat(struct kernel_engine *ke, struct kbuf *b, const char *f, va_list ap0)
{
	va_list ap;

	va_copy(ap, ap0);
	b->len = 0;
	b->text[0] = '\0';
	while (*f) {
		char spec[48], len[3] = "", conv;
		int n = 0;

		if (*f != '%') {
			int run = strcspn(f, "%");

			kbuf_add(b, f, run);
			f += run;
			continue;
		}
		spec[n++] = *f++;
		while (*f && strchr("-+ #0", *f) && n < 20)
			spec[n++] = *f++;
		spec_number(&f, spec, &n, 30, &ap);
		if (*f == '.') {
			spec[n++] = *f++;
			spec_number(&f, spec, &n, 40, &ap);
		}
		while (*f && strchr("hlLqztj", *f) && strlen(len) < 2) {
			len[strlen(len)] = *f;
			spec[n++] = *f++;
		}
		conv = *f ? *f++ : '\0';
		spec[n++] = conv;
		spec[n] = '\0';
		switch (conv) {
		case '%':
			kbuf_add(b, "%", 1);
			break;
		case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
			one_integer(ke, b, spec, len, conv, &ap);
			break;
		case 'c':
			one(b, 8, spec, va_arg(ap, int));
			break;
		case 's':
			one(b, 8, spec, va_arg(ap, const char *));
			break;
		case 'p': {
			char ext = isalnum((unsigned char)*f) ? *f : '\0';

			/* The kernel takes every alphanumeric after %p as an extension. */
			while (isalnum((unsigned char)*f))
				f++;
			spec[n++] = ext;
			spec[n] = '\0';
			one_pointer(ke, b, spec, ext, va_arg(ap, void *));
			break;
		}
		default:
			kbuf_add(b, spec, n);
			break;
		}
	}
	va_end(ap);
}

/* ---- the hooks --------------------------------------------------------- */

static enum log_kind log_kind_of(enum kshim_level level)
{
	switch (level) {
	case KSHIM_DEBUG: return LOG_DEBUG;
	case KSHIM_WARN: return LOG_WARN;
	case KSHIM_ERR: return LOG_ERR;
	case KSHIM_CONT: return LOG_CONT;
	case KSHIM_INFO: break;
	}
	return LOG_INFO;
}

static void h_vprintk(void *ctx, enum kshim_level level, const char *fmt, va_list ap)
{
	struct kbuf b;

	kformat(ctx, &b, fmt, ap);
	steplog_printk(log_kind_of(level), "%s", b.text);
}

/* As the model words them (src/kernel_stubs.c), so that logs compare. */
static void h_warn(void *ctx, const char *file, int line, const char *func, const char *fmt,
		   va_list ap)
{
	struct kbuf b;

	if (fmt) {
		kformat(ctx, &b, fmt, ap);
		steplog_printk(LOG_INFO, "%s", b.text);
	}
	steplog_printk(LOG_SPLAT, "WARNING: CPU: 0 PID: 0 at %s:%d %s\n", file, line, func);
}

static void h_stack(void *ctx, const char *func)
{
	struct kernel_engine *ke = ctx;

	steplog_printk(LOG_SPLAT, "CPU: 0 PID: 0 Comm: swapper Not tainted %s #1\n",
		       ke->cur->mod->config.release);
	steplog_printk(LOG_INFO, "Call Trace:\n");
	steplog_printk(LOG_INFO, " %s\n", func);
}

void khost_abandon(struct kernel_engine *ke, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ke->dead_why, sizeof(ke->dead_why), fmt, ap);
	va_end(ap);
	ke->dead = true;
	if (!ke->in_call) {
		/* Nothing to return to: only a broken engine object gets here. */
		fprintf(stderr, "mbviz: kernel engine: %s\n", ke->dead_why);
		abort();
	}
	longjmp(ke->bug_jump, 1);
}

static void h_bug(void *ctx, const char *file, int line, const char *func)
{
	steplog_printk(LOG_SPLAT, "kernel BUG at %s:%d!\n", file, line);
	khost_abandon(ctx, "kernel BUG at %s:%d in %s(): the kernel would panic here", file, line,
		      func);
}

static void *h_va(void *ctx, uint64_t pa)
{
	struct kernel_engine *ke = ctx;
	void *va = simmem_va(ke->mem, pa);

	if (!va)
		khost_abandon(ke, "__va(%#llx): %s", (unsigned long long)pa,
			      simmem_error(ke->mem));
	return va;
}

/*
 * Only simulated memory has a physical address here.  The kernel code may
 * also take __pa() of its own static data (memblock_double_array() frees
 * physmem's built-in array that way); in a kernel that is an address in
 * the kernel image, which no scenario describes, so the call is abandoned.
 */
static int h_pa(void *ctx, const void *va, uint64_t *pa)
{
	struct kernel_engine *ke = ctx;
	const char *sym;

	if (!simmem_pa(ke->mem, va, pa))
		return 0;
	sym = ke->cur ? kobj_symbol(ke->cur, va) : NULL;
	khost_abandon(ke, "__pa(%p)%s%s: not simulated memory but the kernel image's, where no "
		      "scenario can say what is", va, sym ? " of " : "", sym ? sym : "");
}

/*
 * Zeroing of simulated memory is what tells a zeroed allocation from a raw
 * one.  It may run past the window @p lies in (a zeroed allocation larger
 * than a window): simmem_zero() follows the physical range.
 */
static void h_fill(void *ctx, void *p, int c, size_t n)
{
	struct kernel_engine *ke = ctx;
	uint64_t pa;

	if (c || simmem_pa(ke->mem, p, &pa)) {
		memset(p, c, n);
		return;
	}
	simmem_zero(ke->mem, p, n);
	if (ke->nr_zero == ke->alloc_zero) {
		ke->alloc_zero = ke->alloc_zero ? 2 * ke->alloc_zero : 8;
		ke->zero = xrealloc(ke->zero, ke->alloc_zero * sizeof(*ke->zero));
	}
	ke->zero[ke->nr_zero++] = (struct kzero){ pa, n };
}

void khost_init(struct kernel_engine *ke)
{
	struct kshim_host *h = &ke->host;

	memset(h, 0, sizeof(*h));
	h->ctx = ke;
	h->va = h_va;
	h->pa = h_pa;
	h->fill = h_fill;
	h->vprintk = h_vprintk;
	h->warn = h_warn;
	h->stack = h_stack;
	h->bug = h_bug;
	kpagealloc_hooks(h);
}
