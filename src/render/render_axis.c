// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The address axis of a band picture: which addresses each column covers,
 * and the ruler above it.
 *
 * Bytes per column have at most four significant bits, m * 2^k with m
 * below 16 (1, 2, ... 15, 16, 18, ... 30, 32, 36, ...): two consecutive
 * sizes differ by at most 9/8, so a picture uses more than 8/9 of the
 * columns it is given, and the scale still reads exactly ("1 col = 9 MiB",
 * "1 col = 1.125 MiB").  The linear scale starts its first column at the
 * first address rounded down to 2^k, the size's power-of-two part, so
 * every column starts on a multiple of 2^k and the ruler's ticks fall on
 * round hexadecimal addresses; where a node starts does not limit its
 * size, so that equal nodes get equal scales.  The compact scale cuts the
 * axis at every boundary of everything drawn: each stretch that holds
 * something gets at least one column (more in proportion to its size;
 * inside it, columns start at multiples of the size, so that ticks fall
 * on round addresses there too), each hole exactly one.  The work is
 * proportional to the number of boundaries plus the width.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_priv.h"
#include "util/xalloc.h"

/*
 * The i-th candidate size, ascending: 1 ... 7, then m << g for g = 0 ... 60
 * and m = 8 ... 15 (8, 9, ... 15, 16, 18, ... 30, 32, 36, ...).  The
 * largest is 15 << 60, just below 2^64.
 */
#define NR_SIZES	(7 + 8 * 61)

static uint64_t nice_size(int i)
{
	if (i < 7)
		return (uint64_t)i + 1;
	i -= 7;
	return (uint64_t)(8 + i % 8) << (i / 8);
}

/* The power-of-two part of @bpc: every linear column starts on a multiple of it. */
static uint64_t pow2_part(uint64_t bpc)
{
	return bpc & -bpc;
}

/* The first address of a linear axis from @start with @bpc bytes per column. */
static uint64_t linear_origin(uint64_t start, uint64_t bpc)
{
	return start & ~(pow2_part(bpc) - 1);
}

/* Columns a linear axis over [start, end) needs with @bpc bytes each. */
static uint64_t linear_cols(uint64_t start, uint64_t end, uint64_t bpc)
{
	return (end - 1 - linear_origin(start, bpc)) / bpc + 1;
}

/* Columns a compact stretch over [start, end) needs: they start at multiples of @bpc. */
static uint64_t aligned_cols(uint64_t start, uint64_t end, uint64_t bpc)
{
	uint64_t last = (end - 1) / bpc;

	return last - start / bpc + 1;
}

static void axis_alloc(struct axis *ax, int n)
{
	ax->n = n;
	ax->b = xzalloc((n + 1) * sizeof(*ax->b));
	ax->gap = xzalloc(n + 1);
}

static void build_linear(struct axis *ax, uint64_t start, uint64_t end, int cols,
			 uint64_t min_bpc)
{
	uint64_t bpc = 0, first;
	int i, n;

	for (i = 0; i < NR_SIZES; i++) {
		bpc = nice_size(i);
		if (bpc < min_bpc && i < NR_SIZES - 1)
			continue;
		if (linear_cols(start, end, bpc) <= (uint64_t)cols)
			break;
	}
	n = (int)linear_cols(start, end, bpc);
	axis_alloc(ax, n);
	ax->bpc = bpc;
	ax->scale = SCALE_LINEAR;
	first = linear_origin(start, bpc);
	for (i = 0; i < n; i++)
		ax->b[i] = first + (uint64_t)i * bpc;
	/* The last boundary may be 2^64: saturate, nothing drawn ends there. */
	ax->b[n] = ax->b[n - 1] + bpc < ax->b[n - 1] ? UINT64_MAX : ax->b[n - 1] + bpc;
}

/* A stretch of the compact axis between two consecutive boundaries. */
struct stretch {
	uint64_t	start, end;
	bool		covered;
};

