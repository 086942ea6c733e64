// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Opening engines by name: "model" or "model:OPTIONS" (engine.h), or
 * "kernel:PATH" for a real mm/memblock.c (see kernel_engine.h).  A bare "kernel" means the engines
 * named by $MBVIZ_KERNEL_ENGINE, else those this mbviz was configured
 * with (--with-kernel-source).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "kernel/kernel_engine.h"

static const char *default_kernel_path(void)
{
	const char *env = getenv("MBVIZ_KERNEL_ENGINE");

	if (env && *env)
		return env;
#ifdef MBVIZ_KERNEL_ENGINES
	return MBVIZ_KERNEL_ENGINES;
#else
	return NULL;
#endif
}

/* One option of "model:OPTIONS", @len bytes at @opt, into @ms; each at most once. */
static int model_option(const char *opt, size_t len, struct model_spec *ms,
			const char *spec, char *err, int errlen)
{
	static const char free_late[] = "free_late=";
	char word[64];
	int v;

	snprintf(word, sizeof(word), "%.*s", (int)len, opt);
	if (len >= sizeof(word) || !len) {
		snprintf(err, errlen, "%s option '%.*s' in engine '%s': use a version "
			 "(6.1, 6.12) or free_late=MODE", len ? "unknown" : "empty",
			 (int)len, opt, spec);
		return -1;
	}
	if (!strncmp(word, free_late, sizeof(free_late) - 1)) {
		v = free_late_mode_lookup(word + sizeof(free_late) - 1);
		if (v < 0) {
			snprintf(err, errlen, "unknown free_late mode '%s' in engine '%s': use "
				 "free_late=skip-deferred or free_late=release-always",
				 word + sizeof(free_late) - 1, spec);
			return -1;
		}
		if (ms->free_late >= 0) {
			snprintf(err, errlen, "engine '%s' gives free_late twice", spec);
			return -1;
		}
		ms->free_late = v;
		return 0;
	}
	v = kernel_version_lookup(word);
	if (v < 0) {
		snprintf(err, errlen, "unknown kernel version '%s' in engine '%s': use "
			 "model:6.1 or model:6.12 (or model:free_late=MODE)", word, spec);
		return -1;
	}
	if (ms->version >= 0) {
		snprintf(err, errlen, "engine '%s' gives the kernel version twice", spec);
		return -1;
	}
	ms->version = v;
	return 0;
}

/* "model:OPTIONS": the options separated by commas. */
static struct engine *model_open(const char *spec, char *err, int errlen)
{
	struct model_spec ms = { .version = -1, .free_late = -1 };
	const char *opt = spec + 6;

	for (;;) {
		size_t len = strcspn(opt, ",");

		if (model_option(opt, len, &ms, spec, err, errlen))
			return NULL;
		if (!opt[len])
			break;
		opt += len + 1;
	}
	return model_engine_open(&ms);
}

struct engine *engine_open(const char *spec, char *err, int errlen)
{
	const char *path;

	if (!spec || !strcmp(spec, "model"))
		return model_engine_create(-1);
	if (!strncmp(spec, "model:", 6))
		return model_open(spec, err, errlen);
	if (!strcmp(spec, "kernel")) {
		path = default_kernel_path();
		if (!path) {
			snprintf(err, errlen, "--engine=kernel needs a path (kernel:PATH): this mbviz "
				 "was configured without --with-kernel-source and "
				 "MBVIZ_KERNEL_ENGINE is not set");
			return NULL;
		}
		return kernel_engine_create(path, err, errlen);
	}
	if (!strncmp(spec, "kernel:", 7))
		return kernel_engine_create(spec + 7, err, errlen);
	snprintf(err, errlen, "unknown engine '%s': use model, model:VERSION, kernel or "
		 "kernel:PATH", spec);
	return NULL;
}

void engine_close(struct engine *e)
{
	if (e)
		e->ops->destroy(e);
}

const char *engine_error(struct engine *e)
{
	return e && e->ops->error ? e->ops->error(e) : NULL;
}
