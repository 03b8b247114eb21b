/* ui.c — curses set-up and teardown, the event loop, pane layout, focus, and keys → actions. */
#include "ui.h"

#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include <unistr.h>

#include "encoding.h"
#include "index.h"
#include "outline.h"
#include "meta_fix.h"
#include "report.h"
#include "state.h"
#include "text.h"
#include "xmalloc.h"

/* Below these sizes nothing but a "too small" line is drawn; below WIDE_COLS one pane at a time. */
#define MIN_COLS 40
#define MIN_ROWS 10
#define WIDE_COLS 80
#define THIRD_COLS 120

const struct ui_key ui_keys[] = {
	{ 'j', 0, "j", UI_DOWN, "down one line (reader) or row" },
	{ KEY_DOWN, 1, "Down", UI_DOWN, NULL },
	{ 'k', 0, "k", UI_UP, "up one line or row" },
	{ KEY_UP, 1, "Up", UI_UP, NULL },
	{ ' ', 0, "Space", UI_PAGE_DOWN, "down one page" },
	{ KEY_NPAGE, 1, "PgDn", UI_PAGE_DOWN, NULL },
	{ 'b', 0, "b", UI_PAGE_UP, "up one page" },
	{ KEY_PPAGE, 1, "PgUp", UI_PAGE_UP, NULL },
	{ 'd', 0, "d", UI_HALF_DOWN, "down half a page" },
	{ 'u', 0, "u", UI_HALF_UP, "up half a page" },
	{ 'g', 0, "g", UI_TOP, "to the beginning" },
	{ KEY_HOME, 1, "Home", UI_TOP, NULL },
	{ 'G', 0, "G", UI_BOTTOM, "to the end" },
	{ KEY_END, 1, "End", UI_BOTTOM, NULL },
	{ '\t', 0, "Tab", UI_FOCUS_NEXT, "focus the next pane (one pane at a time: show it)" },
	{ KEY_BTAB, 1, "Shift-Tab", UI_FOCUS_PREV, "focus the previous pane" },
	{ '\n', 0, "Enter", UI_OPEN, "open the report, or jump to the chapter" },
	{ '\r', 0, "Enter", UI_OPEN, NULL },
	{ KEY_ENTER, 1, "Enter", UI_OPEN, NULL },
	{ ']', 0, "]", UI_HEADING_NEXT, "next heading" },
	{ '[', 0, "[", UI_HEADING_PREV, "previous heading" },
	{ 'h', 0, "h", UI_COLLAPSE, "chapters: fold the branch, or go to its parent; compare: column to the left" },
	{ KEY_LEFT, 1, "Left", UI_COLLAPSE, NULL },
	{ 'l', 0, "l", UI_EXPAND, "chapters: unfold the branch; compare: column to the right" },
	{ KEY_RIGHT, 1, "Right", UI_EXPAND, NULL },
	{ 'o', 0, "o", UI_TOGGLE, "chapters: fold or unfold; search results: order by relevance, hits, region or year, in turn" },
	{ '-', 0, "-", UI_COLLAPSE_ALL, "chapters: fold all" },
	{ '+', 0, "+", UI_EXPAND_ALL, "chapters: unfold all" },
	{ '=', 0, "=", UI_EXPAND_ALL, NULL },
	{ ' ', 0, "Space", UI_MARK_REPORT, "reports: mark or unmark the report for comparing (2 to 4)" },
	{ 'c', 0, "c", UI_COMPARE, "compare the marked reports side by side, topic by topic" },
	{ 't', 0, "t", UI_TOPICS, "compare: list of the topics, to jump to one" },
	{ 'f', 0, "f", UI_FACTS, "compare: the table of key figures, or back to the sections" },
	{ 27, 0, "Esc", UI_BACK, "close the popup, or the view on top: back to the one below; in the panes, back to the compare view Enter left" },
	{ 'm', 0, "m", UI_MARK_SET, "m then a letter: mark the reading position" },
	{ '\'', 0, "'", UI_MARK_GO, "' then a letter: go to the mark; '' back to before the last jump" },
	{ '/', 0, "/", UI_SEARCH, "search this report as you type (Enter keeps, Esc goes back; Up/Down: history)" },
	{ 'n', 0, "n", UI_SEARCH_NEXT, "next hit of the search" },
	{ 'N', 0, "N", UI_SEARCH_PREV, "previous hit of the search" },
	{ 's', 0, "s", UI_SEARCH_VIEW, "search all reports: results by district with snippets (Enter opens, Esc leaves)" },
	{ 'i', 0, "i", UI_DETAILS, "the open report's file, issuer, publishing date and level, on the status line" },
	{ 'z', 0, "z", UI_FOLD_LIST, "fold the reports pane away, or back: the chapters and the reader take its width" },
	{ '?', 0, "?", UI_HELP, "this help (q, ? or Esc closes it)" },
	{ 12, 0, "Ctrl-L", UI_REDRAW, "redraw the screen" },
	{ 'q', 0, "q", UI_QUIT, "quit (the reading position is remembered; an index update under way is stopped)" },
	{ 'O', 0, "O", UI_OVERVIEW, "overview: a row per report, sortable; Enter opens it" },
	{ '<', 0, "<", UI_SORT_PREV, "overview: sort by the column to the left; district: earlier years" },
	{ '>', 0, ">", UI_SORT_NEXT, "overview: sort by the column to the right; district: later years" },
	{ 'r', 0, "r", UI_SORT_REVERSE, "overview: reverse the order" },
	{ 'D', 0, "D", UI_DISTRICT, "district view: the region's reports year by year" },
	{ 'b', 0, "b", UI_CHART, "key figures, district: chart the metric under the cursor" },
	{ 0, 0, NULL, UI_NONE, NULL },
};

int ui_action_scoped(enum ui_action a)
{
	return a == UI_MARK_REPORT || a == UI_CHART;
}

int ui_key_means(int r, wint_t ch, enum ui_action a)
{
	int fkey = r == KEY_CODE_YES;
	for (const struct ui_key *k = ui_keys; k->name; k++)
		if (k->fkey == fkey && (wint_t)k->code == ch && k->action == a)
			return 1;
	return 0;
}

