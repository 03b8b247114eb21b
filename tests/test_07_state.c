/* test_07_state.c — reading positions: round trip, merge with other instances, atomic writes, where the file lives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state.h"

static char tmpdir[64];

static int setup(void **ctx)
{
	(void)ctx;
	strcpy(tmpdir, "/tmp/fazhi-state-XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	setenv("XDG_STATE_HOME", tmpdir, 1);
	return 0;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			remove_tree(path);
		else
			unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int teardown(void **ctx)
{
	(void)ctx;
	remove_tree(tmpdir);
	return 0;
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	static char data[65536];
	size_t n = fread(data, 1, sizeof data - 1, f);
	data[n] = '\0';
	fclose(f);
	return data;
}

static void write_file(const char *text)
{
	char path[256];
	snprintf(path, sizeof path, "%s/fazhi", tmpdir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/fazhi/positions", tmpdir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The content of a file of the state directory, or NULL when it is not there. */
static const char *state_text(const char *name)
{
	char path[256];
	snprintf(path, sizeof path, "%s/fazhi/%s", tmpdir, name);
	return slurp(path);
}

static const char *positions_text(void)
{
	return state_text("positions");
}

static void test_file_under_xdg_state_home(void **ctx)
{
	(void)ctx;
	char *cause = NULL;
	char *file = state_file(&cause);
	char want[256];
	snprintf(want, sizeof want, "%s/fazhi/positions", tmpdir);
	assert_string_equal(file, want);
	free(file);
}

static void test_file_defaults_to_home(void **ctx)
{
	(void)ctx;
	char *saved_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	setenv("HOME", "/home/lin", 1);
	unsetenv("XDG_STATE_HOME");
	char *cause = NULL;
	char *file = state_file(&cause);
	assert_string_equal(file, "/home/lin/.local/state/fazhi/positions");
	free(file);
	/* A relative XDG_STATE_HOME is not a valid base directory and is ignored. */
	setenv("XDG_STATE_HOME", "state", 1);
	file = state_file(&cause);
	assert_string_equal(file, "/home/lin/.local/state/fazhi/positions");
	free(file);
	unsetenv("HOME");
	unsetenv("XDG_STATE_HOME");
	file = state_file(&cause);
	assert_null(file);
	assert_non_null(cause);
	free(cause);
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_home);
	setenv("XDG_STATE_HOME", tmpdir, 1);
}

static void test_missing_file_is_empty(void **ctx)
{
	(void)ctx;
	struct state *s = state_load();
	size_t off = 7;
	assert_int_equal(state_get(s, "embedded:reports/putuo-2021.txt", &off), 0);
	assert_int_equal(off, 7);
	/* Nothing set: saving writes nothing, not even the directory. */
	char *cause = NULL;
	assert_int_equal(state_save(s, &cause), 0);
	assert_null(positions_text());
	state_free(s);
}

static void test_round_trip(void **ctx)
{
	(void)ctx;
	struct state *s = state_load();
	state_set(s, "embedded:reports/putuo-2021.txt", 4512);
	state_set(s, "/srv/报告/静安区 2019.txt", 0);
	state_set(s, "embedded:reports/putuo-2021.txt", 9021);
	char *cause = NULL;
	assert_int_equal(state_save(s, &cause), 0);
	state_free(s);

	assert_string_equal(positions_text(),
		"0\t/srv/报告/静安区 2019.txt\n"
		"9021\tembedded:reports/putuo-2021.txt\n");

	s = state_load();
	size_t off = 1;
	assert_int_equal(state_get(s, "embedded:reports/putuo-2021.txt", &off), 1);
	assert_int_equal(off, 9021);
	assert_int_equal(state_get(s, "/srv/报告/静安区 2019.txt", &off), 1);
	assert_int_equal(off, 0);
	assert_int_equal(state_get(s, "/srv/报告/静安区", &off), 0);
	state_free(s);
}

