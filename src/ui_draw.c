/* ui_draw.c — the one place model text becomes cells: clipping, padding, colours. */
#include "ui.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <unistr.h>

#include "encoding.h"
#include "index.h"
#include "text.h"

/* Each character goes to the column our width function gives it, not where the terminal's
 * wcwidth would leave the cursor: with --ambiwidth=double (or any disagreement between
 * libunistring and the C library) the two differ, and drawing by our column keeps every
 * border straight. A character the terminal thinks narrower is followed by spaces; one it
 * thinks wider than we do is shown as U+FFFD (or a space) so it cannot push the row. */

struct role_style {
	attr_t mono;      /* attributes without colour */
	attr_t attr;      /* attributes with colour */
	short fg, bg;     /* colour pair; -1 is the terminal's default */
};

static const struct role_style styles[UI_NROLES] = {
	[UI_R_TEXT]          = { A_NORMAL, A_NORMAL, -1, -1 },
	[UI_R_BAR]           = { A_REVERSE, A_NORMAL, COLOR_WHITE, COLOR_BLUE },
	[UI_R_BORDER]        = { A_NORMAL, A_NORMAL, COLOR_BLUE, -1 },
	[UI_R_SELECTED]      = { A_REVERSE, A_NORMAL, COLOR_BLACK, COLOR_CYAN },
	[UI_R_SELECTED_IDLE] = { A_UNDERLINE, A_NORMAL, -1, COLOR_BLACK },
	[UI_R_CURRENT]       = { A_BOLD, A_BOLD, COLOR_YELLOW, -1 },
	[UI_R_H1]            = { A_BOLD | A_UNDERLINE, A_BOLD, COLOR_YELLOW, -1 },
	[UI_R_H2]            = { A_BOLD, A_BOLD, COLOR_CYAN, -1 },
	[UI_R_H3]            = { A_BOLD, A_BOLD, COLOR_GREEN, -1 },
	[UI_R_DIM]           = { A_DIM, A_NORMAL, COLOR_CYAN, -1 },
	[UI_R_MESSAGE]       = { A_BOLD | A_REVERSE, A_BOLD, COLOR_YELLOW, COLOR_BLUE },
};

static int use_color;

void ui_draw_init(int color)
{
	use_color = color;
	if (!color)
		return;
	for (int r = 0; r < UI_NROLES; r++)
		init_pair((short)(r + 1), styles[r].fg, styles[r].bg);
}

attr_t ui_draw_attr(enum ui_role r, short *pair)
{
	*pair = use_color ? (short)(r + 1) : 0;
	return use_color ? styles[r].attr : styles[r].mono;
}

static void put_cell(WINDOW *w, int y, int x, wchar_t c, attr_t a, short pair)
{
	wchar_t wc[2] = { c, 0 };
	cchar_t cc;
	setcchar(&cc, wc, a, pair, NULL);
	mvwadd_wch(w, y, x, &cc);
}

/* Draws one character filling exactly `cells` columns at x. */
static void put_char(WINDOW *w, int y, int x, ucs4_t c, int cells, attr_t a, short pair)
{
	int tw = wcwidth((wchar_t)c);
	if (tw == cells) {
		put_cell(w, y, x, (wchar_t)c, a, pair);
		return;
	}
	int used = 0;
	if (tw >= 0 && tw < cells) {
		put_cell(w, y, x, (wchar_t)c, a, pair);
		used = tw;
	} else if (cells >= 1) {
		put_cell(w, y, x, 0xFFFD, a, pair);
		used = 1;
	}
	for (; used < cells; used++)
		put_cell(w, y, x + used, L' ', a, pair);
}

/* Characters whose width we and the terminal agree on are collected into runs and added
 * with one call; only the others go cell by cell. */
struct run {
	wchar_t c[128];
	int n, x;
};

static void flush(WINDOW *w, int y, struct run *run)
{
	if (run->n)
		mvwaddnwstr(w, y, run->x, run->c, run->n);
	run->n = 0;
}

int ui_draw_text(WINDOW *w, int y, int x, int cols, const char *s, size_t n, enum ui_role r, int pad)
{
	short pair;
	attr_t a = ui_draw_attr(r, &pair);
	wattr_set(w, a, pair, NULL);
	struct run run = { .n = 0 };
	int col = 0;
	size_t i = 0;
	while (i < n && col < cols) {
		ucs4_t c;
		int len = u8_mbtouc(&c, (const uint8_t *)s + i, n - i);
		int cw = text_char_width(c);
		if (col + cw > cols)
			break;   /* never half a wide character: the pad covers the cell */
		int tw = wcwidth((wchar_t)c);
		if (tw == cw && (cw > 0 || col > 0)) {   /* a zero-width one combines with the cell before */
			if (run.n == (int)(sizeof run.c / sizeof run.c[0]))
				flush(w, y, &run);
			if (run.n == 0)
				run.x = x + col;
			run.c[run.n++] = (wchar_t)c;
		} else if (cw > 0) {
			flush(w, y, &run);
			put_char(w, y, x + col, c, cw, a, pair);
		}
		col += cw;
		i += (size_t)len;
	}
	flush(w, y, &run);
	if (pad && col < cols)
		ui_draw_fill(w, y, x + col, cols - col, r);
	return col;
}

int ui_draw_outside(WINDOW *w, int y, int x, int cols, const char *s, enum ui_role r, int pad)
{
	size_t len;
	char *clean = encoding_clean(s, strlen(s), &len);
	int used = ui_draw_text(w, y, x, cols, clean, len, r, pad);
	free(clean);
	return used;
}

void ui_draw_fill(WINDOW *w, int y, int x, int cols, enum ui_role r)
{
	if (cols <= 0)
		return;
	short pair;
	attr_t a = ui_draw_attr(r, &pair);
	cchar_t blank;
	setcchar(&blank, L" ", a, pair, NULL);
	mvwhline_set(w, y, x, &blank, cols);
}

const char *ui_file_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash && slash[1] ? slash + 1 : path;
}

size_t ui_range_from(const struct index_hit *h, size_t n, size_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int ui_draw_ranges(WINDOW *w, int y, int x, int cols, const char *text, size_t start, size_t end,
                   enum ui_role role, const struct ui_ranges *rg)
{
	const struct index_hit *h = rg->v;
	size_t n = rg->n, i = ui_range_from(h, n, start > rg->longest ? start - rg->longest : 0), pos = start;
	int used = 0;
	while (pos < end && used < cols) {
		while (i < n && h[i].end <= pos)
			i++;
		if (i >= n || h[i].start >= end) {
			used += ui_draw_text(w, y, x + used, cols - used, text + pos, end - pos, role, 0);
			break;
		}
		size_t a = h[i].start > pos ? h[i].start : pos, b = h[i].end;
		int current = i == rg->cur;
		for (i++; i < n && h[i].start < b; i++) {   /* overlapping ranges merge */
			b = h[i].end > b ? h[i].end : b;
			current |= i == rg->cur;
		}
		b = b < end ? b : end;
		used += ui_draw_text(w, y, x + used, cols - used, text + pos, a - pos, role, 0);
		if (used < cols)
			used += ui_draw_text(w, y, x + used, cols - used, text + a, b - a,
			                     current ? rg->current : rg->role, 0);
		pos = b;
	}
	return used;
}
