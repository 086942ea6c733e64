// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The value-expression language of scenario files (doc/scenario-format.md):
 * integers with binary unit suffixes, kernel constants, run-time queries,
 * $labels and region references, joined by + - * / and parentheses.
 *
 * Arithmetic is done on the machine's phys_addr_t width and every
 * intermediate result must stay within 0..PHYS_ADDR_MAX: a kernel developer
 * writing "4K - 8K" or "1G * 16G" made a mistake, and wrapping around would
 * hide it.  Constant subexpressions are folded while parsing, so their
 * overflows are load-time errors; the rest is checked when evaluated.
 */
#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "expr.h"
#include "util/suggest.h"
#include "util/xalloc.h"

/* Longer strings are refused: this bounds the parser's and evaluator's recursion. */
#define EXPR_MAX_LEN	4096

enum enode_kind { EN_CONST, EN_QUERY, EN_LABEL, EN_REGION, EN_ADD, EN_SUB, EN_MUL, EN_DIV };

struct enode {
	enum enode_kind	kind;
	int		start, end;	/* span in the text, quoted in messages */
	uint64_t	value;		/* EN_CONST */
	enum expr_query	query;		/* EN_QUERY */
	char		*label;		/* EN_LABEL, without the '$' */
	int		type;		/* EN_REGION: MB_TYPE_MEMORY or MB_TYPE_RESERVED */
	unsigned long	idx;
	bool		size;
	int		l, r;		/* operands of EN_ADD, EN_SUB, EN_MUL, EN_DIV */
};

struct expr {
	char		*text;
	int		nr, alloc;
	struct enode	*nodes;
	int		root;
};

/* Constants of the kernel's include/linux/sizes.h. */
static const struct { const char *name; uint64_t value; } sz_consts[] = {
	{ "SZ_1", 1ULL << 0 }, { "SZ_2", 1ULL << 1 }, { "SZ_4", 1ULL << 2 },
	{ "SZ_8", 1ULL << 3 }, { "SZ_16", 1ULL << 4 }, { "SZ_32", 1ULL << 5 },
	{ "SZ_64", 1ULL << 6 }, { "SZ_128", 1ULL << 7 }, { "SZ_256", 1ULL << 8 },
	{ "SZ_512", 1ULL << 9 }, { "SZ_1K", 1ULL << 10 }, { "SZ_2K", 1ULL << 11 },
	{ "SZ_4K", 1ULL << 12 }, { "SZ_8K", 1ULL << 13 }, { "SZ_16K", 1ULL << 14 },
	{ "SZ_32K", 1ULL << 15 }, { "SZ_64K", 1ULL << 16 }, { "SZ_128K", 1ULL << 17 },
	{ "SZ_256K", 1ULL << 18 }, { "SZ_512K", 1ULL << 19 }, { "SZ_1M", 1ULL << 20 },
	{ "SZ_2M", 1ULL << 21 }, { "SZ_4M", 1ULL << 22 }, { "SZ_8M", 1ULL << 23 },
	{ "SZ_16M", 1ULL << 24 }, { "SZ_32M", 1ULL << 25 }, { "SZ_64M", 1ULL << 26 },
	{ "SZ_128M", 1ULL << 27 }, { "SZ_256M", 1ULL << 28 }, { "SZ_512M", 1ULL << 29 },
	{ "SZ_1G", 1ULL << 30 }, { "SZ_2G", 1ULL << 31 }, { "SZ_4G", 1ULL << 32 },
	{ "SZ_8G", 1ULL << 33 }, { "SZ_16G", 1ULL << 34 }, { "SZ_32G", 1ULL << 35 },
	{ "SZ_1T", 1ULL << 40 }, { "SZ_64T", 1ULL << 46 },
};

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

/* Constants whose value comes from the machine or its phys_addr_t width. */
enum machine_const {
	MC_PAGE_SIZE, MC_SMP_CACHE_BYTES, MC_LOW_LIMIT, MC_ALLOC_ANYWHERE,
	MC_ALLOC_ACCESSIBLE, MC_ALLOC_NOLEAKTRACE, MC_ARCH_LOW_ADDRESS_LIMIT,
	MC_PHYS_ADDR_MAX, NR_MACHINE_CONSTS
};

