/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A scenario file's JSON, parsed in one pass with the position of every
 * value: a strict parser that refuses what RFC 8259 refuses (cJSON would
 * accept leading zeros, "-.5", raw control characters in strings and bad
 * \u escapes), bounds the nesting depth and the number of values, and
 * builds a tree of cJSON-shaped nodes, each stored with the line and
 * column of its value and of its key.  The tree is read with cJSON's
 * read-only accessors (cJSON_IsString, ->child, ->next, ->valuestring,
 * cJSON_GetObjectItemCaseSensitive ...) and freed with json_doc_free(),
 * never cJSON_Delete().  Numbers keep no decoded value: they are read
 * exactly from their text, [off, end) of their position.
 */
#ifndef MBVIZ_JSON_POS_H
#define MBVIZ_JSON_POS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <cjson/cJSON.h>

#define JSON_NO_KEY	UINT32_MAX

struct json_pos {
	uint32_t	off, end;	/* the value's bytes [off, end) */
	uint32_t	key_off;	/* opening quote of its key, or JSON_NO_KEY
					   (json_line_col() finds its line and column) */
	int		line, col;	/* 1-based, columns in characters */
};

/* A node and where it is: json_node_pos() finds one from the other. */
struct json_node {
	cJSON		j;
	struct json_pos	pos;
};

struct json_chunk;

struct json_doc {
	cJSON			*root;
	size_t			nr;		/* values */
	struct json_chunk	*chunks;	/* the arena of nodes and strings */
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
 * Parse @buf[0..len) as exactly one JSON value with at most @max_depth
 * levels of arrays and objects and at most @max_values values.  Returns 0
 * with @out filled, or -1 with @e filled (and @out emptied).  A string
 * without escapes stays in @buf, its closing quote overwritten by a NUL
 * (no other byte changes); the others are decoded into @out's arena.
 * @buf must outlive the tree.
 */
int json_parse(char *buf, size_t len, int max_depth, size_t max_values,
	       struct json_doc *out, struct json_error *e);

/*
 * Streaming one array of the root object: when a member of the root
 * object whose value is an array begins, @want says whether to stream it
 * (@root holds the members before it).  Then each item, once parsed
 * whole, is handed to @item and freed before the next is parsed: the
 * array stays empty in the tree, and the memory of the parse is the tree
 * without that array plus one item.  Syntax errors are found,
 * and reported at the same places, as by json_parse().
 */
struct json_stream {
	bool	(*want)(void *ctx, const cJSON *root, const char *key);
	void	(*item)(void *ctx, const cJSON *item);
	void	*ctx;
};

int json_parse_stream(char *buf, size_t len, int max_depth, size_t max_values,
		      const struct json_stream *stream, struct json_doc *out,
		      struct json_error *e);

/*
 * Give the text back the closing quotes that json_parse() turned into the
 * NULs of its strings (before parsing it again): every NUL, in a text
 * that json_check_text() passed, is one of them.
 */
void json_restore_text(char *buf, size_t len);
void json_doc_free(struct json_doc *d);

/* Where a node of a json_doc is. */
static inline const struct json_pos *json_node_pos(const cJSON *n)
{
	return &((const struct json_node *)((const char *)n -
					    offsetof(struct json_node, j)))->pos;
}

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
