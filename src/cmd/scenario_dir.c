// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdlib.h>
#include <sys/stat.h>

#include "commands.h"

#ifndef MBVIZ_SRCDIR
#define MBVIZ_SRCDIR "."
#endif
#ifndef MBVIZ_PKGDATADIR
#define MBVIZ_PKGDATADIR "/usr/local/share/mbviz"
#endif

/*
 * Prefer an explicit override, then the source tree mbviz was built from
 * (so a freshly built, uninstalled mbviz finds its tour), then the
 * installed copy.
 */
const char *bundled_scenario_dir(void)
{
	const char *env = getenv("MBVIZ_SCENARIOS");
	struct stat st;

	if (env && *env)
		return env;
	if (stat(MBVIZ_SRCDIR "/scenarios/tour.json", &st) == 0)
		return MBVIZ_SRCDIR "/scenarios";
	return MBVIZ_PKGDATADIR "/scenarios";
}
