/*
 * tallypart.h - inside disp-count's fast reader (see tally.h): a part, one
 * reader of one span of an input with its own table of groups, and the
 * ways of reading an input's body with parts.  Private to tally*.c.
 */
#ifndef DISP_TALLYPART_H
#define DISP_TALLYPART_H

#include "csvscan.h"
#include "tally.h"

#include <sys/types.h>

typedef struct {
	uint64_t h;
	size_t key, klen;   /* the packed key, in the part's arena */
	long line;          /* relative line where the part first saw it */
} lgroup;

/*
 * In front of the table, a cache of short keys under a cheap
 * multiplicative hash, so that SipHash runs about once per distinct key,
 * not once per row.  Two ways a set (slots i and i ^ 1): direct-mapped,
 * two of five keys shared a slot in one run of twenty-five, and then took
 * the SipHash table on every row.  Keys crafted to collide in the cache
 * only make every row take the SipHash table: slower by a constant, never
 * quadratic.
 */
#define CACHE_BITS 8
#define CACHE_KEY 64
struct cached {
	size_t n;               /* packed key length; 0: empty */
	size_t gi;
	char key[CACHE_KEY];
};

struct part {
	const tally *ty;
	int absolute;       /* counts straight into the counts */
	const char *file;   /* absolute: for where a group was first seen */
	long line0;
	int fd;
	size_t nf;          /* the header's field count */
	off_t pos;          /* pread: the offset of buf[0]; -1: read() */
	off_t stop;         /* records starting here or later are not ours */
	char *buf;
	size_t cap, have, cur;
	int eof;
	long lines;         /* line ends passed, from the part's start */
	int64_t rows, total, events;   /* what it took, for the ledger */
	int odd;            /* stopped at buf[cur], for the strict reader */
	int fixed;          /* buf is a block of a pipe: nothing more to read */
	int cut;            /* fixed, and its last record runs past the block */
	off_t end;          /* pread: where the part stopped */

	lgroup *g;
	size_t ng, gcap, width;   /* width: events, total, then -f counts */
	int64_t *sum;
	char *arena;
	size_t aused, acap;
	size_t *slot, nslot;      /* group index + 1; 0 is empty */
	struct cached *cache;     /* recent keys, by a cheap hash */
	char *kb, *vb;            /* scratch: the packed key, a value */
	size_t kbcap, vbcap;
	csvscan_field *f;
	size_t *want, nwant;      /* the columns take() reads, ascending */
	int one;                  /* no weights, no -f counts: take_one() */
	tally_values values;
};

/* A part reading fd from offset pos (pread) or, with pos -1, by read();
 * records starting at stop or later are not its own (stop -1: none).
 * With file, the part is absolute: it counts straight into the counts
 * (its span starting at that line of file), while no other part adds to
 * them; without, into a table of its own for part_add. */
void part_init(struct part *p, const tally *ty, size_t nf, int fd,
	       off_t pos, off_t stop, const char *file, long line);
void part_free(struct part *p);

/* Counts the part's records, to its stop, the end of input, or an odd
 * one (p->odd, at buf[cur]); a thread's function. */
void *part_run(void *arg);

/* Whether p's sums can be added to the counts without overflow; adding
 * them (and p's values and rows), p's lines starting at line of file. */
int part_fits(const struct part *p);
void part_add(tally *ty, const struct part *p, const char *file, long line);

char *tally_dup(const char *s, size_t len);

/* An input's body: one part by read(), or a pipe on several threads.
 * As tally_body(). */
int tally_stream(tally *ty, csvin_body *b);
int tally_pipe(tally *ty, csvin_body *b);

#endif
