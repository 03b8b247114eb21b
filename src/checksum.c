/* checksum.c — a fast 64-bit checksum of bytes, for cache files and their keys. */
#include "checksum.h"

#include <string.h>

#define LANE_MUL 0xFF51AFD7ED558CCDull

void checksum_init(struct checksum *c, uint64_t seed)
{
	memset(c, 0, sizeof *c);
	c->seed = seed;
	for (int l = 0; l < 8; l++)
		c->lane[l] = seed + 0x9E3779B97F4A7C15ull * (uint64_t)(l + 1);
}

/* Eight independent lanes keep the multipliers busy. */
static void add_blocks(uint64_t *h, const unsigned char *p, size_t n)
{
	for (size_t i = 0; i + 64 <= n; i += 64)
		for (int l = 0; l < 8; l++) {
			uint64_t w;
			memcpy(&w, p + i + 8 * l, 8);
			h[l] = (h[l] ^ w) * LANE_MUL;
			h[l] ^= h[l] >> 29;
		}
}

void checksum_add(struct checksum *c, const void *data, size_t n)
{
	const unsigned char *p = data;
	c->n += n;
	if (c->npart) {
		size_t k = 64 - c->npart < n ? 64 - c->npart : n;
		memcpy(c->part + c->npart, p, k);
		c->npart += k, p += k, n -= k;
		if (c->npart < 64)
			return;
		add_blocks(c->lane, c->part, 64);
		c->npart = 0;
	}
	add_blocks(c->lane, p, n & ~(size_t)63);
	memcpy(c->part, p + (n & ~(size_t)63), n & 63);
	c->npart = n & 63;
}

uint64_t checksum_end(const struct checksum *c)
{
	uint64_t r = c->n ^ c->seed;
	for (size_t i = 0; i < c->npart; i++)
		r = (r ^ c->part[i]) * 0x100000001B3ull;
	for (int l = 0; l < 8; l++)
		r = (r ^ c->lane[l]) * LANE_MUL, r ^= r >> 31;
	return r;
}

uint64_t checksum64(uint64_t seed, const void *p, size_t n)
{
	struct checksum c;
	checksum_init(&c, seed);
	checksum_add(&c, p, n);
	return checksum_end(&c);
}
