/* state.c — reading positions remembered across runs, kept in $XDG_STATE_HOME/fazhi/positions. */
#include "state.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

char *state_file(char **cause)
{
	char *dir = state_dir(cause);
	if (!dir)
		return NULL;
	char *file = xasprintf("%s/positions", dir);
	free(dir);
	return file;
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

static void read_file(struct state *s)
{
	char *cause = NULL;
	char *path = state_file(&cause);
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
			read_line(s, line);
	}
	free(line);
	fclose(f);
}

struct state *state_load(void)
{
	struct state *s = xcalloc(1, sizeof *s);
	read_file(s);
	return s;
}

void state_free(struct state *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++)
		free(s->e[i].key);
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

/* mkdir -p with mode 0700 for the directories we create. */
static int make_dirs(char *dir, char **cause)
{
	for (char *p = dir + 1;; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		int r = mkdir(dir, 0700);
		int err = errno;
		*p = c;
		if (r != 0 && err != EEXIST) {
			*cause = xasprintf("%s: %s", dir, strerror(err));
			return -1;
		}
		if (c == '\0')
			return 0;
	}
}

static int write_atomic(const char *dir, const char *file, const struct buf *b, char **cause)
{
	char *tmp = xasprintf("%s/.positions.XXXXXX", dir);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		*cause = xasprintf("%s: %s", dir, strerror(errno));
		free(tmp);
		return -1;
	}
	int r = fileio_write_at(fd, b->data ? b->data : "", b->len, 0);
	int err = errno;
	if (close(fd) != 0 && r == 0) {
		r = -1;
		err = errno;
	}
	if (r == 0 && rename(tmp, file) != 0) {
		r = -1;
		err = errno;
	}
	if (r != 0) {
		*cause = xasprintf("%s: %s", file, strerror(err));
		unlink(tmp);
	}
	free(tmp);
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
	char *file = xasprintf("%s/positions", dir);
	struct state *disk = state_load();
	for (size_t i = 0; i < s->n; i++)
		if (s->e[i].dirty)
			put(disk, s->e[i].key, s->e[i].off, 1);
	struct buf b;
	buf_init(&b);
	format(disk, &b);
	int r = make_dirs(dir, cause);
	if (r == 0)
		r = write_atomic(dir, file, &b, cause);
	if (r == 0)
		for (size_t i = 0; i < s->n; i++)
			s->e[i].dirty = 0;
	buf_fini(&b);
	state_free(disk);
	free(file);
	free(dir);
	return r;
}
