/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Writing a whole file atomically: readers see the old file or the new
 * one, never a half-written one, whatever happens in between.
 */
#ifndef MBVIZ_ATOMIC_FILE_H
#define MBVIZ_ATOMIC_FILE_H

#include <stddef.h>

/*
 * Write @len bytes to a temporary file next to @path, then rename it over
 * @path.  Returns 0, or -1 with one line "PATH: why" in @err (nothing is
 * left behind then).  A file replaced keeps its mode and owner; one we
 * cannot write to is refused, as a shell's '>' would refuse it, and one
 * whose owner we could not give it back (not root, not ours) is written
 * into instead of replaced.  A symbolic link is followed -- the file it
 * names is replaced, the link stays -- unless another user owns it in a
 * sticky world-writable directory (the protected_symlinks rule).  A
 * target that exists and is no regular file (/dev/null, a FIFO, a
 * terminal) is written into as it is, since replacing it would destroy
 * it; a directory is refused.
 */
int atomic_write_file(const char *path, const void *data, size_t len, char *err, int errlen);

#endif
