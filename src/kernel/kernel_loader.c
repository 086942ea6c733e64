// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Loading kernel engine objects and finding (or building) the right one.
 *
 * All of the kernel code's state -- struct memblock, the static region
 * arrays, the function-local statics behind WARN_ONCE, memblock_debug --
 * lives in the object's writable data.  After the object is loaded and
 * initialised, that data is copied aside; putting it back is a fresh boot,
 * exactly as the kernel's static initialisers leave it, with no need to
 * know which variables exist.  The part made read-only after relocation
 * (RELRO: the GOT and constant pointers) never changes and is left alone.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <link.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kernel_loader.h"
#include "kernel/kshim-hash.h"
#include "util/xalloc.h"

/* ---- a private copy ---------------------------------------------------- */

static int copy_file(const char *from, int to_fd)
{
	char buf[1 << 16];
	ssize_t n;
	int fd = open(from, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (write(to_fd, buf, n) != n) {
			n = -1;
			break;
		}
	close(fd);
	return n < 0 ? -1 : 0;
}

/*
 * dlopen() returns the same handle for a file it already has open, so
 * each load opens its own copy; the copy is unlinked once mapped.
 */
static void *open_copy(const char *path, char *err, int errlen)
{
	const char *tmpdir = getenv("TMPDIR");
	char tmp[PATH_MAX];
	void *handle;
	int fd;

	snprintf(tmp, sizeof(tmp), "%s/mbviz-engine-XXXXXX.so",
		 tmpdir && *tmpdir ? tmpdir : "/tmp");
	fd = mkstemps(tmp, 3);
	if (fd < 0) {
		snprintf(err, errlen, "%s: cannot create a temporary copy: %s", path,
			 strerror(errno));
		return NULL;
	}
	if (copy_file(path, fd)) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		return NULL;
	}
	close(fd);
	handle = dlopen(tmp, RTLD_NOW | RTLD_LOCAL);
	if (!handle)
		snprintf(err, errlen, "%s: cannot load: %s", path, dlerror());
	unlink(tmp);
	return handle;
}

/* ---- the object's writable data ---------------------------------------- */

struct seg_search {
	uintptr_t	base;
	const char	*name;
	char		*start, *end;	/* the result */
	int		found;		/* writable segments seen */
};

static int find_data(struct dl_phdr_info *info, size_t size, void *arg)
{
	struct seg_search *s = arg;
	uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE);
	uintptr_t lo = 0, hi = 0, rlo = 0, rhi = 0;
	int i;

	(void)size;
	if (info->dlpi_addr != s->base || strcmp(info->dlpi_name, s->name))
		return 0;
	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];

		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_W)) {
			lo = s->base + ph->p_vaddr;
			hi = lo + ph->p_memsz;
			s->found++;
		} else if (ph->p_type == PT_GNU_RELRO) {
			rlo = s->base + ph->p_vaddr;
			rhi = rlo + ph->p_memsz;
		}
	}
	/* The loader protects whole pages of RELRO; the rest stays writable. */
	if (rhi > lo && rlo <= lo && (rhi & ~(page - 1)) > lo)
		lo = rhi & ~(page - 1);
	s->start = (char *)lo;
	s->end = (char *)hi;
	return 1;
}

static int locate_data(struct kobj *o, char *err, int errlen)
{
	struct link_map *lm;
	struct seg_search s = { 0 };

	if (dlinfo(o->handle, RTLD_DI_LINKMAP, &lm)) {
		snprintf(err, errlen, "%s: %s", o->path, dlerror());
		return -1;
	}
	o->base = lm->l_addr;
	s.base = lm->l_addr;
	s.name = lm->l_name;
	dl_iterate_phdr(find_data, &s);
	if (s.found != 1 || s.end <= s.start) {
		snprintf(err, errlen, "%s: unexpected layout (%d writable segments)", o->path,
			 s.found);
		return -1;
	}
	o->data = s.start;
	o->data_len = s.end - s.start;
	return 0;
}

/* ---- loading ----------------------------------------------------------- */

static void map_ops(struct kobj *o)
{
	int i, j;

	for (i = 0; i < NR_OPS; i++) {
		o->op_map[i] = -1;
		for (j = 0; j < o->mod->nr_ops; j++)
			if (o->mod->op_names[j] && !strcmp(o->mod->op_names[j], op_spec(i)->name))
				o->op_map[i] = j;
	}
}

struct kobj *kobj_load(const char *path, const struct kshim_host *host, char *err, int errlen)
{
	struct kobj *o = xzalloc(sizeof(*o));

