// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The loader's building blocks: error messages with positions and JSON
 * paths, object members, and the typed values of the format (addresses
 * and sizes, integers, booleans, strings, flags, node ids).
 *
 * cJSON keeps every number as a double, which cannot hold all 64-bit
 * values; numbers are therefore always read back from their source text,
 * exactly, and a JSON integer above 2^53 (where doubles stop being exact,
 * and other JSON tools silently round) must be written as a string.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scenario_load.h"
#include "util/suggest.h"
#include "util/xalloc.h"

#define JSON_EXACT_MAX	(1ULL << 53)

/* Replace control characters and cut a truncated UTF-8 tail: one clean line. */
static void sanitize(char *s, int len, int written)
{
	int n = written < len ? written : len - 1, k;
	unsigned char *u = (unsigned char *)s;

	for (k = 0; k < n; k++)
		if (u[k] < 0x20 || u[k] == 0x7f)
			u[k] = '?';
	if (written < len)
		return;
	/* Truncated: drop a multi-byte character cut in the middle. */
	k = n;
	while (k > 0 && (u[k - 1] & 0xc0) == 0x80)
		k--;
	if (k > 0 && u[k - 1] >= 0xc0) {
		int need = u[k - 1] >= 0xf0 ? 4 : u[k - 1] >= 0xe0 ? 3 : 2;

		if (n - (k - 1) < need)
			u[k - 1] = '\0';
	}
}

static __attribute__((format(printf, 5, 0)))
int vfail(struct loader *ld, int line, int col, const char *path, const char *fmt,
		 va_list ap)
{
	int n = 0, len = ld->errlen;
	char *e = ld->err;

	if (!e || len <= 0)
		return -1;
	if (line > 0)
		n = snprintf(e, len, "%s:%d:%d: ", ld->file, line, col);
	else
		n = snprintf(e, len, "%s: ", ld->file);
	if (path && *path && n < len)
		n += snprintf(e + n, len - n, "%s: ", path);
	if (n < len)
		n += vsnprintf(e + n, len - n, fmt, ap);
	sanitize(e, len, n);
	return -1;
}

int ld_fail(struct loader *ld, int line, int col, const char *path, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfail(ld, line, col, path, fmt, ap);
	va_end(ap);
	return -1;
}

int ld_err(struct loader *ld, const cJSON *n, const char *path, const char *fmt, ...)
{
	const struct json_pos *p = ld_pos(ld, n);
	va_list ap;

	va_start(ap, fmt);
	vfail(ld, p->line, p->col, path, fmt, ap);
	va_end(ap);
	return -1;
}

int ld_err_key(struct loader *ld, const cJSON *n, const char *path, const char *fmt, ...)
{
	const struct json_pos *p = ld_pos(ld, n);
	int line = p->line, col = p->col;
	va_list ap;

	/* Keys keep only their offset: their line and column are found for messages. */
	if (p->key_off != JSON_NO_KEY)
		json_line_col(ld->buf, ld->len, p->key_off, &line, &col);
	va_start(ap, fmt);
	vfail(ld, line, col, path, fmt, ap);
	va_end(ap);
	return -1;
}

/* @s JSON-escaped and quoted, cut after @max characters, into @buf. */
void ld_quote(char *buf, int len, const char *s, int max)
{
	const unsigned char *u = (const unsigned char *)s;
	int n = 1, chars = 0;

	if (len < 16) {
		snprintf(buf, len, "\"\"");
		return;
	}
	buf[0] = '"';
	for (; *u; u++) {
		/* Decide at a character's first byte, so no character is cut. */
		if ((*u & 0xc0) != 0x80 && (++chars > max || n > len - 12)) {
			n += snprintf(buf + n, len - n, "...");
			break;
		}
		if (*u == '"' || *u == '\\')
			n += snprintf(buf + n, len - n, "\\%c", *u);
		else if (*u < 0x20 || *u == 0x7f)
			n += snprintf(buf + n, len - n, "\\u%04x", *u);
		else
			buf[n++] = *u;
	}
	snprintf(buf + n, len - n, "\"");
}

