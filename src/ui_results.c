/* ui_results.c — the corpus-wide search view (s): results by district with snippets. */
#include "ui.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "layout.h"
#include "query.h"
#include "report.h"
#include "session.h"
#include "state.h"
#include "text.h"
#include "xmalloc.h"

/* Design limits: the view cuts its snippets only for the results scrolled into view, so a
 * keystroke costs one index search plus a screenful of snippets, whatever the size of the
 * corpus. That search ranks the best VIEW_FIRST reports without proving every match
 * (index_search_top); all are proved only when the rows run past those, and for the reports
 * pane's hit counts when it is next drawn. */
#define SNIPPETS 3
#define VIEW_FIRST 100
#define SNIPPET_INDENT 16   /* cells a snippet row spends before its text, breadcrumb included */
#define SNIPPET_CELLS 40    /* a snippet's width when the screen allows: the hit and its clause */
/* Rows far down (G; the selection again after the width changed) are built in steps of
 * SEEK_SECONDS a frame: each row reads its report, so keys are answered meanwhile. */
#define SEEK_SECONDS 0.08

#define ROLE_HIT UI_R_SELECTED
#define ROLE_HIT_CURRENT UI_R_MESSAGE

/* A row of the corpus view: a report, or one of its snippets. */
struct vrow {
	size_t result;              /* index into ui_results.res.v */
	int snippet;                /* -1: the report's own row */
	size_t start, end;          /* snippet text in the report */
	int section;                /* section of the snippet, -1 preamble */
	size_t first, n;            /* its hits in ui_results.marks */
};

struct ui_results {
	int editing;
	enum session_order order;   /* o goes to the next */
	struct ui_prompt p;
	struct query *q;
	char err[256];
	struct index_results res;   /* in the view's order */
	long *hits_of;              /* per corpus report: hits of q, -1 no match */
	size_t hitscap;
	int counted;                /* hits_of holds the counts of a query */
	struct vrow *rows;
	size_t nrows, rowcap;
	size_t expanded;            /* results whose rows are built */
	size_t cells;               /* width the snippets were cut to */
	struct index_hit *marks;
	size_t nmarks, markcap;
	struct index_hits tmp;
	size_t sel, top;
	int seeking;                /* rows are built in steps towards seek_result's row seek_snippet */
	size_t seek_result;         /* (INT_MAX: its last), which is selected once built */
	int seek_snippet;
};

/* The index is the session's (opened on the first use of the view, built with progress on the
 * status line when not cached); what it has to say goes to the status line. */
static void progress(void *arg, size_t done, size_t total)
{
	struct ui *u = arg;
	char line[96];
	snprintf(line, sizeof line, " indexing the reports: %zu of %zu", done, total);
	if (!u->status)
		return;
	ui_draw_text(u->status, 0, 0, COLS, line, strlen(line), UI_R_MESSAGE, 1);
	wnoutrefresh(u->status);
	doupdate();
}

static void tell_notice(struct ui *u)
{
	char *notice = session_notice(u->session);
	if (notice)
		ui_message(u, "%s", notice);
	free(notice);
}

/* The results in the view's order, the rows to be cut again from the first. */
static void order_results(struct ui *u)
{
	struct ui_results *v = u->results;
	session_order(u->session, v->q, &v->res, v->order);
	tell_notice(u);
	v->nrows = v->nmarks = v->expanded = 0;
	v->sel = v->top = 0;
	v->seeking = 0;
}

static void view_search(struct ui *u)
{
	struct ui_results *v = u->results;
	query_free(v->q);
	v->q = ui_prompt_query(&v->p, v->err, sizeof v->err);
	v->res.n = v->res.total = v->res.total_hits = 0;
	v->nrows = v->nmarks = v->expanded = 0;
	v->sel = v->top = 0;
	v->counted = 0;
	v->seeking = 0;
	if (!v->q)
		return;
	session_search_top(u->session, v->q, VIEW_FIRST, &v->res);
	order_results(u);
}

/* The hits of every report for the reports pane, once per query. */
static void view_count(struct ui *u, struct ui_results *v, size_t nreports)
{
	struct index_results all = { 0 };
	const struct index_results *r = &v->res;
	if (!(r->exact && r->n == r->total)) {
		session_search(u->session, v->q, 0, &all);
		tell_notice(u);
		r = &all;
	}
	v->hits_of = xgrow(v->hits_of, &v->hitscap, nreports + 1, sizeof *v->hits_of);
	for (size_t i = 0; i < nreports; i++)
		v->hits_of[i] = -1;
	for (size_t i = 0; i < r->n; i++)
		v->hits_of[r->v[i].report] = (long)r->v[i].hits;
	v->counted = 1;
	index_results_fini(&all);
}

