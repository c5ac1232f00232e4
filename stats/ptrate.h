/*
 * ptrate.h - person-time rates: x events (an integer, 0 <= x <= 2^53) in an
 * exposure t (a real number > 0) such as officer-years, x ~ Poisson(lambda
 * t).  Interval functions take (x, t, level) or (x1, t1, x2, t2, level),
 * write bounds on the rate (events per unit of exposure) or on the rate
 * ratio (x1/t1) / (x2/t2), and return DSP_OK, DSP_EDOM or DSP_ENOCONV.
 * Tests store a two-sided p-value in *p and return DSP_OK or DSP_EDOM; p is
 * NaN unless DSP_OK.  Each count may be 2^53, so x1 + x2 up to 2^54 (the
 * conditional methods never form it where it would round).
 */
#ifndef DSP_PTRATE_H
#define DSP_PTRATE_H

/* Garwood's exact interval (gamma quantiles); lower 0 at x = 0. */
int dsp_pt_ci_exact(double x, double t, double level, double *lo, double *hi);
/* The mid-p exact interval. */
int dsp_pt_ci_midp(double x, double t, double level, double *lo, double *hi);
/* Byar's approximation to the exact interval. */
int dsp_pt_ci_byar(double x, double t, double level, double *lo, double *hi);
/* x/t -/+ z sqrt(x)/t, lower bound clipped at 0. */
int dsp_pt_ci_wald(double x, double t, double level, double *lo, double *hi);

/* Conditional on x1 + x2: Clopper-Pearson (exact) or mid-p on x1 of
 * x1 + x2, transformed to the ratio; and the Wald interval of log ratio. */
int dsp_pt_rr_exact(double x1, double t1, double x2, double t2, double level,
		    double *lo, double *hi);
int dsp_pt_rr_midp(double x1, double t1, double x2, double t2, double level,
		   double *lo, double *hi);
int dsp_pt_rr_wald(double x1, double t1, double x2, double t2, double level,
		   double *lo, double *hi);

/* Tests of equal rates, conditional on x1 + x2 = m: x1 ~ Binomial(m, p0),
 * p0 = t1/(t1+t2).  exact: two-sided as R's binom.test / poisson.test;
 * midp: twice the smaller one-sided mid-p, capped at 1; score: (x1 - m
 * p0)^2 / (m p0 q0) on 1 df.  p = 1 when m = 0. */
int dsp_pt_test_exact(double x1, double t1, double x2, double t2, double *p);
int dsp_pt_test_midp(double x1, double t1, double x2, double t2, double *p);
int dsp_pt_test_score(double x1, double t1, double x2, double t2, double *p);

/* Their one-sided forms, of "greater" (x1/t1 above x2/t2; "less" swaps the
 * groups): exact P(X >= x1), as R's poisson.test(alternative =
 * "greater"); midp P(X > x1) + P(x1)/2; score the upper normal tail of
 * (x1 - m p0) / sqrt(m p0 q0).  p = 1 when m = 0. */
int dsp_pt_test_exact_greater(double x1, double t1, double x2, double t2, double *p);
int dsp_pt_test_midp_greater(double x1, double t1, double x2, double t2, double *p);
int dsp_pt_test_score_greater(double x1, double t1, double x2, double t2, double *p);

#endif
