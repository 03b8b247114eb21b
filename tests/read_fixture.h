/* read_fixture.h — test helper: a fixture file's bytes, read whole; the test fails when it cannot be opened. */
#ifndef FAZHI_TEST_READ_FIXTURE_H
#define FAZHI_TEST_READ_FIXTURE_H

#include <stdio.h>

#include "buf.h"

/* The bytes of path (caller frees), NUL-terminated, their count in *n. Include after cmocka.h. */
static char *read_fixture(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s (tests run from the repository root)", path);
	struct buf b = { 0 };
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	*n = b.len;
	return buf_take(&b);
}

#endif
