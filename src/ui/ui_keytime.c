// SPDX-License-Identifier: GPL-2.0-or-later
/* Per-key phase times of the UI's test mode (see ui_keytime.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ui_keytime.h"
#include "util/xalloc.h"

static const char *const phase_name[NR_KT_PHASES] = {
	[KT_KEY] = "key", [KT_FRAME] = "frame", [KT_MAP] = "map", [KT_TABLE] = "table",
	[KT_LOG] = "log", [KT_REST] = "rest",
};

/* The thread's CPU time: what the key cost, whoever else runs on the machine. */
static double cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct ui_keytime *ui_keytime_open(const char *file, char *err, int errlen)
{
	struct ui_keytime *kt;

	if (!file || !*file)
		return NULL;
	kt = xzalloc(sizeof(*kt));
	kt->f = fopen(file, "w");
	if (!kt->f) {
		snprintf(err, errlen, "MBVIZ_UI_KEYTIMES: %s: %s", file, strerror(errno));
		free(kt);
		return NULL;
	}
	return kt;
}

int ui_keytime_close(struct ui_keytime *kt)
{
	int ret;

	if (!kt)
		return 0;
	ret = ferror(kt->f) ? -1 : 0;
	if (fclose(kt->f))
		ret = -1;
	free(kt);
	return ret;
}

void ui_keytime_start(struct ui_keytime *kt)
{
	if (!kt)
		return;
	memset(kt->t, 0, sizeof(kt->t));
	kt->mark = cpu_s();
}

void ui_keytime_lap(struct ui_keytime *kt, enum keytime_phase phase)
{
	double now;

	if (!kt)
		return;
	now = cpu_s();
	kt->t[phase] += now - kt->mark;
	kt->mark = now;
}

void ui_keytime_end(struct ui_keytime *kt, int key)
{
	double total = 0;
	int p;

	if (!kt)
		return;
	ui_keytime_lap(kt, KT_REST);
	if (key < 0)
		return;
	fprintf(kt->f, "%c", key > 32 && key < 127 ? key : '?');
	for (p = 0; p < NR_KT_PHASES; p++) {
		fprintf(kt->f, " %s=%.0f", phase_name[p], kt->t[p] * 1e6);
		total += kt->t[p];
	}
	fprintf(kt->f, " total=%.0f\n", total * 1e6);
}
