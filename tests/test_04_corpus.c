/* test_04_corpus.c — loading files and directories: order, symlink loops, bad files and their messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "assets.h"
#include "corpus.h"
#include "encoding.h"
#include "markdown.h"
#include "record.h"
#include "report.h"
#include "unwrap.h"

/* Tests run from the top of the source tree, as make test does. */
#define FIXTURES "tests/fixtures/loader"

#define REPORT "一、总体情况\n（一）加强领导。\n"

static char tmp[64];

/* Every test gets a fresh directory under /tmp, removed afterwards. */
static int setup(void **state)
{
	(void)state;
	strcpy(tmp, "/tmp/fazhi-corpus-XXXXXX");
	if (!mkdtemp(tmp))
		return -1;
	return chmod(tmp, 0755);
}

static int teardown(void **state)
{
	(void)state;
	char cmd[256];
	snprintf(cmd, sizeof cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", tmp, tmp);
	tmp[0] = '\0';
	return system(cmd) == 0 ? 0 : -1;
}

/* tmp/rel as a fresh string. */
static char *at(const char *rel)
{
	char *p = malloc(strlen(tmp) + strlen(rel) + 2);
	sprintf(p, "%s/%s", tmp, rel);
	return p;
}

static void put_file(const char *rel, const char *bytes, size_t n)
{
	char *p = at(rel);
	FILE *f = fopen(p, "wb");
	if (!f)
		fail_msg("cannot create %s", p);
	assert_int_equal(fwrite(bytes, 1, n, f), n);
	fclose(f);
	free(p);
}

static void put_dir(const char *rel)
{
	char *p = at(rel);
	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
}

static void put_link(const char *target, const char *rel)
{
	char *p = at(rel);
	assert_int_equal(symlink(target, p), 0);
	free(p);
}

#define PUT(rel, lit) put_file(rel, lit, sizeof lit - 1)

/* The report paths, relative to tmp, joined by spaces. */
static char *paths_of(const struct corpus *c)
{
	size_t cap = 64, len = 0;
	char *s = calloc(1, cap);
	for (size_t i = 0; i < c->n; i++) {
		const char *p = c->reports[i]->path;
		if (tmp[0] && strncmp(p, tmp, strlen(tmp)) == 0 && p[strlen(tmp)] == '/')
			p += strlen(tmp) + 1;
		size_t k = strlen(p);
		while (len + k + 2 > cap)
			s = realloc(s, cap *= 2);
		if (len)
			s[len++] = ' ';
		memcpy(s + len, p, k + 1);
		len += k;
	}
	return s;
}

static void assert_paths(const struct corpus *c, const char *want)
{
	char *got = paths_of(c);
	assert_string_equal(got, want);
	free(got);
}

/* Message i is about tmp/rel (or an absolute rel), with this reason. */
static void assert_msg(const struct corpus *c, size_t i, const char *rel, const char *reason, int skipped)
{
	assert_true(i < c->nmsgs);
	char *p = rel[0] == '/' || !tmp[0] ? strdup(rel) : at(rel);
	assert_string_equal(c->msgs[i].path, p);
	assert_string_equal(c->msgs[i].reason, reason);
	assert_int_equal(c->msgs[i].skipped, skipped);
	free(p);
}

static void test_embedded(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	corpus_add_embedded(&c);
	assert_int_equal(c.n, 5);
	assert_int_equal(c.nmsgs, 0);
	assert_paths(&c, "embedded:jingan-2019.txt embedded:putuo-2021.txt embedded:simen-2022.txt "
	                 "embedded:wujin-2020.txt embedded:zhanjiang-etdz-2022.txt");
	for (size_t i = 0; i < c.n; i++) {
		char name[64];
		snprintf(name, sizeof name, "reports/%s", c.reports[i]->path + strlen("embedded:"));
		const struct asset *a = assets_find(name);
		assert_non_null(a);
		assert_int_equal(c.reports[i]->len, a->size);
		assert_memory_equal(c.reports[i]->text, a->data, a->size);
		assert_int_equal(c.reports[i]->encoding, ENCODING_UTF8);
		assert_int_equal(c.reports[i]->replaced, 0);
	}
	assert_int_equal(corpus_failures(&c), 0);
	corpus_fini(&c);
	assert_int_equal(c.n, 0);
	corpus_fini(&c);   /* twice is fine */
}

/* The committed fixtures: every *.txt in order, the broken ones reported and skipped. */
static void test_fixture_directory(void **state)
{
	(void)state;
	static const char *const given[] = { FIXTURES, FIXTURES "/" };
	for (size_t k = 0; k < 2; k++) {
		struct corpus c;
		corpus_init(&c);
		assert_int_equal(corpus_add_path(&c, given[k]), 2);
		assert_int_equal(c.n, 6);
		static const char *const names[] = { "escapes.txt", "invalid-utf8.txt", "putuo-2021.gb18030-crlf.txt",
		                                     "simen-2022.gb18030.txt", "wujin-2020.bom-cr.txt",
		                                     "zhanjiang-etdz-2022.mixed.txt" };
		static const enum encoding_kind enc[] = { ENCODING_UTF8, ENCODING_MIXED, ENCODING_GB18030,
		                                          ENCODING_GB18030, ENCODING_UTF8, ENCODING_MIXED };
		for (size_t i = 0; i < 6; i++) {
			char want[128];
			snprintf(want, sizeof want, FIXTURES "/%s", names[i]);
			assert_string_equal(c.reports[i]->path, want);
			assert_int_equal(c.reports[i]->encoding, enc[i]);
		}
		assert_int_equal(c.nmsgs, 4);
		assert_msg(&c, 0, FIXTURES "/binary.txt", "binary file (not text)", 1);
		assert_msg(&c, 1, FIXTURES "/empty.txt", "empty file", 1);
		assert_msg(&c, 2, FIXTURES "/invalid-utf8.txt", "8 invalid byte sequences replaced by U+FFFD", 0);
		assert_msg(&c, 3, FIXTURES "/zhanjiang-etdz-2022.mixed.txt",
		           "251 invalid byte sequences replaced by U+FFFD", 0);
		assert_int_equal(corpus_failures(&c), 2);
		assert_int_equal(c.reports[1]->replaced, 8);

		/* The GB18030 + CRLF putuo is the embedded putuo, byte for byte. */
		const struct asset *a = assets_find("reports/putuo-2021.txt");
		assert_int_equal(c.reports[2]->len, a->size);
		assert_memory_equal(c.reports[2]->text, a->data, a->size);
		corpus_fini(&c);
	}
}

static void test_directory_order(void **state)
{
	(void)state;
	PUT("b.txt", REPORT);
	PUT("a.txt", REPORT);
	PUT("A.txt", REPORT);
	PUT("ab.txt", REPORT);
	PUT("c.TXT", REPORT);
	PUT("n.txt", REPORT);
	PUT("notes.md", REPORT);
	PUT(".txt", REPORT);   /* no name before the extension */
	put_dir("m");
	PUT("m/z.txt", REPORT);
	PUT("m/a.txt", REPORT);
	put_dir("m/n");
	PUT("m/n/x.txt", REPORT);
	PUT("m/n/readme", REPORT);
	put_dir("sub.txt");
	PUT("sub.txt/inner.txt", REPORT);

	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 0);
	assert_int_equal(c.nmsgs, 0);
	assert_paths(&c, "A.txt a.txt ab.txt b.txt c.TXT m/a.txt m/n/x.txt m/z.txt n.txt sub.txt/inner.txt");

	/* Paths keep the order they are given in. */
	char *n = at("n.txt"), *a = at("a.txt"), *m = at("m");
	assert_int_equal(corpus_add_path(&c, n), 0);
	assert_int_equal(corpus_add_path(&c, m), 0);
	assert_int_equal(corpus_add_path(&c, a), 0);
	assert_paths(&c, "A.txt a.txt ab.txt b.txt c.TXT m/a.txt m/n/x.txt m/z.txt n.txt sub.txt/inner.txt "
	                 "n.txt m/a.txt m/n/x.txt m/z.txt a.txt");
	/* A file given by name is loaded whatever its extension. */
	char *md = at("notes.md");
	assert_int_equal(corpus_add_path(&c, md), 0);
	assert_string_equal(c.reports[c.n - 1]->path, md);
	free(n);
	free(a);
	free(m);
	free(md);
	corpus_fini(&c);
}

