// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target: a boot log through the importer, and the scenario it makes
 * through the loader, the model and its expectations: the importer must
 * never write a scenario its own loader refuses.  Seeds: tests/import/.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cmd/commands.h"
#include "scenario/scenario.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = (char *)fuzz_write("in.bootlog", data, size);
	char *out = (char *)fuzz_path("out.json");
	struct scenario *sc;
	char err[1024];

	remove(out);
	if (fuzz_cmd(cmd_import, "import", in, "-o", out, NULL) != 0)
		return 0;
	/*
	 * It must load; running it may still stop on a step (memory too large
	 * to walk).  check loads the file it was given: only when it says 2
	 * (a file it refused, or a run that stopped) is the file loaded here
	 * again, to tell the two apart -- not a third load of every output.
	 */
	if (fuzz_cmd(cmd_check, "check", out, NULL) != 2)
		return 0;
	sc = scenario_load(out, err, sizeof(err));
	if (!sc) {
		fprintf(stderr, "fuzz: import wrote a scenario that does not load: %s\n", err);
		abort();
	}
	scenario_free(sc);
	return 0;
}
