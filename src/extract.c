/* extract.c — published formats to report text: tells a file's kind by its bytes and name, and hands it to its converter. */
#define _GNU_SOURCE   /* memmem */
#include "extract.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "record.h"
#include "xmalloc.h"

/* Design limits: the kind is told from the first SNIFF bytes (a page's <html> or <meta> tags
 * come early), except for a zip, whose part names are looked for in the whole file. */
#define SNIFF 1024

static const char *const html_tags[] = { "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p " };

static int has_suffix(const char *name, const char *suffix)
{
	size_t n = strlen(name), k = strlen(suffix);
	return n > k && strcasecmp(name + n - k, suffix) == 0;
}

static const char *base_name(const char *path)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	return slash ? slash + 1 : path ? path : "";
}

/* 1 when the first bytes (after a BOM and blanks) hold an HTML tag, in any case. */
static int looks_html(const char *b, size_t n)
{
	size_t lim = n < SNIFF ? n : SNIFF;
	if (!memchr(b, '<', lim))   /* every tag opens with it; a text report holds none */
		return 0;
	char head[SNIFF + 1];
	for (size_t i = 0; i < lim; i++)
		head[i] = (char)((b[i] >= 'A' && b[i] <= 'Z') ? b[i] + 32 : b[i]);
	head[lim] = '\0';
	for (size_t k = 0; k < sizeof html_tags / sizeof *html_tags; k++)
		if (memmem(head, lim, html_tags[k], strlen(html_tags[k])))
			return 1;
	return 0;
}

int extract_kind_of(const char *b, size_t n, const char *path)
{
	static const unsigned char ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	const char *name = base_name(path);
	if (n >= 5 && memmem(b, n < SNIFF ? n : SNIFF, "%PDF-", 5))
		return EXTRACT_PDF;
	if (n >= 4 && memcmp(b, "PK\x03\x04", 4) == 0 && memmem(b, n, "word/document.xml", 17))
		return EXTRACT_DOCX;
	if (n >= sizeof ole && memcmp(b, ole, sizeof ole) == 0) {
		/* Word saves a password-protected .docx in an OLE file holding an EncryptedPackage
		 * stream: its converter says so; any other OLE file is the old binary format. */
		static const char encrypted[] = "E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0";
		if (has_suffix(name, ".docx") || memmem(b, n, encrypted, sizeof encrypted - 1))
			return EXTRACT_DOCX;
		return EXTRACT_OLD_WORD;
	}
	if (record_like(b, n))
		return EXTRACT_TEXT;   /* a crawler's JSON record, whose text may be HTML: corpus reads it */
	if (looks_html(b, n))
		return EXTRACT_HTML;
	if ((has_suffix(name, ".html") || has_suffix(name, ".htm") || has_suffix(name, ".shtml")) &&
	    memchr(b, '<', n < SNIFF ? n : SNIFF))
		return EXTRACT_HTML;
	return EXTRACT_TEXT;
}

int extract_wanted_name(const char *name)
{
	static const char *const suffixes[] = { ".txt", ".html", ".htm", ".shtml", ".pdf", ".docx", ".doc", ".wps" };
	for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
		if (has_suffix(name, suffixes[k]))
			return 1;
	return 0;
}

int extract_text(int kind, const char *bytes, size_t n, char **text, size_t *len, char **cause)
{
	switch (kind) {
	case EXTRACT_HTML:
		return extract_html(bytes, n, text, len, cause);
	case EXTRACT_PDF:
		return extract_pdf(bytes, n, text, len, cause);
	case EXTRACT_DOCX:
		return extract_docx(bytes, n, text, len, cause);
	case EXTRACT_OLD_WORD:
		*cause = xstrdup("an old binary Word file; convert it: libreoffice --headless --convert-to docx FILE");
		return -1;
	default:
		*text = xstrndup(bytes, n);
		*len = n;
		return 0;
	}
}
