// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * One line of a boot log, classified: which of the kernel's messages it is
 * (the memblock=debug lines, memblock_dump_all, debugfs, e820, SRAT/NUMA,
 * the early node ranges) and the numbers it carries.  Every number is
 * parsed with an overflow check; a line that is ours but cannot be read
 * says why, and whether it merely stopped early (a wrapped or truncated
 * line).
 */
#include <ctype.h>
#include <string.h>

#include "import.h"
#include "import_priv.h"

struct cursor {
	const char	*p;
	bool		ran_out;	/* a parse failed at the end of the text */
	const char	*why;		/* a more precise reason than the caller's */
};

/*
 * The largest node id a scenario holds: MAX_NUMNODES is 1 << NODES_SHIFT,
 * and no architecture allows NODES_SHIFT above 10 (arch/x86/Kconfig:1606-1608
 * "range 1 10" in 6.1; the loader says the same).  A larger id in a log
 * is damage, and the line is unusable (issue 14).
 */
#define IMPORT_MAX_NID	1023

static void skip_ws(struct cursor *c)
{
	while (*c->p == ' ' || *c->p == '\t')
		c->p++;
}

static bool at_end(struct cursor *c)
{
	const char *q = c->p;

	while (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n')
		q++;
	return !*q;
}

/* Nothing matched here: remember whether the text simply stopped. */
static bool fail(struct cursor *c)
{
	if (at_end(c))
		c->ran_out = true;
	return false;
}

static bool lit(struct cursor *c, const char *s)
{
	size_t n = strlen(s), i;

	for (i = 0; i < n; i++) {
		if (c->p[i] != s[i]) {
			if (!c->p[i])
				c->ran_out = true;
			return false;
		}
	}
	c->p += n;
	return true;
}

/* 0x followed by 1..16 hex digits; @digits gets how many were printed. */
static bool hex(struct cursor *c, uint64_t *v, int *digits)
{
	const char *q = c->p;
	uint64_t x = 0;
	int n = 0;

	if (q[0] != '0' || (q[1] != 'x' && q[1] != 'X'))
		return fail(c);
	q += 2;
	while (isxdigit((unsigned char)*q)) {
		int d = isdigit((unsigned char)*q) ? *q - '0' : (tolower((unsigned char)*q) - 'a' + 10);

		if (x >> 60)
			return false;	/* more than 64 bits */
		x = x << 4 | (uint64_t)d;
		q++;
		n++;
	}
	if (!n) {
		if (!*q)
			c->ran_out = true;
		return false;
	}
	c->p = q;
	*v = x;
	if (digits)
		*digits = n;
	return true;
}

static bool dec(struct cursor *c, uint64_t *v)
{
	const char *q = c->p;
	uint64_t x = 0;

	if (!isdigit((unsigned char)*q))
		return fail(c);
	while (isdigit((unsigned char)*q)) {
		unsigned d = (unsigned)(*q - '0');

		if (x > (UINT64_MAX - d) / 10)
			return false;
		x = x * 10 + d;
		q++;
	}
	c->p = q;
	*v = x;
	return true;
}

/* A node number 0..IMPORT_MAX_NID; a larger one says why it is refused. */
static bool node_number(struct cursor *c, uint64_t *v)
{
	if (!dec(c, v))
		return false;
	if (*v > IMPORT_MAX_NID) {
		c->why = "a node id above 1023 (MAX_NUMNODES is at most 1024)";
		return false;
	}
	return true;
}

/* A node id: -1 or 0..IMPORT_MAX_NID. */
static bool nid(struct cursor *c, int *out)
{
	uint64_t v;

	if (lit(c, "-1")) {
		*out = -1;
		return true;
	}
	if (!node_number(c, &v))
		return false;
	*out = (int)v;
	return true;
}

/* "0x...-0x..." (e820, SRAT, NUMA: "[mem A-B]" without the brackets) */
static bool hex_range(struct cursor *c, uint64_t *a, uint64_t *b, int *digits)
{
	return hex(c, a, digits) && lit(c, "-") && hex(c, b, NULL);
}

/* "[mem 0x...-0x...]" */
static bool mem_range(struct cursor *c, uint64_t *a, uint64_t *b)
{
	return lit(c, "[mem ") && hex_range(c, a, b, NULL) && lit(c, "]");
}

static void copy_rest(char *dst, size_t len, const char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (n >= len)
		n = len - 1;
	memcpy(dst, s, n);
	dst[n] = 0;
	/* symbols and releases are ASCII: anything else is damage, not text */
	for (; *dst; dst++)
		if ((unsigned char)*dst < 0x20 || (unsigned char)*dst > 0x7e)
			*dst = '?';
}

/* "memory", "reserved", "physmem" at the cursor. */
static int type_word(struct cursor *c)
{
	if (lit(c, "memory"))
		return IMP_MEMORY;
	if (lit(c, "reserved"))
		return IMP_RESERVED;
	if (lit(c, "physmem"))
		return IMP_PHYSMEM;
	return -1;
}

struct name_map {
	const char	*logged;
	const char	*op;
	bool		has_nid;	/* REQUEST: prints nid= */
};

static const struct name_map range_ops[] = {
	{ "memblock_add_node",		"memblock_add_node", true },
	{ "memblock_add",		"memblock_add", false },
	{ "memblock_remove",		"memblock_remove", false },
	{ "memblock_reserve",		"memblock_reserve", false },
	{ "memblock_phys_free",		"memblock_phys_free", false },
	/* Before 5.16 the physical-address free was memblock_free(). */
	{ "memblock_free",		"memblock_phys_free", false },
	{ "__memblock_free_early",	"memblock_phys_free", false },
	{ "memblock_free_early",	"memblock_phys_free", false },
	{ "memblock_physmem_add",	"memblock_physmem_add", false },
	{ "memblock_free_late",		"memblock_free_late", false },
	{ "__memblock_free_late",	"memblock_free_late", false },
};

static const struct name_map requests[] = {
	{ "memblock_alloc_try_nid",		"memblock_alloc_try_nid", true },
	{ "memblock_alloc_try_nid_raw",		"memblock_alloc_try_nid_raw", true },
	{ "memblock_alloc_exact_nid_raw",	"memblock_alloc_exact_nid_raw", true },
	{ "memblock_phys_alloc_range",		"memblock_phys_alloc_range", false },
	{ "memblock_alloc_try_nid_nopanic",	"memblock_alloc_try_nid", true },
	{ "memblock_virt_alloc_try_nid",	"memblock_alloc_try_nid", true },
	{ "memblock_virt_alloc_try_nid_nopanic", "memblock_alloc_try_nid", true },
	{ "memblock_virt_alloc_try_nid_raw",	"memblock_alloc_try_nid_raw", true },
};

static const struct name_map *find_name(const struct name_map *t, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(t[i].logged, name))
			return &t[i];
	return NULL;
}