const char *ld_describe(const struct loader *ld, const cJSON *n, char *buf, int len)
{
	const struct json_pos *p;
	int k;

	if (cJSON_IsString(n)) {
		ld_quote(buf, len, n->valuestring, 40);
	} else if (cJSON_IsNumber(n)) {
		p = ld_pos(ld, n);
		k = p->end > p->off ? (int)(p->end - p->off) : 0;
		if (k > 40)
			snprintf(buf, len, "%.37s...", ld->buf + p->off);
		else
			snprintf(buf, len, "%.*s", k, ld->buf + p->off);
	} else if (cJSON_IsTrue(n)) {
		snprintf(buf, len, "true");
	} else if (cJSON_IsFalse(n)) {
		snprintf(buf, len, "false");
	} else if (cJSON_IsNull(n)) {
		snprintf(buf, len, "null");
	} else if (cJSON_IsArray(n)) {
		snprintf(buf, len, "an array");
	} else {
		snprintf(buf, len, "an object");
	}
	return buf;
}

static bool plain_key(const char *key)
{
	const char *s = key;

	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return false;
	return s - key <= 64;
}

static int put_str(char *buf, int len, int at, const char *s);

/* Quoted keys and long paths are rare: printf for them, plain copies for the rest. */
char *ld_key_path(const char *parent, const char *key)
{
	char q[200], buf[256];
	int at;

	if (!plain_key(key)) {
		ld_quote(q, sizeof(q), key, 40);
		return xasprintf("%s[%s]", parent ? parent : "", q);
	}
	if (!parent || !*parent)
		return xstrdup(key);
	if (strlen(parent) + strlen(key) + 2 > sizeof(buf))
		return xasprintf("%s.%s", parent, key);
	at = put_str(buf, sizeof(buf), 0, parent);
	at = put_str(buf, sizeof(buf), at, ".");
	put_str(buf, sizeof(buf), at, key);
	return xstrdup(buf);
}

char *ld_index_path(const char *parent, int i)
{
	char buf[256];

	if (parent && strlen(parent) + 16 > sizeof(buf))
		return xasprintf("%s[%d]", parent, i);
	ld_index_path_buf(buf, sizeof(buf), parent, i);
	return xstrdup(buf);
}

/* Copy @s to @buf + @at, cut at @len - 1 bytes; returns the new length. */
static int put_str(char *buf, int len, int at, const char *s)
{
	while (*s && at < len - 1)
		buf[at++] = *s++;
	buf[at] = '\0';
	return at;
}

/* The same as ld_index_path and ld_key_path, into @buf, without printf or malloc. */
void ld_index_path_buf(char *buf, int len, const char *parent, int i)
{
	char digits[16], *d = digits + sizeof(digits);
	unsigned int u = i < 0 ? 0u - (unsigned int)i : (unsigned int)i;
	size_t pl = parent ? strlen(parent) : 0;
	int at;

	if (pl + 1 < (size_t)len) {
		if (pl)
			memcpy(buf, parent, pl);
		buf[pl] = '\0';
		at = (int)pl;
	} else {
		at = put_str(buf, len, 0, parent ? parent : "");
	}
	*--d = '\0';
	do
		*--d = (char)('0' + u % 10);
	while (u /= 10);
	if (i < 0)
		*--d = '-';
	at = put_str(buf, len, at, "[");
	at = put_str(buf, len, at, d);
	put_str(buf, len, at, "]");
}

void ld_field_path(char *buf, int len, const char *parent, const char *key)
{
	size_t pl = parent ? strlen(parent) : 0, kl = strlen(key);

	if (!pl || pl + kl + 2 > (size_t)len) {
		ld_key_path_buf(buf, len, parent, key);
		return;
	}
	memcpy(buf, parent, pl);
	buf[pl] = '.';
	memcpy(buf + pl + 1, key, kl + 1);
}

void ld_key_path_buf(char *buf, int len, const char *parent, const char *key)
{
	size_t pl, kl;
	char *heap;
	int at;

	if (!plain_key(key) || !parent || !*parent) {
		heap = ld_key_path(parent, key);
		put_str(buf, len, 0, heap);
		free(heap);
		return;
	}
	pl = strlen(parent);
	kl = strlen(key);
	if (pl + kl + 2 > (size_t)len) {
		at = put_str(buf, len, 0, parent);
		at = put_str(buf, len, at, ".");
		put_str(buf, len, at, key);
		return;
	}
	memcpy(buf, parent, pl);
	buf[pl] = '.';
	memcpy(buf + pl + 1, key, kl + 1);
}

