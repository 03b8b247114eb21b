/* ui_list.c — the reports pane: every loaded report by region, then year, with its title, issuer or file name. */
#include "ui.h"

#include <stdio.h>
#include <string.h>

#include "report.h"
#include "text.h"

/* What the row shows: metadata, so that a lazy corpus is drawn without reading its reports. */
static struct corpus_meta row_meta(const struct ui *u, size_t row)
{
	struct corpus_meta m;
	corpus_meta(u->corpus, u->order[row], &m);
	return m;
}

/* Rows of one region and year are neighbours (the order sorts by them); so many are compared
 * at most to tell two of them apart. */
#define SAME_RUN 64

static size_t cells(const char *s)
{
	return s ? text_width(s, strlen(s)) : 0;
}

/* Hit-count column while the search view has a query: " 123" cells of the widest in view. */
static int count_width(struct ui *u, int rows)
{
	int w = 0;
	size_t hits;
	for (size_t i = u->list_top; i < u->corpus->n && i < u->list_top + (size_t)rows; i++)
		if (ui_report_hits(u, u->order[i], &hits)) {
			int k = snprintf(NULL, 0, " %zu", hits);
			w = k > w ? k : w;
		}
	return w;
}

/* Region column: as wide as the widest region in view; the region goes before the title,
 * so only the year's (and hit count's) room is kept back in a narrow pane. */
static int region_width(struct ui *u, int rows, int cols)
{
	size_t w = 1;
	for (size_t i = u->list_top; i < u->corpus->n && i < u->list_top + (size_t)rows; i++) {
		size_t c = cells(row_meta(u, i).region);
		if (c > w)
			w = c;
	}
	size_t cap = cols > 8 + count_width(u, rows) ? (size_t)(cols - 7 - count_width(u, rows)) : 1;
	return (int)(w < cap ? w : cap);
}

/* 1.. the place of a report among those marked for comparing (its column), 0 unmarked. */
static int mark_of(const struct ui *u, size_t report)
{
	for (int i = 0; i < u->nmarked; i++)
		if (u->marked[i] == (int)report)
			return i + 1;
	return 0;
}

static void toggle_mark(struct ui *u, size_t report)
{
	int m = mark_of(u, report);
	if (m) {
		for (int i = m; i < u->nmarked; i++)
			u->marked[i - 1] = u->marked[i];
		u->nmarked--;
	} else if (u->nmarked == UI_COMPARE_MAX) {
		ui_message(u, "at most %d reports can be compared; Space on a marked one unmarks it", UI_COMPARE_MAX);
		return;
	} else {
		u->marked[u->nmarked++] = (int)report;
	}
	if (u->nmarked >= 2)
		ui_message(u, "%d reports marked: c compares them", u->nmarked);
	else
		ui_message(u, "%d report marked: mark 2 to %d to compare", u->nmarked, UI_COMPARE_MAX);
}

/* What names the report after its region and year: its title; for a report without one, its
 * issuer when it is read already (the list reads no report to draw), else its file name. */