static void add_row(struct ui_results *v, struct vrow row)
{
	v->rows = xgrow(v->rows, &v->rowcap, v->nrows + 1, sizeof *v->rows);
	v->rows[v->nrows++] = row;
}

/* The snippet centred on its first hit, about `cells` wide, cut at clauses of its line. */
static void recut(const struct report *r, struct index_snippet *sn, const struct index_hit *hits, size_t cells)
{
	if (sn->n == 0)
		return;
	const struct index_hit *h = &hits[sn->first];
	const char *nl = memchr(r->text + h->end, '\n', r->len - h->end);
	size_t lo = h->start, hi = nl ? (size_t)(nl - r->text) : r->len;
	while (lo > 0 && r->text[lo - 1] != '\n')
		lo--;
	layout_snippet(r->text, lo, hi, h->start, h->end, cells, &sn->start, &sn->end);
	size_t n = 0;   /* the hits still inside */
	while (n < sn->n && hits[sn->first + n].end <= sn->end)
		n++;
	sn->n = n;
}

/* The rows of one more result: the report, then its snippets. */
static void expand(struct ui *u)
{
	struct ui_results *v = u->results;
	size_t k = v->expanded++;
	/* Only the reports whose snippets are cut are read; one that went bad since the walk
	 * shows none (its text would not be the one indexed). */
	const struct report *r = corpus_get(u->corpus, v->res.v[k].report);
	add_row(v, (struct vrow){ k, -1, 0, 0, -1, 0, 0 });
	struct index_snippet sn[SNIPPETS];
	size_t ns = !r ? 0 : session_result_snippets(u->session, &v->res.v[k], r, v->q, v->cells ? v->cells : 40,
	                                             &v->tmp, sn, SNIPPETS);
	tell_notice(u);
	for (size_t i = 0; i < ns; i++) {
		recut(r, &sn[i], v->tmp.v, v->cells ? v->cells : SNIPPET_CELLS);
		v->marks = xgrow(v->marks, &v->markcap, v->nmarks + sn[i].n, sizeof *v->marks);
		memcpy(v->marks + v->nmarks, v->tmp.v + sn[i].first, sn[i].n * sizeof *v->marks);
		add_row(v, (struct vrow){ k, (int)i, sn[i].start, sn[i].end, sn[i].section, v->nmarks, sn[i].n });
		v->nmarks += sn[i].n;
	}
}

/* Past the best VIEW_FIRST: every match, proved and grouped again; the rows are cut anew and
 * the selected one stays selected. Returns how far the selection moved down. */
static size_t view_refine(struct ui *u)
{
	struct ui_results *v = u->results;
	size_t old = v->sel, report = v->sel < v->nrows ? v->res.v[v->rows[v->sel].result].report : 0;
	int snippet = v->sel < v->nrows ? v->rows[v->sel].snippet : -1, found = v->sel >= v->nrows;
	session_search(u->session, v->q, 0, &v->res);
	session_order(u->session, v->q, &v->res, SESSION_BY_RELEVANCE);
	tell_notice(u);
	v->nrows = v->nmarks = v->expanded = 0;
	while (!found && v->expanded < v->res.n) {
		size_t from = v->nrows;
		expand(u);
		for (size_t i = from; i < v->nrows && !found; i++)
			if (v->res.v[v->rows[i].result].report == report && v->rows[i].snippet == snippet) {
				v->sel = i;
				found = 1;
			}
	}
	if (!found)
		v->sel = 0;
	return v->sel > old ? v->sel - old : 0;
}

/* Builds rows until row `upto` exists (or every result is in). */
/* Whether the results hold every match: a search ranked the best VIEW_FIRST, whose counts may
 * be exact (a term of one or two characters) while it holds no more than those. */
static int listed_all(const struct ui_results *v)
{
	return v->res.exact && v->res.n == v->res.total;
}

static void ensure_rows(struct ui *u, size_t upto)
{
	struct ui_results *v = u->results;
	while (v->nrows <= upto && v->expanded < v->res.n)
		expand(u);
	if (v->nrows <= upto && v->q && !listed_all(v)) {
		size_t moved = view_refine(u);
		ensure_rows(u, upto + moved < upto ? upto : upto + moved);
	}
}

