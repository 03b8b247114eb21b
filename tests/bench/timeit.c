/* timeit.c — median and 99th percentile wall time, and median CPU time, of whole processes run RUNS times each: timeit RUNS OUT CMD [ARG...] [::: CMD [ARG...]]..., one line per command. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* Prints the median and 99th percentile wall time and the median CPU time of n runs, sorting
 * them. The percentile is by nearest rank: the slowest run when there are 100 or fewer. */
static void print_figures(double *wall, double *cpu, int n)
{
	qsort(wall, (size_t)n, sizeof *wall, cmp_d);
	qsort(cpu, (size_t)n, sizeof *cpu, cmp_d);
	printf("%.1f %.1f %.1f\n", wall[n / 2], wall[(99 * n + 99) / 100 - 1], cpu[n / 2]);
}

/* Splits the commands at each ":::" in argv (which ends them), their starts into cmd; returns
 * how many, or 0 when one is empty. */
static int split_commands(char **argv, char ***cmd)
{
	int n = 0;
	cmd[n++] = argv;
	for (char **a = argv; *a; a++)
		if (strcmp(*a, ":::") == 0) {
			*a = NULL;
			cmd[n++] = a + 1;
		}
	for (int k = 0; k < n; k++)
		if (!cmd[k][0])
			return 0;
	return n;
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: timeit RUNS OUT CMD [ARG...] [::: CMD [ARG...]]...\n", stderr);
		return 2;
	}
	int runs = atoi(argv[1]);
	if (runs < 1)
		return 2;
	/* Several commands run in turns, so that a machine busier for a while slows all alike. */
	char ***cmd = malloc(sizeof *cmd * (size_t)argc);
	int ncmd = cmd ? split_commands(argv + 3, cmd) : 0;
	if (!ncmd) {
		fputs("timeit: an empty command\n", stderr);
		free(cmd);
		return 2;
	}
	size_t total = (size_t)runs * (size_t)ncmd;
	double *t = malloc(sizeof *t * total), *c = malloc(sizeof *c * total);
	int status = !t || !c;
	for (int i = 0; i < runs && !status; i++)
		for (int k = 0; k < ncmd && !status; k++)
			if ((t[k * runs + i] = run_once(argv[2], cmd[k], &c[k * runs + i])) < 0) {
				fprintf(stderr, "timeit: cannot run %s\n", cmd[k][0]);
				status = 1;
			}
	for (int k = 0; k < ncmd && !status; k++)
		print_figures(t + k * runs, c + k * runs, runs);
	free(cmd);
	free(t);
	free(c);
	return status;
}
