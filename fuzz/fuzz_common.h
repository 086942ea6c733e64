/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the fuzz targets share: a private scratch directory, input written
 * to a file there, and a subcommand run in this process with its output
 * thrown away.  Each target defines LLVMFuzzerTestOneInput(); libFuzzer
 * (./configure --enable-fuzzing, clang) or standalone.c (every other
 * build, for the seed pass in make check) calls it.
 */
#ifndef MBVIZ_FUZZ_COMMON_H
#define MBVIZ_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * A path in the scratch directory (made once, removed at exit); the last
 * four paths returned stay valid.
 */
const char *fuzz_path(const char *name);
/* Write @size bytes to the file fuzz_path(@name); aborts on failure. */
const char *fuzz_write(const char *name, const uint8_t *data, size_t size);
/* fd 1 and 2 to /dev/null (fuzz_quiet), and back (fuzz_loud). */
void fuzz_quiet(int save[2]);
void fuzz_loud(const int save[2]);
/*
 * Run a subcommand handler (cmd_check and the like) on a NULL-terminated
 * argument list (the command's name first: its row in the table of
 * commands reads the rest), with stdout and stderr sent to /dev/null.  Returns its
 * exit status; aborts if it is not 0, 1 or 2, mbviz's only statuses.
 */
struct cmd_line;
int fuzz_cmd(int (*cmd)(const struct cmd_line *), ...);

#endif
