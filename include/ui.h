/* ui.h — the interactive browser: curses set-up and teardown, event loop, panes. The only header that includes curses. */
#ifndef FAZHI_UI_H
#define FAZHI_UI_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1   /* get_wch, cchar_t: Chinese in and out */
#endif
#include <curses.h>

#include "corpus.h"
#include "layout.h"
#include "outline.h"
#include "query.h"
#include "text.h"

enum ui_color { UI_COLOR_AUTO, UI_COLOR_NEVER, UI_COLOR_ALWAYS };

struct ui_options {
	enum ui_color color;   /* --color=, and NO_COLOR in the environment */
	int mouse;             /* 1 unless --no-mouse */
	int ambiwidth;         /* 1 or 2 (--ambiwidth=double) */
	int update;            /* 1 unless --no-update: a stale index is updated in the background */
};

struct session;

/* What the browser browses and where it came from. main.c fills it; the browser replaces
 * corpus and session when the index was updated in the background (ui_update.c): it opens
 * the new ones with reopen and frees the old ones with release, once nothing points into them.
 * The caller frees the pair left in it when ui_run returns. */
struct ui_source {
	struct corpus *corpus;     /* the loaded corpus */
	struct session *session;   /* its search session, whose index the browser opens when it first searches */
	const char *self;          /* how this program was started (argv[0]), to run `fazhi index` */
	char **paths;              /* the PATH arguments (borrowed) */
	int npaths;
	/* How far the cached index is behind the files (index_cache_walk_behind); all 0 and
	 * behind 0 when it is current or there is none. */
	int behind;
	size_t added, changed, removed;
	int update;                /* 1: a stale index is updated in the background (not --no-update) */
	/* Opens the corpus of paths anew, from the updated cache, without printing: 0 with *c and
	 * *s (freed by release) and *behind, the files changed since the update read them (0 when
	 * its index is current), or -1 with *cause (caller frees). */
	int (*reopen)(void *arg, struct corpus **c, struct session **s, size_t *behind, char **cause);
	void (*release)(void *arg, struct corpus *c, struct session *s);
	void *arg;
};

/* Runs the browser on src's corpus until the user quits. When its index is behind and
 * src->update is set, it is updated in the background after the first frame, with progress on
 * the status line; the browser then opens the corpus again and stays where the user was.
 * Returns the exit status: 0, 2 when stdin/stdout is not a terminal or the locale is not UTF-8
 * (a message on stderr), 128+N when ended by signal N (the terminal restored and positions
 * saved, an update under way stopped). */
int ui_run(struct ui_source *src, const struct ui_options *opt);

/* ------------------------------------------------------------------------------------
 * What follows is shared by the ui_*.c files only. ui.c owns the struct ui and is the
 * hub: a pane never calls another pane, it asks ui.c (ui_open, ui_jump) instead. */

enum ui_pane_id { UI_LIST, UI_TREE, UI_READER, UI_NPANES };

/* What a key does. One table (ui_keys) maps keys to these; the dispatcher and the help
 * screen both read it. */
enum ui_action {
	UI_NONE,
	UI_DOWN, UI_UP, UI_PAGE_DOWN, UI_PAGE_UP, UI_HALF_DOWN, UI_HALF_UP, UI_TOP, UI_BOTTOM,
	UI_FOCUS_NEXT, UI_FOCUS_PREV, UI_OPEN,
	UI_HEADING_NEXT, UI_HEADING_PREV,
	UI_COLLAPSE, UI_EXPAND, UI_TOGGLE, UI_COLLAPSE_ALL, UI_EXPAND_ALL,
	UI_MARK_SET, UI_MARK_GO,
	UI_HELP, UI_REDRAW, UI_QUIT,
	UI_MARK_REPORT,        /* pane-scoped (reports): mark for comparing; see ui_key_action */
	UI_COMPARE, UI_TOPICS, UI_FACTS, UI_BACK,
	UI_SEARCH, UI_SEARCH_NEXT, UI_SEARCH_PREV, UI_SEARCH_VIEW,
	UI_OVERVIEW, UI_DISTRICT,
	UI_CHART,              /* view-scoped: the key pages up elsewhere; see ui_key_means */
	UI_SORT_PREV, UI_SORT_NEXT, UI_SORT_REVERSE,
	UI_DETAILS, UI_FOLD_LIST
};

struct ui_key {
	int code;              /* character, or KEY_* when fkey */
	int fkey;              /* 1: a function key as get_wch reports with KEY_CODE_YES */
	const char *name;      /* as the help screen and the man page spell it */
	enum ui_action action;
	const char *help;      /* what it does */
};
extern const struct ui_key ui_keys[];   /* ends with an entry whose name is NULL */

