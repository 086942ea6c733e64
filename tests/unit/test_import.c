// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The line parser of mbviz import: every line form of the kernel's
 * messages it reads (formats from mm/memblock.c, arch/x86/kernel/e820.c,
 * drivers/acpi/numa/srat.c, arch/x86/mm/numa.c, mm/page_alloc.c, and the
 * firmware maps of drivers/firmware/efi and drivers/of), the
 * prefixes it strips, and what it refuses: overflowing numbers, cut
 * lines (marked incomplete, so that a wrapped line can be joined), and
 * memblock messages it does not know.
 */
#include <stdio.h>
#include <string.h>

#include "import/import.h"
#include "tap.h"

static struct imp_line l;

static enum imp_kind parse(const char *s)
{
	return import_parse_line(s, &l);
}

static void prefixes(void)
{
	is_str(import_strip_prefix("[    0.000000] memblock_add: x"), "memblock_add: x", "timestamp");
	is_str(import_strip_prefix("[12345.678901] x"), "x", "long timestamp");
	is_str(import_strip_prefix("<6>[    0.000000] x"), "x", "log level and timestamp");
	is_str(import_strip_prefix("<7>x"), "x", "log level alone");
	is_str(import_strip_prefix("> > [    0.1] x"), "x", "two levels of mail quoting");
	is_str(import_strip_prefix(">  memory size = 0x0"), " memory size = 0x0",
	       "quoting keeps the dump's own leading space");
	is_str(import_strip_prefix("[    0.000000] [    T0] x"), "x", "printk caller id");
	is_str(import_strip_prefix("kern  :info  : [    0.000000] x"), "x", "dmesg -x");
	is_str(import_strip_prefix("Dec 03 10:00:00 host kernel: x"), "x", "journalctl");
	is_str(import_strip_prefix("[not a time] x"), "[not a time] x", "brackets that are no timestamp stay");
	is_str(import_strip_prefix("<6x"), "<6x", "a broken level stays");
	/* issue 13: the other forms logs come in */
	is_str(import_strip_prefix("[Tue Dec  5 22:32:38 2023] memblock_add: x"), "memblock_add: x",
	       "dmesg -T");
	is_str(import_strip_prefix("2023-12-05T22:32:38,123456+01:00 memblock_add: x"), "memblock_add: x",
	       "dmesg --time-format iso");
	is_str(import_strip_prefix("2024-05-01T10:00:00.123456+00:00 host kernel: [    0.000000] x"), "x",
	       "RFC 3339 syslog");
	is_str(import_strip_prefix("Dec 05 08:39:42 host kernel: x"), "x", "journalctl -k");
	is_str(import_strip_prefix("Dec  5 08:39:42.123456 host kernel: x"), "x", "journalctl -o short-precise");
	is_str(import_strip_prefix("      Jun 20 22:20:07 box kernel[23409]:  x"), " x",
	       "syslog with the kernel's pid, indented");
	is_str(import_strip_prefix("> Feb 28 10:21:24 kernel: [    0.000000] x"), "x",
	       "busybox syslog without a host, quoted");
	is_str(import_strip_prefix("[2023/06/16-12:06:53:394] [    0.000000] x"), "x",
	       "a terminal program's time before the kernel's");
	is_str(import_strip_prefix("[  +0.000004] x"), "x", "dmesg -d");
	is_str(import_strip_prefix("(early) [    0.000000] x"), "x", "Xen's early console");
	is_str(import_strip_prefix("2019-08-18 19:28:51: [    0.000000] x"), "x", "a capture tool's date and time");
	is_str(import_strip_prefix("[    0.000000] kernel: x"), "x", "journalctl -o short-monotonic");
	is_str(import_strip_prefix("|[    0.000000] x"), "x", "a '|' quote");
	is_str(import_strip_prefix("[0x0000000001000000-0x0000000002dfffff] x"),
	       "[0x0000000001000000-0x0000000002dfffff] x", "the range of a wrapped line stays");
	is_str(import_strip_prefix("[mem 0x00000000-0x0009ffff] x"), "[mem 0x00000000-0x0009ffff] x",
	       "a [mem ...] range stays");
	is_str(import_strip_prefix("Dec 05 08:39:42 host systemd[1]: x"), "host systemd[1]: x",
	       "another program's line keeps its tag, and is no kernel line");
}