static int make_stretches(uint64_t start, uint64_t end, const struct cut *cuts, int nr_cuts,
			  struct stretch **out)
{
	struct stretch *s = xrealloc(NULL, (nr_cuts + 2) * sizeof(*s));
	uint64_t pos = start;
	int depth = 0, n = 0, i = 0;

	while (pos < end) {
		uint64_t next = end;
		bool covered;

		/* Apply every cut at or before pos, then find the next one. */
		while (i < nr_cuts && cuts[i].addr <= pos)
			depth += cuts[i++].depth;
		if (i < nr_cuts && cuts[i].addr < end)
			next = cuts[i].addr;
		covered = depth > 0;
		if (n && s[n - 1].covered == covered && !covered)
			s[n - 1].end = next;	/* holes never need splitting */
		else
			s[n++] = (struct stretch){ pos, next, covered };
		pos = next;
	}
	*out = s;
	return n;
}

static uint64_t stretch_cols(const struct stretch *s, uint64_t bpc)
{
	return s->covered ? aligned_cols(s->start, s->end, bpc) : 1;
}

static uint64_t compact_cols(const struct stretch *s, int n, uint64_t bpc, uint64_t limit)
{
	uint64_t total = 0;
	int i;

	for (i = 0; i < n && total <= limit; i++)
		total += stretch_cols(&s[i], bpc);
	return total;
}

static void fill_compact(struct axis *ax, const struct stretch *s, int ns, uint64_t bpc)
{
	int i, c = 0;

	ax->tick_col = xrealloc(NULL, ns * sizeof(*ax->tick_col));
	ax->tick_len = xrealloc(NULL, ns * sizeof(*ax->tick_len));
	for (i = 0; i < ns; i++) {
		uint64_t k, cols = stretch_cols(&s[i], bpc);

		if (s[i].covered) {
			ax->tick_col[ax->nr_ticks] = c;
			ax->tick_len[ax->nr_ticks++] = (int)cols;
		}
		for (k = 0; k < cols; k++) {
			/* Inside a range, columns start at multiples of bpc, as in linear. */
			ax->b[c] = k ? (s[i].start / bpc + k) * bpc : s[i].start;
			/* A hole wider than a column is shrunk: mark the break. */
			ax->gap[c] = !s[i].covered && s[i].end - s[i].start > bpc;
			c++;
		}
	}
	ax->b[c] = s[ns - 1].end;
}

/* Returns false when the stretches cannot all have a column: the caller goes linear. */
static bool build_compact(struct axis *ax, uint64_t start, uint64_t end, int cols,
			  const struct cut *cuts, int nr_cuts)
{
	struct stretch *s;
	int lo = 0, hi = NR_SIZES - 1, ns;

	ns = make_stretches(start, end, cuts, nr_cuts, &s);
	if (ns > cols) {
		free(s);
		return false;
	}
	/* The column count only falls as the size grows: bisect for the smallest fit. */
	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (compact_cols(s, ns, nice_size(mid), cols) <= (uint64_t)cols)
			hi = mid;
		else
			lo = mid + 1;
	}
	axis_alloc(ax, (int)compact_cols(s, ns, nice_size(lo), cols));
	ax->bpc = nice_size(lo);
	ax->scale = SCALE_COMPACT;
	fill_compact(ax, s, ns, ax->bpc);
	free(s);
	return true;
}

void axis_build(struct axis *ax, uint64_t start, uint64_t end, int cols, uint64_t min_bpc,
		enum render_scale scale, const struct cut *cuts, int nr_cuts)
{
	memset(ax, 0, sizeof(*ax));
	if (end <= start)
		end = start + 1;
	if (cols < 1)
		cols = 1;
	if (scale == SCALE_COMPACT) {
		if (build_compact(ax, start, end, cols, cuts, nr_cuts))
			return;
		ax->fell_back = true;
	}
	build_linear(ax, start, end, cols, min_bpc);
}

