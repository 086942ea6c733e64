// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The scenario loader: reads a scenario file, refuses what is not a small
 * UTF-8 JSON text, parses it with cJSON, and validates everything the
 * format defines before any step runs (doc/scenario-format.md).  This file
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
#include "util/xalloc.h"

#define SCENARIO_MAX_BYTES	(16u << 20)
#define SCENARIO_MAX_DEPTH	64
/* A 16 MiB scenario of short steps has about a million values. */
#define SCENARIO_MAX_VALUES	(2u << 20)

/* cJSON node -> its index in the scanner's table, sorted for bsearch. */
struct node_index {
	const cJSON	*node;
	size_t		idx;
};

static const struct json_pos no_pos;

static int node_cmp(const void *a, const void *b)
{
	const struct node_index *x = a, *y = b;

	return x->node < y->node ? -1 : x->node > y->node;
}

const struct json_pos *ld_pos(const struct loader *ld, const cJSON *n)
{
	struct node_index key = { .node = n }, *hit;

	hit = bsearch(&key, ld->map, ld->nr_map, sizeof(*ld->map), node_cmp);
	return hit && hit->idx < ld->scan.nr ? &ld->scan.vals[hit->idx] : &no_pos;
}

/* Number the nodes in pre-order: document order, as the scanner saw them. */
static void map_nodes(struct loader *ld, const cJSON *n, size_t *count)
{
	const cJSON *c;

	if (*count < ld->scan.nr) {
		ld->map[*count].node = n;
		ld->map[*count].idx = *count;
	}
	(*count)++;
	if (cJSON_IsArray(n) || cJSON_IsObject(n))
		for (c = n->child; c; c = c->next)
			map_nodes(ld, c, count);
}

static int build_map(struct loader *ld, const cJSON *root)
{
	size_t count = 0;

	ld->map = xrealloc(NULL, ld->scan.nr * sizeof(*ld->map));
	map_nodes(ld, root, &count);
	if (count != ld->scan.nr)
		return ld_fail(ld, 0, 0, NULL, "internal error: cJSON saw %zu values where the "
			       "scanner saw %zu", count, ld->scan.nr);
	ld->nr_map = count;
	qsort(ld->map, ld->nr_map, sizeof(*ld->map), node_cmp);
	return 0;
}

/* ---- top level ---- */

static const char *const top_keys[] = {
	"scenario", "name", "title", "description", "machine", "steps", "expect",
};
enum { K_SCENARIO, K_NAME, K_TITLE, K_DESCRIPTION, K_MACHINE, K_STEPS, K_EXPECT, NR_TOP };

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
	if ((k[K_TITLE] && ld_string(ld, k[K_TITLE], "title", &sc->title)) ||
	    (k[K_DESCRIPTION] && ld_string(ld, k[K_DESCRIPTION], "description",
					   &sc->description)))
		return -1;
	if (k[K_MACHINE] && ld_machine(ld, k[K_MACHINE]))
		return -1;
	scenario_expr_consts(&sc->machine, &ld->consts);
	if (!k[K_STEPS])
		return ld_err(ld, root, "steps", "missing: expected an array of steps");
	if (ld_steps(ld, k[K_STEPS], "steps"))
		return -1;
	if (k[K_EXPECT]) {
		ld->visible = sc->nr_steps;
		if (ld_expect(ld, k[K_EXPECT], "expect", &sc->expect, NULL))
			return -1;
	}
	return 0;
}

/* ---- the pipeline ---- */

static void loader_free(struct loader *ld)
{
	json_scan_free(&ld->scan);
	free(ld->map);
	ld->map = NULL;
	ld_labels_free(ld);
}

static struct scenario *load_json(struct loader *ld)
{
	size_t bom = json_bom_len(ld->buf, ld->len);
	struct json_error je;
	const char *end = NULL;
	cJSON *root;
	int line, col;

	if (json_check_text(ld->buf, ld->len, &je) ||
	    json_scan(ld->buf, ld->len, SCENARIO_MAX_DEPTH, SCENARIO_MAX_VALUES, &ld->scan, &je)) {
		ld_fail(ld, je.line, je.col, NULL, "%s", je.msg);
		return NULL;
	}
	/* The length counts the terminating NUL, which cJSON then requires. */
	root = cJSON_ParseWithLengthOpts(ld->buf + bom, ld->len - bom + 1, &end, 1);
	if (!root) {
		/* The scanner accepted the text: this is cJSON running out of memory. */
		line = col = 0;
		if (end >= ld->buf && end <= ld->buf + ld->len)
			json_line_col(ld->buf, ld->len, end - ld->buf, &line, &col);
		ld_fail(ld, line, col, NULL, "cJSON cannot parse the file here (out of memory?)");
		return NULL;
	}
	ld->sc = xzalloc(sizeof(*ld->sc));
	ld->sc->file = xstrdup(ld->file);
	machine_init_default(&ld->sc->machine);
	ld->sc->expect.nr_contents = -1;
	ld->sc->expect.nr_zones = -1;
	if (build_map(ld, root) || load_top(ld, root)) {
		scenario_free(ld->sc);
		ld->sc = NULL;
	}
	cJSON_Delete(root);
	return ld->sc;
}

struct scenario *scenario_load_buffer(const char *name, const char *buf, size_t len,
				      char *err, int errlen)
{
	struct loader ld = { .file = name ? name : "(buffer)", .err = err, .errlen = errlen };
	struct scenario *sc;
	char *copy;

	if (err && errlen > 0)
		err[0] = '\0';
	if (!buf || len == 0) {
		ld_fail(&ld, 0, 0, NULL, "empty file, expected a JSON scenario");
		return NULL;
	}
	if (len > SCENARIO_MAX_BYTES) {
		ld_fail(&ld, 0, 0, NULL, "too large (%zu bytes): a scenario file is at most "
			"16 MiB", len);
		return NULL;
	}
	copy = xrealloc(NULL, len + 1);
	memcpy(copy, buf, len);
	copy[len] = '\0';
	ld.buf = copy;
	ld.len = len;
	sc = load_json(&ld);
	loader_free(&ld);
	free(copy);
	return sc;
}

struct scenario *scenario_load(const char *file, char *err, int errlen)
{
	struct loader ld = { .file = file, .err = err, .errlen = errlen };
	struct scenario *sc;
	size_t len = 0, alloc;
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
			"16 MiB", (intmax_t)st.st_size);
		close(fd);
		return NULL;
	}
	/* Read to the end, one byte past the limit at most: the file may grow meanwhile. */
	alloc = (size_t)st.st_size + 1;
	buf = xrealloc(NULL, alloc);
	while (len <= SCENARIO_MAX_BYTES) {
		if (len == alloc) {
			alloc = 2 * alloc > SCENARIO_MAX_BYTES + 1 ? SCENARIO_MAX_BYTES + 1 : 2 * alloc;
			buf = xrealloc(buf, alloc);
		}
		got = read(fd, buf + len, alloc - len);
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
	}
	close(fd);
	sc = scenario_load_buffer(file, buf, len, err, errlen);
	free(buf);
	return sc;
}

/* ---- freeing ---- */

static void free_step(struct step *st)
{
	int i;

	for (i = 0; i < OP_MAX_ARGS; i++) {
		ld_free_value(&st->args[i].phys);
		ld_free_pos(&st->args[i].pos);
	}
	free(st->as);
	free(st->note);
	ld_free_expect(&st->expect);
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
	ld_free_expect(&sc->expect);
	free(sc->file);
	free(sc->name);
	free(sc->title);
	free(sc->description);
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