/* Looks up a key as get_wch returned it (r is OK or KEY_CODE_YES): its general meaning.
 * A key may also have a pane-scoped meaning (Space marks a report in the reports pane and
 * pages everywhere else): ui.c offers that to the focused pane first, and ui_key_action
 * never returns it. */
enum ui_action ui_key_action(int r, wint_t ch);
int ui_action_scoped(enum ui_action a);
/* 1 when the key is bound to action a in ui_keys, scoped meanings included: how a view asks
 * whether a key such as `b` means its own scoped action (UI_CHART). */
int ui_key_means(int r, wint_t ch, enum ui_action a);

/* Roles of drawn cells; ui_draw maps each to colour or, on monochrome terminals, attributes. */
enum ui_role {
	UI_R_TEXT, UI_R_BAR, UI_R_BORDER, UI_R_SELECTED, UI_R_SELECTED_IDLE, UI_R_CURRENT,
	UI_R_H1, UI_R_H2, UI_R_H3, UI_R_DIM, UI_R_MESSAGE, UI_NROLES
};

/* Reader state of the open report; the lines are a cache for one width. */
struct ui_reader {
	struct layout lines;    /* the report's display lines (layout.h); owned */
	int width;              /* width the lines were wrapped to; 0: none yet */
	size_t top;             /* index of the top display line */
	size_t top_off;         /* its byte offset: what a re-wrap keeps at the top */
	int rows;               /* height of the pane when last laid out */
};

struct ui_mark {
	int report;             /* corpus index; -1: unset */
	size_t off;             /* byte offset of the top line */
};

struct ui_rect { int y, x, h, w; };

struct state;
struct ui_find;
struct ui_results;
struct ui_view;

#define UI_COMPARE_MAX 4   /* reports side by side in the compare view */

/* Where the compare view was left, so that c (and Esc, after Enter read a cell) returns there. */
struct ui_compare_place {
	int report[UI_COMPARE_MAX]; /* the compared reports (corpus indices), in column order */
	int n;                      /* how many; 0: no place kept */
	size_t row, into;           /* the compare row at the top, and how many lines into it */
	int focus;                  /* the focused column */
	int back;                   /* Enter left for the reader: Esc in the panes goes back */
};

struct ui_update;

struct ui {
	struct corpus *corpus;
	struct session *session;   /* the corpus's index (session.h); borrowed */
	struct ui_source *src;     /* where both came from; the update replaces them there */
	struct ui_update *update;  /* the update under way (ui_update.c); NULL none */
	int update_state;          /* UI_UPDATE_* of the latest; -1 none started */
	int update_ready;          /* the updated index waits for the views to close */
	const struct ui_options *opt;
	size_t *order;          /* corpus indices sorted by region, year, path; owned */
	size_t sel, list_top;   /* list pane: selected row in order, first row shown */
	int cur;                /* corpus index of the open report, -1 none */
	struct outline outline; /* chapter tree of the open report (valid when cur >= 0) */
	size_t tree_top;        /* first tree row shown */
	int cur_section;        /* section at the reader's top line, -1 in the preamble */
	struct ui_reader rd;
	enum ui_pane_id focus;
	int single;             /* narrow terminal: one pane at a time */
	int folded;             /* the reports pane is folded away (z), when not single */
	int too_small;
	struct ui_rect pane[UI_NPANES];
	int shown[UI_NPANES];
	WINDOW *win[UI_NPANES], *bar, *status, *body;   /* body: the full-screen views */
	struct ui_mark marks[26], back;
	int pending;            /* 'm' or '\'' waiting for its letter, else 0 */
	char msg[256];          /* status message until the next key; "" none */
	struct state *state;
	int quit;
	int marked[UI_COMPARE_MAX]; /* corpus indices marked for comparing, in marking order */
	int nmarked;
	struct ui_compare_place compare_place;   /* written and read by ui_compare.c */
	struct ui_view *views;      /* the stack of full-screen views, bottom first; owned */
	size_t nviews, viewcap;
	int cursor;                 /* the frame wants the terminal's cursor (ui_want_cursor) */
	int cursor_shown;           /* what curs_set was last given; -1 not yet */
	struct ui_find *find;       /* `/` in the reader (ui_reader.c); NULL until first used */
	struct ui_results *results; /* the corpus search (ui_results.c); NULL until first opened */
	int busy;                   /* the frame's view computes in steps (ui_want_frame) */
};