void ld_set_pos(const struct loader *ld, struct src_pos *p, const cJSON *n, const char *path)
{
	const struct json_pos *jp = ld_pos(ld, n);

	p->line = jp->line;
	p->col = jp->col;
	free(p->path);
	p->path = path ? xstrdup(path) : NULL;
}

void ld_free_pos(struct src_pos *p)
{
	free(p->path);
	p->path = NULL;
}

void ld_free_value(struct value *v)
{
	expr_free(v->expr);
	v->expr = NULL;
	ld_free_pos(&v->pos);
}

int ld_members(struct loader *ld, const cJSON *obj, const char *path,
	       const char *const *names, int n, const cJSON **found, const cJSON **unknown)
{
	const cJSON *m;
	char *kp;
	int i, line, col;

	for (i = 0; i < n; i++)
		found[i] = NULL;
	for (m = obj->child; m; m = m->next) {
		const char *key = m->string ? m->string : "";

		if (!strncmp(key, "x-", 2))
			continue;
		/* The first byte first: most names differ there. */
		for (i = 0; i < n && (key[0] != names[i][0] || strcmp(key, names[i])); i++)
			;
		if (i == n) {
			*unknown = m;
			return 1;
		}
		if (found[i]) {
			json_line_col(ld->buf, ld->len, ld_pos(ld, found[i])->key_off, &line, &col);
			kp = ld_key_path(path, key);
			ld_err_key(ld, m, kp, "duplicate key (first at line %d, column %d)",
				   line, col);
			free(kp);
			return -1;
		}
		found[i] = m;
	}
	return 0;
}

/* "a, b or c" */
static void list_names(char *buf, int len, const char *const *names, int n)
{
	int i, k = 0;

	buf[0] = '\0';
	for (i = 0; i < n && k < len; i++)
		k += snprintf(buf + k, len - k, "%s%s", i == 0 ? "" : i == n - 1 ? " or " : ", ",
			      names[i]);
}

int ld_unknown_key(struct loader *ld, const cJSON *member, const char *path,
		   const char *const *names, int n)
{
	const char *best = suggest_list(member->string, names, n);
	char list[512], hint[96] = "";
	char *kp = ld_key_path(path, member->string);

	list_names(list, sizeof(list), names, n);
	if (best)
		snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
	ld_err_key(ld, member, kp, "unknown key%s; expected %s (or an x- key, which is "
		   "ignored)", hint, list);
	free(kp);
	return -1;
}

int ld_object(struct loader *ld, const cJSON *obj, const char *path,
	      const char *const *names, int n, const cJSON **found)
{
	const cJSON *unknown = NULL;
	char got[96];
	int ret;

	if (!cJSON_IsObject(obj))
		return ld_err(ld, obj, path, "expected an object, got %s",
			      ld_describe(ld, obj, got, sizeof(got)));
	ret = ld_members(ld, obj, path, names, n, found, &unknown);
	if (ret > 0)
		return ld_unknown_key(ld, unknown, path, names, n);
	return ret;
}

/* A JSON number read exactly from its source text. */
struct jnum {
	bool		neg, fraction, exponent, huge;
	uint64_t	mag;
};

static void read_number(const struct loader *ld, const cJSON *n, struct jnum *num)
{
	const struct json_pos *p = ld_pos(ld, n);
	const char *s = ld->buf + p->off, *e = ld->buf + p->end;

	memset(num, 0, sizeof(*num));
	if (s < e && *s == '-') {
		num->neg = true;
		s++;
	}
	for (; s < e && *s >= '0' && *s <= '9'; s++)
		if (__builtin_mul_overflow(num->mag, 10, &num->mag) ||
		    __builtin_add_overflow(num->mag, (uint64_t)(*s - '0'), &num->mag))
			num->huge = true;
	for (; s < e; s++) {
		if (*s == '.')
			num->fraction = true;
		if (*s == 'e' || *s == 'E')
			num->exponent = true;
	}
}

