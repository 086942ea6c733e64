// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `mbviz import --live`, the scenario's last part: the zones from
 * /proc/zoneinfo (the machine's, and the expectation), the description of
 * what each file gave, and the scenario printed as import prints one.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "import_live.h"
#include "import_profile.h"
#include "import_text.h"
#include "live_priv.h"
#include "util/xalloc.h"

/* ---- zones: the machine's, and the expectation ---- */

struct zone_name {
	char		name[16];
	uint64_t	end_pfn;	/* the furthest any node's part of it reaches */
	bool		nonempty, modelled;
};

#define LIVE_MAX_ZONE_NAMES	8

/* The zone types in /proc/zoneinfo's order; false if there are too many to be zones. */
static int zone_names(const struct live_data *d, struct zone_name *zn)
{
	int i, j, n = 0;

	for (i = 0; i < d->nr_zones; i++) {
		const struct live_zone *z = &d->zones[i];

		for (j = 0; j < n && strcmp(zn[j].name, z->name); j++)
			;
		if (j == n) {
			if (n == LIVE_MAX_ZONE_NAMES)
				return -1;
			memset(&zn[n], 0, sizeof(zn[n]));
			snprintf(zn[n].name, sizeof(zn[n].name), "%s", z->name);
			/* no ZONE_MOVABLE or ZONE_DEVICE in mbviz's page allocator */
			zn[n].modelled = strcmp(z->name, "Movable") && strcmp(z->name, "Device");
			n++;
		}
		if (z->spanned) {
			zn[j].nonempty = true;
			if (z->start_pfn + z->spanned > zn[j].end_pfn)
				zn[j].end_pfn = z->start_pfn + z->spanned;
		}
	}
	return n;
}

static void zone_machine(struct live_build *b, const struct zone_name *zn, int n)
{
	cJSON *zones = cJSON_CreateArray();
	int i, last = -1;

	for (i = 0; i < n; i++)
		if (zn[i].nonempty && zn[i].modelled)
			last = i;
	for (i = 0; i <= last; i++) {
		cJSON *z;

		if (!zn[i].nonempty || !zn[i].modelled)
			continue;
		z = cJSON_CreateObject();
		cJSON_AddStringToObject(z, "name", zn[i].name);
		if (i != last)
			live_put_hex(z, "end", zn[i].end_pfn * b->d->page_size);
		cJSON_AddItemToArray(zones, z);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(b->machine, "zones");
	cJSON_AddItemToObject(b->machine, "zones", zones);
}

/* The kernel log's "pages in unavailable ranges" for node @nid's @zone, as mbviz import expected them. */
static void keep_unavailable(const cJSON *from_log, cJSON *o, int nid, const char *zone)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, from_log) {
		const cJSON *u = cJSON_GetObjectItemCaseSensitive(it, "unavailable");
		const cJSON *line = cJSON_GetObjectItemCaseSensitive(it, "x-unavailable-log-line");

		if (!cJSON_IsNumber(u) || cJSON_GetObjectItemCaseSensitive(it, "nid")->valueint != nid ||
		    strcmp(cJSON_GetObjectItemCaseSensitive(it, "zone")->valuestring, zone))
			continue;
		cJSON_AddNumberToObject(o, "unavailable", u->valuedouble);
		if (cJSON_IsNumber(line))
			cJSON_AddNumberToObject(o, "x-unavailable-log-line", line->valuedouble);
		return;
	}
}

static void zone_expect(struct live_build *b, const struct zone_name *zn, int n)
{
	struct live_data *d = b->d;
	cJSON *ex = cJSON_CreateArray();
	int i, j, nodes = 0, nr = 0;

	for (i = 0; i < d->nr_zones; i++) {
		const struct live_zone *z = &d->zones[i];
		uint64_t s, e;
		cJSON *o;

		for (j = 0; j < n && strcmp(zn[j].name, z->name); j++)
			;
		if (z->spanned && !zn[j].modelled)
			live_unchecked(b, "node %d's zone %s (%" PRIu64 " pages present): mbviz's page allocator has no such zone",
				  z->nid, z->name, z->present);
		if (!zn[j].nonempty || !zn[j].modelled || !live_node_span(d, z->nid, &s, &e) ||
		    (!b->numa && z->nid))
			continue;	/* a memoryless node: no zones in the model */
		o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "nid", z->nid);
		cJSON_AddStringToObject(o, "zone", z->name);
		cJSON_AddNumberToObject(o, "spanned", (double)z->spanned);
		cJSON_AddNumberToObject(o, "present", (double)z->present);
		cJSON_AddNumberToObject(o, "x-managed-now", (double)z->managed);
		keep_unavailable(cJSON_GetObjectItemCaseSensitive(b->expect, "zones"), o, z->nid, z->name);
		cJSON_AddItemToArray(ex, o);
		nr++;
	}
	for (i = 0; i <= b->max_nid && i < LIVE_MAX_NODES; i++) {
		uint64_t s, e;

		nodes += live_node_span(d, i, &s, &e);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(b->expect, "zones");
	cJSON_AddItemToObject(b->expect, "zones", ex);
	live_took(&d->src[LIVE_ZONEINFO], "the zones (names and ends) and, for %d node%s with memory, each zone's spanned and present pages: %d expectations",
	     nodes, nodes == 1 ? "" : "s", nr);
	live_unchecked(b, "managed pages: /proc/zoneinfo counts them now, after the boot freed its init memory and initrd, and after whatever CMA, ballooning or hotplug did since; each zone's count is kept as x-managed-now");
}

