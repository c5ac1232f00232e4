/*
 * ratio.h - the ratio of two binomial proportions (relative rate, relative
 * risk) (x1/n1) / (x2/n2), group 1 against the reference group 2.
 *
 * Interval functions take counts held in doubles (integers, 0 <= x <= n,
 * n >= 1) and a level in (0,1), write the bounds and return DSP_OK,
 * DSP_EDOM or DSP_ENOCONV.  Zero cells follow the mathematics: with x1 = 0
 * the lower bound is 0, with x2 = 0 the upper bound is inf (see the man
 * page of disp-rate for each method's table of cases).
 */
#ifndef DSP_RATIO_H
#define DSP_RATIO_H

/* (x1/n1)/(x2/n2): inf when only x2 = 0, NaN when x1 = x2 = 0. */
double dsp_rr(double x1, double n1, double x2, double n2);

int dsp_rr_koopman(double x1, double n1, double x2, double n2, double level,
		   double *lo, double *hi);
int dsp_rr_katz(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi);

/* Koopman's interval with Miettinen & Nurminen's N/(N-1) variance factor. */
int dsp_rr_mn(double x1, double n1, double x2, double n2, double level,
	      double *lo, double *hi);

/* The test MN's interval inverts: X^2 (N-1)/N on 1 df; 1 at a zero margin. */
int dsp_test_score_mn(double x1, double n1, double x2, double n2, double *p);

/* Laud's skewness-corrected asymptotic score (SCAS) interval: the
 * Miettinen-Nurminen score with Gart and Nam's correction for skewness. */
int dsp_rr_scas(double x1, double n1, double x2, double n2, double level,
		double *lo, double *hi);

/* Laud's (2017) skewness-corrected score at phi, free of the level: the
 * root c near S/V^(1/2) of S/V^(1/2) - (c^2 - 1) mu3/(6 V^(3/2)) = c (the
 * interval is the hull of {phi : |c| <= z}); +-inf where it has none. */
double dsp_rr_scas_score(double x1, double n1, double x2, double n2, double phi);

/* The test SCAS inverts: p = 2 Phi(-z*), z* the least normal quantile at
 * which the SCAS interval holds 1 (|c(1)| where c falls through 1). */
int dsp_test_score_scas(double x1, double n1, double x2, double n2, double *p);

/* Their one-sided forms, of "greater" (x1/n1 above x2/n2): the upper
 * normal tail of the signed score at ratio 1 (MN's signed as x1 n2 - x2
 * n1, SCAS's c(1)); 1 at a zero margin. */
int dsp_test_score_mn_greater(double x1, double n1, double x2, double n2, double *p);
int dsp_test_score_scas_greater(double x1, double n1, double x2, double n2, double *p);

/* Katz's interval with 1/2 added to x1, n1, x2 and n2. */
int dsp_rr_adj_log(double x1, double n1, double x2, double n2, double level,
		   double *lo, double *hi);

/* Bailey's cube-root interval; (0, inf) when x1 or x2 is 0. */
int dsp_rr_bailey(double x1, double n1, double x2, double n2, double level,
		  double *lo, double *hi);

/* The adjusted inverse sinh interval: log rr -/+ 2 asinh(z/2 sqrt(1/x1 +
 * 1/x2 - 1/(n1+1) - 1/(n2+1))); at x1 = 0 the upper bound (z^2/n1)/(x2/n2),
 * at x2 = 0 the lower (x1/n1)/(z^2/n2). */
int dsp_rr_asinh(double x1, double n1, double x2, double n2, double level,
		 double *lo, double *hi);

/*
 * Koopman's score statistic for H0: ratio = phi, phi > 0: the Pearson
 * chi-square of the table fitted under the constraint p1 = phi p2.
 */
double dsp_rr_score_stat(double x1, double n1, double x2, double n2, double phi);

#endif
