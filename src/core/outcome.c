// SPDX-License-Identifier: GPL-2.0-or-later
/* A step's outcome: freeing it, and reading it as people write a scenario. */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "outcome.h"
#include "util/xalloc.h"

void outcome_add_failure(struct step_outcome *out, int step, const char *op, int line,
			 const char *path, const char *expected, const char *actual)
{
	struct failure *f;

	out->failures = xrealloc(out->failures, (out->nr_failures + 1) * sizeof(*out->failures));
	f = &out->failures[out->nr_failures++];
	f->step = step;
	f->line = line;
	f->op = op;
	f->path = xstrdup(path);
	f->expected = xstrdup(expected);
	f->actual = xstrdup(actual);
}

void step_outcome_free(struct step_outcome *o)
{
	int i;

	for (i = 0; i < o->nr_failures; i++) {
		free(o->failures[i].path);
		free(o->failures[i].expected);
		free(o->failures[i].actual);
	}
	free(o->failures);
	steplog_free(&o->log);
	free(o->error);
	memset(o, 0, sizeof(*o));
}

int failure_format(const struct failure *f, char *buf, int len)
{
	char where[160], line[32] = "";

	if (f->line > 0)
		snprintf(line, sizeof(line), " (line %d)", f->line);
	if (f->step >= 0 && f->op)
		snprintf(where, sizeof(where), "steps[%d] %s%s", f->step, f->op, line);
	else
		snprintf(where, sizeof(where), "expect%s", line);
	return snprintf(buf, len, "%s: %s: expected %s, got %s", where, f->path, f->expected,
			f->actual);
}

/* The errno values memblock and the page allocator return. */
static const struct { int err; const char *name; } errno_names[] = {
	{ 1, "EPERM" }, { 2, "ENOENT" }, { 12, "ENOMEM" }, { 14, "EFAULT" },
	{ 16, "EBUSY" }, { 17, "EEXIST" }, { 19, "ENODEV" }, { 22, "EINVAL" },
	{ 28, "ENOSPC" }, { 34, "ERANGE" }, { 38, "ENOSYS" },
};

const char *ret_format(enum ret_kind kind, uint64_t value, char *buf, int len)
{
	unsigned int i;
	int v;

	switch (kind) {
	case RET_NONE:
		snprintf(buf, len, "(void)");
		break;
	case RET_INT:
		v = (int)(int64_t)value;
		snprintf(buf, len, "%d", v);
		for (i = 0; i < sizeof(errno_names) / sizeof(errno_names[0]); i++)
			if (v == -errno_names[i].err)
				snprintf(buf, len, "-%s", errno_names[i].name);
		break;
	case RET_BOOL:
		snprintf(buf, len, "%s", value ? "true" : "false");
		break;
	case RET_PAGES:
		snprintf(buf, len, "%" PRIu64, value);
		break;
	case RET_ADDR:
	case RET_VALUE:
	default:
		snprintf(buf, len, "0x%" PRIx64, value);
		break;
	}
	return buf;
}

/* One argument as the scenario would write it. */
static void arg_format(const struct op_arg_spec *as, const union op_value *v, char *buf, int len)
{
	switch (as->kind) {
	case ARG_PHYS:
		snprintf(buf, len, "0x%" PRIx64, v->phys);
		break;
	case ARG_NID:
		if (v->nid == -1)
			snprintf(buf, len, "NUMA_NO_NODE");
		else
			snprintf(buf, len, "%d", v->nid);
		break;
	case ARG_FLAGS:
		flags_name(v->flags, buf, len);
		break;
	case ARG_BOOL:
		snprintf(buf, len, "%s", v->boolean ? "true" : "false");
		break;
	case ARG_TYPE:
		snprintf(buf, len, "%s", v->type == MB_TYPE_RESERVED ? "reserved" : "memory");
		break;
	default:
		snprintf(buf, len, "?");
		break;
	}
}

/* snprintf at offset @n of @buf, which may already be full: keeps counting. */
static __attribute__((format(printf, 4, 5)))
int append(char *buf, int len, int n, const char *fmt, ...)
{
	va_list ap;
	int k;

	va_start(ap, fmt);
	k = vsnprintf(n < len ? buf + n : NULL, n < len ? len - n : 0, fmt, ap);
	va_end(ap);
	return n + (k > 0 ? k : 0);
}

int call_format(const struct machine *m, const struct op_call *c, const struct op_result *res,
		char *buf, int len)
{
	const struct op_spec *spec = op_spec(c->op);
	char val[64];
	int n, i;

	(void)m;
	if (!spec)
		return snprintf(buf, len, "?");
	n = append(buf, len, 0, "%s(", spec->name);
	for (i = 0; i < spec->nargs; i++) {
		arg_format(&spec->args[i], &c->arg[i], val, sizeof(val));
		n = append(buf, len, n, "%s%s=%s", i ? ", " : "", spec->args[i].name, val);
	}
	n = append(buf, len, n, ")");
	if (res && res->unsupported)
		n = append(buf, len, n, " = (not implemented)");
	else if (res && spec->ret != RET_NONE)
		n = append(buf, len, n, " = %s", ret_format(spec->ret, res->value, val, sizeof(val)));
	return n;
}
