// SPDX-License-Identifier: GPL-2.0-or-later
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd/cmd_line.h"
#include "fuzz_common.h"

static char scratch[64];

static void remove_scratch(void)
{
	char cmd[96];

	if (!scratch[0])
		return;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", scratch);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", scratch);
}

const char *fuzz_path(const char *name)
{
	/* A few at once: a target may hold its input's and its output's path. */
	static char paths[4][160];
	static int next;
	char *path = paths[next++ % 4];

	if (!scratch[0]) {
		const char *tmp = getenv("TMPDIR");

		/*
		 * Files in memory when there is a tmpfs: every input is written,
		 * and an import's output fsync()ed (atomic_file.c), once an
		 * execution; on a disk's file system that costs more than the
		 * rest of the execution.
		 */
		if (!tmp || !*tmp)
			tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
		snprintf(scratch, sizeof(scratch), "%s/mbviz-fuzz.XXXXXX", tmp);
		if (!mkdtemp(scratch)) {
			perror("fuzz: mkdtemp");
			abort();
		}
		atexit(remove_scratch);
	}
	snprintf(path, sizeof(paths[0]), "%s/%s", scratch, name);
	return path;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	const char *path = fuzz_path(name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	size_t done = 0;

	/*
	 * write(), not stdio: fopen()'s buffer is a malloc() and a free() an
	 * execution, which ASan's allocator makes dear.
	 */
	while (fd >= 0 && done < size) {
		ssize_t n = write(fd, data + done, size - done);

		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (fd < 0 || done < size || close(fd)) {
		perror(path);
		abort();
	}
	return path;
}

void fuzz_quiet(int save[2])
{
	/* Opened once: an open() and a close() less for every command run. */
	static int null = -1;

	/* MBVIZ_FUZZ_VERBOSE=1 shows what the commands print, to debug a target. */
	if (getenv("MBVIZ_FUZZ_VERBOSE")) {
		save[0] = save[1] = -1;
		return;
	}
	if (null < 0)
		null = open("/dev/null", O_WRONLY | O_CLOEXEC);

	fflush(stdout);
	fflush(stderr);
	save[0] = dup(1);
	save[1] = dup(2);
	if (null < 0 || save[0] < 0 || save[1] < 0 || dup2(null, 1) < 0 || dup2(null, 2) < 0)
		abort();
}

void fuzz_loud(const int save[2])
{
	fflush(stdout);
	fflush(stderr);
	clearerr(stdout);
	clearerr(stderr);
	if (save[0] < 0)
		return;
	if (dup2(save[0], 1) < 0 || dup2(save[1], 2) < 0)
		abort();
	close(save[0]);
	close(save[1]);
}

int fuzz_cmd(int (*cmd)(const struct cmd_line *), ...)
{
	const struct command *row;
	struct cmd_line cl;
	char *argv[16];
	int argc = 0, rc, save[2];
	va_list ap;

	va_start(ap, cmd);
	while (argc < 15 && (argv[argc] = va_arg(ap, char *)) != NULL)
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	row = command_find(argv[0]);
	if (!row) {
		fprintf(stderr, "fuzz: no command %s\n", argv[0]);
		abort();
	}
	/* The command line is read as main() reads it: from the command's row. */
	fuzz_quiet(save);
	if (cmd_line_parse(row, argc, argv, &cl, &rc) == 0)
		rc = cmd(&cl);
	cmd_line_free(&cl);
	fuzz_loud(save);
	if (rc < 0 || rc > 2) {
		fprintf(stderr, "fuzz: %s exited %d\n", argv[0], rc);
		abort();
	}
	return rc;
}
