// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The expression language: numbers and unit suffixes, precedence, every
 * kernel constant, queries, labels and region references through the
 * evaluation callbacks, overflow on 64- and 32-bit phys_addr_t (folded at
 * parse time when constant), and the exact wording and offsets of errors.
 * Expected values come from the format and include/linux/sizes.h.
 */
#include <stdio.h>
#include <string.h>

#include "scenario/expr.h"
#include "tap.h"

static struct expr_env env64 = {
	.phys_max = UINT64_MAX, .page_size = 4096, .smp_cache_bytes = 64,
	.low_address_limit = 0xffffffff,
};
static struct expr_env env32 = {
	.phys_max = 0xffffffff, .page_size = 4096, .smp_cache_bytes = 64,
	.low_address_limit = 0xffffffff,
};

static char err[256];
static int off;

/* Parse and evaluate a constant expression; UINT64_MAX - 7 marks an error. */
static uint64_t val(const struct expr_env *env, const char *text)
{
	struct expr *e = expr_parse(text, env, NULL, NULL, err, sizeof(err), &off);
	uint64_t v = UINT64_MAX - 7;

	if (!e) {
		diag("'%s': %s", text, err);
		return v;
	}
	if (!expr_is_constant(e))
		diag("'%s' is not constant", text);
	else if (expr_eval(e, env, &v, err, sizeof(err)))
		diag("'%s': eval: %s", text, err);
	expr_free(e);
	return v;
}

/* Parse @text expecting an error; returns the message (offset in @off). */
static const char *bad(const struct expr_env *env, const char *text)
{
	struct expr *e = expr_parse(text, env, NULL, NULL, err, sizeof(err), &off);

	if (e) {
		expr_free(e);
		return "(parsed)";
	}
	return err;
}

static void test_numbers(void)
{
	is_u64(val(&env64, "4096"), 4096, "decimal");
	is_u64(val(&env64, "0x1000"), 0x1000, "hex");
	is_u64(val(&env64, "0XfFfF"), 0xffff, "hex, either case");
	is_u64(val(&env64, "16M"), 16ULL << 20, "16M is 16 * 2^20");
	is_u64(val(&env64, "0x10K"), 0x4000, "0x10K is allowed");
	is_u64(val(&env64, "1K"), 1024, "K");
	is_u64(val(&env64, "3G"), 3ULL << 30, "G");
	is_u64(val(&env64, "2T"), 2ULL << 40, "T");
	is_u64(val(&env64, "5P"), 5ULL << 50, "P");
	is_u64(val(&env64, "15E"), 15ULL << 60, "15E fits in 64 bits");
	is_u64(val(&env64, "0x1E"), 0x1e, "in hex, E is a digit: 0x1E is 30");
	is_u64(val(&env64, "0"), 0, "zero");
	is_u64(val(&env64, "18446744073709551615"), UINT64_MAX, "largest 64-bit decimal");
	is_u64(val(&env64, "0xffffffffffffffff"), UINT64_MAX, "largest 64-bit hex");
	is_u64(val(&env64, "  0x1000\t"), 0x1000, "spaces around");
}

static void test_arithmetic(void)
{
	is_u64(val(&env64, "1 + 2 * 3"), 7, "* binds tighter than +");
	is_u64(val(&env64, "(1 + 2) * 3"), 9, "parentheses");
	is_u64(val(&env64, "10 - 2 - 3"), 5, "- is left-associative");
	is_u64(val(&env64, "2 * 3 * 4"), 24, "* chains");
	is_u64(val(&env64, "1G - 4K"), (1ULL << 30) - 4096, "1G - 4K");
	is_u64(val(&env64, "((((7))))"), 7, "nested parentheses");
	is_u64(val(&env64, "0x100000000 - 1"), 0xffffffff, "4G - 1");
	is_u64(val(&env64, "8E + 7E + (1E - 1)"), UINT64_MAX, "up to the top exactly");
	is_u64(val(&env32, "3G + (1G - 1)"), 0xffffffff, "32-bit: up to the top exactly");
}