static enum imp_kind unusable(struct imp_line *out, struct cursor *c, const char *why)
{
	out->kind = IMP_UNUSABLE;
	out->why = c->why ? c->why : why;
	out->incomplete = c->ran_out || at_end(c);
	return out->kind;
}

/* NAME: [base-end] [nid=N flags=F] [flags F] [caller] */
static enum imp_kind parse_range_op(struct cursor *c, const struct name_map *m, struct imp_line *out)
{
	uint64_t v;

	out->op = m->op;
	skip_ws(c);
	if (!lit(c, "[") || !hex(c, &out->base, &out->addr_digits) || !lit(c, "-") ||
	    !hex(c, &out->end, NULL) || !lit(c, "]"))
		return unusable(out, c, "expected '[0x...-0x...]' after the function name");
	skip_ws(c);
	if (!strncmp(c->p, "nid=", 4)) {
		lit(c, "nid=");
		if (!nid(c, &out->nid))
			return unusable(out, c, "expected a node id after nid=");
		out->has_nid = true;
	}
	if (out->has_nid) {
		/* the flags of memblock_add_node are printed as %x, no 0x */
		const char *q = strstr(c->p, "flags=");

		if (q) {
			uint64_t f = 0;
			int n = 0;

			q += 6;
			if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X'))
				q += 2;
			while (isxdigit((unsigned char)*q) && n < 8) {
				f = f << 4 | (uint64_t)(isdigit((unsigned char)*q) ? *q - '0' :
						       tolower((unsigned char)*q) - 'a' + 10);
				q++;
				n++;
			}
			if (!n || isxdigit((unsigned char)*q))
				return unusable(out, c, "expected hexadecimal flags after flags=");
			out->flags = (unsigned int)f;
			out->has_flags = true;
			c->p = q;
		} else if (!strcmp(m->op, "memblock_add_node")) {
			c->ran_out = true;
			return unusable(out, c, "memblock_add_node without flags=");
		}
	} else if (!strcmp(m->op, "memblock_add_node")) {
		return unusable(out, c, "memblock_add_node without nid=");
	}
	skip_ws(c);
	if (lit(c, "flags ")) {		/* the 3.x/4.x memblock_reserve_region form */
		if (!hex(c, &v, NULL) || v > 0xffffffffu)
			return unusable(out, c, "expected the flags after 'flags'");
		out->flags = (unsigned int)v;
		out->has_flags = true;
	}
	copy_rest(out->caller, sizeof(out->caller), c->p);
	return out->kind = IMP_RANGE_OP;
}

