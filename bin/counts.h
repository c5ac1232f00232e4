/*
 * counts.h - the counts layer: a table of events and totals (or exposures)
 * by group, as every counts-reading filter needs it.
 *
 * A group is keyed by one or more columns (the group, later strata or
 * stages too).  counts_read() reads a counts table through csvin: columns
 * by name, strict validation (counts are integers 0 .. 2^53, events at most
 * the total, exposures positive), and each key once, or summed with merge;
 * or, with ncount, several count columns per key, optionally nested.
 * disp-count adds record-level rows to the same table with counts_group_for().
 * Groups stay in the order first seen; lookups go through the keyed hash
 * table, so a million groups take linear time.
 */
#ifndef DISP_COUNTS_H
#define DISP_COUNTS_H

#include "csvin.h"
#include "hash.h"

#include <stddef.h>
#include <stdint.h>

typedef struct {
	char **key;             /* the key fields, NUL-terminated */
	size_t *klen;
	int64_t events, total;
	double exposure;        /* person-time (exposure column) */
	char *exposure_text;    /* as read, echoed to the output */
	const char *file;       /* where the key was first seen */
	long line;
	char *packed;           /* the key as one string, for the hash table */
	size_t plen;
	int64_t *count;         /* with ncount: one sum per count column */
} counts_group;

typedef struct {
	/* What to read; set before counts_read(). */
	size_t nkey;
	const char **keycols;   /* key column names; NULL: the first column */
	const char *events;     /* events column */
	const char *total;      /* total column, or */
	const char *exposure;   /* exposure column (person-time) */
	int merge;              /* sum repeated keys (else a repeat is an error) */
	int events_optional;    /* with merge: no events column, totals only */
	int64_t max_count;      /* largest count accepted (0: 2^53) */
	/*
	 * Several count columns per group (stages now, strata later), instead
	 * of events and a total: with ncount > 0, counts_read() reads the
	 * columns countcols[0 .. ncount-1], each a count, into g->count[] (and
	 * no events, total or exposure).  within, when not NULL, nests them:
	 * where within[j] >= 0, column j may exceed column within[j] on no row
	 * (exit 65 naming the row, the group, both columns and both counts).
	 */
	size_t ncount;
	const char **countcols;
	const long *within;

	/* Filled in. */
	char **keyname;         /* the key columns' header names */
	int has_events;
	counts_group *g;
	size_t n, cap;

	/* Internal. */
	size_t *ki, ei, ti, *ci;
	int64_t *cv;
	ht *index;
	char *scratch;
	size_t scap;
} counts_table;

/* Reads a counts table from files (stdin when nfiles is 0).  Exits 65 on
 * bad data, naming file, line, column and value. */
void counts_read(counts_table *t, char *const *files, int nfiles, char delim);

/* Binds the key columns of t to a header (also done by counts_read). */
void counts_bind(counts_table *t, const csvin_row *header);

/* The group of row r (its key fields at the bound columns), added with
 * zero counts if new. */
counts_group *counts_group_for(counts_table *t, const csvin_row *r);

/*
 * The same by a packed key: each key field's length (a size_t, in memory
 * order) then its bytes, as disp-count's fast reader builds it.  _find
 * returns NULL for a new key; _packed adds it (first seen at file:line).
 */
counts_group *counts_find_packed(const counts_table *t, const char *key, size_t n);
counts_group *counts_group_packed(counts_table *t, const char *key, size_t n,
				  const char *file, long line);

/* Adds v to *sum, or exits 65 naming the row, column col and its value
 * text when the sum would pass max_count. */
void counts_add(const counts_table *t, int64_t *sum, int64_t v,
		const csvin_row *r, const char *col, const char *text);

/* Parses a count in field i of row r (column col), or exits 65 with the
 * reason and a hint. */
int64_t counts_parse(const counts_table *t, const csvin_row *r, size_t i,
		     const char *col);

/*
 * The reference group: the one whose name (single key) is ref; with ref
 * NULL the largest total (or exposure, or with ncount the first count
 * column), the first on a tie.  A name that is
 * not there exits 65 listing the groups, with "did you mean" for one that
 * differs only in case or spaces.
 */
size_t counts_ref(const counts_table *t, const char *ref);

/* The group whose (single) key is name, or -1. */
long counts_find(const counts_table *t, const char *name);

/* Sorts the groups bytewise by key, field by field (a prefix first). */
void counts_sort(counts_table *t);

/*
 * counts_read() with a look at each row, for a filter that reads a column
 * of its own per group (disp-test's score): header(ctx, h) once the
 * table's columns are bound, and each(ctx, r, i) after data row r has
 * been taken into group t->g[i] (validated and added).  Either may be
 * NULL.
 */
void counts_read_each(counts_table *t, char *const *files, int nfiles, char delim,
		      void (*header)(void *ctx, const csvin_row *h),
		      void (*each)(void *ctx, const csvin_row *r, size_t i),
		      void *ctx);

void counts_free(counts_table *t);

#endif