static void test_symlink_loop(void **state)
{
	(void)state;
	PUT("r.txt", REPORT);
	put_link(".", "self");
	put_dir("sub");
	PUT("sub/s.txt", REPORT);
	put_link("..", "sub/up");
	put_link("sub", "sub2");   /* a second way in, not a loop: read once, no message */
	put_link("y.txt", "x.txt");
	put_link("x.txt", "y.txt");

	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 4);
	assert_paths(&c, "r.txt sub/s.txt");
	assert_int_equal(c.nmsgs, 4);
	assert_msg(&c, 0, "self", "symbolic link loop", 1);
	assert_msg(&c, 1, "sub/up", "symbolic link loop", 1);
	assert_msg(&c, 2, "x.txt", "symbolic link loop", 1);
	assert_msg(&c, 3, "y.txt", "symbolic link loop", 1);

	/* A looping link given by name. */
	char *x = at("x.txt");
	assert_int_equal(corpus_add_path(&c, x), 1);
	assert_msg(&c, 4, "x.txt", "symbolic link loop", 1);
	free(x);

	/* Entered lower down, the loop is found further down: sub/up is tmp, whose self, sub
	 * and sub2 lead back to directories already open. */
	char *sub = at("sub");
	assert_int_equal(corpus_add_path(&c, sub), 5);
	assert_paths(&c, "r.txt sub/s.txt sub/s.txt sub/up/r.txt");
	assert_int_equal(c.nmsgs, 10);
	assert_msg(&c, 5, "sub/up/self", "symbolic link loop", 1);
	assert_msg(&c, 6, "sub/up/sub", "symbolic link loop", 1);
	assert_msg(&c, 7, "sub/up/sub2", "symbolic link loop", 1);
	assert_msg(&c, 8, "sub/up/x.txt", "symbolic link loop", 1);
	assert_msg(&c, 9, "sub/up/y.txt", "symbolic link loop", 1);
	free(sub);
	corpus_fini(&c);
}