	o->path = xstrdup(path);
	o->handle = open_copy(path, err, errlen);
	if (!o->handle)
		goto fail;
	o->mod = dlsym(o->handle, "kshim_module");
	if (!o->mod) {
		snprintf(err, errlen, "%s: not a mbviz kernel engine (no kshim_module)", path);
		goto fail;
	}
	if (o->mod->abi != KSHIM_ABI_VERSION) {
		snprintf(err, errlen, "%s: built for engine interface %d, this mbviz speaks %d: "
			 "rebuild it with mbviz-build-engine", path, o->mod->abi,
			 KSHIM_ABI_VERSION);
		goto fail;
	}
	if (locate_data(o, err, errlen))
		goto fail;
	o->syms = kernel_syms_load(path, err, errlen);
	if (!o->syms)
		goto fail;
	map_ops(o);
	if (o->mod->init(host)) {
		snprintf(err, errlen, "%s: the engine failed to initialise", path);
		goto fail;
	}
	o->pristine = xrealloc(NULL, o->data_len);
	kobj_copy_data(o, o->pristine, true);
	return o;
fail:
	kobj_unload(o);
	return NULL;
}

void kobj_unload(struct kobj *o)
{
	if (!o)
		return;
	if (o->handle)
		dlclose(o->handle);
	kernel_syms_free(o->syms);
	free(o->pristine);
	free(o->path);
	free(o);
}

/*
 * An engine built with AddressSanitizer (as the tests build it for a
 * sanitized mbviz) has poisoned red zones between its variables; the
 * whole segment is copied anyway, red zones included, so the copy is
 * made byte by byte where the sanitizer does not look.
 */
__attribute__((no_sanitize_address))
static void raw_copy(volatile char *to, const volatile char *from, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		to[i] = from[i];
}

void kobj_copy_data(struct kobj *o, void *buf, bool save)
{
	if (save)
		raw_copy(buf, o->data, o->data_len);
	else
		raw_copy(o->data, buf, o->data_len);
}

void kobj_reset(struct kobj *o)
{
	kobj_copy_data(o, o->pristine, false);
}

const char *kobj_symbol(const struct kobj *o, const void *ip)
{
	uintptr_t a = (uintptr_t)ip;

	if (a < o->base)
		return NULL;
	return kernel_syms_lookup(o->syms, a - o->base);
}

/* ---- where objects come from ------------------------------------------- */

static bool is_file(const char *path)
{
	struct stat st;

	return !stat(path, &st) && S_ISREG(st.st_mode);
}

static char *read_line(const char *path)
{
	char buf[PATH_MAX];
	FILE *f = fopen(path, "r");

	if (!f)
		return NULL;
	if (!fgets(buf, sizeof(buf), f)) {
		fclose(f);
		return NULL;
	}
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf[0] ? xstrdup(buf) : NULL;
}

static int mkdir_p(const char *dir)
{
	char buf[PATH_MAX];
	char *p;

	snprintf(buf, sizeof(buf), "%s", dir);
	for (p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, 0777) && errno != EEXIST ? -1 : 0;
}

/*
 * One cache directory per tree and version of the shims, named after the
 * tree, a hash of its path and one of the shims' sources.
 */
