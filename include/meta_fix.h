/* meta_fix.h — hand corrections of report metadata: the fazhi-meta.tsv a directory of reports may hold. */
#ifndef FAZHI_META_FIX_H
#define FAZHI_META_FIX_H

#include <stddef.h>

#include "report.h"

/* The file a directory may hold beside its reports, and its format: one row per correction,
 * three TAB-separated fields
 *     FILE  FIELD  VALUE
 * where FILE is a report's name in that directory, FIELD one of title, region, year,
 * published, doc_number, issuer, level, and VALUE the value to use (empty: the field is
 * unknown; a year is 4 digits, a date YYYY-MM-DD, a level one of province city county town
 * department other). Blank lines, lines starting with # and a first line "file field value"
 * are skipped. The file is only ever read. */
#define META_FIX_NAME "fazhi-meta.tsv"

/* Bits of report_meta.corrected: the fields a table set. */
enum {
	META_FIX_TITLE = 1, META_FIX_REGION = 2, META_FIX_YEAR = 4, META_FIX_PUBLISHED = 8,
	META_FIX_DOC_NUMBER = 16, META_FIX_ISSUER = 32, META_FIX_LEVEL = 64,
};

struct meta_fixes;   /* one parsed table; immutable */

/* Parses a table. Returns it (free with meta_fixes_free), or NULL with *cause set
 * ("line N: reason"; caller frees) at the first malformed line. */
struct meta_fixes *meta_fixes_parse(const char *text, size_t len, char **cause);
void meta_fixes_free(struct meta_fixes *f);

/* Applies every row for `name` to r, in the table's order (a later row for the same field
 * wins), and marks the fields in r->meta.corrected. Returns the number of rows applied. */
size_t meta_fixes_apply(const struct meta_fixes *f, const char *name, struct report *r);

/* Names of the corrected fields of a mask, in the order above, for the front ends. */
const char *meta_fix_field_name(unsigned bit);

#endif
