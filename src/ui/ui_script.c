// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Key scripts for the UI's test mode: what a user would type, one command
 * a line, read whole before curses starts so that a bad script is an
 * error in the shell, not a garbled screen.
 *
 *   # a comment
 *   key n n p            keys by name: a character, Space Enter Tab BTab
 *                        Esc Backspace Left Right Up Down Home End PgUp
 *                        PgDn F1..F12, C-a..C-z
 *   type 0x7b000000      every character of the rest of the line
 *   resize 100x30        the terminal changes size
 *   click COL ROW        mouse button 1 at a screen cell (0-based)
 *   wheel up|down COL ROW
 *   tick [N]             N play timer expiries (default 1)
 *   dump [TITLE]         append the screen to the dump file
 *
 * After the last command the UI quits as if q had been pressed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util/xalloc.h"

struct ui_script {
	int		nr, alloc, pos;
	struct ui_event	*ev;
	char		**titles;
};

static const struct {
	const char	*name;
	int		key;
} key_names[] = {
	{ "Space", ' ' }, { "Enter", '\r' }, { "Tab", '\t' }, { "BTab", KEY_BTAB },
	{ "Esc", 27 }, { "Backspace", KEY_BACKSPACE }, { "Left", KEY_LEFT },
	{ "Right", KEY_RIGHT }, { "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Home", KEY_HOME },
	{ "End", KEY_END }, { "PgUp", KEY_PPAGE }, { "PgDn", KEY_NPAGE },
};

static int key_code(const char *name)
{
	size_t i;
	int n;

	if (strlen(name) == 1 && name[0] > 0x20 && name[0] < 0x7f)
		return name[0];
	for (i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++)
		if (!strcmp(name, key_names[i].name))
			return key_names[i].key;
	if (name[0] == 'F' && sscanf(name + 1, "%d", &n) == 1 && n >= 1 && n <= 12)
		return KEY_F(n);
	if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && !name[3])
		return name[2] & 0x1f;
	return -1;
}

static struct ui_event *push(struct ui_script *s, enum ui_event_kind kind)
{
	if (s->nr == s->alloc) {
		s->alloc = s->alloc ? 2 * s->alloc : 64;
		s->ev = xrealloc(s->ev, s->alloc * sizeof(*s->ev));
		s->titles = xrealloc(s->titles, s->alloc * sizeof(*s->titles));
	}
	memset(&s->ev[s->nr], 0, sizeof(s->ev[s->nr]));
	s->titles[s->nr] = NULL;
	s->ev[s->nr].kind = kind;
	return &s->ev[s->nr++];
}

static int cmd_keys(struct ui_script *s, char *args, char *err, int errlen)
{
	char *tok, *save = NULL;
	int n = 0;

	for (tok = strtok_r(args, " \t", &save); tok; tok = strtok_r(NULL, " \t", &save)) {
		int k = key_code(tok);

		if (k < 0) {
			snprintf(err, errlen, "unknown key '%.40s'", tok);
			return -1;
		}
		push(s, EV_KEY)->key = k;
		n++;
	}
	if (!n) {
		snprintf(err, errlen, "'key' needs at least one key");
		return -1;
	}
	return 0;
}

static int cmd_mouse(struct ui_script *s, const char *cmd, const char *args, char *err,
		     int errlen)
{
	struct ui_event *ev;
	char dir[8] = "";
	int x, y, button = 1;

	if (!strcmp(cmd, "wheel")) {
		if (sscanf(args, "%7s %d %d", dir, &x, &y) != 3 ||
		    (strcmp(dir, "up") && strcmp(dir, "down"))) {
			snprintf(err, errlen, "usage: wheel up|down COL ROW");
			return -1;
		}
		button = !strcmp(dir, "up") ? 4 : 5;
	} else if (sscanf(args, "%d %d", &x, &y) != 2) {
		snprintf(err, errlen, "usage: click COL ROW");
		return -1;
	}
	ev = push(s, EV_MOUSE);
	ev->x = x;
	ev->y = y;
	ev->button = button;
	return 0;
}

static int command(struct ui_script *s, char *line, char *err, int errlen)
{
	char *args = line + strcspn(line, " \t");
	int n;

	if (*args)
		*args++ = 0;
	args += strspn(args, " \t");
	if (!strcmp(line, "key"))
		return cmd_keys(s, args, err, errlen);
	if (!strcmp(line, "type")) {
		for (; *args; args++)
			push(s, EV_KEY)->key = (unsigned char)*args;
		return 0;
	}
	if (!strcmp(line, "click") || !strcmp(line, "wheel"))
		return cmd_mouse(s, line, args, err, errlen);
	if (!strcmp(line, "resize")) {
		struct ui_event *ev = push(s, EV_RESIZE);
		char x;

		if (sscanf(args, "%d%c%d", &ev->cols, &x, &ev->rows) != 3 || x != 'x' ||
		    ev->cols < 1 || ev->rows < 1 || ev->cols > 1000 || ev->rows > 1000) {
			snprintf(err, errlen, "usage: resize COLSxROWS");
			return -1;
		}
		return 0;
	}
	if (!strcmp(line, "tick")) {
		n = *args ? atoi(args) : 1;
		if (n < 1 || n > 100000) {
			snprintf(err, errlen, "usage: tick [N]");
			return -1;
		}
		while (n--)
			push(s, EV_TICK);
		return 0;
	}
	if (!strcmp(line, "dump")) {
		push(s, EV_DUMP);
		s->titles[s->nr - 1] = xstrdup(args);
		return 0;
	}
	snprintf(err, errlen, "unknown command '%.40s'", line);
	return -1;
}

struct ui_script *ui_script_load(const char *file, char *err, int errlen)
{
	struct ui_script *s;
	char line[1024], msg[1100];
	FILE *f = fopen(file, "r");
	int lineno = 0;

	if (!f) {
		snprintf(err, errlen, "%s: cannot open the key script", file);
		return NULL;
	}
	s = xzalloc(sizeof(*s));
	while (fgets(line, sizeof(line), f)) {
		size_t len = strcspn(line, "\r\n");

		lineno++;
		line[len] = 0;
		while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
			line[--len] = 0;
		if (!line[0] || line[0] == '#')
			continue;
		if (command(s, line, msg, sizeof(msg))) {
			snprintf(err, errlen, "%s:%d: %s", file, lineno, msg);
			fclose(f);
			ui_script_free(s);
			return NULL;
		}
	}
	fclose(f);
	return s;
}

void ui_script_free(struct ui_script *s)
{
	int i;

	if (!s)
		return;
	for (i = 0; i < s->nr; i++)
		free(s->titles[i]);
	free(s->titles);
	free(s->ev);
	free(s);
}

void ui_script_event(struct ui_script *s, struct ui_event *ev)
{
	if (s->pos >= s->nr) {
		ev->kind = EV_END;
		return;
	}
	*ev = s->ev[s->pos];
	ev->title = s->titles[s->pos];
	s->pos++;
}

bool ui_script_peek(const struct ui_script *s, struct ui_event *ev)
{
	if (s->pos >= s->nr)
		return false;
	*ev = s->ev[s->pos];
	ev->title = s->titles[s->pos];
	return true;
}
