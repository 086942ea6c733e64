// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What firmware told the kernel about memory, where the log shows it, and
 * what the log shows of the machine beyond its architecture.
 *
 * - The EFI memory map, printed with efi=debug by reserve_regions()
 *   (drivers/firmware/efi/efi-init.c:158-210 in 6.12): each descriptor
 *   with a cacheable attribute (is_memory, :27-32) is added to memblock
 *   in whole pages (memrange_efi_to_native, include/linux/efi.h:1056-1060),
 *   marked NOMAP unless it is usable RAM (is_usable_memory, :136-156), and
 *   reserved if it holds ACPI reclaim memory (:206-207).  With
 *   memblock=debug the adds and reservations are in the log but the NOMAP
 *   marks are not; without it, the map is where memory comes from.
 * - Device-tree reserved memory (drivers/of/of_reserved_mem.c): a region
 *   is reserved, or marked NOMAP when it says no-map (:141-157); its line
 *   ("OF: reserved mem: A..B (N KiB) nomap|map ...", :618) is printed
 *   later than the reservation.  "Reserved memory: created ... pool at"
 *   (kernel/dma/contiguous.c:490) and "cma: Reserved N MiB at" (mm/cma.c:369)
 *   say the same of CMA areas.
 * - "Zone ranges" (read by import_totals.c), for the arm64 low limit and,
 *   when the log shows nothing else, the span of memory.
 * - PAGE_SIZE: alloc_large_system_hash's "... hash table entries: N
 *   (order: O, B bytes" (mm/mm_init.c:2457) is B = PAGE_SIZE << O when B is
 *   a power of two; the EFI descriptors' rounding to whole pages shows it too.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "import_priv.h"
#include "util/xalloc.h"

/* ---- reading the lines ---- */

/* 0x and 1..16 hex digits; *digits (if asked) gets how many. */
static bool hexnum(const char **pp, uint64_t *v, int *digits)
{
	const char *p = *pp;
	uint64_t x = 0;
	int n = 0;

	if (p[0] != '0' || (p[1] != 'x' && p[1] != 'X'))
		return false;
	for (p += 2; ; p++, n++) {
		int d;

		if (*p >= '0' && *p <= '9')
			d = *p - '0';
		else if (*p >= 'a' && *p <= 'f')
			d = *p - 'a' + 10;
		else if (*p >= 'A' && *p <= 'F')
			d = *p - 'A' + 10;
		else
			break;
		if (n == 16)
			return false;
		x = x << 4 | (uint64_t)d;
	}
	if (!n)
		return false;
	*pp = p;
	*v = x;
	if (digits)
		*digits = n;
	return true;
}

static bool decnum(const char **pp, uint64_t *v)
{
	const char *p = *pp;
	uint64_t x = 0;

	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (x > (UINT64_MAX - 9) / 10)
			return false;
		x = x * 10 + (uint64_t)(*p - '0');
	}
	*pp = p;
	*v = x;
	return true;
}

/* The EFI attributes reserve_regions() looks at (include/linux/efi.h). */
#define FW_WB	0x1u
#define FW_WT	0x2u
#define FW_WC	0x4u
#define FW_SP	0x8u

/* Type names, 6.x's and the older longer ones, by prefix; usable per is_usable_memory(). */
static const struct { const char *name; bool usable, acpi_reclaim; } efi_types[] = {
	{ "Loader Code", true, false }, { "Loader Data", true, false },
	{ "Boot Code", true, false }, { "Boot Data", true, false },
	{ "Conventional", true, false }, { "Persistent", true, false },
	{ "ACPI Reclaim", true, true },
};