enum ui_action ui_key_action(int r, wint_t ch)
{
	int fkey = r == KEY_CODE_YES;
	for (const struct ui_key *k = ui_keys; k->name; k++)
		if (k->fkey == fkey && (wint_t)k->code == ch && !ui_action_scoped(k->action))
			return k->action;
	return UI_NONE;
}

/* Offers the key's pane-scoped meanings to the pane; 1 when it took one. */
static int offer_scoped(struct ui *u, const struct ui_pane *p, int r, wint_t ch)
{
	int fkey = r == KEY_CODE_YES;
	for (const struct ui_key *k = ui_keys; k->name; k++)
		if (k->fkey == fkey && (wint_t)k->code == ch && ui_action_scoped(k->action) && p->key(u, k->action))
			return 1;
	return 0;
}

int ui_action_moves(enum ui_action a)
{
	return a == UI_DOWN || a == UI_UP || a == UI_PAGE_DOWN || a == UI_PAGE_UP
	    || a == UI_HALF_DOWN || a == UI_HALF_UP || a == UI_TOP || a == UI_BOTTOM;
}

size_t ui_move_row(size_t sel, size_t n, enum ui_action a, int rows)
{
	size_t page = rows > 1 ? (size_t)rows - 1 : 1, half = page / 2 ? page / 2 : 1;
	size_t last = n ? n - 1 : 0;
	switch (a) {
	case UI_DOWN: return sel < last ? sel + 1 : last;
	case UI_UP: return sel ? sel - 1 : 0;
	case UI_PAGE_DOWN: return last - sel > page ? sel + page : last;
	case UI_PAGE_UP: return sel > page ? sel - page : 0;
	case UI_HALF_DOWN: return last - sel > half ? sel + half : last;
	case UI_HALF_UP: return sel > half ? sel - half : 0;
	case UI_TOP: return 0;
	case UI_BOTTOM: return last;
	default: return sel;
	}
}

void ui_keep_visible(size_t *top, size_t sel, size_t n, int rows)
{
	size_t r = rows > 0 ? (size_t)rows : 1;
	if (sel < *top)
		*top = sel;
	else if (sel >= *top + r)
		*top = sel - r + 1;
	if (n > r && *top > n - r)
		*top = n - r;   /* no empty rows below the last while rows are hidden above */
	if (n <= r)
		*top = 0;
}

static const struct ui_pane *const panes[UI_NPANES] = { &ui_list_pane, &ui_tree_pane, &ui_reader_pane };

/* ---- the view stack ---- */

void ui_view_push(struct ui *u, const struct ui_view_type *t, void *data)
{
	u->views = xgrow(u->views, &u->viewcap, u->nviews + 1, sizeof *u->views);
	u->views[u->nviews++] = (struct ui_view){ t, data };
	if (t->resize && !u->too_small)
		t->resize(u, data, ui_view_rows(u), COLS);
}

void ui_view_pop(struct ui *u)
{
	if (u->nviews == 0)
		return;
	struct ui_view v = u->views[--u->nviews];
	if (v.type->close)
		v.type->close(u, v.data);
	if (u->nviews > 0)
		return;
	for (int i = 0; i < UI_NPANES; i++)
		if (u->win[i])
			touchwin(u->win[i]);   /* the panes come back over the body */
}

struct ui_view *ui_view_top(struct ui *u)
{
	return u->nviews ? &u->views[u->nviews - 1] : NULL;
}

int ui_view_has(const struct ui *u, const struct ui_view_type *t)
{
	for (size_t i = 0; i < u->nviews; i++)
		if (u->views[i].type == t)
			return 1;
	return 0;
}

int ui_view_rows(const struct ui *u)
{
	return ui_page_rows(u, UI_READER);   /* the body spans the panes' rows */
}

void ui_want_cursor(struct ui *u)
{
	u->cursor = 1;
}

void ui_want_frame(struct ui *u)
{
	u->busy = 1;
}

/* CPU time per frame, printed on exit when FAZHI_FRAME_STATS is set (make bench). */
struct frame_stats {
	unsigned long frames;
	double total, max;    /* seconds drawing frames */
	double update;        /* of which in doupdate: sending the changes to the terminal */
	double wrap;          /* seconds laying out reports (wrapping) */
	unsigned long wraps;
	double first_cpu;     /* CPU seconds of the process when its first frame was out */
	double first_wall;    /* seconds from the process's start to then (clock ticks: ±10 ms), -1 unknown */
	double reopen;        /* wall seconds opening the corpus again after an update, -1 none */
};
static struct frame_stats stats = { .reopen = -1 };

double ui_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- terminal set-up and restoring ---- */

static SCREEN *screen;
static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
	got_signal = sig;
}

static void restore_terminal(void)
{
	if (screen && !isendwin())
		endwin();
}

static void catch_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;   /* no SA_RESTART: get_wch returns so the loop sees the flag */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static int utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

static int want_color(const struct ui_options *opt)
{
	if (opt->color == UI_COLOR_NEVER || !has_colors())
		return 0;
	if (opt->color == UI_COLOR_ALWAYS)
		return 1;
	const char *no = getenv("NO_COLOR");
	return !(no && no[0]);
}

static int no_terminal(void)
{
	const char *term = getenv("TERM");
	char *clean = encoding_clean(term ? term : "", term ? strlen(term) : 0, NULL);
	fprintf(stderr, "fazhi: cannot drive the terminal (TERM=%s); try TERM=xterm-256color\n", clean);
	free(clean);
	return -1;
}

