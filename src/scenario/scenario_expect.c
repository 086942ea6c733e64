// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Expectations, at the top level or on a step: only the keys present are
 * checked later (expect.c), so the loader's job is to make sure each one
 * is well-formed and can only fail for a reason that is about memblock.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "scenario_load.h"
#include "core/state.h"
#include "util/suggest.h"
#include "util/xalloc.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const expect_keys[] = {
	"ret", "memory", "reserved", "bottom_up", "current_limit", "contents", "warnings",
	"zones", "totalram_pages", "lost_pages", "panic", "physpages",
};
enum {
	E_RET, E_MEMORY, E_RESERVED, E_BOTTOM_UP, E_CURRENT_LIMIT, E_CONTENTS, E_WARNINGS,
	E_ZONES, E_TOTALRAM_PAGES, E_LOST_PAGES, E_PANIC, E_PHYSPAGES, NR_EXPECT_KEYS
};

const char *const *scenario_expect_keys(int *n)
{
	*n = NR_EXPECT_KEYS;
	return expect_keys;
}

/*
 * The paths of an object's @n members @keys that are present (@k), for
 * messages (on the stack: no malloc); an absent key's path is written
 * where a message needs it (key_path()).
 */
static void key_paths(const char *path, const char *const *keys, const cJSON *const *k, int n,
		      char kp[][LD_PATH_LEN])
{
	int i;

	for (i = 0; i < n; i++)
		if (k[i])
			ld_field_path(kp[i], LD_PATH_LEN, path, keys[i]);
}

/* The path of member @i, present or not. */
static const char *key_path(const char *path, const char *const *keys, int i,
			    char kp[][LD_PATH_LEN])
{
	ld_field_path(kp[i], LD_PATH_LEN, path, keys[i]);
	return kp[i];
}

/* The errno values a scenario may name in an int result ("-ENOMEM"). */
static const struct { const char *name; int err; } errnos[] = {
	{ "EPERM", 1 }, { "ENOENT", 2 }, { "ENOMEM", 12 }, { "EFAULT", 14 },
	{ "EBUSY", 16 }, { "EEXIST", 17 }, { "ENODEV", 19 }, { "EINVAL", 22 },
	{ "ENOSPC", 28 }, { "ERANGE", 34 }, { "ENOSYS", 38 },
};

/* "-ENOMEM", "0" or "-12" as a string. */
static bool int_string(const char *s, int64_t *out)
{
	unsigned int i;
	int64_t v = 0;
	bool neg = false;

	if (s[0] == '-' && s[1] == 'E') {
		for (i = 0; i < ARRAY_SIZE(errnos); i++) {
			if (!strcmp(s + 1, errnos[i].name)) {
				*out = -errnos[i].err;
				return true;
			}
		}
		return false;
	}
	if (*s == '-') {
		neg = true;
		s++;
	}
	if (!*s || strlen(s) > 10)
		return false;
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			return false;
		v = 10 * v + (*s - '0');
	}
	v = neg ? -v : v;
	if (v < INT32_MIN || v > INT32_MAX)
		return false;
	*out = v;
	return true;
}

/* One value of @spec's result type: the whole ret, or a bound of {"ne"/"min"/"max"}. */
static int load_ret_value(struct loader *ld, const cJSON *n, const char *path,
			  const struct op_spec *spec, struct value *phys, int64_t *integer)
{
	char got[96];

	if (spec->ret == RET_INT) {
		if (cJSON_IsNumber(n))
			return ld_int(ld, n, path, INT32_MIN, INT32_MAX, integer);
		if (cJSON_IsString(n) && int_string(n->valuestring, integer))
			return 0;
		return ld_err(ld, n, path, "expected an int (0, -12 or \"-ENOMEM\": %s returns "
			      "int), got %s", spec->name, ld_describe(ld, n, got, sizeof(got)));
	}
	return ld_phys(ld, n, path, 0, phys);
}

static const char *const ret_keys[] = { "ne", "min", "max" };