/* Loads tmp as user `nobody` in a child and sends back "failures|path|reason" of message 0. */
static int load_as_nobody(char *out, size_t cap)
{
	int fd[2];
	assert_int_equal(pipe(fd), 0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		if (setgid(65534) != 0 || setuid(65534) != 0)
			_exit(77);
		struct corpus c;
		corpus_init(&c);
		int failed = corpus_add_path(&c, tmp);
		dprintf(fd[1], "%d|%zu|%s|%s", failed, c.n, c.nmsgs ? c.msgs[0].path : "",
		        c.nmsgs ? c.msgs[0].reason : "");
		corpus_fini(&c);
		_exit(0);
	}
	close(fd[1]);
	ssize_t n = read(fd[0], out, cap - 1);
	close(fd[0]);
	out[n > 0 ? n : 0] = '\0';
	int status;
	waitpid(pid, &status, 0);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* Root reads anything, so as root the test drops to `nobody` in a child. */
static void test_unreadable_file(void **state)
{
	(void)state;
	PUT("ok.txt", REPORT);
	PUT("secret.txt", REPORT);
	char *secret = at("secret.txt");
	assert_int_equal(chmod(secret, 0), 0);
	if (geteuid() != 0) {
		struct corpus c;
		corpus_init(&c);
		assert_int_equal(corpus_add_path(&c, tmp), 1);
		assert_paths(&c, "ok.txt");
		assert_int_equal(c.nmsgs, 1);
		assert_msg(&c, 0, "secret.txt", "Permission denied", 1);
		corpus_fini(&c);
	} else {
		char got[512], want[512];
		int rc = load_as_nobody(got, sizeof got);
		if (rc == 77) {
			print_message("  cannot drop root here; unreadable file not tested\n");
		} else {
			assert_int_equal(rc, 0);
			snprintf(want, sizeof want, "1|1|%s|Permission denied", secret);
			assert_string_equal(got, want);
		}
	}
	free(secret);
}

/* Paths that do not lead to a file: gone, never there, through a file, a dangling link. */
static void test_missing_paths(void **state)
{
	(void)state;
	PUT("ok.txt", REPORT);
	put_link("gone.txt", "dangling.txt");
	put_link("gone", "dangling-dir");   /* not a report: no message */
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, "/nonexistent/fazhi-no-such.txt"), 1);
	assert_msg(&c, 0, "/nonexistent/fazhi-no-such.txt", "No such file or directory", 1);
	char *through = at("ok.txt/x.txt");
	assert_int_equal(corpus_add_path(&c, through), 1);
	assert_msg(&c, 1, "ok.txt/x.txt", "Not a directory", 1);
	assert_int_equal(corpus_add_path(&c, tmp), 1);
	assert_msg(&c, 2, "dangling.txt", "No such file or directory", 1);
	assert_int_equal(c.nmsgs, 3);
	assert_paths(&c, "ok.txt");
	assert_int_equal(corpus_failures(&c), 3);
	free(through);
	corpus_fini(&c);
}

static void test_bad_files_in_directory(void **state)
{
	(void)state;
	PUT("empty.txt", "");
	PUT("bin.txt", "\x7f" "ELF\x02\x01\x01\0\0\0");
	PUT("good.txt", REPORT);
	PUT("warn.txt", "一、总体情况\n（一）加强\xff领导。\n");
	PUT("zz.txt", "\xef\xbb\xbf");
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 3);
	assert_paths(&c, "good.txt warn.txt");
	assert_int_equal(c.nmsgs, 4);
	assert_msg(&c, 0, "bin.txt", "binary file (not text)", 1);
	assert_msg(&c, 1, "empty.txt", "empty file", 1);
	assert_msg(&c, 2, "warn.txt", "1 invalid byte sequence replaced by U+FFFD", 0);
	assert_msg(&c, 3, "zz.txt", "empty file", 1);
	assert_int_equal(corpus_failures(&c), 3);
	assert_int_equal(c.reports[1]->encoding, ENCODING_MIXED);
	assert_int_equal(c.reports[1]->replaced, 1);
	assert_string_equal(c.reports[1]->text, "一、总体情况\n（一）加强\xef\xbf\xbd领导。\n");
	corpus_fini(&c);
}

static void test_directory_without_reports(void **state)
{
	(void)state;
	PUT("notes.md", REPORT);
	put_dir("empty");
	put_dir("docs");
	PUT("docs/report.odt", "PK\x03\x04 an OpenDocument file");   /* a format fazhi does not read */
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 1);
	assert_msg(&c, 0, tmp, "no reports found (*.txt *.html *.pdf *.docx)", 1);
	char *e = at("empty");
	assert_int_equal(corpus_add_path(&c, e), 1);
	assert_msg(&c, 1, "empty", "no reports found (*.txt *.html *.pdf *.docx)", 1);
	assert_int_equal(c.n, 0);
	free(e);
	corpus_fini(&c);
}

/* A FIFO named *.txt in a directory is not opened for reading (that could wait forever);
 * a pipe given by name is read to its end. */