static const char *const machine_const_names[NR_MACHINE_CONSTS] = {
	"PAGE_SIZE", "SMP_CACHE_BYTES", "MEMBLOCK_LOW_LIMIT", "MEMBLOCK_ALLOC_ANYWHERE",
	"MEMBLOCK_ALLOC_ACCESSIBLE", "MEMBLOCK_ALLOC_NOLEAKTRACE", "ARCH_LOW_ADDRESS_LIMIT",
	"PHYS_ADDR_MAX",
};

static const char *const query_names[] = {
	[Q_START_OF_DRAM] = "start_of_DRAM",
	[Q_END_OF_DRAM] = "end_of_DRAM",
	[Q_PHYS_MEM_SIZE] = "phys_mem_size",
	[Q_RESERVED_SIZE] = "reserved_size",
	[Q_CURRENT_LIMIT] = "current_limit",
};

static uint64_t machine_const(const struct expr_env *env, enum machine_const c)
{
	switch (c) {
	case MC_PAGE_SIZE:
		return env->page_size;
	case MC_SMP_CACHE_BYTES:
		return env->smp_cache_bytes;
	case MC_ARCH_LOW_ADDRESS_LIMIT:
		return env->low_address_limit;
	case MC_ALLOC_ANYWHERE:
	case MC_PHYS_ADDR_MAX:
		return env->phys_max;
	case MC_ALLOC_NOLEAKTRACE:
		return 1;
	case MC_LOW_LIMIT:
	case MC_ALLOC_ACCESSIBLE:
	default:
		return 0;
	}
}

/* Which constant-defining machine keys each machine constant depends on. */
static unsigned int machine_const_bit(enum machine_const c)
{
	switch (c) {
	case MC_PAGE_SIZE:
		return EXPR_UNSET_PAGE_SIZE;
	case MC_SMP_CACHE_BYTES:
		return EXPR_UNSET_SMP_CACHE_BYTES;
	case MC_ARCH_LOW_ADDRESS_LIMIT:
		return EXPR_UNSET_LOW_ADDRESS_LIMIT;
	default:
		return 0;
	}
}

/* The bit width of phys_addr_t, for messages. */
static int phys_bits(uint64_t phys_max)
{
	int bits = 0;

	while (phys_max) {
		bits++;
		phys_max >>= 1;
	}
	return bits ? bits : 64;
}

struct parser {
	const char		*s;
	int			pos;
	const struct expr_env	*env;
	bool			(*labels_known)(void *ctx, const char *name);
	void			*lctx;
	struct expr		*e;
	char			*err;
	int			errlen;
	int			err_off;
	bool			failed;
};

static __attribute__((format(printf, 3, 4)))
int perr(struct parser *p, int off, const char *fmt, ...)
{
	va_list ap;

	if (p->failed)
		return -1;
	p->failed = true;
	p->err_off = off;
	va_start(ap, fmt);
	vsnprintf(p->err, p->errlen, fmt, ap);
	va_end(ap);
	return -1;
}

static int new_node(struct expr *e, enum enode_kind kind, int start, int end)
{
	struct enode *n;

	if (e->nr == e->alloc) {
		e->alloc = e->alloc ? 2 * e->alloc : 8;
		e->nodes = xrealloc(e->nodes, e->alloc * sizeof(*e->nodes));
	}
	n = &e->nodes[e->nr];
	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->start = start;
	n->end = end;
	n->l = n->r = -1;
	return e->nr++;
}

/* The text of a node's span, trimmed, for messages ("'1G * 16G' overflows"). */
static void span_text(const char *text, const struct enode *n, char *buf, int len)
{
	int a = n->start, b = n->end;

	while (a < b && isspace((unsigned char)text[a]))
		a++;
	while (b > a && isspace((unsigned char)text[b - 1]))
		b--;
	if (b - a > 60)
		snprintf(buf, len, "%.28s...%.28s", text + a, text + b - 28);
	else
		snprintf(buf, len, "%.*s", b - a, text + a);
}

/*
 * One arithmetic step on the phys_addr_t width.  Returns 0, or -1 with a
 * message quoting @n's text when the result leaves 0..phys_max.
 */
