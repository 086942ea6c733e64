// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The scenario loader: reads a scenario file, refuses what is not a UTF-8
 * JSON text of at most 1 GiB, parses it once with positions (json_pos.c),
 * and validates everything the
 * format defines before any step runs (doc/scenario-format.md).  The
 * steps are streamed: each is loaded as soon as it is parsed, and its
 * parse nodes freed, so a large scenario never has its whole tree in
 * memory; its first error is kept until the checks that come before the
 * steps have run, so that what is reported does not change.  This file
 * holds the pipeline, the top level and the machine; steps and
 * expectations live in scenario_steps.c and scenario_expect.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scenario_load.h"
#include "util/hugepages.h"
#include "util/xalloc.h"

#define SCENARIO_MAX_BYTES	(1u << 30)
#define SCENARIO_MAX_DEPTH	64
/*
 * A 1 GiB scenario of short steps (about 70 bytes and 4 values each) has
 * about 60 million values; a file of bare numbers could have far more,
 * each costing a node.
 */
#define SCENARIO_MAX_VALUES	(128u << 20)

static const struct json_pos no_pos;

const struct json_pos *ld_pos(const struct loader *ld, const cJSON *n)
{
	(void)ld;
	return n ? json_node_pos(n) : &no_pos;
}

/* ---- top level ---- */

static const char *const top_keys[] = {
	"scenario", "name", "title", "description", "machine", "steps", "expect", "unchecked",
	"$schema",
};
enum {
	K_SCENARIO, K_NAME, K_TITLE, K_DESCRIPTION, K_MACHINE, K_STEPS, K_EXPECT, K_UNCHECKED,
	K_SCHEMA, NR_TOP
};

static bool valid_name(const char *s)
{
	if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
		return false;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '_' || *s == '-'))
			return false;
	return true;
}

const char *const *scenario_top_keys(int *n)
{
	*n = NR_TOP;
	return top_keys;
}

/* The format version comes first: a newer file fails on it, not on its new keys. */
static int load_version(struct loader *ld, const cJSON *root)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(root, "scenario");
	char got[96];
	int64_t version;

	if (!v)
		return ld_err(ld, root, "scenario", "missing: expected the format version, 1");
	ld_describe(ld, v, got, sizeof(got));
	if (!cJSON_IsNumber(v))
		return ld_err(ld, v, "scenario", "expected the integer 1, got %s", got);
	if (ld_int(ld, v, "scenario", INT64_MIN, INT64_MAX, &version))
		return -1;
	if (version != 1)
		return ld_err(ld, v, "scenario", "expected 1 (the only version of the format), "
			      "got %s", got);
	return 0;
}

/* "unchecked": what the expectations leave out, one string each; check prints them. */
static int load_unchecked(struct loader *ld, const cJSON *a)
{
	struct scenario *sc = ld->sc;
	const cJSON *item;
	char got[96], path[32];

	if (!cJSON_IsArray(a))
		return ld_err(ld, a, "unchecked", "expected an array of strings, got %s",
			      ld_describe(ld, a, got, sizeof(got)));
	sc->unchecked = xzalloc((size_t)cJSON_GetArraySize(a) * sizeof(*sc->unchecked) + 1);
	cJSON_ArrayForEach(item, a) {
		snprintf(path, sizeof(path), "unchecked[%d]", sc->nr_unchecked);
		if (ld_string(ld, item, path, &sc->unchecked[sc->nr_unchecked]))
			return -1;
		sc->nr_unchecked++;
	}
	return 0;
}