static int start_terminal(const struct ui_options *opt)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("fazhi: the browser needs a terminal on stdin and stdout;"
		      " for output to a pipe use a command such as 'fazhi outline' (see fazhi --help)\n", stderr);
		return -1;
	}
	if (!utf8_locale()) {
		fprintf(stderr, "fazhi: the browser needs a UTF-8 locale, but the character set is %s;"
		        " try LANG=C.UTF-8\n", nl_langinfo(CODESET));
		return -1;
	}
	catch_signals();   /* before newterm, so ncurses leaves our handlers in place */
	screen = newterm(NULL, stdout, stdin);
	if (!screen)
		return no_terminal();
	set_term(screen);
	const char *cup = tigetstr("cup");
	if (!cup || cup == (const char *)-1) {   /* dumb, hardcopy: no way to draw panes */
		endwin();
		delscreen(screen);
		screen = NULL;
		return no_terminal();
	}
	xmalloc_set_exit_hook(restore_terminal);
	cbreak();
	noecho();
	nonl();   /* Enter arrives as '\r' and the cursor moves stay exact */
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	wtimeout(stdscr, 200);   /* the loop sees a signal flag within 200 ms */
	if (want_color(opt)) {
		start_color();
		use_default_colors();
		ui_draw_init(1);
	} else {
		ui_draw_init(0);
	}
	if (opt->mouse) {
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	refresh();   /* stdscr is never drawn on in the normal case; settle it once */
	return 0;
}

static void stop_terminal(struct ui *u)
{
	for (int i = 0; i < UI_NPANES; i++)
		if (u->win[i])
			delwin(u->win[i]);
	if (u->bar)
		delwin(u->bar);
	if (u->status)
		delwin(u->status);
	if (u->body)
		delwin(u->body);
	/* A terminal without an alternate screen keeps what was drawn last: clear it, so that
	 * quitting leaves nothing of the browser behind. */
	erase();
	refresh();
	endwin();
	delscreen(screen);
	screen = NULL;
	xmalloc_set_exit_hook(NULL);
}

/* ---- the model side of the hub ---- */

static const struct report *open_report(const struct ui *u)
{
	return u->cur >= 0 ? corpus_get(u->corpus, (size_t)u->cur) : NULL;   /* loaded by ui_open */
}

static void sort_order(struct ui *u)
{
	size_t n = u->corpus->n;
	u->order = xmalloc((n ? n : 1) * sizeof *u->order);
	if (index_cache_list_order(u->corpus, u->order) < 0)
		corpus_list_order(u->corpus, u->order);
}

static void remember_position(struct ui *u)
{
	const struct report *r = open_report(u);
	if (r && u->state)
		state_set(u->state, r->path, ui_reader_top_offset(u));
}

static void relayout_reader(struct ui *u)
{
	const struct ui_rect *p = &u->pane[UI_READER];
	if (p->w <= 0 || p->h <= 0)
		return;
	int before = u->rd.width;
	double t0 = cpu_now();
	ui_reader_pane.resize(u, p->h, p->w);
	if (u->rd.width != before) {
		stats.wraps++;
		stats.wrap += cpu_now() - t0;
	}
}

void ui_open(struct ui *u, int report)
{
	if (report == u->cur || report < 0 || (size_t)report >= u->corpus->n)
		return;
	if (!corpus_get(u->corpus, (size_t)report)) {   /* a lazy entry gone bad since the walk */
		for (size_t k = u->corpus->nmsgs; k-- > 0;)
			if (u->corpus->msgs[k].entry == report) {
				ui_message(u, "%s: %s", u->corpus->msgs[k].path, u->corpus->msgs[k].reason);
				break;
			}
		return;
	}
	remember_position(u);
	if (u->cur >= 0)
		outline_fini(&u->outline);
	u->cur = report;
	const struct report *r = open_report(u);
	outline_init(&u->outline, r);
	u->tree_top = 0;
	ui_reader_reset(u);
	size_t off = r->body_start;
	if (u->state && state_get(u->state, r->path, &off) && off > r->len)
		off = r->body_start;
	ui_reader_goto(u, off);
	relayout_reader(u);
	for (size_t i = 0; i < u->corpus->n; i++)
		if (u->order[i] == (size_t)report)
			u->sel = i;
}

static void jump_to(struct ui *u, int report, size_t off)
{
	u->back.report = u->cur;
	u->back.off = ui_reader_top_offset(u);
	ui_open(u, report);
	ui_reader_goto(u, off);
}

void ui_show_chart(struct ui *u, const char *title, const struct chart_bar *bars, size_t n)
{
	ui_chart_open(u, title, bars, n);
}

void ui_show_district(struct ui *u, int report)
{
	ui_district_open(u, report);
}

void ui_jump(struct ui *u, size_t off)
{
	jump_to(u, u->cur, off);
}

void ui_read_at(struct ui *u, int report, size_t off, const char *query, size_t qn)
{
	while (u->nviews)
		ui_view_pop(u);
	ui_open(u, report);
	ui_jump(u, off);
	u->focus = UI_READER;
	if (query)
		ui_find_set(u, query, qn, off);
}

int ui_report_hits(struct ui *u, size_t report, size_t *hits)
{
	return ui_results_hits(u, report, hits);
}

void ui_message(struct ui *u, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
}

int ui_page_rows(const struct ui *u, enum ui_pane_id p)
{
	return u->pane[p].h > 0 ? u->pane[p].h : 1;
}

/* The chapters pane follows the reading position. */
static void follow(struct ui *u, int *followed)
{
	if (u->cur < 0 || u->cur_section == *followed)
		return;
	*followed = u->cur_section;
	if (u->cur_section >= 0)
		outline_select_section(&u->outline, u->cur_section);
	else
		u->outline.selected = 0;
}

/* ---- layout ---- */

static WINDOW *fresh_window(WINDOW *old, int h, int w, int y, int x)
{
	if (old)
		delwin(old);
	return h > 0 && w > 0 ? newwin(h, w, y, x) : NULL;
}

/* The reports pane takes a third of a wide terminal, for names as long as 湛江经济技术开发区's;
 * below THIRD_COLS a fifth, so that the reader keeps its room; 0 when folded away. */
static int list_width(const struct ui *u, int cols)
{
	if (u->folded && !u->single)
		return 0;
	if (cols >= THIRD_COLS)
		return cols / 3 > 60 ? 60 : cols / 3;
	return cols / 5 < 20 ? 20 : cols / 5 > 36 ? 36 : cols / 5;
}

/* The chapters pane: a fifth; a third when the reports pane is folded, for headings read whole. */
static int tree_width(int list, int cols)
{
	int w = list ? cols / 5 : cols / 3, max = list ? 40 : 48;
	return w < 18 ? 18 : w > max ? max : w;
}