/* NAME: N bytes align=0x.. [nid=N] from=%pa max_addr=%pa caller */
static enum imp_kind parse_request(struct cursor *c, const struct name_map *m, struct imp_line *out)
{
	out->op = m->op;
	out->nid = -1;
	skip_ws(c);
	if (!dec(c, &out->size) || !lit(c, " bytes align=") || !hex(c, &out->align, NULL))
		return unusable(out, c, "expected 'N bytes align=0x...'");
	skip_ws(c);
	if (lit(c, "nid=")) {
		if (!nid(c, &out->nid))
			return unusable(out, c, "expected a node id after nid=");
		out->has_nid = true;
		skip_ws(c);
	}
	if (!lit(c, "from=") || !hex(c, &out->from, &out->addr_digits))
		return unusable(out, c, "expected 'from=0x...'");
	skip_ws(c);
	if (!lit(c, "max_addr=") || !hex(c, &out->max_addr, NULL))
		return unusable(out, c, "expected 'max_addr=0x...'");
	copy_rest(out->caller, sizeof(out->caller), c->p);
	return out->kind = IMP_REQUEST;
}

/* " memory[0x0]\t[base-end], size bytes on node N flags: 0x0" */
static enum imp_kind parse_dump_region(struct cursor *c, int type, struct imp_line *out)
{
	uint64_t idx, f;

	out->type = type;
	if (!hex(c, &idx, NULL) || idx > 0x7fffffff || !lit(c, "]"))
		return unusable(out, c, "expected a region index [0x...]");
	out->index = (int)idx;
	skip_ws(c);
	if (!lit(c, "[") || !hex(c, &out->base, &out->addr_digits) || !lit(c, "-") ||
	    !hex(c, &out->end, NULL) || !lit(c, "],"))
		return unusable(out, c, "expected '[0x...-0x...],'");
	skip_ws(c);
	if (!hex(c, &out->size, NULL) || !lit(c, " bytes"))
		return unusable(out, c, "expected the region's size in bytes");
	skip_ws(c);
	if (lit(c, "on node ")) {
		if (!nid(c, &out->nid) || out->nid < 0)
			return unusable(out, c, "expected a node id after 'on node'");
		out->has_nid = true;
		skip_ws(c);
	}
	if (!lit(c, "flags:"))
		return unusable(out, c, "expected 'flags:'");
	skip_ws(c);
	if (!hex(c, &f, NULL) || f > 0xffffffffu)
		return unusable(out, c, "expected the flags in hexadecimal");
	out->flags = (unsigned int)f;
	out->has_flags = true;
	if (out->size && out->base + out->size - 1 != out->end)
		return unusable(out, c, "the size does not match the range");
	return out->kind = IMP_DUMP_REGION;
}

static const struct { const char *name; unsigned int flag; } debugfs_flags[] = {
	{ "NONE", 0 }, { "HOTPLUG", 1 }, { "MIRROR", 2 }, { "NOMAP", 4 }, { "DRV_MNG", 8 },
	{ "DRIVER_MANAGED", 8 }, { "RSV_NIT", 0x10 },
};

/*
 * The flags column: names joined by '|' (6.12: "NOMAP|DRV_MNG", mm/memblock.c
 * 6.12:2418-2433); false if a name is not known (UNKNOWN, newer flags).
 */
