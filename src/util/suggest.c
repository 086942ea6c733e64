// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Typo suggestions by edit distance.  Case is ignored when measuring, so
 * "page_size" finds PAGE_SIZE and "memblock_start_of_dram" finds
 * memblock_start_of_DRAM; a transposition counts as one edit, the most
 * common typo of all.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "suggest.h"

/* Names longer than this are not compared: nothing we know is that long. */
#define SUGGEST_MAX	64

/* Optimal string alignment distance, case-insensitive. */
static int distance(const char *a, const char *b)
{
	int la = strlen(a), lb = strlen(b), i, j;
	int d[SUGGEST_MAX + 1][SUGGEST_MAX + 1];

	if (la > SUGGEST_MAX || lb > SUGGEST_MAX)
		return SUGGEST_MAX;
	for (i = 0; i <= la; i++)
		d[i][0] = i;
	for (j = 0; j <= lb; j++)
		d[0][j] = j;
	for (i = 1; i <= la; i++) {
		for (j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]);
			int cb = tolower((unsigned char)b[j - 1]);
			int v = d[i - 1][j - 1] + (ca != cb);

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

const char *suggest_best(const char *word, const char *(*get)(void *ctx, int i), void *ctx)
{
	int len = strlen(word), limit, best_d = SUGGEST_MAX, i, d;
	const char *best = NULL, *c;

	/* A third of the word may be wrong, at least one letter, at most three. */
	limit = len / 3;
	if (limit < 1)
		limit = 1;
	if (limit > 3)
		limit = 3;
	for (i = 0; (c = get(ctx, i)); i++) {
		d = distance(word, c);
		if (d < best_d && d <= limit) {
			best_d = d;
			best = c;
		}
	}
	/* A one-letter word is too short to guess from. */
	if (best && len < 2 && best_d > 0)
		return NULL;
	return best;
}

struct name_list {
	const char *const	*names;
	int			n;
};

static const char *list_get(void *ctx, int i)
{
	const struct name_list *l = ctx;

	return i < l->n ? l->names[i] : NULL;
}

const char *suggest_list(const char *word, const char *const *names, int n)
{
	struct name_list l = { names, n };

	return suggest_best(word, list_get, &l);
}
