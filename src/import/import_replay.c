// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz import --replay: the scenario just made replayed on the model, and
 * told against the log: each allocation the log placed, whether the
 * replay put it there (with the log's line), and whether memblock.memory
 * ends as the kernel's "Early memory node ranges" said.
 */
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "run/engine.h"
#include "run/runner.h"
#include "scenario/scenario.h"
#include "util/xalloc.h"

#include <cjson/cJSON.h>

/* The expectation a step (or the top level, @step -1) holds from the node ranges. */
static bool has_node_ranges(const cJSON *doc, int step)
{
	const cJSON *ex, *r;

	if (step < 0)
		ex = cJSON_GetObjectItemCaseSensitive(doc, "expect");
	else
		ex = cJSON_GetObjectItemCaseSensitive(
			cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "steps"), step), "expect");
	r = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(ex, "memory"), "regions");
	return cJSON_GetObjectItemCaseSensitive(cJSON_GetArrayItem(r, 0), "x-from") != NULL;
}

static int log_line(const cJSON *doc, int step)
{
	const cJSON *s = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(doc, "steps"), step);
	const cJSON *l = cJSON_GetObjectItemCaseSensitive(s, "x-log-line");

	return cJSON_IsNumber(l) ? l->valueint : 0;
}

/* Tally one step's (or the top level's) outcome; report what differs. */
static void tally(const struct scenario *sc, const cJSON *doc, int step, const struct step_outcome *o,
		  const char *log, FILE *report, struct import_replay *st)
{
	bool ranges = has_node_ranges(doc, step);
	bool placed_ok = true, ranges_ok = true;
	char buf[512];
	int k;

	for (k = 0; k < o->nr_failures; k++) {
		const struct failure *f = &o->failures[k];

		st->failures++;
		if (!strcmp(f->path, "ret"))
			placed_ok = false;
		if (ranges && !strncmp(f->path, "memory.", 7))
			ranges_ok = false;
		failure_format(f, buf, sizeof(buf));
		if (step >= 0 && log_line(doc, step))
			fprintf(report, "%s:%d: replay differs: %s\n", log, log_line(doc, step), buf);
		else
			fprintf(report, "%s: replay differs: %s\n", log, buf);
	}
	if (step >= 0 && sc->steps[step].expect.ret.present &&
	    sc->steps[step].expect.ret.kind == RET_ADDR) {
		st->allocs++;
		st->placed += placed_ok;
	}
	if (ranges) {
		st->have_ranges = true;
		st->ranges_equal = ranges_ok && (st->ranges_equal || st->ranges_seen == 0);
		st->ranges_seen++;
	}
}

int import_replay(const char *text, const char *log, FILE *report, struct import_replay *st,
		  char *err, int errlen)
{
	struct scenario *sc = scenario_load_buffer("<import>", text, strlen(text), err, errlen);
	cJSON *doc = cJSON_Parse(text);
	struct engine *eng = NULL;
	struct run *r = NULL;
	struct step_outcome o;
	int ret = -1;

	memset(st, 0, sizeof(*st));
	if (!sc || !doc)
		goto out;
	eng = engine_open("model", err, errlen);
	if (!eng)
		goto out;
	r = run_create(sc, eng);
	while (run_done(r) < sc->nr_steps) {
		int i = run_done(r);

		if (run_step(r, &o)) {
			snprintf(err, (size_t)errlen, "step %d: %s", i, o.error ? o.error : "run-time error");
			step_outcome_free(&o);
			goto out;
		}
		tally(sc, doc, i, &o, log, report, st);
		step_outcome_free(&o);
	}
	memset(&o, 0, sizeof(o));
	run_check_final(r, &o);
	tally(sc, doc, -1, &o, log, report, st);
	step_outcome_free(&o);
	ret = 0;
out:
	run_destroy(r);
	if (eng)
		engine_close(eng);
	scenario_free(sc);
	cJSON_Delete(doc);
	return ret;
}
