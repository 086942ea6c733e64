/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Loading kernel engine objects: a private copy of the object is opened
 * (so that each load has its own globals), its kshim_module is checked,
 * and the writable data that holds all of the kernel code's state is
 * located, so that it can be reset to its state right after loading and
 * saved and restored as a whole.  Also finds or builds the object that a
 * machine needs.
 */
#ifndef MBVIZ_KERNEL_LOADER_H
#define MBVIZ_KERNEL_LOADER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "shim/kshim.h"
#include "kernel_syms.h"
#include "core/machine.h"
#include "core/ops.h"

struct kobj {
	char			*path;		/* the object as named or found */
	void			*handle;
	const struct kshim_module *mod;
	struct kernel_syms	*syms;
	uintptr_t		base;		/* load address: symbol values are relative */
	char			*data;		/* writable, non-RELRO data of the object */
	size_t			data_len;
	char			*pristine;	/* @data right after kshim init */
	int			op_map[NR_OPS];	/* our op -> the object's op, or -1 */
	struct kobj		*next;
};

/* Load @path and run its init with @host; NULL and @err on failure. */
struct kobj *kobj_load(const char *path, const struct kshim_host *host, char *err, int errlen);
void kobj_unload(struct kobj *o);
/* Back to the state right after loading. */
void kobj_reset(struct kobj *o);
/* Copy all of the object's writable data out of (save) or into (!save) @buf. */
void kobj_copy_data(struct kobj *o, void *buf, bool save);
/* The name of the function holding @ip in this object, or NULL. */
const char *kobj_symbol(const struct kobj *o, const void *ip);

/* Where the engines of one kernel engine spec come from. */
enum kpath_kind {
	KPATH_OBJECT,		/* one .so */
	KPATH_DIR,		/* a directory of .so, maybe with kernel-source */
	KPATH_TREE,		/* a kernel tree: build into a cache */
};

struct kpath {
	enum kpath_kind	kind;
	char		*path;		/* as given */
	char		*dir;		/* where objects are looked for and built */
	char		*tree;		/* kernel tree to build from, or NULL */
};

int kpath_init(struct kpath *kp, const char *path, char *err, int errlen);
void kpath_free(struct kpath *kp);
/*
 * The object file for configuration @name (from kernel_engine_config_name):
 * found, or built when a tree is known.  Returns a malloc'd path, or NULL
 * with @err.  @rebuild forces a build (the object found was stale).
 */
char *kpath_object(const struct kpath *kp, const char *name, const struct machine *m,
		   bool rebuild, char *err, int errlen);

#endif
