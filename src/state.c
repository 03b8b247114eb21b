/* state.c — reading positions and the search history remembered across runs, in $XDG_STATE_HOME/fazhi/. */
#include "state.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unistr.h>

#include "buf.h"
#include "fileio.h"
#include "xmalloc.h"

struct entry {
	char *key;     /* owned */
	size_t off;
	int dirty;     /* set since load: state_save applies it */
};

struct state {
	struct entry *e;   /* least recently used first */
	size_t n, cap;
	char *search[STATE_MAX_SEARCHES];   /* oldest first, owned */
	size_t nsearch;
	int searches_dirty;
};

static char *state_dir(char **cause)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/fazhi", xdg);
	const char *home = getenv("HOME");
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/fazhi", home);
	*cause = xstrdup("neither XDG_STATE_HOME nor HOME is set to an absolute path");
	return NULL;
}

static char *file_in_dir(const char *name, char **cause)
{
	char *dir = state_dir(cause);
	if (!dir)
		return NULL;
	char *file = xasprintf("%s/%s", dir, name);
	free(dir);
	return file;
}

char *state_file(char **cause)
{
	return file_in_dir("positions", cause);
}

static size_t find(const struct state *s, const char *key)
{
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->e[i].key, key) == 0)
			return i;
	return (size_t)-1;
}

/* Moves or appends the key to the most recent end. */
static void put(struct state *s, const char *key, size_t off, int dirty)
{
	size_t i = find(s, key);
	struct entry e = { NULL, off, dirty };
	if (i != (size_t)-1) {
		e.key = s->e[i].key;
		memmove(s->e + i, s->e + i + 1, (s->n - i - 1) * sizeof *s->e);
		s->n--;
	} else {
		e.key = xstrdup(key);
	}
	s->e = xgrow(s->e, &s->cap, s->n + 1, sizeof *s->e);
	s->e[s->n++] = e;
}

/* "OFFSET\tPATH" with OFFSET all digits; anything else is skipped. */
static void read_line(struct state *s, char *line)
{
	char *tab = strchr(line, '\t');
	if (!tab || tab == line || tab[1] == '\0')
		return;
	size_t off = 0;
	for (char *p = line; p < tab; p++) {
		if (*p < '0' || *p > '9' || off > ((size_t)-1 - 9) / 10)
			return;
		off = off * 10 + (size_t)(*p - '0');
	}
	put(s, tab + 1, off, 0);
}

static void read_search(struct state *s, char *line)
{
	size_t n = strlen(line);
	if (u8_check((const uint8_t *)line, n) == NULL)
		state_search_add(s, line, n);
}

/* Hands each line of the state file `name` (no newline, no NUL inside) to `take`. */
static void read_file(struct state *s, const char *name, void (*take)(struct state *, char *))
{
	char *cause = NULL;
	char *path = file_in_dir(name, &cause);
	free(cause);
	FILE *f = path ? fopen(path, "r") : NULL;
	free(path);
	if (!f)
		return;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if ((size_t)n == strlen(line))
			take(s, line);
	}
	free(line);
	fclose(f);
}

struct state *state_load(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	read_file(s, "positions", read_line);
	read_file(s, "searches", read_search);
	s->searches_dirty = 0;
	return s;
}

void state_free(struct state *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->e[i].key);
	for (size_t i = 0; i < s->nsearch; i++)
		free(s->search[i]);
	free(s->e);
	free(s);
}

int state_get(const struct state *s, const char *key, size_t *off)
{
	size_t i = find(s, key);
	if (i == (size_t)-1)
		return 0;
	*off = s->e[i].off;
	return 1;
}

void state_set(struct state *s, const char *key, size_t off)
{
	if (strchr(key, '\n') || key[0] == '\0')
		return;
	put(s, key, off, 1);
}

size_t state_searches(const struct state *s)
{
	return s->nsearch;
}

const char *state_search(const struct state *s, size_t i)
{
	return i < s->nsearch ? s->search[i] : NULL;
}

void state_search_add(struct state *s, const char *t, size_t n)
{
	if (n == 0 || n > STATE_MAX_SEARCH || memchr(t, '\n', n) || memchr(t, '\0', n))
		return;
	char *same = NULL;
	for (size_t i = 0; i < s->nsearch && !same; i++)
		if (strlen(s->search[i]) == n && memcmp(s->search[i], t, n) == 0) {
			same = s->search[i];
			memmove(s->search + i, s->search + i + 1, (s->nsearch - i - 1) * sizeof *s->search);
			s->nsearch--;
		}
	if (!same && s->nsearch == STATE_MAX_SEARCHES) {
		free(s->search[0]);
		memmove(s->search, s->search + 1, (STATE_MAX_SEARCHES - 1) * sizeof *s->search);
		s->nsearch--;
	}
	s->search[s->nsearch++] = same ? same : xstrndup(t, n);
	s->searches_dirty = 1;
}

/* Replaces dir/name by the bytes of b, the directories made first: a reader of the file sees
 * the old content or the new, never a part. */
static int write_atomic(char *dir, const char *name, const struct buf *b, char **cause)
{
	char *file = xasprintf("%s/%s", dir, name);
	int r = fileio_make_dirs(dir);
	if (r != 0)
		*cause = xasprintf("%s: %s", dir, strerror(errno));
	else if ((r = fileio_replace(file, b->data ? b->data : "", b->len)) != 0)
		*cause = xasprintf("%s: %s", file, strerror(errno));
	free(file);
	return r;
}

static void format(const struct state *s, struct buf *b)
{
	size_t first = s->n > STATE_MAX_ENTRIES ? s->n - STATE_MAX_ENTRIES : 0;
	for (size_t i = first; i < s->n; i++)
		buf_printf(b, "%zu\t%s\n", s->e[i].off, s->e[i].key);
}

int state_save(struct state *s, char **cause)
{
	size_t dirty = 0;
	for (size_t i = 0; i < s->n; i++)
		dirty += s->e[i].dirty;
	if (dirty == 0)
		return 0;
	char *dir = state_dir(cause);
	if (!dir)
		return -1;
	struct state *disk = state_load();
	for (size_t i = 0; i < s->n; i++)
		if (s->e[i].dirty)
			put(disk, s->e[i].key, s->e[i].off, 1);
	struct buf b;
	buf_init(&b);
	format(disk, &b);
	int r = write_atomic(dir, "positions", &b, cause);
	if (r == 0)
		for (size_t i = 0; i < s->n; i++)
			s->e[i].dirty = 0;
	buf_fini(&b);
	state_free(disk);
	free(dir);
	return r;
}

int state_save_searches(struct state *s, char **cause)
{
	if (!s->searches_dirty)
		return 0;
	char *dir = state_dir(cause);
	if (!dir)
		return -1;
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < s->nsearch; i++)
		buf_printf(&b, "%s\n", s->search[i]);
	int r = write_atomic(dir, "searches", &b, cause);
	if (r == 0)
		s->searches_dirty = 0;
	buf_fini(&b);
	free(dir);
	return r;
}
