// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The temporary file lives in the target's directory, so that the final
 * rename() stays within one file system and is atomic.  It gets the mode
 * a new file would get (0666 less the umask), not mkstemp's 0600.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= n;
	}
	return 0;
}

static void fail(char *err, int errlen, const char *path, const char *what)
{
	snprintf(err, errlen, "%s: %s: %s", path, what, strerror(errno));
}

/* A device, FIFO or terminal: no file to replace, only something to write to. */
static int write_in_place(const char *path, const void *data, size_t len, char *err, int errlen)
{
	int fd = open(path, O_WRONLY | O_NOCTTY);

	if (fd < 0) {
		fail(err, errlen, path, "cannot open");
		return -1;
	}
	if (write_all(fd, data, len)) {
		fail(err, errlen, path, "cannot write");
		close(fd);
		return -1;
	}
	if (close(fd)) {
		fail(err, errlen, path, "cannot write");
		return -1;
	}
	return 0;
}

int atomic_write_file(const char *path, const void *data, size_t len, char *err, int errlen)
{
	char *real = NULL, *tmp;
	struct stat st;
	mode_t mask;
	size_t n;
	int fd;

	if (!stat(path, &st)) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			fail(err, errlen, path, "cannot replace");
			return -1;
		}
		if (!S_ISREG(st.st_mode))
			return write_in_place(path, data, len, err, errlen);
		/* Through a symbolic link: replace the file it names. */
		real = realpath(path, NULL);
		if (real)
			path = real;
	}
	n = strlen(path);
	tmp = malloc(n + 16);
	if (!tmp) {
		snprintf(err, errlen, "%s: out of memory", path);
		free(real);
		return -1;
	}
	snprintf(tmp, n + 16, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		fail(err, errlen, path, "cannot create a temporary file");
		free(tmp);
		return -1;
	}
	mask = umask(0);
	umask(mask);
	if (fchmod(fd, 0666 & ~mask) || write_all(fd, data, len) || fsync(fd)) {
		fail(err, errlen, path, "cannot write");
		goto undo;
	}
	if (close(fd)) {
		fd = -1;
		fail(err, errlen, path, "cannot write");
		goto undo;
	}
	fd = -1;
	if (rename(tmp, path)) {
		fail(err, errlen, path, "cannot replace");
		goto undo;
	}
	free(tmp);
	free(real);
	return 0;
undo:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	free(real);
	return -1;
}
