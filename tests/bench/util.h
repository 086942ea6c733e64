/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the benchmarks share: a clock, the process's memory as the kernel
 * counts it (resident now, and its high-water mark), and large scenarios
 * written by tests/bench/gen-scenario.sh into temporary files, so that a
 * figure can be reproduced by hand with the same script.
 */
#ifndef MBVIZ_BENCH_UTIL_H
#define MBVIZ_BENCH_UTIL_H

#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static inline double bench_now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static inline double bench_now_ms(void)
{
	return bench_now_s() * 1e3;
}

/* CPU time of the process (user and system): steadier than the clock on a busy machine. */
static inline double bench_cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static inline int bench_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The median of the @n figures of @v (sorted in place). */
static inline double bench_median(double *v, int n)
{
	qsort(v, n, sizeof(*v), bench_cmp_double);
	return v[n / 2];
}

/* A line "KEY: N kB" of /proc/self/status, in bytes; 0 if absent. */
static inline size_t bench_status_bytes(const char *key)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	size_t klen = strlen(key), kb = 0;

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, key, klen) && line[klen] == ':') {
			kb = strtoull(line + klen + 1, NULL, 10);
			break;
		}
	fclose(f);
	return kb * 1024;
}

/* Resident now, after giving freed heap back to the system. */
static inline size_t bench_rss(void)
{
	malloc_trim(0);
	return bench_status_bytes("VmRSS");
}

/* The high-water mark of the resident set; reset to the current size. */
static inline size_t bench_hwm(void)
{
	return bench_status_bytes("VmHWM");
}

static inline void bench_hwm_reset(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");

	if (f) {
		fputs("5", f);	/* 5: reset the peak resident set size */
		fclose(f);
	}
}

/*
 * Run gen-scenario.sh @kind @n into a new temporary file; returns its
 * name (to unlink and free), or exits.
 */
static inline char *bench_generate(const char *kind, long n)
{
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *name = malloc(strlen(tmp) + 64), cmd[4096];
	int fd;

	if (!name)
		exit(1);
	sprintf(name, "%s/mbviz-bench-XXXXXX", tmp);
	fd = mkstemp(name);
	if (fd < 0) {
		perror("bench: mkstemp");
		exit(1);
	}
	close(fd);
	snprintf(cmd, sizeof(cmd), "sh '%s/tests/bench/gen-scenario.sh' %s %ld >'%s'",
		 MBVIZ_SRCDIR, kind, n, name);
	if (system(cmd)) {
		fprintf(stderr, "bench: %s failed\n", cmd);
		unlink(name);
		exit(1);
	}
	return name;
}

#endif