static void range_ops(void)
{
	is_int(parse("memblock_add: [0x0000000000001000-0x000000000009efff] e820__memblock_setup+0x6b/0xa6"),
	       IMP_RANGE_OP, "memblock_add");
	is_str(l.op, "memblock_add", "its op");
	is_u64(l.base, 0x1000, "base");
	is_u64(l.end, 0x9efff, "end, inclusive");
	is_str(l.caller, "e820__memblock_setup+0x6b/0xa6", "the caller");
	is_int(l.addr_digits, 16, "16 digits: 64-bit phys_addr_t");

	is_int(parse("memblock_add_node: [0x0000000100000000-0x000000017fffffff] nid=1 flags=1 x+0x1/0x2"),
	       IMP_RANGE_OP, "memblock_add_node");
	ok(l.has_nid && l.nid == 1, "its nid");
	ok(l.has_flags && l.flags == 1, "its flags, %%x without 0x");
	is_int(parse("memblock_add_node: [0x0-0x1] nid=1"), IMP_UNUSABLE,
	       "memblock_add_node without flags");
	ok(l.incomplete, "... is incomplete: the rest may be on the next line");

	is_int(parse("memblock_reserve: [0x00001000-0x0009efff] setup_arch+0x1/0x2"), IMP_RANGE_OP,
	       "32-bit memblock_reserve");
	is_int(l.addr_digits, 8, "8 digits: 32-bit phys_addr_t");
	is_int(parse("memblock_phys_free: [0x1000-0x1fff] memblock_free+0x19/0x30"), IMP_RANGE_OP,
	       "memblock_phys_free");
	is_str(l.op, "memblock_phys_free", "its op");
	is_int(parse("memblock_free: [0x1000-0x1fff] x"), IMP_RANGE_OP, "memblock_free, the old name");
	is_str(l.op, "memblock_phys_free", "... is the physical free");
	is_int(parse("__memblock_free_late: [0x1000-0x1fff] x"), IMP_RANGE_OP, "__memblock_free_late");
	is_str(l.op, "memblock_free_late", "... is memblock_free_late");
	is_int(parse("memblock_reserve: [0x00000001000000-0x00000002dfffff] flags 0x0 setup_arch+0x1/0x2"),
	       IMP_RANGE_OP, "the 4.x form with flags");
	is_u64(l.end, 0x2dfffff, "its end");
	is_str(l.caller, "setup_arch+0x1/0x2", "its caller after the flags");
	is_int(parse("memblock_remove: [0x0000000000000000-0xffffffffffffffff]"), IMP_RANGE_OP,
	       "no caller is fine: the range is complete");
	is_str(l.caller, "", "empty caller");

	is_int(parse("memblock_reserve: [0x0000000001000000-0x00000000"), IMP_UNUSABLE, "a cut range");
	ok(l.incomplete, "... is incomplete");
	is_int(parse("memblock_reserve: [0x10000000000000000-0x1] x"), IMP_UNUSABLE,
	       "a 65-bit number");
	is_int(parse("memblock_reserve: (0x1-0x2) x"), IMP_UNUSABLE, "no brackets");
	ok(!l.incomplete, "... is not merely cut");
	is_int(parse("memblock_frobnicate: [0x1-0x2] x"), IMP_UNUSABLE, "an unknown memblock message");
	is_int(parse("memblock_add_node: [0x0-0x1] nid=99999999 flags=0 x"), IMP_UNUSABLE,
	       "a node id out of range");
}