static const char *row_name(struct ui *u, size_t row, const struct corpus_meta *m)
{
	size_t i = u->order[row];
	if (m->title)
		return m->title;
	if (corpus_loaded(u->corpus, i)) {
		const struct report *r = corpus_get(u->corpus, i);
		if (r && r->meta.issuer)
			return r->meta.issuer;
	}
	return ui_file_name(corpus_path(u->corpus, i));
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Another report of the same region and year shows the same name: the row must add its file. */
static int looks_alike(struct ui *u, size_t row, const struct corpus_meta *m, const char *name)
{
	size_t n = u->corpus->n, from = row > SAME_RUN ? row - SAME_RUN : 0;
	for (size_t k = from; k < n && k <= row + SAME_RUN; k++) {
		if (k == row)
			continue;
		struct corpus_meta o = row_meta(u, k);
		if (o.year == m->year && same_text(o.region, m->region) && strcmp(row_name(u, k, &o), name) == 0)
			return 1;
	}
	return 0;
}

static void draw_row(struct ui *u, WINDOW *w, int y, int cols, size_t row, int rw)
{
	struct corpus_meta r = row_meta(u, row);
	enum ui_role role = UI_R_TEXT, dim = UI_R_DIM;
	if (row == u->sel) {
		role = dim = u->focus == UI_LIST ? UI_R_SELECTED : UI_R_SELECTED_IDLE;
	}
	int x = 0;
	char mark[2] = { (char)('0' + mark_of(u, u->order[row])), 0 };
	if (mark[0] == '0')
		ui_draw_fill(w, y, x, 1, role);
	else
		ui_draw_text(w, y, x, 1, mark, 1, UI_R_CURRENT, 1);
	x += 1;
	const char *region = r.region ? r.region : "?";
	int used = ui_draw_text(w, y, x, rw < cols - x ? rw : cols - x, region, strlen(region), role, 1);
	x += used > rw ? used : rw;
	char year[16];
	if (r.year > 0)
		snprintf(year, sizeof year, " %d ", r.year);
	else
		snprintf(year, sizeof year, " ---- ");
	if (x < cols)
		x += ui_draw_text(w, y, x, cols - x, year, strlen(year), dim, 0);
	size_t hits;
	if (x < cols && ui_report_hits(u, u->order[row], &hits)) {
		snprintf(year, sizeof year, "%zu ", hits);
		x += ui_draw_text(w, y, x, cols - x, year, strlen(year), row == u->sel ? role : UI_R_CURRENT, 0);
	}
	if (x >= cols)
		return;
	const char *name = row_name(u, row, &r), *file = ui_file_name(corpus_path(u->corpus, u->order[row]));
	/* Two reports that would look alike end with their file names, kept in view. */
	int tail = name != file && looks_alike(u, row, &r, name) ? 3 + (int)cells(file) : 0;
	int room = cols - x - tail;
	if (room > 0 && r.title)   /* report text: clean already */
		x += ui_draw_text(w, y, x, room, name, strlen(name), role, 0);
	else if (room > 0)
		x += ui_draw_outside(w, y, x, room, name, role, 0);
	if (x < cols && tail) {
		x += ui_draw_text(w, y, x, cols - x, " \xC2\xB7 ", 4, dim, 0);
		if (x < cols)
			x += ui_draw_outside(w, y, x, cols - x, file, dim, 0);
	}
	if (x < cols)
		ui_draw_fill(w, y, x, cols - x, role);
}

static void list_draw(struct ui *u, WINDOW *w, int rows, int cols)
{
	size_t n = u->corpus->n;
	ui_keep_visible(&u->list_top, u->sel, n, rows);
	int rw = region_width(u, rows, cols);
	for (int y = 0; y < rows; y++) {
		size_t row = u->list_top + (size_t)y;
		if (row < n)
			draw_row(u, w, y, cols, row, rw);
		else
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
	}
}

static int list_key(struct ui *u, enum ui_action a)
{
	size_t n = u->corpus->n;
	if (n == 0)
		return 0;
	if (a == UI_MARK_REPORT) {
		toggle_mark(u, u->order[u->sel]);
		if (u->sel + 1 < n)   /* as in file managers: mark, then the next row */
			list_key(u, UI_DOWN);
		return 1;
	}
	if (a == UI_OPEN) {
		ui_open(u, (int)u->order[u->sel]);
		u->focus = UI_READER;
		return 1;
	}
	if (!ui_action_moves(a))
		return 0;
	u->sel = ui_move_row(u->sel, n, a, ui_page_rows(u, UI_LIST));
	ui_open(u, (int)u->order[u->sel]);   /* the other panes show the selected report at once */
	return 1;
}

static void list_click(struct ui *u, int row)
{
	size_t r = u->list_top + (size_t)(row < 0 ? 0 : row);
	if (r >= u->corpus->n)
		return;
	u->sel = r;
	ui_open(u, (int)u->order[r]);
}

static void list_resize(struct ui *u, int rows, int cols)
{
	(void)cols;
	ui_keep_visible(&u->list_top, u->sel, u->corpus->n, rows);
}

const struct ui_pane ui_list_pane = {
	"Reports", list_draw, list_key, list_click, list_resize,
};