static void test_pipes_and_devices(void **state)
{
	(void)state;
	PUT("a.txt", REPORT);
	char *fifo = at("pipe.txt");
	assert_int_equal(mkfifo(fifo, 0644), 0);
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 1);
	assert_paths(&c, "a.txt");
	assert_msg(&c, 0, "pipe.txt", "not a regular file", 1);

	int fd[2];
	assert_int_equal(pipe(fd), 0);
	assert_int_equal(write(fd[1], "甲\r\n乙", strlen("甲\r\n乙")), (ssize_t)strlen("甲\r\n乙"));
	close(fd[1]);
	char name[32];
	snprintf(name, sizeof name, "/dev/fd/%d", fd[0]);
	assert_int_equal(corpus_add_path(&c, name), 0);
	close(fd[0]);
	assert_string_equal(c.reports[c.n - 1]->path, name);
	assert_string_equal(c.reports[c.n - 1]->text, "甲\n乙");

	/* A FIFO given by name waits for its writer, who comes a little later. */
	pid_t writer = fork();
	assert_true(writer >= 0);
	if (writer == 0) {
		usleep(200000);
		int w = open(fifo, O_WRONLY);
		_exit(w >= 0 && write(w, "丙", 3) == 3 ? 0 : 1);
	}
	assert_int_equal(corpus_add_path(&c, fifo), 0);
	int status;
	assert_int_equal(waitpid(writer, &status, 0), writer);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	assert_string_equal(c.reports[c.n - 1]->path, fifo);
	assert_string_equal(c.reports[c.n - 1]->text, "丙");

	/* Endless NULs stop at the first read. */
	assert_int_equal(corpus_add_path(&c, "/dev/zero"), 1);
	assert_msg(&c, 1, "/dev/zero", "binary file (not text)", 1);
	assert_int_equal(corpus_add_path(&c, "/dev/null"), 1);
	assert_msg(&c, 2, "/dev/null", "empty file", 1);
	free(fifo);
	corpus_fini(&c);
}

/* Loading never writes to the corpus: contents and change times stay. */
static void test_never_written(void **state)
{
	(void)state;
	PUT("a.txt", "甲\r\n\x1b[2J乙\xff");
	char *p = at("a.txt");
	assert_int_equal(chmod(p, 0444), 0);
	struct stat before, after;
	assert_int_equal(stat(p, &before), 0);
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 0);
	assert_int_equal(c.n, 1);
	corpus_fini(&c);
	assert_int_equal(stat(p, &after), 0);
	assert_int_equal(after.st_size, before.st_size);
	assert_memory_equal(&after.st_mtim, &before.st_mtim, sizeof before.st_mtim);
	assert_memory_equal(&after.st_ctim, &before.st_ctim, sizeof before.st_ctim);
	FILE *f = fopen(p, "rb");
	char buf[64];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	assert_int_equal(n, sizeof "甲\r\n\x1b[2J乙\xff" - 1);
	assert_memory_equal(buf, "甲\r\n\x1b[2J乙\xff", n);
	free(p);
}

/* 10,000 tiny files in 20 directories load in order (100,000 are measured by hand: see the note on issue 6). */
static void test_many_tiny_files(void **state)
{
	(void)state;
	enum { DIRS = 20, PER = 500 };
	char rel[sizeof tmp + 32];
	for (int d = 0; d < DIRS; d++) {
		snprintf(rel, sizeof rel, "d%03d", d);
		put_dir(rel);
		for (int f = PER - 1; f >= 0; f--) {
			snprintf(rel, sizeof rel, "d%03d/f%04d.txt", d, f);
			PUT(rel, REPORT);
		}
	}
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 0);
	assert_int_equal(c.n, DIRS * PER);
	assert_int_equal(c.nmsgs, 0);
	for (size_t i = 0; i < c.n; i++) {
		snprintf(rel, sizeof rel, "%s/d%03zu/f%04zu.txt", tmp, i / PER, i % PER);
		if (strcmp(c.reports[i]->path, rel) != 0)
			fail_msg("report %zu is %s, not %s", i, c.reports[i]->path, rel);
		assert_string_equal(c.reports[i]->text, REPORT);
	}
	assert_null(c.readbuf);   /* each text took the block its file was read into: no copy */
	assert_int_equal(c.readcap, 0);
	corpus_fini(&c);
	assert_null(c.readbuf);
}

/* A directory of more entries than one thread stats: its files, a subdirectory among them and
 * a dangling link in the second half come in name order, with the link's message in its place,
 * and files that are not reports are left out. */
static void test_large_directory(void **state)
{
	(void)state;
	enum { N = 700 };
	char rel[sizeof tmp + 32];
	for (int f = N - 1; f >= 0; f--) {
		snprintf(rel, sizeof rel, "r%04d.txt", f);
		if (f == 600)
			put_link("gone.txt", rel);
		else
			PUT(rel, REPORT);
	}
	put_dir("r0350.d");   /* between r0350.txt's predecessors and itself: "r0350.d" < "r0350.txt" */
	PUT("r0350.d/a.txt", REPORT);
	PUT("r0350.d/b.txt", REPORT);
	PUT("r0400.dat", "not a report");
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 1);
	assert_int_equal(c.n, N - 1 + 2);
	size_t i = 0;
	for (int f = 0; f < N; f++) {
		if (f == 350) {
			snprintf(rel, sizeof rel, "%s/r0350.d/a.txt", tmp);
			assert_string_equal(c.reports[i++]->path, rel);
			snprintf(rel, sizeof rel, "%s/r0350.d/b.txt", tmp);
			assert_string_equal(c.reports[i++]->path, rel);
		}
		if (f == 600)
			continue;
		snprintf(rel, sizeof rel, "%s/r%04d.txt", tmp, f);
		if (strcmp(c.reports[i]->path, rel) != 0)
			fail_msg("report %zu is %s, not %s", i, c.reports[i]->path, rel);
		i++;
	}
	assert_int_equal(c.nmsgs, 1);
	assert_msg(&c, 0, "r0600.txt", "No such file or directory", 1);
	assert_int_equal(c.msgs[0].at, 600 + 2);   /* met after the 602 reports before it */
	corpus_fini(&c);
	/* Walked lazily, each entry keeps its own file's stat, as stat gives it. */
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(corpus_add_path(&c, tmp), 1);
	assert_int_equal(c.n, N - 1 + 2);
	for (size_t k = 0; k < c.n; k++) {
		const struct corpus_file *f = corpus_file(&c, k);
		struct stat st;
		assert_int_equal(stat(f->path, &st), 0);
		assert_int_equal(f->size, (long long)st.st_size);
		assert_int_equal(f->ino, (unsigned long long)st.st_ino);
		assert_int_equal(f->size, (long long)(sizeof REPORT - 1));
	}
	corpus_fini(&c);
}

