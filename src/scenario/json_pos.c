// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The strict JSON parser behind the loader: one pass over the text that
 * validates it, records the line and column of every value and key, and
 * builds cJSON-shaped nodes in an arena, each with its position next to
 * it (struct json_node).  The loader reads the tree through cJSON's
 * read-only accessors; nothing is parsed twice and no node is looked up.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "json_pos.h"
#include "util/hugepages.h"
#include "util/utf8.h"
#include "util/xalloc.h"

struct cursor {
	const unsigned char	*s;
	char			*text;		/* the same, where strings end in place */
	size_t			len, i;
	int			line, col;
	int			max_depth;
	size_t			max_values;
	struct json_doc		*out;
	struct json_error	*e;
	const struct json_stream *stream;	/* NULL: build the whole tree */
	cJSON			*root;
	struct json_chunk	*scratch;	/* the arena of one streamed item */
};

/* Arena chunks: nodes and decoded strings, freed all at once. */
struct json_chunk {
	struct json_chunk	*next;
	size_t			used, size;
	max_align_t		data[];
};

/*
 * The first chunk is small (a small scenario needs a few KiB, and the
 * steps of a large one are streamed: one step's nodes at a time), each
 * next one twice the last, up to 32 MiB.
 */
#define CHUNK_MIN	(4u << 10)
#define CHUNK_MAX	(32u << 20)

static void *arena_new_chunk(struct json_doc *d, size_t n)
{
	struct json_chunk *ch = d->chunks;
	size_t size = ch ? (ch->size < CHUNK_MAX ? 2 * ch->size : CHUNK_MAX) : CHUNK_MIN;

	if (size < n)
		size = n;
	ch = xrealloc(NULL, sizeof(*ch) + size);
	hugepages_advise(ch, sizeof(*ch) + size);
	ch->next = d->chunks;
	ch->used = n;
	ch->size = size;
	d->chunks = ch;
	return ch->data;
}

static inline void *arena_alloc(struct json_doc *d, size_t n)
{
	struct json_chunk *ch = d->chunks;
	void *p;

	n = (n + 7) & ~(size_t)7;
	if (!ch || ch->size - ch->used < n)
		return arena_new_chunk(d, n);
	p = (char *)ch->data + ch->used;
	ch->used += n;
	return p;
}

size_t json_bom_len(const char *buf, size_t len)
{
	return len >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
}

/* Columns count characters: only a UTF-8 lead byte starts a new one. */
static void step(struct cursor *c)
{
	unsigned char b = c->s[c->i++];

	if (b == '\n') {
		c->line++;
		c->col = 1;
	} else if ((b & 0xc0) != 0x80) {
		c->col++;
	}
}

static int peek(const struct cursor *c)
{
	return c->i < c->len ? c->s[c->i] : -1;
}

void json_line_col(const char *buf, size_t len, size_t off, int *line, int *col)
{
	struct cursor c = { .s = (const unsigned char *)buf, .len = len, .line = 1, .col = 1 };

	c.i = json_bom_len(buf, len);
	while (c.i < off && c.i < len)
		step(&c);
	*line = c.line;
	*col = c.col;
}

