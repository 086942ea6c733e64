// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How long `mbviz check` takes on memblock_free_all() over terabytes: a
 * 2-node machine with deferred struct page init, some reservations and a
 * hole, whose memblock_free_all() and page_alloc_init_late() run on
 * 2 x 8 TiB (2^32 pages, 2^22 max-order blocks) and then on 2 x 8 GiB, for
 * the ratio.  The model hands whole max-order blocks over a run of alike
 * blocks at a time, so the time should not grow with the memory size.
 * Run by `make bench`; never part of `make check`.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "bench/check_time.h"
#include "bench/util.h"
#include "cmd/commands.h"

/* Two nodes of @node bytes each, with a 1 GiB hole at 3 GiB and @unit-sized reservations. */
static void write_scenario(const char *path, const char *node, const char *unit)
{
	FILE *f = fopen(path, "w");

	if (!f) {
		perror(path);
		exit(1);
	}
	fprintf(f, "{ \"scenario\": 1, \"name\": \"bench-free-all\", \"title\": \"memblock_free_all on large memory\",\n"
		"  \"machine\": { \"numa\": true, \"deferred_struct_page_init\": true },\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add_node\", \"base\": \"1M\", \"size\": \"3G - 1M\", \"nid\": 0 },\n"
		"    { \"op\": \"memblock_add_node\", \"base\": \"4G\", \"size\": \"%s - 4G\", \"nid\": 0 },\n"
		"    { \"op\": \"memblock_add_node\", \"base\": \"%s\", \"size\": \"%s\", \"nid\": 1 },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": \"16M\", \"size\": \"%s\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": \"%s + 12345 * 4K\", \"size\": \"%s\" },\n"
		"    { \"op\": \"memblock_free_all\" },\n"
		"    { \"op\": \"page_alloc_init_late\" }\n"
		"  ]\n}\n", node, node, node, unit, node, unit);
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

	if (rc != 0) {
		fprintf(stderr, "bench_free_all: %s does not check (status %d)\n", path, rc);
		exit(1);
	}
	return t;
}

int main(void)
{
	char path[] = "/tmp/mbviz-bench-free-all.XXXXXX";
	int fd = mkstemp(path);
	double big, small;

	if (fd < 0) {
		perror("mkstemp");
		return 1;
	}
	close(fd);
	write_scenario(path, "8T", "64G");
	big = time_check(path);
	write_scenario(path, "8G", "64M");
	small = time_check(path);
	printf("free_all + init_late 2 x 8 TiB: %8.5f s   2 x 8 GiB: %8.5f s   ratio %.2f\n",
	       big, small, small > 0 ? big / small : 0);
	if (!getenv("MBVIZ_BENCH_KEEP"))
		unlink(path);
	else
		fprintf(stderr, "kept %s\n", path);
	return 0;
}
