// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `mbviz import --live`, first half: the running system's files (or a
 * recorded copy under --root DIR) read into struct live_data.  Each source
 * ends READ, MISSING, UNREADABLE (with the reason, e.g. not root) or
 * UNUSABLE (read, but of no use: e.g. /proc/iomem with its addresses
 * hidden from a user without CAP_SYS_ADMIN).  Nothing here decides what
 * goes into the scenario; import_live.c does.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#include "import.h"
#include "live_priv.h"
#include "util/xalloc.h"

#define LIVE_MAX_FILE	(16u << 20)	/* bytes read of any one file */

static const char *const src_paths[] = {
#define LIVE_PATH(id, path) path,
	LIVE_SOURCES(LIVE_PATH)
#undef LIVE_PATH
};

const char *live_src_path(enum live_src s)
{
	return src_paths[s];
}

__attribute__((format(printf, 4, 5)))
static void set_status(struct live_data *d, enum live_src s, enum live_status st,
		       const char *fmt, ...)
{
	va_list ap;

	d->src[s].status = st;
	va_start(ap, fmt);
	vsnprintf(d->src[s].why, sizeof(d->src[s].why), fmt, ap);
	va_end(ap);
}

static char *path_of(const struct live_data *d, const char *rel)
{
	return d->root ? xasprintf("%s/%s", d->root, rel) : xasprintf("/%s", rel);
}

/* Record why @path could not be opened or read: missing, or not ours to read. */
static void failed(struct live_data *d, enum live_src s, int err)
{
	if (err == ENOENT || err == ENOTDIR)
		set_status(d, s, LIVE_MISSING, "not there");
	else if (err == EACCES || err == EPERM)
		set_status(d, s, LIVE_UNREADABLE, "%s (it needs root)", strerror(err));
	else
		set_status(d, s, LIVE_UNREADABLE, "%s", strerror(err));
}

/* A whole file (procfs and sysfs files say size 0: read to the end). */
static char *slurp(const char *path, size_t *len, int *err)
{
	size_t n = 0, cap = 4096;
	char *buf;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*err = errno;
		return NULL;
	}
	buf = xrealloc(NULL, cap + 1);
	for (;;) {
		ssize_t r;

		if (n == cap) {
			if (cap >= LIVE_MAX_FILE)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*err = errno;
			close(fd);
			free(buf);
			return NULL;
		}
		if (!r)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = 0;
	*len = n;
	return buf;
}

/* Read source @s (a file under the root); NULL after recording why. */
static char *read_src(struct live_data *d, enum live_src s, size_t *len)
{
	int err = 0;
	char *text = slurp(d->src[s].path, len, &err);

	if (!text)
		failed(d, s, err);
	return text;
}

static void ranges_add(struct live_ranges *rs, const struct live_range *r)
{
	if (rs->nr == rs->alloc) {
		rs->alloc = rs->alloc ? rs->alloc * 2 : 16;
		rs->r = xrealloc(rs->r, (size_t)rs->alloc * sizeof(*rs->r));
	}
	rs->r[rs->nr++] = *r;
}

static int range_cmp(const void *a, const void *b)
{
	const struct live_range *x = a, *y = b;

	return x->base < y->base ? -1 : x->base > y->base;
}

/* ---- the kernel log ---- */

static void text_put(char **buf, size_t *len, size_t *cap, const char *s, size_t n)
{
	if (*len + n + 1 > *cap) {
		*cap = (*len + n + 1) * 2;
		*buf = xrealloc(*buf, *cap);
	}
	memcpy(*buf + *len, s, n);
	*len += n;
	(*buf)[*len] = 0;
}

/*
 * /dev/kmsg records ("PRI,SEQ,USEC,FLAGS;MESSAGE", then " KEY=VALUE"
 * lines) as dmesg prints them: "[SECONDS.MICROS] MESSAGE".  The kernel
 * escapes bytes outside printable ASCII as \xNN; a tab or newline comes
 * back as a space, any other such byte stays escaped.
 */
