/*
 * hash.c - open addressing (linear probing, at most half full) over
 * SipHash-1-3 (Aumasson and Bernstein 2012, "SipHash: a fast short-input
 * PRF"; 1 compression and 3 finalization rounds, as Rust's and Python's
 * hash tables use).  See hash.h.
 */
#include "hash.h"
#include "err.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct slot {
	uint64_t h;
	const void *key;   /* NULL: empty */
	size_t len, index;
};

struct ht {
	uint64_t k[2];
	struct slot *s;
	size_t cap, n;     /* cap is a power of two */
};

#define ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))

static void sipround(uint64_t v[4])
{
	v[0] += v[1]; v[1] = ROTL(v[1], 13); v[1] ^= v[0]; v[0] = ROTL(v[0], 32);
	v[2] += v[3]; v[3] = ROTL(v[3], 16); v[3] ^= v[2];
	v[0] += v[3]; v[3] = ROTL(v[3], 21); v[3] ^= v[0];
	v[2] += v[1]; v[1] = ROTL(v[1], 17); v[1] ^= v[2]; v[2] = ROTL(v[2], 32);
}

uint64_t ht_siphash13(const uint64_t k[2], const void *src, size_t len)
{
	const unsigned char *p = src;
	uint64_t v[4] = {k[0] ^ 0x736f6d6570736575u, k[1] ^ 0x646f72616e646f6du,
			 k[0] ^ 0x6c7967656e657261u, k[1] ^ 0x7465646279746573u};
	uint64_t m;
	size_t i;
	for (i = 0; i + 8 <= len; i += 8) {
		m = 0;
		for (int j = 7; j >= 0; j--)   /* little-endian, on any host */
			m = m << 8 | p[i + (size_t)j];
		v[3] ^= m;
		sipround(v);
		v[0] ^= m;
	}
	m = (uint64_t)len << 56;
	for (size_t j = 0; i + j < len; j++)
		m |= (uint64_t)p[i + j] << (8 * j);
	v[3] ^= m;
	sipround(v);
	v[0] ^= m;
	v[2] ^= 0xff;
	sipround(v), sipround(v), sipround(v);
	return v[0] ^ v[1] ^ v[2] ^ v[3];
}

/* A key nobody outside this run can know: the kernel's random bytes, or,
 * where /dev/urandom cannot be read, the time, the process and an address
 * (still unknown to whoever wrote the input in advance). */
void ht_seed(uint64_t k[2])
{
	/* read(2), not stdio: a FILE would draw a whole 4 KiB buffer. */
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	ssize_t got = fd < 0 ? -1 : read(fd, k, 2 * sizeof *k);
	if (fd >= 0)
		close(fd);
	if (got == (ssize_t)(2 * sizeof *k))
		return;
	k[0] = (uint64_t)time(NULL) ^ (uint64_t)getpid() << 32;
	k[1] = (uint64_t)(uintptr_t)k ^ (uint64_t)clock();
}

ht *ht_new(void)
{
	ht *t = xmalloc(sizeof *t);
	ht_seed(t->k);
	t->cap = 64;
	t->n = 0;
	t->s = xmalloc(t->cap * sizeof *t->s);
	memset(t->s, 0, t->cap * sizeof *t->s);
	return t;
}

void ht_free(ht *t)
{
	if (t)
		free(t->s);
	free(t);
}

static size_t probe(const ht *t, uint64_t h, const void *key, size_t len)
{
	size_t i = (size_t)h & (t->cap - 1);
	for (; t->s[i].key; i = (i + 1) & (t->cap - 1))
		if (t->s[i].h == h && t->s[i].len == len &&
		    memcmp(t->s[i].key, key, len) == 0)
			break;
	return i;
}

size_t ht_find(const ht *t, const void *key, size_t len)
{
	size_t i = probe(t, ht_siphash13(t->k, key, len), key, len);
	return t->s[i].key ? t->s[i].index : HT_NONE;
}

void ht_put(ht *t, const void *key, size_t len, size_t index)
{
	if (2 * (t->n + 1) > t->cap) {
		struct slot *old = t->s;
		size_t oldcap = t->cap;
		t->cap *= 2;
		t->s = xmalloc(t->cap * sizeof *t->s);
		memset(t->s, 0, t->cap * sizeof *t->s);
		for (size_t i = 0; i < oldcap; i++)
			if (old[i].key)
				t->s[probe(t, old[i].h, old[i].key, old[i].len)] = old[i];
		free(old);
	}
	uint64_t h = ht_siphash13(t->k, key, len);
	/* An empty key still needs a non-NULL pointer to mark the slot. */
	t->s[probe(t, h, key, len)] = (struct slot){h, key ? key : "", len, index};
	t->n++;
}

size_t ht_probe_max(const ht *t)
{
	size_t worst = 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->s[i].key) {
			size_t home = (size_t)t->s[i].h & (t->cap - 1);
			size_t d = ((i - home) & (t->cap - 1)) + 1;
			worst = d > worst ? d : worst;
		}
	return worst;
}
