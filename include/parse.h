/* parse.h — clean report text → struct report: strip web chrome, read metadata, build the chapter tree. */
#ifndef FAZHI_PARSE_H
#define FAZHI_PARSE_H

#include <stddef.h>

#include "report.h"

/* Parses clean text (see encoding.h) and returns a new report that takes ownership of `text`
 * (a NUL-terminated heap string of `len` bytes). `path` is copied. Never fails: a file with no
 * headings gives a report whose body is all preamble. Free with report_free(). */
struct report *parse_report(char *text, size_t len, const char *path);

#endif