/* "[Conventional|   |  |...|WB|WT|WC|UC]" or "[type=N|attr=0x...]" */
static void efi_type_attr(const char *p, struct imp_line *out)
{
	const char *bar = strchr(p, '|'), *q;
	size_t i, n = bar ? (size_t)(bar - p) : strlen(p);

	while (n && p[n - 1] == ' ')
		n--;
	if (n >= sizeof(out->text))
		n = sizeof(out->text) - 1;
	memcpy(out->text, p, n);
	out->text[n] = 0;
	for (i = 0; i < sizeof(efi_types) / sizeof(efi_types[0]); i++)
		if (imp_starts(out->text, efi_types[i].name)) {
			out->usable = efi_types[i].usable;
			out->hotplug = efi_types[i].acpi_reclaim;	/* reused: ACPI reclaim */
		}
	for (q = bar; q && *q == '|'; q = strchr(q + 1, '|')) {
		const char *t = imp_skip_blanks(q + 1);
		uint64_t attr;

		if (imp_starts(t, "WB"))
			out->flags |= FW_WB;
		else if (imp_starts(t, "WT"))
			out->flags |= FW_WT;
		else if (imp_starts(t, "WC"))
			out->flags |= FW_WC;
		else if (imp_starts(t, "SP"))
			out->flags |= FW_SP;
		else if (imp_starts(t, "attr=") && (t += 5, hexnum(&t, &attr, NULL)))
			out->flags |= (attr & 0x8 ? FW_WB : 0) | (attr & 0x4 ? FW_WT : 0) |
				      (attr & 0x2 ? FW_WC : 0) | (attr & 0x40000 ? FW_SP : 0);
	}
}

/* "efi:   0x000000000000-0x00000007ffff [Conventional|...]" (efi-init.c:181-183) */
static enum imp_kind parse_efi_md(const char *p, struct imp_line *out)
{
	p = imp_skip_blanks(p + 4);
	if (!hexnum(&p, &out->base, NULL) || *p++ != '-' || !hexnum(&p, &out->end, NULL) ||
	    out->end < out->base)
		return IMP_IGNORE;
	p = imp_skip_blanks(p);
	if (*p++ != '[')
		return IMP_IGNORE;
	efi_type_attr(p, out);
	return out->kind = IMP_EFI_MD;
}

/* "OF: reserved mem: 0x..A..0x..B (N KiB) nomap non-reusable NAME" (of_reserved_mem.c:618) */
static enum imp_kind parse_of_rmem(const char *p, struct imp_line *out)
{
	p += strlen("OF: reserved mem: ");
	if (!hexnum(&p, &out->base, &out->addr_digits) || !imp_starts(p, "..") ||
	    (p += 2, !hexnum(&p, &out->end, NULL)) || out->end < out->base)
		return IMP_IGNORE;
	p = strchr(p, ')');
	if (!p)
		return IMP_IGNORE;
	p = imp_skip_blanks(p + 1);
	if (imp_starts(p, "nomap "))
		out->flags = 4;		/* MEMBLOCK_NOMAP */
	else if (!imp_starts(p, "map "))
		return IMP_IGNORE;
	p = strchr(p, ' ');
	p = p ? strchr(imp_skip_blanks(p), ' ') : NULL;
	snprintf(out->text, sizeof(out->text), "%s", p ? imp_skip_blanks(p) : "");
	out->text[strcspn(out->text, "\r\n")] = 0;
	return out->kind = IMP_FW_RESERVED;
}

/* "... at 0x..., size N MiB" and "Reserved N MiB at 0x..." */
static enum imp_kind mib_at(const char *at, uint64_t mib, struct imp_line *out, const char *what)
{
	const char *p = at;

	if (!hexnum(&p, &out->base, &out->addr_digits) || !mib || mib > (UINT64_MAX >> 21) ||
	    out->base + (mib << 20) - 1 < out->base)
		return IMP_IGNORE;
	out->end = out->base + (mib << 20) - 1;
	snprintf(out->text, sizeof(out->text), "%s", what);
	return out->kind = IMP_FW_RESERVED;
}

static enum imp_kind parse_cma(const char *p, struct imp_line *out)
{
	uint64_t mib;
	const char *at, *sz;

	if (imp_starts(p, "cma: Reserved ")) {		/* mm/cma.c:369 */
		p += strlen("cma: Reserved ");
		if (!decnum(&p, &mib) || !imp_starts(p, " MiB at "))
			return IMP_IGNORE;
		return mib_at(p + strlen(" MiB at "), mib, out, "cma");
	}
	/* "Reserved memory: created CMA memory pool at 0x..., size 64 MiB" */
	at = strstr(p, " pool at ");
	sz = at ? strstr(at, ", size ") : NULL;
	if (!sz)
		return IMP_IGNORE;
	sz += strlen(", size ");
	if (!decnum(&sz, &mib) || !imp_starts(sz, " MiB"))
		return IMP_IGNORE;
	return mib_at(at + strlen(" pool at "), mib, out, "reserved-memory pool");
}