/* Common checks of a JSON number that must be a non-negative exact integer. */
static int unsigned_number(struct loader *ld, const cJSON *n, const char *path, uint64_t *out)
{
	struct jnum num;
	char got[96];

	read_number(ld, n, &num);
	if (num.fraction || num.exponent || num.neg || num.huge || num.mag > JSON_EXACT_MAX)
		ld_describe(ld, n, got, sizeof(got));	/* for the message */
	if (num.fraction || num.exponent)
		return ld_err(ld, n, path, "expected an integer, got %s%s", got,
			      num.fraction ? "" : " (write integers without an exponent)");
	if (num.neg)
		return ld_err(ld, n, path, "expected a non-negative integer (the kernel type is "
			      "unsigned), got %s", got);
	if (num.huge || num.mag > JSON_EXACT_MAX)
		return ld_err(ld, n, path, "%s is above 2^53, where JSON numbers are not exact: "
			      "write it as a string, \"%s\"", got, got);
	*out = num.mag;
	return 0;
}

/* Width in bits of the machine's phys_addr_t, for messages. */
static int width(const struct expr_env *env)
{
	return env->phys_max == UINT64_MAX ? 64 : 32;
}

/*
 * A string that is nothing but a 0x hex number of at most 16 digits, no
 * larger than @max: what expr_parse() would fold to the same constant,
 * read without building an expression (most values of a large scenario).
 */
static bool plain_hex(const char *s, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;
	int i;

	if (s[0] != '0' || s[1] != 'x')
		return false;
	for (i = 2; s[i]; i++) {
		unsigned int c = (unsigned char)s[i], d;

		if (c >= '0' && c <= '9')
			d = c - '0';
		else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
			d = (c | 0x20) - 'a' + 10;
		else
			return false;
		if (i >= 18)
			return false;
		v = v << 4 | d;
	}
	if (i == 2 || v > max)
		return false;
	*out = v;
	return true;
}

static int phys_string(struct loader *ld, const cJSON *n, const char *path,
		       unsigned int flags, struct value *v)
{
	struct expr_env wide = ld->consts;
	const struct expr_env *env = &ld->consts;
	char msg[400], got[96];
	int off = 0, line, col;
	struct expr *e;

	if (flags & LD_WIDE) {
		wide.phys_max = UINT64_MAX;
		env = &wide;
	}
	if (plain_hex(n->valuestring, env->phys_max, &v->constant))
		return 0;
	e = expr_parse(n->valuestring, env, (flags & LD_CONST) ? NULL : ld_label_visible, ld,
		       msg, sizeof(msg), &off);
	if (!e) {
		json_string_pos(ld->buf, ld_pos(ld, n), off, &line, &col);
		return ld_fail(ld, line, col, path, "%s", msg);
	}
	if (!expr_is_constant(e)) {
		if (flags & LD_CONST) {
			expr_free(e);
			return ld_err(ld, n, path, "expected a constant, got %s: queries, labels "
				      "and region references are only known when a step runs",
				      ld_describe(ld, n, got, sizeof(got)));
		}
		v->expr = e;
		return 0;
	}
	if (expr_eval(e, env, &v->constant, msg, sizeof(msg))) {
		expr_free(e);
		return ld_err(ld, n, path, "%s", msg);
	}
	expr_free(e);
	return 0;
}

int ld_phys(struct loader *ld, const cJSON *n, const char *path, unsigned int flags,
	    struct value *v)
{
	uint64_t max = (flags & LD_WIDE) ? UINT64_MAX : ld->consts.phys_max;
	char got[96];

