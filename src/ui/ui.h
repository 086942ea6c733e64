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
#include "ui/ui_keytime.h"

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
	const char	*keytimes;	/* per-key phase times to this file (bench_ui) */
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

/*
 * One engine's side of the screen: its run, the state before the current
 * step (for the change lines), and its sections drawn this frame.  The UI
 * has one pane per engine; everything that draws an engine's maps loops
 * over the panes, so one engine and two take the same code path.
 */
struct ui_pane {
	const char	*name;			/* the engine, as the screen names it */
	struct timeline	*t;
	struct mb_state	prev;			/* the state before the current step */
	bool		have_prev;
	int		nr_secs;
	struct render_node *secs;
	struct render_map *maps;		/* drawn this frame, one per section (ncols 0: not drawn) */
	struct canvas	*cvs;			/* per section: UI_CV_* */
};

/* The canvases of a pane's section i: pane->cvs[UI_NR_CV * i + UI_CV_*]. */
enum { UI_CV_HEAD, UI_CV_BANDS, UI_CV_MARKS, UI_NR_CV };

#define UI_MAX_PANES	2

/* A long step in progress (ui_progress.c): the hook's context. */
struct ui_progress {
	struct ui	*u;
	int		pane;		/* whose timeline moves */
	bool		esc;		/* Esc seen: the walk stops */
	int		cancelled;	/* the step cancelled in this move, or -1 */
	bool		drawn;
	double		last;		/* ms, when the status line was drawn */
};

/*
 * Another scenario in place (o).  Listing and loading scenarios is the
 * command's business, so the command hands the UI this: @open runs the
 * picker (ui_pick()) on the open terminal and, when a scenario is chosen
 * and it loads on the same engines, puts it in with ui_switch().  It
 * returns 1 then, 0 when the picker was left (nothing changed), -1 after
 * saying why nothing changed (a popup or a message).  NULL: no key o.
 */
struct ui;

struct ui_opener {
	int		(*open)(struct ui *u, void *ctx);
	void		*ctx;
};

struct ui {
	const struct scenario *sc;
	struct ui_pane	pane[UI_MAX_PANES];	/* pane[0]: the first engine, the one stepped */
	int		nr_panes;
	int		step;			/* steps done: timeline_pos() */
	int		first_step;		/* where it opens (--step) */
	struct ui_opener opener;		/* o: another scenario */
	int		stop;			/* where a run-time error stops the run; -1 */
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
	struct ui_keytime *keytime;		/* MBVIZ_UI_KEYTIMES, or NULL */
	char		*dumps;			/* screen dumps so far */
	size_t		dumps_len;
	int		nr_dumps;

	/* A second engine (mbviz --engine A --engine B): its maps under A's. */
	bool		differ;			/* A and B differ after the current step */
	char		differ_text[256];	/* what differs: "memory[1], reserved.cnt" */
	struct canvas	ecv;			/* the engines' title lines */

	/* The map. */
	bool		view_all;		/* every section stacked, or one enlarged */
	int		focus;			/* section with the cursor and the zoom */
	int		focus_nid;		/* the focused section, across steps */
	bool		focus_outside;
	uint64_t	cursor;			/* an address in the focused section */
	bool		zoomed;
	uint64_t	zoom_start, zoom_end;	/* [start, end), absolute addresses */
	enum render_scale scale;
	bool		no_alloc_view;		/* a: the direction, limit and searches hidden */
	bool		follow;			/* a step was taken: the focus goes to its block */
	struct render_node *spans;		/* each section's span over all the steps */
	int		nr_spans;
	int		map_top;		/* first map row shown */
	int		nr_rows, alloc_rows;
	struct map_row	*rows_list;
	int		map_row_y0;		/* screen row of rows_list[map_top] */

	/* The region tables. */
	enum ui_table	table;
	int		sel[NR_UI_TABLES];	/* selected row per table, -1 none */
	int		table_top;
	struct canvas	tcv;
	struct canvas	tcv_b;			/* the second engine's tables (zones only) */
	int		*tlines;		/* canvas lines of the current table */
	int		nr_tlines;
	int		table_y0;		/* screen row of tlines[table_top] */

	bool		legend;		/* the legend is shown (e) */

	struct ui_progress progress;	/* during a move */

	/* The log pane. */
	int		log_scroll;		/* entries (steps) scrolled back from the newest */
	int		log_entries;		/* entries the pane showed last */

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
	int		popup_top;		/* first line shown */
	int		popup_more;		/* lines below the box at the last draw */
};

/* The first engine's timeline: the one the UI steps. */
static inline struct timeline *ui_timeline(const struct ui *u)
{
	return u->pane[0].t;
}

/* Steps in the scenario. */
static inline int ui_steps(const struct ui *u)
{
	return timeline_steps(u->pane[0].t);
}

/* The first engine's state after the current step. */
static inline const struct mb_state *ui_state(const struct ui *u)
{
	return timeline_state(u->pane[0].t);
}

static inline bool ui_two_engines(const struct ui *u)
{
	return u->nr_panes > 1;
}

static inline struct canvas *ui_pane_cv(const struct ui_pane *p, int sec, int part)
{
	return &p->cvs[UI_NR_CV * sec + part];
}

