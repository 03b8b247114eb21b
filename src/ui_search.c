/* ui_search.c — search in the browser: `/` in the open report, and the corpus-wide search view (s). */
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "buf.h"
#include "index.h"
#include "query.h"
#include "report.h"
#include "state.h"
#include "text.h"
#include "xmalloc.h"

/* Design limits: a prompt holds QUERY_MAX_CHARS characters (the query module refuses more);
 * the history keeps the last HISTORY_MAX searches of both prompts, in the state directory
 * beside the reading positions. The corpus view cuts its snippets only for the results
 * scrolled into view, so a keystroke costs one index search plus a screenful of snippets,
 * whatever the size of the corpus. That search ranks the best VIEW_FIRST reports without
 * proving every match (index_search_top); all are proved only when the rows run past those,
 * and for the reports pane's hit counts when it is next drawn. */
#define PROMPT_MAX (QUERY_MAX_CHARS * 4)
#define HISTORY_MAX 100
#define SNIPPETS 3
#define VIEW_FIRST 100
#define SNIPPET_INDENT 16   /* cells a snippet row spends before its text, breadcrumb included */

/* Hits reuse two roles that stand out in every pane: all hits, and the current one. */
#define ROLE_HIT UI_R_SELECTED
#define ROLE_HIT_CURRENT UI_R_MESSAGE

struct prompt {
	char text[PROMPT_MAX + 1];
	size_t len;
	size_t recall;              /* history entry shown; nhist while editing the draft */
	char draft[PROMPT_MAX + 1]; /* what was typed before Up recalled older entries */
};

/* `/` in the open report. */
struct find {
	int prompting;
	struct prompt p;
	size_t origin;              /* reader top when the prompt opened: Esc returns here */
	char *accepted;             /* last search confirmed with Enter, owned; NULL none */
	struct query *q;            /* query whose hits are shown; NULL none */
	char err[256];              /* why the prompt's text is not a query; "" none */
	int doc_report;             /* report that doc and hits are for; -1 none */
	struct index_doc doc;
	struct index_hits hits;     /* of q in doc_report, sorted */
	size_t longest;             /* bytes of the longest hit: how far back a line looks */
	size_t cur;                 /* the current hit */
};

/* A row of the corpus view: a report, or one of its snippets. */
struct vrow {
	size_t result;              /* index into view.res.v */
	int snippet;                /* -1: the report's own row */
	size_t start, end;          /* snippet text in the report */
	int section;                /* section of the snippet, -1 preamble */
	size_t first, n;            /* its hits in view.marks */
};

struct view {
	int editing;
	struct prompt p;
	struct query *q;
	char err[256];
	struct index *ix;           /* built or loaded on first use */
	struct index_results res;   /* grouped by region, best region first */
	long *hits_of;              /* per corpus report: hits of q, -1 no match */
	size_t hitscap;
	int counted;                /* hits_of holds the counts of a query */
	struct vrow *rows;
	size_t nrows, rowcap;
	size_t expanded;            /* results whose rows are built */
	size_t cells;               /* width the snippets were cut to */
	struct index_hit *marks;
	size_t nmarks, markcap;
	struct index_hits tmp;
	size_t sel, top;
	size_t *key, *idx;          /* grouping scratch */
	size_t keycap, idxcap;
	struct index_result *sorted;
	size_t sortcap;
};

struct ui_search {
	struct find find;
	struct view view;
	char *hist[HISTORY_MAX];    /* oldest first, owned */
	size_t nhist;
	int hist_dirty;
	char counter[48];           /* ui_search_counter's answer */
};

static const struct report *open_report(const struct ui *u)
{
	return u->cur >= 0 ? corpus_get(u->corpus, (size_t)u->cur) : NULL;   /* loaded by ui_open */
}

/* ---- history ---- */

static char *history_file(void)
{
	char *cause = NULL;
	char *pos = state_file(&cause);
	free(cause);
	if (!pos)
		return NULL;
	char *slash = strrchr(pos, '/');
	char *file = xasprintf("%.*s/searches", (int)(slash - pos), pos);
	free(pos);
	return file;
}

static void history_add(struct ui_search *s, const char *t, size_t n)
{
	if (n == 0 || memchr(t, '\n', n))
		return;
	for (size_t i = 0; i < s->nhist; i++)
		if (strlen(s->hist[i]) == n && memcmp(s->hist[i], t, n) == 0) {
			char *same = s->hist[i];
			memmove(s->hist + i, s->hist + i + 1, (s->nhist - i - 1) * sizeof *s->hist);
			s->hist[s->nhist - 1] = same;
			s->hist_dirty = 1;
			return;
		}
	if (s->nhist == HISTORY_MAX) {
		free(s->hist[0]);
		memmove(s->hist, s->hist + 1, (HISTORY_MAX - 1) * sizeof *s->hist);
		s->nhist--;
	}
	s->hist[s->nhist++] = xstrndup(t, n);
	s->hist_dirty = 1;
}

static void history_load(struct ui_search *s)
{
	char *file = history_file();
	FILE *f = file ? fopen(file, "r") : NULL;
	free(file);
	if (!f)
		return;
	char line[PROMPT_MAX + 2];
	while (fgets(line, sizeof line, f)) {
		size_t n = strcspn(line, "\n");
		if (n <= PROMPT_MAX && u8_check((const uint8_t *)line, n) == NULL)
			history_add(s, line, n);
	}
	fclose(f);
	s->hist_dirty = 0;
}