static void requests(void)
{
	is_int(parse("memblock_alloc_try_nid: 4096 bytes align=0x1000 nid=-1 from=0x0000000000000000 max_addr=0x0000000000000000 alloc_low_pages+0x6f/0x190"),
	       IMP_REQUEST, "memblock_alloc_try_nid");
	is_u64(l.size, 4096, "size, decimal");
	is_u64(l.align, 0x1000, "align");
	is_int(l.nid, -1, "NUMA_NO_NODE");
	is_u64(l.from, 0, "from");
	is_u64(l.max_addr, 0, "max_addr");
	is_str(l.caller, "alloc_low_pages+0x6f/0x190", "caller");
	is_int(parse("memblock_phys_alloc_range: 24576 bytes align=0x1000 from=0x0000000000000000 max_addr=0x0000000000100000 x"),
	       IMP_REQUEST, "memblock_phys_alloc_range, no nid");
	is_str(l.op, "memblock_phys_alloc_range", "its op");
	is_u64(l.max_addr, 0x100000, "its end");
	is_int(parse("memblock_alloc_exact_nid_raw: 1 bytes align=0x40 nid=3 from=0x0 max_addr=0x0 x"),
	       IMP_REQUEST, "memblock_alloc_exact_nid_raw");
	is_int(l.nid, 3, "its nid");
	is_int(parse("memblock_virt_alloc_try_nid_nopanic: 1 bytes align=0x40 nid=0 from=0x0 max_addr=0x0 x"),
	       IMP_REQUEST, "an old name");
	is_str(l.op, "memblock_alloc_try_nid", "... is memblock_alloc_try_nid");
	is_int(parse("memblock_alloc_try_nid: 4096 bytes align=0x1000 nid=-1 from=0x0000000000000000"),
	       IMP_UNUSABLE, "a request cut before max_addr");
	ok(l.incomplete, "... is incomplete");
	is_int(parse("memblock_alloc_try_nid: 18446744073709551616 bytes align=0x1 nid=-1 from=0x0 max_addr=0x0 x"),
	       IMP_UNUSABLE, "a size of 2^64");
	is_int(parse("memblock_alloc_try_nid: 18446744073709551615 bytes align=0x1 nid=-1 from=0x0 max_addr=0x0 x"),
	       IMP_REQUEST, "a size of 2^64 - 1 is still a number");
}

static void dumps(void)
{
	is_int(parse("MEMBLOCK configuration:"), IMP_DUMP_HEADER, "dump header");
	is_int(parse(" memory size = 0x000000007ff7e000 reserved size = 0x0000000001e011d0"),
	       IMP_DUMP_SIZES, "sizes");
	is_u64(l.base, 0x7ff7e000, "memory size");
	is_u64(l.end, 0x1e011d0, "reserved size");
	is_int(parse(" reserved.cnt  = 0x3"), IMP_DUMP_CNT, "cnt");
	ok(l.type == IMP_RESERVED && l.cnt == 3, "reserved, 3");
	is_int(parse(" memory[0x1]\t[0x0000000100000000-0x000000017fffffff], 0x0000000080000000 bytes on node 1 flags: 0x4"),
	       IMP_DUMP_REGION, "a region with its node");
	ok(l.type == IMP_MEMORY && l.index == 1 && l.base == 0x100000000ull &&
	   l.size == 0x80000000ull && l.has_nid && l.nid == 1 && l.flags == 4, "all of its fields");
	is_int(parse(" reserved[0x0]  [0x0-0x0fff], 0x1000 bytes flags: 0x0"), IMP_DUMP_REGION,
	       "spaces for the tab, no node");
	ok(!l.has_nid, "no node");
	is_int(parse(" memory[0x0]\t[0x1000-0x1fff], 0x2000 bytes flags: 0x0"), IMP_UNUSABLE,
	       "a size that does not match the range");
	is_int(parse(" memory[0x0]\t[0x1000-0x1fff], 0x1000 bytes"), IMP_UNUSABLE, "cut before flags");
	ok(l.incomplete, "... is incomplete");

	is_int(parse("   0: 0x0000000000001000..0x000000000009efff    0 NONE"), IMP_DEBUGFS_REGION,
	       "debugfs with node and flags");
	ok(l.index == 0 && l.base == 0x1000 && l.end == 0x9efff && l.has_nid && l.nid == 0 &&
	   l.has_flags && l.flags == 0, "all of its fields");
	is_int(parse("  12: 0x0000000000001000..0x000000000009efff    x DRV_MNG"), IMP_DEBUGFS_REGION,
	       "debugfs without node");
	ok(l.index == 12 && l.nid_none && l.flags == 8, "x and DRV_MNG");
	is_int(parse("   3: 0x0000000000001000..0x000000000009efff"), IMP_DEBUGFS_REGION,
	       "the old debugfs form");
	ok(!l.has_nid && !l.has_flags, "no node, no flags");
	is_int(parse("   3: 0x00000000000"), IMP_UNUSABLE, "a cut debugfs line");
	is_int(parse("1: not ours"), IMP_IGNORE, "a numbered line that is no debugfs line");
	is_int(parse("reserved:"), IMP_DEBUGFS_HEADER, "debugfs header");
	is_int(l.type, IMP_RESERVED, "of reserved");
	is_int(parse("==> /sys/kernel/debug/memblock/physmem <=="), IMP_DEBUGFS_HEADER, "head's header");
	is_int(l.type, IMP_PHYSMEM, "of physmem");
	is_int(parse("memblock: reserved is doubled to 256 at [0x000000007fffe000-0x000000007fffffff]"),
	       IMP_DOUBLED, "doubling");
	ok(l.type == IMP_RESERVED && l.cnt == 256, "reserved, 256");
	is_int(parse("memblock: memory is doubled to 262144 at [0x0-0x1]"), IMP_UNUSABLE,
	       "doubled beyond what a machine can start with");
	is_int(parse("memblock: reserved range [0x000000000009f000-0x0000000000100000] is not in memory"),
	       IMP_RANGE_OP, "a 2021 -mm patch's reserved range added to memory");
	ok(l.not_in_memory && !l.has_nid && !strcmp(l.op, "memblock_add_node") &&
	   l.base == 0x9f000 && l.end == 0xfffff, "memblock_add_node of [base, end), end exclusive");
	is_int(parse("memblock: reserved range [0x1000-0x1000] is not in memory"), IMP_UNUSABLE,
	       "an empty range is no such line");
}

