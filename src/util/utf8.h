/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * UTF-8 out: the bytes of one code point, for the renderer's text and the
 * JSON loader's unescaped strings.  Any value is written as its 1 to 4
 * bytes, unchecked: the callers hold code points they decoded themselves.
 */
#ifndef MBVIZ_UTF8_H
#define MBVIZ_UTF8_H

#include <stdint.h>

/* The UTF-8 of @c into @out (room for 4 bytes); returns the bytes written. */
static inline int utf8_encode(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | c >> 6);
		out[1] = (char)(0x80 | (c & 0x3f));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | c >> 12);
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | c >> 18);
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return 4;
}

#endif
