// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * A boot log made into a scenario.  Two passes over the classified lines:
 * the first learns the machine (NUMA or not, the width of phys_addr_t,
 * region array sizes, where memory came from), the second writes one step
 * per operation, pairs each allocation request with the memblock_reserve
 * line that says where it landed, and turns dumps into expectations.
 * Finally the scenario is replayed both ways to pick the allocation
 * direction that puts the allocations where the kernel did.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "engine.h"
#include "import.h"
#include "runner.h"
#include "scenario.h"
#include "xalloc.h"

#define IMPORT_MAX_INPUT	(64u << 20)	/* bytes of log */
#define IMPORT_MAX_RECS		1000000		/* lines memblock has to do with */

struct rec {
	int		lineno;
	struct imp_line	l;
};

struct dump_region {
	uint64_t	base, size;
	int		nid;
	bool		has_nid, nid_none, has_flags;
	unsigned int	flags;
};

struct dump_type {
	bool		present;
	bool		has_cnt, has_total;
	uint64_t	cnt, total;
	int		nr, alloc;
	struct dump_region *r;
	bool		broken;		/* out of order: regions not checked */
};

struct dump {
	bool		open;
	bool		debugfs;
	int		lineno;
	int		type;		/* the type whose lines come now, -1 none */
	struct dump_type t[3];
};

struct node_blk {
	uint64_t	base, end;
	int		nid;
};

struct importer {
	const struct import_opts *o;
	FILE		*diag;
	int		nr_unusable;
	struct rec	*recs;
	int		nr, alloc;

	/* what the first pass learnt */
	bool		numa, phys32, allow_resize, have_adds, have_ops;
	int		max_nid, max_numnodes;
	uint64_t	regions[2];
	char		version[160];
	int		e820_first, e820_last;	/* rec indices of the table used */
	bool		use_e820, use_node_ranges, synth_from_dump;

	/* the second pass */
	cJSON		*steps;
	cJSON		*pending;	/* expect object for the state after the last step */
	int		pending_line;
	bool		req_pending;
	struct rec	req;
	bool		after_double;
	bool		freed_all;
	int		adds_run;	/* 0 none yet, 1 in the first run of adds, 2 after */
	struct node_blk	*blks;
	int		nr_blks;
	bool		blks_dirty;
	struct dump	d;
	int		cur_line;	/* the log line the next step comes from */
	int		blks_line, last_add_line;
	bool		x86_low_limit;	/* the 1M limit step was written */
	bool		headerless_noted;
	bool		synthesized;
};

static __attribute__((format(printf, 3, 4)))
void report(struct importer *im, int lineno, const char *fmt, ...)
{
	va_list ap;

	if (!im->diag)
		return;
	fprintf(im->diag, "%s:%d: ", im->o->input_name, lineno);
	va_start(ap, fmt);
	vfprintf(im->diag, fmt, ap);
	va_end(ap);
	fputc('\n', im->diag);
}

static void unusable(struct importer *im, int lineno, const char *why, const char *text)
{
	im->nr_unusable++;
	report(im, lineno, "unusable: %s: %.200s", why, text);
}

/* ---- values ---- */

static void put_hex(cJSON *o, const char *key, uint64_t v)
{
	char buf[24];

	snprintf(buf, sizeof(buf), "0x%" PRIx64, v);
	cJSON_AddStringToObject(o, key, buf);
}

static void put_nid(cJSON *o, const char *key, int nid)
{
	if (nid < 0)
		cJSON_AddStringToObject(o, key, "NUMA_NO_NODE");
	else
		cJSON_AddNumberToObject(o, key, nid);
}

static void put_flags(cJSON *o, unsigned int flags)
{
	static const char *names[] = { "HOTPLUG", "MIRROR", "NOMAP", "DRIVER_MANAGED" };
	char buf[64] = "";
	int i;

	if (flags & ~0xfu)
		return;		/* a flag of a newer kernel: not checked */
	if (!flags) {
		cJSON_AddStringToObject(o, "flags", "NONE");
		return;
	}
	for (i = 0; i < 4; i++) {
		if (!(flags & (1u << i)))
			continue;
		if (*buf)
			strcat(buf, "|");
		strcat(buf, names[i]);
	}
	cJSON_AddStringToObject(o, "flags", buf);
}

/*
 * The kernel prints base + size - 1 in phys_addr_t, so the size is
 * end - base + 1 modulo its width: [0x0-0xffffffffffffffff] is size 0,
 * and a range past the top wraps as memblock's own arithmetic does.
 */
static uint64_t range_size(const struct importer *im, uint64_t base, uint64_t end)
{
	uint64_t mask = im->phys32 ? 0xffffffffu : UINT64_MAX;

	return (end - base + 1) & mask;
}

/* ---- reading ---- */

static void add_rec(struct importer *im, int lineno, const struct imp_line *l)
{
	if (im->nr == im->alloc) {
		im->alloc = im->alloc ? im->alloc * 2 : 256;
		im->recs = xrealloc(im->recs, (size_t)im->alloc * sizeof(*im->recs));
	}
	im->recs[im->nr].lineno = lineno;
	im->recs[im->nr].l = *l;
	im->nr++;
}