/* ui.c: moving through the scenario */
void ui_goto(struct ui *u, int k);
void ui_message(struct ui *u, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The state and the input of the renderer for the current step: pane 0's, or pane @p's. */
void ui_render_input(struct ui *u, struct frame *in);
void ui_pane_input(struct ui *u, int p, struct frame *in);
/* Move pane @p to step @k, and copy the state before it. */
int ui_pane_goto(struct ui *u, int p, int k);
/* A step that has a note or an expectation (for '[' and ']'). */
bool ui_step_marked(const struct ui *u, int i);
int ui_run(struct ui *u);
/*
 * Inside ui_run(): drop everything the UI keeps of the current scenario
 * and show @sc on the @n timelines @t (named @names) from its start, with
 * the same view options (scale, legend, allocation view).  The caller
 * frees the old scenario and timelines afterwards.
 */
void ui_switch(struct ui *u, const struct scenario *sc, struct timeline *const *t,
	       char *const *names, int n);

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
/* The same, ending in "…" (ASCII: "~") when @text is cut. */
int ui_puts_cut(struct ui *u, int y, int x, int w, chtype attr, const char *text);
void ui_fill(struct ui *u, int y, int x, int w, chtype attr);
void ui_box(struct ui *u, int y, int x, int h, int w, const char *title, const char *footer);
/* Append the screen as text to u->dumps. */
void ui_dump_screen(struct ui *u, const char *title);

/* ui_layout.c: where the panes are, and drawing a frame */
int ui_header_rows(struct ui *u);
void ui_layout(struct ui *u);
void ui_draw(struct ui *u);

/* ui_bars.c: header and status bar */
void ui_draw_header(struct ui *u, const struct frame *in);
void ui_draw_status(struct ui *u);
/* Rows the header gives the current step's call. */
int ui_call_rows(struct ui *u);

/* ui_map.c: the map pane */
void ui_map_sections(struct ui *u, const struct frame *in);
void ui_draw_map(struct ui *u, const struct frame *in);
void ui_map_free(struct ui *u);
/* Work out every section's span over the whole scenario (once, at the start). */
void ui_map_spans(struct ui *u);
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
void ui_engines_compare(struct ui *u);
void ui_engines_titles(struct ui *u);
/* Under B's bands of section @i, the marks where they differ from A's. */
void ui_engines_marks(struct ui *u, int i);
/*
 * In the zones table, under each of its lines, the second engine's line
 * where it says something else (tlines and *@sel_line adjusted).
 */
void ui_engines_zone_lines(struct ui *u, int *sel_line);

/* ui_table.c: the region tables */
void ui_draw_table(struct ui *u, const struct frame *in);
void ui_table_move(struct ui *u, int delta);
void ui_table_next(struct ui *u);
void ui_table_enter(struct ui *u);
bool ui_table_click(struct ui *u, int x, int y);
void ui_table_clamp(struct ui *u);

/* ui_text.c: text wrapped to a width */
struct ui_line {
	char		*text;
	chtype		attr;
	bool		current;	/* the log: a line of the current step */
};

struct ui_lines {
	int		nr, alloc;
	struct ui_line	*rows;
};

void ui_lines_add(struct ui_lines *r, const char *text, size_t len, chtype attr, bool cur);
void ui_lines_free(struct ui_lines *r);
/* @text wrapped at blanks to @width columns, continuation lines indented by @indent. */
void ui_wrap(struct ui_lines *r, const char *text, int width, int indent, chtype attr, bool cur);

/* ui_log.c: the log pane */
void ui_draw_log(struct ui *u);

/* ui_legend.c: the legend of the bands shown */
void ui_legend_toggle(struct ui *u);
void ui_draw_legend(struct ui *u, const struct frame *in);

/* ui_notes.c: the note, the scenario's description, the about popup */
/* Draw the note area at the top of the log pane (@h rows at most); returns the rows used. */
int ui_draw_note(struct ui *u, const struct ui_rect *r, int y, int h);
void ui_about(struct ui *u);
/* Rows the note area wants at a width of @w columns. */
int ui_note_rows(struct ui *u, int w);

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
/* The same with @text (not taken) wrapped at blanks to the screen's width. */
void ui_popup_text(struct ui *u, const char *title, const char *text);
void ui_popup_close(struct ui *u);
/* A key in the popup: scrolls a popup taller than the screen, else closes it. */
void ui_popup_key(struct ui *u, int key);

/* ui_picker.c: the scenario picker (mbviz DIR) */
struct ui_choice {
	const char	*name;		/* "tour.json" */
	const char	*title;		/* NULL: it does not load */
};

/* On the open terminal: the index of the scenario chosen (@first selected at first), or -1. */
int ui_pick(struct ui *u, const char *dir, const struct ui_choice *c, int n, int first);

/* ui_script.c: the test mode's key scripts */
struct ui_script *ui_script_load(const char *file, char *err, int errlen);
void ui_script_free(struct ui_script *s);
void ui_script_event(struct ui_script *s, struct ui_event *ev);
/* The next event without taking it; false at the end of the script. */
bool ui_script_peek(const struct ui_script *s, struct ui_event *ev);

/*
 * ui_progress.c: while pane @pane's timeline moves, the status line shows
 * a long step's progress and Esc cancels it (timeline_cancelled()).
 */
void ui_progress_arm(struct ui *u, int pane);
void ui_progress_disarm(struct ui *u, int pane);

/* Play delays in milliseconds, slowest first. */
extern const int ui_play_delays[];
extern const int ui_nr_play_delays;

#endif
