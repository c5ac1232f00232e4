/*
 * hash.h - the kit's one hash table: byte strings to indexes, for groups
 * (disp-count, the counts layer) and anything else keyed by text.
 *
 * Keys are hashed with SipHash-1-3 under a key drawn at random for each
 * run, so input crafted to collide (hash flooding) cannot make lookups
 * quadratic; nothing the filters write depends on the hash order.  The
 * table does not copy keys: the caller keeps each key's bytes, unchanged,
 * while the table lives.
 */
#ifndef DISP_HASH_H
#define DISP_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct ht ht;

#define HT_NONE SIZE_MAX

ht *ht_new(void);
void ht_free(ht *t);

/* The index stored under key, or HT_NONE. */
size_t ht_find(const ht *t, const void *key, size_t len);

/* Stores index under key, which must not be in the table yet. */
void ht_put(ht *t, const void *key, size_t len, size_t index);

/* The longest probe sequence of any key, in slots (for the flooding test). */
size_t ht_probe_max(const ht *t);

/* A fresh random hash key, as each table draws (for a caller's own table). */
void ht_seed(uint64_t k[2]);

/* SipHash-1-3 of s under the 128-bit key k (exposed for its test). */
uint64_t ht_siphash13(const uint64_t k[2], const void *s, size_t len);

#endif
