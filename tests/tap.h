/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A tiny TAP producer for the C unit tests: each test program includes
 * this once, calls plan() (or nothing, and done_testing() at the end) and
 * reports with ok()/is_u64()/is_int()/is_str().  Failures print the
 * expected and actual values as TAP diagnostics.  The exit status is the
 * number of failures (capped), so a crash or a wrong count fails too.
 */
#ifndef MBVIZ_TAP_H
#define MBVIZ_TAP_H

#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_run, tap_failed, tap_planned = -1;

static inline void plan(int n)
{
	tap_planned = n;
	printf("1..%d\n", n);
}

static inline __attribute__((format(printf, 2, 0)))
bool tap_report(bool pass, const char *fmt, va_list ap)
{
	tap_run++;
	if (!pass)
		tap_failed++;
	printf("%s %d - ", pass ? "ok" : "not ok", tap_run);
	vprintf(fmt, ap);
	putchar('\n');
	return pass;
}

static inline __attribute__((format(printf, 2, 3)))
bool ok(bool pass, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	tap_report(pass, fmt, ap);
	va_end(ap);
	return pass;
}

static inline __attribute__((format(printf, 3, 4)))
bool is_u64(uint64_t got, uint64_t want, const char *fmt, ...)
{
	va_list ap;
	bool pass = got == want;

	va_start(ap, fmt);
	tap_report(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:      %#" PRIx64 " (%" PRIu64 ")\n#   expected: %#" PRIx64 " (%" PRIu64 ")\n",
		       got, got, want, want);
	return pass;
}

static inline __attribute__((format(printf, 3, 4)))
bool is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;
	bool pass = got == want;

	va_start(ap, fmt);
	tap_report(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:      %lld\n#   expected: %lld\n", got, want);
	return pass;
}

static inline __attribute__((format(printf, 3, 4)))
bool is_str(const char *got, const char *want, const char *fmt, ...)
{
	va_list ap;
	bool pass = got && want ? strcmp(got, want) == 0 : got == want;

	va_start(ap, fmt);
	tap_report(pass, fmt, ap);
	va_end(ap);
	if (!pass)
		printf("#   got:      \"%s\"\n#   expected: \"%s\"\n", got ? got : "(null)",
		       want ? want : "(null)");
	return pass;
}

static inline __attribute__((format(printf, 1, 2)))
void diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* Print the plan if none was given, and return the exit status for main(). */
static inline int done_testing(void)
{
	if (tap_planned < 0)
		printf("1..%d\n", tap_run);
	else if (tap_planned != tap_run)
		printf("# planned %d tests but ran %d\n", tap_planned, tap_run);
	fflush(stdout);
	if (tap_planned >= 0 && tap_planned != tap_run)
		return 255;
	return tap_failed > 254 ? 254 : tap_failed;
}

#endif
