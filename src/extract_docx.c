/* extract_docx.c — Word (.docx) to report text: paragraphs and table rows in reading order, with the ordinals Word's automatic numbering shows. */
#include "extract.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/globals.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <zip.h>

#include "buf.h"
#include "dynlib.h"
#include "parse_scan.h"
#include "xmalloc.h"

/*
 * Design limits.
 * - A part is read whole into one buffer of its stated size, at most PART_MAX bytes; a part
 *   stated larger, or inflating more than RATIO_MAX times its compressed size beyond
 *   RATIO_FLOOR bytes, is refused before anything is inflated. A part whose data runs past its
 *   stated size is cut there (and then fails as XML).
 * - Every part is read as a stream (xmlTextReader), never as a tree, so memory is the part,
 *   the output and the tables below.
 * - Numbering: NUM_LEVELS levels (Word's 9), lvlText kept up to LVLTEXT_MAX bytes, at most
 *   MAX_ABSTRACT abstract definitions, MAX_NUMS instances, MAX_OVERRIDES overrides and MAX_STYLES
 *   paragraph styles (later ones are ignored); basedOn chains followed STYLE_DEPTH deep.
 * - Paragraphs and table rows nest (text boxes, tables in cells) FRAME_MAX deep; deeper ones run
 *   into the enclosing one.
 *
 * Word's semantics as rendered here:
 * - Counters belong to a list: the abstract numbering definition, shared by every w:num that
 *   points to it, except that a w:num with a w:lvlOverride is a list of its own (as Word's
 *   "restart numbering" makes one). A level restarts after any higher level is used, or after
 *   the levels w:lvlRestart names (0: never). w:start defaults to 0, as the standard says.
 * - After the number, w:suff tab (the default) or space gives one space, except after an
 *   ordinal ending in punctuation (一、 （一） 1.), where Word's tab is only alignment.
 * - Deleted and moved-away text, field instructions, hidden runs (w:vanish), note references,
 *   the w:Fallback of a w:AlternateContent and tables of contents (a w:sdt of that gallery, or
 *   paragraphs in the styles named "toc 1" …) are left out; a text box's
 *   paragraphs come after the paragraph that anchors it.
 */

#define PART_MAX      (64u << 20)
#define RATIO_MAX     100u
#define RATIO_FLOOR   (1u << 20)
#define NUM_LEVELS    9
#define LVLTEXT_MAX   48
#define STYLE_ID_MAX  48
#define MAX_ABSTRACT  8192
#define MAX_NUMS      65536
#define MAX_OVERRIDES 65536
#define MAX_STYLES    16384
#define STYLE_DEPTH   16
#define FRAME_MAX     32

/* ---- libzip and libxml2, loaded with the first Word file (dynlib.h) ---- */

static struct {
	__typeof__(zip_open_from_source) *zip_open_from_source;
	__typeof__(zip_source_buffer_create) *zip_source_buffer_create;
	__typeof__(zip_source_free) *zip_source_free;
	__typeof__(zip_discard) *zip_discard;
	__typeof__(zip_name_locate) *zip_name_locate;
	__typeof__(zip_stat_init) *zip_stat_init;
	__typeof__(zip_stat_index) *zip_stat_index;
	__typeof__(zip_fopen_index) *zip_fopen_index;
	__typeof__(zip_fread) *zip_fread;
	__typeof__(zip_fclose) *zip_fclose;
	__typeof__(zip_get_error) *zip_get_error;
	__typeof__(zip_error_init) *zip_error_init;
	__typeof__(zip_error_fini) *zip_error_fini;
	__typeof__(zip_error_code_zip) *zip_error_code_zip;
	__typeof__(zip_error_strerror) *zip_error_strerror;
	__typeof__(zip_file_strerror) *zip_file_strerror;
} ziplib;

static const char *ziplib_resolve(void *h)
{
	DYNLIB_FIND(h, ziplib, zip_open_from_source);
	DYNLIB_FIND(h, ziplib, zip_source_buffer_create);
	DYNLIB_FIND(h, ziplib, zip_source_free);
	DYNLIB_FIND(h, ziplib, zip_discard);
	DYNLIB_FIND(h, ziplib, zip_name_locate);
	DYNLIB_FIND(h, ziplib, zip_stat_init);
	DYNLIB_FIND(h, ziplib, zip_stat_index);
	DYNLIB_FIND(h, ziplib, zip_fopen_index);
	DYNLIB_FIND(h, ziplib, zip_fread);
	DYNLIB_FIND(h, ziplib, zip_fclose);
	DYNLIB_FIND(h, ziplib, zip_get_error);
	DYNLIB_FIND(h, ziplib, zip_error_init);
	DYNLIB_FIND(h, ziplib, zip_error_fini);
	DYNLIB_FIND(h, ziplib, zip_error_code_zip);
	DYNLIB_FIND(h, ziplib, zip_error_strerror);
	DYNLIB_FIND(h, ziplib, zip_file_strerror);
	return NULL;
}

static struct {
	__typeof__(xmlReaderForMemory) *xmlReaderForMemory;
	__typeof__(xmlTextReaderSetStructuredErrorHandler) *xmlTextReaderSetStructuredErrorHandler;
	__typeof__(xmlTextReaderRead) *xmlTextReaderRead;
	__typeof__(xmlTextReaderNext) *xmlTextReaderNext;
	__typeof__(xmlTextReaderNodeType) *xmlTextReaderNodeType;
	__typeof__(xmlTextReaderDepth) *xmlTextReaderDepth;
	__typeof__(xmlTextReaderIsEmptyElement) *xmlTextReaderIsEmptyElement;
	__typeof__(xmlTextReaderConstLocalName) *xmlTextReaderConstLocalName;
	__typeof__(xmlTextReaderConstNamespaceUri) *xmlTextReaderConstNamespaceUri;
	__typeof__(xmlTextReaderConstValue) *xmlTextReaderConstValue;
	__typeof__(xmlTextReaderGetAttribute) *xmlTextReaderGetAttribute;
	__typeof__(xmlTextReaderGetAttributeNs) *xmlTextReaderGetAttributeNs;
	__typeof__(xmlFreeTextReader) *xmlFreeTextReader;
	__typeof__(xmlSetGenericErrorFunc) *xmlSetGenericErrorFunc;
	xmlFreeFunc *deallocator; /* &xmlFree, a variable (a macro in some headers): its free */
} xmllib;

/* Fills xmllib and starts libxml2's parser, once for the process. */
static const char *xmllib_resolve(void *h)
{
	DYNLIB_FIND(h, xmllib, xmlReaderForMemory);
	DYNLIB_FIND(h, xmllib, xmlTextReaderSetStructuredErrorHandler);
	DYNLIB_FIND(h, xmllib, xmlTextReaderRead);
	DYNLIB_FIND(h, xmllib, xmlTextReaderNext);
	DYNLIB_FIND(h, xmllib, xmlTextReaderNodeType);
	DYNLIB_FIND(h, xmllib, xmlTextReaderDepth);
	DYNLIB_FIND(h, xmllib, xmlTextReaderIsEmptyElement);
	DYNLIB_FIND(h, xmllib, xmlTextReaderConstLocalName);
	DYNLIB_FIND(h, xmllib, xmlTextReaderConstNamespaceUri);
	DYNLIB_FIND(h, xmllib, xmlTextReaderConstValue);
	DYNLIB_FIND(h, xmllib, xmlTextReaderGetAttribute);
	DYNLIB_FIND(h, xmllib, xmlTextReaderGetAttributeNs);
	DYNLIB_FIND(h, xmllib, xmlFreeTextReader);
	DYNLIB_FIND(h, xmllib, xmlSetGenericErrorFunc);
	if (!(xmllib.deallocator = dlsym(h, "xmlFree")))
		return "xmlFree";
	__typeof__(xmlInitParser) *init = dlsym(h, "xmlInitParser");
	if (!init)
		return "xmlInitParser";
	init();
	return NULL;
}

static struct dynlib libzip = {
	.soname = "libzip.so.4", .override = "FAZHI_LIBZIP_LIBRARY",
	.package = "libzip4", .family = "libzip", .resolve = ziplib_resolve,
};
static struct dynlib libxml2 = {
	.soname = "libxml2.so.2", .override = "FAZHI_LIBXML2_LIBRARY",
	.package = "libxml2", .family = "libxml2", .resolve = xmllib_resolve,
};

static void xml_free(void *p)
{
	(*xmllib.deallocator)(p);
}

