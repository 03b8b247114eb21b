/* checksum.h — a fast 64-bit checksum of bytes, for cache files and their keys (not for security). */
#ifndef FAZHI_CHECKSUM_H
#define FAZHI_CHECKSUM_H

#include <stddef.h>
#include <stdint.h>

/* The checksum of p[0..n) from a seed; a different seed gives an unrelated result. It reads
 * 64 bytes at a time in eight lanes, so it runs at memory speed; it is stable across runs and
 * builds of one machine's byte order, which is all a cache file needs. */
uint64_t checksum64(uint64_t seed, const void *p, size_t n);

/* The same checksum over bytes given in pieces (a file written a block at a time):
 * checksum_init, checksum_add for each piece in order, then checksum_end, which equals
 * checksum64(seed, all the pieces joined). */
struct checksum {
	uint64_t lane[8];
	unsigned char part[64];   /* bytes not yet a whole 64 */
	size_t npart;
	uint64_t n, seed;
};
void checksum_init(struct checksum *c, uint64_t seed);
void checksum_add(struct checksum *c, const void *p, size_t n);
uint64_t checksum_end(const struct checksum *c);

/* A step of FNV-1a, for hashing short keys piece by piece (names, sentences): h from
 * CHECKSUM_FNV_OFFSET, or the result of the step before, over p[0..n). */
#define CHECKSUM_FNV_OFFSET 0xCBF29CE484222325ull
static inline uint64_t checksum_fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 0x100000001B3ull;
	return h;
}

#endif
