/* record.h — a report a crawler stored as a JSON object (the page's fields as members, its text in one of them), back to the field lines and text a page shows. */
#ifndef FAZHI_RECORD_H
#define FAZHI_RECORD_H

#include <stddef.h>

/* Crawlers store a page as one JSON object: short fields ("title", "url", "publish_time",
 * "source" …) and the report's text in one long string member ("content", "text" …), its line
 * ends escaped (\n) or, when the record was flattened to text, left as they were. A text is
 * taken for such a record when it is a JSON object of which one string member holds at least
 * RECORD_TEXT_MIN bytes; any other text is never changed. */
#define RECORD_TEXT_MIN 200

/* 1 when text[0, n) is such a record (above). */
int record_like(const char *text, size_t n);

/* Rewrites text[0, n) in place, a record as record_like says, as what its page showed: each
 * short string member on a line of its own, "key: value" (the key as the record names it, so
 * that the parser reads the fields it knows, parse_scan.h), then a blank line and the longest
 * string member, its escapes decoded; members of other kinds (numbers, lists, objects) and long
 * strings but the longest are left out. Returns the new length (at most n; the byte after it is
 * set to NUL). */
size_t record_plain(char *text, size_t n);

/* Where the record's text begins in what record_plain wrote to plain[0, n): after the blank line
 * that ends its field lines. A crawler may have kept the page's HTML there (<p>…</p>), which the
 * caller then reads as a page. */
size_t record_text_start(const char *plain, size_t n);

#endif
