/* meta_fix.c — hand corrections of report metadata: the fazhi-meta.tsv a directory of reports may hold. */
#include "meta_fix.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct fix {
	char *file;
	unsigned field;   /* one META_FIX_ bit */
	char *value;      /* "" for unknown */
};

struct meta_fixes {
	struct fix *v;
	size_t n, cap;
};

static const char *const field_names[] = {
	"title", "region", "year", "published", "doc_number", "issuer", "level",
};

static const char *const level_names[] = { "other", "province", "city", "county", "town", "department" };

const char *meta_fix_field_name(unsigned bit)
{
	for (size_t k = 0; k < sizeof field_names / sizeof *field_names; k++)
		if (bit == 1u << k)
			return field_names[k];
	return NULL;
}

static int level_id(const char *s)
{
	for (size_t k = 0; k < sizeof level_names / sizeof *level_names; k++)
		if (strcmp(s, level_names[k]) == 0)
			return (int)k;
	return -1;
}

static int digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* NULL when the value fits the field, else why not. */
static const char *check_value(unsigned field, const char *v)
{
	if (!*v)
		return NULL;
	if (field == META_FIX_YEAR && !(strlen(v) == 4 && digits(v, 4)))
		return "a year is 4 digits";
	if (field == META_FIX_PUBLISHED &&
	    !(strlen(v) == 10 && digits(v, 4) && v[4] == '-' && digits(v + 5, 2) && v[7] == '-' && digits(v + 8, 2)))
		return "a date is YYYY-MM-DD";
	if (field == META_FIX_LEVEL && level_id(v) < 0)
		return "a level is province, city, county, town, department or other";
	return NULL;
}

/* Splits line[0, n) at TABs into at most 3 fields; returns how many. */
static int split(char *line, char **f)
{
	int k = 0;
	f[k++] = line;
	for (char *p = line; *p && k < 3; p++)
		if (*p == '\t') {
			*p = '\0';
			f[k++] = p + 1;
		}
	return k;
}

static int parse_line(struct meta_fixes *t, char *line, char **cause, size_t lineno)
{
	char *f[3];
	if (!*line || *line == '#')
		return 0;
	if (split(line, f) != 3) {
		*cause = xasprintf("line %zu: FILE, FIELD and VALUE separated by TABs expected", lineno);
		return -1;
	}
	if (lineno == 1 && strcmp(f[0], "file") == 0 && strcmp(f[1], "field") == 0)
		return 0;
	size_t k = 0;
	while (k < sizeof field_names / sizeof *field_names && strcmp(f[1], field_names[k]) != 0)
		k++;
	if (k == sizeof field_names / sizeof *field_names) {
		*cause = xasprintf("line %zu: unknown field '%s'", lineno, f[1]);
		return -1;
	}
	const char *why = check_value(1u << k, f[2]);
	if (why || !*f[0]) {
		*cause = xasprintf("line %zu: %s", lineno, why ? why : "no FILE");
		return -1;
	}
	t->v = xgrow(t->v, &t->cap, t->n + 1, sizeof *t->v);
	t->v[t->n++] = (struct fix){ xstrdup(f[0]), 1u << k, xstrdup(f[2]) };
	return 0;
}

struct meta_fixes *meta_fixes_parse(const char *text, size_t len, char **cause)
{
	struct meta_fixes *t = xcalloc(1, sizeof *t);
	char *copy = xstrndup(text, len);
	size_t lineno = 0;
	for (char *line = copy, *next; line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		size_t n = strlen(line);
		if (n && line[n - 1] == '\r')
			line[n - 1] = '\0';
		if (++lineno == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0)
			line += 3;   /* a byte-order mark, as spreadsheets write */
		if (parse_line(t, line, cause, lineno) < 0) {
			free(copy);
			meta_fixes_free(t);
			return NULL;
		}
	}
	free(copy);
	return t;
}

void meta_fixes_free(struct meta_fixes *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		free(t->v[i].file);
		free(t->v[i].value);
	}
	free(t->v);
	free(t);
}

static void set_string(char **field, const char *v)
{
	free(*field);
	*field = *v ? xstrdup(v) : NULL;
}

static void apply(const struct fix *x, struct report_meta *m)
{
	const char *v = x->value;
	switch (x->field) {
	case META_FIX_TITLE: set_string(&m->title, v); break;
	case META_FIX_REGION: set_string(&m->region, v); break;
	case META_FIX_DOC_NUMBER: set_string(&m->doc_number, v); break;
	case META_FIX_ISSUER: set_string(&m->issuer, v); break;
	case META_FIX_YEAR: m->year = *v ? atoi(v) : 0; break;
	case META_FIX_PUBLISHED: snprintf(m->published, sizeof m->published, "%s", v); break;
	case META_FIX_LEVEL: m->level = *v ? level_id(v) : REPORT_LEVEL_OTHER; break;
	}
	m->corrected |= x->field;
}

size_t meta_fixes_apply(const struct meta_fixes *t, const char *name, struct report *r)
{
	size_t n = 0;
	for (size_t i = 0; t && i < t->n; i++)
		if (strcmp(t->v[i].file, name) == 0) {
			apply(&t->v[i], &r->meta);
			n++;
		}
	if ((r->meta.corrected & META_FIX_YEAR) && r->meta.year) {   /* its warning is answered */
		size_t k = 0;
		for (size_t i = 0; i < r->nwarnings; i++)
			if (r->warnings[i].kind != REPORT_WARN_NO_YEAR)
				r->warnings[k++] = r->warnings[i];
		r->nwarnings = k;
	}
	return n;
}
