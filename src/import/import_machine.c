// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The machine a log comes from: its architecture, from the release in the
 * "Linux version" line or from a line only that architecture prints, and
 * what follows from it for memblock: SMP_CACHE_BYTES, the default
 * alignment (include/linux/cache.h: L1_CACHE_BYTES unless the architecture
 * says otherwise).  Where a value depends on the configuration, the
 * architecture's default is taken and the summary says so.
 */
#include <string.h>

#include "import_priv.h"

struct arch_info {
	const char	*name;
	unsigned int	smp_cache_bytes;
	const char	*why;		/* where the value comes from (6.1) */
	/* SECTION_SIZE_BITS with SPARSEMEM, the default memory model; 0: FLATMEM's */
	unsigned int	section_bits, section_bits_64k;
};

static const struct arch_info arches[] = {
	/*
	 * Section sizes: arch/<arch>/include/asm/sparsemem.h (6.1 and 6.12
	 * alike); SPARSEMEM is the default (ARCH_SPARSEMEM_DEFAULT or the only
	 * model) on x86_64 (arch/x86/Kconfig 6.1:1627-1628), arm64, riscv,
	 * powerpc64, s390, sparc64 and loongarch.  i386 without NUMA, arm,
	 * powerpc32, m68k and most mips are FLATMEM by default, ia64 DISCONTIG
	 * or SPARSEMEM by platform: 0, not modelled.
	 */
	{ "x86_64", 64, "arch/x86/Kconfig.cpu:318-323, 6 for GENERIC_CPU", 27, 27 },
	{ "x86_32", 64, "arch/x86/Kconfig.cpu:318-323, 6 for X86_GENERIC (5 or 7 for some CPUs)", 0, 0 },
	{ "arm64", 64, "arch/arm64/include/asm/cache.h:8", 27, 29 },
	{ "arm", 64, "arch/arm/mm/Kconfig:1100-1115, 6 for CPU_V7 (5 before)", 0, 0 },
	{ "riscv", 64, "arch/riscv/include/asm/cache.h:10", 27, 27 },
	{ "powerpc64", 128, "arch/powerpc/include/asm/cache.h:21", 24, 24 },
	{ "powerpc32", 32, "arch/powerpc/include/asm/cache.h:23 (64 for e500mc, 16 for 8xx)", 0, 0 },
	{ "s390", 256, "arch/s390/include/asm/cache.h:13", 28, 28 },
	{ "sparc64", 64, "arch/sparc/include/asm/cache.h:19, SMP_CACHE_BYTES_SHIFT", 30, 30 },
	{ "mips", 32, "arch/mips/Kconfig:1263-1269, 5 by default (6 or 7 on some platforms)", 0, 0 },
	{ "m68k", 16, "arch/m68k/include/asm/cache.h:9", 0, 0 },
	{ "loongarch", 64, "arch/loongarch/Kconfig:168-170", 29, 29 },
	{ "ia64", 128, "arch/ia64/Kconfig:178-181, 7 for MCKINLEY", 0, 0 },
};

/* Lines only one architecture prints, at the start of a (stripped) line. */
static const struct { const char *prefix, *arch; } markers[] = {
	{ "BIOS-e820: ", "x86" }, { "x86/fpu: ", "x86" }, { "e820: update ", "x86" },
	{ "Booting Linux on physical CPU 0x0000000000 [", "arm64" }, { "CPU features: ", "arm64" },
	{ "Boot CPU: AArch64 Processor", "arm64" },
	{ "CPU: ARMv7 Processor", "arm" }, { "CPU: ARMv6", "arm" },
	{ "riscv: ", "riscv" }, { "SBI specification", "riscv" }, { "riscv-", "riscv" },
	{ "CPU0 revision is: ", "mips" }, { "Determined physical RAM map:", "mips" },
	{ "Atari hardware found", "m68k" }, { "m68k", "m68k" },
	{ "Using PowerPC ", "powerpc" }, { "dt-cpu-ftrs: ", "powerpc64" }, { "hash-mmu: ", "powerpc64" },
	{ "radix-mmu: ", "powerpc64" }, { "ppc64_pft_size", "powerpc64" },
	{ "setup: Linux is running ", "s390" }, { "PROMLIB: ", "sparc64" },
	{ "SAL ", "ia64" },
};