	memset(v, 0, sizeof(*v));
	v->pos.line = ld_pos(ld, n)->line;
	v->pos.col = ld_pos(ld, n)->col;
	if (cJSON_IsString(n)) {
		if (phys_string(ld, n, path, flags, v))
			return -1;
		/* The path is only read by an expression's run-time message (value_eval). */
		if (v->expr && !(flags & LD_NO_PATH) && path)
			v->pos.path = xstrdup(path);
		return 0;
	}
	if (!cJSON_IsNumber(n))
		return ld_err(ld, n, path, "expected an integer or an expression string, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	if (unsigned_number(ld, n, path, &v->constant))
		return -1;
	if (v->constant > max)
		return ld_err(ld, n, path, "%s overflows %d-bit phys_addr_t",
			      ld_describe(ld, n, got, sizeof(got)), width(&ld->consts));
	return 0;
}

int ld_int(struct loader *ld, const cJSON *n, const char *path, int64_t min, int64_t max,
	   int64_t *out)
{
	struct jnum num;
	char got[96];
	int64_t v;

	if (!cJSON_IsNumber(n))
		return ld_err(ld, n, path, "expected an integer, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	read_number(ld, n, &num);
	if (num.fraction || num.exponent)
		return ld_err(ld, n, path, "expected an integer, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	/* -0 is 0 to JSON, but a sign where none is allowed: refused, as for unsigned values. */
	if (num.neg && min >= 0)
		return ld_err(ld, n, path, "expected a non-negative integer from %" PRId64 " to %"
			      PRId64 ", got %s", min, max,
			      ld_describe(ld, n, got, sizeof(got)));
	if (num.huge || num.mag > (uint64_t)INT64_MAX)
		v = num.neg ? INT64_MIN : INT64_MAX;
	else
		v = num.neg ? -(int64_t)num.mag : (int64_t)num.mag;
	if (v < min || v > max)
		return ld_err(ld, n, path, "expected an integer from %" PRId64 " to %" PRId64
			      ", got %s", min, max, ld_describe(ld, n, got, sizeof(got)));
	*out = v;
	return 0;
}

int ld_count(struct loader *ld, const cJSON *n, const char *path, uint64_t min,
	     uint64_t max, uint64_t *out)
{
	struct value v;
	char got[96];
	int ret;

	if (!cJSON_IsNumber(n) && !cJSON_IsString(n))
		return ld_err(ld, n, path, "expected an integer, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	ret = ld_phys(ld, n, path, LD_CONST, &v);
	ld_free_value(&v);
	if (ret)
		return -1;
	if (v.constant < min || v.constant > max)
		return ld_err(ld, n, path, "expected an integer from %" PRIu64 " to %" PRIu64
			      ", got %s", min, max, ld_describe(ld, n, got, sizeof(got)));
	*out = v.constant;
	return 0;
}

int ld_bool(struct loader *ld, const cJSON *n, const char *path, bool *out)
{
	char got[96];

	if (!cJSON_IsBool(n))
		return ld_err(ld, n, path, "expected true or false, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	*out = cJSON_IsTrue(n);
	return 0;
}

int ld_string(struct loader *ld, const cJSON *n, const char *path, char **out)
{
	char got[96];

	if (!cJSON_IsString(n))
		return ld_err(ld, n, path, "expected a string, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	if (out) {
		free(*out);
		*out = xstrdup(n->valuestring);
	}
	return 0;
}

/* One flag name; "MEMBLOCK_" may prefix it, as the kernel's enum spells it. */
static int one_flag(const char *name, size_t len)
{
	char buf[40];

	if (len >= 9 && !strncmp(name, "MEMBLOCK_", 9)) {
		name += 9;
		len -= 9;
	}
	if (len >= sizeof(buf))
		return -1;
	memcpy(buf, name, len);
	buf[len] = '\0';
	return flag_lookup(buf);
}

/* "HOTPLUG", "MEMBLOCK_NOMAP" or "HOTPLUG|MIRROR" (as the dumps print them). */
static int flags_string(struct loader *ld, const cJSON *n, const char *path, unsigned int *out)
{
	const char *s = n->valuestring, *bar, *best, *names[8];
	char got[96], hint[64] = "", *word, list[128], vers[32];
	int version = ld->sc->machine.kernel, nr_names, i, k, f;

	for (;;) {
		bar = strchr(s, '|');
		f = one_flag(s, bar ? (size_t)(bar - s) : strlen(s));
		if (f < 0 || (f && !(flag_versions(f) & KERNEL_VERSION_BIT(version))))
			break;
		*out |= f;
		if (!bar)
			return 0;
		s = bar + 1;
	}
	word = xasprintf("%.*s", bar ? (int)(bar - s) : (int)strlen(s), s);
	ld_quote(got, sizeof(got), word, 40);
	if (f > 0) {
		free(word);
		return ld_err(ld, n, path, "flag %s is not in Linux %s (machine.kernel \"%s\"): "
			      "it is a flag of Linux %s", got, kernel_version_name(version),
			      kernel_version_name(version),
			      versions_name(flag_versions(f), vers, sizeof(vers)));
	}
	nr_names = flag_names_of_version(version, names);
	best = suggest_list(word, names, nr_names);
	if (best)
		snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
	free(word);
	list[0] = '\0';
	for (i = 0, k = 0; i < nr_names && k < (int)sizeof(list); i++)
		k += snprintf(list + k, sizeof(list) - k, "%s%s",
			      i == 0 ? "" : i == nr_names - 1 ? " and " : ", ", names[i]);
	return ld_err(ld, n, path, "unknown flag %s%s; flags are %s", got, hint, list);
}

int ld_flags(struct loader *ld, const cJSON *n, const char *path, unsigned int *out)
{
	const cJSON *item;
	char got[96], *ip;
	int i = 0, ret = 0;

	*out = 0;
	if (cJSON_IsString(n))
		return flags_string(ld, n, path, out);
	if (!cJSON_IsArray(n))
		return ld_err(ld, n, path, "expected a flag name or an array of flag names, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	for (item = n->child; item && !ret; item = item->next, i++) {
		ip = ld_index_path(path, i);
		if (!cJSON_IsString(item))
			ret = ld_err(ld, item, ip, "expected a flag name, got %s",
				     ld_describe(ld, item, got, sizeof(got)));
		else
			ret = flags_string(ld, item, ip, out);
		free(ip);
	}
	return ret;
}

/* "0 to 7, NUMA_NO_NODE (-1) or MAX_NUMNODES (8)" */
static void nid_range(char *buf, int len, int max_numnodes, bool no_node, bool max)
{
	char nodes[32];
	const char *parts[3];
	int n = 0;

	if (max_numnodes == 1)
		snprintf(nodes, sizeof(nodes), "0");
	else
		snprintf(nodes, sizeof(nodes), "0 to %d", max_numnodes - 1);
	parts[n++] = nodes;
	if (no_node)
		parts[n++] = "NUMA_NO_NODE (-1)";
	if (max)
		parts[n++] = "MAX_NUMNODES";
	list_names(buf, len, parts, n);
	if (max)
		snprintf(buf + strlen(buf), len - strlen(buf), " (%d)", max_numnodes);
}

int ld_nid(struct loader *ld, const cJSON *n, const char *path, bool allow_no_node,
	   bool allow_max, int *out)
{
	int max_numnodes = ld->sc->machine.max_numnodes;
	char range[96], got[96];
	struct jnum num;
	int64_t v;

	ld_describe(ld, n, got, sizeof(got));
	nid_range(range, sizeof(range), max_numnodes, allow_no_node, allow_max);
	if (cJSON_IsString(n) && !strcmp(n->valuestring, "NUMA_NO_NODE")) {
		v = -1;
	} else if (cJSON_IsString(n) && !strcmp(n->valuestring, "MAX_NUMNODES")) {
		v = max_numnodes;
	} else if (cJSON_IsNumber(n)) {
		read_number(ld, n, &num);
		if (num.fraction || num.exponent)
			return ld_err(ld, n, path, "expected a node id %s, got %s", range, got);
		v = num.huge || num.mag > INT32_MAX ? INT64_MAX : (int64_t)num.mag;
		if (num.neg)
			v = -v;
	} else {
		return ld_err(ld, n, path, "expected a node id (an integer, \"NUMA_NO_NODE\" or "
			      "\"MAX_NUMNODES\"), got %s", got);
	}
	if ((v == -1 && allow_no_node) || (v >= 0 && v < max_numnodes) ||
	    (v == max_numnodes && allow_max)) {
		*out = (int)v;
		return 0;
	}
	return ld_err(ld, n, path, "expected a node id %s, got %s", range, got);
}
