// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * mbviz import --live: the boot of the running system, from what it offers
 * (issue 13, item 6).  The kernel log from /dev/kmsg, the firmware's
 * memory map from /sys/firmware/memmap (when the log no longer holds the
 * e820 table), and memblock's own state from debugfs when it is mounted
 * and readable, gathered into one text the importer reads like any log.
 * Every path is read under a root directory (--root DIR: recorded copies
 * for tests).  What cannot be read is said, never an error on its own.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "util/xalloc.h"

#define LIVE_MAX	(64u << 20)	/* as IMPORT_MAX_INPUT */

struct buf {
	char	*s;
	size_t	len, alloc;
};

static void put(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->alloc) {
		b->alloc = (b->len + n + 1) * 2;
		b->s = xrealloc(b->s, b->alloc);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

static void puts_buf(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/*
 * A whole file, or the records of /dev/kmsg: each read() of it returns one
 * record, and O_NONBLOCK ends the reading at EAGAIN (Documentation/ABI/
 * testing/dev-kmsg).  NULL with errno when it cannot be opened.
 */
static char *slurp(const char *path, size_t *len)
{
	struct buf b = { 0 };
	char chunk[8192];
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));

		if (n < 0 && errno == EPIPE)
			continue;	/* a record overwritten while we read: go on */
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || b.len + (size_t)n > LIVE_MAX)
			break;		/* EAGAIN: the end of the kmsg buffer */
		put(&b, chunk, (size_t)n);
	}
	close(fd);
	if (!b.s)
		put(&b, "", 0);
	*len = b.len;
	return b.s;
}

/* "6,339,5140900,-;text" records as "<6>[    5.140900] text" lines. */
static int kmsg_lines(struct buf *out, const char *kmsg)
{
	const char *p = kmsg;
	int nr = 0;

	while (*p) {
		const char *eol = strchr(p, '\n'), *semi;
		size_t n = eol ? (size_t)(eol - p) : strlen(p);
		unsigned long long pri, seq, usec;
		char head[64];

		semi = memchr(p, ';', n);
		if (*p != ' ' && semi &&
		    sscanf(p, "%llu,%llu,%llu", &pri, &seq, &usec) == 3) {
			snprintf(head, sizeof(head), "<%llu>[%5llu.%06llu] ", pri & 7, usec / 1000000,
				 usec % 1000000);
			puts_buf(out, head);
			put(out, semi + 1, n - (size_t)(semi + 1 - p));
			puts_buf(out, "\n");
			nr++;
		}
		p += n + (eol ? 1 : 0);
	}
	return nr;
}

static char *path_in(const char *root, const char *path)
{
	return xasprintf("%s%s", root ? root : "", path);
}

/* A small sysfs file's first line, or NULL. */
static bool read_line(const char *path, char *out, size_t len)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (!f)
		return false;
	ok = fgets(out, (int)len, f) != NULL;
	fclose(f);
	if (ok)
		out[strcspn(out, "\n")] = 0;
	return ok;
}

/* /sys/firmware/memmap/N/{start,end,type} as the kernel prints its e820 table. */
static int firmware_memmap(struct buf *out, const char *root)
{
	static const struct { const char *sysfs, *e820; } types[] = {
		{ "System RAM", "usable" }, { "Reserved", "reserved" }, { "ACPI Tables", "ACPI data" },
		{ "ACPI Non-volatile Storage", "ACPI NVS" }, { "Unusable memory", "unusable" },
		{ "Persistent Memory (legacy)", "persistent (type 12)" },
		{ "Soft Reserved", "soft reserved" },
	};
	int i, nr = 0;

	for (i = 0; i < 4096; i++) {
		char *dir = xasprintf("%s/sys/firmware/memmap/%d", root ? root : "", i);
		char *ps = xasprintf("%s/start", dir), *pe = xasprintf("%s/end", dir);
		char *pt = xasprintf("%s/type", dir);
		char s[64], e[64], t[64], line[160];
		const char *type = NULL;
		size_t k;
		bool ok = read_line(ps, s, sizeof(s)) && read_line(pe, e, sizeof(e)) &&
			  read_line(pt, t, sizeof(t));

		free(dir);
		free(ps);
		free(pe);
		free(pt);
		if (!ok)
			break;
		for (k = 0; k < sizeof(types) / sizeof(types[0]); k++)
			if (!strcmp(t, types[k].sysfs))
				type = types[k].e820;
		snprintf(line, sizeof(line), "BIOS-e820: [mem 0x%016" PRIx64 "-0x%016" PRIx64 "] %s\n",
			 (uint64_t)strtoull(s, NULL, 16), (uint64_t)strtoull(e, NULL, 16),
			 type ? type : t);
		puts_buf(out, line);
		nr++;
	}
	return nr;
}

static void say(FILE *diag, const char *what, const char *path, const char *how)
{
	if (diag)
		fprintf(diag, "mbviz: import: live: %s %s: %s\n", what, path, how);
}

char *import_live_text(const char *root, FILE *diag, size_t *len)
{
	static const char *const debugfs[] = { "/sys/kernel/debug/memblock/memory",
					       "/sys/kernel/debug/memblock/reserved" };
	static const char *const unused[] = { "/proc/zoneinfo", "/proc/iomem",
					      "/sys/devices/system/node" };
	struct buf out = { 0 }, log = { 0 };
	char *p = path_in(root, "/dev/kmsg"), *text;
	size_t n, i;
	char how[128];

	text = slurp(p, &n);
	if (!text) {
		say(diag, "could not read", p, strerror(errno));
	} else {
		snprintf(how, sizeof(how), "%d records", kmsg_lines(&log, text));
		say(diag, "read", p, how);
		free(text);
	}
	free(p);
	/* the firmware's table, when the kernel log no longer holds one */
	if (!log.s || !strstr(log.s, "BIOS-e820: ")) {
		int nr = firmware_memmap(&out, root);

		p = path_in(root, "/sys/firmware/memmap");
		snprintf(how, sizeof(how), "%d entries, as the BIOS-e820 table the log lacks", nr);
		if (nr)
			say(diag, "read", p, how);
		else
			say(diag, "could not read", p, "no entries");
		free(p);
	}
	if (log.s) {
		/* the version line first: the table belongs to its boot */
		const char *v = strstr(log.s, "] Linux version ");
		const char *eol = v ? strchr(v, '\n') : NULL;

		if (v && eol && !memchr(log.s, '\n', (size_t)(v - log.s))) {
			struct buf both = { 0 };

			put(&both, log.s, (size_t)(eol + 1 - log.s));
			if (out.s)
				put(&both, out.s, out.len);
			put(&both, eol + 1, log.len - (size_t)(eol + 1 - log.s));
			free(out.s);
			out = both;
		} else {
			put(&out, log.s, log.len);
		}
	}
	free(log.s);
	for (i = 0; i < sizeof(debugfs) / sizeof(debugfs[0]); i++) {
		p = path_in(root, debugfs[i]);
		text = slurp(p, &n);
		if (!text) {
			say(diag, "could not read", p, strerror(errno));
		} else {
			say(diag, "read", p, "memblock's state now");
			puts_buf(&out, debugfs[i]);
			puts_buf(&out, "\n");
			put(&out, text, n);
			free(text);
		}
		free(p);
	}
	for (i = 0; i < sizeof(unused) / sizeof(unused[0]); i++)
		say(diag, "not used yet:", unused[i], "its totals are not made expectations (issue 13)");
	if (!out.s)
		put(&out, "", 0);
	*len = out.len;
	return out.s;
}