static bool debugfs_flag_list(const char *p, unsigned int *flags)
{
	*flags = 0;
	for (;;) {
		size_t i, len = strcspn(p, "|"), n = 0;

		while (n < len && !isspace((unsigned char)p[n]))
			n++;
		for (i = 0; i < sizeof(debugfs_flags) / sizeof(debugfs_flags[0]); i++)
			if (strlen(debugfs_flags[i].name) == n && !strncmp(p, debugfs_flags[i].name, n))
				break;
		if (!n || i == sizeof(debugfs_flags) / sizeof(debugfs_flags[0]))
			return false;
		*flags |= debugfs_flags[i].flag;
		if (p[len] != '|')
			return at_end(&(struct cursor){ .p = p + n });
		p += len + 1;
	}
}

/* "   0: 0x...1000..0x...9efff" then, since 6.8, "    0 NONE" or "x NOMAP". */
static enum imp_kind parse_debugfs_region(struct cursor *c, struct imp_line *out)
{
	uint64_t idx;

	if (!dec(c, &idx) || idx > 0x7fffffff || !lit(c, ":"))
		return IMP_IGNORE;
	out->index = (int)idx;
	skip_ws(c);
	if (c->p[0] != '0' || c->p[1] != 'x')
		return IMP_IGNORE;
	if (!hex(c, &out->base, &out->addr_digits) || !lit(c, "..") || !hex(c, &out->end, NULL))
		return unusable(out, c, "expected '0x...  ..0x...'");
	skip_ws(c);
	if (isdigit((unsigned char)*c->p)) {
		if (!nid(c, &out->nid))
			return unusable(out, c, "expected a node id");
		out->has_nid = true;
		skip_ws(c);
	} else if (*c->p == 'x' && (c->p[1] == ' ' || !c->p[1])) {
		out->nid_none = true;
		c->p++;
		skip_ws(c);
	}
	/* UNKNOWN and newer flag names: the flags are not checked */
	if (*c->p && debugfs_flag_list(c->p, &out->flags))
		out->has_flags = true;
	return out->kind = IMP_DEBUGFS_REGION;
}

/* "e820: update [mem A-B] T1 ==> T2", "e820: remove [mem A-B] [T]" (arch/x86/kernel/e820.c:475, :551) */
static enum imp_kind parse_e820_edit(struct cursor *c, struct imp_line *out)
{
	bool update = lit(c, "update ");

	if (!update && !lit(c, "remove "))
		return IMP_IGNORE;
	if (!mem_range(c, &out->base, &out->end) || out->end < out->base)
		return unusable(out, c, "expected '[mem 0x...-0x...]'");
	skip_ws(c);
	copy_rest(out->text, sizeof(out->text), c->p);
	if (!update)
		return out->kind = IMP_E820_REMOVE;
	{
		char *arrow = strstr(out->text, " ==> ");

		if (!arrow || !arrow[5])
			return unusable(out, c, "expected 'TYPE ==> TYPE'");
		snprintf(out->to, sizeof(out->to), "%s", arrow + 5);
		*arrow = 0;
	}
	return out->kind = IMP_E820_UPDATE;
}

static enum imp_kind parse_e820(struct cursor *c, struct imp_line *out)
{
	/* the tables of arch/x86/kernel/e820.c: BIOS-provided (:1311, the tag
	 * is the memory_setup's "who"), extended (:741, :1055), user-defined
	 * (:1070), modified (:607) */
	const char *tags[] = { "BIOS-e820: ", "e820: ", "modified: ", "user: ", "extended: ",
			       "reserve setup_data: ", "Xen: ", "bad_ppro: " };
	size_t i;

	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		if (!imp_starts(c->p, tags[i]))
			continue;
		c->p += strlen(tags[i]);
		if (i == 1 && !imp_starts(c->p, "[mem "))
			return parse_e820_edit(c, out);
		if (!imp_starts(c->p, "[mem "))
			return IMP_IGNORE;
		if (!mem_range(c, &out->base, &out->end) || out->end < out->base)
			return unusable(out, c, "expected '[mem 0x...-0x...]'");
		skip_ws(c);
		if (!*c->p)
			return unusable(out, c, "the e820 entry has no type");
		if (imp_starts(c->p, "available for PCI"))	/* e820_search_gap's report (4.x) */
			return IMP_IGNORE;
		out->usable = imp_starts(c->p, "usable");
		copy_rest(out->text, sizeof(out->text), c->p);
		return out->kind = IMP_E820;
	}
	return IMP_IGNORE;
}

