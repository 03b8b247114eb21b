/* ui.h — the interactive browser: curses set-up and teardown, event loop, panes. The only header that includes curses. */
#ifndef FAZHI_UI_H
#define FAZHI_UI_H

#include "corpus.h"

enum ui_color { UI_COLOR_AUTO, UI_COLOR_NEVER, UI_COLOR_ALWAYS };

struct ui_options {
	enum ui_color color;   /* --color=, and NO_COLOR in the environment */
	int mouse;             /* 1 unless --no-mouse */
	int ambiwidth;         /* 1 or 2 (--ambiwidth=double) */
};

/* Runs the browser on a loaded corpus until the user quits. Returns the exit status. */
int ui_run(struct corpus *c, const struct ui_options *opt);

#endif