static int arith(const char *text, const struct enode *n, uint64_t a, uint64_t b,
		 uint64_t phys_max, bool show_values, uint64_t *out, char *err, int errlen)
{
	char span[80], vals[96] = "";
	const char *op = n->kind == EN_ADD ? "+" : n->kind == EN_SUB ? "-" :
			 n->kind == EN_DIV ? "/" : "*";
	uint64_t r;
	bool bad;

	switch (n->kind) {
	case EN_ADD:
		bad = __builtin_add_overflow(a, b, &r) || r > phys_max;
		break;
	case EN_SUB:
		bad = b > a;
		r = a - b;
		break;
	case EN_DIV:
		/* Unsigned, truncating, as C divides phys_addr_t. */
		bad = b == 0;
		r = bad ? 0 : a / b;
		break;
	default:
		bad = __builtin_mul_overflow(a, b, &r) || r > phys_max;
		break;
	}
	if (!bad) {
		*out = r;
		return 0;
	}
	span_text(text, n, span, sizeof(span));
	if (show_values)
		snprintf(vals, sizeof(vals), " (0x%" PRIx64 " %s 0x%" PRIx64 ")", a, op, b);
	if (n->kind == EN_SUB)
		snprintf(err, errlen, "'%s' underflows: the result is negative%s", span, vals);
	else if (n->kind == EN_DIV)
		snprintf(err, errlen, "'%s' divides by zero%s", span, vals);
	else
		snprintf(err, errlen, "'%s' overflows %d-bit phys_addr_t%s", span,
			 phys_bits(phys_max), vals);
	return -1;
}

/* Replace a binary node whose operands are both constant by its value. */
static int fold(struct parser *p, int idx)
{
	struct enode *n = &p->e->nodes[idx];
	const struct enode *l = &p->e->nodes[n->l], *r = &p->e->nodes[n->r];
	uint64_t v;

	if (l->kind != EN_CONST || r->kind != EN_CONST)
		return 0;
	if (arith(p->s, n, l->value, r->value, p->env->phys_max, false, &v, p->err,
		  p->errlen)) {
		p->failed = true;
		p->err_off = n->start;
		while (isspace((unsigned char)p->s[p->err_off]))
			p->err_off++;
		return -1;
	}
	n->kind = EN_CONST;
	n->value = v;
	return 0;
}

static void skip_space(struct parser *p)
{
	while (isspace((unsigned char)p->s[p->pos]))
		p->pos++;
}

static bool is_ident_start(char c)
{
	return isalpha((unsigned char)c) || c == '_';
}

static bool is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_';
}

/* What the parser found at @pos, for "got ..." in messages. */
static void got_text(const char *s, int pos, char *buf, int len)
{
	int n = 0;

	if (!s[pos]) {
		snprintf(buf, len, "end of expression");
		return;
	}
	if (is_ident_char(s[pos])) {
		while (is_ident_char(s[pos + n]) && n < 40)
			n++;
	} else {
		/* A whole character: the text is UTF-8, and messages must stay so. */
		n = 1;
		if ((unsigned char)s[pos] >= 0xc0)
			while (((unsigned char)s[pos + n] & 0xc0) == 0x80)
				n++;
	}
	snprintf(buf, len, "'%.*s'", n, s + pos);
}

static int parse_sum(struct parser *p, int depth);

static int suffix_shift(char c)
{
	static const char units[] = "KMGTPE";
	const char *u = c ? strchr(units, c) : NULL;

	return u ? 10 * (int)(u - units + 1) : -1;
}

/*
 * A number: decimal or 0x hex, then at most one unit suffix.  The whole run
 * of letters and digits is taken first, so that "16MB" or "4k" is reported
 * as one malformed number rather than as a number followed by junk.
 */
static int parse_number(struct parser *p)
{
	int start = p->pos, end = start, i, shift = 0, idx;
	const char *s = p->s;
	bool hex, big = false;
	uint64_t v = 0;

	while (is_ident_char(s[end]))
		end++;
	p->pos = end;
	hex = s[start] == '0' && (s[start + 1] == 'x' || s[start + 1] == 'X');
	i = hex ? start + 2 : start;
	if (!hex && s[start] == '0' && end - start > 1 && isdigit((unsigned char)s[start + 1]))
		return perr(p, start, "'%.*s' has a leading zero: octal is not supported, write "
			    "decimal or 0x hex", end - start, s + start);
	for (; i < end; i++) {
		int d;

		if (hex && isxdigit((unsigned char)s[i]))
			d = isdigit((unsigned char)s[i]) ? s[i] - '0' : (s[i] | 0x20) - 'a' + 10;
		else if (!hex && isdigit((unsigned char)s[i]))
			d = s[i] - '0';
		else
			break;
		if (__builtin_mul_overflow(v, hex ? 16 : 10, &v) ||
		    __builtin_add_overflow(v, (uint64_t)d, &v))
			big = true;
	}
	/* Digits, then nothing or exactly one unit letter. */
	if (i < end)
		shift = i + 1 == end ? suffix_shift(s[i]) : -1;
	if (i == (hex ? start + 2 : start) || shift < 0)
		return perr(p, start, "malformed number '%.*s' (write decimal or 0x hex, "
			    "optionally followed by one of K M G T P E)", end - start, s + start);
	if (shift && v > (UINT64_MAX >> shift))
		big = true;
	else
		v <<= shift;
	if (big || v > p->env->phys_max)
		return perr(p, start, "'%.*s' overflows %d-bit phys_addr_t", end - start,
			    s + start, phys_bits(p->env->phys_max));
	idx = new_node(p->e, EN_CONST, start, end);
	p->e->nodes[idx].value = v;
	return idx;
}