const char *imp_arch_marker(const char *line)
{
	size_t i;

	/* x86's e820__end_of_ram_pfn (e820.c:859): MAX_ARCH_PFN is 1 << 34 on 64-bit */
	if (!strncmp(line, "last_pfn = ", 11) && strstr(line, "max_arch_pfn = "))
		return strstr(line, "max_arch_pfn = 0x400000000") ? "x86_64" : "x86_32";
	if (!strncmp(line, "CPU0 revision is: ", 18) && strstr(line, "Loongson-64bit"))
		return "loongarch";
	for (i = 0; i < sizeof(markers) / sizeof(markers[0]); i++)
		if (!strncmp(line, markers[i].prefix, strlen(markers[i].prefix)))
			return markers[i].arch;
	return NULL;
}

/* The architecture a version line names: its release ("6.1.0-13-amd64") or its compiler. */
const char *imp_arch_of_version(const char *r)
{
	static const struct { const char *word, *arch; } words[] = {
		{ "amd64", "x86_64" }, { "x86_64", "x86_64" }, { "i686", "x86_32" }, { "i586", "x86_32" },
		{ "686-pae", "x86_32" }, { "arm64", "arm64" }, { "aarch64", "arm64" }, { "armmp", "arm" },
		{ "armv7", "arm" }, { "riscv64", "riscv" }, { "ppc64", "powerpc64" }, { "s390x", "s390" },
		{ "sparc64", "sparc64" }, { "loongarch64", "loongarch" }, { "mips", "mips" },
		{ "riscv64-", "riscv" }, { "aarch64-", "arm64" }, { "arm-linux-", "arm" },
		{ "powerpc64", "powerpc64" }, { "powerpc-", "powerpc32" }, { "s390", "s390" },
		{ "m68k", "m68k" }, { "atari", "m68k" }, { "ia64", "ia64" },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(r, words[i].word))
			return words[i].arch;
	return NULL;
}

static const struct arch_info *find_arch(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(arches) / sizeof(arches[0]); i++)
		if (!strcmp(arches[i].name, name))
			return &arches[i];
	return NULL;
}

/* The architecture of the boot being imported, and why; the machine follows. */
void imp_learn_arch(struct importer *im)
{
	const char *arch = NULL;
	int i, line = 0;

	/* the first line that names the architecture whole wins over one that
	 * leaves the word size to the addresses ("x86", "powerpc") */
	for (i = 0; i < im->nr; i++) {
		const struct imp_line *l = &im->recs[i].l;
		const char *a = NULL;

		if (l->kind == IMP_VERSION && l->to[0])
			a = l->to;
		else if (l->kind == IMP_ARCH)
			a = l->text;
		else if (l->kind == IMP_E820 || l->kind == IMP_E820_UPDATE || l->kind == IMP_E820_REMOVE)
			a = "x86";
		if (!a || (arch && (find_arch(arch) || !find_arch(a))))
			continue;
		arch = a;
		line = im->recs[i].lineno;
	}
	if (arch)
		snprintf(im->arch_why, sizeof(im->arch_why), "line %d", line);
	if (!arch)
		return;
	/* a marker may leave the word size open: the addresses decide */
	if (!strcmp(arch, "x86"))
		arch = im->phys32 ? "x86_32" : "x86_64";
	else if (!strcmp(arch, "powerpc"))
		arch = im->phys32 ? "powerpc32" : "powerpc64";
	im->arch = find_arch(arch) ? find_arch(arch)->name : NULL;
	if (im->arch) {
		im->smp_cache_bytes = find_arch(arch)->smp_cache_bytes;
		im->smp_cache_why = find_arch(arch)->why;
	}
}

