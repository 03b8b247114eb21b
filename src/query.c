/* query.c — parses the search language into folded terms, OR groups, exclusions and filters. */
#include "query.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "classify.h"
#include "fold.h"
#include "report.h"
#include "xmalloc.h"

enum tok_kind { TOK_TERM, TOK_OR, TOK_FIELD };

struct tok {
	enum tok_kind kind;
	const char *s;      /* raw text of the term or the field value */
	size_t n;
	int exclude;
	int field;          /* TOK_FIELD: enum field */
};

struct parser {
	const char *s;
	size_t n, pos;
	struct tok toks[QUERY_MAX_TERMS * 2 + 1];
	size_t ntoks;
};

static uint32_t peek(const struct parser *p, size_t at, size_t *len)
{
	ucs4_t c;
	int k = u8_mbtouc(&c, (const uint8_t *)p->s + at, p->n - at);
	*len = (size_t)k;
	return c;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000;
}

static int is_quote(uint32_t c)
{
	return c == '"' || c == 0x201C || c == 0x201D || c == 0xFF02;
}

static int is_minus(uint32_t c)
{
	return c == '-' || c == 0xFF0D;
}

/* Reads a phrase starting at the opening quote; sets the token's text. */
static int read_phrase(struct parser *p, struct tok *t, char **cause)
{
	size_t k;
	peek(p, p->pos, &k);
	size_t start = p->pos + k, at = start;
	while (at < p->n) {
		uint32_t c = peek(p, at, &k);
		if (is_quote(c)) {
			if (at == start) {
				*cause = xstrdup("empty phrase \"\": put the words to find between the quotes");
				return -1;
			}
			t->s = p->s + start;
			t->n = at - start;
			p->pos = at + k;
			return 0;
		}
		at += k;
	}
	*cause = xstrdup("unbalanced quote: a phrase needs its closing \"");
	return -1;
}

static void read_word(struct parser *p, struct tok *t)
{
	size_t start = p->pos, k;
	while (p->pos < p->n) {
		uint32_t c = peek(p, p->pos, &k);
		if (is_space(c) || is_quote(c))
			break;
		p->pos += k;
	}
	t->s = p->s + start;
	t->n = p->pos - start;
}

enum field { FIELD_REGION, FIELD_YEAR, FIELD_PART, FIELD_TOPIC, FIELD_LEVEL, FIELD_ISSUER, NFIELDS };
static const char *const field_names[NFIELDS] = { "region", "year", "part", "topic", "level", "issuer" };
static const char *const field_examples[NFIELDS] = {
	"region:普陀", "year:2021 or year:2019..2022", "part:问题不足 or part:problems",
	"topic:行政复议 or topic:review", "level:乡镇 or level:town", "issuer:司法局",
};

/* Length of a field prefix ("region:", "year:" …, either colon) at the parser position, or 0. */
static size_t field_prefix(const struct parser *p, int *field)
{
	for (int i = 0; i < NFIELDS; i++) {
		size_t m = strlen(field_names[i]);
		if (p->n - p->pos < m + 1 || strncasecmp(p->s + p->pos, field_names[i], m) != 0)
			continue;
		const char *c = p->s + p->pos + m;
		*field = i;
		if (*c == ':')
			return m + 1;
		if (p->n - p->pos >= m + 3 && memcmp(c, "\xEF\xBC\x9A", 3) == 0)
			return m + 3;
	}
	return 0;
}

static int read_token(struct parser *p, char **cause)
{
	struct tok *t = &p->toks[p->ntoks];
	memset(t, 0, sizeof *t);
	size_t k;
	uint32_t c = peek(p, p->pos, &k);
	if (is_minus(c)) {
		p->pos += k;
		if (p->pos >= p->n || is_space(peek(p, p->pos, &k))) {
			*cause = xstrdup("lone '-': write the term to leave out right after it, as in -信访");
			return -1;
		}
		t->exclude = 1;
		c = peek(p, p->pos, &k);
	}
	size_t fp = field_prefix(p, &t->field);
	if (fp) {
		if (t->exclude) {
			*cause = xasprintf("a %s: filter cannot be negated with '-'", field_names[t->field]);
			return -1;
		}
		t->kind = TOK_FIELD;
		p->pos += fp;
		if (p->pos < p->n && is_quote(peek(p, p->pos, &k))) {
			if (read_phrase(p, t, cause) < 0)
				return -1;
		} else {
			read_word(p, t);
		}
		if (t->n == 0) {
			*cause = xasprintf("%s: needs a value, as in %s", field_names[t->field], field_examples[t->field]);
			return -1;
		}
	} else if (is_quote(c)) {
		if (read_phrase(p, t, cause) < 0)
			return -1;
	} else {
		read_word(p, t);
		if (!t->exclude && t->n == 2 && memcmp(t->s, "OR", 2) == 0)
			t->kind = TOK_OR;
	}
	p->ntoks++;
	return 0;
}

