// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The `machine` object of a scenario: the kernel's build-time knobs.  Each
 * value is checked against what a real kernel configuration can have, so
 * that a scenario never simulates a machine Linux could not be built for.
 *
 * Keys are read in a fixed order, whatever their order in the file, so
 * that later values may use the constants earlier ones define: kernel
 * (the version whose semantics the scenario is written for), phys_addr_bits (the width of all arithmetic), then page_size
 * (PAGE_SIZE), smp_cache_bytes (SMP_CACHE_BYTES), low_address_limit
 * (ARCH_LOW_ADDRESS_LIMIT), then the rest.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "scenario_load.h"
#include "util/suggest.h"
#include "util/xalloc.h"

/* The largest PAGE_SIZE any Linux architecture offers (hexagon, powerpc 44x). */
#define MAX_PAGE_SIZE		(256u << 10)
/* MAX_ORDER_NR_PAGES of 6.1 (MAX_ORDER 11): the buddy allocator's largest block. */
#define MAX_ORDER_NR_PAGES	1024
#define MAX_INIT_REGIONS	65536

static const char *const machine_keys[] = {
	"numa", "max_numnodes", "phys_addr_bits", "page_size", "smp_cache_bytes",
	"memory_regions", "reserved_regions", "low_address_limit", "zones", "section_size",
	"deferred_struct_page_init", "free_late", "movable_node", "mirrored_kernelcore",
	"bottom_up", "current_limit", "allow_resize", "kernel", "flatmem",
};
enum {
	M_NUMA, M_MAX_NUMNODES, M_PHYS_ADDR_BITS, M_PAGE_SIZE, M_SMP_CACHE_BYTES,
	M_MEMORY_REGIONS, M_RESERVED_REGIONS, M_LOW_ADDRESS_LIMIT, M_ZONES, M_SECTION_SIZE,
	M_DEFERRED, M_FREE_LATE, M_MOVABLE_NODE, M_MIRRORED_KERNELCORE, M_BOTTOM_UP,
	M_CURRENT_LIMIT, M_ALLOW_RESIZE, M_KERNEL, M_FLATMEM, NR_MACHINE_KEYS
};

const char *const *scenario_machine_keys(int *n)
{
	*n = NR_MACHINE_KEYS;
	return machine_keys;
}

static bool is_power_of_2(uint64_t v)
{
	return v && !(v & (v - 1));
}

/* A machine value: constant, on the machine's width (or 64 bits with LD_WIDE). */
static int machine_value(struct loader *ld, const cJSON *n, const char *path,
			 unsigned int flags, uint64_t *out)
{
	struct value v;
	int ret;

	ret = ld_phys(ld, n, path, LD_CONST | flags, &v);
	if (!ret)
		*out = v.constant;
	ld_free_value(&v);
	return ret;
}

static int machine_bool(struct loader *ld, const cJSON *n, const char *key, bool *out)
{
	char *path;
	int ret;

	if (!n)
		return 0;
	path = ld_key_path("machine", key);
	ret = ld_bool(ld, n, path, out);
	free(path);
	return ret;
}

