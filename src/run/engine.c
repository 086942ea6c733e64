// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Opening engines by name: "model" or "model:VERSION", or "kernel:PATH" for a real
 * mm/memblock.c (see kernel_engine.h).  A bare "kernel" means the engines
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

struct engine *engine_open(const char *spec, char *err, int errlen)
{
	const char *path;

	if (!spec || !strcmp(spec, "model"))
		return model_engine_create(-1);
	if (!strncmp(spec, "model:", 6)) {
		int v = kernel_version_lookup(spec + 6);

		if (v < 0) {
			snprintf(err, errlen, "unknown kernel version '%s' in engine '%s': use "
				 "model:6.1 or model:6.12", spec + 6, spec);
			return NULL;
		}
		return model_engine_create(v);
	}
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