void live_zones(struct live_build *b)
{
	struct zone_name zn[LIVE_MAX_ZONE_NAMES];
	int n;

	if (b->d->src[LIVE_ZONEINFO].status != LIVE_READ) {
		const struct live_source *zi = &b->d->src[LIVE_ZONEINFO];

		live_unchecked(b, "zones: /proc/zoneinfo is %s%s%s%s, so the zones are the default ones and none is expected",
			       live_status_word(zi->status), zi->status == LIVE_MISSING ? "" : " (",
			       zi->status == LIVE_MISSING ? "" : zi->why, zi->status == LIVE_MISSING ? "" : ")");
		return;
	}
	n = zone_names(b->d, zn);
	if (n < 0) {
		b->d->src[LIVE_ZONEINFO].status = LIVE_UNUSABLE;
		snprintf(b->d->src[LIVE_ZONEINFO].why, sizeof(b->d->src[LIVE_ZONEINFO].why),
			 "more than %d zone names", LIVE_MAX_ZONE_NAMES);
		live_unchecked(b, "zones: /proc/zoneinfo has more zone names than a kernel has zones");
		return;
	}
	zone_machine(b, zn, n);
	zone_expect(b, zn, n);
}

/* ---- the semantics profile ---- */

/*
 * The machine's "kernel": the log's version line's, through mbviz import;
 * without one, chosen here, where the debugfs files' format may tell.
 * First in "machine", where people look.
 */
void live_profile(struct live_build *b)
{
	const cJSON *had = cJSON_GetObjectItemCaseSensitive(b->machine, "kernel");
	struct imp_profile p;
	cJSON *m, *k;

	if (had && b->version[0])
		return;
	/* a log without its version line: debugfs under sys/kernel may tell */
	imp_choose_profile(b->version, b->d->dbg_has_nid ||
			   (cJSON_IsString(had) && !strcmp(had->valuestring, "6.12")), &p);
	cJSON_DeleteItemFromObjectCaseSensitive(b->machine, "kernel");
	cJSON_DeleteItemFromObjectCaseSensitive(b->machine, "x-kernel-why");
	m = cJSON_CreateObject();
	cJSON_AddStringToObject(m, "kernel", p.kernel);
	cJSON_AddStringToObject(m, "x-kernel-why", p.why);
	while ((k = b->machine->child) != NULL) {
		cJSON_DetachItemViaPointer(b->machine, k);
		cJSON_AddItemToObject(m, k->string, k);
	}
	cJSON_Delete(b->machine);
	b->machine = m;
}

/* ---- what was read, for people ---- */

const char *live_status_word(enum live_status st)
{
	switch (st) {
	case LIVE_MISSING:
		return "not there";
	case LIVE_UNREADABLE:
		return "not readable";
	case LIVE_UNUSABLE:
		return "of no use";
	default:
		return "read";
	}
}

