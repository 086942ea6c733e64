// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz --live [--root DIR]: the UI on the scenario `mbviz import --live`
 * makes of the running machine (or of the copy of its files under DIR).
 * What could not be read is listed on stderr before curses starts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "import/import_live.h"
#include "scenario/scenario.h"

struct scenario *live_scenario_load(const char *root)
{
	struct live_opts o = { .root = root };
	struct scenario *sc;
	char err[1024], *text;

	text = import_live(&o, stderr, err, sizeof(err));
	if (!text) {
		fprintf(stderr, "mbviz: %s\n", err);
		return NULL;
	}
	sc = scenario_load_buffer(root ? root : "--live", text, strlen(text), err, sizeof(err));
	if (!sc)
		fprintf(stderr, "mbviz: --live: the scenario made does not load: %s\n", err);
	free(text);
	return sc;
}
