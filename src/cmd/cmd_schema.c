// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz schema: a JSON Schema (draft 2020-12) of the scenario format, made
 * from the tables the loader itself reads: the operation table (op names,
 * their arguments and the kind of each), the flag names, and the keys of
 * the top level, of "machine" and of "expect".  Editors validate and
 * complete scenario files with it; the bundled scenarios name it in their
 * "$schema" (scenarios/schema/, checked by tests/schema.test to be what
 * this command prints).
 *
 * The schema is the shape of a scenario, not all of its rules: values
 * that are expressions ("16M + 0x1000"), node ids against max_numnodes or
 * labels used before they are bound are the loader's to check.  Anything
 * the schema refuses, the loader refuses too.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "core/ops.h"
#include "scenario/scenario.h"

static const char *const draft = "https://json-schema.org/draft/2020-12/schema";

static cJSON *ref(const char *def)
{
	char buf[64];
	cJSON *o = cJSON_CreateObject();

	snprintf(buf, sizeof(buf), "#/$defs/%s", def);
	cJSON_AddStringToObject(o, "$ref", buf);
	return o;
}

static cJSON *typed(const char *type, const char *description)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "type", type);
	if (description)
		cJSON_AddStringToObject(o, "description", description);
	return o;
}

/* { "anyOf": [ a, b ] } */
static cJSON *any_of(cJSON *a, cJSON *b, const char *description)
{
	cJSON *o = cJSON_CreateObject(), *l = cJSON_AddArrayToObject(o, "anyOf");

	cJSON_AddItemToArray(l, a);
	cJSON_AddItemToArray(l, b);
	if (description)
		cJSON_AddStringToObject(o, "description", description);
	return o;
}

/* No keys but those in "properties", and x- keys, which the loader ignores anywhere. */
static void closed(cJSON *o)
{
	cJSON_AddItemToObject(cJSON_AddObjectToObject(o, "patternProperties"), "^x-",
			      cJSON_CreateTrue());
	cJSON_AddFalseToObject(o, "additionalProperties");
}

/* An object whose keys are @keys, each allowing anything, and no others. */
static cJSON *keys_object(const char *const *keys, int n)
{
	cJSON *o = typed("object", NULL), *props = cJSON_AddObjectToObject(o, "properties");
	int i;

	for (i = 0; i < n; i++)
		cJSON_AddItemToObject(props, keys[i], cJSON_CreateTrue());
	closed(o);
	return o;
}

static cJSON *flag_defs(void)
{
	cJSON *names = cJSON_CreateArray(), *words, *one, *str;
	char buf[64], alt[256] = "", pattern[600];
	unsigned int bit;

	cJSON_AddItemToArray(names, cJSON_CreateString("NONE"));
	for (bit = 1; bit & MBF_ALL; bit <<= 1)
		cJSON_AddItemToArray(names, cJSON_CreateString(flags_name(bit, buf, sizeof(buf))));
	cJSON_ArrayForEach(one, names)
		snprintf(alt + strlen(alt), sizeof(alt) - strlen(alt), "%s%s", alt[0] ? "|" : "",
			 one->valuestring);
	/* One name, or names joined by '|'; MEMBLOCK_ may prefix each. */
	snprintf(pattern, sizeof(pattern), "^(MEMBLOCK_)?(%s)(\\|(MEMBLOCK_)?(%s))*$", alt, alt);
	str = typed("string", "flag names joined by |, as the dumps print them");
	cJSON_AddStringToObject(str, "pattern", pattern);
	words = typed("array", "flag names, each optionally prefixed MEMBLOCK_");
	one = cJSON_CreateObject();
	snprintf(pattern, sizeof(pattern), "^(MEMBLOCK_)?(%s)$", alt);
	cJSON_AddStringToObject(one, "pattern", pattern);
	cJSON_AddItemToObject(one, "type", cJSON_CreateString("string"));
	cJSON_AddItemToObject(words, "items", one);
	cJSON_Delete(names);
	return any_of(str, words, "enum memblock_flags");
}

/* The kinds of argument values, as $defs; named as in enum arg_kind. */
static void value_defs(cJSON *defs)
{
	cJSON *n, *nid;

	n = typed("integer", NULL);
	cJSON_AddNumberToObject(n, "minimum", 0);
	cJSON_AddItemToObject(defs, "phys", any_of(n, typed("string", "an expression: "
		"\"16M + 0x1000\", \"memory[0].base\", \"$label\" (doc/scenario-format.md)"),
		"phys_addr_t: a non-negative integer or an expression string"));
	n = typed("integer", NULL);
	cJSON_AddNumberToObject(n, "minimum", -1);
	nid = cJSON_CreateObject();
	cJSON_AddItemToObject(nid, "enum", cJSON_CreateStringArray(
		(const char *const[]){ "NUMA_NO_NODE", "MAX_NUMNODES" }, 2));
	cJSON_AddItemToObject(defs, "nid", any_of(n, nid, "a node id, -1 or NUMA_NO_NODE"));
	cJSON_AddItemToObject(defs, "flags", flag_defs());
	cJSON_AddItemToObject(defs, "bool", typed("boolean", NULL));
	cJSON_AddItemToObject(defs, "string", typed("string", "a string argument: reserve_mem's "
		"\"size:align:name\", a reservation's name"));
	n = cJSON_CreateObject();
	cJSON_AddItemToObject(n, "enum", cJSON_CreateStringArray(
		(const char *const[]){ "memory", "reserved" }, 2));
	cJSON_AddItemToObject(defs, "type", n);
}

