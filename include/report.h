/* report.h — the document model of one annual report: clean text, metadata, paragraphs, chapter tree. */
#ifndef FAZHI_REPORT_H
#define FAZHI_REPORT_H

#include <stddef.h>

/* Every range below is a byte range [start, end) into report.text, which is loaded once
 * and never changed: panes, hits and wrapped lines point into it instead of copying. */

/* Metadata read from the page; a field that the page does not state is NULL (or 0 / ""),
 * never guessed. All strings are owned by the report. */
struct report_meta {
	char *title;       /* report title, two-line titles joined */
	char *region;      /* e.g. 舟山市普陀区, 湛江经济技术开发区, 泗门镇 */
	int year;          /* year reported on (from the title, else first 20XX年 of the body); 0 unknown */
	char published[11];/* YYYY-MM-DD when stated, else "" */
	char *doc_number;  /* e.g. 武政发〔2021〕7号 */
	char *issuer;      /* issuing body, e.g. 常州市武进区人民政府 */
	char *addressee;   /* e.g. 常州市人民政府, 区人大常委会 */
	int level;         /* enum report_level of the reporting body */
	unsigned corrected;/* fields set by hand in a fazhi-meta.tsv (META_FIX_ bits, meta_fix.h) */
};

/* The level of government (or kind of body) that reports. */
enum report_level {
	REPORT_LEVEL_OTHER,      /* not known, or none of the below */
	REPORT_LEVEL_PROVINCE,   /* 省, 自治区, 直辖市 */
	REPORT_LEVEL_CITY,       /* 市, 州, 盟 (a prefecture) */
	REPORT_LEVEL_COUNTY,     /* 区, 县, 旗, county-level 市, 开发区/新区/管委会 */
	REPORT_LEVEL_TOWN,       /* 镇, 乡, 街道 */
	REPORT_LEVEL_DEPARTMENT, /* a department of a government: 局, 委员会, 办公室 … */
	REPORT_LEVEL_COUNT
};

/* Something a reader of the report should know about how it is written. */
enum report_warning_kind {
	REPORT_WARN_NUMBERING,    /* a heading or point numbered out of sequence, kept as written */
	REPORT_WARN_NO_HEADINGS,  /* no chapter headings found */
	REPORT_WARN_NO_YEAR,      /* the year reported on is stated nowhere */
};

struct report_warning {
	int kind;                 /* enum report_warning_kind */
	size_t at;                /* byte offset it concerns (the body's start when none) */
	char message[160];        /* one line, UTF-8 */
};

enum para_kind {
	PARA_TEXT,     /* running text */
	PARA_HEADING,  /* starts with a section heading (own line, or inline heading + body) */
	PARA_POINT     /* a line-start 一是…/二是… point; stays in the body of its section */
};

/* A paragraph is one non-blank line of the body, leading blanks and U+3000 trimmed. */
struct para {
	size_t start, end;     /* the paragraph's text */
	int section;           /* index into report.sections, -1 in the preamble */
	enum para_kind kind;
};

/* Sections are stored in document order (pre-order); parent < own index. */
struct section {
	int level;                     /* 1 一、  2 （一）  3 1.  4 （1）  5 ① */
	int parent;                    /* index of the enclosing section, -1 at top level */
	size_t number_start, number_end;/* the bare numeral as written: 一, 3, ３ */
	size_t title_start, title_end; /* heading text without its ordinal and trailing 。 */
	size_t head_start, head_end;   /* the whole heading: ordinal through title (and its 。) */
	size_t start, end;             /* whole section: heading up to the next heading of same or higher level */
	int para;                      /* index of the paragraph holding the heading */
	int part, topic, topic2;       /* classification ids (see classify.h); -1 when not classified */
};

struct report {
	char *path;             /* file path as given, or "embedded:NAME" */
	char *text;             /* clean UTF-8 (see encoding.h), NUL-terminated, owned */
	size_t len;             /* bytes of text */
	struct report_meta meta;
	size_t body_start, body_end; /* the report proper, web chrome (menus, metadata, footer) left out */
	struct para *paras;     /* body paragraphs in order, owned */
	size_t npara;
	struct section *sections; /* chapter tree, pre-order, owned */
	size_t nsections;
	int encoding;           /* enum encoding_kind the file was read in */
	size_t replaced;        /* bytes that fitted no encoding and became U+FFFD */
	unsigned page_forms;    /* the forms of a page its text file was read back from (corpus.c:
	                         * a crawler's record, Markdown, printed lines), bit k the k-th: the
	                         * same file is read the same way again without looking (corpus_read_text_as) */
	struct report_warning *warnings; /* in the order found, owned */
	size_t nwarnings, warnings_cap;
};

/* Frees the report and everything it owns; NULL is fine. */
void report_free(struct report *r);
/* Appends a warning (message copied, cut to fit). */
void report_add_warning(struct report *r, int kind, size_t at, const char *message);
/* Names: "numbering", "no_headings", "no_year"; "province" … "department", "other". */
const char *report_warning_name(int kind);
const char *report_level_name(int level);
struct buf;
/* Appends text[start, end) of the report as one line: each line break, with the blanks
 * around it, is left out (a heading the typesetter broke over two lines). */
void report_add_joined(struct buf *b, const struct report *r, size_t start, size_t end);
/* The 1-based line of the text that byte offset `off` is on. *cur (zeroed at first) keeps where
 * the last call ended, so that calls with growing offsets cost one pass over the text in all. */
struct report_lines {
	size_t off, line;
};
size_t report_line_of(const struct report *r, size_t off, struct report_lines *cur);
/* Number of sections at the given level (1..3). */
size_t report_count_level(const struct report *r, int level);
/* Index of the deepest section containing byte offset `off`, or -1 (preamble). */
int report_section_at(const struct report *r, size_t off);

#endif