/* "kernel": whose semantics, "6.1" (the default) or "6.12"; a string, as 6.10 != 6.1. */
static int load_kernel(struct loader *ld, const cJSON *n)
{
	char got[96];
	int v;

	if (!n)
		return 0;
	if (cJSON_IsNumber(n))
		return ld_err(ld, n, "machine.kernel", "expected a string, \"6.1\" or \"6.12\" "
			      "(a version is not a number: 6.10 is not 6.1), got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	if (ld_string(ld, n, "machine.kernel", NULL))
		return -1;
	v = kernel_version_lookup(n->valuestring);
	if (v >= 0) {
		ld->sc->machine.kernel = v;
		return 0;
	}
	return ld_err(ld, n, "machine.kernel", "expected \"6.1\" or \"6.12\" (the kernel "
		      "versions mbviz has semantics for), got %s",
		      ld_describe(ld, n, got, sizeof(got)));
}

static int load_nodes(struct loader *ld, const cJSON *const *k)
{
	struct machine *m = &ld->sc->machine;
	int64_t v;

	if (machine_bool(ld, k[M_NUMA], "numa", &m->numa))
		return -1;
	m->max_numnodes = m->numa ? 8 : 1;
	if (!k[M_MAX_NUMNODES])
		return 0;
	if (ld_int(ld, k[M_MAX_NUMNODES], "machine.max_numnodes", INT32_MIN, INT32_MAX, &v))
		return -1;
	/* Without CONFIG_NUMA, NODES_SHIFT is 0; with it, MAX_NUMNODES is 1 << NODES_SHIFT. */
	if (!m->numa && v != 1)
		return ld_err(ld, k[M_MAX_NUMNODES], "machine.max_numnodes", "expected 1 without "
			      "numa (MAX_NUMNODES is 1 when CONFIG_NUMA is off), got %" PRId64, v);
	if (v < 1 || v > MACHINE_MAX_NUMNODES || !is_power_of_2(v))
		return ld_err(ld, k[M_MAX_NUMNODES], "machine.max_numnodes", "expected a power of "
			      "two from 1 to %d (MAX_NUMNODES is 1 << NODES_SHIFT), got %" PRId64,
			      MACHINE_MAX_NUMNODES, v);
	m->max_numnodes = v;
	return 0;
}

/* phys_addr_bits, page_size, smp_cache_bytes, low_address_limit: the constants. */
static int load_widths(struct loader *ld, const cJSON *const *k)
{
	struct machine *m = &ld->sc->machine;
	uint64_t v;
	int64_t bits;

	if (k[M_PHYS_ADDR_BITS]) {
		if (ld_int(ld, k[M_PHYS_ADDR_BITS], "machine.phys_addr_bits", INT64_MIN,
			   INT64_MAX, &bits))
			return -1;
		if (bits != 32 && bits != 64)
			return ld_err(ld, k[M_PHYS_ADDR_BITS], "machine.phys_addr_bits",
				      "expected 32 or 64, got %" PRId64, bits);
		m->phys_addr_bits = bits;
	}
	scenario_expr_consts(m, &ld->consts);
	ld->consts.unset = EXPR_UNSET_PAGE_SIZE | EXPR_UNSET_SMP_CACHE_BYTES |
			   EXPR_UNSET_LOW_ADDRESS_LIMIT;
	if (k[M_PAGE_SIZE]) {
		if (machine_value(ld, k[M_PAGE_SIZE], "machine.page_size", 0, &v))
			return -1;
		if (!is_power_of_2(v) || v < 4096 || v > MAX_PAGE_SIZE)
			return ld_err(ld, k[M_PAGE_SIZE], "machine.page_size", "expected a power "
				      "of two from 4K to 256K, got %" PRIu64 " (%#" PRIx64 ")", v, v);
		m->page_size = v;
	}
	ld->consts.page_size = m->page_size;
	ld->consts.unset &= ~EXPR_UNSET_PAGE_SIZE;
	if (k[M_SMP_CACHE_BYTES]) {
		if (machine_value(ld, k[M_SMP_CACHE_BYTES], "machine.smp_cache_bytes", 0, &v))
			return -1;
		if (!is_power_of_2(v) || v > m->page_size)
			return ld_err(ld, k[M_SMP_CACHE_BYTES], "machine.smp_cache_bytes",
				      "expected a power of two no larger than PAGE_SIZE, got %"
				      PRIu64 " (%#" PRIx64 ")", v, v);
		m->smp_cache_bytes = v;
	}
	ld->consts.smp_cache_bytes = m->smp_cache_bytes;
	ld->consts.unset &= ~EXPR_UNSET_SMP_CACHE_BYTES;
	if (k[M_LOW_ADDRESS_LIMIT] &&
	    machine_value(ld, k[M_LOW_ADDRESS_LIMIT], "machine.low_address_limit", 0,
			  &m->low_address_limit))
		return -1;
	m->low_address_limit &= machine_phys_max(m);
	scenario_expr_consts(m, &ld->consts);
	return 0;
}

static bool valid_zone_name(const char *s)
{
	size_t n = strlen(s), i;

	if (n == 0 || n >= sizeof(((struct zone_def *)0)->name) ||
	    !((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')))
		return false;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

static const char *const zone_keys[] = { "name", "end" };

/*
 * One zone.  Ends are exclusive boundaries, computed on 64 bits: on a
 * 32-bit machine the default DMA32 zone ends at 4G, one past PHYS_ADDR_MAX.
 */
static int load_zone(struct loader *ld, const cJSON *n, int i, int nr, const char *path)
{
	struct machine *m = &ld->sc->machine;
	struct zone_def *z = &m->zones[i];
	uint64_t top = m->phys_addr_bits == 64 ? UINT64_MAX : 1ULL << m->phys_addr_bits;
	const cJSON *k[2];
	char *name = NULL, *np, *ep, got[96];
	int j, ret = -1;

	if (ld_object(ld, n, path, zone_keys, 2, k))
		return -1;
	np = ld_key_path(path, "name");
	ep = ld_key_path(path, "end");
	if (!k[0]) {
		ld_err(ld, n, np, "missing: expected a zone name such as \"DMA32\"");
		goto out;
	}
	if (ld_string(ld, k[0], np, &name))
		goto out;
	if (!valid_zone_name(name)) {
		ld_err(ld, k[0], np, "expected a zone name of 1 to 15 letters, digits or '_', "
		       "got %s", ld_describe(ld, k[0], got, sizeof(got)));
		goto out;
	}
	for (j = 0; j < i; j++) {
		if (!strcmp(m->zones[j].name, name)) {
			ld_err(ld, k[0], np, "zone \"%s\" is already defined by "
			       "machine.zones[%d]", name, j);
			goto out;
		}
	}
	strcpy(z->name, name);
	z->end = 0;
	if (i == nr - 1) {
		if (k[1])
			ld_err_key(ld, k[1], ep, "the last zone has no end: it extends to the top "
				   "of memory");
		else
			ret = 0;
		goto out;
	}
	if (!k[1]) {
		ld_err(ld, n, ep, "missing: every zone but the last needs an end");
		goto out;
	}
	if (machine_value(ld, k[1], ep, LD_WIDE, &z->end))
		goto out;
	if (z->end == 0 || z->end % m->page_size || z->end > top ||
	    (i > 0 && z->end <= m->zones[i - 1].end)) {
		if (i > 0 && z->end <= m->zones[i - 1].end)
			ld_err(ld, k[1], ep, "expected an end above the end of %s (%#" PRIx64
			       "): zones are in address order, got %#" PRIx64,
			       m->zones[i - 1].name, m->zones[i - 1].end, z->end);
		else
			ld_err(ld, k[1], ep, "expected a nonzero multiple of PAGE_SIZE (zone "
			       "boundaries are page frame numbers) up to %d-bit memory's end, "
			       "got %#" PRIx64, m->phys_addr_bits, z->end);
		goto out;
	}
	ret = 0;
out:
	free(name);
	free(np);
	free(ep);
	return ret;
}

static int load_zones(struct loader *ld, const cJSON *n)
{
	struct machine *m = &ld->sc->machine;
	const cJSON *item;
	char got[96], *ip;
	int nr, i = 0;

	if (!cJSON_IsArray(n))
		return ld_err(ld, n, "machine.zones", "expected an array of zones, got %s",
			      ld_describe(ld, n, got, sizeof(got)));
	nr = cJSON_GetArraySize(n);
	if (nr < 1 || nr > MACHINE_MAX_ZONES)
		return ld_err(ld, n, "machine.zones", "expected 1 to %d zones, got %d",
			      MACHINE_MAX_ZONES, nr);
	for (item = n->child; item; item = item->next, i++) {
		ip = ld_index_path("machine.zones", i);
		if (load_zone(ld, item, i, nr, ip)) {
			free(ip);
			return -1;
		}
		free(ip);
	}
	m->nr_zones = nr;
	return 0;
}

static int load_memory_model(struct loader *ld, const cJSON *const *k)
{
	struct machine *m = &ld->sc->machine;
	uint64_t v;

	if (k[M_MEMORY_REGIONS]) {
		if (ld_count(ld, k[M_MEMORY_REGIONS], "machine.memory_regions", 1,
			     MAX_INIT_REGIONS, &v))
			return -1;
		m->memory_regions = v;
	}
	if (k[M_RESERVED_REGIONS]) {
		if (ld_count(ld, k[M_RESERVED_REGIONS], "machine.reserved_regions", 1,
			     MAX_INIT_REGIONS, &v))
			return -1;
		m->reserved_regions = v;
	}
	if (k[M_ZONES] && load_zones(ld, k[M_ZONES]))
		return -1;
	if (k[M_SECTION_SIZE]) {
		if (machine_value(ld, k[M_SECTION_SIZE], "machine.section_size", 0, &v))
			return -1;
		m->section_size = v;
	}
	/* The kernel's build refuses MAX_ORDER blocks larger than a section. */
	if (is_power_of_2(m->section_size) && m->section_size / MAX_ORDER_NR_PAGES >= m->page_size)
		return 0;
	if (k[M_SECTION_SIZE])
		return ld_err(ld, k[M_SECTION_SIZE], "machine.section_size", "expected a power "
			      "of two of at least PAGE_SIZE * MAX_ORDER_NR_PAGES (%#" PRIx64 "), "
			      "got %#" PRIx64, m->page_size * MAX_ORDER_NR_PAGES, m->section_size);
	return ld_err(ld, k[M_PAGE_SIZE], "machine.page_size", "a PAGE_SIZE of %#" PRIx64
		      " needs a section_size of at least %#" PRIx64 " (PAGE_SIZE * "
		      "MAX_ORDER_NR_PAGES), but section_size is %#" PRIx64, m->page_size,
		      m->page_size * MAX_ORDER_NR_PAGES, m->section_size);
}

static int load_free_late(struct loader *ld, const cJSON *n)
{
	struct machine *m = &ld->sc->machine;
	char got[96], hint[64] = "";
	const char *best;
	int mode;

	if (ld_string(ld, n, "machine.free_late", NULL))
		return -1;
	mode = free_late_mode_lookup(n->valuestring);
	if (mode >= 0) {
		m->free_late = mode;
		return 0;
	}
	best = suggest_list(n->valuestring, free_late_mode_names, NR_FREE_LATE_MODES);
	if (best)
		snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
	return ld_err(ld, n, "machine.free_late", "expected \"skip-deferred\" or "
		      "\"release-always\", got %s%s", ld_describe(ld, n, got, sizeof(got)), hint);
}

static int load_switches(struct loader *ld, const cJSON *const *k)
{
	struct machine *m = &ld->sc->machine;

	if (machine_bool(ld, k[M_DEFERRED], "deferred_struct_page_init",
			 &m->deferred_struct_page_init))
		return -1;
	if (m->deferred_struct_page_init && m->phys_addr_bits == 32)
		return ld_err(ld, k[M_DEFERRED], "machine.deferred_struct_page_init",
			      "CONFIG_DEFERRED_STRUCT_PAGE_INIT depends on 64BIT, but "
			      "phys_addr_bits is 32");
	if (k[M_FREE_LATE] && load_free_late(ld, k[M_FREE_LATE]))
		return -1;
	if (machine_bool(ld, k[M_MOVABLE_NODE], "movable_node", &m->movable_node) ||
	    machine_bool(ld, k[M_MIRRORED_KERNELCORE], "mirrored_kernelcore",
			 &m->mirrored_kernelcore) ||
	    machine_bool(ld, k[M_BOTTOM_UP], "bottom_up", &m->bottom_up) ||
	    machine_bool(ld, k[M_ALLOW_RESIZE], "allow_resize", &m->allow_resize) ||
	    machine_bool(ld, k[M_FLATMEM], "flatmem", &m->flatmem))
		return -1;
	m->current_limit = machine_phys_max(m);
	if (k[M_CURRENT_LIMIT] &&
	    machine_value(ld, k[M_CURRENT_LIMIT], "machine.current_limit", 0, &m->current_limit))
		return -1;
	return 0;
}

int ld_machine(struct loader *ld, const cJSON *n)
{
	const cJSON *k[NR_MACHINE_KEYS];

	if (ld_object(ld, n, "machine", machine_keys, NR_MACHINE_KEYS, k) ||
	    load_kernel(ld, k[M_KERNEL]) || load_nodes(ld, k) || load_widths(ld, k) || load_memory_model(ld, k) ||
	    load_switches(ld, k))
		return -1;
	ld->consts.unset = 0;
	return 0;
}