static char *kmsg_to_dmesg(const char *in, size_t *out_len, long long *first_seq)
{
	char *out = NULL, stamp[48];
	size_t len = 0, cap = 0;
	const char *p = in;

	text_put(&out, &len, &cap, "", 0);
	while (*p) {
		const char *eol = strchr(p, '\n'), *semi, *q;
		unsigned long long usec = 0;
		unsigned int pri;
		int field = 0;

		if (!eol)
			eol = p + strlen(p);
		semi = memchr(p, ';', (size_t)(eol - p));
		if (*p == ' ' || !semi || sscanf(p, "%u,", &pri) != 1)
			goto next;	/* a dictionary line, or not a record */
		for (q = p; q < semi; q++) {
			if (*q == ',' && ++field == 1 && *first_seq < 0)
				*first_seq = strtoll(q + 1, NULL, 10);
			if (*q == ',' && field == 2)
				usec = strtoull(q + 1, NULL, 10);
		}
		snprintf(stamp, sizeof(stamp), "[%5llu.%06llu] ", usec / 1000000, usec % 1000000);
		text_put(&out, &len, &cap, stamp, strlen(stamp));
		for (q = semi + 1; q < eol; q++) {
			unsigned int byte;

			if (q + 3 < eol && q[0] == '\\' && q[1] == 'x' &&
			    sscanf(q + 2, "%2x", &byte) == 1 && isxdigit((unsigned char)q[2]) &&
			    isxdigit((unsigned char)q[3]) && (byte == '\t' || byte == '\n' ||
							      byte == '\\')) {
				char c = byte == '\\' ? '\\' : ' ';

				text_put(&out, &len, &cap, &c, 1);
				q += 3;
				continue;
			}
			text_put(&out, &len, &cap, q, 1);
		}
		text_put(&out, &len, &cap, "\n", 1);
next:
		p = *eol ? eol + 1 : eol;
	}
	*out_len = len;
	return out;
}

/* The running kernel's /dev/kmsg: one record a read(), EAGAIN at the end. */
static char *read_kmsg_device(struct live_data *d, size_t *len)
{
	char rec[8192], *buf = NULL;
	size_t cap = 0;
	int fd;

	*len = 0;
	fd = open(d->src[LIVE_KMSG].path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		failed(d, LIVE_KMSG, errno);
		return NULL;
	}
	text_put(&buf, len, &cap, "", 0);
	for (;;) {
		ssize_t r = read(fd, rec, sizeof(rec));

		if (r < 0 && (errno == EINTR || errno == EPIPE))
			continue;	/* EPIPE: records overwritten while we read */
		if (r <= 0 || *len > LIVE_MAX_FILE)
			break;
		text_put(&buf, len, &cap, rec, (size_t)r);
	}
	close(fd);
	return buf;
}

/* syslog(2), what dmesg uses when /dev/kmsg will not do: "<6>[    0.000000] ..." lines. */
static char *read_klogctl(struct live_data *d, size_t *len)
{
	int size = klogctl(10 /* SYSLOG_ACTION_SIZE_BUFFER */, NULL, 0), n;
	char *buf;

	if (size <= 0) {
		failed(d, LIVE_DMESG, size < 0 ? errno : ENODATA);
		return NULL;
	}
	buf = xrealloc(NULL, (size_t)size + 1);
	n = klogctl(3 /* SYSLOG_ACTION_READ_ALL */, buf, size);
	if (n < 0) {
		failed(d, LIVE_DMESG, errno);
		free(buf);
		return NULL;
	}
	buf[n] = 0;
	*len = (size_t)n;
	return buf;
}

