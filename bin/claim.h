/*
 * claim.h - one published claim checked against its counts: the exact
 * value, whether the figure as written follows from it (under which
 * rounding, or which qualifier), its interval, whether a difference is
 * distinguishable from none, and, working backwards, which counts of
 * events would make the figure hold.  No I/O: disp-check reads and writes.
 */
#ifndef DISP_CLAIM_H
#define DISP_CLAIM_H

#include "methods.h"
#include "published.h"

#include <stdint.h>

typedef enum {
	CK_PCT, CK_RATE, CK_PER, CK_RR, CK_OR, CK_PCT_MORE, CK_PCT_LESS, CK_DIFF,
	CK_SHARE, CK_RATIO_OF_SHARES, CK_P, CK_CI, CK_NKIND
} claim_kind;

/* The kind called name, or -1. */
int claim_kind_find(const char *name);
const char *claim_kind_name(claim_kind k);

/* The counts a claim rests on; a count that is not known is -1.  X and N
 * are all events and all totals (share kinds). */
typedef struct {
	int64_t x, n, x2, n2;
	double X, N;           /* exact integers up to 2^53 times groups */
	int64_t Xi, Ni;        /* the same as integers, -1 if unknown */
	const char *group, *ref;
} claim_counts;

typedef struct {
	claim_kind kind;
	pub_value v;
	uint64_t per;          /* the claim's `per` column (0: none) */
	const dsp_kind *mk;    /* the method of the interval or test */
	const dsp_method *m;
	double level;
	int significance;      /* --significance */
} claim;

typedef enum {
	CV_CONSISTENT, CV_TRUNCATED, CV_INCONSISTENT, CV_NOT_SIGNIFICANT,
	CV_UNVERIFIABLE
} claim_verdict;

const char *claim_verdict_name(claim_verdict v);

typedef struct {
	double computed, lo, hi;   /* in the published figure's unit; NaN if none */
	claim_verdict verdict;
	int status;                /* the method's status (DSP_OK, DSP_ERANGE, ...) */
	char needed[160];
	char reason[1024];
} claim_result;

/*
 * The method a claim's interval or test uses when it names none (its
 * `method` cell is empty): the kind of method its kind calls for, with the
 * default method of that kind.
 */
const dsp_kind *claim_method_kind(claim_kind k);

/*
 * Checks c against k into r.  Returns NULL, or why the claim cannot be
 * read as written (a unit that does not fit its kind, say): bad data.
 */
const char *claim_check(const claim *c, const claim_counts *k, claim_result *r);

#endif
