/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The scenario as text, as mbviz import and import --live print it: one
 * key of the top level a line, one step a line, the expectations' keys
 * one a line.  And the growing string that builds it.
 */
#ifndef MBVIZ_IMPORT_TEXT_H
#define MBVIZ_IMPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

/* A growing string; { 0 } is empty, s is NULL until something is added. */
struct text {
	char	*s;
	size_t	len, alloc;
};

void text_add(struct text *t, const char *s);
/* @item as compact JSON (exits with status 3 when out of memory). */
void text_item(struct text *t, const cJSON *item);

/*
 * @doc printed: arrays of the top level one element a line, "expect" one
 * key a line, and with @expect_arrays the arrays inside "expect" one
 * element a line too (import --live's zones).  malloc'd.
 */
char *imp_print_doc(const cJSON *doc, bool expect_arrays);

#endif
