/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The interactive UI: shared between its files (ui.c, ui_*.c) only.
 *
 * The UI draws everything into stdscr on every event and lets curses work
 * out what changed; the panes are rectangles of it.  The map and the
 * tables are the renderer's canvases, turned into curses cells here.
 * Input comes from the terminal or, in the test mode, from a script of
 * keys, so that the same code paths are exercised by `make check`.
 */
#ifndef MBVIZ_UI_H
#define MBVIZ_UI_H

#include <stdbool.h>
#include <stdint.h>

#include <curses.h>

#include "render/render.h"
#include "scenario/scenario.h"
#include "run/timeline.h"

/* Below this size the UI shows only a "terminal too small" screen. */
#define UI_MIN_COLS	50
#define UI_MIN_ROWS	16

struct ui_rect {
	int		y, x, h, w;
};

struct ui_layout {
	bool		too_small;
	struct ui_rect	header;		/* title bar, call, expectations */
	struct ui_rect	map;
	struct ui_rect	table;		/* title bar included */
	struct ui_rect	log;		/* title bar included */
	struct ui_rect	status;		/* one line: keys, prompt or message */
};

enum ui_table { UT_MEMORY, UT_RESERVED, UT_ZONES, NR_UI_TABLES };

enum ui_mode { MODE_NORMAL, MODE_HELP, MODE_PROMPT, MODE_POPUP };

enum ui_prompt_kind { PROMPT_GOTO, PROMPT_FIND };

/* What drives the UI: a key, the mouse, a new size, or (test mode) a dump. */
enum ui_event_kind { EV_KEY, EV_MOUSE, EV_RESIZE, EV_TICK, EV_DUMP, EV_END };

struct ui_event {
	enum ui_event_kind kind;
	int		key;		/* EV_KEY: a curses key code */
	int		x, y;		/* EV_MOUSE: screen cell */
	int		button;		/* EV_MOUSE: 1 click, 4 wheel up, 5 wheel down */
	int		cols, rows;	/* EV_RESIZE in the test mode */
	const char	*title;		/* EV_DUMP */
};

/* Options of `mbviz [FILE]`. */
struct ui_options {
	bool		no_color;
	bool		force_color;	/* --color=always: even with NO_COLOR set */
	bool		no_mouse;
	/* Test mode: curses on /dev/null, keys from a script, screen dumps to a file. */
	const char	*script;
	const char	*dump;
	int		cols, rows;
};

/* A line of the map pane: a canvas line of one section. */
struct map_row {
	const struct rline *l;
	int		sec;		/* the first engine's section, or: */
#define UI_ROW_SECOND	-1		/*   a line of the second engine's maps */
#define UI_ROW_SECOND_FOCUS -2		/*   ... of the node that has the focus */
};

struct ui_script;

struct ui {
	const struct scenario *sc;
	struct timeline	*t;
	int		step;			/* steps done: timeline_pos() */
	int		first_step;		/* where it opens (--step) */
	int		stop;			/* where a run-time error stops the run; -1 */
	struct mb_state	prev;			/* the state before the current step */
	bool		have_prev;
	bool		final_checked;		/* top-level expect checked at the end */
	struct step_outcome final;

	/* The terminal. */
	SCREEN		*screen;
	FILE		*tin, *tout;		/* test mode: /dev/null */
	int		rows, cols;
	bool		color;			/* colour pairs in use */
	bool		utf8;
	bool		mouse;
	chtype		style_attr[NR_RENDER_STYLES];
	struct ui_layout lay;
	bool		quit;
	volatile int	*interrupted;		/* SIGINT/SIGTERM seen */

	/* Test mode. */
	struct ui_script *script;

	/* A second engine (mbviz --engine A --engine B): its maps under A's. */
	const char	*names[2];		/* the engines, as the screen names them */
	struct timeline	*t2;			/* NULL: one engine */
	struct mb_state	prev2;			/* B's state before the current step */
	bool		have_prev2;
	bool		differ;			/* A and B differ after the current step */
	char		differ_text[256];	/* what differs: "memory[1], reserved.cnt" */
	int		nr_secs2;
	struct render_node *secs2;
	struct render_map *maps2;
	struct canvas	*cvs2;			/* per section: header, bands, difference marks */
	struct canvas	ecv;			/* the engines' title lines */
	char		*dumps;			/* screen dumps so far */
	size_t		dumps_len;
	int		nr_dumps;

	/* The map. */
	bool		view_all;		/* every section stacked, or one enlarged */
	int		focus;			/* section with the cursor and the zoom */
	int		focus_nid;		/* the focused section, across steps */
	bool		focus_outside;
	uint64_t	cursor;			/* an address in the focused section */
	bool		zoomed;
	uint64_t	zoom_start, zoom_end;	/* [start, end), absolute addresses */
	enum render_scale scale;
	int		nr_secs;
	struct render_node *secs;
	struct render_map *maps;		/* drawn this frame, one per section (ncols 0: not drawn) */
	struct canvas	*cvs;			/* per section: header lines, then bands */
	int		map_top;		/* first map row shown */
	int		nr_rows, alloc_rows;
	struct map_row	*rows_list;
	int		map_row_y0;		/* screen row of rows_list[map_top] */

