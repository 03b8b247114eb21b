/* extract.h — published formats to report text: saved web pages, PDF and Word attachments, recognised by their content. */
#ifndef FAZHI_EXTRACT_H
#define FAZHI_EXTRACT_H

#include <stddef.h>

/* What a file holds, told by its bytes first (a PDF renamed .txt is a PDF), its name second. */
enum extract_kind {
	EXTRACT_TEXT,    /* plain text: handed to encoding_decode as before */
	EXTRACT_HTML,    /* a web page (.html .htm .shtml, or content that opens as HTML) */
	EXTRACT_PDF,     /* %PDF- */
	EXTRACT_DOCX,    /* a zip holding word/document.xml */
	EXTRACT_OLD_WORD,/* .doc / .wps, the binary formats (OLE compound file) */
};

/* The kind of bytes[0, n) read from `path` (path may be NULL). Never fails: anything that is
 * no other kind is EXTRACT_TEXT. */
int extract_kind_of(const char *bytes, size_t n, const char *path);

/* 1 when a directory walk takes a file of this name (.txt .html .htm .shtml .pdf .docx .doc .wps,
 * any case). */
int extract_wanted_name(const char *name);

/* Each converter takes the file's bytes and returns 0 with *text a NUL-terminated heap string
 * of *len bytes of UTF-8 (caller frees), one paragraph a line, in reading order; or -1 with
 * *cause a one-line reason (caller frees), e.g. "no text layer (a scanned PDF); OCR it first".
 * They never print, never exit, and are linear in n (bounded by the libraries they use).
 * Their output still goes through encoding_decode, which defuses control characters. */
/* Each converter loads its libraries the first time it is called, once for the process and
 * from any thread (dynlib.h): extract_html libxml2 (libxml2.so.2), extract_docx libzip
 * (libzip.so.4) and libxml2, extract_pdf poppler-glib (libpoppler-glib.so.8); or the file
 * FAZHI_LIBXML2_LIBRARY, FAZHI_LIBZIP_LIBRARY or FAZHI_POPPLER_LIBRARY names, for tests. Where
 * one cannot be loaded every call fails with e.g. "cannot read PDF: libpoppler-glib.so.8 not
 * found (apt-get install libpoppler-glib8)" ("cannot read HTML: …", "cannot read Word
 * document: …"). */
int extract_html(const char *bytes, size_t n, char **text, size_t *len, char **cause);
int extract_pdf(const char *bytes, size_t n, char **text, size_t *len, char **cause);
int extract_docx(const char *bytes, size_t n, char **text, size_t *len, char **cause);

/* Dispatches on the kind: EXTRACT_TEXT copies the bytes as they are; EXTRACT_OLD_WORD fails
 * with "an old binary Word file; convert it: libreoffice --headless --convert-to docx FILE". */
int extract_text(int kind, const char *bytes, size_t n, char **text, size_t *len, char **cause);

#endif