/* The architecture's SPARSEMEM section size for @page-byte pages; 0 if not known or FLATMEM. */
uint64_t imp_section_size(const struct importer *im, uint64_t page)
{
	const struct arch_info *a = im->arch ? find_arch(im->arch) : NULL;
	unsigned int bits;

	if (!a)
		return 0;
	bits = page >= 65536 ? a->section_bits_64k : a->section_bits;
	return bits ? (uint64_t)1 << bits : 0;
}

/*
 * FLATMEM as mbviz models it (machine.flatmem: pfn_valid() is pfn <
 * max_mapnr): x86_32 without NUMA, whose default it is (arch/x86/Kconfig
 * 6.1:1614-1628, ARCH_FLATMEM_ENABLE and ARCH_SPARSEMEM_DEFAULT).
 */
bool imp_flatmem(const struct importer *im)
{
	return im->arch && !strcmp(im->arch, "x86_32") && !im->numa;
}

/* The lines of each kind the importer used, for the summary. */
static const struct { enum imp_kind kind; const char *what; } kinds[] = {
	{ IMP_RANGE_OP, "memblock calls" }, { IMP_REQUEST, "allocation requests" },
	{ IMP_DOUBLED, "array doublings" }, { IMP_DUMP_REGION, "dump lines" },
	{ IMP_DEBUGFS_REGION, "debugfs lines" }, { IMP_E820, "e820 entries" },
	{ IMP_E820_UPDATE, "e820 updates" }, { IMP_E820_REMOVE, "e820 removals" },
	{ IMP_NUMA_NODE, "NUMA lines" }, { IMP_NODE_RANGE, "node ranges" },
	{ IMP_MEM_INIT, "Memory: lines" }, { IMP_SLAB_UP, "SLUB lines" }, { IMP_EFI_MD, "EFI memory map entries" },
	{ IMP_FW_RESERVED, "reserved-memory lines" }, { IMP_ZONE_RANGE, "zone lines" },
	{ IMP_PAGE_HINT, "page size hints" }, { IMP_ARCH_MEMORY, "MIPS memory map lines" },
	{ IMP_UNAVAIL, "unavailable-range lines" },
};

/*
 * The summary on the diagnostics: the lines used by kind and the unusable
 * ones, then the machine chosen and why (issue 13, item 5).
 */
void imp_summary(struct importer *im)
{
	char buf[512];
	size_t i, n = 0;
	int k, used = 0;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		int c = 0;

		for (k = 0; k < im->nr; k++)
			c += im->recs[k].l.kind == kinds[i].kind;
		if (c && n < sizeof(buf))
			n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%d %s", used ? ", " : "", c,
					      kinds[i].what);
		used += c;
	}
	imp_report(im, 0, "summary: %d lines used%s%s%s, %d unusable", used, used ? " (" : "",
		   used ? buf : "", used ? ")" : "", im->nr_unusable);
	imp_report(im, 0, "summary: machine: %s%s%s; SMP_CACHE_BYTES %u%s%s; %s phys_addr_t (%s); %s; memory from %s",
		   im->arch ? im->arch : "architecture not in the log",
		   im->arch ? ", from " : "", im->arch ? im->arch_why : "",
		   im->smp_cache_bytes ? im->smp_cache_bytes : 64,
		   im->smp_cache_bytes ? ", " : " (the default)",
		   im->smp_cache_bytes ? im->smp_cache_why : "",
		   im->phys32 ? "32-bit" : "64-bit",
		   im->fw.phys_why,
		   im->numa ? "NUMA" : "no NUMA lines",
		   im->have_adds ? "the log's memblock_add lines" : im->use_e820 ? "the e820 table" :
		   im->use_node_ranges ? "the early node ranges" :
		   im->synth_from_dump ? "the dump" : im->fw.use_efi_map ? "the EFI memory map" :
		   im->fw.use_arch_map ? "MIPS's physical RAM map" :
		   im->fw.use_zone_spans ? "the zones' span (no memory map in the log)" :
		   "nothing the log shows");
}
