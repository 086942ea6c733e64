// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The scenarios of a directory with their titles, for `mbviz list [DIR]`
 * and the UI's picker (`mbviz DIR`): every *.json directly in DIR that is
 * a regular file, in byte order of their names, each loaded to read its
 * title (one that does not load is listed with the loader's message).
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "scenario/scenario.h"
#include "util/xalloc.h"

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const struct scenario_entry *)a)->file,
		      ((const struct scenario_entry *)b)->file);
}

static void fill(struct scenario_entry *e, const char *dir, const char *name)
{
	const char *sep = dir[strlen(dir) - 1] == '/' ? "" : "/";
	struct scenario *sc;
	char err[512];

	e->file = xstrdup(name);
	e->path = xasprintf("%s%s%s", dir, sep, name);
	sc = scenario_load(e->path, err, sizeof(err));
	if (!sc) {
		e->error = xstrdup(err);
		return;
	}
	e->title = xstrdup(sc->title ? sc->title : "(no title)");
	scenario_free(sc);
}

int scenario_list(const char *dir, struct scenario_entry **out, char *err, int errlen)
{
	struct scenario_entry *e = NULL;
	struct dirent *d;
	int n = 0, alloc = 0;
	DIR *dh = opendir(dir);

	*out = NULL;
	if (!dh) {
		snprintf(err, errlen, "%s: cannot read the directory", dir);
		return -1;
	}
	while ((d = readdir(dh))) {
		size_t len = strlen(d->d_name);
		struct stat st;
		char *path;

		if (len <= 5 || d->d_name[0] == '.' || strcmp(d->d_name + len - 5, ".json"))
			continue;
		path = xasprintf("%s/%s", dir, d->d_name);
		if (stat(path, &st) || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		free(path);
		if (n == alloc) {
			alloc = alloc ? 2 * alloc : 32;
			e = xrealloc(e, alloc * sizeof(*e));
		}
		memset(&e[n], 0, sizeof(e[n]));
		e[n++].file = xstrdup(d->d_name);
	}
	closedir(dh);
	qsort(e, n, sizeof(*e), entry_cmp);
	for (int i = 0; i < n; i++) {
		char *name = e[i].file;

		fill(&e[i], dir, name);
		free(name);
	}
	*out = e;
	return n;
}

void scenario_list_free(struct scenario_entry *e, int n)
{
	for (int i = 0; i < n; i++) {
		free(e[i].file);
		free(e[i].path);
		free(e[i].title);
		free(e[i].error);
	}
	free(e);
}
