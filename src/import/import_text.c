// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The scenario as text, shared by mbviz import (import_document.c) and
 * import --live (live_doc.c), so that both print scenarios alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_text.h"
#include "util/xalloc.h"

void text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);

	if (t->len + n + 1 > t->alloc) {
		t->alloc = (t->len + n + 1) * 2;
		t->s = xrealloc(t->s, t->alloc);
	}
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

void text_item(struct text *t, const cJSON *item)
{
	char *s = cJSON_PrintUnformatted(item);

	if (!s) {
		fputs("mbviz: out of memory\n", stderr);
		exit(3);
	}
	text_add(t, s);
	free(s);
}

static void text_key(struct text *t, const char *indent, const char *key)
{
	cJSON *k = cJSON_CreateString(key);

	text_add(t, indent);
	text_item(t, k);
	cJSON_Delete(k);
	text_add(t, ": ");
}

/* A non-empty array, one element a line at @indent, closed at @close. */
static void text_array(struct text *t, const cJSON *arr, const char *indent, const char *close)
{
	const cJSON *el;

	text_add(t, "[\n");
	cJSON_ArrayForEach(el, arr) {
		text_add(t, indent);
		text_item(t, el);
		text_add(t, el->next ? ",\n" : "\n");
	}
	text_add(t, close);
}

static void text_expect(struct text *t, const cJSON *ex, bool arrays)
{
	const cJSON *sub;

	text_add(t, "{\n");
	cJSON_ArrayForEach(sub, ex) {
		text_key(t, "    ", sub->string);
		if (arrays && cJSON_IsArray(sub) && sub->child)
			text_array(t, sub, "      ", "    ]");
		else
			text_item(t, sub);
		text_add(t, sub->next ? ",\n" : "\n");
	}
	text_add(t, "  }");
}

char *imp_print_doc(const cJSON *doc, bool expect_arrays)
{
	struct text t = { 0 };
	const cJSON *item;

	text_add(&t, "{\n");
	cJSON_ArrayForEach(item, doc) {
		text_key(&t, "  ", item->string);
		if (cJSON_IsArray(item) && item->child)
			text_array(&t, item, "    ", "  ]");
		else if (!strcmp(item->string, "expect") && cJSON_IsObject(item))
			text_expect(&t, item, expect_arrays);
		else
			text_item(&t, item);
		text_add(&t, item->next ? ",\n" : "\n");
	}
	text_add(&t, "}");
	return t.s;
}
