/* markdown.h — the Markdown a page-to-text converter leaves in a report's text, back to plain lines. */
#ifndef FAZHI_MARKDOWN_H
#define FAZHI_MARKDOWN_H

#include <stddef.h>

/* Crawlers store many reports as Markdown converted from their pages: headings as "## 一、…",
 * bold paragraphs "**（一）…**", links "[首页](http://…)", images "![](…)", tables
 * "| 索引号 | … |" with a "|---|---|" rule. A text is taken for Markdown when at least
 * MARKDOWN_MIN_MARKS of its lines are such headings, bold lines or table rules; text that is not
 * is never changed. */
#define MARKDOWN_MIN_MARKS 2

/* 1 when text[0, n) reads as Markdown (above). */
int markdown_like(const char *text, size_t n);

/* Rewrites text[0, n) in place as the plain lines a reader sees, and returns their length (at
 * most n; the byte after them is set to NUL): heading marks, bold marks (** and __), list bullets
 * and rules are dropped, images removed, links kept as their text, table cells joined by two
 * blanks. */
size_t markdown_plain(char *text, size_t n);

#endif
