// SPDX-License-Identifier: GPL-2.0-or-later
#include <stdio.h>
#include <string.h>

#include "machine.h"
#include "ops.h"

/* Generated from ops.def: argument specs, counted by the compiler. */
#define A(n, k)		{ .name = #n, .kind = ARG_##k }
#define O(n, k)		{ .name = #n, .kind = ARG_##k, .optional = true }
#define OP_ARGS(...)	__VA_ARGS__
#define OP_NARGS(args)	((int)(sizeof((struct op_arg_spec[]){ { 0 }, OP_ARGS args }) / \
			       sizeof(struct op_arg_spec)) - 1)

static const struct op_spec op_table[NR_OPS] = {
#define OP(ID, name, ret, kv, fuzz, args)					\
	[OP_##ID] = { OP_##ID, #name, RET_##ret, kv, fuzz, OP_NARGS(args), { OP_ARGS args } },
#include "ops.def"
#undef OP
};

const struct op_spec *op_spec(enum op_id id)
{
	if ((unsigned int)id >= NR_OPS)
		return NULL;
	return &op_table[id];
}

const struct op_spec *op_lookup(const char *name)
{
	int i;

	for (i = 0; i < NR_OPS; i++)
		if (strcmp(op_table[i].name, name) == 0)
			return &op_table[i];
	return NULL;
}

const char *ret_kind_name(enum ret_kind ret)
{
	static const char *const names[] = {
		[RET_NONE] = "void", [RET_INT] = "int", [RET_ADDR] = "address",
		[RET_BOOL] = "bool", [RET_VALUE] = "value", [RET_PAGES] = "pages",
	};

	return (unsigned int)ret < sizeof(names) / sizeof(names[0]) ? names[ret] : "?";
}

const char *versions_name(unsigned int versions, char *buf, int len)
{
	int v, n = 0;

	buf[0] = '\0';
	for (v = 0; v < NR_KERNEL_VERSIONS; v++)
		if (versions & KERNEL_VERSION_BIT(v))
			n += snprintf(buf + n, n < len ? len - n : 0, "%s%s", n ? ", " : "",
				      kernel_version_name(v));
	return buf;
}

void ops_print_list(FILE *f)
{
	char args[128], vers[32];
	int i, j, k;

	for (i = 0; i < NR_OPS; i++) {
		const struct op_spec *s = &op_table[i];

		args[0] = '\0';
		for (j = 0, k = 0; j < s->nargs; j++)
			k += snprintf(args + k, sizeof(args) - k, "%s%s%s%s", j ? ", " : "",
				      s->args[j].optional ? "[" : "", s->args[j].name,
				      s->args[j].optional ? "]" : "");
		fprintf(f, "%-32s (%s) -> %s", s->name, args, ret_kind_name(s->ret));
		if (s->versions != KV_ALL)
			fprintf(f, "   [Linux %s only]", versions_name(s->versions, vers,
								   sizeof(vers)));
		fputc('\n', f);
	}
}

/* The flags, with the kernel versions that have them. */
static const struct { const char *name; unsigned int bit, versions; } flag_table[] = {
	{ "HOTPLUG", MBF_HOTPLUG, KV_ALL },
	{ "MIRROR", MBF_MIRROR, KV_ALL },
	{ "NOMAP", MBF_NOMAP, KV_ALL },
	{ "DRIVER_MANAGED", MBF_DRIVER_MANAGED, KV_ALL },
	{ "RSRV_NOINIT", MBF_RSRV_NOINIT, KV_6_12 },
};

#define NR_FLAGS	((int)(sizeof(flag_table) / sizeof(flag_table[0])))

int flag_lookup(const char *name)
{
	int i;

	if (strcmp(name, "NONE") == 0)
		return MBF_NONE;
	for (i = 0; i < NR_FLAGS; i++)
		if (strcmp(flag_table[i].name, name) == 0)
			return (int)flag_table[i].bit;
	return -1;
}

unsigned int flag_versions(unsigned int bit)
{
	int i;

	for (i = 0; i < NR_FLAGS; i++)
		if (flag_table[i].bit == bit)
			return flag_table[i].versions;
	return 0;
}

unsigned int flags_of_version(int version)
{
	unsigned int mask = 0;
	int i;

	for (i = 0; i < NR_FLAGS; i++)
		if (flag_table[i].versions & KERNEL_VERSION_BIT(version))
			mask |= flag_table[i].bit;
	return mask;
}

int flag_names_of_version(int version, const char **names)
{
	int i, n = 0;

	names[n++] = "NONE";
	for (i = 0; i < NR_FLAGS; i++)
		if (flag_table[i].versions & KERNEL_VERSION_BIT(version))
			names[n++] = flag_table[i].name;
	return n;
}

const char *flags_name(unsigned int flags, char *buf, int len)
{
	int i, n = 0;

	if (!flags) {
		snprintf(buf, len, "NONE");
		return buf;
	}
	buf[0] = '\0';
	for (i = 0; i < NR_FLAGS; i++) {
		if (!(flags & flag_table[i].bit))
			continue;
		n += snprintf(buf + n, n < len ? len - n : 0, "%s%s", n ? "|" : "",
			      flag_table[i].name);
	}
	if (flags & ~MBF_ALL)
		snprintf(buf + n, n < len ? len - n : 0, "%s%#x", n ? "|" : "", flags & ~MBF_ALL);
	return buf;
}
