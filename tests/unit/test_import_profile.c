// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The semantics profile mbviz import gives a log (issue 13): 6.1.x is
 * 6.1, 6.12 and later 6.12, 6.2-6.11 6.12 with a note, older kernels 6.1
 * with a note; without a version line, a debugfs dump in the format with
 * node and flag columns chooses 6.12, and nothing else chooses.
 */
#include <string.h>

#include "import/import_profile.h"
#include "tap.h"

static struct imp_profile p;

static const char *choose(const char *release, bool new_debugfs)
{
	memset(&p, 0, sizeof(p));
	imp_choose_profile(release, new_debugfs, &p);
	return p.kernel;
}

int main(void)
{
	is_str(choose("6.1.0-13-amd64", false), "6.1", "6.1.0-13-amd64 is 6.1");
	is_str(p.why, "the log's Linux 6.1", "and says so");
	is_str(choose("6.1.192", true), "6.1", "a version line wins over debugfs's format");
	is_str(choose("6.12.118", false), "6.12", "6.12.118 is 6.12");
	is_str(choose("6.18.0-rc4-next-20251103", false), "6.12", "6.18 is 6.12");
	ok(strstr(p.why, "newer than 6.12") != NULL, "with a note: %s", p.why);
	is_str(choose("7.0.0", false), "6.12", "7.0 is 6.12");
	is_str(choose("6.10.0-rc5+", false), "6.12", "6.10 (between) is 6.12");
	ok(strstr(p.why, "between 6.1 and 6.12") != NULL, "with a note: %s", p.why);
	is_str(choose("6.2.0-rc7-ktn", false), "6.12", "6.2 is 6.12");
	is_str(choose("6.0.9", false), "6.1", "6.0 is 6.1");
	ok(strstr(p.why, "older than 6.1") != NULL, "with a note: %s", p.why);
	is_str(choose("4.19.0-27-amd64", false), "6.1", "4.19 is 6.1");
	is_str(choose("5.0.0-rc7+", false), "6.1", "5.0-rc7 is 6.1");
	is_str(choose("6.10", false), "6.12", "a release without its patch level");
	is_str(choose("", false), "6.1", "no version: 6.1");
	ok(strstr(p.why, "no kernel version") != NULL, "with a note: %s", p.why);
	is_str(choose(NULL, true), "6.12", "no version, debugfs with node and flag columns: 6.12");
	ok(strstr(p.why, "debugfs") != NULL, "with a note: %s", p.why);
	is_str(choose("unknown", false), "6.1", "a release that is not a number: 6.1");
	return done_testing();
}
