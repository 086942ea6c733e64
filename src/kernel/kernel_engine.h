/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The kernel engine: a real mm/memblock.c, compiled from a kernel tree
 * into a shared object (tools/mbviz-build-engine) and loaded at run
 * time, driven through the same engine interface as the model.
 *
 * PATH in "kernel:PATH" is one of
 *   - an engine object (memblock-<config>.so): used as it is; a scenario
 *     whose machine needs another configuration is refused, saying which;
 *   - a directory of engine objects: the one for the machine is picked;
 *     if it holds a file "kernel-source" naming a kernel tree, missing
 *     configurations are built into it on demand;
 *   - a kernel tree (it has mm/memblock.c): engines are built on demand
 *     into a cache ($MBVIZ_ENGINE_CACHE, else $XDG_CACHE_HOME/mbviz/engines
 *     or ~/.cache/mbviz/engines).
 * Each engine loads its own copy of an object, so several kernel engines,
 * even of the same object, can run side by side.
 */
#ifndef MBVIZ_KERNEL_ENGINE_H
#define MBVIZ_KERNEL_ENGINE_H

#include "run/engine.h"

/* NULL and a message in @err if PATH is none of the above. */
struct engine *kernel_engine_create(const char *path, char *err, int errlen);

/* Why the last reset failed (the machine cannot be built or loaded). */
const char *kernel_engine_error(struct engine *e);

/* The file name an engine for @m gets; -1 and @err if @m cannot be expressed. */
int kernel_engine_config_name(const struct machine *m, char *buf, int len, char *err, int errlen);

#endif