static int make_dirs(char *path)
{
	for (char *p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		int r = mkdir(path, 0700);
		*p = '/';
		if (r != 0 && errno != EEXIST)
			return -1;
	}
	return 0;
}

/* Written like the positions: a temporary file beside it, then rename. Losing the history is
 * no loss of data, so failures are silent. */
static void history_save(struct ui_search *s)
{
	char *file = s->hist_dirty ? history_file() : NULL;
	if (!file)
		return;
	char *tmp = xasprintf("%s.XXXXXX", file);
	int fd = make_dirs(file) == 0 ? mkstemp(tmp) : -1;
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (f) {
		for (size_t i = 0; i < s->nhist; i++)
			fprintf(f, "%s\n", s->hist[i]);
		if (fclose(f) != 0 || rename(tmp, file) != 0)
			unlink(tmp);
	} else if (fd >= 0) {
		close(fd);
		unlink(tmp);
	}
	free(tmp);
	free(file);
}

/* ---- the prompt's line editor ---- */

enum edit { EDIT_NONE, EDIT_CHANGED, EDIT_ENTER, EDIT_ESC, EDIT_OTHER };

static void prompt_set(struct prompt *p, const char *t, size_t n)
{
	n = n > PROMPT_MAX ? PROMPT_MAX : n;
	memcpy(p->text, t, n);
	p->text[n] = '\0';
	p->len = n;
}

static void prompt_open(struct prompt *p, size_t nhist)
{
	prompt_set(p, "", 0);
	p->recall = nhist;
}

static void back_char(struct prompt *p)
{
	while (p->len > 0 && ((unsigned char)p->text[--p->len] & 0xC0) == 0x80)
		;
	p->text[p->len] = '\0';
}

static void back_word(struct prompt *p)
{
	while (p->len > 0 && p->text[p->len - 1] == ' ')
		back_char(p);
	while (p->len > 0 && p->text[p->len - 1] != ' ')
		back_char(p);
}

/* Characters that may go into a query: no controls, surrogates or non-characters beyond
 * Unicode; the terminal never sees them raw because the prompt is drawn cleaned anyway. */
static int typable(wint_t c)
{
	return c >= 0x20 && c != 0x7F && !(c >= 0x80 && c < 0xA0) && !(c >= 0xD800 && c < 0xE000)
	    && c <= 0x10FFFF;
}

static void recall(struct ui_search *s, struct prompt *p, int dir)
{
	if (dir < 0 && p->recall > 0) {
		if (p->recall >= s->nhist) {
			memcpy(p->draft, p->text, p->len + 1);
			p->recall = s->nhist;
		}
		p->recall--;
	} else if (dir > 0 && p->recall < s->nhist) {
		p->recall++;
	} else {
		return;
	}
	const char *t = p->recall < s->nhist ? s->hist[p->recall] : p->draft;
	prompt_set(p, t, strlen(t));
}

static enum edit edit(struct ui_search *s, struct prompt *p, int r, wint_t ch)
{
	if (r == KEY_CODE_YES) {
		switch (ch) {
		case KEY_BACKSPACE: case KEY_DC: back_char(p); return EDIT_CHANGED;
		case KEY_ENTER: return EDIT_ENTER;
		case KEY_UP: recall(s, p, -1); return EDIT_CHANGED;
		case KEY_DOWN: recall(s, p, 1); return EDIT_CHANGED;
		default: return EDIT_OTHER;
		}
	}
	switch (ch) {
	case 27: return EDIT_ESC;
	case '\r': case '\n': return EDIT_ENTER;
	case 127: case 8: back_char(p); return EDIT_CHANGED;
	case 21: prompt_set(p, "", 0); return EDIT_CHANGED;   /* Ctrl-U */
	case 23: back_word(p); return EDIT_CHANGED;           /* Ctrl-W */
	default: break;
	}
	if (!typable(ch))
		return EDIT_NONE;
	uint8_t enc[6];
	int n = u8_uctomb(enc, (ucs4_t)ch, sizeof enc);
	if (n <= 0 || p->len + (size_t)n > PROMPT_MAX)
		return EDIT_NONE;
	memcpy(p->text + p->len, enc, (size_t)n);
	p->len += (size_t)n;
	p->text[p->len] = '\0';
	return EDIT_CHANGED;
}

/* Parses the prompt: a query, or NULL with err set (empty text: NULL, err ""). */
static struct query *parse(const char *t, size_t n, char *err, size_t errsize)
{
	err[0] = '\0';
	if (n == 0)
		return NULL;
	char *cause = NULL;
	struct query *q = query_parse(t, n, &cause);
	if (!q) {
		snprintf(err, errsize, "%s", cause ? cause : "not a query");
		free(cause);
	}
	return q;
}

/* Draws label + the prompt's text at (y, 0), its tail when it is too long; leaves the
 * window's cursor after the text. Returns the column after it. */
