/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the parts of the kernel engine share: the engine itself
 * (kernel_engine.c), the services it gives the kernel code
 * (kernel_host.c) and the bridge to the page-allocator model
 * (kernel_pagealloc.c).
 */
#ifndef MBVIZ_KERNEL_ENGINE_PRIV_H
#define MBVIZ_KERNEL_ENGINE_PRIV_H

#include <setjmp.h>
#include <stdbool.h>

#include "shim/kshim.h"
#include "run/engine.h"
#include "kernel_contents.h"
#include "kernel_loader.h"
#include "kernel_simmem.h"
#include "core/machine.h"
#include "core/state.h"

/* A memset(0) the kernel code did on simulated memory during this call. */
struct kzero {
	uint64_t	pa, n;
};

struct page_alloc;

struct kernel_engine {
	struct engine	e;
	char		*label;
	/*
	 * Where engines come from: one path, or a list "A:B" of trees of
	 * different releases, each used for the scenarios of its release
	 * (kp_version[i]: enum kernel_version, -1 if unknown until loaded).
	 */
	struct kpath	kp[NR_KERNEL_VERSIONS];
	int		kp_version[NR_KERNEL_VERSIONS];
	int		nr_kp;
	struct kobj	*objs;		/* loaded objects, one per configuration used */
	struct kobj	*cur;		/* the one the current machine runs on */
	struct machine	machine;
	struct simmem	*mem;
	struct kshim_host host;
	char		error[640];	/* why the last reset failed */

	/* The call in progress. */
	const char	*caller;	/* what %pS prints for the scenario's call site */
	jmp_buf		bug_jump;	/* BUG() or an unsupported path leaves through here */
	bool		in_call;
	int		nr_zero, alloc_zero;
	struct kzero	*zero;
	long		totalram_delta;	/* totalram_pages_add() during the call */

	/* State beyond what the kernel code holds. */
	bool		dead;		/* a BUG ended an earlier call */
	char		dead_why[256];
	char		why[400];	/* res->why of the last failed call */
	bool		discarded;
	struct kcontents contents;
	struct page_alloc *pa;		/* the page allocator memblock hands over to */
	/* The call's memblock_free_late() released pages the other way than machine.free_late. */
	const char	*free_late_way;
	/* The hand-over's walk: blocks or pages given to the page allocator, of how many. */
	uint64_t	walk_done, walk_total;
	bool		cancelled;	/* the progress hook cancelled the call */
};

static inline struct kernel_engine *kernel_of(struct engine *e)
{
	return (struct kernel_engine *)e;
}

/* The kernel's memblock type @t, copied (the caller frees out->regions). */
void kengine_read_type(struct kernel_engine *ke, enum kshim_type t, struct mb_type *out);

/* Where the kernel's array of @t lives in simulated memory; 0: its static array. */
uint64_t kengine_array_of(struct kernel_engine *ke, enum kshim_type t);

/* kernel_host.c: fill ke->host with the hooks. */
void khost_init(struct kernel_engine *ke);
/* Leave the current call: the engine cannot go on (records why, marks it dead). */
__attribute__((noreturn, format(printf, 2, 3)))
void khost_abandon(struct kernel_engine *ke, const char *fmt, ...);

#endif
