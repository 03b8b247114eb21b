/* xmalloc.h — allocation that cannot fail: on out-of-memory run the exit hook, print, exit. */
#ifndef FAZHI_XMALLOC_H
#define FAZHI_XMALLOC_H

#include <stddef.h>

/* Each returns memory the caller owns and frees with free(); none returns NULL. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* size zeroed bytes of which only the pages touched cost anything (calloc clears a table below
 * its mmap threshold, every page of it): for flags looked up here and there. Freed with
 * free_sparse and the same size. */
void *xcalloc_sparse(size_t size);
void free_sparse(void *p, size_t size);
/* Grows an array to hold at least `need` elements of `size` bytes; *cap is updated. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The front end registers one hook (restore the terminal) to run before an OOM exit. */
void xmalloc_set_exit_hook(void (*hook)(void));

#endif
