// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target: a scenario file through everything that reads one -- the
 * loader, the model engine, expectations (check), the memblock=debug trace
 * and the kernel's dump formats (run), a picture of the last step
 * (snapshot) and the export formats.  Seeds: scenarios/ and tests/bad/.
 */
#include "cmd/commands.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = (char *)fuzz_write("in.json", data, size);

	/* A file the loader refuses stops here: the rest would say the same. */
	if (fuzz_cmd(cmd_check, "check", in, NULL) == 2)
		return 0;
	/*
	 * Each command loads and runs the scenario again: one of two sets of
	 * options an input, by its length, so that every input costs four
	 * runs, not seven, and the corpus still covers both (a mutation that
	 * adds or drops a byte switches the set).
	 */
	if (size % 2) {
		fuzz_cmd(cmd_run, "run", in, "--trace", "--dump=debugfs", "--zoneinfo", NULL);
		fuzz_cmd(cmd_snapshot, "snapshot", in, "--width", "100", NULL);
		fuzz_cmd(cmd_export, "export", in, "--format", "json", NULL);
	} else {
		fuzz_cmd(cmd_run, "run", in, "--dump=dump", NULL);
		fuzz_cmd(cmd_snapshot, "snapshot", in, "--step", "1", "--scale", "compact", NULL);
		fuzz_cmd(cmd_export, "export", in, "--format", "dump", "--step", "1", NULL);
	}
	return 0;
}
