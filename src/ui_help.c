/* ui_help.c — the help screen: every key of the key table, a view on the stack. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define KEY_COLUMN 22   /* where the descriptions start */

struct help {
	size_t top;            /* first entry shown */
};

static size_t entries(void)
{
	size_t n = 0;
	for (const struct ui_key *k = ui_keys; k->name; k++)
		n += k->help != NULL;
	return n;
}

/* The names of a key and of its aliases (the entries after it without help of their own). */
static size_t key_names(const struct ui_key *k, char *names, size_t size)
{
	size_t len = 0;
	names[0] = '\0';
	for (const struct ui_key *a = k; a->name && (a == k || !a->help); a++) {
		if (a != k && strcmp(a->name, a[-1].name) == 0)
			continue;
		len += (size_t)snprintf(names + len, size - len, "%s%s", a == k ? "" : ", ", a->name);
		if (len >= size)
			len = size - 1;
	}
	return len;
}

/* The first entry shown after a movement; the last page is a full one. */
static size_t scrolled(size_t top, enum ui_action a, int rows)
{
	size_t n = entries(), page = rows > 1 ? (size_t)rows : 1;
	top = ui_move_row(top, n, a, (int)page);
	return n <= page ? 0 : top > n - page ? n - page : top;
}

static void draw_entry(WINDOW *w, int y, int cols, const struct ui_key *k)
{
	char names[64];
	size_t len = key_names(k, names, sizeof names);
	ui_draw_fill(w, y, 0, 2, UI_R_TEXT);
	int x = 2 + ui_draw_text(w, y, 2, cols - 2, names, len, UI_R_H3, 0);
	if (x < KEY_COLUMN && KEY_COLUMN < cols) {
		ui_draw_fill(w, y, x, KEY_COLUMN - x, UI_R_TEXT);
		x = KEY_COLUMN;
	}
	x += ui_draw_text(w, y, x, cols - x > 0 ? cols - x : 0, " ", 1, UI_R_TEXT, 0);
	ui_draw_text(w, y, x, cols - x > 0 ? cols - x : 0, k->help, strlen(k->help), UI_R_TEXT, 1);
}

static void help_draw(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)u;
	struct help *h = data;
	static const char head[] = " Keys \xE2\x80\x94 q, ? or Esc closes this screen; j/k scroll it";
	int y = 0;
	size_t line = 0;
	if (y < rows)
		ui_draw_text(w, y++, 0, cols, head, sizeof head - 1, UI_R_H1, 1);
	for (const struct ui_key *k = ui_keys; k->name && y < rows; k++) {
		if (!k->help || line++ < h->top)
			continue;
		draw_entry(w, y++, cols, k);
	}
	for (; y < rows; y++)
		ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
}

static int help_key(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	struct help *h = data;
	if (a == UI_HELP || a == UI_QUIT || (r == OK && ch == 27))
		ui_view_pop(u);
	else if (ui_action_moves(a))
		h->top = scrolled(h->top, a, ui_view_rows(u) - 1);
	else if (a == UI_REDRAW)
		return 0;
	return 1;   /* every other key is ignored while the help is up */
}

static void help_close(struct ui *u, void *data)
{
	(void)u;
	free(data);
}

static const struct ui_view_type help_view = {
	.name = "Help", .draw = help_draw, .key = help_key, .close = help_close,
};

void ui_help_open(struct ui *u)
{
	if (!ui_view_has(u, &help_view))
		ui_view_push(u, &help_view, xcalloc(1, sizeof(struct help)));
}