/* A 10 MB file of one line, through the parser too. Its clean text takes the block it was read
 * into; a text that had to be cleaned (a CR) leaves its block for the next file, unless the
 * block grew past 16 MiB. */
static void test_10mb_single_line(void **state)
{
	(void)state;
	size_t n = 10u << 20;
	n -= n % 3;
	char *big = malloc(2 * n + 1);
	for (size_t i = 0; i < 2 * n; i += 3)
		memcpy(big + i, "法", 3);
	put_file("big.txt", big, n);
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_path(&c, tmp), 0);
	assert_int_equal(c.n, 1);
	assert_int_equal(c.reports[0]->len, n);
	assert_memory_equal(c.reports[0]->text, big, n);
	assert_null(c.readbuf);
	assert_int_equal(c.readcap, 0);

	put_dir("cr");
	char last = big[n - 1];
	big[n - 1] = '\r';   /* the last 法 cut short by a CR: U+FFFD and a newline */
	put_file("cr/b.txt", big, n);
	big[n - 1] = last;
	char *cr = at("cr");
	assert_int_equal(corpus_add_path(&c, cr), 0);
	assert_int_equal(c.nmsgs, 1);   /* a warning: 1 invalid byte sequence */
	assert_int_equal(c.n, 2);
	assert_int_equal(c.reports[1]->len, n + 1);
	assert_memory_equal(c.reports[1]->text, big, n - 3);
	assert_memory_equal(c.reports[1]->text + n - 3, "\xef\xbf\xbd\n", 4);
	assert_int_equal(c.readcap, n + 1);   /* the file's size and one byte: kept */
	assert_non_null(c.readbuf);

	/* Read into the block kept, larger than it needs. */
	put_file("cr/c.txt", big, n - 3);
	char *small = at("cr/c.txt");
	assert_int_equal(corpus_add_path(&c, small), 0);
	assert_int_equal(c.reports[2]->len, n - 3);
	assert_memory_equal(c.reports[2]->text, big, n - 3);

	/* A file past 16 MiB that must be cleaned: its block is let go once its path is loaded. */
	big[2 * n] = '\r';
	put_file("twice.txt", big, 2 * n + 1);
	char *t = at("twice.txt");
	assert_int_equal(corpus_add_path(&c, t), 0);
	assert_int_equal(c.reports[3]->len, 2 * n + 1);
	assert_memory_equal(c.reports[3]->text, big, 2 * n);
	assert_int_equal(c.reports[3]->text[2 * n], '\n');
	assert_null(c.readbuf);
	assert_int_equal(c.readcap, 0);
	corpus_fini(&c);
	free(t);
	free(small);
	free(cr);
	free(big);
}

/* Both corpora of tmp: eager read whole as its files are added, lazy (lazy.lazy) on first use. */
static void add_eager_and_lazy(struct corpus *eager, struct corpus *lazy)
{
	corpus_init(eager);
	corpus_init(lazy);
	lazy->lazy = 1;
	assert_int_equal(corpus_add_path(eager, tmp), 0);
	assert_int_equal(corpus_add_path(lazy, tmp), 0);
}

/* A report's text is the same however its file is read: loaded whole when added, or its text
 * alone on first use (corpus_read_text), whether the bytes are kept as they are (the text takes
 * the block they were read into) or cleaned or converted (the block is kept, then read into
 * again by a smaller file and let go for a larger one). */
static void test_read_text_as_loaded(void **state)
{
	(void)state;
	static const char line[] = "法治政府建设 2021\n";
	size_t nbig = 10000 * (sizeof line - 1);
	char *big = malloc(nbig);
	for (size_t i = 0; i < nbig; i += sizeof line - 1)
		memcpy(big + i, line, sizeof line - 1);
	PUT("a.txt", REPORT);
	PUT("b.txt", "\xef\xbb\xbf" REPORT);
	PUT("c.txt", "甲\r\n乙\r\n");
	PUT("d.txt", "\xd6\xd0\xce\xc4\n\xb7\xa8\xd6\xce\xd5\xfe\xb8\xae\n");
	put_file("e.txt", big, nbig);
	PUT("f.txt", "法治\x1b[2J\n");
	PUT("g.txt", "短\n");
	struct corpus eager, lazy;
	add_eager_and_lazy(&eager, &lazy);
	assert_int_equal(eager.n, 7);
	assert_int_equal(lazy.n, 7);
	for (size_t i = 0; i < eager.n; i++) {
		const struct report *want = eager.reports[i];
		struct report *got = corpus_read_text(&lazy, i);
		assert_non_null(got);
		assert_string_equal(got->path, want->path);
		assert_int_equal(got->len, want->len);
		assert_memory_equal(got->text, want->text, want->len + 1);
		assert_int_equal(got->encoding, want->encoding);
		report_free(got);
	}
	assert_string_equal(eager.reports[1]->text, REPORT);   /* the BOM dropped */
	assert_string_equal(eager.reports[2]->text, "甲\n乙\n");
	assert_string_equal(eager.reports[3]->text, "中文\n法治政府\n");
	assert_int_equal(eager.reports[3]->encoding, ENCODING_GB18030);
	assert_memory_equal(eager.reports[4]->text, big, nbig);
	assert_string_equal(eager.reports[5]->text, "法治\xe2\x90\x9b[2J\n");
	corpus_fini(&eager);
	corpus_fini(&lazy);
	free(big);
}

