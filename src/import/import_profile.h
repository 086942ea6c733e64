/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The semantics profile an imported scenario is replayed with (machine
 * "kernel": "6.1" or "6.12", doc/scenario-format.md), chosen from the
 * kernel version the log names, for mbviz import and import --live alike.
 */
#ifndef MBVIZ_IMPORT_PROFILE_H
#define MBVIZ_IMPORT_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

struct imp_profile {
	const char	*kernel;	/* "6.1" or "6.12": the machine's "kernel" */
	char		why[256];	/* the machine's "x-kernel-why": what chose it */
};

/*
 * @release: the release of the "Linux version" line ("6.1.0-13-amd64"),
 * or NULL/"" when the log has none; @new_debugfs: a debugfs memblock dump
 * with the node and flag columns, which 6.1 does not print.
 */
void imp_choose_profile(const char *release, bool new_debugfs, struct imp_profile *p);

#endif