static const char W_NS[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char W_NS_STRICT[] = "http://purl.oclc.org/ooxml/wordprocessingml/main";
static const char MC_NS[] = "http://schemas.openxmlformats.org/markup-compatibility/2006";

static const char NOT_DOCX[] = "not a Word document (.docx)";
static const char ENCRYPTED[] =
	"an encrypted (password-protected) Word document; save it without a password first";
static const char OLD_WORD[] =
	"an old binary Word file; convert it: libreoffice --headless --convert-to docx FILE";

enum numfmt {
	FMT_DECIMAL, FMT_DECIMAL_ZERO, FMT_FULLWIDTH, FMT_UPPER_ROMAN, FMT_LOWER_ROMAN,
	FMT_UPPER_LETTER, FMT_LOWER_LETTER, FMT_CIRCLE, FMT_FULLSTOP, FMT_PAREN,
	FMT_CN_COUNTING, FMT_CN_THOUSAND, FMT_CN_LEGAL, FMT_TW_LEGAL, FMT_DIGITAL,
	FMT_STEMS, FMT_ZODIAC, FMT_CN_CIRCLE, FMT_NONE, FMT_BULLET
};

enum suff { SUFF_TAB, SUFF_SPACE, SUFF_NONE };

struct lvl {
	int fmt;                     /* enum numfmt */
	int start;                   /* w:start */
	int restart;                 /* w:lvlRestart: -1 unset, 0 never, k after levels < k */
	int legal;                   /* w:isLgl: every %N in decimal */
	int suff;                    /* enum suff */
	char text[LVLTEXT_MAX];      /* w:lvlText, "" when absent */
	char pstyle[STYLE_ID_MAX];   /* w:pStyle: the paragraph style this level belongs to */
};

struct abstract {
	int id;                      /* w:abstractNumId */
	int list;                    /* its shared list of counters */
	char num_style_link[STYLE_ID_MAX]; /* levels defined by the list a numbering style names */
	struct lvl lvl[NUM_LEVELS];
};

struct override {
	int num;                     /* index into numbering.nums */
	int ilvl;
	int has_start, start;        /* w:startOverride */
	int has_lvl;                 /* a whole w:lvl replaces the abstract's */
	struct lvl lvl;
};

struct num {
	int id;                      /* w:numId */
	int abstract_id;             /* w:abstractNumId */
	int list;                    /* index into numbering.lists, -1 until first used */
	int has_override;
};

struct list {
	int count[NUM_LEVELS];       /* current value of each level */
	unsigned char started[NUM_LEVELS]; /* the level has a value since its last restart */
};

struct style {
	char id[STYLE_ID_MAX];
	char based_on[STYLE_ID_MAX];
	int has_num, num_id;         /* w:pPr/w:numPr/w:numId */
	int has_ilvl, ilvl;
	int is_default;
	int is_toc;                  /* named "toc N": an entry of a table of contents */
};

struct numbering {
	struct abstract *abs;
	size_t nabs, abs_cap;
	struct num *nums;
	size_t nnums, nums_cap;
	struct override *ovs;        /* sorted by num after loading */
	size_t novs, ovs_cap;
	struct list *lists;
	size_t nlists, lists_cap;
	struct style *styles;        /* sorted by id after loading */
	size_t nstyles, styles_cap;
	const struct style *default_style;
};

/* ---- XML helpers ---- */

static int is_w(xmlTextReaderPtr r)
{
	const char *ns = (const char *)xmllib.xmlTextReaderConstNamespaceUri(r);
	return ns && (strcmp(ns, W_NS) == 0 || strcmp(ns, W_NS_STRICT) == 0);
}

static int is_mc(xmlTextReaderPtr r)
{
	const char *ns = (const char *)xmllib.xmlTextReaderConstNamespaceUri(r);
	return ns && strcmp(ns, MC_NS) == 0;
}

/* The w: attribute `local` of the current element, or NULL; free with xmlFree. */
static char *wattr(xmlTextReaderPtr r, const char *local)
{
	xmlChar *v = xmllib.xmlTextReaderGetAttributeNs(r, BAD_CAST local, BAD_CAST W_NS);
	if (!v)
		v = xmllib.xmlTextReaderGetAttributeNs(r, BAD_CAST local, BAD_CAST W_NS_STRICT);
	return (char *)v;
}

static int parse_int(const char *s, int dflt)
{
	if (!s)
		return dflt;
	char *end;
	long v = strtol(s, &end, 10);
	if (end == s)
		return dflt;
	if (v > INT_MAX / 4)
		v = INT_MAX / 4;
	if (v < -(INT_MAX / 4))
		v = -(INT_MAX / 4);
	return (int)v;
}

/* The integer w:val (dflt when absent or not a number). */
static int wval_int(xmlTextReaderPtr r, int dflt)
{
	char *v = wattr(r, "val");
	int n = parse_int(v, dflt);
	xml_free(v);
	return n;
}

/* An on/off property: present and not "0", "false" or "off". */
static int wval_on(xmlTextReaderPtr r)
{
	char *v = wattr(r, "val");
	int on = !v || !(strcmp(v, "0") == 0 || strcmp(v, "false") == 0 || strcmp(v, "off") == 0);
	xml_free(v);
	return on;
}

/* Copies w:val into dst[cap], cut at a character boundary; "" when absent. */
static void wval_copy(xmlTextReaderPtr r, char *dst, size_t cap)
{
	char *v = wattr(r, "val");
	size_t n = v ? strlen(v) : 0;
	if (n >= cap) {
		n = cap - 1;
		while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, v, n);
	dst[n] = '\0';
	xml_free(v);
}

static int name_is(const char *name, const char *want)
{
	return strcmp(name, want) == 0;
}

/* The first error libxml2 reports, kept instead of printed. */
struct xml_errors {
	char first[160];
	int line;
};

#if LIBXML_VERSION >= 21200
static void on_xml_error(void *arg, const xmlError *err)
#else
static void on_xml_error(void *arg, xmlErrorPtr err)
#endif
{
	struct xml_errors *e = arg;
	if (e->first[0] || !err || err->level < XML_ERR_ERROR)
		return;
	const char *m = err->message ? err->message : "malformed XML";
	size_t n = strcspn(m, "\n");
	if (n >= sizeof e->first)
		n = sizeof e->first - 1;
	memcpy(e->first, m, n);
	e->first[n] = '\0';
	if (!n)
		strcpy(e->first, "malformed XML");
	e->line = err->line;
}

static void quiet(void *context, const char *msg, ...)
{
	(void)context;
	(void)msg;
}

static xmlTextReaderPtr reader_new(const char *data, size_t n, struct xml_errors *errs)
{
	xmlTextReaderPtr r = xmllib.xmlReaderForMemory(data, (int)n, NULL, NULL,
	                                               XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                               XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (r)
		xmllib.xmlTextReaderSetStructuredErrorHandler(r, on_xml_error, errs);
	return r;
}

/* ---- the zip package ---- */

struct package {
	zip_t *zip;
	char *cause;
};

static void set_cause(struct package *p, char *cause)
{
	if (!p->cause)
		p->cause = cause;
	else
		free(cause);
}

/* Reads part `name` into *out (NUL-terminated, caller frees). Returns 1, 0 when the package
 * has no such part, or -1 with p->cause set. */
static int read_part(struct package *p, const char *name, char **out, size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	zip_int64_t idx = ziplib.zip_name_locate(p->zip, name, ZIP_FL_NOCASE);
	if (idx < 0)
		return 0;
	zip_stat_t st;
	ziplib.zip_stat_init(&st);
	if (ziplib.zip_stat_index(p->zip, (zip_uint64_t)idx, 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE)) {
		set_cause(p, xasprintf("damaged Word document (.docx): cannot read %s", name));
		return -1;
	}
	if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
		set_cause(p, xstrdup(ENCRYPTED));
		return -1;
	}
	if (st.size > PART_MAX) {
		set_cause(p, xasprintf("%s is too large (%llu MiB uncompressed; the limit is %u MiB)",
		                       name, (unsigned long long)((st.size + (1u << 20) - 1) >> 20),
		                       PART_MAX >> 20));
		return -1;
	}
	if (st.size > RATIO_FLOOR && (st.valid & ZIP_STAT_COMP_SIZE) &&
	    st.size / RATIO_MAX > st.comp_size) {
		set_cause(p, xasprintf("%s is too large for its compressed size (%llu:1; a zip bomb?)",
		                       name, (unsigned long long)(st.comp_size ?
		                                                  st.size / st.comp_size : st.size)));
		return -1;
	}
	zip_file_t *f = ziplib.zip_fopen_index(p->zip, (zip_uint64_t)idx, 0);
	if (!f) {
		zip_error_t *ze = ziplib.zip_get_error(p->zip);
		if (ziplib.zip_error_code_zip(ze) == ZIP_ER_ENCRNOTSUPP || ziplib.zip_error_code_zip(ze) == ZIP_ER_NOPASSWD)
			set_cause(p, xstrdup(ENCRYPTED));
		else
			set_cause(p, xasprintf("damaged Word document (.docx): %s: %s", name,
			                       ziplib.zip_error_strerror(ze)));
		return -1;
	}
	size_t size = (size_t)st.size, got = 0;
	char *data = xmalloc(size + 1);
	while (got < size) {
		zip_int64_t k = ziplib.zip_fread(f, data + got, size - got);
		if (k < 0) {
			set_cause(p, xasprintf("damaged Word document (.docx): %s: %s", name,
			                       ziplib.zip_file_strerror(f)));
			ziplib.zip_fclose(f);
			free(data);
			return -1;
		}
		if (k == 0)
			break;
		got += (size_t)k;
	}
	ziplib.zip_fclose(f);
	data[got] = '\0';
	*out = data;
	*outlen = got;
	return 1;
}

/* Joins a relationship target to the folder of its source part ("" or "word"), resolving
 * "." and ".." segments, into dst[cap]. Returns 0, or -1 when it does not fit. */
static int resolve_target(const char *base, const char *target, char *dst, size_t cap)
{
	char tmp[512];
	int n;
	if (target[0] == '/')
		n = snprintf(tmp, sizeof tmp, "%s", target + 1);
	else if (base[0])
		n = snprintf(tmp, sizeof tmp, "%s/%s", base, target);
	else
		n = snprintf(tmp, sizeof tmp, "%s", target);
	if (n < 0 || (size_t)n >= sizeof tmp || cap == 0)
		return -1;
	size_t len = 0;
	for (char *seg = tmp, *next; seg; seg = next) {
		next = strchr(seg, '/');
		if (next)
			*next++ = '\0';
		if (!seg[0] || strcmp(seg, ".") == 0)
			continue;
		if (strcmp(seg, "..") == 0) {
			while (len > 0 && dst[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
			continue;
		}
		size_t k = strlen(seg);
		if (len + (len > 0) + k + 1 > cap)
			return -1;
		if (len > 0)
			dst[len++] = '/';
		memcpy(dst + len, seg, k);
		len += k;
	}
	dst[len] = '\0';
	return len ? 0 : -1;
}

/* The target of the first internal relationship in rels part `rels` whose type ends in
 * "/suffix", resolved against `base`, into dst[cap]. Returns 1 when found, 0 when not,
 * -1 when the part is refused (p->cause set). */
static int find_relationship(struct package *p, const char *rels, const char *base,
                             const char *suffix, char *dst, size_t cap)
{
	char *data;
	size_t n;
	int rc = read_part(p, rels, &data, &n);
	if (rc <= 0)
		return rc;
	struct xml_errors errs = { 0 };
	xmlTextReaderPtr r = reader_new(data, n, &errs);
	int found = 0;
	size_t sl = strlen(suffix);
	while (r && !found && xmllib.xmlTextReaderRead(r) == 1) {
		if (xmllib.xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
		    !name_is((const char *)xmllib.xmlTextReaderConstLocalName(r), "Relationship"))
			continue;
		char *type = (char *)xmllib.xmlTextReaderGetAttribute(r, BAD_CAST "Type");
		char *target = (char *)xmllib.xmlTextReaderGetAttribute(r, BAD_CAST "Target");
		char *mode = (char *)xmllib.xmlTextReaderGetAttribute(r, BAD_CAST "TargetMode");
		size_t tl = type ? strlen(type) : 0;
		if (type && target && !(mode && strcmp(mode, "External") == 0) && tl > sl &&
		    type[tl - sl - 1] == '/' && strcmp(type + tl - sl, suffix) == 0 &&
		    resolve_target(base, target, dst, cap) == 0)
			found = 1;
		xml_free(type);
		xml_free(target);
		xml_free(mode);
	}
	if (r)
		xmllib.xmlFreeTextReader(r);
	free(data);
	return found;
}

/* ---- numbering.xml and styles.xml ---- */

static void lvl_init(struct lvl *l)
{
	memset(l, 0, sizeof *l);
	l->fmt = FMT_DECIMAL;
	l->restart = -1;
	l->suff = SUFF_TAB;
}

static int numfmt_of(const char *v)
{
	static const struct {
		const char *name;
		int fmt;
	} fmts[] = {
		{ "decimal", FMT_DECIMAL }, { "decimalZero", FMT_DECIMAL_ZERO },
		{ "decimalFullWidth", FMT_FULLWIDTH }, { "decimalFullWidth2", FMT_FULLWIDTH },
		{ "decimalHalfWidth", FMT_DECIMAL }, { "upperRoman", FMT_UPPER_ROMAN },
		{ "lowerRoman", FMT_LOWER_ROMAN }, { "upperLetter", FMT_UPPER_LETTER },
		{ "lowerLetter", FMT_LOWER_LETTER }, { "decimalEnclosedCircle", FMT_CIRCLE },
		{ "decimalEnclosedCircleChinese", FMT_CIRCLE },
		{ "decimalEnclosedFullstop", FMT_FULLSTOP }, { "decimalEnclosedParen", FMT_PAREN },
		{ "chineseCounting", FMT_CN_COUNTING }, { "japaneseCounting", FMT_CN_COUNTING },
		{ "taiwaneseCounting", FMT_CN_COUNTING },
		{ "chineseCountingThousand", FMT_CN_THOUSAND },
		{ "taiwaneseCountingThousand", FMT_CN_THOUSAND },
		{ "japaneseDigitalTenThousand", FMT_CN_THOUSAND },
		{ "chineseLegalSimplified", FMT_CN_LEGAL }, { "ideographLegalTraditional", FMT_TW_LEGAL },
		{ "ideographDigital", FMT_DIGITAL }, { "taiwaneseDigital", FMT_DIGITAL },
		{ "ideographTraditional", FMT_STEMS }, { "ideographZodiac", FMT_ZODIAC },
		{ "ideographEnclosedCircle", FMT_CN_CIRCLE }, { "none", FMT_NONE },
		{ "bullet", FMT_BULLET },
	};
	for (size_t i = 0; v && i < sizeof fmts / sizeof *fmts; i++)
		if (strcmp(v, fmts[i].name) == 0)
			return fmts[i].fmt;
	return FMT_DECIMAL;
}

/* Reads a child element of w:lvl into l. */
static void lvl_property(xmlTextReaderPtr r, const char *name, struct lvl *l)
{
	if (name_is(name, "start")) {
		l->start = wval_int(r, 0);
	} else if (name_is(name, "numFmt")) {
		char *v = wattr(r, "val");
		l->fmt = numfmt_of(v);
		xml_free(v);
	} else if (name_is(name, "lvlText")) {
		wval_copy(r, l->text, sizeof l->text);
	} else if (name_is(name, "lvlRestart")) {
		l->restart = wval_int(r, -1);
		if (l->restart < 0)
			l->restart = -1;
	} else if (name_is(name, "isLgl")) {
		l->legal = wval_on(r);
	} else if (name_is(name, "suff")) {
		char *v = wattr(r, "val");
		l->suff = v && strcmp(v, "space") == 0 ? SUFF_SPACE :
		          v && strcmp(v, "nothing") == 0 ? SUFF_NONE : SUFF_TAB;
		xml_free(v);
	} else if (name_is(name, "pStyle")) {
		wval_copy(r, l->pstyle, sizeof l->pstyle);
	}
}

static int new_list(struct numbering *nb)
{
	nb->lists = xgrow(nb->lists, &nb->lists_cap, nb->nlists + 1, sizeof *nb->lists);
	memset(&nb->lists[nb->nlists], 0, sizeof *nb->lists);
	return (int)nb->nlists++;
}

/* Streams numbering.xml into nb's definitions. Malformed XML ends the reading; what was read
 * stays (the document part decides whether the file is usable). */
static void load_numbering(struct numbering *nb, const char *data, size_t n)
{
	struct xml_errors errs = { 0 };
	xmlTextReaderPtr r = reader_new(data, n, &errs);
	long cur_abs = -1, cur_num = -1, cur_ov = -1;
	struct lvl *cur_lvl = NULL;
	int lvl_depth = -1;
	int ret;
	while (r && (ret = xmllib.xmlTextReaderRead(r)) == 1) {
		int type = xmllib.xmlTextReaderNodeType(r);
		if (type == XML_READER_TYPE_ELEMENT && is_mc(r) &&
		    name_is((const char *)xmllib.xmlTextReaderConstLocalName(r), "Fallback")) {
			if (xmllib.xmlTextReaderNext(r) != 1)
				break;
			/* xmlTextReaderNext moved onto the next node: step back into the loop on it */
			type = xmllib.xmlTextReaderNodeType(r);
		}
		if (!is_w(r))
			continue;
		const char *name = (const char *)xmllib.xmlTextReaderConstLocalName(r);
		int depth = xmllib.xmlTextReaderDepth(r);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (name_is(name, "abstractNum"))
				cur_abs = -1, cur_lvl = NULL;
			else if (name_is(name, "num"))
				cur_num = -1, cur_ov = -1, cur_lvl = NULL;
			else if (name_is(name, "lvlOverride"))
				cur_ov = -1, cur_lvl = NULL;
			else if (name_is(name, "lvl"))
				cur_lvl = NULL;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		int empty = xmllib.xmlTextReaderIsEmptyElement(r);
		if (name_is(name, "abstractNum") && !empty && nb->nabs < MAX_ABSTRACT) {
			char *id = wattr(r, "abstractNumId");
			nb->abs = xgrow(nb->abs, &nb->abs_cap, nb->nabs + 1, sizeof *nb->abs);
			struct abstract *a = &nb->abs[nb->nabs];
			memset(a, 0, sizeof *a);
			a->id = parse_int(id, -1);
			a->list = -1;
			for (int i = 0; i < NUM_LEVELS; i++)
				lvl_init(&a->lvl[i]);
			xml_free(id);
			cur_abs = (long)nb->nabs++;
			cur_num = cur_ov = -1;
			cur_lvl = NULL;
		} else if (name_is(name, "num") && nb->nnums < MAX_NUMS) {
			char *id = wattr(r, "numId");
			nb->nums = xgrow(nb->nums, &nb->nums_cap, nb->nnums + 1, sizeof *nb->nums);
			struct num *m = &nb->nums[nb->nnums];
			m->id = parse_int(id, -1);
			m->abstract_id = -1;
			m->list = -1;
			m->has_override = 0;
			xml_free(id);
			cur_num = empty ? -1 : (long)nb->nnums;
			nb->nnums++;
			cur_abs = cur_ov = -1;
			cur_lvl = NULL;
		} else if (cur_num >= 0 && name_is(name, "abstractNumId")) {
			nb->nums[cur_num].abstract_id = wval_int(r, -1);
		} else if (cur_num >= 0 && name_is(name, "lvlOverride") && nb->novs < MAX_OVERRIDES) {
			char *il = wattr(r, "ilvl");
			int ilvl = parse_int(il, -1);
			xml_free(il);
			if (ilvl >= 0 && ilvl < NUM_LEVELS && !empty) {
				nb->ovs = xgrow(nb->ovs, &nb->ovs_cap, nb->novs + 1, sizeof *nb->ovs);
				struct override *o = &nb->ovs[nb->novs];
				memset(o, 0, sizeof *o);
				o->num = (int)cur_num;
				o->ilvl = ilvl;
				lvl_init(&o->lvl);
				nb->nums[cur_num].has_override = 1;
				cur_ov = (long)nb->novs++;
			}
		} else if (cur_ov >= 0 && name_is(name, "startOverride")) {
			nb->ovs[cur_ov].has_start = 1;
			nb->ovs[cur_ov].start = wval_int(r, 0);
		} else if (name_is(name, "lvl") && !empty && (cur_abs >= 0 || cur_ov >= 0)) {
			char *il = wattr(r, "ilvl");
			int ilvl = parse_int(il, -1);
			xml_free(il);
			cur_lvl = NULL;
			if (cur_ov >= 0) {
				nb->ovs[cur_ov].has_lvl = 1;
				cur_lvl = &nb->ovs[cur_ov].lvl;
			} else if (ilvl >= 0 && ilvl < NUM_LEVELS) {
				cur_lvl = &nb->abs[cur_abs].lvl[ilvl];
			}
			lvl_depth = depth;
		} else if (cur_lvl && depth == lvl_depth + 1) {
			lvl_property(r, name, cur_lvl);
		} else if (cur_abs >= 0 && !cur_lvl && name_is(name, "numStyleLink")) {
			wval_copy(r, nb->abs[cur_abs].num_style_link,
			          sizeof nb->abs[cur_abs].num_style_link);
		}
	}
	if (r)
		xmllib.xmlFreeTextReader(r);
}

/* Streams styles.xml: each paragraph style's id, basedOn and numbering. */
static void load_styles(struct numbering *nb, const char *data, size_t n)
{
	struct xml_errors errs = { 0 };
	xmlTextReaderPtr r = reader_new(data, n, &errs);
	long cur = -1;
	int style_depth = -1, in_ppr = 0, in_change = 0;
	while (r && xmllib.xmlTextReaderRead(r) == 1) {
		int type = xmllib.xmlTextReaderNodeType(r);
		if (!is_w(r))
			continue;
		const char *name = (const char *)xmllib.xmlTextReaderConstLocalName(r);
		int depth = xmllib.xmlTextReaderDepth(r);
		if (type == XML_READER_TYPE_END_ELEMENT) {
			if (name_is(name, "style"))
				cur = -1;
			else if (name_is(name, "pPr") && depth == style_depth + 1)
				in_ppr = 0;
			else if (name_is(name, "pPrChange"))
				in_change = 0;
			continue;
		}
		if (type != XML_READER_TYPE_ELEMENT)
			continue;
		int empty = xmllib.xmlTextReaderIsEmptyElement(r);
		if (name_is(name, "style")) {
			cur = -1;
			char *t = wattr(r, "type");
			int para = !t || strcmp(t, "paragraph") == 0 || strcmp(t, "numbering") == 0;
			xml_free(t);
			if (!para || empty || nb->nstyles >= MAX_STYLES)
				continue;
			nb->styles = xgrow(nb->styles, &nb->styles_cap, nb->nstyles + 1, sizeof *nb->styles);
			struct style *s = &nb->styles[nb->nstyles];
			memset(s, 0, sizeof *s);
			char *id = wattr(r, "styleId");
			if (id) {
				snprintf(s->id, sizeof s->id, "%s", id);
				xml_free(id);
			}
			char *d = wattr(r, "default");
			s->is_default = d && (strcmp(d, "1") == 0 || strcmp(d, "true") == 0 ||
			                      strcmp(d, "on") == 0);
			xml_free(d);
			cur = (long)nb->nstyles++;
			style_depth = depth;
			in_ppr = in_change = 0;
		} else if (cur < 0) {
			continue;
		} else if (name_is(name, "name") && depth == style_depth + 1) {
			char *v = wattr(r, "val");
			nb->styles[cur].is_toc = v && strncasecmp(v, "toc ", 4) == 0;
			xml_free(v);
		} else if (name_is(name, "basedOn") && depth == style_depth + 1) {
			wval_copy(r, nb->styles[cur].based_on, sizeof nb->styles[cur].based_on);
		} else if (name_is(name, "pPr") && depth == style_depth + 1 && !empty) {
			in_ppr = 1;
		} else if (name_is(name, "pPrChange") && !empty) {
			in_change = 1;
		} else if (in_ppr && !in_change && name_is(name, "numId")) {
			nb->styles[cur].has_num = 1;
			nb->styles[cur].num_id = wval_int(r, 0);
		} else if (in_ppr && !in_change && name_is(name, "ilvl")) {
			nb->styles[cur].has_ilvl = 1;
			nb->styles[cur].ilvl = wval_int(r, 0);
		}
	}
	if (r)
		xmllib.xmlFreeTextReader(r);
}

static int cmp_num(const void *a, const void *b)
{
	const struct num *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int cmp_abstract(const void *a, const void *b)
{
	const struct abstract *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

static int cmp_style(const void *a, const void *b)
{
	return strcmp(((const struct style *)a)->id, ((const struct style *)b)->id);
}

static int cmp_override(const void *a, const void *b)
{
	const struct override *x = a, *y = b;
	if (x->num != y->num)
		return (x->num > y->num) - (x->num < y->num);
	return (x->ilvl > y->ilvl) - (x->ilvl < y->ilvl);
}

/* Sorts the tables for lookup; overrides then point at the sorted nums. Stable for equal
 * keys is not needed: a duplicate id is a broken file, and any one of them is fine. */
static void numbering_index(struct numbering *nb)
{
	for (size_t i = 0; i < nb->novs; i++)
		nb->ovs[i].num = nb->nums[nb->ovs[i].num].id;  /* by id while the nums move */
	if (nb->nnums)
		qsort(nb->nums, nb->nnums, sizeof *nb->nums, cmp_num);
	if (nb->nabs)
		qsort(nb->abs, nb->nabs, sizeof *nb->abs, cmp_abstract);
	if (nb->nstyles)
		qsort(nb->styles, nb->nstyles, sizeof *nb->styles, cmp_style);
	if (nb->novs)
		qsort(nb->ovs, nb->novs, sizeof *nb->ovs, cmp_override);
	for (size_t i = 0; i < nb->nstyles && !nb->default_style; i++)
		if (nb->styles[i].is_default)
			nb->default_style = &nb->styles[i];
}

static struct num *find_num(struct numbering *nb, int id)
{
	struct num key = { .id = id };
	if (!nb->nnums)
		return NULL;
	return bsearch(&key, nb->nums, nb->nnums, sizeof *nb->nums, cmp_num);
}

static struct abstract *find_abstract(struct numbering *nb, int id)
{
	struct abstract key = { .id = id };
	if (!nb->nabs)
		return NULL;
	return bsearch(&key, nb->abs, nb->nabs, sizeof *nb->abs, cmp_abstract);
}

static const struct style *find_style(const struct numbering *nb, const char *id)
{
	if (!id[0] || !nb->nstyles)
		return NULL;
	struct style key;
	snprintf(key.id, sizeof key.id, "%s", id);
	return bsearch(&key, nb->styles, nb->nstyles, sizeof *nb->styles, cmp_style);
}

/* The style in s's basedOn chain that carries a numId, or NULL. */
static const struct style *style_numbered(const struct numbering *nb, const struct style *s)
{
	for (int hops = 0; s && hops < STYLE_DEPTH; hops++) {
		if (s->has_num)
			return s;
		s = find_style(nb, s->based_on);
	}
	return NULL;
}

/* The abstract definition whose levels num m shows, following one numStyleLink. */
static struct abstract *abstract_of(struct numbering *nb, const struct num *m)
{
	struct abstract *a = find_abstract(nb, m->abstract_id);
	for (int hops = 0; a && a->num_style_link[0] && hops < 2; hops++) {
		const struct style *s = style_numbered(nb, find_style(nb, a->num_style_link));
		struct num *linked = s ? find_num(nb, s->num_id) : NULL;
		struct abstract *b = linked && linked != m ? find_abstract(nb, linked->abstract_id) : NULL;
		if (!b || b == a)
			break;
		a = b;
	}
	return a;
}

static const struct override *find_override(const struct numbering *nb, int num_id, int ilvl)
{
	struct override key = { .num = num_id, .ilvl = ilvl };
	if (!nb->novs)
		return NULL;
	return bsearch(&key, nb->ovs, nb->novs, sizeof *nb->ovs, cmp_override);
}

/* ---- numerals ---- */

static void add_utf8(struct buf *b, unsigned cp)
{
	char s[4];
	size_t n;
	if (cp < 0x80) {
		s[0] = (char)cp, n = 1;
	} else if (cp < 0x800) {
		s[0] = (char)(0xC0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	} else {
		s[0] = (char)(0xE0 | cp >> 12), s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		s[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
	}
	buf_add(b, s, n);
}

static const char *const CN_DIGITS[10] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
static const char *const CN_LEGAL[10] = { "零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖" };
static const char *const TW_LEGAL[10] = { "零", "壹", "貳", "參", "肆", "伍", "陸", "柒", "捌", "玖" };

/* n in 1..9999 in Chinese counting: 十一 (not 一十一) at the head unless legal, 一百零一. */
static void cn_group(struct buf *b, int n, const char *const *digits, const char *const *units,
                     const char *zero, int head, int legal)
{
	int d[4] = { n / 1000, n / 100 % 10, n / 10 % 10, n % 10 };
	int started = 0, gap = 0;
	for (int i = 0; i < 4; i++) {
		if (d[i] == 0) {
			gap = started;
			continue;
		}
		if (gap)
			buf_adds(b, zero);
		gap = 0;
		if (!(i == 2 && d[i] == 1 && !started && head && !legal))
			buf_adds(b, digits[d[i]]);
		buf_adds(b, units[i]);
		started = 1;
	}
}

static void add_decimal(struct buf *b, int n)
{
	buf_printf(b, "%d", n);
}

static void cn_number(struct buf *b, int n, int fmt)
{
	static const char *const cn_units[4] = { "千", "百", "十", "" };
	static const char *const legal_units[4] = { "仟", "佰", "拾", "" };
	static const char *const tw_units[4] = { "仟", "佰", "拾", "" };
	const char *const *digits = CN_DIGITS, *const *units = cn_units;
	const char *zero = fmt == FMT_CN_COUNTING ? "〇" : "零";
	int legal = fmt == FMT_CN_LEGAL || fmt == FMT_TW_LEGAL;
	if (fmt == FMT_CN_LEGAL)
		digits = CN_LEGAL, units = legal_units;
	else if (fmt == FMT_TW_LEGAL)
		digits = TW_LEGAL, units = tw_units;
	if (n < 0 || n >= 100000000) {
		add_decimal(b, n);
		return;
	}
	if (n == 0) {
		buf_adds(b, legal ? digits[0] : zero);
		return;
	}
	int hi = n / 10000, lo = n % 10000;
	if (hi) {
		cn_group(b, hi, digits, units, zero, 1, legal);
		buf_adds(b, fmt == FMT_TW_LEGAL ? "萬" : "万");
		if (lo && lo < 1000)
			buf_adds(b, zero);
		if (lo)
			cn_group(b, lo, digits, units, zero, 0, legal);
	} else {
		cn_group(b, lo, digits, units, zero, 1, legal);
	}
}

static void add_roman(struct buf *b, int n, int upper)
{
	static const struct {
		int v;
		const char *s;
	} r[] = {
		{ 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
		{ 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
	};
	if (n <= 0 || n >= 4000) {
		add_decimal(b, n);
		return;
	}
	for (size_t i = 0; i < sizeof r / sizeof *r; i++)
		for (; n >= r[i].v; n -= r[i].v)
			for (const char *s = r[i].s; *s; s++)
				buf_addc(b, (char)(upper ? *s - 'a' + 'A' : *s));
}

/* Appends n in format fmt, as Word draws it. */
/* n digit by digit: full-width digits (１２) or Chinese ones (一二); a negative n as ASCII. */
static void add_each_digit(struct buf *b, int n, int fullwidth)
{
	if (n < 0) {
		add_decimal(b, n);
		return;
	}
	char s[16];
	snprintf(s, sizeof s, "%d", n);
	for (char *c = s; *c; c++) {
		if (fullwidth)
			add_utf8(b, 0xFF10u + (unsigned)(*c - '0'));
		else
			buf_adds(b, CN_DIGITS[*c - '0']);
	}
}

static void add_number(struct buf *b, int n, int fmt)
{
	static const char *const stems = "甲乙丙丁戊己庚辛壬癸";
	static const char *const zodiac = "子丑寅卯辰巳午未申酉戌亥";
	switch (fmt) {
	case FMT_DECIMAL_ZERO:
		if (n >= 0 && n < 10)
			buf_addc(b, '0');
		add_decimal(b, n);
		return;
	case FMT_FULLWIDTH:
	case FMT_DIGITAL:
		add_each_digit(b, n, fmt == FMT_FULLWIDTH);
		return;
	case FMT_UPPER_ROMAN:
	case FMT_LOWER_ROMAN:
		add_roman(b, n, fmt == FMT_UPPER_ROMAN);
		return;
	case FMT_UPPER_LETTER:
	case FMT_LOWER_LETTER:
		if (n <= 0 || n > 780) {
			add_decimal(b, n);
			return;
		}
		for (int i = 0; i <= (n - 1) / 26; i++)
			buf_addc(b, (char)((fmt == FMT_UPPER_LETTER ? 'A' : 'a') + (n - 1) % 26));
		return;
	case FMT_CIRCLE:
	case FMT_FULLSTOP:
	case FMT_PAREN:
		if (n < 1 || n > 20) {
			add_decimal(b, n);
			return;
		}
		add_utf8(b, (fmt == FMT_CIRCLE ? 0x2460u : fmt == FMT_PAREN ? 0x2474u : 0x2488u) +
		            (unsigned)n - 1);
		return;
	case FMT_CN_CIRCLE:
		if (n < 1 || n > 10) {
			cn_number(b, n, FMT_CN_COUNTING);
			return;
		}
		add_utf8(b, 0x3220u + (unsigned)n - 1);
		return;
	case FMT_CN_COUNTING:
	case FMT_CN_THOUSAND:
	case FMT_CN_LEGAL:
	case FMT_TW_LEGAL:
		cn_number(b, n, fmt);
		return;

	case FMT_STEMS:
		if (n < 1) {
			add_decimal(b, n);
			return;
		}
		buf_add(b, stems + 3 * ((n - 1) % 10), 3);
		return;
	case FMT_ZODIAC:
		if (n < 1) {
			add_decimal(b, n);
			return;
		}
		buf_add(b, zodiac + 3 * ((n - 1) % 12), 3);
		return;
	case FMT_NONE:
	case FMT_BULLET:
		return;
	default:
		add_decimal(b, n);
	}
}

/* ---- rendering a numbered paragraph ---- */

/* The level definition num m shows at ilvl, and the start value it counts from. */
static const struct lvl *level_of(struct numbering *nb, const struct num *m, struct abstract *a,
                                  int ilvl, int *start)
{
	const struct override *o = m->has_override ? find_override(nb, m->id, ilvl) : NULL;
	const struct lvl *l = o && o->has_lvl ? &o->lvl : &a->lvl[ilvl];
	*start = o && o->has_start ? o->start : l->start;
	return l;
}

/* Advances the counters of the list num_id belongs to for a paragraph at ilvl and appends the
 * text Word shows before the paragraph's own text. `style` is the style the numbering came
 * from (to find the level when no ilvl is given: ilvl < 0). */
static void render_number(struct numbering *nb, struct buf *out, int num_id, int ilvl,
                          const char *style)
{
	struct num *m = find_num(nb, num_id);
	if (!m)
		return;
	struct abstract *a = abstract_of(nb, m);
	if (!a)
		return;
	if (ilvl < 0) {
		ilvl = 0;
		for (int i = 0; style && style[0] && i < NUM_LEVELS; i++)
			if (strcmp(a->lvl[i].pstyle, style) == 0) {
				ilvl = i;
				break;
			}
	}
	if (ilvl >= NUM_LEVELS)
		ilvl = NUM_LEVELS - 1;
	if (m->list < 0) {
		if (m->has_override) {
			m->list = new_list(nb);
		} else {
			if (a->list < 0)
				a->list = new_list(nb);
			m->list = a->list;
		}
	}
	struct list *L = &nb->lists[m->list];
	int start[NUM_LEVELS];
	const struct lvl *lv[NUM_LEVELS];
	for (int i = 0; i < NUM_LEVELS; i++)
		lv[i] = level_of(nb, m, a, i, &start[i]);
	if (L->started[ilvl] && L->count[ilvl] < INT_MAX / 4) {
		L->count[ilvl]++;
	} else {
		L->count[ilvl] = start[ilvl];
		L->started[ilvl] = 1;
	}
	for (int k = ilvl + 1; k < NUM_LEVELS; k++)
		if (lv[k]->restart < 0 || ilvl < lv[k]->restart)
			L->started[k] = 0;
	const struct lvl *l = lv[ilvl];
	if (l->fmt == FMT_BULLET)
		return;
	size_t before = out->len;
	for (const char *p = l->text; *p; p++) {
		if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
			int k = p[1] - '1';
			int v = L->started[k] ? L->count[k] : start[k];
			add_number(out, v, l->legal ? FMT_DECIMAL : lv[k]->fmt);
			p++;
		} else {
			buf_addc(out, *p);
		}
	}
	if (out->len == before || l->suff == SUFF_NONE)
		return;
	/* Word's tab after 一、 or （一） only aligns the text; elsewhere it separates words. */
	static const char *const punct[] = { "、", "）", "．", "。", "：", ")", ".", ":", "]", "】" };
	for (size_t i = 0; i < sizeof punct / sizeof *punct; i++) {
		size_t k = strlen(punct[i]);
		if (out->len - before >= k && memcmp(out->data + out->len - k, punct[i], k) == 0)
			return;
	}
	buf_addc(out, ' ');
}

/* ---- the document ---- */

enum frame_kind { FRAME_P, FRAME_ROW };

struct frame {
	int kind;                    /* enum frame_kind */
	struct buf text;             /* P: its runs' text; ROW: the row so far */
	struct buf after;            /* P: lines of text boxes anchored in it */
	int cells;                   /* ROW: cells begun */
	int cell_used;               /* ROW: the current cell has text */
	char style[STYLE_ID_MAX];    /* P: w:pStyle */
	int has_num, num_id;         /* P: direct w:numPr/w:numId */
	int has_ilvl, ilvl;          /* P: direct w:numPr/w:ilvl */
	int depth;                   /* reader depth of its element */
	int ppr_depth;               /* P: depth of its w:pPr while inside it, else -1 */
	int run_depth;               /* P: depth of the current w:r, -1 outside one */
	int run_hidden;              /* P: the current run is w:vanish */
	int text_depth;              /* P: depth of the current w:t, -1 outside one */
};

struct walk {
	struct numbering *nb;
	struct buf out;              /* finished lines */
	struct frame frames[FRAME_MAX];
	int nframes;
	int overflow;                /* paragraphs and rows nested past FRAME_MAX */
	int toc_sdt_depth;           /* depth of a w:sdt holding a table of contents, -1 none */
	int sdt_depth[FRAME_MAX];    /* open w:sdt elements, innermost last */
	int nsdt;
	int sdt_pr_depth;            /* depth of the w:sdtPr being read, -1 outside one */
	const xmlChar *ns_seen;      /* the reader's interned w: namespace, once seen */
};

static struct frame *top(struct walk *w)
{
	return w->nframes ? &w->frames[w->nframes - 1] : NULL;
}

/* Hands a finished paragraph or row (lines separated by '\n') to what encloses it. */
static void deliver(struct walk *w, const char *s, size_t n)
{
	struct frame *f = top(w);
	if (!f) {
		buf_add(&w->out, s, n);
		buf_addc(&w->out, '\n');
	} else if (f->kind == FRAME_P) {
		buf_add(&f->after, s, n);
		buf_addc(&f->after, '\n');
	} else {
		if (n == 0)
			return;
		if (f->cell_used)
			buf_addc(&f->text, ' ');
		for (size_t i = 0; i < n; i++)
			buf_addc(&f->text, s[i] == '\n' ? ' ' : s[i]);
		f->cell_used = 1;
	}
}

static void push(struct walk *w, int kind, int depth)
{
	if (w->nframes == FRAME_MAX) {
		w->overflow++;
		return;
	}
	struct frame *f = &w->frames[w->nframes++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->depth = depth;
	f->ppr_depth = f->run_depth = f->text_depth = -1;
}

/* Ends the innermost paragraph or row: its number, text and text boxes go to its container. */
static void pop(struct walk *w)
{
	if (w->overflow) {
		w->overflow--;
		return;
	}
	if (!w->nframes)
		return;
	struct frame f = w->frames[--w->nframes];
	if (f.kind == FRAME_P) {
		struct buf line = { 0 };
		int num_id = f.num_id, ilvl = f.has_ilvl ? f.ilvl : -1, numbered = f.has_num;
		const struct style *ps = f.style[0] ? find_style(w->nb, f.style) : w->nb->default_style;
		if (ps && ps->is_toc) {   /* a table of contents repeats the headings */
			buf_fini(&f.text);
			buf_fini(&f.after);
			return;
		}
		const struct style *ns = style_numbered(w->nb, ps);
		const char *from = ps ? ps->id : NULL;
		if (!numbered && ns) {
			numbered = 1;
			num_id = ns->num_id;
			from = ns->id;
		}
		if (numbered && ilvl < 0 && ns && ns->has_ilvl)
			ilvl = ns->ilvl;
		if (numbered && num_id > 0)
			render_number(w->nb, &line, num_id, ilvl, from);
		if (f.text.len)
			buf_add(&line, f.text.data, f.text.len);
		deliver(w, line.data ? line.data : "", line.len);
		if (f.after.len)
			deliver(w, f.after.data, f.after.len - 1);
		buf_fini(&line);
	} else {
		deliver(w, f.text.data ? f.text.data : "", f.text.len);
	}
	buf_fini(&f.text);
	buf_fini(&f.after);
}

static void add_text(struct walk *w, const char *s, size_t n)
{
	struct frame *f = top(w);
	if (!f || n == 0)
		return;
	buf_add(&f->text, s, n);
	if (f->kind == FRAME_ROW)
		f->cell_used = 1;
}

/* The elements of document.xml that matter; everything else is walked through. */
enum elem {
	E_OTHER, E_SKIP, E_BR, E_GALLERY, E_HYPHEN, E_ILVL, E_NUMID, E_P, E_PPR, E_PSTYLE, E_R,
	E_SDT, E_SDT_CONTENT, E_SDT_PR, E_T, E_TAB, E_TC, E_TR, E_VANISH
};

/* Sorted by strcmp. E_SKIP: content Word does not show (deleted or moved-away text, field
 * instructions, note marks, the old properties of tracked changes). */
static const struct elem_name {
	const char *name;
	int id;
} elem_names[] = {
	{ "annotationRef", E_SKIP }, { "br", E_BR }, { "commentReference", E_SKIP },
	{ "cr", E_BR }, { "del", E_SKIP }, { "delInstrText", E_SKIP }, { "delText", E_SKIP },
	{ "docPartGallery", E_GALLERY }, { "endnoteRef", E_SKIP }, { "endnoteReference", E_SKIP },
	{ "fldData", E_SKIP }, { "footnoteRef", E_SKIP }, { "footnoteReference", E_SKIP },
	{ "ilvl", E_ILVL }, { "instrText", E_SKIP }, { "moveFrom", E_SKIP },
	{ "noBreakHyphen", E_HYPHEN }, { "numId", E_NUMID }, { "numberingChange", E_SKIP },
	{ "p", E_P }, { "pPr", E_PPR }, { "pPrChange", E_SKIP }, { "pStyle", E_PSTYLE },
	{ "ptab", E_TAB }, { "r", E_R }, { "rPrChange", E_SKIP }, { "sdt", E_SDT },
	{ "sdtContent", E_SDT_CONTENT }, { "sdtPr", E_SDT_PR }, { "sectPr", E_SKIP },
	{ "sectPrChange", E_SKIP }, { "t", E_T }, { "tab", E_TAB }, { "tblGridChange", E_SKIP },
	{ "tblPrChange", E_SKIP }, { "tc", E_TC }, { "tcPrChange", E_SKIP }, { "tr", E_TR },
	{ "trPrChange", E_SKIP }, { "vanish", E_VANISH }, { "webHidden", E_VANISH },
};

static int cmp_elem(const void *key, const void *e)
{
	return strcmp(key, ((const struct elem_name *)e)->name);
}

static int elem_of(const char *name)
{
	const struct elem_name *e = bsearch(name, elem_names, sizeof elem_names / sizeof *elem_names,
	                                    sizeof *elem_names, cmp_elem);
	return e ? e->id : E_OTHER;
}

/* Whether the reader is on a w: node; the interned namespace string is remembered, so that
 * most calls compare a pointer. */
static int in_w(struct walk *w, xmlTextReaderPtr r)
{
	const xmlChar *ns = xmllib.xmlTextReaderConstNamespaceUri(r);
	if (ns && ns == w->ns_seen)
		return 1;
	if (!is_w(r))
		return 0;
	w->ns_seen = ns;
	return 1;
}

/* Handles the start of a w: element; returns 1 when its subtree is to be skipped. */
static int element_start(struct walk *w, xmlTextReaderPtr r, int id, int depth, int empty)
{
	struct frame *f = top(w);
	switch (id) {
	case E_OTHER:
		return 0;
	case E_SKIP:
		return 1;
	case E_SDT_PR:
		if (!empty)
			w->sdt_pr_depth = depth;
		return 0;
	case E_GALLERY:
		if (w->sdt_pr_depth >= 0 && w->nsdt && w->toc_sdt_depth < 0) {
			char *v = wattr(r, "val");
			if (v && strcmp(v, "Table of Contents") == 0)
				w->toc_sdt_depth = w->sdt_depth[w->nsdt - 1];
			xml_free(v);
		}
		return 0;
	case E_SDT:
		if (!empty && w->nsdt < FRAME_MAX)
			w->sdt_depth[w->nsdt++] = depth;
		return 0;
	case E_SDT_CONTENT:
		return w->toc_sdt_depth >= 0 && depth == w->toc_sdt_depth + 1;
	case E_P:
	case E_TR:
		push(w, id == E_P ? FRAME_P : FRAME_ROW, depth);
		if (empty)
			pop(w);
		return 0;
	case E_TC:
		if (f && f->kind == FRAME_ROW) {
			if (f->cells++ > 0)
				buf_addc(&f->text, '\t');
			f->cell_used = 0;
		}
		return 0;
	}
	if (!f || f->kind != FRAME_P || w->sdt_pr_depth >= 0)
		return 0;   /* runs outside a paragraph are not shown */
	if (f->ppr_depth >= 0) {
		if (id == E_PSTYLE && depth == f->ppr_depth + 1) {
			wval_copy(r, f->style, sizeof f->style);
		} else if (id == E_NUMID && depth == f->ppr_depth + 2) {
			f->has_num = 1;
			f->num_id = wval_int(r, 0);
		} else if (id == E_ILVL && depth == f->ppr_depth + 2) {
			f->has_ilvl = 1;
			f->ilvl = wval_int(r, 0);
			if (f->ilvl < 0)
				f->ilvl = 0;
		}
		return 0;
	}
	if (id == E_PPR) {
		if (depth == f->depth + 1 && !empty)
			f->ppr_depth = depth;
	} else if (id == E_R) {
		if (!empty)
			f->run_depth = depth;
		f->run_hidden = 0;
	} else if (f->run_depth < 0) {
		;
	} else if (id == E_VANISH && depth == f->run_depth + 2) {
		f->run_hidden = wval_on(r);
	} else if (depth == f->run_depth + 1 && !f->run_hidden) {
		if (id == E_T && !empty)
			f->text_depth = depth;
		else if (id == E_TAB)
			add_text(w, " ", 1);
		else if (id == E_BR)
			add_text(w, "\n", 1);
		else if (id == E_HYPHEN)
			add_text(w, "-", 1);
	}
	return 0;
}

static void element_end(struct walk *w, int id, int depth)
{
	struct frame *f = top(w);
	if (id == E_P || id == E_TR) {
		pop(w);
	} else if (id == E_SDT_PR && depth == w->sdt_pr_depth) {
		w->sdt_pr_depth = -1;
	} else if (id == E_SDT && w->nsdt && w->sdt_depth[w->nsdt - 1] == depth) {
		if (w->toc_sdt_depth == depth)
			w->toc_sdt_depth = -1;
		w->nsdt--;
	} else if (f && f->kind == FRAME_P) {
		if (id == E_PPR && depth == f->ppr_depth) {
			f->ppr_depth = -1;
		} else if (id == E_R && depth == f->run_depth) {
			f->run_depth = -1;
			f->text_depth = -1;
		} else if (id == E_T && depth == f->text_depth) {
			f->text_depth = -1;
		}
	}
}

/* Streams document.xml into w->out. Returns 0, or -1 with *cause set. */
static int walk_document(struct walk *w, const char *part, const char *root, const char *data, size_t n,
                         char **cause)
{
	struct xml_errors errs = { 0 };
	xmlTextReaderPtr r = reader_new(data, n, &errs);
	if (!r) {
		*cause = xasprintf("damaged Word document (.docx): %s cannot be read", part);
		return -1;
	}
	int ret = xmllib.xmlTextReaderRead(r), seen_root = 0;
	while (ret == 1) {
		int type = xmllib.xmlTextReaderNodeType(r);
		int skip = 0;
		if (type == XML_READER_TYPE_ELEMENT) {
			const char *name = (const char *)xmllib.xmlTextReaderConstLocalName(r);
			int depth = xmllib.xmlTextReaderDepth(r);
			if (!seen_root) {
				seen_root = 1;
				if (!is_w(r) || !name_is(name, root)) {
					xmllib.xmlFreeTextReader(r);
					*cause = xstrdup(NOT_DOCX);
					return -1;
				}
			} else if (in_w(w, r)) {
				skip = element_start(w, r, elem_of(name), depth,
				                     xmllib.xmlTextReaderIsEmptyElement(r));
			} else if (is_mc(r) && name_is(name, "Fallback")) {
				skip = 1;
			}
		} else if (type == XML_READER_TYPE_END_ELEMENT) {
			if (in_w(w, r))
				element_end(w, elem_of((const char *)xmllib.xmlTextReaderConstLocalName(r)),
				            xmllib.xmlTextReaderDepth(r));
		} else if ((type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
		            type == XML_READER_TYPE_WHITESPACE ||
		            type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
		           top(w) && top(w)->kind == FRAME_P && top(w)->text_depth >= 0 &&
		           xmllib.xmlTextReaderDepth(r) == top(w)->text_depth + 1) {
			const char *v = (const char *)xmllib.xmlTextReaderConstValue(r);
			if (v)
				add_text(w, v, strlen(v));
		}
		ret = skip ? xmllib.xmlTextReaderNext(r) : xmllib.xmlTextReaderRead(r);
	}
	xmllib.xmlFreeTextReader(r);
	if (ret < 0 || errs.first[0]) {
		*cause = xasprintf("damaged Word document (.docx): %s: %s (line %d)", part,
		                   errs.first[0] ? errs.first : "malformed XML", errs.line);
		return -1;
	}
	if (!seen_root) {
		*cause = xstrdup(NOT_DOCX);
		return -1;
	}
	while (w->nframes || w->overflow)
		pop(w);
	return 0;
}

static void numbering_fini(struct numbering *nb)
{
	free(nb->abs);
	free(nb->nums);
	free(nb->ovs);
	free(nb->lists);
	free(nb->styles);
}

/* An OLE compound file: an encrypted .docx, or an old binary Word file. */
static int ole_cause(const char *bytes, size_t n, char **cause)
{
	static const char name[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
	size_t k = sizeof name - 1;
	int enc = 0;
	for (size_t i = 0; !enc && i + k <= n; i++)
		enc = bytes[i] == 'E' && memcmp(bytes + i, name, k) == 0;
	*cause = xstrdup(enc ? ENCRYPTED : OLD_WORD);
	return -1;
}

/* The folder of a part ("word" for "word/document.xml") into dst[cap]. */
static void folder_of(const char *part, char *dst, size_t cap)
{
	const char *slash = strrchr(part, '/');
	size_t n = slash ? (size_t)(slash - part) : 0;
	if (n >= cap)
		n = 0;
	memcpy(dst, part, n);
	dst[n] = '\0';
}

static void walk_fini(struct walk *w)
{
	while (w->nframes) {
		w->nframes--;
		buf_fini(&w->frames[w->nframes].text);
		buf_fini(&w->frames[w->nframes].after);
	}
	buf_fini(&w->out);
}

/* The document number a page header holds as a cell of its own (平和县人民政府<tab>平政文〔2021〕18号,
 * over every page, where printed documents set it above the title), into out as a line; other
 * header text (running titles, names, page numbers) is left out, as a reader passes over it. */
static void header_number(struct package *p, const char *rels, const char *folder, struct numbering *nb,
			  struct buf *out)
{
	char part[512], *data = NULL;
	size_t n = 0;
	if (find_relationship(p, rels, folder, "header", part, sizeof part) != 1 || read_part(p, part, &data, &n) != 1) {
		free(p->cause);   /* a damaged header loses nothing of the text */
		p->cause = NULL;
		return;
	}
	struct walk hw = { .nb = nb, .toc_sdt_depth = -1, .sdt_pr_depth = -1 };
	char *why = NULL;
	if (walk_document(&hw, part, "hdr", data, n, &why) == 0) {
		const char *t = hw.out.data;
		for (size_t i = 0, e; i < hw.out.len; i = e + 1) {
			while (i < hw.out.len && (t[i] == ' ' || t[i] == '\t' || t[i] == '\n'))
				i++;
			for (e = i; e < hw.out.len && t[e] != ' ' && t[e] != '\t' && t[e] != '\n'; e++)
				;
			if (e > i && parse_doc_number_len(t, i, e) == e - i) {
				buf_add(out, t + i, e - i);
				buf_addc(out, '\n');
				break;
			}
		}
	}
	free(why);
	free(data);
	walk_fini(&hw);
}

int extract_docx(const char *bytes, size_t n, char **text, size_t *len, char **cause)
{
	static const unsigned char ole_magic[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	*text = NULL;
	*len = 0;
	*cause = NULL;
	if (n >= 8 && memcmp(bytes, ole_magic, 8) == 0)
		return ole_cause(bytes, n, cause);

	const char *why;
	if (dynlib_open(&libzip, &why) < 0 || dynlib_open(&libxml2, &why) < 0) {
		*cause = xasprintf("cannot read Word document: %s", why);
		return -1;
	}
	struct package p = { 0 };
	struct numbering nb = { 0 };
	struct walk w = { .nb = &nb, .toc_sdt_depth = -1, .sdt_pr_depth = -1 };
	char *doc = NULL, *aux = NULL;
	size_t doclen = 0, auxlen = 0;
	char main_part[512], folder[512], rels[1100], part[512];
	int rc = -1;

	zip_error_t ze;
	ziplib.zip_error_init(&ze);
	zip_source_t *src = n ? ziplib.zip_source_buffer_create(bytes, n, 0, &ze) : NULL;
	if (src)
		p.zip = ziplib.zip_open_from_source(src, ZIP_RDONLY, &ze);
	if (!p.zip) {
		int code = ziplib.zip_error_code_zip(&ze);
		if (src)
			ziplib.zip_source_free(src);
		ziplib.zip_error_fini(&ze);
		if (n >= 4 && memcmp(bytes, "PK\3\4", 4) == 0 && code != ZIP_ER_MEMORY)
			*cause = xstrdup("damaged Word document (.docx): the zip is truncated or corrupt");
		else
			*cause = xstrdup(NOT_DOCX);
		return -1;
	}
	ziplib.zip_error_fini(&ze);
	/* Some libxml2 errors (bad encodings, I/O) bypass the reader's handler and go to the
	 * generic one, which prints. It is per thread, and stays silent after: nothing else in
	 * fazhi uses this copy of libxml2. */
	xmllib.xmlSetGenericErrorFunc(NULL, quiet);

	if (ziplib.zip_name_locate(p.zip, "EncryptedPackage", ZIP_FL_NOCASE) >= 0) {
		p.cause = xstrdup(ENCRYPTED);
		goto done;
	}
	int found = find_relationship(&p, "_rels/.rels", "", "officeDocument", main_part,
	                              sizeof main_part);
	if (found < 0)
		goto done;
	if (!found)
		snprintf(main_part, sizeof main_part, "word/document.xml");
	int got = read_part(&p, main_part, &doc, &doclen);
	if (got == 0 && found) {   /* a broken relationship: try the usual name */
		snprintf(main_part, sizeof main_part, "word/document.xml");
		got = read_part(&p, main_part, &doc, &doclen);
	}
	if (got < 0)
		goto done;
	if (got == 0) {
		p.cause = xstrdup(NOT_DOCX);
		goto done;
	}

	folder_of(main_part, folder, sizeof folder);
	const char *base = strrchr(main_part, '/');
	snprintf(rels, sizeof rels, "%s%s_rels/%s.rels", folder, folder[0] ? "/" : "",
	         base ? base + 1 : main_part);
	static const struct {
		const char *type, *fallback;
		void (*load)(struct numbering *, const char *, size_t);
	} aux_parts[] = {
		{ "styles", "styles.xml", load_styles },
		{ "numbering", "numbering.xml", load_numbering },
	};
	for (size_t i = 0; i < sizeof aux_parts / sizeof *aux_parts; i++) {
		found = find_relationship(&p, rels, folder, aux_parts[i].type, part, sizeof part);
		if (found < 0)
			goto done;
		if (!found && resolve_target(folder, aux_parts[i].fallback, part, sizeof part) < 0)
			continue;
		got = read_part(&p, part, &aux, &auxlen);
		if (got < 0)
			goto done;
		if (got)
			aux_parts[i].load(&nb, aux, auxlen);
		free(aux);
		aux = NULL;
	}
	numbering_index(&nb);

	if (walk_document(&w, main_part, "document", doc, doclen, &p.cause) < 0)
		goto done;
	int blank = 1;
	for (size_t i = 0; i < w.out.len && blank; i++)
		blank = w.out.data[i] == '\n' || w.out.data[i] == ' ' || w.out.data[i] == '\t';
	if (blank) {
		p.cause = xstrdup("no text in the Word document (only pictures? OCR it first)");
		goto done;
	}
	struct buf all = { 0 };
	header_number(&p, rels, folder, &nb, &all);
	buf_add(&all, w.out.data, w.out.len);
	*len = all.len;
	*text = buf_take(&all);
	rc = 0;
done:
	walk_fini(&w);
	free(aux);
	free(doc);
	numbering_fini(&nb);
	ziplib.zip_discard(p.zip);
	if (rc < 0)
		*cause = p.cause ? p.cause : xstrdup(NOT_DOCX);
	return rc;
}