static int parse_label(struct parser *p)
{
	int start = p->pos, end = start + 1, idx;
	char *name;

	if (!is_ident_start(p->s[end]))
		return perr(p, start, "'$' must be followed by a label name");
	while (is_ident_char(p->s[end]))
		end++;
	p->pos = end;
	name = xasprintf("%.*s", end - start - 1, p->s + start + 1);
	if (p->labels_known && !p->labels_known(p->lctx, name)) {
		perr(p, start, "unknown label '$%s': no earlier step binds it with \"as\"", name);
		free(name);
		return -1;
	}
	idx = new_node(p->e, EN_LABEL, start, end);
	p->e->nodes[idx].label = name;
	return idx;
}

/* "memory[3].base" or "reserved[0].size"; @type_end is just past the name. */
static int parse_region(struct parser *p, int start, int type)
{
	const char *name = type ? "reserved" : "memory";
	unsigned long idx = 0;
	int n, field;
	bool big = false;
	char got[64];

	skip_space(p);
	if (p->s[p->pos] != '[')
		return perr(p, start, "'%s' must be followed by [index].base or [index].size",
			    name);
	p->pos++;
	skip_space(p);
	if (!isdigit((unsigned char)p->s[p->pos])) {
		got_text(p->s, p->pos, got, sizeof(got));
		return perr(p, p->pos, "expected a region index (0, 1, ...) after '%s[', got %s",
			    name, got);
	}
	while (isdigit((unsigned char)p->s[p->pos])) {
		if (__builtin_mul_overflow(idx, 10UL, &idx) ||
		    __builtin_add_overflow(idx, (unsigned long)(p->s[p->pos] - '0'), &idx))
			big = true;
		p->pos++;
	}
	if (big)
		return perr(p, start, "region index too large in '%s[...]'", name);
	skip_space(p);
	if (p->s[p->pos] != ']')
		return perr(p, p->pos, "expected ']' after the index of '%s[%lu'", name, idx);
	p->pos++;
	skip_space(p);
	if (p->s[p->pos] != '.')
		return perr(p, p->pos, "expected .base or .size after '%s[%lu]'", name, idx);
	p->pos++;
	skip_space(p);
	field = p->pos;
	while (is_ident_char(p->s[p->pos]))
		p->pos++;
	n = p->pos - field;
	if (!((n == 4 && !strncmp(p->s + field, "base", 4)) ||
	      (n == 4 && !strncmp(p->s + field, "size", 4))))
		return perr(p, field, "expected .base or .size after '%s[%lu]', got '.%.*s'",
			    name, idx, n, p->s + field);
	n = new_node(p->e, EN_REGION, start, p->pos);
	p->e->nodes[n].type = type;
	p->e->nodes[n].idx = idx;
	p->e->nodes[n].size = p->s[field] == 's';
	return n;
}

/* Every name the language knows, for "did you mean" suggestions. */
static const char *name_candidate(void *ctx, int i)
{
	int nsz = ARRAY_SIZE(sz_consts), nq = ARRAY_SIZE(query_names);

	(void)ctx;
	if (i < NR_MACHINE_CONSTS)
		return machine_const_names[i];
	i -= NR_MACHINE_CONSTS;
	if (i < nsz)
		return sz_consts[i].name;
	i -= nsz;
	if (i < nq)
		return query_names[i];
	i -= nq;
	if (i == 0)
		return "memory";
	if (i == 1)
		return "reserved";
	return NULL;
}