static int draw_prompt(WINDOW *w, int y, int cols, const char *label, const struct prompt *p, enum ui_role role)
{
	int x = ui_draw_text(w, y, 0, cols, label, strlen(label), role, 0);
	size_t off = 0;
	int room = cols - x - 1;
	while (room > 0 && (int)text_width(p->text + off, p->len - off) > room && off < p->len)
		do
			off++;
		while (off < p->len && ((unsigned char)p->text[off] & 0xC0) == 0x80);
	if (room > 0)
		x += ui_draw_outside(w, y, x, room, p->text + off, role, 0);
	wmove(w, y, x < cols ? x : cols - 1);
	return x;
}

/* ---- drawing text with hits ---- */

static size_t first_from(const struct index_hit *h, size_t n, size_t off)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (h[mid].start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Draws text[start, end) with every hit that overlaps it set off; overlapping hits merge,
 * and a merged run holding h[cur] is drawn as the current hit. */
static int draw_hits(WINDOW *w, int y, int x, int cols, const char *text, size_t start, size_t end,
                     const struct index_hit *h, size_t n, size_t longest, size_t cur, enum ui_role role,
                     enum ui_role hit)
{
	size_t i = first_from(h, n, start > longest ? start - longest : 0), pos = start;
	int used = 0;
	while (pos < end && used < cols) {
		while (i < n && h[i].end <= pos)
			i++;
		if (i >= n || h[i].start >= end) {
			used += ui_draw_text(w, y, x + used, cols - used, text + pos, end - pos, role, 0);
			break;
		}
		size_t a = h[i].start > pos ? h[i].start : pos, b = h[i].end;
		int current = i == cur;
		for (i++; i < n && h[i].start < b; i++) {
			b = h[i].end > b ? h[i].end : b;
			current |= i == cur;
		}
		b = b < end ? b : end;
		used += ui_draw_text(w, y, x + used, cols - used, text + pos, a - pos, role, 0);
		if (used < cols)
			used += ui_draw_text(w, y, x + used, cols - used, text + a, b - a,
			                     current ? ROLE_HIT_CURRENT : hit, 0);
		pos = b;
	}
	return used;
}

/* ---- `/` in the open report ---- */

static void find_compute(struct ui *u)
{
	struct find *f = &u->search->find;
	if (f->doc_report != u->cur) {
		if (f->doc_report >= 0)
			index_doc_fini(&f->doc);
		f->doc_report = u->cur;
		if (u->cur >= 0)
			index_doc_init(&f->doc, open_report(u));
	}
	f->hits.n = 0;
	f->longest = 0;
	f->cur = 0;
	if (f->q && u->cur >= 0)
		index_doc_find(&f->doc, f->q, &f->hits);
	for (size_t i = 0; i < f->hits.n; i++)
		if (f->hits.v[i].end - f->hits.v[i].start > f->longest)
			f->longest = f->hits.v[i].end - f->hits.v[i].start;
}

static void find_set_query(struct ui *u, const char *t, size_t n)
{
	struct find *f = &u->search->find;
	query_free(f->q);
	f->q = parse(t, n, f->err, sizeof f->err);
	find_compute(u);
}

/* Another report was opened since the hits were found: find them in it. */
static void find_sync(struct ui *u)
{
	struct find *f = &u->search->find;
	if (f->q && f->doc_report != u->cur) {
		find_compute(u);
		f->cur = first_from(f->hits.v, f->hits.n, ui_reader_top_offset(u));
		if (f->cur >= f->hits.n)
			f->cur = 0;
	}
}

static int visible(const struct ui *u, size_t off)
{
	const struct ui_reader *rd = &u->rd;
	if (rd->n == 0)
		return 0;
	size_t l = ui_reader_line_of(rd, off);
	return l >= rd->top && l < rd->top + (size_t)(rd->rows > 0 ? rd->rows : 1);
}

/* The current hit into view: the reader moves only when it is not on the screen. */
static void reveal(struct ui *u, int jump)
{
	struct find *f = &u->search->find;
	if (f->cur >= f->hits.n)
		return;
	size_t off = f->hits.v[f->cur].start;
	if (visible(u, off))
		return;
	if (jump)
		ui_jump(u, off);
	else
		ui_reader_goto(u, off);
}

/* Each keystroke: search again from where the prompt opened. */
static void find_update(struct ui *u)
{
	struct find *f = &u->search->find;
	find_set_query(u, f->p.text, f->p.len);
	ui_reader_goto(u, f->origin);
	f->cur = first_from(f->hits.v, f->hits.n, f->origin);
	if (f->cur >= f->hits.n)
		f->cur = 0;
	reveal(u, 0);
}

static void find_open(struct ui *u)
{
	struct ui_search *s = u->search;
	struct find *f = &s->find;
	if (u->cur < 0) {
		ui_message(u, "no report is open");
		return;
	}
	u->focus = UI_READER;
	f->prompting = 1;
	f->origin = ui_reader_top_offset(u);
	prompt_open(&f->p, s->nhist);
	find_set_query(u, "", 0);
}

static void find_restore_accepted(struct ui *u)
{
	struct find *f = &u->search->find;
	const char *t = f->accepted ? f->accepted : "";
	find_set_query(u, t, strlen(t));
	f->err[0] = '\0';
	f->cur = first_from(f->hits.v, f->hits.n, f->origin);
	if (f->cur >= f->hits.n)
		f->cur = 0;
}

static void find_accept(struct ui *u)
{
	struct ui_search *s = u->search;
	struct find *f = &s->find;
	f->prompting = 0;
	if (f->p.len == 0 && f->accepted) {   /* Enter on an empty prompt repeats the last search */
		prompt_set(&f->p, f->accepted, strlen(f->accepted));
		find_update(u);
	}
	if (f->p.len == 0) {
		find_restore_accepted(u);
		return;
	}
	history_add(s, f->p.text, f->p.len);
	if (!f->q) {
		ui_message(u, "%s", f->err);
		find_restore_accepted(u);
		return;
	}
	free(f->accepted);
	f->accepted = xstrndup(f->p.text, f->p.len);
	if (f->hits.n == 0)
		ui_message(u, "not found: %s", f->p.text);
	else if (ui_reader_top_offset(u) != f->origin) {
		u->back.report = u->cur;   /* '' goes back to where the search started */
		u->back.off = f->origin;
	}
}

static void find_cancel(struct ui *u)
{
	struct find *f = &u->search->find;
	f->prompting = 0;
	ui_reader_goto(u, f->origin);
	find_restore_accepted(u);
}

static void find_step(struct ui *u, int dir)
{
	struct find *f = &u->search->find;
	find_sync(u);
	if (!f->q) {
		ui_message(u, "no search yet: / searches this report, s all reports");
		return;
	}
	size_t n = f->hits.n;
	if (n == 0) {
		ui_message(u, "not found: %s", f->accepted ? f->accepted : "");
		return;
	}
	size_t top = ui_reader_top_offset(u), next;
	int wrapped;
	if (visible(u, f->hits.v[f->cur].start) || u->rd.n == 0) {
		next = dir > 0 ? (f->cur + 1) % n : (f->cur + n - 1) % n;
		wrapped = dir > 0 ? next < f->cur : next > f->cur;
	} else if (dir > 0) {   /* scrolled away: the first hit below the top */
		next = first_from(f->hits.v, n, top);
		wrapped = next >= n;
		next = wrapped ? 0 : next;
	} else {
		next = first_from(f->hits.v, n, top);
		wrapped = next == 0;
		next = wrapped ? n - 1 : next - 1;
	}
	if (wrapped)
		ui_message(u, dir > 0 ? "search went past the end; continued from the top"
		                      : "search went past the top; continued from the end");
	f->cur = next;
	reveal(u, 1);
}

static int find_input(struct ui *u, int r, wint_t ch)
{
	struct ui_search *s = u->search;
	struct find *f = &s->find;
	switch (edit(s, &f->p, r, ch)) {
	case EDIT_CHANGED: find_update(u); break;
	case EDIT_ENTER: find_accept(u); break;
	case EDIT_ESC: find_cancel(u); break;
	default: break;
	}
	return 1;
}

/* ---- the corpus view ---- */

static void progress(void *arg, size_t done, size_t total)
{
	struct ui *u = arg;
	char line[96];
	snprintf(line, sizeof line, " indexing the reports: %zu of %zu", done, total);
	if (!u->status)
		return;
	ui_draw_text(u->status, 0, 0, COLS, line, strlen(line), UI_R_MESSAGE, 1);
	wnoutrefresh(u->status);
	doupdate();
}

/* The samples compiled into the program are indexed in memory; files get a cache. */
static int all_embedded(const struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++)
		if (strncmp(corpus_path(c, i), "embedded:", 9) != 0)
			return 0;
	return 1;
}

