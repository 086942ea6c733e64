/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What the page-allocator model's randomized comparisons share
 * (test_pagealloc_late, test_pagealloc_free_all): a seeded random number, a
 * result captured after a hand-over (zones, page fates, log lines,
 * early_pfn_to_nid's cache), the comparison of two results that says
 * where they part and its TAP result; and the main loop that runs the cases.  Include after
 * model/pagealloc_priv.h, core/steplog.h and tap.h.
 */
#ifndef MBVIZ_TESTS_PAGEALLOC_COMPARE_H
#define MBVIZ_TESTS_PAGEALLOC_COMPARE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint64_t rnd_state;

static uint64_t rnd(uint64_t n)
{
	rnd_state = rnd_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return n ? (rnd_state >> 17) % n : 0;
}

struct result {
	struct mb_state st;
	char log[4096];
	uint64_t cache_start, cache_end;
	int cache_nid;
};

static void capture(struct page_alloc *pa, struct steplog *lg, struct result *r)
{
	int i, n = 0;

	memset(&r->st, 0, sizeof(r->st));
	pa_get_state(pa, &r->st);
	r->log[0] = '\0';
	for (i = 0; i < lg->nr && n < (int)sizeof(r->log) - 1; i++)
		n += snprintf(r->log + n, sizeof(r->log) - n, "%s", lg->lines[i].text);
	r->cache_start = pa->cache_start;
	r->cache_end = pa->cache_end;
	r->cache_nid = pa->cache_nid;
}

static bool same(const struct result *a, const struct result *b, char *why, int len)
{
	int i;

	if (strcmp(a->log, b->log)) {
		snprintf(why, len, "logs differ:\n#   %s#   %s", a->log, b->log);
		return false;
	}
	if (a->cache_start != b->cache_start || a->cache_end != b->cache_end ||
	    a->cache_nid != b->cache_nid) {
		snprintf(why, len, "early_pfn_to_nid caches differ");
		return false;
	}
	if (a->st.nr_zones != b->st.nr_zones || a->st.nr_pages != b->st.nr_pages) {
		snprintf(why, len, "zone or page-range counts differ (%d/%d, %d/%d)",
			 a->st.nr_zones, b->st.nr_zones, a->st.nr_pages, b->st.nr_pages);
		return false;
	}
	for (i = 0; i < a->st.nr_zones; i++)
		if (a->st.zones[i].managed != b->st.zones[i].managed) {
			snprintf(why, len, "zone %d of node %d: managed %llu vs %llu", a->st.zones[i].zone,
				 a->st.zones[i].nid, (unsigned long long)a->st.zones[i].managed,
				 (unsigned long long)b->st.zones[i].managed);
			return false;
		}
	for (i = 0; i < a->st.nr_pages; i++)
		if (memcmp(&a->st.pages[i], &b->st.pages[i], sizeof(a->st.pages[i]))) {
			snprintf(why, len, "page range %d differs: [%#llx, %#llx) fate %d vs [%#llx, %#llx) fate %d",
				 i, (unsigned long long)a->st.pages[i].start_pfn,
				 (unsigned long long)a->st.pages[i].end_pfn, a->st.pages[i].fate,
				 (unsigned long long)b->st.pages[i].start_pfn,
				 (unsigned long long)b->st.pages[i].end_pfn, b->st.pages[i].fate);
			return false;
		}
	return true;
}

/* The TAP result "@desc: same state" or "@desc: where they part"; frees both states. */
static void verdict(struct result *a, struct result *b, const char *desc)
{
	char why[9000] = "";
	bool eq = same(a, b, why, sizeof(why));

	ok(eq, "%s: %s", desc, eq ? "same state" : why);
	state_free(&a->st);
	state_free(&b->st);
}

/* Runs @one on cases 0 to @cases - 1 with a log to capture, from one fixed seed: the TAP result. */
static int run_cases(int cases, void (*one)(int k, struct steplog *lg))
{
	struct steplog lg;
	int k;

	plan(cases);
	steplog_init(&lg);
	steplog_set_current(&lg, 8);
	rnd_state = 20261205;
	for (k = 0; k < cases; k++)
		one(k, &lg);
	steplog_set_current(NULL, 8);
	steplog_free(&lg);
	return done_testing();
}

#endif