static void test_constants(void)
{
	is_u64(val(&env64, "PAGE_SIZE"), 4096, "PAGE_SIZE from the machine");
	is_u64(val(&env64, "SMP_CACHE_BYTES"), 64, "SMP_CACHE_BYTES");
	is_u64(val(&env64, "SZ_1"), 1, "SZ_1");
	is_u64(val(&env64, "SZ_512"), 512, "SZ_512");
	is_u64(val(&env64, "SZ_4K"), 0x1000, "SZ_4K");
	is_u64(val(&env64, "SZ_256M"), 0x10000000, "SZ_256M");
	is_u64(val(&env64, "SZ_2G"), 0x80000000, "SZ_2G");
	is_u64(val(&env64, "SZ_8G"), 0x200000000ULL, "SZ_8G");
	is_u64(val(&env64, "SZ_32G"), 0x800000000ULL, "SZ_32G");
	is_u64(val(&env64, "SZ_1T"), 0x10000000000ULL, "SZ_1T");
	is_u64(val(&env64, "SZ_64T"), 0x400000000000ULL, "SZ_64T");
	is_u64(val(&env64, "MEMBLOCK_LOW_LIMIT"), 0, "MEMBLOCK_LOW_LIMIT");
	is_u64(val(&env64, "MEMBLOCK_ALLOC_ANYWHERE"), UINT64_MAX, "ANYWHERE: all ones, 64");
	is_u64(val(&env32, "MEMBLOCK_ALLOC_ANYWHERE"), 0xffffffff, "ANYWHERE: all ones, 32");
	is_u64(val(&env64, "MEMBLOCK_ALLOC_ACCESSIBLE"), 0, "ACCESSIBLE");
	is_u64(val(&env64, "MEMBLOCK_ALLOC_NOLEAKTRACE"), 1, "NOLEAKTRACE");
	is_u64(val(&env64, "ARCH_LOW_ADDRESS_LIMIT"), 0xffffffff, "ARCH_LOW_ADDRESS_LIMIT");
	is_u64(val(&env64, "PHYS_ADDR_MAX"), UINT64_MAX, "PHYS_ADDR_MAX, 64");
	is_u64(val(&env32, "PHYS_ADDR_MAX"), 0xffffffff, "PHYS_ADDR_MAX, 32");
	is_u64(val(&env64, "PHYS_ADDR_MAX - SZ_4K + 1"), UINT64_MAX - 4095,
	       "arithmetic with PHYS_ADDR_MAX below the top");
	is_u64(val(&env64, "SZ_4K * 2 + PAGE_SIZE"), 0x3000, "mixed");
}

