/* buf.h — growable byte buffer and string builder. */
#ifndef FAZHI_BUF_H
#define FAZHI_BUF_H

#include <stddef.h>

/* The bytes are always NUL-terminated once anything was added, so data can be used
 * as a C string. A zeroed struct is a valid empty buffer. The buffer owns data. */
struct buf {
	char *data;  /* the bytes; NULL until the first add */
	size_t len;  /* bytes in use, not counting the terminating NUL */
	size_t cap;  /* bytes allocated */
};

void buf_init(struct buf *b);
void buf_fini(struct buf *b);           /* frees data; the buf is empty again */
void buf_reset(struct buf *b);          /* len = 0, keeps the allocation for reuse */
void buf_add(struct buf *b, const void *p, size_t n);
void buf_addc(struct buf *b, char c);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s[0..n) as a JSON string literal, quotes included; bytes must be UTF-8. */
void buf_add_json(struct buf *b, const char *s, size_t n);
/* Appends s[0..n) as one CSV field (RFC 4180): quoted, with quotes doubled, when it holds a
 * comma, a quote or a line break; else as it is. */
void buf_add_csv(struct buf *b, const char *s, size_t n);
/* Appends v in decimal, as "%lld" does, without a formatting pass. */
void buf_add_int(struct buf *b, long long v);
/* Hands the string over to the caller (never NULL) and leaves the buf empty. */
char *buf_take(struct buf *b);

#endif