/* A text file read back as a page (a crawler's record, Markdown, lines a print broke) is read
 * the same way again from the page forms its first reading found (report.page_forms, which a
 * digest keeps), without looking for them: corpus_read_text_as gives the text corpus_get read,
 * and, told of no form, the text as the file has it. */
static void test_read_text_as_forms(void **state)
{
	(void)state;
	static const char record[] =
		"{\"title\": \"甲县人民政府关于2022年度法治政府建设情况的报告\", \"views\": 3, \"content\": "
		"\"市人民政府：\\n2022年，甲县坚持以习近平法治思想为指导，全面推进法治政府建设。\\n"
		"一、主要举措和成效\\n（一）加强组织领导。县政府常务会议专题研究法治政府建设工作6次。\\n"
		"二、存在的问题\\n一是法治意识有待提高。\\n三、下一步工作安排\\n继续推进。\"}\n";
	static const char markdown[] =
		"# 甲县人民政府关于2022年度法治政府建设情况的报告\n\n## 一、主要举措和成效\n\n"
		"**（一）加强组织领导**\n\n县政府常务会议专题研究法治政府建设工作6次。\n\n## 二、存在的问题\n\n"
		"法治意识有待提高。\n";
	static const char printed[] =
		"　　2020年，甲乙市坚持以习近平新时代中国特色社会主义思想为指\n"
		"导，全面贯彻党的十九大精神，深入学习贯彻习近平法治思想，认真落实\n"
		"法治政府建设实施纲要，统筹推进法治政府建设各项工作，取得新的成\n"
		"效。市政府常务会议专题研究法治政府建设工作四次，印发年度工作要点\n"
		"对标补齐短板弱项。全年市政府收到行政复议申请三百二十九件，依法\n"
		"受理二百九十六件，审结二百七十一件，其中维持一百六十八件，驳回\n"
		"三十一件，撤销或者确认违法等纠错三十八件，直接纠错率百分之十四。\n";
	static const struct { const char *name, *text; int (*like)(const char *, size_t); unsigned form; } files[] = {
		{ "a-record.txt", record, record_like, 1 }, { "b-markdown.txt", markdown, markdown_like, 2 },
		{ "c-printed.txt", printed, unwrap_like, 4 }, { "d-plain.txt", REPORT, NULL, 0 },
	};
	size_t nfiles = sizeof files / sizeof *files;
	for (size_t k = 0; k < nfiles; k++) {
		put_file(files[k].name, files[k].text, strlen(files[k].text));
		assert_true(!files[k].like || files[k].like(files[k].text, strlen(files[k].text)));
	}
	struct corpus eager, lazy;
	add_eager_and_lazy(&eager, &lazy);
	assert_int_equal(eager.n, nfiles);
	for (size_t i = 0; i < nfiles; i++) {
		const struct report *want = eager.reports[i];
		assert_int_equal(want->page_forms, files[i].form);
		struct report *got = corpus_read_text_as(&lazy, i, want->page_forms);
		assert_non_null(got);
		assert_int_equal(got->len, want->len);
		assert_memory_equal(got->text, want->text, want->len + 1);
		assert_int_equal(got->page_forms, want->page_forms);
		report_free(got);
		got = corpus_read_text_as(&lazy, i, 0);
		assert_string_equal(got->text, files[i].text);
		assert_true(!files[i].form || strcmp(got->text, want->text) != 0);
		report_free(got);
	}
	corpus_fini(&eager);
	corpus_fini(&lazy);
}

/* Paths longer and shorter than the room the corpus copies a path into before a system call
 * (1 KiB): both read and stat'ed as they name. */
static void test_long_paths(void **state)
{
	(void)state;
	char rel[1400] = "";
	for (int level = 0; level < 12; level++) {   /* 12 × 101 bytes: over 1 KiB below tmp */
		size_t k = strlen(rel);
		snprintf(rel + k, sizeof rel - k, "%s%0100d", k ? "/" : "", level);
		put_dir(rel);
	}
	size_t k = strlen(rel);
	snprintf(rel + k, sizeof rel - k, "/long.txt");
	PUT(rel, REPORT);
	PUT("short.txt", "短\n");
	struct corpus c;
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(corpus_add_path(&c, tmp), 0);
	assert_int_equal(c.n, 2);
	assert_true(strlen(corpus_path(&c, 0)) > 1024);
	for (size_t i = 0; i < 2; i++) {
		struct report *r = corpus_read_text(&c, i);
		assert_non_null(r);
		assert_string_equal(r->text, i ? "短\n" : REPORT);
		report_free(r);
		assert_true(corpus_unchanged(&c, i));
	}
	char *p = at(rel);
	assert_int_equal(unlink(p), 0);
	assert_false(corpus_unchanged(&c, 0));
	assert_true(corpus_failed(&c, 0));
	assert_null(corpus_read_text(&c, 0));
	corpus_fini(&c);
	free(p);
}

