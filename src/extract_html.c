/* extract_html.c — saved web pages to report text: the charset, libxml2's HTML parser, blocks as lines, CMS meta tags as an archive header. */
#include "extract.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "dynlib.h"
#include "xmalloc.h"

/* Design limits: a page over HTML_MAX bytes is refused; the charset is read from a <meta> in the
 * first SNIFF_MAX bytes (CMS pages put long scripts before it, so more than a browser's 1024);
 * a meta value is cut to META_MAX bytes. The bytes are converted to UTF-8 here, what fits no
 * character becoming U+FFFD as encoding.h counts it, before libxml2 sees them: libxml2 2.9's own iconv
 * conversion drops the rest of the page at the first bad byte and reports it. The tree is
 * walked without recursion, so nesting depth costs no stack.
 * Depth: libxml2 stops reading a page nested deeper than xmlParserMaxDepth (256), and pages
 * that never close <p><font> pass that; the limit is raised to DEPTH_MAX for every libxml2
 * parser of the process (a global). Not to "unlimited" (XML_PARSE_HUGE): each end tag that
 * matches no open element costs a scan of the open ones, quadratic without a bound.
 * {{ The text past DEPTH_MAX open elements is still lost, silently. }} */
#define HTML_MAX ((size_t)256 << 20)
#define SNIFF_MAX 16384
#define META_MAX 1000
#define DEPTH_MAX 1024

static const char RULE[] = "==================== 正文 ====================\n";

/* CMS meta tags (the national government-site standard) and the header key each becomes. */
static const struct {
	const char *name, *key;
} meta_keys[] = {
	{ "ArticleTitle", "标题" },
	{ "PubDate", "发布时间" },
	{ "ContentSource", "来源" },
	{ "SiteName", "发布机构" },
};
#define NMETA (sizeof meta_keys / sizeof *meta_keys)

/* ---- libxml2, loaded with the first page (dynlib.h) ---- */

static struct {
	__typeof__(xmlInitParser) *xmlInitParser;
	__typeof__(xmlSetGenericErrorFunc) *xmlSetGenericErrorFunc;
	__typeof__(htmlNewParserCtxt) *htmlNewParserCtxt;
	__typeof__(htmlCtxtReadMemory) *htmlCtxtReadMemory;
	__typeof__(htmlFreeParserCtxt) *htmlFreeParserCtxt;
	__typeof__(xmlFreeDoc) *xmlFreeDoc;
	__typeof__(xmlGetProp) *xmlGetProp;
	xmlFreeFunc *deallocator; /* &xmlFree, a variable (a macro in some headers): its free */
} xmllib;

/* Fills xmllib, starts the parser, and raises the depth limit for every libxml2 parser of the
 * process (see DEPTH_MAX). Newer libxml2 ignore xmlParserMaxDepth and made it read-only (2.12
 * declares it const), so it is written only where the library's version is known to read it. */
static const char *xmllib_resolve(void *h)
{
	DYNLIB_FIND(h, xmllib, xmlInitParser);
	DYNLIB_FIND(h, xmllib, xmlSetGenericErrorFunc);
	DYNLIB_FIND(h, xmllib, htmlNewParserCtxt);
	DYNLIB_FIND(h, xmllib, htmlCtxtReadMemory);
	DYNLIB_FIND(h, xmllib, htmlFreeParserCtxt);
	DYNLIB_FIND(h, xmllib, xmlFreeDoc);
	DYNLIB_FIND(h, xmllib, xmlGetProp);
	if (!(xmllib.deallocator = dlsym(h, "xmlFree")))
		return "xmlFree";
	xmllib.xmlInitParser();
	const char *const *version = dlsym(h, "xmlParserVersion");   /* "20914" for 2.9.14 */
	unsigned int *max_depth = dlsym(h, "xmlParserMaxDepth");
	if (version && *version && atoi(*version) < 21100 && max_depth && *max_depth < DEPTH_MAX)
		*max_depth = DEPTH_MAX;
	return NULL;
}

static struct dynlib libxml2 = {
	.soname = "libxml2.so.2", .override = "FAZHI_LIBXML2_LIBRARY",
	.package = "libxml2", .family = "libxml2", .resolve = xmllib_resolve,
};

static void xml_free(void *p)
{
	(*xmllib.deallocator)(p);
}

/* ---- bytes to clean UTF-8 ---- */