static char *cache_dir(const char *tree)
{
	const char *root = getenv("MBVIZ_ENGINE_CACHE");
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	const char *base = strrchr(tree, '/') ? strrchr(tree, '/') + 1 : tree;
	uint64_t h = 0xcbf29ce484222325ULL;
	const char *p;
	char *top, *dir;

	for (p = tree; *p; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3ULL;
	if (root && *root)
		top = xstrdup(root);
	else if (xdg && *xdg)
		top = xasprintf("%s/mbviz/engines", xdg);
	else
		top = xasprintf("%s/.cache/mbviz/engines", home && *home ? home : "/tmp");
	dir = xasprintf("%s/%s-%016llx-%s", top, base, (unsigned long long)h, MBVIZ_KSHIM_HASH);
	free(top);
	return dir;
}

int kpath_init(struct kpath *kp, const char *path, char *err, int errlen)
{
	char real[PATH_MAX], *src;
	struct stat st;

	memset(kp, 0, sizeof(*kp));
	if (!*path || stat(path, &st)) {
		snprintf(err, errlen, "kernel:%s: %s", path,
			 *path ? strerror(errno) : "no path given");
		return -1;
	}
	kp->path = xstrdup(path);
	if (S_ISREG(st.st_mode)) {
		kp->kind = KPATH_OBJECT;
		return 0;
	}
	if (!S_ISDIR(st.st_mode) || !realpath(path, real)) {
		snprintf(err, errlen, "kernel:%s: not an engine object, a directory of them or a "
			 "kernel tree", path);
		kpath_free(kp);
		return -1;
	}
	src = xasprintf("%s/mm/memblock.c", real);
	if (is_file(src)) {
		kp->kind = KPATH_TREE;
		kp->tree = xstrdup(real);
		kp->dir = cache_dir(real);
	} else {
		kp->kind = KPATH_DIR;
		kp->dir = xstrdup(real);
		free(src);
		src = xasprintf("%s/kernel-source", real);
		kp->tree = read_line(src);
	}
	free(src);
	return 0;
}

void kpath_free(struct kpath *kp)
{
	free(kp->path);
	free(kp->dir);
	free(kp->tree);
	memset(kp, 0, sizeof(*kp));
}

static bool older_than(const char *obj, const char *tree, const char *rel)
{
	struct stat a, b;
	char *src = xasprintf("%s/%s", tree, rel);
	bool older = !stat(obj, &a) && !stat(src, &b) &&
		     (a.st_mtim.tv_sec < b.st_mtim.tv_sec ||
		      (a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec < b.st_mtim.tv_nsec));

	free(src);
	return older;
}

/* The build helper: named by $MBVIZ_BUILD_ENGINE, next to mbviz, in the source tree, on $PATH. */
static char *build_helper(void)
{
	const char *env = getenv("MBVIZ_BUILD_ENGINE");
	char self[PATH_MAX], *slash, *p;
	ssize_t n;

	if (env && *env)
		return xstrdup(env);
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n > 0) {
		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash) {
			*slash = '\0';
			p = xasprintf("%s/mbviz-build-engine", self);
			if (is_file(p))
				return p;
			free(p);
		}
	}
#ifdef MBVIZ_SRCDIR
	p = xasprintf("%s/tools/mbviz-build-engine", MBVIZ_SRCDIR);
	if (is_file(p))
		return p;
	free(p);
#endif
	return xstrdup("mbviz-build-engine");
}

static int run_build(const struct kpath *kp, const struct machine *m, char *err, int errlen)
{
	char shift[16], mreg[24], rreg[24];
	char *helper = build_helper();
	const char *argv[16];
	int argc = 0, status, s = 0;
	pid_t pid;

	while ((1 << s) < m->max_numnodes)
		s++;
	snprintf(shift, sizeof(shift), "%d", s);
	snprintf(mreg, sizeof(mreg), "%lu", m->memory_regions);
	snprintf(rreg, sizeof(rreg), "%lu", m->reserved_regions);
	argv[argc++] = helper;
	argv[argc++] = kp->tree;
	argv[argc++] = kp->dir;
	if (m->numa)
		argv[argc++] = "--numa";
	argv[argc++] = "--nodes-shift";
	argv[argc++] = shift;
	if (m->phys_addr_bits == 32)
		argv[argc++] = "--phys32";
	argv[argc++] = "--memory-regions";
	argv[argc++] = mreg;
	argv[argc++] = "--reserved-regions";
	argv[argc++] = rreg;
	argv[argc] = NULL;

	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);

		if (fd >= 0)
			dup2(fd, STDOUT_FILENO);
		/* POSIX declares argv without const only for old callers' sake. */
		execvp(helper, (char *const *)argv);
		fprintf(stderr, "mbviz: cannot run %s: %s\n", helper, strerror(errno));
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		snprintf(err, errlen, "building a kernel engine from %s with %s failed", kp->tree,
			 helper);
		free(helper);
		return -1;
	}
	free(helper);
	return 0;
}

char *kpath_object(const struct kpath *kp, const char *name, const struct machine *m,
		   bool rebuild, char *err, int errlen)
{
	char *obj;

	if (kp->kind == KPATH_OBJECT)
		return xstrdup(kp->path);
	obj = xasprintf("%s/%s", kp->dir, name);
	if (is_file(obj) && !rebuild &&
	    (!kp->tree || (!older_than(obj, kp->tree, "mm/memblock.c") &&
			   !older_than(obj, kp->tree, "include/linux/memblock.h"))))
		return obj;
	if (!kp->tree) {
		snprintf(err, errlen, "%s: no engine %s for this machine, and no kernel-source "
			 "to build it from (mbviz-build-engine KDIR %s OPTIONS)", kp->dir, name,
			 kp->dir);
		free(obj);
		return NULL;
	}
	if (mkdir_p(kp->dir)) {
		snprintf(err, errlen, "%s: %s", kp->dir, strerror(errno));
		free(obj);
		return NULL;
	}
	if (run_build(kp, m, err, errlen)) {
		free(obj);
		return NULL;
	}
	if (!is_file(obj)) {
		snprintf(err, errlen, "%s was not built", obj);
		free(obj);
		return NULL;
	}
	return obj;
}
