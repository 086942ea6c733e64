// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Where the bundled scenarios are.  An installed mbviz uses its installed
 * data directory; the build tree's scenarios are used only by the mbviz
 * built there and run from there.  That is decided by where this binary
 * is (/proc/self/exe), never by whether the build tree still exists: an
 * installed copy must not wander into a tree that happens to be left on
 * the machine, with scenarios newer or older than the ones it installed.
 *
 * An installed mbviz staged under a DESTDIR (DESTDIR/usr/bin/mbviz, as
 * packagers and tests/install.test do) uses the data staged with it,
 * DESTDIR/usr/share/mbviz: the path it runs from ends with the bindir it
 * was configured with, and what comes before is the staging root.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"

#ifndef MBVIZ_SRCDIR
#define MBVIZ_SRCDIR "."
#endif
#ifndef MBVIZ_BUILDDIR
#define MBVIZ_BUILDDIR "."
#endif
#ifndef MBVIZ_PKGDATADIR
#define MBVIZ_PKGDATADIR "/usr/local/share/mbviz"
#endif
#ifndef MBVIZ_BINDIR
#define MBVIZ_BINDIR "/usr/local/bin"
#endif

/* The directory of this binary, resolved; false if unknown. */
static bool exe_dir(char *dir, size_t len)
{
	ssize_t n = readlink("/proc/self/exe", dir, len - 1);
	char *slash;

	if (n <= 0)
		return false;
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (!slash)
		return false;
	*slash = '\0';
	return true;
}

/* Is @dir the build tree's src/, where the uninstalled mbviz is? */
static bool is_build_tree(const char *dir)
{
	char built[PATH_MAX];

	return realpath(MBVIZ_BUILDDIR "/src", built) && strcmp(dir, built) == 0;
}

/*
 * The staging root of an installed mbviz in @dir: "" when @dir is the
 * configured bindir, "/tmp/stage" for /tmp/stage/usr/local/bin; NULL
 * when @dir is neither (a copy of mbviz somewhere else).
 */
static const char *staging_root(char *dir)
{
	size_t n = strlen(dir), b = strlen(MBVIZ_BINDIR);
	char bindir[PATH_MAX];
	const char *want = realpath(MBVIZ_BINDIR, bindir) ? bindir : MBVIZ_BINDIR;

	if (!strcmp(dir, want))
		return "";
	if (n > b && !strcmp(dir + n - b, MBVIZ_BINDIR) && MBVIZ_BINDIR[0] == '/') {
		dir[n - b] = '\0';
		return dir;
	}
	return NULL;
}

/*
 * $MBVIZ_SCENARIOS; else the source tree for the mbviz of the build tree;
 * else the data installed (or staged) with this mbviz; else pkgdatadir.
 */
const char *bundled_scenario_dir(char *buf, size_t len)
{
	const char *env = getenv("MBVIZ_SCENARIOS"), *root;
	char dir[PATH_MAX];

	if (env && *env)
		return env;
	if (exe_dir(dir, sizeof(dir))) {
		if (is_build_tree(dir))
			return MBVIZ_SRCDIR "/scenarios";
		root = staging_root(dir);
		if (root && *root) {
			snprintf(buf, len, "%s%s/scenarios", root, MBVIZ_PKGDATADIR);
			return buf;
		}
	}
	return MBVIZ_PKGDATADIR "/scenarios";
}
