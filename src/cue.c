/* cue.c — finding many short phrases in Chinese text at once, full-width forms folded to ASCII. */
#include "cue.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "parse_scan.h"
#include "xmalloc.h"

struct phrase {
	char *p;          /* folded UTF-8, owned */
	size_t n;
	uint32_t first;   /* first character, for the bitmap of first characters */
	int data;
};

/* A scan tests each character against this bitmap of first characters before it looks further:
 * most characters of a text begin no phrase. Characters beyond the BMP always look. */
#define FIRST_BITS 0x10000

/* The phrases also form a trie of their characters, which a scan walks from each place of the
 * text: one look-up per character read, however many phrases share a beginning. Node 0 is the
 * root, whose children are an array by character; any other edge is found in a hash table by
 * its parent node and character. */
struct node {
	int data;        /* the data of the phrase ending here, */
	int ends;        /* when one does */
	uint32_t nchildren;
	uint32_t only_ch, only_child;   /* the child of a node with one, found without a probe */
};

struct edge {
	uint64_t key;    /* parent node << 21 | character */
	uint32_t child;  /* 0: a free slot (no edge leads to the root) */
};

struct cue_set {
	struct phrase *v;
	size_t n, cap;    /* v is ordered by bytes, for cue_set_find */
	uint64_t first[FIRST_BITS / 64];
	struct node *nodes;
	size_t nnodes, nodecap;
	struct edge *edges;     /* open addressing, more than half free */
	size_t nedges, nslots;  /* nslots a power of two */
	uint32_t *root;         /* the root's child by first character of the BMP (FIRST_BITS of them),
	                         * or NULL when it has none: a scan looks up a child of the root at
	                         * most places, and a probe of the edges there misses the cache */
};

size_t cue_match_at(const char *s, size_t n, size_t i, const char *p, size_t pn)
{
	size_t j = 0;
	while (j < pn) {
		if (i >= n || cue_char(s, n, &i) != cue_char(p, pn, &j))
			return 0;
	}
	return i;
}

size_t cue_find_one(const char *s, size_t n, size_t from, const char *p, size_t pn)
{
	size_t j = 0;
	uint32_t c = pn ? cue_char(p, pn, &j) : 0;
	if (c >= 0x80 && c != 0xfffd) {
		/* Only the places holding the character itself (p[0..j), which no other folds to) can
		 * match. */
		for (size_t i = from; (i = parse_find_bytes(s, i, n, p, j)) != PARSE_NONE; i++)
			if (cue_match_at(s, n, i, p, pn))
				return i;
		return (size_t)-1;
	}
	if (c >= 0x20 && c < 0x7f) {
		/* ASCII, or the full-width form (EF BC xx, EF BD xx) or U+3000 (E3 80 80) read as it:
		 * only places holding one of two bytes can match. */
		const unsigned char *u = (const unsigned char *)s;
		unsigned char other = c == ' ' ? 0xe3 : 0xef;
		for (size_t i = from; i < n; i++)
			if ((u[i] == c || u[i] == other) && cue_match_at(s, n, i, p, pn))
				return i;
		return (size_t)-1;
	}
	for (size_t i = from; i < n; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (cue_match_at(s, n, i, p, pn))
			return i;
	}
	return (size_t)-1;
}

struct cue_set *cue_set_new(void)
{
	return xcalloc(1, sizeof(struct cue_set));
}

void cue_set_free(struct cue_set *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i].p);
	free(c->v);
	free(c->nodes);
	free(c->edges);
	free(c->root);
	free(c);
}

static uint64_t edge_key(uint32_t node, uint32_t ch)
{
	return (uint64_t)node << 21 | ch;
}

/* The slot of the edge key in c->edges, or the free slot where it would go; c has slots. */
static struct edge *edge_slot(const struct cue_set *c, uint64_t key)
{
	uint64_t h = key * 0x9E3779B97F4A7C15ull;
	size_t mask = c->nslots - 1;
	for (size_t k = (size_t)(h >> 32) & mask;; k = (k + 1) & mask)
		if (c->edges[k].key == key || c->edges[k].child == 0)
			return &c->edges[k];
}

