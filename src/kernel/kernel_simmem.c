// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Simulated physical memory.  Physical space is cut into chunks of
 * SIMMEM_SPAN bytes; each chunk that is ever touched is a sparse memfd
 * (pages exist only once written, holes read as zero).  The host address
 * of an address in chunk k is in window k, a mapping of chunk k followed
 * by chunk k+1, so that the kernel may run off the end of a chunk by up to
 * a whole chunk, as it may in a real direct map.  Both windows that show a
 * chunk map the same memfd pages, so they always agree.
 *
 * Zeroing punches holes into the memfds: clearing a gigabyte costs nothing
 * and commits nothing, which is what makes large zeroed allocations cheap.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "kernel_simmem.h"
#include "util/xalloc.h"

#define CHUNK_MASK	(SIMMEM_SPAN - 1)
#define LAST_CHUNK	(UINT64_MAX >> SIMMEM_CHUNK_SHIFT)
#define MAX_CHUNKS	256

struct chunk {
	uint64_t	key;
	int		fd;
	unsigned long	generation;	/* the last boot that used it */
};

struct window {
	uint64_t	key;
	char		*base;
	size_t		len;		/* one chunk, or two */
	unsigned long	generation;	/* the last boot that used it */
};

struct simmem {
	int		nr_chunks, nr_windows;
	struct chunk	chunks[MAX_CHUNKS];
	struct window	windows[MAX_CHUNKS];
	struct window	*last;		/* the window used last: most lookups hit it */
	long		page_size;
	unsigned long	generation;	/* simmem_clear() calls */
	char		error[160];
};

struct simmem *simmem_create(void)
{
	struct simmem *sm = xzalloc(sizeof(*sm));

	sm->page_size = sysconf(_SC_PAGESIZE);
	if (sm->page_size <= 0)
		sm->page_size = 4096;
	return sm;
}

static void drop_all(struct simmem *sm)
{
	int i;

	for (i = 0; i < sm->nr_windows; i++)
		munmap(sm->windows[i].base, sm->windows[i].len);
	for (i = 0; i < sm->nr_chunks; i++)
		close(sm->chunks[i].fd);
	sm->nr_windows = 0;
	sm->nr_chunks = 0;
	sm->last = NULL;
	sm->error[0] = '\0';
}

/*
 * Drop the windows and chunks no part of this boot has used (kept from
 * earlier boots), to make room: the limits are this boot's alone.
 */
static void evict_unused(struct simmem *sm)
{
	int i, n = 0;

	for (i = 0; i < sm->nr_windows; i++) {
		if (sm->windows[i].generation == sm->generation)
			sm->windows[n++] = sm->windows[i];
		else
			munmap(sm->windows[i].base, sm->windows[i].len);
	}
	sm->nr_windows = n;
	for (i = n = 0; i < sm->nr_chunks; i++) {
		if (sm->chunks[i].generation == sm->generation)
			sm->chunks[n++] = sm->chunks[i];
		else
			close(sm->chunks[i].fd);
	}
	sm->nr_chunks = n;
	sm->last = NULL;
}

void simmem_destroy(struct simmem *sm)
{
	if (!sm)
		return;
	drop_all(sm);
	free(sm);
}

const char *simmem_error(const struct simmem *sm)
{
	return sm->error[0] ? sm->error : "no error";
}

static struct chunk *find_chunk(struct simmem *sm, uint64_t key)
{
	int i;

	for (i = 0; i < sm->nr_chunks; i++)
		if (sm->chunks[i].key == key)
			return &sm->chunks[i];
	return NULL;
}

static struct chunk *get_chunk(struct simmem *sm, uint64_t key)
{
	struct chunk *c = find_chunk(sm, key);
	int fd;