/* {"ne": v} or {"min": lo, "max": hi} (either bound may be left out). */
static int load_ret_compare(struct loader *ld, const cJSON *n, const char *path,
			    const struct op_spec *spec, struct expect_ret *r)
{
	const cJSON *k[3];
	char kp[3][LD_PATH_LEN];
	int ret = 0;

	if (ld_object(ld, n, path, ret_keys, 3, k))
		return -1;
	key_paths(path, ret_keys, k, 3, kp);
	if (k[0] && (k[1] || k[2]))
		ret = ld_err_key(ld, k[k[1] ? 1 : 2], kp[k[1] ? 1 : 2], "ret has either \"ne\" "
				 "or a range (\"min\", \"max\"), not both");
	else if (!k[0] && !k[1] && !k[2])
		ret = ld_err(ld, n, path, "expected \"ne\", \"min\" or \"max\" in a ret "
			     "comparison, got an empty object");
	else if (k[0]) {
		r->cmp = RET_CMP_NE;
		ret = load_ret_value(ld, k[0], kp[0], spec, &r->phys, &r->integer);
	} else {
		r->cmp = RET_CMP_RANGE;
		r->has_min = k[1] != NULL;
		r->has_max = k[2] != NULL;
		if ((k[1] && load_ret_value(ld, k[1], kp[1], spec, &r->phys_min, &r->int_min)) ||
		    (k[2] && load_ret_value(ld, k[2], kp[2], spec, &r->phys_max, &r->int_max)))
			ret = -1;
		else if (k[1] && k[2] && spec->ret == RET_INT && r->int_min > r->int_max)
			ret = ld_err(ld, k[2], kp[2], "the range is empty: max %" PRId64 " is "
				     "below min %" PRId64, r->int_max, r->int_min);
		else if (k[1] && k[2] && spec->ret != RET_INT && !r->phys_min.expr &&
			 !r->phys_max.expr && r->phys_min.constant > r->phys_max.constant)
			ret = ld_err(ld, k[2], kp[2], "the range is empty: max %#" PRIx64 " is "
				     "below min %#" PRIx64, r->phys_max.constant,
				     r->phys_min.constant);
	}
	return ret;
}

static int load_ret(struct loader *ld, const cJSON *n, const char *path,
		    const struct op_spec *spec, struct expect_ret *r)
{
	char got[96];

	r->present = true;
	r->kind = spec->ret;
	r->cmp = RET_CMP_EQ;
	ld_set_pos(ld, &r->pos, n, NULL);
	switch (spec->ret) {
	case RET_BOOL:
		if (!cJSON_IsBool(n))
			return ld_err(ld, n, path, "expected true or false (%s returns bool), "
				      "got %s", spec->name, ld_describe(ld, n, got, sizeof(got)));
		r->boolean = cJSON_IsTrue(n);
		return 0;
	case RET_INT:
	case RET_ADDR:
	case RET_VALUE:
	case RET_PAGES:
		if (cJSON_IsObject(n))
			return load_ret_compare(ld, n, path, spec, r);
		return load_ret_value(ld, n, path, spec, &r->phys, &r->integer);
	case RET_NONE:
	default:
		return ld_err_key(ld, n, path, "%s returns nothing (void): there is no ret to "
				  "check", spec->name);
	}
}

/*
 * A count: 6.1 never has cnt or max 0, even when a type is empty (its one
 * zero-sized placeholder region); 6.12 has cnt 0 for an empty type
 * (mm/memblock.c 6.12:115-134, 6.12:346-361), but never max 0.
 */
static int load_type_count(struct loader *ld, const cJSON *n, const char *path,
			   bool is_cnt, struct value *v)
{
	if (ld_phys(ld, n, path, 0, v))
		return -1;
	if (v->expr || v->constant != 0)
		return 0;
	if (!is_cnt)
		return ld_err(ld, n, path, "expected at least 1: a memblock type's array always "
			      "has room for a region");
	if (ld->sc->machine.kernel == KERNEL_6_1)
		return ld_err(ld, n, path, "expected at least 1: an empty memblock type has "
			      "cnt 1, one zero-sized region, as in the kernel");
	return 0;
}

static const char *const region_keys[] = { "base", "size", "nid", "flags" };

static int load_region(struct loader *ld, const cJSON *n, const char *path,
		       struct expect_region *r)
{
	const cJSON *k[4];
	char kp[4][LD_PATH_LEN];
	int ret = -1;