static void read_log(struct live_data *d)
{
	size_t len = 0;
	char *raw;

	raw = d->root ? read_src(d, LIVE_KMSG, &len) : read_kmsg_device(d, &len);
	if (raw) {
		d->kmsg_first_seq = -1;
		d->log = kmsg_to_dmesg(raw, &d->log_len, &d->kmsg_first_seq);
		free(raw);
		if (d->log_len) {
			d->src[LIVE_KMSG].status = LIVE_READ;
			return;
		}
		free(d->log);
		d->log = NULL;
		set_status(d, LIVE_KMSG, LIVE_UNUSABLE, "no records in it");
	}
	d->log = d->root ? read_src(d, LIVE_DMESG, &d->log_len) : read_klogctl(d, &d->log_len);
	if (d->log)
		d->src[LIVE_DMESG].status = LIVE_READ;
}

/* ---- memory maps: /proc/iomem, /sys/firmware/memmap ---- */

/* The top-level "System RAM" lines; nested lines (indented) are its parts. */
static void read_iomem(struct live_data *d)
{
	size_t len;
	char *text = read_src(d, LIVE_IOMEM, &len), *line, *save = NULL;
	bool hidden = true;

	if (!text)
		return;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct live_range r = { .nid = -1 };
		char name[64];

		if (sscanf(line, "%" SCNx64 "-%" SCNx64 " : %63[^\n]", &r.base, &r.end, name) != 3)
			continue;
		if (r.end)
			hidden = false;
		if (line[0] != ' ' && !strcmp(name, "System RAM"))
			ranges_add(&d->iomem_ram, &r);
	}
	free(text);
	if (hidden) {
		d->iomem_ram.nr = 0;
		set_status(d, LIVE_IOMEM, LIVE_UNUSABLE,
			   "every address reads 0: the kernel hides them from users without CAP_SYS_ADMIN");
		return;
	}
	d->src[LIVE_IOMEM].status = LIVE_READ;
}

static bool read_u64_file(const char *path, uint64_t *v)
{
	size_t len;
	int err;
	char *text = slurp(path, &len, &err), *end;

	if (!text)
		return false;
	errno = 0;
	*v = strtoull(text, &end, 0);
	free(text);
	return !errno && end != text;
}

/* /sys/firmware/memmap/N/{start,end,type}: the firmware's map (x86: e820 as the BIOS gave it). */
static void read_memmap(struct live_data *d)
{
	const char *dir = d->src[LIVE_MEMMAP].path;
	struct dirent *e;
	DIR *dp = opendir(dir);

	if (!dp) {
		failed(d, LIVE_MEMMAP, errno);
		return;
	}
	while ((e = readdir(dp)) != NULL) {
		struct live_range r = { .nid = -1 };
		char *p, *type;
		size_t len;
		int err;

		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		p = xasprintf("%s/%s/start", dir, e->d_name);
		if (!read_u64_file(p, &r.base)) {
			free(p);
			continue;
		}
		free(p);
		p = xasprintf("%s/%s/end", dir, e->d_name);
		if (!read_u64_file(p, &r.end)) {
			free(p);
			continue;
		}
		free(p);
		p = xasprintf("%s/%s/type", dir, e->d_name);
		type = slurp(p, &len, &err);
		free(p);
		if (type && !strncmp(type, "System RAM", 10) && r.end >= r.base)
			ranges_add(&d->memmap_ram, &r);
		free(type);
	}
	closedir(dp);
	if (d->memmap_ram.nr)
		qsort(d->memmap_ram.r, (size_t)d->memmap_ram.nr, sizeof(*d->memmap_ram.r), range_cmp);
	if (!d->memmap_ram.nr)
		set_status(d, LIVE_MEMMAP, LIVE_UNUSABLE, "no System RAM entries");
	else
		d->src[LIVE_MEMMAP].status = LIVE_READ;
}

/* ---- NUMA nodes ---- */