static void test_errors(void)
{
	is_str(bad(&env64, "PAGESIZE"), "unknown name 'PAGESIZE' (did you mean PAGE_SIZE?)",
	       "unknown constant with a suggestion");
	is_int(off, 0, "offset of the unknown name");
	is_str(bad(&env64, "4K + end_of_dram"),
	       "unknown name 'end_of_dram' (did you mean end_of_DRAM?)", "case-only typo");
	is_int(off, 5, "offset points at the name");
	is_str(bad(&env64, "FOOBAR"), "unknown name 'FOOBAR'", "no suggestion when nothing is close");
	is_str(bad(&env64, "1G * 16G"), "'1G * 16G' overflows 64-bit phys_addr_t",
	       "64-bit overflow, folded at parse time");
	is_str(bad(&env64, "1G * 8G + 1G * 8G"), "'1G * 8G + 1G * 8G' overflows 64-bit phys_addr_t",
	       "2^63 + 2^63 overflows");
	is_str(bad(&env32, "3G + 2G"), "'3G + 2G' overflows 32-bit phys_addr_t", "32-bit overflow");
	is_str(bad(&env32, "SZ_4G"), "'SZ_4G' overflows 32-bit phys_addr_t", "SZ_4G on 32 bits");
	is_str(bad(&env32, "4G - 1"), "'4G' overflows 32-bit phys_addr_t", "4G literal on 32 bits");
	is_str(bad(&env64, "16E"), "'16E' overflows 64-bit phys_addr_t", "16E is 2^64");
	is_str(bad(&env64, "0x10000000000000000"),
	       "'0x10000000000000000' overflows 64-bit phys_addr_t", "literal beyond 64 bits");
	is_str(bad(&env64, "PHYS_ADDR_MAX + 1"), "'PHYS_ADDR_MAX + 1' overflows 64-bit phys_addr_t",
	       "PHYS_ADDR_MAX + 1");
	is_str(bad(&env64, "4K - 8K"), "'4K - 8K' underflows: the result is negative",
	       "underflow");
	is_str(bad(&env64, "1M - 2M + 4M"), "'1M - 2M' underflows: the result is negative",
	       "every intermediate result must be in range");
	is_int(off, 0, "offset of the underflowing subexpression");
	is_str(bad(&env64, "8 * (2 - 3)"), "'2 - 3' underflows: the result is negative",
	       "the quote is the subexpression that underflows");
	is_int(off, 5, "offset of that subexpression");
	is_str(bad(&env64, "1 +"),
	       "expected a number, a name, a $label or '(', got end of expression", "dangling +");
	is_int(off, 3, "offset at the end");
	is_str(bad(&env64, "(1 + 2"), "expected ')' to close the '(' at offset 0, got end of expression",
	       "unclosed parenthesis");
	is_str(bad(&env64, "1 + 2)"), "unexpected ')' without a matching '('", "stray ')'");
	is_str(bad(&env64, "1 2"), "expected an operator (+, -, * or /) or the end, got '2'",
	       "two numbers");
	is_str(bad(&env64, ""), "empty expression, expected a number, a name, a $label or '('",
	       "empty");
	is_str(bad(&env64, "   "), "empty expression, expected a number, a name, a $label or '('",
	       "blank");
	is_str(bad(&env64, "-1"), "expected a number, a name, a $label or '(', got '-' (values are "
	       "unsigned: there is no unary minus)", "no unary minus");
	is_str(bad(&env64, "010"), "'010' has a leading zero: octal is not supported, write "
	       "decimal or 0x hex", "octal-looking number");
	is_str(bad(&env64, "16MB"), "malformed number '16MB' (write decimal or 0x hex, optionally "
	       "followed by one of K M G T P E)", "16MB");
	is_str(bad(&env64, "4k"), "malformed number '4k' (write decimal or 0x hex, optionally "
	       "followed by one of K M G T P E)", "lower-case unit");
	is_str(bad(&env64, "0x"), "malformed number '0x' (write decimal or 0x hex, optionally "
	       "followed by one of K M G T P E)", "0x without digits");
	is_u64(val(&env64, "1M / 2"), 512 << 10, "division");
	is_u64(val(&env64, "7 / 2"), 3, "division truncates, as C's unsigned division");
	is_u64(val(&env64, "2 + 6 / 2 * 3"), 11, "/ binds like *, left to right");
	is_u64(val(&env64, "(2 + 6) / (1 + 1)"), 4, "division of parenthesised terms");
	is_u64(val(&env64, "PHYS_ADDR_MAX / 2"), UINT64_MAX / 2, "division of a large constant");
	is_str(bad(&env64, "1G / (2 - 2)"), "'1G / (2 - 2)' divides by zero", "division by zero");
	is_str(bad(&env64, "1 % 2"), "expected an operator (+, -, * or /) or the end, got '%'",
	       "no remainder");
	is_str(bad(&env64, "memory[1].end"), "expected .base or .size after 'memory[1]', got '.end'",
	       "region field");
	is_str(bad(&env64, "memory.base"), "'memory' must be followed by [index].base or "
	       "[index].size", "region without index");
	is_str(bad(&env64, "reserved[x].base"), "expected a region index (0, 1, ...) after "
	       "'reserved[', got 'x'", "region index not a number");
	is_str(bad(&env64, "$"), "'$' must be followed by a label name", "bare $");
	is_str(bad(&env64, "2 \xc3\x97 1G"), "expected an operator (+, -, * or /) or the end, got "
	       "'\xc3\x97'", "a non-ASCII character is quoted whole (fuzz regression)");
	is_str(bad(&env64, "memory[\xc3\xa9].base"), "expected a region index (0, 1, ...) after "
	       "'memory[', got '\xc3\xa9'", "also after '['");
	{
		char big[5000];

		memset(big, '1', sizeof(big) - 1);
		big[sizeof(big) - 1] = '\0';
		is_str(bad(&env64, big), "expression longer than 4096 characters", "length limit");
		memset(big, '(', 100);
		strcpy(big + 100, "1");
		is_str(bad(&env64, big), "parentheses nested deeper than 64 levels", "depth limit");
	}
}

static bool known_label(void *ctx, const char *name)
{
	(void)ctx;
	return !strcmp(name, "buf");
}

static void test_unset(void)
{
	struct expr_env e = env64;

	e.unset = EXPR_UNSET_PAGE_SIZE;
	is_str(bad(&e, "PAGE_SIZE * 2"), "PAGE_SIZE cannot be used here: it is not defined yet "
	       "(machine keys are read in the order phys_addr_bits, page_size, smp_cache_bytes, "
	       "low_address_limit)", "a machine constant not defined yet");
	is_u64(val(&e, "SMP_CACHE_BYTES"), 64, "the others are");
}

/* Evaluation context: a fake state. */
static int q_calls;