/* Length of the valid UTF-8 sequence at s[0..n), or 0 (overlong, surrogate, cut, > U+10FFFF). */
static inline size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xc2 || c > 0xf4)
		return 0;
	size_t k = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if (n < k)
		return 0;
	unsigned lo = 0x80, hi = 0xbf;
	if (c == 0xe0)
		lo = 0xa0;
	else if (c == 0xed)
		hi = 0x9f;
	else if (c == 0xf0)
		lo = 0x90;
	else if (c == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (size_t i = 2; i < k; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return k;
}

/* Bytes of the maximal subpart of a valid sequence at s (at least 1), where utf8_len is 0:
 * what one U+FFFD stands for, as browsers count ("\xe4\xb8" cut short is one). */
static size_t utf8_bad_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	if (c < 0xc2 || c > 0xf4 || n < 2)
		return 1;
	unsigned lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
	unsigned hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
	if (s[1] < lo || s[1] > hi)
		return 1;
	size_t k = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, i = 2;
	while (i < k && i < n && (s[i] & 0xc0) == 0x80)
		i++;
	return i;
}

/* Appends s[0..n) as valid UTF-8 without NUL: each bad sequence (maximal subpart) and each
 * NUL becomes U+FFFD. */
static void add_clean_utf8(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;
	while (i < n) {
		if (u[i] >= 0x01 && u[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = u[i] ? utf8_len(u + i, n - i) : 0;
		if (k) {
			i += k;
			continue;
		}
		buf_add(b, s + run, i - run);
		buf_adds(b, "\xef\xbf\xbd");
		i += u[i] ? utf8_bad_len(u + i, n - i) : 1;
		run = i;
	}
	buf_add(b, s + run, n - run);
}

/* Bytes of the longest prefix of s[0..n) that is valid UTF-8 without NUL. */
static size_t utf8_clean_prefix(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (u[i] >= 0x01 && u[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = u[i] ? utf8_len(u + i, n - i) : 0;
		if (!k)
			break;
		i += k;
	}
	return i;
}

/* Counts valid multibyte sequences and bytes that start no valid sequence. */
static void utf8_stats(const char *s, size_t n, size_t *good, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	*good = *bad = 0;
	for (size_t i = 0; i < n;) {
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_len(u + i, n - i);
		if (k) {
			++*good;
			i += k;
		} else {
			++*bad;
			i++;
		}
	}
}

/* Converts s[0..n) from charset `from` to clean UTF-8 into b, each byte iconv refuses as
 * U+FFFD. -1 when iconv knows no such charset. */
static int add_converted(struct buf *b, const char *from, const char *s, size_t n)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return -1;
	struct buf raw = { 0 };
	char tmp[16384];
	char *in = (char *)s;
	size_t left = n;
	while (left > 0) {
		char *out = tmp;
		size_t room = sizeof tmp;
		size_t r = iconv(cd, &in, &left, &out, &room);
		buf_add(&raw, tmp, (size_t)(out - tmp));
		if (r == (size_t)-1 && errno != E2BIG) {
			/* EILSEQ, or EINVAL for a sequence cut by the end: one byte is lost */
			buf_adds(&raw, "\xef\xbf\xbd");
			in++;
			left--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	char *out = tmp;
	size_t room = sizeof tmp;
	iconv(cd, NULL, NULL, &out, &room);
	buf_add(&raw, tmp, (size_t)(out - tmp));
	iconv_close(cd);
	if (raw.len && !b->len && !memchr(raw.data, 0, raw.len)) {
		*b = raw;   /* iconv wrote valid UTF-8 */
		return 0;
	}
	add_clean_utf8(b, raw.data ? raw.data : "", raw.len);   /* NUL from the charset goes too */
	buf_fini(&raw);
	return 0;
}

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Case-insensitive search for the ASCII word w in s[0..n); its offset or n. */
static size_t find_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);
	for (size_t i = 0; i + k <= n; i++) {
		size_t j = 0;
		while (j < k && lower((unsigned char)s[i + j]) == w[j])
			j++;
		if (j == k)
			return i;
	}
	return n;
}

/* The charset a <meta charset=…> or <meta http-equiv … content="…; charset=…"> names in the
 * first SNIFF_MAX bytes, lower-cased into name[cap]; 0 when none. */
static int meta_charset(const char *s, size_t n, char *name, size_t cap)
{
	if (n > SNIFF_MAX)
		n = SNIFF_MAX;
	size_t i = 0;
	while (i < n) {
		size_t m = find_ci(s + i, n - i, "<meta");
		if (m == n - i)
			return 0;
		i += m + 5;
		size_t end = i;
		while (end < n && s[end] != '>')
			end++;
		size_t c = find_ci(s + i, end - i, "charset");
		if (c < end - i) {
			size_t j = i + c + 7;
			while (j < end && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\r'))
				j++;
			if (j < end && s[j] == '=') {
				j++;
				while (j < end && (s[j] == ' ' || s[j] == '"' || s[j] == '\''))
					j++;
				size_t k = 0;
				while (j < end && k + 1 < cap &&
				       (((s[j] | 32) >= 'a' && (s[j] | 32) <= 'z') ||
				        (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_' ||
				        s[j] == '.' || s[j] == ':'))
					name[k++] = (char)lower((unsigned char)s[j++]);
				name[k] = 0;
				if (k)
					return 1;
			}
		}
		i = end;
	}
	return 0;
}

/* The charset iconv should read a declared name as: the GB family is GB18030 in practice
 * (pages say gb2312 and hold GBK), and a <meta> saying UTF-16 was read as ASCII, so it lies. */
static const char *charset_of(const char *name)
{
	static const char *const gb[] = { "gb2312", "gbk", "gb18030", "x-gbk", "cp936", "ms936",
		"windows-936", "gb_2312-80", "gb_2312", "euc-cn", "csgb2312", "iso-ir-58", "chinese" };
	for (size_t i = 0; i < sizeof gb / sizeof *gb; i++)
		if (strcmp(name, gb[i]) == 0)
			return "GB18030";
	if (strcmp(name, "utf-8") == 0 || strcmp(name, "utf8") == 0 ||
	    strncmp(name, "utf-16", 6) == 0 || strcmp(name, "unicode") == 0)
		return "UTF-8";
	if (strcmp(name, "iso-8859-1") == 0 || strcmp(name, "latin1") == 0 ||
	    strcmp(name, "us-ascii") == 0 || strcmp(name, "ascii") == 0)
		return "WINDOWS-1252";   /* as browsers read them */
	return name;
}

/* Writes the page as clean UTF-8 into b: a BOM first, then bytes that are valid UTF-8 (a page
 * in GBK with any Chinese never is), then the declared charset, then GB18030 unless the bytes
 * are mostly UTF-8 with stray bad bytes. */
static void to_utf8(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		add_clean_utf8(b, s + 3, n - 3);
		return;
	}
	if (n >= 2 && ((u[0] == 0xff && u[1] == 0xfe) || (u[0] == 0xfe && u[1] == 0xff)) &&
	    add_converted(b, u[0] == 0xff ? "UTF-16LE" : "UTF-16BE", s + 2, n - 2) == 0)
		return;
	if (utf8_clean_prefix(s, n) == n) {
		buf_add(b, s, n);
		return;
	}
	char name[40];
	const char *cs = meta_charset(s, n, name, sizeof name) ? charset_of(name) : NULL;
	if (cs && strcmp(cs, "UTF-8") != 0 && add_converted(b, cs, s, n) == 0)
		return;
	size_t good, bad;
	utf8_stats(s, n, &good, &bad);
	if (bad <= good || add_converted(b, "GB18030", s, n) < 0)
		add_clean_utf8(b, s, n);
}

/* ---- the tree to lines ---- */

enum tag {
	TAG_INLINE,  /* just its text */
	TAG_BLOCK,   /* a line of its own */
	TAG_BREAK,   /* br: ends the line */
	TAG_CELL,    /* td, th: a blank between cells */
	TAG_TERM,    /* dt: opens a line, its dd follows on it */
	TAG_DEF,     /* dd: ends the line of its dt */
	TAG_PRE,     /* a block whose line ends are kept */
	TAG_HEAD,    /* nothing shown, but meta tags read */
	TAG_META,
	TAG_TITLE,   /* the page's title: not shown, kept for the header */
	TAG_SKIP,    /* neither it nor anything inside */
};

/* Every element name that is not inline, sorted for bsearch. */
static const struct tag_name {
	const char *name;
	enum tag tag;
} tag_names[] = {
	{ "address", TAG_BLOCK }, { "applet", TAG_SKIP }, { "article", TAG_BLOCK },
	{ "aside", TAG_BLOCK }, { "audio", TAG_SKIP }, { "blockquote", TAG_BLOCK },
	{ "body", TAG_BLOCK }, { "br", TAG_BREAK }, { "button", TAG_SKIP }, { "canvas", TAG_SKIP },
	{ "caption", TAG_BLOCK }, { "center", TAG_BLOCK }, { "datalist", TAG_SKIP },
	{ "dd", TAG_DEF }, { "details", TAG_BLOCK }, { "dialog", TAG_BLOCK }, { "dir", TAG_BLOCK },
	{ "div", TAG_BLOCK }, { "dl", TAG_BLOCK }, { "dt", TAG_TERM }, { "embed", TAG_SKIP },
	{ "fieldset", TAG_BLOCK }, { "figcaption", TAG_BLOCK }, { "figure", TAG_BLOCK },
	{ "footer", TAG_BLOCK }, { "form", TAG_BLOCK }, { "frame", TAG_BLOCK },
	{ "frameset", TAG_BLOCK }, { "h1", TAG_BLOCK }, { "h2", TAG_BLOCK }, { "h3", TAG_BLOCK },
	{ "h4", TAG_BLOCK }, { "h5", TAG_BLOCK }, { "h6", TAG_BLOCK }, { "head", TAG_HEAD },
	{ "header", TAG_BLOCK }, { "hgroup", TAG_BLOCK }, { "hr", TAG_BLOCK }, { "html", TAG_BLOCK },
	{ "iframe", TAG_SKIP }, { "input", TAG_SKIP }, { "legend", TAG_BLOCK }, { "li", TAG_BLOCK },
	{ "listing", TAG_PRE }, { "main", TAG_BLOCK }, { "map", TAG_SKIP }, { "math", TAG_SKIP },
	{ "menu", TAG_BLOCK }, { "meta", TAG_META }, { "nav", TAG_BLOCK }, { "noframes", TAG_BLOCK },
	{ "noscript", TAG_SKIP }, { "object", TAG_SKIP }, { "ol", TAG_BLOCK },
	{ "optgroup", TAG_SKIP }, { "option", TAG_SKIP }, { "p", TAG_BLOCK },
	{ "plaintext", TAG_PRE }, { "pre", TAG_PRE }, { "script", TAG_SKIP },
	{ "section", TAG_BLOCK }, { "select", TAG_SKIP }, { "style", TAG_SKIP },
	{ "summary", TAG_BLOCK }, { "svg", TAG_SKIP }, { "table", TAG_BLOCK },
	{ "tbody", TAG_BLOCK }, { "td", TAG_CELL }, { "template", TAG_SKIP },
	{ "textarea", TAG_SKIP }, { "tfoot", TAG_BLOCK }, { "th", TAG_CELL },
	{ "thead", TAG_BLOCK }, { "title", TAG_TITLE }, { "tr", TAG_BLOCK }, { "ul", TAG_BLOCK },
	{ "video", TAG_SKIP }, { "xml", TAG_SKIP },
};

static int cmp_tag(const void *key, const void *elt)
{
	return strcmp(key, ((const struct tag_name *)elt)->name);
}

/* libxml2's HTML parser gives element names in lower case. */
static enum tag tag_of(const char *name)
{
	const struct tag_name *t = bsearch(name, tag_names, sizeof tag_names / sizeof *tag_names,
	                                   sizeof *tag_names, cmp_tag);
	return t ? t->tag : TAG_INLINE;
}

/* Lines being written: a break or a blank is only pending until the next visible character,
 * so lines never start or end blank, blanks never double and empty lines never appear. U+3000
 * is the text's own blank: kept inside a line (in place of an ASCII one beside it), dropped at
 * its ends like the others. */
struct lines {
	struct buf b;
	int has;      /* the current line holds a character */
	int nl;       /* a line break is due before the next character */
	int sp;       /* a blank is due before the next character */
	size_t ideo;  /* U+3000 due before the next character */
	int pre;      /* inside pre: line ends in the text are kept */
	int hidden;   /* inside head: text is not shown */
	char *meta[NMETA]; /* values of the CMS meta tags, first of each */
	char *page_title;  /* the <title>'s text, which a page without a title above its text may hold alone */
};

static void line_break(struct lines *o)
{
	if (o->has)
		o->nl = 1;
	o->sp = 0;
	o->ideo = 0;
}

static void blank(struct lines *o)
{
	if (o->has && !o->nl)
		o->sp = 1;
}

static void ideo_blank(struct lines *o)
{
	if (o->has && !o->nl)
		o->ideo++;
}

static void visible(struct lines *o, const char *s, size_t n)
{
	if (o->nl) {
		buf_addc(&o->b, '\n');
		o->nl = o->has = 0;
	} else if (o->ideo) {
		for (size_t i = 0; i < o->ideo; i++)
			buf_adds(&o->b, "\xe3\x80\x80");
	} else if (o->sp) {
		buf_addc(&o->b, ' ');
	}
	o->sp = 0;
	o->ideo = 0;
	o->has = 1;
	buf_add(&o->b, s, n);
}

/* Bytes of the blank at s (ASCII white space, U+00A0 &nbsp;, U+2000–U+200A &ensp; &emsp; …,
 * U+202F, U+205F, and U+3000), else 0. */
static size_t blank_len(const unsigned char *s)
{
	switch (s[0]) {
	case 0xe3:
		return s[1] == 0x80 && s[2] == 0x80 ? 3 : 0;
	case ' ': case '\t': case '\n': case '\r': case '\f': case '\v':
		return 1;
	case 0xc2:
		return s[1] == 0xa0 ? 2 : 0;
	case 0xe2:
		if (s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8a) || s[2] == 0xaf))
			return 3;
		if (s[1] == 0x81 && s[2] == 0x9f)
			return 3;
		return 0;
	}
	return 0;
}

/* Adds a text node's content (NUL-terminated UTF-8 from libxml2). */
static void add_text(struct lines *o, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, run = 0;
	while (u[i]) {
		size_t k = blank_len(u + i);
		if (!k) {
			i++;
			continue;
		}
		if (i > run)
			visible(o, s + run, i - run);
		if (o->pre && u[i] == '\n')
			line_break(o);
		else if (u[i] == 0xe3)
			ideo_blank(o);
		else
			blank(o);
		i += k;
		run = i;
	}
	if (i > run)
		visible(o, s + run, i - run);
}

/* The text of a meta value: blanks collapsed, trimmed, cut at a character to META_MAX bytes. */
static char *meta_value(const char *s)
{
	struct lines t = { 0 };
	add_text(&t, s);
	if (!t.b.len)
		return NULL;
	if (t.b.len > META_MAX) {
		size_t k = META_MAX;
		while (k > 0 && ((unsigned char)t.b.data[k] & 0xc0) == 0x80)
			k--;
		t.b.len = k;
		t.b.data[k] = 0;
	}
	return buf_take(&t.b);
}

static int same_ci(const char *a, const char *b)
{
	while (*a && lower((unsigned char)*a) == lower((unsigned char)*b))
		a++, b++;
	return *a == 0 && *b == 0;
}

static void read_meta(struct lines *o, xmlNode *n)
{
	xmlChar *name = xmllib.xmlGetProp(n, (const xmlChar *)"name");
	if (!name)
		return;
	for (size_t i = 0; i < NMETA; i++) {
		if (o->meta[i] || !same_ci((const char *)name, meta_keys[i].name))
			continue;
		xmlChar *v = xmllib.xmlGetProp(n, (const xmlChar *)"content");
		if (v)
			o->meta[i] = meta_value((const char *)v);
		xml_free(v);
	}
	xml_free(name);
}

/* The text of the first <title>, as a meta value. */
static void read_title(struct lines *o, xmlNode *n)
{
	if (o->page_title)
		return;
	struct buf t = { 0 };
	for (xmlNode *c = n->children; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
			buf_adds(&t, (const char *)c->content);
	if (t.len)
		o->page_title = meta_value(t.data);
	buf_fini(&t);
}

static void leave(struct lines *o, xmlNode *n);

/* An element's _private: its enum tag in the low byte (for leave()), and for an item of a
 * numbered list its number above it. */
#define TAG_BITS 8

/* An integer attribute of n, or dflt when it has none that reads as one. */
static long int_prop(xmlNode *n, const char *name, long dflt)
{
	xmlChar *v = xmllib.xmlGetProp(n, (const xmlChar *)name);
	char *end;
	long k = v ? strtol((const char *)v, &end, 10) : dflt;
	if (v && (end == (char *)v || k < 0 || k > 99999))
		k = dflt;
	xml_free(v);
	return k;
}

/* Whether the list ol numbers its items in digits, as a browser shows it: no type of letters or
 * roman numerals, and no inline style that hides the marks. */
static int numbered_list(xmlNode *ol)
{
	xmlChar *type = xmllib.xmlGetProp(ol, (const xmlChar *)"type");
	xmlChar *style = xmllib.xmlGetProp(ol, (const xmlChar *)"style");
	int digits = (!type || strcmp((const char *)type, "1") == 0) &&
		     !(style && strstr((const char *)style, "list-style") && strstr((const char *)style, "none"));
	xml_free(type);
	xml_free(style);
	return digits;
}

/* The number a browser shows before the item li of an <ol> (1. 2. …, from the list's start or the
 * item's value), or 0 when its list shows none. */
static long item_number(xmlNode *li)
{
	xmlNode *ol = li->parent;
	if (!ol || ol->type != XML_ELEMENT_NODE || !ol->name || strcmp((const char *)ol->name, "ol") != 0)
		return 0;
	xmlNode *prev = li->prev;
	while (prev && prev->type != XML_ELEMENT_NODE)
		prev = prev->prev;
	long before = prev && prev->name && strcmp((const char *)prev->name, "li") == 0
			      ? (long)((uintptr_t)prev->_private >> TAG_BITS) : 0;
	if (!before && !numbered_list(ol))
		return 0;
	return int_prop(li, "value", before ? before + 1 : int_prop(ol, "start", 1));
}

/* Whether element n is its parent's only element child, blanks of text around it aside. */
static int only_child(xmlNode *n)
{
	for (xmlNode *c = n->parent ? n->parent->children : NULL; c; c = c->next) {
		if (c == n || c->type == XML_COMMENT_NODE)
			continue;
		if (c->type == XML_ELEMENT_NODE)
			return 0;
		if (c->type == XML_TEXT_NODE && c->content)
			for (const xmlChar *t = c->content; *t; t++)
				if (*t != ' ' && *t != '\t' && *t != '\n' && *t != '\r')
					return 0;
	}
	return 1;
}

/* Whether the block n is all a table cell holds (<td><p>维持</p></td>, as Word pastes a table),
 * alone or inside blocks alone in it: its text stays on the row's line. A layout cell of many
 * paragraphs keeps its lines. */
static int alone_in_cell(xmlNode *n)
{
	for (; n->parent && n->parent->type == XML_ELEMENT_NODE && n->parent->name && only_child(n); n = n->parent) {
		enum tag up = tag_of((const char *)n->parent->name);
		if (up == TAG_CELL)
			return 1;
		if (up != TAG_BLOCK)
			return 0;
	}
	return 0;
}

/* Whether the block n is empty inside a line's inline text (<span>维持<o:p></o:p></span>: Word's
 * <o:p>, which libxml2 reads as <p> and a browser as an unknown inline element): it breaks nothing. */
static int empty_in_line(xmlNode *n)
{
	return !n->children && n->parent && n->parent->type == XML_ELEMENT_NODE && n->parent->name &&
	       tag_of((const char *)n->parent->name) == TAG_INLINE;
}

/* Starts node n; 1 when its children are to be walked (then leave() ends it). */
static int enter(struct lines *o, xmlNode *n)
{
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (!o->hidden && n->content)
			add_text(o, (const char *)n->content);
		return 0;
	}
	if (n->type == XML_HTML_DOCUMENT_NODE || n->type == XML_DOCUMENT_NODE)
		return n->children != NULL;
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return 0;
	enum tag tag = tag_of((const char *)n->name);
	if (tag == TAG_BLOCK && (alone_in_cell(n) || empty_in_line(n)))
		tag = TAG_INLINE;
	n->_private = (void *)(uintptr_t)tag;   /* for leave() */
	switch (tag) {
	case TAG_SKIP:
		return 0;
	case TAG_META:
		read_meta(o, n);
		return 0;
	case TAG_TITLE:
		read_title(o, n);
		return 0;
	case TAG_BREAK:
		line_break(o);
		return 0;
	case TAG_CELL:
	case TAG_DEF:
		blank(o);
		break;
	case TAG_BLOCK:
	case TAG_TERM:
		line_break(o);
		break;
	case TAG_PRE:
		line_break(o);
		o->pre++;
		break;
	case TAG_HEAD:
		o->hidden++;
		break;
	case TAG_INLINE:
		break;
	}
	if (tag == TAG_BLOCK && strcmp((const char *)n->name, "li") == 0) {
		long number = item_number(n);
		if (number > 0) {   /* shown as the browser shows it: 1. */
			char mark[16];
			int len = snprintf(mark, sizeof mark, "%ld.", number);
			n->_private = (void *)(uintptr_t)(tag | (uintptr_t)number << TAG_BITS);
			visible(o, mark, (size_t)len);
		}
	}
	if (n->children)
		return 1;
	leave(o, n);
	return 0;
}

static void leave(struct lines *o, xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE || !n->name)
		return;
	switch ((enum tag)((uintptr_t)n->_private & ((1u << TAG_BITS) - 1))) {
	case TAG_CELL:
	case TAG_TERM:
		blank(o);
		break;
	case TAG_BLOCK:
	case TAG_DEF:
		line_break(o);
		break;
	case TAG_PRE:
		line_break(o);
		o->pre--;
		break;
	case TAG_HEAD:
		o->hidden--;
		break;
	default:
		break;
	}
}

