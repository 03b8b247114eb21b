/* test_39_fileio.c — the chunked writer: the file holds the bytes given, in any pieces, with jumps; it writes whole aligned chunks; a failed write is reported and ends the writing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "fileio.h"

/* Every pwrite of the program is recorded here, then made by the system call: the test sees the
 * offsets and lengths the writer chose. */
#define CALLS 256
static struct { uint64_t at, n; } calls[CALLS];
static size_t ncalls;

ssize_t pwrite(int fd, const void *p, size_t n, off_t at)
{
	if (ncalls < CALLS)
		calls[ncalls].at = (uint64_t)at, calls[ncalls].n = n;
	ncalls++;
	return syscall(SYS_pwrite64, fd, p, n, at);
}

static int temp_file(char *path)
{
	strcpy(path, "/tmp/fazhi-test-fileio-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	return fd;
}

static unsigned char *pattern(size_t n, unsigned seed)
{
	unsigned char *p = malloc(n);
	assert_non_null(p);
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)((i * 2654435761u + seed) >> 13);
	return p;
}

/* Whether the file holds want[0..n) from offset at. */
static int holds(int fd, const unsigned char *want, size_t n, uint64_t at)
{
	unsigned char *got = malloc(n ? n : 1);
	int same = got && fileio_read_at(fd, got, n, at) == 0 && memcmp(got, want, n) == 0;
	free(got);
	return same;
}

/* Each write starts where the last ended, and each but the first ends on a chunk's bound but
 * the last (the end of the bytes). */
static void assert_chunked(size_t chunk, uint64_t from, uint64_t to)
{
	assert_true(ncalls > 0 && ncalls <= CALLS);
	uint64_t at = from;
	for (size_t k = 0; k < ncalls; k++) {
		assert_true(calls[k].at == at);
		at += calls[k].n;
		assert_true(at % chunk == 0 || (k + 1 == ncalls && at == to));
		if (k > 0)
			assert_true(calls[k].at % chunk == 0);
	}
	assert_true(at == to);
}

static void write_in_pieces(size_t chunk, uint64_t from, const size_t *pieces, size_t npieces)
{
	size_t total = 0;
	for (size_t k = 0; k < npieces; k++)
		total += pieces[k];
	unsigned char *bytes = pattern(total, (unsigned)from);
	char path[64];
	int fd = temp_file(path);
	struct fileio_chunks w;
	fileio_chunks_start(&w, fd, chunk);
	ncalls = 0;
	size_t at = 0;
	for (size_t k = 0; k < npieces; k++) {
		assert_int_equal(fileio_chunks_write(&w, bytes + at, pieces[k], from + at), 0);
		at += pieces[k];
	}
	assert_int_equal(fileio_chunks_finish(&w), 0);
	assert_true(holds(fd, bytes, total, from));
	assert_chunked(chunk, from, from + total);
	close(fd);
	unlink(path);
	free(bytes);
}

/* Pieces of every size for a writer of chunk M bytes, from aligned and unaligned offsets. */
static void pieces_of(size_t M)
{
	static const size_t small[] = { 1, 7, 4096, 100000, 3, 65536 };
	const size_t mixed[] = { 10, M - 10, 1, M, 3 * M + 5, 17, M / 2, M / 2 + 1, 2 * M };
	const size_t whole[] = { M, M, M };
	const size_t one[] = { 5 * M + 123 };
	write_in_pieces(M, 0, small, sizeof small / sizeof *small);
	write_in_pieces(M, 0, mixed, sizeof mixed / sizeof *mixed);
	write_in_pieces(M, 100, mixed, sizeof mixed / sizeof *mixed);   /* unaligned: the first is short */
	write_in_pieces(M, M - 1, mixed, sizeof mixed / sizeof *mixed);
	write_in_pieces(M, 0, whole, 3);
	write_in_pieces(M, 3 * M + 8, one, 1);
}

static void test_pieces(void **state)
{
	(void)state;
	pieces_of(FILEIO_CHUNK);
	pieces_of(FILEIO_CHUNK_SMALL);
}

/* A write that does not continue the last: what was held goes out first, at its own place. */
static void test_jump(void **state)
{
	(void)state;
	unsigned char *a = pattern(1000, 1), *b = pattern(5000, 2);
	char path[64];
	int fd = temp_file(path);
	struct fileio_chunks w;
	fileio_chunks_start(&w, fd, FILEIO_CHUNK);
	ncalls = 0;
	assert_int_equal(fileio_chunks_write(&w, a, 1000, 0), 0);
	assert_int_equal(ncalls, 0);   /* held */
	assert_int_equal(fileio_chunks_write(&w, b, 5000, 3 * FILEIO_CHUNK + 10), 0);
	assert_int_equal(ncalls, 1);
	assert_true(calls[0].at == 0 && calls[0].n == 1000);
	assert_int_equal(fileio_chunks_write(&w, a, 0, 3 * FILEIO_CHUNK + 5010), 0);   /* nothing: no jump */
	assert_int_equal(fileio_chunks_finish(&w), 0);
	assert_int_equal(ncalls, 2);
	assert_true(holds(fd, a, 1000, 0) && holds(fd, b, 5000, 3 * FILEIO_CHUNK + 10));
	unsigned char zeros[64] = { 0 };
	assert_true(holds(fd, zeros, sizeof zeros, FILEIO_CHUNK));   /* the hole between */
	close(fd);
	unlink(path);
	free(a);
	free(b);
}

/* A write that fails is reported, by the call that makes it or by finish, and nothing after it
 * is written. */
static void test_failure(void **state)
{
	(void)state;
	char path[64];
	close(temp_file(path));
	int fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	unsigned char *p = pattern(FILEIO_CHUNK + 10, 3);
	struct fileio_chunks w;
	fileio_chunks_start(&w, fd, FILEIO_CHUNK);
	assert_int_equal(fileio_chunks_write(&w, p, 10, 0), 0);   /* held: no write yet */
	errno = 0;
	assert_int_equal(fileio_chunks_write(&w, p, FILEIO_CHUNK, 10), -1);
	assert_int_equal(errno, EBADF);
	ncalls = 0;
	assert_int_equal(fileio_chunks_write(&w, p, 10, FILEIO_CHUNK + 10), -1);
	assert_int_equal(ncalls, 0);
	errno = 0;
	assert_int_equal(fileio_chunks_finish(&w), -1);
	assert_int_equal(errno, EBADF);
	assert_int_equal(ncalls, 0);
	fileio_chunks_start(&w, fd, FILEIO_CHUNK);   /* a failure at finish alone */
	assert_int_equal(fileio_chunks_write(&w, p, 10, 0), 0);
	assert_int_equal(fileio_chunks_finish(&w), -1);
	close(fd);
	unlink(path);
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pieces),
		cmocka_unit_test(test_jump),
		cmocka_unit_test(test_failure),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