static int parse_name(struct parser *p)
{
	int start = p->pos, end = start, idx, i;
	const char *best;
	char name[48];

	while (is_ident_char(p->s[end]))
		end++;
	p->pos = end;
	snprintf(name, sizeof(name), "%.*s", end - start, p->s + start);
	if (end - start >= (int)sizeof(name))
		goto unknown;
	for (i = 0; i < NR_MACHINE_CONSTS; i++) {
		if (strcmp(name, machine_const_names[i]))
			continue;
		if (machine_const_bit(i) & p->env->unset)
			return perr(p, start, "%s cannot be used here: it is not defined yet "
				    "(machine keys are read in the order phys_addr_bits, "
				    "page_size, smp_cache_bytes, low_address_limit)", name);
		idx = new_node(p->e, EN_CONST, start, end);
		p->e->nodes[idx].value = machine_const(p->env, i);
		if (p->e->nodes[idx].value > p->env->phys_max)
			return perr(p, start, "'%s' overflows %d-bit phys_addr_t", name,
				    phys_bits(p->env->phys_max));
		return idx;
	}
	for (i = 0; i < (int)ARRAY_SIZE(sz_consts); i++) {
		if (strcmp(name, sz_consts[i].name))
			continue;
		if (sz_consts[i].value > p->env->phys_max)
			return perr(p, start, "'%s' overflows %d-bit phys_addr_t", name,
				    phys_bits(p->env->phys_max));
		idx = new_node(p->e, EN_CONST, start, end);
		p->e->nodes[idx].value = sz_consts[i].value;
		return idx;
	}
	for (i = 0; i < (int)ARRAY_SIZE(query_names); i++) {
		if (strcmp(name, query_names[i]))
			continue;
		idx = new_node(p->e, EN_QUERY, start, end);
		p->e->nodes[idx].query = i;
		return idx;
	}
	if (!strcmp(name, "memory") || !strcmp(name, "reserved"))
		return parse_region(p, start, name[0] == 'r');
unknown:
	best = suggest_best(name, name_candidate, NULL);
	if (best)
		return perr(p, start, "unknown name '%.*s' (did you mean %s?)", end - start,
			    p->s + start, best);
	return perr(p, start, "unknown name '%.*s'", end - start, p->s + start);
}

static int parse_factor(struct parser *p, int depth)
{
	char got[64];
	int start, idx;

	skip_space(p);
	start = p->pos;
	if (p->s[start] == '(') {
		p->pos++;
		idx = parse_sum(p, depth + 1);
		if (idx < 0)
			return -1;
		skip_space(p);
		if (p->s[p->pos] != ')') {
			got_text(p->s, p->pos, got, sizeof(got));
			return perr(p, p->pos, "expected ')' to close the '(' at offset %d, got %s",
				    start, got);
		}
		p->pos++;
		/* The span covers the parentheses, so that messages quote them too. */
		p->e->nodes[idx].start = start;
		p->e->nodes[idx].end = p->pos;
		return idx;
	}
	if (isdigit((unsigned char)p->s[start]))
		return parse_number(p);
	if (p->s[start] == '$')
		return parse_label(p);
	if (is_ident_start(p->s[start]))
		return parse_name(p);
	got_text(p->s, start, got, sizeof(got));
	if (p->s[start] == '-')
		return perr(p, start, "expected a number, a name, a $label or '(', got '-' "
			    "(values are unsigned: there is no unary minus)");
	return perr(p, start, "expected a number, a name, a $label or '(', got %s", got);
}

/*
 * A left-associative chain of @operand joined by the operators @ops[0]
 * (node kind @kinds[0]) and @ops[1] (@kinds[1]): a sum of products, a
 * product of factors.  Each node is folded as soon as it is made.
 */
static int parse_chain(struct parser *p, int depth, const char ops[2],
		       const enum enode_kind kinds[2], int (*operand)(struct parser *, int))
{
	int l, r, n;
	char c;

	l = operand(p, depth);
	for (;;) {
		if (l < 0)
			return -1;
		skip_space(p);
		c = p->s[p->pos];
		if (c != ops[0] && c != ops[1])
			return l;
		p->pos++;
		r = operand(p, depth);
		if (r < 0)
			return -1;
		n = new_node(p->e, c == ops[0] ? kinds[0] : kinds[1], p->e->nodes[l].start,
			     p->e->nodes[r].end);
		p->e->nodes[n].l = l;
		p->e->nodes[n].r = r;
		if (fold(p, n))
			return -1;
		l = n;
	}
}

static int parse_product(struct parser *p, int depth)
{
	static const enum enode_kind kinds[2] = { EN_MUL, EN_DIV };

	return parse_chain(p, depth, "*/", kinds, parse_factor);
}

