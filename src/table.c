/* table.c — the data tables behind classification and facts: a user's file named by an environment variable, else the compiled-in asset. */
#include "table.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "buf.h"
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

void *table_load(const char *env, const char *asset, table_parse_fn *parse, char **cause)
{
	const char *path = getenv(env);
	char *why = NULL;
	void *model = NULL;
	if (path && *path) {
		struct buf b = { 0 };
		if (table_read_file(path, &b, &why) == 0) {
			char *inner = NULL;
			model = parse(b.data ? b.data : "", b.len, &inner);
			if (!model)
				why = xasprintf("%s: %s", path, inner ? inner : "malformed");
			free(inner);
		}
		buf_fini(&b);
	} else {
		const struct asset *a = assets_find(asset);
		if (a)
			model = parse((const char *)a->data, a->size, &why);
		else
			why = xasprintf("%s is not compiled in", asset);
	}
	if (!model && cause)
		*cause = why;
	else
		free(why);
	return model;
}
