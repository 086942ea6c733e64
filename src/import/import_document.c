// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The importer's last step: the steps made into a scenario document,
 * replayed on the model to find the allocation direction and the limits
 * the log does not show, and printed as people write scenarios.
 */
#include <stdlib.h>
#include <string.h>

#include "run/engine.h"
#include "import_priv.h"
#include "import_profile.h"
#include "import_text.h"
#include "run/runner.h"
#include "scenario/scenario.h"
#include "util/xalloc.h"

/* ---- the document ---- */

/* A debugfs dump with the node or flag column: a kernel after 6.1 printed it. */
static bool new_debugfs(const struct importer *im)
{
	int i;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind == IMP_DEBUGFS_REGION && (l->has_nid || l->nid_none || l->has_flags))
			return true;
	}
	return false;
}

static cJSON *document(struct importer *im, bool bottom_up, bool with_steps)
{
	cJSON *root = cJSON_CreateObject(), *m = cJSON_CreateObject();
	struct imp_profile prof;
	char desc[640];

	cJSON_AddNumberToObject(root, "scenario", 1);
	cJSON_AddStringToObject(root, "name", im->o->name ? im->o->name : "imported");
	cJSON_AddStringToObject(root, "title", "A boot log, imported by mbviz import");
	imp_choose_profile(im->version, new_debugfs(im), &prof);
	if (im->version[0])
		snprintf(desc, sizeof(desc), "Imported from %s.  The log claims Linux %s; replayed with mbviz's Linux %s semantics.",
			 im->o->input_name, im->version, prof.kernel);
	else
		snprintf(desc, sizeof(desc), "Imported from %s.  The log does not say which kernel printed it; replayed with mbviz's Linux %s semantics.",
			 im->o->input_name, prof.kernel);
	cJSON_AddStringToObject(root, "description", desc);
	cJSON_AddStringToObject(root, "x-kernel-version", im->version[0] ? im->version : "unknown");
	cJSON_AddStringToObject(m, "kernel", prof.kernel);
	cJSON_AddStringToObject(m, "x-kernel-why", prof.why);
	if (im->numa) {
		cJSON_AddTrueToObject(m, "numa");
		if (im->max_numnodes != 8)
			cJSON_AddNumberToObject(m, "max_numnodes", im->max_numnodes);
	}
	if (im->phys32)
		cJSON_AddNumberToObject(m, "phys_addr_bits", 32);
	if (im->smp_cache_bytes && im->smp_cache_bytes != 64)
		cJSON_AddNumberToObject(m, "smp_cache_bytes", im->smp_cache_bytes);
	imp_fw_machine(im, m);
	if (im->arch)
		cJSON_AddStringToObject(m, "x-arch", im->arch);
	if (im->regions[IMP_MEMORY])
		cJSON_AddNumberToObject(m, "memory_regions", (double)im->regions[IMP_MEMORY]);
	if (im->regions[IMP_RESERVED])
		cJSON_AddNumberToObject(m, "reserved_regions", (double)im->regions[IMP_RESERVED]);
	if (im->zones)
		cJSON_AddItemReferenceToObject(m, "zones", im->zones);
	if (im->section_size && im->section_size != 128ULL << 20)
		imp_put_hex(m, "section_size", im->section_size);
	if (im->flatmem)
		cJSON_AddTrueToObject(m, "flatmem");
	if (bottom_up)
		cJSON_AddTrueToObject(m, "bottom_up");
	if (im->allow_resize)
		cJSON_AddTrueToObject(m, "allow_resize");
	cJSON_AddItemToObject(root, "machine", m);
	if (with_steps) {
		cJSON_AddItemReferenceToObject(root, "steps", im->steps);
		if (im->pending)
			cJSON_AddItemReferenceToObject(root, "expect", im->pending);
	}
	return root;
}

static bool ret_failed(const struct step_outcome *o)
{
	int k;

	for (k = 0; k < o->nr_failures; k++)
		if (!strcmp(o->failures[k].path, "ret"))
			return true;
	return false;
}

/* Run @op with one argument on the engine, between two of the runner's steps. */
static void engine_op(struct engine *eng, enum op_id op, union op_value arg)
{
	struct op_call call = { .op = op, .caller = "import" };
	struct op_result res = { 0 };

	call.arg[0] = arg;
	steplog_set_current(NULL, 8);
	eng->ops->exec(eng, &call, &res);
}

static uint64_t end_of_dram(const struct mb_state *st)
{
	const struct mb_type *t = &st->memory;

	if (!t->cnt || !t->regions[t->cnt - 1].size)
		return 0;
	return t->regions[t->cnt - 1].base + t->regions[t->cnt - 1].size;
}

enum placement_fix {
	FIX_FLIP	= 1,	/* memblock_set_bottom_up(!direction) */
	FIX_RAISE	= 2,	/* memblock_set_current_limit(end_of_DRAM): x86 after init_mem_mapping */
};

/*
 * Replay on the model; where an allocation lands elsewhere than the log
 * says, and an operation memblock=debug does not log would put it there,
 * that operation happened: the other allocation direction
 * (memblock_set_bottom_up), or on x86 the end of the 1M limit of early
 * boot.  fixes[i] says what goes before step i; the return value is the
 * initial direction (a flip before any placement is the machine's).
 */
