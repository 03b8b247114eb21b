/* ui_prompt.c — the prompt widget: a one-line editor of a query, with the search history. */
#include "ui.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "query.h"
#include "state.h"
#include "text.h"

void ui_prompt_set(struct ui_prompt *p, const char *t, size_t n)
{
	n = n > UI_PROMPT_MAX ? UI_PROMPT_MAX : n;
	memcpy(p->text, t, n);
	p->text[n] = '\0';
	p->len = n;
}

void ui_prompt_clear(struct ui *u, struct ui_prompt *p)
{
	ui_prompt_set(p, "", 0);
	p->recall = state_searches(u->state);
}

void ui_prompt_remember(struct ui *u, const struct ui_prompt *p)
{
	state_search_add(u->state, p->text, p->len);
}

static void back_char(struct ui_prompt *p)
{
	while (p->len > 0 && ((unsigned char)p->text[--p->len] & 0xC0) == 0x80)
		;
	p->text[p->len] = '\0';
}

static void back_word(struct ui_prompt *p)
{
	while (p->len > 0 && p->text[p->len - 1] == ' ')
		back_char(p);
	while (p->len > 0 && p->text[p->len - 1] != ' ')
		back_char(p);
}

/* Characters that may go into a query: no controls, surrogates or non-characters beyond
 * Unicode; the terminal never sees them raw because the prompt is drawn cleaned anyway. */
static int typable(wint_t c)
{
	return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && !(c >= 0xD800 && c < 0xE000)
	    && c <= 0x10FFFF;
}

/* Up (dir < 0) recalls older searches, Down newer ones and at last the draft typed before. */
static void recall(struct ui *u, struct ui_prompt *p, int dir)
{
	size_t n = state_searches(u->state);
	if (dir < 0 && p->recall > 0) {
		if (p->recall >= n) {
			memcpy(p->draft, p->text, p->len + 1);
			p->recall = n;
		}
		p->recall--;
	} else if (dir > 0 && p->recall < n) {
		p->recall++;
	} else {
		return;
	}
	const char *t = p->recall < n ? state_search(u->state, p->recall) : p->draft;
	ui_prompt_set(p, t, strlen(t));
}

static enum ui_edit insert(struct ui_prompt *p, wint_t ch)
{
	if (!typable(ch))
		return UI_EDIT_NONE;
	uint8_t enc[6];
	int n = u8_uctomb(enc, (ucs4_t)ch, sizeof enc);
	if (n <= 0 || p->len + (size_t)n > UI_PROMPT_MAX)
		return UI_EDIT_NONE;
	memcpy(p->text + p->len, enc, (size_t)n);
	p->len += (size_t)n;
	p->text[p->len] = '\0';
	return UI_EDIT_CHANGED;
}

enum ui_edit ui_prompt_key(struct ui *u, struct ui_prompt *p, int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_BACKSPACE: case KEY_DC: back_char(p); return UI_EDIT_CHANGED;
		case KEY_ENTER: return UI_EDIT_ENTER;
		case KEY_UP: recall(u, p, -1); return UI_EDIT_CHANGED;
		case KEY_DOWN: recall(u, p, 1); return UI_EDIT_CHANGED;
		default: return UI_EDIT_OTHER;
		}
	}
	switch (ch) {
	case 27: return UI_EDIT_ESC;
	case '\r': case '\n': return UI_EDIT_ENTER;
	case 127: case 8: back_char(p); return UI_EDIT_CHANGED;
	case 21: ui_prompt_set(p, "", 0); return UI_EDIT_CHANGED;   /* Ctrl-U */
	case 23: back_word(p); return UI_EDIT_CHANGED;              /* Ctrl-W */
	default: return insert(p, ch);
	}
}

struct query *ui_prompt_query(const struct ui_prompt *p, char *err, size_t errsize)
{
	err[0] = '\0';
	if (p->len == 0)
		return NULL;
	char *cause = NULL;
	struct query *q = query_parse(p->text, p->len, &cause);
	if (!q) {
		snprintf(err, errsize, "%s", cause ? cause : "not a query");
		free(cause);
	}
	return q;
}

int ui_prompt_draw(WINDOW *w, int y, int cols, const char *label, const struct ui_prompt *p, enum ui_role role)
{
	int x = ui_draw_text(w, y, 0, cols, label, strlen(label), role, 0);
	size_t off = 0;
	int room = cols - x - 1;
	while (room > 0 && (int)text_width(p->text + off, p->len - off) > room && off < p->len)
		do
			off++;
		while (off < p->len && ((unsigned char)p->text[off] & 0xC0) == 0x80);
	if (room > 0)
		x += ui_draw_outside(w, y, x, room, p->text + off, role, 0);
	wmove(w, y, x < cols ? x : cols - 1);
	return x;
}
