// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Which of mbviz's two semantics profiles replays a log (issue 13): the
 * log's "Linux version" line names the release.
 *
 *   6.1.y                  -> "6.1"
 *   6.12 and every later   -> "6.12" (the newest profile mbviz has)
 *   older than 6.1         -> "6.1", the oldest profile, with a note
 *   6.2 to 6.11            -> "6.12", with a note: what separates the two
 *                             profiles (an empty type's cnt 0, RSRV_NOINIT,
 *                             debugfs's node and flag columns, reserve_mem)
 *                             came in after 6.1, release by release (the
 *                             debugfs columns and RSRV_NOINIT around 6.5),
 *                             and mbviz has no profile per release: the
 *                             newer one is the nearer for most of them
 *   no version line        -> "6.12" if a debugfs dump has the node and
 *                             flag columns (6.1's memblock_debug_show,
 *                             mm/memblock.c 6.1:2141-2156, prints neither;
 *                             6.12's, mm/memblock.c 6.12:2391-2433, both),
 *                             else "6.1", the format's default
 */
#include <stdio.h>
#include <string.h>

#include "import_profile.h"

/* 6.2 .. 6.11 go with 6.12: see above. */
#define PROFILE_612_FROM_MINOR	2

void imp_choose_profile(const char *release, bool new_debugfs, struct imp_profile *p)
{
	int major = 0, minor = 0;

	if (!release || !*release || sscanf(release, "%d.%d", &major, &minor) != 2) {
		p->kernel = new_debugfs ? "6.12" : "6.1";
		snprintf(p->why, sizeof(p->why), "%s", new_debugfs ?
			 "the log names no kernel version; its debugfs memblock dump has the node and flag columns, which 6.1 does not print: replayed as 6.12" :
			 "the log names no kernel version: replayed as 6.1, the format's default");
		return;
	}
	if (major > 6 || (major == 6 && minor >= 12)) {
		p->kernel = "6.12";
		if (major == 6 && minor == 12)
			snprintf(p->why, sizeof(p->why), "the log's Linux %d.%d", major, minor);
		else
			snprintf(p->why, sizeof(p->why), "Linux %d.%d is newer than 6.12, the newest kernel mbviz has semantics for: replayed as 6.12",
				 major, minor);
	} else if (major == 6 && minor == 1) {
		p->kernel = "6.1";
		snprintf(p->why, sizeof(p->why), "the log's Linux 6.1");
	} else if (major == 6 && minor >= PROFILE_612_FROM_MINOR) {
		p->kernel = "6.12";
		snprintf(p->why, sizeof(p->why), "Linux 6.%d lies between 6.1 and 6.12, the kernels mbviz has semantics for: replayed as 6.12; 6.12's memblock changes (an empty type's cnt 0, RSRV_NOINIT, debugfs's node and flag columns) came in after 6.1, not all of them by this release",
			 minor);
	} else {
		p->kernel = "6.1";
		snprintf(p->why, sizeof(p->why), "Linux %d.%d is older than 6.1, the oldest kernel mbviz has semantics for: replayed as 6.1",
			 major, minor);
	}
}