/* Pane hooks (tmux window modes, ncdu browse_*): ui.c calls them, they call ui.c. */
struct ui_pane {
	const char *name;
	void (*draw)(struct ui *u, WINDOW *w, int rows, int cols);
	/* Returns 1 when it took the action, 0 to let ui.c try its global meaning. */
	int (*key)(struct ui *u, enum ui_action a);
	void (*click)(struct ui *u, int row);
	void (*resize)(struct ui *u, int rows, int cols);
};
extern const struct ui_pane ui_list_pane, ui_tree_pane, ui_reader_pane;

/* ---- the view stack (tmux's window modes) ----
 *
 * A full-screen view (help, search results, compare, its topic list and facts table, …) is
 * a const table of hooks and a pointer to its own data. ui_view_push puts it on top of the
 * stack; the top view alone is drawn, in u->body (the whole screen between the title bar and
 * the status line), and the panes come back when the stack is empty. Adding a view means one
 * file that defines its hooks and one call of ui_view_push.
 *
 * Keys: the top view's key hook sees every key first (the raw key for a prompt, and its
 * action in ui_keys). What it leaves (returns 0) goes to the global table: help, redraw,
 * quit. The panes under a view are hidden and get no keys. With no view up, keys go to the
 * focused pane, then to the global table.
 *
 * Ownership: the view owns `data` from the push; close frees it (or leaves it, when the data
 * is borrowed from the view below, as the compare view's topic list borrows the compare).
 * A hook may push or pop views, itself included: after ui_view_pop the popped data is gone. */
struct ui_view_type {
	const char *name;      /* in the title bar */
	/* Repaints the whole rows × cols of w from the data. */
	void (*draw)(struct ui *u, void *data, WINDOW *w, int rows, int cols);
	/* r and ch as get_wch gave them, a their action (UI_NONE when none). Returns 1 when the
	 * view took the key, 0 to let the global table have it. */
	int (*key)(struct ui *u, void *data, int r, wint_t ch, enum ui_action a);
	/* Draws the whole status line; NULL: the hub draws the message, or a blank bar. */
	void (*status)(struct ui *u, void *data, WINDOW *w, int cols);
	/* The body is now rows × cols (every view on the stack hears it, not only the top). */
	void (*resize)(struct ui *u, void *data, int rows, int cols);
	/* Popped: free what the view owns. NULL: nothing to free. */
	void (*close)(struct ui *u, void *data);
	/* A click in the body at row y; NULL: clicks are ignored (the wheel comes as Up/Down keys). */
	void (*click)(struct ui *u, void *data, int y);
};

struct ui_view {
	const struct ui_view_type *type;
	void *data;
};

/* Pushes a view and lays it out for the current size. */
void ui_view_push(struct ui *u, const struct ui_view_type *t, void *data);
/* Pops the top view (its close hook runs); nothing when the stack is empty. */
void ui_view_pop(struct ui *u);
/* The top view, or NULL when the panes are shown. */
struct ui_view *ui_view_top(struct ui *u);
/* 1 when a view of type t is anywhere on the stack. */
int ui_view_has(const struct ui *u, const struct ui_view_type *t);
/* Rows of the body, for paging in a view. */
int ui_view_rows(const struct ui *u);
/* The frame being drawn wants the terminal's cursor shown where the last refreshed window
 * left it (a prompt: an input method opens its candidates there). Reset every frame. */
void ui_want_cursor(struct ui *u);
/* The frame being drawn leaves work for the next one (a view computing rows in steps): the
 * loop draws again without waiting for a key. Reset every frame. */
void ui_want_frame(struct ui *u);
/* Seconds on a clock that only goes forward: how long a view's step has taken. */
double ui_clock(void);
/* Draws a status line: u->msg when set, else left; right-aligned `right` (ASCII). */
void ui_status_line(struct ui *u, WINDOW *w, int cols, const char *left, const char *right);

/* ui_update.c: `fazhi index PATH...` run in a child process to bring the index of the
 * browsed corpus up to date, followed without blocking. self is argv[0]. Returns NULL with
 * *cause (caller frees) when it cannot be started. */