static void test_directory_created_private(void **ctx)
{
	(void)ctx;
	char base[256];
	snprintf(base, sizeof base, "%s/a/b", tmpdir);
	setenv("XDG_STATE_HOME", base, 1);
	struct state *s = state_load();
	state_set(s, "x.txt", 12);
	char *cause = NULL;
	assert_int_equal(state_save(s, &cause), 0);
	state_free(s);
	char dir[300];
	snprintf(dir, sizeof dir, "%s/fazhi", base);
	struct stat st;
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	/* Only the positions file is left: the temporary file was renamed over it. */
	DIR *d = opendir(dir);
	int files = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (e->d_name[0] != '.' || (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")))
			files++;
	closedir(d);
	assert_int_equal(files, 1);
	setenv("XDG_STATE_HOME", tmpdir, 1);
}

static void test_bad_lines_ignored(void **ctx)
{
	(void)ctx;
	write_file("12\ta.txt\n"
	           "x1\tb.txt\n"
	           "\tc.txt\n"
	           "99999999999999999999999\td.txt\n"
	           "34 e.txt\n"
	           "56\tf.txt");   /* no final newline: still read */
	struct state *s = state_load();
	size_t off;
	assert_int_equal(state_get(s, "a.txt", &off), 1);
	assert_int_equal(off, 12);
	assert_int_equal(state_get(s, "b.txt", &off), 0);
	assert_int_equal(state_get(s, "c.txt", &off), 0);
	assert_int_equal(state_get(s, "d.txt", &off), 0);
	assert_int_equal(state_get(s, "e.txt", &off), 0);
	assert_int_equal(state_get(s, "f.txt", &off), 1);
	assert_int_equal(off, 56);
	state_free(s);
}

static void test_newline_in_key_not_stored(void **ctx)
{
	(void)ctx;
	struct state *s = state_load();
	state_set(s, "evil\n0\tputuo.txt", 5);
	state_set(s, "", 5);
	size_t off;
	assert_int_equal(state_get(s, "evil\n0\tputuo.txt", &off), 0);
	char *cause = NULL;
	assert_int_equal(state_save(s, &cause), 0);
	assert_null(positions_text());
	state_free(s);
}

static void test_keeps_what_another_instance_saved(void **ctx)
{
	(void)ctx;
	struct state *a = state_load();
	struct state *b = state_load();
	state_set(a, "a.txt", 100);
	state_set(b, "b.txt", 200);
	char *cause = NULL;
	assert_int_equal(state_save(a, &cause), 0);
	assert_int_equal(state_save(b, &cause), 0);
	assert_string_equal(positions_text(), "100\ta.txt\n200\tb.txt\n");
	/* a saves again without having changed anything: b's position survives. */
	assert_int_equal(state_save(a, &cause), 0);
	assert_string_equal(positions_text(), "100\ta.txt\n200\tb.txt\n");
	state_free(a);
	state_free(b);
}

static void test_oldest_dropped_beyond_limit(void **ctx)
{
	(void)ctx;
	struct state *s = state_load();
	char key[32];
	for (int i = 0; i < STATE_MAX_ENTRIES + 5; i++) {
		snprintf(key, sizeof key, "r%d.txt", i);
		state_set(s, key, (size_t)i);
	}
	char *cause = NULL;
	assert_int_equal(state_save(s, &cause), 0);
	state_free(s);
	s = state_load();
	size_t off;
	assert_int_equal(state_get(s, "r4.txt", &off), 0);
	assert_int_equal(state_get(s, "r5.txt", &off), 1);
	assert_int_equal(off, 5);
	snprintf(key, sizeof key, "r%d.txt", STATE_MAX_ENTRIES + 4);
	assert_int_equal(state_get(s, key, &off), 1);
	assert_int_equal(off, STATE_MAX_ENTRIES + 4);
	state_free(s);
}

static void test_unwritable_directory_fails_cleanly(void **ctx)
{
	(void)ctx;
	if (geteuid() == 0)
		skip();   /* root writes anywhere */
	char ro[256];
	snprintf(ro, sizeof ro, "%s/ro", tmpdir);
	mkdir(ro, 0500);
	setenv("XDG_STATE_HOME", ro, 1);
	struct state *s = state_load();
	state_set(s, "a.txt", 1);
	char *cause = NULL;
	assert_int_equal(state_save(s, &cause), -1);
	assert_non_null(cause);
	free(cause);
	state_free(s);
	chmod(ro, 0700);
	setenv("XDG_STATE_HOME", tmpdir, 1);
}

static void test_file_in_the_way_fails_cleanly(void **ctx)
{
	(void)ctx;
	char plain[256];
	snprintf(plain, sizeof plain, "%s/fazhi", tmpdir);
	FILE *f = fopen(plain, "w");   /* a file where the directory should be */
	fclose(f);
	struct state *s = state_load();
	state_set(s, "a.txt", 1);
	char *cause = NULL;
	assert_int_equal(state_save(s, &cause), -1);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "fazhi"));
	free(cause);
	state_free(s);
}