static void view_index(struct ui *u)
{
	struct view *v = &u->search->view;
	if (v->ix)
		return;
	char *dir = all_embedded(u->corpus) ? NULL : index_cache_dir(), *notice = NULL;
	struct index_progress pr = { progress, u };
	v->ix = index_open(u->corpus, dir, &pr, &notice);
	if (notice)
		ui_message(u, "%s", notice);
	free(notice);
	free(dir);
}

/* qsort has no context argument in C11. */
static const size_t *grouping;
static struct corpus *grouping_corpus;
static const struct index_result *grouping_res;

static int by_region(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	struct corpus_meta mx, my;
	corpus_meta(grouping_corpus, grouping_res[x].report, &mx);
	corpus_meta(grouping_corpus, grouping_res[y].report, &my);
	const char *rx = mx.region, *ry = my.region;
	int c = strcmp(rx ? rx : "", ry ? ry : "");
	return c ? c : (x > y) - (x < y);
}

static int by_group(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	if (grouping[x] != grouping[y])
		return (grouping[x] > grouping[y]) - (grouping[x] < grouping[y]);
	return (x > y) - (x < y);
}

static const char *region_of(const struct ui *u, const struct index_result *res)
{
	struct corpus_meta m;
	corpus_meta(u->corpus, res->report, &m);
	return m.region ? m.region : "";
}