/* The first row at or after snippet `snippet` of result `result`, else the last row. */
static size_t row_at(const struct ui_results *v, size_t result, int snippet)
{
	size_t i = v->nrows;
	while (i > 0 && (v->rows[i - 1].result > result ||
	                 (v->rows[i - 1].result == result && v->rows[i - 1].snippet >= snippet)))
		i--;
	return i < v->nrows ? i : v->nrows ? v->nrows - 1 : 0;
}

static void seek(struct ui_results *v, size_t result, int snippet)
{
	v->seeking = 1;
	v->seek_result = result;
	v->seek_snippet = snippet;
}

/* One step of a seek: results expanded until the time is up, the selection on the last row
 * built, and on the row sought once it is built. */
static void seek_step(struct ui *u)
{
	struct ui_results *v = u->results;
	double t0 = ui_clock();
	while (v->expanded <= v->seek_result && v->expanded < v->res.n && ui_clock() - t0 < SEEK_SECONDS)
		expand(u);
	if (v->expanded > v->seek_result || v->expanded == v->res.n) {
		v->seeking = 0;
		v->sel = row_at(v, v->seek_result, v->seek_snippet);
	} else {
		v->sel = v->nrows ? v->nrows - 1 : 0;
		ui_want_frame(u);
	}
}

static int draw_report_row(struct ui *u, WINDOW *w, int y, int cols, const struct vrow *row, enum ui_role role)
{
	struct ui_results *v = u->results;
	size_t report = v->res.v[row->result].report;
	struct corpus_meta m;
	corpus_meta(u->corpus, report, &m);
	const struct corpus_meta *r = &m;
	char head[64];
	int x = 2;
	const char *region = r->region ? r->region : "?";
	x += ui_draw_text(w, y, x, cols - x, region, strlen(region), role == UI_R_TEXT ? UI_R_H2 : role, 0);
	if (r->year > 0)
		snprintf(head, sizeof head, " %d  %zu hit%s  ", r->year, v->res.v[row->result].hits,
		         v->res.v[row->result].hits == 1 ? "" : "s");
	else
		snprintf(head, sizeof head, "  %zu hit%s  ", v->res.v[row->result].hits,
		         v->res.v[row->result].hits == 1 ? "" : "s");
	if (x < cols)
		x += ui_draw_text(w, y, x, cols - x, head, strlen(head), role, 0);
	if (x < cols && r->title)
		x += ui_draw_text(w, y, x, cols - x, r->title, strlen(r->title), role, 0);
	else if (x < cols)
		x += ui_draw_outside(w, y, x, cols - x, corpus_path(u->corpus, report), role, 0);
	return x;
}

static int draw_snippet_row(struct ui *u, WINDOW *w, int y, int cols, const struct vrow *row, enum ui_role role)
{
	struct ui_results *v = u->results;
	const struct report *r = corpus_load(u->corpus, v->res.v[row->result].report);   /* read by expand */
	char crumb[64];
	size_t len = 0;
	int chain[8], n = 0;
	for (int s = row->section; s >= 0 && n < 8; s = r->sections[s].parent)
		chain[n++] = s;
	while (n-- > 0 && len < sizeof crumb - 8) {
		const struct section *s = &r->sections[chain[n]];
		size_t k = s->number_end - s->number_start;
		if (len + k + 2 >= sizeof crumb)
			break;
		memcpy(crumb + len, r->text + s->number_start, k);
		len += k;
		if (n > 0)
			crumb[len++] = '.';
	}
	int x = 4;
	if (x < cols && len)
		x += ui_draw_text(w, y, x, cols - x, crumb, len, role == UI_R_TEXT ? UI_R_DIM : role, 0);
	if (x < cols)
		x += ui_draw_text(w, y, x, cols - x, "  ", 2, role, 0);
	if (x < cols) {
		struct ui_ranges hits = { v->marks + row->first, row->n, 0, (size_t)-1,
		                          role == UI_R_TEXT ? ROLE_HIT : ROLE_HIT_CURRENT, ROLE_HIT_CURRENT };
		x += ui_draw_ranges(w, y, x, cols - x, r->text, row->start, row->end, role, &hits);
	}
	return x;
}

/* Snippets fill the width: cut again when it changes, the same row kept selected. */
static void fit_snippets(struct ui *u, int cols)
{
	struct ui_results *v = u->results;
	size_t cells = cols - SNIPPET_INDENT < 20 ? 20 : (size_t)(cols - SNIPPET_INDENT);
	cells = cells > SNIPPET_CELLS ? SNIPPET_CELLS : cells;
	if (cells == v->cells)
		return;
	v->cells = cells;
	if (!v->seeking && v->sel < v->nrows && (v->rows[v->sel].result || v->rows[v->sel].snippet >= 0))
		seek(v, v->rows[v->sel].result, v->rows[v->sel].snippet);   /* the same row, cut anew */
	v->nrows = v->nmarks = v->expanded = 0;
	v->sel = 0;
}

