/* extract_cache.h — text extracted from web pages, PDF and Word files, kept in the cache directory so each file is converted once. */
#ifndef FAZHI_EXTRACT_CACHE_H
#define FAZHI_EXTRACT_CACHE_H

#include <stddef.h>
#include <stdint.h>

/* Entries are keyed by the file's content, not its name: the checksum of its bytes and its
 * kind, with the converters' version. A file moved or copied keeps its entry; a file changed
 * in any byte gets a new one, so an entry is never stale. Each lives in DIR/text/KEY.txt
 * (DIR is the cache directory, index_cache_dir()), and holds a small head (magic, key, length,
 * checksum of the text) before the text; an entry whose head does not match is ignored and
 * removed. An entry is as large as the text it holds (about a tenth of a PDF's size). Its
 * mtime is set when it is used, so entries unused for a long time can be pruned. */

/* Bump when a converter's output changes, so that old entries are no longer used. */
#define EXTRACT_CACHE_VERSION 19

/* The key of a file of this kind (enum extract_kind) and bytes. */
uint64_t extract_cache_key(int kind, const char *bytes, size_t n);

/* The cached text for key in dir: 0 with *text (a NUL-terminated heap string, caller frees)
 * and *len, or -1 when there is none or it is damaged. */
int extract_cache_get(const char *dir, uint64_t key, char **text, size_t *len);

/* Keeps text[0..len) for key in dir, creating the directories. Returns 0, or -1 when it could
 * not be written (the cache is an optimisation: a caller goes on without it). */
int extract_cache_put(const char *dir, uint64_t key, const char *text, size_t len);

/* The entry's file name (caller frees), for tests and pruning. */
char *extract_cache_path(const char *dir, uint64_t key);

#endif