	ld_set_pos(ld, &r->pos, n, NULL);
	if (ld_object(ld, n, path, region_keys, 4, k))
		return -1;
	key_paths(path, region_keys, k, 4, kp);
	if (!k[0] || !k[1])
		ld_err(ld, n, key_path(path, region_keys, k[0] ? 1 : 0, kp),
		       "missing: a region needs base and size");
	else if (!ld_phys(ld, k[0], kp[0], 0, &r->base) &&
		 !ld_phys(ld, k[1], kp[1], 0, &r->size) &&
		 !(k[2] && ld_nid(ld, k[2], kp[2], true, true, &r->nid)) &&
		 !(k[3] && ld_flags(ld, k[3], kp[3], &r->flags)))
		ret = 0;
	r->has_nid = k[2] != NULL;
	r->has_flags = k[3] != NULL;
	return ret;
}

/* A region index as an object key: "0", "17"; -1 if it is not one. */
static int region_index(const char *key)
{
	long v = 0;
	const char *c;

	if (!*key || (key[0] == '0' && key[1]) || strlen(key) > 7)
		return -1;
	for (c = key; *c; c++) {
		if (*c < '0' || *c > '9')
			return -1;
		v = v * 10 + (*c - '0');
	}
	return (int)v;
}

/* "regions": {"1": {...}, "3": {...}}: only those entries are checked. */
static int load_some_regions(struct loader *ld, const cJSON *n, const char *path,
			     struct expect_type *t)
{
	const cJSON *item;
	char *ip, ib[LD_PATH_LEN];
	int nr = 0, ret = 0;

	t->has_regions = true;
	for (item = n->child; item; item = item->next)
		nr++;
	t->regions = xzalloc((nr + 1) * sizeof(*t->regions));
	t->indices = xzalloc((nr + 1) * sizeof(*t->indices));
	for (item = n->child; item && !ret; item = item->next) {
		int idx = region_index(item->string);

		if (!strncmp(item->string, "x-", 2))
			continue;
		if (idx < 0) {
			ip = ld_key_path(path, item->string);
			ret = ld_err_key(ld, item, ip, "expected a region index (\"0\", \"1\", ... "
					 "without leading zeros) as the key of a region to check");
			free(ip);
			break;
		}
		ld_index_path_buf(ib, sizeof(ib), path, idx);
		t->indices[t->nr_regions] = idx;
		t->nr_regions++;
		ret = load_region(ld, item, ib, &t->regions[t->nr_regions - 1]);
	}
	return ret;
}

static int load_regions(struct loader *ld, const cJSON *n, const char *path,
			struct expect_type *t)
{
	const cJSON *item;
	char got[96], ib[LD_PATH_LEN];
	int i = 0, ret = 0;

	if (cJSON_IsObject(n))
		return load_some_regions(ld, n, path, t);
	if (!cJSON_IsArray(n))
		return ld_err(ld, n, path, "expected an array of regions, or an object of some "
			      "regions by index, got %s", ld_describe(ld, n, got, sizeof(got)));
	t->has_regions = true;
	t->regions = xzalloc((cJSON_GetArraySize(n) + 1) * sizeof(*t->regions));
	for (item = n->child; item && !ret; item = item->next, i++) {
		ld_index_path_buf(ib, sizeof(ib), path, i);
		t->nr_regions = i + 1;
		ret = load_region(ld, item, ib, &t->regions[i]);
	}
	return ret;
}

static const char *const type_keys[] = { "cnt", "max", "total_size", "regions" };

static int load_type(struct loader *ld, const cJSON *n, const char *path,
		     struct expect_type *t)
{
	const cJSON *k[4];
	char kp[4][LD_PATH_LEN];
	int ret = 0;

	if (ld_object(ld, n, path, type_keys, 4, k))
		return -1;
	t->present = true;
	ld_set_pos(ld, &t->pos, n, NULL);
	key_paths(path, type_keys, k, 4, kp);
	t->has_cnt = k[0] != NULL;
	t->has_max = k[1] != NULL;
	t->has_total_size = k[2] != NULL;
	if ((k[0] && load_type_count(ld, k[0], kp[0], true, &t->cnt)) ||
	    (k[1] && load_type_count(ld, k[1], kp[1], false, &t->max)) ||
	    (k[2] && ld_phys(ld, k[2], kp[2], 0, &t->total_size)) ||
	    (k[3] && load_regions(ld, k[3], kp[3], t)))
		ret = -1;
	return ret;
}