const char *axis_size_text(uint64_t bpc, char *buf, int len)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
	char frac[8] = "";
	int u = 0, d;

	while (u < 6 && bpc >> (10 * (u + 1)))
		u++;
	/* Down a unit while the fraction needs more than three decimals (never for our sizes). */
	for (; u > 0; u--) {
		uint64_t unit = 1ULL << (10 * u), rest = bpc & (unit - 1);

		for (d = 0; rest && d < 4; d++) {
			rest *= 10;
			frac[d] = (char)('0' + rest / unit);
			rest %= unit;
		}
		frac[d] = '\0';
		if (!rest)
			break;
		frac[0] = '\0';
	}
	snprintf(buf, len, "%" PRIu64 "%s%s" NBSP_UTF8 "%s", bpc >> (10 * u), *frac ? "." : "",
		 frac, units[u]);
	return buf;
}

void axis_free(struct axis *ax)
{
	free(ax->b);
	free(ax->gap);
	free(ax->tick_col);
	free(ax->tick_len);
	memset(ax, 0, sizeof(*ax));
}

int axis_col(const struct axis *ax, uint64_t addr)
{
	int lo = 0, hi = ax->n - 1;

	if (addr <= ax->b[0])
		return 0;
	if (ax->scale == SCALE_LINEAR) {
		uint64_t c = (addr - ax->b[0]) / ax->bpc;

		return c >= (uint64_t)ax->n ? ax->n - 1 : (int)c;
	}
	/* The last column whose first address is at or below addr. */
	while (lo < hi) {
		int mid = (lo + hi + 1) / 2;

		if (ax->b[mid] <= addr)
			lo = mid;
		else
			hi = mid - 1;
	}
	return lo;
}

/* Put a label at column @c if it fits after the previous one; returns the next free column. */
static int place_label(struct rline *labels, struct rline *ticks, int c, int next_free,
		       int avail, uint64_t addr, uint32_t tick)
{
	char buf[24];
	int len = (int)strlen(hex_short(addr, buf, sizeof(buf)));

	if (c < next_free || c + len > avail)
		return next_free;
	line_puts(labels, RENDER_MARGIN + c, ST_RULER, buf);
	line_putc(ticks, RENDER_MARGIN + c, ST_RULER, tick, 0);
	return c + len + 1;
}

static void ruler_linear(const struct axis *ax, struct rline *labels, struct rline *ticks,
			 int avail, uint32_t tick)
{
	uint64_t first = ax->b[0], mask = pow2_part(ax->bpc) - 1;
	char buf[24];
	int len = (int)strlen(hex_short(ax->b[ax->n - 1], buf, sizeof(buf))), next = 0;
	int every = 1, c0;

	/*
	 * Ticks every power-of-two number of columns, as far apart as a
	 * label, where the address is a multiple of that many times the
	 * size's power-of-two part (the size's odd factor makes the columns
	 * run through every residue, so there is one in each stretch).
	 */
	while (every < len + 1 && mask < UINT64_MAX / 2) {
		every *= 2;
		mask = mask * 2 + 1;
	}
	for (c0 = 0; c0 < every && c0 < ax->n && (ax->b[c0] & mask); c0++)
		;
	/*
	 * The first column's address too, if it leaves the round ones their
	 * room (a zoomed view reads better by round addresses; the header
	 * gives the window's first address anyway).
	 */
	if (c0 >= ax->n || (ax->b[c0] & mask) ||
	    (size_t)c0 > strlen(hex_short(first, buf, sizeof(buf))))
		next = place_label(labels, ticks, 0, next, avail, first, tick);
	if (c0 < ax->n && (ax->b[c0] & mask))
		return;
	for (; c0 < ax->n; c0 += every)
		next = place_label(labels, ticks, c0, next, avail, ax->b[c0], tick);
}

struct tick {
	int		len;		/* columns of its range */
	int		col;
};

/* The window's first address first, then longer ranges, then left to right. */
static int tick_cmp(const void *a, const void *b)
{
	const struct tick *x = a, *y = b;

	if (!x->col != !y->col)
		return !x->col ? -1 : 1;
	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return x->col < y->col ? -1 : x->col > y->col;
}