/* Walks the tree from the document node in document order, without recursion. */
static void walk(struct lines *o, xmlNode *root)
{
	xmlNode *n = root;
	for (;;) {
		if (enter(o, n)) {
			n = n->children;
			continue;
		}
		while (n != root && !n->next) {
			n = n->parent;
			leave(o, n);
		}
		if (n == root)
			return;
		n = n->next;
	}
}

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int extract_html(const char *bytes, size_t n, char **text, size_t *len, char **cause)
{
	*text = NULL;
	*len = 0;
	*cause = NULL;
	if (n > HTML_MAX) {
		*cause = xasprintf("page too large (%zu MiB; the limit is %zu MiB)", n >> 20, HTML_MAX >> 20);
		return -1;
	}
	const char *why;
	if (dynlib_open(&libxml2, &why) < 0) {
		*cause = xasprintf("cannot read HTML: %s", why);
		return -1;
	}
	struct buf u = { 0 };
	to_utf8(&u, bytes, n);
	if (u.len > INT_MAX) {
		buf_fini(&u);
		*cause = xstrdup("page too large for the HTML parser");
		return -1;
	}

	struct lines o = { 0 };
	/* What NOERROR misses would be printed. The handler (one per thread) stays silent after:
	 * nothing else in fazhi uses this copy of libxml2. */
	xmllib.xmlSetGenericErrorFunc(NULL, silent);
	htmlParserCtxtPtr ctxt = xmllib.htmlNewParserCtxt();
	htmlDocPtr doc = NULL;
	if (ctxt && u.len > 0)
		doc = xmllib.htmlCtxtReadMemory(ctxt, u.data, (int)u.len, NULL, "UTF-8",
		                                HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
		                                HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
		                                HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC);
	if (doc) {
		walk(&o, (xmlNode *)doc);
		xmllib.xmlFreeDoc(doc);
	}
	if (ctxt)
		xmllib.htmlFreeParserCtxt(ctxt);
	buf_fini(&u);

	int rc = -1;
	if (!ctxt) {
		*cause = xstrdup("the HTML parser could not start");
	} else if (o.b.len == 0) {
		*cause = xstrdup("no text in the page");
	} else {
		struct buf out = { 0 };
		int head = 0;
		for (size_t i = 0; i < NMETA; i++) {
			if (o.meta[i]) {
				buf_printf(&out, "%s: %s\n", meta_keys[i].key, o.meta[i]);
				head = 1;
			}
		}
		if (o.page_title && !o.meta[0]) {   /* no ArticleTitle: the <title>, which may hold it */
			buf_printf(&out, "网页标题: %s\n", o.page_title);
			head = 1;
		}
		if (head)
			buf_adds(&out, RULE);
		buf_add(&out, o.b.data, o.b.len);
		buf_addc(&out, '\n');
		*len = out.len;
		*text = buf_take(&out);
		rc = 0;
	}
	for (size_t i = 0; i < NMETA; i++)
		free(o.meta[i]);
	free(o.page_title);
	buf_fini(&o.b);
	return rc;
}