static int load_top(struct loader *ld, const cJSON *root)
{
	struct scenario *sc = ld->sc;
	const cJSON *k[NR_TOP];
	char got[96];

	if (!cJSON_IsObject(root))
		return ld_err(ld, root, NULL, "expected a JSON object (a scenario), got %s",
			      ld_describe(ld, root, got, sizeof(got)));
	if (load_version(ld, root) || ld_object(ld, root, "", top_keys, NR_TOP, k))
		return -1;
	if (!k[K_NAME])
		return ld_err(ld, root, "name", "missing: expected a short identifier such as "
			      "\"free-late-deferred\"");
	if (ld_string(ld, k[K_NAME], "name", &sc->name))
		return -1;
	if (!valid_name(sc->name))
		return ld_err(ld, k[K_NAME], "name", "expected [a-z0-9][a-z0-9._-]*, got %s",
			      ld_describe(ld, k[K_NAME], got, sizeof(got)));
	/* "$schema" is for editors (doc/scenario-format.md): a string, otherwise unused. */
	if (k[K_SCHEMA] && !cJSON_IsString(k[K_SCHEMA]))
		return ld_err(ld, k[K_SCHEMA], "$schema", "expected a string (the schema's URI), "
			      "got %s", ld_describe(ld, k[K_SCHEMA], got, sizeof(got)));
	if ((k[K_TITLE] && ld_string(ld, k[K_TITLE], "title", &sc->title)) ||
	    (k[K_DESCRIPTION] && ld_string(ld, k[K_DESCRIPTION], "description",
					   &sc->description)))
		return -1;
	/* Steps streamed for the default machine, and then a machine: again, whole. */
	if (k[K_MACHINE] && ld->streamed && !ld->machine_early) {
		ld->restart = true;
		return -1;
	}
	if (k[K_MACHINE] && !ld->machine_early && ld_machine(ld, k[K_MACHINE]))
		return -1;
	scenario_expr_consts(&sc->machine, &ld->consts);
	if (!k[K_STEPS])
		return ld_err(ld, root, "steps", "missing: expected an array of steps");
	if (ld->streamed && ld->steps_failed) {
		/* The first step that failed, reported now, after the checks before it. */
		if (ld->err && ld->errlen > 0)
			snprintf(ld->err, ld->errlen, "%s", ld->steps_err ? ld->steps_err : "");
		return -1;
	}
	if (ld->streamed)
		ld_steps_done(ld);
	else if (ld_steps(ld, k[K_STEPS], "steps"))
		return -1;
	if (k[K_EXPECT]) {
		ld->visible = sc->nr_steps;
		if (ld_expect(ld, k[K_EXPECT], "expect", &sc->expect, NULL))
			return -1;
	}
	if (k[K_UNCHECKED] && load_unchecked(ld, k[K_UNCHECKED]))
		return -1;
	return 0;
}

/* ---- the pipeline ---- */

static void loader_free(struct loader *ld)
{
	json_doc_free(&ld->doc);
	ld_labels_free(ld);
	free(ld->steps_err);
	ld->steps_err = NULL;
}

/*
 * The parser found "steps": stream it if the machine its steps are loaded
 * for is known, the one before it or the default (then load_top() starts
 * again if a machine comes after).  A machine that fails is reported in
 * its turn: the steps wait for it, in the tree.
 */
static bool stream_want(void *ctx, const cJSON *root, const char *key)
{
	struct loader *ld = ctx;
	const cJSON *m;

	if (ld->no_stream || ld->streamed || strcmp(key, "steps"))
		return false;
	m = cJSON_GetObjectItemCaseSensitive(root, "machine");
	if (m && ld_machine(ld, m)) {
		machine_init_default(&ld->sc->machine);
		if (ld->err && ld->errlen > 0)
			ld->err[0] = '\0';
		return false;
	}
	ld->machine_early = m != NULL;
	scenario_expr_consts(&ld->sc->machine, &ld->consts);
	ld->streamed = true;
	return true;
}

static void stream_item(void *ctx, const cJSON *item)
{
	struct loader *ld = ctx;

	if (ld->steps_failed || !ld_step_item(ld, item))
		return;
	ld->steps_failed = true;
	ld->steps_err = ld->err && ld->errlen > 0 ? xstrdup(ld->err) : NULL;
}