enum ui_update_state { UI_UPDATE_RUNNING, UI_UPDATE_DONE, UI_UPDATE_FAILED };
struct ui_update *ui_update_start(const char *self, char **paths, int npaths, char **cause);
/* Reads what the child wrote since the last call, never waiting; reaps it once it ended. */
enum ui_update_state ui_update_poll(struct ui_update *up);
/* The reports indexed so far and their total (0 0 until the build has begun). */
void ui_update_progress(const struct ui_update *up, size_t *done, size_t *total);
/* Why it failed, one line ("" unless UI_UPDATE_FAILED); valid until ui_update_free. */
const char *ui_update_failure(const struct ui_update *up);
/* Frees up; a child still running is stopped (SIGTERM), reaped, and its temporary index file
 * removed. NULL: nothing. */
void ui_update_free(struct ui_update *up);

/* ui_help.c: the help screen, every key of ui_keys. */
void ui_help_open(struct ui *u);

/* ui_overview.c: the overview, a row per report of the corpus with the columns of `fazhi
 * table`, sortable; Enter opens the report, D its district. Rows are read in steps. */
void ui_overview_open(struct ui *u);

/* ui_district.c: the region of corpus entry `report` over the years: metrics by year with
 * sparklines, and 问题不足 and 下一年安排 with the sentences repeated from the year before
 * marked. Returns 0, or -1 with a status message (no region, a single year). */
int ui_district_open(struct ui *u, int report);

/* ui_chart.c: a bar chart of bars[0..n) (chart.h) under `title`, a view on the stack; title
 * and bars are copied. Any view may push it. */
struct chart_bar;
void ui_chart_open(struct ui *u, const char *title, const struct chart_bar *bars, size_t n);

/* ui.c: the hub. */
void ui_open(struct ui *u, int report);          /* open a report in the reader (saves the old position) */
void ui_jump(struct ui *u, size_t off);          /* move the reader, remembering where it was for '' */
void ui_show_chart(struct ui *u, const char *title, const struct chart_bar *bars, size_t n);  /* for any view */
void ui_show_district(struct ui *u, int report); /* for any view: the district of corpus entry report */
/* From a view: closes every view and reads the report at off, in the focused reader. When
 * query is not NULL, q[0..qn) becomes the reader's search, its current hit the first at or
 * after off. */
void ui_read_at(struct ui *u, int report, size_t off, const char *query, size_t qn);
/* For the reports pane: the hits of the corpus search's query in a report (corpus index);
 * 1 and *hits when it matches, 0 when it does not or there is no query. */
