/* checksum.c — a fast 64-bit checksum of bytes, for cache files and their keys. */
#include "checksum.h"

#include <string.h>

uint64_t checksum64(uint64_t seed, const void *data, size_t n)
{
	/* Eight independent lanes keep the multipliers busy. */
	const unsigned char *p = data;
	uint64_t h[8];
	const uint64_t m = 0xFF51AFD7ED558CCDull;
	for (int l = 0; l < 8; l++)
		h[l] = seed + 0x9E3779B97F4A7C15ull * (uint64_t)(l + 1);
	size_t i = 0;
	for (; i + 64 <= n; i += 64)
		for (int l = 0; l < 8; l++) {
			uint64_t w;
			memcpy(&w, p + i + 8 * l, 8);
			h[l] = (h[l] ^ w) * m;
			h[l] ^= h[l] >> 29;
		}
	uint64_t r = n ^ seed;
	for (; i < n; i++)
		r = (r ^ p[i]) * 0x100000001B3ull;
	for (int l = 0; l < 8; l++)
		r = (r ^ h[l]) * m, r ^= r >> 31;
	return r;
}
