// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The terminal side of the UI: curses on the real terminal or, in the test
 * mode, on /dev/null at a fixed size; colours (or none: NO_COLOR,
 * --no-color, a terminal without them); UTF-8 or ASCII from the locale;
 * the mouse; writing cells and text; dumping the screen as text.
 *
 * Reading the screen back (for the test mode's dumps) uses curses' own
 * copy of stdscr, so a dump shows exactly what was drawn, clipping and
 * overdrawing included.
 */
#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "ui.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#if defined(NCURSES_WIDECHAR) && NCURSES_WIDECHAR
#define UI_WIDE 1
#else
#define UI_WIDE 0
#endif

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	(void)sig;
	got_signal = 1;
}

/* Ctrl-C and kill end the UI through the normal exit, terminal restored. */
static void catch_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static bool locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return UI_WIDE && cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

static bool no_color_env(void)
{
	const char *v = getenv("NO_COLOR");

	/* no-color.org: present and not empty. */
	return v && *v;
}

/*
 * One colour pair per style, foreground only.  Without colours, the
 * styles keep their bold, dim and reverse, which is enough to tell the
 * highlights apart; the bands differ by their characters anyway.
 */
static void setup_styles(struct ui *u, bool want_color)
{
	short bg = -1;
	int s;

	u->color = want_color && has_colors() && start_color() == OK && COLORS >= 8 &&
		   COLOR_PAIRS > NR_RENDER_STYLES;
	if (u->color && use_default_colors() != OK)
		bg = COLOR_BLACK;
	for (s = 0; s < NR_RENDER_STYLES; s++) {
		const struct render_color_spec *c = render_style_color(s);
		chtype a = A_NORMAL;

		if (c->bold)
			a |= A_BOLD;
		if (c->dim)
			a |= A_DIM;
		if (c->reverse)
			a |= A_REVERSE;
		if (u->color && c->fg >= 0) {
			init_pair(s + 1, c->fg, bg);
			a |= COLOR_PAIR(s + 1);
		} else if (u->color && bg != -1) {
			init_pair(s + 1, COLOR_WHITE, bg);
			a |= COLOR_PAIR(s + 1);
		}
		u->style_attr[s] = a;
	}
}

static void setup_mouse(struct ui *u, const struct ui_options *o)
{
	u->mouse = !o->no_mouse;
	if (!u->mouse || o->script)
		return;
	/* Presses, not clicks: a click would wait for the release. */
	if (!mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL))
		u->mouse = false;
	mouseinterval(0);
}

/* The terminal has cursor addressing (cup): what a full-screen UI needs. */
static bool can_address(void)
{
	const char *cup = tigetstr("cup");

	return cup && cup != (const char *)-1 && !tigetflag("hc");
}

int ui_term_open(struct ui *u, const struct ui_options *o, char *err, int errlen)
{
	const char *term = NULL;

	if (o->script) {
		term = getenv("MBVIZ_UI_TERM");
		if (!term || !*term)
			term = "xterm";
		u->tout = fopen("/dev/null", "w");
		u->tin = fopen("/dev/null", "r");
		if (!u->tout || !u->tin) {
			snprintf(err, errlen, "/dev/null: %s", strerror(errno));
			return -1;
		}
		u->screen = newterm(term, u->tout, u->tin);
	} else {
		u->screen = newterm(NULL, stdout, stdin);
	}
	if (!u->screen) {
		term = term ? term : getenv("TERM");
		snprintf(err, errlen, "cannot use the terminal '%s' (is TERM right?)",
			 term ? term : "");
		return -1;
	}
	set_term(u->screen);
	/*
	 * A terminal that cannot place the cursor (TERM=dumb, emacs' shell
	 * buffers, hard-copy entries) would get the key bar only, prompts
	 * printed over each other.  The UI refuses it in one line: a
	 * line-by-line fallback would be a second UI, and `mbviz run` and
	 * `mbviz snapshot` already are the text views.
	 */
	if (!can_address()) {
		term = term ? term : getenv("TERM");
		ui_term_close(u);
		snprintf(err, errlen, "the terminal '%s' cannot move the cursor, which the UI "
			 "needs: set TERM to the terminal's type (xterm-256color, linux, ...), "
			 "or use 'mbviz run' or 'mbviz snapshot' for text output",
			 term && *term ? term : "(TERM unset)");
		return -1;
	}
	if (o->script)
		resizeterm(o->rows, o->cols);
	u->utf8 = locale_is_utf8();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	setup_styles(u, !o->no_color && (o->force_color || !no_color_env()));
	setup_mouse(u, o);
	if (!o->script)
		catch_signals();
	u->interrupted = (volatile int *)&got_signal;
	u->rows = LINES;
	u->cols = COLS;
	return 0;
}

