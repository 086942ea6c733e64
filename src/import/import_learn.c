// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The importer's first pass over the classified lines of the chosen boot:
 * the machine (NUMA or not and how many nodes, the width of phys_addr_t,
 * the region array sizes, the architecture) and where memory comes from
 * (the log's adds, the e820 table, the early node ranges, or a dump).
 */
#include <string.h>

#include "import_priv.h"

/* ---- the first pass: the machine ---- */

static void note_nid(struct importer *im, int nid)
{
	if (nid > im->max_nid)
		im->max_nid = nid;
	if (nid > 0)
		im->numa = true;
}

void imp_learn(struct importer *im)
{
	int i, digits = 0, first_op = -1, table_start = -1, last_e820 = -2;
	uint64_t prev_e820 = 0;
	bool doubled[2] = { false, false };
	bool have_node_ranges = false, have_dump = false;

	im->max_nid = -1;
	im->e820_first = im->e820_last = -1;
	for (i = 0; i < im->nr; i++) {
		struct imp_line *l = &im->recs[i].l;

		if (!digits && l->addr_digits && l->kind != IMP_E820)
			digits = l->addr_digits;
		switch (l->kind) {
		case IMP_RANGE_OP:
		case IMP_REQUEST:
			if (l->not_in_memory)
				break;	/* a patch's own line, not memblock=debug's */
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
	imp_learn_arch(im);
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
	imp_fw_learn(im);
}


/*
 * The node of the NUMA block holding @addr, as x86's numa_init gives
 * memblock.reserved its nodes (arch/x86/mm/numa.c:510 in 6.1); -1 when no
 * block holds it (the reserved range keeps MAX_NUMNODES).
 */
int imp_blks_nid(const struct importer *im, uint64_t addr)
{
	int i;

	for (i = 0; i < im->nr_blks; i++)
		if (im->blks[i].base <= addr && addr <= im->blks[i].end)
			return im->blks[i].nid;
	return -1;
}