/* Files whose size stat does not tell: /proc states 0 for a file that has text. */
static void test_size_unknown(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	if (access("/proc/version", R_OK) != 0) {
		print_message("  no /proc/version; not tested\n");
		return;
	}
	assert_int_equal(corpus_add_path(&c, "/proc/version"), 0);
	assert_int_equal(c.n, 1);
	assert_true(strncmp(c.reports[0]->text, "Linux version ", 14) == 0);
	assert_true(c.reports[0]->len > 14);
	corpus_fini(&c);
}

enum { RACE_BYTES = 2 << 20, RACE_LOADS = 40 };

/* Child: cuts path to nothing and writes it anew, over and over, until killed. */
static pid_t start_rewriter(const char *path, const char *body, size_t n)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid > 0)
		return pid;
	int fd = open(path, O_WRONLY);
	for (;;) {
		if (ftruncate(fd, 0) != 0 || pwrite(fd, body, n, 0) < 0)
			_exit(1);
	}
}

/* Text made of whole 法 and at most one U+FFFD at the end (a character cut in two). */
static int is_fa_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i + 3 <= n && memcmp(s + i, "法", 3) == 0)
		i += 3;
	return i == n || (i + 3 == n && memcmp(s + i, "\xef\xbf\xbd", 3) == 0);
}

/* A file cut short and rewritten by another program while it is loaded: every load gives a
 * report of what was there or a message, and the loader is never killed (a mapped file
 * raises SIGBUS when cut under it). The loads run in a child, so a signal fails the test. */