/* A node list as sysfs prints it ("0-1,3"); false if it is not one. */
static bool parse_list(const char *s, bool *set, int max)
{
	while (*s && *s != '\n') {
		char *end;
		long a = strtol(s, &end, 10), b = a;

		if (end == s || a < 0 || a >= max)
			return false;
		s = end;
		if (*s == '-') {
			b = strtol(s + 1, &end, 10);
			if (end == s + 1 || b < a || b >= max)
				return false;
			s = end;
		}
		for (; a <= b; a++)
			set[a] = true;
		if (*s == ',')
			s++;
	}
	return true;
}

static void read_nodes(struct live_data *d)
{
	char *p = xasprintf("%s/online", d->src[LIVE_NODES].path), *text;
	size_t len;
	int err = 0, n;

	text = slurp(p, &len, &err);
	free(p);
	if (!text) {
		failed(d, LIVE_NODES, err);
		return;
	}
	if (!parse_list(text, d->node_online, LIVE_MAX_NODES)) {
		set_status(d, LIVE_NODES, LIVE_UNUSABLE, "online: not a node list");
		free(text);
		return;
	}
	free(text);
	for (n = 0; n < LIVE_MAX_NODES; n++) {
		const char *mt;

		if (!d->node_online[n])
			continue;
		d->nr_nodes++;
		d->max_node = n;
		p = xasprintf("%s/node%d/meminfo", d->src[LIVE_NODES].path, n);
		text = slurp(p, &len, &err);
		free(p);
		mt = text ? strstr(text, "MemTotal:") : NULL;
		if (mt)
			d->node_memtotal_kb[n] = strtoull(mt + 9, NULL, 10);
		free(text);
	}
	d->src[LIVE_NODES].status = LIVE_READ;
}

/* ---- /proc/zoneinfo ---- */

static void read_zoneinfo(struct live_data *d)
{
	size_t len;
	char *text = read_src(d, LIVE_ZONEINFO, &len), *line, *save = NULL;
	struct live_zone *z = NULL;
	int alloc = 0, i;

	if (!text)
		return;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct live_zone nz = { 0 };
		char word[32];
		uint64_t v;

		if (sscanf(line, "Node %d, zone %15s", &nz.nid, nz.name) == 2) {
			if (nz.nid < 0 || nz.nid >= LIVE_MAX_NODES)
				continue;
			if (d->nr_zones == alloc) {
				alloc = alloc ? alloc * 2 : 8;
				d->zones = xrealloc(d->zones, (size_t)alloc * sizeof(*d->zones));
			}
			z = &d->zones[d->nr_zones++];
			*z = nz;
			continue;
		}
		if (!z || sscanf(line, " %31[a-z_]%*[: ] %" SCNu64, word, &v) != 2)
			continue;
		if (!strcmp(word, "spanned"))
			z->spanned = v;
		else if (!strcmp(word, "present"))
			z->present = v;
		else if (!strcmp(word, "managed"))
			z->managed = v;
		else if (!strcmp(word, "start_pfn"))
			z->start_pfn = v;
	}
	free(text);
	for (i = 0; i < d->nr_zones; i++) {
		const struct live_zone *bad = &d->zones[i];

		/* no machine has 2^52 pages: a count beyond is damage, not memory */
		if (bad->start_pfn >> 52 || bad->spanned >> 52 || bad->present > bad->spanned ||
		    bad->managed > bad->present) {
			set_status(d, LIVE_ZONEINFO, LIVE_UNUSABLE, "node %d's zone %s: counts no zone has",
				   bad->nid, bad->name);
			d->nr_zones = 0;
			return;
		}
	}
	if (!d->nr_zones)
		set_status(d, LIVE_ZONEINFO, LIVE_UNUSABLE, "no \"Node N, zone Z\" lines");
	else
		d->src[LIVE_ZONEINFO].status = LIVE_READ;
}

/* ---- debugfs memblock ---- */