static void layout(struct ui *u)
{
	int rows = LINES, cols = COLS;
	u->too_small = cols < MIN_COLS || rows < MIN_ROWS;
	u->single = cols < WIDE_COLS;
	int h = u->too_small ? 0 : rows - 2;
	int list = list_width(u, cols), tree = tree_width(list, cols);
	if (u->folded && !u->single && u->focus == UI_LIST)
		u->focus = UI_TREE;
	for (int i = 0; i < UI_NPANES; i++) {
		struct ui_rect *p = &u->pane[i];
		if (u->single) {
			*p = (struct ui_rect){ 1, 0, h, cols };
		} else {
			int gap = list > 0;   /* the reports pane's border */
			int x = i == UI_LIST ? 0 : i == UI_TREE ? list + gap : list + gap + tree + 1;
			int w = i == UI_LIST ? list : i == UI_TREE ? tree : cols - x;
			*p = (struct ui_rect){ 1, x, h, w };
		}
		int border = !u->single && i != UI_READER && p->w > 0;
		u->win[i] = fresh_window(u->win[i], h, p->w + border, p->y, p->x);
	}
	u->bar = fresh_window(u->bar, u->too_small ? 0 : 1, cols, 0, 0);
	u->status = fresh_window(u->status, u->too_small ? 0 : 1, cols, rows - 1, 0);
	u->body = fresh_window(u->body, h, cols, 1, 0);
	if (u->too_small)
		return;
	for (int i = 0; i < UI_NPANES; i++)
		if (i != UI_READER)
			panes[i]->resize(u, u->pane[i].h, u->pane[i].w);
	relayout_reader(u);
	for (size_t i = 0; i < u->nviews; i++)
		if (u->views[i].type->resize)
			u->views[i].type->resize(u, u->views[i].data, h, cols);
}

/* ---- drawing ---- */

/* Writers for the one-row bars: each returns the column after what it drew. */
static int put_n(WINDOW *w, int x, int cols, const char *s, size_t n, enum ui_role r)
{
	if (x >= cols)
		return x;
	return x + ui_draw_text(w, 0, x, cols - x, s, n, r, 0);
}

static int put(WINDOW *w, int x, int cols, const char *s, enum ui_role r)
{
	return put_n(w, x, cols, s, strlen(s), r);
}

static void draw_bar(struct ui *u)
{
	WINDOW *w = u->bar;
	int cols = COLS, x = 0;
	char head[64];
	const struct ui_view *v = ui_view_top(u);
	if (v) {   /* a view's own name; the report under it is not what it shows */
		snprintf(head, sizeof head, " fazhi \xE2\x80\xA2 %s ", v->type->name);
		x = put(w, x, cols, head, UI_R_BAR);
		ui_draw_fill(w, 0, x, cols - x, UI_R_BAR);
		return;
	}
	if (u->single)
		snprintf(head, sizeof head, " fazhi \xE2\x80\xA2 %s %d/3 (Tab) ", panes[u->focus]->name, u->focus + 1);
	else
		snprintf(head, sizeof head, " fazhi \xE2\x80\xA2 %s ", panes[u->focus]->name);
	x = put(w, x, cols, head, UI_R_BAR);
	const struct report *r = open_report(u);
	if (r) {
		char year[16] = "";
		if (r->meta.region)
			x = put(w, x, cols, r->meta.region, UI_R_BAR);
		if (r->meta.year > 0)
			snprintf(year, sizeof year, " %d", r->meta.year);
		x = put(w, x, cols, year, UI_R_BAR);
		if (r->meta.corrected)   /* metadata set by hand: say where it comes from */
			x = put(w, x, cols, " (" META_FIX_NAME ")", UI_R_BAR);
		x = put(w, x, cols, "  ", UI_R_BAR);
		if (r->meta.title)
			x = put(w, x, cols, r->meta.title, UI_R_BAR);
		else if (x < cols)   /* the file's name: a path cut at the edge would say less */
			x += ui_draw_outside(w, 0, x, cols - x, ui_file_name(r->path), UI_R_BAR, 0);
	}
	if (x < cols)
		ui_draw_fill(w, 0, x, cols - x, UI_R_BAR);
}

/* One breadcrumb item, clipped to `max` cells with an ellipsis. */
static int crumb(WINDOW *w, int x, int cols, const char *s, size_t n, int max)
{
	static const char ell[] = "\xE2\x80\xA6";
	if (x >= cols)
		return x;
	if ((int)text_width(s, n) <= max)
		return put_n(w, x, cols, s, n, UI_R_BAR);
	int ew = (int)text_width(ell, sizeof ell - 1);
	size_t used;
	size_t fit = text_clip(s, n, (size_t)(max > ew ? max - ew : 0), &used);
	x = put_n(w, x, cols, s, fit, UI_R_BAR);
	return put(w, x, cols, ell, UI_R_BAR);
}

static int breadcrumb(struct ui *u, WINDOW *w, int x, int cols)
{
	const struct report *r = open_report(u);
	if (!r)
		return x;
	if (u->cur_section < 0)
		return put(w, x, cols, "(before the first heading)", UI_R_BAR);
	int chain[8], n = 0;
	for (int s = u->cur_section; s >= 0 && n < 8; s = r->sections[s].parent)
		chain[n++] = s;
	/* Clip only when they do not all fit: each gets an equal share, at least 12 cells. */
	int max = ((cols - x) - 3 * (n - 1)) / n;
	if (max < 12)
		max = 12;
	while (n-- > 0) {
		const struct section *s = &r->sections[chain[n]];
		x = crumb(w, x, cols, r->text + s->head_start, s->head_end - s->head_start, max);
		if (n > 0)
			x = put(w, x, cols, " \xE2\x80\xBA ", UI_R_BAR);
	}
	return x;
}

/* ---- the index updated in the background ---- */

/* What the status line says of the update while there is no message: 1 and buf, or 0. */
static int update_status(const struct ui *u, char *buf, size_t size)
{
	const struct ui_source *src = u->src;
	if (u->update_ready) {
		snprintf(buf, size, "the index is updated: the list shows it when this view closes");
		return 1;
	}
	if (!u->update)
		return 0;
	size_t done, total;
	ui_update_progress(u->update, &done, &total);
	int n = total ? snprintf(buf, size, "updating the index %zu/%zu", done, total)
	              : snprintf(buf, size, "updating the index");
	size_t behind = src->added + src->changed + src->removed;
	if (src->behind && n > 0 && (size_t)n < size)
		snprintf(buf + n, size - (size_t)n, " (it was %zu file%s behind: %zu added, %zu changed, %zu removed)",
		         behind, behind == 1 ? "" : "s", src->added, src->changed, src->removed);
	return 1;
}

