/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Where the time of a key goes, in the UI's test mode (for bench_ui):
 * with MBVIZ_UI_KEYTIMES=FILE, every scripted key appends one line to
 * FILE with the CPU microseconds of each phase of its handling and of the
 * redraw that follows it:
 *
 *   KEY key=US frame=US map=US table=US log=US rest=US total=US
 *
 * key: the key's action (the timeline's move to another step); frame:
 * the states the redraw shows; map: the bands of every section; table:
 * the region table; log: the step's messages; rest: header, legend,
 * status line and curses' refresh.
 */
#ifndef MBVIZ_UI_KEYTIME_H
#define MBVIZ_UI_KEYTIME_H

#include <stdio.h>

enum keytime_phase {
	KT_KEY, KT_FRAME, KT_MAP, KT_TABLE, KT_LOG, KT_REST,
	NR_KT_PHASES
};

struct ui_keytime {
	FILE	*f;
	double	mark;			/* CPU seconds at the last lap */
	double	t[NR_KT_PHASES];	/* of the key being timed */
};

/* NULL when @file is NULL or empty; an error in @err when it cannot be opened. */
struct ui_keytime *ui_keytime_open(const char *file, char *err, int errlen);
/* Close it; -1 if its lines could not all be written. */
int ui_keytime_close(struct ui_keytime *kt);
/* A key begins: the laps that follow are its. */
void ui_keytime_start(struct ui_keytime *kt);
/* The time since the last lap belongs to @phase.  Nothing for NULL. */
void ui_keytime_lap(struct ui_keytime *kt, enum keytime_phase phase);
/* The key @key is done: its line is written (not for other events, @key < 0). */
void ui_keytime_end(struct ui_keytime *kt, int key);

#endif
