// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The check before the parse (json_pos.h): a scenario file is UTF-8 text,
 * with no NUL byte and no invalid sequence, a byte-order mark allowed.
 * It reads the text once, eight ASCII bytes at a time while they last.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "json_pos.h"

static __attribute__((format(printf, 5, 6)))
int fail_at(const char *buf, size_t len, struct json_error *e, size_t off, const char *fmt, ...)
{
	va_list ap;

	e->off = off;
	json_line_col(buf, len, off, &e->line, &e->col);
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

/* Whether the 8 bytes at @p are all ASCII and none is NUL. */
static bool ascii8(const unsigned char *p)
{
	const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
	uint64_t v;

	memcpy(&v, p, sizeof(v));
	return !(v & high) && !((v - ones) & ~v & high);
}

int json_check_text(const char *buf, size_t len, struct json_error *e)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = json_bom_len(buf, len);

	while (i < len) {
		unsigned char b = s[i];
		unsigned char lo = 0x80, hi = 0xbf;
		int n, k;

		if (b == 0)
			return fail_at(buf, len, e, i, "binary file: NUL byte, expected UTF-8 text");
		if (b < 0x80) {
			i++;
			/* Eight ASCII bytes at a time, none of them NUL, while they last. */
			while (i + 8 <= len && ascii8(s + i))
				i += 8;
			continue;
		}
		if (b >= 0xc2 && b <= 0xdf) {
			n = 1;
		} else if (b >= 0xe0 && b <= 0xef) {
			n = 2;
			if (b == 0xe0)
				lo = 0xa0;	/* overlong */
			if (b == 0xed)
				hi = 0x9f;	/* UTF-16 surrogates */
		} else if (b >= 0xf0 && b <= 0xf4) {
			n = 3;
			if (b == 0xf0)
				lo = 0x90;	/* overlong */
			if (b == 0xf4)
				hi = 0x8f;	/* above U+10FFFF */
		} else {
			return fail_at(buf, len, e, i, "binary file: invalid UTF-8 byte 0x%02x", b);
		}
		for (k = 1; k <= n; k++) {
			unsigned char x = i + k < len ? s[i + k] : 0;

			if (x < (k == 1 ? lo : 0x80) || x > (k == 1 ? hi : 0xbf))
				return fail_at(buf, len, e, i, "binary file: invalid UTF-8 sequence "
					       "starting with byte 0x%02x", b);
		}
		i += n + 1;
	}
	return 0;
}