/* After the first frame: a stale index is updated in a child process, or only named. */
static void start_update(struct ui *u)
{
	struct ui_source *src = u->src;
	u->update_state = UI_UPDATE_RUNNING;   /* tried once, whatever comes of it */
	size_t behind = src->added + src->changed + src->removed;
	if (!src->update) {
		ui_message(u, "the index is %zu file%s behind: fazhi index updates it (%zu added, %zu changed, %zu removed)",
		           behind, behind == 1 ? "" : "s", src->added, src->changed, src->removed);
		return;
	}
	char *cause = NULL;
	u->update = ui_update_start(src->self, src->paths, src->npaths, &cause);
	if (!u->update) {
		u->update_state = UI_UPDATE_FAILED;
		ui_message(u, "the index could not be updated: %s; fazhi index updates it", cause);
		free(cause);
	}
}

/* Where the user is, by path, to be found again in the corpus opened anew. */
struct place {
	char *open, *selected, *back, *query;
	size_t off, back_off;
	char *marks[26];
	size_t mark_off[26];
	char *marked[UI_COMPARE_MAX];
	int nmarked;
};

static char *path_of(const struct ui *u, int report)
{
	return report >= 0 && (size_t)report < u->corpus->n ? xstrdup(corpus_path(u->corpus, (size_t)report)) : NULL;
}

/* The entry of c whose path is `path`, or -1 (none, or path NULL). */
static int entry_of(const struct corpus *c, const char *path)
{
	for (size_t i = 0; path && i < c->n; i++)
		if (strcmp(corpus_path(c, i), path) == 0)
			return corpus_failed(c, i) ? -1 : (int)i;
	return -1;
}

static void place_take(struct ui *u, struct place *p)
{
	memset(p, 0, sizeof *p);
	p->open = path_of(u, u->cur);
	p->off = ui_reader_top_offset(u);
	p->selected = u->corpus->n ? path_of(u, (int)u->order[u->sel]) : NULL;
	p->back = path_of(u, u->back.report);
	p->back_off = u->back.off;
	const char *q = ui_find_query(u);
	p->query = q ? xstrdup(q) : NULL;
	for (int i = 0; i < 26; i++) {
		p->marks[i] = path_of(u, u->marks[i].report);
		p->mark_off[i] = u->marks[i].off;
	}
	for (int i = 0; i < u->nmarked; i++)
		p->marked[p->nmarked++] = path_of(u, u->marked[i]);
}

static void place_fini(struct place *p)
{
	free(p->open);
	free(p->selected);
	free(p->back);
	free(p->query);
	for (int i = 0; i < 26; i++)
		free(p->marks[i]);
	for (int i = 0; i < p->nmarked; i++)
		free(p->marked[i]);
}

/* Everything of the ui that points into the corpus goes (views are closed already). */
static void drop_corpus(struct ui *u)
{
	remember_position(u);
	if (u->cur >= 0)
		outline_fini(&u->outline);
	u->cur = -1;
	ui_reader_fini(u);
	ui_reader_reset(u);
	ui_results_free(u);
	u->results = NULL;
	free(u->order);
	u->order = NULL;
	memset(&u->compare_place, 0, sizeof u->compare_place);
}

static void place_restore(struct ui *u, const struct place *p)
{
	for (int i = 0; i < 26; i++)
		u->marks[i] = (struct ui_mark){ entry_of(u->corpus, p->marks[i]), p->mark_off[i] };
	u->back = (struct ui_mark){ entry_of(u->corpus, p->back), p->back_off };
	u->nmarked = 0;
	for (int i = 0; i < p->nmarked; i++)
		if (entry_of(u->corpus, p->marked[i]) >= 0)
			u->marked[u->nmarked++] = entry_of(u->corpus, p->marked[i]);
	int open = entry_of(u->corpus, p->open);
	if (open >= 0) {
		ui_open(u, open);
		ui_reader_goto(u, p->off);
		if (p->query)
			ui_find_set(u, p->query, strlen(p->query), p->off);
	}
	int selected = entry_of(u->corpus, p->selected);
	u->sel = u->corpus->n && u->sel >= u->corpus->n ? u->corpus->n - 1 : u->sel;
	for (size_t i = 0; selected >= 0 && i < u->corpus->n; i++)
		if (u->order[i] == (size_t)selected)
			u->sel = i;
}

/* The index is up to date: the corpus is opened again from it, and the user stays where he was.
 * A report open that is gone closes. */
static void swap_corpus(struct ui *u)
{
	struct ui_source *src = u->src;
	struct corpus *c;
	struct session *s;
	char *cause = NULL;
	size_t behind = 0;
	double t0 = ui_clock();
	u->update_ready = 0;
	if (src->reopen(src->arg, &c, &s, &behind, &cause) != 0) {
		ui_message(u, "the updated index could not be opened: %s; the list is the old one", cause);
		free(cause);
		return;
	}
	struct place p;
	place_take(u, &p);
	drop_corpus(u);
	src->release(src->arg, src->corpus, src->session);
	src->corpus = u->corpus = c;
	src->session = u->session = s;
	src->behind = 0;
	sort_order(u);
	place_restore(u, &p);
	if (p.open && u->cur < 0)
		ui_message(u, "%s is no longer there: closed; the index is updated (%zu reports)", ui_file_name(p.open), c->n);
	else if (behind)   /* files changed while it was built: said, not chased */
		ui_message(u, "the index is updated (%zu reports), but %zu file%s changed meanwhile: fazhi index updates %s",
		           c->n, behind, behind == 1 ? "" : "s", behind == 1 ? "it" : "them");
	else
		ui_message(u, "the index is up to date: %zu reports", c->n);
	place_fini(&p);
	stats.reopen = ui_clock() - t0;
}