static struct scenario *new_scenario(const char *file)
{
	struct scenario *sc = xzalloc(sizeof(*sc));

	sc->file = xstrdup(file);
	machine_init_default(&sc->machine);
	sc->expect.nr_contents = -1;
	sc->expect.nr_zones = -1;
	return sc;
}

static struct scenario *load_json(struct loader *ld)
{
	const struct json_stream stream = { stream_want, stream_item, ld };
	struct json_error je;

	if (json_check_text(ld->buf, ld->len, &je)) {
		ld_fail(ld, je.line, je.col, NULL, "%s", je.msg);
		return NULL;
	}
again:
	ld->sc = new_scenario(ld->file);
	if (json_parse_stream(ld->buf, ld->len, SCENARIO_MAX_DEPTH, SCENARIO_MAX_VALUES,
			      &stream, &ld->doc, &je)) {
		ld_fail(ld, je.line, je.col, NULL, "%s", je.msg);
	} else if (!load_top(ld, ld->doc.root)) {
		return ld->sc;
	} else if (ld->restart) {
		json_restore_text(ld->buf, ld->len);
		scenario_free(ld->sc);
		loader_free(ld);
		ld->nr_args = ld->cap_steps = ld->cap_args = 0;
		ld->streamed = ld->machine_early = ld->restart = ld->steps_failed = false;
		ld->no_stream = true;
		goto again;
	}
	scenario_free(ld->sc);
	ld->sc = NULL;
	return NULL;
}

/* Whether there is text, and not too much: else report it. */
static bool length_ok(struct loader *ld, bool present, size_t len)
{
	if (!present || len == 0) {
		ld_fail(ld, 0, 0, NULL, "empty file, expected a JSON scenario");
		return false;
	}
	if (len > SCENARIO_MAX_BYTES) {
		ld_fail(ld, 0, 0, NULL, "too large (%zu bytes): a scenario file is at most "
			"1 GiB", len);
		return false;
	}
	return true;
}

/* Load @len bytes of @text, which has a NUL after them (its strings end in place). */
static struct scenario *load_text(struct loader *ld, char *text, size_t len)
{
	struct scenario *sc;

	if (!length_ok(ld, text != NULL, len))
		return NULL;
	ld->buf = text;
	ld->len = len;
	sc = load_json(ld);
	loader_free(ld);
	return sc;
}

struct scenario *scenario_load_buffer(const char *name, const char *buf, size_t len,
				      char *err, int errlen)
{
	struct loader ld = { .file = name ? name : "(buffer)", .err = err, .errlen = errlen };
	struct scenario *sc;
	char *copy;

	if (err && errlen > 0)
		err[0] = '\0';
	if (!length_ok(&ld, buf != NULL, len))
		return NULL;
	copy = xrealloc(NULL, len + 1);
	memcpy(copy, buf, len);
	copy[len] = '\0';
	sc = load_text(&ld, copy, len);
	free(copy);
	return sc;
}

struct scenario *scenario_load(const char *file, char *err, int errlen)
{
	struct loader ld = { .file = file, .err = err, .errlen = errlen };
	struct scenario *sc;
	size_t len = 0, alloc, want;
	struct stat st;
	ssize_t got;
	char *buf;
	int fd;