/*
 * Lines x86's setup_arch() prints after e820__memblock_setup()
 * (arch/x86/kernel/setup.c:1131): e820 edits after them no longer change
 * what memblock.memory holds.  efi_esrt_init (:1142), init_mem_mapping
 * (:1179), reserve_initrd (:1207), acpi_boot_table_init (:1211).
 */
static const char *const after_memblock_setup[] = {
	"esrt: Reserving ESRT space", "Using GB pages for direct mapping", "init_memory_mapping: ",
	"RAMDISK: [mem ", "ACPI: Early table checksum", "ACPI: RSDP 0x", "BRK [0x", "Zone ranges:",
	"Early memory node ranges", "NUMA turned off", "No NUMA configuration found",
};

static bool is_after_memblock_setup(const char *p)
{
	size_t i;

	for (i = 0; i < sizeof(after_memblock_setup) / sizeof(after_memblock_setup[0]); i++)
		if (imp_starts(p, after_memblock_setup[i]))
			return true;
	return false;
}

static enum imp_kind parse_numa(struct cursor *c, struct imp_line *out)
{
	uint64_t v;

	lit(c, "ACPI: ");	/* drivers/acpi/numa/srat.c's pr_fmt since 5.x */
	if (lit(c, "SRAT: Node ")) {
		if (!node_number(c, &v) || !lit(c, " PXM ") || !dec(c, &out->cnt))
			return unusable(out, c, "expected 'SRAT: Node N PXM P'");
		out->nid = (int)v;
		out->has_nid = true;
		skip_ws(c);
		if (!mem_range(c, &out->base, &out->end) || out->end < out->base)
			return unusable(out, c, "expected '[mem 0x...-0x...]'");
		out->hotplug = strstr(c->p, "hotplug") != NULL;
		return out->kind = IMP_NUMA_NODE;
	}
	/* dummy_numa_init (arch/x86/mm/numa.c:703), and "NUMA: " on arm64;
	 * numa=fake's nodes (arch/x86/mm/numa_emulation.c:72) replace it */
	lit(c, "NUMA: ");
	if (lit(c, "Faking a node at ")) {
		if (!mem_range(c, &out->base, &out->end) || out->end < out->base)
			return unusable(out, c, "expected '[mem 0x...-0x...]'");
		out->nid = 0;
		out->has_nid = true;
		out->type = IMP_NUMA_DUMMY;
		return out->kind = IMP_NUMA_NODE;
	}
	if (lit(c, "Faking node ")) {
		if (!node_number(c, &v) || !lit(c, " at "))
			return unusable(out, c, "expected 'Faking node N at'");
		if (!mem_range(c, &out->base, &out->end) || out->end < out->base)
			return unusable(out, c, "expected '[mem 0x...-0x...]'");
		out->nid = (int)v;
		out->has_nid = true;
		out->type = IMP_NUMA_EMULATED;
		return out->kind = IMP_NUMA_NODE;
	}
	if (lit(c, "Node ")) {
		const char *last;

		if (!node_number(c, &v))
			return unusable(out, c, "expected 'NUMA: Node N'");
		out->nid = (int)v;
		out->has_nid = true;
		skip_ws(c);
		if (!imp_starts(c->p, "[mem "))
			return IMP_IGNORE;	/* NUMA: Node 0 ... other messages */
		last = c->p;
		while (strstr(last + 1, "[mem "))
			last = strstr(last + 1, "[mem ");
		if (last != c->p && !strstr(c->p, "->"))
			return unusable(out, c, "a NUMA merge line without '->'");
		c->p = last;
		if (!mem_range(c, &out->base, &out->end) || out->end < out->base)
			return unusable(out, c, "expected '[mem 0x...-0x...]'");
		return out->kind = IMP_NUMA_NODE;
	}
	return IMP_IGNORE;
}