/* ---- the search history ---- */

static void test_searches_round_trip(void **ctx)
{
	(void)ctx;
	struct state *s = state_load();
	assert_int_equal(state_searches(s), 0);
	state_search_add(s, "行政复议", strlen("行政复议"));
	state_search_add(s, "region:普陀 执法", strlen("region:普陀 执法"));
	state_search_add(s, "行政复议", strlen("行政复议"));   /* again: becomes the newest */
	char *cause = NULL;
	assert_int_equal(state_save_searches(s, &cause), 0);
	state_free(s);
	assert_string_equal(state_text("searches"), "region:普陀 执法\n行政复议\n");
	s = state_load();
	assert_int_equal(state_searches(s), 2);
	assert_string_equal(state_search(s, 0), "region:普陀 执法");
	assert_string_equal(state_search(s, 1), "行政复议");
	assert_null(state_search(s, 2));
	state_free(s);
}

static void test_searches_refused(void **ctx)
{
	(void)ctx;
	struct state *s = state_load();
	char big[STATE_MAX_SEARCH + 2];
	memset(big, 'a', sizeof big);
	state_search_add(s, "", 0);
	state_search_add(s, "a\nb", 3);
	state_search_add(s, big, sizeof big);
	assert_int_equal(state_searches(s), 0);
	char *cause = NULL;
	assert_int_equal(state_save_searches(s, &cause), 0);   /* nothing added: nothing written */
	assert_null(state_text("searches"));
	state_free(s);
}

static void test_searches_bad_lines_and_limit(void **ctx)
{
	(void)ctx;
	char path[256];
	snprintf(path, sizeof path, "%s/fazhi", tmpdir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/fazhi/searches", tmpdir);
	FILE *f = fopen(path, "w");
	fputs("good\n\xff\xfe broken\n", f);
	for (int i = 0; i < STATE_MAX_SEARCHES; i++)
		fprintf(f, "q%d\n", i);
	fclose(f);
	struct state *s = state_load();
	assert_int_equal(state_searches(s), STATE_MAX_SEARCHES);   /* "good" dropped as the oldest */
	assert_string_equal(state_search(s, 0), "q0");
	assert_string_equal(state_search(s, STATE_MAX_SEARCHES - 1), "q99");
	state_free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_under_xdg_state_home, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_defaults_to_home, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file_is_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory_created_private, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_lines_ignored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newline_in_key_not_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keeps_what_another_instance_saved, setup, teardown),
		cmocka_unit_test_setup_teardown(test_oldest_dropped_beyond_limit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_directory_fails_cleanly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_in_the_way_fails_cleanly, setup, teardown),
		cmocka_unit_test_setup_teardown(test_searches_round_trip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_searches_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_searches_bad_lines_and_limit, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