/* The node reached from node by character ch, or 0 when there is none. Most nodes below the
 * first characters have one child or none. */
static inline uint32_t child_of(const struct cue_set *c, uint32_t node, uint32_t ch)
{
	if (node == 0 && ch < FIRST_BITS)
		return c->root ? c->root[ch] : 0;
	const struct node *nd = &c->nodes[node];
	if (nd->nchildren <= 1)
		return nd->nchildren && nd->only_ch == ch ? nd->only_child : 0;
	return edge_slot(c, edge_key(node, ch))->child;
}

static void edges_grow(struct cue_set *c)
{
	struct edge *old = c->edges;
	size_t nold = c->nslots;
	c->nslots = nold ? 2 * nold : 64;
	c->edges = xcalloc(c->nslots, sizeof *c->edges);
	for (size_t k = 0; k < nold; k++)
		if (old[k].child)
			*edge_slot(c, old[k].key) = old[k];
	free(old);
}

static uint32_t node_new(struct cue_set *c)
{
	c->nodes = xgrow(c->nodes, &c->nodecap, c->nnodes + 1, sizeof *c->nodes);
	c->nodes[c->nnodes] = (struct node){ 0 };
	return (uint32_t)c->nnodes++;
}

/* The node of folded phrase p[0..pn), made with the nodes before it as needed. */
static uint32_t trie_insert(struct cue_set *c, const char *p, size_t pn)
{
	if (!c->nnodes)
		node_new(c);   /* the root */
	uint32_t node = 0;
	for (size_t i = 0; i < pn;) {
		uint32_t ch = cue_char(p, pn, &i), next = child_of(c, node, ch);
		if (!next) {
			if (2 * (c->nedges + 1) > c->nslots)
				edges_grow(c);
			next = node_new(c);
			*edge_slot(c, edge_key(node, ch)) = (struct edge){ edge_key(node, ch), next };
			c->nedges++;
			struct node *nd = &c->nodes[node];
			if (nd->nchildren++ == 0)
				nd->only_ch = ch, nd->only_child = next;
			if (node == 0 && ch < FIRST_BITS) {
				if (!c->root)
					c->root = xcalloc(FIRST_BITS, sizeof *c->root);
				c->root[ch] = next;
			}
		}
		node = next;
	}
	return node;
}

/* Writes ch as UTF-8 into u; returns the length. A phrase is stored this way, so text read by
 * cue_char and written back compares with phrases byte for byte. */
static size_t encode(uint32_t ch, char u[4])
{
	if (ch < 0x80) {
		u[0] = (char)ch;
		return 1;
	}
	if (ch < 0x800) {
		u[0] = (char)(0xc0 | ch >> 6), u[1] = (char)(0x80 | (ch & 0x3f));
		return 2;
	}
	if (ch < 0x10000) {
		u[0] = (char)(0xe0 | ch >> 12), u[1] = (char)(0x80 | (ch >> 6 & 0x3f)), u[2] = (char)(0x80 | (ch & 0x3f));
		return 3;
	}
	u[0] = (char)(0xf0 | ch >> 18), u[1] = (char)(0x80 | (ch >> 12 & 0x3f)),
	u[2] = (char)(0x80 | (ch >> 6 & 0x3f)), u[3] = (char)(0x80 | (ch & 0x3f));
	return 4;
}

static char *fold(const char *p, size_t pn, size_t *len)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < pn;) {
		char u[4];
		buf_add(&b, u, encode(cue_char(p, pn, &i), u));
	}
	*len = b.len;
	return buf_take(&b);
}

size_t cue_set_count(const struct cue_set *c)
{
	return c->n;
}

void cue_hits_fini(struct cue_hits *h)
{
	free(h->v);
	memset(h, 0, sizeof *h);
}

/* Bytes order, which for UTF-8 is the order of characters: cue_set_find searches it. */
static int by_bytes(const void *a, const void *b)
{
	const struct phrase *x = a, *y = b;
	int r = memcmp(x->p, y->p, x->n < y->n ? x->n : y->n);
	if (r == 0 && x->n != y->n)
		r = x->n < y->n ? -1 : 1;
	return r;
}