void ui_term_close(struct ui *u)
{
	if (!u->screen)
		return;
	endwin();
	delscreen(u->screen);
	u->screen = NULL;
	if (u->tout)
		fclose(u->tout);
	if (u->tin)
		fclose(u->tin);
	u->tout = u->tin = NULL;
}

bool ui_term_resize(struct ui *u, int cols, int rows)
{
	if (cols > 0 && rows > 0 && (cols != COLS || rows != LINES))
		resizeterm(rows, cols);
	u->rows = LINES;
	u->cols = COLS;
	return true;
}

static void mouse_event(struct ui_event *ev)
{
	MEVENT me;

	ev->kind = EV_KEY;
	ev->key = ERR;
	if (getmouse(&me) != OK)
		return;
	if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		ev->button = 1;
	else if (me.bstate & BUTTON4_PRESSED)
		ev->button = 4;
#ifdef BUTTON5_PRESSED
	else if (me.bstate & BUTTON5_PRESSED)
		ev->button = 5;
#endif
	else
		return;
	ev->kind = EV_MOUSE;
	ev->x = me.x;
	ev->y = me.y;
}

void ui_term_event(struct ui *u, int timeout_ms, struct ui_event *ev)
{
	int ch;

	memset(ev, 0, sizeof(*ev));
	if (u->script) {
		ui_script_event(u->script, ev);
		return;
	}
	wtimeout(stdscr, timeout_ms);
	ch = wgetch(stdscr);
	if (*u->interrupted) {
		ev->kind = EV_END;
	} else if (ch == ERR) {
		ev->kind = EV_TICK;
	} else if (ch == KEY_RESIZE) {
		ev->kind = EV_RESIZE;
	} else if (ch == KEY_MOUSE) {
		mouse_event(ev);
	} else {
		ev->kind = EV_KEY;
		ev->key = ch;
	}
}

chtype ui_attr(const struct ui *u, enum render_style st)
{
	return u->style_attr[(unsigned int)st < NR_RENDER_STYLES ? st : ST_PLAIN];
}

/* One cell; a character the terminal cannot show becomes '?'. */
static void put_cell(struct ui *u, int y, int x, uint32_t ch, chtype attr)
{
	if (ch < 0x20 || ch == 0x7f)
		ch = ' ';
	if (ch < 0x80) {
		mvaddch(y, x, (chtype)ch | attr);
		return;
	}
#if UI_WIDE
	if (u->utf8 && wcwidth((wchar_t)ch) == 1) {
		wchar_t wc[2] = { (wchar_t)ch, 0 };
		cchar_t cc;

		setcchar(&cc, wc, attr & (A_ATTRIBUTES & ~A_COLOR), PAIR_NUMBER(attr), NULL);
		mvadd_wch(y, x, &cc);
		return;
	}
#endif
	mvaddch(y, x, '?' | attr);
}

/* Decode one UTF-8 character; a malformed byte decodes as U+FFFD. */
static uint32_t utf8_next(const char **p)
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t c = s[0];
	int n = c < 0x80 ? 0 : c >= 0xf0 && c < 0xf8 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 ? 1 : -1;
	int i;

	if (n < 0 || (c >= 0x80 && c < 0xc2)) {
		*p += 1;
		return 0xfffd;
	}
	if (n)
		c &= 0x3f >> n;
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*p += i;
			return 0xfffd;
		}
		c = c << 6 | (s[i] & 0x3f);
	}
	*p += n + 1;
	return c;
}