/* Reports of one region stay together, regions in the order of their best report. */
static void group_results(struct ui *u)
{
	struct view *v = &u->search->view;
	size_t n = v->res.n;
	v->idx = xgrow(v->idx, &v->idxcap, n + 1, sizeof *v->idx);
	v->key = xgrow(v->key, &v->keycap, n + 1, sizeof *v->key);
	v->sorted = xgrow(v->sorted, &v->sortcap, n + 1, sizeof *v->sorted);
	for (size_t i = 0; i < n; i++)
		v->idx[i] = i;
	grouping_corpus = u->corpus;
	grouping_res = v->res.v;
	qsort(v->idx, n, sizeof *v->idx, by_region);
	/* Sorted by region, then rank: the first of each run is the region's best. */
	for (size_t i = 0, best = 0; i < n; i++) {
		if (i == 0 || strcmp(region_of(u, &v->res.v[v->idx[i - 1]]), region_of(u, &v->res.v[v->idx[i]])) != 0)
			best = v->idx[i];
		v->key[v->idx[i]] = best;
	}
	grouping = v->key;
	qsort(v->idx, n, sizeof *v->idx, by_group);
	for (size_t i = 0; i < n; i++)
		v->sorted[i] = v->res.v[v->idx[i]];
	memcpy(v->res.v, v->sorted, n * sizeof *v->res.v);
}

static void view_search(struct ui *u)
{
	struct view *v = &u->search->view;
	query_free(v->q);
	v->q = parse(v->p.text, v->p.len, v->err, sizeof v->err);
	v->res.n = v->res.total = v->res.total_hits = 0;
	v->nrows = v->nmarks = v->expanded = 0;
	v->sel = v->top = 0;
	v->counted = 0;
	if (!v->q)
		return;
	view_index(u);
	/* Every query is run here first, and reads the postings its terms need; the later
	 * searches of the same query (counts, refining) read no others. */
	index_search_top(v->ix, v->q, VIEW_FIRST, &v->res);
	if (!index_intact(v->ix, NULL)) {   /* a damaged cache file: rebuilt, searched again */
		char *dir = index_cache_dir(), *notice = NULL;
		struct index_progress pr = { progress, u };
		v->ix = index_reopen(v->ix, u->corpus, dir, &pr, &notice);
		ui_message(u, "%s", notice);
		free(notice);
		free(dir);
		index_search_top(v->ix, v->q, VIEW_FIRST, &v->res);
	}
	group_results(u);
}

/* The hits of every report for the reports pane, once per query. */
static void view_count(struct view *v, size_t nreports)
{
	struct index_results all = { 0 };
	const struct index_results *r = &v->res;
	if (!(r->exact && r->n == r->total)) {
		index_search(v->ix, v->q, 0, &all);
		r = &all;
	}
	v->hits_of = xgrow(v->hits_of, &v->hitscap, nreports + 1, sizeof *v->hits_of);
	for (size_t i = 0; i < nreports; i++)
		v->hits_of[i] = -1;
	for (size_t i = 0; i < r->n; i++)
		v->hits_of[r->v[i].report] = (long)r->v[i].hits;
	v->counted = 1;
	index_results_fini(&all);
}

static void add_row(struct view *v, struct vrow row)
{
	v->rows = xgrow(v->rows, &v->rowcap, v->nrows + 1, sizeof *v->rows);
	v->rows[v->nrows++] = row;
}

/* The rows of one more result: the report, then its snippets. */
static void expand(struct ui *u)
{
	struct view *v = &u->search->view;
	size_t k = v->expanded++;
	/* Only the reports whose snippets are cut are read; one that went bad since the walk
	 * shows none (its text would not be the one indexed). */
	const struct report *r = corpus_get(u->corpus, v->res.v[k].report);
	add_row(v, (struct vrow){ k, -1, 0, 0, -1, 0, 0 });
	struct index_snippet sn[SNIPPETS];
	size_t ns = !r ? 0 : index_result_snippets(v->ix, &v->res.v[k], r, v->q, v->cells ? v->cells : 40,
	                                           &v->tmp, sn, SNIPPETS);
	for (size_t i = 0; i < ns; i++) {
		v->marks = xgrow(v->marks, &v->markcap, v->nmarks + sn[i].n, sizeof *v->marks);
		memcpy(v->marks + v->nmarks, v->tmp.v + sn[i].first, sn[i].n * sizeof *v->marks);
		add_row(v, (struct vrow){ k, (int)i, sn[i].start, sn[i].end, sn[i].section, v->nmarks, sn[i].n });
		v->nmarks += sn[i].n;
	}
}

/* Past the best VIEW_FIRST: every match, proved and grouped again; the rows are cut anew and
 * the selected one stays selected. Returns how far the selection moved down. */
static size_t view_refine(struct ui *u)
{
	struct view *v = &u->search->view;
	size_t old = v->sel, report = v->sel < v->nrows ? v->res.v[v->rows[v->sel].result].report : 0;
	int snippet = v->sel < v->nrows ? v->rows[v->sel].snippet : -1, found = v->sel >= v->nrows;
	index_search(v->ix, v->q, 0, &v->res);
	group_results(u);
	v->nrows = v->nmarks = v->expanded = 0;
	while (!found && v->expanded < v->res.n) {
		size_t from = v->nrows;
		expand(u);
		for (size_t i = from; i < v->nrows && !found; i++)
			if (v->res.v[v->rows[i].result].report == report && v->rows[i].snippet == snippet) {
				v->sel = i;
				found = 1;
			}
	}
	if (!found)
		v->sel = 0;
	return v->sel > old ? v->sel - old : 0;
}

/* Builds rows until row `upto` exists (or every result is in). */
static void ensure_rows(struct ui *u, size_t upto)
{
	struct view *v = &u->search->view;
	while (v->nrows <= upto && v->expanded < v->res.n)
		expand(u);
	if (v->nrows <= upto && v->q && !v->res.exact) {
		size_t moved = view_refine(u);
		ensure_rows(u, upto + moved < upto ? upto : upto + moved);
	}
}