/* Once a frame: what the child said; the swap waits until no view or prompt holds the corpus. */
static void follow_update(struct ui *u)
{
	if (u->update) {
		enum ui_update_state st = ui_update_poll(u->update);
		if (st == UI_UPDATE_FAILED)
			ui_message(u, "the index update failed: %s; the list is the old one", ui_update_failure(u->update));
		u->update_ready = st == UI_UPDATE_DONE;
		u->update_state = st;
		if (st != UI_UPDATE_RUNNING) {
			ui_update_free(u->update);
			u->update = NULL;
		}
	}
	if (u->update_ready && u->nviews == 0 && !ui_find_prompting(u) && !u->pending)
		swap_corpus(u);
}

/* The status line's frame: the message or `left` (drawn by the caller from x when NULL is
 * given: the breadcrumb), then `right` at the right edge. */
static void status_frame(struct ui *u, WINDOW *w, int cols, const char *left, const char *right)
{
	int rw = (int)text_width(right, strlen(right));
	int room = cols - rw > 0 ? cols - rw : 0;
	int x = put(w, 0, room, " ", UI_R_BAR);
	char update[160];
	if (u->msg[0]) {
		if (x < room)
			x += ui_draw_outside(w, 0, x, room - x, u->msg, UI_R_MESSAGE, 0);
	} else if (update_status(u, update, sizeof update)) {
		x = put(w, x, room, update, UI_R_MESSAGE);
	} else if (left) {
		x = put(w, x, room, left, UI_R_BAR);
	} else {
		x = breadcrumb(u, w, x, room);
	}
	if (x < room)
		ui_draw_fill(w, 0, x, room - x, UI_R_BAR);
	x = x > room ? x : room;
	x = put(w, x, cols, right, UI_R_BAR);
	if (x < cols)
		ui_draw_fill(w, 0, x, cols - x, UI_R_BAR);
}

void ui_status_line(struct ui *u, WINDOW *w, int cols, const char *left, const char *right)
{
	status_frame(u, w, cols, left ? left : "", right ? right : "");
}

static void draw_status(struct ui *u)
{
	WINDOW *w = u->status;
	int cols = COLS;
	char right[64];
	struct ui_view *v = ui_view_top(u);
	leaveok(w, TRUE);   /* a prompt on this line says otherwise */
	if (v) {
		if (v->type->status)
			v->type->status(u, v->data, w, cols);
		else
			ui_status_line(u, w, cols, "", u->pending ? " \xE2\x80\xA6 " : "");
		return;
	}
	if (ui_find_status(u, w, cols))
		return;
	if (u->pending)
		snprintf(right, sizeof right, " %c\xE2\x80\xA6 ", u->pending);
	else if (u->cur >= 0)
		snprintf(right, sizeof right, "%s %3d%% ", ui_find_counter(u), ui_reader_percent(u));
	else
		right[0] = '\0';
	status_frame(u, w, cols, NULL, right);
}

static void draw_too_small(void)
{
	static const char msg[] = "terminal too small";
	werase(stdscr);
	int need = (int)sizeof msg - 1;
	int x = COLS > need ? (COLS - need) / 2 : 0;
	ui_draw_text(stdscr, LINES / 2, x, COLS - x, msg, sizeof msg - 1, UI_R_TEXT, 0);
	wnoutrefresh(stdscr);
}

static void draw_border(struct ui *u, int i)
{
	short pair;
	attr_t a = ui_draw_attr(UI_R_BORDER, &pair);
	cchar_t line;
	setcchar(&line, L"\u2502", a, pair, NULL);
	mvwvline_set(u->win[i], 0, u->pane[i].w, &line, u->pane[i].h);
}

static void draw(struct ui *u)
{
	u->busy = 0;
	wnoutrefresh(stdscr);   /* keeps get_wch from repainting stdscr over the panes */
	if (u->too_small || !u->bar || !u->status) {
		draw_too_small();
		doupdate();
		return;
	}
	draw_bar(u);
	wnoutrefresh(u->bar);
	u->cursor = 0;
	struct ui_view *v = ui_view_top(u);
	if (v && u->body) {
		v->type->draw(u, v->data, u->body, u->pane[UI_READER].h, COLS);
		wnoutrefresh(u->body);
	} else {
		for (int i = 0; i < UI_NPANES; i++) {
			if (!u->win[i] || (u->single && i != (int)u->focus))
				continue;
			panes[i]->draw(u, u->win[i], u->pane[i].h, u->pane[i].w);
			if (!u->single && i != UI_READER)
				draw_border(u, i);
			wnoutrefresh(u->win[i]);
		}
	}
	draw_status(u);
	wnoutrefresh(u->status);
	if (u->cursor != u->cursor_shown)
		curs_set(u->cursor);
	u->cursor_shown = u->cursor;
	double t0 = cpu_now();
	doupdate();
	stats.update += cpu_now() - t0;
}

/* ---- input ---- */

static void set_mark(struct ui *u, wint_t ch)
{
	if (ch < 'a' || ch > 'z' || u->cur < 0) {
		ui_message(u, "marks are the letters a to z");
		return;
	}
	u->marks[ch - 'a'] = (struct ui_mark){ u->cur, ui_reader_top_offset(u) };
	ui_message(u, "mark %c set", (int)ch);
}

static void go_mark(struct ui *u, wint_t ch)
{
	struct ui_mark m;
	if (ch == '\'')
		m = u->back;
	else if (ch >= 'a' && ch <= 'z')
		m = u->marks[ch - 'a'];
	else {
		ui_message(u, "marks are the letters a to z");
		return;
	}
	if (m.report < 0) {
		if (ch == '\'')
			ui_message(u, "no jump to go back from");
		else
			ui_message(u, "mark %c is not set", (int)ch);
		return;
	}
	jump_to(u, m.report, m.off);
}

static void focus_step(struct ui *u, int step)
{
	do
		u->focus = (enum ui_pane_id)((u->focus + UI_NPANES + step) % UI_NPANES);
	while (u->folded && !u->single && u->focus == UI_LIST);
}

static void fold_list(struct ui *u)
{
	u->folded = !u->folded;
	if (u->folded && u->focus == UI_LIST)
		u->focus = UI_TREE;
	layout(u);
	if (u->single)
		ui_message(u, "one pane at a time here: Tab shows each");
}

