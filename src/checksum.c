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

/* A lane's step over the eight bytes at p. */
static inline uint64_t lane_step(uint64_t h, const unsigned char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	h = (h ^ w) * LANE_MUL;
	return h ^ h >> 29;
}

/* Eight independent lanes keep the multipliers busy. Each is a variable of its own while the
 * loop runs, which stays in a register: as an array, gcc kept them in memory, and each step was
 * a load and a store besides. */
static void add_blocks(uint64_t *h, const unsigned char *p, size_t n)
{
	uint64_t h0 = h[0], h1 = h[1], h2 = h[2], h3 = h[3], h4 = h[4], h5 = h[5], h6 = h[6], h7 = h[7];
	for (size_t i = 0; i + 64 <= n; i += 64) {
		h0 = lane_step(h0, p + i), h1 = lane_step(h1, p + i + 8);
		h2 = lane_step(h2, p + i + 16), h3 = lane_step(h3, p + i + 24);
		h4 = lane_step(h4, p + i + 32), h5 = lane_step(h5, p + i + 40);
		h6 = lane_step(h6, p + i + 48), h7 = lane_step(h7, p + i + 56);
	}
	h[0] = h0, h[1] = h1, h[2] = h2, h[3] = h3, h[4] = h4, h[5] = h5, h[6] = h6, h[7] = h7;
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
