/* ui_tree.c — the chapters pane: the heading tree of the open report, collapsible, following the reader. */
#include "ui.h"

#include <string.h>

#include "buf.h"
#include "outline.h"
#include "report.h"

static const char marker_open[] = "\u25BE ", marker_shut[] = "\u25B8 ", marker_leaf[] = "  ";

static const struct report *tree_report(const struct ui *u)
{
	return u->cur >= 0 ? corpus_get(u->corpus, (size_t)u->cur) : NULL;   /* loaded by ui_open */
}

/* Row of the reader's section, or of its nearest visible ancestor when it is folded away. */
static size_t current_row(const struct ui *u)
{
	const struct report *r = tree_report(u);
	for (int s = u->cur_section; r && s >= 0 && (size_t)s < r->nsections; s = r->sections[s].parent) {
		size_t row = outline_row_of(&u->outline, s);
		if (row != (size_t)-1)
			return row;
	}
	return (size_t)-1;
}

static void draw_row(struct ui *u, WINDOW *w, int y, int cols, size_t row, size_t cur)
{
	const struct report *r = tree_report(u);
	const struct outline_row *o = &u->outline.rows[row];
	const struct section *s = &r->sections[o->section];
	enum ui_role role = UI_R_TEXT;
	if (row == u->outline.selected && u->focus == UI_TREE)
		role = UI_R_SELECTED;
	else if (row == cur)
		role = UI_R_CURRENT;
	else if (row == u->outline.selected)
		role = UI_R_SELECTED_IDLE;
	int x = 1 + 2 * o->depth;
	if (x > cols)
		x = cols;
	ui_draw_fill(w, y, 0, x, role);
	const char *mark = !o->has_children ? marker_leaf : o->expanded ? marker_open : marker_shut;
	x += ui_draw_text(w, y, x, cols - x, mark, strlen(mark), role, 0);
	if (!memchr(r->text + s->head_start, '\n', s->head_end - s->head_start)) {
		ui_draw_text(w, y, x, cols - x, r->text + s->head_start, s->head_end - s->head_start, role, 1);
		return;
	}
	struct buf head = { 0 };   /* a heading broken over two lines, drawn as one */
	report_add_joined(&head, r, s->head_start, s->head_end);
	ui_draw_text(w, y, x, cols - x, head.data, head.len, role, 1);
	buf_fini(&head);
}

static void tree_draw(struct ui *u, WINDOW *w, int rows, int cols)
{
	const struct report *r = tree_report(u);
	size_t n = r ? u->outline.nrows : 0;
	if (n == 0) {
		for (int y = 0; y < rows; y++)
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
		static const char none[] = " (no chapters)";
		if (rows > 0)
			ui_draw_text(w, 0, 0, cols, none, sizeof none - 1, UI_R_DIM, 1);
		return;
	}
	ui_keep_visible(&u->tree_top, u->outline.selected, n, rows);
	size_t cur = current_row(u);
	for (int y = 0; y < rows; y++) {
		size_t row = u->tree_top + (size_t)y;
		if (row < n)
			draw_row(u, w, y, cols, row, cur);
		else
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
	}
}

static void jump_to_selected(struct ui *u)
{
	const struct report *r = tree_report(u);
	if (!r || u->outline.nrows == 0)
		return;
	const struct section *s = &r->sections[u->outline.rows[u->outline.selected].section];
	ui_jump(u, s->head_start);
}

/* h/Left: fold an open branch, else go up to the parent's row. */
static void collapse(struct ui *u)
{
	struct outline *o = &u->outline;
	const struct outline_row *row = &o->rows[o->selected];
	if (row->has_children && row->expanded) {
		outline_toggle(o, o->selected);
		return;
	}
	int parent = tree_report(u)->sections[row->section].parent;
	size_t p = parent >= 0 ? outline_row_of(o, parent) : (size_t)-1;
	if (p != (size_t)-1)
		o->selected = p;
}

static void clamp_selection(struct outline *o)
{
	if (o->nrows && o->selected >= o->nrows)
		o->selected = o->nrows - 1;
}

static int tree_key(struct ui *u, enum ui_action a)
{
	struct outline *o = &u->outline;
	if (!tree_report(u) || o->nrows == 0)
		return 0;
	const struct outline_row *row = &o->rows[o->selected];
	if (ui_action_moves(a)) {
		o->selected = ui_move_row(o->selected, o->nrows, a, ui_page_rows(u, UI_TREE));
		return 1;
	}
	switch (a) {
	case UI_OPEN:
		jump_to_selected(u);
		if (u->single)
			u->focus = UI_READER;   /* else nothing would show the jump */
		return 1;
	case UI_COLLAPSE:
		collapse(u);
		break;
	case UI_EXPAND:
		if (row->has_children && !row->expanded)
			outline_toggle(o, o->selected);
		break;
	case UI_TOGGLE:
		if (row->has_children)
			outline_toggle(o, o->selected);
		break;
	case UI_COLLAPSE_ALL:
	case UI_EXPAND_ALL:
		outline_set_all(o, a == UI_EXPAND_ALL);
		outline_build(o);
		clamp_selection(o);
		if (u->cur_section >= 0)
			outline_select_section(o, u->cur_section);
		break;
	default:
		return 0;
	}
	clamp_selection(o);
	return 1;
}

static void tree_click(struct ui *u, int row)
{
	size_t r = u->tree_top + (size_t)(row < 0 ? 0 : row);
	if (!tree_report(u) || r >= u->outline.nrows)
		return;
	u->outline.selected = r;
	jump_to_selected(u);
}

static void tree_resize(struct ui *u, int rows, int cols)
{
	(void)cols;
	if (tree_report(u))
		ui_keep_visible(&u->tree_top, u->outline.selected, u->outline.nrows, rows);
}

const struct ui_pane ui_tree_pane = {
	"Chapters", tree_draw, tree_key, tree_click, tree_resize,
};