static void view_draw(struct ui *u, WINDOW *w, int rows, int cols)
{
	struct ui_results *v = u->results;
	if (rows <= 0)
		return;
	fit_snippets(u, cols);
	if (v->seeking)
		seek_step(u);
	int list = rows - 2;   /* the prompt and a blank row above the results */
	if (list > 0) {
		ensure_rows(u, v->sel + (size_t)list);
		ui_keep_visible(&v->top, v->sel, v->nrows, list);
	}
	for (int y = 2; y < rows; y++) {
		size_t i = v->top + (size_t)(y - 2);
		if (i >= v->nrows) {
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
			continue;
		}
		/* The selected row in reverse; its hits then take the current hit's look. */
		enum ui_role role = i == v->sel && !v->editing ? UI_R_SELECTED : UI_R_TEXT;
		ui_draw_fill(w, y, 0, 2, role);
		const struct vrow *row = &v->rows[i];
		int x = row->snippet < 0 ? draw_report_row(u, w, y, cols, row, role)
		                         : (ui_draw_fill(w, y, 2, 2, role), draw_snippet_row(u, w, y, cols, row, role));
		if (x < cols)
			ui_draw_fill(w, y, x, cols - x, role);
	}
	if (rows > 1)
		ui_draw_fill(w, 1, 0, cols, UI_R_TEXT);
	int x = ui_prompt_draw(w, 0, cols, " Search all reports: ", &v->p, UI_R_TEXT);
	if (x < cols)
		ui_draw_fill(w, 0, x, cols - x, UI_R_TEXT);
	wmove(w, 0, x < cols ? x : cols - 1);
	leaveok(w, !v->editing);
}

static void view_open_row(struct ui *u)
{
	struct ui_results *v = u->results;
	if (v->sel >= v->nrows)
		return;
	const struct vrow *row = &v->rows[v->sel];
	const struct vrow *snip = row->snippet < 0 && v->sel + 1 < v->nrows && v->rows[v->sel + 1].snippet >= 0
	                          && v->rows[v->sel + 1].result == row->result ? row + 1 : row;
	size_t report = v->res.v[row->result].report;
	const struct report *r = corpus_get(u->corpus, report);
	if (!r) {
		ui_open(u, (int)report);   /* says why it cannot be read */
		return;
	}
	size_t off = snip->snippet >= 0 && snip->n ? v->marks[snip->first].start : r->body_start;
	ui_prompt_remember(u, &v->p);
	ui_read_at(u, (int)report, off, v->p.text, v->p.len);   /* the search goes on with n/N */
}

static int view_key(struct ui *u, enum ui_action a)
{
	struct ui_results *v = u->results;
	v->seeking = 0;   /* a key stops a seek where it is */
	if (a == UI_BOTTOM && v->q) {   /* every match, listed in steps */
		if (!listed_all(v))
			view_refine(u);
		seek(v, v->res.n ? v->res.n - 1 : 0, INT_MAX);
	} else if (a == UI_OPEN) {
		view_open_row(u);
	} else if (a == UI_QUIT) {
		ui_view_pop(u);
	} else if (a == UI_SEARCH_VIEW) {
		v->editing = 1;
	} else if (a == UI_SEARCH) {
		v->editing = 1;
	} else if (a == UI_TOGGLE) {   /* o: the next order */
		v->order = (v->order + 1) % SESSION_NORDERS;
		if (v->q)
			order_results(u);
	} else if (ui_action_moves(a) && v->nrows) {
		int list = ui_page_rows(u, UI_READER) - 2;
		v->sel = ui_move_row(v->sel, v->nrows, a, list > 0 ? list : 1);
		ensure_rows(u, v->sel + 1);
	} else {
		return 0;
	}
	return 1;
}

static void view_click(struct ui *u, void *data, int row)
{
	(void)u;
	struct ui_results *v = data;
	if (row < 2) {
		v->editing = 1;
		return;
	}
	size_t i = v->top + (size_t)(row - 2);
	if (i < v->nrows) {
		v->sel = i;
		v->editing = 0;
	}
}

static void view_resize(struct ui *u, void *data, int rows, int cols)
{
	(void)u, (void)cols;
	struct ui_results *v = data;
	if (rows > 2)
		ui_keep_visible(&v->top, v->sel, v->nrows, rows - 2);
}

