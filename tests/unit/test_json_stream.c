// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The loader streams "steps": each step is loaded as soon as the parser
 * has read it, and its parse nodes are freed before the next.  What it
 * reports must not change: a syntax error anywhere, and every error of
 * the top level that is checked before the steps, still wins over an
 * error in a step; positions are those of the whole-tree parse.
 *
 * 1. json_parse_stream() against json_parse() on every prefix of a text
 *    (a truncated file) and with a bad token put at every offset: the
 *    same result, line, column and message.
 * 2. The loader on the same truncated texts, whose step 0 is wrong: the
 *    syntax error is what it reports, at json_parse()'s position (or the
 *    cut character json_check_text() finds).
 * 3. Scenarios with an error in step 0, step 1 and the last step, with
 *    errors after the steps that must win, a machine after the steps (the
 *    steps loaded again for it), labels, panics: the messages the loader
 *    gave before it streamed (recorded from it, byte for byte).
 * 4. Many steps: the blocks of steps and arguments grow and move, and
 *    every step still has its own arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario/json_pos.h"
#include "scenario/scenario.h"
#include "tap.h"

static const char text[] =
	"{ \"scenario\": 1, \"name\": \"t\", \"x-a\": { \"k\": [1, -2.5e3, null] },\n"
	"  \"steps\": [\n"
	"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
	"    { \"op\": \"memblock_reserve\", \"note\": \"caf\\u00e9 \xc3\xa9t\xc3\xa9 \\\"q\\\"\",\r\n"
	"      \"base\": 4096, \"size\": true, \"expect\": { \"ret\": 0 } },\n"
	"    [], {}, \"s\", 12, false\n"
	"  ],\n"
	"  \"title\": \"x\" }\n";

static void count_item(void *ctx, const cJSON *item)
{
	(void)item;
	(*(int *)ctx)++;
}

static bool want_steps(void *ctx, const cJSON *root, const char *key)
{
	(void)ctx;
	(void)root;
	return !strcmp(key, "steps");
}

/* Parse @s[0..len) both ways; whether they agree (one diag if not). */
static bool same_parse(const char *s, size_t len, const char *what)
{
	struct json_error e1, e2;
	struct json_doc d1, d2;
	char *b1 = malloc(len + 1), *b2 = malloc(len + 1);
	int items = 0, r1, r2;
	const struct json_stream st = { want_steps, count_item, &items };
	bool same;

	memcpy(b1, s, len);
	memcpy(b2, s, len);
	b1[len] = b2[len] = '\0';
	memset(&e1, 0, sizeof(e1));
	memset(&e2, 0, sizeof(e2));
	r1 = json_parse(b1, len, 64, 1000, &d1, &e1);
	r2 = json_parse_stream(b2, len, 64, 1000, &st, &d2, &e2);
	same = r1 == r2 && (r1 == 0 || (e1.line == e2.line && e1.col == e2.col &&
					!strcmp(e1.msg, e2.msg)));
	if (!same)
		diag("%s: tree %d %d:%d %s; streamed %d %d:%d %s", what, r1, e1.line, e1.col,
		     e1.msg, r2, e2.line, e2.col, e2.msg);
	if (!r1)
		json_doc_free(&d1);
	if (!r2)
		json_doc_free(&d2);
	free(b1);
	free(b2);
	return same;
}

static void test_truncated(void)
{
	size_t len = strlen(text), n;
	int bad = 0;

	for (n = 0; n <= len; n++)
		bad += !same_parse(text, n, "truncated");
	ok(bad == 0, "streamed parse of every prefix (%zu) reports what the tree parse does", len);
}

static void test_bad_tokens(void)
{
	static const char *const tokens[] = {
		"x", "'", ",", "]", "}", "\"", "0", "01", "-", "\\", ":", "[", "{", "\n\"",
		"\x01", "1.", "tru",
	};
	size_t len = strlen(text), at, t, tl;
	char buf[sizeof(text) + 8];
	int bad = 0, runs = 0;

	for (at = 0; at <= len; at++) {
		for (t = 0; t < sizeof(tokens) / sizeof(tokens[0]); t++) {
			tl = strlen(tokens[t]);
			memcpy(buf, text, at);
			memcpy(buf + at, tokens[t], tl);
			memcpy(buf + at + tl, text + at, len - at);
			bad += !same_parse(buf, len + tl, tokens[t]);
			runs++;
		}
	}
	ok(bad == 0, "streamed parse with a bad token at every offset (%d texts) reports what "
	   "the tree parse does", runs);
}