static const char *const content_keys[] = { "base", "size", "state", "byte" };

/* "zeroed", "untouched", or "filled" with its "byte" (0 to 255). */
static int load_content_state(struct loader *ld, const cJSON *const *k, const char *path,
			      char kp[][LD_PATH_LEN], const cJSON *n, struct expect_content *c)
{
	char got[96];
	uint64_t byte;

	if (cJSON_IsString(k[2]) && !strcmp(k[2]->valuestring, "zeroed"))
		c->state = CONTENT_ZEROED;
	else if (cJSON_IsString(k[2]) && !strcmp(k[2]->valuestring, "untouched"))
		c->state = CONTENT_UNTOUCHED;
	else if (cJSON_IsString(k[2]) && !strcmp(k[2]->valuestring, "filled"))
		c->state = CONTENT_FILLED;
	else
		return ld_err(ld, k[2], kp[2], "expected \"zeroed\", \"untouched\" or "
			      "\"filled\", got %s", ld_describe(ld, k[2], got, sizeof(got)));
	if (c->state != CONTENT_FILLED && k[3])
		return ld_err_key(ld, k[3], kp[3], "only a \"filled\" state has a byte");
	if (c->state != CONTENT_FILLED)
		return 0;
	if (!k[3])
		return ld_err(ld, n, key_path(path, content_keys, 3, kp), "missing: a \"filled\" "
			      "contents item needs the byte "
			      "(0 to 255) the memset step wrote");
	if (ld_count(ld, k[3], kp[3], 0, 255, &byte))
		return -1;
	c->byte = (unsigned char)byte;
	return 0;
}

static int load_content(struct loader *ld, const cJSON *n, const char *path,
			struct expect_content *c)
{
	const cJSON *k[4];
	char kp[4][LD_PATH_LEN];
	int i, ret = -1;

	ld_set_pos(ld, &c->pos, n, NULL);
	if (ld_object(ld, n, path, content_keys, 4, k))
		return -1;
	key_paths(path, content_keys, k, 4, kp);
	for (i = 0; i < 3 && k[i]; i++)
		;
	if (i < 3)
		ld_err(ld, n, key_path(path, content_keys, i, kp),
		       "missing: a contents item needs base, size and state");
	else if (!ld_phys(ld, k[0], kp[0], 0, &c->base) &&
		 !ld_phys(ld, k[1], kp[1], 0, &c->size))
		ret = load_content_state(ld, k, path, kp, n, c);
	return ret;
}

static const char *const zone_keys[] = {
	"nid", "zone", "spanned", "present", "managed", "unavailable",
};
#define NR_ZONE_KEYS	((int)ARRAY_SIZE(zone_keys))

static const char *zone_candidate(void *ctx, int i)
{
	const struct machine *m = ctx;

	return i < m->nr_zones ? m->zones[i].name : NULL;
}

static int zone_name(struct loader *ld, const cJSON *n, const char *path,
		     struct expect_zone *z)
{
	const struct machine *m = &ld->sc->machine;
	char got[96], hint[64] = "", list[128] = "";
	const char *best;
	int i, k = 0;

	if (ld_string(ld, n, path, NULL))
		return -1;
	for (i = 0; i < m->nr_zones; i++) {
		if (!strcmp(m->zones[i].name, n->valuestring)) {
			strcpy(z->zone, m->zones[i].name);
			return 0;
		}
		k += snprintf(list + k, sizeof(list) - k, "%s%s", i ? ", " : "",
			      m->zones[i].name);
	}
	best = suggest_best(n->valuestring, zone_candidate, (void *)m);
	if (best)
		snprintf(hint, sizeof(hint), " (did you mean %s?)", best);
	return ld_err(ld, n, path, "unknown zone %s%s; the machine's zones are %s",
		      ld_describe(ld, n, got, sizeof(got)), hint, list);
}