	if (err && errlen > 0)
		err[0] = '\0';
	/* Non-blocking, so that a FIFO given by mistake cannot hang us. */
	fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		ld_fail(&ld, 0, 0, NULL, "cannot open: %s", strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st)) {
		ld_fail(&ld, 0, 0, NULL, "cannot read: %s", strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode) || !S_ISREG(st.st_mode)) {
		ld_fail(&ld, 0, 0, NULL, "%s, expected a scenario file",
			S_ISDIR(st.st_mode) ? "is a directory" : "not a regular file");
		close(fd);
		return NULL;
	}
	if (st.st_size > SCENARIO_MAX_BYTES) {
		ld_fail(&ld, 0, 0, NULL, "too large (%jd bytes): a scenario file is at most "
			"1 GiB", (intmax_t)st.st_size);
		close(fd);
		return NULL;
	}
	/*
	 * Read to the end, one byte past the limit at most: the file may grow
	 * meanwhile.  One byte more is kept for the NUL the parser expects.
	 * A regular file reads short only at its end: then no read of 0 bytes
	 * is needed to see it (one system call less for each small file).
	 */
	alloc = (size_t)st.st_size + 2;
	buf = xrealloc(NULL, alloc);
	hugepages_advise(buf, alloc);
	while (len <= SCENARIO_MAX_BYTES) {
		if (len + 1 == alloc) {
			alloc = 2 * alloc > SCENARIO_MAX_BYTES + 2 ? SCENARIO_MAX_BYTES + 2 : 2 * alloc;
			buf = xrealloc(buf, alloc);
		}
		want = alloc - 1 - len;
		got = read(fd, buf + len, want);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			ld_fail(&ld, 0, 0, NULL, "cannot read: %s", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (got == 0)
			break;
		len += got;
		if ((size_t)got < want)
			break;
	}
	close(fd);
	buf[len] = '\0';
	sc = load_text(&ld, buf, len);
	free(buf);
	return sc;
}

const char *step_path(const struct step *st, int arg, char *buf, int len)
{
	if (arg < 0)
		snprintf(buf, len, "steps[%d]", st->index);
	else
		snprintf(buf, len, "steps[%d].%s", st->index, st->spec->args[arg].name);
	return buf;
}

/* ---- freeing ---- */

static void free_step(struct step *st)
{
	int i;

	for (i = 0; st->args && i < st->spec->nargs; i++) {
		ld_free_value(&st->args[i].phys);
		if (st->spec->args[i].kind == ARG_STRING)
			free((char *)st->args[i].v.string);
	}
	free(st->as);
	free(st->note);
	if (st->expect)
		ld_free_expect(st->expect);
	free(st->expect);
	ld_free_pos(&st->pos);
}

void scenario_free(struct scenario *sc)
{
	int i;

	if (!sc)
		return;
	for (i = 0; i < sc->nr_steps; i++)
		free_step(&sc->steps[i]);
	free(sc->steps);
	free(sc->args);
	ld_free_expect(&sc->expect);
	free(sc->file);
	free(sc->name);
	free(sc->title);
	free(sc->description);
	for (i = 0; i < sc->nr_unchecked; i++)
		free(sc->unchecked[i]);
	free(sc->unchecked);
	free(sc);
}

void scenario_expr_consts(const struct machine *m, struct expr_env *env)
{
	memset(env, 0, sizeof(*env));
	env->phys_max = machine_phys_max(m);
	env->page_size = m->page_size;
	env->smp_cache_bytes = m->smp_cache_bytes;
	env->low_address_limit = m->low_address_limit;
}

int scenario_step_arg(const struct scenario *sc, const char *arg, const char *cmd)
{
	const char *label = arg;
	int i;

	if (!label)
		return sc->nr_steps;
	if (*label && strspn(label, "0123456789") == strlen(label)) {
		long n = strlen(label) > 9 ? -1 : atol(label);

		if (n < 0 || n > sc->nr_steps) {
			fprintf(stderr, "mbviz: %s: %s: --step %s: the scenario has steps 0 to %d\n",
				cmd, sc->file, label, sc->nr_steps);
			return -1;
		}
		return (int)n;
	}
	if (*label == '$')
		label++;
	for (i = 0; i < sc->nr_steps; i++)
		if (sc->steps[i].as && !strcmp(sc->steps[i].as, label))
			return i + 1;
	fprintf(stderr, "mbviz: %s: %s: no step is labelled '%s' (its \"as\")\n", cmd, sc->file,
		arg);
	return -1;
}