/* "Dentry cache hash table entries: 2097152 (order: 12, 16777216 bytes, linear)" */
static enum imp_kind parse_hash(const char *p, struct imp_line *out)
{
	const char *q = strstr(p, " hash table entries: ");
	uint64_t entries, order, bytes;

	if (!q)
		return IMP_IGNORE;
	q += strlen(" hash table entries: ");
	if (!decnum(&q, &entries) || !imp_starts(q, " (order: "))
		return IMP_IGNORE;
	q += strlen(" (order: ");
	if (!decnum(&q, &order) || !imp_starts(q, ", ") || (q += 2, !decnum(&q, &bytes)) ||
	    !imp_starts(q, " bytes") || order > 30 || !bytes || (bytes & (bytes - 1)))
		return IMP_IGNORE;
	out->size = bytes >> order;
	/* up to 128K: a 256K PAGE_SIZE needs a section_size the default (128M) is not */
	if (out->size < 4096 || out->size > (128u << 10) || (out->size << order) != bytes)
		return IMP_IGNORE;
	snprintf(out->text, sizeof(out->text), "%.*s bytes", (int)(q - p), p);
	return out->kind = IMP_PAGE_HINT;
}

/* " memory: 10000000 @ 00000000 (usable)": MIPS's print_memory_map() (4.x), size @ start */
static enum imp_kind parse_mips_map(const char *p, struct imp_line *out)
{
	char buf[20];
	uint64_t size;
	const char *q;
	size_t n;

	p += strlen("memory: ");
	for (n = 0; p[n] && p[n] != ' ' && n < 17; n++)
		;
	if (!n || n > 16 || !imp_starts(p + n, " @ "))
		return IMP_IGNORE;
	snprintf(buf, sizeof(buf), "0x%.*s", (int)n, p);
	q = buf;
	if (!hexnum(&q, &size, NULL) || *q || !size)
		return IMP_IGNORE;
	p += n + 3;
	for (n = 0; p[n] && p[n] != ' ' && n < 17; n++)
		;
	if (!n || n > 16 || !imp_starts(p + n, " ("))
		return IMP_IGNORE;
	snprintf(buf, sizeof(buf), "0x%.*s", (int)n, p);
	q = buf;
	if (!hexnum(&q, &out->base, NULL) || *q || out->base + size - 1 < out->base)
		return IMP_IGNORE;
	out->end = out->base + size - 1;
	p += n + 2;
	snprintf(out->text, sizeof(out->text), "%.*s", (int)strcspn(p, ")"), p);
	out->usable = !strcmp(out->text, "usable");
	return out->kind = IMP_ARCH_MEMORY;
}

/* "Machine model: X" (drivers/of/fdt.c, arm's "OF: fdt: Machine model:"), x86's "DMI: X" */
static enum imp_kind parse_model(const char *p, struct imp_line *out)
{
	size_t n;

	if (imp_starts(p, "OF: fdt: "))
		p += strlen("OF: fdt: ");
	if (imp_starts(p, "Machine model: "))
		p += strlen("Machine model: ");
	else if (imp_starts(p, "DMI: "))
		p += strlen("DMI: ");
	else
		return IMP_IGNORE;
	p = imp_skip_blanks(p);
	n = strcspn(p, "\r\n");
	while (n && p[n - 1] == ' ')
		n--;
	if (!n)
		return IMP_IGNORE;
	if (n > 80)
		n = 80;
	snprintf(out->text, sizeof(out->text), "%.*s", (int)n, p);
	for (n = 0; out->text[n]; n++)	/* text, never control bytes */
		if ((unsigned char)out->text[n] < 0x20 || (unsigned char)out->text[n] > 0x7e)
			out->text[n] = '?';
	return out->kind = IMP_MODEL;
}