static int tokenize(struct parser *p, char **cause)
{
	while (p->pos < p->n) {
		size_t k;
		if (is_space(peek(p, p->pos, &k))) {
			p->pos += k;
			continue;
		}
		if (p->ntoks == sizeof p->toks / sizeof p->toks[0]) {
			*cause = xasprintf("too many terms (at most %d)", QUERY_MAX_TERMS);
			return -1;
		}
		if (read_token(p, cause) < 0)
			return -1;
	}
	return 0;
}

static int parse_year(const char *s, size_t n, int *year)
{
	if (n != 4)
		return -1;
	*year = 0;
	for (size_t i = 0; i < 4; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*year = *year * 10 + (s[i] - '0');
	}
	return 0;
}

static int set_year(struct query *q, const struct tok *t, char **cause)
{
	int range = t->n > 6 && memcmp(t->s + 4, "..", 2) == 0;
	int from, to;
	int bad = range
		? parse_year(t->s, 4, &from) < 0 || parse_year(t->s + 6, t->n - 6, &to) < 0
		: parse_year(t->s, t->n, &from) < 0 || (to = from, 0);
	if (bad || from > to) {
		*cause = xstrdup("year: expects a year or a range, as in year:2021 or year:2019..2022");
		return -1;
	}
	q->year_from = from;
	q->year_to = to;
	return 0;
}

/* The words a level is asked by, after its name (report_level_name). */
static const char *const level_words[REPORT_LEVEL_COUNT][4] = {
	[REPORT_LEVEL_OTHER] = { "其他", "其它" },
	[REPORT_LEVEL_PROVINCE] = { "省", "省级" },
	[REPORT_LEVEL_CITY] = { "市", "市级", "地级" },
	[REPORT_LEVEL_COUNTY] = { "县", "区", "县级", "区县" },
	[REPORT_LEVEL_TOWN] = { "乡镇", "镇", "乡", "街道" },
	[REPORT_LEVEL_DEPARTMENT] = { "部门", "局" },
};

static int level_of(const char *s, size_t n)
{
	for (int l = 0; l < REPORT_LEVEL_COUNT; l++) {
		const char *name = report_level_name(l);
		if (strlen(name) == n && strncasecmp(s, name, n) == 0)
			return l;
		for (int k = 0; k < 4 && level_words[l][k]; k++)
			if (strlen(level_words[l][k]) == n && memcmp(s, level_words[l][k], n) == 0)
				return l;
	}
	return -1;
}

/* A part (topic: 1, a topic) by its id ("problems"), as a bit; else every one whose label holds
 * s (问题 → 问题不足; 行政复议 → 行政复议与行政应诉); 0 when none does. */
static unsigned classes_of(const char *s, size_t n, int topic)
{
	char *v = xstrndup(s, n);
	unsigned bits = 0, named = 0;
	int count = topic ? CLASSIFY_NONE : CLASSIFY_PREAMBLE;
	for (int i = 0; i < count; i++) {
		if (strcasecmp(v, topic ? classify_topic_name(i) : classify_part_name(i)) == 0)
			named = 1u << i;
		if (strstr(topic ? classify_topic_label(i) : classify_part_label(i), v))
			bits |= 1u << i;
	}
	free(v);
	return named ? named : bits;
}

static int set_field(struct query *q, const struct tok *t, char **cause)
{
	int f = t->field;
	int given = f == FIELD_YEAR ? q->year_from != 0 : f == FIELD_REGION ? q->region != NULL
	          : f == FIELD_PART ? q->parts != 0 : f == FIELD_TOPIC ? q->topics != 0
	          : f == FIELD_LEVEL ? q->level >= 0 : q->issuer != NULL;
	if (given) {
		*cause = xasprintf("%s: is given twice", field_names[f]);
		return -1;
	}
	if (f == FIELD_YEAR)
		return set_year(q, t, cause);
	if (f == FIELD_REGION || f == FIELD_ISSUER) {
		size_t len;
		char *v = fold_string(t->s, t->n, &len);
		if (f == FIELD_REGION)
			q->region = v, q->region_len = len;
		else
			q->issuer = v, q->issuer_len = len;
		return 0;
	}
	if (f == FIELD_LEVEL)
		q->level = level_of(t->s, t->n);
	else if (f == FIELD_PART)
		q->parts = classes_of(t->s, t->n, 0);
	else
		q->topics = classes_of(t->s, t->n, 1);
	if ((f == FIELD_LEVEL && q->level < 0) || (f == FIELD_PART && !q->parts) || (f == FIELD_TOPIC && !q->topics)) {
		*cause = xasprintf("%s: does not know '%.*s'; try %s", field_names[f], (int)t->n, t->s, field_examples[f]);
		return -1;
	}
	return 0;
}

