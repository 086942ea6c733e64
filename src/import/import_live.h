/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * mbviz import --live [--root DIR]: a scenario of the current boot, built
 * from what the running system offers (the kernel log, /proc/iomem,
 * /sys/firmware/memmap, the NUMA nodes in sysfs, /proc/zoneinfo, debugfs
 * memblock), or from a recorded copy of those files under DIR.  The
 * layout of DIR is described in doc/mbviz.1 (LIVE SOURCES).
 */
#ifndef MBVIZ_IMPORT_LIVE_H
#define MBVIZ_IMPORT_LIVE_H

#include <stdio.h>

struct live_opts {
	const char	*root;		/* NULL: the running system */
	const char	*name;		/* the scenario's name; NULL: "live" */
};

/*
 * The scenario as JSON text (malloc'd), or NULL with one line in @err.
 * What could not be read, and why, is listed on @diag, one line a file;
 * so are the kernel log's unusable lines.
 */
char *import_live(const struct live_opts *o, FILE *diag, char *err, int errlen);

#endif