static enum imp_kind parse_fw_line(const char *p, struct imp_line *out)
{
	if (parse_model(p, out) != IMP_IGNORE)
		return out->kind;
	if (imp_starts(p, "efi: ") && strstr(p, "0x") == imp_skip_blanks(p + 4))
		return parse_efi_md(p, out);
	if (imp_starts(p, "OF: reserved mem: 0x"))
		return parse_of_rmem(p, out);
	if (imp_starts(p, "cma: Reserved ") || imp_starts(p, "Reserved memory: created "))
		return parse_cma(p, out);
	if (imp_starts(p, "memory: ") && strstr(p, " @ "))
		return parse_mips_map(p, out);
	if (strstr(p, " hash table entries: "))
		return parse_hash(p, out);
	return IMP_IGNORE;
}

enum imp_kind imp_parse_fwmap(const char *p, struct imp_line *out)
{
	if (parse_fw_line(p, out) == IMP_IGNORE) {
		memset(out, 0, sizeof(*out));	/* a parse that gave up leaves nothing behind */
		return IMP_IGNORE;
	}
	return out->kind;
}

/* ---- the machine ---- */

/* PAGE_SIZE of the architecture's default configuration, where it is not 4K. */
static const struct { const char *arch; uint64_t size; const char *why; } page_defaults[] = {
	{ "powerpc64", 64 << 10, "arch/powerpc/Kconfig:794, 64K for Book3S-64 by default" },
	{ "sparc64", 8 << 10, "arch/sparc/Kconfig:82, HAVE_PAGE_SIZE_8KB: always 8K" },
	{ "loongarch", 16 << 10, "arch/loongarch/Kconfig:293-295, 16K by default" },
	{ "ia64", 16 << 10, "arch/ia64/Kconfig (5.x), IA64_PAGE_SIZE_16KB by default" },
};

/* The page sizes (bit k: 4K << k, up to 128K) that round @md to the add that follows it. */
static unsigned int efi_rounding(const struct imp_line *md, const struct imp_line *add)
{
	unsigned int mask = 0, k;

	for (k = 0; k < 6; k++) {	/* 4K..128K, as parse_hash */
		uint64_t p = 4096ull << k, base = md->base & ~(p - 1);
		uint64_t end = ((md->end | (p - 1)));

		if (base == add->base && end == add->end)
			mask |= 1u << k;
	}
	return mask;
}

static void learn_page_size(struct importer *im)
{
	struct imp_fw *fw = &im->fw;
	unsigned int mask = 0x3f;
	int i, pairs = 0, line = 0;
	size_t k;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind == IMP_PAGE_HINT) {
			fw->page_size = l->size;
			snprintf(fw->page_why, sizeof(fw->page_why), "line %d: %.100s", im->recs[i].lineno,
				 l->text);
			return;
		}
		if (l->kind == IMP_EFI_MD && i + 1 < im->nr && im->recs[i + 1].l.kind == IMP_RANGE_OP &&
		    !strcmp(im->recs[i + 1].l.op, "memblock_add")) {
			unsigned int m = efi_rounding(l, &im->recs[i + 1].l);

			if (m && !line && !(m & 1))
				line = im->recs[i + 1].lineno;
			if (m) {
				mask &= m;
				pairs++;
			}
		}
	}
	if (pairs && mask && !(mask & 1)) {
		for (k = 0; !(mask & (1u << k)); k++)
			;
		fw->page_size = 4096ull << k;
		snprintf(fw->page_why, sizeof(fw->page_why),
			 "line %d: the EFI descriptors are added in whole pages of this size (memrange_efi_to_native)",
			 line);
		return;
	}
	for (k = 0; im->arch && k < sizeof(page_defaults) / sizeof(page_defaults[0]); k++)
		if (!strcmp(im->arch, page_defaults[k].arch)) {
			fw->page_size = page_defaults[k].size;
			snprintf(fw->page_why, sizeof(fw->page_why), "the log does not show it: %s",
				 page_defaults[k].why);
		}
}

/*
 * ARCH_LOW_ADDRESS_LIMIT (include/linux/memblock.h:386-388: 0xffffffff
 * unless the architecture says): s390's is fixed, arm64's is the end of
 * ZONE_DMA (arch/arm64/include/asm/processor.h:104, arm64_dma_phys_limit
 * from max_zone_phys, arch/arm64/mm/init.c:117-151), which "Zone ranges" prints.
 */
