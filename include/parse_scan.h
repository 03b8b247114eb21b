/* parse_scan.h — the parser's shared line scan: non-blank lines with chrome/prose flags, and small UTF-8 helpers. */
#ifndef FAZHI_PARSE_SCAN_H
#define FAZHI_PARSE_SCAN_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "report.h"

/* Internal to parse*.c; other modules use parse.h. */

enum {
	PARSE_LINE_CHROME = 1,  /* web furniture: menu, breadcrumb, metadata key, share/print link, footer, form field */
	PARSE_LINE_PROSE = 2,   /* not chrome and holds a 。: running text of the report */
	PARSE_LINE_BLOCK = 4,   /* a block of a line that held a whole flattened page */
	PARSE_LINE_KIND = PARSE_LINE_CHROME | PARSE_LINE_PROSE,
};

/* One non-blank line, blanks (space, U+00A0, U+3000) trimmed at both ends. */
struct parse_line {
	size_t start, end;
	unsigned flags;
};

/* The text cut into non-blank lines once; every later step walks this array. Owns lines. */
struct parse_scan {
	const char *text;
	size_t len;
	struct parse_line *lines;
	size_t n, cap;
	size_t body_first, body_last;  /* line indexes of the body, inclusive; body_first > body_last when empty */
	size_t title_first, title_last;/* line indexes of the title in the text, or (size_t)-1 */
};

#define PARSE_NONE ((size_t)-1)

/* Fills s->lines from text; the caller frees s->lines. Linear in len. */
void parse_scan_lines(struct parse_scan *s, const char *text, size_t len);

/* The character that ends at s[i] (i > st), with where it starts in *at; 0 when i == st. */
uint32_t parse_prev_char(const char *s, size_t st, size_t i, size_t *at);
/* 1 for the blanks a line is trimmed of: space, U+00A0, U+3000. */
int parse_is_blank(uint32_t c);
/* parse_is_blank, or a tab or a line's CR: the blanks between the words of a line as extracted text gives it. */
int parse_is_line_blank(uint32_t c);
/* The bytes of the blank (parse_is_blank) at s[i] (i < end), 0 when none starts there: matched
 * as bytes, not decoded (a lead byte is never a continuation byte, so a match starts a character). */
size_t parse_blank_len(const char *s, size_t i, size_t end);
/* Skips blanks from i; returns the first offset that is not one (or end). */
size_t parse_skip_blanks(const char *s, size_t i, size_t end);
/* 1 when s[i..end) begins with the UTF-8 string lit. Inline, so that strlen of a literal folds. */
static inline int parse_starts(const char *s, size_t i, size_t end, const char *lit)
{
	size_t n = strlen(lit);
	return end - i >= n && memcmp(s + i, lit, n) == 0;
}
/* 1 when s[st..end) ends with the UTF-8 string lit. */
static inline int parse_ends(const char *s, size_t st, size_t end, const char *lit)
{
	size_t n = strlen(lit);
	return end - st >= n && memcmp(s + end - n, lit, n) == 0;
}
/* Offset of the first lit in s[i..end), or PARSE_NONE. */
size_t parse_find(const char *s, size_t i, size_t end, const char *lit);
/* The same for the n bytes at lit (n >= 1). */
size_t parse_find_bytes(const char *s, size_t i, size_t end, const char *lit, size_t n);
/* The value of a Chinese digit: 〇 ○ 零 0, 一 … 九 1..9; -1 for any other character. */
int parse_cn_digit(uint32_t c);
/* The value of a Chinese unit numeral: 十 10, 百 100, 千 1000; 0 for any other character. */
int parse_cn_unit(uint32_t c);
/* 1..99 for a Chinese numeral (一 … 九十九) at s[*i], advancing *i past it; 0 when none. */
int parse_cn_numeral(const char *s, size_t *i, size_t end);
/* The value of an ASCII or full-width digit (0–9, ０–９); -1 for any other character. */
int parse_digit_value(uint32_t c);
/* Value of ASCII or full-width digits at s[*i] (at most `max` of them), advancing *i; -1 when none. */
long parse_digits(const char *s, size_t *i, size_t end, int max);

/* Length of `key` matched at s[i..end) with blanks allowed between its characters
 * ("索 引 号"), or 0. */
size_t parse_key(const char *s, size_t i, size_t end, const char *key);
/* Characters in s[i..end), counting no further than max + 1. */
size_t parse_chars(const char *s, size_t i, size_t end, size_t max);
/* Bytes of the organ suffix (人民政府, 管委会 …) that s[st..end) ends with, or 0. */
size_t parse_organ_suffix(const char *s, size_t st, size_t end);
/* 1 when s[st, end) reads like a report's title: short, unpunctuated, ending in 报告, or in 情况 or
 * 总结 with 法治 or 依法 in it (…法治政府建设情况, 全面依法治区工作总结). */
