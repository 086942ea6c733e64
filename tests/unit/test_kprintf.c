// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The kernel's printf subset (core/kprintf.c): where it differs from the C
 * library ('#' always writes "0x", %pa, %pS) and the conversions memblock's
 * messages use, each with flags, width, precision and length.
 */
#include <stdarg.h>
#include <stdint.h>

#include "core/kprintf.h"
#include "tap.h"

static char buf[128];

static __attribute__((format(printf, 2, 3)))
int kfmt(int phys_bytes, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kernel_vsnprintf(buf, sizeof(buf), phys_bytes, fmt, ap);
	va_end(ap);
	return n;
}

/* For %pa, %pS and the like, which the C library's format checks do not know. */
static int kraw(char *out, int size, int phys_bytes, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = kernel_vsnprintf(out, size, phys_bytes, fmt, ap);
	va_end(ap);
	return n;
}

int main(void)
{
	uint64_t phys = 0x1fff000;
	char small[8];
	int n;

	plan(16);
	kfmt(8, "%#x %#llx %#o", 0, 0x1000ULL, 8);
	is_str(buf, "0x0 0x1000 010", "'#' writes the prefix even for zero");
	kfmt(8, "[%#010lx] [%-#8x] [%#8x]", 0x1fUL, 0xab, 0xab);
	is_str(buf, "[0x0000001f] [0xab    ] [    0xab]", "the width counts the prefix");
	kfmt(8, "%d %i %+d % d %05d %-5d|", -12, 7, 3, 3, -42, 9);
	is_str(buf, "-12 7 +3  3 -0042 9    |", "signed: sign, plus, space, zero pad, left");
	kfmt(8, "%hhd %hd %ld %lld %zu", 300, 70000, -1L, -1LL, (size_t)5);
	is_str(buf, "44 4464 -1 -1 5", "length modifiers: char, short, long, long long, size_t");
	kfmt(8, "%u %lu %X %o", 4000000000U, 1UL << 40, 0xbeefU, 8U);
	is_str(buf, "4000000000 1099511627776 BEEF 10", "unsigned, upper-case hex, octal");
	kfmt(8, "%.3d %.0d|", 5, 0);
	is_str(buf, "005 |", "precision pads digits; zero with precision 0 prints nothing");
	kfmt(8, "%*d|%-*d|%.*s", 4, 1, 3, 2, 2, "abc");
	is_str(buf, "   1|2  |ab", "width and precision from arguments");
	kfmt(8, "%*d|", -4, 1);
	is_str(buf, "1   |", "a negative width argument means left-aligned");
	kraw(buf, sizeof(buf), 8, "[%5s] [%-5s] [%.2s] [%s]", "ab", "ab", "abc", (const char *)NULL);
	is_str(buf, "[   ab] [ab   ] [ab] [(null)]", "strings: width, left, precision, NULL");
	kraw(buf, sizeof(buf), 8, "%c%c %% %y", 'o', 'k');
	is_str(buf, "ok % %y", "characters, a percent sign, an unknown conversion kept");
	kraw(buf, sizeof(buf), 8, "[%pa]", &phys);
	is_str(buf, "[0x0000000001fff000]", "%%pa: zero-padded to a 64-bit phys_addr_t");
	kraw(buf, sizeof(buf), 4, "[%pa]", &phys);
	is_str(buf, "[0x01fff000]", "%%pa: to a 32-bit phys_addr_t");
	kraw(buf, sizeof(buf), 8, "%pS+%pap", "memblock_reserve", &phys);
	is_str(buf, "memblock_reserve+0x0000000001fff000", "%%pS prints the name; %%pap as %%pa");
	kraw(buf, sizeof(buf), 8, "%pS", (const char *)NULL);
	is_str(buf, "0x0", "%%pS without a name");
	n = kraw(small, sizeof(small), 8, "%s", "0123456789");
	ok(n == 10 && !strcmp(small, "0123456"), "truncates, NUL-terminated; returns the full length");
	is_int(kfmt(8, "%x", 0xffffffffU), 8, "and the length of a number");
	return done_testing();
}