static void machine_lines(void)
{
	is_int(parse("BIOS-e820: [mem 0x0000000000100000-0x000000007ffdffff] usable"), IMP_E820, "e820");
	ok(l.usable && l.base == 0x100000 && l.end == 0x7ffdffff, "usable, its range");
	is_int(parse("modified: [mem 0x000000000009fc00-0x000000000009ffff] reserved"), IMP_E820,
	       "modified e820");
	ok(!l.usable, "reserved is not usable");
	is_int(parse("e820: update [mem 0x00000000-0x00000fff] usable ==> reserved"), IMP_E820_UPDATE,
	       "e820: update is an edit, not a table line");
	ok(l.base == 0 && l.end == 0xfff && !strcmp(l.text, "usable") && !strcmp(l.to, "reserved"),
	   "... its range and both types");
	is_int(parse("e820: update [mem 0x1000-0x1fff] ACPI NVS ==> ACPI data"), IMP_E820_UPDATE,
	       "types of two words");
	ok(!strcmp(l.text, "ACPI NVS") && !strcmp(l.to, "ACPI data"), "... read whole");
	is_int(parse("e820: remove [mem 0x000a0000-0x000fffff] usable"), IMP_E820_REMOVE, "e820: remove");
	is_str(l.text, "usable", "... of a type");
	is_int(parse("e820: remove [mem 0x40000000-0xfffffffffffffffe] "), IMP_E820_REMOVE,
	       "e820: remove of mem=, no type");
	is_str(l.text, "", "... no type");
	is_int(parse("e820: update [mem 0x0-0xfff] usable"), IMP_UNUSABLE, "an update without ==>");
	is_int(parse("esrt: Reserving ESRT space from 0x1 to 0x2."), IMP_AFTER_MEMBLOCK_SETUP,
	       "esrt: memblock is set up by then");
	is_int(parse("BIOS-e820: [mem 0x0000000000100000-0x00000000"), IMP_UNUSABLE, "a cut e820 line");
	is_int(parse("SRAT: Node 1 PXM 1 [mem 0x100000000-0x17fffffff] hotplug"), IMP_NUMA_NODE, "SRAT");
	ok(l.nid == 1 && l.base == 0x100000000ull && l.end == 0x17fffffffull && l.hotplug,
	   "node, range, hotplug");
	is_int(parse("NUMA: Node 0 [mem 0x00000000-0x0009ffff] + [mem 0x00100000-0x7fffffff] -> [mem 0x00000000-0x7fffffff]"),
	       IMP_NUMA_NODE, "a NUMA merge");
	ok(l.nid == 0 && l.base == 0 && l.end == 0x7fffffff, "the merged range");
	is_int(parse("SRAT: PXM 0 -> APIC 0x00 -> Node 0"), IMP_IGNORE, "SRAT's CPU lines");
	is_int(parse("ACPI: SRAT: Node 1 PXM 1 [mem 0x144000000-0x23fffffff]"), IMP_NUMA_NODE,
	       "SRAT with 5.x's ACPI: prefix");
	ok(l.nid == 1 && l.base == 0x144000000ull, "... its node and range");
	is_int(parse("Faking a node at [mem 0x0000000000000000-0x000000013fffffff]"), IMP_NUMA_NODE,
	       "dummy_numa_init's one node");
	ok(l.nid == 0 && l.type == IMP_NUMA_DUMMY, "... node 0, the dummy");
	is_int(parse("NUMA: Faking a node at [mem 0x0000000090000000-0x0000009fffffffff]"), IMP_NUMA_NODE,
	       "arm64's, with NUMA:");
	is_int(parse("Faking node 1 at [mem 0x0000000080000000-0x000000013fffffff] (3072MB)"),
	       IMP_NUMA_NODE, "numa=fake's node");
	ok(l.nid == 1 && l.end == 0x13fffffffull && l.type == IMP_NUMA_EMULATED, "... node 1, emulated");
	is_int(parse("SRAT: Node 1024 PXM 1 [mem 0x0-0xfff]"), IMP_UNUSABLE, "node 1024 (issue 14)");
	is_str(l.why, "a node id above 1023 (MAX_NUMNODES is at most 1024)", "... says why");
	is_int(parse("memblock_add_node: [0x0-0xfff] nid=65535 flags=0 x"), IMP_UNUSABLE,
	       "nid=65535 in memblock's own line");
	is_int(parse("  node   1: [mem 0x0000000100000000-0x000000017fffffff]"), IMP_NODE_RANGE,
	       "an early node range");
	ok(l.nid == 1 && l.end == 0x17fffffffull, "its node and end");
	is_int(parse("Linux version 6.1.0-13-amd64 (debian-kernel@lists.debian.org) #1"), IMP_VERSION,
	       "version");
	is_str(l.text, "6.1.0-13-amd64", "the release");
	is_int(parse("Memory: 1983212K/2096632K available (14339K kernel code)"), IMP_MEM_INIT,
	       "mem_init's line");
	is_int(parse("# steps[3] memblock_add(base=0x1000, size=0x1000) = 0"), IMP_COMMENT,
	       "mbviz run --trace comments");
	is_int(parse("x86/fpu: x87 FPU will use FXSAVE"), IMP_ARCH, "a line only x86 prints");
	is_str(l.text, "x86", "... names x86");
	is_int(parse("last_pfn = 0xbfedf max_arch_pfn = 0x1000000"), IMP_ARCH, "last_pfn");
	is_str(l.text, "x86_32", "... of a 32-bit kernel (MAX_ARCH_PFN below 1 << 34)");
	is_int(parse("Linux version 6.7.0 (a@b) (riscv64-linux-gnu-gcc (Debian 13.2.0-7) 13.2.0)"),
	       IMP_VERSION, "a version line");
	ok(!strcmp(l.text, "6.7.0") && !strcmp(l.to, "riscv"), "... its release, and the compiler's architecture");
	is_int(parse("tsc: Detected 3000.000 MHz processor"), IMP_IGNORE, "anything else");
	is_int(parse(""), IMP_IGNORE, "an empty line");
}

