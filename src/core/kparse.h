/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * How the kernel reads a number with a size suffix and what it calls
 * white space, for the two readers of 6.12's "reserve_mem=" text: the
 * model's own handler (model/memblock_reserve_mem.c) and the kernel shim,
 * whose memparse() and isspace() a real 6.12 mm/memblock.c calls
 * (kernel/shim/kshim.c).  Header-only, plain C and no includes: the shim
 * is compiled against a kernel tree, outside libmbviz, and finds this
 * file as <mbviz/kparse.h> (tools/mbviz-build-engine; installed beside
 * kshim.c).
 *
 * The behaviour is the kernel's (lib/cmdline.c memparse, lib/vsprintf.c
 * simple_strtoull with base 0, lib/kstrtox.c, lib/ctype.c), which is not
 * the C library's:
 *   - the base is 16 after "0x" or "0X" followed by a hex digit, 8 after
 *     any other leading 0, else 10;
 *   - there is no sign and no leading white space;
 *   - the digits run until one is not a digit of the base, and an
 *     overflow wraps silently;
 *   - then at most one suffix letter, K M G T P or E in either case, each
 *     a further factor of 1024 (K: 2^10 ... E: 2^60);
 *   - white space is the bytes 9 to 13, the space and 0xa0 (Latin-1's
 *     no-break space), whatever the locale.
 */
#ifndef MBVIZ_KPARSE_H
#define MBVIZ_KPARSE_H

static inline int kparse_isspace(int c)
{
	unsigned char u = (unsigned char)c;

	return u == ' ' || u == 0xa0 || (u >= '\t' && u <= '\r');
}

/* @c's value as a digit of any base up to 16, or 16 when it is none. */
static inline unsigned int kparse_digit(unsigned char c)
{
	unsigned char lower = c | 0x20;

	if (c >= '0' && c <= '9')
		return c - '0';
	if (lower >= 'a' && lower <= 'f')
		return lower - 'a' + 10u;
	return 16;
}

/* How many times a suffix letter multiplies by 1024 (0: @c is no suffix). */
static inline unsigned int kparse_suffix_shifts(char c)
{
	static const char letters[] = "KMGTPE";
	unsigned int i;

	for (i = 0; letters[i]; i++)
		if (c == letters[i] || c == (letters[i] | 0x20))
			return i + 1;
	return 0;
}

/* A size as memparse() reads it from @s; *@end is where reading stopped. */
static inline unsigned long long kparse_memparse(const char *s, const char **end)
{
	unsigned long long value = 0;
	unsigned int base = 10, digit, shifts;

	if (s[0] == '0') {
		base = 8;
		if ((s[1] | 0x20) == 'x' && kparse_digit((unsigned char)s[2]) < 16) {
			base = 16;
			s += 2;
		}
	}
	for (; (digit = kparse_digit((unsigned char)*s)) < base; s++)
		value = value * base + digit;
	shifts = kparse_suffix_shifts(*s);
	if (shifts) {
		value <<= 10 * shifts;
		s++;
	}
	*end = s;
	return value;
}

#endif