int ui_report_hits(struct ui *u, size_t report, size_t *hits);
void ui_message(struct ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ui_page_rows(const struct ui *u, enum ui_pane_id p);
int ui_action_moves(enum ui_action a);           /* j k Space b d u g G and their aliases */
/* For list-like panes: the row a movement action leads to from sel among n rows (n > 0)
 * with `rows` visible; returns sel itself for other actions. */
size_t ui_move_row(size_t sel, size_t n, enum ui_action a, int rows);
/* Adjusts *top so that row sel is among the `rows` rows shown. */
void ui_keep_visible(size_t *top, size_t sel, size_t n, int rows);

/* ui_reader.c: reader model used by ui.c. */
void ui_reader_layout(struct ui *u, int width);  /* (re)wrap for the width, keeping top_off at the top */
void ui_reader_reset(struct ui *u);              /* forget the lines (another report opened) */
void ui_reader_goto(struct ui *u, size_t off);   /* put the line holding off at the top */
size_t ui_reader_top_offset(const struct ui *u);
int ui_reader_percent(const struct ui *u);          /* of the text above the pane's bottom */
/* Offset of the first line of the next (dir > 0) or previous heading from the top line;
 * returns 0 when there is none. */
int ui_reader_heading(const struct ui *u, int dir, size_t *off);
void ui_reader_fini(struct ui *u);                /* frees the lines and the search */

/* ui_reader.c also owns `/`, the search in the open report: a prompt on the status line,
 * every hit highlighted, n/N from hit to hit. The hub calls these from its key table. */
void ui_find_open(struct ui *u);                 /* `/`: the prompt opens, the reader gets the focus */
int ui_find_prompting(const struct ui *u);
void ui_find_key(struct ui *u, int r, wint_t ch);  /* while prompting, every key */
void ui_find_step(struct ui *u, int dir);        /* n (dir > 0) and N */
int ui_find_clear(struct ui *u);                 /* Esc: the highlights go; 1 when there were some */
/* The search becomes q[0..n) as if accepted with Enter, its current hit the first at or after off. */
void ui_find_set(struct ui *u, const char *q, size_t n, size_t off);
/* Draws the whole status line while the prompt is up and returns 1; else 0. */
int ui_find_status(struct ui *u, WINDOW *w, int cols);
/* The search last accepted with Enter, or NULL: what the reader searches for (borrowed, valid
 * until the next call of ui_find_*). */
const char *ui_find_query(const struct ui *u);
/* " i/N" of the search for the status line, or ""; valid until the next call. */
const char *ui_find_counter(struct ui *u);

/* ui_compare.c: the compare view, and over it its topic list and facts table. ui_compare_open
 * builds it from u->marked (2..UI_COMPARE_MAX) and pushes it, returning 0, or -1 with a
 * status message. Opened again on the same reports, it is where it was left (u->compare_place). */
int ui_compare_open(struct ui *u);

/* ui_results.c: the corpus-wide search (s), a view on the stack over the panes. Its state
 * (query, results) outlives the view: s goes back to them. */
void ui_results_open(struct ui *u);
/* Hits of the view's query in a report (corpus index): 1 and *hits when it matches. */
int ui_results_hits(struct ui *u, size_t report, size_t *hits);
void ui_results_free(struct ui *u);              /* at the end; nothing when never opened */

/* ui_prompt.c: the prompt widget, a one-line editor of a query with the search history (kept
 * in u->state). Its owner embeds it, feeds it keys and draws it where it wants. */
#define UI_PROMPT_MAX (QUERY_MAX_CHARS * 4)      /* bytes: the query module refuses more characters */
struct ui_prompt {
	char text[UI_PROMPT_MAX + 1];
	size_t len;
	size_t recall;              /* history entry shown; the history's length while editing the draft */
	char draft[UI_PROMPT_MAX + 1]; /* what was typed before Up recalled older entries */
};
enum ui_edit { UI_EDIT_NONE, UI_EDIT_CHANGED, UI_EDIT_ENTER, UI_EDIT_ESC, UI_EDIT_OTHER };
void ui_prompt_clear(struct ui *u, struct ui_prompt *p);   /* empty, Up recalls the newest */
void ui_prompt_set(struct ui_prompt *p, const char *t, size_t n);
/* A key for the prompt: edits (CHANGED), Enter, Esc, a key it does not use (OTHER), or a
 * character it refuses (NONE). Up and Down recall the history. */
enum ui_edit ui_prompt_key(struct ui *u, struct ui_prompt *p, int r, wint_t ch);
void ui_prompt_remember(struct ui *u, const struct ui_prompt *p);   /* into the history */
/* The text as a query (query_free), or NULL with err set; empty text gives NULL and err "". */
struct query *ui_prompt_query(const struct ui_prompt *p, char *err, size_t errsize);
/* Draws label and the text at (y, 0), its tail when it is too long, and leaves w's cursor
 * after it. Returns the column after it. */
int ui_prompt_draw(WINDOW *w, int y, int cols, const char *label, const struct ui_prompt *p, enum ui_role role);

/* ui_draw.c: the one place model text becomes cells. Every function clips to `cols`
 * cells, never draws half a wide character, and pads the rest with spaces when asked. */
void ui_draw_init(int color);                    /* after start_color (or not) */
attr_t ui_draw_attr(enum ui_role r, short *pair);
/* Draws UTF-8 s[0..n) at (y, x); returns the cells used. pad: fill to x + cols. */
int ui_draw_text(WINDOW *w, int y, int x, int cols, const char *s, size_t n, enum ui_role r, int pad);
/* The same for text from outside the reports (paths, messages): cleaned first. */
int ui_draw_outside(WINDOW *w, int y, int x, int cols, const char *s, enum ui_role r, int pad);
void ui_draw_fill(WINDOW *w, int y, int x, int cols, enum ui_role r);
/* Highlighted ranges of a text (hits of a search, a figure in its sentence): sorted by start,
 * borrowed; overlapping ranges merge, and a merged run holding v[cur] takes `current`. */
struct index_hit;
struct ui_ranges {
	const struct index_hit *v;
	size_t n;
	size_t longest;        /* bytes of the longest: how far before a line a range may start */
	size_t cur;            /* the current range; (size_t)-1 none */
	enum ui_role role, current;
};
/* Draws text[start, end) like ui_draw_text (no padding), the ranges set off; returns the cells used. */
int ui_draw_ranges(WINDOW *w, int y, int x, int cols, const char *text, size_t start, size_t end,
                   enum ui_role r, const struct ui_ranges *rg);
/* The file name of a path (what follows its last slash): shown where a cut path would say less. */
const char *ui_file_name(const char *path);
/* The first of the n ranges h that starts at or after off (n when none). */
size_t ui_range_from(const struct index_hit *h, size_t n, size_t off);

#endif