static void learn_low_limit(struct importer *im)
{
	struct imp_fw *fw = &im->fw;
	int i;

	if (!im->arch)
		return;
	if (!strcmp(im->arch, "s390")) {
		fw->low_limit = 0x7fffffff;
		snprintf(fw->low_why, sizeof(fw->low_why), "arch/s390/include/asm/processor.h:410");
		return;
	}
	if (strcmp(im->arch, "arm64"))
		return;
	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind != IMP_ZONE_RANGE || !l->usable ||
		    (strcmp(l->name, "DMA") && strcmp(l->name, "DMA32")))
			continue;
		fw->low_limit = l->end;
		snprintf(fw->low_why, sizeof(fw->low_why),
			 "line %d: the end of ZONE_%.8s (arm64_dma_phys_limit - 1, arch/arm64/include/asm/processor.h:104)",
			 im->recs[i].lineno, l->name);
		return;
	}
}

/* The direction when memblock=debug begins: MIPS goes bottom-up in arch_mem_init. */
static void learn_direction(struct importer *im)
{
	if (im->arch && !strcmp(im->arch, "mips")) {
		im->fw.bottom_up = true;
		im->fw.dir_why = "arch_mem_init sets bottom-up before parse_early_param (arch/mips/kernel/setup.c:633-640 in 6.12)";
	}
}

/* An EFI descriptor reserve_regions() adds: one with a cacheable attribute, not soft reserved. */
static bool efi_is_memory(const struct imp_line *l)
{
	return (l->flags & (FW_WB | FW_WT | FW_WC)) && !(l->flags & FW_SP);
}

/* The line whose %pa gave phys_addr_t's width (the rule of imp_learn). */
static void learn_phys_why(struct importer *im)
{
	int i;

	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (!l->addr_digits || l->kind == IMP_E820)
			continue;
		if (l->addr_digits != 8 && l->addr_digits != 16)
			break;	/* imp_learn takes the first: not a width */
		snprintf(im->fw.phys_why, sizeof(im->fw.phys_why), "%d-digit %%pa addresses, line %d",
			 l->addr_digits, im->recs[i].lineno);
		return;
	}
	if (im->arch && !strstr(im->arch, "32") && strcmp(im->arch, "arm") && strcmp(im->arch, "mips") &&
	    strcmp(im->arch, "m68k"))
		snprintf(im->fw.phys_why, sizeof(im->fw.phys_why), "a 64-bit architecture");
	else
		snprintf(im->fw.phys_why, sizeof(im->fw.phys_why), "the default: no %%pa address tells");
}

void imp_fw_learn(struct importer *im)
{
	bool efi = false, zones = false, reserved = false, arch_map = false;
	int i;

	learn_phys_why(im);
	for (i = 0; i < im->nr && !im->fw.model[0]; i++)
		if (im->recs[i].l.kind == IMP_MODEL)
			snprintf(im->fw.model, sizeof(im->fw.model), "%.80s, line %d",
				 im->recs[i].l.text, im->recs[i].lineno);
	learn_page_size(im);
	learn_low_limit(im);
	learn_direction(im);
	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		efi |= l->kind == IMP_EFI_MD && efi_is_memory(l);
		zones |= l->kind == IMP_ZONE_RANGE && l->usable;
		reserved |= l->kind == IMP_FW_RESERVED;
		arch_map |= l->kind == IMP_ARCH_MEMORY && l->usable;
	}
	if (im->have_adds || im->use_e820)
		return;
	if (arch_map && !efi && !im->use_node_ranges) {
		/* added before memblock=debug took effect; it lists only boot_mem_map,
		 * which may not be all memory (SGI IP27 adds its nodes' memory itself):
		 * node ranges, where printed, are the better account */
		im->fw.use_arch_map = true;
	} else if (efi) {
		/* the map is what memblock got; the node ranges become expectations */
		im->fw.use_efi_map = true;
		im->use_node_ranges = false;
	} else if (!im->use_node_ranges && !im->synth_from_dump && !im->have_ops) {
		im->fw.use_zone_spans = zones;
		im->fw.no_memory = !zones && reserved;
	}
}

/* ---- the steps ---- */

static uint64_t page_size(const struct importer *im)
{
	return im->fw.page_size ? im->fw.page_size : 4096;
}

