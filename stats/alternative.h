/*
 * alternative.h - one-sided questions: --alternative two-sided|greater|less
 * for tests and intervals.  "greater" means the group's rate exceeds the
 * reference's (x1/n1 above x2/n2, or x1/t1 above x2/t2; for a single rate,
 * that it exceeds a value), "less" the opposite.
 *
 * A test's one-sided p-value comes from its method row's .greater (the
 * score companion's from the --ratio row's .score_greater); "less" is
 * "greater" with the groups swapped, which every test here is symmetric
 * under.  A one-sided bound at level L is the matching end of the
 * two-sided interval at level 2L - 1 of the method the row names in
 * .one_sided (itself when NULL): for a central interval each end solves
 * its own one-sided equation at (1 - level)/2, so that end at 2L - 1
 * solves it at 1 - L (the score equation Z(theta) = z_L, the tail
 * P(X >= x) = 1 - L, ...).  Blaker's, minimum-likelihood and Baptista-
 * Pike's intervals invert two-sided tests with no one-sided form: their
 * one-sided bound is the exact (Clopper-Pearson, Garwood, Cornfield) one,
 * as exactci gives for any tsmethod.  The other end is the parameter's
 * limit (0, 1, -1, inf).  L must exceed 1/2.
 */
#ifndef DSP_ALTERNATIVE_H
#define DSP_ALTERNATIVE_H

#include "methods.h"

typedef enum { DSP_TWO_SIDED = 0, DSP_GREATER = 1, DSP_LESS = 2 } dsp_alternative;

/* "two-sided", "greater", "less"; the alternative called name into *a,
 * or -1 when there is none of that name. */
const char *dsp_alt_name(dsp_alternative a);
int dsp_alt_parse(const char *name, dsp_alternative *a);

/* The one-sided "greater" test that a --test row runs, with the chosen
 * --ratio row (for the score companion), or NULL when it has none. */
dsp_test_fn dsp_greater_of(const dsp_method *test, const dsp_method *ratio);

/* The p-value under a of the test whose two-sided function is two and
 * whose "greater" is greater; DSP_EDOM (p NaN) when a is one-sided and
 * greater is NULL. */
int dsp_alt_test(dsp_test_fn two, dsp_test_fn greater, dsp_alternative a,
		 double x1, double n1, double x2, double n2, double *p);

/* The interval of method m of kind k (DSP_ONE: x of n, the rest ignored;
 * DSP_PAIR: x1 of n1 against x2 of n2) under a: two-sided as m's own
 * function, one-sided as above.  DSP_EDOM for a one-sided level <= 1/2. */
int dsp_alt_interval(const dsp_kind *k, const dsp_method *m, dsp_alternative a,
		     double x1, double n1, double x2, double n2, double level,
		     double *lo, double *hi);

/* Stratified (disp-strata): the one-sided test of a --test row with the
 * chosen --ratio row, or NULL; the p-value under a of the test two (and
 * sgreater); the interval of a DSP_STRATA kind's method under a (every
 * stratified interval is central: its own at 2L - 1).  "less" swaps the
 * groups in every stratum. */
dsp_strata_test_fn dsp_sgreater_of(const dsp_method *test, const dsp_method *ratio);
int dsp_alt_stest(dsp_strata_test_fn two, dsp_strata_test_fn sgreater, dsp_alternative a,
		  const dsp_strata *s, double *p);
int dsp_alt_strata(const dsp_kind *k, const dsp_method *m, dsp_alternative a,
		   const dsp_strata *s, double level, double *lo, double *hi);

/* disp-test's trend test (dsp_kt_trend's result r) under a: the upper
 * normal tail of its signed root, direction sqrt(stat), for greater (the
 * rates rise with the score), the lower for less; r->p replaced where the
 * test was computed asymptotically.  The other tests of the whole table
 * (k - 1 df) have no direction. */
struct dsp_ktest;
void dsp_kt_trend_alt(struct dsp_ktest *r, dsp_alternative a);

/* The method whose two-sided interval gives m's one-sided bound. */
const dsp_method *dsp_one_sided_of(const dsp_kind *k, const dsp_method *m);

#endif