int parse_title_like(const char *s, size_t st, size_t end);
/* 1 when the line is prose or opens with a heading marker: the report proper has begun. */
int parse_line_opens(const char *s, const struct parse_line *l);
/* The kind of a field a crawler names in English at a line start (parse_english_field). */
enum {
	PARSE_FIELD_NONE,
	PARSE_FIELD_OTHER,       /* url, source, crawl_time …: page furniture */
	PARSE_FIELD_TITLE,
	PARSE_FIELD_PUBLISHED,   /* the page's date */
	PARSE_FIELD_DOC_NUMBER,
	PARSE_FIELD_TEXT,        /* content, text, body: furniture only when its value is elsewhere */
};
/* A field a crawler's record names in English opening the line s[st, end) ("title: …",
 * "publishTime: …", "\"url\": \"…\","), as archives write them and record_plain (record.h)
 * does: its kind, with its value in s[*value, *value_end) (quotes and a closing comma left
 * out); PARSE_FIELD_NONE when the line opens with no such field. A name is known without its
 * case, _ and - (publish_time, publishTime, Publish-Time). */
int parse_english_field(const char *s, size_t st, size_t end, size_t *value, size_t *value_end);
/* 1 for a salutation line such as "常州市人民政府:" (short, ends with a colon). */
int parse_line_addressee(const char *s, const struct parse_line *l);
/* 1 for a date line such as the one under a signature: 2021年1月25日, 二〇二一年一月二十五日,
 * 2021-01-25, or the signature and its date on one line (某区人民政府  2023年1月18日) (parse_meta.c). */
int parse_date_line(const char *s, const struct parse_line *l);
/* Where the date of such a line starts (past the signature before it), else PARSE_NONE. */
size_t parse_date_start(const char *s, const struct parse_line *l);

/* Paragraphs and headings (parse_heading.c): cuts the body lines of the scan into
 * r->paras (a line holding headings inside it gives a paragraph per heading) and builds
 * r->sections. Sections are numbered in sequence inside their parent; numbering errors at a
 * line start are kept and warned about. */
void parse_paragraphs(struct report *r, const struct parse_scan *sc);

/* A heading marker at the start of a trimmed line s[start, end): 一、 （一） 1. （1）. */
struct parse_mark {
	int level;                      /* 1 一、  2 （一）  3 1.  4 （1）  5 ① */
	int value;                      /* the numeral's value */
	size_t number_start, number_end;
	size_t title_start, title_end;  /* without the ordinal and the trailing 。 */
	size_t head_end;                /* after the title and its 。 */
};
/* The level of the ordinal s[st] opens with when it may start a heading (一、 but not
 * 二、三产业), whatever follows; 0 when none: where a block of a flattened page may begin. */
int parse_opens_heading(const char *s, size_t st, size_t end);
/* 1 and fills *m when the line opens with a well-formed heading (sequence not checked). */
int parse_mark(const char *s, size_t start, size_t end, struct parse_mark *m);

/* The jurisdiction a body's name begins with (parse_region.c): s[start, end) and the level
 * (enum report_level) of the body, REPORT_LEVEL_DEPARTMENT when a department follows it. */
struct parse_region {
	size_t start, end;
	int level;
};
/* 1 and fills *out when s[st, end) is a body's name: 深圳市龙华区人民政府 → 深圳市龙华区 (county),
 * 平潭综合实验区社会事业局 → 平潭综合实验区 (department), 舟山市普陀区 → 舟山市普陀区. */
int parse_region_split(const char *s, size_t st, size_t end, struct parse_region *out);
/* 1 when s[st, end) names a body: an organ or a department after its jurisdiction (临汾市人民政府). */
int parse_body_name(const char *s, size_t st, size_t end);
/* The end of a division of the Xinjiang production and construction corps opening s[st, end)
 * (新疆生产建设兵团第八师, 第八师), or 0. */
size_t parse_corps_division(const char *s, size_t st, size_t end);
/* A region that opens with such a division, named with the corps (第一师阿拉尔市 →
 * 新疆生产建设兵团第一师阿拉尔市), to free; NULL when it opens with none or names the corps. */
char *parse_corps_region(const char *region);
/* How many units (市, 区 …) end a place name inside s[st, end): 2 for 深圳市龙华区. */
size_t parse_region_units(const char *s, size_t st, size_t end);

/* Bytes of a document number (武政发〔2021〕7号) at s[i], or 0 (parse_meta.c). */
size_t parse_doc_number_len(const char *s, size_t i, size_t end);

/* Metadata (parse_meta.c): fills r->meta from the scan and the body bounds already set. */
void parse_meta(struct report *r, const struct parse_scan *s);

#endif