static void emit(struct importer *im, int lineno, const char *op, uint64_t base, uint64_t size,
		 const char *note)
{
	int line = im->cur_line;

	im->cur_line = lineno;
	imp_range_step(im, op, base, size, note);
	im->cur_line = line;
}

static void flush_pending(struct importer *im)
{
	struct imp_fw *fw = &im->fw;

	if (!fw->pending)
		return;
	fw->pending = false;
	emit(im, fw->pend_line, "memblock_mark_nomap", fw->pend_base, fw->pend_size,
	     "reserve_regions: not usable RAM by its EFI type, so NOMAP (efi-init.c:202-203; not logged by memblock=debug)");
}

/* One EFI descriptor: its add (unless the log has the adds), NOMAP mark and ACPI reservation. */
static void efi_md(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	uint64_t p = page_size(im), base = l->base & ~(p - 1), size;
	bool usable = l->usable && (l->flags & FW_WB);	/* is_usable_memory: writeback only */

	if (!efi_is_memory(l))
		return;
	size = (l->end | (p - 1)) - base + 1;
	if (im->fw.use_efi_map) {
		emit(im, r->lineno, "memblock_add", base, size,
		     "reserve_regions: an EFI descriptor of memory, in whole pages (early_init_dt_add_memory_arch)");
		if (!usable)
			emit(im, r->lineno, "memblock_mark_nomap", base, size,
			     "reserve_regions: not usable RAM by its EFI type, so NOMAP (efi-init.c:202-203)");
		if (l->hotplug)
			emit(im, r->lineno, "memblock_reserve", base, size,
			     "reserve_regions: ACPI reclaim memory is kept (efi-init.c:206-207)");
		return;
	}
	if (usable)
		return;
	/* the add follows in the log: the mark goes after it */
	im->fw.pending = true;
	im->fw.pending_added = false;
	im->fw.pend_base = base;
	im->fw.pend_size = size;
	im->fw.pend_line = r->lineno;
}

/*
 * The same region said twice ("created ... pool" then "OF: reserved mem:",
 * printed together for each node by fdt_init_reserved_mem_node): looked
 * for among the last few only, so that a long log stays linear.
 */
static bool done_before(struct importer *im, uint64_t base, uint64_t size)
{
	struct imp_fw *fw = &im->fw;
	int i;

	for (i = fw->nr_done > 16 ? fw->nr_done - 16 : 0; i < fw->nr_done; i++)
		if (fw->done[2 * i] == base && fw->done[2 * i + 1] == size)
			return true;
	fw->done = xrealloc(fw->done, (size_t)(fw->nr_done + 1) * 2 * sizeof(*fw->done));
	fw->done[2 * fw->nr_done] = base;
	fw->done[2 * fw->nr_done + 1] = size;
	fw->nr_done++;
	return false;
}

/* A reserved-memory region or CMA area, where memblock=debug did not show it. */
static void fw_reserved(struct importer *im, const struct rec *r)
{
	const struct imp_line *l = &r->l;
	uint64_t size = l->end - l->base + 1;
	char note[320];

	if (done_before(im, l->base, size))
		return;
	if (l->flags) {
		snprintf(note, sizeof(note), "early_init_fdt_scan_reserved_mem: %s is no-map, so NOMAP (of_reserved_mem.c:141-154; not logged by memblock=debug)",
			 l->text[0] ? l->text : "a reserved-memory region");
		emit(im, r->lineno, "memblock_mark_nomap", l->base, size, note);
		return;
	}
	if (im->have_ops)
		return;		/* memblock=debug shows the reservation itself */
	snprintf(note, sizeof(note), "%s: reserved at boot (a reg region's memblock_reserve or a dynamic one's allocation; the log shows only where)",
		 l->text[0] ? l->text : "a reserved-memory region");
	emit(im, r->lineno, "memblock_reserve", l->base, size, note);
}