/* Truncated scenarios whose step 0 is wrong: the syntax error is reported. */
static void test_loader_truncated(void)
{
	size_t len = strlen(text), n;
	struct json_error e;
	struct json_doc d;
	char err[1024], want[1024], *b = malloc(len + 1);
	int bad = 0;

	for (n = 1; n < len - 1; n++) {
		memcpy(b, text, n);
		b[n] = '\0';
		/* A cut inside a character is found first, by the text check. */
		if (!json_check_text(b, n, &e) && json_parse(b, n, 64, 1000, &d, &e) == 0) {
			json_doc_free(&d);
			continue;
		}
		snprintf(want, sizeof(want), "t.json:%d:%d: %s", e.line, e.col, e.msg);
		if (scenario_load_buffer("t.json", text, n, err, sizeof(err)) || strcmp(err, want)) {
			if (!bad)
				diag("prefix %zu: got %s; expected %s", n, err, want);
			bad++;
		}
	}
	free(b);
	ok(bad == 0, "the loader reports the syntax error of every truncated file, not its "
	   "bad step 0");
}

static const struct {
	const char *name, *text, *err;
} cases[] = {
	{ "ok",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": \"memblock_phys_alloc\", \"size\": \"4K\", \"align\": \"4K\", \"as\": \"b\", \"expect\": { \"ret\": { \"min\": 0 } } }\n"
		"  ]\n"
		"}\n",
	  "(loaded)" },
	{ "bad_step0",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": \"memblock_phys_alloc\", \"size\": \"4K\", \"align\": \"4K\", \"as\": \"b\", \"expect\": { \"ret\": { \"min\": 0 } } }\n"
		"  ]\n"
		"}\n",
	  "t.json:3:47: steps[0].sise: memblock_add has no argument \"sise\" (did you mean size?); its arguments are base, size" },
	{ "bad_step1",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_add\", \"base\": \"$nope\", \"size\": \"4K\" },\n"
		"    { \"op\": \"memblock_phys_alloc\", \"size\": \"4K\", \"align\": \"4K\", \"as\": \"b\", \"expect\": { \"ret\": { \"min\": 0 } } }\n"
		"  ]\n"
		"}\n",
	  "t.json:4:38: steps[1].base: unknown label '$nope': no earlier step binds it with \"as\"" },
	{ "bad_last",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" }\n"
		"  ]\n"
		"}\n",
	  "t.json:5:47: steps[2].sise: memblock_add has no argument \"sise\" (did you mean size?); its arguments are base, size" },
	{ "notobj_step1",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    17,\n"
		"    { \"op\": \"memblock_phys_alloc\", \"size\": \"4K\", \"align\": \"4K\", \"as\": \"b\", \"expect\": { \"ret\": { \"min\": 0 } } }\n"
		"  ]\n"
		"}\n",
	  "t.json:4:5: steps[1]: expected an object (a step), got 17" },
	{ "bad_then_syntax",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": \"memblock_phys_alloc\", \"size\": \"4K\", \"align\": \"4K\", \"as\": \"b\", \"expect\": { \"ret\": { \"min\": 0 } } }\n"
		"  ]",
	  "t.json:6:4: invalid JSON: expected ',' or '}' after an object member, got end of file" },
	{ "bad_then_syntax_in_steps",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": 0x12 }\n"
		"  ]\n"
		"}\n",
	  "t.json:5:13: invalid number '0x12': hex numbers, units and expressions must be written as a string (\"0x12\")" },
	{ "bad_then_unknown_top",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		"  ]\n"
		",\n"
		"  \"bogus\": 1 }\n",
	  "t.json:7:3: bogus: unknown key; expected scenario, name, title, description, machine, steps, expect, unchecked or $schema (or an x- key, which is ignored)" },
	{ "bad_then_badname",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		"  ]\n"
		",\n"
		"  \"name\": \"X\" }\n",
	  "t.json:7:3: name: duplicate key (first at line 1, column 18)" },
	{ "bad_then_badversion",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		"  ]\n"
		",\n"
		"  \"scenario\": 2 }\n",
	  "t.json:7:3: scenario: duplicate key (first at line 1, column 3)" },
	{ "bad_then_dupsteps",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		"  ]\n"
		",\n"
		"  \"steps\": [] }\n",
	  "t.json:7:3: steps: duplicate key (first at line 2, column 3)" },
	{ "machine_after_ok",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_add_node\", \"base\": \"0x1000\", \"size\": \"4K\", \"nid\": 3, \"flags\": [] }\n"
		"  ]\n"
		",\n"
		"  \"machine\": { \"numa\": true, \"max_numnodes\": 4 } }\n",
	  "(loaded)" },
	{ "machine_after_needed_bad",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_add_node\", \"base\": \"0x1000\", \"size\": \"4K\", \"nid\": 3 }\n"
		"  ]\n"
		",\n"
		"  \"machine\": { \"numa\": true, \"max_numnodes\": 2 } }\n",
	  "t.json:4:73: steps[1].nid: expected a node id 0 to 1 or MAX_NUMNODES (2), got 3" },
	{ "machine_after_bad",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		"  ]\n"
		",\n"
		"  \"machine\": { \"numa\": 3 } }\n",
	  "t.json:7:24: machine.numa: expected true or false, got 3" },
	{ "machine_after_escapes",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"note\": \"caf\\u00e9 \\\"q\\\" \xc3\xa9""t\xc3\xa9""\" }\n"
		"  ]\n"
		",\n"
		"  \"machine\": { \"kernel\": \"6.12\" }, \"title\": \"a\\tb\" }\n",
	  "(loaded)" },
	{ "machine_before_bad",
		"{ \"scenario\": 1, \"name\": \"s\", \"machine\": { \"numa\": 3 },\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"sise\": \"4K\" }\n"
		"  ]\n"
		"}\n",
	  "t.json:1:52: machine.numa: expected true or false, got 3" },
	{ "machine_before_kernel",
		"{ \"scenario\": 1, \"name\": \"s\", \"machine\": { \"kernel\": \"6.1\" },\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_free_late\", \"base\": 0, \"size\": 1 }\n"
		"  ]\n"
		"}\n",
	  "(loaded)" },
	{ "panic_not_last",
		"{ \"scenario\": 1, \"name\": \"s\", \"machine\": { \"kernel\": \"6.12\" },\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_alloc\", \"size\": \"1G\", \"align\": 8, \"expect\": { \"panic\": \"x\" } },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		"  ]\n"
		"}\n",
	  "t.json:5:5: steps: steps[1] expects a kernel panic, which ends the run: it must be the last step" },
	{ "top_expect_label",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": \"memblock_phys_alloc\", \"size\": \"4K\", \"align\": \"4K\", \"as\": \"b\", \"expect\": { \"ret\": { \"min\": 0 } } }\n"
		"  ]\n"
		",\n"
		"  \"expect\": { \"reserved\": { \"regions\": [ { \"base\": \"$b\", \"size\": \"4K\" }, { \"base\": \"0x1000\", \"size\": \"0x100\" } ] } } }\n",
	  "(loaded)" },
	{ "top_expect_label_bad",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": \"memblock_phys_alloc\", \"size\": \"4K\", \"align\": \"4K\", \"as\": \"b\", \"expect\": { \"ret\": { \"min\": 0 } } }\n"
		"  ]\n"
		",\n"
		"  \"expect\": { \"reserved\": { \"regions\": [ { \"base\": \"$zz\", \"size\": \"4K\" } ] } } }\n",
	  "t.json:8:53: expect.reserved.regions[0].base: unknown label '$zz': no earlier step binds it with \"as\"" },
	{ "dup_label",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } },\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" }\n"
		"  ]\n"
		"}\n",
	  "t.json:5:67: steps[2].as: label $a is already bound by steps[0] (line 3)" },
	{ "steps_not_array",
		"{ \"scenario\": 1, \"name\": \"s\", \"steps\": {} }\n",
	  "t.json:1:40: steps: expected an array of steps, got an object" },
	{ "steps_empty",
		"{ \"scenario\": 1, \"name\": \"s\", \"steps\": [ ] }\n",
	  "(loaded)" },
	{ "trailing_comma",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" },\n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		" ,\n"
		"  ]\n"
		"}\n",
	  "t.json:6:3: invalid JSON: expected a value after ',', got ']' (trailing comma)" },
	{ "missing_comma",
		"{ \"scenario\": 1, \"name\": \"s\",\n"
		"  \"steps\": [\n"
		"    { \"op\": \"memblock_add\", \"base\": \"0x1000\", \"size\": \"4K\", \"as\": \"a\" }\n"
		" \n"
		"    { \"op\": \"memblock_reserve\", \"base\": 4096, \"size\": \"0x100\", \"expect\": { \"ret\": 0, \"reserved\": { \"cnt\": 1 } } }\n"
		"  ]\n"
		"}\n",
	  "t.json:5:5: invalid JSON: expected ',' or ']' after an array item, got '{' (is a ',' missing?)" },
	{ "root_array",
		"[ { \"steps\": [ 1, 2 ] } ]\n",
	  "t.json:1:1: expected a JSON object (a scenario), got an array" },
	{ "nested_steps",
		"{ \"scenario\": 1, \"name\": \"s\", \"x-a\": { \"steps\": [ 1 ] }, \"steps\": [ ] }\n",
	  "(loaded)" },
};

