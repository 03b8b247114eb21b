/* table.h — the data tables behind classification and facts: a user's file named by an environment variable, else the compiled-in asset. */
#ifndef FAZHI_TABLE_H
#define FAZHI_TABLE_H

#include <stddef.h>
#include <stdint.h>

/* Turns a table's text into a model; returns NULL with *cause set (caller frees) when malformed. */
typedef void *table_parse_fn(const char *text, size_t len, char **cause);

/* Reads the file named by the environment variable `env` when it is set and not empty, else the
 * asset `asset` (a name in assets[]), and hands the text to `parse`. Returns the model, or NULL
 * with *cause set ("PATH: reason"; caller frees; cause may be NULL) when the file cannot be read
 * or `parse` refuses it. */
void *table_load(const char *env, const char *asset, table_parse_fn *parse, char **cause);

/* Appends the text table_load would parse to *b: the file named by `env`, else the asset. *path
 * gets the file's name (borrowed from the environment), NULL for the asset. Returns 0, or -1
 * with *cause set (caller frees). The index cache keys on this text, so a changed table rebuilds. */
struct buf;
int table_text(const char *env, const char *asset, struct buf *b, const char **path, char **cause);

/* checksum64(seed, ...) of the text table_text gives (an unreadable file's: of nothing), the
 * compiled-in asset's read where it lies, not copied: every query keys its index on the tables. */
uint64_t table_checksum(const char *env, const char *asset, uint64_t seed);

/* Appends the whole file at `path` to *b. Returns 0, or -1 with *cause set (caller frees). */
int table_read_file(const char *path, struct buf *b, char **cause);

#endif
