// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * core/kparse.h, the kernel's memparse() and white space that the model's
 * reserve_mem= and the kernel shim share: every rule of the kernel's
 * reader (lib/cmdline.c, lib/vsprintf.c, lib/kstrtox.c, lib/ctype.c of
 * Linux 6.12) where it differs from the C library's, with where reading
 * stops.
 */
#include "core/kparse.h"
#include "tap.h"

/* memparse(@s): the value, and how many characters it read. */
static void parses(const char *s, unsigned long long want, int want_len)
{
	const char *end;
	unsigned long long got = kparse_memparse(s, &end);

	ok(got == want && end - s == want_len, "memparse(\"%s\") = %#llx, %d read (got %#llx, %d)",
	   s, want, want_len, got, (int)(end - s));
}

int main(void)
{
	plan(26);
	parses("4096", 4096, 4);
	parses("0x1F", 31, 4);
	parses("0X1f", 31, 4);
	parses("017", 15, 3);
	parses("09", 0, 1);		/* octal: 9 is no digit of it */
	parses("0x", 0, 1);		/* no hex digit after 0x: octal 0, stops at x */
	parses("0xg", 0, 1);
	parses("0", 0, 1);
	parses("", 0, 0);
	parses("-1", 0, 0);		/* no sign */
	parses(" 1", 0, 0);		/* no leading space */
	parses("1k", 1024, 2);
	parses("1K", 1024, 2);
	parses("3m", 3ULL << 20, 2);
	parses("2G", 2ULL << 30, 2);
	parses("1t", 1ULL << 40, 2);
	parses("1P", 1ULL << 50, 2);
	parses("1e", 1ULL << 60, 2);
	parses("2Kx", 2048, 2);		/* one suffix, then stop */
	parses("1KM", 1024, 2);
	parses("1Z", 1, 1);		/* not a suffix */
	parses("0x10:", 16, 4);
	parses("0x1ffffffffffffffff", 0xffffffffffffffffULL, 19);	/* wraps */
	parses("16E", 0, 3);		/* 16 << 60 wraps to 0 */
	ok(kparse_isspace(' ') && kparse_isspace('\t') && kparse_isspace('\n') &&
	   kparse_isspace('\v') && kparse_isspace('\f') && kparse_isspace('\r') &&
	   kparse_isspace(0xa0) && kparse_isspace((char)0xa0),
	   "white space: \\t \\n \\v \\f \\r, space and 0xa0 (signed char or not)");
	ok(!kparse_isspace(0) && !kparse_isspace(8) && !kparse_isspace(14) &&
	   !kparse_isspace(0x85) && !kparse_isspace('a') && !kparse_isspace(0x1c),
	   "not white space: NUL, 8, 14, 0x1c, 0x85 (NEL) and a letter");
	return tap_failed != 0;
}