static int query(void *ctx, enum expr_query q, uint64_t *out)
{
	(void)ctx;
	q_calls++;
	switch (q) {
	case Q_START_OF_DRAM: *out = 0x1000; return 0;
	case Q_END_OF_DRAM: *out = 0xfffffffffffff000ULL; return 0;
	case Q_PHYS_MEM_SIZE: *out = 0x7fff0000; return 0;
	case Q_RESERVED_SIZE: *out = 0x3000; return 0;
	case Q_CURRENT_LIMIT: *out = 0x40000000; return 0;
	}
	return -1;
}

static int label(void *ctx, const char *name, uint64_t *out, char *e, int len)
{
	(void)ctx;
	if (strcmp(name, "buf")) {
		snprintf(e, len, "label $%s is not bound (yet)", name);
		return -1;
	}
	*out = 0x7fff000;
	return 0;
}

static int region(void *ctx, int type, unsigned long idx, bool size, uint64_t *out, char *e,
		  int len)
{
	(void)ctx;
	if (idx > 1) {
		snprintf(e, len, "%s[%lu] does not exist", type ? "reserved" : "memory", idx);
		return -1;
	}
	*out = (type ? 0x100000 : 0x1000) * (idx + 1) + (size ? 0x10 : 0);
	return 0;
}

static uint64_t run(const char *text, int *ret)
{
	struct expr_env e = env64;
	struct expr *x;
	uint64_t v = 0;

	e.query = query;
	e.label = label;
	e.region = region;
	x = expr_parse(text, &env64, known_label, NULL, err, sizeof(err), &off);
	if (!x) {
		diag("'%s': %s", text, err);
		*ret = -2;
		return 0;
	}
	*ret = expr_eval(x, &e, &v, err, sizeof(err));
	if (expr_is_constant(x))
		diag("'%s' should not be constant", text);
	expr_free(x);
	return v;
}

static void test_runtime(void)
{
	int ret;

	is_u64(run("start_of_DRAM", &ret), 0x1000, "start_of_DRAM");
	is_u64(run("end_of_DRAM - 1M", &ret), 0xffffffffffeff000ULL, "end_of_DRAM - 1M");
	is_u64(run("phys_mem_size", &ret), 0x7fff0000, "phys_mem_size");
	is_u64(run("reserved_size + PAGE_SIZE", &ret), 0x4000, "reserved_size");
	is_u64(run("current_limit", &ret), 0x40000000, "current_limit");
	is_u64(run("$buf + 64", &ret), 0x7fff040, "$label");
	is_u64(run("memory[1].base", &ret), 0x2000, "memory[1].base");
	is_u64(run("memory[0].size", &ret), 0x1010, "memory[0].size");
	is_u64(run("reserved [ 1 ] . size", &ret), 0x200010, "spaces in a region reference");
	is_u64(run("(memory[1].base - start_of_DRAM) * 2", &ret), 0x2000, "mixed");
	run("end_of_DRAM + 1G", &ret);
	ok(ret == -1, "overflow at evaluation is an error");
	is_str(err, "'end_of_DRAM + 1G' overflows 64-bit phys_addr_t (0xfffffffffffff000 + "
	       "0x40000000)", "run-time overflow message shows the values");
	run("start_of_DRAM - 8K", &ret);
	is_str(err, "'start_of_DRAM - 8K' underflows: the result is negative (0x1000 - 0x2000)",
	       "run-time underflow");
	run("memory[7].base", &ret);
	is_str(err, "memory[7] does not exist", "callback errors pass through");
	ok(expr_parse("$nope", &env64, known_label, NULL, err, sizeof(err), &off) == NULL,
	   "an unknown label is a parse error");
	is_str(err, "unknown label '$nope': no earlier step binds it with \"as\"",
	       "unknown label message");
	ok(expr_parse("end_of_DRAM - 1G * 16G", &env64, NULL, NULL, err, sizeof(err), &off) == NULL,
	   "a constant part is folded, so it overflows at parse time");
	is_int(off, 14, "offset of the constant part");
	{
		struct expr *x = expr_parse("start_of_DRAM", &env64, NULL, NULL, err, sizeof(err),
					    &off);
		uint64_t v;

		ok(x && expr_eval(x, &env64, &v, err, sizeof(err)) == -1,
		   "a query without a state is an error, not a crash");
		is_str(expr_text(x), "start_of_DRAM", "expr_text");
		expr_free(x);
	}
}

int main(void)
{
	test_numbers();
	test_arithmetic();
	test_constants();
	test_errors();
	test_unset();
	test_runtime();
	return done_testing();
}
