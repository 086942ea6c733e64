/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers for the memblock model's unit tests (tests/unit/test_memblock_*):
 * boot the model on a machine, capture what it prints, and compare a
 * region array with the expected one.  Include once, after tap.h.
 */
#ifndef MBVIZ_MEMBLOCK_TEST_H
#define MBVIZ_MEMBLOCK_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/machine.h"
#include "model/memblock.h"
#include "core/steplog.h"
#include "tap.h"

static struct machine mt_m;
static struct steplog mt_log;

/* The machine for the next mt_boot(): the scenario defaults. */
static inline void mt_machine(void)
{
	machine_init_default(&mt_m);
}

static inline void mt_numa_machine(int max_numnodes)
{
	machine_init_default(&mt_m);
	mt_m.numa = true;
	mt_m.max_numnodes = max_numnodes;
}

/* A fresh memblock on mt_m; messages go to mt_log; %pS prints "test". */
static inline void mt_boot(void)
{
	steplog_set_current(NULL, 8);
	steplog_free(&mt_log);
	steplog_init(&mt_log);
	memblock_model_use(NULL);	/* the globals' own values */
	memblock_model_reset(&mt_m);
	steplog_set_current(&mt_log, mt_m.phys_addr_bits == 32 ? 4 : 8);
	mbviz_ret_ip = "test";
}

/* Complete a pending line (a message printed without '\n'). */
static inline void mt_flush(void)
{
	steplog_set_current(NULL, 8);
	steplog_set_current(&mt_log, mt_m.phys_addr_bits == 32 ? 4 : 8);
}

static inline void mt_log_clear(void)
{
	mt_flush();
	steplog_reset(&mt_log);
}

static inline int mt_count(enum log_kind kind)
{
	int i, n = 0;

	mt_flush();
	for (i = 0; i < mt_log.nr; i++)
		if (mt_log.lines[i].kind == kind)
			n++;
	return n;
}

static inline void mt_dump_log(void)
{
	int i;

	for (i = 0; i < mt_log.nr; i++)
		printf("#   log[%d] kind %d: %s\n", i, mt_log.lines[i].kind, mt_log.lines[i].text);
}

/* Whether line @text was printed with @kind; says which lines there were if not. */
static inline bool mt_logged(enum log_kind kind, const char *text)
{
	int i;

	mt_flush();
	for (i = 0; i < mt_log.nr; i++)
		if (mt_log.lines[i].kind == kind && strcmp(mt_log.lines[i].text, text) == 0)
			return true;
	printf("# missing log line (kind %d): %s\n", kind, text);
	mt_dump_log();
	return false;
}

/* Line @idx of the log is @text with @kind. */
static inline bool mt_line_is(int idx, enum log_kind kind, const char *text)
{
	mt_flush();
	if (idx < mt_log.nr && mt_log.lines[idx].kind == kind &&
	    strcmp(mt_log.lines[idx].text, text) == 0)
		return true;
	printf("# expected log[%d] (kind %d): %s\n", idx, kind, text);
	mt_dump_log();
	return false;
}

static inline void mt_dump_type(const struct memblock_type *type)
{
	unsigned long i;

	printf("#   %s: cnt %lu max %lu total %#llx\n", type->name, type->cnt, type->max,
	       (unsigned long long)type->total_size);
	for (i = 0; i < type->cnt; i++)
		printf("#     [%lu] %#llx +%#llx flags %#x nid %d\n", i,
		       (unsigned long long)type->regions[i].base,
		       (unsigned long long)type->regions[i].size, type->regions[i].flags,
		       memblock_get_region_node(&type->regions[i]));
}

/*
 * @type holds exactly @n regions, given as (base, size) pairs of u64;
 * n == 0 means empty (the dummy).  One TAP result.
 */
static inline bool mt_regions(const struct memblock_type *type, int n, const char *name, ...)
{
	unsigned long want_cnt = n ? n : 1;
	bool pass = type->cnt == want_cnt;
	va_list ap;
	int i;

	va_start(ap, name);
	for (i = 0; i < n; i++) {
		u64 base = va_arg(ap, u64);
		u64 size = va_arg(ap, u64);

		if (pass && (type->regions[i].base != base || type->regions[i].size != size)) {
			printf("# region %d: want %#llx +%#llx\n", i, base, size);
			pass = false;
		}
	}
	va_end(ap);
	if (!n && (type->regions[0].base || type->regions[0].size))
		pass = false;
	ok(pass, "%s", name);
	if (!pass)
		mt_dump_type(type);
	return pass;
}

/* Region @i of @type has @flags and node @nid (as memblock_get_region_node). */
static inline bool mt_region_attr(const struct memblock_type *type, unsigned long i,
				  unsigned int flags, int nid, const char *name)
{
	bool pass = i < type->cnt && type->regions[i].flags == flags &&
		    memblock_get_region_node(&type->regions[i]) == nid;

	ok(pass, "%s", name);
	if (!pass)
		mt_dump_type(type);
	return pass;
}

#define R(base, size)	(u64)(base), (u64)(size)

#endif