/* import_fwmap.c: the firmware's maps and the machine's hints (issue 13). */
static void firmware_lines(void)
{
	is_int(parse("efi:   0x000031b34000-0x000031b37fff [Reserved           |   |  |  |  |  |  |  |   |WB|WT|WC|UC]"),
	       IMP_EFI_MD, "an EFI descriptor (efi=debug, 4.x names)");
	ok(l.base == 0x31b34000 && l.end == 0x31b37fff && !l.usable && l.flags == 7,
	   "... its range, not usable RAM, WB|WT|WC");
	is_int(parse("efi:   0x000000001000-0x000000307fff [Conventional|   |  |  |  |  |  |  |  |  |   |WB|  |  |  ]"),
	       IMP_EFI_MD, "an EFI descriptor (6.x names and columns)");
	ok(l.usable && l.flags == 1 && !strcmp(l.text, "Conventional"), "... usable, WB only");
	is_int(parse("efi:   0x000039bf0000-0x000039c3ffff [ACPI Reclaim Memory|   |  |  |  |  |  |  |   |WB|WT|WC|UC]"),
	       IMP_EFI_MD, "ACPI reclaim memory");
	ok(l.usable && l.hotplug, "... usable, and kept reserved");
	is_int(parse("efi:   0x000080000000-0x0000803fffff [Conventional|   |  |  |SP|  |  |  |  |  |   |WB|  |  |  ]"),
	       IMP_EFI_MD, "soft reserved memory");
	ok(l.flags == (1 | 8), "... WB and SP");
	is_int(parse("efi:   0x000000000000-0x000000000fff [type=20|attr=0x0000000000000008]"), IMP_EFI_MD,
	       "an unknown type with its attributes in hexadecimal");
	ok(!l.usable && l.flags == 1, "... not usable, WB");
	is_int(parse("efi: mem00: [Conventional|   |  |  |  |  |  |  |  |  |   |WB|WT|WC|UC] range=[0x0-0xfff] (0MB)"),
	       IMP_IGNORE, "x86's EFI map (e820 is what memblock gets there)");
	is_int(parse("efi:   0x000000001000-"), IMP_IGNORE, "a cut EFI line");
	is_int(parse("OF: reserved mem: 0x0000000000000000..0x000000000007ffff (512 KiB) nomap non-reusable atf@0"),
	       IMP_FW_RESERVED, "a device-tree reserved region, no-map");
	ok(l.end == 0x7ffff && l.flags == 4 && !strcmp(l.text, "atf@0") && l.addr_digits == 16,
	   "... its end, NOMAP, its name, %%pa's width");
	is_int(parse("OF: reserved mem: 0x19400000..0x1d3fffff (65536 KiB) map reusable linux,cma"),
	       IMP_FW_RESERVED, "a reusable one on a 32-bit phys_addr_t");
	ok(l.base == 0x19400000 && !l.flags && l.addr_digits == 8, "... reserved, 8 digits");
	is_int(parse("OF: reserved mem: initialized node linux,cma, compatible id shared-dma-pool"), IMP_IGNORE,
	       "the line without an address");
	is_int(parse("Reserved memory: created CMA memory pool at 0x0000000065c00000, size 256 MiB"),
	       IMP_FW_RESERVED, "a CMA pool");
	ok(l.base == 0x65c00000 && l.end == 0x75bfffff, "... 256 MiB from its base");
	is_int(parse("cma: Reserved 64 MiB at 0x00000040fc000000 on node -1"), IMP_FW_RESERVED, "a CMA area");
	ok(l.base == 0x40fc000000ull && l.end == 0x40ffffffffull, "... 64 MiB");
	is_int(parse("cma: Failed to reserve 512 MiB"), IMP_IGNORE, "a CMA failure");
	is_int(parse("Dentry cache hash table entries: 524288 (order: 8, 4194304 bytes, linear)"), IMP_PAGE_HINT,
	       "a hash table's size and order");
	is_u64(l.size, 16384, "... say PAGE_SIZE 16K");
	is_int(parse("Inode-cache hash table entries: 3 (order: 0, 24 bytes, linear)"), IMP_IGNORE,
	       "a size that is not a power of two says nothing");
	is_int(parse("PID hash table entries: 1 (order: 0, 262144 bytes)"), IMP_IGNORE,
	       "nor a page above 128K (the default section_size could not hold it)");
	is_int(parse(" memory: 30000000 @ 90000000 (usable)"), IMP_ARCH_MEMORY, "MIPS's memory map");
	ok(l.base == 0x90000000 && l.end == 0xbfffffff && l.usable, "... size @ start, usable");
	is_int(parse(" memory: 0000000000058000 @ 0000000000708000 (usable after init)"), IMP_ARCH_MEMORY,
	       "... another type");
	ok(!l.usable, "... not taken as memory");
	is_int(parse("OF: fdt: Machine model: TI AM335x BeagleBone Black"), IMP_MODEL, "the machine's model");
	is_str(l.text, "TI AM335x BeagleBone Black", "... its name");
	is_int(parse("Machine model: "), IMP_IGNORE, "an empty model");
}

int main(void)
{
	prefixes();
	range_ops();
	requests();
	dumps();
	machine_lines();
	firmware_lines();
	return done_testing();
}