static const char *const kind_def[] = {
	[ARG_PHYS] = "phys", [ARG_NID] = "nid", [ARG_FLAGS] = "flags", [ARG_BOOL] = "bool",
	[ARG_TYPE] = "type", [ARG_STRING] = "string",
};

/* if op is NAME then: its arguments (those not optional required) and the common keys. */
static cJSON *op_rule(const struct op_spec *spec)
{
	cJSON *rule = cJSON_CreateObject(), *cond, *then, *props, *req;
	int i;

	cond = cJSON_AddObjectToObject(rule, "if");
	cJSON_AddItemToObject(cJSON_AddObjectToObject(cJSON_AddObjectToObject(cond, "properties"),
						      "op"), "const", cJSON_CreateString(spec->name));
	then = cJSON_AddObjectToObject(rule, "then");
	props = cJSON_AddObjectToObject(then, "properties");
	req = cJSON_AddArrayToObject(then, "required");
	for (i = 0; i < spec->nargs; i++) {
		cJSON_AddItemToObject(props, spec->args[i].name, ref(kind_def[spec->args[i].kind]));
		if (!spec->args[i].optional)
			cJSON_AddItemToArray(req, cJSON_CreateString(spec->args[i].name));
	}
	cJSON_AddItemToObject(props, "op", cJSON_CreateTrue());
	cJSON_AddItemToObject(props, "as", cJSON_CreateTrue());
	cJSON_AddItemToObject(props, "note", cJSON_CreateTrue());
	cJSON_AddItemToObject(props, "expect", cJSON_CreateTrue());
	closed(then);
	return rule;
}

static cJSON *step_def(void)
{
	cJSON *step = typed("object", "a memblock call: op, the kernel's parameter names, "
			    "and as, note, expect"), *props, *ops, *rules, *as;
	int i;

	cJSON_AddItemToObject(step, "required", cJSON_CreateStringArray(
		(const char *const[]){ "op" }, 1));
	props = cJSON_AddObjectToObject(step, "properties");
	ops = cJSON_AddArrayToObject(cJSON_AddObjectToObject(props, "op"), "enum");
	rules = cJSON_AddArrayToObject(step, "allOf");
	for (i = 0; i < NR_OPS; i++) {
		cJSON_AddItemToArray(ops, cJSON_CreateString(op_spec(i)->name));
		cJSON_AddItemToArray(rules, op_rule(op_spec(i)));
	}
	as = typed("string", "a label for what this step returns, $NAME in later expressions");
	cJSON_AddStringToObject(as, "pattern", "^\\$?[A-Za-z_][A-Za-z0-9_]*$");
	cJSON_AddItemToObject(props, "as", as);
	cJSON_AddItemToObject(props, "note", typed("string", NULL));
	cJSON_AddItemToObject(props, "expect", ref("expect"));
	return step;
}

static cJSON *schema(void)
{
	cJSON *root = cJSON_CreateObject(), *props, *defs, *name, *steps;
	const char *const *keys;
	int n;

	cJSON_AddStringToObject(root, "$schema", draft);
	cJSON_AddStringToObject(root, "$id", "urn:mbviz:scenario:1");
	cJSON_AddStringToObject(root, "title", "mbviz scenario, format 1");
	cJSON_AddStringToObject(root, "description", "Made by `mbviz schema` from mbviz's "
				"operation table; the format is doc/scenario-format.md.");
	cJSON_AddStringToObject(root, "type", "object");
	cJSON_AddItemToObject(root, "required", cJSON_CreateStringArray(
		(const char *const[]){ "scenario", "name", "steps" }, 3));
	props = cJSON_AddObjectToObject(root, "properties");
	keys = scenario_top_keys(&n);
	for (; n > 0; n--, keys++)
		cJSON_AddItemToObject(props, *keys, cJSON_CreateTrue());
	cJSON_ReplaceItemInObject(props, "$schema", typed("string", "this schema's URI"));
	cJSON_ReplaceItemInObject(props, "scenario", cJSON_CreateObject());
	cJSON_AddNumberToObject(cJSON_GetObjectItem(props, "scenario"), "const", 1);
	name = typed("string", "a short identifier");
	cJSON_AddStringToObject(name, "pattern", "^[a-z0-9][a-z0-9._-]*$");
	cJSON_ReplaceItemInObject(props, "name", name);
	cJSON_ReplaceItemInObject(props, "title", typed("string", NULL));
	cJSON_ReplaceItemInObject(props, "description", typed("string", NULL));
	keys = scenario_machine_keys(&n);
	cJSON_ReplaceItemInObject(props, "machine", keys_object(keys, n));
	steps = typed("array", NULL);
	cJSON_AddItemToObject(steps, "items", ref("step"));
	cJSON_ReplaceItemInObject(props, "steps", steps);
	cJSON_ReplaceItemInObject(props, "expect", ref("expect"));
	closed(root);
	defs = cJSON_AddObjectToObject(root, "$defs");
	cJSON_AddItemToObject(defs, "step", step_def());
	keys = scenario_expect_keys(&n);
	cJSON_AddItemToObject(defs, "expect", keys_object(keys, n));
	value_defs(defs);
	return root;
}

int cmd_schema(const struct cmd_line *cl)
{
	cJSON *s = schema();
	char *text = cJSON_Print(s);

	cJSON_Delete(s);
	if (!text) {
		fputs("mbviz: out of memory\n", stderr);
		return 3;
	}
	printf("%s\n", text);
	free(text);
	return cmd_flush_stdout(cl);
}