static __attribute__((format(printf, 3, 4)))
int fail_at(struct cursor *c, size_t off, const char *fmt, ...)
{
	va_list ap;

	c->e->off = off;
	json_line_col((const char *)c->s, c->len, off, &c->e->line, &c->e->col);
	va_start(ap, fmt);
	vsnprintf(c->e->msg, sizeof(c->e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

static bool is_token_char(int b)
{
	return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ||
	       b == '_' || b == '.' || b == '+' || b == '-';
}

/* What the scanner found at @off, for "got ..." in messages. */
static void got(const struct cursor *c, size_t off, char *buf, int len)
{
	const unsigned char *s = c->s;
	size_t n = 1;

	if (off >= c->len) {
		snprintf(buf, len, "end of file");
		return;
	}
	if (s[off] < 0x20 || s[off] == 0x7f) {
		snprintf(buf, len, "U+%04X", s[off]);
		return;
	}
	if (s[off] == '"') {
		snprintf(buf, len, "a string");
		return;
	}
	if (s[off] == '\'') {
		snprintf(buf, len, "\"'\"");
		return;
	}
	if (s[off] >= 0x80) {
		while (off + n < c->len && (s[off + n] & 0xc0) == 0x80)
			n++;
	} else if (is_token_char(s[off])) {
		while (off + n < c->len && n < 24 && is_token_char(s[off + n]))
			n++;
	}
	snprintf(buf, len, "'%.*s'", (int)n, (const char *)s + off);
}

/* As step() would, byte by byte, with the cursor in registers. */
static void skip_ws_run(struct cursor *c)
{
	const unsigned char *s = c->s;
	size_t i = c->i, len = c->len;
	int col = c->col;

	for (; i < len; i++) {
		if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			col++;
		} else if (s[i] == '\n') {
			c->line++;
			col = 1;
		} else {
			break;
		}
	}
	c->i = i;
	c->col = col;
}

/* Most tokens have no space before them, or one. */
static inline void skip_ws(struct cursor *c)
{
	if (c->i < c->len && c->s[c->i] == ' ') {
		c->i++;
		c->col++;
	}
	if (c->i < c->len && c->s[c->i] <= ' ')
		skip_ws_run(c);
}

static int hex4(const unsigned char *s, size_t avail, unsigned int *out)
{
	unsigned int v = 0;
	int i;

	if (avail < 4)
		return -1;
	for (i = 0; i < 4; i++) {
		unsigned char h = s[i];

		v <<= 4;
		if (h >= '0' && h <= '9')
			v |= h - '0';
		else if ((h | 0x20) >= 'a' && (h | 0x20) <= 'f')
			v |= (h | 0x20) - 'a' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* A \u escape at c->i (the backslash): validate it, surrogate pairs included. */
static int scan_u_escape(struct cursor *c)
{
	size_t at = c->i;
	unsigned int u, lo;
	int k;

	if (hex4(c->s + at + 2, c->len - at - 2, &u))
		return fail_at(c, at, "invalid \\u escape: expected 4 hex digits");
	if (u == 0)
		return fail_at(c, at, "\\u0000 is not allowed in a string");
	if (u >= 0xdc00 && u <= 0xdfff)
		return fail_at(c, at, "invalid \\u escape: unpaired low surrogate \\u%04X", u);
	if (u >= 0xd800 && u <= 0xdbff) {
		if (c->len - at < 12 || c->s[at + 6] != '\\' || c->s[at + 7] != 'u' ||
		    hex4(c->s + at + 8, c->len - at - 8, &lo) || lo < 0xdc00 || lo > 0xdfff)
			return fail_at(c, at, "invalid \\u escape: high surrogate \\u%04X without "
				       "a low surrogate", u);
		for (k = 0; k < 6; k++)
			step(c);
	}
	for (k = 0; k < 6; k++)
		step(c);
	return 0;
}

/*
 * The value of the string whose quotes are at @open and @close, which
 * scan_string() validated, NUL-terminated in the arena.  An escape never
 * decodes to more bytes than it takes in the text.
 */
static char *decode_string(struct cursor *c, size_t open, size_t close)
{
	const unsigned char *s = c->s;
	char *out = arena_alloc(c->out, close - open), *d = out;
	size_t i = open + 1;
	unsigned int u, lo;

	while (i < close) {
		const unsigned char *run = s + i;

		while (i < close && s[i] != '\\')
			i++;
		memcpy(d, run, s + i - run);
		d += s + i - run;
		if (i >= close)
			break;
		switch (s[i + 1]) {
		case 'b': *d++ = '\b'; break;
		case 'f': *d++ = '\f'; break;
		case 'n': *d++ = '\n'; break;
		case 'r': *d++ = '\r'; break;
		case 't': *d++ = '\t'; break;
		case 'u':
			hex4(s + i + 2, 4, &u);
			if (u >= 0xd800 && u <= 0xdbff) {
				hex4(s + i + 8, 4, &lo);
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
				i += 6;
			}
			d += utf8_encode(d, u);
			i += 4;
			break;
		default: *d++ = (char)s[i + 1]; break;	/* " \\ / */
		}
		i += 2;
	}
	*d = '\0';
	return out;
}

/*
 * Skip the bytes of a string that need no look: no quote, backslash or
 * control character (so no line break: only the column moves, by
 * characters, as step() counts it).
 */
static void plain_run(struct cursor *c)
{
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	const unsigned char *s = c->s;
	size_t i = c->i, len = c->len;
	int col = c->col;
	uint64_t v, q, b;

	/*
	 * Eight ASCII bytes at a time while none is a quote, a backslash or
	 * below 0x20 (a byte is zero in v ^ q exactly where v has a quote;
	 * the test may also flag a byte after a real one, never a word
	 * without one).  The rest, one byte at a time.
	 */
	while (i + 8 <= len) {
		memcpy(&v, s + i, sizeof(v));
		q = v ^ (ones * '"');
		b = v ^ (ones * '\\');
		if ((v & high) || ((q - ones) & ~q & high) || ((b - ones) & ~b & high) ||
		    ((v - ones * 0x20) & ~v & high))
			break;
		i += 8;
		col += 8;
	}
	while (i < len) {
		unsigned char x = s[i];

		if (x == '"' || x == '\\' || x < 0x20)
			break;
		col += (x & 0xc0) != 0x80;
		i++;
	}
	c->i = i;
	c->col = col;
}

/*
 * A string at c->i; its decoded value in *@value unless @value is NULL.
 * A string without escapes is its own text: its closing quote becomes
 * the NUL that ends it, and the text keeps every other byte.
 */
static int scan_string(struct cursor *c, char **value)
{
	size_t open = c->i, i = open + 1;
	bool escaped = false;
	int b;

	/* Most strings are short ASCII without escapes: one tight loop. */
	while (i < c->len && c->s[i] >= 0x20 && c->s[i] < 0x80 && c->s[i] != '"' &&
	       c->s[i] != '\\')
		i++;
	if (i < c->len && c->s[i] == '"') {
		c->col += (int)(i + 1 - open);
		c->i = i + 1;
		if (value) {
			c->text[i] = '\0';
			*value = c->text + open + 1;
		}
		return 0;
	}
	step(c);
	for (;;) {
		plain_run(c);
		b = peek(c);
		if (b < 0)
			return fail_at(c, open, "unterminated string: the file ends before its "
				       "closing quote");
		if (b == '"') {
			step(c);
			if (value && escaped) {
				*value = decode_string(c, open, c->i - 1);
			} else if (value) {
				c->text[c->i - 1] = '\0';
				*value = c->text + open + 1;
			}
			return 0;
		}
		if (b < 0x20) {
			if (b == '\n')
				return fail_at(c, c->i, "line break in a string: a string must "
					       "end on its line (write \\n for a newline)");
			return fail_at(c, c->i, "control character U+%04X in a string "
				       "(escape it)", b);
		}
		if (b != '\\') {
			step(c);
			continue;
		}
		escaped = true;
		b = c->i + 1 < c->len ? c->s[c->i + 1] : -1;
		if (b == 'u') {
			if (scan_u_escape(c))
				return -1;
			continue;
		}
		if (b < 0 || !strchr("\"\\/bfnrt", b))
			return fail_at(c, c->i, "invalid escape '\\%c' in a string",
				       b >= 0x20 && b < 0x7f ? b : '?');
		step(c);
		step(c);
	}
}

static bool is_digit(int b)
{
	return b >= '0' && b <= '9';
}

static bool is_word(int b)
{
	return (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z') ||
	       b == '_' || b == '.';
}

static int scan_number(struct cursor *c)
{
	size_t start = c->i, n;

	if (peek(c) == '-')
		step(c);
	if (!is_digit(peek(c)))
		return fail_at(c, start, "invalid number: expected a digit after '-'");
	if (peek(c) == '0' && c->i + 1 < c->len && is_digit(c->s[c->i + 1]))
		return fail_at(c, start, "invalid number: leading zeros are not allowed in JSON");
	while (is_digit(peek(c)))
		step(c);
	if (peek(c) == '.') {
		step(c);
		if (!is_digit(peek(c)))
			return fail_at(c, start, "invalid number: expected a digit after '.'");
		while (is_digit(peek(c)))
			step(c);
	}
	if (peek(c) == 'e' || peek(c) == 'E') {
		step(c);
		if (peek(c) == '+' || peek(c) == '-')
			step(c);
		if (!is_digit(peek(c)))
			return fail_at(c, start, "invalid number: expected a digit in the exponent");
		while (is_digit(peek(c)))
			step(c);
	}
	if (is_word(peek(c))) {
		for (n = c->i; n < c->len && is_word(c->s[n]) && n - start < 40; n++)
			;
		return fail_at(c, start, "invalid number '%.*s': hex numbers, units and "
			       "expressions must be written as a string (\"%.*s\")",
			       (int)(n - start), (const char *)c->s + start,
			       (int)(n - start), (const char *)c->s + start);
	}
	return 0;
}

static int scan_literal(struct cursor *c)
{
	static const char *const words[] = { "true", "false", "null" };
	char g[48];
	int i;

	for (i = 0; i < 3; i++) {
		size_t n = strlen(words[i]);

		if (c->len - c->i >= n && !memcmp(c->s + c->i, words[i], n) &&
		    !is_word(c->i + n < c->len ? c->s[c->i + n] : -1)) {
			while (n--)
				step(c);
			return 0;
		}
	}
	got(c, c->i, g, sizeof(g));
	return fail_at(c, c->i, "invalid JSON: expected a value, got %s%s", g,
		       c->s[c->i] == '\'' ? " (JSON strings use double quotes)" : "");
}

/* Where a member's key is, and its decoded name (NULL for an array item). */
struct key {
	size_t		off;
	char		*name;
};

static int scan_value(struct cursor *c, int depth, const struct key *key, cJSON **out);

/* An object's members or an array's items, after the opening bracket. */
static void free_chunks(struct json_chunk *ch)
{
	struct json_chunk *next;

	for (; ch; ch = next) {
		next = ch->next;
		free(ch);
	}
}

/* Free all chunks of @list but the newest (the largest), emptied; returns the list. */
static struct json_chunk *arena_empty(struct json_chunk *list)
{
	if (!list)
		return NULL;
	free_chunks(list->next);
	list->next = NULL;
	list->used = 0;
	return list;
}

/*
 * An item of a streamed array: parsed into the scratch arena, handed over,
 * and forgotten.
 */
static int scan_streamed_item(struct cursor *c, int depth)
{
	struct json_chunk *tree = c->out->chunks;
	cJSON *item;
	int ret;

	c->out->chunks = c->scratch;
	ret = scan_value(c, depth, NULL, &item);
	if (!ret)
		c->stream->item(c->stream->ctx, item);
	c->scratch = arena_empty(c->out->chunks);
	c->out->chunks = tree;
	return ret;
}

/*
 * The members or items of a container, after its '{' or '['; the items of
 * a @streamed array go one by one to the stream and are not kept.
 */
static int scan_container(struct cursor *c, int depth, bool object, bool streamed,
			  cJSON *parent)
{
	char close = object ? '}' : ']', g[48];
	struct key key = { .off = JSON_NO_KEY };
	bool after_comma = false;
	cJSON *item, *last = NULL;

	skip_ws(c);
	if (peek(c) == close) {
		step(c);
		return 0;
	}
	for (;;) {
		if (object) {
			if (peek(c) != '"') {
				got(c, c->i, g, sizeof(g));
				if (after_comma && peek(c) == '}')
					return fail_at(c, c->i, "invalid JSON: expected a string key "
						       "after ',', got '}' (trailing comma)");
				return fail_at(c, c->i, "invalid JSON: expected a string key%s, "
					       "got %s%s", after_comma ? "" : " or '}'", g,
					       peek(c) == '\'' ? " (JSON strings use double quotes)" :
					       "");
			}
			key.off = c->i;
			if (scan_string(c, &key.name))
				return -1;
			skip_ws(c);
			if (peek(c) != ':') {
				got(c, c->i, g, sizeof(g));
				return fail_at(c, c->i, "invalid JSON: expected ':' after the key, "
					       "got %s", g);
			}
			step(c);
			skip_ws(c);
		} else if (after_comma && peek(c) == ']') {
			return fail_at(c, c->i, "invalid JSON: expected a value after ',', got "
				       "']' (trailing comma)");
		}
		if (streamed) {
			if (scan_streamed_item(c, depth))
				return -1;
		} else {
			if (scan_value(c, depth, object ? &key : NULL, &item))
				return -1;
			/* Linked as cJSON links them: the first item's prev is the last. */
			if (last) {
				last->next = item;
				item->prev = last;
			} else {
				parent->child = item;
			}
			parent->child->prev = item;
			last = item;
		}
		skip_ws(c);
		if (peek(c) == close) {
			step(c);
			return 0;
		}
		if (peek(c) != ',') {
			got(c, c->i, g, sizeof(g));
			return fail_at(c, c->i, "invalid JSON: expected ',' or '%c' after %s, got %s%s",
				       close, object ? "an object member" : "an array item", g,
				       peek(c) == '"' || peek(c) == '{' || peek(c) == '[' ?
				       " (is a ',' missing?)" : "");
		}
		step(c);
		skip_ws(c);
		after_comma = true;
	}
}

static struct json_node *new_node(struct cursor *c, const struct key *key)
{
	struct json_node *n = arena_alloc(c->out, sizeof(*n));

	memset(n, 0, sizeof(*n));
	c->out->nr++;
	n->pos.off = c->i;
	n->pos.line = c->line;
	n->pos.col = c->col;
	n->pos.key_off = JSON_NO_KEY;
	if (key) {
		n->j.string = key->name;
		n->pos.key_off = key->off;
	}
	return n;
}

static int scan_value(struct cursor *c, int depth, const struct key *key, cJSON **out)
{
	struct json_node *n;
	int b = peek(c), ret;
	char g[48];

	if (c->out->nr >= c->max_values)
		return fail_at(c, c->i, "more than %zu JSON values: not a scenario file",
			       c->max_values);
	n = new_node(c, key);
	*out = &n->j;
	if (b == '{' || b == '[') {
		if (depth >= c->max_depth)
			return fail_at(c, c->i, "nesting deeper than %d levels of arrays and "
				       "objects", c->max_depth);
		n->j.type = b == '{' ? cJSON_Object : cJSON_Array;
		if (depth == 0)
			c->root = &n->j;
		step(c);
		ret = scan_container(c, depth + 1, b == '{',
				     b == '[' && depth == 1 && key && c->stream &&
				     c->root->type == cJSON_Object &&
				     c->stream->want(c->stream->ctx, c->root, key->name), &n->j);
	} else if (b == '"') {
		n->j.type = cJSON_String;
		ret = scan_string(c, &n->j.valuestring);
	} else if (b == '-' || is_digit(b)) {
		/* The loader reads numbers exactly from their text (json_pos off..end). */
		n->j.type = cJSON_Number;
		ret = scan_number(c);
	} else if (b >= 'a' && b <= 'z') {
		n->j.type = b == 't' ? cJSON_True : b == 'f' ? cJSON_False : cJSON_NULL;
		ret = scan_literal(c);
	} else {
		got(c, c->i, g, sizeof(g));
		return fail_at(c, c->i, "invalid JSON: expected a value, got %s%s", g,
			       b == '\'' ? " (JSON strings use double quotes)" : "");
	}
	n->pos.end = c->i;
	return ret;
}

int json_parse(char *buf, size_t len, int max_depth, size_t max_values,
	       struct json_doc *out, struct json_error *e)
{
	return json_parse_stream(buf, len, max_depth, max_values, NULL, out, e);
}

int json_parse_stream(char *buf, size_t len, int max_depth, size_t max_values,
		      const struct json_stream *stream, struct json_doc *out,
		      struct json_error *e)
{
	struct cursor c = {
		.s = (const unsigned char *)buf, .text = buf, .len = len, .line = 1, .col = 1,
		.max_depth = max_depth, .max_values = max_values, .out = out, .e = e,
		.stream = stream,
	};
	char g[48];

	memset(out, 0, sizeof(*out));
	c.i = json_bom_len(buf, len);
	skip_ws(&c);
	if (c.i >= len) {
		fail_at(&c, c.i, "no JSON value in the file, expected a scenario object");
		goto fail;
	}
	if (scan_value(&c, 0, NULL, &out->root))
		goto fail;
	skip_ws(&c);
	if (c.i < len) {
		got(&c, c.i, g, sizeof(g));
		fail_at(&c, c.i, "invalid JSON: expected the end of the file after the "
			"top-level value, got %s", g);
		goto fail;
	}
	free_chunks(c.scratch);
	return 0;
fail:
	free_chunks(c.scratch);
	json_doc_free(out);
	return -1;
}

void json_doc_free(struct json_doc *d)
{
	free_chunks(d->chunks);
	memset(d, 0, sizeof(*d));
}

void json_restore_text(char *buf, size_t len)
{
	char *p = buf;

	while ((p = memchr(p, '\0', buf + len - p)))
		*p++ = '"';
}

/* Bytes of UTF-8 that a code point takes. */
static size_t utf8_len(unsigned int u)
{
	return u < 0x80 ? 1 : u < 0x800 ? 2 : u < 0x10000 ? 3 : 4;
}

void json_string_pos(const char *buf, const struct json_pos *p, size_t index, int *line,
		     int *col)
{
	const unsigned char *s = (const unsigned char *)buf;
	size_t i = p->off + 1, out = 0;
	int cl = p->col + 1;
	unsigned int u = 0;

	/* Strings hold no raw line breaks: the whole string is on its first line. */
	while (i < p->end - 1 && out < index) {
		if (s[i] != '\\') {
			if ((s[i] & 0xc0) != 0x80)
				cl++;
			i++;
			out++;
			continue;
		}
		if (s[i + 1] != 'u') {
			i += 2;
			cl += 2;
			out++;
			continue;
		}
		hex4(s + i + 2, 4, &u);
		if (u >= 0xd800 && u <= 0xdbff) {
			i += 12;
			cl += 12;
			out += 4;
		} else {
			i += 6;
			cl += 6;
			out += utf8_len(u);
		}
	}
	*line = p->line;
	*col = cl;
}
