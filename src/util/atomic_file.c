// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The temporary file lives in the target's directory, so that the final
 * rename() stays within one file system and is atomic, under a short name
 * of its own (.mbviz-XXXXXX), so that any valid target name works.  It
 * gets the mode and owner of the file it replaces, or the mode a new file
 * would get (0666 less the umask), not mkstemp's 0600.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
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

/*
 * Write into @path as it is: a device, FIFO or terminal (no file to
 * replace, only something to write to), or with O_TRUNC a regular file
 * that a replacement could not give back to its owner.
 */
static int write_in_place(const char *path, int flags, const void *data, size_t len, char *err,
			  int errlen)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | flags);

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

/* The directory part of @path, "." for a bare name; malloc'd, NULL when out of memory. */
static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, slash - path);
}

/*
 * The kernel's protected_symlinks rule (fs/namei.c, may_follow_link): in
 * a sticky, world-writable directory (/tmp), a symbolic link is followed
 * only by its owner, or when the directory's owner owns it too.  We
 * resolve the link ourselves (to rename over the file it names), which the
 * kernel does not see, so we apply the rule ourselves -- whatever the
 * sysctl says: a file written through someone else's link in /tmp is the
 * classic way to make a program overwrite its user's files.
 */
static int may_follow(const char *path, char *err, int errlen)
{
	struct stat link, dir;
	char *d = dir_of(path);
	int ret = 0;

	if (d && !lstat(path, &link) && !stat(d, &dir) && (dir.st_mode & S_ISVTX) &&
	    (dir.st_mode & S_IWOTH) && link.st_uid != geteuid() && link.st_uid != dir.st_uid) {
		snprintf(err, errlen, "%s: will not follow a symbolic link that another user owns "
			 "in a sticky world-writable directory (as protected_symlinks)", path);
		ret = -1;
	}
	free(d);
	return ret;
}

/*
 * The file a symbolic link @path names, whose stat is @st: opened through
 * the link first, so that the kernel's own rules (protected_symlinks,
 * LSMs) apply, then resolved; NULL with @err set if either fails or they
 * are not the same file.
 */
static char *resolve_link(const char *path, const struct stat *st, char *err, int errlen)
{
	int fd = open(path, O_WRONLY | O_NOCTTY | O_NONBLOCK);
	struct stat opened, named;
	char *real;

	if (fd < 0) {
		fail(err, errlen, path, "cannot open");
		return NULL;
	}
	if (fstat(fd, &opened)) {
		fail(err, errlen, path, "cannot open");
		close(fd);
		return NULL;
	}
	close(fd);
	real = realpath(path, NULL);
	if (!real || stat(real, &named) || named.st_dev != opened.st_dev ||
	    named.st_ino != opened.st_ino || opened.st_ino != st->st_ino) {
		snprintf(err, errlen, "%s: the symbolic link changed while it was followed", path);
		free(real);
		return NULL;
	}
	return real;
}

/*
 * Give the temporary file @fd the mode and owner of the file it replaces
 * (@st), or the mode a new file gets (@st NULL).  1 when the owner cannot
 * be kept (we are not root, it is not ours): then the file must not be
 * replaced.  fchown() first: it clears set-user-ID bits that fchmod() sets.
 */
static int take_mode(int fd, const struct stat *st)
{
	mode_t mask;

	if (!st) {
		mask = umask(0);
		umask(mask);
		return fchmod(fd, 0666 & ~mask) ? -1 : 0;
	}
	if (st->st_uid != geteuid() || st->st_gid != getegid()) {
		if (fchown(fd, st->st_uid, st->st_gid) &&
		    (st->st_uid != geteuid() || fchown(fd, (uid_t)-1, st->st_gid)))
			return 1;
	}
	return fchmod(fd, st->st_mode & 07777) ? -1 : 0;
}

/* A temporary file in @path's directory, with a name short enough for any file name. */
static char *temp_name(const char *path)
{
	char *dir = dir_of(path), *tmp = NULL;
	size_t n;

	if (!dir)
		return NULL;
	n = strlen(dir) + sizeof("/.mbviz-XXXXXX");
	tmp = malloc(n);
	if (tmp)
		snprintf(tmp, n, "%s/.mbviz-XXXXXX", dir);
	free(dir);
	return tmp;
}

/* What is at @path now: *@exists, and 0 or -1 (refused, @err set). */
static int examine(const char **path, char **real, struct stat *st, bool *exists, char *err,
		   int errlen)
{
	struct stat lst;

	*exists = !stat(*path, st);
	if (!*exists)
		return 0;
	if (S_ISDIR(st->st_mode)) {
		errno = EISDIR;
		fail(err, errlen, *path, "cannot replace");
		return -1;
	}
	if (!S_ISREG(st->st_mode))
		return 0;
	if (!lstat(*path, &lst) && S_ISLNK(lst.st_mode)) {
		/* Through a symbolic link: replace the file it names, if we may. */
		if (may_follow(*path, err, errlen))
			return -1;
		*real = resolve_link(*path, st, err, errlen);
		if (!*real)
			return -1;
		*path = *real;
	}
	/* Replacing needs only the directory's permission; writing, the file's. */
	if (faccessat(AT_FDCWD, *path, W_OK, AT_EACCESS)) {
		fail(err, errlen, *path, "cannot replace");
		return -1;
	}
	return 0;
}

int atomic_write_file(const char *path, const void *data, size_t len, char *err, int errlen)
{
	char *real = NULL, *tmp = NULL;
	struct stat st;
	bool exists;
	int fd = -1, ret = -1, kept;

	if (examine(&path, &real, &st, &exists, err, errlen))
		goto out;
	if (exists && !S_ISREG(st.st_mode)) {
		ret = write_in_place(path, 0, data, len, err, errlen);
		goto out;
	}
	tmp = temp_name(path);
	if (!tmp) {
		snprintf(err, errlen, "%s: out of memory", path);
		goto out;
	}
	fd = mkstemp(tmp);
	if (fd < 0) {
		fail(err, errlen, path, "cannot create a temporary file");
		goto out;
	}
	kept = take_mode(fd, exists ? &st : NULL);
	if (kept == 1) {
		/* Renaming would take the file from its owner: write into it instead. */
		close(fd);
		fd = -1;
		unlink(tmp);
		ret = write_in_place(path, O_TRUNC, data, len, err, errlen);
		goto out;
	}
	if (kept || write_all(fd, data, len) || fsync(fd)) {
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
	ret = 0;
	goto out;
undo:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
out:
	free(tmp);
	free(real);
	return ret;
}
