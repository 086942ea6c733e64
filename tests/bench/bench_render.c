// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * How fast the renderer draws a big state: 10,000 memory regions (with
 * alternating flags, so none merge), a reservation inside each, the page
 * fates of all of them, and a previous state to diff against (other
 * reservations, 10,000 page ranges of another fate), drawn at
 * 250 columns.  Band painting walks the columns once per band, along
 * the address-ordered items: O(columns + regions), no search per item.  Prints the time per frame of what the UI redraws (the
 * bands of the node, linear and compact) and of a whole snapshot (bands,
 * the 20,000-row tables, text).  The same regions spread over 64 GiB and
 * over 160 TiB must cost the same: the cost depends on the regions and
 * the width, not on the size of memory.
 * Run by `make bench`; never part of `make check`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/machine.h"
#include "core/ops.h"
#include "render/render.h"
#include "core/state.h"
#include "bench/util.h"

#define NR_REGIONS	10000
#define WIDTH		250
#define FRAMES		20

static void *zalloc(size_t n)
{
	void *p = calloc(1, n);

	if (!p) {
		fputs("bench_render: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

/* Regions of @stride bytes each, every other one HOTPLUG; one reservation inside each. */
static void build(struct mb_state *st, struct mb_state *prev, uint64_t stride)
{
	struct mb_region *mem = zalloc(NR_REGIONS * sizeof(*mem));
	struct mb_region *rsv = zalloc(NR_REGIONS * sizeof(*rsv));
	struct mb_region *old = zalloc(NR_REGIONS * sizeof(*old));
	struct mb_page_range *pg = zalloc(2 * NR_REGIONS * sizeof(*pg));
	int i, n = 0;

	memset(st, 0, sizeof(*st));
	for (i = 0; i < NR_REGIONS; i++) {
		uint64_t base = (uint64_t)i * stride;

		mem[i] = (struct mb_region){ base, stride, i % 2 ? MBF_HOTPLUG : 0, 0 };
		rsv[i] = (struct mb_region){ base + stride / 2, 0x3000, 0, 0 };
		pg[2 * i] = (struct mb_page_range){ base >> 12, (base + stride / 2) >> 12,
						    PF_FREE_ALL, 0 };
		pg[2 * i + 1] = (struct mb_page_range){ (base + stride / 2) >> 12,
							(base + stride) >> 12, PF_RESERVED, 0 };
		/* The previous state lacks every tenth reservation. */
		if (i % 10)
			old[n++] = rsv[i];
	}
	st->memory = (struct mb_type){ NR_REGIONS, NR_REGIONS, stride * NR_REGIONS, mem };
	st->reserved = (struct mb_type){ NR_REGIONS, NR_REGIONS, 0x3000ULL * NR_REGIONS, rsv };
	st->freed_all = true;
	st->nr_pages = 2 * NR_REGIONS;
	st->pages = pg;
	*prev = *st;
	prev->reserved = (struct mb_type){ n, NR_REGIONS, 0x3000ULL * n, old };
	/* Before: the free halves were deferred, so 10,000 page ranges change fate. */
	prev->pages = zalloc(2 * NR_REGIONS * sizeof(*pg));
	for (i = 0; i < 2 * NR_REGIONS; i++) {
		prev->pages[i] = pg[i];
		if (pg[i].fate == PF_FREE_ALL)
			prev->pages[i].fate = PF_DEFERRED;
	}
}

static double frame_bands(const struct frame *in, enum render_scale scale)
{
	struct render_node *nodes;
	struct render_opts o;
	struct render_map map;
	struct canvas cv;
	double t[FRAMES], t0;
	int f, n;

	render_opts_init(&o);
	o.width = WIDTH;
	o.scale = scale;
	canvas_init(&cv);
	for (f = 0; f < FRAMES; f++) {
		t0 = bench_cpu_s() * 1e3;	/* CPU: steadier on a shared machine */
		canvas_clear(&cv);
		n = render_nodes(in, &nodes);
		if (n)
			render_bands(&cv, &map, in, &o, &nodes[0], 0, 0);
		render_map_free(&map);
		free(nodes);
		t[f] = bench_cpu_s() * 1e3 - t0;
	}
	canvas_free(&cv);
	return bench_median(t, FRAMES);	/* the median frame */
}

static double frame_snapshot(const struct frame *in, size_t *bytes)
{
	struct render_opts o;
	struct canvas cv;
	double t0 = bench_now_ms();
	int f;

	render_opts_init(&o);
	o.width = WIDTH;
	canvas_init(&cv);
	for (f = 0; f < FRAMES; f++) {
		char *text;

		canvas_clear(&cv);
		render_snapshot(&cv, in, &o);
		text = canvas_text(&cv, false, bytes);
		free(text);
	}
	canvas_free(&cv);
	return (bench_now_ms() - t0) / FRAMES;
}

/* Returns the time per frame of the bands, linear. */
static double run(uint64_t stride, const char *what)
{
	struct mb_state st, prev;
	struct machine m;
	struct frame in = { .m = &m, .st = &st, .prev = &prev, .step = 1 };
	size_t bytes = 0;
	double lin, cmp, snap;

	machine_init_default(&m);
	build(&st, &prev, stride);
	/* Once untimed: the first big allocations set malloc's thresholds. */
	frame_snapshot(&in, &bytes);
	lin = frame_bands(&in, SCALE_LINEAR);
	cmp = frame_bands(&in, SCALE_COMPACT);
	snap = frame_snapshot(&in, &bytes);
	printf("%d+%d regions over %s, %d columns (CPU, median frame): bands linear %.2f ms, "
	       "compact %.2f ms (target <= 2 ms); whole snapshot %.2f ms/frame (%zu bytes)\n",
	       NR_REGIONS, NR_REGIONS, what, WIDTH,
	       lin, cmp, snap, bytes);
	free(st.memory.regions);
	free(st.reserved.regions);
	free(st.pages);
	free(prev.reserved.regions);
	free(prev.pages);
	return lin;
}

int main(void)
{
	double small = run(1ULL << 23, "80 GiB");	/* 8 MiB regions */
	double big = run(1ULL << 34, "160 TiB");	/* 16 GiB regions */

	/* About 1 whatever the size of memory; only noise moves it. */
	printf("160 TiB / 80 GiB, bands linear: %.2fx the time per frame\n", big / small);
	return 0;
}
