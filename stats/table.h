/*
 * table.h - tests of the whole k x 2 table (groups by event / no event):
 * is there any difference in rates across all the groups at once, and,
 * with the groups ordered, a trend?
 *
 * A table is k groups of x[i] events out of n[i] (integers held in
 * doubles, 0 <= x[i] <= n[i] <= 2^53; the sum of the totals below 2^63).
 * Groups whose total is 0 carry no information and are left out: every
 * test is on the groups with a positive total (r->groups of them), and
 * df counts only those.  Each test fills a dsp_ktest and returns DSP_OK,
 * DSP_EDOM for invalid arguments (every field NaN), DSP_ERANGE when the
 * exact test is beyond its work limit and Monte Carlo is switched off
 * (draws = 0), or DSP_ENOMEM.  Results that are not numbers are not
 * errors:
 *
 * - fewer than two groups with a positive total: no test (how
 *   DSP_KT_NONE; statistic, df and p NaN);
 * - no events in any group, or only events (a zero margin): the
 *   chi-square, G and trend statistics are 0/0 (DSP_KT_UNDEFINED, NaN),
 *   while the exact test has one table to count, p = 1;
 * - the trend test with every group at one score: 0/0 as well.
 */
#ifndef DSP_TABLE_H
#define DSP_TABLE_H

#include <stddef.h>

#include <gsl/gsl_rng.h>

typedef struct dsp_ktable {
	size_t k;
	const double *x, *n;   /* events and totals per group */
	const double *score;   /* the trend test's scores (finite); NULL: 1..k */
	/* The exact test: its work limit in steps (a step is one table
	 * probability evaluated or one term of a tail summed), and the
	 * Monte Carlo draws and seed it falls back to beyond it (draws 0:
	 * no fallback, DSP_ERANGE instead). */
	double max_steps;
	unsigned long draws, seed;
} dsp_ktable;

typedef enum {
	DSP_KT_ASYMPTOTIC,   /* p from the chi-square distribution */
	DSP_KT_EXACT,        /* p exact (to rounding) */
	DSP_KT_MONTE_CARLO,  /* p estimated from draws tables, with se */
	DSP_KT_NONE,         /* fewer than two groups: no test */
	DSP_KT_UNDEFINED     /* the statistic is 0/0 */
} dsp_kt_how;

typedef struct dsp_ktest {
	double stat, df, p;
	double se;           /* Monte Carlo: the standard error of p; else NaN */
	dsp_kt_how how;
	size_t groups;       /* groups with a positive total, those tested */
	size_t small;        /* chi2, g: expected counts (of 2 groups) below 5 */
	double steps;        /* exact: the work done, in steps; also when it
			      * passed max_steps (then the steps until it did) */
	unsigned long draws, seed;  /* Monte Carlo: as used */
	int direction;       /* trend: +1 rates rise with the score, -1 fall, 0 */
} dsp_ktest;

/*
 * Pearson's chi-square, X^2 = sum (O - E)^2 / E over the 2k cells, with
 * E from the margins, on k - 1 df.  Each O - E is formed as the exact
 * integer x[i] N - n[i] m (128-bit) over N, so X^2 keeps full relative
 * accuracy at any counts, and is exactly 0 for proportional rows.
 */
int dsp_kt_chi2(const dsp_ktable *t, dsp_ktest *r);

/*
 * The likelihood-ratio test, G = 2 sum O log(O/E), on k - 1 df, summed as
 * 2 sum [O log(O/E) - (O - E)]: where E is within O/2 of O, as
 * O phi((O - E)/O), phi(t) = -log(1 - t) - t, with O - E exact as for
 * chi2, so that no term cancels when O is near E.
 */
int dsp_kt_g(const dsp_ktable *t, dsp_ktest *r);

/*
 * The exact test of the whole table (Freeman and Halton 1951): the
 * probability, given both margins, of all tables no more probable than
 * the observed one, "no more" meaning within a relative 1e-7 (as R's
 * fisher.test for 2 x 2 tables).  stat is the observed table's
 * probability.  Exact by a network search (see table.c) while the work
 * stays within max_steps; beyond it, Monte Carlo as dsp_kt_exact_mc (or
 * DSP_ERANGE when draws is 0); with more than 1000 groups the search is
 * not tried (its bookkeeping is 2 k^2 numbers).  At k = 2 it is Fisher's
 * test.
 */
int dsp_kt_exact(const dsp_ktable *t, dsp_ktest *r);

/*
 * The same p-value estimated from t->draws tables drawn with the observed
 * margins (a GSL mt19937 stream seeded with t->seed), as (1 + X)/(1 +
 * draws) with X the tables no more probable than the observed one; se =
 * sqrt(p (1 - p) / draws).
 */
int dsp_kt_exact_mc(const dsp_ktable *t, dsp_ktest *r);

/*
 * The Cochran-Armitage test for trend in proportions (as R's
 * prop.trend.test): T = [sum x_i (s_i - s)]^2 / (p q sum n_i (s_i - s)^2)
 * on 1 df, s the mean score weighted by totals and p = 1 - q the pooled
 * rate; direction is the sign of the slope.
 */
int dsp_kt_trend(const dsp_ktable *t, dsp_ktest *r);

/*
 * A draw from the hypergeometric distribution: successes among `draws`
 * items taken from `good` successes and `bad` failures (integers in
 * doubles up to 2^53), by Stadlober's ratio of uniforms, O(1) expected
 * time at any counts.  NaN for invalid arguments.
 */
double dsp_rhyper(gsl_rng *rng, double good, double bad, double draws);

#endif