static void test_messages(void)
{
	char err[1024];
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct scenario *sc = scenario_load_buffer("t.json", cases[i].text,
							    strlen(cases[i].text), err, sizeof(err));

		is_str(sc ? "(loaded)" : err, cases[i].err, "%s", cases[i].name);
		scenario_free(sc);
	}
}

/* Steps of 2, 4 and 2 arguments, each with its own values. */
static void test_many_steps(void)
{
	enum { N = 3000 };
	size_t cap = (size_t)N * 160 + 256, at;
	char *s = malloc(cap), err[1024];
	struct scenario *sc;
	int i, bad = 0;

	at = (size_t)snprintf(s, cap, "{ \"scenario\": 1, \"name\": \"many\", \"steps\": [\n");
	for (i = 0; i < N; i++) {
		if (i % 3 == 0)
			at += snprintf(s + at, cap - at, "{ \"op\": \"memblock_add\", \"base\": %d, "
				       "\"size\": %d },\n", 4096 * i, i + 1);
		else if (i % 3 == 1)
			at += snprintf(s + at, cap - at, "{ \"op\": \"memblock_phys_alloc_range\", "
				       "\"size\": %d, \"align\": 8, \"start\": %d, \"end\": %d },\n", i,
				       2 * i, 5 * i);
		else
			at += snprintf(s + at, cap - at, "{ \"op\": \"memblock_phys_alloc\", "
				       "\"size\": %d, \"align\": 8, \"as\": \"l%d\" },\n", 3 * i, i);
	}
	snprintf(s + at - 2, cap - at + 2, "\n], \"expect\": { \"current_limit\": \"$l%d\" } }\n",
		 N - 1);
	sc = scenario_load_buffer("t.json", s, strlen(s), err, sizeof(err));
	if (!ok(sc && sc->nr_steps == N, "%d steps load", N)) {
		diag("%s", err);
		free(s);
		return;
	}
	for (i = 0; i < N; i++) {
		const struct step *st = &sc->steps[i];
		uint64_t first = i % 3 == 0 ? 4096u * i : i % 3 == 1 ? (uint64_t)i : 3u * i;

		bad += st->index != i || st->args[0].phys.constant != first ||
		       (i % 3 == 0 && st->args[1].phys.constant != (uint64_t)i + 1) ||
		       (i % 3 == 1 && (st->args[1].phys.constant != 8 ||
				       st->args[2].phys.constant != 2u * i ||
				       st->args[3].phys.constant != 5u * i)) ||
		       (i % 3 == 2 && st->args[1].phys.constant != 8);
	}
	ok(bad == 0, "every step has its own arguments (the blocks grew and moved)");
	ok(sc->expect.current_limit.expr != NULL, "the top level sees the last step's label");
	scenario_free(sc);
	free(s);
}

int main(void)
{
	test_truncated();
	test_bad_tokens();
	test_loader_truncated();
	test_messages();
	test_many_steps();
	return done_testing();
}