int ui_puts(struct ui *u, int y, int x, int w, chtype attr, const char *text)
{
	int n = 0;

	while (*text && n < w) {
		uint32_t c = utf8_next(&text);

		if (c == '\t')
			c = ' ';
		put_cell(u, y, x + n++, c, attr);
	}
	return n;
}

int ui_puts_cut(struct ui *u, int y, int x, int w, chtype attr, const char *text)
{
	const char *p = text;
	int n = 0;

	while (*p && n <= w)
		utf8_next(&p), n++;
	if (n <= w || w < 4)
		return ui_puts(u, y, x, w, attr, text);
	n = ui_puts(u, y, x, w - 1, attr, text);
	return n + ui_puts(u, y, x + n, 1, attr, u->utf8 ? "\u2026" : "~");
}

void ui_fill(struct ui *u, int y, int x, int w, chtype attr)
{
	int i;

	for (i = 0; i < w; i++)
		put_cell(u, y, x + i, ' ', attr);
}

void ui_put_line(struct ui *u, int y, int x, int w, const struct rline *l, int from,
		 chtype extra)
{
	int i;

	for (i = 0; i < w; i++) {
		int k = from + i;

		if (l && k >= 0 && k < l->len) {
			const struct rcell *c = &l->cells[k];
			chtype a = ui_attr(u, c->style) | extra;

			if (c->flags & RCELL_SELECTED)
				a ^= A_REVERSE;
			put_cell(u, y, x + i, c->ch, a);
		} else {
			put_cell(u, y, x + i, ' ', extra);
		}
	}
}

/* A framed box for help and popups: title and footer bars, sides. */
void ui_box(struct ui *u, int y, int x, int h, int w, const char *title, const char *footer)
{
	const char *bar = u->utf8 ? "\u2502" : "|";
	int i;

	for (i = 0; i < h; i++) {
		ui_fill(u, y + i, x, w, A_NORMAL);
		ui_puts(u, y + i, x, 1, A_NORMAL, bar);
		ui_puts(u, y + i, x + w - 1, 1, A_NORMAL, bar);
	}
	ui_fill(u, y, x, w, A_REVERSE);
	ui_puts(u, y, x + 1, w - 2, A_REVERSE | A_BOLD, title);
	ui_fill(u, y + h - 1, x, w, A_REVERSE);
	if (footer)
		ui_puts(u, y + h - 1, x + 1, w - 2, A_REVERSE, footer);
}

static uint32_t screen_char(int y, int x)
{
#if UI_WIDE
	cchar_t cc;
	wchar_t wc[CCHARW_MAX + 1] = { 0 };
	attr_t a;
	short pair;

	if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wc, &a, &pair, NULL) == ERR)
		return '?';
	return wc[0] ? (uint32_t)wc[0] : ' ';
#else
	return (uint32_t)(mvinch(y, x) & A_CHARTEXT);
#endif
}

static void dump_add(struct ui *u, const char *s, size_t n)
{
	u->dumps = xrealloc(u->dumps, u->dumps_len + n + 1);
	memcpy(u->dumps + u->dumps_len, s, n);
	u->dumps_len += n;
	u->dumps[u->dumps_len] = 0;
}

void ui_dump_screen(struct ui *u, const char *title)
{
	char *line = xrealloc(NULL, (size_t)COLS * 4 + 2), head[160];
	int y, x, n, keep;

	/* How the terminal was set up: what the text of the screen cannot show. */
	n = snprintf(head, sizeof(head), "=== %d: %s (%dx%d, %s, %s, %s)\n", ++u->nr_dumps,
		     title && *title ? title : "screen", COLS, LINES,
		     u->color ? "colour" : "monochrome", u->utf8 ? "UTF-8" : "ASCII",
		     u->mouse ? "mouse" : "no mouse");
	dump_add(u, head, n);
	for (y = 0; y < LINES; y++) {
		n = keep = 0;
		for (x = 0; x < COLS; x++) {
			uint32_t c = screen_char(y, x);

			n += utf8_encode(line + n, c);
			if (c != ' ')
				keep = n;
		}
		line[keep] = '\n';
		dump_add(u, line, keep + 1);
	}
	free(line);
}