static void test_truncated_while_loading(void **state)
{
	(void)state;
	char *body = malloc(RACE_BYTES);
	for (size_t i = 0; i + 3 <= RACE_BYTES; i += 3)
		memcpy(body + i, "法", 3);
	size_t n = RACE_BYTES - RACE_BYTES % 3;
	put_file("moving.txt", body, n);
	char *p = at("moving.txt");
	pid_t writer = start_rewriter(p, body, n);
	pid_t loader = fork();
	assert_true(loader >= 0);
	if (loader == 0) {
		/* cmocka catches these to fail a test; here they must end the child. */
		static const int fatal[] = { SIGBUS, SIGSEGV, SIGILL, SIGFPE, SIGABRT };
		for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
			signal(fatal[i], SIG_DFL);
		struct corpus c;
		corpus_init(&c);
		for (int i = 0; i < RACE_LOADS; i++)
			corpus_add_path(&c, p);
		int ok = c.n + corpus_failures(&c) == RACE_LOADS;
		for (size_t i = 0; i < c.n; i++)
			ok = ok && is_fa_prefix(c.reports[i]->text, c.reports[i]->len);
		for (size_t i = 0; i < c.nmsgs; i++)
			ok = ok && (strcmp(c.msgs[i].reason, "empty file") == 0 ||
			            strcmp(c.msgs[i].reason, "1 invalid byte sequence replaced by U+FFFD") == 0);
		corpus_fini(&c);
		_exit(ok ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(loader, &status, 0), loader);
	kill(writer, SIGKILL);
	waitpid(writer, NULL, 0);
	if (WIFSIGNALED(status))
		fail_msg("the loader was killed by signal %d", WTERMSIG(status));
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	free(p);
	free(body);
}

/* Messages that say a file vanished (No such file or directory) among c's. */
static size_t vanished(const struct corpus *c)
{
	size_t n = 0;
	for (size_t i = 0; i < c->nmsgs; i++)
		n += strcmp(c->msgs[i].reason, "No such file or directory") == 0;
	return n;
}

/* Reports appear and vanish while their directory is read: one that vanished between the
 * listing and the reading gets "No such file or directory", the rest load whole. The
 * directory is read until both have happened (or 10 s have passed, which fails). */
/* Checking many files at once answers as checking each alone: across the threads that share
 * the stats, a file grown, one touched, one removed and one replaced by a directory are found
 * changed, each with its message, and the others unchanged. */
static void test_unchanged_many(void **state)
{
	(void)state;
	enum { FILES = 1100 };
	char name[64];
	put_dir("m");
	for (int k = 0; k < FILES; k++) {
		snprintf(name, sizeof name, "m/%04d.txt", k);
		PUT(name, REPORT);
	}
	char *dir = at("m");
	struct corpus c;
	corpus_init(&c);
	c.lazy = 1;
	assert_int_equal(corpus_add_path(&c, dir), 0);
	assert_int_equal(c.n, FILES);
	const int changed[] = { 3, 400, 777, 1099 };
	snprintf(name, sizeof name, "m/%04d.txt", changed[0]);
	PUT(name, REPORT "（补充）\n");
	snprintf(name, sizeof name, "%s/%04d.txt", dir, changed[1]);
	struct timespec ts[2] = { { 1600000000, 0 }, { 1600000000, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, name, ts, 0), 0);
	snprintf(name, sizeof name, "%s/%04d.txt", dir, changed[2]);
	assert_int_equal(unlink(name), 0);
	assert_int_equal(mkdir(name, 0755), 0);
	snprintf(name, sizeof name, "%s/%04d.txt", dir, changed[3]);
	assert_int_equal(unlink(name), 0);

	size_t which[FILES];
	unsigned char same[FILES];
	for (int k = 0; k < FILES; k++)
		which[k] = (size_t)(FILES - 1 - k);   /* any order */
	corpus_unchanged_many(&c, which, FILES, same);
	size_t nchanged = 0;
	for (int k = 0; k < FILES; k++) {
		int want = 1;
		for (size_t j = 0; j < sizeof changed / sizeof *changed; j++)
			want &= which[k] != (size_t)changed[j];
		assert_int_equal(same[k], want);
		assert_int_equal(corpus_failed(&c, which[k]), !want);
		assert_int_equal(corpus_unchanged(&c, which[k]), want);   /* the same answer alone */
		nchanged += !want;
	}
	assert_int_equal(nchanged, 4);
	assert_int_equal(c.nmsgs, 4);
	for (size_t m = 0; m < c.nmsgs; m++)
		assert_int_equal(c.msgs[m].entry, (long)changed[m]);   /* in walk order, as always */
	/* A few entries, some asked twice: an answer for each asking, no message said again. */
	const size_t few[] = { 5, 400, 5, 1099, 3, 1098, 400 };
	const unsigned char few_same[] = { 1, 0, 1, 0, 0, 1, 0 };
	unsigned char got[sizeof few / sizeof *few];
	corpus_unchanged_many(&c, few, sizeof few / sizeof *few, got);
	assert_memory_equal(got, few_same, sizeof got);
	assert_int_equal(c.nmsgs, 4);
	corpus_fini(&c);
	free(dir);
}

static void test_vanishing_files(void **state)
{
	(void)state;
	enum { NAMES = 40 };
	PUT("master", REPORT);
	put_dir("d");
	char *master = at("master");
	pid_t churn = fork();
	assert_true(churn >= 0);
	if (churn == 0) {
		/* About half the names are there at any moment, each for a short while. */
		char name[128];
		for (unsigned k = 0;; k++) {
			snprintf(name, sizeof name, "%s/d/f%02u.txt", tmp, k % NAMES);
			if (link(master, name) != 0)
				_exit(1);
			snprintf(name, sizeof name, "%s/d/f%02u.txt", tmp, (k + NAMES / 2) % NAMES);
			unlink(name);
		}
	}
	char *d = at("d");
	struct corpus c;
	corpus_init(&c);
	time_t t0 = time(NULL);
	while ((c.n == 0 || vanished(&c) == 0) && time(NULL) - t0 < 10)
		corpus_add_path(&c, d);
	kill(churn, SIGKILL);
	int status;
	waitpid(churn, &status, 0);
	assert_true(WIFSIGNALED(status));   /* it was still churning, not failed */
	assert_true(c.n > 0);
	assert_true(vanished(&c) > 0);
	for (size_t i = 0; i < c.n; i++)
		assert_string_equal(c.reports[i]->text, REPORT);
	for (size_t i = 0; i < c.nmsgs; i++) {
		assert_int_equal(c.msgs[i].skipped, 1);
		if (strcmp(c.msgs[i].path, d) == 0) {
			assert_string_equal(c.msgs[i].reason, "no reports found (*.txt *.html *.pdf *.docx)");
		} else {
			assert_int_equal(strncmp(c.msgs[i].path, d, strlen(d)), 0);
			assert_string_equal(c.msgs[i].reason, "No such file or directory");
		}
	}
	corpus_fini(&c);
	free(d);
	free(master);
}

static void test_add_bytes(void **state)
{
	(void)state;
	struct corpus c;
	corpus_init(&c);
	assert_int_equal(corpus_add_bytes(&c, "mem:a", REPORT, strlen(REPORT)), 0);
	assert_int_equal(corpus_add_bytes(&c, "mem:b", "", 0), -1);
	assert_int_equal(corpus_add_bytes(&c, "mem:c", "x\0y", 3), -1);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.reports[0]->path, "mem:a");
	assert_string_equal(c.reports[0]->text, REPORT);
	assert_int_equal(c.nmsgs, 2);
	assert_string_equal(c.msgs[0].path, "mem:b");
	assert_string_equal(c.msgs[0].reason, "empty file");
	assert_string_equal(c.msgs[1].path, "mem:c");
	assert_string_equal(c.msgs[1].reason, "binary file (not text)");
	corpus_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_embedded),
		cmocka_unit_test(test_fixture_directory),
		cmocka_unit_test_setup_teardown(test_directory_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_symlink_loop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_files_in_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory_without_reports, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pipes_and_devices, setup, teardown),
		cmocka_unit_test_setup_teardown(test_never_written, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_tiny_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_10mb_single_line, setup, teardown),
		cmocka_unit_test(test_size_unknown),
		cmocka_unit_test_setup_teardown(test_read_text_as_loaded, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_text_as_forms, setup, teardown),
		cmocka_unit_test_setup_teardown(test_long_paths, setup, teardown),
		cmocka_unit_test_setup_teardown(test_truncated_while_loading, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vanishing_files, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unchanged_many, setup, teardown),
		cmocka_unit_test(test_add_bytes),
	};
	return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
