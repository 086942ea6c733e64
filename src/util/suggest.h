/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * "Did you mean ...?": the closest known name to a misspelt one, for the
 * loader's and the expression parser's error messages.
 */
#ifndef MBVIZ_SUGGEST_H
#define MBVIZ_SUGGEST_H

/*
 * The candidate closest to @word, or NULL when none is close enough to be
 * a plausible typo.  @get(ctx, i) returns candidate i, NULL after the last.
 */
const char *suggest_best(const char *word, const char *(*get)(void *ctx, int i), void *ctx);
/* Same over an array of @n names. */
const char *suggest_list(const char *word, const char *const *names, int n);

#endif