void cue_set_add(struct cue_set *c, const char *p, size_t pn, int data)
{
	size_t len, j = 0;
	char *f = fold(p, pn, &len);
	if (len == 0) {
		free(f);
		return;
	}
	/* Kept in order as they come, so a scan never has to sort. */
	struct phrase ph = { f, len, cue_char(f, len, &j), data };
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int cmp = by_bytes(&c->v[mid], &ph);
		if (cmp == 0) {
			c->v[mid].data = data;
			uint32_t node = trie_insert(c, f, len);   /* before c->nodes is read: it may move */
			c->nodes[node].data = data;
			free(f);
			return;
		}
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof *c->v);
	memmove(c->v + lo + 1, c->v + lo, (c->n - lo) * sizeof *c->v);
	c->v[lo] = ph;
	c->n++;
	uint32_t node = trie_insert(c, f, len);
	c->nodes[node].data = data;
	c->nodes[node].ends = 1;
	if (ph.first < FIRST_BITS)
		c->first[ph.first / 64] |= (uint64_t)1 << (ph.first % 64);
}

int cue_set_find(const struct cue_set *c, const char *p, size_t pn, int *data)
{
	size_t len, j = 0;
	char *f = fold(p, pn, &len);
	struct phrase ph = { f, len, len ? cue_char(f, len, &j) : 0, 0 };
	size_t lo = 0, hi = c->n;
	int found = 0;
	while (len && lo < hi && !found) {
		size_t mid = (lo + hi) / 2;
		int cmp = by_bytes(&c->v[mid], &ph);
		if (cmp == 0)
			*data = c->v[mid].data, found = 1;
		else if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	free(f);
	return found;
}

static int may_begin(const struct cue_set *c, uint32_t ch)
{
	return ch >= FIRST_BITS || (c->first[ch / 64] >> (ch % 64) & 1);
}

static void hit_add(struct cue_hits *out, size_t start, size_t end, int data)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof *out->v);
	out->v[out->n++] = (struct cue_hit){ start, end, data };
}

/* Walks the trie from s[i], whose first character ch ends at next: the node of each phrase
 * beginning there, shortest first. all: append each to out; else only the longest, returned
 * as its end (0: none) with its data in *data. */
static inline size_t walk(const struct cue_set *c, const char *s, size_t n, size_t i, size_t next, uint32_t ch,
		   struct cue_hits *out, int all, int *data)
{
	size_t longest = 0;
	uint32_t node = c->nnodes ? child_of(c, 0, ch) : 0;
	for (size_t end = next; node;) {
		const struct node *nd = &c->nodes[node];
		if (nd->ends) {
			if (all)
				hit_add(out, i, end, nd->data);
			longest = end, *data = nd->data;
		}
		if (end >= n)
			break;
		node = child_of(c, node, cue_char(s, n, &end));
	}
	return longest;
}

size_t cue_set_scan_all(const struct cue_set *c, const char *s, size_t n, struct cue_hits *out)
{
	out->n = 0;
	int data;
	/* From a character to the next: the bytes of a valid one continue it, and a byte that
	 * reads as U+FFFD is passed alone, so every byte that does not continue a sequence is met. */
	for (size_t i = 0; i < n;) {
		if (((unsigned char)s[i] & 0xc0) == 0x80) {
			i++;
			continue;
		}
		size_t next = i;
		uint32_t ch = cue_char(s, n, &next);
		if (may_begin(c, ch))
			walk(c, s, n, i, next, ch, out, 1, &data);
		i = next;
	}
	return out->n;
}

/* Of the phrases beginning at a place only the longest can be kept, and it is kept when it
 * reaches past every phrase kept before: the hits come out in text order, with no sort. */
size_t cue_set_scan(const struct cue_set *c, const char *s, size_t n, struct cue_hits *out)
{
	out->n = 0;
	size_t maxend = 0;
	for (size_t i = 0; i < n;) {
		size_t next = i;
		uint32_t ch = cue_char(s, n, &next);
		int data = 0;
		size_t end;
		if (may_begin(c, ch) && (end = walk(c, s, n, i, next, ch, out, 0, &data)) > maxend) {
			hit_add(out, i, end, data);
			maxend = end;
		}
		i = next;
	}
	return out->n;
}