/*
 * Inside one range of the compact axis, columns [c0, c0 + len), the scale
 * is linear: label multiples of a power-of-two number of columns there,
 * where they leave a blank column on either side.
 */
static void ruler_inside(const struct axis *ax, struct rline *labels, struct rline *ticks,
			 int avail, uint32_t tick, char *used, int c0, int len)
{
	uint64_t first = ax->b[c0], last = ax->b[c0 + len - 1], step = ax->bpc, t;
	char buf[24];
	int w = (int)strlen(hex_short(last, buf, sizeof(buf))), k;

	while (step / ax->bpc < (uint64_t)w + 1 && step <= UINT64_MAX / 2)
		step *= 2;
	if (step / ax->bpc >= (uint64_t)len)
		return;
	for (t = (first / step + 1) * step; t > first && t <= last; t += step) {
		int c = c0 + (int)(t / ax->bpc - first / ax->bpc), lw;
		bool free_cols;

		lw = (int)strlen(hex_short(t, buf, sizeof(buf)));
		free_cols = c + lw <= avail;
		for (k = c - 1; free_cols && k <= c + lw; k++)
			free_cols = !used[k];
		if (free_cols) {
			memset(used + c, 1, lw);
			line_puts(labels, RENDER_MARGIN + c, ST_RULER, buf);
			line_putc(ticks, RENDER_MARGIN + c, ST_RULER, tick, 0);
		}
		if (t + step < t)
			break;
	}
}

/*
 * Compact: label the starts of ranges, the widest ranges first, so that a
 * crowd of small ranges does not take the place of the big one after it.
 */
static void ruler_compact(const struct axis *ax, struct rline *labels, struct rline *ticks,
			  int avail, uint32_t tick)
{
	struct tick *order = xrealloc(NULL, (ax->nr_ticks + 1) * sizeof(*order));
	char *used = xzalloc(avail + 2), buf[24];
	int i, k;

	for (i = 0; i < ax->nr_ticks; i++)
		order[i] = (struct tick){ ax->tick_len[i], ax->tick_col[i] };
	qsort(order, ax->nr_ticks, sizeof(*order), tick_cmp);
	for (i = 0; i < ax->nr_ticks; i++) {
		int c = order[i].col;
		int len = (int)strlen(hex_short(ax->b[c], buf, sizeof(buf)));
		bool free_cols = c + len <= avail;

		/* A blank column on either side of every label. */
		for (k = c ? c - 1 : 0; free_cols && k <= c + len; k++)
			free_cols = !used[k];
		if (!free_cols)
			continue;
		memset(used + c, 1, len);
		line_puts(labels, RENDER_MARGIN + c, ST_RULER, buf);
		line_putc(ticks, RENDER_MARGIN + c, ST_RULER, tick, 0);
	}
	/* Then round addresses inside the ranges wide enough to hold more labels. */
	for (i = 0; i < ax->nr_ticks; i++)
		ruler_inside(ax, labels, ticks, avail, tick, used, ax->tick_col[i],
			     ax->tick_len[i]);
	free(order);
	free(used);
}

void axis_ruler(const struct axis *ax, struct rline *labels, struct rline *ticks, int width,
		bool utf8)
{
	uint32_t tick = utf8 ? 0x2534 : '+';	/* BOX DRAWINGS UP AND HORIZONTAL */
	uint32_t line = utf8 ? 0x2500 : '-';
	int avail = width - RENDER_MARGIN, c;

	for (c = 0; c < ax->n; c++)
		line_putc(ticks, RENDER_MARGIN + c, ST_RULER, ax->gap[c] ? '~' : line, 0);
	if (ax->scale == SCALE_LINEAR)
		ruler_linear(ax, labels, ticks, avail, tick);
	else
		ruler_compact(ax, labels, ticks, avail, tick);
}