/*
 * "memblock: reserved range [A-B] is not in memory": memblock_enforce_memory_
 * reserved_overlap(), an -mm patch of early 2021 ("mm: fix initialization of
 * struct page for holes in memory layout", linux-mm, Mike Rapoport) that some
 * 5.11-era kernels carry; it added each reserved range outside memory to memory
 * with memblock_add_node() and the reserved range's node.  B is the end, not
 * the last byte.  No release has it; the log saying so is the kernel's own word.
 */
static enum imp_kind parse_not_in_memory(struct cursor *c, struct imp_line *out)
{
	uint64_t end;

	if (!lit(c, "[") || !hex(c, &out->base, &out->addr_digits) || !lit(c, "-") ||
	    !hex(c, &end, NULL) || !lit(c, "] is not in memory") || end <= out->base)
		return unusable(out, c, "expected '[0x...-0x...] is not in memory'");
	out->end = end - 1;
	out->op = "memblock_add_node";
	out->nid = -1;		/* has_nid false: the node of the range, as the import knows it */
	out->not_in_memory = true;
	snprintf(out->caller, sizeof(out->caller), "%s",
		 "memblock_enforce_memory_reserved_overlap (an -mm patch of 2021, not in a release)");
	return out->kind = IMP_RANGE_OP;
}

/* NO_MATCH: not a line of this kind; the caller tries the next. */
#define NO_MATCH	(-1)

/* "memblock: X is doubled", "memblock_*: ..." and the old "__memblock_free_*: ...". */
static int parse_memblock_line(struct cursor *c, struct imp_line *out)
{
	const char *colon;
	char name[48];
	int type;
	size_t n;

	if (imp_starts(c->p, "memblock: ")) {
		c->p += 10;
		if (lit(c, "reserved range "))
			return parse_not_in_memory(c, out);
		type = type_word(c);
		if (type < 0 || !lit(c, " is doubled to "))
			return IMP_IGNORE;
		if (!dec(c, &out->cnt) || out->cnt < 2)
			return unusable(out, c, "expected the new number of regions");
		if (out->cnt > 131072)	/* twice the largest array a machine may start with */
			return unusable(out, c, "more regions than a scenario's machine can start with");
		out->type = type;
		return out->kind = IMP_DOUBLED;
	}
	if (imp_starts(c->p, "memblock") && (colon = strchr(c->p, ':')) != NULL &&
	    (n = (size_t)(colon - c->p)) < sizeof(name) && !memchr(c->p, ' ', n)) {
		const struct name_map *m;

		memcpy(name, c->p, n);
		name[n] = 0;
		memcpy(out->name, name, n + 1);
		c->p = colon + 1;
		m = find_name(range_ops, sizeof(range_ops) / sizeof(range_ops[0]), name);
		if (m)
			return parse_range_op(c, m, out);
		m = find_name(requests, sizeof(requests) / sizeof(requests[0]), name);
		if (m)
			return parse_request(c, m, out);
		return unusable(out, c, "a memblock message mbviz does not know");
	}
	if (imp_starts(c->p, "__memblock_free_")) {
		const struct name_map *m;

		colon = strchr(c->p, ':');
		n = colon ? (size_t)(colon - c->p) : 0;
		if (!colon || n >= sizeof(name))
			return IMP_IGNORE;
		memcpy(name, c->p, n);
		name[n] = 0;
		memcpy(out->name, name, n + 1);
		m = find_name(range_ops, sizeof(range_ops) / sizeof(range_ops[0]), name);
		if (!m)
			return IMP_IGNORE;
		c->p = colon + 1;
		return parse_range_op(c, m, out);
	}
	return NO_MATCH;
}