static int load_zone(struct loader *ld, const cJSON *n, const char *path,
		     struct expect_zone *z)
{
	const cJSON *k[NR_ZONE_KEYS];
	char kp[NR_ZONE_KEYS][LD_PATH_LEN];
	int ret = -1;

	ld_set_pos(ld, &z->pos, n, NULL);
	if (ld_object(ld, n, path, zone_keys, NR_ZONE_KEYS, k))
		return -1;
	key_paths(path, zone_keys, k, NR_ZONE_KEYS, kp);
	z->has_spanned = k[2] != NULL;
	z->has_present = k[3] != NULL;
	z->has_managed = k[4] != NULL;
	z->has_unavailable = k[5] != NULL;
	if (!k[1])
		ld_err(ld, n, key_path(path, zone_keys, 1, kp),
		       "missing: expected the name of one of the machine's zones");
	else if (!(k[0] && ld_nid(ld, k[0], kp[0], false, false, &z->nid)) &&
		 !zone_name(ld, k[1], kp[1], z) &&
		 !(k[2] && ld_count(ld, k[2], kp[2], 0, UINT64_MAX, &z->spanned)) &&
		 !(k[3] && ld_count(ld, k[3], kp[3], 0, UINT64_MAX, &z->present)) &&
		 !(k[4] && ld_count(ld, k[4], kp[4], 0, UINT64_MAX, &z->managed)) &&
		 !(k[5] && ld_count(ld, k[5], kp[5], 0, UINT64_MAX, &z->unavailable)))
		ret = 0;
	return ret;
}

/* contents and zones: arrays of objects, each loaded by @one. */
static int load_array(struct loader *ld, const cJSON *n, const char *path, size_t elem,
		      void **items, int *nr, const char *what,
		      int (*one)(struct loader *, const cJSON *, const char *, void *))
{
	const cJSON *item;
	char got[96], ib[LD_PATH_LEN];
	int i = 0, ret = 0;

	if (!cJSON_IsArray(n))
		return ld_err(ld, n, path, "expected an array of %s, got %s", what,
			      ld_describe(ld, n, got, sizeof(got)));
	*items = xzalloc((cJSON_GetArraySize(n) + 1) * elem);
	*nr = 0;
	for (item = n->child; item && !ret; item = item->next, i++) {
		ld_index_path_buf(ib, sizeof(ib), path, i);
		*nr = i + 1;
		ret = one(ld, item, ib, (char *)*items + i * elem);
	}
	return ret;
}

static int one_content(struct loader *ld, const cJSON *n, const char *path, void *p)
{
	return load_content(ld, n, path, p);
}

static int one_zone(struct loader *ld, const cJSON *n, const char *path, void *p)
{
	return load_zone(ld, n, path, p);
}

static int load_counts(struct loader *ld, const cJSON *const *k, const char *path,
		       struct expect *e)
{
	char *kp;
	int64_t w;
	int ret = 0;

	if (k[E_WARNINGS]) {
		kp = ld_key_path(path, "warnings");
		ret = ld_int(ld, k[E_WARNINGS], kp, 0, INT32_MAX, &w);
		free(kp);
		if (ret)
			return -1;
		e->has_warnings = true;
		e->warnings = w;
	}
	if (k[E_TOTALRAM_PAGES]) {
		kp = ld_key_path(path, "totalram_pages");
		ret = ld_count(ld, k[E_TOTALRAM_PAGES], kp, 0, UINT64_MAX, &e->totalram_pages);
		free(kp);
		e->has_totalram_pages = true;
	}
	if (!ret && k[E_LOST_PAGES]) {
		kp = ld_key_path(path, "lost_pages");
		ret = ld_count(ld, k[E_LOST_PAGES], kp, 0, UINT64_MAX, &e->lost_pages);
		free(kp);
		e->has_lost_pages = true;
	}
	if (!ret && k[E_PHYSPAGES]) {
		kp = ld_key_path(path, "physpages");
		ret = ld_count(ld, k[E_PHYSPAGES], kp, 0, UINT64_MAX, &e->physpages);
		free(kp);
		e->has_physpages = true;
	}
	return ret;
}