static bool placement_fixes(struct importer *im, unsigned char *fixes, int nr)
{
	cJSON *doc = document(im, im->fw.bottom_up, true);
	char *text = cJSON_PrintUnformatted(doc), err[512];
	struct scenario *sc = NULL;
	struct engine *eng = NULL;
	struct run *r = NULL;
	struct step_outcome o;
	bool dir = im->fw.bottom_up, initial = dir, checked = false, raised = !im->x86_low_limit;

	cJSON_Delete(doc);
	if (!text)
		return false;
	sc = scenario_load_buffer("import", text, strlen(text), err, sizeof(err));
	free(text);
	if (!sc || sc->nr_steps != nr)
		goto out;
	eng = engine_open("model", err, sizeof(err));
	r = eng ? run_create(sc, eng) : NULL;
	while (r && run_done(r) < sc->nr_steps) {
		int i = run_done(r), ret, fix;
		const struct expect *e = step_expect(&sc->steps[i]);
		bool placed = e && e->ret.present && e->ret.kind == RET_ADDR;
		void *saved = placed ? run_save(r) : NULL;

		ret = run_step(r, &o);
		for (fix = FIX_FLIP; placed && !ret && ret_failed(&o) && fix <= (FIX_FLIP | FIX_RAISE); fix++) {
			union op_value v;

			if ((fix & FIX_RAISE) && raised)
				continue;
			step_outcome_free(&o);
			run_restore(r, saved);
			if (fix & FIX_RAISE) {
				v.phys = end_of_dram(run_state(r));
				engine_op(eng, OP_MEMBLOCK_SET_CURRENT_LIMIT, v);
			}
			if (fix & FIX_FLIP) {
				v.boolean = !dir;
				engine_op(eng, OP_MEMBLOCK_SET_BOTTOM_UP, v);
			}
			ret = run_step(r, &o);
			if (!ret && !ret_failed(&o)) {
				if (fix & FIX_FLIP) {
					dir = !dir;
					if (!checked) {
						initial = dir;
						fix &= ~FIX_FLIP;
					}
				}
				if (fix & FIX_RAISE)
					raised = true;
				fixes[i] = (unsigned char)fix;
				break;
			}
		}
		if (placed && !ret && ret_failed(&o) && fix > (FIX_FLIP | FIX_RAISE)) {
			/* nothing explains it: replay it as the log has it, and say so */
			step_outcome_free(&o);
			run_restore(r, saved);
			ret = run_step(r, &o);
		}
		if (placed && !ret)
			checked = true;
		step_outcome_free(&o);
		if (saved)
			run_free_saved(r, saved);
		if (ret)
			break;
	}
out:
	run_destroy(r);
	if (eng)
		engine_close(eng);
	scenario_free(sc);
	return initial;
}

static void insert_fixes(struct importer *im, const unsigned char *fixes, int nr, bool initial)
{
	bool dir = initial;
	int i;
	cJSON *out = cJSON_CreateArray(), *s, *f;

	for (i = 0; i < nr; i++) {
		s = cJSON_DetachItemFromArray(im->steps, 0);
		if (fixes[i] & FIX_RAISE) {
			f = cJSON_CreateObject();
			cJSON_AddStringToObject(f, "op", "memblock_set_current_limit");
			cJSON_AddStringToObject(f, "limit", "end_of_DRAM");
			cJSON_AddStringToObject(f, "note",
				"setup_arch: memblock_set_current_limit(get_max_mapped()) after init_mem_mapping (x86; not logged), as the next allocation's placement says");
			cJSON_AddItemToArray(out, f);
		}
		if (fixes[i] & FIX_FLIP) {
			dir = !dir;
			f = cJSON_CreateObject();
			cJSON_AddStringToObject(f, "op", "memblock_set_bottom_up");
			cJSON_AddBoolToObject(f, "enable", dir);
			cJSON_AddStringToObject(f, "note", dir ?
				"the next allocation's placement says bottom-up (memblock_set_bottom_up is not logged)" :
				"the next allocation's placement says top-down (memblock_set_bottom_up is not logged)");
			cJSON_AddItemToArray(out, f);
		}
		cJSON_AddItemToArray(out, s);
	}
	cJSON_Delete(im->steps);
	im->steps = out;
}

static bool has_placements(cJSON *steps)
{
	cJSON *s;

	cJSON_ArrayForEach(s, steps) {
		cJSON *ex = cJSON_GetObjectItemCaseSensitive(s, "expect");

		if (ex && cJSON_GetObjectItemCaseSensitive(ex, "ret"))
			return true;
	}
	return false;
}

/* "x-log-line" after a step's own keys and its expect, where a reader looks last. */
static void line_keys_last(cJSON *steps)
{
	cJSON *s;

	cJSON_ArrayForEach(s, steps) {
		cJSON *k = cJSON_DetachItemFromObjectCaseSensitive(s, "x-log-line");

		if (k)
			cJSON_AddItemToObject(s, "x-log-line", k);
	}
}

char *imp_finish(struct importer *im, char *err, int errlen)
{
	bool bottom_up = im->fw.bottom_up;
	char *text;
	cJSON *doc;

	if (im->o->guess_direction && has_placements(im->steps)) {
		int n = cJSON_GetArraySize(im->steps);
		unsigned char *fixes = xzalloc((size_t)n);

		bottom_up = placement_fixes(im, fixes, n);
		insert_fixes(im, fixes, n, bottom_up);
		free(fixes);
	}
	im->fw.final_bottom_up = bottom_up;
	line_keys_last(im->steps);
	doc = document(im, bottom_up, true);
	text = imp_print_doc(doc, false);
	cJSON_Delete(doc);
	if (!text)
		snprintf(err, (size_t)errlen, "%s: out of memory", im->o->input_name);
	return text;
}
