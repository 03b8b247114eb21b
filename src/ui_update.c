/* ui_update.c — the browser's index brought up to date in the background: `fazhi index` in a child process, followed through a pipe. */
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "index.h"
#include "xmalloc.h"

/* The child is this very program (/proc/self/exe, else argv[0] on the PATH) running
 * `fazhi index --progress-fd 2 -- PATH...` with its stderr on a pipe: "DONE TOTAL" lines tell
 * the progress, any other line is a message (the last one says why when it fails). It runs in
 * its own process group, so a Ctrl-C meant for the browser does not reach it, and at a lower
 * priority, so the browser stays quick while it works. A child killed half-way leaves its
 * temporary file, which is removed once it is reaped (index_cache_clean). */

#define LINE_MAX_BYTES 512
#define NICENESS 5

struct ui_update {
	pid_t pid;                   /* -1 once reaped */
	int fd;                      /* read end of the pipe; -1 once closed */
	size_t done, total;          /* the latest progress line */
	char line[LINE_MAX_BYTES];   /* a line not ended yet */
	size_t len;
	char last[LINE_MAX_BYTES];   /* the latest message line, "" none */
	char why[LINE_MAX_BYTES + 64]; /* why it failed, once it has */
	enum ui_update_state state;
};

static void exec_child(int out, const char *self, char **paths, int npaths)
{
	int null = open("/dev/null", O_RDWR);
	if (null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0 || dup2(out, 2) < 0)
		_exit(127);
	setpgid(0, 0);
	if (nice(NICENESS) < 0)
		errno = 0;   /* as fast as the browser, then */
	char **argv = xmalloc(((size_t)npaths + 6) * sizeof *argv);
	int n = 0;
	argv[n++] = (char *)"fazhi";
	argv[n++] = (char *)"index";
	argv[n++] = (char *)"--progress-fd";
	argv[n++] = (char *)"2";
	argv[n++] = (char *)"--";
	for (int i = 0; i < npaths; i++)
		argv[n++] = paths[i];
	argv[n] = NULL;
	char exe[4096];
	ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
	exe[len > 0 ? len : 0] = '\0';
	if (len > 0 && !strstr(exe, " (deleted)"))
		execv(exe, argv);   /* by its name, so that ps and pgrep name it too */
	execv("/proc/self/exe", argv);
	if (strchr(self, '/'))
		execv(self, argv);
	else
		execvp(self, argv);
	fprintf(stderr, "cannot run %s: %s\n", self, strerror(errno));
	_exit(127);
}

struct ui_update *ui_update_start(const char *self, char **paths, int npaths, char **cause)
{
	int p[2];
	if (pipe(p) != 0) {
		*cause = xasprintf("cannot make a pipe: %s", strerror(errno));
		return NULL;
	}
	fflush(NULL);   /* nothing buffered is written twice */
	pid_t pid = fork();
	if (pid < 0) {
		*cause = xasprintf("cannot start it: %s", strerror(errno));
		close(p[0]);
		close(p[1]);
		return NULL;
	}
	if (pid == 0) {
		close(p[0]);
		exec_child(p[1], self, paths, npaths);
	}
	close(p[1]);
	setpgid(pid, pid);   /* as the child does: whichever runs first */
	fcntl(p[0], F_SETFL, fcntl(p[0], F_GETFL) | O_NONBLOCK);
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	struct ui_update *up = xcalloc(1, sizeof *up);
	up->pid = pid;
	up->fd = p[0];
	up->state = UI_UPDATE_RUNNING;
	return up;
}

static void take_line(struct ui_update *up)
{
	up->line[up->len] = '\0';
	size_t done, total;
	char end;
	if (sscanf(up->line, "%zu %zu%c", &done, &total, &end) == 2) {
		up->done = done;
		up->total = total;
	} else if (up->len) {
		const char *s = strncmp(up->line, "fazhi: ", 7) == 0 ? up->line + 7 : up->line;
		snprintf(up->last, sizeof up->last, "%s", s);
	}
	up->len = 0;
}

/* A child that did not end well may leave its temporary index file (its lock is free now). */
static void clean_after(void)
{
	char *dir = index_cache_dir();
	if (dir)
		index_cache_clean(dir);
	free(dir);
}

/* The child closed the pipe: it ended. How it ended decides. */
static void reap(struct ui_update *up)
{
	int st = 0;
	while (waitpid(up->pid, &st, 0) < 0 && errno == EINTR)
		;
	up->pid = -1;
	if (WIFEXITED(st) && WEXITSTATUS(st) <= 1) {   /* 1: some files could not be read, the rest indexed */
		up->state = UI_UPDATE_DONE;
		return;
	}
	up->state = UI_UPDATE_FAILED;
	clean_after();
	if (up->last[0])
		snprintf(up->why, sizeof up->why, "%s", up->last);
	else if (WIFSIGNALED(st))
		snprintf(up->why, sizeof up->why, "killed by signal %d", WTERMSIG(st));
	else
		snprintf(up->why, sizeof up->why, "exit status %d", WEXITSTATUS(st));
}

enum ui_update_state ui_update_poll(struct ui_update *up)
{
	char buf[4096];
	while (up->fd >= 0) {
		ssize_t n = read(up->fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;   /* EAGAIN: nothing more for now */
		if (n == 0) {
			if (up->len)
				take_line(up);
			close(up->fd);
			up->fd = -1;
			reap(up);
			break;
		}
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n')
				take_line(up);
			else if (up->len < sizeof up->line - 1)
				up->line[up->len++] = buf[i];
		}
	}
	return up->state;
}

void ui_update_progress(const struct ui_update *up, size_t *done, size_t *total)
{
	*done = up->done;
	*total = up->total;
}

const char *ui_update_failure(const struct ui_update *up)
{
	return up->state == UI_UPDATE_FAILED ? up->why : "";
}

void ui_update_free(struct ui_update *up)
{
	if (!up)
		return;
	if (up->fd >= 0)
		close(up->fd);
	if (up->pid > 0) {
		kill(up->pid, SIGTERM);
		while (waitpid(up->pid, NULL, 0) < 0 && errno == EINTR)
			;
		clean_after();
	}
	free(up);
}