static int view_input(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	struct ui_results *v = data;
	if (v->editing) {
		switch (ui_prompt_key(u, &v->p, r, ch)) {
		case UI_EDIT_CHANGED: view_search(u); break;
		case UI_EDIT_ENTER: v->editing = v->nrows == 0 && v->res.n == 0; break;
		case UI_EDIT_ESC: ui_view_pop(u); break;
		case UI_EDIT_OTHER: if (a == UI_REDRAW) return 0; break;
		default: break;
		}
		return 1;
	}
	if (r == OK && ch == 27)
		ui_view_pop(u);
	else if (a == UI_HELP || a == UI_REDRAW)
		return 0;
	else
		view_key(u, a);
	return 1;
}

static void view_paint(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)data;
	view_draw(u, w, rows, cols);
}

static void view_status(struct ui *u, void *data, WINDOW *w, int cols);

/* The search state outlives the view (it is u->results): closing frees nothing. */
static const struct ui_view_type results_view = {
	.name = "Search", .draw = view_paint, .key = view_input, .status = view_status,
	.resize = view_resize, .click = view_click,
};

/* The view keeps its last query and results: s goes back to them, ready to refine. */
void ui_results_open(struct ui *u)
{
	if (!u->results)
		u->results = xcalloc(1, sizeof *u->results);
	struct ui_results *v = u->results;
	v->editing = 1;
	v->p.recall = state_searches(u->state);   /* Up: the newest search */
	ui_view_push(u, &results_view, v);
	session_set_progress(u->session, &(struct index_progress){ progress, u, NULL });
	session_index(u->session);
	tell_notice(u);
}

void ui_results_free(struct ui *u)
{
	struct ui_results *v = u->results;
	if (!v)
		return;
	query_free(v->q);
	session_set_progress(u->session, NULL);   /* it outlives u */
	index_results_fini(&v->res);
	index_hits_fini(&v->tmp);
	free(v->hits_of);
	free(v->rows);
	free(v->marks);
	free(v);
	u->results = NULL;
}

/* While a query is typed the terminal's own cursor stands after it, so that an input method
 * opens its list of candidates there; the window refreshed last decides where it stands,
 * which is why the status line leaves it alone (leaveok) while the view's query line is edited. */
static void view_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	struct ui_results *v = data;
	if (v->editing)
		ui_want_cursor(u);
	char line[320];
	char keys[96];
	if (v->editing)
		snprintf(keys, sizeof keys, "Enter: the results  Esc: leave");
	else
		snprintf(keys, sizeof keys, "by %s (o)  j/k: move  Enter: open  /: edit  q: leave", session_order_names[v->order]);
	if (u->msg[0])
		snprintf(line, sizeof line, "%s", u->msg);
	else if (v->err[0])
		snprintf(line, sizeof line, "%s", v->err);
	else if (!v->q)
		snprintf(line, sizeof line, "words (all must occur), \"a phrase\", -word, A OR B, region:, year:");
	else if (v->seeking)
		snprintf(line, sizeof line, "listing %zu of %zu reports \xE2\x80\x94 a key stops", v->expanded, v->res.n);
	else if (!v->res.exact)   /* the best VIEW_FIRST, ranked; the rest not proved yet: bounds */
		snprintf(line, sizeof line, "%zu best of %zu\xE2\x80\x93%zu reports \xE2\x80\x94 %s", v->res.n, v->res.total,
		         v->res.total_max, keys);
	else
		snprintf(line, sizeof line, "%zu report%s, %zu hit%s \xE2\x80\x94 %s", v->res.total,
		         v->res.total == 1 ? "" : "s", v->res.total_hits, v->res.total_hits == 1 ? "" : "s", keys);
	int x = ui_draw_text(w, 0, 0, cols, " ", 1, UI_R_BAR, 0);
	x += ui_draw_outside(w, 0, x, cols - x, line, u->msg[0] || v->err[0] ? UI_R_MESSAGE : UI_R_BAR, 0);
	if (x < cols)
		ui_draw_fill(w, 0, x, cols - x, UI_R_BAR);
	leaveok(w, TRUE);
}

int ui_results_hits(struct ui *u, size_t report, size_t *hits)
{
	struct ui_results *v = u->results;
	if (!v)
		return 0;
	if (v->q && !v->counted)
		view_count(u, v, u->corpus->n);
	if (!v->counted || report >= u->corpus->n || v->hits_of[report] < 0)
		return 0;
	*hits = (size_t)v->hits_of[report];
	return 1;
}