bool imp_fw_record(struct importer *im, const struct rec *r)
{
	struct imp_fw *fw = &im->fw;

	if (!r) {
		flush_pending(im);
		return true;
	}
	if (fw->pending) {
		bool add = r->l.kind == IMP_RANGE_OP && !strcmp(r->l.op, "memblock_add");

		if (add && !fw->pending_added)
			fw->pending_added = true;
		else
			flush_pending(im);
	}
	switch (r->l.kind) {
	case IMP_EFI_MD:
		efi_md(im, r);
		return true;
	case IMP_FW_RESERVED:
		fw_reserved(im, r);
		return true;
	case IMP_PAGE_HINT:
	case IMP_ARCH_MEMORY:
	case IMP_MODEL:
		return true;
	default:
		return false;
	}
}

/* Memory from the zones' span: all a log may show of it (an excerpt). */
void imp_fw_initial_memory(struct importer *im)
{
	int i;

	if (im->fw.no_memory)
		imp_report(im, 0, "the log shows no memory map (no memblock_add, e820, EFI map, node ranges, zones or dump): the scenario holds only the reservations it shows");
	for (i = 0; im->fw.use_arch_map && i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind == IMP_ARCH_MEMORY && l->usable)
			emit(im, im->recs[i].lineno, "memblock_add", l->base, l->end - l->base + 1,
			     "MIPS's \"Determined physical RAM map\": usable memory, added before memblock=debug took effect");
	}
	if (!im->fw.use_zone_spans)
		return;
	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;

		if (l->kind != IMP_ZONE_RANGE || !l->usable)	/* "empty" zones have no span */
			continue;
		emit(im, im->recs[i].lineno, "memblock_add", l->base, l->end - l->base + 1,
		     "the log shows no memory map: the span of this zone (Zone ranges) is taken as memory, holes would not show");
	}
	imp_report(im, 0, "the log shows no memory map (no memblock_add, e820, EFI map, node ranges or dump): memory is taken as the span of the zones it prints, which would not show holes");
}

void imp_fw_free(struct importer *im)
{
	free(im->fw.done);
	im->fw.done = NULL;
}

static void size_text(char *buf, size_t len, uint64_t v)
{
	if (v >= 1024 && !(v % 1024))
		snprintf(buf, len, "%" PRIu64 "K", v >> 10);
	else
		snprintf(buf, len, "%" PRIu64, v);
}

/* The machine's other parameters in the summary, each with where it came from. */
void imp_fw_summary(struct importer *im)
{
	const struct imp_fw *fw = &im->fw;
	char ps[24], low[40], dir[320];

	size_text(ps, sizeof(ps), page_size(im));
	if (fw->low_limit)
		snprintf(low, sizeof(low), "0x%" PRIx64, fw->low_limit);
	else
		snprintf(low, sizeof(low), "0xffffffff");
	if (fw->final_bottom_up != fw->bottom_up)
		snprintf(dir, sizeof(dir), "%s (the first placement says so; %s)",
			 fw->final_bottom_up ? "bottom-up" : "top-down",
			 fw->dir_why ? "the architecture's default is the other way in 6.12" :
			 "memblock's default is top-down");
	else
		snprintf(dir, sizeof(dir), "%s (%s)", fw->final_bottom_up ? "bottom-up" : "top-down",
			 fw->dir_why ? fw->dir_why : "memblock's default; the placements may say otherwise");
	imp_report(im, 0, "summary: machine: %s%s%sPAGE_SIZE %s (%s); ARCH_LOW_ADDRESS_LIMIT %s (%s); allocations begin %s",
		   fw->model[0] ? "model " : "", fw->model, fw->model[0] ? "; " : "",
		   ps, fw->page_size ? fw->page_why : "the default: the log does not show it",
		   low, fw->low_limit ? fw->low_why : "the default", dir);
}

bool imp_fw_kind(enum imp_kind k)
{
	return k == IMP_EFI_MD || k == IMP_FW_RESERVED || k == IMP_PAGE_HINT ||
	       k == IMP_ARCH_MEMORY || k == IMP_MODEL;
}

void imp_fw_machine(const struct importer *im, cJSON *m)
{
	char buf[24];

	if (page_size(im) != 4096) {
		size_text(buf, sizeof(buf), page_size(im));
		cJSON_AddStringToObject(m, "page_size", buf);
	}
	if (im->fw.low_limit && im->fw.low_limit != 0xffffffff)
		imp_put_hex(m, "low_address_limit", im->fw.low_limit);
}