int ld_expect(struct loader *ld, const cJSON *n, const char *path, struct expect *e,
	      const struct op_spec *spec)
{
	const cJSON *k[NR_EXPECT_KEYS];
	char kp[NR_EXPECT_KEYS][LD_PATH_LEN];
	int ret = -1;

	e->nr_contents = -1;
	e->nr_zones = -1;
	if (ld_object(ld, n, path, expect_keys, NR_EXPECT_KEYS, k))
		return -1;
	e->present = true;
	ld_set_pos(ld, &e->pos, n, NULL);
	key_paths(path, expect_keys, k, NR_EXPECT_KEYS, kp);
	if (k[E_RET] && !spec)
		ld_err_key(ld, k[E_RET], kp[E_RET], "ret is only checked in a step's expect: the "
			   "top level has no result");
	else if (k[E_RET] && load_ret(ld, k[E_RET], kp[E_RET], spec, &e->ret))
		;
	else if ((k[E_MEMORY] && load_type(ld, k[E_MEMORY], kp[E_MEMORY], &e->memory)) ||
		 (k[E_RESERVED] && load_type(ld, k[E_RESERVED], kp[E_RESERVED], &e->reserved)) ||
		 (k[E_BOTTOM_UP] && ld_bool(ld, k[E_BOTTOM_UP], kp[E_BOTTOM_UP], &e->bottom_up)))
		;
	else if (k[E_CURRENT_LIMIT] &&
		 ld_phys(ld, k[E_CURRENT_LIMIT], kp[E_CURRENT_LIMIT], 0, &e->current_limit))
		;
	else if (k[E_CONTENTS] &&
		 load_array(ld, k[E_CONTENTS], kp[E_CONTENTS], sizeof(*e->contents),
			    (void **)&e->contents, &e->nr_contents, "contents items", one_content))
		;
	else if (k[E_ZONES] &&
		 load_array(ld, k[E_ZONES], kp[E_ZONES], sizeof(*e->zones), (void **)&e->zones,
			    &e->nr_zones, "zones", one_zone))
		;
	else if (k[E_PANIC] && !spec)
		ld_err_key(ld, k[E_PANIC], kp[E_PANIC], "panic is only checked in a step's expect: "
			   "it is how the step ends");
	else if (k[E_PANIC] && ld_string(ld, k[E_PANIC], kp[E_PANIC], &e->panic))
		;
	else
		ret = load_counts(ld, k, path, e);
	e->has_bottom_up = k[E_BOTTOM_UP] != NULL;
	e->has_current_limit = k[E_CURRENT_LIMIT] != NULL;
	return ret;
}

static void free_type(struct expect_type *t)
{
	int i;

	if (!t->present)	/* then nothing was allocated (load_type) */
		return;
	ld_free_value(&t->cnt);
	ld_free_value(&t->max);
	ld_free_value(&t->total_size);
	for (i = 0; i < t->nr_regions; i++) {
		ld_free_value(&t->regions[i].base);
		ld_free_value(&t->regions[i].size);
		ld_free_pos(&t->regions[i].pos);
	}
	free(t->regions);
	t->regions = NULL;
	free(t->indices);
	t->indices = NULL;
	ld_free_pos(&t->pos);
}

void ld_free_expect(struct expect *e)
{
	int i;

	if (!e->present)	/* then nothing was allocated (ld_expect) */
		return;
	ld_free_pos(&e->pos);
	free(e->panic);
	e->panic = NULL;
	ld_free_value(&e->ret.phys);
	ld_free_value(&e->ret.phys_min);
	ld_free_value(&e->ret.phys_max);
	ld_free_pos(&e->ret.pos);
	free_type(&e->memory);
	free_type(&e->reserved);
	ld_free_value(&e->current_limit);
	for (i = 0; i < e->nr_contents; i++) {
		ld_free_value(&e->contents[i].base);
		ld_free_value(&e->contents[i].size);
		ld_free_pos(&e->contents[i].pos);
	}
	free(e->contents);
	e->contents = NULL;
	for (i = 0; i < e->nr_zones; i++)
		ld_free_pos(&e->zones[i].pos);
	free(e->zones);
	e->zones = NULL;
}