void live_describe(struct live_build *b, FILE *diag)
{
	struct live_data *d = b->d;
	const cJSON *kernel = cJSON_GetObjectItemCaseSensitive(b->machine, "kernel");
	int s;

	if (d->root)
		live_desc_add(b, "The machine recorded in %s, read by mbviz import --live --root.", d->root);
	else
		live_desc_add(b, "The machine mbviz import --live ran on.");
	if (b->version[0])
		live_desc_add(b, " Its log says Linux %s; replayed with mbviz's Linux %s semantics.", b->version,
			      kernel ? kernel->valuestring : "6.1");
	else if (kernel)
		live_desc_add(b, " Replayed with mbviz's Linux %s semantics.", kernel->valuestring);
	for (s = 0; s < NR_LIVE_SRC; s++) {
		const struct live_source *src = &d->src[s];

		if (src->status == LIVE_NOT_TRIED)
			continue;
		if (src->status == LIVE_READ) {
			live_desc_add(b, " %s: %s.", src->path, src->took[0] ? src->took : "read, not needed");
			continue;
		}
		if (src->status == LIVE_MISSING)
			live_desc_add(b, " %s: not there.", src->path);
		else
			live_desc_add(b, " %s: %s (%s).", src->path, live_status_word(src->status), src->why);
		/* on stderr what could not be read, and a missing file that mattered */
		if (src->status != LIVE_MISSING || s == LIVE_ZONEINFO ||
		    ((s == LIVE_KMSG || s == LIVE_DMESG) && !d->log))
			fprintf(diag, "mbviz: import: --live: %s: %s%s%s%s\n", src->path,
				live_status_word(src->status), src->status == LIVE_MISSING ? "" : " (",
				src->status == LIVE_MISSING ? "" : src->why,
				src->status == LIVE_MISSING ? "" : ")");
	}
	live_desc_add(b, "%s", b->remark);
	if (d->nr_nodes) {
		live_desc_add(b, " Online nodes, with MemTotal (their managed memory now):");
		for (s = 0; s < LIVE_MAX_NODES; s++)
			if (d->node_online[s])
				live_desc_add(b, " node %d %" PRIu64 " kB%s", s, d->node_memtotal_kb[s],
					 s == d->max_node ? "." : ",");
	}
	if (cJSON_GetArraySize(b->unchecked))
		live_desc_add(b, " Not checked: see \"unchecked\".");
}

/* ---- the scenario as text ---- */

static void move_x_keys_last(cJSON *o)
{
	cJSON *k, *next, *tail = cJSON_CreateObject();

	for (k = o->child; k; k = next) {
		next = k->next;
		if (!strncmp(k->string, "x-", 2))
			cJSON_AddItemToObject(tail, k->string, cJSON_DetachItemViaPointer(o, k));
	}
	while ((k = tail->child) != NULL) {
		cJSON_DetachItemViaPointer(tail, k);
		cJSON_AddItemToObject(o, k->string, k);
	}
	cJSON_Delete(tail);
}

/*
 * The UI shows a step's note, not the description: the last step's note
 * says what is checked after it and what is not.
 */
static void last_note(struct live_build *b)
{
	cJSON *last = cJSON_GetArrayItem(b->steps, cJSON_GetArraySize(b->steps) - 1);
	cJSON *note = cJSON_GetObjectItemCaseSensitive(last, "note"), *u;
	struct text t = { 0 };

	if (!last)
		return;
	text_add(&t, cJSON_IsString(note) ? note->valuestring : "");
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(b->expect, "zones")))
		text_add(&t, t.len ? ". After it, each zone's spanned and present pages are checked against /proc/zoneinfo"
			 : "After it, each zone's spanned and present pages are checked against /proc/zoneinfo");
	/* each item's words before its first ':' name it; check says the rest */
	cJSON_ArrayForEach(u, b->unchecked) {
		char label[160];

		snprintf(label, sizeof(label), "%.*s", (int)strcspn(u->valuestring, ":"), u->valuestring);
		text_add(&t, u == b->unchecked->child ? (t.len ? ". Not checked (mbviz check says why): "
							: "Not checked (mbviz check says why): ") : "; ");
		text_add(&t, label);
	}
	if (!t.s)
		return;
	cJSON_DeleteItemFromObjectCaseSensitive(last, "note");
	/* before the x- keys, where people read a step's note */
	cJSON_AddStringToObject(last, "note", t.s);
	move_x_keys_last(last);
	free(t.s);
}

char *live_document(struct live_build *b, const struct live_opts *o)
{
	cJSON *doc = cJSON_CreateObject();
	char *text;

	last_note(b);
	cJSON_AddNumberToObject(doc, "scenario", 1);
	cJSON_AddStringToObject(doc, "name", o->name ? o->name : "live");
	cJSON_AddStringToObject(doc, "title", b->d->root ? "A recorded machine, read by mbviz import --live"
				: "The machine mbviz import --live ran on");
	cJSON_AddStringToObject(doc, "description", b->desc);
	cJSON_AddItemToObject(doc, "machine", b->machine);
	cJSON_AddItemToObject(doc, "unchecked", b->unchecked);
	cJSON_AddItemToObject(doc, "steps", b->steps);
	cJSON_AddItemToObject(doc, "expect", b->expect);
	if (b->version[0])
		cJSON_AddStringToObject(doc, "x-kernel-version", b->version);
	b->machine = b->unchecked = b->steps = b->expect = NULL;
	text = imp_print_doc(doc, true);
	cJSON_Delete(doc);
	return text;
}