	if (c) {
		c->generation = sm->generation;
		return c;
	}
	if (sm->nr_chunks == MAX_CHUNKS)
		evict_unused(sm);
	if (sm->nr_chunks == MAX_CHUNKS) {
		snprintf(sm->error, sizeof(sm->error),
			 "simulated memory: more than %d areas of %llu GiB touched", MAX_CHUNKS,
			 (unsigned long long)(SIMMEM_SPAN >> 30));
		return NULL;
	}
	fd = memfd_create("mbviz-physmem", MFD_CLOEXEC);
	if (fd < 0 || ftruncate(fd, (off_t)SIMMEM_SPAN) < 0) {
		snprintf(sm->error, sizeof(sm->error), "simulated memory: memfd: %s",
			 strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	c = &sm->chunks[sm->nr_chunks++];
	c->key = key;
	c->fd = fd;
	c->generation = sm->generation;
	return c;
}

static bool map_chunk(struct simmem *sm, char *at, const struct chunk *c)
{
	void *p = mmap(at, SIMMEM_SPAN, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, c->fd, 0);

	if (p == MAP_FAILED) {
		snprintf(sm->error, sizeof(sm->error), "simulated memory: mmap: %s",
			 strerror(errno));
		return false;
	}
	return true;
}

static struct window *new_window(struct simmem *sm, uint64_t key)
{
	struct chunk *lo, *hi = NULL;
	struct window *w;
	size_t len;
	void *base;

	if (sm->nr_windows == MAX_CHUNKS)
		evict_unused(sm);
	if (sm->nr_windows == MAX_CHUNKS) {
		snprintf(sm->error, sizeof(sm->error), "simulated memory: too many windows");
		return NULL;
	}
	lo = get_chunk(sm, key);
	if (!lo)
		return NULL;
	if (key != LAST_CHUNK) {
		hi = get_chunk(sm, key + 1);
		if (!hi)
			return NULL;
	}
	/* get_chunk may have moved nothing: chunks live in a fixed array. */
	len = hi ? 2 * SIMMEM_SPAN : SIMMEM_SPAN;
	base = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (base == MAP_FAILED) {
		snprintf(sm->error, sizeof(sm->error), "simulated memory: cannot reserve %zu GiB: %s",
			 len >> 30, strerror(errno));
		return NULL;
	}
	if (!map_chunk(sm, base, lo) || (hi && !map_chunk(sm, (char *)base + SIMMEM_SPAN, hi))) {
		munmap(base, len);
		return NULL;
	}
	w = &sm->windows[sm->nr_windows++];
	w->key = key;
	w->base = base;
	w->len = len;
	w->generation = sm->generation;
	return w;
}

/* A window kept from an earlier boot is used again: so are its chunks. */
static void reuse_window(struct simmem *sm, struct window *w)
{
	struct chunk *c;

	if (w->generation == sm->generation)
		return;
	w->generation = sm->generation;
	if ((c = find_chunk(sm, w->key)))
		c->generation = sm->generation;
	if (w->key != LAST_CHUNK && (c = find_chunk(sm, w->key + 1)))
		c->generation = sm->generation;
}

void *simmem_va(struct simmem *sm, uint64_t pa)
{
	uint64_t key = pa >> SIMMEM_CHUNK_SHIFT;
	struct window *w = sm->last;
	int i;

	if (!w || w->key != key) {
		w = NULL;
		for (i = 0; i < sm->nr_windows; i++)
			if (sm->windows[i].key == key)
				w = &sm->windows[i];
		if (w)
			reuse_window(sm, w);
		else
			w = new_window(sm, key);
		if (!w)
			return NULL;
		sm->last = w;
	}
	return w->base + (pa & CHUNK_MASK);
}

static const struct window *window_of(const struct simmem *sm, const void *va)
{
	const char *p = va;
	int i;

	for (i = 0; i < sm->nr_windows; i++) {
		const struct window *w = &sm->windows[i];

		if (p >= w->base && p < w->base + w->len)
			return w;
	}
	return NULL;
}

int simmem_pa(const struct simmem *sm, const void *va, uint64_t *pa)
{
	const struct window *w = window_of(sm, va);

	if (!w)
		return -1;
	*pa = (w->key << SIMMEM_CHUNK_SHIFT) + (uint64_t)((const char *)va - w->base);
	return 0;
}

bool simmem_contains(const struct simmem *sm, const void *p, size_t n)
{
	const struct window *w = window_of(sm, p);

	return w && n <= (size_t)(w->base + w->len - (const char *)p);
}

/* Make [off, off+len) of chunk @key read as zero without writing pages. */
static void punch(struct simmem *sm, uint64_t key, uint64_t off, uint64_t len)
{
	struct chunk *c = find_chunk(sm, key);

	if (c && fallocate(c->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, (off_t)off,
			   (off_t)len) < 0)
		memset(simmem_va(sm, (key << SIMMEM_CHUNK_SHIFT) + off), 0, len);
}

/*
 * Zeroing works on physical addresses, not on the window: a zeroed
 * allocation may be larger than any window (half a terabyte on a
 * machine of a terabyte), and only mbviz ever writes all of it.
 */
void simmem_zero(struct simmem *sm, void *va, size_t n)
{
	uint64_t pa, start, end, pg = (uint64_t)sm->page_size;

	if (simmem_pa(sm, va, &pa) || n < 2 * pg || n > UINT64_MAX - pa) {
		memset(va, 0, n);
		return;
	}
	/* Partial pages at either end are written; whole pages are dropped. */
	start = (pa + pg - 1) & ~(pg - 1);
	end = (pa + n) & ~(pg - 1);
	memset(va, 0, start - pa);
	if (pa + n > end) {
		void *tail = simmem_va(sm, end);

		if (tail)
			memset(tail, 0, pa + n - end);
	}
	while (start < end) {
		uint64_t key = start >> SIMMEM_CHUNK_SHIFT;
		uint64_t off = start & CHUNK_MASK;
		uint64_t len = SIMMEM_SPAN - off;

		if (len > end - start)
			len = end - start;
		punch(sm, key, off, len);
		start += len;
	}
}

/*
 * Make chunk @c read as zero by punching only what holds data (SEEK_DATA
 * and SEEK_HOLE find it): the kernel then unmaps those pages, not the
 * whole chunk from both windows.  -1 if the file system cannot say.
 */
static int empty_chunk(const struct chunk *c)
{
	off_t pos = 0, data, hole;

	while ((data = lseek(c->fd, pos, SEEK_DATA)) >= 0) {
		hole = lseek(c->fd, data, SEEK_HOLE);
		if (hole <= data || fallocate(c->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE,
					      data, hole - data) < 0)
			return -1;
		pos = hole;
	}
	return errno == ENXIO ? 0 : -1;
}

/*
 * Every scenario starts with a clear.  The memfds and windows of the last
 * boot are kept for the next, emptied of what that boot wrote (a check of
 * many small scenarios then makes no memfd and no mapping after the
 * first); the windows of boots before it are dropped when the room is
 * needed (evict_unused), and all of them when more than KEEP_CHUNKS were
 * used: a long fuzz run boots thousands of machines, each touching other
 * parts of the 64-bit space, and windows are address space.  (Punching
 * whole chunks instead, tried first, made the kernel walk the page
 * tables of both windows over 64 GiB at every reset.)
 */
#define KEEP_CHUNKS	16

void simmem_clear(struct simmem *sm)
{
	int i;

	for (i = 0; i < sm->nr_chunks && sm->nr_chunks <= KEEP_CHUNKS; i++)
		if (sm->chunks[i].generation == sm->generation && empty_chunk(&sm->chunks[i]))
			break;
	if (sm->nr_chunks > KEEP_CHUNKS || i < sm->nr_chunks || sm->error[0]) {
		drop_all(sm);
	} else {
		/* Chunks of earlier boots were emptied when their boot ended. */
		sm->last = NULL;
	}
	sm->generation++;
}

unsigned long simmem_generation(const struct simmem *sm)
{
	return sm->generation;
}
