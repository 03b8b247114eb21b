/* table.c — the data tables behind classification and facts: a user's file named by an environment variable, else the compiled-in asset. */
#include "table.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "buf.h"
#include "checksum.h"
#include "xmalloc.h"

int table_read_file(const char *path, struct buf *b, char **cause)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(b, chunk, got);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		*cause = xasprintf("%s: read error", path);
		return -1;
	}
	return 0;
}

/* The file the environment variable env names, NULL when it is unset or empty (the asset then). */
static const char *user_file(const char *env)
{
	const char *file = getenv(env);
	return file && *file ? file : NULL;
}

int table_text(const char *env, const char *asset, struct buf *b, const char **path, char **cause)
{
	*path = user_file(env);
	if (*path)
		return table_read_file(*path, b, cause);
	const struct asset *a = assets_find(asset);
	if (!a) {
		*cause = xasprintf("%s is not compiled in", asset);
		return -1;
	}
	buf_add(b, a->data, a->size);
	return 0;
}

uint64_t table_checksum(const char *env, const char *asset, uint64_t seed)
{
	const struct asset *a = user_file(env) ? NULL : assets_find(asset);
	if (a)
		return checksum64(seed, a->data, a->size);
	struct buf b = { 0 };
	const char *path;
	char *cause = NULL;
	table_text(env, asset, &b, &path, &cause);
	free(cause);
	uint64_t sum = checksum64(seed, (const unsigned char *)(b.data ? b.data : ""), b.len);
	buf_fini(&b);
	return sum;
}

void *table_load(const char *env, const char *asset, table_parse_fn *parse, char **cause)
{
	struct buf b = { 0 };
	const char *path;
	char *why = NULL, *inner = NULL;
	void *model = NULL;
	if (table_text(env, asset, &b, &path, &why) == 0) {
		model = parse(b.data ? b.data : "", b.len, path ? &inner : &why);
		if (!model && path)
			why = xasprintf("%s: %s", path, inner ? inner : "malformed");
		free(inner);
	}
	buf_fini(&b);
	if (!model && cause)
		*cause = why;
	else
		free(why);
	return model;
}
