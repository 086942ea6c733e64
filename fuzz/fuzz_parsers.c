// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Fuzz target: the small parsers, chosen by the input's first byte --
 * 'e' a value expression (parsed against a machine's constants, then
 * evaluated with queries, labels and region references), 's' the --step
 * argument, anything else one boot-log line.  Seeds: fuzz/seeds/parsers/.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"
#include "import/import.h"
#include "core/machine.h"
#include "scenario/expr.h"
#include "scenario/scenario.h"

static int fake_query(void *ctx, enum expr_query q, uint64_t *out)
{
	(void)ctx;
	*out = 0x100000ull << q;
	return 0;
}

static int fake_label(void *ctx, const char *name, uint64_t *out, char *err, int errlen)
{
	(void)ctx;
	if (strcmp(name, "buf")) {
		snprintf(err, errlen, "no label '%s'", name);
		return -1;
	}
	*out = 0x7fff0000;
	return 0;
}

static int fake_region(void *ctx, int type, unsigned long idx, bool size, uint64_t *out,
		       char *err, int errlen)
{
	(void)ctx;
	if (idx > 3) {
		snprintf(err, errlen, "no region %lu", idx);
		return -1;
	}
	*out = size ? 0x1000 * (idx + 1) : 0x100000ull * (unsigned)(type + 1) * idx;
	return 0;
}

static bool known_label(void *ctx, const char *name)
{
	(void)ctx;
	return !strcmp(name, "buf");
}

static void fuzz_expr(const char *text)
{
	struct machine m;
	struct expr_env env;
	struct expr *e;
	char err[256];
	int off;
	uint64_t v;

	machine_init_default(&m);
	memset(&env, 0, sizeof(env));
	scenario_expr_consts(&m, &env);
	e = expr_parse(text, &env, known_label, NULL, err, sizeof(err), &off);
	if (!e)
		return;
	env.query = fake_query;
	env.label = fake_label;
	env.region = fake_region;
	expr_eval(e, &env, &v, err, sizeof(err));
	if (strcmp(expr_text(e), text))
		abort();
	expr_free(e);
}

static const char step_scenario[] =
	"{\"scenario\": 1, \"name\": \"fuzz\", \"title\": \"t\", \"steps\": ["
	"{\"op\": \"memblock_add\", \"base\": \"1M\", \"size\": \"1G\"},"
	"{\"op\": \"memblock_alloc\", \"size\": 4096, \"align\": 4096, \"as\": \"buf\"}]}";

static void fuzz_step(const char *arg)
{
	static struct scenario *sc;
	char err[512];
	int save[2], k;

	if (!sc && !(sc = scenario_load_buffer("fuzz.json", step_scenario, strlen(step_scenario),
						err, sizeof(err)))) {
		fprintf(stderr, "fuzz: the --step scenario does not load: %s\n", err);
		abort();
	}
	fuzz_quiet(save);
	k = scenario_step_arg(sc, arg, "fuzz");
	fuzz_loud(save);
	if (k < -1 || k > sc->nr_steps)
		abort();
}

static void fuzz_line(const char *line)
{
	struct imp_line l;

	import_strip_prefix(line);
	import_parse_line(line, &l);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text;

	if (size < 1 || size > IMPORT_LINE_MAX)
		return 0;
	text = malloc(size);
	if (!text)
		abort();
	memcpy(text, data + 1, size - 1);
	text[size - 1] = '\0';
	if (data[0] == 'e')
		fuzz_expr(text);
	else if (data[0] == 's')
		fuzz_step(text);
	else
		fuzz_line(text);
	free(text);
	return 0;
}