static int draw_report_row(struct ui *u, WINDOW *w, int y, int cols, const struct vrow *row, enum ui_role role)
{
	struct view *v = &u->search->view;
	size_t report = v->res.v[row->result].report;
	struct corpus_meta m;
	corpus_meta(u->corpus, report, &m);
	const struct corpus_meta *r = &m;
	char head[64];
	int x = 2;
	const char *region = r->region ? r->region : "?";
	x += ui_draw_text(w, y, x, cols - x, region, strlen(region), role == UI_R_TEXT ? UI_R_H2 : role, 0);
	if (r->year > 0)
		snprintf(head, sizeof head, " %d  %zu hit%s  ", r->year, v->res.v[row->result].hits,
		         v->res.v[row->result].hits == 1 ? "" : "s");
	else
		snprintf(head, sizeof head, "  %zu hit%s  ", v->res.v[row->result].hits,
		         v->res.v[row->result].hits == 1 ? "" : "s");
	if (x < cols)
		x += ui_draw_text(w, y, x, cols - x, head, strlen(head), role, 0);
	if (x < cols && r->title)
		x += ui_draw_text(w, y, x, cols - x, r->title, strlen(r->title), role, 0);
	else if (x < cols)
		x += ui_draw_outside(w, y, x, cols - x, corpus_path(u->corpus, report), role, 0);
	return x;
}

static int draw_snippet_row(struct ui *u, WINDOW *w, int y, int cols, const struct vrow *row, enum ui_role role)
{
	struct view *v = &u->search->view;
	const struct report *r = corpus_load(u->corpus, v->res.v[row->result].report);   /* read by expand */
	char crumb[64];
	size_t len = 0;
	int chain[8], n = 0;
	for (int s = row->section; s >= 0 && n < 8; s = r->sections[s].parent)
		chain[n++] = s;
	while (n-- > 0 && len < sizeof crumb - 8) {
		const struct section *s = &r->sections[chain[n]];
		size_t k = s->number_end - s->number_start;
		if (len + k + 2 >= sizeof crumb)
			break;
		memcpy(crumb + len, r->text + s->number_start, k);
		len += k;
		if (n > 0)
			crumb[len++] = '.';
	}
	int x = 4;
	if (x < cols && len)
		x += ui_draw_text(w, y, x, cols - x, crumb, len, role == UI_R_TEXT ? UI_R_DIM : role, 0);
	if (x < cols)
		x += ui_draw_text(w, y, x, cols - x, "  ", 2, role, 0);
	if (x < cols)
		x += draw_hits(w, y, x, cols - x, r->text, row->start, row->end, v->marks + row->first, row->n,
		               0, (size_t)-1, role, role == UI_R_TEXT ? ROLE_HIT : ROLE_HIT_CURRENT);
	return x;
}

/* Snippets fill the width: cut again when it changes, the same row kept selected. */
static void fit_snippets(struct ui *u, int cols)
{
	struct view *v = &u->search->view;
	size_t cells = cols - SNIPPET_INDENT < 20 ? 20 : (size_t)(cols - SNIPPET_INDENT);
	if (cells == v->cells)
		return;
	v->cells = cells;
	size_t result = v->sel < v->nrows ? v->rows[v->sel].result : 0;
	int snippet = v->sel < v->nrows ? v->rows[v->sel].snippet : -1;
	v->nrows = v->nmarks = v->expanded = 0;
	v->sel = 0;
	if (result == 0 && snippet < 0)
		return;
	ensure_rows(u, v->sel);
	while (v->sel + 1 < v->nrows || v->expanded < v->res.n) {
		const struct vrow *row = &v->rows[v->sel];
		if (row->result > result || (row->result == result && row->snippet >= snippet))
			break;
		ensure_rows(u, ++v->sel);
	}
	if (v->sel >= v->nrows)
		v->sel = v->nrows ? v->nrows - 1 : 0;
}

static void view_draw(struct ui *u, WINDOW *w, int rows, int cols)
{
	struct view *v = &u->search->view;
	if (rows <= 0)
		return;
	fit_snippets(u, cols);
	int list = rows - 2;   /* the prompt and a blank row above the results */
	if (list > 0) {
		ensure_rows(u, v->sel + (size_t)list);
		ui_keep_visible(&v->top, v->sel, v->nrows, list);
	}
	for (int y = 2; y < rows; y++) {
		size_t i = v->top + (size_t)(y - 2);
		if (i >= v->nrows) {
			ui_draw_fill(w, y, 0, cols, UI_R_TEXT);
			continue;
		}
		/* The selected row in reverse; its hits then take the current hit's look. */
		enum ui_role role = i == v->sel && !v->editing ? UI_R_SELECTED : UI_R_TEXT;
		ui_draw_fill(w, y, 0, 2, role);
		const struct vrow *row = &v->rows[i];
		int x = row->snippet < 0 ? draw_report_row(u, w, y, cols, row, role)
		                         : (ui_draw_fill(w, y, 2, 2, role), draw_snippet_row(u, w, y, cols, row, role));
		if (x < cols)
			ui_draw_fill(w, y, x, cols - x, role);
	}
	if (rows > 1)
		ui_draw_fill(w, 1, 0, cols, UI_R_TEXT);
	int x = draw_prompt(w, 0, cols, " Search all reports: ", &v->p, UI_R_TEXT);
	if (x < cols)
		ui_draw_fill(w, 0, x, cols - x, UI_R_TEXT);
	wmove(w, 0, x < cols ? x : cols - 1);
	leaveok(w, !v->editing);
}

