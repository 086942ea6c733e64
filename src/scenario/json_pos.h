/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where every JSON value of a scenario file is: cJSON builds the tree but
 * keeps no positions, so this strict scanner walks the text first.  It
 * refuses what RFC 8259 refuses (cJSON accepts leading zeros, "-.5", raw
 * control characters in strings and bad \u escapes), bounds the nesting
 * depth and the number of values, and records the line and column of each
 * value and of its key in document order, which is the pre-order of
 * cJSON's tree.
 */
#ifndef MBVIZ_JSON_POS_H
#define MBVIZ_JSON_POS_H

#include <stddef.h>
#include <stdint.h>

#define JSON_NO_KEY	UINT32_MAX

struct json_pos {
	uint32_t	off, end;	/* the value's bytes [off, end) */
	uint32_t	key_off;	/* opening quote of its key, or JSON_NO_KEY */
	int		line, col;	/* 1-based, columns in characters */
	int		key_line, key_col;
};

struct json_scan {
	struct json_pos	*vals;		/* in document order */
	size_t		nr, alloc;
};

struct json_error {
	size_t		off;
	int		line, col;
	char		msg[200];
};

/*
 * Refuse what is not UTF-8 text: NUL bytes and invalid sequences.  A
 * leading byte-order mark is allowed.  Returns 0, or -1 with @e filled.
 */
int json_check_text(const char *buf, size_t len, struct json_error *e);

/*
 * Scan @buf[0..len) as exactly one JSON value with at most @max_depth
 * levels of arrays and objects and at most @max_values values.  Returns 0
 * with @out filled, or -1 with @e filled (and @out emptied).
 */
int json_scan(const char *buf, size_t len, int max_depth, size_t max_values,
	      struct json_scan *out, struct json_error *e);
void json_scan_free(struct json_scan *s);

/* Line and column of byte @off, counted from the start of @buf. */
void json_line_col(const char *buf, size_t len, size_t off, int *line, int *col);

/*
 * Line and column of the source character that produces byte @index of
 * the decoded string value at @p (escapes taken into account).
 */
void json_string_pos(const char *buf, const struct json_pos *p, size_t index, int *line,
		     int *col);

/* Length of a leading UTF-8 byte-order mark (3), or 0. */
size_t json_bom_len(const char *buf, size_t len);

#endif
