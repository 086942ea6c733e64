/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Internals of the scenario loader, shared by scenario.c (file, JSON, top
 * level, machine), scenario_steps.c and scenario_expect.c.  Every check
 * reports the first problem as one line "FILE:LINE:COL: PATH: message" and
 * returns -1; the caller unwinds and the loader returns NULL.
 */
#ifndef MBVIZ_SCENARIO_LOAD_H
#define MBVIZ_SCENARIO_LOAD_H

#include <cjson/cJSON.h>

#include "json_pos.h"
#include "scenario.h"

struct label_table;

struct loader {
	const char		*file;
	char			*buf;		/* the text, NUL-terminated; json_parse()
						   ends its strings in place */
	size_t			len;
	struct json_doc		doc;
	char			*err;
	int			errlen;
	struct scenario		*sc;
	struct expr_env		consts;		/* the machine's, once it is loaded */
	struct label_table	*labels;
	int			visible;	/* labels bound by steps before this one */
	size_t			nr_args;	/* of sc->args, given to steps so far */
	size_t			cap_steps, cap_args;	/* room in sc->steps, sc->args */
	size_t			steps_off;	/* where the first step begins */
	/* The steps are loaded one by one as the parser reads them (streamed): */
	bool			no_stream;	/* unless this is set: parse the whole tree */
	bool			streamed;	/* "steps" was loaded while parsing */
	bool			machine_early;	/* "machine" came first, loaded for the steps */
	bool			restart;	/* "machine" came after: parse again, no stream */
	bool			steps_failed;	/* a step failed; its message: */
	char			*steps_err;
};

/* Where @n is in the file (never NULL). */
const struct json_pos *ld_pos(const struct loader *ld, const cJSON *n);

/* Write "FILE:LINE:COL: PATH: message" (PATH omitted when empty); returns -1. */
__attribute__((format(printf, 5, 6)))
int ld_fail(struct loader *ld, int line, int col, const char *path, const char *fmt, ...);
/* The same at the position of the value @n, or of its key. */
__attribute__((format(printf, 4, 5)))
int ld_err(struct loader *ld, const cJSON *n, const char *path, const char *fmt, ...);
__attribute__((format(printf, 4, 5)))
int ld_err_key(struct loader *ld, const cJSON *n, const char *path, const char *fmt, ...);

/* @s JSON-escaped in double quotes, cut after @max characters. */
void ld_quote(char *buf, int len, const char *s, int max);
/* "got ..." text for a value: 12, "abc", true, an object, ... */
const char *ld_describe(const struct loader *ld, const cJSON *n, char *buf, int len);

/* Paths in the JSON-path style of the format: "steps[3].size". */
char *ld_key_path(const char *parent, const char *key);
char *ld_index_path(const char *parent, int i);
/* The same into @buf (cut to @len), for the paths of every step: no printf, no malloc. */
#define LD_PATH_LEN	160	/* room for any path the format's nesting makes */
void ld_index_path_buf(char *buf, int len, const char *parent, int i);
void ld_key_path_buf(char *buf, int len, const char *parent, const char *key);
/* The same for a key of the format's own tables, known to need no quoting. */
void ld_field_path(char *buf, int len, const char *parent, const char *key);
/* Fill @p with @n's position and a copy of @path (none for NULL). */
void ld_set_pos(const struct loader *ld, struct src_pos *p, const cJSON *n, const char *path);

/*
 * Check the members of object @obj against the @n keys in @names: store
 * each one's value in @found[i] (NULL when absent).  Keys beginning with
 * "x-" are ignored.  Returns 0; -1 after reporting a duplicate key; 1 with
 * *@unknown set to the first unknown member, for the caller to report.
 */
int ld_members(struct loader *ld, const cJSON *obj, const char *path,
	       const char *const *names, int n, const cJSON **found, const cJSON **unknown);
/* Report an unknown member: "unknown key (did you mean X?); expected one of ...". */
int ld_unknown_key(struct loader *ld, const cJSON *member, const char *path,
		   const char *const *names, int n);
/* Like ld_members, reporting unknown keys with ld_unknown_key. */
int ld_object(struct loader *ld, const cJSON *obj, const char *path,
	      const char *const *names, int n, const cJSON **found);

/* Value flags. */
#define LD_CONST	0x1	/* must be known at load time */
#define LD_WIDE		0x2	/* 64-bit arithmetic whatever the machine (zone ends) */
#define LD_NO_PATH	0x4	/* store no path with the value (a step's argument) */

/* An address/size/limit: a JSON integer or an expression string. */
int ld_phys(struct loader *ld, const cJSON *n, const char *path, unsigned int flags,
	    struct value *v);
/* A JSON integer in [@min, @max] (no expressions), as for versions and node ids. */
int ld_int(struct loader *ld, const cJSON *n, const char *path, int64_t min, int64_t max,
	   int64_t *out);
/* A count: a JSON integer or a constant expression, in [@min, @max]. */
int ld_count(struct loader *ld, const cJSON *n, const char *path, uint64_t min,
	     uint64_t max, uint64_t *out);
int ld_bool(struct loader *ld, const cJSON *n, const char *path, bool *out);
/* A string; @out is a copy (may be NULL to only check the type). */
int ld_string(struct loader *ld, const cJSON *n, const char *path, char **out);
/* Region flags: a name or an array of names. */
int ld_flags(struct loader *ld, const cJSON *n, const char *path, unsigned int *out);
/* A node id: integer, "NUMA_NO_NODE" or "MAX_NUMNODES", checked against the range. */
int ld_nid(struct loader *ld, const cJSON *n, const char *path, bool allow_no_node,
	   bool allow_max, int *out);

/* The machine (scenario_machine.c), steps (scenario_steps.c), expectations (scenario_expect.c). */
int ld_machine(struct loader *ld, const cJSON *n);
int ld_steps(struct loader *ld, const cJSON *n, const char *path);
/* The next step, item @n of "steps"; ld_steps_done() after the last. */
int ld_step_item(struct loader *ld, const cJSON *n);
void ld_steps_done(struct loader *ld);
int ld_expect(struct loader *ld, const cJSON *n, const char *path, struct expect *e,
	      const struct op_spec *spec);
/* Whether $name is bound by a step before ld->visible (expr_parse's callback). */
bool ld_label_visible(void *ctx, const char *name);
void ld_labels_free(struct loader *ld);

void ld_free_pos(struct src_pos *p);
void ld_free_value(struct value *v);
void ld_free_expect(struct expect *e);

#endif
