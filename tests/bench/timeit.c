/* timeit.c — median and slowest wall time, and median CPU time, of a whole process run RUNS times: timeit RUNS OUT CMD [ARG...]. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static int cmp_d(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One run from fork to exit, its CPU time (user and system, children included) into *cpu. The
 * output goes to a regular file, not /dev/null: some tools stop at their first match when they
 * see /dev/null. Returns -1 when the command cannot run. On a busy machine the wall clock also
 * counts the waits for a core; the CPU time does not. */
static double run_once(const char *out, char **argv, double *cpu)
{
	double start = now_ms();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int null = open("/dev/null", O_WRONLY);
		if (fd < 0 || null < 0)
			_exit(127);
		dup2(fd, 1);
		dup2(null, 2);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0 || (WIFEXITED(status) && WEXITSTATUS(status) == 127))
		return -1;
	double wall = now_ms() - start;
	*cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
	return wall;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: timeit RUNS OUT CMD [ARG...]\n", stderr);
		return 2;
	}
	int runs = atoi(argv[1]);
	if (runs < 1)
		return 2;
	double *t = malloc(sizeof *t * (size_t)runs), *c = malloc(sizeof *c * (size_t)runs);
	int status = 0;
	for (int i = 0; t && c && i < runs && !status; i++)
		if ((t[i] = run_once(argv[2], argv + 3, &c[i])) < 0) {
			fprintf(stderr, "timeit: cannot run %s\n", argv[3]);
			status = 1;
		}
	if (t && c && !status) {
		qsort(t, (size_t)runs, sizeof *t, cmp_d);
		qsort(c, (size_t)runs, sizeof *c, cmp_d);
		printf("%.1f %.1f %.1f\n", t[runs / 2], t[runs - 1], c[runs / 2]);
	}
	free(t);
	free(c);
	return t && c ? status : 1;
}