/* The flag names of 6.12's debugfs files, "NOMAP|DRV_MNG"; RSV_NIT is reserved-only. */
static unsigned int debugfs_flags(const char *line)
{
	static const struct { const char *name; unsigned int flag; } names[] = {
		{ "HOTPLUG", 0x1 }, { "MIRROR", 0x2 }, { "NOMAP", 0x4 }, { "DRV_MNG", 0x8 },
	};
	const char *w = strrchr(line, ' ');
	unsigned int flags = 0;
	size_t i;

	w = w ? w + 1 : line;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *p = strstr(w, names[i].name);
		size_t n = strlen(names[i].name);

		if (p && (p == w || p[-1] == '|') && (!p[n] || p[n] == '|' || p[n] == '\n'))
			flags |= names[i].flag;
	}
	return flags;
}

static void read_debugfs(struct live_data *d, enum live_src s, struct live_ranges *rs)
{
	size_t len;
	char *text = read_src(d, s, &len), *line, *save = NULL;

	if (!text)
		return;
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		struct imp_line l;
		struct live_range r = { .nid = -1 };

		if (import_parse_line(line, &l) != IMP_DEBUGFS_REGION || l.end < l.base)
			continue;
		r.base = l.base;
		r.end = l.end;
		if (l.has_nid) {
			r.nid = l.nid;
			d->dbg_has_nid = true;
		}
		r.nid_none = l.nid_none;
		if (l.nid_none)
			d->dbg_has_nid = true;
		r.flags = debugfs_flags(line);
		ranges_add(rs, &r);
	}
	free(text);
	/* 6.1's empty type prints one region 0..PHYS_ADDR_MAX: it holds nothing */
	if (rs->nr == 1 && !rs->r[0].base && rs->r[0].end == UINT64_MAX && !d->dbg_has_nid)
		rs->nr = 0;
	d->src[s].status = LIVE_READ;
}

static void read_page_size(struct live_data *d)
{
	long ps;

	if (d->root) {
		if (read_u64_file(d->src[LIVE_PAGESIZE].path, &d->page_size) && d->page_size >= 4096 &&
		    !(d->page_size & (d->page_size - 1))) {
			d->page_size_known = true;
			d->src[LIVE_PAGESIZE].status = LIVE_READ;
		} else {
			set_status(d, LIVE_PAGESIZE, LIVE_MISSING, "not there or not a power of two of at least 4096: 4K taken");
		}
	} else {
		ps = sysconf(_SC_PAGESIZE);
		d->page_size_known = ps > 0;
		d->src[LIVE_PAGESIZE].status = LIVE_NOT_TRIED;
		if (ps > 0)
			d->page_size = (uint64_t)ps;
	}
	if (!d->page_size_known)
		d->page_size = 4096;
}

void live_read_all(struct live_data *d)
{
	int s;

	for (s = 0; s < NR_LIVE_SRC; s++)
		d->src[s].path = path_of(d, src_paths[s]);
	if (!d->root) {
		free(d->src[LIVE_DMESG].path);
		d->src[LIVE_DMESG].path = xasprintf("syslog(2) (as dmesg reads it)");
		free(d->src[LIVE_PAGESIZE].path);
		d->src[LIVE_PAGESIZE].path = xasprintf("sysconf(_SC_PAGESIZE)");
	}
	read_log(d);
	read_iomem(d);
	read_memmap(d);
	read_nodes(d);
	read_zoneinfo(d);
	read_debugfs(d, LIVE_DBG_MEMORY, &d->dbg_memory);
	read_debugfs(d, LIVE_DBG_RESERVED, &d->dbg_reserved);
	read_page_size(d);
}

void live_data_free(struct live_data *d)
{
	int s;

	for (s = 0; s < NR_LIVE_SRC; s++)
		free(d->src[s].path);
	free(d->log);
	free(d->iomem_ram.r);
	free(d->memmap_ram.r);
	free(d->dbg_memory.r);
	free(d->dbg_reserved.r);
	free(d->zones);
}