static int add_term(struct query *q, const struct tok *t, int group, char **cause)
{
	if (q->nterms == QUERY_MAX_TERMS) {
		*cause = xasprintf("too many terms (at most %d)", QUERY_MAX_TERMS);
		return -1;
	}
	struct query_term *qt = &q->terms[q->nterms];
	qt->text = fold_string(t->s, t->n, &qt->len);
	if (qt->len == 0) {
		free(qt->text);
		*cause = xasprintf("'%.*s' has nothing to search for", (int)t->n, t->s);
		return -1;
	}
	if (u8_mbsnlen((const uint8_t *)qt->text, qt->len) > QUERY_MAX_CHARS) {
		free(qt->text);
		*cause = xasprintf("the query is too long once folded (at most %d characters)", QUERY_MAX_CHARS);
		return -1;
	}
	qt->exclude = t->exclude;
	qt->group = t->exclude ? -1 : group;
	q->nterms++;
	return 0;
}

/* Turns tokens into terms and groups: OR joins the positive terms on each side. */
static int build(struct query *q, const struct parser *p, char **cause)
{
	int positives = 0;
	for (size_t i = 0; i < p->ntoks; i++) {
		const struct tok *t = &p->toks[i];
		if (t->kind == TOK_OR) {
			const struct tok *a = i > 0 ? &p->toks[i - 1] : NULL;
			const struct tok *b = i + 1 < p->ntoks ? &p->toks[i + 1] : NULL;
			if (!a || !b || a->kind != TOK_TERM || b->kind != TOK_TERM || a->exclude || b->exclude) {
				*cause = xstrdup("OR needs a term on each side, as in 复议 OR 诉讼");
				return -1;
			}
			continue;
		}
		if (t->kind == TOK_FIELD) {
			if (set_field(q, t, cause) < 0)
				return -1;
			continue;
		}
		int joined = i > 0 && p->toks[i - 1].kind == TOK_OR;
		if (!t->exclude && !joined)
			q->ngroups++;
		if (add_term(q, t, q->ngroups - 1, cause) < 0)
			return -1;
		positives += !t->exclude;
	}
	if (!positives && !query_has_filter(q)) {
		*cause = xstrdup("nothing to search for: give a term to find, not only terms to leave out");
		return -1;
	}
	return 0;
}

struct query *query_parse(const char *s, size_t n, char **cause)
{
	if (u8_check((const uint8_t *)s, n)) {
		*cause = xstrdup("the query is not valid UTF-8");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)s[i];
		/* Report text holds no control characters (encoding.h), so none can be searched for:
		 * C0 but tab and line ends, DEL, and C1 (U+0080..U+009F, encoded C2 80..C2 9F). */
		if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r') || b == 0x7F
		    || (b == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0)) {
			*cause = xstrdup("the query holds a control character, which no report contains");
			return NULL;
		}
	}
	size_t chars = u8_mbsnlen((const uint8_t *)s, n);
	if (chars > QUERY_MAX_CHARS) {
		*cause = xasprintf("the query is too long (%zu characters; at most %d)", chars, QUERY_MAX_CHARS);
		return NULL;
	}
	struct parser *p = xcalloc(1, sizeof *p);
	p->s = s;
	p->n = n;
	struct query *q = xcalloc(1, sizeof *q);
	q->level = -1;
	q->terms = xcalloc(QUERY_MAX_TERMS * 2 + 1, sizeof *q->terms);
	if (tokenize(p, cause) < 0)
		goto error;
	if (p->ntoks == 0) {
		*cause = xstrdup("empty query");
		goto error;
	}
	if (build(q, p, cause) < 0)
		goto error;
	free(p);
	return q;
error:
	free(p);
	query_free(q);
	return NULL;
}

void query_free(struct query *q)
{
	if (!q)
		return;
	for (size_t i = 0; i < q->nterms; i++)
		free(q->terms[i].text);
	free(q->terms);
	free(q->region);
	free(q->issuer);
	free(q);
}

int query_has_filter(const struct query *q)
{
	return q->region || q->year_from || q->parts || q->topics || q->level >= 0 || q->issuer;
}