/* memblock_dump_all's per-type lines, debugfs file headers. */
static int parse_type_line(struct cursor *c, struct imp_line *out)
{
	int type;

	if (strstr(c->p, "memblock/memory"))
		return out->type = IMP_MEMORY, out->kind = IMP_DEBUGFS_HEADER;
	if (strstr(c->p, "memblock/reserved"))
		return out->type = IMP_RESERVED, out->kind = IMP_DEBUGFS_HEADER;
	if (strstr(c->p, "memblock/physmem"))
		return out->type = IMP_PHYSMEM, out->kind = IMP_DEBUGFS_HEADER;
	type = type_word(c);
	if (type >= 0) {
		out->type = type;
		if (lit(c, ".cnt")) {
			skip_ws(c);
			if (!lit(c, "=") || (skip_ws(c), !hex(c, &out->cnt, NULL)) ||
			    !out->cnt || out->cnt > (1u << 30))
				return unusable(out, c, "expected '.cnt  = 0x...'");
			return out->kind = IMP_DUMP_CNT;
		}
		if (lit(c, "["))
			return parse_dump_region(c, type, out);
		if (*c->p == ':' && at_end(&(struct cursor){ .p = c->p + 1 }))
			return out->kind = IMP_DEBUGFS_HEADER;
		return IMP_IGNORE;
	}
	return NO_MATCH;
}

/* debugfs regions, e820, NUMA, node ranges, and the landmarks of a boot. */
static enum imp_kind parse_other_line(struct cursor *c, struct imp_line *out)
{
	if (isdigit((unsigned char)*c->p))
		return parse_debugfs_region(c, out);
	if (imp_parse_totals(c->p, out) != IMP_IGNORE)
		return out->kind;
	if (parse_e820(c, out) != IMP_IGNORE || out->kind == IMP_UNUSABLE)
		return out->kind;
	if (parse_numa(c, out) != IMP_IGNORE || out->kind == IMP_UNUSABLE)
		return out->kind;
	if (lit(c, "node ")) {
		uint64_t v;

		skip_ws(c);
		if (!dec(c, &v) || !lit(c, ": "))
			return IMP_IGNORE;
		if (v > IMPORT_MAX_NID) {
			c->why = "a node id above 1023 (MAX_NUMNODES is at most 1024)";
			return unusable(out, c, "");
		}
		out->nid = (int)v;
		out->has_nid = true;
		if (!mem_range(c, &out->base, &out->end) || out->end < out->base)
			return unusable(out, c, "expected '[mem 0x...-0x...]'");
		return out->kind = IMP_NODE_RANGE;
	}
	if (is_after_memblock_setup(c->p))
		return out->kind = IMP_AFTER_MEMBLOCK_SETUP;
	if (imp_starts(c->p, "Memory: ") && strstr(c->p, " available"))
		return out->kind = IMP_MEM_INIT;
	if (imp_starts(c->p, "SLUB: HWalign="))
		return out->kind = IMP_SLAB_UP;
	if (*c->p == '#')
		return out->kind = IMP_COMMENT;
	{
		const char *arch = imp_arch_marker(c->p);

		if (arch) {
			snprintf(out->text, sizeof(out->text), "%s", arch);
			return out->kind = IMP_ARCH;
		}
	}
	return IMP_IGNORE;
}

enum imp_kind import_parse_line(const char *line, struct imp_line *out)
{
	struct cursor c;
	int kind;

	memset(out, 0, sizeof(*out));
	c.p = import_strip_prefix(line);
	c.ran_out = false;
	c.why = NULL;
	skip_ws(&c);

	if (imp_starts(c.p, "Linux version ")) {
		c.p += 14;
		copy_rest(out->text, sizeof(out->text), c.p);
		if (imp_arch_of_version(out->text))	/* the release, or the compiler's triple */
			snprintf(out->to, sizeof(out->to), "%s", imp_arch_of_version(out->text));
		out->text[strcspn(out->text, " ")] = 0;
		return out->kind = IMP_VERSION;
	}
	if (imp_starts(c.p, "MEMBLOCK configuration:"))
		return out->kind = IMP_DUMP_HEADER;
	if (imp_starts(c.p, "memory size = ")) {
		c.p += 14;
		if (!hex(&c, &out->base, &out->addr_digits) || !lit(&c, " reserved size = ") ||
		    !hex(&c, &out->end, NULL))
			return unusable(out, &c, "expected 'memory size = 0x... reserved size = 0x...'");
		return out->kind = IMP_DUMP_SIZES;
	}
	if (imp_parse_fwmap(c.p, out) != IMP_IGNORE)
		return out->kind;
	if ((kind = parse_memblock_line(&c, out)) != NO_MATCH)
		return kind;
	if ((kind = parse_type_line(&c, out)) != NO_MATCH)
		return kind;
	return parse_other_line(&c, out);
}