static int parse_sum(struct parser *p, int depth)
{
	static const enum enode_kind kinds[2] = { EN_ADD, EN_SUB };

	if (depth > 64)
		return perr(p, p->pos, "parentheses nested deeper than 64 levels");
	return parse_chain(p, depth, "+-", kinds, parse_product);
}

/* Defaults for a caller that gives no machine: the format's default machine. */
static const struct expr_env default_env = {
	.phys_max = UINT64_MAX, .page_size = 4096, .smp_cache_bytes = 64,
	.low_address_limit = 0xffffffff,
};

struct expr *expr_parse(const char *text, const struct expr_env *consts,
			bool (*labels_known)(void *ctx, const char *name), void *lctx,
			char *err, int errlen, int *err_offset)
{
	struct parser p = {
		.s = text, .env = consts ? consts : &default_env,
		.labels_known = labels_known, .lctx = lctx, .err = err, .errlen = errlen,
	};
	char got[64];
	size_t len = strlen(text);

	if (err_offset)
		*err_offset = 0;
	if (len > EXPR_MAX_LEN) {
		snprintf(err, errlen, "expression longer than %d characters", EXPR_MAX_LEN);
		return NULL;
	}
	p.e = xzalloc(sizeof(*p.e));
	p.e->text = xstrdup(text);
	p.s = p.e->text;
	skip_space(&p);
	if (!p.s[p.pos]) {
		perr(&p, 0, "empty expression, expected a number, a name, a $label or '('");
		goto fail;
	}
	p.e->root = parse_sum(&p, 0);
	if (p.e->root < 0)
		goto fail;
	skip_space(&p);
	if (p.s[p.pos]) {
		got_text(p.s, p.pos, got, sizeof(got));
		if (p.s[p.pos] == ')')
			perr(&p, p.pos, "unexpected ')' without a matching '('");
		else
			perr(&p, p.pos, "expected an operator (+, -, * or /) or the end, got %s", got);
		goto fail;
	}
	return p.e;
fail:
	if (err_offset)
		*err_offset = p.err_off;
	expr_free(p.e);
	return NULL;
}

bool expr_is_constant(const struct expr *e)
{
	return e && e->nodes[e->root].kind == EN_CONST;
}

const char *expr_text(const struct expr *e)
{
	return e ? e->text : "";
}

static int eval_node(const struct expr *e, int idx, const struct expr_env *env,
		     uint64_t *out, char *err, int errlen)
{
	const struct enode *n = &e->nodes[idx];
	const char *what = n->kind == EN_QUERY ? query_names[n->query] : "a region reference";
	uint64_t a, b;

	switch (n->kind) {
	case EN_CONST:
		*out = n->value;
		return 0;
	case EN_QUERY:
		if (!env->query || env->query(env->ctx, n->query, out)) {
			snprintf(err, errlen, "%s cannot be evaluated here", what);
			return -1;
		}
		break;
	case EN_LABEL:
		if (!env->label) {
			snprintf(err, errlen, "label $%s cannot be evaluated here", n->label);
			return -1;
		}
		if (env->label(env->ctx, n->label, out, err, errlen))
			return -1;
		break;
	case EN_REGION:
		if (!env->region) {
			snprintf(err, errlen, "%s cannot be evaluated here", what);
			return -1;
		}
		if (env->region(env->ctx, n->type, n->idx, n->size, out, err, errlen))
			return -1;
		break;
	default:
		if (eval_node(e, n->l, env, &a, err, errlen) ||
		    eval_node(e, n->r, env, &b, err, errlen))
			return -1;
		return arith(e->text, n, a, b, env->phys_max, true, out, err, errlen);
	}
	if (*out > env->phys_max) {
		char span[80];

		span_text(e->text, n, span, sizeof(span));
		snprintf(err, errlen, "'%s' is 0x%" PRIx64 ", above PHYS_ADDR_MAX", span, *out);
		return -1;
	}
	return 0;
}

int expr_eval(const struct expr *e, const struct expr_env *env, uint64_t *out,
	      char *err, int errlen)
{
	if (!e) {
		snprintf(err, errlen, "no expression");
		return -1;
	}
	return eval_node(e, e->root, env ? env : &default_env, out, err, errlen);
}

void expr_free(struct expr *e)
{
	int i;

	if (!e)
		return;
	for (i = 0; i < e->nr; i++)
		free(e->nodes[i].label);
	free(e->nodes);
	free(e->text);
	free(e);
}
