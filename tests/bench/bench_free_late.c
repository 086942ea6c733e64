// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How long `mbviz check` takes on hand-overs of large ranges: a 2-node
 * machine with 176 GiB of memory and deferred struct page init, whose
 * memblock_free_all() is followed by ten memblock_free_late() calls of
 * 16 GiB each (both free_late modes: the pages dropped in the deferred
 * range, and released with the hazard walk of 115d9d77bb).  The model
 * works these out per run of alike pages, so the time should not grow with
 * the size of the ranges: the same scenario is also timed with 16 MiB
 * frees, for the ratio.  Run by `make bench`; never part of `make check`.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "cmd/commands.h"
#include "bench/check_time.h"
#include "bench/util.h"

static void write_scenario(const char *path, const char *mode, unsigned long long size)
{
	FILE *f = fopen(path, "w");
	int i;

	if (!f) {
		perror(path);
		exit(1);
	}
	fprintf(f, "{ \"scenario\": 1, \"name\": \"bench-free-late\", \"title\": \"ten large late frees\",\n"
		"  \"machine\": { \"numa\": true, \"deferred_struct_page_init\": true, \"free_late\": \"%s\" },\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add_node\", \"base\": \"1M\", \"size\": \"96G - 1M\", \"nid\": 0 },\n"
		"    { \"op\": \"memblock_add_node\", \"base\": \"96G\", \"size\": \"80G\", \"nid\": 1 },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": \"16M\", \"size\": \"160G\" },\n"
		"    { \"op\": \"memblock_free_all\" }", mode);
	for (i = 0; i < 10; i++)
		fprintf(f, ",\n    { \"op\": \"memblock_free_late\", \"base\": \"16M + %d * 16G\", \"size\": \"%llu\" }",
			i, size);
	fprintf(f, "\n  ]\n}\n");
	if (fclose(f)) {
		perror(path);
		exit(1);
	}
}

/* One timing: the fastest of BENCH_CHECK_REPEAT checks of @path. */
static double time_check(char *path)
{
	int rc;
	double t = bench_check_best(path, &rc);

	if (rc == 2) {
		fprintf(stderr, "bench_free_late: %s does not load\n", path);
		exit(1);
	}
	return t;
}

int main(void)
{
	static const char *modes[] = { "skip-deferred", "release-always" };
	char path[] = "/tmp/mbviz-bench-free-late.XXXXXX";
	int fd = mkstemp(path), i;

	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);
	for (i = 0; i < 2; i++) {
		double big, small;

		write_scenario(path, modes[i], 16ULL << 30);
		big = time_check(path);
		write_scenario(path, modes[i], 16ULL << 20);
		small = time_check(path);
		printf("free_late %-14s 10 x 16 GiB: %8.5f s   10 x 16 MiB: %8.5f s   ratio %.2f\n",
		       modes[i], big, small, small > 0 ? big / small : 0);
	}
	if (!getenv("MBVIZ_BENCH_KEEP"))
		unlink(path);
	else
		fprintf(stderr, "kept %s\n", path);
	return 0;
}