static void show_details(struct ui *u)
{
	const struct report *r = open_report(u);
	if (!r) {
		ui_message(u, "no report is open");
		return;
	}
	const char *none = "not stated";
	ui_message(u, "%s \xC2\xB7 issuer: %s \xC2\xB7 published: %s \xC2\xB7 level: %s", ui_file_name(r->path),
	           r->meta.issuer ? r->meta.issuer : none, r->meta.published[0] ? r->meta.published : none,
	           report_level_name(r->meta.level));
}

static void global_key(struct ui *u, enum ui_action a)
{
	size_t off;
	switch (a) {
	case UI_FOCUS_NEXT: focus_step(u, 1); break;
	case UI_FOCUS_PREV: focus_step(u, -1); break;
	case UI_HEADING_NEXT:
	case UI_HEADING_PREV:
		if (ui_reader_heading(u, a == UI_HEADING_NEXT ? 1 : -1, &off))
			ui_jump(u, off);
		else
			ui_message(u, a == UI_HEADING_NEXT ? "no heading below" : "no heading above");
		break;
	case UI_COMPARE: ui_compare_open(u); break;
	case UI_OVERVIEW: ui_overview_open(u); break;
	case UI_DISTRICT: ui_district_open(u, u->focus == UI_LIST && u->corpus->n ? (int)u->order[u->sel] : u->cur); break;
	case UI_SORT_PREV:
	case UI_SORT_NEXT:
	case UI_SORT_REVERSE: ui_message(u, "< > and r sort the overview: press O"); break;
	case UI_TOPICS:
	case UI_FACTS: ui_message(u, "mark 2 to 4 reports with Space in the reports pane, then press c to compare"); break;
	case UI_MARK_SET: u->pending = 'm'; break;
	case UI_MARK_GO: u->pending = '\''; break;
	case UI_HELP: ui_help_open(u); break;
	case UI_SEARCH: ui_find_open(u); break;
	case UI_SEARCH_NEXT: ui_find_step(u, 1); break;
	case UI_SEARCH_PREV: ui_find_step(u, -1); break;
	case UI_SEARCH_VIEW: ui_results_open(u); break;
	case UI_BACK:   /* Esc: back to the compare view Enter came from, else the highlights go */
		if (u->compare_place.back)
			ui_compare_open(u);
		else
			ui_find_clear(u);
		break;
	case UI_DETAILS: show_details(u); break;
	case UI_FOLD_LIST: fold_list(u); break;
	case UI_REDRAW: clearok(curscr, TRUE); break;
	case UI_QUIT: u->quit = 1; break;
	default: break;
	}
}

/* Under a view the panes are hidden: of the global table only what is not about them. */
static void view_global_key(struct ui *u, enum ui_action a)
{
	if (a == UI_HELP || a == UI_REDRAW || a == UI_QUIT)
		global_key(u, a);
	else if (a != UI_NONE && a != UI_BACK)
		ui_message(u, "not in this view; Esc goes back, ? lists the keys");
}

static void key(struct ui *u, int r, wint_t ch)
{
	enum ui_action a = ui_key_action(r, ch);
	u->msg[0] = '\0';
	if (u->too_small) {
		u->quit = a == UI_QUIT;
		return;
	}
	if (u->pending) {
		int p = u->pending;
		u->pending = 0;
		if (r == OK && ch == 27)
			return;
		if (r == OK && p == 'm')
			set_mark(u, ch);
		else if (r == OK)
			go_mark(u, ch);
		return;
	}
	struct ui_view *v = ui_view_top(u);
	if (v) {
		if (!v->type->key(u, v->data, r, ch, a))
			view_global_key(u, a);
		return;
	}
	if (ui_find_prompting(u)) {
		ui_find_key(u, r, ch);
		return;
	}
	if (a == UI_NONE) {
		if (!(r == OK && ch == 27))
			ui_message(u, "no such key; press ? for the keys");
		return;
	}
	const struct ui_pane *p = panes[u->focus];
	if (!offer_scoped(u, p, r, ch) && !p->key(u, a))
		global_key(u, a);
}

static int pane_at(const struct ui *u, int y, int x)
{
	for (int i = 0; i < UI_NPANES; i++) {
		const struct ui_rect *p = &u->pane[i];
		if (u->single && i != (int)u->focus)
			continue;
		if (y >= p->y && y < p->y + p->h && x >= p->x && x < p->x + p->w)
			return i;
	}
	return -1;
}

static void mouse(struct ui *u)
{
	MEVENT ev;
	if (getmouse(&ev) != OK || u->too_small)
		return;
	struct ui_view *v = ui_view_top(u);
	if (v) {
		int up = (ev.bstate & BUTTON4_PRESSED) != 0;
		for (int k = 0; k < 3 && (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)); k++)
			v->type->key(u, v->data, KEY_CODE_YES, up ? KEY_UP : KEY_DOWN, up ? UI_UP : UI_DOWN);
		if ((ev.bstate & BUTTON1_PRESSED) && v->type->click && ev.y >= 1)
			v->type->click(u, v->data, ev.y - 1);
		return;
	}
	int i = pane_at(u, ev.y, ev.x);
	if (i < 0)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		enum ui_action a = ev.bstate & BUTTON4_PRESSED ? UI_UP : UI_DOWN;
		for (int k = 0; k < 3; k++)
			panes[i]->key(u, a);
	} else if (ev.bstate & BUTTON1_PRESSED) {
		u->focus = (enum ui_pane_id)i;
		panes[i]->click(u, ev.y - u->pane[i].y);
	}
}

/* ---- the loop ---- */

/* Seconds since the process started, from its start time in clock ticks since boot; -1 unknown. */
static double since_start(void)
{
	char line[1024];
	FILE *f = fopen("/proc/self/stat", "r");
	size_t n = f ? fread(line, 1, sizeof line - 1, f) : 0;
	if (f)
		fclose(f);
	line[n] = '\0';
	char *p = strrchr(line, ')');   /* the command name may hold spaces */
	unsigned long long ticks = 0;
	for (int field = 2; p && field < 22; field++)
		p = strchr(p + 1, ' ');
	struct timespec now;
	if (!p || sscanf(p, " %llu", &ticks) != 1 || clock_gettime(CLOCK_BOOTTIME, &now) != 0)
		return -1;
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9 - (double)ticks / (double)sysconf(_SC_CLK_TCK);
}

