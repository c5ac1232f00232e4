/*
 * invert.h - exact two-sided intervals that invert a two-sided test of a
 * discrete law: the minimum-likelihood test (the outcomes no more probable
 * than the observed one, within a relative 1e-7, as R's binom.test) and
 * Blaker's (2000) acceptability, each p-value computed as exactci's
 * binom.exact and poisson.exact do (tsmethod "minlike" and "blaker").
 * The interval is the hull of the parameters whose p-value exceeds 1 -
 * level (the accepted set need not be an interval), found exactly by
 * branch and bound (invert.c).
 *
 * Counts are integers held in doubles; level in (0,1).  Functions return
 * DSP_OK, DSP_EDOM, DSP_ERANGE (counts beyond DSP_INVERT_MAX) or
 * DSP_ENOCONV.
 */
#ifndef DSP_INVERT_H
#define DSP_INVERT_H

/* The counts (n, x, x1 + x2) these are verified for. */
#define DSP_INVERT_MAX 1e7

/* Blaker's interval for a binomial proportion x of n (x <= n <= 10^7). */
int dsp_ci_blaker(double x, double n, double level, double *lo, double *hi);

/* A Poisson rate: x events (<= 10^7) in exposure t > 0. */
int dsp_pt_ci_minlike(double x, double t, double level, double *lo, double *hi);
int dsp_pt_ci_blaker(double x, double t, double level, double *lo, double *hi);

/* The rate ratio (x1/t1)/(x2/t2), conditional on x1 + x2 (<= 10^7): the
 * binomial interval of x1 of x1 + x2, pi, turned into pi/(1 - pi) t2/t1,
 * as exactci's poisson.exact for two samples. */
int dsp_pt_rr_minlike(double x1, double t1, double x2, double t2, double level,
		      double *lo, double *hi);
int dsp_pt_rr_blaker(double x1, double t1, double x2, double t2, double level,
		     double *lo, double *hi);

#endif