static void view_open_row(struct ui *u)
{
	struct ui_search *s = u->search;
	struct view *v = &s->view;
	if (v->sel >= v->nrows)
		return;
	const struct vrow *row = &v->rows[v->sel];
	const struct vrow *snip = row->snippet < 0 && v->sel + 1 < v->nrows && v->rows[v->sel + 1].snippet >= 0
	                          && v->rows[v->sel + 1].result == row->result ? row + 1 : row;
	size_t report = v->res.v[row->result].report;
	const struct report *r = corpus_get(u->corpus, report);
	if (!r) {
		ui_open(u, (int)report);   /* says why it cannot be read */
		return;
	}
	size_t off = snip->snippet >= 0 && snip->n ? v->marks[snip->first].start : r->body_start;
	history_add(s, v->p.text, v->p.len);
	ui_view_pop(u);
	ui_open(u, (int)report);
	ui_jump(u, off);
	u->focus = UI_READER;
	struct find *f = &s->find;
	free(f->accepted);
	f->accepted = xstrndup(v->p.text, v->p.len);
	find_set_query(u, v->p.text, v->p.len);
	f->cur = first_from(f->hits.v, f->hits.n, off);
	if (f->cur >= f->hits.n)
		f->cur = 0;
}

static int view_key(struct ui *u, enum ui_action a)
{
	struct view *v = &u->search->view;
	if (a == UI_OPEN) {
		view_open_row(u);
	} else if (a == UI_QUIT) {
		ui_view_pop(u);
	} else if (a == UI_SEARCH_VIEW) {
		v->editing = 1;
	} else if (a == UI_SEARCH) {
		v->editing = 1;
	} else if (ui_action_moves(a) && v->nrows) {
		if (a == UI_BOTTOM)
			ensure_rows(u, (size_t)-2);
		int list = ui_page_rows(u, UI_READER) - 2;
		v->sel = ui_move_row(v->sel, v->nrows, a, list > 0 ? list : 1);
		ensure_rows(u, v->sel + 1);
	} else {
		return 0;
	}
	return 1;
}

static void view_click(struct ui *u, void *data, int row)
{
	(void)u;
	struct view *v = &((struct ui_search *)data)->view;
	if (row < 2) {
		v->editing = 1;
		return;
	}
	size_t i = v->top + (size_t)(row - 2);
	if (i < v->nrows) {
		v->sel = i;
		v->editing = 0;
	}
}

static void view_resize(struct ui *u, void *data, int rows, int cols)
{
	(void)u, (void)cols;
	struct view *v = &((struct ui_search *)data)->view;
	if (rows > 2)
		ui_keep_visible(&v->top, v->sel, v->nrows, rows - 2);
}

static int view_input(struct ui *u, void *data, int r, wint_t ch, enum ui_action a)
{
	struct ui_search *s = data;
	struct view *v = &s->view;
	if (v->editing) {
		switch (edit(s, &v->p, r, ch)) {
		case EDIT_CHANGED: view_search(u); break;
		case EDIT_ENTER: v->editing = v->nrows == 0 && v->res.n == 0; break;
		case EDIT_ESC: ui_view_pop(u); break;
		case EDIT_OTHER: if (a == UI_REDRAW) return 0; break;
		default: break;
		}
		return 1;
	}
	if (r == OK && ch == 27)
		ui_view_pop(u);
	else if (a == UI_HELP || a == UI_REDRAW)
		return 0;
	else
		view_key(u, a);
	return 1;
}

static void view_paint(struct ui *u, void *data, WINDOW *w, int rows, int cols)
{
	(void)data;
	view_draw(u, w, rows, cols);
}

static void view_status(struct ui *u, void *data, WINDOW *w, int cols);

/* The search state outlives the view (it is u->search): closing frees nothing. */
static const struct ui_view_type results_view = {
	.name = "Search", .draw = view_paint, .key = view_input, .status = view_status,
	.resize = view_resize, .click = view_click,
};

/* The view keeps its last query and results: s goes back to them, ready to refine. */
static void view_open(struct ui *u)
{
	struct view *v = &u->search->view;
	v->editing = 1;
	v->p.recall = u->search->nhist;
	ui_view_push(u, &results_view, u->search);
	view_index(u);
}

/* ---- the hub's entry points ---- */

struct ui_search *ui_search_new(void)
{
	struct ui_search *s = xcalloc(1, sizeof *s);
	s->find.doc_report = -1;
	history_load(s);
	return s;
}

void ui_search_free(struct ui_search *s)
{
	if (!s)
		return;
	history_save(s);
	for (size_t i = 0; i < s->nhist; i++)
		free(s->hist[i]);
	struct find *f = &s->find;
	if (f->doc_report >= 0)
		index_doc_fini(&f->doc);
	index_hits_fini(&f->hits);
	query_free(f->q);
	free(f->accepted);
	struct view *v = &s->view;
	query_free(v->q);
	if (v->ix)
		index_free(v->ix);
	index_results_fini(&v->res);
	index_hits_fini(&v->tmp);
	free(v->hits_of);
	free(v->rows);
	free(v->marks);
	free(v->key);
	free(v->idx);
	free(v->sorted);
	free(s);
}

