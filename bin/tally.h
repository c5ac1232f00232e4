/*
 * tally.h - disp-count's fast reader: record-level rows into counts by
 * group, at the speed of memory.
 *
 * csvin reads each input's header; tally_body() takes the rest.  A
 * regular file is cut at line ends into one chunk per thread, each read
 * with pread() into a buffer of its own and counted into a table of its
 * own, then added up in file order (a chunk that began inside a quoted
 * field is void, and the rest of the file is cut again); a pipe is read
 * in blocks that threads count as they come.  Records are split by
 * csvscan.  Anything the fast reader is not sure of, a record csvscan
 * calls odd, a flag or weight that is not plain, a sum that would
 * overflow, gives the input back to csvin's strict reader from the start
 * of that record (or chunk), with the counts so far, so that the counts
 * and every message are the strict reader's own.  Memory follows the
 * groups and the block size, not the rows.
 */
#ifndef DISP_TALLY_H
#define DISP_TALLY_H

#include "counts.h"
#include "csvin.h"
#include "ledger.h"

#include <stdint.h>

/* With -e COL=V: what the values of COL were, for the message when V
 * never occurs. */
#define TALLY_SEEN 5
typedef struct {
	int64_t matched;          /* rows whose value was V */
	char *seen[TALLY_SEEN];   /* the first distinct values that were not */
	size_t seenlen[TALLY_SEEN], nseen;
	char *caseless;           /* the first equal to V but for case */
} tally_values;

/* Notes s[0..len), a value of the event column that is not V (of
 * length Vlen). */
void tally_note(tally_values *v, const char *V, size_t Vlen, const char *s,
		size_t len);
void tally_values_free(tally_values *v);

/* An event flag: 1 for 1/true/yes, 0 for 0/false/no (any case), else -1. */
int tally_flag(const char *s, size_t len);

typedef struct {
	counts_table *t;       /* where the counts go; keys bound (t->ki) */
	long ei;               /* event column, or -1 */
	const char *evalue;    /* -e COL=V: V; NULL: the column is a flag */
	size_t evlen;          /* its length */
	long wi;               /* weight column, or -1 */
	const size_t *fi;      /* -f: the flag columns, t->ncount of them */
	char delim;
	int threads;           /* chunks of a regular file, counted at once */
	size_t block;          /* bytes read at a time */
	tally_values values;
	int64_t rows;          /* records taken by the fast reader */
	ledger *lg;            /* --ledger: each input's rows, total, events */
	uint64_t key[2];       /* the hash key of the chunks' tables */
} tally;

/* Sets the defaults: one thread per online core, at most 8 (each has a
 * buffer of a block), 1 MiB blocks. */
void tally_init(tally *ty, counts_table *t, char delim);

/* The csvin_body_fn: ctx is a tally. */
int tally_body(void *ctx, csvin_body *b);

#endif
