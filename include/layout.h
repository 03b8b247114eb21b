/* layout.h — display lines: report text wrapped to a width, as byte ranges of the text. */
#ifndef FAZHI_LAYOUT_H
#define FAZHI_LAYOUT_H

#include <stddef.h>

#include "text.h"

struct report;

/* A display line is "a line on the screen, not in the file" (vis view.h): a byte range of
 * the report text, never a copy, so a re-wrap for another width costs no text and a position
 * kept as a byte offset finds its line again (layout_line_of). Lines are appended in text
 * order; the caller draws them. */

enum layout_kind {
	LAYOUT_TEXT,           /* running text */
	LAYOUT_HEAD,           /* a line of a heading */
	LAYOUT_BLANK,          /* an empty line between paragraphs; start == end */
	LAYOUT_NOTE,           /* a line the front end draws itself (a label, a marker); no text */
	LAYOUT_EMPTY,          /* a marker of nothing to show; no text */
};

struct layout_line {
	size_t start, end;      /* [start, end) of the report text; start == end when it holds none */
	int tag;                /* the paragraph (layout_report), or what the caller's proto says */
	unsigned char kind;     /* enum layout_kind */
	unsigned char level;    /* heading level 1..3 on LAYOUT_HEAD (deeper levels count as 3) */
	unsigned char first;    /* 1 on the first line of a heading */
	unsigned char indent;   /* cells left blank before the text */
};

/* A growable array of lines; zeroed is empty; layout_fini frees. */
struct layout {
	struct layout_line *line;
	size_t n, cap;
	struct text_lines tmp;  /* scratch of every wrap */
};
void layout_fini(struct layout *l);

void layout_add(struct layout *l, struct layout_line line);
/* Wraps text[start, end) (one paragraph) to width cells (less than 1 counts as 1): one line
 * per wrapped row, each a copy of proto with its range; `first` is kept on the first only. */
void layout_wrap(struct layout *l, const char *text, size_t start, size_t end, int width, struct layout_line proto);

/* Where paragraph p's text goes on after its heading: past the heading and the blanks after
 * it when p holds the heading of its section (an inline heading: "（一）标题。正文…"), else
 * the paragraph's start. Equal to the paragraph's end when the heading is all of it. */
size_t layout_para_body(const struct report *r, size_t p);

/* The lines of a heading of the given level (1..): LAYOUT_HEAD, `first` on the first, indented
 * two cells per level below 1 (at most two levels), wrapped in what the indent leaves. */
void layout_heading(struct layout *l, const char *text, size_t start, size_t end, int level, int width, int tag);

/* The whole report as the reader shows it, wrapped to width cells: each paragraph, a heading
 * paragraph as its heading on lines of its own then the rest as text; one blank line between
 * paragraphs (its range is the end of the paragraph above). Tags are paragraph indices.
 * Replaces what l held. */
void layout_report(struct layout *l, const struct report *r, int width);

/* Index of the line holding byte offset off: the last line starting at or before it (0 when
 * none does or l is empty). Lines must be in text order, as layout_report makes them. */
size_t layout_line_of(const struct layout *l, size_t off);

/* A snippet: a window of at most `cells` columns of text[lo, hi) (one line) around the hit
 * [hs, he), the hit in the middle. Each side stops at the last clause boundary it reaches
 * (after ，。；：！？、 or their ASCII forms) when that keeps at least half its room, else at the
 * end of the line, else between two characters; room the right side does not use goes to the
 * left. The window never leaves [lo, hi) and always holds the hit. */
void layout_snippet(const char *text, size_t lo, size_t hi, size_t hs, size_t he, size_t cells,
                    size_t *start, size_t *end);

#endif
