/* checksum.h — a fast 64-bit checksum of bytes, for cache files and their keys (not for security). */
#ifndef FAZHI_CHECKSUM_H
#define FAZHI_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* The checksum of p[0..n) from a seed; a different seed gives an unrelated result. It reads
 * 64 bytes at a time in eight lanes, so it runs at memory speed; it is stable across runs and
 * builds of one machine's byte order, which is all a cache file needs. */
uint64_t checksum64(uint64_t seed, const void *p, size_t n);

#endif
