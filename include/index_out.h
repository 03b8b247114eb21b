/* index_out.h — writes an index blob in order: a key's postings laid out as index_blob.h says, the bytes to memory or to a file a block at a time, checksummed on the way. */
#ifndef FAZHI_INDEX_OUT_H
#define FAZHI_INDEX_OUT_H

#include <stddef.h>
#include <stdint.h>

#include "checksum.h"
#include "fileio.h"
#include "index_blob.h"

struct flusher;

/* Where the blob goes: into memory (mem, the whole blob), or to a file through a staging
 * buffer that is written out a block at a time, so the file is made without a second copy of
 * the postings in memory. The blob's checksum (index_blob_seal) is then kept on the way. */
struct out {
	unsigned char *mem;
	int fd;
	unsigned char *buf;
	size_t fill, cap, block;
	uint64_t at;           /* blob offset of buf[0] (or of the next byte, in memory) */
	uint64_t post_off, post_end;
	void (*block_fn)(void *arg, uint64_t n, const unsigned char *p, size_t len);
	void *arg;
	struct checksum sum;   /* of the bytes after the head, as index_blob_seal's */
	int failed;
	struct fileio_chunks file;   /* the file, written in huge-page chunks */
	struct flusher *flusher;   /* NULL: written on the caller's thread */
	unsigned char *spare;
	size_t spare_cap;
};

/* A blob to fd from offset 0, written in pieces of chunk bytes (fileio_chunks): the staged bytes
 * are checksummed and written by a second thread while the next are laid out, and each
 * block-byte piece of the postings region (the last one shorter) is shown to block_fn(arg, its
 * number, bytes, length), in order. */
void out_start_file(struct out *o, int fd, size_t chunk, size_t block,
                    void (*block_fn)(void *arg, uint64_t n, const unsigned char *p, size_t len), void *arg);
/* Says where the postings lie, [post_off, post_end) of the blob: they go out in whole blocks. */
void out_postings_at(struct out *o, uint64_t post_off, uint64_t post_end);
/* Room for n bytes at the end of the blob so far; out_commit says how many were used. */
unsigned char *out_room(struct out *o, size_t n);
void out_commit(struct out *o, size_t n);
void out_put(struct out *o, const void *p, size_t n);
void out_pad(struct out *o, uint64_t to);   /* zeros up to blob offset to */
/* Ends a blob begun by out_start_file: the rest written out, then head h with its checksum
 * (index_blob_seal's, kept on the way) at offset 0. Returns h->size, or 0 with *cause (caller
 * frees) when a write failed. Frees what o holds. */
uint64_t out_finish_file(struct out *o, struct head *h, char **cause);

/* Places the tables of a blob from the sizes h holds (ndocs, nkeys, nwords, pool_len, lines_len,
 * post_len): sets its magic, version and every offset and its size. */
void index_blob_place(struct head *h);
/* Writes head h (placed) and the tables after it, in order, up to the postings: docs[ndocs], their
 * norms, their filters and names (struct ixfilter, ixname; the names found in the pool), the keys
 * (key(arg, i, &k) gives key i, each i once, in order), the fences, words[nwords], the pool and the
 * lines. */
void out_tables(struct out *o, const struct head *h, const struct ixdoc *docs,
                void (*key)(void *arg, size_t i, struct ixkey *k), void *arg, const struct ixword *words,
                const void *pool, const void *lines);

/* Lays one key's postings out in the blob's layout at dst from its entries as written (src, len
 * bytes: each entry a varint of its report's gap << 1 | (count == 1), then its count unless 1,
 * then a pair's count positions, delta-coded varints): skips first for a long list, the entries
 * coded again in bits, then a pair's positions in bits (index_blob.h), their code chosen by the
 * units of the reports docs[] (the blob's). dst has room for index_blob_laid_len of the entries'
 * and the positions' bits and does not overlap src; pos (room for len) is scratch for a pair list.
 * Returns the bytes laid out. */
size_t index_blob_lay_out(uint64_t key, uint32_t df, const uint8_t *src, size_t len, const struct ixdoc *docs,
                          unsigned char *dst, unsigned char *pos);

/* Ends a key's postings laid out at dst, its skips and entries in place (the entries up to
 * entries_end), its skips' positions counted from the positions' own start: a pair's positions
 * (plen bytes at pos) are copied after the entries, and where they start is said before the skips
 * and added to each skip's. Returns the key's bytes. */
size_t index_blob_join(uint64_t key, uint32_t df, unsigned char *dst, unsigned char *entries_end,
                       const unsigned char *pos, size_t plen);

#endif