static void timed_draw(struct ui *u)
{
	double t0 = cpu_now();
	draw(u);
	double t = cpu_now() - t0;
	if (stats.frames == 0 && getenv("FAZHI_FRAME_STATS")) {
		stats.first_cpu = t0 + t;
		stats.first_wall = since_start();
	}
	stats.frames++;
	stats.total += t;
	if (t > stats.max)
		stats.max = t;
}

static void print_stats(void)
{
	if (!getenv("FAZHI_FRAME_STATS") || stats.frames == 0)
		return;
	fprintf(stderr, "fazhi: %lu frames, %.1f us mean (%.1f us of it in doupdate), %.1f us max CPU per frame; "
	        "%lu layouts, %.1f us mean CPU per layout\n",
	        stats.frames, stats.total / (double)stats.frames * 1e6,
	        stats.update / (double)stats.frames * 1e6, stats.max * 1e6,
	        stats.wraps, stats.wraps ? stats.wrap / (double)stats.wraps * 1e6 : 0.0);
	fprintf(stderr, "fazhi: first frame %.0f ms after the start, %.1f ms CPU\n", stats.first_wall * 1e3,
	        stats.first_cpu * 1e3);
	if (stats.reopen >= 0)
		fprintf(stderr, "fazhi: the corpus opened again after the index update in %.1f ms\n", stats.reopen * 1e3);
}

static void ui_init(struct ui *u, struct ui_source *src, const struct ui_options *opt)
{
	memset(u, 0, sizeof *u);
	u->src = src;
	u->corpus = src->corpus;
	u->session = src->session;
	u->update_state = -1;
	u->opt = opt;
	u->cur = -1;
	u->cur_section = -1;
	u->focus = UI_LIST;
	u->back.report = -1;
	u->cursor_shown = -1;
	for (int i = 0; i < 26; i++)
		u->marks[i].report = -1;
	u->state = state_load();
	sort_order(u);
}

static void ui_fini(struct ui *u)
{
	while (u->nviews)
		ui_view_pop(u);
	free(u->views);
	remember_position(u);
	if (u->cur >= 0)
		outline_fini(&u->outline);
	ui_reader_fini(u);
	ui_results_free(u);
	free(u->order);
	ui_update_free(u->update);   /* a child still at work is stopped */
	u->update = NULL;
}

static void save_failed(const char *what, char *cause)
{
	char *clean = encoding_clean(cause, strlen(cause), NULL);
	fprintf(stderr, "fazhi: %s not saved: %s\n", what, clean);
	free(clean);
	free(cause);
}

static void save_positions(struct ui *u)
{
	char *cause = NULL;
	if (state_save(u->state, &cause) != 0)
		save_failed("reading positions", cause);
	cause = NULL;
	if (state_save_searches(u->state, &cause) != 0)
		free(cause);   /* losing the history is no loss of data: said nowhere */
	state_free(u->state);
	u->state = NULL;
}

/* Reads one key as wget_wch would: OK with a character, KEY_CODE_YES with a key code, ERR.
 * wget_wch itself waits for the rest of an invalid UTF-8 sequence and swallows the keys typed
 * after it (Esc included), so the bytes are taken one by one and decoded here; a byte that
 * cannot continue the sequence is kept for the next key, and the broken one becomes U+FFFD. */
static int read_key(wint_t *out)
{
	int c = wgetch(stdscr);
	if (c == ERR)
		return ERR;
	if (c >= KEY_MIN) {
		*out = (wint_t)c;
		return KEY_CODE_YES;
	}
	*out = 0xfffd;
	if (c < 0x80) {
		*out = (wint_t)c;
		return OK;
	}
	int need = c >= 0xc2 && c < 0xe0 ? 1 : c >= 0xe0 && c < 0xf0 ? 2 : c >= 0xf0 && c < 0xf5 ? 3 : 0;
	if (need == 0)
		return OK;
	uint8_t b[4] = { (uint8_t)c };
	for (int i = 1; i <= need; i++) {
		int d = wgetch(stdscr);
		if (d == ERR || d > 0xff || (d & 0xc0) != 0x80) {
			if (d != ERR)
				ungetch(d);
			return OK;
		}
		b[i] = (uint8_t)d;
	}
	ucs4_t uc;
	if (u8_mbtouc(&uc, b, (size_t)need + 1) == need + 1)
		*out = (wint_t)uc;
	return OK;
}

static void loop(struct ui *u)
{
	int followed = -2;
	while (!u->quit && !got_signal) {
		if (u->update || u->update_ready) {
			follow_update(u);
			if (!u->update && !u->update_ready)
				followed = -2;   /* another outline, perhaps */
		}
		follow(u, &followed);
		timed_draw(u);
		if (u->update_state < 0 && u->src->behind)
			start_update(u);
		wtimeout(stdscr, u->busy ? 0 : u->update ? 100 : 200);   /* a view at work is drawn again at once */
		wint_t ch;
		int r = read_key(&ch);
		if (r == ERR)
			continue;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE)
			layout(u);
		else if (r == KEY_CODE_YES && ch == KEY_MOUSE)
			mouse(u);
		else
			key(u, r, ch);
	}
}

int ui_run(struct ui_source *src, const struct ui_options *opt)
{
	if (start_terminal(opt) != 0)
		return 2;
	struct ui u;
	struct corpus *c = src->corpus;
	ui_init(&u, src, opt);
	layout(&u);
	if (c->n > 0)
		ui_open(&u, (int)u.order[0]);
	if (c->nmsgs > 0)
		ui_message(&u, "%s: %s%s", c->msgs[0].path, c->msgs[0].reason,
		           c->nmsgs > 1 ? " (more on the terminal before fazhi started)" : "");
	loop(&u);
	ui_fini(&u);
	stop_terminal(&u);
	save_positions(&u);
	print_stats();
	return got_signal ? 128 + got_signal : 0;
}