int ui_search_input(struct ui *u, int r, wint_t ch)
{
	struct ui_search *s = u->search;
	if (s->find.prompting)
		return find_input(u, r, ch);
	switch (ui_key_action(r, ch)) {
	case UI_SEARCH: find_open(u); return 1;
	case UI_SEARCH_NEXT: find_step(u, 1); return 1;
	case UI_SEARCH_PREV: find_step(u, -1); return 1;
	case UI_SEARCH_VIEW: view_open(u); return 1;
	default: break;
	}
	if (r == OK && ch == 27 && s->find.q) {   /* Esc: the highlights go */
		free(s->find.accepted);
		s->find.accepted = NULL;
		find_set_query(u, "", 0);
		return 1;
	}
	return 0;
}

const char *ui_search_counter(struct ui *u)
{
	struct find *f = &u->search->find;
	find_sync(u);
	if (f->q && f->hits.n)
		snprintf(u->search->counter, sizeof u->search->counter, " %zu/%zu", f->cur + 1, f->hits.n);
	else
		u->search->counter[0] = '\0';
	return u->search->counter;
}

/* While a query is typed the terminal's own cursor stands after it, so that an input method
 * opens its list of candidates there; the window refreshed last decides where it stands,
 * which is why the status line leaves it alone (leaveok) while the view's query line is edited. */
static void view_status(struct ui *u, void *data, WINDOW *w, int cols)
{
	struct view *v = &((struct ui_search *)data)->view;
	if (v->editing)
		ui_want_cursor(u);
	char line[320];
	const char *keys = v->editing ? "Enter: the results  Esc: leave" : "j/k: move  Enter: open  /: edit  q: leave";
	if (u->msg[0])
		snprintf(line, sizeof line, "%s", u->msg);
	else if (v->err[0])
		snprintf(line, sizeof line, "%s", v->err);
	else if (!v->q)
		snprintf(line, sizeof line, "words (all must occur), \"a phrase\", -word, A OR B, region:, year:");
	else if (!v->res.exact)   /* the best VIEW_FIRST, ranked; the rest not proved yet */
		snprintf(line, sizeof line, "%zu of \xE2\x89\xA5 %zu reports \xE2\x80\x94 %s", v->res.n, v->res.total, keys);
	else
		snprintf(line, sizeof line, "%zu report%s, %zu hit%s \xE2\x80\x94 %s", v->res.total,
		         v->res.total == 1 ? "" : "s", v->res.total_hits, v->res.total_hits == 1 ? "" : "s", keys);
	int x = ui_draw_text(w, 0, 0, cols, " ", 1, UI_R_BAR, 0);
	x += ui_draw_outside(w, 0, x, cols - x, line, u->msg[0] || v->err[0] ? UI_R_MESSAGE : UI_R_BAR, 0);
	if (x < cols)
		ui_draw_fill(w, 0, x, cols - x, UI_R_BAR);
	leaveok(w, TRUE);
}

int ui_search_status(struct ui *u, WINDOW *w, int cols)
{
	struct ui_search *s = u->search;
	struct find *f = &s->find;
	if (!f->prompting)
		return 0;
	ui_want_cursor(u);
	leaveok(w, FALSE);
	char right[300];
	enum ui_role rr = UI_R_BAR;
	if (f->err[0]) {
		snprintf(right, sizeof right, " %s ", f->err);
		rr = UI_R_MESSAGE;
	} else if (f->q && f->hits.n == 0) {
		snprintf(right, sizeof right, " not found ");
		rr = UI_R_MESSAGE;
	} else if (f->q) {
		snprintf(right, sizeof right, " %zu/%zu ", f->cur + 1, f->hits.n);
	} else {
		right[0] = '\0';
	}
	int rw = (int)text_width(right, strlen(right));
	if (rw > cols / 2)
		rw = cols / 2;
	int room = cols - rw;
	int x = draw_prompt(w, 0, room, "/", &f->p, UI_R_BAR);
	if (x < room)
		ui_draw_fill(w, 0, x, room - x, UI_R_BAR);
	ui_draw_outside(w, 0, room, cols - room, right, rr, 1);
	wmove(w, 0, x < cols ? x : cols - 1);
	return 1;
}

int ui_search_draw(struct ui *u, WINDOW *w, int y, int x, int cols, size_t start, size_t end, enum ui_role role)
{
	const struct report *r = open_report(u);
	struct find *f = &u->search->find;
	find_sync(u);
	return draw_hits(w, y, x, cols, r->text, start, end, f->hits.v, f->hits.n, f->longest, f->cur, role, ROLE_HIT);
}

int ui_search_report_hits(const struct ui *u, size_t report, size_t *hits)
{
	struct view *v = &u->search->view;
	if (v->q && !v->counted)
		view_count(v, u->corpus->n);
	if (!v->counted || report >= u->corpus->n || v->hits_of[report] < 0)
		return 0;
	*hits = (size_t)v->hits_of[report];
	return 1;
}