static void trim_right(char *s)
{
	size_t n = strlen(s);

	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = 0;
}

/* "setup_arch+0x4d2/0xc8c" alone on a line: the caller of a wrapped line. */
static bool is_symbol_line(const char *s)
{
	const char *p = s;

	if (!(*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		return false;
	while (*p && *p != '+' && *p != ' ')
		p++;
	return *p == '+' && p[1] == '0' && p[2] == 'x' && strchr(p, '/') && !strchr(p, ' ');
}

/* Try @a and @b as one line, with and without a space between them. */
static bool try_join(const char *a, const char *b, struct imp_line *out)
{
	static char buf[2 * IMPORT_LINE_MAX + 4];
	int pass;

	for (pass = 0; pass < 2; pass++) {
		snprintf(buf, sizeof(buf), "%s%s%s", a, pass ? "" : " ", b);
		import_parse_line(buf, out);
		if (out->kind != IMP_UNUSABLE && out->kind != IMP_IGNORE)
			return true;
	}
	return false;
}

static int read_lines(struct importer *im, FILE *in, char ***lines_out, char *err, int errlen)
{
	char buf[IMPORT_LINE_MAX + 2];
	char **lines = NULL;
	size_t total = 0;
	int nr = 0, alloc = 0;

	while (fgets(buf, sizeof(buf), in)) {
		size_t n = strlen(buf);

		if (n == sizeof(buf) - 1 && buf[n - 1] != '\n') {
			int ch;

			while ((ch = getc(in)) != EOF && ch != '\n')
				total++;
			unusable(im, nr + 1, "line longer than 4096 characters, cut there", buf);
			buf[0] = 0;	/* not parsed: a cut line is no line at all */
		}
		total += n;
		if (total > IMPORT_MAX_INPUT || nr >= 4 * IMPORT_MAX_RECS) {
			snprintf(err, (size_t)errlen, "%s: larger than 64 MiB or 4 million lines",
				 im->o->input_name);
			goto fail;
		}
		trim_right(buf);
		if (nr == alloc) {
			alloc = alloc ? alloc * 2 : 1024;
			lines = xrealloc(lines, (size_t)alloc * sizeof(*lines));
		}
		lines[nr++] = xstrdup(buf);
	}
	if (ferror(in)) {
		snprintf(err, (size_t)errlen, "%s: read error", im->o->input_name);
		goto fail;
	}
	*lines_out = lines;
	return nr;
fail:
	while (nr)
		free(lines[--nr]);
	free(lines);
	return -1;
}

/* Classify every line; wrapped lines are joined, unusable ones reported. */
static int classify(struct importer *im, char **lines, int nr, char *err, int errlen)
{
	struct imp_line l, j;
	int i;

	for (i = 0; i < nr; i++) {
		import_parse_line(lines[i], &l);
		if (l.kind == IMP_IGNORE)
			continue;
		if (l.kind == IMP_UNUSABLE && l.incomplete && i + 1 < nr) {
			const char *a = import_strip_prefix(lines[i]);
			const char *b = import_strip_prefix(lines[i + 1]);

			while (*b == ' ' || *b == '\t')
				b++;
			if (*b && try_join(a, b, &j)) {
				add_rec(im, i + 1, &j);
				i++;
				continue;
			}
		}
		if (l.kind == IMP_UNUSABLE) {
			unusable(im, i + 1, l.why, import_strip_prefix(lines[i]));
			continue;
		}
		if ((l.kind == IMP_RANGE_OP || l.kind == IMP_REQUEST) && !l.caller[0] &&
		    i + 1 < nr) {
			const char *b = import_strip_prefix(lines[i + 1]);

			while (*b == ' ' || *b == '\t')
				b++;
			if (is_symbol_line(b)) {
				char *q;

				snprintf(l.caller, sizeof(l.caller), "%s", b);
				for (q = l.caller; *q; q++)	/* ASCII only, as in import_line.c */
					if ((unsigned char)*q < 0x20 || (unsigned char)*q > 0x7e)
						*q = '?';
				i++;
			}
		}
		if (im->nr >= IMPORT_MAX_RECS) {
			snprintf(err, (size_t)errlen, "%s: more than %d memblock lines",
				 im->o->input_name, IMPORT_MAX_RECS);
			return -1;
		}
		add_rec(im, i + 1, &l);
	}
	return 0;
}

/* ---- the first pass: the machine ---- */

static void note_nid(struct importer *im, int nid)
{
	if (nid > im->max_nid)
		im->max_nid = nid;
	if (nid > 0)
		im->numa = true;
}

static void learn(struct importer *im)
{
	int i, digits = 0, first_op = -1, table_start = -1, last_e820 = -2;
	uint64_t prev_e820 = 0;
	bool doubled[2] = { false, false };
	bool have_node_ranges = false, have_dump = false;

	im->max_nid = -1;
	im->e820_first = im->e820_last = -1;
	for (i = 0; i < im->nr; i++) {
		enum imp_kind k = im->recs[i].l.kind;

		if (k == IMP_VERSION && i && im->version[0]) {
			report(im, im->recs[i].lineno, "another boot starts here (Linux %s): only the first one is imported",
			       im->recs[i].l.text);
			im->nr = i;
			break;
		}
		if (k == IMP_VERSION)
			snprintf(im->version, sizeof(im->version), "%s", im->recs[i].l.text);
		else if (k != IMP_COMMENT && !im->version[0])
			im->version[0] = '?';	/* something of this boot came first */
	}
	if (im->version[0] == '?')
		im->version[0] = 0;
	for (i = 0; i < im->nr; i++) {
		struct imp_line *l = &im->recs[i].l;

		if (!digits && l->addr_digits && l->kind != IMP_E820)
			digits = l->addr_digits;
		switch (l->kind) {
		case IMP_RANGE_OP:
		case IMP_REQUEST:
			im->have_ops = true;
			if (first_op < 0)
				first_op = i;
			if (!strcmp(l->op, "memblock_add") || !strcmp(l->op, "memblock_add_node"))
				im->have_adds = true;
			if (l->has_nid)
				note_nid(im, l->nid);
			break;
		case IMP_DOUBLED:
			if (l->type <= IMP_RESERVED && !doubled[l->type]) {
				doubled[l->type] = true;
				im->regions[l->type] = l->cnt / 2;
			}
			im->allow_resize = true;
			break;
		case IMP_DUMP_REGION:
		case IMP_DEBUGFS_REGION:
			have_dump = true;
			if (l->has_nid)
				note_nid(im, l->nid);
			if (l->kind == IMP_DUMP_REGION && l->has_nid)
				im->numa = true;	/* " on node N": CONFIG_NUMA */
			break;
		case IMP_NUMA_NODE:
			im->numa = true;
			note_nid(im, l->nid);
			break;
		case IMP_NODE_RANGE:
			have_node_ranges = true;
			note_nid(im, l->nid);
			break;
		case IMP_E820:
			/* tables are sorted: a lower address, or another line between, starts one */
			if (table_start < 0 || l->base < prev_e820 || i != last_e820 + 1)
				table_start = i;
			prev_e820 = l->base;
			last_e820 = i;
			/* the table used is the last one begun before memblock's first line */
			if (first_op < 0 || im->e820_first < 0)
				im->e820_first = table_start;
			break;
		case IMP_VERSION:
			if (!im->version[0])
				snprintf(im->version, sizeof(im->version), "%s", l->text);
			break;
		default:
			break;
		}
	}
	/* the e820 table used is the last one printed before memblock's first line */
	if (im->e820_first >= 0) {
		int last = im->e820_first;

		while (last + 1 < im->nr && im->recs[last + 1].l.kind == IMP_E820 &&
		       im->recs[last + 1].l.base >= im->recs[last].l.base)
			last++;
		im->e820_last = last;
		im->allow_resize = true;	/* e820__memblock_setup() allows it */
	}
	im->phys32 = digits == 8;
	im->max_numnodes = 1;
	if (im->numa) {
		im->max_numnodes = 8;
		while (im->max_numnodes <= im->max_nid && im->max_numnodes < 1024)
			im->max_numnodes *= 2;
	}
	if (!im->have_adds) {
		if (im->e820_first >= 0)
			im->use_e820 = true;
		else if (have_node_ranges)
			im->use_node_ranges = true;
		else if (!im->have_ops && have_dump)
			im->synth_from_dump = true;
	}
}

/* ---- the second pass: steps ---- */

static void attach_pending(struct importer *im)
{
	cJSON *last, *ex, *item;

	if (!im->pending)
		return;
	last = cJSON_GetArrayItem(im->steps, cJSON_GetArraySize(im->steps) - 1);
	if (!last) {
		report(im, im->pending_line, "a dump before the first operation cannot be checked");
		cJSON_Delete(im->pending);
		im->pending = NULL;
		return;
	}
	ex = cJSON_GetObjectItemCaseSensitive(last, "expect");
	if (!ex) {
		cJSON_AddItemToObject(last, "expect", im->pending);
		im->pending = NULL;
		return;
	}
	while ((item = im->pending->child) != NULL) {
		cJSON_DetachItemViaPointer(im->pending, item);
		cJSON_DeleteItemFromObjectCaseSensitive(ex, item->string);
		cJSON_AddItemToObject(ex, item->string, item);
	}
	cJSON_Delete(im->pending);
	im->pending = NULL;
}

static cJSON *new_step(struct importer *im, const char *op)
{
	cJSON *s = cJSON_CreateObject();

	attach_pending(im);
	cJSON_AddStringToObject(s, "op", op);
	if (im->cur_line > 0)
		cJSON_AddNumberToObject(s, "x-log-line", im->cur_line);
	cJSON_AddItemToArray(im->steps, s);
	return s;
}

static void put_note(cJSON *s, const char *note)
{
	if (note && *note)
		cJSON_AddStringToObject(s, "note", note);
}

static void base_size_step(struct importer *im, const char *op, uint64_t base, uint64_t size,
			   const char *note)
{
	cJSON *s = new_step(im, op);

	put_hex(s, "base", base);
	put_hex(s, "size", size);
	put_note(s, note);
}

static int blk_cmp(const void *a, const void *b)
{
	const struct node_blk *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

static void flush_nodes(struct importer *im)
{
	static const char *types[] = { "memory", "reserved" };
	int t, i;

	int line = im->cur_line;

	if (!im->blks_dirty)
		return;
	im->blks_dirty = false;
	im->cur_line = im->blks_line;
	qsort(im->blks, (size_t)im->nr_blks, sizeof(*im->blks), blk_cmp);
	for (t = 0; t < 2; t++) {
		for (i = 0; i < im->nr_blks; i++) {
			cJSON *s = new_step(im, "memblock_set_node");

			put_hex(s, "base", im->blks[i].base);
			put_hex(s, "size", im->blks[i].end - im->blks[i].base + 1);
			cJSON_AddStringToObject(s, "type", types[t]);
			cJSON_AddNumberToObject(s, "nid", im->blks[i].nid);
			put_note(s, "numa_init: the node ranges of the SRAT/NUMA lines (not logged by memblock=debug)");
		}
	}
	im->cur_line = line;
}

static void end_adds_run(struct importer *im)
{
	cJSON *s;

	int line = im->cur_line;

	if (im->adds_run != 1)
		return;
	im->adds_run = 2;
	im->cur_line = im->last_add_line;
	s = new_step(im, "memblock_trim_memory");
	cJSON_AddStringToObject(s, "align", "PAGE_SIZE");
	put_note(s, "e820__memblock_setup: memblock_trim_memory(PAGE_SIZE) is not logged");
	/* x86's setup_arch() limits early allocations to the first 1M */
	s = new_step(im, "memblock_set_current_limit");
	cJSON_AddStringToObject(s, "limit", "0x100000");
	put_note(s, "setup_arch: memblock_set_current_limit(ISA_END_ADDRESS) around e820__memblock_setup (x86; not logged)");
	im->cur_line = line;
	im->x86_low_limit = true;
}

static void emit_alloc(struct importer *im, const struct rec *req, bool placed, uint64_t where)
{
	const struct imp_line *l = &req->l;
	bool phys = !strcmp(l->op, "memblock_phys_alloc_range");
	int line = im->cur_line;
	cJSON *s, *ex;

	im->cur_line = req->lineno;
	s = new_step(im, l->op);
	im->cur_line = line;

	put_hex(s, "size", l->size);
	put_hex(s, "align", l->align);
	put_hex(s, phys ? "start" : "min_addr", l->from);
	put_hex(s, phys ? "end" : "max_addr", l->max_addr);
	if (!phys) {
		int nid = l->nid;

		if (nid >= 0 && nid >= im->max_numnodes)
			nid = -1;
		put_nid(s, "nid", nid);
	}
	put_note(s, l->caller);
	if (!placed) {
		report(im, req->lineno, "the log ends before this allocation's memblock_reserve line: its placement is not checked");
		return;
	}
	ex = cJSON_CreateObject();
	put_hex(ex, "ret", where);
	cJSON_AddItemToObject(s, "expect", ex);
}

/* A request not followed by its memblock_reserve: the allocation failed. */
static void resolve_request(struct importer *im, bool eof)
{
	if (!im->req_pending)
		return;
	im->req_pending = false;
	emit_alloc(im, &im->req, !eof, 0);
}

static void free_all_step(struct importer *im, const char *note)
{
	cJSON *s;

	if (im->freed_all)
		return;
	im->freed_all = true;
	s = new_step(im, "memblock_free_all");
	put_note(s, note);
}

static bool is_caller(const char *caller, const char *fn)
{
	size_t n = strlen(fn);

	return !strncmp(caller, fn, n) && (caller[n] == '+' || caller[n] == 0 || caller[n] == ' ');
}

static void range_op(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	uint64_t size;
	cJSON *s;

	size = range_size(im, l->base, l->end);
	if (!strcmp(l->op, "memblock_reserve") && im->req_pending &&
	    (!l->caller[0] || !strncmp(l->caller, "memblock_", 9)) &&
	    size == im->req.l.size) {
		im->req_pending = false;
		emit_alloc(im, &im->req, true, l->base);
		return;
	}
	resolve_request(im, false);
	/* memblock_double_array's own reservation and free: the engine does them */
	if (!strcmp(l->op, "memblock_reserve") && is_caller(l->caller, "memblock_double_array"))
		return;
	if (im->after_double && !strcmp(l->op, "memblock_phys_free") &&
	    is_caller(l->caller, "memblock_free")) {
		im->after_double = false;
		return;
	}
	im->after_double = false;
	if (!strcmp(l->op, "memblock_add")) {
		if (!im->adds_run && im->e820_first >= 0)
			im->adds_run = 1;
		im->last_add_line = r->lineno;
	} else {
		end_adds_run(im);
	}
	if (!strcmp(l->op, "memblock_free_late"))
		free_all_step(im, "mem_init: memblock_free_all, which memblock=debug does not log, runs before memblock_free_late");
	if (!strcmp(l->op, "memblock_reserve") && is_caller(l->caller, "memblock_alloc_range_nid")) {
		char note[512];

		snprintf(note, sizeof(note), "%s: an allocation whose request memblock=debug does not log (memblock_phys_alloc_try_nid); replayed as a reservation where it landed",
			 l->caller);
		base_size_step(im, "memblock_reserve", l->base, size, note);
		return;
	}
	s = new_step(im, l->op);
	put_hex(s, "base", l->base);
	put_hex(s, "size", size);
	if (!strcmp(l->op, "memblock_add_node")) {
		if (l->nid < 0 || l->nid > im->max_numnodes)
			cJSON_AddStringToObject(s, "nid", "MAX_NUMNODES");
		else
			cJSON_AddNumberToObject(s, "nid", l->nid);
		put_flags(s, l->has_flags ? l->flags : 0);
		if (!cJSON_GetObjectItemCaseSensitive(s, "flags"))
			cJSON_AddStringToObject(s, "flags", "NONE");
	}
	put_note(s, l->caller);
}

/* ---- dumps ---- */

static void dump_reset(struct dump *d)
{
	int t;

	for (t = 0; t < 3; t++)
		free(d->t[t].r);
	memset(d, 0, sizeof(*d));
	d->type = -1;
}

static void dump_add_region(struct dump_type *dt, const struct dump_region *r)
{
	if (dt->nr == dt->alloc) {
		dt->alloc = dt->alloc ? dt->alloc * 2 : 16;
		dt->r = xrealloc(dt->r, (size_t)dt->alloc * sizeof(*dt->r));
	}
	dt->r[dt->nr++] = *r;
}

static cJSON *region_json(struct importer *im, const struct dump_region *r)
{
	cJSON *o = cJSON_CreateObject();

	put_hex(o, "base", r->base);
	put_hex(o, "size", r->size);
	if (im->numa) {
		if (r->has_nid && r->nid < im->max_numnodes)
			cJSON_AddNumberToObject(o, "nid", r->nid);
		else if (!r->has_nid || r->nid_none)
			cJSON_AddStringToObject(o, "nid", "MAX_NUMNODES");
	}
	if (r->has_flags)
		put_flags(o, r->flags);
	return o;
}

/* Steps that build the dumped state, for a log that is nothing but a dump. */
static void synthesize(struct importer *im)
{
	struct dump_type *mem = &im->d.t[IMP_MEMORY], *res = &im->d.t[IMP_RESERVED];
	int i;

	im->synthesized = true;
	im->cur_line = im->d.lineno;
	for (i = 0; i < mem->nr; i++) {
		const struct dump_region *r = &mem->r[i];
		cJSON *s;

		if (!r->size)
			continue;
		if (!im->numa && (!r->has_flags || !r->flags)) {
			base_size_step(im, "memblock_add", r->base, r->size, "the dumped memory");
			continue;
		}
		s = new_step(im, "memblock_add_node");
		put_hex(s, "base", r->base);
		put_hex(s, "size", r->size);
		if (!im->numa)
			cJSON_AddNumberToObject(s, "nid", 0);
		else if (r->has_nid && r->nid < im->max_numnodes)
			cJSON_AddNumberToObject(s, "nid", r->nid);
		else
			cJSON_AddStringToObject(s, "nid", "MAX_NUMNODES");
		put_flags(s, r->has_flags ? r->flags : 0);
		if (!cJSON_GetObjectItemCaseSensitive(s, "flags"))
			cJSON_AddStringToObject(s, "flags", "NONE");
		put_note(s, "the dumped memory");
	}
	for (i = 0; i < res->nr; i++)
		if (res->r[i].size)
			base_size_step(im, "memblock_reserve", res->r[i].base, res->r[i].size,
				       "the dumped reservations");
	for (i = 0; im->numa && i < res->nr; i++) {
		const struct dump_region *r = &res->r[i];
		cJSON *s;

		if (!r->size || !r->has_nid || r->nid >= im->max_numnodes)
			continue;
		s = new_step(im, "memblock_set_node");
		put_hex(s, "base", r->base);
		put_hex(s, "size", r->size);
		cJSON_AddStringToObject(s, "type", "reserved");
		cJSON_AddNumberToObject(s, "nid", r->nid);
		put_note(s, "the dumped reservations' node");
	}
}

static void dump_close(struct importer *im)
{
	static const char *names[] = { "memory", "reserved" };
	struct dump *d = &im->d;
	cJSON *ex;
	int t, i;

	if (!d->open)
		return;
	d->open = false;
	if (im->synth_from_dump && !im->synthesized)
		synthesize(im);
	ex = cJSON_CreateObject();
	for (t = 0; t < 2; t++) {
		struct dump_type *dt = &d->t[t];
		cJSON *o;

		if (!dt->present || (!dt->has_cnt && !dt->has_total && (dt->broken || !dt->nr)))
			continue;
		if (d->debugfs && !dt->broken && dt->nr) {
			dt->has_cnt = true;
			dt->cnt = (uint64_t)dt->nr;
		}
		o = cJSON_CreateObject();
		if (dt->has_cnt)
			cJSON_AddNumberToObject(o, "cnt", (double)dt->cnt);
		if (dt->has_total)
			put_hex(o, "total_size", dt->total);
		if (dt->broken || (dt->has_cnt && (uint64_t)dt->nr != dt->cnt)) {
			if (!dt->broken)
				report(im, d->lineno, "the dump of %s has %d of its %" PRIu64 " regions: they are not checked",
				       names[t], dt->nr, dt->cnt);
		} else if (dt->nr == 1 && !dt->r[0].size) {
			cJSON_AddItemToObject(o, "regions", cJSON_CreateArray());
		} else if (dt->nr) {
			cJSON *a = cJSON_CreateArray();

			for (i = 0; i < dt->nr; i++)
				cJSON_AddItemToArray(a, region_json(im, &dt->r[i]));
			cJSON_AddItemToObject(o, "regions", a);
		}
		cJSON_AddItemToObject(ex, names[t], o);
	}
	if (!ex->child) {
		cJSON_Delete(ex);
		dump_reset(d);
		return;
	}
	if (im->pending) {	/* two dumps of one state: the later one counts */
		cJSON *item;

		while ((item = ex->child) != NULL) {
			cJSON_DetachItemViaPointer(ex, item);
			cJSON_DeleteItemFromObjectCaseSensitive(im->pending, item->string);
			cJSON_AddItemToObject(im->pending, item->string, item);
		}
		cJSON_Delete(ex);
	} else {
		im->pending = ex;
		im->pending_line = d->lineno;
	}
	dump_reset(d);
}

static void dump_open(struct importer *im, int lineno, bool debugfs)
{
	dump_close(im);
	resolve_request(im, false);
	end_adds_run(im);
	flush_nodes(im);
	dump_reset(&im->d);
	im->d.open = true;
	im->d.debugfs = debugfs;
	im->d.lineno = lineno;
}

static void dump_line(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	struct dump *d = &im->d;
	struct dump_region reg = { 0 };
	struct dump_type *dt;

	switch (l->kind) {
	case IMP_DUMP_HEADER:
		dump_open(im, r->lineno, false);
		return;
	case IMP_DUMP_SIZES:
		if (!d->open || d->debugfs)
			break;
		d->t[IMP_MEMORY].present = d->t[IMP_RESERVED].present = true;
		d->t[IMP_MEMORY].has_total = d->t[IMP_RESERVED].has_total = true;
		d->t[IMP_MEMORY].total = l->base;
		d->t[IMP_RESERVED].total = l->end;
		return;
	case IMP_DUMP_CNT:
		if (!d->open || d->debugfs)
			break;
		d->type = l->type;
		d->t[l->type].present = true;
		d->t[l->type].has_cnt = true;
		d->t[l->type].cnt = l->cnt;
		return;
	case IMP_DUMP_REGION:
		if (!d->open || d->debugfs || d->type != l->type)
			break;
		dt = &d->t[l->type];
		if (l->index != dt->nr) {
			if (!dt->broken)
				unusable(im, r->lineno, "a dump line out of order", l->type == IMP_MEMORY ? "memory" : "reserved");
			dt->broken = true;
			return;
		}
		reg.base = l->base;
		reg.size = l->size;
		reg.nid = l->nid;
		reg.has_nid = l->has_nid;
		reg.nid_none = !l->has_nid;
		reg.has_flags = true;
		reg.flags = l->flags;
		dump_add_region(dt, &reg);
		return;
	case IMP_DEBUGFS_HEADER:
		if (!d->open || !d->debugfs || d->t[l->type].present)
			dump_open(im, r->lineno, true);
		d->type = l->type;
		d->t[l->type].present = true;
		return;
	case IMP_DEBUGFS_REGION:
		if (!d->open || !d->debugfs || d->type < 0 ||
		    (l->index == 0 && d->t[d->type].nr > 0)) {
			/* no file name: memory first, then reserved */
			int next = d->open && d->debugfs && d->type >= 0 ? d->type + 1 : IMP_MEMORY;

			if (!d->open || !d->debugfs || next > IMP_PHYSMEM || d->t[next].present) {
				dump_open(im, r->lineno, true);
				next = IMP_MEMORY;
			}
			if (!im->headerless_noted) {
				report(im, r->lineno, "debugfs lines without their file's name: taken as memory, then reserved");
				im->headerless_noted = true;
			}
			d->type = next;
			d->t[next].present = true;
		}
		dt = &d->t[d->type];
		if (l->index != dt->nr) {
			if (!dt->broken)
				unusable(im, r->lineno, "a debugfs line out of order", "");
			dt->broken = true;
			return;
		}
		reg.base = l->base;
		reg.size = range_size(im, l->base, l->end);
		reg.nid = l->nid;
		reg.has_nid = l->has_nid;
		reg.nid_none = l->nid_none;
		reg.has_flags = l->has_flags;
		reg.flags = l->flags;
		dump_add_region(dt, &reg);
		return;
	default:
		return;
	}
	unusable(im, r->lineno, "a dump line outside a dump", "");
}

/* ---- NUMA ---- */

static void numa_node(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	int i, k;

	/* a merge ("-> [mem E-F]") replaces the node's blocks inside E-F */
	for (i = 0, k = 0; i < im->nr_blks; i++) {
		struct node_blk *b = &im->blks[i];

		if (b->nid == l->nid && b->base >= l->base && b->end <= l->end)
			continue;
		im->blks[k++] = *b;
	}
	im->nr_blks = k;
	im->blks = xrealloc(im->blks, (size_t)(im->nr_blks + 1) * sizeof(*im->blks));
	im->blks[im->nr_blks].base = l->base;
	im->blks[im->nr_blks].end = l->end;
	im->blks[im->nr_blks].nid = l->nid;
	im->nr_blks++;
	im->blks_dirty = true;
	im->blks_line = r->lineno;
	if (l->hotplug && l->end > l->base) {
		resolve_request(im, false);
		end_adds_run(im);
		base_size_step(im, "memblock_mark_hotplug", l->base, l->end - l->base + 1,
			       "acpi_parse_memory_affinity: SRAT says hotpluggable (not logged by memblock=debug)");
	}
}

/*
 * On a 32-bit phys_addr_t a wider number is damage in memblock's own lines;
 * firmware tables may describe memory above 4G, which such a kernel skips.
 */
static bool fits(const struct importer *im, const struct imp_line *l)
{
	uint64_t m = 0xffffffffu;

	if (!im->phys32)
		return true;
	switch (l->kind) {
	case IMP_REQUEST:
		return l->size <= m && l->align <= m && l->from <= m && l->max_addr <= m;
	case IMP_DUMP_REGION:
		return l->base <= m && l->end <= m && l->size <= m;
	case IMP_DUMP_SIZES:
	default:
		return l->base <= m && l->end <= m;
	}
}

/* ---- machine source: e820 or the early node ranges ---- */

static void initial_memory(struct importer *im)
{
	int i;

	if (im->use_e820) {
		for (i = im->e820_first; i <= im->e820_last; i++) {
			const struct imp_line *l = &im->recs[i].l;

			im->cur_line = im->last_add_line = im->recs[i].lineno;
			if (l->usable && fits(im, l))
				base_size_step(im, "memblock_add", l->base, l->end - l->base + 1,
					       "e820__memblock_setup: a usable e820 entry");
		}
		im->adds_run = 1;
		end_adds_run(im);
	} else if (im->use_node_ranges) {
		for (i = 0; i < im->nr; i++) {
			const struct imp_line *l = &im->recs[i].l;
			cJSON *s;

			if (l->kind != IMP_NODE_RANGE || !fits(im, l))
				continue;
			im->cur_line = im->recs[i].lineno;
			s = new_step(im, "memblock_add_node");
			put_hex(s, "base", l->base);
			put_hex(s, "size", l->end - l->base + 1);
			cJSON_AddNumberToObject(s, "nid", im->numa ? l->nid : 0);
			cJSON_AddStringToObject(s, "flags", "NONE");
			put_note(s, "Early memory node ranges");
		}
	}
}

static bool is_dump_kind(enum imp_kind k)
{
	return k == IMP_DUMP_HEADER || k == IMP_DUMP_SIZES || k == IMP_DUMP_CNT ||
	       k == IMP_DUMP_REGION || k == IMP_DEBUGFS_HEADER || k == IMP_DEBUGFS_REGION;
}

static void build(struct importer *im)
{
	int i;

	dump_reset(&im->d);
	initial_memory(im);
	for (i = 0; i < im->nr; i++) {
		const struct rec *r = &im->recs[i];
		enum imp_kind k = r->l.kind;

		im->cur_line = r->lineno;
		if (!fits(im, &r->l)) {
			if (k == IMP_E820 || k == IMP_NUMA_NODE || k == IMP_NODE_RANGE)
				continue;
			if (is_dump_kind(k) && im->d.open && im->d.type >= 0)
				im->d.t[im->d.type].broken = true;
			unusable(im, r->lineno, "a number wider than the 32-bit phys_addr_t of the log's addresses",
				 r->l.name[0] ? r->l.name : "");
			continue;
		}
		if (is_dump_kind(k)) {
			/* the header line of a debugfs dump may name physmem: skip its lines */
			dump_line(im, r);
			continue;
		}
		if (k == IMP_RANGE_OP || k == IMP_REQUEST || k == IMP_MEM_INIT)
			dump_close(im);
		switch (k) {
		case IMP_RANGE_OP:
			flush_nodes(im);
			range_op(im, r);
			break;
		case IMP_REQUEST:
			resolve_request(im, false);
			end_adds_run(im);
			flush_nodes(im);
			im->req_pending = true;
			im->req = *r;
			break;
		case IMP_DOUBLED:
			im->after_double = true;
			break;
		case IMP_NUMA_NODE:
			numa_node(im, r);
			break;
		case IMP_MEM_INIT:
			resolve_request(im, false);
			end_adds_run(im);
			flush_nodes(im);
			free_all_step(im, "mem_init: memblock_free_all (the \"Memory: ...K/...K available\" line)");
			break;
		default:
			break;
		}
	}
	dump_close(im);
	resolve_request(im, true);
	end_adds_run(im);
	flush_nodes(im);
	dump_close(im);
}

/* ---- the document ---- */

static cJSON *document(struct importer *im, bool bottom_up, bool with_steps)
{
	cJSON *root = cJSON_CreateObject(), *m = cJSON_CreateObject();
	char desc[512];

	cJSON_AddNumberToObject(root, "scenario", 1);
	cJSON_AddStringToObject(root, "name", im->o->name ? im->o->name : "imported");
	cJSON_AddStringToObject(root, "title", "A boot log, imported by mbviz import");
	if (im->version[0])
		snprintf(desc, sizeof(desc), "Imported from %s.  The log claims Linux %s; mbviz models memblock of Linux 6.1.",
			 im->o->input_name, im->version);
	else
		snprintf(desc, sizeof(desc), "Imported from %s.  The log does not say which kernel printed it; mbviz models memblock of Linux 6.1.",
			 im->o->input_name);
	cJSON_AddStringToObject(root, "description", desc);
	cJSON_AddStringToObject(root, "x-kernel-version", im->version[0] ? im->version : "unknown");
	if (im->numa) {
		cJSON_AddTrueToObject(m, "numa");
		if (im->max_numnodes != 8)
			cJSON_AddNumberToObject(m, "max_numnodes", im->max_numnodes);
	}
	if (im->phys32)
		cJSON_AddNumberToObject(m, "phys_addr_bits", 32);
	if (im->regions[IMP_MEMORY])
		cJSON_AddNumberToObject(m, "memory_regions", (double)im->regions[IMP_MEMORY]);
	if (im->regions[IMP_RESERVED])
		cJSON_AddNumberToObject(m, "reserved_regions", (double)im->regions[IMP_RESERVED]);
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
	cJSON *doc = document(im, false, true);
	char *text = cJSON_PrintUnformatted(doc), err[512];
	struct scenario *sc = NULL;
	struct engine *eng = NULL;
	struct run *r = NULL;
	struct step_outcome o;
	bool dir = false, initial = false, checked = false, raised = !im->x86_low_limit;

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
		bool placed = sc->steps[i].expect.ret.present &&
			      sc->steps[i].expect.ret.kind == RET_ADDR;
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

/* A growing string. */
struct text {
	char	*s;
	size_t	len, alloc;
};

static void text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);

	if (t->len + n + 1 > t->alloc) {
		t->alloc = (t->len + n + 1) * 2;
		t->s = xrealloc(t->s, t->alloc);
	}
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

static void text_item(struct text *t, const cJSON *item)
{
	char *s = cJSON_PrintUnformatted(item);

	if (!s) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	text_add(t, s);
	free(s);
}

/*
 * The scenario as people write them: one key of the top level a line,
 * one step a line, expectations' regions one a line.
 */
static char *print_doc(const cJSON *doc)
{
	struct text t = { 0 };
	const cJSON *item, *sub;

	text_add(&t, "{\n");
	for (item = doc->child; item; item = item->next) {
		cJSON *key = cJSON_CreateString(item->string);

		text_add(&t, "  ");
		text_item(&t, key);
		cJSON_Delete(key);
		text_add(&t, ": ");
		if (cJSON_IsArray(item) && item->child) {
			text_add(&t, "[\n");
			for (sub = item->child; sub; sub = sub->next) {
				text_add(&t, "    ");
				text_item(&t, sub);
				text_add(&t, sub->next ? ",\n" : "\n");
			}
			text_add(&t, "  ]");
		} else if (!strcmp(item->string, "expect") && cJSON_IsObject(item)) {
			text_add(&t, "{\n");
			for (sub = item->child; sub; sub = sub->next) {
				cJSON *k = cJSON_CreateString(sub->string);

				text_add(&t, "    ");
				text_item(&t, k);
				cJSON_Delete(k);
				text_add(&t, ": ");
				text_item(&t, sub);
				text_add(&t, sub->next ? ",\n" : "\n");
			}
			text_add(&t, "  }");
		} else {
			text_item(&t, item);
		}
		text_add(&t, item->next ? ",\n" : "\n");
	}
	text_add(&t, "}");
	return t.s;
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

char *import_log(FILE *in, const struct import_opts *o, FILE *diag, int *nr_unusable,
		 char *err, int errlen)
{
	struct importer im = { .o = o, .diag = diag };
	char **lines = NULL, *text = NULL;
	bool bottom_up = false;
	cJSON *doc;
	int nr, i;

	nr = read_lines(&im, in, &lines, err, errlen);
	if (nr < 0)
		goto out;
	if (classify(&im, lines, nr, err, errlen))
		goto out;
	learn(&im);
	im.steps = cJSON_CreateArray();
	build(&im);
	if (!cJSON_GetArraySize(im.steps) && !im.pending) {
		snprintf(err, (size_t)errlen, "%s: no memblock, e820, NUMA or debugfs lines to import",
			 o->input_name);
		goto out;
	}
	if (o->guess_direction && has_placements(im.steps)) {
		int n = cJSON_GetArraySize(im.steps);
		unsigned char *fixes = xzalloc((size_t)n);

		bottom_up = placement_fixes(&im, fixes, n);
		insert_fixes(&im, fixes, n, bottom_up);
		free(fixes);
	}
	line_keys_last(im.steps);
	doc = document(&im, bottom_up, true);
	text = print_doc(doc);
	cJSON_Delete(doc);
	if (!text)
		snprintf(err, (size_t)errlen, "%s: out of memory", o->input_name);
out:
	*nr_unusable = im.nr_unusable;
	for (i = 0; i < nr; i++)
		free(lines[i]);
	free(lines);
	free(im.recs);
	free(im.blks);
	dump_reset(&im.d);
	cJSON_Delete(im.steps);
	cJSON_Delete(im.pending);
	return text;
}