	/* The region tables. */
	enum ui_table	table;
	int		sel[NR_UI_TABLES];	/* selected row per table, -1 none */
	int		table_top;
	struct canvas	tcv;
	int		*tlines;		/* canvas lines of the current table */
	int		nr_tlines;
	int		table_y0;		/* screen row of tlines[table_top] */

	/* The log pane. */
	int		log_scroll;		/* lines scrolled back from the newest */

	/* Play. */
	bool		playing;
	int		speed;			/* index into ui_play_delays */

	/* Modes. */
	enum ui_mode	mode;
	int		help_top;
	enum ui_prompt_kind prompt_kind;
	char		prompt[128];
	int		prompt_len;
	char		msg[256];		/* on the status bar until the next key */
	bool		msg_error;
	char		*popup;			/* MODE_POPUP: lines separated by '\n' */
	char		*popup_title;
};

/* ui.c: moving through the scenario */
void ui_goto(struct ui *u, int k);
void ui_message(struct ui *u, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The state and the input of the renderer for the current step. */
void ui_render_input(struct ui *u, struct frame *in);
/* A step that has a note or an expectation (for '[' and ']'). */
bool ui_step_marked(const struct ui *u, int i);
int ui_run(struct ui *u);

/* ui_term.c: the terminal */
int ui_term_open(struct ui *u, const struct ui_options *o, char *err, int errlen);
void ui_term_close(struct ui *u);
bool ui_term_resize(struct ui *u, int cols, int rows);
/* Next event from the terminal; @timeout_ms < 0 waits for one. */
void ui_term_event(struct ui *u, int timeout_ms, struct ui_event *ev);
chtype ui_attr(const struct ui *u, enum render_style st);
/* Write @text (UTF-8) at (@y, @x), at most @w columns; returns the columns used. */
int ui_puts(struct ui *u, int y, int x, int w, chtype attr, const char *text);
/* Draw canvas line @l from cell @from into @w columns at (@y, @x), blanks after it. */
void ui_put_line(struct ui *u, int y, int x, int w, const struct rline *l, int from,
		 chtype extra);
void ui_fill(struct ui *u, int y, int x, int w, chtype attr);
void ui_box(struct ui *u, int y, int x, int h, int w, const char *title, const char *footer);
/* Append the screen as text to u->dumps. */
void ui_dump_screen(struct ui *u, const char *title);

/* ui_layout.c: where the panes are, and drawing a frame */
int ui_header_rows(const struct ui *u);
void ui_layout(struct ui *u);
void ui_draw(struct ui *u);

/* ui_bars.c: header and status bar */
void ui_draw_header(struct ui *u, const struct frame *in);
void ui_draw_status(struct ui *u);

/* ui_map.c: the map pane */
void ui_map_sections(struct ui *u, const struct frame *in);
void ui_draw_map(struct ui *u, const struct frame *in);
void ui_map_free(struct ui *u);
void ui_map_next_node(struct ui *u, int dir);
void ui_map_toggle_view(struct ui *u);
/* "@0x1000": where the cursor column starts, for the status bar; or "". */
void ui_map_status(struct ui *u, char *buf, int len);
void ui_map_zoom(struct ui *u, bool in);
void ui_map_cursor(struct ui *u, int cols);
void ui_map_pan(struct ui *u, int dir);
void ui_map_show(struct ui *u, uint64_t start, uint64_t end, uint64_t cursor);
/* Put the cursor on @addr, in its section; the view moves only if it must. */
void ui_map_goto_addr(struct ui *u, uint64_t addr);
/* Map pane rows needed for the current state. */
int ui_map_height(struct ui *u, const struct frame *in);
bool ui_map_click(struct ui *u, int x, int y, int button);

/* ui_engines.c: a second engine's maps under the first's */
void ui_second_goto(struct ui *u, int k);
void ui_second_render_input(struct ui *u, struct frame *in);
void ui_second_sections(struct ui *u, const struct render_opts *ro);
void ui_second_free(struct ui *u);
void ui_second_close(struct ui *u);

/* ui_table.c: the region tables */
void ui_draw_table(struct ui *u, const struct frame *in);
void ui_table_move(struct ui *u, int delta);
void ui_table_next(struct ui *u);
void ui_table_enter(struct ui *u);
bool ui_table_click(struct ui *u, int x, int y);
void ui_table_clamp(struct ui *u);

/* ui_log.c: the log pane */
void ui_draw_log(struct ui *u);

/* ui_keys.c: keys and help */
void ui_key(struct ui *u, int key);
void ui_draw_help(struct ui *u);
void ui_help_key(struct ui *u, int key);

/* ui_prompt.c: the prompts, the find popup */
void ui_prompt_start(struct ui *u, enum ui_prompt_kind kind);
void ui_prompt_key(struct ui *u, int key);
void ui_draw_prompt(struct ui *u);
void ui_draw_popup(struct ui *u);
void ui_popup(struct ui *u, const char *title, char *text);
void ui_popup_close(struct ui *u);

/* ui_script.c: the test mode's key scripts */
struct ui_script *ui_script_load(const char *file, char *err, int errlen);
void ui_script_free(struct ui_script *s);
void ui_script_event(struct ui_script *s, struct ui_event *ev);

/* Play delays in milliseconds, slowest first. */
extern const int ui_play_delays[];
extern const int ui_nr_play_delays;

#endif
